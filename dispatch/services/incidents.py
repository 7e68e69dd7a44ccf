"""Incident fields (saved as they are edited), narrative notes, closing and reopening."""

from __future__ import annotations

from enum import Enum
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.enums import CallState, Disposition, IncidentStatus, Priority, UnitStatus
from dispatch.domain.incidents import (
    CHOICE_FIELDS,
    COORDINATE_FIELDS,
    TEXT_FIELDS,
    FieldProblem,
    FieldRejected,
    parse_coordinate,
    priority_for_category,
    validate_note,
    validate_text_field,
)
from dispatch.domain.lifecycle import can_transition, derive_incident_status
from dispatch.domain.protocols import higher_priority
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.snapshots import IncidentView, NoteView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import (
    Assignment,
    Call,
    Forwarding,
    Incident,
    IncidentNote,
    Unit,
    UnitStatusChange,
)

CLOSED_STATES = (IncidentStatus.CLOSED.value, IncidentStatus.CANCELLED.value)


class Unchecked:
    """The type of :data:`UNCHECKED` (one instance; a copy, or one unpickled, is the same)."""

    def __reduce__(self) -> str:
        return "UNCHECKED"

    def __repr__(self) -> str:
        return "UNCHECKED"


#: ``expected`` when the caller does not say what it showed: the stored value is replaced whatever
#: it is now (one console, a script, a test). A form passes the value it showed instead.
UNCHECKED: Final = Unchecked()
#: Coordinates closer than this (degrees, about a centimetre) are the same shown value.
_SAME_COORDINATE = 1e-7
#: Address levels named by the village code (``incidents.area_code``) when an area was picked.
AREA_NAME_FIELDS = ("province", "regency", "district", "village")


def update_field(
    ctx: ServiceContext,
    incident_id: int,
    field: str,
    value: str | float | None,
    catalogue: Catalogue,
    *,
    expected: object = UNCHECKED,
) -> IncidentView:
    """Save one field; raises FieldRejected (nothing saved) when the value is not acceptable.

    ``expected`` is the stored value the form showed when the person began editing the field
    (``IncidentView.field_value(field)``). When another console has saved something else since
    (the stored value differs from ``expected`` and from the new value), nothing is saved and
    ``ServiceError(FIELD_CHANGED_ELSEWHERE, field=, theirs=<stored>, yours=<the new value, clean>)``
    lets the person choose: keeping theirs is reloading the incident; using theirs as ``expected``
    saves yours over it. The same value saved by two consoles is no conflict.
    """
    clean = _validated(field, value, catalogue)
    with unit_of_work(ctx) as work:
        session = work.session
        # Locked (as every write to the incident): the stored value compared is the one replaced.
        incident = locked_open_incident(session, incident_id)
        before = getattr(incident, field)
        if before == clean:
            return IncidentView.of(incident, active_unit_signs(session, incident_id))
        if not same_as_shown(before, expected):
            work.refuse(Refusal.FIELD_CHANGED_ELSEWHERE, field=field, theirs=before, yours=clean)
        setattr(incident, field, clean)
        stale_area = ""
        if field in AREA_NAME_FIELDS and incident.area_code:
            # A name typed over the picked area: the village code no longer says where this is (and
            # premise history and duplicates would otherwise match the old kelurahan).
            stale_area, incident.area_code = incident.area_code, ""
        # Imported here: locations builds on this module.
        from dispatch.services import locations

        if stale_area:
            locations.area_typed_over(ctx, session, incident)
        if field in ("lat", "lon"):
            # A coordinate typed into its own field: the position is now the call-taker's, exact.
            locations.coordinate_typed(ctx, session, incident)
        if field == "category" and clean is not None:
            priority = priority_for_category(
                Priority(incident.priority),
                None if before is None else catalogue.get(str(before)).default_priority,
                catalogue.get(str(clean)).default_priority,
            )
            if _has_protocol_answers(session, incident_id):
                # What the caller's answers established (someone trapped) outranks any default.
                priority = higher_priority(Priority(incident.priority), priority)
            incident.priority = priority.value
        incident.updated_at = ctx.clock.now()
        refresh_status(session, incident)
        audit(
            session,
            ctx,
            AuditAction.INCIDENT_UPDATE,
            "incident",
            incident_id,
            field=field,
            before=before,
            after=clean,
            **({"area_code_cleared": stale_area} if stale_area else {}),
        )
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view


def same_as_shown(stored: object, shown: object) -> bool:
    """Whether a stored value is still the one a form showed (``UNCHECKED``: always).

    An empty text and no value are the same; a choice shown as its enum is its code; coordinates
    are the same within a centimetre (a number shown as text is read as one).
    """
    if shown is UNCHECKED:
        return True
    if isinstance(shown, Enum):
        shown = shown.value
    if stored in (None, "") or shown in (None, ""):
        return stored in (None, "") and shown in (None, "")
    if isinstance(stored, float):
        try:
            return abs(stored - float(str(shown))) <= _SAME_COORDINATE
        except ValueError:
            return False
    return stored == shown


def _has_protocol_answers(session: Session, incident_id: int) -> bool:
    # The note kind written by dispatch.services.protocols (which imports this module).
    query = select(IncidentNote.id).where(
        IncidentNote.incident_id == incident_id, IncidentNote.kind == NoteKind.PROTOCOL
    )
    return session.scalars(query.limit(1)).first() is not None


def _validated(field: str, value: str | float | None, catalogue: Catalogue) -> str | float | None:
    if field in TEXT_FIELDS:
        return validate_text_field(field, str(value or ""))
    if field == "category":
        if value is None or value == "":
            return None
        if str(value) not in catalogue.codes:
            raise FieldRejected(field, FieldProblem.UNKNOWN_FIELD)
        return str(value)
    if field == "priority":
        try:
            return Priority(str(value)).value
        except ValueError as error:
            raise FieldRejected(field, FieldProblem.UNKNOWN_FIELD) from error
    if field in COORDINATE_FIELDS:
        # Typed text or a number from a map click: both go through the domain's range checks.
        return parse_coordinate(field, "" if value is None else str(value))
    assert field not in CHOICE_FIELDS
    raise FieldRejected(field, FieldProblem.UNKNOWN_FIELD)


def locked_open_incident(session: Session, incident_id: int) -> Incident:
    # Locked: a close and a dispatch of the same incident on two consoles serialise on this row.
    incident = session.get(Incident, incident_id, with_for_update=True)
    if incident is None:
        raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
    if incident.status in CLOSED_STATES:
        raise ServiceError(Refusal.INCIDENT_CLOSED, number=incident.number)
    return incident


def add_note(ctx: ServiceContext, incident_id: int, text: str, corrects_id: int | None = None) -> NoteView:
    """Append to the narrative. Notes are never edited: a correction is a new note naming the old one."""
    clean = validate_note(text)
    with unit_of_work(ctx) as work:
        session = work.session
        if session.get(Incident, incident_id) is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        if corrects_id is not None:
            corrected = session.get(IncidentNote, corrects_id)
            if corrected is None or corrected.incident_id != incident_id:
                raise ServiceError(Refusal.NOTE_NOT_IN_INCIDENT, note_id=corrects_id, incident_id=incident_id)
        note = IncidentNote(
            incident_id=incident_id,
            at=ctx.clock.now(),
            author_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            kind=NoteKind.NARRATIVE.value,
            text=clean,
            corrects_id=corrects_id,
        )
        session.add(note)
        session.flush()
        correction = {} if corrects_id is None else {"corrects": corrects_id}
        audit(session, ctx, AuditAction.INCIDENT_NOTE, "incident", incident_id, note=note.id, **correction)
        view = NoteView.of(note, ctx.actor.user_name)
        work.announce(Change(Topic.NOTES, (incident_id,)))
    return view


def close_incident(ctx: ServiceContext, incident_id: int, disposition: Disposition) -> IncidentView:
    """Close with a disposition.

    Units still working it are released (cleared, or cancelled if not yet there, then available:
    ``release_units``), and a call of the incident still answered (the call-taker never hung up) is
    ended, audited as ``call.end_with_incident``. The window asks first, naming the units still out
    (``queries.units_still_out``). Refused (``FORWARDINGS_OPEN``, ``agencies``: their names) while a
    forwarding to an agency is open: the agency reports it handled, or the forwarding is cancelled
    (``services.forwarding``), and the last one handled closes the incident by itself.
    """
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        # Every row this changes is locked before the first audit row is written: that row locks
        # the audit chain's head until the commit, and a console holding a row this wants (a call
        # being hung up, a unit) would wait for the head while this waits for its row. The order:
        # the incident, its forwardings, its calls, its units (as forwarding, classifying a call and
        # dispatching take them). Every forwarding and report locks the incident first, so the
        # forwardings read here cannot change before the commit.
        incident = locked_open_incident(session, incident_id)
        still_open = open_forwarding_agencies(session, incident_id)
        if still_open:
            work.refuse(Refusal.FORWARDINGS_OPEN, number=incident.number, agencies=still_open)
        answered = answered_calls(session, incident_id)
        released = release_units(session, ctx, incident_id)
        ended = end_calls(session, ctx, incident, answered)
        incident.status = IncidentStatus.CLOSED.value
        incident.disposition = disposition.value
        incident.closed_at = now
        incident.updated_at = now
        audit(
            session, ctx, AuditAction.INCIDENT_CLOSE, "incident", incident_id, disposition=disposition.value
        )
        view = IncidentView.of(incident)
        work.announce(Change(Topic.INCIDENTS, (incident_id,)), Change(Topic.UNITS, tuple(released)))
        if ended:
            work.notify(Topic.CALLS, *ended)
    return view


def open_forwarding_agencies(session: Session, incident_id: int) -> list[str]:
    """The names of the agencies the incident has an open forwarding to, as forwarded."""
    return list(
        session.scalars(
            select(Forwarding.agency_name)
            .where(Forwarding.incident_id == incident_id, Forwarding.closed_at.is_(None))
            .order_by(Forwarding.forwarded_at, Forwarding.id)
        )
    )


def answered_calls(session: Session, incident_id: int) -> list[Call]:
    """The incident's calls still answered (its own and duplicates attached to it), locked."""
    return list(
        session.scalars(
            select(Call)
            .where(Call.incident_id == incident_id, Call.state == CallState.ANSWERED.value)
            .order_by(Call.id)
            .with_for_update()
        ).all()
    )


def end_calls(session: Session, ctx: ServiceContext, incident: Incident, calls: list[Call]) -> list[int]:
    """End the incident's answered ``calls``, each audited as ended with the incident."""
    for call in calls:
        call.state = CallState.ENDED.value
        call.ended_at = ctx.clock.now()
        audit(session, ctx, AuditAction.CALL_END_WITH_INCIDENT, "call", call.id, incident=incident.number)
    return [call.id for call in calls]


def reopen_incident(ctx: ServiceContext, incident_id: int) -> IncidentView:
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        # Locked: two consoles reopening at once, or one closing, serialise; the later one is told.
        incident = session.get(Incident, incident_id, with_for_update=True)
        if incident is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        if incident.status not in CLOSED_STATES:
            raise ServiceError(Refusal.INCIDENT_NOT_CLOSED, number=incident.number)
        before = incident.status
        incident.status = IncidentStatus.REOPENED.value
        incident.disposition = None
        incident.closed_at = None
        incident.updated_at = now
        audit(session, ctx, AuditAction.INCIDENT_REOPEN, "incident", incident_id, before=before)
        view = IncidentView.of(incident)
        work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view


def release_units(session: Session, ctx: ServiceContext, incident_id: int) -> list[int]:
    """End every active assignment of the incident and make its units available again.

    Each unit gets two status-history rows at the same moment, both naming the assignment and the
    incident: first the step that ends the assignment (cleared when the lifecycle allows it from
    where the unit is, i.e. it got there; cancelled when it was still on the way), then
    ``available`` (audited as ``unit.release``). A supervisor reading the history sees what
    happened to each unit and that the incident's end, not a radio report, freed it.
    """
    now = ctx.clock.now()
    rows = session.execute(
        select(Assignment, Unit)
        .join(Unit, Unit.id == Assignment.unit_id)
        .where(
            Assignment.incident_id == incident_id,
            Assignment.cleared_at.is_(None),
            Assignment.cancelled_at.is_(None),
        )
        .order_by(Unit.id)
        .with_for_update()
    ).all()
    number = session.get_one(Incident, incident_id).number
    released = []
    for assignment, unit in rows:
        current = UnitStatus(unit.status)
        target = UnitStatus.CLEARED if can_transition(current, UnitStatus.CLEARED) else UnitStatus.CANCELLED
        if target is UnitStatus.CLEARED:
            assignment.cleared_at = now
        else:
            assignment.cancelled_at = now
        _history(session, ctx, unit, assignment, current, target)
        audit(
            session, ctx, AuditAction.UNIT_STATUS, "unit", unit.id, before=current.value, after=target.value
        )
        _history(session, ctx, unit, assignment, target, UnitStatus.AVAILABLE)
        audit(
            session,
            ctx,
            AuditAction.UNIT_RELEASE,
            "unit",
            unit.id,
            before=target.value,
            after=UnitStatus.AVAILABLE.value,
            incident=number,
        )
        unit.status = UnitStatus.AVAILABLE.value
        unit.status_since = now
        released.append(unit.id)
    return released


def _history(
    session: Session,
    ctx: ServiceContext,
    unit: Unit,
    assignment: Assignment,
    before: UnitStatus,
    after: UnitStatus,
) -> None:
    session.add(
        UnitStatusChange(
            unit_id=unit.id,
            assignment_id=assignment.id,
            incident_id=assignment.incident_id,
            from_status=before.value,
            to_status=after.value,
            at=ctx.clock.now(),
            user_id=ctx.actor.user_id,
            console_id=ctx.console_id,
        )
    )


def refresh_status(session: Session, incident: Incident) -> None:
    """Recompute the incident's status from its units' (call after any change to them)."""
    rows = session.execute(
        select(Unit.status, Assignment.cleared_at, Assignment.cancelled_at)
        .join(Unit, Unit.id == Assignment.unit_id)
        .where(Assignment.incident_id == incident.id)
    ).all()
    active = [
        UnitStatus(status) for status, cleared, cancelled in rows if cleared is None and cancelled is None
    ]
    current = IncidentStatus(incident.status)
    if current is IncidentStatus.NEW and incident.category is None and not rows:
        return
    incident.status = derive_incident_status(current, active, ever_dispatched=bool(rows)).value


def active_unit_signs(session: Session, incident_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(Unit.call_sign)
            .join(Assignment, Assignment.unit_id == Unit.id)
            .where(
                Assignment.incident_id == incident_id,
                Assignment.cleared_at.is_(None),
                Assignment.cancelled_at.is_(None),
            )
            .order_by(Unit.call_sign)
        )
    )
