"""The protocol card of the open incident's category: the key questions, answered with one key each.

↑/↓ move between questions; an answer's digit, its place in the list shown (1 Ya / Yes, 2 Tidak /
No, 3 Tidak tahu / Don't know), answers the current question, which writes the question and answer
into the narrative, may raise the priority, and moves on to the next question. Digits are the same
in both languages (docs/glossary.md). Any other key says which keys work and answers nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dispatch.catalogue_files import load_default_protocols
from dispatch.domain.protocols import Answer, ProtocolCard, Question, answers_from_notes
from dispatch.services import protocols, queries
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import IncidentView
from ui import labels
from ui.reveal import focus_visibly
from ui.session import ConsoleSession
from ui.widgets.choice_bar import MODIFIER_KEYS, key_name

translate = QCoreApplication.translate

QuestionIdRole = Qt.ItemDataRole.UserRole + 1
#: The keys that ask a training caller the current question (as ``key_name`` names them).
ASK_KEYS = {"Return", "Enter"}


# Keys the question list keeps: moving between questions, leaving the card, and keys held with others.
_LIST_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Escape,
} | MODIFIER_KEYS


class QuestionList(QListWidget):
    """Signals: ``key_pressed(str)`` with any other key typed on the current question: its text
    ("1", "Y", "!"), or the keyboard's name for a key without one ("F11", "Enter")."""

    key_pressed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        held = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if event.key() in _LIST_KEYS or held != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)  # ↑/↓ and the rest move; Ctrl/Alt keys are the window's
            return
        event.accept()  # nothing reaches the list's type-ahead search: a letter must not jump rows
        self.key_pressed.emit(key_name(event))


class ProtocolCardPanel(QGroupBox):
    """Signals: ``answered(object)`` with the updated IncidentView after an answer is stored;
    ``asked(str)`` with the question's id when Enter asks the training caller the current question."""

    answered = Signal(object)
    asked = Signal(str)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("ProtocolCard", "Protocol card (Ctrl+P)"), parent)
        self.setObjectName("protocolCard")
        self._session = session
        self._protocols = load_default_protocols()
        self._incident: IncidentView | None = None
        self._card: ProtocolCard | None = None
        self._given: dict[str, Answer] = {}
        self._refilling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self.hint = QLabel()
        self.hint.setObjectName("protocolHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.questions = QuestionList()
        self.questions.setObjectName("protocolQuestions")
        self.questions.setWordWrap(True)
        self.questions.setAlternatingRowColors(True)
        self.questions.key_pressed.connect(self._answer_current)
        self.questions.currentRowChanged.connect(lambda _row: self._show_choices(moved=True))
        layout.addWidget(self.questions, 1)
        self.choices = QLabel()
        self.choices.setObjectName("protocolChoices")
        self.choices.setWordWrap(True)
        self.choices.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.choices)
        self.message = QLabel()
        self.message.setObjectName("protocolMessage")
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        # Training: what the scenario's caller answered to the question asked (Enter).
        self.caller_answer = QLabel()
        self.caller_answer.setObjectName("protocolCallerAnswer")
        self.caller_answer.setWordWrap(True)
        self.caller_answer.hide()
        layout.addWidget(self.caller_answer)
        self.show_incident(None)

    @property
    def card(self) -> ProtocolCard | None:
        return self._card

    def show_incident(self, incident: IncidentView | None) -> None:
        """Show the card of ``incident``'s category with the answers given so far."""
        previous = self._incident
        self._incident = incident
        card = self._protocols.get(incident.category if incident is not None else None)
        same = (
            previous is not None
            and incident is not None
            and previous.id == incident.id
            and card is self._card
        )
        self._card = card
        self.message.hide()
        if incident is None or card is None:
            self.questions.clear()
            self.questions.hide()
            self.choices.hide()
            self._given = {}
            self.hint.setText(
                translate("ProtocolCard", "Choose a category to see its questions.")
                if incident is not None and incident.category is None
                else translate("ProtocolCard", "No protocol card for this category.")
                if incident is not None
                else translate("ProtocolCard", "No incident open.")
            )
            return
        hint = translate("ProtocolCard", "%1: ↑/↓ choose a question; an answer's digit answers it.").replace(
            "%1", self._category_label(card.category)
        )
        if self._session.scenario_run is not None:
            hint += " " + translate("ProtocolCard", "Training: Enter asks the caller the question.")
        self.hint.setText(hint)
        if not same:
            self.caller_answer.hide()  # the last caller's answer belonged to another incident
        self.questions.show()
        self.choices.show()
        self.refresh_answers(keep_row=same)

    def refresh_answers(self, keep_row: bool = True) -> None:
        card, incident = self._card, self._incident
        if card is None or incident is None:
            return
        notes = queries.incident_notes(self._session.ctx, incident.id)
        self._given = answers_from_notes(card, [n.text for n in notes if n.kind == protocols.NOTE_KIND])
        row = self.questions.currentRow() if keep_row else -1
        asked = self._current_question()
        # Refilled, not moved: the caller's answer to the question still chosen stays in view (a
        # change notice refills the card; the caller's own line is one).
        self._refilling = True
        try:
            self.questions.clear()
            for question in card.questions:
                item = QListWidgetItem(self._question_text(question))
                item.setData(QuestionIdRole, question.id)
                self.questions.addItem(item)
            if row < 0:
                row = next((i for i, q in enumerate(card.questions) if q.id not in self._given), 0)
            self.questions.setCurrentRow(min(row, len(card.questions) - 1))
        finally:
            self._refilling = False
        if asked is None or self._current_question() != asked:
            self.caller_answer.hide()
        self._show_choices()

    def focus_questions(self) -> bool:
        """Ctrl+P: False if there is no card to go to."""
        if self._card is None:
            return False
        focus_visibly(self.questions)
        return True

    def _question_text(self, question: Question) -> str:
        lang = self._session.lang
        answer = self._given.get(question.id)
        state = (
            translate("ProtocolCard", "answer: %1").replace("%1", answer.label(lang))
            if answer is not None
            else translate("ProtocolCard", "not asked yet")
        )
        return f"{question.text(lang)}  [{state}]"

    def _current_question(self) -> Question | None:
        item = self.questions.currentItem()
        if self._card is None or item is None:
            return None
        try:
            return self._card.question(str(item.data(QuestionIdRole)))
        except KeyError:  # the list still shows the previous card's questions (another incident's)
            return None

    @property
    def choices_text(self) -> str:
        """The key hint line of the current question: "[1] Ya   [2] Tidak   [3] Tidak tahu"."""
        return self.choices.text()

    @property
    def message_text(self) -> str:
        """What the card says after a key that is not an answer, or a refusal ("" while it says nothing)."""
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def _show_choices(self, moved: bool = False) -> None:
        question = self._current_question()
        lang = self._session.lang
        if moved:
            self.message.hide()  # what was said about the last question's keys
            if not self._refilling:
                self.caller_answer.hide()
        self.choices.setText(
            "" if question is None else "   ".join(f"[{a.key}] {a.label(lang)}" for a in question.answers)
        )

    def _answer_current(self, key: str) -> None:
        question, card, incident = self._current_question(), self._card, self._incident
        if question is None or card is None or incident is None:
            return
        keys = [answer.key for answer in question.answers]
        if key in ASK_KEYS and self._session.training:
            # (on any training console: the scenario may be run by the trainer's console of the room)
            # Training: Enter asks the caller; the answer is heard, then recorded with its digit.
            self.asked.emit(question.id)
            return
        if key not in keys:
            self.message.setText(
                translate(
                    "ProtocolCard",
                    "%1 is not an answer to this question: press %2 (↑/↓ choose another question).",
                )
                .replace("%2", ", ".join(keys))
                .replace("%1", key)
            )
            self.message.show()
            return
        try:
            updated = protocols.answer_question(
                self._session.ctx, incident.id, card.category, question.id, key, self._session.lang
            )
        except ServiceError as error:
            self.message.setText(labels.service_error(error.code))
            self.message.show()
            return
        self.message.hide()
        self._incident = updated
        row = self.questions.currentRow()
        self.refresh_answers()
        self.questions.setCurrentRow(min(row + 1, self.questions.count() - 1))
        self.answered.emit(updated)

    def show_caller_answer(self, answer: str | None) -> None:
        """What the training caller answered to the question asked (None: nothing to show)."""
        if answer is None:
            self.caller_answer.hide()
            return
        self.caller_answer.setText(translate("ProtocolCard", "The caller: %1").replace("%1", answer))
        self.caller_answer.show()

    def _category_label(self, code: str) -> str:
        if code in self._session.catalogue:
            return self._session.catalogue.get(code).label(self._session.lang)
        return code
