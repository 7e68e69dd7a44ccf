"""The unit board: units grouped by agency type; status as text and colour, never colour alone.

A flat table: a heading row for each agency ("Police (12 of 40 available)") and under it the agency's
units, in call-sign order. As a tree (group rows with the units as children) the view laid out every
open row on each row inserted or removed, calling Python two or three times a row: widening the filter
to 2,000 units cost 20-35 ms. A table lays out nothing per row (uniform row heights): its cost follows
the rows on screen, not the size of the board.

Updated unit by unit (``update_units``, ``remove_keys``): at 2,000 units, rebuilding the board for
every status change cost more than a frame. The model filters itself (``set_filter_text``): it shows only
the units whose call sign, agency, status (in the user's language) or station contain every word typed,
and the headings of the agencies with a unit shown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from dispatch.domain.clock import Clock
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.lifecycle import DISPATCHABLE
from dispatch.services.snapshots import UnitView
from ui import labels
from ui.models.snapshot_table import KeyRole, RowRole
from ui.timefmt import elapsed

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
#: A row of the board: an agency's heading, or a unit.
Row = AgencyType | UnitView

#: Agencies in the board's order (that of AgencyType).
_ORDER = {agency: number for number, agency in enumerate(AgencyType)}
SINCE_COLUMN = 3
# flags() runs for every cell the view paints or selects: combined once here, not with enum arithmetic
# in Python each time (that alone cost 6 µs a call).
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_UNIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
#: A filter change needing more runs of rows removed or inserted than this is signalled as one layout
#: change: each run is a pair of signals that every view and selection model follows (hundreds of
#: scattered runs cost ~14 ms), a layout change one pair whatever the rows.
MAX_FILTER_RUNS = 8
#: Headings are bold on this shade (and say what they are: colour is not their only sign).
GROUP_BACKGROUND = "#d7dee8"
#: What a heading asks of its first column's width: nothing (it spans the row); sizing the first column
#: to its contents would otherwise fit the headings' long text, not the call signs.
_GROUP_SIZE_HINT = QSize(1, 1)


def _call_sign(unit: UnitView) -> str:
    return unit.call_sign


def _key(row: Row) -> object:
    """What identifies a row across changes: the unit's id, or the agency of a heading."""
    return row.id if isinstance(row, UnitView) else row


class UnitBoardModel(QAbstractTableModel):
    """Agency heading rows, each followed by the units of the agency that match the filter.

    An agency with no unit matching the filter has no heading either. Headings span the row in the view
    (``ui.widgets.unit_board_view.UnitBoardView`` keeps the spans on the rows ``group_rows`` names).
    """

    COLUMNS = 4

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock
        # Agencies with at least one unit (shown or filtered out), in AgencyType order.
        self._groups: list[AgencyType] = []
        # Each group's units in call-sign order (the order of ``queries.units``), all of them.
        self._all: dict[AgencyType, list[UnitView]] = {}
        # Each group's units that match the filter, in the same order.
        self._units: dict[AgencyType, list[UnitView]] = {}
        # The rows as the view sees them: for each group with units shown, its heading and those units.
        self._rows: list[Row] = []
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
        self._group_brush = QBrush(QColor(GROUP_BACKGROUND))

    # -- structure ---------------------------------------------------------------------------------

    # index(), rowCount() and flags() run for every cell the view paints: they check bounds themselves
    # rather than through hasIndex(), which calls back into Python twice.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or row >= len(self._rows) or not 0 <= column < 4 or parent.isValid():
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return _NO_FLAGS
        return _UNIT_FLAGS if isinstance(self._rows[row], UnitView) else _GROUP_FLAGS

    def group_rows(self) -> list[int]:
        """The rows that are agency headings, top to bottom (right between the runs of a filter change
        too: read from the rows themselves)."""
        return [number for number, row in enumerate(self._rows) if type(row) is not UnitView]

    # -- data --------------------------------------------------------------------------------------

    def unit_at(self, index: Index) -> UnitView | None:
        """The unit on this row; None for a heading (or an index from before rows went)."""
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return None
        found = self._rows[row]
        return found if isinstance(found, UnitView) else None

    def group_at(self, index: Index) -> AgencyType | None:
        """The agency whose heading this row is; None for a unit's row."""
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return None
        found = self._rows[row]
        return None if isinstance(found, UnitView) else found

    def units(self) -> list[UnitView]:
        """Every unit on the board, shown or filtered out."""
        return [u for group in self._groups for u in self._all[group]]

    def groups(self) -> list[AgencyType]:
        """The agencies with a heading on the board (those with a unit matching the filter)."""
        return [agency for agency in self._groups if self._units[agency]]

    def group_units(self, agency: AgencyType) -> list[UnitView]:
        """The agency's rows: its units that match the filter, in call-sign order."""
        return list(self._units.get(agency, ()))

    def unit_by_id(self, unit_id: int) -> UnitView | None:
        return self._by_id.get(unit_id)

    def index_of_unit(self, unit_id: int, column: int = 0) -> QModelIndex:
        """The index of the unit's row, invalid when the unit is not on the board or filtered out."""
        unit = self._by_id.get(unit_id)
        row = None if unit is None else self._row(unit)
        return QModelIndex() if row is None else self.createIndex(row, column)

    def group_index(self, agency: AgencyType) -> QModelIndex:
        """The index of the agency's heading, invalid when it has none (no unit shown)."""
        if not self._units.get(agency):
            return QModelIndex()
        return self.createIndex(self._group_start(agency), 0)

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
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return None
        unit = self._rows[row]
        column = index.column()
        if not isinstance(unit, UnitView):
            return self._group_data(unit, column, role)
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

    def _group_data(self, agency: AgencyType, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._group_text(agency) if column == 0 else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._group_brush
        if role == Qt.ItemDataRole.SizeHintRole and column == 0:
            return _GROUP_SIZE_HINT
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

        The rows that stop matching are removed and those that start are inserted, a contiguous run at
        a time; when that takes more than MAX_FILTER_RUNS runs, the board changes in one layout change
        instead. Either way the view keeps its selection and current row (when still shown).
        """
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        # Every old word inside a new one (a word typed on): only the rows shown can still match.
        narrowing = bool(self._words) and all(any(old in new for new in words) for old in self._words)
        self._words = words
        wanted = {
            agency: [u for u in (self._units if narrowing else self._all)[agency] if self.matches(u)]
            if words
            else list(self._all[agency])
            for agency in self._groups
        }
        self._show(wanted)

    def _show(self, wanted: dict[AgencyType, list[UnitView]]) -> None:
        """Make each group's rows its ``wanted`` units (a subsequence of its units, in order)."""
        rows = self._flatten(wanted)
        old_keys = [_key(row) for row in self._rows]
        new_keys = [_key(row) for row in rows]
        kept_old, kept_new = set(old_keys), set(new_keys)
        removals = _runs([key not in kept_new for key in old_keys])
        insertions = _runs([key not in kept_old for key in new_keys])
        if len(removals) + len(insertions) > MAX_FILTER_RUNS:
            self._relayout(wanted, rows)
            return
        for start, end in reversed(removals):  # from the bottom, so that the rows above keep their numbers
            self.beginRemoveRows(QModelIndex(), start, end - 1)
            del self._rows[start:end]
            self.endRemoveRows()
        self._units = wanted
        # The rows left are a subsequence of ``rows`` (the same order): insert what is missing.
        for start, end in insertions:
            self.beginInsertRows(QModelIndex(), start, end - 1)
            self._rows[start:start] = rows[start:end]
            self.endInsertRows()

    def _relayout(self, wanted: dict[AgencyType, list[UnitView]], rows: list[Row]) -> None:
        """The board becomes ``rows`` in one layout change; indexes kept on a row follow it."""
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._units, self._rows = wanted, rows
        persistent = self.persistentIndexList()
        if persistent:
            new_row = {_key(row): number for number, row in enumerate(rows)}
            moved = []
            for index in persistent:
                old = index.row()
                target = new_row.get(_key(before[old])) if 0 <= old < len(before) else None
                moved.append(QModelIndex() if target is None else self.createIndex(target, index.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _flatten(self, shown: dict[AgencyType, list[UnitView]]) -> list[Row]:
        rows: list[Row] = []
        for agency in self._groups:
            units = shown[agency]
            if units:
                rows.append(agency)
                rows.extend(units)
        return rows

    # -- updating ----------------------------------------------------------------------------------

    def set_units(self, units: Sequence[UnitView]) -> None:
        """Replace the whole board (a roster load); a board of the same units changes row by row."""
        grouped: dict[AgencyType, list[UnitView]] = {}
        for unit in units:
            grouped.setdefault(unit.agency_type, []).append(unit)
        for group in grouped.values():
            group.sort(key=_call_sign)
        groups = [agency for agency in AgencyType if agency in grouped]
        same_shape = groups == self._groups and all(
            [u.id for u in grouped[g]] == [u.id for u in self._all[g]] for g in groups
        )
        if not same_shape:
            self.beginResetModel()
            self._groups, self._all = groups, grouped
            self._by_id = {u.id: u for u in units}
            self._haystacks.clear()
            self._group_texts.clear()
            self._units = {g: [u for u in grouped[g] if self.matches(u)] for g in groups}
            self._rows = self._flatten(self._units)
            self.endResetModel()
            return
        for agency in groups:
            changed = [new for old, new in zip(self._all[agency], grouped[agency], strict=True) if old != new]
            for view in changed:
                self._replace(view, count=False)
            if changed:
                self._group_changed(agency)

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
            self._hide_row(unit)
            del self._by_id[unit_id]
            self._haystacks.pop(unit_id, None)
            group = self._all[agency]
            del group[self._position(unit)]
            if not group:  # no row left to signal: the group had none shown
                self._groups.remove(agency)
                del self._all[agency]
                del self._units[agency]
                self._group_texts.pop(agency, None)
                continue
            self._group_changed(agency)

    def _replace(self, view: UnitView, count: bool = True) -> None:
        """The unit as it is now: its row changes, moves, goes or comes as it matches the filter."""
        before = self._by_id[view.id]
        agency = view.agency_type
        group = self._all[agency]
        position = self._position(before)
        if group[position] == view:
            return
        row = self._row(before)
        del group[position]
        group.insert(bisect_left(group, view.call_sign, key=_call_sign), view)
        self._by_id[view.id] = view
        shown = self.matches(view)
        if row is not None and not shown:
            self._hide_row(before)
        elif row is None and shown:
            self._show_row(view)
        elif row is not None:
            units = self._units[agency]
            place = row - self._group_start(agency) - 1
            if before.call_sign != view.call_sign:
                rest = units[:place] + units[place + 1 :]
                target = bisect_left(rest, view.call_sign, key=_call_sign)
                if target != place:
                    new_row = row + target - place
                    # Qt counts the destination in the rows before the move.
                    destination = new_row if new_row < row else new_row + 1
                    self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
                    del units[place]
                    units.insert(target, view)
                    del self._rows[row]
                    self._rows.insert(new_row, view)
                    self.endMoveRows()
                    place, row = target, new_row
            units[place] = view
            self._rows[row] = view
            self.dataChanged.emit(self.createIndex(row, 0), self.createIndex(row, self.COLUMNS - 1))
        if count:
            self._group_changed(agency)

    def _insert(self, view: UnitView) -> None:
        agency = view.agency_type
        if agency not in self._all:
            self._groups.insert(sum(1 for g in self._groups if _ORDER[g] < _ORDER[agency]), agency)
            self._all[agency] = []
            self._units[agency] = []
        group = self._all[agency]
        group.insert(bisect_left(group, view.call_sign, key=_call_sign), view)
        self._by_id[view.id] = view
        if self.matches(view):
            self._show_row(view)
        self._group_changed(agency)

    def _show_row(self, view: UnitView) -> None:
        """Insert the unit's row (with its agency's heading, when it is the agency's first shown)."""
        agency = view.agency_type
        units = self._units[agency]
        start = self._group_start(agency)
        place = bisect_left(units, view.call_sign, key=_call_sign)
        if units:
            self.beginInsertRows(QModelIndex(), start + 1 + place, start + 1 + place)
            units.insert(place, view)
            self._rows.insert(start + 1 + place, view)
        else:
            self.beginInsertRows(QModelIndex(), start, start + 1)
            units.append(view)
            self._rows[start:start] = [agency, view]
        self.endInsertRows()

    def _hide_row(self, unit: UnitView) -> None:
        """Remove the unit's row if shown (with its agency's heading, when it was the agency's last)."""
        row = self._row(unit)
        if row is None:
            return
        agency = unit.agency_type
        units = self._units[agency]
        place = row - self._group_start(agency) - 1
        first = row - 1 if len(units) == 1 else row
        self.beginRemoveRows(QModelIndex(), first, row)
        del units[place]
        del self._rows[first : row + 1]
        self.endRemoveRows()

    def _group_start(self, agency: AgencyType) -> int:
        """The row of the agency's heading (where it goes, when the agency has no unit shown)."""
        row = 0
        for group in self._groups:
            if group is agency:
                return row
            shown = len(self._units[group])
            if shown:
                row += 1 + shown
        raise KeyError(agency)

    def _position(self, unit: UnitView) -> int:
        """The unit's place among its group's units (groups are in call-sign order, call signs unique)."""
        return bisect_left(self._all[unit.agency_type], unit.call_sign, key=_call_sign)

    def _row(self, unit: UnitView) -> int | None:
        """The unit's row, None when the filter leaves it out."""
        units = self._units[unit.agency_type]
        place = bisect_left(units, unit.call_sign, key=_call_sign)
        if place >= len(units) or units[place].id != unit.id:
            return None
        return self._group_start(unit.agency_type) + 1 + place

    def _group_changed(self, agency: AgencyType) -> None:
        """A unit of the group changed: its heading is signalled if its counts changed."""
        before = self._group_texts.pop(agency, None)
        if before != self._group_text(agency) and self._units[agency]:
            index = self.createIndex(self._group_start(agency), 0)
            self.dataChanged.emit(index, index)

    def refresh_live_columns(self, first: int = 0, last: int | None = None) -> None:
        """Time moved on: the "Since" column of rows ``first`` to ``last`` (the ones a view shows; by
        default all) repaints, nothing else."""
        last = len(self._rows) - 1 if last is None else min(last, len(self._rows) - 1)
        first = max(first, 0)
        if first <= last:
            self.dataChanged.emit(
                self.createIndex(first, SINCE_COLUMN),
                self.createIndex(last, SINCE_COLUMN),
                [Qt.ItemDataRole.DisplayRole],
            )


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """The [start, end) runs of consecutive True values."""
    runs = []
    start = None
    for number, flag in enumerate(flags):
        if flag and start is None:
            start = number
        elif not flag and start is not None:
            runs.append((start, number))
            start = None
    if start is not None:
        runs.append((start, len(flags)))
    return runs
