"""A read-only table model over immutable snapshot rows, updated with precise row signals.

Every board in the console is one of these with its own columns, so that selection and scroll
position survive a refresh: rows that stayed keep their QPersistentModelIndex.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Sequence
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
    """Rows keyed by ``key``; with ``order`` (a sort key), rows upserted one by one keep that order.

    ``set_rows`` takes the order of the rows it is given (the query's); ``order`` must agree with it.
    """

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        key: Callable[[Row], Hashable],
        order: Callable[[Row], Any] | None = None,
    ) -> None:
        super().__init__()
        self._columns = list(columns)
        self._key = key
        self._order = order
        self._rows: list[Row] = []
        # key -> row number, rebuilt lazily after rows were inserted, removed or moved.
        self._positions: dict[Hashable, int] | None = None

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
        if self._positions is None:
            self._positions = {self._key(row): position for position, row in enumerate(self._rows)}
        return self._positions.get(key)

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
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole value: a narrow column elides it in the middle (ui/widgets/board_columns.py).
            return column.tooltip(row) if column.tooltip is not None else column.display(row)
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
                self._positions = None
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
            self._positions = None
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
                self._positions = None
                self.endInsertRows()
            elif self._rows[position] != new_rows[position]:
                self._rows[position] = new_rows[position]
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._columns) - 1))

    def upsert_rows(self, rows: Iterable[Row]) -> None:
        """Add these rows or replace the rows with their keys; only those rows are signalled.

        A row whose place in the order changed is moved (beginMoveRows), so a selection follows it.
        """
        for row in rows:
            key = self._key(row)
            position = self.row_of_key(key)
            if position is None:
                self._insert(row)
                continue
            if self._rows[position] == row:
                continue
            target = self._place(row, without=position)
            if target != position:
                # Qt counts the destination in the rows before the move.
                destination = target if target < position else target + 1
                self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), destination)
                del self._rows[position]
                self._rows.insert(target, row)
                self._positions = None
                self.endMoveRows()
                position = target
            else:
                self._rows[position] = row
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._columns) - 1))

    def remove_keys(self, keys: Iterable[Hashable]) -> None:
        """Remove the rows with these keys (keys not shown are ignored)."""
        positions = sorted(
            (p for p in (self.row_of_key(k) for k in set(keys)) if p is not None), reverse=True
        )
        for position in positions:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self._positions = None
            self.endRemoveRows()

    def _place(self, row: Row, without: int | None = None) -> int:
        """Where ``row`` belongs: by ``order``, else where it is (or at the end, for a new row)."""
        if self._order is None:
            return len(self._rows) if without is None else without
        rows = self._rows if without is None else self._rows[:without] + self._rows[without + 1 :]
        return bisect_left(rows, self._order(row), key=self._order)

    def _insert(self, row: Row) -> None:
        position = self._place(row)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self._positions = None
        self.endInsertRows()

    def refresh_live_columns(self, first: int = 0, last: int | None = None) -> None:
        """Time moved on: ring timers and ages repaint, nothing else.

        ``first``..``last`` bound the rows (the ones a view shows): a view repaints only what it
        shows anyway, but every observer of the model (proxies, accessibility) handles each row
        signalled, and a long board signalled whole once a second cost more than all the rest.
        """
        if not self._rows:
            return
        last = len(self._rows) - 1 if last is None else min(last, len(self._rows) - 1)
        first = max(first, 0)
        if first > last:
            return
        for column_number, column in enumerate(self._columns):
            if column.live:
                self.dataChanged.emit(
                    self.index(first, column_number),
                    self.index(last, column_number),
                    [Qt.ItemDataRole.DisplayRole],
                )
