"""The vocabularies of the centre. The UI maps each member to words in the user's language."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CALL_TAKER = "call_taker"
    DISPATCHER = "dispatcher"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Presentation(StrEnum):
    ALLOWED = "allowed"
    PRIVATE = "private"
    UNAVAILABLE = "unavailable"


class CallState(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"


class CallClass(StrEnum):
    """DOMAIN.md's classes; every call ends with one."""

    EMERGENCY = "emergency"
    INFORMATION = "information"
    PRANK = "prank"
    SILENT = "silent"
    ABANDONED = "abandoned"
    DUPLICATE = "duplicate"
    WRONG_NUMBER = "wrong_number"


#: Classes a call-taker closes a call with, without an incident.
NON_EMERGENCY_CLASSES = (
    CallClass.INFORMATION,
    CallClass.PRANK,
    CallClass.SILENT,
    CallClass.WRONG_NUMBER,
)


class AgencyType(StrEnum):
    POLICE = "police"
    FIRE = "fire"
    MEDICAL = "medical"
    SAR = "sar"
    DISASTER = "disaster"
    UTILITY = "utility"
    TRANSPORT = "transport"
    SOCIAL = "social"


class Priority(StrEnum):
    """P1 is life-threatening now; P4 can wait."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class IncidentStatus(StrEnum):
    NEW = "new"
    AWAITING_DISPATCH = "awaiting_dispatch"
    DISPATCHED = "dispatched"
    ON_SCENE = "on_scene"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    REOPENED = "reopened"


OPEN_INCIDENT_STATUSES = (
    IncidentStatus.NEW,
    IncidentStatus.AWAITING_DISPATCH,
    IncidentStatus.DISPATCHED,
    IncidentStatus.ON_SCENE,
    IncidentStatus.REOPENED,
)


class Disposition(StrEnum):
    """How an incident ended, chosen when it is closed."""

    HANDLED = "handled"
    TRANSPORTED = "transported"
    REFERRED = "referred"
    NO_ACTION_NEEDED = "no_action_needed"
    GONE_ON_ARRIVAL = "gone_on_arrival"
    FALSE_ALARM = "false_alarm"
    DUPLICATE = "duplicate"
    # Set by the console when a call answered as an incident turns out not to be an emergency.
    NON_EMERGENCY = "non_emergency"


class UnitStatus(StrEnum):
    AVAILABLE = "available"
    DISPATCHED = "dispatched"
    ACKNOWLEDGED = "acknowledged"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    PATIENT_CONTACT = "patient_contact"
    TRANSPORTING = "transporting"
    AT_HOSPITAL = "at_hospital"
    CLEARED = "cleared"
    OUT_OF_SERVICE = "out_of_service"
    OFF_DUTY = "off_duty"
    STAGING = "staging"
    DELAYED = "delayed"
    CANCELLED = "cancelled"
