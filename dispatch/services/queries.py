"""Read-only snapshots for the screens. Each query is shaped for an index (see tables.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.orm import Session

from dispatch.domain.enums import OPEN_INCIDENT_STATUSES, CallState, Presentation
from dispatch.domain.forwarding import ForwardState
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import (
    AssignmentView,
    CallView,
    ForwardBrief,
    IncidentView,
    NoteView,
    UnitView,
)
from dispatch.store.tables import Assignment, Call, Forwarding, Incident, IncidentNote, Unit, User

RECENT_CALLS = 40


def call_queue(ctx: ServiceContext, recent: int = RECENT_CALLS) -> list[CallView]:
    """Ringing calls (oldest first), then live ones, then the most recent finished calls."""
    with ctx.database.sessions() as session:
        ringing = session.scalars(
            select(Call).where(Call.state == CallState.RINGING.value).order_by(Call.ring_at)
        ).all()
        live = session.scalars(
            select(Call).where(Call.state == CallState.ANSWERED.value).order_by(Call.ring_at)
        ).all()
        ended = session.scalars(
            select(Call)
            .where(Call.state == CallState.ENDED.value)
            .order_by(Call.ring_at.desc())
            .limit(recent)
        ).all()
        rows = [*ringing, *live, *ended]
        numbers = _incident_numbers(session, {c.incident_id for c in rows if c.incident_id is not None})
        return [CallView.of(c, numbers.get(c.incident_id or 0)) for c in rows]


def calls_by_id(ctx: ServiceContext, ids: Iterable[int]) -> list[CallView]:
    """The named calls as they are now, in one query (the call queue places them itself).

    During a burst of calls the queue took each notice's few calls from here instead of reading all
    ringing calls again: the whole queue read once per refresh grew with every call ringing.
    """
    wanted = set(ids)
    if not wanted:
        return []
    with ctx.database.sessions() as session:
        rows = session.scalars(select(Call).where(Call.id.in_(wanted))).all()
        numbers = _incident_numbers(session, {c.incident_id for c in rows if c.incident_id is not None})
        return [CallView.of(c, numbers.get(c.incident_id or 0)) for c in rows]


def call(ctx: ServiceContext, call_id: int) -> CallView | None:
    with ctx.database.sessions() as session:
        row = session.get(Call, call_id)
        if row is None:
            return None
        return CallView.of(
            row,
            _incident_numbers(session, {row.incident_id} if row.incident_id else set()).get(
                row.incident_id or 0
            ),
        )


def caller_history(ctx: ServiceContext, call: CallView, limit: int = 20) -> list[CallView]:
    """Earlier calls from the same number, newest first (searched while the call rings).

    A withheld or unavailable number has no history: all such callers share the same marker.
    """
    if call.presentation is not Presentation.ALLOWED:
        return []
    with ctx.database.sessions() as session:
        query = select(Call).where(Call.id != call.id, Call.ring_at <= call.ring_at)
        if call.number_e164:
            query = query.where(Call.number_e164 == call.number_e164)
        else:
            query = query.where(Call.number_raw == call.number_raw)
        rows = session.scalars(query.order_by(Call.ring_at.desc()).limit(limit)).all()
        numbers = _incident_numbers(session, {c.incident_id for c in rows if c.incident_id is not None})
        return [CallView.of(c, numbers.get(c.incident_id or 0)) for c in rows]


def active_incidents(ctx: ServiceContext) -> list[IncidentView]:
    with ctx.database.sessions() as session:
        rows = session.scalars(
            select(Incident)
            .where(Incident.status.in_([s.value for s in OPEN_INCIDENT_STATUSES]))
            .order_by(Incident.priority, Incident.created_at, Incident.id)
        ).all()
        ids = [r.id for r in rows]
        signs = _active_units_by_incident(session, ids)
        forwarded = _forwardings_by_incident(session, ids)
        return [IncidentView.of(r, tuple(signs.get(r.id, ())), forwarded.get(r.id, ())) for r in rows]


def incident(ctx: ServiceContext, incident_id: int) -> IncidentView | None:
    with ctx.database.sessions() as session:
        row = session.get(Incident, incident_id)
        if row is None:
            return None
        return IncidentView.of(
            row,
            tuple(_active_units_by_incident(session, [incident_id]).get(incident_id, ())),
            _forwardings_by_incident(session, [incident_id]).get(incident_id, ()),
        )


def incident_by_number(ctx: ServiceContext, number: str) -> IncidentView | None:
    """The incident with this number (2026-000123), open or closed."""
    with ctx.database.sessions() as session:
        incident_id = session.scalar(select(Incident.id).where(Incident.number == number))
    return None if incident_id is None else incident(ctx, incident_id)


def unit_by_call_sign(ctx: ServiceContext, call_sign: str) -> UnitView | None:
    """The active unit with this call sign, whatever its case (the roster keeps signs unique that way)."""
    with ctx.database.sessions() as session:
        unit_id = session.scalar(
            select(Unit.id).where(func.lower(Unit.call_sign) == call_sign.lower(), Unit.active.is_(True))
        )
    return None if unit_id is None else next(iter(units_by_id(ctx, [unit_id])), None)


def incident_notes(ctx: ServiceContext, incident_id: int) -> list[NoteView]:
    with ctx.database.sessions() as session:
        rows = session.execute(
            select(IncidentNote, User.username)
            .outerjoin(User, User.id == IncidentNote.author_id)
            .where(IncidentNote.incident_id == incident_id)
            .order_by(IncidentNote.at, IncidentNote.id)
        ).all()
        return [NoteView.of(note, username or "system") for note, username in rows]


def assignments(ctx: ServiceContext, incident_id: int) -> list[AssignmentView]:
    with ctx.database.sessions() as session:
        rows = session.execute(
            select(Assignment, Unit)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.incident_id == incident_id)
            .order_by(Assignment.dispatched_at, Unit.call_sign)
        ).all()
        return [AssignmentView.of(a, u) for a, u in rows]


def units(ctx: ServiceContext) -> list[UnitView]:
    with ctx.database.sessions() as session:
        rows = session.scalars(
            select(Unit).where(Unit.active.is_(True)).order_by(Unit.agency_type, Unit.call_sign)
        )
        current = {
            unit_id: (incident_id, number)
            for unit_id, incident_id, number in session.execute(
                select(Assignment.unit_id, Incident.id, Incident.number)
                .join(Incident, Incident.id == Assignment.incident_id)
                .where(Assignment.cleared_at.is_(None), Assignment.cancelled_at.is_(None))
            )
        }
        return [UnitView.of(u, *current.get(u.id, (None, None))) for u in rows]


#: One statement, built once: a unit's columns with its open assignment's incident, for a set of ids.
#: Column rows, not ORM objects: at 50 changes a second the ORM's per-call cost showed on the board.
_UNITS_BY_ID = (
    select(*Unit.__table__.c, Assignment.incident_id, Incident.number.label("incident_number"))
    .outerjoin(
        Assignment,
        and_(
            Assignment.unit_id == Unit.id,
            Assignment.cleared_at.is_(None),
            Assignment.cancelled_at.is_(None),
        ),
    )
    .outerjoin(Incident, Incident.id == Assignment.incident_id)
    .where(Unit.id.in_(bindparam("ids", expanding=True)))
)


def units_by_id(ctx: ServiceContext, ids: Iterable[int]) -> list[UnitView]:
    """The named units as they are now, inactive ones included (the caller drops them from boards).

    One status change refreshes one row: reading all 2,000 units for it was the board's hot spot.
    """
    wanted = sorted(set(ids))
    if not wanted:
        return []
    with ctx.database.sessions() as session:
        views: dict[int, UnitView] = {}
        for row in session.execute(_UNITS_BY_ID, {"ids": wanted}):
            if row.id not in views:  # a unit has one open assignment; the first wins if ever two
                views[row.id] = UnitView.of(row, row.incident_id, row.incident_number)  # type: ignore[arg-type]
        return list(views.values())


def units_still_out(ctx: ServiceContext, incident_id: int) -> list[UnitView]:
    """The units still working the incident (assignment neither cleared nor cancelled), by call sign.

    Pure read, for the window to ask before closing ("close with PSC-01, POL-02 still out?"): each
    view carries the unit's status (dispatched, en route, on scene, transporting...). Closing
    releases them (``incidents.close_incident``). Empty for an unknown or finished incident.
    """
    with ctx.database.sessions() as session:
        ids = session.scalars(
            select(Assignment.unit_id).where(
                Assignment.incident_id == incident_id,
                Assignment.cleared_at.is_(None),
                Assignment.cancelled_at.is_(None),
            )
        ).all()
    return sorted(units_by_id(ctx, ids), key=lambda view: (view.call_sign, view.id))


def incidents_by_id(ctx: ServiceContext, ids: Iterable[int]) -> list[IncidentView]:
    """The named incidents as they are now, closed ones included (the caller drops them from boards)."""
    wanted = set(ids)
    if not wanted:
        return []
    with ctx.database.sessions() as session:
        rows = session.scalars(select(Incident).where(Incident.id.in_(wanted))).all()
        ids = [r.id for r in rows]
        signs = _active_units_by_incident(session, ids)
        forwarded = _forwardings_by_incident(session, ids)
        return [IncidentView.of(r, tuple(signs.get(r.id, ())), forwarded.get(r.id, ())) for r in rows]


def _incident_numbers(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(Incident.id, Incident.number).where(Incident.id.in_(ids)))
    return {incident_id: number for incident_id, number in rows}


def _active_units_by_incident(session: Session, incident_ids: list[int]) -> dict[int, list[str]]:
    if not incident_ids:
        return {}
    found: dict[int, list[str]] = defaultdict(list)
    for incident_id, sign in session.execute(
        select(Assignment.incident_id, Unit.call_sign)
        .join(Unit, Unit.id == Assignment.unit_id)
        .where(
            Assignment.incident_id.in_(incident_ids),
            Assignment.cleared_at.is_(None),
            Assignment.cancelled_at.is_(None),
        )
        .order_by(Unit.call_sign)
    ):
        found[incident_id].append(sign)
    return found


def _forwardings_by_incident(
    session: Session, incident_ids: list[int]
) -> dict[int, tuple[ForwardBrief, ...]]:
    """Each incident's forwardings, open and closed, in the order made (one query, column rows; the
    forwardings' incident_id index)."""
    if not incident_ids:
        return {}
    found: dict[int, list[ForwardBrief]] = defaultdict(list)
    for forwarding_id, incident_id, agency_name, state, ack_due_at, acknowledged_at in session.execute(
        select(
            Forwarding.id,
            Forwarding.incident_id,
            Forwarding.agency_name,
            Forwarding.state,
            Forwarding.ack_due_at,
            Forwarding.acknowledged_at,
        )
        .where(Forwarding.incident_id.in_(incident_ids))
        .order_by(Forwarding.forwarded_at, Forwarding.id)
    ):
        found[incident_id].append(
            ForwardBrief(forwarding_id, agency_name, ForwardState(state), ack_due_at, acknowledged_at)
        )
    return {incident_id: tuple(briefs) for incident_id, briefs in found.items()}
