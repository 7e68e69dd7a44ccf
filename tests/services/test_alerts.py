"""Timer alerts in the database: raised once per episode, cleared when the condition ends, acknowledged."""

from __future__ import annotations

import json

from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import UnitStatus
from dispatch.domain.signals import SignalKind
from dispatch.domain.timers import TimerKind, TimerThresholds
from dispatch.services import alerts, calls, dispatching, feeds, incidents
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Alert, AuditEntry
from tests.services.support import audited, signal, unit

LIMITS = TimerThresholds()


def _rows(ctx: ServiceContext) -> list[Alert]:
    with ctx.database.sessions() as session:
        return list(session.scalars(select(Alert).order_by(Alert.id)))


def test_a_ringing_call_raises_one_alert_at_15_seconds_and_clears_when_answered(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(14)
    assert alerts.check_timers(ctx, LIMITS) == []
    clock.advance(1)
    (alert,), written = audited(ctx, lambda: alerts.check_timers(ctx, LIMITS))
    assert (alert.kind, alert.entity) == (TimerKind.CALL_RINGING.value, "call")
    assert (alert.entity_id, alert.since, alert.limit_s) == (str(ringing.id), ringing.ring_at, 15)
    assert alert.label == ringing.number_national
    assert [(a.action, a.user_name) for a in written] == [("alert.raise", "system")]
    for _ in range(3):  # every second, the same episode: no second row
        clock.advance(1)
        assert [a.id for a in alerts.check_timers(ctx, LIMITS)] == [alert.id]
    assert len(_rows(ctx)) == 1

    calls.answer_call(ctx, ringing.id)
    remaining, written = audited(ctx, lambda: alerts.check_timers(ctx, LIMITS))
    assert [a.kind for a in remaining] == []  # the incident has just been opened: not yet late
    (row,) = _rows(ctx)
    assert (row.cleared_at, row.acknowledged_at) == (clock.now(), None)
    assert [a.action for a in written] == ["alert.clear"]
    assert alerts.open_alerts(ctx) == []


def test_acknowledged_alert_stays_quiet_while_its_condition_holds_and_records_who(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    clock.advance(15)
    (alert,) = alerts.check_timers(ctx, LIMITS)
    clock.advance(3)
    done, written = audited(ctx, lambda: alerts.acknowledge_alerts(ctx, [alert.id]))
    assert done == [alert.id]
    (row,) = _rows(ctx)
    assert (row.acknowledged_at, row.acknowledged_by, row.acknowledged_console_id) == (
        clock.now(),
        ctx.actor.user_id,
        ctx.console_id,
    )
    assert [(a.action, a.user_name, a.console_name) for a in written] == [
        ("alert.acknowledge", "sari", "KONSOL-01")
    ]
    clock.advance(30)
    assert alerts.check_timers(ctx, LIMITS) == []
    assert len(_rows(ctx)) == 1
    assert alerts.acknowledge_alerts(ctx, [alert.id]) == []  # once only


def test_each_unit_timer_follows_the_unit_through_its_statuses(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(5)
    incident = calls.answer_call(ctx, ringing.id)[1]
    incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    clock.advance(60)
    (waiting,) = alerts.check_timers(ctx, LIMITS)
    assert (waiting.kind, waiting.label) == (TimerKind.NOT_DISPATCHED.value, incident.number)

    ambulance = unit(ctx, "DEMO-PSC-01")
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    clock.advance(119)
    assert alerts.check_timers(ctx, LIMITS) == []
    clock.advance(1)
    (late,) = alerts.check_timers(ctx, LIMITS)
    assert (late.kind, late.label, late.incident_number) == (
        TimerKind.NOT_ACKNOWLEDGED.value,
        "DEMO-PSC-01",
        incident.number,
    )

    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.EN_ROUTE)
    clock.advance(600)
    (long_drive,) = alerts.check_timers(ctx, LIMITS)
    assert long_drive.kind == TimerKind.EN_ROUTE.value

    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE)
    clock.advance(20 * 60)
    assert alerts.check_timers(ctx, LIMITS) == []
    incidents.add_note(ctx, incident.id, "Korban dibawa ke ambulans.")  # an update: the wait restarts
    clock.advance(29 * 60 + 59)
    assert alerts.check_timers(ctx, LIMITS) == []
    clock.advance(1)
    (quiet,) = alerts.check_timers(ctx, LIMITS)
    assert quiet.kind == TimerKind.ON_SCENE_NO_UPDATE.value

    kinds = [(row.kind, row.cleared_at is not None) for row in _rows(ctx)]
    assert kinds == [
        (TimerKind.NOT_DISPATCHED.value, True),
        (TimerKind.NOT_ACKNOWLEDGED.value, True),
        (TimerKind.EN_ROUTE.value, True),
        (TimerKind.ON_SCENE_NO_UPDATE.value, False),
    ]
    assert json.loads(_rows(ctx)[-1].message)["incident"] == incident.number


def test_feed_alarms_are_acknowledged_by_the_same_rule(ctx: ServiceContext, clock: ManualClock) -> None:
    alert_id = feeds.raise_feed_alarm(ctx, "ncid://192.0.2.10:3333", clock.now())
    assert alerts.check_timers(ctx, LIMITS) == []  # timers leave feed alarms alone
    feeds.acknowledge_alert(ctx, alert_id)
    (row,) = _rows(ctx)
    assert row.cleared_at is None
    assert (row.acknowledged_by, row.acknowledged_console_id) == (ctx.actor.user_id, ctx.console_id)
    with ctx.database.sessions() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "alert")).all()
    assert actions == ["alert.raise", "alert.acknowledge"]
