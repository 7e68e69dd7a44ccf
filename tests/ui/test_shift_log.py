"""The shift log and quality review by keyboard, on a real SQLite file with full text over the notes:
filters narrow the table as they are typed, words find a note, Enter shows the incident's timeline;
a sample drawn, a call's form answered with digits, the review saved with its score, and the incidents
closed without narrative listed."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Disposition
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.review import FORM
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import calls, incidents, review, shifts
from dispatch.services.context import ServiceContext
from tests.ui.keys import CTRL, press, type_text
from ui.main_window import MainWindow
from ui.positions import Position
from ui.presenters.periods import parse_typed_time, typed_time
from ui.widgets.shift_log_view import ShiftLogView


def ring(ctx: ServiceContext, clock: ManualClock, number: str, call_id: str) -> int:
    view = calls.record_signal(
        ctx.as_system(),
        CallSignal(
            kind=SignalKind.INCOMING,
            feed="sim://log",
            received_at=clock.now(),
            number=parse_caller_number(number),
            raw=f"CID {number}".encode(),
            call_id=call_id,
        ),
    )
    assert view is not None
    return view.id


@pytest.fixture
def logged(window: MainWindow, clock: ManualClock, catalogue: Catalogue) -> dict[str, str]:
    """An open shift: a fire with its narrative, a traffic accident closed without one, an
    information call and two pranks from one number. The incidents' numbers by name."""
    ctx = window.session.ctx
    assert window.run_action("openShift")
    numbers: dict[str, str] = {}
    clock.advance(60)
    fire_call = ring(ctx, clock, "0812-3456-7001", "fire")
    clock.advance(6)
    _, fire = calls.answer_call(ctx, fire_call)
    incidents.update_field(ctx, fire.id, "category", "FIRE", catalogue)
    incidents.add_note(ctx, fire.id, "Kebakaran rumah di Jl. Pemuda, dua lantai, api membesar.")
    numbers["fire"] = fire.number
    calls.hang_up(ctx, fire_call)
    clock.advance(120)
    crash_call = ring(ctx, clock, "0813-2222-9002", "crash")
    clock.advance(4)
    _, crash = calls.answer_call(ctx, crash_call)
    incidents.update_field(ctx, crash.id, "category", "LAKA", catalogue)
    calls.hang_up(ctx, crash_call)
    clock.advance(300)
    incidents.close_incident(ctx, crash.id, Disposition.HANDLED)
    numbers["crash"] = crash.number
    for index, (number, call_class) in enumerate(
        (
            ("0821-7777-1003", CallClass.INFORMATION),
            ("0857-1234-0099", CallClass.PRANK),
            ("0857-1234-0099", CallClass.PRANK),
        )
    ):
        clock.advance(90)
        call_id = ring(ctx, clock, number, f"other-{index}")
        clock.advance(5)
        calls.answer_call(ctx, call_id)
        calls.classify_call(ctx, call_id, call_class)
    window.shifts.refresh()
    return numbers


def rows(window: MainWindow) -> list[list[str]]:
    model = window.review.model
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.review.busy, timeout=5000)


def test_filters_narrow_the_log_and_enter_shows_the_timeline(
    qtbot: QtBot, window: MainWindow, logged: dict[str, str]
) -> None:
    view = window.shift_log_view
    window.take_position(Position.REVIEW)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_6, CTRL)  # the log of the open shift, the keyboard on its first filter
    assert QApplication.focusWidget() is view.shift
    settled(qtbot, window)
    assert view.shift.currentText() == "Morning 2026-11-27 07:00–15:00 (open)"
    assert len(rows(window)) == 5
    assert window.review.model.headerData(8, Qt.Orientation.Horizontal) == ""
    assert view.found.text() == "Calls found: 5, newest first. Enter on a call shows its incident's timeline."
    # Newest first: the second prank on top.
    assert rows(window)[0][1:4] == ["0857-1234-0099", "Prank", "sari"]

    # Class: Prank (Tab to it, arrows choose).
    press(qtbot, Qt.Key.Key_Tab)  # from
    press(qtbot, Qt.Key.Key_Tab)  # to
    press(qtbot, Qt.Key.Key_Tab)  # answered by
    press(qtbot, Qt.Key.Key_Tab)  # class
    assert QApplication.focusWidget() is view.call_class
    for _ in range(3):  # Any class, Emergency, Information, Prank
        press(qtbot, Qt.Key.Key_Down)
    settled(qtbot, window)
    assert [row[2] for row in rows(window)] == ["Prank", "Prank"]
    press(qtbot, Qt.Key.Key_Home)  # any class again
    settled(qtbot, window)
    assert len(rows(window)) == 5

    # Digits of the number, typed: the table narrows as they come.
    press(qtbot, Qt.Key.Key_Tab)  # category
    press(qtbot, Qt.Key.Key_Tab)  # number
    assert QApplication.focusWidget() is view.number
    type_text(qtbot, "2222")
    settled(qtbot, window)
    assert [row[4] for row in rows(window)] == [logged["crash"]]
    view.number.clear()

    # Full text over the notes: the start of a word finds it, the match marked.
    press(qtbot, Qt.Key.Key_Tab)  # incident
    press(qtbot, Qt.Key.Key_Tab)  # full text
    assert QApplication.focusWidget() is view.text
    type_text(qtbot, "kebakar")
    settled(qtbot, window)
    found = rows(window)
    assert [row[4] for row in found] == [logged["fire"]]
    assert "«Kebakaran» rumah di Jl. Pemuda" in found[0][8]

    # Enter on the call: its incident's timeline, in time order, in words.
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.results
    press(qtbot, Qt.Key.Key_Return)
    assert view.timeline_title.text().startswith(f"Timeline of incident {logged['fire']} (")
    timeline = [
        [view.timeline.item(row, column).text() for column in range(4)]
        for row in range(view.timeline.rowCount())
    ]
    whats = [row[1] for row in timeline]
    assert timeline[0][1:] == ["Call rang", "", "0812-3456-7001"]
    answered = timeline[whats.index("Call answered")]
    assert answered[2] == "sari @ KONSOL-01"
    note = next(row for row in timeline if "Kebakaran rumah" in row[3])
    assert note[1] == "Note: Typed"
    assert ["Note: Console", "Call from 0812-3456-7001 answered; incident opened."] in [
        [r[1], r[3]] for r in timeline
    ]
    assert ["Audit: Incident opened", "sari @ KONSOL-01"] in [r[1:3] for r in timeline]
    # Without words to look for, the log has no "Note found" heading; with them it has.
    assert window.review.model.headerData(8, Qt.Orientation.Horizontal) == "Note found"
    assert timeline.index(answered) < timeline.index(note)


def test_a_time_that_cannot_be_read_is_said(qtbot: QtBot, window: MainWindow, logged: dict[str, str]) -> None:
    view = window.shift_log_view
    window.run_action("shiftLog")
    settled(qtbot, window)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.since
    type_text(qtbot, "kemarin")
    qtbot.waitUntil(lambda: view.found.text().startswith("✘"), timeout=3000)
    assert view.found.text() == "✘ Type the times as 2026-11-27 07:00 (local time)."


def test_a_sample_reviewed_by_keyboard(
    qtbot: QtBot, window: MainWindow, clock: ManualClock, logged: dict[str, str]
) -> None:
    view = window.shift_log_view
    ctx = window.session.ctx
    window.take_position(Position.REVIEW)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_8, CTRL)
    assert QApplication.focusWidget() is view.draw  # nothing drawn yet
    assert view.sample_period.text() == "Morning 2026-11-27 07:00–15:00 (open): drawn 0, reviewed 0."
    # The crash was closed without narrative; the fire is still open.
    assert view.without_title.text() == "✘ Incidents closed without narrative: 1"
    assert view.without.item(0, 0).text() == logged["crash"]

    press(qtbot, Qt.Key.Key_Space)  # Draw
    assert window.status.message() == "Calls drawn for review from Morning 2026-11-27 07:00–15:00 (open): 1."
    assert QApplication.focusWidget() is view.sample
    assert view.sample.rowCount() == 1  # 2 % of 5 answered calls, rounded up
    drawn = review.reviews(ctx, f"shift:{window.shifts.shown.id}")  # type: ignore[union-attr]
    assert len(drawn) == 1

    press(qtbot, Qt.Key.Key_Return)  # its form, the keyboard on the first question
    assert QApplication.focusWidget() is view.form
    assert view.form.rowCount() == len(FORM)
    assert view.form.item(0, 2).text() == "1 Yes · 2 Partly · 3 No"
    press(qtbot, "9")  # not an answer to the greeting question
    assert window.status.message() == "9 is not an answer here: press 1 to 3."
    # Greeting yes, location partly, callback number no (yes/no/n.a.), protocol n.a., class yes,
    # category n.a., dispatch n.a., narrative yes, courtesy yes.
    answers = ["1", "2", "2", "4", "1", "4", "4", "1", "1"]
    for key in answers[:-1]:
        press(qtbot, key)
    assert view.score.text() == "Answered 8 of 9"
    press(qtbot, answers[-1])
    # Applicable: greeting 5 yes, location 20 partly, callback 10 no, classification 10 yes,
    # narrative 10 yes, courtesy 5 yes: (5 + 10 + 0 + 10 + 10 + 5) of 60 = 66.67 -> 67.
    assert view.score.text() == "Score: 67 / 100"
    assert QApplication.focusWidget() is view.comment
    type_text(qtbot, "Alamat tidak dibacakan ulang.")
    press(qtbot, Qt.Key.Key_Return)
    assert window.status.message() == "Review saved: score 67 / 100."
    saved = review.reviews(ctx)[0]
    assert (saved.score, saved.reviewer, saved.comment) == (67, "sari", "Alamat tidak dibacakan ulang.")
    assert view.sample.item(0, 5).text() == "67"
    assert "reviewed 1. Average score 67." in view.sample_period.text()
    # Written once: the form shows it and refuses another answer.
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, "2")
    assert window.status.message() == "That call has been reviewed already."


ZONE = ZoneInfo("Asia/Jakarta")


@given(st.text(max_size=60))
def test_a_typed_time_is_read_or_refused_never_anything_else(text: str) -> None:
    try:
        parsed = parse_typed_time(text, ZONE)
    except ValueError:
        return
    if parsed is None:
        assert not text.strip()
    else:
        assert parsed.tzinfo is not None
        assert parsed.astimezone(UTC).tzinfo is UTC


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)))  # noqa: DTZ001 (naive: typed)
def test_a_time_shown_in_a_field_reads_back_as_itself(moment: datetime) -> None:
    local = moment.replace(second=0, microsecond=0, tzinfo=ZONE)
    assert parse_typed_time(typed_time(local, ZONE), ZONE) == local
    assert parse_typed_time(f"  {typed_time(local, ZONE)}  ", ZONE) == local


def _filters_a_row(view: ShiftLogView) -> int:
    """How many filters the log's grid puts on a row (the widest column a field is in)."""
    grid = view._filter_grid
    columns = [grid.getItemPosition(grid.indexOf(field))[1] for _, field in view._filter_cells]
    return max(columns) // 2 + 1


def test_the_log_shares_the_supervisors_window_without_squeezing_the_other_columns(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Found at 1366x768 in a real X window: the log tabbed into the supervisor position took 740 px
    and left the overdue timers and the caller 120 px wide, their words cut."""
    window.take_position(Position.SUPERVISOR)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_6, CTRL)
    dock = window.findChild(QDockWidget, "reviewDock")
    alerts = window.findChild(QDockWidget, "alertsDock")
    assert dock is not None
    assert alerts is not None
    qtbot.waitUntil(dock.isVisible)
    QApplication.processEvents()
    assert alerts.width() >= 250, alerts.width()
    assert _filters_a_row(window.shift_log_view) == 2
    window.take_position(Position.REVIEW)
    qtbot.waitUntil(lambda: _filters_a_row(window.shift_log_view) == 3)


def test_a_shift_chosen_shows_its_calls_to_the_second_it_closed(
    qtbot: QtBot, window: MainWindow, logged: dict[str, str], clock: ManualClock
) -> None:
    """Found in the real X window: the log read the shift's end from the minute it typed into To,
    and left out the calls of the minute the shift closed, which its figures and handover count."""
    ctx = window.session.ctx
    clock.advance(30)
    ring(ctx, clock, "0811-2000-3000", "last-minute")
    clock.advance(10)
    current = shifts.current_shift(ctx)
    assert current is not None
    shifts.close_shift(ctx, current.id)
    assert clock.now().second != 0  # the close is inside a minute, not on its edge
    window.shifts.refresh()
    window.take_position(Position.REVIEW)
    press(qtbot, Qt.Key.Key_6, CTRL)
    settled(qtbot, window)
    assert len(rows(window)) == 6
    assert rows(window)[0][1] == "0811-2000-3000"
