"""The change feed on a real PostgreSQL server: consoles hear each other's changes and lose none.

Each test works in a schema of its own, as the consoles' role; a "console" is a context with its own
engine and bus, as a second process would have (``change_feed_support.console``).
"""

from __future__ import annotations

import logging
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from dispatch.domain.clock import ManualClock, SystemClock
from dispatch.domain.codes import AuditAction
from dispatch.services import accounts
from dispatch.services.bus import Change, ChangeBus, Topic, decode_changes
from dispatch.services.change_feed import ChangeFeed, LinkState, latest_seq, prune_change_events
from dispatch.store.database import open_database, sqlite_url
from tests.conftest import START
from tests.services.change_feed_support import Heard, console, raw_connection, ring, running
from tests.services.support import audit_since, last_audit_id
from tests.store.postgres import Schema, migrated_schema, server


@pytest.fixture
def schema() -> Iterator[Schema]:
    with migrated_schema(server()) as found:
        yield found


def _events(schema: Schema) -> list[tuple[int, str, str]]:
    with raw_connection(schema.console_url) as connection:
        rows = connection.execute("SELECT seq, origin, changes FROM change_events ORDER BY seq").fetchall()
    return [(int(seq), str(origin), str(changes)) for seq, origin, changes in rows]


def _calls_in_seq_order(schema: Schema) -> list[int]:
    return [
        i
        for _, _, text in _events(schema)
        for change in decode_changes(text)
        if change.topic is Topic.CALLS
        for i in change.ids
    ]


def _has_call(call_id: int) -> Callable[[Heard], bool]:
    return lambda heard: call_id in heard.call_ids()


def _terminate(schema: Schema, pid: int) -> None:
    # As the consoles' role: a role may end its own sessions; the owner may not end the consoles'
    # (it is neither a member of their role nor of pg_signal_backend).
    with raw_connection(schema.console_url) as connection:
        row = connection.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()
    assert row == (True,)


@pytest.mark.postgres
def test_only_postgresql_is_supported(schema: Schema, tmp_path: Path) -> None:
    sqlite = open_database(sqlite_url(tmp_path / "one.sqlite3"))
    postgres = open_database(schema.console_url, upgrade=False)
    try:
        assert not ChangeFeed.supported(sqlite)
        assert ChangeFeed.supported(postgres)
        ctx = accounts.register_console(sqlite, SystemClock(), ChangeBus(), "KONSOL-01", "test-host")
        with pytest.raises(ValueError, match="PostgreSQL"):
            ChangeFeed(ctx).start()
    finally:
        sqlite.dispose()
        postgres.dispose()


@pytest.mark.postgres
def test_events_are_numbered_in_commit_order_without_gaps(schema: Schema) -> None:
    writers, per_writer = 6, 25
    clock = SystemClock()
    with (
        console(schema.console_url, clock, "KONSOL-01") as writer,
        console(schema.console_url, clock, "KONSOL-02") as reader,
    ):
        feed = ChangeFeed(reader.ctx)
        heard = Heard(reader.bus)
        barrier = threading.Barrier(writers)
        rung: list[int] = []
        failures: list[BaseException] = []
        done = threading.Event()
        snapshots: list[tuple[int, int, int]] = []

        def write() -> None:
            try:
                barrier.wait(timeout=10)
                for _ in range(per_writer):
                    rung.append(ring(writer.ctx, clock.now()))
            except BaseException as error:
                failures.append(error)

        def watch() -> None:
            # Every snapshot a reader can take holds events 1..N and nothing after a missing number:
            # count == max == the head, whatever the writers are doing.
            with raw_connection(schema.console_url) as connection:
                while not done.is_set():
                    row = connection.execute(
                        "SELECT (SELECT seq FROM change_event_head WHERE id = 1), count(*), "
                        "coalesce(max(seq), 0) FROM change_events"
                    ).fetchone()
                    assert row is not None
                    snapshots.append((int(row[0]), int(row[1]), int(row[2])))

        with running(feed):
            watcher = threading.Thread(target=watch)
            watcher.start()
            threads = [threading.Thread(target=write) for _ in range(writers)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            done.set()
            watcher.join(timeout=10)
            assert not failures
            total = writers * per_writer
            assert heard.wait_for(lambda h: len(h.call_ids()) >= total)

        assert [seq for seq, _, _ in _events(schema)] == list(range(1, total + 1))
        in_seq_order = _calls_in_seq_order(schema)
        assert sorted(in_seq_order) == sorted(rung)
        # The other console heard every call once, in the order of the events' numbers.
        assert heard.call_ids() == in_seq_order
        assert len(snapshots) > 20
        assert all(head == n == top for head, n, top in snapshots), [s for s in snapshots if len(set(s)) > 1]
        assert feed.last_seq == total


@pytest.mark.postgres
def test_a_change_at_one_console_is_published_at_the_other_and_not_twice_at_its_own(schema: Schema) -> None:
    clock = SystemClock()
    with (
        console(schema.console_url, clock, "KONSOL-01") as one,
        console(schema.console_url, clock, "KONSOL-02") as two,
    ):
        feed_one, feed_two = ChangeFeed(one.ctx), ChangeFeed(two.ctx)
        heard_one, heard_two = Heard(one.bus, feed_one), Heard(two.bus, feed_two)
        with running(feed_one), running(feed_two):
            assert heard_two.wait_for(lambda _: feed_two.state.connected)
            assert heard_one.wait_for(lambda _: feed_one.state.connected)
            for _ in range(5):
                started = time.monotonic()
                call_id = ring(one.ctx, clock.now())
                assert heard_two.wait_for(_has_call(call_id), timeout=0.2)
                assert heard_two.when(call_id) - started < 0.2
            assert Change(Topic.FEED) in heard_two.changes

            own = ring(two.ctx, clock.now())
            own_seq = latest_seq(two.ctx)
            assert heard_one.wait_for(lambda h: own in h.call_ids())
            # The other console's next event comes after this one: once it is heard, the feed has
            # read (and skipped) the console's own.
            later = ring(one.ctx, clock.now())
            assert heard_two.wait_for(lambda h: later in h.call_ids())
            assert feed_two.last_seq > own_seq
            assert heard_two.call_ids().count(own) == 1  # from its own unit of work only
            assert heard_one.call_ids().count(own) == 1


@pytest.mark.postgres
def test_a_killed_listening_connection_loses_none_of_50_events(schema: Schema) -> None:
    clock = SystemClock()
    with (
        console(schema.console_url, clock, "KONSOL-01") as writer,
        console(schema.console_url, clock, "KONSOL-02") as reader,
    ):
        # A pause before reconnecting long enough for some calls to be committed meanwhile (how many
        # depends on the machine's load: the checks below do not count on all 40).
        feed = ChangeFeed(reader.ctx, backoff=(1.0,))
        heard = Heard(reader.bus, feed)
        with running(feed):
            assert heard.wait_for(lambda h: any(s.connected for s in h.states))
            first_pid = feed.backend_pid
            assert first_pid is not None
            rung = [ring(writer.ctx, clock.now()) for _ in range(10)]
            assert heard.wait_for(lambda h: h.call_ids() == rung)

            _terminate(schema, first_pid)
            assert heard.wait_for(lambda h: not h.states[-1].connected)
            during = [ring(writer.ctx, clock.now()) for _ in range(40)]
            rung += during
            assert heard.wait_for(lambda h: h.call_ids() == rung and h.states[-1].connected)

        assert heard.call_ids() == rung  # all 50, in order, none twice
        assert [s.connected for s in heard.states] == [True, False, True]
        lost, back = heard.states[1], heard.states[2]
        assert (lost.attempt, lost.retry_in) == (0, 1.0)
        assert lost.detail
        assert back.retry_in is None
        assert 10 < back.last_seq <= 50  # some of those rung meanwhile read before it said so
        assert back.since >= lost.since
        assert feed.backend_pid != first_pid or feed.backend_pid is None
        # Those rung while the link was down were read after it came back, before it said so.
        log = [item for _, item in heard.log]
        lost_at, back_at = log.index(lost), log.index(back)
        caught_up = [
            i
            for item in log[lost_at:back_at]
            if isinstance(item, Change) and item.topic is Topic.CALLS
            for i in item.ids
        ]
        assert caught_up
        assert caught_up == during[: len(caught_up)]


@pytest.mark.postgres
def test_a_database_behind_the_feed_after_reconnecting_reloads_and_goes_on_from_its_newest(
    schema: Schema,
) -> None:
    clock = SystemClock()
    with (
        console(schema.console_url, clock, "KONSOL-01") as writer,
        console(schema.console_url, clock, "KONSOL-02") as reader,
    ):
        feed = ChangeFeed(reader.ctx, backoff=(0.3,))
        heard = Heard(reader.bus, feed)
        with running(feed):
            assert heard.wait_for(lambda h: any(s.connected for s in h.states))
            rung = [ring(writer.ctx, clock.now()) for _ in range(5)]
            assert heard.wait_for(lambda h: h.call_ids() == rung)
            pid = feed.backend_pid
            assert pid is not None
            _terminate(schema, pid)
            assert heard.wait_for(lambda h: not h.states[-1].connected)
            # As if a standby without the last three commits had been promoted meanwhile.
            with raw_connection(schema.console_url) as connection, connection.transaction():
                connection.execute("DELETE FROM change_events WHERE seq > 2")
                connection.execute("UPDATE change_event_head SET seq = 2 WHERE id = 1")
            assert heard.wait_for(lambda h: h.states[-1].connected)
            log = [item for _, item in heard.log]
            assert log[-1 - len(Topic) :] == [*(Change(topic) for topic in Topic), heard.states[-1]]
            after = ring(writer.ctx, clock.now())  # number 3 again, the first after the server's newest
            assert heard.wait_for(_has_call(after))
        assert heard.call_ids() == [*rung, after]
        assert feed.last_seq == 3


@pytest.mark.postgres
def test_the_slow_poll_finds_an_event_never_notified(schema: Schema) -> None:
    clock = SystemClock()
    with console(schema.console_url, clock, "KONSOL-02") as reader:
        feed = ChangeFeed(reader.ctx, poll_seconds=0.3)
        heard = Heard(reader.bus, feed)
        with running(feed):
            assert heard.wait_for(lambda h: any(s.connected for s in h.states))
            with raw_connection(schema.console_url) as connection, connection.transaction():
                row = connection.execute(
                    "UPDATE change_event_head SET seq = seq + 1 WHERE id = 1 RETURNING seq"
                ).fetchone()
                assert row is not None
                connection.execute(
                    "INSERT INTO change_events (seq, at, console_id, origin, changes) "
                    "VALUES (%s, now(), NULL, 'by-hand', '[[\"units\",[7]]]')",
                    (row[0],),
                )
            written = time.monotonic()
            assert heard.wait_for(lambda h: Change(Topic.UNITS, (7,)) in h.changes, timeout=2.0)
            assert feed.last_seq == 1
        assert time.monotonic() - written < 1.0


@pytest.mark.postgres
def test_events_pruned_past_last_seq_reload_every_topic(schema: Schema) -> None:
    clock = ManualClock(START)
    with (
        console(schema.console_url, clock, "KONSOL-01") as writer,
        console(schema.console_url, clock, "KONSOL-02") as reader,
    ):
        feed = ChangeFeed(reader.ctx)
        heard = Heard(reader.bus)
        with running(feed):
            pass  # last_seq 0; the console is then away
        assert feed.last_seq == 0
        old = [ring(writer.ctx, clock.now()) for _ in range(4)]
        clock.advance(2 * 3600)
        kept = ring(writer.ctx, clock.now())
        assert prune_change_events(writer.ctx, timedelta(hours=1)) == 4

        assert feed.catch_up() == 1
        assert heard.changes[: len(Topic)] == [Change(topic) for topic in Topic]
        assert heard.call_ids() == [kept]
        assert not set(old) & set(heard.call_ids())
        assert feed.last_seq == 5
        assert feed.catch_up() == 0


@pytest.mark.postgres
def test_pruning_keeps_the_newest_and_is_audited(schema: Schema) -> None:
    clock = ManualClock(START)
    with console(schema.console_url, clock, "KONSOL-01") as writer:
        for _ in range(3):
            ring(writer.ctx, clock.now())
        clock.advance(2 * 3600)
        ring(writer.ctx, clock.now())
        ring(writer.ctx, clock.now())
        before = last_audit_id(writer.database)

        # The consoles' role prunes (DELETE on change_events is granted to it, and nothing else is).
        assert prune_change_events(writer.ctx, timedelta(hours=1)) == 3
        rows = audit_since(writer.database, before)
        assert [row.action for row in rows] == [AuditAction.CHANGE_EVENTS_PRUNE.value]
        assert rows[0].console_name == "KONSOL-01"
        assert '"count": 3' in (rows[0].detail or "")
        assert (START + timedelta(hours=1)).isoformat() in (rows[0].detail or "")
        assert [seq for seq, _, _ in _events(schema)] == [4, 5]

        clock.advance(5 * 3600)
        assert prune_change_events(writer.ctx, timedelta(hours=1)) == 1  # all old: the newest stays
        assert [seq for seq, _, _ in _events(schema)] == [5]
        before = last_audit_id(writer.database)
        assert prune_change_events(writer.ctx, timedelta(hours=1)) == 0
        assert audit_since(writer.database, before) == []  # nothing removed, nothing recorded
        assert latest_seq(writer.ctx) == 5


def test_pruning_a_sqlite_database_removes_nothing(tmp_path: Path) -> None:
    database = open_database(sqlite_url(tmp_path / "one.sqlite3"))
    try:
        ctx = accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-01", "h")
        assert prune_change_events(ctx, timedelta(0)) == 0
        assert latest_seq(ctx) == 0
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_failing_listener_is_logged_reported_and_the_feed_goes_on(
    schema: Schema, caplog: pytest.LogCaptureFixture
) -> None:
    clock = SystemClock()
    with (
        console(schema.console_url, clock, "KONSOL-01") as writer,
        console(schema.console_url, clock, "KONSOL-02") as reader,
    ):
        feed = ChangeFeed(reader.ctx, backoff=(0.05,))
        heard = Heard(reader.bus, feed)
        failed: list[int] = []

        def defect(change: Change) -> None:
            if change.topic is Topic.CALLS and not failed:
                failed.extend(change.ids)
                raise RuntimeError("a listener's defect")

        reader.bus.subscribe(defect)
        with caplog.at_level(logging.ERROR, logger="dispatch.services.change_feed"), running(feed):
            assert heard.wait_for(lambda h: any(s.connected for s in h.states))
            first = ring(writer.ctx, clock.now())
            assert heard.wait_for(lambda h: [s.connected for s in h.states] == [True, False, True])
            second = ring(writer.ctx, clock.now())
            assert heard.wait_for(lambda h: second in h.call_ids())
        assert failed == [first]
        assert "a listener's defect" in heard.states[1].detail
        assert heard.call_ids() == [first, second]  # the failed event is not published again
        assert any("unexpected failure" in r.message and r.exc_info for r in caplog.records)


@pytest.mark.postgres
def test_stop_returns_within_a_second_connected_or_waiting_to_reconnect(schema: Schema) -> None:
    clock = SystemClock()
    with console(schema.console_url, clock, "KONSOL-02") as reader:
        feed = ChangeFeed(reader.ctx)
        heard = Heard(reader.bus, feed)
        feed.start()
        assert heard.wait_for(lambda h: any(s.connected for s in h.states))
        started = time.monotonic()
        feed.stop()
        assert time.monotonic() - started < 1.0
        assert feed.backend_pid is None  # the thread has left its connection
        feed.stop()  # idempotent

        waiting = ChangeFeed(reader.ctx, backoff=(30.0,))
        heard = Heard(reader.bus, waiting)
        waiting.start()
        assert heard.wait_for(lambda h: any(s.connected for s in h.states))
        pid = waiting.backend_pid
        assert pid is not None
        _terminate(schema, pid)
        assert heard.wait_for(
            lambda h: (
                h.states[-1]
                == LinkState(
                    connected=False,
                    since=h.states[-1].since,
                    detail=h.states[-1].detail,
                    attempt=0,
                    retry_in=30.0,
                    last_seq=0,
                )
            )
        )
        started = time.monotonic()
        waiting.stop()
        assert time.monotonic() - started < 1.0


@pytest.mark.postgres
def test_notify_to_publish_latency_in_a_burst(schema: Schema) -> None:
    writers, per_writer = 4, 75
    clock = SystemClock()
    with (
        console(schema.console_url, clock, "KONSOL-01") as writer,
        console(schema.console_url, clock, "KONSOL-02") as reader,
    ):
        feed = ChangeFeed(reader.ctx)
        committed, heard = Heard(writer.bus), Heard(reader.bus, feed)
        with running(feed):
            assert heard.wait_for(lambda h: any(s.connected for s in h.states))
            threads = [
                threading.Thread(target=lambda: [ring(writer.ctx, clock.now()) for _ in range(per_writer)])
                for _ in range(writers)
            ]
            burst = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            took = time.monotonic() - burst
            total = writers * per_writer
            assert heard.wait_for(lambda h: len(h.call_ids()) == total)
        # From the writer's publish (just after its commit, where the NOTIFY is delivered) to the
        # other console's publish.
        delays = sorted(heard.when(i) - committed.when(i) for i in committed.call_ids())
        p50 = statistics.median(delays)
        p99 = delays[int(0.99 * (len(delays) - 1))]
        print(
            f"\n{total} events in {took:.2f} s: NOTIFY to publish p50 {p50 * 1000:.1f} ms, "
            f"p99 {p99 * 1000:.1f} ms, max {delays[-1] * 1000:.1f} ms"
        )
        assert p99 < 0.2
