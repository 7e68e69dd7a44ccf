"""The console's view of its centre's gateway (``dispatch-console gateway``): its feeds, its feed alarms
and its silence.

A console of a live centre (``session.centre``) runs no feeds: the gateway does, and writes its
heartbeat with its feeds' health (``dispatch.services.gateway_status``). ``GatewayFeeds`` offers the
window what ``FeedMonitor`` offers for feeds run in the console (``health`` and ``health_changed``,
``alarms``, ``alarms_changed`` and ``acknowledge``), read from the database on a worker thread of its
own (a read never waits on the GUI thread for a database that is away) every second and on every
``Topic.GATEWAY``, ``ALERTS`` or ``FEED`` notice; and ``silence``, evaluated every second from the
last heartbeat read: a gateway without a heartbeat for over 10 s, stopped, or none at all
(``dispatch.domain.gateway.silences``). ``silence_changed`` is emitted when that begins, ends or
concerns other gateways.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dispatch.domain.gateway import FeedHealthView, GatewayView, Silence, gateway_silent, silences
from dispatch.feeds.runner import FeedHealth, FeedState
from dispatch.feeds.supervisor import FeedAlarm
from dispatch.services import alerts, gateway_status
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import FeedAlarmKind
from dispatch.services.gateway_status import FeedAlertView

log = logging.getLogger(__name__)

#: The kind of the standing alert a console shows while its gateway is silent (not a row).
GATEWAY_SILENT_ALERT = "gateway_silent"
#: The topics whose notices make the console read the gateway's rows again at once.
TOPICS = frozenset({Topic.GATEWAY, Topic.ALERTS, Topic.FEED})
READ_INTERVAL_MS = 1000


@dataclass(frozen=True)
class _Read:
    """What one read found, or why it failed (``error``)."""

    gateways: list[GatewayView] | None
    alerts: list[FeedAlertView] | None
    error: str = ""


def feed_health(view: FeedHealthView) -> FeedHealth:
    """A stored feed's health as the status line reads a running feed's (the same fields; the
    state from its text, ``dispatch.gateway.health_json``)."""
    return FeedHealth(**{**dataclasses.asdict(view), "state": FeedState(view.state)})


def feed_alarm(alert: FeedAlertView) -> FeedAlarm | None:
    """A gateway's feed alarm as the alarm bar shows a console's own (None for a kind unknown here)."""
    try:
        kind = FeedAlarmKind(alert.kind)
    except ValueError:
        return None
    return FeedAlarm(alert.feed, kind, alert.since, alert.raised_at, alert.detail, alert_id=alert.id)


class GatewayFeeds(QObject):
    """Signals, all on the GUI thread: ``health_changed(FeedHealth)``; ``alarm_raised(FeedAlarm)``;
    ``alarms_changed()``; ``silence_changed()``."""

    health_changed = Signal(object)
    alarm_raised = Signal(object)
    alarms_changed = Signal()
    silence_changed = Signal()
    _read_done = Signal(object)  # from the worker
    _noticed = Signal()  # a notice from any thread

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.health: dict[str, FeedHealth] = {}
        #: Which gateway runs each feed shown.
        self.feed_gateway: dict[str, str] = {}
        self.alarms: list[FeedAlarm] = []
        self.gateways: list[GatewayView] = []
        self.silence: tuple[Silence, ...] = ()
        #: When the gateways were last read (None before the first read that succeeded: until then
        #: nothing is said about them).
        self.read_at: datetime | None = None
        #: Why the last read failed ("" when it succeeded).
        self.read_error = ""
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gateway-view")
        self._running: Future[None] | None = None
        self._again = threading.Event()
        self._closed = False
        self._read_done.connect(self._apply)
        # One queued call for the notices that came meanwhile: a burst of them (rejected frames from
        # a feed sending garbage, say) must not wake the GUI thread for each.
        self._notice_queued = threading.Event()
        self._noticed.connect(self._on_noticed)
        self._timer = QTimer(self)
        self._timer.setInterval(READ_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self._unsubscribe = ctx.bus.subscribe(self._on_change)

    # -- running -----------------------------------------------------------------------------------

    def start(self) -> None:
        self._timer.start()
        self.refresh()

    def stop(self) -> None:
        """Stop reading (idempotent); a read under way finishes first."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._unsubscribe()
        self._worker.shutdown(wait=True)

    def _on_change(self, change: Change) -> None:
        """From any thread (a change feed's, a storer's, this one's own actions)."""
        if change.topic in TOPICS and not self._notice_queued.is_set():
            self._notice_queued.set()
            self._noticed.emit()

    @Slot()
    def _on_noticed(self) -> None:
        self._notice_queued.clear()  # a notice after this point queues another call
        self.refresh()

    @Slot()
    def tick(self) -> None:
        """The one-second tick: the silence as of now, and a fresh read."""
        self.evaluate()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the gateways and their alarms on the worker (again at once after a read under way)."""
        if self._closed:
            return
        if self._running is not None and not self._running.done():
            self._again.set()
            return
        self._running = self._worker.submit(self._read)

    def wait(self) -> None:
        """Until the reads asked for so far are shown (tests)."""
        while self._running is not None and not self._running.done():
            self._running.result()

    def _read(self) -> None:
        while True:
            self._again.clear()
            try:
                found = _Read(gateway_status.gateways(self._ctx), gateway_status.open_feed_alerts(self._ctx))
            except Exception as error:  # the database away: said in the tooltip, read again next second
                found = _Read(None, None, f"{type(error).__name__}: {error}"[:300])
            self._read_done.emit(found)
            if not self._again.is_set() or self._closed:
                return

    # -- what was read -----------------------------------------------------------------------------

    @Slot(object)
    def _apply(self, found: _Read) -> None:
        if found.gateways is None or found.alerts is None:
            if found.error != self.read_error:
                log.warning("the gateway's state could not be read: %s", found.error)
            self.read_error = found.error
            return
        if self.read_error:
            log.info("the gateway's state is read again")
        self.read_error = ""
        self.read_at = self._ctx.clock.now()
        self.gateways = found.gateways
        self._show_feeds(found.gateways)
        self._show_alarms(found.alerts)
        self.evaluate()

    def _show_feeds(self, views: list[GatewayView]) -> None:
        now = self._ctx.clock.now()
        named = {s.gateway for s in silences(views, now)}
        shown: dict[str, FeedHealth] = {}
        owners: dict[str, str] = {}
        # A retired gateway's feeds (silent for a day while another one beats) are no longer shown.
        for view in views:
            if gateway_silent(view, now) and view.name not in named:
                continue
            for feed in view.feeds:
                shown[feed.feed] = feed_health(feed)
                owners[feed.feed] = view.name
        before, self.health, self.feed_gateway = self.health, shown, owners
        for name, health in shown.items():
            if before.get(name) != health:
                self.health_changed.emit(health)
        for name in before.keys() - shown.keys():
            self.health_changed.emit(before[name])  # gone: the status line reads ``health`` again

    def _show_alarms(self, found: list[FeedAlertView]) -> None:
        alarms = [alarm for alarm in map(feed_alarm, found) if alarm is not None]
        if [a.alert_id for a in alarms] == [a.alert_id for a in self.alarms]:
            return
        known = {a.alert_id for a in self.alarms}
        self.alarms = alarms
        for alarm in alarms:
            if alarm.alert_id not in known:
                self.alarm_raised.emit(alarm)
        self.alarms_changed.emit()

    def evaluate(self, now: datetime | None = None) -> None:
        """The silence as of ``now`` (the clock's); ``silence_changed`` when it began, ended or
        concerns other gateways (not as its seconds go by)."""
        if self.read_at is None:
            return
        found = silences(self.gateways, now or self._ctx.clock.now())
        if [(s.gateway, s.stopped_at) for s in found] != [(s.gateway, s.stopped_at) for s in self.silence]:
            self.silence = found
            self.silence_changed.emit()
        else:
            self.silence = found

    # -- acknowledging -----------------------------------------------------------------------------

    def acknowledge(self, ctx: ServiceContext) -> list[FeedAlarm]:
        """The user (``ctx``) has seen the gateway's feed alarms: recorded now (the gateway drops them
        at its next heartbeat); the alarms acknowledged."""
        shown = {alarm.alert_id: alarm for alarm in self.alarms}
        done = alerts.acknowledge_alerts(ctx, [alert_id for alert_id in shown if alert_id is not None])
        if done:
            self.alarms = [alarm for alarm in self.alarms if alarm.alert_id not in done]
            self.alarms_changed.emit()
        return [shown[alert_id] for alert_id in done]
