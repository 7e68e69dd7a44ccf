"""Reports as files without Qt: each kind's document, JSON through ``canonical_json``, and CSV.

A *document* is the data a report file holds, as plain JSON values (``canonical``): the same database
gives the same document, so the same bytes, run after run (a closed shift's handover, a past month).

* figures: ``{"format": "dispatch-figures/1", "period": {...}, "figures": Figures.to_json(),
  "users": {"<id>": {"username", "full_name"}}}`` (``figures_document``);
* handover: ``{"format": "dispatch-handover-export/1", "state": "draft" | "signed" | "acknowledged",
  "content": ..., "signature": ... | None, "addenda": [...]}``; a signed report's content is the one
  frozen at signing, a draft's is assembled now (``handover_document``);
* monthly: ``MonthlyData.to_json()`` (``monthly_document``);
* open-data: the rows and metadata of ``dispatch.reports.open_data`` (its CSV is its own writer's).

CSV (``write_csv``) is one row per value: ``section,item,field,value``, where ``section`` is a part
of the report (``answer``, ``open_incidents``, ``staff``...), ``item`` names one entry of a list (an
incident's number, a unit's call sign, a call class, an interval's start; else its place, from 1),
``field`` is the value's name (dotted inside nested parts) and ``value`` is written as in JSON: codes,
ISO 8601 times, a decimal point, ``true``/``false``, empty for none. An optional last column,
``label``, describes the row in the reader's language (the caller words it; this layer has no words).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy import select

from dispatch.domain.figures import FigureSettings
from dispatch.reports.figures_data import period_figures
from dispatch.reports.handover import assemble_handover, canonical, iso
from dispatch.reports.monthly import monthly_rollup, zone_name
from dispatch.services.context import ServiceContext
from dispatch.services.handover import signed_handover
from dispatch.services.shifts import ShiftSnapshot
from dispatch.services.uow import reading
from dispatch.store.tables import User

FIGURES_FORMAT = "dispatch-figures/1"
HANDOVER_FORMAT = "dispatch-handover-export/1"
CSV_COLUMNS = ("section", "item", "field", "value")
LABEL_COLUMN = "label"

#: A list entry is named by the first of these fields it has (else by its place in the list).
ITEM_KEYS = (
    "callback_id",
    "flag_id",
    "alert_id",
    "outage_id",
    "number",
    "call_sign",
    "call_class",
    "agency",
    "category",
    "code",
    "start",
    "day",
    "month",
    "username",
    "user_id",
    "id",
)

Row = tuple[str, str, str, str]


# --- documents -------------------------------------------------------------------------------------


def shift_json(shift: ShiftSnapshot) -> dict[str, Any]:
    """The shift a figures report covers, as its period names it."""
    return {
        "shift_id": shift.id,
        "code": shift.code,
        "day": shift.day.isoformat(),
        "opened_at": iso(shift.opened_at),
        "closed_at": None if shift.closed_at is None else iso(shift.closed_at),
    }


def figures_document(
    ctx: ServiceContext,
    since: datetime,
    until: datetime,
    zone: tzinfo,
    *,
    shift: ShiftSnapshot | None = None,
    settings: FigureSettings | None = None,
) -> dict[str, Any]:
    """The figures of [since, until), their quarter-hours in ``zone``, with the call-takers' names."""
    figures = period_figures(ctx, since.astimezone(zone), until.astimezone(zone), settings).to_json()
    ids = sorted({taker["user_id"] for taker in figures["call_takers"]})
    users: dict[str, dict[str, str]] = {}
    if ids:
        with reading(ctx) as session:
            for user_id, username, full_name in session.execute(
                select(User.id, User.username, User.full_name).where(User.id.in_(ids))
            ):
                users[str(user_id)] = {"username": username, "full_name": full_name}
    document: dict[str, Any] = canonical(
        {
            "format": FIGURES_FORMAT,
            "period": {
                "since": iso(since),
                "until": iso(until),
                "zone": zone_name(zone),
                "shift": None if shift is None else shift_json(shift),
            },
            "figures": figures,
            "users": users,
        }
    )
    return document


def handover_document(
    ctx: ServiceContext, shift_id: int, settings: FigureSettings | None = None
) -> dict[str, Any]:
    """The shift's handover report: as signed when it is (frozen content, signature, addenda), else
    the draft assembled now (``NO_SUCH_SHIFT`` for an unknown shift)."""
    signed = signed_handover(ctx, shift_id)
    if signed is None:
        draft: dict[str, Any] = canonical(
            {
                "format": HANDOVER_FORMAT,
                "state": "draft",
                "content": assemble_handover(ctx, shift_id, settings).to_json(),
                "signature": None,
                "addenda": [],
            }
        )
        return draft
    document: dict[str, Any] = canonical(
        {
            "format": HANDOVER_FORMAT,
            "state": "acknowledged" if signed.acknowledged else "signed",
            "content": signed.content,
            "signature": {
                "report_id": signed.report_id,
                "content_sha256": signed.content_sha256,
                "signed_at": signed.signed_at,
                "signed_by": signed.signed_by,
                "acknowledged_at": signed.acknowledged_at,
                "acknowledged_by": signed.acknowledged_by,
            },
            "addenda": [
                {"id": a.id, "at": a.at, "user_name": a.user_name, "text": a.text} for a in signed.addenda
            ],
        }
    )
    return document


def monthly_document(
    ctx: ServiceContext, year: int, month: int, zone: tzinfo, settings: FigureSettings | None = None
) -> dict[str, Any]:
    document: dict[str, Any] = canonical(monthly_rollup(ctx, year, month, zone, settings).to_json())
    return document


# --- CSV -------------------------------------------------------------------------------------------


def value_text(value: Any) -> str:
    """A value as the CSV writes it: as JSON does, without quotes; empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _item_name(entry: Any, place: int) -> str:
    if isinstance(entry, Mapping):
        for key in ITEM_KEYS:
            value = entry.get(key)
            if value is not None and value != "" and not isinstance(value, Mapping | list):
                return value_text(value)
    return str(place)


def _fields(value: Any, prefix: str) -> Iterator[tuple[str, str]]:
    """(dotted field name, value text) of every scalar under ``value``."""
    if isinstance(value, Mapping):
        if not value and prefix:
            yield prefix, ""
        for key, item in value.items():
            yield from _fields(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        if not value and prefix:
            yield prefix, ""
        for place, item in enumerate(value, start=1):
            yield from _fields(item, f"{prefix}.{place}" if prefix else str(place))
    else:
        yield prefix, value_text(value)


def rows_of(document: Mapping[str, Any], sections: Sequence[str] = ()) -> list[Row]:
    """The document as (section, item, field, value) rows, in the document's order.

    ``sections``: keys whose own keys are sections (``content`` of a handover, ``figures``): the rows
    say ``answer``, not ``figures``, and a handover's parts are sections of their own.
    """
    rows: list[Row] = []

    def add(section: str, value: Any) -> None:
        if isinstance(value, list):
            if not value:
                rows.append((section, "", "", ""))
            for place, entry in enumerate(value, start=1):
                item = _item_name(entry, place)
                for field, text in _fields(entry, ""):
                    rows.append((section, item, field, text))
        elif isinstance(value, Mapping):
            if not value:
                rows.append((section, "", "", ""))
            for field, text in _fields(value, ""):
                rows.append((section, "", field, text))
        else:
            rows.append((section, "", "", value_text(value)))

    for key, value in document.items():
        if key in sections and isinstance(value, Mapping):
            for inner, part in value.items():
                if inner in sections and isinstance(part, Mapping):
                    for deeper, piece in part.items():
                        add(f"{inner}.{deeper}", piece)
                else:
                    add(str(inner), part)
        else:
            add(str(key), value)
    return rows


#: Keys whose parts are the CSV's sections, per kind.
CSV_SECTIONS = {
    "figures": ("figures",),
    "handover": ("content", "figures"),
    "monthly": ("figures",),
}


def csv_text(rows: Sequence[Row], label: Callable[[Row], str] | None = None) -> str:
    """RFC 4180: a header row, quotes where needed, CRLF line ends; ``label`` adds the last column."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow((*CSV_COLUMNS, LABEL_COLUMN) if label else CSV_COLUMNS)
    for row in rows:
        writer.writerow((*row, label(row)) if label else row)
    return out.getvalue()


def report_csv(kind: str, document: Mapping[str, Any], label: Callable[[Row], str] | None = None) -> str:
    """The CSV of a figures, handover or monthly document (open data has its own writer).

    A handover's document may also be its content with a ``signature`` beside it (the window's form).
    """
    if kind not in CSV_SECTIONS:
        raise ValueError(f"no CSV form for {kind!r} here; open data: dispatch.reports.open_data")
    return csv_text(rows_of(document, CSV_SECTIONS[kind]), label)
