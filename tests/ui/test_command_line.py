"""The command line (Ctrl+K) in the real window: a unit's lifecycle typed, errors shown beside the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.commands import DISPOSITION_WORDS, STATUS_WORDS, Verb
from dispatch.domain.enums import Disposition, IncidentStatus, UnitStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Incident, IncidentNote, Unit, UnitStatusChange
from ui.dialogs.help import HelpDialog
from ui.main_window import MainWindow
from ui.models.snapshot_table import KeyRole
from ui.one_key import DISPOSITION_KEYS
from ui.widgets.command_line import syntax

SIGN = "DEMO-PSC-01"


def command(qtbot: QtBot, window: MainWindow, line: str) -> None:
    """Ctrl+K, type the line, Enter: as a dispatcher would."""
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    field = window.command_line.field
    assert QApplication.focusWidget() is field
    field.selectAll()
    qtbot.keyClicks(field, line)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def answer_a_call(qtbot: QtBot, window: MainWindow, feed: SimulatedFeed) -> tuple[int, str]:
    feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.call_view.setFocus()
    qtbot.keyClick(window.call_view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident = window.incident_panel.incident
    assert incident is not None
    return incident.id, incident.number


def history(ctx: ServiceContext, call_sign: str) -> list[UnitStatusChange]:
    with ctx.database.sessions() as session:
        unit_id = session.scalar(select(Unit.id).where(Unit.call_sign == call_sign))
        return list(
            session.scalars(
                select(UnitStatusChange)
                .where(UnitStatusChange.unit_id == unit_id)
                .order_by(UnitStatusChange.at, UnitStatusChange.id)
            )
        )


def feedback(window: MainWindow) -> str:
    return window.command_line.feedback.text()


def test_a_unit_walks_the_whole_lifecycle_from_the_command_line(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    incident_id, number = answer_a_call(qtbot, window, feed)
    sequence = str(int(number.split("-")[1]))

    command(qtbot, window, f"kirim {sequence} demo-psc-01")  # short number, call sign in any case
    assert window.command_line.ok, feedback(window)
    assert window.command_line.field.text() == ""
    assert "✔" in feedback(window)
    assert SIGN in feedback(window)
    assert number in feedback(window)
    steps = [
        ("s DEMO-PSC-01 ack", UnitStatus.ACKNOWLEDGED),
        ("status demo-psc-01 otw", UnitStatus.EN_ROUTE),
        ("st DEMO-PSC-01 tiba", UnitStatus.ON_SCENE),
        ("s DEMO-PSC-01 patient contact", UnitStatus.PATIENT_CONTACT),
        ("s DEMO-PSC-01 tr", UnitStatus.TRANSPORTING),
        ("s DEMO-PSC-01 rs", UnitStatus.AT_HOSPITAL),
        ("s DEMO-PSC-01 selesai", UnitStatus.CLEARED),
        ("s DEMO-PSC-01 av", UnitStatus.AVAILABLE),
    ]
    for line, status in steps:
        window.session.ctx.clock.advance(30)  # type: ignore[attr-defined]
        command(qtbot, window, line)
        assert window.command_line.ok, (line, feedback(window))
        assert window.command_line.field.text() == ""
        rows = history(ctx, SIGN)
        assert rows[-1].to_status == status.value, line
    rows = history(ctx, SIGN)
    assert [r.to_status for r in rows] == [
        "available",
        "dispatched",
        "acknowledged",
        "en_route",
        "on_scene",
        "patient_contact",
        "transporting",
        "at_hospital",
        "cleared",
        "available",
    ]
    for row in rows[1:]:
        assert (row.user_id, row.console_id) == (ctx.actor.user_id, ctx.console_id)
    assert all(r.incident_id == incident_id for r in rows[1:9])
    assert len({r.at for r in rows[1:]}) == 9  # each step at its own time
    qtbot.waitUntil(lambda: _board_status(window, SIGN) == UnitStatus.AVAILABLE)


def _board_status(window: MainWindow, call_sign: str) -> UnitStatus | None:
    return next((u.status for u in window.unit_model.units() if u.call_sign == call_sign), None)


def test_errors_are_shown_beside_the_field_and_the_text_is_kept(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    answer_a_call(qtbot, window, feed)
    field = window.command_line.field
    style = window.command_line.feedback.styleSheet()

    command(qtbot, window, "s NOPE-99 ack")
    assert not window.command_line.ok
    assert field.text() == "s NOPE-99 ack"
    assert "✖" in feedback(window)
    assert "NOPE-99" in feedback(window)
    assert field.selectedText() == "NOPE-99"  # the wrong word, ready to retype
    assert window.command_line.feedback.styleSheet() != style
    assert "#b71c1c" in window.command_line.feedback.styleSheet()

    command(qtbot, window, f"s {SIGN} tiba")  # available -> on scene is not a step of the lifecycle
    assert not window.command_line.ok
    assert field.text() == f"s {SIGN} tiba"
    assert "not allowed" in feedback(window)
    assert "Available" in feedback(window)
    assert history(ctx, SIGN)[-1].to_status == "available"

    command(qtbot, window, f"d 2026-999999 {SIGN}")
    assert not window.command_line.ok
    assert field.text() == f"d 2026-999999 {SIGN}"
    assert "2026-999999" in feedback(window)
    assert len(history(ctx, SIGN)) == 1

    command(qtbot, window, "kirm 1 X")  # a parse error points at the word too
    assert field.text() == "kirm 1 X"
    assert field.selectedText() == "kirm"
    assert "kirm" in feedback(window)

    # After an error the next good command still runs and says so in the same place.
    command(qtbot, window, f"d . {SIGN}")
    assert window.command_line.ok
    assert field.text() == ""
    assert history(ctx, SIGN)[-1].to_status == "dispatched"


def test_completion_offers_call_signs_and_incident_numbers(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    _incident_id, number = answer_a_call(qtbot, window, feed)
    qtbot.waitUntil(lambda: window.incident_model.rowCount() > 0)
    field = window.command_line.field
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is field

    qtbot.keyClicks(field, "s demo-ps")
    offered = window.command_line.suggestions.stringList()
    expected = sorted(u.call_sign for u in window.unit_model.units() if u.call_sign.startswith("DEMO-PSC"))
    assert expected
    assert sorted(offered) == expected

    field.clear()
    qtbot.keyClicks(field, "d " + number[:6])
    assert number in window.command_line.suggestions.stringList()
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # one incident open: Tab completes it
    assert field.text() == f"d {number} "
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, "DEMO-POL-0")
    assert "DEMO-POL-01" in window.command_line.suggestions.stringList()
    assert all(s.startswith("DEMO-POL-0") for s in window.command_line.suggestions.stringList())

    field.clear()
    qtbot.keyClicks(field, f"s {SIGN} o")  # available: only the steps it may take from there
    offered = window.command_line.suggestions.stringList()
    assert "oos" in offered
    assert "off" in offered
    assert "os" not in offered

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is not field


def test_note_close_and_find_by_command(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    incident_id, number = answer_a_call(qtbot, window, feed)

    command(qtbot, window, "n . Dua motor bertabrakan, satu korban sadar")
    assert window.command_line.ok, feedback(window)
    with ctx.database.sessions() as session:
        texts = list(
            session.scalars(select(IncidentNote.text).where(IncidentNote.incident_id == incident_id))
        )
    assert "Dua motor bertabrakan, satu korban sadar" in texts

    command(qtbot, window, f"f {SIGN}")
    assert window.command_line.ok
    assert window.unit_view.currentIndex().data(KeyRole) == _unit_id(ctx, SIGN)

    window.incidents.open(None)
    command(qtbot, window, f"cari {number}")
    assert window.command_line.ok
    assert window.incident_panel.incident is not None
    assert window.incident_panel.incident.id == incident_id

    command(qtbot, window, f"tutup {number} palsu")
    assert window.command_line.ok, feedback(window)
    with ctx.database.sessions() as session:
        row = session.get_one(Incident, incident_id)
        assert (row.status, row.disposition) == (IncidentStatus.CLOSED.value, Disposition.FALSE_ALARM.value)
    assert window.incident_panel.incident is None  # no longer shown, as after F9

    command(qtbot, window, f"close {number} 1")  # closing twice is refused, in words
    assert not window.command_line.ok
    assert "closed" in feedback(window)

    command(qtbot, window, "? s")
    assert window.command_line.ok
    assert "otw" in feedback(window)


def test_help_documents_every_command_status_word_and_disposition(qtbot: QtBot, window: MainWindow) -> None:
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    page = dialog.commands.toPlainText()
    for verb in Verb:
        assert syntax(verb)[0] in page
    for words in (*STATUS_WORDS.values(), *DISPOSITION_WORDS.values()):
        assert all(word in page for word in words.all)
    assert "Ctrl+K" in {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    action = window.findChild(QAction, "commandLine")
    assert action is not None
    assert action.shortcut().toString() == "Ctrl+K"


def test_disposition_digits_are_the_f9_keys() -> None:
    assert {d: w.code for d, w in DISPOSITION_WORDS.items()} == {d: k for d, k in DISPOSITION_KEYS.items()}


def test_history_walks_back_with_up_and_forward_with_down(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed
) -> None:
    answer_a_call(qtbot, window, feed)
    command(qtbot, window, "n . first")
    command(qtbot, window, "s NOPE-1 ack")
    field = window.command_line.field
    field.clear()
    qtbot.keyClicks(field, "draft")
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "s NOPE-1 ack"
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "n . first"
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "draft"


def _unit_id(ctx: ServiceContext, call_sign: str) -> int:
    with ctx.database.sessions() as session:
        unit_id = session.scalar(select(Unit.id).where(Unit.call_sign == call_sign))
    assert unit_id is not None
    return unit_id
