"""The AMI decoder: the shared samples, filters, each rule of FEEDS.md's AMI section, and properties."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any, TypedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.enums import Presentation
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import SignalKind
from dispatch.feeds.ami import MAX_MESSAGE, AmiDecoder, login_action
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame
from tests.feeds.decoding import as_event, decoded, expected, feed_all, random_stream, rejected

#: The in-repository copy of shared/samples/feeds.
SAMPLES = Path(__file__).resolve().parent / "samples"
CALL_ID = "1668495791.84"


class Filters(TypedDict, total=False):
    exten: str
    context: str
    queue: str


GREETING = b"Asterisk Call Manager/5.0.3\r\n"
LOGGED_IN = b"Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n"


def message(*headers: tuple[str, str], newline: bytes = b"\r\n") -> bytes:
    return b"".join(f"{key}: {value}".encode() + newline for key, value in headers) + newline


def channel_event(
    event: str,
    uid: str = "1700000000.1",
    linkedid: str | None = None,
    state: str = "4",
    number: str = "081234567890",
    name: str = "BUDI SANTOSO",
    exten: str = "112",
    context: str = "from-pstn",
    channel: str = "PJSIP/trunk-telkom-00000001",
    extra: tuple[tuple[str, str], ...] = (),
) -> bytes:
    desc = {"0": "Down", "4": "Ring", "5": "Ringing", "6": "Up"}.get(state, "Unknown")
    return message(
        ("Event", event),
        ("Privilege", "call,all"),
        ("Channel", channel),
        ("ChannelState", state),
        ("ChannelStateDesc", desc),
        ("CallerIDNum", number),
        ("CallerIDName", name),
        ("ConnectedLineNum", "<unknown>"),
        ("ConnectedLineName", "<unknown>"),
        ("Language", "en"),
        ("AccountCode", ""),
        ("Context", context),
        ("Exten", exten),
        ("Priority", "1"),
        ("Uniqueid", uid),
        ("Linkedid", linkedid or uid),
        *extra,
    )


def newchannel(**kwargs: Any) -> bytes:
    return channel_event("Newchannel", **kwargs)


def up(**kwargs: Any) -> bytes:
    return channel_event("Newstate", state="6", **kwargs)


def hangup(**kwargs: Any) -> bytes:
    kwargs.setdefault("extra", (("Cause", "16"), ("Cause-txt", "Normal Clearing")))
    return channel_event("Hangup", **kwargs)


def agent_leg(uid: str = "1700000000.2", linkedid: str = "1700000000.1", state: str = "0") -> bytes:
    return newchannel(
        uid=uid,
        linkedid=linkedid,
        state=state,
        number="201",
        name="Operator 1",
        exten="s",
        context="from-internal",
        channel="PJSIP/operator1-00000002",
    )


def queue_join(queue: str = "q112", linkedid: str = "1700000000.1") -> bytes:
    return message(
        ("Event", "QueueCallerJoin"),
        ("Privilege", "agent,all"),
        ("Channel", "PJSIP/trunk-telkom-00000001"),
        ("CallerIDNum", "081234567890"),
        ("Uniqueid", linkedid),
        ("Linkedid", linkedid),
        ("Queue", queue),
        ("Position", "1"),
        ("Count", "1"),
    )


def decode(data: bytes, chunk: int | None = None, **filters: str) -> list[Frame]:
    """Feed ``data`` whole, or ``chunk`` bytes at a time, then flush."""
    cuts = () if chunk is None else range(chunk, len(data), chunk)
    return feed_all(AmiDecoder(**filters), data, cuts)


def kinds(frames: list[Frame]) -> list[tuple[SignalKind, str]]:
    return [(frame.kind, frame.number_raw) for frame in decoded(frames)]


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


# -- the samples ---------------------------------------------------------------------------------


def test_session_sample_decodes_to_its_expected_events() -> None:
    frames = decode(sample("ami-session.bin"))
    assert rejected(frames) == []
    assert [as_event(f) for f in decoded(frames)] == expected("ami-session.expected.jsonl")
    assert {f.call_id for f in decoded(frames)} == {CALL_ID}


def test_session_sample_raw_is_each_message() -> None:
    data = sample("ami-session.bin")
    frames = decoded(decode(data))
    assert [f.raw.split(b"\r\n", 1)[0] for f in frames] == [
        b"Event: Newchannel",
        b"Event: Newstate",
        b"Event: Hangup",
    ]
    for frame in frames:
        assert frame.raw.endswith(b"\r\n\r\n")
        assert frame.raw in data
    assert b"".join(f.raw for f in frames) == data[data.index(b"Event: Newchannel") :]


def test_greeting_and_login_response() -> None:
    decoder = AmiDecoder()
    assert decoder.greeting is None
    assert decoder.feed(GREETING) == []
    assert decoder.greeting == "Asterisk Call Manager/5.0.3"
    assert decoder.take_responses() == []
    assert decoder.feed(LOGGED_IN) == []
    assert decoder.take_responses() == [
        {"response": "Success", "actionid": "1", "message": "Authentication accepted"}
    ]
    assert decoder.take_responses() == []


def test_a_refused_login_is_a_response_too() -> None:
    decoder = AmiDecoder()
    decoder.feed(GREETING + b"Response: Error\r\nActionID: 1\r\nMessage: Authentication failed\r\n\r\n")
    assert decoder.take_responses() == [
        {"response": "Error", "actionid": "1", "message": "Authentication failed"}
    ]


def test_broken_header_sample_rejects_the_message_and_decodes_the_next() -> None:
    frames = decode(sample("malformed/ami-broken-header.bin"))
    assert len(frames) == 2
    bad, good = frames
    assert isinstance(bad, RejectedFrame)
    assert bad.raw == b"Event: Newchannel\r\nCallerIDNum081234\r\nUniqueid: 1.1\r\n\r\n"
    assert bad.reason == "header line without ': ' separator"
    assert isinstance(good, DecodedFrame)
    assert good.kind is SignalKind.INCOMING
    assert parse_caller_number(good.number_raw).e164 == "+6281211112222"
    assert (good.name, good.line, good.call_id) == ("SITI", None, "1668495800.1")


@pytest.mark.parametrize("name", ["ami-session.bin", "malformed/ami-broken-header.bin"])
def test_byte_at_a_time_equals_one_chunk(name: str) -> None:
    data = sample(name)
    assert decode(data, chunk=1) == decode(data)
    decoder = AmiDecoder()
    for index in range(len(data)):
        decoder.feed(data[index : index + 1])
    if name == "ami-session.bin":
        assert decoder.greeting == "Asterisk Call Manager/5.0.3"
        assert len(decoder.take_responses()) == 1


# -- filters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [{"exten": "112"}, {"context": "from-pstn"}, {"exten": "112", "context": "from-pstn"}, {}],
)
def test_the_sample_passes_its_own_filters(filters: Filters) -> None:
    frames = decode(sample("ami-session.bin"), **filters)
    assert [f.kind for f in decoded(frames)] == [SignalKind.INCOMING, SignalKind.ANSWERED, SignalKind.ENDED]


@pytest.mark.parametrize(
    "filters",
    [
        {"exten": "110"},
        {"context": "from-internal"},
        {"exten": "112", "context": "from-internal"},
        {"queue": "q112"},
    ],
)
def test_a_call_that_fails_the_filter_produces_nothing(filters: Filters) -> None:
    assert decode(sample("ami-session.bin"), **filters) == []


def test_a_call_to_another_exten_produces_nothing_while_ours_does() -> None:
    data = (
        newchannel(uid="1.1", exten="110", number="081311112222")
        + newchannel(uid="2.1", exten="112")
        + up(uid="1.1", exten="110", number="081311112222")
        + up(uid="2.1")
        + hangup(uid="1.1", exten="110", number="081311112222")
        + hangup(uid="2.1")
    )
    frames = decoded(decode(data, exten="112"))
    assert [(f.kind, f.number_raw, f.call_id) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "2.1"),
        (SignalKind.ANSWERED, "081234567890", "2.1"),
        (SignalKind.ENDED, "081234567890", "2.1"),
    ]
    assert len(decoded(decode(data))) == 6


def test_exten_matched_by_a_later_newexten_before_the_answer() -> None:
    newexten = channel_event("Newexten", exten="112", extra=(("Application", "Queue"), ("AppData", "q112")))
    data = newchannel(exten="s") + newexten + up() + hangup()
    frames = decoded(decode(data, exten="112"))
    assert [f.kind for f in frames] == [SignalKind.INCOMING, SignalKind.ANSWERED, SignalKind.ENDED]
    assert frames[0].raw == newexten


def test_exten_matched_by_dial_begin() -> None:
    dial = message(
        ("Event", "DialBegin"),
        ("Channel", "PJSIP/trunk-telkom-00000001"),
        ("CallerIDNum", "081234567890"),
        ("Context", "from-pstn"),
        ("Exten", "112"),
        ("Uniqueid", "1700000000.1"),
        ("Linkedid", "1700000000.1"),
        ("DestChannel", "PJSIP/operator1-00000002"),
        ("DestUniqueid", "1700000000.2"),
        ("DestLinkedid", "1700000000.1"),
        ("DialString", "operator1"),
    )
    frames = decoded(decode(newchannel(exten="s") + agent_leg() + dial + up() + hangup(), exten="112"))
    assert [f.kind for f in frames] == [SignalKind.INCOMING, SignalKind.ANSWERED, SignalKind.ENDED]
    assert frames[0].raw == dial


def test_exten_seen_only_after_the_answer_does_not_count() -> None:
    newexten = channel_event("Newexten", state="6", exten="112")
    assert decode(newchannel(exten="s") + up(exten="s") + newexten + hangup(), exten="112") == []


def test_queue_filter() -> None:
    agent_connect = message(
        ("Event", "AgentConnect"),
        ("Channel", "PJSIP/trunk-telkom-00000001"),
        ("Uniqueid", "1700000000.1"),
        ("Linkedid", "1700000000.1"),
        ("Queue", "q112"),
        ("DestChannel", "PJSIP/operator1-00000002"),
        ("HoldTime", "3"),
    )
    # The dialplan answers (announcement) before queueing: the call-taker answers at AgentConnect.
    data = newchannel(exten="s") + up(exten="s") + queue_join("q112") + agent_connect + hangup()
    frames = decoded(decode(data, queue="q112"))
    assert [(f.kind, f.number_raw, f.call_id) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "1700000000.1"),
        (SignalKind.ANSWERED, "081234567890", "1700000000.1"),
        (SignalKind.ENDED, "081234567890", "1700000000.1"),
    ]
    assert frames[0].raw == queue_join("q112")
    assert frames[1].raw == agent_connect
    assert decode(newchannel(exten="s") + queue_join("q110") + agent_connect + hangup(), queue="q112") == []


def test_queue_and_exten_filters_both_apply() -> None:
    data = newchannel(exten="112") + queue_join("q112") + hangup()
    assert [f.kind for f in decoded(decode(data, exten="112", queue="q112"))] == [
        SignalKind.INCOMING,
        SignalKind.ENDED,
    ]
    assert decode(newchannel(exten="110") + queue_join("q112") + hangup(), exten="112", queue="q112") == []


def test_with_a_filter_the_channel_state_does_not_matter() -> None:
    data = newchannel(state="0") + hangup(state="0")
    assert decode(data) == []
    assert [f.kind for f in decoded(decode(data, exten="112"))] == [SignalKind.INCOMING, SignalKind.ENDED]


# -- events of one call --------------------------------------------------------------------------------


def test_a_whole_call_with_an_agent_leg() -> None:
    bridge = message(
        ("Event", "BridgeEnter"),
        ("BridgeUniqueid", "b-1"),
        ("BridgeType", "basic"),
        ("Channel", "PJSIP/operator1-00000002"),
        ("Uniqueid", "1700000000.2"),
        ("Linkedid", "1700000000.1"),
    )
    data = (
        newchannel()
        + agent_leg()
        + up(uid="1700000000.2", linkedid="1700000000.1", number="201")
        + bridge
        + up()
        + hangup(uid="1700000000.2", linkedid="1700000000.1", number="201")
        + hangup()
        + hangup()
    )
    frames = decoded(decode(data))
    assert [(f.kind, f.number_raw, f.name, f.line, f.call_id) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "BUDI SANTOSO", None, "1700000000.1"),
        (SignalKind.ANSWERED, "081234567890", "BUDI SANTOSO", None, "1700000000.1"),
        (SignalKind.ENDED, "081234567890", "BUDI SANTOSO", None, "1700000000.1"),
    ]


def test_bridge_enter_answers_a_call_not_yet_up() -> None:
    bridge = message(("Event", "BridgeEnter"), ("BridgeType", "basic"), ("Uniqueid", "1700000000.1"))
    frames = decoded(decode(newchannel() + bridge + up() + hangup()))
    assert [f.kind for f in frames] == [SignalKind.INCOMING, SignalKind.ANSWERED, SignalKind.ENDED]
    assert frames[1].raw == bridge


def test_a_holding_bridge_is_not_an_answer() -> None:
    bridge = message(("Event", "BridgeEnter"), ("BridgeType", "holding"), ("Uniqueid", "1700000000.1"))
    assert [f.kind for f in decoded(decode(newchannel() + bridge))] == [SignalKind.INCOMING]


def test_answered_once_and_ended_once() -> None:
    data = newchannel() + up() + up() + hangup() + up() + hangup()
    assert [f.kind for f in decoded(decode(data))] == [
        SignalKind.INCOMING,
        SignalKind.ANSWERED,
        SignalKind.ENDED,
    ]


def test_an_unanswered_call_ends() -> None:
    data = newchannel() + hangup(extra=(("Cause", "19"), ("Cause-txt", "No answer")))
    assert [f.kind for f in decoded(decode(data))] == [SignalKind.INCOMING, SignalKind.ENDED]


def test_the_second_channel_of_a_call_is_not_a_new_call() -> None:
    data = newchannel() + agent_leg(state="4")
    assert kinds(decode(data)) == [(SignalKind.INCOMING, "081234567890")]


def test_events_of_a_call_that_began_before_we_connected_say_nothing() -> None:
    data = up(uid="9.1") + agent_leg(uid="9.2", linkedid="9.1", state="4") + hangup(uid="9.1")
    assert decode(data) == []


def test_a_channel_created_down_is_not_an_incoming_call() -> None:
    assert decode(newchannel(state="0") + up() + hangup()) == []


def test_without_linkedid_the_uniqueid_ties_the_call() -> None:
    def strip_linkedid(data: bytes) -> bytes:
        return b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(b"Linkedid"))

    data = strip_linkedid(newchannel(uid="55.5") + up(uid="55.5") + hangup(uid="55.5"))
    frames = decoded(decode(data))
    assert [(f.kind, f.call_id) for f in frames] == [
        (SignalKind.INCOMING, "55.5"),
        (SignalKind.ANSWERED, "55.5"),
        (SignalKind.ENDED, "55.5"),
    ]


@pytest.mark.parametrize(
    ("number", "presentation"),
    [
        ("<unknown>", Presentation.UNAVAILABLE),
        ("", Presentation.UNAVAILABLE),
        ("anonymous", Presentation.PRIVATE),
        ("081234567890", Presentation.ALLOWED),
    ],
)
def test_caller_number_stays_as_sent(number: str, presentation: Presentation) -> None:
    (frame,) = decoded(decode(newchannel(number=number, name="<unknown>")))
    assert frame.number_raw == number
    assert frame.name is None
    assert parse_caller_number(frame.number_raw).presentation is presentation


def test_a_missing_caller_number_is_empty() -> None:
    data = message(("Event", "Newchannel"), ("ChannelState", "4"), ("Uniqueid", "3.3"), ("Linkedid", "3.3"))
    (frame,) = decoded(decode(data))
    assert (frame.number_raw, frame.name, frame.call_id) == ("", None, "3.3")


def test_caller_id_set_before_the_call_became_ours_is_used() -> None:
    new_callerid = message(
        ("Event", "NewCallerid"),
        ("Channel", "PJSIP/trunk-telkom-00000001"),
        ("CallerIDNum", "081311112222"),
        ("CallerIDName", "SITI"),
        ("Uniqueid", "1700000000.1"),
        ("Linkedid", "1700000000.1"),
    )
    newexten = channel_event("Newexten", number="081311112222", name="SITI")
    data = newchannel(exten="s", number="<unknown>", name="<unknown>") + new_callerid + newexten + hangup()
    frames = decoded(decode(data, exten="112"))
    assert [(f.kind, f.number_raw, f.name) for f in frames] == [
        (SignalKind.INCOMING, "081311112222", "SITI"),
        (SignalKind.ENDED, "081311112222", "SITI"),
    ]


@pytest.mark.parametrize(
    "event",
    [
        b"Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n",
        b"Event: VarSet\r\nChannel: PJSIP/x\r\nVariable: FOO\r\nValue: bar\r\nUniqueid: 1.1\r\n\r\n",
        b"Event: PeerStatus\r\nPeer: PJSIP/operator1\r\nPeerStatus: Reachable\r\n\r\n",
    ],
)
def test_other_events_say_nothing(event: bytes) -> None:
    assert decode(event) == []


def test_keys_are_case_insensitive_and_order_varies() -> None:
    data = (
        b"linkedid: 7.7\r\nCALLERIDNUM: 081234567890\r\ncalleridname: SITI\r\nUNIQUEID: 7.7\r\n"
        b"channelstate: 4\r\nEVENT: Newchannel\r\nexten: 112\r\n\r\n"
    )
    frames = decoded(decode(data, exten="112"))
    assert [(f.kind, f.number_raw, f.name, f.call_id) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "SITI", "7.7")
    ]


def test_channel_state_description_alone_is_enough() -> None:
    data = message(
        ("Event", "Newchannel"), ("ChannelStateDesc", "Ring"), ("Uniqueid", "8.8"), ("Linkedid", "8.8")
    )
    assert [f.kind for f in decoded(decode(data))] == [SignalKind.INCOMING]


def test_bare_lf_lines_are_tolerated() -> None:
    data = (
        GREETING.replace(b"\r\n", b"\n")
        + channel_event("Newchannel", state="4").replace(b"\r\n", b"\n")
        + channel_event("Hangup").replace(b"\r\n", b"\n")
    )
    assert [f.kind for f in decoded(decode(data))] == [SignalKind.INCOMING, SignalKind.ENDED]


def test_empty_values_and_colons_in_values() -> None:
    data = (
        message(
            ("Event", "Newchannel"),
            ("AccountCode", ""),
            ("Channel", "SIP/10.0.0.1:5060-00000001"),
            ("ChannelState", "4"),
            ("CallerIDNum", "081234567890"),
            ("CallerIDName", "A: B"),
            ("Uniqueid", "4.4"),
        )
        + b"Event: Hangup\r\nAccountCode:\r\nUniqueid:4.4\r\n\r\n"
    )
    frames = decoded(decode(data))
    assert [(f.kind, f.name, f.call_id) for f in frames] == [
        (SignalKind.INCOMING, "A: B", "4.4"),
        (SignalKind.ENDED, "A: B", "4.4"),
    ]


def test_blank_lines_between_messages_are_ignored() -> None:
    assert kinds(decode(b"\r\n\r\n" + newchannel() + b"\r\n\n")) == [(SignalKind.INCOMING, "081234567890")]


# -- rejections ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        b"Event: Newchannel\r\nCallerIDNum081234\r\nUniqueid: 1.1\r\n\r\n",
        b"garbage\r\n\r\n",
        b"Event Newchannel\r\n\r\n",
        b"Key with spaces: x\r\n\r\n",
        b": no key\r\n\r\n",
        b"\x00\xff\x10\r\n\r\n",
    ],
)
def test_a_header_without_its_separator_rejects_the_whole_message(bad: bytes) -> None:
    frames = decode(bad + newchannel())
    assert len(frames) == 2
    assert frames[0] == RejectedFrame(bad, "header line without ': ' separator")
    assert kinds(frames[1:]) == [(SignalKind.INCOMING, "081234567890")]


def test_a_message_without_event_or_response_is_rejected() -> None:
    bad = b"Privilege: call,all\r\nUniqueid: 1.1\r\n\r\n"
    assert decode(bad) == [RejectedFrame(bad, "message without Event or Response")]


def test_no_reason_quotes_a_header_value() -> None:
    secret = "s3cr3t-Pa55"
    bad = f"Action: Login\r\nUsername: dispatch\r\nSecret: {secret}\r\nEvents call\r\n\r\n".encode()
    (frame,) = decode(bad)
    assert isinstance(frame, RejectedFrame)
    assert secret not in frame.reason


def test_a_message_over_64_kib_is_rejected_and_the_next_decodes() -> None:
    huge = b"Event: VarSet\r\n" + b"Value: " + b"x" * (70 * 1024) + b"\r\nUniqueid: 1.1\r\n\r\n"
    for chunk in (None, 1, 1000, 64 * 1024, 100_000):
        frames = decode(huge + newchannel(), chunk=chunk)
        assert len(frames) == 2, chunk
        assert frames[0] == RejectedFrame(huge[:MAX_MESSAGE], "message longer than 64 KiB")
        assert kinds(frames[1:]) == [(SignalKind.INCOMING, "081234567890")]


def test_many_lines_over_64_kib_are_rejected_too() -> None:
    huge = b"Event: VarSet\r\n" + b"Variable: FOO\r\n" * 5000 + b"\r\n"
    for chunk in (None, 1, 333):
        frames = decode(huge + newchannel(), chunk=chunk)
        assert [type(f) for f in frames] == [RejectedFrame, DecodedFrame], chunk
        assert frames[0].raw == huge[:MAX_MESSAGE]


@pytest.mark.parametrize("ending", [b"\r\n", b"\n"])
def test_the_message_limit_is_exact(ending: bytes) -> None:
    head = b"Event: VarSet\r\nValue: "
    fits = head + b"x" * (MAX_MESSAGE - len(head) - 2 - len(ending)) + b"\r\n" + ending
    assert len(fits) == MAX_MESSAGE
    for chunk in (None, 1):
        assert decode(fits + newchannel(), chunk=chunk) == decode(newchannel())
    over = fits.replace(b"Value: ", b"Value: x")
    for chunk in (None, 1):
        # The blank line that ends it is past the limit: the next message still decodes.
        frames = decode(over + newchannel(), chunk=chunk)
        assert frames[0] == RejectedFrame(over[:MAX_MESSAGE], "message longer than 64 KiB")
        assert kinds(frames[1:]) == [(SignalKind.INCOMING, "081234567890")]


def test_flush_rejects_a_partial_message() -> None:
    decoder = AmiDecoder()
    partial = newchannel()[:-30]
    assert decoder.feed(partial) == []
    (frame,) = decoder.flush()
    assert isinstance(frame, RejectedFrame)
    assert frame.raw == partial
    assert "truncated" in frame.reason
    assert decoder.flush() == []
    assert kinds(decoder.feed(newchannel(uid="5.5"))) == [(SignalKind.INCOMING, "081234567890")]


def test_flush_with_nothing_pending_says_nothing() -> None:
    decoder = AmiDecoder()
    decoder.feed(GREETING + newchannel())
    assert decoder.flush() == []


# -- the login action ------------------------------------------------------------------------------------


def test_login_action() -> None:
    assert login_action("dispatch", "rahasia") == (
        b"Action: Login\r\nUsername: dispatch\r\nSecret: rahasia\r\nEvents: call,agent\r\nActionID: 1\r\n\r\n"
    )
    assert login_action("dispatch", "rahasia", action_id="login-7").endswith(b"ActionID: login-7\r\n\r\n")


@pytest.mark.parametrize(
    ("username", "secret"), [("dispatch", "rahasia\r\nAction: Logoff"), ("dis\npatch", "rahasia")]
)
def test_login_action_refuses_line_breaks_without_quoting_the_secret(username: str, secret: str) -> None:
    with pytest.raises(ValueError, match="line break") as error:
        login_action(username, secret)
    assert secret not in str(error.value)
    assert "rahasia" not in str(error.value)


# -- properties -----------------------------------------------------------------------------------------

VALID_STREAM = (
    sample("ami-session.bin")
    + sample("malformed/ami-broken-header.bin")
    + newchannel()
    + agent_leg()
    + up()
    + b"Event: VarSet\r\nValue: "
    + b"y" * (66 * 1024)
    + b"\r\n\r\n"
    + hangup().replace(b"\r\n", b"\n")
    + b"Response: Error\r\nMessage: Permission denied\r\n\r\n"
    + newchannel(uid="9.9")[:-10]
)


def _frames_ok(frames: list[Frame]) -> None:
    for frame in frames:
        assert isinstance(frame, DecodedFrame | RejectedFrame)
        assert isinstance(frame.raw, bytes)
        assert len(frame.raw) <= MAX_MESSAGE
        if isinstance(frame, RejectedFrame):
            assert frame.reason
        else:
            assert isinstance(frame.kind, SignalKind)
            assert isinstance(frame.number_raw, str)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.binary(max_size=300), max_size=10), st.sampled_from([{}, {"exten": "112"}, {"queue": "q"}])
)
def test_arbitrary_bytes_never_raise_and_only_make_frames(chunks: list[bytes], filters: Filters) -> None:
    decoder = AmiDecoder(**filters)
    frames: list[Frame] = []
    for chunk in chunks:
        frames += decoder.feed(chunk)
    frames += decoder.flush()
    _frames_ok(frames)
    assert all(isinstance(response, dict) for response in decoder.take_responses())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["Event", "Response", "Uniqueid", "Linkedid", "ChannelState", "Exten", "Queue", "X"]
            ),
            st.sampled_from(
                ["Newchannel", "Newstate", "Hangup", "BridgeEnter", "4", "6", "112", "1.1", "", "q"]
            ),
        ),
        max_size=12,
    ),
    st.sampled_from([{}, {"exten": "112"}, {"queue": "q"}, {"context": "c"}]),
)
def test_arbitrary_headers_never_raise(headers: list[tuple[str, str]], filters: Filters) -> None:
    data = b"".join(message(*headers[index : index + 3]) for index in range(0, len(headers), 3))
    _frames_ok(decode(data, **filters))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(VALID_STREAM)), max_size=30))
def test_a_valid_stream_cut_anywhere_decodes_identically(cuts: list[int]) -> None:
    whole = decode(VALID_STREAM)
    points = [0, *sorted(cuts), len(VALID_STREAM)]
    decoder = AmiDecoder()
    frames: list[Frame] = []
    for start, stop in itertools.pairwise(points):
        frames += decoder.feed(VALID_STREAM[start:stop])
    frames += decoder.flush()
    assert frames == whole
    assert [f.kind for f in decoded(whole)] == [
        SignalKind.INCOMING,
        SignalKind.ANSWERED,
        SignalKind.ENDED,
        SignalKind.INCOMING,
        SignalKind.INCOMING,
        SignalKind.ANSWERED,
        SignalKind.ENDED,
    ]
    assert [f.reason for f in rejected(whole)] == [
        "header line without ': ' separator",
        "message longer than 64 KiB",
        "truncated message (the connection ended before its blank line)",
    ]
    assert decoder.greeting == "Asterisk Call Manager/5.0.3"
    assert [r["response"] for r in decoder.take_responses()] == ["Success", "Error"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_garbage_then_a_blank_line_then_a_valid_message_yields_it(garbage: bytes) -> None:
    valid = newchannel(uid="1700000099.7", number="081211112222", name="SITI")
    frames = decode(garbage + b"\r\n\r\n" + valid)
    _frames_ok(frames)
    last = frames[-1]
    assert isinstance(last, DecodedFrame)
    assert (last.kind, last.number_raw, last.name, last.call_id, last.raw) == (
        SignalKind.INCOMING,
        "081211112222",
        "SITI",
        "1700000099.7",
        valid,
    )


#: Streams with many of the protocol's line breaks and separators.
STREAM_ALPHABETS = (b"Event: Newchannel\r\n", b"xyz", b"\r\n", b"a: b\r\n")


# 64 KiB a run: 20 runs keep the suite quick; the bound is checked on every one.
@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=8192))
def test_64_kib_of_random_bytes_in_bounded_time(seed: int, chunk: int) -> None:
    data = random_stream(seed, 64 * 1024, STREAM_ALPHABETS)
    started = time.perf_counter()
    whole = decode(data)
    chunked = decode(data, chunk=chunk)
    elapsed = time.perf_counter() - started
    assert chunked == whole
    _frames_ok(whole)
    assert elapsed < 2.0


@pytest.mark.parametrize(
    "pattern", [b"x", b"Key: value\r\n", b"\r", b"Event: Newchannel\r\nUniqueid: 1\r\n\r\n"]
)
def test_64_kib_fed_a_byte_at_a_time_is_linear(pattern: bytes) -> None:
    data = (pattern * (64 * 1024 // len(pattern) + 1))[: 64 * 1024]
    decoder = AmiDecoder()
    started = time.perf_counter()
    frames: list[Frame] = []
    for index in range(len(data)):
        frames += decoder.feed(data[index : index + 1])
    frames += decoder.flush()
    assert time.perf_counter() - started < 3.0
    assert frames == decode(data)
