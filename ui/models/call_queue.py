"""The call queue: ringing calls on top with a live ring timer, then live, then finished calls."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from dispatch.domain.clock import Clock
from dispatch.domain.enums import CallState, Presentation
from dispatch.services.snapshots import CallView
from ui import labels
from ui.models.snapshot_table import Column, SnapshotTableModel
from ui.timefmt import elapsed, local_time

translate = QCoreApplication.translate

RINGING_BRUSH = QBrush(QColor("#ffcdd2"))
LIVE_BRUSH = QBrush(QColor("#fff9c4"))


def _state_text(call: CallView) -> str:
    text = labels.call_state(call.state)
    if call.state is CallState.ENDED and call.classification is not None:
        text = f"{text}: {labels.call_class(call.classification)}"
    return text


def _background(call: CallView) -> QBrush | None:
    if call.state is CallState.RINGING:
        return RINGING_BRUSH
    if call.state is CallState.ANSWERED:
        return LIVE_BRUSH
    return None


def _number(call: CallView) -> str:
    if call.presentation is not Presentation.ALLOWED:
        return labels.presentation(call.presentation)
    return call.number_national


class CallQueueModel(SnapshotTableModel[CallView]):
    def __init__(self, clock: Clock, zone: tzinfo) -> None:
        def waited(call: CallView) -> str:
            if call.state is CallState.RINGING:
                return elapsed(call.ring_at, clock.now())
            if call.answered_at is not None:
                return elapsed(call.ring_at, call.answered_at)
            return elapsed(call.ring_at, call.ended_at or call.ring_at)

        super().__init__(
            [
                Column(lambda: translate("CallQueue", "State"), _state_text, background=_background),
                Column(lambda: translate("CallQueue", "Time"), lambda c: local_time(c.ring_at, zone)),
                Column(lambda: translate("CallQueue", "Ring"), waited, align_right=True, live=True),
                Column(
                    lambda: translate("CallQueue", "Number"),
                    _number,
                    tooltip=lambda c: c.number_e164 or c.number_raw,
                ),
                Column(lambda: translate("CallQueue", "Name"), lambda c: c.caller_name or ""),
                Column(lambda: translate("CallQueue", "Carrier / area"), lambda c: c.number_description),
                Column(lambda: translate("CallQueue", "Incident"), lambda c: c.incident_number or ""),
            ],
            key=lambda c: c.id,
        )

    def first_ringing(self) -> CallView | None:
        return next((c for c in self.rows() if c.state is CallState.RINGING), None)

    def ringing_count(self) -> int:
        return sum(1 for c in self.rows() if c.state is CallState.RINGING)
