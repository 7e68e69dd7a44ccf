"""The active-incident board: every open incident, most urgent first."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import Clock
from dispatch.domain.enums import IncidentStatus, Priority
from dispatch.services.snapshots import IncidentView
from ui import labels
from ui.models.snapshot_table import Column, SnapshotTableModel
from ui.timefmt import elapsed

translate = QCoreApplication.translate


class IncidentBoardModel(SnapshotTableModel[IncidentView]):
    def __init__(self, clock: Clock, catalogue: Catalogue, lang: str) -> None:
        # Painting asks for these for every visible cell: looked up and translated once each.
        categories: dict[str | None, str] = {}
        statuses: dict[tuple[IncidentStatus, bool], str] = {}
        brushes: dict[Priority, QBrush] = {}

        def category(incident: IncidentView) -> str:
            text = categories.get(incident.category)
            if text is None:
                if incident.category is None:
                    text = translate("IncidentBoard", "(not yet chosen)")
                else:
                    text = f"{incident.category} {catalogue.get(incident.category).label(lang)}"
                categories[incident.category] = text
            return text

        def status(incident: IncidentView) -> str:
            key = (incident.status, any(brief.open for brief in incident.forwardings))
            text = statuses.get(key)
            if text is None:
                text = statuses[key] = labels.incident_state(*key)
            return text

        def priority_brush(incident: IncidentView) -> QBrush:
            brush = brushes.get(incident.priority)
            if brush is None:
                brush = brushes[incident.priority] = QBrush(
                    QColor(labels.PRIORITY_COLOURS[incident.priority])
                )
            return brush

        super().__init__(
            [
                Column(lambda: translate("IncidentBoard", "Number"), lambda i: i.number),
                Column(
                    lambda: translate("IncidentBoard", "Priority"),
                    lambda i: i.priority.value,
                    foreground=priority_brush,
                    tooltip=lambda i: labels.priority(i.priority),
                ),
                Column(lambda: translate("IncidentBoard", "Category"), category),
                Column(lambda: translate("IncidentBoard", "Status"), status),
                Column(lambda: translate("IncidentBoard", "Location"), lambda i: i.location_summary),
                Column(
                    lambda: translate("IncidentBoard", "Age"),
                    lambda i: elapsed(i.created_at, clock.now()),
                    align_right=True,
                    live=True,
                ),
                Column(lambda: translate("IncidentBoard", "Units"), lambda i: " ".join(i.units)),
                Column(
                    lambda: translate("IncidentBoard", "Agencies"),
                    lambda i: forwardings_text(i, clock.now()),
                    live=True,
                ),
            ],
            key=lambda i: i.id,
            order=board_order,
        )


def forwardings_text(incident: IncidentView, now: datetime) -> str:
    """``⚠ NOT ACKNOWLEDGED: Polsek Tembalang; Damkar Kota Semarang: acknowledged by the agency``: each
    agency the incident was forwarded to with its state in words (overdue said, not coloured), the
    overdue ones first (a squeezed column keeps the start of its words; the tooltip has them all)."""
    late, others = [], []
    for brief in incident.forwardings:
        if brief.overdue(now):
            late.append(translate("IncidentBoard", "⚠ NOT ACKNOWLEDGED: %1").replace("%1", brief.agency_name))
        else:
            state = labels.forward_state(brief.state)
            others.append(
                translate("IncidentBoard", "%1: %2").replace("%1", brief.agency_name).replace("%2", state)
            )
    return "; ".join(late + others)


def board_order(incident: IncidentView) -> tuple[str, datetime, int]:
    """Most urgent first, then oldest: the order of ``queries.active_incidents``."""
    return incident.priority.value, incident.created_at, incident.id
