"""Shifts and periods in words and typed times, shared by the shift, shift-log and figures presenters."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from dispatch.services.shifts import ShiftSnapshot
from ui import labels

translate = QCoreApplication.translate

#: How a typed time is shown back (and the form the fields' placeholder asks for).
TYPED_FORMAT = "%Y-%m-%d %H:%M"


def shift_title(shift: ShiftSnapshot, zone: tzinfo) -> str:
    """``Morning 2026-11-27 07:00-15:00`` (the pattern's times), ``(open)`` while it is."""
    start = shift.planned_start.astimezone(zone).strftime("%H:%M")
    end = shift.planned_end.astimezone(zone).strftime("%H:%M")
    text = f"{labels.shift_name(shift.code)} {shift.day.isoformat()} {start}–{end}"
    if shift.is_open:
        text = translate("Shifts", "%1 (open)").replace("%1", text)
    return text


def typed_time(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime(TYPED_FORMAT)


def parse_typed_time(text: str, zone: tzinfo) -> datetime | None:
    """A time typed in the centre's local time (``2026-11-27 14:05``, ``2026-11-27``, ISO 8601 with
    ``T`` or seconds; an offset given is kept), as an aware instant; None for an empty field.

    Raises ``ValueError`` for anything else.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    if len(cleaned) > 40:
        raise ValueError("too long for a time")
    parsed = datetime.fromisoformat(cleaned)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    try:
        parsed.astimezone(UTC)  # stored times are UTC: a time that has none is not one
    except OverflowError as error:
        raise ValueError("out of range") from error
    return parsed
