"""Start-up reconciles the calls an earlier run left ringing (ui.app.reconcile_leftover_calls)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, CallState
from dispatch.services import queries
from dispatch.services.context import ServiceContext
from tests.services.test_leftover_calls import SIM, ring_from
from ui.app import reconcile_leftover_calls


def _ring(ctx: ServiceContext, clock: ManualClock) -> int:
    return ring_from(ctx, SIM, clock.now(), "081234567890", "sim-1-1").id


def test_a_simulated_call_left_ringing_is_abandoned_at_start(ctx: ServiceContext, clock: ManualClock) -> None:
    call_id = _ring(ctx, clock)
    clock.advance(30)
    assert reconcile_leftover_calls(ctx) == 1
    ended = queries.call(ctx, call_id)
    assert ended is not None
    assert (ended.state, ended.classification) == (CallState.ENDED, CallClass.ABANDONED)


def test_a_database_that_does_not_answer_only_delays_it(
    ctx: ServiceContext, clock: ManualClock, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    call_id = _ring(ctx, clock)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        assert reconcile_leftover_calls(replace(ctx, write_wait_ms=50)) == 0
        assert "not reconciled" in caplog.text
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    ringing = queries.call(ctx, call_id)
    assert ringing is not None
    assert ringing.state is CallState.RINGING
    assert reconcile_leftover_calls(ctx) == 1
