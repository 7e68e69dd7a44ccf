"""The PostgreSQL server of the tests, with its two roles (as .ci/run makes them).

``DISPATCH_TEST_POSTGRES_URL``: the consoles' role, which owns nothing.
``DISPATCH_TEST_POSTGRES_OWNER_URL``: the role that owns the database and runs the migrations. When
it is not set, the owner is the consoles' role (the old single-role set-up) and the tests that need
two roles are skipped.

A test works in a schema of its own: the owner creates and migrates it and grants the consoles' role
exactly what ``dispatch-console migrate --console-role`` grants; ``migrated_schema`` yields both URLs.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dispatch.store.database import Database, open_database, sqlite_url
from dispatch.store.roles import grant_console_privileges


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


@pytest.fixture(name="database", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sqlite_and_postgres(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    """A test module that imports this runs each test on a SQLite file and on a PostgreSQL schema
    of its own, as the consoles' role (``from tests.store.postgres import sqlite_and_postgres``)."""
    if request.param == "sqlite":
        db = open_database(sqlite_url(db_path))
        yield db
        db.dispose()
        return
    with migrated_schema(server()) as schema:
        db = open_database(schema.console_url, upgrade=False)
        yield db
        db.dispose()
