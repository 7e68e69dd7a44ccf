"""Benchmark of handset positions (AML) by SMS: the modem's new-message line to the position on the incident.

    python -m bench.bench_aml [--messages 200] [--gap-ms 20] [--modem-ms 0] [--json out.json] [--smoke]

A scripted GSM modem (``tests/feeds/modem_script.py``) answers AT commands on the device side of a
socat pty pair; the console side is the feed ``aml-sms:serial:PTY`` run by a ``FeedSupervisor`` (the
console's runner, spool and storing thread) into a fresh SQLite database (WAL, ``synchronous=FULL``),
as in a console. Before the timed part, each of ``--messages`` callers rings (``calls.record_signal``)
and a call-taker answers (``calls.answer_call``: the call's incident). Then, one caller at a time,
the modem stores that caller's AML message and writes its ``+CMTI: "SM",<index>`` line to the pty in
one ``os.write``; the sample starts just before the write. The console reads the indication, sends
``AT+CMGR=<index>``, decodes the answer, hands the position to the spool, and the storing thread
stores it (``services.aml.store_location``: the frame, the message, the position on the incident,
the audit row, one transaction) and publishes the incident's change notice after the commit: a
listener on the console's ``ChangeBus`` ends the sample. The next message follows ``--gap-ms`` later.
At the end every incident row is read back: its position must be that caller's (latitude,
longitude, radius, source ``aml``), and every message deleted from the modem after its position was
handed on.

Rows (``time.perf_counter``; percentiles nearest-rank):

* ``+CMTI -> AT+CMGR at the modem``: the console noticed the indication and asked for the message
  (the pty both ways and the runner's wake-up).
* ``+CMTI -> position in the spool``: the message read, decoded and handed to the feed's spool.
* ``+CMTI -> position on the incident (committed)``: the issue's figure (target: p99 < 200 ms).
* ``floor: one fsync``: what a commit costs the disk here at the least.

``--modem-ms`` makes the scripted modem wait that long before answering each command, standing for a
real modem's own time (its firmware, and at 115200 baud some 12 ms on the wire for a ``+CMGR``
answer of 140 characters); by default it answers at once, so the figures are the console's own.
``--smoke``: 10 messages, to check that the benchmark works; its figures mean little.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.bench_foundation import machine_info, nearest_rank

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 200.0
PASSWORD = "rahasia-112"


@dataclass
class Samples:
    name: str
    target_ms: float | None = None
    values: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.values)
        if not ordered:
            return {"name": self.name, "n": 0}
        return {
            "name": self.name,
            "n": len(ordered),
            "p50_ms": nearest_rank(ordered, 50),
            "p95_ms": nearest_rank(ordered, 95),
            "p99_ms": nearest_rank(ordered, 99),
            "max_ms": ordered[-1],
            "target_ms": self.target_ms,
            "met": None if self.target_ms is None else nearest_rank(ordered, 99) < self.target_ms,
        }


def number(i: int) -> str:
    return f"+62812{i:08d}"


def position(i: int) -> tuple[float, float, int]:
    """The i-th caller's fix: spread over Semarang, a radius of its own."""
    return -6.95 - (i % 97) * 0.001, 110.40 + (i % 89) * 0.001, 5 + i % 50


def fsync_floor(folder: Path, runs: int) -> list[float]:
    path = folder / "fsync.bin"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    samples = []
    try:
        for _ in range(runs):
            os.write(fd, b"x" * 128)
            began = time.perf_counter()
            os.fsync(fd)
            samples.append((time.perf_counter() - began) * 1000)
    finally:
        os.close(fd)
    return samples


def run(messages: int, gap_ms: float, modem_ms: float) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from dispatch.domain.clock import SystemClock
    from dispatch.domain.phone import parse_caller_number
    from dispatch.domain.signals import CallSignal, SignalKind
    from dispatch.feeds.runner import Backoff, FeedState
    from dispatch.feeds.supervisor import FeedStore, FeedSupervisor
    from dispatch.feeds.urls import AmlSmsFeedUrl
    from dispatch.services import accounts, calls
    from dispatch.services.bus import Change, ChangeBus, Topic
    from dispatch.store.database import open_database, sqlite_url
    from dispatch.store.tables import Incident
    from tests.feeds.modem_script import FakeModem, PtyModem, aml
    from tests.feeds.peers import start_socat

    folder = Path(tempfile.mkdtemp(prefix="bench-aml-"))
    database = open_database(sqlite_url(folder / "dispatch.sqlite3"))
    console = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "bench")
    accounts.create_first_supervisor(console, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
    login = accounts.log_in(console, "sari", PASSWORD)
    assert login.actor is not None
    ctx = console.acting_as(login.actor)

    # The callers ring and are answered: each call has its open incident.
    incident_of: dict[int, int] = {}
    for i in range(messages):
        signal = CallSignal(
            SignalKind.INCOMING, "sip-trunk", ctx.clock.now(), parse_caller_number(number(i)), b"bench"
        )
        view = calls.record_signal(ctx.as_system(), signal)
        assert view is not None
        _call, incident = calls.answer_call(ctx, view.id)
        incident_of[i] = incident.id

    (folder / "pty").mkdir()
    pair = start_socat(folder / "pty")
    modem = PtyModem(pair, FakeModem(echo=False))
    modem_at: dict[str, float] = {}

    def on_command(command: str) -> None:
        modem_at.setdefault(command, time.perf_counter())
        if modem_ms:
            time.sleep(modem_ms / 1000)  # the scripted modem's firmware thinking

    modem.on_command = on_command

    spooled: dict[str, float] = {}
    original_frames = FeedStore.frames

    def frames(store: Any, batch: Any) -> None:
        now = time.perf_counter()
        for item in batch:
            if hasattr(item, "fix"):
                spooled.setdefault(item.number.raw, now)
        original_frames(store, batch)

    FeedStore.frames = frames  # type: ignore[method-assign]

    committed: dict[int, float] = {}
    arrived = threading.Condition()

    def on_change(change: Change) -> None:
        if change.topic is Topic.INCIDENTS:
            now = time.perf_counter()
            with arrived:
                for incident_id in change.ids:
                    committed.setdefault(incident_id, now)
                arrived.notify_all()

    ctx.bus.subscribe(on_change)
    url = AmlSmsFeedUrl(str(pair.console))
    supervisor = FeedSupervisor(ctx, [url], folder / "spool", backoff=lambda: Backoff(0.1, 0.5))
    to_cmgr = Samples("+CMTI -> AT+CMGR at the modem")
    to_spool = Samples("+CMTI -> position in the spool")
    to_incident = Samples("+CMTI -> position on the incident (committed)", TARGET_MS)
    early_deletions: list[int] = []
    try:
        supervisor.start()
        began = time.monotonic()
        while supervisor.health[url.display].state is not FeedState.UP:
            if time.monotonic() - began > 20:
                raise SystemExit(f"the feed did not come up: {supervisor.health[url.display]}")
            time.sleep(0.01)
        modem.wait_for(lambda fake: 'AT+CMGL="ALL"' in fake.commands, what="the first sweep")
        for i in range(messages):
            lat, lon, radius = position(i)
            with modem._lock:
                mem, index = modem.modem.store(_stored(number(i), aml(lat, lon, radius)))
            line = modem.modem.indication(mem, index)
            modem_at.pop(f"AT+CMGR={index}", None)
            modem_at.pop(f"AT+CMGD={index}", None)
            start = time.perf_counter()
            modem.write(line)
            incident_id = incident_of[i]
            with arrived:
                if not arrived.wait_for(lambda incident_id=incident_id: incident_id in committed, timeout=10):
                    raise SystemExit(f"message {i} never reached its incident")
            to_incident.values.append((committed[incident_id] - start) * 1000)
            to_cmgr.values.append((modem_at[f"AT+CMGR={index}"] - start) * 1000)
            to_spool.values.append((spooled[number(i)] - start) * 1000)
            modem.wait_for(lambda _fake, index=index: f"AT+CMGD={index}" in modem_at, what="the deletion")
            if modem_at[f"AT+CMGD={index}"] < spooled[number(i)]:
                early_deletions.append(i)
            time.sleep(gap_ms / 1000)
    finally:
        supervisor.stop()
        FeedStore.frames = original_frames  # type: ignore[method-assign]
        modem.close()
        pair.kill()

    # Every incident holds its caller's position, from the handset.
    wrong = []
    with database.sessions() as session:
        rows = {row.id: row for row in session.scalars(select(Incident))}
    for i in range(messages):
        row = rows[incident_of[i]]
        lat, lon, radius = position(i)
        if (round(row.lat or 0, 5), round(row.lon or 0, 5), row.position_radius_m, row.position_source) != (
            round(lat, 5),
            round(lon, 5),
            float(radius),
            "aml",
        ):
            wrong.append(i)
    floor = Samples("floor: one fsync")
    floor.values = fsync_floor(folder, 50)
    database.dispose()
    return {
        "machine": machine_info(),
        "messages": messages,
        "gap_ms": gap_ms,
        "modem_ms": modem_ms,
        "rows": [s.summary() for s in (to_cmgr, to_spool, to_incident, floor)],
        "samples_ms": {"to_incident": to_incident.values},
        "all_placed": not wrong,
        "wrong": wrong[:10],
        "deleted_before_handed_on": early_deletions,
    }


def _stored(sender: str, text: str) -> Any:
    from tests.feeds.modem_script import Stored

    return Stored(sender, text)


def print_report(report: dict[str, Any]) -> None:
    machine = report["machine"]
    print(
        f"Machine: {machine['cpu']}, {machine['cores_usable']} cores usable, {machine['os']}, "
        f"SQLite {machine['sqlite']}, load {machine['load_average']}"
    )
    print(
        f"{report['messages']} AML messages, one at a time, {report['gap_ms']:g} ms apart; "
        f"the scripted modem answers after {report['modem_ms']:g} ms"
    )
    print(f"{'row':48} {'n':>5} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}  target")
    for row in report["rows"]:
        if not row["n"]:
            print(f"{row['name']:48} not measured")
            continue
        target = (
            ""
            if row["target_ms"] is None
            else f"p99 < {row['target_ms']:g} ms: " + ("met" if row["met"] else "MISSED")
        )
        print(
            f"{row['name']:48} {row['n']:>5} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} "
            f"{row['p99_ms']:>8.1f} {row['max_ms']:>8.1f}  {target}"
        )
    placed = "yes" if report["all_placed"] else f"NO {report['wrong']}"
    print(f"every incident holds its caller's handset position: {placed}")
    early = report["deleted_before_handed_on"]
    order = f"no: {early}" if early else "yes"
    print(f"every message deleted only after its position was in the spool: {order}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_aml", description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=200, help="AML messages, one at a time (default 200)")
    parser.add_argument("--gap-ms", type=float, default=20.0, help="pause between messages (default 20)")
    parser.add_argument("--modem-ms", type=float, default=0.0, help="the modem's delay before each answer")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--smoke", action="store_true", help="10 messages: check that the benchmark works")
    options = parser.parse_args(argv)
    messages = 10 if options.smoke else options.messages
    report = run(messages, options.gap_ms, options.modem_ms)
    print_report(report)
    if options.json is not None:
        options.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if report["all_placed"] and not report["deleted_before_handed_on"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
