"""Who is calling: the ringing number's history and flags, read while it rings.

Flags inform, in words and colour; nothing here changes how the call is answered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from dispatch.services import callers
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import CallView
from ui import labels
from ui.session import ConsoleSession
from ui.timefmt import local_datetime

translate = QCoreApplication.translate

WARNING_STYLE = "background: #b71c1c; color: white; font-weight: bold; padding: 4px;"
FLAG_STYLE = (
    "background: #fff3e0; color: #4e2600; font-weight: bold; padding: 3px; border: 1px solid #e65100;"
)


class CallerPanel(QGroupBox):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("CallerPanel", "Caller"), parent)
        self.setObjectName("callerPanel")
        self.session = session
        self.prank_threshold = session.prank_threshold
        self.summary: callers.CallerSummary | None = None
        self._shown_call: CallView | None = None
        # What the panel says with no call to show (the panel of the call on the line says its own).
        self.empty_text = translate("CallerPanel", "No call is ringing.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self.number_label = self._label("callerNumber", layout)
        self.warning_label = self._label("callerWarning", layout, WARNING_STYLE)
        self.watch_label = self._label("callerWatch", layout, FLAG_STYLE)
        self.block_label = self._label("callerBlock", layout, FLAG_STYLE)
        self.counts_label = self._label("callerCounts", layout)
        self.recent_label = self._label("callerRecent", layout)
        self.recent_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addStretch(1)  # lines stay together at the top when the column is tall
        self.show_call(None)

    @staticmethod
    def _label(name: str, layout: QVBoxLayout, style: str = "") -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if style:
            label.setStyleSheet(style)
        layout.addWidget(label)
        return label

    @property
    def shown_call_id(self) -> int | None:
        return None if self._shown_call is None else self._shown_call.id

    def show_call(self, call: CallView | None, force: bool = False) -> None:
        """Show the summary for ``call`` (read again only for another call, or when forced)."""
        if not force and call is not None and self._shown_call is not None and call.id == self._shown_call.id:
            return
        self._shown_call = call
        self.summary = None
        if call is not None:
            try:
                self.summary = callers.caller_summary(self.session.ctx, call, self.prank_threshold)
            except ServiceError as error:
                self.number_label.setText(labels.service_error(error.code))
        self._render(call)

    def refresh(self) -> None:
        """Flags or history changed: read the shown call again."""
        self.show_call(self._shown_call, force=True)

    def _render(self, call: CallView | None) -> None:
        summary = self.summary
        for label in (self.warning_label, self.watch_label, self.block_label):
            label.hide()
        if call is None or summary is None:
            if call is None:
                self.number_label.setText(self.empty_text)
            self.counts_label.setText("")
            self.recent_label.setText("")
            return
        zone = self.session.zone
        if summary.withheld:
            self.number_label.setText(
                translate("CallerPanel", "%1: no history (the number is not shown).").replace(
                    "%1", labels.presentation(call.presentation)
                )
            )
            self.counts_label.setText("")
            self.recent_label.setText("")
            return
        head = summary.number_national
        if summary.description:
            head = f"{head} · {summary.description}"
        self.number_label.setText(head)
        if summary.repeat_prank:
            self.warning_label.setText(
                translate(
                    "CallerPanel",
                    "⚠ REPEAT PRANK CALLER: %1 prank calls in 24 h before this one — still answer it",
                ).replace("%1", str(summary.counts.pranks_24h))
            )
            self.warning_label.show()
        if summary.watch is not None:
            self.watch_label.setText(
                translate("CallerPanel", "● WATCH LIST since %1: %2")
                .replace("%1", local_datetime(summary.watch.at, zone))
                .replace("%2", summary.watch.reason)
            )
            self.watch_label.show()
        if summary.block_requested is not None:
            block = summary.block_requested
            text = translate("CallerPanel", "✖ BLOCK REQUESTED FROM TELCO on %1").replace(
                "%1", local_datetime(block.at, zone)
            )
            if block.reason:
                text = f"{text}: {block.reason}"
            self.block_label.setText(text)
            self.block_label.show()
        counts = summary.counts
        by_class = ", ".join(
            f"{labels.call_class(cls)} {count.total}"
            for cls, count in sorted(
                ((c, n) for c, n in counts.by_class.items() if c is not None), key=lambda item: -item[1].total
            )
        )
        text = (
            translate("CallerPanel", "Earlier calls: %1 in 24 h, %2 in 30 days, %3 in all")
            .replace("%1", str(counts.last_24h))
            .replace("%2", str(counts.last_30d))
            .replace("%3", str(counts.total))
        )
        if by_class:
            text = f"{text}\n{by_class}"
        self.counts_label.setText(text)
        lines = [
            "  ".join(
                part
                for part in (
                    local_datetime(c.ring_at, zone),
                    labels.call_class(c.classification) if c.classification else labels.call_state(c.state),
                    c.incident_number or "",
                )
                if part
            )
            for c in summary.recent
        ]
        if lines:
            self.recent_label.setText(translate("CallerPanel", "Last calls:") + "\n" + "\n".join(lines))
        else:
            self.recent_label.setText(translate("CallerPanel", "First call from this number."))

    def is_prank_warning_shown(self) -> bool:
        return self.summary is not None and self.summary.repeat_prank and not self.warning_label.isHidden()
