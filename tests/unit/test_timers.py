"""Timer rules: each fires exactly at its limit, never a second early, once per waiting episode."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.enums import UnitStatus
from dispatch.domain.timers import (
    THRESHOLD_FIELDS,
    OpenIncident,
    RingingCall,
    TimerKind,
    TimerState,
    TimerThresholds,
    UnitOnCall,
    due_alerts,
    format_duration,
    parse_duration,
)

T0 = datetime(2026, 11, 27, 3, 0, 0, tzinfo=UTC)
DEFAULTS = TimerThresholds()


def _state(kind: TimerKind, since: datetime) -> TimerState:
    if kind is TimerKind.CALL_RINGING:
        return TimerState(calls=(RingingCall(7, since, "0812-3456-7890"),))
    if kind is TimerKind.NOT_DISPATCHED:
        return TimerState(incidents=(OpenIncident(3, "2026-000123", since, ever_dispatched=False),))
    status = {
        TimerKind.NOT_ACKNOWLEDGED: UnitStatus.DISPATCHED,
        TimerKind.EN_ROUTE: UnitStatus.EN_ROUTE,
        TimerKind.ON_SCENE_NO_UPDATE: UnitStatus.ON_SCENE,
    }[kind]
    return TimerState(units=(UnitOnCall(5, "DEMO-AMB-01", status, since, "2026-000123"),))


@pytest.mark.parametrize(
    ("kind", "limit"),
    [
        (TimerKind.CALL_RINGING, 15),
        (TimerKind.NOT_DISPATCHED, 60),
        (TimerKind.NOT_ACKNOWLEDGED, 120),
        (TimerKind.EN_ROUTE, 600),
        (TimerKind.ON_SCENE_NO_UPDATE, 1800),
    ],
)
def test_each_timer_fires_at_its_standard_limit_and_not_a_second_before(kind: TimerKind, limit: int) -> None:
    state = _state(kind, T0)
    assert due_alerts(state, T0 + timedelta(seconds=limit - 1), DEFAULTS) == []
    (alert,) = due_alerts(state, T0 + timedelta(seconds=limit), DEFAULTS)
    assert (alert.kind, alert.since, alert.limit_s) == (kind, T0, limit)
    assert due_alerts(state, T0 + timedelta(seconds=limit + 3600), DEFAULTS)[0].key == alert.key


def test_configured_limits_replace_the_defaults() -> None:
    state = _state(TimerKind.CALL_RINGING, T0)
    short = TimerThresholds(call_ringing=10)
    assert due_alerts(state, T0 + timedelta(seconds=10), short)[0].limit_s == 10
    assert due_alerts(state, T0 + timedelta(seconds=10), DEFAULTS) == []


def test_an_incident_that_had_a_unit_is_not_waiting_for_dispatch() -> None:
    state = TimerState(incidents=(OpenIncident(3, "2026-000123", T0, ever_dispatched=True),))
    assert due_alerts(state, T0 + timedelta(hours=2), DEFAULTS) == []


def test_a_note_on_the_incident_starts_a_new_on_scene_episode() -> None:
    note_at = T0 + timedelta(minutes=20)
    unit = UnitOnCall(5, "DEMO-AMB-01", UnitStatus.ON_SCENE, T0, "2026-000123", last_update=note_at)
    state = TimerState(units=(unit,))
    assert due_alerts(state, T0 + timedelta(minutes=30), DEFAULTS) == []
    (alert,) = due_alerts(state, note_at + timedelta(minutes=30), DEFAULTS)
    assert alert.since == note_at
    # A note older than the arrival does not move the start back.
    older = UnitOnCall(5, "DEMO-AMB-01", UnitStatus.ON_SCENE, T0, last_update=T0 - timedelta(hours=1))
    assert due_alerts(TimerState(units=(older,)), T0 + timedelta(minutes=29), DEFAULTS) == []


def test_units_in_other_statuses_are_not_timed() -> None:
    for status in (UnitStatus.AVAILABLE, UnitStatus.ACKNOWLEDGED, UnitStatus.OUT_OF_SERVICE):
        state = TimerState(units=(UnitOnCall(1, "X", status, T0),))
        assert due_alerts(state, T0 + timedelta(days=1), DEFAULTS) == []


instants = st.integers(min_value=0, max_value=4 * 3600).map(lambda s: T0 + timedelta(seconds=s))
units = st.builds(
    UnitOnCall,
    unit_id=st.integers(1, 50),
    call_sign=st.text(min_size=1, max_size=8),
    status=st.sampled_from(list(UnitStatus)),
    status_since=instants,
    incident_number=st.just(""),
    last_update=st.none() | instants,
)
states = st.builds(
    TimerState,
    calls=st.lists(st.builds(RingingCall, st.integers(1, 99), instants, st.just("112")), max_size=5).map(
        tuple
    ),
    incidents=st.lists(
        st.builds(OpenIncident, st.integers(1, 99), st.just("N"), instants, st.booleans()), max_size=5
    ).map(tuple),
    units=st.lists(units, max_size=8).map(tuple),
)
limits = st.builds(TimerThresholds, *[st.integers(5, 7200) for _ in THRESHOLD_FIELDS])


@given(states, instants, limits)
def test_no_timer_ever_fires_early_and_every_condition_past_its_limit_fires(
    state: TimerState, now: datetime, thresholds: TimerThresholds
) -> None:
    due = due_alerts(state, now, thresholds)
    for alert in due:
        assert now - alert.since >= timedelta(seconds=thresholds.limit(alert.kind))
    # A second earlier, only the alerts whose start is at least a second further back remain.
    earlier = due_alerts(state, now - timedelta(seconds=1), thresholds)
    assert {a.key for a in earlier} <= {a.key for a in due}
    waiting_calls = [c for c in state.calls if now - c.ring_at >= timedelta(seconds=thresholds.call_ringing)]
    assert len([a for a in due if a.kind is TimerKind.CALL_RINGING]) == len(waiting_calls)


@given(st.text(max_size=20))
def test_duration_parser_reads_or_refuses_anything(text: str) -> None:
    try:
        seconds = parse_duration(text)
    except ValueError:
        return
    assert seconds >= 0
    assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize(("text", "seconds"), [("15", 15), ("2:00", 120), (" 10:00 ", 600), ("30:00", 1800)])
def test_durations_as_supervisors_write_them(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "2:5", "1:60", "-5", "abc", "1:2:3", "2 min"])
def test_durations_that_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"duration|seconds"):
        parse_duration(text)


def test_limits_outside_the_sensible_range_are_named() -> None:
    assert TimerThresholds().problems() == {}
    assert TimerThresholds(call_ringing=1, en_route=10**6).problems() == {
        "call_ringing": "too_short",
        "en_route": "too_long",
    }
