"""Garbage is collected on the GUI thread only (ui/gui_collector.py)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.gui_collector import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    was_enabled = gc.isenabled()
    found = GuiThreadCollector(interval_ms=10)
    found.start()
    yield found
    found.stop()
    if not was_enabled:
        gc.disable()


def test_a_cycle_made_on_another_thread_is_freed_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled()  # no thread collects by itself
    freed_on: list[str] = []
    refs: list[weakref.ref[_Cycle]] = []

    def make_garbage() -> None:
        for _ in range(3 * collector.thresholds[0]):  # past generation 0's threshold
            cycle = _Cycle()
            refs.append(weakref.ref(cycle, lambda _r: freed_on.append(threading.current_thread().name)))

    worker = threading.Thread(target=make_garbage, name="feed-runner")
    worker.start()
    worker.join()
    assert not freed_on  # nothing was collected on the worker
    qtbot.waitUntil(lambda: len(freed_on) == len(refs), timeout=2000)
    assert set(freed_on) == {threading.main_thread().name}
    assert collector.collections >= 1


def test_stopping_turns_automatic_collection_back_on(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    collector.start()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
