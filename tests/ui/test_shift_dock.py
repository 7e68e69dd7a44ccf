"""The duty shift by keyboard, on a real SQLite file: a supervisor opens the shift, types the pass-down,
closes the shift and signs the handover off; the signer's own acknowledgement is refused in words; the
next supervisor logs in over her (Ctrl+Shift+L) and acknowledges; an addendum; the report saved."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Role
from dispatch.domain.shifts import ShiftCode
from dispatch.services import accounts, handover, shifts
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Attendance
from tests.ui.keys import CTRL, CTRL_SHIFT, press, type_text
from ui import positions
from ui.dialogs.accounts import LoginDialog
from ui.main_window import MainWindow
from ui.positions import Position

BUDI_PASSWORD = "koordinator-malam-112"
ANDI_PASSWORD = "operator-pagi-112"


@pytest.fixture
def supervisors(ctx: ServiceContext) -> ServiceContext:
    """A second supervisor (the incoming lead) and a call-taker, beside ``sari``."""
    accounts.create_user(ctx, "budi", "Budi Santoso", BUDI_PASSWORD, BUDI_PASSWORD, Role.SUPERVISOR)
    accounts.create_user(ctx, "andi", "Andi Wijaya", ANDI_PASSWORD, ANDI_PASSWORD, Role.CALL_TAKER)
    return ctx


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """The handover report is read off the GUI thread: wait for it."""
    qtbot.waitUntil(lambda: not window.shifts.busy, timeout=5000)
    qtbot.wait(10)


def at_modal(qtbot: QtBot, kind: type[QDialog], *steps: Callable[[QDialog], None]) -> list[str]:
    """Run ``steps`` on the modal dialog of ``kind`` once it is up (it runs its own event loop)."""
    seen: list[str] = []
    remaining = list(steps)

    def next_step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            QTimer.singleShot(10, next_step)
            return
        seen.append(dialog.windowTitle())
        try:
            remaining.pop(0)(dialog)
        except BaseException:
            remaining.clear()
            QDialog.done(dialog, 0)
            raise
        if remaining:
            QTimer.singleShot(10, next_step)

    QTimer.singleShot(0, next_step)
    return seen


def log_in_as(qtbot: QtBot, username: str, password: str) -> Callable[[QDialog], None]:
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    return step


@pytest.fixture
def shift_window(window: MainWindow, supervisors: ServiceContext) -> MainWindow:
    return window


# The file dialog asks the offscreen platform for what it does not have (the test does not need it).
@pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard")
def test_a_shift_from_opening_to_acknowledgement_by_keyboard(
    qtbot: QtBot, shift_window: MainWindow, clock: ManualClock, tmp_path: Path
) -> None:
    window = shift_window
    panel = window.shift_panel
    ctx = window.session.ctx
    window.call_view.setFocus()

    # Opened: the pattern's shift now (12:00 WIB: the morning shift, 07:00-15:00).
    press(qtbot, Qt.Key.Key_O, CTRL_SHIFT)
    settle(qtbot, window)
    opened = shifts.current_shift(ctx)
    assert opened is not None
    assert (opened.code, opened.opened_by) == (ShiftCode.MORNING, "sari")
    assert window.status.message() == "Opened: Morning 2026-11-27 07:00–15:00 (open)."
    assert panel.heading.text() == "Morning shift, 2026-11-27 07:00 to 15:00"
    assert QApplication.focusWidget() is panel.pass_down
    assert window.docks[positions.SHIFT].isVisible()
    # Sari logged in before the shift was opened and is still here: she is on duty.
    assert [panel.staff.item(0, c).text() for c in (0, 1)] == ["Sari Wulandari", "Supervisor"]

    # The pass-down saved as the field is left (Tab), the planned events by Ctrl+Enter.
    type_text(qtbot, "Jl. Pemuda ditutup sampai pukul 18.00 (pawai).")
    assert panel.save_state.text() == "● Changed, not saved yet (Tab or Ctrl+Enter saves)."
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.planned_events
    assert panel.save_state.text() == "✔ Saved at 12:00:00."
    assert panel.save_state.property("state") == "saved"
    type_text(qtbot, "Konser di Simpang Lima, 19.00.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    stored = shifts.shift(ctx, opened.id)
    assert stored.pass_down == "Jl. Pemuda ditutup sampai pukul 18.00 (pawai)."
    assert stored.planned_events == "Konser di Simpang Lima, 19.00."

    # Too long a text is refused, and the field says so in words.
    QGuiApplication.clipboard().setText("x" * 2100)
    press(qtbot, Qt.Key.Key_End, CTRL)
    press(qtbot, Qt.Key.Key_V, CTRL)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert panel.save_state.property("state") == "refused"
    assert panel.save_state.text().startswith("✘ Not saved: ")
    assert window.status.message().startswith("Pass-down not saved: ")
    assert shifts.shift(ctx, opened.id).planned_events == "Konser di Simpang Lima, 19.00."
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the paste undone
    assert panel.planned_events.toPlainText() == "Konser di Simpang Lima, 19.00."

    # Signing while the shift is still open is not offered: the shift is closed first (it asks).
    clock.advance(3 * 3600)
    press(qtbot, Qt.Key.Key_C, CTRL_SHIFT)
    assert window.choice_bar.isVisible()
    assert window.choice_bar.prompt == (
        "Close Morning 2026-11-27 07:00–15:00 (open)? Its handover report can then be signed."
    )
    press(qtbot, "1")
    settle(qtbot, window)
    closed = shifts.shift(ctx, opened.id)
    assert closed.closed_by == "sari"
    assert panel.details.text().startswith(
        "Closed. Opened 2026-11-27 12:00 by sari; closed 2026-11-27 15:00 by sari"
    )
    assert "draft, not signed" in panel.handover_state.text()
    assert "Shift handover report" in panel.report.toPlainText()

    press(qtbot, Qt.Key.Key_S, CTRL_SHIFT)
    assert window.choice_bar.prompt.startswith("Sign off the handover report of Morning 2026-11-27")
    press(qtbot, "1")
    settle(qtbot, window)
    signed = handover.signed_handover(ctx, opened.id)
    assert signed is not None
    assert signed.signed_by == "sari"
    assert panel.handover_state.text().startswith("✔ Signed by sari at 2026-11-27 15:00.")
    assert "✘ Not acknowledged yet" in panel.handover_state.text()
    assert panel.pass_down.isReadOnly()
    assert window.status.message() == "Handover report signed. The incoming lead acknowledges it."

    # The signer cannot acknowledge her own report: refused, in words on screen.
    press(qtbot, Qt.Key.Key_T, CTRL_SHIFT)
    press(qtbot, "1")
    assert window.status.message() == "The incoming lead acknowledges: not the person who signed the report."
    assert handover.signed_handover(ctx, opened.id).acknowledged_at is None  # type: ignore[union-attr]

    # The incoming lead logs in over her (Ctrl+Shift+L) and acknowledges.
    clock.advance(300)
    titles = at_modal(qtbot, LoginDialog, log_in_as(qtbot, "budi", BUDI_PASSWORD))
    press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    assert titles
    assert titles[0].startswith("Change user")
    assert window.session.ctx.actor.user_name == "budi"
    ctx = window.session.ctx
    window.activateWindow()  # the window manager's part, when the login dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_T, CTRL_SHIFT)
    assert window.choice_bar.prompt.startswith("Acknowledge the handover report of Morning 2026-11-27")
    assert "(Budi Santoso)" in window.choice_bar.prompt
    press(qtbot, "1")
    settle(qtbot, window)
    acknowledged = handover.signed_handover(ctx, opened.id)
    assert acknowledged is not None
    assert acknowledged.acknowledged_by == "budi"
    assert "✔ Acknowledged by budi at 2026-11-27 15:05." in panel.handover_state.text()
    assert window.status.message() == "Handover report acknowledged."
    # Budi logged in at this console in the position the window was in (no shift open then).
    with ctx.database.sessions() as db:
        logged_in = db.scalars(select(Attendance).where(Attendance.user_id == ctx.actor.user_id)).one()
    assert (logged_in.position, logged_in.duty_shift_id) == (Position.SUPERVISOR.value, None)

    # A correction is an addendum (Ctrl+Shift+N, Enter): the report itself stays as signed.
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    assert QApplication.focusWidget() is panel.addendum
    type_text(qtbot, "Pawai diundur ke pukul 19.00.")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot, window)
    final = handover.signed_handover(ctx, opened.id)
    assert final is not None
    assert [a.text for a in final.addenda] == ["Pawai diundur ke pukul 19.00."]
    assert final.content_sha256 == signed.content_sha256
    assert "Pawai diundur ke pukul 19.00." in panel.report.toPlainText()

    # Saved as JSON by keyboard (Ctrl+Shift+E, 3, a file name, Enter): what the report command writes.
    target = tmp_path / "serah-terima.json"

    def type_name(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.selectAll()
        qtbot.keyClicks(name, str(target))
        # The first Return may take the completer's suggestion; the next one saves.
        for _ in range(3):
            if dialog.isVisible():
                qtbot.keyClick(name, Qt.Key.Key_Return)

    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL_SHIFT)
    assert window.choice_bar.prompt.startswith("Save the handover report of Morning 2026-11-27")
    at_modal(qtbot, QFileDialog, type_name)
    press(qtbot, "3")
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["state"] == "acknowledged"
    assert saved["content"] == final.content
    assert saved["signature"]["content_sha256"] == final.content_sha256
    assert window.status.message() == f"Saved: {target}"


def test_a_call_taker_has_no_shift_dock_and_its_keys_say_why(qtbot: QtBot, shift_window: MainWindow) -> None:
    window = shift_window
    at_modal(qtbot, LoginDialog, log_in_as(qtbot, "andi", ANDI_PASSWORD))
    press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.session.ctx.actor.user_name == "andi"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for dock in (positions.SHIFT, positions.REVIEW, positions.FIGURES):
        assert not window.docks[dock].isVisible()
        assert not window.docks[dock].toggleViewAction().isVisible()
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_O, CTRL_SHIFT)
    assert window.status.message() == "Your role (Call-taker) cannot do this: Open the shift."
    assert shifts.current_shift(window.session.ctx) is None
    press(qtbot, Qt.Key.Key_6, CTRL)
    assert window.status.message() == "Your role (Call-taker) cannot do this: Shift log."
    window.take_position(Position.SUPERVISOR)  # Alt+3 is anyone's: still without the shift dock
    assert not window.docks[positions.SHIFT].isVisible()
    assert not window.run_action("positionReview")


def test_a_past_shift_is_picked_from_the_list(
    qtbot: QtBot, shift_window: MainWindow, clock: ManualClock
) -> None:
    window = shift_window
    ctx = window.session.ctx
    panel = window.shift_panel
    window.run_action("openShift")
    settle(qtbot, window)
    first = shifts.current_shift(ctx)
    assert first is not None
    type_text(qtbot, "Catatan pagi.")
    clock.advance(3 * 3600 + 60)  # 15:01: the afternoon shift
    window.run_action("closeShift")
    press(qtbot, "1")  # the pass-down is saved before the shift closes
    assert shifts.shift(ctx, first.id).pass_down == "Catatan pagi."
    window.run_action("openShift")
    settle(qtbot, window)
    second = shifts.current_shift(ctx)
    assert second is not None
    assert second.code is ShiftCode.AFTERNOON
    assert panel.heading.text() == "Afternoon shift, 2026-11-27 15:00 to 23:00"
    assert panel.pass_down.toPlainText() == ""
    # Ctrl+5, then the list: the morning shift again, with its pass-down.
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_5, CTRL)
    assert QApplication.focusWidget() is panel.shift_list
    assert [panel.shift_list.itemText(i) for i in range(panel.shift_list.count())] == [
        "Afternoon 2026-11-27 15:00–23:00 (open)",
        "Morning 2026-11-27 07:00–15:00",
    ]
    press(qtbot, Qt.Key.Key_Down)
    settle(qtbot, window)
    assert panel.heading.text() == "Morning shift, 2026-11-27 07:00 to 15:00"
    assert panel.pass_down.toPlainText() == "Catatan pagi."
    assert isinstance(panel.pass_down, QPlainTextEdit)


def test_the_handover_and_the_figures_are_saved_as_pdf_and_csv(
    qtbot: QtBot, shift_window: MainWindow, tmp_path: Path
) -> None:
    """The report in front: the handover unless the figures panel has the keyboard."""
    window = shift_window
    window.run_action("openShift")
    settle(qtbot, window)
    reports = window.reports
    assert reports.in_front() is window.shifts
    assert reports.save_now(window.shifts, "pdf", tmp_path / "serah-terima.pdf")
    assert (tmp_path / "serah-terima.pdf").read_bytes().startswith(b"%PDF")
    window.run_action("figures")
    qtbot.waitUntil(lambda: window.figures.current is not None and not window.figures.busy, timeout=5000)
    assert reports.in_front() is window.figures
    assert reports.save_now(window.figures, "csv", tmp_path / "angka.csv")
    header = (tmp_path / "angka.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("section,item,field,value")
    assert window.status.message() == f"Saved: {tmp_path / 'angka.csv'}"
