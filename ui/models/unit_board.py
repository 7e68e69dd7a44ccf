"""The unit board: units grouped by agency type; status as text and colour, never colour alone.

Updated unit by unit (``update_units``, ``remove_keys``): at 2,000 units, rebuilding the board for
every status change cost more than a frame. The model filters itself (``set_filter_text``): it shows only
the units whose call sign, agency, status (in the user's language) or station contain every word typed.
Through a QSortFilterProxyModel each filter change called Python for every row twice over (the proxy's
mapping, then the view's layout of every row) and stalled the window 50-100 ms; here a change removes and
inserts the rows that stop or start matching, in contiguous runs, and the view lays out only what is left.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
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
# flags() runs twice for every row the view lays out: combined once here, not with enum arithmetic
# in Python each time (that alone cost 6 µs a call, 25 ms to lay out 2,000 rows).
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_UNIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def _call_sign(unit: UnitView) -> str:
    return unit.call_sign


class UnitBoardModel(QAbstractItemModel):
    """Agency group rows, and under each the units of the agency that match the filter.

    Groups stay while they have units, matching or not (the view hides the empty ones while a filter is
    typed): a group removed and inserted again would come back collapsed, and opening it again lays out
    all its rows.
    """

    COLUMNS = 4

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock
        self._groups: list[AgencyType] = []
        # Each group's units in call-sign order (the order of ``queries.units``), all of them.
        self._all: dict[AgencyType, list[UnitView]] = {}
        # The rows: each group's units that match the filter, in the same order.
        self._units: dict[AgencyType, list[UnitView]] = {}
        # unit id -> the unit's snapshot on the board (its agency and call sign find its row).
        self._by_id: dict[int, UnitView] = {}
        self._haystacks: dict[int, tuple[UnitView, str]] = {}
        self._words: tuple[str, ...] = ()
        # Painting asks for these for every visible cell, often: translated and built once each.
        self._status_texts: dict[UnitStatus, str] = {}
        self._status_brushes: dict[UnitStatus, QBrush] = {}
        self._group_texts: dict[AgencyType, str] = {}
        bold = QFont()
        bold.setBold(True)
        self._bold = bold

    # -- structure ---------------------------------------------------------------------------------

    # index(), parent(), rowCount() and flags() run for every row the view lays out: they check bounds
    # themselves rather than through hasIndex(), which calls back into Python twice.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < 4:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if row < len(self._groups) else QModelIndex()
        group_row = parent.row()
        if parent.internalId() != _GROUP or parent.column() != 0 or group_row >= len(self._groups):
            return QModelIndex()
        agency = self._groups[group_row]
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
            return _NO_FLAGS
        return _GROUP_FLAGS if index.internalId() == _GROUP else _UNIT_FLAGS

    # -- data --------------------------------------------------------------------------------------

    def unit_at(self, index: Index) -> UnitView | None:
        """The unit on this row; None for a group row (or an index from before rows went)."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        rows = self._units.get(AGENCIES[index.internalId() - 1], [])
        return rows[index.row()] if index.row() < len(rows) else None

    def units(self) -> list[UnitView]:
        """Every unit on the board, shown or filtered out."""
        return [u for group in self._groups for u in self._all[group]]

    def group_units(self, group_row: int) -> list[UnitView]:
        """The group's rows: its units that match the filter."""
        return self._units[self._groups[group_row]]

    def unit_by_id(self, unit_id: int) -> UnitView | None:
        return self._by_id.get(unit_id)

    def index_of_unit(self, unit_id: int, column: int = 0) -> QModelIndex:
        """The index of the unit's row, invalid when the unit is not on the board or filtered out."""
        unit = self._by_id.get(unit_id)
        row = None if unit is None else self._row(unit)
        if unit is None or row is None:
            return QModelIndex()
        return self.createIndex(row, column, _UNIT_ID[unit.agency_type])

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
        if unit is None:
            return None
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
        """The agency's name and counts, of all its units (the filter leaves the counts alone)."""
        text = self._group_texts.get(agency)
        if text is None:
            group = self._all[agency]
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

    # -- the filter --------------------------------------------------------------------------------

    def filter_words(self) -> tuple[str, ...]:
        return self._words

    def matches(self, unit: UnitView) -> bool:
        """Whether the unit's text contains every word of the filter (any unit, with no filter)."""
        haystack = self.haystack(unit)
        return all(word in haystack for word in self._words)

    def set_filter_text(self, text: str) -> None:
        """Show only the units whose text contains every word of ``text`` (case-folded); all for none.

        The rows that stop matching are removed and those that start are inserted, a contiguous run
        at a time, so that the view keeps its open groups, selection and scroll position and lays out
        only the rows left.
        """
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        # Every old word inside a new one (a word typed on): only the rows shown can still match.
        narrowing = bool(self._words) and all(any(old in new for new in words) for old in self._words)
        self._words = words
        for group_row, agency in enumerate(self._groups):
            candidates = self._units[agency] if narrowing else self._all[agency]
            self._show(group_row, [u for u in candidates if self.matches(u)] if words else list(candidates))

    def _show(self, group_row: int, wanted: list[UnitView]) -> None:
        """Make the group's rows ``wanted`` (a subsequence of the group's units, in order)."""
        parent = self.index(group_row, 0)
        rows = self._units[self._groups[group_row]]
        keep = {u.id for u in wanted}
        end = len(rows)
        while end > 0:  # from the bottom, so that the rows above keep their numbers
            if rows[end - 1].id in keep:
                end -= 1
                continue
            start = end - 1
            while start > 0 and rows[start - 1].id not in keep:
                start -= 1
            self.beginRemoveRows(parent, start, end - 1)
            del rows[start:end]
            self.endRemoveRows()
            end = start
        # The rows left are a subsequence of ``wanted``: insert what is missing between them.
        present = {u.id for u in rows}
        row = 0
        while row < len(wanted):
            if wanted[row].id in present:
                row += 1
                continue
            start = row
            while row < len(wanted) and wanted[row].id not in present:
                row += 1
            self.beginInsertRows(parent, start, row - 1)
            rows[start:start] = wanted[start:row]
            self.endInsertRows()

    # -- updating ----------------------------------------------------------------------------------

    def set_units(self, units: Sequence[UnitView]) -> None:
        """Replace the whole board (a roster load); a board of the same units changes row by row."""
        grouped: dict[AgencyType, list[UnitView]] = {}
        for unit in units:
            grouped.setdefault(unit.agency_type, []).append(unit)
        groups = [agency for agency in AgencyType if agency in grouped]
        same_shape = groups == self._groups and all(
            [u.id for u in grouped[g]] == [u.id for u in self._all[g]] for g in groups
        )
        if not same_shape:
            self.beginResetModel()
            self._groups, self._all = groups, grouped
            self._units = {g: [u for u in grouped[g] if self.matches(u)] for g in groups}
            self._by_id = {u.id: u for u in units}
            self._haystacks.clear()
            self._group_texts.clear()
            self.endResetModel()
            return
        for group_row, agency in enumerate(groups):
            changed = [new for old, new in zip(self._all[agency], grouped[agency], strict=True) if old != new]
            for view in changed:
                self._replace(view, count=False)
            if changed:
                self._group_changed(group_row)

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
            group = self._all[agency]
            group_row = self._groups.index(agency)
            row = self._row(unit)
            del self._by_id[unit_id]
            self._haystacks.pop(unit_id, None)
            if len(group) == 1:
                self.beginRemoveRows(QModelIndex(), group_row, group_row)
                del self._groups[group_row]
                del self._all[agency]
                del self._units[agency]
                self.endRemoveRows()
                continue
            del group[self._position(unit)]
            if row is not None:
                self.beginRemoveRows(self.index(group_row, 0), row, row)
                del self._units[agency][row]
                self.endRemoveRows()
            self._group_changed(group_row)

    def _replace(self, view: UnitView, count: bool = True) -> None:
        """The unit as it is now: its row changes, moves, goes or comes as it matches the filter."""
        before = self._by_id[view.id]
        group = self._all[view.agency_type]
        position = self._position(before)
        if group[position] == view:
            return
        row = self._row(before)
        del group[position]
        group.insert(bisect_left(group, view.call_sign, key=_call_sign), view)
        self._by_id[view.id] = view
        group_row = self._groups.index(view.agency_type)
        parent = self.index(group_row, 0)
        rows = self._units[view.agency_type]
        shown = self.matches(view)
        if row is not None and not shown:
            self.beginRemoveRows(parent, row, row)
            del rows[row]
            self.endRemoveRows()
        elif row is None and shown:
            target = bisect_left(rows, view.call_sign, key=_call_sign)
            self.beginInsertRows(parent, target, target)
            rows.insert(target, view)
            self.endInsertRows()
        elif row is not None:
            if before.call_sign != view.call_sign:
                rest = rows[:row] + rows[row + 1 :]
                target = bisect_left(rest, view.call_sign, key=_call_sign)
                if target != row:
                    # Qt counts the destination in the rows before the move.
                    destination = target if target < row else target + 1
                    self.beginMoveRows(parent, row, row, parent, destination)
                    del rows[row]
                    rows.insert(target, view)
                    self.endMoveRows()
                    row = target
            rows[row] = view
            self.dataChanged.emit(self.index(row, 0, parent), self.index(row, self.COLUMNS - 1, parent))
        if count:
            self._group_changed(group_row)

    def _insert(self, view: UnitView) -> None:
        agency = view.agency_type
        shown = self.matches(view)
        if agency not in self._all:
            group_row = sum(1 for g in self._groups if AGENCIES.index(g) < AGENCIES.index(agency))
            self.beginInsertRows(QModelIndex(), group_row, group_row)
            self._groups.insert(group_row, agency)
            self._all[agency] = [view]
            self._units[agency] = [view] if shown else []
            self._by_id[view.id] = view
            self.endInsertRows()
            return
        group = self._all[agency]
        group.insert(bisect_left(group, view.call_sign, key=_call_sign), view)
        self._by_id[view.id] = view
        group_row = self._groups.index(agency)
        if shown:
            rows = self._units[agency]
            row = bisect_left(rows, view.call_sign, key=_call_sign)
            self.beginInsertRows(self.index(group_row, 0), row, row)
            rows.insert(row, view)
            self.endInsertRows()
        self._group_changed(group_row)

    def _position(self, unit: UnitView) -> int:
        """The unit's place among its group's units (groups are in call-sign order, call signs unique)."""
        return bisect_left(self._all[unit.agency_type], unit.call_sign, key=_call_sign)

    def _row(self, unit: UnitView) -> int | None:
        """The unit's row, None when the filter leaves it out."""
        rows = self._units[unit.agency_type]
        row = bisect_left(rows, unit.call_sign, key=_call_sign)
        return row if row < len(rows) and rows[row].id == unit.id else None

    def _group_changed(self, group_row: int) -> None:
        """A unit of the group changed: its counts are signalled if they changed."""
        agency = self._groups[group_row]
        before = self._group_texts.pop(agency, None)
        if before != self._group_text(agency):
            index = self.index(group_row, 0)
            self.dataChanged.emit(index, index)

    def refresh_live_columns(self, rows: Iterable[Index] | None = None) -> None:
        """Time moved on: the "Since" column repaints, nothing else.

        ``rows`` limits it to those unit rows (the ones a view shows); by default every row.
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
