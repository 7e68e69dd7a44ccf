"""Focus is always visible: every action that moves the focus brings its target into view, in every
position, at 1366x768 (typing "tembalang" after Ctrl+L once showed nothing: the field was scrolled
out of sight)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.feeds.simulated import SimulatedFeed
from ui.actions import ACTIONS
from ui.main_window import MainWindow
from ui.positions import Position
from ui.reveal import visible_on_screen

FOCUS_ACTIONS = [spec.id for spec in ACTIONS if spec.moves_focus]


def answered(qtbot: QtBot, window: MainWindow, feed: SimulatedFeed) -> None:
    feed.ring()
    feed.ring()
    window.boards.apply_changes()
    window.run_action("answer")
    assert window.incidents.shown is not None
    qtbot.wait(20)  # the boards follow (a user's next key comes after the event loop ran)


@pytest.mark.parametrize("position", list(Position))
def test_every_focus_moving_action_lands_on_screen(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, position: Position
) -> None:
    window.take_position(position)
    answered(qtbot, window, feed)
    # The form scrolled to its bottom first: the next action must bring its field back.
    scroll = window.incident_panel.parentWidget().parentWidget()
    assert scroll.objectName() == "formScroll"
    bar = scroll.verticalScrollBar()  # type: ignore[attr-defined]
    for action_id in FOCUS_ACTIONS:
        # The focus on the calls, the form scrolled to its bottom and then to its top: the action
        # must bring its own target back either way.
        for extreme in (bar.maximum(), 0):
            window.call_view.setFocus()
            bar.setValue(extreme)
            window.run_action(action_id)
            if window.choice_bar.isVisible():
                qtbot.keyClick(window.choice_bar, "\x1b")
            qtbot.wait(20)  # what the user sees: after the event loop has run
            focused = QApplication.focusWidget()
            assert focused is not None, action_id
            assert visible_on_screen(focused), f"{action_id} in {position.value}: {focused.objectName()}"


def test_a_new_incident_starts_at_the_top_of_the_form(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    window.take_position(Position.DISPATCHER)  # the shortest form: it scrolls
    answered(qtbot, window, feed)
    scroll = window.incident_panel.parentWidget().parentWidget()
    bar = scroll.verticalScrollBar()  # type: ignore[attr-defined]
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    assert window.run_action("answer")
    assert window.status.message().startswith("Answered")
    qtbot.wait(20)
    category = window.incident_panel.category
    assert QApplication.focusWidget() is category
    assert visible_on_screen(category)
    # At the top, or only as far down as the first field needs: never where the last one was.
    assert bar.value() <= category.mapTo(window.incident_panel, category.rect().topLeft()).y()
