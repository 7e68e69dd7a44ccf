"""Shift patterns as data and the shift periods they cut real time into, in real time zones."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.shifts import (
    DEFAULT_PATTERN,
    FOUR_BY_SIX,
    PRESETS,
    THREE_BY_EIGHT,
    TWO_BY_TWELVE,
    ShiftCode,
    ShiftPattern,
    ShiftPatternError,
    ShiftSpec,
    parse_shift_pattern,
    shift_at,
    shift_pattern_from_json,
    shift_pattern_to_data,
    shift_pattern_to_json,
    shifts_between,
    shifts_of_day,
)

WIB = ZoneInfo("Asia/Jakarta")  # UTC+7
WITA = ZoneInfo("Asia/Makassar")  # UTC+8
WIT = ZoneInfo("Asia/Jayapura")  # UTC+9
BERLIN = ZoneInfo("Europe/Berlin")
#: Indonesia's zones, zones with daylight saving (Lord Howe moves by 30 minutes), and Samoa, which
#: skipped 30 December 2011 entirely.
ZONES = [
    WIB,
    WITA,
    WIT,
    BERLIN,
    ZoneInfo("America/New_York"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Pacific/Apia"),
    ZoneInfo("UTC"),
]
H = timedelta(hours=1)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def spec(code: ShiftCode, start: str, hours: float) -> ShiftSpec:
    hour, minute = map(int, start.split(":"))
    return ShiftSpec(code, time(hour, minute), timedelta(hours=hours))


# --- patterns ----------------------------------------------------------------------------------


def test_presets_are_the_patterns_centres_work() -> None:
    assert DEFAULT_PATTERN == THREE_BY_EIGHT
    assert [(s.code, s.start, s.end) for s in THREE_BY_EIGHT.shifts] == [
        (ShiftCode.MORNING, time(7), time(15)),
        (ShiftCode.AFTERNOON, time(15), time(23)),
        (ShiftCode.NIGHT, time(23), time(7)),
    ]
    assert [(s.code, s.start) for s in TWO_BY_TWELVE.shifts] == [
        (ShiftCode.DAY, time(7)),
        (ShiftCode.NIGHT, time(19)),
    ]
    # Kept in order of start time from midnight: the small-hours shift comes first.
    assert FOUR_BY_SIX.codes == (ShiftCode.DAWN, ShiftCode.MORNING, ShiftCode.AFTERNOON, ShiftCode.NIGHT)
    assert {s.length for p in PRESETS for s in p.shifts} == {8 * H, 12 * H, 6 * H}


def test_a_custom_pattern_in_any_order_is_kept_sorted() -> None:
    # Bengkulu: 07-14, 14-21, 21-07 (7 h, 7 h, 10 h).
    pattern = ShiftPattern(
        (
            spec(ShiftCode.NIGHT, "21:00", 10),
            spec(ShiftCode.MORNING, "07:00", 7),
            spec(ShiftCode.AFTERNOON, "14:00", 7),
        )
    )
    assert pattern.codes == (ShiftCode.MORNING, ShiftCode.AFTERNOON, ShiftCode.NIGHT)
    assert ShiftPattern((spec(ShiftCode.DAY, "00:00", 24),)).shifts[0].end == time(0)


@pytest.mark.parametrize(
    ("shifts", "message"),
    [
        ((), "shift pattern: no shifts"),
        (
            (spec(ShiftCode.MORNING, "07:00", 8), spec(ShiftCode.NIGHT, "16:00", 15)),
            "shift 'morning' (07:00 + 8:00) ends at 15:00 but shift 'night' starts at 16:00: a gap of 1:00",
        ),
        (
            (spec(ShiftCode.MORNING, "07:00", 8), spec(ShiftCode.NIGHT, "14:30", 16.5)),
            "shift 'morning' (07:00 + 8:00) ends at 15:00 but shift 'night' starts at 14:30: "
            "an overlap of 0:30",
        ),
        (
            (spec(ShiftCode.DAY, "07:00", 12), spec(ShiftCode.NIGHT, "19:00", 11)),
            "shift 'night' (19:00 + 11:00) ends at 06:00 but shift 'day' starts at 07:00: a gap of 1:00",
        ),
        (
            (spec(ShiftCode.DAY, "07:00", 12), spec(ShiftCode.DAY, "19:00", 12)),
            "shift 'day' is named twice",
        ),
        (
            (spec(ShiftCode.DAY, "07:00", 12), spec(ShiftCode.NIGHT, "07:00", 12)),
            "an overlap of 12:00",
        ),
    ],
)
def test_a_pattern_with_a_gap_an_overlap_or_a_repeated_code_is_refused(
    shifts: tuple[ShiftSpec, ...], message: str
) -> None:
    with pytest.raises(ShiftPatternError, match=r"^shift pattern: ") as caught:
        ShiftPattern(shifts)
    assert message in str(caught.value)


def test_a_shift_is_whole_minutes_and_at_most_a_day() -> None:
    with pytest.raises(ShiftPatternError, match="'night': length: 0:00 is not between 0:01 and 24:00"):
        ShiftSpec(ShiftCode.NIGHT, time(7), timedelta(0))
    with pytest.raises(ShiftPatternError, match="length: 24:01 is not between"):
        ShiftSpec(ShiftCode.NIGHT, time(7), timedelta(hours=24, minutes=1))
    with pytest.raises(ShiftPatternError, match="is not whole minutes"):
        ShiftSpec(ShiftCode.NIGHT, time(7), timedelta(hours=8, seconds=1))
    with pytest.raises(ShiftPatternError, match="start: 07:00:30 is not a local time in whole minutes"):
        ShiftSpec(ShiftCode.NIGHT, time(7, 0, 30), 8 * H)
    with pytest.raises(ShiftPatternError, match="cannot be cut into 7 equal shifts"):
        ShiftPattern.even(time(7), [*list(ShiftCode)[:5], ShiftCode.DAY, ShiftCode.NIGHT])


# --- the settings form -------------------------------------------------------------------------


def test_the_settings_form_reads_as_a_supervisor_writes_it() -> None:
    text = """{"version": 1, "shifts": [
        {"code": "night", "start": "23:00", "length": 9},
        {"code": "morning", "start": "8:00", "length": "8:00"},
        {"code": "afternoon", "start": "16:00", "length": "7:00"}]}"""
    # Pekalongan: 08-16, 16-23, 23-08.
    pattern = shift_pattern_from_json(text)
    assert [(s.code, s.start, s.length) for s in pattern.shifts] == [
        (ShiftCode.MORNING, time(8), 8 * H),
        (ShiftCode.AFTERNOON, time(16), 7 * H),
        (ShiftCode.NIGHT, time(23), 9 * H),
    ]
    assert json.loads(shift_pattern_to_json(pattern)) == {
        "version": 1,
        "shifts": [
            {"code": "morning", "start": "08:00", "length": "8:00"},
            {"code": "afternoon", "start": "16:00", "length": "7:00"},
            {"code": "night", "start": "23:00", "length": "9:00"},
        ],
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "shift pattern: not JSON"),
        ("[]", "shift pattern: expected a JSON object, got list"),
        ('{"version": 2, "shifts": []}', "version: expected 1, got 2"),
        ('{"version": true, "shifts": []}', "version: expected 1, got True"),
        ('{"version": 1}', "shifts: expected a list, got nothing"),
        ('{"version": 1, "shifts": [], "zone": "WIB"}', "unknown key 'zone'"),
        ('{"version": 1, "shifts": []}', "shift pattern: no shifts"),
        ('{"version": 1, "shifts": [7]}', "shifts[0]: expected a JSON object, got int"),
        (
            '{"version": 1, "shifts": [{"code": "pagi", "start": "07:00", "length": 24}]}',
            "shifts[0]: code: unknown shift code 'pagi' (expected one of dawn, morning,",
        ),
        (
            '{"version": 1, "shifts": [{"code": "day", "start": "24:00", "length": 24}]}',
            "shifts[0] (day): start: expected a time HH:MM from 00:00 to 23:59, got '24:00'",
        ),
        (
            '{"version": 1, "shifts": [{"code": "day", "start": "07:60", "length": 24}]}',
            "start: expected a time HH:MM",
        ),
        (
            '{"version": 1, "shifts": [{"code": "day", "start": "07:00", "length": 25}]}',
            "shifts[0] (day): length: expected H:MM or whole hours from 0:01 to 24:00, got 25",
        ),
        (
            '{"version": 1, "shifts": [{"code": "day", "start": "07:00", "length": 8.5}]}',
            "length: expected H:MM or whole hours",
        ),
        (
            '{"version": 1, "shifts": [{"code": "day", "start": "07:00", "lenght": 24}]}',
            "shifts[0]: unknown key 'lenght' (expected code, start, length)",
        ),
        (
            '{"version": 1, "shifts": [{"code": "day", "start": "07:00", "length": 12}]}',
            "shift 'day' (07:00 + 12:00) ends at 19:00 but shift 'day' starts at 07:00: a gap of 12:00",
        ),
        ("[" * 100_000, "longer than"),
        ("[" * 10_000, "shift pattern: "),
    ],
)
def test_bad_settings_are_refused_with_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ShiftPatternError) as caught:
        shift_pattern_from_json(text)
    assert message in str(caught.value)


@st.composite
def patterns(draw: st.DrawFn) -> ShiftPattern:
    """Any valid pattern: 1 to 6 shifts, cut at whole minutes, with distinct codes."""
    count = draw(st.integers(1, len(ShiftCode)))
    cuts = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=count, max_size=count)))
    codes = draw(st.permutations(list(ShiftCode)))[:count]
    shifts = []
    for index, cut in enumerate(cuts):
        following = cuts[index + 1] if index + 1 < count else cuts[0] + 24 * 60
        shifts.append(ShiftSpec(codes[index], time(cut // 60, cut % 60), timedelta(minutes=following - cut)))
    return ShiftPattern(tuple(draw(st.permutations(shifts))))


@given(patterns())
def test_every_valid_pattern_round_trips_through_its_json(pattern: ShiftPattern) -> None:
    text = shift_pattern_to_json(pattern)
    assert shift_pattern_from_json(text) == pattern
    assert shift_pattern_from_json(text.encode()) == pattern
    assert shift_pattern_to_json(shift_pattern_from_json(text)) == text
    assert sum((s.length for s in pattern.shifts), timedelta(0)) == 24 * H


def _refused_or_valid(parse: Callable[[Any], ShiftPattern], value: object) -> None:
    """``value`` parses to a pattern that round-trips, or is refused with a message saying where."""
    try:
        pattern = parse(value)
    except ShiftPatternError as error:
        message = str(error)
    else:
        assert isinstance(pattern, ShiftPattern)
        assert parse_shift_pattern(shift_pattern_to_data(pattern)) == pattern
        return
    assert message.startswith(("shift pattern: ", "shifts[", "shift '")), message


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_any_text_is_a_pattern_or_a_shift_pattern_error(text: str | bytes) -> None:
    _refused_or_valid(shift_pattern_from_json, text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
CLOCKS = st.one_of(
    st.from_regex(r"[0-9]{1,2}:[0-9]{2}", fullmatch=True),
    st.integers(-2, 30),
    JSON_VALUES,
)
NEAR_SHIFTS = st.fixed_dictionaries(
    {},
    optional={
        "code": st.sampled_from([m.value for m in ShiftCode]) | JSON_VALUES,
        "start": CLOCKS,
        "length": CLOCKS,
        "lenght": st.just(8),
    },
)


@settings(max_examples=600)
@given(
    st.one_of(
        JSON_VALUES,
        st.fixed_dictionaries(
            {"version": st.just(1) | JSON_VALUES, "shifts": st.lists(NEAR_SHIFTS, max_size=7) | JSON_VALUES}
        ),
    )
)
def test_any_json_like_data_is_a_pattern_or_a_shift_pattern_error(data: object) -> None:
    _refused_or_valid(parse_shift_pattern, data)


@given(
    patterns(),
    st.sampled_from([m.value for m in ShiftCode]),
    st.integers(0, 24 * 60 - 1),
    st.integers(1, 600),
)
def test_a_shift_added_to_a_valid_pattern_is_refused_or_valid_never_a_crash(
    pattern: ShiftPattern, code: str, start: int, minutes: int
) -> None:
    data = shift_pattern_to_data(pattern)
    data["shifts"].append(
        {
            "code": code,
            "start": f"{start // 60}:{start % 60:02d}",
            "length": f"{minutes // 60}:{minutes % 60:02d}",
        }
    )
    _refused_or_valid(parse_shift_pattern, data)


# --- periods in real time ----------------------------------------------------------------------


def test_a_night_shift_belongs_to_the_day_it_started_in_each_indonesian_zone() -> None:
    for zone, offset in ((WIB, 7), (WITA, 8), (WIT, 9)):
        late = datetime(2026, 12, 3, 6, 59, tzinfo=zone)
        period = shift_at(THREE_BY_EIGHT, zone, late)
        assert period.code == ShiftCode.NIGHT
        assert period.day == date(2026, 12, 2)
        assert period.start == utc(2026, 12, 2, 23 - offset)
        assert period.end == datetime(2026, 12, 3, 7, tzinfo=zone)
        assert period.duration == 8 * H
        assert late in period
        # 07:00 belongs to the morning shift (start inclusive, end exclusive).
        morning = shift_at(THREE_BY_EIGHT, zone, late + timedelta(minutes=1))
        assert (morning.code, morning.day, morning.start) == (
            ShiftCode.MORNING,
            date(2026, 12, 3),
            period.end,
        )


def test_shifts_of_a_day_and_their_instants() -> None:
    assert [(p.code, p.start, p.end) for p in shifts_of_day(TWO_BY_TWELVE, WITA, date(2026, 1, 1))] == [
        (ShiftCode.DAY, utc(2025, 12, 31, 23), utc(2026, 1, 1, 11)),
        (ShiftCode.NIGHT, utc(2026, 1, 1, 11), utc(2026, 1, 1, 23)),
    ]
    dawn = shifts_of_day(FOUR_BY_SIX, WIT, date(2026, 1, 1))[0]
    assert (dawn.code, dawn.start, dawn.duration) == (ShiftCode.DAWN, utc(2025, 12, 31, 16), 6 * H)


def test_clock_changes_lengthen_or_shorten_the_night_shift_without_a_gap() -> None:
    # Berlin: clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
    spring = shifts_of_day(THREE_BY_EIGHT, BERLIN, date(2026, 3, 28))
    assert [p.duration for p in spring] == [8 * H, 8 * H, 7 * H]
    autumn = shifts_of_day(THREE_BY_EIGHT, BERLIN, date(2026, 10, 24))
    assert [p.duration for p in autumn] == [8 * H, 8 * H, 9 * H]
    # A shift starting at 02:30, which the spring clock skips, starts when the clock jumps (01:00 UTC);
    # one starting at 02:30 on the autumn night starts at its first occurrence (00:30 UTC).
    odd = ShiftPattern((spec(ShiftCode.DAWN, "02:30", 1), spec(ShiftCode.DAY, "03:30", 23)))
    dawn, day = shifts_of_day(odd, BERLIN, date(2026, 3, 29))
    assert (dawn.start, dawn.end, day.start) == (utc(2026, 3, 29, 1), utc(2026, 3, 29, 1, 30), dawn.end)
    dawn, _ = shifts_of_day(odd, BERLIN, date(2026, 10, 25))
    assert (dawn.start, dawn.duration) == (utc(2026, 10, 25, 0, 30), 2 * H)


def test_a_shift_the_clock_skips_entirely_is_not_listed() -> None:
    apia = ZoneInfo("Pacific/Apia")  # 29 December 2011 was followed by 31 December
    periods = shifts_between(
        THREE_BY_EIGHT, apia, datetime(2011, 12, 29, 7, tzinfo=apia), datetime(2011, 12, 31, 8, tzinfo=apia)
    )
    assert [(p.day, p.code) for p in periods] == [
        (date(2011, 12, 29), ShiftCode.MORNING),
        (date(2011, 12, 29), ShiftCode.AFTERNOON),
        (date(2011, 12, 29), ShiftCode.NIGHT),
        (date(2011, 12, 30), ShiftCode.NIGHT),
        (date(2011, 12, 31), ShiftCode.MORNING),
    ]
    assert all(a.end == b.start for a, b in itertools.pairwise(periods))
    # The night of the 29th ends at midnight, when the clock jumped to the 31st (UTC-10 to UTC+14);
    # the night of the 30th is what was left of it: midnight to 07:00 on the 31st.
    assert periods[2].end == periods[3].start == datetime(2011, 12, 31, tzinfo=apia) == utc(2011, 12, 30, 10)
    assert periods[3].duration == 7 * H


def test_a_month_of_shifts_for_the_monthly_roll_up() -> None:
    start = datetime(2026, 12, 1, tzinfo=WITA)
    end = datetime(2027, 1, 1, tzinfo=WITA)
    periods = shifts_between(THREE_BY_EIGHT, WITA, start, end)
    # The night of 30 November is still worked when December begins; 31 December's night runs into January.
    assert len(periods) == 1 + 31 * 3
    assert (periods[0].day, periods[0].code) == (date(2026, 11, 30), ShiftCode.NIGHT)
    assert (periods[-1].day, periods[-1].code, periods[-1].end) == (
        date(2026, 12, 31),
        ShiftCode.NIGHT,
        datetime(2027, 1, 1, 7, tzinfo=WITA),
    )
    assert shifts_between(THREE_BY_EIGHT, WITA, end, start) == ()
    assert shifts_between(THREE_BY_EIGHT, WITA, start, start) == ()


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        shift_at(THREE_BY_EIGHT, WIB, datetime(2026, 12, 2, 8))  # noqa: DTZ001
    with pytest.raises(ValueError, match="naive"):
        shifts_between(THREE_BY_EIGHT, WIB, datetime(2026, 12, 2), utc(2026, 12, 3))  # noqa: DTZ001


INSTANTS = st.datetimes(
    min_value=datetime(1970, 1, 1),  # noqa: DTZ001 (hypothesis takes naive bounds)
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)


@settings(max_examples=300)
@given(patterns(), st.sampled_from(ZONES), INSTANTS)
def test_every_instant_is_in_exactly_one_period_and_periods_follow_each_other(
    pattern: ShiftPattern, zone: ZoneInfo, instant: datetime
) -> None:
    period = shift_at(pattern, zone, instant)
    assert period.start <= instant < period.end
    assert period.code in pattern.codes
    # Neighbours: the next period starts where this one ends, the previous one ends where it starts.
    assert shift_at(pattern, zone, period.end).start == period.end
    assert shift_at(pattern, zone, period.start - timedelta(microseconds=1)).end == period.start
    # The period belongs to its day: where the clock did not jump, it starts at the shift's start time.
    shift = next(s for s in pattern.shifts if s.code == period.code)
    local_start = period.start.astimezone(zone)
    if local_start.time() == shift.start:
        assert local_start.date() == period.day
    assert period in shifts_of_day(pattern, zone, period.day)


@settings(max_examples=200)
@given(patterns(), st.sampled_from(ZONES), INSTANTS, st.timedeltas(timedelta(0), timedelta(days=40)))
def test_the_periods_of_a_range_cover_it_without_gaps(
    pattern: ShiftPattern, zone: ZoneInfo, start: datetime, span: timedelta
) -> None:
    end = start + span
    periods = shifts_between(pattern, zone, start, end)
    if span == timedelta(0):
        assert periods == ()
        return
    assert periods[0] == shift_at(pattern, zone, start)
    assert periods[-1] == shift_at(pattern, zone, end - timedelta(microseconds=1))
    assert all(a.end == b.start for a, b in itertools.pairwise(periods))
    assert all(p.start < p.end for p in periods)


@given(st.sampled_from(ZONES[:3]), st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_in_indonesia_every_shift_is_as_long_as_the_pattern_says(zone: ZoneInfo, day: date) -> None:
    for pattern in PRESETS:
        periods = shifts_of_day(pattern, zone, day)
        assert [p.duration for p in periods] == [s.length for s in pattern.shifts]
        assert [p.start.astimezone(zone).time() for p in periods] == [s.start for s in pattern.shifts]
