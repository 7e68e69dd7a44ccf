"""Opening a database: refuse what is not ours, upgrade what is older, never overwrite.

``open_database`` checks a SQLite file with the plain ``sqlite3`` module *before* SQLAlchemy sets any
pragma (``journal_mode=WAL`` rewrites the file header), so that a refused file stays byte-for-byte
unchanged. Only a database that is ours and not newer than this console is migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The migrations in order. Alembic (a quarter of a second to import) is loaded only when a
#: database must be upgraded; a test checks that this list matches the migration scripts.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Above this size a full quick_check would delay start-up by seconds; SQLite still reports any
# corrupt page it meets later, and the structural checks below run on every file.
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


class RefusalReason(StrEnum):
    NOT_A_DATABASE = "not_a_database"
    CORRUPT = "corrupt"
    FOREIGN = "foreign"
    NEWER = "newer"
    UNREACHABLE = "unreachable"


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

    @property
    def display_url(self) -> str:
        """The URL with any password masked, for the status bar and logs."""
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def short_name(self) -> str:
        """The file name of a SQLite database, else host and database name, for the status bar."""
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            return Path(parsed.database or ":memory:").name
        return f"{parsed.host or 'localhost'}/{parsed.database or ''}"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends normally, rolls back otherwise."""
        with self.sessions() as session, session.begin():
            session.connection(execution_options={SQLITE_IMMEDIATE: True})
            yield session

    def dispose(self) -> None:
        if self.engine.dialect.name == "sqlite":
            # Keeps the planner's statistics current as the tables grow (cheap; SQLite's advice).
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Check, migrate and open the database at ``url``; raise DatabaseRefused if it is not usable."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if path and path != ":memory:":
            _precheck_sqlite_file(Path(path))
    engine = _create_engine(url)
    try:
        _check_schema_version(engine, url)
        if upgrade and current_revision(engine) != REVISIONS[-1]:
            upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), url=url)


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
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


#: Execution option that makes a SQLite transaction begin IMMEDIATE (take the write lock at BEGIN).
SQLITE_IMMEDIATE = "sqlite_immediate"


def _sqlite_begin(connection: Any) -> None:
    """SQLAlchemy's pysqlite recipe: the transaction is ours, not the driver's.

    The driver's own handling begins a transaction only before the first INSERT/UPDATE/DELETE and
    commits before DDL, so reads that decide a write were outside the write's transaction and a
    migration's DDL was not atomic. Writes begin IMMEDIATE: check-then-write services serialise
    across every console sharing the file.
    """
    immediate = connection.get_execution_options().get(SQLITE_IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver must not begin or commit by itself; _sqlite_begin emits BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a transaction reported as committed survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _precheck_sqlite_file(path: Path) -> None:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise DatabaseRefused(RefusalReason.NOT_A_DATABASE, str(path), "is a directory")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseRefused(RefusalReason.UNREACHABLE, str(path), str(error)) from error
    if not header:
        return  # an empty file is a new database
    if header != SQLITE_HEADER:
        raise DatabaseRefused(RefusalReason.NOT_A_DATABASE, str(path), "no SQLite header")
    _check_header_size(path)
    # Read-only URI: the check itself must not be able to change the file. Without a -wal or -journal
    # file the database is complete in itself and is opened "immutable", or a read-only look at a WAL
    # database would leave new -wal and -shm files beside it.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal")):
        uri += "&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise DatabaseRefused(RefusalReason.UNREACHABLE, str(path), str(error)) from error
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            connection.execute(f'SELECT * FROM "{table}" LIMIT 1').fetchall()
        if path.stat().st_size <= FULL_CHECK_MAX_BYTES:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                problems = "; ".join(str(row[0]) for row in rows[:3])
                raise DatabaseRefused(RefusalReason.CORRUPT, str(path), problems)
        # Foreign and newer databases are refused here, before the engine's pragmas could rewrite the
        # header (journal_mode=WAL changes a rollback-journal database's file format bytes).
        _check_sqlite_schema(connection, [t for t in tables if not t.startswith("sqlite_")], str(path))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        # A damaged text value (not valid UTF-8) fails in Python's decoding, not in SQLite.
        raise DatabaseRefused(RefusalReason.CORRUPT, str(path), str(error)) from error
    finally:
        connection.close()


def _check_sqlite_schema(connection: sqlite3.Connection, tables: list[str], location: str) -> None:
    if not tables:
        return
    if "alembic_version" not in tables:
        raise DatabaseRefused(RefusalReason.FOREIGN, location, ", ".join(sorted(tables)[:8]))
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is not None and str(row[0]) not in known_revisions():
        raise DatabaseRefused(RefusalReason.NEWER, location, str(row[0]))


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


def known_revisions() -> set[str]:
    return set(REVISIONS)


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


def _check_schema_version(engine: Engine, url: str) -> None:
    location = make_url(url).render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
    except SQLAlchemyError as error:
        raise DatabaseRefused(
            RefusalReason.UNREACHABLE, location, str(getattr(error, "orig", None) or error)
        ) from error
    if not tables:
        return
    if "alembic_version" not in tables:
        raise DatabaseRefused(RefusalReason.FOREIGN, location, ", ".join(sorted(tables)[:8]))
    revision = current_revision(engine)
    if revision is not None and revision not in known_revisions():
        raise DatabaseRefused(RefusalReason.NEWER, location, revision)


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config
