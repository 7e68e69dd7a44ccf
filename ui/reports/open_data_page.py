"""The open-data export (dispatch/reports/open_data.py) as a document, for the PPID to read before it
publishes: the metadata's own words in the reader's language, the suppression rule, and every row of
the CSV (a suppressed count is written as such, never as 0).

The data is ``{"format", "columns", "rows": [{column: cell}], "metadata"}``
(``ui.report_command.open_data_document``): the CSV's rows keyed by its column names. The page reads
each cell by its column's place in ``columns`` (month, unit, call class, category, kecamatan code,
kecamatan, kabupaten/kota, count, suppressed: ``dispatch.reports.open_data.COLUMNS``), so a column
renamed in the published file does not blank the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.reports.common import Writer, mapping, sequence
from ui.reports.html import Cell, boxed, document, facts, heading, paragraph, table
from ui.reports.monthly_page import month_words
from ui.reports.numbers import MISSING

translate = QCoreApplication.translate

CALLS = "panggilan"
INCIDENTS = "kejadian"
#: The cells of a row in the order of the CSV's columns.
FIELDS = (
    "month",
    "unit",
    "call_class",
    "category",
    "kecamatan",
    "kecamatan_name",
    "regency_name",
    "count",
    "suppressed",
)


def _by_place(columns: list[Any], row: Mapping[str, Any]) -> dict[str, Any]:
    return {field: row.get(str(name)) for field, name in zip(FIELDS, columns, strict=False)}


def title() -> str:
    return translate("OpenDataReport", "Open data: 112 calls and incidents per month")


def _own_words(value: Any, language: str) -> str:
    """The metadata's text in ``language`` (it holds Indonesian and English)."""
    if isinstance(value, Mapping):
        return str(value.get(language) or value.get("id") or value.get("en") or "")
    return str(value or "")


def render(data: Mapping[str, Any], writer: Writer) -> str:
    meta = mapping(data.get("metadata"))
    period = mapping(meta.get("period"))
    span = (
        month_words(period.get("from"))
        if period.get("from") == period.get("to")
        else translate("OpenDataReport", "%1 to %2")
        .replace("%1", month_words(period.get("from")))
        .replace("%2", month_words(period.get("to")))
    )
    columns = sequence(data.get("columns"))
    rows = [_by_place(columns, mapping(r)) for r in sequence(data.get("rows"))]
    suppression = mapping(meta.get("suppression"))
    body: list[str] = [
        heading(title(), 1),
        paragraph(f"{span} · {period.get('time_zone', '')}", "period"),
        paragraph(_own_words(meta.get("description"), writer.language)),
        facts(
            translate("OpenDataReport", "About the data"),
            [
                (translate("OpenDataReport", "Title"), _own_words(meta.get("title"), writer.language)),
                (translate("OpenDataReport", "Publisher"), str(meta.get("publisher") or MISSING)),
                (translate("OpenDataReport", "Contact"), str(meta.get("contact") or MISSING)),
                (
                    translate("OpenDataReport", "Licence"),
                    str(mapping(meta.get("licence")).get("id") or MISSING),
                ),
                (translate("OpenDataReport", "Rows"), writer.numbers.integer(len(rows))),
                (
                    translate("OpenDataReport", "Suppressed counts"),
                    writer.numbers.integer(sum(1 for r in rows if str(r.get("suppressed")) == "1")),
                ),
            ],
        ),
        boxed(
            translate("OpenDataReport", "Small counts suppressed"),
            paragraph(_own_words(suppression.get("rule"), writer.language)),
        ),
        *_calls(rows, writer),
        *_incidents(rows, writer),
    ]
    return document(f"{title()} · {span}", body)


def _count(row: Mapping[str, Any], writer: Writer) -> str:
    if str(row.get("suppressed")) == "1":
        return translate("OpenDataReport", "suppressed")
    text = str(row.get("count") or "")
    return writer.numbers.integer(int(text)) if text.isdigit() else text or MISSING


def _calls(rows: Sequence[Mapping[str, Any]], writer: Writer) -> list[str]:
    calls = [r for r in rows if r.get("unit") == CALLS]
    if not calls:
        return []
    table_rows: list[list[Cell]] = [
        [
            month_words(r.get("month")),
            writer.call_class(None if r.get("call_class") == "unclassified" else r.get("call_class")),
            _count(r, writer),
        ]
        for r in calls
    ]
    return [
        table(
            translate("OpenDataReport", "Calls by month and class"),
            [
                translate("OpenDataReport", "Month"),
                translate("OpenDataReport", "Class"),
                translate("OpenDataReport", "Calls"),
            ],
            table_rows,
            numeric=(2,),
            widths=[25, 50, 25],
        )
    ]


def _incidents(rows: Sequence[Mapping[str, Any]], writer: Writer) -> list[str]:
    incidents = [r for r in rows if r.get("unit") == INCIDENTS]
    if not incidents:
        return []
    table_rows: list[list[Cell]] = [
        [
            month_words(r.get("month")),
            writer.category(r.get("category")),
            str(r.get("kecamatan") or MISSING),
            str(r.get("kecamatan_name") or translate("OpenDataReport", "not given")),
            str(r.get("regency_name") or MISSING),
            _count(r, writer),
        ]
        for r in incidents
    ]
    return [
        table(
            translate("OpenDataReport", "Incidents by month, category and kecamatan"),
            [
                translate("OpenDataReport", "Month"),
                translate("OpenDataReport", "Category"),
                translate("OpenDataReport", "Code"),
                translate("OpenDataReport", "Kecamatan"),
                translate("OpenDataReport", "Kabupaten / kota"),
                translate("OpenDataReport", "Incidents"),
            ],
            table_rows,
            numeric=(5,),
            widths=[17, 25, 11, 17, 17, 13],
        )
    ]
