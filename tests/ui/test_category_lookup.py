"""The category box finds a category by any word of its label in either language (issue 10).

Before, only the start of the item's text matched: "med" found MED, "gawat" or "kebakaran" nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, queries
from dispatch.services.context import ServiceContext
from tests.services.support import signal
from ui.session import ConsoleSession
from ui.widgets.category_lookup import CategoryLookup
from ui.widgets.incident_panel import IncidentPanel


def _combo(qtbot: QtBot, catalogue: Catalogue, lang: str) -> tuple[QComboBox, CategoryLookup]:
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("- choose -", None)
    for category in catalogue:
        combo.addItem(f"{category.code} · {category.label(lang)}", category.code)
    lookup = CategoryLookup(combo, catalogue, lang)
    combo.show()
    combo.setFocus()
    return combo, lookup


def test_typed_words_choose_the_category(qtbot: QtBot, catalogue: Catalogue) -> None:
    combo, lookup = _combo(qtbot, catalogue, "id")
    qtbot.keyClicks(combo, "gawat")
    assert combo.currentData() == "MED"
    lookup.forget()
    qtbot.keyClicks(combo, "kebakaran")
    assert combo.currentData() == "FIRE"
    lookup.forget()
    qtbot.keyClicks(combo, "fire")  # English words in the Indonesian console too
    assert combo.currentData() == "FIRE"
    lookup.forget()
    qtbot.keyClicks(combo, "pohon tum")  # a space inside a search is part of it
    assert combo.currentData() == "POHON"
    lookup.forget()
    qtbot.keyClicks(combo, "laka")  # the code still works
    assert combo.currentData() == "LAKA"


def test_backspace_a_miss_and_a_pause(qtbot: QtBot, catalogue: Catalogue) -> None:
    combo, lookup = _combo(qtbot, catalogue, "en")
    qtbot.keyClicks(combo, "snakez")
    assert combo.currentData() == "HEWAN"  # "snakez" finds nothing: the last match stays
    assert lookup.matches == []
    qtbot.keyClick(combo, Qt.Key.Key_Backspace)
    assert [c.code for c in lookup.matches] == ["HEWAN"]
    qtbot.wait(1400)  # a pause starts a new search
    assert lookup.typed == ""
    qtbot.keyClicks(combo, "flood")
    assert combo.currentData() == "BENC"


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_in_the_open_list_enter_takes_the_match(qtbot: QtBot, catalogue: Catalogue) -> None:
    combo, _lookup = _combo(qtbot, catalogue, "id")
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClicks(combo.view(), "jenazah")
    assert combo.model().data(combo.view().currentIndex(), Qt.ItemDataRole.UserRole) == "JENAZ"
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert combo.currentData() == "JENAZ"


def test_the_incident_form_saves_a_category_found_by_a_word(
    qtbot: QtBot, ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    panel = IncidentPanel(ConsoleSession(ctx, catalogue, "id"))
    qtbot.addWidget(panel)
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    _, incident = calls.answer_call(ctx, ringing.id)
    panel.set_incident(incident)
    panel.show()
    panel.category.setFocus()
    qtbot.keyClicks(panel.category, "kebakaran")
    assert panel.category.currentData() == "FIRE"

    def saved() -> None:
        view = queries.incident(ctx, incident.id)
        assert view is not None
        assert view.category == "FIRE"

    qtbot.waitUntil(saved, timeout=3000)
