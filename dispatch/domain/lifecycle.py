"""Unit status lifecycle (after the EIDO registry and common CAD practice) and incident status.

Available -> Dispatched -> Acknowledged -> En route -> On scene -> (Patient contact) -> Transporting
-> At hospital -> Cleared -> Available, with the side states Out of service, Off duty, Staging,
Delayed and Cancelled. The incident's status is derived from its units, never typed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dispatch.domain.enums import IncidentStatus, UnitStatus
from dispatch.domain.permissions import Action, can, roles_that_can

S = UnitStatus

#: Statuses in which a unit is committed to an incident.
COMMITTED = frozenset(
    {
        S.DISPATCHED,
        S.ACKNOWLEDGED,
        S.EN_ROUTE,
        S.ON_SCENE,
        S.PATIENT_CONTACT,
        S.TRANSPORTING,
        S.AT_HOSPITAL,
        S.STAGING,
        S.DELAYED,
    }
)

#: Statuses in which a unit may be sent to a new incident.
DISPATCHABLE = frozenset({S.AVAILABLE, S.CLEARED})

_ALLOWED: dict[UnitStatus, frozenset[UnitStatus]] = {
    S.AVAILABLE: frozenset({S.DISPATCHED, S.OUT_OF_SERVICE, S.OFF_DUTY}),
    S.DISPATCHED: frozenset({S.ACKNOWLEDGED, S.EN_ROUTE, S.DELAYED, S.CANCELLED}),
    S.ACKNOWLEDGED: frozenset({S.EN_ROUTE, S.DELAYED, S.CANCELLED}),
    S.EN_ROUTE: frozenset({S.ON_SCENE, S.STAGING, S.DELAYED, S.CANCELLED}),
    S.STAGING: frozenset({S.ON_SCENE, S.CANCELLED}),
    S.DELAYED: frozenset({S.EN_ROUTE, S.ON_SCENE, S.CANCELLED}),
    S.ON_SCENE: frozenset({S.PATIENT_CONTACT, S.TRANSPORTING, S.CLEARED}),
    S.PATIENT_CONTACT: frozenset({S.TRANSPORTING, S.CLEARED}),
    S.TRANSPORTING: frozenset({S.AT_HOSPITAL, S.CLEARED}),
    S.AT_HOSPITAL: frozenset({S.CLEARED}),
    S.CLEARED: frozenset({S.AVAILABLE, S.DISPATCHED, S.OUT_OF_SERVICE, S.OFF_DUTY}),
    S.CANCELLED: frozenset({S.AVAILABLE, S.DISPATCHED, S.OUT_OF_SERVICE}),
    S.OUT_OF_SERVICE: frozenset({S.AVAILABLE, S.OFF_DUTY}),
    S.OFF_DUTY: frozenset({S.AVAILABLE, S.OUT_OF_SERVICE}),
}

#: The usual next step, for the one-key "advance" action.
_NEXT: dict[UnitStatus, UnitStatus] = {
    S.DISPATCHED: S.ACKNOWLEDGED,
    S.ACKNOWLEDGED: S.EN_ROUTE,
    S.EN_ROUTE: S.ON_SCENE,
    S.STAGING: S.ON_SCENE,
    S.DELAYED: S.EN_ROUTE,
    S.ON_SCENE: S.CLEARED,
    S.PATIENT_CONTACT: S.TRANSPORTING,
    S.TRANSPORTING: S.AT_HOSPITAL,
    S.AT_HOSPITAL: S.CLEARED,
    S.CLEARED: S.AVAILABLE,
    S.CANCELLED: S.AVAILABLE,
}

#: The assignment column that records the moment a unit reached a status (written once).
MILESTONE_COLUMN: dict[UnitStatus, str] = {
    S.ACKNOWLEDGED: "acknowledged_at",
    S.EN_ROUTE: "en_route_at",
    S.ON_SCENE: "on_scene_at",
    S.PATIENT_CONTACT: "patient_contact_at",
    S.TRANSPORTING: "transporting_at",
    S.AT_HOSPITAL: "at_hospital_at",
    S.CLEARED: "cleared_at",
    S.CANCELLED: "cancelled_at",
}


@dataclass(frozen=True)
class TransitionRefused(Exception):
    current: UnitStatus
    requested: UnitStatus

    def __str__(self) -> str:
        return f"{self.current.value} -> {self.requested.value} is not allowed"


def allowed_next(current: UnitStatus) -> frozenset[UnitStatus]:
    return _ALLOWED.get(current, frozenset())


def can_transition(current: UnitStatus, requested: UnitStatus) -> bool:
    return requested in allowed_next(current)


def check_transition(current: UnitStatus, requested: UnitStatus) -> None:
    if not can_transition(current, requested):
        raise TransitionRefused(current, requested)


#: Roles that may move a unit outside the allowed transitions (a radio report missed, a wrong key).
OVERRIDE_ROLES = frozenset(role.value for role in roles_that_can(Action.OVERRIDE_UNIT_STATUS))
#: Longest override reason kept; the history row and the audit row both carry it.
MAX_OVERRIDE_REASON = 500


def may_override(role: str) -> bool:
    return can(role, Action.OVERRIDE_UNIT_STATUS)


def override_reason(text: str | None) -> str | None:
    """The reason as recorded (trimmed, bounded), or None when nothing was written."""
    if text is None:
        return None
    cleaned = " ".join(text.split())
    return cleaned[:MAX_OVERRIDE_REASON] or None


def override_targets(current: UnitStatus) -> list[UnitStatus]:
    """Statuses a supervisor may force: any but the current one and Dispatched (which needs an incident)."""
    return [s for s in UnitStatus if s not in (current, S.DISPATCHED)]


def usual_next(current: UnitStatus) -> UnitStatus | None:
    return _NEXT.get(current)


def ends_assignment(status: UnitStatus) -> bool:
    """After these a unit is no longer working the incident it was sent to."""
    return status in (S.CLEARED, S.CANCELLED, S.AVAILABLE, S.OUT_OF_SERVICE, S.OFF_DUTY)


_ON_SCENE_OR_LATER = frozenset({S.ON_SCENE, S.PATIENT_CONTACT, S.TRANSPORTING, S.AT_HOSPITAL})


def derive_incident_status(
    current: IncidentStatus, active_unit_statuses: Iterable[UnitStatus], *, ever_dispatched: bool
) -> IncidentStatus:
    """The open incident's status from the statuses of the units still working it.

    Closed and cancelled incidents keep their status; they change only by closing or reopening.
    """
    if current in (IncidentStatus.CLOSED, IncidentStatus.CANCELLED):
        return current
    statuses = set(active_unit_statuses)
    if statuses & _ON_SCENE_OR_LATER:
        return IncidentStatus.ON_SCENE
    if statuses & COMMITTED:
        return IncidentStatus.DISPATCHED
    if current is IncidentStatus.REOPENED and not ever_dispatched:
        return IncidentStatus.REOPENED
    return IncidentStatus.AWAITING_DISPATCH
