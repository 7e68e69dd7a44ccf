"""Interval report data from the status history, for a scripted incident with hand-computed values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import UnitStatus
from dispatch.domain.signals import SignalKind
from dispatch.reports.intervals import StatusEvent, assignment_intervals, call_processing_s, interval_report
from dispatch.services import calls, dispatching, incidents
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Assignment
from tests.services.support import signal, unit

#: 10:00:00 WIB.
TEN = datetime(2026, 11, 27, 3, 0, 0, tzinfo=UTC)


def at(minutes: int, seconds: int) -> datetime:
    return TEN + timedelta(minutes=minutes, seconds=seconds)


def test_a_scripted_incident_gives_the_hand_computed_intervals(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    clock.set(at(-1, 0))  # 09:59:00 the phone rings
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.set(at(-1, 12))  # 09:59:12 answered
    incident = calls.answer_call(ctx, ringing.id)[1]
    incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    ambulance, patrol = unit(ctx, "DEMO-PSC-01"), unit(ctx, "DEMO-POL-01")

    script = [
        (at(0, 0), None),  # 10:00:00 both dispatched
        (at(0, 40), (ambulance.id, UnitStatus.ACKNOWLEDGED)),
        (at(0, 55), (patrol.id, UnitStatus.CANCELLED)),
        (at(1, 20), (ambulance.id, UnitStatus.EN_ROUTE)),
        (at(9, 50), (ambulance.id, UnitStatus.ON_SCENE)),
        (at(12, 0), (ambulance.id, UnitStatus.PATIENT_CONTACT)),
        (at(40, 5), (ambulance.id, UnitStatus.CLEARED)),
        (at(41, 0), (ambulance.id, UnitStatus.AVAILABLE)),
    ]
    for when, step in script:
        clock.set(when)
        if step is None:
            dispatching.assign_units(ctx, incident.id, [ambulance.id, patrol.id])
        else:
            dispatching.set_unit_status(ctx, *step)
    # The report reads the history; the milestone columns cannot be overwritten anyway (migration 0006).
    refused = pytest.raises(IntegrityError, match="recorded facts cannot be changed")
    with refused, ctx.database.transaction() as session:
        session.execute(update(Assignment).values(en_route_at=at(5, 0), on_scene_at=None))

    (report,) = interval_report(ctx, at(-5, 0), at(60, 0))
    assert report.number == incident.number
    assert (report.answered_at, report.first_dispatch_at) == (at(-1, 12), at(0, 0))
    assert report.call_processing_s == 48
    # What the figures group by: who answered the first call, each unit's agency.
    assert report.taken_by == ctx.actor.user_id
    assert [(u.call_sign, u.agency) for u in report.units] == [
        ("DEMO-PSC-01", "medical"),
        ("DEMO-POL-01", "police"),
    ]
    by_sign = {u.call_sign: u.intervals for u in report.units}
    medical = by_sign["DEMO-PSC-01"]
    assert (medical.turnout_s, medical.travel_s, medical.on_scene_s) == (80, 510, 1815)
    police = by_sign["DEMO-POL-01"]
    assert (police.turnout_s, police.travel_s, police.on_scene_s) == (None, None, None)
    assert interval_report(ctx, at(1, 0), at(60, 0)) == []  # opened before the period


def test_time_on_scene_ends_with_the_first_status_off_the_scene() -> None:
    events = [
        StatusEvent(1, UnitStatus.TRANSPORTING, at(30, 0)),  # in any order
        StatusEvent(1, UnitStatus.DISPATCHED, at(0, 0)),
        StatusEvent(1, UnitStatus.ON_SCENE, at(8, 0)),
        StatusEvent(1, UnitStatus.EN_ROUTE, at(1, 0)),
        StatusEvent(1, UnitStatus.PATIENT_CONTACT, at(9, 0)),
        StatusEvent(1, UnitStatus.CLEARED, at(70, 0)),
        StatusEvent(2, UnitStatus.DISPATCHED, at(0, 0)),  # another assignment: ignored
    ]
    result = assignment_intervals(1, events)
    assert (result.turnout_s, result.travel_s, result.on_scene_s) == (60, 420, 22 * 60)


def test_a_unit_still_on_scene_or_sent_straight_on_scene_has_only_what_is_known() -> None:
    still = assignment_intervals(
        4,
        [
            StatusEvent(4, UnitStatus.DISPATCHED, at(0, 0)),
            StatusEvent(4, UnitStatus.EN_ROUTE, at(2, 0)),
            StatusEvent(4, UnitStatus.ON_SCENE, at(6, 0)),
        ],
    )
    assert (still.turnout_s, still.travel_s, still.on_scene_s) == (120, 240, None)
    overridden = assignment_intervals(
        5,
        [
            StatusEvent(5, UnitStatus.DISPATCHED, at(0, 0)),
            StatusEvent(5, UnitStatus.ON_SCENE, at(7, 0)),
            StatusEvent(5, UnitStatus.CLEARED, at(17, 0)),
        ],
    )
    assert (overridden.turnout_s, overridden.travel_s, overridden.on_scene_s) == (None, None, 600)


def test_call_processing_is_answer_to_the_first_dispatch() -> None:
    assert call_processing_s(at(0, 0), [at(2, 0), at(1, 4)]) == 64
    assert call_processing_s(at(0, 0), []) is None
    assert call_processing_s(None, [at(1, 0)]) is None


def test_a_status_at_the_same_second_as_on_scene_but_before_it_does_not_end_the_time_on_scene() -> None:
    # En route and on scene typed in the same second (the unit called both at once): the history
    # row order (its id) says which came first, and the scene is left only by a later row.
    events = [
        StatusEvent(6, UnitStatus.CLEARED, at(20, 0), id=4),
        StatusEvent(6, UnitStatus.ON_SCENE, at(10, 0), id=3),
        StatusEvent(6, UnitStatus.EN_ROUTE, at(10, 0), id=2),
        StatusEvent(6, UnitStatus.DISPATCHED, at(0, 0), id=1),
    ]
    result = assignment_intervals(6, events)
    assert (result.turnout_s, result.travel_s, result.on_scene_s) == (600, 0, 600)


def test_the_report_reads_same_second_statuses_in_the_order_they_were_recorded(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    clock.set(at(0, 0))
    call = calls.record_signal(ctx, signal(SignalKind.RING, clock.now(), call_id="c-same"))
    assert call is not None
    incident = calls.answer_call(ctx, call.id)[1]
    ambulance = unit(ctx, "DEMO-PSC-01")
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    clock.set(at(5, 0))
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.EN_ROUTE)
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE)
    clock.set(at(25, 0))
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.CLEARED)
    (report,) = interval_report(ctx, at(-1, 0), at(60, 0))
    (row,) = report.units
    assert (row.intervals.turnout_s, row.intervals.travel_s, row.intervals.on_scene_s) == (300, 0, 1200)
