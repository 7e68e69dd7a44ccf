"""Feeds in the settings: a wrong URL is explained beside the field; Test shows decoded frames live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from dispatch.domain.enums import Role
from tests.feeds.peers import ScriptedServer, TcpScript
from ui.dialogs.feeds import FeedListEditor
from ui.dialogs.settings import SettingsDialog
from ui.settings import ConsoleSettings

NCID = (
    b"200 Server: ncidd (NCID) 1.13\n300 End of connection startup\n"
    b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*081234567890*MESG*NONE*NAME*BUDI SANTOSO*\n"
    b"garbage line\n"
)


def test_a_wrong_url_is_explained_and_kept(qtbot: QtBot) -> None:
    editor = FeedListEditor([], "ID")
    qtbot.addWidget(editor)
    editor.url.setText("ncid://")
    editor.add()
    assert editor.urls == []
    assert "needs a host" in editor.error.text()
    assert editor.url.text() == "ncid://"  # what was typed stays, to be corrected
    editor.url.setText("serial:/dev/ttyUSB0?baud=7")
    editor.add()
    assert "unusual baud rate 7" in editor.error.text()
    editor.url.setText("ami://dispatch:rahasia@pbx.local:5038?exten=112")
    editor.add()
    assert not editor.error.isVisibleTo(editor)
    assert editor.urls == ["ami://dispatch:rahasia@pbx.local:5038?exten=112"]
    assert editor.list.item(0).text() == "ami://dispatch:***@pbx.local:5038?exten=112"  # shown masked
    editor.list.setCurrentRow(0)
    editor.remove()
    assert editor.urls == []


def test_test_button_shows_decoded_and_rejected_frames(qtbot: QtBot) -> None:
    server = ScriptedServer([TcpScript([("send", NCID)])])
    editor = FeedListEditor([], "ID")
    qtbot.addWidget(editor)
    try:
        editor.url.setText(f"ncid://127.0.0.1:{server.port}")
        editor.test()
        qtbot.waitUntil(lambda: "rejected" in editor.test_output.toPlainText(), timeout=10000)
        text = editor.test_output.toPlainText()
        assert "listening: ncid://127.0.0.1:" in text
        assert '"number": "+6281234567890"' in text
        assert '"name": "BUDI SANTOSO"' in text
    finally:
        editor.stop_test()
        server.close()


def test_feeds_are_saved_with_the_settings(qtbot: QtBot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    dialog = SettingsDialog(ConsoleSettings.load(), role=Role.SUPERVISOR)
    qtbot.addWidget(dialog)
    dialog.feeds.url.setText("serial:/dev/ttyUSB0?protocol=modem")
    dialog.feeds.add()
    dialog.feeds.url.setText("ncid://192.168.1.10:3333")
    dialog.feeds.add()
    dialog.console_name.setText("KONSOL-02")
    dialog._save()
    assert ConsoleSettings.load().feeds == ["serial:/dev/ttyUSB0?protocol=modem", "ncid://192.168.1.10:3333"]


def test_the_extension_and_dial_context_are_checked_beside_their_fields_and_saved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    loaded = ConsoleSettings.load()
    assert (loaded.ami_extension, loaded.ami_dial_context) == ("", "from-internal")
    dialog = SettingsDialog(loaded, role=Role.SUPERVISOR)
    qtbot.addWidget(dialog)
    dialog.console_name.setText("KONSOL-02")
    dialog.ami_extension.setText("201")  # the extension alone: the PBX needs its technology too
    dialog._save()
    assert dialog.result() == 0
    assert dialog.ami_extension_error.isVisibleTo(dialog)
    assert "e.g. PJSIP/201" in dialog.ami_extension_error.text()
    assert not dialog.ami_dial_context_error.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.ami_extension, "x")  # typing hides the problem
    assert not dialog.ami_extension_error.isVisibleTo(dialog)
    dialog.ami_extension.setText("PJSIP/201")
    dialog.ami_dial_context.setText("from internal")
    dialog._save()
    assert dialog.ami_dial_context_error.isVisibleTo(dialog)
    assert "letters, digits" in dialog.ami_dial_context_error.text()
    assert not dialog.ami_extension_error.isVisibleTo(dialog)
    dialog.ami_dial_context.setText("")
    dialog._save()
    assert "Give the PBX's dial context" in dialog.ami_dial_context_error.text()
    dialog.ami_dial_context.setText("dari-operator")
    dialog._save()
    assert dialog.result() == 1
    saved = ConsoleSettings.load()
    assert (saved.ami_extension, saved.ami_dial_context) == ("PJSIP/201", "dari-operator")


def test_a_call_taker_sets_the_extension_but_not_the_dial_context(qtbot: QtBot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    dialog = SettingsDialog(ConsoleSettings.load(), role=Role.CALL_TAKER)
    qtbot.addWidget(dialog)
    assert not dialog.ami_dial_context.isEnabled()
    dialog.console_name.setText("KONSOL-03")
    dialog.ami_extension.setText("SIP/7")
    dialog._save()
    saved = ConsoleSettings.load()
    assert (saved.ami_extension, saved.ami_dial_context) == ("SIP/7", "from-internal")
