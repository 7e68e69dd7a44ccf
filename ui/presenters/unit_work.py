"""Units: dispatching them to the open incident (F6, Ctrl+R, Enter on marked units), moving them on
(F7, Shift+F7) and the supervisor's override (Ctrl+Shift+F7).

F7 and Shift+F7 act on the one unit selected, on the incident's assigned units or on the unit board
(whichever has the focus, else the one last used), and say why when they cannot: F7 once moved a
different unit than the finished one selected (issue 10). ``dispatch_now`` and ``set_status_now``
are what the command line runs too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

from dispatch.domain.enums import UnitStatus
from dispatch.domain.lifecycle import allowed_next, may_override, override_targets, usual_next
from dispatch.services import dispatching
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import AssignmentView, UnitView
from ui import labels
from ui.one_key import STATUS_KEYS
from ui.presenters.incident_work import IncidentWork
from ui.presenters.parts import Presenter, WindowParts
from ui.reveal import focus_visibly, reveal
from ui.widgets.dispatch_panel import DispatchPanel

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PickedUnit:
    unit_id: int
    call_sign: str
    status: UnitStatus
    # Where it was picked: the focus goes back there after a one-key choice.
    source: QWidget


class UnitWork(Presenter):
    def __init__(
        self,
        parts: WindowParts,
        incidents: IncidentWork,
        panel: DispatchPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        self.incidents = incidents
        self.panel = panel
        panel.candidates.dispatch_requested.connect(self.dispatch_units)
        # The list last focused decides which unit F7 means when neither has the focus.
        self._last_list: QWidget = panel.assignments
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is self.panel.assignments or new is self.boards.unit_view:
            self._last_list = new

    # -- dispatching -------------------------------------------------------------------------------

    def focus_dispatch(self) -> None:
        self.incidents.panel.flush_all()
        reveal(self.panel)
        self.panel.focus_candidates()

    def dispatch_recommended(self) -> None:
        self.incidents.panel.flush_all()
        reveal(self.panel)
        self.incidents.refresh_side()  # the recommendation follows what was just saved
        unit_ids = self.panel.recommended_ids()
        if not unit_ids:
            self.status.show_message(translate("MainWindow", "No unit is recommended."))
            return
        self.dispatch_units(unit_ids)

    def dispatch_units(self, unit_ids: list[int]) -> None:
        incident = self.incidents.shown
        if incident is None:
            return
        try:
            sent = self.dispatch_now(incident.id, unit_ids)
        except ServiceError as error:
            self.panel.show_message(labels.service_error(error.code))
            return
        self.panel.show_message("")
        self.status.show_message(
            translate("MainWindow", "Dispatched: %1").replace("%1", ", ".join(a.call_sign for a in sent))
        )
        focus_visibly(self.panel.assignments)

    def dispatch_now(self, incident_id: int, unit_ids: list[int]) -> list[AssignmentView]:
        """Send the units (raises ServiceError); the form's pending edits are saved first."""
        shown = self.incidents.shown
        if shown is not None and shown.id == incident_id:
            self.incidents.panel.flush_all()
        return dispatching.assign_units(self.session.ctx, incident_id, unit_ids)

    # -- statuses ----------------------------------------------------------------------------------

    def picked_unit(self) -> PickedUnit | str:
        """The unit F7 and Shift+F7 mean, or why there is none (a message to show)."""
        board = self.boards.unit_view
        assignments = self.panel.assignments
        focus = QApplication.focusWidget()
        source = board if focus is board else assignments if focus is assignments else self._last_list
        if source is board:
            unit: UnitView | None = self.boards.unit_model.unit_at(board.currentIndex())
            if unit is None:
                return translate("MainWindow", "Select a unit on the unit board first (Ctrl+3).")
            return PickedUnit(unit.id, unit.call_sign, unit.status, board)
        index = assignments.currentIndex()
        active = [a for a in self.panel.assignment_model.rows() if a.active]
        if not index.isValid() and len(active) == 1:
            # One unit out on the incident: no doubt which one is meant.
            only = active[0]
            return PickedUnit(only.unit_id, only.call_sign, only.unit_status, assignments)
        if not index.isValid():
            return translate(
                "MainWindow", "Select an assigned unit first (F6, then Tab), or a unit on the board (Ctrl+3)."
            )
        row = self.panel.assignment_model.row(index.row())
        if not row.active:
            return translate(
                "MainWindow", "%1 has finished on this incident; choose it on the unit board (Ctrl+3)."
            ).replace("%1", row.call_sign)
        return PickedUnit(row.unit_id, row.call_sign, row.unit_status, assignments)

    def advance(self) -> None:
        picked = self.picked_unit()
        if isinstance(picked, str):
            self.status.show_message(picked)
            return
        target = usual_next(picked.status)
        if target is None:
            self.status.show_message(
                translate("MainWindow", "%1 is %2: choose its status with Shift+F7.")
                .replace("%1", picked.call_sign)
                .replace("%2", labels.unit_status(picked.status))
            )
            return
        self._set_status(picked.unit_id, target)

    def choose_status(self) -> None:
        picked = self.picked_unit()
        if isinstance(picked, str):
            self.status.show_message(picked)
            return
        choices = sorted(allowed_next(picked.status), key=list(UnitStatus).index)
        if not choices:
            self.status.show_message(
                translate("MainWindow", "%1 is %2: no status follows from there.")
                .replace("%1", picked.call_sign)
                .replace("%2", labels.unit_status(picked.status))
            )
            return
        options = [(STATUS_KEYS[i], labels.unit_status(s), s) for i, s in enumerate(choices)]
        self.choice_bar.ask(
            translate("MainWindow", "Status of %1:").replace("%1", picked.call_sign),
            options,
            lambda chosen: self._set_status(picked.unit_id, chosen),
            return_focus=picked.source,
        )

    def _set_status(self, unit_id: int, status: UnitStatus) -> None:
        try:
            unit = self.set_status_now(unit_id, status)
        except ServiceError as error:
            refusal = labels.status_refusal(error.code, error.details)
            self.panel.show_message(refusal)
            self.status.show_message(refusal)
            return
        self.panel.show_message("")
        self.status.show_message(
            translate("MainWindow", "%1 is now %2.")
            .replace("%1", unit.call_sign)
            .replace("%2", labels.unit_status(unit.status))
        )

    def set_status_now(self, unit_id: int, status: UnitStatus) -> UnitView:
        return dispatching.set_unit_status(self.session.ctx, unit_id, status)

    def override_status(self) -> None:
        """Ctrl+Shift+F7: a supervisor forces any status, with a reason that is audited."""
        if not may_override(self.session.ctx.actor.role):
            self.status.show_message(
                translate("MainWindow", "Only a supervisor can override a unit's status.")
            )
            return
        picked = self.picked_unit()
        if isinstance(picked, str):
            self.status.show_message(picked)
            return
        choices = override_targets(picked.status)
        options = [(STATUS_KEYS[i], labels.unit_status(s), s) for i, s in enumerate(choices)]
        self.choice_bar.ask(
            translate("MainWindow", "Override %1 (now %2) to:")
            .replace("%1", picked.call_sign)
            .replace("%2", labels.unit_status(picked.status)),
            options,
            lambda chosen: self._ask_override_reason(picked.unit_id, picked.call_sign, chosen),
            return_focus=picked.source,
        )

    def _ask_override_reason(self, unit_id: int, call_sign: str, status: UnitStatus) -> None:
        from ui.dialogs.override_reason import OverrideReasonDialog

        def submit(reason: str) -> str:
            try:
                unit = dispatching.set_unit_status(self.session.ctx, unit_id, status, override_reason=reason)
            except ServiceError as error:
                return labels.status_refusal(error.code, error.details)
            self.status.show_message(
                translate("MainWindow", "%1 is now %2 (override recorded).")
                .replace("%1", unit.call_sign)
                .replace("%2", labels.unit_status(unit.status))
            )
            return ""

        prompt = (
            translate("MainWindow", "Set %1 to %2 outside the normal order?")
            .replace("%1", call_sign)
            .replace("%2", labels.unit_status(status))
        )
        OverrideReasonDialog(prompt, submit, self.panel.window()).open()
