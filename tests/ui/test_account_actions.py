"""The supervisor's actions on a selected account in the User accounts dialog, driven by mouse and keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from dispatch.domain.accounts import MAX_FAILED_LOGINS, LoginOutcome
from dispatch.domain.clock import SystemClock
from dispatch.domain.enums import Role
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store.database import open_database, sqlite_url
from ui.dialogs.accounts import UserAccountsDialog
from ui.i18n import install_translator

ZONE = ZoneInfo("Asia/Jakarta")
PASSWORD = "operator-112"
LAST_MANAGER = "No one would be left to manage accounts: add another supervisor first."


@pytest.fixture
def console(tmp_path: Path) -> Iterator[ServiceContext]:
    database = open_database(sqlite_url(tmp_path / "accounts.sqlite3"))
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "K1", "h")
    sari = accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", "rahasia-112", "rahasia-112")
    supervisor = ctx.acting_as(sari)
    accounts.create_user(supervisor, "budi", "Budi Santoso", PASSWORD, PASSWORD, Role.CALL_TAKER)
    yield supervisor
    database.dispose()


def _dialog(qtbot: QtBot, ctx: ServiceContext) -> UserAccountsDialog:
    dialog = UserAccountsDialog(ctx, ZONE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_nothing_selected_no_action_offered(qtbot: QtBot, console: ServiceContext) -> None:
    dialog = _dialog(qtbot, console)
    assert dialog.selected_user() is None
    assert not dialog.unlock_button.isEnabled()
    assert not dialog.reset_button.isEnabled()
    assert dialog.selected_label.text() == "Choose an account in the list."


def test_a_supervisor_unlocks_deactivates_reactivates_and_resets(
    qtbot: QtBot, console: ServiceContext
) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        accounts.log_in(console, "budi", "wrong-password")
    dialog = _dialog(qtbot, console)
    dialog.select_username("budi")
    assert dialog.selected_label.text().startswith("budi (Budi Santoso): Locked until ")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.selected_message.text() == "Account budi unlocked."
    assert accounts.log_in(console, "budi", PASSWORD).outcome is LoginOutcome.OK

    assert dialog.active_button.text() == "&Deactivate"
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert dialog.selected_message.text() == "Account budi deactivated: it can no longer log in."
    assert dialog.selected_label.text() == "budi (Budi Santoso): Deactivated"
    assert accounts.log_in(console, "budi", PASSWORD).outcome is LoginOutcome.INACTIVE
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert accounts.log_in(console, "budi", PASSWORD).outcome is LoginOutcome.OK

    # A weak password is refused beside its field; nothing is changed.
    qtbot.keyClicks(dialog.reset_password, "budi-malam-112")
    qtbot.keyClicks(dialog.reset_repeated, "budi-malam-112")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.reset_errors["password"].isVisibleTo(dialog)
    assert dialog.reset_errors["password"].text() == "The password must not contain the username."
    dialog.reset_password.setText("nasi-goreng-malam")
    dialog.reset_repeated.setText("nasi-goreng-siang")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert not dialog.reset_errors["password"].isVisibleTo(dialog)
    assert dialog.reset_errors["repeated"].text() == "The two passwords are not the same."
    assert accounts.log_in(console, "budi", PASSWORD).outcome is LoginOutcome.OK
    dialog.reset_repeated.setText("nasi-goreng-malam")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.reset_password.text() == ""
    assert accounts.log_in(console, "budi", "nasi-goreng-malam").outcome is LoginOutcome.OK


def test_role_changes_and_their_refusals_beside_the_role(qtbot: QtBot, console: ServiceContext) -> None:
    dialog = _dialog(qtbot, console)
    # A supervisor is not offered the administrator role at all.
    offered = [dialog.change_role_combo.itemData(i) for i in range(dialog.change_role_combo.count())]
    assert offered == ["call_taker", "dispatcher", "supervisor"]
    dialog.select_username("budi")
    dialog.change_role_combo.setCurrentIndex(dialog.change_role_combo.findData("dispatcher"))
    qtbot.mouseClick(dialog.change_role_button, Qt.MouseButton.LeftButton)
    assert dialog.selected_message.text() == "Role of budi changed."
    assert dialog.table.item(0, 2).text() == "Dispatcher"  # budi sorts first
    # The only supervisor cannot make herself a dispatcher: said next to the role.
    dialog.select_username("sari")
    dialog.change_role_combo.setCurrentIndex(dialog.change_role_combo.findData("dispatcher"))
    qtbot.mouseClick(dialog.change_role_button, Qt.MouseButton.LeftButton)
    assert dialog.role_error.isVisibleTo(dialog)
    assert (
        dialog.role_error.text() == "No one would be left to manage accounts: add another supervisor first."
    )
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.state_error.text() == "No one would be left to manage accounts: add another supervisor first."
    )


def test_a_call_taker_sees_the_list_but_no_actions(qtbot: QtBot, console: ServiceContext) -> None:
    budi = accounts.log_in(console, "budi", PASSWORD).actor
    assert budi is not None
    dialog = _dialog(qtbot, console.acting_as(budi))
    dialog.select_username("sari")
    assert dialog.selected_user() is not None
    for button in (
        dialog.unlock_button,
        dialog.active_button,
        dialog.change_role_button,
        dialog.reset_button,
    ):
        assert not button.isEnabled()
    assert dialog.message.text() == "Only a supervisor or an administrator can add accounts."


def test_the_new_role_label_is_reached_by_its_alt_key_and_shows_no_ampersand(
    qtbot: QtBot, console: ServiceContext
) -> None:
    dialog = _dialog(qtbot, console)
    dialog.select_username("budi")
    labels = [label for label in dialog.findChildren(QLabel) if label.text() == "New ro&le"]
    assert len(labels) == 1
    assert labels[0].buddy() is dialog.change_role_combo
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.username.setFocus()
    qtbot.keyClick(dialog.username, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert dialog.change_role_combo.hasFocus()
    assert dialog.username.text() == ""


def test_a_message_about_one_account_goes_when_another_is_chosen(
    qtbot: QtBot, console: ServiceContext
) -> None:
    dialog = _dialog(qtbot, console)
    dialog.select_username("budi")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.selected_message.text() == "Account budi unlocked."
    dialog.select_username("sari")
    assert dialog.selected_message.text() == ""


def test_a_refused_new_account_puts_the_cursor_in_the_first_refused_field(
    qtbot: QtBot, console: ServiceContext
) -> None:
    dialog = _dialog(qtbot, console)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.username, "ani")
    qtbot.keyClicks(dialog.full_name, "Ani Rahmawati")
    qtbot.keyClicks(dialog.password, "ani-rahmawati")
    qtbot.keyClicks(dialog.repeated, "ani-rahmawati")
    dialog.repeated.setFocus()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["password"].text() == "The password must not contain the username."
    assert dialog.password.hasFocus()
    assert dialog.password.selectedText() == "ani-rahmawati"


def test_the_dialog_fits_a_1366x768_screen_with_a_title_bar(qtbot: QtBot, console: ServiceContext) -> None:
    dialog = _dialog(qtbot, console)
    assert dialog.height() <= 768 - 80  # a title bar and a panel
    assert dialog.minimumSizeHint().height() <= dialog.height()


def test_every_column_header_is_shown_whole_in_indonesian(
    qtbot: QtBot, qapp: QApplication, console: ServiceContext
) -> None:
    translator = install_translator(qapp, "id")
    try:
        dialog = _dialog(qtbot, console)
    finally:
        qapp.removeTranslator(translator)
    assert dialog.table.horizontalHeaderItem(0).text() == "Nama pengguna"
    header = dialog.table.horizontalHeader()
    for column in range(dialog.table.columnCount() - 1):  # the last one stretches
        text = dialog.table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text) + 8, text


def test_the_last_column_still_takes_the_rest_after_an_account_is_added(
    qtbot: QtBot, console: ServiceContext
) -> None:
    dialog = _dialog(qtbot, console)
    qtbot.keyClicks(dialog.username, "ani")
    qtbot.keyClicks(dialog.full_name, "Ani Rahmawati")
    qtbot.keyClicks(dialog.password, "gudeg-jogja-malam")
    qtbot.keyClicks(dialog.repeated, "gudeg-jogja-malam")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 3
    header = dialog.table.horizontalHeader()
    assert header.length() >= dialog.table.viewport().width()


def test_refusals_one_after_another_leave_the_accounts_in_view(qtbot: QtBot, console: ServiceContext) -> None:
    dialog = _dialog(qtbot, console)
    dialog.select_username("sari")  # the only supervisor
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert dialog.state_error.isVisibleTo(dialog)
    dialog.change_role_combo.setCurrentIndex(dialog.change_role_combo.findData("dispatcher"))
    qtbot.mouseClick(dialog.change_role_button, Qt.MouseButton.LeftButton)
    assert dialog.role_error.isVisibleTo(dialog)
    assert not dialog.state_error.isVisibleTo(dialog)  # the older refusal went
    qtbot.wait(50)
    assert dialog.height() <= 768 - 80
    assert dialog.table.viewport().height() >= 2 * dialog.table.rowHeight(0)  # both accounts seen


def test_choosing_the_role_an_account_already_has_says_so_and_changes_nothing(
    qtbot: QtBot, console: ServiceContext
) -> None:
    dialog = _dialog(qtbot, console)
    dialog.select_username("budi")
    current = dialog.selected_user()
    assert current is not None
    dialog.change_role_combo.setCurrentIndex(dialog.change_role_combo.findData(current.role.value))
    qtbot.mouseClick(dialog.change_role_button, Qt.MouseButton.LeftButton)
    assert dialog.role_error.isVisibleTo(dialog)
    assert dialog.role_error.text() == "budi already has this role."
    assert dialog.selected_message.text() == ""  # not "Role of budi changed."
