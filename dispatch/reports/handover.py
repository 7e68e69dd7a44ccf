"""The handover report's data: a duty shift as the outgoing lead hands it over, read from the database.

Nothing in the report is typed twice: the period and who worked it (``shifts.staff_of``), the calls by
class and by their incident's category, the incidents still open at the end with their units, age and
last note, the forwardings to agencies still open then (how far each had got, and whether its
acknowledgement was late), the units out of service and why, the callbacks still waiting, the numbers
flagged or with a block requested, the feed outages, the alerts nobody acknowledged, the outgoing lead's
planned events and pass-down (the ``duty_shifts`` columns) and the figures of
``dispatch.reports.figures_data``.

The report covers [opened_at, period_end), where the period ends when the shift was closed, or at its
planned end while it is open. Its state is read **as at** one instant, ``as_of``: the period's end for a
closed shift, the present moment (at most the planned end) for the draft of an open one. Where the
database keeps history, the state is that instant's, however long afterwards the report is assembled:
unit statuses from ``unit_status_history``, assignments and forwardings from their milestones,
callbacks, flags, alerts, outages, attendance and notes from their own times. An incident's category and
priority, a call's class and whether a unit is on the roster are what their rows say when the report is
assembled (they keep no history of their own; a correction made later shows in a later assembly), and so
are the figures of the period's calls and incidents (an interval that ends after the close, a unit
arriving, counts): that is why the signed report freezes its content (``dispatch.services.handover``).

The content is language-neutral: codes (call classes, categories, statuses, reasons), numbers and times;
the UI words it in the reader's language. :func:`canonical_json` is the one serialiser for stored and
exported JSON: the same data gives the same bytes, run after run.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dispatch.domain.clock import as_utc
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import OPEN_INCIDENT_STATUSES, CallClass, IncidentStatus, UnitStatus
from dispatch.domain.figures import FigureSettings
from dispatch.domain.forwarding import ForwardState
from dispatch.domain.lifecycle import derive_incident_status
from dispatch.reports.figures_data import period_figures
from dispatch.services.alerts import LOOKBACK as ALERT_LOOKBACK
from dispatch.services.alerts import AlertView
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.shifts import staff_of
from dispatch.services.uow import reading
from dispatch.store.tables import (
    Alert,
    Assignment,
    Call,
    Callback,
    CallbackAttempt,
    DutyShift,
    FeedOutage,
    Forwarding,
    Incident,
    IncidentNote,
    NumberFlag,
    Unit,
    UnitStatusChange,
    User,
)

#: The form of the report's content; a reader that meets another form knows it is not this one.
FORMAT = "dispatch-handover/1"

#: Decimals every float keeps in canonical JSON (a microsecond, for seconds).
FLOAT_DECIMALS = 6

#: A unit in one of these statuses at the period's end is listed as out of service.
OUT_OF_SERVICE = frozenset({UnitStatus.OUT_OF_SERVICE})

#: Ids per IN list: far below SQLite's and PostgreSQL's limits on bound parameters.
_BATCH = 500

_OPEN_STATUS_VALUES = tuple(status.value for status in OPEN_INCIDENT_STATUSES)


# --- canonical JSON --------------------------------------------------------------------------------


def iso(instant: datetime) -> str:
    """An instant as ISO 8601 in UTC with ``+00:00``, as ``dispatch.domain.figures`` writes its times."""
    return as_utc(instant).isoformat()


def _plain(value: Any) -> Any:
    """``value`` as plain JSON types: datetimes in UTC, floats rounded, tuples as lists, enums as codes."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, Enum):
        return _plain(value.value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        rounded = round(value, FLOAT_DECIMALS)
        return 0.0 if rounded == 0 else rounded  # no "-0.0"
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        plain: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys are text: {key!r}")
            plain[str(key)] = _plain(item)
        return plain
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    raise TypeError(f"not JSON data: {type(value).__name__}")


def canonical(data: Any) -> Any:
    """``data`` as the plain JSON values :func:`canonical_json` writes (what ``json.loads`` reads back)."""
    return _plain(data)


def canonical_json(data: Mapping[str, Any]) -> str:
    """THE serialiser of stored and exported JSON: the same data gives the same text, byte for byte.

    Keys sorted, no spaces, UTF-8 text as it is (no ``\\u`` escapes), no NaN or infinity (refused),
    datetimes as ISO 8601 UTC (``+00:00``), dates as ISO dates, floats rounded to
    ``FLOAT_DECIMALS`` decimals, tuples as lists, enums as their codes. Object keys must be text.
    """
    return json.dumps(
        _plain(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


# --- the report's records ----------------------------------------------------------------------------


def _seconds(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end`` (never negative)."""
    return max(0, int((end - start).total_seconds()))


@dataclass(frozen=True)
class HandoverPeriod:
    """Which shift, when it ran, who opened and closed it, and the instant the state is read at."""

    shift_id: int
    #: ``dispatch.domain.shifts.ShiftCode`` value.
    code: str
    day: date
    planned_start: datetime
    planned_end: datetime
    opened_at: datetime
    opened_by: str | None
    closed_at: datetime | None
    closed_by: str | None
    #: The instant the state (open incidents, units, queues) is read at.
    as_of: datetime

    @property
    def period_end(self) -> datetime:
        """The report covers [opened_at, period_end): closed_at, else planned_end."""
        return self.closed_at if self.closed_at is not None else self.planned_end

    def to_json(self) -> dict[str, Any]:
        return {
            "shift_id": self.shift_id,
            "code": self.code,
            "day": self.day.isoformat(),
            "planned_start": iso(self.planned_start),
            "planned_end": iso(self.planned_end),
            "opened_at": iso(self.opened_at),
            "opened_by": self.opened_by,
            "closed_at": None if self.closed_at is None else iso(self.closed_at),
            "closed_by": self.closed_by,
            "period_end": iso(self.period_end),
            "as_of": iso(self.as_of),
            "duration_s": _seconds(self.opened_at, self.period_end),
        }


@dataclass(frozen=True)
class StaffRow:
    """A person's time at a console overlapping the period (an ``attendance`` row)."""

    user_id: int
    username: str
    full_name: str
    #: ``Role`` value (the account's role).
    role: str
    console: str
    #: ``ui.positions.Position`` name at log-in ("" when none was given).
    position: str
    started_at: datetime
    #: None: still at the console at ``as_of``.
    ended_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "user_id": self.user_id,
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "console": self.console,
            "position": self.position,
            "started_at": iso(self.started_at),
            "ended_at": None if self.ended_at is None else iso(self.ended_at),
        }


@dataclass(frozen=True)
class CategoryCount:
    """Calls of the period (emergency or attached as duplicates) by their incident's category."""

    #: Catalogue code; None: the incident has no category yet.
    category: str | None
    calls: int
    incidents: int

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "calls": self.calls, "incidents": self.incidents}


@dataclass(frozen=True)
class CallCounts:
    """The calls that started ringing in the period."""

    total: int
    #: Every ``CallClass``, in the enum's order, zero counts included.
    by_class: tuple[tuple[str, int], ...]
    #: Calls without a class: still ringing or answered at the telephone and not yet decided.
    unclassified: int
    by_category: tuple[CategoryCount, ...]

    def count(self, call_class: CallClass) -> int:
        return dict(self.by_class)[call_class.value]

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_class": [{"call_class": name, "count": count} for name, count in self.by_class],
            "unclassified": self.unclassified,
            "by_category": [row.to_json() for row in self.by_category],
        }


@dataclass(frozen=True)
class UnitOnIncident:
    call_sign: str
    agency: str
    #: The unit's status at ``as_of`` (``UnitStatus`` value).
    status: str
    status_since: datetime
    dispatched_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "call_sign": self.call_sign,
            "agency": self.agency,
            "status": self.status,
            "status_since": iso(self.status_since),
            "dispatched_at": iso(self.dispatched_at),
        }


@dataclass(frozen=True)
class LastNote:
    at: datetime
    #: ``NoteKind`` value; a system note's text is a code the UI words.
    kind: str
    text: str
    author: str | None

    def to_json(self) -> dict[str, Any]:
        return {"at": iso(self.at), "kind": self.kind, "text": self.text, "author": self.author}


@dataclass(frozen=True)
class OpenIncident:
    """An incident open at ``as_of``: its units still assigned then, its age and its last note then."""

    incident_id: int
    number: str
    category: str | None
    priority: str
    #: ``IncidentStatus`` value at ``as_of`` (see ``_status_at``).
    status: str
    created_at: datetime
    age_s: int
    units: tuple[UnitOnIncident, ...]
    last_note: LastNote | None

    def to_json(self) -> dict[str, Any]:
        return {
            "incident_id": self.incident_id,
            "number": self.number,
            "category": self.category,
            "priority": self.priority,
            "status": self.status,
            "created_at": iso(self.created_at),
            "age_s": self.age_s,
            "units": [unit.to_json() for unit in self.units],
            "last_note": None if self.last_note is None else self.last_note.to_json(),
        }


@dataclass(frozen=True)
class OpenForwarding:
    """A forwarding to an agency open at ``as_of``: how far it had got then, and whether the agency's
    acknowledgement was overdue."""

    forwarding_id: int
    incident_number: str
    #: The agency's name when forwarded.
    agency_name: str
    #: ``ForwardState`` value at ``as_of``, from the milestones reached before it.
    state: str
    forwarded_at: datetime
    #: When the agency acknowledged it; None when it had not by ``as_of``.
    acknowledged_at: datetime | None
    ack_limit_s: int
    ack_due_at: datetime
    #: Not acknowledged by ``as_of``: the seconds past its limit then (0 while within it); None once
    #: acknowledged.
    overdue_s: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "forwarding_id": self.forwarding_id,
            "incident_number": self.incident_number,
            "agency_name": self.agency_name,
            "forwarding_state": self.state,
            "forwarded_at": iso(self.forwarded_at),
            "acknowledged_at": None if self.acknowledged_at is None else iso(self.acknowledged_at),
            "ack_limit_s": self.ack_limit_s,
            "ack_due_at": iso(self.ack_due_at),
            "overdue_s": self.overdue_s,
        }


@dataclass(frozen=True)
class UnitOutOfService:
    """A unit out of service at ``as_of`` and what the history says of why."""

    call_sign: str
    agency: str
    status: str
    since: datetime
    #: The status it left (None for a unit created out of service).
    from_status: str | None
    #: Who moved it (username; None for the console itself).
    by: str | None
    #: The supervisor's written reason when the move was an override, else None.
    override_reason: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "call_sign": self.call_sign,
            "agency": self.agency,
            "status": self.status,
            "since": iso(self.since),
            "from_status": self.from_status,
            "by": self.by,
            "override_reason": self.override_reason,
        }


@dataclass(frozen=True)
class OpenCallback:
    """A silent or abandoned call still waiting to be called back at ``as_of``."""

    callback_id: int
    call_id: int
    #: ``CallbackReason`` value.
    reason: str
    #: E.164, else the digits as received; "" for a withheld number (``presentation`` says which).
    number: str
    presentation: str
    ring_at: datetime
    opened_at: datetime
    attempts: int
    last_attempt_at: datetime | None
    last_attempt_outcome: str | None
    incident_number: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "callback_id": self.callback_id,
            "call_id": self.call_id,
            "reason": self.reason,
            "number": self.number,
            "presentation": self.presentation,
            "ring_at": iso(self.ring_at),
            "opened_at": iso(self.opened_at),
            "attempts": self.attempts,
            "last_attempt_at": None if self.last_attempt_at is None else iso(self.last_attempt_at),
            "last_attempt_outcome": self.last_attempt_outcome,
            "incident_number": self.incident_number,
        }


@dataclass(frozen=True)
class FlaggedNumber:
    """A watch-list entry or block request in force at ``as_of``."""

    flag_id: int
    number: str
    #: ``NumberFlagKind`` value: watch or block_requested.
    kind: str
    reason: str
    at: datetime
    by: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "flag_id": self.flag_id,
            "number": self.number,
            "kind": self.kind,
            "reason": self.reason,
            "at": iso(self.at),
            "by": self.by,
        }


@dataclass(frozen=True)
class Outage:
    """A feed down during the period."""

    outage_id: int
    feed: str
    started_at: datetime
    #: None: still down at ``as_of``.
    ended_at: datetime | None
    #: From its start to its end, or to ``as_of`` while it lasted beyond.
    duration_s: int
    #: The part of it inside [opened_at, as_of).
    in_period_s: int
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "outage_id": self.outage_id,
            "feed": self.feed,
            "started_at": iso(self.started_at),
            "ended_at": None if self.ended_at is None else iso(self.ended_at),
            "duration_s": self.duration_s,
            "in_period_s": self.in_period_s,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class UnacknowledgedAlert:
    """An alert raised before ``as_of`` (within ``ALERT_LOOKBACK``) and not acknowledged by then."""

    alert_id: int
    #: ``TimerKind`` or feed alarm kind.
    kind: str
    entity: str
    entity_id: str | None
    label: str
    incident_number: str
    raised_at: datetime
    #: When the waiting began (timers), else None.
    since: datetime | None
    limit_s: int | None
    #: The condition had ended by ``as_of`` (the alert still waited for someone to see it).
    cleared: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id,
            "kind": self.kind,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "label": self.label,
            "incident_number": self.incident_number,
            "raised_at": iso(self.raised_at),
            "since": None if self.since is None else iso(self.since),
            "limit_s": self.limit_s,
            "cleared": self.cleared,
        }


@dataclass(frozen=True)
class HandoverData:
    """Everything the handover report holds (module docstring); ``to_json`` is its stored form."""

    period: HandoverPeriod
    staff: tuple[StaffRow, ...]
    calls: CallCounts
    open_incidents: tuple[OpenIncident, ...]
    units_out_of_service: tuple[UnitOutOfService, ...]
    callbacks: tuple[OpenCallback, ...]
    number_flags: tuple[FlaggedNumber, ...]
    feed_outages: tuple[Outage, ...]
    alerts: tuple[UnacknowledgedAlert, ...]
    planned_events: str
    pass_down: str
    #: ``dispatch.domain.figures.Figures.to_json()`` of the period.
    figures: Mapping[str, Any]
    #: Forwardings to agencies open at ``as_of``, oldest first.
    open_forwardings: tuple[OpenForwarding, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values only, each list in a fixed order: ``canonical_json`` of it is stable."""
        plain: dict[str, Any] = canonical(
            {
                "format": FORMAT,
                "period": self.period.to_json(),
                "staff": [row.to_json() for row in self.staff],
                "calls": self.calls.to_json(),
                "open_incidents": [row.to_json() for row in self.open_incidents],
                "open_forwardings": [row.to_json() for row in self.open_forwardings],
                "units_out_of_service": [row.to_json() for row in self.units_out_of_service],
                "callbacks": [row.to_json() for row in self.callbacks],
                "number_flags": [row.to_json() for row in self.number_flags],
                "feed_outages": [row.to_json() for row in self.feed_outages],
                "alerts": [row.to_json() for row in self.alerts],
                "planned_events": self.planned_events,
                "pass_down": self.pass_down,
                "figures": self.figures,
            }
        )
        return plain


# --- assembly --------------------------------------------------------------------------------------


def assemble_handover(
    ctx: ServiceContext, shift_id: int, settings: FigureSettings | None = None
) -> HandoverData:
    """The handover report of duty shift ``shift_id`` from the database (``NO_SUCH_SHIFT``).

    The draft while the shift is open or unsigned; ``dispatch.services.handover.sign_off`` freezes it.
    """
    with reading(ctx) as session:
        return assemble_in(session, ctx, shift_id, settings)


def assemble_in(
    session: Session, ctx: ServiceContext, shift_id: int, settings: FigureSettings | None = None
) -> HandoverData:
    """``assemble_handover`` in the caller's session (signing assembles in its own transaction)."""
    shift = session.get(DutyShift, shift_id)
    if shift is None:
        raise ServiceError(Refusal.NO_SUCH_SHIFT, shift_id=shift_id)
    period_end = shift.closed_at if shift.closed_at is not None else shift.planned_end  # as HandoverPeriod's
    as_of = period_end if shift.closed_at is not None else min(period_end, ctx.clock.now())
    as_of = max(as_of, shift.opened_at)
    start = shift.opened_at
    names = _Usernames(session)
    period = HandoverPeriod(
        shift_id=shift.id,
        code=shift.code,
        day=shift.day,
        planned_start=shift.planned_start,
        planned_end=shift.planned_end,
        opened_at=start,
        opened_by=names.get(shift.opened_by),
        closed_at=shift.closed_at,
        closed_by=names.get(shift.closed_by),
        as_of=as_of,
    )
    states = _UnitStates(session, as_of)
    data = HandoverData(
        period=period,
        staff=_staff(ctx, shift_id, as_of),
        calls=_call_counts(session, start, period_end),
        open_incidents=_open_incidents(session, as_of, states, names),
        units_out_of_service=_out_of_service(states, names),
        callbacks=_callbacks(session, as_of),
        number_flags=_number_flags(session, as_of, names),
        feed_outages=_outages(session, start, as_of),
        alerts=_alerts(session, as_of),
        planned_events=shift.planned_events,
        pass_down=shift.pass_down,
        figures=canonical(period_figures(ctx, start, period_end, settings).to_json()),
        open_forwardings=_open_forwardings(session, as_of),
    )
    return data


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for begin in range(0, len(ids), _BATCH):
        yield ids[begin : begin + _BATCH]


class _Usernames:
    """User id -> username, each user read once."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[int, str] = {}

    def get(self, user_id: int | None) -> str | None:
        if user_id is None:
            return None
        if user_id not in self._known:
            self.load([user_id])
        return self._known.get(user_id)

    def load(self, ids: Iterable[int | None]) -> None:
        wanted = sorted({i for i in ids if i is not None and i not in self._known})
        for chunk in _chunks(wanted):
            self._known.update(
                self._session.execute(select(User.id, User.username).where(User.id.in_(chunk))).all()
            )


def _staff(ctx: ServiceContext, shift_id: int, as_of: datetime) -> tuple[StaffRow, ...]:
    """Who worked the shift (``shifts.staff_of``), by log-in time; still at a console at ``as_of``
    if they logged out only afterwards."""
    return tuple(
        StaffRow(
            user_id=row.user_id,
            username=row.user_name,
            full_name=row.full_name,
            role=row.role,
            console=row.console_name,
            position=row.position,
            started_at=row.started_at,
            ended_at=row.ended_at if row.ended_at is not None and row.ended_at < as_of else None,
        )
        for row in staff_of(ctx, shift_id)
    )


def _call_counts(session: Session, start: datetime, end: datetime) -> CallCounts:
    in_period = (Call.ring_at >= start, Call.ring_at < end)
    classes: Counter[str | None] = Counter()
    categories: Counter[str | None] = Counter()
    incidents_of: dict[str | None, set[int]] = {}
    rows = session.execute(
        select(Call.classification, Call.incident_id, Incident.category)
        .outerjoin(Incident, Incident.id == Call.incident_id)
        .where(*in_period)
    ).all()
    for classification, incident_id, category in rows:
        classes[classification] += 1
        counted = (CallClass.EMERGENCY.value, CallClass.DUPLICATE.value)
        if incident_id is not None and classification in counted:
            categories[category] += 1
            incidents_of.setdefault(category, set()).add(incident_id)
    by_category = sorted(
        (
            CategoryCount(category, count, len(incidents_of[category]))
            for category, count in categories.items()
        ),
        key=lambda row: (-row.calls, row.category is not None, row.category or ""),
    )
    return CallCounts(
        total=len(rows),
        by_class=tuple((member.value, classes[member.value]) for member in CallClass),
        unclassified=classes[None],
        by_category=tuple(by_category),
    )


@dataclass(frozen=True)
class _UnitState:
    unit_id: int
    call_sign: str
    agency: str
    active: bool
    status: str
    since: datetime
    #: The history row that put the unit in ``status`` (when read), for why.
    change: UnitStatusChange | None


class _UnitStates:
    """Units' statuses at ``as_of``: the row's own when it has not changed since, else the history's."""

    def __init__(self, session: Session, as_of: datetime) -> None:
        self._session = session
        self._as_of = as_of

    def of(
        self, unit_ids: Iterable[int] | None, *, with_change_for: frozenset[UnitStatus] = frozenset()
    ) -> dict[int, _UnitState]:
        """The states of these units (all units for None); the history row read for a unit that
        changed since ``as_of`` and for one whose status is in ``with_change_for``."""
        query = select(Unit.id, Unit.call_sign, Unit.agency_type, Unit.active, Unit.status, Unit.status_since)
        wanted = None if unit_ids is None else sorted(set(unit_ids))
        units = []
        if wanted is None:
            units = list(self._session.execute(query))
        else:
            for chunk in _chunks(wanted):
                units.extend(self._session.execute(query.where(Unit.id.in_(chunk))))
        reasons = {status.value for status in with_change_for}
        history_for = [
            unit_id
            for unit_id, _sign, _agency, _active, status, since in units
            if since >= self._as_of or status in reasons
        ]
        changes = self._last_changes(history_for)
        states = {}
        for unit_id, call_sign, agency, active, status, since in units:
            change = changes.get(unit_id)
            if change is not None:
                states[unit_id] = _UnitState(
                    unit_id, call_sign, agency, active, change.to_status, change.at, change
                )
            elif since < self._as_of:
                states[unit_id] = _UnitState(unit_id, call_sign, agency, active, status, since, None)
            # else: the unit did not exist yet at as_of.
        return states

    def _last_changes(self, unit_ids: Sequence[int]) -> dict[int, UnitStatusChange]:
        """The last history row before ``as_of`` of each unit (one index seek per unit)."""
        found: dict[int, UnitStatusChange] = {}
        for chunk in _chunks(unit_ids):
            last = (
                select(UnitStatusChange.id)
                .where(UnitStatusChange.unit_id == Unit.id, UnitStatusChange.at < self._as_of)
                .order_by(UnitStatusChange.at.desc(), UnitStatusChange.id.desc())
                .limit(1)
                .correlate(Unit)
                .scalar_subquery()
            )
            rows = self._session.execute(
                select(Unit.id, UnitStatusChange)
                .join(UnitStatusChange, UnitStatusChange.id == last)
                .where(Unit.id.in_(chunk))
            ).all()
            found.update((unit_id, change) for unit_id, change in rows)
        return found


def _status_at(current: str, active_at_end: Sequence[UnitStatus]) -> str:
    """The incident's status at ``as_of``, from its current status and its units then.

    Units assigned at ``as_of`` decide as ``derive_incident_status`` does. Without them, a new,
    awaiting or reopened incident is as it is now; one dispatched or closed since was awaiting its
    units at ``as_of``.
    """
    status = IncidentStatus(current)
    if active_at_end:
        return derive_incident_status(
            IncidentStatus.AWAITING_DISPATCH, active_at_end, ever_dispatched=True
        ).value
    if status in (IncidentStatus.NEW, IncidentStatus.AWAITING_DISPATCH, IncidentStatus.REOPENED):
        return status.value
    return IncidentStatus.AWAITING_DISPATCH.value


def _open_incidents(
    session: Session, as_of: datetime, states: _UnitStates, names: _Usernames
) -> tuple[OpenIncident, ...]:
    """Incidents opened before ``as_of`` and not closed or cancelled by then, oldest first.

    One closed before ``as_of`` and reopened since keeps no trace of that close in its row (the
    audit log has it): it is listed as open.
    """
    columns = (
        Incident.id,
        Incident.number,
        Incident.category,
        Incident.priority,
        Incident.status,
        Incident.created_at,
    )
    still_open = session.execute(
        select(*columns).where(Incident.status.in_(_OPEN_STATUS_VALUES), Incident.created_at < as_of)
    ).all()
    # Closed or cancelled since (the ``incidents.closed_at`` index): open at ``as_of``.
    closed_since = session.execute(
        select(*columns).where(Incident.closed_at >= as_of, Incident.created_at < as_of)
    ).all()
    incidents = sorted(
        {row[0]: row for row in [*still_open, *closed_since]}.values(), key=lambda r: (r[5], r[0])
    )
    ids = [row[0] for row in incidents]

    assigned: dict[int, list[tuple[int, datetime]]] = {}
    last_notes: dict[int, tuple[datetime, int]] = {}
    for chunk in _chunks(ids):
        for incident_id, unit_id, dispatched_at, _assignment_id in session.execute(
            select(Assignment.incident_id, Assignment.unit_id, Assignment.dispatched_at, Assignment.id)
            .where(
                Assignment.incident_id.in_(chunk),
                Assignment.dispatched_at < as_of,
                or_(Assignment.cleared_at.is_(None), Assignment.cleared_at >= as_of),
                or_(Assignment.cancelled_at.is_(None), Assignment.cancelled_at >= as_of),
            )
            .order_by(Assignment.dispatched_at, Assignment.id)
        ):
            assigned.setdefault(incident_id, []).append((unit_id, dispatched_at))
        for incident_id, at, note_id in session.execute(
            select(IncidentNote.incident_id, IncidentNote.at, IncidentNote.id).where(
                IncidentNote.incident_id.in_(chunk), IncidentNote.at < as_of
            )
        ):
            if incident_id not in last_notes or (at, note_id) > last_notes[incident_id]:
                last_notes[incident_id] = (at, note_id)

    note_rows: dict[int, IncidentNote] = {}
    for chunk in _chunks(sorted(note_id for _at, note_id in last_notes.values())):
        note_rows.update(
            (n.id, n) for n in session.scalars(select(IncidentNote).where(IncidentNote.id.in_(chunk)))
        )
    names.load(n.author_id for n in note_rows.values())
    unit_states = states.of(unit_id for pairs in assigned.values() for unit_id, _at in pairs)

    result = []
    for incident_id, number, category, priority, status, created_at in incidents:
        units = []
        for unit_id, dispatched_at in assigned.get(incident_id, []):
            state = unit_states.get(unit_id)
            if state is None:
                continue
            units.append(
                UnitOnIncident(state.call_sign, state.agency, state.status, state.since, dispatched_at)
            )
        note = note_rows.get(last_notes[incident_id][1]) if incident_id in last_notes else None
        result.append(
            OpenIncident(
                incident_id=incident_id,
                number=number,
                category=category,
                priority=priority,
                status=_status_at(status, [UnitStatus(u.status) for u in units]),
                created_at=created_at,
                age_s=_seconds(created_at, as_of),
                units=tuple(units),
                last_note=None
                if note is None
                else LastNote(note.at, note.kind, note.text, names.get(note.author_id)),
            )
        )
    return tuple(result)


def forwarding_state_at(
    as_of: datetime,
    acknowledged_at: datetime | None,
    dispatched_at: datetime | None,
    arrived_at: datetime | None,
) -> str:
    """How far an open forwarding had got at ``as_of``: its latest milestone reached before then."""
    for state, reached in (
        (ForwardState.ARRIVED, arrived_at),
        (ForwardState.DISPATCHED, dispatched_at),
        (ForwardState.ACKNOWLEDGED, acknowledged_at),
    ):
        if reached is not None and reached < as_of:
            return state.value
    return ForwardState.SENT.value


def _open_forwardings(session: Session, as_of: datetime) -> tuple[OpenForwarding, ...]:
    """Forwardings made before ``as_of`` and not handled or cancelled by then, oldest first.

    Read as the open incidents are: those still open (the ``closed_at, ack_due_at`` index) and those
    closed since ``as_of``.
    """
    columns = (
        Forwarding.id,
        Incident.number,
        Forwarding.agency_name,
        Forwarding.forwarded_at,
        Forwarding.acknowledged_at,
        Forwarding.dispatched_at,
        Forwarding.arrived_at,
        Forwarding.ack_limit_s,
        Forwarding.ack_due_at,
    )
    found = {}
    for still_open in (Forwarding.closed_at.is_(None), Forwarding.closed_at >= as_of):
        for row in session.execute(
            select(*columns)
            .join(Incident, Incident.id == Forwarding.incident_id)
            .where(still_open, Forwarding.forwarded_at < as_of)
        ):
            found[row[0]] = row
    result = []
    for (
        forwarding_id,
        number,
        agency_name,
        forwarded_at,
        acknowledged_at,
        dispatched_at,
        arrived_at,
        limit_s,
        due_at,
    ) in sorted(found.values(), key=lambda r: (r[3], r[0])):
        acknowledged = acknowledged_at if acknowledged_at is not None and acknowledged_at < as_of else None
        result.append(
            OpenForwarding(
                forwarding_id=forwarding_id,
                incident_number=number,
                agency_name=agency_name,
                state=forwarding_state_at(as_of, acknowledged_at, dispatched_at, arrived_at),
                forwarded_at=forwarded_at,
                acknowledged_at=acknowledged,
                ack_limit_s=limit_s,
                ack_due_at=due_at,
                overdue_s=None if acknowledged is not None else _seconds(due_at, as_of),
            )
        )
    return tuple(result)


def _out_of_service(states: _UnitStates, names: _Usernames) -> tuple[UnitOutOfService, ...]:
    """Units on the roster out of service at ``as_of``, by call sign, with the change that put them there."""
    found = [
        state
        for state in states.of(None, with_change_for=OUT_OF_SERVICE).values()
        if state.active and UnitStatus(state.status) in OUT_OF_SERVICE
    ]
    names.load(state.change.user_id for state in found if state.change is not None)
    return tuple(
        UnitOutOfService(
            call_sign=state.call_sign,
            agency=state.agency,
            status=state.status,
            since=state.since,
            from_status=None if state.change is None else state.change.from_status,
            by=None if state.change is None else names.get(state.change.user_id),
            override_reason=None if state.change is None else state.change.override_reason,
        )
        for state in sorted(found, key=lambda s: s.call_sign)
    )


def _callbacks(session: Session, as_of: datetime) -> tuple[OpenCallback, ...]:
    """Callbacks opened before ``as_of`` and not closed by then, oldest first."""
    rows = session.execute(
        select(
            Callback.id,
            Callback.call_id,
            Callback.reason,
            Callback.opened_at,
            Call.number_e164,
            Call.number_raw,
            Call.presentation,
            Call.ring_at,
            Incident.number,
        )
        .join(Call, Call.id == Callback.call_id)
        .outerjoin(Incident, Incident.id == Call.incident_id)
        .where(
            or_(Callback.closed_at.is_(None), Callback.closed_at >= as_of),
            Callback.opened_at < as_of,
        )
        .order_by(Callback.opened_at, Callback.id)
    ).all()
    ids = [row[0] for row in rows]
    attempts: dict[int, list[tuple[datetime, int, str]]] = {}
    for chunk in _chunks(ids):
        for callback_id, at, attempt_id, outcome in session.execute(
            select(
                CallbackAttempt.callback_id, CallbackAttempt.at, CallbackAttempt.id, CallbackAttempt.outcome
            )
            .where(CallbackAttempt.callback_id.in_(chunk), CallbackAttempt.at < as_of)
            .order_by(CallbackAttempt.at, CallbackAttempt.id)
        ):
            attempts.setdefault(callback_id, []).append((at, attempt_id, outcome))
    result = []
    for callback_id, call_id, reason, opened_at, e164, raw, presentation, ring_at, incident in rows:
        made = attempts.get(callback_id, [])
        last = made[-1] if made else None
        result.append(
            OpenCallback(
                callback_id=callback_id,
                call_id=call_id,
                reason=reason,
                number=(e164 or raw) if presentation == "allowed" else "",
                presentation=presentation,
                ring_at=ring_at,
                opened_at=opened_at,
                attempts=len(made),
                last_attempt_at=None if last is None else last[0],
                last_attempt_outcome=None if last is None else last[2],
                incident_number=incident,
            )
        )
    return tuple(result)


def _number_flags(session: Session, as_of: datetime, names: _Usernames) -> tuple[FlaggedNumber, ...]:
    """Flags set before ``as_of`` and not lifted by then, by number, then date."""
    rows = session.scalars(
        select(NumberFlag)
        .where(
            NumberFlag.at < as_of,
            or_(NumberFlag.lifted_at.is_(None), NumberFlag.lifted_at >= as_of),
        )
        .order_by(NumberFlag.number, NumberFlag.at, NumberFlag.id)
    ).all()
    names.load(row.user_id for row in rows)
    return tuple(
        FlaggedNumber(row.id, row.number, row.kind, row.reason, row.at, names.get(row.user_id))
        for row in rows
    )


def _outages(session: Session, start: datetime, as_of: datetime) -> tuple[Outage, ...]:
    """Outages overlapping [start, as_of), by start."""
    rows = session.scalars(
        select(FeedOutage)
        .where(
            FeedOutage.started_at < as_of,
            or_(FeedOutage.ended_at.is_(None), FeedOutage.ended_at > start),
        )
        .order_by(FeedOutage.started_at, FeedOutage.id)
    ).all()
    result = []
    for row in rows:
        ended = row.ended_at if row.ended_at is not None and row.ended_at <= as_of else None
        end = ended or as_of
        result.append(
            Outage(
                outage_id=row.id,
                feed=row.feed,
                started_at=row.started_at,
                ended_at=ended,
                duration_s=_seconds(row.started_at, end),
                in_period_s=_seconds(max(row.started_at, start), end),
                reason=row.reason,
            )
        )
    return tuple(result)


def _alerts(session: Session, as_of: datetime) -> tuple[UnacknowledgedAlert, ...]:
    """Alerts raised before ``as_of`` (within the alert list's look-back) not acknowledged by then."""
    rows = session.scalars(
        select(Alert)
        .where(
            Alert.raised_at < as_of,
            Alert.raised_at >= as_of - ALERT_LOOKBACK,
            or_(Alert.acknowledged_at.is_(None), Alert.acknowledged_at >= as_of),
        )
        .order_by(Alert.raised_at, Alert.id)
    ).all()
    result = []
    for row in rows:
        view = AlertView.of(row)
        result.append(
            UnacknowledgedAlert(
                alert_id=row.id,
                kind=row.kind,
                entity=row.entity,
                entity_id=row.entity_id,
                label=view.label,
                incident_number=view.incident_number,
                raised_at=row.raised_at,
                since=view.since if view.since is not None and view.since.tzinfo is not None else None,
                limit_s=view.limit_s,
                cleared=row.cleared_at is not None and row.cleared_at < as_of,
            )
        )
    return tuple(result)
