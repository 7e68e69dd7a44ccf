"""Opening a database: refuse what is not ours, upgrade what is older, never overwrite.

A database is the console's only if it carries the console's mark: on SQLite the header's
``application_id`` is ``APPLICATION_ID`` and, on every backend, the one ``database_identity`` row
holds ``MARK`` and whether the database is live or training (migration 0005). A database from
before 0005 has no mark; it is recognised by its own Alembic revision (0001-0004) *and* exactly the
tables of that revision, and is marked by the upgrade. Anything else with tables is foreign: another
program's ``alembic_version`` too.

``open_database`` looks at a SQLite file with the plain ``sqlite3`` module, read-only, *before*
SQLAlchemy sets any pragma (``journal_mode=WAL`` rewrites the file header), so that a refused file
stays byte-for-byte unchanged and gets no file beside it. Only a database that is ours, of the
kind the console asks for, and not newer than this console is upgraded, after a copy is taken with
SQLite's backup API next to the file. Each migration runs in its own transaction (env.py).

A PostgreSQL URL may name several servers, a primary and its standbys (docs/failover.md), in
SQLAlchemy's form ``postgresql+psycopg://user:pw@/db?host=a:5432&host=b:5432&target_session_attrs=
read-write`` (or ``?host=a,b&port=5432,5432``); libpq's own form ``user:pw@a:5432,b:5432/db`` is
rewritten into it (``normalise_url``). libpq tries the servers in order; with
``target_session_attrs=read-write`` it keeps only the one that accepts writes. ``display_url`` and
``server_list`` show them all. A connection whose server went away or became a standby invalidates
the pool (``SERVER_GONE_STATES``), so the next transaction connects to the new primary.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from dispatch.store import audit_chain

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The migrations in order. Alembic (a quarter of a second to import) is loaded only when a
#: database must be upgraded; a test checks that this list matches the migration scripts.
REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
)
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Above this size a full quick_check would delay start-up by seconds; it runs in the background
# instead (quick_check, started by the window), and the structural checks below run on every file.
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024

#: SQLite ``PRAGMA application_id`` of the console's databases ("D112"; set by migration 0005).
APPLICATION_ID = 0x44313132
#: ``database_identity.mark`` of the console's databases.
MARK = "dispatch-console/112"
#: The first revision whose databases carry the mark.
MARKED_FROM = "0005"
_ALEMBIC = "alembic_version"
_TABLES_0001 = frozenset({"consoles", "users", "audit_log", "shifts", _ALEMBIC})
_TABLES_0002 = _TABLES_0001 | {
    "incident_counters",
    "units",
    "alerts",
    "incidents",
    "assignments",
    "calls",
    "incident_notes",
    "feed_frames",
    "unit_status_history",
}
_TABLES_0003 = _TABLES_0002 | {"feed_outages"}
#: The tables of an unmarked database at each revision before the mark (exactly these, no others).
UNMARKED_TABLES = {
    "0001": _TABLES_0001,
    "0002": _TABLES_0002,
    "0003": _TABLES_0003,
    "0004": _TABLES_0003 | {"callbacks", "callback_attempts", "number_flags"},
}


class DatabaseKind(StrEnum):
    """Recorded when a database is made: a live console and a training console never share one."""

    LIVE = "live"
    TRAINING = "training"


class RefusalReason(StrEnum):
    NOT_A_DATABASE = "not_a_database"
    CORRUPT = "corrupt"
    FOREIGN = "foreign"
    NEWER = "newer"
    UNREACHABLE = "unreachable"
    #: A live database opened by a training console (``--simulator``).
    LIVE_IN_TRAINING = "live_in_training"
    #: A training database opened by a live console (feeds configured, or ``--live``).
    TRAINING_IN_LIVE = "training_in_live"
    #: A migration failed; the database is left at the revision before it.
    UPGRADE_FAILED = "upgrade_failed"
    #: Older than this console, and the role connecting may not upgrade it (PostgreSQL: not the owner).
    NOT_MIGRATED = "not_migrated"


class DatabaseRefused(Exception):
    """The database cannot be used; nothing was written to it."""

    def __init__(self, reason: RefusalReason, location: str, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {location}: {detail}")
        self.reason = reason
        self.location = location
        self.detail = detail


@dataclass(frozen=True)
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    #: Live or training, as recorded in the database (decided at its creation).
    kind: DatabaseKind = DatabaseKind.LIVE
    #: The file was too large for the full check at start: run ``quick_check`` in the background.
    check_deferred: bool = False
    #: The copy taken before this start upgraded the database, if it did.
    backup: Path | None = None

    @property
    def display_url(self) -> str:
        """The URL with any password masked, for the status bar and logs."""
        return display_url(self.url)

    @property
    def short_name(self) -> str:
        """The file name of a SQLite database, else its server(s) and database name, for the status bar.

        One server: ``dbhost/dispatch``; several (a primary and its standbys): ``db1:5432,db2:5432/dispatch``.
        """
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            return Path(parsed.database or ":memory:").name
        found = server_list(self.url)
        if len(found) > 1:
            return f"{','.join(found)}/{parsed.database or ''}"
        return f"{parsed.host or (found[0] if found else 'localhost')}/{parsed.database or ''}"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends normally, rolls back otherwise."""
        with self.sessions() as session, session.begin():
            session.connection(execution_options={SQLITE_IMMEDIATE: True})
            yield session

    def dispose(self) -> None:
        if self.engine.dialect.name == "sqlite":
            # Keeps the planner's statistics current as the tables grow (cheap; SQLite's advice).
            # It may write, so it takes the write lock first (a deferred read upgraded to a write
            # fails at once when another console wrote meanwhile); a busy database skips it.
            try:
                with self.engine.connect().execution_options(**{SQLITE_IMMEDIATE: True}) as connection:
                    connection.exec_driver_sql("PRAGMA optimize")
                    connection.commit()
            except SQLAlchemyError as error:
                log.warning("PRAGMA optimize skipped: %s", error)
        self.engine.dispose()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


# libpq's multi-host URI (postgresql://user:pw@a:5432,b:5433/db): the part between the user's "@" and
# the database's "/" holds a comma. The user and password patterns are SQLAlchemy's own.
_LIBPQ_HOSTS = re.compile(
    r"^(?P<head>postgres(?:ql)?(?:\+\w+)?://(?:[^:/]*(?::[^@]*)?@)?)"
    r"(?P<hosts>[^/?@]*,[^/?@]*)(?P<database>/[^?]*)?(?:\?(?P<query>.*))?$"
)
_BRACKETED = re.compile(r"^\[(?P<host>[^\]]*)\](?::(?P<port>\d*))?$")
#: Query keys of a PostgreSQL URL that carry a secret (libpq takes a password there too).
_SECRET_KEYS = frozenset({"password", "sslpassword"})


def url_from_option(option: str) -> str:
    """A ``--db`` option as a URL: a URL as given (normalised, so libpq's multi-host form opens), or a
    path to a SQLite file. Every command and the console read ``--db`` through this."""
    if "://" in option:
        return normalise_url(option)
    return sqlite_url(Path(option).expanduser().resolve())


def normalise_url(url: str) -> str:
    """``url`` as SQLAlchemy reads it; anything else is returned as it is.

    libpq's ``user:pw@a:5432,b:5433/db`` becomes ``user:pw@/db?host=a,b&port=5432,5433`` (SQLAlchemy
    cannot parse the port of the first form), and ``?host=a,b&port=5432`` gets the port once per host
    (libpq applies a single port to every host; SQLAlchemy refuses the counts differing).
    """
    match = _LIBPQ_HOSTS.match(url)
    if match is not None:
        hosts: list[str] = []
        ports: list[str] = []
        for entry in match["hosts"].split(","):
            bracketed = _BRACKETED.match(entry)
            if bracketed is not None:  # an IPv6 address: [::1]:5432
                host, port = bracketed["host"], bracketed["port"] or ""
            else:
                host, _, port = entry.partition(":")
            hosts.append(host)
            ports.append(port)
        query = f"host={','.join(hosts)}"
        if any(ports):
            query += f"&port={','.join(ports)}"
        if match["query"]:
            query += f"&{match['query']}"
        url = f"{match['head']}{match['database'] or '/'}?{query}"
    if not url.startswith("postgres"):
        return url
    parsed = make_url(url)
    host, port = parsed.query.get("host"), parsed.query.get("port")
    if isinstance(host, str) and "," in host and isinstance(port, str) and "," not in port:
        spread = ",".join([port] * len(host.split(",")))
        return parsed.update_query_dict({"port": spread}).render_as_string(hide_password=False)
    return url


def server_list(url: str) -> list[str]:
    """The servers a PostgreSQL URL names, ``host`` or ``host:port``, in the order libpq tries them.

    [] for SQLite, and for a URL that names no host (libpq's default, the local socket).
    """
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        return []
    named = parsed.query.get("host")
    if named is None:
        if not parsed.host:
            return []
        return [f"{parsed.host}:{parsed.port}" if parsed.port else parsed.host]
    if isinstance(named, str):
        hosts = named.split(",")
        given = parsed.query.get("port")
        port_text = given if isinstance(given, str) else ",".join(given or ())
        ports = port_text.split(",") if port_text else []
        ports += [""] * (len(hosts) - len(ports))
        return [_server(host, port) for host, port in zip(hosts, ports, strict=False)]
    return list(named)  # host=a:5432&host=b:5433: already host[:port]


def _server(host: str, port: str) -> str:
    if not port:
        return host
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def display_url(url: str) -> str:
    """``url`` for people (status bar, logs, refusal dialogs): every password masked, the servers of a
    multi-host URL readable (``?host=a:5432&host=b:5432``, not ``host=a%3A5432``).
    """
    parsed = make_url(normalise_url(url))
    secrets = {key: "***" for key in parsed.query if key in _SECRET_KEYS}
    if secrets:
        parsed = parsed.update_query_dict(secrets)
    shown = parsed.render_as_string(hide_password=True)
    base, separator, query = shown.partition("?")
    return base + separator + unquote(query)


def open_database(url: str, *, upgrade: bool = True, kind: DatabaseKind | None = None) -> Database:
    """Check, migrate and open the database at ``url``; raise DatabaseRefused if it is not usable.

    ``kind`` is what the console is about to do: a database of the other kind is refused, a new one
    is made of this kind (live when None; None accepts either kind of an existing database).
    """
    url = normalise_url(url)
    parsed = make_url(url)
    location = display_url(url)
    path: Path | None = None
    verdict: Verdict | None = None
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database)
        verdict = _precheck_sqlite_file(path, kind)
    try:
        engine = _create_engine(url)
    except ArgumentError as error:  # e.g. a multi-host URL whose hosts and ports do not pair up
        raise DatabaseRefused(RefusalReason.UNREACHABLE, location, str(error)) from error
    backup = None
    try:
        if verdict is None:
            verdict = _check_engine(engine, location, kind)
        if upgrade and verdict.revision != head_revision():
            if path is not None and not verdict.new:
                backup = backup_sqlite(path, verdict.revision)
                log.warning(
                    "Upgrading %s from revision %s; copy taken first: %s", path, verdict.revision, backup
                )
            _check_may_migrate(engine, location, verdict.revision)
            try:
                upgrade_to_head(engine, kind=verdict.kind, kind_reason=verdict.kind_reason)
            except SQLAlchemyError as error:
                if verdict.new and current_revision_or_none(engine) is None:
                    # Nothing could be written (a folder without write access, a full disk).
                    raise DatabaseRefused(
                        RefusalReason.UNREACHABLE, location, _driver_message(error)
                    ) from error
                raise _upgrade_failed(engine, location, backup, error) from error
            except Exception as error:
                raise _upgrade_failed(engine, location, backup, error) from error
    except BaseException:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    # Audit rows get their place in the hash chain whoever adds them (dispatch/store/audit_chain.py).
    audit_chain.install(sessions)
    return Database(
        engine=engine,
        sessions=sessions,
        url=url,
        kind=verdict.kind,
        check_deferred=verdict.check_deferred,
        backup=backup,
    )


def _driver_message(error: BaseException) -> str:
    return str(getattr(error, "orig", None) or error)


def current_revision_or_none(engine: Engine) -> str | None:
    """The revision, or None when there is none or it cannot be read."""
    try:
        return current_revision(engine)
    except SQLAlchemyError:
        return None


def _upgrade_failed(
    engine: Engine, location: str, backup: Path | None, error: BaseException
) -> DatabaseRefused:
    at = current_revision_or_none(engine) or "none"
    log.error("Upgrading %s failed at revision %s: %s", location, at, _driver_message(error))
    detail = f"left at revision {at}: {_driver_message(error)}"
    if backup is not None:
        detail += f"; copy taken before the upgrade: {backup}"
    return DatabaseRefused(RefusalReason.UPGRADE_FAILED, location, detail)


@dataclass(frozen=True)
class Survey:
    """What a database holds that decides whether it is the console's (read without writing)."""

    #: Table names, SQLite's own ``sqlite_*`` left out.
    tables: frozenset[str]
    #: ``alembic_version.version_num`` (None: no such table, or no row).
    revision: str | None
    #: SQLite's header ``application_id``; None on other backends.
    application_id: int | None
    #: (mark, kind) of the ``database_identity`` row, if the table has one.
    identity: tuple[str, str] | None
    #: (kind, reason) from the rows of an unmarked database; None when it holds no calls or units.
    evidence: tuple[DatabaseKind, str] | None


@dataclass(frozen=True)
class Verdict:
    """The database is ours: new or at ``revision``, of ``kind``."""

    new: bool
    revision: str | None
    kind: DatabaseKind
    kind_reason: str
    check_deferred: bool = False


#: What the rows of a 0001-0004 database say about its kind, first match first (as migration 0005).
_EVIDENCE = (
    (
        DatabaseKind.TRAINING,
        "upgrade:simulated-calls",
        "calls",
        "SELECT 1 FROM calls WHERE feed LIKE 'sim:%' LIMIT 1",
    ),
    (
        DatabaseKind.TRAINING,
        "upgrade:demo-roster",
        "units",
        "SELECT 1 FROM units WHERE call_sign LIKE 'DEMO-%' LIMIT 1",
    ),
    (DatabaseKind.LIVE, "upgrade:live-calls", "calls", "SELECT 1 FROM calls LIMIT 1"),
    (DatabaseKind.LIVE, "upgrade:live-units", "units", "SELECT 1 FROM units LIMIT 1"),
)


def _survey(
    tables: set[str], first_row: Callable[[str], tuple[Any, ...] | None], application_id: int | None
) -> Survey:
    """``first_row(sql)`` runs a query and returns its first row (or None)."""
    tables = {name for name in tables if not name.startswith("sqlite_")}
    revision = None
    if _ALEMBIC in tables:
        row = first_row(f"SELECT version_num FROM {_ALEMBIC}")
        revision = None if row is None else str(row[0])
    identity = None
    if "database_identity" in tables:
        row = first_row("SELECT mark, kind FROM database_identity WHERE id = 1")
        identity = None if row is None else (str(row[0]), str(row[1]))
    evidence = None
    if identity is None and revision in UNMARKED_TABLES:
        for kind, reason, table, query in _EVIDENCE:
            if table in tables and first_row(query) is not None:
                evidence = (kind, reason)
                break
    return Survey(frozenset(tables), revision, application_id, identity, evidence)


def classify(survey: Survey, location: str, expected: DatabaseKind | None) -> Verdict:
    """Ours (new, or at a revision, of a kind) or refused with the reason; see the module docstring."""
    if survey.application_id not in (None, 0, APPLICATION_ID):
        raise DatabaseRefused(
            RefusalReason.FOREIGN, location, f"application_id {survey.application_id:#x} is another program's"
        )
    if not survey.tables:
        return Verdict(True, None, expected or DatabaseKind.LIVE, "created")
    foreign = ", ".join(sorted(survey.tables)[:8])
    if _ALEMBIC not in survey.tables:
        raise DatabaseRefused(RefusalReason.FOREIGN, location, foreign)
    marked = (
        survey.identity is not None
        and survey.identity[0] == MARK
        and survey.identity[1] in {kind.value for kind in DatabaseKind}
        and survey.application_id in (None, APPLICATION_ID)
    )
    revision = survey.revision
    if revision is None or (revision not in REVISIONS and not marked):
        raise DatabaseRefused(RefusalReason.FOREIGN, location, f"revision {revision}; tables {foreign}")
    if revision not in REVISIONS:
        raise DatabaseRefused(RefusalReason.NEWER, location, revision)
    if REVISIONS.index(revision) >= REVISIONS.index(MARKED_FROM):
        if not marked or survey.identity is None:
            raise DatabaseRefused(
                RefusalReason.FOREIGN, location, f"revision {revision} without this console's mark"
            )
        kind, reason = DatabaseKind(survey.identity[1]), "recorded"
    else:
        expected_tables = UNMARKED_TABLES[revision]
        if survey.identity is not None or survey.application_id == APPLICATION_ID:
            raise DatabaseRefused(RefusalReason.FOREIGN, location, f"revision {revision} with a mark")
        if survey.tables != expected_tables:
            odd = sorted(survey.tables ^ expected_tables)[:8]
            raise DatabaseRefused(
                RefusalReason.FOREIGN, location, f"revision {revision} but tables differ: {', '.join(odd)}"
            )
        if survey.evidence is None:
            kind, reason = expected or DatabaseKind.LIVE, "upgrade:unused"
        else:
            kind, reason = survey.evidence
    if expected is not None and kind is not expected:
        refusal = (
            RefusalReason.LIVE_IN_TRAINING if kind is DatabaseKind.LIVE else RefusalReason.TRAINING_IN_LIVE
        )
        raise DatabaseRefused(refusal, location, f"{kind.value} database ({reason})")
    return Verdict(False, revision, kind, reason)


def _check_engine(engine: Engine, location: str, expected: DatabaseKind | None) -> Verdict:
    """The same checks over a SQLAlchemy connection (PostgreSQL, or SQLite in memory)."""
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())

            def first_row(query: str) -> tuple[Any, ...] | None:
                row = connection.exec_driver_sql(query).first()
                return None if row is None else tuple(row)

            application_id = None
            if connection.dialect.name == "sqlite":
                application_id = int(connection.exec_driver_sql("PRAGMA application_id").scalar_one())
            survey = _survey(tables, first_row, application_id)
    except SQLAlchemyError as error:
        raise DatabaseRefused(RefusalReason.UNREACHABLE, location, _driver_message(error)) from error
    return classify(survey, location, expected)


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        # Sessions may be used from a feed thread as well as the GUI thread; each gets its own connection.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    else:
        # A connection the server dropped (restart, pg_terminate_backend) is found at checkout, not
        # in the middle of a service's transaction.
        kwargs["pool_pre_ping"] = True
        if parsed.get_backend_name() == "postgresql":
            kwargs["connect_args"] = {
                key: value for key, value in POSTGRES_CONNECT_DEFAULTS.items() if key not in parsed.query
            }
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    elif parsed.get_backend_name() == "postgresql":
        event.listen(engine, "handle_error", _server_gone)
        if len(server_list(url)) > 1:
            event.listen(engine, "connect", _log_server)
    return engine


#: libpq settings of every PostgreSQL connection whose URL does not give its own. A server that
#: vanishes without closing its connections (switched off, its network gone) would otherwise hold a
#: console's next action, or a connection attempt, for minutes: with these an attempt gives up after
#: 5 s per server named, and a connection whose sent data stays unacknowledged for 15 s (or which
#: answers no keepalive for about 20 s) is closed, found lost, and the next server tried. The change
#: feed's own connection uses the same values (change_feed.CONNECT_TIMEOUT, _TCP_DEFAULTS).
POSTGRES_CONNECT_DEFAULTS: dict[str, int] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}

#: PostgreSQL SQLSTATEs that mean this connection's server is no longer the primary, or no longer
#: there: a write on a standby (25006 read_only_sql_transaction: the connection was made to a server
#: that is, or has become, a standby), the server shut down by its administrator, crashed, or
#: starting up or in recovery (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
SERVER_GONE_STATES = frozenset({"25006", "57P01", "57P02", "57P03"})


def _server_gone(context: ExceptionContext) -> None:
    """A server that went away or became a standby: SQLAlchemy invalidates the connection *and* every
    other connection of the pool (all made to the same server), so the next checkout connects again,
    to the server libpq finds accepting writes (``target_session_attrs=read-write``)."""
    state = getattr(context.original_exception, "sqlstate", None)
    if state in SERVER_GONE_STATES and not context.is_disconnect:
        log.warning("database server gone or read-only (%s): reconnecting", state)
        context.is_disconnect = True


def _log_server(dbapi_connection: Any, record: Any) -> None:
    # With several servers the log says which one each new connection reached (after a failover: the
    # standby promoted to primary).
    info = dbapi_connection.info
    log.info("database connection to %s:%s (server_version %s)", info.host, info.port, info.server_version)


#: Execution option that makes a SQLite transaction begin IMMEDIATE (take the write lock at BEGIN).
SQLITE_IMMEDIATE = "sqlite_immediate"
#: Execution option: how long (ms) this transaction's BEGIN waits for another writer's lock.
SQLITE_BUSY_MS = "sqlite_busy_ms"


def _sqlite_begin(connection: Any) -> None:
    """SQLAlchemy's pysqlite recipe: the transaction is ours, not the driver's.

    The driver's own handling begins a transaction only before the first INSERT/UPDATE/DELETE and
    commits before DDL, so reads that decide a write were outside the write's transaction and a
    migration's DDL was not atomic. Writes begin IMMEDIATE: check-then-write services serialise
    across every console sharing the file.
    """
    options = connection.get_execution_options()
    # Pooled connections are shared by patient writers (a feed) and impatient ones (a key pressed):
    # each transaction has its own wait, set only when it differs from the connection's last one.
    wait_ms = int(options.get(SQLITE_BUSY_MS, BUSY_TIMEOUT_MS))
    if connection.info.get(SQLITE_BUSY_MS) != wait_ms:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={wait_ms}")
        connection.info[SQLITE_BUSY_MS] = wait_ms
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(SQLITE_IMMEDIATE, False) else "BEGIN")


def _sqlite_pragmas(dbapi_connection: Any, record: Any) -> None:
    # The driver must not begin or commit by itself; _sqlite_begin emits BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a transaction reported as committed survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        record.info[SQLITE_BUSY_MS] = BUSY_TIMEOUT_MS
    finally:
        cursor.close()


def _precheck_sqlite_file(path: Path, expected: DatabaseKind | None) -> Verdict:
    """Everything about a SQLite file that can be known without writing to it (or beside it)."""
    location = str(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise DatabaseRefused(RefusalReason.NOT_A_DATABASE, location, "a link to nothing") from None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseRefused(RefusalReason.UNREACHABLE, location, str(error)) from error
        return Verdict(True, None, expected or DatabaseKind.LIVE, "created")
    except OSError as error:
        raise DatabaseRefused(RefusalReason.UNREACHABLE, location, str(error)) from error
    if stat.S_ISDIR(status.st_mode):
        raise DatabaseRefused(RefusalReason.NOT_A_DATABASE, location, "is a directory")
    if not stat.S_ISREG(status.st_mode):
        # A pipe or a device would block or change as it is read.
        raise DatabaseRefused(RefusalReason.NOT_A_DATABASE, location, "not a regular file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseRefused(RefusalReason.UNREACHABLE, location, str(error)) from error
    if not header:
        return Verdict(True, None, expected or DatabaseKind.LIVE, "created")  # an empty file is new
    if header != SQLITE_HEADER:
        raise DatabaseRefused(RefusalReason.NOT_A_DATABASE, location, "no SQLite header")
    _check_header_size(path)
    wal, shm, journal = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))
    size = status.st_size + (wal.stat().st_size if wal.exists() else 0)
    if journal.exists() or (wal.exists() and not shm.exists()):
        # SQLite would roll the journal back, or make a -shm beside the file, even to read it: the
        # look is taken at a private copy instead (a state left by a crash or by copying files).
        with tempfile.TemporaryDirectory(prefix="dispatch-check-") as folder:
            copy = Path(folder) / path.name
            try:
                shutil.copyfile(path, copy)
                for side in (wal, journal):
                    if side.exists():
                        shutil.copyfile(side, copy.with_name(side.name))
            except OSError as error:
                raise DatabaseRefused(RefusalReason.UNREACHABLE, location, str(error)) from error
            return _look(copy.as_uri(), location, size, expected)
    # Read-only URI: the check itself cannot change the file. Without a -wal the database is
    # complete in itself and is opened "immutable" (no lock files); with -wal and -shm (another
    # console has it open, or one crashed) SQLite reads the WAL through them as they are.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not wal.exists():
        uri += "&immutable=1"
    return _look(uri, location, size, expected)


def _look(uri: str, location: str, size: int, expected: DatabaseKind | None) -> Verdict:
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise DatabaseRefused(RefusalReason.UNREACHABLE, location, str(error)) from error
    deferred = size > FULL_CHECK_MAX_BYTES
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            connection.execute(f'SELECT * FROM "{table}" LIMIT 1').fetchall()
        if not deferred:
            problems = _problems(connection.execute("PRAGMA quick_check").fetchall())
            if problems:
                raise DatabaseRefused(RefusalReason.CORRUPT, location, "; ".join(problems[:3]))
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])

        def first_row(query: str) -> tuple[Any, ...] | None:
            row = connection.execute(query).fetchone()
            return None if row is None else tuple(row)

        # Foreign, newer and other-kind databases are refused here, before the engine's pragmas
        # could rewrite the header (journal_mode=WAL changes a rollback-journal file's format bytes).
        verdict = classify(_survey(set(tables), first_row, application_id), location, expected)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        # A damaged text value (not valid UTF-8) fails in Python's decoding, not in SQLite.
        raise DatabaseRefused(RefusalReason.CORRUPT, location, str(error)) from error
    finally:
        connection.close()
    if deferred:
        return Verdict(verdict.new, verdict.revision, verdict.kind, verdict.kind_reason, check_deferred=True)
    return verdict


def _problems(rows: Sequence[Any]) -> list[str]:
    return [] if rows == [("ok",)] else [str(row[0]) for row in rows]


def quick_check(database: Database, cancel: threading.Event | None = None) -> list[str]:
    """SQLite's ``PRAGMA quick_check`` over the whole database: the problems found, [] when sound.

    For a file too large to check at start (``Database.check_deferred``): it reads every page, so
    it runs on a thread of its own; setting ``cancel`` stops it soon (then []). Other backends: [].
    """
    if database.engine.dialect.name != "sqlite":
        return []
    try:
        with database.engine.connect() as connection:
            driver = connection.connection.driver_connection
            if cancel is not None:
                driver.set_progress_handler(lambda: 1 if cancel.is_set() else 0, 10_000)  # type: ignore[union-attr]
            try:
                return _problems(connection.exec_driver_sql("PRAGMA quick_check").fetchall())
            finally:
                if cancel is not None:
                    driver.set_progress_handler(None, 0)  # type: ignore[union-attr]
    except SQLAlchemyError as error:
        if cancel is not None and cancel.is_set():
            return []
        return [_driver_message(error)]


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """A copy of ``path`` by SQLite's backup API, beside it, named with the revision and the time.

    ``dispatch.sqlite3`` at 0004 becomes ``dispatch.backup-0004-20261127T050000Z.sqlite3``.
    """
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    suffix = path.suffix or ".sqlite3"
    target = path.with_name(f"{path.stem}.backup-{revision or 'none'}-{stamp}{suffix}")
    serial = 1
    while target.exists():
        serial += 1
        target = path.with_name(f"{path.stem}.backup-{revision or 'none'}-{stamp}-{serial}{suffix}")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            # One self-contained file (the copied header says WAL): nothing beside it when read.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.chmod(target, 0o600)
    return target


def _check_header_size(path: Path) -> None:
    """A file shorter than its header says was truncated (only when no WAL holds the rest)."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100:
        raise DatabaseRefused(RefusalReason.CORRUPT, str(path), "header is truncated")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseRefused(RefusalReason.CORRUPT, str(path), f"impossible page size {page_size}")
    change_counter = header[24:28]
    valid_for = header[92:96]
    pages = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    if change_counter == valid_for and not wal.exists() and pages * page_size > path.stat().st_size:
        raise DatabaseRefused(RefusalReason.CORRUPT, str(path), "file is shorter than its header says")


def head_revision() -> str:
    return REVISIONS[-1]


def script_revisions() -> list[str]:
    """The revisions of the migration scripts, oldest first (imports Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def _check_may_migrate(engine: Engine, location: str, revision: str | None) -> None:
    """On PostgreSQL the console's role owns nothing: its owner upgrades it (docs/installing.md)."""
    from dispatch.store.roles import may_migrate

    with engine.connect() as connection:
        allowed = may_migrate(connection)
    if not allowed:
        raise DatabaseRefused(
            RefusalReason.NOT_MIGRATED,
            location,
            f"revision {revision or 'none'}, this console needs {head_revision()}: "
            "dispatch-console migrate --db OWNER_URL --console-role ROLE",
        )


def upgrade_to_head(
    engine: Engine,
    revision: str = "head",
    *,
    kind: DatabaseKind | None = None,
    kind_reason: str = "created",
) -> None:
    """Run the migrations up to ``revision``, each in its own transaction (see env.py).

    ``kind`` is recorded by migration 0005 if it runs (a 0001-0004 database upgraded without one is
    classified by its rows there). On SQLite each migration's BEGIN takes the write lock, and the
    upgrade runs with foreign keys off (batch operations recreate tables); each migration checks them.
    """
    from alembic import command

    config = _alembic_config()
    if kind is not None:
        config.attributes["database_kind"] = kind.value
        config.attributes["database_kind_reason"] = kind_reason
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.execution_options(**{SQLITE_IMMEDIATE: True})
            # Outside any transaction (SQLite ignores the pragma inside one).
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        finally:
            if connection.in_transaction():
                connection.rollback()
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config
