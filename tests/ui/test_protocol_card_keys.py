"""The protocol card's one-key answers: digits both languages share (an answer's place in the list shown),
and a key that is not an answer says which keys work and answers nothing. Real card widget, real
database, keys pressed where the focus is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import Priority
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import calls, incidents, queries
from dispatch.services.context import ServiceContext
from tests.ui.keys import press
from ui.actions import ACTIONS
from ui.i18n import install_translator
from ui.session import ConsoleSession
from ui.widgets.protocol_card import ProtocolCardPanel

README = Path(__file__).resolve().parents[2] / "README.md"
KEYPAD = Qt.KeyboardModifier.KeypadModifier


@pytest.fixture(params=["id", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translator = install_translator(qapp, request.param)
    yield request.param
    qapp.removeTranslator(translator)


def _laka_incident(ctx: ServiceContext, catalogue: Catalogue) -> int:
    """A road accident being taken: LAKA's default priority is P2, so an answer's P1 shows."""
    call = calls.record_signal(
        ctx,
        CallSignal(
            kind=SignalKind.INCOMING,
            feed="sim://test",
            received_at=ctx.clock.now(),
            number=parse_caller_number("081234567890"),
            raw=b"RING",
            call_id="card-1",
        ),
    )
    assert call is not None
    _, incident = calls.answer_call(ctx, call.id)
    incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    return incident.id


def _card(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, lang: str, incident_id: int
) -> ProtocolCardPanel:
    panel = ProtocolCardPanel(ConsoleSession(ctx, catalogue, lang))
    qtbot.addWidget(panel)
    panel.resize(520, 600)
    panel.show()
    panel.activateWindow()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(panel.isActiveWindow)
    panel.show_incident(queries.incident(ctx, incident_id))
    assert panel.focus_questions()  # what Ctrl+P does
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.questions)
    return panel


def _protocol_notes(ctx: ServiceContext, incident_id: int) -> list[str]:
    return [note.text for note in queries.incident_notes(ctx, incident_id) if note.kind == "protocol"]


YES_NO = {
    "id": "[1] Ya   [2] Tidak   [3] Tidak tahu",
    "en": "[1] Yes   [2] No   [3] Don't know",
}


def test_a_digit_answers_the_question_in_either_language(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, lang: str
) -> None:
    incident_id = _laka_incident(ctx, catalogue)
    card = _card(qtbot, ctx, catalogue, lang, incident_id)
    hint = {"id": "↑/↓ memilih pertanyaan; angka jawaban menjawabnya.", "en": "↑/↓ choose a question"}[lang]
    assert hint in card.hint.text()
    assert card.questions.currentRow() == 0  # "Is anyone injured?"
    assert card.choices_text == YES_NO[lang]  # the key hint line, in the user's language

    press(qtbot, "2")  # no
    qtbot.waitUntil(lambda: card.questions.currentRow() == 1)  # on to "Is anyone trapped in a vehicle?"
    assert card.choices_text == YES_NO[lang]
    press(qtbot, "1")  # yes: raises the priority to P1 and marks the incident
    qtbot.waitUntil(lambda: card.questions.currentRow() == 2)  # "Are all the injured awake?"
    press(qtbot, Qt.Key.Key_3, KEYPAD)  # the number pad's digits answer too: don't know
    qtbot.waitUntil(lambda: card.questions.currentRow() == 3)

    stored = queries.incident(ctx, incident_id)
    assert stored is not None
    assert (stored.priority, stored.flags) == (Priority.P1, frozenset({IncidentFlag.TRAPPED}))
    assert (
        _protocol_notes(ctx, incident_id)
        == {
            "id": [
                "T: Apakah ada korban luka? J: Tidak",
                "T: Apakah ada korban terjepit di dalam kendaraan? J: Ya",
                "T: Apakah semua korban sadar? J: Tidak tahu",
            ],
            "en": [
                "Q: Is anyone injured? A: No",
                "Q: Is anyone trapped in a vehicle? A: Yes",
                "Q: Are all the injured awake? A: Don't know",
            ],
        }[lang]
    )
    answer_word = {"id": "jawaban: Ya", "en": "answer: Yes"}[lang]
    assert answer_word in card.questions.item(1).text()
    assert card.message_text == ""


def test_a_key_that_is_not_an_answer_says_which_keys_work_and_answers_nothing(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, lang: str
) -> None:
    incident_id = _laka_incident(ctx, catalogue)
    card = _card(qtbot, ctx, catalogue, lang, incident_id)
    first_item = card.questions.item(0).text()
    assert card.message_text == ""

    press(qtbot, "y")  # the old letter for yes (and the list's type-ahead search must not jump either)
    assert (
        card.message_text
        == {
            "id": "Y bukan jawaban untuk pertanyaan ini: tekan 1, 2, 3 (↑/↓ memilih pertanyaan lain).",
            "en": "Y is not an answer to this question: press 1, 2, 3 (↑/↓ choose another question).",
        }[lang]
    )
    assert card.message.isVisible()  # shown on the card, not only set
    assert card.questions.currentRow() == 0
    assert card.questions.item(0).text() == first_item  # still not asked
    assert QApplication.focusWidget() is card.questions  # the card keeps the keyboard

    press(qtbot, Qt.Key.Key_Shift)  # a key held for another says nothing new
    press(qtbot, "4")  # a digit past the answers shown
    assert card.message_text.startswith("4 ")
    press(qtbot, Qt.Key.Key_Space)  # a key without a letter is named as the keyboard labels it
    assert card.message_text.startswith("Space ")  # key names stay as the keyboard labels them (glossary)
    assert "1, 2, 3" in card.message_text

    press(qtbot, Qt.Key.Key_End)  # "How many vehicles are involved?": four answers
    assert card.message_text == ""  # moving on clears what was said about the last question
    press(qtbot, "5")
    assert "1, 2, 3, 4" in card.message_text
    assert card.questions.currentRow() == 4

    assert _protocol_notes(ctx, incident_id) == []  # nothing answered
    stored = queries.incident(ctx, incident_id)
    assert stored is not None
    assert (stored.priority, stored.flags) == (Priority.P2, frozenset())

    press(qtbot, "4")  # don't know: an answer after all, and the message goes
    qtbot.waitUntil(lambda: len(_protocol_notes(ctx, incident_id)) == 1)
    assert card.message_text == ""


def test_the_key_table_says_ctrl_p_then_1_2_3() -> None:
    spec = next(spec for spec in ACTIONS if spec.id == "protocolCard")
    assert (spec.key, spec.then) == ("Ctrl+P", "1 / 2 / 3")
    rows = [line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| Ctrl+P")]
    assert len(rows) == 1
    assert rows[0].startswith("| Ctrl+P, then 1 / 2 / 3 | the protocol card:")
    assert "Y / N / U" not in README.read_text(encoding="utf-8")


def test_another_incident_with_another_card_shows_its_own_first_question(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, lang: str
) -> None:
    laka = _laka_incident(ctx, catalogue)
    card = _card(qtbot, ctx, catalogue, lang, laka)
    press(qtbot, "2")  # the road accident's first question answered; its second chosen
    qtbot.waitUntil(lambda: card.questions.currentRow() == 1)
    other = calls.record_signal(
        ctx,
        CallSignal(
            kind=SignalKind.INCOMING,
            feed="sim://test",
            received_at=ctx.clock.now(),
            number=parse_caller_number("081299998888"),
            raw=b"RING",
            call_id="card-2",
        ),
    )
    assert other is not None
    _, medical = calls.answer_call(ctx, other.id)
    incidents.update_field(ctx, medical.id, "category", "MED", catalogue)
    # The list still held the road accident's questions when the medical card came: none of them
    # is on it, and the card opens at its own first question.
    card.show_incident(queries.incident(ctx, medical.id))
    assert card.questions.currentRow() == 0
    first = catalogue_card_first_question(card)
    assert first in card.questions.currentItem().text()
    assert card.choices_text == YES_NO[lang]


def catalogue_card_first_question(card: ProtocolCardPanel) -> str:
    assert card._card is not None
    return card._card.questions[0].text(card._session.lang)
