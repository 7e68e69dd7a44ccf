"""Feed supervision without Qt: runners, their spools, health, alarms and outage records.

One ``FeedSupervisor`` runs the configured feeds of a console (or of a centre's headless gateway,
``dispatch.gateway``):

- each feed's ``FeedRunner`` reads and decodes on its own thread and hands the frames of each read
  to the feed's ``FeedStore``, which appends them to the feed's spool file (``dispatch.feeds.spool``)
  at once and stores them in the database on a thread of its own, in order, one read per
  transaction (the reads waiting, up to ``STORE_MAX_FRAMES`` frames, together when storing is
  behind). When the database does not accept writes (``DatabaseUnavailable``) the store keeps the
  reads and tries again with backoff (0.2 s doubling to 5 s); reading never waits for the database.
  An unexpected error for one frame stores that frame as rejected, with the reason, and goes on.
- the watch thread looks at every feed each second: a runner whose thread ended for any reason is
  started again (alarm ``feed_restarted``); a feed down for ``DOWN_ALARM_AFTER`` (30 s), frames
  waiting for ``DELAYED_ALARM_AFTER`` (10 s), rejected frames over the storing limit, or frames lost
  to a full spool raise an alarm.
- the recorder thread writes what the database must hold about all that: outages (opened when a
  feed goes down, closed when it is up again) and one ``alerts`` row per alarm, acknowledgements
  too. Whatever the database does not accept now is written when it does; meanwhile the alarms are
  held here and shown by the window from ``alarms`` and ``health``. An alarm's row notifies
  ``Topic.ALERTS`` (``services.feeds``): in a centre the consoles show the gateway's alarms from the
  rows and acknowledge them there (``acknowledged_elsewhere``).

- a feed that can send (a GSM modem: SMS; the PBX: dials) is given ``outbox.take_outgoing`` for
  its runner to take what the outbox holds (``dispatch.feeds.runner``), and is woken when this
  process queues something (a ``Topic.OUTBOX`` notice on its bus); what was queued elsewhere is
  found within a second.

Listeners (``subscribe``) are called from these threads whenever health or alarms change; the Qt
window bridges them to its own thread (``ui/feed_monitor.py``).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from dispatch.domain.clock import Clock
from dispatch.domain.forwarding import OutboxKind
from dispatch.domain.phone import DEFAULT_REGION
from dispatch.domain.signals import CallSignal
from dispatch.feeds.protocols import OpenFeed, open_feed
from dispatch.feeds.runner import Backoff, FeedHealth, FeedRunner, FeedState, Take
from dispatch.feeds.spool import Batch, Spool, spool_files, spool_path
from dispatch.feeds.urls import AmiFeedUrl, AmlSmsFeedUrl, FeedUrl
from dispatch.services import alerts, feeds, outbox
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import FeedAlarmKind, Received, RejectedSignal
from dispatch.services.uow import DatabaseUnavailable

log = logging.getLogger(__name__)

DOWN_ALARM_AFTER = timedelta(seconds=30)
DELAYED_ALARM_AFTER = timedelta(seconds=10)
#: Frames waiting this long make the feed's health say storing is delayed.
DELAYED_AFTER = timedelta(seconds=2)
#: A run of rejected frames over the limit ends after this long without one.
GARBAGE_QUIET = timedelta(minutes=1)
WATCH_INTERVAL = 1.0
STORE_FIRST_RETRY = 0.2
STORE_LONGEST_RETRY = 5.0
#: At most this many frames in one transaction when reads have piled up (a burst of calls): more
#: would make the first of them wait long for the commit, and hold the write lock long.
STORE_MAX_FRAMES = 20
#: How long taking from the outbox may wait for another process's write lock (milliseconds): the
#: feed's thread reads the device in between, and tries again a second later.
TAKE_WAIT_MS = 200


def spool_dir_for(database_url: str, data_dir: Path) -> Path:
    """Where a console keeps the spools of the feeds it stores into the database at ``database_url``.

    Beside a SQLite file (``dispatch.sqlite3.spool/``: the spool belongs to that database and moves
    with it); for a server, under the console's data folder, one folder per server and database.
    """
    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        file = Path(parsed.database)
        return file.with_name(file.name + ".spool")
    server = f"{parsed.host or 'localhost'}-{parsed.port or ''}-{parsed.database or ''}"
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", server)[:64]
    digest = hashlib.sha256(parsed.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return data_dir / "spool" / f"{readable}-{digest}"


@dataclass
class FeedAlarm:
    """An alarm about a feed: held here until a person acknowledges it; ``alert_id`` once recorded."""

    feed: str
    kind: FeedAlarmKind
    since: datetime
    raised_at: datetime
    detail: str = ""
    alert_id: int | None = None
    acknowledged_by: ServiceContext | None = field(default=None, repr=False)
    acknowledged_at: datetime | None = None
    recorded_acknowledgement: bool = False

    @property
    def down_since(self) -> datetime:
        return self.since

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


class FeedStore:
    """The spool and the storing thread of one feed; a ``FeedSink`` for its runner."""

    def __init__(self, ctx: ServiceContext, feed: str, spool: Spool, on_change: Callable[[], None]) -> None:
        self._ctx = ctx.as_system()
        self.feed = feed
        self.spool = spool
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: When the oldest pending read was handed over (None when nothing waits); set and cleared
        #: under ``_waiting`` together with the spool's append and done.
        self._waiting = threading.Lock()
        self._waiting_since: datetime | None = None
        self.unavailable = ""  # the database's last refusal, while it lasts
        self.stored = 0
        self.lost_unstorable = 0
        #: Times the database did not accept a read (it was tried again).
        self.refusals = 0

    # -- FeedSink ---------------------------------------------------------------------------------

    def frames(self, frames: Sequence[Received]) -> None:
        now = self._ctx.clock.now()
        with self._waiting:
            kept = self.spool.append(frames, now)
            if kept and self._waiting_since is None:
                self._waiting_since = now
        if not kept:
            log.error("feed %s: spool full, %d frames lost", self.feed, len(frames))
            self._on_change()

    def signal(self, signal: CallSignal) -> None:
        self.frames([signal])

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None:
        self.frames([RejectedSignal(feed, received_at, raw, reason)])

    # -- state ------------------------------------------------------------------------------------

    def delayed_since(self, now: datetime, after: timedelta = DELAYED_AFTER) -> datetime | None:
        since = self._waiting_since
        if since is None or self.spool.pending_frames == 0:
            return None
        if self.unavailable or now - since >= after:
            return since
        return None

    def waiting_since(self) -> datetime | None:
        return self._waiting_since if self.spool.pending_frames else None

    # -- the storing thread -----------------------------------------------------------------------

    def start(self) -> None:
        if self.spool.pending_frames and self._waiting_since is None:
            self._waiting_since = self._ctx.clock.now()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"store {self.feed}", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def started(self) -> bool:
        return self._thread is not None and not self._stop.is_set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def close(self) -> None:
        self.spool.close()

    def drain(self, timeout: float) -> bool:
        """Wait until every pending frame is stored (tests, the gateway's orderly stop)."""
        end = threading.Event()
        waited = 0.0
        while self.spool.pending_frames and waited < timeout:
            end.wait(0.02)
            waited += 0.02
        return self.spool.pending_frames == 0

    def _run(self) -> None:
        backoff = Backoff(STORE_FIRST_RETRY, STORE_LONGEST_RETRY)
        while not self._stop.is_set():
            try:
                batches = self.spool.heads(STORE_MAX_FRAMES, timeout=0.5)
                if not batches:
                    continue
                self._store(batches)
                backoff.reset()
            except DatabaseUnavailable as error:
                self.refusals += 1
                first = not self.unavailable
                self.unavailable = f"{error.reason}: {error.detail}"
                if first:
                    log.warning("feed %s: storing delayed, database %s", self.feed, self.unavailable)
                    self._on_change()
                self._stop.wait(backoff.next())
            except Exception:
                # Only the spool itself failing can reach here (a full disk): keep trying.
                log.exception("feed %s: the storing thread failed; trying again", self.feed)
                self._stop.wait(backoff.next())

    def _store(self, batches: list[Batch]) -> None:
        """The reads waiting (oldest first) in one transaction: one read when storing keeps up;
        when it is behind (a burst of calls) several, so each costs one commit less."""
        frames = [frame for batch in batches for frame in batch.frames]
        try:
            feeds.store_frames(self._ctx, frames)
        except DatabaseUnavailable:
            raise
        except Exception as error:
            if len(batches) > 1:
                for batch in batches:  # each read alone, in order: one bad read holds back no other
                    self._store([batch])
                return
            log.exception("feed %s: a read could not be stored; storing its frames one by one", self.feed)
            self._store_one_by_one(batches[0], error)
        self.stored += len(frames)
        with self._waiting:
            for batch in batches:
                self.spool.done(batch)
            self._waiting_since = None if self.spool.pending_frames == 0 else self._ctx.clock.now()
        was_unavailable = bool(self.unavailable)
        self.unavailable = ""
        if was_unavailable:
            log.warning("feed %s: storing again", self.feed)
        self._on_change()

    def _store_one_by_one(self, batch: Batch, first_error: Exception) -> None:
        """Each frame alone; one that cannot be stored as it is goes in as rejected, with the reason."""
        while batch.frames:
            frame = batch.frames[0]
            try:
                feeds.store_frames(self._ctx, [frame])
            except DatabaseUnavailable:
                raise
            except Exception as error:
                reason = f"not stored as received: {type(error).__name__}: {error}"[:1000]
                self._store_as_rejected(frame, reason)
            self.spool.drop_head_frames(batch, 1)

    def _store_as_rejected(self, frame: Received, reason: str) -> None:
        """With its own time, else (a time the database refuses) the time it is stored."""
        for at in (frame.received_at, self._ctx.clock.now()):
            try:
                feeds.store_frames(self._ctx, [RejectedSignal(frame.feed, at, frame.raw, reason)])
                return
            except DatabaseUnavailable:
                raise
            except Exception:
                log.exception("feed %s: a frame could not be stored as rejected", self.feed)
        self.lost_unstorable += 1


@dataclass
class _Feed:
    """What the supervisor keeps per feed."""

    name: str
    store: FeedStore
    runner: FeedRunner | None  # None: only a spool left from an earlier run
    health: FeedHealth
    alarmed: dict[FeedAlarmKind, datetime] = field(default_factory=dict)  # episode start alarmed
    #: Since when the feed has been without a connection (DOWN, and CONNECTING between retries).
    down_since: datetime | None = None
    #: Connection state changes not yet written as outages: ("down", since, reason) / ("up", since, "").
    outage_events: list[tuple[str, datetime, str]] = field(default_factory=list)


class FeedSupervisor:
    """Runs and watches the feeds of one console (see the module docstring). No Qt."""

    def __init__(
        self,
        ctx: ServiceContext,
        urls: Sequence[FeedUrl],
        spool_dir: Path,
        region: str = DEFAULT_REGION,
        opener: Callable[[FeedUrl], OpenFeed] = open_feed,
        backoff: Callable[[], Backoff] | None = None,
        down_alarm_after: timedelta = DOWN_ALARM_AFTER,
        delayed_alarm_after: timedelta = DELAYED_ALARM_AFTER,
    ) -> None:
        self._ctx = ctx.as_system()
        self._clock: Clock = ctx.clock
        self.spool_dir = spool_dir
        self.down_alarm_after = down_alarm_after
        self.delayed_alarm_after = delayed_alarm_after
        self._lock = threading.RLock()
        self._recording = threading.Lock()
        self._listeners: list[Callable[[], None]] = []
        self._stop = threading.Event()
        self._poke = threading.Event()
        self._threads: list[threading.Thread] = []
        self._alarms: list[FeedAlarm] = []
        self._feeds: dict[str, _Feed] = {}
        now = self._clock.now()
        self._unsubscribe: Callable[[], None] | None = None
        for url in urls:
            name = url.display
            store = FeedStore(ctx, name, Spool(spool_path(spool_dir, name)), self._changed)
            runner = FeedRunner(
                url,
                store,
                self._clock,
                region,
                on_health=self._on_runner_health,
                backoff=backoff() if backoff else None,
                opener=opener,
                take=self._taker(name) if isinstance(url, (AmlSmsFeedUrl, AmiFeedUrl)) else None,
            )
            self._feeds[name] = _Feed(name, store, runner, runner.health)
        # Spools of feeds no longer configured are stored too (their frames are calls all the same).
        known = {feed.store.spool.path for feed in self._feeds.values()}
        for path in spool_files(spool_dir):
            if path not in known:
                spool = Spool(path)
                if spool.pending_frames == 0:
                    spool.close()
                    path.unlink(missing_ok=True)
                    continue
                name = f"(spool) {path.stem}"
                health = FeedHealth(name, FeedState.STOPPED, now)
                self._feeds[name] = _Feed(name, FeedStore(ctx, name, spool, self._changed), None, health)

    def _taker(self, feed: str) -> Take:
        """The runner's way to the outbox: messages of a kind, now SENDING by ``feed``."""
        taking = replace(self._ctx, write_wait_ms=TAKE_WAIT_MS)

        def take(kind: OutboxKind, limit: int) -> list[outbox.OutboxView]:
            return outbox.take_outgoing(taking, feed, kind, limit)

        return take

    def _on_change(self, change: Change) -> None:
        """This process queued something to send: the sending feeds look at once."""
        if change.topic is Topic.OUTBOX:
            for feed in self._feeds.values():
                if feed.runner is not None:
                    feed.runner.wake()

    # -- reading the state (any thread) ----------------------------------------------------------

    @property
    def health(self) -> dict[str, FeedHealth]:
        with self._lock:
            return {name: feed.health for name, feed in self._feeds.items() if feed.runner is not None}

    @property
    def alarms(self) -> list[FeedAlarm]:
        """Alarms not acknowledged yet, oldest first."""
        with self._lock:
            return [alarm for alarm in self._alarms if not alarm.acknowledged]

    def store_of(self, feed: str) -> FeedStore:
        return self._feeds[feed].store

    def runner_of(self, feed: str) -> FeedRunner:
        runner = self._feeds[feed].runner
        assert runner is not None
        return runner

    def subscribe(self, listener: Callable[[], None]) -> None:
        """``listener()`` after health or alarms changed (called from the supervisor's threads)."""
        self._listeners.append(listener)

    # -- running ----------------------------------------------------------------------------------

    def start(self, watch: bool = True) -> None:
        """Start storers and runners; ``watch`` also the watch and recorder threads (tests drive
        ``check()`` and ``record()`` themselves without them)."""
        self._unsubscribe = self._ctx.bus.subscribe(self._on_change)
        for feed in self._feeds.values():
            feed.store.start()
            if feed.runner is not None:
                feed.runner.start()
        if watch:
            for target, name in ((self._watch, "feed-watch"), (self._record_loop, "feed-recorder")):
                thread = threading.Thread(target=target, name=name, daemon=True)
                thread.start()
                self._threads.append(thread)

    def stop(self, timeout: float = 5.0, drain: float = 0.0) -> None:
        """Stop reading, then storing; with ``drain``, first give the storers up to that many seconds
        to store what was read (the gateway's orderly stop). What is left stays in the spools and is
        stored at the next start."""
        self._stop.set()
        self._poke.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
        for feed in self._feeds.values():
            if feed.runner is not None:
                feed.runner.stop(timeout)
        if drain > 0:
            for feed in self._feeds.values():
                if feed.store.alive and not feed.store.drain(drain):
                    log.warning(
                        "feed %s: %d frames left in the spool, stored at the next start",
                        feed.name,
                        feed.store.spool.pending_frames,
                    )
        for feed in self._feeds.values():
            feed.store.stop(timeout)
            feed.store.close()
        for thread in self._threads:
            thread.join(timeout)

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_INTERVAL):
            try:
                self.check()
            except Exception:
                log.exception("feed watch failed; checking again in a second")

    def _record_loop(self) -> None:
        while not self._stop.is_set():
            self._poke.wait(WATCH_INTERVAL)
            self._poke.clear()
            if self._stop.is_set():
                return
            try:
                self.record()
            except Exception:
                log.exception("recording feed outages and alarms failed; trying again")

    # -- the rules --------------------------------------------------------------------------------

    def check(self) -> None:
        """Restart ended threads, refresh health, raise the alarms now due (no database I/O)."""
        now = self._clock.now()
        changed = False
        with self._lock:
            for feed in self._feeds.values():
                runner = feed.runner
                if runner is not None and not runner.alive and not runner.stopping and runner.starts:
                    reason = runner.ended_by or "the feed's thread ended"
                    log.error("feed %s: thread ended (%s); starting it again", feed.name, reason)
                    self._raise(feed, FeedAlarmKind.RESTARTED, now, now, reason, force=True)
                    runner.start()
                    changed = True
                if feed.store.started and not feed.store.alive and not self._stop.is_set():
                    log.error("feed %s: storing thread ended; starting it again", feed.name)
                    self._raise(
                        feed, FeedAlarmKind.RESTARTED, now, now, "the storing thread ended", force=True
                    )
                    feed.store.start()
                    changed = True
                health = self._compose(feed, now)
                if health != feed.health:
                    feed.health = health
                    changed = True
                changed |= self._alarm_rules(feed, now)
        if changed:
            self._changed()

    def _compose(self, feed: _Feed, now: datetime) -> FeedHealth:
        base = feed.runner.health if feed.runner is not None else feed.health
        if base.state is FeedState.DOWN and feed.down_since is not None:
            base = replace(base, since=feed.down_since)  # down since the first failure, not the last retry
        store = feed.store
        return replace(
            base,
            delayed_since=store.delayed_since(now),
            queued=store.spool.pending_frames,
            store_detail=store.unavailable,
        )

    def _alarm_rules(self, feed: _Feed, now: datetime) -> bool:
        raised = False
        health = feed.health
        if health.state is FeedState.DOWN and now - health.since >= self.down_alarm_after:
            raised |= self._raise(feed, FeedAlarmKind.DOWN, health.since, now, health.detail)
        waiting = feed.store.waiting_since()
        if waiting is not None and now - waiting >= self.delayed_alarm_after:
            detail = f"{health.queued} frames waiting" + (
                f"; {feed.store.unavailable}" if feed.store.unavailable else ""
            )
            raised |= self._raise(feed, FeedAlarmKind.DELAYED, waiting, now, detail)
        runner = feed.runner
        if runner is not None and runner.garbage.since is not None:
            last = runner.garbage.last_drop
            if last is not None and now - last >= GARBAGE_QUIET:
                runner.garbage.since = None  # the run of garbage is over
            else:
                detail = f"{runner.garbage.dropped} rejected frames not stored"
                raised |= self._raise(feed, FeedAlarmKind.GARBAGE, runner.garbage.since, now, detail)
        spool = feed.store.spool
        if spool.first_lost_at is not None:
            detail = f"{spool.lost} frames lost: the spool is full ({spool.path})"
            raised |= self._raise(feed, FeedAlarmKind.SPOOL_FULL, spool.first_lost_at, now, detail)
        return raised

    def _raise(
        self,
        feed: _Feed,
        kind: FeedAlarmKind,
        since: datetime,
        now: datetime,
        detail: str,
        force: bool = False,
    ) -> bool:
        """Raise once per episode (``since``) and only while no alarm of its kind waits for a person."""
        if not force and feed.alarmed.get(kind) == since:
            return False
        feed.alarmed[kind] = since
        for alarm in self._alarms:
            if alarm.feed == feed.name and alarm.kind is kind and not alarm.acknowledged:
                alarm.detail = detail
                return False
        self._alarms.append(FeedAlarm(feed.name, kind, since, now, detail))
        log.error("feed %s: alarm %s (%s)", feed.name, kind.value, detail)
        self._poke.set()
        return True

    def _on_runner_health(self, health: FeedHealth) -> None:
        """From a runner's thread: the connection's state changed (or a frame arrived)."""
        with self._lock:
            feed = self._feeds.get(health.feed)
            if feed is None:
                return
            previous = feed.health
            if health.state is FeedState.DOWN and feed.down_since is None:
                feed.down_since = health.since
                feed.outage_events.append(("down", health.since, health.detail))
                self._poke.set()  # an outage to record
            elif health.state is FeedState.UP and feed.down_since is not None:
                feed.down_since = None
                feed.outage_events.append(("up", health.since, ""))
                self._poke.set()  # an outage to close
            feed.health = self._compose(feed, self._clock.now())
        if previous != feed.health:
            self._changed()

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                log.exception("a feed listener failed")

    # -- the database side ------------------------------------------------------------------------

    def record(self) -> bool:
        """Write outages, alarms and acknowledgements the database does not hold yet.

        Returns False when the database did not accept them all (they are tried again later).
        """
        try:
            with self._recording:  # the recorder thread and an acknowledgement, one at a time
                self._record_outages()
                self._record_alarms()
        except DatabaseUnavailable as error:
            log.info("feed records wait for the database: %s", error)
            return False
        except Exception:
            # A defect or a refusal: logged, and tried again at the next round (never raised into
            # the window's acknowledgement or the recorder thread).
            log.exception("feed outages and alarms could not be recorded; trying again")
            return False
        return True

    def _record_outages(self) -> None:
        for feed in list(self._feeds.values()):
            while True:
                with self._lock:
                    if not feed.outage_events:
                        break
                    event, at, reason = feed.outage_events[0]
                if event == "down":
                    feeds.outage_started(self._ctx, feed.name, at, reason)
                else:
                    feeds.outage_ended(self._ctx, feed.name, at)
                with self._lock:
                    feed.outage_events.pop(0)

    def _record_alarms(self) -> None:
        with self._lock:
            todo = [
                a
                for a in self._alarms
                if a.alert_id is None or (a.acknowledged and not a.recorded_acknowledgement)
            ]
        changed = False
        for alarm in todo:
            if alarm.alert_id is None:
                alarm.alert_id = feeds.raise_feed_alarm(
                    self._ctx, alarm.feed, alarm.since, alarm.kind, alarm.detail, raised_at=alarm.raised_at
                )
                changed = True
            if alarm.acknowledged_by is not None and not alarm.recorded_acknowledgement:
                feeds.acknowledge_alert(alarm.acknowledged_by, alarm.alert_id)
                alarm.recorded_acknowledgement = True
                changed = True
        with self._lock:
            self._alarms = [a for a in self._alarms if not a.recorded_acknowledgement]
        if changed:
            self._changed()

    def acknowledged_elsewhere(self) -> list[FeedAlarm]:
        """Drop the recorded alarms someone acknowledged in the database: a gateway's alarms are
        acknowledged at the centre's consoles, not here. A new episode then raises a new alert (one
        waiting for a person holds back another of its kind). Nothing when the database is away."""
        with self._lock:
            waiting = {
                alarm.alert_id: alarm
                for alarm in self._alarms
                if alarm.alert_id is not None and not alarm.acknowledged
            }
        if not waiting:
            return []
        try:
            seen = alerts.acknowledged_among(self._ctx, waiting)
        except DatabaseUnavailable as error:
            log.info("acknowledgements not read, the database is away: %s", error)
            return []
        done = []
        with self._lock:
            for alert_id, at in seen.items():
                alarm = waiting[alert_id]
                alarm.acknowledged_at = at
                alarm.recorded_acknowledgement = True
                done.append(alarm)
            self._alarms = [a for a in self._alarms if not a.recorded_acknowledgement]
        if done:
            self._changed()
        return done

    def acknowledge(self, ctx: ServiceContext) -> list[FeedAlarm]:
        """The user (``ctx``) has seen every open alarm: recorded now, or once the database is back."""
        now = ctx.clock.now()
        with self._lock:
            done = [alarm for alarm in self._alarms if not alarm.acknowledged]
            for alarm in done:
                alarm.acknowledged_by = ctx
                alarm.acknowledged_at = now
        if done:
            self.record()
            self._changed()
        return done
