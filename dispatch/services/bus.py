"""Change notices, announced after a transaction commits.

Plain Python callbacks, so that services stay free of Qt; the UI bridges them to a Qt signal (which
also carries a notice from a feed thread safely to the GUI thread). In a centre of several consoles on
PostgreSQL each unit of work also writes its notices as a change event (``encode_changes``; migration
0014) and the other processes' change feeds publish them on their own buses (``decode_changes``); a
bus skips the events of its own ``origin``, which it has published already.
"""

from __future__ import annotations

import json
import secrets
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
    #: Alerts raised, cleared or acknowledged (timers, feed alarms): in a centre the gateway raises
    #: them and every console shows them.
    ALERTS = "alerts"
    #: A gateway's heartbeat and feed health (``gateway_status``).
    GATEWAY = "gateway"
    #: Forwardings to agencies and their reports (issue 16).
    FORWARDINGS = "forwardings"
    #: The agency directory and the camera registry.
    DIRECTORY = "directory"
    #: Outbox entries queued, taken, sent, failed or delivered (the feeds that send wake on it).
    OUTBOX = "outbox"
    #: Files attached to incidents.
    FILES = "files"


@dataclass(frozen=True)
class Change:
    topic: Topic
    ids: tuple[int, ...] = ()


Listener = Callable[[Change], None]


#: More ids than this for one topic in one event are written as "the whole topic" (a roster load
#: names thousands of units; a reader reloads the topic instead).
MAX_EVENT_IDS = 1000


def encode_changes(changes: list[Change]) -> str:
    """The changes of one unit of work as a change event's JSON: ``[["calls", [1, 2]], ["units", []]]``
    (an empty list: the whole topic)."""
    rows = [[c.topic.value, list(c.ids) if len(c.ids) <= MAX_EVENT_IDS else []] for c in changes]
    return json.dumps(rows, separators=(",", ":"))


def decode_changes(text: str) -> list[Change]:
    """``encode_changes`` read back; a topic this console does not know (a newer console's) and any
    malformed part are left out, never raised: an event is a hint to re-read, not a record."""
    try:
        rows = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return []
    found: list[Change] = []
    if not isinstance(rows, list):
        return found
    for row in rows:
        if not (isinstance(row, list) and len(row) == 2 and isinstance(row[1], list)):
            continue
        try:
            topic = Topic(row[0])
        except ValueError:
            continue
        ids = tuple(i for i in row[1] if isinstance(i, int) and not isinstance(i, bool))
        if len(ids) != len(row[1]):
            ids = ()  # a malformed id: the whole topic is re-read
        found.append(Change(topic, ids))
    return found


class ChangeBus:
    """The notices of one process (one console, the gateway, a tool).

    ``origin`` names this bus in the change events its units of work write, so that its own change
    feed skips them (they were published here at the commit).
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self.origin = secrets.token_hex(8)

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
