"""The service tests run on both stores a console can have: every test that uses ``database`` (or
``training_database``, or a fixture built on them such as ``ctx``) runs on a SQLite file and on
PostgreSQL, as the consoles' role in the run's schema reset to a fresh migration
(tests/store/postgres.py). Without a server the PostgreSQL half is skipped (a failure when
DISPATCH_REQUIRE_POSTGRES=1). Service tests log in for nearly every test, so password hashing is
made cheap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from dispatch.services import accounts
from dispatch.store.database import Database, DatabaseKind, open_database, sqlite_url
from tests.store.postgres import shared_schema

SQLITE, POSTGRESQL = "sqlite", "postgresql"


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same argon2id hashing and verification, with the smallest cost parameters."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(params=[SQLITE, pytest.param(POSTGRESQL, marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> str:
    """Which store the test's database is: one parameter, whichever of the two databases it uses."""
    return str(request.param)


def _opened(request: pytest.FixtureRequest, store: str, path: Path, kind: DatabaseKind) -> Iterator[Database]:
    if store == SQLITE:
        db = open_database(sqlite_url(path), kind=kind)
        yield db
        db.dispose()
        return
    with shared_schema(request.config).database(kind) as db:
        yield db


@pytest.fixture
def database(request: pytest.FixtureRequest, store: str, db_path: Path) -> Iterator[Database]:
    yield from _opened(request, store, db_path, DatabaseKind.LIVE)


@pytest.fixture
def training_database(request: pytest.FixtureRequest, store: str, db_path: Path) -> Iterator[Database]:
    """A training database (training writes are refused on a live one). A module whose tests all
    train overrides ``database`` with it: ``def database(training_database): return training_database``."""
    yield from _opened(request, store, db_path, DatabaseKind.TRAINING)
