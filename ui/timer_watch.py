"""Overdue-timer checks off the GUI thread.

A check reads the open calls, incidents and units and writes the alerts it raises or clears; with
hundreds of incidents that is tens of milliseconds of database and Python work every second, which
on the GUI thread stalled the boards (bench/bench_boards.py). It runs on one worker thread instead,
one check at a time, and the window shows the result when it arrives.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import OperationalError

from dispatch.domain.timers import TimerThresholds
from dispatch.services import alerts
from dispatch.services.alerts import AlertView
from dispatch.services.context import ServiceContext


class TimerWatch(QObject):
    """Signals: ``checked(list[AlertView])`` after each check; ``busy()`` when the database was locked.

    Both are emitted from the worker and delivered on this object's (the GUI) thread.
    """

    checked = Signal(object)
    busy = Signal()

    def __init__(
        self, ctx: ServiceContext, thresholds: TimerThresholds, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._thresholds = thresholds
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timer-watch")
        self._running: Future[None] | None = None
        self._closed = False

    def request(self) -> bool:
        """Start a check unless one is still running (then this second is skipped); True if started."""
        if self._closed or (self._running is not None and not self._running.done()):
            return False
        self._running = self._worker.submit(self._check)
        return True

    def check_now(self) -> list[AlertView]:
        """The same check on the calling thread (tests, screenshots)."""
        self.wait()
        return alerts.check_timers(self._ctx, self._thresholds)

    def wait(self) -> None:
        running = self._running
        if running is not None:
            running.result()

    def close(self) -> None:
        """Let a running check finish (it may be writing) and stop the worker."""
        self._closed = True
        self._worker.shutdown(wait=True)

    def _check(self) -> None:
        try:
            found = alerts.check_timers(self._ctx, self._thresholds)
        except OperationalError:
            self.busy.emit()
            return
        self.checked.emit(found)
