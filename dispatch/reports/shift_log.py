"""The supervisor's shift-log browser: the calls of a period, filtered, and full text over the notes.

``search_log`` reads calls newest first with their incident, narrowed by any of the filters of a
``LogFilter`` (a duty shift or a date range, who answered, the call's class, the incident's
category, digits of the number, the incident number, words of the notes); ``search_notes`` finds
notes by their words. Both need ``Action.REVIEW_SHIFTS``.

Words are searched in the full-text index of migration 0010 (SQLite FTS5, PostgreSQL tsvector),
never by handing the person's text to the search syntax: the text is cut into words (letters and
digits), each word is quoted, and the last one also matches as the start of a word (``kebakar``
finds ``kebakaran``), so quotes, ``*``, ``-``, ``NEAR`` or ``OR`` typed in are only characters.
Case and accents do not matter (``Sèkar`` = ``sekar``). A text with no letter or digit in it finds
nothing. Only the notes people wrote are searched: system notes are codes worded by the UI.

A snippet is the matching note's text around the first matching word, each matching word between
``MARK_OPEN`` and ``MARK_CLOSE`` (the UI shows them as it likes), cut with ``…``.

Every query is shaped for an index (``calls.ring_at`` and the pairs of migration 0010); the
plans are checked in tests/reports/test_shift_log.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session

from dispatch.domain.codes import NoteKind, Refusal
from dispatch.domain.enums import CallClass, IncidentStatus, Presentation, Priority
from dispatch.domain.incidents import format_incident_number
from dispatch.domain.permissions import Action, can, refusal_for
from dispatch.domain.phone import format_national
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import reading
from dispatch.store.tables import (
    NOTE_FOLD_FROM,
    NOTE_FOLD_TO,
    NOTE_SEARCH_TABLE,
    NOTE_SEARCH_VECTOR,
    NOTE_SEARCHABLE,
    Call,
    CallNumber,
    DutyShift,
    Incident,
    IncidentCounter,
    IncidentNote,
    User,
)

#: Around each matching word of a snippet.
MARK_OPEN = "\u27e6"
MARK_CLOSE = "\u27e7"
ELLIPSIS = "\u2026"
#: A person's search uses at most this many words (FTS5 refuses very deep queries).
MAX_WORDS = 32
#: Rows a search returns at most, whatever is asked.
MAX_LIMIT = 5000
#: Words in at most this many notes are looked for from the notes; in more, from the calls.
FEW_NOTES = 2000
#: Digits found in at most this many numbers are looked for by number; in more, in the calls.
MANY_NUMBERS = 500
#: Calls read at a time while looking for words found in many notes.
CALL_BATCH = 1000
#: Note ids further apart than this are checked against the index as separate ranges.
RANGE_GAP = 1000
#: Words before the first match, and words in all, that a snippet shows.
SNIPPET_LEAD = 4
SNIPPET_WORDS = 18

# A word: letters and digits, with any combining marks written after them ("e" + U+0301).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_DIGITS = re.compile(r"[0-9]")
_INCIDENT_NUMBER = re.compile(r"([0-9]{4})-([0-9]{1,6})")
_SEQUENCE = re.compile(r"[0-9]{1,6}")
_NUMBER_PIECE = re.compile(r"[0-9-]+")
_FOLD = str.maketrans(NOTE_FOLD_FROM[: len(NOTE_FOLD_TO)], NOTE_FOLD_TO, NOTE_FOLD_FROM[len(NOTE_FOLD_TO) :])


@dataclass(frozen=True)
class LogFilter:
    """What the browser shows: every filter left empty shows every call of the period, newest first.

    ``shift_id`` limits to the duty shift's period ([opened, closed), or its planned end while open),
    together with ``since``/``until`` when given too. ``number``: digits typed, found anywhere in the
    number as received or in its E.164 form (``0812`` also finds ``+62812...``). ``incident_number``:
    ``2026-000123``, ``2026-123``, or ``123`` (that sequence number in every year); other digits and
    dashes are looked for inside the numbers (anything else finds nothing). ``text``: words of the
    incident's notes.
    """

    since: datetime | None = None
    until: datetime | None = None
    shift_id: int | None = None
    user_id: int | None = None
    call_class: str | None = None
    category: str | None = None
    number: str = ""
    incident_number: str = ""
    text: str = ""
    limit: int = 500


@dataclass(frozen=True)
class LogRow:
    call_id: int
    ring_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    #: The dialling form when the number is known in E.164, else as received ("" when withheld).
    number: str
    presentation: Presentation
    call_class: CallClass | None
    #: Username of who answered at a console (None: not answered, or at the telephone).
    answered_by: str | None
    incident_id: int | None
    incident_number: str | None
    category: str | None
    priority: Priority | None
    incident_status: IncidentStatus | None
    #: With a text filter: the incident's newest matching note around the match; else "".
    snippet: str = ""


@dataclass(frozen=True)
class NoteHit:
    note_id: int
    incident_id: int
    incident_number: str
    at: datetime
    snippet: str
    kind: NoteKind


# -- words ---------------------------------------------------------------------------------------


def search_words(typed: str) -> tuple[str, ...]:
    """The words of a person's search text (letters and digits; the rest separates them)."""
    found = _WORD.findall(unicodedata.normalize("NFC", typed))
    # A mark typed alone (a combining accent with no letter before it) is no word.
    return tuple(word for word in found if any(c.isalnum() for c in word))[:MAX_WORDS]


def fts5_query(words: Sequence[str]) -> str:
    """An FTS5 MATCH expression: every word, each quoted, the last one also as a prefix."""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def tsquery(words: Sequence[str]) -> str:
    """A ``to_tsquery('simple', ...)`` text: every word folded as the index folds, the last a prefix.

    The words hold letters and digits only, none of tsquery's operators or quotes.
    """
    folded = [word.translate(_FOLD) for word in words]
    return " & ".join([*folded[:-1], folded[-1] + ":*"])


@lru_cache(maxsize=8192)
def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def snippet(note: str, words: Sequence[str]) -> str:
    """The note around its first word matching ``words`` (the last one as a prefix), matches marked.

    A note whose words match none (the database's tokeniser differs slightly) shows its beginning.
    """
    whole = {_folded(word) for word in words[:-1]}
    start = _folded(words[-1]) if words else ""
    tokens = list(_WORD.finditer(note))
    if not tokens:
        return " ".join(note.split())

    def matches(token: str) -> bool:
        folded = _folded(token)
        return folded in whole or (bool(start) and folded.startswith(start))

    hits = [i for i, token in enumerate(tokens) if matches(token.group())]
    first = max(0, hits[0] - SNIPPET_LEAD) if hits else 0
    last = min(len(tokens), first + SNIPPET_WORDS) - 1
    begin = 0 if first == 0 else tokens[first].start()
    end = len(note) if last == len(tokens) - 1 else tokens[last].end()
    parts: list[str] = [ELLIPSIS, " "] if begin > 0 else []
    position = begin
    for index in hits:
        if first <= index <= last:
            token = tokens[index]
            parts += [note[position : token.start()], MARK_OPEN, token.group(), MARK_CLOSE]
            position = token.end()
    parts.append(note[position:end])
    if end < len(note):
        parts += [" ", ELLIPSIS]
    return " ".join("".join(parts).split())


# -- queries -------------------------------------------------------------------------------------


def _require_reviewer(ctx: ServiceContext) -> None:
    if not can(ctx.actor.role, Action.REVIEW_SHIFTS):
        raise ServiceError(refusal_for(Action.REVIEW_SHIFTS))


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _hit_id(session: Session) -> ColumnElement[int]:
    """The note id column of ``matching_notes`` (the FTS5 table's rowid on SQLite)."""
    if _postgres(session):
        return IncidentNote.id.expression
    return literal_column("rowid", Integer)


def matching_notes(session: Session, words: Sequence[str]) -> Select[int]:
    """The ids (``note_id``) of the searchable notes holding ``words``: one index lookup."""
    if _postgres(session):
        return select(IncidentNote.id.label("note_id")).where(
            text(f"{NOTE_SEARCH_VECTOR} @@ to_tsquery('simple', :note_query)").bindparams(
                note_query=tsquery(words)
            ),
            text(NOTE_SEARCHABLE),
        )
    return (
        select(_hit_id(session).label("note_id"))
        .select_from(table(NOTE_SEARCH_TABLE))
        .where(text(f"{NOTE_SEARCH_TABLE} MATCH :note_query").bindparams(note_query=fts5_query(words)))
    )


def _period(session: Session, log_filter: LogFilter) -> tuple[datetime | None, datetime | None]:
    since, until = log_filter.since, log_filter.until
    if log_filter.shift_id is not None:
        shift = session.get(DutyShift, log_filter.shift_id)
        if shift is None:
            raise ServiceError(Refusal.NO_SUCH_SHIFT, shift_id=log_filter.shift_id)
        end = shift.closed_at or shift.planned_end
        since = shift.opened_at if since is None else max(since, shift.opened_at)
        until = end if until is None else min(until, end)
    return since, until


def _number_condition(session: Session, typed: str) -> ColumnElement[bool] | None:
    """Calls whose number, as received or in E.164, holds the digits typed.

    The numbers are looked for among the distinct ones (``call_numbers``, migration 0012), then the
    calls by the numbers found (their indexes). Digits in very many numbers (a few typed) are looked
    for in the calls themselves: newest first, the page fills at once.
    """
    if not typed.strip():
        return None
    digits = "".join(_DIGITS.findall(typed))
    if not digits:
        return false()
    # The national trunk prefix and the country code stand for each other: 0812... = +62812...
    patterns = {digits}
    if digits.startswith("0"):
        patterns.add("62" + digits[1:])
    if digits.startswith("62"):
        patterns.add("0" + digits[2:])
    found = session.scalars(
        select(CallNumber.number)
        .where(or_(*(CallNumber.number.contains(pattern, autoescape=True) for pattern in sorted(patterns))))
        .limit(MANY_NUMBERS + 1)
    ).all()
    if len(found) <= MANY_NUMBERS:
        return or_(Call.number_e164.in_(found), Call.number_raw.in_(found)) if found else false()
    return or_(
        *(Call.number_e164.contains(pattern, autoescape=True) for pattern in sorted(patterns)),
        *(Call.number_raw.contains(pattern, autoescape=True) for pattern in sorted(patterns)),
    )


def _incident_number_condition(session: Session, typed: str) -> ColumnElement[bool] | None:
    wanted = typed.strip()
    if not wanted:
        return None
    full = _INCIDENT_NUMBER.fullmatch(wanted)
    if full is not None:
        numbers = [format_incident_number(int(full.group(1)), int(full.group(2)))]
    elif _SEQUENCE.fullmatch(wanted):
        years = session.scalars(select(IncidentCounter.year).order_by(IncidentCounter.year)).all()
        numbers = [format_incident_number(year, int(wanted)) for year in years]
    elif _NUMBER_PIECE.fullmatch(wanted):
        return Call.incident_id.in_(
            select(Incident.id).where(Incident.number.contains(wanted, autoescape=True))
        )
    else:
        return false()  # numbers hold digits and a dash only
    return Call.incident_id.in_(select(Incident.id).where(Incident.number.in_(numbers)))


def _conditions(session: Session, log_filter: LogFilter) -> list[ColumnElement[bool]]:
    """Every filter but the words, as conditions on calls joined to their incident."""
    since, until = _period(session, log_filter)
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(Call.ring_at >= since)
    if until is not None:
        conditions.append(Call.ring_at < until)
    if log_filter.user_id is not None:
        conditions.append(Call.answered_by == log_filter.user_id)
    if log_filter.call_class:
        conditions.append(Call.classification == log_filter.call_class)
    if log_filter.category:
        conditions.append(Incident.category == log_filter.category)
    for condition in (
        _number_condition(session, log_filter.number),
        _incident_number_condition(session, log_filter.incident_number),
    ):
        if condition is not None:
            conditions.append(condition)
    return conditions


def _log_query(conditions: Sequence[ColumnElement[bool]]) -> Select[*tuple[Any, ...]]:
    return (
        select(
            Call.id,
            Call.ring_at,
            Call.answered_at,
            Call.ended_at,
            Call.number_raw,
            Call.number_e164,
            Call.presentation,
            Call.classification,
            User.username,
            Call.incident_id,
            Incident.number,
            Incident.category,
            Incident.priority,
            Incident.status,
        )
        .select_from(Call)
        .outerjoin(Incident, Incident.id == Call.incident_id)
        .outerjoin(User, User.id == Call.answered_by)
        .where(*conditions)
        .order_by(Call.ring_at.desc(), Call.id.desc())
    )


def search_log(ctx: ServiceContext, log_filter: LogFilter) -> list[LogRow]:
    """The calls ``log_filter`` selects, newest first (ring time, then id), at most its ``limit``."""
    _require_reviewer(ctx)
    limit = max(1, min(log_filter.limit, MAX_LIMIT))
    words = search_words(log_filter.text)
    if log_filter.text.strip() and not words:
        return []
    with reading(ctx) as session:
        conditions = _conditions(session, log_filter)
        query = _log_query(conditions)
        matcher = _NoteMatcher(session, words)
        if not words:
            rows = list(session.execute(query.limit(limit)))
        elif _postgres(session):
            # The planner joins the GIN index's matches with the calls by itself.
            with_words = Call.incident_id.in_(
                select(IncidentNote.incident_id).where(IncidentNote.id.in_(matching_notes(session, words)))
            )
            rows = list(session.execute(query.where(with_words).limit(limit)))
        else:
            rows = _rows_with_words(session, conditions, matcher, limit)
        snippets = _incident_snippets(session, {row.incident_id for row in rows if row.incident_id}, matcher)
    return [
        LogRow(
            call_id=row.id,
            ring_at=row.ring_at,
            answered_at=row.answered_at,
            ended_at=row.ended_at,
            number=_display_number(row.number_e164, row.number_raw, row.presentation),
            presentation=Presentation(row.presentation),
            call_class=CallClass(row.classification) if row.classification else None,
            answered_by=row.username,
            incident_id=row.incident_id,
            incident_number=row.number,
            category=row.category,
            priority=Priority(row.priority) if row.priority else None,
            incident_status=IncidentStatus(row.status) if row.status else None,
            snippet=snippets.get(row.incident_id or 0, ""),
        )
        for row in rows
    ]


def _rows_with_words(
    session: Session, conditions: Sequence[ColumnElement[bool]], matcher: _NoteMatcher, limit: int
) -> list[Any]:
    """SQLite: the log's rows whose incident has a note holding the words, newest first.

    SQLite's planner cannot weigh an FTS5 match against a B-tree range, so the order is chosen
    here. Words in few notes (at most ``FEW_NOTES``): their incidents are read from the matches and
    the calls from the incidents. Words in many: the calls are read newest first in batches (their
    ids only), and each batch's notes are checked against the index by id ranges (FTS5 seeks a
    rowid range cheaply; a list of rowids it would look up one full query at a time).
    """
    words = matcher.words
    newest = session.scalars(
        matching_notes(session, words).order_by(_hit_id(session).desc()).limit(FEW_NOTES + 1)
    ).all()
    if len(newest) <= FEW_NOTES:
        matcher.every = set(newest)
        incidents = set(session.scalars(select(IncidentNote.incident_id).where(IncidentNote.id.in_(newest))))
        if not incidents:
            return []
        return list(session.execute(_log_query([*conditions, Call.incident_id.in_(incidents)]).limit(limit)))
    found: list[int] = []
    # The ring time as stored (SQLite's text sorts as the instants do): no conversion per row.
    stored_ring = type_coerce(Call.ring_at, String)
    candidates = (
        select(Call.id, stored_ring.label("ring"), Call.incident_id)
        .select_from(Call)
        .outerjoin(Incident, Incident.id == Call.incident_id)
        .where(*conditions, Call.incident_id.is_not(None))
        .order_by(Call.ring_at.desc(), Call.id.desc())
    )
    batch_query = candidates
    while len(found) < limit:
        batch = list(session.execute(batch_query.limit(CALL_BATCH)))
        if not batch:
            break
        notes = _searchable_notes(session, {row.incident_id for row in batch})
        matched = matcher.among([note_id for note_id, _ in notes])
        with_words = {incident_id for note_id, incident_id in notes if note_id in matched}
        found += [row.id for row in batch if row.incident_id in with_words]
        if len(batch) < CALL_BATCH:
            break
        last = batch[-1]
        batch_query = candidates.where(
            stored_ring <= last.ring, or_(stored_ring < last.ring, Call.id < last.id)
        )
    if not found:
        return []
    return list(session.execute(_log_query([Call.id.in_(found[:limit])])))


def _searchable_notes(session: Session, incident_ids: set[int]) -> list[tuple[int, int]]:
    """(note id, incident id) of the incidents' searchable notes, by note id."""
    if not incident_ids:
        return []
    if _postgres(session):
        wanted: ColumnElement[bool] = IncidentNote.incident_id.in_(incident_ids)
    else:
        # One parameter for the batch's thousand ids (json_each), not a thousand to bind.
        listed = select(literal_column("value", Integer)).select_from(
            func.json_each(json.dumps(sorted(incident_ids)))
        )
        wanted = IncidentNote.incident_id.in_(listed)
    return [
        (row.id, row.incident_id)
        for row in session.execute(
            select(IncidentNote.id, IncidentNote.incident_id)
            .where(wanted, text(NOTE_SEARCHABLE))
            .order_by(IncidentNote.id)
        )
    ]


def _id_ranges(ids: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted ids as ranges, a new range where ids are more than ``RANGE_GAP`` apart."""
    ranges: list[tuple[int, int]] = []
    for note_id in sorted(ids):
        if ranges and note_id - ranges[-1][1] <= RANGE_GAP:
            ranges[-1] = (ranges[-1][0], note_id)
        else:
            ranges.append((note_id, note_id))
    return ranges


class _NoteMatcher:
    """Which notes hold the words: asked of the index once per note, or known whole when few match."""

    def __init__(self, session: Session, words: Sequence[str]) -> None:
        self.session = session
        self.words = words
        #: Every matching note, when all of them were read (the words are in few notes).
        self.every: set[int] | None = None
        self._checked: set[int] = set()
        self._matched: set[int] = set()

    def among(self, note_ids: Sequence[int]) -> set[int]:
        """Which of these notes hold the words."""
        if self.every is not None:
            return self.every.intersection(note_ids)
        unchecked = sorted(set(note_ids) - self._checked)
        if unchecked:
            self._matched |= _probe(self.session, unchecked, self.words)
            self._checked.update(unchecked)
        return self._matched.intersection(note_ids)


def _probe(session: Session, note_ids: Sequence[int], words: Sequence[str]) -> set[int]:
    if _postgres(session):
        return set(session.scalars(matching_notes(session, words).where(IncidentNote.id.in_(note_ids))))
    wanted = set(note_ids)
    matched: set[int] = set()
    for low, high in _id_ranges(note_ids):
        hits = matching_notes(session, words).where(_hit_id(session).between(low, high))
        matched.update(note_id for note_id in session.scalars(hits) if note_id in wanted)
    return matched


def _display_number(e164: str | None, raw: str, presentation: str) -> str:
    if e164:
        return format_national(e164)
    return raw if presentation == Presentation.ALLOWED.value else ""


def _incident_snippets(session: Session, incident_ids: set[int], matcher: _NoteMatcher) -> dict[int, str]:
    """Each incident's newest note holding the words, as a snippet."""
    words = matcher.words
    if not words or not incident_ids:
        return {}
    notes = session.execute(
        select(IncidentNote.id, IncidentNote.incident_id, IncidentNote.text)
        .where(IncidentNote.incident_id.in_(incident_ids), text(NOTE_SEARCHABLE))
        .order_by(IncidentNote.id)
    ).all()
    matched = matcher.among([note.id for note in notes])
    newest = {note.incident_id: note.text for note in notes if note.id in matched}
    return {incident_id: snippet(note, words) for incident_id, note in newest.items()}


def search_notes(ctx: ServiceContext, typed: str, limit: int = 200) -> list[NoteHit]:
    """The notes holding the words of ``typed``, newest first (most recently written), at most ``limit``."""
    _require_reviewer(ctx)
    words = search_words(typed)
    if not words:
        return []
    limit = max(1, min(limit, MAX_LIMIT))
    with reading(ctx) as session:
        # Newest first straight from the index (FTS5 walks its rowids backwards), then the rows.
        hits = matching_notes(session, words).order_by(_hit_id(session).desc()).limit(limit).subquery()
        rows = session.execute(
            select(
                IncidentNote.id,
                IncidentNote.incident_id,
                IncidentNote.at,
                IncidentNote.kind,
                IncidentNote.text,
                Incident.number,
            )
            .join(hits, hits.c.note_id == IncidentNote.id)
            .join(Incident, Incident.id == IncidentNote.incident_id)
            .order_by(IncidentNote.id.desc())
        ).all()
    return [
        NoteHit(
            note_id=row.id,
            incident_id=row.incident_id,
            incident_number=row.number,
            at=row.at,
            snippet=snippet(row.text, words),
            kind=NoteKind(row.kind),
        )
        for row in rows
    ]
