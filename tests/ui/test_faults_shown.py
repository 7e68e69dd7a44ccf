"""Nothing fails silently: a database that does not answer and an unexpected error reach a person.

The database is locked for real, by another process holding SQLite's write lock; the thread ends
for real, by an exception. The window shows each in its fault bar, and nothing shown as saved is lost.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dispatch.domain.clock import ManualClock
from dispatch.domain.signals import SignalKind
from dispatch.services import calls
from dispatch.services.context import ServiceContext
from tests.services.support import signal
from ui.app import WINDOW_WRITE_WAIT_MS
from ui.faults import FaultReporter
from ui.main_window import MainWindow

HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.rollback()
"""


@pytest.fixture
def ctx(ctx: ServiceContext) -> ServiceContext:
    """The window's context as the console makes it: a write waits briefly for another's lock."""
    return replace(ctx, write_wait_ms=WINDOW_WRITE_WAIT_MS)


@pytest.fixture
def faults(window: MainWindow) -> Iterator[FaultReporter]:
    reporter = FaultReporter()
    reporter.fault_reported.connect(window.fault_bar.report)
    reporter.install()
    yield reporter
    reporter.uninstall()


def hold_write_lock(path: Path) -> subprocess.Popen[str]:
    """Another process holding the database's write lock until a line reaches its stdin."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def answer_while_locked(qtbot: QtBot, window: MainWindow, ctx: ServiceContext, db_path: Path) -> float:
    """A call rings; another process holds the write lock while F2 is pressed; the fault bar shows.

    Returns how long the refusal took. The lock is released before returning.
    """
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now()))
    assert ringing is not None
    qtbot.waitUntil(lambda: window.call_model.rowCount() == 1)
    holder = hold_write_lock(db_path)
    try:
        window.call_view.setFocus()
        pressed = time.monotonic()
        qtbot.keyClick(window, Qt.Key.Key_F2)
        qtbot.waitUntil(window.fault_bar.isVisible)
        return time.monotonic() - pressed
    finally:
        holder.communicate("\n", timeout=10)


def test_a_database_locked_by_another_process_is_shown_and_the_action_can_be_repeated(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, faults: FaultReporter, db_path: Path
) -> None:
    took = answer_while_locked(qtbot, window, ctx, db_path)
    # Refused within about the window's wait, not after 5 s busy timeouts and retries (the window
    # froze for 15 s): the boards and the clock go on.
    assert took < 2.5
    assert "DATABASE NOT ANSWERING" in window.fault_bar.text()
    assert "another console or program holds it" in window.fault_bar.text()
    assert "NOT saved" in window.fault_bar.text()
    # Nothing was half-written: the call still rings, and F2 now answers it; the bar goes.
    assert window.call_model.rowCount() == 1
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: not window.fault_bar.isVisible())
    assert window.incident_panel.incident is not None


def test_a_thread_ended_by_an_exception_is_logged_and_shown_until_acknowledged(
    qtbot: QtBot, window: MainWindow, faults: FaultReporter, caplog: pytest.LogCaptureFixture
) -> None:
    def fails() -> None:
        raise RuntimeError("the worker met something it did not expect")

    with caplog.at_level(logging.ERROR, logger="dispatch.faults"):
        worker = threading.Thread(target=fails, name="worker under test")
        worker.start()
        worker.join()
        qtbot.waitUntil(window.fault_bar.isVisible)
    assert "UNEXPECTED ERROR: RuntimeError: the worker met something" in window.fault_bar.text()
    logged = [record for record in caplog.records if "worker under test" in record.getMessage()]
    assert logged
    assert logged[0].exc_info is not None  # with its traceback
    window.activateWindow()
    qtbot.keyClick(
        window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: not window.fault_bar.isVisible())


def test_timers_checked_while_another_process_holds_the_database_say_busy_without_a_traceback(
    qtbot: QtBot,
    window: MainWindow,
    ctx: ServiceContext,
    clock: ManualClock,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now()))
    assert ringing is not None
    clock.advance(15)
    holder = hold_write_lock(db_path)
    try:
        with caplog.at_level(logging.ERROR, logger="ui.timer_watch"):
            window.tick()  # the one-second check, on its worker, meets the held lock
            qtbot.waitUntil(lambda: "the database is busy" in window.status.message_label.text())
        assert "could not be checked" not in window.status.message_label.text()
        assert not [record for record in caplog.records if record.name == "ui.timer_watch"]
    finally:
        holder.communicate("\n", timeout=10)
    clock.advance(1)
    window.tick()  # the next second checks again and raises the alert
    qtbot.waitUntil(lambda: any(ringing.number_national in line for line in window.alert_list.lines()))
    assert "the database is busy" not in window.status.message_label.text()  # no longer true: gone


def test_the_database_fault_goes_when_the_next_timer_check_gets_through(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, faults: FaultReporter, db_path: Path
) -> None:
    assert answer_while_locked(qtbot, window, ctx, db_path) < 2.5
    # Nothing else is done at this console: the one-second check, a write, shows it answers again.
    window.tick()
    qtbot.waitUntil(lambda: not window.fault_bar.isVisible())


def test_an_action_refused_by_a_locked_database_is_logged_in_one_line_without_a_traceback(
    qtbot: QtBot,
    window: MainWindow,
    ctx: ServiceContext,
    faults: FaultReporter,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="dispatch.faults"):
        answer_while_locked(qtbot, window, ctx, db_path)
    (record,) = [record for record in caplog.records if record.name == "dispatch.faults"]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert record.getMessage().startswith("database busy, not saved: ")
    assert "call_work.py" in record.getMessage()
