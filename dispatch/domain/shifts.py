"""Shift patterns as data, and the shift periods they cut time into.

A centre works a pattern of shifts that repeats every day: 3 x 8 h by default (07:00, 15:00, 23:00),
2 x 12 h, 4 x 6 h (Surabaya, for fatigue) or a pattern of its own (DOMAIN.md, "Shifts and handover").
A shift is given by its local start time and its length and carries a stable :class:`ShiftCode`; the
UI words the code ("Pagi", "Morning"), the domain never does. A pattern is validated to cover the 24
hours of a day without a gap or an overlap.

Shift periods are the pattern laid over real time in the centre's time zone (a ``zoneinfo`` zone:
Indonesia's WIB, WITA and WIT have no daylight saving, but nothing here assumes a fixed offset). A
period belongs to the local date on which it starts: the night shift from 23:00 on 2 December to
07:00 on 3 December is the night shift of 2 December. A period runs from its start instant to the
next period's start instant, so periods follow one another without gaps whatever the zone's clocks
do; where a clock change makes a shift longer or shorter than its nominal length, the period is
what the wall clock says. A start time the clock skips (spring forward) is taken as the instant the
clock jumps over it; a start time the clock shows twice (fall back) as its first occurrence. A
period the clock skips entirely (as Samoa skipped 30 December 2011) is not listed.

The settings keep a pattern as a small JSON object::

    {"version": 1, "shifts": [{"code": "morning", "start": "07:00", "length": "8:00"}, ...]}

:func:`parse_shift_pattern` (JSON-like data) and :func:`shift_pattern_from_json` (text) raise only
:class:`ShiftPatternError`, whose message names what is wrong.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from dispatch.domain.clock import as_utc

SHIFT_PATTERN_VERSION = 1
#: Settings text longer than this is not a shift pattern.
MAX_JSON_CHARS = 16_384

_DAY_MINUTES = 24 * 60
_ONE_MINUTE = timedelta(minutes=1)
_CLOCK_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_SHIFT_KEYS = frozenset({"code", "start", "length"})
_PATTERN_KEYS = frozenset({"version", "shifts"})


class ShiftCode(StrEnum):
    """Which shift of the day a shift is; the UI words it (e.g. "Pagi" / "Morning")."""

    DAWN = "dawn"  # dini hari, the small hours (e.g. 01:00-07:00 of 4 x 6 h)
    MORNING = "morning"  # pagi
    DAY = "day"  # siang: the day shift of 2 x 12 h
    AFTERNOON = "afternoon"  # siang / sore: 15:00-23:00 of 3 x 8 h
    EVENING = "evening"  # sore / petang
    NIGHT = "night"  # malam


_CODE_VALUES = frozenset(member.value for member in ShiftCode)


class ShiftPatternError(ValueError):
    """A shift pattern is not valid; the message names the shift and what is wrong."""


def format_length(length: timedelta) -> str:
    """A length as H:MM ("8:00", "24:00"; negative lengths with a minus sign)."""
    minutes = length // _ONE_MINUTE
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}"


def _clock(at: time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def _time_of_minute(minute: int) -> time:
    return time(minute // 60, minute % 60)


@dataclass(frozen=True, slots=True)
class ShiftSpec:
    """One shift of a pattern: its code, its local start time (whole minutes) and its length."""

    code: ShiftCode
    start: time
    length: timedelta

    def __post_init__(self) -> None:
        where = f"shift {self.code.value!r}" if isinstance(self.code, ShiftCode) else "shift"
        if not isinstance(self.code, ShiftCode):
            raise ShiftPatternError(f"{where}: code: {self.code!r} is not a shift code")
        if self.start.tzinfo is not None or self.start.second or self.start.microsecond:
            raise ShiftPatternError(f"{where}: start: {self.start} is not a local time in whole minutes")
        if self.length % _ONE_MINUTE:
            raise ShiftPatternError(f"{where}: length: {self.length} is not whole minutes")
        if self.length <= timedelta(0) or self.length > timedelta(days=1):
            raise ShiftPatternError(
                f"{where}: length: {format_length(self.length)} is not between 0:01 and 24:00"
            )

    @property
    def start_minute(self) -> int:
        """Minutes from local midnight to the start."""
        return self.start.hour * 60 + self.start.minute

    @property
    def end(self) -> time:
        """The local time the shift ends (on the next day for a shift that crosses midnight)."""
        minute = (self.start_minute + self.length // _ONE_MINUTE) % _DAY_MINUTES
        return time(minute // 60, minute % 60)


@dataclass(frozen=True, slots=True)
class ShiftPattern:
    """The day's shifts, ordered by local start time; they cover 24 h with no gap and no overlap.

    The shifts may be given in any order; they are kept sorted by start time.
    """

    shifts: tuple[ShiftSpec, ...]

    def __post_init__(self) -> None:
        shifts = tuple(self.shifts)
        if not shifts:
            raise ShiftPatternError("shift pattern: no shifts")
        seen: set[ShiftCode] = set()
        for shift in shifts:
            if not isinstance(shift, ShiftSpec):
                raise ShiftPatternError(f"shift pattern: {shift!r} is not a shift")
            if shift.code in seen:
                raise ShiftPatternError(f"shift pattern: shift {shift.code.value!r} is named twice")
            seen.add(shift.code)
        ordered = tuple(sorted(shifts, key=lambda shift: shift.start_minute))
        for index, shift in enumerate(ordered):
            following = ordered[(index + 1) % len(ordered)]
            next_start = following.start_minute + (_DAY_MINUTES if index == len(ordered) - 1 else 0)
            end = shift.start_minute + shift.length // _ONE_MINUTE
            if end == next_start:
                continue
            what = "a gap" if end < next_start else "an overlap"
            raise ShiftPatternError(
                f"shift pattern: shift {shift.code.value!r} ({_clock(shift.start)} + "
                f"{format_length(shift.length)}) ends at {_clock(shift.end)} but shift "
                f"{following.code.value!r} starts at {_clock(following.start)}: "
                f"{what} of {format_length(timedelta(minutes=abs(next_start - end)))}"
            )
        object.__setattr__(self, "shifts", ordered)

    @property
    def codes(self) -> tuple[ShiftCode, ...]:
        return tuple(shift.code for shift in self.shifts)

    @classmethod
    def even(cls, first_start: time, codes: Sequence[ShiftCode]) -> ShiftPattern:
        """``len(codes)`` shifts of equal length, the first starting at ``first_start``."""
        if not codes or _DAY_MINUTES % len(codes):
            raise ShiftPatternError(f"shift pattern: 24 h cannot be cut into {len(codes)} equal shifts")
        minutes = _DAY_MINUTES // len(codes)
        first = first_start.hour * 60 + first_start.minute
        return cls(
            tuple(
                ShiftSpec(
                    code,
                    _time_of_minute((first + index * minutes) % _DAY_MINUTES),
                    timedelta(minutes=minutes),
                )
                for index, code in enumerate(codes)
            )
        )


@dataclass(frozen=True, slots=True)
class ShiftPeriod:
    """One shift as worked: its code, the local date it belongs to (the date it starts on), and
    its start and end instants in UTC (the end is the next period's start)."""

    code: ShiftCode
    day: date
    start: datetime
    end: datetime

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def __contains__(self, instant: object) -> bool:
        return isinstance(instant, datetime) and self.start <= as_utc(instant) < self.end


THREE_BY_EIGHT = ShiftPattern.even(time(7), (ShiftCode.MORNING, ShiftCode.AFTERNOON, ShiftCode.NIGHT))
TWO_BY_TWELVE = ShiftPattern.even(time(7), (ShiftCode.DAY, ShiftCode.NIGHT))
FOUR_BY_SIX = ShiftPattern.even(
    time(7), (ShiftCode.MORNING, ShiftCode.AFTERNOON, ShiftCode.NIGHT, ShiftCode.DAWN)
)
DEFAULT_PATTERN = THREE_BY_EIGHT
#: The patterns a settings dialog offers before "custom".
PRESETS = (THREE_BY_EIGHT, TWO_BY_TWELVE, FOUR_BY_SIX)


# --- periods in real time ----------------------------------------------------------------------


def shifts_of_day(pattern: ShiftPattern, zone: tzinfo, day: date) -> tuple[ShiftPeriod, ...]:
    """The periods belonging to local date ``day`` (those starting on it), in order."""
    starts = [local_instant(day, shift.start, zone) for shift in pattern.shifts]
    starts.append(local_instant(day + timedelta(days=1), pattern.shifts[0].start, zone))
    return tuple(
        ShiftPeriod(shift.code, day, starts[index], starts[index + 1])
        for index, shift in enumerate(pattern.shifts)
        if starts[index] < starts[index + 1]
    )


def shift_at(pattern: ShiftPattern, zone: tzinfo, instant: datetime) -> ShiftPeriod:
    """The period ``instant`` falls in (start inclusive, end exclusive).

    Raises ``ValueError`` for a naive ``instant``.
    """
    moment = as_utc(instant)
    local_day = moment.astimezone(zone).date()
    for period in _periods(pattern, zone, local_day - timedelta(days=2), local_day + timedelta(days=2)):
        if period.start <= moment < period.end:
            return period
    raise AssertionError(f"no shift period holds {moment.isoformat()}")  # periods leave no gaps


def shifts_between(
    pattern: ShiftPattern, zone: tzinfo, start: datetime, end: datetime
) -> tuple[ShiftPeriod, ...]:
    """The periods overlapping ``[start, end)``, in order; empty when ``end <= start``.

    The first may begin before ``start`` and the last end after ``end`` (e.g. the night shift of
    the last day of the previous month, which is still being worked when a month begins).
    Raises ``ValueError`` for a naive instant.
    """
    first, last = as_utc(start), as_utc(end)
    if last <= first:
        return ()
    days = _periods(
        pattern,
        zone,
        first.astimezone(zone).date() - timedelta(days=2),
        last.astimezone(zone).date() + timedelta(days=1),
    )
    return tuple(period for period in days if period.start < last and first < period.end)


def _periods(pattern: ShiftPattern, zone: tzinfo, first: date, last: date) -> Iterator[ShiftPeriod]:
    day = first
    while day <= last:
        yield from shifts_of_day(pattern, zone, day)
        day += timedelta(days=1)


def local_instant(day: date, at: time, zone: tzinfo) -> datetime:
    """The UTC instant the wall clock in ``zone`` reads ``day`` ``at``.

    A time shown twice is its first occurrence; a time the clock skips is the instant of the
    jump (the first instant at which the clock reads later than it). So later wall-clock times
    never give earlier instants.
    """
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # Skipped: fold 0 and fold 1 read the wall time with the offsets either side of the jump,
    # so the jump lies between the two instants they give.
    other = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    low, high = sorted((first, other))
    low_second, high_second = math.floor(low.timestamp()), math.ceil(high.timestamp())
    while high_second - low_second > 1:
        middle = (low_second + high_second) // 2
        if datetime.fromtimestamp(middle, zone).replace(tzinfo=None) > wall:
            high_second = middle
        else:
            low_second = middle
    return datetime.fromtimestamp(high_second, UTC)


# --- the settings form -------------------------------------------------------------------------


def parse_shift_pattern(data: object) -> ShiftPattern:
    """Validate JSON-like ``data`` into a :class:`ShiftPattern`.

    Raises :class:`ShiftPatternError` for anything wrong, never another exception.
    """
    if not isinstance(data, Mapping):
        raise ShiftPatternError(f"shift pattern: expected a JSON object, got {_type_name(data)}")
    unknown = sorted(str(key) for key in data if key not in _PATTERN_KEYS)
    if unknown:
        raise ShiftPatternError(f"shift pattern: unknown key {unknown[0]!r}")
    version = data.get("version")
    if type(version) is not int or version != SHIFT_PATTERN_VERSION:
        raise ShiftPatternError(
            f"shift pattern: version: expected {SHIFT_PATTERN_VERSION}, got {_shown(version)}"
        )
    raw_shifts = data.get("shifts")
    if not isinstance(raw_shifts, list):
        raise ShiftPatternError(f"shift pattern: shifts: expected a list, got {_type_name(raw_shifts)}")
    if len(raw_shifts) > len(ShiftCode):
        raise ShiftPatternError(
            f"shift pattern: shifts: {len(raw_shifts)} shifts, at most {len(ShiftCode)} (one per code)"
        )
    return ShiftPattern(tuple(_parse_shift(index, raw) for index, raw in enumerate(raw_shifts)))


def _parse_shift(index: int, raw: object) -> ShiftSpec:
    where = f"shifts[{index}]"
    if not isinstance(raw, Mapping):
        raise ShiftPatternError(f"{where}: expected a JSON object, got {_type_name(raw)}")
    unknown = sorted(str(key) for key in raw if key not in _SHIFT_KEYS)
    if unknown:
        raise ShiftPatternError(f"{where}: unknown key {unknown[0]!r} (expected code, start, length)")
    code = raw.get("code")
    if not isinstance(code, str) or code not in _CODE_VALUES:
        raise ShiftPatternError(
            f"{where}: code: unknown shift code {_shown(code)} "
            f"(expected one of {', '.join(member.value for member in ShiftCode)})"
        )
    where = f"{where} ({code})"
    start = raw.get("start")
    start_minute = _clock_minutes(start)
    if start_minute is None or start_minute >= _DAY_MINUTES:
        raise ShiftPatternError(
            f"{where}: start: expected a time HH:MM from 00:00 to 23:59, got {_shown(start)}"
        )
    length = raw.get("length")
    length_minutes = _length_minutes(length)
    if length_minutes is None or not 0 < length_minutes <= _DAY_MINUTES:
        raise ShiftPatternError(
            f"{where}: length: expected H:MM or whole hours from 0:01 to 24:00, got {_shown(length)}"
        )
    return ShiftSpec(ShiftCode(code), _time_of_minute(start_minute), timedelta(minutes=length_minutes))


def shift_pattern_from_json(text: str | bytes) -> ShiftPattern:
    """Parse the settings' JSON text; raises only :class:`ShiftPatternError`."""
    if len(text) > MAX_JSON_CHARS:
        raise ShiftPatternError(f"shift pattern: longer than {MAX_JSON_CHARS} characters")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise ShiftPatternError(f"shift pattern: not JSON: {error}") from None
    return parse_shift_pattern(data)


def shift_pattern_to_data(pattern: ShiftPattern) -> dict[str, Any]:
    """The JSON-like form :func:`parse_shift_pattern` reads back to ``pattern``."""
    return {
        "version": SHIFT_PATTERN_VERSION,
        "shifts": [
            {"code": shift.code.value, "start": _clock(shift.start), "length": format_length(shift.length)}
            for shift in pattern.shifts
        ],
    }


def shift_pattern_to_json(pattern: ShiftPattern) -> str:
    """The settings' JSON text for ``pattern`` (stable: the same pattern gives the same text)."""
    return json.dumps(shift_pattern_to_data(pattern), ensure_ascii=False)


def _clock_minutes(value: object) -> int | None:
    """Minutes of an "H:MM" or "HH:MM" text (minutes under 60), else None."""
    if not isinstance(value, str):
        return None
    match = _CLOCK_TIME.fullmatch(value.strip())
    if match is None or int(match.group(2)) >= 60:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def _length_minutes(value: object) -> int | None:
    if type(value) is int:
        return value * 60 if 0 < value <= 24 else None
    return _clock_minutes(value)


def _shown(value: object) -> str:
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    return type(value).__name__
