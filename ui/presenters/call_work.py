"""Calls: answering (F2, Enter), hanging up (F3), closing a call as not an emergency (F4), and which
call is on the line at this console."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal

from dispatch.domain.enums import NON_EMERGENCY_CLASSES, CallClass, CallState
from dispatch.services import calls, queries
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import CallView
from ui import labels
from ui.one_key import CLASS_KEYS
from ui.presenters.incident_work import IncidentWork
from ui.presenters.parts import Presenter, WindowParts
from ui.reveal import focus_visibly
from ui.widgets.duplicate_offer import DuplicateOffer

translate = QCoreApplication.translate


class CallWork(Presenter):
    """Signals:
    line_changed(object): the call on the line at this console (a CallView), or None.
    """

    line_changed = Signal(object)

    def __init__(
        self,
        parts: WindowParts,
        incidents: IncidentWork,
        duplicate_offer: DuplicateOffer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        boards = parts.boards
        self.incidents = incidents
        self.duplicate_offer = duplicate_offer
        self._on_line: int | None = None
        #: In training, what the scenario's caller says on answer (``TrainingWork.opening``: said once,
        #: "" when no scenario runs); the random simulator's caller speaks otherwise.
        self.opening_for: Callable[[int], str] | None = None
        boards.call_view.activated.connect(self.activated)
        incidents.closed.connect(self._incident_closed)
        boards.applied.connect(lambda *_: self._check_line())

    @property
    def on_line_id(self) -> int | None:
        """The call answered at this console and not yet ended."""
        return self._on_line

    def on_line(self) -> CallView | None:
        return None if self._on_line is None else self.boards.call(self._on_line)

    def _set_line(self, call_id: int | None) -> None:
        self._on_line = call_id
        self.line_changed.emit(self.on_line())

    def _check_line(self) -> None:
        # The call ended elsewhere (the caller hung up, the incident was closed): off the line.
        if self._on_line is None:
            return
        call = self.boards.call(self._on_line)
        if call is None or call.state is not CallState.ANSWERED:
            self._set_line(None)

    def _incident_closed(self, incident_id: int) -> None:
        call = self.on_line()
        if call is not None and call.incident_id == incident_id:
            self._set_line(None)

    def answer(self, call: CallView | None = None) -> None:
        if call is None:
            selected = self.boards.selected_call()
            call = selected if selected is not None and selected.state is CallState.RINGING else None
        call = call or self.boards.call_model.first_ringing()
        if call is None:
            self.status.show_message(translate("MainWindow", "No call is ringing."))
            return
        ctx = self.session.ctx
        try:
            answered, incident = calls.answer_call(ctx, call.id)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        script = ""
        if self.opening_for is not None and self.session.scenario_run is not None:
            script = self.opening_for(answered.id)
        elif self.session.simulator is not None:
            caller = self.session.simulator.caller_for(answered.id)
            script = caller.opening_line if caller is not None else ""
        self.status.show_message(
            translate("MainWindow", "Answered %1; incident %2 opened.")
            .replace("%1", labels.caller_number(answered.presentation, answered.number_national))
            .replace("%2", incident.number)
        )
        self.incidents.open(incident.id, script)
        self.incidents.panel.show_caller_history(answered, queries.caller_history(ctx, answered))
        self.duplicate_offer.watch(answered.id, incident)
        self._set_line(answered.id)
        self.incidents.panel.focus_first_field()

    def resume_line(self, call_id: int, script: str = "") -> None:
        """A call answered at this console and still on the line shown again: its incident in the
        form, its caller's history (a demonstration scene built before the window, scripts/)."""
        call = queries.call(self.session.ctx, call_id)
        if call is None or call.state is not CallState.ANSWERED:
            return
        if call.incident_id is not None:
            self.incidents.open(call.incident_id, script)
        self.incidents.panel.show_caller_history(call, queries.caller_history(self.session.ctx, call))
        self._set_line(call.id)

    def hang_up(self) -> None:
        if self._on_line is None:
            self.status.show_message(translate("MainWindow", "No call is in progress on this console."))
            return
        try:
            calls.hang_up(self.session.ctx, self._on_line)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
        self._set_line(None)

    def classify(self) -> None:
        call_id = self._on_line
        if call_id is None:
            selected = self.boards.selected_call()
            call_id = selected.id if selected is not None and selected.state is CallState.ANSWERED else None
        if call_id is None:
            self.status.show_message(translate("MainWindow", "Answer a call first (F2)."))
            return
        options = [(CLASS_KEYS[c], labels.call_class(c), c) for c in NON_EMERGENCY_CLASSES]
        self.choice_bar.ask(
            translate("MainWindow", "Close the call as:"),
            options,
            lambda chosen: self._classified(call_id, chosen),
            return_focus=self.boards.call_view,
        )

    def _classified(self, call_id: int, call_class: CallClass) -> None:
        try:
            view = calls.classify_call(self.session.ctx, call_id, call_class)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        if self._on_line == call_id:
            self._set_line(None)
        shown = self.incidents.shown
        if shown is not None and shown.id == view.incident_id:
            self.incidents.open(None)
        self.status.show_message(
            translate("MainWindow", "Call from %1 closed: %2.")
            .replace("%1", labels.caller_number(view.presentation, view.number_national))
            .replace("%2", labels.call_class(call_class))
        )
        focus_visibly(self.boards.call_view, Qt.FocusReason.OtherFocusReason)

    def activated(self, index: QModelIndex) -> None:
        """Enter (or a double click) on a call: answer it when it rings, else open its incident."""
        call = self.boards.call_model.row(index.row())
        if call.state is CallState.RINGING:
            self.answer(call)
        elif call.incident_id is not None:
            self.incidents.open(call.incident_id)
