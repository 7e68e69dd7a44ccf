"""Scenario time: seconds since a training run began, which the trainer can pause and speed up.

Stored timestamps stay real (the injected ``Clock``): a trainee's answer time is what it was. What a
scenario schedules (the next call, a unit's arrival) is in scenario seconds, read from here, so a
paused run rings nothing and a run at 4x brings the next call four times as soon.
"""

from __future__ import annotations

from datetime import datetime

from dispatch.domain.clock import Clock

#: The speeds a trainer may choose.
SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0)


class PlayClock:
    """Elapsed scenario seconds over an injected real clock; starts paused at 0 until ``start()``."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._elapsed_at_mark = 0.0
        self._mark: datetime | None = None  # the real instant of the last start/resume/speed change
        self._speed = 1.0
        self._started = False

    @property
    def started(self) -> bool:
        return self._started

    @property
    def paused(self) -> bool:
        return self._mark is None

    @property
    def speed(self) -> float:
        return self._speed

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._mark = self._clock.now()

    def pause(self) -> None:
        if self._mark is not None:
            self._elapsed_at_mark = self.elapsed()
            self._mark = None

    def resume(self) -> None:
        if self._started and self._mark is None:
            self._mark = self._clock.now()

    def set_speed(self, speed: float) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed must be one of {SPEEDS}, got {speed!r}")
        running = self._mark is not None
        self.pause()
        self._speed = speed
        if running:
            self.resume()

    def elapsed(self) -> float:
        """Scenario seconds so far."""
        if self._mark is None:
            return self._elapsed_at_mark
        real = (self._clock.now() - self._mark).total_seconds()
        return self._elapsed_at_mark + max(0.0, real) * self._speed

    def real_seconds_until(self, scenario_seconds: float) -> float | None:
        """Real seconds until the scenario reaches ``scenario_seconds`` (None while paused)."""
        if self._mark is None:
            return None
        return max(0.0, (scenario_seconds - self.elapsed()) / self._speed)
