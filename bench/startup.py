"""Start-up of the console's window on a (large) database, and its memory, in fresh processes.

    python -m bench.startup PATH [--runs 5] [--warm-up-runs 1] [--user sari --password rahasia-112]

Each run is a fresh process (``--once``) that measures, from its first line (before PySide6 and
SQLAlchemy are imported) to a main window that is shown with all three boards filled, the steps the
console takes after the login dialog is answered: its imports (``ui.app`` first, as the console
imports it), open and check the database, register the console, verify the password, build the
window and load the boards. Then it times opening the active-incident board again, reads the
resident memory (``VmRSS``), runs what the console loads in the background once the window is shown
(``ui.background.background_loads``: caller-number names, the area index and its first keystrokes)
and reads it again.

The runs: ``--warm-up-runs`` unrecorded ones first (they write Python's bytecode cache and fill the
OS page cache, as any earlier start of an installed console has), then ``--runs`` recorded ones; a
run's process may write bytecode even when ``PYTHONDONTWRITEBYTECODE`` is set here (a stale cache of
a module just edited would otherwise be compiled again at every run: 0.1 s and more). The figures
are the median of the runs, each run's start-up listed. The last line of the output is one JSON
object (``bench.bench_foundation`` reads it).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import gc  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--user", default="sari")
    parser.add_argument("--password", default="rahasia-112")
    parser.add_argument("--board-runs", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5, help="recorded runs, each a fresh process")
    parser.add_argument("--warm-up-runs", type=int, default=1, help="unrecorded runs first")
    parser.add_argument("--centre-area", default="", help="the centre's area code (settings' centre_area)")
    parser.add_argument("--once", action="store_true", help="one run in this process (what each run is)")
    return parser.parse_args(argv)


def main() -> int:
    options = parse_args()
    if options.once:
        return measure_once(options)
    return measure_runs(options)


def measure_runs(options: argparse.Namespace) -> int:
    """The runs, each ``python -m bench.startup PATH --once`` in a fresh process; their median."""
    command = [
        sys.executable,
        "-m",
        "bench.startup",
        str(options.path),
        "--once",
        "--user",
        options.user,
        "--password",
        options.password,
        "--board-runs",
        str(options.board_runs),
        "--centre-area",
        options.centre_area,
    ]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    runs: list[dict[str, Any]] = []
    for number in range(options.warm_up_runs + options.runs):
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            print(done.stdout + done.stderr, file=sys.stderr)
            return done.returncode or 1
        if number >= options.warm_up_runs:
            runs.append(json.loads(lines[-1]))
    figures = summarise(runs)
    print(
        f"start-up to a usable window: median {figures['startup_ms']:.0f} ms of {len(runs)} runs "
        f"({', '.join(str(round(run['startup_ms'])) for run in runs)}); resident memory "
        f"{figures['rss_mib']:.0f} MiB after start-up, {figures['rss_after_background_mib']:.0f} MiB "
        "after the background loads"
    )
    print(json.dumps(figures))
    return 0


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each number the median of the runs; the start-up of every run listed too."""
    figures: dict[str, Any] = {}
    for key, value in runs[0].items():
        if isinstance(value, int | float):
            figures[key] = round(statistics.median(run[key] for run in runs), 2)
        else:
            figures[key] = value
    figures["runs"] = len(runs)
    figures["startup_runs_ms"] = [run["startup_ms"] for run in runs]
    return figures


def measure_once(options: argparse.Namespace) -> int:
    # The console's own start-up module first: its imports are the console's (and pause the
    # garbage collector as the console's do).
    importlib.import_module("ui.app")
    from PySide6.QtWidgets import QApplication

    from dispatch.catalogue_files import load_default_catalogue
    from dispatch.domain.clock import SystemClock
    from dispatch.services import accounts, queries
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import open_database, sqlite_url
    from ui.app import freeze_long_lived
    from ui.background import background_loads
    from ui.i18n import install_translator
    from ui.main_window import MainWindow
    from ui.session import ConsoleSession

    steps: dict[str, float] = {"imports_ms": (time.perf_counter() - STARTED) * 1000}
    app = QApplication([])
    install_translator(app, "id")
    mark = time.perf_counter()
    database = open_database(sqlite_url(options.path))
    steps["open_database_ms"] = (time.perf_counter() - mark) * 1000
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-BENCH", "bench")
    mark = time.perf_counter()
    result = accounts.log_in(ctx, options.user, options.password)
    steps["password_check_ms"] = (time.perf_counter() - mark) * 1000
    if result.actor is None:
        print(f"cannot log in as {options.user}: {result.outcome}", file=sys.stderr)
        return 2
    ctx = ctx.acting_as(result.actor)
    gc.disable()  # as run_console does from the log-in until the window is shown
    mark = time.perf_counter()
    window = MainWindow(ConsoleSession(ctx, load_default_catalogue(), "id"))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    steps["window_ms"] = (time.perf_counter() - mark) * 1000
    usable_ms = (time.perf_counter() - STARTED) * 1000
    rows = {
        "calls": window.call_model.rowCount(),
        "incidents": window.incident_model.rowCount(),
        "units": len(window.unit_model.units()),
    }
    mark = time.perf_counter()
    freeze_long_lived()  # as the console does once its window is shown
    gc.enable()
    freeze_ms = (time.perf_counter() - mark) * 1000
    board = []
    for _ in range(options.board_runs):
        mark = time.perf_counter()
        window.incident_model.set_rows(queries.active_incidents(ctx))
        app.processEvents()
        board.append((time.perf_counter() - mark) * 1000)
    memory = rss_mib()
    # What the console loads off the GUI thread once the window is shown (here one after the other).
    mark = time.perf_counter()
    for _name, load in background_loads(options.centre_area):
        load()
    background_ms = (time.perf_counter() - mark) * 1000
    app.processEvents()
    memory_after = rss_mib()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    database.dispose()
    figures = {
        "startup_ms": round(usable_ms, 1),
        **{k: round(v, 1) for k, v in steps.items()},
        "board_rows": rows,
        "active_board_p50_ms": round(statistics.median(board), 2),
        "active_board_max_ms": round(max(board), 2),
        "freeze_ms": round(freeze_ms, 1),
        "rss_mib": round(memory, 1),
        "background_loads_ms": round(background_ms, 1),
        "rss_after_background_mib": round(memory_after, 1),
        "peak_rss_mib": round(peak, 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
