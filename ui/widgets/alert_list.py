"""Overdue timers under the unit board: newest first, each line saying OVERDUE in words (not colour alone)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from dispatch.domain.timers import TimerKind, format_duration
from dispatch.services import outbox
from dispatch.services.alerts import AlertView
from dispatch.services.aml import AML_UNMATCHED_ALERT
from dispatch.services.integrity import DATABASE_DAMAGED_ALERT
from ui import labels
from ui.gateway_feeds import GATEWAY_SILENT_ALERT
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
    # An agency told of an incident that has not acknowledged within its own limit (its label is
    # the agency's name; the incident's number follows).
    templates[TimerKind.FORWARD_NOT_ACKNOWLEDGED.value] = translate(
        "AlertList", "⚠ OVERDUE %1 has not acknowledged the forwarding, sent %2 ago (limit %3)"
    )
    # What the console was asked to send and did not (the label is the agency's name, or the number).
    templates[outbox.OUTBOX_SMS_FAILED_ALERT] = translate(
        "AlertList", "⚠ SMS to %1 could not be sent (%2 ago): tell them by telephone"
    )
    templates[outbox.OUTBOX_SMS_UNDELIVERED_ALERT] = translate(
        "AlertList", "⚠ SMS to %1 was not delivered (%2 ago): tell them by telephone"
    )
    templates[outbox.OUTBOX_SMS_WAITING_ALERT] = translate(
        "AlertList", "⚠ SMS to %1 waiting for %2: no modem is sending it; tell them by telephone"
    )
    templates[outbox.OUTBOX_DIAL_FAILED_ALERT] = translate(
        "AlertList", "⚠ The console could not dial %1 (%2 ago): call by telephone"
    )
    templates[outbox.OUTBOX_DIAL_WAITING_ALERT] = translate(
        "AlertList", "⚠ Dialling %1 waiting for %2: the PBX is not taking it; call by telephone"
    )
    templates[DATABASE_DAMAGED_ALERT] = translate(
        "AlertList",
        "⚠ DATABASE DAMAGED: %1 (found %2 ago). Tell the supervisor: the installer restores the last backup.",
    )
    # The gateway's silence (a centre's console, ui/gateway_feeds.py): the label says which gateway
    # and what it means; the words say since when and what to do meanwhile.
    templates[GATEWAY_SILENT_ALERT] = (
        translate(
            "AlertList",
            "⚠ %1 (last heartbeat %2 ago). Tell the supervisor; write down the calls answered at the "
            "telephone until it is back.",
        )
        if alert.entity_id
        else translate(
            "AlertList",
            "⚠ %1. Tell the supervisor; write down the calls answered at the telephone until it runs.",
        )
    )
    # A handset's position (AML SMS) that matched no call: its sender's number, since it came.
    templates[AML_UNMATCHED_ALERT] = translate(
        "AlertList", "⚠ Handset position from %1 with no call (received %2 ago)"
    )
    template = templates.get(alert.kind, translate("AlertList", "⚠ ALERT %1 since %2"))
    # A ringing call's label is its number as shown, or the feed's marker for none ("P"): in words.
    numbered = (TimerKind.CALL_RINGING.value, AML_UNMATCHED_ALERT)
    label = labels.stored_number(alert.label) if alert.kind in numbered else alert.label
    text = (
        template.replace("%1", label)
        .replace("%2", elapsed(since, now))
        .replace("%3", format_duration(alert.limit_s or 0))
    )
    if alert.incident_number:
        text = translate("AlertList", "%1 — %2").replace("%1", text).replace("%2", alert.incident_number)
    return text


class AlertList(QListWidget):
    """Shows ``AlertView``s, newest first.

    ``show_alerts`` runs every second. A busy room can leave hundreds of alerts open: lines are added
    and taken away one by one (the rest stay, with their selection), and of the elapsed times only
    those on screen are rewritten; the others are when scrolled to.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        # Hundreds of word-wrapped lines are measured in batches between events, not all at once.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self._alerts: list[AlertView] = []
        self._now: datetime | None = None
        self._empty_text = translate("AlertList", "No overdue timers.")
        self._foreground = QBrush(QColor("#b71c1c"))
        self._background = QBrush(QColor("#ffebee"))
        self._show_empty(True)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._rewrite_visible())

    @property
    def alerts(self) -> list[AlertView]:
        return list(self._alerts)

    def show_alerts(self, alerts: Sequence[AlertView], now: datetime) -> None:
        ordered = sorted(alerts, key=_order)
        self._now = now
        before, self._alerts = self._alerts, ordered
        if [a.id for a in before] != [a.id for a in ordered]:
            self._show_empty(not ordered)
            # Both lists are in the same order (raised_at and id never change): walk them together.
            wanted = {a.id for a in ordered}
            for row in range(len(before) - 1, -1, -1):
                if before[row].id not in wanted:
                    self.takeItem(row)
            had = {a.id for a in before}
            for row, alert in enumerate(ordered):
                if alert.id not in had:
                    self.insertItem(row, self._item(alert, now))
        self._rewrite_visible()

    def _show_empty(self, empty: bool) -> None:
        shows_empty = self.count() == 1 and self.item(0).data(AlertIdRole) is None
        if empty and not shows_empty:
            item = QListWidgetItem(self._empty_text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        elif not empty and shows_empty:
            self.takeItem(0)

    def _item(self, alert: AlertView, now: datetime) -> QListWidgetItem:
        item = QListWidgetItem(alert_text(alert, now))
        item.setData(AlertIdRole, alert.id)
        item.setForeground(self._foreground)
        item.setBackground(self._background)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    def _rewrite_visible(self) -> None:
        """The elapsed times of the lines on screen, as of the last ``show_alerts``."""
        if self._now is None or not self._alerts:
            return
        viewport = self.viewport().rect()
        top = self.indexAt(viewport.topLeft())
        bottom = self.indexAt(viewport.bottomLeft())
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else len(self._alerts) - 1
        for row in range(max(0, first), min(last, len(self._alerts) - 1) + 1):
            item = self.item(row)
            text = alert_text(self._alerts[row], self._now)
            if item.text() != text:
                item.setText(text)

    def selected_alert_ids(self) -> list[int]:
        return [int(item.data(AlertIdRole)) for item in self.selectedItems() if item.data(AlertIdRole)]

    def shown_alert_ids(self) -> list[int]:
        return [alert.id for alert in self._alerts]

    def lines(self) -> list[str]:
        """Every line as it reads now (lines off screen included)."""
        if not self._alerts or self._now is None:
            return [self.item(row).text() for row in range(self.count())]
        return [alert_text(alert, self._now) for alert in self._alerts]


def _order(alert: AlertView) -> tuple[float, int]:
    """Newest first."""
    return -alert.raised_at.timestamp(), -alert.id
