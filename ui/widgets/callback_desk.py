"""The callers: who is on the line and who rings (their history), and the callback queue beside
the incident board (Ctrl+4, Ctrl+B, Ctrl+Shift+B).

A presenter: it hears the boards' change notices and the call presenter's line changes, and opens
an incident through the incident presenter; it reads no other widget's private members.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QTableView, QTabWidget

from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.enums import CallState
from dispatch.domain.permissions import Action, can
from dispatch.services import callbacks
from dispatch.services.bus import Topic
from dispatch.services.callbacks import CallbackView
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import CallView
from ui import labels
from ui.models.callback_queue import CallbackQueueModel
from ui.one_key import ATTEMPT_KEYS, CLOSE_KEYS
from ui.presenters.call_work import CallWork
from ui.presenters.incident_work import IncidentWork
from ui.presenters.parts import Presenter, WindowParts
from ui.reveal import focus_visibly
from ui.widgets.board_columns import board_table
from ui.widgets.caller_panel import CallerPanel

translate = QCoreApplication.translate


def refusal(code: str) -> str:
    # "supervisor_only" is worded for unit overrides in ui/labels.py; here it is about callbacks.
    if code == "supervisor_only":
        return translate("MainWindow", "Only a supervisor can close a callback without reaching the caller.")
    return labels.service_error(code)


class CallerDesk(Presenter):
    def __init__(
        self,
        parts: WindowParts,
        incidents: IncidentWork,
        calls: CallWork,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        session, boards = parts.session, parts.boards
        self.incidents = incidents
        self.calls = calls
        # The caller on the line at this console (their history while the incident is taken).
        self.line_panel = CallerPanel(session)
        self.line_panel.setObjectName("lineCallerPanel")
        self.line_panel.setTitle(translate("MainWindow", "On the line"))
        self.line_panel.empty_text = translate("MainWindow", "No call on the line at this console.")
        self.line_panel.show_call(None)
        # The ringing caller (the one selected, else the longest ringing): history before answering.
        self.caller_panel = CallerPanel(session)
        self.caller_panel.setTitle(translate("MainWindow", "Ringing"))
        self.callback_model = CallbackQueueModel(session.ctx.clock, session.zone)
        self.callback_view: QTableView = board_table("callbackQueue", self.callback_model)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("boardTabs")
        self.tabs.addTab(boards.incident_view, translate("MainWindow", "Active incidents (Ctrl+2)"))
        self.tabs.addTab(self.callback_view, "")
        self.note_dialog: QInputDialog | None = None
        #: In training, the dial before the outcome is chosen (``TrainingWork.dial``): what the
        #: scenario's caller says when called back ("No answer." when silent), None when the call is
        #: not a scenario's.
        self.dial: Callable[[int], str | None] | None = None
        boards.call_view.selectionModel().currentRowChanged.connect(lambda *_: self.follow_calls())
        boards.applied.connect(lambda topics, _touched, _ids: self.changed(topics))
        boards.ticked.connect(self.tick)
        calls.line_changed.connect(lambda call: self.line_panel.show_call(call))
        self._update_tab_title()

    # -- refreshing --------------------------------------------------------------------------------

    def reload(self) -> None:
        self.callback_model.set_rows(callbacks.open_callbacks(self.session.ctx))
        self._update_tab_title()
        self.follow_calls(force=True)

    def changed(self, topics: set[Topic]) -> None:
        """After the window applied a batch of change notices."""
        # Opening a callback (part of a call's change, calls.open_callback) is announced as CALLBACKS too.
        if Topic.CALLBACKS in topics:
            self.callback_model.set_rows(callbacks.open_callbacks(self.session.ctx))
            self._update_tab_title()
        if Topic.CALLS in topics or Topic.NUMBER_FLAGS in topics:
            self.follow_calls(force=Topic.NUMBER_FLAGS in topics)

    def tick(self) -> None:
        self.callback_model.refresh_live_columns()

    def _update_tab_title(self) -> None:
        self.tabs.setTabText(
            1,
            translate("MainWindow", "Callbacks (Ctrl+4) (%1)").replace(
                "%1", str(self.callback_model.rowCount())
            ),
        )

    def ringing_call(self) -> CallView | None:
        """The selected ringing call, else the longest-ringing one."""
        selected = self.boards.selected_call()
        if selected is not None and selected.state is CallState.RINGING:
            return selected
        return self.boards.call_model.first_ringing()

    def follow_calls(self, force: bool = False) -> None:
        self.caller_panel.show_call(self.ringing_call(), force=force)
        if force:
            self.line_panel.show_call(self.calls.on_line(), force=True)

    # -- keys --------------------------------------------------------------------------------------

    def go_to_incidents(self) -> None:
        self.tabs.setCurrentIndex(0)
        focus_visibly(self.boards.incident_view)

    def go_to_callbacks(self) -> None:
        self.tabs.setCurrentIndex(1)
        if not self.callback_view.currentIndex().isValid() and self.callback_model.rowCount():
            self.callback_view.selectRow(0)
        focus_visibly(self.callback_view)

    def selected_callback(self) -> CallbackView | None:
        index: QModelIndex = self.callback_view.currentIndex()
        if index.isValid():
            return self.callback_model.row(index.row())
        return self.callback_model.row(0) if self.callback_model.rowCount() else None

    def call_back(self) -> None:
        chosen = self.selected_callback()
        if chosen is None:
            self.status.show_message(translate("MainWindow", "No callback is waiting."))
            return
        self.tabs.setCurrentIndex(1)
        options = [(key, labels.callback_outcome(o), o) for o, key in ATTEMPT_KEYS.items()]
        prompt = (
            translate("MainWindow", "Call back %1 (%2 attempts so far); outcome:")
            .replace(
                "%1",
                labels.caller_number(chosen.presentation, chosen.number_national),
            )
            .replace("%2", str(chosen.attempts))
        )
        heard = self.dial(chosen.call_id) if self.dial is not None else None
        if heard is not None:
            # Training: the number is dialled first, and what the caller says is heard before the outcome.
            prompt = f"{heard}\n{prompt}"
            self.status.show_message(heard)
        self.choice_bar.ask(
            prompt,
            options,
            lambda outcome: self._attempted(chosen, outcome),
            return_focus=self.callback_view,
        )

    def _attempted(self, chosen: CallbackView, outcome: CallbackOutcome) -> None:
        try:
            view = callbacks.record_attempt(self.session.ctx, chosen.id, outcome)
        except ServiceError as error:
            self.status.show_message(refusal(error.code))
            return
        self.status.show_message(
            translate("MainWindow", "Callback to %1: %2.")
            .replace("%1", labels.caller_number(view.presentation, view.number_national))
            .replace("%2", labels.callback_outcome(outcome))
        )
        if outcome is CallbackOutcome.REACHED_EMERGENCY and view.incident_id is not None:
            self.incidents.open(view.incident_id)
            self.incidents.focus_form()

    def close_callback(self) -> None:
        chosen = self.selected_callback()
        if chosen is None:
            self.status.show_message(translate("MainWindow", "No callback is waiting."))
            return
        if not can(self.session.ctx.actor.role, Action.CLOSE_CALLBACK):
            self.status.show_message(refusal("supervisor_only"))
            return
        self.tabs.setCurrentIndex(1)
        options = [(key, labels.callback_outcome(o), o) for o, key in CLOSE_KEYS.items()]
        self.choice_bar.ask(
            translate("MainWindow", "Close the callback to %1 as:").replace(
                "%1", labels.caller_number(chosen.presentation, chosen.number_national)
            ),
            options,
            lambda outcome: self._ask_note(chosen, outcome),
            return_focus=self.callback_view,
        )

    def _ask_note(self, chosen: CallbackView, outcome: CallbackOutcome) -> None:
        dialog = QInputDialog(self.tabs.window())
        dialog.setObjectName("callbackNote")
        dialog.setWindowTitle(translate("MainWindow", "Close the callback"))
        dialog.setLabelText(translate("MainWindow", "Why is it closed? (kept with the callback)"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.textValueSelected.connect(lambda note: self._close(chosen, outcome, note))
        dialog.finished.connect(dialog.deleteLater)
        self.note_dialog = dialog
        dialog.open()
        dialog.activateWindow()  # the note is typed at once, without reaching for the mouse

    def _close(self, chosen: CallbackView, outcome: CallbackOutcome, note: str) -> None:
        self.note_dialog = None
        try:
            view = callbacks.close_callback(self.session.ctx, chosen.id, outcome, note)
        except ServiceError as error:
            self.status.show_message(refusal(error.code))
            return
        self.status.show_message(
            translate("MainWindow", "Callback to %1 closed: %2.")
            .replace("%1", labels.caller_number(view.presentation, view.number_national))
            .replace("%2", labels.callback_outcome(outcome))
        )
        self.callback_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_watch_list(self) -> None:
        from ui.dialogs.watch_list import WatchListDialog

        WatchListDialog(self.session.ctx, self.session.zone, self.tabs.window()).open()
