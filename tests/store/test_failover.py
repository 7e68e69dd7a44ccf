"""Failover on loopback: a primary and a synchronous streaming standby (tests/store/replication.py),
the console's roles and a migrated database made on the primary, the services connected with one
URL naming both servers (``?host=primary&host=standby&target_session_attrs=read-write``).

The primary is killed (``pg_ctl stop -m immediate``: no checkpoint, every connection cut), the standby
promoted; the next write reconnects to it within the unit of work's retries, and every call committed
before the kill is there. The gateway (``dispatch-console gateway``, its own process, reading a real
NCID server) keeps a call that rang while no server accepted writes in its spool and stores it after
the promotion, with one that rings after it; a second console's change feed, cut at the kill, connects
to the promoted server by itself and hears all of them. Then the old primary is rewound to follow the
new one (the installer's procedure in docs/failover.md).

A write that reaches a standby (SQLSTATE 25006) is "lost" like a dropped connection: the pool is
invalidated so the next attempt connects afresh.

The tests of this module share one pair of servers and run in order: the fourth kills the primary, the
fifth brings it back as the standby.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text

from bench.bench_feeds import ncid_line
from bench.centre_console import GatewayProcess, NcidPeer
from dispatch.domain.clock import SystemClock
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.change_feed import ChangeFeed, LinkState
from dispatch.services.context import ServiceContext
from dispatch.services.uow import DatabaseUnavailable
from dispatch.store.database import POSTGRES_CONNECT_DEFAULTS, Database, open_database
from dispatch.store.roles import grant_console_privileges
from dispatch.store.tables import Call, GatewayStatus
from tests.feeds.supervising import wait_for
from tests.services.support import signal
from tests.store.replication import CONSOLE, OWNER, ReplicatedPair, replicated_pair

__all__ = ["replicated_pair"]

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

#: Calls the gateway reads from its NCID server: before the kill, between the kill and the
#: promotion (no server accepts writes), after the promotion.
GATEWAY_CALLS = ("085700000001", "085700000002", "085700000003")


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


def test_a_silent_server_named_first_costs_seconds_not_minutes(centre: Centre) -> None:
    """A server switched off answers nothing (no refusal): libpq's connect_timeout, 5 s unless the URL
    gives its own, moves on to the next server named."""
    silent = socket.socket()  # accepts the connection (the kernel does) and never says a word
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        url = centre.pair.url(CONSOLE).replace("?", f"?host=127.0.0.1:{silent.getsockname()[1]}&", 1)
        began = time.monotonic()
        database = open_database(url, upgrade=False)
        opened_after = time.monotonic() - began
        try:
            assert server_port(database) == centre.pair.primary.port
            with database.engine.connect() as connection:
                given = dict(connection.connection.driver_connection.info.get_parameters())  # type: ignore[union-attr]
        finally:
            database.dispose()
    finally:
        silent.close()
    assert POSTGRES_CONNECT_DEFAULTS["connect_timeout"] - 0.5 < opened_after < 10
    assert {key: given.get(key) for key in POSTGRES_CONNECT_DEFAULTS} == {
        key: str(value) for key, value in POSTGRES_CONNECT_DEFAULTS.items()
    }
    own = open_database(centre.pair.url(CONSOLE, connect_timeout="2", tcp_user_timeout="4000"), upgrade=False)
    try:
        with own.engine.connect() as connection:
            settings = connection.connection.driver_connection.info.get_parameters()  # type: ignore[union-attr]
    finally:
        own.dispose()
    assert settings["connect_timeout"] == "2"
    assert settings["tcp_user_timeout"] == "4000"
    assert settings["keepalives_idle"] == "10"


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


class Heard:
    """What a console's bus was told, through its change feed, of the other processes' work."""

    def __init__(self, bus: ChangeBus) -> None:
        self._changes: list[Change] = []
        self._lock = threading.Lock()
        self.unsubscribe = bus.subscribe(self._hear)

    def _hear(self, change: Change) -> None:
        with self._lock:
            self._changes.append(change)

    def call(self, call_id: int) -> bool:
        with self._lock:
            return any(c.topic is Topic.CALLS and call_id in c.ids for c in self._changes)


def call_id_of(database: Database, number_raw: str) -> int | None:
    with database.sessions() as session:
        return session.scalar(select(Call.id).where(Call.number_raw == number_raw))


def test_the_primary_killed_the_standby_promoted_the_services_gateway_and_change_feed_reconnect(
    centre: Centre, tmp_path: Path
) -> None:
    pair, ctx, database = centre.pair, centre.ctx, centre.database
    console_url = pair.url(CONSOLE)
    # A second console: its change feed hears the gateway and the first console, before and after.
    second_db = open_database(console_url, upgrade=False)
    second = accounts.register_console(second_db, SystemClock(), ChangeBus(), "KONSOL-02", "desk-2")
    heard = Heard(second.bus)
    link = ChangeFeed(second)
    link_states: list[tuple[float, LinkState]] = []
    link.subscribe_state(lambda state: link_states.append((time.monotonic(), state)))
    link.start()
    peer = NcidPeer()
    gateway = GatewayProcess(
        console_url, [peer.url], name="GATEWAY-1", log=tmp_path / "gateway.log", spool=tmp_path / "spool"
    )
    try:
        assert peer.wait_connected(30), f"the gateway never read the NCID server:\n{gateway.output()}"
        for i in range(50):
            ring(ctx, i)
        peer.send([ncid_line(GATEWAY_CALLS[0], "SEBELUM", (12, 3, 10, 30), "POTS")])
        wait_for(lambda: call_id_of(database, GATEWAY_CALLS[0]) is not None, 15, "the gateway's first call")
        first_call = call_id_of(database, GATEWAY_CALLS[0])
        assert first_call is not None
        wait_for(lambda: heard.call(first_call), 10, "the first call heard through the change feed")
        committed = stored_numbers(database)
        assert len(committed) == 51
        # The second console's pool holds three connections to the primary when it dies.
        held = [second_db.engine.connect() for _ in range(3)]
        for connection in held:
            connection.close()
        assert second_db.engine.pool.checkedin() >= 3  # type: ignore[attr-defined]

        killed_at = time.monotonic()
        pair.kill(pair.primary)
        with pytest.raises(DatabaseUnavailable) as away:
            ring(ctx, 50)  # no server accepts writes: refused after the retries, nothing half-written
        assert away.value.reason == "lost"
        # A call rings while no server accepts writes: the gateway keeps it in its spool.
        peer.send([ncid_line(GATEWAY_CALLS[1], "SELAMA", (12, 3, 10, 31), "POTS")])
        wait_for(lambda: "storing delayed" in gateway.output(20_000), 15, "the gateway spooling")
        pair.promote(pair.standby)
        promoted_at = time.monotonic()
        promoted_wall = datetime.now(UTC)
        ring(ctx, 51)
        written_at = time.monotonic()
        # A window's write is not retried (it waits half a second, once): the pool's dead connections
        # are found at checkout (pre-ping), so a person's first action after the promotion is saved.
        ring(replace(second, write_wait_ms=500), 53)
        peer.send([ncid_line(GATEWAY_CALLS[2], "SESUDAH", (12, 3, 10, 32), "POTS")])

        assert server_port(database) == pair.standby.port
        for number_raw in GATEWAY_CALLS[1:]:
            wait_for(lambda n=number_raw: call_id_of(database, n) is not None, 15, f"{number_raw} stored")
        gateway_stored_at = time.monotonic()
        after = [call_id_of(database, n) for n in (number(51), *GATEWAY_CALLS[1:])]
        assert call_id_of(database, number(53)) is not None
        for call_id in after:
            assert call_id is not None
            wait_for(lambda c=call_id: heard.call(c), 15, f"call {call_id} heard after the promotion")
        heard_at = time.monotonic()
        assert link.state.connected
        assert any(not state.connected for _, state in link_states), "the change feed saw the loss"
        wait_for(
            lambda: gateway_heartbeat(database) > promoted_wall,
            10,
            "the gateway's heartbeat on the new primary",
        )
    finally:
        link.stop()
        heard.unsubscribe()
        gateway_code = gateway.stop()
        peer.close()
        second_db.dispose()
    assert gateway_code == 0, gateway.output()
    assert "storing again" in gateway.output(50_000)

    numbers = stored_numbers(database)
    assert numbers[:51] == committed, "every call committed before the kill is on the promoted standby"
    assert sorted(numbers[51:]) == sorted([number(51), number(53), *GATEWAY_CALLS[1:]])
    reconnected = next(at for at, state in link_states if state.connected and at > killed_at)
    print(
        f"\nfailover: kill to promoted {promoted_at - killed_at:.2f} s (the gateway seen spooling first); "
        f"promoted to the first write {written_at - promoted_at:.3f} s; "
        f"kill to the change feed connected again {reconnected - killed_at:.2f} s; "
        f"promoted to the gateway's calls stored {gateway_stored_at - promoted_at:.2f} s; "
        f"to every call heard {heard_at - promoted_at:.2f} s"
    )
    assert written_at - promoted_at < 5


def gateway_heartbeat(database: Database) -> datetime:
    with database.sessions() as session:
        beat = session.scalar(select(GatewayStatus.heartbeat_at).where(GatewayStatus.name == "GATEWAY-1"))
    return beat or datetime.min.replace(tzinfo=UTC)


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
