"""Calls an earlier run left ringing or answered are ended at start by their source's rules (issue 10).

Each test plays the earlier run into a real SQLite file, "restarts" (a later clock, the same
database), and reconciles.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, CallState, IncidentStatus
from dispatch.domain.leftovers import PBX_RING_LIMIT, RING_CADENCE, RING_MARGIN, SIMULATED_LONGEST_RING
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import accounts, callbacks, calls, queries
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from tests.services.support import audited

SIM = "sim://?rate=2&seed=7"
NCID = "ncid://192.0.2.10:3333"
MODEM = "serial:/dev/ttyUSB0?baud=1200&protocol=modem"
AMI = "ami://dispatch:***@192.0.2.20:5038?exten=112"


def _signal(kind: SignalKind, feed: str, at: datetime, number: str, call_id: str | None) -> CallSignal:
    return CallSignal(
        kind=kind,
        feed=feed,
        received_at=at,
        number=parse_caller_number(number),
        raw=f"{kind.value} {number}".encode(),
        line="1",
        call_id=call_id,
    )


def ring_from(
    ctx: ServiceContext, feed: str, at: datetime, number: str, call_id: str | None = None
) -> CallView:
    view = calls.record_signal(ctx.as_system(), _signal(SignalKind.INCOMING, feed, at, number, call_id))
    assert view is not None
    return view


def _call(ctx: ServiceContext, call_id: int) -> CallView:
    view = queries.call(ctx, call_id)
    assert view is not None
    return view


def test_simulated_calls_left_ringing_are_closed_as_abandoned_and_queued_for_a_callback(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    started = clock.now()
    early = ring_from(ctx, SIM, started, "081234567001", "sim-7-1")
    clock.advance(20)
    late = ring_from(ctx, SIM, clock.now(), "081234567002", "sim-7-2")
    clock.advance(3)  # the console closed; it starts again 3 s later
    changes.clear()

    count, rows = audited(ctx, lambda: calls.reconcile_leftovers(ctx))

    assert count == 2
    for view in (early, late):
        ended = _call(ctx, view.id)
        assert (ended.state, ended.classification) == (CallState.ENDED, CallClass.ABANDONED)
        # Its caller's patience ran out by now at the latest.
        assert ended.ended_at == clock.now()
    reconciled = [json.loads(r.detail or "{}") for r in rows if r.action == "call.reconcile"]
    assert reconciled == [
        {
            "before": "ringing",
            "rule": "simulator_gone",
            "last_event_at": view.ring_at.isoformat(),
            "classification": "abandoned",
        }
        for view in (early, late)
    ]
    assert [r.action for r in rows].count("callback.open") == 2
    queued = {c.call_id for c in callbacks.open_callbacks(ctx)}
    assert {early.id, late.id} <= queued
    assert Change(Topic.CALLS, (early.id, late.id)) in changes
    # Nothing rings any more: a second start finds nothing to do.
    assert [c for c in queries.call_queue(ctx) if c.state is not CallState.ENDED] == []
    assert calls.reconcile_leftovers(ctx) == 0


def test_a_simulated_call_ends_where_its_callers_patience_ran_out(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    view = ring_from(ctx, SIM, clock.now(), "081234567003", "sim-7-3")
    clock.advance(3600)  # restarted an hour later
    assert calls.reconcile_leftovers(ctx) == 1
    assert _call(ctx, view.id).ended_at == view.ring_at + SIMULATED_LONGEST_RING


def test_a_telephone_line_call_ends_once_no_ring_came_for_a_ring_cycle_and_a_margin(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    limit = RING_CADENCE + RING_MARGIN
    # NCID: caller ID, then a ring 5 s later; the console closed before the next ring.
    ncid = ring_from(ctx, NCID, clock.now(), "081234567010")
    clock.advance(5)
    ring = _signal(SignalKind.RING, NCID, clock.now(), "081234567010", None)
    assert calls.record_signal(ctx.as_system(), ring) is not None
    last_ring = clock.now()
    clock.advance(2)
    # A modem's call that rang only just now: it may still be ringing (a gateway may hear it).
    modem = ring_from(ctx, MODEM, clock.now(), "081234567011")
    clock.advance(limit.total_seconds() - 1)

    count, rows = audited(ctx, lambda: calls.reconcile_leftovers(ctx))

    assert count == 1
    ended = _call(ctx, ncid.id)
    assert (ended.state, ended.classification) == (CallState.ENDED, CallClass.ABANDONED)
    # Ended when a listening console would have known: the last ring, a cycle and a margin later.
    assert ended.ended_at == last_ring + limit
    assert json.loads(rows[0].detail or "{}") == {
        "before": "ringing",
        "rule": "ring_stopped",
        "last_event_at": last_ring.isoformat(),
        "classification": "abandoned",
    }
    assert _call(ctx, modem.id).state is CallState.RINGING

    clock.advance(2)  # now past the modem call's limit too
    assert calls.reconcile_leftovers(ctx) == 1
    assert _call(ctx, modem.id).ended_at == modem.ring_at + limit


def test_a_pbx_call_is_given_the_pbx_queues_minutes(ctx: ServiceContext, clock: ManualClock) -> None:
    queued = ring_from(ctx, AMI, clock.now(), "081234567020", "1700000000.1")
    clock.advance(PBX_RING_LIMIT.total_seconds() - 30)
    assert calls.reconcile_leftovers(ctx) == 0
    assert _call(ctx, queued.id).state is CallState.RINGING
    clock.advance(60)
    assert calls.reconcile_leftovers(ctx) == 1
    ended = _call(ctx, queued.id)
    assert (ended.classification, ended.ended_at) == (CallClass.ABANDONED, queued.ring_at + PBX_RING_LIMIT)


def test_answered_calls_of_this_console_end_and_their_incidents_go_on(
    ctx: ServiceContext, clock: ManualClock, bus: ChangeBus
) -> None:
    mine, incident = calls.answer_call(ctx, ring_from(ctx, NCID, clock.now(), "081234567030").id)
    # Answered at the telephone (the PBX said so) before anyone pressed a key: no console.
    at_phone = ring_from(ctx, AMI, clock.now(), "081234567031", "1700000000.2")
    answered = _signal(SignalKind.ANSWERED, AMI, clock.now(), "081234567031", "1700000000.2")
    assert calls.record_signal(ctx.as_system(), answered) is not None
    # On the line at another console sharing the database: that console's to end.
    other = accounts.register_console(ctx.database, clock, bus, "KONSOL-02", "host-2").acting_as(ctx.actor)
    theirs, _ = calls.answer_call(other, ring_from(ctx, NCID, clock.now(), "081234567032").id)
    clock.advance(1800)

    count, rows = audited(ctx, lambda: calls.reconcile_leftovers(ctx))

    assert count == 2
    for call_id in (mine.id, at_phone.id):
        ended = _call(ctx, call_id)
        assert (ended.state, ended.ended_at) == (CallState.ENDED, clock.now())
    assert _call(ctx, mine.id).classification is CallClass.EMERGENCY
    assert _call(ctx, at_phone.id).classification is None  # never classified; not abandoned either
    assert {json.loads(r.detail or "{}")["rule"] for r in rows} == {"answered_not_ended"}
    assert [r.action for r in rows] == ["call.reconcile", "call.reconcile"]
    still_open = queries.incident(ctx, incident.id)
    assert still_open is not None
    assert still_open.status is IncidentStatus.NEW
    assert _call(ctx, theirs.id).state is CallState.ANSWERED

    # KONSOL-02 starts again: now its call ends too.
    clock.advance(60)
    assert calls.reconcile_leftovers(other) == 1
    assert _call(ctx, theirs.id).state is CallState.ENDED


def test_finished_calls_and_a_database_without_calls_are_left_alone(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    assert calls.reconcile_leftovers(ctx) == 0
    view = ring_from(ctx, NCID, clock.now(), "081234567040")
    ended = _signal(SignalKind.ENDED, NCID, clock.now() + timedelta(seconds=4), "081234567040", None)
    assert calls.record_signal(ctx.as_system(), ended) is not None
    before = _call(ctx, view.id)
    clock.advance(3600)
    count, rows = audited(ctx, lambda: calls.reconcile_leftovers(ctx))
    assert (count, rows) == (0, [])
    assert _call(ctx, view.id) == before
