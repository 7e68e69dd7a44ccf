"""Forwarding an incident to an agency, and what the agency reports back (issue 16).

The call-taker records whom the incident was handed to, how and when (``forward``); what the agency
says back is a report (``report``, typed, or an SMS reply through ``record_sms_reply``). The rules
are the domain's (``domain.forwarding``): the state, the milestones written once, the times.

Locks, in the order every writer takes them (``incidents.close_incident`` explains why): the incident,
then its forwardings, then its calls. Every forwarding and report locks its incident first, so two
consoles forwarding the same incident to the same agency serialise and the second is refused
(``ALREADY_FORWARDED``), and the report that closes the last open forwarding sees every other one.

When the report closing a forwarding leaves the incident with none open, at least one handled and no
unit still out on it, the incident closes in the same unit of work (disposition ``referred``): a
centre that forwards closes the ticket when the agencies are done. Forwardings all cancelled close
nothing (the incident still needs someone).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain.clock import as_utc
from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.enums import AgencyType, Disposition, IncidentStatus
from dispatch.domain.forwarding import (
    CLOSED_STATES,
    LATEST_KEPT,
    MILESTONES,
    REACHED_BY,
    ForwardChannel,
    ForwardingError,
    ForwardState,
    OutboxKind,
    OutboxState,
    ReplyError,
    ReportKind,
    ReportSource,
    ack_due,
    ack_overdue,
    check_report_time,
    implied,
    parse_reply,
    state_after,
    summary_sms,
)
from dispatch.domain.incidents import MAX_NOTE_LENGTH, FieldProblem, FieldRejected, clean_text
from dispatch.domain.phone import parse_caller_number
from dispatch.services.agencies import default_catalogue
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.incidents import CLOSED_STATES as INCIDENT_CLOSED_STATES
from dispatch.services.incidents import answered_calls, end_calls, locked_open_incident
from dispatch.services.snapshots import IncidentView
from dispatch.services.uow import UnitOfWork, reading, unit_of_work
from dispatch.store.tables import (
    Agency,
    Assignment,
    Forwarding,
    ForwardingReport,
    Incident,
    IncidentNote,
    OutboxMessage,
    User,
)

#: The longest contact, person and reference kept (the columns' sizes; the form limits its fields so).
TEXT_LIMITS = {"contact": 100, "person": 100, "reference": 64}
#: The name the summary SMS gives the sender.
CENTRE_NAME = "112"
#: The language of the category's name in the summary SMS (agencies read Indonesian).
SMS_LANGUAGE = "id"


@dataclass(frozen=True)
class ForwardingView:
    id: int
    incident_id: int
    incident_number: str
    agency_id: int
    agency_code: str
    #: The agency's name when it was forwarded to (a later rename does not rewrite history).
    agency_name: str
    agency_type: AgencyType
    channel: ForwardChannel
    contact: str
    person: str
    reference: str
    forwarded_at: datetime
    recorded_at: datetime
    ack_limit_s: int
    ack_due_at: datetime
    acknowledged_at: datetime | None
    dispatched_at: datetime | None
    arrived_at: datetime | None
    handled_at: datetime | None
    needs_help_at: datetime | None
    state: ForwardState
    closed_at: datetime | None
    #: Who recorded it (username; "system" when nobody was logged in).
    forwarded_by: str
    #: The latest summary SMS's state; None when none was sent.
    sms_state: OutboxState | None

    @property
    def open(self) -> bool:
        return self.state not in CLOSED_STATES

    def overdue(self, now: datetime) -> bool:
        """Open, not acknowledged, and its acknowledgement limit reached (the timer's condition)."""
        return ack_overdue(self.state, self.acknowledged_at, self.ack_due_at, now)


@dataclass(frozen=True)
class ReportView:
    id: int
    forwarding_id: int
    kind: ReportKind
    #: When it happened, as reported.
    at: datetime
    recorded_at: datetime
    source: ReportSource
    text: str
    #: Who recorded it (username; "system" for an SMS reply stored by a feed).
    user: str


def forward(
    ctx: ServiceContext,
    incident_id: int,
    agency_id: int,
    *,
    channel: ForwardChannel,
    contact: str = "",
    person: str = "",
    reference: str = "",
    at: datetime | None = None,
    acknowledged: bool = False,
    send_sms: bool = False,
) -> ForwardingView:
    """Record that the incident was handed to the agency (``at``: when; now by default).

    ``acknowledged``: a person at the agency took it (on the phone): the forwarding starts
    acknowledged, with its report. ``send_sms``: the summary SMS goes to the agency's SMS number
    through the outbox in the same unit of work (``NO_SMS_NUMBER`` without a valid one). Refusals:
    NO_SUCH_INCIDENT, INCIDENT_CLOSED, NO_SUCH_AGENCY, AGENCY_INACTIVE, ALREADY_FORWARDED (an open
    forwarding to that agency), REPORT_TIME_INVALID (``at`` in the future or before the incident);
    FieldRejected(TOO_LONG) for a text longer than ``TEXT_LIMITS``.
    """
    texts = _texts(contact=contact, person=person, reference=reference)
    now = ctx.clock.now()
    when = now if at is None else as_utc(at)
    with unit_of_work(ctx) as work:
        session = work.session
        incident = locked_open_incident(session, incident_id)
        agency = session.get(Agency, agency_id)
        if agency is None:
            work.refuse(Refusal.NO_SUCH_AGENCY, agency_id=agency_id)
        if not agency.active:
            work.refuse(Refusal.AGENCY_INACTIVE, agency=agency.name)
        if _open_to(session, incident_id, agency_id) is not None:
            work.refuse(Refusal.ALREADY_FORWARDED, agency=agency.name, number=incident.number)
        if when > now or when < incident.created_at:
            work.refuse(Refusal.REPORT_TIME_INVALID, at=when, number=incident.number)
        sms_to = ""
        if send_sms:
            sms_to = _e164(agency.sms_number) or ""
            if not sms_to:
                work.refuse(Refusal.NO_SMS_NUMBER, agency=agency.name, number=agency.sms_number)
        row = Forwarding(
            incident_id=incident_id,
            agency_id=agency_id,
            agency_name=agency.name,
            channel=channel.value,
            contact=texts["contact"],
            person=texts["person"],
            reference=texts["reference"],
            forwarded_at=when,
            recorded_at=now,
            forwarded_by=ctx.actor.user_id,
            console_id=ctx.console_id,
            ack_limit_s=agency.ack_limit_s,
            ack_due_at=ack_due(when, agency.ack_limit_s),
            acknowledged_at=when if acknowledged else None,
            state=(ForwardState.ACKNOWLEDGED if acknowledged else ForwardState.SENT).value,
        )
        session.add(row)
        session.flush()
        _note(session, ctx, incident_id, f"forwarding.sent {row.id} {channel.value} {agency.name}")
        if acknowledged:
            _add_report(session, ctx, row, ReportKind.ACKNOWLEDGED, when, "", ReportSource.OPERATOR, None)
        outbox_id = None
        if sms_to:
            # Imported here: the outbox belongs to the feeds' side and builds on the services.
            from dispatch.services import outbox

            outbox_id = outbox.queue_sms(
                work,
                to_number=sms_to,
                text=_summary(incident),
                forwarding_id=row.id,
                incident_id=incident_id,
            )
        detail: dict[str, Any] = {
            "incident": incident.number,
            "agency": agency.code,
            "agency_name": agency.name,
            "channel": channel.value,
            "contact": row.contact,
            "person": row.person,
            "reference": row.reference,
            "at": when.isoformat(),
            "acknowledged": acknowledged,
            "ack_limit_s": row.ack_limit_s,
        }
        if outbox_id is not None:
            detail["sms"] = outbox_id
        work.audit(AuditAction.FORWARDING_CREATE, "forwarding", row.id, **detail)
        _announce(work, row)
        view = _views(session, [row.id])[0]
    return view


def report(
    ctx: ServiceContext,
    forwarding_id: int,
    kind: ReportKind,
    *,
    at: datetime | None = None,
    text: str = "",
    source: ReportSource = ReportSource.OPERATOR,
    frame_id: int | None = None,
) -> ForwardingView:
    """Record what the agency reported (``at``: when it happened; now by default).

    The milestones are written once (the implied ones too), the state moves as
    ``domain.forwarding.state_after`` says, a handled or cancelled report closes the forwarding,
    and the last one closing may close the incident (the module docstring). Refusals:
    NO_SUCH_FORWARDING, FORWARDING_CLOSED, REPORT_TIME_INVALID, REPORT_OUT_OF_ORDER, NOTE_TOO_LONG.
    """
    clean = _report_text(text, cut=False)
    with unit_of_work(ctx) as work:
        session = work.session
        incident_id = session.scalar(select(Forwarding.incident_id).where(Forwarding.id == forwarding_id))
        if incident_id is None:
            work.refuse(Refusal.NO_SUCH_FORWARDING, forwarding_id=forwarding_id)
        incident = session.get_one(Incident, incident_id, with_for_update=True)
        forwardings = _locked_forwardings(session, incident_id)
        row = forwardings[forwarding_id]
        when = ctx.clock.now() if at is None else as_utc(at)
        try:
            _report(work, incident, row, forwardings.values(), kind, when, clean, source, frame_id)
        except ForwardingError as error:
            work.refuse(error.code, forwarding_id=forwarding_id, agency=row.agency_name, kind=kind.value)
        view = _views(session, [forwarding_id])[0]
    return view


def correct(
    ctx: ServiceContext, forwarding_id: int, *, person: str | None = None, reference: str | None = None
) -> ForwardingView:
    """Correct who took the forwarding, or the agency's reference (also on a closed one: a
    reference often comes later); audited with before and after. Nothing changed writes nothing."""
    given = {
        name: value for name, value in (("person", person), ("reference", reference)) if value is not None
    }
    clean = _texts(**given)
    with unit_of_work(ctx) as work:
        session = work.session
        incident_id = session.scalar(select(Forwarding.incident_id).where(Forwarding.id == forwarding_id))
        if incident_id is None:
            work.refuse(Refusal.NO_SUCH_FORWARDING, forwarding_id=forwarding_id)
        session.get_one(Incident, incident_id, with_for_update=True)
        row = _locked_forwardings(session, incident_id)[forwarding_id]
        changed = {name: value for name, value in clean.items() if getattr(row, name) != value}
        if changed:
            before = {name: getattr(row, name) for name in changed}
            for name, value in changed.items():
                setattr(row, name, value)
            work.audit(AuditAction.FORWARDING_UPDATE, "forwarding", row.id, before=before, after=changed)
            work.notify(Topic.FORWARDINGS, row.id)
        view = _views(session, [forwarding_id])[0]
    return view


def forwardings_of(ctx: ServiceContext, incident_id: int) -> list[ForwardingView]:
    """The incident's forwardings, open and closed, in the order they were made."""
    with reading(ctx) as session:
        return _views(session, None, Forwarding.incident_id == incident_id)


def reports_of(ctx: ServiceContext, forwarding_id: int) -> list[ReportView]:
    """What was reported on the forwarding, by the time it happened (then as recorded)."""
    with reading(ctx) as session:
        rows = session.execute(
            select(ForwardingReport, User.username)
            .outerjoin(User, User.id == ForwardingReport.user_id)
            .where(ForwardingReport.forwarding_id == forwarding_id)
            .order_by(ForwardingReport.at, ForwardingReport.id)
        ).all()
        return [
            ReportView(
                id=report.id,
                forwarding_id=report.forwarding_id,
                kind=ReportKind(report.kind),
                at=report.at,
                recorded_at=report.recorded_at,
                source=ReportSource(report.source),
                text=report.text,
                user=username or "system",
            )
            for report, username in rows
        ]


def open_forwardings(ctx: ServiceContext) -> list[ForwardingView]:
    """Every open forwarding (boards, the handover), the longest waiting first."""
    with reading(ctx) as session:
        return _views(session, None, Forwarding.closed_at.is_(None))


def forwardings_by_id(ctx: ServiceContext, ids: Iterable[int]) -> list[ForwardingView]:
    """The named forwardings as they are now (unknown ids are left out)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    with reading(ctx) as session:
        return _views(session, wanted)


def record_sms_reply(
    work: UnitOfWork,
    *,
    sender_e164: str | None,
    sender_raw: str,
    text: str,
    received_at: datetime,
    frame_id: int | None,
) -> tuple[int | None, str]:
    """An SMS that is not AML, inside the feed's unit of work: an agency's reply in the documented
    form (``domain.forwarding``) becomes its report (source SMS, the frame, the SMS's arrival).

    Returns (the forwarding's id, "") or (None, why not, in English) and then writes nothing: not a
    reply, no such incident, no open forwarding of it to an agency with the sender's number (its SMS
    number or one of its phones, compared in E.164), or a report the rules refuse.
    """
    try:
        reply = parse_reply(text)
    except ReplyError as error:
        return None, error.reason
    sender = sender_e164 or _e164(sender_raw)
    if not sender:
        return (
            None,
            f"reply to {reply.incident_number} from a number that cannot be read: {sender_raw[:40]!r}",
        )
    session = work.session
    incident = session.scalars(
        select(Incident).where(Incident.number == reply.incident_number).with_for_update()
    ).first()
    if incident is None:
        return None, f"reply to {reply.incident_number}: no such incident"
    forwardings = _locked_forwardings(session, incident.id)
    numbers = {
        agency_id: _agency_numbers(sms, phones)
        for agency_id, sms, phones in session.execute(
            select(Agency.id, Agency.sms_number, Agency.phones).where(
                Agency.id.in_({row.agency_id for row in forwardings.values()})
            )
        )
    }
    theirs = [row for row in forwardings.values() if sender in numbers.get(row.agency_id, ())]
    open_ones = [row for row in theirs if ForwardState(row.state) not in CLOSED_STATES]
    if not open_ones:
        if theirs:
            return None, f"reply to {reply.incident_number} from {sender}: its forwarding is closed"
        return (
            None,
            f"reply to {reply.incident_number} from {sender}: no forwarding to an agency with that number",
        )
    if len({row.agency_id for row in open_ones}) > 1:
        names = ", ".join(sorted(row.agency_name for row in open_ones))
        return (
            None,
            f"reply to {reply.incident_number} from {sender}: several agencies have that number ({names})",
        )
    row = open_ones[0]
    try:
        _report(
            work,
            incident,
            row,
            forwardings.values(),
            reply.kind,
            as_utc(received_at),
            _report_text(reply.text, cut=True),
            ReportSource.SMS,
            frame_id,
        )
    except ForwardingError as error:
        return None, f"reply to {reply.incident_number} from {sender}: refused ({error.code.value})"
    return row.id, ""


# -- the work ---------------------------------------------------------------------------------------


def _report(
    work: UnitOfWork,
    incident: Incident,
    row: Forwarding,
    forwardings: Iterable[Forwarding],
    kind: ReportKind,
    at: datetime,
    text: str,
    source: ReportSource,
    frame_id: int | None,
) -> None:
    """The report on ``row`` (locked, as its incident and ``forwardings``, all of the incident's).

    Everything is checked before the first write: a ForwardingError leaves the session untouched.
    """
    session, ctx = work.session, work.ctx
    now = ctx.clock.now()
    current = ForwardState(row.state)
    after = state_after(current, kind)
    reached = getattr(row, REACHED_BY.get(current, "forwarded_at")) or row.forwarded_at
    check_report_time(current, kind, at, forwarded_at=row.forwarded_at, reached_at=reached, now=now)
    closes_incident = after in CLOSED_STATES and _last_one_done(session, incident, row, after, forwardings)
    calls = answered_calls(session, incident.id) if closes_incident else []
    _add_report(session, ctx, row, kind, at, text, source, frame_id)
    for step in (*implied(kind), kind):
        column = MILESTONES.get(step)
        if column is None:
            continue
        written = getattr(row, column)
        if written is None or (step in LATEST_KEPT and at > written):
            setattr(row, column, at)
    row.state = after.value
    if after in CLOSED_STATES:
        row.closed_at = at
    _note(session, ctx, incident.id, f"forwarding.report {row.id} {kind.value} {row.agency_name}")
    detail: dict[str, Any] = {
        "incident": incident.number,
        "agency_name": row.agency_name,
        "kind": kind.value,
        "at": at.isoformat(),
        "source": source.value,
        "before": current.value,
        "after": after.value,
    }
    if text:
        detail["text"] = text
    if frame_id is not None:
        detail["frame"] = frame_id
    work.audit(AuditAction.FORWARDING_REPORT, "forwarding", row.id, **detail)
    _announce(work, row)
    if closes_incident:
        ended = end_calls(session, ctx, incident, calls)
        incident.status = IncidentStatus.CLOSED.value
        incident.disposition = Disposition.REFERRED.value
        incident.closed_at = now
        incident.updated_at = now
        work.audit(
            AuditAction.INCIDENT_CLOSE,
            "incident",
            incident.id,
            disposition=Disposition.REFERRED.value,
            by_forwarding=row.id,
        )
        if ended:
            work.notify(Topic.CALLS, *ended)


def _last_one_done(
    session: Session,
    incident: Incident,
    row: Forwarding,
    after: ForwardState,
    forwardings: Iterable[Forwarding],
) -> bool:
    """Whether closing ``row`` (to ``after``) closes the incident (the module docstring)."""
    if incident.status in INCIDENT_CLOSED_STATES:
        return False
    others = [other for other in forwardings if other.id != row.id]
    if any(ForwardState(other.state) not in CLOSED_STATES for other in others):
        return False
    if after is not ForwardState.HANDLED and all(
        other.state != ForwardState.HANDLED.value for other in others
    ):
        return False
    units_out = session.scalar(
        select(Assignment.id)
        .where(
            Assignment.incident_id == incident.id,
            Assignment.cleared_at.is_(None),
            Assignment.cancelled_at.is_(None),
        )
        .limit(1)
    )
    return units_out is None


def _add_report(
    session: Session,
    ctx: ServiceContext,
    row: Forwarding,
    kind: ReportKind,
    at: datetime,
    text: str,
    source: ReportSource,
    frame_id: int | None,
) -> None:
    session.add(
        ForwardingReport(
            forwarding_id=row.id,
            kind=kind.value,
            at=at,
            recorded_at=ctx.clock.now(),
            source=source.value,
            text=text,
            user_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            frame_id=frame_id,
        )
    )


def _note(session: Session, ctx: ServiceContext, incident_id: int, text: str) -> None:
    session.add(
        IncidentNote(
            incident_id=incident_id,
            at=ctx.clock.now(),
            author_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            kind=NoteKind.SYSTEM.value,
            text=text,
        )
    )


def _announce(work: UnitOfWork, row: Forwarding) -> None:
    work.notify(Topic.FORWARDINGS, row.id)
    work.notify(Topic.INCIDENTS, row.incident_id)
    work.notify(Topic.NOTES, row.incident_id)


def _locked_forwardings(session: Session, incident_id: int) -> dict[int, Forwarding]:
    """Every forwarding of the incident, locked by id, read afresh (after the incident's lock)."""
    rows = session.scalars(
        select(Forwarding)
        .where(Forwarding.incident_id == incident_id)
        .order_by(Forwarding.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {row.id: row for row in rows}


def _open_to(session: Session, incident_id: int, agency_id: int) -> int | None:
    return session.scalar(
        select(Forwarding.id).where(
            Forwarding.incident_id == incident_id,
            Forwarding.agency_id == agency_id,
            Forwarding.closed_at.is_(None),
        )
    )


def _texts(**values: str) -> dict[str, str]:
    clean = {}
    for name, value in values.items():
        text = clean_text(value)
        if len(text) > TEXT_LIMITS[name]:
            raise FieldRejected(name, FieldProblem.TOO_LONG)
        clean[name] = text
    return clean


def _report_text(text: str, *, cut: bool) -> str:
    """A report's text as one line; an operator's over the notes' limit is refused, an SMS's cut
    (its frame keeps it whole)."""
    clean = clean_text(text)
    if len(clean) > MAX_NOTE_LENGTH:
        if not cut:
            raise ServiceError(Refusal.NOTE_TOO_LONG, limit=MAX_NOTE_LENGTH)
        clean = clean[:MAX_NOTE_LENGTH]
    return clean


def _e164(number: str) -> str | None:
    return parse_caller_number(number, describe=False).e164 if number.strip() else None


def _agency_numbers(sms_number: str, phones: str) -> frozenset[str]:
    """The agency's numbers a reply may come from, in E.164."""
    found = (_e164(number) for number in (sms_number, *phones.split(";")))
    return frozenset(number for number in found if number)


def _summary(incident: Incident) -> str:
    view = IncidentView.of(incident)
    catalogue = default_catalogue()
    category = view.category
    label = catalogue.get(category).label(SMS_LANGUAGE) if category and category in catalogue else ""
    address = view.location_summary
    if view.district and view.district not in address:
        address = f"{address}, {view.district}" if address else view.district
    return summary_sms(
        number=view.number,
        category_label=label,
        priority=view.priority.value,
        address=address,
        lat=view.lat,
        lon=view.lon,
        callback=view.callback_number,
        centre=CENTRE_NAME,
    )


def _views(session: Session, ids: Sequence[int] | None, *where: Any) -> list[ForwardingView]:
    query = (
        select(Forwarding, Incident.number, Agency.code, Agency.agency_type, User.username)
        .join(Incident, Incident.id == Forwarding.incident_id)
        .join(Agency, Agency.id == Forwarding.agency_id)
        .outerjoin(User, User.id == Forwarding.forwarded_by)
        .where(*where)
        .order_by(Forwarding.forwarded_at, Forwarding.id)
    )
    if ids is not None:
        query = query.where(Forwarding.id.in_(ids))
    rows = session.execute(query).all()
    sms: dict[int, OutboxState] = {}
    if rows:
        for forwarding_id, state in session.execute(
            select(OutboxMessage.forwarding_id, OutboxMessage.state)
            .where(
                OutboxMessage.forwarding_id.in_([row[0].id for row in rows]),
                OutboxMessage.kind == OutboxKind.SMS.value,
            )
            .order_by(OutboxMessage.id)
        ):
            if forwarding_id is not None:
                sms[forwarding_id] = OutboxState(state)  # the latest wins
    return [
        ForwardingView(
            id=row.id,
            incident_id=row.incident_id,
            incident_number=number,
            agency_id=row.agency_id,
            agency_code=code,
            agency_name=row.agency_name,
            agency_type=AgencyType(agency_type),
            channel=ForwardChannel(row.channel),
            contact=row.contact,
            person=row.person,
            reference=row.reference,
            forwarded_at=row.forwarded_at,
            recorded_at=row.recorded_at,
            ack_limit_s=row.ack_limit_s,
            ack_due_at=row.ack_due_at,
            acknowledged_at=row.acknowledged_at,
            dispatched_at=row.dispatched_at,
            arrived_at=row.arrived_at,
            handled_at=row.handled_at,
            needs_help_at=row.needs_help_at,
            state=ForwardState(row.state),
            closed_at=row.closed_at,
            forwarded_by=username or "system",
            sms_state=sms.get(row.id),
        )
        for row, number, code, agency_type, username in rows
    ]


def end_with_incident(
    work: UnitOfWork, incident: Incident, *, duplicate_of: Incident | None = None
) -> list[int]:
    """The open forwardings of an incident being cancelled (it and ``duplicate_of`` are locked).

    The agency was told of an event, not of an incident number: when the incident turns out to be a
    duplicate, its forwardings move to the incident it duplicates (audited as corrected, from one to the
    other), unless that one is already forwarded to the same agency; a forwarding not moved is cancelled
    (a report, so the agency's timer stops and the figures count it as withdrawn). A call classified as
    not an emergency cancels them too. Returns the forwardings touched.
    """
    session = work.session
    rows = [row for row in _locked_forwardings(session, incident.id).values() if row.closed_at is None]
    now = work.ctx.clock.now()
    for row in rows:
        if duplicate_of is not None and _open_to(session, duplicate_of.id, row.agency_id) is None:
            row.incident_id = duplicate_of.id
            work.audit(
                AuditAction.FORWARDING_UPDATE,
                "forwarding",
                row.id,
                incident_before=incident.number,
                incident_after=duplicate_of.number,
                reason="duplicate",
            )
            _announce(work, row)
            work.notify(Topic.INCIDENTS, incident.id)
            continue
        _add_report(session, work.ctx, row, ReportKind.CANCELLED, now, "", ReportSource.OPERATOR, None)
        row.state = ForwardState.CANCELLED.value
        row.closed_at = now
        _note(
            session,
            work.ctx,
            incident.id,
            f"forwarding.report {row.id} {ReportKind.CANCELLED.value} {row.agency_name}",
        )
        work.audit(
            AuditAction.FORWARDING_REPORT,
            "forwarding",
            row.id,
            incident=incident.number,
            agency_name=row.agency_name,
            kind=ReportKind.CANCELLED.value,
            at=now.isoformat(),
            source=ReportSource.OPERATOR.value,
            reason="duplicate" if duplicate_of is not None else "not_an_emergency",
        )
        _announce(work, row)
    return [row.id for row in rows]
