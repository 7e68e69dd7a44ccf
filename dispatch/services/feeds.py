"""Feed bookkeeping: storing what feeds deliver, their outages, and the alarms about them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from dispatch.domain.signals import CallSignal
from dispatch.services import alerts, calls
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, audit
from dispatch.store.tables import Alert, FeedOutage

FEED_DOWN_ALERT = "feed_down"


class StoreSink:
    """Where a running feed's frames go in the console: the database first, then the screens."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx.as_system()

    def signal(self, signal: CallSignal) -> None:
        calls.record_signal(self._ctx, signal)

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None:
        calls.record_rejected_frame(self._ctx, feed, raw, reason, received_at)


class OutageRecorder:
    """Turns a feed's health reports into outage rows (call it from the feed's thread)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._down: set[str] = set()

    def __call__(self, feed: str, up: bool, down: bool, since: datetime, reason: str) -> None:
        if down and feed not in self._down:
            self._down.add(feed)
            outage_started(self._ctx, feed, since, reason)
        elif up and feed in self._down:
            self._down.discard(feed)
            outage_ended(self._ctx, feed, since)


def outage_started(ctx: ServiceContext, feed: str, at: datetime, reason: str) -> int:
    """Open an outage for ``feed`` unless one is open already; returns its id."""
    with ctx.database.transaction() as session:
        open_outage = session.scalars(
            select(FeedOutage).where(FeedOutage.feed == feed, FeedOutage.ended_at.is_(None))
        ).first()
        if open_outage is not None:
            return open_outage.id
        outage = FeedOutage(feed=feed, console_id=ctx.console_id, started_at=at, reason=reason[:2000])
        session.add(outage)
        session.flush()
        audit(session, ctx.as_system(), "feed.down", "feed", outage.id, feed=feed, reason=reason[:500])
        outage_id = outage.id
    ctx.bus.publish(Change(Topic.FEED))
    return outage_id


def outage_ended(ctx: ServiceContext, feed: str, at: datetime) -> None:
    with ctx.database.transaction() as session:
        for outage in session.scalars(
            select(FeedOutage).where(FeedOutage.feed == feed, FeedOutage.ended_at.is_(None))
        ):
            outage.ended_at = at
            audit(session, ctx.as_system(), "feed.up", "feed", outage.id, feed=feed)
    ctx.bus.publish(Change(Topic.FEED))


def raise_feed_alarm(ctx: ServiceContext, feed: str, down_since: datetime) -> int:
    """A feed has been down too long: an alert a person must acknowledge."""
    with ctx.database.transaction() as session:
        alert = Alert(
            kind=FEED_DOWN_ALERT,
            raised_at=ctx.clock.now(),
            entity="feed",
            entity_id=feed[:64],
            message=f"down since {down_since.isoformat()}",
        )
        session.add(alert)
        session.flush()
        audit(session, ctx.as_system(), "alert.raise", "alert", alert.id, kind=FEED_DOWN_ALERT, feed=feed)
        return alert.id


def acknowledge_alert(ctx: ServiceContext, alert_id: int) -> None:
    """Feed alarms are acknowledged like every other alert (user, console and time recorded)."""
    alerts.acknowledge_alert(ctx, alert_id)


def outages(ctx: ServiceContext, since: datetime) -> list[tuple[str, datetime, datetime | None, str]]:
    """(feed, started, ended or None, reason) of the outages that overlap ``since`` until now."""
    with ctx.database.sessions() as session:
        rows = session.scalars(
            select(FeedOutage)
            .where((FeedOutage.ended_at.is_(None)) | (FeedOutage.ended_at >= since))
            .order_by(FeedOutage.started_at)
        )
        return [(o.feed, o.started_at, o.ended_at, o.reason) for o in rows]
