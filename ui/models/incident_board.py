"""The active-incident board: every open incident, most urgent first."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import Clock
from dispatch.services.snapshots import IncidentView
from ui import labels
from ui.models.snapshot_table import Column, SnapshotTableModel
from ui.timefmt import elapsed

translate = QCoreApplication.translate


class IncidentBoardModel(SnapshotTableModel[IncidentView]):
    def __init__(self, clock: Clock, catalogue: Catalogue, lang: str) -> None:
        def category(incident: IncidentView) -> str:
            if incident.category is None:
                return translate("IncidentBoard", "(not yet chosen)")
            return f"{incident.category} {catalogue.get(incident.category).label(lang)}"

        super().__init__(
            [
                Column(lambda: translate("IncidentBoard", "Number"), lambda i: i.number),
                Column(
                    lambda: translate("IncidentBoard", "Priority"),
                    lambda i: i.priority.value,
                    foreground=lambda i: QBrush(QColor(labels.PRIORITY_COLOURS[i.priority])),
                    tooltip=lambda i: labels.priority(i.priority),
                ),
                Column(lambda: translate("IncidentBoard", "Category"), category),
                Column(
                    lambda: translate("IncidentBoard", "Status"), lambda i: labels.incident_status(i.status)
                ),
                Column(lambda: translate("IncidentBoard", "Location"), lambda i: i.location_summary),
                Column(
                    lambda: translate("IncidentBoard", "Age"),
                    lambda i: elapsed(i.created_at, clock.now()),
                    align_right=True,
                    live=True,
                ),
                Column(lambda: translate("IncidentBoard", "Units"), lambda i: " ".join(i.units)),
            ],
            key=lambda i: i.id,
            order=board_order,
        )


def board_order(incident: IncidentView) -> tuple[str, datetime, int]:
    """Most urgent first, then oldest: the order of ``queries.active_incidents``."""
    return incident.priority.value, incident.created_at, incident.id
