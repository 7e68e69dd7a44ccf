"""Alarms and overdue timers: the feed alarm bar, the overdue list, acknowledging (Ctrl+Shift+A).

Timer checks run on a worker thread (:class:`ui.timer_watch.TimerWatch`) every tick; a check that
cannot reach the database says so in the status line instead of leaving a list that stopped moving.

On a live centre's console (``session.centre``, not training) the gateway raises and clears the
alerts: no check runs here; the open alerts are read when a ``Topic.ALERTS`` notice arrives (and every
few seconds, a safety net), and acknowledging still works from here. While the gateway is silent a
standing alert says so (until its heartbeat returns, or someone acknowledges it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

from dispatch.services import alerts
from dispatch.services.alerts import AlertView
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceError
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.gateway_feeds import GATEWAY_SILENT_ALERT, GatewayFeeds
from ui.presenters.parts import Presenter, WindowParts
from ui.timer_watch import TimerWatch
from ui.widgets.alert_list import AlertList
from ui.widgets.fault_bar import FaultBar
from ui.widgets.status_line import feed_alarm_text

translate = QCoreApplication.translate

#: A live centre's console reads the open alerts every this many ticks even without a notice.
CENTRE_READ_TICKS = 5


class AlarmWork(Presenter):
    """Signals:
    alerts_appeared(): alerts are shown where there were none (the window may give them room).
    """

    alerts_appeared = Signal()

    def __init__(
        self,
        parts: WindowParts,
        alarm_bar: QLabel,
        fault_bar: FaultBar,
        alert_list: AlertList,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        session = parts.session
        self.alarm_bar = alarm_bar
        self.fault_bar = fault_bar
        self.alert_list = alert_list
        self._alert_ids: set[int] = set()
        # Alerts that are not timers' (a damaged database, a silent gateway), shown until acknowledged.
        self.standing_alerts: list[AlertView] = []
        #: A live centre's console: the gateway checks the timers, this console shows the alerts.
        self.shows_only = session.centre and not session.training
        self._found: list[AlertView] = []
        self._ticks = 0
        self._next_local_id = 0
        #: Gateways whose silence someone acknowledged (not shown again until it ends).
        self._silence_seen: set[str] = set()
        self.timer_watch = TimerWatch(session.ctx, session.thresholds, self, raise_alerts=not self.shows_only)
        self.timer_watch.checked.connect(self._show_timer_alerts)
        self.timer_watch.busy.connect(self._timers_busy)
        self.timer_watch.failed.connect(self._timers_failed)
        if self.shows_only:
            self.boards.applied.connect(self._after_changes)
        else:
            # A check writes (it begins IMMEDIATE): one that went through means the database answers
            # again, also when it changed nothing and so sent no notice (the bar said NOT ANSWERING
            # for minutes after the lock was gone, over accounts added meanwhile).
            self.timer_watch.checked.connect(lambda _found: self._timers_got_through())
        # Checks run on a worker thread; tests that drive the clock check on the GUI thread.
        self.background_timers = True
        if session.feeds is not None:
            session.feeds.alarms_changed.connect(self.show_feed_alarms)
        if isinstance(session.feeds, GatewayFeeds):
            session.feeds.silence_changed.connect(self.show_gateway_silence)

    def close(self) -> None:
        self.timer_watch.close()

    def tick(self) -> None:
        if self.shows_only:
            # No check here: the elapsed times move, and every few seconds the open alerts are read
            # in case a notice was missed.
            self._ticks += 1
            if (self._ticks - 1) % CENTRE_READ_TICKS == 0:  # the first tick, then every few
                self.timer_watch.request(follow_up=True)
            self._show_timer_alerts(self._found)
        elif self.background_timers:
            self.timer_watch.request()
        else:
            self.check_timers()

    def _after_changes(self, topics: set[Topic], _touched: object, _ids: object) -> None:
        if Topic.ALERTS in topics:
            self.timer_watch.request(follow_up=True)

    def show_gateway_silence(self) -> None:
        """A standing alert for each silent gateway (or for none running); it goes when the
        heartbeat returns."""
        monitor = self.session.feeds
        silence = monitor.silence if isinstance(monitor, GatewayFeeds) else ()
        silent = {item.gateway or "": item for item in silence}
        self._silence_seen &= set(silent)
        kept = [
            alert
            for alert in self.standing_alerts
            if alert.kind != GATEWAY_SILENT_ALERT or (alert.entity_id or "") in silent
        ]
        shown = {alert.entity_id or "" for alert in kept if alert.kind == GATEWAY_SILENT_ALERT}
        now = self.session.ctx.clock.now()
        for name, item in silent.items():
            if name in shown or name in self._silence_seen:
                continue
            self._next_local_id -= 1  # not a row: below zero, never an alert's id
            label = (
                translate(
                    "MainWindow", "Gateway %1 silent: calls from the telephone are not being recorded"
                ).replace("%1", name)
                if name
                else translate(
                    "MainWindow", "No gateway is running: calls from the telephone are not being recorded"
                )
            )
            kept.append(
                AlertView(
                    id=self._next_local_id,
                    kind=GATEWAY_SILENT_ALERT,
                    entity="gateway",
                    entity_id=name or None,
                    raised_at=now,
                    since=item.heartbeat_at or now,
                    limit_s=None,
                    label=label,
                    incident_number="",
                    cleared_at=None,
                    acknowledged_at=None,
                )
            )
        if kept != self.standing_alerts:
            self.standing_alerts = kept
            self._show_timer_alerts(self._found)

    def show_feed_alarms(self) -> None:
        monitor = self.session.feeds
        found = [] if monitor is None else list(monitor.alarms)
        if not found:
            self.alarm_bar.hide()
            return
        zone = self.session.zone
        lines = [feed_alarm_text(alarm, zone) for alarm in found]
        lines.append(
            translate("MainWindow", "Ctrl+Shift+A acknowledges; tell the supervisor and the telco or PBX.")
        )
        self.alarm_bar.setText("\n".join(lines))
        self.alarm_bar.show()

    def acknowledge(self) -> None:
        """Feed alarms, and the overdue timers selected in the list (all of them if none is selected)."""
        monitor = self.session.feeds
        names = []
        if self.fault_bar.acknowledge():
            names.append(translate("MainWindow", "unexpected error"))
        if monitor is not None and monitor.alarms:
            names.extend(alarm.feed for alarm in monitor.acknowledge(self.session.ctx))
        chosen = self.alert_list.selected_alert_ids() or self.alert_list.shown_alert_ids()
        # Alerts of this console alone (a silent gateway) are no rows: seen, they go from the list.
        local = [alert for alert in self.standing_alerts if alert.id < 0 and alert.id in chosen]
        if local:
            names.extend(alert.label for alert in local)
            self._silence_seen.update(alert.entity_id or "" for alert in local)
            self.standing_alerts = [alert for alert in self.standing_alerts if alert not in local]
            self._show_timer_alerts(self._found)
        chosen = [alert_id for alert_id in chosen if alert_id > 0]
        if chosen:
            shown = {alert.id: alert.label for alert in self.alert_list.alerts}
            try:
                done = alerts.acknowledge_alerts(self.session.ctx, chosen)
            except ServiceError as error:
                self.status.show_message(labels.service_error(error.code))
                return
            names.extend(shown[alert_id] for alert_id in done if alert_id in shown)
            self.standing_alerts = [alert for alert in self.standing_alerts if alert.id not in done]
            self.check_timers()
        if not names:
            self.status.show_message(translate("MainWindow", "No alarm to acknowledge."))
            return
        self.status.show_message(translate("MainWindow", "Acknowledged: %1").replace("%1", ", ".join(names)))

    def check_timers(self) -> None:
        """Raise what became overdue and show what still is, now, on this thread (tests, scripts)."""
        try:
            found = self.boards.timed("timer_alerts", self.timer_watch.check_now)
        except DatabaseUnavailable:
            self._timers_busy()
            return
        self._show_timer_alerts(found)

    def add_standing_alert(self, alert: AlertView) -> None:
        """An alert raised outside the timers (the background check of the database found damage)."""
        self.standing_alerts.append(alert)
        self.check_timers()

    def _timers_busy(self) -> None:
        # Another console holding the database past the busy timeout: the next tick tries again.
        if self.shows_only:
            self.status.show_message(
                translate("MainWindow", "Alerts not read: the database does not answer.")
            )
            return
        self.status.show_message(translate("MainWindow", "Timers not checked: the database is busy."))

    def _timers_got_through(self) -> None:
        self.fault_bar.database_answered()
        # "Timers not checked: the database is busy." stayed in the status line long after it was not.
        busy = translate("MainWindow", "Timers not checked: the database is busy.")
        failed = translate("MainWindow", "Timers could not be checked: %1").split("%1")[0]
        message = self.status.message()
        if message == busy or message.startswith(failed):
            self.status.show_message("")

    def _timers_failed(self, reason: str) -> None:
        # Logged by the watch; said here so that no one trusts an alert list that stopped changing.
        self.status.show_message(
            translate("MainWindow", "Timers could not be checked: %1").replace("%1", reason)
        )

    def _show_timer_alerts(self, found: list[AlertView]) -> None:
        """Show the alerts of a check and the standing ones (and beep for a new one)."""
        ctx = self.session.ctx
        self._found = found
        found = [*self.standing_alerts, *found]
        if found and not self._alert_ids:
            self.alerts_appeared.emit()
        new = {alert.id for alert in found} - self._alert_ids
        self._alert_ids = {alert.id for alert in found}
        self.alert_list.show_alerts(found, ctx.clock.now())
        if new and self.session.alert_sound:
            QApplication.beep()
