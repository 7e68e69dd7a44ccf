"""Feed bookkeeping: storing what feeds deliver, their outages, and the alarms about them.

Besides call events, handset positions and rejected frames, a GSM modem's feed delivers the SMS that
are not AML (an agency's reply becomes its report: ``forwarding.record_sms_reply``; anything else is
kept as rejected with the reason), delivery reports of the SMS it sent (``outbox.record_delivery``),
and what became of each outbox message it was given (sent, failed, never sent); an AMI feed what
became of its dials. They go through the feed's spool like the rest, so a report is stored after the
message it reports on, and nothing is lost while the database is away.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from dispatch.domain.codes import AuditAction
from dispatch.domain.phone import CallerNumber
from dispatch.domain.signals import CallSignal, LocationSignal
from dispatch.services import alerts, aml, calls, forwarding, outbox
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import AmlView, CallView
from dispatch.services.uow import UnitOfWork, insert_unless_taken, reading, unit_of_work
from dispatch.store.tables import Alert, FeedFrame, FeedOutage


class FeedAlarmKind(StrEnum):
    """The ``alerts.kind`` of a feed's alarms (the supervisor raises them, a person acknowledges)."""

    DOWN = "feed_down"  # no connection for 30 s
    DELAYED = "feed_delayed"  # frames read but not yet stored for 10 s (the database is away)
    RESTARTED = "feed_restarted"  # the feed's thread ended and was started again
    GARBAGE = "feed_garbage"  # more rejected frames than the storing limit
    SPOOL_FULL = "feed_spool_full"  # frames lost: the spool reached its bound


FEED_DOWN_ALERT = FeedAlarmKind.DOWN.value
FEED_ALARM_KINDS = tuple(kind.value for kind in FeedAlarmKind)


@dataclass(frozen=True, slots=True)
class RejectedSignal:
    """A frame that could not be decoded (or stored as a call), kept with its reason."""

    feed: str
    received_at: datetime
    raw: bytes
    reason: str


@dataclass(frozen=True, slots=True)
class TextMessageSignal:
    """An SMS that is not AML, its sender parsed like a caller's number; ``raw`` as received."""

    feed: str
    received_at: datetime
    number: CallerNumber
    text: str
    raw: bytes


@dataclass(frozen=True, slots=True)
class DeliverySignal:
    """A delivery report of an SMS this feed sent: its message reference, the status (TP-ST), the
    recipient as parsed, and when the network says it was delivered (None: not readable)."""

    feed: str
    received_at: datetime
    reference: str
    status: int
    recipient: CallerNumber
    discharged_at: datetime | None
    raw: bytes


class OutboxOutcome(StrEnum):
    SENT = "sent"  # ``detail``: the modem's message reference, or the dial's ActionID
    FAILED = "failed"  # ``detail``: why
    UNSENT = "unsent"  # never sent (the device went away): back to the queue; ``detail``: why
    #: Every message this feed took before ``received_at`` and never answered (its thread or process
    #: ended) goes back to the queue: a feed says so when it starts (``outbox_id`` None).
    RELEASE = "release"


@dataclass(frozen=True, slots=True)
class OutboxSignal:
    """What a feed did with outbox message ``outbox_id``; ``raw`` the device's answer (b"": none)."""

    feed: str
    received_at: datetime
    outbox_id: int | None
    outcome: OutboxOutcome
    detail: str
    raw: bytes


#: What a feed hands on for storing: a decoded call event, a handset position, a rejected frame, an
#: SMS that is not AML, a delivery report, or what became of an outbox message.
Received = CallSignal | LocationSignal | RejectedSignal | TextMessageSignal | DeliverySignal | OutboxSignal


class StoreSink:
    """Where a running feed's frames go in the console: the database first, then the screens."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx.as_system()

    def signal(self, signal: CallSignal) -> CallView | None:
        return calls.record_signal(self._ctx, signal)

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None:
        calls.record_rejected_frame(self._ctx, feed, raw, reason, received_at)

    def frames(self, frames: Sequence[Received]) -> list[CallView | None]:
        return store_frames(self._ctx, frames)

    def location(self, signal: LocationSignal) -> AmlView:
        return aml.record_location(self._ctx, signal)


def store_frames(ctx: ServiceContext, frames: Sequence[Received]) -> list[CallView | None]:
    """Store the frames of one read, in order, in one transaction (all or none).

    One view per frame: the call's for a call event, None for a rejected frame and for a handset
    position (``services.aml.store_location``; read them with ``aml.messages_for_call``).
    """
    views: list[CallView | None] = []
    if not frames:
        return views
    with unit_of_work(ctx.as_system()) as work:
        for frame in frames:
            if isinstance(frame, CallSignal):
                views.append(calls.store_signal(work, frame))
            elif isinstance(frame, LocationSignal):
                # A handset's position: stored, matched to its call, placed on its incident.
                aml.store_location(work, frame)
                views.append(None)
            elif isinstance(frame, TextMessageSignal):
                store_text_message(work, frame)
                views.append(None)
            elif isinstance(frame, DeliverySignal):
                store_delivery(work, frame)
                views.append(None)
            elif isinstance(frame, OutboxSignal):
                store_outbox_outcome(work, frame)
                views.append(None)
            else:
                calls.insert_rejected_frame(
                    work.session, frame.feed, frame.raw, frame.reason, frame.received_at
                )
                work.notify(Topic.FEED)
                views.append(None)
    return views


#: Why an SMS that is neither AML nor an agency's reply is kept as rejected (the reply's reason follows).
NOT_AML = "not an AML message"


def store_text_message(work: UnitOfWork, signal: TextMessageSignal) -> int | None:
    """An SMS that is not AML: the frame, then ``forwarding.record_sms_reply`` (an agency's reply in
    the documented form becomes its report, naming the frame). When it is no reply, nothing else is
    written and the frame is kept as rejected with the reason. Returns the forwarding's id or None."""
    session = work.session
    decoded = {
        "event": "sms",
        "number": signal.number.e164,
        "number_raw": signal.number.raw,
        "text": signal.text,
    }
    # The report names the frame, whose rejection (if any) is only known after: the frame as
    # decoded in a savepoint, kept only when it is a reply.
    savepoint = session.begin_nested()
    frame = _frame(work, signal.feed, signal.received_at, signal.raw, decoded=decoded)
    forwarding_id, why = forwarding.record_sms_reply(
        work,
        sender_e164=signal.number.e164,
        sender_raw=signal.number.raw,
        text=signal.text,
        received_at=signal.received_at,
        frame_id=frame.id,
    )
    if forwarding_id is not None:
        savepoint.commit()
        return forwarding_id
    savepoint.rollback()
    _frame(work, signal.feed, signal.received_at, signal.raw, rejected=f"{NOT_AML}: {why}")
    return None


def store_delivery(work: UnitOfWork, signal: DeliverySignal) -> int | None:
    """A delivery report: its frame and ``outbox.record_delivery`` for the SMS it names (the
    recipient's number too when it is readable); one for no message sent from here is kept as
    rejected. Returns the outbox message's id or None."""
    session = work.session
    at = signal.discharged_at or signal.received_at
    decoded = {
        "event": "delivery",
        "reference": signal.reference,
        "status": signal.status,
        "number": signal.recipient.e164,
        "number_raw": signal.recipient.raw,
        "delivered_at": None if signal.discharged_at is None else signal.discharged_at.isoformat(),
    }
    savepoint = session.begin_nested()
    frame = _frame(work, signal.feed, signal.received_at, signal.raw, decoded=decoded)
    found = None
    for to_number in dict.fromkeys((signal.recipient.e164, None)):
        found = outbox.record_delivery(
            work,
            feed=signal.feed,
            reference=signal.reference,
            status=signal.status,
            at=at,
            frame_id=frame.id,
            to_number=to_number,
        )
        if found is not None:
            savepoint.commit()
            return found
    savepoint.rollback()
    why = (
        f"a delivery report for no SMS sent from here (reference {signal.reference}, status {signal.status})"
    )
    _frame(work, signal.feed, signal.received_at, signal.raw, rejected=why)
    return None


def store_outbox_outcome(work: UnitOfWork, signal: OutboxSignal) -> None:
    """What became of an outbox message: the device's answer as a frame (when it said something),
    and the message SENT, FAILED, or back to the queue; or the feed's messages released."""
    if signal.outcome is OutboxOutcome.RELEASE:
        outbox.release_taken_before(work, signal.feed, signal.received_at, signal.detail)
        return
    assert signal.outbox_id is not None
    frame_id = None
    if signal.raw:
        decoded = {"event": "outbox", "outbox": signal.outbox_id, "outcome": signal.outcome.value}
        decoded["reference" if signal.outcome is OutboxOutcome.SENT else "reason"] = signal.detail
        frame_id = _frame(work, signal.feed, signal.received_at, signal.raw, decoded=decoded).id
    if signal.outcome is OutboxOutcome.SENT:
        outbox.mark_sent(work, signal.outbox_id, reference=signal.detail, frame_id=frame_id)
    elif signal.outcome is OutboxOutcome.FAILED:
        outbox.mark_failed(work, signal.outbox_id, signal.detail, frame_id=frame_id)
    else:
        outbox.mark_unsent(work, signal.outbox_id, signal.detail)


def _frame(
    work: UnitOfWork,
    feed: str,
    received_at: datetime,
    raw: bytes,
    *,
    decoded: Mapping[str, object] | None = None,
    rejected: str | None = None,
) -> FeedFrame:
    row = FeedFrame(
        feed=feed,
        received_at=received_at,
        raw=raw,
        decoded=None if decoded is None else json.dumps(decoded, ensure_ascii=False),
        rejected_reason=None if rejected is None else rejected[:2000],
        call_id=None,
    )
    work.session.add(row)
    work.session.flush()
    work.notify(Topic.FEED)
    return row


def outage_started(ctx: ServiceContext, feed: str, at: datetime, reason: str) -> int:
    """Open an outage for ``feed`` unless one is open already; returns its id."""
    with unit_of_work(ctx.as_system()) as work:
        open_outage = work.session.scalars(
            select(FeedOutage).where(FeedOutage.feed == feed, FeedOutage.ended_at.is_(None)).with_for_update()
        ).first()
        if open_outage is not None:
            return open_outage.id
        outage = FeedOutage(feed=feed, console_id=ctx.console_id, started_at=at, reason=reason[:2000])
        if not insert_unless_taken(work.session, outage):
            # Another console opened it first (one open outage per feed: a unique index since 0007).
            return work.session.scalars(
                select(FeedOutage.id).where(FeedOutage.feed == feed, FeedOutage.ended_at.is_(None))
            ).one()
        work.audit(AuditAction.FEED_DOWN, "feed", outage.id, feed=feed, reason=reason[:500])
        work.notify(Topic.FEED)
        outage_id = outage.id
    return outage_id


def outage_ended(ctx: ServiceContext, feed: str, at: datetime) -> None:
    with unit_of_work(ctx.as_system()) as work:
        for outage in work.session.scalars(
            select(FeedOutage).where(FeedOutage.feed == feed, FeedOutage.ended_at.is_(None)).with_for_update()
        ):
            outage.ended_at = max(at, outage.started_at)
            work.audit(AuditAction.FEED_UP, "feed", outage.id, feed=feed)
            work.notify(Topic.FEED)


def raise_feed_alarm(
    ctx: ServiceContext,
    feed: str,
    since: datetime,
    kind: FeedAlarmKind = FeedAlarmKind.DOWN,
    detail: str = "",
    raised_at: datetime | None = None,
) -> int:
    """An alert a person must acknowledge; one per feed and kind until it is acknowledged.

    ``raised_at`` is when the console noticed (it may be written later, once the database accepts
    writes again). An unacknowledged alert of the same kind and feed is returned instead of a second
    (another console may have raised it first); an acknowledged one still open is cleared now, so
    that the new one is the subject's one open alert (migration 0007's unique index).
    """
    entity_id = feed[:64]
    now = ctx.clock.now()
    with unit_of_work(ctx.as_system()) as work:
        session = work.session
        subject = (Alert.kind == kind.value, Alert.entity == "feed", Alert.entity_id == entity_id)
        for _ in range(2):
            existing = session.scalars(
                select(Alert).where(*subject, Alert.cleared_at.is_(None)).with_for_update()
            ).first()
            if existing is not None and existing.acknowledged_at is None:
                return existing.id
            if existing is not None:
                existing.cleared_at = max(now, existing.acknowledged_at or now)
                work.audit(AuditAction.ALERT_CLEAR, "alert", existing.id, kind=kind.value, feed=feed)
                work.notify(Topic.ALERTS, existing.id)
                session.flush()
            message = f"since {since.isoformat()}" + (f": {detail}" if detail else "")
            alert = Alert(
                kind=kind.value,
                raised_at=raised_at or now,
                entity="feed",
                entity_id=entity_id,
                message=message[:2000],
                console_id=ctx.console_id,
            )
            if insert_unless_taken(session, alert):
                work.audit(AuditAction.ALERT_RAISE, "alert", alert.id, kind=kind.value, feed=feed)
                # The consoles of a centre show the alarms their gateway raises (issue 13).
                work.notify(Topic.ALERTS, alert.id)
                return alert.id
            # Another console raised it between our read and our insert: that one is ours too.
        raise RuntimeError(f"no open {kind.value} alert for {feed} could be read or written")


def acknowledge_alert(ctx: ServiceContext, alert_id: int) -> None:
    """Feed alarms are acknowledged like every other alert (user, console and time recorded)."""
    alerts.acknowledge_alert(ctx, alert_id)


def outages(ctx: ServiceContext, since: datetime) -> list[tuple[str, datetime, datetime | None, str]]:
    """(feed, started, ended or None, reason) of the outages that overlap ``since`` until now."""
    with reading(ctx) as session:
        rows = session.scalars(
            select(FeedOutage)
            .where((FeedOutage.ended_at.is_(None)) | (FeedOutage.ended_at >= since))
            .order_by(FeedOutage.started_at)
        )
        return [(o.feed, o.started_at, o.ended_at, o.reason) for o in rows]
