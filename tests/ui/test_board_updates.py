"""Boards follow changes row by row (no model resets), and the unit board filters by keyboard, row runs
coming and going (or one layout change when they would be many; no resets either), once typing pauses."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dispatch.domain.enums import Disposition, Priority, UnitStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import calls, dispatching, incidents, queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import UnitView
from ui import labels
from ui.main_window import MainWindow
from ui.models.incident_board import board_order
from ui.models.snapshot_table import KeyRole


def shown_units(window: MainWindow) -> list[str]:
    """Call signs the unit board shows (those matching its filter), top to bottom."""
    board = window.unit_model
    rows = (board.index(row, 0) for row in range(board.rowCount()))
    return [index.data() for index in rows if index.data(KeyRole) is not None]


def groups_shown(window: MainWindow) -> int:
    """Agency headings on the unit board (agencies with no unit matching the filter have none); each
    spans the row and is followed by its agency's units, and every unit row follows its heading."""
    board = window.unit_model
    headings = 0
    agency = None
    for row in range(board.rowCount()):
        unit = board.unit_at(board.index(row, 0))
        if unit is None:
            headings += 1
            agency = board.group_at(board.index(row, 0))
            assert window.unit_view.columnSpan(row, 0) == board.columnCount()
            assert agency is not None
            assert board.index(row, 0).data().startswith(labels.agency(agency))
            assert board.index(row + 1, 0).data(KeyRole) is not None  # a heading has units under it
        else:
            assert unit.agency_type is agency
            assert window.unit_view.columnSpan(row, 0) == 1
    return headings


def status_shown(window: MainWindow, unit_id: int) -> str | None:
    index = window.unit_model.index_of_unit(unit_id, 1)
    return index.data() if index.isValid() else None


def unit_rows_signalled(window: MainWindow, signals: list[tuple[QModelIndex, QModelIndex]]) -> set[int]:
    """The units whose rows a list of dataChanged signals covered (group rows left out)."""
    ids = set()
    for top_left, bottom_right in signals:
        for row in range(top_left.row(), bottom_right.row() + 1):
            unit_id = window.unit_model.index(row, 0).data(KeyRole)
            if unit_id is not None:
                ids.add(unit_id)
    return ids


def open_incident(ctx: ServiceContext, feed: SimulatedFeed) -> int:
    ringing = feed.ring()
    _call, incident = calls.answer_call(ctx, ringing.id)
    return incident.id


def test_a_status_change_updates_only_that_units_row(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    unit = next(u for u in queries.units(ctx) if u.call_sign == "DEMO-PSC-02")
    resets: list[str] = []
    window.unit_model.modelReset.connect(lambda: resets.append("units"))
    window.incident_model.modelReset.connect(lambda: resets.append("incidents"))
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    window.unit_model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((top, bottom)))
    window.unit_view.setCurrentIndex(window.unit_model.index_of_unit(unit.id))
    selected = QPersistentModelIndex(window.unit_view.currentIndex())

    dispatching.set_unit_status(ctx, unit.id, UnitStatus.OUT_OF_SERVICE)

    out_of_service = labels.unit_status(UnitStatus.OUT_OF_SERVICE)
    qtbot.waitUntil(lambda: status_shown(window, unit.id) == out_of_service)
    assert unit_rows_signalled(window, changed) == {unit.id}
    assert resets == []
    assert selected.isValid()
    assert window.unit_model.unit_at(selected).id == unit.id  # type: ignore[union-attr]
    group = window.unit_model.group_index(unit.agency_type)
    assert group.row() < window.unit_model.index_of_unit(unit.id).row()
    free = sum(
        1 for u in queries.units(ctx) if u.agency_type is unit.agency_type and u.status.value == "available"
    )
    assert f"{free} of " in group.data()


def test_incidents_appear_in_order_and_go_when_closed(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, feed: SimulatedFeed, catalogue: object
) -> None:
    resets: list[int] = []
    window.incident_model.modelReset.connect(lambda: resets.append(1))
    window.incident_model.layoutChanged.connect(lambda: resets.append(2))
    first = open_incident(ctx, feed)
    second = open_incident(ctx, feed)
    qtbot.waitUntil(lambda: window.incident_model.row_of_key(second) is not None)
    incidents.update_field(ctx, second, "priority", Priority.P1.value, catalogue)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.incident_model.row(0).id == second)
    rows = window.incident_model.rows()
    assert rows == sorted(rows, key=board_order)
    assert [r.id for r in rows] == [i.id for i in queries.active_incidents(ctx)]

    unit = next(u for u in queries.units(ctx) if u.call_sign == "DEMO-POL-01")
    dispatching.assign_units(ctx, first, [unit.id])
    qtbot.waitUntil(
        lambda: window.incident_model.row(window.incident_model.row_of_key(first)).units == ("DEMO-POL-01",)
    )  # type: ignore[arg-type]
    qtbot.waitUntil(
        lambda: window.unit_model.unit_at(window.unit_model.index_of_unit(unit.id)).incident_id == first
    )  # type: ignore[union-attr]

    incidents.close_incident(ctx, first, Disposition.HANDLED)
    qtbot.waitUntil(lambda: window.incident_model.row_of_key(first) is None)
    assert window.incident_model.row_of_key(second) is not None
    qtbot.waitUntil(
        lambda: window.unit_model.unit_at(window.unit_model.index_of_unit(unit.id)).incident_id is None
    )  # type: ignore[union-attr]
    assert resets == []


def test_ctrl_f_filters_the_unit_board_by_call_sign_and_clearing_shows_all(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    every = [u.call_sign for u in queries.units(ctx)]
    assert sorted(shown_units(window)) == sorted(every)
    assert groups_shown(window) == len({u.agency_type for u in queries.units(ctx)})
    window.call_view.setFocus()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.unit_filter_input
    qtbot.keyClicks(window.unit_filter_input, "demo-dmk")

    expected = sorted(s for s in every if s.startswith("DEMO-DMK"))
    assert expected
    qtbot.waitUntil(lambda: sorted(shown_units(window)) == expected)
    assert groups_shown(window) == 1  # only the fire group is left

    qtbot.keyClick(window.unit_filter_input, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.unit_filter_input, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: sorted(shown_units(window)) == sorted(every))
    assert groups_shown(window) == len({u.agency_type for u in queries.units(ctx)})


def test_the_filter_knows_statuses_in_words_and_follows_status_changes(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    unit = next(u for u in queries.units(ctx) if u.call_sign == "DEMO-SAR-02")
    window.focus_unit_filter()
    qtbot.keyClicks(window.unit_filter_input, labels.unit_status(UnitStatus.OFF_DUTY).lower())
    qtbot.waitUntil(lambda: groups_shown(window) == 0)
    assert shown_units(window) == []

    dispatching.set_unit_status(ctx, unit.id, UnitStatus.OFF_DUTY)
    qtbot.waitUntil(lambda: shown_units(window) == ["DEMO-SAR-02"])
    assert groups_shown(window) == 1
    dispatching.set_unit_status(ctx, unit.id, UnitStatus.AVAILABLE)
    qtbot.waitUntil(lambda: shown_units(window) == [])


def test_the_filtered_board_passes_the_model_tester_through_changes(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, ctx: ServiceContext, feed: SimulatedFeed
) -> None:
    qtmodeltester.check(window.unit_model, force_py=True)
    units = {u.call_sign: u for u in queries.units(ctx)}
    window.unit_model.set_filter_text("demo-p")  # police, PSC, PMI, PLN, PDAM: several groups
    incident_id = open_incident(ctx, feed)
    dispatching.assign_units(ctx, incident_id, [units["DEMO-PSC-01"].id])
    dispatching.set_unit_status(ctx, units["DEMO-PLN-01"].id, UnitStatus.OUT_OF_SERVICE)
    window.unit_model.set_filter_text("out of service")
    qtbot.waitUntil(lambda: shown_units(window) == ["DEMO-PLN-01"])
    dispatching.set_unit_status(ctx, units["DEMO-PLN-01"].id, UnitStatus.AVAILABLE)
    qtbot.waitUntil(lambda: shown_units(window) == [])
    window.unit_model.set_filter_text("demo-pol demo-p")  # narrowing: only rows shown are tested
    window.unit_model.set_filter_text("")
    window.reload_all()
    window.tick()
    qtmodeltester.check(window.unit_model, force_py=True)


def test_units_joining_leaving_and_moving_keep_the_board_in_call_sign_order(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, ctx: ServiceContext
) -> None:
    board = window.unit_model
    qtmodeltester.check(board, force_py=True)
    police = next(u for u in board.units() if u.call_sign == "DEMO-POL-02")
    sar = next(u for u in board.units() if u.call_sign == "DEMO-SAR-01")
    renamed = UnitView(**{**police.__dict__, "call_sign": "DEMO-POL-99"})
    board.update_units([renamed])
    board.update_units([UnitView(**{**sar.__dict__, "active": False})])
    new = UnitView(**{**sar.__dict__, "id": 10_000, "call_sign": "DEMO-AAA-01"})
    board.update_units([new])
    signs = [u.call_sign for u in board.units()]
    assert "DEMO-SAR-01" not in signs
    assert "DEMO-AAA-01" in signs
    assert "DEMO-POL-99" in signs
    for agency in board.groups():
        in_group = [u.call_sign for u in board.group_units(agency)]
        assert in_group == sorted(in_group)
    assert shown_units(window) == [u.call_sign for u in board.units()]
    assert groups_shown(window) == len(board.groups())
    board.remove_keys([u.id for u in board.units() if u.agency_type is sar.agency_type])
    assert all(u.agency_type is not sar.agency_type for u in board.units())
    qtmodeltester.check(board, force_py=True)


def test_typing_filters_once_it_pauses_in_row_runs_keeping_groups_open_and_the_selection(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    board = window.unit_model
    every = [u.call_sign for u in queries.units(ctx)]
    fire = next(u for u in queries.units(ctx) if u.call_sign.startswith("DEMO-DMK"))
    window.unit_view.setCurrentIndex(board.index_of_unit(fire.id))
    resets: list[str] = []
    board.modelReset.connect(lambda: resets.append("reset"))
    board.layoutChanged.connect(lambda: resets.append("layout"))
    removed: list[tuple[int, int, int]] = []
    board.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, first, last)))
    window.focus_unit_filter()

    qtbot.keyClicks(window.unit_filter_input, "demo-dmk")
    assert board.filter_words() == ()  # nothing filtered while the keys come
    qtbot.waitUntil(lambda: board.filter_words() == ("demo-dmk",))
    assert sorted(shown_units(window)) == sorted(s for s in every if s.startswith("DEMO-DMK"))
    # Each group's units that went were taken away a contiguous run at a time, not one by one.
    assert len(removed) < len(every) - len(shown_units(window))
    assert all(first <= last for _group, first, last in removed)
    assert window.unit_view.currentIndex().data(KeyRole) == fire.id

    window.unit_filter_input.clear()
    qtbot.waitUntil(lambda: sorted(shown_units(window)) == sorted(every))
    assert shown_units(window) == [u.call_sign for u in board.units()]
    assert groups_shown(window) == len({u.agency_type for u in board.units()})
    assert window.unit_view.currentIndex().data(KeyRole) == fire.id
    assert resets == []


def test_a_filter_scattering_removals_changes_the_layout_once_keeping_the_selection(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, ctx: ServiceContext
) -> None:
    board = window.unit_model
    qtmodeltester.check(board, force_py=True)
    units = queries.units(ctx)
    kept = next(u for u in units if u.call_sign == "DEMO-PSC-02")
    gone = next(u for u in units if u.call_sign == "DEMO-PSC-01")
    # Out of service every other unit: the filter by that status leaves scattered rows.
    scattered = [u for u in units if u.call_sign != gone.call_sign][::2]
    assert kept in scattered
    for unit in scattered:
        dispatching.set_unit_status(ctx, unit.id, UnitStatus.OUT_OF_SERVICE)
    out_of_service = labels.unit_status(UnitStatus.OUT_OF_SERVICE)
    qtbot.waitUntil(lambda: all(status_shown(window, u.id) == out_of_service for u in scattered))
    window.unit_view.setCurrentIndex(board.index_of_unit(kept.id))
    selected = window.unit_view.selectionModel().selectedRows()
    assert [index.data(KeyRole) for index in selected] == [kept.id]
    signals: list[str] = []
    board.modelReset.connect(lambda: signals.append("reset"))
    board.layoutChanged.connect(lambda: signals.append("layout"))
    board.rowsRemoved.connect(lambda _parent, _first, _last: signals.append("removed"))
    board.rowsInserted.connect(lambda _parent, _first, _last: signals.append("inserted"))

    window.unit_filter_input.setText(out_of_service)
    window.boards.apply_unit_filter()

    expected = [u.call_sign for u in board.units() if u.status is UnitStatus.OUT_OF_SERVICE]
    assert shown_units(window) == expected
    assert sorted(expected) == sorted(u.call_sign for u in scattered)
    assert signals == ["layout"]
    assert groups_shown(window) == len({u.agency_type for u in scattered})
    assert window.unit_view.currentIndex().data(KeyRole) == kept.id
    selected = window.unit_view.selectionModel().selectedRows()
    assert [index.data(KeyRole) for index in selected] == [kept.id]

    # A unit no longer matching goes (its row only), and the one filtered out comes in by its status.
    dispatching.set_unit_status(ctx, kept.id, UnitStatus.AVAILABLE)
    dispatching.set_unit_status(ctx, gone.id, UnitStatus.OUT_OF_SERVICE)
    qtbot.waitUntil(lambda: "DEMO-PSC-01" in shown_units(window) and "DEMO-PSC-02" not in shown_units(window))
    assert signals[1:].count("layout") == 0
    assert groups_shown(window) == len({u.agency_type for u in scattered})

    window.unit_filter_input.clear()
    window.boards.apply_unit_filter()
    assert shown_units(window) == [u.call_sign for u in board.units()]
    assert "reset" not in signals
    qtmodeltester.check(board, force_py=True)
