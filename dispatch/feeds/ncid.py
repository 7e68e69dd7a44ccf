"""NCID client protocol (server to client, TCP 3333), as FEEDS.md describes it.

The server sends text lines ending LF (a CR before it is tolerated). After connecting: a ``200``
banner, ``210 API: ...``, then ``251``/``252``/``253`` or ``254 Start of call log`` followed by the
replayed log (``CIDLOG:``, ``HUPLOG:``, ``MSGLOG:``...) and ``250 End of call log``, then ``OPT:``
lines and ``300 End of connection startup``. Afterwards, live lines such as::

    CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*081234567890*MESG*NONE*NAME*BUDI SANTOSO*
    CIDINFO: *LINE*POTS*RING*2*TIME*14:03:09*
    END: *HTYPE*BYE*DATE*...*SCALL*...*ECALL*...*CTYPE*IN*LINE*POTS*NMBR*081234567890*NAME*...*

What each line becomes:

- ``CID:`` (incoming) and ``WID:`` (call waiting): ``incoming``.
- ``HUP:`` (the server answered and hung up a blacklisted call) and ``BLK:`` (the server blocked
  the call): ``ended``, with the number of the line itself. The server sends these *instead of*
  ``CID:``, so no ``incoming`` comes before them; the console sees that a call was refused.
- ``CIDINFO:`` with ``RING`` n > 0: ``ring`` for the last call on that line, if it has not been
  answered and the count went up (a count that did not go up is the next call ringing before its
  caller ID arrived: the old call is forgotten, no event); 0: ``answered``; -1 (not answered),
  -2 (hung up after answer), -3 (busy), -4 (automatic hang-up): ``ended``. Other counts: nothing.
- ``END:`` (``HTYPE`` BYE or CANCEL): ``ended`` for the last call on that line with the same
  ``NMBR`` (or the last call on the line when the line has no ``NMBR``); ``CTYPE`` OUT/PUT ends an
  outgoing call: nothing.
- Every call gets at most one ``answered`` and one ``ended``; events for a call the decoder never
  saw start (before the connection, say) are not invented.
- ``OUT:``, ``PID:``, ``PUT:``, ``MSG:``, ``NOT:``, ``OPT:``, any ``...LOG:`` replay and any other
  ``TYPE:`` line: nothing (not rejected). Numeric responses: nothing (``200`` sets
  ``server_banner``, ``300`` sets ``started``).
- A leading ``+`` (a line forwarded from another server) is dropped and the line decoded.

Fields are ``*LABEL*value*`` pairs in any order; unknown labels are ignored. ``NMBR`` stays exactly
as sent, placeholders included (``PRIVATE``, ``NO-NUMBER``, ``OUT-OF-AREA``...: the phone layer
maps them); ``NAME`` placeholders become None; ``LINE`` ``NO-LINE``/``-`` become None. A ``*``
inside a value (``NMBR***622`` from some gateways) is kept in the value when what follows it is not
a label.

Rejected: a line that is neither ``TYPE: ...`` nor a numeric response; a call line (``CID:``,
``WID:``, ``HUP:``, ``BLK:``, ``CIDINFO:``, ``END:``) whose fields are broken (not ``*``-delimited
pairs, as when a line was cut short) or that lacks ``NMBR`` (``RING`` for ``CIDINFO:``); a line
over 4096 bytes (its first 4096 bytes are kept as ``raw``, the rest is skipped up to the next LF);
and, at ``flush()``, a partial line. The decoder always resynchronises at the next LF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame, clean_name

#: The longest line accepted, without its LF. Real lines are a few hundred bytes.
MAX_LINE = 4096
#: How many lines, and calls per line, are remembered for ring/answer/end events.
_MAX_LINES = 64
_MAX_CALLS_PER_LINE = 16

_RESPONSE = re.compile(r"(\d{3})(?:\s+(.*))?", re.DOTALL)
_TYPED = re.compile(r"\+?([A-Za-z][A-Za-z0-9_-]*):(.*)", re.DOTALL)
_LABEL = re.compile(r"[A-Z][A-Z0-9_]*")
_LINE_PLACEHOLDERS = frozenset({"", "-", "NO-LINE", "NONE"})
_OUTGOING_CTYPES = frozenset({"OUT", "PUT"})
_ENDED_RING_COUNTS = frozenset({-1, -2, -3, -4})


@dataclass(slots=True)
class _Call:
    number_raw: str
    name: str | None
    answered: bool = False
    over: bool = False


@dataclass(slots=True)
class _Line:
    calls: list[_Call] = field(default_factory=list)
    last_ring: int = 0

    def add(self, call: _Call) -> None:
        self.calls.append(call)
        del self.calls[:-_MAX_CALLS_PER_LINE]

    def latest(self) -> _Call | None:
        return self.calls[-1] if self.calls else None


class NcidDecoder:
    """Decodes an NCID server's byte stream into call events (see the module docstring)."""

    def __init__(self) -> None:
        #: True once ``300 End of connection startup`` arrived (False again at a new ``200``).
        self.started = False
        #: The text after ``200`` (``Server: ncidd (NCID) 1.13``), once received.
        self.server_banner: str | None = None
        #: The text after ``210`` (``API: 1.12 Feature Set 1 2 3 4 5``), once received.
        self.server_api: str | None = None
        #: True between ``254 Start of call log`` and ``250 End of call log``.
        self.in_call_log = False
        self._buf = bytearray()
        self._discarding = False
        self._lines: dict[str | None, _Line] = {}

    def feed(self, data: bytes) -> list[Frame]:
        out: list[Frame] = []
        pos = 0
        size = len(data)
        while pos < size:
            newline = data.find(b"\n", pos)
            end = size if newline < 0 else newline + 1
            if self._discarding:
                # The rest of an over-long line, already rejected.
                self._discarding = newline < 0
                pos = end
                continue
            room = MAX_LINE + 1 - len(self._buf)
            if newline < 0:
                self._buf += data[pos : min(end, pos + room)]
                if len(self._buf) > MAX_LINE:
                    out.append(_too_long(bytes(self._buf[:MAX_LINE])))
                    self._buf.clear()
                    self._discarding = True
                pos = end
                continue
            if newline - pos >= room:  # the content before the LF exceeds MAX_LINE
                out.append(_too_long(bytes(self._buf) + data[pos : pos + room - 1]))
                self._buf.clear()
                pos = end
                continue
            self._buf += data[pos:end]
            line = bytes(self._buf)
            self._buf.clear()
            pos = end
            out.extend(self._line(line))
        return out

    def flush(self) -> list[Frame]:
        rest = bytes(self._buf)
        self._buf.clear()
        self._discarding = False
        if not rest.strip():
            return []
        return [RejectedFrame(rest, "truncated line (the connection ended before its LF)")]

    # -- one line ---------------------------------------------------------------------------------

    def _line(self, raw: bytes) -> list[Frame]:
        text = _text(raw).strip()
        if not text:
            return []
        response = _RESPONSE.fullmatch(text)
        if response is not None:
            self._response(int(response.group(1)), (response.group(2) or "").strip())
            return []
        typed = _TYPED.fullmatch(text)
        if typed is None:
            return [RejectedFrame(raw, "not an NCID line (no 'TYPE:' prefix and no response code)")]
        kind = typed.group(1).upper()
        body = typed.group(2).strip()
        if kind.endswith("LOG"):
            return []  # call-log replay: history, not a new call
        if kind in ("CID", "WID", "HUP", "BLK"):
            return self._call(kind, body, raw)
        if kind == "CIDINFO":
            return self._cidinfo(body, raw)
        if kind == "END":
            return self._end(body, raw)
        return []  # OUT, PID, PUT, MSG, NOT, OPT, INFO... and types this decoder does not know

    def _response(self, code: int, text: str) -> None:
        if code == 200:
            self.server_banner = text
            self.started = False
            self.in_call_log = False
        elif code == 210:
            self.server_api = text
        elif code == 254:
            self.in_call_log = True
        elif code == 250:
            self.in_call_log = False
        elif code == 300:
            self.started = True
            self.in_call_log = False

    def _call(self, kind: str, body: str, raw: bytes) -> list[Frame]:
        fields = _fields(body)
        if fields is None:
            return [_broken(kind, raw)]
        number = fields.get("NMBR")
        if number is None:
            return [RejectedFrame(raw, f"{kind} line without NMBR")]
        name = clean_name(fields.get("NAME"))
        line = _line_id(fields.get("LINE"))
        state = self._line_state(line)
        call = _Call(number, name)
        if kind in ("HUP", "BLK"):
            # Refused by the server: ended at once, and later CIDINFO/END lines about it say nothing.
            call.over = True
            state.add(call)
            return [DecodedFrame(SignalKind.ENDED, number, raw, name=name, line=line)]
        state.add(call)
        state.last_ring = 0
        return [DecodedFrame(SignalKind.INCOMING, number, raw, name=name, line=line)]

    def _cidinfo(self, body: str, raw: bytes) -> list[Frame]:
        fields = _fields(body)
        if fields is None:
            return [_broken("CIDINFO", raw)]
        ring_text = fields.get("RING")
        if ring_text is None:
            return [RejectedFrame(raw, "CIDINFO line without RING")]
        try:
            ring = int(ring_text.strip())
        except ValueError:
            return [RejectedFrame(raw, "CIDINFO line with a RING count that is not a number")]
        line = _line_id(fields.get("LINE"))
        state = self._line_state(line)
        call = state.latest()
        if ring > 0:
            fresh = ring > state.last_ring
            state.last_ring = ring
            if call is None or call.over or call.answered:
                return []
            if not fresh:
                call.over = True  # the next call is ringing, before its caller ID: the old one is gone
                return []
            return [self._event(SignalKind.RING, call, raw, line)]
        state.last_ring = 0
        if call is None or call.over:
            return []
        if ring == 0:
            if call.answered:
                return []
            call.answered = True
            return [self._event(SignalKind.ANSWERED, call, raw, line)]
        if ring in _ENDED_RING_COUNTS:
            call.over = True
            return [self._event(SignalKind.ENDED, call, raw, line)]
        return []

    def _end(self, body: str, raw: bytes) -> list[Frame]:
        fields = _fields(body)
        if fields is None:
            return [_broken("END", raw)]
        if fields.get("CTYPE", "").strip().upper() in _OUTGOING_CTYPES:
            return []
        line = _line_id(fields.get("LINE"))
        state = self._lines.get(line)
        if state is None:
            return []
        number = fields.get("NMBR")
        call = next(
            (c for c in reversed(state.calls) if number is None or c.number_raw == number),
            None,
        )
        if call is None or call.over:
            return []
        call.over = True
        return [self._event(SignalKind.ENDED, call, raw, line)]

    def _event(self, kind: SignalKind, call: _Call, raw: bytes, line: str | None) -> DecodedFrame:
        return DecodedFrame(kind, call.number_raw, raw, name=call.name, line=line)

    def _line_state(self, line: str | None) -> _Line:
        state = self._lines.get(line)
        if state is None:
            state = self._lines[line] = _Line()
            while len(self._lines) > _MAX_LINES:
                del self._lines[next(iter(self._lines))]
        return state


def _fields(body: str) -> dict[str, str] | None:
    """``*LABEL*value*LABEL*value*`` as a dict (first occurrence wins), or None when broken.

    A token where a label should be that does not look like one (``NMBR***622``) continues the
    previous value; a line that does not end with ``*`` or ends with a label has been cut short.
    """
    if len(body) < 2 or not body.startswith("*") or not body.endswith("*"):
        return None
    tokens = body[1:-1].split("*")
    fields: dict[str, str] = {}
    values: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if _LABEL.fullmatch(token) is None:
            if not values:
                return None
            values[-1][1].append(token)
            index += 1
            continue
        if index + 1 >= len(tokens):
            return None  # a label without its value
        values.append((token, [tokens[index + 1]]))
        index += 2
    for label, parts in values:
        fields.setdefault(label, "*".join(parts))
    return fields


def _line_id(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    return None if text.upper() in _LINE_PLACEHOLDERS else text


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _broken(kind: str, raw: bytes) -> RejectedFrame:
    return RejectedFrame(raw, f"{kind} line with broken *LABEL*value* fields (cut short?)")


def _too_long(raw: bytes) -> RejectedFrame:
    return RejectedFrame(raw, f"line too long (over {MAX_LINE} bytes)")
