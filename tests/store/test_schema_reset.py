"""The PostgreSQL schema the service tests share is, after each reset, what a fresh migration makes.

The service tests run on one migrated schema per test run (tests/store/postgres.py, ResettableSchema):
the owner truncates it and puts back the migrations' rows between tests. Here a schema is filled
through the services (a worked shift, signed and acknowledged, callbacks, flags, alerts, a review, a
gateway's heartbeat; on a training schema a scored drill), reset, and compared with a schema migrated
afresh of the same kind: every table's rows, every sequence's next value, every trigger's state.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.aml import AmlFix, AmlMethod
from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.review import FORM, ReviewAnswer
from dispatch.domain.shifts import THREE_BY_EIGHT, shift_at
from dispatch.domain.signals import LocationSignal, SignalKind
from dispatch.services import (
    accounts,
    alerts,
    aml,
    callbacks,
    callers,
    calls,
    dispatching,
    feeds,
    gateway_status,
    handover,
    incidents,
    review,
    shifts,
    training_scores,
)
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.database import Database, DatabaseKind, open_database
from tests.conftest import START, SUPERVISOR_PASSWORD
from tests.services.support import signal, unit
from tests.services.training_drill import SCENARIO, play_drill
from tests.store.postgres import ResettableSchema, Server, empty_schema, grant, migrated_schema, server

pytestmark = pytest.mark.postgres

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "kata-sandi-112"
#: When the migration ran: the one value a fresh migration cannot share with an older one.
MIGRATION_TIME = {"database_identity": "created_at"}
#: Tables no fill here writes: the fresh schema has them empty, so a reset that missed one would
#: still be caught only if something wrote to it; every other table must hold rows before the reset.
NOT_FILLED = {
    DatabaseKind.LIVE: {
        # Issue 16's tables (forwarding, outbox, cameras, files): filled by their own tests.
        "agencies",
        "forwardings",
        "forwarding_reports",
        "outbox",
        "cameras",
        "incident_files",
        "training_calls",
        "training_lines",
        "training_scores",
        "training_sessions",
        "training_trainees",
    },
    DatabaseKind.TRAINING: {
        # Issue 16's tables (forwarding, outbox, cameras, files): filled by their own tests.
        "agencies",
        "forwardings",
        "forwarding_reports",
        "outbox",
        "cameras",
        "incident_files",
        "alerts",
        "aml_messages",
        "training_lines",
        "call_reviews",
        "duty_shifts",
        "handover_reports",
        "handover_addenda",
        "feed_outages",
        "gateway_status",
        "number_flags",
    },
}


@pytest.fixture(scope="module")
def found() -> Server:
    return server()


@pytest.fixture(scope="module")
def resettable(found: Server) -> Iterator[ResettableSchema]:
    with migrated_schema(found) as schema:
        made = ResettableSchema(schema)
        yield made
        made.dispose()


def _fresh(found: Server, kind: DatabaseKind) -> Iterator[dict[str, Any]]:
    """The state of a schema migrated afresh, of ``kind``."""
    with empty_schema(found) as schema:
        open_database(schema.owner_url, kind=kind).dispose()
        grant(schema)
        engine = create_engine(schema.owner_url)
        try:
            with engine.connect() as connection:
                yield state(connection)
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def fresh_live(found: Server) -> Iterator[dict[str, Any]]:
    yield from _fresh(found, DatabaseKind.LIVE)


@pytest.fixture(scope="module")
def fresh_training(found: Server) -> Iterator[dict[str, Any]]:
    yield from _fresh(found, DatabaseKind.TRAINING)


def state(connection: Connection) -> dict[str, Any]:
    """Every table's rows (sorted), every sequence's last value and whether it was called (its next
    value), every user trigger's enabled state, and the console role's privileges."""
    in_schema = "c.relnamespace = current_schema()::regnamespace"
    tables = connection.execute(
        text(f"SELECT c.relname FROM pg_class c WHERE {in_schema} AND c.relkind IN ('r', 'p') ORDER BY 1")
    ).scalars()
    rows: dict[str, list[str]] = {}
    for table in list(tables):
        found = connection.execute(text(f'SELECT to_jsonb(t) AS row FROM "{table}" t')).scalars().all()
        for row in found:
            row.pop(MIGRATION_TIME.get(table, ""), None)
        rows[table] = sorted(repr(sorted(row.items())) for row in found)
    names = (
        connection.execute(text(f"SELECT c.relname FROM pg_class c WHERE {in_schema} AND c.relkind = 'S'"))
        .scalars()
        .all()
    )
    sequences = {
        name: tuple(connection.execute(text(f'SELECT last_value, is_called FROM "{name}"')).one())
        for name in names
    }
    triggers = {
        (r.relname, r.tgname): r.tgenabled
        for r in connection.execute(
            text(
                "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
                f"JOIN pg_class c ON c.oid = t.tgrelid WHERE {in_schema} AND NOT t.tgisinternal"
            )
        )
    }
    grants = sorted(
        tuple(r)
        for r in connection.execute(
            text(
                "SELECT table_name, grantee, privilege_type FROM information_schema.role_table_grants "
                "WHERE table_schema = current_schema()"
            )
        )
    )
    return {"rows": rows, "sequences": sequences, "triggers": triggers, "grants": grants}


def _state(engine: Engine) -> dict[str, Any]:
    with engine.connect() as connection:
        return state(connection)


def _supervisor(database: Database, clock: ManualClock) -> ServiceContext:
    console = accounts.register_console(database, clock, ChangeBus(), "KONSOL-01", "test-host")
    accounts.create_first_supervisor(
        console, "sari", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
    )
    result = accounts.log_in(console, "sari", SUPERVISOR_PASSWORD)
    assert result.actor is not None
    ctx = console.acting_as(result.actor)
    dispatching.load_roster(ctx, load_demo_roster())
    return ctx


def fill_live(database: Database) -> None:
    """A worked shift through the services: calls, an incident with units and a note, a prank, a
    silent call called back, a flagged number, alerts, a feed outage, the shift closed, signed,
    acknowledged and corrected, a review, a gateway's heartbeat."""
    clock = ManualClock(START)
    ctx = _supervisor(database, clock)
    catalogue = load_default_catalogue()
    clock.advance(60)
    duty = shifts.open_shift(ctx, shift_at(THREE_BY_EIGHT, WIB, clock.now()))
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(7)
    incident = calls.answer_call(ctx, ringing.id)[1]
    incidents.update_field(ctx, incident.id, "category", "FIRE", catalogue)
    dispatching.assign_units(ctx, incident.id, [unit(ctx, "DEMO-DMK-01").id])
    incidents.add_note(ctx, incident.id, "Api di lantai dua, penghuni sudah keluar.")
    fix = AmlFix(1, -6.99306, 110.42083, 12.0, clock.now(), 68, AmlMethod.GNSS, text='A"ML=1;...')
    number = parse_caller_number(ringing.number_raw, "ID")
    aml.record_location(ctx.as_system(), LocationSignal("aml", clock.now(), number, b"sms", fix))
    silent = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), "081298765432"))
    assert silent is not None
    calls.answer_call(ctx, silent.id)
    clock.advance(20)
    calls.classify_call(ctx, silent.id, CallClass.SILENT)
    (queued,) = callbacks.open_callbacks(ctx)
    callbacks.record_attempt(ctx, queued.id, CallbackOutcome.NO_ANSWER, "tidak diangkat")
    callers.watch_number(ctx, "081298765432", "panggilan diam berulang")
    feeds.outage_started(ctx, "pbx", clock.now(), "port closed")
    alert = feeds.raise_feed_alarm(ctx, "pbx", clock.now())
    feeds.acknowledge_alert(ctx, alert)
    feeds.outage_ended(ctx, "pbx", clock.now() + timedelta(seconds=30))
    clock.advance(900)
    alerts.check_timers(ctx, alerts.TimerThresholds())
    gateway_status.beat(ctx, "gateway-1", [], started_at=clock.now(), pid=1, host="gw", version="t")
    since = START
    clock.set(START + timedelta(hours=1))
    shifts.close_shift(ctx, duty.id)
    handover.sign_off(ctx, duty.id)
    handover.add_addendum(ctx, duty.id, "Damkar masih di lokasi.")
    (item,) = review.draw_sample(ctx, since, clock.now(), seed=5)
    review.record_review(ctx, item.review_id, {q.code.value: ReviewAnswer.YES.value for q in FORM})


def fill_training(database: Database) -> None:
    """A drill of four calls played and scored (tests/services/training_drill.py)."""
    clock = ManualClock(START)
    ctx = _supervisor(database, clock)
    drill = play_drill(ctx, clock)
    rules, sha = load_scoring_rules()
    training_scores.score_session(ctx, drill.session_id, SCENARIO, rules, sha)


FILL = {DatabaseKind.LIVE: fill_live, DatabaseKind.TRAINING: fill_training}


@pytest.mark.parametrize("kind", list(DatabaseKind))
def test_a_filled_schema_reset_is_a_fresh_migration(
    resettable: ResettableSchema,
    fresh_live: dict[str, Any],
    fresh_training: dict[str, Any],
    kind: DatabaseKind,
) -> None:
    fresh = {DatabaseKind.LIVE: fresh_live, DatabaseKind.TRAINING: fresh_training}
    with resettable.database(kind) as database:
        assert database.kind is kind
        assert _state(resettable.owner) == fresh[kind]
        FILL[kind](database)
    filled = _state(resettable.owner)
    empty = {table for table, rows in filled["rows"].items() if not rows}
    assert empty == NOT_FILLED[kind]
    assert {name for name, (_value, called) in filled["sequences"].items() if called}
    started = time.perf_counter()
    resettable.reset(kind)
    took = time.perf_counter() - started
    assert _state(resettable.owner) == fresh[kind]
    assert took < 1.0, f"a reset took {took:.2f} s"
    # From one kind to the other, as a run goes from live tests to training tests.
    other = next(k for k in DatabaseKind if k is not kind)
    resettable.reset(other)
    assert _state(resettable.owner) == fresh[other]


def test_a_test_that_fails_leaves_the_next_a_fresh_schema(
    resettable: ResettableSchema, fresh_live: dict[str, Any]
) -> None:
    def failing_test() -> None:
        with resettable.database() as database:
            accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-09", "test-host")
            raise RuntimeError("the test failed")

    with pytest.raises(RuntimeError):
        failing_test()
    with resettable.database():
        assert _state(resettable.owner) == fresh_live


def test_a_connection_left_inside_a_transaction_is_ended_and_the_schema_reset(
    resettable: ResettableSchema, fresh_live: dict[str, Any]
) -> None:
    """A thread or a failed test may leave a transaction open: it holds its locks until it ends, and
    TRUNCATE would wait for them (up to the reset's lock timeout, then fail). The reset ends it."""
    with resettable.database() as database:
        accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-09", "test-host")
        left = database.engine.connect()
        left.execute(text("UPDATE consoles SET hostname = 'left-open'"))
    started = time.perf_counter()
    with resettable.database():
        assert _state(resettable.owner) == fresh_live
    assert time.perf_counter() - started < 2.0
    with pytest.raises(DBAPIError):
        left.execute(text("SELECT 1"))
    left.invalidate()
    left.close()
