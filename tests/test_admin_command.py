"""``dispatch-console admin`` run as a real process: accounts for installers, passwords on stdin only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from dispatch.domain.accounts import MAX_FAILED_LOGINS, LoginOutcome
from dispatch.domain.clock import SystemClock
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.store.database import open_database, sqlite_url
from dispatch.store.tables import AuditEntry

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "kopi-tubruk-pagi"


def admin(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", "admin", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=60,
        check=False,
    )


def _log_in(path: Path, username: str, password: str) -> LoginOutcome:
    database = open_database(sqlite_url(path))
    try:
        ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "host")
        return accounts.log_in(ctx, username, password).outcome
    finally:
        database.dispose()


def _audit(path: Path) -> list[tuple[str, str, str | None, dict[str, object]]]:
    database = open_database(sqlite_url(path))
    try:
        with database.sessions() as session:
            return [
                (row.action, row.user_name, row.console_name, json.loads(row.detail or "{}"))
                for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
            ]
    finally:
        database.dispose()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "centre.sqlite3"


def test_an_installer_creates_the_first_administrator_with_the_password_on_stdin(db: Path) -> None:
    done = admin(
        "create-user", "--db", str(db), "Andi", "--full-name", "Andi Wijaya", "--role", "admin",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "account andi added (admin)\n"
    assert PASSWORD not in done.stdout + done.stderr
    assert _log_in(db, "andi", PASSWORD) is LoginOutcome.OK
    create = [row for row in _audit(db) if row[0] == "user.create"]
    assert len(create) == 1
    _, user_name, console_name, detail = create[0]
    assert user_name.startswith("admin-command:")
    assert console_name is not None
    assert console_name.startswith("admin@")
    assert detail == {"role": "admin", "username": "andi"}
    listed = admin("list-users", "--db", str(db))
    assert listed.returncode == 0
    header, row = listed.stdout.splitlines()
    assert header == "username\trole\tstate\tlast login\tfull name"
    username, role, state, last, full_name = row.split("\t")
    assert (username, role, state, full_name) == ("andi", "admin", "active", "Andi Wijaya")
    assert last.endswith(" UTC")


def test_a_password_on_the_command_line_is_refused_before_anything_is_done(db: Path) -> None:
    for option in ("--password", "--pass", "--password=" + PASSWORD):
        done = admin(
            "create-user", "--db", str(db), "andi", "--full-name", "Andi", "--role", "admin",
            option, *([] if "=" in option else [PASSWORD]),
        )  # fmt: skip
        assert done.returncode == 2, option
        assert "unrecognized arguments" in done.stderr
    assert not db.exists()


def test_without_a_terminal_or_stdin_option_the_password_is_not_guessed(db: Path) -> None:
    done = admin("create-user", "--db", str(db), "andi", "--full-name", "Andi", "--role", "admin")
    assert done.returncode == 2
    assert "--password-stdin" in done.stderr


def test_weak_passwords_are_refused_with_the_reason(db: Path) -> None:
    for password, reason in (
        ("password1234", "one of the most common passwords"),
        ("andi-112-jaga", "must not contain the username"),
        ("pendek", "at least 10 characters"),
    ):
        done = admin(
            "create-user", "--db", str(db), "andi", "--full-name", "Andi", "--role", "admin",
            "--password-stdin", stdin=password + "\n",
        )  # fmt: skip
        assert done.returncode == 1
        assert reason in done.stderr
    done = admin(
        "create-user", "--db", str(db), "andi", "--full-name", "Andi", "--role", "admin",
        "--password-stdin", stdin=PASSWORD + "\nsomething-else-1\n",
    )  # fmt: skip
    assert done.returncode == 1
    assert "the two passwords are not the same" in done.stderr


def test_unlock_and_reset_password_of_a_locked_account(db: Path) -> None:
    created = admin(
        "create-user", "--db", str(db), "budi", "--full-name", "Budi", "--role", "call_taker",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    for _ in range(MAX_FAILED_LOGINS):
        _log_in(db, "budi", "wrong-password")
    assert _log_in(db, "budi", PASSWORD) is LoginOutcome.LOCKED
    listed = admin("list-users", "--db", str(db))
    assert "locked until" in listed.stdout

    unlocked = admin("unlock", "--db", str(db), "BUDI")
    assert unlocked.returncode == 0, unlocked.stderr
    assert _log_in(db, "budi", PASSWORD) is LoginOutcome.OK

    new = "nasi-goreng-malam"
    reset = admin("reset-password", "--db", str(db), "budi", "--password-stdin", stdin=f"{new}\n{new}\n")
    assert reset.returncode == 0, reset.stderr
    assert _log_in(db, "budi", PASSWORD) is LoginOutcome.WRONG_CREDENTIALS
    assert _log_in(db, "budi", new) is LoginOutcome.OK
    actions = [row[0] for row in _audit(db) if row[1].startswith("admin-command:")]
    assert actions == ["user.create", "user.unlock", "user.password_reset"]
    assert all(new not in json.dumps(row) and PASSWORD not in json.dumps(row) for row in _audit(db))


def test_an_unknown_account_or_missing_database_is_an_error(db: Path, tmp_path: Path) -> None:
    missing = admin("unlock", "--db", str(tmp_path / "none.sqlite3"), "budi")
    assert missing.returncode == 2
    assert "no such database file" in missing.stderr
    assert not (tmp_path / "none.sqlite3").exists()
    admin(
        "create-user", "--db", str(db), "andi", "--full-name", "Andi", "--role", "admin",
        "--password-stdin", stdin=PASSWORD,
    )  # fmt: skip
    unknown = admin("unlock", "--db", str(db), "nobody")
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "dispatch-console admin: no account is named nobody (no_such_user)"
