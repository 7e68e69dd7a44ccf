"""Simulated crews for training: dispatched units acknowledge, drive, arrive, report and clear by themselves.

Nothing here keeps time by itself: whoever runs it calls ``advance(elapsed)`` with the scenario's
seconds (``PlayClock.elapsed()``; the window, every second through the scenario run; a test, with
explicit seconds). Each call reads the open assignments in one indexed query, plans every assignment
seen for the first time (``dispatch.domain.crews.plan_response``, from a random source made of the
run's seed, the unit and the assignment, so a run repeats exactly), and applies the steps now due
through ``services.dispatching.set_unit_status`` as the system: acknowledged, en route, on scene
(with the crew's report as a narrative note), cleared, available. Every change is thus an ordinary
history row and audit row, written by the system user, exactly as a dispatcher's would be.

The crews never fight a person. A unit whose status a person changed is re-planned from where it now
is (the rest of its plan keeps its spacing from that moment); a unit a person put outside the plain
cycle (delayed, staging, patient contact, transporting...) is theirs until they put it back into the
cycle; an assignment cancelled or a unit released by closing the incident is left alone. A step the
service refuses (the unit changed between the read and the write) is skipped and logged; the next
read re-plans the unit from what it really is.

The trainer can hold a unit (``delay``: its remaining steps later, shown as delayed where the
lifecycle allows), break it down (``take_out_of_service``) and bring it back (``return_to_service``).
Only in a training database: a live one is refused with ``Refusal.TRAINING_ONLY``.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, or_, select

from dispatch.domain.codes import Refusal
from dispatch.domain.crews import CrewRules, ResponsePlan, crew_rng, plan_response
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.geo import distance_m
from dispatch.domain.incidents import FieldRejected
from dispatch.domain.lifecycle import can_transition, may_override
from dispatch.domain.scenarios import Words
from dispatch.services import dispatching, incidents
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import UnitView
from dispatch.services.uow import DatabaseUnavailable, reading
from dispatch.store.database import DatabaseKind
from dispatch.store.tables import Assignment, Incident, Unit

log = logging.getLogger(__name__)

S = UnitStatus

#: The plain cycle the crews drive, after the dispatch.
CYCLE = (S.ACKNOWLEDGED, S.EN_ROUTE, S.ON_SCENE, S.CLEARED, S.AVAILABLE)
_RANK = {S.DISPATCHED: 0, **{status: rank for rank, status in enumerate(CYCLE, start=1)}}
#: After a hold of the trainer's the crew is back on the road, then the rest of the cycle.
_AFTER_DELAY = (S.EN_ROUTE, S.ON_SCENE, S.CLEARED, S.AVAILABLE)

#: The history row's reason when a trainer breaks a unit down (a supervisor's override).
BREAKDOWN_REASON = "training: breakdown"

#: What a crew says on the radio, written in the incident's narrative in the console's language.
#: Narrative notes are the dispatcher's words, stored as text (not codes as system notes are).
_ON_SCENE_NOTE = Words(id="{call_sign} tiba di lokasi.", en="{call_sign} on scene.")
_REPORT_NOTE = Words(id="{call_sign} melaporkan: {report}", en="{call_sign} reports: {report}")
_BREAKDOWN_NOTE = Words(
    id="{call_sign}: kendaraan mogok, tidak dapat melanjutkan tugas.",
    en="{call_sign}: vehicle broken down, cannot continue.",
)

_COLUMNS = (
    Assignment.id,
    Assignment.unit_id,
    Assignment.incident_id,
    Assignment.cleared_at,
    Assignment.cancelled_at,
    Unit.status,
    Unit.call_sign,
    Unit.agency_type,
    Unit.lat,
    Unit.lon,
    Unit.last_lat,
    Unit.last_lon,
    Incident.lat.label("incident_lat"),
    Incident.lon.label("incident_lon"),
)
_OPEN = and_(Assignment.cleared_at.is_(None), Assignment.cancelled_at.is_(None))
#: Open assignments (``ix_assignments_open``), and those the crews still follow after they ended
#: (cleared, the available step to come; by primary key).
_FOLLOWED = (
    select(*_COLUMNS)
    .join(Unit, Unit.id == Assignment.unit_id)
    .join(Incident, Incident.id == Assignment.incident_id)
    .where(or_(_OPEN, Assignment.id.in_(bindparam("followed", expanding=True))))
    .order_by(Assignment.id)
)
_OPEN_ONLY = (
    select(*_COLUMNS)
    .join(Unit, Unit.id == Assignment.unit_id)
    .join(Incident, Incident.id == Assignment.incident_id)
    .where(_OPEN)
    .order_by(Assignment.id)
)


@dataclass
class _Track:
    """One assignment the crews follow: its plan and where the unit should be."""

    assignment_id: int
    unit_id: int
    incident_id: int
    call_sign: str
    plan: ResponsePlan
    #: Scenario seconds of each status of the cycle, dispatched included; moved by delays and re-plans.
    times: dict[UnitStatus, float]
    #: The status the crews last wrote or saw; a different one read back is a person's change.
    expected: UnitStatus = S.DISPATCHED
    #: True while the unit is delayed by the trainer (its next step: en route); a person's delayed is theirs.
    held: bool = False
    #: Statuses already refused once this advance (not tried again until the next read).
    refused: set[UnitStatus] = field(default_factory=set)

    def pending(self) -> tuple[UnitStatus, ...]:
        if self.expected is S.DELAYED and self.held:
            return _AFTER_DELAY
        rank = _RANK.get(self.expected)
        if rank is None:
            return ()  # a person holds the unit outside the cycle
        return CYCLE[rank:]

    def next_step(self) -> UnitStatus | None:
        steps = self.pending()
        return steps[0] if steps else None

    def replan_from(self, status: UnitStatus, now: float) -> None:
        """A person moved the unit to ``status`` at ``now``: the rest keeps its spacing from there."""
        self.held = False
        self.expected = status
        rank = _RANK.get(status)
        if rank is None:
            return
        anchor = self.times[status]
        for later in CYCLE[rank:]:
            self.times[later] = now + (self.times[later] - anchor)


class SimulatedCrews:
    """The crews of a training run (see the module docstring)."""

    def __init__(
        self,
        ctx: ServiceContext,
        seed: int,
        rules: CrewRules | None = None,
        report_for: Callable[[int], Words | None] | None = None,
        language: str = "id",
    ) -> None:
        if ctx.database.kind is DatabaseKind.LIVE:
            raise ServiceError(Refusal.TRAINING_ONLY)
        self._ctx = ctx
        self._system = ctx.as_system()
        self._seed = seed
        self._rules = rules or CrewRules()
        #: The scenario's report of an incident; settable, for a run made after its crews.
        self.report_for = report_for
        self._language = language
        self._elapsed = 0.0
        self._tracks: dict[int, _Track] = {}  # by assignment id
        #: Assignments planned once, never again (also those dropped: cancelled, broken down).
        self._seen: set[int] = set()
        #: Incidents whose scenario report a crew has given (the first crew there gives it).
        self._reported: set[int] = set()

    # --- the clock's tick -------------------------------------------------------------------------

    def advance(self, elapsed: float) -> list[int]:
        """Plan new assignments and apply every step due by ``elapsed``; the ids of units changed."""
        self._elapsed = elapsed
        self._read(elapsed)
        return self._apply_due(elapsed)

    def planned(self, unit_id: int) -> ResponsePlan | None:
        track = self._track_of(unit_id)
        return None if track is None else track.plan

    def due_times(self, unit_id: int) -> dict[UnitStatus, float]:
        """The unit's remaining steps and their scenario seconds (for the trainer's view and tests)."""
        track = self._track_of(unit_id)
        if track is None:
            return {}
        return {status: track.times[status] for status in track.pending()}

    def seconds_until_due(self) -> float | None:
        """Scenario seconds to the next step of any crew; None when no crew has one."""
        dues = [t.times[s] for t in self._tracks.values() if (s := t.next_step()) is not None]
        return None if not dues else max(0.0, min(dues) - self._elapsed)

    # --- the trainer's hand -----------------------------------------------------------------------

    def delay(self, unit_id: int, seconds: float) -> None:
        """Hold a unit: its remaining steps ``seconds`` later; delayed meanwhile if the lifecycle allows.

        A unit dispatched, acknowledged or en route shows delayed and goes en route again when the
        hold ends (``seconds`` after it would have); one already on scene just clears later.
        """
        if seconds <= 0:
            raise ValueError("a delay is a positive number of seconds")
        self._read(self._elapsed)
        track = self._track_of(unit_id)
        if track is None:
            raise ServiceError(Refusal.NO_INCIDENT_FOR_STATUS, unit_id=unit_id, requested=S.DELAYED)
        now = self._elapsed
        if track.expected is S.DELAYED and track.held:
            for status in _AFTER_DELAY:
                track.times[status] += seconds
            return
        pending = track.pending()
        if can_transition(track.expected, S.DELAYED) and self._write(track, S.DELAYED):
            track.held = True
            track.times[S.EN_ROUTE] = max(track.times[S.EN_ROUTE], now) + seconds
            pending = _AFTER_DELAY[1:]
        for status in pending:
            track.times[status] += seconds

    def take_out_of_service(self, unit_id: int) -> UnitView:
        """The unit breaks down: released from its incident and out of service, its crew says so.

        A trainer who may override statuses (a supervisor) moves it in one step with the reason
        ``training: breakdown`` on the history row; otherwise the system releases it the way the
        lifecycle allows (cancelled on the way, cleared once there) and then takes it out of service.
        """
        self._read(self._elapsed)
        track = self._track_of(unit_id)
        if track is not None:
            del self._tracks[track.assignment_id]
        if may_override(self._ctx.actor.role):
            view = dispatching.set_unit_status(
                self._ctx, unit_id, S.OUT_OF_SERVICE, override_reason=BREAKDOWN_REASON
            )
            incident_id = view.incident_id
        else:
            incident_id = None
            current = _unit_status(self._ctx, unit_id)
            if current is not None and not can_transition(current, S.OUT_OF_SERVICE):
                release = S.CLEARED if can_transition(current, S.CLEARED) else S.CANCELLED
                incident_id = dispatching.set_unit_status(self._system, unit_id, release).incident_id
            view = dispatching.set_unit_status(self._system, unit_id, S.OUT_OF_SERVICE)
        if incident_id is not None:
            self._note(incident_id, _BREAKDOWN_NOTE, call_sign=view.call_sign)
        return view

    def return_to_service(self, unit_id: int) -> UnitView:
        """The unit is repaired: available again (refused by the lifecycle unless it is out of service)."""
        return dispatching.set_unit_status(self._system, unit_id, S.AVAILABLE)

    # --- reading and writing ----------------------------------------------------------------------

    def _track_of(self, unit_id: int) -> _Track | None:
        """The unit's latest followed assignment."""
        mine = [t for t in self._tracks.values() if t.unit_id == unit_id]
        return max(mine, key=lambda t: t.assignment_id) if mine else None

    def _read(self, now: float) -> None:
        """One query: new assignments are planned, people's changes re-plan, ended ones are dropped."""
        followed = sorted(self._tracks)
        with reading(self._ctx) as session:
            if followed:
                rows = session.execute(_FOLLOWED, {"followed": followed}).all()
            else:
                rows = session.execute(_OPEN_ONLY).all()
        present = set()
        for row in rows:
            present.add(row.id)
            track = self._tracks.get(row.id)
            status = S(row.status)
            if track is None:
                if row.id not in self._seen and row.cleared_at is None and row.cancelled_at is None:
                    self._plan(row, status, now)
                continue
            track.refused.clear()
            ended = row.cleared_at is not None or row.cancelled_at is not None
            if row.cancelled_at is not None or (ended and status is not S.CLEARED):
                # Cancelled, released by the incident's close, re-dispatched or made available by a person.
                log.info("crews: %s left alone (%s)", track.call_sign, status.value)
                del self._tracks[row.id]
            elif status is not track.expected:
                log.info("crews: %s moved by a person to %s", track.call_sign, status.value)
                track.replan_from(status, now)
        for gone in set(self._tracks) - present:  # not expected: rows are never deleted
            del self._tracks[gone]

    def _plan(self, row: Any, status: UnitStatus, now: float) -> None:
        self._seen.add(row.id)
        agency = AgencyType(row.agency_type)
        unit_lat = row.last_lat if row.last_lat is not None and row.last_lon is not None else row.lat
        unit_lon = row.last_lon if row.last_lat is not None and row.last_lon is not None else row.lon
        distance = None
        if None not in (unit_lat, unit_lon, row.incident_lat, row.incident_lon):
            distance = distance_m(unit_lat, unit_lon, row.incident_lat, row.incident_lon)
        plan = plan_response(crew_rng(self._seed, row.unit_id, row.id), agency, distance, self._rules)
        times = {S.DISPATCHED: now}
        times.update({status: now + at for status, at in zip(CYCLE, plan.steps, strict=True)})
        track = _Track(row.id, row.unit_id, row.incident_id, row.call_sign, plan, times)
        self._tracks[row.id] = track
        if status is not S.DISPATCHED:
            track.replan_from(status, now)

    def _apply_due(self, now: float) -> list[int]:
        queue: list[tuple[float, int, int]] = []

        def push(track: _Track) -> None:
            step = track.next_step()
            if step is not None and step not in track.refused and track.times[step] <= now:
                heapq.heappush(queue, (track.times[step], track.unit_id, track.assignment_id))

        for track in self._tracks.values():
            push(track)
        changed: dict[int, None] = {}
        while queue:
            _, _, assignment_id = heapq.heappop(queue)
            track = self._tracks[assignment_id]
            step = track.next_step()
            assert step is not None
            try:
                written = self._write(track, step)
            except DatabaseUnavailable as error:
                # The step stays due: the next tick tries again.
                log.warning("crews: database unavailable, steps wait (%s)", error)
                break
            if not written:
                continue
            changed[track.unit_id] = None
            if step is S.ON_SCENE:
                self._report(track)
            if step is S.AVAILABLE:
                del self._tracks[assignment_id]
            else:
                push(track)
        return list(changed)

    def _write(self, track: _Track, status: UnitStatus) -> bool:
        """Set the status as the system; a refusal (a person was quicker) is logged and skipped."""
        try:
            dispatching.set_unit_status(self._system, track.unit_id, status)
        except ServiceError as refused:
            log.info("crews: %s -> %s skipped: %s", track.call_sign, status.value, refused.code.value)
            track.refused.add(status)
            return False
        track.expected = status
        if status is not S.DELAYED:
            track.held = False
        return True

    def _report(self, track: _Track) -> None:
        words = None
        if self.report_for is not None and track.incident_id not in self._reported:
            words = self.report_for(track.incident_id)
        if words is None:
            self._note(track.incident_id, _ON_SCENE_NOTE, call_sign=track.call_sign)
            return
        self._reported.add(track.incident_id)
        report = words.in_language(self._language)
        self._note(track.incident_id, _REPORT_NOTE, call_sign=track.call_sign, report=report)

    def _note(self, incident_id: int, words: Words, **values: str) -> None:
        text = words.in_language(self._language).format(**values)
        try:
            incidents.add_note(self._system, incident_id, text)
        except (ServiceError, FieldRejected) as refused:
            log.info("crews: note on incident %s not written: %s", incident_id, refused)


def _unit_status(ctx: ServiceContext, unit_id: int) -> UnitStatus | None:
    with reading(ctx) as session:
        status = session.scalar(select(Unit.status).where(Unit.id == unit_id))
    return None if status is None else S(status)
