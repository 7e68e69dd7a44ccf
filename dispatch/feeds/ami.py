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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame, clean_name

#: The longest message accepted, terminating blank line included.
MAX_MESSAGE = 64 * 1024
GREETING_PREFIX = b"Asterisk Call Manager"
#: Calls remembered at once (those never hung up, or not ours, are dropped oldest first).
_MAX_CALLS = 1024
_MAX_RESPONSES = 64
_KEY = re.compile(r"[^\s:]+")
_FILTER_EVENTS = frozenset({"newchannel", "newexten", "dialbegin"})


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
    """Decodes an AMI server's byte stream into call events (see the module docstring)."""

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
        if not rest.strip():
            return []
        return [RejectedFrame(rest, "truncated message (the connection ended before its blank line)")]

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
