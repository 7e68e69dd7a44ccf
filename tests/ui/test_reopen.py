"""Reopening a closed incident: from the menu key on the incident shown, and from the command line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.enums import IncidentStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services.context import ServiceContext
from dispatch.store.tables import AuditEntry, Incident
from tests.ui.keys import CTRL_SHIFT, press
from tests.ui.test_command_line import answer_a_call, command, feedback
from ui.main_window import MainWindow


def status(ctx: ServiceContext, incident_id: int) -> tuple[str, str | None]:
    with ctx.database.sessions() as session:
        row = session.get_one(Incident, incident_id)
        return row.status, row.disposition


def test_a_closed_incident_is_reopened_with_ctrl_shift_f9_and_by_command(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    incident_id, number = answer_a_call(qtbot, window, feed)
    command(qtbot, window, "close . 1")
    qtbot.waitUntil(lambda: status(ctx, incident_id) == (IncidentStatus.CLOSED.value, "handled"))
    qtbot.waitUntil(lambda: window.incident_model.row_of_key(incident_id) is None)  # off the board

    # Nothing shown: the key says what to do instead of guessing an incident.
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F9, CTRL_SHIFT)
    assert "Open a closed incident first" in window.status.message_label.text()

    # Enter on its call opens the closed incident; Ctrl+Shift+F9 puts it back on the board.
    calls = window.call_model

    def call_row() -> int | None:
        return next((r for r in range(calls.rowCount()) if calls.row(r).incident_id == incident_id), None)

    qtbot.waitUntil(lambda: call_row() is not None)
    row = call_row()
    assert row is not None
    window.call_view.selectRow(row)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    press(qtbot, Qt.Key.Key_F9, CTRL_SHIFT)
    qtbot.waitUntil(lambda: status(ctx, incident_id) == (IncidentStatus.REOPENED.value, None))
    assert f"Incident {number} reopened." in window.status.message_label.text()
    qtbot.waitUntil(lambda: window.incident_model.row_of_key(incident_id) is not None)

    # Closed again by command, reopened by command (the short number of this year works).
    command(qtbot, window, f"close {number} 4")
    qtbot.waitUntil(lambda: status(ctx, incident_id)[0] == IncidentStatus.CLOSED.value)
    command(qtbot, window, f"reopen {int(number.split('-')[1])}")
    qtbot.waitUntil(lambda: status(ctx, incident_id) == (IncidentStatus.REOPENED.value, None))
    assert f"Incident {number} reopened." in feedback(window)

    command(qtbot, window, f"reopen {number}")  # not closed now: refused beside the field
    assert feedback(window).startswith("✖")
    assert window.command_line.field.text() == f"reopen {number}"
    with ctx.database.sessions() as session:
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "incident", AuditEntry.entity_id == str(incident_id))
            .order_by(AuditEntry.id)
        ).all()
    assert actions.count("incident.reopen") == 2
    assert actions.count("incident.close") == 2
