"""Feeds recover by themselves, nothing received before or after a fault is missing, and every
fault a person must know of becomes an alarm (dispatch/feeds/supervisor.py)."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.feeds.frames import Frame
from dispatch.feeds.protocols import OpenFeed, open_feed
from dispatch.feeds.runner import GARBAGE_BURST, Backoff, FeedState
from dispatch.feeds.supervisor import DELAYED_ALARM_AFTER, DOWN_ALARM_AFTER, FeedSupervisor
from dispatch.feeds.urls import FeedUrl, parse_feed_url
from dispatch.services import feeds
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import FeedAlarmKind
from dispatch.store.tables import Alert, AuditEntry, FeedFrame, FeedOutage
from tests.feeds.peers import ScriptedServer, TcpScript, start_socat
from tests.feeds.supervising import (
    NCID_START,
    AlarmLog,
    ncid_call,
    realtime,
    stored_alerts,
    stored_calls,
    stored_frames,
    supervisor_for,
    wait_for,
)
from ui.app import WINDOW_WRITE_WAIT_MS

BLOCK_1 = b"RING\r\n\r\nDATE = 1115\r\nTIME = 1403\r\nNMBR = 081234567890\r\nNAME = BUDI SANTOSO\r\n\r\n"
BLOCK_2 = b"RING\r\n\r\nDATE = 1115\r\nTIME = 1422\r\nNMBR = 0248312345\r\n\r\n"
NCID_CALL = b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*081234567890*MESG*NONE*NAME*BUDI SANTOSO*\n"
NCID_CALL_2 = b"CID: *DATE*11152022*TIME*1404*LINE*POTS*NMBR*0541741234*MESG*NONE*NAME*NO NAME*\n"


@pytest.fixture
def live(ctx: ServiceContext) -> ServiceContext:
    return realtime(ctx)


def test_backoff_doubles_from_one_second_to_thirty() -> None:
    backoff = Backoff()
    assert [backoff.next() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    backoff.reset()
    assert backoff.next() == 1


@pytest.mark.slow
def test_serial_peer_disappears_and_comes_back_and_the_outage_is_recorded(
    tmp_path: Path, live: ServiceContext
) -> None:
    pair = start_socat(tmp_path)
    supervisor = supervisor_for(live, f"serial:{pair.console}?protocol=modem", tmp_path / "spool")
    supervisor.start()
    feed = next(iter(supervisor.health))
    try:
        wait_for(lambda: supervisor.health[feed].state is FeedState.UP)
        pair.write(BLOCK_1)
        wait_for(lambda: len(stored_calls(live)) == 1)
        pair.kill()  # the USB adapter is pulled out
        wait_for(lambda: supervisor.health[feed].state is FeedState.DOWN)
        pair = start_socat(tmp_path)  # and plugged in again, same device name
        wait_for(lambda: supervisor.health[feed].state is FeedState.UP)
        pair.write(BLOCK_2)
        wait_for(lambda: len(stored_calls(live)) == 2)
        wait_for(lambda: _outages(live) and _outages(live)[0].ended_at is not None, what="outage closed")
    finally:
        supervisor.stop()
        pair.kill()
    numbers = [c.number_e164 for c in stored_calls(live)]
    assert numbers == ["+6281234567890", "+62248312345"]
    decoded = [f for f in stored_frames(live) if f.rejected_reason is None]
    assert len(decoded) == 2
    assert b"NMBR = 081234567890" in decoded[0].raw
    assert b"NMBR = 0248312345" in decoded[1].raw
    assert all(f.call_id is not None for f in decoded)
    outage = _outages(live)[0]
    assert len(_outages(live)) == 1
    assert outage.ended_at is not None
    assert outage.ended_at > outage.started_at


def _outages(ctx: ServiceContext) -> list[FeedOutage]:
    with ctx.database.sessions() as session:
        return list(session.scalars(select(FeedOutage).order_by(FeedOutage.id)))


@pytest.mark.slow
def test_tcp_server_drops_the_connection_mid_frame(tmp_path: Path, live: ServiceContext) -> None:
    half = NCID_CALL[:40]
    server = ScriptedServer(
        [
            TcpScript([("send", NCID_START + NCID_CALL), ("send", half), ("wait", 0.2), ("close", None)]),
            TcpScript([("send", NCID_START + NCID_CALL_2)]),
        ]
    )
    supervisor = supervisor_for(live, f"ncid://127.0.0.1:{server.port}", tmp_path / "spool")
    supervisor.start()
    try:
        wait_for(lambda: len(stored_calls(live)) == 2)
    finally:
        supervisor.stop()
        server.close()
    assert [c.number_e164 for c in stored_calls(live)] == ["+6281234567890", "+62541741234"]
    rejected = [f for f in stored_frames(live) if f.rejected_reason is not None]
    assert [f.raw for f in rejected] == [half], "the partial line must be kept, as rejected"
    assert server.connections == 2


@pytest.mark.slow
def test_ami_login_refused_is_retried_and_the_secret_never_appears(
    tmp_path: Path, live: ServiceContext, caplog: pytest.LogCaptureFixture
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
    secret = "very-secret-112"
    supervisor = supervisor_for(live, f"ami://dispatch:{secret}@127.0.0.1:{server.port}?exten=112", tmp_path)
    details: list[str] = []
    supervisor.subscribe(lambda: details.extend(f"{h.feed} {h.detail}" for h in supervisor.health.values()))
    supervisor.start()
    try:
        wait_for(lambda: len(stored_calls(live)) == 1)
        wait_for(lambda: supervisor.record() and len(_outages(live)) == 1, what="outage recorded")
    finally:
        supervisor.stop()
        server.close()
    assert any("login refused" in d and "Authentication failed" in d for d in details)
    assert server.connections == 2
    with live.database.sessions() as session:
        stored = [
            *session.scalars(select(AuditEntry.detail)),
            *session.scalars(select(FeedFrame.feed)),
            *session.scalars(select(FeedOutage.reason)),
        ]
    seen = " ".join(str(x) for x in stored) + caplog.text + " ".join(details)
    for path in tmp_path.iterdir():
        seen += path.name
    assert secret not in seen
    assert "ami://dispatch:***@127.0.0.1" in seen


class Killed(BaseException):
    """What no ``except Exception`` catches: it ends the feed's thread."""


@pytest.mark.slow
def test_a_feed_thread_killed_by_an_unexpected_exception_is_restarted_with_an_alarm(
    tmp_path: Path, live: ServiceContext
) -> None:
    server = ScriptedServer([TcpScript([("send", NCID_START + NCID_CALL)])])
    opened: list[FeedUrl] = []

    def opener(url: FeedUrl) -> OpenFeed:
        opened.append(url)
        if len(opened) == 1:
            raise Killed("the feed's thread dies")
        return open_feed(url)

    supervisor = FeedSupervisor(
        live, [parse_feed_url(f"ncid://127.0.0.1:{server.port}")], tmp_path, opener=opener
    )
    alarms = AlarmLog(supervisor)
    supervisor.start()
    feed = next(iter(supervisor.health))
    try:
        wait_for(lambda: supervisor.runner_of(feed).ended_by != "", what="the thread ended")
        wait_for(lambda: len(stored_calls(live)) == 1, what="the call stored by the restarted thread")
        wait_for(lambda: any(a.kind == FeedAlarmKind.RESTARTED.value for a in stored_alerts(live)))
    finally:
        supervisor.stop()
        server.close()
    runner = supervisor.runner_of(feed)
    assert runner.starts == 2
    assert alarms.kinds() == [FeedAlarmKind.RESTARTED.value]
    assert "Killed: the feed's thread dies" in alarms.seen[0].detail
    (alert,) = stored_alerts(live)
    assert "Killed" in alert.message
    assert alert.acknowledged_at is None, "it stays until a person acknowledges it"
    supervisor.acknowledge(live)
    assert supervisor.alarms == []
    assert stored_alerts(live)[0].acknowledged_at is not None


class BrokenOnSecondFrame:
    """A decoder that raises for one input (a bug); the frames around it must still be stored."""

    def __init__(self, inner: object) -> None:
        self._inner = inner

    def feed(self, data: bytes) -> list[Frame]:
        if b"0541741234" in data:
            raise ValueError("decoder bug")
        return self._inner.feed(data)  # type: ignore[attr-defined, no-any-return]

    def flush(self) -> list[Frame]:
        return self._inner.flush()  # type: ignore[attr-defined, no-any-return]


@pytest.mark.slow
def test_a_frame_that_breaks_the_decoder_is_stored_as_rejected_and_the_feed_goes_on(
    tmp_path: Path, live: ServiceContext
) -> None:
    third = NCID_CALL.replace(b"081234567890", b"0248312345")
    server = ScriptedServer(
        [
            TcpScript(
                [
                    ("send", NCID_START + NCID_CALL),
                    ("wait", 0.2),
                    ("send", NCID_CALL_2),
                    ("wait", 0.2),
                    ("send", third),
                ]
            )
        ]
    )

    def opener(url: FeedUrl) -> OpenFeed:
        opened = open_feed(url)
        return dataclasses.replace(opened, decoder=BrokenOnSecondFrame(opened.decoder))

    supervisor = FeedSupervisor(
        live, [parse_feed_url(f"ncid://127.0.0.1:{server.port}")], tmp_path, opener=opener
    )
    supervisor.start()
    try:
        wait_for(lambda: len(stored_calls(live)) == 2)
    finally:
        supervisor.stop()
        server.close()
    assert [c.number_e164 for c in stored_calls(live)] == ["+6281234567890", "+62248312345"]
    rejected = [f for f in stored_frames(live) if f.rejected_reason is not None]
    assert [f.raw for f in rejected] == [NCID_CALL_2]
    assert rejected[0].rejected_reason == "decoder failed: ValueError: decoder bug"
    assert supervisor.runner_of(next(iter(supervisor.health))).starts == 1


def test_a_frame_the_services_cannot_store_is_stored_as_rejected_with_the_reason(
    tmp_path: Path, live: ServiceContext
) -> None:
    supervisor = FeedSupervisor(live, [parse_feed_url("ncid://127.0.0.1:9")], tmp_path)
    feed = next(iter(supervisor.health))
    store = supervisor.store_of(feed)
    at = live.clock.now()
    good = CallSignal(SignalKind.INCOMING, feed, at, parse_caller_number("081234567890"), NCID_CALL)
    # A call event stamped without a time zone (what a bug in a clock could hand on): refused by
    # the database layer, it goes in as rejected, stamped when stored.
    bad = dataclasses.replace(good, received_at=at.replace(tzinfo=None), raw=b"odd frame")
    later = dataclasses.replace(good, number=parse_caller_number("0248312345"), raw=NCID_CALL_2)
    store.frames([good, bad, later])
    store.start()
    try:
        assert store.drain(10)
    finally:
        store.stop()
        store.close()
    assert [c.number_e164 for c in stored_calls(live)] == ["+6281234567890", "+62248312345"]
    frames = stored_frames(live)
    assert [f.raw for f in frames] == [NCID_CALL, b"odd frame", NCID_CALL_2], "in the order received"
    assert frames[1].rejected_reason is not None
    assert frames[1].rejected_reason.startswith("not stored as received: "), frames[1].rejected_reason
    assert "naive" in frames[1].rejected_reason


@pytest.mark.slow
def test_a_peer_sending_junk_at_high_rate_stores_a_bounded_number_of_rejected_frames_and_raises_garbage(
    tmp_path: Path, live: ServiceContext
) -> None:
    junk = b"".join(b"junk %d \x01\x02 not a caller id line\n" % i for i in range(20_000))
    server = ScriptedServer(
        [TcpScript([("send", NCID_START), ("send", junk), ("wait", 0.3), ("send", ncid_call(1))])]
    )
    supervisor = supervisor_for(live, f"ncid://127.0.0.1:{server.port}", tmp_path)
    alarms = AlarmLog(supervisor)
    supervisor.start()
    started = datetime.now().astimezone()
    try:
        wait_for(lambda: len(stored_calls(live)) == 1)
        wait_for(lambda: FeedAlarmKind.GARBAGE.value in alarms.kinds(), what="garbage alarm")
        wait_for(lambda: any(a.kind == FeedAlarmKind.GARBAGE.value for a in stored_alerts(live)))
    finally:
        supervisor.stop()
        server.close()
    seconds = (datetime.now().astimezone() - started).total_seconds()
    rejected = [f for f in stored_frames(live) if f.rejected_reason is not None]
    junk_rows = [f for f in rejected if f.raw.startswith(b"junk")]
    summaries = [f for f in rejected if f.raw == b""]
    assert len(junk_rows) <= GARBAGE_BURST + seconds + 1, "a burst, then one a second"
    assert summaries, "the frames not stored are counted in the feed log"
    counted = sum(int((f.rejected_reason or "").split()[0]) for f in summaries)
    assert len(junk_rows) + counted == 20_000, "every junk line is stored or counted"
    health = next(iter(supervisor.health.values()))
    assert health.rejected_dropped == counted


@pytest.fixture
def driven(tmp_path: Path, ctx: ServiceContext, clock: ManualClock) -> Iterator[FeedSupervisor]:
    """A supervisor whose rules run on the test's clock (``check()`` called by the test)."""
    supervisor = FeedSupervisor(ctx, [parse_feed_url("ncid://127.0.0.1:9")], tmp_path / "spool")
    yield supervisor
    supervisor.stop()


def test_a_feed_down_raises_its_alarm_after_30_seconds_not_before(
    driven: FeedSupervisor, ctx: ServiceContext, clock: ManualClock
) -> None:
    driven.start(watch=False)  # port 9 on 127.0.0.1 refuses: the feed goes down
    feed = next(iter(driven.health))
    wait_for(lambda: driven.health[feed].state is FeedState.DOWN)
    clock.advance(DOWN_ALARM_AFTER.total_seconds() - 1)
    driven.check()
    assert driven.alarms == []
    clock.advance(1)
    driven.check()
    assert [a.kind for a in driven.alarms] == [FeedAlarmKind.DOWN]
    driven.check()
    assert len(driven.alarms) == 1, "raised once"
    assert driven.record()
    assert [a.kind for a in stored_alerts(ctx)] == ["feed_down"]
    assert driven.record()
    assert len(stored_alerts(ctx)) == 1


def test_frames_waiting_for_the_database_raise_the_alarm_after_10_seconds_and_are_stored_after(
    driven: FeedSupervisor, ctx: ServiceContext, clock: ManualClock, db_path: Path
) -> None:
    feed = next(iter(driven.health))
    store = driven.store_of(feed)
    lock = sqlite3.connect(db_path, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # another writer holds the database
    try:
        store.start()
        signal = CallSignal(
            SignalKind.INCOMING, feed, clock.now(), parse_caller_number("081234567890"), NCID_CALL
        )
        store.frames([signal])
        clock.advance(DELAYED_ALARM_AFTER.total_seconds() - 1)
        driven.check()
        assert driven.health[feed].delayed, "the feed's health says storing is delayed"
        assert driven.health[feed].queued == 1
        assert driven.alarms == []
        clock.advance(1)
        driven.check()
        assert [a.kind for a in driven.alarms] == [FeedAlarmKind.DELAYED]
    finally:
        lock.execute("COMMIT")
        lock.close()
    assert store.drain(30)
    assert [c.number_e164 for c in stored_calls(ctx)] == ["+6281234567890"]
    assert driven.record()
    alert = stored_alerts(ctx)[0]
    assert alert.kind == "feed_delayed"
    assert alert.raised_at == driven.alarms[0].raised_at, "raised when noticed, though written later"
    driven.check()
    assert not driven.health[feed].delayed
    assert len(driven.alarms) == 1, "it stays until acknowledged"


def test_an_alarm_acknowledged_while_the_database_is_locked_is_recorded_afterwards(
    tmp_path: Path, ctx: ServiceContext, clock: ManualClock, db_path: Path
) -> None:
    # As the console runs its feeds: with the window's context, whose writes wait for another
    # process's lock half a second, once (ui/app.py), so that acknowledging never freezes the window.
    window = dataclasses.replace(ctx, write_wait_ms=WINDOW_WRITE_WAIT_MS)
    driven = FeedSupervisor(window, [parse_feed_url("ncid://127.0.0.1:9")], tmp_path / "spool")
    try:
        driven.start(watch=False)
        feed = next(iter(driven.health))
        wait_for(lambda: driven.health[feed].state is FeedState.DOWN)
        clock.advance(DOWN_ALARM_AFTER.total_seconds())
        driven.check()
        lock = sqlite3.connect(db_path, isolation_level=None, timeout=0)
        lock.execute("BEGIN IMMEDIATE")
        try:
            acknowledged = driven.acknowledge(window)  # the database refuses it for now
            assert not driven.record(), "the database is still locked"
        finally:
            lock.execute("COMMIT")
            lock.close()
        assert [a.kind for a in acknowledged] == [FeedAlarmKind.DOWN]
        assert driven.alarms == [], "no longer shown"
        with ctx.database.sessions() as session:
            assert session.scalars(select(Alert)).all() == []
        assert driven.record()
        (alert,) = stored_alerts(ctx)
        assert alert.acknowledged_by == ctx.actor.user_id
    finally:
        driven.stop()


def test_a_feed_alarm_raised_again_after_its_acknowledgement_is_a_new_alert(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    feed = "ncid://192.0.2.10:3333"
    first = feeds.raise_feed_alarm(ctx, feed, clock.now(), FeedAlarmKind.DOWN)
    assert feeds.raise_feed_alarm(ctx, feed, clock.now(), FeedAlarmKind.DOWN) == first, "still waiting"
    other_kind = feeds.raise_feed_alarm(ctx, feed, clock.now(), FeedAlarmKind.GARBAGE)
    assert other_kind != first
    feeds.acknowledge_alert(ctx, first)
    clock.advance(60)
    second = feeds.raise_feed_alarm(ctx, feed, clock.now(), FeedAlarmKind.DOWN)
    assert second not in (first, other_kind)
    rows = {alert.id: alert for alert in stored_alerts(ctx)}
    assert rows[first].cleared_at is not None, "the acknowledged one is no longer open"
    assert rows[second].cleared_at is None
    assert rows[second].acknowledged_at is None
