"""Qt's own words (standard buttons, message and input dialogs, context menus, the file dialog) speak
Indonesian from the console's catalogue (Qt ships none), and stay Qt's English under English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.i18n import QT_BUTTON_WORDS, install_translator, standard_button_words

QT_CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "qtbase_id.ts"
#: Qt's key names ("Ctrl", "Shift", "Esc") stay as the keys are labelled, in English, on Indonesian keyboards.
LEFT_IN_ENGLISH = {"QShortcut", "QGuiApplication"}
Button = QMessageBox.StandardButton
POPUP_WARNINGS = [
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
]


def _catalogue() -> dict[tuple[str, str], str]:
    root = ET.parse(QT_CATALOGUE).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): (
            message.findtext("translation") or ""
        )
        for context in root.iter("context")
        for message in context.iter("message")
    }


class Recorder(QTranslator):
    """Translates nothing; notes every (context, source) Qt asks a translator for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.add((context, source))
        return None

    def isEmpty(self) -> bool:
        return False


def _context_menu(widget: QWidget) -> list[str]:
    """The texts of the context menu ``widget`` opens on a right click (the menu is closed again)."""
    texts: list[str] = []

    def read_and_close() -> None:
        for menu in QApplication.topLevelWidgets():
            if isinstance(menu, QMenu) and menu.isVisible():
                texts.extend(a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator())
                menu.close()

    QTimer.singleShot(0, read_and_close)
    where = QPoint(2, 2)
    QApplication.sendEvent(
        widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, widget.mapToGlobal(where))
    )
    QApplication.processEvents()
    return texts


def _show_qt_dialogs(qtbot: QtBot) -> dict[str, list[str]]:
    """Every kind of Qt text the console shows, as shown in the language installed."""
    shown: dict[str, list[str]] = {}
    every = Button.NoButton
    for button in (
        Button.Ok, Button.Save, Button.SaveAll, Button.Open, Button.Yes, Button.YesToAll, Button.No,
        Button.NoToAll, Button.Abort, Button.Retry, Button.Ignore, Button.Close, Button.Cancel,
        Button.Discard, Button.Help, Button.Apply, Button.Reset, Button.RestoreDefaults,
    ):  # fmt: skip
        every |= button
    message = QMessageBox(QMessageBox.Icon.Warning, "112", "?", every)
    message.setDetailedText("detail")
    qtbot.addWidget(message)
    message.show()
    shown["message box"] = [b.text() for b in message.findChildren(QPushButton) if b.text()]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    shown["button box"] = [b.text() for b in box.buttons()]
    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()
    shown["input dialog"] = [b.text() for b in ask.findChildren(QPushButton)]
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    shown["line edit menu"] = _context_menu(line)
    text = QPlainTextEdit()
    qtbot.addWidget(text)
    text.show()
    shown["text menu"] = _context_menu(text.viewport())
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    shown["spin box menu"] = _context_menu(spin)
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.resize(20, 200)
    qtbot.addWidget(bar)
    bar.show()
    shown["scroll bar menu"] = _context_menu(bar)
    window = QMainWindow()
    dock = QDockWidget("112")
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    qtbot.addWidget(window)
    window.show()
    shown["dock"] = [b.toolTip() or b.accessibleName() for b in dock.findChildren(QAbstractButton)]
    files = QFileDialog()
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(files)
    files.show()
    shown["file dialog"] = [b.text() for b in files.findChildren(QPushButton) if b.isVisible()]
    return shown


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "id")
    yield
    qapp.removeTranslator(translator)


@pytest.mark.qt_log_ignore(*POPUP_WARNINGS)
def test_every_word_qt_asks_for_is_in_the_catalogue(qtbot: QtBot, qapp: QApplication) -> None:
    """Recorded from Qt itself, so a Qt upgrade that renames a word fails here, not on a user's screen."""
    recorder = Recorder()
    qapp.installTranslator(recorder)
    try:
        _show_qt_dialogs(qtbot)
        standard_button_words()
    finally:
        qapp.removeTranslator(recorder)
    catalogue = _catalogue()
    covered = {context for context, _ in catalogue}
    console = ET.parse(QT_CATALOGUE.with_name("dispatch_en.ts")).getroot()
    own = {context.findtext("name") for context in console.iter("context")}
    asked = {(c, s) for c, s in recorder.asked if c not in own}  # Qt's, not the console's own words
    assert {"QPlatformTheme", "QMessageBox", "QLineEdit", "QWidgetTextControl", "QFileDialog"} <= {
        c for c, _ in asked
    }
    missing = {(c, s) for c, s in asked if c in covered and (c, s) not in catalogue}
    uncovered = {c for c, _ in asked if c not in covered | LEFT_IN_ENGLISH}
    assert missing == set()
    assert uncovered == set()
    assert set(QT_BUTTON_WORDS) <= set(catalogue)


@pytest.mark.qt_log_ignore(*POPUP_WARNINGS)
def test_qt_dialogs_and_menus_speak_indonesian(qtbot: QtBot, indonesian: None) -> None:
    shown = _show_qt_dialogs(qtbot)
    words = {k: [t.replace("&", "") for t in v] for k, v in shown.items()}
    assert {
        "OK", "Simpan", "Simpan semua", "Buka", "Ya", "Ya untuk semua", "Tidak", "Tidak untuk semua",
        "Hentikan", "Coba lagi", "Abaikan", "Tutup", "Batal", "Buang", "Bantuan", "Terapkan",
        "Setel ulang", "Kembalikan bawaan", "Tampilkan rincian...",
    } <= set(words["message box"])  # fmt: skip
    assert words["button box"] == ["OK", "Batal"]
    assert sorted(words["input dialog"]) == ["Batal", "OK"]
    edit_menu = ["Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih semua"]
    assert words["line edit menu"] == edit_menu
    assert words["text menu"][:7] == words["line edit menu"]
    assert {"Pilih semua", "Naikkan", "Turunkan"} <= set(words["spin box menu"])
    assert {"Simpan", "Batal"} <= set(words["file dialog"])
    assert words["scroll bar menu"][:3] == ["Gulir ke sini", "Paling atas", "Paling bawah"]
    assert words["dock"] == ["Lepaskan", "Tutup"]
    english = re.compile(
        r"\b(OK|Cancel|Close|Save|Undo|Redo|Copy|Paste|Delete|Select|Show|Step|Yes|No|Scroll|Top|Page|Float)\b"
    )
    leftovers = [t for texts in words.values() for t in texts if t != "OK" and english.search(t)]
    assert leftovers == []


@pytest.mark.qt_log_ignore(*POPUP_WARNINGS)
def test_alt_keys_differ_within_each_indonesian_menu_and_dialog(qtbot: QtBot, indonesian: None) -> None:
    shown = _show_qt_dialogs(qtbot)
    for where, texts in shown.items():
        letters = [m.group(1).casefold() for t in texts if (m := re.search(r"&(\w)", t.replace("&&", "")))]
        assert len(letters) == len(set(letters)), f"{where}: {texts}"


@pytest.mark.qt_log_ignore(*POPUP_WARNINGS)
def test_qt_words_stay_english_under_english(qtbot: QtBot, qapp: QApplication) -> None:
    translator = install_translator(qapp, "en")
    try:
        shown = _show_qt_dialogs(qtbot)
    finally:
        qapp.removeTranslator(translator)
    assert {"Cancel", "&Yes", "Show Details..."} <= set(shown["message box"])
    assert [t.replace("&", "") for t in shown["button box"]] == ["OK", "Cancel"]
    assert shown["line edit menu"] == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"]


def test_removing_the_translator_takes_qt_words_back_to_english(qapp: QApplication) -> None:
    words: Callable[[], list[str]] = standard_button_words
    english = words()
    translator = install_translator(qapp, "id")
    try:
        assert "Batal" in words()
        assert "Cancel" not in words()
    finally:
        qapp.removeTranslator(translator)
    assert words() == english
    assert "Cancel" in english
