"""The console's vocabularies of record: why a request is refused, what an audit row says was
done, and what kind of note a narrative line is.

Stored and passed as these codes; the UI words each one in the reader's language (a test keeps
every member worded in Indonesian and English).
"""

from __future__ import annotations

from enum import StrEnum


class Refusal(StrEnum):
    """Why a service refused a request (``ServiceError.code``)."""

    # calls
    CALL_NOT_RINGING = "call_not_ringing"
    CALL_NOT_ANSWERED = "call_not_answered"
    NO_SUCH_CALL = "no_such_call"
    NOT_A_CLOSING_CLASS = "not_a_closing_class"
    CALL_ALREADY_ATTACHED = "call_already_attached"
    CALL_ATTACHED = "call_attached"
    # incidents and notes
    NO_SUCH_INCIDENT = "no_such_incident"
    INCIDENT_CLOSED = "incident_closed"
    INCIDENT_NOT_CLOSED = "incident_not_closed"
    NOTE_NOT_IN_INCIDENT = "note_not_in_incident"
    NO_SUCH_AREA = "no_such_area"
    NO_SUCH_PROTOCOL = "no_such_protocol"
    NO_SUCH_PROTOCOL_ANSWER = "no_such_protocol_answer"
    PROTOCOL_NOT_FOR_CATEGORY = "protocol_not_for_category"
    # units and dispatch
    NO_UNITS_CHOSEN = "no_units_chosen"
    UNIT_NOT_AVAILABLE = "unit_not_available"
    NO_SUCH_UNIT = "no_such_unit"
    TRANSITION_REFUSED = "transition_refused"
    DISPATCH_THROUGH_ASSIGN = "dispatch_through_assign"
    OVERRIDE_REASON_REQUIRED = "override_reason_required"
    STATUS_UNCHANGED = "status_unchanged"
    NO_INCIDENT_FOR_STATUS = "no_incident_for_status"
    CALL_SIGN_TAKEN = "call_sign_taken"
    UNIT_COMMITTED = "unit_committed"
    # callbacks and number flags
    NO_SUCH_CALLBACK = "no_such_callback"
    CALLBACK_CLOSED = "callback_closed"
    NOTE_REQUIRED = "note_required"
    NOTE_TOO_LONG = "note_too_long"
    NUMBER_WITHHELD = "number_withheld"
    NOT_AN_ATTEMPT_OUTCOME = "not_an_attempt_outcome"
    NOT_A_CLOSE_OUTCOME = "not_a_close_outcome"
    NO_SUCH_FLAG = "no_such_flag"
    FLAG_LIFTED = "flag_lifted"
    FLAG_REFUSED = "flag_refused"
    # alerts
    NO_SUCH_ALERT = "no_such_alert"
    # accounts and permissions
    NOT_ALLOWED = "not_allowed"
    SUPERVISOR_ONLY = "supervisor_only"
    ACCOUNTS_EXIST = "accounts_exist"
    ADMINISTRATOR_ONLY = "administrator_only"
    ACCOUNT_REFUSED = "account_refused"
    NO_SUCH_USER = "no_such_user"
    LAST_ADMINISTRATOR = "last_administrator"
    LAST_ACCOUNT_MANAGER = "last_account_manager"
    # shifts, handover and review (issue 11)
    SHIFT_ALREADY_OPEN = "shift_already_open"
    NO_OPEN_SHIFT = "no_open_shift"
    NO_SUCH_SHIFT = "no_such_shift"
    SHIFT_CLOSED = "shift_closed"
    SHIFT_STILL_OPEN = "shift_still_open"
    NO_SUCH_HANDOVER = "no_such_handover"
    HANDOVER_SIGNED = "handover_signed"
    HANDOVER_NOT_SIGNED = "handover_not_signed"
    HANDOVER_ACKNOWLEDGED = "handover_acknowledged"
    SIGNER_CANNOT_ACKNOWLEDGE = "signer_cannot_acknowledge"
    NO_SUCH_REVIEW = "no_such_review"
    REVIEW_DONE = "review_done"
    REVIEW_INCOMPLETE = "review_incomplete"
    # training (issue 12)
    TRAINING_ONLY = "training_only"  # a training write asked of a live database
    NO_SUCH_TRAINING_SESSION = "no_such_training_session"
    TRAINING_SESSION_ENDED = "training_session_ended"
    NOT_A_TRAINING_CALL = "not_a_training_call"
    # another console changed the same thing first (a race lost, e.g. a unique row taken)
    CHANGED_ELSEWHERE = "changed_elsewhere"
    # a centre of several consoles (issue 13): a field of the incident was changed by another
    # console since this one showed it (details: field, theirs, yours); nothing saved, the person chooses
    FIELD_CHANGED_ELSEWHERE = "field_changed_elsewhere"
    # handset positions (issue 15)
    NO_SUCH_AML = "no_such_aml"
    AML_WITHOUT_POSITION = "aml_without_position"

    # agency directory, forwarding, outbox (issue 16)
    NO_SUCH_AGENCY = "no_such_agency"
    AGENCY_INACTIVE = "agency_inactive"
    AGENCY_CODE_TAKEN = "agency_code_taken"
    AGENCY_INVALID = "agency_invalid"
    NO_SUCH_FORWARDING = "no_such_forwarding"
    FORWARDING_CLOSED = "forwarding_closed"
    ALREADY_FORWARDED = "already_forwarded"
    FORWARDINGS_OPEN = "forwardings_open"
    REPORT_TIME_INVALID = "report_time_invalid"
    REPORT_OUT_OF_ORDER = "report_out_of_order"
    NO_SMS_NUMBER = "no_sms_number"
    NO_DIAL_NUMBER = "no_dial_number"
    NO_EXTENSION = "no_extension"
    NO_SUCH_OUTBOX_MESSAGE = "no_such_outbox_message"
    # cameras and files (issue 16)
    NO_SUCH_CAMERA = "no_such_camera"
    CAMERA_CODE_TAKEN = "camera_code_taken"
    CAMERA_INVALID = "camera_invalid"
    FILE_TOO_LARGE = "file_too_large"
    FILE_EMPTY = "file_empty"


class AuditAction(StrEnum):
    """What an audit row records (``audit_log.action``)."""

    CONSOLE_REGISTER = "console.register"
    USER_CREATE = "user.create"
    USER_LOGIN = "user.login"
    USER_LOGIN_FAILED = "user.login_failed"
    USER_LOGOUT = "user.logout"
    USER_UNLOCK = "user.unlock"
    USER_DEACTIVATE = "user.deactivate"
    USER_REACTIVATE = "user.reactivate"
    USER_PASSWORD_RESET = "user.password_reset"
    USER_ROLE_CHANGE = "user.role_change"
    CALL_INCOMING = "call.incoming"  # a feed's events (SignalKind)
    CALL_RING = "call.ring"
    CALL_ANSWERED = "call.answered"
    CALL_ENDED = "call.ended"
    CALL_ANSWER = "call.answer"  # the call-taker's actions
    CALL_HANG_UP = "call.hang_up"
    CALL_CLASSIFY = "call.classify"
    CALL_ATTACH = "call.attach"
    CALL_END_WITH_INCIDENT = "call.end_with_incident"  # still answered when its incident closed
    CALL_RECONCILE = "call.reconcile"  # left ringing or answered by an earlier run, ended at start
    INCIDENT_OPEN = "incident.open"
    INCIDENT_UPDATE = "incident.update"
    INCIDENT_AREA = "incident.area"
    INCIDENT_POSITION = "incident.position"
    INCIDENT_FLAGS = "incident.flags"
    INCIDENT_NOTE = "incident.note"
    INCIDENT_PROTOCOL_ANSWER = "incident.protocol_answer"
    INCIDENT_CLOSE = "incident.close"
    INCIDENT_CANCEL = "incident.cancel"
    INCIDENT_REOPEN = "incident.reopen"
    UNIT_CREATE = "unit.create"
    UNIT_UPDATE = "unit.update"
    UNIT_ACTIVATE = "unit.activate"
    UNIT_DEACTIVATE = "unit.deactivate"
    UNIT_DISPATCH = "unit.dispatch"
    UNIT_STATUS = "unit.status"
    UNIT_STATUS_OVERRIDE = "unit.status.override"
    UNIT_RELEASE = "unit.release"  # made available again when its incident ended
    ROSTER_LOAD = "roster.load"
    ROSTER_IMPORT = "roster.import"
    CALLBACK_OPEN = "callback.open"
    CALLBACK_ATTEMPT = "callback.attempt"
    CALLBACK_CLOSE = "callback.close"
    CALLBACK_EMERGENCY = "callback.emergency"
    NUMBER_FLAG_WATCH = "number_flag.watch"
    NUMBER_FLAG_BLOCK_REQUESTED = "number_flag.block_requested"
    NUMBER_FLAG_LIFT = "number_flag.lift"
    ALERT_RAISE = "alert.raise"
    ALERT_ACKNOWLEDGE = "alert.acknowledge"
    ALERT_CLEAR = "alert.clear"
    FEED_DOWN = "feed.down"
    FEED_UP = "feed.up"
    SHIFT_OPEN = "shift.open"
    SHIFT_CLOSE = "shift.close"
    SHIFT_PASS_DOWN = "shift.pass_down"  # the outgoing lead's instructions and planned events
    HANDOVER_SIGN = "handover.sign"
    HANDOVER_ACKNOWLEDGE = "handover.acknowledge"
    HANDOVER_ADDENDUM = "handover.addendum"
    REVIEW_SAMPLE = "review.sample"  # calls drawn for quality review
    REVIEW_SCORE = "review.score"
    TRAINING_START = "training.start"  # a scenario run begun (scenario, its hash, seed, trainees)
    TRAINING_CALL = "training.call"  # a call of the scenario rang (its key)
    TRAINING_LINE = "training.line"  # a caller's line said (source, what revealed it)
    TRAINING_END = "training.end"
    TRAINING_SCORE = "training.score"  # a call scored against its truth
    REPORT_EXPORT = "report.export"  # a report written to a file (what, which period, format)
    GATEWAY_START = "gateway.start"  # a centre's feed gateway began (its feeds, host, process)
    GATEWAY_STOP = "gateway.stop"  # and ended (why)
    CHANGE_EVENTS_PRUNE = "change_events.prune"  # old change events removed (how many, before when)
    AML_RECEIVED = "aml.received"  # a handset position stored (its call, incident and what became of it)

    AGENCY_CREATE = "agency.create"  # a directory entry added (its fields)
    AGENCY_UPDATE = "agency.update"  # changed (before and after)
    AGENCY_IMPORT = "agency.import"  # a CSV file imported (how many added, changed, refused)
    FORWARDING_CREATE = "forwarding.create"  # an incident handed to an agency (channel, person, time)
    FORWARDING_UPDATE = "forwarding.update"  # its person or reference corrected (before and after)
    FORWARDING_REPORT = "forwarding.report"  # what the agency said back (kind, time, source)
    OUTBOX_QUEUE = "outbox.queue"  # an SMS or a dial asked of a feed
    OUTBOX_SENT = "outbox.sent"  # the modem or the PBX took it (its reference)
    OUTBOX_FAILED = "outbox.failed"  # it could not be sent (why)
    OUTBOX_DELIVERY = "outbox.delivery"  # the delivery report (status)
    CAMERA_CREATE = "camera.create"
    CAMERA_UPDATE = "camera.update"
    CAMERA_IMPORT = "camera.import"
    FILE_ATTACH = "file.attach"  # a file attached to an incident (name, size, SHA-256, camera)


class NoteKind(StrEnum):
    """What kind of line of an incident's narrative a note is (``incident_notes.kind``)."""

    NARRATIVE = "narrative"  # typed by the call-taker
    SYSTEM = "system"  # written by the console as a code, worded by the reader's UI
    PROTOCOL = "protocol"  # a protocol card's question and answer
    COPIED = "copied"  # carried over from a duplicate incident


class LineSource(StrEnum):
    """What made a simulated caller say a line (``training_lines.source``)."""

    OPENING = "opening"  # on answer
    QUESTION = "question"  # the trainee asked a protocol-card question
    KEYWORD = "keyword"  # the trainee typed a word the caller answers
    CALLBACK = "callback"  # the trainee called back
    LIVE = "live"  # the trainer typed it, playing the caller
    HANG_UP = "hang_up"  # the caller gave up ringing
