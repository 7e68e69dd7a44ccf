"""Feeds recover by themselves, and nothing received before or after a fault is missing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from dispatch.domain.clock import SystemClock
from dispatch.feeds.runner import Backoff, FeedHealth, FeedRunner, FeedState, record_outages
from dispatch.feeds.urls import parse_feed_url
from dispatch.services import feeds
from dispatch.services.context import ServiceContext
from dispatch.store.tables import AuditEntry, Call, FeedFrame, FeedOutage
from tests.feeds.peers import ScriptedServer, TcpScript, start_socat

BLOCK_1 = b"RING\r\n\r\nDATE = 1115\r\nTIME = 1403\r\nNMBR = 081234567890\r\nNAME = BUDI SANTOSO\r\n\r\n"
BLOCK_2 = b"RING\r\n\r\nDATE = 1115\r\nTIME = 1422\r\nNMBR = 0248312345\r\n\r\n"
NCID_START = b"200 Server: ncidd (NCID) 1.13\n210 API: 1.12\n300 End of connection startup\n"
NCID_CALL = b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*081234567890*MESG*NONE*NAME*BUDI SANTOSO*\n"
NCID_CALL_2 = b"CID: *DATE*11152022*TIME*1404*LINE*POTS*NMBR*0541741234*MESG*NONE*NAME*NO NAME*\n"


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


class Recorder:
    def __init__(self) -> None:
        self.states: list[FeedHealth] = []

    def __call__(self, health: FeedHealth) -> None:
        self.states.append(health)

    def seen(self, state: FeedState) -> int:
        """How many times the feed went into ``state`` (frame reports repeat the state)."""
        changes = [h for i, h in enumerate(self.states) if i == 0 or self.states[i - 1].state is not h.state]
        return sum(1 for h in changes if h.state is state)


def _frames(ctx: ServiceContext) -> list[FeedFrame]:
    with ctx.database.sessions() as session:
        return list(session.scalars(select(FeedFrame).order_by(FeedFrame.id)))


def _calls(ctx: ServiceContext) -> list[Call]:
    with ctx.database.sessions() as session:
        return list(session.scalars(select(Call).order_by(Call.id)))


def _runner(ctx: ServiceContext, url: str, recorder: Recorder) -> FeedRunner:
    outages = record_outages(feeds.OutageRecorder(ctx))

    def on_health(health: FeedHealth) -> None:
        outages(health)
        recorder(health)

    return FeedRunner(
        parse_feed_url(url),
        feeds.StoreSink(ctx),
        SystemClock(),
        on_health=on_health,
        backoff=Backoff(first=0.1, longest=0.4),  # the real 1 s .. 30 s is tested in test_backoff
    )


def test_backoff_doubles_from_one_second_to_thirty() -> None:
    backoff = Backoff()
    assert [backoff.next() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    backoff.reset()
    assert backoff.next() == 1


@pytest.mark.slow
def test_serial_peer_disappears_and_comes_back(tmp_path: Path, ctx: ServiceContext) -> None:
    pair = start_socat(tmp_path)
    recorder = Recorder()
    runner = _runner(ctx, f"serial:{pair.console}?protocol=modem", recorder)
    runner.start()
    try:
        wait_for(lambda: recorder.seen(FeedState.UP) == 1)
        pair.write(BLOCK_1)
        wait_for(lambda: len(_calls(ctx)) == 1)
        pair.kill()  # the USB adapter is pulled out
        wait_for(lambda: recorder.seen(FeedState.DOWN) >= 1)
        pair = start_socat(tmp_path)  # and plugged in again, same device name
        wait_for(lambda: recorder.seen(FeedState.UP) == 2)
        pair.write(BLOCK_2)
        wait_for(lambda: len(_calls(ctx)) == 2)
    finally:
        runner.stop()
        pair.kill()
    numbers = [c.number_e164 for c in _calls(ctx)]
    assert numbers == ["+6281234567890", "+62248312345"]
    decoded = [f for f in _frames(ctx) if f.rejected_reason is None]
    assert len(decoded) == 2
    assert b"NMBR = 081234567890" in decoded[0].raw
    assert b"NMBR = 0248312345" in decoded[1].raw
    assert all(f.call_id is not None for f in decoded)
    with ctx.database.sessions() as session:
        outage = session.scalars(select(FeedOutage)).one()
    assert outage.ended_at is not None
    assert outage.ended_at > outage.started_at


@pytest.mark.slow
def test_tcp_server_drops_the_connection_mid_frame(ctx: ServiceContext) -> None:
    half = NCID_CALL[:40]
    server = ScriptedServer(
        [
            TcpScript([("send", NCID_START + NCID_CALL), ("send", half), ("wait", 0.2), ("close", None)]),
            TcpScript([("send", NCID_START + NCID_CALL_2)]),
        ]
    )
    recorder = Recorder()
    runner = _runner(ctx, f"ncid://127.0.0.1:{server.port}", recorder)
    runner.start()
    try:
        wait_for(lambda: len(_calls(ctx)) == 2)
    finally:
        runner.stop()
        server.close()
    assert [c.number_e164 for c in _calls(ctx)] == ["+6281234567890", "+62541741234"]
    frames = _frames(ctx)
    rejected = [f for f in frames if f.rejected_reason is not None]
    assert [f.raw for f in rejected] == [half], "the partial line must be kept, as rejected"
    assert server.connections == 2
    assert recorder.seen(FeedState.DOWN) >= 1


@pytest.mark.slow
def test_ami_login_refused_is_retried_and_the_secret_never_appears(
    ctx: ServiceContext, caplog: pytest.LogCaptureFixture
) -> None:
    greeting = b"Asterisk Call Manager/5.0.3\r\n"
    refused = b"Response: Error\r\nActionID: 1\r\nMessage: Authentication failed\r\n\r\n"
    accepted = b"Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n"
    call = (
        b"Event: Newchannel\r\nChannel: PJSIP/trunk-1\r\nChannelState: 4\r\nChannelStateDesc: Ring\r\n"
        b"CallerIDNum: 081234567890\r\nCallerIDName: <unknown>\r\nContext: from-pstn\r\nExten: 112\r\n"
        b"Uniqueid: 1668495791.84\r\nLinkedid: 1668495791.84\r\n\r\n"
    )
    server = ScriptedServer(
        [
            TcpScript([("send", greeting), ("expect", b"\r\n\r\n"), ("send", refused), ("close", None)]),
            TcpScript([("send", greeting), ("expect", b"\r\n\r\n"), ("send", accepted + call)]),
        ]
    )
    recorder = Recorder()
    secret = "very-secret-112"
    runner = _runner(ctx, f"ami://dispatch:{secret}@127.0.0.1:{server.port}?exten=112", recorder)
    runner.start()
    try:
        wait_for(lambda: len(_calls(ctx)) == 1)
    finally:
        runner.stop()
        server.close()
    down = [h for h in recorder.states if h.state is FeedState.DOWN]
    assert down
    assert "login refused" in down[0].detail
    assert "Authentication failed" in down[0].detail
    assert server.connections == 2
    with ctx.database.sessions() as session:
        stored = [*session.scalars(select(AuditEntry.detail)), *session.scalars(select(FeedFrame.feed))]
    seen = (
        " ".join(str(x) for x in stored)
        + caplog.text
        + " ".join(f"{h.feed} {h.detail}" for h in recorder.states)
    )
    assert secret not in seen
    assert "ami://dispatch:***@127.0.0.1" in seen
