"""Shared fixtures: a real SQLite file per test, a driven clock, a logged-in supervisor."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.services import accounts, dispatching
from dispatch.services.bus import Change, ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database, DatabaseKind, open_database, sqlite_url

#: A weekday morning in Semarang (WIB is UTC+7): 12:00 local.
START = datetime(2026, 11, 27, 5, 0, 0, tzinfo=UTC)
SUPERVISOR_PASSWORD = "rahasia-112"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dispatch.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_database(sqlite_url(db_path))
    yield db
    db.dispose()


@pytest.fixture
def training_database(db_path: Path) -> Iterator[Database]:
    """A training database (training writes are refused on a live one). A module whose tests all
    train overrides ``database`` with it: ``def database(training_database): return training_database``."""
    db = open_database(sqlite_url(db_path), kind=DatabaseKind.TRAINING)
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def default_locale_restored() -> Iterator[None]:
    """Qt's default locale as it was before the test: setting the console's language sets it
    (``ui.i18n.install_translator``), and a worker process runs many test files one after another (a
    figure written "20,0 %" in an English test after an Indonesian one)."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def application_style_restored() -> Iterator[None]:
    """The application's own style again after a test that gave it the console's focus ring
    (``ui.style.apply_focus_style``, as every start of the console does): a later test in the same
    worker that draws without the ring, or restores the style by its name, found the ring's instead."""
    yield
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from ui.style import FocusRingStyle

    app = QApplication.instance()
    if isinstance(app, QApplication) and isinstance(app.style(), FocusRingStyle):
        base = QStyleFactory.create(app.style().baseStyle().name())
        if base is not None:
            app.setStyle(base)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def changes(bus: ChangeBus) -> list[Change]:
    seen: list[Change] = []
    bus.subscribe(seen.append)
    return seen


@pytest.fixture
def catalogue() -> Catalogue:
    return load_default_catalogue()


@pytest.fixture
def console_ctx(database: Database, clock: ManualClock, bus: ChangeBus) -> ServiceContext:
    """The console registered, no one logged in yet."""
    return accounts.register_console(database, clock, bus, "KONSOL-01", "test-host")


@pytest.fixture
def ctx(console_ctx: ServiceContext) -> ServiceContext:
    """A supervisor (``sari``) logged in at KONSOL-01, with the demonstration roster loaded."""
    password = SUPERVISOR_PASSWORD
    accounts.create_first_supervisor(console_ctx, "sari", "Sari Wulandari", password, password)
    result = accounts.log_in(console_ctx, "sari", SUPERVISOR_PASSWORD)
    assert result.actor is not None
    logged_in = console_ctx.acting_as(result.actor)
    dispatching.load_roster(logged_in, load_demo_roster())
    return logged_in


@pytest.fixture(scope="session", autouse=True)
def _collect_qt_objects_before_exit() -> Iterator[None]:
    """Free every Qt wrapper while the QApplication still exists.

    Objects left for the interpreter's final garbage collection (after Qt has begun to shut down)
    can crash PySide6 at exit, turning a green run into exit status 134.
    """
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
