"""Account rules: roles, lockout after repeated wrong passwords, password strength."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")


class AccountProblem(StrEnum):
    USERNAME_INVALID = "username_invalid"
    USERNAME_TAKEN = "username_taken"
    FULL_NAME_MISSING = "full_name_missing"
    PASSWORD_TOO_SHORT = "password_too_short"
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
    if len(password) < MIN_PASSWORD_LENGTH:
        problems["password"] = AccountProblem.PASSWORD_TOO_SHORT
    elif password != repeated:
        problems["repeated"] = AccountProblem.PASSWORDS_DIFFER
    return problems
