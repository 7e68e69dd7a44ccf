"""CallerID.com Whozz Calling records (FEEDS.md), over serial and as Ethernet Link UDP datagrams."""

from __future__ import annotations

import random
import string
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.enums import Presentation
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame, clean_name
from dispatch.feeds.whozz import MAX_LINE, WhozzDecoder, decode_whozz_datagram
from tests.feeds.decoding import as_event, decoded, expected, feed_all, rejected

#: A copy of the design's sample byte streams (shared/samples/feeds).
SAMPLES = Path(__file__).resolve().parent / "samples"

UNIT = b"^^<U>\x00\x00\x00\x00\x00\x01<S>\x00\x00\x00\x0009"


def record(
    *,
    line: str = "01",
    direction: str = "I",
    edge: str = "S",
    duration: int = 0,
    checksum: str = "G",
    rings: str = "A0",
    time_of_day: str = "02:03 PM",
    number: str = "081234567890",
    name: str = "BUDI SANTOSO",
    dollar: bool = True,
    trim: bool = False,
) -> bytes:
    """A comprehensive call record in the columns of FEEDS.md, without its line end."""
    text = f"{line} {direction} {edge} {duration:04d} {checksum} {rings} 11/15 {time_of_day} "
    text += f"{number:<14} {name:<15}"
    if trim:
        text = text.rstrip()
    return (("$" if dollar else "") + text).encode()


def detail(kind: str, *, line: str = "01", dollar: bool = False) -> bytes:
    return (("$" if dollar else "") + f"{line} {kind}             11/15 14:03:05").encode()


def datagram(record_bytes: bytes, unit: bytes = UNIT) -> bytes:
    return unit + b"$" + record_bytes


def decode(data: bytes, cuts: Iterable[int] = ()) -> list[Frame]:
    """Feed ``data`` cut at ``cuts``, then flush."""
    return feed_all(WhozzDecoder(), data, cuts)


# --- the design's samples ----------------------------------------------------------------------


def test_the_serial_sample_decodes_to_its_expected_events() -> None:
    data = (SAMPLES / "whozz-serial.bin").read_bytes()
    frames = decode(data)
    assert rejected(frames) == []
    # The sample lists the new call; the end record of the same call is reported as ``ended``.
    incoming = [frame for frame in decoded(frames) if frame.kind is SignalKind.INCOMING]
    assert [as_event(frame) for frame in incoming] == expected("whozz-serial.expected.jsonl")
    assert [frame.kind for frame in decoded(frames)] == [SignalKind.INCOMING, SignalKind.ENDED]
    assert len(frames) == 2
    assert as_event(decoded(frames)[1]) == {**as_event(incoming[0]), "event": "ended"}
    lines = data.split(b"\r\n")
    assert [frame.raw for frame in frames] == [lines[0] + b"\r\n", lines[2] + b"\r\n"]
    assert all(frame.call_id is None for frame in decoded(frames))


def test_the_serial_sample_fed_a_byte_at_a_time_decodes_the_same() -> None:
    data = (SAMPLES / "whozz-serial.bin").read_bytes()
    assert decode(data, range(len(data))) == decode(data)


def test_the_udp_sample_decodes_to_the_start_record() -> None:
    data = (SAMPLES / "whozz-udp-datagram.bin").read_bytes()
    assert len(data) == 83
    [frame] = decode_whozz_datagram(data)
    assert isinstance(frame, DecodedFrame)
    assert [as_event(frame)] == expected("whozz-serial.expected.jsonl")
    assert frame.raw == data


# --- serial records ------------------------------------------------------------------------------


@pytest.mark.parametrize("dollar", [True, False], ids=["dollar", "no-dollar"])
@pytest.mark.parametrize("trim", [False, True], ids=["padded", "trimmed"])
def test_a_start_record_with_or_without_dollar_and_padding(dollar: bool, trim: bool) -> None:
    line = record(dollar=dollar, trim=trim) + b"\r\n"
    [frame] = decode(line)
    assert frame == DecodedFrame(
        kind=SignalKind.INCOMING, number_raw="081234567890", raw=line, name="BUDI SANTOSO", line="01"
    )


def test_an_end_record_is_ended_with_the_same_fields() -> None:
    line = record(edge="E", duration=142, rings="A2", line="04") + b"\r\n"
    [frame] = decode(line)
    assert frame == DecodedFrame(
        kind=SignalKind.ENDED, number_raw="081234567890", raw=line, name="BUDI SANTOSO", line="04"
    )


@pytest.mark.parametrize(
    ("number", "raw", "presentation"),
    [
        ("0812-3456-7890", "081234567890", Presentation.ALLOWED),
        ("024-831-2345", "0248312345", Presentation.ALLOWED),
        ("Private", "P", Presentation.PRIVATE),
        ("PRIVATE", "P", Presentation.PRIVATE),
        ("Anonymous", "P", Presentation.PRIVATE),
        ("Unavailable", "O", Presentation.UNAVAILABLE),
        ("Out of Area", "O", Presentation.UNAVAILABLE),
        ("Out-of-Area", "O", Presentation.UNAVAILABLE),
        ("", "O", Presentation.UNAVAILABLE),
    ],
)
def test_the_number_loses_padding_and_dashes_and_text_becomes_a_marker(
    number: str, raw: str, presentation: Presentation
) -> None:
    [frame] = decode(record(number=number, name="") + b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert frame.number_raw == raw
    assert parse_caller_number(frame.number_raw).presentation is presentation


@pytest.mark.parametrize(
    "name", ["", "Private", "O", "Out of Area", "Unavailable", "NO NAME", "Unknown Name"]
)
def test_a_placeholder_name_is_none(name: str) -> None:
    [frame] = decode(record(name=name) + b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert frame.name is None


def test_a_fourteen_character_number_and_fifteen_character_name_fill_their_columns() -> None:
    [frame] = decode(record(number="00622483112345", name="KANTOR KECAMATA") + b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name) == ("00622483112345", "KANTOR KECAMATA")
    assert parse_caller_number(frame.number_raw).e164 == "+622483112345"


@pytest.mark.parametrize("edge", ["S", "E"])
def test_outbound_records_are_no_event_and_not_rejected(edge: str) -> None:
    assert decode(record(direction="O", edge=edge, number="0248312345", name="") + b"\r\n") == []


@pytest.mark.parametrize("kind", ["R", "F", "N", "H"])
@pytest.mark.parametrize("dollar", [False, True])
def test_detail_records_are_no_event_and_not_rejected(kind: str, dollar: bool) -> None:
    assert decode(detail(kind, dollar=dollar) + b"\r\n") == []


def test_a_whole_inbound_call_gives_incoming_then_ended() -> None:
    stream = b"".join(
        part + b"\r\n"
        for part in [
            detail("R"),
            record(),
            detail("R"),
            detail("F"),
            detail("N"),
            record(edge="E", duration=142, rings="A2"),
        ]
    )
    frames = decode(stream)
    assert [(frame.kind, frame.line) for frame in decoded(frames)] == [
        (SignalKind.INCOMING, "01"),
        (SignalKind.ENDED, "01"),
    ]
    assert rejected(frames) == []


def test_a_bad_caller_id_checksum_is_rejected() -> None:
    line = record(checksum="B") + b"\r\n"
    assert decode(line) == [RejectedFrame(line, "caller-ID checksum bad (B)")]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"hello", "not a Whozz Calling record"),
        (b"$", "not a Whozz Calling record"),
        (b"01 X S 0000 G A0 11/15 02:03 PM 081234567890   BUDI", "not a Whozz Calling record"),
        (b"01 I S 00x0 G A0 11/15 02:03 PM 081234567890   BUDI", "not a Whozz Calling record"),
        (b"01 I S 0000 G A0 11/15 02:03 XM 081234567890   BUDI", "not a Whozz Calling record"),
        (b"01  I S 0000 G A0 11/15 02:03 PM 081234567890   BUDI", "not a Whozz Calling record"),
        (b"01 I S 0000 G A0 11/15 02:03 PMX081234567890   BUDI", "malformed Whozz Calling record (columns)"),
        (
            b"01 I S 0000 G A0 11/15 02:03 PM 0812345678901234 BUDI",
            "malformed Whozz Calling record (columns)",
        ),
        (b"01 Z             11/15 14:03:05", "not a Whozz Calling record"),
        (record(name="BUDI\x00SANTOSO"), "non-printable bytes in the record"),
        (b"\xff\xfe01 I S", "non-printable bytes in the record"),
    ],
)
def test_a_malformed_record_is_rejected_and_the_next_decodes(line: bytes, reason: str) -> None:
    good = record(number="081211112222", name="SITI") + b"\r\n"
    frames = decode(line + b"\r\n" + good)
    assert frames == [
        RejectedFrame(line + b"\r\n", reason),
        DecodedFrame(SignalKind.INCOMING, "081211112222", good, name="SITI", line="01"),
    ]
    assert parse_caller_number("081211112222").e164 == "+6281211112222"


@pytest.mark.parametrize("end", [b"\r", b"\n", b"\r\n"], ids=["CR", "LF", "CRLF"])
def test_any_line_end_is_tolerated(end: bytes) -> None:
    stream = end.join([b"", detail("R"), record(), detail("F"), record(edge="E"), b""])
    frames = decode(stream)
    assert [frame.raw for frame in frames] == [record() + end, record(edge="E") + end]
    assert decode(stream, range(len(stream))) == frames


def test_a_record_split_between_cr_and_lf_keeps_both() -> None:
    decoder = WhozzDecoder()
    assert decoder.feed(record() + b"\r") == []
    [frame] = decoder.feed(b"\n")
    assert frame.raw == record() + b"\r\n"


def test_with_cr_alone_a_record_is_emitted_at_its_cr_once_the_stream_shows_it() -> None:
    decoder = WhozzDecoder()
    assert decoder.feed(detail("R") + b"\r") == []
    assert decoder.feed(b"\r") == []
    [frame] = decoder.feed(record() + b"\r")
    assert frame.raw == record() + b"\r"


def test_flush_rejects_a_cut_record_as_truncated_and_ignores_whitespace() -> None:
    decoder = WhozzDecoder()
    assert decoder.feed(b"$01 I S 0000 G A0 11/15 02:03 PM 0812") == []
    assert decoder.flush() == [RejectedFrame(b"$01 I S 0000 G A0 11/15 02:03 PM 0812", "truncated")]
    assert decoder.feed(b"  ") == []
    assert decoder.flush() == []


def test_flush_releases_a_record_waiting_for_its_lf() -> None:
    decoder = WhozzDecoder()
    assert decoder.feed(record() + b"\r") == []
    assert [frame.raw for frame in decoder.flush()] == [record() + b"\r"]


def test_a_line_too_long_is_rejected_in_pieces_and_the_next_record_decodes() -> None:
    frames = decode(b"$" * 5000 + b"\r\n" + record() + b"\r\n")
    *bad, last = frames
    assert all(isinstance(frame, RejectedFrame) and frame.reason == "line too long" for frame in bad)
    assert all(len(frame.raw) <= MAX_LINE + 2 for frame in bad)
    assert b"".join(frame.raw for frame in bad) == b"$" * 5000 + b"\r\n"
    assert isinstance(last, DecodedFrame)


# --- datagrams ---------------------------------------------------------------------------------


def test_a_datagram_of_each_kind() -> None:
    start = datagram(record(dollar=False))
    assert len(start) == 83
    assert [frame.kind for frame in decoded(decode_whozz_datagram(start))] == [SignalKind.INCOMING]
    end = datagram(record(dollar=False, edge="E", duration=142))
    [frame] = decode_whozz_datagram(end)
    assert isinstance(frame, DecodedFrame)
    assert (frame.kind, frame.raw) == (SignalKind.ENDED, end)
    ring = datagram(detail("R"))
    assert len(ring) == 52
    assert decode_whozz_datagram(ring) == []
    assert decode_whozz_datagram(datagram(record(dollar=False, direction="O"))) == []


def test_a_datagram_with_a_line_end_still_decodes() -> None:
    for end in (b"\r\n", b"\n", b"\r"):
        data = datagram(record(dollar=False) + end)
        [frame] = decode_whozz_datagram(data)
        assert isinstance(frame, DecodedFrame)
        assert (frame.number_raw, frame.name, frame.line, frame.raw) == (
            "081234567890",
            "BUDI SANTOSO",
            "01",
            data,
        )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a Whozz Calling Ethernet Link datagram"),
        (record(), "not a Whozz Calling Ethernet Link datagram"),
        (UNIT, "not a Whozz Calling Ethernet Link datagram"),
        (b"^^<X>" + UNIT[5:] + b"$" + record(dollar=False), "not a Whozz Calling Ethernet Link datagram"),
        (
            UNIT[:11] + b"<T>" + UNIT[14:] + b"$" + record(dollar=False),
            "not a Whozz Calling Ethernet Link datagram",
        ),
        (UNIT + b"#" + record(dollar=False), "not a Whozz Calling Ethernet Link datagram"),
        (UNIT + b"$", "datagram without a record"),
        (UNIT + b"$   ", "datagram without a record"),
        (datagram(b"garbage"), "not a Whozz Calling record"),
        (datagram(record(dollar=False, checksum="B")), "caller-ID checksum bad (B)"),
        (datagram(b"\x00" * 62), "non-printable bytes in the record"),
        (datagram(record(dollar=False) * 40), "datagram too long"),
        (datagram(record()), "not a Whozz Calling record"),  # a "$" of its own after the header's
        (datagram(record(dollar=False) + b" "), "datagram longer than a call record (84 bytes)"),
        (datagram(record(dollar=False) + b"\r\n\r\n"), "non-printable bytes in the record"),
        (datagram(detail("R") + b"  "), "datagram longer than a detail record (54 bytes)"),
        (
            datagram(record(dollar=False, trim=True)),
            "truncated datagram: 80 bytes, a call record needs 83 (62 after the header)",
        ),
        (
            datagram(detail("R")[:-1]),
            "truncated datagram: 51 bytes, a detail record needs 52 (31 after the header)",
        ),
        (datagram(b"$" + detail("R")), "not a Whozz Calling record"),
    ],
)
def test_a_bad_datagram_is_rejected(data: bytes, reason: str) -> None:
    assert decode_whozz_datagram(data) == [RejectedFrame(data, reason)]


def test_the_sample_cut_in_its_number_is_rejected_not_a_call_from_a_partial_number() -> None:
    whole = (SAMPLES / "whozz-udp-datagram.bin").read_bytes()
    assert len(whole) == 83
    cut = whole[: whole.index(b"0812345") + 7]  # was a call from "0812345"
    assert decode_whozz_datagram(cut) == [
        RejectedFrame(cut, "truncated datagram: 60 bytes, a call record needs 83 (62 after the header)")
    ]


@pytest.mark.parametrize("size", range(84))
def test_every_prefix_of_a_call_or_detail_datagram_is_rejected_but_the_whole(size: int) -> None:
    for whole in (datagram(record(dollar=False)), datagram(detail("R"))):
        if size > len(whole):
            continue
        frames = decode_whozz_datagram(whole[:size])
        if size == len(whole):
            assert not rejected(frames)
        else:
            assert [frame.raw for frame in rejected(frames)] == [whole[:size]]
            assert not decoded(frames)


def _columns(record_text: bytes) -> tuple[str, str | None, str]:
    """What a whole call record's columns say: number (as the decoder reports it), name, line."""
    text = record_text.decode("ascii")
    number = text[32:46].strip()
    marker = {"PRIVATE": "P", "OUT OF AREA": "O", "UNAVAILABLE": "O", "": "O"}.get(number.upper())
    return marker or number.replace("-", ""), clean_name(text[47:62]), text[0:2]


@settings(max_examples=300, deadline=None)
@given(
    number=st.text(alphabet=string.digits, min_size=3, max_size=14),
    name=st.text(alphabet="ABCDEFGHIJKLMQRSTUVWXYZ .", max_size=15),
    draw=st.data(),
)
def test_a_cut_or_damaged_datagram_is_rejected_or_decodes_exactly_its_columns(
    number: str, name: str, draw: st.DataObject
) -> None:
    """Truncated at any byte, bytes dropped, inserted or replaced anywhere: a datagram either is
    rejected with a reason, or is whole and decodes to what its own columns hold (never to a
    partial number)."""
    whole = datagram(record(dollar=False, number=number, name=name))
    damage = draw.draw(st.sampled_from(["truncate", "drop", "insert", "replace"]), label="damage")
    at = draw.draw(st.integers(0, len(whole) - 1), label="at")
    if damage == "truncate":
        data = whole[:at]
    elif damage == "drop":
        count = draw.draw(st.integers(1, 8), label="count")
        data = whole[:at] + whole[at + count :]
    elif damage == "insert":
        data = whole[:at] + draw.draw(st.binary(min_size=1, max_size=8), label="bytes") + whole[at:]
    else:
        data = whole[:at] + draw.draw(st.binary(min_size=1, max_size=1), label="byte") + whole[at + 1 :]
    frames = decode_whozz_datagram(data)
    assert len(frames) <= 1
    for frame in rejected(frames):
        assert frame.raw == data
        assert frame.reason
    for frame in decoded(frames):
        assert len(data) == 83  # a replaced byte at most: the datagram is still whole
        assert (frame.number_raw, frame.name, frame.line) == _columns(data[21:])
        if damage == "replace" and not 32 + 21 <= at < 46 + 21:
            assert frame.number_raw == number  # only damage inside the number changes it


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=120), header=st.booleans())
def test_any_bytes_after_a_header_decode_only_as_a_whole_padded_record(data: bytes, header: bool) -> None:
    packet = (UNIT + b"$" + data) if header else data
    for frame in decoded(decode_whozz_datagram(packet)):
        assert len(packet.rstrip(b"\r\n")) in (83, 52) or len(packet) in (84, 85)
        assert (frame.number_raw, frame.name, frame.line) == _columns(packet[21:83])


# --- properties ----------------------------------------------------------------------------------

_TOKENS = [
    b"\r",
    b"\n",
    b"\r\n",
    b"$",
    b" ",
    b"01 I S ",
    b"01 O E ",
    b"0000 G A0 ",
    b"11/15 02:03 PM ",
    b"081234567890",
    b"Private",
    b"\x00",
    b"\xff",
    record(),
    detail("R"),
]
_soups = st.lists(st.sampled_from(_TOKENS) | st.binary(max_size=6), max_size=80).map(b"".join)
_any_bytes = st.binary(max_size=3000) | _soups


def _cut(data: bytes, draw: st.DataObject) -> list[int]:
    return draw.draw(st.lists(st.integers(0, len(data)), max_size=40), label="cuts")


@settings(max_examples=200, deadline=None)
@given(data=_any_bytes, draw=st.data())
def test_arbitrary_bytes_never_raise_and_give_only_frames(data: bytes, draw: st.DataObject) -> None:
    frames = decode(data, _cut(data, draw))
    assert all(isinstance(frame, DecodedFrame | RejectedFrame) for frame in frames)
    assert all(frame.reason for frame in rejected(frames))
    assert frames == decode(data)
    for frame in decode_whozz_datagram(data) + decode_whozz_datagram(UNIT + b"$" + data):
        assert isinstance(frame, DecodedFrame | RejectedFrame)


_numbers = st.one_of(
    st.text(alphabet=string.digits, min_size=3, max_size=14),
    st.sampled_from(["0812-3456-7890", "Private", "Out of Area", "Unavailable", ""]),
)
#: Without N, O and P no name can spell a placeholder ("UNKNOWN NAME", "OUT OF AREA", "PRIVATE"...).
_names = st.text(alphabet="ABCDEFGHIJKLMQRSTUVWXYZ .", max_size=15)


@st.composite
def _record(draw: st.DrawFn) -> tuple[bytes, DecodedFrame | None]:
    """A valid record (call or detail) without its line end, and the frame it should give."""
    line = f"{draw(st.integers(1, 99)):02d}"
    dollar = draw(st.booleans())
    if draw(st.integers(0, 3)) == 0:
        return detail(draw(st.sampled_from("RFNH")), line=line, dollar=dollar), None
    direction, edge = draw(st.sampled_from("IO")), draw(st.sampled_from("SE"))
    number, name = draw(_numbers), draw(_names)
    text = record(
        line=line,
        direction=direction,
        edge=edge,
        duration=draw(st.integers(0, 9999)),
        rings=draw(st.sampled_from("ABCD")) + draw(st.sampled_from(string.digits)),
        time_of_day=draw(st.sampled_from(["12:00 AM", "02:03 PM", "11:59 PM"])),
        number=number,
        name=name,
        dollar=dollar,
        trim=draw(st.booleans()),
    )
    if direction == "O":
        return text, None
    marker = {"PRIVATE": "P", "OUT OF AREA": "O", "UNAVAILABLE": "O", "": "O"}.get(number.upper())
    wanted = DecodedFrame(
        kind=SignalKind.INCOMING if edge == "S" else SignalKind.ENDED,
        number_raw=marker or number.replace("-", ""),
        raw=b"",
        name=clean_name(name),
        line=line,
    )
    return text, wanted


@st.composite
def _valid_stream(draw: st.DrawFn) -> tuple[bytes, list[DecodedFrame]]:
    end = draw(st.sampled_from([b"\r\n", b"\n", b"\r"]))
    stream = b""
    wanted: list[DecodedFrame] = []
    for text, frame in draw(st.lists(_record(), min_size=1, max_size=8)):
        stream += text + end + (end if draw(st.booleans()) else b"")
        if frame is not None:
            wanted.append(DecodedFrame(frame.kind, frame.number_raw, text + end, frame.name, frame.line))
    return stream, wanted


@settings(max_examples=200, deadline=None)
@given(stream=_valid_stream(), draw=st.data())
def test_a_valid_stream_cut_anywhere_decodes_like_the_whole(
    stream: tuple[bytes, list[DecodedFrame]], draw: st.DataObject
) -> None:
    data, wanted = stream
    whole = decode(data)
    assert whole == wanted
    assert decode(data, _cut(data, draw)) == whole


@settings(max_examples=200, deadline=None)
@given(garbage=_any_bytes, valid=_record().filter(lambda pair: pair[1] is not None))
def test_garbage_then_a_blank_line_then_a_valid_record_yields_it_last(
    garbage: bytes, valid: tuple[bytes, DecodedFrame | None]
) -> None:
    text, wanted = valid
    assert wanted is not None
    frames = decode(garbage + b"\r\n\r\n" + text + b"\r\n")
    last = frames[-1]
    assert isinstance(last, DecodedFrame)
    assert (last.kind, last.number_raw, last.name, last.line, last.raw) == (
        wanted.kind,
        wanted.number_raw,
        wanted.name,
        wanted.line,
        text + b"\r\n",
    )
    # The same record as a datagram (whole: a datagram is padded to its columns) decodes alike.
    [frame] = decode_whozz_datagram(UNIT + b"$" + text.removeprefix(b"$").ljust(62))
    assert isinstance(frame, DecodedFrame)
    assert (frame.kind, frame.number_raw, frame.name, frame.line) == (
        wanted.kind,
        wanted.number_raw,
        wanted.name,
        wanted.line,
    )


def _random_stream(seed: int, kind: str) -> bytes:
    rng = random.Random(seed)
    size = 64 * 1024
    if kind == "uniform":
        return rng.randbytes(size)
    if kind == "no-line-ends":
        return bytes(b for b in rng.randbytes(size + 1024) if b not in (10, 13))[:size]
    alphabet = {
        "line-ends": b"\r\n",
        "records": b"$01 ISEGBA/:PM\r\n",
        "printable": string.printable.encode(),
    }[kind]
    return bytes(rng.choices(alphabet, k=size))


# 64 KiB a run: 20 runs keep the suite quick; the bound is checked on every one.
@settings(max_examples=20, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    kind=st.sampled_from(["uniform", "no-line-ends", "line-ends", "records", "printable"]),
)
def test_64_kib_of_random_bytes_returns_promptly(seed: int, kind: str) -> None:
    data = _random_stream(seed, kind)
    decoder = WhozzDecoder()
    started = time.perf_counter()
    frames = decoder.feed(data) + decoder.flush() + decode_whozz_datagram(data)
    assert time.perf_counter() - started < 10
    assert all(len(frame.raw) <= MAX_LINE + 2 for frame in frames[:-1])
