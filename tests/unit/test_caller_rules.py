"""Caller history rules: windows, per-class counts, the repeat-prank threshold, callback outcomes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.callers import (
    ATTEMPT_OUTCOMES,
    DAY,
    MONTH,
    CallbackOutcome,
    FlagProblem,
    PriorCall,
    attempt_closes,
    count_calls,
    flag_problems,
    is_repeat_prank,
)
from dispatch.domain.enums import CallClass

NOW = datetime(2026, 11, 27, 5, 0, tzinfo=UTC)


def calls_at(*hours_ago: float, cls: CallClass | None = CallClass.PRANK) -> list[PriorCall]:
    return [PriorCall(NOW - timedelta(hours=h), cls) for h in hours_ago]


def test_windows_include_their_start_and_exclude_later_calls() -> None:
    earlier = [
        PriorCall(NOW - DAY, CallClass.PRANK),  # exactly 24 h: in the day
        PriorCall(NOW - DAY - timedelta(seconds=1), CallClass.PRANK),  # just outside
        PriorCall(NOW - MONTH, CallClass.EMERGENCY),  # exactly 30 days: in the month
        PriorCall(NOW - MONTH - timedelta(seconds=1), CallClass.SILENT),
        PriorCall(NOW + timedelta(seconds=1), CallClass.PRANK),  # after the ring: not earlier
    ]
    counts = count_calls(earlier, NOW)
    assert (counts.last_24h, counts.last_30d, counts.total) == (1, 3, 4)
    assert counts.of(CallClass.PRANK).last_24h == 1
    assert counts.of(CallClass.PRANK).total == 2
    assert counts.of(CallClass.SILENT).last_30d == 0
    assert counts.of(CallClass.WRONG_NUMBER).total == 0
    assert CallClass.WRONG_NUMBER not in counts.by_class


def test_unclassified_calls_are_counted_under_none() -> None:
    counts = count_calls(calls_at(1, cls=None), NOW)
    assert counts.of(None).total == 1
    assert counts.pranks_24h == 0


@pytest.mark.parametrize(
    ("earlier_pranks", "threshold", "flagged"),
    [(0, 3, False), (1, 3, False), (2, 3, True), (5, 3, True), (0, 1, True), (3, 5, False), (4, 5, True)],
)
def test_the_ringing_call_is_the_threshold_th(earlier_pranks: int, threshold: int, flagged: bool) -> None:
    counts = count_calls(calls_at(*[h + 1 for h in range(earlier_pranks)]), NOW)
    assert is_repeat_prank(counts, threshold) is flagged


def test_only_pranks_in_the_last_24_hours_count_towards_the_flag() -> None:
    old_pranks = calls_at(25, 30, 40)
    silent_today = calls_at(1, 2, 3, cls=CallClass.SILENT)
    assert not is_repeat_prank(count_calls(old_pranks + silent_today, NOW))
    assert is_repeat_prank(count_calls(old_pranks + calls_at(23, 1), NOW))


def test_a_threshold_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        is_repeat_prank(count_calls([], NOW), 0)


@given(
    st.lists(
        st.tuples(st.integers(-10, 24 * 60), st.sampled_from([None, *CallClass])),
        max_size=60,
    )
)
def test_counts_agree_with_a_direct_count(spec: list[tuple[int, CallClass | None]]) -> None:
    earlier = [PriorCall(NOW - timedelta(hours=h), cls) for h, cls in spec]
    counts = count_calls(earlier, NOW)
    past = [c for c in earlier if c.ring_at <= NOW]
    assert counts.total == len(past)
    assert counts.last_24h == sum(c.ring_at >= NOW - DAY for c in past)
    assert counts.last_30d == sum(c.ring_at >= NOW - MONTH for c in past)
    assert sum(c.total for c in counts.by_class.values()) == counts.total
    assert counts.last_24h <= counts.last_30d <= counts.total


def test_reaching_the_caller_closes_a_callback_and_nothing_else_does() -> None:
    closing = {o for o in ATTEMPT_OUTCOMES if attempt_closes(o)}
    assert closing == {CallbackOutcome.REACHED_NO_EMERGENCY, CallbackOutcome.REACHED_EMERGENCY}
    assert CallbackOutcome.CLOSED_BY_SUPERVISOR not in ATTEMPT_OUTCOMES


def test_flag_problems_name_each_field() -> None:
    assert flag_problems(True, "0812 3456 7890", "prank calls every night") == {}
    assert flag_problems(False, "", "") == {
        "number": FlagProblem.NUMBER_MISSING,
        "reason": FlagProblem.REASON_MISSING,
    }
    assert flag_problems(False, "P", "x")["number"] is FlagProblem.NUMBER_WITHHELD
    assert flag_problems(True, "0812", "a" * 501)["reason"] is FlagProblem.REASON_TOO_LONG
    assert flag_problems(True, "0812", "bad\x07bell")["reason"] is FlagProblem.CONTROL_CHARACTERS


@given(st.text(max_size=600), st.text(max_size=600), st.booleans())
def test_flag_problems_never_fail_and_only_name_known_fields(number: str, reason: str, ok: bool) -> None:
    problems = flag_problems(ok, number, reason)
    assert set(problems) <= {"number", "reason"}
    assert ("reason" in problems) == (
        not reason.strip()
        or len(reason.strip()) > 500
        or any(ord(c) < 32 and c != "\t" for c in reason.strip())
    )
