"""The window in Indonesian and in English; Help lists every shortcut the window has."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.services.context import ServiceContext
from ui.actions import Menu
from ui.dialogs.help import HelpDialog
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.session import ConsoleSession


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "id")
    yield
    qapp.removeTranslator(translator)


def test_window_speaks_indonesian(
    qtbot: QtBot, indonesian: None, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    from dispatch.feeds.simulated import SimulatedFeed
    from dispatch.feeds.urls import SimFeedUrl
    from dispatch.simulator.callers import CallerGenerator

    feed = SimulatedFeed(ctx, CallerGenerator(3, catalogue), SimFeedUrl(1, 3))
    window = MainWindow(ConsoleSession(ctx, catalogue, "id", simulator=feed))
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == [
        "&Panggilan",
        "&Kejadian",
        "Pengiriman &unit",
        "&Tampilan",
        "&Shift",
        "Pe&latihan",
        "K&onsol",
        "&Bantuan",
    ]
    assert window.training_banner.text().startswith("PELATIHAN")
    assert window.windowTitle().startswith("[PELATIHAN]")
    assert window.incident_panel.category.itemText(2).startswith("LAKA · Kecelakaan lalu lintas")
    headers = [window.call_model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Status", "Waktu", "Dering"]


def test_english_is_the_source_language(
    qtbot: QtBot, qapp: QApplication, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    translator = install_translator(qapp, "en")
    try:
        window = MainWindow(ConsoleSession(ctx, catalogue, "en"))
        qtbot.addWidget(window)
        assert next(a.text() for a in window.menuBar().actions()) == "&Call"
        assert window.incident_panel.category.itemText(2).startswith("LAKA · Traffic accident")
        assert not window.training_banner.isVisibleTo(window)  # live console: no banner
        training_menu = window.binder.menus[Menu.TRAINING].menuAction()
        assert not training_menu.isVisible()  # live console: no Training menu
    finally:
        qapp.removeTranslator(translator)


def test_help_lists_every_shortcut_of_the_window(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    window = MainWindow(ConsoleSession(ctx, catalogue, "en"))
    qtbot.addWidget(window)
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    # A key, or a key and what follows it ("F9, then 1-7").
    listed = {dialog.table.item(row, 0).text().split(", ")[0] for row in range(dialog.table.rowCount())}
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert shortcuts
    assert shortcuts <= listed
    assert {"F1", "F2", "F4", "F6", "F7", "F9"} <= listed
    assert "Enter" in listed


def test_qt_dialog_buttons_speak_indonesian(qtbot: QtBot, indonesian: None) -> None:
    """Qt has no Indonesian for its own buttons: "Cancel" and "Close" stood beside Indonesian fields."""
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.i18n import standard_button_words

    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(standard.Ok | standard.Cancel | standard.Close | standard.Save)
    qtbot.addWidget(box)
    shown = {box.button(b).text().replace("&", "") for b in (standard.Cancel, standard.Close, standard.Save)}
    assert shown == {"Batal", "Tutup", "Simpan"}
    english = {"Close", "Cancel", "Save", "&Save", "&Cancel", "&Close", "Help", "Reset"}
    assert not english & set(standard_button_words()[1:])  # every word but OK (also Indonesian) changed


@pytest.mark.parametrize("reason", ["LIVE_IN_TRAINING", "TRAINING_IN_LIVE"])
def test_the_live_or_training_refusal_has_no_english_detail_in_indonesian(
    indonesian: None, reason: str
) -> None:
    from dispatch.store.database import DatabaseRefused, RefusalReason
    from ui.dialogs.refusal import refusal_text

    kind = "live" if reason == "LIVE_IN_TRAINING" else "training"
    text = refusal_text(
        DatabaseRefused(RefusalReason[reason], "/srv/112/pusat.sqlite3", f"{kind} database (recorded)")
    )
    assert "/srv/112/pusat.sqlite3" in text
    assert "database (recorded)" not in text
    assert "Konsol tidak mengubah berkas ini." in text
    assert "basis data" in text
