"""The unit of work: every service writes through one of these.

A ``UnitOfWork`` owns one database transaction, the audit rows written in it and the change notices
it announces. The notices are published only after the commit, so no screen ever shows what the
database does not hold; a multi-console set-up adds its NOTIFY at that same point.

Database errors are classified here and nowhere else:

- busy (another console or process holds the write lock) and lost (the connection or the file went
  away; on PostgreSQL also a server that shut down, or a standby refusing a write: docs/failover.md)
  are retried when the transaction begins, a bounded number of times with backoff, and then raised
  as :class:`DatabaseUnavailable`, which the window shows as a banner and a feed answers by spooling
  its frames;
- a race lost to another console (a unique row taken first) becomes the service's own refusal,
  :attr:`Refusal.CHANGED_ELSEWHERE`;
- anything else is a defect and propagates as it is (the window's exception hook logs and shows it).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, Refusal
from dispatch.services.bus import Change, Topic, encode_changes
from dispatch.services.context import ServiceContext, ServiceError, audit_entry
from dispatch.store.database import SERVER_GONE_STATES, SQLITE_BUSY_MS, SQLITE_IMMEDIATE
from dispatch.store.tables import AuditEntry

log = logging.getLogger(__name__)

#: Pauses between attempts to begin a write when the database is busy or the connection was lost.
#: Each attempt also waits up to SQLite's busy timeout for the lock, so a write gives up after
#: about three times that; a feed keeps its frames in its spool meanwhile.
RETRY_DELAYS: Sequence[float] = (0.05, 0.25)

#: The key under which a session knows the unit of work it belongs to.
SESSION_KEY = "unit_of_work"

#: The NOTIFY channel of the change feed; the payload is the event's ``seq`` only.
CHANGE_CHANNEL = "dispatch_changes"

# One round trip, the last before the commit: the head's row lock (held until the commit) numbers the
# events in commit order; the audit chain's head, locked earlier in the transaction by its audit rows,
# is never waited for after this, so two writers cannot deadlock on the two heads.
_WRITE_EVENT = text(
    "WITH head AS (UPDATE change_event_head SET seq = seq + 1 WHERE id = 1 RETURNING seq), "
    "event AS (INSERT INTO change_events (seq, at, console_id, origin, changes) "
    "SELECT seq, :at, :console_id, :origin, :changes FROM head RETURNING seq) "
    "SELECT pg_notify(:channel, seq::text), seq FROM event"
)


class DatabaseUnavailable(Exception):
    """The database did not accept the work, after retrying; nothing of it was written.

    ``reason`` is ``"busy"`` (another console or process holds the lock), ``"lost"`` (the
    connection or file went away) or ``"failed"`` (the database refused for another reason, e.g. a
    read-only file or a full disk). ``detail`` is the driver's message, for the log and the banner.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"database {reason}: {detail}")
        self.reason = reason
        self.detail = detail


_BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")
_LOST_WORDS = ("unable to open database", "disk i/o error", "server closed the connection", "connection")
# PostgreSQL SQLSTATEs: serialization failure, deadlock, lock not available: try again.
_PG_BUSY_STATES = {"40001", "40P01", "55P03"}


def classify(error: BaseException) -> DatabaseUnavailable | None:
    """``error`` as DatabaseUnavailable if it means the database is unavailable, else None."""
    if isinstance(error, DatabaseUnavailable):
        return error
    if isinstance(error, PoolTimeout):
        return DatabaseUnavailable("busy", str(error))
    if not isinstance(error, DBAPIError) or isinstance(error, IntegrityError):
        return None
    original = error.orig
    message = str(original).strip() or type(original).__name__
    lowered = message.lower()
    if error.connection_invalidated:
        return DatabaseUnavailable("lost", message)
    if isinstance(original, sqlite3.Error):
        if any(word in lowered for word in _BUSY_WORDS):
            return DatabaseUnavailable("busy", message)
        if isinstance(original, sqlite3.OperationalError):
            lost = any(word in lowered for word in _LOST_WORDS)
            return DatabaseUnavailable("lost" if lost else "failed", message)
        return None
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if state in _PG_BUSY_STATES:
        return DatabaseUnavailable("busy", message)
    if state in SERVER_GONE_STATES:
        # A standby refusing a write, a server shut down or starting up: the engine has invalidated
        # the pool (database._server_gone), so the next attempt connects to the primary there is now.
        return DatabaseUnavailable("lost", message)
    if isinstance(error, OperationalError):
        # psycopg reports a refused, reset or terminated connection as OperationalError.
        return DatabaseUnavailable("lost", message)
    return None


class UnitOfWork:
    """One transaction with its audit rows and change notices (see the module docstring)."""

    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session
        # Ids in the order they were named (a dict as an ordered set); None: the whole topic.
        self._changes: dict[Topic, dict[int, None] | None] = {}
        # Audit rows, added to the session only just before the commit (``add_audit_rows``).
        self._audit_rows: list[AuditEntry] = []

    def audit(
        self,
        action: AuditAction,
        entity: str,
        entity_id: object = None,
        *,
        acting: ServiceContext | None = None,
        **detail: Any,
    ) -> None:
        """Add an audit row to this transaction (it commits or rolls back with the change)."""
        self.add_audit_row(audit_entry(acting or self.ctx, action, entity, entity_id, detail))

    def add_audit_row(self, row: AuditEntry) -> None:
        """Keep ``row`` for the commit (see ``add_audit_rows``)."""
        self._audit_rows.append(row)

    def add_audit_rows(self) -> None:
        """The audit rows into the session, in the order they were written, as the work's last rows.

        Inserting an audit row takes the audit chain's head (PostgreSQL: its row lock, held until the
        commit; SQLite: the chain's next number), so it comes after every row lock the work takes:
        a service that locked a call after writing its first audit row waited for another console's
        lock while holding the head that console needed for its own audit row (deadlocks between
        a feed storing frames and a console answering, issue 13).
        """
        rows, self._audit_rows = self._audit_rows, []
        self.session.add_all(rows)

    def notify(self, topic: Topic, *ids: int) -> None:
        """Announce ``topic`` (these rows, or all of it without ids) once the work has committed."""
        if not ids:
            self._changes[topic] = None
            return
        known = self._changes.setdefault(topic, {})
        if known is not None:
            known.update(dict.fromkeys(ids))

    def announce(self, *changes: Change) -> None:
        """``notify`` for changes already built (a change without ids reloads its topic)."""
        for change in changes:
            self.notify(change.topic, *change.ids)

    def refuse(self, code: Refusal, **details: Any) -> NoReturn:
        """Refuse the request: nothing of this unit of work is written."""
        raise ServiceError(code, **details)

    @property
    def changes(self) -> list[Change]:
        return [Change(topic, () if ids is None else tuple(ids)) for topic, ids in self._changes.items()]


def _begin(ctx: ServiceContext) -> Session:
    """A session holding a write transaction, retried while the database is busy or away.

    A context with ``write_wait_ms`` (the window's) waits that long for a lock, once, and is not
    retried: the person sees "database not answering" within a second and may try again.
    """
    options: dict[str, object] = {SQLITE_IMMEDIATE: True}
    if ctx.write_wait_ms is not None:
        options[SQLITE_BUSY_MS] = ctx.write_wait_ms
    delays = iter(RETRY_DELAYS if ctx.write_wait_ms is None else ())
    while True:
        session = ctx.database.sessions()
        try:
            session.begin()
            connection = session.connection(execution_options=options)
            if ctx.write_wait_ms is not None and connection.dialect.name == "postgresql":
                # The same patience for row locks held by another console's transaction.
                connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(ctx.write_wait_ms)}")
            return session
        except Exception as error:
            session.close()
            unavailable = classify(error)
            if unavailable is None:
                raise
            delay = next(delays, None)
            if delay is None:
                raise unavailable from error
            log.warning(
                "database %s, trying again in %.2f s: %s", unavailable.reason, delay, unavailable.detail
            )
            time.sleep(delay)


@contextmanager
def unit_of_work(ctx: ServiceContext) -> Iterator[UnitOfWork]:
    """Begin a write; commit when the block ends normally, roll back otherwise; then announce."""
    session = _begin(ctx)
    work = UnitOfWork(ctx, session)
    session.info[SESSION_KEY] = work
    try:
        try:
            yield work
            work.add_audit_rows()
            if work.changes and session.get_bind().dialect.name == "postgresql":
                write_change_event(session, work)
            session.commit()
        except ServiceError:
            session.rollback()
            raise
        except IntegrityError as error:
            session.rollback()
            if not _lost_a_race(error):
                raise
            log.warning("a unique row was taken by another console first: %s", error.orig)
            raise ServiceError(Refusal.CHANGED_ELSEWHERE) from error
        except Exception as error:
            _rollback_quietly(session)
            unavailable = classify(error)
            if unavailable is None:
                raise
            raise unavailable from error
    finally:
        session.close()
    if work.changes:
        ctx.bus.publish(*work.changes)


def write_change_event(session: Session, work: UnitOfWork) -> int:
    """The unit of work's notices as a change event for the other consoles (PostgreSQL); its ``seq``.

    Flushed first, so that no audit row (and the audit head's lock) comes after the event head's.
    """
    session.flush()
    row = session.execute(
        _WRITE_EVENT,
        {
            "at": work.ctx.clock.now(),
            "console_id": work.ctx.console_id,
            "origin": work.ctx.bus.origin,
            "changes": encode_changes(work.changes),
            "channel": CHANGE_CHANNEL,
        },
    ).one()
    return int(row.seq)


@contextmanager
def reading(ctx: ServiceContext) -> Iterator[Session]:
    """A session for reads; a database that is away raises DatabaseUnavailable, not a driver error."""
    try:
        with ctx.database.sessions() as session:
            yield session
    except Exception as error:
        unavailable = classify(error)
        if unavailable is None:
            raise
        raise unavailable from error


def insert_unless_taken(session: Session, row: object) -> bool:
    """Insert ``row`` unless a unique row with its key exists (written by another console first).

    A savepoint keeps the rest of the unit of work when the insert loses that race.
    """
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError as error:
        if not _lost_a_race(error):
            raise
        return False
    return True


def _lost_a_race(error: IntegrityError) -> bool:
    """A unique row written by another console between our read and our write.

    Other constraint failures (a trigger refusing to change a recorded fact, a foreign key) are
    defects, not races, and propagate as they are.
    """
    original = error.orig
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return state == "23505" or str(original).startswith("UNIQUE constraint failed")


def _rollback_quietly(session: Session) -> None:
    # The connection may be gone already: its rollback failing must not hide the first error.
    try:
        session.rollback()
    except Exception:
        log.debug("rollback after a database error failed", exc_info=True)
