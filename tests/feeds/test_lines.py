"""The line splitter shared by the serial line decoders (modem, Whozz Calling)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.feeds.frames import RejectedFrame
from dispatch.feeds.lines import (
    Line,
    LineEvent,
    LineSplitter,
    LineTooLong,
    NoTrailingLF,
    TrailingLF,
    reject_unterminated,
)


def split(data: bytes, max_line: int = 16, cuts: list[int] | None = None) -> tuple[list[LineEvent], Line]:
    """Feed ``data`` cut at ``cuts`` (default: at once); the events, and what flush() returned."""
    splitter = LineSplitter(max_line)
    events: list[LineEvent] = []
    start = 0
    for cut in [*sorted(cuts or []), len(data)]:
        events += splitter.feed(data[start:cut])
        start = cut
    return events, splitter.flush()


def rebuilt(events: list[LineEvent], rest: Line) -> bytes:
    """The stream put back together from what the splitter reported."""
    out = bytearray()
    for event in events:
        if isinstance(event, Line):
            out += event.raw
        elif isinstance(event, LineTooLong):
            out += event.piece
        elif isinstance(event, TrailingLF):
            out += b"\n"
    return bytes(out + rest.raw)


def test_crlf_lines_with_their_trailing_lf() -> None:
    events, rest = split(b"one\r\ntwo\r\n")
    assert events == [
        Line(b"one", b"\r", awaits_lf=True),
        TrailingLF(),
        Line(b"two", b"\r", awaits_lf=True),
        TrailingLF(),
    ]
    assert rest == Line(b"", b"")


def test_lf_lines_await_nothing() -> None:
    events, _ = split(b"one\ntwo\n\n")
    assert events == [Line(b"one", b"\n"), Line(b"two", b"\n"), Line(b"", b"\n")]


def test_a_cr_only_stream_is_recognised_at_its_second_line() -> None:
    splitter = LineSplitter(16)
    assert splitter.feed(b"one\r") == [Line(b"one", b"\r", awaits_lf=True)]
    assert not splitter.cr_only
    assert splitter.feed(b"two\r") == [NoTrailingLF(), Line(b"two", b"\r")]
    assert splitter.cr_only
    # An LF after a CR again: the stream ends lines with CR LF after all.
    assert splitter.feed(b"\nthree\r") == [TrailingLF(), Line(b"three", b"\r", awaits_lf=True)]
    assert not splitter.cr_only


def test_lf_then_cr_is_two_line_ends() -> None:
    events, _ = split(b"a\n\rb\n")
    assert events == [Line(b"a", b"\n"), Line(b"", b"\r", awaits_lf=True), NoTrailingLF(), Line(b"b", b"\n")]


def test_the_byte_after_a_cr_is_answered_in_the_feed_that_brings_it() -> None:
    splitter = LineSplitter(16)
    assert splitter.feed(b"one\r") == [Line(b"one", b"\r", awaits_lf=True)]
    assert splitter.feed(b"t") == [NoTrailingLF()]
    assert splitter.feed(b"wo\n") == [Line(b"two", b"\n")]


def test_a_line_of_max_line_bytes_is_kept() -> None:
    events, _ = split(b"x" * 16 + b"\n")
    assert events == [Line(b"x" * 16, b"\n")]


def test_a_longer_line_is_reported_in_pieces_and_its_end_marked_overlong() -> None:
    events, rest = split(b"x" * 40 + b"\r\nok\n")
    assert events == [
        LineTooLong(b"x" * 16),
        LineTooLong(b"x" * 16),
        Line(b"x" * 8, b"\r", overlong=True, awaits_lf=True),
        TrailingLF(),
        Line(b"ok", b"\n"),
    ]
    assert rest == Line(b"", b"")


def test_flush_returns_the_partial_line_and_starts_afresh() -> None:
    splitter = LineSplitter(16)
    assert splitter.feed(b"x" * 20 + b"\ra") == [
        LineTooLong(b"x" * 16),
        Line(b"xxxx", b"\r", overlong=True, awaits_lf=True),
        NoTrailingLF(),
    ]
    assert splitter.cr_only
    assert splitter.flush() == Line(b"a", b"")
    assert not splitter.cr_only
    assert splitter.feed(b"\nb" + b"y" * 17) == [Line(b"", b"\n"), LineTooLong(b"b" + b"y" * 15)]
    assert splitter.flush() == Line(b"yy", b"", overlong=True)
    assert splitter.flush() == Line(b"", b"")


def test_reject_unterminated() -> None:
    assert reject_unterminated(Line(b"", b"")) is None
    assert reject_unterminated(Line(b" \t", b"")) is None
    assert reject_unterminated(Line(b"NMBR = 08", b"")) == RejectedFrame(b"NMBR = 08", "truncated")
    assert reject_unterminated(Line(b"", b"", overlong=True)) is None
    assert reject_unterminated(Line(b" ", b"", overlong=True)) == RejectedFrame(b" ", "line too long")


def test_max_line_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_line"):
        LineSplitter(0)


_stream = st.lists(
    st.sampled_from([b"\r", b"\n", b"\r\n", b"a", b"bc", b" ", b"\x00", b"x" * 7]), max_size=40
).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(data=_stream, max_line=st.integers(1, 8), draw=st.data())
def test_cutting_the_stream_anywhere_changes_nothing(data: bytes, max_line: int, draw: st.DataObject) -> None:
    cuts = draw.draw(st.lists(st.integers(0, len(data)), max_size=10))
    assert split(data, max_line, cuts) == split(data, max_line)


@settings(max_examples=300, deadline=None)
@given(data=_stream, max_line=st.integers(1, 8))
def test_every_byte_is_reported_once_in_order(data: bytes, max_line: int) -> None:
    events, rest = split(data, max_line, cuts=list(range(len(data))))
    assert rebuilt(events, rest) == data
    for event in events:
        if isinstance(event, Line):
            assert len(event.content) <= max_line
        elif isinstance(event, LineTooLong):
            assert len(event.piece) == max_line
