"""CallerID.com Whozz Calling units: comprehensive text records over serial, or UDP datagrams.

A call record (0-based columns, after an optional leading ``$`` that depends on unit settings):
0-1 line, 3 ``I``/``O``, 5 ``S``/``E`` (start/end), 7-10 duration, 12 ``G``/``B`` (caller-ID
checksum good/bad), 14-15 ring type and count, 17-21 MM/DD, 23-27 hh:mm, 29-30 AM/PM, 32-45 the
number (padded; dashes and text such as ``Private`` depend on the unit), 47-61 the name (padded).
Trailing spaces may be trimmed. Detail records are ``01 R`` (ring), ``F`` (off-hook), ``N``
(on-hook) or ``H`` (hook flash), then the date and a 24-hour time with seconds.

What becomes an event:

- an inbound start record: ``incoming``; an inbound end record: ``ended``, with the same fields.
  The number loses its padding and dashes; ``Private`` and the like become ``P``,
  ``Out of Area``, ``Unavailable`` and an empty number become ``O``. ``line`` is the two digits.
- outbound records and all detail records: nothing, and they are not rejected. An off-hook (F)
  is not reported as ``answered``: the record cannot tell answering an inbound call from lifting
  the handset to dial out, and guessing from the last start record seen on that line would pin an
  earlier caller's number on an unrelated pick-up. The inbound start and end records bracket the
  call; the console records the answer when the call-taker takes it.
- a record whose caller-ID checksum was bad (``B``): rejected, as a modem drops such a message;
  the number in it may be corrupt.
- anything else: rejected with the reason.

A frame's ``raw`` is its record exactly as received, ``$`` and line end included (a CR-ended
record waits for the next byte to see whether an LF belongs to it, unless the stream has shown
that it ends lines with CR alone); for the UDP form it is the whole datagram. A line longer than
``MAX_LINE`` bytes is rejected in pieces, without being kept.
"""

from __future__ import annotations

import dataclasses
import re

from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame, clean_name
from dispatch.feeds.lines import Line, LineSplitter, LineTooLong, TrailingLF, reject_unterminated

#: The longest line kept, in bytes; longer ones are rejected in pieces of this size.
MAX_LINE = 1024

#: Ethernet Link datagrams: header ``^^<U>`` + 6-byte unit number + ``<S>`` + 6-byte serial + ``$``.
DATAGRAM_RECORD_OFFSET = 21
#: The records of a datagram, padded to their last column: call datagrams are 83 bytes, detail 52.
CALL_RECORD_SIZE = 62
DETAIL_RECORD_SIZE = 31

_PRINTABLE = re.compile(rb"[\x20-\x7e\t]*")
_CALL = re.compile(
    r"(?P<line>[0-9]{2}) (?P<direction>[IO]) (?P<edge>[SE]) [0-9]{4} (?P<checksum>[GB]) [A-Z][0-9] "
    r"[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2} [AP]M"
)
_DETAIL = re.compile(r"[0-9]{2} [RFNH] +[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} *")
_CALL_START = re.compile(rb"[0-9]{2} [IO] ")
_DETAIL_START = re.compile(rb"[0-9]{2} [RFNH] ")
_NUMBER_COLUMNS = slice(32, 46)
_NAME_START = 47

_PRIVATE_NUMBERS = frozenset(
    {"P", "PRIVATE", "PRIVATE NUMBER", "ANONYMOUS", "BLOCKED", "RESTRICTED", "WITHHELD"}
)
_UNAVAILABLE_NUMBERS = frozenset(
    {"", "O", "UNAVAILABLE", "OUT OF AREA", "OUT-OF-AREA", "UNKNOWN", "UNKNOWN NUMBER", "-"}
)
# Name texts of these units that mean "no name", beside the common ones of clean_name().
_NAME_PLACEHOLDERS = frozenset(
    {"UNAVAILABLE", "OUT OF AREA", "PRIVATE NUMBER", "PRIVATE CALLER", "UNKNOWN CALLER", "UNKNOWN NAME"}
)


class WhozzDecoder:
    """Decoder for Whozz Calling records over serial (lines end CR LF; LF or CR alone tolerated)."""

    def __init__(self) -> None:
        self._out: list[Frame] = []
        self._lines = LineSplitter(MAX_LINE)
        self._held: Frame | None = None

    def feed(self, data: bytes) -> list[Frame]:
        self._out = []
        for event in self._lines.feed(data):
            if isinstance(event, Line):
                self._end_line(event)
            elif isinstance(event, LineTooLong):
                self._out.append(RejectedFrame(event.piece, "line too long"))
            else:
                if isinstance(event, TrailingLF) and self._held is not None:
                    self._held = dataclasses.replace(self._held, raw=self._held.raw + b"\n")
                self._release_held()
        return self._out

    def flush(self) -> list[Frame]:
        self._out = []
        self._release_held()
        rest = reject_unterminated(self._lines.flush())
        if rest is not None:
            self._out.append(rest)
        return self._out

    def _release_held(self) -> None:
        if self._held is not None:
            self._out.append(self._held)
            self._held = None

    def _end_line(self, line: Line) -> None:
        frame: Frame | None
        if line.overlong:
            frame = RejectedFrame(line.raw, "line too long")
        elif not line.content.strip():
            frame = None
        else:
            frame = decode_whozz_record(line.content, line.raw)
        if frame is None:
            return
        if line.awaits_lf:
            self._held = frame
        else:
            self._out.append(frame)


def decode_whozz_datagram(datagram: bytes) -> list[Frame]:
    """One Ethernet Link UDP datagram: the frame of its record (``raw`` the whole datagram), or nothing.

    A unit sends whole records, padded to their columns: a call datagram is 83 bytes (a 62-byte
    record), a detail datagram 52 (a 31-byte record), perhaps followed by a line end. Anything
    shorter is a truncated datagram and anything longer is not one record: both are rejected,
    never read as a call (a datagram cut in its number would otherwise be a call from a partial
    number). The record follows the ``$`` at offset 20 without a ``$`` of its own.
    """
    data = bytes(datagram)
    if (
        len(data) < DATAGRAM_RECORD_OFFSET
        or not data.startswith(b"^^<U>")
        or data[11:14] != b"<S>"
        or data[20:21] != b"$"
    ):
        return [RejectedFrame(data, "not a Whozz Calling Ethernet Link datagram")]
    if len(data) > DATAGRAM_RECORD_OFFSET + MAX_LINE:
        return [RejectedFrame(data, "datagram too long")]
    record = data[DATAGRAM_RECORD_OFFSET:]
    for end in (b"\r\n", b"\n", b"\r"):
        if record.endswith(end):
            record = record[: -len(end)]
            break
    if not record.strip():
        return [RejectedFrame(data, "datagram without a record")]
    if not _PRINTABLE.fullmatch(record):
        return [RejectedFrame(data, "non-printable bytes in the record")]
    if _CALL_START.match(record):
        size, what = CALL_RECORD_SIZE, "call record"
    elif _DETAIL_START.match(record):
        size, what = DETAIL_RECORD_SIZE, "detail record"
    else:
        return [RejectedFrame(data, "not a Whozz Calling record")]
    if len(record) < size:
        return [
            RejectedFrame(
                data,
                f"truncated datagram: {len(data)} bytes, a {what} needs "
                f"{DATAGRAM_RECORD_OFFSET + size} ({size} after the header)",
            )
        ]
    if len(record) > size:
        return [RejectedFrame(data, f"datagram longer than a {what} ({len(data)} bytes)")]
    frame = decode_whozz_record(record, data)
    return [] if frame is None else [frame]


def decode_whozz_record(record: bytes, raw: bytes) -> Frame | None:
    """One record without its line end: its frame, or None for a record that is no event."""
    if not _PRINTABLE.fullmatch(record):
        return RejectedFrame(raw, "non-printable bytes in the record")
    text = record.decode("ascii").rstrip()
    if text.startswith("$"):
        text = text[1:]
    if _DETAIL.fullmatch(text):
        return None
    call = _CALL.match(text)
    if call is None:
        return RejectedFrame(raw, "not a Whozz Calling record")
    if text[call.end() : call.end() + 1] not in ("", " ") or text[46:47] not in ("", " "):
        return RejectedFrame(raw, "malformed Whozz Calling record (columns)")
    if call["direction"] == "O":
        return None
    if call["checksum"] == "B":
        return RejectedFrame(raw, "caller-ID checksum bad (B)")
    name = clean_name(text[_NAME_START:])
    if name is not None and name.upper() in _NAME_PLACEHOLDERS:
        name = None
    return DecodedFrame(
        kind=SignalKind.INCOMING if call["edge"] == "S" else SignalKind.ENDED,
        number_raw=_number(text[_NUMBER_COLUMNS]),
        raw=raw,
        name=name,
        line=call["line"],
    )


def _number(field: str) -> str:
    text = field.strip()
    marker = text.upper()
    if marker in _PRIVATE_NUMBERS:
        return "P"
    if marker in _UNAVAILABLE_NUMBERS:
        return "O"
    return text.replace("-", "") or "O"
