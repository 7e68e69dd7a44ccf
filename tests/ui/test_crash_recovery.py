"""Killed with SIGKILL right after the window showed a call and a field as saved: nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.clock import SystemClock
from dispatch.domain.enums import CallState
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.store.database import open_database, sqlite_url
from ui.main_window import MainWindow
from ui.session import ConsoleSession

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_sigkill_after_saved_loses_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    db_path = tmp_path / "console.sqlite3"
    with subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_child", str(db_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        try:
            line = child.stdout.readline()  # blocks until the window said "saved"
            os.kill(child.pid, signal.SIGKILL)  # at once: no clean-up, no checkpoint, no flush
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        stderr = child.stderr.read()
    assert line.startswith("SAVED "), f"child did not report: {line!r} {stderr}"
    assert child.returncode == -signal.SIGKILL
    _, call_id, incident_id, name = line.split(" ", 3)
    name = name.strip()

    # Restart on the same file, as the console would, and look at the window.
    database = open_database(sqlite_url(db_path))
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "after-crash")
    actor = accounts.log_in(ctx, "sari", "rahasia-112").actor
    assert actor is not None
    ctx = ctx.acting_as(actor)
    window = MainWindow(ConsoleSession(ctx, load_default_catalogue(), "en"))
    qtbot.addWidget(window)
    try:
        row = window.call_model.row_of_key(int(call_id))
        assert row is not None, "the answered call is gone"
        call = window.call_model.row(row)
        assert call.state is CallState.ANSWERED
        assert call.incident_id == int(incident_id)
        board_row = window.incident_model.row_of_key(int(incident_id))
        assert board_row is not None, "the incident is gone from the board"
        window.incidents.open(int(incident_id))
        assert window.incident_panel.inputs["caller_name"].text() == name  # type: ignore[attr-defined]
    finally:
        window.close()
        database.dispose()
