"""Timers that tell the room something is overdue, before a caller calls back to say so.

Pure: given a snapshot of what is ringing, open and moving, and the time now, which conditions are
due. Each condition has an episode start (``since``): the moment the waiting began. An alert is raised
once per (kind, entity, since); when the condition stops holding, the episode is over.

Default limits follow DOMAIN.md's standards: a call answered within 15 s (NENA), the first unit
dispatched within 60 s of the answer (NFPA 1225), a unit under way soon after dispatch (NFPA 1710
turnout is 60-80 s; two minutes without even an acknowledgement means the unit did not hear), and a
first unit on scene within 10 minutes (Semarang's target). A forwarding to an agency (issue 16) must be
acknowledged within that agency's own limit (the directory's, kept by each forwarding): it has no
configured threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from enum import StrEnum

from dispatch.domain.enums import UnitStatus


class TimerKind(StrEnum):
    CALL_RINGING = "timer_call_ringing"
    NOT_DISPATCHED = "timer_not_dispatched"
    NOT_ACKNOWLEDGED = "timer_not_acknowledged"
    EN_ROUTE = "timer_en_route"
    ON_SCENE_NO_UPDATE = "timer_on_scene_no_update"
    #: An agency told of an incident has not acknowledged within its limit (its label is the agency's
    #: name, with the incident's number).
    FORWARD_NOT_ACKNOWLEDGED = "timer_forward_not_acknowledged"


#: The entity an alert of each kind is about (the ``alerts.entity`` column).
ENTITY = {
    TimerKind.CALL_RINGING: "call",
    TimerKind.NOT_DISPATCHED: "incident",
    TimerKind.NOT_ACKNOWLEDGED: "unit",
    TimerKind.EN_ROUTE: "unit",
    TimerKind.ON_SCENE_NO_UPDATE: "unit",
    TimerKind.FORWARD_NOT_ACKNOWLEDGED: "forwarding",
}

#: Statuses in which a unit is at the scene (an update is expected every so often).
ON_SCENE_STATUSES = frozenset({UnitStatus.ON_SCENE, UnitStatus.PATIENT_CONTACT})

#: Bounds on a configured limit: shorter would alarm constantly, longer is no longer a timer.
MIN_LIMIT_S = 5
MAX_LIMIT_S = 24 * 3600


@dataclass(frozen=True)
class TimerThresholds:
    """Limits in whole seconds; exactly at the limit the alert is due."""

    call_ringing: int = 15
    not_dispatched: int = 60
    not_acknowledged: int = 120
    en_route: int = 600
    on_scene_no_update: int = 1800

    def limit(self, kind: TimerKind) -> int:
        """The configured limit of ``kind``; KeyError for a kind whose limit each subject carries
        (``OWN_LIMIT``)."""
        return int(getattr(self, FIELD_OF[kind]))

    def problems(self) -> dict[str, str]:
        """Field name -> "too_short" / "too_long" for limits outside the sensible range."""
        found = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value < MIN_LIMIT_S:
                found[item.name] = "too_short"
            elif value > MAX_LIMIT_S:
                found[item.name] = "too_long"
        return found


FIELD_OF = {
    TimerKind.CALL_RINGING: "call_ringing",
    TimerKind.NOT_DISPATCHED: "not_dispatched",
    TimerKind.NOT_ACKNOWLEDGED: "not_acknowledged",
    TimerKind.EN_ROUTE: "en_route",
    TimerKind.ON_SCENE_NO_UPDATE: "on_scene_no_update",
}
THRESHOLD_FIELDS = tuple(FIELD_OF.values())
#: Kinds whose limit is the subject's own, not a configured threshold (not in ``FIELD_OF``).
OWN_LIMIT = frozenset(kind for kind in TimerKind if kind not in FIELD_OF)


@dataclass(frozen=True)
class RingingCall:
    call_id: int
    ring_at: datetime
    number: str


@dataclass(frozen=True)
class OpenIncident:
    incident_id: int
    number: str
    #: The incident exists from the moment its call was answered.
    created_at: datetime
    ever_dispatched: bool


@dataclass(frozen=True)
class UnitOnCall:
    unit_id: int
    call_sign: str
    status: UnitStatus
    status_since: datetime
    incident_number: str = ""
    #: The latest note on the unit's incident, if any (a radio update written down).
    last_update: datetime | None = None


@dataclass(frozen=True)
class ForwardingWaiting:
    """A forwarding to an agency, open and not acknowledged, with the agency's limit."""

    forwarding_id: int
    agency_name: str
    incident_number: str
    forwarded_at: datetime
    #: Seconds the agency may take to acknowledge (its directory entry's when it was forwarded to).
    limit_s: int


@dataclass(frozen=True)
class TimerState:
    calls: tuple[RingingCall, ...] = ()
    incidents: tuple[OpenIncident, ...] = ()
    units: tuple[UnitOnCall, ...] = ()
    forwardings: tuple[ForwardingWaiting, ...] = ()


@dataclass(frozen=True)
class DueAlert:
    kind: TimerKind
    entity: str
    entity_id: int
    #: When the waiting began: the episode the alert belongs to.
    since: datetime
    limit_s: int
    #: What the operator recognises it by: a number, an incident number, a call sign.
    label: str
    incident_number: str = ""

    @property
    def key(self) -> tuple[str, str, datetime]:
        return self.kind.value, str(self.entity_id), self.since


def _episodes(state: TimerState) -> Iterator[tuple[TimerKind, int, datetime, str, str, int | None]]:
    """Every waiting condition in ``state`` as (kind, entity id, since, label, incident number, its own
    limit or None for the configured one)."""
    for call in state.calls:
        yield TimerKind.CALL_RINGING, call.call_id, call.ring_at, call.number, "", None
    for incident in state.incidents:
        if not incident.ever_dispatched:
            yield (
                TimerKind.NOT_DISPATCHED,
                incident.incident_id,
                incident.created_at,
                incident.number,
                "",
                None,
            )
    for unit in state.units:
        if unit.status is UnitStatus.DISPATCHED:
            kind = TimerKind.NOT_ACKNOWLEDGED
            since = unit.status_since
        elif unit.status is UnitStatus.EN_ROUTE:
            kind = TimerKind.EN_ROUTE
            since = unit.status_since
        elif unit.status in ON_SCENE_STATUSES:
            kind = TimerKind.ON_SCENE_NO_UPDATE
            since = max(unit.status_since, unit.last_update or unit.status_since)
        else:
            continue
        yield kind, unit.unit_id, since, unit.call_sign, unit.incident_number, None
    for waiting in state.forwardings:
        yield (
            TimerKind.FORWARD_NOT_ACKNOWLEDGED,
            waiting.forwarding_id,
            waiting.forwarded_at,
            waiting.agency_name,
            waiting.incident_number,
            waiting.limit_s,
        )


def due_alerts(state: TimerState, now: datetime, thresholds: TimerThresholds) -> list[DueAlert]:
    """The conditions that have lasted at least their limit at ``now``, longest waiting first."""
    due = []
    for kind, entity_id, since, label, incident_number, own_limit in _episodes(state):
        limit = thresholds.limit(kind) if own_limit is None else own_limit
        if now - since >= timedelta(seconds=limit):
            due.append(DueAlert(kind, ENTITY[kind], entity_id, since, limit, label, incident_number))
    due.sort(key=lambda alert: (alert.since, alert.kind.value, alert.entity_id))
    return due


def holding(alerts: Iterable[DueAlert]) -> set[tuple[str, str, datetime]]:
    return {alert.key for alert in alerts}


_DURATION = re.compile(r"^(?:(\d{1,4}):)?(\d{1,5})$")


def parse_duration(text: str) -> int:
    """Seconds from what a supervisor types: ``90`` (seconds) or ``1:30`` (minutes:seconds).

    Raises ValueError for anything else (a minutes:seconds form needs 0-59 seconds).
    """
    match = _DURATION.match(text.strip())
    if match is None:
        raise ValueError(f"not a duration: {text!r}")
    minutes, seconds = match.group(1), int(match.group(2))
    if minutes is None:
        return seconds
    if seconds >= 60 or len(match.group(2)) != 2:
        raise ValueError(f"seconds must be two digits under 60: {text!r}")
    return int(minutes) * 60 + seconds


def format_duration(seconds: int) -> str:
    """``m:ss``, the form ``parse_duration`` reads back."""
    minutes, rest = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{rest:02d}"
