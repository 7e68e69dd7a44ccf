"""The gateways' heartbeats and feed health (``gateway_status``, migration 0014), and the feed alarms
they raised, as every console of a centre reads them.

``started`` writes a gateway's first heartbeat, audited; ``beat`` every ``HEARTBEAT_SECONDS`` after
(not audited); ``stopped`` when it ends in an orderly way, audited. Each notifies ``Topic.GATEWAY``.
The rules (when a gateway is silent) are the domain's, ``dispatch.domain.gateway``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction
from dispatch.domain.gateway import (
    HEARTBEAT_SECONDS,
    SILENT_AFTER,
    FeedHealthView,
    GatewayView,
    decode_feeds,
    encode_feeds,
    gateway_silent,
    parse_feed_alarm_message,
)
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import FEED_ALARM_KINDS
from dispatch.services.uow import insert_unless_taken, reading, unit_of_work
from dispatch.store.tables import Alert, GatewayStatus

__all__ = [
    "HEARTBEAT_SECONDS",
    "SILENT_AFTER",
    "FeedAlertView",
    "FeedHealthView",
    "GatewayView",
    "beat",
    "gateway_silent",
    "gateways",
    "open_feed_alerts",
    "started",
    "stopped",
]

#: The longest name a gateway may have (the column's length).
NAME_LENGTH = 64


def beat(
    ctx: ServiceContext,
    name: str,
    feeds: Sequence[Mapping[str, Any]],
    *,
    started_at: datetime,
    pid: int | None,
    host: str,
    version: str,
) -> None:
    """The gateway ``name`` is alive now, with these feeds (``FeedHealthView.to_json`` each): its row
    written (made at the first beat), ``stopped_at`` cleared. Not audited (every two seconds)."""
    with unit_of_work(ctx) as work:
        _write_row(work.session, ctx.clock.now(), name, feeds, started_at, pid, host, version)
        work.notify(Topic.GATEWAY)


def started(
    ctx: ServiceContext,
    name: str,
    feeds: Sequence[Mapping[str, Any]],
    *,
    started_at: datetime,
    pid: int | None,
    host: str,
    version: str,
) -> None:
    """The gateway ``name`` began: its first heartbeat, audited (``GATEWAY_START``, naming its feeds,
    host, process and version)."""
    with unit_of_work(ctx) as work:
        _write_row(work.session, ctx.clock.now(), name, feeds, started_at, pid, host, version)
        work.audit(
            AuditAction.GATEWAY_START,
            "gateway",
            name,
            feeds=[str(feed.get("feed", "")) for feed in feeds],
            host=host,
            pid=pid,
            version=version,
        )
        work.notify(Topic.GATEWAY)


def stopped(ctx: ServiceContext, name: str, reason: str = "") -> None:
    """The gateway ``name`` ended in an orderly way (its feeds are no longer read): audited
    (``GATEWAY_STOP``, with why)."""
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        row = work.session.scalars(
            select(GatewayStatus).where(GatewayStatus.name == name).with_for_update()
        ).first()
        if row is None or row.stopped_at is not None:
            return
        row.stopped_at = now
        work.audit(AuditAction.GATEWAY_STOP, "gateway", name, reason=reason[:500], pid=row.pid)
        work.notify(Topic.GATEWAY)


def _write_row(
    session: Session,
    now: datetime,
    name: str,
    feeds: Sequence[Mapping[str, Any]],
    started_at: datetime,
    pid: int | None,
    host: str,
    version: str,
) -> None:
    stored = encode_feeds(feeds)
    for _ in range(2):
        mine = select(GatewayStatus).where(GatewayStatus.name == name).with_for_update()
        row = session.scalars(mine).first()
        if row is None:
            row = GatewayStatus(name=name, started_at=started_at, heartbeat_at=now)
            if not insert_unless_taken(session, row):
                continue  # another process of the same name wrote it first: update that one
        row.host = host[:255]
        row.pid = pid
        row.version = version[:32]
        row.started_at = started_at
        row.heartbeat_at = now
        row.stopped_at = None
        row.feeds = stored
        return
    raise RuntimeError(f"the row of gateway {name!r} could be neither read nor written")


def gateways(ctx: ServiceContext) -> list[GatewayView]:
    """Every gateway that has run on this database, by name."""
    with reading(ctx) as session:
        rows = session.scalars(select(GatewayStatus).order_by(GatewayStatus.name))
        return [
            GatewayView(
                name=row.name,
                host=row.host,
                pid=row.pid,
                version=row.version,
                started_at=row.started_at,
                heartbeat_at=row.heartbeat_at,
                stopped_at=row.stopped_at,
                feeds=decode_feeds(row.feeds),
            )
            for row in rows
        ]


@dataclass(frozen=True)
class FeedAlertView:
    """A feed alarm raised by a gateway (an ``alerts`` row of a feed kind) that no one has
    acknowledged yet: what the alarm bar of a centre's console shows."""

    id: int
    kind: str
    feed: str
    since: datetime
    raised_at: datetime
    detail: str


def open_feed_alerts(ctx: ServiceContext) -> list[FeedAlertView]:
    """Feed alarms not acknowledged and not cleared, oldest first."""
    with reading(ctx) as session:
        rows = session.execute(
            select(Alert.id, Alert.kind, Alert.entity_id, Alert.raised_at, Alert.message)
            .where(
                Alert.kind.in_(FEED_ALARM_KINDS),
                Alert.acknowledged_at.is_(None),
                Alert.cleared_at.is_(None),
            )
            .order_by(Alert.raised_at, Alert.id)
        ).all()
    found = []
    for alert_id, kind, feed, raised_at, message in rows:
        since, detail = parse_feed_alarm_message(message or "")
        found.append(FeedAlertView(alert_id, kind, feed or "", since or raised_at, raised_at, detail))
    return found
