"""Scenario time: paused, resumed and sped up over a driven clock."""

from datetime import UTC, datetime

import pytest

from dispatch.domain.clock import ManualClock
from dispatch.domain.play_clock import PlayClock


def test_scenario_time_stands_still_until_started_and_while_paused() -> None:
    clock = ManualClock(datetime(2026, 12, 3, 8, tzinfo=UTC))
    play = PlayClock(clock)
    clock.advance(5)
    assert play.elapsed() == 0.0
    assert play.paused
    play.start()
    clock.advance(10)
    assert play.elapsed() == 10.0
    play.pause()
    clock.advance(100)
    assert play.elapsed() == 10.0
    assert play.real_seconds_until(20) is None
    play.resume()
    clock.advance(2.5)
    assert play.elapsed() == 12.5


def test_speed_scales_only_time_after_the_change() -> None:
    clock = ManualClock(datetime(2026, 12, 3, 8, tzinfo=UTC))
    play = PlayClock(clock)
    play.start()
    clock.advance(10)
    play.set_speed(4.0)
    clock.advance(10)
    assert play.elapsed() == 50.0
    assert play.real_seconds_until(90.0) == 10.0
    with pytest.raises(ValueError, match="speed"):
        play.set_speed(3.0)
