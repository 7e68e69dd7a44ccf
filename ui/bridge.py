"""Carries the services' change notices into Qt, on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from dispatch.services.bus import Change, ChangeBus


class ChangeBridge(QObject):
    """Signals: ``changed(Change)``, always delivered on the thread this object lives in."""

    changed = Signal(object)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = bus.subscribe(self._relay)

    def _relay(self, change: Change) -> None:
        # Emitting from a feed thread queues the signal to this object's thread (AutoConnection).
        self.changed.emit(change)

    def close(self) -> None:
        self._unsubscribe()
