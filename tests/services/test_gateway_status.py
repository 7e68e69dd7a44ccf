"""The gateways' rows: the first heartbeat audited, the next ones not, an orderly stop audited; the
feeds read back as stored; the feed alarms a gateway raised, as a console of the centre reads them;
every change to an alert is announced (``Topic.ALERTS``) for the other consoles."""

from __future__ import annotations

from datetime import timedelta

from dispatch.domain.clock import ManualClock
from dispatch.domain.gateway import FeedHealthView, gateway_silent
from dispatch.domain.signals import SignalKind
from dispatch.domain.timers import TimerThresholds
from dispatch.services import alerts, calls, feeds, gateway_status
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import FeedAlarmKind
from tests.services.support import audited, signal

FEED = "ncid://192.0.2.10:3333"


def health(clock: ManualClock, state: str = "up", **more: object) -> dict[str, object]:
    return FeedHealthView(FEED, state, clock.now(), **more).to_json()  # type: ignore[arg-type]


def start(ctx: ServiceContext, clock: ManualClock, name: str = "gateway") -> None:
    gateway_status.started(
        ctx, name, [health(clock)], started_at=clock.now(), pid=4242, host="gw-host", version="0.1.0"
    )


def beat(
    ctx: ServiceContext, clock: ManualClock, feeds: list[dict[str, object]], name: str = "gateway"
) -> None:
    gateway_status.beat(ctx, name, feeds, started_at=clock.now(), pid=4242, host="gw-host", version="0.1.0")


def test_a_gateways_start_is_its_first_heartbeat_audited_with_its_feeds(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    system = ctx.as_system()
    _, written = audited(ctx, lambda: start(system, clock))
    assert [(a.action, a.entity, a.entity_id, a.console_name) for a in written] == [
        ("gateway.start", "gateway", "gateway", ctx.console_name)
    ]
    assert '"feeds": ["ncid://192.0.2.10:3333"]' in (written[0].detail or "")
    assert '"pid": 4242' in (written[0].detail or "")
    (view,) = gateway_status.gateways(ctx)
    assert (view.name, view.host, view.pid, view.version) == ("gateway", "gw-host", 4242, "0.1.0")
    assert (view.started_at, view.heartbeat_at, view.stopped_at) == (clock.now(), clock.now(), None)
    assert view.feeds == (FeedHealthView(FEED, "up", clock.now()),)
    assert Change(Topic.GATEWAY) in changes


def test_each_heartbeat_moves_the_row_and_stores_the_feeds_without_an_audit_row(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    system = ctx.as_system()
    start(system, clock)
    changes.clear()
    down_since = clock.now()
    clock.advance(2)
    _, written = audited(ctx, lambda: beat(system, clock, [health(clock, "down", detail="refused")]))
    assert written == []
    assert changes == [Change(Topic.GATEWAY)]
    (view,) = gateway_status.gateways(ctx)
    assert view.heartbeat_at == down_since + timedelta(seconds=2)
    assert view.feeds == (FeedHealthView(FEED, "down", clock.now(), detail="refused"),)
    clock.advance(10)
    assert not gateway_silent(view, clock.now())
    clock.advance(1)
    assert gateway_silent(view, clock.now())


def test_an_orderly_stop_is_audited_once_and_a_new_start_clears_it(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    system = ctx.as_system()
    start(system, clock)
    clock.advance(5)
    _, written = audited(ctx, lambda: gateway_status.stopped(system, "gateway", "SIGTERM"))
    assert [(a.action, a.entity_id) for a in written] == [("gateway.stop", "gateway")]
    assert '"reason": "SIGTERM"' in (written[0].detail or "")
    (view,) = gateway_status.gateways(ctx)
    assert view.stopped_at == clock.now()
    assert gateway_silent(view, clock.now())
    _, again = audited(ctx, lambda: gateway_status.stopped(system, "gateway", "SIGTERM"))
    assert again == []  # stopped already: nothing more to record
    clock.advance(30)
    start(system, clock)
    (view,) = gateway_status.gateways(ctx)
    assert (view.stopped_at, view.started_at) == (None, clock.now())


def test_every_gateway_is_listed_by_name(ctx: ServiceContext, clock: ManualClock) -> None:
    system = ctx.as_system()
    start(system, clock, "pbx")
    beat(system, clock, [], name="modem")
    assert [(view.name, len(view.feeds)) for view in gateway_status.gateways(ctx)] == [
        ("modem", 0),
        ("pbx", 1),
    ]


def test_a_feed_alarm_the_gateway_raised_is_read_by_a_console_until_acknowledged(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    since = clock.now()
    clock.advance(30)
    alert_id = feeds.raise_feed_alarm(ctx.as_system(), FEED, since, FeedAlarmKind.DOWN, "connection refused")
    assert Change(Topic.ALERTS, (alert_id,)) in changes
    (found,) = gateway_status.open_feed_alerts(ctx)
    assert (found.id, found.kind, found.feed) == (alert_id, "feed_down", FEED)
    assert (found.since, found.raised_at, found.detail) == (since, clock.now(), "connection refused")
    assert alerts.acknowledged_among(ctx, [alert_id]) == {}
    changes.clear()
    assert alerts.acknowledge_alerts(ctx, [alert_id]) == [alert_id]
    assert changes == [Change(Topic.ALERTS, (alert_id,))]
    assert gateway_status.open_feed_alerts(ctx) == []
    assert alerts.acknowledged_among(ctx, [alert_id, alert_id + 99]) == {alert_id: clock.now()}


def test_timer_alerts_raised_and_cleared_are_announced(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(15)
    changes.clear()
    (alert,) = alerts.check_timers(ctx, TimerThresholds())
    assert changes == [Change(Topic.ALERTS, (alert.id,))]
    changes.clear()
    clock.advance(1)
    alerts.check_timers(ctx, TimerThresholds())
    assert changes == []  # nothing new: nothing written, nothing announced
    calls.answer_call(ctx, ringing.id)
    changes.clear()
    alerts.check_timers(ctx, TimerThresholds())
    assert Change(Topic.ALERTS, (alert.id,)) in changes
