"""The issue's story, in the real window by keyboard: a fire call in Tembalang answered (F2), its
category and kelurahan typed, forwarded to Damkar (who takes it on the phone) and to the Polsek of
Tembalang (by radio, nobody answering), the Polsek's acknowledgement overdue (an alert after its own
limit, the manual clock moved on), the Polsek acknowledging late, both arriving and handling it, and
the incident closed by the last report; every row and audit row checked in the database."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.catalogue_files import load_demo_agencies
from dispatch.domain.areas import AreaLevel, area_index
from dispatch.domain.clock import ManualClock
from dispatch.domain.forwarding import ForwardState
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import agencies
from dispatch.services.context import ServiceContext
from dispatch.store.tables import (
    Alert,
    AuditEntry,
    Call,
    Forwarding,
    ForwardingReport,
    Incident,
    IncidentNote,
)
from tests.ui.keys import CTRL, press, type_text
from ui.main_window import MainWindow
from ui.positions import Position
from ui.timefmt import local_time

ALT = Qt.KeyboardModifier.AltModifier


def tembalang() -> str:
    """Kelurahan Tembalang, Kecamatan Tembalang (33.74.10), Kota Semarang."""
    found = [
        match.code
        for match in area_index().search("tembalang", within="33.74")
        if match.level is AreaLevel.VILLAGE
        and match.name == "Tembalang"
        and match.code.startswith("33.74.10.")
    ]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def directory(ctx: ServiceContext) -> dict[str, int]:
    """The demonstration directory, entered by the supervisor as the editor does: code -> id."""
    return {spec.code: agencies.create_agency(ctx, spec).id for spec in load_demo_agencies()}


def last_audit_id(ctx: ServiceContext) -> int:
    with ctx.database.sessions() as session:
        return session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0


def test_a_fire_in_tembalang_forwarded_by_keyboard_followed_up_and_closed(
    qtbot: QtBot,
    window: MainWindow,
    feed: SimulatedFeed,
    ctx: ServiceContext,
    clock: ManualClock,
    directory: dict[str, int],
) -> None:
    zone = window.session.zone
    window.session.centre_area = "33.74"
    damkar, polsek = directory["DAMKAR-SMG"], directory["POLSEK-TEMBALANG"]
    audit_from = last_audit_id(ctx)
    panel = window.forwarding_panel
    press(qtbot, Qt.Key.Key_1, ALT)  # the call-taker's position
    assert window.session.position == Position.CALL_TAKER.value

    # -- the call: answered, a fire, in Tembalang -------------------------------------------------
    call = feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident_id = window.incident_panel.incident.id  # type: ignore[union-attr]
    answered_at = clock.now()
    assert QApplication.focusWidget() is window.incident_panel.category
    type_text(qtbot, "FIRE")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_L, CTRL)  # the area: type, arrows and Enter
    type_text(qtbot, "tembalang tembalang")
    suggestions = window.incident_panel.location.suggestions
    shown = [suggestions.item(row).text() for row in range(suggestions.count())]
    wanted = next(i for i, text in enumerate(shown) if text.startswith("Tembalang, Tembalang, Kota Semarang"))
    for _ in range(wanted):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _incident(ctx, incident_id).area_code == tembalang())
    assert _incident(ctx, incident_id).category == "FIRE"

    # -- whom to call ----------------------------------------------------------------------------
    clock.advance(15)
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert QApplication.focusWidget() is panel.choices
    assert panel.choices.current_agency() == damkar
    lines = [panel.choices.item(row).text() for row in range(panel.choices.count())]
    assert lines[0].splitlines() == [
        "Damkar Kota Semarang (DEMO) · Fire and rescue",
        "Tel. (024) 7600-0113, 0811-2700-0113 · radio HT kanal DEMO-3 · SMS 0811-2700-0113 · "
        "hours 24 jam · acknowledge within 3:00",
    ]
    assert lines[1] == "Other agencies covering this area:"
    # The kecamatan's Polsek, not the kota's Polrestabes (in the room: its units go with F6).
    assert lines[2].startswith("Polsek Tembalang (DEMO) · Police\nTel. (024) 7600-0210")
    assert not any("Polrestabes" in line for line in lines)
    assert any(
        line.startswith("PSC 119 Kota Semarang (DEMO) · Medical · in the room: send its units with F6")
        for line in lines
    )

    # Damkar: on the phone, Pak Joko takes it and gives their reference.
    press(qtbot, Qt.Key.Key_Return)
    assert not panel.record_row.isHidden()
    assert QApplication.focusWidget() is panel.channel
    assert panel.record_agency.text() == f"Forward {_number(ctx, incident_id)} to Damkar Kota Semarang (DEMO)"
    assert panel.channel.text() == "[1] Telephone"
    assert panel.contact.text() == "(024) 7600-0113"
    damkar_at = clock.now()
    assert panel.time.text() == local_time(damkar_at, zone)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.person
    type_text(qtbot, "Pak Joko")
    assert panel.acknowledged.isChecked()  # a person named on the phone took it
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "DMK-0417")
    clock.advance(25)  # the call to Damkar took this long; the time stays when it was made
    press(qtbot, Qt.Key.Key_Return)
    assert panel.record_row.isHidden()
    assert QApplication.focusWidget() is panel.choices
    assert window.status.message() == (
        f"Forwarded to Damkar Kota Semarang (DEMO) at {local_time(damkar_at, zone)}: "
        "acknowledged by the agency."
    )

    # The Polsek, the next line (the heading of the others stepped over): by radio, nobody answers.
    assert panel.choices.current_agency() == polsek
    press(qtbot, Qt.Key.Key_Up)
    assert panel.choices.current_agency() == damkar
    press(qtbot, Qt.Key.Key_Down)  # arrows step over the heading too
    assert panel.choices.current_agency() == polsek
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_3)
    assert panel.channel.text() == "[3] Radio call"
    polsek_at = clock.now()
    press(qtbot, Qt.Key.Key_Return)
    assert not panel.acknowledged.isChecked()
    assert panel.record_row.isHidden()
    forwardings = window.forwarding.forwardings
    assert [(f.agency_id, f.state) for f in forwardings] == [
        (damkar, ForwardState.ACKNOWLEDGED),
        (polsek, ForwardState.SENT),
    ]
    # Shown on the boards: the incident board's row, the forwarding dock's lines.
    qtbot.waitUntil(
        lambda: (
            _board_forwarded(window, incident_id)
            == "Damkar Kota Semarang (DEMO): acknowledged by the agency; "
            "Polsek Tembalang (DEMO): forwarded, not acknowledged"
        )
    )
    # No unit of the centre's is awaited: the status says it was handed on.
    row = window.incident_model.row_of_key(incident_id)
    assert row is not None
    assert window.incident_model.index(row, 3).data() == "Forwarded to agencies"
    assert window.incident_panel.title.text().endswith(" · Forwarded to agencies")

    # -- the Polsek does not acknowledge within its 5 minutes --------------------------------------
    clock.advance(4 * 60 + 59)
    window.alarms.check_timers()
    assert not [line for line in window.alert_list.lines() if "Polsek" in line]
    clock.advance(1)
    window.alarms.check_timers()
    number = _number(ctx, incident_id)
    assert (
        f"⚠ OVERDUE Polsek Tembalang (DEMO) has not acknowledged the forwarding, sent 5:00 ago (limit 5:00)"
        f" — {number}" in window.alert_list.lines()
    )
    window.tick()
    polsek_line = panel.forwardings.item(1).text().splitlines()
    due = local_time(polsek_at + timedelta(minutes=5), zone)
    assert polsek_line[1] == f"⚠ OVERDUE: not acknowledged within 5:00 (due at {due})"
    assert panel.forwardings.item(1).font().bold()
    assert "OVERDUE" not in panel.forwardings.item(0).text()
    qtbot.waitUntil(lambda: _board_forwarded(window, incident_id).startswith("⚠ NOT ACKNOWLEDGED: Polsek"))

    # -- the Polsek calls back: acknowledged late ---------------------------------------------------
    clock.advance(40)
    press(qtbot, Qt.Key.Key_T, CTRL)  # from the choices: Ctrl+T again goes to the forwardings
    assert QApplication.focusWidget() is panel.forwardings
    press(qtbot, Qt.Key.Key_Down)
    assert panel.forwardings.currentRow() == 1
    polsek_ack_at = clock.now()
    _report(qtbot, window, Qt.Key.Key_1, "Aiptu Sari, unit berangkat")
    window.alarms.check_timers()
    assert not [line for line in window.alert_list.lines() if "Polsek" in line]

    # -- both arrive, both handle it; the last report closes the incident --------------------------
    clock.advance(6 * 60)
    arrived_at = clock.now()
    press(qtbot, Qt.Key.Key_Up)
    _report(qtbot, window, Qt.Key.Key_3)  # Damkar arrived
    press(qtbot, Qt.Key.Key_Down)
    _report(qtbot, window, Qt.Key.Key_3)  # the Polsek arrived
    clock.advance(30 * 60)
    handled_at = clock.now()
    press(qtbot, Qt.Key.Key_Up)
    _report(qtbot, window, Qt.Key.Key_4, "api padam")  # Damkar handled
    assert _incident(ctx, incident_id).closed_at is None
    press(qtbot, Qt.Key.Key_Down)
    _report(qtbot, window, Qt.Key.Key_4)  # the Polsek handled: the last one
    assert window.status.message() == (
        f"Handled recorded for Polsek Tembalang (DEMO): handled by the agency. Incident {number} closed: "
        "every forwarding is closed."
    )
    qtbot.waitUntil(lambda: window.incident_model.row_of_key(incident_id) is None)

    _check_database(
        ctx,
        call.id,
        incident_id,
        directory,
        audit_from,
        answered_at=answered_at,
        damkar_at=damkar_at,
        polsek_at=polsek_at,
        polsek_ack_at=polsek_ack_at,
        arrived_at=arrived_at,
        handled_at=handled_at,
    )


def _report(qtbot: QtBot, window: MainWindow, key: Qt.Key, text: str = "") -> None:
    """A report key on the forwarding selected, a line of text, Enter."""
    panel = window.forwarding_panel
    press(qtbot, key)
    assert not panel.report_row.isHidden()
    assert QApplication.focusWidget() is panel.report_text
    if text:
        type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    assert panel.report_row.isHidden(), panel.report_problem.text()
    assert QApplication.focusWidget() is panel.forwardings


def _board_forwarded(window: MainWindow, incident_id: int) -> str:
    row = window.incident_model.row_of_key(incident_id)
    if row is None:
        return ""
    return str(window.incident_model.index(row, 7).data())


def _incident(ctx: ServiceContext, incident_id: int) -> Incident:
    with ctx.database.sessions() as session:
        row = session.get_one(Incident, incident_id)
        session.expunge(row)
        return row


def _number(ctx: ServiceContext, incident_id: int) -> str:
    return _incident(ctx, incident_id).number


def _check_database(
    ctx: ServiceContext,
    call_id: int,
    incident_id: int,
    directory: dict[str, int],
    audit_from: int,
    **at: object,
) -> None:
    user_id = ctx.actor.user_id
    damkar, polsek = directory["DAMKAR-SMG"], directory["POLSEK-TEMBALANG"]
    with ctx.database.sessions() as session:
        incident = session.get_one(Incident, incident_id)
        assert (incident.status, incident.disposition) == ("closed", "referred")
        assert incident.closed_at == at["handled_at"]
        assert session.get_one(Call, call_id).state == "ended"

        rows = session.scalars(
            select(Forwarding).where(Forwarding.incident_id == incident_id).order_by(Forwarding.id)
        ).all()
        assert [
            (
                r.agency_id,
                r.agency_name,
                r.channel,
                r.contact,
                r.person,
                r.reference,
                r.forwarded_at,
                r.ack_limit_s,
                r.ack_due_at,
                r.acknowledged_at,
                r.dispatched_at,
                r.arrived_at,
                r.handled_at,
                r.needs_help_at,
                r.state,
                r.closed_at,
                r.forwarded_by,
                r.console_id,
            )
            for r in rows
        ] == [
            (
                damkar,
                "Damkar Kota Semarang (DEMO)",
                "phone",
                "(024) 7600-0113",
                "Pak Joko",
                "DMK-0417",
                at["damkar_at"],
                180,
                at["damkar_at"] + timedelta(minutes=3),  # type: ignore[operator]
                at["damkar_at"],
                at["arrived_at"],  # implied by the arrival
                at["arrived_at"],
                at["handled_at"],
                None,
                "handled",
                at["handled_at"],
                user_id,
                ctx.console_id,
            ),
            (
                polsek,
                "Polsek Tembalang (DEMO)",
                "radio",
                "HT kanal DEMO-1",
                "",
                "",
                at["polsek_at"],
                300,
                at["polsek_at"] + timedelta(minutes=5),  # type: ignore[operator]
                at["polsek_ack_at"],
                at["arrived_at"],
                at["arrived_at"],
                at["handled_at"],
                None,
                "handled",
                at["handled_at"],
                user_id,
                ctx.console_id,
            ),
        ]
        # Damkar was forwarded 25 s before it was recorded (the phone call); the Polsek at once.
        assert rows[0].recorded_at == at["damkar_at"] + timedelta(seconds=25)  # type: ignore[operator]
        assert rows[1].recorded_at == at["polsek_at"]
        damkar_id, polsek_id = rows[0].id, rows[1].id

        reports = session.scalars(
            select(ForwardingReport)
            .where(ForwardingReport.forwarding_id.in_([damkar_id, polsek_id]))
            .order_by(ForwardingReport.id)
        ).all()
        assert [
            (r.forwarding_id, r.kind, r.at, r.source, r.text, r.user_id, r.frame_id) for r in reports
        ] == [
            (damkar_id, "acknowledged", at["damkar_at"], "operator", "", user_id, None),
            (
                polsek_id,
                "acknowledged",
                at["polsek_ack_at"],
                "operator",
                "Aiptu Sari, unit berangkat",
                user_id,
                None,
            ),
            (damkar_id, "arrived", at["arrived_at"], "operator", "", user_id, None),
            (polsek_id, "arrived", at["arrived_at"], "operator", "", user_id, None),
            (damkar_id, "handled", at["handled_at"], "operator", "api padam", user_id, None),
            (polsek_id, "handled", at["handled_at"], "operator", "", user_id, None),
        ]

        notes = session.scalars(
            select(IncidentNote)
            .where(IncidentNote.incident_id == incident_id, IncidentNote.kind == "system")
            .order_by(IncidentNote.id)
        ).all()
        forwarding_notes = [n.text for n in notes if n.text.startswith("forwarding.")]
        assert forwarding_notes == [
            f"forwarding.sent {damkar_id} phone Damkar Kota Semarang (DEMO)",
            f"forwarding.sent {polsek_id} radio Polsek Tembalang (DEMO)",
            f"forwarding.report {polsek_id} acknowledged Polsek Tembalang (DEMO)",
            f"forwarding.report {damkar_id} arrived Damkar Kota Semarang (DEMO)",
            f"forwarding.report {polsek_id} arrived Polsek Tembalang (DEMO)",
            f"forwarding.report {damkar_id} handled Damkar Kota Semarang (DEMO)",
            f"forwarding.report {polsek_id} handled Polsek Tembalang (DEMO)",
        ]

        alerts = session.scalars(select(Alert).where(Alert.entity == "forwarding").order_by(Alert.id)).all()
        assert [(a.kind, a.entity_id, a.raised_at, a.cleared_at) for a in alerts] == [
            (
                "timer_forward_not_acknowledged",
                str(polsek_id),
                at["polsek_at"] + timedelta(minutes=5),  # type: ignore[operator]
                at["polsek_ack_at"],
            )
        ]

        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.id > audit_from).order_by(AuditEntry.id)
        ).all()
        i, c = str(incident_id), str(call_id)
        d, p = str(damkar_id), str(polsek_id)
        alert_id = str(alerts[0].id)
        # Every row the story wrote, in order.
        assert [(a.action, a.entity, a.entity_id) for a in audit] == [
            ("call.incoming", "call", c),
            ("call.answer", "call", c),
            ("incident.open", "incident", i),
            ("incident.update", "incident", i),  # the category typed
            ("incident.area", "incident", i),  # the kelurahan picked
            ("incident.position", "incident", i),  # its centre
            ("forwarding.create", "forwarding", d),
            ("forwarding.create", "forwarding", p),
            ("alert.raise", "alert", alert_id),
            ("forwarding.report", "forwarding", p),
            ("alert.clear", "alert", alert_id),
            ("forwarding.report", "forwarding", d),
            ("forwarding.report", "forwarding", p),
            ("forwarding.report", "forwarding", d),
            ("forwarding.report", "forwarding", p),
            ("call.end_with_incident", "call", c),
            ("incident.close", "incident", i),
        ]
        assert json.loads(audit[3].detail or "") == {"after": "FIRE", "before": None, "field": "category"}
        assert json.loads(audit[4].detail or "")["after"]["area_code"] == tembalang()
        assert json.loads(audit[8].detail or "") == {
            "about": polsek_id,
            "kind": "timer_forward_not_acknowledged",
        }
        assert json.loads(audit[10].detail or "") == {"about": p, "kind": "timer_forward_not_acknowledged"}
        ours = [
            (a.action, a.entity, a.entity_id, json.loads(a.detail or "{}"))
            for a in audit
            if a.action.startswith("forwarding.") or a.action == "incident.close"
        ]
        number = incident.number

        def created(
            fid: int,
            agency: str,
            name: str,
            channel: str,
            contact: str,
            person: str,
            reference: str,
            when: object,
            acknowledged: bool,
            limit: int,
        ) -> tuple[object, ...]:
            return (
                "forwarding.create",
                "forwarding",
                str(fid),
                {
                    "incident": number,
                    "agency": agency,
                    "agency_name": name,
                    "channel": channel,
                    "contact": contact,
                    "person": person,
                    "reference": reference,
                    "at": when.isoformat(),  # type: ignore[attr-defined]
                    "acknowledged": acknowledged,
                    "ack_limit_s": limit,
                },
            )

        def reported(
            fid: int, name: str, kind: str, when: object, before: str, after: str, text: str = ""
        ) -> tuple[object, ...]:
            detail = {
                "incident": number,
                "agency_name": name,
                "kind": kind,
                "at": when.isoformat(),  # type: ignore[attr-defined]
                "source": "operator",
                "before": before,
                "after": after,
            }
            if text:
                detail["text"] = text
            return ("forwarding.report", "forwarding", str(fid), detail)

        d_name, p_name = "Damkar Kota Semarang (DEMO)", "Polsek Tembalang (DEMO)"
        assert ours == [
            created(
                damkar_id,
                "DAMKAR-SMG",
                d_name,
                "phone",
                "(024) 7600-0113",
                "Pak Joko",
                "DMK-0417",
                at["damkar_at"],
                True,
                180,
            ),
            created(
                polsek_id,
                "POLSEK-TEMBALANG",
                p_name,
                "radio",
                "HT kanal DEMO-1",
                "",
                "",
                at["polsek_at"],
                False,
                300,
            ),
            reported(
                polsek_id,
                p_name,
                "acknowledged",
                at["polsek_ack_at"],
                "sent",
                "acknowledged",
                "Aiptu Sari, unit berangkat",
            ),
            reported(damkar_id, d_name, "arrived", at["arrived_at"], "acknowledged", "arrived"),
            reported(polsek_id, p_name, "arrived", at["arrived_at"], "acknowledged", "arrived"),
            reported(damkar_id, d_name, "handled", at["handled_at"], "arrived", "handled", "api padam"),
            reported(polsek_id, p_name, "handled", at["handled_at"], "arrived", "handled"),
            (
                "incident.close",
                "incident",
                str(incident_id),
                {"disposition": "referred", "by_forwarding": polsek_id},
            ),
        ]
        print(
            "AUDIT",
            [
                (a.action, a.entity, a.entity_id, a.detail)
                for a in audit
                if not a.action.startswith("forwarding.")
            ],
        )
        # Every audit row of the story is by this user at this console.
        assert {(a.user_id, a.console_id) for a in audit} <= {
            (user_id, ctx.console_id),
            (None, ctx.console_id),
        }
