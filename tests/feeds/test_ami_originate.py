"""Dialling an agency through the PBX: the outbox's dial as an AMI Originate, against a scripted
Asterisk Manager Interface on a real 127.0.0.1 socket, behind the console's feed supervisor.

The operator's extension rings first, then the PBX dials the agency: the Originate's OriginateResponse
says how it went (SENT with the ActionID, or FAILED with the reason); a refused action (an AMI user
without the ``originate`` permission), a connection lost before the answer, and a dial asked too long
ago all fail with their reason and an alert.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dispatch.domain.agencies import AgencyReach, AgencySpec
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType
from dispatch.domain.forwarding import OutboxState
from dispatch.domain.signals import SignalKind
from dispatch.feeds import ami
from dispatch.feeds.ami import AmiDecoder, originate_action
from dispatch.feeds.frames import Frame, OutboxFrame, Outgoing, SendOutcome
from dispatch.feeds.runner import Backoff, FeedState
from dispatch.feeds.supervisor import FeedSupervisor
from dispatch.feeds.urls import parse_feed_url
from dispatch.services import agencies, calls, outbox
from dispatch.services.context import ServiceContext
from dispatch.store.tables import FeedFrame, OutboxMessage
from tests.conftest import START
from tests.feeds.supervising import wait_for
from tests.services.support import signal

GREETING = b"Asterisk Call Manager/5.0.3\r\n"


def headers_of(message: bytes) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in message.decode().split("\r\n"):
        key, _, value = line.partition(": ")
        found[key.lower()] = value
    return found


def response(action_id: str, ok: bool = True, message: str = "Originate successfully queued") -> bytes:
    state = "Success" if ok else "Error"
    return f"Response: {state}\r\nActionID: {action_id}\r\nMessage: {message}\r\n\r\n".encode()


def originate_response(action_id: str, ok: bool, reason: int, channel: str = "PJSIP/201") -> bytes:
    return (
        f"Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: {action_id}\r\n"
        f"Response: {'Success' if ok else 'Failure'}\r\nChannel: {channel}\r\nContext: from-internal\r\n"
        f"Exten: 0243544113\r\nReason: {reason}\r\nUniqueid: 1764000000.{reason}\r\n"
        "CallerIDNum: 112\r\nCallerIDName: 112\r\n\r\n"
    ).encode()


#: What the scripted PBX does with an Originate: the bytes it sends back ([] none; None: it hangs up).
Answer = Callable[[dict[str, str]], list[bytes] | None]


def rings_and_answers(action: dict[str, str]) -> list[bytes] | None:
    action_id = action["actionid"]
    # Another process's dial finishing at the same moment says nothing to this one.
    return [
        response(action_id),
        originate_response("outbox-99999", False, 5),
        originate_response(action_id, True, 4),
    ]


@dataclass
class Pbx:
    """An AMI server on 127.0.0.1 that logs anyone in and answers each Originate as ``answer`` says."""

    answer: Answer = rings_and_answers
    actions: list[dict[str, str]] = field(default_factory=list)
    raw_actions: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(5)
        self.port = int(self._socket.getsockname()[1])
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def originates(self) -> list[dict[str, str]]:
        with self._lock:
            return [action for action in self.actions if action.get("action") == "Originate"]

    def _serve(self) -> None:
        self._socket.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._talk, args=(client,), daemon=True).start()

    def _talk(self, client: socket.socket) -> None:
        with client:
            client.settimeout(0.2)
            client.sendall(GREETING)
            buffer = b""
            while not self._stop.is_set():
                try:
                    chunk = client.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                buffer += chunk
                while b"\r\n\r\n" in buffer:
                    message, _, buffer = buffer.partition(b"\r\n\r\n")
                    action = headers_of(message)
                    with self._lock:
                        self.actions.append(action)
                        self.raw_actions.append(message + b"\r\n\r\n")
                    if action.get("action") == "Login":
                        client.sendall(
                            response(action.get("actionid", ""), message="Authentication accepted")
                        )
                        continue
                    replies = self.answer(action)
                    if replies is None:
                        return  # the PBX hangs up on us
                    for reply in replies:
                        client.sendall(reply)

    def close(self) -> None:
        self._stop.set()
        self._socket.close()
        self._thread.join(5)


# -- the action and the decoder ----------------------------------------------------------------------

DIAL = Outgoing(7, "0243544113", extension="PJSIP/201", context="from-internal", caller_id="112 2026-000123")


def test_the_originate_rings_the_operator_first_then_dials_the_agency() -> None:
    assert originate_action(DIAL) == (
        b"Action: Originate\r\nActionID: outbox-7\r\nChannel: PJSIP/201\r\nContext: from-internal\r\n"
        b'Exten: 0243544113\r\nPriority: 1\r\nCallerID: "112 2026-000123" <112>\r\nTimeout: 30000\r\n'
        b"Async: true\r\n\r\n"
    )


def test_without_a_context_the_default_one_is_used() -> None:
    action = originate_action(Outgoing(1, "113", extension="SIP/7"))
    assert b"Context: from-internal\r\n" in action


@pytest.mark.parametrize(
    ("message", "why"),
    [
        (Outgoing(1, "113", extension="201"), "the operator's extension is not a channel such as PJSIP/201"),
        (Outgoing(1, "113", extension="PJSIP/201\r\nAction: Logoff"), "the operator's extension is not"),
        (Outgoing(1, "113", extension="SIP/7", context="a b"), "the dial context is not a context name"),
        (Outgoing(1, "113\r\nx", extension="SIP/7"), "the number to dial is not digits"),
    ],
)
def test_a_field_that_cannot_go_into_a_header_fails_the_dial(message: Outgoing, why: str) -> None:
    decoder = AmiDecoder()
    decoder.feed(GREETING)
    [frame] = decoder.send(message)
    assert isinstance(frame, OutboxFrame)
    assert frame.outcome is SendOutcome.FAILED
    assert frame.detail.startswith(why)
    assert decoder.replies() == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=40), st.text(max_size=40))
def test_any_fields_make_one_well_formed_action_or_a_refusal(
    extension: str, context: str, number: str, caller: str
) -> None:
    message = Outgoing(3, number, extension=extension, context=context, caller_id=caller)
    try:
        action = originate_action(message)
    except ValueError:
        return
    lines = action.split(b"\r\n")
    assert lines[-2:] == [b"", b""]
    assert all(b": " in line and b"\r" not in line and b"\n" not in line for line in lines[:-2])
    assert len(lines) == 11


def started() -> AmiDecoder:
    decoder = AmiDecoder()
    decoder.feed(GREETING)
    assert decoder.can_send()
    return decoder


def dial(decoder: AmiDecoder, now: float = 0.0) -> list[Frame]:
    assert decoder.send(DIAL) == []
    assert decoder.replies() == [originate_action(DIAL)]
    assert decoder.replies() == []
    return decoder.tick(now)


@pytest.mark.parametrize(
    ("reason", "why"),
    [
        (5, "busy (Reason 5)"),
        (3, "no answer at the operator's telephone (Reason 3)"),
        (8, "congestion (Reason 8)"),
        (0, "the call could not be made (Reason 0)"),
    ],
)
def test_the_originate_response_says_how_the_call_went(reason: int, why: str) -> None:
    decoder = started()
    dial(decoder)
    assert decoder.feed(response("outbox-7")) == []
    [frame] = decoder.feed(originate_response("outbox-7", False, reason))
    assert (frame.outbox_id, frame.outcome, frame.detail) == (7, SendOutcome.FAILED, why)  # type: ignore[union-attr]
    decoder = started()
    dial(decoder)
    [frame] = decoder.feed(response("outbox-7") + originate_response("outbox-7", True, 4))
    assert (frame.outcome, frame.detail) == (SendOutcome.SENT, "outbox-7")  # type: ignore[union-attr]
    assert frame.raw.startswith(b"Event: OriginateResponse\r\n")


def test_a_refused_originate_fails_with_the_pbxs_message() -> None:
    decoder = started()
    dial(decoder)
    [frame] = decoder.feed(response("outbox-7", ok=False, message="Permission denied"))
    assert (frame.outcome, frame.detail) == (  # type: ignore[union-attr]
        SendOutcome.FAILED,
        "the PBX refused the dial: Permission denied",
    )


def test_no_answer_from_the_pbx_fails_the_dial_and_a_lost_connection_too() -> None:
    decoder = started()
    dial(decoder, now=10.0)
    assert decoder.tick(10.0 + ami.ORIGINATE_WAIT) == []
    [frame] = decoder.tick(10.0 + ami.ORIGINATE_WAIT + 1)
    assert (frame.outcome, frame.detail) == (  # type: ignore[union-attr]
        SendOutcome.FAILED,
        "the PBX did not say how the call went within 45 s",
    )
    decoder = started()
    dial(decoder)
    decoder.send(Outgoing(8, "113", extension="SIP/7"))  # asked, not yet written
    frames = decoder.flush()
    assert [(f.outbox_id, f.outcome) for f in frames] == [  # type: ignore[union-attr]
        (7, SendOutcome.FAILED),
        (8, SendOutcome.UNSENT),
    ]


def test_other_processes_originate_responses_and_the_login_reply_are_not_ours() -> None:
    decoder = AmiDecoder()
    decoder.feed(GREETING)
    assert decoder.feed(originate_response("outbox-5", True, 4)) == []
    assert decoder.feed(response("1", message="Authentication accepted")) == []
    assert decoder.take_responses()[0]["message"] == "Authentication accepted"


# -- through the supervisor, on a real socket ---------------------------------------------------------


@dataclass
class Room:
    ctx: ServiceContext
    clock: ManualClock
    pbx: Pbx
    supervisor: FeedSupervisor | None
    feed: str
    folder: Path
    incident_id: int
    incident_number: str
    agency_id: int

    def start(self) -> None:
        url = parse_feed_url(f"ami://console:rahasia@127.0.0.1:{self.pbx.port}")
        self.feed = url.display
        self.supervisor = FeedSupervisor(
            self.ctx, [url], self.folder / "spool", backoff=lambda: Backoff(first=0.1, longest=0.2)
        )
        self.supervisor.start()
        supervisor = self.supervisor
        wait_for(lambda: supervisor.health[self.feed].state is FeedState.UP, what="the AMI feed up")

    def dial(self) -> int:
        view = outbox.queue_dial(
            self.ctx,
            incident_id=self.incident_id,
            agency_id=self.agency_id,
            to_number="(024) 354-4113",
            extension="PJSIP/201",
            context="dari-operator",
        )
        return view.id

    def row(self, outbox_id: int) -> OutboxMessage:
        with self.ctx.database.sessions() as session:
            found = session.get(OutboxMessage, outbox_id)
            assert found is not None
            return found


@pytest.fixture
def answer() -> Answer:
    return rings_and_answers


@pytest.fixture
def pbx(answer: Answer) -> Iterator[Pbx]:
    server = Pbx(answer)
    yield server
    server.close()


@pytest.fixture
def room(tmp_path: Path, ctx: ServiceContext, clock: ManualClock, pbx: Pbx) -> Iterator[Room]:
    agency = agencies.create_agency(
        ctx,
        AgencySpec(
            code="POLSEK-TBL",
            name="Polsek Tembalang (DEMO)",
            agency_type=AgencyType.POLICE,
            reach=AgencyReach.FORWARD,
            areas=("33.74.10",),
            phones=("024-3544113",),
        ),
    )
    rung = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, START))
    assert rung is not None
    _call, incident = calls.answer_call(ctx, rung.id)
    made = Room(ctx, clock, pbx, None, "", tmp_path, incident.id, incident.number, agency.id)
    yield made
    if made.supervisor is not None:
        made.supervisor.stop()


def test_a_dial_rings_the_operator_then_the_agency_and_is_recorded(room: Room) -> None:
    room.start()
    outbox_id = room.dial()
    wait_for(lambda: room.row(outbox_id).state == OutboxState.SENT.value, what="SENT stored")
    [action] = room.pbx.originates()
    assert {key: action[key] for key in ("channel", "context", "exten", "priority", "async")} == {
        "channel": "PJSIP/201",
        "context": "dari-operator",
        "exten": "0243544113",
        "priority": "1",
        "async": "true",
    }
    assert action["callerid"] == f'"112 {room.incident_number}" <112>'
    assert action["actionid"] == f"outbox-{outbox_id}"
    row = room.row(outbox_id)
    assert (row.reference, row.feed, row.attempts) == (f"outbox-{outbox_id}", room.feed, 1)
    with room.ctx.database.sessions() as session:
        frames = list(session.scalars(select(FeedFrame).where(FeedFrame.feed == room.feed)))
    [frame] = [f for f in frames if f.raw.startswith(b"Event: OriginateResponse")]
    assert f"ActionID: outbox-{outbox_id}".encode() in frame.raw
    assert frame.rejected_reason is None
    assert outbox.open_failure_alerts(room.ctx) == []


@pytest.mark.parametrize(
    "answer", [lambda action: [response(action["actionid"], ok=False, message="Permission denied")]]
)
def test_an_ami_user_without_the_originate_permission_fails_the_dial_with_an_alert(room: Room) -> None:
    room.start()
    outbox_id = room.dial()
    wait_for(lambda: room.row(outbox_id).state == OutboxState.FAILED.value, what="FAILED stored")
    assert room.row(outbox_id).failed_reason == "the PBX refused the dial: Permission denied"
    [alert] = outbox.open_failure_alerts(room.ctx)
    assert (alert.kind, alert.label, alert.incident_number) == (
        "outbox_dial_failed",
        "0243544113",
        room.incident_number,
    )


@pytest.mark.parametrize("answer", [lambda action: None])
def test_the_pbx_hanging_up_before_it_answers_fails_the_dial(room: Room) -> None:
    room.start()
    outbox_id = room.dial()
    wait_for(lambda: room.row(outbox_id).state == OutboxState.FAILED.value, what="FAILED stored")
    assert room.row(outbox_id).failed_reason == "the connection to the PBX was lost before it answered"
    assert len(room.pbx.originates()) == 1  # never dialled again after the reconnection


def test_a_dial_asked_longer_ago_than_the_operator_waits_is_not_made(room: Room) -> None:
    outbox_id = room.dial()
    room.clock.advance(61)
    room.start()  # the feed was down until now
    wait_for(lambda: room.row(outbox_id).state == OutboxState.FAILED.value, what="FAILED stored")
    assert room.row(outbox_id).failed_reason == (
        "not dialled: asked 61 s ago, longer than the operator waits (60 s)"
    )
    assert room.pbx.originates() == []
