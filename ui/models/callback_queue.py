"""The callback queue: silent and abandoned calls, oldest first, with attempts and their outcomes."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from dispatch.domain.callers import CallbackReason
from dispatch.domain.clock import Clock
from dispatch.services.callbacks import CallbackView
from ui import labels
from ui.models.snapshot_table import Column, SnapshotTableModel
from ui.timefmt import elapsed, local_time

translate = QCoreApplication.translate

SILENT_BRUSH = QBrush(QColor("#ffe0b2"))


def _number(row: CallbackView) -> str:
    if row.withheld:
        return labels.presentation(row.presentation)
    return row.number_national


class CallbackQueueModel(SnapshotTableModel[CallbackView]):
    def __init__(self, clock: Clock, zone: tzinfo) -> None:
        def last_attempt(row: CallbackView) -> str:
            if row.last_attempt_outcome is None:
                return translate("CallbackQueue", "not yet called back")
            return (
                f"{labels.callback_outcome(row.last_attempt_outcome)} {local_time(row.last_attempt_at, zone)}"
            )

        super().__init__(
            [
                Column(
                    lambda: translate("CallbackQueue", "Reason"),
                    lambda r: labels.callback_reason(r.reason),
                    background=lambda r: SILENT_BRUSH if r.reason is CallbackReason.SILENT else None,
                ),
                Column(lambda: translate("CallbackQueue", "Rang"), lambda r: local_time(r.ring_at, zone)),
                Column(
                    lambda: translate("CallbackQueue", "Waiting"),
                    lambda r: elapsed(r.opened_at, clock.now()),
                    align_right=True,
                    live=True,
                ),
                Column(
                    lambda: translate("CallbackQueue", "Number"),
                    _number,
                    tooltip=lambda r: labels.number_tooltip(r.presentation, r.number_e164, r.number_raw),
                ),
                Column(lambda: translate("CallbackQueue", "Name"), lambda r: r.caller_name or ""),
                Column(
                    lambda: translate("CallbackQueue", "Attempts"),
                    lambda r: str(r.attempts),
                    align_right=True,
                ),
                Column(lambda: translate("CallbackQueue", "Last attempt"), last_attempt),
            ],
            key=lambda r: r.id,
        )
