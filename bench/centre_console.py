"""A console of a centre in a process of its own, driven and timed by a test or a benchmark.

    python -m bench.centre_console --db URL --console KONSOL-02 --user op02 [--password PW]
        [--lang en] [--size 1366x768] [--stream] [--feed URL] [--profile FILE] [--burst-refresh-ms MS]

The console as ``ui.app`` builds it after the log-in, without a dialog: the database opened as a live
one (``--db``: the PostgreSQL URL of the consoles' role), the console registered
(``accounts.register_console``), the user logged in through the services (``accounts.log_in``), the
real ``MainWindow`` built offscreen with ``session.centre`` set (a PostgreSQL database), shown in the
position of the user's role with the keyboard on the call queue, the background loads done and what
start-up made frozen, the garbage collector run on the GUI thread (as ``ui.app`` does). With
``--feed`` (a SQLite database) it is instead today's single console that runs its feed itself
(``FeedMonitor``), the baseline of ``bench.bench_centre``; a centre's console shows its gateway's
feeds (``GatewayFeeds``), as ``ui.app`` builds it. An uncaught exception is told as
``{"event": "fault", ...}``.

It speaks JSON lines. On its standard output (the protocol only: anything else the process prints
goes to standard error) it says ``{"event": "ready", ...}`` once the window is up and active, then
(with ``--stream``) ``{"event": "shown", "call": id, ...}`` when a call's row first appears in its
call queue model and ``{"event": "state", ...}`` when a call's row on the board changes state, and a
``{"event": "reply", "id": n, ...}`` to each command read from its standard input,
``{"cmd": NAME, "id": n, ...}``:

* ``ping``; ``count``: how many calls the board has shown;
* ``answer``: F2 pressed on the widget that has the keyboard (``QTest.keyClick``, as a person's key);
  the reply holds the status line's message, the call on the line and the incident shown;
* ``board``: the call queue's rows (id, number, state, incident number); ``status``: the status
  line's message and what it says of the feeds;
* ``report`` (``since``/``until``: ``time.perf_counter`` values; this is CLOCK_MONOTONIC on Linux, the
  same in every process): when each call was shown (``time.time`` and ``time.perf_counter``), when
  its first change notice reached the console's bus (``heard``: from the change feed's thread), the
  event loop's lag (a 10 ms precise ``QTimer``: each interval's lateness over 10 ms) and the
  window's timed work (its ``timing_hook`` and the garbage collector's passes) in that span;
* ``quit``.

The parent's side: ``ConsoleProcess`` (start, wait for events, send commands), ``GatewayProcess``
(``dispatch-console gateway``), ``NcidPeer`` (a caller-ID server on 127.0.0.1 that the gateway or a
console reads, sending call lines when told) and ``prepare_centre`` (accounts for the consoles).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import contextlib
import gc
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bench.bench_feeds import NCID_STARTUP
from bench.bench_foundation import nearest_rank

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "rahasia-112"
#: The lag meter's interval: each tick's lateness over it is the event loop's lag.
LAG_TIMER_MS = 10
#: Intervals later than this are listed one by one in a report, with the work timed inside them.
STALL_LIST_MS = 25.0


def summary(values: Sequence[float]) -> dict[str, Any]:
    """n, p50, p99, max, mean of ``values`` (ms), nearest-rank; ``{"n": 0}`` for none."""
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50": round(nearest_rank(ordered, 50), 2),
        "p99": round(nearest_rank(ordered, 99), 2),
        "max": round(ordered[-1], 2),
        "mean": round(sum(ordered) / len(ordered), 2),
    }


# --- the console's process -------------------------------------------------------------------------


class Protocol:
    """JSON lines on the process's original standard output; file descriptor 1 then points at
    standard error, so that nothing else (a library's print, Qt's messages) can break a line."""

    def __init__(self) -> None:
        sys.stdout.flush()
        self._out: IO[str] = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
        os.dup2(2, 1)
        sys.stdout = sys.stderr
        self._lock = threading.Lock()

    def send(self, **fields: Any) -> None:
        line = json.dumps(fields, default=str, separators=(",", ":"))
        with self._lock:
            self._out.write(line + "\n")
            self._out.flush()


class Watch:
    """What the test asks of the window: when each call was shown and heard, the event loop's lag,
    the window's timed work. Nothing of the window is wrapped or replaced: the call queue model's
    own signals, the boards' ``applied`` signal and ``timing_hook``, a listener on the bus."""

    def __init__(self, window: MainWindow, protocol: Protocol, stream: bool) -> None:
        from PySide6.QtCore import Qt, QTimer

        from dispatch.services.bus import Change, Topic

        self.window = window
        self.protocol = protocol
        self.stream = stream
        self.model = window.call_model
        #: call id -> (time.time, time.perf_counter, number as received), its first row in the model.
        self.shown: dict[int, tuple[float, float, str]] = {}
        #: call id -> (time.time, time.perf_counter): the first change notice naming it on the bus.
        self.heard: dict[int, tuple[float, float]] = {}
        #: call id -> the states its row showed, each with the incident number and time.time.
        self.states: dict[int, list[tuple[str, str, float]]] = {}
        self.ticks: list[float] = []
        #: (step, began perf_counter, ms) of the window's timed work and the collector's passes.
        self.work: list[tuple[str, float, float]] = []
        self._gc_began = 0.0
        self._heard_lock = threading.Lock()
        self.model.rowsInserted.connect(self._inserted)
        window.boards.applied.connect(self._applied)
        window.boards.timing_hook = self._timed
        gc.callbacks.append(self._gc)
        calls_topic = Topic.CALLS

        def heard(change: Change) -> None:
            if change.topic is not calls_topic:
                return
            wall, mono = time.time(), time.perf_counter()
            with self._heard_lock:
                for call_id in change.ids:
                    self.heard.setdefault(call_id, (wall, mono))

        self._unsubscribe = window.session.ctx.bus.subscribe(heard)
        self._lag = QTimer()
        self._lag.setTimerType(Qt.TimerType.PreciseTimer)
        self._lag.setInterval(LAG_TIMER_MS)
        self._lag.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self._lag.start()
        for row in self.model.rows():  # calls on the board before the watch began
            self.states[row.id] = [(row.state.value, row.incident_number or "", time.time())]

    def _inserted(self, _parent: object, first: int, last: int) -> None:
        wall, mono = time.time(), time.perf_counter()
        for index in range(first, last + 1):
            call = self.model.row(index)
            if call.id in self.shown:
                continue
            self.shown[call.id] = (wall, mono, call.number_raw)
            self._note_state(call.id, call.state.value, call.incident_number or "", wall)
            if self.stream:
                self.protocol.send(
                    event="shown",
                    call=call.id,
                    number=call.number_raw,
                    state=call.state.value,
                    wall=wall,
                    mono=mono,
                )

    def _applied(self, _topics: object, _incidents: object, ids: object) -> None:
        from dispatch.services.bus import Topic

        assert isinstance(ids, dict)
        named = ids.get(Topic.CALLS, set())
        wanted = list(self.states) if named is None else list(named or ())
        wall = time.time()
        for call_id in wanted:
            place = self.model.row_of_key(call_id)
            if place is None:
                continue
            call = self.model.row(place)
            self._note_state(call_id, call.state.value, call.incident_number or "", wall)

    def _note_state(self, call_id: int, state: str, incident: str, wall: float) -> None:
        seen = self.states.setdefault(call_id, [])
        if seen and seen[-1][:2] == (state, incident):
            return
        seen.append((state, incident, wall))
        if self.stream:
            self.protocol.send(event="state", call=call_id, state=state, incident=incident, wall=wall)

    def _timed(self, step: str, began: float, seconds: float) -> None:
        self.work.append((step, began, seconds * 1000))

    def _gc(self, phase: str, _info: dict[str, int]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._gc_began = now
        else:
            self.work.append(("gc", self._gc_began, (now - self._gc_began) * 1000))

    def lags(self, since: float, until: float) -> list[tuple[float, float]]:
        """(tick, lateness in ms) of each interval that ended within [since, until]."""
        return [
            (later, (later - earlier) * 1000 - LAG_TIMER_MS)
            for earlier, later in zip(self.ticks, self.ticks[1:], strict=False)
            if since <= later <= until
        ]

    def report(self, since: float, until: float) -> dict[str, Any]:
        lags = self.lags(since, until)
        stalls = []
        for at, late in lags:
            if late < STALL_LIST_MS:
                continue
            began = at - (late + LAG_TIMER_MS) / 1000
            inside: dict[str, float] = {}
            for step, when, ms in self.work:
                if began - 0.001 <= when <= at:
                    inside[step] = round(inside.get(step, 0.0) + ms, 1)
            stalls.append({"at": at, "lag_ms": round(late, 1), "work_ms": inside})
        work: dict[str, list[float]] = {}
        for step, when, ms in self.work:
            if since <= when <= until:
                work.setdefault(step, []).append(ms)
        with self._heard_lock:
            heard = dict(self.heard)
        return {
            "shown": {str(k): list(v) for k, v in self.shown.items()},
            "heard": {str(k): list(v) for k, v in heard.items()},
            "states": {str(k): [list(s) for s in v] for k, v in self.states.items()},
            "lag_ms": summary([late for _, late in lags]),
            "stalls": stalls,
            "work_ms": {step: summary(ms) | {"total": round(sum(ms), 1)} for step, ms in work.items()},
        }

    def close(self) -> None:
        self._lag.stop()
        self._unsubscribe()
        self.window.boards.timing_hook = None
        with contextlib.suppress(ValueError):
            gc.callbacks.remove(self._gc)


class Commands:
    """Commands read from standard input on a thread of their own and run on the GUI thread."""

    def __init__(self, app: QApplication, window: MainWindow, watch: Watch, protocol: Protocol) -> None:
        from PySide6.QtCore import QObject, Signal

        class Inbox(QObject):
            arrived = Signal(object)

        self.app, self.window, self.watch, self.protocol = app, window, watch, protocol
        self.inbox = Inbox()
        self.inbox.arrived.connect(self.run)  # queued: emitted from the reading thread
        self._reader = threading.Thread(target=self._read, name="commands", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            try:
                command = json.loads(line)
            except ValueError:
                self.protocol.send(event="error", detail=f"not JSON: {line[:200]}")
                continue
            self.inbox.arrived.emit(command)
        self.inbox.arrived.emit({"cmd": "quit", "id": None})  # the parent has gone

    def run(self, command: dict[str, Any]) -> None:
        name, ident = command.get("cmd"), command.get("id")
        handler: Callable[[dict[str, Any]], dict[str, Any]] | None = getattr(self, f"do_{name}", None)
        if handler is None:
            self.protocol.send(event="reply", id=ident, error=f"unknown command {name!r}")
            return
        try:
            reply = handler(command)
        except Exception as error:  # the parent hears what went wrong; the console goes on
            trace = traceback.format_exc(limit=-4)
            self.protocol.send(event="reply", id=ident, error=f"{type(error).__name__}: {error}\n{trace}")
            return
        self.protocol.send(event="reply", id=ident, **reply)
        if name == "quit":
            self.app.quit()

    def do_ping(self, _command: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "mono": time.perf_counter(), "wall": time.time()}

    def do_count(self, _command: dict[str, Any]) -> dict[str, Any]:
        return {"shown": len(self.watch.shown), "rows": self.watch.model.rowCount()}

    def do_answer(self, _command: dict[str, Any]) -> dict[str, Any]:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        target = QApplication.focusWidget() or self.window
        began = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_F2)
        took = (time.perf_counter() - began) * 1000
        shown = self.window.incidents.shown
        return {
            "key_target": target.objectName() or type(target).__name__,
            "message": self.window.status.message(),
            "on_line": self.window.calls.on_line_id,
            "incident": shown.number if shown is not None else None,
            "incident_id": shown.id if shown is not None else None,
            "ms": round(took, 1),
        }

    def do_board(self, _command: dict[str, Any]) -> dict[str, Any]:
        return {
            "calls": [
                {
                    "id": c.id,
                    "number": c.number_raw,
                    "state": c.state.value,
                    "incident": c.incident_number,
                }
                for c in self.watch.model.rows()
            ],
            "message": self.window.status.message(),
        }

    def do_status(self, _command: dict[str, Any]) -> dict[str, Any]:
        """The status line: its message and what it says of the feeds (a centre: the gateway's)."""
        status = self.window.status
        return {
            "message": status.message(),
            "feeds": status.feed_label.text(),
            "feeds_tip": status.feed_label.toolTip(),
        }

    def do_report(self, command: dict[str, Any]) -> dict[str, Any]:
        since = float(command.get("since", 0.0))
        until = float(command.get("until", time.perf_counter()))
        return self.watch.report(since, until)

    def do_quit(self, _command: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True}


def link_of(window: MainWindow) -> str:
    """Who hears the other processes' changes: the window's own database link (issue 13) or none."""
    try:
        from ui.database_link import DatabaseLink
    except ImportError:
        return "none"
    return "window" if any(isinstance(v, DatabaseLink) for v in vars(window).values()) else "none"


def serve(argv: Sequence[str] | None = None) -> int:
    """The console's process (see the module's docstring)."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.centre_console", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--db", required=True, help="the database URL (PostgreSQL: the consoles' role)")
    parser.add_argument("--console", required=True, help="the console's name")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default=PASSWORD)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--size", default="1366x768", help="the window's size (%(default)s)")
    parser.add_argument("--stream", action="store_true", help="say each call shown and each state change")
    parser.add_argument("--feed", action="append", default=[], help="a feed run in this process (baseline)")
    parser.add_argument(
        "--profile", type=Path, help="cProfile the GUI thread from ready to quit; its stats to this file"
    )
    parser.add_argument(
        "--burst-refresh-ms",
        type=int,
        help="what-if: the boards' minimum interval between refreshes in a burst (the window's own: 25)",
    )
    args = parser.parse_args(argv)
    protocol = Protocol()
    try:
        return _serve(args, protocol)
    except Exception as error:
        protocol.send(event="error", detail=f"{type(error).__name__}: {error}")
        raise


def _serve(args: argparse.Namespace, protocol: Protocol) -> int:
    from dataclasses import replace

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from dispatch.catalogue_files import load_default_catalogue
    from dispatch.domain.clock import SystemClock
    from dispatch.feeds.runner import FeedState
    from dispatch.feeds.urls import parse_feed_url
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import DatabaseKind, open_database
    from ui import positions
    from ui.app import WINDOW_WRITE_WAIT_MS, freeze_long_lived, reconcile_leftover_calls
    from ui.background import background_loads
    from ui.faults import FaultReporter
    from ui.feed_monitor import FeedMonitor
    from ui.gateway_feeds import GatewayFeeds
    from ui.gui_collector import GuiThreadCollector
    from ui.i18n import install_translator
    from ui.main_window import MainWindow
    from ui.reveal import focus_visibly
    from ui.session import ConsoleSession

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    install_translator(app, args.lang)
    began = time.perf_counter()
    database = open_database(args.db, upgrade=False, kind=DatabaseKind.LIVE)
    centre = database.engine.dialect.name == "postgresql"
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), args.console, socket.gethostname())
    result = accounts.log_in(ctx, args.user, args.password)
    if result.actor is None:
        protocol.send(event="error", detail=f"{args.user} not logged in: {result}")
        return 2
    actor = result.actor
    reconcile_leftover_calls(ctx.acting_as(actor))
    ctx = replace(ctx.acting_as(actor), write_wait_ms=WINDOW_WRITE_WAIT_MS)
    # As ui.app: a live centre's console shows its gateway's feeds; today's console runs its own.
    monitor: FeedMonitor | GatewayFeeds | None = None
    if centre:
        monitor = GatewayFeeds(ctx)
    elif args.feed:
        monitor = FeedMonitor(ctx, [parse_feed_url(text) for text in args.feed], "ID")
    session = ConsoleSession(ctx, load_default_catalogue(), args.lang, feeds=monitor, centre=centre)
    window = MainWindow(session)
    # Every uncaught exception (GUI thread or another) is told to the parent as a fault.
    faults = FaultReporter(app)
    faults.fault_reported.connect(
        lambda error: protocol.send(event="fault", detail=f"{type(error).__name__}: {error}")
    )
    faults.install()
    if args.burst_refresh_ms is not None:
        window.boards.burst_refresh_ms = args.burst_refresh_ms
    width, height = (int(x) for x in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    window.take_position(positions.position_for(actor.role))
    focus_visibly(window.call_view, Qt.FocusReason.OtherFocusReason)
    window.activateWindow()
    accounts.record_position(ctx, session.position)
    for _name, load in background_loads(""):
        load()  # before the first caller, as ui.app's threads do; not timed here
    if monitor is not None:
        monitor.start()
    freeze_long_lived()
    collector = GuiThreadCollector(app)
    collector.start()

    def wait(predicate: Callable[[], bool], seconds: float) -> bool:
        loop, deadline = QEventLoop(), time.perf_counter() + seconds
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: (predicate() or time.perf_counter() > deadline) and loop.quit())
        timer.start()
        if not predicate():
            loop.exec()
        timer.stop()
        return predicate()

    active = wait(window.isActiveWindow, 10)
    if isinstance(monitor, FeedMonitor) and not wait(
        lambda: all(h.state is FeedState.UP for h in monitor.health.values()), 20
    ):
        protocol.send(event="error", detail=f"the feed did not come up: {list(monitor.health.values())}")
    watch = Watch(window, protocol, args.stream)
    commands = Commands(app, window, watch, protocol)
    protocol.send(
        event="ready",
        pid=os.getpid(),
        console=ctx.console_name,
        console_id=ctx.console_id,
        user=actor.user_name,
        user_id=actor.user_id,
        centre=session.centre,
        link=link_of(window),
        active=active,
        focus=(app.focusWidget().objectName() if app.focusWidget() is not None else None),
        calls_on_board=window.call_model.rowCount(),
        start_s=round(time.perf_counter() - began, 2),
        mono=time.perf_counter(),
        wall=time.time(),
    )
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    profiler = None
    if args.profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    code = app.exec()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    faults.uninstall()
    watch.close()
    collector.stop()
    gc.unfreeze()  # as ui.app does before the window goes (frozen Qt objects crash PySide6 at exit)
    if monitor is not None:
        monitor.stop()
    window.close()
    window.deleteLater()
    app.processEvents()
    with contextlib.suppress(Exception):
        accounts.log_out(session.ctx)
    database.dispose()
    del commands
    return code


# --- the parent's side -------------------------------------------------------------------------------


def prepare_centre(url: str, operators: int, prefix: str = "op") -> list[str]:
    """A supervisor (``sari``) and ``operators`` call-takers (``op01``...) on the database at ``url``,
    all with the password ``PASSWORD``, made through the services from a console ``PERSIAPAN``."""
    from dispatch.domain.clock import SystemClock
    from dispatch.domain.enums import Role
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import DatabaseKind, open_database

    # A new SQLite file is made here; a PostgreSQL schema is migrated already (by its owner).
    database = open_database(url, kind=DatabaseKind.LIVE)
    try:
        ctx = accounts.register_console(
            database, SystemClock(), ChangeBus(), "PERSIAPAN", socket.gethostname()
        )
        if not accounts.has_users(ctx):
            accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
        result = accounts.log_in(ctx, "sari", PASSWORD)
        assert result.actor is not None, result
        acting = ctx.acting_as(result.actor)
        names = [f"{prefix}{n:02d}" for n in range(1, operators + 1)]
        for number, name in enumerate(names, start=1):
            accounts.create_user(acting, name, f"Operator {number}", PASSWORD, PASSWORD, Role.CALL_TAKER)
        accounts.log_out(acting)
        return names
    finally:
        database.dispose()


def child_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


class ConsoleProcess:
    """A ``python -m bench.centre_console`` process: its events kept in order, commands sent to it."""

    def __init__(
        self,
        url: str,
        console: str,
        user: str,
        *,
        log: Path,
        stream: bool = False,
        lang: str = "en",
        size: str = "1366x768",
        feeds: Sequence[str] = (),
        extra: Sequence[str] = (),
    ) -> None:
        command = [
            sys.executable,
            "-m",
            "bench.centre_console",
            "--db",
            url,
            "--console",
            console,
            "--user",
            user,
            "--lang",
            lang,
            "--size",
            size,
        ]
        command += ["--stream"] if stream else []
        for feed in feeds:
            command += ["--feed", feed]
        command += list(extra)
        self.name = console
        self.log = log
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
            bufsize=1,
        )
        self.events: list[dict[str, Any]] = []
        self._changed = threading.Condition()
        self._next_id = 0
        self.ready: dict[str, Any] = {}
        self._reader = threading.Thread(target=self._read, name=f"read-{console}", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            with self._changed:
                self.events.append(event)
                self._changed.notify_all()
        with self._changed:
            self.events.append({"event": "exited"})
            self._changed.notify_all()

    def stderr_tail(self, size: int = 3000) -> str:
        try:
            return self.log.read_bytes()[-size:].decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float, what: str = ""
    ) -> dict[str, Any]:
        """The first event (from the start) that ``predicate`` accepts; fails on a timeout or an exit."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for event in self.events:
                    if predicate(event):
                        return event
                if self.events and self.events[-1].get("event") in ("exited", "error"):
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
        raise AssertionError(
            f"{self.name}: no {what or 'such event'} within {timeout} s; last events "
            f"{self.events[-5:]}\n--- its standard error:\n{self.stderr_tail()}"
        )

    def wait_ready(self, timeout: float = 60) -> dict[str, Any]:
        self.ready = self.wait_for(lambda e: e.get("event") == "ready", timeout, "ready")
        return self.ready

    def send(self, cmd: str, **fields: Any) -> int:
        """The command sent; its id, for ``reply``."""
        self._next_id += 1
        ident = self._next_id
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, "id": ident, **fields}) + "\n")
        self.process.stdin.flush()
        return ident

    def reply(self, ident: int, timeout: float = 30) -> dict[str, Any]:
        reply = self.wait_for(
            lambda e: e.get("event") == "reply" and e.get("id") == ident, timeout, f"reply {ident}"
        )
        if "error" in reply:
            raise AssertionError(
                f"{self.name}: command {ident} failed: {reply['error']}\n{self.stderr_tail()}"
            )
        return reply

    def request(self, cmd: str, timeout: float = 30, **fields: Any) -> dict[str, Any]:
        return self.reply(self.send(cmd, **fields), timeout)

    def close(self, timeout: float = 20) -> int | None:
        if self.process.poll() is None:
            with contextlib.suppress(OSError, ValueError, AssertionError):
                self.request("quit", timeout=timeout)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._reader.join(10)  # it ends at the end of the process's output
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()
        self._log_file.close()
        return self.process.returncode


def dispatch_console() -> list[str]:
    """The ``dispatch-console`` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("dispatch-console")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]


class GatewayProcess:
    """``dispatch-console gateway --db URL --feed URL... --name NAME`` (its output in ``log``)."""

    def __init__(
        self, url: str, feeds: Sequence[str], *, name: str, log: Path, spool: Path | None = None
    ) -> None:
        command = [*dispatch_console(), "gateway", "--db", url, "--name", name]
        for feed in feeds:
            command += ["--feed", feed]
        if spool is not None:
            command += ["--spool", str(spool)]
        self.command = command
        self.log = log
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def output(self, size: int = 4000) -> str:
        try:
            return self.log.read_bytes()[-size:].decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self, timeout: float = 20) -> int | None:
        """SIGTERM (a clean stop: GATEWAY_STOP audited), then SIGKILL if it does not end."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log_file.close()
        return self.process.returncode


class NcidPeer:
    """An NCID server on 127.0.0.1: each connection gets the server's start-up lines, then the call
    lines ``send`` is given (to the newest connection), spread evenly over ``spread_s``."""

    def __init__(self) -> None:
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(4)
        self.port = int(self._server.getsockname()[1])
        self.url = f"ncid://127.0.0.1:{self.port}"
        self._clients: list[socket.socket] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._accept, name="ncid-peer", daemon=True)
        self._thread.start()

    @property
    def connections(self) -> int:
        with self._changed:
            return len(self._clients)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return  # closed
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            client.sendall(NCID_STARTUP)
            with self._changed:
                self._clients.append(client)
                self._changed.notify_all()

    def wait_connected(self, timeout: float, count: int = 1) -> bool:
        """True once ``count`` readers have connected (the newest is the one written to)."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self._clients) >= count, timeout)

    def send(self, lines: Sequence[bytes], spread_s: float = 0.0) -> list[tuple[float, float]]:
        """Each line written (TCP_NODELAY) at its time; (time.time, time.perf_counter) after each."""
        with self._changed:
            if not self._clients:
                raise RuntimeError("no reader is connected to the NCID peer")
            client = self._clients[-1]
        sent = []
        start = time.perf_counter()
        for index, line in enumerate(lines):
            due = start + index * spread_s / max(1, len(lines))
            while True:
                left = due - time.perf_counter()
                if left <= 0:
                    break
                time.sleep(left if left > 0.0005 else 0)
            client.sendall(line)
            sent.append((time.time(), time.perf_counter()))
        return sent

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            self._server.close()
        with self._changed:
            for client in self._clients:
                with contextlib.suppress(OSError):
                    client.close()


if __name__ == "__main__":
    raise SystemExit(serve())
