"""The window's view of the feed supervisor (``dispatch.feeds.supervisor``): a thin Qt adapter.

The supervisor runs the feeds, their spools, the alarm rules and the outage records on threads of
its own, without Qt. Its change reports arrive here through a queued Qt signal, so ``health`` and
``alarms`` are read and ``health_changed`` / ``alarms_changed`` emitted on the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from dispatch.feeds.runner import FeedHealth
from dispatch.feeds.supervisor import DOWN_ALARM_AFTER, FeedAlarm, FeedSupervisor, spool_dir_for
from dispatch.feeds.urls import FeedUrl
from dispatch.services.context import ServiceContext
from ui.settings import data_dir

ALARM_AFTER = DOWN_ALARM_AFTER

__all__ = ["ALARM_AFTER", "FeedAlarm", "FeedMonitor"]


class FeedMonitor(QObject):
    """Signals: ``health_changed(FeedHealth)`` on the GUI thread; ``alarm_raised(FeedAlarm)``;
    ``alarms_changed()`` when an alarm is raised or acknowledged."""

    health_changed = Signal(object)
    alarm_raised = Signal(object)
    alarms_changed = Signal()
    _reported = Signal()  # from the supervisor's threads

    def __init__(
        self,
        ctx: ServiceContext,
        urls: list[FeedUrl],
        region: str,
        parent: QObject | None = None,
        spool_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        if spool_dir is None:
            spool_dir = spool_dir_for(ctx.database.url, data_dir())
        self.supervisor = FeedSupervisor(ctx, urls, spool_dir, region)
        self.health: dict[str, FeedHealth] = self.supervisor.health
        self.alarms: list[FeedAlarm] = []
        self._reported.connect(self._on_report)
        # One queued report at a time: a runner reports each frame, and a burst of 200 calls a
        # second woke the GUI thread (and took the GIL) for each (bench/bench_feeds.py).
        self._report_queued = threading.Event()
        self.supervisor.subscribe(self._report_soon)

    def start(self) -> None:
        self.supervisor.start()

    def stop(self) -> None:
        self.supervisor.stop()

    def _report_soon(self) -> None:
        """From the supervisor's threads."""
        if not self._report_queued.is_set():
            self._report_queued.set()
            self._reported.emit()

    @Slot()
    def _on_report(self) -> None:
        self._report_queued.clear()  # a report after this point queues another call
        health = self.supervisor.health
        for name, now in health.items():
            if self.health.get(name) != now:
                self.health[name] = now
                self.health_changed.emit(now)
        alarms = self.supervisor.alarms
        if [id(a) for a in alarms] != [id(a) for a in self.alarms]:
            new = [alarm for alarm in alarms if all(alarm is not seen for seen in self.alarms)]
            self.alarms = alarms
            for alarm in new:
                self.alarm_raised.emit(alarm)
            self.alarms_changed.emit()

    @Slot()
    def check_alarms(self) -> None:
        """Apply the rules now (the supervisor's own thread does so every second)."""
        self.supervisor.check()
        self._on_report()

    def acknowledge(self, ctx: ServiceContext) -> list[FeedAlarm]:
        """The user (``ctx``) has seen every open alarm; recorded as acknowledged (now, or as soon as
        the database accepts writes again)."""
        done = self.supervisor.acknowledge(ctx)
        self._on_report()
        return done
