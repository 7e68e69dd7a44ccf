"""Incident numbers, editable fields and their validation."""

from __future__ import annotations

import math
import re
from enum import StrEnum

from dispatch.domain.enums import Priority

#: The fields a call-taker edits on the incident form, each saved as it is edited.
TEXT_FIELDS: dict[str, int] = {
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
CHOICE_FIELDS = ("category", "priority")
COORDINATE_FIELDS = ("lat", "lon")

MAX_NOTE_LENGTH = 20_000

# C0 and C1 control characters except tab, line feed and carriage return (handled separately):
# a pasted NUL or a terminal escape (ESC or its one-byte form CSI, 0x9B) must not be stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?")
_SINGLE_LINE_BREAKS = re.compile(r"[\t\r\n]+")
# ASCII digits only: \d would accept Arabic-Indic or full-width digits.
_RT_RW = re.compile(r"[0-9]{1,3}")
_POSTCODE = re.compile(r"[0-9]{5}")


class FieldProblem(StrEnum):
    TOO_LONG = "too_long"
    NOT_A_NUMBER = "not_a_number"
    LAT_OUT_OF_RANGE = "lat_out_of_range"
    LON_OUT_OF_RANGE = "lon_out_of_range"
    RT_RW_DIGITS = "rt_rw_digits"
    POSTCODE_DIGITS = "postcode_digits"
    UNKNOWN_FIELD = "unknown_field"
    EMPTY_NOTE = "empty_note"


class FieldRejected(ValueError):
    def __init__(self, field: str, problem: FieldProblem) -> None:
        super().__init__(f"{field}: {problem.value}")
        self.field = field
        self.problem = problem


def format_incident_number(year: int, sequence: int) -> str:
    return f"{year:04d}-{sequence:06d}"


def clean_text(value: str) -> str:
    """One line of text: control characters removed, tabs and line breaks become one space."""
    return _SINGLE_LINE_BREAKS.sub(" ", _CONTROL.sub("", value)).strip()


def validate_text_field(field: str, value: str) -> str:
    if field not in TEXT_FIELDS:
        raise FieldRejected(field, FieldProblem.UNKNOWN_FIELD)
    cleaned = clean_text(value)
    if len(cleaned) > TEXT_FIELDS[field]:
        raise FieldRejected(field, FieldProblem.TOO_LONG)
    if field in ("rt", "rw") and cleaned and not _RT_RW.fullmatch(cleaned):
        raise FieldRejected(field, FieldProblem.RT_RW_DIGITS)
    if field == "postcode" and cleaned and not _POSTCODE.fullmatch(cleaned):
        raise FieldRejected(field, FieldProblem.POSTCODE_DIGITS)
    return cleaned


def parse_coordinate(field: str, text: str) -> float | None:
    """Decimal degrees for ``lat`` or ``lon``; empty text clears the value."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError as error:
        raise FieldRejected(field, FieldProblem.NOT_A_NUMBER) from error
    if not math.isfinite(value):
        raise FieldRejected(field, FieldProblem.NOT_A_NUMBER)
    if field == "lat" and not -90.0 <= value <= 90.0:
        raise FieldRejected(field, FieldProblem.LAT_OUT_OF_RANGE)
    if field == "lon" and not -180.0 <= value <= 180.0:
        raise FieldRejected(field, FieldProblem.LON_OUT_OF_RANGE)
    return value


def validate_note(text: str) -> str:
    cleaned = _LINE_BREAKS.sub("\n", _CONTROL.sub("", text)).strip()
    if not cleaned:
        raise FieldRejected("note", FieldProblem.EMPTY_NOTE)
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise FieldRejected("note", FieldProblem.TOO_LONG)
    return cleaned


def priority_for_category(current: Priority, old_default: Priority | None, new_default: Priority) -> Priority:
    """A category brings its default priority, unless the call-taker already chose one.

    A priority still equal to the previous category's default was never chosen by hand; an incident
    without a category has the console's starting priority and takes the new default too.
    """
    if old_default is None or current is old_default:
        return new_default
    return current
