"""Storing a read's frames in one transaction (services.feeds.store_frames): the lookups of later
frames see what earlier frames of the same transaction did, the rows are those of storing one frame a
transaction, and a new call costs four statements (the storer's cost during a burst, issue 9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, text

from dispatch.domain.clock import ManualClock
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import accounts, calls, feeds
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import Received, RejectedSignal
from dispatch.store import audit_chain
from dispatch.store.database import Database, open_database, sqlite_url
from tests.conftest import START

NCID = "ncid://127.0.0.1:3333"
AMI = "ami://127.0.0.1:5038"


def signal(
    kind: SignalKind, seconds: int, number: str, feed: str = NCID, call_id: str | None = None
) -> CallSignal:
    line = "POTS" if call_id is None else None
    raw = f"{kind.value} {number} {seconds}".encode()
    return CallSignal(
        kind,
        feed,
        START + timedelta(seconds=seconds),
        parse_caller_number(number),
        raw,
        line,
        "PELAPOR",
        call_id,
    )


def a_read() -> list[Received]:
    """Every path of a frame, several about the same call, in one read."""
    a, b, c = "081234500001", "081234500002", "081234500003"
    return [
        signal(SignalKind.INCOMING, 0, a),
        signal(SignalKind.INCOMING, 1, a),  # the same caller-ID block again: the same call
        signal(SignalKind.ANSWERED, 2, a),
        signal(SignalKind.ENDED, 3, a),
        signal(SignalKind.INCOMING, 4, a),  # the caller rings again: a new call, not the ended one
        signal(SignalKind.INCOMING, 5, b),
        RejectedSignal(NCID, START + timedelta(seconds=5), b"junk", "not a CID line"),
        signal(SignalKind.ENDED, 6, b),  # never answered: abandoned, queued for calling back
        signal(SignalKind.RING, 7, c, AMI, "1700000000.1"),
        signal(SignalKind.ANSWERED, 8, c, AMI, "1700000000.1"),
        signal(SignalKind.ENDED, 9, "081234500009"),  # no such call: the frame alone
    ]


@pytest.fixture
def consoles(tmp_path: Path) -> Iterator[tuple[ServiceContext, ServiceContext]]:
    """Two fresh databases, each with the console registered at the same moment."""
    databases: list[Database] = []
    contexts = []
    for name in ("together", "one-by-one"):
        database = open_database(sqlite_url(tmp_path / f"{name}.sqlite3"))
        databases.append(database)
        contexts.append(
            accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-01", "host")
        )
    yield contexts[0], contexts[1]
    for database in databases:
        database.dispose()


def rows(ctx: ServiceContext) -> dict[str, list[tuple[object, ...]]]:
    with ctx.database.engine.connect() as connection:
        return {
            table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in ("calls", "feed_frames", "audit_log", "audit_chain_head", "callbacks")
        }


def test_frames_stored_together_see_what_the_earlier_frames_did_and_store_what_one_by_one_stores(
    consoles: tuple[ServiceContext, ServiceContext],
) -> None:
    together, one_by_one = consoles
    views = feeds.store_frames(together, a_read())
    for frame in a_read():
        if isinstance(frame, CallSignal):
            calls.record_signal(one_by_one.as_system(), frame)
        else:
            calls.record_rejected_frame(
                one_by_one.as_system(), frame.feed, frame.raw, frame.reason, frame.received_at
            )

    stored = rows(together)
    assert stored == rows(one_by_one)
    states = [(row[4], row[9], row[13]) for row in stored["calls"]]  # number_raw, state, classification
    assert states == [
        ("081234500001", "ended", None),
        ("081234500001", "ringing", None),
        ("081234500002", "ended", "abandoned"),
        ("081234500003", "answered", None),
    ]
    assert [row[6] for row in stored["feed_frames"]] == [1, 1, 1, 1, 2, 3, None, 3, 4, 4, None]
    assert [view.id if view else None for view in views] == [1, 1, 1, 1, 2, 3, None, 3, 4, 4, None]
    assert len(stored["callbacks"]) == 1
    with together.database.engine.connect() as connection:
        assert audit_chain.verify(connection).intact


def test_a_new_call_in_a_read_costs_four_statements(consoles: tuple[ServiceContext, ServiceContext]) -> None:
    ctx = consoles[0]
    reads = [signal(SignalKind.INCOMING, i, f"0812345{i:05d}") for i in range(20)]
    statements: list[str] = []

    def executed(*args: object) -> None:
        statements.append(str(args[2]).split("\n")[0][:60])

    event.listen(ctx.database.engine, "before_cursor_execute", executed)
    try:
        feeds.store_frames(ctx, reads)
    finally:
        event.remove(ctx.database.engine, "before_cursor_execute", executed)
    # Per call: the lookup, the call, its frame (inserted once, with its call), its audit row.
    # Per read: the busy timeout, BEGIN, the chain's head. Storing with ORM objects took five a call.
    assert len(statements) <= 4 * len(reads) + 3, "\n".join(statements)
    assert len(rows(ctx)["audit_log"]) - 1 == len(reads)  # and the console's registration
