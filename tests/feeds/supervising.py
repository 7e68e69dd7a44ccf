"""Shared pieces of the supervision tests: a paced NCID server, waiting, reading what was stored."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from dispatch.domain.clock import SystemClock
from dispatch.feeds.runner import Backoff
from dispatch.feeds.supervisor import FeedAlarm, FeedSupervisor
from dispatch.feeds.urls import parse_feed_url
from dispatch.services.context import ServiceContext
from dispatch.store.tables import Alert, Call, FeedFrame
from tests.feeds.peers import ScriptedServer, TcpScript

NCID_START = b"200 Server: ncidd (NCID) 1.13\n210 API: 1.12\n300 End of connection startup\n"


def wait_for(condition: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met in {timeout} s")
        time.sleep(0.02)


def number(i: int) -> str:
    """The i-th caller's number, national form (all valid Telkomsel mobiles)."""
    return f"08123{i:07d}"


def e164(i: int) -> str:
    return "+62" + number(i)[1:]


def ncid_call(i: int) -> bytes:
    return f"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*{number(i)}*MESG*NONE*NAME*PELAPOR {i}*\n".encode()


def paced_ncid_server(count: int, per_second: float, first_wait: float = 0.3) -> ScriptedServer:
    """An NCID server that sends ``count`` calls, ``per_second`` of them a second, over TCP."""
    steps: list[tuple[str, object]] = [("send", NCID_START), ("wait", first_wait)]
    for i in range(count):
        steps += [("send", ncid_call(i)), ("wait", 1.0 / per_second)]
    return ScriptedServer([TcpScript(steps)])


def realtime(ctx: ServiceContext) -> ServiceContext:
    """``ctx`` on the system clock: these tests measure real seconds against a real database."""
    return dataclasses.replace(ctx, clock=SystemClock())


def supervisor_for(ctx: ServiceContext, url: str, spool_dir: Path, **options: object) -> FeedSupervisor:
    return FeedSupervisor(
        ctx,
        [parse_feed_url(url)],
        spool_dir,
        backoff=lambda: Backoff(first=0.1, longest=0.4),
        **options,  # type: ignore[arg-type]
    )


def stored_calls(ctx: ServiceContext) -> list[Call]:
    with ctx.database.sessions() as session:
        return list(session.scalars(select(Call).order_by(Call.id)))


def stored_frames(ctx: ServiceContext) -> list[FeedFrame]:
    with ctx.database.sessions() as session:
        return list(session.scalars(select(FeedFrame).order_by(FeedFrame.id)))


def stored_alerts(ctx: ServiceContext) -> list[Alert]:
    with ctx.database.sessions() as session:
        return list(session.scalars(select(Alert).order_by(Alert.id)))


def count_calls(ctx: ServiceContext) -> int:
    try:
        return len(stored_calls(ctx))
    except Exception:  # the database is away in these tests; the caller waits on
        return -1


class AlarmLog:
    """Every alarm the supervisor held, seen from its listener (what the window would show)."""

    def __init__(self, supervisor: FeedSupervisor) -> None:
        self.seen: list[FeedAlarm] = []
        self.delayed_health = 0
        self._supervisor = supervisor
        supervisor.subscribe(self._changed)

    def _changed(self) -> None:
        for alarm in self._supervisor.alarms:
            if alarm not in self.seen:
                self.seen.append(alarm)
        if any(h.delayed for h in self._supervisor.health.values()):
            self.delayed_health += 1

    def kinds(self) -> list[str]:
        return [alarm.kind.value for alarm in self.seen]
