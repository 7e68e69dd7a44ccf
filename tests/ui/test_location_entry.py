"""Locations by keyboard through the real window: a kelurahan by type-ahead, pasted positions,
refused positions that keep what was typed, and an address that does not nest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.domain.areas import area_index
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import calls, locations
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Incident
from tests.ui.keys import CTRL, press, type_text
from ui.main_window import MainWindow


def answer(qtbot: QtBot, window: MainWindow, feed: SimulatedFeed) -> int:
    feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    return window.incident_panel.incident.id  # type: ignore[union-attr]


def stored(ctx: ServiceContext, incident_id: int) -> Incident:
    with ctx.database.transaction() as session:
        row = session.get_one(Incident, incident_id)
        session.expunge(row)
        return row


def test_a_kelurahan_picked_by_type_ahead_and_a_pasted_dms_position_are_stored(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    window.session.centre_area = "33.74"  # Kota Semarang's centre
    incident_id = answer(qtbot, window, feed)
    location = window.incident_panel.location

    press(qtbot, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is location.find_edit
    type_text(qtbot, "kel. kaligawe")
    assert location.suggestions.isVisible()
    # Kota Semarang's Kaligawe comes first, ahead of the other provinces' villages of that name.
    assert location.suggestions.item(0).text().startswith("Kaligawe, Gayamsari, Kota Semarang")
    assert location.suggestions.count() > 1
    press(qtbot, Qt.Key.Key_Down)
    assert location.suggestions.currentRow() == 1
    press(qtbot, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is location.find_edit
    press(qtbot, Qt.Key.Key_Return)
    expected = area_index().search("kaligawe gayamsari", within="33.74")[0]
    qtbot.waitUntil(lambda: stored(ctx, incident_id).area_code == expected.code)
    row = stored(ctx, incident_id)
    assert (row.province, row.regency, row.district, row.village, row.postcode) == (
        "Jawa Tengah",
        "Kota Semarang",
        "Gayamsari",
        "Kaligawe",
        "50164",
    )
    assert window.incident_panel.inputs["village"].text() == "Kaligawe"  # type: ignore[attr-defined]
    assert not window.incident_panel.messages["village"].isVisible()

    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is location.position_edit
    QApplication.clipboard().setText("6°59'35.0\"S 110°25'15.0\"E")
    press(qtbot, Qt.Key.Key_V, CTRL)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ctx, incident_id).lat is not None)
    row = stored(ctx, incident_id)
    assert row.lat is not None
    assert row.lon is not None
    assert abs(row.lat - -(6 + 59 / 60 + 35 / 3600)) < 1e-9
    assert abs(row.lon - (110 + 25 / 60 + 15 / 3600)) < 1e-9
    assert location.position_edit.text() == "-6.99306, 110.42083"
    assert window.incident_panel.inputs["lat"].text().startswith("-6.9930")  # type: ignore[attr-defined]


def test_refused_positions_say_why_and_keep_everything_typed(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    incident_id = answer(qtbot, window, feed)
    panel = window.incident_panel
    location = panel.location
    press(qtbot, Qt.Key.Key_Tab)  # priority
    press(qtbot, Qt.Key.Key_Tab)  # caller name
    type_text(qtbot, "Ibu Sri")

    press(qtbot, Qt.Key.Key_L, CTRL)
    press(qtbot, Qt.Key.Key_Tab)  # position
    assert QApplication.focusWidget() is location.position_edit
    type_text(qtbot, "110.42, -6.99")
    press(qtbot, Qt.Key.Key_Return)
    assert location.position_message.isVisible()
    assert "swapped" in location.position_message.text()
    assert "-6.99000, 110.42000" in location.position_message.text()
    assert location.position_edit.text() == "110.42, -6.99"

    location.position_edit.selectAll()
    type_text(qtbot, "di depan masjid")
    press(qtbot, Qt.Key.Key_Return)
    assert "Not a position" in location.position_message.text()
    assert location.position_edit.text() == "di depan masjid"

    location.position_edit.selectAll()
    type_text(qtbot, "-95.1, 110.4")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field tries it too
    assert "Latitude must be between -90 and 90" in location.position_message.text()
    assert location.position_edit.text() == "-95.1, 110.4"

    qtbot.waitUntil(lambda: stored(ctx, incident_id).caller_name == "Ibu Sri")
    row = stored(ctx, incident_id)
    assert (row.lat, row.lon) == (None, None)
    assert panel.inputs["caller_name"].text() == "Ibu Sri"  # type: ignore[attr-defined]


def test_an_address_that_does_not_nest_is_named_next_to_the_field(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    incident_id = answer(qtbot, window, feed)
    panel = window.incident_panel
    press(qtbot, Qt.Key.Key_L, CTRL)
    type_text(qtbot, "kaligawe gayamsari")
    press(qtbot, Qt.Key.Key_Escape)  # no choice from the list: Enter takes the first
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ctx, incident_id).village == "Kaligawe")

    press(qtbot, Qt.Key.Key_F5)  # the form's first field; the kecamatan is the tenth
    for _ in range(9):
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.inputs["district"]
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Tembalang")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(ctx, incident_id).district == "Tembalang")
    message = panel.messages["village"]
    assert message.isVisible()
    assert "Kaligawe" in message.text()
    assert "Tembalang" in message.text()
    assert "not in" in message.text()

    # Put right, the message goes.
    press(qtbot, Qt.Key.Key_Backtab)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Gayamsari")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(ctx, incident_id).district == "Gayamsari")
    assert not message.isVisible()


def test_a_pasted_position_not_yet_applied_is_saved_by_a_flush(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    # Ctrl+D (attach) and closing flush the form before the incident is left: nothing typed is lost.
    incident_id = answer(qtbot, window, feed)
    location = window.incident_panel.location
    press(qtbot, Qt.Key.Key_L, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is location.position_edit
    QApplication.clipboard().setText("-6.99306, 110.42083")
    press(qtbot, Qt.Key.Key_V, CTRL)  # no Enter, still in the field
    assert stored(ctx, incident_id).lat is None
    window.incident_panel.flush_all()
    row = stored(ctx, incident_id)
    assert (row.lat, row.lon) == (-6.99306, 110.42083)


def _refuse_a_paste(qtbot: QtBot, window: MainWindow) -> None:
    location = window.incident_panel.location
    press(qtbot, Qt.Key.Key_L, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is location.position_edit
    type_text(qtbot, "di depan masjid")
    press(qtbot, Qt.Key.Key_Return)
    assert location.position_message.isVisible()


def test_a_cleared_refused_position_shows_positions_saved_elsewhere_again(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    incident_id = answer(qtbot, window, feed)
    location = window.incident_panel.location
    _refuse_a_paste(qtbot, window)
    location.position_edit.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Return)
    assert not location.position_message.isVisible()
    press(qtbot, Qt.Key.Key_F5)  # out of the position field
    locations.set_position(ctx, incident_id, -6.99306, 110.42083)  # another console, or the map
    qtbot.waitUntil(lambda: location.position_edit.text() == "-6.99306, 110.42083")


def test_another_incident_shows_positions_saved_elsewhere_after_a_refused_paste(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    answer(qtbot, window, feed)
    location = window.incident_panel.location
    _refuse_a_paste(qtbot, window)
    second = calls.answer_call(ctx, feed.ring().id)[1].id
    window.incidents.open(second)  # what opening it from the board does
    assert window.incident_panel.incident.id == second  # type: ignore[union-attr]
    assert not location.position_message.isVisible()
    press(qtbot, Qt.Key.Key_F5)
    locations.set_position(ctx, second, -6.99306, 110.42083)
    qtbot.waitUntil(lambda: location.position_edit.text() == "-6.99306, 110.42083")


def test_a_second_position_pasted_into_the_same_incident_replaces_the_first(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    # The field remembers what it stored: the second paste is not taken for another console's change.
    incident_id = answer(qtbot, window, feed)
    location = window.incident_panel.location
    press(qtbot, Qt.Key.Key_L, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "-6.99306, 110.42083")
    press(qtbot, Qt.Key.Key_Return)
    assert (stored(ctx, incident_id).lat, stored(ctx, incident_id).lon) == (-6.99306, 110.42083)
    location.position_edit.selectAll()
    type_text(qtbot, "-6.99, 110.42")
    press(qtbot, Qt.Key.Key_Return)
    assert not location.position_message.text().startswith("⚠")
    assert (stored(ctx, incident_id).lat, stored(ctx, incident_id).lon) == (-6.99, 110.42)
    assert location.position_line.text().startswith("Typed at ")
