"""The window as a console of a centre: the real MainWindow on a PostgreSQL schema of its own (the
tests' server), with ``session.centre`` set, so that it listens through its database link; its
connections pass through a :class:`CuttableLink` the test can cut. Another console on the same schema
writes directly, as a second desk would.

Import the fixtures by name: ``from tests.ui.centre import cable, centre_schema, make_window,
other_console``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Role
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database, open_database
from tests.conftest import SUPERVISOR_PASSWORD
from tests.services.support import signal
from tests.store.postgres import Schema, migrated_schema, server
from tests.ui.cuttable_link import CuttableLink
from tests.ui.keys import press
from ui import database_link
from ui.app import WINDOW_WRITE_WAIT_MS
from ui.main_window import MainWindow
from ui.session import ConsoleSession

WindowMaker = Callable[..., MainWindow]


@pytest.fixture
def centre_schema(clock: ManualClock) -> Iterator[Schema]:
    """A migrated schema with the centre's first supervisor (sari) and a call-taker (budi)."""
    with migrated_schema(server()) as schema:
        database = open_database(schema.console_url, upgrade=False)
        try:
            ctx = accounts.register_console(database, clock, ChangeBus(), "SETUP", "test-host")
            password = SUPERVISOR_PASSWORD
            accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", password, password)
            boss = accounts.log_in(ctx, "sari", password).actor
            assert boss is not None
            accounts.create_user(
                ctx.acting_as(boss), "budi", "Budi Hartono", password, password, Role.CALL_TAKER
            )
        finally:
            database.dispose()
        yield schema


@pytest.fixture
def cable(centre_schema: Schema) -> Iterator[CuttableLink]:
    link = CuttableLink(centre_schema.console_url)
    yield link
    link.close()


def logged_in(database: Database, clock: ManualClock, console: str, user: str) -> ServiceContext:
    ctx = accounts.register_console(database, clock, ChangeBus(), console, "test-host")
    result = accounts.log_in(ctx, user, SUPERVISOR_PASSWORD)
    assert result.actor is not None
    return ctx.acting_as(result.actor)


@pytest.fixture
def make_window(
    qtbot: QtBot,
    cable: CuttableLink,
    clock: ManualClock,
    catalogue: Catalogue,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[WindowMaker]:
    """``make_window(lang="en", backoff=(0.2,))``: the console KONSOL-01 (sari) through the cable,
    shown at 1366x768, its link connected."""
    made: list[tuple[MainWindow, Database]] = []

    def make(lang: str = "en", backoff: Sequence[float] = (0.2,)) -> MainWindow:
        monkeypatch.setattr(database_link, "BACKOFF", tuple(backoff))
        monkeypatch.setattr(database_link, "POLL_SECONDS", 1.0)
        database = open_database(cable.url, upgrade=False)
        ctx = replace(logged_in(database, clock, "KONSOL-01", "sari"), write_wait_ms=WINDOW_WRITE_WAIT_MS)
        window = MainWindow(ConsoleSession(ctx, catalogue, lang, centre=True))
        made.append((window, database))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        assert window.link is not None
        link = window.link
        qtbot.waitUntil(lambda: link.state.connected, timeout=10_000)
        return window

    yield make
    for window, database in made:
        window.close()
        window.stop_link()
        database.dispose()


@pytest.fixture
def other_console(centre_schema: Schema, clock: ManualClock) -> Iterator[ServiceContext]:
    """KONSOL-02 (budi, a call-taker) on the same schema, straight to the server (never through the
    cable), with a bus of its own: what it writes reaches the window through the change feed."""
    database = open_database(centre_schema.console_url, upgrade=False)
    yield logged_in(database, clock, "KONSOL-02", "budi")
    database.dispose()


def answer_a_call(qtbot: QtBot, window: MainWindow) -> int:
    """A call rings (from the gateway, say) and F2 answers it: its incident is in the form, the
    keyboard on its category. Returns the incident's id."""
    ctx = window.session.ctx
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now()))
    assert ringing is not None
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident = window.incident_panel.incident
    assert incident is not None
    return incident.id


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let the window apply the notices it has (a refresh reads the database: done before a test
    takes the database away, so that only what the test does meets it away)."""
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not window.boards.refresh_timer.isActive())
