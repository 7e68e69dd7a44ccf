"""Start-up of the console's window on a (large) database, in a fresh process.

    python -m bench.startup PATH [--user sari --password rahasia-112]

Measures, from the first line of this process (before PySide6 and SQLAlchemy are imported) to a
main window that is shown with all three boards filled, the same steps the console takes after
the login dialog is answered: open and check the database, register the console, verify the
password, build the window and load the boards. Then it times opening the active-incident board
again, and reports the resident memory. The last line of the output is one JSON object
(``bench.bench_foundation`` reads it).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--user", default="sari")
    parser.add_argument("--password", default="rahasia-112")
    parser.add_argument("--board-runs", type=int, default=50)
    options = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from dispatch.catalogue_files import load_default_catalogue
    from dispatch.domain.clock import SystemClock
    from dispatch.services import accounts, queries
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import open_database, sqlite_url
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
    board = []
    for _ in range(options.board_runs):
        mark = time.perf_counter()
        window.incident_model.set_rows(queries.active_incidents(ctx))
        app.processEvents()
        board.append((time.perf_counter() - mark) * 1000)
    memory = rss_mib()
    # The console loads the carrier and area tables in the background after start-up; count them.
    from dispatch.domain.phone import warm_up_descriptions

    warm_up_descriptions()
    memory_warm = rss_mib()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    database.dispose()
    figures = {
        "startup_ms": round(usable_ms, 1),
        **{k: round(v, 1) for k, v in steps.items()},
        "board_rows": rows,
        "active_board_p50_ms": round(statistics.median(board), 2),
        "active_board_max_ms": round(max(board), 2),
        "rss_mib": round(memory, 1),
        "rss_with_phone_tables_mib": round(memory_warm, 1),
        "peak_rss_mib": round(peak, 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
