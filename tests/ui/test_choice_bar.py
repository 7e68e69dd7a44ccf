"""The one-key choice: digits both languages share, and a wrong key says which keys work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.i18n import install_translator
from ui.one_key import CHOICES, STATUS_KEYS
from ui.widgets.choice_bar import ChoiceBar


@pytest.fixture(params=["id", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translator = install_translator(qapp, request.param)
    yield request.param
    qapp.removeTranslator(translator)


def _bar(qtbot: QtBot, picked: list[Any]) -> ChoiceBar:
    bar = ChoiceBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.ask("Close as", [("1", "Information", "info"), ("2", "Prank", "prank")], picked.append)
    return bar


@pytest.mark.parametrize("choice", sorted(CHOICES))
def test_every_choice_takes_distinct_digits(choice: str) -> None:
    keys = list(CHOICES[choice].values())
    assert all(len(k) == 1 and k.isdigit() for k in keys)  # the same key whatever language is shown
    assert len(set(keys)) == len(keys)
    assert keys == [str(n) for n in range(1, len(keys) + 1)]  # a digit is its place in the list shown
    assert STATUS_KEYS[:9] == "123456789"


def test_a_key_that_is_not_a_choice_says_which_keys_work(qtbot: QtBot, lang: str) -> None:
    picked: list[Any] = []
    bar = _bar(qtbot, picked)
    assert bar.hint == ""
    qtbot.keyClick(bar, "p")  # the old letter for prank
    assert bar.isVisible()
    assert picked == []
    expected = {
        "id": "P bukan salah satu pilihan: tekan 1, 2, atau Esc untuk kembali.",
        "en": "P is not one of the choices: press 1, 2, or Esc to cancel.",
    }[lang]
    assert bar.hint == expected
    qtbot.keyClick(bar, Qt.Key.Key_F5)  # a key without text is named as the keyboard labels it
    assert bar.hint.startswith("F5 ")
    qtbot.keyClick(bar, "2")
    assert picked == ["prank"]
    assert not bar.isVisible()


def test_modifier_keys_say_nothing_and_a_new_choice_starts_silent(qtbot: QtBot, lang: str) -> None:
    picked: list[Any] = []
    bar = _bar(qtbot, picked)
    qtbot.keyClick(bar, Qt.Key.Key_Shift)
    assert bar.hint == ""
    qtbot.keyClick(bar, "x")
    assert bar.hint
    bar.ask("Again", [("1", "One", 1)], picked.append)
    assert bar.hint == ""
    qtbot.keyClick(bar, Qt.Key.Key_1, Qt.KeyboardModifier.KeypadModifier)  # the number pad's digits too
    assert picked == [1]


def test_esc_goes_back_without_choosing(qtbot: QtBot, lang: str) -> None:
    picked: list[Any] = []
    bar = _bar(qtbot, picked)
    with qtbot.waitSignal(bar.cancelled):
        qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert picked == []
    assert not bar.isVisible()
