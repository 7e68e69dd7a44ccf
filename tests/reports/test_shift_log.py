"""The shift-log browser: every filter, full text over notes on SQLite and PostgreSQL, query plans."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, text

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import NoteKind, Refusal
from dispatch.domain.enums import CallClass, IncidentStatus, Presentation, Priority
from dispatch.reports import shift_log
from dispatch.reports.shift_log import (
    MARK_CLOSE,
    MARK_OPEN,
    LogFilter,
    fts5_query,
    matching_notes,
    search_log,
    search_notes,
    search_words,
    snippet,
    tsquery,
)
from dispatch.services import accounts, incidents
from dispatch.services.context import ServiceError
from dispatch.store.database import Database, open_database
from dispatch.store.tables import DutyShift
from tests.conftest import START
from tests.reports.log_calls import Floor, supervisor_on
from tests.store.postgres import migrated_schema, server


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, database: Database) -> Iterator[Database]:
    """The test's SQLite file, or a fresh PostgreSQL schema as the consoles' role sees it."""
    if request.param == "sqlite":
        yield database
        return
    with migrated_schema(server()) as schema:
        pg = open_database(schema.console_url)
        try:
            yield pg
        finally:
            pg.dispose()


@pytest.fixture
def floor(backend: Database, clock: ManualClock) -> Floor:
    return Floor.of(supervisor_on(backend, clock), clock)


@pytest.fixture
def recorded(floor: Floor) -> dict[str, int]:
    """A morning of calls (ids by name), two days after an earlier one from the same number."""
    dewi, agus = floor.dewi, floor.agus
    days_ago, _ = floor.answer(agus, "081234567890", category="FIRE", notes=("Kebakaran gudang kayu",))
    floor.clock.advance(2 * 86400)
    fire, fire_incident = floor.answer(
        dewi,
        "081234567890",
        category="FIRE",
        notes=("Kebakaran di Pasar Johar, asap tebal dari lantai dua", "Pemadam sudah di lokasi"),
    )
    prank = floor.classified(agus, "0248311234", CallClass.PRANK)
    abandoned = floor.abandon("P")
    fainted, _ = floor.answer(
        dewi, "+6285712345678", category="MED", notes=("Bu Se\u0301kar pingsan di depan rumah-sakit",)
    )
    return {
        "days_ago": days_ago.id,
        "fire": fire.id,
        "fire_incident": fire_incident.id,
        "prank": prank.id,
        "abandoned": abandoned.id,
        "fainted": fainted.id,
    }


@pytest.fixture(params=["few", "many"])
def strategy(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """SQLite reads words in few notes from the matches, in many from the calls: both, here."""
    if request.param == "many":
        monkeypatch.setattr(shift_log, "FEW_NOTES", 0)
        monkeypatch.setattr(shift_log, "CALL_BATCH", 2)
        monkeypatch.setattr(shift_log, "RANGE_GAP", 1)
    return str(request.param)


def _ids(rows: list) -> list[int]:
    return [row.call_id for row in rows]


def test_every_call_of_the_period_newest_first_with_its_incident(
    floor: Floor, recorded: dict[str, int]
) -> None:
    today = LogFilter(since=START + timedelta(days=1), until=floor.now() + timedelta(seconds=1))
    rows = search_log(floor.supervisor, today)
    assert _ids(rows) == [recorded["fainted"], recorded["abandoned"], recorded["prank"], recorded["fire"]]
    fainted, abandoned, prank, fire = rows
    assert fire.number == "0812-3456-7890"
    assert fire.answered_by == "dewi"
    assert fire.call_class is CallClass.EMERGENCY
    assert (fire.incident_number, fire.category, fire.priority) == ("2026-000002", "FIRE", Priority.P1)
    assert fire.incident_status is IncidentStatus.AWAITING_DISPATCH
    assert fire.snippet == ""
    assert fire.answered_at == fire.ring_at + timedelta(seconds=3)
    assert prank.call_class is CallClass.PRANK
    assert prank.incident_status is IncidentStatus.CANCELLED
    assert (abandoned.number, abandoned.presentation, abandoned.answered_by) == (
        "",
        Presentation.PRIVATE,
        None,
    )
    assert abandoned.incident_id is None
    assert abandoned.call_class is CallClass.ABANDONED
    assert fainted.number == "0857-1234-5678"
    everything = search_log(floor.supervisor, LogFilter())
    assert _ids(everything) == [*_ids(rows), recorded["days_ago"]]
    assert _ids(search_log(floor.supervisor, LogFilter(limit=2))) == _ids(rows)[:2]
    assert _ids(search_log(floor.supervisor, LogFilter(until=today.since))) == [recorded["days_ago"]]


def test_a_duty_shift_is_its_period(floor: Floor, recorded: dict[str, int]) -> None:
    fire_rang = next(
        r.ring_at for r in search_log(floor.supervisor, LogFilter()) if r.call_id == recorded["fire"]
    )
    with floor.supervisor.database.transaction() as session:
        shift = DutyShift(
            code="morning",
            day=fire_rang.date(),
            planned_start=fire_rang - timedelta(minutes=1),
            planned_end=fire_rang + timedelta(seconds=30),
            opened_at=fire_rang - timedelta(minutes=1),
            pass_down="",
            planned_events="",
        )
        session.add(shift)
        session.flush()
        shift_id = shift.id
    assert _ids(search_log(floor.supervisor, LogFilter(shift_id=shift_id))) == [recorded["fire"]]
    # Closed later than planned: the shift covers until it closed.
    with floor.supervisor.database.transaction() as session:
        session.get_one(DutyShift, shift_id).closed_at = floor.now()
    assert _ids(search_log(floor.supervisor, LogFilter(shift_id=shift_id))) == [
        recorded["fainted"],
        recorded["abandoned"],
        recorded["prank"],
        recorded["fire"],
    ]
    narrowed = LogFilter(shift_id=shift_id, until=fire_rang + timedelta(seconds=1))
    assert _ids(search_log(floor.supervisor, narrowed)) == [recorded["fire"]]
    with pytest.raises(ServiceError) as refused:
        search_log(floor.supervisor, LogFilter(shift_id=shift_id + 1))
    assert refused.value.code is Refusal.NO_SUCH_SHIFT


def test_who_answered_class_and_category(floor: Floor, recorded: dict[str, int]) -> None:
    sari = floor.supervisor
    dewi_id = floor.dewi.actor.user_id
    assert _ids(search_log(sari, LogFilter(user_id=dewi_id))) == [recorded["fainted"], recorded["fire"]]
    agus = LogFilter(user_id=floor.agus.actor.user_id)
    assert _ids(search_log(sari, agus)) == [recorded["prank"], recorded["days_ago"]]
    assert _ids(search_log(sari, LogFilter(call_class="prank"))) == [recorded["prank"]]
    assert _ids(search_log(sari, LogFilter(call_class="abandoned"))) == [recorded["abandoned"]]
    assert _ids(search_log(sari, LogFilter(category="FIRE"))) == [recorded["fire"], recorded["days_ago"]]
    both = LogFilter(category="FIRE", user_id=dewi_id, call_class="emergency")
    assert _ids(search_log(sari, both)) == [recorded["fire"]]
    assert search_log(sari, LogFilter(category="MAYAT")) == []


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("4567", ["fainted", "fire", "days_ago"]),  # anywhere in the number
        ("0812", ["fire", "days_ago"]),  # national form finds the E.164 +62812...
        ("62857", ["fainted"]),  # country code finds the national form too
        ("0857-1234", ["fainted"]),  # separators typed are ignored
        ("(024) 831", ["prank"]),  # a landline as received
        ("999999", []),
        ("P", []),  # no digit: nothing (a withheld marker is not a number)
    ],
)
@pytest.mark.parametrize("among", ["numbers", "calls"])
def test_digits_of_the_number(
    floor: Floor,
    recorded: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    among: str,
    typed: str,
    found: list[str],
) -> None:
    """Looked for among the distinct numbers, or (digits in very many numbers) in the calls."""
    if among == "calls":
        monkeypatch.setattr(shift_log, "MANY_NUMBERS", 0)
    rows = search_log(floor.supervisor, LogFilter(number=typed))
    assert _ids(rows) == [recorded[name] for name in found]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("2026-000002", ["fire"]),
        ("2026-2", ["fire"]),
        ("2", ["fire"]),  # that sequence number in every year
        ("  2026-000001 ", ["days_ago"]),
        ("026-0000", ["fainted", "prank", "fire", "days_ago"]),  # other text: inside the number
        ("2025-000002", []),
        ("9", []),
    ],
)
def test_the_incident_number(floor: Floor, recorded: dict[str, int], typed: str, found: list[str]) -> None:
    rows = search_log(floor.supervisor, LogFilter(incident_number=typed))
    assert _ids(rows) == [recorded[name] for name in found]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("kebakaran", ["fire", "days_ago"]),
        ("KEBAKARAN", ["fire", "days_ago"]),
        ("kebakar", ["fire", "days_ago"]),  # the last word is also the start of a word
        ("kebakaran pasar", ["fire"]),  # every word
        ("pasar kebakaran", ["fire"]),  # in any order
        ("pemadam", ["fire"]),  # in another note of the incident
        ("sekar", ["fainted"]),  # accents do not matter
        ("Sèkar", ["fainted"]),
        ("SE\u0301KAR", ["fainted"]),
        ("rumah-sakit", ["fainted"]),
        ('"kebakaran', ["fire", "days_ago"]),  # search syntax typed is only characters
        ("kebakaran OR pingsan", []),
        ("kebakaran NOT gudang", []),
        ("kebakaran -gudang", ["days_ago"]),  # "-" separates words, it does not exclude
        ("NEAR(kebakaran pasar)", []),  # "near" is a word like any other
        ("answered", []),  # the system's notes are codes, not searched
        ("johar gudang", []),
    ],
)
def test_words_of_the_notes(
    floor: Floor, recorded: dict[str, int], strategy: str, typed: str, found: list[str]
) -> None:
    rows = search_log(floor.supervisor, LogFilter(text=typed))
    assert _ids(rows) == [recorded[name] for name in found]


def test_the_snippet_shows_the_newest_matching_note_around_the_words(
    floor: Floor, recorded: dict[str, int], strategy: str
) -> None:
    rows = search_log(floor.supervisor, LogFilter(text="kebakaran"))
    assert [row.snippet for row in rows] == [
        f"{MARK_OPEN}Kebakaran{MARK_CLOSE} di Pasar Johar, asap tebal dari lantai dua",
        f"{MARK_OPEN}Kebakaran{MARK_CLOSE} gudang kayu",
    ]
    (fainted,) = search_log(floor.supervisor, LogFilter(text="sekar pingsan"))
    assert (
        fainted.snippet
        == f"Bu {MARK_OPEN}Se\u0301kar{MARK_CLOSE} {MARK_OPEN}pingsan{MARK_CLOSE} di depan rumah-sakit"
    )
    # A later note matching too is the one shown.
    incidents.add_note(floor.dewi, recorded["fire_incident"], "Kebakaran padam pukul 10.15")
    newest = search_log(floor.supervisor, LogFilter(text="kebakaran"))[0]
    assert newest.snippet == f"{MARK_OPEN}Kebakaran{MARK_CLOSE} padam pukul 10.15"


def test_text_without_a_word_finds_nothing(floor: Floor, recorded: dict[str, int]) -> None:
    assert search_log(floor.supervisor, LogFilter(text=' *"- ')) == []
    assert search_notes(floor.supervisor, "***") == []
    assert len(search_log(floor.supervisor, LogFilter(text="   "))) == 5  # nothing typed: no filter


def test_search_notes_newest_first(floor: Floor, recorded: dict[str, int]) -> None:
    hits = search_notes(floor.supervisor, "kebakaran")
    assert [hit.incident_number for hit in hits] == ["2026-000002", "2026-000001"]
    assert [hit.kind for hit in hits] == [NoteKind.NARRATIVE, NoteKind.NARRATIVE]
    assert hits[0].incident_id == recorded["fire_incident"]
    assert hits[0].snippet.startswith(f"{MARK_OPEN}Kebakaran{MARK_CLOSE} di Pasar")
    assert hits[0].at > hits[1].at
    assert len(search_notes(floor.supervisor, "kebakaran", limit=1)) == 1


def test_a_call_taker_may_not_browse_the_log(floor: Floor, recorded: dict[str, int]) -> None:
    for browse in (lambda: search_log(floor.dewi, LogFilter()), lambda: search_notes(floor.dewi, "api")):
        with pytest.raises(ServiceError) as refused:
            browse()
        assert refused.value.code is Refusal.SUPERVISOR_ONLY


# -- the words' syntax, as units -----------------------------------------------------------------


def test_the_words_are_quoted_for_fts5_and_plain_for_tsquery() -> None:
    words = search_words('kebakaran "pasar" NEAR(johar) api*')
    assert words == ("kebakaran", "pasar", "NEAR", "johar", "api")
    assert fts5_query(words) == '"kebakaran" "pasar" "NEAR" "johar" "api"*'
    assert tsquery(("Sèkar", "ru")) == "Sekar & ru:*"
    assert search_words("a" * 5 + " b" * 40) == ("aaaaa", *("b",) * 31)


def test_a_snippet_is_cut_around_the_first_match() -> None:
    note = " ".join(f"kata{i}" for i in range(40)) + " api di sini"
    shown = snippet(note, ("api",))
    assert shown.startswith("\u2026 kata36 kata37 kata38 kata39 " + MARK_OPEN + "api" + MARK_CLOSE)
    assert not shown.endswith("\u2026")
    assert snippet("tanpa kata yang dicari sama sekali", ("api",)) == "tanpa kata yang dicari sama sekali"
    assert snippet("  ", ("api",)) == ""


@given(
    st.text(st.characters(exclude_characters=MARK_OPEN + MARK_CLOSE), max_size=300),
    st.text(max_size=40),
)
def test_a_snippet_is_a_piece_of_its_note(note: str, typed: str) -> None:
    shown = snippet(note, search_words(typed))
    plain = shown.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").strip("\u2026 ")
    assert " ".join(plain.split()) in " ".join(note.split())
    assert shown.count(MARK_OPEN) == shown.count(MARK_CLOSE)


# -- any text: never an error, never a match the words do not make --------------------------------

VOCABULARY = (
    "api",
    "apinya",
    "kebakaran",
    "Kebakaran",
    "sèkar",
    "SEKAR",
    "near",
    "NEAR",
    "and",
    "or",
    "not",
    "rumah",
    "rumah-sakit",
    "sakit",
    "pasar",
    "e\u0301nak",
    "12",
    "123",
    "a1",
)
SYNTAX = " \"'*-+:^(){}.,;!?&|<>@#$%~`\\/"
NOTE_TEXTS = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6).map(" ".join)
#: Words, starts of words and search syntax, run together: "api*-keb", "(near) SE".
TYPED = st.lists(
    st.one_of(
        st.sampled_from(VOCABULARY),
        st.sampled_from(["ap", "keb", "rum", "s", "1", "SE", "NEAR", "OR"]),
        st.text(SYNTAX, min_size=1, max_size=3),
    ),
    max_size=8,
).map("".join)


def _tokens(text: str) -> list[str]:
    """Words as the tests count them: letters and digits (and marks), case and accents folded."""
    folded = unicodedata.normalize("NFKD", text)
    words = re.findall(r"(?:[^\W_]|[\u0300-\u036f])+", folded)
    return ["".join(c for c in word if not unicodedata.combining(c)).casefold() for word in words]


def _expected(notes: dict[int, str], typed: str) -> set[int]:
    wanted = _tokens(typed)[:32]
    if not wanted:
        return set()
    *whole, start = wanted
    return {
        note_id
        for note_id, text in notes.items()
        if all(word in _tokens(text) for word in whole) and any(t.startswith(start) for t in _tokens(text))
    }


@pytest.fixture
def noted(floor: Floor, incident_of: dict[int, int]) -> dict[int, str]:
    """Notes of several incidents made from the vocabulary, by note id (``incident_of`` filled)."""
    notes: dict[int, str] = {}
    texts = [
        "api kebakaran pasar",
        "Kebakaran NEAR rumah-sakit",
        "sèkar and or not",
        "SEKAR rumah 12",
        "e\u0301nak apinya 123",
        "a1 sakit",
        "pasar not near api",
    ]
    for start in range(0, len(texts), 3):
        _, incident = floor.answer(floor.dewi, "081234567890")
        for note in texts[start : start + 3]:
            note_id = incidents.add_note(floor.dewi, incident.id, note).id
            notes[note_id] = note
            incident_of[note_id] = incident.id
    return notes


@pytest.fixture
def incident_of() -> dict[int, int]:
    return {}


def test_any_text_finds_exactly_the_notes_holding_its_words(
    floor: Floor, noted: dict[int, str], incident_of: dict[int, int], strategy: str
) -> None:
    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(typed=TYPED)
    def check(typed: str) -> None:
        expected = _expected(noted, typed)
        found = {hit.note_id for hit in search_notes(floor.supervisor, typed, limit=1000)}
        assert found == expected
        if typed.strip():  # else: no words asked for, no filter
            rows = search_log(floor.supervisor, LogFilter(text=typed))
            assert {row.incident_id for row in rows} == {incident_of[note_id] for note_id in expected}

    check()


def test_any_unicode_text_is_searched_without_error(
    floor: Floor, noted: dict[int, str], strategy: str
) -> None:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(typed=st.text(max_size=60))
    def check(typed: str) -> None:
        hits = search_notes(floor.supervisor, typed, limit=1000)
        rows = search_log(floor.supervisor, LogFilter(text=typed, number=typed, incident_number=typed))
        assert {hit.note_id for hit in hits} <= set(noted)
        if typed.strip():  # else: no words asked for, no filter
            assert {row.incident_id for row in rows} <= {hit.incident_id for hit in hits}

    check()


# -- query plans (SQLite) ------------------------------------------------------------------------


def _plans(database: Database, run: object) -> list[str]:
    """EXPLAIN QUERY PLAN of every SELECT that reads calls while ``run()`` runs."""
    seen: list[tuple[str, object]] = []

    def before(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM calls" in statement:
            seen.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", before)
    try:
        run()  # type: ignore[operator]
    finally:
        event.remove(database.engine, "before_cursor_execute", before)
    plans = []
    with database.engine.connect() as connection:
        for statement, parameters in seen:
            rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            plans.append("\n".join(str(row[-1]) for row in rows))
    return plans


@pytest.mark.parametrize(
    ("log_filter", "index"),
    [
        (LogFilter(), "ix_calls_ring_at"),
        (LogFilter(user_id=2), "ix_calls_answered_by_ring_at"),
        (LogFilter(call_class="prank"), "ix_calls_classification_ring_at"),
        (LogFilter(incident_number="2026-000002"), "ix_calls_incident_id"),
        (LogFilter(text="kebakaran"), "ix_calls_incident_id"),
    ],
)
def test_the_browser_reads_calls_through_an_index(
    database: Database, clock: ManualClock, log_filter: LogFilter, index: str
) -> None:
    floor = Floor.of(supervisor_on(database, clock), clock)
    floor.answer(floor.dewi, "081234567890", category="FIRE", notes=("Kebakaran gudang",))
    since = clock.now() - timedelta(hours=12)
    for shown in (log_filter, replace(log_filter, since=since, until=clock.now())):
        plans = _plans(database, lambda shown=shown: search_log(floor.supervisor, shown))
        assert plans
        for plan in plans:
            assert re.search(r"SCAN calls(?! USING (COVERING )?INDEX)", plan) is None, plan
            assert "SEARCH calls USING" in plan or "SCAN calls USING INDEX ix_calls_ring_at" in plan, plan
        if shown is log_filter:
            assert any(index in plan for plan in plans), plans


def test_postgresql_reads_the_words_from_the_gin_index(floor: Floor, recorded: dict[str, int]) -> None:
    """The query writes the indexed expression exactly (else PostgreSQL could not use the index)."""
    database = floor.supervisor.database
    if database.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's expression index")
    with database.sessions() as session:
        query = matching_notes(session, ("kebakaran",))
        compiled = query.compile(database.engine, compile_kwargs={"literal_binds": True})
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(row[0] for row in session.execute(text(f"EXPLAIN {compiled}")))
    assert "ix_incident_notes_search" in plan, plan
