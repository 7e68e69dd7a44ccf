"""A database too large for the full check at start opens at once; the background check then finds
damage and raises an alarm (an alerts row, and the alert the window's list shows)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.services import accounts
from dispatch.services.alerts import AlertView
from dispatch.services.bus import ChangeBus
from dispatch.services.integrity import DATABASE_DAMAGED_ALERT
from dispatch.store.database import FULL_CHECK_MAX_BYTES, DatabaseKind, open_database, quick_check, sqlite_url
from dispatch.store.tables import Alert
from tests.conftest import START
from ui.integrity_watch import IntegrityWatch
from ui.widgets.alert_list import alert_text


@pytest.fixture(scope="module")
def large_damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Over the full-check size, with a page of an index (not read at start) overwritten."""
    path = tmp_path_factory.mktemp("large") / "dispatch.sqlite3"
    open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO feed_frames (feed, received_at, raw) VALUES ('ncid://x', ?, zeroblob(1048576))",
            [(f"2026-11-27 05:{minute:02d}:00.000000",) for minute in range(0, 60)]
            + [(f"2026-11-27 06:{minute:02d}:00.000000",) for minute in range(0, 15)],
        )
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_feed_frames_received_at'"
    ).fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert path.stat().st_size > FULL_CHECK_MAX_BYTES
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\x0d\xff" * (page_size // 2)
    path.write_bytes(bytes(data))
    return path


def test_a_large_database_skips_the_check_at_start_and_the_background_check_finds_the_damage(
    large_damaged: Path, qtbot: QtBot
) -> None:
    database = open_database(sqlite_url(large_damaged), kind=DatabaseKind.LIVE)
    try:
        assert database.check_deferred
        assert quick_check(database) != []
        ctx = accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-01", "host")
        watch = IntegrityWatch(ctx)
        with qtbot.waitSignal(watch.damaged, timeout=60_000) as raised:
            watch.start()
        watch.stop()
        alert = raised.args[0]
        assert isinstance(alert, AlertView)
        assert alert.kind == DATABASE_DAMAGED_ALERT
        assert alert.id > 0
        with database.transaction() as session:
            stored = session.scalars(select(Alert).where(Alert.kind == DATABASE_DAMAGED_ALERT)).one()
        assert stored.id == alert.id
        assert stored.message  # what quick_check said
        assert "DATABASE DAMAGED" in alert_text(alert, START)
    finally:
        database.dispose()


def test_a_sound_database_has_nothing_to_report(database: object) -> None:
    assert quick_check(database) == []  # type: ignore[arg-type]
    assert not database.check_deferred  # type: ignore[attr-defined]
