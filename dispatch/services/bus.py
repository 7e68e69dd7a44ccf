"""Change notices, announced after a transaction commits.

Plain Python callbacks, so that services stay free of Qt; the UI bridges them to a Qt signal (which
also carries a notice from a feed thread safely to the GUI thread). A multi-console set-up will feed
the same bus from PostgreSQL LISTEN/NOTIFY.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    CALLS = "calls"
    INCIDENTS = "incidents"
    NOTES = "notes"
    UNITS = "units"
    FEED = "feed"
    CALLBACKS = "callbacks"
    NUMBER_FLAGS = "number_flags"
    #: Duty shifts, their pass-down and handover reports (issue 11).
    SHIFTS = "shifts"
    #: Quality-review draws and scores.
    REVIEWS = "reviews"
    #: Training sessions, their calls, the simulated callers' lines and scores (issue 12).
    TRAINING = "training"


@dataclass(frozen=True)
class Change:
    topic: Topic
    ids: tuple[int, ...] = ()


Listener = Callable[[Change], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, *changes: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for change in changes:
            for listener in listeners:
                listener(change)
