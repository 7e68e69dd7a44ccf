"""Runs the configured feeds for the window and watches their health.

Each feed runs on its own thread (``dispatch.feeds.runner``); its health reports cross to the GUI
thread through a queued Qt signal. A feed down for more than ``ALARM_AFTER`` raises an alarm that
someone must acknowledge; every outage is recorded for the handover report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dispatch.feeds.runner import FeedHealth, FeedRunner, FeedState
from dispatch.feeds.urls import FeedUrl
from dispatch.services import feeds
from dispatch.services.context import ServiceContext

ALARM_AFTER = timedelta(seconds=30)


@dataclass
class FeedAlarm:
    feed: str
    alert_id: int
    down_since: datetime


class FeedMonitor(QObject):
    """Signals: ``health_changed(FeedHealth)`` on the GUI thread; ``alarm_raised(FeedAlarm)``;
    ``alarms_changed()`` when an alarm is raised or acknowledged."""

    health_changed = Signal(object)
    alarm_raised = Signal(object)
    alarms_changed = Signal()
    _reported = Signal(object)  # from feed threads

    def __init__(
        self, ctx: ServiceContext, urls: list[FeedUrl], region: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runners = [
            FeedRunner(url, feeds.StoreSink(ctx), ctx.clock, region, on_health=self._reported.emit)
            for url in urls
        ]
        self.health: dict[str, FeedHealth] = {r.url.display: r.health for r in self._runners}
        self.alarms: dict[str, FeedAlarm] = {}
        self._down_since: dict[str, datetime] = {}
        self._alarmed: set[str] = set()  # feeds alarmed during their current outage
        self._reported.connect(self._on_report)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check_alarms)

    def start(self) -> None:
        for runner in self._runners:
            runner.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        for runner in self._runners:
            runner.stop()

    @Slot(object)
    def _on_report(self, health: FeedHealth) -> None:
        previous = self.health.get(health.feed)
        self.health[health.feed] = health
        if health.state is FeedState.DOWN and health.feed not in self._down_since:
            self._down_since[health.feed] = health.since
        elif health.state is FeedState.UP and health.feed in self._down_since:
            del self._down_since[health.feed]
            self._alarmed.discard(health.feed)
        if previous != health:
            self.health_changed.emit(health)

    @Slot()
    def check_alarms(self) -> None:
        now = self._ctx.clock.now()
        for feed, since in list(self._down_since.items()):
            if feed not in self._alarmed and now - since >= ALARM_AFTER:
                self._alarmed.add(feed)
                alert_id = feeds.raise_feed_alarm(self._ctx, feed, since)
                alarm = FeedAlarm(feed, alert_id, since)
                self.alarms[feed] = alarm
                self.alarm_raised.emit(alarm)
                self.alarms_changed.emit()

    def acknowledge(self, ctx: ServiceContext) -> list[FeedAlarm]:
        """The user (``ctx``) has seen every open alarm; they are recorded as acknowledged."""
        done = list(self.alarms.values())
        for alarm in done:
            feeds.acknowledge_alert(ctx, alarm.alert_id)
        self.alarms.clear()
        if done:
            self.alarms_changed.emit()
        return done
