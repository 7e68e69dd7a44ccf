"""The unit board: units grouped by agency type; status as text and colour, never colour alone.

Updated unit by unit (``update_units``, ``remove_keys``): at 2,000 units, rebuilding the board for
every status change cost more than a frame. ``UnitFilterProxy`` narrows it to the units whose call
sign, agency, status (in the user's language) or station contain every word typed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from dispatch.domain.clock import Clock
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.lifecycle import DISPATCHABLE
from dispatch.services.snapshots import UnitView
from ui import labels
from ui.models.snapshot_table import KeyRole, RowRole
from ui.timefmt import elapsed

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

AGENCIES = list(AgencyType)
#: internalId of a unit row: its agency's number + 1 (group rows carry _GROUP).
_UNIT_ID = {agency: number + 1 for number, agency in enumerate(AGENCIES)}
#: internalId of group rows. A unit row carries its agency's number + 1, not its group's position,
#: so that the indexes of units stay right when a group appears or goes.
_GROUP = 0
SINCE_COLUMN = 3


def _call_sign(unit: UnitView) -> str:
    return unit.call_sign


class UnitBoardModel(QAbstractItemModel):
    COLUMNS = 4

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock
        self._groups: list[AgencyType] = []
        # Each group's units in call-sign order (the order of ``queries.units``).
        self._units: dict[AgencyType, list[UnitView]] = {}
        # unit id -> the unit's snapshot on the board (its agency and call sign find its row).
        self._by_id: dict[int, UnitView] = {}
        self._haystacks: dict[int, tuple[UnitView, str]] = {}
        # Painting asks for these for every visible cell, often: translated and built once each.
        self._status_texts: dict[UnitStatus, str] = {}
        self._status_brushes: dict[UnitStatus, QBrush] = {}
        self._group_texts: dict[AgencyType, str] = {}
        bold = QFont()
        bold.setBold(True)
        self._bold = bold

    # -- structure ---------------------------------------------------------------------------------

    # index(), parent() and rowCount() run for every cell painted through the filter proxy: they
    # check bounds themselves rather than through hasIndex(), which calls back into Python twice.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < self.COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _GROUP or parent.column() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        agency = self._groups[parent.row()]
        if row >= len(self._units[agency]):
            return QModelIndex()
        return self.createIndex(row, column, _UNIT_ID[agency])

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        if child is None:
            return super().parent()  # QObject.parent()
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(self._groups.index(AGENCIES[child.internalId() - 1]), 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._units[self._groups[parent.row()]])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- data --------------------------------------------------------------------------------------

    def unit_at(self, index: Index) -> UnitView | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._units[AGENCIES[index.internalId() - 1]][index.row()]

    def units(self) -> list[UnitView]:
        return [u for group in self._groups for u in self._units[group]]

    def group_units(self, group_row: int) -> list[UnitView]:
        return self._units[self._groups[group_row]]

    def unit_by_id(self, unit_id: int) -> UnitView | None:
        return self._by_id.get(unit_id)

    def index_of_unit(self, unit_id: int, column: int = 0) -> QModelIndex:
        """The index of the unit's row, invalid when the unit is not on the board."""
        unit = self._by_id.get(unit_id)
        if unit is None:
            return QModelIndex()
        return self.createIndex(self._position(unit), column, _UNIT_ID[unit.agency_type])

    def haystack(self, unit: UnitView) -> str:
        """What the filter searches, lower case: call sign, agency, status (as shown), station."""
        cached = self._haystacks.get(unit.id)
        if cached is not None and cached[0] is unit:
            return cached[1]
        text = " ".join(
            (
                unit.call_sign,
                labels.agency(unit.agency_type),
                unit.agency_name,
                self.status_text(unit.status),
                unit.station,
            )
        ).casefold()
        self._haystacks[unit.id] = (unit, text)
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        unit = self.unit_at(index)
        assert unit is not None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return unit.call_sign
            if column == 1:
                return self.status_text(unit.status)
            if column == 2:
                return unit.incident_number or ""
            return elapsed(unit.status_since, self._clock.now())
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            brush = self._status_brushes.get(unit.status)
            if brush is None:
                brush = self._status_brushes[unit.status] = QBrush(labels.unit_status_colour(unit.status))
            return brush
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.agency_name} · {unit.station} · {', '.join(unit.capabilities)} · {unit.radio}"
        if role == RowRole:
            return unit
        if role == KeyRole:
            return unit.id
        return None

    def status_text(self, status: UnitStatus) -> str:
        text = self._status_texts.get(status)
        if text is None:
            text = self._status_texts[status] = labels.unit_status(status)
        return text

    def _group_text(self, agency: AgencyType) -> str:
        text = self._group_texts.get(agency)
        if text is None:
            group = self._units[agency]
            free = sum(1 for u in group if u.status in DISPATCHABLE)
            text = self._group_texts[agency] = (
                translate("UnitBoard", "%1 (%2 of %3 available)")
                .replace("%1", labels.agency(agency))
                .replace("%2", str(free))
                .replace("%3", str(len(group)))
            )
        return text

    def _group_data(self, index: Index, role: int) -> Any:
        agency = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return self._group_text(agency)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            0: translate("UnitBoard", "Unit"),
            1: translate("UnitBoard", "Status"),
            2: translate("UnitBoard", "Incident"),
            3: translate("UnitBoard", "Since"),
        }.get(section)

    # -- updating ----------------------------------------------------------------------------------

    def set_units(self, units: Sequence[UnitView]) -> None:
        """Replace the whole board (a roster load); a board of the same units changes row by row."""
        grouped: dict[AgencyType, list[UnitView]] = {}
        for unit in units:
            grouped.setdefault(unit.agency_type, []).append(unit)
        groups = [agency for agency in AgencyType if agency in grouped]
        same_shape = groups == self._groups and all(
            [u.id for u in grouped[g]] == [u.id for u in self._units[g]] for g in groups
        )
        if not same_shape:
            self.beginResetModel()
            self._groups, self._units = groups, grouped
            self._by_id = {u.id: u for u in units}
            self._haystacks.clear()
            self._group_texts.clear()
            self.endResetModel()
            return
        for group_row, agency in enumerate(groups):
            old, new = self._units[agency], grouped[agency]
            self._units[agency] = new
            changed = [row for row, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
            self._by_id.update((new[row].id, new[row]) for row in changed)
            if changed:
                self._group_changed(group_row)
                parent = self.index(group_row, 0)
                for row in changed:
                    self.dataChanged.emit(
                        self.index(row, 0, parent), self.index(row, self.COLUMNS - 1, parent)
                    )

    def update_units(self, views: Iterable[UnitView]) -> None:
        """These units as they are now: changed rows signalled, new ones inserted, inactive removed."""
        for view in views:
            if not view.active:
                self.remove_keys([view.id])
                continue
            before = self._by_id.get(view.id)
            if before is None:
                self._insert(view)
            elif before.agency_type is not view.agency_type:
                self.remove_keys([view.id])
                self._insert(view)
            else:
                self._replace(view)

    def remove_keys(self, ids: Iterable[int]) -> None:
        """Take these units off the board (ids not on it are ignored)."""
        for unit_id in set(ids):
            unit = self._by_id.get(unit_id)
            if unit is None:
                continue
            agency = unit.agency_type
            group = self._units[agency]
            position = self._position(unit)
            group_row = self._groups.index(agency)
            del self._by_id[unit_id]
            self._haystacks.pop(unit_id, None)
            if len(group) == 1:
                self.beginRemoveRows(QModelIndex(), group_row, group_row)
                del self._groups[group_row]
                del self._units[agency]
                self.endRemoveRows()
                continue
            self.beginRemoveRows(self.index(group_row, 0), position, position)
            del group[position]
            self.endRemoveRows()
            self._group_changed(group_row)

    def _replace(self, view: UnitView) -> None:
        group = self._units[view.agency_type]
        position = self._position(self._by_id[view.id])
        if group[position] == view:
            return
        group_row = self._groups.index(view.agency_type)
        parent = self.index(group_row, 0)
        if group[position].call_sign != view.call_sign:
            rest = group[:position] + group[position + 1 :]
            target = bisect_left(rest, view.call_sign, key=_call_sign)
            if target != position:
                # Qt counts the destination in the rows before the move.
                destination = target if target < position else target + 1
                self.beginMoveRows(parent, position, position, parent, destination)
                del group[position]
                group.insert(target, view)
                self._by_id[view.id] = view
                self.endMoveRows()
                position = target
        group[position] = view
        self._by_id[view.id] = view
        self.dataChanged.emit(self.index(position, 0, parent), self.index(position, self.COLUMNS - 1, parent))
        self._group_changed(group_row)

    def _insert(self, view: UnitView) -> None:
        agency = view.agency_type
        if agency not in self._units:
            group_row = sum(1 for g in self._groups if AGENCIES.index(g) < AGENCIES.index(agency))
            self.beginInsertRows(QModelIndex(), group_row, group_row)
            self._groups.insert(group_row, agency)
            self._units[agency] = [view]
            self._by_id[view.id] = view
            self.endInsertRows()
            return
        group = self._units[agency]
        group_row = self._groups.index(agency)
        position = bisect_left(group, view.call_sign, key=_call_sign)
        self.beginInsertRows(self.index(group_row, 0), position, position)
        group.insert(position, view)
        self._by_id[view.id] = view
        self.endInsertRows()
        self._group_changed(group_row)

    def _position(self, unit: UnitView) -> int:
        """The row of a unit on the board (groups are in call-sign order, call signs unique)."""
        return bisect_left(self._units[unit.agency_type], unit.call_sign, key=_call_sign)

    def _group_changed(self, group_row: int) -> None:
        """A unit of the group changed: its counts are signalled if they changed."""
        agency = self._groups[group_row]
        before = self._group_texts.pop(agency, None)
        if before != self._group_text(agency):
            index = self.index(group_row, 0)
            self.dataChanged.emit(index, index)

    def refresh_live_columns(self, rows: Iterable[Index] | None = None) -> None:
        """Time moved on: the "Since" column repaints, nothing else.

        ``rows`` limits it to those unit rows (the ones a view shows); by default every unit.
        """
        if rows is not None:
            for index in rows:
                if index.isValid() and index.internalId() != _GROUP:
                    cell = self.index(index.row(), SINCE_COLUMN, index.parent())
                    self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])
            return
        for group_row in range(len(self._groups)):
            parent = self.index(group_row, 0)
            count = self.rowCount(parent)
            if count:
                self.dataChanged.emit(
                    self.index(0, SINCE_COLUMN, parent),
                    self.index(count - 1, SINCE_COLUMN, parent),
                    [Qt.ItemDataRole.DisplayRole],
                )


class UnitFilterProxy(QSortFilterProxyModel):
    """The unit board narrowed to the units whose text contains every word of the filter.

    Groups always pass (the view hides those left empty). Whether a unit matches is remembered for the unit's
    current snapshot, so that a status change re-tests one unit, not the 2,000 on the board.
    """

    def __init__(self, source: UnitBoardModel, parent: QObject | None = None) -> None:
        # Parented to the window, it goes with it: left to Python's collector at exit it could be
        # destroyed after its source and call back into Python half-torn-down.
        super().__init__(parent)
        self._board = source
        self._words: tuple[str, ...] = ()
        self._matches: dict[int, tuple[UnitView, bool]] = {}
        self.setSourceModel(source)

    def filter_words(self) -> tuple[str, ...]:
        return self._words

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self._matches.clear()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def matches(self, unit: UnitView) -> bool:
        if not self._words:
            return True
        known = self._matches.get(unit.id)
        if known is not None and known[0] is unit:
            return known[1]
        haystack = self._board.haystack(unit)
        found = all(word in haystack for word in self._words)
        self._matches[unit.id] = (unit, found)
        return found

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words or not source_parent.isValid():
            # Groups stay (the view hides the empty ones): a group filtered out and back would come
            # back collapsed, and opening it again lays out its hundreds of rows.
            return True
        return self.matches(self._board.group_units(source_parent.row())[source_row])

    def unit_at(self, index: Index) -> UnitView | None:
        return self._board.unit_at(self.mapToSource(index))
