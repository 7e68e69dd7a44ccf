"""Finding the open incident a new call is probably about, and attaching the call to it.

Each search is an index range (calls by number and ring time, incidents by creation time, incidents
by latitude and longitude) so that the check stays within milliseconds on a database of years;
the rules themselves are pure (:mod:`dispatch.domain.duplicates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.duplicates import (
    NEARBY_RADIUS_M,
    SAME_AREA_WINDOW,
    SAME_NUMBER_WINDOW,
    DuplicateReason,
    IncidentFacts,
    duplicate_reasons,
)
from dispatch.domain.enums import (
    OPEN_INCIDENT_STATUSES,
    CallClass,
    Disposition,
    IncidentStatus,
    Presentation,
    Priority,
)
from dispatch.domain.flags import format_flags, parse_flags
from dispatch.domain.geo import bounding_box
from dispatch.domain.incidents import TEXT_FIELDS
from dispatch.domain.positions import PlacedPosition, PositionSource, distance_apart, placed_at, resolves
from dispatch.domain.protocols import higher_priority
from dispatch.services import aml, forwarding
from dispatch.services.bus import Topic
from dispatch.services.calls import answered_call
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.incidents import release_units
from dispatch.services.snapshots import CallView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import OPEN_INCIDENT, Call, Incident, IncidentNote

_OPEN = tuple(status.value for status in OPEN_INCIDENT_STATUSES)
#: Note kinds typed by people (copied onto the target when a duplicate incident is cancelled).
_TYPED_NOTE_KINDS = (NoteKind.NARRATIVE, NoteKind.PROTOCOL, NoteKind.COPIED)


@dataclass(frozen=True)
class DuplicateCandidate:
    incident_id: int
    number: str
    category: str | None
    village: str
    created_at: datetime
    reasons: tuple[DuplicateReason, ...]
    #: Straight-line distance between the two locations, when both are known (and not both an area's
    #: centre: a distance between two guesses says nothing).
    distance_m: float | None = None
    #: The distance is rough: one of the positions is an area's centre or less precise than 500 m.
    approximate: bool = False


#: The columns the rules read, fetched as plain rows (no ORM objects: this runs at every answer).
_FACT_COLUMNS = (
    Incident.id,
    Incident.number,
    Incident.created_at,
    Incident.category,
    Incident.lat,
    Incident.lon,
    Incident.area_code,
    Incident.village,
    Incident.district,
    Incident.position_source,
    Incident.position_radius_m,
)


def find_duplicates(ctx: ServiceContext, incident_id: int) -> list[DuplicateCandidate]:
    """Open incidents (not this one) the incident's call may be about, best match first."""
    now = ctx.clock.now()
    with ctx.database.sessions() as session:
        probe_row = session.execute(select(*_FACT_COLUMNS).where(Incident.id == incident_id)).first()
        if probe_row is None:
            return []
        probe = _facts(probe_row)
        last_call: dict[int, datetime] = {}
        e164s, raws = _numbers_of(session, incident_id)
        if e164s or raws:
            # Only the parts with numbers: an empty IN renders as a false term that left SQLite
            # walking every call with an incident (16 ms at 1,000,000 calls) instead of the number
            # indexes.
            by_raw = and_(
                Call.number_raw.in_(raws),
                Call.number_e164.is_(None),
                Call.presentation == Presentation.ALLOWED.value,
            )
            parts = [*([Call.number_e164.in_(e164s)] if e164s else []), *([by_raw] if raws else [])]
            same_number = parts[0] if len(parts) == 1 else or_(*parts)
            found_calls = session.execute(
                select(Call.incident_id, func.max(Call.ring_at))
                .where(
                    same_number,
                    Call.ring_at >= now - SAME_NUMBER_WINDOW,
                    Call.incident_id.is_not(None),
                    Call.incident_id != incident_id,
                )
                .group_by(Call.incident_id)
            ).all()
            last_call = {int(found): at for found, at in found_calls if found is not None}
        open_others = (Incident.status.in_(_OPEN), Incident.id != incident_id)
        rows = {
            row.id: row
            for row in session.execute(
                select(*_FACT_COLUMNS).where(Incident.created_at >= now - SAME_AREA_WINDOW, *open_others)
            )
        }
        # Only a position precise enough for "within 500 m" looks for neighbours (not an area's centre).
        if (
            probe.lat is not None
            and probe.lon is not None
            and probe.category is not None
            and resolves(probe.position_source, probe.radius_m, NEARBY_RADIUS_M)
        ):
            box = bounding_box(probe.lat, probe.lon, NEARBY_RADIUS_M)
            nearby = select(*_FACT_COLUMNS).where(
                Incident.lat.between(box.min_lat, box.max_lat),
                Incident.lon.between(box.min_lon, box.max_lon),
                Incident.category == probe.category,
                *open_others,
                OPEN_INCIDENT,  # the partial index over open incidents (0008)
            )
            rows.update((row.id, row) for row in session.execute(nearby))
        missing = set(last_call) - set(rows)
        if missing:
            by_number = select(*_FACT_COLUMNS).where(Incident.id.in_(missing), Incident.status.in_(_OPEN))
            rows.update((row.id, row) for row in session.execute(by_number))
    found: list[DuplicateCandidate] = []
    for row in rows.values():
        facts = _facts(row)
        reasons = duplicate_reasons(probe, facts, now, last_call.get(row.id))
        if not reasons:
            continue
        distance = distance_apart(_placed(probe), _placed(facts))
        approximate = distance is not None and not all(
            resolves(side.position_source, side.radius_m, NEARBY_RADIUS_M) for side in (probe, facts)
        )
        found.append(
            DuplicateCandidate(
                row.id, row.number, row.category, row.village, row.created_at, reasons, distance, approximate
            )
        )
    found.sort(key=lambda c: (-len(c.reasons), -c.created_at.timestamp()))
    return found


def _facts(row: Any) -> IncidentFacts:
    """``row``: a result row of ``_FACT_COLUMNS``."""
    placed = placed_at(row.lat, row.lon, row.position_source, row.position_radius_m)
    return IncidentFacts(
        created_at=row.created_at,
        category=row.category,
        lat=row.lat,
        lon=row.lon,
        area_code=row.area_code or "",
        village=row.village,
        district=row.district,
        position_source=PositionSource.NONE if placed is None else placed.source,
        radius_m=row.position_radius_m,
    )


def _placed(facts: IncidentFacts) -> PlacedPosition | None:
    return placed_at(facts.lat, facts.lon, facts.position_source, facts.radius_m)


def _numbers_of(session: Session, incident_id: int) -> tuple[list[str], list[str]]:
    """The incident's callers' E.164 numbers, and the raw numbers of those shown without an E.164 form.

    Only shown (allowed) numbers: withheld callers share a marker, so they never match.
    """
    e164s: list[str] = []
    raws: list[str] = []
    for e164, raw in session.execute(
        select(Call.number_e164, Call.number_raw).where(
            Call.incident_id == incident_id, Call.presentation == Presentation.ALLOWED.value
        )
    ):
        if e164 is not None:
            e164s.append(e164)
        elif raw:
            raws.append(raw)
    return e164s, raws


def attach_call(ctx: ServiceContext, call_id: int, target_incident_id: int) -> CallView:
    """The call becomes a further call (class duplicate) about ``target_incident_id``, in one transaction.

    The incident opened when the call was answered is cancelled with disposition duplicate; anything
    typed into it is copied onto the target as a note, so nothing is lost and nothing is open twice.
    """
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        # Locked before anything is written (an audit row holds the audit chain's head until the
        # commit), in the services' order: the incidents by id, then the call. Attaching raced with a
        # dispatch to the incident it cancels (deadlocks) and with closing the one it joins (a call
        # left on a closed incident) before.
        seen = session.get(Call, call_id)
        incident_ids = {target_incident_id}
        if seen is not None and seen.incident_id is not None:
            incident_ids.add(seen.incident_id)
        for incident_id in sorted(incident_ids):
            session.get(Incident, incident_id, with_for_update=True, populate_existing=True)
        if seen is not None:
            session.get(Call, call_id, with_for_update=True, populate_existing=True)
        call = answered_call(session, call_id)
        if call.incident_id is not None and call.incident_id not in incident_ids:
            # Attached elsewhere between the read and the lock.
            raise ServiceError(Refusal.CHANGED_ELSEWHERE, call_id=call_id)
        target = session.get(Incident, target_incident_id)
        if target is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=target_incident_id)
        if target.status not in _OPEN:
            raise ServiceError(Refusal.INCIDENT_CLOSED, number=target.number)
        if call.incident_id == target.id:
            raise ServiceError(Refusal.CALL_ALREADY_ATTACHED, number=target.number)
        caller = call.number_e164 or call.number_raw
        old = None if call.incident_id is None else session.get(Incident, call.incident_id)
        released: list[int] = []
        if old is not None and old.status in _OPEN:
            _copy_typed(session, ctx, old, target, now)
            released = release_units(session, ctx, old.id)
            forwarding.end_with_incident(work, old, duplicate_of=target)
            old.status = IncidentStatus.CANCELLED.value
            old.disposition = Disposition.DUPLICATE.value
            old.closed_at = now
            old.updated_at = now
            _system_note(session, ctx, old.id, now, f"incident.duplicate_of {target.number}")
            audit(
                session,
                ctx,
                AuditAction.INCIDENT_CANCEL,
                "incident",
                old.id,
                reason="duplicate",
                target=target.id,
            )
        before = call.classification
        call.classification = CallClass.DUPLICATE.value
        call.incident_id = target.id
        note = _system_note(
            session, ctx, target.id, now, f"call.attached {caller} {old.number if old is not None else '-'}"
        )
        target.updated_at = now
        audit(
            session,
            ctx,
            AuditAction.CALL_ATTACH,
            "call",
            call.id,
            before=before,
            after=CallClass.DUPLICATE.value,
            incident=target.id,
            cancelled=None if old is None else old.id,
        )
        audit(session, ctx, AuditAction.INCIDENT_NOTE, "incident", target.id, note=note.id)
        aml.apply_waiting(work, call.id, target)  # a handset position that waited for the call's incident
        view = CallView.of(call, target.number)
        touched = (target_incident_id,) if old is None else (target_incident_id, old.id)
        work.notify(Topic.CALLS, call_id)
        work.notify(Topic.INCIDENTS, *touched)
        work.notify(Topic.NOTES, *touched)
        if released:
            work.notify(Topic.UNITS, *released)
    return view


def _copy_typed(
    session: Session, ctx: ServiceContext, old: Incident, target: Incident, now: datetime
) -> None:
    """Fields, notes, priority and flags of the duplicate incident, carried over to the target."""
    lines = [old.number]
    for field in ("category", *TEXT_FIELDS, "area_code"):
        value = getattr(old, field)
        if value:
            lines.append(f"{field}: {value}")
    if old.lat is not None and old.lon is not None:
        lines.append(f"lat/lon: {old.lat:.6f}, {old.lon:.6f}")
    for text in session.scalars(
        select(IncidentNote.text)
        .where(IncidentNote.incident_id == old.id, IncidentNote.kind.in_(_TYPED_NOTE_KINDS))
        .order_by(IncidentNote.at, IncidentNote.id)
    ):
        lines.append(f"note: {text}")
    if len(lines) > 1:
        copied = IncidentNote(
            incident_id=target.id,
            at=now,
            author_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            kind=NoteKind.COPIED.value,
            text="\n".join(lines),
        )
        session.add(copied)
        session.flush()
        audit(
            session, ctx, AuditAction.INCIDENT_NOTE, "incident", target.id, note=copied.id, copied_from=old.id
        )
    # What the second caller's answers established (someone trapped) must not be lost either, nor a
    # priority typed before any category was chosen (anything but the starting P3 was set by someone).
    carried = bool(old.category) or old.priority != Priority.P3.value
    priority = higher_priority(Priority(target.priority), Priority(old.priority) if carried else None)
    if priority.value != target.priority:
        audit(
            session,
            ctx,
            AuditAction.INCIDENT_UPDATE,
            "incident",
            target.id,
            field="priority",
            before=target.priority,
            after=priority.value,
            reason=f"duplicate {old.number}",
        )
        target.priority = priority.value
    flags = parse_flags(target.flags or "") | parse_flags(old.flags or "")
    if format_flags(flags) != (target.flags or ""):
        audit(
            session,
            ctx,
            AuditAction.INCIDENT_UPDATE,
            "incident",
            target.id,
            field="flags",
            before=target.flags or "",
            after=format_flags(flags),
        )
        target.flags = format_flags(flags)


def _system_note(
    session: Session, ctx: ServiceContext, incident_id: int, now: datetime, text: str
) -> IncidentNote:
    """System notes are codes, worded by the UI in each reader's language."""
    note = IncidentNote(
        incident_id=incident_id,
        at=now,
        author_id=ctx.actor.user_id,
        console_id=ctx.console_id,
        kind=NoteKind.SYSTEM.value,
        text=text,
    )
    session.add(note)
    session.flush()
    return note
