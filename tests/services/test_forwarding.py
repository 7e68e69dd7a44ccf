"""Forwarding an incident to agencies and recording what they report back: the rows, the audit, the
notices, the refusals, the incident closing with its last forwarding, and agencies' SMS replies."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import AgencyType, CallState, Disposition, IncidentStatus
from dispatch.domain.forwarding import ForwardChannel, ForwardState, ReportKind, ReportSource
from dispatch.domain.incidents import MAX_NOTE_LENGTH, FieldRejected
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, dispatching, forwarding, incidents, locations, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import ForwardBrief, IncidentView
from dispatch.services.uow import unit_of_work
from dispatch.store.database import Database
from dispatch.store.tables import (
    Agency,
    AuditEntry,
    Call,
    FeedFrame,
    Forwarding,
    ForwardingReport,
    Incident,
    IncidentNote,
)
from tests.conftest import START
from tests.services.support import audit_since, audited, last_audit_id, signal, unit

TEMBALANG_VILLAGE = "33.74.10.1003"  # Mangunharjo, kecamatan Tembalang
DAMKAR_SMS = "081390001113"
DAMKAR_SMS_E164 = "+6281390001113"
POLSEK_PHONE = "024-76480110"
POLSEK_PHONE_E164 = "+622476480110"


def add_agency(
    database: Database,
    code: str,
    name: str,
    agency_type: AgencyType,
    *,
    areas: str = "33.74",
    sms_number: str = "",
    phones: str = "",
    ack_limit_s: int = 300,
    active: bool = True,
    reach: str = "forward",
    categories: str = "",
) -> int:
    """A directory entry written through the table (the directory's service has its own tests)."""
    with database.transaction() as session:
        row = Agency(
            code=code,
            name=name,
            agency_type=agency_type.value,
            reach=reach,
            areas=areas,
            categories=categories,
            phones=phones,
            radio="",
            sms_number=sms_number,
            hours="24 jam",
            ack_limit_s=ack_limit_s,
            note="",
            active=active,
            updated_at=START,
        )
        session.add(row)
        session.flush()
        return row.id


def open_fire(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, number: str = "081234567890"
) -> IncidentView:
    """A fire call in Mangunharjo (Tembalang) answered, its category and kelurahan chosen."""
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert ringing is not None
    clock.advance(5)
    incident = calls.answer_call(ctx, ringing.id)[1]
    clock.advance(10)
    incidents.update_field(ctx, incident.id, "category", "FIRE", catalogue)
    incidents.update_field(ctx, incident.id, "street", "Jl. Sirojudin 12", catalogue)
    return locations.set_area(ctx, incident.id, TEMBALANG_VILLAGE)


@pytest.fixture
def damkar(ctx: ServiceContext) -> int:
    return add_agency(
        ctx.database,
        "DAMKAR-SMG",
        "Damkar Kota Semarang",
        AgencyType.FIRE,
        sms_number=DAMKAR_SMS,
        ack_limit_s=180,
    )


@pytest.fixture
def polsek(ctx: ServiceContext) -> int:
    return add_agency(
        ctx.database,
        "POLSEK-TEMBALANG",
        "Polsek Tembalang",
        AgencyType.POLICE,
        areas="33.74.10",
        phones=f"{POLSEK_PHONE};024-76480111",
    )


@pytest.fixture
def fire(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> IncidentView:
    view = open_fire(ctx, clock, catalogue)
    clock.advance(30)
    return view


def rows(database: Database, table: type, **where: object) -> list:  # type: ignore[type-arg]
    with database.transaction() as session:
        query = select(table).filter_by(**where).order_by(table.id)  # type: ignore[attr-defined]
        return list(session.scalars(query))


def count(database: Database, table: type) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def system_notes(database: Database, incident_id: int) -> list[str]:
    return [
        note.text
        for note in rows(database, IncidentNote, incident_id=incident_id)
        if note.kind == "system" and note.text.startswith("forwarding.")
    ]


def detail(entry: AuditEntry) -> dict[str, object]:
    return dict(json.loads(entry.detail or "{}"))


# --- forwarding ----------------------------------------------------------------------------------


def test_a_forwarding_is_recorded_with_its_note_audit_and_notices(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int, changes: list[Change]
) -> None:
    told = clock.now() - timedelta(seconds=20)
    changes.clear()
    view, audit = audited(
        ctx,
        lambda: forwarding.forward(
            ctx,
            fire.id,
            damkar,
            channel=ForwardChannel.PHONE,
            contact=" 024-7460000 ",
            person="Bp. Joko",
            reference="DMK/123",
            at=told,
        ),
    )
    assert (view.incident_id, view.incident_number, view.agency_id, view.agency_code) == (
        fire.id,
        fire.number,
        damkar,
        "DAMKAR-SMG",
    )
    assert (view.agency_name, view.agency_type, view.channel) == (
        "Damkar Kota Semarang",
        AgencyType.FIRE,
        ForwardChannel.PHONE,
    )
    assert (view.contact, view.person, view.reference) == ("024-7460000", "Bp. Joko", "DMK/123")
    assert (view.forwarded_at, view.recorded_at, view.ack_limit_s) == (told, clock.now(), 180)
    assert view.ack_due_at == told + timedelta(seconds=180)
    assert (view.state, view.acknowledged_at, view.closed_at, view.sms_state) == (
        ForwardState.SENT,
        None,
        None,
        None,
    )
    assert view.forwarded_by == "sari"
    assert view.open
    assert not view.overdue(clock.now())
    assert view.overdue(told + timedelta(seconds=180))
    (row,) = rows(ctx.database, Forwarding)
    assert (row.forwarded_by, row.console_id) == (ctx.actor.user_id, ctx.console_id)
    assert rows(ctx.database, ForwardingReport) == []
    assert system_notes(ctx.database, fire.id) == [f"forwarding.sent {view.id} phone Damkar Kota Semarang"]
    assert [(a.action, a.entity, a.entity_id, a.user_name) for a in audit] == [
        ("forwarding.create", "forwarding", str(view.id), "sari")
    ]
    assert detail(audit[0]) == {
        "incident": fire.number,
        "agency": "DAMKAR-SMG",
        "agency_name": "Damkar Kota Semarang",
        "channel": "phone",
        "contact": "024-7460000",
        "person": "Bp. Joko",
        "reference": "DMK/123",
        "at": told.isoformat(),
        "acknowledged": False,
        "ack_limit_s": 180,
    }
    assert changes == [
        Change(Topic.FORWARDINGS, (view.id,)),
        Change(Topic.INCIDENTS, (fire.id,)),
        Change(Topic.NOTES, (fire.id,)),
    ]
    assert forwarding.forwardings_of(ctx, fire.id) == [view]
    assert forwarding.forwardings_by_id(ctx, [view.id, 9999]) == [view]
    assert forwarding.open_forwardings(ctx) == [view]


def test_a_person_taking_it_on_the_phone_acknowledges_it_at_once(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int
) -> None:
    view = forwarding.forward(
        ctx, fire.id, damkar, channel=ForwardChannel.PHONE, person="Bu Ani", acknowledged=True
    )
    assert (view.state, view.acknowledged_at) == (ForwardState.ACKNOWLEDGED, clock.now())
    (report,) = forwarding.reports_of(ctx, view.id)
    assert (report.kind, report.at, report.source, report.text, report.user) == (
        ReportKind.ACKNOWLEDGED,
        clock.now(),
        ReportSource.OPERATOR,
        "",
        "sari",
    )
    assert not view.overdue(view.ack_due_at)


def test_forwarding_refusals_write_nothing(
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    fire: IncidentView,
    damkar: int,
    polsek: int,
) -> None:
    inactive = add_agency(ctx.database, "PLN-OLD", "PLN lama", AgencyType.UTILITY, active=False)
    first = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.RADIO)
    before = (count(ctx.database, Forwarding), count(ctx.database, IncidentNote), last_audit_id(ctx.database))
    cases = [
        (
            lambda: forwarding.forward(ctx, 9999, damkar, channel=ForwardChannel.PHONE),
            Refusal.NO_SUCH_INCIDENT,
        ),
        (
            lambda: forwarding.forward(ctx, fire.id, 9999, channel=ForwardChannel.PHONE),
            Refusal.NO_SUCH_AGENCY,
        ),
        (
            lambda: forwarding.forward(ctx, fire.id, inactive, channel=ForwardChannel.PHONE),
            Refusal.AGENCY_INACTIVE,
        ),
        (
            lambda: forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE),
            Refusal.ALREADY_FORWARDED,
        ),
        (
            lambda: forwarding.forward(
                ctx, fire.id, polsek, channel=ForwardChannel.PHONE, at=clock.now() + timedelta(seconds=1)
            ),
            Refusal.REPORT_TIME_INVALID,
        ),
        (
            lambda: forwarding.forward(
                ctx, fire.id, polsek, channel=ForwardChannel.PHONE, at=fire.created_at - timedelta(seconds=1)
            ),
            Refusal.REPORT_TIME_INVALID,
        ),
        (
            lambda: forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.SMS, send_sms=True),
            Refusal.NO_SMS_NUMBER,
        ),
        (lambda: forwarding.report(ctx, 9999, ReportKind.ARRIVED), Refusal.NO_SUCH_FORWARDING),
        (lambda: forwarding.correct(ctx, 9999, person="x"), Refusal.NO_SUCH_FORWARDING),
        (
            lambda: forwarding.report(ctx, first.id, ReportKind.NOTE, text="x" * (MAX_NOTE_LENGTH + 1)),
            Refusal.NOTE_TOO_LONG,
        ),
    ]
    for action, code in cases:
        with pytest.raises(ServiceError) as refused:
            action()
        assert refused.value.code is code
    with pytest.raises(FieldRejected) as too_long:
        forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.PHONE, person="x" * 101)
    assert too_long.value.field == "person"
    assert (
        count(ctx.database, Forwarding),
        count(ctx.database, IncidentNote),
        last_audit_id(ctx.database),
    ) == before
    # a closed incident takes no forwarding
    forwarding.report(ctx, first.id, ReportKind.CANCELLED)
    incidents.close_incident(ctx, fire.id, Disposition.HANDLED)
    with pytest.raises(ServiceError) as refused:
        forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.PHONE)
    assert refused.value.code is Refusal.INCIDENT_CLOSED


def test_an_agency_whose_forwarding_closed_may_be_forwarded_to_again(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int
) -> None:
    first = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE)
    clock.advance(60)
    forwarding.report(ctx, first.id, ReportKind.CANCELLED, text="salah nomor")
    clock.advance(60)
    again = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.RADIO)
    assert [view.id for view in forwarding.forwardings_of(ctx, fire.id)] == [first.id, again.id]
    assert [view.id for view in forwarding.open_forwardings(ctx)] == [again.id]


# --- reports -------------------------------------------------------------------------------------


def test_reports_write_each_milestone_once_and_the_implied_ones_with_them(
    ctx: ServiceContext,
    clock: ManualClock,
    fire: IncidentView,
    damkar: int,
    polsek: int,
    changes: list[Change],
) -> None:
    view = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE)
    forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.PHONE)  # keeps the incident open
    sent = view.forwarded_at
    clock.advance(300)
    arrived = clock.now() - timedelta(seconds=30)
    changes.clear()
    view, audit = audited(
        ctx,
        lambda: forwarding.report(ctx, view.id, ReportKind.ARRIVED, at=arrived, text=" 2 unit\ndi lokasi "),
    )
    assert (view.state, view.acknowledged_at, view.dispatched_at, view.arrived_at) == (
        ForwardState.ARRIVED,
        arrived,
        arrived,
        arrived,
    )
    assert (view.handled_at, view.needs_help_at, view.closed_at) == (None, None, None)
    assert [(a.action, a.entity_id) for a in audit] == [("forwarding.report", str(view.id))]
    assert detail(audit[0]) == {
        "incident": fire.number,
        "agency_name": "Damkar Kota Semarang",
        "kind": "arrived",
        "at": arrived.isoformat(),
        "source": "operator",
        "before": "sent",
        "after": "arrived",
        "text": "2 unit di lokasi",
    }
    assert changes == [
        Change(Topic.FORWARDINGS, (view.id,)),
        Change(Topic.INCIDENTS, (fire.id,)),
        Change(Topic.NOTES, (fire.id,)),
    ]
    # a late report of a milestone passed: recorded, the state and the column stay
    clock.advance(10)
    late = sent + timedelta(seconds=60)
    view = forwarding.report(ctx, view.id, ReportKind.DISPATCHED, at=late)
    assert (view.state, view.dispatched_at) == (ForwardState.ARRIVED, arrived)
    # moving on before the milestone reached is out of order
    with pytest.raises(ServiceError) as refused:
        forwarding.report(ctx, view.id, ReportKind.HANDLED, at=arrived - timedelta(seconds=1))
    assert refused.value.code is Refusal.REPORT_OUT_OF_ORDER
    # needs help keeps its latest time and the state
    first_help = clock.now() - timedelta(seconds=5)
    forwarding.report(ctx, view.id, ReportKind.NEEDS_HELP, at=first_help, text="perlu tangga")
    clock.advance(60)
    view = forwarding.report(ctx, view.id, ReportKind.NEEDS_HELP)
    assert (view.state, view.needs_help_at) == (ForwardState.ARRIVED, clock.now())
    view = forwarding.report(ctx, view.id, ReportKind.NEEDS_HELP, at=first_help)
    assert view.needs_help_at == clock.now()
    clock.advance(60)
    view = forwarding.report(ctx, view.id, ReportKind.HANDLED, text="api padam")
    assert (view.state, view.handled_at, view.closed_at) == (ForwardState.HANDLED, clock.now(), clock.now())
    with pytest.raises(ServiceError) as refused:
        forwarding.report(ctx, view.id, ReportKind.NOTE, text="terima kasih")
    assert refused.value.code is Refusal.FORWARDING_CLOSED
    reports = forwarding.reports_of(ctx, view.id)
    assert [(r.kind, r.at, r.text) for r in reports] == [
        (ReportKind.DISPATCHED, late, ""),
        (ReportKind.ARRIVED, arrived, "2 unit di lokasi"),
        (ReportKind.NEEDS_HELP, first_help, "perlu tangga"),
        (ReportKind.NEEDS_HELP, first_help, ""),
        (ReportKind.NEEDS_HELP, clock.now() - timedelta(seconds=60), ""),
        (ReportKind.HANDLED, clock.now(), "api padam"),
    ]
    assert system_notes(ctx.database, fire.id)[2:] == [
        f"forwarding.report {view.id} {kind} Damkar Kota Semarang"
        for kind in ("arrived", "dispatched", "needs_help", "needs_help", "needs_help", "handled")
    ]
    # the Polsek's forwarding is still open: the incident is too
    assert queries.incident(ctx, fire.id).status is not IncidentStatus.CLOSED  # type: ignore[union-attr]


def test_the_last_forwarding_handled_closes_the_incident_and_ends_its_call(
    ctx: ServiceContext,
    clock: ManualClock,
    fire: IncidentView,
    damkar: int,
    polsek: int,
    changes: list[Change],
) -> None:
    to_damkar = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE, acknowledged=True)
    to_polsek = forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.PHONE)
    clock.advance(60)
    forwarding.report(ctx, to_polsek.id, ReportKind.CANCELLED, text="tidak perlu polisi")
    assert queries.incident(ctx, fire.id).status is not IncidentStatus.CLOSED  # type: ignore[union-attr]
    (call,) = rows(ctx.database, Call, incident_id=fire.id)
    assert call.state == CallState.ANSWERED.value
    clock.advance(600)
    changes.clear()
    view, audit = audited(ctx, lambda: forwarding.report(ctx, to_damkar.id, ReportKind.HANDLED))
    assert view.state is ForwardState.HANDLED
    closed = queries.incident(ctx, fire.id)
    assert closed is not None
    assert (closed.status, closed.disposition, closed.closed_at) == (
        IncidentStatus.CLOSED,
        Disposition.REFERRED,
        clock.now(),
    )
    assert [(a.action, a.entity, a.entity_id) for a in audit] == [
        ("forwarding.report", "forwarding", str(view.id)),
        ("call.end_with_incident", "call", str(call.id)),
        ("incident.close", "incident", str(fire.id)),
    ]
    assert detail(audit[2]) == {"disposition": "referred", "by_forwarding": view.id}
    (call,) = rows(ctx.database, Call, incident_id=fire.id)
    assert (call.state, call.ended_at) == (CallState.ENDED.value, clock.now())
    assert Change(Topic.CALLS, (call.id,)) in changes
    assert Change(Topic.INCIDENTS, (fire.id,)) in changes


def test_the_incident_stays_open_while_a_unit_is_out_or_when_every_forwarding_was_cancelled(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, damkar: int, polsek: int
) -> None:
    fire = open_fire(ctx, clock, catalogue)
    to_damkar = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE)
    dispatching.assign_units(ctx, fire.id, [unit(ctx, "DEMO-POL-01").id])
    clock.advance(60)
    forwarding.report(ctx, to_damkar.id, ReportKind.HANDLED)
    assert queries.incident(ctx, fire.id).status is not IncidentStatus.CLOSED  # type: ignore[union-attr]
    # closing by hand works now that no forwarding is open (the unit is released)
    assert incidents.close_incident(ctx, fire.id, Disposition.HANDLED).status is IncidentStatus.CLOSED

    other = open_fire(ctx, clock, catalogue, "081234567891")
    to_polsek = forwarding.forward(ctx, other.id, polsek, channel=ForwardChannel.PHONE)
    clock.advance(60)
    forwarding.report(ctx, to_polsek.id, ReportKind.CANCELLED)
    assert queries.incident(ctx, other.id).status is not IncidentStatus.CLOSED  # type: ignore[union-attr]


def test_closing_by_hand_is_refused_while_a_forwarding_is_open(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int, polsek: int
) -> None:
    forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE)
    to_polsek = forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.RADIO)
    before = last_audit_id(ctx.database)
    with pytest.raises(ServiceError) as refused:
        incidents.close_incident(ctx, fire.id, Disposition.HANDLED)
    assert refused.value.code is Refusal.FORWARDINGS_OPEN
    assert refused.value.details == {
        "number": fire.number,
        "agencies": ["Damkar Kota Semarang", "Polsek Tembalang"],
    }
    forwarding.report(ctx, to_polsek.id, ReportKind.HANDLED)
    with pytest.raises(ServiceError) as refused:
        incidents.close_incident(ctx, fire.id, Disposition.HANDLED)
    assert refused.value.details["agencies"] == ["Damkar Kota Semarang"]
    assert audit_since(ctx.database, before)[-1].action == "forwarding.report"


def test_who_took_it_and_the_agency_s_reference_may_be_corrected(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int, changes: list[Change]
) -> None:
    view = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE, person="Joko")
    changes.clear()
    corrected, audit = audited(
        ctx, lambda: forwarding.correct(ctx, view.id, reference=" DMK/77 ", person="Joko")
    )
    assert (corrected.person, corrected.reference) == ("Joko", "DMK/77")
    assert [(a.action, detail(a)) for a in audit] == [
        ("forwarding.update", {"before": {"reference": ""}, "after": {"reference": "DMK/77"}})
    ]
    assert changes == [Change(Topic.FORWARDINGS, (view.id,))]
    unchanged, audit = audited(ctx, lambda: forwarding.correct(ctx, view.id, reference="DMK/77"))
    assert (unchanged, audit) == (corrected, [])


def test_reports_on_an_incident_cancelled_as_a_duplicate_are_still_recorded(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int
) -> None:
    view = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE)
    with unit_of_work(ctx) as work:
        incident = work.session.get_one(Incident, fire.id)
        incident.status = IncidentStatus.CANCELLED.value
    clock.advance(30)
    view = forwarding.report(ctx, view.id, ReportKind.HANDLED)
    assert view.state is ForwardState.HANDLED
    assert queries.incident(ctx, fire.id).status is IncidentStatus.CANCELLED  # type: ignore[union-attr]


# --- the summary SMS -----------------------------------------------------------------------------


def test_the_summary_sms_is_queued_with_the_forwarding(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int
) -> None:
    outbox = pytest.importorskip("dispatch.services.outbox")
    view, audit = audited(
        ctx, lambda: forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.SMS, send_sms=True)
    )
    assert view.sms_state is not None
    (message,) = outbox.outbox_of(ctx, forwarding_id=view.id)
    assert (message.to_number, message.incident_id, message.state) == (
        DAMKAR_SMS_E164,
        fire.id,
        view.sms_state,
    )
    assert message.text.startswith("112 P1 Kebakaran. Jl. Sirojudin 12, ")
    assert "Mangunharjo" in message.text
    assert message.text.endswith(f"Balas: {fire.number} TERIMA/TIBA/SELESAI")
    assert "https://maps.google.com/?q=-7.04280,110.45855" in message.text
    assert len(message.text) <= 160
    assert [a.action for a in audit] == ["outbox.queue", "forwarding.create"]
    assert detail(audit[1])["sms"] == message.id


# --- SMS replies ---------------------------------------------------------------------------------


def _frame(database: Database, text: str, at: object) -> int:
    with database.transaction() as session:
        frame = FeedFrame(feed="aml-sms:///dev/ttyUSB0", received_at=at, raw=text.encode(), decoded=None)
        session.add(frame)
        session.flush()
        return frame.id


def _reply(
    ctx: ServiceContext, sender: str | None, text: str, frame_id: int | None = None
) -> tuple[int | None, str]:
    system = ctx.as_system()
    with unit_of_work(system) as work:
        return forwarding.record_sms_reply(
            work,
            sender_e164=sender,
            sender_raw=sender or "",
            text=text,
            received_at=system.clock.now(),
            frame_id=frame_id,
        )


def test_an_agency_s_sms_reply_becomes_its_report(
    ctx: ServiceContext,
    clock: ManualClock,
    fire: IncidentView,
    damkar: int,
    polsek: int,
    changes: list[Change],
) -> None:
    to_damkar = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.SMS)
    to_polsek = forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.PHONE)
    clock.advance(45)
    frame = _frame(ctx.database, f"{fire.number} TERIMA siap meluncur", clock.now())
    changes.clear()
    before = last_audit_id(ctx.database)
    short = fire.number.split("-")[0] + "-" + str(int(fire.number.split("-")[1]))
    assert _reply(ctx, DAMKAR_SMS_E164, f"{short} TERIMA siap meluncur", frame) == (to_damkar.id, "")
    (view,) = forwarding.forwardings_by_id(ctx, [to_damkar.id])
    assert (view.state, view.acknowledged_at) == (ForwardState.ACKNOWLEDGED, clock.now())
    (report,) = forwarding.reports_of(ctx, to_damkar.id)
    assert (report.kind, report.source, report.text, report.user, report.at) == (
        ReportKind.ACKNOWLEDGED,
        ReportSource.SMS,
        "siap meluncur",
        "system",
        clock.now(),
    )
    (row,) = rows(ctx.database, ForwardingReport, forwarding_id=to_damkar.id)
    assert row.frame_id == frame
    (entry,) = audit_since(ctx.database, before)
    assert (entry.action, entry.user_name, detail(entry)["source"], detail(entry)["frame"]) == (
        "forwarding.report",
        "system",
        "sms",
        frame,
    )
    assert Change(Topic.FORWARDINGS, (to_damkar.id,)) in changes
    # one of the Polsek's phones, written otherwise
    assert _reply(ctx, None, f"#{fire.number} tiba", None) == (
        None,
        f"reply to {fire.number} from a number that cannot be read: ''",
    )
    system = ctx.as_system()
    with unit_of_work(system) as work:
        found = forwarding.record_sms_reply(
            work,
            sender_e164=None,
            sender_raw="+62 24 7648 0111",
            text=f"{fire.number} TIBA",
            received_at=clock.now(),
            frame_id=None,
        )
    assert found == (to_polsek.id, "")
    assert forwarding.forwardings_by_id(ctx, [to_polsek.id])[0].state is ForwardState.ARRIVED


def test_sms_that_are_no_report_write_nothing_and_say_why(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int, polsek: int
) -> None:
    to_damkar = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.SMS)
    clock.advance(45)
    before = (
        count(ctx.database, ForwardingReport),
        count(ctx.database, IncidentNote),
        last_audit_id(ctx.database),
    )
    cases = [
        ("Pak api sudah padam", DAMKAR_SMS_E164, "not a reply: no incident number (YYYY-NNNNNN) first"),
        (f"{fire.number} TERIMA/TIBA/SELESAI", DAMKAR_SMS_E164, f"no single report word after {fire.number}"),
        ("2026-999999 TERIMA", DAMKAR_SMS_E164, "reply to 2026-999999: no such incident"),
        (
            f"{fire.number} TERIMA",
            "+6281111111111",
            f"reply to {fire.number} from +6281111111111: no forwarding to an agency with that number",
        ),
        (
            f"{fire.number} TIBA",
            POLSEK_PHONE_E164,
            f"reply to {fire.number} from {POLSEK_PHONE_E164}: no forwarding to an agency with that number",
        ),
    ]
    for text, sender, reason in cases:
        assert _reply(ctx, sender, text) == (None, reason)
    assert (
        count(ctx.database, ForwardingReport),
        count(ctx.database, IncidentNote),
        last_audit_id(ctx.database),
    ) == before
    # a report the rules refuse, and a reply on a closed forwarding
    assert _reply(ctx, DAMKAR_SMS_E164, f"{fire.number} SELESAI") == (to_damkar.id, "")
    assert _reply(ctx, DAMKAR_SMS_E164, f"{fire.number} TIBA") == (
        None,
        f"reply to {fire.number} from {DAMKAR_SMS_E164}: its forwarding is closed",
    )


def test_a_reply_from_a_number_two_agencies_share_is_not_guessed(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int
) -> None:
    shared = add_agency(
        ctx.database, "BPBD-SMG", "BPBD Kota Semarang", AgencyType.DISASTER, sms_number=DAMKAR_SMS
    )
    forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.SMS)
    forwarding.forward(ctx, fire.id, shared, channel=ForwardChannel.SMS)
    clock.advance(30)
    assert _reply(ctx, DAMKAR_SMS_E164, f"{fire.number} TERIMA") == (
        None,
        f"reply to {fire.number} from {DAMKAR_SMS_E164}: several agencies have that number "
        "(BPBD Kota Semarang, Damkar Kota Semarang)",
    )


def test_an_sms_reply_timed_before_the_forwarding_is_refused(
    ctx: ServiceContext, clock: ManualClock, fire: IncidentView, damkar: int
) -> None:
    view = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.SMS)
    system = ctx.as_system()
    with unit_of_work(system) as work:
        found = forwarding.record_sms_reply(
            work,
            sender_e164=DAMKAR_SMS_E164,
            sender_raw=DAMKAR_SMS,
            text=f"{fire.number} OK",
            received_at=view.forwarded_at - timedelta(seconds=5),
            frame_id=None,
        )
    assert found == (None, f"reply to {fire.number} from {DAMKAR_SMS_E164}: refused (report_time_invalid)")
    assert forwarding.reports_of(ctx, view.id) == []


def test_views_follow_the_agency_s_current_code_but_keep_the_name_forwarded_to(
    ctx: ServiceContext, fire: IncidentView, damkar: int
) -> None:
    view = forwarding.forward(ctx, fire.id, damkar, channel=ForwardChannel.PHONE)
    with ctx.database.transaction() as session:
        agency = session.get_one(Agency, damkar)
        agency.name, agency.code = "Dinas Pemadam Kebakaran", "DPK-SMG"
    (now,) = forwarding.forwardings_of(ctx, fire.id)
    assert now == replace(view, agency_code="DPK-SMG")


def test_the_boards_read_each_incident_s_forwardings_in_one_more_query(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, damkar: int, polsek: int
) -> None:
    first = open_fire(ctx, clock, catalogue, "081234567801")
    second = open_fire(ctx, clock, catalogue, "081234567802")
    plain = open_fire(ctx, clock, catalogue, "081234567803")
    to_damkar = forwarding.forward(ctx, first.id, damkar, channel=ForwardChannel.PHONE)
    to_polsek = forwarding.forward(ctx, first.id, polsek, channel=ForwardChannel.RADIO, acknowledged=True)
    other = forwarding.forward(ctx, second.id, damkar, channel=ForwardChannel.SMS)
    clock.advance(30)
    forwarding.report(ctx, other.id, ReportKind.CANCELLED)
    expected = {
        first.id: (
            ForwardBrief(to_damkar.id, "Damkar Kota Semarang", ForwardState.SENT, to_damkar.ack_due_at, None),
            ForwardBrief(
                to_polsek.id,
                "Polsek Tembalang",
                ForwardState.ACKNOWLEDGED,
                to_polsek.ack_due_at,
                to_polsek.forwarded_at,
            ),
        ),
        second.id: (
            ForwardBrief(other.id, "Damkar Kota Semarang", ForwardState.CANCELLED, other.ack_due_at, None),
        ),
        plain.id: (),
    }
    statements: list[str] = []

    def counted(*args: object) -> None:
        if str(args[2]).lstrip().upper().startswith("SELECT"):
            statements.append(str(args[2]))

    event.listen(ctx.database.engine, "before_cursor_execute", counted)
    try:
        board = {view.id: view.forwardings for view in queries.active_incidents(ctx)}
        assert board == expected
        assert len(statements) == 3  # incidents, their units, their forwardings
        statements.clear()
        assert {view.id: view.forwardings for view in queries.incidents_by_id(ctx, expected)} == expected
        assert len(statements) == 3
        statements.clear()
        assert queries.incident(ctx, first.id).forwardings == expected[first.id]  # type: ignore[union-attr]
        assert len(statements) == 3
    finally:
        event.remove(ctx.database.engine, "before_cursor_execute", counted)
    assert expected[first.id][0].overdue(to_damkar.ack_due_at)
    assert not expected[first.id][1].overdue(to_polsek.ack_due_at)
    assert not expected[second.id][0].overdue(other.ack_due_at)
