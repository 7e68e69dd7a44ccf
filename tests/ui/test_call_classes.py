"""Non-emergency calls close in two keys; the record keeps the call and its cancelled incident."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.domain.enums import CallClass, CallState, Disposition, IncidentStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import queries
from dispatch.services.context import ServiceContext
from ui.main_window import MainWindow
from ui.one_key import CLASS_KEYS


@pytest.mark.parametrize("call_class", list(CLASS_KEYS))
def test_answered_call_closed_with_two_keys(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, call_class: CallClass
) -> None:
    call = feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.call_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident_id = window.incident_panel.incident.id  # type: ignore[union-attr]

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)  # key 1
    assert window.choice_bar.isVisible()
    assert QApplication.focusWidget() is window.choice_bar
    qtbot.keyClick(window.choice_bar, CLASS_KEYS[call_class].lower())  # key 2
    assert not window.choice_bar.isVisible()

    qtbot.waitUntil(lambda: window.incident_panel.incident is None)
    closed = next(c for c in queries.call_queue(ctx) if c.id == call.id)
    assert closed.state is CallState.ENDED
    assert closed.classification is call_class
    incident = queries.incident(ctx, incident_id)
    assert incident is not None
    assert incident.status is IncidentStatus.CANCELLED
    assert incident.disposition is Disposition.NON_EMERGENCY
    qtbot.waitUntil(lambda: window.incident_model.row_of_key(incident_id) is None)


def test_escape_cancels_the_choice_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    call = feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.calls.answer()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
    qtbot.keyClick(window.choice_bar, "x")  # not an option: swallowed, the bar stays
    assert window.choice_bar.isVisible()
    qtbot.keyClick(window.choice_bar, Qt.Key.Key_Escape)
    assert not window.choice_bar.isVisible()
    answered = next(c for c in queries.call_queue(ctx) if c.id == call.id)
    assert answered.state is CallState.ANSWERED
    assert answered.classification is CallClass.EMERGENCY


def test_f2_with_nothing_ringing_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.call_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    assert window.status.message_label.text() == "No call is ringing."
    assert window.incident_panel.incident is None


def test_unanswered_call_that_hangs_up_is_abandoned(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    call = feed.ring()
    feed._give_up(call.id)  # the caller's patience ran out (the feed's own timer does this)
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is None)
    ended = next(c for c in queries.call_queue(ctx) if c.id == call.id)
    assert ended.state is CallState.ENDED
    assert ended.classification is CallClass.ABANDONED


def test_answering_shows_the_callers_earlier_calls(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    from dispatch.domain.phone import parse_caller_number
    from dispatch.domain.signals import CallSignal, SignalKind
    from dispatch.services import calls

    def ring(call_id: str) -> int:
        signal = CallSignal(
            SignalKind.INCOMING,
            "test://",
            ctx.clock.now(),
            parse_caller_number("081234567890"),
            b"",
            call_id=call_id,
        )
        view = calls.record_signal(ctx.as_system(), signal)
        assert view is not None
        return view.id

    first = ring("a")
    calls.answer_call(ctx, first)
    calls.classify_call(ctx, first, CallClass.PRANK)
    second = ring("b")
    qtbot.waitUntil(lambda: window.call_model.row_of_key(second) is not None)
    window.calls.answer(window.call_model.row(window.call_model.row_of_key(second)))  # type: ignore[arg-type]
    text = window.incident_panel.history_label.text()
    assert text.startswith("Earlier calls from this number: 1 (last ")
    assert "Prank" in text
    assert text.endswith("prank: 1)")
