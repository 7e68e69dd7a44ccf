"""Words for the domain's enums, in the user's language (the domain itself returns only codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from dispatch.domain.agencies import AgencyReach
from dispatch.domain.aml import AmlMethod
from dispatch.domain.callers import CallbackOutcome, CallbackReason, NumberFlagKind
from dispatch.domain.codes import AuditAction, LineSource, NoteKind, Refusal
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
from dispatch.domain.forwarding import ForwardChannel, ForwardState, OutboxState, ReportKind, ReportSource
from dispatch.domain.phone import format_national, parse_caller_number
from dispatch.domain.positions import AmlState, PositionSource
from dispatch.domain.review import ReviewAnswer, ReviewQuestion
from dispatch.domain.shifts import ShiftCode

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


def caller_number(value: Presentation, shown: str) -> str:
    """A caller's number inside a sentence: ``shown`` (its national form), or words in brackets when
    the network gave none: "Call from (withheld number) ringing", never "Call from P ringing"."""
    if value is Presentation.ALLOWED and shown.strip():
        return shown
    if value is Presentation.PRIVATE:
        return translate("Labels", "(withheld number)")
    return translate("Labels", "(number unavailable)")


def number_tooltip(value: Presentation, e164: str | None, raw: str) -> str:
    """A queue's number cell, whole: the E.164 form, the digits as received, or the words for none."""
    if value is Presentation.ALLOWED:
        return e164 or raw
    return caller_number(value, "")


def stored_number(text: str) -> str:
    """``caller_number`` of a number kept as text (an alert's label, a system note's argument): the
    E.164 form or the digits as received, or the feed's marker for none ("P", "O", "", "PRIVATE")."""
    number = parse_caller_number(text, describe=False)
    if number.presentation is not Presentation.ALLOWED:
        return caller_number(number.presentation, "")
    return format_national(text) if text.startswith("+") else text


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


#: Statuses in which an incident waits for the centre's first unit.
_WAITING_FOR_A_UNIT = frozenset({IncidentStatus.NEW, IncidentStatus.AWAITING_DISPATCH})


def incident_state(status: IncidentStatus, forwarded: bool) -> str:
    """The incident's status in words, where one handed to agencies (``forwarded``: a forwarding
    open) and waiting for no unit of the centre's is "Forwarded to agencies": its status follows the
    centre's own units, and "awaiting dispatch" would send a dispatcher after it."""
    if forwarded and status in _WAITING_FOR_A_UNIT:
        return translate("Labels", "Forwarded to agencies")
    return incident_status(status)


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


def shift_name(code: str) -> str:
    """A shift of the centre's pattern (dispatch/domain/shifts.py), as the duty roster names it."""
    return {
        ShiftCode.DAWN: translate("Labels", "Small hours"),
        ShiftCode.MORNING: translate("Labels", "Morning"),
        ShiftCode.DAY: translate("Labels", "Day"),
        ShiftCode.AFTERNOON: translate("Labels", "Afternoon"),
        ShiftCode.EVENING: translate("Labels", "Evening"),
        ShiftCode.NIGHT: translate("Labels", "Night"),
    }[ShiftCode(code)]


def review_question(code: ReviewQuestion) -> str:
    """A question of the quality-review form (dispatch/domain/review.py), as the reviewer reads it."""
    return {
        ReviewQuestion.GREETING: translate("Labels", "Greeting given, call-taker identified"),
        ReviewQuestion.LOCATION_VERIFIED: translate("Labels", "Location asked for and verified"),
        ReviewQuestion.CALLBACK_NUMBER_VERIFIED: translate("Labels", "Callback number confirmed"),
        ReviewQuestion.PROTOCOL_FOLLOWED: translate("Labels", "Protocol card's questions asked, in order"),
        ReviewQuestion.CLASSIFICATION_CORRECT: translate("Labels", "Call classed rightly"),
        ReviewQuestion.CATEGORY_PRIORITY_CORRECT: translate("Labels", "Category and priority fit the call"),
        ReviewQuestion.DISPATCH_TIMELY: translate("Labels", "Units dispatched without delay"),
        ReviewQuestion.NARRATIVE_COMPLETE: translate(
            "Labels", "Narrative complete: what, who, where, what was done"
        ),
        ReviewQuestion.COURTESY: translate("Labels", "Calm, courteous and clear with the caller"),
    }[code]


def review_answer(code: ReviewAnswer) -> str:
    return {
        ReviewAnswer.YES: translate("Labels", "Yes"),
        ReviewAnswer.PARTLY: translate("Labels", "Partly"),
        ReviewAnswer.NO: translate("Labels", "No"),
        ReviewAnswer.NOT_APPLICABLE: translate("Labels", "Not applicable"),
    }[code]


def flag_kind(kind: NumberFlagKind) -> str:
    return {
        NumberFlagKind.WATCH: translate("Labels", "Watch list"),
        NumberFlagKind.BLOCK_REQUESTED: translate("Labels", "Block requested from telco"),
    }[kind]


def position_source(source: PositionSource) -> str:
    """Where an incident's position came from, in words (never a colour or an icon alone)."""
    return {
        PositionSource.NONE: translate("Labels", "no position"),
        PositionSource.TYPED: translate("Labels", "typed"),
        PositionSource.AML: translate("Labels", "handset (AML)"),
        PositionSource.VILLAGE: translate("Labels", "centre of the kelurahan"),
        PositionSource.DISTRICT: translate("Labels", "centre of the kecamatan"),
    }[source]


def aml_method(method: AmlMethod | str) -> str:
    """How the handset found its position."""
    try:
        member = AmlMethod(method)
    except ValueError:
        return str(method)
    return {
        AmlMethod.GNSS: translate("Labels", "satellite (GNSS)"),
        AmlMethod.WIFI: translate("Labels", "Wi-Fi"),
        AmlMethod.CELL: translate("Labels", "mobile cell"),
        AmlMethod.NONE: translate("Labels", "no position"),
    }[member]


def aml_state(state: AmlState) -> str:
    return {
        AmlState.APPLIED: translate("Labels", "on the incident"),
        AmlState.KEPT: translate("Labels", "offered (the incident has a typed position)"),
        AmlState.WAITING: translate("Labels", "waiting for the call's incident"),
        AmlState.UNMATCHED: translate("Labels", "no call from this number"),
        AmlState.NO_FIX: translate("Labels", "no position sent"),
    }[state]


def service_error(code: Refusal | str) -> str:
    """A refusal from the services, in words (a code from a newer console is shown as it is)."""
    try:
        return _refusal_words()[Refusal(code)]
    except ValueError:
        return str(code)


def _refusal_words() -> dict[Refusal, str]:
    return {
        Refusal.CALL_NOT_RINGING: translate("Labels", "This call is no longer ringing."),
        Refusal.CALL_NOT_ANSWERED: translate("Labels", "Answer the call first."),
        Refusal.NO_SUCH_CALL: translate("Labels", "The call was not found."),
        Refusal.NOT_A_CLOSING_CLASS: translate(
            "Labels", "A call is closed as information, prank, silent or wrong number."
        ),
        Refusal.NO_SUCH_INCIDENT: translate("Labels", "The incident was not found."),
        Refusal.INCIDENT_CLOSED: translate("Labels", "The incident is closed."),
        Refusal.INCIDENT_NOT_CLOSED: translate("Labels", "The incident is not closed."),
        Refusal.NO_SUCH_AREA: translate("Labels", "That area is not in the list of areas."),
        Refusal.NO_UNITS_CHOSEN: translate("Labels", "Choose at least one unit (Space marks a unit)."),
        Refusal.UNIT_NOT_AVAILABLE: translate("Labels", "The unit is not available."),
        Refusal.TRANSITION_REFUSED: translate(
            "Labels", "That status change is not allowed from the unit's status."
        ),
        Refusal.NO_SUCH_UNIT: translate("Labels", "The unit was not found."),
        Refusal.DISPATCH_THROUGH_ASSIGN: translate("Labels", "Dispatch units from the incident."),
        Refusal.NOT_ALLOWED: translate("Labels", "Your role does not allow this."),
        Refusal.NOTE_NOT_IN_INCIDENT: translate(
            "Labels", "A correction must name a note of the same incident."
        ),
        Refusal.NO_SUCH_PROTOCOL: translate("Labels", "This category has no protocol card."),
        Refusal.NO_SUCH_PROTOCOL_ANSWER: translate("Labels", "That is not an answer to this question."),
        Refusal.CALL_ALREADY_ATTACHED: translate("Labels", "The call is already attached to that incident."),
        Refusal.CALL_ATTACHED: translate(
            "Labels", "The call was attached to another incident; it cannot be closed as non-emergency."
        ),
        Refusal.PROTOCOL_NOT_FOR_CATEGORY: translate(
            "Labels", "That protocol card is for another category than the incident's."
        ),
        Refusal.NO_SUCH_CALLBACK: translate("Labels", "The callback was not found."),
        Refusal.CALLBACK_CLOSED: translate("Labels", "The callback is already closed."),
        Refusal.NOTE_REQUIRED: translate("Labels", "Write why the callback is closed."),
        Refusal.NOTE_TOO_LONG: translate("Labels", "The note is too long (at most 2000 characters)."),
        Refusal.NUMBER_WITHHELD: translate("Labels", "The number was withheld: it cannot be called back."),
        Refusal.NOT_AN_ATTEMPT_OUTCOME: translate("Labels", "That is not an outcome of a callback attempt."),
        Refusal.NOT_A_CLOSE_OUTCOME: translate("Labels", "That is not an outcome for closing a callback."),
        Refusal.NO_SUCH_FLAG: translate("Labels", "The flag was not found."),
        Refusal.FLAG_LIFTED: translate("Labels", "The flag is already lifted."),
        Refusal.FLAG_REFUSED: translate("Labels", "Check the number and the reason."),
        Refusal.SUPERVISOR_ONLY: translate("Labels", "Only a supervisor or an administrator can do this."),
        Refusal.OVERRIDE_REASON_REQUIRED: translate("Labels", "Write why the status is overridden."),
        Refusal.STATUS_UNCHANGED: translate("Labels", "The unit already has that status."),
        Refusal.NO_INCIDENT_FOR_STATUS: translate(
            "Labels", "The unit has no incident to work on: dispatch it to the incident instead."
        ),
        Refusal.NO_SUCH_ALERT: translate("Labels", "The alert was not found."),
        Refusal.NO_SUCH_AML: translate("Labels", "The handset position was not found."),
        Refusal.AML_WITHOUT_POSITION: translate("Labels", "The handset sent no position."),
        Refusal.CALL_SIGN_TAKEN: translate("Labels", "Another unit already has this call sign."),
        Refusal.UNIT_COMMITTED: translate(
            "Labels", "The unit is working an incident; it can be taken off the roster once it is free."
        ),
        Refusal.ACCOUNTS_EXIST: translate("Labels", "Accounts exist already: a supervisor adds new ones."),
        Refusal.ADMINISTRATOR_ONLY: translate("Labels", "Only an administrator can do this."),
        Refusal.ACCOUNT_REFUSED: translate("Labels", "Check the fields marked beside them."),
        Refusal.NO_SUCH_USER: translate("Labels", "The user account was not found."),
        Refusal.LAST_ADMINISTRATOR: translate(
            "Labels", "This is the last active administrator: add another administrator first."
        ),
        Refusal.LAST_ACCOUNT_MANAGER: translate(
            "Labels", "No one would be left to manage accounts: add another supervisor first."
        ),
        Refusal.SHIFT_ALREADY_OPEN: translate(
            "Labels", "A shift is already open: close it before opening the next one."
        ),
        Refusal.NO_OPEN_SHIFT: translate("Labels", "No shift is open: a supervisor opens one first."),
        Refusal.NO_SUCH_SHIFT: translate("Labels", "That shift is not in the database."),
        Refusal.SHIFT_CLOSED: translate("Labels", "That shift is closed already."),
        Refusal.SHIFT_STILL_OPEN: translate(
            "Labels", "Close the shift first: the handover report covers the whole shift."
        ),
        Refusal.NO_SUCH_HANDOVER: translate("Labels", "That shift has no signed handover report yet."),
        Refusal.HANDOVER_SIGNED: translate(
            "Labels", "The handover report is signed and cannot change: add an addendum instead."
        ),
        Refusal.HANDOVER_NOT_SIGNED: translate(
            "Labels", "The outgoing lead has not signed the handover report yet."
        ),
        Refusal.HANDOVER_ACKNOWLEDGED: translate(
            "Labels", "The handover report has been acknowledged already."
        ),
        Refusal.SIGNER_CANNOT_ACKNOWLEDGE: translate(
            "Labels", "The incoming lead acknowledges: not the person who signed the report."
        ),
        Refusal.NO_SUCH_REVIEW: translate("Labels", "That call was not drawn for review."),
        Refusal.REVIEW_DONE: translate("Labels", "That call has been reviewed already."),
        Refusal.REVIEW_INCOMPLETE: translate(
            "Labels", "Answer every question of the review form (or mark it not applicable) first."
        ),
        Refusal.TRAINING_ONLY: translate(
            "Labels", "Training runs only on a training database; this console is on a live one."
        ),
        Refusal.NO_SUCH_TRAINING_SESSION: translate("Labels", "That training session does not exist."),
        Refusal.TRAINING_SESSION_ENDED: translate("Labels", "That training session has ended."),
        Refusal.NOT_A_TRAINING_CALL: translate("Labels", "That call is not part of a training session."),
        Refusal.CHANGED_ELSEWHERE: translate(
            "Labels", "Another console changed this at the same moment. Look again and repeat if needed."
        ),
        Refusal.FIELD_CHANGED_ELSEWHERE: translate(
            "Labels", "Another console changed this field since you opened it: choose which value to keep."
        ),
        Refusal.NO_SUCH_AGENCY: translate("Labels", "That agency is not in the directory."),
        Refusal.AGENCY_INACTIVE: translate("Labels", "That agency is marked inactive in the directory."),
        Refusal.AGENCY_CODE_TAKEN: translate("Labels", "Another agency in the directory has that code."),
        Refusal.AGENCY_INVALID: translate(
            "Labels", "The agency's entry is not valid: see the fields marked."
        ),
        Refusal.NO_SUCH_FORWARDING: translate("Labels", "That forwarding does not exist."),
        Refusal.FORWARDING_CLOSED: translate("Labels", "That forwarding is closed already."),
        Refusal.ALREADY_FORWARDED: translate(
            "Labels", "This incident is already forwarded to that agency and the forwarding is open."
        ),
        Refusal.FORWARDINGS_OPEN: translate(
            "Labels",
            "Forwardings to agencies are still open: record what they reported, or cancel them, first.",
        ),
        Refusal.REPORT_TIME_INVALID: translate(
            "Labels", "That time is before the incident was forwarded, or in the future."
        ),
        Refusal.REPORT_OUT_OF_ORDER: translate(
            "Labels",
            "That report does not fit what the agency reported before (for example, arrived after handled).",
        ),
        Refusal.NO_SMS_NUMBER: translate("Labels", "The directory has no SMS number for that agency."),
        Refusal.NO_DIAL_NUMBER: translate("Labels", "The directory has no telephone number for that agency."),
        Refusal.NO_EXTENSION: translate(
            "Labels",
            "This console has no telephone extension set (Settings), so the PBX cannot ring you first.",
        ),
        Refusal.NO_SUCH_OUTBOX_MESSAGE: translate("Labels", "That message is not in the outbox."),
        Refusal.NO_SUCH_CAMERA: translate("Labels", "That camera is not in the registry."),
        Refusal.CAMERA_CODE_TAKEN: translate("Labels", "Another camera in the registry has that id."),
        Refusal.CAMERA_INVALID: translate(
            "Labels", "The camera's entry is not valid: see the fields marked."
        ),
        Refusal.FILE_TOO_LARGE: translate("Labels", "That file is too large to attach."),
        Refusal.FILE_EMPTY: translate("Labels", "That file is empty: nothing was attached."),
    }


def audit_action(action: AuditAction | str) -> str:
    """What an audit row records, in words (an action from a newer console is shown as it is)."""
    try:
        return _audit_words()[AuditAction(action)]
    except ValueError:
        return str(action)


def _audit_words() -> dict[AuditAction, str]:
    return {
        AuditAction.CONSOLE_REGISTER: translate("Labels", "Console registered"),
        AuditAction.USER_CREATE: translate("Labels", "Account created"),
        AuditAction.USER_LOGIN: translate("Labels", "Logged in"),
        AuditAction.USER_LOGIN_FAILED: translate("Labels", "Login failed"),
        AuditAction.USER_LOGOUT: translate("Labels", "Logged out"),
        AuditAction.USER_UNLOCK: translate("Labels", "Account unlocked"),
        AuditAction.USER_DEACTIVATE: translate("Labels", "Account deactivated"),
        AuditAction.USER_REACTIVATE: translate("Labels", "Account reactivated"),
        AuditAction.USER_PASSWORD_RESET: translate("Labels", "Password reset"),
        AuditAction.USER_ROLE_CHANGE: translate("Labels", "Role changed"),
        AuditAction.CALL_INCOMING: translate("Labels", "Call came in (feed)"),
        AuditAction.CALL_RING: translate("Labels", "Call ringing (feed)"),
        AuditAction.CALL_ANSWERED: translate("Labels", "Call answered (feed)"),
        AuditAction.CALL_ENDED: translate("Labels", "Call ended (feed)"),
        AuditAction.CALL_ANSWER: translate("Labels", "Call answered"),
        AuditAction.CALL_HANG_UP: translate("Labels", "Call hung up"),
        AuditAction.CALL_CLASSIFY: translate("Labels", "Call classified"),
        AuditAction.CALL_ATTACH: translate("Labels", "Call attached to an incident"),
        AuditAction.CALL_END_WITH_INCIDENT: translate("Labels", "Call ended as its incident closed"),
        AuditAction.CALL_RECONCILE: translate("Labels", "Call left over from an earlier run ended"),
        AuditAction.INCIDENT_OPEN: translate("Labels", "Incident opened"),
        AuditAction.INCIDENT_UPDATE: translate("Labels", "Incident field changed"),
        AuditAction.INCIDENT_AREA: translate("Labels", "Incident area set"),
        AuditAction.INCIDENT_POSITION: translate("Labels", "Incident position set"),
        AuditAction.INCIDENT_FLAGS: translate("Labels", "Incident marks changed"),
        AuditAction.INCIDENT_NOTE: translate("Labels", "Note added"),
        AuditAction.INCIDENT_PROTOCOL_ANSWER: translate("Labels", "Protocol question answered"),
        AuditAction.INCIDENT_CLOSE: translate("Labels", "Incident closed"),
        AuditAction.INCIDENT_CANCEL: translate("Labels", "Incident cancelled"),
        AuditAction.INCIDENT_REOPEN: translate("Labels", "Incident reopened"),
        AuditAction.UNIT_CREATE: translate("Labels", "Unit added"),
        AuditAction.UNIT_UPDATE: translate("Labels", "Unit changed"),
        AuditAction.UNIT_ACTIVATE: translate("Labels", "Unit put back on the roster"),
        AuditAction.UNIT_DEACTIVATE: translate("Labels", "Unit taken off the roster"),
        AuditAction.UNIT_DISPATCH: translate("Labels", "Unit dispatched"),
        AuditAction.UNIT_STATUS: translate("Labels", "Unit status changed"),
        AuditAction.UNIT_STATUS_OVERRIDE: translate("Labels", "Unit status overridden"),
        AuditAction.UNIT_RELEASE: translate("Labels", "Unit available again as its incident ended"),
        AuditAction.ROSTER_LOAD: translate("Labels", "Roster loaded"),
        AuditAction.ROSTER_IMPORT: translate("Labels", "Roster imported"),
        AuditAction.CALLBACK_OPEN: translate("Labels", "Callback queued"),
        AuditAction.CALLBACK_ATTEMPT: translate("Labels", "Callback attempted"),
        AuditAction.CALLBACK_CLOSE: translate("Labels", "Callback closed"),
        AuditAction.CALLBACK_EMERGENCY: translate("Labels", "Callback reached an emergency"),
        AuditAction.NUMBER_FLAG_WATCH: translate("Labels", "Number put on the watch list"),
        AuditAction.NUMBER_FLAG_BLOCK_REQUESTED: translate("Labels", "Block requested from telco"),
        AuditAction.NUMBER_FLAG_LIFT: translate("Labels", "Number flag lifted"),
        AuditAction.ALERT_RAISE: translate("Labels", "Alert raised"),
        AuditAction.ALERT_ACKNOWLEDGE: translate("Labels", "Alert acknowledged"),
        AuditAction.ALERT_CLEAR: translate("Labels", "Alert cleared"),
        AuditAction.FEED_DOWN: translate("Labels", "Feed down"),
        AuditAction.FEED_UP: translate("Labels", "Feed up again"),
        AuditAction.SHIFT_OPEN: translate("Labels", "Shift opened"),
        AuditAction.SHIFT_CLOSE: translate("Labels", "Shift closed"),
        AuditAction.SHIFT_PASS_DOWN: translate("Labels", "Pass-down instructions written"),
        AuditAction.HANDOVER_SIGN: translate("Labels", "Handover report signed"),
        AuditAction.HANDOVER_ACKNOWLEDGE: translate("Labels", "Handover report acknowledged"),
        AuditAction.HANDOVER_ADDENDUM: translate("Labels", "Addendum to a handover report"),
        AuditAction.REVIEW_SAMPLE: translate("Labels", "Calls drawn for review"),
        AuditAction.REVIEW_SCORE: translate("Labels", "Call reviewed"),
        AuditAction.TRAINING_START: translate("Labels", "Training scenario started"),
        AuditAction.TRAINING_CALL: translate("Labels", "Training call rang"),
        AuditAction.TRAINING_LINE: translate("Labels", "Simulated caller spoke"),
        AuditAction.TRAINING_END: translate("Labels", "Training scenario ended"),
        AuditAction.TRAINING_SCORE: translate("Labels", "Training call scored"),
        AuditAction.REPORT_EXPORT: translate("Labels", "Report written to a file"),
        AuditAction.GATEWAY_START: translate("Labels", "Feed gateway started"),
        AuditAction.GATEWAY_STOP: translate("Labels", "Feed gateway stopped"),
        AuditAction.CHANGE_EVENTS_PRUNE: translate("Labels", "Old change notices removed"),
        AuditAction.AML_RECEIVED: translate("Labels", "Handset position received"),
        AuditAction.AGENCY_CREATE: translate("Labels", "Agency added to the directory"),
        AuditAction.AGENCY_UPDATE: translate("Labels", "Agency changed in the directory"),
        AuditAction.AGENCY_IMPORT: translate("Labels", "Agency directory imported"),
        AuditAction.FORWARDING_CREATE: translate("Labels", "Incident forwarded to an agency"),
        AuditAction.FORWARDING_UPDATE: translate("Labels", "Forwarding corrected"),
        AuditAction.FORWARDING_REPORT: translate("Labels", "Agency report recorded"),
        AuditAction.OUTBOX_QUEUE: translate("Labels", "Message or call queued for sending"),
        AuditAction.OUTBOX_SENT: translate("Labels", "Message sent or call started"),
        AuditAction.OUTBOX_FAILED: translate("Labels", "Message or call could not be sent"),
        AuditAction.OUTBOX_DELIVERY: translate("Labels", "Delivery report received"),
        AuditAction.CAMERA_CREATE: translate("Labels", "Camera added to the registry"),
        AuditAction.CAMERA_UPDATE: translate("Labels", "Camera changed in the registry"),
        AuditAction.CAMERA_IMPORT: translate("Labels", "Camera registry imported"),
        AuditAction.FILE_ATTACH: translate("Labels", "File attached to an incident"),
    }


def note_kind(kind: NoteKind | str) -> str:
    """What kind of narrative line a note is, in words."""
    words = {
        NoteKind.NARRATIVE: translate("Labels", "Typed"),
        NoteKind.SYSTEM: translate("Labels", "Console"),
        NoteKind.PROTOCOL: translate("Labels", "Protocol card"),
        NoteKind.COPIED: translate("Labels", "Copied from a duplicate"),
    }
    try:
        return words[NoteKind(kind)]
    except ValueError:
        return str(kind)


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


def line_source(source: LineSource | str) -> str:
    """What made a simulated caller say a line, in words (a training caller's line is marked with it).
    A keyword group's key is the scenario author's name for it, in no particular language: not shown."""
    words = {
        LineSource.OPENING: translate("Labels", "On answer"),
        LineSource.QUESTION: translate("Labels", "Asked"),
        LineSource.KEYWORD: translate("Labels", "Heard in the narrative"),
        LineSource.CALLBACK: translate("Labels", "Called back"),
        LineSource.LIVE: translate("Labels", "Trainer, live"),
        LineSource.HANG_UP: translate("Labels", "Hung up"),
    }
    try:
        return words[LineSource(source)]
    except ValueError:
        return str(source)


def scenario_problem(problem: str, detail: dict[str, str]) -> str:
    """What is wrong with a training scenario file (``dispatch.simulator.scenario_files.ScenarioError``),
    in the reader's language; ``{name}`` in the words is the problem's detail of that name."""
    import re

    from dispatch.simulator.scenario_files import ScenarioProblem

    try:
        words = _scenario_words()[ScenarioProblem(problem)]
    except ValueError:
        return str(problem)
    values = dict(detail)
    if problem == ScenarioProblem.WRONG_TYPE:
        kinds = _scenario_type_words()
        for name in ("expected", "found"):
            if name in values:
                values[name] = kinds.get(values[name], values[name])
    if problem == ScenarioProblem.EMPTY_TEXT:
        # Whole sentences: a language's name alone reads differently inside another sentence.
        words = {
            "id": translate("Labels", "the Indonesian text (id) is empty"),
            "en": translate("Labels", "the English text (en) is empty"),
        }.get(values.get("language", ""), words)
    # One pass: a value that itself holds {braces} is not replaced again.
    return re.sub(r"\{(\w+)\}", lambda match: values.get(match.group(1), match.group(0)), words)


def _scenario_words() -> dict[str, str]:
    from dispatch.simulator.scenario_files import ScenarioProblem

    return {
        ScenarioProblem.UNREADABLE: translate("Labels", "the file cannot be read: {reason}"),
        ScenarioProblem.NOT_UTF8: translate("Labels", "not UTF-8 text (byte {byte})"),
        ScenarioProblem.EMPTY: translate("Labels", "the file is empty"),
        ScenarioProblem.EXPECTED_VALUE: translate(
            "Labels",
            "column {column}: a value was expected (text in double quotes, a number, true, false, null, "
            "{...} or [...])",
        ),
        ScenarioProblem.EXPECTED_KEY: translate(
            "Labels", "column {column}: a name in double quotes was expected (a comma too many?)"
        ),
        ScenarioProblem.EXPECTED_COLON: translate(
            "Labels", "column {column}: ':' was expected after the name"
        ),
        ScenarioProblem.EXPECTED_COMMA: translate(
            "Labels", "column {column}: ',' or '{close}' was expected (a comma missing?)"
        ),
        ScenarioProblem.TRAILING_COMMA: translate(
            "Labels", "column {column}: a comma before the end of an object or list (JSON allows none there)"
        ),
        ScenarioProblem.UNTERMINATED_STRING: translate(
            "Labels", "column {column}: the text in quotes is not closed"
        ),
        ScenarioProblem.CONTROL_IN_STRING: translate(
            "Labels", "column {column}: a line break or control character inside quotes (write \\n)"
        ),
        ScenarioProblem.BAD_ESCAPE: translate(
            "Labels", 'column {column}: a backslash must be followed by " \\ / b f n r t or uXXXX'
        ),
        ScenarioProblem.NUMBER_TOO_LARGE: translate("Labels", "column {column}: the number is too large"),
        ScenarioProblem.TRAILING_DATA: translate(
            "Labels", "column {column}: more after the end of the scenario"
        ),
        ScenarioProblem.TOO_DEEP: translate("Labels", "column {column}: nested too deeply"),
        ScenarioProblem.DUPLICATE_KEY: translate("Labels", "{key} is given twice in the same object"),
        ScenarioProblem.BAD_CHARACTER: translate("Labels", "a control character ({code}) in the text"),
        ScenarioProblem.WRONG_TYPE: translate("Labels", "should be {expected}, not {found}"),
        ScenarioProblem.UNKNOWN_KEY: translate("Labels", "unknown name {key} (allowed: {allowed})"),
        ScenarioProblem.MISSING_KEY: translate("Labels", "{key} is missing"),
        ScenarioProblem.WRONG_FORMAT: translate(
            "Labels", "the format is {value}; this console reads {expected}"
        ),
        ScenarioProblem.ID_NOT_FILE_NAME: translate(
            "Labels", "the id {value} differs from the file name: it should be {expected}"
        ),
        ScenarioProblem.BAD_NAME: translate("Labels", "{value} may only have the characters {allowed}"),
        ScenarioProblem.DUPLICATE_CALL_KEY: translate(
            "Labels", "the key {value} is already used by another call or surge"
        ),
        ScenarioProblem.DUPLICATE_ITEM: translate("Labels", "{value} is given twice"),
        ScenarioProblem.BELOW_MINIMUM: translate("Labels", "{value} is less than {minimum}"),
        ScenarioProblem.NOT_POSITIVE: translate("Labels", "{value} should be more than 0"),
        ScenarioProblem.ABOVE_MAXIMUM: translate("Labels", "{value} is more than {maximum}"),
        ScenarioProblem.NOT_BEFORE_END: translate(
            "Labels", "{value} is not before the scenario's end ({duration} s)"
        ),
        ScenarioProblem.EMPTY_TEXT: translate("Labels", "the {language} text is empty"),
        ScenarioProblem.EMPTY_VALUE: translate("Labels", "should not be empty"),
        ScenarioProblem.NO_WORD: translate(
            "Labels", "{value} has no letter or digit: it can never be heard in a narrative"
        ),
        ScenarioProblem.TOO_LONG: translate("Labels", "{length} characters, more than {maximum}"),
        ScenarioProblem.BAD_NUMBER: translate(
            "Labels",
            "{value} is not a number as caller ID gives it (digits, + first, P withheld, O unavailable)",
        ),
        ScenarioProblem.NOT_ONE_OF: translate("Labels", "{value} is not one of {allowed}"),
        ScenarioProblem.UNKNOWN_CATEGORY: translate(
            "Labels", "{value} is not a category of the catalogue ({allowed})"
        ),
        ScenarioProblem.NO_PROTOCOL_CARD: translate(
            "Labels", "the category {category} has no protocol card, so no questions"
        ),
        ScenarioProblem.UNKNOWN_QUESTION: translate(
            "Labels", "{value} is not a question on the {category} protocol card ({allowed})"
        ),
        ScenarioProblem.QUESTION_WITHOUT_ANSWER: translate(
            "Labels", "the required question {value} has no answer in the script"
        ),
        ScenarioProblem.UNKNOWN_AREA: translate("Labels", "{value} is not a code of the area table"),
        ScenarioProblem.NOT_A_VILLAGE: translate(
            "Labels", "{value} ({name}) is not a kelurahan or desa: give a code of four parts (33.74.13.1003)"
        ),
        ScenarioProblem.OUTSIDE_INDONESIA: translate(
            "Labels", "{lat}, {lon} is outside Indonesia (latitude first, then longitude)"
        ),
        ScenarioProblem.ONLY_FOR_EMERGENCY: translate(
            "Labels", "{key} is only for an emergency (the class is {call_class})"
        ),
        ScenarioProblem.ONLY_FOR_SILENT: translate(
            "Labels", "after_callback is only for a silent call (the class is {call_class})"
        ),
        ScenarioProblem.SILENT_WITH_OPENING: translate(
            "Labels", "a silent caller says nothing on answer: the opening should be null"
        ),
        ScenarioProblem.CALLBACK_NEEDED: translate(
            "Labels", "a silent call that is {after} on callback needs the caller's callback line"
        ),
        ScenarioProblem.NO_CALLS: translate("Labels", "the scenario has no calls and no surges"),
    }


def _scenario_type_words() -> dict[str, str]:
    return {
        "object": translate("Labels", "an object {...}"),
        "list": translate("Labels", "a list [...]"),
        "text": translate("Labels", "text in double quotes"),
        "whole_number": translate("Labels", "a whole number"),
        "number": translate("Labels", "a number"),
        "true_false": translate("Labels", "true or false"),
        "null": translate("Labels", "null"),
        "pair": translate("Labels", "a pair [latitude, longitude]"),
        "text_or_null": translate("Labels", "text in both languages or null"),
    }


def forward_channel(channel: ForwardChannel | str) -> str:
    """How an agency was told, in words."""
    try:
        member = ForwardChannel(channel)
    except ValueError:
        return str(channel)
    return {
        ForwardChannel.PHONE: translate("Labels", "Telephone"),
        ForwardChannel.DIAL: translate("Labels", "Telephone (dialled by the console)"),
        ForwardChannel.RADIO: translate("Labels", "Radio call"),
        ForwardChannel.SMS: translate("Labels", "SMS from the console"),
        ForwardChannel.WHATSAPP: translate("Labels", "WhatsApp message"),
        ForwardChannel.IN_PERSON: translate("Labels", "In person (liaison in the room)"),
    }[member]


def forward_state(state: ForwardState | str) -> str:
    """How far a forwarding has got, in words (never a colour alone)."""
    try:
        member = ForwardState(state)
    except ValueError:
        return str(state)
    return {
        ForwardState.SENT: translate("Labels", "forwarded, not acknowledged"),
        ForwardState.ACKNOWLEDGED: translate("Labels", "acknowledged by the agency"),
        ForwardState.DISPATCHED: translate("Labels", "agency dispatched"),
        ForwardState.ARRIVED: translate("Labels", "agency at the scene"),
        ForwardState.HANDLED: translate("Labels", "handled by the agency"),
        ForwardState.CANCELLED: translate("Labels", "forwarding cancelled"),
    }[member]


def report_kind(kind: ReportKind | str) -> str:
    """What an agency reported back, in words."""
    try:
        member = ReportKind(kind)
    except ValueError:
        return str(kind)
    return {
        ReportKind.ACKNOWLEDGED: translate("Labels", "Acknowledged"),
        ReportKind.DISPATCHED: translate("Labels", "Dispatched"),
        ReportKind.ARRIVED: translate("Labels", "Arrived at the scene"),
        ReportKind.HANDLED: translate("Labels", "Handled"),
        ReportKind.NEEDS_HELP: translate("Labels", "Needs more help"),
        ReportKind.NOTE: translate("Labels", "Note"),
        ReportKind.CANCELLED: translate("Labels", "Forwarding cancelled"),
    }[member]


def report_source(source: ReportSource | str) -> str:
    try:
        member = ReportSource(source)
    except ValueError:
        return str(source)
    return {
        ReportSource.OPERATOR: translate("Labels", "recorded by the operator"),
        ReportSource.SMS: translate("Labels", "SMS reply"),
    }[member]


def outbox_state(state: OutboxState | str) -> str:
    """What became of an SMS or a dial the console asked for, in words."""
    try:
        member = OutboxState(state)
    except ValueError:
        return str(state)
    return {
        OutboxState.QUEUED: translate("Labels", "waiting to be sent"),
        OutboxState.SENDING: translate("Labels", "being sent"),
        OutboxState.SENT: translate("Labels", "sent, no delivery report yet"),
        OutboxState.FAILED: translate("Labels", "could not be sent"),
        OutboxState.DELIVERED: translate("Labels", "delivered to the handset"),
        OutboxState.UNDELIVERED: translate("Labels", "not delivered"),
    }[member]


def agency_reach(reach: AgencyReach | str) -> str:
    """How the centre works with an agency, in words."""
    try:
        member = AgencyReach(reach)
    except ValueError:
        return str(reach)
    return {
        AgencyReach.FORWARD: translate("Labels", "forwarded to"),
        AgencyReach.ROOM: translate("Labels", "in the room, with its units"),
    }[member]
