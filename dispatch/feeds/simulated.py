"""The built-in feed of synthetic Indonesian callers, for training and for a first run.

Calls ring at random intervals (``rate`` a minute); one left ringing hangs up after the caller's
patience and becomes abandoned, as a real caller would. Runs on the GUI thread: one short write
per call, as ARCHITECTURE.md allows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dispatch.domain.enums import CallState
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.feeds.urls import SimFeedUrl
from dispatch.services import calls, queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from dispatch.simulator.callers import CallerGenerator, SimulatedCaller


class SimulatedFeed(QObject):
    """Signals: ``call_rang(CallView)`` after a simulated call is stored."""

    call_rang = Signal(object)

    def __init__(
        self, ctx: ServiceContext, generator: CallerGenerator, url: SimFeedUrl, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx.as_system()
        self._generator = generator
        self._url = url
        # Each simulated call carries its own id, as a PBX would: the same prankster may ring twice.
        self._callers: dict[int, tuple[SimulatedCaller, str]] = {}
        self._serial = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)

    @property
    def url(self) -> str:
        return str(self._url)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._schedule()

    def stop(self) -> None:
        self._timer.stop()

    def caller_for(self, call_id: int) -> SimulatedCaller | None:
        """What the simulated caller says, for the trainee's script line."""
        found = self._callers.get(call_id)
        return None if found is None else found[0]

    def ring(self) -> CallView:
        """Let one simulated caller ring now."""
        caller = self._generator.next_caller()
        self._serial += 1
        call_id = f"sim-{self._url.seed}-{self._serial}"
        view = calls.record_signal(self._ctx, self._signal(SignalKind.INCOMING, caller, call_id))
        assert view is not None
        self._callers[view.id] = (caller, call_id)
        QTimer.singleShot(int(caller.ring_seconds * 1000), self, lambda: self._give_up(view.id))
        self.call_rang.emit(view)
        return view

    @Slot()
    def _on_timer(self) -> None:
        self.ring()
        self._schedule()

    def _schedule(self) -> None:
        seconds = self._generator.next_interval(self._url.rate_per_minute)
        self._timer.start(max(250, int(seconds * 1000)))

    def _give_up(self, call_id: int) -> None:
        found = self._callers.get(call_id)
        if found is None:
            return
        caller, external_id = found
        current = queries.call(self._ctx, call_id)
        if current is not None and current.state is CallState.RINGING:
            calls.record_signal(self._ctx, self._signal(SignalKind.ENDED, caller, external_id))

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
