"""The open incident: opening one in the form, what beside it follows it (dispatch panel, protocol
card, duplicate offer), and the incident's own actions (F5, Ctrl+L, F8, Ctrl+P, F9, Ctrl+Shift+F9).

``close_now``, ``reopen_now`` and ``add_note_now`` are the code both the keys and the command line
run (``close 123 1`` and F9 then 1 do the same thing).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from dispatch.domain.enums import Disposition
from dispatch.services import incidents, queries
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import IncidentView
from ui import labels
from ui.one_key import DISPOSITION_KEYS
from ui.presenters.parts import Presenter, WindowParts
from ui.reveal import focus_visibly, reveal, scroll_to_top
from ui.widgets.dispatch_panel import DispatchPanel
from ui.widgets.duplicate_offer import DuplicateOffer
from ui.widgets.incident_panel import IncidentPanel
from ui.widgets.protocol_card import ProtocolCardPanel

translate = QCoreApplication.translate

# How often, at most, other units' changes refresh the open incident's recommendation.
SIDE_REFRESH_MS = 300


class IncidentWork(Presenter):
    """Signals:
    opened(object): the incident now shown in the form (an IncidentView), or None.
    closed(int): an incident was closed by this console (its id).
    """

    opened = Signal(object)
    closed = Signal(int)

    def __init__(
        self,
        parts: WindowParts,
        panel: IncidentPanel,
        dispatch_panel: DispatchPanel,
        protocol_card: ProtocolCardPanel,
        duplicate_offer: DuplicateOffer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        boards = parts.boards
        self.panel = panel
        self.dispatch_panel = dispatch_panel
        self.protocol_card = protocol_card
        self.duplicate_offer = duplicate_offer
        # Unit changes alone refresh the open incident's side (recommendation) at most this often.
        # What the unit list was last built from (``_unit_list_key``).
        self._unit_list_key: tuple[object, ...] | None = None
        self._side_timer = QTimer(self)
        self._side_timer.setSingleShot(True)
        self._side_timer.setInterval(SIDE_REFRESH_MS)
        self._side_timer.timeout.connect(lambda: self.refresh_side(notes=True))
        protocol_card.answered.connect(lambda _view: self.refresh_side(notes=True))
        boards.applied.connect(self._after_changes)
        # A write got through (its notice came): what the form kept while the database was away is
        # saved now (on a SQLite console, the only sign that the database answers again).
        boards.database_answered.connect(panel.request_retry)
        panel.said.connect(self.status.show_message)

    @property
    def shown(self) -> IncidentView | None:
        return self.panel.incident

    def is_open(self) -> bool:
        """An incident not closed is in the form."""
        shown = self.panel.incident
        return shown is not None and shown.closed_at is None

    def is_closed(self) -> bool:
        """A closed or cancelled incident is in the form (opened from its call, or with `f 123`)."""
        shown = self.panel.incident
        return shown is not None and shown.closed_at is not None

    # -- showing -----------------------------------------------------------------------------------

    def open(self, incident_id: int | None, script: str = "") -> None:
        """Show the incident in the form (None: an empty form), at the top of the form."""
        incident = None if incident_id is None else queries.incident(self.session.ctx, incident_id)
        self.panel.set_incident(incident, script)
        scroll_to_top(self.panel)
        self.panel.show_caller_history(None, [])
        self.dispatch_panel.show_message("")
        self.refresh_side()
        if incident is not None:
            # Taking the call: the protocol questions; once units are out: the dispatch panel.
            questions = not incident.units and self.protocol_card.card is not None
            reveal(self.protocol_card if questions else self.dispatch_panel)
            self.boards.select_incident(incident.id)
        self.opened.emit(incident)

    def refresh_side(self, notes: bool = False, units: bool = True) -> None:
        """Show the incident in the form afresh, with its notes when ``notes``.

        The unit list and the assignments are rebuilt when ``units`` (a unit moved) or when what they
        depend on changed: rebuilding 2,000 candidates took 58 of the 67 ms a forwarding's notice cost
        the form (bench/bench_forwarding.py), and a forwarding or a note changes none of it.
        """
        shown = self.panel.incident
        ctx = self.session.ctx
        if shown is None:
            self.dispatch_panel.show_units(None, [])
            self.dispatch_panel.show_assignments([])
            self.protocol_card.show_incident(None)
            return
        fresh = queries.incident(ctx, shown.id)
        if fresh is None:
            return
        self.panel.refresh(fresh)
        if notes:
            self.panel.refresh_notes()
        key = _unit_list_key(fresh)
        if units or key != self._unit_list_key:
            self._unit_list_key = key
            self.dispatch_panel.show_units(fresh, self.boards.unit_model.units())
            self.dispatch_panel.show_assignments(queries.assignments(ctx, fresh.id))
        self.protocol_card.show_incident(fresh)
        self.duplicate_offer.incident_saved(fresh)

    def _after_changes(
        self, topics: set[Topic], touched: set[int], ids: dict[Topic, set[int] | None]
    ) -> None:
        shown = self.panel.incident
        if shown is None:
            return
        boards_only = (
            topics <= {Topic.UNITS, Topic.INCIDENTS, Topic.FEED}
            and all(known is not None for known in ids.values())
            and shown.id not in touched
        )
        if boards_only:
            # Other units moved: the recommendation for the open incident may change, but reading it
            # for every status change (50 a second) would stall the window; a few times a second do.
            if Topic.UNITS in topics and not self._side_timer.isActive():
                self._side_timer.start()
            return
        if Topic.UNITS in topics or not touched or shown.id in touched:
            self._side_timer.stop()
            self.refresh_side(
                notes=Topic.NOTES in topics or Topic.UNITS in topics, units=Topic.UNITS in topics
            )

    # -- the database away (a centre's link lost and back) -------------------------------------------

    def database_lost(self) -> None:
        self.panel.database_lost()

    def database_back(self) -> int:
        """Saves what was typed while the database was away; how many things were saved."""
        return self.panel.database_back()

    # -- keys --------------------------------------------------------------------------------------

    def focus_form(self) -> None:
        self.panel.focus_first_field()

    def focus_area_search(self) -> None:
        self.panel.location.focus_find()

    def focus_note(self) -> None:
        focus_visibly(self.panel.note_input)

    def correct_note(self) -> None:
        self.panel.start_correction()

    def focus_protocol_card(self) -> None:
        self.panel.flush_all()  # a category still being typed decides the card
        reveal(self.protocol_card)
        if not self.protocol_card.focus_questions():
            self.status.show_message(translate("MainWindow", "No protocol card for this category."))

    def close_incident(self) -> None:
        """F9: asks first when units are still out (naming them), then how it ended."""
        incident = self.panel.incident
        if incident is None or incident.closed_at is not None:
            self.status.show_message(translate("MainWindow", "No open incident to close."))
            return
        self.panel.flush_all()
        out = queries.units_still_out(self.session.ctx, incident.id)
        if out:
            names = ", ".join(f"{u.call_sign} ({labels.unit_status(u.status)})" for u in out)
            self.choice_bar.ask(
                translate(
                    "MainWindow", "%1 still out on %2: close anyway? They are released and become available."
                )
                .replace("%1", names)
                .replace("%2", incident.number),
                [
                    ("1", translate("MainWindow", "Close and release them"), True),
                ],
                lambda _yes: self._ask_disposition(incident),
                return_focus=self.boards.incident_view,
            )
            return
        self._ask_disposition(incident)

    def _ask_disposition(self, incident: IncidentView) -> None:
        options = [(key, labels.disposition(d), d) for d, key in DISPOSITION_KEYS.items()]
        self.choice_bar.ask(
            translate("MainWindow", "Close incident %1 as:").replace("%1", incident.number),
            options,
            lambda chosen: self._closed(incident.id, chosen),
            return_focus=self.boards.incident_view,
        )

    def _closed(self, incident_id: int, disposition: Disposition) -> None:
        try:
            view = self.close_now(incident_id, disposition)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        self.status.show_message(
            translate("MainWindow", "Incident %1 closed: %2.")
            .replace("%1", view.number)
            .replace("%2", labels.disposition(disposition))
        )

    def close_now(self, incident_id: int, disposition: Disposition) -> IncidentView:
        """Close the incident (the form's pending edits saved first); raises ServiceError."""
        shown = self.panel.incident
        if shown is not None and shown.id == incident_id:
            self.panel.flush_all()
        view = incidents.close_incident(self.session.ctx, incident_id, disposition)
        shown = self.panel.incident
        if shown is not None and shown.id == incident_id:
            self.open(None)
        self.closed.emit(incident_id)
        return view

    def reopen_incident(self) -> None:
        """A closed incident shown (opened from its call, or with `f 123`) goes back on the board."""
        incident = self.panel.incident
        if incident is None or incident.closed_at is None:
            self.status.show_message(
                translate("MainWindow", "Open a closed incident first (Enter on its call).")
            )
            return
        try:
            view = self.reopen_now(incident.id)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        self.status.show_message(translate("MainWindow", "Incident %1 reopened.").replace("%1", view.number))

    def reopen_now(self, incident_id: int) -> IncidentView:
        view = incidents.reopen_incident(self.session.ctx, incident_id)
        self.open(view.id)
        return view

    def add_note_now(self, incident_id: int, text: str) -> None:
        incidents.add_note(self.session.ctx, incident_id, text)

    def attach_duplicate(self) -> None:
        offer = self.duplicate_offer
        candidate, call_id = offer.candidate, offer.call_id
        if candidate is None or call_id is None:
            self.status.show_message(translate("MainWindow", "No duplicate is suggested for this call."))
            return
        self.panel.flush_all()  # typed into the incident about to be cancelled: copied over
        try:
            view = offer.attach()
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        if view is None:
            return
        # The caller is still on the line: F3 hangs up as usual; F4 is refused by the service
        # (classify_call: an attached call cannot close the incident it shares).
        self.open(candidate.incident_id)
        self.status.show_message(
            translate(
                "MainWindow", "Call from %1 attached to %2; its own incident was cancelled as a duplicate."
            )
            .replace("%1", labels.caller_number(view.presentation, view.number_national))
            .replace("%2", candidate.number)
        )
        focus_visibly(self.panel.note_input, Qt.FocusReason.OtherFocusReason)


def _unit_list_key(incident: IncidentView) -> tuple[object, ...]:
    """What the dispatch panel's candidates, recommendation and assignments depend on."""
    return (
        incident.id,
        incident.category,
        incident.priority,
        incident.status,
        incident.closed_at,
        incident.flags,
        incident.units,
        incident.lat,
        incident.lon,
        incident.position_source,
        incident.position_radius_m,
        incident.area_code,
        incident.village,
        incident.district,
    )
