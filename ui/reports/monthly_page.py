"""The monthly roll-up for the regional government (dispatch/reports/monthly.py's ``MonthlyData``).

This month beside the previous month and the same month a year before (where the database holds
them), incidents by category and by kecamatan, the figures against their targets, and every day of the
month. The per-call-taker figures are not in it (a shift matter, not the government's).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.reports import figures_page
from ui.reports.common import Writer, class_order, mapping, sequence
from ui.reports.html import Cell, Raw, bar, bold, document, heading, nothing, paragraph, table
from ui.reports.numbers import MISSING

translate = QCoreApplication.translate

UNCLASSIFIED = "unclassified"


def title() -> str:
    return translate("MonthlyReport", "Monthly report of the 112 call centre")


def month_name(month: int) -> str:
    return [
        translate("MonthlyReport", "January"),
        translate("MonthlyReport", "February"),
        translate("MonthlyReport", "March"),
        translate("MonthlyReport", "April"),
        translate("MonthlyReport", "May"),
        translate("MonthlyReport", "June"),
        translate("MonthlyReport", "July"),
        translate("MonthlyReport", "August"),
        translate("MonthlyReport", "September"),
        translate("MonthlyReport", "October"),
        translate("MonthlyReport", "November"),
        translate("MonthlyReport", "December"),
    ][month - 1]


def month_words(label: object) -> str:
    """``2026-11`` -> ``November 2026``; anything else as it is."""
    text = str(label or "")
    year, _, month = text.partition("-")
    if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
        return f"{month_name(int(month))} {year}"
    return text or MISSING


def render(data: Mapping[str, Any], writer: Writer) -> str:
    month = month_words(data.get("month"))
    span = writer.period(data.get("since"), data.get("until"))
    body: list[str] = [
        heading(title(), 1),
        paragraph(f"{month} · {span}", "period"),
        *_comparison(data, writer),
        *_categories(data, writer),
        *_kecamatan(data, writer),
        heading(translate("MonthlyReport", "Figures of the month"), new_page=True),
        *figures_page.sections(mapping(data.get("figures")), writer, {}, with_classes=False),
        *_daily(data, writer),
    ]
    return document(f"{title()} · {month}", body)


def _class_counts(summary: Mapping[str, Any]) -> dict[str, int]:
    return {
        str(mapping(c).get("call_class")): int(mapping(c).get("count", 0))
        for c in sequence(summary.get("by_class"))
    }


def _comparison(data: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    summaries = [
        mapping(data.get("summary")),
        mapping(data.get("previous_month")),
        mapping(data.get("year_before")),
    ]
    counts = [_class_counts(s) for s in summaries]
    codes = sorted({code for c in counts for code in c}, key=class_order)

    def cell(index: int, value: Any) -> str:
        return n.integer(value) if summaries[index] else translate("MonthlyReport", "no data")

    rows: list[list[Cell]] = [
        [
            bold(translate("MonthlyReport", "All calls")),
            *(bold(cell(i, s.get("calls"))) for i, s in enumerate(summaries)),
        ]
    ]
    for code in codes:
        name = writer.call_class(None if code == UNCLASSIFIED else code)
        rows.append([name, *(cell(i, counts[i].get(code, 0)) for i in range(3))])
    rows.append(
        [
            translate("MonthlyReport", "Prank and silent calls (share of all calls)"),
            *(
                translate("MonthlyReport", "%1 (%2)")
                .replace("%1", n.integer(s.get("prank_or_silent")))
                .replace("%2", n.percent(s.get("prank_or_silent_share")))
                if s
                else translate("MonthlyReport", "no data")
                for s in summaries
            ),
        ]
    )
    rows.append(
        [
            bold(translate("MonthlyReport", "Incidents")),
            *(bold(cell(i, s.get("incidents"))) for i, s in enumerate(summaries)),
        ]
    )
    rows.append(
        [
            translate("MonthlyReport", "Withdrawn (opened at answer, not an emergency)"),
            *(cell(i, s.get("withdrawn")) for i, s in enumerate(summaries)),
        ]
    )
    return [
        table(
            translate("MonthlyReport", "Calls and incidents"),
            [
                "",
                month_words(summaries[0].get("month") or data.get("month")),
                month_words(summaries[1].get("month"))
                if summaries[1]
                else translate("MonthlyReport", "Previous month"),
                month_words(summaries[2].get("month"))
                if summaries[2]
                else translate("MonthlyReport", "A year before"),
            ],
            rows,
            numeric=(1, 2, 3),
            widths=[43, 19, 19, 19],
        )
    ]


def _categories(data: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    rows = [mapping(r) for r in sequence(data.get("by_category"))]
    caption = translate("MonthlyReport", "Incidents by category")
    if not rows:
        return [nothing(caption, translate("MonthlyReport", "No incidents in the month."))]
    total = sum(int(r.get("count", 0)) for r in rows)
    return [
        table(
            caption,
            [
                translate("MonthlyReport", "Category"),
                translate("MonthlyReport", "Incidents"),
                translate("MonthlyReport", "Share"),
                "",
            ],
            [
                [
                    writer.category(r.get("category")),
                    n.integer(r.get("count")),
                    n.percent(int(r.get("count", 0)) / total if total else None),
                    bar(int(r.get("count", 0)) / total if total else None),
                ]
                for r in rows
            ],
            numeric=(1, 2),
            widths=[40, 14, 14, 32],
        )
    ]


def _kecamatan(data: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    rows = [mapping(r) for r in sequence(data.get("by_kecamatan"))]
    if not rows:
        return []
    total = sum(int(r.get("count", 0)) for r in rows)
    return [
        table(
            translate("MonthlyReport", "Incidents by kecamatan"),
            [
                translate("MonthlyReport", "Code"),
                translate("MonthlyReport", "Kecamatan"),
                translate("MonthlyReport", "Kabupaten / kota"),
                translate("MonthlyReport", "Incidents"),
                translate("MonthlyReport", "Share"),
            ],
            [
                [
                    str(r.get("code") or MISSING),
                    str(r.get("name") or translate("MonthlyReport", "No area given")),
                    str(r.get("regency") or MISSING),
                    n.integer(r.get("count")),
                    n.percent(int(r.get("count", 0)) / total if total else None),
                ]
                for r in rows
            ],
            numeric=(3, 4),
            widths=[14, 30, 28, 14, 14],
        )
    ]


def _daily(data: Mapping[str, Any], writer: Writer) -> list[str]:
    n = writer.numbers
    days = [mapping(d) for d in sequence(data.get("daily"))]
    if not days:
        return []
    limit = n.limit(float(mapping(data.get("figures")).get("service_level_s", 15.0)))
    rows: list[list[Cell]] = []
    for day in days:
        classes = _class_counts(day)
        rows.append(
            [
                str(day.get("day", "")),
                n.integer(day.get("calls")),
                n.integer(classes.get("emergency", 0)),
                n.integer(classes.get("prank", 0) + classes.get("silent", 0)),
                n.integer(day.get("abandoned")),
                n.integer(day.get("incidents")),
                n.percent(day.get("service_level")),
                bar(day.get("service_level")) if day.get("service_level") is not None else Raw(""),
            ]
        )
    return [
        table(
            translate("MonthlyReport", "Day by day (service level: answered within %1)").replace("%1", limit),
            [
                translate("MonthlyReport", "Day"),
                translate("MonthlyReport", "Calls"),
                translate("MonthlyReport", "Emergency"),
                translate("MonthlyReport", "Prank, silent"),
                translate("MonthlyReport", "Abandoned"),
                translate("MonthlyReport", "Incidents"),
                translate("MonthlyReport", "Service level"),
                "",
            ],
            rows,
            numeric=range(1, 7),
            widths=[14, 9, 13, 12, 13, 12, 12, 15],
        )
    ]
