"""A trainee's debrief (dispatch/reports/debrief.py's ``Debrief``), on screen and in PDF.

The session's result first (mean score against the pass mark, written "passed"/"not passed" with a
mark, never by colour alone), then each call: its score per dimension, and a timeline of what the
trainee did in seconds from the ring with what was expected by then, then what the truth asked for;
last, the trainee's earlier sessions.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from dispatch.catalogue_files import load_default_protocols
from dispatch.domain.protocols import ProtocolSet
from ui.reports.common import Writer, mapping, sequence
from ui.reports.html import Cell, Raw, bar, document, facts, heading, nothing, paragraph, table
from ui.reports.numbers import MISSING, NBSP

translate = QCoreApplication.translate

PASSED_MARK = "✓"
MISSED_MARK = "✗"


def title() -> str:
    return translate("DebriefReport", "Training debrief")


def verdict(passed: object) -> str:
    """``✓ passed`` / ``✗ not passed`` (lulus / tidak lulus); a dash when not scored."""
    if passed is None:
        return MISSING
    if passed:
        words = translate("DebriefReport", "passed")
        return f"{PASSED_MARK} {words}"
    words = translate("DebriefReport", "not passed")
    return f"{MISSED_MARK} {words}"


def dimension_name(code: object) -> str:
    words = {
        "answer": translate("DebriefReport", "Answer time"),
        "class": translate("DebriefReport", "Call class"),
        "category": translate("DebriefReport", "Incident category"),
        "priority": translate("DebriefReport", "Priority"),
        "location": translate("DebriefReport", "Location"),
        "questions": translate("DebriefReport", "Protocol questions"),
        "agencies": translate("DebriefReport", "Agencies and units"),
        "dispatch_time": translate("DebriefReport", "Time to dispatch"),
        "fields": translate("DebriefReport", "Form fields"),
    }
    return words.get(str(code), str(code))


def reason_words(code: object) -> str:
    words = {
        "in_time": translate("DebriefReport", "within the time"),
        "late": translate("DebriefReport", "late: part of the credit"),
        "too_late": translate("DebriefReport", "too late: no credit"),
        "not_answered": translate("DebriefReport", "not answered"),
        "not_reached": translate("DebriefReport", "caller not reached on callback"),
        "not_dispatched": translate("DebriefReport", "no unit dispatched"),
        "right": translate("DebriefReport", "right"),
        "wrong": translate("DebriefReport", "wrong"),
        "not_recorded": translate("DebriefReport", "not recorded"),
        "half": translate("DebriefReport", "half: classified silent or caller reached, not both"),
        "all": translate("DebriefReport", "all"),
        "some": translate("DebriefReport", "some"),
        "none": translate("DebriefReport", "none"),
    }
    return words.get(str(code), str(code))


def field_name(code: object) -> str:
    words = {
        "caller_name": translate("DebriefReport", "Caller name"),
        "callback_number": translate("DebriefReport", "Callback number"),
        "province": translate("DebriefReport", "Province"),
        "regency": translate("DebriefReport", "Regency or city"),
        "district": translate("DebriefReport", "District (kecamatan)"),
        "village": translate("DebriefReport", "Village (kelurahan)"),
        "rt": "RT",
        "rw": "RW",
        "street": translate("DebriefReport", "Street"),
        "house_number": translate("DebriefReport", "House number"),
        "postcode": translate("DebriefReport", "Postcode"),
        "landmark": translate("DebriefReport", "Landmark"),
    }
    return words.get(str(code), str(code))


@cache
def _protocols() -> ProtocolSet:
    return load_default_protocols()


def question_text(question_id: object, category: object, language: str) -> str:
    """The protocol card's question (the category's card first), or its id when no card has it."""
    cards = _protocols()
    card = cards.get(str(category)) if category else None
    ordered = ([card] if card is not None else []) + [c for c in cards if c is not card]
    for candidate in ordered:
        try:
            return candidate.question(str(question_id)).text(language)
        except KeyError:
            continue
    return str(question_id)


def _action_words(action: Mapping[str, Any], writer: Writer, category: object) -> str:
    kind, value, unit = str(action.get("kind")), action.get("value") or "", action.get("unit") or ""
    if kind == "answered":
        return translate("DebriefReport", "Answered")
    if kind == "classified":
        return translate("DebriefReport", "Classified: %1").replace("%1", writer.call_class(value))
    if kind == "field":
        return translate("DebriefReport", "Field filled: %1").replace("%1", field_name(value))
    if kind == "category":
        return translate("DebriefReport", "Category: %1").replace("%1", writer.category(value))
    if kind == "priority":
        return translate("DebriefReport", "Priority: %1").replace("%1", writer.priority(value))
    if kind == "area":
        return translate("DebriefReport", "Kelurahan picked: %1").replace("%1", str(value))
    if kind == "position":
        return translate("DebriefReport", "Position set: %1").replace("%1", str(value) or MISSING)
    if kind == "question":
        return translate("DebriefReport", "Asked: %1").replace(
            "%1", question_text(value, category, writer.language)
        )
    if kind == "note":
        return translate("DebriefReport", "Narrative note written")
    if kind == "dispatched":
        return translate("DebriefReport", "Dispatched %1").replace("%1", str(unit))
    if kind == "unit_status":
        return f"{unit}: {writer.unit_status(value)}"
    if kind == "callback":
        return translate("DebriefReport", "Called back: %1").replace("%1", writer.callback_outcome(value))
    if kind == "hung_up":
        return translate("DebriefReport", "Hung up")
    if kind == "ended":
        return translate("DebriefReport", "The caller hung up")
    if kind == "closed":
        return translate("DebriefReport", "Incident closed")
    return kind


def _expected_words(item: Mapping[str, Any], writer: Writer, category: object) -> str:
    kind, value = str(item.get("kind")), item.get("value") or ""
    n = writer.numbers
    if kind == "answer":
        return translate("DebriefReport", "Answer within %1").replace(
            "%1", n.limit(float(item.get("by_seconds") or 0))
        )
    if kind == "class":
        return translate("DebriefReport", "Class: %1").replace("%1", writer.call_class(value))
    if kind == "callback":
        return translate("DebriefReport", "Call back: the caller is an emergency")
    if kind == "category":
        return translate("DebriefReport", "Category: %1").replace("%1", writer.category(value))
    if kind == "priority":
        return translate("DebriefReport", "Priority: %1").replace("%1", writer.priority(value))
    if kind == "area":
        return translate("DebriefReport", "Kelurahan: %1").replace("%1", str(value))
    if kind == "position":
        return translate("DebriefReport", "Position: %1").replace("%1", str(value))
    if kind == "question":
        return translate("DebriefReport", "Ask: %1").replace(
            "%1", question_text(value, category, writer.language)
        )
    if kind == "agency":
        return (
            translate("DebriefReport", "Send %1: at least %2")
            .replace("%1", writer.agency(value))
            .replace("%2", n.integer(int(item.get("count") or 0)))
        )
    if kind == "dispatch":
        return translate("DebriefReport", "First unit dispatched by now")
    if kind == "field":
        return translate("DebriefReport", "Fill in: %1").replace("%1", field_name(value))
    return kind


def render(data: Mapping[str, Any], writer: Writer) -> str:
    scenario = data.get("title_en") if writer.language == "en" else data.get("title_id")
    scenario = str(scenario or data.get("scenario_id") or MISSING)
    body: list[str] = [
        heading(title(), 1),
        paragraph(f"{scenario} · {writer.period(data.get('started_at'), data.get('ended_at'))}", "period"),
        _summary(data, writer, scenario),
    ]
    calls = sequence(data.get("calls"))
    if not calls:
        body.append(nothing(translate("DebriefReport", "Calls"), translate("DebriefReport", "No calls.")))
    for number, call in enumerate(calls, start=1):
        body.extend(_call(mapping(call), number, writer))
    if data.get("user_id") is not None:
        body.append(_history(sequence(data.get("history")), writer))
    name = str(data.get("user_name") or "")
    return document(f"{title()} · {name} · {scenario}" if name else f"{title()} · {scenario}", body)


def _summary(data: Mapping[str, Any], writer: Writer, scenario: str) -> Raw:
    n = writer.numbers
    trainee = str(data.get("user_name") or "") or translate("DebriefReport", "All trainees")
    pass_mark = data.get("pass_mark")
    return facts(
        translate("DebriefReport", "The session"),
        [
            (translate("DebriefReport", "Scenario"), f"{scenario} ({data.get('scenario_id')})"),
            (translate("DebriefReport", "Trainee"), trainee),
            (
                translate("DebriefReport", "Calls scored"),
                translate("DebriefReport", "%1 of %2, %3 passed")
                .replace("%1", n.integer(int(data.get("calls_scored") or 0)))
                .replace("%2", n.integer(len(sequence(data.get("calls")))))
                .replace("%3", n.integer(int(data.get("calls_passed") or 0))),
            ),
            (translate("DebriefReport", "Mean score"), n.decimal(data.get("mean_total"))),
            (
                translate("DebriefReport", "Pass mark"),
                MISSING if pass_mark is None else n.decimal(float(pass_mark), 0),
            ),
            (translate("DebriefReport", "Result"), verdict(data.get("passed"))),
        ],
    )


def _call(call: Mapping[str, Any], number: int, writer: Writer) -> list[str]:
    n = writer.numbers
    expected = [mapping(e) for e in sequence(call.get("expected"))]
    category = next((e.get("value") for e in expected if e.get("kind") == "category"), None)
    truth = writer.call_class(call.get("truth_class"))
    if call.get("after_callback"):
        truth = f"{truth} → {writer.call_class(call.get('after_callback'))}"
    total = call.get("total")
    head = (
        translate("DebriefReport", "Call %1 (%2): %3")
        .replace("%1", n.integer(number))
        .replace("%2", str(call.get("call_key")))
        .replace("%3", truth)
    )
    score_line = (
        translate("DebriefReport", "Not scored yet.")
        if total is None
        else translate("DebriefReport", "Rang at %1 · score %2 · %3")
        .replace("%1", writer.clock(call.get("rung_at")))
        .replace("%2", n.decimal(float(total)))
        .replace("%3", verdict(call.get("passed")))
    )
    parts: list[str] = [heading(head), paragraph(score_line)]

    dims = [mapping(d) for d in sequence(call.get("dimensions"))]
    if dims:
        rows: list[list[Cell]] = []
        missed: list[tuple[int, int]] = []
        for index, d in enumerate(dims):
            score = float(d.get("score") or 0.0)
            weight = float(d.get("weight") or 0.0)
            mark = PASSED_MARK if score >= 1.0 else MISSED_MARK
            if score < 1.0:
                missed.append((index, 1))
            rows.append(
                [
                    dimension_name(d.get("dimension")),
                    f"{mark}{NBSP}{n.percent(score, 0)}",
                    bar(score),
                    n.percent(weight, 0),
                    n.decimal(100 * weight * score),
                    _why(d, writer, category),
                ]
            )
        parts.append(
            table(
                translate("DebriefReport", "Score per dimension"),
                [
                    translate("DebriefReport", "Dimension"),
                    translate("DebriefReport", "Score"),
                    "",
                    translate("DebriefReport", "Weight"),
                    translate("DebriefReport", "Points"),
                    translate("DebriefReport", "Why"),
                ],
                rows,
                numeric=(1, 3, 4),
                widths=[22, 12, 14, 10, 10, 32],
                missed=missed,
            )
        )

    timeline: list[tuple[float, int, list[Cell]]] = []
    for order, action in enumerate(mapping(a) for a in sequence(call.get("actions"))):
        seconds = float(action.get("seconds") or 0.0)
        timeline.append((seconds, order, [n.limit(seconds), _action_words(action, writer, category), ""]))
    for order, item in enumerate(expected):
        by = item.get("by_seconds")
        if by is not None:
            timeline.append(
                (
                    float(by),
                    10_000 + order,
                    [n.seconds(float(by)), "", _expected_words(item, writer, category)],
                )
            )
    timeline.sort(key=lambda row: (row[0], row[1]))
    parts.append(
        table(
            translate("DebriefReport", "Timeline (seconds from the ring)"),
            [
                translate("DebriefReport", "Time"),
                translate("DebriefReport", "What the trainee did"),
                translate("DebriefReport", "Expected by then"),
            ],
            [row for _, _, row in timeline]
            or [[MISSING, translate("DebriefReport", "Nothing recorded."), ""]],
            numeric=(0,),
            widths=[14, 48, 38],
        )
    )
    untimed = [e for e in expected if e.get("by_seconds") is None]
    if untimed:
        parts.append(
            table(
                translate("DebriefReport", "What the truth asked for"),
                [translate("DebriefReport", "Expected")],
                [[_expected_words(e, writer, category)] for e in untimed],
            )
        )
    return parts


def _why(dimension: Mapping[str, Any], writer: Writer, category: object) -> str:
    """The reason in words, with what it was measured from (seconds, metres, what is missing)."""
    n = writer.numbers
    detail = mapping(dimension.get("detail"))
    words = reason_words(dimension.get("reason"))
    if dimension.get("reason") == "not_recorded":
        return words  # nothing recorded: the position and the kelurahan missing need no more words
    extra: list[str] = []
    if detail.get("seconds") is not None:
        extra.append(
            translate("DebriefReport", "%1 against %2")
            .replace("%1", n.limit(float(detail["seconds"])))
            .replace("%2", n.limit(float(detail.get("budget") or 0)))
        )
    if "metres" in detail:
        metres = detail.get("metres")
        extra.append(
            translate("DebriefReport", "no position recorded")
            if metres is None
            else translate("DebriefReport", "%1 m from the place").replace(
                "%1", n.integer(round(float(metres)))
            )
        )
    if detail.get("area_right") is False:
        # A kelurahan not recorded at all is not a wrong one.
        if detail.get("recorded_area"):
            extra.append(translate("DebriefReport", "wrong kelurahan"))
        else:
            extra.append(translate("DebriefReport", "no kelurahan recorded"))
    missing = [str(item) for item in sequence(detail.get("missing"))]
    if missing:
        name = dimension.get("dimension")
        shown = [
            question_text(m, category, writer.language) if name == "questions" else field_name(m)
            for m in missing
        ]
        extra.append(translate("DebriefReport", "missing: %1").replace("%1", "; ".join(shown)))
    if dimension.get("dimension") == "agencies":
        extra.append(
            translate("DebriefReport", "sent %1").replace(
                "%1",
                ", ".join(
                    f"{writer.agency(part.partition(':')[0])} {part.partition(':')[2]}"
                    for part in (str(p) for p in sequence(detail.get("sent")))
                ),
            )
        )
    return "; ".join([words, *extra])


def _history(history: list[Any], writer: Writer) -> Raw:
    caption = translate("DebriefReport", "Sessions so far")
    if not history:
        return nothing(caption, translate("DebriefReport", "No scored session yet."))
    n = writer.numbers
    rows: list[list[Cell]] = [
        [
            writer.when(h.get("started_at")),
            str(h.get("scenario_id") or MISSING),
            n.integer(int(h.get("calls") or 0)),
            n.decimal(h.get("mean_total")),
            n.percent(h.get("passed_share"), 0),
        ]
        for h in (mapping(item) for item in history)
    ]
    return table(
        caption,
        [
            translate("DebriefReport", "Started"),
            translate("DebriefReport", "Scenario"),
            translate("DebriefReport", "Calls"),
            translate("DebriefReport", "Mean score"),
            translate("DebriefReport", "Calls passed"),
        ],
        rows,
        numeric=(2, 3, 4),
        widths=[26, 34, 10, 15, 15],
    )
