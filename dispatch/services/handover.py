"""Signing off, acknowledging and correcting a duty shift's handover report.

The outgoing lead signs off a closed shift: the report's data (``dispatch.reports.handover``) is
assembled from the database in the signing transaction and frozen as canonical JSON with its SHA-256
in ``handover_reports``. From then on it never changes: the service refuses, and the database's
triggers (migration 0009) refuse any UPDATE of the content and any DELETE. The incoming lead, another
person, acknowledges it once (the service refuses the signer; a CHECK constraint backs it). Later
corrections and additions are addenda, rows of ``handover_addenda`` that are never changed either.

Every step needs ``Action.MANAGE_SHIFTS``, is audited and announced on ``Topic.SHIFTS`` (the shift's id).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.figures import FigureSettings
from dispatch.domain.incidents import MAX_NOTE_LENGTH
from dispatch.domain.permissions import Action
from dispatch.reports.handover import assemble_in, canonical_json
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.permissions import require
from dispatch.services.uow import reading, unit_of_work
from dispatch.store.tables import DutyShift, HandoverAddendum, HandoverReport, User

#: The longest addendum accepted (as long as an incident note may be).
ADDENDUM_MAX = MAX_NOTE_LENGTH


@dataclass(frozen=True)
class Addendum:
    id: int
    at: datetime
    #: Username of who wrote it (None for the console itself).
    user_name: str | None
    text: str


@dataclass(frozen=True)
class SignedHandover:
    report_id: int
    shift_id: int
    #: The report's data as frozen at signing (``json.loads`` of the stored canonical JSON).
    content: dict[str, Any]
    #: SHA-256 of the stored text (UTF-8), 64 lowercase hex characters.
    content_sha256: str
    signed_at: datetime
    signed_by: str
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    addenda: tuple[Addendum, ...]

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


def content_digest(text: str) -> str:
    """The SHA-256 of a report's stored text, as stored beside it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _shift(session: Session, shift_id: int) -> DutyShift:
    shift = session.get(DutyShift, shift_id, with_for_update=True)
    if shift is None:
        raise ServiceError(Refusal.NO_SUCH_SHIFT, shift_id=shift_id)
    return shift


def _report(session: Session, shift_id: int, *, lock: bool = False) -> HandoverReport | None:
    query = select(HandoverReport).where(HandoverReport.duty_shift_id == shift_id)
    return session.scalars(query.with_for_update() if lock else query).first()


def sign_off(ctx: ServiceContext, shift_id: int, settings: FigureSettings | None = None) -> SignedHandover:
    """The outgoing lead signs the closed shift's report: its data is frozen, with its hash.

    Refused while the shift is open (``SHIFT_STILL_OPEN``) and once signed (``HANDOVER_SIGNED``).
    """
    require(ctx, Action.MANAGE_SHIFTS)
    with unit_of_work(ctx) as work:
        session = work.session
        shift = _shift(session, shift_id)
        if shift.closed_at is None:
            work.refuse(Refusal.SHIFT_STILL_OPEN, shift_id=shift_id)
        if _report(session, shift_id) is not None:
            work.refuse(Refusal.HANDOVER_SIGNED, shift_id=shift_id)
        text = canonical_json(assemble_in(session, ctx, shift_id, settings).to_json())
        report = HandoverReport(
            duty_shift_id=shift_id,
            content=text,
            content_sha256=content_digest(text),
            signed_at=ctx.clock.now(),
            signed_by=ctx.actor.user_id,
            signed_console_id=ctx.console_id,
        )
        session.add(report)
        session.flush()
        work.audit(
            AuditAction.HANDOVER_SIGN,
            "handover",
            report.id,
            shift=shift_id,
            sha256=report.content_sha256,
        )
        work.notify(Topic.SHIFTS, shift_id)
        signed = _signed(session, report)
    return signed


def acknowledge(ctx: ServiceContext, shift_id: int) -> SignedHandover:
    """The incoming lead acknowledges the signed report: once, and never the one who signed it."""
    require(ctx, Action.MANAGE_SHIFTS)
    with unit_of_work(ctx) as work:
        session = work.session
        _shift(session, shift_id)
        report = _report(session, shift_id, lock=True)
        if report is None:
            work.refuse(Refusal.HANDOVER_NOT_SIGNED, shift_id=shift_id)
        if report.acknowledged_at is not None:
            work.refuse(Refusal.HANDOVER_ACKNOWLEDGED, shift_id=shift_id)
        if report.signed_by == ctx.actor.user_id:
            work.refuse(Refusal.SIGNER_CANNOT_ACKNOWLEDGE, shift_id=shift_id)
        report.acknowledged_at = ctx.clock.now()
        report.acknowledged_by = ctx.actor.user_id
        report.acknowledged_console_id = ctx.console_id
        session.flush()
        work.audit(
            AuditAction.HANDOVER_ACKNOWLEDGE,
            "handover",
            report.id,
            shift=shift_id,
            sha256=report.content_sha256,
        )
        work.notify(Topic.SHIFTS, shift_id)
        signed = _signed(session, report)
    return signed


def add_addendum(ctx: ServiceContext, shift_id: int, text: str) -> SignedHandover:
    """A correction or addition to the signed report, kept beside it (the report itself never changes)."""
    require(ctx, Action.MANAGE_SHIFTS)
    # Control characters (but line breaks and tabs) are dropped: pasted text must not garble the record.
    cleaned = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32).strip()
    if not cleaned:
        raise ServiceError(Refusal.NOTE_REQUIRED, shift_id=shift_id)
    if len(cleaned) > ADDENDUM_MAX:
        raise ServiceError(Refusal.NOTE_TOO_LONG, limit=ADDENDUM_MAX)
    with unit_of_work(ctx) as work:
        session = work.session
        _shift(session, shift_id)
        report = _report(session, shift_id)
        if report is None:
            work.refuse(Refusal.HANDOVER_NOT_SIGNED, shift_id=shift_id)
        addendum = HandoverAddendum(
            report_id=report.id,
            at=ctx.clock.now(),
            user_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            text=cleaned,
        )
        session.add(addendum)
        session.flush()
        work.audit(
            AuditAction.HANDOVER_ADDENDUM,
            "handover",
            report.id,
            shift=shift_id,
            addendum=addendum.id,
        )
        work.notify(Topic.SHIFTS, shift_id)
        signed = _signed(session, report)
    return signed


def signed_handover(ctx: ServiceContext, shift_id: int) -> SignedHandover | None:
    """The shift's report as signed, with its acknowledgement and addenda; None while unsigned."""
    with reading(ctx) as session:
        report = _report(session, shift_id)
        return None if report is None else _signed(session, report)


def _signed(session: Session, report: HandoverReport) -> SignedHandover:
    addenda = session.scalars(
        select(HandoverAddendum)
        .where(HandoverAddendum.report_id == report.id)
        .order_by(HandoverAddendum.at, HandoverAddendum.id)
    ).all()
    ids = {report.signed_by, report.acknowledged_by, *(a.user_id for a in addenda)} - {None}
    names = dict(session.execute(select(User.id, User.username).where(User.id.in_(ids))).all())
    loaded = json.loads(report.content)
    return SignedHandover(
        report_id=report.id,
        shift_id=report.duty_shift_id,
        content=loaded,
        content_sha256=report.content_sha256,
        signed_at=report.signed_at,
        signed_by=names.get(report.signed_by, ""),
        acknowledged_at=report.acknowledged_at,
        acknowledged_by=names.get(report.acknowledged_by) if report.acknowledged_by is not None else None,
        addenda=tuple(
            Addendum(a.id, a.at, names.get(a.user_id) if a.user_id is not None else None, a.text)
            for a in addenda
        ),
    )
