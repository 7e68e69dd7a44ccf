"""What a new user hit at a real desk (issue 10), each fixed and held by a test: F7 on the unit meant,
closing with units still out, Ctrl+Q while calls ring, the status bar's first second, the caller on
the line, withheld numbers in words, positions saved per user and docks lost with a monitor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QTabBar
from pytestqt.qtbot import QtBot

from dispatch.catalogue_files import load_demo_roster
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import UnitStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import dispatching, queries
from dispatch.services.context import ServiceContext
from tests.ui.keys import CTRL, CTRL_SHIFT, press
from ui import positions
from ui.main_window import MainWindow
from ui.positions import LayoutStore, Position
from ui.session import ConsoleSession


def _incident_with_units(qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, n: int = 2) -> list[str]:
    """A call answered, its incident open, ``n`` units dispatched; their call signs."""
    ctx = window.session.ctx
    dispatching.load_roster(ctx, load_demo_roster())
    window.reload_all()
    feed.ring()
    window.boards.apply_changes()
    window.run_action("answer")
    incident = window.incidents.shown
    assert incident is not None
    units = [u for u in queries.units(ctx) if u.status is UnitStatus.AVAILABLE][:n]
    window.units.dispatch_units([u.id for u in units])
    window.boards.apply_changes()
    return [u.call_sign for u in units]


def test_f7_on_a_finished_unit_says_so_and_moves_no_other(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    first, second = _incident_with_units(qtbot, window, feed)
    ctx = window.session.ctx
    one = queries.unit_by_call_sign(ctx, first)
    assert one is not None
    for status in (UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE, UnitStatus.CLEARED):
        dispatching.set_unit_status(ctx, one.id, status)
    window.boards.apply_changes()
    window.incidents.refresh_side()
    model = window.dispatch_panel.assignment_model
    row = next(r for r in range(model.rowCount()) if model.row(r).call_sign == first)
    assert not model.row(row).active
    window.dispatch_panel.assignments.setFocus()
    window.dispatch_panel.assignments.setCurrentIndex(model.index(row, 0))
    before = queries.unit_by_call_sign(ctx, second)
    press(qtbot, Qt.Key.Key_F7)
    assert first in window.status.message()
    assert "finished" in window.status.message()
    assert queries.unit_by_call_sign(ctx, second) == before  # the other unit did not move


def test_f7_on_the_unit_board_moves_that_unit(qtbot: QtBot, window: MainWindow, feed: SimulatedFeed) -> None:
    first, _second = _incident_with_units(qtbot, window, feed)
    ctx = window.session.ctx
    unit = queries.unit_by_call_sign(ctx, first)
    assert unit is not None
    window.run_action("goUnits")
    window.unit_view.setCurrentIndex(window.unit_model.index_of_unit(unit.id))
    press(qtbot, Qt.Key.Key_F7)
    moved = queries.unit_by_call_sign(ctx, first)
    assert moved is not None
    assert moved.status is UnitStatus.ACKNOWLEDGED
    assert window.status.message() == f"{first} is now Acknowledged."


def test_closing_with_units_out_asks_names_them_and_frees_them(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    signs = _incident_with_units(qtbot, window, feed)
    incident = window.incidents.shown
    assert incident is not None
    press(qtbot, Qt.Key.Key_F9)
    assert window.choice_bar.isVisible()
    shown = window.choice_bar.prompt
    assert all(sign in shown for sign in signs), shown
    qtbot.keyClick(window.choice_bar, "1")  # close and release them
    qtbot.keyClick(window.choice_bar, "1")  # handled
    ctx = window.session.ctx
    for sign in signs:
        unit = queries.unit_by_call_sign(ctx, sign)
        assert unit is not None
        assert unit.status is UnitStatus.AVAILABLE
    assert window.incidents.shown is None
    assert queries.incident(ctx, incident.id).closed_at is not None  # type: ignore[union-attr]


def test_ctrl_q_asks_while_calls_ring(qtbot: QtBot, window: MainWindow, feed: SimulatedFeed) -> None:
    window.ask_before_quit = True
    feed.ring()
    window.boards.apply_changes()
    press(qtbot, Qt.Key.Key_Q, CTRL)
    box = window.findChild(QMessageBox, "quitQuestion")
    assert box is not None
    assert box.isVisible()
    assert "Calls ringing: 1." in box.text()
    assert window.isVisible()
    box.button(QMessageBox.StandardButton.No).click()
    assert window.isVisible()
    window.run_action("quit")
    box = window.findChild(QMessageBox, "quitQuestion")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_status_bar_says_the_simulator_runs_from_the_first_second(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, feed: SimulatedFeed
) -> None:
    main = MainWindow(ConsoleSession(ctx, catalogue, "en", simulator=feed))
    qtbot.addWidget(main)
    feed.start()  # as ui/app.py does: after the window is built, before the event loop
    main.show()
    qtbot.waitUntil(lambda: "running" in main.status.feed_label.text(), timeout=500)
    main.close()


def test_the_caller_on_the_line_is_shown_beside_the_ringing_one(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    first = feed.ring()
    window.boards.apply_changes()
    window.run_action("answer")
    second = feed.ring()
    window.boards.apply_changes()
    window.desk.follow_calls(force=True)
    assert window.desk.line_panel.shown_call_id == first.id
    assert window.desk.caller_panel.shown_call_id == second.id


def test_positions_are_saved_per_user_and_console_and_restored(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    store = LayoutStore(tmp_path / "layouts.ini")
    window.layouts = store
    window.take_position(Position.DISPATCHER)
    units = window.docks[positions.UNITS]
    assert units.isVisible()
    assert not units.visibleRegion().isEmpty()
    window.docks[positions.ALERTS].close()
    window.save_layout()
    window.take_position(Position.CALL_TAKER)
    assert window.docks[positions.ALERTS].isVisible()
    ctx = window.session.ctx
    assert store.restore(ctx.console_name, ctx.actor.user_name, window)
    assert not window.docks[positions.ALERTS].isVisible()
    assert not store.restore(ctx.console_name, "someone-else", window)


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_a_dock_on_a_monitor_that_is_gone_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    dock = window.docks[positions.UNITS]
    dock.setFloating(True)
    screens = QRect()
    for screen in QApplication.screens():
        screens = screens.united(screen.geometry())
    # Where a second monitor was: right of every screen there is now.
    dock.move(QPoint(screens.right() + 500, 100))
    assert positions.bring_back_lost_docks(window) == [positions.UNITS]
    assert not dock.isFloating()


def test_every_panel_is_a_dock(window: MainWindow) -> None:
    names = {dock.objectName() for dock in window.findChildren(QDockWidget)}
    assert names == set(positions.ALL_DOCKS)


def test_change_of_user_asks_while_an_incident_is_open_and_no_keeps_everything(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    feed.ring()
    window.boards.apply_changes()
    window.run_action("answer")
    incident = window.incidents.shown
    assert incident is not None
    asked: list[str] = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_no)
            return
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer_no)
    press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    assert asked
    assert f"Incident {incident.number} is open in the form." in asked[0]
    assert window.session.logged_in
    assert window.incidents.shown is not None
    assert window.incidents.shown.id == incident.id


def test_boards_fit_1366x768_without_scrolling_sideways_and_keep_numbers_whole(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    from ui.widgets.board_columns import fit_columns

    window.take_position(Position.CALL_TAKER)
    for _ in range(6):
        feed.ring()
    window.boards.apply_changes()
    qtbot.wait(20)
    view = window.call_view
    fit_columns(view)
    header = view.horizontalHeader()
    columns = header.count()
    used = sum(header.sectionSize(c) for c in range(columns - 1)) + header.minimumSectionSize()
    assert used <= view.viewport().width()
    number_column = 3
    widest_number = max(
        view.fontMetrics().horizontalAdvance(window.call_model.row(r).number_national)
        for r in range(window.call_model.rowCount())
    )
    assert header.sectionSize(number_column) >= widest_number
    # Whatever is elided is whole in its tooltip.
    for column in range(columns):
        index = window.call_model.index(0, column)
        shown = window.call_model.data(index)
        if shown:
            assert window.call_model.data(index, Qt.ItemDataRole.ToolTipRole)


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_a_position_docks_again_what_was_floated(qtbot: QtBot, window: MainWindow) -> None:
    """A floated dock taken out of the layout stayed floating when added back (the overdue timers
    stayed on the second monitor after Alt+3)."""
    for name in (positions.UNITS, positions.ALERTS):
        window.docks[name].setFloating(True)
    window.take_position(Position.SUPERVISOR)
    for name in (positions.UNITS, positions.ALERTS):
        assert not window.docks[name].isFloating(), name
        assert window.dockWidgetArea(window.docks[name]) is Qt.DockWidgetArea.RightDockWidgetArea


def test_the_tabs_of_a_position_stay_in_sight_when_a_panel_changes_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Ctrl+7 right after Alt+4 shows a line in the figures panel before the window had laid out
    the review position: the docks' tab bars were left hidden, the tabs behind the shift log lost."""
    for position in (Position.CALL_TAKER, Position.DISPATCHER, Position.SUPERVISOR):
        window.take_position(position)
        for _ in range(5):
            QApplication.processEvents()
    window.take_position(Position.REVIEW)
    window.figures_view.show_problem("…")
    for _ in range(5):
        QApplication.processEvents()
    tab_bars = [bar for bar in window.findChildren(QTabBar) if bar.parent() is window and bar.count() > 1]
    assert len(tab_bars) == 2
    assert all(bar.isVisible() for bar in tab_bars)
