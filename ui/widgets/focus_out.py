"""Run a callback when a widget loses the keyboard focus (a field saves as it is left)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject


class FocusOutFilter(QObject):
    """Installed on a widget (and parented to it), calls ``callback`` on every focus-out."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False
