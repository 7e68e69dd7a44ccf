"""Issue 11's "must show": a scripted 8-hour shift, closed, and every figure checked by hand.

The shift is ``tests/reports/scripted_shift.py`` (07:00-15:00 WIB, 35 calls, 10 emergencies, units of
three agencies). Every expected number below was worked out by hand from that script's tables, the
working written beside it; none is recomputed with the code under test. Percentiles are nearest-rank:
the p-th percentile of n values is the ceil(p/100 * n)-th smallest.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dispatch.domain.clock import ManualClock
from dispatch.domain.figures import Distribution, Figures
from dispatch.reports.figures_data import period_figures, period_timings
from dispatch.services import shifts
from dispatch.services.context import ServiceContext
from dispatch.store.database import open_database, sqlite_url
from tests.conftest import START
from tests.reports.scripted_shift import (
    WIB,
    ScriptedShift,
    cheap_password_hashes,
    run_scripted_shift,
    supervisor_at_a_new_console,
    wib,
)

#: Ring to answer of the 30 answered calls, in the order they rang (calls 1-34 less the abandoned
#: 4, 12, 18 and 26; call 35 still rings).
ANSWER_S = [6, 4, 9, 11, 7, 5, 13, 8, 16, 3]  # calls 1, 2, 3, 5, 6, 7, 8, 9, 10, 11
ANSWER_S += [10, 12, 7, 22, 18, 14, 6, 9, 15, 4]  # 13, 14, 15, 16, 17, 19, 20, 21, 22, 23
ANSWER_S += [17, 5, 8, 45, 6, 11, 7, 10, 9, 20]  # 24, 25, 27, 28, 29, 30, 31, 32, 33, 34
#: The same, sorted, ten ranks a line.
SORTED_S = [3, 4, 4, 5, 5, 6, 6, 6, 7, 7]  # ranks 1-10
SORTED_S += [7, 8, 8, 9, 9, 9, 10, 10, 11, 11]  # 11-20
SORTED_S += [12, 13, 14, 15, 16, 17, 18, 20, 22, 45]  # 21-30


@dataclass(frozen=True)
class Worked:
    ctx: ServiceContext
    shift: ScriptedShift


@pytest.fixture(scope="module")
def worked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worked]:
    """The shift run once for the module (the tests only read it), on a SQLite file of its own."""
    database = open_database(sqlite_url(tmp_path_factory.mktemp("shift") / "shift.sqlite3"))
    try:
        with pytest.MonkeyPatch.context() as patch:
            cheap_password_hashes(patch)
            clock = ManualClock(START)
            ctx = supervisor_at_a_new_console(database, clock)
            yield Worked(ctx, run_scripted_shift(ctx, clock))
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def figures(worked: Worked) -> Figures:
    """The figures of the shift as worked: [opened, closed), read in WIB."""
    shift = shifts.shift(worked.ctx, worked.shift.shift_id)
    return period_figures(worked.ctx, shift.opened_at.astimezone(WIB), shift.period_end.astimezone(WIB))


def test_the_shift_was_opened_and_closed_by_the_supervisor(worked: Worked) -> None:
    ctx = worked.ctx
    shift = shifts.shift(ctx, worked.shift.shift_id)
    assert (shift.code, shift.day.isoformat(), shift.opened_by, shift.closed_by) == (
        "morning",
        "2026-11-28",
        "sari",
        "sari",
    )
    # 07:00 and 15:00 WIB are 00:00 and 08:00 UTC.
    assert (shift.opened_at, shift.closed_at) == (
        datetime(2026, 11, 28, 0, 0, tzinfo=UTC),
        datetime(2026, 11, 28, 8, 0, tzinfo=UTC),
    )
    assert (shift.planned_start, shift.planned_end) == (shift.opened_at, shift.closed_at)
    assert shift.pass_down.startswith("DEMO-PMI-01 masih di lokasi")
    # The abandoned (4, 12, 18, 26) and silent (8, 19, 30) calls went to the callback queue.
    assert sorted(worked.shift.callbacks) == [4, 8, 12, 18, 19, 26, 30]
    assert shifts.current_shift(ctx) is None
    staff = [
        (s.user_name, s.console_name, s.position, s.ended_at is None) for s in shifts.staff_of(ctx, shift.id)
    ]
    assert staff == [
        ("sari", "KONSOL-01", "supervisor", True),  # 06:50, stays to sign the handover
        ("budi", "KONSOL-02", "call_taker", False),  # 06:58-15:02
        ("citra", "KONSOL-03", "call_taker", False),  # 07:01-15:02
        ("dodi", "KONSOL-04", "dispatcher", False),  # 07:02-15:02
    ]


def test_the_script_gave_the_answer_times_written_down(worked: Worked) -> None:
    assert len(ANSWER_S) == 30
    assert sorted(ANSWER_S) == SORTED_S  # the two hand lists agree
    timings, _, _ = period_timings(worked.ctx, worked.shift.since, worked.shift.until)
    assert [c.ring_s for c in timings if c.answered] == ANSWER_S
    assert len(timings) == 35


def test_calls_offered_answered_abandoned(figures: Figures) -> None:
    # 35 calls rang; 30 answered, 4 abandoned (calls 4, 12, 18, 26); call 35 still rings at 15:00.
    assert (figures.offered, figures.answered, figures.abandoned, figures.unresolved) == (34, 30, 4, 1)
    assert figures.abandonment_rate == 4 / 34  # 0.1176...
    assert [(c.call_class, c.count) for c in figures.by_class] == [
        ("abandoned", 4),  # 4, 12, 18, 26
        ("duplicate", 1),  # 6
        ("emergency", 10),  # 1, 5, 10, 14, 16, 21, 25, 28, 32, 33
        ("information", 6),  # 2, 11, 15, 23, 27, 31
        ("prank", 8),  # 3, 9, 13, 17, 22, 24, 29, 34
        ("silent", 3),  # 8, 19, 30
        ("wrong_number", 2),  # 7, 20
    ]


def test_answer_time_percentiles_and_shares(figures: Figures) -> None:
    answer = figures.answer
    # n = 30, sum 337 s.
    assert (answer.count, answer.min_s, answer.max_s) == (30, 3.0, 45.0)
    assert answer.mean_s == pytest.approx(337 / 30)
    # p50: ceil(15) = 15th = 9 s; p90: ceil(27) = 27th = 18 s; p95: ceil(28.5) = 29th = 22 s.
    assert (answer.p50_s, answer.p90_s, answer.p95_s) == (9.0, 18.0, 22.0)
    within_15, within_20 = answer.targets
    # Ranks 1-24 are <= 15 s: 24/30 = 80 %, short of 90 %.
    assert (within_15.within_s, within_15.count_within, within_15.share, within_15.met) == (
        15.0,
        24,
        0.8,
        False,
    )
    # Ranks 1-28 are <= 20 s: 28/30 = 93.3 %, short of 95 % (28.5 calls).
    assert (within_20.within_s, within_20.count_within, within_20.met) == (20.0, 28, False)
    assert within_20.share == pytest.approx(28 / 30)


def test_the_longest_ring(figures: Figures, worked: Worked) -> None:
    # Call 28 rang 45 s before Budi answered; the longest abandoned call rang 31 s (call 12).
    assert figures.longest_ring is not None
    assert (figures.longest_ring.call_id, figures.longest_ring.seconds, figures.longest_ring.answered) == (
        worked.shift.calls[28],
        45.0,
        True,
    )
    assert figures.longest_ring.ring_at == "2026-11-28T12:55:00+07:00"


def test_call_processing(figures: Figures) -> None:
    # First answer -> first unit dispatched, the nine incidents with units:
    # 54 (1), 90 (5), 40 (10), 60 (14), 75 (16), 45 (21), 30 (25), 80 (28), 50 (32); sum 524.
    # Sorted 30 40 45 50 54 60 75 80 90: p50 = ceil(4.5) = 5th = 54; p90 = ceil(8.1) = 9th = 90; p95 = 90.
    processing = figures.processing
    assert (processing.count, processing.min_s, processing.max_s) == (9, 30.0, 90.0)
    assert processing.mean_s == pytest.approx(524 / 9)
    assert (processing.p50_s, processing.p90_s, processing.p95_s) == (54.0, 90.0, 90.0)
    (within_60,) = processing.targets
    assert (within_60.count_within, within_60.met) == (6, False)  # 6 of 9 within 60 s, 90 % asked
    assert within_60.share == pytest.approx(6 / 9)


def _spread(
    d: Distribution,
) -> tuple[int, float | None, float | None, float | None, float | None, float | None]:
    return (d.count, d.min_s, d.max_s, d.p50_s, d.p90_s, d.p95_s)


def test_turnout_travel_and_on_scene_per_agency(figures: Figures) -> None:
    agencies = {a.agency: a for a in figures.agencies}
    assert [(a.agency, a.assignments) for a in figures.agencies] == [
        ("fire", 3),
        ("medical", 6),
        ("police", 4),
    ]

    fire = agencies["fire"]
    # DMK-01, -02, -03: turnout 70, 110, 90; travel 480, 600, 480; on scene 3600 each.
    assert _spread(fire.turnout) == (3, 70.0, 110.0, 90.0, 110.0, 110.0)  # p50 ceil(1.5) = 2nd
    assert fire.turnout.mean_s == 90.0
    (fire_80,) = fire.turnout.targets  # NFPA 1710: fire 80 s
    assert (fire_80.within_s, fire_80.count_within, fire_80.met) == (80.0, 1, False)
    assert _spread(fire.travel) == (3, 480.0, 600.0, 480.0, 600.0, 600.0)
    assert _spread(fire.on_scene) == (3, 3600.0, 3600.0, 3600.0, 3600.0, 3600.0)

    medical = agencies["medical"]
    # PSC-01 60/480/1020 (on scene until Transporting), PSC-02 50/540/1800, PSC-03 60 then turned
    # back (no travel, no scene), PSC-04 45/660/1800, PSC-05 55/480/1800, PMI-01 70/600 and still on
    # scene at 15:00 (no time on scene). Turnout sorted 45 50 55 60 60 70, sum 340.
    assert _spread(medical.turnout) == (6, 45.0, 70.0, 55.0, 70.0, 70.0)  # p50 3rd, p90 ceil(5.4) = 6th
    assert medical.turnout.mean_s == pytest.approx(340 / 6)
    (medical_60,) = medical.turnout.targets  # NFPA 1710: medical 60 s
    assert (medical_60.count_within, medical_60.met) == (5, False)  # 5 of 6 = 83 %
    # Travel 480 480 540 600 660, sum 2760: p50 ceil(2.5) = 3rd = 540, p90 ceil(4.5) = 5th = 660.
    assert _spread(medical.travel) == (5, 480.0, 660.0, 540.0, 660.0, 660.0)
    assert medical.travel.mean_s == 2760 / 5
    # On scene 1020 1800 1800 1800: p50 2nd = 1800.
    assert _spread(medical.on_scene) == (4, 1020.0, 1800.0, 1800.0, 1800.0, 1800.0)

    police = agencies["police"]
    # POL-01 40/420/2040, POL-02 50/360/1800, POL-03 60/480/3600, POL-04 90/480/1200; no target set.
    assert _spread(police.turnout) == (4, 40.0, 90.0, 50.0, 90.0, 90.0)  # p50 2nd, p90 ceil(3.6) = 4th
    assert police.turnout.targets == ()
    assert _spread(police.travel) == (4, 360.0, 480.0, 420.0, 480.0, 480.0)
    assert _spread(police.on_scene) == (4, 1200.0, 3600.0, 1800.0, 3600.0, 3600.0)
    assert police.on_scene.mean_s == 8640 / 4


def test_service_level_per_quarter_hour(figures: Figures) -> None:
    levels = {lv.start[11:16]: lv for lv in figures.service_levels}
    assert len(figures.service_levels) == 32  # every quarter of 07:00-15:00, in WIB
    assert figures.service_levels[0].start == "2026-11-28T07:00:00+07:00"

    def row(start: str) -> tuple[int, int, int, int, float | None]:
        lv = levels[start]
        return (lv.offered, lv.answered, lv.abandoned, lv.answered_within, lv.service_level)

    assert row("07:00") == (4, 3, 1, 3, 1.0)  # calls 1 (6 s), 2 (4 s), 3 (9 s); 4 abandoned
    assert row("07:15") == (2, 2, 0, 2, 1.0)  # 5 (11 s), 6 (7 s)
    assert row("08:15") == (1, 1, 0, 0, 0.0)  # 10 (16 s)
    assert row("08:45") == (2, 1, 1, 1, 1.0)  # 13 (10 s); 12 abandoned
    assert row("09:30") == (3, 2, 1, 0, 0.0)  # 16 (22 s), 17 (18 s); 18 abandoned
    assert row("10:45") == (0, 0, 0, 0, None)  # the feed was down 10:50-11:01, nobody rang
    assert row("12:00") == (1, 0, 1, 0, None)  # only 26, abandoned: no service level
    assert row("12:45") == (1, 1, 0, 0, 0.0)  # 28 (45 s)
    assert row("14:45") == (1, 1, 0, 0, 0.0)  # 34 (20 s); 35 still rings: in no quarter
    empty = [start for start, lv in levels.items() if lv.offered == 0]
    assert empty == ["10:45", "11:45", "12:15", "13:15", "14:15"]
    # Every offered call is in exactly one quarter.
    assert sum(lv.offered for lv in figures.service_levels) == 34


def test_figures_per_call_taker(figures: Figures, worked: Worked) -> None:
    users = worked.shift.users
    takers = {t.user_id: t for t in figures.call_takers}
    assert sorted(takers) == sorted(users[name] for name in ("sari", "budi", "citra"))
    budi, citra, sari = (takers[users[name]] for name in ("budi", "citra", "sari"))
    # Budi: 6 9 7 13 16 10 7 18 9 4 5 45 11 10 -> 4 5 6 7 7 9 9 10 10 11 13 16 18 45.
    assert budi.answered == 14
    assert (budi.answer.p50_s, budi.answer.p90_s, budi.answer.p95_s) == (9.0, 18.0, 45.0)  # 7th, 13th, 14th
    assert budi.answer.targets[0].count_within == 11
    # His incidents with units: 54, 40, 45, 30, 80, 50 -> 30 40 45 50 54 80.
    assert _spread(budi.processing) == (6, 30.0, 80.0, 45.0, 80.0, 80.0)  # p50 3rd, p90 ceil(5.4) = 6th
    # Citra: 4 11 5 8 3 12 22 6 15 17 8 6 7 9 -> 3 4 5 6 6 7 8 8 9 11 12 15 17 22.
    assert citra.answered == 14
    assert (citra.answer.p50_s, citra.answer.p90_s, citra.answer.p95_s) == (8.0, 17.0, 22.0)
    assert citra.answer.targets[0].count_within == 12
    # Her incidents with units: 90, 60, 75 (the fire's duplicate caller was Budi's: not his).
    assert _spread(citra.processing) == (3, 60.0, 90.0, 75.0, 90.0, 90.0)
    # Sari took two calls at the busiest moments: 14 s and 20 s; no incident of hers had a unit.
    assert (sari.answered, sari.answer.p50_s, sari.answer.p90_s) == (2, 14.0, 20.0)
    assert sari.processing.count == 0


def test_the_dispatcher_and_the_json_form(figures: Figures, worked: Worked) -> None:
    # Dodi answered no call: he is not a call-taker of these figures.
    assert worked.shift.users["dodi"] not in {t.user_id for t in figures.call_takers}
    data = figures.to_json()
    assert data["answer"]["p90_s"] == 18.0
    assert data["service_levels"][0] == {
        "start": "2026-11-28T07:00:00+07:00",
        "offered": 4,
        "answered": 3,
        "abandoned": 1,
        "answered_within": 3,
        "service_level": 1.0,
    }


def test_the_script_is_deterministic(tmp_path: Path, figures: Figures, worked: Worked) -> None:
    """A second fresh database gives the same ids and the same figures."""
    database = open_database(sqlite_url(tmp_path / "again.sqlite3"))
    try:
        with pytest.MonkeyPatch.context() as patch:
            cheap_password_hashes(patch)
            clock = ManualClock(START)
            ctx = supervisor_at_a_new_console(database, clock)
            assert run_scripted_shift(ctx, clock) == worked.shift
        assert period_figures(ctx, wib(7, 0), wib(15, 0)) == figures
    finally:
        database.dispose()
