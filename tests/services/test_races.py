"""Two consoles racing for the same rows, as two real processes on one database.

Each round, both processes wait at a barrier and then act at once: both dispatch the same unit to
different incidents, or one closes an incident while the other dispatches a unit to it. Run on a
SQLite file shared by both processes and on PostgreSQL. Before the unit of work began SQLite writes
IMMEDIATE and locked the incident on PostgreSQL, 100 rounds gave 12-38 double assignments and left
units assigned to closed incidents.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from dispatch.domain.clock import ManualClock, SystemClock
from dispatch.domain.enums import AgencyType, Disposition, IncidentStatus
from dispatch.domain.roster import UnitSpec
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, dispatching, incidents, queries
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import DatabaseUnavailable
from dispatch.store.database import Database, open_database, sqlite_url
from dispatch.store.tables import Assignment, Incident
from tests.conftest import START, SUPERVISOR_PASSWORD
from tests.services.support import signal
from tests.store.postgres import migrated_schema, server

ROUNDS = 100
# Fork: the children inherit the test's cheap password hashing; each opens its own engine.
FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True)
class Round:
    """What each of the two racers does in one round (ids of rows made beforehand)."""

    first: tuple[str, int, int]  # (action, incident id, unit id)
    second: tuple[str, int, int]


def _racer(url: str, name: str, index: int, plan: list[Round], barrier: Any, results: Any) -> None:
    outcomes: list[str] = []
    try:
        database = open_database(url, upgrade=False)
        ctx = accounts.register_console(database, SystemClock(), ChangeBus(), name, "race-host")
        result = accounts.log_in(ctx, "sari", SUPERVISOR_PASSWORD)
        assert result.actor is not None
        ctx = ctx.acting_as(result.actor)
        for step in plan:
            action, incident_id, unit_id = step.first if index == 0 else step.second
            barrier.wait(timeout=60)
            try:
                if action == "dispatch":
                    dispatching.assign_units(ctx, incident_id, [unit_id])
                else:
                    incidents.close_incident(ctx, incident_id, Disposition.HANDLED)
                outcomes.append("done")
            except ServiceError as error:
                outcomes.append(str(error.code))
            except DatabaseUnavailable as error:
                outcomes.append(f"unavailable {error.reason}")
        database.dispose()
    except BaseException:
        outcomes.append("crashed " + traceback.format_exc())
        barrier.abort()
    results.put((index, outcomes))


def _make_rounds(ctx: ServiceContext, clock: ManualClock, scenario: str) -> list[Round]:
    """Incidents (opened as a call-taker would) and units for every round."""
    specs = [
        UnitSpec(
            f"RACE-{n:03d}", AgencyType.POLICE, "Polrestabes", "Pos Race", -6.99, 110.42, ("patrol",), ""
        )
        for n in range(ROUNDS)
    ]
    dispatching.load_roster(ctx, specs)
    units = {view.call_sign: view.id for view in queries.units(ctx)}
    rounds = []
    for n in range(ROUNDS):
        unit_id = units[f"RACE-{n:03d}"]
        first = _open_incident(ctx, clock, n * 2)
        if scenario == "double dispatch":
            second = _open_incident(ctx, clock, n * 2 + 1)
            rounds.append(Round(("dispatch", first, unit_id), ("dispatch", second, unit_id)))
        else:
            rounds.append(Round(("close", first, unit_id), ("dispatch", first, unit_id)))
    return rounds


def _open_incident(ctx: ServiceContext, clock: ManualClock, n: int) -> int:
    clock.advance(1)
    number = f"0812{n:08d}"
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert view is not None
    _call, incident = calls.answer_call(ctx, view.id)
    return incident.id


def _race(url: str, plan: list[Round]) -> list[list[str]]:
    barrier = FORK.Barrier(2)
    results = FORK.Queue()
    racers = [
        FORK.Process(target=_racer, args=(url, f"RACE-{i}", i, plan, barrier, results)) for i in range(2)
    ]
    for racer in racers:
        racer.start()
    collected = dict(results.get(timeout=300) for _ in racers)
    for racer in racers:
        racer.join(timeout=60)
        assert racer.exitcode == 0
    for outcomes in collected.values():
        crashed = [o for o in outcomes if o.startswith("crashed")]
        assert not crashed, crashed[0]
    return [collected[0], collected[1]]


def _double_assignments(database: Database) -> int:
    with database.sessions() as session:
        active = (
            select(Assignment.unit_id)
            .where(Assignment.cleared_at.is_(None), Assignment.cancelled_at.is_(None))
            .group_by(Assignment.unit_id)
            .having(func.count() > 1)
        )
        return len(session.scalars(active).all())


def _units_on_closed_incidents(database: Database) -> int:
    with database.sessions() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(Assignment)
                .join(Incident, Incident.id == Assignment.incident_id)
                .where(
                    Assignment.cleared_at.is_(None),
                    Assignment.cancelled_at.is_(None),
                    Incident.status.in_([IncidentStatus.CLOSED.value, IncidentStatus.CANCELLED.value]),
                )
            )
            or 0
        )


def _check_double_dispatch(database: Database, outcomes: list[list[str]]) -> None:
    assert _double_assignments(database) == 0
    # Every round: exactly one of the two consoles sent the unit, the other was told it is not free.
    for first, second in zip(*outcomes, strict=True):
        assert sorted([first, second]) == ["done", "unit_not_available"], (first, second)


def _check_close_against_dispatch(database: Database, outcomes: list[list[str]]) -> None:
    assert _units_on_closed_incidents(database) == 0
    for closing, sending in zip(*outcomes, strict=True):
        assert closing == "done"
        # The dispatch either came first (and the close released the unit) or was refused.
        assert sending in ("done", "incident_closed"), sending


def _logged_in(database: Database) -> tuple[ServiceContext, ManualClock]:
    clock = ManualClock(START - timedelta(hours=2))
    console = accounts.register_console(database, clock, ChangeBus(), "SETUP", "race-host")
    accounts.create_first_supervisor(
        console, "sari", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
    )
    result = accounts.log_in(console, "sari", SUPERVISOR_PASSWORD)
    assert result.actor is not None
    return console.acting_as(result.actor), clock


def race_and_check(url: str, scenario: str) -> None:
    """Rounds made on the (already migrated) database at ``url``, raced by two processes, checked."""
    database = open_database(url, upgrade=False)
    try:
        ctx, clock = _logged_in(database)
        plan = _make_rounds(ctx, clock, scenario)
        outcomes = _race(url, plan)
        if scenario == "double dispatch":
            _check_double_dispatch(database, outcomes)
        else:
            _check_close_against_dispatch(database, outcomes)
    finally:
        database.dispose()


@pytest.mark.parametrize("scenario", ["double dispatch", "close against dispatch"])
def test_two_processes_on_one_sqlite_file_never_double_assign(tmp_path: Path, scenario: str) -> None:
    url = sqlite_url(tmp_path / "shared.sqlite3")
    open_database(url).dispose()  # created and migrated, as a console's first start does
    race_and_check(url, scenario)


@pytest.mark.postgres
@pytest.mark.parametrize("scenario", ["double dispatch", "close against dispatch"])
def test_two_processes_on_postgresql_never_double_assign(pg_schema_url: str, scenario: str) -> None:
    race_and_check(pg_schema_url, scenario)


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A fresh schema migrated by the owner role; the console's role works in it."""
    with migrated_schema(server()) as schema:
        yield schema.console_url
