"""Alarms and overdue timers: the feed alarm bar, the overdue list, acknowledging (Ctrl+Shift+A).

Timer checks run on a worker thread (:class:`ui.timer_watch.TimerWatch`) every tick; a check that
cannot reach the database says so in the status line instead of leaving a list that stopped moving.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

from dispatch.services import alerts
from dispatch.services.alerts import AlertView
from dispatch.services.context import ServiceError
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.presenters.parts import Presenter, WindowParts
from ui.timer_watch import TimerWatch
from ui.widgets.alert_list import AlertList
from ui.widgets.fault_bar import FaultBar
from ui.widgets.status_line import feed_alarm_text

translate = QCoreApplication.translate


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
        # Alerts that are not timers' (a damaged database), shown until acknowledged.
        self.standing_alerts: list[AlertView] = []
        self.timer_watch = TimerWatch(session.ctx, session.thresholds, self)
        self.timer_watch.checked.connect(self._show_timer_alerts)
        self.timer_watch.busy.connect(self._timers_busy)
        self.timer_watch.failed.connect(self._timers_failed)
        # A check writes (it begins IMMEDIATE): one that went through means the database answers
        # again, also when it changed nothing and so sent no notice (the bar said NOT ANSWERING for
        # minutes after the lock was gone, over accounts added meanwhile).
        self.timer_watch.checked.connect(lambda _found: self._timers_got_through())
        # Checks run on a worker thread; tests that drive the clock check on the GUI thread.
        self.background_timers = True
        if session.feeds is not None:
            session.feeds.alarms_changed.connect(self.show_feed_alarms)

    def close(self) -> None:
        self.timer_watch.close()

    def tick(self) -> None:
        if self.background_timers:
            self.timer_watch.request()
        else:
            self.check_timers()

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
        found = [*self.standing_alerts, *found]
        if found and not self._alert_ids:
            self.alerts_appeared.emit()
        new = {alert.id for alert in found} - self._alert_ids
        self._alert_ids = {alert.id for alert in found}
        self.alert_list.show_alerts(found, ctx.clock.now())
        if new and self.session.alert_sound:
            QApplication.beep()
