"""Feed bookkeeping: storing what feeds deliver, their outages, and the alarms about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from dispatch.domain.codes import AuditAction
from dispatch.domain.signals import CallSignal, LocationSignal
from dispatch.services import alerts, aml, calls
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import AmlView, CallView
from dispatch.services.uow import insert_unless_taken, reading, unit_of_work
from dispatch.store.tables import Alert, FeedOutage


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


#: What a feed hands on for storing: a decoded call event, a handset position or a rejected frame.
Received = CallSignal | LocationSignal | RejectedSignal


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
            else:
                calls.insert_rejected_frame(
                    work.session, frame.feed, frame.raw, frame.reason, frame.received_at
                )
                work.notify(Topic.FEED)
                views.append(None)
    return views


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
