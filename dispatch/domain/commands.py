"""The dispatcher's command line: one typed line becomes one command, or an error that points at the word.

Verbs, status words and dispositions are accepted in English and Indonesian, in full or short; case never
matters. A command renders back to the canonical line that parses to the same command, so history and
help can show commands the way the parser reads them. Completion suggests what may stand at the cursor.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from dispatch.domain.enums import Disposition, UnitStatus
from dispatch.domain.incidents import format_incident_number

#: Longest call sign the roster accepts (dispatch.domain.roster).
MAX_CALL_SIGN = 32
#: Incident sequences are printed with six digits (format_incident_number).
MAX_SEQUENCE = 999_999
#: Longest note accepted from the command line (dispatch.domain.incidents.MAX_NOTE_LENGTH).
MAX_NOTE = 20_000

_TOKEN = re.compile(r"\S+")
# ASCII digits only: \d would accept Arabic-Indic or full-width digits.
_FULL_NUMBER = re.compile(r"([0-9]{4})-([0-9]{1,6})", re.ASCII)
_SHORT_NUMBER = re.compile(r"[0-9]{1,6}", re.ASCII)
CURRENT = "."


class Verb(StrEnum):
    DISPATCH = "dispatch"
    STATUS = "status"
    NOTE = "note"
    CLOSE = "close"
    REOPEN = "reopen"
    FIND = "find"
    HELP = "help"


@dataclass(frozen=True)
class Words:
    """How a value may be typed: the short code first (used when rendering), then English, then Indonesian."""

    code: str
    english: tuple[str, ...]
    indonesian: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (self.code, *self.english, *self.indonesian)


VERB_WORDS: dict[Verb, Words] = {
    Verb.DISPATCH: Words("d", ("dispatch",), ("kirim",)),
    Verb.STATUS: Words("s", ("status", "st"), ()),
    Verb.NOTE: Words("n", ("note",), ("catat",)),
    Verb.CLOSE: Words("close", (), ("tutup",)),
    Verb.REOPEN: Words("reopen", (), ("bukaulang",)),
    Verb.FIND: Words("f", ("find",), ("cari",)),
    Verb.HELP: Words("?", ("help",), ("bantuan",)),
}

#: Status words. Multi-word forms may be typed with spaces, hyphens or underscores ("en route").
STATUS_WORDS: dict[UnitStatus, Words] = {
    UnitStatus.ACKNOWLEDGED: Words("ack", ("acknowledged",), ("terima", "diterima")),
    UnitStatus.EN_ROUTE: Words("er", ("enroute", "otw"), ("berangkat", "jalan")),
    UnitStatus.ON_SCENE: Words("os", ("onscene",), ("tiba", "dilokasi")),
    UnitStatus.PATIENT_CONTACT: Words("pc", ("patientcontact", "patient"), ("pasien", "kontak")),
    UnitStatus.TRANSPORTING: Words("tr", ("transporting", "transport"), ("angkut", "mengantar")),
    UnitStatus.AT_HOSPITAL: Words("hosp", ("athospital", "hospital"), ("rs", "dirs")),
    UnitStatus.CLEARED: Words("clr", ("cleared", "clear"), ("selesai",)),
    UnitStatus.AVAILABLE: Words("av", ("available", "avail"), ("siaga", "tersedia")),
    UnitStatus.OUT_OF_SERVICE: Words("oos", ("outofservice",), ("rusak", "gangguan")),
    UnitStatus.OFF_DUTY: Words("off", ("offduty",), ("libur",)),
    UnitStatus.STAGING: Words("stg", ("staging",), ("tunggu",)),
    UnitStatus.DELAYED: Words("dly", ("delayed",), ("tertunda", "terlambat")),
    UnitStatus.CANCELLED: Words("cxl", ("cancelled", "cancel"), ("batal",)),
}

#: The digits are the one-key choices of Close incident (F9) in the main window.
DISPOSITION_WORDS: dict[Disposition, Words] = {
    Disposition.HANDLED: Words("1", ("handled",), ("ditangani",)),
    Disposition.TRANSPORTED: Words("2", ("transported",), ("diangkut", "dirujuk")),
    Disposition.REFERRED: Words("3", ("referred",), ("dilimpahkan",)),
    Disposition.NO_ACTION_NEEDED: Words("4", ("noactionneeded", "noaction"), ("nihil", "tanpatindakan")),
    Disposition.GONE_ON_ARRIVAL: Words("5", ("goneonarrival", "gone"), ("pergi", "tidakditemukan")),
    Disposition.FALSE_ALARM: Words("6", ("falsealarm", "false"), ("palsu",)),
    Disposition.DUPLICATE: Words("7", ("duplicate", "dup"), ("ganda",)),
}


def _key(text: str) -> str:
    """The form words are compared in: case, spaces, hyphens and underscores do not matter."""
    return re.sub(r"[\s_\-]+", "", text.casefold())


T = TypeVar("T")


def _lookup(table: dict[T, Words]) -> dict[str, T]:
    found: dict[str, T] = {}
    for value, words in table.items():
        for word in (*words.all, str(value)):
            found.setdefault(_key(word), value)
    return found


_VERBS = _lookup(VERB_WORDS)
#: Verbs offered by completion: the words, not the one-letter codes.
_VERB_SUGGESTIONS = tuple(
    word
    for words in VERB_WORDS.values()
    for word in ((*words.english, *words.indonesian) if words.english else (words.code, *words.indonesian))
    if len(word) > 2
)
_STATUSES = _lookup(STATUS_WORDS)
_DISPOSITIONS = _lookup(DISPOSITION_WORDS)


class Problem(StrEnum):
    EMPTY = "empty"
    UNKNOWN_VERB = "unknown_verb"
    MISSING_INCIDENT = "missing_incident"
    BAD_INCIDENT = "bad_incident"
    MISSING_CALL_SIGN = "missing_call_sign"
    BAD_CALL_SIGN = "bad_call_sign"
    MISSING_STATUS = "missing_status"
    UNKNOWN_STATUS = "unknown_status"
    MISSING_TEXT = "missing_text"
    TEXT_TOO_LONG = "text_too_long"
    MISSING_DISPOSITION = "missing_disposition"
    UNKNOWN_DISPOSITION = "unknown_disposition"
    MISSING_TARGET = "missing_target"
    EXTRA_WORDS = "extra_words"


class CommandError(Exception):
    """What is wrong and where: ``position`` is the offset of ``token`` in the line (its end if missing)."""

    def __init__(self, problem: Problem, position: int, token: str = "") -> None:
        super().__init__(problem, position, token)
        self.problem = problem
        self.position = position
        self.token = token

    def __str__(self) -> str:
        return f"{self.problem.value} at {self.position}: {self.token!r}"


@dataclass(frozen=True)
class IncidentRef:
    """An incident as typed: a full number, a sequence of the current year, or the one open on screen."""

    year: int | None = None
    sequence: int | None = None

    @property
    def is_current(self) -> bool:
        return self.sequence is None

    def number(self, current_year: int) -> str | None:
        """The full incident number; None for the incident on screen (the caller knows which)."""
        if self.sequence is None:
            return None
        return format_incident_number(self.year if self.year is not None else current_year, self.sequence)

    def render(self) -> str:
        if self.sequence is None:
            return CURRENT
        if self.year is None:
            return str(self.sequence)
        return format_incident_number(self.year, self.sequence)


def parse_incident_ref(text: str) -> IncidentRef | None:
    """``2026-000123``, ``123`` or ``.``; None if the text is none of these."""
    if text == CURRENT:
        return IncidentRef()
    full = _FULL_NUMBER.fullmatch(text)
    if full:
        sequence = int(full.group(2))
        return IncidentRef(int(full.group(1)), sequence) if sequence else None
    if _SHORT_NUMBER.fullmatch(text):
        sequence = int(text)
        return IncidentRef(None, sequence) if sequence else None
    return None


@dataclass(frozen=True)
class DispatchCommand:
    incident: IncidentRef
    call_signs: tuple[str, ...]

    def render(self) -> str:
        return " ".join((Verb.DISPATCH.value, self.incident.render(), *self.call_signs))


@dataclass(frozen=True)
class StatusCommand:
    call_sign: str
    status: UnitStatus

    def render(self) -> str:
        return f"{Verb.STATUS.value} {self.call_sign} {STATUS_WORDS[self.status].code}"


@dataclass(frozen=True)
class NoteCommand:
    incident: IncidentRef
    text: str

    def render(self) -> str:
        return f"{Verb.NOTE.value} {self.incident.render()} {self.text}"


@dataclass(frozen=True)
class CloseCommand:
    incident: IncidentRef
    disposition: Disposition

    def render(self) -> str:
        return f"{Verb.CLOSE.value} {self.incident.render()} {DISPOSITION_WORDS[self.disposition].code}"


@dataclass(frozen=True)
class ReopenCommand:
    incident: IncidentRef

    def render(self) -> str:
        return f"{Verb.REOPEN.value} {self.incident.render()}"


@dataclass(frozen=True)
class FindCommand:
    """A call sign or an incident: the incident is tried first when the text reads as one."""

    target: str

    @property
    def incident(self) -> IncidentRef | None:
        return parse_incident_ref(self.target)

    def render(self) -> str:
        return f"{Verb.FIND.value} {self.target}"


@dataclass(frozen=True)
class HelpCommand:
    topic: Verb | None = None

    def render(self) -> str:
        return Verb.HELP.value if self.topic is None else f"{Verb.HELP.value} {self.topic.value}"


Command = (
    DispatchCommand | StatusCommand | NoteCommand | CloseCommand | ReopenCommand | FindCommand | HelpCommand
)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _tokens(line: str) -> list[_Token]:
    return [_Token(m.group(), m.start()) for m in _TOKEN.finditer(line)]


def parse_command(line: str) -> Command:
    """One command from one line; raises CommandError (and nothing else) when the line is not one."""
    tokens = _tokens(line)
    if not tokens:
        raise CommandError(Problem.EMPTY, 0)
    verb = _VERBS.get(_key(tokens[0].text))
    if verb is None:
        raise CommandError(Problem.UNKNOWN_VERB, tokens[0].start, tokens[0].text)
    args = tokens[1:]
    end = len(line.rstrip())
    if verb is Verb.DISPATCH:
        incident = _incident(args, 0, end)
        signs = _call_signs(args[1:])
        if not signs:
            raise CommandError(Problem.MISSING_CALL_SIGN, end)
        return DispatchCommand(incident, signs)
    if verb is Verb.STATUS:
        if not args:
            raise CommandError(Problem.MISSING_CALL_SIGN, end)
        sign = _call_sign(args[0])
        if len(args) < 2:
            raise CommandError(Problem.MISSING_STATUS, end)
        status = _STATUSES.get(_key("".join(t.text for t in args[1:])))
        if status is None:
            raise CommandError(Problem.UNKNOWN_STATUS, args[1].start, line[args[1].start : end])
        return StatusCommand(sign, status)
    if verb is Verb.NOTE:
        incident = _incident(args, 0, end)
        if len(args) < 2:
            raise CommandError(Problem.MISSING_TEXT, end)
        text = line[args[1].start : end]
        if len(text) > MAX_NOTE:
            raise CommandError(Problem.TEXT_TOO_LONG, args[1].start, text[:40])
        return NoteCommand(incident, text)
    if verb is Verb.CLOSE:
        incident = _incident(args, 0, end)
        if len(args) < 2:
            raise CommandError(Problem.MISSING_DISPOSITION, end)
        disposition = _DISPOSITIONS.get(_key("".join(t.text for t in args[1:])))
        if disposition is None or disposition is Disposition.NON_EMERGENCY:
            raise CommandError(Problem.UNKNOWN_DISPOSITION, args[1].start, line[args[1].start : end])
        return CloseCommand(incident, disposition)
    if verb is Verb.REOPEN:
        incident = _incident(args, 0, end)
        _no_more(args, 1)
        return ReopenCommand(incident)
    if verb is Verb.FIND:
        if not args:
            raise CommandError(Problem.MISSING_TARGET, end)
        _no_more(args, 1)
        return FindCommand(args[0].text)
    if not args:
        return HelpCommand()
    topic = _VERBS.get(_key(args[0].text))
    if topic is None:
        raise CommandError(Problem.UNKNOWN_VERB, args[0].start, args[0].text)
    _no_more(args, 1)
    return HelpCommand(topic)


def _incident(args: Sequence[_Token], index: int, end: int) -> IncidentRef:
    if len(args) <= index:
        raise CommandError(Problem.MISSING_INCIDENT, end)
    ref = parse_incident_ref(args[index].text)
    if ref is None:
        raise CommandError(Problem.BAD_INCIDENT, args[index].start, args[index].text)
    return ref


def _call_sign(token: _Token) -> str:
    if len(token.text) > MAX_CALL_SIGN:
        raise CommandError(Problem.BAD_CALL_SIGN, token.start, token.text)
    return token.text


def _call_signs(args: Sequence[_Token]) -> tuple[str, ...]:
    """Call signs separated by spaces or commas, each once (the first spelling kept)."""
    seen: dict[str, str] = {}
    for token in args:
        offset = 0
        for part in token.text.split(","):
            if part:
                sign = _call_sign(_Token(part, token.start + offset))
                seen.setdefault(sign.casefold(), sign)
            offset += len(part) + 1
    return tuple(seen.values())


def _no_more(args: Sequence[_Token], allowed: int) -> None:
    if len(args) > allowed:
        raise CommandError(Problem.EXTRA_WORDS, args[allowed].start, args[allowed].text)


# -- completion ----------------------------------------------------------------------------------------


def complete(
    text: str,
    cursor: int,
    call_signs: Iterable[str],
    incident_numbers: Iterable[str],
    allowed_statuses: Mapping[str, Collection[UnitStatus]] | None = None,
) -> list[str]:
    """Words that may replace the word at ``cursor``: verbs, call signs, incident numbers, status and
    disposition words, as the verb typed so far expects. Matching ignores case; an incident number also
    matches by its sequence without leading zeros ("12" finds 2026-000123). ``allowed_statuses`` (by
    call sign, in lower case) narrows the status words to the steps the unit may take from where it is."""
    cursor = max(0, min(cursor, len(text)))
    start, _end = word_at(text, cursor)
    prefix = text[start:cursor]
    before = [t.text for t in _tokens(text[:start])]
    position = len(before)
    if position == 0:
        return _matching(prefix, _VERB_SUGGESTIONS)
    verb = _VERBS.get(_key(before[0]))
    expects = _expected(verb, position)
    suggestions: list[str] = []
    if "verb" in expects:
        suggestions += _matching(prefix, (v.value for v in Verb))
    if "incident" in expects:
        suggestions += _matching_incidents(prefix, incident_numbers)
    if "unit" in expects:
        typed = {_key(t) for t in before[2:]} if verb is Verb.DISPATCH else set()
        suggestions += [s for s in _matching(prefix, call_signs) if _key(s) not in typed]
    if "status" in expects:
        allowed = (allowed_statuses or {}).get(before[1].casefold(), STATUS_WORDS.keys())
        statuses = [s for s in STATUS_WORDS if s in allowed]
        suggestions += _matching(prefix, (w for s in statuses for w in STATUS_WORDS[s].all))
    if "disposition" in expects:
        suggestions += _matching(prefix, (w for words in DISPOSITION_WORDS.values() for w in words.all))
    return list(dict.fromkeys(suggestions))


def word_at(text: str, cursor: int) -> tuple[int, int]:
    """Start and end of the word the cursor is in or just after (an empty span between words)."""
    start = cursor
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = cursor
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def replace_word(text: str, cursor: int, word: str) -> tuple[str, int]:
    """The line with the word at the cursor replaced by ``word`` and a space; the new cursor position."""
    start, end = word_at(text, cursor)
    rest = text[end:]
    if not rest.startswith(" "):
        rest = " " + rest
    return text[:start] + word + rest, start + len(word) + 1


def _expected(verb: Verb | None, position: int) -> set[str]:
    if verb is Verb.DISPATCH:
        return {"incident"} if position == 1 else {"unit"}
    if verb is Verb.STATUS:
        return {"unit"} if position == 1 else {"status"} if position == 2 else set()
    if verb is Verb.NOTE:
        return {"incident"} if position == 1 else set()
    if verb is Verb.CLOSE:
        return {"incident"} if position == 1 else {"disposition"} if position == 2 else set()
    if verb is Verb.REOPEN:
        return {"incident"} if position == 1 else set()
    if verb is Verb.FIND:
        return {"unit", "incident"} if position == 1 else set()
    if verb is Verb.HELP:
        return {"verb"} if position == 1 else set()
    return set()


def _matching(prefix: str, words: Iterable[str]) -> list[str]:
    wanted = prefix.casefold()
    return [w for w in words if w.casefold().startswith(wanted)]


def _matching_incidents(prefix: str, numbers: Iterable[str]) -> list[str]:
    found = []
    for number in numbers:
        sequence = number.rpartition("-")[2].lstrip("0")
        if number.startswith(prefix) or (
            prefix.isascii() and prefix.isdigit() and sequence.startswith(prefix)
        ):
            found.append(number)
    return found
