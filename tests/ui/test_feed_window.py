"""A caller-ID frame written to a serial port shows as a ringing call; a dead feed raises an alarm."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import CallState
from dispatch.feeds.urls import parse_feed_url
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Alert
from tests.feeds.peers import PtyPair, start_socat
from ui.feed_monitor import ALARM_AFTER, FeedMonitor
from ui.main_window import MainWindow
from ui.session import ConsoleSession

BLOCK = b"RING\r\n\r\nDATE = 1115\r\nTIME = 1403\r\nNMBR = 081234567890\r\nNAME = BUDI SANTOSO\r\n\r\n"


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[PtyPair]:
    pair = start_socat(tmp_path)
    yield pair
    pair.kill()


@pytest.fixture
def live_window(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, pty: PtyPair
) -> Iterator[MainWindow]:
    monitor = FeedMonitor(ctx, [parse_feed_url(f"serial:{pty.console}?protocol=modem")], "ID")
    window = MainWindow(ConsoleSession(ctx, catalogue, "en", feeds=monitor))
    qtbot.addWidget(window)
    window.show()
    monitor.start()
    yield window
    monitor.stop()
    window.close()


@pytest.mark.slow
def test_frame_on_a_serial_port_rings_in_the_queue(
    qtbot: QtBot, live_window: MainWindow, pty: PtyPair
) -> None:
    qtbot.waitUntil(lambda: "up" in live_window.status.feed_label.text(), timeout=10000)
    pty.write(BLOCK)
    qtbot.waitUntil(lambda: live_window.call_model.first_ringing() is not None, timeout=10000)
    call = live_window.call_model.first_ringing()
    assert call is not None
    assert call.state is CallState.RINGING
    row = live_window.call_model.row_of_key(call.id)
    assert row is not None
    assert live_window.call_model.index(row, 3).data() == "0812-3456-7890"
    assert live_window.call_model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole) == "+6281234567890"
    assert live_window.call_model.index(row, 4).data() == "BUDI SANTOSO"
    assert "last" in live_window.status.feed_label.text()


@pytest.mark.slow
def test_feed_down_for_30_seconds_raises_an_alarm_that_must_be_acknowledged(
    qtbot: QtBot, live_window: MainWindow, pty: PtyPair, ctx: ServiceContext, clock: object
) -> None:
    monitor = live_window.session.feeds
    assert monitor is not None
    qtbot.waitUntil(lambda: "up" in live_window.status.feed_label.text(), timeout=10000)
    pty.kill()
    qtbot.waitUntil(lambda: "DOWN" in live_window.status.feed_label.text(), timeout=10000)
    monitor.check_alarms()
    assert not live_window.alarm_bar.isVisible()  # not yet 30 s
    clock.advance(ALARM_AFTER.total_seconds() + 1)  # type: ignore[attr-defined]
    monitor.check_alarms()
    assert live_window.alarm_bar.isVisible()
    assert "FEED DOWN" in live_window.alarm_bar.text()
    live_window.call_view.setFocus()
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not live_window.alarm_bar.isVisible()
    with ctx.database.sessions() as session:
        alert = session.scalars(select(Alert)).one()
    assert alert.kind == "feed_down"
    assert alert.acknowledged_by == ctx.actor.user_id
    assert alert.acknowledged_at is not None
    assert alert.acknowledged_at - alert.raised_at >= timedelta(0)
