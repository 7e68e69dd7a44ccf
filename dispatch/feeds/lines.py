"""Splitting a serial byte stream into lines ended by CR LF, LF or CR alone, for the line decoders.

Serial caller-ID devices end lines with CR LF, but a bare LF or a bare CR is tolerated. A line
ends at the first CR or LF, so a line ended by CR is reported at once, before the next byte can
tell whether an LF follows. That LF belongs to the line just reported (it goes into its frame's
``raw``), so the splitter then reports, as the next event, either ``TrailingLF`` (it came) or
``NoTrailingLF`` (another byte came: the stream ends lines with CR alone). ``Line.awaits_lf``
tells a decoder when it should hold the line's frame back for that answer: the line ended with a
CR and the stream has not yet shown that it ends lines with CR alone.

Work is bounded: a line is kept up to ``max_line`` bytes. Beyond that it is reported in pieces of
``max_line`` bytes (``LineTooLong``) without being kept; the ``Line`` that ends it then holds
only the bytes after the last piece, and is marked ``overlong``.

``flush()`` returns what is left of an unterminated line (as a ``Line`` with an empty terminator)
and starts afresh; ``reject_unterminated()`` turns it into the frame a decoder reports for it.
Events come out the same however the stream is cut into ``feed()`` calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dispatch.feeds.frames import RejectedFrame

_LF = 0x0A
_LINE_END = re.compile(rb"[\r\n]")


@dataclass(frozen=True, slots=True)
class Line:
    """A line: its content and its terminator, exactly as received."""

    content: bytes
    #: ``b"\\r"``, ``b"\\n"``, or ``b""`` for the unterminated rest returned by ``flush()``.
    terminator: bytes
    #: The line was longer than ``max_line``: its earlier bytes came as ``LineTooLong`` pieces.
    overlong: bool = False
    #: Ended by CR in a stream not known to end lines with CR alone: an LF may follow that
    #: belongs to this line (``TrailingLF``), or not (``NoTrailingLF``).
    awaits_lf: bool = False

    @property
    def raw(self) -> bytes:
        """The line as received, its terminator included (a trailing LF comes separately)."""
        return self.content + self.terminator


@dataclass(frozen=True, slots=True)
class LineTooLong:
    """``max_line`` bytes of a line that is too long; they are not kept."""

    piece: bytes


@dataclass(frozen=True, slots=True)
class TrailingLF:
    """The LF that followed a CR-ended line: it belongs to that line."""


@dataclass(frozen=True, slots=True)
class NoTrailingLF:
    """A CR-ended line was followed by another byte than LF: the stream ends lines with CR alone."""


LineEvent = Line | LineTooLong | TrailingLF | NoTrailingLF

_TRAILING_LF = TrailingLF()
_NO_TRAILING_LF = NoTrailingLF()


class LineSplitter:
    """Splits a byte stream into lines (see the module docstring)."""

    def __init__(self, max_line: int) -> None:
        if max_line < 1:
            raise ValueError("max_line must be at least 1")
        self.max_line = max_line
        self._line = bytearray()
        self._overlong = False
        self._after_cr = False
        self._cr_only = False

    @property
    def cr_only(self) -> bool:
        """The stream has shown that it ends lines with CR alone (until an LF follows a CR again)."""
        return self._cr_only

    @property
    def at_line_start(self) -> bool:
        """Nothing of a line is kept and no LF is awaited after a CR: the next byte starts a line."""
        return not self._line and not self._overlong and not self._after_cr

    def feed(self, data: bytes) -> list[LineEvent]:
        """The events completed by ``data``, in order; a partial line is kept for the next call."""
        events: list[LineEvent] = []
        data = bytes(data)
        i, end_of_data = 0, len(data)
        while i < end_of_data:
            if self._after_cr:
                self._after_cr = False
                if data[i] == _LF:
                    self._cr_only = False
                    events.append(_TRAILING_LF)
                    i += 1
                    continue
                self._cr_only = True
                events.append(_NO_TRAILING_LF)
            found = _LINE_END.search(data, i)
            end = end_of_data if found is None else found.start()
            self._take(data, i, end, events)
            if found is None:
                break
            terminator = data[end : end + 1]
            i = end + 1
            events.append(self._end_line(terminator))
            self._after_cr = terminator == b"\r"
        return events

    def flush(self) -> Line:
        """The unterminated rest of the stream (perhaps empty), and a fresh start."""
        rest = Line(bytes(self._line), b"", overlong=self._overlong)
        self._line.clear()
        self._overlong = False
        self._after_cr = False
        self._cr_only = False
        return rest

    def _take(self, data: bytes, start: int, end: int, events: list[LineEvent]) -> None:
        """Add ``data[start:end]`` to the current line, reporting it in pieces when it grows too long."""
        pos = start
        while len(self._line) + (end - pos) > self.max_line:
            take = self.max_line - len(self._line)
            self._line += data[pos : pos + take]
            pos += take
            self._overlong = True
            events.append(LineTooLong(bytes(self._line)))
            self._line.clear()
        self._line += data[pos:end]

    def _end_line(self, terminator: bytes) -> Line:
        line = Line(
            bytes(self._line),
            terminator,
            overlong=self._overlong,
            awaits_lf=terminator == b"\r" and not self._cr_only,
        )
        self._line.clear()
        self._overlong = False
        return line


def reject_unterminated(rest: Line) -> RejectedFrame | None:
    """The frame for the unterminated rest that ``flush()`` returned, or None when there is none.

    The end of an over-long line is "line too long" (if any byte of it is left); otherwise a rest
    that is not blank is "truncated": a line cut short (a cut number) must not pass for a whole one.
    """
    if rest.overlong:
        return RejectedFrame(rest.content, "line too long") if rest.content else None
    return RejectedFrame(rest.content, "truncated") if rest.content.strip() else None
