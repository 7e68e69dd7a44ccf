"""A burst of calls from a feed's thread: the call queue takes the calls named by each notice and
places them itself, ending exactly as a full reading would show it; notices cross to the GUI thread
together; a lone call is shown at once, a burst refreshed at most every ``BURST_REFRESH_MS``; the
queue's cells give the same values whether Qt asks role by role or all roles at once (painting)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import calls, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext
from ui.bridge import ChangeBridge
from ui.main_window import MainWindow
from ui.models.snapshot_table import KeyRole, RowRole
from ui.presenters import boards as window_module
from ui.presenters.boards import BURST_REFRESH_MS

FEED = "ncid://127.0.0.1:3333"


def signal(ctx: ServiceContext, kind: SignalKind, i: int) -> CallSignal:
    number = f"08123{i:07d}"
    return CallSignal(
        kind,
        FEED,
        ctx.clock.now() + timedelta(seconds=i),  # distinct ring times: one order, no ties
        parse_caller_number(number),
        f"CID: *NMBR*{number}*{kind.value}*\n".encode(),
        line="POTS",
    )


def shown(window: MainWindow) -> list[tuple[int, str]]:
    model = window.call_model
    return [(model.row(r).id, model.row(r).state.value) for r in range(model.rowCount())]


def test_a_burst_from_a_feed_thread_ends_as_a_full_reading_of_the_queue(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    """120 calls, every other one ended a moment later (so more than the 40 recent ended calls the
    queue keeps, and rows moving from ringing to ended), all stored on another thread."""

    def burst() -> None:
        for i in range(120):
            calls.record_signal(ctx, signal(ctx, SignalKind.INCOMING, i))
            if i % 2:
                calls.record_signal(ctx, signal(ctx, SignalKind.ENDED, i))

    refreshes: list[str] = []
    window.boards.timing_hook = lambda step, _began, _seconds: refreshes.append(step)
    feeder = threading.Thread(target=burst)
    feeder.start()
    qtbot.waitUntil(lambda: not feeder.is_alive(), timeout=60000)
    expected = [(c.id, c.state.value) for c in queries.call_queue(ctx)]
    assert len(expected) == 60 + 40, "60 ringing, the 40 most recent ended"
    qtbot.waitUntil(lambda: shown(window) == expected, timeout=10000)
    assert "call_queue_query" in refreshes
    assert [window.call_model.row(r) for r in range(100)] == queries.call_queue(ctx)


def test_notices_from_another_thread_cross_in_order_together_and_say_so(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    bridge = ChangeBridge(ctx.bus)
    got: list[tuple[Change, bool]] = []
    bridge.changed.connect(lambda change, elsewhere: got.append((change, elsewhere)))
    try:
        sent = [Change(Topic.CALLS, (i,)) for i in range(50)]
        thread = threading.Thread(target=lambda: ctx.bus.publish(*sent))
        thread.start()
        thread.join()
        assert got == [], "queued to the GUI thread, not delivered on the feed's"
        qtbot.waitUntil(lambda: len(got) == 50)
        assert got == [(change, True) for change in sent]
        own = Change(Topic.UNITS, (7,))
        ctx.bus.publish(own)
        assert got[-1] == (own, False), "this thread's own notice at once"
    finally:
        bridge.close()


def test_a_lone_call_is_refreshed_at_once_and_a_burst_at_most_every_burst_interval(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A loaded machine may take long between these steps: the window of a burst is made wide.
    monkeypatch.setattr(window_module, "BURST_WINDOW_MS", 60_000)
    qtbot.waitUntil(lambda: not window.boards.refresh_timer.isActive())
    delays = []
    for call_id in range(1, 9):  # ids no call has: each refresh reads and shows nothing
        window.boards.on_change(Change(Topic.CALLS, (call_id,)), True)
        delays.append(window.boards.refresh_timer.interval())
        if call_id == 2:
            window.boards.on_change(Change(Topic.CALLS, (call_id,)), True)  # the same call's next read
        window.boards.apply_changes()
    burst_calls = window_module.BURST_CALLS
    assert delays[: burst_calls - 1] == [0] * (burst_calls - 1), "single calls are never held back"
    assert all(0 < delay <= BURST_REFRESH_MS for delay in delays[burst_calls:]), delays
    # This console's own action while a burst's refresh waits: shown at once.
    window.boards.on_change(Change(Topic.CALLS, (99,)), True)
    assert window.boards.refresh_timer.interval() > 0
    window.boards.on_change(Change(Topic.UNITS, (1,)), False)
    assert window.boards.refresh_timer.interval() == 0
    qtbot.waitUntil(lambda: not window.boards.refresh_timer.isActive())


def test_painting_gets_what_data_gives_for_every_role(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext
) -> None:
    for i in range(3):
        calls.record_signal(ctx, signal(ctx, SignalKind.INCOMING, i))
    calls.record_signal(ctx, signal(ctx, SignalKind.ENDED, 1))
    model = window.call_model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.row(2).state.value == "ended")
    roles = [
        *(Qt.ItemDataRole(r) for r in range(0, 14)),
        RowRole,
        KeyRole,
    ]
    view = window.call_view
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                item = QModelRoleData(int(role))
                model.multiData(index, QModelRoleDataSpan(item))
                assert item.data() == model.data(index, role), (row, column, role)
            # What the view's painting asks for: all roles of a cell at once, through Qt.
            option = QStyleOptionViewItem()
            view.itemDelegate().initStyleOption(option, index)
            assert option.text == model.data(index), (row, column)
            background = model.data(index, Qt.ItemDataRole.BackgroundRole)
            assert option.backgroundBrush == (background if background is not None else QBrush())
    empty = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
    model.multiData(QModelIndex(), QModelRoleDataSpan(empty))
    assert empty.data() is None
