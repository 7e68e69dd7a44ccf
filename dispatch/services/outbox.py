"""The outbox: SMS and calls the console asks its feeds to send, and what became of each.

A request is stored first (``queue_sms`` inside the caller's unit of work, ``queue_dial`` in its
own), so that a crash between asking and sending loses nothing; whichever process runs the feed
that sends (a console, or the centre's gateway) takes it (``take_outgoing``: QUEUED -> SENDING, two
processes never take the same row: ``SKIP LOCKED`` on PostgreSQL, the write lock on SQLite), sends
it, and records what the modem or the PBX said: SENT with its reference (the modem's ``+CMGS``
message reference, an Originate's ActionID), FAILED with the reason, or back to QUEUED when it was
taken but never sent (the modem went away), FAILED after ``MAX_ATTEMPTS`` such takes. An SMS's
delivery report makes it DELIVERED or UNDELIVERED (``record_delivery``, in the feed's unit of work
with the report's frame).

What needs a person is an alert (``alerts`` rows, listed with the overdue timers by
``open_failure_alerts``, acknowledged like them): a message that failed, an SMS the network could
not deliver, and a message no feed has taken for a minute (no modem or PBX feed running, or one
that is down) or taken and not answered for five. The kinds are ``OUTBOX_ALERT_KINDS``; ``entity``
is "outbox", ``entity_id`` the message's id, ``label`` the agency's name (a forwarding's SMS) or the
number, ``since`` when it failed (or was queued), ``incident_number`` the incident's number.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import phonenumbers
from phonenumbers import PhoneNumberFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain import forwarding as forwarding_rules
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.forwarding import SMS_LIMIT, OutboxKind, OutboxState, context_problem, extension_problem
from dispatch.domain.phone import DEFAULT_REGION, parse_caller_number
from dispatch.services.alerts import AlertView
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import UnitOfWork, insert_unless_taken, reading, unit_of_work
from dispatch.store.tables import Agency, Alert, Forwarding, Incident, OutboxMessage

#: Takes of a message that ended without sending it (the modem went away) before it fails.
MAX_ATTEMPTS = 3
#: A message no feed has taken this long raises an alert (no modem or PBX feed is running).
WAITING_LIMIT = timedelta(minutes=1)
#: A message taken and not answered this long raises one too (the process that took it is gone).
SENDING_LIMIT = timedelta(minutes=5)

OUTBOX_SMS_FAILED_ALERT = "outbox_sms_failed"
OUTBOX_SMS_UNDELIVERED_ALERT = "outbox_sms_undelivered"
OUTBOX_SMS_WAITING_ALERT = "outbox_sms_waiting"
OUTBOX_DIAL_FAILED_ALERT = "outbox_dial_failed"
OUTBOX_DIAL_WAITING_ALERT = "outbox_dial_waiting"
OUTBOX_ALERT_KINDS = (
    OUTBOX_SMS_FAILED_ALERT,
    OUTBOX_SMS_UNDELIVERED_ALERT,
    OUTBOX_SMS_WAITING_ALERT,
    OUTBOX_DIAL_FAILED_ALERT,
    OUTBOX_DIAL_WAITING_ALERT,
)
_WAITING_KINDS = (OUTBOX_SMS_WAITING_ALERT, OUTBOX_DIAL_WAITING_ALERT)
_UNANSWERED = (OutboxState.QUEUED.value, OutboxState.SENDING.value)
_ENTITY = "outbox"


@dataclass(frozen=True)
class OutboxView:
    id: int
    kind: OutboxKind
    forwarding_id: int | None
    incident_id: int | None
    #: E.164 for an SMS; the digits the PBX dials for a dial.
    to_number: str
    #: The SMS's text; a dial's dialplan context ("" for the sending feed's default).
    text: str
    from_extension: str
    queued_at: datetime
    state: OutboxState
    feed: str
    taken_at: datetime | None
    attempts: int
    sent_at: datetime | None
    reference: str
    failed_reason: str
    delivered_at: datetime | None
    delivery_status: int | None
    #: The incident's number ("" without one): a dial shows it on the operator's telephone.
    incident_number: str = ""

    @staticmethod
    def of(row: OutboxMessage, incident_number: str = "") -> OutboxView:
        return OutboxView(
            id=row.id,
            kind=OutboxKind(row.kind),
            forwarding_id=row.forwarding_id,
            incident_id=row.incident_id,
            to_number=row.to_number,
            text=row.text,
            from_extension=row.from_extension,
            queued_at=row.queued_at,
            state=OutboxState(row.state),
            feed=row.feed,
            taken_at=row.taken_at,
            attempts=row.attempts,
            sent_at=row.sent_at,
            reference=row.reference,
            failed_reason=row.failed_reason,
            delivered_at=row.delivered_at,
            delivery_status=row.delivery_status,
            incident_number=incident_number,
        )


def _views(session: Session, rows: Sequence[OutboxMessage]) -> list[OutboxView]:
    """The rows' views with their incidents' numbers (one query)."""
    wanted = {row.incident_id for row in rows if row.incident_id is not None}
    numbers: dict[int, str] = {}
    if wanted:
        found = session.execute(select(Incident.id, Incident.number).where(Incident.id.in_(wanted)))
        numbers = {incident_id: number for incident_id, number in found}
    return [OutboxView.of(row, numbers.get(row.incident_id or 0, "")) for row in rows]


# -- what can be sent -------------------------------------------------------------------------------


def sms_number(number: str, region: str = DEFAULT_REGION) -> str | None:
    """``number`` in E.164, as an SMS is addressed; None when it is no valid number."""
    return parse_caller_number(number, region, describe=False).e164


def dial_digits(number: str, region: str = DEFAULT_REGION) -> str:
    """What the PBX dials for ``number``: a short number's digits as they are ("113"); a number of
    the region in its national form ("0248311234"); another country's in E.164; "" for none."""
    text = number.strip()
    if text.isascii() and text.isdigit() and len(text) <= 6:
        return text
    e164 = parse_caller_number(text, region, describe=False).e164
    if e164 is None:
        return ""
    if phonenumbers.region_code_for_number(phonenumbers.parse(e164, None)) != region.upper():
        return e164
    return re.sub(
        r"\D", "", phonenumbers.format_number(phonenumbers.parse(e164, None), PhoneNumberFormat.NATIONAL)
    )


def sms_text(text: str) -> str:
    """``text`` as one text-mode SMS carries it alike on every modem (``domain.forwarding.sms_text``:
    characters GSM 03.38 and ASCII share, one line), cut at ``SMS_LIMIT`` characters."""
    return forwarding_rules.sms_text(text)[:SMS_LIMIT]


# -- asking ---------------------------------------------------------------------------------------


def queue_sms(
    work: UnitOfWork, *, to_number: str, text: str, forwarding_id: int | None, incident_id: int | None
) -> int:
    """Queue an SMS to ``to_number`` in the caller's unit of work (NO_SMS_NUMBER when it is no valid
    number); ``text`` is made sendable (``sms_text``). Returns the outbox id."""
    e164 = sms_number(to_number)
    if e164 is None:
        work.refuse(Refusal.NO_SMS_NUMBER, number=to_number)
    row = _new(work.ctx, OutboxKind.SMS, e164, sms_text(text), forwarding_id, incident_id, "")
    work.session.add(row)
    work.session.flush()
    work.audit(
        AuditAction.OUTBOX_QUEUE,
        _ENTITY,
        row.id,
        kind=OutboxKind.SMS.value,
        to=e164,
        forwarding=forwarding_id,
        incident=incident_id,
        length=len(row.text),
    )
    work.notify(Topic.OUTBOX, row.id)
    return row.id


def queue_dial(
    ctx: ServiceContext,
    *,
    incident_id: int,
    agency_id: int,
    to_number: str,
    extension: str,
    context: str = "",
) -> OutboxView:
    """Queue a call through the PBX: the operator's ``extension`` rings first, then the PBX dials
    ``to_number`` in ``context`` ("" the sending feed's default). NO_EXTENSION when the extension is
    missing or no channel, NO_DIAL_NUMBER when the number is; NO_SUCH_INCIDENT, NO_SUCH_AGENCY."""
    if extension_problem(extension):
        raise ServiceError(Refusal.NO_EXTENSION)
    digits = dial_digits(to_number)
    if not digits:
        raise ServiceError(Refusal.NO_DIAL_NUMBER, number=to_number)
    context = context.strip()
    if context and context_problem(context):
        raise ServiceError(Refusal.NO_EXTENSION, context=context)
    with unit_of_work(ctx) as work:
        session = work.session
        incident = session.get(Incident, incident_id)
        if incident is None:
            work.refuse(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        if session.get(Agency, agency_id) is None:
            work.refuse(Refusal.NO_SUCH_AGENCY, agency_id=agency_id)
        row = _new(ctx, OutboxKind.DIAL, digits, context, None, incident_id, extension.strip())
        session.add(row)
        session.flush()
        work.audit(
            AuditAction.OUTBOX_QUEUE,
            _ENTITY,
            row.id,
            kind=OutboxKind.DIAL.value,
            to=digits,
            agency=agency_id,
            incident=incident_id,
            extension=row.from_extension,
            context=context,
        )
        work.notify(Topic.OUTBOX, row.id)
        view = OutboxView.of(row, incident.number)
    return view


def _new(
    ctx: ServiceContext,
    kind: OutboxKind,
    to_number: str,
    text: str,
    forwarding_id: int | None,
    incident_id: int | None,
    extension: str,
) -> OutboxMessage:
    return OutboxMessage(
        kind=kind.value,
        forwarding_id=forwarding_id,
        incident_id=incident_id,
        to_number=to_number,
        text=text,
        from_extension=extension,
        queued_at=ctx.clock.now(),
        queued_by=ctx.actor.user_id,
        console_id=ctx.console_id,
        state=OutboxState.QUEUED.value,
        feed="",
        attempts=0,
        reference="",
        failed_reason="",
    )


# -- the sending feed's side ----------------------------------------------------------------------


def take_outgoing(ctx: ServiceContext, feed: str, kind: OutboxKind, limit: int = 5) -> list[OutboxView]:
    """The oldest QUEUED messages of ``kind`` (up to ``limit``), now SENDING by ``feed``: two
    processes never take the same. Nothing queued costs one read, no write."""
    queued = (OutboxMessage.state == OutboxState.QUEUED.value) & (OutboxMessage.kind == kind.value)
    with reading(ctx) as session:
        # ix_outbox_state_queued_at: polled about once a second by every sending feed.
        if session.scalar(select(OutboxMessage.id).where(queued).limit(1)) is None:
            return []
    now = ctx.clock.now()
    with unit_of_work(ctx.as_system()) as work:
        rows = work.session.scalars(
            select(OutboxMessage)
            .where(queued)
            .order_by(OutboxMessage.queued_at, OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        for row in rows:
            row.state = OutboxState.SENDING.value
            row.feed = feed[:255]
            row.taken_at = now
            row.attempts += 1
        if rows:
            _clear_waiting(work, [row.id for row in rows])
            work.notify(Topic.OUTBOX, *(row.id for row in rows))
        views = _views(work.session, rows)
    return views


def record_sent(ctx: ServiceContext, outbox_id: int, *, reference: str) -> None:
    """The modem took the SMS (its message reference) or the PBX began the call (its ActionID)."""
    with unit_of_work(ctx.as_system()) as work:
        mark_sent(work, outbox_id, reference=reference)


def record_failed(ctx: ServiceContext, outbox_id: int, reason: str) -> None:
    """The modem or the PBX refused it (``reason`` in English, for the alert and the log)."""
    with unit_of_work(ctx.as_system()) as work:
        mark_failed(work, outbox_id, reason)


def release_unsent(ctx: ServiceContext, outbox_id: int, reason: str) -> None:
    """Taken but never sent (the modem went away): QUEUED again, FAILED after ``MAX_ATTEMPTS``."""
    with unit_of_work(ctx.as_system()) as work:
        mark_unsent(work, outbox_id, reason)


def mark_sent(work: UnitOfWork, outbox_id: int, *, reference: str, frame_id: int | None = None) -> None:
    """``record_sent`` in ``work`` (the feed's, with the modem's answer as ``frame_id``)."""
    row = _locked(work.session, outbox_id)
    state = OutboxState(row.state)
    if state not in (OutboxState.QUEUED, OutboxState.SENDING):
        # A late answer for a message already settled (failed after its attempts): the answer is in
        # the feed log; what the row says stays.
        work.audit(
            AuditAction.OUTBOX_SENT, _ENTITY, row.id, reference=reference, ignored=state.value, frame=frame_id
        )
        return
    row.state = OutboxState.SENT.value
    row.sent_at = work.ctx.clock.now()
    row.reference = reference[:64]
    row.failed_reason = ""
    _clear_waiting(work, [row.id])
    work.audit(
        AuditAction.OUTBOX_SENT,
        _ENTITY,
        row.id,
        kind=row.kind,
        reference=row.reference,
        feed=row.feed,
        attempts=row.attempts,
        frame=frame_id,
    )
    work.notify(Topic.OUTBOX, row.id)


def mark_failed(work: UnitOfWork, outbox_id: int, reason: str, *, frame_id: int | None = None) -> None:
    """``record_failed`` in ``work``."""
    row = _locked(work.session, outbox_id)
    if OutboxState(row.state) not in (OutboxState.QUEUED, OutboxState.SENDING):
        work.audit(AuditAction.OUTBOX_FAILED, _ENTITY, row.id, reason=reason[:500], ignored=row.state)
        return
    _fail(work, row, reason, frame_id)


def mark_unsent(work: UnitOfWork, outbox_id: int, reason: str) -> None:
    """``release_unsent`` in ``work``."""
    row = _locked(work.session, outbox_id)
    if OutboxState(row.state) is not OutboxState.SENDING:
        return  # answered meanwhile (sent, failed), or released already
    if row.attempts >= MAX_ATTEMPTS:
        _fail(work, row, f"not sent after {row.attempts} attempts; the last: {reason}", None)
        return
    row.state = OutboxState.QUEUED.value
    work.audit(
        AuditAction.OUTBOX_QUEUE, _ENTITY, row.id, requeued=True, attempts=row.attempts, reason=reason[:500]
    )
    work.notify(Topic.OUTBOX, row.id)


def release_taken_before(work: UnitOfWork, feed: str, before: datetime, reason: str) -> list[int]:
    """Messages ``feed`` took before ``before`` and never answered (the process that took them
    ended): each released as by ``mark_unsent``. Returns their ids."""
    ids = list(
        work.session.scalars(
            select(OutboxMessage.id).where(
                OutboxMessage.state == OutboxState.SENDING.value,
                OutboxMessage.feed == feed[:255],
                OutboxMessage.taken_at < before,
            )
        )
    )
    for outbox_id in ids:
        mark_unsent(work, outbox_id, reason)
    return ids


def record_delivery(
    work: UnitOfWork,
    *,
    feed: str,
    reference: str,
    status: int,
    at: datetime,
    frame_id: int | None,
    to_number: str | None = None,
) -> int | None:
    """A delivery report (TP-ST ``status``, 3GPP TS 23.040 9.2.3.15) for the latest SMS ``feed``
    SENT with that message reference (and to ``to_number`` in E.164, when the report names it):
    0-31 delivered, 32-63 the network still trying (the status noted, nothing settled), 64 and over
    not delivered (an alert). Returns the message's id, None when no message waits for it."""
    session = work.session
    which = select(
        OutboxMessage
    ).where(
        OutboxMessage.reference == reference[:64],  # ix_outbox_reference
        OutboxMessage.feed == feed[:255],
        OutboxMessage.kind == OutboxKind.SMS.value,
        OutboxMessage.state == OutboxState.SENT.value,
    )
    if to_number:
        which = which.where(OutboxMessage.to_number == to_number)
    row = session.scalars(
        which.order_by(OutboxMessage.sent_at.desc(), OutboxMessage.id.desc()).limit(1).with_for_update()
    ).first()
    if row is None:
        return None
    row.delivery_status = status
    row.delivery_frame_id = frame_id
    if status < 32:
        row.state = OutboxState.DELIVERED.value
        row.delivered_at = at
    elif status >= 64:
        row.state = OutboxState.UNDELIVERED.value
        row.delivered_at = at
        _raise(work, row, OUTBOX_SMS_UNDELIVERED_ALERT, at)
    work.audit(AuditAction.OUTBOX_DELIVERY, _ENTITY, row.id, status=status, state=row.state, frame=frame_id)
    work.notify(Topic.OUTBOX, row.id)
    return row.id


# -- reading --------------------------------------------------------------------------------------


def outbox_of(
    ctx: ServiceContext, *, forwarding_id: int | None = None, incident_id: int | None = None
) -> list[OutboxView]:
    """A forwarding's or an incident's messages (both given: those of both), oldest first."""
    if forwarding_id is None and incident_id is None:
        return []
    with reading(ctx) as session:
        which = select(OutboxMessage)
        if forwarding_id is not None:
            which = which.where(OutboxMessage.forwarding_id == forwarding_id)
        if incident_id is not None:
            which = which.where(OutboxMessage.incident_id == incident_id)
        rows = session.scalars(which.order_by(OutboxMessage.queued_at, OutboxMessage.id)).all()
        return _views(session, rows)


def outbox_message(ctx: ServiceContext, outbox_id: int) -> OutboxView | None:
    """One message (an alert's, for its reason), or None."""
    with reading(ctx) as session:
        row = session.get(OutboxMessage, outbox_id)
        return None if row is None else _views(session, [row])[0]


def open_failure_alerts(ctx: ServiceContext) -> list[AlertView]:
    """The outbox's alerts nobody has acknowledged yet, oldest first (the module docstring says
    which). Messages waiting too long get theirs raised here (once: one open alert per message and
    kind), by whichever console or gateway looks first; nothing waiting costs two indexed reads."""
    now = ctx.clock.now()
    with reading(ctx) as session:
        stale = [
            (row_id, kind)
            for row_id, kind, state, taken_at in session.execute(
                select(
                    OutboxMessage.id, OutboxMessage.kind, OutboxMessage.state, OutboxMessage.taken_at
                ).where(
                    # ix_outbox_state_queued_at; a message taken was queued before it was taken.
                    OutboxMessage.state.in_(_UNANSWERED),
                    OutboxMessage.queued_at <= now - WAITING_LIMIT,
                )
            )
            if state == OutboxState.QUEUED.value or (taken_at is not None and taken_at <= now - SENDING_LIMIT)
        ]
        alerted = (
            {
                (kind, entity_id)
                for kind, entity_id in session.execute(
                    select(Alert.kind, Alert.entity_id).where(
                        Alert.kind.in_(_WAITING_KINDS),  # ix_alerts_kind_entity_id
                        Alert.entity_id.in_([str(row_id) for row_id, _ in stale]),
                        Alert.cleared_at.is_(None),  # acknowledged or not: one per waiting
                    )
                )
            }
            if stale
            else set()
        )
        rows = _open_alert_rows(session)
    missing = [(row_id, kind) for row_id, kind in stale if (_waiting_kind(kind), str(row_id)) not in alerted]
    if missing:
        with unit_of_work(ctx.as_system()) as work:
            for row_id, _kind in missing:
                message = work.session.get(OutboxMessage, row_id, with_for_update=True)
                if message is not None and message.state in _UNANSWERED:
                    _raise(work, message, _waiting_kind(message.kind), message.queued_at)
        with reading(ctx) as session:
            rows = _open_alert_rows(session)
    return [_alert_view(row) for row in rows]


def _open_alert_rows(session: Session) -> list[Alert]:
    return list(
        session.scalars(
            select(Alert)
            .where(
                Alert.kind.in_(OUTBOX_ALERT_KINDS),  # ix_alerts_kind_entity_id
                Alert.acknowledged_at.is_(None),
                Alert.cleared_at.is_(None),
            )
            .order_by(Alert.raised_at, Alert.id)
        )
    )


def _alert_view(alert: Alert) -> AlertView:
    try:
        params = json.loads(alert.message)
    except ValueError:
        params = {}
    if not isinstance(params, dict):
        params = {}
    since = params.get("since")
    return AlertView(
        id=alert.id,
        kind=alert.kind,
        entity=alert.entity,
        entity_id=alert.entity_id,
        raised_at=alert.raised_at,
        since=datetime.fromisoformat(since) if isinstance(since, str) else None,
        limit_s=None,
        label=str(params.get("label", alert.entity_id or "")),
        incident_number=str(params.get("incident", "")),
        cleared_at=alert.cleared_at,
        acknowledged_at=alert.acknowledged_at,
    )


# -- helpers --------------------------------------------------------------------------------------


def _locked(session: Session, outbox_id: int) -> OutboxMessage:
    row = session.get(OutboxMessage, outbox_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise ServiceError(Refusal.NO_SUCH_OUTBOX_MESSAGE, outbox_id=outbox_id)
    return row


def _fail(work: UnitOfWork, row: OutboxMessage, reason: str, frame_id: int | None) -> None:
    now = work.ctx.clock.now()
    row.state = OutboxState.FAILED.value
    row.failed_reason = reason[:2000]
    _clear_waiting(work, [row.id])
    kind = OUTBOX_SMS_FAILED_ALERT if row.kind == OutboxKind.SMS.value else OUTBOX_DIAL_FAILED_ALERT
    _raise(work, row, kind, now)
    work.audit(
        AuditAction.OUTBOX_FAILED,
        _ENTITY,
        row.id,
        kind=row.kind,
        reason=row.failed_reason[:500],
        feed=row.feed,
        attempts=row.attempts,
        frame=frame_id,
    )
    work.notify(Topic.OUTBOX, row.id)


def _waiting_kind(kind: str) -> str:
    return OUTBOX_SMS_WAITING_ALERT if kind == OutboxKind.SMS.value else OUTBOX_DIAL_WAITING_ALERT


def _raise(work: UnitOfWork, row: OutboxMessage, kind: str, since: datetime) -> None:
    session = work.session
    label, incident_number = row.to_number, ""
    if row.forwarding_id is not None:
        agency = select(Forwarding.agency_name).where(Forwarding.id == row.forwarding_id)
        label = session.scalar(agency) or label
    if row.incident_id is not None:
        incident_number = session.scalar(select(Incident.number).where(Incident.id == row.incident_id)) or ""
    alert = Alert(
        kind=kind,
        raised_at=work.ctx.clock.now(),
        entity=_ENTITY,
        entity_id=str(row.id),
        message=json.dumps(
            {"label": label, "since": since.isoformat(), "incident": incident_number},
            ensure_ascii=False,
            sort_keys=True,
        ),
        console_id=work.ctx.console_id,
    )
    if insert_unless_taken(session, alert):  # one open alert per message and kind
        work.audit(AuditAction.ALERT_RAISE, "alert", alert.id, kind=kind, outbox=row.id)
        work.notify(Topic.ALERTS, alert.id)


def _clear_waiting(work: UnitOfWork, outbox_ids: list[int]) -> None:
    """The messages moved on: their "waiting" alerts' condition ended (they stay until acknowledged
    only while it holds)."""
    session = work.session
    now = work.ctx.clock.now()
    for alert in session.scalars(
        select(Alert).where(
            Alert.kind.in_(_WAITING_KINDS),
            Alert.entity_id.in_([str(outbox_id) for outbox_id in outbox_ids]),
            Alert.cleared_at.is_(None),
        )
    ):
        alert.cleared_at = now
        work.audit(AuditAction.ALERT_CLEAR, "alert", alert.id, kind=alert.kind, outbox=alert.entity_id)
        work.notify(Topic.ALERTS, alert.id)
