"""The Qt binding must not lose references to None, True or False when it calls Python code.

PySide6 6.12.0 on Python 3.11 did, once per slot call: a console ticking once a second would
crash within a day ("Fatal Python error: none_dealloc"). This guards any upgrade of the binding.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    fired = Signal()
    flag = Signal(bool)

    @Slot()
    def slot(self) -> None:
        pass


def _references() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_slot_calls_keep_references(qapp: QApplication) -> None:
    emitter = _Emitter()
    emitter.fired.connect(emitter.slot)
    emitter.fired.connect(lambda: None)
    emitter.flag.connect(lambda _value: None)
    before = _references()
    for _ in range(2000):
        emitter.fired.emit()
        emitter.flag.emit(False)
    for _ in range(200):
        QTimer.singleShot(0, emitter, lambda: None)
    qapp.processEvents()
    after = _references()
    # A few references come and go with the interpreter's own work; a leak here is thousands.
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
