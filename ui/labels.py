"""Words for the domain's enums, in the user's language (the domain itself returns only codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from dispatch.domain.callers import CallbackOutcome, CallbackReason, NumberFlagKind
from dispatch.domain.enums import (
    AgencyType,
    CallClass,
    CallState,
    Disposition,
    IncidentStatus,
    Presentation,
    Priority,
    Role,
    UnitStatus,
)

translate = QCoreApplication.translate


def unit_status(status: UnitStatus) -> str:
    return {
        UnitStatus.AVAILABLE: translate("Labels", "Available"),
        UnitStatus.DISPATCHED: translate("Labels", "Dispatched"),
        UnitStatus.ACKNOWLEDGED: translate("Labels", "Acknowledged"),
        UnitStatus.EN_ROUTE: translate("Labels", "En route"),
        UnitStatus.ON_SCENE: translate("Labels", "On scene"),
        UnitStatus.PATIENT_CONTACT: translate("Labels", "Patient contact"),
        UnitStatus.TRANSPORTING: translate("Labels", "Transporting"),
        UnitStatus.AT_HOSPITAL: translate("Labels", "At hospital"),
        UnitStatus.CLEARED: translate("Labels", "Cleared"),
        UnitStatus.OUT_OF_SERVICE: translate("Labels", "Out of service"),
        UnitStatus.OFF_DUTY: translate("Labels", "Off duty"),
        UnitStatus.STAGING: translate("Labels", "Staging"),
        UnitStatus.DELAYED: translate("Labels", "Delayed"),
        UnitStatus.CANCELLED: translate("Labels", "Cancelled"),
    }[status]


#: Background colours for unit statuses; always shown beside the status text, never alone.
UNIT_STATUS_COLOURS: dict[UnitStatus, str] = {
    UnitStatus.AVAILABLE: "#c8e6c9",
    UnitStatus.CLEARED: "#dcedc8",
    UnitStatus.DISPATCHED: "#fff59d",
    UnitStatus.ACKNOWLEDGED: "#ffe082",
    UnitStatus.EN_ROUTE: "#ffcc80",
    UnitStatus.ON_SCENE: "#ef9a9a",
    UnitStatus.PATIENT_CONTACT: "#f48fb1",
    UnitStatus.TRANSPORTING: "#ce93d8",
    UnitStatus.AT_HOSPITAL: "#b39ddb",
    UnitStatus.STAGING: "#ffe0b2",
    UnitStatus.DELAYED: "#ffab91",
    UnitStatus.CANCELLED: "#e0e0e0",
    UnitStatus.OUT_OF_SERVICE: "#bdbdbd",
    UnitStatus.OFF_DUTY: "#eeeeee",
}


def unit_status_colour(status: UnitStatus) -> QColor:
    return QColor(UNIT_STATUS_COLOURS[status])


def agency(agency_type: AgencyType) -> str:
    return {
        AgencyType.POLICE: translate("Labels", "Police"),
        AgencyType.FIRE: translate("Labels", "Fire and rescue"),
        AgencyType.MEDICAL: translate("Labels", "Medical"),
        AgencyType.SAR: translate("Labels", "Search and rescue"),
        AgencyType.DISASTER: translate("Labels", "Disaster management"),
        AgencyType.UTILITY: translate("Labels", "Utilities"),
        AgencyType.TRANSPORT: translate("Labels", "Transport"),
        AgencyType.SOCIAL: translate("Labels", "Social services"),
    }[agency_type]


def call_state(state: CallState) -> str:
    return {
        CallState.RINGING: translate("Labels", "Ringing"),
        CallState.ANSWERED: translate("Labels", "Answered"),
        CallState.ENDED: translate("Labels", "Ended"),
    }[state]


def call_class(value: CallClass) -> str:
    return {
        CallClass.EMERGENCY: translate("Labels", "Emergency"),
        CallClass.INFORMATION: translate("Labels", "Information"),
        CallClass.PRANK: translate("Labels", "Prank"),
        CallClass.SILENT: translate("Labels", "Silent"),
        CallClass.ABANDONED: translate("Labels", "Abandoned"),
        CallClass.DUPLICATE: translate("Labels", "Duplicate"),
        CallClass.WRONG_NUMBER: translate("Labels", "Wrong number / test"),
    }[value]


def presentation(value: Presentation) -> str:
    return {
        Presentation.ALLOWED: translate("Labels", "Number shown"),
        Presentation.PRIVATE: translate("Labels", "Withheld"),
        Presentation.UNAVAILABLE: translate("Labels", "Unavailable"),
    }[value]


def incident_status(status: IncidentStatus) -> str:
    return {
        IncidentStatus.NEW: translate("Labels", "New"),
        IncidentStatus.AWAITING_DISPATCH: translate("Labels", "Awaiting dispatch"),
        IncidentStatus.DISPATCHED: translate("Labels", "Dispatched"),
        IncidentStatus.ON_SCENE: translate("Labels", "On scene"),
        IncidentStatus.CLOSED: translate("Labels", "Closed"),
        IncidentStatus.CANCELLED: translate("Labels", "Cancelled"),
        IncidentStatus.REOPENED: translate("Labels", "Reopened"),
    }[status]


def priority(value: Priority) -> str:
    return {
        Priority.P1: translate("Labels", "P1 life-threatening"),
        Priority.P2: translate("Labels", "P2 urgent"),
        Priority.P3: translate("Labels", "P3 prompt"),
        Priority.P4: translate("Labels", "P4 routine"),
    }[value]


PRIORITY_COLOURS = {
    Priority.P1: "#d32f2f",
    Priority.P2: "#f57c00",
    Priority.P3: "#1976d2",
    Priority.P4: "#616161",
}


def disposition(value: Disposition) -> str:
    return {
        Disposition.HANDLED: translate("Labels", "Handled on scene"),
        Disposition.TRANSPORTED: translate("Labels", "Patient transported"),
        Disposition.REFERRED: translate("Labels", "Referred to another agency"),
        Disposition.NO_ACTION_NEEDED: translate("Labels", "No action needed"),
        Disposition.GONE_ON_ARRIVAL: translate("Labels", "Gone on arrival"),
        Disposition.FALSE_ALARM: translate("Labels", "False alarm"),
        Disposition.DUPLICATE: translate("Labels", "Duplicate of another incident"),
        Disposition.NON_EMERGENCY: translate("Labels", "Not an emergency"),
    }[value]


def role(value: Role) -> str:
    return {
        Role.CALL_TAKER: translate("Labels", "Call-taker"),
        Role.DISPATCHER: translate("Labels", "Dispatcher"),
        Role.SUPERVISOR: translate("Labels", "Supervisor"),
        Role.ADMIN: translate("Labels", "Administrator"),
    }[value]


def callback_reason(reason: CallbackReason) -> str:
    return {
        CallbackReason.SILENT: translate("Labels", "Silent"),
        CallbackReason.ABANDONED: translate("Labels", "Abandoned"),
    }[reason]


def callback_outcome(outcome: CallbackOutcome) -> str:
    return {
        CallbackOutcome.REACHED_NO_EMERGENCY: translate("Labels", "Reached, no emergency"),
        CallbackOutcome.REACHED_EMERGENCY: translate("Labels", "Reached, emergency"),
        CallbackOutcome.NO_ANSWER: translate("Labels", "No answer"),
        CallbackOutcome.BUSY: translate("Labels", "Busy"),
        CallbackOutcome.UNREACHABLE: translate("Labels", "Unreachable"),
        CallbackOutcome.CLOSED_BY_SUPERVISOR: translate("Labels", "Closed by supervisor"),
        CallbackOutcome.RECLASSIFIED: translate("Labels", "Closed: call reclassified"),
    }[outcome]


def flag_kind(kind: NumberFlagKind) -> str:
    return {
        NumberFlagKind.WATCH: translate("Labels", "Watch list"),
        NumberFlagKind.BLOCK_REQUESTED: translate("Labels", "Block requested from telco"),
    }[kind]


def service_error(code: str) -> str:
    """A refusal from the services, in words (unknown codes are shown as they are)."""
    messages = {
        "call_not_ringing": translate("Labels", "This call is no longer ringing."),
        "call_not_answered": translate("Labels", "Answer the call first."),
        "no_such_call": translate("Labels", "The call was not found."),
        "no_such_incident": translate("Labels", "The incident was not found."),
        "incident_closed": translate("Labels", "The incident is closed."),
        "incident_not_closed": translate("Labels", "The incident is not closed."),
        "no_units_chosen": translate("Labels", "Choose at least one unit (Space marks a unit)."),
        "unit_not_available": translate("Labels", "The unit is not available."),
        "transition_refused": translate(
            "Labels", "That status change is not allowed from the unit's status."
        ),
        "no_such_unit": translate("Labels", "The unit was not found."),
        "dispatch_through_assign": translate("Labels", "Dispatch units from the incident."),
        "not_allowed": translate("Labels", "Your role does not allow this."),
        "note_not_in_incident": translate("Labels", "A correction must name a note of the same incident."),
        "no_such_protocol": translate("Labels", "This category has no protocol card."),
        "no_such_protocol_answer": translate("Labels", "That is not an answer to this question."),
        "call_already_attached": translate("Labels", "The call is already attached to that incident."),
        "call_attached": translate(
            "Labels", "The call was attached to another incident; it cannot be closed as non-emergency."
        ),
        "protocol_not_for_category": translate(
            "Labels", "That protocol card is for another category than the incident's."
        ),
        "no_such_callback": translate("Labels", "The callback was not found."),
        "callback_closed": translate("Labels", "The callback is already closed."),
        "note_required": translate("Labels", "Write why the callback is closed."),
        "note_too_long": translate("Labels", "The note is too long (at most 2000 characters)."),
        "number_withheld": translate("Labels", "The number was withheld: it cannot be called back."),
        "not_an_attempt_outcome": translate("Labels", "That is not an outcome of a callback attempt."),
        "not_a_close_outcome": translate("Labels", "That is not an outcome for closing a callback."),
        "no_such_flag": translate("Labels", "The flag was not found."),
        "flag_lifted": translate("Labels", "The flag is already lifted."),
        "flag_refused": translate("Labels", "Check the number and the reason."),
        "supervisor_only": translate("Labels", "Only a supervisor or an administrator can do this."),
        "override_reason_required": translate("Labels", "Write why the status is overridden."),
        "status_unchanged": translate("Labels", "The unit already has that status."),
        "no_incident_for_status": translate(
            "Labels", "The unit has no incident to work on: dispatch it to the incident instead."
        ),
        "no_such_alert": translate("Labels", "The alert was not found."),
        "call_sign_taken": translate("Labels", "Another unit already has this call sign."),
        "unit_committed": translate(
            "Labels", "The unit is working an incident; it can be taken off the roster once it is free."
        ),
    }
    return messages.get(code, code)


def status_refusal(code: str, details: dict[str, object]) -> str:
    """A refused status change in words; an illegal transition names the allowed ones and the override."""
    if code != "transition_refused":
        return service_error(code)
    current, allowed = details.get("current"), details.get("allowed")
    statuses = allowed if isinstance(allowed, list | tuple) else []
    allowed_words = ", ".join(unit_status(UnitStatus(str(s))) for s in statuses)
    return (
        translate("Labels", "%1 is %2: it can go to %3. A supervisor can override (Ctrl+Shift+F7).")
        .replace("%1", str(details.get("call_sign", "")))
        .replace("%2", unit_status(UnitStatus(str(current))) if current else "")
        .replace("%3", allowed_words or translate("Labels", "no other status"))
    )
