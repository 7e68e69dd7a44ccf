"""The PostgreSQL server of the tests, with its two roles (as .ci/run makes them).

``DISPATCH_TEST_POSTGRES_URL``: the consoles' role, which owns nothing.
``DISPATCH_TEST_POSTGRES_OWNER_URL``: the role that owns the database and runs the migrations. When
it is not set, the owner is the consoles' role (the old single-role set-up) and the tests that need
two roles are skipped.

A test works in a schema of its own: the owner creates and migrates it and grants the consoles' role
exactly what ``dispatch-console migrate --console-role`` grants; ``migrated_schema`` yields both URLs.

Migrating takes half a second, too long to repeat for each of hundreds of tests: the ``database``
fixtures (``sqlite_and_postgres`` here, tests/services/conftest.py) share one schema per test run
(``shared_schema``) that :class:`ResettableSchema` puts back, before each test that uses it, exactly as
a fresh migration leaves it (tests/store/test_schema_reset.py proves it).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from dispatch.store.database import Database, DatabaseKind, open_database, sqlite_url
from dispatch.store.roles import grant_console_privileges

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Server:
    console_url: str
    owner_url: str

    @property
    def two_roles(self) -> bool:
        return make_url(self.console_url).username != make_url(self.owner_url).username

    @property
    def console_role(self) -> str:
        return str(make_url(self.console_url).username)


@dataclass(frozen=True)
class Schema:
    name: str
    #: Connections of the consoles' role, working in this schema.
    console_url: str
    #: Connections of the owner, working in this schema.
    owner_url: str
    console_role: str
    two_roles: bool


def server() -> Server:
    """The server of the tests; skipped without one (a failure when DISPATCH_REQUIRE_POSTGRES=1)."""
    url = os.environ.get("DISPATCH_TEST_POSTGRES_URL", "").strip()
    if not url:
        if os.environ.get("DISPATCH_REQUIRE_POSTGRES") == "1":
            pytest.fail("DISPATCH_REQUIRE_POSTGRES=1 but DISPATCH_TEST_POSTGRES_URL is not set")
        pytest.skip("DISPATCH_TEST_POSTGRES_URL is not set")
    assert make_url(url).get_backend_name() == "postgresql", "expected a postgresql+psycopg:// URL"
    owner = os.environ.get("DISPATCH_TEST_POSTGRES_OWNER_URL", "").strip() or url
    return Server(console_url=url, owner_url=owner)


def require_two_roles(found: Server) -> None:
    if not found.two_roles:
        if os.environ.get("DISPATCH_REQUIRE_POSTGRES") == "1":
            pytest.fail("DISPATCH_REQUIRE_POSTGRES=1 but DISPATCH_TEST_POSTGRES_OWNER_URL is not set")
        pytest.skip("DISPATCH_TEST_POSTGRES_OWNER_URL is not set (one role only)")


def in_schema(url: str, schema: str) -> str:
    return (
        make_url(url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )


@contextmanager
def empty_schema(found: Server) -> Iterator[Schema]:
    """A fresh schema owned by the owner, the consoles' role allowed to look into it; dropped afterwards."""
    name = f"dispatch_test_{secrets.token_hex(6)}"
    owner = create_engine(found.owner_url)
    try:
        with owner.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
            if found.two_roles:
                connection.execute(text(f'GRANT USAGE ON SCHEMA "{name}" TO "{found.console_role}"'))
        try:
            yield Schema(
                name=name,
                console_url=in_schema(found.console_url, name),
                owner_url=in_schema(found.owner_url, name),
                console_role=found.console_role,
                two_roles=found.two_roles,
            )
        finally:
            with owner.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
    finally:
        owner.dispose()


def grant(schema: Schema) -> None:
    """What ``dispatch-console migrate --console-role`` grants, in this schema."""
    if not schema.two_roles:
        return
    engine = create_engine(schema.owner_url)
    try:
        with engine.begin() as connection:
            grant_console_privileges(connection, schema.console_role)
    finally:
        engine.dispose()


@contextmanager
def migrated_schema(found: Server) -> Iterator[Schema]:
    """A schema migrated to head by the owner, the consoles' role granted its privileges."""
    with empty_schema(found) as schema:
        open_database(schema.owner_url).dispose()
        grant(schema)
        yield schema


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


#: ``pg_trigger.tgenabled`` -> how ``ALTER TABLE`` puts a trigger back in that state.
_TRIGGER_STATE = {"O": "ENABLE TRIGGER", "A": "ENABLE ALWAYS TRIGGER", "R": "ENABLE REPLICA TRIGGER"}


@dataclass(frozen=True)
class _Fresh:
    """What a fresh migration leaves in a schema besides its definitions."""

    tables: tuple[str, ...]
    #: The rows the migrations wrote, by table, as JSON.
    seeded: dict[str, str]
    #: (name, last_value, is_called) of every sequence.
    sequences: tuple[tuple[str, int, bool], ...]
    #: (table, trigger, pg_trigger.tgenabled) of every user trigger.
    triggers: tuple[tuple[str, str, str], ...]


def _read_fresh(connection: Connection) -> _Fresh:
    in_schema = "c.relnamespace = current_schema()::regnamespace"
    tables = tuple(
        connection.execute(
            text(f"SELECT c.relname FROM pg_class c WHERE {in_schema} AND c.relkind IN ('r', 'p') ORDER BY 1")
        ).scalars()
    )
    seeded = {}
    for table in tables:
        rows = connection.execute(
            text(f"SELECT coalesce(json_agg(t), '[]') FROM {_quoted(table)} t")
        ).scalar_one()
        if rows:
            seeded[table] = json.dumps(rows)
    names = (
        connection.execute(
            text(f"SELECT c.relname FROM pg_class c WHERE {in_schema} AND c.relkind = 'S' ORDER BY 1")
        )
        .scalars()
        .all()
    )
    sequences = tuple(
        (name, *connection.execute(text(f"SELECT last_value, is_called FROM {_quoted(name)}")).one())
        for name in names
    )
    triggers = tuple(
        (r.relname, r.tgname, r.tgenabled)
        for r in connection.execute(
            text(
                "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
                f"JOIN pg_class c ON c.oid = t.tgrelid WHERE {in_schema} AND NOT t.tgisinternal ORDER BY 1, 2"
            )
        )
    )
    return _Fresh(tables, seeded, sequences, triggers)


def _reset_script(fresh: _Fresh, kind: DatabaseKind) -> str:
    """The reset as one script (one round trip), run by the owner in one transaction."""
    with_triggers = sorted({table for table, _name, _state in fresh.triggers})
    lines = [
        # Connections left holding locks are ended before this (ResettableSchema.reset); one holding
        # a lock anyway fails the reset here instead of hanging the run.
        "SET LOCAL lock_timeout = '5s';",
        *(f"ALTER TABLE {_quoted(table)} DISABLE TRIGGER USER;" for table in with_triggers),
        f"TRUNCATE {', '.join(_quoted(table) for table in fresh.tables)} RESTART IDENTITY CASCADE;",
        *(
            f"INSERT INTO {_quoted(table)} SELECT * FROM json_populate_recordset(NULL::{_quoted(table)}, "
            f"{_literal(rows)});"
            for table, rows in fresh.seeded.items()
        ),
    ]
    if kind is not DatabaseKind.LIVE:
        lines.append(f"UPDATE database_identity SET kind = {_literal(kind.value)};")
    if fresh.sequences:
        lines.append(
            "SELECT "
            + ", ".join(
                f"setval({_literal(_quoted(name))}, {last_value}, {'true' if called else 'false'})"
                for name, last_value, called in fresh.sequences
            )
            + ";"
        )
    lines += [
        f"ALTER TABLE {_quoted(table)} {_TRIGGER_STATE[state]} {_quoted(name)};"
        for table, name, state in fresh.triggers
        if state in _TRIGGER_STATE
    ]
    return "\n".join(lines)


class ResettableSchema:
    """A migrated schema that the owner puts back as freshly migrated, live or training, in one
    transaction: the user triggers off (they refuse TRUNCATE on the recorded facts), every table
    truncated with its identity sequences restarted, the rows the migrations wrote put back (the
    database's identity, the heads of the audit chain and the change feed, the revision), every
    sequence set where the migration left it, the triggers back as they were.

    What the migrations wrote is read from the schema itself when it is made, so a later migration's
    rows are kept without naming them here. A training schema differs only in its identity's kind
    (tests/store/test_schema_reset.py compares both kinds with fresh migrations).
    """

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.owner = create_engine(schema.owner_url)
        #: The kind the schema holds untouched, or None once a test may have written to it.
        self._clean: DatabaseKind | None = None
        with self.owner.connect() as connection:
            fresh = _read_fresh(connection)
            made = connection.execute(text("SELECT kind FROM database_identity")).scalar_one()
        assert made == DatabaseKind.LIVE.value, "a resettable schema starts as a live migration"
        self._clean = DatabaseKind.LIVE
        self._scripts = {kind: _reset_script(fresh, kind) for kind in DatabaseKind}

    def reset(self, kind: DatabaseKind = DatabaseKind.LIVE) -> None:
        """Put the schema back as a fresh migration of ``kind`` left it (nothing to do if it is)."""
        if self._clean is kind:
            return
        self._end_other_connections()
        with self.owner.begin() as connection:
            connection.exec_driver_sql(self._scripts[kind])
        self._clean = kind

    def _end_other_connections(self) -> None:
        """Connections that still hold a lock in the schema (a test that failed inside a
        transaction, a thread left running) are ended, so that no test inherits another's rows."""
        with self.owner.connect() as connection:
            holders = connection.execute(
                text(
                    "SELECT DISTINCT l.pid, a.usename, a.state FROM pg_locks l "
                    "JOIN pg_class c ON c.oid = l.relation "
                    "LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE c.relnamespace = current_schema()::regnamespace AND l.pid <> pg_backend_pid()"
                )
            ).all()
        if not holders:
            return
        log.warning("ending connections left holding locks in %s: %s", self.schema.name, holders)
        # Each role may end its own connections only.
        for url in {self.schema.owner_url, self.schema.console_url}:
            engine = create_engine(url)
            try:
                with engine.connect() as connection:
                    connection.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE pid = ANY(:pids) AND usename = current_user"
                        ),
                        {"pids": [holder.pid for holder in holders]},
                    )
            finally:
                engine.dispose()

    @contextmanager
    def database(self, kind: DatabaseKind = DatabaseKind.LIVE) -> Iterator[Database]:
        """The schema reset to ``kind``, opened as the consoles' role; disposed afterwards, so the next
        reset meets none of its connections. Reset before use, not after: a test that fails, or
        whose disposal fails, still leaves the next a clean schema."""
        self.reset(kind)
        self._clean = None
        db = open_database(self.schema.console_url, upgrade=False, kind=kind)
        try:
            yield db
        finally:
            db.dispose()

    def dispose(self) -> None:
        """Before the schema is dropped: a transaction left open in it would hold the drop for ever."""
        try:
            self._end_other_connections()
        finally:
            self.owner.dispose()


_shared: dict[Server, ResettableSchema] = {}


def shared_schema(config: pytest.Config) -> ResettableSchema:
    """The test run's one resettable schema (made at first use, dropped when the run ends); skipped
    without a server, as :func:`server`."""
    found = server()
    if found not in _shared:
        with ExitStack() as stack:
            made = ResettableSchema(stack.enter_context(migrated_schema(found)))
            stack.callback(made.dispose)
            cleanup = stack.pop_all()
        _shared[found] = made

        def drop() -> None:
            del _shared[found]
            cleanup.close()

        config.add_cleanup(drop)
    return _shared[found]


@pytest.fixture(name="database", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sqlite_and_postgres(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    """A test module that imports this runs each test on a SQLite file and on the run's PostgreSQL
    schema, reset as freshly migrated, as the consoles' role
    (``from tests.store.postgres import sqlite_and_postgres``)."""
    if request.param == "sqlite":
        db = open_database(sqlite_url(db_path))
        yield db
        db.dispose()
        return
    with shared_schema(request.config).database() as db:
        yield db
