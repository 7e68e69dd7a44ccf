"""Every refusal code, audit action and note kind has words in Indonesian and in English.

The domain and the services pass only codes; a code without words would reach a call-taker as
"changed_elsewhere" or "unit.status.override".
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

import pytest
from PySide6.QtWidgets import QApplication

from dispatch.domain.agencies import AgencyReach
from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.forwarding import ForwardChannel, ForwardState, OutboxState, ReportKind, ReportSource
from dispatch.domain.review import ReviewAnswer, ReviewQuestion
from dispatch.domain.shifts import ShiftCode
from ui import labels
from ui.i18n import install_translator

VOCABULARIES: list[tuple[type[StrEnum], Callable[[str], str]]] = [
    (Refusal, labels.service_error),
    (AuditAction, labels.audit_action),
    (NoteKind, labels.note_kind),
    (ShiftCode, labels.shift_name),
    (ReviewQuestion, labels.review_question),
    (ReviewAnswer, labels.review_answer),
    (ForwardChannel, labels.forward_channel),
    (ForwardState, labels.forward_state),
    (ReportKind, labels.report_kind),
    (ReportSource, labels.report_source),
    (OutboxState, labels.outbox_state),
    (AgencyReach, labels.agency_reach),
]


def words_in(qapp: QApplication, lang: str) -> dict[StrEnum, str]:
    translator = install_translator(qapp, lang)
    try:
        return {member: word(member) for vocabulary, word in VOCABULARIES for member in vocabulary}
    finally:
        qapp.removeTranslator(translator)


def test_every_code_has_words_in_both_languages(qapp: QApplication) -> None:
    english = words_in(qapp, "en")
    indonesian = words_in(qapp, "id")
    unworded = [member.value for member, word in english.items() if word == member.value]
    assert unworded == []
    untranslated = [member.value for member in english if indonesian[member] == english[member]]
    assert untranslated == []
    # Two codes with the same words would be two things a reader cannot tell apart.
    for vocabulary, _word in VOCABULARIES:
        for words in (english, indonesian):
            said = [words[member] for member in vocabulary]
            assert len(set(said)) == len(said), vocabulary.__name__


@pytest.mark.parametrize("code", ["refused_by_a_newer_console", "x.y"])
def test_a_code_from_a_newer_console_is_shown_as_it_is(code: str) -> None:
    assert labels.service_error(code) == code
    assert labels.audit_action(code) == code
    assert labels.note_kind(code) == code
