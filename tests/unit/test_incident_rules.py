"""Incident numbers and the validation of the fields a call-taker edits (pure rules, no database)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dispatch.domain.enums import Priority
from dispatch.domain.incidents import (
    COORDINATE_FIELDS,
    MAX_NOTE_LENGTH,
    TEXT_FIELDS,
    FieldProblem,
    FieldRejected,
    clean_text,
    format_incident_number,
    parse_coordinate,
    priority_for_category,
    validate_note,
    validate_text_field,
)

#: What the module promises to strip: C0 controls other than tab, line feed and carriage return, and DEL.
STRIPPED_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_BREAKS = re.compile(r"[\t\r\n]+")
T = TypeVar("T")
FREE_TEXT_FIELDS = tuple(field for field in TEXT_FIELDS if field not in ("rt", "rw", "postcode"))


def _attempt(function: Callable[..., T], *args: str) -> T | FieldRejected:
    """The function's result, or the FieldRejected it raised (anything else propagates)."""
    try:
        return function(*args)
    except FieldRejected as error:
        return error


def _rejected(problem: FieldProblem, field: str) -> pytest.RaisesExc[FieldRejected]:
    return pytest.raises(FieldRejected, match=f"^{re.escape(field)}: {problem.value}$")


# --- incident numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "sequence", "expected"),
    [
        (2026, 1, "2026-000001"),
        (2026, 42, "2026-000042"),
        (2026, 999_999, "2026-999999"),
        (2027, 0, "2027-000000"),
        (999, 7, "0999-000007"),
        # Past a million a year the number grows rather than wraps.
        (2026, 1_000_000, "2026-1000000"),
    ],
)
def test_format_incident_number(year: int, sequence: int, expected: str) -> None:
    assert format_incident_number(year, sequence) == expected


@given(year=st.integers(min_value=1000, max_value=9998), sequence=st.integers(min_value=0, max_value=999_999))
def test_incident_numbers_sort_like_their_parts(year: int, sequence: int) -> None:
    number = format_incident_number(year, sequence)
    assert re.fullmatch(r"\d{4}-\d{6}", number)
    assert number < format_incident_number(year, sequence + 1) or sequence == 999_999
    assert number < format_incident_number(year + 1, 0)


# --- text fields -------------------------------------------------------------------------------


def test_the_field_limits() -> None:
    assert TEXT_FIELDS == {
        "caller_name": 200,
        "callback_number": 64,
        "province": 100,
        "regency": 100,
        "district": 100,
        "village": 100,
        "rt": 8,
        "rw": 8,
        "street": 200,
        "house_number": 32,
        "postcode": 8,
        "landmark": 300,
    }


@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
def test_text_up_to_the_limit_is_kept(field: str) -> None:
    value = "a" * TEXT_FIELDS[field]
    assert validate_text_field(field, value) == value


@pytest.mark.parametrize("field", list(TEXT_FIELDS))
def test_text_past_the_limit_is_refused(field: str) -> None:
    with _rejected(FieldProblem.TOO_LONG, field) as caught:
        validate_text_field(field, "1" * (TEXT_FIELDS[field] + 1))
    assert caught.value.field == field
    assert caught.value.problem is FieldProblem.TOO_LONG


@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
def test_the_limit_applies_after_cleaning(field: str) -> None:
    limit = TEXT_FIELDS[field]
    padded = "  " + "b" * limit + "\x00\x07  "
    assert validate_text_field(field, padded) == "b" * limit


def test_the_limit_counts_characters_not_bytes() -> None:
    # 300 four-byte emoji are 1,200 bytes of UTF-8 but 300 characters.
    landmark = "🚑" * 300
    assert validate_text_field("landmark", landmark) == landmark


@pytest.mark.parametrize("field", ["", "note", "category", "lat", "Street", "street "])
def test_unknown_fields_are_refused(field: str) -> None:
    with _rejected(FieldProblem.UNKNOWN_FIELD, field):
        validate_text_field(field, "x")


@pytest.mark.parametrize("field", list(TEXT_FIELDS))
@pytest.mark.parametrize("value", ["", "   ", "\x00", "\t \x1b"])
def test_empty_text_clears_any_field(field: str, value: str) -> None:
    assert validate_text_field(field, value) == ""


@pytest.mark.parametrize("field", ["rt", "rw"])
@pytest.mark.parametrize(("value", "expected"), [("1", "1"), ("01", "01"), ("003", "003"), (" 07 ", "07")])
def test_rt_rw_accept_one_to_three_digits(field: str, value: str, expected: str) -> None:
    assert validate_text_field(field, value) == expected


@pytest.mark.parametrize("field", ["rt", "rw"])
@pytest.mark.parametrize("value", ["0001", "1a", "RT 01", "01/003", "-1", "1.0", "0 1", "x"])
def test_rt_rw_refuse_anything_else(field: str, value: str) -> None:
    with _rejected(FieldProblem.RT_RW_DIGITS, field):
        validate_text_field(field, value)


@pytest.mark.parametrize(
    ("value", "expected"), [("50131", "50131"), (" 75117 ", "75117"), ("00000", "00000")]
)
def test_postcode_accepts_five_digits(value: str, expected: str) -> None:
    assert validate_text_field("postcode", value) == expected


@pytest.mark.parametrize("value", ["5013", "501311", "5013a", "50 131", "50-131", "abcde", "12345678"])
def test_postcode_refuses_anything_else(value: str) -> None:
    with _rejected(FieldProblem.POSTCODE_DIGITS, "postcode"):
        validate_text_field("postcode", value)


@pytest.mark.parametrize(("field", "value"), [("postcode", "５０１３１"), ("rt", "٠١"), ("rw", "१२")])
def test_rt_rw_and_postcode_take_only_ascii_digits(field: str, value: str) -> None:
    with pytest.raises(FieldRejected):
        validate_text_field(field, value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jl.\x00 Pemuda", "Jl. Pemuda"),
        ("\x1b[31mJl. Pemuda\x1b[0m", "[31mJl. Pemuda[0m"),
        ("Budi\x7f", "Budi"),
        ("\x01\x02\x03Sari\x08", "Sari"),
        ("Gang\x0bMawar\x0c", "GangMawar"),
        ("\x1fdekat pasar\x1e", "dekat pasar"),
    ],
)
def test_control_characters_are_stripped(value: str, expected: str) -> None:
    assert validate_text_field("street", value) == expected
    assert clean_text(value) == expected


@pytest.mark.parametrize("value", ["Jl. Pemuda\x9b31m", "Jl.\x85Pemuda"])
def test_c1_control_characters_are_stripped(value: str) -> None:
    assert not re.search(r"[\x80-\x9f]", validate_text_field("street", value))


@pytest.mark.parametrize(
    "value",
    [
        "شارع الجامعة رقم ٥",  # Arabic, right to left, with an Arabic-Indic digit
        "רחוב הרצל 12",  # Hebrew
        "\u200fمسجد\u200e depan",  # with explicit right-to-left and left-to-right marks
        "depan masjid 🕌, ada ambulans 🚑",
        "keluarga 👨\u200d👩\u200d👧 di lantai 2",  # a zero-width-joiner sequence
        "bendera 🇮🇩 di gerbang",  # a regional-indicator pair
        "Jl. Pahlawan No. 3 — dekat Simpang Lima",
        "Ngesrep, Banyumanik",
        "กรุงเทพ",
        "e\u0301cole",  # a combining accent
    ],
)
@pytest.mark.parametrize("field", ["caller_name", "street", "landmark"])
def test_right_to_left_text_and_emoji_are_kept_intact(field: str, value: str) -> None:
    assert validate_text_field(field, value) == value


def test_field_rejected_is_a_value_error_with_its_parts() -> None:
    error = FieldRejected("rt", FieldProblem.RT_RW_DIGITS)
    assert isinstance(error, ValueError)
    assert (error.field, error.problem) == ("rt", FieldProblem.RT_RW_DIGITS)
    assert str(error) == "rt: rt_rw_digits"


_field_text = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from("0123456789 \t\n\r\x00\x1b\x7f"),
    ),
    max_size=320,
)


@given(field=st.sampled_from(list(TEXT_FIELDS)), value=_field_text)
@example(field="postcode", value="\x0050131\x1f")
@example(field="rt", value=" 1\x002 ")
@example(field="landmark", value="x" * 300 + "\x00" * 10)
def test_validate_text_field_on_any_text(field: str, value: str) -> None:
    cleaned = _attempt(validate_text_field, field, value)
    if isinstance(cleaned, FieldRejected):
        assert cleaned.field == field
        assert cleaned.problem in (
            FieldProblem.TOO_LONG,
            FieldProblem.RT_RW_DIGITS,
            FieldProblem.POSTCODE_DIGITS,
        )
        return
    assert isinstance(cleaned, str)
    assert not STRIPPED_CONTROLS.search(cleaned)
    assert not LINE_BREAKS.search(cleaned)  # one line: tabs and breaks became spaces
    assert len(cleaned) <= TEXT_FIELDS[field]
    assert cleaned == cleaned.strip()
    # Cleaning is idempotent: saving a saved value again changes nothing.
    assert validate_text_field(field, cleaned) == cleaned
    # Nothing but control characters and surrounding whitespace is taken away.
    assert cleaned in LINE_BREAKS.sub(" ", STRIPPED_CONTROLS.sub("", value))


# --- coordinates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("lat", "-6.99306", -6.99306),
        ("lat", "-6,99306", -6.99306),  # the Indonesian decimal comma
        ("lon", "110,42083", 110.42083),
        ("lon", " 110.42083 ", 110.42083),
        ("lat", "90", 90.0),
        ("lat", "-90", -90.0),
        ("lon", "180", 180.0),
        ("lon", "-180.0", -180.0),
        ("lat", "0", 0.0),
        ("lon", "1e2", 100.0),
        ("lon", "120", 120.0),  # out of range for a latitude, fine for a longitude
    ],
)
def test_parse_coordinate(field: str, text: str, expected: float) -> None:
    assert parse_coordinate(field, text) == expected


@pytest.mark.parametrize(
    ("field", "text", "problem"),
    [
        ("lat", "90.0001", FieldProblem.LAT_OUT_OF_RANGE),
        ("lat", "-90,5", FieldProblem.LAT_OUT_OF_RANGE),
        ("lat", "120", FieldProblem.LAT_OUT_OF_RANGE),
        ("lon", "180.0001", FieldProblem.LON_OUT_OF_RANGE),
        ("lon", "-181", FieldProblem.LON_OUT_OF_RANGE),
        ("lat", "nan", FieldProblem.NOT_A_NUMBER),
        ("lon", "NaN", FieldProblem.NOT_A_NUMBER),
        ("lat", "inf", FieldProblem.NOT_A_NUMBER),
        ("lon", "-Infinity", FieldProblem.NOT_A_NUMBER),
        ("lat", "1e999", FieldProblem.NOT_A_NUMBER),
        ("lat", "abc", FieldProblem.NOT_A_NUMBER),
        ("lat", "-6.99306, 110.42083", FieldProblem.NOT_A_NUMBER),  # a pasted pair is not one value
        ("lat", "6°59'35\"S", FieldProblem.NOT_A_NUMBER),
        ("lon", "1,2,3", FieldProblem.NOT_A_NUMBER),
        ("lon", "--1", FieldProblem.NOT_A_NUMBER),
    ],
)
def test_parse_coordinate_refuses(field: str, text: str, problem: FieldProblem) -> None:
    with _rejected(problem, field):
        parse_coordinate(field, text)


@pytest.mark.parametrize("field", COORDINATE_FIELDS)
@pytest.mark.parametrize("text", ["", " ", "\t\n"])
def test_empty_coordinate_clears_the_value(field: str, text: str) -> None:
    assert parse_coordinate(field, text) is None


_LIMIT = {"lat": 90.0, "lon": 180.0}
_numberish = st.text(alphabet="0123456789+-.,eE naifINAF_ \t", max_size=24)


@given(
    field=st.sampled_from(COORDINATE_FIELDS),
    text=st.one_of(st.text(max_size=40), _numberish, st.floats().map(str)),
)
@example(field="lat", text="-0")
@example(field="lon", text="1e-400")
def test_parse_coordinate_on_any_text(field: str, text: str) -> None:
    value = _attempt(parse_coordinate, field, text)
    if isinstance(value, FieldRejected):
        assert value.field == field
        assert value.problem in (
            FieldProblem.NOT_A_NUMBER,
            FieldProblem.LAT_OUT_OF_RANGE,
            FieldProblem.LON_OUT_OF_RANGE,
        )
        return
    if value is None:
        assert not text.strip()
        return
    assert type(value) is float
    assert math.isfinite(value)
    assert -_LIMIT[field] <= value <= _LIMIT[field]


@given(field=st.sampled_from(COORDINATE_FIELDS), data=st.data())
def test_any_in_range_float_parses_back_exactly_with_a_point_or_a_comma(
    field: str, data: st.DataObject
) -> None:
    value = data.draw(st.floats(min_value=-_LIMIT[field], max_value=_LIMIT[field]))
    assert parse_coordinate(field, repr(value)) == value
    assert parse_coordinate(field, repr(value).replace(".", ",")) == value


# --- notes -------------------------------------------------------------------------------------


def test_a_note_of_the_maximum_length_is_kept() -> None:
    assert MAX_NOTE_LENGTH == 20_000
    note = "x" * MAX_NOTE_LENGTH
    assert validate_note(note) == note


def test_a_note_one_past_the_maximum_is_refused() -> None:
    with _rejected(FieldProblem.TOO_LONG, "note"):
        validate_note("x" * (MAX_NOTE_LENGTH + 1))


def test_the_note_limit_applies_after_cleaning() -> None:
    assert validate_note("  " + "x" * MAX_NOTE_LENGTH + "\n\x00 ") == "x" * MAX_NOTE_LENGTH
    # 20,001 raw characters that are 13,334 once CRLF becomes LF.
    crlf = "a\r\n" * 6667
    assert len(crlf) == MAX_NOTE_LENGTH + 1
    assert validate_note(crlf) == ("a\n" * 6667).strip()


@pytest.mark.parametrize("text", ["", " ", "\r\n\r\n", "\t", "\x00\x1b", " \x7f "])
def test_an_empty_note_is_refused(text: str) -> None:
    with _rejected(FieldProblem.EMPTY_NOTE, "note"):
        validate_note(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korban sadar\r\nNapas spontan", "Korban sadar\nNapas spontan"),
        ("a\r\n\r\nb\r\n", "a\n\nb"),
        ("lantai 2\tkamar 5", "lantai 2\tkamar 5"),
        ("\x1b[2Jsesak napas\x07", "[2Jsesak napas"),
        ("  pelapor: ibu korban  ", "pelapor: ibu korban"),
        ("المريض واعٍ 🚑", "المريض واعٍ 🚑"),
    ],
)
def test_notes_are_normalised(text: str, expected: str) -> None:
    assert validate_note(text) == expected


@pytest.mark.parametrize("text", ["a\r\r\nb", "a\r\x00\nb"])
def test_crlf_is_normalised_whatever_surrounds_it(text: str) -> None:
    assert "\r\n" not in validate_note(text)


@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("\r\n\x00 ")), max_size=200))
@example("a\r\nb\r")
def test_validate_note_on_any_text(text: str) -> None:
    note = _attempt(validate_note, text)
    if isinstance(note, FieldRejected):
        assert note.field == "note"
        assert note.problem is FieldProblem.EMPTY_NOTE
        return
    assert note
    assert not STRIPPED_CONTROLS.search(note)
    assert note == note.strip()
    assert "\r" not in note
    assert validate_note(note) == note


# --- priority when the category changes --------------------------------------------------------

P1, P2, P3, P4 = Priority.P1, Priority.P2, Priority.P3, Priority.P4


@pytest.mark.parametrize(
    ("current", "old_default", "new_default", "expected"),
    [
        # No category yet: the starting priority gives way to the category's default.
        (P3, None, P1, P1),
        (P1, None, P4, P4),
        # Still the previous category's default: never chosen by hand, so it follows the category.
        (P2, P2, P1, P1),
        (P1, P1, P3, P3),
        (P2, P2, P2, P2),
        # Chosen by hand: kept.
        (P4, P2, P1, P4),
        (P1, P3, P4, P1),
        (P3, P1, P3, P3),
    ],
)
def test_priority_for_category(
    current: Priority, old_default: Priority | None, new_default: Priority, expected: Priority
) -> None:
    assert priority_for_category(current, old_default, new_default) is expected
