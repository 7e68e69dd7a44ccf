"""The change feed: a console hears the other processes' changes on a PostgreSQL database.

Every unit of work on PostgreSQL writes its change notices as one row of ``change_events``, numbered by
``seq`` in commit order without gaps, and NOTIFYs ``dispatch_changes`` with that number only
(``uow.write_change_event``, migration 0014). A :class:`ChangeFeed` keeps one autocommit psycopg
connection of its own, LISTENs on it, and on every wake reads the events after the last one it saw and
publishes their notices on the console's bus, so the window refreshes as if the change had been made
here. A notification is only a wake-up: what is published is always read from the table, so a
notification lost while the connection was down loses nothing.

- **Order of a (re)connection**: LISTEN first, then read after ``last_seq``: an event committed in
  between is both read and notified, never neither (reading it twice is harmless: ``last_seq`` skips it).
- **Wake-ups only**: NOTIFY reaches every listener of the PostgreSQL database, whatever its schema (the
  tests' schemas, a training schema beside the live one), so a notification from elsewhere may wake the
  feed; it reads only when the number is above ``last_seq``, and what it reads is its own schema's.
  Notices are published from the feed's thread (the window queues them to its GUI thread).
- **Own events**: an event whose ``origin`` is this bus's was published here at its commit; it is
  skipped (``last_seq`` still moves past it).
- **The slow poll** (``poll_seconds``) reads after ``last_seq`` even without a notification and checks
  that the listening connection still answers: the safety net for a notification never delivered.
- **Pruned events**: when the oldest event after ``last_seq`` is not ``last_seq + 1``, the ones between
  were pruned (``prune_change_events``) while this console was away or behind; it publishes every topic
  whole, and the readers reload. So it does when, on reconnecting, the newest event is older than
  ``last_seq`` (a standby promoted before it had the last commits, a restored backup): it goes back to
  the server's newest, or the next events would be taken for ones already seen (any written there
  before this reconnection are among what the readers reload).
- **A lost connection** becomes a lost :class:`LinkState` at once (the listeners are told from this
  thread), then the feed reconnects after the backoff's pauses (the last repeats), telling the listeners
  of each attempt. Anything unexpected (a defect, a listener's exception) is logged with its traceback
  and handled the same way: the thread never ends silently.
- **Stopping**: the thread waits for notifications in slices of at most ``WAIT_SLICE`` seconds and
  checks the stop flag between them (psycopg's ``notifies`` holds the connection's lock while it waits,
  and closing a socket another thread is waiting on is not safe), so ``stop()`` returns within about a
  quarter of a second; a pause of the backoff is an ``Event.wait`` that ``stop()`` wakes at once. Only a
  connection attempt to a server that does not answer can take longer (``CONNECT_TIMEOUT``); ``stop()``
  then returns after ``STOP_JOIN`` seconds and the thread ends by itself when the attempt does.

psycopg is imported when a feed connects: a SQLite-only installation imports this module without it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select

from dispatch.domain.codes import AuditAction
from dispatch.services.bus import Change, Topic, decode_changes
from dispatch.services.context import ServiceContext
from dispatch.services.uow import CHANGE_CHANNEL, DatabaseUnavailable, reading, unit_of_work
from dispatch.store.database import Database
from dispatch.store.tables import ChangeEvent, ChangeEventHead

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

#: The longest the thread waits for a notification before looking at the stop flag.
WAIT_SLICE = 0.2
#: How long ``stop()`` waits for the thread (a connection attempt may take longer; see the docstring).
STOP_JOIN = 1.0
#: Seconds a connection attempt may take (libpq's ``connect_timeout``, unless the URL gives one).
CONNECT_TIMEOUT = 5
#: Events read per query while catching up.
BATCH = 500

# A listening connection whose server vanished without closing it (a host gone, a failover to another
# address) would otherwise wait for notifications forever; unless the URL says otherwise, TCP finds it
# out within about 20 s, and the slow poll's query within TCP_USER_TIMEOUT.
_TCP_DEFAULTS = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}

_READ_EVENTS = "SELECT seq, origin, changes FROM change_events WHERE seq > %s ORDER BY seq LIMIT %s"

StateListener = Callable[["LinkState"], None]


@dataclass(frozen=True)
class LinkState:
    """The feed's link to the database, as the window shows it.

    Before the first connection: not connected, ``attempt`` 0 and ``retry_in`` None (starting, not lost).
    """

    connected: bool
    #: Aware UTC (the context's clock) when this state began; the retries of one loss keep it.
    since: datetime
    #: The driver's message when lost.
    detail: str = ""
    #: Reconnection attempts made since the link was lost.
    attempt: int = 0
    #: Seconds until the next attempt (None when connected).
    retry_in: float | None = None
    last_seq: int = 0


class ChangeFeed:
    """Hears the other processes' change events of a PostgreSQL database and publishes them on ctx.bus."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        poll_seconds: float = 5.0,
        backoff: Sequence[float] = (0.5, 1.0, 2.0, 4.0, 8.0, 10.0),
    ) -> None:
        if not backoff:
            raise ValueError("backoff needs at least one pause")
        self._ctx = ctx
        self._poll_seconds = poll_seconds
        self._backoff = tuple(backoff)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._state_lock = threading.Lock()
        self._state = LinkState(connected=False, since=ctx.clock.now())
        self._state_listeners: list[StateListener] = []
        # Serialises reading and publishing (the thread, and a test calling catch_up), so that no
        # event is published twice or out of order.
        self._read_lock = threading.RLock()
        self._last_seq: int | None = None
        self._connection: psycopg.Connection[Any] | None = None
        self._backend_pid: int | None = None

    @staticmethod
    def supported(database: Database) -> bool:
        """Whether other processes can share ``database`` and be heard (PostgreSQL only)."""
        return database.engine.dialect.name == "postgresql"

    # -- life ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start listening on a thread of its own; returns at once (PostgreSQL only: ``supported``).

        ``last_seq`` is the newest event now (read here when the database answers, so that whatever is
        committed after ``start`` returns is published); earlier events were read with the window.
        """
        if self._thread is not None:
            return
        if not self.supported(self._ctx.database):
            raise ValueError("the change feed needs a PostgreSQL database")
        try:
            self._last_seq = latest_seq(self._ctx)
        except DatabaseUnavailable as error:
            log.warning("change feed: the newest event is read when the database answers: %s", error)
        self._set_state(replace(self.state, last_seq=self._last_seq or 0), tell=False)
        self._thread = threading.Thread(target=self._run, name="change-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and close its connection; idempotent; returns within about a second."""
        self._stop.set()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return
        thread.join(STOP_JOIN)
        if thread.is_alive():
            log.warning("change feed: still connecting at stop; its thread ends when the attempt does")

    # -- what the window reads -------------------------------------------------------------------

    @property
    def state(self) -> LinkState:
        with self._state_lock:
            return self._state

    def subscribe_state(self, listener: StateListener) -> Callable[[], None]:
        """Call ``listener`` (from the feed's thread) on every change of connected/lost and each retry."""
        with self._state_lock:
            self._state_listeners.append(listener)

        def unsubscribe() -> None:
            with self._state_lock:
                if listener in self._state_listeners:
                    self._state_listeners.remove(listener)

        return unsubscribe

    @property
    def last_seq(self) -> int:
        """The last event read (published, or skipped as this console's own)."""
        return self._last_seq or 0

    @property
    def backend_pid(self) -> int | None:
        """The listening connection's server process (``pg_backend_pid()``), while connected."""
        return self._backend_pid

    # -- reading ---------------------------------------------------------------------------------

    def catch_up(self) -> int:
        """Read the events after ``last_seq`` and publish them; how many were read.

        On the listening connection when the feed has one, else on a connection of its own (a test, a
        feed not started). A lost connection raises DatabaseUnavailable.
        """
        import psycopg

        connection = self._connection
        try:
            if connection is not None and not connection.closed:
                return self._catch_up_on(connection)
            with self._connect() as own:
                return self._catch_up_on(own)
        except psycopg.OperationalError as error:
            raise DatabaseUnavailable("lost", _message(error)) from error

    def _catch_up_on(self, connection: psycopg.Connection[Any], *, reconnected: bool = False) -> int:
        read = 0
        with self._read_lock:
            if self._last_seq is None:
                # The database did not answer at start: begin at the newest event.
                self._last_seq = _head(connection)
            elif reconnected and (head := _head(connection)) < self._last_seq:
                # The server is behind what this console saw: a standby promoted before it had the
                # last commits, or a restored backup. New events take numbers this console has seen.
                log.warning(
                    "change feed: the database's events end at %d, before %d; reloading", head, self._last_seq
                )
                self._last_seq = head
                self._ctx.bus.publish(*(Change(topic) for topic in Topic))
            while True:
                rows = connection.execute(_READ_EVENTS, (self._last_seq, BATCH)).fetchall()
                for seq, origin, text in rows:
                    if seq != self._last_seq + 1:
                        # Pruned while this console was away or behind: its readers reload everything.
                        log.info(
                            "change feed: events %d..%d were pruned; reloading", self._last_seq + 1, seq - 1
                        )
                        self._last_seq = seq - 1
                        self._ctx.bus.publish(*(Change(topic) for topic in Topic))
                    # Moved first: a listener's exception must not publish the event again.
                    self._last_seq = seq
                    read += 1
                    if origin != self._ctx.bus.origin:
                        self._ctx.bus.publish(*decode_changes(text))
                if len(rows) < BATCH:
                    return read

    # -- the thread ------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._keep_listening()
        except BaseException as error:
            # Only a defect of the feed itself gets here (every failure of the link is handled inside).
            log.critical(
                "change feed: the thread ended; other consoles' changes are not shown", exc_info=error
            )
            self._set_state(
                LinkState(
                    connected=False,
                    since=self._ctx.clock.now(),
                    detail=_message(error),
                    last_seq=self.last_seq,
                )
            )
            raise

    def _keep_listening(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                connection = self._connect()
            except Exception as error:
                failures = self._lost(error, failures)
                continue
            try:
                with connection:
                    self._connection = connection
                    self._backend_pid = connection.info.backend_pid
                    connection.execute(f"LISTEN {CHANGE_CHANNEL}")
                    self._catch_up_on(connection, reconnected=True)
                    failures = 0
                    self._set_state(
                        LinkState(connected=True, since=self._ctx.clock.now(), last_seq=self.last_seq)
                    )
                    self._listen(connection)
            except Exception as error:
                failures = self._lost(error, failures)
            finally:
                self._connection = None
                self._backend_pid = None

    def _listen(self, connection: psycopg.Connection[Any]) -> None:
        """Wait for notifications and read after each, until stopped (or the connection fails)."""
        polled = time.monotonic()
        while not self._stop.is_set():
            due = polled + self._poll_seconds - time.monotonic()
            newest = -1
            for notice in connection.notifies(timeout=max(0.0, min(WAIT_SLICE, due)), stop_after=1):
                newest = max(newest, _seq(notice.payload))
            if newest >= 0:
                # A burst's notifications arrive together: take every one that is here before reading.
                for notice in connection.notifies(timeout=0):
                    newest = max(newest, _seq(notice.payload))
            if self._stop.is_set():
                return
            if newest > self.last_seq or time.monotonic() - polled >= self._poll_seconds:
                # The slow poll also proves the connection still answers (a dead peer fails the read).
                self._catch_up_on(connection)
                polled = time.monotonic()

    def _lost(self, error: BaseException, failures: int) -> int:
        """Report the loss (or the failed attempt), wait the backoff's pause; the failures so far."""
        import psycopg

        if self._stop.is_set():
            return failures
        if isinstance(error, psycopg.OperationalError | DatabaseUnavailable):
            log.warning("change feed: connection lost (attempt %d): %s", failures, _message(error))
        else:
            log.error("change feed: unexpected failure; reconnecting", exc_info=error)
        pause = self._backoff[min(failures, len(self._backoff) - 1)]
        current = self.state
        since = self._ctx.clock.now() if current.connected or failures == 0 else current.since
        self._set_state(
            LinkState(
                connected=False,
                since=since,
                detail=_message(error),
                attempt=failures,
                retry_in=pause,
                last_seq=self.last_seq,
            )
        )
        self._stop.wait(pause)
        return failures + 1

    def _connect(self) -> psycopg.Connection[Any]:
        """An autocommit connection made as the engine makes its own (multi-host, options, SSL)."""
        import psycopg

        engine = self._ctx.database.engine
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        params: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, **_TCP_DEFAULTS, **cparams}
        return psycopg.connect(*cargs, **params, autocommit=True)

    def _set_state(self, state: LinkState, *, tell: bool = True) -> None:
        with self._state_lock:
            self._state = state
            listeners = list(self._state_listeners) if tell else []
        for listener in listeners:
            try:
                listener(state)
            except Exception:
                # The state is not the link's fault; the listener's defect is logged, the feed goes on.
                log.exception("change feed: a link state listener failed")


def latest_seq(ctx: ServiceContext) -> int:
    """The newest change event's number (0 before any)."""
    with reading(ctx) as session:
        return int(session.scalar(select(ChangeEventHead.seq).where(ChangeEventHead.id == 1)) or 0)


def prune_change_events(ctx: ServiceContext, older_than: timedelta) -> int:
    """Remove the change events older than ``older_than`` (the newest always stays); how many.

    Events are notices, not records: a console that was away longer reloads every topic. Audited when
    any were removed (the gateway prunes every hour; an empty prune records nothing).
    """
    before = ctx.clock.now() - older_than
    with unit_of_work(ctx) as work:
        newest = select(func.max(ChangeEvent.seq)).scalar_subquery()
        result = work.session.execute(
            delete(ChangeEvent).where(ChangeEvent.at < before, ChangeEvent.seq < newest),
            execution_options={"synchronize_session": False},
        )
        count = int(getattr(result, "rowcount", 0) or 0)
        if count:
            work.audit(
                AuditAction.CHANGE_EVENTS_PRUNE, "change_events", None, count=count, before=before.isoformat()
            )
    return count


def _head(connection: psycopg.Connection[Any]) -> int:
    row = connection.execute("SELECT seq FROM change_event_head WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def _seq(payload: str) -> int:
    """A notification's event number; anything else (a hand-made NOTIFY) just wakes the feed."""
    try:
        return int(payload)
    except ValueError:
        return 1 << 62


def _message(error: BaseException) -> str:
    """The error's message on one line (libpq's run over several, indented)."""
    return " ".join(str(error).split()) or type(error).__name__
