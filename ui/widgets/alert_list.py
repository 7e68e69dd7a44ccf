"""Overdue timers under the unit board: newest first, each line saying OVERDUE in words (not colour alone)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from dispatch.domain.timers import TimerKind, format_duration
from dispatch.services.alerts import AlertView
from ui.timefmt import elapsed

translate = QCoreApplication.translate

AlertIdRole = Qt.ItemDataRole.UserRole + 1


def alert_text(alert: AlertView, now: datetime) -> str:
    """``⚠ OVERDUE DEMO-AMB-01 dispatched 2:10 ago, not acknowledged (limit 2:00) — 2026-000123``."""
    since = alert.since or alert.raised_at
    templates = {
        TimerKind.CALL_RINGING.value: translate(
            "AlertList", "⚠ OVERDUE Call from %1 ringing for %2 (limit %3)"
        ),
        TimerKind.NOT_DISPATCHED.value: translate(
            "AlertList", "⚠ OVERDUE Incident %1 answered %2 ago, no unit dispatched (limit %3)"
        ),
        TimerKind.NOT_ACKNOWLEDGED.value: translate(
            "AlertList", "⚠ OVERDUE %1 dispatched %2 ago, not acknowledged (limit %3)"
        ),
        TimerKind.EN_ROUTE.value: translate("AlertList", "⚠ OVERDUE %1 en route for %2 (limit %3)"),
        TimerKind.ON_SCENE_NO_UPDATE.value: translate(
            "AlertList", "⚠ OVERDUE %1 on scene without an update for %2 (limit %3)"
        ),
    }
    template = templates.get(alert.kind, translate("AlertList", "⚠ ALERT %1 since %2"))
    text = (
        template.replace("%1", alert.label)
        .replace("%2", elapsed(since, now))
        .replace("%3", format_duration(alert.limit_s or 0))
    )
    if alert.incident_number:
        text = translate("AlertList", "%1 — %2").replace("%1", text).replace("%2", alert.incident_number)
    return text


class AlertList(QListWidget):
    """Shows ``AlertView``s; the elapsed times are rewritten at each ``show_alerts`` (every second)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self._alerts: list[AlertView] = []
        self._empty_text = translate("AlertList", "No overdue timers.")

    @property
    def alerts(self) -> list[AlertView]:
        return list(self._alerts)

    def show_alerts(self, alerts: Sequence[AlertView], now: datetime) -> None:
        ordered = sorted(alerts, key=lambda a: (a.raised_at, a.id), reverse=True)
        if ordered and [a.id for a in ordered] == self.shown_alert_ids():
            # Same alerts: only the elapsed times move; the selection and scroll stay where they are.
            self._alerts = ordered
            for row, alert in enumerate(ordered):
                self.item(row).setText(alert_text(alert, now))
            return
        selected = set(self.selected_alert_ids())
        self._alerts = ordered
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            if not self._alerts:
                item = QListWidgetItem(self._empty_text)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.addItem(item)
            for alert in self._alerts:
                item = QListWidgetItem(alert_text(alert, now))
                item.setData(AlertIdRole, alert.id)
                item.setForeground(QBrush(QColor("#b71c1c")))
                item.setBackground(QBrush(QColor("#ffebee")))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                self.addItem(item)
                item.setSelected(alert.id in selected)
        finally:
            self.setUpdatesEnabled(True)

    def selected_alert_ids(self) -> list[int]:
        return [int(item.data(AlertIdRole)) for item in self.selectedItems() if item.data(AlertIdRole)]

    def shown_alert_ids(self) -> list[int]:
        return [alert.id for alert in self._alerts]

    def lines(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]
