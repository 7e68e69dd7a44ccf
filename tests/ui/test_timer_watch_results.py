"""The one-second timer check on its worker: a result older than a check made since is not shown, and
a check that fails says so and does not stop the next ones."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from dispatch.domain.aml import AmlFix, AmlMethod
from dispatch.domain.clock import ManualClock
from dispatch.domain.forwarding import OutboxKind
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import LocationSignal
from dispatch.domain.timers import TimerThresholds
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import alerts, aml, outbox
from dispatch.services.context import ServiceContext
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import Alert
from ui.main_window import MainWindow
from ui.timer_watch import TimerWatch

NONE_OVERDUE = ["No overdue timers."]


def test_a_background_result_older_than_the_acknowledgement_does_not_bring_the_alert_back(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, clock: ManualClock
) -> None:
    ringing = feed.ring()
    clock.advance(15)
    window.alarms.check_timers()
    (line,) = window.alert_list.lines()
    assert ringing.number_national in line
    assert window.alarms.background_timers
    window.tick()  # the one-second check starts on the worker
    window.alarms.timer_watch.wait()  # and finds the alert still open; its result is on its way
    window.alarms.acknowledge()  # Ctrl+Shift+A
    assert window.alert_list.lines() == NONE_OVERDUE
    qtbot.wait(200)  # the older result arrives
    assert window.alert_list.lines() == NONE_OVERDUE
    window.tick()  # later checks are shown as before
    qtbot.wait(200)
    assert window.alert_list.lines() == NONE_OVERDUE


def test_a_check_that_fails_is_logged_shown_and_the_next_second_checks_again(
    qtbot: QtBot,
    window: MainWindow,
    feed: SimulatedFeed,
    ctx: ServiceContext,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with ctx.database.transaction() as session:
        # An alert whose message cannot be read (written by hand, or by a broken version).
        session.add(
            Alert(
                kind="timer_call_ringing",
                raised_at=clock.now(),
                entity="call",
                entity_id="999",
                message='{"since": "kemarin"}',
            )
        )
    ringing = feed.ring()
    clock.advance(15)
    with caplog.at_level(logging.ERROR, logger="ui.timer_watch"):
        window.tick()
        qtbot.waitUntil(lambda: "Timers could not be checked:" in window.status.message_label.text())
    assert "kemarin" in window.status.message_label.text()
    assert any(record.exc_info for record in caplog.records if record.name == "ui.timer_watch")

    with ctx.database.transaction() as session:
        session.execute(delete(Alert).where(Alert.entity_id == "999"))
    clock.advance(1)
    window.tick()
    qtbot.waitUntil(lambda: ringing.number_national in " ".join(window.alert_list.lines()))


def test_a_handset_position_from_a_number_that_never_called_is_listed_until_acknowledged(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    fix = AmlFix(1, -6.99306, 110.42083, 12.0, clock.now(), 68, AmlMethod.GNSS, text='A"ML=1;...')
    number = parse_caller_number("081399990000", "ID")
    aml.record_location(
        ctx.as_system(), LocationSignal("aml-sms:serial:/dev/ttyUSB1", clock.now(), number, b"", fix)
    )
    clock.advance(20)
    window.tick()
    qtbot.waitUntil(lambda: "0813-9999-0000" in " ".join(window.alert_list.lines()))
    (line,) = window.alert_list.lines()
    assert "Handset position" in line
    window.alarms.acknowledge()
    assert window.alert_list.lines() == NONE_OVERDUE
    window.tick()
    qtbot.wait(200)
    assert window.alert_list.lines() == NONE_OVERDUE


def test_the_watch_lists_an_sms_that_could_not_be_sent_until_acknowledged(
    qtbot: QtBot, ctx: ServiceContext, clock: ManualClock
) -> None:
    with unit_of_work(ctx) as work:
        outbox_id = outbox.queue_sms(
            work, to_number="081225001130", text="112 P1 Kebakaran", forwarding_id=None, incident_id=None
        )
    outbox.take_outgoing(ctx, "aml-sms:serial:/dev/ttyUSB1", OutboxKind.SMS)
    outbox.record_failed(ctx, outbox_id, "the modem refused it (+CMS ERROR: 500)")
    for raising in (True, False):  # a console of its own, and one whose gateway raises the timers
        watch = TimerWatch(ctx, TimerThresholds(), raise_alerts=raising)
        try:
            [alert] = watch.check_now()
        finally:
            watch.close()
        assert (alert.kind, alert.entity_id, alert.label) == (
            "outbox_sms_failed",
            str(outbox_id),
            "+6281225001130",
        )
    alerts.acknowledge_alert(ctx, alert.id)
    watch = TimerWatch(ctx, TimerThresholds())
    try:
        assert watch.check_now() == []
    finally:
        watch.close()
