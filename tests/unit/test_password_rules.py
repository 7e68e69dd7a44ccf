"""New passwords follow NIST SP 800-63B: long enough, not common, not the user name, not one key held."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.accounts import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    USERNAME_PATTERN,
    AccountProblem,
    common_passwords,
    new_password_problems,
    password_problem,
)
from dispatch.resources import resource_path


def test_the_shipped_list_is_read_whole_and_in_lower_case() -> None:
    words = common_passwords()
    assert len(words) == 19_640
    assert all(word == word.casefold() and word.strip() == word for word in words)
    with gzip.open(resource_path("passwords", "common-passwords.txt.gz"), "rt", encoding="utf-8") as f:
        first = [next(f).strip() for _ in range(3)]
    assert first == ["123456", "123456789", "qwerty"]
    assert resource_path("passwords", "NOTICE").read_text().count("BSD") >= 1


@pytest.mark.parametrize(
    "password",
    ["qwertyuiop", "password1234", "PassWord1234", "1234567890", "bismillah1", "iloveyou12"],
)
def test_common_passwords_are_refused_whatever_their_case(password: str) -> None:
    assert password_problem("sari", password) is AccountProblem.PASSWORD_COMMON


@pytest.mark.parametrize("password", ["sari-112-pagi", "112SARI2026", "xxsArIxxxx"])
def test_a_password_containing_the_user_name_is_refused(password: str) -> None:
    assert password_problem("sari", password) is AccountProblem.PASSWORD_CONTAINS_USERNAME


def test_the_minimum_length_is_ten() -> None:
    assert MIN_PASSWORD_LENGTH == 10
    assert password_problem("sari", "kopi-tubruk"[:9]) is AccountProblem.PASSWORD_TOO_SHORT
    assert password_problem("sari", "kopi-tubruk"[:10]) is None


def test_any_character_is_allowed_and_spaces_count() -> None:
    assert password_problem("sari", "ruang kendali") is None
    assert password_problem("sari", "ĉĥŝ 🚑 112 jaga") is None


def test_a_user_name_of_two_letters_may_appear() -> None:
    assert password_problem("ab", "kabut-pagi-112") is None


def test_one_character_held_down_is_refused() -> None:
    assert password_problem("sari", "!" * 12) is AccountProblem.PASSWORD_REPETITIVE


def test_a_very_long_password_is_refused_past_the_bound() -> None:
    long = "kopi tubruk " * 30
    assert password_problem("sari", long[:MAX_PASSWORD_LENGTH]) is None
    assert password_problem("sari", long[: MAX_PASSWORD_LENGTH + 1]) is AccountProblem.PASSWORD_TOO_LONG


def test_the_repeat_is_checked_only_for_a_good_password() -> None:
    assert new_password_problems("sari", "qwertyuiop", "other") == {
        "password": AccountProblem.PASSWORD_COMMON
    }
    assert new_password_problems("sari", "kopi-tubruk-7", "kopi-tubruk-8") == {
        "repeated": AccountProblem.PASSWORDS_DIFFER
    }
    assert new_password_problems("sari", "kopi-tubruk-7", "kopi-tubruk-7") == {}


@given(word=st.sampled_from(sorted(common_passwords())), upper=st.booleans())
def test_every_listed_word_is_refused(word: str, upper: bool) -> None:
    typed = word.upper() if upper else word
    assert password_problem("zz-nobody-zz", typed) is not None


@given(
    username=st.from_regex(USERNAME_PATTERN, fullmatch=True).filter(lambda name: len(name) >= 3),
    before=st.text(max_size=8),
    after=st.text(max_size=8),
)
def test_the_user_name_anywhere_in_the_password_is_refused(username: str, before: str, after: str) -> None:
    password = before + username.upper() + after
    problem = password_problem(username, password)
    if MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        assert problem is AccountProblem.PASSWORD_CONTAINS_USERNAME
    else:
        assert problem in (AccountProblem.PASSWORD_TOO_SHORT, AccountProblem.PASSWORD_TOO_LONG)


@given(password=st.text(min_size=MIN_PASSWORD_LENGTH, max_size=40))
def test_a_refused_password_always_has_a_reason_and_an_accepted_one_breaks_no_rule(password: str) -> None:
    problem = password_problem("sari", password)
    if problem is None:
        assert "sari" not in password.casefold()
        assert password.casefold() not in common_passwords()
        assert len(set(password.casefold())) > 1
