"""The read-only snapshots behind the call queue, caller history and the incident board."""

from __future__ import annotations

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, CallState, Disposition, IncidentStatus
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, incidents, queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from tests.services.support import signal


def _ring(ctx: ServiceContext, clock: ManualClock, number: str, seconds: float = 10) -> CallView:
    clock.advance(seconds)
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number, line=None))
    assert view is not None
    return view


def _end(ctx: ServiceContext, clock: ManualClock, number: str) -> None:
    clock.advance(1)
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now(), number, line=None))


def test_the_call_queue_puts_ringing_first_then_live_then_recent(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    ringing_old = _ring(ctx, clock, "081234567801")
    live_old = _ring(ctx, clock, "081234567802")
    ended_old = _ring(ctx, clock, "081234567803")
    ringing_new = _ring(ctx, clock, "081234567804")
    ended_new = _ring(ctx, clock, "081234567805")
    live_new = _ring(ctx, clock, "081234567806")
    calls.answer_call(ctx, live_new.id)
    calls.answer_call(ctx, live_old.id)
    _end(ctx, clock, "081234567805")
    _end(ctx, clock, "081234567803")

    queue = queries.call_queue(ctx)
    assert [c.id for c in queue] == [
        ringing_old.id,
        ringing_new.id,
        live_old.id,
        live_new.id,
        ended_new.id,
        ended_old.id,
    ]
    ringing, answered, ended = CallState.RINGING, CallState.ANSWERED, CallState.ENDED
    assert [c.state for c in queue] == [ringing, ringing, answered, answered, ended, ended]
    assert [c.incident_number for c in queue[2:4]] == ["2026-000002", "2026-000001"]
    assert [c.id for c in queries.call_queue(ctx, recent=1)][-1] == ended_new.id
    assert len(queries.call_queue(ctx, recent=1)) == 5


def test_caller_history_finds_earlier_calls_from_the_same_number(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    first = _ring(ctx, clock, "081234567890")
    _end(ctx, clock, "081234567890")
    _ring(ctx, clock, "081234567891")
    _end(ctx, clock, "081234567891")
    second = _ring(ctx, clock, "+62 812-3456-7890")
    calls.answer_call(ctx, second.id)
    calls.hang_up(ctx, second.id)
    current = _ring(ctx, clock, "0062812 3456 7890")
    _ring(ctx, clock, "081234567890", seconds=1)  # rings later: not history of ``current``
    assert current.number_e164 == first.number_e164 == second.number_e164 == "+6281234567890"

    history = queries.caller_history(ctx, current)
    assert [c.id for c in history] == [second.id, first.id]
    assert history[0].incident_number == "2026-000001"
    assert history[1].classification is CallClass.ABANDONED


def test_caller_history_of_an_invalid_number_matches_it_as_received(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    odd = _ring(ctx, clock, "12AB")
    _end(ctx, clock, "12AB")
    _ring(ctx, clock, "12AC")
    _end(ctx, clock, "12AC")
    again = _ring(ctx, clock, "12AB")
    assert again.number_e164 is None
    assert [c.id for c in queries.caller_history(ctx, again)] == [odd.id]


def test_active_incidents_leave_out_closed_and_cancelled(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    opened = []
    for index in range(4):
        call = _ring(ctx, clock, f"08123456781{index}")
        opened.append(calls.answer_call(ctx, call.id))
    (_, routine), (_, closed), (prank_call, cancelled), (_, urgent) = opened
    incidents.update_field(ctx, urgent.id, "category", "MED", catalogue)
    incidents.close_incident(ctx, closed.id, Disposition.FALSE_ALARM)
    calls.classify_call(ctx, prank_call.id, CallClass.PRANK)

    board = queries.active_incidents(ctx)
    assert [i.id for i in board] == [urgent.id, routine.id]
    assert [i.status for i in board] == [IncidentStatus.AWAITING_DISPATCH, IncidentStatus.NEW]
    assert cancelled.id not in {i.id for i in board}

    incidents.reopen_incident(ctx, closed.id)
    assert [i.id for i in queries.active_incidents(ctx)] == [urgent.id, routine.id, closed.id]


def test_withheld_numbers_have_no_history(ctx: ServiceContext, clock: ManualClock) -> None:
    for _ in range(2):
        _ring(ctx, clock, "PRIVATE")
        _end(ctx, clock, "PRIVATE")
    withheld = _ring(ctx, clock, "PRIVATE")
    assert queries.caller_history(ctx, withheld) == []


def test_units_by_id_read_as_the_whole_board_does(ctx: ServiceContext, clock: ManualClock) -> None:
    from dispatch.services import dispatching

    board = {unit.call_sign: unit for unit in queries.units(ctx)}
    ambulance, patrol = board["DEMO-PSC-01"], board["DEMO-POL-01"]
    incident = calls.answer_call(ctx, _ring(ctx, clock, "081234567811").id)[1]
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    fresh = {unit.id: unit for unit in queries.units(ctx)}
    by_id = {unit.id: unit for unit in queries.units_by_id(ctx, [ambulance.id, patrol.id, 10**9])}
    assert set(by_id) == {ambulance.id, patrol.id}  # an unknown id is simply not there
    assert by_id[ambulance.id] == fresh[ambulance.id]
    assert (by_id[ambulance.id].incident_id, by_id[ambulance.id].incident_number) == (
        incident.id,
        incident.number,
    )
    assert by_id[patrol.id] == fresh[patrol.id]
    assert by_id[patrol.id].incident_id is None
