"""Simulated crews in a training database: the whole cycle by themselves, the trainer's hand, people first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select

from dispatch.catalogue_files import load_demo_roster
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.crews import ResponsePlan, crew_rng, plan_response
from dispatch.domain.enums import Disposition, IncidentStatus, UnitStatus
from dispatch.domain.geo import distance_m
from dispatch.domain.scenarios import Words
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, dispatching, incidents, queries
from dispatch.services.bus import ChangeBus
from dispatch.services.context import SYSTEM_USER, ServiceContext, ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.simulator.crews import BREAKDOWN_REASON, SimulatedCrews
from dispatch.store.database import Database, DatabaseKind, open_database, sqlite_url
from dispatch.store.tables import Assignment, IncidentNote, UnitStatusChange
from tests.conftest import START, SUPERVISOR_PASSWORD
from tests.services.support import audit_since, last_audit_id, signal, unit

S = UnitStatus
AMBULANCE = "DEMO-PSC-01"
ENGINE = "DEMO-DMK-01"
#: Simpang Lima, Semarang.
SCENE = (-6.9903, 110.4229)
SEED = 12
REPORT = Words(id="Asap tebal dari lantai dua, satu orang terjebak.", en="Thick smoke, one person trapped.")
CYCLE = [S.DISPATCHED, S.ACKNOWLEDGED, S.EN_ROUTE, S.ON_SCENE, S.CLEARED, S.AVAILABLE]


@pytest.fixture
def database(training_database: Database) -> Database:
    return training_database


def _open_incident(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    incident = calls.answer_call(ctx, ringing.id)[1]
    incidents.update_field(ctx, incident.id, "category", "FIRE", catalogue)
    incidents.update_field(ctx, incident.id, "lat", SCENE[0], catalogue)
    return incidents.update_field(ctx, incident.id, "lon", SCENE[1], catalogue)


@pytest.fixture
def incident(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> IncidentView:
    return _open_incident(ctx, clock, catalogue)


class Run:
    """The scenario's seconds and the real clock moved together (at 1x), as the play clock would."""

    def __init__(self, crews: SimulatedCrews, clock: ManualClock) -> None:
        self.crews = crews
        self.clock = clock
        self.start = clock.now()

    def at(self, seconds: float) -> list[int]:
        self.clock.set(self.start + timedelta(seconds=seconds))
        return self.crews.advance(seconds)


def _status(ctx: ServiceContext, call_sign: str) -> UnitStatus:
    return unit(ctx, call_sign).status


def _history(database: Database, unit_id: int) -> list[UnitStatusChange]:
    """The unit's status rows since it was put on the roster (that row has no status before it)."""
    with database.transaction() as session:
        return list(
            session.scalars(
                select(UnitStatusChange)
                .where(UnitStatusChange.unit_id == unit_id, UnitStatusChange.from_status.is_not(None))
                .order_by(UnitStatusChange.id)
            )
        )


def _narrative(database: Database, incident_id: int) -> list[IncidentNote]:
    with database.transaction() as session:
        return list(
            session.scalars(
                select(IncidentNote)
                .where(IncidentNote.incident_id == incident_id, IncidentNote.kind == NoteKind.NARRATIVE.value)
                .order_by(IncidentNote.id)
            )
        )


def _assignment_id(database: Database, unit_id: int) -> int:
    with database.transaction() as session:
        found = session.scalar(
            select(Assignment.id).where(Assignment.unit_id == unit_id).order_by(Assignment.id.desc())
        )
    assert found is not None
    return found


def _expected_plan(ctx: ServiceContext, call_sign: str, seed: int = SEED) -> ResponsePlan:
    """The plan computed here from the roster's station and the scene, as the crews must have drawn it."""
    view = unit(ctx, call_sign)
    assert view.lat is not None
    assert view.lon is not None
    distance = distance_m(view.lat, view.lon, *SCENE)
    rng = crew_rng(seed, view.id, _assignment_id(ctx.database, view.id))
    return plan_response(rng, view.agency_type, distance)


def _crews(ctx: ServiceContext, incident: IncidentView, **options: object) -> SimulatedCrews:
    def report_for(incident_id: int) -> Words | None:
        return REPORT if incident_id == incident.id else None

    return SimulatedCrews(ctx, SEED, report_for=report_for, **options)


def test_dispatched_units_go_through_every_status_at_their_planned_times(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance, engine = unit(ctx, AMBULANCE), unit(ctx, ENGINE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id, engine.id])
    crews = _crews(ctx, incident, language="en")
    run = Run(crews, clock)
    assert run.at(0) == []
    plans = {AMBULANCE: _expected_plan(ctx, AMBULANCE), ENGINE: _expected_plan(ctx, ENGINE)}
    assert crews.planned(ambulance.id) == plans[AMBULANCE]
    assert crews.planned(engine.id) == plans[ENGINE]
    # Travel from the stations (PSC 119 is 0.3 km from Simpang Lima, Damkar Madukoro 3.6 km).
    assert plans[AMBULANCE].travel_s < plans[ENGINE].travel_s

    moments = sorted({t for plan in plans.values() for t in plan.steps})
    for moment in moments:
        # A second before, nothing more; at the planned second, the units planned for it.
        before = {sign: _status(ctx, sign) for sign in plans}
        assert run.at(moment - 1) == []
        assert {sign: _status(ctx, sign) for sign in plans} == before
        due = {sign for sign, plan in plans.items() if moment in plan.steps}
        changed = run.at(moment)
        assert set(changed) == {unit(ctx, sign).id for sign in due}
        for sign in due:
            step = plans[sign].steps.index(moment)
            assert _status(ctx, sign) is CYCLE[step + 1]
    assert crews.planned(ambulance.id) is None

    for sign, plan in plans.items():
        rows = _history(ctx.database, unit(ctx, sign).id)
        assert [UnitStatus(row.to_status) for row in rows] == CYCLE
        assert [row.at - run.start for row in rows[1:]] == [timedelta(seconds=t) for t in plan.steps]
        # The dispatcher sent them; the crews (the system user) did the rest.
        assert rows[0].user_id == ctx.actor.user_id
        assert all(row.user_id is None for row in rows[1:])
        assert all(row.override_reason is None for row in rows)

    # The first crew there gives the scenario's report; the next one only says it is there.
    first = min(plans, key=lambda sign: plans[sign].on_scene_s)
    second = ENGINE if first == AMBULANCE else AMBULANCE
    notes = _narrative(ctx.database, incident.id)
    assert [note.text for note in notes] == [
        f"{first} reports: Thick smoke, one person trapped.",
        f"{second} on scene.",
    ]
    assert all(note.author_id is None for note in notes)
    assert [note.at - run.start for note in notes] == [
        timedelta(seconds=plans[first].on_scene_s),
        timedelta(seconds=plans[second].on_scene_s),
    ]
    assert queries.incident(ctx, incident.id).status is IncidentStatus.AWAITING_DISPATCH  # type: ignore[union-attr]


def test_the_crews_write_as_the_system_with_audit_rows(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    crews = SimulatedCrews(ctx, SEED)
    # A run made after its crews hands them its reports afterwards.
    crews.report_for = lambda incident_id: REPORT if incident_id == incident.id else None
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(ambulance.id)
    assert plan is not None
    before = last_audit_id(ctx.database)
    run.at(plan.on_scene_s)
    rows = audit_since(ctx.database, before)
    status_rows = [row for row in rows if row.action == AuditAction.UNIT_STATUS.value]
    assert [(row.user_name, row.user_id, row.entity_id) for row in status_rows] == [
        (SYSTEM_USER, None, str(ambulance.id))
    ] * 3
    notes = [row for row in rows if row.action == AuditAction.INCIDENT_NOTE.value]
    assert [row.user_name for row in notes] == [SYSTEM_USER]
    # In Indonesian by default.
    assert _narrative(ctx.database, incident.id)[0].text == f"{AMBULANCE} melaporkan: {REPORT.id}"
    assert queries.incident(ctx, incident.id).status is IncidentStatus.ON_SCENE  # type: ignore[union-attr]


def test_a_big_step_of_time_applies_every_due_status_in_order(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(ambulance.id)
    assert plan is not None
    assert run.at(plan.available_s + 100) == [ambulance.id]
    assert [UnitStatus(r.to_status) for r in _history(ctx.database, ambulance.id)] == CYCLE


def test_nothing_due_costs_one_small_query(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    statements: list[tuple[str, object]] = []

    def seen(conn: object, cursor: object, statement: str, parameters: object, *args: object) -> None:
        statements.append((statement, parameters))

    engine = ctx.database.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert run.at(1) == []
        assert run.at(2) == []
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    queries_made = [(text, parameters) for text, parameters in statements if text.startswith("SELECT")]
    assert len(queries_made) == 2
    assert all("FROM assignments" in text for text, _parameters in queries_made)
    # The open assignments' index, not a scan of the units or of every assignment ever made.
    query, parameters = queries_made[0]
    with ctx.database.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + query, parameters).all()
            details = " ".join(str(row[-1]) for row in plan)
            assert "SCAN units" not in details
            assert "ix_assignments_open" in details
        else:
            # A table of a few rows is read whole by PostgreSQL's planner; asked to avoid that, it
            # shows whether the open assignments' index serves the query.
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = connection.exec_driver_sql("EXPLAIN " + query, parameters).all()
            details = " ".join(str(row[0]) for row in plan)
            # Which index serves it depends on the planner's statistics of a few rows (it took the
            # incidents' key and a hash join in one run): what matters is that nothing is scanned whole.
            assert "Seq Scan on units" not in details
            assert "Seq Scan on assignments" not in details


def test_the_same_seed_and_times_repeat_exactly(tmp_path: Path, catalogue: Catalogue) -> None:
    def one_run(name: str) -> list[tuple[str, str, timedelta]]:
        database = open_database(sqlite_url(tmp_path / name), kind=DatabaseKind.TRAINING)
        try:
            clock = ManualClock(START)
            console = accounts.register_console(database, clock, ChangeBus(), "KONSOL-01", "test-host")
            accounts.create_first_supervisor(
                console, "sari", "Sari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
            )
            actor = accounts.log_in(console, "sari", SUPERVISOR_PASSWORD).actor
            assert actor is not None
            ctx = console.acting_as(actor)
            dispatching.load_roster(ctx, load_demo_roster())
            incident = _open_incident(ctx, clock, catalogue)
            units = [unit(ctx, sign).id for sign in (AMBULANCE, ENGINE, "DEMO-POL-02")]
            dispatching.assign_units(ctx, incident.id, units)
            run = Run(_crews(ctx, incident), clock)
            for second in range(0, 4_000, 7):
                run.at(second)
            with database.transaction() as session:
                rows = session.scalars(
                    select(UnitStatusChange)
                    .where(UnitStatusChange.from_status.is_not(None))
                    .order_by(UnitStatusChange.id)
                ).all()
                return [(str(row.unit_id), row.to_status, row.at - run.start) for row in rows]
        finally:
            database.dispose()

    first = one_run("first.sqlite3")
    assert len(first) == 3 * 6
    assert one_run("second.sqlite3") == first


def test_a_delayed_unit_shows_delayed_and_arrives_that_much_later(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    engine = unit(ctx, ENGINE)
    dispatching.assign_units(ctx, incident.id, [engine.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(engine.id)
    assert plan is not None
    run.at(plan.en_route_s + 30)
    assert _status(ctx, ENGINE) is S.EN_ROUTE
    crews.delay(engine.id, 120)
    assert _status(ctx, ENGINE) is S.DELAYED
    # Held 120 s from now, then on the road again; it arrives 120 s after it would have.
    assert crews.due_times(engine.id)[S.EN_ROUTE] == plan.en_route_s + 30 + 120
    assert run.at(plan.en_route_s + 30 + 119) == []
    assert run.at(plan.en_route_s + 30 + 120) == [engine.id]
    assert _status(ctx, ENGINE) is S.EN_ROUTE
    assert run.at(plan.on_scene_s + 119) == []
    assert run.at(plan.on_scene_s + 120) == [engine.id]
    assert _status(ctx, ENGINE) is S.ON_SCENE
    rows = _history(ctx.database, engine.id)
    assert [r.to_status for r in rows] == [
        "dispatched",
        "acknowledged",
        "en_route",
        "delayed",
        "en_route",
        "on_scene",
    ]
    assert all(row.user_id is None and row.override_reason is None for row in rows[1:])


def test_a_unit_delayed_before_it_acknowledged_goes_en_route_when_the_hold_ends(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(ambulance.id)
    assert plan is not None
    crews.delay(ambulance.id, 90)
    crews.delay(ambulance.id, 30)  # held longer: both add up
    assert _status(ctx, ambulance.call_sign) is S.DELAYED
    assert crews.due_times(ambulance.id) == {
        S.EN_ROUTE: plan.en_route_s + 120,
        S.ON_SCENE: plan.on_scene_s + 120,
        S.CLEARED: plan.clear_s + 120,
        S.AVAILABLE: plan.available_s + 120,
    }
    for due in sorted(crews.due_times(ambulance.id).values()):
        assert run.at(due - 1) == []
        assert run.at(due) == [ambulance.id]
    rows = _history(ctx.database, ambulance.id)
    assert [r.to_status for r in rows] == [
        "dispatched",
        "delayed",
        "en_route",
        "on_scene",
        "cleared",
        "available",
    ]
    assert [row.at - run.start for row in rows[2:]] == [timedelta(seconds=t + 120) for t in plan.steps[1:]]


def test_a_unit_on_scene_held_clears_later_without_a_status_of_its_own(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(ambulance.id)
    assert plan is not None
    run.at(plan.on_scene_s)
    crews.delay(ambulance.id, 300)
    assert _status(ctx, AMBULANCE) is S.ON_SCENE  # on scene -> delayed is not a step of the lifecycle
    assert run.at(plan.clear_s + 299) == []
    assert run.at(plan.clear_s + 300) == [ambulance.id]
    assert _status(ctx, AMBULANCE) is S.CLEARED


def test_delaying_a_unit_that_works_no_incident_is_refused(
    ctx: ServiceContext, incident: IncidentView
) -> None:
    crews = _crews(ctx, incident)
    crews.advance(0)
    with pytest.raises(ServiceError) as refused:
        crews.delay(unit(ctx, AMBULANCE).id, 60)
    assert refused.value.code is Refusal.NO_INCIDENT_FOR_STATUS


def test_a_breakdown_releases_the_unit_with_the_trainers_reason(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    engine = unit(ctx, ENGINE)
    dispatching.assign_units(ctx, incident.id, [engine.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(engine.id)
    assert plan is not None
    run.at(plan.en_route_s)
    before = last_audit_id(ctx.database)
    view = crews.take_out_of_service(engine.id)
    assert view.status is S.OUT_OF_SERVICE
    last = _history(ctx.database, engine.id)[-1]
    assert (last.from_status, last.to_status, last.override_reason) == (
        "en_route",
        "out_of_service",
        BREAKDOWN_REASON,
    )
    assert last.user_id == ctx.actor.user_id  # the trainer broke it down
    overrides = [
        r for r in audit_since(ctx.database, before) if r.action == AuditAction.UNIT_STATUS_OVERRIDE.value
    ]
    assert len(overrides) == 1
    assert BREAKDOWN_REASON in (overrides[0].detail or "")
    assert queries.units_still_out(ctx, incident.id) == []
    assert (
        _narrative(ctx.database, incident.id)[-1].text
        == f"{ENGINE}: kendaraan mogok, tidak dapat melanjutkan tugas."
    )
    assert crews.planned(engine.id) is None
    # Its plan is over: it stays out of service however long the run goes on.
    assert run.at(plan.available_s + 10) == []
    assert _status(ctx, ENGINE) is S.OUT_OF_SERVICE
    assert crews.return_to_service(engine.id).status is S.AVAILABLE
    assert run.at(plan.available_s + 20) == []


def test_a_breakdown_by_the_system_follows_the_lifecycle(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance, engine = unit(ctx, AMBULANCE), unit(ctx, ENGINE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id, engine.id])
    crews = _crews(ctx.as_system(), incident)
    run = Run(crews, clock)
    run.at(0)
    ambulance_plan, engine_plan = crews.planned(ambulance.id), crews.planned(engine.id)
    assert ambulance_plan is not None
    assert engine_plan is not None
    run.at(ambulance_plan.on_scene_s)
    assert _status(ctx, AMBULANCE) is S.ON_SCENE
    assert _status(ctx, ENGINE) is not S.ON_SCENE
    crews.take_out_of_service(ambulance.id)
    crews.take_out_of_service(engine.id)
    # Cleared where it got there, cancelled on the way; then out of service, all by the system.
    assert [r.to_status for r in _history(ctx.database, ambulance.id)[-2:]] == ["cleared", "out_of_service"]
    assert [r.to_status for r in _history(ctx.database, engine.id)[-2:]] == ["cancelled", "out_of_service"]
    rows = _history(ctx.database, ambulance.id)[1:] + _history(ctx.database, engine.id)[1:]
    assert all(r.user_id is None and r.override_reason is None for r in rows)
    assert queries.units_still_out(ctx, incident.id) == []


def test_a_persons_status_change_is_respected_and_the_rest_replanned(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    engine = unit(ctx, ENGINE)
    dispatching.assign_units(ctx, incident.id, [engine.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(engine.id)
    assert plan is not None
    run.at(plan.acknowledge_s)
    # The crew radios early: the dispatcher types en route 5 s after the acknowledgement.
    clock.set(run.start + timedelta(seconds=plan.acknowledge_s + 5))
    dispatching.set_unit_status(ctx, engine.id, S.EN_ROUTE)
    run.at(plan.acknowledge_s + 5)
    arrive = plan.acknowledge_s + 5 + plan.travel_s
    assert crews.due_times(engine.id)[S.ON_SCENE] == arrive
    assert run.at(plan.en_route_s) == []  # no second "en route" over the person's
    assert run.at(arrive - 1) == []
    assert run.at(arrive) == [engine.id]
    rows = _history(ctx.database, engine.id)
    assert [(r.to_status, r.user_id) for r in rows] == [
        ("dispatched", ctx.actor.user_id),
        ("acknowledged", None),
        ("en_route", ctx.actor.user_id),
        ("on_scene", None),
    ]


def test_a_unit_a_person_holds_outside_the_cycle_is_theirs_until_they_put_it_back(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(ambulance.id)
    assert plan is not None
    run.at(plan.on_scene_s)
    dispatching.set_unit_status(ctx, ambulance.id, S.TRANSPORTING)
    run.at(plan.on_scene_s + 10)
    assert run.at(plan.available_s + 600) == []  # never cleared under the person's hand
    assert _status(ctx, AMBULANCE) is S.TRANSPORTING
    # The dispatcher clears it: the crew reports available after its usual pause.
    clock.set(run.start + timedelta(seconds=plan.available_s + 700))
    dispatching.set_unit_status(ctx, ambulance.id, S.CLEARED)
    run.at(plan.available_s + 700)
    back = plan.available_s + 700 + (plan.available_s - plan.clear_s)
    assert run.at(back - 1) == []
    assert run.at(back) == [ambulance.id]
    assert _status(ctx, AMBULANCE) is S.AVAILABLE


def test_a_cancelled_assignment_and_a_closed_incident_are_left_alone(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView, catalogue: Catalogue
) -> None:
    ambulance, engine = unit(ctx, AMBULANCE), unit(ctx, ENGINE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id, engine.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    dispatching.set_unit_status(ctx, ambulance.id, S.CANCELLED)
    assert run.at(10_000) == [engine.id]
    assert _status(ctx, AMBULANCE) is S.CANCELLED
    assert _status(ctx, ENGINE) is S.AVAILABLE  # its own cycle went on meanwhile

    second = unit(ctx, "DEMO-DMK-02")
    dispatching.assign_units(ctx, incident.id, [second.id])
    run.at(10_001)
    incidents.close_incident(ctx, incident.id, next(iter(Disposition)))
    assert run.at(20_000) == []
    assert [r.to_status for r in _history(ctx.database, second.id)] == [
        "dispatched",
        "cancelled",
        "available",
    ]


def test_a_refused_step_is_skipped_and_logged_not_raised(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView, caplog: pytest.LogCaptureFixture
) -> None:
    """Another console moves the unit between the crews' read and their write (a real race)."""
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    crews = _crews(ctx, incident)
    run = Run(crews, clock)
    run.at(0)
    plan = crews.planned(ambulance.id)
    assert plan is not None
    engine = ctx.database.engine
    raced: list[bool] = []

    def person_first(conn: object, cursor: object, statement: str, *args: object) -> None:
        if not raced and "FROM assignments JOIN units" in statement:
            raced.append(True)
            dispatching.set_unit_status(ctx, ambulance.id, S.CANCELLED)

    event.listen(engine, "after_cursor_execute", person_first)
    try:
        with caplog.at_level("INFO", logger="dispatch.simulator.crews"):
            assert run.at(plan.acknowledge_s) == []
    finally:
        event.remove(engine, "after_cursor_execute", person_first)
    assert raced
    assert _status(ctx, AMBULANCE) is S.CANCELLED
    assert "skipped: transition_refused" in caplog.text
    assert run.at(plan.available_s) == []
    assert _status(ctx, AMBULANCE) is S.CANCELLED


def test_a_live_database_is_refused(tmp_path: Path, clock: ManualClock) -> None:
    live = open_database(sqlite_url(tmp_path / "live.sqlite3"))
    try:
        console = accounts.register_console(live, clock, ChangeBus(), "KONSOL-02", "test-host")
        with pytest.raises(ServiceError) as refused:
            SimulatedCrews(console, SEED)
        assert refused.value.code is Refusal.TRAINING_ONLY
    finally:
        live.dispose()
