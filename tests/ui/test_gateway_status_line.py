"""A centre's console shows its gateway: the gateway's feeds in the status line, and at once (in red
bold words) that the gateway is silent or that none runs, with a standing alert in the alert list that
goes when the heartbeat returns. The console runs no timer checks: the gateway raises the overdue
alerts, the console shows them when their notice arrives and acknowledges them.

On a real PostgreSQL schema, with a real gateway (a process reading a real NCID server on 127.0.0.1,
or the ``Gateway`` class in this process on a context of its own, as another process would be).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QStatusBar
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from bench.centre_console import NcidPeer
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import SystemClock
from dispatch.domain.signals import SignalKind
from dispatch.gateway import Gateway
from dispatch.services import accounts, calls
from dispatch.services.bus import ChangeBus
from dispatch.services.change_feed import ChangeFeed
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database, open_database
from dispatch.store.tables import Alert
from tests.conftest import SUPERVISOR_PASSWORD
from tests.feeds.supervising import ncid_call
from tests.services.support import signal as call_signal
from tests.store.postgres import Schema, migrated_schema, server
from ui.gateway_feeds import GATEWAY_SILENT_ALERT, GatewayFeeds
from ui.main_window import MainWindow
from ui.presenters import alarm_work
from ui.session import ConsoleSession
from ui.widgets.status_line import StatusLine

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
NOT_RECORDED = "calls from the telephone are not being recorded"


class ShiftedClock:
    """The system's time, moved by ``offset`` (the console living a few seconds ahead)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return SystemClock().now() + self.offset


@pytest.fixture
def schema() -> Iterator[Schema]:
    with migrated_schema(server()) as made:
        yield made


@pytest.fixture
def console_database(schema: Schema) -> Iterator[Database]:
    database = open_database(schema.console_url, upgrade=False)
    yield database
    database.dispose()


def wait_for_label(qtbot: QtBot, status: StatusLine, words: str, timeout: int = 20000) -> None:
    def shows() -> None:
        status.update_feeds()
        assert words in status.feed_label.text()

    qtbot.waitUntil(shows, timeout=timeout)


def in_red_bold(status: StatusLine) -> bool:
    style = status.feed_label.styleSheet()
    return "#b71c1c" in style and "bold" in style


def test_the_status_line_shows_the_gateways_feeds_and_its_silence_at_once(
    qtbot: QtBot, schema: Schema, console_database: Database, catalogue: Catalogue, tmp_path: Path
) -> None:
    clock = ShiftedClock()
    ctx = accounts.register_console(console_database, clock, ChangeBus(), "KONSOL-01", "test-host")
    gateway = GatewayFeeds(ctx)
    session = ConsoleSession(ctx, catalogue, "en", feeds=gateway, centre=True)
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusLine(bar, session)
    gateway.start()
    peer = NcidPeer()
    process: subprocess.Popen[bytes] | None = None
    command = [
        sys.executable, "main.py", "gateway", "--db", schema.console_url, "--feed", peer.url,
        "--name", "gw-1", "--spool", str(tmp_path / "spool"),
    ]  # fmt: skip
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    try:
        # No gateway has run yet: said at once.
        wait_for_label(qtbot, status, f"No gateway is running: {NOT_RECORDED}.")
        assert in_red_bold(status)

        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
        assert peer.wait_connected(30)
        wait_for_label(qtbot, status, f"Gateway feeds: {peer.url}: up")
        assert not in_red_bold(status)
        assert "Gateway gw-1 on " in status.feed_label.toolTip()
        peer.send([ncid_call(3)])
        wait_for_label(qtbot, status, f"Gateway feeds: {peer.url}: up, last ")

        # The gateway dies (no orderly stop): 11 s after its last heartbeat the console says so.
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        (view,) = gateway.gateways
        clock.offset = view.heartbeat_at - SystemClock().now() + timedelta(seconds=11)
        gateway.tick()
        status.update_feeds()
        assert status.feed_label.text() == f"No heartbeat from the gateway for 11 s: {NOT_RECORDED}."
        assert in_red_bold(status)
        clock.offset += timedelta(seconds=3)
        status.update_feeds()
        assert status.feed_label.text() == f"No heartbeat from the gateway for 14 s: {NOT_RECORDED}."

        # Started again: its heartbeat returns, the console shows its feeds again.
        clock.offset = timedelta(0)
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
        started = process
        qtbot.waitUntil(lambda: gateway.gateways[0].pid == started.pid, timeout=20000)
        wait_for_label(qtbot, status, f"Gateway feeds: {peer.url}: up")
        assert not in_red_bold(status)
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
        # An orderly stop is said at once too.
        wait_for_label(qtbot, status, "The gateway stopped at ")
        assert NOT_RECORDED in status.feed_label.text()
        assert in_red_bold(status)
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(10)
        gateway.stop()
        peer.close()


@pytest.fixture
def operator(console_database: Database) -> ServiceContext:
    """A supervisor logged in at KONSOL-01 (real clock)."""
    ctx = accounts.register_console(console_database, SystemClock(), ChangeBus(), "KONSOL-01", "test-host")
    password = SUPERVISOR_PASSWORD
    accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", password, password)
    result = accounts.log_in(ctx, "sari", password)
    assert result.actor is not None
    return ctx.acting_as(result.actor)


def test_a_centre_window_shows_the_gateways_alerts_and_a_standing_alert_while_it_is_silent(
    qtbot: QtBot,
    schema: Schema,
    operator: ServiceContext,
    catalogue: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The alerts are read at the first tick and then only on their notices (no safety read here).
    monkeypatch.setattr(alarm_work, "CENTRE_READ_TICKS", 10**9)
    gateway_view = GatewayFeeds(operator)
    session = ConsoleSession(operator, catalogue, "en", feeds=gateway_view, centre=True)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    # Another process's notices reach this console through the change feed.
    hearing = ChangeFeed(operator, poll_seconds=0.5)
    hearing.start()
    gateway_view.start()
    # The gateway: its own database connections, bus and console row, as another process's.
    gateway_database = open_database(schema.console_url, upgrade=False)
    gateway_ctx = accounts.register_console(
        gateway_database, SystemClock(), ChangeBus(), "gw-main", "gw-host"
    )
    gateway: Gateway | None = None
    try:
        assert window.alarms.shows_only
        assert not window.alarms.timer_watch.raise_alerts

        def alert_lines() -> list[str]:
            return window.alert_list.lines()

        qtbot.waitUntil(
            lambda: any(f"No gateway is running: {NOT_RECORDED}" in line for line in alert_lines()),
            timeout=10000,
        )
        assert [a.kind for a in window.alarms.standing_alerts] == [GATEWAY_SILENT_ALERT]
        # And what to do meanwhile: no heartbeat to count from when none ever ran.
        (line,) = [line for line in alert_lines() if "No gateway is running" in line]
        assert line.endswith("write down the calls answered at the telephone until it runs.")

        gateway = Gateway(gateway_ctx, [], tmp_path / "spool", name="gw-main", heartbeat_seconds=0.5)
        gateway.start()
        qtbot.waitUntil(lambda: window.alarms.standing_alerts == [], timeout=10000)
        window.status.update_feeds()
        assert window.status.feed_label.text() == "Gateway feeds: none"

        # Ringing for 20 s (the limit is 15 s): the gateway raises the alert, the console shows it.
        ringing = calls.record_signal(
            gateway_ctx, call_signal(SignalKind.INCOMING, SystemClock().now() - timedelta(seconds=20))
        )
        assert ringing is not None
        qtbot.waitUntil(lambda: any("⚠ OVERDUE Call from" in line for line in alert_lines()), timeout=10000)
        with operator.database.sessions() as reading:
            (alert,) = reading.scalars(select(Alert).where(Alert.entity_id == str(ringing.id)))
        assert alert.console_id == gateway_ctx.console_id  # raised by the gateway, not here

        # Acknowledged from the console: recorded with its user and console, and gone from the list.
        assert window.run_action("acknowledge")
        qtbot.waitUntil(lambda: not any("OVERDUE" in line for line in alert_lines()), timeout=10000)
        with operator.database.sessions() as reading:
            acknowledged = reading.get(Alert, alert.id)
            assert acknowledged is not None
            assert (acknowledged.acknowledged_by, acknowledged.acknowledged_console_id) == (
                operator.actor.user_id,
                operator.console_id,
            )

        # The gateway stops: the standing alert comes back at once, naming it.
        gateway.stop("test")
        qtbot.waitUntil(
            lambda: any(f"Gateway gw-main silent: {NOT_RECORDED}" in line for line in alert_lines()),
            timeout=10000,
        )
        (line,) = [line for line in alert_lines() if "gw-main silent" in line]
        assert "(last heartbeat " in line
        assert "ago). Tell the supervisor" in line
        window.status.update_feeds()
        assert window.status.feed_label.text().startswith("The gateway stopped at ")
        # Seen: it leaves the list; the status line still says it.
        assert window.run_action("acknowledge")
        assert not any("silent" in line for line in alert_lines())
        assert "Gateway gw-main silent" in window.status.message()
        window.status.update_feeds()
        assert window.status.feed_label.text().startswith("The gateway stopped at ")
    finally:
        if gateway is not None:
            gateway.stop("test")
        hearing.stop()
        gateway_view.stop()
        window.close()
        gateway_database.dispose()


def test_a_live_centre_console_runs_no_feed_and_says_once_that_the_gateway_does(
    qtbot: QtBot, operator: ServiceContext, schema: Schema, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``dispatch-console --db POSTGRESQL --feed URL``: the console opens the live database, shows the
    gateway's view instead of running the feed (the NCID server is never connected to), and says so in
    a box naming the command."""
    from ui.app import run_console
    from ui.cli import build_parser
    from ui.dialogs.accounts import LoginDialog
    from ui.feed_monitor import FeedMonitor

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    peer = NcidPeer()
    seen: dict[str, object] = {}

    def log_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, log_in)
            return
        dialog.username.setText("sari")
        dialog.password.setText(SUPERVISOR_PASSWORD)
        dialog._log_in()
        QTimer.singleShot(0, inspect_then_close)

    def inspect_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        box = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "centreFeedsNotRun"), None)
        if not windows or box is None or not box.isVisible():
            QTimer.singleShot(50, inspect_then_close)
            return
        window = windows[0]
        seen["centre"] = window.session.centre
        seen["training"] = window.session.training
        seen["feeds"] = type(window.session.feeds)
        seen["box"] = box.text() if isinstance(box, QMessageBox) else ""
        seen["shows_only"] = window.alarms.shows_only
        window.close()

    QTimer.singleShot(0, log_in)
    try:
        code = run_console(
            build_parser().parse_args(["--db", schema.console_url, "--lang", "en", "--feed", peer.url])
        )
    finally:
        peer.close()
    assert code == 0
    assert seen["centre"] is True
    assert seen["training"] is False
    assert seen["feeds"] is GatewayFeeds
    assert seen["feeds"] is not FeedMonitor
    assert seen["shows_only"] is True
    assert f"Not run here: {peer.url}." in str(seen["box"])
    assert "dispatch-console gateway --db URL --feed URL" in str(seen["box"])
    assert peer.connections == 0
