"""The summary SMS to an agency through the console's own GSM modem feed, and what comes back.

A scripted modem on a socat pty (``tests.feeds.modem_script``) behind the feed supervisor, a SQLite
database: an incident forwarded to Damkar with ``send_sms`` queues the summary in the outbox; the
feed takes it (woken by the notice), sends it with ``AT+CMGS``, and the modem's reference is stored
(SENT); the network's delivery report makes it DELIVERED; Damkar's reply in the documented form is
recorded as its report (source SMS, with the frame). A modem that refuses the SMS fails it with the
reason (an alert); a modem pulled out in the middle of sending puts it back, and it is sent once the
modem is back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from dispatch.domain.agencies import AgencyReach, AgencySpec
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType
from dispatch.domain.forwarding import ForwardChannel, ForwardState, OutboxState, ReportKind, ReportSource
from dispatch.domain.signals import SignalKind
from dispatch.feeds.runner import Backoff, FeedState
from dispatch.feeds.supervisor import FeedSupervisor
from dispatch.feeds.urls import parse_feed_url
from dispatch.services import agencies, calls, forwarding, outbox
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store.tables import FeedFrame, ForwardingReport, OutboxMessage
from tests.conftest import START
from tests.feeds.modem_script import FakeModem, PtyModem
from tests.feeds.peers import PtyPair, start_socat
from tests.feeds.supervising import wait_for
from tests.services.support import signal

DAMKAR_SMS = "+6281225001130"


@dataclass
class Centre:
    ctx: ServiceContext
    clock: ManualClock
    folder: Path
    fake: FakeModem
    pair: PtyPair
    modem: PtyModem
    supervisor: FeedSupervisor
    feed: str
    agency_id: int
    incident_id: int
    incident_number: str

    def outbox_row(self, outbox_id: int) -> OutboxMessage:
        with self.ctx.database.sessions() as session:
            row = session.get(OutboxMessage, outbox_id)
            assert row is not None
            return row

    def frame(self, frame_id: int | None) -> FeedFrame:
        with self.ctx.database.sessions() as session:
            row = session.get(FeedFrame, frame_id)
            assert row is not None
            return row

    def frames(self) -> list[FeedFrame]:
        with self.ctx.database.sessions() as session:
            return list(
                session.scalars(select(FeedFrame).where(FeedFrame.feed == self.feed).order_by(FeedFrame.id))
            )

    def forward(self) -> tuple[int, int]:
        """Forward the incident to Damkar with the summary SMS: (forwarding id, outbox id)."""
        view = forwarding.forward(
            self.ctx, self.incident_id, self.agency_id, channel=ForwardChannel.SMS, send_sms=True
        )
        [message] = outbox.outbox_of(self.ctx, forwarding_id=view.id)
        return view.id, message.id

    def unplug(self) -> None:
        self.pair.kill()

    def plug_in(self) -> None:
        self.modem.close()
        self.pair = start_socat(self.folder)
        self.modem = PtyModem(self.pair, self.fake)


@pytest.fixture
def fake() -> FakeModem:
    return FakeModem()


@pytest.fixture
def centre(tmp_path: Path, ctx: ServiceContext, clock: ManualClock, fake: FakeModem) -> Iterator[Centre]:
    agency = agencies.create_agency(
        ctx,
        AgencySpec(
            code="DAMKAR-SMG",
            name="Damkar Kota Semarang (DEMO)",
            agency_type=AgencyType.FIRE,
            reach=AgencyReach.FORWARD,
            areas=("33.74",),
            phones=("024-3544113",),
            sms_number="0812-2500-1130",
            ack_limit_s=180,
        ),
    )
    rung = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, START))
    assert rung is not None
    _call, incident = calls.answer_call(ctx, rung.id)
    clock.advance(30)
    pair = start_socat(tmp_path)
    modem = PtyModem(pair, fake)
    url = parse_feed_url(f"aml-sms:serial:{pair.console}")
    supervisor = FeedSupervisor(
        ctx, [url], tmp_path / "spool", backoff=lambda: Backoff(first=0.1, longest=0.2)
    )
    supervisor.start()
    made = Centre(
        ctx,
        clock,
        tmp_path,
        fake,
        pair,
        modem,
        supervisor,
        url.display,
        agency.id,
        incident.id,
        incident.number,
    )
    try:
        wait_for(lambda: supervisor.health[url.display].state is FeedState.UP, what="the modem feed up")
        made.modem.wait_for(lambda modem: 'AT+CMGL="ALL"' in modem.commands, what="the first sweep")
        yield made
    finally:
        supervisor.stop()
        made.modem.close()
        made.pair.kill()


def test_the_summary_sms_is_sent_delivered_and_the_agencys_reply_is_its_report(centre: Centre) -> None:
    ctx, clock = centre.ctx, centre.clock
    forwarding_id, outbox_id = centre.forward()

    centre.modem.wait_for(lambda modem: len(modem.sent) == 1, what="the summary SMS sent")
    [(mr, number, text)] = centre.modem.sent()
    assert number == DAMKAR_SMS
    assert f"Balas: {centre.incident_number} TERIMA/TIBA/SELESAI" in text
    assert text == centre.outbox_row(outbox_id).text
    assert f'AT+CMGS="{DAMKAR_SMS}"' in centre.modem.commands()
    wait_for(lambda: centre.outbox_row(outbox_id).state == OutboxState.SENT.value, what="SENT stored")
    row = centre.outbox_row(outbox_id)
    assert (row.reference, row.feed, row.attempts) == (str(mr), centre.feed, 1)

    clock.advance(4)
    centre.modem.report(mr, 0)
    wait_for(lambda: centre.outbox_row(outbox_id).state == OutboxState.DELIVERED.value, what="DELIVERED")
    row = centre.outbox_row(outbox_id)
    assert row.delivery_status == 0
    assert row.delivered_at is not None
    report_frame = centre.frame(row.delivery_frame_id)
    assert report_frame.raw.startswith(f"+CDS: 6,{mr},".encode())
    assert json.loads(report_frame.decoded or "{}")["event"] == "delivery"
    assert report_frame.rejected_reason is None

    clock.advance(30)
    reply = f"{centre.incident_number} TERIMA regu 2 berangkat"
    centre.modem.receive(DAMKAR_SMS, reply)
    wait_for(lambda: forwarding.reports_of(ctx, forwarding_id) != [], what="the reply recorded")
    with ctx.database.sessions() as session:
        [report] = session.scalars(
            select(ForwardingReport).where(ForwardingReport.forwarding_id == forwarding_id)
        )
        assert (report.kind, report.source) == (ReportKind.ACKNOWLEDGED.value, ReportSource.SMS.value)
        assert report.text == "regu 2 berangkat"
        assert report.at == clock.now()
    reply_frame = centre.frame(report.frame_id)
    assert reply.encode() in reply_frame.raw
    assert reply_frame.rejected_reason is None
    [view] = forwarding.forwardings_of(ctx, centre.incident_id)
    assert view.state is ForwardState.ACKNOWLEDGED
    centre.modem.wait_for(lambda modem: ("SM", 1) in modem.deleted, what="the reply deleted from the SIM")


def test_an_sms_that_is_no_reply_is_kept_with_the_reason(centre: Centre) -> None:
    centre.modem.receive("TELKOMSEL", "Sisa kuota anda 2GB")
    wait_for(lambda: len(centre.frames()) == 1, what="the frame stored")
    [frame] = centre.frames()
    assert frame.rejected_reason == (
        "not an AML message: not a reply: no incident number (YYYY-NNNNNN) first"
    )
    assert frame.decoded is None


@pytest.mark.parametrize("fake", [FakeModem(send_error="+CMS ERROR: 500")])
def test_a_modem_that_refuses_the_sms_fails_it_with_the_reason_and_an_alert(centre: Centre) -> None:
    _forwarding_id, outbox_id = centre.forward()
    wait_for(lambda: centre.outbox_row(outbox_id).state == OutboxState.FAILED.value, what="FAILED stored")
    row = centre.outbox_row(outbox_id)
    assert row.failed_reason == "the modem refused it (+CMS ERROR: 500)"
    [alert] = outbox.open_failure_alerts(centre.ctx)
    assert (alert.kind, alert.entity_id, alert.label) == (
        "outbox_sms_failed",
        str(outbox_id),
        "Damkar Kota Semarang (DEMO)",
    )
    assert alert.incident_number == centre.incident_number
    [frame] = [f for f in centre.frames() if b"+CMS ERROR: 500" in f.raw]
    assert json.loads(frame.decoded or "{}") == {
        "event": "outbox",
        "outbox": outbox_id,
        "outcome": "failed",
        "reason": "the modem refused it (+CMS ERROR: 500)",
    }


@pytest.mark.slow
def test_a_modem_pulled_out_mid_send_puts_the_sms_back_and_sends_it_once_back(centre: Centre) -> None:
    pulled: list[str] = []

    def pull_out(command: str) -> None:
        if command.startswith("AT+CMGS") and not pulled:
            pulled.append(command)
            centre.fake.silent = frozenset({command})  # no prompt: the modem is gone
            centre.unplug()

    centre.modem.on_command = pull_out
    _forwarding_id, outbox_id = centre.forward()
    wait_for(lambda: bool(pulled), what="AT+CMGS reached the modem")
    wait_for(lambda: centre.supervisor.health[centre.feed].state is FeedState.DOWN, what="the feed down")
    wait_for(lambda: centre.outbox_row(outbox_id).state == OutboxState.QUEUED.value, what="back in the queue")
    assert centre.outbox_row(outbox_id).attempts == 1
    assert centre.fake.sent == []

    centre.fake.silent = frozenset()
    centre.plug_in()
    centre.modem.wait_for(lambda modem: len(modem.sent) == 1, what="sent after the modem came back")
    wait_for(lambda: centre.outbox_row(outbox_id).state == OutboxState.SENT.value, what="SENT stored")
    row = centre.outbox_row(outbox_id)
    assert (row.attempts, row.reference) == (2, str(centre.fake.sent[0][0]))


def test_the_database_away_when_taking_never_ends_the_feed(
    centre: Centre, caplog: pytest.LogCaptureFixture
) -> None:
    """Another process holds the write lock when the feed looks at the outbox: the feed keeps reading
    the modem, tries again a few seconds later, and sends once the lock is released."""
    # Queued by another console (its own notices: this feed finds it within a second, unwoken).
    other = replace(centre.ctx, bus=ChangeBus())
    view = forwarding.forward(
        other, centre.incident_id, centre.agency_id, channel=ForwardChannel.SMS, send_sms=True
    )
    [message] = outbox.outbox_of(other, forwarding_id=view.id)
    database = str(centre.ctx.database.url).removeprefix("sqlite:///")
    holder = sqlite3.connect(database, isolation_level=None, timeout=30)
    try:
        holder.execute("BEGIN IMMEDIATE")
        wait_for(lambda: "the outbox cannot be read" in caplog.text, what="a take refused")
        centre.modem.receive("TELKOMSEL", "Sisa kuota anda 2GB")  # the modem is still read
        centre.modem.wait_for(lambda modem: "AT+CMGR=1" in modem.commands, what="the new SMS read")
        assert centre.fake.sent == []
    finally:
        holder.execute("COMMIT")
        holder.close()
    centre.modem.wait_for(lambda modem: len(modem.sent) == 1, timeout=15, what="sent after the lock")
    wait_for(lambda: centre.outbox_row(message.id).state == OutboxState.SENT.value, what="SENT stored")
    assert centre.supervisor.runner_of(centre.feed).starts == 1
    assert any(frame.raw.endswith(b"Sisa kuota anda 2GB\r\n") for frame in centre.frames())
