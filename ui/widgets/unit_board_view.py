"""The view of the unit board: a flat table whose agency heading rows span the width.

Rows are all one height (a fixed vertical header), so that the table never measures rows: inserting,
removing or filtering rows costs the rows on screen, not the 2,000 of the board.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.unit_board import UnitBoardModel

#: Space above and below a row's text: denser than the other boards' 24-pixel rows, to show more units.
ROW_PADDING = 6
#: The last column ("Since") stretches over what the others leave, but never below the size it had
#: when it became the last: the header's default (100 pixels) pushed it out of the board at 1366x768.
MIN_COLUMN = 40


class UnitBoardView(QTableView):
    """Shows a ``UnitBoardModel``; keeps a span over each heading row as rows come and go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._board: UnitBoardModel | None = None
        self._spanned: list[int] = []
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        columns = self.horizontalHeader()
        columns.setMinimumSectionSize(MIN_COLUMN)
        columns.setDefaultSectionSize(MIN_COLUMN)
        columns.setStretchLastSection(True)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        if self._board is not None:
            for signal in self._structure_signals(self._board):
                signal.disconnect(self._sync_spans)
        super().setModel(model)
        self._board = model if isinstance(model, UnitBoardModel) else None
        if self._board is not None:
            for signal in self._structure_signals(self._board):
                signal.connect(self._sync_spans)
        self._spanned = []
        self._sync_spans()

    @staticmethod
    def _structure_signals(model: UnitBoardModel) -> tuple:  # type: ignore[type-arg]
        return (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved, model.rowsMoved)

    def _sync_spans(self, *_args: object) -> None:
        """Heading rows span every column. The table moves its spans with rows inserted and removed
        above them, but drops them on a reset or a layout change: they are set again whenever the
        heading rows are not the rows spanned (a handful of rows, whatever the size of the board)."""
        if self._board is None:
            return
        wanted = self._board.group_rows()
        columns = self._board.columnCount()
        if wanted == self._spanned and all(self.columnSpan(row, 0) == columns for row in wanted):
            return
        self.clearSpans()
        for row in wanted:
            self.setSpan(row, 0, 1, columns)
        self._spanned = wanted
