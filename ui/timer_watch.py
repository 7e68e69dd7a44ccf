"""Overdue-timer checks off the GUI thread.

A check reads the open calls, incidents and units and writes the alerts it raises or clears; with
hundreds of incidents that is tens of milliseconds of database and Python work every second, which
on the GUI thread stalled the boards (bench/bench_boards.py). It runs on one worker thread instead,
one check at a time, and the window shows the result when it arrives.

A result arrives through the event queue, after whatever the GUI thread did meanwhile: a check made
there since (``check_now``, after an acknowledgement) is newer, and the older result is dropped rather
than bring back the alert just acknowledged.

On a live centre's console (``raise_alerts=False``) the gateway raises and clears the alerts; the
watch only reads the open ones (``alerts.open_alerts``), when asked (a ``Topic.ALERTS`` notice).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from dispatch.domain.timers import TimerThresholds
from dispatch.services import alerts, aml, outbox
from dispatch.services.alerts import AlertView
from dispatch.services.context import ServiceContext
from dispatch.services.uow import DatabaseUnavailable, classify

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
        self,
        ctx: ServiceContext,
        thresholds: TimerThresholds,
        parent: QObject | None = None,
        raise_alerts: bool = True,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._thresholds = thresholds
        #: False: only read the open alerts (a centre's gateway raises them).
        self.raise_alerts = raise_alerts
        #: A request came while a check ran: the worker checks again when it is done.
        self._again = threading.Event()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timer-watch")
        self._running: Future[None] | None = None
        self._closed = False
        #: Bumped by every check_now: a background check started before it is out of date.
        self._number = 0
        self._finished.connect(self._deliver)

    def request(self, follow_up: bool = False) -> bool:
        """Start a check unless one is still running (then this second is skipped; with
        ``follow_up``, another check follows the running one: what changed meanwhile is read);
        True if started."""
        if self._closed:
            return False
        if self._running is not None and not self._running.done():
            if follow_up:
                self._again.set()
            return False
        self._running = self._worker.submit(self._check, self._number)
        return True

    def check_now(self) -> list[AlertView]:
        """The same check on the calling (GUI) thread; results of earlier background checks not yet
        delivered are dropped."""
        self._number += 1
        self.wait()
        return self._run_check()

    def _run_check(self) -> list[AlertView]:
        if self.raise_alerts:
            # The alerts a person acknowledges that no timer raises ride along: handset positions
            # that matched no call (raised when the message was stored, by whichever process), and
            # SMS or dials that failed, were not delivered, or no feed takes.
            return (
                alerts.check_timers(self._ctx, self._thresholds)
                + aml.open_unmatched_alerts(self._ctx)
                + outbox.open_failure_alerts(self._ctx)
            )
        try:
            return (
                alerts.open_alerts(self._ctx)
                + aml.open_unmatched_alerts(self._ctx)
                + outbox.open_failure_alerts(self._ctx)
            )
        except DatabaseUnavailable:
            raise
        except Exception as error:
            unavailable = classify(error)  # a read meets a database gone away as a driver error
            if unavailable is None:
                raise
            raise unavailable from error

    def wait(self) -> None:
        running = self._running
        if running is not None:
            running.result()

    def close(self) -> None:
        """Let a running check finish (it may be writing) and stop the worker."""
        self._closed = True
        self._worker.shutdown(wait=True)

    def _check(self, number: int) -> None:
        while True:
            self._again.clear()
            self._check_once(number)
            if not self._again.is_set() or self._closed:
                return

    def _check_once(self, number: int) -> None:
        try:
            found = self._run_check()
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
