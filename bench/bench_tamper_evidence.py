"""What tamper evidence costs an audited write: the hash chain and the immutability triggers.

    python -m bench.bench_tamper_evidence [--runs 300] [--postgres OWNER_URL CONSOLE_URL] [--smoke]

Two fresh databases side by side, written by the console's own services in turns (A, B, A, B...):

* **with**: at head, as the console runs: every audit row chained (``before_flush``: the head read,
  on PostgreSQL ``FOR UPDATE``, and written back), the protected tables' triggers in place;
* **without**: the same schema with the chain hook removed from its sessions and the triggers of
  migration 0006 dropped (the chain's and the protected tables'; the state before item 7).

Each turn times one whole service call (session, transaction, audit rows, commit, notice):
``calls.record_signal`` (a new call ringing: frame, call, frame.call_id UPDATE, audit row),
``calls.answer_call`` (the calls UPDATE through the trigger, the incident, its note, two audit rows)
and ``incidents.update_field`` (an incident field and its audit row). Reported: p50 and p95 per kind
and the difference of the medians. SQLite files live in a temporary folder (WAL, synchronous=FULL);
PostgreSQL uses two fresh schemas made by the owner, the services running as the console role.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.clock import SystemClock
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import accounts, calls, incidents
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store import audit_chain
from dispatch.store.database import Database, open_database, sqlite_url
from dispatch.store.roles import grant_console_privileges

PASSWORD = "bench-password-112"
PROTECTED = ("calls", "feed_frames", "incident_notes", "unit_status_history", "assignments")


def _strip(database: Database) -> None:
    """The state before item 7: no chain hook, no immutability triggers."""
    event.remove(database.sessions, "before_flush", audit_chain.chain_new_entries)
    with database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_log_in_chain"))
        connection.execute(text("DROP TRIGGER audit_log_extend_chain"))
        for table in PROTECTED:
            if connection.dialect.name == "sqlite":
                connection.execute(text(f"DROP TRIGGER {table}_facts_fixed"))
                connection.execute(text(f"DROP TRIGGER {table}_no_delete"))
            else:
                connection.execute(text(f"DROP TRIGGER {table}_protect ON {table}"))
                connection.execute(text(f"DROP TRIGGER {table}_no_truncate ON {table}"))


def _log_in(database: Database, name: str) -> ServiceContext:
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), name, "bench-host")
    accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
    result = accounts.log_in(ctx, "sari", PASSWORD)
    assert result.actor is not None
    return ctx.acting_as(result.actor)


class Writer:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.count = 0
        self.catalogue = load_default_catalogue()

    def ring(self) -> int:
        self.count += 1
        number = parse_caller_number(f"0812{self.count:08d}")
        signal = CallSignal(
            SignalKind.INCOMING, "bench://", self.ctx.clock.now(), number, number.raw.encode(), line="1"
        )
        view = calls.record_signal(self.ctx.as_system(), signal)
        assert view is not None
        return view.id

    def answer(self, call_id: int) -> int:
        return calls.answer_call(self.ctx, call_id)[1].id

    def field(self, incident_id: int) -> None:
        incidents.update_field(self.ctx, incident_id, "caller_name", f"Pelapor {self.count}", self.catalogue)


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    began = time.perf_counter_ns()
    result = action()
    return (time.perf_counter_ns() - began) / 1e6, result


def run(with_: Writer, without: Writer, runs: int) -> dict[str, tuple[list[float], list[float]]]:
    kinds = ("record_signal", "answer_call", "update_field")
    times: dict[str, tuple[list[float], list[float]]] = {kind: ([], []) for kind in kinds}
    warm_up = min(20, runs)
    for index in range(runs + warm_up):
        order = ((0, with_), (1, without)) if index % 2 == 0 else ((1, without), (0, with_))
        for side, writer in order:
            t1, call_id = _timed(writer.ring)
            t2, incident_id = _timed(lambda w=writer, c=call_id: w.answer(c))  # type: ignore[misc]
            t3, _ = _timed(lambda w=writer, i=incident_id: w.field(i))  # type: ignore[misc]
            if index >= warm_up:
                for kind, value in zip(kinds, (t1, t2, t3), strict=True):
                    times[kind][side].append(value)
    return times


def report(title: str, times: dict[str, tuple[list[float], list[float]]]) -> None:
    print(f"== {title}")
    print(f"{'write':<16} {'with p50':>9} {'p95':>7} {'without p50':>12} {'p95':>7} {'cost p50':>9}")
    for kind, (on, off) in times.items():
        p95 = lambda v: statistics.quantiles(v, n=20)[18]  # noqa: E731
        cost = statistics.median(on) - statistics.median(off)
        print(
            f"{kind:<16} {statistics.median(on):9.3f} {p95(on):7.3f} {statistics.median(off):12.3f} "
            f"{p95(off):7.3f} {cost:+9.3f} ms"
        )


@contextmanager
def sqlite_pair() -> Iterator[tuple[Database, Database]]:
    with tempfile.TemporaryDirectory(prefix="bench-tamper-") as folder:
        on = open_database(sqlite_url(Path(folder) / "with.sqlite3"))
        off = open_database(sqlite_url(Path(folder) / "without.sqlite3"))
        try:
            yield on, off
        finally:
            on.dispose()
            off.dispose()


@contextmanager
def postgres_pair(owner_url: str, console_url: str) -> Iterator[tuple[Database, Database]]:
    owner = create_engine(owner_url)
    names = [f"bench_tamper_{secrets.token_hex(4)}" for _ in range(2)]
    role = str(make_url(console_url).username)
    opened: list[Database] = []
    try:
        for name in names:
            with owner.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA "{name}"'))
            option = {"options": f"-csearch_path={name}"}
            owner_schema = make_url(owner_url).update_query_dict(option).render_as_string(hide_password=False)
            open_database(owner_schema).dispose()
            schema_engine = create_engine(owner_schema)
            with schema_engine.begin() as connection:
                grant_console_privileges(connection, role)
            schema_engine.dispose()
            console = make_url(console_url).update_query_dict(option).render_as_string(hide_password=False)
            opened.append(open_database(console))
        # The owner drops the triggers of the "without" schema (the console role may not).
        stripped = opened[1]
        event.remove(stripped.sessions, "before_flush", audit_chain.chain_new_entries)
        with owner.begin() as connection:
            connection.execute(text(f'SET search_path = "{names[1]}"'))
            connection.execute(text("DROP TRIGGER audit_log_extend_chain ON audit_log"))
            for table in PROTECTED:
                connection.execute(text(f"DROP TRIGGER {table}_protect ON {table}"))
        yield opened[0], opened[1]
    finally:
        for database in opened:
            database.dispose()
        with owner.begin() as connection:
            for name in names:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        owner.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--postgres", nargs=2, metavar=("OWNER_URL", "CONSOLE_URL"))
    parser.add_argument("--smoke", action="store_true", help="a few runs, to check that it works")
    options = parser.parse_args()
    if options.smoke:
        options.runs = 5
    with sqlite_pair() as (on, off):
        _strip(off)
        times = run(Writer(_log_in(on, "BENCH-A")), Writer(_log_in(off, "BENCH-B")), options.runs)
        report(f"SQLite, {options.runs} runs of each (WAL, synchronous=FULL)", times)
    if options.postgres:
        with postgres_pair(*options.postgres) as (on, off):
            times = run(Writer(_log_in(on, "BENCH-A")), Writer(_log_in(off, "BENCH-B")), options.runs)
            report(f"PostgreSQL, {options.runs} runs of each (console role, 127.0.0.1)", times)


if __name__ == "__main__":
    main()
