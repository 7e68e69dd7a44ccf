"""A fire in Tembalang forwarded to Damkar and the kecamatan's Polsek, at the services: Damkar takes it
on the phone, the Polsek does not acknowledge within its limit (the timer's alert), then does; both
arrive and handle it, and the incident closes with its last forwarding. Every row and audit row is
checked. Also the acknowledgement timer's own rules against the database."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from dispatch.domain.agencies import AgencyReach, AgencySpec
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, CallState, Disposition, IncidentStatus
from dispatch.domain.forwarding import ForwardChannel, ForwardState, OutboxState, ReportKind
from dispatch.domain.timers import TimerKind, TimerThresholds
from dispatch.services import agencies, alerts, forwarding, queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import ForwardBrief
from dispatch.store.tables import (
    Alert,
    AuditEntry,
    Call,
    Forwarding,
    ForwardingReport,
    IncidentNote,
    OutboxMessage,
)
from tests.services.support import audit_since, last_audit_id
from tests.services.test_forwarding import DAMKAR_SMS, DAMKAR_SMS_E164, add_agency, open_fire, rows

LIMITS = TimerThresholds()


def _directory(ctx: ServiceContext) -> dict[str, int]:
    """Damkar for the kota; the police of Tembalang, of Banyumanik and of the kota (in the room),
    each taking fires by name; PSC 119 (not called for a fire)."""
    specs = [
        AgencySpec(
            "DAMKAR-SMG",
            "Damkar Kota Semarang",
            AgencyType.FIRE,
            AgencyReach.FORWARD,
            areas=("33.74",),
            phones=("024-7600113",),
            sms_number=DAMKAR_SMS,
            ack_limit_s=180,
        ),
        AgencySpec(
            "POLSEK-TEMBALANG",
            "Polsek Tembalang",
            AgencyType.POLICE,
            AgencyReach.FORWARD,
            areas=("33.74.10",),
            categories=("FIRE", "CRIM"),
            phones=("024-76480110",),
            radio="HT kanal 1",
            ack_limit_s=300,
        ),
        AgencySpec(
            "POLSEK-BANYUMANIK",
            "Polsek Banyumanik",
            AgencyType.POLICE,
            AgencyReach.FORWARD,
            areas=("33.74.11",),
            categories=("FIRE", "CRIM"),
        ),
        AgencySpec(
            "POLRESTABES-SMG",
            "Polrestabes Semarang",
            AgencyType.POLICE,
            AgencyReach.ROOM,
            areas=("33.74",),
            categories=("FIRE", "CRIM"),
        ),
        AgencySpec(
            "PSC-119", "PSC 119 Kota Semarang", AgencyType.MEDICAL, AgencyReach.ROOM, areas=("33.74",)
        ),
    ]
    return {spec.code: agencies.create_agency(ctx, spec).id for spec in specs}


def _actions(entries: list[AuditEntry]) -> list[tuple[str, str, str | None]]:
    return [(entry.action, entry.entity, entry.entity_id) for entry in entries]


def test_a_fire_in_tembalang_forwarded_followed_up_and_closed(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    directory = _directory(ctx)
    fire = open_fire(ctx, clock, catalogue)
    assert fire.area_code == "33.74.10.1003"

    # Whom to call: Damkar for the fire, the kecamatan's Polsek (not the kota's Polrestabes).
    choices = agencies.forward_choices(ctx, fire.id)
    assert [(c.agency_id, c.agency_type, c.coverage) for c in choices] == [
        (directory["DAMKAR-SMG"], AgencyType.FIRE, 2),
        (directory["POLSEK-TEMBALANG"], AgencyType.POLICE, 3),
    ]
    damkar, polsek = (choice.agency_id for choice in choices)

    start = last_audit_id(ctx.database)
    clock.advance(40)
    phoned = clock.now() - timedelta(seconds=10)
    to_damkar = forwarding.forward(
        ctx,
        fire.id,
        damkar,
        channel=ForwardChannel.PHONE,
        contact="024-7600113",
        person="Bp. Joko",
        reference="DMK-0451",
        at=phoned,
        acknowledged=True,
        send_sms=True,
    )
    clock.advance(20)
    to_polsek = forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.RADIO, contact="HT kanal 1")
    radioed = clock.now()
    assert (to_damkar.state, to_damkar.acknowledged_at, to_damkar.sms_state) == (
        ForwardState.ACKNOWLEDGED,
        phoned,
        OutboxState.QUEUED,
    )
    assert (to_polsek.state, to_polsek.ack_due_at) == (ForwardState.SENT, radioed + timedelta(seconds=300))

    # The boards show both, in the order made.
    board = next(view for view in queries.active_incidents(ctx) if view.id == fire.id)
    assert board.forwardings == (
        ForwardBrief(
            to_damkar.id, "Damkar Kota Semarang", ForwardState.ACKNOWLEDGED, to_damkar.ack_due_at, phoned
        ),
        ForwardBrief(to_polsek.id, "Polsek Tembalang", ForwardState.SENT, to_polsek.ack_due_at, None),
    )

    # The Polsek does not acknowledge within its five minutes: one alert, at the limit, not before.
    # (Forwarded, the incident waits for no unit of the room: no "not dispatched" alert either.)
    clock.set(radioed + timedelta(seconds=299))
    assert alerts.check_timers(ctx, LIMITS) == []
    clock.set(radioed + timedelta(seconds=300))
    overdue = alerts.check_timers(ctx, LIMITS)
    assert [(a.entity, a.entity_id, a.since, a.limit_s, a.label, a.incident_number) for a in overdue] == [
        ("forwarding", str(to_polsek.id), radioed, 300, "Polsek Tembalang", fire.number)
    ]
    (alert,) = overdue
    assert board.forwardings[1].overdue(clock.now())
    assert not board.forwardings[0].overdue(clock.now())

    # It acknowledges late, by phone: the alert clears at the next check.
    clock.advance(40)
    acked = clock.now() - timedelta(seconds=5)
    forwarding.report(ctx, to_polsek.id, ReportKind.ACKNOWLEDGED, at=acked, text="Aiptu Budi")
    assert [
        a for a in alerts.check_timers(ctx, LIMITS) if a.kind == TimerKind.FORWARD_NOT_ACKNOWLEDGED.value
    ] == []
    (alert_row,) = rows(ctx.database, Alert, id=alert.id)
    assert alert_row.cleared_at == clock.now()

    # Both arrive; Damkar reports it handled, the Polsek last: the incident closes with it.
    clock.advance(300)
    damkar_there = clock.now() - timedelta(seconds=60)
    forwarding.report(ctx, to_damkar.id, ReportKind.ARRIVED, at=damkar_there, text="2 unit")
    clock.advance(120)
    forwarding.report(ctx, to_polsek.id, ReportKind.ARRIVED)
    polsek_there = clock.now()
    clock.advance(1200)
    forwarding.report(ctx, to_damkar.id, ReportKind.HANDLED, text="api padam")
    damkar_done = clock.now()
    assert queries.incident(ctx, fire.id).status is not IncidentStatus.CLOSED  # type: ignore[union-attr]
    clock.advance(600)
    done = forwarding.report(ctx, to_polsek.id, ReportKind.HANDLED, text="olah TKP selesai")
    closed_at = clock.now()

    # -- every row ------------------------------------------------------------------------------
    closed = queries.incident(ctx, fire.id)
    assert closed is not None
    assert (closed.status, closed.disposition, closed.closed_at) == (
        IncidentStatus.CLOSED,
        Disposition.REFERRED,
        closed_at,
    )
    assert closed.forwardings == (
        ForwardBrief(
            to_damkar.id, "Damkar Kota Semarang", ForwardState.HANDLED, to_damkar.ack_due_at, phoned
        ),
        ForwardBrief(to_polsek.id, "Polsek Tembalang", ForwardState.HANDLED, to_polsek.ack_due_at, acked),
    )
    assert done.state is ForwardState.HANDLED
    with ctx.database.transaction() as session:
        made = {row.id: row for row in session.scalars(select(Forwarding).order_by(Forwarding.id))}
        reports = list(session.scalars(select(ForwardingReport).order_by(ForwardingReport.id)))
        notes = [
            note.text
            for note in session.scalars(
                select(IncidentNote).where(IncidentNote.incident_id == fire.id).order_by(IncidentNote.id)
            )
            if note.text.startswith("forwarding.")
        ]
        (sms,) = session.scalars(select(OutboxMessage))
        (call,) = session.scalars(select(Call).where(Call.incident_id == fire.id))
    damkar_row, polsek_row = made[to_damkar.id], made[to_polsek.id]
    assert (
        damkar_row.agency_name,
        damkar_row.channel,
        damkar_row.contact,
        damkar_row.person,
        damkar_row.reference,
        damkar_row.forwarded_at,
        damkar_row.ack_limit_s,
        damkar_row.ack_due_at,
    ) == (
        "Damkar Kota Semarang",
        "phone",
        "024-7600113",
        "Bp. Joko",
        "DMK-0451",
        phoned,
        180,
        phoned + timedelta(seconds=180),
    )
    assert (
        damkar_row.acknowledged_at,
        damkar_row.dispatched_at,
        damkar_row.arrived_at,
        damkar_row.handled_at,
        damkar_row.needs_help_at,
        damkar_row.state,
        damkar_row.closed_at,
    ) == (phoned, damkar_there, damkar_there, damkar_done, None, "handled", damkar_done)
    assert (
        polsek_row.channel,
        polsek_row.contact,
        polsek_row.forwarded_at,
        polsek_row.acknowledged_at,
        polsek_row.dispatched_at,
        polsek_row.arrived_at,
        polsek_row.handled_at,
        polsek_row.state,
        polsek_row.closed_at,
    ) == ("radio", "HT kanal 1", radioed, acked, polsek_there, polsek_there, closed_at, "handled", closed_at)
    assert all(
        row.forwarded_by == ctx.actor.user_id and row.console_id == ctx.console_id for row in made.values()
    )
    assert [(r.forwarding_id, r.kind, r.at, r.source, r.text) for r in reports] == [
        (to_damkar.id, "acknowledged", phoned, "operator", ""),
        (to_polsek.id, "acknowledged", acked, "operator", "Aiptu Budi"),
        (to_damkar.id, "arrived", damkar_there, "operator", "2 unit"),
        (to_polsek.id, "arrived", polsek_there, "operator", ""),
        (to_damkar.id, "handled", damkar_done, "operator", "api padam"),
        (to_polsek.id, "handled", closed_at, "operator", "olah TKP selesai"),
    ]
    assert notes == [
        f"forwarding.sent {to_damkar.id} phone Damkar Kota Semarang",
        f"forwarding.sent {to_polsek.id} radio Polsek Tembalang",
        f"forwarding.report {to_polsek.id} acknowledged Polsek Tembalang",
        f"forwarding.report {to_damkar.id} arrived Damkar Kota Semarang",
        f"forwarding.report {to_polsek.id} arrived Polsek Tembalang",
        f"forwarding.report {to_damkar.id} handled Damkar Kota Semarang",
        f"forwarding.report {to_polsek.id} handled Polsek Tembalang",
    ]
    assert (sms.to_number, sms.forwarding_id, sms.state) == (DAMKAR_SMS_E164, to_damkar.id, "queued")
    assert sms.text.endswith(f"Balas: {fire.number} TERIMA/TIBA/SELESAI")
    assert (call.state, call.ended_at) == (CallState.ENDED.value, closed_at)

    # -- every audit row, in order -----------------------------------------------------------------
    entries = audit_since(ctx.database, start)
    assert _actions(entries) == [
        ("outbox.queue", "outbox", str(sms.id)),
        ("forwarding.create", "forwarding", str(to_damkar.id)),
        ("forwarding.create", "forwarding", str(to_polsek.id)),
        ("alert.raise", "alert", str(alert.id)),
        ("forwarding.report", "forwarding", str(to_polsek.id)),
        ("alert.clear", "alert", str(alert.id)),
        ("forwarding.report", "forwarding", str(to_damkar.id)),
        ("forwarding.report", "forwarding", str(to_polsek.id)),
        ("forwarding.report", "forwarding", str(to_damkar.id)),
        ("forwarding.report", "forwarding", str(to_polsek.id)),
        ("call.end_with_incident", "call", str(call.id)),
        ("incident.close", "incident", str(fire.id)),
    ]
    details = [json.loads(entry.detail or "{}") for entry in entries]
    assert details[1] == {
        "incident": fire.number,
        "agency": "DAMKAR-SMG",
        "agency_name": "Damkar Kota Semarang",
        "channel": "phone",
        "contact": "024-7600113",
        "person": "Bp. Joko",
        "reference": "DMK-0451",
        "at": phoned.isoformat(),
        "acknowledged": True,
        "ack_limit_s": 180,
        "sms": sms.id,
    }
    assert [(d["kind"], d["before"], d["after"]) for d in details[4:10] if "kind" in d and "before" in d] == [
        ("acknowledged", "sent", "acknowledged"),
        ("arrived", "acknowledged", "arrived"),
        ("arrived", "acknowledged", "arrived"),
        ("handled", "arrived", "handled"),
        ("handled", "arrived", "handled"),
    ]
    assert details[-1] == {"disposition": "referred", "by_forwarding": to_polsek.id}
    assert {entry.user_name for entry in entries} == {"sari", "system"}
    assert [entry.user_name for entry in entries if entry.action.startswith("alert.")] == ["system", "system"]


# --- the acknowledgement timer against the database -------------------------------------------------


def _forward_overdue(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, limit_s: int, number: str
) -> tuple[int, int]:
    agency = add_agency(
        ctx.database, f"A-{number[-3:]}", f"Instansi {number[-3:]}", AgencyType.UTILITY, ack_limit_s=limit_s
    )
    fire = open_fire(ctx, clock, catalogue, number)
    return fire.id, forwarding.forward(ctx, fire.id, agency, channel=ForwardChannel.PHONE).id


def _forward_alerts(ctx: ServiceContext) -> dict[str, int | None]:
    return {
        a.entity_id or "": a.limit_s
        for a in alerts.check_timers(ctx, LIMITS)
        if a.kind == TimerKind.FORWARD_NOT_ACKNOWLEDGED.value
    }


def test_each_forwarding_waits_its_own_agency_s_limit(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    _, quick = _forward_overdue(ctx, clock, catalogue, 60, "081234567001")
    _, slow = _forward_overdue(ctx, clock, catalogue, 600, "081234567002")
    sent = forwarding.forwardings_by_id(ctx, [quick, slow])
    clock.set(sent[0].ack_due_at - timedelta(seconds=1))
    assert _forward_alerts(ctx) == {}
    clock.set(sent[0].ack_due_at)
    assert _forward_alerts(ctx) == {str(quick): 60}
    clock.set(sent[1].ack_due_at)
    assert _forward_alerts(ctx) == {str(quick): 60, str(slow): 600}
    # a supervisor's changed thresholds change nothing here
    assert {
        a.entity_id
        for a in alerts.check_timers(ctx, TimerThresholds(5, 5, 5, 5, 5))
        if a.kind == TimerKind.FORWARD_NOT_ACKNOWLEDGED.value
    } == {str(quick), str(slow)}


def test_the_alert_clears_when_the_forwarding_is_closed_and_stays_acknowledged_once_seen(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    _, first = _forward_overdue(ctx, clock, catalogue, 60, "081234567003")
    _, second = _forward_overdue(ctx, clock, catalogue, 60, "081234567004")
    clock.advance(120)
    raised = [
        a for a in alerts.check_timers(ctx, LIMITS) if a.kind == TimerKind.FORWARD_NOT_ACKNOWLEDGED.value
    ]
    assert sorted(a.entity_id or "" for a in raised) == sorted([str(first), str(second)])
    seen = next(a for a in raised if a.entity_id == str(second))
    alerts.acknowledge_alert(ctx, seen.id)
    assert _forward_alerts(ctx) == {str(first): 60}  # acknowledged: off the list, still held
    forwarding.report(ctx, first, ReportKind.CANCELLED, text="salah instansi")
    assert _forward_alerts(ctx) == {}
    with ctx.database.transaction() as session:
        states = dict(
            session.execute(
                select(Alert.entity_id, Alert.cleared_at).where(
                    Alert.kind == TimerKind.FORWARD_NOT_ACKNOWLEDGED.value
                )
            ).all()
        )
    assert states == {str(first): clock.now(), str(second): None}
    assert [a.entity_id for a in alerts.open_alerts(ctx)] == []
