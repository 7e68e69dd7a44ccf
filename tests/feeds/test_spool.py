"""The spool: frames not yet stored survive the console, in order, and are stored at its next start."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Presentation
from dispatch.domain.phone import CallerNumber, parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.feeds.spool import Spool, spool_files, spool_path
from dispatch.feeds.supervisor import FeedSupervisor
from dispatch.feeds.urls import parse_feed_url
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import RejectedSignal
from dispatch.store.database import sqlite_url
from tests.feeds.peers import ScriptedServer, TcpScript
from tests.feeds.supervising import NCID_START, e164, ncid_call, stored_calls, stored_frames, wait_for

FEED = "ncid://192.0.2.1:3333"


def _signal(clock: ManualClock, i: int) -> CallSignal:
    number = f"08123{i:07d}"
    return CallSignal(
        SignalKind.INCOMING,
        FEED,
        clock.now(),
        parse_caller_number(number),
        ncid_call(i),
        "POTS",
        f"P {i}",
        None,
    )


def test_a_spool_keeps_pending_reads_in_order_across_a_reopen(tmp_path: Path, clock: ManualClock) -> None:
    path = spool_path(tmp_path, FEED)
    spool = Spool(path)
    rejected = RejectedSignal(FEED, clock.now(), b"\x00\xffjunk", "not an NCID line")
    assert spool.append([_signal(clock, 0), rejected], clock.now())
    assert spool.append([_signal(clock, 1)], clock.now())
    assert spool.append([_signal(clock, 2)], clock.now())
    first = spool.head()
    assert first is not None
    spool.done(first)
    spool.close()

    reopened = Spool(path)
    assert reopened.recovered == 2
    assert reopened.pending_frames == 2
    batch = reopened.head()
    assert batch is not None
    assert batch.frames == [_signal(clock, 1)], "equal after the round trip, time zone included"
    reopened.done(batch)
    last = reopened.head()
    assert last is not None
    assert last.frames == [_signal(clock, 2)]
    reopened.done(last)
    assert path.stat().st_size == 0, "an empty spool is an empty file"
    reopened.close()


def test_a_read_cut_short_by_a_crash_is_dropped_and_the_rest_kept(tmp_path: Path, clock: ManualClock) -> None:
    path = spool_path(tmp_path, FEED)
    spool = Spool(path)
    spool.append([_signal(clock, 0)], clock.now())
    spool.close()
    with open(path, "ab") as cut:
        cut.write(b'{"b":2,"f":[{"t":"s","kind":"inc')  # the process died mid-write
    reopened = Spool(path)
    assert reopened.pending_frames == 1
    reopened.append([_signal(clock, 3)], clock.now())
    reopened.close()
    lines = path.read_bytes().splitlines()
    assert [json.loads(line)["b"] for line in lines] == [1, 2], "the cut line is gone, not glued to"


def test_a_full_spool_counts_the_frames_it_loses(tmp_path: Path, clock: ManualClock) -> None:
    spool = Spool(spool_path(tmp_path, FEED), max_frames=2)
    assert spool.append([_signal(clock, 0), _signal(clock, 1)], clock.now())
    assert not spool.append([_signal(clock, 2)], clock.now())
    assert spool.lost == 1
    assert spool.first_lost_at == clock.now()
    spool.close()


CHILD = """
import sys, time
from pathlib import Path
from dispatch.domain.clock import SystemClock
from dispatch.feeds.supervisor import FeedSupervisor
from dispatch.feeds.urls import parse_feed_url
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.store.database import open_database

database = open_database(sys.argv[1])
ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-02", "child")
supervisor = FeedSupervisor(ctx, [parse_feed_url(sys.argv[2])], Path(sys.argv[3]))
supervisor.start()
print("started", flush=True)
time.sleep(600)
"""


def _spooled_batches(folder: Path) -> int:
    return sum(len(path.read_bytes().splitlines()) for path in spool_files(folder))


@pytest.mark.slow
def test_a_spool_left_by_a_killed_process_is_stored_at_the_next_start(
    tmp_path: Path, ctx: ServiceContext, db_path: Path
) -> None:
    calls = 5
    steps: list[tuple[str, object]] = [("send", NCID_START), ("wait", 1.0)]
    for i in range(calls):
        steps += [("send", ncid_call(i)), ("wait", 0.1)]
    server = ScriptedServer([TcpScript(steps)])
    url = f"ncid://127.0.0.1:{server.port}"
    spool_dir = tmp_path / "spool"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, sqlite_url(db_path), url, str(spool_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    lock = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "started"
        lock.execute("BEGIN IMMEDIATE")  # another console's long write: nothing can be stored
        wait_for(lambda: _spooled_batches(spool_dir) >= calls, what="every call spooled")
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
        lock.execute("COMMIT")
        lock.close()
        server.close()
    assert stored_calls(ctx) == [], "nothing was stored before the kill"

    # The next start: the feed is down now (its server is gone); its spool is stored all the same.
    supervisor = FeedSupervisor(ctx, [parse_feed_url(url)], spool_dir)
    supervisor.start(watch=False)
    try:
        feed = next(iter(supervisor.health))
        assert supervisor.store_of(feed).drain(30)
    finally:
        supervisor.stop()
    assert [c.number_e164 for c in stored_calls(ctx)] == [e164(i) for i in range(calls)]
    assert [f.raw for f in stored_frames(ctx)] == [ncid_call(i) for i in range(calls)]
    assert all(path.stat().st_size == 0 for path in spool_files(spool_dir))


def test_a_spool_of_a_feed_no_longer_configured_is_stored_too(
    tmp_path: Path, ctx: ServiceContext, clock: ManualClock
) -> None:
    spool = Spool(spool_path(tmp_path, FEED))
    spool.append([_signal(clock, 7)], clock.now())
    clock.advance(timedelta(seconds=1).total_seconds())
    spool.append([_signal(clock, 8)], clock.now())
    spool.close()
    supervisor = FeedSupervisor(ctx, [], tmp_path)
    assert supervisor.health == {}, "not shown as a feed"
    supervisor.start(watch=False)
    try:
        wait_for(lambda: len(stored_calls(ctx)) == 2)
    finally:
        supervisor.stop()
    assert [c.number_e164 for c in stored_calls(ctx)] == [e164(7), e164(8)]


_texts = st.text(max_size=40)
_frames = st.one_of(
    st.builds(
        RejectedSignal,
        feed=st.just(FEED),
        received_at=st.datetimes(timezones=st.just(UTC)),
        raw=st.binary(max_size=200),
        reason=_texts,
    ),
    st.builds(
        CallSignal,
        kind=st.sampled_from(SignalKind),
        feed=st.just(FEED),
        received_at=st.datetimes(timezones=st.just(UTC)),
        number=st.builds(
            CallerNumber,
            raw=_texts,
            e164=st.one_of(st.none(), _texts),
            presentation=st.sampled_from(Presentation),
            description=_texts,
        ),
        raw=st.binary(max_size=200),
        line=st.one_of(st.none(), _texts),
        name=st.one_of(st.none(), _texts),
        call_id=st.one_of(st.none(), _texts),
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    reads=st.lists(st.lists(_frames, min_size=1, max_size=4), min_size=1, max_size=5), done=st.integers(0, 5)
)
def test_any_frames_come_back_from_the_spool_as_they_went_in(
    tmp_path_factory: pytest.TempPathFactory, reads: list[list[CallSignal | RejectedSignal]], done: int
) -> None:
    folder = tmp_path_factory.mktemp("spool")
    spool = Spool(spool_path(folder, FEED))
    for read in reads:
        assert spool.append(read, datetime.now(UTC))
    for _ in range(min(done, len(reads))):
        head = spool.head()
        assert head is not None
        spool.done(head)
    spool.close()
    reopened = Spool(spool_path(folder, FEED))
    back = []
    while (head := reopened.head()) is not None:
        back.append(head.frames)
        reopened.done(head)
    reopened.close()
    assert back == reads[min(done, len(reads)) :]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.binary(max_size=300))
def test_whatever_follows_in_a_spool_file_never_stops_the_console_loading_it(
    tmp_path_factory: pytest.TempPathFactory, tail: bytes
) -> None:
    folder = tmp_path_factory.mktemp("spool")
    path = spool_path(folder, FEED)
    clock = ManualClock(datetime(2026, 11, 27, 5, tzinfo=UTC))
    spool = Spool(path)
    spool.append([_signal(clock, 1)], clock.now())
    spool.close()
    with open(path, "ab") as damaged:
        damaged.write(tail)
    reopened = Spool(path)
    head = reopened.head()
    assert head is not None
    assert head.frames[0] == _signal(clock, 1), "the good read before the damage is kept"
    reopened.close()
