"""Carries the services' change notices into Qt, on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from dispatch.services.bus import Change, ChangeBus


class ChangeBridge(QObject):
    """Signals: ``changed(Change, bool)``, always delivered on the thread this object was made in
    (the GUI thread); the flag says the change was published on another thread (a feed's storer, a
    background check) rather than by this thread's own action.

    Notices from other threads wait in a list and cross over together: one queued call per turn of
    the event loop, however many came meanwhile. (One queued call per notice meant, during a burst
    of calls, a wake-up of the GUI thread and a take of the GIL for each: two a commit.)
    """

    changed = Signal(object, bool)
    _arrived = Signal()  # emitted from other threads: queued to this object's thread

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = threading.get_ident()
        self._lock = threading.Lock()
        self._waiting: list[Change] = []
        self._arrived.connect(self._deliver)
        self._unsubscribe = bus.subscribe(self._relay)

    def _relay(self, change: Change) -> None:
        if threading.get_ident() == self._home:
            self.changed.emit(change, False)
            return
        with self._lock:
            first = not self._waiting
            self._waiting.append(change)
        if first:
            self._arrived.emit()  # queued (AutoConnection across threads)

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            changes, self._waiting = self._waiting, []
        for change in changes:
            self.changed.emit(change, True)

    def close(self) -> None:
        self._unsubscribe()
