"""Benchmark: the caller summary shown while a call rings, on the 1,000,000-call database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_caller_history [PATH] [--runs 300] [--seed 1]

PATH defaults to ``/tmp/bench/bench2.sqlite3`` (made by ``bench.seed``, at the current schema). Nothing is
written: the database is opened without migrating, and every "ringing" call is a CallView that exists
only in memory (ringing now, id -1) for a number taken from the database, so no call row is added.

Measured with ``time.perf_counter_ns`` (wall clock, milliseconds), target 50 ms:

* ``dispatch.services.callers.caller_summary`` (counts per window and class, the last calls with their
  incident numbers, the flags) for numbers drawn as calls ring (a random call's number: frequent
  callers come up as often as they call), for the 20 heaviest prank numbers, and for withheld calls;
* the same plus showing it: ``ui.widgets.caller_panel.CallerPanel.show_call`` and a synchronous repaint
  of the panel (offscreen), i.e. from the ring notice to the panel painted, minus the feed's insert.

The first call of each series is reported on its own (statement compilation, cold page cache); then
``--runs`` recorded calls, summarised as p50/p99/max (nearest rank). The CPU model comes from lscpu.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dispatch.domain.clock import SystemClock
from dispatch.domain.enums import CallState, Presentation
from dispatch.domain.phone import format_national
from dispatch.services import callers
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from dispatch.store.database import open_database, sqlite_url

TARGET_MS = 50.0
DEFAULT_PATH = Path("/tmp/bench/bench2.sqlite3")


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def ringing(raw: str, e164: str | None, presentation: str, description: str, now: datetime) -> CallView:
    return CallView(
        id=-1,
        feed="bench://",
        line="1",
        number_raw=raw,
        number_e164=e164,
        presentation=Presentation(presentation),
        number_description=description,
        caller_name=None,
        state=CallState.RINGING,
        ring_at=now,
        answered_at=None,
        ended_at=None,
        classification=None,
        incident_id=None,
        incident_number=None,
        number_national=format_national(e164) if e164 else raw,
    )


#: Every series measured in this run, by name (written by --json).
FIGURES: dict[str, dict[str, float]] = {}


def measure(name: str, calls: Sequence[CallView], action: Callable[[CallView], object], runs: int) -> bool:
    first_started = time.perf_counter_ns()
    action(calls[0])
    first = (time.perf_counter_ns() - first_started) / 1e6
    for call in calls[1:6]:
        action(call)  # warm-up, not recorded
    timings = []
    for position in range(runs):
        call = calls[position % len(calls)]
        started = time.perf_counter_ns()
        action(call)
        timings.append((time.perf_counter_ns() - started) / 1e6)
    p50, p99, worst = percentile(timings, 50), percentile(timings, 99), max(timings)
    ok = p99 <= TARGET_MS
    FIGURES[name] = {"n": runs, "first": first, "p50": p50, "p99": p99, "max": worst, "target_ms": TARGET_MS}
    print(
        f"{name:<46} first {first:7.2f}  p50 {p50:6.2f}  p99 {p99:6.2f}  max {worst:6.2f} ms"
        f"  ({runs} runs) {'OK' if ok else 'OVER'} vs {TARGET_MS:.0f} ms"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-window", action="store_true", help="skip the panel (no Qt)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a toy size (seconds): checks that the benchmark works; figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.runs = 10
    if not args.path.exists():
        print(f"{args.path}: no such database (make it with python -m bench.seed)", file=sys.stderr)
        return 2

    raw = sqlite3.connect(f"file:{args.path}?mode=ro", uri=True)
    total_calls = raw.execute("SELECT max(id) FROM calls").fetchone()[0]
    last_ring = raw.execute("SELECT max(ring_at) FROM calls").fetchone()[0]
    now = datetime.fromisoformat(last_ring).replace(tzinfo=UTC) + timedelta(minutes=10)
    rng = random.Random(args.seed)
    columns = "number_raw, number_e164, presentation, number_description"
    sampled = []
    while len(sampled) < 400:
        row = raw.execute(
            f"SELECT {columns} FROM calls WHERE id = ?", (rng.randint(1, total_calls),)
        ).fetchone()
        if row is not None and row[2] == "allowed":
            sampled.append(ringing(*row, now))
    started = time.perf_counter()
    heaviest = raw.execute(
        "SELECT number_e164, count(*) FROM calls WHERE classification = 'prank' AND number_e164 IS NOT NULL"
        " GROUP BY number_e164 ORDER BY 2 DESC LIMIT 20"
    ).fetchall()
    print(
        f"(finding the heaviest prank numbers took {time.perf_counter() - started:.1f} s; not part of a ring)"
    )
    pranksters = []
    for e164, _count in heaviest:
        row = raw.execute(
            f"SELECT {columns} FROM calls WHERE number_e164 = ? ORDER BY ring_at DESC LIMIT 1", (e164,)
        ).fetchone()
        pranksters.append(ringing(*row, now))
    heaviest_total = raw.execute(
        "SELECT count(*) FROM calls WHERE number_e164 = ?", (heaviest[0][0],)
    ).fetchone()[0]
    withheld = [ringing("P", None, "private", "", now), ringing("O", None, "unavailable", "", now)]
    console = raw.execute("SELECT id, name FROM consoles ORDER BY id LIMIT 1").fetchone()
    raw.close()

    database = open_database(sqlite_url(args.path), upgrade=False)
    ctx = ServiceContext(database, SystemClock(), ChangeBus(), console[0], console[1])
    print(f"database: {args.path} ({total_calls:,} calls); ringing at {now.isoformat()}")
    print(
        f"heaviest prank number: {heaviest[0][0]}, {heaviest[0][1]:,} prank calls, {heaviest_total:,} in all"
    )
    summary = callers.caller_summary(ctx, pranksters[0])
    print(
        f"  its summary: {summary.counts.last_24h} in 24 h, {summary.counts.last_30d} in 30 days, "
        f"{summary.counts.total} in all; repeat prank: {summary.repeat_prank}"
    )

    def summarise(call: CallView) -> object:
        return callers.caller_summary(ctx, call)

    results = [
        measure("caller_summary, numbers as calls ring", sampled, summarise, args.runs),
        measure("caller_summary, 20 heaviest prank numbers", pranksters, summarise, args.runs),
        measure("caller_summary, withheld", withheld, summarise, args.runs),
    ]
    if not args.no_window:
        from PySide6.QtWidgets import QApplication

        from dispatch.catalogue_files import load_default_catalogue
        from ui.session import ConsoleSession
        from ui.widgets.caller_panel import CallerPanel

        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen: no size-hint notices
        app = QApplication.instance() or QApplication([])
        panel = CallerPanel(ConsoleSession(ctx, load_default_catalogue(), "en"))
        panel.resize(420, 200)
        panel.show()
        app.processEvents()

        def show(call: CallView) -> None:
            panel.show_call(call, force=True)
            panel.repaint()

        results.append(measure("panel shown (summary + paint), as calls ring", sampled, show, args.runs))
        results.append(measure("panel shown (summary + paint), heaviest pranks", pranksters, show, args.runs))
        panel.close()
        panel.deleteLater()
        app.processEvents()
    database.dispose()
    print(f"machine: {cpu_model()}, {os.cpu_count()} logical CPUs; Python {sys.version.split()[0]}")
    if args.json:
        args.json.write_text(json.dumps(FIGURES, indent=2) + "\n", encoding="utf-8")
    return 0 if all(results) or args.smoke else 1


if __name__ == "__main__":
    raise SystemExit(main())
