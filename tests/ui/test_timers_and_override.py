"""Overdue timers on the real window with a driven clock; acknowledgement and the supervisor override."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Role, UnitStatus
from dispatch.domain.timers import THRESHOLD_FIELDS, TimerThresholds
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import accounts, alerts, calls, dispatching, incidents
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import IncidentView
from dispatch.store.tables import Alert, AuditEntry, UnitStatusChange
from tests.conftest import SUPERVISOR_PASSWORD
from tests.services.support import unit
from tests.ui.test_call_to_dispatch import press, type_text
from ui.dialogs.settings import SettingsDialog
from ui.main_window import MainWindow
from ui.session import ConsoleSession
from ui.settings import ConsoleSettings

AMBULANCE = "DEMO-PSC-01"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _incident(ctx: ServiceContext, feed: SimulatedFeed, catalogue: Catalogue) -> IncidentView:
    ringing = feed.ring()
    opened = calls.answer_call(ctx, ringing.id)[1]
    return incidents.update_field(ctx, opened.id, "category", "LAKA", catalogue)


def _lines(window: MainWindow) -> list[str]:
    window.alarms.background_timers = False  # check on this thread, so the result is there at once
    window.tick()  # what the one-second timer does
    return window.alert_list.lines()


def test_the_one_second_check_runs_off_the_gui_thread_and_shows_its_result(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, clock: ManualClock
) -> None:
    ringing = feed.ring()
    clock.advance(15)
    assert window.alarms.background_timers
    gui_thread = threading.get_ident()
    checked_on: list[int] = []
    original = alerts.check_timers

    def spy(*args: object, **kwargs: object) -> object:
        checked_on.append(threading.get_ident())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(alerts, "check_timers", spy)
        window.tick()
        qtbot.waitUntil(lambda: ringing.number_national in " ".join(window.alert_list.lines()))
    assert checked_on
    assert gui_thread not in checked_on


def test_each_timer_appears_at_its_limit_and_ctrl_shift_a_records_the_acknowledgement(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, clock: ManualClock
) -> None:
    assert _lines(window) == ["No overdue timers."]
    ringing = feed.ring()
    clock.advance(14)
    assert _lines(window) == ["No overdue timers."]
    clock.advance(1)
    (line,) = _lines(window)
    assert line == f"⚠ OVERDUE Call from {ringing.number_national} ringing for 0:15 (limit 0:15)"

    incident = calls.answer_call(ctx, ringing.id)[1]
    clock.advance(59)
    assert _lines(window) == ["No overdue timers."]  # the ringing alert ended with the answer
    clock.advance(1)
    assert _lines(window) == [
        f"⚠ OVERDUE Incident {incident.number} answered 1:00 ago, no unit dispatched (limit 1:00)"
    ]

    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    clock.advance(119)
    assert _lines(window) == ["No overdue timers."]
    clock.advance(1)
    assert _lines(window) == [
        f"⚠ OVERDUE {AMBULANCE} dispatched 2:00 ago, not acknowledged (limit 2:00) — {incident.number}"
    ]
    clock.advance(10)
    assert _lines(window)[0].startswith(f"⚠ OVERDUE {AMBULANCE} dispatched 2:10 ago")

    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.EN_ROUTE)
    clock.advance(599)
    assert _lines(window) == ["No overdue timers."]
    clock.advance(1)
    assert _lines(window) == [f"⚠ OVERDUE {AMBULANCE} en route for 10:00 (limit 10:00) — {incident.number}"]

    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE)
    clock.advance(1799)
    assert _lines(window) == ["No overdue timers."]
    clock.advance(1)
    (on_scene,) = _lines(window)
    assert on_scene == (
        f"⚠ OVERDUE {AMBULANCE} on scene without an update for 30:00 (limit 30:00) — {incident.number}"
    )
    shown_id = window.alert_list.shown_alert_ids()[0]

    clock.advance(5)
    window.unit_view.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL_SHIFT)
    assert f"Acknowledged: {AMBULANCE}" in window.status.message_label.text()
    assert _lines(window) == ["No overdue timers."]
    with ctx.database.sessions() as session:
        rows = session.scalars(select(Alert).order_by(Alert.id)).all()
        acknowledgement = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "alert.acknowledge")
        ).one()
    assert [row.kind for row in rows] == [
        "timer_call_ringing",
        "timer_not_dispatched",
        "timer_not_acknowledged",
        "timer_en_route",
        "timer_on_scene_no_update",
    ]
    assert all(row.cleared_at is not None for row in rows[:-1])
    last = rows[-1]
    assert (last.id, last.acknowledged_at, last.acknowledged_by, last.acknowledged_console_id) == (
        shown_id,
        clock.now(),
        ctx.actor.user_id,
        ctx.console_id,
    )
    assert (acknowledgement.entity_id, acknowledgement.user_name) == (str(shown_id), "sari")


def test_an_illegal_transition_shows_the_allowed_ones_and_the_override(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    incident = _incident(ctx, feed, catalogue)
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    window.incidents.open(incident.id)
    window.dispatch_panel.assignments.setFocus()
    press(qtbot, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)  # choose status: offers Acknowledged...
    assert window.choice_bar.options["1"] is UnitStatus.ACKNOWLEDGED
    # ...while another console reports the unit already on scene.
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.EN_ROUTE)
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE)
    press(qtbot, Qt.Key.Key_1)
    message = window.dispatch_panel.message.text()
    assert message == (
        f"{AMBULANCE} is On scene: it can go to Patient contact, Transporting, Cleared. "
        "A supervisor can override (Ctrl+Shift+F7)."
    )
    assert unit(ctx, AMBULANCE).status is UnitStatus.ON_SCENE


def test_the_supervisor_overrides_with_a_reason_and_it_is_audited(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    incident = _incident(ctx, feed, catalogue)
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    window.incidents.open(incident.id)
    window.dispatch_panel.assignments.setFocus()
    press(qtbot, Qt.Key.Key_F7, CTRL_SHIFT)
    assert window.choice_bar.isVisible()
    assert UnitStatus.DISPATCHED not in window.choice_bar.options.values()
    key = next(k for k, status in window.choice_bar.options.items() if status is UnitStatus.ON_SCENE)
    press(qtbot, getattr(Qt.Key, f"Key_{key}"))
    dialog = window.findChild(QDialog, "overrideReasonDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    reason = dialog.findChild(QLineEdit, "overrideReason")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reason)
    press(qtbot, Qt.Key.Key_Return)  # no reason yet: refused next to the field
    assert dialog.isVisible()
    assert dialog.error.text() == "Write why the status is overridden."
    type_text(qtbot, "Radio mati, tiba menurut telepon")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.status.message_label.text() == f"{AMBULANCE} is now On scene (override recorded)."
    with ctx.database.sessions() as session:
        last = session.scalars(
            select(UnitStatusChange)
            .where(UnitStatusChange.unit_id == ambulance.id)
            .order_by(UnitStatusChange.id.desc())
        ).first()
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "unit.status.override")).one()
    assert last is not None
    assert (last.from_status, last.to_status, last.override_reason) == (
        "dispatched",
        "on_scene",
        "Radio mati, tiba menurut telepon",
    )
    assert (last.user_id, last.console_id) == (ctx.actor.user_id, ctx.console_id)
    assert entry.user_name == "sari"
    assert json.loads(entry.detail or "{}")["reason"] == "Radio mati, tiba menurut telepon"


def test_a_call_taker_is_told_that_overriding_is_for_supervisors(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, feed: SimulatedFeed
) -> None:
    accounts.create_user(
        ctx, "budi", "Budi Santoso", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD, Role.CALL_TAKER
    )
    actor = accounts.log_in(ctx, "budi", SUPERVISOR_PASSWORD).actor
    assert actor is not None
    incident = _incident(ctx, feed, catalogue)
    dispatching.assign_units(ctx, incident.id, [unit(ctx, AMBULANCE).id])
    main = MainWindow(ConsoleSession(ctx.acting_as(actor), catalogue, "en"))
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    qtbot.waitUntil(main.isActiveWindow)
    main.incidents.open(incident.id)
    main.dispatch_panel.assignments.setFocus()
    qtbot.keyClick(main.dispatch_panel.assignments, Qt.Key.Key_F7, CTRL_SHIFT)
    assert main.status.message_label.text() == (
        "Your role (Call-taker) cannot do this: Override the unit's status (supervisor)."
    )
    assert not main.choice_bar.isVisible()
    assert main.findChild(QDialog, "overrideReasonDialog") is None
    main.close()


def test_timer_limits_are_checked_beside_each_field_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    dialog = SettingsDialog(ConsoleSettings.load(), role=Role.SUPERVISOR)
    qtbot.addWidget(dialog)
    timers = dialog.timers
    assert [timers.fields[name].text() for name in THRESHOLD_FIELDS] == [
        "0:15",
        "1:00",
        "2:00",
        "10:00",
        "30:00",
    ]
    dialog.console_name.setText("KONSOL-02")
    timers.fields["call_ringing"].setText("abc")
    timers.fields["en_route"].setText("2")
    dialog._save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert timers.errors["call_ringing"].text() == "Write minutes:seconds (2:00) or seconds (120)."
    assert timers.errors["en_route"].text() == "At least 5 seconds."
    assert not timers.errors["not_dispatched"].isVisibleTo(dialog)
    assert ConsoleSettings.load().thresholds == TimerThresholds()  # nothing saved
    timers.fields["call_ringing"].setText("20")
    timers.fields["en_route"].setText("12:30")
    timers.alert_sound.setChecked(True)
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    loaded = ConsoleSettings.load()
    assert loaded.thresholds == TimerThresholds(call_ringing=20, en_route=750)
    assert loaded.alert_sound is True
