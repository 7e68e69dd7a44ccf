"""The supervisor's directory editor through the real window, by keyboard: a bad field said next to
it, an agency added, a directory CSV imported with its refused rows shown, exported, and cameras."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.catalogue_files import load_demo_agencies
from dispatch.domain.agencies_csv import write_agency_csv
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import Role
from dispatch.services import accounts, agencies, camera_registry
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Agency, AuditEntry, Camera
from tests.ui.keys import CTRL, press, type_text
from ui.dialogs.directory import DirectoryDialog
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
# The file chooser's path completion pops up a list, which the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow, ctx: ServiceContext) -> DirectoryDialog:
    """The demonstration directory imported, the editor opened from the Console menu's entry."""
    agencies.import_agencies(ctx, write_agency_csv(load_demo_agencies()).encode("utf-8-sig"))
    window.call_view.setFocus()
    assert window.run_action("directory")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), DirectoryDialog))
    opened = QApplication.activeModalWidget()
    assert isinstance(opened, DirectoryDialog)
    qtbot.waitUntil(lambda: opened.isAncestorOf(QApplication.focusWidget()))
    return opened


def _focus(qtbot: QtBot, dialog: DirectoryDialog) -> None:
    dialog.activateWindow()  # what the window manager does when a file chooser closes
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))


def _choose_file(qtbot: QtBot, path: Path) -> None:
    """Type ``path`` into the Qt file chooser that has just opened, and press Enter."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
    chooser = QApplication.activeModalWidget()
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.focusWidget(), QLineEdit)
            and chooser.isAncestorOf(QApplication.focusWidget())
        )
    )
    qtbot.keyClicks(QApplication.focusWidget(), str(path))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not chooser.isVisible())


def _select_all_and_type(qtbot: QtBot, text: str) -> None:
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, text)


def test_an_agency_with_a_bad_area_is_refused_next_to_the_field_then_added(
    qtbot: QtBot, dialog: DirectoryDialog, ctx: ServiceContext
) -> None:
    tab = dialog.agencies
    with qtbot.waitSignal(tab.new_button.clicked):  # a button's mnemonic clicks it a moment later
        press(qtbot, Qt.Key.Key_W, ALT)  # New agency
    assert QApplication.focusWidget() is tab.fields["code"]
    type_text(qtbot, "DAMKAR-POS-TIMUR")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Damkar Pos Timur (DEMO)")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.agency_type
    type_text(qtbot, "Fire")  # the combo's own search by typing
    assert tab.agency_type.currentData() == "fire"
    press(qtbot, Qt.Key.Key_O, ALT)  # Area codes
    type_text(qtbot, "33.74.10; 33.74.99")
    assert tab.areas_hint.text() == "33.74.10 Tembalang, 33.74.99"
    press(qtbot, Qt.Key.Key_K, ALT)  # Acknowledge within
    type_text(qtbot, "2 menit")
    press(qtbot, Qt.Key.Key_S, ALT)  # Save

    error = tab.errors["areas"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "No such area. '33.74.99'"
    assert [name for name, label in tab.errors.items() if label.isVisible()] == ["areas"]
    assert tab.message.text() == "Not saved: correct the fields marked."
    with ctx.database.sessions() as session:
        assert session.scalar(select(Agency).where(Agency.code == "DAMKAR-POS-TIMUR")) is None

    press(qtbot, Qt.Key.Key_O, ALT)
    _select_all_and_type(qtbot, "33.74.10")
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: tab.message.text() == "Agency DAMKAR-POS-TIMUR added.")
    assert not error.isVisible()
    with ctx.database.sessions() as session:
        row = session.scalars(select(Agency).where(Agency.code == "DAMKAR-POS-TIMUR")).one()
        assert (row.agency_type, row.reach, row.areas, row.ack_limit_s) == (
            "fire",
            "forward",
            "33.74.10",
            120,
        )
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "agency.create")).one()
        assert json.loads(audit.detail or "")["fields"]["code"] == "DAMKAR-POS-TIMUR"
    # The new agency is the selected row and the form shows it.
    current = tab.model.row_at(tab.table.currentIndex().row())
    assert current is not None
    assert current.code == "DAMKAR-POS-TIMUR"

    # A code another agency has is said next to the code.
    press(qtbot, Qt.Key.Key_C, ALT)
    _select_all_and_type(qtbot, "polsek-tembalang")
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: tab.errors["code"].isVisible())
    assert tab.errors["code"].text() == "Another agency in the directory has that code."
    dialog.close()


def test_deactivating_an_agency_by_keyboard_keeps_it_on_record(
    qtbot: QtBot, dialog: DirectoryDialog, ctx: ServiceContext
) -> None:
    tab = dialog.agencies
    press(qtbot, Qt.Key.Key_F, ALT)
    type_text(qtbot, "tembalang")
    assert tab.model.rowCount() == 1
    assert tab.count.text() == "1 of 27"
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.table
    press(qtbot, Qt.Key.Key_Down)
    assert tab.fields["code"].text() == "POLSEK-TEMBALANG"
    press(qtbot, Qt.Key.Key_D, ALT)  # Deactivate
    qtbot.waitUntil(lambda: "deactivated" in tab.message.text())
    assert tab.active_label.text() == "no (deactivated)"
    assert tab.active_button.text() == "Reacti&vate"
    assert "POLSEK-TEMBALANG" not in {a.code for a in agencies.agencies(ctx, include_inactive=False)}
    press(qtbot, Qt.Key.Key_V, ALT)  # Reactivate
    qtbot.waitUntil(lambda: "offered again" in tab.message.text())
    assert "POLSEK-TEMBALANG" in {a.code for a in agencies.agencies(ctx, include_inactive=False)}
    dialog.close()


def test_a_directory_csv_is_previewed_imported_and_exported(
    qtbot: QtBot, dialog: DirectoryDialog, ctx: ServiceContext, tmp_path: Path
) -> None:
    tab = dialog.agencies
    path = tmp_path / "instansi.csv"
    path.write_bytes(
        (
            "\ufeffkode;name;agency_type\r\n".replace("kode", "code")
            + "POLSEK-TUGU;Polsek Tugu Baru (DEMO);police\r\n"
            + "KODIM-0733;Kodim;army\r\n"
            + "BPBD-JATENG;BPBD Provinsi Jawa Tengah (DEMO);disaster\r\n"
        ).encode()
    )
    press(qtbot, Qt.Key.Key_I, ALT)  # Import CSV…
    _choose_file(qtbot, path)
    qtbot.waitUntil(tab.report.isVisible)
    preview = tab.report.toPlainText()
    assert preview.startswith("instansi.csv: agencies to add 1, to update 1, unchanged 0; rows rejected 1.")
    assert "Line 3 (KODIM-0733), agency_type: Unknown agency type. 'army'" in preview
    with ctx.database.sessions() as session:
        assert session.scalar(select(Agency).where(Agency.code == "BPBD-JATENG")) is None

    _focus(qtbot, dialog)
    press(qtbot, Qt.Key.Key_Y, ALT)  # Apply import
    qtbot.waitUntil(lambda: tab.report.toPlainText().startswith("Imported: agencies added 1, updated 1"))
    assert "Line 3 (KODIM-0733)" in tab.report.toPlainText()
    assert not tab.apply_button.isEnabled()
    assert tab.model.total == 28
    with ctx.database.sessions() as session:
        tugu = session.scalars(select(Agency).where(Agency.code == "POLSEK-TUGU")).one()
        # Only the file's columns changed: the areas and numbers the file does not have stayed.
        assert (tugu.name, tugu.areas, tugu.sms_number) == (
            "Polsek Tugu Baru (DEMO)",
            "33.74.16",
            "0811-2700-0216",
        )
        assert session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "agency.import")
        ).all() == [
            "agency.import",
            "agency.import",
        ]

    exported = tmp_path / "keluar.csv"
    press(qtbot, Qt.Key.Key_E, ALT)  # Export CSV…
    _choose_file(qtbot, exported)
    qtbot.waitUntil(exported.exists)
    assert tab.message.text() == f"Agencies exported to {exported}: 28."
    assert exported.read_bytes() == agencies.export_agencies(ctx)
    assert len(exported.read_text(encoding="utf-8-sig").splitlines()) == 29
    dialog.close()


def test_cameras_imported_found_and_deactivated_by_keyboard(
    qtbot: QtBot, dialog: DirectoryDialog, ctx: ServiceContext, tmp_path: Path
) -> None:
    press(qtbot, Qt.Key.Key_M, ALT)  # the Cameras tab
    tab = dialog.cameras
    qtbot.waitUntil(tab.isVisible)
    assert tab.model.total == 0
    path = tmp_path / "kamera.csv"
    rows = [f"SMG-RT-{n:05d};RT {n};-6,99{n:02d};110,41{n:02d};http://10.0.0.{n}/mjpeg" for n in range(1, 41)]
    path.write_text("\n".join(["id;name;lat;lon;stream_url", *rows, "RUSAK;Kamera rusak;-6,9;110,4;ftp://x"]))
    tab.import_file(str(path))  # what choosing the file in Import CSV… does
    assert tab.report.toPlainText().startswith("kamera.csv: cameras to add 40, to update 0, unchanged 0;")
    assert "Line 42 (RUSAK), stream_url: Not a stream address" in tab.report.toPlainText()
    press(qtbot, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: tab.model.total == 40)

    press(qtbot, Qt.Key.Key_F, ALT)
    type_text(qtbot, "rt-00017")
    assert tab.model.rowCount() == 1
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)
    assert tab.fields["id"].text() == "SMG-RT-00017"
    press(qtbot, Qt.Key.Key_U, ALT)  # Stream URL
    _select_all_and_type(qtbot, "rtsp://10.0.0.17")
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: tab.message.text() == "Camera SMG-RT-00017 saved.")
    press(qtbot, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: "deactivated" in tab.message.text())
    with ctx.database.sessions() as session:
        camera = session.scalars(select(Camera).where(Camera.code == "SMG-RT-00017")).one()
        assert (camera.stream_url, camera.active, camera.lat) == ("rtsp://10.0.0.17", False, -6.9917)
    assert len(camera_registry.cameras(ctx)) == 39
    dialog.close()


def test_a_dispatcher_may_not_open_the_editor_and_sees_it_read_only(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    accounts.create_user(ctx, "budi", "Budi", "sandi-rahasia-1", "sandi-rahasia-1", Role.DISPATCHER)
    result = accounts.log_in(ctx, "budi", "sandi-rahasia-1")
    assert result.actor is not None
    dispatcher = ctx.acting_as(result.actor)
    read_only = DirectoryDialog(dispatcher, catalogue, "en")
    qtbot.addWidget(read_only)
    assert read_only.findChild(QLineEdit, "agency_code") is not None
    assert not read_only.agencies.fields["code"].isEnabled()
    assert not read_only.agencies.save_button.isEnabled()
    assert not read_only.cameras.import_button.isEnabled()


def test_the_table_model_is_a_proper_qt_model(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, qtmodeltester: ModelTester
) -> None:
    agencies.import_agencies(ctx, write_agency_csv(load_demo_agencies()).encode())
    dialog = DirectoryDialog(ctx, catalogue, "en")
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.agencies.model)
    dialog.agencies.model.set_filter("polsek")
    assert dialog.agencies.model.rowCount() == 16
    qtmodeltester.check(dialog.agencies.model)
