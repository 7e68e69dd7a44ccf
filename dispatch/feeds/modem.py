"""Serial caller-ID modems: formatted ``TAG = value`` blocks and unformatted hex SDMF/MDMF lines.

The modem's output is lines (CR LF; a bare LF or CR is tolerated). The two forms are told apart
by each line's content, so a modem switched between ``AT+VCID=1`` and ``AT+VCID=2`` needs no
setting. Between calls come blank lines, ``RING``, the echo of our AT commands and ``OK``/``ERROR``:
none is an event, and none is rejected.

Formatted (``AT+VCID=1``): a block of TAG lines (DATE, TIME, NMBR or DDN_NMBR, NAME, MESG, in any
order, the spaces around '=' optional) ends at a blank line, a ``RING``, any other non-TAG line,
or when a TAG it already holds comes again (a second DATE starts the next call). A block with a
number is one incoming frame whose ``raw`` is its lines exactly as received, line ends included;
NMBR wins over DDN_NMBR when both came. A block without a number is rejected.

A block is reported as soon as it is known complete, never held until the next call: at the line
that ends it, or earlier, at the line that gives it all of DATE, TIME, a number and NAME (as NCID's
server does: a modem may send nothing more until the next RING, seconds later). TAG lines that
still follow before the block ends (a MESG after the NAME) belong to the reported call: they are
no event and not rejected, and are not in its ``raw``.

A line with bytes outside printable ASCII, or a TAG whose value has the wrong shape
(``DATE = 11x5``), is line noise: it is rejected on its own and ends the block before it, so
noise never merges into, nor swallows, the next good block.

Unformatted (``AT+VCID=2``): one line of hex holds a whole message, ``[type][length][params]``
followed by a checksum byte that some modems omit; a wrong checksum is rejected.

``flush()``: a block still open is decoded if it has a number (the modem sends a block and then
nothing: no blank line need follow), else rejected as truncated; an unterminated partial line
that is not blank is rejected as truncated (a cut number must not be shown as a caller's).

Work is bounded: a line longer than ``MAX_LINE`` bytes is rejected in ``MAX_LINE`` pieces as
"line too long" without being kept, and a block holds at most ``MAX_BLOCK_LINES`` lines.

The usual read (whole lines of printable ASCII, each ended by CR LF, starting at a line start in a
stream that ends lines with CR LF) takes a shorter path: the lines are split at once instead of
byte by byte, with exactly the frames the general path gives (the tests feed both).

A CR alone ends a line, but the LF that may follow belongs to that line's ``raw``. A frame made
by a single CR-ended line (a hex message, a rejected line) therefore waits for the next byte, or
for ``flush()``, unless the stream has shown that it ends lines with CR alone; so does a block
completed by a CR-ended line. A block ended by a following line never waits.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum, auto

from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame, clean_name
from dispatch.feeds.lines import Line, LineSplitter, LineTooLong, TrailingLF, reject_unterminated

#: The longest line kept, in bytes; longer ones are rejected in pieces of this size.
MAX_LINE = 1024
#: The most lines one formatted block holds; a further TAG line starts the next block.
MAX_BLOCK_LINES = 16
#: A formatted block holding all of these (and a number) is complete.
COMPLETE_BLOCK_TAGS = frozenset({"DATE", "TIME", "NAME"})

SDMF_CALL = 0x04
MDMF_CALL = 0x80
MDMF_DATE_TIME = 0x01
MDMF_NUMBER = 0x02
MDMF_CALLED_NUMBER = 0x03
MDMF_NUMBER_ABSENT = 0x04
MDMF_NAME = 0x07
MDMF_NAME_ABSENT = 0x08

_PRINTABLE = re.compile(rb"[\x20-\x7e\t]*")
#: A read of whole printable lines, each ended by CR LF and no longer than ``MAX_LINE``.
_CRLF_LINES = re.compile(rb"(?:[\x20-\x7e\t]{0,%d}\r\n)+" % MAX_LINE)
_CRLF = b"\r\n"
_RING = re.compile(r"RING(?:[ \t].*)?")
# Our own commands echoed back (E1), result codes, and information responses ("+VCID: 1").
_MODEM_CHATTER = re.compile(
    r"(?:AT|A/).*|OK|ERROR|CONNECT(?:[ \t].*)?|NO CARRIER|BUSY|NO DIAL ?TONE|NO ANSWER|[+#%][A-Z]+:.*",
    re.IGNORECASE,
)
_TAG_LINE = re.compile(r"([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(.*)")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_NUMBER = re.compile(r"[0-9*#+-]{1,40}|[PO]")
_VALUE_SHAPES: dict[str, re.Pattern[str]] = {
    "DATE": re.compile(r"[0-9]{4}(?:[0-9]{4})?"),
    "TIME": re.compile(r"[0-9]{4}"),
    "NMBR": _NUMBER,
    "DDN_NMBR": _NUMBER,
    "MESG": re.compile(r"[0-9A-Fa-f \t]*"),
}


class _LfGoesTo(Enum):
    """Where an LF that follows a CR-ended line belongs."""

    NOWHERE = auto()
    BLOCK = auto()
    HELD_FRAME = auto()


class _Block:
    """A formatted block being collected (a plain class: one is made per call)."""

    __slots__ = ("lines", "raw", "reported", "values")

    def __init__(self) -> None:
        self.raw = bytearray()
        self.values: dict[str, str] = {}
        self.lines = 0
        #: Already emitted, complete: the lines that still follow are no event.
        self.reported = False

    @property
    def number(self) -> str | None:
        return self.values.get("NMBR", self.values.get("DDN_NMBR"))

    @property
    def complete(self) -> bool:
        return self.number is not None and self.values.keys() >= COMPLETE_BLOCK_TAGS

    def frame(self) -> DecodedFrame | None:
        number = self.number
        if number is None:
            return None
        name = clean_name(self.values.get("NAME"))
        return DecodedFrame(kind=SignalKind.INCOMING, number_raw=number, raw=bytes(self.raw), name=name)


class ModemDecoder:
    """Decoder for a caller-ID modem's serial output (see the module docstring)."""

    def __init__(self) -> None:
        self._out: list[Frame] = []
        self._reset()

    def _reset(self) -> None:
        """The state of a fresh connection."""
        self._lines = LineSplitter(MAX_LINE)
        self._lf_goes_to = _LfGoesTo.NOWHERE
        self._held: Frame | None = None
        self._block: _Block | None = None

    def feed(self, data: bytes) -> list[Frame]:
        self._out = []
        lines = self._lines
        if (
            lines.at_line_start
            and not lines.cr_only
            and self._held is None
            and _CRLF_LINES.fullmatch(data) is not None
        ):
            return self._feed_crlf_lines(bytes(data))
        for event in lines.feed(data):
            if isinstance(event, Line):
                self._end_line(event)
            elif isinstance(event, LineTooLong):
                self._close_block()
                self._out.append(RejectedFrame(event.piece, "line too long"))
            elif isinstance(event, TrailingLF):
                self._take_lf()
            else:
                self._release_held()
        return self._out

    def _feed_crlf_lines(self, data: bytes) -> list[Frame]:
        """Whole printable CR LF lines, at a line start of a CR LF stream (see ``feed``).

        The splitter would report each line and then its LF, which goes where the line went
        (nothing is held back), so each line is taken with its CR LF at once, and the splitter is
        left as it would be. Blank lines, ``RING`` and TAG lines of a good shape are done here as
        ``_text_line`` and ``_tag_line`` do them (the same steps, in one loop: this runs for
        nearly every call, with cold caches); every other line goes to ``_text_line``.
        """
        self._lf_goes_to = _LfGoesTo.NOWHERE
        for content in data.split(_CRLF)[:-1]:
            text = content.decode("ascii").strip()
            if not text or text == "RING":
                if self._block is not None:
                    self._close_block()
                continue
            tag = _TAG_LINE.fullmatch(text)
            if tag is None or text.startswith(("AT", "CONNECT")):
                self._text_line(text, Line(content, _CRLF))
                continue
            name, value = tag.groups()
            shape = _VALUE_SHAPES.get(name)
            if shape is not None and shape.fullmatch(value) is None:
                self._text_line(text, Line(content, _CRLF))  # rejected there
                continue
            block = self._block
            if block is None or name in block.values or block.lines >= MAX_BLOCK_LINES:
                if block is not None:
                    self._close_block()
                block = self._block = _Block()
            values = block.values
            values[name] = value
            block.lines += 1
            if block.reported:
                continue
            block.raw += content
            block.raw += _CRLF
            number = values.get("NMBR", values.get("DDN_NMBR"))
            if number is not None and values.keys() >= COMPLETE_BLOCK_TAGS:
                block.reported = True
                self._out.append(
                    DecodedFrame(
                        kind=SignalKind.INCOMING,
                        number_raw=number,
                        raw=bytes(block.raw),
                        name=clean_name(values.get("NAME")),
                    )
                )
        return self._out

    def flush(self) -> list[Frame]:
        self._out = []
        self._release_held()
        self._close_block(at_flush=True)
        rest = reject_unterminated(self._lines.flush())
        if rest is not None:
            self._out.append(rest)
        self._reset()
        return self._out

    # --- lines ---------------------------------------------------------------------------------

    def _take_lf(self) -> None:
        if self._lf_goes_to is _LfGoesTo.BLOCK and self._block is not None:
            self._block.raw += b"\n"
        elif self._lf_goes_to is _LfGoesTo.HELD_FRAME and self._held is not None:
            self._held = dataclasses.replace(self._held, raw=self._held.raw + b"\n")
            self._release_held()
        self._lf_goes_to = _LfGoesTo.NOWHERE

    def _release_held(self) -> None:
        if self._held is not None:
            self._out.append(self._held)
            self._held = None
        self._lf_goes_to = _LfGoesTo.NOWHERE

    def _emit_line_frame(self, frame: Frame, line: Line) -> None:
        """A frame made of one line: it waits for the LF that may follow a CR (see the module docstring)."""
        if line.awaits_lf:
            self._held = frame
            self._lf_goes_to = _LfGoesTo.HELD_FRAME
        else:
            self._out.append(frame)
            self._lf_goes_to = _LfGoesTo.NOWHERE

    def _end_line(self, line: Line) -> None:
        content, raw = line.content, line.raw
        self._lf_goes_to = _LfGoesTo.NOWHERE
        if line.overlong:
            self._emit_line_frame(RejectedFrame(raw, "line too long"), line)
            return
        if not _PRINTABLE.fullmatch(content):
            self._close_block()
            self._emit_line_frame(RejectedFrame(raw, "line noise (non-printable bytes)"), line)
            return
        self._text_line(content.decode("ascii").strip(), line)

    def _text_line(self, text: str, line: Line) -> None:
        """A printable line, stripped (``line.raw`` is what goes into frames)."""
        if not text:
            self._close_block()
            return
        tag = _TAG_LINE.fullmatch(text)
        # Of the chatter, only an echoed AT command or a CONNECT can also look like a TAG line.
        if tag is not None and not (text.startswith(("AT", "CONNECT")) and _MODEM_CHATTER.fullmatch(text)):
            self._tag_line(tag.group(1), tag.group(2), line)
            return
        self._close_block()
        if _RING.fullmatch(text) or _MODEM_CHATTER.fullmatch(text):
            return
        if _HEX.fullmatch(text):
            self._emit_line_frame(decode_hex_message(text, line.raw), line)
            return
        self._emit_line_frame(RejectedFrame(line.raw, "not a caller-ID line"), line)

    # --- formatted blocks ----------------------------------------------------------------------

    def _tag_line(self, tag: str, value: str, line: Line) -> None:
        shape = _VALUE_SHAPES.get(tag)
        if shape is not None and not shape.fullmatch(value):
            self._close_block()
            self._emit_line_frame(RejectedFrame(line.raw, f"bad {tag} value"), line)
            return
        block = self._block
        if block is not None and (tag in block.values or block.lines >= MAX_BLOCK_LINES):
            self._close_block()
            block = None
        if block is None:
            block = self._block = _Block()
        block.values[tag] = value
        block.lines += 1
        if block.reported:
            return
        block.raw += line.raw
        frame = block.frame() if block.complete else None
        if frame is not None:
            block.reported = True
            self._emit_line_frame(frame, line)
        elif line.terminator == b"\r":
            self._lf_goes_to = _LfGoesTo.BLOCK

    def _close_block(self, *, at_flush: bool = False) -> None:
        block, self._block = self._block, None
        if block is None or block.reported:
            return
        frame = block.frame()
        if frame is None:
            reason = "truncated" if at_flush else "no number in caller-ID block"
            self._out.append(RejectedFrame(bytes(block.raw), reason))
        else:
            self._out.append(frame)


# --- unformatted messages ----------------------------------------------------------------------


def decode_hex_message(text: str, raw: bytes) -> Frame:
    """One unformatted caller-ID message written in hex (``AT+VCID=2``), the checksum optional.

    ``raw`` is what the frame carries: the line as received.
    """
    if len(text) % 2:
        return RejectedFrame(raw, "odd number of hex digits")
    message = bytes.fromhex(text)
    if len(message) < 2:
        return RejectedFrame(raw, "hex message too short")
    kind, length = message[0], message[1]
    end = 2 + length
    if len(message) < end:
        return RejectedFrame(raw, "truncated message (shorter than its length byte)")
    if len(message) > end + 1:
        return RejectedFrame(raw, "message longer than its length byte")
    if len(message) == end + 1 and sum(message) % 256:
        return RejectedFrame(raw, "bad checksum")
    body = message[2:end]
    if kind == SDMF_CALL:
        return _sdmf(body, raw)
    if kind == MDMF_CALL:
        return _mdmf(body, raw)
    return RejectedFrame(raw, f"unsupported message type 0x{kind:02X}")


def _sdmf(body: bytes, raw: bytes) -> Frame:
    stamp, number = body[:8], body[8:]
    if len(stamp) < 8 or not stamp.isdigit():
        return RejectedFrame(raw, "bad SDMF date and time")
    if not number:
        return RejectedFrame(raw, "no number in caller-ID message")
    if not _is_printable(number):
        return RejectedFrame(raw, "non-printable bytes in the number")
    return DecodedFrame(kind=SignalKind.INCOMING, number_raw=number.decode("ascii"), raw=raw)


def _mdmf(body: bytes, raw: bytes) -> Frame:
    number: bytes | None = None
    absent: bytes | None = None
    name: bytes | None = None
    pos = 0
    while pos < len(body):
        if pos + 2 > len(body) or pos + 2 + body[pos + 1] > len(body):
            return RejectedFrame(raw, "truncated MDMF parameter")
        kind, length = body[pos], body[pos + 1]
        data = body[pos + 2 : pos + 2 + length]
        pos += 2 + length
        if kind == MDMF_NUMBER:
            number = data
        elif kind == MDMF_NUMBER_ABSENT:
            absent = data
        elif kind == MDMF_NAME:
            name = data
        # Date and time, the called number, the reason the name is absent and unknown types are
        # skipped by their length; they stay in the raw.
    if number:
        if not _is_printable(number):
            return RejectedFrame(raw, "non-printable bytes in the number")
        number_raw = number.decode("ascii")
    elif absent is not None:
        # "P" private; "O" out of area, and any other reason: the network could not deliver it.
        number_raw = "P" if absent[:1] == b"P" else "O"
    else:
        return RejectedFrame(raw, "no number in caller-ID message")
    text = None if name is None else "".join(chr(b) for b in name if 0x20 <= b < 0x7F)
    return DecodedFrame(kind=SignalKind.INCOMING, number_raw=number_raw, raw=raw, name=clean_name(text))


def _is_printable(data: bytes) -> bool:
    return all(0x20 <= b < 0x7F for b in data)
