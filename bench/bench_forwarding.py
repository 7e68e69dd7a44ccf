"""Benchmark: a forwarding to an agency recorded and shown on every board (issue 16; target < 50 ms).

    python -m bench.bench_forwarding [--forwardings 200] [--incidents 500] [--units 2000] [--gap-ms 100]
        [--postgres [--url URL --owner-url URL]] [--json out.json] [--smoke]

A database gets 2,000 units (the mix of ``bench.bench_boards``, loaded through
``dispatching.load_roster``), 500 open incidents with about 800 units assigned (bulk-inserted), and
24 agencies (``agencies.create_agency``). Two consoles open the real ``MainWindow`` offscreen at
1366x768 on it:

* **this console** (this process): a call-taker in the call-taker's position, the forwarding dock
  following the incident in the form;
* **a second console** (a process of its own, ``--child``): a supervisor in the dispatcher's
  position, the incident board in sight.

Then, ``--forwardings`` times, one at a time (``--gap-ms`` apart): the call-taker opens an incident
in the form (not timed) and forwards it to an agency through the dock's code path
(``ForwardingWork.forward_now``: ``forwarding.forward``, its commit and its notices). Timed from the
call (``time.perf_counter``, CLOCK_MONOTONIC on Linux, the same clock in both processes) to:

* the call's return (the unit of work committed and its notices published here);
* **this console's incident board**: its model's row of the incident holding the forwarding
  (``IncidentView.forwardings``; the model's own ``dataChanged``/``rowsInserted`` signals);
* **this console's forwarding dock**: the dock's list of the incident's forwardings holding it;
* **the second console's incident board**, the same way, timed in that process;
* **every board**: the later of the two boards, the issue's figure.

How the second console hears of it: on **SQLite** (the default) nothing tells another process of a
commit (SQLite keeps no change events: ``docs/architecture.md``, issue 13), so this process hands the
second console the work's notices (forwardings and incidents, with their ids) on its standard input
as soon as the call returns, and a thread there publishes them on its bus, as the change feed's
thread would: the second console's figure is its own refresh, from a notice to the row, without the
database's part of delivering it. With ``--postgres`` both consoles are a centre's (issue 13): each
window's own change feed LISTENs; the second console reads the change event the forwarding's commit
wrote and NOTIFYed, so its figure spans the commit, the NOTIFY, the event read and the refresh.
PostgreSQL: ``--url`` (the consoles' role) and ``--owner-url`` (the owner, who migrates), else
``DISPATCH_TEST_POSTGRES_URL`` and ``DISPATCH_TEST_POSTGRES_OWNER_URL``, a fresh schema (dropped
afterwards); without any, a throwaway cluster of its own (``bench.bench_centre.OwnCluster``).

Percentiles nearest-rank. ``--smoke``: 200 units, 40 incidents, 10 forwardings (seconds; figures
that mean nothing).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import contextlib
import faulthandler
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bench.bench_boards import DISTRICTS, add_timing_hook, fill_board
from bench.bench_feeds import run_until
from bench.bench_foundation import machine_info, nearest_rank

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TARGET_MS = 50.0
PASSWORD = "rahasia-112"
AGENCIES = 24
#: How long one forwarding may take to show everywhere before it counts as not shown.
SHOWN_TIMEOUT_S = 3.0


def summary(values: Sequence[float]) -> dict[str, Any]:
    """n, p50, p99, max, mean (ms), nearest-rank, and how many reached the target; ``{"n": 0}`` for none."""
    ordered = sorted(values)
    if not ordered:
        return {"n": 0}
    return {
        "n": len(ordered),
        "p50": round(nearest_rank(ordered, 50), 2),
        "p99": round(nearest_rank(ordered, 99), 2),
        "max": round(ordered[-1], 2),
        "mean": round(sum(ordered) / len(ordered), 2),
        "over_target": sum(1 for v in ordered if v >= TARGET_MS),
    }


# -- the database -----------------------------------------------------------------------------------


def seed(url: str, rng: random.Random, units: int, incidents: int) -> None:
    """The users (``sari`` a supervisor, ``dewi`` a call-taker), ``units`` units, ``incidents`` open
    incidents with units on about two in three, and ``AGENCIES`` agencies to forward to."""
    from dispatch.domain.agencies import AgencyReach, AgencySpec
    from dispatch.domain.clock import SystemClock
    from dispatch.domain.enums import AgencyType, Role
    from dispatch.services import accounts, agencies
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import DatabaseKind, open_database

    database = open_database(url, kind=DatabaseKind.LIVE)
    try:
        console = accounts.register_console(database, SystemClock(), ChangeBus(), "PERSIAPAN", "bench")
        accounts.create_first_supervisor(console, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
        result = accounts.log_in(console, "sari", PASSWORD)
        assert result.actor is not None
        ctx = console.acting_as(result.actor)
        accounts.create_user(ctx, "dewi", "Dewi Lestari", PASSWORD, PASSWORD, Role.CALL_TAKER)

        kinds = [AgencyType.FIRE, AgencyType.POLICE, AgencyType.MEDICAL, AgencyType.DISASTER]
        for number in range(AGENCIES):
            kind = kinds[number % len(kinds)]
            agencies.create_agency(
                ctx,
                AgencySpec(
                    code=f"BENCH-{number + 1:02d}",
                    name=f"{kind.value.title()} {DISTRICTS[number % len(DISTRICTS)]} {number + 1} (BENCH)",
                    agency_type=kind,
                    reach=AgencyReach.FORWARD,
                    phones=(f"024-76{number:05d}",),
                    ack_limit_s=300,
                ),
            )

        fill_board(ctx, rng, units, incidents)
        accounts.log_out(ctx)
    finally:
        database.dispose()


def plan(url: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """(incident, agency) of each forwarding: ``count`` different open incidents, an agency each."""
    from sqlalchemy import select

    from dispatch.store.database import DatabaseKind, open_database
    from dispatch.store.tables import Agency, Incident

    database = open_database(url, kind=DatabaseKind.LIVE)
    try:
        with database.transaction() as session:
            incidents = list(session.scalars(select(Incident.id).order_by(Incident.id)))
            agencies = list(session.scalars(select(Agency.id).order_by(Agency.id)))
    finally:
        database.dispose()
    if count > len(incidents):
        raise SystemExit(f"{count} forwardings need as many open incidents; there are {len(incidents)}")
    chosen = rng.sample(incidents, count)
    return [(incident, rng.choice(agencies)) for incident in chosen]


# -- a console, in either process ------------------------------------------------------------------


def open_console(url: str, console: str, user: str, position: str, centre: bool) -> MainWindow:
    """The window as ``ui.app`` builds it after the log-in, offscreen at 1366x768, in ``position``."""
    from dispatch.catalogue_files import load_default_catalogue
    from dispatch.domain.clock import SystemClock
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import DatabaseKind, open_database
    from ui.app import freeze_long_lived
    from ui.main_window import MainWindow
    from ui.positions import Position
    from ui.session import ConsoleSession

    database = open_database(url, upgrade=False, kind=DatabaseKind.LIVE)
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), console, socket.gethostname())
    result = accounts.log_in(ctx, user, PASSWORD)
    assert result.actor is not None, result
    session = ConsoleSession(ctx.acting_as(result.actor), load_default_catalogue(), "en", centre=centre)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    window.take_position(Position(position))
    freeze_long_lived()  # as the console does once its window is up (ui/app.py)
    run_until(lambda: False, 0.5)
    if centre:
        # Listening before the first forwarding: the change feed's first connection made.
        link = window.link
        if link is None or not run_until(lambda: link.state.connected, 20.0):
            raise SystemExit(f"{console}: the change feed did not connect")
    return window


class Shown:
    """When each forwarding first appears on this window's incident board and in its forwarding dock.

    Read off the models' own signals (nothing of the window wrapped): the board's row of an incident
    changed or inserted, the dock's list of forwardings filled. Forwardings already shown at the start
    are not new.
    """

    def __init__(self, window: MainWindow, said: Callable[[str, int, float], None] | None = None) -> None:
        self.window = window
        self.said = said
        self.board: dict[int, float] = {}
        self.dock: dict[int, float] = {}
        self.lock = threading.Lock()
        model = window.incident_model
        self._known = {brief.forwarding_id for row in model.rows() for brief in row.forwardings}
        model.dataChanged.connect(lambda top, bottom, *_: self._rows(range(top.row(), bottom.row() + 1)))
        model.rowsInserted.connect(lambda _parent, first, last: self._rows(range(first, last + 1)))
        for whole in (model.layoutChanged, model.modelReset, model.rowsMoved):
            whole.connect(lambda *_: self._rows(range(model.rowCount())))
        dock = window.forwarding_panel.forwardings
        dock.model().rowsInserted.connect(lambda _parent, first, last: self._dock(range(first, last + 1)))

    def _rows(self, rows: Iterable[int]) -> None:
        now = time.perf_counter()
        model = self.window.incident_model
        for row in rows:
            if 0 <= row < model.rowCount():
                for brief in model.row(row).forwardings:
                    if brief.forwarding_id not in self._known:
                        self._known.add(brief.forwarding_id)
                        self._note(self.board, "board", brief.forwarding_id, now)

    def _dock(self, rows: Iterable[int]) -> None:
        from ui.widgets.forwarding_panel import RowIdRole

        now = time.perf_counter()
        dock = self.window.forwarding_panel.forwardings
        for row in rows:
            item = dock.item(row)
            key = None if item is None else item.data(RowIdRole)
            if isinstance(key, int) and key not in self.dock:
                self._note(self.dock, "dock", key, now)

    def _note(self, seen: dict[int, float], where: str, forwarding_id: int, at: float) -> None:
        with self.lock:
            seen.setdefault(forwarding_id, at)
        if self.said is not None:
            self.said(where, forwarding_id, at)


# -- the second console's process ------------------------------------------------------------------


def second_console(url: str, centre: bool) -> int:
    """``--child``: the supervisor's console; says when each forwarding shows on its board; on SQLite
    publishes the notices it is handed on its standard input from a thread, as a change feed would."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from dispatch.services.bus import Change, Topic

    out: IO[str] = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # anything else printed goes to standard error, never between the lines
    lock = threading.Lock()

    def send(**fields: Any) -> None:
        with lock:
            out.write(json.dumps(fields) + "\n")

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = open_console(url, "KONSOL-02", "sari", "dispatcher", centre)
    Shown(window, lambda where, forwarding_id, at: send(event=where, forwarding=forwarding_id, mono=at))
    bus = window.session.ctx.bus

    class Inbox(QObject):
        quit = Signal()

    inbox = Inbox()
    inbox.quit.connect(app.quit)  # queued: emitted from the reading thread

    def read() -> None:
        for line in sys.stdin:
            command = json.loads(line)
            if command.get("cmd") == "relay":
                bus.publish(*(Change(Topic(topic), tuple(ids)) for topic, ids in command["changes"]))
            elif command.get("cmd") == "quit":
                break
        faulthandler.dump_traceback_later(20, exit=True)  # a hang on the way out is told, not waited for
        inbox.quit.emit()

    threading.Thread(target=read, name="relay", daemon=True).start()
    send(event="ready", rows=window.incident_model.rowCount(), link=window.link is not None)
    app.exec()
    window.close()
    window.deleteLater()
    app.processEvents()
    window.session.ctx.database.dispose()
    return 0


class SecondConsole:
    """The parent's side of ``second_console``: its process, and what it said it showed when."""

    def __init__(self, url: str, centre: bool) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.bench_forwarding",
                "--child",
                url,
                *(["--centre"] if centre else []),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"},
        )
        self.board: dict[int, float] = {}
        self.ready: dict[str, Any] | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, name="second-console", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            said = json.loads(line)
            with self._lock:
                if said["event"] == "ready":
                    self.ready = said
                elif said["event"] == "board":
                    self.board.setdefault(int(said["forwarding"]), float(said["mono"]))

    def shown(self, forwarding_id: int) -> float | None:
        with self._lock:
            return self.board.get(forwarding_id)

    def send(self, **command: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def wait_ready(self, timeout_s: float = 120.0) -> dict[str, Any]:
        deadline = time.perf_counter() + timeout_s
        while self.ready is None:
            if self.process.poll() is not None or time.perf_counter() > deadline:
                raise SystemExit(f"the second console did not start (exit {self.process.poll()})")
            time.sleep(0.05)
        return self.ready

    def close(self) -> int:
        with contextlib.suppress(BrokenPipeError, OSError):
            self.send(cmd="quit")
        try:
            return self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


# -- the run ----------------------------------------------------------------------------------------


def measure(url: str, centre: bool, forwardings: list[tuple[int, int]], gap_ms: float) -> dict[str, Any]:
    """Both consoles up, then each forwarding made and awaited (see the module's docstring)."""
    from PySide6.QtWidgets import QApplication

    from dispatch.domain.forwarding import ForwardChannel

    app = QApplication.instance() or QApplication([])
    other = SecondConsole(url, centre)
    window = open_console(url, "KONSOL-01", "dewi", "call_taker", centre)
    try:
        ready = other.wait_ready()
        here = Shown(window)
        refreshes: list[float] = []
        add_timing_hook(
            window,
            lambda name, _began, seconds: (
                refreshes.append(seconds * 1000) if name == "apply_changes" else None
            ),
        )
        call, board, dock, elsewhere, everywhere = [], [], [], [], []
        missing: list[dict[str, Any]] = []
        for incident_id, agency_id in forwardings:
            window.incidents.open(incident_id)  # the call-taker has it in the form
            run_until(lambda: False, gap_ms / 1000)
            began = time.perf_counter()
            view = window.forwarding.forward_now(incident_id, agency_id, channel=ForwardChannel.PHONE)
            returned = time.perf_counter()
            if not centre:
                other.send(cmd="relay", changes=[["forwardings", [view.id]], ["incidents", [incident_id]]])
            run_until(
                lambda view_id=view.id: (
                    view_id in here.board and view_id in here.dock and other.shown(view_id) is not None
                ),
                SHOWN_TIMEOUT_S,
                poll_ms=1,
            )
            there = other.shown(view.id)
            call.append((returned - began) * 1000)
            if view.id not in here.board or view.id not in here.dock or there is None:
                missing.append(
                    {
                        "forwarding": view.id,
                        "board": view.id in here.board,
                        "dock": view.id in here.dock,
                        "second": there is not None,
                    }
                )
                continue
            board.append((here.board[view.id] - began) * 1000)
            dock.append((here.dock[view.id] - began) * 1000)
            elsewhere.append((there - began) * 1000)
            everywhere.append((max(here.board[view.id], there) - began) * 1000)
        return {
            "database": "postgresql (change feed)" if centre else "sqlite (notices handed over)",
            "forwardings": len(forwardings),
            "shown_everywhere": len(everywhere),
            "missing": missing[:10],
            "open_incidents": {"this": window.incident_model.rowCount(), "second": ready["rows"]},
            "call_ms": summary(call),
            "this_board_ms": summary(board),
            "this_dock_ms": summary(dock),
            "this_refresh_ms": summary(refreshes),
            "second_board_ms": summary(elsewhere),
            "every_board_ms": summary(everywhere),
        }
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        window.session.ctx.database.dispose()
        code = other.close()
        if code != 0:
            print(f"the second console ended with {code}", file=sys.stderr)


def sqlite_run(args: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    from dispatch.store.database import sqlite_url

    with tempfile.TemporaryDirectory(prefix="bench-forwarding-") as folder:
        url = sqlite_url(Path(folder) / "forwarding.sqlite3")
        began = time.perf_counter()
        seed(url, rng, args.units, args.incidents)
        seeded = time.perf_counter() - began
        found = measure(url, False, plan(url, args.forwardings, rng), args.gap_ms)
    return found | {"seeded_s": round(seeded, 1)}


def postgres_run(args: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    from bench.bench_centre import OwnCluster, Server, fresh_schema

    console_url = args.url or os.environ.get("DISPATCH_TEST_POSTGRES_URL", "").strip()
    owner_url = (
        args.owner_url or os.environ.get("DISPATCH_TEST_POSTGRES_OWNER_URL", "").strip() or console_url
    )
    cluster = None
    if console_url:
        server = Server(console_url, owner_url, "given")
    else:
        cluster = OwnCluster()
        server = cluster.server
    try:
        with fresh_schema(server) as (url, _owner):
            began = time.perf_counter()
            seed(url, rng, args.units, args.incidents)
            seeded = time.perf_counter() - began
            found = measure(url, True, plan(url, args.forwardings, rng), args.gap_ms)
        return found | {"seeded_s": round(seeded, 1), "server": server.source}
    finally:
        if cluster is not None:
            cluster.close()


def render(report: dict[str, Any]) -> str:
    def line(name: str, figure: dict[str, Any]) -> str:
        if not figure.get("n"):
            return f"  {name:<56} (none)"
        return (
            f"  {name:<56} n={figure['n']:<4} p50={figure['p50']:>7.2f}  p99={figure['p99']:>7.2f}  "
            f"max={figure['max']:>7.2f}  >={TARGET_MS:g}ms: {figure['over_target']}"
        )

    machine = report["machine"]
    lines = [
        f"Forwarding benchmark: {report['units']} units, {report['incidents']} open incidents, "
        f"{report['agencies']} agencies",
        f"machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
        f"load {machine['load_average']}",
    ]
    for run in report["runs"]:
        lines += [
            f"{run['database']}: {run['shown_everywhere']} of {run['forwardings']} forwardings shown "
            f"everywhere; boards hold {run['open_incidents']['this']} and {run['open_incidents']['second']} "
            "open incidents (ms from the forward call):",
            line("forward call returned (committed, notices published)", run["call_ms"]),
            line("this console's incident board row", run["this_board_ms"]),
            line("this console's forwarding dock", run["this_dock_ms"]),
            line("  this console's refresh after it, dock included (work)", run["this_refresh_ms"]),
            line("the second console's incident board row", run["second_board_ms"]),
            line(f"every board (the later of the two; < {TARGET_MS:g} ms)", run["every_board_ms"]),
        ]
        if run["missing"]:
            lines.append(f"  NOT shown within {SHOWN_TIMEOUT_S:g} s: {run['missing']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_forwarding", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--forwardings", type=int, default=200)
    parser.add_argument("--incidents", type=int, default=500, help="open incidents on the boards")
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument(
        "--gap-ms", type=float, default=100.0, help="between one forwarding shown and the next"
    )
    parser.add_argument(
        "--postgres", action="store_true", help="also run two consoles of a centre (PostgreSQL)"
    )
    parser.add_argument("--only-postgres", action="store_true", help="the PostgreSQL run alone")
    parser.add_argument("--url", help="PostgreSQL URL of the consoles' role")
    parser.add_argument("--owner-url", help="PostgreSQL URL of the owner (migrates the schema)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--centre", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--smoke", action="store_true", help="a toy size (200 units, 40 incidents, 10 forwardings)"
    )
    args = parser.parse_args(argv)
    if args.child:
        return second_console(args.child, args.centre)
    if args.smoke:
        args.units, args.incidents, args.forwardings = 200, 40, 10
    rng = random.Random(args.seed)
    runs = []
    if not args.only_postgres:
        runs.append(sqlite_run(args, rng))
    if args.postgres or args.only_postgres:
        runs.append(postgres_run(args, rng))
    report = {
        "machine": machine_info(),
        "units": args.units,
        "incidents": args.incidents,
        "agencies": AGENCIES,
        "target_ms": TARGET_MS,
        "runs": runs,
    }
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
