"""Start-up through ``run_console``: refused databases get a clear dialog and stay untouched;
a fresh database asks for the first supervisor; a known one asks to log in."""

from __future__ import annotations

import gc
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from dispatch.store.database import open_database, sqlite_url
from ui.app import EXIT_NOT_LOGGED_IN, EXIT_REFUSED, run_console
from ui.cli import build_parser
from ui.dialogs.accounts import FirstSupervisorDialog, LoginDialog


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path) -> None:
    """Settings go to the test's folder, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    return


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _when_modal(handle: Callable[[QDialog], None]) -> None:
    """Deal with the next modal dialog as soon as it is up (a modal exec() blocks the test)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            handle(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _console_database(path: Path) -> None:
    open_database(sqlite_url(path)).dispose()


def _text_file(path: Path) -> None:
    path.write_text("Daftar piket malam\nSari, Budi, Dewi\n", encoding="utf-8")


def _newer_schema(path: Path) -> None:
    _console_database(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()


def _corrupt(path: Path) -> None:
    _console_database(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # the schema page, after the header
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_text_file, "not a database of this console"),
        (_corrupt, "damaged"),
        (_newer_schema, "newer version of the console"),
    ],
    ids=["text-file", "corrupt", "newer-schema"],
)
def test_refused_database_gets_a_clear_dialog_and_is_not_changed(
    qtbot: QtBot, tmp_path: Path, make: Callable[[Path], None], expected: str
) -> None:
    path = tmp_path / "given.sqlite3"
    make(path)
    before = _digest(path)
    siblings_before = sorted(p.name for p in tmp_path.iterdir())
    shown: list[str] = []

    def read_and_close(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        shown.append(dialog.text())
        dialog.accept()

    _when_modal(read_and_close)
    code = run_console(build_parser().parse_args(["--db", str(path), "--lang", "en"]))

    assert code == EXIT_REFUSED
    assert len(shown) == 1
    assert expected in shown[0]
    assert str(path) in shown[0]
    assert "did not change the file" in shown[0]
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings_before  # no -wal, no -shm left


def test_first_start_asks_for_the_supervisor_and_says_what_is_wrong(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, FirstSupervisorDialog)
        dialog.username.setText("Sari Wulandari")  # spaces and capitals: not a username
        dialog.full_name.setText("Sari Wulandari")
        dialog.password.setText("short")
        dialog.repeated.setText("short")
        seen["rules"] = dialog.rules.text()  # said before the first try
        dialog._create()
        seen["username"] = dialog.errors["username"].text()
        seen["password"] = dialog.errors["password"].text()
        seen["focus"] = "username" if dialog.focusWidget() is dialog.username else "elsewhere"
        dialog.reject()

    _when_modal(fill)
    code = run_console(build_parser().parse_args(["--db", str(path), "--lang", "en", "--live"]))
    assert code == EXIT_NOT_LOGGED_IN
    assert "lower-case letters" in seen["username"]
    assert "At least 10 characters" in seen["password"]
    assert seen["rules"] == (
        "A password has at least 10 characters, is not one of the most common ones and does not "
        "contain the username."
    )
    assert seen["focus"] == "username"  # the first field refused


def test_login_dialog_refuses_a_wrong_password_and_locks_after_five(qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from dispatch.domain.clock import ManualClock
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus

    database = open_database(sqlite_url(tmp_path / "accounts.sqlite3"))
    ctx = accounts.register_console(
        database, ManualClock(datetime(2026, 11, 28, tzinfo=UTC)), ChangeBus(), "K1", "h"
    )
    accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", "rahasia-112", "rahasia-112")
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(5):
        dialog.username.setText("sari")
        qtbot.keyClicks(dialog.password, f"salah-{attempt}")
        dialog._log_in()
    assert "locked" in dialog.error.text()
    dialog.username.setText("sari")
    dialog.password.setText("rahasia-112")
    dialog._log_in()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "locked" in dialog.error.text()
    database.dispose()


def test_settings_dialog_saves_and_says_what_is_missing(qtbot: QtBot) -> None:
    from ui.dialogs.settings import SettingsDialog
    from ui.settings import ConsoleSettings

    dialog = SettingsDialog(ConsoleSettings.load(), language="id")  # the console speaks Indonesian
    qtbot.addWidget(dialog)
    dialog.console_name.clear()
    dialog._save()
    assert dialog.console_error.isVisibleTo(dialog)
    assert "KONSOL-01" in dialog.console_error.text()
    dialog.console_name.setText("KONSOL-07")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.time_zone.setCurrentIndex(dialog.time_zone.findData("Asia/Makassar"))
    dialog.prank_threshold.setValue(5)
    dialog._save()
    saved = ConsoleSettings.load()
    assert (saved.console_name, saved.language, saved.time_zone) == ("KONSOL-07", "en", "Asia/Makassar")
    assert saved.prank_threshold == 5


def test_supervisor_adds_a_call_taker_who_cannot_add_accounts(qtbot: QtBot, tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    from dispatch.domain.clock import SystemClock
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus
    from ui.dialogs.accounts import UserAccountsDialog

    database = open_database(sqlite_url(tmp_path / "accounts.sqlite3"))
    try:
        ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "K1", "h")
        supervisor = accounts.create_first_supervisor(
            ctx, "sari", "Sari Wulandari", "rahasia-112", "rahasia-112"
        )
        dialog = UserAccountsDialog(ctx.acting_as(supervisor), ZoneInfo("Asia/Jakarta"))
        qtbot.addWidget(dialog)
        dialog.username.setText("budi")
        dialog.full_name.setText("Budi Santoso")
        dialog.role.setCurrentIndex(dialog.role.findData("call_taker"))
        dialog.password.setText("operator-112")
        dialog.repeated.setText("operator-113")
        dialog.add_account()
        assert dialog.errors["repeated"].text() == "The two passwords are not the same."
        assert dialog.full_name.text() == "Budi Santoso"  # nothing typed is lost
        dialog.repeated.setText("operator-112")
        dialog.add_account()
        assert dialog.message.text() == "Account budi added."
        assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["budi", "sari"]

        budi = accounts.log_in(ctx, "budi", "operator-112").actor
        assert budi is not None
        assert budi.role == "call_taker"
        limited = UserAccountsDialog(ctx.acting_as(budi), ZoneInfo("Asia/Jakarta"))
        qtbot.addWidget(limited)
        assert not limited.add_button.isEnabled()
        assert "Only a supervisor" in limited.message.text()
    finally:
        database.dispose()


def test_a_configured_feed_starts_the_console_live(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.feeds.peers import ScriptedServer, TcpScript
    from ui.main_window import MainWindow

    server = ScriptedServer([TcpScript([("send", b"200 Server: ncidd\n300 End of connection startup\n")])])
    seen: dict[str, object] = {}

    def first_start(dialog: QDialog) -> None:
        assert isinstance(dialog, FirstSupervisorDialog)
        dialog.username.setText("sari")
        dialog.full_name.setText("Sari Wulandari")
        dialog.password.setText("rahasia-112")
        dialog.repeated.setText("rahasia-112")
        dialog._create()

    def inspect_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or "up" not in windows[0].status.feed_label.text():
            QTimer.singleShot(50, inspect_then_close)
            return
        window = windows[0]
        seen["frozen"] = gc.get_freeze_count()  # start-up's objects kept out of full collections
        seen["training"] = window.session.training
        seen["banner"] = window.training_banner.isVisibleTo(window)
        seen["feed"] = window.status.feed_label.text()
        window.close()

    _when_modal(first_start)
    QTimer.singleShot(0, inspect_then_close)
    try:
        code = run_console(
            build_parser().parse_args(
                [
                    "--db",
                    str(tmp_path / "live.sqlite3"),
                    "--lang",
                    "en",
                    "--feed",
                    f"ncid://127.0.0.1:{server.port}",
                ]
            )
        )
    finally:
        server.close()
    assert code == 0
    assert int(str(seen["frozen"])) > 10_000
    assert gc.get_freeze_count() == 0  # collectable again once the console has closed
    assert seen["training"] is False
    assert seen["banner"] is False
    assert f"ncid://127.0.0.1:{server.port}: up" in str(seen["feed"])
