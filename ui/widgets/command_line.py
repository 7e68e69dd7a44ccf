"""The dispatcher's command line (Ctrl+K): dispatch, status, note, close, find, help, typed in one line.

The line is parsed by :mod:`dispatch.domain.commands`; references are resolved through the queries and
the change is made by the same presenter code as the keys (F6, Shift+F7, F8, F9, Ctrl+Shift+F9: see
``verb`` in :mod:`ui.actions`), so the rules, history rows and audit are the same whichever way the
dispatcher works. A refusal is shown next to
the field in words and colour and what was typed stays there to be corrected; success clears it.

Signals:
    unit_found(int): ``find`` named a unit; the window selects it on the unit board.
    incident_found(int): ``find`` named an incident; the window opens it.
    help_requested(): ``help`` alone; the window opens Help (F1).
    escaped(): Esc in the field and the widget focused before Ctrl+K is gone; the window picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from dispatch.domain.commands import (
    STATUS_WORDS,
    CloseCommand,
    Command,
    CommandError,
    DispatchCommand,
    FindCommand,
    HelpCommand,
    IncidentRef,
    NoteCommand,
    Problem,
    ReopenCommand,
    StatusCommand,
    Verb,
    complete,
    parse_command,
    replace_word,
)
from dispatch.domain.enums import Disposition, UnitStatus
from dispatch.domain.incidents import FieldProblem, FieldRejected
from dispatch.domain.lifecycle import allowed_next
from dispatch.services import queries
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import AssignmentView, IncidentView, UnitView
from ui import labels
from ui.models.snapshot_table import KeyRole
from ui.session import ConsoleSession

translate = QCoreApplication.translate

#: Lines kept for Up/Down.
HISTORY_SIZE = 100
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
DONE_STYLE = "color: #1b5e20;"


class IncidentCommands(Protocol):
    """What the incident commands do: the incident presenter's code its keys run too (each raises
    ServiceError)."""

    def add_note_now(self, incident_id: int, text: str) -> None: ...

    def close_now(self, incident_id: int, disposition: Disposition) -> IncidentView: ...

    def reopen_now(self, incident_id: int) -> IncidentView: ...


class UnitCommands(Protocol):
    """What the unit commands do: the unit presenter's code its keys run too."""

    def dispatch_now(self, incident_id: int, unit_ids: list[int]) -> list[AssignmentView]: ...

    def set_status_now(self, unit_id: int, status: UnitStatus) -> UnitView: ...


class _Unresolved(Exception):
    """A reference the database does not know; ``word`` is highlighted in the field when found there."""

    def __init__(self, message: str, word: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.word = word


def problem_text(error: CommandError) -> str:
    """The parser's problem in words, with the word it is about."""
    token = error.token
    texts = {
        Problem.EMPTY: translate("CommandLine", "Type a command, e.g. d 123 PSC-01 (help lists them)."),
        Problem.UNKNOWN_VERB: translate(
            "CommandLine", "“%1” is not a command: dispatch, status, note, close, find or help."
        ),
        Problem.MISSING_INCIDENT: translate(
            "CommandLine",
            "Name the incident: its number (2026-000123), the short 123, or . for the open one.",
        ),
        Problem.BAD_INCIDENT: translate(
            "CommandLine", "“%1” is not an incident number: 2026-000123, 123 or . for the open one."
        ),
        Problem.MISSING_CALL_SIGN: translate("CommandLine", "Name the unit by its call sign."),
        Problem.BAD_CALL_SIGN: translate("CommandLine", "“%1” is too long for a call sign."),
        Problem.MISSING_STATUS: translate(
            "CommandLine", "Name the status, e.g. ack, otw, tiba, clr (see help)."
        ),
        Problem.UNKNOWN_STATUS: translate("CommandLine", "“%1” is not a unit status (see help status)."),
        Problem.MISSING_TEXT: translate("CommandLine", "Type the note after the incident number."),
        Problem.TEXT_TOO_LONG: translate("CommandLine", "The note is too long."),
        Problem.MISSING_DISPOSITION: translate(
            "CommandLine", "Name how it ended: 1-7 as with F9, or a word (see help close)."
        ),
        Problem.UNKNOWN_DISPOSITION: translate("CommandLine", "“%1” is not a disposition: 1-7 as with F9."),
        Problem.MISSING_TARGET: translate("CommandLine", "Name a call sign or an incident number to find."),
        Problem.EXTRA_WORDS: translate("CommandLine", "“%1” is one word too many."),
    }
    return texts[error.problem].replace("%1", token)


def syntax(verb: Verb) -> tuple[str, str, str]:
    """Syntax, what it does and an example, for Help and for ``help <verb>``."""
    return {
        Verb.DISPATCH: (
            translate("CommandLine", "dispatch | d | kirim <incident> <call sign> [call sign…]"),
            translate("CommandLine", "Send one or more units to the incident (as F6)."),
            "d 123 DEMO-PSC-01 DEMO-POL-01",
        ),
        Verb.STATUS: (
            translate("CommandLine", "status | s | st <call sign> <status>"),
            translate("CommandLine", "Set the unit's status (as F7 / Shift+F7)."),
            "s DEMO-PSC-01 otw",
        ),
        Verb.NOTE: (
            translate("CommandLine", "note | n | catat <incident> <text>"),
            translate("CommandLine", "Add a note to the narrative (as F8)."),
            translate("CommandLine", "n . Victim conscious, breathing"),
        ),
        Verb.CLOSE: (
            translate("CommandLine", "close | tutup <incident> <disposition>"),
            translate("CommandLine", "Close the incident; units still on it are released (as F9)."),
            "close 123 1",
        ),
        Verb.REOPEN: (
            translate("CommandLine", "reopen | bukaulang <incident>"),
            translate("CommandLine", "Reopen a closed incident (as Ctrl+Shift+F9)."),
            "reopen 123",
        ),
        Verb.FIND: (
            translate("CommandLine", "find | f | cari <call sign or incident>"),
            translate("CommandLine", "Select the unit on the unit board, or open the incident."),
            "f DEMO-PSC-01",
        ),
        Verb.HELP: (
            translate("CommandLine", "help | ? | bantuan [command]"),
            translate("CommandLine", "Open Help, or show one command's syntax here."),
            "? s",
        ),
    }[verb]


class CommandField(QLineEdit):
    """The line itself: Up/Down walk the history, Tab completes the word, Esc leaves."""

    escaped = Signal()
    tab_pressed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.history: list[str] = []
        self._history_at = 0
        self._draft = ""

    def remember(self, line: str) -> None:
        if line and (not self.history or self.history[-1] != line):
            self.history.append(line)
            del self.history[:-HISTORY_SIZE]
        self._history_at = len(self.history)

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus before keyPressEvent sees it.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.tab_pressed.emit()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Up and self.history:
            if self._history_at == len(self.history):
                self._draft = self.text()
            self._history_at = max(0, self._history_at - 1)
            self.setText(self.history[self._history_at])
        elif key == Qt.Key.Key_Down and self.history:
            self._history_at = min(len(self.history), self._history_at + 1)
            at_end = self._history_at == len(self.history)
            self.setText(self._draft if at_end else self.history[self._history_at])
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)


class CommandLine(QWidget):
    unit_found = Signal(int)
    incident_found = Signal(int)
    help_requested = Signal()
    escaped = Signal()

    def __init__(
        self,
        session: ConsoleSession,
        unit_source: Callable[[], Iterable[UnitView]],
        incident_source: Callable[[], Iterable[IncidentView]],
        current_incident: Callable[[], IncidentView | None],
        incident_work: IncidentCommands,
        unit_work: UnitCommands,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.incident_work = incident_work
        self.unit_work = unit_work
        self.setObjectName("commandLineBar")
        self.session = session
        self._units = unit_source
        self._incidents = incident_source
        self._current_incident = current_incident
        self._just_completed = False
        self._released = False
        self._return_focus: QWidget | None = None
        #: The offscreen platform (tests, screenshots) cannot raise a popup; suggestions are still kept.
        self.popups = QGuiApplication.platformName() != "offscreen"

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = CommandField()
        self.field.setObjectName("commandLine")
        self.field.setPlaceholderText(
            translate("CommandLine", "d 123 PSC-01 · s PSC-01 otw · n . text · close . 1 · f PSC-01 · help")
        )
        self.prompt = QLabel(translate("CommandLine", "&Command (Ctrl+K):"))
        self.prompt.setBuddy(self.field)
        self.feedback = QLabel()
        self.feedback.setObjectName("commandFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field, 2)
        layout.addWidget(self.feedback, 3)
        self.ok = True

        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setWidget(self.field)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        popup = self.completer.popup()
        assert popup is not None  # created by QCompleter
        self.popup = popup
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.completer.activated[str].connect(self._insert_completion)  # type: ignore[index]

        self.field.textEdited.connect(self._suggest)
        self.field.returnPressed.connect(self._return_pressed)
        self.field.tab_pressed.connect(self._complete_word)
        self.field.escaped.connect(self._escape)

    def release(self) -> None:
        """Let the completer go before the window is destroyed.

        Destroyed together with the window (as a child of this bar), the completer crashed the
        process in PySide6 6.11 (reproduced in tests, not understood further); deleted on its own
        first, it does not.
        """
        if self._released:
            return
        self._released = True
        self.popup.hide()
        self.completer.setParent(None)
        self.completer.deleteLater()

    # -- focus ---------------------------------------------------------------------------------------

    def focus_field(self) -> None:
        before = QApplication.focusWidget()
        if before is not None and before is not self.field:
            self._return_focus = before
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _escape(self) -> None:
        """Back to where the dispatcher was before Ctrl+K (the window decides if that is gone)."""
        self.popup.hide()
        target, self._return_focus = self._return_focus, None
        try:
            if target is not None and target.isVisible() and target.isEnabled():
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        except RuntimeError:  # deleted since
            pass
        self.escaped.emit()

    # -- completion ----------------------------------------------------------------------------------

    def update_suggestions(self) -> list[str]:
        """The words that may stand at the cursor, from the unit and incident boards as they are now."""
        units = list(self._units())
        words = complete(
            self.field.text(),
            self.field.cursorPosition(),
            [u.call_sign for u in units],
            [i.number for i in self._incidents()],
            {u.call_sign.casefold(): allowed_next(u.status) - {UnitStatus.DISPATCHED} for u in units},
        )
        self.suggestions.setStringList(words)
        self.completer.setCompletionPrefix("")
        return words

    def _suggest(self, _text: str) -> None:
        words = self.update_suggestions()
        if words and self.field.hasFocus() and self.popups:
            self.completer.complete()
        else:
            self.popup.hide()

    def _complete_word(self) -> None:
        current = self.popup.currentIndex() if self.popup.isVisible() else QModelIndex()
        words = self.update_suggestions()
        if current.isValid():
            self._insert_completion(str(current.data()))
        elif len(words) == 1:
            self._insert_completion(words[0])
        elif words and self.popups:
            self.completer.complete()

    def _insert_completion(self, word: str) -> None:
        text, cursor = replace_word(self.field.text(), self.field.cursorPosition(), word)
        self.field.setText(text)
        self.field.setCursorPosition(cursor)
        self.popup.hide()
        # Enter that chose a word from the popup reaches the field next: it must not run the line.
        self._just_completed = True
        QTimer.singleShot(0, self._completion_settled)

    def _completion_settled(self) -> None:
        self._just_completed = False

    # -- running -------------------------------------------------------------------------------------

    def _return_pressed(self) -> None:
        if self._just_completed:
            self._just_completed = False
            return
        self.popup.hide()
        self.execute()

    def execute(self, line: str | None = None) -> bool:
        """Run the line (the field's text by default); True when it was done."""
        if line is not None:
            self.field.setText(line)
        line = self.field.text()
        if not line.strip():
            return False
        self.field.remember(line)
        try:
            command = parse_command(line)
        except CommandError as error:
            self._refused(problem_text(error), error.position, len(error.token))
            return False
        try:
            message = self._run(command)
        except _Unresolved as unresolved:
            start = line.find(unresolved.word) if unresolved.word else -1
            self._refused(unresolved.message, start, len(unresolved.word))
            return False
        except ServiceError as error:
            self._refused(self._service_text(error), -1, 0)
            return False
        except FieldRejected as rejected:
            self._refused(_field_text(rejected.problem), -1, 0)
            return False
        self.field.clear()
        self.suggestions.setStringList([])
        self._show(message, ok=True)
        return True

    def _refused(self, message: str, start: int, length: int) -> None:
        self._show(message, ok=False)
        # Kept as typed, the wrong word selected so that typing replaces it.
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        if start >= 0 and length:
            self.field.setSelection(start, length)
        elif start >= 0:
            self.field.setCursorPosition(start)

    def _show(self, message: str, *, ok: bool) -> None:
        self.ok = ok
        mark = "✔" if ok else "✖"
        self.feedback.setText(f"{mark} {message}")
        self.feedback.setStyleSheet(DONE_STYLE if ok else ERROR_STYLE)
        self.field.setProperty("invalid", not ok)
        self.field.setStyleSheet("" if ok else "border: 2px solid #b71c1c;")

    def _run(self, command: Command) -> str:
        incident_work, unit_work = self.incident_work, self.unit_work
        if isinstance(command, DispatchCommand):
            incident = self._incident(command.incident)
            units = [self._unit(sign) for sign in command.call_signs]
            sent = unit_work.dispatch_now(incident.id, [u.id for u in units])
            return (
                translate("CommandLine", "Dispatched %1 to %2.")
                .replace("%1", ", ".join(a.call_sign for a in sent))
                .replace("%2", incident.number)
            )
        if isinstance(command, StatusCommand):
            unit = self._unit(command.call_sign)
            done = unit_work.set_status_now(unit.id, command.status)
            return (
                translate("CommandLine", "%1 is now %2.")
                .replace("%1", done.call_sign)
                .replace("%2", labels.unit_status(done.status))
            )
        if isinstance(command, NoteCommand):
            incident = self._incident(command.incident)
            incident_work.add_note_now(incident.id, command.text)
            return translate("CommandLine", "Note added to %1.").replace("%1", incident.number)
        if isinstance(command, CloseCommand):
            incident = self._incident(command.incident)
            closed = incident_work.close_now(incident.id, command.disposition)
            return (
                translate("CommandLine", "Incident %1 closed: %2.")
                .replace("%1", closed.number)
                .replace("%2", labels.disposition(command.disposition))
            )
        if isinstance(command, ReopenCommand):
            incident = self._incident(command.incident)
            reopened = incident_work.reopen_now(incident.id)
            return translate("CommandLine", "Incident %1 reopened.").replace("%1", reopened.number)
        if isinstance(command, FindCommand):
            return self._find(command)
        return self._help(command)

    def _find(self, command: FindCommand) -> str:
        ref = command.incident
        if ref is not None:
            try:
                incident = self._incident(ref)
            except _Unresolved:
                incident = None
            if incident is not None:
                self.incident_found.emit(incident.id)
                return translate("CommandLine", "Incident %1 opened.").replace("%1", incident.number)
        unit = queries.unit_by_call_sign(self.session.ctx, command.target)
        if unit is None:
            raise _Unresolved(
                translate("CommandLine", "No unit or incident “%1”.").replace("%1", command.target),
                command.target,
            )
        self.unit_found.emit(unit.id)
        where = f" · {unit.incident_number}" if unit.incident_number else ""
        return f"{unit.call_sign}: {labels.unit_status(unit.status)}{where}"

    def _help(self, command: HelpCommand) -> str:
        if command.topic is None:
            self.help_requested.emit()
            return translate("CommandLine", "Help is open; the Commands tab lists every command.")
        usage, what, example = syntax(command.topic)
        text = translate("CommandLine", "%1: %2 Example: %3").replace("%1", usage)
        text = text.replace("%2", what).replace("%3", example)
        if command.topic is Verb.STATUS:
            words = ", ".join(f"{w.code}={labels.unit_status(s)}" for s, w in STATUS_WORDS.items())
            text = f"{text} ({words})"
        return text

    # -- references ----------------------------------------------------------------------------------

    def _incident(self, ref: IncidentRef) -> IncidentView:
        ctx = self.session.ctx
        if ref.is_current:
            shown = self._current_incident()
            fresh = None if shown is None else queries.incident(ctx, shown.id)
            if fresh is None:
                raise _Unresolved(
                    translate(
                        "CommandLine", "No incident is open on screen: type its number instead of “.”."
                    ),
                    ".",
                )
            return fresh
        number = ref.number(ctx.clock.now().year)
        assert number is not None
        found = queries.incident_by_number(ctx, number)
        if found is None:
            raise _Unresolved(
                translate("CommandLine", "Unknown incident %1.").replace("%1", number), ref.render()
            )
        return found

    def _unit(self, call_sign: str) -> UnitView:
        unit = queries.unit_by_call_sign(self.session.ctx, call_sign)
        if unit is None:
            raise _Unresolved(
                translate("CommandLine", "Unknown unit “%1”.").replace("%1", call_sign), call_sign
            )
        return unit

    @staticmethod
    def _service_text(error: ServiceError) -> str:
        text = labels.service_error(error.code)
        details = error.details
        if error.code == "transition_refused":
            current = UnitStatus(details["current"])
            allowed = sorted(allowed_next(current) - {UnitStatus.DISPATCHED}, key=list(UnitStatus).index)
            text += " " + (
                translate("CommandLine", "%1 is %2; from there: %3.")
                .replace("%1", str(details.get("call_sign", "")))
                .replace("%2", labels.unit_status(current))
                .replace("%3", ", ".join(STATUS_WORDS[s].code for s in allowed) or "-")
            )
        elif error.code == "unit_not_available":
            text += " " + (
                translate("CommandLine", "%1 is %2.")
                .replace("%1", str(details.get("call_sign", "")))
                .replace("%2", labels.unit_status(UnitStatus(details["status"])))
            )
        return text


def _field_text(problem: FieldProblem) -> str:
    if problem is FieldProblem.EMPTY_NOTE:
        return translate("CommandLine", "The note is empty.")
    if problem is FieldProblem.TOO_LONG:
        return translate("CommandLine", "The note is too long.")
    return str(problem)


def select_unit(view: QAbstractItemView, unit_id: int) -> bool:
    """Select and show the unit's row on a flat board whose unit rows carry their id in KeyRole (headings
    carry none); False when the unit is not shown (not on the board, or filtered out)."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(KeyRole) == unit_id:
            view.setCurrentIndex(index)
            view.scrollTo(index)
            return True
    return False
