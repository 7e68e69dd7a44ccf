"""The handover report (dispatch/reports/handover.py's content) as a document.

The data is the export's envelope (``dispatch.reports.export.handover_document``: ``{"state",
"content", "signature", "addenda"}``, a signed report's content being the frozen one), or the content
itself (``HandoverData.to_json()``), alone for a draft or with a ``signature`` beside it holding the
signature's fields and the ``addenda``. The page says plainly whether it is a
draft, signed, or signed and acknowledged, and prints the signed content's SHA-256 so a paper copy can
be checked against the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.reports import figures_page
from ui.reports.common import Writer, class_order, mapping, sequence
from ui.reports.html import (
    Raw,
    bar,
    bold,
    boxed,
    document,
    facts,
    heading,
    lines,
    nothing,
    paragraph,
    preformatted,
    table,
)
from ui.reports.numbers import MISSING

translate = QCoreApplication.translate

#: Handover content is written as codes; a system note's code is worded like the incident panel does.
SYSTEM_NOTE = "system"


def title() -> str:
    return translate("HandoverReport", "Shift handover report")


def render(data: Mapping[str, Any], writer: Writer) -> str:
    content = mapping(data.get("content")) if "content" in data else data
    signature = mapping(data.get("signature"))
    addenda = [mapping(a) for a in sequence(data.get("addenda") or signature.get("addenda"))]
    period = mapping(content.get("period"))
    shift = (
        translate("HandoverReport", "%1 shift of %2")
        .replace("%1", writer.shift_name(period.get("code")))
        .replace("%2", str(period.get("day", "")))
    )
    span = writer.period(period.get("opened_at"), period.get("period_end"))
    users = {str(mapping(row).get("user_id")): mapping(row) for row in sequence(content.get("staff"))}
    body: list[str] = [
        heading(title(), 1),
        paragraph(f"{shift} · {span}", "period"),
        _state(content, signature, writer),
        *_period(period, writer),
        # What the incoming lead must read first: the outgoing lead's own words, and what came after.
        *_texts(content),
        *_addenda(addenda, writer),
        *_staff(content, writer),
        *_calls(content, writer),
        *_open_incidents(content, writer),
        *_open_forwardings(content, writer),
        *_units_out(content, writer),
        *_callbacks(content, writer),
        *_flags(content, writer),
        *_outages(content, writer),
        *_alerts(content, writer),
        heading(translate("HandoverReport", "Figures of the shift"), new_page=True),
        *figures_page.sections(mapping(content.get("figures")), writer, users, with_classes=False),
    ]
    return document(f"{title()} · {shift} · {span}", body)


def _state(content: Mapping[str, Any], signature: Mapping[str, Any], writer: Writer) -> Raw:
    if not signature.get("signed_at"):
        period = mapping(content.get("period"))
        return paragraph(
            bold(
                translate(
                    "HandoverReport", "DRAFT: not signed. The state is as at %1; it may still change."
                ).replace("%1", writer.when(period.get("as_of")))
            )
        )
    rows = [
        (
            translate("HandoverReport", "Signed by the outgoing lead"),
            translate("HandoverReport", "%1 at %2")
            .replace("%1", str(signature.get("signed_by") or MISSING))
            .replace("%2", writer.when(signature.get("signed_at"))),
        ),
        (
            translate("HandoverReport", "Acknowledged by the incoming lead"),
            translate("HandoverReport", "%1 at %2")
            .replace("%1", str(signature.get("acknowledged_by") or MISSING))
            .replace("%2", writer.when(signature.get("acknowledged_at")))
            if signature.get("acknowledged_at")
            else translate("HandoverReport", "Not acknowledged yet"),
        ),
        (
            translate("HandoverReport", "Content fingerprint (SHA-256)"),
            str(signature.get("content_sha256") or MISSING),
        ),
    ]
    return facts(translate("HandoverReport", "Signatures"), rows)


def _period(period: Mapping[str, Any], writer: Writer) -> list[str]:
    closed = period.get("closed_at")
    rows = [
        (
            translate("HandoverReport", "Planned"),
            writer.period(period.get("planned_start"), period.get("planned_end")),
        ),
        (
            translate("HandoverReport", "Opened"),
            translate("HandoverReport", "%1 by %2")
            .replace("%1", writer.when(period.get("opened_at")))
            .replace("%2", str(period.get("opened_by") or MISSING)),
        ),
        (
            translate("HandoverReport", "Closed"),
            translate("HandoverReport", "%1 by %2")
            .replace("%1", writer.when(closed))
            .replace("%2", str(period.get("closed_by") or MISSING))
            if closed
            else translate("HandoverReport", "Still open"),
        ),
        (translate("HandoverReport", "Length"), writer.duration(period.get("duration_s"))),
    ]
    return [facts(translate("HandoverReport", "The shift"), rows)]


def _staff(content: Mapping[str, Any], writer: Writer) -> list[str]:
    staff = [mapping(row) for row in sequence(content.get("staff"))]
    caption = translate("HandoverReport", "Staff on duty")
    if not staff:
        return [
            boxed(
                caption, paragraph(translate("HandoverReport", "No one logged in during the shift."), "none")
            )
        ]
    rows = [
        [
            lines([str(row.get("full_name", "")), str(row.get("username", ""))]),
            writer.role(row.get("role")),
            str(row.get("console", "")),
            writer.position(row.get("position")) if row.get("position") else MISSING,
            writer.short(row.get("started_at")),
            writer.short(row.get("ended_at"))
            if row.get("ended_at")
            else translate("HandoverReport", "still on"),
        ]
        for row in staff
    ]
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Name"),
                translate("HandoverReport", "Role"),
                translate("HandoverReport", "Console"),
                translate("HandoverReport", "Position"),
                translate("HandoverReport", "From"),
                translate("HandoverReport", "To"),
            ],
            rows,
            widths=[27, 16, 16, 15, 13, 13],
        )
    ]


def _calls(content: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    calls = mapping(content.get("calls"))
    total = int(calls.get("total", 0))
    counts = sorted(
        (
            (mapping(c).get("call_class"), int(mapping(c).get("count", 0)))
            for c in sequence(calls.get("by_class"))
        ),
        key=lambda pair: class_order(pair[0]),
    )
    counts.append((None, int(calls.get("unclassified", 0))))

    def share(count: int) -> float | None:
        return count / total if total else None

    rows = [
        [writer.call_class(code), n.integer(count), n.percent(share(count)), bar(share(count))]
        for code, count in counts
    ]
    rows.append([bold(translate("HandoverReport", "All calls")), bold(n.integer(total)), "", Raw("")])
    parts: list[str] = [
        table(
            translate("HandoverReport", "Calls by class"),
            [
                translate("HandoverReport", "Class"),
                translate("HandoverReport", "Calls"),
                translate("HandoverReport", "Share"),
                "",
            ],
            rows,
            numeric=(1, 2),
            widths=[34, 14, 14, 38],
        )
    ]
    categories = [mapping(c) for c in sequence(calls.get("by_category"))]
    if categories:
        parts.append(
            table(
                translate("HandoverReport", "Emergency calls by incident category"),
                [
                    translate("HandoverReport", "Category"),
                    translate("HandoverReport", "Calls"),
                    translate("HandoverReport", "Incidents"),
                ],
                [
                    [
                        writer.category(c.get("category")),
                        n.integer(c.get("calls")),
                        n.integer(c.get("incidents")),
                    ]
                    for c in categories
                ],
                numeric=(1, 2),
                widths=[60, 20, 20],
            )
        )
    return parts


def _note(note: Mapping[str, Any], writer: Writer) -> str:
    if not note:
        return MISSING
    text = str(note.get("text", ""))
    if note.get("kind") == SYSTEM_NOTE or note.get("kind") == "copied":
        # The incident panel's wording of a console note (stored as a code).
        from ui.widgets.incident_panel import note_text

        text = note_text(str(note.get("kind")), text, writer.zone)
    author = str(note.get("author") or translate("HandoverReport", "console"))
    return (
        translate("HandoverReport", "%1 %2: %3")
        .replace("%1", writer.short(note.get("at")))
        .replace("%2", author)
        .replace("%3", text)
    )


def _open_incidents(content: Mapping[str, Any], writer: Writer) -> list[str]:
    incidents = [mapping(row) for row in sequence(content.get("open_incidents"))]
    caption = translate("HandoverReport", "Incidents still open")
    if not incidents:
        return [nothing(caption, translate("HandoverReport", "No incident is open."))]
    rows = []
    for incident in incidents:
        units = [
            translate("HandoverReport", "%1: %2")
            .replace("%1", str(mapping(u).get("call_sign", "")))
            .replace("%2", writer.unit_status(mapping(u).get("status")))
            for u in sequence(incident.get("units"))
        ]
        rows.append(
            [
                lines([str(incident.get("number", "")), writer.category(incident.get("category"))]),
                lines(
                    [
                        writer.priority(incident.get("priority")),
                        writer.incident_status(incident.get("status")),
                    ]
                ),
                writer.duration(incident.get("age_s")),
                lines(units) if units else translate("HandoverReport", "none"),
                _note(mapping(incident.get("last_note")), writer),
            ]
        )
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Incident"),
                translate("HandoverReport", "Priority, status"),
                translate("HandoverReport", "Age"),
                translate("HandoverReport", "Units"),
                translate("HandoverReport", "Last note"),
            ],
            rows,
            numeric=(2,),
            widths=[19, 15, 14, 20, 32],
        )
    ]


def _acknowledged(forwarding: Mapping[str, Any], writer: Writer) -> str:
    """When the agency acknowledged, or that it had not and how far past its limit it was."""
    if forwarding.get("acknowledged_at"):
        return writer.short(forwarding.get("acknowledged_at"))
    overdue = forwarding.get("overdue_s")
    if isinstance(overdue, int | float) and overdue > 0:
        return translate("HandoverReport", "not acknowledged, %1 over its limit").replace(
            "%1", writer.duration(overdue)
        )
    return translate("HandoverReport", "not acknowledged, within its limit (%1)").replace(
        "%1", writer.duration(forwarding.get("ack_limit_s"))
    )


def _open_forwardings(content: Mapping[str, Any], writer: Writer) -> list[str]:
    if "open_forwardings" not in content:
        return []  # a report made before forwarding to agencies existed
    forwardings = [mapping(row) for row in sequence(content.get("open_forwardings"))]
    caption = translate("HandoverReport", "Forwardings to agencies still open")
    if not forwardings:
        return [nothing(caption, translate("HandoverReport", "No forwarding to an agency is open."))]
    rows = [
        [
            str(forwarding.get("incident_number", "")),
            str(forwarding.get("agency_name", "")),
            writer.forward_state(forwarding.get("forwarding_state")),
            writer.short(forwarding.get("forwarded_at")),
            _acknowledged(forwarding, writer),
        ]
        for forwarding in forwardings
    ]
    overdue = [
        (number, 4)
        for number, forwarding in enumerate(forwardings)
        if not forwarding.get("acknowledged_at") and (forwarding.get("overdue_s") or 0) > 0
    ]
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Incident"),
                translate("HandoverReport", "Agency"),
                translate("HandoverReport", "State"),
                translate("HandoverReport", "Forwarded"),
                translate("HandoverReport", "Acknowledged"),
            ],
            rows,
            widths=[14, 24, 21, 15, 26],
            missed=overdue,
        )
    ]


def _units_out(content: Mapping[str, Any], writer: Writer) -> list[str]:
    units = [mapping(row) for row in sequence(content.get("units_out_of_service"))]
    caption = translate("HandoverReport", "Units out of service")
    if not units:
        return [
            boxed(
                caption,
                paragraph(translate("HandoverReport", "Every unit on the roster is in service."), "none"),
            )
        ]
    rows = []
    for unit in units:
        before = unit.get("from_status")
        why = (
            translate("HandoverReport", "was %1").replace("%1", writer.unit_status(before))
            if before
            else translate("HandoverReport", "out of service since it was added")
        )
        if unit.get("override_reason"):
            why = (
                translate("HandoverReport", "%1; status overridden: %2")
                .replace("%1", why)
                .replace("%2", str(unit.get("override_reason")))
            )
        rows.append(
            [
                str(unit.get("call_sign", "")),
                writer.agency(unit.get("agency")),
                writer.short(unit.get("since")),
                str(unit.get("by") or translate("HandoverReport", "console")),
                why,
            ]
        )
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Unit"),
                translate("HandoverReport", "Agency"),
                translate("HandoverReport", "Since"),
                translate("HandoverReport", "By"),
                translate("HandoverReport", "Why"),
            ],
            rows,
            widths=[17, 20, 13, 14, 36],
        )
    ]


def _callbacks(content: Mapping[str, Any], writer: Writer) -> list[str]:
    callbacks = [mapping(row) for row in sequence(content.get("callbacks"))]
    caption = translate("HandoverReport", "Callbacks still open")
    if not callbacks:
        return [nothing(caption, translate("HandoverReport", "No callback is waiting."))]
    n = writer.numbers
    rows = []
    for callback in callbacks:
        last = (
            translate("HandoverReport", "%1 %2")
            .replace("%1", writer.short(callback.get("last_attempt_at")))
            .replace("%2", writer.callback_outcome(callback.get("last_attempt_outcome")))
            if callback.get("last_attempt_at")
            else MISSING
        )
        rows.append(
            [
                writer.number(callback.get("number"))
                if callback.get("presentation") == "allowed"
                else writer.number(""),
                writer.callback_reason(callback.get("reason")),
                writer.short(callback.get("ring_at")),
                n.integer(callback.get("attempts")),
                last,
                str(callback.get("incident_number") or MISSING),
            ]
        )
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Number"),
                translate("HandoverReport", "Reason"),
                translate("HandoverReport", "Rang"),
                translate("HandoverReport", "Attempts"),
                translate("HandoverReport", "Last attempt"),
                translate("HandoverReport", "Incident"),
            ],
            rows,
            numeric=(3,),
            widths=[19, 13, 13, 13, 26, 16],
        )
    ]


def _flags(content: Mapping[str, Any], writer: Writer) -> list[str]:
    flags = [mapping(row) for row in sequence(content.get("number_flags"))]
    caption = translate("HandoverReport", "Numbers flagged or with a block requested")
    if not flags:
        return [nothing(caption, translate("HandoverReport", "No number is flagged."))]
    rows = [
        [
            writer.number(flag.get("number")),
            writer.flag_kind(flag.get("kind")),
            str(flag.get("reason", "")),
            writer.short(flag.get("at")),
            str(flag.get("by") or MISSING),
        ]
        for flag in flags
    ]
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Number"),
                translate("HandoverReport", "Flag"),
                translate("HandoverReport", "Reason"),
                translate("HandoverReport", "Since"),
                translate("HandoverReport", "By"),
            ],
            rows,
            widths=[20, 20, 35, 13, 12],
        )
    ]


def _outages(content: Mapping[str, Any], writer: Writer) -> list[str]:
    outages = [mapping(row) for row in sequence(content.get("feed_outages"))]
    caption = translate("HandoverReport", "Feed outages")
    if not outages:
        return [nothing(caption, translate("HandoverReport", "Every feed stayed up."))]
    rows = [
        [
            str(outage.get("feed", "")),
            writer.short(outage.get("started_at")),
            writer.short(outage.get("ended_at"))
            if outage.get("ended_at")
            else translate("HandoverReport", "still down"),
            writer.duration(outage.get("duration_s")),
            writer.duration(outage.get("in_period_s")),
            str(outage.get("reason", "")),
        ]
        for outage in outages
    ]
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Feed"),
                translate("HandoverReport", "Down"),
                translate("HandoverReport", "Up again"),
                translate("HandoverReport", "Length"),
                translate("HandoverReport", "In this shift"),
                translate("HandoverReport", "Reason"),
            ],
            rows,
            numeric=(3, 4),
            widths=[22, 12, 12, 12, 12, 30],
        )
    ]


def _alerts(content: Mapping[str, Any], writer: Writer) -> list[str]:
    alerts = [mapping(row) for row in sequence(content.get("alerts"))]
    caption = translate("HandoverReport", "Alerts not acknowledged")
    if not alerts:
        return [nothing(caption, translate("HandoverReport", "Every alert was acknowledged."))]
    rows = []
    for alert in alerts:
        subject = str(alert.get("label", ""))
        if alert.get("kind") == "timer_call_ringing":
            subject = writer.number(subject)
        if alert.get("incident_number"):
            subject = f"{subject} · {alert.get('incident_number')}"
        rows.append(
            [
                writer.alert_kind(alert.get("kind")),
                subject,
                writer.short(alert.get("raised_at")),
                writer.duration(alert.get("limit_s")) if alert.get("limit_s") is not None else MISSING,
                translate("HandoverReport", "yes")
                if alert.get("cleared")
                else translate("HandoverReport", "no"),
            ]
        )
    return [
        table(
            caption,
            [
                translate("HandoverReport", "Alert"),
                translate("HandoverReport", "About"),
                translate("HandoverReport", "Raised"),
                translate("HandoverReport", "Limit"),
                translate("HandoverReport", "Over by then"),
            ],
            rows,
            widths=[28, 30, 14, 12, 16],
        )
    ]


def _texts(content: Mapping[str, Any]) -> list[str]:
    parts: list[str] = []
    for caption, key, empty in (
        (
            translate("HandoverReport", "Planned events"),
            "planned_events",
            translate("HandoverReport", "No planned events were written."),
        ),
        (
            translate("HandoverReport", "Pass-down instructions"),
            "pass_down",
            translate("HandoverReport", "No pass-down instructions were written."),
        ),
    ):
        text = str(content.get(key) or "").strip()
        parts.append(boxed(caption, preformatted(text) if text else paragraph(empty, "none")))
    return parts


def _addenda(addenda: list[Mapping[str, Any]], writer: Writer) -> list[str]:
    if not addenda:
        return []
    rows = [
        [writer.when(a.get("at")), str(a.get("user_name") or MISSING), preformatted(str(a.get("text", "")))]
        for a in addenda
    ]
    return [
        table(
            translate("HandoverReport", "Addenda (written after signing)"),
            [
                translate("HandoverReport", "When"),
                translate("HandoverReport", "Who"),
                translate("HandoverReport", "Addendum"),
            ],
            rows,
            widths=[22, 14, 64],
        )
    ]
