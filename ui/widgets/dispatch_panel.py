"""Dispatching from the incident: the recommended units (Ctrl+R sends them), the other available
units (the category's agencies first), and the assigned units moving through their statuses."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.lifecycle import DISPATCHABLE
from dispatch.domain.positions import PlacedPosition, PositionSource
from dispatch.domain.recommend import Need, Pick, Recommendation
from dispatch.services.recommendations import load_default_needs, recommend_units
from dispatch.services.snapshots import AssignmentView, IncidentView, UnitView
from ui import labels
from ui.distances import distance_words
from ui.models.snapshot_table import Column, SnapshotTableModel
from ui.session import ConsoleSession
from ui.timefmt import local_time
from ui.widgets.location_entry import radius_words

translate = QCoreApplication.translate

UnitIdRole = Qt.ItemDataRole.UserRole + 10
#: A position this uncertain (metres) or more makes the distances from it rough ("~2.1 km").
ROUGH_RADIUS_M = 1000.0


def rank_candidates(
    units: Sequence[UnitView], incident: IncidentView | None, catalogue: Catalogue
) -> list[UnitView]:
    """Dispatchable units, those of the category's default agencies first (in the catalogue's order)."""
    agencies = (
        []
        if incident is None or incident.category is None
        else list(catalogue.get(incident.category).agencies)
    )

    def rank(unit: UnitView) -> tuple[int, str]:
        position = agencies.index(unit.agency_type) if unit.agency_type in agencies else len(agencies)
        return position, unit.call_sign

    return sorted((u for u in units if u.status in DISPATCHABLE), key=rank)


def capability(name: str) -> str:
    """A unit capability in words (the roster's vocabulary, dispatch.domain.roster.CAPABILITIES)."""
    words = {
        "patrol": translate("Capabilities", "patrol"),
        "ambulance_bls": translate("Capabilities", "ambulance (basic life support)"),
        "ambulance_als": translate("Capabilities", "ambulance (advanced life support)"),
        "fire_engine": translate("Capabilities", "fire engine"),
        "rescue": translate("Capabilities", "rescue"),
        "water_tanker": translate("Capabilities", "water tanker"),
        "boat": translate("Capabilities", "boat"),
        "hearse": translate("Capabilities", "hearse"),
        "tow": translate("Capabilities", "tow truck"),
        "utility_crew": translate("Capabilities", "utility crew"),
        "social_outreach": translate("Capabilities", "social outreach"),
    }
    return words.get(name, name)


def need_text(need: Need) -> str:
    """``medical`` for one agency; ``rescue`` when any of several agencies will do."""
    if len(need.agencies) == 1:
        return labels.agency(need.agencies[0]).lower()
    return capability(need.capabilities[0]) if need.capabilities else labels.agency(need.agencies[0]).lower()


def pick_text(pick: Pick, approximate: bool = False) -> str:
    """``DEMO-PSC-02 · medical · 1.8 km · ~3 min``; ``~1.8 km`` when measured from an area's centre."""
    parts = [pick.call_sign, need_text(pick.need)]
    if pick.distance_m is not None and pick.eta_minutes is not None:
        km = distance_words(pick.distance_m)
        parts.append(f"~{km}" if approximate else km)
        parts.append(
            translate("DispatchPanel", "~%1 min").replace("%1", str(max(1, round(pick.eta_minutes))))
        )
    return " · ".join(parts)


def distances_from_words(position: PlacedPosition) -> str:
    """What the recommendation's distances are measured from, and how far off that may be."""
    if position.source is PositionSource.VILLAGE:
        text = translate("DispatchPanel", "Distances from the centre of the kelurahan %1")
    elif position.source is PositionSource.DISTRICT:
        text = translate("DispatchPanel", "Distances from the centre of the kecamatan %1")
    elif position.source is PositionSource.AML:
        text = translate("DispatchPanel", "Distances from the handset position")
    else:
        return translate("DispatchPanel", "Distances from the typed position")
    text = text.replace("%1", position.place or "—")
    if position.radius_m is None:
        return text
    radius = radius_words(position.radius_m)
    return translate("DispatchPanel", "%1 (%2)").replace("%2", radius).replace("%1", text)


class CandidateList(QListView):
    """Space marks a unit, Enter sends the marked units (or the current one if none is marked).

    Signals: ``dispatch_requested(list)`` with unit ids.
    """

    dispatch_requested = Signal(list)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dispatch_requested.emit(self.chosen_ids())
            return
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            model = self.model()
            assert isinstance(model, QStandardItemModel)
            item = model.itemFromIndex(self.currentIndex())
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)

    def marked_ids(self) -> list[int]:
        model = self.model()
        assert isinstance(model, QStandardItemModel)
        return [
            int(model.item(row).data(UnitIdRole))
            for row in range(model.rowCount())
            if model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def chosen_ids(self) -> list[int]:
        """The marked units, or the current one when none is marked."""
        marked = self.marked_ids()
        if not marked and self.currentIndex().isValid():
            marked = [int(self.currentIndex().data(UnitIdRole))]
        return marked


class DispatchPanel(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        zone = session.zone
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        self._needs = load_default_needs(session.catalogue)
        self.recommendation: Recommendation | None = None

        recommended_box = QGroupBox(translate("DispatchPanel", "Recommended (Ctrl+R dispatches them)"))
        recommended_layout = QVBoxLayout(recommended_box)
        recommended_layout.setContentsMargins(4, 2, 4, 2)
        # What the distances are from: a kelurahan's centre makes them as rough as the centre.
        self.distances_from = QLabel()
        self.distances_from.setObjectName("distancesFrom")
        self.distances_from.setWordWrap(True)
        self.distances_from.hide()
        recommended_layout.addWidget(self.distances_from)
        self.recommended = QLabel()
        self.recommended.setObjectName("recommendedUnits")
        self.recommended.setWordWrap(True)
        self.recommended.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        recommended_layout.addWidget(self.recommended)
        layout.addWidget(recommended_box)

        candidates_box = QGroupBox(
            translate("DispatchPanel", "Available units (F6; Space marks, Enter dispatches)")
        )
        candidates_layout = QVBoxLayout(candidates_box)
        self.candidate_model = QStandardItemModel(self)
        self.candidates = CandidateList()
        self.candidates.setObjectName("candidateUnits")
        self.candidates.setModel(self.candidate_model)
        self.candidates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates.setMinimumHeight(90)
        candidates_layout.addWidget(self.candidates)
        layout.addWidget(candidates_box, 1)

        assigned_box = QGroupBox(
            translate("DispatchPanel", "Assigned units (F7 next status, Shift+F7 choose)")
        )
        assigned_layout = QVBoxLayout(assigned_box)
        self.assignment_model: SnapshotTableModel[AssignmentView] = SnapshotTableModel(
            [
                Column(lambda: translate("DispatchPanel", "Unit"), lambda a: a.call_sign),
                Column(lambda: translate("DispatchPanel", "Agency"), lambda a: labels.agency(a.agency_type)),
                Column(
                    lambda: translate("DispatchPanel", "Status"),
                    lambda a: labels.unit_status(a.unit_status),
                    background=lambda a: QBrush(labels.unit_status_colour(a.unit_status)),
                ),
                Column(
                    lambda: translate("DispatchPanel", "Dispatched"),
                    lambda a: local_time(a.dispatched_at, zone),
                ),
                Column(
                    lambda: translate("DispatchPanel", "On scene"), lambda a: local_time(a.on_scene_at, zone)
                ),
            ],
            key=lambda a: a.id,
        )
        self.assignments = QTableView()
        self.assignments.setObjectName("assignedUnits")
        self.assignments.setModel(self.assignment_model)
        self.assignments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assignments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assignments.verticalHeader().hide()
        self.assignments.setWordWrap(False)
        self.assignments.horizontalHeader().setStretchLastSection(True)
        self.assignments.setMinimumHeight(90)
        assigned_layout.addWidget(self.assignments)
        self.message = QLabel()
        self.message.setObjectName("dispatchMessage")
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.setWordWrap(True)
        self.message.hide()
        assigned_layout.addWidget(self.message)
        layout.addWidget(assigned_box, 1)

    def show_units(self, incident: IncidentView | None, units: Sequence[UnitView]) -> None:
        marked = set(self.candidates.marked_ids())
        current = (
            self.candidates.currentIndex().data(UnitIdRole)
            if self.candidates.currentIndex().isValid()
            else None
        )
        self.candidate_model.clear()
        self._show_recommendation(incident, units)
        if incident is None or incident.closed_at is not None:
            return
        agencies = (
            [] if incident.category is None else self._session.catalogue.get(incident.category).agencies
        )
        for unit in rank_candidates(units, incident, self._session.catalogue):
            suggested = "★ " if unit.agency_type in agencies else ""
            item = QStandardItem(
                f"{suggested}{unit.call_sign} · {labels.agency(unit.agency_type)} · {unit.station}"
            )
            item.setData(unit.id, UnitIdRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if unit.id in marked else Qt.CheckState.Unchecked)
            self.candidate_model.appendRow(item)
            if unit.id == current:
                self.candidates.setCurrentIndex(item.index())
        if not self.candidates.currentIndex().isValid() and self.candidate_model.rowCount():
            self.candidates.setCurrentIndex(self.candidate_model.index(0, 0))

    def _show_recommendation(self, incident: IncidentView | None, units: Sequence[UnitView]) -> None:
        if incident is None or incident.closed_at is not None:
            self.recommendation = None
            self.recommended.setText(translate("DispatchPanel", "No incident open."))
            self.distances_from.hide()
            return
        self.recommendation = recommend_units(
            incident, list(units), self._session.catalogue, self._needs, self._session.eta_speed_kmh
        )
        position = self.recommendation.position
        # From an area's centre, or a handset fix a kilometre or more wide (a cell's), a distance to
        # a tenth of a kilometre is not what it seems.
        approximate = position is not None and (
            position.approximate or (position.radius_m or 0.0) >= ROUGH_RADIUS_M
        )
        measured = any(pick.distance_m is not None for pick in self.recommendation.picks)
        if position is not None and measured:
            self.distances_from.setText(distances_from_words(position))
            self.distances_from.show()
        else:
            self.distances_from.hide()
        lines = [pick_text(pick, approximate) for pick in self.recommendation.picks]
        for need, call_sign in self.recommendation.covered:
            lines.append(
                translate("DispatchPanel", "✔ %1 · %2 (already sent)")
                .replace("%1", call_sign)
                .replace("%2", need_text(need))
            )
        for need in self.recommendation.unmet:
            lines.append(translate("DispatchPanel", "⚠ no available unit: %1").replace("%1", need_text(need)))
        if not self.recommendation.needs:
            lines.append(translate("DispatchPanel", "Choose the category to get a recommendation."))
        elif not self.recommendation.has_position and self.recommendation.picks:
            lines.append(translate("DispatchPanel", "No position: units by agency, without distances."))
        self.recommended.setText("\n".join(lines))

    def recommended_ids(self) -> list[int]:
        """The units of the current recommendation, nearest first (empty when nothing to send)."""
        return [] if self.recommendation is None else list(self.recommendation.unit_ids)

    def show_assignments(self, rows: Sequence[AssignmentView]) -> None:
        self.assignment_model.set_rows(list(rows))
        self.assignments.resizeColumnsToContents()
        if not self.assignments.currentIndex().isValid():
            first_active = next((i for i, a in enumerate(rows) if a.active), None)
            if first_active is not None:
                self.assignments.selectRow(first_active)

    def selected_assignment(self) -> AssignmentView | None:
        index = self.assignments.currentIndex()
        if index.isValid():
            row = self.assignment_model.row(index.row())
            if row.active:
                return row
        return next((a for a in self.assignment_model.rows() if a.active), None)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def focus_candidates(self) -> None:
        """Focus the list at its top: the first recommended unit."""
        self.candidates.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.candidate_model.rowCount():
            self.candidates.setCurrentIndex(self.candidate_model.index(0, 0))
