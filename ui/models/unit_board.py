"""The unit board: units grouped by agency type; status as text and colour, never colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from dispatch.domain.clock import Clock
from dispatch.domain.enums import AgencyType
from dispatch.domain.lifecycle import DISPATCHABLE
from dispatch.services.snapshots import UnitView
from ui import labels
from ui.models.snapshot_table import KeyRole, RowRole
from ui.timefmt import elapsed

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

_GROUP = 0  # internalId of group rows; unit rows carry their group's position + 1


class UnitBoardModel(QAbstractItemModel):
    COLUMNS = 4

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock
        self._groups: list[AgencyType] = []
        self._units: dict[AgencyType, list[UnitView]] = {}
        bold = QFont()
        bold.setBold(True)
        self._bold = bold

    # -- structure ---------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        if child is None:
            return super().parent()  # QObject.parent()
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _GROUP)

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
        return self._units[self._groups[index.internalId() - 1]][index.row()]

    def units(self) -> list[UnitView]:
        return [u for group in self._groups for u in self._units[group]]

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
                return labels.unit_status(unit.status)
            if column == 2:
                return unit.incident_number or ""
            return elapsed(unit.status_since, self._clock.now())
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            return QBrush(labels.unit_status_colour(unit.status))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.agency_name} · {unit.station} · {', '.join(unit.capabilities)} · {unit.radio}"
        if role == RowRole:
            return unit
        if role == KeyRole:
            return unit.id
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        agency = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            group = self._units[agency]
            free = sum(1 for u in group if u.status in DISPATCHABLE)
            return (
                translate("UnitBoard", "%1 (%2 of %3 available)")
                .replace("%1", labels.agency(agency))
                .replace("%2", str(free))
                .replace("%3", str(len(group)))
            )
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
            self.endResetModel()
            return
        for group_row, agency in enumerate(groups):
            old, new = self._units[agency], grouped[agency]
            self._units[agency] = new
            changed = [row for row, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
            if changed:
                parent = self.index(group_row, 0)
                self.dataChanged.emit(self.index(group_row, 0), self.index(group_row, 0))
                self.dataChanged.emit(
                    self.index(min(changed), 0, parent), self.index(max(changed), self.COLUMNS - 1, parent)
                )

    def refresh_live_columns(self) -> None:
        for group_row in range(len(self._groups)):
            parent = self.index(group_row, 0)
            count = self.rowCount(parent)
            if count:
                self.dataChanged.emit(
                    self.index(0, 3, parent), self.index(count - 1, 3, parent), [Qt.ItemDataRole.DisplayRole]
                )
