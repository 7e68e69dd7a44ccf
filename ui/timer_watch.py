"""Overdue-timer checks off the GUI thread.

A check reads the open calls, incidents and units and writes the alerts it raises or clears; with
hundreds of incidents that is tens of milliseconds of database and Python work every second, which
on the GUI thread stalled the boards (bench/bench_boards.py). It runs on one worker thread instead,
one check at a time, and the window shows the result when it arrives.

A result arrives through the event queue, after whatever the GUI thread did meanwhile: a check made
there since (``check_now``, after an acknowledgement) is newer, and the older result is dropped rather
than bring back the alert just acknowledged.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from dispatch.domain.timers import TimerThresholds
from dispatch.services import alerts
from dispatch.services.alerts import AlertView
from dispatch.services.context import ServiceContext
from dispatch.services.uow import DatabaseUnavailable

log = logging.getLogger(__name__)


class TimerWatch(QObject):
    """Signals: ``checked(list[AlertView])`` after each check not overtaken by a ``check_now``;
    ``busy()`` when the database was locked; ``failed(str)`` when the check raised anything else (it
    is logged; the next request checks again).

    All are delivered on this object's (the GUI) thread.
    """

    checked = Signal(object)
    busy = Signal()
    failed = Signal(str)
    #: (check number, alerts) from the worker, to be compared with the latest number on this thread.
    _finished = Signal(int, object)

    def __init__(
        self, ctx: ServiceContext, thresholds: TimerThresholds, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._thresholds = thresholds
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timer-watch")
        self._running: Future[None] | None = None
        self._closed = False
        #: Bumped by every check_now: a background check started before it is out of date.
        self._number = 0
        self._finished.connect(self._deliver)

    def request(self) -> bool:
        """Start a check unless one is still running (then this second is skipped); True if started."""
        if self._closed or (self._running is not None and not self._running.done()):
            return False
        self._running = self._worker.submit(self._check, self._number)
        return True

    def check_now(self) -> list[AlertView]:
        """The same check on the calling (GUI) thread; results of earlier background checks not yet
        delivered are dropped."""
        self._number += 1
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

    def _check(self, number: int) -> None:
        try:
            found = alerts.check_timers(self._ctx, self._thresholds)
        except DatabaseUnavailable:
            # Another console or program holding the database (the unit of work already retried
            # and logged it): said in the status line, tried again next second, no traceback.
            self.busy.emit()
            return
        except Exception as error:  # nobody reads the Future: say so, and check again next second
            log.exception("Overdue-timer check failed")
            self.failed.emit(str(error) or type(error).__name__)
            return
        self._finished.emit(number, found)

    def _deliver(self, number: int, found: list[AlertView]) -> None:
        if number == self._number:
            self.checked.emit(found)
