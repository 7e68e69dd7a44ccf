"""Account rules: lockout after repeated wrong passwords and the new-account form's checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.accounts import (
    LOCKOUT,
    MAX_FAILED_LOGINS,
    MIN_PASSWORD_LENGTH,
    AccountProblem,
    LockState,
    account_problems,
    after_failure,
    after_success,
    is_locked,
)

NOW = datetime(2026, 11, 27, 5, 0, 0, tzinfo=UTC)
FRESH = LockState(failed_logins=0, locked_until=None)
GOOD_PASSWORD = "rahasia-112"


def _fail(times: int, state: LockState = FRESH, now: datetime = NOW) -> LockState:
    for _ in range(times):
        state = after_failure(state, now)
    return state


# --- lockout -----------------------------------------------------------------------------------


def test_the_constants_are_the_documented_ones() -> None:
    assert MAX_FAILED_LOGINS == 5
    assert timedelta(minutes=15) == LOCKOUT
    assert MIN_PASSWORD_LENGTH == 10


@pytest.mark.parametrize("failures", range(1, MAX_FAILED_LOGINS))
def test_fewer_failures_than_the_maximum_only_count(failures: int) -> None:
    state = _fail(failures)
    assert state == LockState(failed_logins=failures, locked_until=None)
    assert not is_locked(state, NOW)


def test_locks_after_exactly_max_failed_logins() -> None:
    state = _fail(MAX_FAILED_LOGINS - 1)
    assert not is_locked(state, NOW)
    state = after_failure(state, NOW)
    assert state.locked_until == NOW + LOCKOUT
    assert state.failed_logins == 0  # the count starts again once the lock is set
    assert is_locked(state, NOW)


def test_failures_spread_over_time_still_count() -> None:
    state = FRESH
    for minute in range(MAX_FAILED_LOGINS):
        state = after_failure(state, NOW + timedelta(minutes=minute))
    last = NOW + timedelta(minutes=MAX_FAILED_LOGINS - 1)
    assert state.locked_until == last + LOCKOUT


def test_lock_expires_exactly_at_lockout() -> None:
    state = _fail(MAX_FAILED_LOGINS)
    assert is_locked(state, NOW + LOCKOUT - timedelta(microseconds=1))
    assert not is_locked(state, NOW + LOCKOUT)
    assert not is_locked(state, NOW + LOCKOUT + timedelta(days=1))


def test_after_the_lock_expires_a_full_count_is_needed_again() -> None:
    state = _fail(MAX_FAILED_LOGINS)
    later = NOW + LOCKOUT + timedelta(minutes=1)
    state = _fail(MAX_FAILED_LOGINS - 1, state, later)
    assert not is_locked(state, later)
    state = after_failure(state, later)
    assert state.locked_until == later + LOCKOUT
    assert is_locked(state, later)


def test_success_resets_the_count_and_the_lock() -> None:
    assert after_success() == FRESH
    assert _fail(MAX_FAILED_LOGINS - 1).failed_logins == MAX_FAILED_LOGINS - 1
    # One short of the lock, a success (the service replaces the state with after_success())
    # means the next wrong password counts as the first again.
    state = after_failure(after_success(), NOW)
    assert state == LockState(failed_logins=1, locked_until=None)
    assert not is_locked(state, NOW)
    # The state a success leaves carries no lock.
    assert not is_locked(after_success(), NOW)


def test_lock_state_is_immutable() -> None:
    with pytest.raises(AttributeError):
        FRESH.failed_logins = 3  # type: ignore[misc]


aware_datetimes = st.datetimes(
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive by design
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)


@given(failed=st.integers(min_value=0, max_value=1_000), now=aware_datetimes)
def test_never_locked_without_locked_until(failed: int, now: datetime) -> None:
    assert not is_locked(LockState(failed_logins=failed, locked_until=None), now)


@given(
    failed=st.integers(min_value=0, max_value=MAX_FAILED_LOGINS - 2),
    locked_until=st.none() | aware_datetimes,
    now=aware_datetimes,
)
def test_a_failure_below_the_limit_keeps_the_lock_as_it_was(
    failed: int, locked_until: datetime | None, now: datetime
) -> None:
    state = after_failure(LockState(failed, locked_until), now)
    assert state == LockState(failed + 1, locked_until)


@given(failed=st.integers(min_value=MAX_FAILED_LOGINS - 1, max_value=100), now=aware_datetimes)
def test_a_failure_at_or_past_the_limit_always_locks(failed: int, now: datetime) -> None:
    state = after_failure(LockState(failed, None), now)
    assert is_locked(state, now)
    assert state.locked_until == now + LOCKOUT


# --- the new-account form ----------------------------------------------------------------------


def test_a_good_account_has_no_problems() -> None:
    assert account_problems("sari", "Sari Wulandari", GOOD_PASSWORD, GOOD_PASSWORD) == {}


@pytest.mark.parametrize(
    "username",
    ["ab", "sari", "budi.santoso", "op-01", "op_02", "0perator", "a" * 32, "a.b-c_d9"],
)
def test_valid_usernames(username: str) -> None:
    assert "username" not in account_problems(username, "X", GOOD_PASSWORD, GOOD_PASSWORD)


@pytest.mark.parametrize(
    "username",
    [
        "",
        "a",  # too short
        "a" * 33,  # too long
        "Sari",  # upper case (the service lower-cases before asking)
        ".sari",
        "-sari",
        "_sari",
        "sari wulandari",
        " sari",
        "sari@112",
        "sári",
        "сари",  # Cyrillic
    ],
)
def test_invalid_usernames(username: str) -> None:
    problems = account_problems(username, "X", GOOD_PASSWORD, GOOD_PASSWORD)
    assert problems == {"username": AccountProblem.USERNAME_INVALID}


@pytest.mark.parametrize("full_name", ["", " ", "\t\n"])
def test_full_name_is_required(full_name: str) -> None:
    problems = account_problems("sari", full_name, GOOD_PASSWORD, GOOD_PASSWORD)
    assert problems == {"full_name": AccountProblem.FULL_NAME_MISSING}


@pytest.mark.parametrize("full_name", ["Sari", "Nyoman Ayu Kusuma Dewi", "李", "عبد الله"])
def test_any_full_name_with_a_visible_character_will_do(full_name: str) -> None:
    assert account_problems("sari", full_name, GOOD_PASSWORD, GOOD_PASSWORD) == {}


def test_password_shorter_than_the_minimum_is_refused() -> None:
    short = "x" * (MIN_PASSWORD_LENGTH - 1)
    problems = account_problems("sari", "Sari", short, short)
    assert problems == {"password": AccountProblem.PASSWORD_TOO_SHORT}


def test_password_of_exactly_the_minimum_is_accepted() -> None:
    exact = "kx7#pq2!wz"[:MIN_PASSWORD_LENGTH]
    assert len(exact) == MIN_PASSWORD_LENGTH
    assert account_problems("sari", "Sari", exact, exact) == {}


def test_passwords_that_differ_are_reported_on_the_repeat_field() -> None:
    problems = account_problems("sari", "Sari", GOOD_PASSWORD, GOOD_PASSWORD + "!")
    assert problems == {"repeated": AccountProblem.PASSWORDS_DIFFER}


def test_a_short_password_is_reported_once_not_also_as_differing() -> None:
    problems = account_problems("sari", "Sari", "short", "other")
    assert problems == {"password": AccountProblem.PASSWORD_TOO_SHORT}


def test_every_problem_is_reported_at_once() -> None:
    problems = account_problems("X", "", "", "")
    assert problems == {
        "username": AccountProblem.USERNAME_INVALID,
        "full_name": AccountProblem.FULL_NAME_MISSING,
        "password": AccountProblem.PASSWORD_TOO_SHORT,
    }


def test_a_username_with_a_trailing_newline_is_invalid() -> None:
    assert "username" in account_problems("sari\n", "Sari", GOOD_PASSWORD, GOOD_PASSWORD)


@given(
    username=st.text(max_size=40),
    full_name=st.text(max_size=40),
    password=st.text(max_size=300),
    repeated=st.text(max_size=300),
)
def test_account_problems_only_names_its_own_fields(
    username: str, full_name: str, password: str, repeated: str
) -> None:
    problems = account_problems(username, full_name, password, repeated)
    allowed = {
        "username": {AccountProblem.USERNAME_INVALID},
        "full_name": {AccountProblem.FULL_NAME_MISSING},
        "password": {
            AccountProblem.PASSWORD_TOO_SHORT,
            AccountProblem.PASSWORD_TOO_LONG,
            AccountProblem.PASSWORD_COMMON,
            AccountProblem.PASSWORD_CONTAINS_USERNAME,
            AccountProblem.PASSWORD_REPETITIVE,
        },
        "repeated": {AccountProblem.PASSWORDS_DIFFER},
    }
    for field, problem in problems.items():
        assert problem in allowed[field]
    assert not ("password" in problems and "repeated" in problems)
    if password == repeated and len(password) >= MIN_PASSWORD_LENGTH and "password" not in problems:
        assert "repeated" not in problems
