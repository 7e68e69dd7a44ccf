"""The built-in feed of synthetic Indonesian callers, for training and for a first run: a pure driver.

Calls ring at random intervals (``rate`` a minute); one left ringing hangs up after the caller's
patience and becomes abandoned, as a real caller would. Nothing here keeps time by itself: whoever
runs it calls ``advance()`` (the window, every second; a test, after moving its clock), and what is
due by the injected clock happens then. Every event goes to the same sink as a hardware feed's
(``services.feeds.StoreSink``): stored first, then shown.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from dispatch.domain.enums import CallState
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import queries
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import StoreSink
from dispatch.services.snapshots import CallView
from dispatch.simulator.callers import CallerGenerator, SimulatedCaller

#: The shortest pause between two simulated calls.
SHORTEST_INTERVAL = timedelta(milliseconds=250)


class SimulatorUrl(Protocol):
    """What the driver needs of a ``sim://`` URL (``dispatch.feeds.urls.SimFeedUrl``)."""

    @property
    def seed(self) -> int: ...

    @property
    def rate_per_minute(self) -> float: ...


class SignalSink(Protocol):
    def signal(self, signal: CallSignal) -> CallView | None: ...


class SimulatedFeed:
    """Rings simulated callers when ``advance()`` finds them due (see the module docstring)."""

    def __init__(
        self,
        ctx: ServiceContext,
        generator: CallerGenerator,
        url: SimulatorUrl,
        sink: SignalSink | None = None,
    ) -> None:
        self._ctx = ctx.as_system()
        self._generator = generator
        self._url = url
        self._sink: SignalSink = sink or StoreSink(self._ctx)
        # Each simulated call carries its own id, as a PBX would: the same prankster may ring twice.
        self._callers: dict[int, tuple[SimulatedCaller, str]] = {}
        self._serial = 0
        self._next_ring: datetime | None = None
        self._give_ups: list[tuple[datetime, int]] = []

    @property
    def url(self) -> str:
        return str(self._url)

    @property
    def running(self) -> bool:
        return self._next_ring is not None

    def start(self) -> None:
        self._schedule(self._ctx.clock.now())

    def stop(self) -> None:
        self._next_ring = None

    def seconds_until_due(self) -> float | None:
        """How long until the next thing is due (None when stopped), for a driver that sleeps."""
        if self._next_ring is None:
            return None
        due = min([self._next_ring, *(at for at, _ in self._give_ups)])
        return max(0.0, (due - self._ctx.clock.now()).total_seconds())

    def advance(self) -> list[CallView]:
        """Do what is due by now: callers whose patience ran out hang up, new callers ring."""
        if self._next_ring is None:
            return []
        now = self._ctx.clock.now()
        due = sorted(item for item in self._give_ups if item[0] <= now)
        self._give_ups = [item for item in self._give_ups if item[0] > now]
        for _at, call_id in due:
            self._give_up(call_id)
        rang = []
        if self._next_ring <= now:
            rang.append(self.ring())
            self._schedule(now)  # one at a time: a window that slept does not ring a backlog
        return rang

    def caller_for(self, call_id: int) -> SimulatedCaller | None:
        """What the simulated caller says, for the trainee's script line."""
        found = self._callers.get(call_id)
        return None if found is None else found[0]

    def ring(self) -> CallView:
        """Let one simulated caller ring now."""
        caller = self._generator.next_caller()
        self._serial += 1
        call_id = f"sim-{self._url.seed}-{self._serial}"
        view = self._sink.signal(self._signal(SignalKind.INCOMING, caller, call_id))
        assert view is not None
        self._callers[view.id] = (caller, call_id)
        self._give_ups.append((self._ctx.clock.now() + timedelta(seconds=caller.ring_seconds), view.id))
        return view

    def _schedule(self, after: datetime) -> None:
        seconds = self._generator.next_interval(self._url.rate_per_minute)
        self._next_ring = after + max(SHORTEST_INTERVAL, timedelta(seconds=seconds))

    def _give_up(self, call_id: int) -> None:
        found = self._callers.get(call_id)
        if found is None:
            return
        caller, external_id = found
        current = queries.call(self._ctx, call_id)
        if current is not None and current.state is CallState.RINGING:
            self._sink.signal(self._signal(SignalKind.ENDED, caller, external_id))

    def _signal(self, kind: SignalKind, caller: SimulatedCaller, call_id: str) -> CallSignal:
        raw = f"{kind.value} NMBR={caller.number_raw} NAME={caller.name or ''}".encode()
        return CallSignal(
            kind=kind,
            feed=self.url,
            received_at=self._ctx.clock.now(),
            number=parse_caller_number(caller.number_raw),
            raw=raw,
            line="1",
            name=caller.name,
            call_id=call_id,
        )
