"""Account rules: roles, lockout after repeated wrong passwords, password strength.

Passwords follow NIST SP 800-63B (5.1.1.2): at least ``MIN_PASSWORD_LENGTH`` characters, any
characters at all (no rules of composition), refused when common (the shipped list in
``resources/passwords``, compared in lower case), when they contain the user name (of three or more
characters), or when they are one character repeated.
"""

from __future__ import annotations

import gzip
import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from dispatch.resources import resource_path

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
#: Long enough for any passphrase (NIST: at least 64); longer is refused to bound the hashing.
MAX_PASSWORD_LENGTH = 256
#: A user name this long or longer may not appear in the password (two letters are no weakness).
MIN_NAME_IN_PASSWORD = 3
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")


class AccountProblem(StrEnum):
    USERNAME_INVALID = "username_invalid"
    USERNAME_TAKEN = "username_taken"
    FULL_NAME_MISSING = "full_name_missing"
    PASSWORD_TOO_SHORT = "password_too_short"
    PASSWORD_TOO_LONG = "password_too_long"
    PASSWORD_COMMON = "password_common"
    PASSWORD_CONTAINS_USERNAME = "password_contains_username"
    PASSWORD_REPETITIVE = "password_repetitive"
    PASSWORDS_DIFFER = "passwords_differ"


class LoginOutcome(StrEnum):
    OK = "ok"
    WRONG_CREDENTIALS = "wrong_credentials"
    LOCKED = "locked"
    INACTIVE = "inactive"


@dataclass(frozen=True)
class LockState:
    failed_logins: int
    locked_until: datetime | None


def is_locked(state: LockState, now: datetime) -> bool:
    return state.locked_until is not None and now < state.locked_until


def after_failure(state: LockState, now: datetime) -> LockState:
    """Count a wrong password; the fifth in a row locks the account for ``LOCKOUT``."""
    failures = state.failed_logins + 1
    if failures >= MAX_FAILED_LOGINS:
        return LockState(failed_logins=0, locked_until=now + LOCKOUT)
    return LockState(failed_logins=failures, locked_until=state.locked_until)


def after_success() -> LockState:
    return LockState(failed_logins=0, locked_until=None)


def account_problems(
    username: str, full_name: str, password: str, repeated: str
) -> dict[str, AccountProblem]:
    """Field name -> what is wrong with it, for the form to show next to the field."""
    problems: dict[str, AccountProblem] = {}
    if not USERNAME_PATTERN.fullmatch(username):
        problems["username"] = AccountProblem.USERNAME_INVALID
    if not full_name.strip():
        problems["full_name"] = AccountProblem.FULL_NAME_MISSING
    problems.update(new_password_problems(username, password, repeated))
    return problems


def new_password_problems(username: str, password: str, repeated: str) -> dict[str, AccountProblem]:
    """What is wrong with a new password for ``username`` (a new account, a reset), by field."""
    problem = password_problem(username, password)
    if problem is not None:
        return {"password": problem}
    if password != repeated:
        return {"repeated": AccountProblem.PASSWORDS_DIFFER}
    return {}


def password_problem(username: str, password: str) -> AccountProblem | None:
    """The first rule ``password`` breaks for the account ``username``, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return AccountProblem.PASSWORD_TOO_SHORT
    if len(password) > MAX_PASSWORD_LENGTH:
        return AccountProblem.PASSWORD_TOO_LONG
    lowered = password.casefold()
    name = username.strip().casefold()
    if len(name) >= MIN_NAME_IN_PASSWORD and name in lowered:
        return AccountProblem.PASSWORD_CONTAINS_USERNAME
    if len(set(lowered)) == 1:
        return AccountProblem.PASSWORD_REPETITIVE
    if lowered in common_passwords():
        return AccountProblem.PASSWORD_COMMON
    return None


_common: frozenset[str] | None = None
_common_lock = threading.Lock()


def common_passwords(path: Path | None = None) -> frozenset[str]:
    """The shipped list of common passwords, lower case (read once, about 20,000 words)."""
    global _common
    if path is not None:
        return _read_common(path)
    with _common_lock:
        if _common is None:
            _common = _read_common(resource_path("passwords", "common-passwords.txt.gz"))
        return _common


def _read_common(path: Path) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip().casefold() for line in handle if line.strip())
