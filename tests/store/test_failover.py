"""Failover on loopback: a primary and a synchronous streaming standby (tests/store/replication.py),
the console's roles and a migrated database made on the primary, the services connected with one
URL naming both servers (``?host=primary&host=standby&target_session_attrs=read-write``).

The primary is killed (``pg_ctl stop -m immediate``: no checkpoint, every connection cut), the standby
promoted; the next write reconnects to it within the unit of work's retries, and every call committed
before the kill is there. A write that reaches a standby (SQLSTATE 25006) is "lost" like a dropped
connection: the pool is invalidated so the next attempt connects afresh.

The tests of this module share one pair of servers and run in order: the last one kills the primary.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from sqlalchemy import Engine, create_engine, func, select, text

from dispatch.domain.clock import SystemClock
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.services.uow import DatabaseUnavailable
from dispatch.store.database import Database, open_database
from dispatch.store.roles import grant_console_privileges
from dispatch.store.tables import Call
from tests.services.support import signal
from tests.store.replication import CONSOLE, OWNER, ReplicatedPair, replicated_pair

__all__ = ["replicated_pair"]

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@dataclass
class Centre:
    pair: ReplicatedPair
    database: Database
    ctx: ServiceContext


@pytest.fixture(scope="module")
def centre(replicated_pair: ReplicatedPair) -> Iterator[Centre]:
    """The database migrated by its owner and granted to the consoles' role, both through the
    multi-host URL; a console registered on it."""
    open_database(replicated_pair.url(OWNER)).dispose()
    owner: Engine = create_engine(replicated_pair.url(OWNER))
    try:
        with owner.begin() as connection:
            grant_console_privileges(connection, CONSOLE)
    finally:
        owner.dispose()
    database = open_database(replicated_pair.url(CONSOLE), upgrade=False)
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "desk-1")
    yield Centre(replicated_pair, database, ctx)
    database.dispose()


def number(i: int) -> str:
    return f"0812{i:08d}"


def ring(ctx: ServiceContext, i: int) -> None:
    calls.record_signal(ctx, signal(SignalKind.RING, ctx.clock.now(), number(i), call_id=f"failover-{i}"))


def stored_numbers(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(Call.number_raw).order_by(Call.id)))


def server_port(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT inet_server_port()")).scalar_one())


def test_the_url_names_both_servers_and_writes_reach_the_primary_whichever_comes_first(
    centre: Centre,
) -> None:
    pair = centre.pair
    assert server_port(centre.database) == pair.primary.port
    assert centre.database.display_url == (
        f"postgresql+psycopg://dispatch:***@/dispatch?host={pair.primary.address}"
        f"&host={pair.standby.address}&target_session_attrs=read-write"
    )
    assert centre.database.short_name == f"{pair.primary.address},{pair.standby.address}/dispatch"
    standby_first = open_database(pair.url(CONSOLE, hosts=(pair.standby, pair.primary)), upgrade=False)
    try:
        assert server_port(standby_first) == pair.primary.port, "the standby is skipped: it refuses writes"
    finally:
        standby_first.dispose()


def test_a_write_on_a_standby_is_a_lost_connection_and_the_pool_starts_afresh(centre: Centre) -> None:
    pair = centre.pair
    # Without target_session_attrs libpq takes the first server that answers: here the standby.
    on_standby = open_database(
        pair.url(CONSOLE, hosts=(pair.standby,), target_session_attrs="any"), upgrade=False
    )
    try:
        with on_standby.engine.connect() as connection:
            before = int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())
        ctx = replace(centre.ctx, database=on_standby)
        with pytest.raises(DatabaseUnavailable) as refused:
            ring(ctx, 999)
        assert refused.value.reason == "lost"
        assert "read-only transaction" in refused.value.detail
        with on_standby.engine.connect() as connection:
            after = int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())
        assert after != before, "the connection that met the standby's refusal is not used again"
    finally:
        on_standby.dispose()


def test_the_primary_killed_the_standby_promoted_the_services_reconnect_and_no_call_is_lost(
    centre: Centre,
) -> None:
    pair, ctx = centre.pair, centre.ctx
    for i in range(50):
        ring(ctx, i)
    committed = stored_numbers(centre.database)
    assert len(committed) == 50

    killed_at = time.monotonic()
    pair.kill(pair.primary)
    with pytest.raises(DatabaseUnavailable) as away:
        ring(ctx, 50)  # no server accepts writes: refused after the retries, nothing half-written
    assert away.value.reason == "lost"
    pair.promote(pair.standby)
    promoted_at = time.monotonic()
    ring(ctx, 51)
    written_at = time.monotonic()

    assert server_port(centre.database) == pair.standby.port
    numbers = stored_numbers(centre.database)
    assert numbers[:50] == committed, "every call committed before the kill is on the promoted standby"
    assert numbers[50:] == [number(51)]
    with centre.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Call)) == 51
    print(
        f"\nfailover: kill to promoted {promoted_at - killed_at:.2f} s; "
        f"promoted to first write {written_at - promoted_at:.3f} s; kill to first write "
        f"{written_at - killed_at:.2f} s"
    )
    assert written_at - promoted_at < timedelta(seconds=5).total_seconds()


def test_the_old_primary_rewound_follows_the_promoted_one_as_its_synchronous_standby(centre: Centre) -> None:
    pair = centre.pair
    assert not pair.running(pair.primary), "the previous test killed it"
    pair.rejoin(pair.primary, pair.standby)
    with pair.admin(pair.standby).connect() as connection:
        states = connection.execute(text("SELECT state, sync_state FROM pg_stat_replication")).all()
    assert [tuple(row) for row in states] == [("streaming", "sync")]
    ring(centre.ctx, 52)  # returns once the old primary, now the standby, has it on disk
    assert server_port(centre.database) == pair.standby.port, "writes stay on the promoted server"
    old_primary = create_engine(f"postgresql+psycopg://{OWNER}:owner-secret@{pair.primary.address}/dispatch")
    try:
        deadline = time.monotonic() + 10
        while True:  # on disk at the commit; replayed (visible to reads) a moment later
            with old_primary.connect() as connection:
                assert connection.execute(text("SELECT pg_is_in_recovery()")).scalar_one() is True
                stored = list(connection.execute(text("SELECT number_raw FROM calls ORDER BY id")).scalars())
            if stored[-1:] == [number(52)] or time.monotonic() > deadline:
                break
            time.sleep(0.02)
    finally:
        old_primary.dispose()
    assert stored == stored_numbers(centre.database)
    assert stored[-1] == number(52)
