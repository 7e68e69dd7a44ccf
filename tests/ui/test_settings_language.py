"""Settings shows the language the console speaks, and saving changes the saved one only when the user
picks another (under ``--lang en`` with Indonesian saved, it showed Indonesian and Save switched it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from dispatch.domain.enums import Role
from ui.dialogs.settings import SettingsDialog
from ui.i18n import install_translator
from ui.settings import ConsoleSettings


@pytest.fixture
def saved_indonesian(tmp_path: Path) -> ConsoleSettings:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    settings = ConsoleSettings.load()
    settings.language = "id"
    settings.console_name = "KONSOL-03"
    settings.save()
    return ConsoleSettings.load()


@pytest.fixture
def lang_en(qapp: QApplication) -> Iterator[None]:
    """The console started with ``--lang en``: what ui.app does with the option."""
    before = QLocale()
    translator = install_translator(qapp, "en")
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def _open(qtbot: QtBot, settings: ConsoleSettings, **kwargs: object) -> SettingsDialog:
    dialog = SettingsDialog(settings, role=Role.CALL_TAKER, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def test_under_lang_en_settings_shows_english_and_saving_keeps_indonesian_saved(
    qtbot: QtBot, lang_en: None, saved_indonesian: ConsoleSettings
) -> None:
    dialog = _open(qtbot, saved_indonesian)  # as the window opens it: no language given
    assert dialog.language.currentText() == "English"
    assert dialog.language_note.isVisible()
    assert dialog.language_note.text() == (
        "This run speaks English (--lang); Bahasa Indonesia stays saved for other starts."
    )
    # The user changes the console's name only, and saves with Return (Save is the default button).
    dialog.console_name.setFocus()
    dialog.console_name.selectAll()
    qtbot.keyClicks(dialog.console_name, "KONSOL-04")
    qtbot.keyClick(dialog.console_name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = ConsoleSettings.load()
    assert again.console_name == "KONSOL-04"
    assert again.language == "id"  # was switched to "en" by merely saving


def test_picking_another_language_saves_it_and_says_when_it_takes_effect(
    qtbot: QtBot, saved_indonesian: ConsoleSettings
) -> None:
    dialog = _open(qtbot, saved_indonesian, language="id")
    assert dialog.language.currentText() == "Bahasa Indonesia"
    assert not dialog.language_note.isVisible()  # nothing to say: the saved one is in force
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    assert dialog.language.currentText() == "English"
    assert dialog.language_note.isVisible()
    assert dialog.language_note.text() == (
        "Saved when you press Save: the console speaks English from its next start (unless started "
        "with --lang)."
    )
    # Back to the language in force: the note goes, nothing to save.
    qtbot.keyClick(dialog.language, Qt.Key.Key_Up)
    assert not dialog.language_note.isVisible()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.console_name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ConsoleSettings.load().language == "en"


def test_with_no_language_saved_saving_leaves_it_to_the_system(qtbot: QtBot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    settings = ConsoleSettings.load()
    assert settings.language == ""
    dialog = _open(qtbot, settings, language="en")
    assert dialog.language.currentText() == "English"
    assert not dialog.language_note.isVisible()
    qtbot.keyClick(dialog.console_name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ConsoleSettings.load().language == ""  # still "the system's": not pinned by a Save
