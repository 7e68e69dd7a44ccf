"""Four processes guessing one account's password at once get exactly five guesses before the lockout,
on SQLite (write transactions begin IMMEDIATE) and on PostgreSQL (the user's row is locked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from dispatch.domain.accounts import MAX_FAILED_LOGINS, LoginOutcome
from dispatch.domain.clock import SystemClock
from dispatch.domain.enums import Role
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.store.database import Database, open_database, sqlite_url
from dispatch.store.tables import AuditEntry, User

PROCESSES = 4
GUESSES = 6  # each; 24 in all, far more than the five allowed
ROOT = Path(__file__).resolve().parents[2]


def _prepare(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real cost of argon2 (the services' tests use a cheap one): each guess holds the account
    # for the whole check, as in production.
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher())
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "host")
    sari = accounts.create_first_supervisor(ctx, "sari", "Sari", "rahasia-112", "rahasia-112")
    accounts.create_user(ctx.acting_as(sari), "budi", "Budi", "operator-112", "operator-112", Role.CALL_TAKER)


def _guess_in_parallel(url: str, tmp_path: Path) -> list[str]:
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.services.guess_child", url, str(n), str(go), str(GUESSES)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for n in range(PROCESSES)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
        go.touch()
        outcomes: list[str] = []
        for child in children:
            out, _ = child.communicate(timeout=120)
            assert child.returncode == 0
            outcomes.extend(json.loads(out.strip().splitlines()[-1]))
        return outcomes
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


def _assert_exactly_five_guesses(database: Database, outcomes: list[str]) -> None:
    assert len(outcomes) == PROCESSES * GUESSES
    counted = Counter(outcomes)
    # four wrong-password answers, the fifth guess locks, every later guess finds the lock
    assert counted[LoginOutcome.WRONG_CREDENTIALS.value] == MAX_FAILED_LOGINS - 1
    assert counted[LoginOutcome.LOCKED.value] == PROCESSES * GUESSES - (MAX_FAILED_LOGINS - 1)
    with database.sessions() as session:
        details = [
            json.loads(row.detail or "{}")
            for row in session.scalars(
                select(AuditEntry).where(
                    AuditEntry.action == "user.login_failed", AuditEntry.user_name == "budi"
                )
            )
        ]
        budi = session.scalars(select(User).where(User.username == "budi")).one()
        assert budi.locked_until is not None
    checked = [detail for detail in details if detail["reason"] == "password"]
    assert len(checked) == MAX_FAILED_LOGINS  # exactly five passwords were tried against the hash
    assert [detail["locked"] for detail in checked] == [False] * (MAX_FAILED_LOGINS - 1) + [True]
    assert (
        sum(1 for detail in details if detail["reason"] == "locked")
        == PROCESSES * GUESSES - MAX_FAILED_LOGINS
    )


def test_four_processes_guessing_on_sqlite_get_exactly_five_guesses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sqlite_url(tmp_path / "dispatch.sqlite3")
    database = open_database(url)
    try:
        _prepare(database, monkeypatch)
        outcomes = _guess_in_parallel(url, tmp_path)
        _assert_exactly_five_guesses(database, outcomes)
    finally:
        database.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    from tests.store.postgres import migrated_schema, server

    with migrated_schema(server()) as schema:
        yield schema.console_url


@pytest.mark.postgres
def test_four_processes_guessing_on_postgresql_get_exactly_five_guesses(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(postgres_url)
    try:
        _prepare(database, monkeypatch)
        outcomes = _guess_in_parallel(postgres_url, tmp_path)
        _assert_exactly_five_guesses(database, outcomes)
    finally:
        database.dispose()
