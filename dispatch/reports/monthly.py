"""The monthly roll-up for the regional government: a calendar month of the centre, counted.

A month is the centre's local month: from the first local midnight of the month to the first local
midnight of the next (``month_bounds``), in the zone the caller names (WIB, WITA or WIT). What is in it:

* **calls** that started ringing in the month, by class (emergency, information, prank, silent,
  abandoned, duplicate, wrong number; ``unclassified`` for a call still ringing), and the share of
  prank and silent ("ghost") calls that Semarang reports;
* **incidents** opened in the month, by category and by kecamatan. The incidents the console opened at
  answer and cancelled because the call turned out not to be one (disposition ``non_emergency``, or
  ``duplicate`` when the call was attached to another incident) are not incidents: they are counted
  once, as ``withdrawn``, and their calls are in the class they were given;
* **figures** against the targets (answer time, call processing, unit intervals:
  ``dispatch.reports.figures_data.period_figures``), without the per-call-taker figures (a shift
  matter, not the government's) and with the service level per local day instead of per 15 minutes;
* **trends**: every day of the month, and the previous month and the same month a year before when
  the database holds calls or incidents in them.

Everything is counted in SQL (GROUP BY over the indexed ``calls.ring_at`` and ``incidents.created_at``);
only the figures read the month's calls one by one, because percentiles need every value.

The kecamatan of an incident is the first three parts of its Kemendagri code (``incidents.area_code``,
``33.74.04.1001`` -> ``33.74.04``), named from the area table the console ships; an incident without a
code at kecamatan level or below is counted under the empty code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, not_, select
from sqlalchemy.orm import Session

from dispatch.domain.areas import AreaIndex, area_index
from dispatch.domain.enums import CallClass, Disposition, IncidentStatus
from dispatch.domain.figures import ClassCount, Figures, FigureSettings
from dispatch.domain.shifts import local_instant
from dispatch.reports.figures_data import period_figures
from dispatch.services.context import ServiceContext
from dispatch.services.uow import reading
from dispatch.store.tables import Call, Incident

#: The class of a call not yet classified (still ringing when the data was read).
UNCLASSIFIED = "unclassified"
#: Every class in the order reports list them, zeros included.
CLASS_ORDER: tuple[str, ...] = (*(c.value for c in CallClass), UNCLASSIFIED)
#: Semarang's "prank or ghost" calls.
PRANK_OR_SILENT = (CallClass.PRANK.value, CallClass.SILENT.value)
#: Dispositions the console gives an incident it opened at answer and withdrew (not an incident).
WITHDRAWN_DISPOSITIONS = (Disposition.NON_EMERGENCY.value, Disposition.DUPLICATE.value)
#: Length of a kecamatan code in the Kemendagri layout ("33.74.04").
KECAMATAN_CODE_LENGTH = 8

_MONTH = re.compile(r"(\d{4})-(\d{2})")


# --- months ----------------------------------------------------------------------------------------


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-11"`` -> ``(2026, 11)``; ValueError for anything else (the command line's ``--month``)."""
    found = _MONTH.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"not a month (YYYY-MM): {text!r}")
    year, month = int(found.group(1)), int(found.group(2))
    if not 1 <= month <= 12 or year < 1:
        raise ValueError(f"not a month (YYYY-MM): {text!r}")
    return year, month


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The month ``by`` months after (or before, negative) ``year``-``month``."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def month_label(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_bounds(year: int, month: int, zone: tzinfo) -> tuple[datetime, datetime]:
    """[first local midnight of the month, first local midnight of the next month), in UTC."""
    following = shift_month(year, month, 1)
    return local_midnight(date(year, month, 1), zone), local_midnight(date(*following, 1), zone)


def local_midnight(day: date, zone: tzinfo) -> datetime:
    """The UTC instant ``day`` begins in ``zone`` (the jump, where a clock change skips midnight)."""
    return local_instant(day, time(0), zone)


def zone_name(zone: tzinfo) -> str:
    """``Asia/Jakarta`` for a zoneinfo zone, else what the zone calls itself (``UTC+07:00``)."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else str(zone)


# --- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryCount:
    #: The catalogue code (``incidents.category``); "" for an incident never given a category.
    category: str
    count: int


@dataclass(frozen=True)
class KecamatanCount:
    #: Kemendagri kecamatan code ("33.74.04"); "" when the incident has no code at that level.
    code: str
    #: From the shipped area table; "" for the empty code or a code the table does not hold.
    name: str
    regency: str
    count: int


@dataclass(frozen=True)
class DayTrend:
    """One local day of the month."""

    day: str  # ISO date
    calls: int
    by_class: tuple[ClassCount, ...]  # every class of CLASS_ORDER, zeros included
    incidents: int
    #: From the figures' service level (calls answered within ``service_level_s``), per day.
    offered: int
    answered: int
    abandoned: int
    answered_within: int
    service_level: float | None


@dataclass(frozen=True)
class MonthSummary:
    """The counts of a month, for comparison (no figures: those are this month's only)."""

    month: str  # "YYYY-MM"
    calls: int
    by_class: tuple[ClassCount, ...]
    prank_or_silent: int
    prank_or_silent_share: float | None
    incidents: int
    withdrawn: int


@dataclass(frozen=True)
class MonthlyData:
    month: str  # "YYYY-MM"
    zone: str
    #: The month in UTC, ISO 8601: [since, until).
    since: str
    until: str
    summary: MonthSummary
    by_category: tuple[CategoryCount, ...]  # most first, then by code; the empty code last
    by_kecamatan: tuple[KecamatanCount, ...]  # most first, then by code; the empty code last
    figures: Figures
    daily: tuple[DayTrend, ...]
    previous_month: MonthSummary | None
    year_before: MonthSummary | None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types (dicts, lists, strings, numbers, None) in a fixed order."""
        plain = plain_json(asdict(self))
        assert isinstance(plain, dict)
        return plain


def plain_json(value: Any) -> Any:
    """``value`` with every tuple made a list (``asdict`` keeps tuples), so it equals its JSON round trip."""
    if isinstance(value, dict):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(item) for item in value]
    return value


# --- reading ---------------------------------------------------------------------------------------


def monthly_rollup(
    ctx: ServiceContext,
    year: int,
    month: int,
    zone: tzinfo,
    settings: FigureSettings | None = None,
    areas: AreaIndex | None = None,
) -> MonthlyData:
    """The roll-up of ``year``-``month`` in ``zone``; ``areas`` defaults to the shipped table."""
    since, until = month_bounds(year, month, zone)
    days = _days(year, month, zone)
    with reading(ctx) as session:
        summary = _summary(session, year, month, zone)
        by_category = _incidents_by(session, since, until, incident_category())
        by_code = _incidents_by(session, since, until, kecamatan_code())
        daily_calls = _daily_calls(session, days)
        daily_incidents = _daily_incidents(session, days)
        previous = _summary_if_any(session, *shift_month(year, month, -1), zone)
        year_before = _summary_if_any(session, *shift_month(year, month, -12), zone)
    # In the local zone: the figures' quarter-hours and longest ring read in the centre's time.
    figures = period_figures(ctx, since.astimezone(zone), until.astimezone(zone), settings)
    index = areas if areas is not None else area_index()
    kecamatan = []
    for code, count in by_code:
        found = index.get(code) if code else None
        kecamatan.append(
            KecamatanCount(
                code=code,
                name=found.district if found is not None else "",
                regency=found.regency if found is not None else "",
                count=count,
            )
        )
    levels = _daily_levels(figures, days, zone)
    daily = []
    for i, day_start in enumerate(days[:-1]):
        classes = daily_calls.get(i, {})
        offered, answered, abandoned, within = levels.get(i, (0, 0, 0, 0))
        daily.append(
            DayTrend(
                day=day_start.astimezone(zone).date().isoformat(),
                calls=sum(classes.values()),
                by_class=_class_counts(classes),
                incidents=daily_incidents.get(i, 0),
                offered=offered,
                answered=answered,
                abandoned=abandoned,
                answered_within=within,
                service_level=within / answered if answered else None,
            )
        )
    return MonthlyData(
        month=month_label(year, month),
        zone=zone_name(zone),
        since=since.isoformat(),
        until=until.isoformat(),
        summary=summary,
        by_category=tuple(CategoryCount(code, count) for code, count in by_category),
        by_kecamatan=tuple(kecamatan),
        # Per call-taker figures stay in the shift reports; per 15 minutes is too fine for a month.
        figures=replace(figures, call_takers=(), service_levels=()),
        daily=tuple(daily),
        previous_month=previous,
        year_before=year_before,
    )


def _days(year: int, month: int, zone: tzinfo) -> list[datetime]:
    """The UTC instants of every local midnight of the month and the first of the next month."""
    first = date(year, month, 1)
    end = date(*shift_month(year, month, 1), 1)
    return [local_midnight(first + timedelta(days=n), zone) for n in range((end - first).days + 1)]


def _class_counts(counts: dict[str, int]) -> tuple[ClassCount, ...]:
    return tuple(ClassCount(name, counts.get(name, 0)) for name in CLASS_ORDER)


def _withdrawn() -> ColumnElement[bool]:
    return and_(
        Incident.status == IncidentStatus.CANCELLED.value,
        func.coalesce(Incident.disposition, "").in_(WITHDRAWN_DISPOSITIONS),
    )


def kecamatan_code() -> ColumnElement[str]:
    """An incident's kecamatan code in SQL: the first three parts of ``area_code``, "" without one."""
    return case(
        (
            func.length(Incident.area_code) >= KECAMATAN_CODE_LENGTH,
            func.substr(Incident.area_code, 1, KECAMATAN_CODE_LENGTH),
        ),
        else_="",
    )


def incident_category() -> ColumnElement[str]:
    """An incident's category code in SQL, "" without one."""
    return func.coalesce(Incident.category, "")


def count_incidents(
    session: Session, since: datetime, until: datetime, *keys: ColumnElement[str]
) -> dict[tuple[str, ...], int]:
    """Incidents opened in [since, until), withdrawn ones left out, counted by ``keys`` (in SQL)."""
    # Grouped in an outer query by the labels: PostgreSQL does not match an expression with bound
    # parameters in GROUP BY to the same expression in the select list.
    inner = (
        select(*(key.label(f"key{i}") for i, key in enumerate(keys)))
        .where(Incident.created_at >= since, Incident.created_at < until, not_(_withdrawn()))
        .subquery()
    )
    columns = [inner.c[f"key{i}"] for i in range(len(keys))]
    rows = session.execute(select(*columns, func.count()).group_by(*columns)).all()
    return {tuple(str(k) for k in row[:-1]): int(row[-1]) for row in rows}


def count_calls(session: Session, since: datetime, until: datetime) -> dict[str, int]:
    """Calls that started ringing in [since, until) by class (``UNCLASSIFIED`` for none yet)."""
    return {
        str(name): int(count)
        for name, count in session.execute(
            select(func.coalesce(Call.classification, UNCLASSIFIED), func.count())
            .where(Call.ring_at >= since, Call.ring_at < until)
            .group_by(Call.classification)
        )
    }


def _incidents_by(
    session: Session, since: datetime, until: datetime, key: ColumnElement[str]
) -> list[tuple[str, int]]:
    """Incidents counted by ``key``: most first, then by key, the empty key last."""
    found = count_incidents(session, since, until, key)
    return sorted(((k, n) for (k,), n in found.items()), key=lambda row: (row[0] == "", -row[1], row[0]))


def _day_index(column: Any, days: Sequence[datetime]) -> ColumnElement[int]:
    """Which local day of ``days`` (midnights, UTC) ``column`` falls on: 0, 1, ..."""
    return case(*((column < start, i - 1) for i, start in enumerate(days[1:], start=1)), else_=-1)


def _daily_calls(session: Session, days: Sequence[datetime]) -> dict[int, dict[str, int]]:
    inner = (
        select(
            _day_index(Call.ring_at, days).label("day"),
            func.coalesce(Call.classification, UNCLASSIFIED).label("call_class"),
        )
        .where(Call.ring_at >= days[0], Call.ring_at < days[-1])
        .subquery()
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    query = select(inner.c.day, inner.c.call_class, func.count()).group_by(inner.c.day, inner.c.call_class)
    for day, call_class, count in session.execute(query):
        counts[int(day)][str(call_class)] = int(count)
    return counts


def _daily_incidents(session: Session, days: Sequence[datetime]) -> dict[int, int]:
    inner = (
        select(_day_index(Incident.created_at, days).label("day"))
        .where(Incident.created_at >= days[0], Incident.created_at < days[-1], not_(_withdrawn()))
        .subquery()
    )
    rows = session.execute(select(inner.c.day, func.count()).group_by(inner.c.day)).all()
    return {int(day): int(count) for day, count in rows}


def _summary(session: Session, year: int, month: int, zone: tzinfo) -> MonthSummary:
    since, until = month_bounds(year, month, zone)
    classes = count_calls(session, since, until)
    withdrawn = func.coalesce(func.sum(case((_withdrawn(), 1), else_=0)), 0)
    opened, withdrawn_count = session.execute(
        select(func.count(), withdrawn).where(Incident.created_at >= since, Incident.created_at < until)
    ).one()
    calls = sum(classes.values())
    pranks = sum(classes.get(name, 0) for name in PRANK_OR_SILENT)
    return MonthSummary(
        month=month_label(year, month),
        calls=calls,
        by_class=_class_counts(classes),
        prank_or_silent=pranks,
        prank_or_silent_share=pranks / calls if calls else None,
        incidents=int(opened) - int(withdrawn_count),
        withdrawn=int(withdrawn_count),
    )


def _summary_if_any(session: Session, year: int, month: int, zone: tzinfo) -> MonthSummary | None:
    if year < 1:
        return None
    summary = _summary(session, year, month, zone)
    return summary if summary.calls or summary.incidents or summary.withdrawn else None


def _daily_levels(
    figures: Figures, days: Sequence[datetime], zone: tzinfo
) -> dict[int, tuple[int, int, int, int]]:
    """The figures' per-interval service levels summed per local day: offered, answered, abandoned,
    answered within the service-level time. The intervals are local clock intervals (the figures are
    asked for in the local zone), so none straddles a local midnight."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    starts = list(days)
    for level in figures.service_levels:
        at = datetime.fromisoformat(level.start).astimezone(UTC)
        i = bisect_right(starts, at) - 1
        if 0 <= i < len(starts) - 1:
            row = totals[i]
            row[0] += level.offered
            row[1] += level.answered
            row[2] += level.abandoned
            row[3] += level.answered_within
    return {i: (row[0], row[1], row[2], row[3]) for i, row in totals.items()}
