"""Asterisk Manager Interface, the server's side (TCP 5038), as FEEDS.md describes it.

The server greets with ``Asterisk Call Manager/<version>`` CR LF (kept as ``greeting``), then sends
messages: ``Key: Value`` lines ended by a blank line. Keys are case-insensitive (this decoder
lower-cases them), header order varies and a value may be empty. Lines end CR LF; a bare LF is
tolerated.

``Response:`` messages (the reply to our Login action, say) are kept for the transport:
``take_responses()`` returns them, as dicts with lower-case keys (``reply["response"]``).

Events become call events, tied together by ``Linkedid`` (else ``Uniqueid``), which is also the
frame's ``call_id``:

- A call starts with the ``Newchannel`` of its first channel (``Uniqueid`` equal to ``Linkedid``).
  It is ours when it passes the filter: with no filter, when that channel is ringing inbound
  (``ChannelState`` 4 / ``Ring``); with ``exten``/``context``, when the ``Newchannel``, or a later
  ``Newchannel``/``Newexten``/``DialBegin`` of the same call before it is answered, carries that
  ``Exten``/``Context``; with ``queue``, when a ``QueueCallerJoin`` names that queue. With several
  criteria, all must be met. The moment a call becomes ours: ``incoming``, with ``number_raw`` the
  ``CallerIDNum`` of the first channel *exactly as sent*: ``<unknown>`` or an empty value stay as
  they are, and the phone layer reads both as "unavailable" (``anonymous`` reads as "private").
  ``name`` is ``CallerIDName`` unless a placeholder; ``line`` is None.
- ``Newstate`` to ``ChannelState`` 6 / ``Up`` of any channel of an announced call, or its
  ``BridgeEnter`` (not a holding bridge) or ``AgentConnect``: ``answered``, once per call. (A
  dialplan that answers before queueing makes ``Up`` early; with a ``queue`` filter the call is
  only ours from ``QueueCallerJoin`` on, so ``answered`` then comes from the agent's bridge.)
- ``Hangup`` of the channel that started the call: ``ended`` (if announced) and the call is
  forgotten. Hang-ups of other channels (the agent's leg) say nothing.
- Everything else (``FullyBooted``, ``VarSet``, events of calls that began before we connected...):
  nothing.

Rejected: a message with a line that is not ``Key: Value`` (the whole message; decoding goes on
with the next one), a message with neither ``Event`` nor ``Response``, a message over 64 KiB (its
first 64 KiB are kept as ``raw``, the rest is skipped up to the blank line), and at ``flush()`` a
partial message. No reason ever quotes a header value.

Dialling (``protocols.Sender``; the decoder is also a ``protocols.Conversation``, so the runner
writes what it asks): ``send`` makes an ``Originate`` action (``originate_action``: Channel the
operator's extension, which rings first; Context, Exten the agency's number, Priority 1; CallerID
``"112 <incident number>" <112>``; Async; ActionID ``outbox-<id>``). Its ``Response: Error`` is a
FAILED ``OutboxFrame`` with the PBX's message (the AMI user may lack the ``originate`` permission);
``Response: Success`` only says the call is being made; the ``OriginateResponse`` event with that
ActionID says how it went: ``Success`` (the operator answered and the PBX dials the agency) is
SENT, with the ActionID as its reference; ``Failure`` is FAILED with the reason (busy, no answer...).
No answer within ``ORIGINATE_WAIT`` is FAILED too, and so is an action written before the
connection was lost (a dial made minutes later would ring an operator who no longer expects it);
one not yet written goes back to the queue (UNSENT). ``OriginateResponse`` events of other
processes' actions say nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dispatch.domain.forwarding import DEFAULT_DIAL_CONTEXT, OutboxKind, context_problem, extension_problem
from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import (
    DecodedFrame,
    Frame,
    OutboxFrame,
    Outgoing,
    RejectedFrame,
    SendOutcome,
    clean_name,
)

#: The longest message accepted, terminating blank line included.
MAX_MESSAGE = 64 * 1024
GREETING_PREFIX = b"Asterisk Call Manager"
#: Calls remembered at once (those never hung up, or not ours, are dropped oldest first).
_MAX_CALLS = 1024
_MAX_RESPONSES = 64
_KEY = re.compile(r"[^\s:]+")
_FILTER_EVENTS = frozenset({"newchannel", "newexten", "dialbegin"})
#: How long the operator's telephone rings (the Originate's Timeout), and how long an Originate
#: waits for its OriginateResponse before it is given up (seconds).
RING_SECONDS = 30
ORIGINATE_WAIT = RING_SECONDS + 15.0
#: Dials under way at once.
MAX_DIALLING = 5
#: What may go into an Originate's headers (nothing that could end a header or a line).
_EXTEN = re.compile(r"\+?[0-9*#]{1,32}", re.ASCII)
_CALLER_ID = re.compile(r"[A-Za-z0-9 ._-]{0,40}", re.ASCII)
#: OriginateResponse's Reason (Asterisk's control frame of the call's end).
_REASONS = {
    "0": "the call could not be made",
    "1": "hung up",
    "3": "no answer at the operator's telephone",
    "5": "busy",
    "8": "congestion",
}


@dataclass(slots=True)
class _Dial:
    outbox_id: int
    action: bytes
    written: bool = False
    #: Monotonic time it was written (set at the first tick after).
    written_at: float | None = None


@dataclass(slots=True)
class _Call:
    call_id: str
    channel_uid: str
    number_raw: str
    name: str | None
    ringing: bool
    exten_ok: bool
    context_ok: bool
    queue_ok: bool
    up: bool = False
    announced: bool = False
    answered: bool = False


class AmiDecoder:
    """Decodes an AMI server's byte stream into call events, and dials (see the module docstring)."""

    #: What it sends from the outbox (``protocols.Sender``).
    sends = OutboxKind.DIAL

    def __init__(
        self, exten: str | None = None, context: str | None = None, queue: str | None = None
    ) -> None:
        self.exten = exten or None
        self.context = context or None
        self.queue = queue or None
        #: ``Asterisk Call Manager/5.0.3``, once the server has greeted.
        self.greeting: str | None = None
        self._buf = bytearray()  # the message so far, partial line included
        self._line_start = 0
        self._discarding = False
        self._discard_line = b""  # the first bytes (at most 2) of the skipped line: is it blank?
        self._responses: list[dict[str, str]] = []
        self._calls: dict[str, _Call] = {}
        #: The dials asked and not answered yet, by ActionID.
        self._dials: dict[str, _Dial] = {}
        #: The connection is lost for a reason the decoder sees ("" while it is well): never, here.
        self.broken = ""

    @property
    def filtered(self) -> bool:
        return self.exten is not None or self.context is not None or self.queue is not None

    def take_responses(self) -> list[dict[str, str]]:
        """The ``Response:`` messages received since the last call, oldest first (keys lower-case)."""
        responses, self._responses = self._responses, []
        return responses

    def feed(self, data: bytes) -> list[Frame]:
        out: list[Frame] = []
        pos = 0
        size = len(data)
        while pos < size:
            newline = data.find(b"\n", pos)
            end = size if newline < 0 else newline + 1
            stop = end if newline < 0 else newline  # the end of this line's content
            if self._discarding:
                self._skip(data[pos : min(stop, pos + 2)], complete=newline >= 0)
                pos = end
                continue
            room = MAX_MESSAGE + 1 - len(self._buf)
            self._buf += data[pos : min(end, pos + room)]
            if len(self._buf) > MAX_MESSAGE:
                out.append(RejectedFrame(bytes(self._buf[:MAX_MESSAGE]), "message longer than 64 KiB"))
                # Skip the rest of the message: this line (perhaps the blank line that ends it) on.
                content = bytes(self._buf[self._line_start :]).removesuffix(b"\n")
                self._reset()
                self._discarding = True
                self._discard_line = b""
                self._skip(content[:2], complete=False)
                self._skip(data[pos + room : min(stop, pos + room + 2)], complete=newline >= 0)
                pos = end
                continue
            pos = end
            if newline < 0:
                break
            out.extend(self._end_of_line())
        return out

    def flush(self) -> list[Frame]:
        rest = bytes(self._buf)
        self._reset()
        self._discarding = False
        frames: list[Frame] = []
        if rest.strip():
            frames.append(
                RejectedFrame(rest, "truncated message (the connection ended before its blank line)")
            )
        for dial in self._dials.values():
            if dial.written:
                why = "the connection to the PBX was lost before it answered"
                frames.append(OutboxFrame(dial.outbox_id, SendOutcome.FAILED, why, b""))
            else:
                why = "the connection to the PBX was lost before the dial was asked"
                frames.append(OutboxFrame(dial.outbox_id, SendOutcome.UNSENT, why, b""))
        self._dials.clear()
        return frames

    # -- dialling (protocols.Conversation and Sender) ------------------------------------------------

    def can_send(self) -> bool:
        return self.greeting is not None and len(self._dials) < MAX_DIALLING

    def send(self, message: Outgoing) -> list[Frame]:
        """Dial: an Originate written with the next ``replies()``; FAILED at once when a field
        cannot go into it."""
        try:
            action = originate_action(message)
        except ValueError as error:
            return [OutboxFrame(message.outbox_id, SendOutcome.FAILED, str(error), b"")]
        self._dials[action_id(message.outbox_id)] = _Dial(message.outbox_id, action)
        return []

    def tick(self, now: float) -> list[Frame]:
        frames: list[Frame] = []
        for key, dial in list(self._dials.items()):
            if not dial.written:
                continue
            if dial.written_at is None:
                dial.written_at = now
            elif now - dial.written_at > ORIGINATE_WAIT:
                del self._dials[key]
                why = f"the PBX did not say how the call went within {ORIGINATE_WAIT:g} s"
                frames.append(OutboxFrame(dial.outbox_id, SendOutcome.FAILED, why, b""))
        return frames

    def handed_on(self, ok: bool) -> None:
        """Nothing waits on it: the PBX's events are not deleted anywhere."""

    def replies(self) -> list[bytes]:
        out = []
        for dial in self._dials.values():
            if not dial.written:
                dial.written = True
                out.append(dial.action)
        return out

    # -- framing -----------------------------------------------------------------------------------

    def _reset(self) -> None:
        self._buf.clear()
        self._line_start = 0

    def _skip(self, content: bytes, complete: bool) -> None:
        """Skip the content of a line of an over-long message (``complete``: its LF came)."""
        if len(self._discard_line) < 2:
            self._discard_line += content[: 2 - len(self._discard_line)]
        if complete:
            if self._discard_line in (b"", b"\r"):
                self._discarding = False
            self._discard_line = b""

    def _end_of_line(self) -> list[Frame]:
        line = bytes(self._buf[self._line_start :])
        if line not in (b"\n", b"\r\n"):
            if self._line_start == 0 and line.startswith(GREETING_PREFIX):
                self.greeting = _text(line).strip()
                self._reset()
            else:
                self._line_start = len(self._buf)
            return []
        message = bytes(self._buf)
        self._reset()
        if len(message) == len(line):
            return []  # a blank line between messages
        return self._message(message)

    # -- one message -------------------------------------------------------------------------------

    def _message(self, raw: bytes) -> list[Frame]:
        headers: dict[str, str] = {}
        for line in _text(raw).split("\n")[:-2]:  # the last two: the blank line and after its LF
            key, separator, value = line.removesuffix("\r").partition(":")
            if not separator or _KEY.fullmatch(key) is None:
                return [RejectedFrame(raw, "header line without ': ' separator")]
            headers.setdefault(key.lower(), value.removeprefix(" "))
        if "response" in headers:
            key = headers.get("actionid", "").strip()
            dial = self._dials.get(key)
            kind = headers.get("event", "").strip().lower()
            if dial is not None:
                return self._dialled(key, dial, kind, headers, raw)
            if kind == "originateresponse":
                return []  # another process's dial
            self._responses.append(headers)
            del self._responses[:-_MAX_RESPONSES]
            return []
        event = headers.get("event")
        if event is None:
            return [RejectedFrame(raw, "message without Event or Response")]
        return self._event(event.strip().lower(), headers, raw)

    def _event(self, event: str, headers: dict[str, str], raw: bytes) -> list[Frame]:
        uid = headers.get("uniqueid", "")
        key = headers.get("linkedid") or uid or headers.get("destlinkedid") or headers.get("destuniqueid")
        if not key:
            return []
        call = self._calls.get(key)
        if call is None:
            if event != "newchannel" or (uid and uid != key):
                return []  # a call that began before we connected, or not a call
            call = self._new_call(key, headers)
        elif call.channel_uid == uid and not call.announced:
            # The caller ID may be set after the channel was created (NewCallerid).
            if "calleridnum" in headers:
                call.number_raw = headers["calleridnum"]
            if "calleridname" in headers:
                call.name = clean_name(headers["calleridname"])
        out: list[Frame] = []
        if event in _FILTER_EVENTS and not call.up:
            if self.exten is not None and headers.get("exten", "").strip() == self.exten:
                call.exten_ok = True
            if self.context is not None and headers.get("context", "").strip() == self.context:
                call.context_ok = True
        elif event == "queuecallerjoin" and self.queue is not None:
            call.queue_ok = headers.get("queue", "").strip() == self.queue or call.queue_ok
        if event == "newchannel" and _state(headers) == "up":
            call.up = True  # created answered (after its own Exten was looked at)
        if not call.announced and self._ours(call):
            call.announced = True
            out.append(self._frame(SignalKind.INCOMING, call, raw))
        if event == "hangup":
            if uid == call.channel_uid:
                del self._calls[key]
                if call.announced:
                    out.append(self._frame(SignalKind.ENDED, call, raw))
        elif _is_answer(event, headers):
            call.up = True
            if call.announced and not call.answered:
                call.answered = True
                out.append(self._frame(SignalKind.ANSWERED, call, raw))
        return out

    def _dialled(self, key: str, dial: _Dial, event: str, headers: dict[str, str], raw: bytes) -> list[Frame]:
        """The PBX's answer to one of our Originates."""
        response = headers.get("response", "").strip().lower()
        if event == "originateresponse":
            del self._dials[key]
            if response == "success":
                return [OutboxFrame(dial.outbox_id, SendOutcome.SENT, key, raw)]
            code = headers.get("reason", "").strip()
            why = _REASONS.get(code, "the call could not be made")
            return [OutboxFrame(dial.outbox_id, SendOutcome.FAILED, f"{why} (Reason {code or '?'})", raw)]
        if response == "success":
            return []  # queued by the PBX: its OriginateResponse follows
        del self._dials[key]
        said = _printable(headers.get("message", ""))[:120] or "no reason given"
        return [OutboxFrame(dial.outbox_id, SendOutcome.FAILED, f"the PBX refused the dial: {said}", raw)]

    def _new_call(self, key: str, headers: dict[str, str]) -> _Call:
        call = _Call(
            call_id=key,
            channel_uid=headers.get("uniqueid") or key,
            number_raw=headers.get("calleridnum", ""),
            name=clean_name(headers.get("calleridname")),
            ringing=_state(headers) == "ring",
            exten_ok=self.exten is None,
            context_ok=self.context is None,
            queue_ok=self.queue is None,
        )
        self._calls[key] = call
        while len(self._calls) > _MAX_CALLS:
            del self._calls[next(iter(self._calls))]
        return call

    def _ours(self, call: _Call) -> bool:
        if not self.filtered:
            return call.ringing
        return call.exten_ok and call.context_ok and call.queue_ok

    def _frame(self, kind: SignalKind, call: _Call, raw: bytes) -> DecodedFrame:
        return DecodedFrame(kind, call.number_raw, raw, name=call.name, line=None, call_id=call.call_id)


def login_action(username: str, secret: str, action_id: str = "1") -> bytes:
    """The ``Login`` action, subscribing to call and agent events.

    Raises ValueError (naming the field, never its value) if a field holds a line break, which
    would let it inject headers.
    """
    for label, value in (("username", username), ("secret", secret), ("action id", action_id)):
        if "\r" in value or "\n" in value:
            raise ValueError(f"the AMI {label} must not contain a line break")
    text = (
        "Action: Login\r\n"
        f"Username: {username}\r\n"
        f"Secret: {secret}\r\n"
        "Events: call,agent\r\n"
        f"ActionID: {action_id}\r\n"
        "\r\n"
    )
    return text.encode("utf-8")


def action_id(outbox_id: int) -> str:
    return f"outbox-{outbox_id}"


def originate_action(message: Outgoing) -> bytes:
    """The Originate of a dial (see the module docstring). Raises ValueError, naming the field, when
    one is not what a header may hold (a channel such as PJSIP/201, a context name, digits)."""
    channel = message.extension.strip()
    context = message.context.strip() or DEFAULT_DIAL_CONTEXT
    exten = message.to_number.strip()
    caller = message.caller_id.strip()
    if extension_problem(channel):
        raise ValueError("the operator's extension is not a channel such as PJSIP/201")
    if context_problem(context):
        raise ValueError("the dial context is not a context name")
    if _EXTEN.fullmatch(exten) is None:
        raise ValueError("the number to dial is not digits")
    if _CALLER_ID.fullmatch(caller) is None:
        caller = "112"
    text = (
        "Action: Originate\r\n"
        f"ActionID: {action_id(message.outbox_id)}\r\n"
        f"Channel: {channel}\r\n"
        f"Context: {context}\r\n"
        f"Exten: {exten}\r\n"
        "Priority: 1\r\n"
        f'CallerID: "{caller}" <112>\r\n'
        f"Timeout: {RING_SECONDS * 1000}\r\n"
        "Async: true\r\n"
        "\r\n"
    )
    return text.encode("ascii")


def _printable(text: str) -> str:
    return "".join(char if " " <= char <= "~" else " " for char in text).strip()


def _state(headers: dict[str, str]) -> str:
    """``ring``, ``up`` or something else, from ChannelState (else ChannelStateDesc)."""
    code = headers.get("channelstate", "").strip()
    if code == "4":
        return "ring"
    if code == "6":
        return "up"
    if code:
        return "other"
    return headers.get("channelstatedesc", "").strip().lower()


def _is_answer(event: str, headers: dict[str, str]) -> bool:
    if event == "newstate":
        return _state(headers) == "up"
    if event == "bridgeenter":
        return headers.get("bridgetype", "").strip().lower() != "holding"
    return event == "agentconnect"


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
