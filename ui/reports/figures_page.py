"""The figures of a period (dispatch/domain/figures.py's ``Figures.to_json()``) as report sections.

:func:`sections` is shared: the figures report is these sections under a title, and the handover
report carries them as its last part. Every target is written as text (``✓ met`` / ``✗ not met``),
so the page reads the same in black and white; the service level's bars are black cells, not colours.
The forwarding to agencies has a table of its own (every agency, then each agency): figures of a
report made before forwarding existed have none, and the page has no such table then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.reports.common import Writer, class_order, mapping, parse_instant, sequence
from ui.reports.html import Raw, bar, bold, document, facts, heading, paragraph, table

translate = QCoreApplication.translate


def title() -> str:
    return translate("FiguresReport", "Call centre figures")


def render(data: Mapping[str, Any], writer: Writer) -> str:
    """The figures report: ``{"period": {...}, "figures": Figures.to_json(), "users": {...}}``, or the
    bare ``Figures.to_json()`` (then without a period)."""
    figures = mapping(data.get("figures")) if "figures" in data else data
    period = mapping(data.get("period"))
    span = writer.period(period.get("since"), period.get("until"))
    body: list[str] = [heading(title(), 1)]
    shift = mapping(period.get("shift"))
    if shift:
        named = (
            translate("FiguresReport", "%1 shift of %2")
            .replace("%1", writer.shift_name(shift.get("code")))
            .replace("%2", str(shift.get("day", "")))
        )
        span = f"{named} · {span}"
    if period:
        body.append(paragraph(span, "period"))
    body.extend(sections(figures, writer, mapping(data.get("users"))))
    footer_title = f"{title()} · {span}" if period else title()
    return document(footer_title, body)


def sections(
    figures: Mapping[str, Any], writer: Writer, users: Mapping[str, Any], with_classes: bool = True
) -> list[str]:
    """The figures' tables; ``users``: user id (as text) -> ``{"username", "full_name"}`` for the
    call-takers; ``with_classes`` False where the report counts the calls by class itself."""
    return [
        *_summary(figures, writer),
        *_times(figures, writer),
        *_targets(figures, writer),
        *(_classes(figures, writer) if with_classes else []),
        *_service_levels(figures, writer),
        *_call_takers(figures, writer, users),
        *_forwarding(figures, writer),
        paragraph(
            translate(
                "FiguresReport",
                "Percentiles are nearest-rank: p90 is the time within which 90 % of the calls were "
                "handled, always the time of a real call. A call belongs to the period in which it "
                "started ringing. Definitions and exclusions: docs/figures.md.",
            ),
            "note",
        ),
    ]


def _summary(figures: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    longest = mapping(figures.get("longest_ring"))
    if longest:
        outcome = (
            translate("FiguresReport", "answered")
            if longest.get("answered")
            else translate("FiguresReport", "abandoned")
        )
        longest_text = (
            translate("FiguresReport", "%1, ringing from %2 (%3)")
            .replace("%1", n.seconds(longest.get("seconds")))
            .replace("%2", writer.when(longest.get("ring_at")))
            .replace("%3", outcome)
        )
    else:
        longest_text = translate("FiguresReport", "no calls")
    return [
        facts(
            translate("FiguresReport", "Calls"),
            [
                (
                    translate("FiguresReport", "Calls offered (answered + abandoned)"),
                    n.integer(figures.get("offered")),
                ),
                (translate("FiguresReport", "Answered"), n.integer(figures.get("answered"))),
                (
                    translate("FiguresReport", "Abandoned (caller hung up before an answer)"),
                    translate("FiguresReport", "%1 (abandonment rate %2)")
                    .replace("%1", n.integer(figures.get("abandoned")))
                    .replace("%2", n.percent(figures.get("abandonment_rate"))),
                ),
                (
                    translate("FiguresReport", "Still ringing when the data was read (in no figure)"),
                    n.integer(figures.get("unresolved")),
                ),
                (translate("FiguresReport", "Longest ring"), longest_text),
            ],
            (45, 55),
        ),
    ]


def _measures(figures: Mapping[str, Any], writer: Writer) -> list[tuple[str, Mapping[str, Any]]]:
    """Each distribution of the figures with its name: answer, processing, then per agency."""
    named: list[tuple[str, Mapping[str, Any]]] = [
        (translate("FiguresReport", "Answer time"), mapping(figures.get("answer"))),
        (
            translate("FiguresReport", "Call processing (answer to first unit dispatched)"),
            mapping(figures.get("processing")),
        ),
    ]
    for agency in sequence(figures.get("agencies")):
        agency = mapping(agency)
        name = writer.agency(agency.get("agency"))
        named.extend(
            [
                (
                    translate("FiguresReport", "%1: turnout").replace("%1", name),
                    mapping(agency.get("turnout")),
                ),
                (translate("FiguresReport", "%1: travel").replace("%1", name), mapping(agency.get("travel"))),
                (
                    translate("FiguresReport", "%1: time on scene").replace("%1", name),
                    mapping(agency.get("on_scene")),
                ),
            ]
        )
    return named


def _times(figures: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    rows = [
        [
            name,
            n.integer(d.get("count", 0)),
            n.seconds(d.get("p50_s")),
            n.seconds(d.get("p90_s")),
            n.seconds(d.get("p95_s")),
            n.seconds(d.get("mean_s")),
            n.seconds(d.get("max_s")),
        ]
        for name, d in _measures(figures, writer)
    ]
    return [
        table(
            translate("FiguresReport", "Times"),
            [
                translate("FiguresReport", "Measure"),
                translate("FiguresReport", "Samples"),
                "p50",
                "p90",
                "p95",
                translate("FiguresReport", "Mean"),
                translate("FiguresReport", "Longest"),
            ],
            rows,
            numeric=range(1, 7),
            widths=[34, 10, 11, 11, 11, 11, 12],
        ),
    ]


def _targets(figures: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    rows: list[list[str]] = []
    missed: list[tuple[int, int]] = []
    for name, distribution in _measures(figures, writer):
        for target in sequence(distribution.get("targets")):
            target = mapping(target)
            met = target.get("met")
            if met is None:
                result = translate("FiguresReport", "– no samples")
            elif met:
                result = translate("FiguresReport", "✓ met")
            else:
                result = translate("FiguresReport", "✗ NOT MET")
                missed.append((len(rows), 4))
            rows.append(
                [
                    name,
                    translate("FiguresReport", "%1 within %2")
                    .replace("%1", n.target_percent(float(target.get("target_share", 0))))
                    .replace("%2", n.limit(float(target.get("within_s", 0)))),
                    translate("FiguresReport", "%1 of %2")
                    .replace("%1", n.integer(target.get("count_within")))
                    .replace("%2", n.integer(distribution.get("count", 0))),
                    n.percent(target.get("share")),
                    result,
                ]
            )
    if not rows:
        return []
    return [
        table(
            translate("FiguresReport", "Targets"),
            [
                translate("FiguresReport", "Measure"),
                translate("FiguresReport", "Target"),
                translate("FiguresReport", "Within"),
                translate("FiguresReport", "Share within"),
                translate("FiguresReport", "Result"),
            ],
            rows,
            numeric=(2, 3),
            widths=[30, 19, 15, 14, 22],
            missed=missed,
        ),
    ]


def _classes(figures: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    counts = sorted(
        (
            (mapping(c).get("call_class"), int(mapping(c).get("count", 0)))
            for c in sequence(figures.get("by_class"))
        ),
        key=lambda pair: class_order(pair[0]),
    )
    if not counts:
        return []
    total = sum(count for _, count in counts)
    rows = [
        [
            writer.call_class(code),
            n.integer(count),
            n.percent(count / total if total else None),
            bar(count / total if total else None),
        ]
        for code, count in counts
    ]
    rows.append(
        [translate("FiguresReport", "Total"), n.integer(total), n.percent(1.0 if total else None), Raw("")]
    )
    return [
        table(
            translate("FiguresReport", "Calls by class"),
            [
                translate("FiguresReport", "Class"),
                translate("FiguresReport", "Calls"),
                translate("FiguresReport", "Share"),
                "",
            ],
            rows,
            numeric=(1, 2),
            widths=[34, 14, 14, 38],
        ),
    ]


def _service_levels(figures: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    levels = [mapping(level) for level in sequence(figures.get("service_levels"))]
    if not levels:
        return []
    minutes = int(figures.get("interval_minutes", 15))
    limit = n.limit(float(figures.get("service_level_s", 15.0)))
    rows: list[Sequence[str]] = []
    for level in levels:
        start = parse_instant(level.get("start"))
        end = writer.clock(None if start is None else (start + timedelta(minutes=minutes)).isoformat())
        rows.append(
            [
                f"{writer.clock(level.get('start'))[:5]}–{end[:5]}",
                n.integer(level.get("offered")),
                n.integer(level.get("answered")),
                n.integer(level.get("abandoned")),
                n.integer(level.get("answered_within")),
                n.percent(level.get("service_level")),
                bar(level.get("service_level")),
            ]
        )
    return [
        table(
            translate("FiguresReport", "Service level per %1 minutes (answered within %2)")
            .replace("%1", str(minutes))
            .replace("%2", limit),
            [
                translate("FiguresReport", "Interval"),
                translate("FiguresReport", "Offered"),
                translate("FiguresReport", "Answered"),
                translate("FiguresReport", "Abandoned"),
                translate("FiguresReport", "Within %1").replace("%1", limit),
                translate("FiguresReport", "Service level"),
                "",
            ],
            rows,
            numeric=range(1, 6),
            widths=[14, 12, 12, 13, 12, 13, 24],
        ),
    ]


def _call_takers(figures: Mapping[str, Any], writer: Writer, users: Mapping[str, Any]) -> list[str]:
    n = writer.numbers
    takers = [mapping(t) for t in sequence(figures.get("call_takers"))]
    if not takers:
        return []
    rows = []
    for taker in takers:
        answer = mapping(taker.get("answer"))
        processing = mapping(taker.get("processing"))
        first_target = mapping(next(iter(sequence(answer.get("targets"))), {}))
        user = users.get(str(taker.get("user_id")))
        name = (
            str(mapping(user).get("full_name") or mapping(user).get("username"))
            if isinstance(user, Mapping)
            else str(user or f"#{taker.get('user_id')}")
        )
        rows.append(
            [
                name,
                n.integer(taker.get("answered")),
                n.seconds(answer.get("p50_s")),
                n.seconds(answer.get("p90_s")),
                n.percent(first_target.get("share")),
                n.integer(processing.get("count", 0)),
                n.seconds(processing.get("p90_s")),
            ]
        )
    answer_limit = mapping(next(iter(sequence(mapping(figures.get("answer")).get("targets"))), {}))
    within = (
        translate("FiguresReport", "Within %1").replace("%1", n.limit(float(answer_limit.get("within_s", 0))))
        if answer_limit
        else translate("FiguresReport", "Share within")
    )
    return [
        table(
            translate("FiguresReport", "Per call-taker"),
            [
                translate("FiguresReport", "Call-taker"),
                translate("FiguresReport", "Answered"),
                translate("FiguresReport", "Answer p50"),
                translate("FiguresReport", "Answer p90"),
                within,
                translate("FiguresReport", "Incidents"),
                translate("FiguresReport", "Processing p90"),
            ],
            rows,
            numeric=range(1, 7),
            widths=[25, 12, 12, 12, 12, 12, 15],
        ),
    ]


def _forwarding(figures: Mapping[str, Any], writer: Writer) -> list[str]:
    """Forwarding to agencies: per agency (every agency first) answer to forwarding, forwarding to
    acknowledgement and to arrival reported, with the median, p90 and how many never had them."""
    n = writer.numbers
    agencies = [mapping(agency) for agency in sequence(figures.get("forwarding"))]
    if not agencies:
        return []
    rows: list[list[str]] = []
    for agency in agencies:
        if agency.get("agency_id") is None:
            name = translate("FiguresReport", "All agencies")
        else:
            name = str(agency.get("agency_name") or "")
        counted = (
            translate("FiguresReport", "forwardings: %1, cancelled: %2")
            .replace("%1", n.integer(agency.get("forwardings", 0)))
            .replace("%2", n.integer(agency.get("cancelled", 0)))
        )
        # The agency's name beside its first measure, its counts beside the second.
        who = (bold(name), counted, "")
        measures = (
            (translate("FiguresReport", "Answer to forwarding"), "to_forwarding", None),
            (translate("FiguresReport", "To acknowledgement"), "to_acknowledgement", "never_acknowledged"),
            (translate("FiguresReport", "To arrival reported"), "to_arrival", "never_arrived"),
        )
        for index, (measure, key, never) in enumerate(measures):
            found = mapping(agency.get(key))
            rows.append(
                [
                    who[index],
                    measure,
                    n.integer(found.get("count", 0)),
                    n.seconds(found.get("p50_s")),
                    n.seconds(found.get("p90_s")),
                    n.integer(agency.get(never, 0)) if never else "",
                ]
            )
    return [
        table(
            translate("FiguresReport", "Forwarding to agencies"),
            [
                translate("FiguresReport", "Agency"),
                translate("FiguresReport", "Measure"),
                translate("FiguresReport", "Samples"),
                translate("FiguresReport", "Median"),
                "p90",
                translate("FiguresReport", "Never"),
            ],
            rows,
            numeric=range(2, 6),
            widths=[30, 26, 10, 12, 12, 10],
        ),
        paragraph(
            translate(
                "FiguresReport",
                "Forwardings of the incidents opened in the period. Answer to forwarding: from the "
                "incident's creation to the agency's first forwarding of it (one sample per incident "
                "and agency). To acknowledgement and to arrival reported: from the forwarding. Never: "
                "no acknowledgement or arrival recorded by the time the figures were read; cancelled "
                "forwardings are not counted there.",
            ),
            "note",
        ),
    ]
