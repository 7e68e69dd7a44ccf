"""Running a feed: connect, decode, hand every frame on, and reconnect with backoff.

A ``FeedRunner`` owns one feed on its own thread. It never stops by itself: a refused connection,
an unplugged adapter or a dropped socket makes it report the feed down, wait (1 s, doubling to 30 s)
and try again. Every frame, decoded or rejected, goes to the sink in order of arrival, stamped
with the time its bytes were read; a partial frame left by a disconnect goes as rejected.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from dispatch.domain.clock import Clock
from dispatch.domain.phone import DEFAULT_REGION, parse_caller_number
from dispatch.domain.signals import CallSignal
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame
from dispatch.feeds.protocols import OpenFeed, open_feed
from dispatch.feeds.transports import FeedDisconnected, FeedOpenError
from dispatch.feeds.urls import FeedUrl

READ_TIMEOUT = 0.25
FIRST_RETRY = 1.0
LONGEST_RETRY = 30.0


class FeedState(StrEnum):
    CONNECTING = "connecting"
    UP = "up"
    DOWN = "down"
    STOPPED = "stopped"


@dataclass(frozen=True)
class FeedHealth:
    feed: str
    state: FeedState
    since: datetime
    last_frame_at: datetime | None = None
    detail: str = ""
    retry_in: float | None = None


def record_outages(
    recorder: Callable[[str, bool, bool, datetime, str], None],
) -> Callable[[FeedHealth], None]:
    """Adapt ``services.feeds.OutageRecorder`` to health reports."""

    def report(health: FeedHealth) -> None:
        recorder(
            health.feed,
            health.state is FeedState.UP,
            health.state is FeedState.DOWN,
            health.since,
            health.detail,
        )

    return report


class FeedSink(Protocol):
    def signal(self, signal: CallSignal) -> None: ...

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None: ...


def to_signal(
    frame: DecodedFrame, feed: str, received_at: datetime, region: str = DEFAULT_REGION
) -> CallSignal:
    """The one place a feed's number goes through phonenumbers."""
    return CallSignal(
        kind=frame.kind,
        feed=feed,
        received_at=received_at,
        number=parse_caller_number(frame.number_raw, region),
        raw=frame.raw,
        line=frame.line,
        name=frame.name,
        call_id=frame.call_id,
    )


class Backoff:
    def __init__(self, first: float = FIRST_RETRY, longest: float = LONGEST_RETRY) -> None:
        self._first = first
        self._longest = longest
        self._next = first

    def next(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self._longest)
        return delay

    def reset(self) -> None:
        self._next = self._first


class FeedRunner:
    """Runs ``url`` until stopped. ``on_health`` is called from the runner's thread."""

    def __init__(
        self,
        url: FeedUrl,
        sink: FeedSink,
        clock: Clock,
        region: str = DEFAULT_REGION,
        on_health: Callable[[FeedHealth], None] | None = None,
        backoff: Backoff | None = None,
        opener: Callable[[FeedUrl], OpenFeed] = open_feed,
    ) -> None:
        self.url = url
        self._sink = sink
        self._clock = clock
        self._region = region
        self._on_health = on_health or (lambda _health: None)
        self._backoff = backoff or Backoff()
        self._opener = opener
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._health = FeedHealth(url.display, FeedState.CONNECTING, clock.now())

    @property
    def health(self) -> FeedHealth:
        return self._health

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name=f"feed {self.url.display}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._report(FeedState.STOPPED, "")

    def run(self, until: Callable[[], bool] = lambda: False) -> None:
        """Connect, read and reconnect until ``stop()`` or ``until()`` says so."""
        while not self._stop.is_set() and not until():
            self._report(FeedState.CONNECTING, "")
            try:
                opened = self._opener(self.url)
            except FeedOpenError as error:
                self._wait_to_retry(str(error))
                continue
            self._backoff.reset()
            self._report(FeedState.UP, "")
            reason = self._read(opened, until)
            if reason is not None:
                self._wait_to_retry(reason)

    def _read(self, opened: OpenFeed, until: Callable[[], bool]) -> str | None:
        """Read until stopped (None) or disconnected (the reason)."""
        now = self._clock.now()
        self._deliver(opened.early_frames, now)
        try:
            while not self._stop.is_set() and not until():
                try:
                    data = opened.connection.read(READ_TIMEOUT)
                except FeedDisconnected as error:
                    self._deliver(opened.decoder.flush(), self._clock.now())
                    return str(error)
                if data:
                    self._deliver(opened.decoder.feed(data), self._clock.now())
            self._deliver(opened.decoder.flush(), self._clock.now())
            return None
        finally:
            opened.connection.close()

    def _deliver(self, frames: list[Frame], received_at: datetime) -> None:
        feed = self.url.display
        for frame in frames:
            if isinstance(frame, RejectedFrame):
                self._sink.rejected(feed, frame.raw, frame.reason, received_at)
            else:
                self._sink.signal(to_signal(frame, feed, received_at, self._region))
        if frames:
            self._health = replace(self._health, last_frame_at=received_at)
            self._on_health(self._health)

    def _wait_to_retry(self, reason: str) -> None:
        delay = self._backoff.next()
        self._report(FeedState.DOWN, reason, retry_in=delay)
        self._stop.wait(delay)

    def _report(self, state: FeedState, detail: str, retry_in: float | None = None) -> None:
        previous = self._health
        since = previous.since if previous.state is state else self._clock.now()
        self._health = FeedHealth(previous.feed, state, since, previous.last_frame_at, detail, retry_in)
        self._on_health(self._health)
