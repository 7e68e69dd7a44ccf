"""The rules for calls an earlier run left unfinished (dispatch.domain.leftovers), pure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.enums import CallState
from dispatch.domain.leftovers import (
    PBX_RING_LIMIT,
    RING_CADENCE,
    RING_MARGIN,
    SIMULATED_LONGEST_RING,
    CallSource,
    Ending,
    EndingRule,
    LeftoverCall,
    call_source,
    leftover_ending,
    ring_silence_limit,
)

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
HERE = 1


@pytest.mark.parametrize(
    ("feed", "source"),
    [
        ("sim://?rate=2&seed=1", CallSource.SIMULATED),
        ("SIM://?rate=2", CallSource.SIMULATED),
        ("serial:/dev/ttyUSB0?baud=1200&protocol=modem", CallSource.TELEPHONE_LINE),
        ("serial:socket://127.0.0.1:7000?protocol=whozz", CallSource.TELEPHONE_LINE),
        ("ncid://192.0.2.10:3333", CallSource.TELEPHONE_LINE),
        ("whozz-udp://0.0.0.0:3520", CallSource.TELEPHONE_LINE),
        ("ami://dispatch:***@pbx:5038?exten=112", CallSource.PBX),
        ("", CallSource.UNKNOWN),
        ("gateway", CallSource.UNKNOWN),
        ("sip://pbx", CallSource.UNKNOWN),
    ],
)
def test_the_source_is_read_from_the_feed_url(feed: str, source: CallSource) -> None:
    assert call_source(feed) is source


@given(st.text())
def test_any_feed_text_has_a_source_and_a_limit(feed: str) -> None:
    limit = ring_silence_limit(call_source(feed))
    assert limit >= RING_CADENCE + RING_MARGIN


def test_limits() -> None:
    assert ring_silence_limit(CallSource.TELEPHONE_LINE) == timedelta(seconds=10)
    assert ring_silence_limit(CallSource.PBX) == PBX_RING_LIMIT
    assert ring_silence_limit(CallSource.SIMULATED) == SIMULATED_LONGEST_RING
    # A source not known is given the longest wait: never ended while it may still ring.
    assert ring_silence_limit(CallSource.UNKNOWN) == max(
        ring_silence_limit(source) for source in CallSource if source is not CallSource.UNKNOWN
    )


def _ringing(feed: str, seconds_ago: float) -> LeftoverCall:
    return LeftoverCall(1, feed, CallState.RINGING, NOW - timedelta(seconds=seconds_ago))


def test_a_telephone_line_call_is_left_while_it_may_still_ring() -> None:
    line = "ncid://192.0.2.10:3333"
    assert leftover_ending(_ringing(line, 10), NOW, HERE) is None
    assert leftover_ending(_ringing(line, 10.5), NOW, HERE) == Ending(
        1, NOW - timedelta(seconds=0.5), True, EndingRule.RING_STOPPED
    )


def test_a_simulated_call_always_ends_at_start() -> None:
    assert leftover_ending(_ringing("sim://?seed=1", 1), NOW, HERE) == Ending(
        1, NOW, True, EndingRule.SIMULATOR_GONE
    )
    old = leftover_ending(_ringing("sim://?seed=1", 86_400), NOW, HERE)
    assert old is not None
    assert old.ended_at == NOW - timedelta(seconds=86_400) + SIMULATED_LONGEST_RING


def test_answered_calls_end_unless_another_console_has_them() -> None:
    answered = LeftoverCall(2, "ncid://h:3333", CallState.ANSWERED, NOW - timedelta(hours=1), HERE)
    assert leftover_ending(answered, NOW, HERE) == Ending(2, NOW, False, EndingRule.ANSWERED_NOT_ENDED)
    at_phone = LeftoverCall(3, "ami://u:***@h", CallState.ANSWERED, NOW - timedelta(minutes=1), None)
    assert leftover_ending(at_phone, NOW, HERE) == Ending(3, NOW, False, EndingRule.ANSWERED_NOT_ENDED)
    elsewhere = LeftoverCall(4, "ncid://h:3333", CallState.ANSWERED, NOW - timedelta(hours=1), 2)
    assert leftover_ending(elsewhere, NOW, HERE) is None
    finished = LeftoverCall(5, "ncid://h:3333", CallState.ENDED, NOW - timedelta(hours=1))
    assert leftover_ending(finished, NOW, HERE) is None


@given(
    feed=st.sampled_from(["sim://", "ncid://h", "serial:/dev/x", "ami://h", "other:"]),
    state=st.sampled_from(list(CallState)),
    ago=st.floats(min_value=-60, max_value=10 * 86_400, allow_nan=False),
    answered_here=st.booleans(),
)
def test_an_ending_never_lies_before_the_last_event_nor_after_now(
    feed: str, state: CallState, ago: float, answered_here: bool
) -> None:
    last = NOW - timedelta(seconds=ago)
    call = LeftoverCall(9, feed, state, last, HERE if answered_here else None)
    ending = leftover_ending(call, NOW, HERE)
    if ending is None:
        return
    assert ending.ended_at >= last
    assert ending.ended_at <= max(NOW, last)
    assert ending.abandoned is (state is CallState.RINGING)
