"""The feed gateway of a centre: the headless process that owns the feeds, the timers and the alerts.

In a centre of several consoles on one PostgreSQL database (issue 13) the consoles run no feeds and
no overdue timers; one process does, ``dispatch-console gateway`` (``ui/gateway_command.py`` parses
its command line and runs a ``Gateway``). No Qt. It runs, each on threads of its own:

- a ``FeedSupervisor`` (``dispatch.feeds.supervisor``): the feeds, their spools (frames read while the
  database is away wait there, in order, and are stored when it is back, also after a restart), the
  feed alarms and outages;
- the overdue timer checks, ``alerts.check_timers`` once a second: alerts are raised in one place
  (two gateways racing still raise each once: a unique index, ``insert_unless_taken``);
- the heartbeat, ``gateway_status.beat`` every ``HEARTBEAT_SECONDS`` (and soon after a feed's state
  changes) with the feeds' health, which every console's status line shows; with it the feed alarms
  that a console acknowledged are dropped from the supervisor;
- every hour, change events older than a day are pruned (``change_feed.prune_change_events``).

Its start and its orderly stop are audited (``GATEWAY_START``, ``GATEWAY_STOP``). One gateway uses a
spool folder at a time (an exclusive lock on ``gateway.lock`` in it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

from dispatch.domain.gateway import HEARTBEAT_SECONDS, FeedHealthView
from dispatch.domain.phone import DEFAULT_REGION
from dispatch.domain.timers import TimerThresholds
from dispatch.feeds.protocols import OpenFeed, open_feed
from dispatch.feeds.runner import Backoff, FeedHealth
from dispatch.feeds.supervisor import FeedSupervisor
from dispatch.feeds.urls import FeedUrl
from dispatch.services import alerts, calls, change_feed, gateway_status
from dispatch.services.context import ServiceContext
from dispatch.services.uow import DatabaseUnavailable

log = logging.getLogger(__name__)

DEFAULT_NAME = "gateway"
TIMER_SECONDS = 1.0
PRUNE_EVERY = timedelta(hours=1)
#: Change events are hints for consoles that were away; a day covers any console's absence that
#: still reads events (a console away longer re-reads everything: its feed sees the gap).
KEEP_EVENTS = timedelta(days=1)
#: An extra heartbeat after a feed's state changed comes at most this often (seconds).
EARLY_BEAT_GAP = 0.5
#: On an orderly stop, the storers have this long to store what was read (the rest waits in the
#: spool for the next start).
DRAIN_SECONDS = 5.0
LOCK_NAME = "gateway.lock"


class GatewayError(Exception):
    """The gateway cannot run (its spool folder is another gateway's, or cannot be made)."""


def health_json(health: FeedHealth) -> dict[str, Any]:
    """What a heartbeat stores of a feed: what the console's status line shows of it (the view has
    the health's fields, its state as text; ``ui.gateway_feeds.feed_health`` reads it back)."""
    return FeedHealthView(**{**dataclasses.asdict(health), "state": health.state.value}).to_json()


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dispatch-console")[:32]
    except PackageNotFoundError:
        return "unknown"


def lock_spool(spool_dir: Path) -> IO[bytes]:
    """The spool folder made and locked for this process (GatewayError if another process holds it).

    The lock goes with the process: a gateway that is killed leaves no stale lock behind.
    """
    try:
        spool_dir.mkdir(parents=True, exist_ok=True)
        handle = open(spool_dir / LOCK_NAME, "a+b")  # noqa: SIM115 - held open while the gateway runs
    except OSError as error:
        raise GatewayError(f"the spool folder {spool_dir} cannot be used: {error}") from None
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock (one gateway per folder is then the installer's care)
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read(32).decode("ascii", "replace").strip() or "?"
        handle.close()
        raise GatewayError(
            f"another gateway (process {holder}) uses the spool folder {spool_dir}; give this one "
            "another --name or --spool"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()).encode())
    handle.flush()
    return handle


class Gateway:
    """One gateway process's work (see the module docstring): ``start``, ``stop``, or
    ``run_forever(stop_event)`` until the event is set (the command sets it on SIGTERM/SIGINT)."""

    def __init__(
        self,
        ctx: ServiceContext,
        feed_urls: Sequence[FeedUrl],
        spool_dir: Path,
        region: str = DEFAULT_REGION,
        thresholds: TimerThresholds | None = None,
        name: str = DEFAULT_NAME,
        *,
        opener: Callable[[FeedUrl], OpenFeed] = open_feed,
        backoff: Callable[[], Backoff] | None = None,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
        timer_seconds: float = TIMER_SECONDS,
        prune_every: timedelta = PRUNE_EVERY,
        keep_events: timedelta = KEEP_EVENTS,
    ) -> None:
        self.ctx = ctx.as_system()
        self.name = name
        self.thresholds = thresholds or TimerThresholds()
        self.spool_dir = spool_dir
        self.heartbeat_seconds = heartbeat_seconds
        self.timer_seconds = timer_seconds
        self.prune_every = prune_every
        self.keep_events = keep_events
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.version = package_version()
        self.started_at = self.ctx.clock.now()
        self._lock_handle: IO[bytes] | None = lock_spool(spool_dir)
        try:
            self.supervisor = FeedSupervisor(
                ctx, feed_urls, spool_dir, region, opener=opener, backoff=backoff
            )
        except BaseException:
            self._release_lock()
            raise
        self._stop = threading.Event()
        self._early_beat = threading.Event()
        self._threads: list[threading.Thread] = []
        self._running = False
        #: What the loops last logged as failing (one line per episode, not one a second).
        self._failing: dict[str, str] = {}
        #: Counts, for the tests and the log.
        self.beats = 0
        self.checks = 0
        self.prunes = 0
        self.supervisor.subscribe(self._early_beat.set)

    # -- running ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Audit the start with the first heartbeat, end what an earlier run left ringing, then run
        the feeds, the timers and the heartbeat."""
        self.started_at = self.ctx.clock.now()
        gateway_status.started(
            self.ctx,
            self.name,
            self._feeds(),
            started_at=self.started_at,
            pid=self.pid,
            host=self.host,
            version=self.version,
        )
        try:
            ended = calls.reconcile_leftovers(self.ctx)
            if ended:
                log.info("%d call(s) left ringing or answered by an earlier run ended", ended)
        except DatabaseUnavailable as error:
            log.warning("calls left from an earlier run not reconciled: %s", error)
        self._running = True
        self.supervisor.start()
        for target, thread_name in (
            (self._heartbeat_loop, "gateway-heartbeat"),
            (self._timer_loop, "gateway-timers"),
        ):
            thread = threading.Thread(target=target, name=thread_name, daemon=True)
            thread.start()
            self._threads.append(thread)
        log.info(
            "gateway %s started (process %d on %s): %d feed(s), spool %s",
            self.name,
            self.pid,
            self.host,
            len(self.supervisor.health),
            self.spool_dir,
        )

    def stop(self, reason: str = "stopped") -> None:
        """Stop reading, give the storers a moment (what is left stays in the spool), stop the loops,
        and record the stop (audited). Idempotent."""
        if not self._running:
            self._release_lock()
            return
        self._running = False
        log.info("gateway %s stopping: %s", self.name, reason)
        self._stop.set()
        self._early_beat.set()
        for thread in self._threads:
            thread.join(15)
        self.supervisor.stop(drain=DRAIN_SECONDS)
        try:
            gateway_status.stopped(self.ctx, self.name, reason)
        except Exception as error:
            # The database away at the stop: the consoles see the heartbeat age instead.
            log.error("gateway %s: its stop could not be recorded: %s", self.name, error)
        self._release_lock()
        log.info("gateway %s stopped", self.name)

    def run_forever(self, stop_event: threading.Event, reason: Callable[[], str] = lambda: "stopped") -> None:
        """Start, run until ``stop_event`` is set, stop (``reason()`` says why, in the audit row)."""
        self.start()
        try:
            stop_event.wait()
        finally:
            self.stop(reason())

    def _release_lock(self) -> None:
        handle, self._lock_handle = self._lock_handle, None
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.close()

    # -- the loops -------------------------------------------------------------------------------

    def _feeds(self) -> list[dict[str, Any]]:
        return [health_json(health) for health in self.supervisor.health.values()]

    def beat(self) -> None:
        """One heartbeat, and the alarms acknowledged at the consoles dropped (the loop's work)."""
        gateway_status.beat(
            self.ctx,
            self.name,
            self._feeds(),
            started_at=self.started_at,
            pid=self.pid,
            host=self.host,
            version=self.version,
        )
        self.beats += 1
        self.supervisor.acknowledged_elsewhere()

    def check_timers(self) -> None:
        """One overdue-timer check (the loop's work)."""
        alerts.check_timers(self.ctx, self.thresholds)
        self.checks += 1

    def prune(self) -> int:
        """Change events older than ``keep_events`` removed; how many."""
        removed = change_feed.prune_change_events(self.ctx, self.keep_events)
        self.prunes += 1
        if removed:
            log.info(
                "gateway %s: %d change events older than %s pruned", self.name, removed, self.keep_events
            )
        return removed

    def _heartbeat_loop(self) -> None:
        next_prune = time.monotonic()
        last_beat = 0.0
        while not self._stop.is_set():
            self._attempt("heartbeat", self.beat)
            last_beat = time.monotonic()
            if last_beat >= next_prune:
                self._attempt("prune", self.prune)
                next_prune = last_beat + self.prune_every.total_seconds()
            # Wait for the next beat; a feed's change brings it forward (not sooner than the gap).
            self._early_beat.clear()
            deadline = last_beat + self.heartbeat_seconds
            while not self._stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if self._early_beat.wait(left):
                    self._stop.wait(max(0.0, last_beat + EARLY_BEAT_GAP - time.monotonic()))
                    break

    def _timer_loop(self) -> None:
        deadline = time.monotonic()
        while not self._stop.is_set():
            self._attempt("timer check", self.check_timers)
            deadline = max(deadline + self.timer_seconds, time.monotonic())
            self._stop.wait(max(0.0, deadline - time.monotonic()))

    def _attempt(self, what: str, work: Callable[[], object]) -> None:
        """``work()``; a failure is logged once per episode (and its end), and the loop goes on."""
        try:
            work()
        except DatabaseUnavailable as error:
            self._failed(what, f"database {error.reason}: {error.detail}", traceback=False)
            return
        except Exception as error:
            self._failed(what, f"{type(error).__name__}: {error}", traceback=True)
            return
        if self._failing.pop(what, None) is not None:
            log.warning("gateway %s: %s works again", self.name, what)

    def _failed(self, what: str, message: str, traceback: bool) -> None:
        if self._failing.get(what) == message:
            return
        self._failing[what] = message
        log.error("gateway %s: %s failed: %s", self.name, what, message, exc_info=traceback)
