"""Benchmark of the boards at dispatch scale: 2,000 units and 500 open incidents.

    python -m bench.bench_boards [--seconds 20] [--rate 50] [--full-reload] [--profile] [--json out.json]

A temporary SQLite database gets 2,000 units (police, medical, fire, SAR, disaster, utility,
transport and social units at 300 stations around Semarang, loaded through ``dispatching.load_roster``)
and 500 open incidents with about 800 units assigned to them (bulk-inserted with the ORM in one
transaction, the units' statuses following their assignments). The real ``MainWindow`` opens on it
offscreen at 1366x768, logged in as a supervisor, as the tests build it.

1. **Single changes**: 200 unit status changes, one at a time, each from a background thread (as
   another console's change arrives), waiting for each to show. Latency from the change's notice on
   the bus (published after the commit) to the unit board's model row holding the new status, and from
   the service call (commit included) to the same; target 16 ms.
2. **Load**: ``--rate`` status changes a second from another console for ``--seconds`` (unassigned
   units go out of service and back; assigned units move along their lifecycle, which updates their
   incidents, and clear), while the unit board scrolls (three lines every 50 ms, bouncing) and the
   incident board scrolls, and a filter is typed into the unit filter one key every 250 ms (a call
   sign prefix, a status word, cleared). The window applies a filter 120 ms after the last key, so at
   this pace every key is applied: "a filter keystroke" is the key's own cost (the line edit, the
   debounce timer restarted), "a filter applied" the board's filtering of the 2,000 units plus the
   view's layout of the rows left (forced right away to be timed; otherwise it runs a moment later,
   where the lag meter sees it). A 5 ms precise QTimer (``bench_feeds.LagMeter``) measures the
   event-loop lag; target: under 16 ms. The latencies of the changes are recorded too, for the unit
   board and for the incident rows the changes touched.
3. ``--full-reload``: the same run with the old refresh: every change reloads whole boards
   (``MainWindow.incremental_boards = False``) and the one-second tick signals every row's live
   column, as before; the baseline.

``--profile`` runs the load under cProfile and prints the functions with the most cumulative time.
Times are ``time.perf_counter``; percentiles nearest-rank.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import cProfile
import io
import json
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.bench_feeds import LagMeter, run_until
from bench.bench_foundation import machine_info, nearest_rank

TARGET_MS = 16.0
UNITS = 2000
INCIDENTS = 500
STATIONS = 300
PASSWORD = "rahasia-112"
#: Share of the roster per agency type, and the capabilities its units carry.
AGENCY_MIX = {
    "police": (0.30, "POL", "Polsek", ("patrol",)),
    "medical": (0.25, "AMB", "Puskesmas", ("ambulance_bls",)),
    "fire": (0.15, "DMK", "Pos Damkar", ("fire_engine", "water_tanker")),
    "sar": (0.06, "SAR", "Pos SAR", ("rescue", "boat")),
    "disaster": (0.075, "BPBD", "Posko BPBD", ("rescue",)),
    "utility": (0.075, "PLN", "Posko PLN", ()),
    "transport": (0.05, "DISHUB", "Pos Dishub", ()),
    "social": (0.04, "DINSOS", "Kantor Dinsos", ()),
}
DISTRICTS = [
    "Banyumanik", "Candisari", "Gajahmungkur", "Gayamsari", "Genuk", "Gunungpati", "Mijen", "Ngaliyan",
    "Pedurungan", "Semarang Barat", "Semarang Selatan", "Semarang Tengah", "Semarang Timur",
    "Semarang Utara", "Tembalang", "Tugu", "Ungaran", "Kendal", "Demak", "Salatiga",
]  # fmt: skip
FILTER_TYPING = ["pol-0", "", "on scene", "", "amb", "", "tembalang", "", "out of", ""]


def summary(values: Sequence[float]) -> dict[str, Any]:
    ordered = sorted(values)
    if not ordered:
        return {"n": 0}
    return {
        "n": len(ordered),
        "p50": round(nearest_rank(ordered, 50), 2),
        "p99": round(nearest_rank(ordered, 99), 2),
        "max": round(ordered[-1], 2),
        "mean": round(statistics.fmean(ordered), 2),
        "over_16ms": sum(1 for v in ordered if v >= TARGET_MS),
    }


# -- the database ------------------------------------------------------------------------------------


def seed(path: Path, rng: random.Random) -> Any:
    """The console, a logged-in supervisor, 2,000 units and 500 open incidents; returns the context."""
    from dispatch.catalogue_files import load_default_catalogue
    from dispatch.domain.clock import SystemClock
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import open_database, sqlite_url

    database = open_database(sqlite_url(path))
    console = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "bench")
    accounts.create_first_supervisor(console, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
    result = accounts.log_in(console, "sari", PASSWORD)
    assert result.actor is not None
    ctx = console.acting_as(result.actor)

    fill_board(ctx, rng, UNITS, INCIDENTS)
    return ctx, load_default_catalogue()


def fill_board(ctx: Any, rng: random.Random, units: int, incidents: int) -> None:
    """``units`` units at stations around Semarang and ``incidents`` open incidents, some with units
    under way: the boards a busy room shows (bench_forwarding seeds its consoles with it too)."""
    from dispatch.catalogue_files import load_default_catalogue
    from dispatch.domain.enums import AgencyType, IncidentStatus, Priority, UnitStatus
    from dispatch.domain.roster import UnitSpec
    from dispatch.services import dispatching
    from dispatch.store.tables import Assignment, Incident, Unit

    database = ctx.database
    stations = [
        (
            f"{rng.choice(['Pos', 'Markas', 'Posko', 'Kantor'])} {rng.choice(DISTRICTS)} {n + 1}",
            -6.99 + rng.uniform(-0.12, 0.12),
            110.42 + rng.uniform(-0.18, 0.18),
        )
        for n in range(STATIONS)
    ]
    specs = []
    for agency, (share, prefix, name, capabilities) in AGENCY_MIX.items():
        for number in range(round(units * share)):
            station, lat, lon = rng.choice(stations)
            specs.append(
                UnitSpec(
                    call_sign=f"{prefix}-{number + 1:04d}",
                    agency_type=AgencyType(agency),
                    agency_name=f"{name} {station.split(' ', 1)[1]}",
                    station=station,
                    lat=lat,
                    lon=lon,
                    capabilities=capabilities,
                    radio=f"CH {rng.randint(1, 16)}",
                )
            )
    dispatching.load_roster(ctx, specs[:units])

    categories = [c.code for c in load_default_catalogue()]
    now = datetime.now(UTC)
    with database.transaction() as session:
        free = list(session.query(Unit).order_by(Unit.id))
        rng.shuffle(free)
        for number in range(incidents):
            created = now - timedelta(seconds=rng.uniform(60, 4 * 3600))
            sent = free[: rng.choice((0, 1, 2, 2, 3))] if len(free) > 3 else []
            del free[: len(sent)]
            status = IncidentStatus.DISPATCHED if sent else IncidentStatus.AWAITING_DISPATCH
            incident = Incident(
                number=f"{now.year}-{900000 + number:06d}",
                category=rng.choice(categories),
                priority=rng.choice(list(Priority)).value,
                status=status.value,
                created_at=created,
                updated_at=created,
                created_by=ctx.actor.user_id,
                console_id=ctx.console_id,
                caller_name="Bench",
                district=rng.choice(DISTRICTS),
                street=f"Jl. Bench {number}",
            )
            session.add(incident)
            session.flush()
            for unit in sent:
                unit_status = rng.choice([UnitStatus.DISPATCHED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE])
                unit.status = unit_status.value
                unit.status_since = created + timedelta(seconds=90)
                session.add(
                    Assignment(
                        incident_id=incident.id,
                        unit_id=unit.id,
                        dispatched_by=ctx.actor.user_id,
                        dispatched_at=created + timedelta(seconds=60),
                        acknowledged_at=created + timedelta(seconds=80),
                        en_route_at=None if unit_status is UnitStatus.DISPATCHED else created,
                        on_scene_at=created + timedelta(seconds=600)
                        if unit_status is UnitStatus.ON_SCENE
                        else None,
                    )
                )


# -- the changes ---------------------------------------------------------------------------------------


class Changer:
    """Picks a legal next status for a unit, as consoles would send them, and makes the change."""

    def __init__(self, ctx: Any, rng: random.Random) -> None:
        from dispatch.services import queries

        self.ctx = ctx
        self.rng = rng
        self.units = {u.id: u.status for u in queries.units(ctx)}
        self.lock = threading.Lock()

    def next_change(self) -> tuple[int, Any]:
        from dispatch.domain.enums import UnitStatus as S
        from dispatch.domain.lifecycle import usual_next

        with self.lock:
            while True:
                unit_id = self.rng.choice(list(self.units))
                status = self.units[unit_id]
                if status in (S.AVAILABLE, S.CLEARED):
                    target = S.OUT_OF_SERVICE
                elif status is S.OUT_OF_SERVICE:
                    target = S.AVAILABLE
                else:
                    target = usual_next(status)  # type: ignore[assignment]
                if target is not None and target is not S.DISPATCHED:
                    self.units[unit_id] = target
                    return unit_id, target

    def change(self, unit_id: int, target: Any) -> Any:
        from dispatch.services import dispatching

        return dispatching.set_unit_status(self.ctx, unit_id, target)


class Watcher:
    """Records when the boards' models show each change (on the GUI thread, in their signals)."""

    def __init__(self, window: Any) -> None:
        from dispatch.services.bus import Topic

        self.window = window
        self.lock = threading.Lock()
        # unit id -> (expected status, called at, published at)
        self.pending: dict[int, tuple[Any, float, float | None]] = {}
        self.pending_incidents: dict[int, float] = {}
        self.unit_from_publish: list[float] = []
        self.unit_from_call: list[float] = []
        self.incident_from_publish: list[float] = []
        self.topic = Topic
        window.unit_model.dataChanged.connect(self._units_changed)
        window.unit_model.rowsInserted.connect(self._units_changed)
        window.unit_model.rowsRemoved.connect(self._units_changed)
        window.unit_model.layoutChanged.connect(self._units_changed)
        window.unit_model.modelReset.connect(self._units_changed)
        # A unit the filter hides changes without any signal (it has no row), and an incident whose
        # row a change leaves as it was signals nothing: each counts as shown once the window's
        # refresh has given the model its state (the window's timing hook says when).
        add_timing_hook(window, self._after_step)
        window.incident_model.dataChanged.connect(self._incidents_changed)
        window.incident_model.rowsMoved.connect(self._incidents_changed)
        window.incident_model.rowsRemoved.connect(self._incidents_changed)
        window.incident_model.layoutChanged.connect(self._incidents_changed)

    def _after_step(self, name: str, _began: float, _seconds: float) -> None:
        if name == "apply_changes":
            self._units_changed()
            self._incidents_changed()

    def called(self, unit_id: int, target: Any, at: float) -> None:
        with self.lock:
            self.pending[unit_id] = (target, at, None)

    def published(self, change: Any) -> None:
        """A bus listener (runs on the thread that made the change, right after its commit)."""
        at = time.perf_counter()
        with self.lock:
            if change.topic is self.topic.UNITS:
                for unit_id in change.ids:
                    if unit_id in self.pending:
                        target, called, _ = self.pending[unit_id]
                        self.pending[unit_id] = (target, called, at)
            elif change.topic is self.topic.INCIDENTS:
                for incident_id in change.ids:
                    self.pending_incidents[incident_id] = at

    def _units_changed(self, *_args: Any) -> None:
        now = time.perf_counter()
        model = self.window.unit_model
        with self.lock:
            for unit_id, (target, called, published) in list(self.pending.items()):
                unit = model.unit_by_id(unit_id)
                if unit is not None and unit.status is target and published is not None:
                    self.unit_from_publish.append((now - published) * 1000)
                    self.unit_from_call.append((now - called) * 1000)
                    del self.pending[unit_id]

    def _incidents_changed(self, *_args: Any) -> None:
        now = time.perf_counter()
        with self.lock:
            for published in self.pending_incidents.values():
                self.incident_from_publish.append((now - published) * 1000)
            self.pending_incidents.clear()


# -- the run ---------------------------------------------------------------------------------------------


def open_window(ctx: Any, catalogue: Any, full_reload: bool) -> Any:
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow
    from ui.positions import Position
    from ui.session import ConsoleSession

    window = MainWindow(ConsoleSession(ctx, catalogue, "en"))
    window.resize(1366, 768)
    window.show()
    # The dispatcher's position: the unit board beside the open incident, as a dispatcher sees it
    # (before issue 10's docks the window had one layout, with a unit board of about this size).
    window.take_position(Position.DISPATCHER)
    if not full_reload:
        from ui.app import freeze_long_lived

        freeze_long_lived()  # as the console does once its window is up (ui/app.py)
    if full_reload:
        window.boards.incremental = False
        models = (window.call_model, window.incident_model, window.unit_model)

        def old_tick() -> None:  # every row's live column signalled each second, as before
            began = time.perf_counter()
            window.status.update_clock()
            for model in models:
                model.refresh_live_columns()
            window.desk.tick()
            window.alarms.check_timers()
            if window.boards.timing_hook is not None:
                window.boards.timing_hook("tick", began, time.perf_counter() - began)

        window.ticker.timeout.disconnect()
        window.ticker.timeout.connect(old_tick)
    window.unit_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    run_until(lambda: False, 0.5)
    return window


def single_changes(window: Any, changer: Changer, watcher: Watcher, count: int) -> None:
    for _ in range(count):
        unit_id, target = changer.next_change()
        watcher.called(unit_id, target, time.perf_counter())
        thread = threading.Thread(target=changer.change, args=(unit_id, target))
        thread.start()
        run_until(lambda unit_id=unit_id: unit_id not in watcher.pending, 2.0, poll_ms=1)
        thread.join()
        run_until(lambda: False, 0.02)


def load(
    window: Any,
    changer: Changer,
    watcher: Watcher,
    database_path: Path,
    seconds: float,
    rate: float,
    without: set[str],
) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractSlider

    from dispatch.domain.enums import UnitStatus
    from dispatch.services.bus import Change, Topic

    # The changes come from another console: a separate process on the same database, whose notices
    # this process publishes on its bus as they arrive (as a LISTEN/NOTIFY listener would). Made in a
    # thread of this process, the services' own Python work competed with the window for the GIL.
    child = subprocess.Popen(
        [
            *(sys.executable, "-m", "bench.bench_boards", "--child", str(database_path)),
            *("--rate", str(rate), "--seconds", str(seconds), "--seed", str(changer.rng.random())),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    ready = child.stdout.readline()
    assert ready.strip() == "ready", ready
    sent = [0]
    errors: list[str] = []

    def relay() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            record = json.loads(line)
            if "error" in record:
                errors.append(record["error"])
                continue
            watcher.called(record["unit"], UnitStatus(record["status"]), record["called"])
            changes = [Change(Topic.UNITS, (record["unit"],))]
            if record["incident"] is not None:
                changes.append(Change(Topic.INCIDENTS, (record["incident"],)))
            changer.ctx.bus.publish(*changes)
            sent[0] += 1

    direction = [1]

    def scroll() -> None:
        for view in (window.unit_view, window.incident_view):
            bar = view.verticalScrollBar()
            if bar.value() >= bar.maximum():
                direction[0] = -1
            elif bar.value() <= bar.minimum():
                direction[0] = 1
            action = (
                QAbstractSlider.SliderAction.SliderSingleStepAdd
                if direction[0] > 0
                else QAbstractSlider.SliderAction.SliderSingleStepSub
            )
            for _ in range(3):
                bar.triggerAction(action)

    keys = [ch for word in FILTER_TYPING for ch in (list(word) if word else ["\b"])]
    typed = [0]
    filter_ms: list[float] = []

    def type_key() -> None:
        key = keys[typed[0] % len(keys)]
        typed[0] += 1
        began = time.perf_counter()
        if key == "\b":
            window.unit_filter_input.clear()
        else:
            QTest.keyClicks(window.unit_filter_input, key)
        filter_ms.append((time.perf_counter() - began) * 1000)

    timers = []
    activities = [(50, scroll, "scrolling"), (250, type_key, "typing")]
    for interval, slot, _name in [a for a in activities if a[2] not in without]:
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        timers.append(timer)
    lag = LagMeter()
    lag.start()
    for timer in timers:
        timer.start()
    thread = threading.Thread(target=relay, daemon=True)
    thread.start()
    began = time.perf_counter()
    child.stdin.write("go\n")
    child.stdin.flush()
    run_until(lambda: child.poll() is not None, seconds + 30, poll_ms=50)
    ended = time.perf_counter()
    thread.join(5)
    run_until(lambda: not watcher.pending, 2.0)
    for timer in timers:
        timer.stop()
    lag.stop()
    window.unit_filter_input.clear()
    lags = lag.lags_ms(began, ended)
    return {
        "seconds": round(ended - began, 1),
        "changes_sent": sent[0],
        "changes_per_s": round(sent[0] / (ended - began), 1),
        "errors": errors[:5],
        "lag_ms": summary(lags),
        "lag_ms_over_16": sum(1 for v in lags if v >= TARGET_MS),
        "filter_keystroke_ms": summary(filter_ms),
    }


def add_timing_hook(window: Any, hook: Callable[[str, float, float], None]) -> None:
    """Call ``hook`` too after each step the window times (MainWindow.timing_hook)."""
    previous = window.boards.timing_hook

    def both(name: str, began: float, seconds: float) -> None:
        if previous is not None:
            previous(name, began, seconds)
        hook(name, began, seconds)

    window.boards.timing_hook = both


def timed_work(window: Any) -> dict[str, list[float]]:
    """The window's refresh steps, timed through its timing hook (no private member reached)."""
    kept = ("apply_changes", "fit_columns", "timer_alerts", "tick")
    samples: dict[str, list[float]] = {key: [] for key in (*kept, "filter_applied")}

    def record(name: str, began: float, seconds: float) -> None:
        if name in kept:
            samples[name].append(seconds * 1000)
        elif name == "unit_filter":
            window.unit_view.doItemsLayout()  # the delayed layout, now: part of the cost
            samples["filter_applied"].append((time.perf_counter() - began) * 1000)

    add_timing_hook(window, record)
    return samples


def run(args: argparse.Namespace) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-boards-") as folder:
        began = time.perf_counter()
        path = Path(folder) / "boards.sqlite3"
        ctx, catalogue = seed(path, rng)
        seeded_s = time.perf_counter() - began
        # Subscribed before the window's bridge, so that a notice's time is taken before the window
        # can act on it (listeners run in subscription order, and the GUI thread may run at once).
        watchers: list[Watcher] = []
        ctx.bus.subscribe(lambda change: [w.published(change) for w in watchers])
        window = open_window(ctx, catalogue, args.full_reload)
        began = time.perf_counter()
        window.reload_all()
        reload_ms = (time.perf_counter() - began) * 1000
        changer = Changer(ctx, rng)
        watcher = Watcher(window)
        watchers.append(watcher)
        if "alerts" in args.without:
            window.alarms.check_timers = lambda: None  # what-if: the boards without the timer alerts
        work = timed_work(window)

        single_changes(window, changer, watcher, args.singles)
        single = {
            "unit_board_from_publish_ms": summary(watcher.unit_from_publish),
            "unit_board_from_call_ms": summary(watcher.unit_from_call),
            "incident_board_from_publish_ms": summary(watcher.incident_from_publish),
            "apply_changes_ms": summary(work["apply_changes"]),
        }
        for samples in (watcher.unit_from_publish, watcher.unit_from_call, watcher.incident_from_publish):
            samples.clear()
        for samples in work.values():
            samples.clear()

        profiler = cProfile.Profile() if args.profile else None
        if profiler is not None:
            profiler.enable()
        loaded = load(window, changer, watcher, path, args.seconds, args.rate, set(args.without))
        if profiler is not None:
            profiler.disable()
        loaded |= {
            "unit_board_from_publish_ms": summary(watcher.unit_from_publish),
            "unit_board_from_call_ms": summary(watcher.unit_from_call),
            "incident_board_from_publish_ms": summary(watcher.incident_from_publish),
            "apply_changes_ms": summary(work["apply_changes"]),
            "fit_columns_ms": summary(work["fit_columns"]),
            "tick_ms": summary(work["tick"]),
            "timer_alerts_ms": summary(work["timer_alerts"]),
            "filter_applied_ms": summary(work["filter_applied"]),
        }
        board = {
            "units": len(window.unit_model.units()),
            "open_incidents": window.incident_model.rowCount(),
        }
        window.close()
        window.deleteLater()
        app.processEvents()
        ctx.database.dispose()
    report = {
        "mode": ("full reload (old)" if args.full_reload else "incremental")
        + (f", without {', '.join(args.without)}" if args.without else ""),
        "machine": machine_info(),
        "seeded_s": round(seeded_s, 1),
        "board": board,
        "reload_all_ms": round(reload_ms, 1),
        "single_changes": single,
        "load": loaded,
    }
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
        report["profile"] = out.getvalue()
    return report


def render(report: dict[str, Any]) -> str:
    def line(name: str, s: dict[str, Any]) -> str:
        if not s.get("n"):
            return f"  {name:<44} (none)"
        return (
            f"  {name:<44} n={s['n']:<5} p50={s['p50']:>7.2f}  p99={s['p99']:>7.2f}  max={s['max']:>7.2f}"
            f"  >=16ms: {s['over_16ms']}"
        )

    machine = report["machine"]
    single, loaded = report["single_changes"], report["load"]
    lines = [
        f"Boards benchmark ({report['mode']}): {report['board']['units']} units, "
        f"{report['board']['open_incidents']} open incidents",
        f"machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
        f"load {machine['load_average']}",
        f"reload_all: {report['reload_all_ms']} ms",
        "single status changes, one at a time (ms):",
        line("change notice -> unit board row", single["unit_board_from_publish_ms"]),
        line("service call (commit) -> unit board row", single["unit_board_from_call_ms"]),
        line("change notice -> incident board row", single["incident_board_from_publish_ms"]),
        line("GUI refresh per change (_apply_changes)", single["apply_changes_ms"]),
        f"load: {loaded['changes_sent']} changes in {loaded['seconds']} s ({loaded['changes_per_s']}/s) "
        f"while scrolling both boards and typing a filter; errors: {len(loaded['errors'])}",
        line("event-loop lag (5 ms timer)", loaded["lag_ms"]),
        line("change notice -> unit board row", loaded["unit_board_from_publish_ms"]),
        line("service call (commit) -> unit board row", loaded["unit_board_from_call_ms"]),
        line("change notice -> incident board row", loaded["incident_board_from_publish_ms"]),
        line("GUI refresh (_apply_changes)", loaded["apply_changes_ms"]),
        line("a filter keystroke (typed)", loaded["filter_keystroke_ms"]),
        line("a filter applied (filtered + laid out)", loaded["filter_applied_ms"]),
        line("column fitting (every 2 s)", loaded["fit_columns_ms"]),
        line("one-second tick, all of it", loaded["tick_ms"]),
        line("  of which timer alerts (check_timers)", loaded["timer_alerts_ms"]),
    ]
    if "profile" in report:
        lines.append(report["profile"])
    return "\n".join(lines)


def other_console(path: Path, rate: float, seconds: float, seed_value: str) -> int:
    """The child process: another console changing unit statuses at ``rate`` a second."""
    from dispatch.domain.clock import SystemClock
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import open_database, sqlite_url

    database = open_database(sqlite_url(path))
    console = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-02", "bench-2")
    result = accounts.log_in(console, "sari", PASSWORD)
    assert result.actor is not None
    changer = Changer(console.acting_as(result.actor), random.Random(seed_value))
    print("ready", flush=True)
    sys.stdin.readline()
    start = time.perf_counter()
    count = 0
    while time.perf_counter() < start + seconds:
        left = start + count / rate - time.perf_counter()
        if left > 0:
            time.sleep(left)
        unit_id, target = changer.next_change()
        called = time.perf_counter()
        try:
            view = changer.change(unit_id, target)
        except Exception as error:  # counted and reported; the run goes on
            print(json.dumps({"error": repr(error)}), flush=True)
        else:
            record = {"unit": unit_id, "status": target.value, "incident": view.incident_id, "called": called}
            print(json.dumps(record), flush=True)
        count += 1
    database.dispose()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_boards", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rate", type=float, default=50.0, help="status changes a second during the load")
    parser.add_argument("--singles", type=int, default=200, help="single changes measured one by one")
    parser.add_argument("--full-reload", action="store_true", help="the old refresh: whole boards")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--without",
        nargs="*",
        default=[],
        choices=["alerts", "typing", "scrolling"],
        help="what-ifs: leave out the timer alerts on the tick, the filter typing or the scrolling",
    )
    parser.add_argument("--seed", type=float, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a toy size (200 units, 40 incidents, 1.5 s): checks that it works; figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        global UNITS, INCIDENTS  # read by seed() when it builds the scratch database
        UNITS, INCIDENTS = 200, 40
        args.seconds, args.singles = 1.5, 10
    if args.child:
        return other_console(args.child, args.rate, args.seconds, str(args.seed))
    report = run(args)
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
