"""The one-line offer "Possible duplicate of 2026-000123 ... Ctrl+D attaches this call to it".

It watches the call this console answered and that call's incident: checked when the call is
answered and again whenever the incident's category or location is saved. Hidden when there is
nothing to offer, so it stays out of the way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from dispatch.domain.duplicates import DuplicateReason
from dispatch.services.duplicates import DuplicateCandidate, attach_call, find_duplicates
from dispatch.services.snapshots import CallView, IncidentView
from ui.session import ConsoleSession

translate = QCoreApplication.translate


def reason_text(reason: DuplicateReason, candidate: DuplicateCandidate) -> str:
    if reason is DuplicateReason.SAME_NUMBER:
        return translate("DuplicateOffer", "same number")
    if reason is DuplicateReason.SAME_CATEGORY_NEARBY:
        distance = "?" if candidate.distance_m is None else str(round(candidate.distance_m))
        return translate("DuplicateOffer", "same category %1 m away").replace("%1", distance)
    return translate("DuplicateOffer", "same kelurahan")


class DuplicateOffer(QLabel):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateOffer")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fff8e1; color: #4e342e; border: 2px solid #ff8f00; padding: 4px; font-weight: bold;"
        )
        self._session = session
        self._call_id: int | None = None
        self._incident_id: int | None = None
        self._checked: tuple[object, ...] | None = None
        self.candidate: DuplicateCandidate | None = None
        self.hide()

    @property
    def call_id(self) -> int | None:
        return self._call_id

    def watch(self, call_id: int, incident: IncidentView) -> None:
        """The call just answered here, and the incident opened for it: check now."""
        self._call_id, self._incident_id, self._checked = call_id, incident.id, None
        self.incident_saved(incident)

    def forget(self) -> None:
        self._call_id = self._incident_id = self._checked = None
        self.candidate = None
        self.hide()

    def incident_saved(self, incident: IncidentView | None) -> None:
        """A fresh snapshot of the shown incident: check again if its category or place changed."""
        if incident is None or incident.id != self._incident_id:
            return  # another incident on screen: the offer still concerns the call answered here
        if incident.closed_at is not None:
            self.forget()
            return
        facts = (incident.category, incident.lat, incident.lon, incident.area_code, incident.village)
        if facts == self._checked:
            return
        self._checked = facts
        found = find_duplicates(self._session.ctx, incident.id)
        self.candidate = found[0] if found else None
        self._show()

    def attach(self) -> CallView | None:
        """Ctrl+D: attach the watched call to the offered incident (ServiceError passes through)."""
        if self.candidate is None or self._call_id is None:
            return None
        view = attach_call(self._session.ctx, self._call_id, self.candidate.incident_id)
        self.forget()
        return view

    def _show(self) -> None:
        candidate = self.candidate
        if candidate is None:
            self.hide()
            return
        session = self._session
        category = (
            session.catalogue.get(candidate.category).label(session.lang)
            if candidate.category is not None and candidate.category in session.catalogue
            else translate("DuplicateOffer", "no category")
        )
        minutes = max(0, int((session.ctx.clock.now() - candidate.created_at).total_seconds() // 60))
        details = [category]
        if candidate.village:
            details.append(candidate.village)
        details.append(translate("DuplicateOffer", "%1 min ago").replace("%1", str(minutes)))
        details.extend(reason_text(reason, candidate) for reason in candidate.reasons)
        self.setText(
            translate("DuplicateOffer", "⚠ Possible duplicate of %1 (%2) — Ctrl+D attaches this call to it")
            .replace("%1", candidate.number)
            .replace("%2", ", ".join(details))
        )
        self.show()
