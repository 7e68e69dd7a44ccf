"""``dispatch-console listen`` over the real transports, for every sample of the design.

Serial samples go through a socat pty pair, NCID and AMI through scripted TCP servers on
127.0.0.1, Whozz Calling Ethernet Link datagrams through UDP. The expected events are the
sample's ``.expected.jsonl``, in order.
"""

from __future__ import annotations

import json
import os
import select
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.feeds.listen import signal_json
from dispatch.feeds.protocols import warm_decoders, warm_stream
from dispatch.feeds.transports import FeedDisconnected, SerialConnection
from dispatch.feeds.urls import parse_feed_url
from tests.feeds.decoding import decoded, expected, rejected
from tests.feeds.peers import (
    ScriptedServer,
    TcpScript,
    free_udp_port,
    pty_pair,
    sample,
    send_udp,
    start_socat,
)

ROOT = Path(__file__).resolve().parents[2]
FIELDS = ("event", "number", "number_raw", "presentation", "name", "line")


class Listener:
    """``dispatch-console listen`` in a subprocess, as an installer would run it."""

    def __init__(self, url: str, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "main.py", "listen", url, *options],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stderr is not None
        self.stderr_lines: list[str] = []
        self._listening = threading.Event()
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr_lines.append(line.rstrip("\n"))
            if line.startswith("listening: "):
                self._listening.set()

    def wait_listening(self) -> None:
        assert self._listening.wait(20), f"listen never said it was listening: {self.stderr_lines}"

    def finish(self, timeout: float = 30) -> tuple[int, list[dict[str, object]], list[str]]:
        assert self.process.stdout is not None
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"listen did not finish: {self.stderr_lines}") from None
        finally:
            out = self.process.stdout.read()
            self.process.stdout.close()
            self._reader.join(5)
            assert self.process.stderr is not None
            self.process.stderr.close()
        events = [json.loads(line) for line in out.splitlines() if line.strip()]
        return self.process.returncode, events, self.stderr_lines


def _compare(events: list[dict[str, object]], wanted: list[dict[str, object]]) -> None:
    assert [{k: e[k] for k in FIELDS} for e in events] == [{k: w[k] for k in FIELDS} for w in wanted]
    for event in events:
        assert set(event) >= {"feed", "received_at", "call_id", "raw"}


def _serial(
    tmp_path: Path, data: bytes, count: int, protocol: str
) -> tuple[int, list[dict[str, object]], list[str]]:
    with pty_pair(tmp_path) as pair:
        listener = Listener(f"serial:{pair.console}?baud=1200&protocol={protocol}", "--count", str(count))
        listener.wait_listening()
        pair.write(data)
        return listener.finish()


@pytest.mark.parametrize(
    ("name", "protocol"),
    [
        ("modem-formatted", "modem"),
        ("modem-formatted", "auto"),
        ("modem-hex", "modem"),
        ("modem-hex", "auto"),
        ("whozz-serial", "whozz"),
        ("whozz-serial", "auto"),
    ],
)
def test_serial_samples_through_a_pty(tmp_path: Path, name: str, protocol: str) -> None:
    wanted = expected(f"{name}.expected.jsonl")
    code, events, _ = _serial(tmp_path, sample(f"{name}.bin"), len(wanted), protocol)
    assert code == 0
    _compare(events, wanted)
    assert all(e["feed"] == f"serial:{tmp_path / 'console'}?baud=1200&protocol={protocol}" for e in events)


def _tcp(
    script: Callable[[bytes], TcpScript], data: bytes, url: Callable[[int], str], count: int
) -> tuple[int, list[dict[str, object]], list[str]]:
    server = ScriptedServer([script(data)])
    try:
        listener = Listener(url(server.port), "--count", str(count))
        return listener.finish()
    finally:
        server.close()


def _ncid_script(data: bytes) -> TcpScript:
    return TcpScript([("send", data)])


GREETING = b"Asterisk Call Manager/5.0.3\r\n"
ACCEPTED = b"Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n"


def _ami_script(data: bytes) -> TcpScript:
    """A PBX: greets, waits for the Login action, then plays the sample (adding what it lacks)."""
    if not data.startswith(b"Asterisk Call Manager/"):
        data = GREETING + ACCEPTED + data
    greeting, rest = data.split(b"\r\n", 1)
    return TcpScript([("send", greeting + b"\r\n"), ("expect", b"\r\n\r\n"), ("send", rest)])


def test_ncid_session_over_tcp() -> None:
    wanted = expected("ncid-session.expected.jsonl")
    server = ScriptedServer([_ncid_script(sample("ncid-session.bin"))])
    try:
        code, events, _ = Listener(f"ncid://127.0.0.1:{server.port}", "--seconds", "3").finish()
    finally:
        server.close()
    assert code == 0
    # The replayed log line is history, not a call; the ring-count line is reported as a ring.
    _compare([e for e in events if e["event"] == "incoming"], wanted)
    assert [e["event"] for e in events] == ["incoming", "ring", "incoming"]


def test_ami_session_over_tcp_logs_in_and_masks_the_secret() -> None:
    wanted = expected("ami-session.expected.jsonl")
    server = ScriptedServer([_ami_script(sample("ami-session.bin"))])
    try:
        listener = Listener(f"ami://dispatch:rahasia-pbx@127.0.0.1:{server.port}?exten=112", "--count", "3")
        code, events, stderr = listener.finish()
    finally:
        server.close()
    assert code == 0
    _compare(events, wanted)
    assert {e["call_id"] for e in events} == {"1668495791.84"}
    login = b"".join(b for script in server.played for b in script.received)
    assert b"Action: Login" in login
    assert b"Secret: rahasia-pbx" in login
    everything = "\n".join(stderr) + json.dumps(events)
    assert "rahasia-pbx" not in everything
    assert any("ami://dispatch:***@127.0.0.1" in line for line in stderr)


def test_whozz_udp_datagram(tmp_path: Path) -> None:
    wanted = expected("whozz-serial.expected.jsonl")[:1]
    port = free_udp_port()
    listener = Listener(f"whozz-udp://127.0.0.1:{port}", "--count", "1")
    listener.wait_listening()
    send_udp(port, sample("whozz-udp-datagram.bin"))
    code, events, _ = listener.finish()
    assert code == 0
    _compare(events, wanted)


def test_a_truncated_whozz_datagram_is_reported_rejected_and_the_next_whole_one_decodes() -> None:
    whole = sample("whozz-udp-datagram.bin")
    cut = whole[: whole.index(b"0812345") + 7]  # was a call from "0812345"
    port = free_udp_port()
    listener = Listener(f"whozz-udp://127.0.0.1:{port}", "--count", "1")
    listener.wait_listening()
    send_udp(port, cut)
    send_udp(port, whole)
    code, events, stderr = listener.finish()
    assert code == 0
    _compare(events, expected("whozz-serial.expected.jsonl")[:1])
    assert [line for line in stderr if line.startswith("rejected: ")] == [
        f"rejected: truncated datagram: 60 bytes, a call record needs 83 (62 after the header): "
        f"{cut.decode('latin-1')!r}"
    ]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("ami://disp%0Aatch:rahasia-pbx@127.0.0.1:{port}?exten=112", "user"),
        ("ami://dispatch:rahasia%0D%0AAction: Logoff@127.0.0.1:{port}", "secret"),
    ],
)
def test_an_ami_credential_with_an_encoded_line_break_is_refused_before_connecting(
    url: str, field: str
) -> None:
    server = ScriptedServer([_ami_script(sample("ami-session.bin"))])
    try:
        done = subprocess.run(
            [sys.executable, "main.py", "listen", url.format(port=server.port), "--seconds", "2"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        server.close()
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"listen: the AMI {field} holds a control character")
    assert "rahasia" not in done.stderr
    assert server.connections == 0


@pytest.mark.parametrize(
    ("name", "transport"),
    [
        ("modem-line-noise", "serial-modem"),
        ("modem-hex-bad-checksum", "serial-modem"),
        ("ncid-truncated", "ncid"),
        ("ami-broken-header", "ami"),
    ],
)
def test_malformed_samples_report_each_bad_frame_and_decode_the_good_one(
    tmp_path: Path, name: str, transport: str
) -> None:
    data = sample(f"malformed/{name}.bin")
    if transport == "serial-modem":
        code, events, stderr = _serial(tmp_path, data, 1, "modem")
    elif transport == "ncid":
        code, events, stderr = _tcp(_ncid_script, data, lambda port: f"ncid://127.0.0.1:{port}", 1)
    else:
        code, events, stderr = _tcp(_ami_script, data, lambda port: f"ami://u:s@127.0.0.1:{port}", 1)
    assert code == 0
    assert [e["number"] for e in events if e["event"] == "incoming"][-1] in ("+6281211112222", "+62541741234")
    assert any(line.startswith("rejected: ") for line in stderr), stderr


def test_a_url_that_cannot_be_opened_exits_2(tmp_path: Path) -> None:
    for url in (
        f"serial:{tmp_path / 'no-such-port'}",
        "ncid://127.0.0.1:1",
        "bogus://x",
        "ami://nosecret@127.0.0.1",
    ):
        done = subprocess.run(
            [sys.executable, "main.py", "listen", url, "--seconds", "1"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, (url, done.stderr)
        assert done.stdout == ""
        assert done.stderr.startswith("listen: ")


def test_seconds_ends_a_quiet_listen(tmp_path: Path) -> None:
    port = free_udp_port()
    done = subprocess.run(
        [sys.executable, "main.py", "listen", f"whozz-udp://127.0.0.1:{port}", "--seconds", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == ""
    assert done.stderr.startswith("listening: whozz-udp://127.0.0.1:")


# --- warm before listening (issue 9) -----------------------------------------------------------


def _block(index: int) -> tuple[bytes, str]:
    number = f"0812{index:08d}"
    return (
        f"RING\r\n\r\nDATE = 1115\r\nTIME = 1403\r\nNMBR = {number}\r\nNAME = BUDI\r\n\r\n".encode(),
        number,
    )


def _line_within(fd: int, buffer: bytearray, seconds: float) -> bytes:
    deadline = time.monotonic() + seconds
    while b"\n" not in buffer:
        remaining = deadline - time.monotonic()
        assert remaining > 0, "listen printed nothing in time"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            assert chunk, "listen closed its standard output"
            buffer += chunk
    end = buffer.index(b"\n") + 1
    line = bytes(buffer[:end])
    del buffer[:end]
    return line


def _call_times(folder: Path, calls: int = 16) -> list[float]:
    """A fresh ``listen`` on a fresh pty: ms from each block's write to its JSON line, in order."""
    folder.mkdir()
    with pty_pair(folder) as pair:
        listener = Listener(f"serial:{pair.console}?protocol=modem", "--count", str(calls))
        listener.wait_listening()
        assert listener.process.stdout is not None
        fd = listener.process.stdout.fileno()
        buffer = bytearray()
        device = os.open(pair.device, os.O_WRONLY | os.O_NOCTTY)
        times: list[float] = []
        try:
            for index in range(calls):
                data, number = _block(index)
                time.sleep(0.02)
                started = time.perf_counter()
                os.write(device, data)
                line = _line_within(fd, buffer, 30)
                times.append((time.perf_counter() - started) * 1e3)
                assert json.loads(line)["number_raw"] == number
        finally:
            os.close(device)
        code, _, _ = listener.finish()
    assert code == 0
    return times


def test_the_first_call_after_listening_is_as_fast_as_the_rest(tmp_path: Path) -> None:
    """Before warming, the first call took 290 to 950 ms (phonenumbers' tables loading on it) and
    the later ones about 1 ms. The first must be within 10 times the median of the later ones, or
    under 100 ms on a machine too busy for that to mean anything: far from what it took, on any
    machine. A fresh listen tries again once before the test fails (a stall of a loaded machine
    does not fall on the first call twice; the missing warm-up does)."""
    seen = []
    for attempt in range(2):
        times = _call_times(tmp_path / f"attempt{attempt}")
        first, later = times[0], statistics.median(times[1:])
        if first <= max(10 * later, 100.0):
            return
        seen.append(f"first {first:.1f} ms, later median {later:.2f} ms")
    raise AssertionError("; ".join(seen))


def test_warming_loads_what_the_first_frame_would_in_a_fresh_interpreter() -> None:
    code = (
        "import sys\n"
        "from dispatch.feeds.urls import parse_feed_url\n"
        "from dispatch.feeds.protocols import warm_up\n"
        "before = set(sys.modules)\n"
        "for url in ('serial:/dev/null?protocol=auto', 'ncid://h', 'whozz-udp://0.0.0.0:1', 'ami://u:s@h'):\n"
        "    warm_up(parse_feed_url(url))\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert {
        "dispatch.feeds.modem",
        "dispatch.feeds.whozz",
        "dispatch.feeds.ncid",
        "dispatch.feeds.ami",
        "phonenumbers.data.region_ID",
        "phonenumbers.shortdata.region_ID",
    } <= loaded, loaded
    # Carrier and area names come from the shipped Indonesia-only table, not every country's tables.
    assert not {"phonenumbers.carrier", "phonenumbers.geocoder"} & loaded, loaded


@pytest.mark.parametrize(
    "url",
    [
        "serial:/dev/null?protocol=modem",
        "serial:/dev/null?protocol=whozz",
        "serial:/dev/null",
        "ncid://h",
        "whozz-udp://0.0.0.0:1",
        "ami://u:s@h?exten=112",
        "ami://u:s@h?queue=112",
    ],
)
def test_every_warming_stream_decodes_to_calls_and_nothing_rejected(url: str) -> None:
    """Warming covers the decoding of real calls only if its made-up streams are good frames."""
    for kind, decoder in warm_decoders(parse_feed_url(url)):
        frames = decoder.feed(warm_stream(kind)) + decoder.flush()
        assert not rejected(frames), (kind, rejected(frames))
        if "queue=" not in url:  # a queue filter waits for QueueCallerJoin: the unfiltered decoder has them
            assert {frame.number_raw for frame in decoded(frames)} >= {"081234567890"}, kind


def test_a_serial_read_returns_a_whole_block_at_once_and_a_lost_port_disconnects(tmp_path: Path) -> None:
    data, _ = _block(1)
    pair = start_socat(tmp_path)
    connection = SerialConnection(parse_feed_url(f"serial:{pair.console}?protocol=modem"))  # type: ignore[arg-type]
    try:
        assert connection.read(0.05) == b""  # quiet: the timeout passes
        pair.write(data)
        received = connection.read(5)
        while len(received) < len(data):  # a pty may deliver in pieces; never more, never other bytes
            received += connection.read(5)
        assert received == data
        pair.kill()
        with pytest.raises(FeedDisconnected):
            _read_until_disconnected(connection)
    finally:
        connection.close()
        pair.kill()


def _read_until_disconnected(connection: SerialConnection) -> None:
    for _ in range(40):
        connection.read(0.25)


# --- the JSON line, written out directly ---------------------------------------------------------

_texts = st.text() | st.sampled_from(["", 'BUDI "SANTOSO"', "a\\b", "\x00\x1f\x7f", "é ü 中", "\ud800"])


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(list(SignalKind)),
    feed=_texts,
    line=st.none() | _texts,
    raw_number=_texts,
    name=st.none() | _texts,
    call_id=st.none() | _texts,
    raw=st.binary(max_size=60),
    moment=st.datetimes(timezones=st.just(UTC)),
)
def test_the_json_line_is_what_json_dumps_writes(
    kind: SignalKind,
    feed: str,
    line: str | None,
    raw_number: str,
    name: str | None,
    call_id: str | None,
    raw: bytes,
    moment: datetime,
) -> None:
    signal = CallSignal(
        kind=kind,
        feed=feed,
        received_at=moment,
        number=parse_caller_number(raw_number),
        raw=raw,
        line=line,
        name=name,
        call_id=call_id,
    )
    fields = {
        "event": signal.kind.value,
        "feed": signal.feed,
        "received_at": signal.received_at.isoformat(),
        "line": signal.line,
        "number": signal.number.e164,
        "number_raw": signal.number.raw,
        "presentation": signal.number.presentation.value,
        "name": signal.name,
        "call_id": signal.call_id,
        "raw": signal.raw.decode("latin-1"),
    }
    assert signal_json(signal) == json.dumps(fields, ensure_ascii=False)


def test_the_sink_writes_the_process_stdout_as_its_text_layer_would(tmp_path: Path) -> None:
    """On the real standard output the sink writes the descriptor itself; the bytes are the same."""
    script = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from dispatch.domain.phone import parse_caller_number\n"
        "from dispatch.domain.signals import CallSignal, SignalKind\n"
        "from dispatch.feeds.listen import PrintSink, signal_json\n"
        "sink = PrintSink(sys.stdout, sys.stderr, limit=2)\n"
        "assert sink._fd == 1\n"
        "for n, name in enumerate(['SITI', 'é 中 \\\\ \"', 'third']):\n"
        "    s = CallSignal(SignalKind.INCOMING, 'serial:/dev/ttyS0', datetime(2026, 1, 1, tzinfo=UTC),\n"
        "                   parse_caller_number('08123456789%d' % n), b'NMBR\\xff\\r\\n', name=name)\n"
        "    sink.signal(s)\n"
        "    sys.stderr.write(signal_json(s) + '\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=True,
    )
    expected_lines = done.stderr.decode("utf-8").splitlines(keepends=True)
    assert len(expected_lines) == 3
    assert done.stdout.decode("utf-8") == "".join(expected_lines[:2])  # the limit of 2 holds
