"""Benchmark of the console foundation on a database made by ``bench.seed``.

    python -m bench.bench_foundation PATH [--runs 200] [--json out.json] [--seed 1]

Measures, in one process, through the console's own services (``dispatch.services.queries`` with a
context from ``accounts.register_console``, a ``ChangeBus`` and the ``SystemClock``):

* caller history: ``queries.caller_history`` for a fake call ringing now from random numbers of the
  pool, interleaved (alternating which goes first) with the floor, the same index lookup by the plain
  ``sqlite3`` module on the same file; again for the most frequent callers and for withheld numbers
  (looked up by ``number_raw``); and, with ``--cold-runs``, with the file evicted from the OS page cache
  before every lookup (``posix_fadvise(DONTNEED)``), as after a reboot;
* opening the boards: ``queries.active_incidents``, ``queries.call_queue`` and ``queries.units``, and
  opening one incident (``queries.incident``, ``queries.assignments``, ``queries.incident_notes``);
* extras without a target: how ``calls.record_signal`` finds the call a signal belongs to when the
  feed sends no call id (``calls._find_call``, for withheld numbers and frequent callers; see its
  query plan);
* one audited service write each (``--write-runs``), on a scratch copy of the database (made with
  SQLite's backup API in a temporary folder, removed afterwards): ``calls.record_signal`` for a new
  call ringing (the frame, the call and the audit row in one transaction) and
  ``incidents.update_field`` of an open incident's caller name (the row, its audit row), each against
  the floor of one plain ``sqlite3`` INSERT and COMMIT on the same copy (WAL, ``synchronous=FULL``:
  what any commit costs the disk);
* the resident memory of this process afterwards (the GUI start-up is measured separately, by
  :func:`measure_startup`);
* the machine: CPU, cores, RAM, load average, Python, SQLite and SQLAlchemy versions.

Every figure is wall-clock milliseconds from ``time.perf_counter_ns``. The first call of each query is
reported on its own ("first": compiles the statement, fills SQLite's page cache); then come a few
unrecorded warm-up calls and ``--runs`` recorded ones, summarised as p50/p95/p99/max (nearest rank). The
SQL each query sends is captured once and its ``EXPLAIN QUERY PLAN`` printed; a full scan of a large
table is flagged. Nothing is written to the database at PATH (the writes go to the scratch copy).

``--smoke`` runs every part at a toy size (a few runs each, GUI start-up with a few board runs) to
check that the benchmark still works; its figures mean nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import Engine, event
from sqlalchemy.dialects import sqlite as sqlite_dialect

from bench.seed import CONSOLE_NAME, PASSWORD, SUPERVISOR
from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.clock import SystemClock
from dispatch.domain.enums import CallState, Presentation
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import accounts, queries
from dispatch.services import calls as call_service
from dispatch.services import incidents as incident_service
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from dispatch.store.database import Database, open_database, sqlite_url
from dispatch.store.tables import Call
from dispatch.store.types import UTCDateTime

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 5
HISTORY_LIMIT = 20
CALL_COLUMNS = (
    "id, feed, line, external_id, number_raw, number_e164, presentation, number_description, caller_name, "
    "state, ring_at, answered_at, ended_at, classification, answered_by, console_id, incident_id"
)
FLOOR_BY_E164 = (
    f"SELECT {CALL_COLUMNS} FROM calls WHERE number_e164 = ? AND ring_at <= ? ORDER BY ring_at DESC LIMIT ?"
)
FLOOR_BY_RAW = (
    f"SELECT {CALL_COLUMNS} FROM calls WHERE number_raw = ? AND ring_at <= ? ORDER BY ring_at DESC LIMIT ?"
)
#: Tables large enough that a full scan is a problem.
LARGE_TABLES = ("calls", "incidents", "assignments", "unit_status_history", "audit_log", "feed_frames")
TARGETS_MS = {"caller_history": 50.0, "active_incidents": 100.0}

_dialect = sqlite_dialect.dialect()
_stored = UTCDateTime().dialect_impl(_dialect).bind_processor(_dialect)


def stored(instant: datetime) -> str:
    """An instant as the UTCDateTime column stores it on SQLite (the floor binds the same string)."""
    assert _stored is not None
    return str(_stored(instant))


# --- figures ---------------------------------------------------------------------------------------


def nearest_rank(ordered: Sequence[float], percent: float) -> float:
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


@dataclass
class Timing:
    name: str
    target_ms: float | None = None
    note: str = ""
    display: str = ""
    first_ms: float | None = None
    samples_ms: list[float] = field(default_factory=list)

    def add(self, elapsed_ns: int, *, first: bool = False, record: bool = True) -> None:
        ms = elapsed_ns / 1e6
        if first:
            self.first_ms = ms
        elif record:
            self.samples_ms.append(ms)

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.samples_ms)
        out: dict[str, Any] = {
            "name": self.name,
            "display": self.display or self.name,
            "n": len(ordered),
            "first_ms": self.first_ms,
        }
        if ordered:
            out |= {
                "p50_ms": nearest_rank(ordered, 50),
                "p95_ms": nearest_rank(ordered, 95),
                "p99_ms": nearest_rank(ordered, 99),
                "max_ms": ordered[-1],
                "mean_ms": sum(ordered) / len(ordered),
            }
        if self.target_ms is not None:
            out["target_ms"] = self.target_ms
            out["meets_target_at_p99"] = bool(ordered) and nearest_rank(ordered, 99) < self.target_ms
        if self.note:
            out["note"] = self.note
        return out


def timed(
    timing: Timing, action: Callable[[], object], *, first: bool = False, record: bool = True
) -> object:
    began = time.perf_counter_ns()
    result = action()
    timing.add(time.perf_counter_ns() - began, first=first, record=record)
    return result


# --- the machine and the database ------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    ram_mib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_mib = int(line.split()[1]) // 1024
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_mib": ram_mib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def database_info(path: Path, raw: sqlite3.Connection) -> dict[str, Any]:
    wal = path.with_name(path.name + "-wal")
    counts = {
        table: raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("calls", "incidents", "assignments", "unit_status_history", "units")
    }
    analyzed = bool(
        raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()[0]
    )
    return {
        "path": str(path),
        "size_mib": round(path.stat().st_size / 2**20, 1),
        "wal_mib": round(wal.stat().st_size / 2**20, 1) if wal.exists() else 0.0,
        "rows": counts,
        "analyzed": analyzed,
        "journal_mode": raw.execute("PRAGMA journal_mode").fetchone()[0],
    }


def memory() -> dict[str, Any]:
    """This process's resident memory now and at its peak, in MiB (from /proc, else psutil)."""
    found: dict[str, Any] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found["rss_mib" if key == "VmRSS" else "peak_rss_mib"] = round(
                    int(value.split()[0]) / 1024, 1
                )
    except OSError:
        import psutil

        found["rss_mib"] = round(psutil.Process().memory_info().rss / 2**20, 1)
    found["note"] = (
        "this benchmark process (services, SQLAlchemy, no Qt); GUI start-up is measured separately"
    )
    return found


def measure_startup(path: Path, *extra: str) -> dict[str, Any]:
    """GUI start-up to a usable window, and its memory: ``python -m bench.startup PATH`` (the median of
    five fresh processes after one unrecorded run; one run with ``--smoke``).

    ``bench/startup.py`` is written separately; until it exists this reports "not measured yet". Its
    contract: print one JSON object on the last line of its standard output (for example
    ``{"startup_ms": 1234.5, "rss_mib": 180.2}``) and exit with status 0.
    """
    if not (Path(__file__).resolve().parent / "startup.py").exists():
        return {"status": "not measured yet", "reason": "bench/startup.py does not exist"}
    command = [sys.executable, "-m", "bench.startup", str(path), *extra]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        return {"status": "failed", "reason": "timed out after 600 s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"status": "failed", "returncode": done.returncode, "stderr": done.stderr[-2000:]}
    try:
        figures = json.loads(lines[-1])
    except json.JSONDecodeError:
        return {"status": "failed", "reason": "last line is not JSON", "stdout": done.stdout[-2000:]}
    return (
        {"status": "measured", **figures}
        if isinstance(figures, dict)
        else {"status": "measured", "value": figures}
    )


# --- query plans -----------------------------------------------------------------------------------


@contextmanager
def captured_sql(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def explain(raw: sqlite3.Connection, statements: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    plans = []
    for statement, parameters in statements:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue
        rows = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
        scans = [
            detail
            for detail in rows
            if detail.startswith("SCAN ") and detail.split()[1] in LARGE_TABLES and "COVERING" not in detail
        ]
        plans.append({"sql": " ".join(statement.split()), "plan": rows, "full_scans": scans})
    return plans


# --- the fake ringing call -------------------------------------------------------------------------


def ringing_call(number_raw: str, number_e164: str | None, presentation: str, now: datetime) -> CallView:
    """A call ringing now, as the feed would have stored it (a transient row: never added to a session)."""
    row = Call(
        id=0,
        feed="bench",
        line="1",
        number_raw=number_raw,
        number_e164=number_e164,
        presentation=presentation,
        number_description="",
        state=CallState.RINGING.value,
        ring_at=now,
    )
    return CallView.of(row)


@dataclass(frozen=True)
class Number:
    raw: str
    e164: str | None
    presentation: str


def pick_numbers(
    raw: sqlite3.Connection, rng: random.Random, count: int
) -> tuple[dict[str, list[Number]], int]:
    """``count`` numbers of each kind, and how many distinct E.164 numbers the calls have."""
    e164s = [
        n for (n,) in raw.execute("SELECT DISTINCT number_e164 FROM calls WHERE number_e164 IS NOT NULL")
    ]
    frequent = [
        n
        for (n,) in raw.execute(
            "SELECT number_e164 FROM calls WHERE number_e164 IS NOT NULL "
            "GROUP BY number_e164 ORDER BY count(*) DESC LIMIT 50"
        )
    ]
    without = [n for (n,) in raw.execute("SELECT DISTINCT number_raw FROM calls WHERE number_e164 IS NULL")]
    withheld = [
        Number(n, None, p.value)
        for n in without
        if (p := parse_caller_number(n).presentation) is not Presentation.ALLOWED
    ]
    chosen = rng.sample(e164s, count) if count <= len(e164s) else rng.choices(e164s, k=count)
    allowed = Presentation.ALLOWED.value
    numbers = {
        "random": [Number(n, n, allowed) for n in chosen],
        "frequent": [Number(n, n, allowed) for n in (frequent * count)[:count]],
        "withheld": (withheld * count)[:count],
    }
    return numbers, len(e164s)


def evict(path: Path) -> None:
    """Drop the database's pages from the OS page cache (clean pages only; needs no privileges)."""
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            descriptor = os.open(file, os.O_RDONLY)
            try:
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(descriptor)


# --- the measurements ------------------------------------------------------------------------------


@dataclass
class Bench:
    path: Path
    database: Database
    ctx: ServiceContext
    raw: sqlite3.Connection
    runs: int
    results: list[Timing] = field(default_factory=list)
    plans: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def timing(self, name: str, target: float | None = None, note: str = "", display: str = "") -> Timing:
        found = Timing(name, target, note, display)
        self.results.append(found)
        return found

    def plan(self, name: str, action: Callable[[], object]) -> None:
        with captured_sql(self.database.engine) as statements:
            action()
        self.plans[name] = explain(self.raw, statements)

    def caller_history(self, label: str, numbers: list[Number], *, cold: bool = False) -> None:
        """The console's lookup and the floor, interleaved on the same numbers, alternating the order.

        The first number is the "first" figure, the next WARM_UP are not recorded (unless ``cold``).
        """
        if not numbers:
            return
        orm = self.timing(f"caller_history ({label})", TARGETS_MS["caller_history"])
        floor = self.timing(
            f"caller_history floor ({label})",
            note="plain sqlite3 on the same file, same index, rows only",
            display="  floor: plain sqlite3, same query",
        )
        ctx, raw = self.ctx, self.raw

        def console(number: Number) -> Callable[[], object]:
            call = ringing_call(number.raw, number.e164, number.presentation, ctx.clock.now())
            return lambda: queries.caller_history(ctx, call, HISTORY_LIMIT)

        def plain(number: Number) -> Callable[[], object]:
            sql, key = (FLOOR_BY_E164, number.e164) if number.e164 else (FLOOR_BY_RAW, number.raw)
            ring_at = stored(ctx.clock.now())
            return lambda: raw.execute(sql, (key, ring_at, HISTORY_LIMIT)).fetchall()

        for index, number in enumerate(numbers):
            first = index == 0 and not cold
            record = cold or index > WARM_UP
            pair = [(orm, console(number)), (floor, plain(number))]
            for timing, action in pair if index % 2 == 0 else reversed(pair):
                if cold:
                    evict(self.path)
                timed(timing, action, first=first, record=record)

    def boards(self) -> None:
        ctx = self.ctx
        measures = [
            (
                self.timing("active_incidents", TARGETS_MS["active_incidents"]),
                lambda: queries.active_incidents(ctx),
            ),
            (self.timing("call_queue"), lambda: queries.call_queue(ctx)),
            (self.timing("units"), lambda: queries.units(ctx)),
        ]
        for index in range(WARM_UP + self.runs + 1):
            shift = index % len(measures)
            for timing, action in measures[shift:] + measures[:shift]:
                timed(timing, action, first=index == 0, record=index > WARM_UP)

    def one_incident(self, rng: random.Random) -> None:
        ctx = self.ctx
        top = self.raw.execute("SELECT max(id) FROM incidents").fetchone()[0] or 0
        if not top:
            return
        timing = self.timing("open one incident", note="incident + assignments + incident_notes, random id")

        def open_incident(incident_id: int) -> None:
            queries.incident(ctx, incident_id)
            queries.assignments(ctx, incident_id)
            queries.incident_notes(ctx, incident_id)

        for index in range(WARM_UP + self.runs + 1):
            incident_id = rng.randint(1, top)
            timed(timing, lambda i=incident_id: open_incident(i), first=index == 0, record=index > WARM_UP)

    def feed_lookup(self, label: str, raws: list[str], runs: int) -> None:
        """How record_signal finds the call a signal belongs to, when the feed sends no call id.

        ``calls._find_call`` is private: the row is left out if it is renamed. It only reads; each
        lookup runs in its own session, as each signal has its own transaction.
        """
        find = getattr(call_service, "_find_call", None)
        feed = self.raw.execute("SELECT feed FROM calls ORDER BY id DESC LIMIT 1").fetchone()
        if find is None or feed is None or not raws:
            return
        timing = self.timing(
            f"feed: match a signal to its call ({label})",
            note="extra, no target: calls._find_call for a feed without call ids (serial caller ID)",
        )
        database = self.database

        def lookup(signal: CallSignal) -> None:
            with database.sessions() as session:
                find(session, signal)

        def signal_from(raw_number: str) -> CallSignal:
            number = parse_caller_number(raw_number)
            return CallSignal(SignalKind.INCOMING, feed[0], self.ctx.clock.now(), number, b"", line="1")

        with captured_sql(database.engine) as statements:
            lookup(signal_from(raws[0]))
        self.plans[f"feed lookup ({label})"] = explain(self.raw, statements)
        for index in range(WARM_UP + runs + 1):
            signal = signal_from(raws[index % len(raws)])
            timed(timing, lambda s=signal: lookup(s), first=index == 0, record=index > WARM_UP)


def run(args: argparse.Namespace) -> dict[str, Any]:
    path: Path = args.path
    rng = random.Random(args.seed)
    began = time.perf_counter_ns()
    database = open_database(sqlite_url(path))
    open_ms = (time.perf_counter_ns() - began) / 1e6
    raw = sqlite3.connect(path)
    try:
        if not raw.execute("SELECT count(*) FROM consoles WHERE name = ?", (CONSOLE_NAME,)).fetchone()[0]:
            raise SystemExit(
                f"{path}: no console {CONSOLE_NAME}; make the database with python -m bench.seed"
            )
        ctx = accounts.register_console(
            database, SystemClock(), ChangeBus(), CONSOLE_NAME, socket.gethostname()
        )
        report: dict[str, Any] = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine_info(),
            "database": database_info(path, raw),
            "open_database_ms": round(open_ms, 1),
        }
        warm_count = 1 + WARM_UP + args.runs
        numbers, distinct = pick_numbers(raw, rng, warm_count + args.cold_runs)
        report["database"]["distinct_e164_numbers"] = distinct
        bench = Bench(path, database, ctx, raw, args.runs)

        sample = numbers["random"][0]
        now = ctx.clock.now()
        bench.plan(
            "caller_history",
            lambda: queries.caller_history(
                ctx, ringing_call(sample.raw, sample.e164, sample.presentation, now)
            ),
        )
        bench.plans["caller_history floor"] = explain(
            raw, [(FLOOR_BY_E164, (sample.e164, stored(now), HISTORY_LIMIT))]
        )
        if numbers["withheld"]:
            hidden = numbers["withheld"][0]
            bench.plan(
                "caller_history (withheld)",
                lambda: queries.caller_history(ctx, ringing_call(hidden.raw, None, hidden.presentation, now)),
            )
        bench.caller_history("random pool numbers", numbers["random"][:warm_count])
        bench.caller_history("50 most frequent callers", numbers["frequent"][:warm_count])
        bench.caller_history("withheld, by number_raw", numbers["withheld"][:warm_count])
        if args.cold_runs:
            # Numbers not looked up before, so that no connection's own page cache holds their pages.
            cold = numbers["random"][warm_count:]
            bench.caller_history("random numbers, cold page cache", cold, cold=True)
        bench.plan("active_incidents", lambda: queries.active_incidents(ctx))
        bench.plan("call_queue", lambda: queries.call_queue(ctx))
        bench.plan("units", lambda: queries.units(ctx))
        bench.boards()
        bench.plan(
            "open one incident",
            lambda: (queries.incident(ctx, 1), queries.assignments(ctx, 1), queries.incident_notes(ctx, 1)),
        )
        bench.one_incident(rng)
        if args.feed_runs:
            frequent_raw = [
                raw.execute(
                    "SELECT number_raw FROM calls WHERE number_e164 = ? LIMIT 1", (n.e164,)
                ).fetchone()[0]
                for n in numbers["frequent"][:50]
            ]
            bench.feed_lookup("withheld", [n.raw for n in numbers["withheld"][:2]], args.feed_runs)
            bench.feed_lookup("50 most frequent callers", frequent_raw, args.feed_runs)
        if args.write_runs:
            report["writes"] = measure_writes(path, args.write_runs, rng, bench.results)
        report["results"] = [t.summary() for t in bench.results]
        report["plans"] = bench.plans
        report["memory"] = memory()
        report["startup"] = measure_startup(
            path, *(["--board-runs", "3", "--runs", "1", "--warm-up-runs", "0"] if args.smoke else [])
        )
        return report
    finally:
        raw.close()
        database.dispose()


# --- audited writes --------------------------------------------------------------------------------

WRITE_TABLE = "bench_write_floor"


def measure_writes(path: Path, runs: int, rng: random.Random, results: list[Timing]) -> dict[str, Any]:
    """One audited service write at a time, on a scratch copy of the database; the floor alongside.

    Each write is a whole service call as the console makes it (its session, its transaction, the
    audit row, the commit with ``synchronous=FULL``, the change notice), interleaved with the floor:
    one plain ``sqlite3`` INSERT and COMMIT on the same copy. The first of each is reported as "first",
    the next WARM_UP are not recorded.
    """
    with tempfile.TemporaryDirectory(prefix="bench-writes-") as folder:
        copy = Path(folder) / path.name
        began = time.perf_counter()
        source, target = sqlite3.connect(path), sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        copy_s = time.perf_counter() - began
        database = open_database(sqlite_url(copy))
        floor_db = sqlite3.connect(copy, isolation_level=None)
        try:
            floor_db.execute("PRAGMA journal_mode=WAL")
            floor_db.execute("PRAGMA synchronous=FULL")
            floor_db.execute(f"CREATE TABLE {WRITE_TABLE} (id INTEGER PRIMARY KEY, at TEXT, detail TEXT)")
            ctx = accounts.register_console(
                database, SystemClock(), ChangeBus(), CONSOLE_NAME, socket.gethostname()
            )
            login = accounts.log_in(ctx, SUPERVISOR[0], PASSWORD)
            if login.actor is None:
                raise SystemExit(f"{path}: cannot log in as {SUPERVISOR[0]}: {login.outcome}")
            ctx = ctx.acting_as(login.actor)
            catalogue = load_default_catalogue()
            feed_row = floor_db.execute("SELECT feed FROM calls ORDER BY id DESC LIMIT 1").fetchone()
            feed = feed_row[0] if feed_row else "serial:/dev/ttyS0"
            open_row = floor_db.execute(
                "SELECT id FROM incidents WHERE status NOT IN ('closed', 'cancelled') "
                "ORDER BY id DESC LIMIT 1"
            ).fetchone()
            signal_timing = Timing(
                "write: calls.record_signal (a new call ringing)",
                note="frame, call and audit row in one transaction, committed, notice published",
                display="write: calls.record_signal, a new call ringing",
            )
            field_timing = Timing(
                "write: incidents.update_field (caller_name)",
                note="an open incident's caller name and its audit row, committed, notice published",
                display="write: incidents.update_field, caller name",
            )
            floor = Timing(
                "write floor: plain sqlite3 INSERT + COMMIT",
                note="one row, WAL, synchronous=FULL, same file",
                display="  floor: plain sqlite3 INSERT + COMMIT",
            )
            results += [signal_timing, field_timing, floor]
            used: set[str] = set()

            def new_signal() -> CallSignal:
                while True:
                    raw = f"0812{rng.randrange(10**8):08d}"
                    if raw not in used:
                        used.add(raw)
                        break
                number = parse_caller_number(raw)
                return CallSignal(SignalKind.INCOMING, feed, ctx.clock.now(), number, raw.encode(), line="1")

            def plain() -> None:
                floor_db.execute("BEGIN IMMEDIATE")
                floor_db.execute(
                    f"INSERT INTO {WRITE_TABLE} (at, detail) VALUES (?, ?)",
                    (datetime.now(UTC).isoformat(), "x" * 120),
                )
                floor_db.execute("COMMIT")

            for index in range(WARM_UP + runs + 1):
                first, record = index == 0, index > WARM_UP
                signal = new_signal()
                timed(
                    signal_timing,
                    lambda s=signal: call_service.record_signal(ctx, s),
                    first=first,
                    record=record,
                )
                if open_row is not None:
                    name = f"Pelapor {index}"
                    timed(
                        field_timing,
                        lambda n=name: incident_service.update_field(
                            ctx, open_row[0], "caller_name", n, catalogue
                        ),
                        first=first,
                        record=record,
                    )
                timed(floor, plain, first=first, record=record)
            return {
                "copy_s": round(copy_s, 2),
                "copy_mib": round(copy.stat().st_size / 2**20, 1),
                "runs": runs,
            }
        finally:
            floor_db.close()
            database.dispose()


# --- output ----------------------------------------------------------------------------------------


def render(report: dict[str, Any]) -> str:
    m, d = report["machine"], report["database"]
    lines = [
        f"machine: {m['cpu']}, {m['cores']} cores ({m['cores_usable']} usable), {m['ram_mib']:,} MiB RAM, "
        f"{m['os']}",
        f"         Python {m['python']}, SQLite {m['sqlite']}, SQLAlchemy {m['sqlalchemy']}, "
        f"load average {m['load_average']}",
        f"database: {d['path']}: {d['size_mib']:,} MiB (+{d['wal_mib']} MiB WAL), "
        + ", ".join(f"{n:,} {t}" for t, n in d["rows"].items())
        + f"; {d['distinct_e164_numbers']:,} distinct E.164 numbers"
        + f"; ANALYZE {'done' if d['analyzed'] else 'not run'}",
        f"open_database (pre-check, Alembic version check, engine): {report['open_database_ms']:.1f} ms",
        "",
        f"{'query (ms)':<62}{'n':>5}{'first':>9}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}  target",
    ]
    for r in report["results"]:
        if not r["n"]:
            continue
        target = ""
        if "target_ms" in r:
            target = f"< {r['target_ms']:g} {'ok' if r['meets_target_at_p99'] else 'MISSED'} (p99)"
        first = "" if r["first_ms"] is None else f"{r['first_ms']:.2f}"
        lines.append(
            f"{r['display']:<62}{r['n']:>5}{first:>9}{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}"
            f"{r['p99_ms']:>9.2f}{r['max_ms']:>9.2f}  {target}"
        )
    mem = report["memory"]
    if "writes" in report:
        w = report["writes"]
        lines.append(
            f"writes: on a scratch copy of the database ({w['copy_mib']:,} MiB, copied in {w['copy_s']} s), "
            f"{w['runs']} recorded of each, interleaved with the floor"
        )
    lines += [
        "",
        f"memory: RSS {mem.get('rss_mib')} MiB, peak {mem.get('peak_rss_mib')} MiB ({mem['note']})",
        f"GUI start-up: {json.dumps(report['startup'])}",
        "",
        "query plans (EXPLAIN QUERY PLAN of the SQL each service sent):",
    ]
    for name, plans in report["plans"].items():
        for plan in plans:
            flag = "  <-- FULL SCAN of a large table" if plan["full_scans"] else ""
            lines.append(f"  {name}: {plan['sql'][:150]}{'...' if len(plan['sql']) > 150 else ''}")
            lines += [
                f"      {detail}{flag if detail in plan['full_scans'] else ''}" for detail in plan["plan"]
            ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_foundation", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("path", type=Path, help="a database made by python -m bench.seed")
    parser.add_argument("--runs", type=int, default=200, help="recorded runs per query (default %(default)s)")
    parser.add_argument(
        "--cold-runs", type=int, default=50, help="caller-history lookups on a cold page cache"
    )
    parser.add_argument("--feed-runs", type=int, default=50, help="runs of the feed's call lookup")
    parser.add_argument(
        "--write-runs", type=int, default=200, help="audited service writes of each kind, on a scratch copy"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for the choice of numbers and incidents")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a few runs of everything: checks that it works, figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.runs, args.cold_runs, args.feed_runs, args.write_runs = 10, 3, 3, 10
    if not args.path.is_file():
        parser.error(f"{args.path} does not exist; make it with python -m bench.seed {args.path}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    report = run(args)
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
