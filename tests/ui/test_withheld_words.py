"""Withheld and unavailable numbers are worded wherever a number is shown: an overdue alert read "Call
from P ringing", the incident's first note "Call from P answered", the queues' tooltips "P".

Calls ring through the real services into a real SQLite file, with each feed marker as it arrives."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.signals import SignalKind
from dispatch.domain.timers import TimerThresholds
from dispatch.services import alerts, calls, queries
from dispatch.services.context import ServiceContext
from tests.services.support import signal
from ui import labels
from ui.models.call_queue import CallQueueModel
from ui.session import ConsoleSession
from ui.widgets.alert_list import AlertList
from ui.widgets.incident_panel import IncidentPanel

ZONE = ZoneInfo("Asia/Jakarta")
#: What feeds deliver for no number (modem "P"/"O", NCID and others' words, an empty field) and a number.
CASES = [
    ("P", "(withheld number)"),
    ("PRIVATE", "(withheld number)"),
    ("O", "(number unavailable)"),
    ("", "(number unavailable)"),
    ("081234567890", "0812-3456-7890"),
]


def _ring(ctx: ServiceContext, clock: ManualClock, number: str) -> int:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert view is not None
    return view.id


@pytest.mark.parametrize(("number", "words"), CASES)
def test_an_overdue_ringing_call_is_worded(
    qtbot: QtBot, ctx: ServiceContext, clock: ManualClock, number: str, words: str
) -> None:
    _ring(ctx, clock, number)
    clock.advance(20)
    raised = alerts.check_timers(ctx, TimerThresholds())
    assert len(raised) == 1
    shown = AlertList()
    qtbot.addWidget(shown)
    shown.show_alerts(alerts.open_alerts(ctx), clock.now())
    assert shown.lines() == [f"⚠ OVERDUE Call from {words} ringing for 0:20 (limit 0:15)"]


@pytest.mark.parametrize(("number", "words"), CASES)
def test_the_answered_note_names_the_caller_in_words(
    qtbot: QtBot, ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, number: str, words: str
) -> None:
    call_id = _ring(ctx, clock, number)
    clock.advance(3)
    _call, incident = calls.answer_call(ctx, call_id)
    panel = IncidentPanel(ConsoleSession(ctx, catalogue, "en", zone=ZONE))
    qtbot.addWidget(panel)
    panel.set_incident(queries.incident(ctx, incident.id))
    texts = [panel.narrative.item(row).text() for row in range(panel.narrative.count())]
    assert any(text.endswith(f"Call from {words} answered; incident opened.") for text in texts), texts
    assert not any("from P " in text or "from  " in text or "from O " in text for text in texts)


def test_the_call_queue_tooltip_words_a_withheld_number(ctx: ServiceContext, clock: ManualClock) -> None:
    for number, _words in CASES[:4]:
        _ring(ctx, clock, number)
    model = CallQueueModel(ctx.clock, ZONE)
    model.set_rows(queries.call_queue(ctx))
    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Number"
    )
    shown = sorted(
        (model.index(row, column).data(), model.index(row, column).data(Qt.ItemDataRole.ToolTipRole))
        for row in range(model.rowCount())
    )
    assert shown == [
        ("Unavailable", "(number unavailable)"),
        ("Unavailable", "(number unavailable)"),
        ("Withheld", "(withheld number)"),
        ("Withheld", "(withheld number)"),
    ]


def test_stored_number_words() -> None:
    assert labels.stored_number("+6281234567890") == "0812-3456-7890"
    assert labels.stored_number("P") == "(withheld number)"
    assert labels.stored_number("ANONYMOUS") == "(withheld number)"
    assert labels.stored_number("") == "(number unavailable)"
    assert labels.stored_number("112") == "112"
    assert labels.stored_number("O812ABC") == "O812ABC"  # letters kept as received, not a marker


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("P", "Number withheld: no call history."),
        ("O", "Number unavailable: no call history."),  # was "withheld": the caller withheld nothing
        ("", "Number unavailable: no call history."),
    ],
)
def test_the_history_line_tells_withheld_from_unavailable(
    qtbot: QtBot, ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, number: str, words: str
) -> None:
    call_id = _ring(ctx, clock, number)
    answered, _incident = calls.answer_call(ctx, call_id)
    panel = IncidentPanel(ConsoleSession(ctx, catalogue, "en", zone=ZONE))
    qtbot.addWidget(panel)
    panel.show_caller_history(answered, queries.caller_history(ctx, answered))
    assert panel.history_label.text() == words
