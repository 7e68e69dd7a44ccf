"""A console of a centre loses its database: the banner says so at once, what is typed meanwhile is
kept (marked "not saved yet" in words) and saved when the database is back, and the window reads
what the other consoles did meanwhile. On a single SQLite console, a field refused while another
program holds the file is saved by the next write that gets through.

The link is killed for real (``pg_terminate_backend`` of the change feed's connection) and the
database made unreachable for real (every connection through a relay closed, new ones refused).
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from dispatch.domain.signals import SignalKind
from dispatch.services import calls, queries
from dispatch.services.context import ServiceContext
from tests.services.support import signal
from tests.store.postgres import Schema
from tests.ui.centre import (
    WindowMaker,
    answer_a_call,
    cable,
    centre_schema,
    make_window,
    other_console,
    settle,
)
from tests.ui.cuttable_link import CuttableLink
from tests.ui.keys import press, type_text
from tests.ui.test_faults_shown import hold_write_lock
from ui.app import WINDOW_WRITE_WAIT_MS
from ui.main_window import MainWindow

__all__ = ["cable", "centre_schema", "make_window", "other_console"]  # fixtures, used by name


@pytest.mark.postgres
def test_the_banner_shows_the_moment_the_link_is_killed_and_goes_when_it_reconnects(
    qtbot: QtBot, make_window: WindowMaker, centre_schema: Schema
) -> None:
    window = make_window(backoff=(1.0,))
    link = window.link
    assert link is not None
    banner = window.connection_banner
    assert not banner.isVisible()
    killed = link.feed.backend_pid
    assert killed is not None
    shown: list[bool] = []  # the banner's visibility as each report of the link arrived
    link.state_changed.connect(lambda state: shown.append(state.connected != banner.isVisible()))

    # The consoles' role may end its own sessions (the owner cannot: it is another role).
    engine = create_engine(centre_schema.console_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": killed}).scalar()
    finally:
        engine.dispose()
    began = time.monotonic()
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert time.monotonic() - began < 1.0, "at once, not at the next poll"
    words = banner.text.text()
    assert "CONNECTION TO THE DATABASE LOST at 12:00:00" in words  # the centre's time (WIB)
    assert "reconnecting (next try in 1 s)" in words
    assert "What you type is kept and saved when it is back." in words
    assert banner.icon.pixmap() is not None
    assert not banner.icon.pixmap().isNull()

    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    assert link.connected
    assert link.feed.backend_pid not in (None, killed)
    assert all(shown), "the banner was up exactly while the link was down"
    assert "Connection to the database is back (lost at 12:00:00)." in window.status.message()


@pytest.mark.postgres
def test_typed_while_the_database_is_away_is_kept_marked_and_saved_when_it_is_back(
    qtbot: QtBot, make_window: WindowMaker, cable: CuttableLink, other_console: ServiceContext
) -> None:
    window = make_window(backoff=(0.3,))
    incident_id = answer_a_call(qtbot, window)
    panel = window.incident_panel
    assert QApplication.focusWidget() is panel.category
    press(qtbot, Qt.Key.Key_Tab)  # priority
    press(qtbot, Qt.Key.Key_Tab)  # caller name
    settle(qtbot, window)

    cable.cut()
    qtbot.waitUntil(window.connection_banner.isVisible, timeout=3000)
    type_text(qtbot, "Budi Santoso")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field saves it: the database is away
    name = panel.inputs["caller_name"]
    assert isinstance(name, type(panel.note_input))
    message = panel.messages["caller_name"]
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "✎ Not saved yet: the database is away; saved when it is back."
    assert name.text() == "Budi Santoso"
    assert panel.save_state == "unsaved"
    assert "Not saved yet" in panel.saved_label.text()
    # The narrative line: entered, kept at the end of the narrative, the line free for the next.
    press(qtbot, Qt.Key.Key_F8)
    type_text(qtbot, "Korban sadar, kaki terjepit.")
    press(qtbot, Qt.Key.Key_Return)
    assert panel.note_input.text() == ""
    assert "✎ NOT SAVED YET (saved when the database is back): Korban sadar, kaki terjepit." in (
        panel.narrative.toPlainText()
    )
    assert panel.note_message.text().startswith("✎ Not saved yet")
    # A position pasted: kept as typed, marked.
    panel.location.position_edit.setFocus()
    type_text(qtbot, "-6.99306, 110.42083")
    press(qtbot, Qt.Key.Key_Return)
    assert panel.location.position_message.text().startswith("✎ Not saved yet")
    assert panel.location.position_edit.text() == "-6.99306, 110.42083"
    # Nothing of it reached the database; another console works on meanwhile.
    stored = queries.incident(other_console, incident_id)
    assert stored is not None
    assert stored.caller_name != "Budi Santoso"
    other_call = calls.record_signal(
        other_console.as_system(), signal(SignalKind.INCOMING, other_console.clock.now(), "081299990000")
    )
    assert other_call is not None
    qtbot.wait(2500)  # two ticks of the window, and the feed tries (and is refused) meanwhile
    assert cable.refused >= 1
    assert window.connection_banner.isVisible()
    assert "attempts so far: " in window.connection_banner.text.text()  # each retry told
    assert name.text() == "Budi Santoso"

    cable.join()
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: panel.save_state == "saved", timeout=3000)
    assert message.isVisible()
    assert message.text().startswith("✔ Saved at 12:00:00")
    assert "typed while the database was away" in message.text()
    stored = queries.incident(other_console, incident_id)
    assert stored is not None
    assert stored.caller_name == "Budi Santoso"
    notes = [note.text for note in queries.incident_notes(other_console, incident_id)]
    assert notes[-1] == "Korban sadar, kaki terjepit."
    assert "NOT SAVED YET" not in panel.narrative.toPlainText()
    assert "Korban sadar, kaki terjepit." in panel.narrative.toPlainText()
    assert panel.note_message.text().startswith("✔ Notes typed while the database was away saved")
    assert panel.location.position_message.text().startswith("Saved: 6°59'35")
    assert stored.lat == pytest.approx(-6.99306)
    # What the other console did meanwhile is on the board.
    qtbot.waitUntil(lambda: window.call_model.row_of_key(other_call.id) is not None, timeout=3000)
    assert "Saved what was typed meanwhile: 3." in window.status.message()
    # And the next edit clears the "saved" mark: it is an ordinary field again.
    name.setFocus()
    type_text(qtbot, " Jr")
    assert not message.isVisible()


@pytest.fixture
def ctx(ctx: ServiceContext) -> ServiceContext:
    """The SQLite window's context as the console makes it: a write waits briefly for another's lock."""
    return replace(ctx, write_wait_ms=WINDOW_WRITE_WAIT_MS)


def test_a_field_refused_by_a_locked_sqlite_file_is_saved_by_the_next_write(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, db_path: Path
) -> None:
    assert window.link is None  # one console on SQLite: nothing to listen to
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now()))
    assert ringing is not None
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    panel = window.incident_panel
    incident = panel.incident
    assert incident is not None
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # caller name

    holder: subprocess.Popen[str] = hold_write_lock(db_path)
    try:
        type_text(qtbot, "Siti Aminah")
        press(qtbot, Qt.Key.Key_Tab)
        message = panel.messages["caller_name"]
        qtbot.waitUntil(message.isVisible)
        assert message.text().startswith("✎ Not saved yet")
        assert not window.fault_bar.isVisible(), "said beside the field, not as a lost action"
    finally:
        holder.communicate("\n", timeout=10)
    assert panel.inputs["caller_name"].property("text") == "Siti Aminah"
    # The next write that gets through (a note) saves it.
    press(qtbot, Qt.Key.Key_F8)
    type_text(qtbot, "Pelapor di lokasi.")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.save_state == "saved", timeout=3000)
    assert message.text().startswith("✔ Saved at")
    stored = queries.incident(ctx, incident.id)
    assert stored is not None
    assert stored.caller_name == "Siti Aminah"
