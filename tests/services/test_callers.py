"""Caller history while a call rings, and the supervisor's watch list."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dispatch.domain.callers import FlagProblem, NumberFlagKind, PriorCall, count_calls
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Role
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, callers, calls
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import CallView
from dispatch.store.tables import Call, NumberFlag
from tests.services.support import MOBILE, MOBILE_E164, audited, signal

OTHER = "081398765432"


def ring(ctx: ServiceContext, clock: ManualClock, number: str = MOBILE) -> CallView:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert view is not None
    return view


def call_classified(ctx: ServiceContext, clock: ManualClock, cls: CallClass, number: str = MOBILE) -> int:
    view = ring(ctx, clock, number)
    clock.advance(5)
    calls.answer_call(ctx, view.id)
    clock.advance(30)
    if cls is CallClass.EMERGENCY:
        calls.hang_up(ctx, view.id)
    else:
        calls.classify_call(ctx, view.id, cls)
    return view.id


def call_taker(ctx: ServiceContext) -> ServiceContext:
    accounts.create_user(ctx, "budi", "Budi Santoso", "operator-112", "operator-112", Role.CALL_TAKER)
    result = accounts.log_in(ctx, "budi", "operator-112")
    assert result.actor is not None
    return ctx.acting_as(result.actor)


def test_summary_counts_windows_and_classes_as_the_rules_do(ctx: ServiceContext, clock: ManualClock) -> None:
    plan = [
        (40 * 24 * 3600, CallClass.EMERGENCY),
        (10 * 24 * 3600, CallClass.SILENT),
        (3 * 3600, CallClass.PRANK),
        (3 * 3600, CallClass.INFORMATION),
        (600, CallClass.PRANK),
    ]
    for gap, cls in plan:
        call_classified(ctx, clock, cls)
        clock.advance(gap)
    call_classified(ctx, clock, CallClass.PRANK, number=OTHER)  # another number: not counted
    ringing = ring(ctx, clock)
    summary = callers.caller_summary(ctx, ringing.id)

    with ctx.database.transaction() as session:
        earlier = [
            PriorCall(c.ring_at, CallClass(c.classification) if c.classification else None)
            for c in session.scalars(
                select(Call).where(Call.number_e164 == MOBILE_E164, Call.id != ringing.id)
            )
        ]
    assert summary.counts == count_calls(earlier, ringing.ring_at)
    assert (summary.counts.last_24h, summary.counts.last_30d, summary.counts.total) == (3, 4, 5)
    assert summary.counts.pranks_24h == 2
    assert summary.repeat_prank  # two pranks today, and this is the third call
    assert not callers.caller_summary(ctx, ringing, prank_threshold=4).repeat_prank
    assert summary.number == MOBILE_E164
    assert summary.description == ringing.number_description
    assert [c.classification for c in summary.recent] == [
        CallClass.PRANK,
        CallClass.INFORMATION,
        CallClass.PRANK,
        CallClass.SILENT,
        CallClass.EMERGENCY,
    ]
    assert all(c.incident_number for c in summary.recent)  # each was answered, so had an incident


def test_a_first_caller_has_no_history_and_no_flag(ctx: ServiceContext, clock: ManualClock) -> None:
    summary = callers.caller_summary(ctx, ring(ctx, clock).id)
    assert summary.counts.total == 0
    assert summary.recent == ()
    assert not summary.repeat_prank
    assert summary.flags == ()


@pytest.mark.parametrize("marker", ["P", "O"])
def test_withheld_numbers_have_no_history(ctx: ServiceContext, clock: ManualClock, marker: str) -> None:
    for _ in range(3):
        call_classified(ctx, clock, CallClass.PRANK, number=marker)
    summary = callers.caller_summary(ctx, ring(ctx, clock, marker).id)
    assert summary.withheld
    assert summary.counts.total == 0
    assert summary.recent == ()
    assert not summary.repeat_prank


def test_an_unknown_call_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError, match="no_such_call"):
        callers.caller_summary(ctx, 999)


def test_watch_and_block_show_in_the_summary_until_lifted(ctx: ServiceContext, clock: ManualClock) -> None:
    watch, rows = audited(
        ctx, lambda: callers.watch_number(ctx, "0812-3456-7890", "  threatens call-takers ")
    )
    assert (watch.number, watch.kind, watch.reason) == (
        MOBILE_E164,
        NumberFlagKind.WATCH,
        "threatens call-takers",
    )
    assert [(r.action, json.loads(r.detail or "{}")) for r in rows] == [
        ("number_flag.watch", {"number": MOBILE_E164})
    ]
    clock.advance(60)
    block = callers.request_block(ctx, "+62 812 3456 7890", "letter to the telco, ref 12/XI")
    summary = callers.caller_summary(ctx, ring(ctx, clock).id)
    assert summary.watch == watch
    assert summary.block_requested == block
    assert block.at == clock.now()
    assert [f.id for f in callers.flagged_numbers(ctx)] == [watch.id, block.id]
    assert callers.number_flags(ctx, MOBILE) == [watch, block]

    lifted, rows = audited(ctx, lambda: callers.lift_flag(ctx, watch.id))
    assert lifted.lifted_at == clock.now()
    assert [r.action for r in rows] == ["number_flag.lift"]
    assert callers.caller_summary(ctx, ring(ctx, clock, MOBILE).id).watch is None
    with ctx.database.transaction() as session:
        assert session.get_one(NumberFlag, watch.id).lifted_by == ctx.actor.user_id  # kept, not deleted
    with pytest.raises(ServiceError, match="flag_lifted"):
        callers.lift_flag(ctx, watch.id)
    with pytest.raises(ServiceError, match="no_such_flag"):
        callers.lift_flag(ctx, 9999)


def test_flag_refusals_name_the_field(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError) as refused:
        callers.watch_number(ctx, "P", "")
    assert refused.value.code == "flag_refused"
    assert refused.value.details["problems"] == {
        "number": FlagProblem.NUMBER_WITHHELD,
        "reason": FlagProblem.REASON_MISSING,
    }
    callers.watch_number(ctx, MOBILE, "pranks")
    with pytest.raises(ServiceError) as again:
        callers.watch_number(ctx, "+6281234567890", "again")
    assert again.value.details["problems"] == {"number": FlagProblem.ALREADY_FLAGGED}


def test_only_supervisors_keep_the_watch_list(ctx: ServiceContext) -> None:
    flag = callers.watch_number(ctx, MOBILE, "pranks")
    taker = call_taker(ctx)
    for action in (
        lambda: callers.watch_number(taker, OTHER, "pranks"),
        lambda: callers.request_block(taker, OTHER, "asked"),
        lambda: callers.lift_flag(taker, flag.id),
    ):
        with pytest.raises(ServiceError, match="supervisor_only"):
            action()
    assert callers.number_flags(taker, MOBILE) == [flag]  # everyone sees the flags


def test_a_flagged_repeat_prankster_can_still_be_answered(ctx: ServiceContext, clock: ManualClock) -> None:
    for _ in range(2):
        call_classified(ctx, clock, CallClass.PRANK)
        clock.advance(600)
    callers.watch_number(ctx, MOBILE, "pranks nightly")
    ringing = ring(ctx, clock)
    assert callers.caller_summary(ctx, ringing).repeat_prank
    answered, incident = calls.answer_call(ctx, ringing.id)
    assert answered.incident_id == incident.id
