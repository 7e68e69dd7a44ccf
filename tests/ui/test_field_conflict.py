"""Two call-takers on one incident: a field another console changed since this form showed it is
never overwritten silently. The form shows both values beside the field; F11 keeps theirs, F12 saves
yours over it. A change from elsewhere updates the fields the person is not editing and leaves the
one being typed in alone.

Two consoles on one PostgreSQL schema: the window (KONSOL-01), hearing the other through its change
feed, and KONSOL-02 writing through the services with a bus of its own.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.areas import area_index
from dispatch.domain.codes import AuditAction
from dispatch.services import incidents, locations, queries
from dispatch.services.context import ServiceContext
from dispatch.store.tables import AuditEntry
from tests.ui.centre import WindowMaker, answer_a_call, cable, centre_schema, make_window, other_console
from tests.ui.keys import CTRL, press, type_text
from ui.main_window import MainWindow

__all__ = ["cable", "centre_schema", "make_window", "other_console"]  # fixtures, used by name

pytestmark = pytest.mark.postgres


def field(window: MainWindow, name: str) -> QLineEdit:
    widget = window.incident_panel.inputs[name]
    assert isinstance(widget, QLineEdit)
    return widget


def stored(ctx: ServiceContext, incident_id: int, name: str) -> object:
    view = queries.incident(ctx, incident_id)
    assert view is not None
    return view.field_value(name)


def test_a_field_changed_at_another_console_shows_both_values_and_the_keys_choose(
    qtbot: QtBot, make_window: WindowMaker, other_console: ServiceContext
) -> None:
    window = make_window()
    panel = window.incident_panel
    incident_id = answer_a_call(qtbot, window)
    catalogue = window.session.catalogue
    press(qtbot, Qt.Key.Key_Tab)  # priority
    press(qtbot, Qt.Key.Key_Tab)  # caller name
    name = field(window, "caller_name")
    assert QApplication.focusWidget() is name

    # Typing the caller's name; meanwhile the other console writes the same field and the landmark.
    type_text(qtbot, "Budi")
    incidents.update_field(other_console, incident_id, "caller_name", "Ani", catalogue)
    incidents.update_field(other_console, incident_id, "landmark", "dekat masjid", catalogue)
    # The notice reaches the window: the landmark, not being edited, shows theirs; the name stays.
    qtbot.waitUntil(lambda: field(window, "landmark").text() == "dekat masjid", timeout=3000)
    assert name.text() == "Budi"
    press(qtbot, Qt.Key.Key_Tab)  # leaving saves: refused, the other console's value is newer

    conflict = panel.conflicts["caller_name"]
    qtbot.waitUntil(conflict.isVisible)
    assert conflict.text.text() == "⚠ Changed at another console to: “Ani” — yours: “Budi”. Not saved yet."
    assert name.text() == "Budi"
    assert stored(other_console, incident_id, "caller_name") == "Ani"  # nothing overwritten
    assert panel.save_state == "conflict"
    assert "F11 keeps theirs, F12 uses yours" in panel.saved_label.text()

    # F12 from the next field: the form's conflict is the one chosen (the keyboard goes to it).
    assert QApplication.focusWidget() is field(window, "callback_number")
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert QApplication.focusWidget() is name
    assert stored(other_console, incident_id, "caller_name") == "Budi"
    qtbot.waitUntil(lambda: panel.save_state == "saved")

    # Round two, the street: F11 keeps the other console's value.
    street = field(window, "street")
    street.setFocus()
    type_text(qtbot, "Jl. Merdeka")
    incidents.update_field(other_console, incident_id, "street", "Jl. Pemuda", catalogue)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.conflicts["street"].isVisible)
    assert "to: “Jl. Pemuda” — yours: “Jl. Merdeka”" in panel.conflicts["street"].text.text()
    street.setFocus()
    press(qtbot, Qt.Key.Key_F11)
    assert not panel.conflicts["street"].isVisible()
    assert street.text() == "Jl. Pemuda"
    assert stored(other_console, incident_id, "street") == "Jl. Pemuda"
    assert panel.save_state == "saved"

    # Each value that was stored is in the audit log, the one kept and the one chosen over it.
    with other_console.database.sessions() as session:
        names = [
            (row.console_name, row.detail)
            for row in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == AuditAction.INCIDENT_UPDATE.value)
                .where(AuditEntry.entity_id == str(incident_id))
                .order_by(AuditEntry.id)
            )
            if row.detail is not None and '"caller_name"' in row.detail
        ]
    assert [console for console, _detail in names] == ["KONSOL-02", "KONSOL-01"]


def test_a_combo_in_conflict_shows_the_words_of_both_values(
    qtbot: QtBot, make_window: WindowMaker, other_console: ServiceContext
) -> None:
    window = make_window()
    panel = window.incident_panel
    incident_id = answer_a_call(qtbot, window)
    catalogue = window.session.catalogue
    incidents.update_field(other_console, incident_id, "category", "FIRE", catalogue)
    # The form is showing the category box with the keyboard in it: not updated under the person.
    assert QApplication.focusWidget() is panel.category
    type_text(qtbot, "LAKA")
    press(qtbot, Qt.Key.Key_Tab)
    conflict = panel.conflicts["category"]
    qtbot.waitUntil(conflict.isVisible)
    words = conflict.text.text()
    assert "to: “FIRE · Fire" in words
    assert "yours: “LAKA · Traffic accident" in words
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert panel.category.currentData() == "FIRE"
    assert stored(other_console, incident_id, "category") == "FIRE"


def test_an_address_and_a_position_changed_elsewhere_are_chosen_by_keys_too(
    qtbot: QtBot, make_window: WindowMaker, other_console: ServiceContext
) -> None:
    window = make_window()
    window.session.centre_area = "33.74"  # Kota Semarang's centre
    panel = window.incident_panel
    location = panel.location
    incident_id = answer_a_call(qtbot, window)
    index = area_index()
    kaligawe = index.search("kaligawe gayamsari", within="33.74")[0]
    tembalang = index.search("tembalang", within="33.74")[0]

    # The area: the search begins, another console picks Tembalang, this one then picks Kaligawe.
    press(qtbot, Qt.Key.Key_L, CTRL)
    type_text(qtbot, "kaligawe gayamsari")
    locations.set_area(other_console, incident_id, tembalang.code)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(location.area_message.isVisible)
    words = location.area_message.text()
    assert words.startswith("⚠ The address was changed at another console to: Tembalang")
    assert "yours: Kaligawe, Gayamsari, Kota Semarang" in words
    assert "F11 keeps theirs, F12 uses yours." in words
    assert stored(other_console, incident_id, "area_code") == tembalang.code
    assert panel.save_state == "conflict"
    press(qtbot, Qt.Key.Key_F12)  # the keyboard is still in the search: this pick over theirs
    qtbot.waitUntil(lambda: stored(other_console, incident_id, "area_code") == kaligawe.code)
    assert field(window, "village").text() == "Kaligawe"
    assert location.area_message.text().startswith("Saved: Kaligawe")
    assert panel.save_state == "saved"

    # The position: pasted here, while another console saves another; F11 keeps theirs.
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is location.position_edit
    type_text(qtbot, "-6.99306, 110.42083")
    locations.set_position(other_console, incident_id, -6.95, 110.4)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(location.position_message.isVisible)
    assert location.position_message.text().startswith(
        "⚠ The position was changed at another console to: -6.95000, 110.40000 — yours: -6.99306, 110.42083."
    )
    assert location.position_edit.text() == "-6.99306, 110.42083"
    press(qtbot, Qt.Key.Key_F11)
    assert not location.position_message.isVisible()
    assert location.position_edit.text() == "-6.95000, 110.40000"
    assert field(window, "lat").text() == "-6.95"
    assert stored(other_console, incident_id, "lat") == -6.95
    assert panel.save_state == "saved"
