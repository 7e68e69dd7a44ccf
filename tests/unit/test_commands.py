"""The command line's parser and completion: both languages, short forms, errors that point at the word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.commands import (
    DISPOSITION_WORDS,
    STATUS_WORDS,
    VERB_WORDS,
    CloseCommand,
    Command,
    CommandError,
    DispatchCommand,
    FindCommand,
    HelpCommand,
    IncidentRef,
    NoteCommand,
    Problem,
    StatusCommand,
    Verb,
    complete,
    parse_command,
    parse_incident_ref,
    replace_word,
)
from dispatch.domain.enums import Disposition, UnitStatus

SIGNS = ["DEMO-PSC-01", "DEMO-PSC-02", "DEMO-POL-01", "DEMO-DMK-01"]
NUMBERS = ["2026-000123", "2026-000012", "2026-000200"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("dispatch 2026-000123 DEMO-PSC-01", DispatchCommand(IncidentRef(2026, 123), ("DEMO-PSC-01",))),
        (
            "d 123 demo-psc-01 DEMO-POL-01",
            DispatchCommand(IncidentRef(None, 123), ("demo-psc-01", "DEMO-POL-01")),
        ),
        ("KIRIM . a,b", DispatchCommand(IncidentRef(), ("a", "b"))),
        ("d 7 a A a", DispatchCommand(IncidentRef(None, 7), ("a",))),
        ("status DEMO-PSC-01 ack", StatusCommand("DEMO-PSC-01", UnitStatus.ACKNOWLEDGED)),
        ("s x terima", StatusCommand("x", UnitStatus.ACKNOWLEDGED)),
        ("st x otw", StatusCommand("x", UnitStatus.EN_ROUTE)),
        ("s x En Route", StatusCommand("x", UnitStatus.EN_ROUTE)),
        ("s x en_route", StatusCommand("x", UnitStatus.EN_ROUTE)),
        ("s x berangkat", StatusCommand("x", UnitStatus.EN_ROUTE)),
        ("s x tiba", StatusCommand("x", UnitStatus.ON_SCENE)),
        ("s x on scene", StatusCommand("x", UnitStatus.ON_SCENE)),
        ("s x pc", StatusCommand("x", UnitStatus.PATIENT_CONTACT)),
        ("s x tr", StatusCommand("x", UnitStatus.TRANSPORTING)),
        ("s x rs", StatusCommand("x", UnitStatus.AT_HOSPITAL)),
        ("s x hosp", StatusCommand("x", UnitStatus.AT_HOSPITAL)),
        ("s x selesai", StatusCommand("x", UnitStatus.CLEARED)),
        ("s x clr", StatusCommand("x", UnitStatus.CLEARED)),
        ("s x siaga", StatusCommand("x", UnitStatus.AVAILABLE)),
        ("s x tersedia", StatusCommand("x", UnitStatus.AVAILABLE)),
        ("s x av", StatusCommand("x", UnitStatus.AVAILABLE)),
        ("s x oos", StatusCommand("x", UnitStatus.OUT_OF_SERVICE)),
        ("s x off", StatusCommand("x", UnitStatus.OFF_DUTY)),
        ("s x stg", StatusCommand("x", UnitStatus.STAGING)),
        ("s x dly", StatusCommand("x", UnitStatus.DELAYED)),
        ("s x cxl", StatusCommand("x", UnitStatus.CANCELLED)),
        ("note 12 Korban  dua orang ", NoteCommand(IncidentRef(None, 12), "Korban  dua orang")),
        ("catat . lift", NoteCommand(IncidentRef(), "lift")),
        ("close 2026-5 handled", CloseCommand(IncidentRef(2026, 5), Disposition.HANDLED)),
        ("tutup 5 6", CloseCommand(IncidentRef(None, 5), Disposition.FALSE_ALARM)),
        ("tutup 5 palsu", CloseCommand(IncidentRef(None, 5), Disposition.FALSE_ALARM)),
        ("close . gone on arrival", CloseCommand(IncidentRef(), Disposition.GONE_ON_ARRIVAL)),
        ("find DEMO-PSC-01", FindCommand("DEMO-PSC-01")),
        ("cari 123", FindCommand("123")),
        ("help", HelpCommand()),
        ("? kirim", HelpCommand(Verb.DISPATCH)),
    ],
)
def test_lines_in_both_languages_and_short_forms_parse(line: str, expected: Command) -> None:
    assert parse_command(line) == expected


def test_every_status_and_disposition_word_in_the_tables_parses_to_its_value() -> None:
    for status, words in STATUS_WORDS.items():
        for word in (*words.all, status.value):
            assert parse_command(f"s X {word.upper()}") == StatusCommand("X", status), word
    for disposition, words in DISPOSITION_WORDS.items():
        for word in words.all:
            assert parse_command(f"close 1 {word}") == CloseCommand(IncidentRef(None, 1), disposition), word
    assert UnitStatus.DISPATCHED not in STATUS_WORDS  # dispatching is its own verb, with an incident
    assert Disposition.NON_EMERGENCY not in DISPOSITION_WORDS


def test_no_word_means_two_things() -> None:
    from dispatch.domain.commands import _key

    for table in (VERB_WORDS, STATUS_WORDS, DISPOSITION_WORDS):
        keys = [_key(w) for words in table.values() for w in words.all]  # type: ignore[attr-defined]
        assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("line", "problem", "position", "token"),
    [
        ("", Problem.EMPTY, 0, ""),
        ("   ", Problem.EMPTY, 0, ""),
        ("kirm 1 A", Problem.UNKNOWN_VERB, 0, "kirm"),
        ("d", Problem.MISSING_INCIDENT, 1, ""),
        ("d  ", Problem.MISSING_INCIDENT, 1, ""),
        ("d abc A", Problem.BAD_INCIDENT, 2, "abc"),
        ("d 0 A", Problem.BAD_INCIDENT, 2, "0"),
        ("d 1234567 A", Problem.BAD_INCIDENT, 2, "1234567"),
        ("d ١٢٣ A", Problem.BAD_INCIDENT, 2, "١٢٣"),
        ("d 12", Problem.MISSING_CALL_SIGN, 4, ""),
        ("d 12 ,,", Problem.MISSING_CALL_SIGN, 7, ""),
        ("d 12 ok," + "x" * 33, Problem.BAD_CALL_SIGN, 8, "x" * 33),
        ("s", Problem.MISSING_CALL_SIGN, 1, ""),
        ("s A", Problem.MISSING_STATUS, 3, ""),
        ("s A onscen", Problem.UNKNOWN_STATUS, 4, "onscen"),
        ("s A dispatched", Problem.UNKNOWN_STATUS, 4, "dispatched"),
        ("n 5", Problem.MISSING_TEXT, 3, ""),
        ("close 5", Problem.MISSING_DISPOSITION, 7, ""),
        ("close 5 8", Problem.UNKNOWN_DISPOSITION, 8, "8"),
        ("close 5 non_emergency", Problem.UNKNOWN_DISPOSITION, 8, "non_emergency"),
        ("find", Problem.MISSING_TARGET, 4, ""),
        ("find A B", Problem.EXTRA_WORDS, 7, "B"),
        ("help me", Problem.UNKNOWN_VERB, 5, "me"),
    ],
)
def test_errors_name_the_problem_and_the_word(line: str, problem: Problem, position: int, token: str) -> None:
    with pytest.raises(CommandError) as caught:
        parse_command(line)
    assert (caught.value.problem, caught.value.position, caught.value.token) == (problem, position, token)
    if token:
        assert line[position : position + len(token)] == token


def test_a_note_longer_than_the_narrative_allows_is_refused() -> None:
    with pytest.raises(CommandError) as caught:
        parse_command("n 1 " + "a" * 20_001)
    assert caught.value.problem is Problem.TEXT_TOO_LONG


def test_incident_references() -> None:
    assert parse_incident_ref("2026-000123") == IncidentRef(2026, 123)
    assert parse_incident_ref("0123") == IncidentRef(None, 123)
    assert parse_incident_ref(".") == IncidentRef()
    assert parse_incident_ref("2026-") is None
    assert parse_incident_ref("-5") is None
    assert IncidentRef(None, 123).number(2027) == "2027-000123"
    assert IncidentRef(2026, 5).number(2027) == "2026-000005"
    assert IncidentRef().number(2027) is None
    assert FindCommand("12").incident == IncidentRef(None, 12)
    assert FindCommand("DEMO-PSC-01").incident is None


def test_completion_of_verbs_call_signs_incidents_statuses_and_dispositions() -> None:
    assert complete("", 0, SIGNS, NUMBERS)[:2] == ["dispatch", "kirim"]
    assert complete("ki", 2, SIGNS, NUMBERS) == ["kirim"]
    assert complete("d ", 2, SIGNS, NUMBERS) == NUMBERS
    assert complete("d 12", 4, SIGNS, NUMBERS) == ["2026-000123", "2026-000012"]
    assert complete("d 2026-0002", 11, SIGNS, NUMBERS) == ["2026-000200"]
    # Units already named are not offered again; case does not matter.
    assert complete("d 12 demo-psc-01 demo-p", 23, SIGNS, NUMBERS) == ["DEMO-PSC-02", "DEMO-POL-01"]
    assert complete("s demo-po", 9, SIGNS, NUMBERS) == ["DEMO-POL-01"]
    assert "tiba" in complete("s DEMO-PSC-01 ti", 16, SIGNS, NUMBERS)
    assert complete("s DEMO-PSC-01 sel", 17, SIGNS, NUMBERS) == ["selesai"]
    # Knowing where the unit is, only the steps it may take are offered.
    steps = {"demo-psc-01": {UnitStatus.ON_SCENE, UnitStatus.STAGING}}
    assert complete("s DEMO-PSC-01 ", 14, SIGNS, NUMBERS, steps) == [
        *STATUS_WORDS[UnitStatus.ON_SCENE].all,
        *STATUS_WORDS[UnitStatus.STAGING].all,
    ]
    assert "ack" in complete("s DEMO-PSC-02 a", 15, SIGNS, NUMBERS, steps)
    assert complete("close 12 pal", 12, SIGNS, NUMBERS) == ["palsu"]
    assert complete("find 2026-0001", 14, SIGNS, NUMBERS) == ["2026-000123"]
    assert complete("find DEMO-D", 11, SIGNS, NUMBERS) == ["DEMO-DMK-01"]
    assert complete("note 12 some", 12, SIGNS, NUMBERS) == []
    assert complete("zzz ", 4, SIGNS, NUMBERS) == []
    # The word under the cursor, not the end of the line, decides.
    assert complete("s DEMO-PO er", 9, SIGNS, NUMBERS) == ["DEMO-POL-01"]


def test_replacing_the_word_under_the_cursor() -> None:
    assert replace_word("s demo-po er", 8, "DEMO-POL-01") == ("s DEMO-POL-01 er", 14)
    assert replace_word("d ", 2, "2026-000123") == ("d 2026-000123 ", 14)


def _parsed(line: str) -> Command | None:
    """The command, or None after checking that the error points inside the line."""
    try:
        return parse_command(line)
    except CommandError as error:
        problem = error
    assert 0 <= problem.position <= len(line)
    assert problem.token == "" or line[problem.position :].startswith(problem.token)
    return None


@given(st.text())
def test_any_text_parses_or_raises_only_command_error(line: str) -> None:
    command = _parsed(line)
    if command is None:
        return
    assert parse_command(command.render()) == command


_words = st.sampled_from(
    [w for table in (VERB_WORDS, STATUS_WORDS, DISPOSITION_WORDS) for v in table.values() for w in v.all]
    + ["2026-000123", "12", ".", "DEMO-PSC-01", "a,b", ",", "-", "en route"]
)


@given(
    st.lists(st.one_of(_words, st.text(min_size=1, max_size=8)), max_size=6),
    st.sampled_from([" ", "  ", "\t"]),
)
def test_lines_of_likely_words_round_trip(words: list[str], gap: str) -> None:
    line = gap.join(words)
    command = _parsed(line)
    if command is None:
        return
    rendered = command.render()
    assert parse_command(rendered) == command
    assert parse_command(rendered).render() == rendered


@given(st.text(max_size=30), st.integers(min_value=-5, max_value=40))
def test_completion_never_fails(text: str, cursor: int) -> None:
    suggestions = complete(text, cursor, SIGNS, NUMBERS)
    assert len(suggestions) == len(set(suggestions))


def test_the_operating_guide_status_table_agrees_with_the_parser() -> None:
    from pathlib import Path

    guide = (Path(__file__).parents[2] / "docs" / "operating.md").read_text(encoding="utf-8")
    section = guide.split("## Command line", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:-1] for line in section.splitlines() if line.startswith("| ") and "`" in line]
    status_rows = [cells for cells in rows if len(cells) == 4 and cells[1].strip().startswith("`")]
    assert len(status_rows) == len(STATUS_WORDS)
    for cells in status_rows:
        status = parse_command(f"s X {cells[1].strip().strip('`')}")
        for word in ", ".join(cells[2:]).split(","):
            assert parse_command(f"s X {word.strip()}") == status, word


def test_reopen_names_one_incident() -> None:
    from dispatch.domain.commands import ReopenCommand

    assert parse_command("reopen 2026-000123") == ReopenCommand(IncidentRef(2026, 123))
    assert parse_command("bukaulang .") == ReopenCommand(IncidentRef())
    assert parse_command("reopen 5").render() == "reopen 5"
    with pytest.raises(CommandError) as missing:
        parse_command("reopen")
    assert missing.value.problem is Problem.MISSING_INCIDENT
    with pytest.raises(CommandError) as extra:
        parse_command("reopen 5 6")
    assert extra.value.problem is Problem.EXTRA_WORDS
