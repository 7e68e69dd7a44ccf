"""The monthly roll-up from a real database: a month of calls made through the services with a driven
clock, every total checked against counts made by hand, the month's edges in WIB (Asia/Jakarta)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass
from dispatch.domain.figures import ClassCount
from dispatch.domain.signals import SignalKind
from dispatch.reports.monthly import (
    CLASS_ORDER,
    MonthlyData,
    month_bounds,
    month_label,
    monthly_rollup,
    parse_month,
    shift_month,
)
from dispatch.services import calls, duplicates, incidents, locations
from dispatch.services.context import ServiceContext
from tests.services.support import signal
from tests.store.postgres import (
    sqlite_and_postgres,  # noqa: F401 (the database fixture, both kinds)
)

WIB = ZoneInfo("Asia/Jakarta")


def wib(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=WIB)


@dataclass
class Floor:
    """A call-taker's floor driven by hand: ring, answer, classify, in time order."""

    ctx: ServiceContext
    clock: ManualClock
    catalogue: Catalogue
    ids: dict[str, int] = field(default_factory=dict)

    def ring(self, name: str, at: datetime) -> int:
        self.clock.set(at)
        view = calls.record_signal(self.ctx.as_system(), signal(SignalKind.RING, at, call_id=name))
        assert view is not None
        self.ids[name] = view.id
        return view.id

    def answer(self, name: str, after_s: float) -> int:
        self.clock.advance(after_s)
        incident = calls.answer_call(self.ctx, self.ids[name])[1]
        self.ids[f"{name} incident"] = incident.id
        return incident.id

    def emergency(self, name: str, at: datetime, after_s: float, category: str, area: str = "") -> int:
        self.ring(name, at)
        incident_id = self.answer(name, after_s)
        incidents.update_field(self.ctx, incident_id, "category", category, self.catalogue)
        if area:
            locations.set_area(self.ctx, incident_id, area)
        return incident_id

    def closed_as(self, name: str, at: datetime, after_s: float, call_class: CallClass) -> None:
        self.ring(name, at)
        self.answer(name, after_s)
        calls.classify_call(self.ctx, self.ids[name], call_class)

    def abandoned(self, name: str, at: datetime, after_s: float) -> None:
        self.ring(name, at)
        self.clock.advance(after_s)
        calls.record_signal(self.ctx.as_system(), signal(SignalKind.ENDED, self.clock.now(), call_id=name))


@pytest.fixture
def floor(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> Floor:
    """November 2026 in Semarang, with calls either side of it and a year before, in time order."""
    f = Floor(ctx, clock, catalogue)
    f.emergency("last year", wib(11, 10, 10, year=2025), 6, "BENC", "33.74.01.1002")

    f.closed_as("oct prank", wib(10, 15, 10), 10, CallClass.PRANK)
    # Rings ten seconds before November (WIB), answered in it: the call is October's, its incident
    # November's.
    f.emergency("oct late", wib(10, 31, 23, 59, 50), 15, "MED", "33.74.04.1001")

    # 00:00:00 WIB on 1 November is still 31 October in UTC.
    f.emergency("first", wib(11, 1), 10, "MED", "33.74.04.1002")
    f.emergency("fire", wib(11, 1, 8), 4, "FIRE", "33.74.01.1001")
    crash = f.emergency("crash", wib(11, 2, 12), 20, "LAKA")  # no area picked
    f.ring("crash again", wib(11, 2, 12, 1))
    f.answer("crash again", 5)
    duplicates.attach_call(ctx, f.ids["crash again"], crash)  # its own incident is withdrawn
    f.closed_as("prank 1", wib(11, 3, 21), 3, CallClass.PRANK)
    f.closed_as("prank 2", wib(11, 3, 22), 7, CallClass.PRANK)
    f.closed_as("silent", wib(11, 15, 2), 12, CallClass.SILENT)
    f.closed_as("info", wib(11, 15, 9), 16, CallClass.INFORMATION)
    f.closed_as("wrong", wib(11, 20, 9), 2, CallClass.WRONG_NUMBER)
    f.abandoned("gone", wib(11, 20, 10), 30)
    f.ring("ringing", wib(11, 30, 23, 59))  # still ringing when the roll-up is made
    # The month's last second: the call is November's, its incident (answered after midnight) December's.
    f.ring("last", wib(11, 30, 23, 59, 59))
    f.ring("december", wib(12, 1))
    f.answer("last", 10)
    incidents.update_field(ctx, f.ids["last incident"], "category", "MED", catalogue)
    f.clock.set(wib(12, 1, 0, 0, 20))
    f.answer("december", 0)
    calls.classify_call(ctx, f.ids["december"], CallClass.PRANK)
    return f


def counts(rows: Sequence[ClassCount]) -> dict[str, int]:
    return {row.call_class: row.count for row in rows}


def test_the_month_is_the_centres_local_month() -> None:
    assert month_bounds(2026, 11, WIB) == (
        datetime(2026, 10, 31, 17, tzinfo=UTC),
        datetime(2026, 11, 30, 17, tzinfo=UTC),
    )
    assert month_bounds(2026, 12, WIB)[1] == datetime(2026, 12, 31, 17, tzinfo=UTC)
    # A zone with summer time: March in Berlin starts at UTC+1 and ends at UTC+2.
    assert month_bounds(2026, 3, ZoneInfo("Europe/Berlin")) == (
        datetime(2026, 2, 28, 23, tzinfo=UTC),
        datetime(2026, 3, 31, 22, tzinfo=UTC),
    )
    assert shift_month(2026, 1, -1) == (2025, 12)
    assert shift_month(2026, 11, -12) == (2025, 11)
    assert shift_month(2026, 12, 1) == (2027, 1)


def test_a_month_of_calls_gives_the_totals_counted_by_hand(ctx: ServiceContext, floor: Floor) -> None:
    data = monthly_rollup(ctx, 2026, 11, WIB)
    assert (data.month, data.zone) == ("2026-11", "Asia/Jakarta")
    assert (data.since, data.until) == ("2026-10-31T17:00:00+00:00", "2026-11-30T17:00:00+00:00")

    summary = data.summary
    # first, fire, crash, crash again, prank 1, prank 2, silent, info, wrong, gone, ringing, last.
    assert summary.calls == 12
    assert [c.call_class for c in summary.by_class] == list(CLASS_ORDER)
    assert counts(summary.by_class) == {
        "emergency": 4,  # first, fire, crash, last
        "information": 1,
        "prank": 2,
        "silent": 1,
        "abandoned": 1,
        "duplicate": 1,  # crash again
        "wrong_number": 1,
        "unclassified": 1,  # ringing
    }
    assert (summary.prank_or_silent, summary.prank_or_silent_share) == (3, 0.25)
    # Opened in November: oct late's (answered after midnight), first, fire, crash. Withdrawn: the
    # incidents opened at answer for crash again (duplicate) and the five calls closed without one.
    assert (summary.incidents, summary.withdrawn) == (4, 6)

    assert [(c.category, c.count) for c in data.by_category] == [("MED", 2), ("FIRE", 1), ("LAKA", 1)]
    assert [(k.code, k.name, k.regency, k.count) for k in data.by_kecamatan] == [
        ("33.74.04", "Gayamsari", "Kota Semarang", 2),  # two villages of one kecamatan
        ("33.74.01", "Semarang Tengah", "Kota Semarang", 1),
        ("", "", "", 1),  # crash: no area; last, whatever its count
    ]


def test_the_figures_cover_the_calls_that_rang_in_the_month(ctx: ServiceContext, floor: Floor) -> None:
    figures = monthly_rollup(ctx, 2026, 11, WIB).figures
    # Answered: first 10 s, fire 4, crash 20, crash again 5, prank 1 3, prank 2 7, silent 12, info 16,
    # wrong 2, last 10; abandoned: gone; unresolved: ringing.
    assert (figures.offered, figures.answered, figures.abandoned, figures.unresolved) == (11, 10, 1, 1)
    assert figures.abandonment_rate == 1 / 11
    # Sorted: 2 3 4 5 7 10 10 12 16 20: p50 = 5th = 7, p90 = 9th = 16; 8 of 10 within 15 s.
    assert (figures.answer.p50_s, figures.answer.p90_s, figures.answer.max_s) == (7.0, 16.0, 20.0)
    within_15 = figures.answer.targets[0]
    assert (within_15.count_within, within_15.share, within_15.met) == (8, 0.8, False)
    assert figures.longest_ring is not None
    assert (figures.longest_ring.call_id, figures.longest_ring.seconds) == (floor.ids["gone"], 30.0)
    assert figures.longest_ring.ring_at == "2026-11-20T10:00:00+07:00"  # in the centre's time
    # Per call-taker and per quarter-hour figures are the shift reports' business.
    assert (figures.call_takers, figures.service_levels) == ((), ())


def test_every_day_of_the_month_is_listed_in_local_days(ctx: ServiceContext, floor: Floor) -> None:
    daily = monthly_rollup(ctx, 2026, 11, WIB).daily
    assert [d.day for d in daily] == [f"2026-11-{n:02d}" for n in range(1, 31)]
    by_day = {d.day: d for d in daily}

    first = by_day["2026-11-01"]
    assert (first.calls, counts(first.by_class)["emergency"], first.incidents) == (2, 2, 3)
    assert (first.offered, first.answered, first.answered_within, first.service_level) == (2, 2, 2, 1.0)
    second = by_day["2026-11-02"]
    assert counts(second.by_class) == {**dict.fromkeys(CLASS_ORDER, 0), "emergency": 1, "duplicate": 1}
    assert (second.incidents, second.answered_within, second.service_level) == (1, 1, 0.5)  # crash: 20 s
    twentieth = by_day["2026-11-20"]
    assert (twentieth.offered, twentieth.answered, twentieth.abandoned, twentieth.service_level) == (
        2,
        1,
        1,
        1.0,
    )
    last = by_day["2026-11-30"]
    assert (last.calls, counts(last.by_class)["unclassified"], last.incidents) == (2, 1, 0)
    assert (last.offered, last.answered) == (1, 1)  # the ringing call is in no figure
    quiet = by_day["2026-11-10"]
    assert (quiet.calls, quiet.incidents, quiet.offered, quiet.service_level) == (0, 0, 0, None)

    assert sum(d.calls for d in daily) == 12
    assert sum(d.incidents for d in daily) == 4


def test_the_previous_month_and_the_year_before_are_compared(ctx: ServiceContext, floor: Floor) -> None:
    data = monthly_rollup(ctx, 2026, 11, WIB)
    previous = data.previous_month
    assert previous is not None
    assert (previous.month, previous.calls, previous.prank_or_silent_share) == ("2026-10", 2, 0.5)
    assert counts(previous.by_class)["emergency"] == 1  # oct late
    assert (previous.incidents, previous.withdrawn) == (0, 1)  # oct late's incident is November's
    year_before = data.year_before
    assert year_before is not None
    assert (year_before.month, year_before.calls, year_before.incidents) == ("2025-11", 1, 1)

    october = monthly_rollup(ctx, 2026, 10, WIB)
    assert october.previous_month is None  # September: nothing in the database
    assert october.year_before is None
    december = monthly_rollup(ctx, 2026, 12, WIB)
    assert (december.summary.calls, december.summary.incidents, december.summary.withdrawn) == (1, 1, 1)
    assert [(c.category, c.count) for c in december.by_category] == [("MED", 1)]  # last's incident


def test_the_same_data_in_utc_months_moves_the_calls_at_the_edges(ctx: ServiceContext, floor: Floor) -> None:
    november = monthly_rollup(ctx, 2026, 11, UTC)
    assert november.zone == "UTC"
    # In UTC first (31 Oct 17:00) is October's and december (30 Nov 17:00) November's.
    assert counts(november.summary.by_class)["emergency"] == 3
    assert counts(november.summary.by_class)["prank"] == 3
    assert november.daily[0].day == "2026-11-01"
    assert november.daily[0].calls == 1  # fire, 01:00 UTC


def test_the_roll_up_is_plain_json_and_the_same_each_time(ctx: ServiceContext, floor: Floor) -> None:
    first = monthly_rollup(ctx, 2026, 11, WIB).to_json()
    again = monthly_rollup(ctx, 2026, 11, WIB).to_json()
    text = json.dumps(first, allow_nan=False, sort_keys=True)
    assert text == json.dumps(again, allow_nan=False, sort_keys=True)
    assert json.loads(text) == first
    assert first["summary"]["by_class"][0] == {"call_class": "emergency", "count": 4}
    assert first["figures"]["answer"]["p90_s"] == 16.0


def test_an_empty_month_has_zeros_and_no_comparisons(ctx: ServiceContext) -> None:
    data: MonthlyData = monthly_rollup(ctx, 2026, 2, WIB)
    assert (data.summary.calls, data.summary.incidents, data.summary.prank_or_silent_share) == (0, 0, None)
    assert (data.by_category, data.by_kecamatan, data.previous_month, data.year_before) == (
        (),
        (),
        None,
        None,
    )
    assert len(data.daily) == 28
    assert data.figures.answer.count == 0


@given(st.integers(1, 9999), st.integers(1, 12))
def test_a_month_label_parses_back(year: int, month: int) -> None:
    assert parse_month(month_label(year, month)) == (year, month)


@given(st.text(max_size=12))
def test_anything_else_typed_as_a_month_is_refused_or_read_exactly(text: str) -> None:
    try:
        year, month = parse_month(text)
    except ValueError:
        return
    assert month_label(year, month) == text.strip()


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "0000-01", "2026-1", "26-11", "2026/11", ""])
def test_not_a_month(text: str) -> None:
    with pytest.raises(ValueError, match="not a month"):
        parse_month(text)


def test_a_month_before_the_calendar_has_no_comparison(ctx: ServiceContext) -> None:
    data = monthly_rollup(ctx, 1, 1, UTC)
    assert (data.previous_month, data.year_before) == (None, None)
    assert data.daily[0].day == "0001-01-01"
    assert timedelta(days=31) == datetime.fromisoformat(data.until) - datetime.fromisoformat(data.since)
