"""The ``label`` column of a report's CSV: each row described in the reader's language.

dispatch/reports/export.py writes the rows as data (codes, ISO times, decimal points) so a script reads
any file the same way; this column is for the person who opens the file in a spreadsheet: "Waktu jawab
· p90 (detik)" beside ``answer,,p90_s,17.0``. Each part of a row's section and field is worded from
one table; a part it does not know (a newer report's) is written as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from dispatch.reports.export import Row

translate = QCoreApplication.translate


def _words() -> dict[str, str]:
    return {
        # report parts
        "format": translate("ReportCsv", "Data format"),
        "state": translate("ReportCsv", "State of the report"),
        "period": translate("ReportCsv", "Period"),
        "users": translate("ReportCsv", "Users"),
        "staff": translate("ReportCsv", "Staff on duty"),
        "calls": translate("ReportCsv", "Calls"),
        "open_incidents": translate("ReportCsv", "Incidents still open"),
        "units_out_of_service": translate("ReportCsv", "Units out of service"),
        "callbacks": translate("ReportCsv", "Callbacks still open"),
        "number_flags": translate("ReportCsv", "Numbers flagged"),
        "feed_outages": translate("ReportCsv", "Feed outages"),
        "alerts": translate("ReportCsv", "Alerts not acknowledged"),
        "planned_events": translate("ReportCsv", "Planned events"),
        "pass_down": translate("ReportCsv", "Pass-down instructions"),
        "figures": translate("ReportCsv", "Figures"),
        "signature": translate("ReportCsv", "Signatures"),
        "addenda": translate("ReportCsv", "Addenda"),
        "summary": translate("ReportCsv", "Month"),
        "previous_month": translate("ReportCsv", "Previous month"),
        "year_before": translate("ReportCsv", "Same month a year before"),
        "by_category": translate("ReportCsv", "By category"),
        "by_kecamatan": translate("ReportCsv", "By kecamatan"),
        "daily": translate("ReportCsv", "Day by day"),
        # figures
        "offered": translate("ReportCsv", "Calls offered"),
        "answered": translate("ReportCsv", "Answered"),
        "abandoned": translate("ReportCsv", "Abandoned"),
        "unresolved": translate("ReportCsv", "Still ringing (in no figure)"),
        "abandonment_rate": translate("ReportCsv", "Abandonment rate (0 to 1)"),
        "answer": translate("ReportCsv", "Answer time"),
        "processing": translate("ReportCsv", "Call processing"),
        "turnout": translate("ReportCsv", "Turnout"),
        "travel": translate("ReportCsv", "Travel"),
        "on_scene": translate("ReportCsv", "Time on scene"),
        "longest_ring": translate("ReportCsv", "Longest ring"),
        "service_levels": translate("ReportCsv", "Service level per interval"),
        "by_class": translate("ReportCsv", "Calls by class"),
        "call_takers": translate("ReportCsv", "Per call-taker"),
        "agencies": translate("ReportCsv", "Per agency"),
        "service_level_s": translate("ReportCsv", "Service level limit (seconds)"),
        "interval_minutes": translate("ReportCsv", "Interval (minutes)"),
        "count": translate("ReportCsv", "Count"),
        "mean_s": translate("ReportCsv", "Mean (seconds)"),
        "min_s": translate("ReportCsv", "Shortest (seconds)"),
        "max_s": translate("ReportCsv", "Longest (seconds)"),
        "p50_s": translate("ReportCsv", "p50 (seconds)"),
        "p90_s": translate("ReportCsv", "p90 (seconds)"),
        "p95_s": translate("ReportCsv", "p95 (seconds)"),
        "targets": translate("ReportCsv", "Target"),
        "within_s": translate("ReportCsv", "Limit (seconds)"),
        "target_share": translate("ReportCsv", "Target share (0 to 1)"),
        "count_within": translate("ReportCsv", "Within the limit"),
        "share": translate("ReportCsv", "Share within (0 to 1)"),
        "met": translate("ReportCsv", "Target met"),
        "answered_within": translate("ReportCsv", "Answered within the limit"),
        "service_level": translate("ReportCsv", "Service level (0 to 1)"),
        "seconds": translate("ReportCsv", "Seconds"),
        "assignments": translate("ReportCsv", "Assignments"),
        "forwarding": translate("ReportCsv", "Forwarding to agencies"),
        "agency_id": translate("ReportCsv", "Agency record"),
        "agency_name": translate("ReportCsv", "Agency"),
        "forwardings": translate("ReportCsv", "Forwardings"),
        "cancelled": translate("ReportCsv", "Cancelled"),
        "to_forwarding": translate("ReportCsv", "Answer to forwarding"),
        "to_acknowledgement": translate("ReportCsv", "Forwarding to acknowledgement"),
        "to_arrival": translate("ReportCsv", "Forwarding to arrival reported"),
        "never_acknowledged": translate("ReportCsv", "Never acknowledged"),
        "never_arrived": translate("ReportCsv", "Never reported arrived"),
        "open_forwardings": translate("ReportCsv", "Forwardings to agencies still open"),
        "forwarding_id": translate("ReportCsv", "Forwarding record"),
        "forwarding_state": translate("ReportCsv", "State of the forwarding"),
        "forwarded_at": translate("ReportCsv", "Forwarded"),
        "ack_limit_s": translate("ReportCsv", "Acknowledgement limit (seconds)"),
        "ack_due_at": translate("ReportCsv", "Acknowledgement due"),
        "overdue_s": translate("ReportCsv", "Over the limit (seconds)"),
        # common fields
        "since": translate("ReportCsv", "From"),
        "until": translate("ReportCsv", "Until"),
        "zone": translate("ReportCsv", "Time zone"),
        "shift": translate("ReportCsv", "Shift"),
        "shift_id": translate("ReportCsv", "Shift number"),
        "code": translate("ReportCsv", "Code"),
        "day": translate("ReportCsv", "Day"),
        "month": translate("ReportCsv", "Month"),
        "planned_start": translate("ReportCsv", "Planned start"),
        "planned_end": translate("ReportCsv", "Planned end"),
        "opened_at": translate("ReportCsv", "Opened"),
        "opened_by": translate("ReportCsv", "Opened by"),
        "closed_at": translate("ReportCsv", "Closed"),
        "closed_by": translate("ReportCsv", "Closed by"),
        "period_end": translate("ReportCsv", "Period end"),
        "as_of": translate("ReportCsv", "State as at"),
        "duration_s": translate("ReportCsv", "Length (seconds)"),
        "user_id": translate("ReportCsv", "User number"),
        "username": translate("ReportCsv", "Username"),
        "full_name": translate("ReportCsv", "Full name"),
        "role": translate("ReportCsv", "Role"),
        "console": translate("ReportCsv", "Console"),
        "position": translate("ReportCsv", "Position"),
        "started_at": translate("ReportCsv", "Started"),
        "ended_at": translate("ReportCsv", "Ended"),
        "total": translate("ReportCsv", "Total"),
        "unclassified": translate("ReportCsv", "Not classified"),
        "call_class": translate("ReportCsv", "Call class"),
        "category": translate("ReportCsv", "Category"),
        "incidents": translate("ReportCsv", "Incidents"),
        "withdrawn": translate("ReportCsv", "Withdrawn incidents"),
        "prank_or_silent": translate("ReportCsv", "Prank and silent calls"),
        "prank_or_silent_share": translate("ReportCsv", "Prank and silent share (0 to 1)"),
        "incident_id": translate("ReportCsv", "Incident record"),
        "number": translate("ReportCsv", "Number"),
        "priority": translate("ReportCsv", "Priority"),
        "status": translate("ReportCsv", "Status"),
        "created_at": translate("ReportCsv", "Opened"),
        "age_s": translate("ReportCsv", "Age (seconds)"),
        "units": translate("ReportCsv", "Units"),
        "status_since": translate("ReportCsv", "Status since"),
        "dispatched_at": translate("ReportCsv", "Dispatched"),
        "last_note": translate("ReportCsv", "Last note"),
        "at": translate("ReportCsv", "Time"),
        "kind": translate("ReportCsv", "Kind"),
        "text": translate("ReportCsv", "Text"),
        "author": translate("ReportCsv", "Written by"),
        "call_sign": translate("ReportCsv", "Call sign"),
        "agency": translate("ReportCsv", "Agency"),
        "from_status": translate("ReportCsv", "Previous status"),
        "by": translate("ReportCsv", "By"),
        "override_reason": translate("ReportCsv", "Override reason"),
        "callback_id": translate("ReportCsv", "Callback record"),
        "call_id": translate("ReportCsv", "Call record"),
        "reason": translate("ReportCsv", "Reason"),
        "presentation": translate("ReportCsv", "Number shown"),
        "ring_at": translate("ReportCsv", "Rang"),
        "attempts": translate("ReportCsv", "Attempts"),
        "last_attempt_at": translate("ReportCsv", "Last attempt"),
        "last_attempt_outcome": translate("ReportCsv", "Last attempt's outcome"),
        "incident_number": translate("ReportCsv", "Incident number"),
        "flag_id": translate("ReportCsv", "Flag record"),
        "outage_id": translate("ReportCsv", "Outage record"),
        "feed": translate("ReportCsv", "Feed"),
        "in_period_s": translate("ReportCsv", "In the period (seconds)"),
        "alert_id": translate("ReportCsv", "Alert record"),
        "entity": translate("ReportCsv", "About"),
        "entity_id": translate("ReportCsv", "About (record)"),
        "label": translate("ReportCsv", "Shown as"),
        "raised_at": translate("ReportCsv", "Raised"),
        "limit_s": translate("ReportCsv", "Limit (seconds)"),
        "cleared": translate("ReportCsv", "Over by then"),
        "report_id": translate("ReportCsv", "Report record"),
        "content_sha256": translate("ReportCsv", "Content fingerprint (SHA-256)"),
        "signed_at": translate("ReportCsv", "Signed"),
        "signed_by": translate("ReportCsv", "Signed by"),
        "acknowledged_at": translate("ReportCsv", "Acknowledged"),
        "acknowledged_by": translate("ReportCsv", "Acknowledged by"),
        "id": translate("ReportCsv", "Record"),
        "user_name": translate("ReportCsv", "Written by"),
        "name": translate("ReportCsv", "Name"),
        "regency": translate("ReportCsv", "Kabupaten / kota"),
    }


def label(row: Row, language: str) -> str:
    """The row described: its section's and field's parts worded, joined by `` · `` (call it while
    ``language``'s translator is installed: ``ui.reports.document.speaking``)."""
    words = _language_words(language)
    section, _item, field, _value = row
    parts = [*section.split("."), *field.split(".")] if field else section.split(".")
    return " · ".join(words.get(part, part) for part in parts if part and not part.isdigit())


#: The table per language, worded once.
_cache: dict[str, dict[str, str]] = {}


def _language_words(language: str) -> dict[str, str]:
    if language not in _cache:
        _cache[language] = _words()
    return _cache[language]
