"""Reads that can be slow (a shift's log, a period's figures), run off the GUI thread.

One worker thread per reader, one read at a time; a request made while another is waiting or
running makes it out of date: a read not yet started is skipped, and the result of one that was
running is dropped when it arrives, so that the screen shows what was asked last (typing a filter
fast asks many times). Results and errors arrive on the GUI thread through the event queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class LatestReader(QObject):
    """Signals: ``settled()`` after the latest request's result or error was delivered."""

    settled = Signal()
    #: (request number, result, error) from the worker, compared with the latest number here.
    _finished = Signal(int, object, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._number = 0
        self._delivered = 0
        self._closed = False
        self._callbacks: tuple[Callable[[Any], None], Callable[[BaseException], None]] | None = None
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """A request has not been answered yet."""
        return self._delivered != self._number

    def request(
        self,
        read: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``read`` on the worker; ``done(result)`` or ``failed(error)`` on this thread after, unless
        another request came meanwhile."""
        if self._closed:
            return
        self._number += 1
        self._callbacks = (done, failed)
        self._worker.submit(self._run, self._number, read)

    def close(self) -> None:
        """Let a running read finish; nothing more is delivered."""
        self._closed = True
        self._worker.shutdown(wait=True, cancel_futures=True)

    def _run(self, number: int, read: Callable[[], Any]) -> None:
        if number != self._number:
            return  # overtaken before it began: the newer request reads instead
        try:
            result = read()
        except Exception as error:  # delivered to the presenter, which says it on screen
            if not isinstance(error, ValueError):
                log.exception("A background read failed")
            self._finished.emit(number, None, error)
            return
        self._finished.emit(number, result, None)

    def _deliver(self, number: int, result: object, error: object) -> None:
        if self._closed or number != self._number or self._callbacks is None:
            return
        self._delivered = number
        done, failed = self._callbacks
        if isinstance(error, BaseException):
            failed(error)
        else:
            done(result)
        self.settled.emit()
