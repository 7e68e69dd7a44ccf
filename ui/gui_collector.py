"""Garbage collection on the GUI thread only.

Python's cyclic collector runs on whichever thread happens to allocate past a threshold: a feed's
runner, the storer, the timer watch's worker. A cycle it frees there may hold a Qt object (a
presenter's lambda holding its widget), and a Qt object destroyed off the GUI thread while the GUI
thread paints it crashes the process without a Python traceback: the segfault seen once in a feed
burst (bench_feeds) and once in a real-X walkthrough while an area was picked (issue 10). So the
console turns the automatic collector off and collects here, on the GUI thread, when the counts say
a collection is due: what the automatic collector would have done, on the one thread where freeing
Qt objects is safe. (pyqtgraph's GarbageCollector does the same, for the same reason.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the counts are looked at (ms); a generation-0 pass over a few hundred objects takes
#: well under a millisecond.
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Automatic collection off (on every thread); this timer collects instead."""
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """The timer stops; automatic collection is on again (for the interpreter's exit)."""
        self._timer.stop()
        gc.enable()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold, as the collector would."""
        first, second, third = gc.get_count()
        generation = -1
        if first > self.thresholds[0]:
            generation = 0
            if second > self.thresholds[1]:
                generation = 1
                if third > self.thresholds[2]:
                    generation = 2
        if generation >= 0:
            gc.collect(generation)
            self.collections += 1
