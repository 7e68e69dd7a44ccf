"""The call queue: ringing calls on top with a live ring timer, then live, then finished calls."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from dispatch.domain.clock import Clock
from dispatch.domain.enums import CallState, Presentation
from dispatch.services.queries import RECENT_CALLS
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


DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole.value
_RANK = {CallState.RINGING: 0, CallState.ANSWERED: 1, CallState.ENDED: 2}


def queue_order(call: CallView) -> tuple[int, float]:
    """``queries.call_queue``'s order: ringing, then live calls, oldest first; then ended, newest first."""
    rank = _RANK[call.state]
    at = call.ring_at.timestamp()
    return (rank, -at if call.state is CallState.ENDED else at)


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

        columns = [
            Column(lambda: translate("CallQueue", "State"), _state_text, background=_background),
            Column(lambda: translate("CallQueue", "Time"), lambda c: local_time(c.ring_at, zone)),
            Column(lambda: translate("CallQueue", "Ring"), waited, align_right=True, live=True),
            Column(
                lambda: translate("CallQueue", "Number"),
                _number,
                tooltip=lambda c: labels.number_tooltip(c.presentation, c.number_e164, c.number_raw),
            ),
            Column(lambda: translate("CallQueue", "Name"), lambda c: c.caller_name or ""),
            Column(lambda: translate("CallQueue", "Carrier / area"), lambda c: c.number_description),
            Column(lambda: translate("CallQueue", "Incident"), lambda c: c.incident_number or ""),
        ]
        super().__init__(columns, key=lambda c: c.id, order=queue_order)
        # Columns whose text changes only with the row (the ring timer changes with time).
        self._fixed_texts = [None if column.live else column.display for column in columns]
        # The texts of the columns that change only with the row, by row (kept while the row is).
        self._texts: dict[int, tuple[CallView, list[str | None]]] = {}

    # Painting a cell asks for a dozen roles. Qt's default multiData asks data() for each, and each
    # such call from C++ into Python takes the GIL afresh: during a burst of calls, with the feed's
    # threads running Python, every take waited for them (bench/bench_feeds.py). One call per cell
    # here, and flags() stays Qt's own (the same flags as SnapshotTableModel.flags, without Python).
    flags = QAbstractTableModel.flags  # type: ignore[assignment]

    def multiData(  # type: ignore[override]  # PySide6's stub: a span or one item; Qt passes a span
        self,
        index: QModelIndex | QPersistentModelIndex,
        roleDataSpan: Iterable[QModelRoleData],  # noqa: N803
    ) -> None:
        number = index.row()
        if not index.isValid() or number >= self.rowCount():
            for item in roleDataSpan:
                item.clearData()
            return
        column = index.column()
        texts = self._texts_of(self.row(number))
        for item in roleDataSpan:
            role = item.role()
            value: Any = texts[column] if role == DISPLAY_ROLE else None
            if value is None:
                value = self.data(index, role)
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def _texts_of(self, call: CallView) -> list[str | None]:
        found = self._texts.get(call.id)
        if found is not None and found[0] is call:
            return found[1]
        if len(self._texts) > 2 * self.rowCount() + 64:
            self._texts = {}
        texts = [None if display is None else display(call) for display in self._fixed_texts]
        self._texts[call.id] = (call, texts)
        return texts

    def update_calls(self, calls: Iterable[CallView], recent: int = RECENT_CALLS) -> None:
        """These calls as they are now (``queries.calls_by_id``): each is put in its place, and only
        the ``recent`` newest ended calls stay, as ``queries.call_queue`` would show them.

        A burst of calls costs one row each, not a reading and a comparison of the whole queue.
        """
        self.upsert_rows(calls)
        ended = [c.id for c in self.rows() if c.state is CallState.ENDED]
        if len(ended) > recent:
            self.remove_keys(ended[recent:])

    def first_ringing(self) -> CallView | None:
        return next((c for c in self.rows() if c.state is CallState.RINGING), None)

    def ringing_count(self) -> int:
        return sum(1 for c in self.rows() if c.state is CallState.RINGING)
