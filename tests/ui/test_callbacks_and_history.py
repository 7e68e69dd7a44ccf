"""Caller history while it rings, and the callback queue, driven by the keyboard in the real window."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, CallState, IncidentStatus
from dispatch.domain.signals import SignalKind
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import callers, calls, queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from dispatch.store.tables import AuditEntry, Call, Callback, CallbackAttempt, Incident
from tests.services.support import signal
from tests.ui.keys import CTRL, CTRL_SHIFT, press
from ui.main_window import MainWindow
from ui.one_key import ATTEMPT_KEYS, CLASS_KEYS, CLOSE_KEYS

PRANKSTER = "081377788899"


def ring_from(ctx: ServiceContext, qtbot: QtBot, window: MainWindow, number: str, serial: int) -> CallView:
    view = calls.record_signal(
        ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now(), number, call_id=f"t-{serial}")
    )
    assert view is not None
    qtbot.waitUntil(lambda: window.call_model.row_of_key(view.id) is not None)
    return view


def answer_and_close_as(qtbot: QtBot, window: MainWindow, key: str) -> None:
    """F2 answers the longest-ringing call; F4 and one digit close it (the two keys)."""
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    press(qtbot, Qt.Key.Key_F4)
    assert window.choice_bar.isVisible()
    press(qtbot, key)
    qtbot.waitUntil(lambda: window.incident_panel.incident is None)


def test_a_prank_call_closes_in_two_keys_and_is_not_queued_for_callback(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    call = feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    answer_and_close_as(qtbot, window, CLASS_KEYS[CallClass.PRANK])
    closed = queries.call(ctx, call.id)
    assert closed is not None
    assert (closed.state, closed.classification) == (CallState.ENDED, CallClass.PRANK)
    assert window.desk.callback_model.rowCount() == 0


def test_a_silent_call_is_queued_called_back_and_closed(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    first = ring_from(ctx, qtbot, window, "081298765432", 1)
    # silent: it may be genuine, so it waits for a callback
    answer_and_close_as(qtbot, window, CLASS_KEYS[CallClass.SILENT])
    qtbot.waitUntil(lambda: window.desk.callback_model.rowCount() == 1)
    assert "(1)" in window.desk.tabs.tabText(1)

    press(qtbot, Qt.Key.Key_4, CTRL)  # go to the callbacks
    assert QApplication.focusWidget() is window.desk.callback_view
    assert window.desk.tabs.currentIndex() == 1
    clock.advance(120)
    press(qtbot, Qt.Key.Key_B, CTRL)  # call back: one key for the outcome
    assert window.choice_bar.isVisible()
    press(qtbot, ATTEMPT_KEYS[CallbackOutcome.NO_ANSWER])  # no answer: it stays in the queue
    qtbot.waitUntil(lambda: window.desk.callback_model.row(0).attempts == 1)
    assert window.desk.callback_model.row(0).last_attempt_outcome is CallbackOutcome.NO_ANSWER
    assert QApplication.focusWidget() is window.desk.callback_view

    clock.advance(600)
    press(qtbot, Qt.Key.Key_B, CTRL)
    press(qtbot, ATTEMPT_KEYS[CallbackOutcome.REACHED_NO_EMERGENCY])  # reached, no emergency: closed
    qtbot.waitUntil(lambda: window.desk.callback_model.rowCount() == 0)
    assert "(0)" in window.desk.tabs.tabText(1)

    # A second silent call, closed by the supervisor with a note (Ctrl+Shift+B, outcome, note).
    window.desk.go_to_incidents()
    ring_from(ctx, qtbot, window, "081311122233", 2)
    answer_and_close_as(qtbot, window, CLASS_KEYS[CallClass.SILENT])
    qtbot.waitUntil(lambda: window.desk.callback_model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_4, CTRL)
    press(qtbot, Qt.Key.Key_B, CTRL_SHIFT)
    press(qtbot, CLOSE_KEYS[CallbackOutcome.CLOSED_BY_SUPERVISOR])
    qtbot.waitUntil(lambda: window.desk.note_dialog is not None and window.desk.note_dialog.isVisible())
    dialog = window.desk.note_dialog
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClicks(QApplication.focusWidget(), "line fault known to Telkom")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.desk.callback_model.rowCount() == 0)

    with ctx.database.transaction() as session:
        rows = {r.call_id: r for r in session.scalars(select(Callback))}
        by_first = rows[first.id]
        assert (by_first.reason, by_first.outcome, by_first.closed_at) == (
            "silent",
            CallbackOutcome.REACHED_NO_EMERGENCY.value,
            clock.now(),
        )
        attempts = session.scalars(
            select(CallbackAttempt)
            .where(CallbackAttempt.callback_id == by_first.id)
            .order_by(CallbackAttempt.at)
        ).all()
        assert [a.outcome for a in attempts] == ["no_answer", "reached_no_emergency"]
        second = next(r for r in rows.values() if r.call_id != first.id)
        assert (second.outcome, second.note, second.closed_by) == (
            "closed_by_supervisor",
            "line fault known to Telkom",
            ctx.actor.user_id,
        )
        actions = [
            (a.action, a.entity_id)
            for a in session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "callback").order_by(AuditEntry.id)
            )
        ]
        assert actions == [
            ("callback.open", str(by_first.id)),
            ("callback.attempt", str(by_first.id)),
            ("callback.attempt", str(by_first.id)),
            ("callback.close", str(by_first.id)),
            ("callback.open", str(second.id)),
            ("callback.close", str(second.id)),
        ]
        close_detail = session.scalars(
            select(AuditEntry.detail).where(
                AuditEntry.action == "callback.close", AuditEntry.entity_id == str(second.id)
            )
        ).one()
        assert json.loads(close_detail or "{}") == {"outcome": "closed_by_supervisor"}


def test_a_callback_reaching_an_emergency_is_worded_with_the_ring_time_in_the_session_zone(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    window.session.zone = ZoneInfo("Asia/Jayapura")  # WIT, UTC+9: the call rang at 14:00:00 there
    silent = ring_from(ctx, qtbot, window, "081298765432", 1)
    answer_and_close_as(qtbot, window, CLASS_KEYS[CallClass.SILENT])
    qtbot.waitUntil(lambda: window.desk.callback_model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_4, CTRL)
    clock.advance(120)
    press(qtbot, Qt.Key.Key_B, CTRL)
    # reached, an emergency: a new incident opens in the panel
    press(qtbot, ATTEMPT_KEYS[CallbackOutcome.REACHED_EMERGENCY])
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    lines = window.incident_panel.narrative.toPlainText().splitlines()
    assert lines == [
        f"14:02:00  {ctx.actor.user_name}: "
        f"Callback reached the caller of call {silent.id} (rang at 14:00:00): emergency, incident opened."
    ]


def test_reclassifying_a_silent_call_takes_it_off_the_callbacks_tab(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    silent = ring_from(ctx, qtbot, window, "081298765432", 1)
    answer_and_close_as(qtbot, window, CLASS_KEYS[CallClass.SILENT])
    qtbot.waitUntil(lambda: window.desk.callback_model.rowCount() == 1)
    assert "(1)" in window.desk.tabs.tabText(1)
    calls.classify_call(ctx, silent.id, CallClass.PRANK)  # e.g. from another console, after review
    qtbot.waitUntil(lambda: window.desk.callback_model.rowCount() == 0)
    assert "(0)" in window.desk.tabs.tabText(1)


def test_a_repeat_prank_callers_third_call_warns_and_is_still_answered_as_an_emergency(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    callers.watch_number(ctx, PRANKSTER, "pranks every night")
    for serial in (1, 2):
        ringing = ring_from(ctx, qtbot, window, PRANKSTER, serial)
        qtbot.waitUntil(lambda r=ringing: window.desk.caller_panel.shown_call_id == r.id)  # type: ignore[misc]
        summary = window.desk.caller_panel.summary
        assert summary is not None
        assert summary.counts.total == serial - 1
        assert not window.desk.caller_panel.is_prank_warning_shown()
        answer_and_close_as(qtbot, window, CLASS_KEYS[CallClass.PRANK])
        clock.advance(900)

    third = ring_from(ctx, qtbot, window, PRANKSTER, 3)
    panel = window.desk.caller_panel
    qtbot.waitUntil(lambda: panel.shown_call_id == third.id)
    assert panel.is_prank_warning_shown()
    assert "REPEAT PRANK CALLER" in panel.warning_label.text()
    assert "still answer it" in panel.warning_label.text()
    assert "pranks every night" in panel.watch_label.text()
    assert not panel.watch_label.isHidden()
    assert "2 in 24 h" in panel.counts_label.text()
    assert (
        panel.recent_label.text().count(ctx.clock.now().astimezone(window.session.zone).strftime("%Y-%m-%d"))
        == 2
    )

    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)  # the warning informs; the call is answered like any other
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident_id = window.incident_panel.incident.id  # type: ignore[union-attr]
    assert panel.shown_call_id == third.id  # still shown while the call is in progress
    with ctx.database.transaction() as session:
        call = session.get_one(Call, third.id)
        assert (call.state, call.classification, call.incident_id) == ("answered", "emergency", incident_id)
        assert session.get_one(Incident, incident_id).status == IncidentStatus.NEW.value


def test_the_prank_threshold_from_settings_decides_when_the_warning_shows(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    window.desk.caller_panel.prank_threshold = 2  # what a centre sets in Settings
    first = ring_from(ctx, qtbot, window, PRANKSTER, 1)
    panel = window.desk.caller_panel
    qtbot.waitUntil(lambda: panel.shown_call_id == first.id)
    assert not panel.is_prank_warning_shown()
    answer_and_close_as(qtbot, window, CLASS_KEYS[CallClass.PRANK])
    clock.advance(600)
    second = ring_from(ctx, qtbot, window, PRANKSTER, 2)
    qtbot.waitUntil(lambda: panel.shown_call_id == second.id)
    assert panel.is_prank_warning_shown()
    assert "1 prank calls in 24 h" in panel.warning_label.text()


def test_the_watch_list_shows_errors_per_field_adds_and_lifts(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    from ui.dialogs.watch_list import WatchListDialog

    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_W, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.findChild(WatchListDialog) is not None)
    dialog = window.findChild(WatchListDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.number)
    qtbot.keyClicks(dialog.number, "P")
    dialog.reason.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # nothing in the reason, a withheld marker as the number
    assert not dialog.number_error.isHidden()
    assert not dialog.reason_error.isHidden()
    assert dialog.number.text() == "P"  # nothing typed is lost
    assert callers.flagged_numbers(ctx) == []

    dialog.number.clear()
    qtbot.keyClicks(dialog.number, PRANKSTER)
    qtbot.keyClicks(dialog.reason, "threatens call-takers")
    dialog.reason.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    (flag,) = callers.flagged_numbers(ctx)
    assert (flag.number, flag.reason) == ("+6281377788899", "threatens call-takers")
    assert dialog.table.rowCount() == 1
    assert dialog.number_error.isHidden()

    dialog.table.setFocus()
    dialog.table.selectRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert callers.flagged_numbers(ctx) == []
    assert dialog.table.rowCount() == 0
    dialog.close()
