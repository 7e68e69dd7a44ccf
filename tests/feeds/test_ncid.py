"""The NCID decoder: the shared samples, each rule of FEEDS.md's NCID section, and properties."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.enums import Presentation
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import SignalKind
from dispatch.feeds.frames import DecodedFrame, Frame, RejectedFrame
from dispatch.feeds.ncid import MAX_LINE, NcidDecoder
from tests.feeds.decoding import as_event, decoded, expected, feed_all, random_stream, rejected

#: The in-repository copy of shared/samples/feeds.
SAMPLES = Path(__file__).resolve().parent / "samples"

STARTUP = (
    b"200 Server: ncidd (NCID) 1.13\n"
    b"210 API: 1.12 Feature Set 1 2 3 4 5\n"
    b"254 Start of call log\n"
    b"CIDLOG: *DATE*11142022*TIME*2310*LINE*POTS*NMBR*081398765432*MESG*NONE*NAME*NO NAME*\n"
    b"HUPLOG: *DATE*11142022*TIME*2311*LINE*POTS*NMBR*0215551234*MESG*NONE*NAME*SPAM*\n"
    b"250 End of call log\n"
    b"OPT: hangup-1\n"
    b"300 End of connection startup\n"
)


def cid(
    number: str = "081234567890", name: str = "BUDI SANTOSO", line: str = "POTS", kind: str = "CID"
) -> bytes:
    return f"{kind}: *DATE*11152022*TIME*1403*LINE*{line}*NMBR*{number}*MESG*NONE*NAME*{name}*\n".encode()


def info(ring: int, line: str = "POTS") -> bytes:
    return f"CIDINFO: *LINE*{line}*RING*{ring}*TIME*14:03:09*\n".encode()


def end(number: str = "081234567890", htype: str = "BYE", ctype: str = "IN", line: str = "POTS") -> bytes:
    return (
        f"END: *HTYPE*{htype}*DATE*11152022*TIME*1405*SCALL*11/15/2022 14:03:01*"
        f"ECALL*11/15/2022 14:05:12*CTYPE*{ctype}*LINE*{line}*NMBR*{number}*NAME*BUDI SANTOSO*\n"
    ).encode()


def decode(data: bytes, chunk: int | None = None) -> list[Frame]:
    """Feed ``data`` whole, or ``chunk`` bytes at a time, then flush."""
    cuts = () if chunk is None else range(chunk, len(data), chunk)
    return feed_all(NcidDecoder(), data, cuts)


def kinds(frames: list[Frame]) -> list[tuple[SignalKind, str]]:
    return [(frame.kind, frame.number_raw) for frame in decoded(frames)]


# -- the samples ---------------------------------------------------------------------------------


def test_session_sample_decodes_to_its_expected_events() -> None:
    frames = decode((SAMPLES / "ncid-session.bin").read_bytes())
    assert rejected(frames) == []
    incoming = [as_event(f) for f in decoded(frames) if f.kind is SignalKind.INCOMING]
    assert incoming == expected("ncid-session.expected.jsonl")


def test_session_sample_reports_the_ring_count_as_a_ring_of_the_first_call() -> None:
    frames = decoded(decode((SAMPLES / "ncid-session.bin").read_bytes()))
    assert [(f.kind, f.number_raw, f.name, f.line) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "BUDI SANTOSO", "POTS"),
        (SignalKind.RING, "081234567890", "BUDI SANTOSO", "POTS"),
        (SignalKind.INCOMING, "PRIVATE", None, "POTS"),
    ]
    assert frames[1].raw == b"CIDINFO: *LINE*POTS*RING*2*TIME*14:03:09*\n"
    assert all(f.call_id is None for f in frames)


def test_session_sample_start_up_state() -> None:
    data = (SAMPLES / "ncid-session.bin").read_bytes()
    decoder = NcidDecoder()
    assert (decoder.started, decoder.server_banner, decoder.server_api) == (False, None, None)
    cut = data.index(b"300 ")
    decoder.feed(data[:cut])
    assert decoder.started is False
    assert decoder.server_banner == "Server: ncidd (NCID) 1.13"
    assert decoder.server_api == "API: 1.12 Feature Set 1 2 3 4 5"
    decoder.feed(data[cut:])
    assert decoder.started is True
    assert decoder.in_call_log is False


def test_raw_is_the_exact_line() -> None:
    frames = decoded(decode((SAMPLES / "ncid-session.bin").read_bytes()))
    assert frames[0].raw == (
        b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*081234567890*MESG*NONE*NAME*BUDI SANTOSO*\n"
    )


def test_the_replayed_call_log_is_not_an_event() -> None:
    decoder = NcidDecoder()
    frames = decoder.feed(STARTUP)
    assert frames == []
    assert decoder.started
    # A log line is history wherever it appears, even outside 254 ... 250.
    assert decoder.feed(b"CIDLOG: *DATE*11142022*TIME*2310*LINE*POTS*NMBR*0812*MESG*NONE*NAME*X*\n") == []
    assert decoder.feed(b"CIDLOG: *broken\n") == []


def test_call_log_flag() -> None:
    decoder = NcidDecoder()
    decoder.feed(STARTUP[: STARTUP.index(b"CIDLOG")])
    assert decoder.in_call_log
    decoder.feed(STARTUP[STARTUP.index(b"CIDLOG") :])
    assert not decoder.in_call_log


def test_truncated_sample_rejects_the_cut_line_ignores_the_unknown_type_and_decodes_the_last() -> None:
    frames = decode((SAMPLES / "malformed" / "ncid-truncated.bin").read_bytes())
    assert len(frames) == 2
    bad, good = frames
    assert isinstance(bad, RejectedFrame)
    assert bad.raw == b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*08123456\n"
    assert "CID" in bad.reason
    assert isinstance(good, DecodedFrame)
    assert good.kind is SignalKind.INCOMING
    assert parse_caller_number(good.number_raw).e164 == "+6281211112222"
    assert (good.name, good.line) == ("SITI", "POTS")


@pytest.mark.parametrize("name", ["ncid-session.bin", "malformed/ncid-truncated.bin"])
def test_byte_at_a_time_equals_one_chunk(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert decode(data, chunk=1) == decode(data)


# -- call lines ------------------------------------------------------------------------------------


def test_call_waiting_is_incoming_too() -> None:
    frames = decode(cid() + cid("081311112222", "SITI", kind="WID"))
    assert kinds(frames) == [(SignalKind.INCOMING, "081234567890"), (SignalKind.INCOMING, "081311112222")]


@pytest.mark.parametrize("kind", ["HUP", "BLK"])
def test_hung_up_or_blocked_by_the_server_is_ended_with_its_own_number(kind: str) -> None:
    frames = decoded(decode(cid("0215551234", "SPAM", kind=kind)))
    assert [(f.kind, f.number_raw, f.name, f.line) for f in frames] == [
        (SignalKind.ENDED, "0215551234", "SPAM", "POTS")
    ]


def test_a_ring_count_after_a_server_hang_up_says_nothing_more() -> None:
    frames = decode(cid() + info(0) + cid("0215551234", "SPAM", kind="HUP") + info(-4))
    assert kinds(frames) == [
        (SignalKind.INCOMING, "081234567890"),
        (SignalKind.ANSWERED, "081234567890"),
        (SignalKind.ENDED, "0215551234"),
    ]


@pytest.mark.parametrize("kind", ["OUT", "PID", "PUT", "MSG", "NOT", "OPT", "INFO", "XYZ", "RESP"])
def test_other_line_types_are_neither_events_nor_rejected(kind: str) -> None:
    assert decode(cid(kind=kind)) == []
    assert decode(f"{kind}: free text, no fields ***DATE*11152022*\n".encode()) == []


def test_message_lines_with_text_before_the_fields_say_nothing() -> None:
    line = b"MSG: Ambulans 3 kembali ke pos ***DATE*11152022*TIME*1403*NAME*-*NMBR*-*LINE*-*MTYPE*SYS*\n"
    assert decode(line) == []


def test_forwarded_lines_are_decoded() -> None:
    frames = decoded(decode(b"+" + cid()))
    assert [(f.kind, f.number_raw, f.name) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "BUDI SANTOSO")
    ]
    assert frames[0].raw.startswith(b"+CID:")


def test_fields_in_any_order_and_unknown_labels_ignored() -> None:
    line = (
        b"CID: *CARI*TELKOMSEL*NAME*SITI*FNMBR*0812-1111-2222*NTYPE*CELL*LINE*SIP1*CTRY*ID*"
        b"ZZZZ*whatever*LOCA*Semarang*NMBR*081211112222*TIME*1404*DATE*11152022*MESG*NONE*\n"
    )
    frames = decoded(decode(line))
    assert [(f.kind, f.number_raw, f.name, f.line) for f in frames] == [
        (SignalKind.INCOMING, "081211112222", "SITI", "SIP1")
    ]


def test_carriage_returns_are_tolerated() -> None:
    line = cid().replace(b"\n", b"\r\n")
    frames = decoded(decode(line))
    assert [(f.number_raw, f.name, f.line) for f in frames] == [("081234567890", "BUDI SANTOSO", "POTS")]
    assert frames[0].raw == line


@pytest.mark.parametrize(
    ("number", "presentation"),
    [
        ("PRIVATE", Presentation.PRIVATE),
        ("ANONYMOUS", Presentation.PRIVATE),
        ("NO-NUMBER", Presentation.UNAVAILABLE),
        ("OUT-OF-AREA", Presentation.UNAVAILABLE),
        ("-", Presentation.UNAVAILABLE),
        ("", Presentation.UNAVAILABLE),
        ("081234567890", Presentation.ALLOWED),
    ],
)
def test_number_placeholders_stay_raw(number: str, presentation: Presentation) -> None:
    (frame,) = decoded(decode(cid(number, "NO NAME")))
    assert frame.number_raw == number
    assert frame.name is None
    assert parse_caller_number(frame.number_raw).presentation is presentation


@pytest.mark.parametrize("name", ["NO NAME", "-", "NONE", "", "ANONYMOUS", "PRIVATE", "OUT-OF-AREA"])
def test_name_placeholders_are_none(name: str) -> None:
    (frame,) = decoded(decode(cid(name=name)))
    assert frame.name is None


@pytest.mark.parametrize("line", ["NO-LINE", "-", ""])
def test_line_placeholders_are_none(line: str) -> None:
    (frame,) = decoded(decode(cid(line=line)))
    assert frame.line is None


def test_a_star_inside_a_number_is_kept() -> None:
    frames = decoded(decode(b"CID: *DATE*06062014*TIME*1222*LINE*SIP*NMBR***622*MESG*NONE*NAME*INTERN*\n"))
    assert [(f.number_raw, f.name, f.line) for f in frames] == [("**622", "INTERN", "SIP")]


def test_a_name_in_latin_1_is_kept() -> None:
    (frame,) = decoded(decode(cid(name="X").replace(b"NAME*X*", b"NAME*JOS\xc9*")))
    assert frame.name == "JOSÉ"


# -- ring, answer and end ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ring", "kind"),
    [
        (1, SignalKind.RING),
        (3, SignalKind.RING),
        (0, SignalKind.ANSWERED),
        (-1, SignalKind.ENDED),
        (-2, SignalKind.ENDED),
        (-3, SignalKind.ENDED),
        (-4, SignalKind.ENDED),
    ],
)
def test_cidinfo_counts(ring: int, kind: SignalKind) -> None:
    frames = decoded(decode(cid() + info(ring)))
    assert [(f.kind, f.number_raw, f.name, f.line) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "BUDI SANTOSO", "POTS"),
        (kind, "081234567890", "BUDI SANTOSO", "POTS"),
    ]


def test_an_unknown_negative_count_says_nothing() -> None:
    assert kinds(decode(cid() + info(-9))) == [(SignalKind.INCOMING, "081234567890")]


def test_cidinfo_for_a_line_without_a_known_call_says_nothing() -> None:
    assert decode(info(1) + info(2) + info(0) + info(-2)) == []
    assert kinds(decode(cid(line="POTS") + info(2, line="SIP1"))) == [(SignalKind.INCOMING, "081234567890")]


def test_the_whole_life_of_a_call() -> None:
    data = info(1) + cid() + info(2) + info(3) + info(0) + info(-2) + end()
    assert [kind for kind, _ in kinds(decode(data))] == [
        SignalKind.INCOMING,
        SignalKind.RING,
        SignalKind.RING,
        SignalKind.ANSWERED,
        SignalKind.ENDED,
    ]


def test_answered_and_ended_come_once() -> None:
    data = cid() + info(0) + info(0) + info(-2) + info(-1) + end() + info(0)
    assert [kind for kind, _ in kinds(decode(data))] == [
        SignalKind.INCOMING,
        SignalKind.ANSWERED,
        SignalKind.ENDED,
    ]


def test_no_ring_after_the_answer() -> None:
    data = cid() + info(0) + info(4)
    assert [kind for kind, _ in kinds(decode(data))] == [SignalKind.INCOMING, SignalKind.ANSWERED]


def test_the_next_call_ringing_before_its_caller_id_is_not_the_old_call() -> None:
    # A modem-only server never says the first call ended; the second rings before its CID.
    data = cid() + info(2) + info(3) + info(1) + info(2) + cid("081311112222", "SITI") + info(3)
    assert kinds(decode(data)) == [
        (SignalKind.INCOMING, "081234567890"),
        (SignalKind.RING, "081234567890"),
        (SignalKind.RING, "081234567890"),
        (SignalKind.INCOMING, "081311112222"),
        (SignalKind.RING, "081311112222"),
    ]


@pytest.mark.parametrize("htype", ["BYE", "CANCEL"])
def test_end_line_ends_the_call(htype: str) -> None:
    frames = decoded(decode(cid() + end(htype=htype)))
    assert [(f.kind, f.number_raw, f.name, f.line) for f in frames] == [
        (SignalKind.INCOMING, "081234567890", "BUDI SANTOSO", "POTS"),
        (SignalKind.ENDED, "081234567890", "BUDI SANTOSO", "POTS"),
    ]


def test_end_of_an_outgoing_call_says_nothing() -> None:
    assert kinds(decode(cid() + end(ctype="OUT"))) == [(SignalKind.INCOMING, "081234567890")]


def test_end_picks_the_call_with_its_number() -> None:
    data = cid() + cid("081311112222", "SITI") + end("081234567890") + end("081311112222")
    assert kinds(decode(data)) == [
        (SignalKind.INCOMING, "081234567890"),
        (SignalKind.INCOMING, "081311112222"),
        (SignalKind.ENDED, "081234567890"),
        (SignalKind.ENDED, "081311112222"),
    ]


def test_end_without_a_number_ends_the_last_call_on_the_line() -> None:
    data = cid() + b"END: *HTYPE*BYE*CTYPE*IN*LINE*POTS*\n"
    assert kinds(decode(data)) == [(SignalKind.INCOMING, "081234567890"), (SignalKind.ENDED, "081234567890")]


def test_end_of_an_unknown_call_says_nothing() -> None:
    assert kinds(decode(cid() + end("0247777777"))) == [(SignalKind.INCOMING, "081234567890")]
    assert decode(end()) == []


def test_lines_are_tracked_apart() -> None:
    data = cid(line="L1") + cid("081311112222", "SITI", line="L2") + info(0, line="L1") + info(-1, line="L2")
    assert kinds(decode(data)) == [
        (SignalKind.INCOMING, "081234567890"),
        (SignalKind.INCOMING, "081311112222"),
        (SignalKind.ANSWERED, "081234567890"),
        (SignalKind.ENDED, "081311112222"),
    ]


# -- rejections --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*08123456\n",  # cut short
        b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*\n",  # a label without value
        b"CID: DATE 11152022 NMBR 0812\n",  # no fields at all
        b"CID:\n",
        b"WID: *NMBR*0812*NAME\n",
        b"HUP: *NMBR*0812\n",
        b"CIDINFO: *LINE*POTS*RING*2*TIME*14:0\n",
        b"END: *HTYPE*BYE*LINE*POTS*NMBR\n",
    ],
)
def test_broken_call_lines_are_rejected(line: bytes) -> None:
    frames = decode(line + cid())
    assert len(frames) == 2
    assert isinstance(frames[0], RejectedFrame)
    assert frames[0].raw == line
    assert frames[0].reason
    assert kinds(frames[1:]) == [(SignalKind.INCOMING, "081234567890")]


@pytest.mark.parametrize(
    "line",
    [
        b"CID: *DATE*11152022*TIME*1403*LINE*POTS*MESG*NONE*NAME*SITI*\n",
        b"BLK: *LINE*POTS*NAME*SITI*\n",
        b"CIDINFO: *LINE*POTS*TIME*14:03:09*\n",
        b"CIDINFO: *LINE*POTS*RING*two*TIME*14:03:09*\n",
    ],
)
def test_call_lines_missing_what_they_need_are_rejected(line: bytes) -> None:
    (frame,) = decode(line)
    assert isinstance(frame, RejectedFrame)
    assert frame.raw == line
    assert frame.reason


@pytest.mark.parametrize("line", [b"hello world\n", b"\x00\x01\x02\n", b"*NMBR*0812*\n", b"12 not a code\n"])
def test_lines_of_no_known_shape_are_rejected(line: bytes) -> None:
    (frame,) = decode(line)
    assert isinstance(frame, RejectedFrame)
    assert frame.raw == line
    assert "NCID" in frame.reason


@pytest.mark.parametrize("line", [b"\n", b"\r\n", b"   \n", b"251 Call log not sent\n", b"403 No data\n"])
def test_blank_lines_and_other_responses_are_quietly_ignored(line: bytes) -> None:
    assert decode(line) == []


def test_a_line_too_long_is_rejected_and_the_next_line_decodes() -> None:
    long_line = b"CID: *NAME*" + b"A" * 10_000 + b"*NMBR*0812*\n"
    for chunk in (None, 1, 7, 4096, 5000):
        frames = decode(long_line + cid(), chunk=chunk)
        assert len(frames) == 2, chunk
        assert isinstance(frames[0], RejectedFrame)
        assert frames[0].reason == "line too long (over 4096 bytes)"
        assert frames[0].raw == long_line[:MAX_LINE]
        assert kinds(frames[1:]) == [(SignalKind.INCOMING, "081234567890")]


def test_the_line_limit_is_exact() -> None:
    prefix = b"CID: *NMBR*0812*NAME*"
    fits = prefix + b"A" * (MAX_LINE - len(prefix) - 1) + b"*\n"
    assert len(fits) == MAX_LINE + 1
    assert kinds(decode(fits, chunk=1)) == kinds(decode(fits)) == [(SignalKind.INCOMING, "0812")]
    over = fits.replace(b"*\n", b"**\n")
    for chunk in (None, 1):
        (frame,) = decode(over, chunk=chunk)
        assert isinstance(frame, RejectedFrame)
        assert frame.raw == over[:MAX_LINE]


def test_a_line_without_its_lf_at_the_end_is_truncated() -> None:
    decoder = NcidDecoder()
    assert decoder.feed(cid()[:-5]) == []
    (frame,) = decoder.flush()
    assert isinstance(frame, RejectedFrame)
    assert frame.raw == cid()[:-5]
    assert "truncated" in frame.reason
    assert decoder.flush() == []
    # The decoder is usable again (a new connection).
    assert kinds(decoder.feed(cid())) == [(SignalKind.INCOMING, "081234567890")]


def test_flush_with_nothing_pending_says_nothing() -> None:
    decoder = NcidDecoder()
    decoder.feed(cid())
    assert decoder.flush() == []


def test_a_new_banner_starts_a_new_session() -> None:
    decoder = NcidDecoder()
    decoder.feed(STARTUP)
    assert decoder.started
    decoder.feed(b"200 Server: ncidd (NCID) 1.14\n")
    assert not decoder.started
    assert decoder.server_banner == "Server: ncidd (NCID) 1.14"


# -- properties -----------------------------------------------------------------------------------------

VALID_STREAM = (
    (SAMPLES / "ncid-session.bin").read_bytes()
    + (SAMPLES / "malformed" / "ncid-truncated.bin").read_bytes()
    + cid("081311112222", "SITI", kind="WID")
    + info(0)
    + end("081211112222")
    + b"+"
    + cid("0215551234", "SPAM", kind="HUP").replace(b"\n", b"\r\n")
    + b"garbage line\n"
    + b"CID: *NAME*"
    + b"B" * 5000
    + b"*NMBR*0812*\n"
    + cid("PRIVATE", "NO NAME", line="NO-LINE")
    + b"CID: *NMBR*0812*NAME*unfinished"
)


def _frames_ok(frames: list[Frame]) -> None:
    for frame in frames:
        assert isinstance(frame, DecodedFrame | RejectedFrame)
        assert isinstance(frame.raw, bytes)
        if isinstance(frame, RejectedFrame):
            assert frame.reason
        else:
            assert isinstance(frame.kind, SignalKind)
            assert isinstance(frame.number_raw, str)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=10))
def test_arbitrary_bytes_never_raise_and_only_make_frames(chunks: list[bytes]) -> None:
    decoder = NcidDecoder()
    frames: list[Frame] = []
    for chunk in chunks:
        frames += decoder.feed(chunk)
    frames += decoder.flush()
    _frames_ok(frames)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=100).map(lambda b: b.replace(b"\n", b"")), max_size=5))
def test_arbitrary_lines_never_raise(lines: list[bytes]) -> None:
    # Lines that look more like NCID: a type, then random fields.
    data = b"".join(b"CID: *" + line + b"*\n" for line in lines) + b"CIDINFO: *" + b"*".join(lines) + b"\n"
    _frames_ok(decode(data))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(VALID_STREAM)), max_size=30))
def test_a_valid_stream_cut_anywhere_decodes_identically(cuts: list[int]) -> None:
    whole = decode(VALID_STREAM)
    points = [0, *sorted(cuts), len(VALID_STREAM)]
    decoder = NcidDecoder()
    frames: list[Frame] = []
    for start, stop in itertools.pairwise(points):
        frames += decoder.feed(VALID_STREAM[start:stop])
    frames += decoder.flush()
    assert frames == whole
    assert len(decoded(whole)) == 9
    assert len(rejected(whole)) == 4


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([b"\n", b"\r\n"]))
def test_garbage_then_a_line_break_then_a_valid_line_yields_that_line(garbage: bytes, newline: bytes) -> None:
    frames = decode(garbage + newline + cid("081211112222", "SITI"))
    _frames_ok(frames)
    last = frames[-1]
    assert isinstance(last, DecodedFrame)
    assert (last.kind, last.number_raw, last.name, last.line) == (
        SignalKind.INCOMING,
        "081211112222",
        "SITI",
        "POTS",
    )
    assert last.raw == cid("081211112222", "SITI")


#: Streams with many of the protocol's line breaks and separators.
STREAM_ALPHABETS = (b"CID: *NMBR0812\r\n", b"xyz", b"*\n")


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


@pytest.mark.parametrize("alphabet", [b"x", b"*", b"CID: *NMBR*0812*\n", b"\r"])
def test_64_kib_fed_a_byte_at_a_time_is_linear(alphabet: bytes) -> None:
    data = (alphabet * (64 * 1024 // len(alphabet) + 1))[: 64 * 1024]
    decoder = NcidDecoder()
    started = time.perf_counter()
    frames: list[Frame] = []
    for index in range(len(data)):
        frames += decoder.feed(data[index : index + 1])
    frames += decoder.flush()
    assert time.perf_counter() - started < 3.0
    assert frames == decode(data)
