"""Sending units and moving them through their statuses; every change is a history row."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.enums import UnitStatus
from dispatch.domain.lifecycle import (
    COMMITTED,
    DISPATCHABLE,
    MILESTONE_COLUMN,
    allowed_next,
    can_transition,
    ends_assignment,
    may_override,
)
from dispatch.domain.lifecycle import override_reason as recorded_reason
from dispatch.domain.roster import UnitSpec
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.incidents import CLOSED_STATES, refresh_status
from dispatch.services.roster import add_unit_row
from dispatch.services.snapshots import AssignmentView, UnitView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import Assignment, Incident, IncidentNote, Unit, UnitStatusChange


def assign_units(ctx: ServiceContext, incident_id: int, unit_ids: Sequence[int]) -> list[AssignmentView]:
    """Dispatch several units at once: all are sent, or none (one transaction)."""
    if not unit_ids:
        raise ServiceError(Refusal.NO_UNITS_CHOSEN)
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        # Locks in one order everywhere (the incident, then its units by id), so that dispatching
        # and closing the same incident on two consoles serialise instead of deadlocking.
        incident = session.get(Incident, incident_id, with_for_update=True)
        if incident is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        if incident.status in CLOSED_STATES:
            raise ServiceError(Refusal.INCIDENT_CLOSED, number=incident.number)
        chosen = list(dict.fromkeys(unit_ids))
        locked = {
            unit.id: unit
            for unit in session.scalars(
                select(Unit).where(Unit.id.in_(chosen)).order_by(Unit.id).with_for_update()
            )
        }
        views = []
        for unit_id in chosen:
            unit = locked.get(unit_id)
            if unit is None:
                raise ServiceError(Refusal.NO_SUCH_UNIT, unit_id=unit_id)
            if not unit.active or UnitStatus(unit.status) not in DISPATCHABLE:
                # An inactive unit is usually still "available": a stale board must not send it.
                raise ServiceError(Refusal.UNIT_NOT_AVAILABLE, call_sign=unit.call_sign, status=unit.status)
            assignment = Assignment(
                incident_id=incident_id, unit_id=unit.id, dispatched_by=ctx.actor.user_id, dispatched_at=now
            )
            session.add(assignment)
            session.flush()
            _record_status(session, ctx, unit, UnitStatus.DISPATCHED, assignment)
            session.add(
                IncidentNote(
                    incident_id=incident_id,
                    at=now,
                    author_id=ctx.actor.user_id,
                    console_id=ctx.console_id,
                    kind=NoteKind.SYSTEM.value,
                    text=f"unit.dispatched {unit.call_sign}",
                )
            )
            audit(session, ctx, AuditAction.UNIT_DISPATCH, "unit", unit.id, incident=incident.number)
            views.append(AssignmentView.of(assignment, unit))
        incident.updated_at = now
        refresh_status(session, incident)
        work.announce(
            Change(Topic.UNITS, tuple(v.unit_id for v in views)), Change(Topic.INCIDENTS, (incident_id,))
        )
    return views


def set_unit_status(
    ctx: ServiceContext, unit_id: int, status: UnitStatus, override_reason: str | None = None
) -> UnitView:
    """Move a unit to ``status`` if the lifecycle allows it from where it is.

    A transition outside the lifecycle needs a written reason from a supervisor (or administrator);
    the history row keeps the reason and the audit row says it was an override.
    """
    reason = recorded_reason(override_reason)
    with unit_of_work(ctx) as work:
        session = work.session
        # The incident first, then the unit: the lock order of dispatching and closing.
        working = _active_assignment(session, unit_id)
        working_on = None if working is None else working.incident_id
        if working_on is not None:
            session.get(Incident, working_on, with_for_update=True)
        unit = session.get(Unit, unit_id, with_for_update=True)
        if unit is None:
            raise ServiceError(Refusal.NO_SUCH_UNIT, unit_id=unit_id)
        # Read again under the locks (the first read is not locked, and the session keeps what it
        # read): another console may have cleared the unit and sent it elsewhere in between. Its
        # new incident is not locked, and this status was meant for the old one: the person looks again.
        assignment = _active_assignment(session, unit.id, fresh=True)
        if (None if assignment is None else assignment.incident_id) not in (working_on, None):
            raise ServiceError(Refusal.CHANGED_ELSEWHERE, call_sign=unit.call_sign)
        if status is UnitStatus.DISPATCHED:
            raise ServiceError(Refusal.DISPATCH_THROUGH_ASSIGN, call_sign=unit.call_sign)
        current = UnitStatus(unit.status)
        overriding = not can_transition(current, status)
        if overriding and override_reason is None:
            raise ServiceError(
                Refusal.TRANSITION_REFUSED,
                call_sign=unit.call_sign,
                current=current,
                requested=status,
                allowed=sorted(allowed_next(current) - {UnitStatus.DISPATCHED}, key=list(UnitStatus).index),
            )
        if overriding and not may_override(ctx.actor.role):
            raise ServiceError(Refusal.SUPERVISOR_ONLY, call_sign=unit.call_sign, requested=status)
        if overriding and (reason is None or current is status):
            raise ServiceError(
                Refusal.OVERRIDE_REASON_REQUIRED if reason is None else Refusal.STATUS_UNCHANGED,
                call_sign=unit.call_sign,
            )
        if overriding and status in COMMITTED and assignment is None:
            # Working with no incident: on the board "on scene" nowhere, on no timer's incident.
            # The supervisor dispatches the unit to the incident instead.
            raise ServiceError(Refusal.NO_INCIDENT_FOR_STATUS, call_sign=unit.call_sign, requested=status)
        _record_status(session, ctx, unit, status, assignment, reason if overriding else None)
        incident_id = None
        if assignment is not None:
            incident_id = assignment.incident_id
            incident = session.get_one(Incident, incident_id)
            incident.updated_at = ctx.clock.now()
            refresh_status(session, incident)
        view = UnitView.of(unit, incident_id)
        work.notify(Topic.UNITS, unit_id)
        if incident_id is not None:
            work.notify(Topic.INCIDENTS, incident_id)
    return view


def _active_assignment(session: Session, unit_id: int, *, fresh: bool = False) -> Assignment | None:
    query = (
        select(Assignment)
        .where(
            Assignment.unit_id == unit_id,
            Assignment.cleared_at.is_(None),
            Assignment.cancelled_at.is_(None),
        )
        .order_by(Assignment.dispatched_at.desc())
        .limit(1)
    )
    if fresh:
        query = query.execution_options(populate_existing=True)
    return session.scalars(query).first()


def _record_status(
    session: Session,
    ctx: ServiceContext,
    unit: Unit,
    status: UnitStatus,
    assignment: Assignment | None,
    override: str | None = None,
) -> None:
    now = ctx.clock.now()
    before = unit.status
    unit.status = status.value
    unit.status_since = now
    if assignment is not None:
        column = MILESTONE_COLUMN.get(status)
        if column is not None and getattr(assignment, column) is None:
            setattr(assignment, column, now)
        if ends_assignment(status) and assignment.cleared_at is None and assignment.cancelled_at is None:
            assignment.cleared_at = now
    session.add(
        UnitStatusChange(
            unit_id=unit.id,
            assignment_id=None if assignment is None else assignment.id,
            incident_id=None if assignment is None else assignment.incident_id,
            from_status=before,
            to_status=status.value,
            at=now,
            user_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            override_reason=override,
        )
    )
    if override is not None:
        detail = {"before": before, "after": status.value, "reason": override}
        audit(session, ctx, AuditAction.UNIT_STATUS_OVERRIDE, "unit", unit.id, **detail)
    elif status is not UnitStatus.DISPATCHED:
        audit(session, ctx, AuditAction.UNIT_STATUS, "unit", unit.id, before=before, after=status.value)


def load_roster(ctx: ServiceContext, specs: Sequence[UnitSpec]) -> int:
    """Add units whose call signs are not yet known; returns how many were added."""
    with unit_of_work(ctx) as work:
        session = work.session
        known = set(session.scalars(select(Unit.call_sign)))
        added = 0
        for spec in specs:
            if spec.call_sign in known:
                continue
            add_unit_row(session, ctx, spec)
            added += 1
        if added:
            audit(session, ctx, AuditAction.ROSTER_LOAD, "unit", None, added=added)
        if added:
            work.announce(Change(Topic.UNITS))
    return added
