"""Time as the console sees it: always timezone-aware UTC, always injected.

Nothing in the console calls ``datetime.now()`` directly, so that tests and the simulator can drive
time and every stored timestamp is comparable.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (tests, replayed scenarios)."""

    def __init__(self, start: datetime) -> None:
        self._now = as_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> datetime:
        self._now += timedelta(seconds=seconds)
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = as_utc(instant)


def as_utc(instant: datetime) -> datetime:
    """Return ``instant`` in UTC; a naive datetime is refused because its zone is unknowable."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("naive datetime: the console stores only timezone-aware instants")
    return instant.astimezone(UTC)
