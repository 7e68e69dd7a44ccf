"""The acknowledgement timer of a forwarding: each agency's own limit, no configured threshold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.timers import (
    ENTITY,
    FIELD_OF,
    OWN_LIMIT,
    THRESHOLD_FIELDS,
    ForwardingWaiting,
    TimerKind,
    TimerState,
    TimerThresholds,
    due_alerts,
)

T0 = datetime(2026, 11, 27, 3, 0, 0, tzinfo=UTC)


def _waiting(limit_s: int, forwarding_id: int = 4, since: datetime = T0) -> ForwardingWaiting:
    return ForwardingWaiting(forwarding_id, "Polsek Tembalang", "2026-000123", since, limit_s)


def test_a_forwarding_is_overdue_exactly_at_its_agency_s_limit() -> None:
    state = TimerState(forwardings=(_waiting(300),))
    assert due_alerts(state, T0 + timedelta(seconds=299), TimerThresholds()) == []
    (alert,) = due_alerts(state, T0 + timedelta(seconds=300), TimerThresholds())
    assert (alert.kind, alert.entity, alert.entity_id, alert.since, alert.limit_s) == (
        TimerKind.FORWARD_NOT_ACKNOWLEDGED,
        "forwarding",
        4,
        T0,
        300,
    )
    assert (alert.label, alert.incident_number) == ("Polsek Tembalang", "2026-000123")
    assert alert.key == ("timer_forward_not_acknowledged", "4", T0)


@given(
    st.lists(st.integers(30, 24 * 3600), min_size=1, max_size=6),
    st.integers(0, 2 * 24 * 3600),
    st.integers(5, 24 * 3600),
)
def test_each_forwarding_keeps_its_own_limit_whatever_the_configured_ones(
    limits: list[int], elapsed: int, configured: int
) -> None:
    state = TimerState(forwardings=tuple(_waiting(limit, n) for n, limit in enumerate(limits)))
    thresholds = TimerThresholds(*(configured,) * len(THRESHOLD_FIELDS))
    due = due_alerts(state, T0 + timedelta(seconds=elapsed), thresholds)
    assert sorted(alert.entity_id for alert in due) == [
        n for n, limit in enumerate(limits) if elapsed >= limit
    ]
    assert all(alert.limit_s == limits[alert.entity_id] for alert in due)


def test_the_configured_thresholds_and_their_settings_are_unchanged() -> None:
    assert {TimerKind.FORWARD_NOT_ACKNOWLEDGED} == OWN_LIMIT
    assert TimerKind.FORWARD_NOT_ACKNOWLEDGED not in FIELD_OF
    assert THRESHOLD_FIELDS == (
        "call_ringing",
        "not_dispatched",
        "not_acknowledged",
        "en_route",
        "on_scene_no_update",
    )
    assert TimerThresholds().problems() == {}
    assert set(ENTITY) == set(TimerKind)
