"""The accounts dialog by keyboard: Return submits the add-account form (and the password reset), and
a focused button is seen at a glance (the focus ring of ui/style.py, light and dark palettes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QStyleFactory
from pytestqt.qtbot import QtBot

from dispatch.domain.accounts import LoginOutcome
from dispatch.domain.enums import Role
from dispatch.services import accounts
from dispatch.services.context import ServiceContext
from ui.dialogs.accounts import UserAccountsDialog
from ui.style import FocusRingStyle, apply_focus_style

ZONE = ZoneInfo("Asia/Jakarta")
PASSWORD = "operator-pagi-112"


def _dialog(qtbot: QtBot, ctx: ServiceContext) -> UserAccountsDialog:
    dialog = UserAccountsDialog(ctx, ZONE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _usernames(ctx: ServiceContext) -> list[str]:
    return [user.username for user in accounts.list_users(ctx)]


def test_return_in_the_add_form_adds_the_account(qtbot: QtBot, ctx: ServiceContext) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.username.setFocus()
    qtbot.keyClicks(dialog.username, "ani")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.full_name
    qtbot.keyClicks(dialog.full_name, "Ani Rahmawati")
    qtbot.keyClick(dialog.full_name, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.role, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.password
    # A weak password, Return in the last field: refused beside its field, the cursor put there.
    qtbot.keyClicks(dialog.password, "ani")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.repeated, "ani")
    qtbot.keyClick(dialog.repeated, Qt.Key.Key_Return)
    assert dialog.errors["password"].isVisible()
    assert dialog.errors["password"].text() == "At least 10 characters."
    assert QApplication.focusWidget() is dialog.password
    assert "ani" not in _usernames(ctx)
    # Corrected, Return in the password field itself adds it.
    qtbot.keyClicks(dialog.password, PASSWORD)  # the refused text is selected: typed over
    qtbot.mouseClick(dialog.repeated, Qt.MouseButton.LeftButton)
    dialog.repeated.selectAll()
    qtbot.keyClicks(dialog.repeated, PASSWORD)
    qtbot.mouseClick(dialog.password, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "ani" in _usernames(ctx)
    assert dialog.message.text() == "Account ani added."
    assert not dialog.errors["password"].isVisible()
    assert dialog.isVisible()  # Return added the account; it did not close the dialog


def test_return_in_the_reset_fields_resets_the_password(qtbot: QtBot, ctx: ServiceContext) -> None:
    accounts.create_user(ctx, "budi", "Budi Santoso", PASSWORD, PASSWORD, Role.CALL_TAKER)
    dialog = _dialog(qtbot, ctx)
    dialog.select_username("budi")
    # Tab from the list to Unlock (it would take Return while focused), then the mouse into the field.
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.unlock_button
    qtbot.mouseClick(dialog.reset_password, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is dialog.reset_password
    qtbot.keyClicks(dialog.reset_password, "malam-sore-2026")
    qtbot.keyClick(dialog.reset_password, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reset_repeated
    qtbot.keyClicks(dialog.reset_repeated, "malam-sore-2026")
    qtbot.keyClick(dialog.reset_repeated, Qt.Key.Key_Return)
    assert dialog.selected_message.text() == "Password of budi reset; tell them the new one in person."
    assert accounts.log_in(ctx, "budi", "malam-sore-2026").outcome is LoginOutcome.OK


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#353535"),
        (QPalette.ColorRole.WindowText, "#f0f0f0"),
        (QPalette.ColorRole.Base, "#252525"),
        (QPalette.ColorRole.Text, "#f0f0f0"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#f0f0f0"),
        (QPalette.ColorRole.Highlight, "#4ea3ff"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def focus_style(qapp: QApplication) -> Iterator[FocusRingStyle]:
    before_style, before_palette = qapp.style().name(), qapp.palette()
    style = apply_focus_style(qapp)
    yield style
    qapp.setPalette(before_palette)
    restored = QStyleFactory.create(before_style)
    assert restored is not None
    qapp.setStyle(restored)


def _edge(image: QImage) -> QColor:
    """The colour of the button's left edge, half-way down (where a focus ring is drawn)."""
    return image.pixelColor(1, image.height() // 2)


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 24


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_focused_button_has_a_ring_in_the_highlight_colour(
    qtbot: QtBot,
    qapp: QApplication,
    ctx: ServiceContext,
    focus_style: FocusRingStyle,
    palette: str,
    tmp_path: Path,
) -> None:
    if palette == "dark":
        qapp.setPalette(_dark())
    dialog = _dialog(qtbot, ctx)
    dialog.select_username("sari")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)  # from the list to its first action, as a user does
    assert QApplication.focusWidget() is dialog.unlock_button
    highlight = dialog.unlock_button.palette().color(QPalette.ColorRole.Highlight)
    focused, unfocused = dialog.unlock_button.grab().toImage(), dialog.active_button.grab().toImage()
    dialog.grab().save(str(tmp_path / f"accounts-focus-{palette}.png"))  # looked at when the rule changed
    assert _close(_edge(focused), highlight), (_edge(focused).name(), highlight.name())
    assert not _close(_edge(unfocused), highlight), _edge(unfocused).name()
    # The ring moves with the focus.
    qtbot.keyClick(dialog.unlock_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.active_button
    assert _close(_edge(dialog.active_button.grab().toImage()), highlight)
    assert not _close(_edge(dialog.unlock_button.grab().toImage()), highlight)


def test_without_the_style_the_ring_is_not_there(qtbot: QtBot, ctx: ServiceContext) -> None:
    """What the user saw before: the focused button's edge is not the highlight colour."""
    dialog = _dialog(qtbot, ctx)
    dialog.select_username("sari")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    button = QApplication.focusWidget()
    assert isinstance(button, QPushButton)
    highlight = button.palette().color(QPalette.ColorRole.Highlight)
    assert not _close(_edge(button.grab().toImage()), highlight)
