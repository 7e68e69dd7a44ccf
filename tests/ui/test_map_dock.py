"""The situation map in the real window, by keyboard: Ctrl+M brings it, N selects an incident and Enter
opens it in the form; a unit's status change reaches the map as that unit's marker alone (a map out of
sight catches up when shown); the incident in the form is the one selected on the map; the centre's
villages are read off the GUI thread when the map is first shown; a tile file the map cannot use is
said above the map and beside its setting, and a good one is saved."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from dispatch.domain.areas import AreaIndex, AreaLevel, area_index
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import Disposition, UnitStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import calls, dispatching, incidents, locations, queries
from dispatch.services.context import ServiceContext
from tests.ui.keys import CTRL, press
from tests.ui.mbtiles_support import build_mbtiles
from ui import positions
from ui.dialogs.settings import SettingsDialog
from ui.main_window import MainWindow
from ui.map import UnitMarker
from ui.positions import Position
from ui.session import ConsoleSession
from ui.settings import ConsoleSettings

#: Simpang Lima and Tugu Muda, Semarang: two scenes about 1.6 km apart.
SIMPANG_LIMA = (-6.9903, 110.4229)
TUGU_MUDA = (-6.9840, 110.4090)


def incident_at(
    ctx: ServiceContext, feed: SimulatedFeed, catalogue: Catalogue, where: tuple[float, float], category: str
) -> int:
    """A call answered into an incident with a category and a typed position (as another console's)."""
    ringing = feed.ring()
    _call, incident = calls.answer_call(ctx, ringing.id)
    calls.hang_up(ctx, ringing.id)
    incidents.update_field(ctx, incident.id, "category", category, catalogue)
    locations.set_position(ctx, incident.id, *where)
    return incident.id


@pytest.fixture
def map_spy(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """What the window sent the map: ("set_units", count) or ("update_units", count)."""
    sent: list[tuple[str, int]] = []
    situation = window.situation_map
    set_units, update_units = situation.set_units, situation.update_units

    def spied_set(markers: Sequence[UnitMarker]) -> None:
        sent.append(("set_units", len(markers)))
        set_units(markers)

    def spied_update(markers: Sequence[UnitMarker]) -> None:
        sent.append(("update_units", len(markers)))
        update_units(markers)

    monkeypatch.setattr(situation, "set_units", spied_set)
    monkeypatch.setattr(situation, "update_units", spied_update)
    return sent


def test_n_selects_an_incident_on_the_map_and_enter_opens_it_in_the_form(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    window.take_position(Position.DISPATCHER)
    fire = incident_at(ctx, feed, catalogue, SIMPANG_LIMA, "FIRE")
    crash = incident_at(ctx, feed, catalogue, TUGU_MUDA, "LAKA")
    window.boards.apply_changes()
    situation = window.situation_map
    assert not window.map.on_screen  # behind the unit board in this position

    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is situation)
    assert window.map.on_screen
    assert not situation.visibleRegion().isEmpty()
    assert situation.selected_incident is None

    with qtbot.waitSignal(situation.incidentSelected) as first:
        press(qtbot, Qt.Key.Key_N)
    chosen = first.args[0]
    assert chosen in (fire, crash)
    assert situation.selected_incident == chosen
    found = queries.incident(ctx, chosen)
    assert found is not None
    number = found.number
    assert window.status.message().startswith(number)
    assert window.status.message().endswith("(Enter opens it)")
    with qtbot.waitSignal(situation.incidentSelected) as second:
        press(qtbot, Qt.Key.Key_N)
    assert {chosen, second.args[0]} == {fire, crash}
    press(qtbot, Qt.Key.Key_P)
    assert situation.selected_incident == chosen

    press(qtbot, Qt.Key.Key_Return)
    shown = window.incidents.shown
    assert shown is not None
    assert shown.id == chosen
    # As Enter on the incident board: the keyboard goes to the form.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.incident_panel.category)
    # The map keeps the incident in the form selected, joined to its recommended units.
    assert situation.selected_incident == chosen


def test_the_floor_positions_have_the_map_in_a_tab_and_ctrl_m_brings_it_anywhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    dock = window.docks[positions.MAP]
    for position in (Position.CALL_TAKER, Position.DISPATCHER, Position.SUPERVISOR, Position.TRAINER):
        window.take_position(position)
        assert window.dockWidgetArea(dock) is not Qt.DockWidgetArea.NoDockWidgetArea, position
        assert window.tabifiedDockWidgets(dock), position  # a tab: no panel of the position gave way
    window.take_position(Position.REVIEW)
    assert window.dockWidgetArea(dock) is Qt.DockWidgetArea.NoDockWidgetArea
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.situation_map)
    assert window.map.on_screen


def test_a_units_status_change_redraws_that_unit_alone(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, map_spy: list[tuple[str, int]]
) -> None:
    window.take_position(Position.DISPATCHER)
    assert window.run_action("showMap")
    situation = window.situation_map
    qtbot.waitUntil(lambda: window.map.on_screen)
    unit = next(u for u in queries.units(ctx) if u.call_sign == "DEMO-POL-01")
    assert situation.unit_label_text(unit.id) == "DEMO-POL-01 · avail"
    map_spy.clear()

    dispatching.set_unit_status(ctx, unit.id, UnitStatus.OUT_OF_SERVICE)
    qtbot.waitUntil(lambda: situation.unit_label_text(unit.id) == "DEMO-POL-01 · out")
    assert map_spy == [("update_units", 1)]

    # Another unit's change while the map is hidden behind the unit board: nothing is sent then, and
    # the map is made whole when shown again.
    window.take_position(Position.DISPATCHER)
    qtbot.waitUntil(lambda: not window.map.on_screen)
    other = next(u for u in queries.units(ctx) if u.call_sign == "DEMO-PSC-02")
    map_spy.clear()
    dispatching.set_unit_status(ctx, other.id, UnitStatus.OFF_DUTY)
    qtbot.waitUntil(lambda: window.unit_model.unit_by_id(other.id).status is UnitStatus.OFF_DUTY)  # type: ignore[union-attr]
    assert map_spy == []
    assert situation.unit_label_text(other.id) == "DEMO-PSC-02 · avail"
    window.docks[positions.MAP].raise_()
    qtbot.waitUntil(lambda: situation.unit_label_text(other.id) == "DEMO-PSC-02 · off duty")
    assert [kind for kind, _count in map_spy] == ["set_units"]


def test_the_incident_in_the_form_is_selected_on_the_map_and_a_closed_one_leaves_it(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    window.take_position(Position.DISPATCHER)
    window.docks[positions.MAP].raise_()
    situation = window.situation_map
    qtbot.waitUntil(lambda: window.map.on_screen)
    fire = incident_at(ctx, feed, catalogue, SIMPANG_LIMA, "FIRE")
    window.boards.apply_changes()
    window.incidents.open(fire)
    assert situation.selected_incident == fire
    recommended = window.dispatch_panel.recommended_ids()
    assert recommended  # the lines drawn to them (the widget's tests)
    first = situation.unit_label_text(recommended[0])
    assert first is not None
    assert first.startswith("1. ")

    # N lands on the same incident (the map's own selection, which carries no units): the
    # recommended units are joined to it again (tried in a real window: they were not).
    situation.setFocus()
    press(qtbot, Qt.Key.Key_N)
    assert situation.selected_incident == fire
    first = situation.unit_label_text(recommended[0])
    assert first is not None
    assert first.startswith("1. ")

    # No position yet: nothing to select on the map.
    ringing = feed.ring()
    _call, bare = calls.answer_call(ctx, ringing.id)
    window.boards.apply_changes()
    window.incidents.open(bare.id)
    assert situation.selected_incident is None

    window.incidents.open(fire)
    assert situation.selected_incident == fire
    incidents.close_incident(ctx, fire, Disposition.HANDLED)
    window.boards.apply_changes()
    assert situation.selected_incident is None


def test_the_centres_villages_are_read_off_the_gui_thread(
    qtbot: QtBot,
    ctx: ServiceContext,
    catalogue: Catalogue,
    feed: SimulatedFeed,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readers: list[str] = []

    def watched() -> AreaIndex:
        readers.append(threading.current_thread().name)
        return area_index()

    monkeypatch.setattr("ui.presenters.map_work.area_index", watched)
    session = ConsoleSession(ctx, catalogue, "en", simulator=feed, centre_area="33.74")
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    assert not readers  # not while the console starts: when the map is first in sight
    assert main.run_action("showMap")
    qtbot.waitUntil(lambda: bool(main.map.places), timeout=20_000)
    assert readers
    assert all(name.startswith("map-places") for name in readers)
    index = area_index()
    wanted = index.places("33.74", AreaLevel.DISTRICT) + index.places("33.74", AreaLevel.VILLAGE)
    assert len(wanted) > 150  # Kota Semarang's 16 kecamatan and 177 kelurahan, those with a point
    assert list(main.map.places) == wanted
    assert not main.map_note.isVisible()  # nothing missing to say
    main.close()


def test_a_tile_file_the_map_cannot_use_is_said_above_the_map(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.take_position(Position.DISPATCHER)
    window.docks[positions.MAP].raise_()
    qtbot.waitUntil(lambda: window.map.on_screen)
    note = window.map_note
    text = tmp_path / "semarang.mbtiles"
    text.write_text("not a database\n" * 200)
    assert not window.map.use_tiles(text)
    assert note.isVisible()
    assert note.text().startswith(
        "Map tiles not shown: semarang.mbtiles cannot be used (it is not an SQLite database)."
    )
    good = build_mbtiles(tmp_path / "good.mbtiles", zooms=(11,))
    assert window.map.use_tiles(good)
    assert "Map tiles not shown" not in note.text()
    # The test window has no centre's area: the one thing left to say.
    assert note.text() == "No village names: the centre's area is not set (Console, Settings)."


@pytest.fixture
def saved(qtbot: QtBot, tmp_path: Path) -> ConsoleSettings:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    settings = ConsoleSettings.load()
    settings.console_name = "KONSOL-03"
    settings.save()
    return ConsoleSettings.load()


def test_the_tile_file_setting_says_beside_the_field_what_the_file_is(
    qtbot: QtBot, saved: ConsoleSettings, tmp_path: Path
) -> None:
    dialog = SettingsDialog(saved, role="call_taker")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.map_tiles
    assert field.path.isEnabled()  # a picture under this console's map: anyone may choose it
    assert not field.note.isVisible()

    notes = tmp_path / "notes.txt"
    notes.write_text("jalan-jalan\n")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field.path.setFocus()
    qtbot.keyClicks(field.path, str(notes))
    press(qtbot, Qt.Key.Key_Tab)
    assert field.note.isVisible()
    assert field.note.text() == "Not a usable map tile file: it is not an SQLite database."
    dialog._save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert QApplication.focusWidget() is field.path
    assert ConsoleSettings.load().map_tiles == ""

    good = build_mbtiles(tmp_path / "semarang.mbtiles", zooms=(11, 12))
    field.chosen(str(good))
    assert field.note.text() == "Map tiles: png, zoom levels 11 to 12."
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ConsoleSettings.load().map_tiles == str(good)


def test_a_tile_file_saved_in_the_settings_is_drawn_at_once(
    qtbot: QtBot, window: MainWindow, saved: ConsoleSettings, tmp_path: Path
) -> None:
    window.take_position(Position.DISPATCHER)
    window.docks[positions.MAP].raise_()
    qtbot.waitUntil(lambda: window.map.on_screen)
    footer = window.situation_map._attribution
    assert footer.text() == ""  # drawn plainly
    window.show_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    good = build_mbtiles(tmp_path / "semarang.mbtiles", zooms=(11, 12))
    dialog.map_tiles.chosen(str(good))
    dialog._save()
    qtbot.waitUntil(lambda: footer.text() == "Test tiles © the tests")
    assert window.situation_map.max_zoom >= 12
