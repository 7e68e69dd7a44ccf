"""Shifts change at the console: change of user and log-out without quitting, through the login dialog
the start uses, typed into by keyboard, on a real SQLite file; audited, with the shifts recorded."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import Role
from dispatch.domain.permissions import Action, can
from dispatch.services import accounts
from dispatch.services.context import Actor, ServiceContext
from dispatch.store.tables import Attendance, AuditEntry
from tests.conftest import SUPERVISOR_PASSWORD
from ui.change_user import change_user, log_out
from ui.dialogs.accounts import LoginDialog
from ui.session import NO_ONE, ConsoleSession

BUDI_PASSWORD = "operator-malam-112"


@pytest.fixture
def session(ctx: ServiceContext, catalogue: Catalogue) -> ConsoleSession:
    accounts.create_user(ctx, "budi", "Budi Santoso", BUDI_PASSWORD, BUDI_PASSWORD, Role.CALL_TAKER)
    return ConsoleSession(ctx, catalogue, "en")


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def _at_prompt(qtbot: QtBot, *steps: Callable[[LoginDialog], None]) -> list[str]:
    """Run ``steps`` one after another on the login dialog once it is up (it runs its own loop)."""
    seen: list[str] = []
    remaining = list(steps)

    def next_step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog) or not dialog.isVisible():
            QTimer.singleShot(10, next_step)
            return
        seen.append(dialog.windowTitle())
        try:
            remaining.pop(0)(dialog)
        except BaseException:  # a failed step ends the dialog's loop (the test fails, not hangs)
            remaining.clear()
            QDialog.done(dialog, 0)
            raise
        if remaining:
            QTimer.singleShot(10, next_step)

    QTimer.singleShot(0, next_step)
    return seen


def _log_in_as(qtbot: QtBot, username: str, password: str) -> Callable[[LoginDialog], None]:
    def step(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # the default button: Log in / OK

    return step


def _audit(ctx: ServiceContext) -> list[tuple[str, str, dict[str, object]]]:
    with ctx.database.sessions() as db:
        return [
            (row.action, row.user_name, json.loads(row.detail) if row.detail else {})
            for row in db.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]


def _shifts(ctx: ServiceContext) -> list[tuple[int, bool]]:
    """(user id, still open) of every shift at the console, oldest first."""
    with ctx.database.sessions() as db:
        return [
            (s.user_id, s.ended_at is None) for s in db.scalars(select(Attendance).order_by(Attendance.id))
        ]


def test_change_of_user_logs_the_old_one_out_and_the_new_one_in(
    qtbot: QtBot, session: ConsoleSession, parent: QWidget
) -> None:
    sari = session.ctx.actor
    announced: list[Actor] = []
    session.user_changed.connect(announced.append)
    before = len(_audit(session.ctx))
    titles = _at_prompt(qtbot, _log_in_as(qtbot, "budi", BUDI_PASSWORD))
    assert change_user(parent, session) is True
    assert titles == ["Change user: Call Center 112 (KONSOL-01)"]
    budi = session.ctx.actor
    assert (budi.user_name, budi.role) == ("budi", Role.CALL_TAKER.value)
    assert announced == [budi]
    assert session.ctx.console_name == "KONSOL-01"  # the rest of the context kept
    assert not can(session.ctx.actor.role, Action.MANAGE_ACCOUNTS)  # the role changed with the user
    # One transaction: the old user's shift ends, naming who took over; the new one's begins.
    assert _audit(session.ctx)[before:] == [
        ("user.logout", "sari", {"handed_to": "budi"}),
        ("user.login", "budi", {}),
    ]
    assert _shifts(session.ctx) == [(sari.user_id, False), (budi.user_id, True)]


def test_a_wrong_password_then_cancel_keeps_the_old_user(
    qtbot: QtBot, session: ConsoleSession, parent: QWidget
) -> None:
    sari = session.ctx.actor
    announced: list[Actor] = []
    session.user_changed.connect(announced.append)
    before = len(_audit(session.ctx))
    errors: list[str] = []

    def read_error_then_cancel(dialog: LoginDialog) -> None:
        label = dialog.findChild(QLabel, "loginError")
        assert label is not None
        errors.append(label.text())
        assert dialog.intro.text() == (
            "Sari Wulandari is logged in. The next user logs in here; Cancel keeps them logged in."
        )
        qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)

    _at_prompt(qtbot, _log_in_as(qtbot, "budi", "not-his-password"), read_error_then_cancel)
    assert change_user(parent, session) is False
    assert errors == ["Wrong username or password."]
    assert session.ctx.actor == sari
    assert announced == []
    assert [(action, user) for action, user, _ in _audit(session.ctx)[before:]] == [
        ("user.login_failed", "budi")
    ]
    assert _shifts(session.ctx) == [(sari.user_id, True)]


def test_the_same_user_again_ends_the_shift_and_begins_another(
    qtbot: QtBot, session: ConsoleSession, parent: QWidget
) -> None:
    sari = session.ctx.actor
    _at_prompt(qtbot, _log_in_as(qtbot, "sari", SUPERVISOR_PASSWORD))
    assert change_user(parent, session) is True
    assert session.ctx.actor == sari
    assert _shifts(session.ctx) == [(sari.user_id, False), (sari.user_id, True)]


def test_log_out_locks_the_console_until_someone_logs_in(
    qtbot: QtBot, session: ConsoleSession, parent: QWidget
) -> None:
    sari = session.ctx.actor
    announced: list[Actor] = []
    session.user_changed.connect(announced.append)
    before = len(_audit(session.ctx))
    still_open: list[bool] = []

    def escape_does_not_unlock(dialog: LoginDialog) -> None:
        assert dialog.findChild(QPushButton, "quitConsole") is not None
        assert not [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
        assert session.ctx.actor == NO_ONE  # while the prompt waits, no one acts at the console
        qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
        dialog.close()  # the window's close button neither
        still_open.append(dialog.isVisible())

    titles = _at_prompt(qtbot, escape_does_not_unlock, _log_in_as(qtbot, "budi", BUDI_PASSWORD))
    assert log_out(parent, session) is True
    assert titles[0] == "Console locked: Call Center 112 (KONSOL-01)"
    assert still_open == [True]
    budi = session.ctx.actor
    assert budi.user_name == "budi"
    assert announced == [NO_ONE, budi]
    assert _audit(session.ctx)[before:] == [("user.logout", "sari", {}), ("user.login", "budi", {})]
    assert _shifts(session.ctx) == [(sari.user_id, False), (budi.user_id, True)]


def test_quit_from_the_locked_console(qtbot: QtBot, session: ConsoleSession, parent: QWidget) -> None:
    sari = session.ctx.actor

    def quit_(dialog: LoginDialog) -> None:
        button = dialog.findChild(QPushButton, "quitConsole")
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    _at_prompt(qtbot, quit_)
    assert log_out(parent, session) is False
    assert not session.logged_in
    assert _shifts(session.ctx) == [(sari.user_id, False)]


def test_the_login_field_takes_keys_while_locked(
    qtbot: QtBot, session: ConsoleSession, parent: QWidget
) -> None:
    typed: list[str] = []

    def type_then_log_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.username, "sari")
        typed.append(dialog.findChild(QLineEdit, "username").text())  # type: ignore[union-attr]
        dialog.username.clear()

    _at_prompt(qtbot, type_then_log_in, _log_in_as(qtbot, "sari", SUPERVISOR_PASSWORD))
    assert log_out(parent, session) is True
    assert typed == ["sari"]
