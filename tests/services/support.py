"""Helpers shared by the service tests (and the PostgreSQL run): feed signals and audit rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, select

from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import UnitView
from dispatch.store.database import Database
from dispatch.store.tables import AuditEntry

FEED = "ncid://192.0.2.10:3333"
MOBILE = "081234567890"
MOBILE_E164 = "+6281234567890"

T = TypeVar("T")


def signal(
    kind: SignalKind,
    at: datetime,
    number: str = MOBILE,
    *,
    line: str | None = "1",
    call_id: str | None = None,
    name: str | None = None,
    raw: bytes | None = None,
) -> CallSignal:
    return CallSignal(
        kind=kind,
        feed=FEED,
        received_at=at,
        number=parse_caller_number(number),
        raw=raw if raw is not None else f"{kind.value.upper()} {line} {number}\r\n".encode(),
        line=line,
        name=name,
        call_id=call_id,
    )


def last_audit_id(database: Database) -> int:
    with database.transaction() as session:
        return int(session.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0)


def audit_since(database: Database, after_id: int) -> list[AuditEntry]:
    with database.transaction() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id))
        )


def audited(ctx: ServiceContext, action: Callable[[], T]) -> tuple[T, list[AuditEntry]]:
    """Run one service call and return its result with the audit rows it wrote."""
    before = last_audit_id(ctx.database)
    result = action()
    return result, audit_since(ctx.database, before)


def unit(ctx: ServiceContext, call_sign: str) -> UnitView:
    return next(view for view in queries.units(ctx) if view.call_sign == call_sign)
