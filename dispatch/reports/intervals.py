"""Response intervals from the status history (DOMAIN.md: never from overwritten columns).

Per assignment: turnout (dispatched -> en route, NFPA 1710), travel (en route -> on scene) and time on
scene (on scene -> the first status off the scene: cleared, transporting, cancelled...). Per incident:
call processing (answer -> first unit dispatched, NFPA 1225). The core is pure; ``interval_report``
only reads the rows, with what the figures group by: each unit's agency type and who answered each
incident's first call (``dispatch.reports.figures_data`` feeds both to ``dispatch.domain.figures``).

The reads serve a 12-hour shift on a database of millions of calls: the incidents come from the
``incidents.created_at`` index, and their calls, assignments and status rows are read per batch of
incident ids (a bounded IN list on an indexed column), never one query per incident.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from dispatch.domain.enums import UnitStatus
from dispatch.services.context import ServiceContext
from dispatch.services.uow import reading
from dispatch.store.tables import Assignment, Call, Incident, Unit, UnitStatusChange

#: While a unit is in these statuses it is at the scene.
AT_SCENE = frozenset({UnitStatus.ON_SCENE, UnitStatus.PATIENT_CONTACT})

#: Ids per IN list: well under SQLite's bound parameters (32,766) and PostgreSQL's (65,535), and
#: short enough for each batch to be an index lookup per id.
BATCH = 500


@dataclass(frozen=True)
class StatusEvent:
    """One row of ``unit_status_history`` that belongs to an assignment."""

    assignment_id: int
    status: UnitStatus
    at: datetime
    #: The history row's id: of two rows in the same second, the lower one was recorded first.
    id: int = 0


@dataclass(frozen=True)
class AssignmentIntervals:
    assignment_id: int
    dispatched_at: datetime | None
    #: Seconds; None when the history lacks one of the two ends (the unit never got there).
    turnout_s: float | None
    travel_s: float | None
    on_scene_s: float | None


@dataclass(frozen=True)
class UnitIntervals:
    incident_number: str
    call_sign: str
    intervals: AssignmentIntervals
    #: ``units.agency_type`` (police, fire, medical...): the figures are per agency.
    agency: str = ""


@dataclass(frozen=True)
class IncidentIntervals:
    incident_id: int
    number: str
    answered_at: datetime | None
    first_dispatch_at: datetime | None
    call_processing_s: float | None
    units: tuple[UnitIntervals, ...]
    #: Who answered the incident's first call (``calls.answered_by``); None when no one did.
    taken_by: int | None = None


def _seconds(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None or end < start:
        return None
    return (end - start).total_seconds()


def assignment_intervals(assignment_id: int, events: Iterable[StatusEvent]) -> AssignmentIntervals:
    """The intervals of one assignment from its history rows (in any order; the first of each counts)."""
    ordered = sorted((e for e in events if e.assignment_id == assignment_id), key=lambda e: (e.at, e.id))

    def first(status: UnitStatus, after: datetime | None = None) -> datetime | None:
        return next(
            (e.at for e in ordered if e.status is status and (after is None or e.at >= after)),
            None,
        )

    dispatched = first(UnitStatus.DISPATCHED)
    en_route = first(UnitStatus.EN_ROUTE, dispatched)
    on_scene = first(UnitStatus.ON_SCENE, en_route or dispatched)
    left = None
    if on_scene is not None:
        # After the On scene row itself, not merely at or after its time: a status recorded in the
        # same second before it (en route) did not take the unit off the scene.
        arrived = next(
            i for i, e in enumerate(ordered) if e.status is UnitStatus.ON_SCENE and e.at >= on_scene
        )
        left = next((e.at for e in ordered[arrived + 1 :] if e.status not in AT_SCENE), None)
    return AssignmentIntervals(
        assignment_id=assignment_id,
        dispatched_at=dispatched,
        turnout_s=_seconds(dispatched, en_route),
        travel_s=_seconds(en_route, on_scene),
        on_scene_s=_seconds(on_scene, left),
    )


def call_processing_s(answered_at: datetime | None, dispatched: Sequence[datetime]) -> float | None:
    """Answer to the first unit dispatched."""
    return _seconds(answered_at, min(dispatched, default=None))


def batches(ids: Sequence[int], size: int | None = None) -> Iterator[Sequence[int]]:
    """``ids`` in slices of at most ``size`` (``BATCH``), for IN lists of a bounded length."""
    size = size or BATCH
    for begin in range(0, len(ids), size):
        yield ids[begin : begin + size]


def interval_report(ctx: ServiceContext, since: datetime, until: datetime) -> list[IncidentIntervals]:
    """Incidents opened in [since, until) with their intervals, in order of opening."""
    first_calls: dict[int, tuple[datetime, int | None, int]] = {}
    assignments: list[tuple[datetime, int, int, str, str]] = []
    events: dict[int, list[StatusEvent]] = defaultdict(list)
    with reading(ctx) as session:
        incidents = session.execute(
            select(Incident.id, Incident.number)
            .where(Incident.created_at >= since, Incident.created_at < until)
            .order_by(Incident.created_at, Incident.id)
        ).all()
        for ids in batches([incident_id for incident_id, _ in incidents]):
            # The first answered call of each incident (the lower id on a tie): when, and by whom.
            for incident_id, answered_at, answered_by, call_id in session.execute(
                select(Call.incident_id, Call.answered_at, Call.answered_by, Call.id).where(
                    Call.incident_id.in_(ids), Call.answered_at.is_not(None)
                )
            ):
                if incident_id is None or answered_at is None:
                    continue  # not so: the query asked for both
                known = first_calls.get(incident_id)
                if known is None or (answered_at, call_id) < (known[0], known[2]):
                    first_calls[incident_id] = (answered_at, answered_by, call_id)
            assignments.extend(
                (dispatched_at, assignment_id, incident_id, call_sign, agency)
                for dispatched_at, assignment_id, incident_id, call_sign, agency in session.execute(
                    select(
                        Assignment.dispatched_at,
                        Assignment.id,
                        Assignment.incident_id,
                        Unit.call_sign,
                        Unit.agency_type,
                    )
                    .join(Unit, Unit.id == Assignment.unit_id)
                    .where(Assignment.incident_id.in_(ids))
                )
            )
            for row_id, found_id, status, at in session.execute(
                select(
                    UnitStatusChange.id,
                    UnitStatusChange.assignment_id,
                    UnitStatusChange.to_status,
                    UnitStatusChange.at,
                ).where(UnitStatusChange.incident_id.in_(ids), UnitStatusChange.assignment_id.is_not(None))
            ):
                if found_id is not None:
                    events[found_id].append(StatusEvent(found_id, UnitStatus(status), at, row_id))
    by_incident: dict[int, list[UnitIntervals]] = defaultdict(list)
    numbers = dict(incidents)
    # In order of dispatch, the assignment's id on a tie (the batches come back in any order).
    for _, assignment_id, incident_id, call_sign, agency in sorted(assignments, key=lambda a: a[:2]):
        intervals = assignment_intervals(assignment_id, events[assignment_id])
        by_incident[incident_id].append(UnitIntervals(numbers[incident_id], call_sign, intervals, agency))
    report = []
    for incident_id, number in incidents:
        units = tuple(by_incident[incident_id])
        dispatched = [u.intervals.dispatched_at for u in units if u.intervals.dispatched_at is not None]
        first = first_calls.get(incident_id)
        answer = None if first is None else first[0]
        report.append(
            IncidentIntervals(
                incident_id=incident_id,
                number=number,
                answered_at=answer,
                first_dispatch_at=min(dispatched, default=None),
                call_processing_s=call_processing_s(answer, dispatched),
                units=units,
                taken_by=None if first is None else first[1],
            )
        )
    return report
