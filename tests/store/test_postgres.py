"""The same store and services on a real PostgreSQL server (the set-up for a centre with several consoles).

Needs ``DISPATCH_TEST_POSTGRES_URL`` (the consoles' role) and ``DISPATCH_TEST_POSTGRES_OWNER_URL`` (the
owner's), as .ci/run sets them (see tests/store/postgres.py). Each test works in a schema of its own,
created and migrated by the owner and dropped around it, so reruns start clean; the services run as the
consoles' role. Without the variables the tests are skipped, unless ``DISPATCH_REQUIRE_POSTGRES=1`` (CI),
where that is a failure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.accounts import LoginOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Disposition, IncidentStatus, UnitStatus
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, dispatching, incidents, queries
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import (
    Database,
    DatabaseRefused,
    RefusalReason,
    current_revision,
    head_revision,
    open_database,
)
from dispatch.store.tables import Attendance, AuditEntry, UnitStatusChange
from tests.conftest import START, SUPERVISOR_PASSWORD
from tests.services.support import audit_since, signal, unit
from tests.store.postgres import Schema, Server, empty_schema, migrated_schema, server

pytestmark = pytest.mark.postgres


@pytest.fixture
def found() -> Server:
    return server()


@pytest.fixture
def server_url(found: Server) -> str:
    return found.console_url


@pytest.fixture
def schema(found: Server) -> Iterator[Schema]:
    """A fresh schema, migrated by the owner; the consoles' role granted what it needs."""
    with migrated_schema(found) as made:
        yield made


@pytest.fixture
def schema_url(schema: Schema) -> str:
    """The consoles' role, working in the test's schema."""
    return schema.console_url


@pytest.fixture
def owner(schema: Schema) -> Iterator[Engine]:
    engine = create_engine(schema.owner_url)
    yield engine
    engine.dispose()


@pytest.fixture
def pg(schema_url: str) -> Iterator[Database]:
    database = open_database(schema_url)
    yield database
    database.dispose()


def test_migrations_reach_head_and_reopening_is_fine(pg: Database, schema_url: str) -> None:
    assert current_revision(pg.engine) == head_revision()
    assert "dispatch:***@" in pg.display_url
    again = open_database(schema_url)
    try:
        assert current_revision(again.engine) == head_revision()
    finally:
        again.dispose()


def test_a_database_from_a_newer_console_is_refused(pg: Database, owner: Engine, schema_url: str) -> None:
    with owner.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(DatabaseRefused) as refused:
        open_database(schema_url)
    assert refused.value.reason is RefusalReason.NEWER
    assert "dispatch:***@" in refused.value.location


def test_another_applications_schema_is_foreign(found: Server) -> None:
    with empty_schema(found) as foreign:
        engine = create_engine(foreign.owner_url)
        try:
            with engine.begin() as connection:
                connection.execute(text("CREATE TABLE recipes (id serial PRIMARY KEY, name text)"))
                if foreign.two_roles:
                    connection.execute(text(f'GRANT SELECT ON recipes TO "{foreign.console_role}"'))
        finally:
            engine.dispose()
        for url in (foreign.console_url, foreign.owner_url):
            with pytest.raises(DatabaseRefused) as refused:
                open_database(url)
            assert refused.value.reason is RefusalReason.FOREIGN


def test_an_unreachable_server_is_refused(server_url: str) -> None:
    url = make_url(server_url).set(host="127.0.0.1", port=1)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(url.render_as_string(hide_password=False))
    assert refused.value.reason is RefusalReason.UNREACHABLE


def _log_in(pg: Database, clock: ManualClock, bus: ChangeBus) -> ServiceContext:
    console = accounts.register_console(pg, clock, bus, "KONSOL-01", "pg-host")
    accounts.create_first_supervisor(
        console, "sari", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
    )
    result = accounts.log_in(console, "sari", SUPERVISOR_PASSWORD)
    assert result.outcome is LoginOutcome.OK
    assert result.actor is not None
    ctx = console.acting_as(result.actor)
    assert dispatching.load_roster(ctx, load_demo_roster()) > 0
    return ctx


def test_a_call_from_ring_to_close(pg: Database) -> None:
    clock, bus = ManualClock(START), ChangeBus()
    seen: list[Change] = []
    bus.subscribe(seen.append)
    catalogue = load_default_catalogue()
    ctx = _log_in(pg, clock, bus)

    clock.advance(30)
    ringing = calls.record_signal(
        ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), raw=b"\x02RING\x03")
    )
    assert ringing is not None
    clock.advance(4)
    call, incident = calls.answer_call(ctx, ringing.id)
    assert incident.number == "2026-000001"
    with pytest.raises(ServiceError, match="call_not_ringing"):
        calls.answer_call(ctx, ringing.id)
    incident = incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    assert incident.status is IncidentStatus.AWAITING_DISPATCH
    incidents.update_field(ctx, incident.id, "street", "Jl. Pemuda", catalogue)
    incidents.update_field(ctx, incident.id, "lat", "-6,98389", catalogue)
    incidents.add_note(ctx, incident.id, "Dua kendaraan, satu korban terjepit.")

    ambulance, patrol = unit(ctx, "DEMO-PSC-01"), unit(ctx, "DEMO-POL-01")
    clock.advance(40)
    dispatching.assign_units(ctx, incident.id, [ambulance.id, patrol.id])
    for status in (UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE):
        clock.advance(120)
        dispatching.set_unit_status(ctx, ambulance.id, status)
    dispatching.set_unit_status(ctx, patrol.id, UnitStatus.EN_ROUTE)
    board = queries.active_incidents(ctx)
    assert [(i.number, i.status, i.units) for i in board] == [
        ("2026-000001", IncidentStatus.ON_SCENE, ("DEMO-POL-01", "DEMO-PSC-01"))
    ]
    with pytest.raises(ServiceError, match="transition_refused"):
        dispatching.set_unit_status(ctx, unit(ctx, "DEMO-POL-02").id, UnitStatus.ON_SCENE)

    clock.advance(60)
    calls.hang_up(ctx, call.id)
    clock.advance(900)
    closed = incidents.close_incident(ctx, incident.id, Disposition.TRANSPORTED)
    assert (closed.status, closed.closed_at) == (IncidentStatus.CLOSED, clock.now())
    assert queries.active_incidents(ctx) == []
    # The assignments show how they ended; the units, released by the close, are available again.
    assert {a.call_sign: a.unit_status for a in queries.assignments(ctx, incident.id)} == {
        "DEMO-PSC-01": UnitStatus.CLEARED,
        "DEMO-POL-01": UnitStatus.CANCELLED,
    }
    assert {u.call_sign: u.status for u in queries.units(ctx) if u.id in (ambulance.id, patrol.id)} == {
        "DEMO-PSC-01": UnitStatus.AVAILABLE,
        "DEMO-POL-01": UnitStatus.AVAILABLE,
    }
    assert [c.id for c in queries.call_queue(ctx)] == [call.id]
    assert Change(Topic.INCIDENTS, (incident.id,)) in seen

    rows = audit_since(pg, 0)
    assert [row.action for row in rows] == [
        "console.register",
        "user.create",
        "user.login",
        "roster.load",
        "call.incoming",
        "call.answer",
        "incident.open",
        "incident.update",
        "incident.update",
        "incident.update",
        "incident.note",
        "unit.dispatch",
        "unit.dispatch",
        "unit.status",
        "unit.status",
        "unit.status",
        "unit.status",
        "call.hang_up",
        "unit.status",
        "unit.release",
        "unit.status",
        "unit.release",
        "incident.close",
    ]
    for row in rows:
        assert row.console_name == "KONSOL-01"
        assert row.user_name == (
            "system" if row.action in {"console.register", "user.create", "call.incoming"} else "sari"
        )
        assert row.at.tzinfo is not None
        assert row.at.utcoffset() == timedelta(0)
    assert rows[-1].at == clock.now()
    assert json.loads(rows[-1].detail or "{}") == {"disposition": "transported"}

    with pg.transaction() as session:
        history = session.scalars(select(UnitStatusChange).order_by(UnitStatusChange.id)).all()
        shift = session.scalars(select(Attendance)).one()
    assert all(h.user_id == ctx.actor.user_id and h.console_id == ctx.console_id for h in history)
    assert all(h.at.tzinfo is not None for h in history)
    assert (shift.user_id, shift.ended_at) == (ctx.actor.user_id, None)


def test_closing_and_a_restart_end_calls_left_open(pg: Database) -> None:
    """Issue 10 on PostgreSQL: the close ends its answered call; a restart ends calls left ringing."""
    clock = ManualClock(START)
    ctx = _log_in(pg, clock, ChangeBus())
    answered = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), "081234567001"))
    assert answered is not None
    _, incident = calls.answer_call(ctx, answered.id)
    ambulance = unit(ctx, "DEMO-PSC-01")
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    assert [u.call_sign for u in queries.units_still_out(ctx, incident.id)] == ["DEMO-PSC-01"]
    incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
    assert unit(ctx, "DEMO-PSC-01").status is UnitStatus.AVAILABLE
    ended = queries.call(ctx, answered.id)
    assert ended is not None
    assert ended.ended_at == clock.now()

    left = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), "081234567002"))
    assert left is not None
    clock.advance(5)
    assert calls.record_signal(ctx.as_system(), signal(SignalKind.RING, clock.now(), "081234567002"))
    clock.advance(60)  # the console was closed for a minute
    assert calls.reconcile_leftovers(ctx) == 1
    reconciled = queries.call(ctx, left.id)
    assert reconciled is not None
    assert (reconciled.classification, reconciled.ended_at) == (
        CallClass.ABANDONED,
        left.ring_at + timedelta(seconds=15),  # the last ring, then a ring cycle and a margin
    )
    assert [r.action for r in audit_since(pg, 0)][-2:] == ["call.reconcile", "callback.open"]


def test_incident_numbers_follow_the_year(pg: Database) -> None:
    clock = ManualClock(START)
    ctx = _log_in(pg, clock, ChangeBus())
    numbers = []
    for index, year in enumerate((2026, 2026, 2027)):
        if year == 2027:
            clock.set(START.replace(year=2027, month=1, day=1))
        ringing = calls.record_signal(
            ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), f"08123456780{index}")
        )
        assert ringing is not None
        numbers.append(calls.answer_call(ctx, ringing.id)[1].number)
    assert numbers == ["2026-000001", "2026-000002", "2027-000001"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET action = 'nothing.happened'",
        "DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)",
        "TRUNCATE audit_log",
    ],
)
def test_the_audit_log_is_append_only(pg: Database, owner: Engine, statement: str) -> None:
    accounts.register_console(pg, ManualClock(START), ChangeBus(), "KONSOL-01", "pg-host")
    # The owner is stopped by the trigger; the consoles' role already lacks the privilege.
    with pytest.raises(DBAPIError, match="append-only"), owner.begin() as connection:
        connection.execute(text(statement))
    with pytest.raises(DBAPIError, match=r"append-only|permission denied"), pg.engine.begin() as connection:
        connection.execute(text(statement))
    with pg.transaction() as session:
        assert session.scalars(select(AuditEntry.action)).all() == ["console.register"]
