"""The feed gateway as a real process (``python main.py gateway``) on a real PostgreSQL schema, reading
a real NCID server on 127.0.0.1: a call from the feed is stored, a read an earlier run left in the
spool is stored at the start, the heartbeat moves with the feed's health, a second gateway on the same
spool is refused, SIGTERM stops it with GATEWAY_STOP audited; two gateways' timer checks raise an
overdue alert once (as processes, and in 100 rounds racing at a barrier); SQLite, training databases
and wrong options are refused with exit status 2; a feed alarm acknowledged at a console is dropped by
the gateway's supervisor."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bench.centre_console import NcidPeer
from dispatch.domain.clock import ManualClock, SystemClock
from dispatch.domain.signals import SignalKind
from dispatch.domain.timers import TimerKind, TimerThresholds
from dispatch.feeds.runner import FeedState
from dispatch.feeds.spool import Spool, spool_path
from dispatch.feeds.urls import parse_feed_url
from dispatch.gateway import Gateway
from dispatch.services import accounts, alerts, calls, gateway_status
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import FeedAlarmKind
from dispatch.services.uow import insert_unless_taken
from dispatch.store.database import Database, DatabaseKind, open_database
from dispatch.store.tables import Alert, AuditEntry, Call
from tests.conftest import START
from tests.feeds.supervising import e164, ncid_call, realtime, supervisor_for, wait_for
from tests.services.support import signal as call_signal
from tests.store.postgres import empty_schema, grant, migrated_schema, server
from ui.gateway_command import build_parser
from ui.gateway_command import main as gateway_main

ROOT = Path(__file__).resolve().parents[2]
FORK = multiprocessing.get_context("fork")
ROUNDS = 100

pytestmark = pytest.mark.slow


def environment(folder: Path) -> dict[str, str]:
    """The gateway's data folder (logs, default spool) and settings under ``folder``."""
    return {
        **os.environ,
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "PYTHONUNBUFFERED": "1",
    }


def gateway_command(url: str, name: str, *options: str) -> list[str]:
    return [sys.executable, "main.py", "gateway", "--db", url, "--name", name, *options]


@contextmanager
def running_gateway(url: str, folder: Path, name: str, *options: str) -> Iterator[subprocess.Popen[bytes]]:
    """A gateway process, its standard error in ``folder/NAME.err``; killed if the test left it running."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{name}.err").open("wb") as errors:
        process = subprocess.Popen(
            gateway_command(url, name, *options),
            cwd=ROOT,
            env=environment(folder),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(10)


def refused(url: str, folder: Path, *options: str, name: str = "gw") -> tuple[int, str]:
    done = subprocess.run(
        gateway_command(url, name, *options),
        cwd=ROOT,
        env=environment(folder),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stderr


def reader(url: str, name: str = "KONSOL-TEST") -> tuple[ServiceContext, Database]:
    database = open_database(url, upgrade=False)
    return accounts.register_console(database, SystemClock(), ChangeBus(), name, "test-host"), database


def audit_rows(ctx: ServiceContext, *actions: str) -> list[AuditEntry]:
    with ctx.database.sessions() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.action.in_(actions)).order_by(AuditEntry.seq))
        )


def stored_numbers(ctx: ServiceContext) -> set[str]:
    with ctx.database.sessions() as session:
        return {number for number in session.scalars(select(Call.number_e164)) if number}


def heartbeat(ctx: ServiceContext, name: str) -> gateway_status.GatewayView | None:
    return next((view for view in gateway_status.gateways(ctx) if view.name == name), None)


@pytest.mark.postgres
def test_a_gateway_process_stores_calls_beats_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    peer = NcidPeer()
    with migrated_schema(server()) as schema:
        ctx, database = reader(schema.console_url)
        try:
            # A read an earlier run left in the spool (killed before it was stored): stored at the start.
            spool = tmp_path / "spool"
            left = Spool(spool_path(spool, "ncid://192.0.2.10:3333"))
            assert left.append([call_signal(SignalKind.INCOMING, SystemClock().now(), "081298765432")], START)
            left.close()
            with running_gateway(
                schema.console_url, tmp_path, "gw-test", "--feed", peer.url, "--spool", str(spool)
            ) as process:
                assert peer.wait_connected(30), (tmp_path / "gw-test.err").read_text()
                wait_for(lambda: "+6281298765432" in stored_numbers(ctx), what="the spooled call stored")

                def feed_up() -> bool:
                    view = heartbeat(ctx, "gw-test")
                    return view is not None and [f.state for f in view.feeds] == [FeedState.UP.value]

                wait_for(feed_up, what="the heartbeat showing the feed up")
                peer.send([ncid_call(7)])
                wait_for(lambda: e164(7) in stored_numbers(ctx), what="the feed's call stored")
                first = heartbeat(ctx, "gw-test")
                assert first is not None
                assert (first.stopped_at, first.pid) == (None, process.pid)

                def moved() -> bool:
                    view = heartbeat(ctx, "gw-test")
                    assert view is not None
                    return view.heartbeat_at > first.heartbeat_at and view.feeds[0].last_frame_at is not None

                wait_for(moved, timeout=10, what="a later heartbeat with the call's frame")

                # A second gateway on the same spool folder is refused while the first runs.
                status, said = refused(schema.console_url, tmp_path, "--spool", str(spool), name="gw-other")
                assert status == 2
                assert f"another gateway (process {process.pid}) uses the spool folder" in said

                process.send_signal(signal.SIGTERM)
                assert process.wait(30) == 0, (tmp_path / "gw-test.err").read_text()
            started, stopped = audit_rows(ctx, "gateway.start", "gateway.stop")
            assert (started.console_name, stopped.console_name) == ("gw-test", "gw-test")
            assert f'"feeds": ["{peer.url}"]' in (started.detail or "")
            assert '"reason": "SIGTERM"' in (stopped.detail or "")
            last = heartbeat(ctx, "gw-test")
            assert last is not None
            assert last.stopped_at is not None
            log = tmp_path / "data" / "dispatch-console" / "logs" / "gateway-gw-test.log"
            assert "gateway gw-test stopped" in log.read_text(encoding="utf-8")
            said = (tmp_path / "gw-test.err").read_text()
            assert "gateway gw-test stopping: SIGTERM" in said
            # Its heartbeat, timer checks and hourly prune (run at the start) all went through.
            assert "ERROR" not in said, said
        finally:
            database.dispose()
            peer.close()


@pytest.mark.postgres
def test_two_gateways_raise_an_overdue_call_once(tmp_path: Path) -> None:
    with migrated_schema(server()) as schema:
        ctx, database = reader(schema.console_url)
        try:
            with (
                running_gateway(schema.console_url, tmp_path / "a", "gw-a") as first,
                running_gateway(schema.console_url, tmp_path / "b", "gw-b") as second,
            ):
                for name in ("gw-a", "gw-b"):
                    wait_for(lambda name=name: heartbeat(ctx, name) is not None, what=f"{name} beating")
                # Ringing for 20 s already (the limit is 15 s): both gateways' next checks find it due.
                ringing = calls.record_signal(
                    ctx.as_system(),
                    call_signal(SignalKind.INCOMING, SystemClock().now() - timedelta(seconds=20)),
                )
                assert ringing is not None

                def raised() -> list[Alert]:
                    with ctx.database.sessions() as session:
                        return list(session.scalars(select(Alert).where(Alert.entity_id == str(ringing.id))))

                wait_for(lambda: len(raised()) > 0, what="the overdue alert")
                checked_at = SystemClock().now()
                # Both have checked again since: still one alert, raised once.
                for name in ("gw-a", "gw-b"):
                    wait_for(
                        lambda name=name: (
                            heartbeat(ctx, name).heartbeat_at  # type: ignore[union-attr]
                            > checked_at + timedelta(seconds=1)
                        ),
                        what=f"{name} beating on",
                    )
                (alert,) = raised()
                assert alert.kind == TimerKind.CALL_RINGING.value
                assert [row.entity_id for row in audit_rows(ctx, "alert.raise")] == [str(alert.id)]
                for process in (first, second):
                    process.send_signal(signal.SIGTERM)
                    assert process.wait(30) == 0
        finally:
            database.dispose()


def _racer(url: str, spool: str, index: int, rounds: int, barrier: Any, results: Any) -> None:
    """A gateway in a process of its own: at each round, at the barrier, one timer check at the
    round's time. Lost races (the other raised the alert first) are counted."""
    outcome: list[str] = []
    lost = 0
    try:
        database = open_database(url, upgrade=False)
        clock = ManualClock(START)
        ctx = accounts.register_console(database, clock, ChangeBus(), f"gw-race-{index}", "race-host")
        gateway = Gateway(ctx, [], Path(spool), thresholds=TimerThresholds(), name=f"gw-race-{index}")

        def counting(session: Any, row: object) -> bool:
            nonlocal lost
            inserted = insert_unless_taken(session, row)
            lost += not inserted
            return inserted

        alerts.insert_unless_taken = counting  # type: ignore[assignment]  # counts, inserts as before
        for number in range(rounds):
            clock.set(START + timedelta(seconds=100 * number + 15))
            barrier.wait(timeout=60)
            try:
                gateway.check_timers()
                outcome.append("checked")
            except Exception as error:
                outcome.append(f"{type(error).__name__}: {error}")
        gateway.stop()
        database.dispose()
    except BaseException:
        outcome.append("crashed " + traceback.format_exc())
        barrier.abort()
    results.put((index, outcome, lost))


@pytest.mark.postgres
def test_two_gateways_timer_checks_racing_raise_each_alert_once(tmp_path: Path) -> None:
    """Each round a new call becomes due (the Nth rings at START + 100 N s); both gateways check at
    that moment, released together. Every call has one alert and one ALERT_RAISE; neither check fails."""
    with migrated_schema(server()) as schema:
        database = open_database(schema.console_url, upgrade=False)
        clock = ManualClock(START)
        ctx = accounts.register_console(database, clock, ChangeBus(), "KONSOL-TEST", "test-host")
        for number in range(ROUNDS):
            at = START + timedelta(seconds=100 * number)
            calls.record_signal(ctx.as_system(), call_signal(SignalKind.INCOMING, at, f"08123{number:07d}"))
        database.dispose()
        barrier = FORK.Barrier(2)
        results = FORK.Queue()
        racers = [
            FORK.Process(
                target=_racer,
                args=(schema.console_url, str(tmp_path / f"spool-{index}"), index, ROUNDS, barrier, results),
            )
            for index in range(2)
        ]
        for racer in racers:
            racer.start()
        found = sorted(results.get(timeout=120) for _ in racers)
        for racer in racers:
            racer.join(30)
        for index, outcome, _lost in found:
            assert outcome == ["checked"] * ROUNDS, f"gateway {index}: {outcome[-3:]}"
        lost = sum(count for _index, _outcome, count in found)
        assert lost > 0, "the checks never met: no race was run"
        database = open_database(schema.console_url, upgrade=False)
        try:
            with database.sessions() as session:
                per_call = session.execute(
                    select(Alert.entity_id, func.count())
                    .where(Alert.kind == TimerKind.CALL_RINGING.value)
                    .group_by(Alert.entity_id)
                ).all()
                raises = session.scalar(
                    select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "alert.raise")
                )
            assert len(per_call) == ROUNDS
            assert {count for _call, count in per_call} == {1}
            assert raises == ROUNDS
        finally:
            database.dispose()


def test_sqlite_and_wrong_options_are_refused_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_file = tmp_path / "dispatch.sqlite3"
    assert gateway_main(["--db", str(sqlite_file), "--feed", "ncid://127.0.0.1:3333"]) == 2
    assert "gateway: a gateway serves a centre's PostgreSQL database" in capsys.readouterr().err
    assert not sqlite_file.exists()
    url = "postgresql+psycopg://dispatch@127.0.0.1:1/none"
    for options, words in [
        (("--feed", "sim://?rate=2"), "sim:// is the training consoles' simulated callers"),
        (("--feed", "telnet://pbx"), "gateway: --feed:"),
        (("--timer", "call_ringing=2"), "gateway: --timer: limits out of range: call_ringing (too short)"),
        (("--timer", "ringing=20"), "--timer takes KIND=SECONDS"),
        (("--name", " "), "--name takes a name of 1 to 64 characters"),
    ]:
        assert gateway_main(["--db", url, *options]) == 2
        said = capsys.readouterr().err
        assert words in said, said


def test_a_database_that_does_not_answer_is_refused_as_the_other_commands_say_it(tmp_path: Path) -> None:
    status, said = refused("postgresql+psycopg://dispatch@127.0.0.1:1/none", tmp_path)
    assert status == 2
    assert "gateway: database refused: unreachable" in said, said


@pytest.mark.postgres
def test_a_training_database_is_refused(tmp_path: Path) -> None:
    with empty_schema(server()) as schema:
        open_database(schema.owner_url, kind=DatabaseKind.TRAINING).dispose()
        grant(schema)
        status, said = refused(schema.console_url, tmp_path)
        assert status == 2
        assert "is a training database: a gateway runs the feeds of a live centre" in said


def test_a_feed_alarm_acknowledged_at_a_console_is_dropped_by_the_gateways_supervisor(
    tmp_path: Path, ctx: ServiceContext
) -> None:
    ctx = realtime(ctx)
    supervisor = supervisor_for(
        ctx, "ncid://127.0.0.1:9", tmp_path / "spool", down_alarm_after=timedelta(0)
    )  # discard port: refused
    supervisor.start(watch=False)
    try:
        feed = next(iter(supervisor.health))
        wait_for(lambda: supervisor.health[feed].state is FeedState.DOWN, what="the feed down")
        supervisor.check()
        assert supervisor.record()
        (alarm,) = supervisor.alarms
        assert alarm.kind is FeedAlarmKind.DOWN
        assert alarm.alert_id is not None
        assert supervisor.acknowledged_elsewhere() == []  # nobody has acknowledged it yet
        assert alerts.acknowledge_alerts(ctx, [alarm.alert_id]) == [alarm.alert_id]
        assert supervisor.acknowledged_elsewhere() == [alarm]
        assert supervisor.alarms == []
        assert alarm.acknowledged_at is not None
    finally:
        supervisor.stop()


def test_a_gateway_in_process_audits_its_start_and_stop_and_beats(
    tmp_path: Path, ctx: ServiceContext
) -> None:
    """The class on any store (the command allows PostgreSQL only): its start and stop audited, its
    heartbeat written, its spool folder locked while it runs and free after."""
    system = dataclasses.replace(ctx, clock=SystemClock())
    gateway = Gateway(system, [], tmp_path / "spool", name="gw-local", heartbeat_seconds=0.05)
    gateway.start()
    try:
        wait_for(lambda: gateway.beats >= 2 and gateway.checks >= 1 and gateway.prunes == 1, what="its loops")
    finally:
        gateway.stop("test")
    gateway.stop("again")  # idempotent
    actions = [row.action for row in audit_rows(ctx, "gateway.start", "gateway.stop")]
    assert actions == ["gateway.start", "gateway.stop"]
    (view,) = gateway_status.gateways(ctx)
    assert view.stopped_at is not None
    Gateway(system, [], tmp_path / "spool", name="gw-next").stop()  # the folder is free again


def test_the_systemd_unit_runs_the_gateway_as_documented(tmp_path: Path) -> None:
    """docs/dispatch-gateway.service: restarted always, its own user, after the network and PostgreSQL,
    its state folder; its command line (with the example gateway.env of its header) is one the
    gateway's parser and the feed URL parser accept; systemd finds nothing wrong with it but the
    console not being installed here."""
    unit = (ROOT / "docs" / "dispatch-gateway.service").read_text(encoding="utf-8")
    settings = {}
    for line in unit.replace("\\\n", " ").splitlines():
        key, equals, value = line.partition("=")
        if equals and not line.startswith("#"):
            settings.setdefault(key.strip(), []).append(value.strip())
    assert settings["Restart"] == ["always"]
    assert settings["User"] == ["dispatch-gateway"]
    assert set(settings["After"][0].split()) >= {"network-online.target", "postgresql.service"}
    assert settings["StateDirectory"] == ["dispatch-gateway"]
    assert settings["KillSignal"] == ["SIGTERM"]
    example = dict(
        re.findall(r"^#\s+(DISPATCH_\w+)=(.*)$", unit, flags=re.MULTILINE)  # the header's gateway.env
    )
    command = settings["ExecStart"][0].replace("${DISPATCH_DB}", example["DISPATCH_DB"])
    command = command.replace("$DISPATCH_FEEDS", example["DISPATCH_FEEDS"])
    words = shlex.split(command)
    assert words[0].endswith("/dispatch-console")
    assert words[1] == "gateway"
    options = build_parser().parse_args(words[2:])
    assert [parse_feed_url(url).display.split(":")[0] for url in options.feed] == ["ncid", "ami"]
    assert options.spool == "/var/lib/dispatch-gateway/spool"
    analyze = shutil.which("systemd-analyze")
    if analyze is not None:
        copy = tmp_path / "dispatch-gateway.service"
        copy.write_text(unit, encoding="utf-8")
        done = subprocess.run([analyze, "verify", str(copy)], capture_output=True, text=True, check=False)
        complaints = [line for line in done.stderr.splitlines() if "dispatch-gateway.service" in line]
        assert all("is not executable" in line for line in complaints), done.stderr
