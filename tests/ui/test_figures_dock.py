"""The figures dock on a known shift: the table's percentiles and targets, and the five charts built
with the series values counted by hand (the targets drawn as named lines where their limits fall)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, UnitStatus
from dispatch.domain.figures import CallTiming, FigureSettings, IncidentTiming, shift_figures
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import calls, dispatching, queries, shifts
from dispatch.services.context import ServiceContext
from tests.conftest import START
from tests.ui.keys import CTRL, press
from ui.main_window import MainWindow
from ui.presenters.figures_work import chart_data, histogram
from ui.widgets.figure_charts import CHART_NAMES


def ring(ctx: ServiceContext, clock: ManualClock, number: str, call_id: str) -> int:
    view = calls.record_signal(
        ctx.as_system(),
        CallSignal(
            kind=SignalKind.INCOMING,
            feed="sim://figures",
            received_at=clock.now(),
            number=parse_caller_number(number),
            raw=f"CID {number}".encode(),
            call_id=call_id,
        ),
    )
    assert view is not None
    return view.id


def end_unanswered(ctx: ServiceContext, clock: ManualClock, number: str, call_id: str) -> None:
    calls.record_signal(
        ctx.as_system(),
        CallSignal(
            kind=SignalKind.ENDED,
            feed="sim://figures",
            received_at=clock.now(),
            number=parse_caller_number(number),
            raw=b"END",
            call_id=call_id,
        ),
    )


def a_known_shift(window: MainWindow, clock: ManualClock) -> None:
    """From 12:00 WIB: four calls answered after 5, 12, 18 and 25 s (prank, emergency dispatched 40 s
    after answering, information, prank), one abandoned after 30 s, all in the morning shift."""
    ctx = window.session.ctx
    assert window.run_action("openShift")
    plan = [
        (0, 5, CallClass.PRANK),
        (600, 12, None),  # the emergency
        (1200, 18, CallClass.INFORMATION),
        (3900, 25, CallClass.PRANK),
    ]
    elapsed = 0
    for number, (at, wait, call_class) in enumerate(plan):
        clock.advance(at - elapsed)
        call_id = ring(ctx, clock, f"0812-5555-010{number}", f"c{number}")
        clock.advance(wait)
        _, incident = calls.answer_call(ctx, call_id)
        elapsed = at + wait
        if call_class is None:
            clock.advance(40)
            elapsed += 40
            unit = next(u for u in queries.units(ctx) if u.status is UnitStatus.AVAILABLE)
            dispatching.assign_units(ctx, incident.id, [unit.id])
            calls.hang_up(ctx, call_id)
        else:
            calls.classify_call(ctx, call_id, call_class)
    clock.advance(5400 - elapsed)  # 13:30
    ring(ctx, clock, "0812-5555-0199", "gone")
    clock.advance(30)
    end_unanswered(ctx, clock, "0812-5555-0199", "gone")


def test_the_charts_and_table_of_a_known_shift(qtbot: QtBot, window: MainWindow, clock: ManualClock) -> None:
    a_known_shift(window, clock)
    window.shifts.refresh()
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_7, CTRL)  # the figures of the open shift, the keyboard on the list
    assert QApplication.focusWidget() is window.figures_view.shift_list
    qtbot.waitUntil(lambda: window.figures.current is not None and not window.figures.busy, timeout=5000)
    view = window.figures_view
    assert view.title.text() == "Morning 2026-11-27 07:00–15:00 (open)"
    assert view.summary.text() == (
        "Calls offered: 5 · answered: 4 · abandoned: 1 (20.0 %) · "
        "longest ring: 30 s (2026-11-27 13:30, abandoned)"
    )
    table = [
        [view.table.item(row, column).text() if view.table.item(row, column) else "" for column in range(6)]
        for row in range(view.table.rowCount())
    ]
    # Nearest rank of 5, 12, 18, 25: p50 the 2nd, p90 and p95 the 4th.
    assert table[:4] == [
        ["Answer time (ring to answer)", "", "", "", "", ""],
        ["4 calls answered", "12 s", "25 s", "25 s", "", ""],
        ["Target: 90 % ≤ 15 s", "", "", "", "50.0 %", "✘ no"],
        ["Target: 95 % ≤ 20 s", "", "", "", "75.0 %", "✘ no"],
    ]
    assert view.table.columnSpan(0, 0) == 6  # the measure's name across the table
    assert table[4:7] == [
        ["Call processing (answer to first unit dispatched)", "", "", "", "", ""],
        ["1 incidents", "40 s", "40 s", "40 s", "", ""],
        ["Target: 90 % ≤ 60 s", "", "", "", "100.0 %", "✔ yes"],
    ]

    # The charts are made only now, when first shown.
    assert view.charts is None
    charts = view.chart_values()
    assert set(charts) == set(CHART_NAMES)

    def bars(name: str) -> list[float]:
        series = [s for s in charts[name].series() if isinstance(s, QBarSeries | QHorizontalBarSeries)]
        assert len(series) == 1
        return [series[0].barSets()[0].at(i) for i in range(series[0].barSets()[0].count())]

    def targets(name: str) -> list[tuple[str, list[tuple[float, float]]]]:
        return [
            (s.name(), [(p.x(), p.y()) for p in s.points()])
            for s in charts[name].series()
            if isinstance(s, QLineSeries)
        ]

    # From the shift's opening (12:00) to its planned end (15:00): 12, 13, 14.
    assert bars("callsPerHour") == [3.0, 2.0, 0.0]
    # Listed top to bottom as CallClass orders them, so drawn bottom-up reversed.
    assert list(reversed(bars("classMix"))) == [1.0, 1.0, 2.0, 0.0, 1.0, 0.0, 0.0, 0.0]
    assert bars("answerTime")[:6] == [1.0, 0.0, 1.0, 1.0, 1.0, 0.0]
    top = charts["answerTime"].axes(Qt.Orientation.Vertical)[0].max()  # type: ignore[attr-defined]
    assert targets("answerTime") == [
        ("90 % ≤ 15 s: 50.0 %, ✘ not met", [(2.5, 0.0), (2.5, top)]),
        ("95 % ≤ 20 s: 75.0 %, ✘ not met", [(3.5, 0.0), (3.5, top)]),
    ]
    assert bars("prankShare") == [40.0]  # 2 prank calls of the day's 5
    assert bars("processingTime")[:4] == [0.0, 0.0, 1.0, 0.0]
    assert [name for name, _ in targets("processingTime")] == ["90 % ≤ 60 s: 100.0 %, ✔ met"]
    assert targets("processingTime")[0][1][0] == (3.5, 0.0)
    assert shifts.current_shift(window.session.ctx) is not None


def test_a_histogram_puts_a_value_at_a_limit_within_it() -> None:
    """15.0 s is within 15 s: it is counted in the 10-15 bin, left of the target's line at 2.5."""
    found = shift_figures(
        [CallTiming(1, START, START.replace(second=15), START.replace(second=20))], settings=FigureSettings()
    )
    drawn = histogram([15.0, 0.0, 61.0, 1000.0], 5.0, found.answer.targets)
    assert drawn.counts[:4] == (1, 0, 1, 0)
    assert drawn.counts[-1] == 2  # beyond the last bin's edge (60 s)
    assert [t.x for t in drawn.thresholds] == [2.5, 3.5]


def test_a_long_period_counts_calls_per_hour_of_the_day(window: MainWindow) -> None:
    zone = window.session.zone
    day = START.replace(hour=0)
    timings = [
        CallTiming(i, day.replace(day=27 + i % 2, hour=5), None, None, CallClass.PRANK.value)
        for i in range(4)
    ]
    figures = shift_figures(timings)
    data = chart_data(timings, [IncidentTiming("x", None)], figures, day, day.replace(day=29), zone)
    assert data.hour_of_day
    assert dict(data.calls_per_hour)[12] == 4  # 05:00 UTC is 12:00 WIB, on both days
    # 00:00 UTC is 07:00 WIB: the period touches three local days, the last without calls.
    assert [(d, p, n) for d, p, n in data.prank_by_day] == [
        (date(2026, 11, 27), 2, 2),
        (date(2026, 11, 28), 2, 2),
        (date(2026, 11, 29), 0, 0),
    ]


def test_the_charts_module_is_not_imported_at_start() -> None:
    """QtCharts is large: the window imports it only when the charts are first shown."""
    code = (
        "import sys, ui.main_window, ui.presenters.figures_work, ui.widgets.figures_view;"
        "print('PySide6.QtCharts' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
