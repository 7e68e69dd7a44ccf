"""Running a feed: connect, decode, hand every frame on, and reconnect with backoff.

A ``FeedRunner`` owns one feed on its own thread. It never stops by itself: a refused connection,
an unplugged adapter, a dropped socket or any unexpected error while opening or reading makes it
report the feed down, wait (1 s, doubling to 30 s) and try again. Every frame, decoded or rejected,
goes to the sink in order of arrival, stamped with the time its bytes were read; a partial frame
left by a disconnect goes as rejected. A frame that makes the decoder or the number parsing fail
goes as rejected with the reason. Rejected frames are handed on at a bounded rate
(``GarbageLimit``); the rest are counted and summarised in one rejected frame.

A feed whose decoder talks back (a GSM modem, the PBX: ``protocols.Conversation``) is also given
the time after every read, told whether the frames of that read were handed on, and then has what
it asks written to the device; when it says the device is gone, the runner reconnects.

A feed that sends (``protocols.Sender``: SMS through the modem, dials through the PBX) is given what
the outbox holds by the runner, between reads: when the device has nothing half done, about once a
second (at once after ``wake()``), the runner takes messages through ``take`` (the supervisor's
callable, ``services.outbox.take_outgoing``) and hands them to it; what became of each comes back as
a frame and goes through the spool like the rest. A database that does not answer is tried again
5 s later and never ends the thread. When the thread starts, it first hands on a RELEASE: what this
feed had taken before and never answered (its thread or process ended) goes back to the queue. A
dial asked more than ``DIAL_WITHIN`` ago is not made any more (the operator no longer waits for it).

What ends the thread anyway (an exception that is not an ``Exception``) is kept in ``ended_by``;
the supervisor (``dispatch.feeds.supervisor``) raises an alarm and starts it again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from dispatch.domain.clock import Clock
from dispatch.domain.forwarding import OutboxKind
from dispatch.domain.phone import DEFAULT_REGION, parse_caller_number
from dispatch.domain.signals import CallSignal, LocationSignal
from dispatch.feeds.frames import (
    DecodedFrame,
    DeliveryFrame,
    Frame,
    LocationFrame,
    OutboxFrame,
    Outgoing,
    RejectedFrame,
    SendOutcome,
    TextMessageFrame,
)
from dispatch.feeds.protocols import Conversation, OpenFeed, Sender, open_feed
from dispatch.feeds.transports import FeedDisconnected, FeedOpenError
from dispatch.feeds.urls import FeedUrl
from dispatch.services.feeds import (
    NOT_AML,
    DeliverySignal,
    OutboxOutcome,
    OutboxSignal,
    Received,
    RejectedSignal,
    TextMessageSignal,
)
from dispatch.services.outbox import OutboxView

log = logging.getLogger(__name__)

READ_TIMEOUT = 0.25
#: A feed that sends reads in shorter waits: what this console queues (a dial the call-taker waits
#: for) is taken within this long of the notice, not after a quarter-second read.
SENDING_READ_TIMEOUT = 0.05
FIRST_RETRY = 1.0
LONGEST_RETRY = 30.0
#: Rejected frames stored per feed: a burst of this many, then this many a minute.
GARBAGE_BURST = 20
GARBAGE_PER_MINUTE = 60
#: Seconds between looks at the outbox while nothing wakes the runner; after the database failed.
TAKE_EVERY = 1.0
TAKE_RETRY = 5.0
#: Messages taken at once (a modem sends one at a time; the rest wait, SENDING, in its queue).
TAKE_LIMIT = 3
#: A dial asked longer ago than this (seconds) is not made: the operator stopped waiting for it.
DIAL_WITHIN = 60.0

#: ``take(kind, limit)``: outbox messages of ``kind`` now SENDING by this feed (the supervisor's).
Take = Callable[[OutboxKind, int], list[OutboxView]]


_WHAT: dict[type, str] = {
    DecodedFrame: "a call event",
    LocationFrame: "a location",
    TextMessageFrame: "an SMS",
    DeliveryFrame: "a delivery report",
    OutboxFrame: "an outbox answer",
}


class FeedState(StrEnum):
    CONNECTING = "connecting"
    UP = "up"
    DOWN = "down"
    STOPPED = "stopped"


@dataclass(frozen=True)
class FeedHealth:
    """A feed's connection state, and (filled in by the supervisor) how its storing is going."""

    feed: str
    state: FeedState
    since: datetime
    last_frame_at: datetime | None = None
    detail: str = ""
    retry_in: float | None = None
    #: Frames read but not stored yet for a while: since when (None while storing keeps up).
    delayed_since: datetime | None = None
    #: Frames waiting in the spool.
    queued: int = 0
    #: Why storing is delayed (the database's answer), for the tooltip.
    store_detail: str = ""
    #: Rejected frames over the storing limit, counted but not stored.
    rejected_dropped: int = 0

    @property
    def delayed(self) -> bool:
        return self.delayed_since is not None


class FeedSink(Protocol):
    """Where frames go. A sink that takes a read's frames together has ``frames(received)``; one
    that shows positions apart has ``location(signal)``, else a ``LocationSignal`` goes to
    ``signal`` (``listen.signal_json`` writes either)."""

    def signal(self, signal: CallSignal) -> Any: ...

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None: ...


def to_signal(
    frame: DecodedFrame,
    feed: str,
    received_at: datetime,
    region: str = DEFAULT_REGION,
    *,
    describe: bool = True,
) -> CallSignal:
    """The one place a feed's number goes through phonenumbers (``describe``: look up its carrier
    or area too)."""
    return CallSignal(
        kind=frame.kind,
        feed=feed,
        received_at=received_at,
        number=parse_caller_number(frame.number_raw, region, describe=describe),
        raw=frame.raw,
        line=frame.line,
        name=frame.name,
        call_id=frame.call_id,
    )


def to_location(
    frame: LocationFrame,
    feed: str,
    received_at: datetime,
    region: str = DEFAULT_REGION,
    *,
    describe: bool = True,
) -> LocationSignal:
    """An AML message's sender goes through phonenumbers like a caller's number (``to_signal``)."""
    return LocationSignal(
        feed=feed,
        received_at=received_at,
        number=parse_caller_number(frame.sender_raw, region, describe=describe),
        raw=frame.raw,
        fix=frame.fix,
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


class GarbageLimit:
    """A token bucket over rejected frames: ``burst`` at once, refilled ``per_minute``.

    Frames over the limit are counted (``dropped``, and ``since`` the first of the current run of
    drops); the next frame let through is preceded by one rejected frame saying how many were not
    stored, so the feed log accounts for every one.
    """

    def __init__(
        self, clock: Clock, burst: int = GARBAGE_BURST, per_minute: float = GARBAGE_PER_MINUTE
    ) -> None:
        self._clock = clock
        self._burst = float(burst)
        self._rate = per_minute / 60.0
        self._tokens = float(burst)
        self._at = clock.now()
        self.dropped = 0  # over the whole run
        self._unreported = 0
        self.since: datetime | None = None  # first drop of the current garbage episode
        self.last_drop: datetime | None = None

    def admit(self, feed: str, frame: RejectedSignal) -> list[RejectedSignal]:
        now = self._clock.now()
        self._tokens = min(self._burst, self._tokens + (now - self._at).total_seconds() * self._rate)
        self._at = now
        if self._tokens < 1.0:
            self.dropped += 1
            self._unreported += 1
            self.since = self.since or now
            self.last_drop = now
            return []
        self._tokens -= 1.0
        return [*self.summary(feed, now), frame]

    def summary(self, feed: str, now: datetime) -> list[RejectedSignal]:
        """The rejected frame that counts the frames not stored since the last one (if any)."""
        if not self._unreported:
            return []
        count, self._unreported = self._unreported, 0
        reason = (
            f"{count} rejected frames not stored: over the limit of {self._burst:g} at once "
            f"and {self._rate * 60:g} a minute"
        )
        return [RejectedSignal(feed, now, b"", reason)]


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
        garbage: GarbageLimit | None = None,
        describe: bool = True,
        take: Take | None = None,
    ) -> None:
        self.url = url
        #: Where outbox messages come from (None: this runner sends nothing, as ``listen``).
        self._take = take
        self._wake = threading.Event()
        self._last_take = float("-inf")
        self._take_paused_until = float("-inf")
        self._take_failing = ""
        #: Numbers get their carrier or area (``listen``, which prints none, says False).
        self._describe = describe
        self._sink = sink
        self._clock = clock
        self._region = region
        self._on_health = on_health or (lambda _health: None)
        self._backoff = backoff or Backoff()
        self._opener = opener
        self.garbage = garbage or GarbageLimit(clock)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._health = FeedHealth(url.display, FeedState.CONNECTING, clock.now())
        #: What ended the thread last time, when it was not asked to stop ("" while it runs).
        self.ended_by = ""
        self.starts = 0

    @property
    def health(self) -> FeedHealth:
        return self._health

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        """Start the thread (again, after it ended)."""
        self.ended_by = ""
        self.starts += 1
        self._thread = threading.Thread(
            target=self._thread_main, name=f"feed {self.url.display}", daemon=True
        )
        self._thread.start()

    def wake(self) -> None:
        """Something was queued for this feed to send: look at the outbox after the current read
        (any thread)."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._report(FeedState.STOPPED, "")

    def _thread_main(self) -> None:
        try:
            self.run()
        except BaseException as error:  # recorded for the supervisor's alarm
            self.ended_by = f"{type(error).__name__}: {error}"
            log.critical("feed %s: thread ended by %s", self.url.display, self.ended_by, exc_info=True)
            return
        if not self._stop.is_set():
            self.ended_by = "the feed's thread returned"

    def run(self, until: Callable[[], bool] = lambda: False) -> None:
        """Connect, read and reconnect until ``stop()`` or ``until()`` says so."""
        if self._take is not None:
            # What this feed took before and never answered goes back to the queue (after whatever
            # the spool still holds from before: its answers, if any, are stored first).
            release = OutboxSignal(
                self.url.display,
                self._clock.now(),
                None,
                OutboxOutcome.RELEASE,
                "the feed started again without an answer for it",
                b"",
            )
            self._hand_on([release])
        while not self._stop.is_set() and not until():
            self._report(FeedState.CONNECTING, "")
            try:
                opened = self._opener(self.url)
            except FeedOpenError as error:
                self._wait_to_retry(str(error))
                continue
            except Exception as error:
                log.exception("feed %s: opening failed unexpectedly", self.url.display)
                self._wait_to_retry(f"cannot open: {type(error).__name__}: {error}")
                continue
            self._backoff.reset()
            self._report(FeedState.UP, "")
            reason = self._read(opened, until)
            if reason is not None:
                self._wait_to_retry(reason)

    def _read(self, opened: OpenFeed, until: Callable[[], bool]) -> str | None:
        """Read until stopped (None) or disconnected (the reason)."""
        talk = opened.decoder if isinstance(opened.decoder, Conversation) else None
        sender = opened.decoder if isinstance(opened.decoder, Sender) and self._take is not None else None
        wait = READ_TIMEOUT if sender is None else SENDING_READ_TIMEOUT
        try:
            handed_on = self._deliver(opened.early_frames, self._clock.now())
            if talk is not None and (reason := self._talk(opened, talk, handed_on)):
                self._flush(opened)
                return reason
            while not self._stop.is_set() and not until():
                try:
                    data = opened.connection.read(wait)
                except FeedDisconnected as error:
                    self._flush(opened)
                    return str(error)
                except Exception as error:
                    log.exception("feed %s: reading failed unexpectedly", self.url.display)
                    self._flush(opened)
                    return f"read failed: {type(error).__name__}: {error}"
                if not data and talk is None:
                    continue
                frames: list[Frame] = []
                received_at = self._clock.now()
                if data:
                    try:
                        frames = opened.decoder.feed(data)
                    except Exception as error:
                        log.exception("feed %s: the decoder failed", self.url.display)
                        frames = [RejectedFrame(data, f"decoder failed: {type(error).__name__}: {error}")]
                if talk is not None:
                    frames += self._tick(talk, data)
                handed_on = self._deliver(frames, received_at)
                if talk is not None and (reason := self._talk(opened, talk, handed_on)):
                    self._flush(opened)
                    return reason
                if talk is not None and sender is not None and (reason := self._send(opened, talk, sender)):
                    self._flush(opened)
                    return reason
            self._flush(opened)
            return None
        finally:
            try:
                opened.connection.close()
            except Exception:
                log.exception("feed %s: closing the connection failed", self.url.display)

    def _tick(self, talk: Conversation, data: bytes) -> list[Frame]:
        try:
            return talk.tick(time.monotonic())
        except Exception as error:
            log.exception("feed %s: the device dialogue failed", self.url.display)
            return [RejectedFrame(data, f"decoder failed: {type(error).__name__}: {error}")]

    def _talk(self, opened: OpenFeed, talk: Conversation, handed_on: bool) -> str | None:
        """Tell the dialogue how handing on went and write what it asks; the reason to reconnect, if any."""
        try:
            talk.handed_on(handed_on)
            if talk.broken:
                return talk.broken
            for data in talk.replies():
                opened.connection.write(data)
        except FeedDisconnected as error:
            return str(error)
        except Exception as error:
            log.exception("feed %s: the device dialogue failed", self.url.display)
            return f"the device dialogue failed: {type(error).__name__}: {error}"
        return None

    def _send(self, opened: OpenFeed, talk: Conversation, sender: Sender) -> str | None:
        """Give the device what the outbox holds, if it is time and the device is free; then write
        what that asks at once. The reason to reconnect, if any."""
        now = time.monotonic()
        if now < self._take_paused_until:
            return None
        if not self._wake.is_set() and now - self._last_take < TAKE_EVERY:
            return None
        try:
            if not sender.can_send():
                return None
        except Exception:
            log.exception("feed %s: the device dialogue failed", self.url.display)
            return None
        assert self._take is not None
        self._wake.clear()
        self._last_take = now
        try:
            messages = self._take(sender.sends, TAKE_LIMIT)
        except Exception as error:  # the database away, or a defect: never the end of the feed
            self._take_paused_until = now + TAKE_RETRY
            why = f"{type(error).__name__}: {error}"
            if why != self._take_failing:
                log.warning("feed %s: the outbox cannot be read (%s); trying again", self.url.display, why)
            self._take_failing = why
            return None
        self._take_failing = ""
        if not messages:
            return None
        frames: list[Frame] = []
        at = self._clock.now()
        for message in messages:
            frames += self._give(sender, message, at)
        handed_on = self._deliver(frames, at)
        return self._talk(opened, talk, handed_on)

    def _give(self, sender: Sender, message: OutboxView, at: datetime) -> list[Frame]:
        dial = message.kind is OutboxKind.DIAL
        waited = (at - message.queued_at).total_seconds()
        if dial and waited > DIAL_WITHIN:
            why = f"not dialled: asked {waited:.0f} s ago, longer than the operator waits ({DIAL_WITHIN:g} s)"
            return [OutboxFrame(message.id, SendOutcome.FAILED, why, b"")]
        outgoing = Outgoing(
            outbox_id=message.id,
            to_number=message.to_number,
            text="" if dial else message.text,
            extension=message.from_extension,
            context=message.text if dial else "",
            caller_id=f"112 {message.incident_number}".strip(),
        )
        try:
            return sender.send(outgoing)
        except Exception as error:
            log.exception("feed %s: sending outbox message %d failed", self.url.display, message.id)
            return [OutboxFrame(message.id, SendOutcome.UNSENT, f"{type(error).__name__}: {error}", b"")]

    def _flush(self, opened: OpenFeed) -> None:
        try:
            frames = opened.decoder.flush()
        except Exception as error:
            log.exception("feed %s: the decoder failed at a disconnect", self.url.display)
            frames = [RejectedFrame(b"", f"decoder failed at the end: {type(error).__name__}: {error}")]
        now = self._clock.now()
        self._deliver(frames, now)
        self._hand_on(self.garbage.summary(self.url.display, now))

    def _deliver(self, frames: Sequence[Frame], received_at: datetime) -> bool:
        """Hand ``frames`` on; False when the sink refused them (a modem then keeps its messages)."""
        if not frames:
            return True
        feed = self.url.display
        received: list[Received] = []
        for frame in frames:
            if isinstance(frame, RejectedFrame):
                rejected = RejectedSignal(feed, received_at, frame.raw, frame.reason)
            else:
                what = _WHAT.get(type(frame), "a frame")
                try:
                    received.append(self._signal_of(frame, feed, received_at))
                    continue
                except Exception as error:
                    log.exception("feed %s: a decoded frame could not be made %s", feed, what)
                    rejected = RejectedSignal(
                        feed, received_at, frame.raw, f"not {what}: {type(error).__name__}: {error}"
                    )
            received.extend(self.garbage.admit(feed, rejected))
        handed_on = self._hand_on(received)
        self._health = replace(self._health, last_frame_at=received_at, rejected_dropped=self.garbage.dropped)
        self._call_on_health()
        return handed_on

    def _signal_of(self, frame: Frame, feed: str, at: datetime) -> Received:
        """A decoded frame as the services take it (every number through phonenumbers here)."""
        region, describe = self._region, self._describe
        if isinstance(frame, DecodedFrame):
            return to_signal(frame, feed, at, region, describe=describe)
        if isinstance(frame, LocationFrame):
            return to_location(frame, feed, at, region, describe=describe)
        if isinstance(frame, TextMessageFrame):
            number = parse_caller_number(frame.sender_raw, region, describe=describe)
            return TextMessageSignal(feed, at, number, frame.text, frame.raw)
        if isinstance(frame, DeliveryFrame):
            recipient = parse_caller_number(frame.recipient_raw, region, describe=False)
            return DeliverySignal(
                feed, at, frame.reference, frame.status, recipient, frame.discharged_at, frame.raw
            )
        assert isinstance(frame, OutboxFrame)
        return OutboxSignal(
            feed, at, frame.outbox_id, OutboxOutcome(frame.outcome.value), frame.detail, frame.raw
        )

    def _hand_on(self, received: Sequence[Received]) -> bool:
        """To the sink: all the frames of one read at once when it takes them so, else one by one.
        False when it refused any."""
        if not received:
            return True
        together = getattr(self._sink, "frames", None)
        try:
            if together is not None:
                together(received)
                return True
        except Exception:
            log.exception("feed %s: the sink refused %d frames", self.url.display, len(received))
            return False
        handed_on = True
        for item in received:
            try:
                if isinstance(item, RejectedSignal):
                    self._sink.rejected(item.feed, item.raw, item.reason, item.received_at)
                elif isinstance(item, TextMessageSignal):
                    # A sink that stores nothing (listen) shows it as before: no position.
                    self._sink.rejected(item.feed, item.raw, NOT_AML, item.received_at)
                elif isinstance(item, DeliverySignal):
                    why = f"a delivery report (reference {item.reference}, status {item.status})"
                    self._sink.rejected(item.feed, item.raw, why, item.received_at)
                elif isinstance(item, OutboxSignal):
                    continue  # only a runner that takes from the outbox makes them
                elif isinstance(item, LocationSignal):
                    # A sink without location() shows positions with its calls (listen.signal_json
                    # writes either).
                    show: Any = getattr(self._sink, "location", None) or self._sink.signal
                    show(item)
                else:
                    self._sink.signal(item)
            except Exception:
                log.exception("feed %s: the sink refused a frame", self.url.display)
                handed_on = False
        return handed_on

    def _wait_to_retry(self, reason: str) -> None:
        delay = self._backoff.next()
        self._report(FeedState.DOWN, reason, retry_in=delay)
        self._stop.wait(delay)

    def _report(self, state: FeedState, detail: str, retry_in: float | None = None) -> None:
        previous = self._health
        since = previous.since if previous.state is state else self._clock.now()
        self._health = replace(previous, state=state, since=since, detail=detail, retry_in=retry_in)
        self._call_on_health()

    def _call_on_health(self) -> None:
        try:
            self._on_health(self._health)
        except Exception:
            log.exception("feed %s: a health listener failed", self.url.display)
