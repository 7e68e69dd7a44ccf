"""Benchmark of a centre: ten consoles and a gateway on one PostgreSQL, a burst of 200 calls in 1 s.

    python -m bench.bench_centre [--consoles 10] [--calls 200] [--over 1.0] [--runs 3]
        [--url URL --owner-url URL] [--json out.json] [--no-baseline] [--keep DIR] [--profile]
        [--burst-refresh-ms MS] [--smoke]

Each run, on a fresh schema: ``--consoles`` console processes (``bench/centre_console.py``: the real
``MainWindow`` offscreen at 1366x768, each logged in as a call-taker of its own, each hearing the
others through its window's change feed) and the gateway (``dispatch-console gateway --db URL
--feed ncid://...``) reading an NCID server this process serves on 127.0.0.1. Once every console is
up, one call is sent and awaited on every board (a warm-up: the first row a board shows is a one-off
layout, as any console has shown calls before a burst), then two idle seconds, then ``--calls`` CID
lines written evenly over ``--over`` seconds, then one more second once every console shows them all.

Measured per console and call (all processes on one machine, so their clocks are the same):

* **show latency** (targets: every call within 500 ms: the max; NOTIFY to screen: p99 < 200 ms):
  ``time.time()`` when the call's row first appears in the console's call queue model (its
  ``rowsInserted``) minus the ``at`` of the first change event naming the call (``change_events.at``:
  the gateway's clock in the transaction that stored the call, its last statement before COMMIT; the
  NOTIFY carrying the event's number goes out at that COMMIT). So it spans the commit, the NOTIFY's
  delivery, the console's change feed reading the event, the window's refresh (bus -> Qt bridge ->
  the boards' burst-limited refresh -> ``queries.calls_by_id`` -> the model) and nothing of the feed;
* split: ``at -> heard`` (the change feed published the event on the console's bus, on its thread)
  and ``heard -> shown`` (the GUI thread's part);
* **sent -> shown**: from the CID line written to the gateway's socket to the row shown (adds the
  gateway's reading, decoding and storing: ``sent -> committed`` is ``at`` minus the line's sending);
* **event-loop lag** (target: no stall above 50 ms): a 10 ms precise QTimer in each console, each
  interval's lateness over 10 ms, from the first line sent until one second after every console
  showed every call; the idle two seconds before it beside it; stalls above 25 ms listed with the
  window's timed work inside them;
* the CPU time each process used in the burst span (``/proc/PID/stat``), and the machine's busy share
  (``/proc/stat``): on a machine of 2 cores, ten Qt processes, PostgreSQL and the gateway compete.

Baseline in the same run (``--no-baseline`` leaves it out): today's single console, the same harness
and window, running the NCID feed itself in its own process on a SQLite file, the same warm-up and
burst: its sent -> shown and its event-loop lag.

PostgreSQL: ``--url`` (the consoles' role) and ``--owner-url`` (the owner, who migrates), else
``DISPATCH_TEST_POSTGRES_URL`` and ``DISPATCH_TEST_POSTGRES_OWNER_URL``, a schema of its own per run
(dropped afterwards); without any, a throwaway cluster of its own (``initdb`` on a free port, fsync
on, removed afterwards). Percentiles nearest-rank; figures of a run are the worst console's unless
said; over runs, the median. ``--smoke``: 2 consoles, 20 calls in 0.2 s, one run (seconds).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import contextlib
import json
import pwd
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.bench_feeds import Callers, ncid_line
from bench.bench_foundation import machine_info
from bench.centre_console import ConsoleProcess, GatewayProcess, NcidPeer, prepare_centre, summary

SHOWN_TARGET_MS = 500.0
NOTIFY_P99_TARGET_MS = 200.0
LAG_TARGET_MS = 50.0
READY_TIMEOUT_S = 240.0


# --- the PostgreSQL server -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    console_url: str
    owner_url: str
    source: str


class OwnCluster:
    """A throwaway cluster (``initdb``, ``pg_ctl``) on a free port, as ``.ci/run`` makes one: an owner
    role and the consoles' role, fsync left on (a centre's server keeps it on)."""

    def __init__(self) -> None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if not found:
            found = [Path(p) for p in [shutil.which("pg_ctl")] if p]
        if not found:
            raise SystemExit(
                "no PostgreSQL: give --url and --owner-url, set DISPATCH_TEST_POSTGRES_URL, or install "
                "the server (its initdb and pg_ctl)"
            )
        self.binaries = found[-1].parent
        self.folder = Path(tempfile.mkdtemp(prefix="bench-centre-pg."))
        self._as: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.data = self.folder / "data"
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"
        )
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-o",
            options,
            "start",
        )
        self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "postgres", "-q",
            "-c", "CREATE ROLE bench_owner LOGIN PASSWORD 'bench_owner'",
            "-c", "CREATE ROLE bench_console LOGIN PASSWORD 'bench_console'",
            "-c", "CREATE DATABASE centre OWNER bench_owner",
        )  # fmt: skip
        base = f"127.0.0.1:{self.port}/centre"
        self.server = Server(
            f"postgresql+psycopg://bench_console:bench_console@{base}",
            f"postgresql+psycopg://bench_owner:bench_owner@{base}",
            f"a cluster of its own ({self.binaries.parent.name}, fsync on)",
        )

    def _run(self, program: str, *arguments: str) -> None:
        subprocess.run(
            [*self._as, str(self.binaries / program), *arguments],
            check=True,
            cwd="/",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def postmaster_pid(self) -> int | None:
        with contextlib.suppress(OSError, ValueError, IndexError):
            return int((self.data / "postmaster.pid").read_text().split()[0])
        return None

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def in_schema(url: str, schema: str) -> str:
    from sqlalchemy.engine import make_url

    return (
        make_url(url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )


@contextlib.contextmanager
def fresh_schema(server: Server) -> Iterator[tuple[str, str]]:
    """A schema migrated by the owner, the consoles' role granted its privileges; (console URL, owner
    URL) in it. Dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from dispatch.store.database import open_database
    from dispatch.store.roles import grant_console_privileges

    name = f"bench_centre_{secrets.token_hex(5)}"
    role = str(make_url(server.console_url).username)
    two_roles = role != make_url(server.owner_url).username
    owner = create_engine(server.owner_url)
    try:
        with owner.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
            if two_roles:
                connection.execute(text(f'GRANT USAGE ON SCHEMA "{name}" TO "{role}"'))
        console_url, owner_url = in_schema(server.console_url, name), in_schema(server.owner_url, name)
        try:
            open_database(owner_url).dispose()
            if two_roles:
                migrated = create_engine(owner_url)
                try:
                    with migrated.begin() as connection:
                        grant_console_privileges(connection, role)
                finally:
                    migrated.dispose()
            yield console_url, owner_url
        finally:
            with owner.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
    finally:
        owner.dispose()


# --- CPU accounting -------------------------------------------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def process_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a process (``/proc/PID/stat``), None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK


def postgres_pids() -> list[int]:
    """Every PostgreSQL server process on the machine (a shared server's other work included)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() in ("postgres", "postmaster"):
                    found.append(int(entry.name))
    return found


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of all CPUs since boot (``/proc/stat``)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


class CpuMeter:
    def __init__(self, processes: dict[str, int]) -> None:
        self.processes = processes

    def take(self) -> dict[str, Any]:
        return {
            "at": time.perf_counter(),
            "machine": machine_busy(),
            "processes": {name: process_cpu_s(pid) for name, pid in self.processes.items()},
            "postgres": {pid: process_cpu_s(pid) for pid in postgres_pids()},
        }

    @staticmethod
    def between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
        seconds = after["at"] - before["at"]
        busy = after["machine"][0] - before["machine"][0]
        total = after["machine"][1] - before["machine"][1]
        used = {
            name: round(after["processes"][name] - start, 2)
            for name, start in before["processes"].items()
            if start is not None and after["processes"].get(name) is not None
        }
        consoles = [v for k, v in used.items() if k.startswith("console")]
        return {
            "span_s": round(seconds, 2),
            "machine_busy_share": round(busy / total, 3) if total else None,
            "cpu_s": used,
            "consoles_cpu_s_total": round(sum(consoles), 2),
            "gateway_cpu_s": used.get("gateway"),
            # A server process that began meanwhile counts whole; one that ended, not at all.
            "postgres_cpu_s": round(
                sum(
                    (spent or 0.0) - (before["postgres"].get(pid) or 0.0)
                    for pid, spent in after["postgres"].items()
                ),
                2,
            ),
        }


# --- one run ----------------------------------------------------------------------------------------------


def burst_lines(count: int, seed: int) -> tuple[list[str], list[bytes]]:
    callers = Callers(random.Random(seed))
    numbers = [callers.fresh_mobile() if i % 8 else callers.fresh_landline() for i in range(count + 1)]
    lines = [ncid_line(n, callers.name(), callers.stamp(), "POTS") for n in numbers]
    return numbers, lines


def wait_all_shown(consoles: Sequence[ConsoleProcess], count: int, timeout_s: float) -> float:
    """Polls each console's count of calls shown (a small request) until all show ``count``."""
    deadline = time.perf_counter() + timeout_s
    pending = list(consoles)
    while pending and time.perf_counter() < deadline:
        pending = [c for c in pending if c.request("count")["shown"] < count]
        if pending:
            time.sleep(0.05)
    return time.perf_counter()


def latencies(
    report: dict[str, Any],
    numbers: Sequence[str],
    sent: Sequence[tuple[float, float]],
    calls_by_number: dict[str, int],
    events: dict[int, float],
) -> dict[str, Any]:
    shown = {int(k): v for k, v in report["shown"].items()}
    heard = {int(k): v for k, v in report["heard"].items()}
    at_shown, at_heard, heard_shown, sent_shown, missing = [], [], [], [], []
    for number, (_sent_wall, sent_mono) in zip(numbers, sent, strict=True):
        call = calls_by_number.get(number)
        if call is None or call not in shown:
            missing.append(number)
            continue
        wall, mono, _raw = shown[call]
        sent_shown.append((mono - sent_mono) * 1000)
        if call in events:
            at_shown.append((wall - events[call]) * 1000)
            if call in heard:
                at_heard.append((heard[call][0] - events[call]) * 1000)
        if call in heard:
            heard_shown.append((mono - heard[call][1]) * 1000)
    return {
        "shown": len(sent_shown),
        "missing": len(missing),
        "at_to_shown_ms": summary(at_shown),
        "at_to_heard_ms": summary(at_heard),
        "heard_to_shown_ms": summary(heard_shown),
        "sent_to_shown_ms": summary(sent_shown),
        "at_to_shown_samples": [round(v, 1) for v in at_shown],
    }


def database_facts(owner_url: str, numbers: Sequence[str]) -> tuple[dict[str, int], dict[int, float], int]:
    """The calls of these numbers, the ``at`` of the first change event naming each, the gateway's
    console (the console that wrote that event)."""
    from sqlalchemy import create_engine, text

    from dispatch.services.bus import Topic, decode_changes

    engine = create_engine(owner_url)
    try:
        with engine.connect() as connection:
            calls = {
                row.number_raw: row.id
                for row in connection.execute(text("SELECT id, number_raw FROM calls ORDER BY id"))
            }
            first_event: dict[int, float] = {}
            writers: set[int] = set()
            for row in connection.execute(
                text("SELECT seq, at, console_id, changes FROM change_events ORDER BY seq")
            ):
                for change in decode_changes(row.changes):
                    if change.topic is Topic.CALLS:
                        for call in change.ids:
                            if call not in first_event:
                                first_event[call] = row.at.timestamp()
                                writers.add(row.console_id)
    finally:
        engine.dispose()
    wanted = set(numbers)
    gateway = next(iter(writers)) if len(writers) == 1 else -1
    return {n: c for n, c in calls.items() if n in wanted}, first_event, gateway


def console_options(args: argparse.Namespace, profile: Path) -> list[str]:
    extra = ["--profile", str(profile)] if args.profile else []
    if args.burst_refresh_ms is not None:
        extra += ["--burst-refresh-ms", str(args.burst_refresh_ms)]
    return extra


def run_centre(server: Server, args: argparse.Namespace, run_number: int, folder: Path) -> dict[str, Any]:
    numbers, lines = burst_lines(args.calls, args.seed + run_number)
    warm_number, warm_line = numbers.pop(0), lines.pop(0)
    with fresh_schema(server) as (console_url, owner_url):
        operators = prepare_centre(console_url, args.consoles)
        peer = NcidPeer()
        gateway = GatewayProcess(
            console_url, [peer.url], name="GATEWAY-1", log=folder / "gateway.log", spool=folder / "spool"
        )
        began = time.perf_counter()
        consoles = [
            ConsoleProcess(
                console_url,
                f"KONSOL-{n:02d}",
                user,
                log=folder / f"konsol-{n:02d}.log",
                lang=args.lang,
                extra=console_options(args, folder / f"konsol-{n:02d}.prof"),
            )
            for n, user in enumerate(operators, start=1)
        ]
        try:
            if not peer.wait_connected(60):
                raise SystemExit(f"the gateway did not read the NCID server:\n{gateway.output()}")
            for console in consoles:
                ready = console.wait_ready(READY_TIMEOUT_S)
                if ready.get("link") != "window":
                    raise SystemExit(f"{console.name} hears no change feed: {ready}")
            started_s = time.perf_counter() - began
            peer.send([warm_line])
            wait_all_shown(consoles, 1, 30)
            idle_since = time.perf_counter()
            time.sleep(args.idle)
            idle_until = time.perf_counter()
            meter = CpuMeter(
                {"gateway": gateway.process.pid} | {f"console {c.name}": c.process.pid for c in consoles}
            )
            before = meter.take()
            if gateway.process.poll() is not None:
                raise SystemExit(
                    f"the gateway ended (status {gateway.process.returncode}) before the burst:\n"
                    + gateway.output()
                )
            sent = peer.send(lines, args.over)
            done = wait_all_shown(consoles, 1 + len(lines), args.over + 60)
            time.sleep(args.after)
            after = meter.take()
            until = time.perf_counter()
            first_sent = sent[0][1]
            reports = [c.request("report", since=first_sent, until=until, timeout=60) for c in consoles]
            idles = [c.request("report", since=idle_since, until=idle_until, timeout=60) for c in consoles]
        finally:
            codes = [c.close() for c in consoles]
            gateway_code = gateway.stop()
            peer.close()
        calls_by_number, events, gateway_console = database_facts(owner_url, numbers)
    per_console = []
    for console, report, idle in zip(consoles, reports, idles, strict=True):
        figures = latencies(report, numbers, sent, calls_by_number, events)
        figures |= {
            "console": console.name,
            "lag_ms": report["lag_ms"],
            "idle_lag_ms": idle["lag_ms"],
            "stalls_over_25ms": [s | {"at_s": round(s["at"] - first_sent, 3)} for s in report["stalls"]],
            "work_ms": report["work_ms"],
            "start_s": console.ready.get("start_s"),
        }
        per_console.append(figures)
    sent_to_committed = [
        (events[calls_by_number[n]] - wall) * 1000
        for n, (wall, _mono) in zip(numbers, sent, strict=True)
        if n in calls_by_number and calls_by_number[n] in events
    ]
    pooled = sorted(v for c in per_console for v in c.pop("at_to_shown_samples"))
    worst_max = max((c["at_to_shown_ms"].get("max", float("inf")) for c in per_console), default=None)
    worst_p99 = max((c["at_to_shown_ms"].get("p99", float("inf")) for c in per_console), default=None)
    worst_lag = max((c["lag_ms"].get("max", float("inf")) for c in per_console), default=None)
    return {
        "consoles": args.consoles,
        "calls": len(lines),
        "over_s": args.over,
        "sent_span_ms": round((sent[-1][1] - sent[0][1]) * 1000, 1),
        "stored": len(calls_by_number),
        "warm_up_call": warm_number,
        "gateway_console_id": gateway_console,
        "all_shown": all(c["shown"] == len(lines) for c in per_console),
        "last_sent_to_all_shown_ms": round((done - sent[-1][1]) * 1000, 1),
        "start_up_s": round(started_s, 1),
        "sent_to_committed_ms": summary(sent_to_committed),
        "at_to_shown_ms_all_consoles": summary(pooled),
        "worst_console": {
            "at_to_shown_max_ms": worst_max,
            "at_to_shown_p99_ms": worst_p99,
            "lag_max_ms": worst_lag,
        },
        "met": {
            "every_call_shown_within_500ms": worst_max is not None and worst_max < SHOWN_TARGET_MS,
            "notify_to_screen_p99_under_200ms": worst_p99 is not None and worst_p99 < NOTIFY_P99_TARGET_MS,
            "no_stall_over_50ms": worst_lag is not None and worst_lag < LAG_TARGET_MS,
        },
        "cpu": CpuMeter.between(before, after),
        "per_console": per_console,
        "exit_codes": {"consoles": codes, "gateway": gateway_code},
    }


def run_baseline(args: argparse.Namespace, run_number: int, folder: Path) -> dict[str, Any]:
    """Today's console: the feed read and stored in the console's own process, on a SQLite file."""
    from dispatch.store.database import sqlite_url

    numbers, lines = burst_lines(args.calls, args.seed + 1000 + run_number)
    warm_line = lines.pop(0)
    numbers.pop(0)
    url = sqlite_url(folder / "baseline.sqlite3")
    (operator,) = prepare_centre(url, 1)
    peer = NcidPeer()
    console = ConsoleProcess(
        url, "KONSOL-01", operator, log=folder / "baseline.log", feeds=[peer.url], lang=args.lang
    )
    try:
        console.wait_ready(READY_TIMEOUT_S)
        if not peer.wait_connected(30):
            raise SystemExit(f"the baseline console did not read the NCID server:\n{console.stderr_tail()}")
        peer.send([warm_line])
        wait_all_shown([console], 1, 30)
        idle_since = time.perf_counter()
        time.sleep(args.idle)
        idle_until = time.perf_counter()
        meter = CpuMeter({"console": console.process.pid})
        before = meter.take()
        sent = peer.send(lines, args.over)
        done = wait_all_shown([console], 1 + len(lines), args.over + 60)
        time.sleep(args.after)
        after = meter.take()
        until = time.perf_counter()
        report = console.request("report", since=sent[0][1], until=until, timeout=60)
        idle = console.request("report", since=idle_since, until=idle_until, timeout=60)
    finally:
        code = console.close()
        peer.close()
    shown_by_number = {v[2]: v for v in report["shown"].values()}
    sent_shown = [
        (shown_by_number[n][1] - mono) * 1000
        for n, (_w, mono) in zip(numbers, sent, strict=True)
        if n in shown_by_number
    ]
    return {
        "calls": len(lines),
        "shown": len(sent_shown),
        "sent_to_shown_ms": summary(sent_shown),
        "last_sent_to_all_shown_ms": round((done - sent[-1][1]) * 1000, 1),
        "lag_ms": report["lag_ms"],
        "idle_lag_ms": idle["lag_ms"],
        "stalls_over_25ms": [s | {"at_s": round(s["at"] - sent[0][1], 3)} for s in report["stalls"]],
        "work_ms": report["work_ms"],
        "cpu": CpuMeter.between(before, after),
        "exit_code": code,
    }


# --- output -------------------------------------------------------------------------------------------------


def median_of(runs: Sequence[dict[str, Any]], *path: str) -> float | None:
    values = []
    for run in runs:
        value: Any = run
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, int | float):
            values.append(float(value))
    return round(statistics.median(values), 1) if values else None


def _get(figure: dict[str, Any], key: str) -> str:
    value = figure.get(key)
    return "-" if value is None else f"{value:.1f}"


def render(report: dict[str, Any]) -> str:
    machine = report["machine"]
    runs, baseline = report["runs"], report.get("baseline", [])
    ram = round((machine.get("ram_mib") or 0) / 1024, 1)
    out = [
        f"machine: {machine['cpu']}, {machine['cores']} cores, {ram} GiB; load average before "
        f"{machine['load_average']}, after {machine.get('load_average_after')}",
        f"PostgreSQL: {report['server']}",
        f"{report['consoles']} consoles + a gateway, {report['calls']} calls over {report['over_s']:g} s, "
        f"{len(runs)} run(s); figures per run are the worst console's; medians over the runs",
    ]
    if report.get("what_if"):
        out.append(f"WHAT-IF (not the window as it is): {report['what_if']}")
    out += [
        "",
    ]
    for number, run in enumerate(runs, start=1):
        worst, cpu, pooled = run["worst_console"], run["cpu"], run["at_to_shown_ms_all_consoles"]
        committed = run["sent_to_committed_ms"]
        out += [
            f"run {number}: {run['stored']}/{run['calls']} stored, shown on every console: "
            f"{'yes' if run['all_shown'] else 'NO'} ({run['last_sent_to_all_shown_ms']:.0f} ms after the "
            f"last was sent); consoles up in {run['start_up_s']} s",
            f"  commit (event at) -> shown: max {worst['at_to_shown_max_ms']} ms (target < "
            f"{SHOWN_TARGET_MS:g}), p99 {worst['at_to_shown_p99_ms']} ms (target < "
            f"{NOTIFY_P99_TARGET_MS:g}); all consoles pooled: p50 {_get(pooled, 'p50')}, "
            f"p99 {_get(pooled, 'p99')}",
            f"  event-loop lag max {worst['lag_max_ms']} ms (target < {LAG_TARGET_MS:g}); gateway sent -> "
            f"committed p50 {_get(committed, 'p50')}, max {_get(committed, 'max')} ms",
            f"  CPU in the {cpu['span_s']} s span: machine busy {cpu['machine_busy_share']:.0%}; consoles "
            f"{cpu['consoles_cpu_s_total']} s, gateway {cpu['gateway_cpu_s']} s, PostgreSQL "
            f"{cpu['postgres_cpu_s']} s",
            f"  {'console':<10}{'at->shown p50/p99/max':>24}{'at->heard p99':>15}{'heard->shown p99':>18}"
            f"{'sent->shown max':>17}{'lag p99/max':>14}{'idle lag max':>14}",
        ]
        for c in run["per_console"]:
            a, lag = c["at_to_shown_ms"], c["lag_ms"]
            out.append(
                f"  {c['console']:<10}{_get(a, 'p50'):>8}/{_get(a, 'p99'):>7}/{_get(a, 'max'):>7}"
                f"{_get(c['at_to_heard_ms'], 'p99'):>15}{_get(c['heard_to_shown_ms'], 'p99'):>18}"
                f"{_get(c['sent_to_shown_ms'], 'max'):>17}{_get(lag, 'p99'):>7}/{_get(lag, 'max'):>6}"
                f"{_get(c['idle_lag_ms'], 'max'):>14}"
            )
        stalls = [(c["console"], s) for c in run["per_console"] for s in c["stalls_over_25ms"]]
        for name, stall in sorted(stalls, key=lambda x: -x[1]["lag_ms"])[:8]:
            out.append(f"  stall {name} at {stall['at_s']} s: {stall['lag_ms']} ms; work: {stall['work_ms']}")
    out += [
        "",
        "medians over the runs: commit -> shown max "
        f"{median_of(runs, 'worst_console', 'at_to_shown_max_ms')} ms, p99 "
        f"{median_of(runs, 'worst_console', 'at_to_shown_p99_ms')} ms, lag max "
        f"{median_of(runs, 'worst_console', 'lag_max_ms')} ms",
    ]
    for number, base in enumerate(baseline, start=1):
        shown, lag = base["sent_to_shown_ms"], base["lag_ms"]
        out.append(
            f"baseline {number} (one console, the feed in its own process, SQLite): "
            f"{base['shown']}/{base['calls']} shown; sent -> shown p99 {_get(shown, 'p99')} ms, max "
            f"{_get(shown, 'max')} ms; lag p99 {_get(lag, 'p99')} ms, max {_get(lag, 'max')} ms "
            f"(idle max {_get(base['idle_lag_ms'], 'max')} ms)"
        )
        for stall in sorted(base["stalls_over_25ms"], key=lambda s: -s["lag_ms"])[:3]:
            out.append(f"  stall at {stall['at_s']} s: {stall['lag_ms']} ms; work: {stall['work_ms']}")
    if baseline:
        centre = statistics.median(
            max(c["sent_to_shown_ms"].get("max", 0) for c in run["per_console"]) for run in runs
        )
        out.append(
            f"baseline medians: lag max {median_of(baseline, 'lag_ms', 'max')} ms; sent -> shown max "
            f"{median_of(baseline, 'sent_to_shown_ms', 'max')} ms (the centre's worst console: "
            f"{centre:.1f} ms)"
        )
    return "\n".join(out)


def find_server(args: argparse.Namespace) -> tuple[Server, OwnCluster | None]:
    url = args.url or os.environ.get("DISPATCH_TEST_POSTGRES_URL", "").strip()
    if url:
        owner = args.owner_url or os.environ.get("DISPATCH_TEST_POSTGRES_OWNER_URL", "").strip() or url
        return Server(url, owner, "the server given (" + url.split("@")[-1] + ")"), None
    cluster = OwnCluster()
    return cluster.server, cluster


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_centre", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--consoles", type=int, default=10, help="console processes (%(default)s)")
    parser.add_argument("--calls", type=int, default=200, help="calls in the burst (%(default)s)")
    parser.add_argument("--over", type=float, default=1.0, help="the burst's span in seconds (%(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="runs, each on a fresh schema (%(default)s)")
    parser.add_argument("--idle", type=float, default=2.0, help="idle seconds before the burst (%(default)s)")
    parser.add_argument(
        "--after", type=float, default=1.0, help="seconds measured after all shown (%(default)s)"
    )
    parser.add_argument("--url", help="PostgreSQL URL of the consoles' role")
    parser.add_argument("--owner-url", help="PostgreSQL URL of the owner (migrates)")
    parser.add_argument("--lang", default="id", help="the consoles' language (%(default)s)")
    parser.add_argument("--no-baseline", action="store_true", help="leave out the single-console baseline")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the processes' logs in this folder")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile each console's GUI thread (kept with --keep)"
    )
    parser.add_argument(
        "--burst-refresh-ms",
        type=int,
        help="what-if: the consoles' minimum interval between board refreshes in a burst (window: 25)",
    )
    parser.add_argument("--smoke", action="store_true", help="2 consoles, 20 calls in 0.2 s, one run")
    args = parser.parse_args(argv)
    if args.smoke:
        args.consoles, args.calls, args.over, args.runs, args.idle, args.after = 2, 20, 0.2, 1, 0.3, 0.3
    if min(args.consoles, args.calls, args.runs) < 1:
        parser.error("--consoles, --calls and --runs: at least 1")
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "what_if": {"burst_refresh_ms": args.burst_refresh_ms} if args.burst_refresh_ms is not None else {},
        "machine": machine_info(),
        "consoles": args.consoles,
        "calls": args.calls,
        "over_s": args.over,
        "targets_ms": {
            "shown_max": SHOWN_TARGET_MS,
            "notify_p99": NOTIFY_P99_TARGET_MS,
            "lag_max": LAG_TARGET_MS,
        },
    }
    server, cluster = find_server(args)
    report["server"] = server.source
    logs = args.keep or Path(tempfile.mkdtemp(prefix="bench-centre-"))
    failed = True
    try:
        report["runs"] = []
        for number in range(args.runs):
            folder = logs / f"run-{number + 1}"
            folder.mkdir(parents=True, exist_ok=True)
            report["runs"].append(run_centre(server, args, number, folder))
        if not args.no_baseline:
            report["baseline"] = []
            for number in range(args.runs):
                folder = logs / f"baseline-{number + 1}"
                folder.mkdir(parents=True, exist_ok=True)
                report["baseline"].append(run_baseline(args, number, folder))
        failed = False
    finally:
        if cluster is not None:
            cluster.close()
        if failed:
            print(f"the processes' logs are kept in {logs}", file=sys.stderr)
        elif args.keep is None:
            shutil.rmtree(logs, ignore_errors=True)
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    report["medians"] = {
        "at_to_shown_max_ms": median_of(report["runs"], "worst_console", "at_to_shown_max_ms"),
        "at_to_shown_p99_ms": median_of(report["runs"], "worst_console", "at_to_shown_p99_ms"),
        "lag_max_ms": median_of(report["runs"], "worst_console", "lag_max_ms"),
        "baseline_lag_max_ms": median_of(report.get("baseline", []), "lag_ms", "max"),
        "baseline_sent_to_shown_max_ms": median_of(report.get("baseline", []), "sent_to_shown_ms", "max"),
    }
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
