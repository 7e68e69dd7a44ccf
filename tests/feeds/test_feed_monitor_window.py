"""The window shows what the feed supervisor knows while the database cannot take it: the status
bar says storing is delayed and the alarm bar says calls are not stored yet; the call rings as soon
as the database accepts it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.feeds.supervisor import DELAYED_ALARM_AFTER
from dispatch.feeds.urls import parse_feed_url
from dispatch.services.context import ServiceContext
from tests.feeds.peers import ScriptedServer, TcpScript
from tests.feeds.supervising import NCID_START, e164, ncid_call, stored_alerts
from ui.feed_monitor import FeedMonitor
from ui.main_window import MainWindow
from ui.session import ConsoleSession


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer([TcpScript([("send", NCID_START), ("wait", 1.0), ("send", ncid_call(5))])])
    yield scripted
    scripted.close()


@pytest.mark.slow
def test_storing_delayed_is_shown_and_alarmed_while_the_database_is_locked(
    qtbot: QtBot,
    tmp_path: Path,
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    server: ScriptedServer,
    db_path: Path,
) -> None:
    url = parse_feed_url(f"ncid://127.0.0.1:{server.port}")
    monitor = FeedMonitor(ctx, [url], "ID", spool_dir=tmp_path / "spool")
    window = MainWindow(ConsoleSession(ctx, catalogue, "en", feeds=monitor))
    qtbot.addWidget(window)
    window.show()
    lock = sqlite3.connect(db_path, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # another console holds the write lock
    monitor.start()
    store = monitor.supervisor.store_of(url.display)
    try:
        qtbot.waitUntil(lambda: store.spool.pending_frames == 1, timeout=10000)
        clock.advance(DELAYED_ALARM_AFTER.total_seconds())
        monitor.check_alarms()
        window.status.update_feeds()
        # First, where a squeezed status line does not cut it off.
        assert (
            window.status.feed_label.text()
            == f"Feeds: ncid://127.0.0.1:{server.port}: STORING DELAYED (1 waiting)"
        )
        assert window.alarm_bar.isVisible()
        assert "CALLS NOT STORED YET" in window.alarm_bar.text()
        assert window.call_model.first_ringing() is None
    finally:
        lock.execute("COMMIT")
        lock.close()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None, timeout=30000)
    ringing = window.call_model.first_ringing()
    assert ringing is not None
    assert ringing.number_e164 == e164(5)
    qtbot.waitUntil(lambda: [a.kind for a in stored_alerts(ctx)] == ["feed_delayed"], timeout=10000)
    monitor.stop()
    window.close()
