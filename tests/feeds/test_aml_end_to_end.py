"""A handset's position from the modem to the incident, through the console's own feeds and storage.

A call rings on an NCID caller-ID feed and is answered; 20 s later (by the console's clock, a manual
one) the caller's handset sends its AML SMS, which a scripted GSM modem on a socat pty announces with
``+CMTI``. The feed supervisor reads it (``aml-sms:serial:``), spools it, stores it
(``services.feeds.store_frames`` -> ``services.aml.store_location``), and the incident's row has the
handset's position, radius, method and time. A malformed AML SMS is a rejected frame with the
decoder's reason, and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from dispatch.domain.aml import AmlError, decode_aml
from dispatch.domain.clock import ManualClock
from dispatch.domain.positions import AmlState, PositionSource
from dispatch.feeds.runner import Backoff, FeedState
from dispatch.feeds.supervisor import FeedSupervisor
from dispatch.feeds.urls import parse_feed_url
from dispatch.services import aml, calls
from dispatch.services.context import ServiceContext
from dispatch.store.tables import AmlMessage, FeedFrame, Incident
from tests.conftest import START
from tests.feeds.modem_script import PtyModem
from tests.feeds.modem_script import aml as aml_sms
from tests.feeds.peers import PtyPair, ScriptedServer, TcpScript, start_socat
from tests.feeds.supervising import NCID_START, stored_calls, wait_for

CALLER = "081234567890"
SENDER = "+6281234567890"
NCID_CALL = f"CID: *DATE*11272026*TIME*1200*LINE*POTS*NMBR*{CALLER}*MESG*NONE*NAME*PELAPOR*\n".encode()
#: Where the handset is (Simpang Lima, Semarang), and how sure.
LAT, LON, RADIUS = -6.99048, 110.42291, 9


@dataclass
class Centre:
    """A console's feeds: the caller-ID server, the modem on its pty, the supervisor running both."""

    ctx: ServiceContext
    clock: ManualClock
    modem: PtyModem
    supervisor: FeedSupervisor
    modem_feed: str

    def frames(self, feed: str) -> list[FeedFrame]:
        with self.ctx.database.sessions() as session:
            return list(
                session.scalars(select(FeedFrame).where(FeedFrame.feed == feed).order_by(FeedFrame.id))
            )

    def incident(self, incident_id: int) -> Incident:
        with self.ctx.database.sessions() as session:
            row = session.get(Incident, incident_id)
            assert row is not None
            return row

    def messages(self) -> list[AmlMessage]:
        with self.ctx.database.sessions() as session:
            return list(session.scalars(select(AmlMessage).order_by(AmlMessage.id)))


@pytest.fixture
def centre(tmp_path: Path, ctx: ServiceContext, clock: ManualClock) -> Iterator[Centre]:
    server = ScriptedServer([TcpScript([("send", NCID_START + NCID_CALL)])])
    pair: PtyPair = start_socat(tmp_path)
    modem = PtyModem(pair)
    urls = [
        parse_feed_url(f"ncid://127.0.0.1:{server.port}"),
        parse_feed_url(f"aml-sms:serial:{pair.console}"),
    ]
    supervisor = FeedSupervisor(
        ctx, urls, tmp_path / "spool", backoff=lambda: Backoff(first=0.1, longest=0.4)
    )
    supervisor.start()
    try:
        wait_for(
            lambda: all(health.state is FeedState.UP for health in supervisor.health.values()),
            what="both feeds up",
        )
        # The modem is started (text mode, indications on) and its storage swept.
        modem.wait_for(lambda fake: 'AT+CMGL="ALL"' in fake.commands, what="the first sweep")
        yield Centre(ctx, clock, modem, supervisor, urls[1].display)
    finally:
        supervisor.stop()
        modem.close()
        pair.kill()
        server.close()


def test_a_call_rings_and_the_handset_position_20_s_later_is_on_its_incident(centre: Centre) -> None:
    ctx, clock = centre.ctx, centre.clock
    wait_for(lambda: len(stored_calls(ctx)) == 1, what="the call stored")
    [call] = stored_calls(ctx)
    assert (call.number_e164, call.ring_at) == (SENDER, START)
    _call, incident = calls.answer_call(ctx, call.id)
    assert incident.lat is None

    clock.advance(20)
    sms = aml_sms(LAT, LON, RADIUS)
    centre.modem.receive(SENDER, sms)

    wait_for(lambda: centre.incident(incident.id).lat is not None, what="the position on the incident")
    row = centre.incident(incident.id)
    assert (row.lat, row.lon) == (LAT, LON)
    assert row.position_source == PositionSource.AML.value
    assert row.position_radius_m == RADIUS
    assert row.position_method == "gnss"
    assert row.position_at == datetime(2022, 11, 15, 7, 3, 12, tzinfo=UTC)  # the handset's fix time
    # Deleted from the SIM only once stored in the spool.
    centre.modem.wait_for(lambda fake: ("SM", 1) in fake.deleted, what="AT+CMGD=1")

    [message] = centre.messages()
    assert message.state == AmlState.APPLIED.value
    assert (message.call_id, message.incident_id) == (call.id, incident.id)
    assert message.received_at == START + timedelta(seconds=20)
    assert message.text == sms
    [frame] = centre.frames(centre.modem_feed)
    assert frame.id == message.frame_id
    assert frame.call_id == call.id
    assert frame.rejected_reason is None
    assert frame.raw.startswith(f'+CMGR: "REC UNREAD","{SENDER}"'.encode())
    assert sms.encode() in frame.raw
    offered = aml.messages_for_incident(ctx, incident.id)
    assert [view.radius_m for view in offered] == [RADIUS]


def test_a_malformed_aml_sms_is_a_rejected_frame_with_its_reason(centre: Centre) -> None:
    ctx, clock = centre.ctx, centre.clock
    wait_for(lambda: len(stored_calls(ctx)) == 1, what="the call stored")
    [call] = stored_calls(ctx)
    _call, incident = calls.answer_call(ctx, call.id)
    clock.advance(20)
    # The longitude lost on the way (ml still counts the message as sent).
    malformed = aml_sms(LAT, LON, RADIUS).replace(f";lg={LON:+.5f}", "")
    with pytest.raises(AmlError) as refused:
        decode_aml(malformed)
    reason = str(refused.value)
    assert reason.startswith("AML:")

    centre.modem.receive(SENDER, malformed)

    wait_for(lambda: len(centre.frames(centre.modem_feed)) == 1, what="the rejected frame stored")
    [frame] = centre.frames(centre.modem_feed)
    assert frame.rejected_reason == reason
    assert malformed.encode() in frame.raw
    assert frame.decoded is None
    assert frame.call_id is None
    assert centre.messages() == []
    assert centre.incident(incident.id).lat is None
    # A message refused is deleted too (a full SIM would store no new one).
    centre.modem.wait_for(lambda fake: ("SM", 1) in fake.deleted, what="AT+CMGD=1")
