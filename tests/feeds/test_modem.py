"""Caller-ID modem output (FEEDS.md, "Caller-ID modems"): formatted blocks and hex SDMF/MDMF lines."""

from __future__ import annotations

import random
import string
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame, clean_name
from dispatch.feeds.modem import MAX_BLOCK_LINES, MAX_LINE, ModemDecoder
from tests.feeds.decoding import as_event, decoded, expected, feed_all, rejected

#: A copy of the design's sample byte streams (shared/samples/feeds).
SAMPLES = Path(__file__).resolve().parent / "samples"

BUDI_BLOCK = b"DATE = 1115\r\nTIME = 1403\r\nNMBR = 081234567890\r\nNAME = BUDI SANTOSO\r\n"
SITI_BLOCK = b"DATE = 1115\r\nTIME = 1406\r\nNMBR = 081211112222\r\nNAME = SITI\r\n"


def decode(data: bytes, cuts: Iterable[int] = ()) -> list[Frame]:
    """Feed ``data`` cut at ``cuts``, then flush."""
    return feed_all(ModemDecoder(), data, cuts)


def bytewise(data: bytes) -> list[Frame]:
    return decode(data, range(len(data)))


def assert_raws_in_order(frames: list[Frame], data: bytes) -> None:
    """Every frame's raw is a run of the input, and the runs come in the order of the input."""
    position = 0
    for frame in frames:
        found = data.find(frame.raw, position)
        assert found >= 0, frame
        position = found + len(frame.raw)


def hex_line(message: bytes, *, checksum: bool = True, lower: bool = False) -> bytes:
    if checksum:
        message += bytes([-sum(message) % 256])
    text = message.hex()
    return (text if lower else text.upper()).encode()


def mdmf(*params: tuple[int, bytes]) -> bytes:
    body = b"".join(bytes([kind, len(data)]) + data for kind, data in params)
    return bytes([0x80, len(body)]) + body


def sdmf(number: bytes, stamp: bytes = b"11151403") -> bytes:
    body = stamp + number
    return bytes([0x04, len(body)]) + body


# --- the design's samples ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["modem-formatted", "modem-hex"])
def test_a_sample_decodes_to_its_expected_events(name: str) -> None:
    data = (SAMPLES / f"{name}.bin").read_bytes()
    frames = decode(data)
    assert rejected(frames) == []
    assert [as_event(frame) for frame in decoded(frames)] == expected(f"{name}.expected.jsonl")
    assert all(frame.kind is SignalKind.INCOMING and frame.call_id is None for frame in decoded(frames))
    assert_raws_in_order(frames, data)


@pytest.mark.parametrize(
    "name",
    [
        "modem-formatted.bin",
        "modem-hex.bin",
        "malformed/modem-line-noise.bin",
        "malformed/modem-hex-bad-checksum.bin",
    ],
)
def test_a_sample_fed_a_byte_at_a_time_decodes_the_same(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert bytewise(data) == decode(data)


def test_a_formatted_block_keeps_its_bytes_as_received() -> None:
    frames = decode((SAMPLES / "modem-formatted.bin").read_bytes())
    assert frames[0].raw == BUDI_BLOCK
    assert frames[1].raw == b"DATE=1115\r\nTIME=1417\r\nNMBR=P\r\n"


def test_a_hex_message_keeps_its_line_as_received() -> None:
    data = (SAMPLES / "modem-hex.bin").read_bytes()
    lines = [line + b"\r\n" for line in data.split(b"\r\n") if line and line != b"RING"]
    assert [frame.raw for frame in decode(data)] == lines


@pytest.mark.parametrize(
    ("name", "last_e164"),
    [
        ("malformed/modem-line-noise.bin", "+6281211112222"),
        ("malformed/modem-hex-bad-checksum.bin", "+62541741234"),
    ],
)
def test_a_malformed_sample_rejects_each_bad_frame_and_decodes_the_last(name: str, last_e164: str) -> None:
    data = (SAMPLES / name).read_bytes()
    frames = decode(data)
    *bad, last = frames
    assert bad
    assert all(isinstance(frame, RejectedFrame) and frame.reason for frame in bad)
    assert isinstance(last, DecodedFrame)
    assert parse_caller_number(last.number_raw).e164 == last_e164
    assert_raws_in_order(frames, data)


def test_line_noise_is_rejected_line_by_line_and_never_joins_the_next_block() -> None:
    frames = decode((SAMPLES / "malformed/modem-line-noise.bin").read_bytes())
    assert [(frame.raw, frame.reason) for frame in rejected(frames)] == [
        (b"DATE = 1115\r\n", "no number in caller-ID block"),
        (b"TIME = 14\x0003\r\n", "line noise (non-printable bytes)"),
        (b"NMBR = 08123\xff4567890\r\n", "line noise (non-printable bytes)"),
    ]
    assert frames[-1].raw == SITI_BLOCK
    assert decoded(frames)[-1].name == "SITI"


def test_the_bad_checksum_sample_says_so() -> None:
    frames = decode((SAMPLES / "malformed/modem-hex-bad-checksum.bin").read_bytes())
    assert isinstance(frames[0], RejectedFrame)
    assert frames[0].reason == "bad checksum"


# --- formatted blocks --------------------------------------------------------------------------


def test_a_block_with_date_time_number_and_name_is_emitted_at_its_last_line() -> None:
    decoder = ModemDecoder()
    *lines, last = BUDI_BLOCK.splitlines(keepends=True)
    assert decoder.feed(b"RING\r\n\r\n" + b"".join(lines)) == []
    [frame] = decoder.feed(last)
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name, frame.raw) == ("081234567890", "BUDI SANTOSO", BUDI_BLOCK)
    assert decoder.feed(b"\r\nRING\r\n") == []
    assert decoder.flush() == []


def test_the_last_line_of_a_complete_block_waits_only_for_its_lf() -> None:
    decoder = ModemDecoder()
    assert decoder.feed(BUDI_BLOCK[:-1]) == []
    [frame] = decoder.feed(b"\n")
    assert frame.raw == BUDI_BLOCK


def test_the_malformed_samples_last_block_decodes_without_flush() -> None:
    decoder = ModemDecoder()
    frames = decoder.feed((SAMPLES / "malformed/modem-line-noise.bin").read_bytes())
    assert frames[-1].raw == SITI_BLOCK
    assert decoder.flush() == []


def test_lines_after_a_reported_block_are_no_event_until_it_ends() -> None:
    decoder = ModemDecoder()
    [frame] = decoder.feed(BUDI_BLOCK + b"MESG = 060103\r\nDDN_NMBR = 6281234567890\r\n")
    assert frame.raw == BUDI_BLOCK
    assert decoder.feed(b"\r\nRING\r\n") == []
    assert decoder.flush() == []


def test_a_block_without_a_name_is_emitted_at_its_blank_line_not_at_the_next_call() -> None:
    decoder = ModemDecoder()
    block = b"DATE=1115\r\nTIME=1417\r\nNMBR=P\r\n"
    assert decoder.feed(b"RING\r\n\r\n" + block) == []
    [frame] = decoder.feed(b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name, frame.raw) == ("P", None, block)
    assert decoder.flush() == []


def test_a_block_before_the_first_ring_is_emitted_at_the_ring() -> None:
    decoder = ModemDecoder()
    block = b"TIME = 1403\r\nNMBR = 081234567890\r\n"
    assert decoder.feed(block) == []
    [frame] = decoder.feed(b"RING\r\n")
    assert frame.raw == block
    assert decoder.feed(b"RING\r\n") == []


def test_a_second_date_starts_the_next_block() -> None:
    decoder = ModemDecoder()
    block = b"DATE = 1115\r\nTIME = 1403\r\nNMBR = 081234567890\r\n"
    assert decoder.feed(block) == []
    [first] = decoder.feed(b"DATE = 1115\r\n")
    assert first.raw == block
    [second] = decoder.feed(b"NMBR = 0248312345\r\n\r\n")
    assert second.raw == b"DATE = 1115\r\nNMBR = 0248312345\r\n"


def test_a_second_date_after_a_reported_block_starts_the_next_block() -> None:
    [first, second] = decode(BUDI_BLOCK + SITI_BLOCK)
    assert (first.raw, second.raw) == (BUDI_BLOCK, SITI_BLOCK)


def test_a_block_with_a_number_pending_at_flush_still_decodes() -> None:
    decoder = ModemDecoder()
    block = b"DATE = 1115\r\nTIME = 1406\r\nNMBR = 081211112222\r\n"
    assert decoder.feed(b"RING\r\n" + block) == []
    [frame] = decoder.flush()
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name, frame.raw) == ("081211112222", None, block)


@pytest.mark.parametrize(
    "block",
    [
        b"DATE=1115\r\nTIME=1403\r\nNMBR=081234567890\r\nNAME=BUDI SANTOSO\r\n",
        b"DATE =1115\r\nTIME= 1403\r\nNMBR   =   081234567890\r\nNAME\t=\tBUDI SANTOSO\r\n",
        b"NAME = BUDI SANTOSO\r\nNMBR = 081234567890\r\nTIME = 1403\r\nDATE = 1115\r\n",
        b"  DATE = 1115  \r\nTIME = 1403\r\nNMBR = 081234567890\r\nNAME = BUDI SANTOSO   \r\n",
        b"DATE = 1115\r\nTIME = 1403\r\nDDN_NMBR = 081234567890\r\nNAME = BUDI SANTOSO\r\n",
        b"DATE = 11152026\r\nTIME = 1403\r\nNMBR = 081234567890\r\nMESG = 060103\r\nNAME = BUDI SANTOSO\r\n",
        b"TIME = 1403\r\nNMBR = 081234567890\r\nNAME = BUDI SANTOSO\r\n",
    ],
    ids=["no-spaces", "odd-spacing", "reordered", "padded", "ddn-nmbr", "mesg-and-long-date", "no-date"],
)
def test_formatted_variants(block: bytes) -> None:
    frames = decode(b"RING\r\n\r\n" + block + b"\r\nRING\r\n")
    [frame] = frames
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name, frame.raw) == ("081234567890", "BUDI SANTOSO", block)


def test_nmbr_wins_over_ddn_nmbr() -> None:
    [frame] = decode(b"DDN_NMBR = 6281234567890\r\nNMBR = 081234567890\r\n\r\n")
    assert isinstance(frame, DecodedFrame)
    assert frame.number_raw == "081234567890"


@pytest.mark.parametrize(("value", "marker"), [("P", "P"), ("O", "O")])
def test_a_withheld_number_stays_its_marker(value: str, marker: str) -> None:
    [frame] = decode(f"DATE = 1115\r\nTIME = 1403\r\nNMBR = {value}\r\nNAME = {value}\r\n\r\n".encode())
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name) == (marker, None)


def test_a_block_without_a_number_is_rejected() -> None:
    frames = decode(b"DATE = 1115\r\nTIME = 1403\r\nNAME = BUDI\r\n\r\nRING\r\n" + SITI_BLOCK)
    assert [type(frame) for frame in frames] == [RejectedFrame, DecodedFrame]
    assert isinstance(frames[0], RejectedFrame)
    assert frames[0].reason == "no number in caller-ID block"
    assert frames[0].raw == b"DATE = 1115\r\nTIME = 1403\r\nNAME = BUDI\r\n"


def test_echo_and_result_codes_are_neither_events_nor_rejected() -> None:
    chatter = (
        b"AT Z S0=0 E1 V1 Q0\r\r\nOK\r\nAT+VCID=1\r\r\nOK\r\n"
        b"at#cid=1\r\nERROR\r\n+VCID: 1\r\nRING\r\nRING 1\r\n"
    )
    frames = decode(chatter + b"\r\n" + BUDI_BLOCK + b"\r\nRING\r\nATH\r\nOK\r\nNO CARRIER\r\n")
    [frame] = frames
    assert frame.raw == BUDI_BLOCK


def test_echo_between_block_lines_ends_the_block() -> None:
    frames = decode(b"DATE = 1115\r\nOK\r\nNMBR = 081234567890\r\n\r\n")
    assert [type(frame) for frame in frames] == [RejectedFrame, DecodedFrame]


@pytest.mark.parametrize("end", [b"\r", b"\n", b"\r\n"], ids=["CR", "LF", "CRLF"])
def test_any_line_end_is_tolerated(end: bytes) -> None:
    block = BUDI_BLOCK.replace(b"\r\n", end)
    stream = end.join([b"RING", b"", block]) + end + b"RING" + end + b"RING" + end
    frames = decode(stream)
    [frame] = frames
    assert frame.raw == block
    assert bytewise(stream) == frames


def test_with_cr_alone_a_block_is_emitted_at_its_blank_line() -> None:
    decoder = ModemDecoder()
    block = b"DATE = 1115\rTIME = 1403\rNMBR = 081234567890\r"
    assert decoder.feed(block) == []
    [frame] = decoder.feed(b"\r")
    assert frame.raw == block


def test_with_cr_alone_a_complete_block_is_emitted_at_its_last_cr() -> None:
    decoder = ModemDecoder()
    [frame] = decoder.feed(BUDI_BLOCK.replace(b"\r\n", b"\r"))
    assert frame.raw == BUDI_BLOCK.replace(b"\r\n", b"\r")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"NMBR = 0812-ABC\r\n", "bad NMBR value"),
        (b"DATE = 11x5\r\n", "bad DATE value"),
        (b"TIME = 14:03\r\n", "bad TIME value"),
        (b"MESG = ZZ\r\n", "bad MESG value"),
        (b"NMBR = \r\n", "bad NMBR value"),
        (b"hello world\r\n", "not a caller-ID line"),
        (b"\x00\x00RING\r\n", "line noise (non-printable bytes)"),
        (b"NAME = BUDI\x80\r\n", "line noise (non-printable bytes)"),
    ],
)
def test_a_bad_line_is_rejected_and_the_next_block_decodes(line: bytes, reason: str) -> None:
    frames = decode(line + b"\r\n" + SITI_BLOCK)
    assert [(frame.raw, frame.reason) for frame in rejected(frames)] == [(line, reason)]
    assert frames[-1].raw == SITI_BLOCK


def test_noise_after_the_number_keeps_the_number() -> None:
    frames = decode(b"DATE = 1115\r\nNMBR = 081234567890\r\nNAME = BU\x13DI\r\n\r\n")
    assert [type(frame) for frame in frames] == [DecodedFrame, RejectedFrame]
    assert isinstance(frames[0], DecodedFrame)
    assert (frames[0].number_raw, frames[0].name) == ("081234567890", None)


def test_a_block_is_bounded() -> None:
    lines = b"".join(f"X{i} = {i}\r\n".encode() for i in range(MAX_BLOCK_LINES + 4))
    frames = decode(lines + b"\r\n")
    assert len(frames) == 2
    assert all(isinstance(frame, RejectedFrame) for frame in frames)


# --- flush ---------------------------------------------------------------------------------------


def test_flush_rejects_a_block_without_a_number_as_truncated() -> None:
    decoder = ModemDecoder()
    assert decoder.feed(b"RING\r\nDATE = 1115\r\nTIME = 1403\r\n") == []
    assert decoder.flush() == [RejectedFrame(b"DATE = 1115\r\nTIME = 1403\r\n", "truncated")]


def test_flush_rejects_a_partial_line_as_truncated() -> None:
    decoder = ModemDecoder()
    assert decoder.feed(b"RING\r\n\r\nDATE = 1115\r\nNMBR = 0812") == []
    assert decoder.flush() == [
        RejectedFrame(b"DATE = 1115\r\n", "truncated"),
        RejectedFrame(b"NMBR = 0812", "truncated"),
    ]


def test_flush_decodes_the_block_and_rejects_a_cut_name_line() -> None:
    decoder = ModemDecoder()
    assert decoder.feed(b"NMBR = 081234567890\r\nNAME = BU") == []
    frames = decoder.flush()
    assert [type(frame) for frame in frames] == [DecodedFrame, RejectedFrame]
    assert frames[1] == RejectedFrame(b"NAME = BU", "truncated")


def test_flush_rejects_a_cut_hex_line() -> None:
    decoder = ModemDecoder()
    assert decoder.feed(b"RING\r\n" + hex_line(sdmf(b"0541741234"))) == []
    [frame] = decoder.flush()
    assert isinstance(frame, RejectedFrame)
    assert frame.reason == "truncated"


@pytest.mark.parametrize("rest", [b"", b"   ", b"\r\n", b"\r", b"RING\r\n\r\n", b" \t"])
def test_flush_of_nothing_or_whitespace_is_nothing(rest: bytes) -> None:
    decoder = ModemDecoder()
    decoder.feed(rest)
    assert decoder.flush() == []


def test_the_decoder_starts_afresh_after_flush() -> None:
    decoder = ModemDecoder()
    decoder.feed(b"DATE = 1115\r\nNMBR = 08")
    assert len(decoder.flush()) == 2
    assert decoder.feed(BUDI_BLOCK + b"\r\n")[0].raw == BUDI_BLOCK


# --- hex messages --------------------------------------------------------------------------------

BUDI_MDMF = mdmf((0x01, b"11151403"), (0x02, b"081234567890"), (0x07, b"BUDI SANTOSO"))


@pytest.mark.parametrize("checksum", [True, False], ids=["with-checksum", "without-checksum"])
@pytest.mark.parametrize("lower", [False, True], ids=["upper", "lower"])
def test_an_mdmf_message_decodes_with_or_without_its_checksum(checksum: bool, lower: bool) -> None:
    line = hex_line(BUDI_MDMF, checksum=checksum, lower=lower) + b"\r\n"
    [frame] = decode(b"RING\r\n" + line + b"RING\r\n")
    assert isinstance(frame, DecodedFrame)
    assert (frame.kind, frame.number_raw, frame.name, frame.raw) == (
        SignalKind.INCOMING,
        "081234567890",
        "BUDI SANTOSO",
        line,
    )


def test_a_wrong_checksum_is_rejected() -> None:
    good = BUDI_MDMF + bytes([-sum(BUDI_MDMF) % 256])
    bad = good[:-1] + bytes([(good[-1] + 1) % 256])
    [frame] = decode(bad.hex().upper().encode() + b"\r\n")
    assert frame == RejectedFrame(bad.hex().upper().encode() + b"\r\n", "bad checksum")


@pytest.mark.parametrize("checksum", [True, False])
@pytest.mark.parametrize(("number", "raw"), [(b"0541741234", "0541741234"), (b"O", "O"), (b"P", "P")])
def test_an_sdmf_message_decodes(checksum: bool, number: bytes, raw: str) -> None:
    [frame] = decode(hex_line(sdmf(number), checksum=checksum) + b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name) == (raw, None)


@pytest.mark.parametrize(("reason", "number_raw"), [(b"P", "P"), (b"O", "O")])
def test_an_absent_number_gives_its_reason(reason: bytes, number_raw: str) -> None:
    message = mdmf((0x01, b"11151409"), (0x04, reason), (0x08, reason))
    [frame] = decode(hex_line(message) + b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name) == (number_raw, None)


def test_unknown_and_called_number_parameters_are_skipped_by_their_length() -> None:
    message = mdmf(
        (0x11, b"\x02\x07\x80"),
        (0x01, b"11151403"),
        (0x03, b"112"),
        (0x02, b"081234567890"),
        (0xE0, b""),
        (0x07, b"BUDI SANTOSO"),
        (0x22, bytes(range(40))),
    )
    [frame] = decode(hex_line(message) + b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert (frame.number_raw, frame.name) == ("081234567890", "BUDI SANTOSO")


def test_non_printable_bytes_in_the_name_are_dropped() -> None:
    message = mdmf((0x02, b"081234567890"), (0x07, b"\x00BUDI\x1b SAN\x7fTOSO\xff"))
    [frame] = decode(hex_line(message) + b"\r\n")
    assert isinstance(frame, DecodedFrame)
    assert frame.name == "BUDI SANTOSO"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            hex_line(bytes([0x80, 0x0C, 0x02, 0x0C]) + b"0812345678", checksum=False),
            "truncated MDMF parameter",
        ),
        (hex_line(bytes([0x80, 0x01, 0x02])), "truncated MDMF parameter"),
        (hex_line(BUDI_MDMF[:-3], checksum=False), "truncated message (shorter than its length byte)"),
        (hex_line(BUDI_MDMF + b"\x00\x00"), "message longer than its length byte"),
        (hex_line(mdmf((0x01, b"11151403"), (0x07, b"BUDI"))), "no number in caller-ID message"),
        (hex_line(mdmf((0x02, b"0812\x003456"))), "non-printable bytes in the number"),
        (hex_line(bytes([0x82, 0x03, 0x0B, 0x01, 0xFF])), "unsupported message type 0x82"),
        (hex_line(sdmf(b"")), "no number in caller-ID message"),
        (hex_line(sdmf(b"0812", stamp=b"11-51403")), "bad SDMF date and time"),
        (b"8", "odd number of hex digits"),
        (b"ABC", "odd number of hex digits"),
        (b"80", "hex message too short"),
    ],
)
def test_a_bad_hex_message_is_rejected_and_the_next_decodes(line: bytes, reason: str) -> None:
    next_line = hex_line(sdmf(b"0541741234")) + b"\r\n"
    frames = decode(line + b"\r\nRING\r\n" + next_line)
    assert frames[0] == RejectedFrame(line + b"\r\n", reason)
    assert isinstance(frames[1], DecodedFrame)
    assert frames[1].raw == next_line
    assert len(frames) == 2


def test_a_hex_line_split_between_cr_and_lf_keeps_both() -> None:
    line = hex_line(BUDI_MDMF)
    decoder = ModemDecoder()
    assert decoder.feed(line + b"\r") == []
    [frame] = decoder.feed(b"\n")
    assert frame.raw == line + b"\r\n"


def test_with_cr_alone_a_hex_line_is_emitted_at_its_cr_once_the_stream_shows_it() -> None:
    decoder = ModemDecoder()
    assert decoder.feed(b"RING\r") == []
    assert decoder.feed(b"\r") == []  # a CR after a CR: this stream ends lines with CR alone
    [frame] = decoder.feed(hex_line(BUDI_MDMF) + b"\r")
    assert frame.raw == hex_line(BUDI_MDMF) + b"\r"


def test_formatted_and_hex_mix_in_one_stream() -> None:
    stream = BUDI_BLOCK + b"\r\nRING\r\n" + hex_line(sdmf(b"0541741234")) + b"\r\nRING\r\n" + SITI_BLOCK
    assert [frame.number_raw for frame in decoded(decode(stream))] == [
        "081234567890",
        "0541741234",
        "081211112222",
    ]


# --- bounded work --------------------------------------------------------------------------------


def test_a_line_too_long_is_rejected_in_pieces_and_the_next_block_decodes() -> None:
    frames = decode(b"A" * 5000 + b"\r\n" + SITI_BLOCK)
    *bad, last = frames
    assert all(isinstance(frame, RejectedFrame) and frame.reason == "line too long" for frame in bad)
    assert all(len(frame.raw) <= MAX_LINE + 2 for frame in bad)
    assert b"".join(frame.raw for frame in bad) == b"A" * 5000 + b"\r\n"
    assert last.raw == SITI_BLOCK


def test_a_line_of_exactly_the_limit_is_still_a_line() -> None:
    frames = decode(b"Z" * MAX_LINE + b"\r\n")
    assert frames == [RejectedFrame(b"Z" * MAX_LINE + b"\r\n", "not a caller-ID line")]


def test_a_long_line_fed_a_byte_at_a_time_stays_fast() -> None:
    decoder = ModemDecoder()
    started = time.perf_counter()
    frames: list[Frame] = []
    for _ in range(64 * 1024):
        frames += decoder.feed(b"7")
    frames += decoder.flush()
    assert time.perf_counter() - started < 10
    assert sum(len(frame.raw) for frame in frames) == 64 * 1024


# --- properties ----------------------------------------------------------------------------------

_TOKENS = [
    b"\r",
    b"\n",
    b"\r\n",
    b"RING",
    b"OK",
    b"AT+VCID=1",
    b"DATE",
    b"TIME",
    b"NMBR",
    b"DDN_NMBR",
    b"NAME",
    b"MESG",
    b" = ",
    b"=",
    b"1115",
    b"081234567890",
    b"P",
    b"O",
    b"80",
    b"04",
    b"26",
    b"0102",
    b"\x00",
    b"\xff",
    hex_line(BUDI_MDMF),
    hex_line(sdmf(b"0541741234"), checksum=False),
    BUDI_BLOCK,
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
    assert_raws_in_order(frames, data)
    assert frames == decode(data)  # even garbage decodes the same however it is cut


_digits = st.text(alphabet=string.digits, min_size=6, max_size=13)
_numbers = st.one_of(_digits, st.sampled_from(["P", "O"]))
_names = st.none() | st.text(alphabet=string.ascii_uppercase + " .'", max_size=15)
_equals = st.sampled_from(["=", " = ", " =", "= ", "  =\t"])


class _Call(NamedTuple):
    """A valid call as bytes (lines end LF), and the frame it must give."""

    data: bytes
    number: str
    name: str | None
    raw: bytes


@st.composite
def _formatted_call(draw: st.DrawFn) -> _Call:
    number = draw(_numbers)
    name = draw(_names)
    lines = [("DATE", "1115"), ("TIME", "1403"), (draw(st.sampled_from(["NMBR", "DDN_NMBR"])), number)]
    if name is not None:
        lines.append(("NAME", name))
    if draw(st.booleans()):
        lines.append(("MESG", "060103"))
    texts = [f"{tag}{draw(_equals)}{value}\n".encode() for tag, value in draw(st.permutations(lines))]
    # With all of DATE, TIME, a number and NAME the block is reported at the last of them.
    reported = (
        len(texts) if name is None else max(texts.index(t) for t in texts if not t.startswith(b"MESG")) + 1
    )
    return _Call(b"".join(texts), number, clean_name(name), b"".join(texts[:reported]))


@st.composite
def _hex_call(draw: st.DrawFn) -> _Call:
    number = draw(_numbers)
    checksum = draw(st.booleans())
    lower = draw(st.booleans())
    if draw(st.booleans()):
        line = hex_line(sdmf(number.encode()), checksum=checksum, lower=lower) + b"\n"
        return _Call(line, number, None, line)
    name = draw(_names)
    params = [(0x01, b"11151403")]
    params.append((0x04, number.encode()) if number in {"P", "O"} else (0x02, number.encode()))
    params.append((0x08, b"O") if name is None else (0x07, name.encode()))
    params += draw(
        st.lists(st.tuples(st.sampled_from([0x03, 0x05, 0x0B, 0x11]), st.binary(max_size=5)), max_size=4)
    )
    line = hex_line(mdmf(*draw(st.permutations(params))), checksum=checksum, lower=lower) + b"\n"
    return _Call(line, number, clean_name(name), line)


_calls = st.one_of(_formatted_call(), _hex_call())
_chatter = st.sampled_from([b"RING\n", b"\n", b"AT+VCID=1\n", b"OK\n"])
#: Between two calls at least one line that is not a TAG line (a blank line, RING, echo...).
_separators = st.lists(_chatter, min_size=1, max_size=3).map(b"".join)


@st.composite
def _valid_stream(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str | None, bytes]]]:
    end = draw(st.sampled_from([b"\r\n", b"\n", b"\r"]))
    calls = draw(st.lists(_calls, min_size=1, max_size=6))
    stream = b"".join(draw(st.lists(_chatter, max_size=3)))
    for index, call in enumerate(calls):
        stream += call.data
        if index < len(calls) - 1 or draw(st.booleans()):
            stream += draw(_separators)
    wanted = [(call.number, call.name, call.raw.replace(b"\n", end)) for call in calls]
    return stream.replace(b"\n", end), wanted


@settings(max_examples=200, deadline=None)
@given(stream=_valid_stream(), draw=st.data())
def test_a_valid_stream_cut_anywhere_decodes_like_the_whole(
    stream: tuple[bytes, list[tuple[str, str | None, bytes]]], draw: st.DataObject
) -> None:
    data, calls = stream
    whole = decode(data)
    assert rejected(whole) == []
    assert [(frame.number_raw, frame.name, frame.raw) for frame in decoded(whole)] == calls
    assert decode(data, _cut(data, draw)) == whole


@settings(max_examples=200, deadline=None)
@given(garbage=_any_bytes, call=_calls, blank_after=st.booleans())
def test_garbage_then_a_blank_line_then_a_valid_frame_yields_that_frame_last(
    garbage: bytes, call: _Call, blank_after: bool
) -> None:
    data = call.data.replace(b"\n", b"\r\n")
    frames = decode(garbage + b"\r\n\r\n" + data + (b"\r\n" if blank_after else b""))
    last = frames[-1]
    assert isinstance(last, DecodedFrame)
    assert (last.number_raw, last.name, last.raw) == (
        call.number,
        call.name,
        call.raw.replace(b"\n", b"\r\n"),
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
        "hex": b"0123456789ABCDEF\r\n",
        "tags": b"NMBRDATE =0123456789\r\n",
        "printable": string.printable.encode(),
    }[kind]
    return bytes(rng.choices(alphabet, k=size))


# 64 KiB a run: 20 runs keep the suite quick; the bound is checked on every one.
@settings(max_examples=20, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    kind=st.sampled_from(["uniform", "no-line-ends", "line-ends", "hex", "tags", "printable"]),
)
def test_64_kib_of_random_bytes_returns_promptly(seed: int, kind: str) -> None:
    data = _random_stream(seed, kind)
    decoder = ModemDecoder()
    started = time.perf_counter()
    frames = decoder.feed(data) + decoder.flush()
    assert time.perf_counter() - started < 10
    assert all(len(frame.raw) <= MAX_BLOCK_LINES * (MAX_LINE + 2) for frame in frames)
    assert all(len(frame.raw) <= MAX_LINE + 2 for frame in rejected(frames) if b"=" not in frame.raw)


# --- the short path for whole CR LF lines ----------------------------------------------------------
#
# ``feed`` takes a read of whole printable CR LF lines at a line start in one loop instead of byte by
# byte. Fed line by line it takes that path for every read; fed a byte at a time never: the frames
# must be the same.

_LINES = [
    b"",
    b"RING",
    b"RING 2",
    b"  ",
    b"OK",
    b"ATZ=1",
    b"AT+VCID=1",
    b"CONNECT = 5",
    b"CONNECTED = 5",
    b"DATE = 1115",
    b"DATE=11151403",
    b"DATE = 11x5",
    b"TIME = 1403",
    b"TIME=1406",
    b"NMBR = 081234567890",
    b"NMBR=P",
    b"NMBR = 0812 3456",
    b"DDN_NMBR = 0248311234",
    b"NAME = BUDI SANTOSO",
    b"NAME=NO NAME",
    b"MESG = 060103",
    b"MESG = zz",
    b"X_1 = anything",
    b"lower = case",
    b"hello",
    b"\tNAME = SITI\t",
    hex_line(BUDI_MDMF),
    hex_line(sdmf(b"0541741234"), checksum=False),
    b"8026",
    b"A" * MAX_LINE,
]

_crlf_lines = st.lists(st.sampled_from(_LINES), min_size=1, max_size=40)


class _CountingDecoder(ModemDecoder):
    """Counts the reads that took the short path."""

    short_reads = 0

    def _feed_crlf_lines(self, data: bytes) -> list[Frame]:
        self.short_reads += 1
        return super()._feed_crlf_lines(data)


_FULL_BLOCK = [b"DATE = 1115", *(b"T%d = x" % n for n in range(MAX_BLOCK_LINES)), b"NMBR = 0812", b"NAME = A"]


@settings(max_examples=300, deadline=None)
@given(lines=_crlf_lines, cut=st.integers(0, 40))
@example(lines=_FULL_BLOCK, cut=0)
@example(lines=_FULL_BLOCK, cut=len(_FULL_BLOCK))
def test_whole_crlf_lines_decode_as_they_do_a_byte_at_a_time(lines: list[bytes], cut: int) -> None:
    data = b"".join(line + b"\r\n" for line in lines)
    byte_at_a_time = bytewise(data)

    by_lines = _CountingDecoder()
    frames: list[Frame] = []
    # Two reads of whole lines each (the second starts with a block perhaps still open), then every
    # further line on its own.
    head, tail = lines[:cut], lines[cut:]
    for read in [head, tail[:3], *([line] for line in tail[3:])]:
        frames += by_lines.feed(b"".join(line + b"\r\n" for line in read))
    frames += by_lines.flush()
    assert frames == byte_at_a_time
    assert by_lines.short_reads >= 1

    whole = _CountingDecoder()
    assert whole.feed(data) + whole.flush() == byte_at_a_time
    assert whole.short_reads == 1


@pytest.mark.parametrize(
    "data",
    [
        b"NMBR = 081234567890\r",  # ends in a CR: its LF may follow
        b"NMBR = 081234567890\n",  # LF alone
        b"NMBR = 0812\r\n34567890\r\n",  # fine, but see the next
        b"NMBR = 081234567890\r\n\x00\r\n",  # not printable
        b"A" * (MAX_LINE + 1) + b"\r\n",  # too long
        b"NMBR = 081234567890\r\nNAME",  # a partial line
    ],
)
def test_a_read_the_short_path_cannot_take_goes_the_long_way(data: bytes) -> None:
    decoder = _CountingDecoder()
    frames = decoder.feed(data) + decoder.flush()
    assert frames == bytewise(data)
    assert decoder.short_reads == (1 if data == b"NMBR = 0812\r\n34567890\r\n" else 0)


def test_the_short_path_is_not_taken_after_a_partial_line_or_a_bare_cr() -> None:
    for first in [b"NMBR = 0812", b"RING\r", b"RING\rRING\r"]:
        decoder = _CountingDecoder()
        rest = b"34567890\r\nDATE = 1115\r\nTIME = 1403\r\nNAME = BUDI\r\n\r\n"
        frames = decoder.feed(first) + decoder.feed(rest) + decoder.flush()
        assert frames == bytewise(first + rest)
        assert decoder.short_reads == 0
