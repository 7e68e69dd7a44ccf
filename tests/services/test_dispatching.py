"""Sending units and moving them through their statuses: history rows, milestones, all-or-nothing."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select

from dispatch.catalogue_files import load_demo_roster
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, IncidentStatus, UnitStatus
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, dispatching, incidents, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.store.database import Database
from dispatch.store.tables import Assignment, AuditEntry, IncidentNote, Unit, UnitStatusChange
from tests.services.support import audit_since, audited, last_audit_id, signal, unit

AMBULANCE = "DEMO-PSC-01"
PATROL = "DEMO-POL-01"


def _open_incident(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, number: str
) -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert ringing is not None
    clock.advance(5)
    incident = calls.answer_call(ctx, ringing.id)[1]
    return incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)


@pytest.fixture
def incident(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> IncidentView:
    return _open_incident(ctx, clock, catalogue, "081234567890")


def _counts(database: Database) -> tuple[int, int, int, int]:
    with database.transaction() as session:
        return (
            session.scalar(select(func.count()).select_from(Assignment)) or 0,
            session.scalar(select(func.count()).select_from(UnitStatusChange)) or 0,
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            session.scalar(select(func.count()).select_from(IncidentNote)) or 0,
        )


def _history(database: Database, unit_id: int) -> list[UnitStatusChange]:
    with database.transaction() as session:
        return list(
            session.scalars(
                select(UnitStatusChange)
                .where(UnitStatusChange.unit_id == unit_id)
                .order_by(UnitStatusChange.id)
            )
        )


def test_the_roster_is_loaded_once(ctx: ServiceContext) -> None:
    roster = load_demo_roster()
    units = queries.units(ctx)
    assert sorted(u.call_sign for u in units) == sorted(spec.call_sign for spec in roster)
    assert all(u.status is UnitStatus.AVAILABLE for u in units)
    before = last_audit_id(ctx.database)
    assert dispatching.load_roster(ctx, roster) == 0
    assert audit_since(ctx.database, before) == []


def test_two_units_of_different_agencies_go_through_their_statuses(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView, changes: list[Change]
) -> None:
    ambulance, patrol = unit(ctx, AMBULANCE), unit(ctx, PATROL)
    assert (ambulance.agency_type, patrol.agency_type) == (AgencyType.MEDICAL, AgencyType.POLICE)
    assert incident.status is IncidentStatus.AWAITING_DISPATCH

    clock.advance(30)
    dispatched_at = clock.now()
    changes.clear()
    views, rows = audited(ctx, lambda: dispatching.assign_units(ctx, incident.id, [ambulance.id, patrol.id]))
    assert [(v.call_sign, v.unit_status, v.dispatched_at) for v in views] == [
        (AMBULANCE, UnitStatus.DISPATCHED, dispatched_at),
        (PATROL, UnitStatus.DISPATCHED, dispatched_at),
    ]
    assert [(r.action, r.entity_id, json.loads(r.detail or "{}")) for r in rows] == [
        ("unit.dispatch", str(ambulance.id), {"incident": incident.number}),
        ("unit.dispatch", str(patrol.id), {"incident": incident.number}),
    ]
    assert changes == [
        Change(Topic.UNITS, (ambulance.id, patrol.id)),
        Change(Topic.INCIDENTS, (incident.id,)),
    ]
    view = queries.incident(ctx, incident.id)
    assert view is not None
    assert view.status is IncidentStatus.DISPATCHED
    assert view.units == tuple(sorted((AMBULANCE, PATROL)))
    assert {u.call_sign: u.incident_number for u in queries.units(ctx) if u.incident_id} == {
        AMBULANCE: incident.number,
        PATROL: incident.number,
    }

    times: dict[UnitStatus, datetime] = {}
    for status in (UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE):
        clock.advance(45)
        times[status] = clock.now()
        for unit_id in (ambulance.id, patrol.id):
            moved, rows = audited(
                ctx,
                lambda unit_id=unit_id, status=status: dispatching.set_unit_status(ctx, unit_id, status),
            )
            assert (moved.status, moved.status_since, moved.incident_id) == (status, clock.now(), incident.id)
            assert [(r.action, r.entity_id) for r in rows] == [("unit.status", str(unit_id))]
    view = queries.incident(ctx, incident.id)
    assert view is not None
    assert view.status is IncidentStatus.DISPATCHED

    clock.advance(300)
    times[UnitStatus.ON_SCENE] = clock.now()
    changes.clear()
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE)
    assert changes == [Change(Topic.UNITS, (ambulance.id,)), Change(Topic.INCIDENTS, (incident.id,))]
    view = queries.incident(ctx, incident.id)
    assert view is not None
    assert view.status is IncidentStatus.ON_SCENE

    by_sign = {a.call_sign: a for a in queries.assignments(ctx, incident.id)}
    assert (
        by_sign[AMBULANCE].acknowledged_at,
        by_sign[AMBULANCE].en_route_at,
        by_sign[AMBULANCE].on_scene_at,
    ) == (times[UnitStatus.ACKNOWLEDGED], times[UnitStatus.EN_ROUTE], times[UnitStatus.ON_SCENE])
    assert by_sign[PATROL].on_scene_at is None
    assert by_sign[PATROL].unit_status is UnitStatus.EN_ROUTE

    for unit_id, expected in (
        (ambulance.id, ["available", "dispatched", "acknowledged", "en_route", "on_scene"]),
        (patrol.id, ["available", "dispatched", "acknowledged", "en_route"]),
    ):
        history = _history(ctx.database, unit_id)
        assert [h.to_status for h in history] == expected
        assert [h.from_status for h in history] == [None, *expected[:-1]]
        for row in history:
            assert row.at.tzinfo is not None
            assert row.user_id == ctx.actor.user_id
            assert row.console_id == ctx.console_id
        assert all(h.incident_id == incident.id and h.assignment_id is not None for h in history[1:])

    with ctx.database.transaction() as session:
        notes = session.scalars(
            select(IncidentNote.text).where(IncidentNote.kind == "system").order_by(IncidentNote.id)
        ).all()
    assert notes[-2:] == [f"unit.dispatched {AMBULANCE}", f"unit.dispatched {PATROL}"]


def test_each_milestone_is_written_once(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    patrol = unit(ctx, PATROL)
    dispatching.assign_units(ctx, incident.id, [patrol.id])
    clock.advance(60)
    first_en_route = clock.now()
    dispatching.set_unit_status(ctx, patrol.id, UnitStatus.EN_ROUTE)
    clock.advance(60)
    dispatching.set_unit_status(ctx, patrol.id, UnitStatus.DELAYED)
    clock.advance(60)
    dispatching.set_unit_status(ctx, patrol.id, UnitStatus.EN_ROUTE)
    (assignment,) = queries.assignments(ctx, incident.id)
    assert assignment.en_route_at == first_en_route
    assert assignment.acknowledged_at is None
    assert [h.to_status for h in _history(ctx.database, patrol.id)][-3:] == [
        "en_route",
        "delayed",
        "en_route",
    ]


def test_an_illegal_transition_is_refused_and_writes_nothing(
    ctx: ServiceContext, changes: list[Change]
) -> None:
    patrol = unit(ctx, PATROL)
    before = _counts(ctx.database)
    changes.clear()
    with pytest.raises(ServiceError, match="transition_refused") as refused:
        dispatching.set_unit_status(ctx, patrol.id, UnitStatus.ON_SCENE)
    assert refused.value.details["current"] is UnitStatus.AVAILABLE
    assert refused.value.details["requested"] is UnitStatus.ON_SCENE
    assert _counts(ctx.database) == before
    assert changes == []
    assert unit(ctx, PATROL) == patrol


def test_dispatching_goes_through_assign_only(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError, match="dispatch_through_assign"):
        dispatching.set_unit_status(ctx, unit(ctx, PATROL).id, UnitStatus.DISPATCHED)
    with pytest.raises(ServiceError, match="no_such_unit"):
        dispatching.set_unit_status(ctx, 9999, UnitStatus.OUT_OF_SERVICE)


def test_a_unit_without_an_incident_changes_status(ctx: ServiceContext, clock: ManualClock) -> None:
    patrol = unit(ctx, PATROL)
    clock.advance(60)
    moved = dispatching.set_unit_status(ctx, patrol.id, UnitStatus.OUT_OF_SERVICE)
    assert (moved.status, moved.incident_id) == (UnitStatus.OUT_OF_SERVICE, None)
    last = _history(ctx.database, patrol.id)[-1]
    assert (last.from_status, last.to_status, last.assignment_id, last.incident_id) == (
        "available",
        "out_of_service",
        None,
        None,
    )


def test_assigning_an_unavailable_unit_assigns_none(
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    incident: IncidentView,
    changes: list[Change],
) -> None:
    ambulance, patrol = unit(ctx, AMBULANCE), unit(ctx, PATROL)
    dispatching.assign_units(ctx, incident.id, [patrol.id])
    other = _open_incident(ctx, clock, catalogue, "081234567891")
    before = _counts(ctx.database)
    changes.clear()
    with pytest.raises(ServiceError, match="unit_not_available") as refused:
        dispatching.assign_units(ctx, other.id, [ambulance.id, patrol.id])
    assert refused.value.details == {"call_sign": PATROL, "status": "dispatched"}
    assert _counts(ctx.database) == before
    assert changes == []
    assert queries.assignments(ctx, other.id) == []
    assert unit(ctx, AMBULANCE).status is UnitStatus.AVAILABLE
    view = queries.incident(ctx, other.id)
    assert view is not None
    assert view.status is IncidentStatus.AWAITING_DISPATCH


def test_assign_refuses_nonsense(ctx: ServiceContext, incident: IncidentView) -> None:
    with pytest.raises(ServiceError, match="no_units_chosen"):
        dispatching.assign_units(ctx, incident.id, [])
    with pytest.raises(ServiceError, match="no_such_unit"):
        dispatching.assign_units(ctx, incident.id, [unit(ctx, PATROL).id, 9999])
    with pytest.raises(ServiceError, match="no_such_incident"):
        dispatching.assign_units(ctx, 9999, [unit(ctx, PATROL).id])
    assert queries.assignments(ctx, incident.id) == []


def test_the_same_unit_twice_in_one_request_is_sent_once(ctx: ServiceContext, incident: IncidentView) -> None:
    patrol = unit(ctx, PATROL)
    views = dispatching.assign_units(ctx, incident.id, [patrol.id, patrol.id])
    assert [v.call_sign for v in views] == [PATROL]


def test_a_cleared_unit_is_released_and_can_be_sent_again(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, incident: IncidentView
) -> None:
    patrol = unit(ctx, PATROL)
    dispatching.assign_units(ctx, incident.id, [patrol.id])
    for status in (UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE):
        clock.advance(60)
        dispatching.set_unit_status(ctx, patrol.id, status)
    clock.advance(60)
    cleared = dispatching.set_unit_status(ctx, patrol.id, UnitStatus.CLEARED)
    assert cleared.status is UnitStatus.CLEARED
    (assignment,) = queries.assignments(ctx, incident.id)
    assert (assignment.cleared_at, assignment.active) == (clock.now(), False)
    view = queries.incident(ctx, incident.id)
    assert view is not None
    assert (view.status, view.units) == (IncidentStatus.AWAITING_DISPATCH, ())

    other = _open_incident(ctx, clock, catalogue, "081234567892")
    (again,) = dispatching.assign_units(ctx, other.id, [patrol.id])
    assert again.unit_status is UnitStatus.DISPATCHED
    with ctx.database.transaction() as session:
        unit_row = session.get_one(Unit, patrol.id)
        assert unit_row.status == "dispatched"
