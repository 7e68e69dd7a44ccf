"""Helpers of the change feed's tests: consoles of one PostgreSQL schema, and what a bus heard."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import count
from typing import Any

import psycopg
from sqlalchemy import create_engine

from dispatch.domain.clock import Clock
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.change_feed import ChangeFeed, LinkState
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database, open_database
from tests.services.support import signal

_call_ids = count(1)


@dataclass
class Console:
    """One process's context: its own engine and bus, as a second console would have."""

    database: Database
    ctx: ServiceContext

    @property
    def bus(self) -> ChangeBus:
        return self.ctx.bus


@contextmanager
def console(url: str, clock: Clock, name: str) -> Iterator[Console]:
    database = open_database(url, upgrade=False)
    try:
        ctx = accounts.register_console(database, clock, ChangeBus(), name, "test-host")
        yield Console(database, ctx.as_system())
    finally:
        database.dispose()


@contextmanager
def running(feed: ChangeFeed) -> Iterator[ChangeFeed]:
    feed.start()
    try:
        yield feed
    finally:
        feed.stop()


def ring(ctx: ServiceContext, at: datetime) -> int:
    """One call rung through the services (one unit of work, one change event); its id."""
    incoming = signal(SignalKind.INCOMING, at, call_id=f"feed-test-{next(_call_ids)}")
    view = calls.record_signal(ctx, incoming)
    assert view is not None
    return view.id


class Heard:
    """What a bus (and a feed's link) published, in order, with when; waited for with a deadline."""

    def __init__(self, bus: ChangeBus, feed: ChangeFeed | None = None) -> None:
        self.log: list[tuple[float, Change | LinkState]] = []
        self._ready = threading.Condition()
        bus.subscribe(self._add)
        if feed is not None:
            feed.subscribe_state(self._add)

    def _add(self, item: Change | LinkState) -> None:
        with self._ready:
            self.log.append((time.monotonic(), item))
            self._ready.notify_all()

    def wait_for(self, done: Callable[[Heard], bool], timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._ready:
            while not done(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._ready.wait(left)
            return True

    @property
    def changes(self) -> list[Change]:
        with self._ready:
            return [item for _, item in self.log if isinstance(item, Change)]

    @property
    def states(self) -> list[LinkState]:
        with self._ready:
            return [item for _, item in self.log if isinstance(item, LinkState)]

    def call_ids(self) -> list[int]:
        return [i for change in self.changes if change.topic is Topic.CALLS for i in change.ids]

    def when(self, call_id: int) -> float:
        with self._ready:
            return next(
                at
                for at, item in self.log
                if isinstance(item, Change) and item.topic is Topic.CALLS and call_id in item.ids
            )


def raw_connection(url: str) -> psycopg.Connection[tuple[Any, ...]]:
    """An autocommit psycopg connection of ``url`` (a SQLAlchemy URL), in the URL's schema."""
    engine = create_engine(url)
    try:
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
    finally:
        engine.dispose()
    return psycopg.connect(*cargs, **cparams, autocommit=True)
