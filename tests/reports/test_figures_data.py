"""The figures of a period read from a real database: which rows count, in which zone, by hand.

On a SQLite file and on PostgreSQL (when DISPATCH_TEST_POSTGRES_URL names a server).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Disposition, Role, UnitStatus
from dispatch.domain.figures import CallTiming, IncidentTiming, UnitTiming
from dispatch.domain.signals import SignalKind
from dispatch.reports import intervals
from dispatch.reports.figures_data import period_figures, period_timings
from dispatch.services import accounts, calls, dispatching, incidents
from dispatch.services.context import ServiceContext
from tests.reports.scripted_shift import cheap_password_hashes
from tests.services.support import signal, unit
from tests.store.postgres import (
    sqlite_and_postgres,  # noqa: F401 (the database fixture, both kinds)
)

WIB = ZoneInfo("Asia/Jakarta")
#: 10:00:00 WIB.
TEN = datetime(2026, 11, 27, 10, 0, 0, tzinfo=WIB)
PASSWORD = "kata-sandi-112"


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap_password_hashes(monkeypatch)


def wib(minutes: int, seconds: int = 0) -> datetime:
    return TEN + timedelta(minutes=minutes, seconds=seconds)


def _call_taker(ctx: ServiceContext) -> ServiceContext:
    """Budi, a call-taker, logged in at a second console."""
    accounts.create_user(ctx, "budi", "Budi Santoso", PASSWORD, PASSWORD, Role.CALL_TAKER)
    console = accounts.register_console(ctx.database, ctx.clock, ctx.bus, "KONSOL-02", "test-host")
    result = accounts.log_in(console, "budi", PASSWORD)
    assert result.actor is not None
    return console.acting_as(result.actor)


def _ring(ctx: ServiceContext, clock: ManualClock, when: datetime, name: str) -> int:
    clock.set(when)
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.RING, clock.now(), call_id=name))
    assert view is not None
    return view.id


def _answer(ctx: ServiceContext, clock: ManualClock, when: datetime, call_id: int) -> int:
    clock.set(when)
    return calls.answer_call(ctx, call_id)[1].id


def _status(
    ctx: ServiceContext, clock: ManualClock, when: datetime, unit_id: int, status: UnitStatus
) -> None:
    clock.set(when)
    dispatching.set_unit_status(ctx, unit_id, status)


@pytest.fixture
def half_hour(ctx: ServiceContext, clock: ManualClock) -> dict[str, int]:
    """Half an hour, 10:00-10:30 WIB, with a call either side of it; the ids by name."""
    budi = _call_taker(ctx)
    ids: dict[str, int] = {}
    ids["before"] = _ring(ctx, clock, wib(-1, 50), "before")  # rang before the period...
    ids["before incident"] = _answer(ctx, clock, wib(0, 5), ids["before"])  # ...its incident opened in it

    ids["a"] = _ring(ctx, clock, wib(1), "a")
    ids["a incident"] = _answer(ctx, clock, wib(1, 8), ids["a"])  # 8 s, by sari
    ambulance, patrol = unit(ctx, "DEMO-PSC-01").id, unit(ctx, "DEMO-POL-01").id
    clock.set(wib(2))
    dispatching.assign_units(ctx, ids["a incident"], [ambulance])  # processing 10:01:08 -> 10:02:00: 52 s
    clock.set(wib(2, 30))
    dispatching.assign_units(ctx, ids["a incident"], [patrol])
    _status(ctx, clock, wib(3), ambulance, UnitStatus.EN_ROUTE)  # turnout 60
    _status(ctx, clock, wib(3, 30), patrol, UnitStatus.EN_ROUTE)  # turnout 60
    _status(ctx, clock, wib(8, 30), patrol, UnitStatus.ON_SCENE)  # travel 300
    _status(ctx, clock, wib(10), ambulance, UnitStatus.ON_SCENE)  # travel 420
    _status(ctx, clock, wib(20, 30), patrol, UnitStatus.CLEARED)  # on scene 720
    _status(ctx, clock, wib(30), ambulance, UnitStatus.CLEARED)  # on scene 1200 (after the period)
    clock.set(wib(31))
    incidents.close_incident(ctx, ids["a incident"], Disposition.HANDLED)

    ids["b"] = _ring(ctx, clock, wib(5), "b")
    ids["b incident"] = _answer(budi, clock, wib(5, 20), ids["b"])  # 20 s, by budi
    calls.classify_call(budi, ids["b"], CallClass.PRANK)

    ids["c"] = _ring(ctx, clock, wib(16), "c")
    clock.set(wib(16, 25))  # the caller gave up after 25 s
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now(), call_id="c"))

    ids["d"] = _ring(ctx, clock, wib(17), "d")
    ids["d incident"] = _answer(budi, clock, wib(17, 12), ids["d"])  # 12 s, by budi
    calls.classify_call(budi, ids["d"], CallClass.SILENT)

    ids["e"] = _ring(ctx, clock, wib(29, 50), "e")  # still ringing when the figures are read
    ids["after"] = _ring(ctx, clock, wib(30), "after")  # the period's end is not in it
    ids["sari"], ids["budi"] = int(ctx.actor.user_id or 0), int(budi.actor.user_id or 0)
    return ids


def test_the_period_holds_the_calls_that_rang_and_the_incidents_opened_in_it(
    ctx: ServiceContext, half_hour: dict[str, int]
) -> None:
    ids = half_hour
    call_rows, incident_rows, unit_rows = period_timings(ctx, TEN, wib(30))
    assert [c.call_id for c in call_rows] == [ids[name] for name in ("a", "b", "c", "d", "e")]
    # Ended when its incident closed at 10:31.
    assert call_rows[0] == CallTiming(ids["a"], wib(1), wib(1, 8), wib(31), "emergency", ids["sari"])
    assert call_rows[2] == CallTiming(ids["c"], wib(16), None, wib(16, 25), "abandoned", None)
    assert call_rows[4] == CallTiming(ids["e"], wib(29, 50), None, None, None, None)
    # Read in the period's zone, not UTC: the quarter-hours are the centre's.
    assert all(c.ring_at.tzinfo is WIB for c in call_rows)
    assert [(i.call_processing_s, i.taken_by) for i in incident_rows] == [
        (None, ids["sari"]),  # the call before the period: its incident opened in it, no unit sent
        (52.0, ids["sari"]),
        (None, ids["budi"]),
        (None, ids["budi"]),
    ]
    (first, *_) = incident_rows
    assert isinstance(first, IncidentTiming)
    assert [(u.call_sign, u.agency, u.turnout_s, u.travel_s, u.on_scene_s) for u in unit_rows] == [
        ("DEMO-PSC-01", "medical", 60.0, 420.0, 1200.0),
        ("DEMO-POL-01", "police", 60.0, 300.0, 720.0),
    ]
    assert all(isinstance(u, UnitTiming) for u in unit_rows)


def test_the_figures_of_the_half_hour_are_the_hand_computed_ones(
    ctx: ServiceContext, half_hour: dict[str, int]
) -> None:
    ids = half_hour
    figures = period_figures(ctx, TEN, wib(30))
    # Answered: a 8 s, b 20 s, d 12 s; abandoned: c; unresolved: e.
    assert (figures.offered, figures.answered, figures.abandoned, figures.unresolved) == (4, 3, 1, 1)
    assert figures.abandonment_rate == 0.25
    answer = figures.answer
    assert (answer.count, answer.min_s, answer.max_s) == (3, 8.0, 20.0)
    assert answer.mean_s == pytest.approx(40 / 3)
    # Sorted 8, 12, 20: p50 = ceil(1.5) = 2nd = 12; p90 = ceil(2.7) = 3rd = 20; p95 = 3rd = 20.
    assert (answer.p50_s, answer.p90_s, answer.p95_s) == (12.0, 20.0, 20.0)
    within_15, within_20 = answer.targets
    assert (within_15.count_within, within_15.met) == (2, False)
    assert (within_20.count_within, within_20.share, within_20.met) == (3, 1.0, True)
    assert (figures.processing.count, figures.processing.p90_s) == (1, 52.0)
    assert figures.longest_ring is not None
    assert (figures.longest_ring.call_id, figures.longest_ring.seconds) == (ids["c"], 25.0)
    assert figures.longest_ring.ring_at == "2026-11-27T10:16:00+07:00"
    assert not figures.longest_ring.answered
    # Both quarters listed, in WIB; 10:00: a within 15 s, b not; 10:15: d within, c abandoned.
    assert [
        (lv.start, lv.offered, lv.answered, lv.abandoned, lv.answered_within, lv.service_level)
        for lv in figures.service_levels
    ] == [
        ("2026-11-27T10:00:00+07:00", 2, 2, 0, 1, 0.5),
        ("2026-11-27T10:15:00+07:00", 2, 1, 1, 1, 1.0),
    ]
    assert [(c.call_class, c.count) for c in figures.by_class] == [
        ("abandoned", 1),
        ("emergency", 1),
        ("prank", 1),
        ("silent", 1),
    ]
    takers = {t.user_id: t for t in figures.call_takers}
    assert (takers[ids["sari"]].answered, takers[ids["sari"]].answer.max_s) == (1, 8.0)
    assert takers[ids["sari"]].processing.count == 1
    assert (takers[ids["budi"]].answered, takers[ids["budi"]].answer.p50_s) == (2, 12.0)
    assert takers[ids["budi"]].processing.count == 0
    agencies = {a.agency: a for a in figures.agencies}
    assert sorted(agencies) == ["medical", "police"]
    assert (agencies["medical"].turnout.targets[0].within_s, agencies["medical"].turnout.targets[0].met) == (
        60.0,
        True,
    )
    assert agencies["police"].travel.max_s == 300.0


def test_every_interval_of_the_period_is_listed_even_an_empty_one(
    ctx: ServiceContext, half_hour: dict[str, int]
) -> None:
    figures = period_figures(ctx, wib(-15), wib(45))
    assert [(lv.start[11:16], lv.offered, lv.service_level) for lv in figures.service_levels] == [
        ("09:45", 1, 1.0),  # the call before 10:00, answered after 15 s: within, at the limit
        ("10:00", 2, 0.5),
        ("10:15", 2, 1.0),  # e, still ringing, is in no interval
        ("10:30", 0, None),  # listed, though its only call still rings
    ]
    assert figures.unresolved == 2


def test_an_empty_period_has_no_figures_but_its_intervals(ctx: ServiceContext) -> None:
    figures = period_figures(ctx, TEN, wib(30))
    assert (figures.offered, figures.abandonment_rate, figures.answer.p90_s, figures.longest_ring) == (
        0,
        None,
        None,
        None,
    )
    assert [lv.offered for lv in figures.service_levels] == [0, 0]


def test_the_same_instants_in_utc_give_the_same_figures_in_utc(
    ctx: ServiceContext, half_hour: dict[str, int]
) -> None:
    local = period_figures(ctx, TEN, wib(30))
    utc = period_figures(ctx, TEN.astimezone(UTC), wib(30).astimezone(UTC))
    assert utc.service_levels[0].start == "2026-11-27T03:00:00+00:00"
    assert (utc.answer, utc.call_takers, utc.agencies) == (local.answer, local.call_takers, local.agencies)


def test_a_naive_period_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(ValueError, match="aware"):
        period_timings(ctx, TEN.replace(tzinfo=None), wib(60).replace(tzinfo=None))


def test_reading_in_small_batches_gives_the_same_report(
    ctx: ServiceContext, half_hour: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = period_timings(ctx, TEN, wib(30))
    monkeypatch.setattr(intervals, "BATCH", 1)
    assert period_timings(ctx, TEN, wib(30)) == whole
