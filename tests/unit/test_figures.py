"""Figures (docs/figures.md) against a small data set computed by hand, and percentile properties."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.figures import (
    STRICT_10S,
    CallTiming,
    FigureSettings,
    IncidentTiming,
    Target,
    UnitTiming,
    distribution,
    interval_start,
    nearest_rank,
    service_levels,
    share_within,
    shift_figures,
)

#: 08:00:00 UTC (15:00 WIB).
EIGHT = datetime(2026, 12, 1, 8, 0, 0, tzinfo=UTC)


def t(minutes: int, seconds: int = 0) -> datetime:
    return EIGHT + timedelta(minutes=minutes, seconds=seconds)


def answered(call_id: int, minute: int, second: int, ring_s: int, user: int, cls: str) -> CallTiming:
    ring = t(minute, second)
    answer = ring + timedelta(seconds=ring_s)
    return CallTiming(call_id, ring, answer, answer + timedelta(seconds=60), cls, user)


def abandoned(call_id: int, minute: int, ring_s: int) -> CallTiming:
    ring = t(minute)
    return CallTiming(call_id, ring, None, ring + timedelta(seconds=ring_s), "abandoned", None)


# Ten answered calls (ring -> answer 3, 5, 6, 8, 9, 12, 14, 16, 21, 40 s), two abandoned (7 s, 50 s),
# one still ringing.
CALLS = (
    answered(1, 0, 0, 3, 1, "emergency"),
    answered(2, 5, 0, 5, 1, "information"),
    answered(3, 10, 0, 6, 2, "prank"),
    answered(4, 14, 50, 8, 2, "silent"),  # rang in 08:00-08:15, answered 08:14:58
    answered(5, 15, 0, 9, 1, "emergency"),
    answered(6, 20, 0, 12, 2, "emergency"),
    answered(7, 29, 59, 14, 1, "prank"),  # rang in 08:15-08:30, answered in the next interval
    answered(8, 31, 0, 16, 2, "information"),
    answered(9, 40, 0, 21, 1, "emergency"),
    answered(10, 44, 0, 40, 2, "silent"),
    abandoned(11, 3, 7),
    abandoned(12, 33, 50),
    CallTiming(13, t(50), None, None),
)
INCIDENTS = (
    IncidentTiming("2026-000001", 45.0, taken_by=1),
    IncidentTiming("2026-000002", 55.0, taken_by=1),
    IncidentTiming("2026-000003", 60.0, taken_by=2),
    IncidentTiming("2026-000004", 61.0, taken_by=1),
    IncidentTiming("2026-000005", None, taken_by=2),  # never dispatched: no sample
)
UNITS = (
    UnitTiming("2026-000001", "AMB-1", "medical", 50.0, 300.0, 600.0),
    UnitTiming("2026-000002", "AMB-2", "medical", 70.0, 400.0, None),
    UnitTiming("2026-000003", "AMB-3", "medical", None, None, None),
    UnitTiming("2026-000004", "DMK-1", "fire", 80.0, 200.0, 900.0),
    UnitTiming("2026-000004", "DMK-2", "fire", 81.0, 260.0, 840.0),
    UnitTiming("2026-000001", "POL-1", "police", 30.0, 500.0, 1200.0),
)


def test_the_hand_computed_shift():
    figures = shift_figures(CALLS, INCIDENTS, UNITS, since=t(0), until=t(60))
    # Offered = answered + abandoned = 10 + 2; the ringing call is in no figure but "unresolved".
    assert (figures.offered, figures.answered, figures.abandoned, figures.unresolved) == (12, 10, 2, 1)
    assert figures.abandonment_rate == pytest.approx(2 / 12)

    # Answer times sorted: 3 5 6 8 9 12 14 16 21 40 (n = 10, sum 134).
    # p50: rank ceil(0.50 * 10) = 5 -> 9; p90: rank 9 -> 21; p95: rank ceil(9.5) = 10 -> 40.
    # Within 15 s: 3 5 6 8 9 12 14 = 7 of 10; within 20 s: 8 of 10. Neither target met.
    answer = figures.answer
    assert (answer.count, answer.min_s, answer.max_s, answer.mean_s) == (10, 3.0, 40.0, 13.4)
    assert (answer.p50_s, answer.p90_s, answer.p95_s) == (9.0, 21.0, 40.0)
    assert [(r.within_s, r.count_within, r.share, r.met) for r in answer.targets] == [
        (15.0, 7, 0.7, False),
        (20.0, 8, 0.8, False),
    ]

    # Processing: 45 55 60 61 (the undispatched incident has no sample). p50: rank 2 -> 55;
    # p90: rank ceil(3.6) = 4 -> 61; p95 -> 61. Within 60 s: 3 of 4 = 75 % < 90 %.
    processing = figures.processing
    assert (processing.count, processing.p50_s, processing.p90_s, processing.p95_s) == (4, 55.0, 61.0, 61.0)
    assert processing.mean_s == pytest.approx(221 / 4)
    assert [(r.count_within, r.share, r.met) for r in processing.targets] == [(3, 0.75, False)]

    # The longest ring is the abandoned call that rang 50 s, not the longest answer (40 s).
    assert figures.longest_ring is not None
    assert (figures.longest_ring.call_id, figures.longest_ring.seconds) == (12, 50.0)
    assert figures.longest_ring.answered is False
    assert figures.longest_ring.ring_at == "2026-12-01T08:33:00+00:00"

    # Service level (within 15 s / answered) by the interval the call started ringing in:
    # 08:00 calls 1-4 + abandoned 11: 4 answered, all within; 08:15 calls 5-7: 3 of 3;
    # 08:30 calls 8-10 + abandoned 12: 0 of 3; 08:45 only the ringing call: nothing offered.
    levels = [
        (lv.start[11:16], lv.offered, lv.answered, lv.abandoned, lv.answered_within, lv.service_level)
        for lv in figures.service_levels
    ]
    assert levels == [
        ("08:00", 5, 4, 1, 4, 1.0),
        ("08:15", 3, 3, 0, 3, 1.0),
        ("08:30", 4, 3, 1, 0, 0.0),
        ("08:45", 0, 0, 0, 0, None),
    ]

    assert [(c.call_class, c.count) for c in figures.by_class] == [
        ("abandoned", 2),
        ("emergency", 4),
        ("information", 2),
        ("prank", 2),
        ("silent", 2),
    ]

    # Call-taker 1: answers 3 5 9 14 21 (p50 rank 3 -> 9, p90 rank ceil(4.5) = 5 -> 21, 4 of 5 within
    # 15 s); processing 45 55 61. Call-taker 2: answers 6 8 12 16 40 (p50 12, p90 40, mean 16.4, 3 of 5
    # within 15 s); processing 60 (the undispatched incident has no sample).
    one, two = figures.call_takers
    assert (one.user_id, one.answered, one.answer.p50_s, one.answer.p90_s) == (1, 5, 9.0, 21.0)
    assert one.answer.targets[0].share == 0.8
    assert (one.processing.count, one.processing.p50_s, one.processing.max_s) == (3, 55.0, 61.0)
    assert (two.user_id, two.answered, two.answer.p50_s, two.answer.p90_s) == (2, 5, 12.0, 40.0)
    assert two.answer.mean_s == pytest.approx(16.4)
    assert two.answer.targets[0].share == 0.6
    assert (two.processing.count, two.processing.p50_s) == (1, 60.0)

    # Agencies, sorted by name. Fire turnout 80 81: 1 of 2 within NFPA 1710's 80 s (at the limit
    # counts). Medical turnout 50 70 (one unit never went en route, no sample): 1 of 2 within 60 s.
    # Police has no turnout target by default.
    fire, medical, police = figures.agencies
    assert (fire.agency, fire.assignments, fire.turnout.p50_s, fire.turnout.p90_s) == ("fire", 2, 80.0, 81.0)
    assert [(r.within_s, r.count_within, r.met) for r in fire.turnout.targets] == [(80.0, 1, False)]
    assert (medical.assignments, medical.turnout.count, medical.travel.count) == (3, 2, 2)
    assert [(r.within_s, r.count_within, r.share) for r in medical.turnout.targets] == [(60.0, 1, 0.5)]
    assert (medical.on_scene.count, medical.on_scene.p95_s) == (1, 600.0)
    assert (police.turnout.count, police.turnout.targets) == (1, ())
    assert fire.travel.mean_s == 230.0


def test_other_thresholds_are_settings():
    settings = FigureSettings(answer=STRICT_10S, service_level_s=10.0, interval_minutes=30)
    figures = shift_figures(CALLS, settings=settings)
    # Within 10 s: 3 5 6 8 9 = 5 of 10.
    assert [(r.within_s, r.count_within, r.met) for r in figures.answer.targets] == [
        (10.0, 5, False),
        (20.0, 8, False),
    ]
    # Half hours, only intervals with calls: 08:00 calls 1-7 + 11 (within 10 s: 3 5 6 8 9),
    # 08:30 calls 8-10 + 12 (none within 10 s).
    assert [(lv.start[11:16], lv.answered, lv.answered_within) for lv in figures.service_levels] == [
        ("08:00", 7, 5),
        ("08:30", 3, 0),
    ]
    assert figures.interval_minutes == 30


def test_a_target_met_exactly_at_its_share():
    # 9 of 10 within 15 s is exactly 90 %: met, and p90 (rank 9) is the 9th value, 15.
    values = [1.0] * 8 + [15.0, 15.5]
    result = distribution(values, [Target(15.0, 0.90)])
    assert result.targets[0].met is True
    assert result.p90_s == 15.0
    assert distribution(values, [Target(14.9, 0.90)]).targets[0].met is False


def test_settings_problems():
    assert FigureSettings().problems() == {}
    bad = FigureSettings(answer=(Target(0, 0.9),), processing=(Target(60, 1.5),), interval_minutes=7)
    assert bad.problems() == {
        "answer": "not_positive",
        "processing": "share_out_of_range",
        "interval_minutes": "not_divisor_of_60",
    }


def test_no_samples_give_none_and_valid_json():
    figures = shift_figures([CallTiming(1, EIGHT, None, None)], since=t(0), until=t(30))
    assert figures.offered == 0
    assert figures.unresolved == 1
    assert figures.abandonment_rate is None
    assert figures.longest_ring is None
    assert figures.answer.p90_s is None
    assert figures.answer.mean_s is None
    assert figures.answer.targets[0].share is None
    assert figures.answer.targets[0].met is None
    assert [lv.service_level for lv in figures.service_levels] == [None, None]
    json.dumps(figures.to_json(), allow_nan=False)


def test_the_json_form_is_plain():
    data = shift_figures(CALLS, INCIDENTS, UNITS).to_json()
    text = json.dumps(data, allow_nan=False, sort_keys=True)
    assert json.loads(text) == json.loads(json.dumps(data, sort_keys=True))
    assert data["answer"]["p90_s"] == 21.0
    assert data["service_levels"][0]["start"] == "2026-12-01T08:00:00+00:00"


def test_intervals_follow_the_local_clock():
    wib = datetime(2026, 12, 1, 8, 44, 59, tzinfo=UTC).astimezone(ZoneInfo("Asia/Jakarta"))
    assert interval_start(wib, 15).isoformat() == "2026-12-01T15:30:00+07:00"
    assert interval_start(wib, 60).isoformat() == "2026-12-01T15:00:00+07:00"
    # An Indian half-hour offset still starts intervals on the local quarter hour.
    ist = datetime(2026, 12, 1, 8, 44, 59, tzinfo=UTC).astimezone(ZoneInfo("Asia/Kolkata"))
    assert interval_start(ist, 15).isoformat() == "2026-12-01T14:00:00+05:30"


def test_nearest_rank_rejects_a_percent_out_of_range():
    with pytest.raises(ValueError, match="percent must be"):
        nearest_rank([1.0], 0)
    with pytest.raises(ValueError, match="percent must be"):
        nearest_rank([1.0], 100.5)
    assert nearest_rank([], 50) is None
    # 0.9 * 10 is 9 exactly (no float 9.000000000000002 pushing the rank to 10).
    assert nearest_rank([float(i) for i in range(1, 11)], 90) == 9.0


samples = st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=60)
percents = st.integers(min_value=1, max_value=100)


@given(samples, percents, percents)
def test_percentiles_are_monotone_in_the_share(values, p, q):
    low, high = sorted((p, q))
    a, b = nearest_rank(values, low), nearest_rank(values, high)
    assert a is not None
    assert b is not None
    assert a <= b


@given(samples, percents)
def test_percentiles_lie_within_min_and_max_and_are_samples(values, p):
    value = nearest_rank(values, p)
    assert value is not None
    assert min(values) <= value <= max(values)
    assert value in values


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.integers(1, 50), percents)
def test_equal_values_give_that_value(value, n, p):
    assert nearest_rank([value] * n, p) == value


@given(samples, percents, st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_the_percentile_and_the_share_never_disagree(values, p, limit):
    # pP <= limit exactly when at least P % of the values are within the limit.
    value = nearest_rank(values, p)
    share = share_within(values, limit)
    assert value is not None
    assert share is not None
    within = sum(1 for v in values if v <= limit)
    assert (value <= limit) == (within * 100 >= p * len(values))
    target = distribution(values, [Target(limit, p / 100)]).targets[0]
    assert target.met == (value <= limit)


ring_times = st.lists(
    st.tuples(
        st.integers(0, 3 * 3600 - 1),
        st.one_of(st.none(), st.integers(0, 600)),
        st.booleans(),
    ),
    max_size=40,
)


@given(ring_times)
def test_counts_add_up_and_nothing_is_nan(rows):
    calls = []
    for i, (offset, ring_s, is_answered) in enumerate(rows):
        ring = EIGHT + timedelta(seconds=offset)
        end = None if ring_s is None else ring + timedelta(seconds=ring_s)
        if is_answered and end is not None:
            calls.append(CallTiming(i, ring, end, end + timedelta(seconds=30), "emergency", i % 3))
        else:
            calls.append(CallTiming(i, ring, None, end, "abandoned" if end else None))
    figures = shift_figures(calls, since=EIGHT, until=EIGHT + timedelta(hours=3))
    assert figures.offered + figures.unresolved == len(calls)
    assert sum(lv.offered for lv in figures.service_levels) == figures.offered
    assert sum(lv.answered for lv in figures.service_levels) == figures.answered
    assert len(figures.service_levels) == 12
    assert sum(c.answered for c in figures.call_takers) == figures.answered
    json.dumps(figures.to_json(), allow_nan=False)
    level = service_levels(calls, 15.0)
    assert sum(lv.answered_within for lv in level) == figures.answer.targets[0].count_within
