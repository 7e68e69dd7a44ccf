"""A read-only table model over immutable snapshot rows, updated with precise row signals.

Every board in the console is one of these with its own columns, so that selection and scroll
position survive a refresh: rows that stayed keep their QPersistentModelIndex.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

#: The whole row snapshot, for views and tests.
RowRole = Qt.ItemDataRole.UserRole + 1
#: The row's key (database id).
KeyRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: Callable[[], str]
    display: Callable[[Row], str]
    background: Callable[[Row], Any] | None = None
    foreground: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None
    align_right: bool = False
    live: bool = field(default=False)  # changes with time alone (ages, ring timers)


class SnapshotTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], key: Callable[[Row], Hashable]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._key = key
        self._rows: list[Row] = []

    # -- reading -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of_key(self, key: Hashable) -> int | None:
        for position, row in enumerate(self._rows):
            if self._key(row) == key:
                return position
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return column.background(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowRole:
            return row
        if role == KeyRole:
            return self._key(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- updating ----------------------------------------------------------------------------------

    def set_rows(self, new_rows: Sequence[Row]) -> None:
        """Replace the rows: removed, inserted and changed rows are signalled one by one."""
        new_keys = [self._key(r) for r in new_rows]
        wanted = set(new_keys)
        for position in range(len(self._rows) - 1, -1, -1):
            if self._key(self._rows[position]) not in wanted:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        kept = [self._key(r) for r in self._rows]
        kept_set = set(kept)
        if [k for k in new_keys if k in kept_set] != kept:
            # The order of rows that stayed changed (a re-sort): announce a layout change.
            self.layoutAboutToBeChanged.emit()
            old_persistent = self.persistentIndexList()
            old_keys = [self._key(self._rows[index.row()]) for index in old_persistent]
            by_key = {self._key(r): r for r in self._rows}
            self._rows = [by_key[k] for k in new_keys if k in kept_set]
            positions = {self._key(r): i for i, r in enumerate(self._rows)}
            new_persistent = [
                self.index(positions[key], index.column())
                for index, key in zip(old_persistent, old_keys, strict=True)
            ]
            self.changePersistentIndexList(old_persistent, new_persistent)
            self.layoutChanged.emit()
        for position, key in enumerate(new_keys):
            if position >= len(self._rows) or self._key(self._rows[position]) != key:
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, new_rows[position])
                self.endInsertRows()
            elif self._rows[position] != new_rows[position]:
                self._rows[position] = new_rows[position]
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._columns) - 1))

    def refresh_live_columns(self) -> None:
        """Time moved on: ring timers and ages repaint, nothing else."""
        if not self._rows:
            return
        for column_number, column in enumerate(self._columns):
            if column.live:
                self.dataChanged.emit(
                    self.index(0, column_number),
                    self.index(len(self._rows) - 1, column_number),
                    [Qt.ItemDataRole.DisplayRole],
                )
