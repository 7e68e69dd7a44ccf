"""A feed's storer that is behind stores the reads waiting together, in order, and loses none
(dispatch/feeds/supervisor.py ``FeedStore``; the burst of bench/bench_feeds.py is why)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.feeds.spool import Spool
from dispatch.feeds.supervisor import STORE_MAX_FRAMES, FeedStore, FeedSupervisor
from dispatch.feeds.urls import parse_feed_url
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import RejectedSignal
from tests.feeds.supervising import e164, ncid_call, number, realtime, stored_calls, stored_frames


@pytest.fixture
def live(ctx: ServiceContext) -> ServiceContext:
    return realtime(ctx)


@pytest.fixture
def store(tmp_path: Path, live: ServiceContext) -> Iterator[FeedStore]:
    supervisor = FeedSupervisor(live, [parse_feed_url("ncid://127.0.0.1:9")], tmp_path)
    feed_store = supervisor.store_of(next(iter(supervisor.health)))
    yield feed_store
    feed_store.stop()
    feed_store.close()


@pytest.fixture
def commits(live: ServiceContext) -> Iterator[list[datetime]]:
    """Every transaction committed on the console's database (SQLAlchemy's commit event)."""
    seen: list[datetime] = []

    def committed(_connection: object) -> None:
        seen.append(datetime.now(UTC))

    event.listen(live.database.engine, "commit", committed)
    yield seen
    event.remove(live.database.engine, "commit", committed)


def call_signal(feed: str, at: datetime, i: int) -> CallSignal:
    return CallSignal(SignalKind.INCOMING, feed, at, parse_caller_number(number(i)), ncid_call(i))


def test_reads_piled_up_are_stored_a_few_transactions_at_most_in_order(
    store: FeedStore, live: ServiceContext, commits: list[datetime]
) -> None:
    reads = 2 * STORE_MAX_FRAMES + 5
    at = live.clock.now()
    for i in range(reads):  # one call a read, all waiting before the storer starts (a burst)
        store.frames([call_signal(store.feed, at, i)])
    store.start()
    assert store.drain(30)
    assert [c.number_e164 for c in stored_calls(live)] == [e164(i) for i in range(reads)]
    assert [f.raw for f in stored_frames(live)] == [ncid_call(i) for i in range(reads)]
    # One transaction a read would be 45; at most STORE_MAX_FRAMES frames in each: 3.
    assert len(commits) == 3
    assert store.spool.pending_frames == 0
    assert store.stored == reads


def test_a_read_that_cannot_be_stored_holds_back_none_of_the_reads_waiting_with_it(
    store: FeedStore, live: ServiceContext
) -> None:
    at = live.clock.now()
    for i in range(10):
        signal = call_signal(store.feed, at, i)
        if i == 4:
            # Stamped without a time zone: the database layer refuses it; it goes in as rejected.
            signal = dataclasses.replace(signal, received_at=at.replace(tzinfo=None), raw=b"odd frame")
        store.frames([signal])
    store.frames([RejectedSignal(store.feed, at, b"junk", "not a caller-ID line")])
    store.start()
    assert store.drain(30)
    assert [c.number_e164 for c in stored_calls(live)] == [e164(i) for i in range(10) if i != 4]
    frames = stored_frames(live)
    assert [f.raw for f in frames] == [
        *(ncid_call(i) for i in range(4)),
        b"odd frame",
        *(ncid_call(i) for i in range(5, 10)),
        b"junk",
    ], "every frame, in the order received"
    assert frames[4].rejected_reason is not None
    assert frames[4].rejected_reason.startswith("not stored as received: ")
    assert frames[10].rejected_reason == "not a caller-ID line"
    assert store.lost_unstorable == 0


def test_the_spool_hands_out_the_oldest_reads_up_to_a_number_of_frames(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "feed.spool")
    at = datetime.now().astimezone()
    sizes = [1, 3, 2, 5, 1]
    for n, size in enumerate(sizes):
        spool.append([RejectedSignal("f", at, f"{n}.{k}".encode(), "x") for k in range(size)], at)
    try:
        assert [len(b.frames) for b in spool.heads(6)] == [1, 3, 2]
        assert [len(b.frames) for b in spool.heads(3)] == [1]
        assert [len(b.frames) for b in spool.heads(0)] == [1], "always the oldest read, however big"
        for batch in spool.heads(6):
            spool.done(batch)
        assert [len(b.frames) for b in spool.heads(6)] == [5, 1]
        assert spool.pending_frames == 6
    finally:
        spool.close()
    reopened = Spool(tmp_path / "feed.spool")
    try:
        assert reopened.pending_frames == 6, "the reads done stay done after a reopen"
    finally:
        reopened.close()
