"""A simulated call from ringing to a closed incident, by keyboard alone, checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.enums import AgencyType, CallClass, CallState, IncidentStatus, UnitStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Assignment, AuditEntry, Call, Incident, IncidentNote, Unit, UnitStatusChange
from tests.ui.keys import press, type_text
from ui.main_window import MainWindow
from ui.widgets.dispatch_panel import UnitIdRole

# ... and available again: released by the close (issue 10).
LIFECYCLE = ["available", "dispatched", "acknowledged", "en_route", "on_scene", "cleared", "available"]


def test_call_answered_dispatched_and_closed_by_keyboard(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    call = feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    assert window.call_model.first_ringing().id == call.id  # type: ignore[union-attr]
    window.call_view.setFocus()

    press(qtbot, Qt.Key.Key_F2)  # answer
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident_id = window.incident_panel.incident.id  # type: ignore[union-attr]
    assert QApplication.focusWidget() is window.incident_panel.category

    type_text(qtbot, "LAKA")  # keyboard search in the category list
    press(qtbot, Qt.Key.Key_Tab)  # priority
    press(qtbot, Qt.Key.Key_Tab)  # caller name
    type_text(qtbot, "Budi Santoso")
    press(qtbot, Qt.Key.Key_Tab)  # callback number (prefilled from the caller ID)
    press(qtbot, Qt.Key.Key_Tab)  # street
    type_text(qtbot, "Jl. Pemuda")
    press(qtbot, Qt.Key.Key_Tab)  # house number
    type_text(qtbot, "118")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.incident_panel.save_state == "saved")
    assert "✔" in window.incident_panel.saved_label.text()

    press(qtbot, Qt.Key.Key_F8)  # note
    assert QApplication.focusWidget() is window.incident_panel.note_input
    type_text(qtbot, "Dua motor bertabrakan, satu korban sadar.")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Dua motor" in window.incident_panel.narrative.toPlainText())

    # The boards follow the saved category: the category's agencies are starred and listed first.
    qtbot.waitUntil(lambda: window.dispatch_panel.candidate_model.item(0).text().startswith("★"))
    press(qtbot, Qt.Key.Key_F6)  # dispatch: medical units come first for LAKA, then police
    candidates = window.dispatch_panel.candidates
    assert QApplication.focusWidget() is candidates
    agencies = [
        _agency_of(ctx, candidates.model().index(r, 0).data(UnitIdRole))
        for r in range(candidates.model().rowCount())
    ]
    assert agencies[0] is AgencyType.MEDICAL
    first_police = agencies.index(AgencyType.POLICE)
    assert all(a is AgencyType.MEDICAL for a in agencies[:first_police])
    press(qtbot, Qt.Key.Key_Space)  # mark the first medical unit
    for _ in range(first_police):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # mark the first police unit
    press(qtbot, Qt.Key.Key_Return)  # send both
    qtbot.waitUntil(lambda: window.dispatch_panel.assignment_model.rowCount() == 2)

    assert QApplication.focusWidget() is window.dispatch_panel.assignments
    for row in range(2):
        if row:
            press(qtbot, Qt.Key.Key_Down)  # the second unit
        for step in (UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE):
            press(qtbot, Qt.Key.Key_F7)
            qtbot.waitUntil(
                lambda s=step, r=row: window.dispatch_panel.assignment_model.row(r).unit_status is s
            )
    qtbot.waitUntil(
        lambda: all(
            a.unit_status is UnitStatus.ON_SCENE for a in window.dispatch_panel.assignment_model.rows()
        )
    )
    board_row = window.incident_model.row_of_key(incident_id)
    assert board_row is not None
    assert window.incident_model.row(board_row).status is IncidentStatus.ON_SCENE

    press(qtbot, Qt.Key.Key_F9)  # close: units still out, so it asks first, naming them
    assert window.choice_bar.isVisible()
    assert "still out" in window.choice_bar.prompt
    press(qtbot, Qt.Key.Key_1)  # close and release them
    press(qtbot, Qt.Key.Key_1)  # handled on scene
    qtbot.waitUntil(lambda: window.incident_model.row_of_key(incident_id) is None)

    _check_database(ctx, call.id, incident_id)


def _agency_of(ctx: ServiceContext, unit_id: int) -> AgencyType:
    with ctx.database.sessions() as session:
        return AgencyType(session.get_one(Unit, unit_id).agency_type)


def _check_database(ctx: ServiceContext, call_id: int, incident_id: int) -> None:
    user_id = ctx.actor.user_id
    with ctx.database.sessions() as session:
        call = session.get_one(Call, call_id)
        assert call.state == CallState.ENDED.value  # ended with its incident
        assert call.classification == CallClass.EMERGENCY.value
        assert call.answered_by == user_id
        assert call.console_id == ctx.console_id
        assert call.incident_id == incident_id
        assert call.answered_at is not None
        assert call.answered_at >= call.ring_at

        incident = session.get_one(Incident, incident_id)
        assert incident.status == IncidentStatus.CLOSED.value
        assert incident.disposition == "handled"
        assert (incident.category, incident.priority) == ("LAKA", "P2")
        assert (incident.caller_name, incident.street, incident.house_number) == (
            "Budi Santoso",
            "Jl. Pemuda",
            "118",
        )
        assert incident.callback_number  # from the caller ID
        notes = session.scalars(select(IncidentNote).where(IncidentNote.incident_id == incident_id)).all()
        assert any(n.kind == "narrative" and n.author_id == user_id for n in notes)

        assignments = session.scalars(select(Assignment).where(Assignment.incident_id == incident_id)).all()
        assert len(assignments) == 2
        kinds = set()
        for assignment in assignments:
            unit = session.get_one(Unit, assignment.unit_id)
            kinds.add(unit.agency_type)
            assert unit.status == UnitStatus.AVAILABLE.value  # cleared, then released by the close
            stamps = [
                assignment.dispatched_at,
                assignment.acknowledged_at,
                assignment.en_route_at,
                assignment.on_scene_at,
                assignment.cleared_at,
            ]
            assert all(s is not None for s in stamps)
            assert stamps == sorted(stamps)  # type: ignore[type-var]
            history = session.scalars(
                select(UnitStatusChange)
                .where(UnitStatusChange.unit_id == unit.id)
                .order_by(UnitStatusChange.id)
            ).all()
            assert [h.to_status for h in history] == LIFECYCLE
            for change in history[1:]:
                assert change.user_id == user_id
                assert change.console_id == ctx.console_id
                assert change.assignment_id == assignment.id
                assert change.at.tzinfo is not None
        assert kinds == {AgencyType.MEDICAL.value, AgencyType.POLICE.value}

        audit = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        for row in audit:
            assert row.console_name == "KONSOL-01"
            assert row.console_id == ctx.console_id
            assert row.user_name in ("sari", "system")
            assert row.at.tzinfo is not None
        actions = [row.action for row in audit if row.user_name == "sari"]
        for expected in (
            "call.answer",
            "incident.open",
            "incident.update",
            "incident.note",
            "unit.dispatch",
            "unit.status",
            "incident.close",
        ):
            assert expected in actions, expected
        assert actions.count("unit.dispatch") == 2
        assert actions.count("unit.status") == 8  # 3 steps and the clearing at close, for each unit
        # The first account is made before anyone has logged in; the feed acts as the system.
        assert [r.action for r in audit if r.user_name == "system"] == [
            "console.register",
            "user.create",
            "call.incoming",
        ]
