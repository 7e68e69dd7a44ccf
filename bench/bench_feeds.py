"""Benchmark of the caller-ID feeds: decoding, pty-to-screen latency, and a burst of calls.

    python -m bench.bench_feeds [--frames 1000] [--json out.json] [--smoke]

Three measurements, in one run, each against a floor measured in the same run:

1. **Decode throughput** of every decoder (``ModemDecoder`` on formatted blocks and on hex MDMF/SDMF
   lines, ``WhozzDecoder`` on serial records, ``NcidDecoder`` on CID lines after a start-up,
   ``AmiDecoder`` on the Newchannel/Newstate/Hangup messages of many calls): a realistic stream of
   about 20,000 frames with varied numbers and names, fed in 4 KiB chunks. The floor is merely
   splitting the same chunks into frames with ``bytes.split`` on the frame separator. ``to_signal``
   (phonenumbers parsing of the number, once per frame at the feed) is timed separately on the
   frames each decoder produced.
2. **Latency** from the last byte of a formatted modem block written to a pty (socat) until the call
   row is committed (the change notice ``record_signal`` publishes after its commit) and until the
   window's call queue model holds the row (``rowsInserted``), with the real ``MainWindow``
   (offscreen), a ``FeedMonitor`` on ``serial:PTY?protocol=modem`` and a real SQLite database. Each
   call is answered and closed as a non-emergency through the services once shown (calls get
   answered in a real centre), so the queue stays at one ringing call plus the 40 most recent ended
   ones. The floors: a bare pyserial read of the same bytes on a second socat pair, and one fsync.
3. **Burst**: an NCID server (a separate process) sends its start-up, then 200 CID lines spread
   evenly over one second; the console must commit and show all 200, while a 5 ms ``QTimer`` on the
   GUI thread measures the event-loop lag (three runs, each on a fresh console).

The window's own GUI-thread work (the call-queue refresh, the 1 s ticker's live columns) is timed by
the window's timing hook (``MainWindow.timing_hook``), to tell what a stall was made of.
``--no-resize-to-contents`` is a what-if: the boards' columns are sized once instead of
``QHeaderView.ResizeToContents`` (the fix the README proposes), applied in this process only.
``--smoke`` runs every part at a toy size, in seconds, to check that the benchmark still works.

Times are ``time.perf_counter`` (CLOCK_MONOTONIC on Linux, so comparable across processes).
Percentiles are nearest-rank. Qt runs with ``QT_QPA_PLATFORM=offscreen``; the GUI waits run the Qt
event loop (``QEventLoop`` and timers), never ``sleep``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import contextlib
import gc
import json
import queue
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.bench_foundation import Timing, machine_info, nearest_rank
from dispatch.domain.phone import warm_up_descriptions
from dispatch.feeds.ami import AmiDecoder
from dispatch.feeds.frames import DecodedFrame, Decoder, RejectedFrame
from dispatch.feeds.modem import ModemDecoder
from dispatch.feeds.ncid import NcidDecoder
from dispatch.feeds.runner import to_signal
from dispatch.feeds.whozz import WhozzDecoder

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from dispatch.services.context import ServiceContext
    from dispatch.store.database import Database
    from ui.feed_monitor import FeedMonitor
    from ui.main_window import MainWindow

LATENCY_TARGET_MS = 20.0
LAG_TARGET_MS = 50.0
LAG_TIMER_MS = 5
#: What-if (``--burst-refresh-ms``): the window's minimum interval between refreshes in a burst
#: (``MainWindow.burst_refresh_ms``; 0: a refresh per event-loop turn). None: the window's own.
BURST_REFRESH_MS: int | None = None
PASSWORD = "rahasia-112"

# --- realistic caller data ---------------------------------------------------------------------------

#: Indonesian mobile prefixes (Telkomsel, Indosat, XL, Axis, Tri, Smartfren).
MOBILE_PREFIXES = tuple(
    f"08{n}" for n in (11, 12, 13, 21, 22, 23, 51, 52, 53, 14, 15, 16, 55, 56, 57, 58, 17, 18, 19, 59)
) + tuple(f"08{n}" for n in (77, 78, 31, 32, 38, 95, 96, 97, 98, 99, 81, 82, 83, 87, 88, 89))
#: Area code and subscriber-number length.
LANDLINES = (
    ("021", 8),
    ("022", 7),
    ("024", 7),
    ("031", 7),
    ("0274", 6),
    ("061", 7),
    ("0361", 6),
    ("0411", 6),
)
FIRST_NAMES = ("BUDI", "SITI", "AGUS", "DEWI", "RINA", "HENDRA", "WAHYU", "PUTRI", "ANDI", "SRI")
FIRST_NAMES += ("JOKO", "NUR", "EKO", "YULI", "RUDI", "LINA", "ADI", "FITRI", "BAMBANG", "INDAH")
LAST_NAMES = ("SANTOSO", "RAHAYU", "SETIAWAN", "LESTARI", "WATI", "GUNAWAN", "HIDAYAT", "AMELIA")
LAST_NAMES += ("PRATAMA", "MULYANI", "WIBOWO", "SUSANTO", "KURNIAWAN", "HARTONO", "SAPUTRA", "NINGSIH")


class Callers:
    """Numbers and names as a centre sees them: mostly mobiles, some landlines, a few withheld."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def number(self, *, withheld_share: float = 0.05, landline_share: float = 0.15) -> str:
        draw = self.rng.random()
        if draw < withheld_share:
            return "P"
        return self.fresh_landline() if draw < withheld_share + landline_share else self.fresh_mobile()

    def fresh_mobile(self) -> str:
        while True:
            rest = self.rng.choice((7, 8, 8, 8, 9))
            number = self.rng.choice(MOBILE_PREFIXES) + "".join(self.rng.choices("0123456789", k=rest))
            if number not in self.used:
                self.used.add(number)
                return number

    def fresh_landline(self) -> str:
        while True:
            area, length = self.rng.choice(LANDLINES)
            number = area + self.rng.choice("2345678") + "".join(self.rng.choices("0123456789", k=length - 1))
            if number not in self.used:
                self.used.add(number)
                return number

    def name(self) -> str:
        draw = self.rng.random()
        if draw < 0.25:
            return self.rng.choice(("NO NAME", "O", "P"))
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"[:15]

    def stamp(self) -> tuple[int, int, int, int]:
        """month, day, hour, minute"""
        return (
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
            self.rng.randint(0, 23),
            self.rng.randint(0, 59),
        )


def modem_block(
    number: str, name: str | None, stamp: tuple[int, int, int, int], spaced: bool = True
) -> bytes:
    month, day, hour, minute = stamp
    eq = " = " if spaced else "="
    lines = [f"DATE{eq}{month:02d}{day:02d}", f"TIME{eq}{hour:02d}{minute:02d}", f"NMBR{eq}{number}"]
    if name is not None:
        lines.append(f"NAME{eq}{name}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


# --- the streams -------------------------------------------------------------------------------------


@dataclass
class Stream:
    name: str
    decoder: Callable[[], Decoder]
    separator: bytes
    data: bytes
    frames: int  # call events the decoder must produce


def modem_formatted_stream(callers: Callers, frames: int) -> Stream:
    parts = []
    for _ in range(frames):
        number = callers.number()
        name = None if number == "P" or callers.rng.random() < 0.1 else callers.name()
        parts.append(b"RING\r\n" * callers.rng.choice((1, 2)) + b"\r\n")
        parts.append(modem_block(number, name, callers.stamp(), spaced=callers.rng.random() < 0.8))
    return Stream("modem, formatted blocks", ModemDecoder, b"\r\n\r\n", b"".join(parts), frames)


def _mdmf(number: str, name: str | None, stamp: tuple[int, int, int, int]) -> bytes:
    month, day, hour, minute = stamp
    params = bytearray([0x01, 8]) + f"{month:02d}{day:02d}{hour:02d}{minute:02d}".encode()
    if number == "P":
        params += bytes([0x04, 1]) + b"P" + bytes([0x08, 1]) + b"P"
    else:
        params += bytes([0x02, len(number)]) + number.encode()
        if name is not None:
            params += bytes([0x07, len(name)]) + name.encode()
    return bytes([0x80, len(params)]) + params


def _sdmf(number: str, stamp: tuple[int, int, int, int]) -> bytes:
    month, day, hour, minute = stamp
    body = f"{month:02d}{day:02d}{hour:02d}{minute:02d}{number}".encode()
    return bytes([0x04, len(body)]) + body


def modem_hex_stream(callers: Callers, frames: int) -> Stream:
    parts = []
    for _ in range(frames):
        number = callers.number()
        stamp = callers.stamp()
        if number != "P" and callers.rng.random() < 0.1:
            message = _sdmf(number, stamp)
        else:
            message = _mdmf(number, None if callers.rng.random() < 0.2 else callers.name(), stamp)
        message += bytes([-sum(message) % 256])  # the checksum, which makes the sum 0 mod 256
        parts.append(b"RING\r\n" + message.hex().upper().encode() + b"\r\n")
    return Stream("modem, hex MDMF/SDMF lines", ModemDecoder, b"\r\n", b"".join(parts), frames)


def whozz_stream(callers: Callers, frames: int) -> Stream:
    """Per call: start record, ring detail, end record (two events: incoming and ended)."""
    parts = []
    for _ in range(frames // 2):
        number = callers.number()
        shown = "Private" if number == "P" else number
        name = callers.name() if callers.rng.random() < 0.8 else ""
        line = callers.rng.randint(1, 4)
        month, day, hour, minute = callers.stamp()
        clock = f"{month:02d}/{day:02d} {(hour % 12) or 12:02d}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
        dollar = "$" if callers.rng.random() < 0.5 else ""
        duration = callers.rng.randint(5, 600)
        rings = callers.rng.randint(1, 6)
        start = f"{dollar}{line:02d} I S 0000 G A0 {clock} {shown:<14} {name:<15}"
        end = f"{dollar}{line:02d} I E {duration:04d} G A{rings} {clock} {shown:<14} {name:<15}"
        detail = f"{line:02d} R             {month:02d}/{day:02d} {hour:02d}:{minute:02d}:05"
        parts.append(f"{start}\r\n{detail}\r\n{end}\r\n".encode("ascii"))
    return Stream("whozz, serial records", WhozzDecoder, b"\r\n", b"".join(parts), frames // 2 * 2)


NCID_STARTUP = (
    b"200 Server: ncidd (NCID) 1.13\n"
    b"210 API: 1.12 Feature Set 1 2 3 4 5\n"
    b"254 Start of call log\n"
    b"CIDLOG: *DATE*11142022*TIME*2310*LINE*POTS*NMBR*081398765432*MESG*NONE*NAME*NO NAME*\n"
    b"250 End of call log\n"
    b"OPT: hangup-1\n"
    b"300 End of connection startup\n"
)


def ncid_line(number: str, name: str, stamp: tuple[int, int, int, int], line: str) -> bytes:
    month, day, hour, minute = stamp
    nmbr = "PRIVATE" if number == "P" else number
    return (
        f"CID: *DATE*{month:02d}{day:02d}2026*TIME*{hour:02d}{minute:02d}*LINE*{line}*NMBR*{nmbr}"
        f"*MESG*NONE*NAME*{name}*\n"
    ).encode("ascii")


def ncid_stream(callers: Callers, frames: int) -> Stream:
    lines = [
        ncid_line(callers.number(), callers.name(), callers.stamp(), callers.rng.choice(("POTS", "1", "2")))
        for _ in range(frames)
    ]
    return Stream("ncid, CID lines", NcidDecoder, b"\n", NCID_STARTUP + b"".join(lines), frames)


AMI_GREETING = (
    b"Asterisk Call Manager/5.0.3\r\n"
    b"Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n"
    b"Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n"
)


def ami_message(event: str, state: tuple[str, str], number: str, name: str, uid: str, trunk: int) -> bytes:
    headers = [
        f"Event: {event}",
        "Privilege: call,all",
        f"Channel: PJSIP/trunk-telkom-{trunk}.{uid.split('.')[1]}",
        f"ChannelState: {state[0]}",
        f"ChannelStateDesc: {state[1]}",
        f"CallerIDNum: {number}",
        f"CallerIDName: {name}",
        "ConnectedLineNum: <unknown>",
        "ConnectedLineName: <unknown>",
        "Language: en",
        "AccountCode: ",
        "Context: from-pstn",
        "Exten: 112",
        "Priority: 1",
        f"Uniqueid: {uid}",
        f"Linkedid: {uid}",
    ]
    if event == "Hangup":
        headers += ["Cause: 16", "Cause-txt: Normal Clearing"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii")


def ami_stream(callers: Callers, frames: int) -> Stream:
    """Calls overlap: call i rings while call i-1 is answered and call i-2 hangs up."""
    calls = frames // 3
    people = []
    for index in range(calls):
        number = callers.number()
        caller_number = "anonymous" if number == "P" else number
        name = callers.name() if callers.rng.random() < 0.5 else "<unknown>"
        people.append((caller_number, name, f"{1668495791 + index}.{84 + index}", callers.rng.randint(1, 8)))
    parts = [AMI_GREETING]
    for index in range(calls + 2):
        if index < calls:
            number, name, uid, trunk = people[index]
            parts.append(ami_message("Newchannel", ("4", "Ring"), number, name, uid, trunk))
        if 0 <= index - 1 < calls:
            number, name, uid, trunk = people[index - 1]
            parts.append(ami_message("Newstate", ("6", "Up"), number, name, uid, trunk))
        if 0 <= index - 2 < calls:
            number, name, uid, trunk = people[index - 2]
            parts.append(ami_message("Hangup", ("6", "Up"), number, name, uid, trunk))
    return Stream("ami, Newchannel/Newstate/Hangup", AmiDecoder, b"\r\n\r\n", b"".join(parts), calls * 3)


def build_streams(frames: int, seed: int) -> list[Stream]:
    rng = random.Random(seed)
    return [
        modem_formatted_stream(Callers(rng), frames),
        modem_hex_stream(Callers(rng), frames),
        whozz_stream(Callers(rng), frames),
        ncid_stream(Callers(rng), frames),
        ami_stream(Callers(rng), frames),
    ]


# --- 1. decode throughput ----------------------------------------------------------------------------


def chunked(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def decode_all(make: Callable[[], Decoder], chunks: Sequence[bytes]) -> list[Any]:
    decoder = make()
    out: list[Any] = []
    for chunk in chunks:
        out += decoder.feed(chunk)
    out += decoder.flush()
    return out


def split_all(separator: bytes, chunks: Sequence[bytes]) -> int:
    """The floor: cut the same chunks into frames at the separator, carrying the partial frame over."""
    rest = b""
    pieces = 0
    for chunk in chunks:
        parts = (rest + chunk).split(separator)
        rest = parts.pop()
        pieces += len(parts)
    return pieces + (1 if rest else 0)


def timed_runs(action: Callable[[], object], repeats: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeats):
        gc.collect()
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
    return times, result


def measure_decoding(streams: list[Stream], chunk: int, repeats: int) -> dict[str, Any]:
    received_at = datetime.now(UTC)
    rows = []
    for stream in streams:
        chunks = chunked(stream.data, chunk)
        decode_all(stream.decoder, chunks[:50])  # warm the regexes and the code paths
        decode_times, frames = timed_runs(lambda s=stream, c=chunks: decode_all(s.decoder, c), repeats)
        split_times, pieces = timed_runs(lambda s=stream, c=chunks: split_all(s.separator, c), repeats)
        assert isinstance(frames, list)
        decoded = [f for f in frames if isinstance(f, DecodedFrame)]
        rejected = [f for f in frames if isinstance(f, RejectedFrame)]
        if len(decoded) != stream.frames or rejected:
            raise SystemExit(
                f"{stream.name}: {len(decoded)} frames decoded, {len(rejected)} rejected; "
                f"expected {stream.frames} and none rejected ({rejected[:2]})"
            )
        signal_times, signals = timed_runs(
            lambda d=decoded: [to_signal(f, "bench", received_at) for f in d],
            repeats,
        )
        assert isinstance(signals, list)
        decode_s, split_s, signal_s = (
            statistics.median(t) for t in (decode_times, split_times, signal_times)
        )
        rows.append(
            {
                "parser": stream.name,
                "frames": stream.frames,
                "split_pieces": pieces,
                "bytes": len(stream.data),
                "chunks": len(chunks),
                "decode_s": decode_times,
                "split_s": split_times,
                "to_signal_s": signal_times,
                "decode_frames_per_s": stream.frames / decode_s,
                "split_frames_per_s": stream.frames / split_s,
                "decode_over_split": decode_s / split_s,
                "decode_us_per_frame": decode_s / stream.frames * 1e6,
                "to_signal_frames_per_s": stream.frames / signal_s,
                "to_signal_us_per_frame": signal_s / stream.frames * 1e6,
                "decode_and_to_signal_frames_per_s": stream.frames / (decode_s + signal_s),
                "e164_share": round(sum(1 for g in signals if g.number.e164) / len(signals), 3),
                "described_share": round(sum(1 for g in signals if g.number.description) / len(signals), 3),
            }
        )
    return {
        "chunk_bytes": chunk,
        "repeats": repeats,
        "rows": rows,
    }


# --- the console ---------------------------------------------------------------------------------------


def qt_app() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from ui.i18n import install_translator

        app = QApplication([])
        install_translator(app, "id")  # the console's default language
    assert isinstance(app, QApplication)
    return app


def run_until(predicate: Callable[[], bool], timeout_s: float, poll_ms: int = 2) -> bool:
    """Run the Qt event loop until ``predicate()`` holds (checked every ``poll_ms``) or the time is up."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    timer = QTimer()
    timer.setInterval(poll_ms)

    def check() -> None:
        if predicate() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return predicate()


def settle(quiet_ms: float = 10.0, timeout_s: float = 2.0) -> float:
    """Run the event loop until it has been idle for ``quiet_ms``: a 1 ms precise timer kept time.

    Deferred work (delayed layouts, paints) of the previous change runs meanwhile. Returns how
    long it took, in ms.
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    began = time.perf_counter()
    loop = QEventLoop()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    quiet_since = [began]
    last = [began]

    def tick() -> None:
        now = time.perf_counter()
        if now - last[0] > 0.003:  # something else ran on the GUI thread
            quiet_since[0] = now
        last[0] = now
        if now - quiet_since[0] >= quiet_ms / 1000 or now - began > timeout_s:
            loop.quit()

    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()
    return (time.perf_counter() - began) * 1000


@dataclass
class Console:
    folder: Path
    database: Database
    ctx: ServiceContext
    monitor: FeedMonitor
    window: MainWindow
    feed: str

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        gc.unfreeze()  # as ui.app does before the window goes (frozen Qt objects crash PySide6 at exit)
        self.monitor.stop()
        qt_app().processEvents()  # health reports the feed's thread queued before it stopped
        self.window.close()
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qt_app().processEvents()
        self.database.dispose()

    def count(self, sql: str) -> int:
        from sqlalchemy import text

        with self.database.engine.connect() as connection:
            return int(connection.execute(text(sql), {"feed": self.feed}).scalar_one())


def open_console(folder: Path, feed_url: str, resize_to_contents: bool = True) -> Console:
    """The console as ``ui.app`` builds it after the login, on a fresh database in ``folder``."""
    from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
    from dispatch.domain.clock import SystemClock
    from dispatch.feeds.runner import FeedState
    from dispatch.feeds.urls import parse_feed_url
    from dispatch.services import accounts, dispatching
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import open_database, sqlite_url
    from ui.app import freeze_long_lived
    from ui.feed_monitor import FeedMonitor
    from ui.main_window import MainWindow
    from ui.session import ConsoleSession

    qt_app()
    folder.mkdir(parents=True, exist_ok=True)
    database = open_database(sqlite_url(folder / "dispatch.sqlite3"))
    console_ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "bench")
    accounts.create_first_supervisor(console_ctx, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
    result = accounts.log_in(console_ctx, "sari", PASSWORD)
    assert result.actor is not None
    ctx = console_ctx.acting_as(result.actor)
    dispatching.load_roster(ctx, load_demo_roster())
    url = parse_feed_url(feed_url)
    monitor = FeedMonitor(ctx, [url], "ID")
    window = MainWindow(ConsoleSession(ctx, load_default_catalogue(), "id", feeds=monitor))
    window.resize(1920, 1080)
    window.show()
    if not resize_to_contents:
        without_resize_to_contents(window)
    if BURST_REFRESH_MS is not None:
        window.boards.burst_refresh_ms = BURST_REFRESH_MS
    monitor.start()
    # As ui.app does once the window is up: what exists now (modules, the phone tables loaded by
    # run(), the window) is kept out of the garbage collector's full passes. Without it a full pass
    # walked the phone tables and stopped every thread about 100 ms in a burst now and then.
    freeze_long_lived()
    console = Console(folder, database, ctx, monitor, window, url.display)
    if not run_until(lambda: all(h.state is FeedState.UP for h in monitor.health.values()), 10):
        console.close()
        raise SystemExit(f"the feed {url.display} did not come up: {list(monitor.health.values())}")
    return console


class SinkTimes:
    """When each number's signal reached the store and when its call row was committed.

    ``StoreSink.signal`` is wrapped in this process only (``entered``: the feed's thread hands the
    signal over). ``committed`` is taken by a listener on the console's ``ChangeBus``: the services
    publish the change notices right after the transaction commits, on the same (feed) thread. The
    wrapper cannot take it after ``record_signal`` returns: by then the GUI thread, woken by the
    notice, may already have shown the row.
    """

    def __init__(self) -> None:
        self.entered: dict[str, float] = {}
        self.committed: dict[str, float] = {}
        self._current = threading.local()

    @contextlib.contextmanager
    def installed(self) -> Iterator[SinkTimes]:
        # The feed's runner hands each read to its FeedStore (entered: appended to the spool); the
        # storing thread stores it with services.feeds.store_frames (one transaction per read).
        from dispatch.feeds.supervisor import FeedStore
        from dispatch.services import feeds

        original_frames = FeedStore.frames
        original_store = feeds.store_frames
        times = self

        def numbers_of(batch: Any) -> list[str]:
            return [item.number.raw for item in batch if hasattr(item, "number")]

        def frames(store: Any, batch: Any) -> None:
            now = time.perf_counter()
            for number in numbers_of(batch):
                times.entered.setdefault(number, now)
            original_frames(store, batch)

        def store_frames(ctx: Any, batch: Any) -> Any:
            times._current.numbers = numbers_of(batch)
            try:
                return original_store(ctx, batch)  # one transaction, then the notices
            finally:
                times._current.numbers = []

        FeedStore.frames = frames  # type: ignore[method-assign]
        feeds.store_frames = store_frames
        try:
            yield self
        finally:
            FeedStore.frames = original_frames  # type: ignore[method-assign]
            feeds.store_frames = original_store

    def listen(self, ctx: ServiceContext) -> None:
        """``record_signal`` publishes ``FEED`` and then ``CALLS``; the first notice, taken on the
        feed's thread before the ``CALLS`` one reaches the window, marks the commit."""
        from dispatch.services.bus import Change

        def committed(_change: Change) -> None:
            now = time.perf_counter()
            for number in getattr(self._current, "numbers", []):
                self.committed.setdefault(number, now)

        ctx.bus.subscribe(committed)


class ShownTimes:
    """When each number's row first appeared in the call queue model (its ``rowsInserted``)."""

    def __init__(self, window: MainWindow) -> None:
        self.at: dict[str, float] = {}
        self.queue_rows: dict[str, int] = {}
        self._model = window.call_model
        self._model.rowsInserted.connect(self._inserted)

    def _inserted(self, _parent: object, first: int, last: int) -> None:
        now = time.perf_counter()
        for row in range(first, last + 1):
            number = self._model.row(row).number_raw
            if number not in self.at:
                self.at[number] = now
                self.queue_rows[number] = self._model.rowCount()

    def close(self) -> None:
        self._model.rowsInserted.disconnect(self._inserted)


class GuiWork:
    """Timed work of the window on the GUI thread, from the window's timing hook
    (``MainWindow.timing_hook``; nothing of the window is wrapped or replaced).

    * ``queue_query``: the window's reading of calls after notices about them: ``queries.calls_by_id``
      for the calls the notices name (``queries.call_queue``, the whole queue, when they name none);
    * ``queue_model``: ``call_model.update_calls`` (or ``set_rows``) with its result (row signals, and
      the views' slots that run inside them);
    * ``gc``: the garbage collector's passes (``gc.callbacks``), on whichever thread they ran: they
      hold the GIL, so every thread waits;
    * ``tick_*``: the ``refresh_live_columns`` of the three boards' visible rows, run by the window's
      1 s ticker (the ``dataChanged`` of the ring timers and ages, and the views' slots that run
      inside it).

    Painting and delayed layouts run later in the event loop and are not in these figures; the lag
    meter sees them.
    """

    #: The window's step names, as this benchmark reports them.
    NAMES = {
        "call_queue_query": "queue_query",
        "call_queue_model": "queue_model",
        "tick_call_queue": "tick_call_queue",
        "tick_incident_board": "tick_incident_board",
        "tick_unit_board": "tick_unit_board",
    }

    def __init__(self, window: MainWindow) -> None:
        self.samples: dict[str, list[tuple[float, float]]] = {name: [] for name in self.NAMES.values()}
        self.samples["gc"] = []  # the collector's passes, on whichever thread (it holds the GIL)
        self._window = window
        window.boards.timing_hook = self._record
        self._gc_began = 0.0
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, _info: dict[str, int]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._gc_began = now
        else:
            self.samples["gc"].append((self._gc_began, (now - self._gc_began) * 1000))

    def _record(self, step: str, began: float, seconds: float) -> None:
        name = self.NAMES.get(step)
        if name is not None:
            self.samples[name].append((began, seconds * 1000))

    def between(self, start: float, end: float) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, samples in self.samples.items():
            values = [ms for at, ms in samples if start <= at <= end]
            out[name] = summary(values) | {"total": sum(values)}
        return out

    def close(self) -> None:
        self._window.boards.timing_hook = None
        gc.callbacks.remove(self._gc)


def without_resize_to_contents(window: MainWindow) -> None:
    """What-if (``--no-resize-to-contents``): the boards' columns sized once, then left alone.

    ``MainWindow`` sets ``QHeaderView.ResizeToContents`` on the call queue, incident board and unit
    board; such a header measures every cell of every ResizeToContents column again on any
    ``dataChanged``, the ring timers' included. Here the columns are sized to their contents once
    and then made ``Interactive``: the fix this benchmark proposes, applied in this process only.
    """
    from PySide6.QtWidgets import QHeaderView

    for view in (window.call_view, window.incident_view):
        view.resizeColumnsToContents()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column in range(window.unit_model.columnCount()):
        window.unit_view.resizeColumnToContents(column)
    window.unit_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


def summary(values: Sequence[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50": nearest_rank(ordered, 50),
        "p95": nearest_rank(ordered, 95),
        "p99": nearest_rank(ordered, 99),
        "max": ordered[-1],
        "mean": sum(ordered) / len(ordered),
    }


@dataclass
class Socat:
    """A socat pty pair: the console opens ``console``; bytes written to ``device`` arrive there."""

    console: Path
    device: Path
    process: subprocess.Popen[bytes]

    @staticmethod
    def start(folder: Path) -> Socat:
        from tests.feeds.peers import start_socat

        folder.mkdir(parents=True, exist_ok=True)
        pair = start_socat(folder)
        assert pair.process is not None
        return Socat(pair.console, pair.device, pair.process)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


class SerialFloor:
    """The floor: a thread reading the port with pyserial as ``SerialConnection.read`` does, nothing else."""

    def __init__(self, port: Path) -> None:
        import serial

        self._port = serial.Serial(str(port), 1200, timeout=0.25)
        self._expect = 0
        self._stop = threading.Event()
        self.done: queue.Queue[float] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="serial floor", daemon=True)
        self._thread.start()

    def expect(self, size: int) -> None:
        """The next ``size`` bytes are one block: report when the last of them has been read."""
        self._expect = size

    def _run(self) -> None:
        received = bytearray()
        while not self._stop.is_set():
            first = self._port.read(1)  # blocked here when the bytes arrive, as the feed's thread is
            if not first:
                continue
            waiting = self._port.in_waiting
            received += first + (self._port.read(waiting) if waiting else b"")
            if self._expect and len(received) >= self._expect and received.endswith(b"\r\n\r\n"):
                self.done.put(time.perf_counter())
                received.clear()
                self._expect = 0

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._port.close()


def fsync_floor(folder: Path, runs: int = 200) -> Timing:
    """What one durable commit costs the disk: append 4 KiB to a file and ``fsync`` it.

    The console's SQLite runs in WAL mode with ``synchronous=FULL``: every commit syncs the WAL.
    """
    timing = Timing("floor: append 4 KiB + fsync, same folder (one WAL commit's sync)")
    path = folder / "fsync.bin"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        block = os.urandom(4096)
        for index in range(runs + 5):
            began = time.perf_counter_ns()
            os.write(fd, block)
            os.fsync(fd)
            timing.add(time.perf_counter_ns() - began, first=index == 0, record=index >= 5)
    finally:
        os.close(fd)
        path.unlink()
    return timing


#: The "device": a separate process that writes each block to a pty and stamps the moment its
#: ``write`` returned. In this process the stamp would be late whenever the feed's thread, woken by
#: those very bytes, holds the GIL while the writer waits to run its next line.
WRITER = r"""
import os, sys, time
ports = [os.open(path, os.O_WRONLY | os.O_NOCTTY) for path in sys.argv[1:]]
print("ready", flush=True)
for line in sys.stdin:
    port, data = line.split()
    data = bytes.fromhex(data)
    written = os.write(ports[int(port)], data)
    done = time.perf_counter()
    print(done if written == len(data) else -1, flush=True)
"""


class Writer:
    """Writes to the given ptys from the writer process; ``write`` returns the stamp after the write."""

    def __init__(self, *ports: Path) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-c", WRITER, *map(str, ports)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._in, self._out = self._process.stdin, self._process.stdout
        if self._out.readline().strip() != "ready":
            raise SystemExit("the pty writer did not start")

    def write(self, port: int, data: bytes) -> float:
        self._in.write(f"{port} {data.hex()}\n")
        self._in.flush()
        done = float(self._out.readline())
        if done < 0:
            raise SystemExit("a short write to the pty")
        return done

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._in.close()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(5)


# --- 2. latency on a pty -------------------------------------------------------------------------------


def measure_latency(
    folder: Path, frames: int, warm_up: int, seed: int, resize_to_contents: bool = True
) -> dict[str, Any]:
    from dispatch.domain.enums import CallClass, CallState
    from dispatch.services import calls

    app = qt_app()
    callers = Callers(random.Random(seed))
    console_pty = Socat.start(folder / "pty-console")
    floor_pty = Socat.start(folder / "pty-floor")
    console: Console | None = None
    floor: SerialFloor | None = None
    writer: Writer | None = None
    sink = SinkTimes()
    timings = {
        "sink_entered": Timing(
            "write -> feed thread hands the signal to the store (read, decode, to_signal)"
        ),
        "committed": Timing("write -> call row committed (change notice published)", LATENCY_TARGET_MS),
        "shown": Timing("write -> row in the call queue model", LATENCY_TARGET_MS),
        "commit": Timing("  of which: record_signal up to the commit (transaction, fsync)"),
        "committed_to_shown": Timing("  of which: committed -> shown (queued signal, queue query)"),
        "shown_no_tick": Timing("  write -> shown, frames the 1 s ticker's work did not overlap"),
        "floor": Timing("floor: bare pyserial read of the same bytes"),
    }
    ticked_over_target = over_target = 0
    settle_ms: list[float] = []
    queue_sizes: list[int] = []
    missed: list[str] = []
    try:
        with sink.installed():
            console = open_console(
                folder / "latency", f"serial:{console_pty.console}?protocol=modem", resize_to_contents
            )
            sink.listen(console.ctx)
            window = console.window
            shown = ShownTimes(window)
            refreshes = GuiWork(window)
            floor = SerialFloor(floor_pty.console)
            writer = Writer(console_pty.device, floor_pty.device)
            began = time.perf_counter()
            for index in range(warm_up + frames):
                number = callers.fresh_mobile() if index % 10 else callers.fresh_landline()
                block = b"RING\r\n\r\n" + modem_block(number, callers.name(), callers.stamp())
                wrote = writer.write(0, block)
                if not run_until(lambda n=number: n in shown.at, 5.0):
                    missed.append(number)
                    continue
                record = index >= warm_up
                first = index == 0
                if record or first:
                    committed, entered, seen = sink.committed[number], sink.entered[number], shown.at[number]
                    for key, ms in (
                        ("sink_entered", entered - wrote),
                        ("committed", committed - wrote),
                        ("shown", seen - wrote),
                        ("commit", committed - entered),
                        ("committed_to_shown", seen - committed),
                    ):
                        timings[key].add(round(ms * 1e9), first=first, record=record)
                    queue_sizes.append(shown.queue_rows[number])
                    ticked = any(  # the ticker's work overlapped the frame's way to the screen
                        at < seen and at + ms / 1000 > wrote
                        for name, samples in refreshes.samples.items()
                        if name.startswith("tick_")
                        for at, ms in samples[-3:]
                    )
                    if not ticked:
                        timings["shown_no_tick"].add(round((seen - wrote) * 1e9), first=first, record=record)
                    if record and (seen - wrote) * 1000 >= LATENCY_TARGET_MS:
                        over_target += 1
                        ticked_over_target += ticked
                # The call-taker answers and closes it (a prank, as most 112 calls are); wait until
                # the queue shows it ended, so the next frame finds the console idle.
                call_id = next((c.id for c in window.call_model.rows() if c.number_raw == number), None)
                if call_id is not None:
                    calls.answer_call(console.ctx, call_id)
                    calls.classify_call(console.ctx, call_id, CallClass.PRANK)

                    def ended(call_id: int = call_id) -> bool:
                        position = window.call_model.row_of_key(call_id)
                        return position is None or window.call_model.row(position).state is CallState.ENDED

                    run_until(ended, 5.0)
                # Let the window finish what that change set off (layouts, paints) before the next
                # frame, so that each frame meets an idle console; how long that took is reported.
                settle_ms.append(settle())
                # The floor, on the other pty, while the console is idle.
                floor.expect(len(block))
                floor_wrote = writer.write(1, block)
                read_done = floor.done.get(timeout=5)
                timings["floor"].add(round((read_done - floor_wrote) * 1e9), first=first, record=record)
            elapsed = time.perf_counter() - began
            gui = refreshes.between(0, float("inf"))
            refreshes.close()
            shown.close()
            rows = {
                "calls": console.count("SELECT count(*) FROM calls WHERE feed = :feed"),
                "feed_frames": console.count(
                    "SELECT count(*) FROM feed_frames WHERE feed = :feed AND rejected_reason IS NULL"
                ),
                "rejected_frames": console.count(
                    "SELECT count(*) FROM feed_frames WHERE feed = :feed AND rejected_reason IS NOT NULL"
                ),
            }
            app.processEvents()
    finally:
        if writer is not None:
            writer.close()
        if floor is not None:
            floor.close()
        if console is not None:
            console.close()
        console_pty.kill()
        floor_pty.kill()
    return {
        "frames": frames,
        "warm_up": warm_up,
        "elapsed_s": elapsed,
        "missed": missed,
        "queue_rows_when_shown": summary(queue_sizes),
        "database_rows": rows,
        "gui_work_ms": gui,
        "settle_ms": summary(settle_ms),
        "shown_over_target": over_target,
        "shown_over_target_with_tick": ticked_over_target,
        "results": [t.summary() for t in (*timings.values(), fsync_floor(folder))],
        "samples_ms": {k: t.samples_ms for k, t in timings.items()},
    }


# --- 3. burst over NCID ----------------------------------------------------------------------------------

#: The NCID server, in its own process so that it takes no time from the console's interpreter. It
#: prints its port, sends the start-up to the first client, waits for "go" on stdin, sends the lines
#: (one per JSON string on stdin's first line) evenly over the given seconds, prints the send times
#: (perf_counter: CLOCK_MONOTONIC, comparable across processes) and waits for "stop".
NCID_SERVER = r"""
import json, socket, sys, time
lines = [l.encode() for l in json.loads(sys.stdin.readline())]
spread = float(sys.argv[1])
startup = sys.argv[2].encode().decode("unicode_escape").encode("latin-1")
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(1)
print(server.getsockname()[1], flush=True)
client, _ = server.accept()
client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
client.sendall(startup)
print("connected", flush=True)
sys.stdin.readline()
sent = []
start = time.perf_counter()
for i, line in enumerate(lines):
    due = start + i * spread / len(lines)
    while True:
        left = due - time.perf_counter()
        if left <= 0:
            break
        time.sleep(left if left > 0.0005 else 0)
    client.sendall(line)
    sent.append(time.perf_counter())
print(json.dumps(sent), flush=True)
sys.stdin.readline()
client.close()
"""


class LagMeter:
    """A 5 ms precise QTimer on the GUI thread: each interval's excess over 5 ms is the loop's lag."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(LAG_TIMER_MS)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def lags_ms(self, start: float, end: float) -> list[float]:
        return [
            (later - earlier) * 1000 - LAG_TIMER_MS
            for earlier, later in zip(self.ticks, self.ticks[1:], strict=False)
            if start <= later and earlier <= end
        ]

    def stalls(self, start: float, end: float, work: GuiWork, over_ms: float = 20.0) -> list[dict[str, Any]]:
        """The intervals whose lag exceeded ``over_ms``, with the timed GUI work that began in them."""
        found = []
        for earlier, later in zip(self.ticks, self.ticks[1:], strict=False):
            lag = (later - earlier) * 1000 - LAG_TIMER_MS
            if lag <= over_ms or later < start or earlier > end:
                continue
            inside: dict[str, float] = {}
            for name, samples in work.samples.items():
                spent = sum(ms for at, ms in samples if earlier <= at <= later)
                if spent:
                    inside[name] = round(spent, 1)
            found.append(
                {"at_s": round(earlier - start, 3), "lag_ms": round(lag, 1), "timed_work_ms": inside}
            )
        return found


def measure_burst(
    folder: Path,
    count: int,
    spread_s: float,
    seed: int,
    resize_to_contents: bool = True,
    idle_s: float = 2.0,
    after_s: float = 3.0,
) -> dict[str, Any]:
    callers = Callers(random.Random(seed + 7))
    numbers = [callers.fresh_mobile() if i % 8 else callers.fresh_landline() for i in range(count)]
    lines = [ncid_line(n, callers.name(), callers.stamp(), "POTS").decode("ascii") for n in numbers]
    server = subprocess.Popen(
        [sys.executable, "-c", NCID_SERVER, str(spread_s), NCID_STARTUP.decode("ascii").replace("\n", "\\n")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None
    assert server.stdout is not None
    console: Console | None = None
    sink = SinkTimes()
    try:
        server.stdin.write(json.dumps(lines) + "\n")
        server.stdin.flush()
        port = int(server.stdout.readline())
        with sink.installed():
            console = open_console(folder, f"ncid://127.0.0.1:{port}", resize_to_contents)
            if server.stdout.readline().strip() != "connected":
                raise SystemExit("the NCID server did not take the connection")
            sink.listen(console.ctx)
            window = console.window
            shown = ShownTimes(window)
            refreshes = GuiWork(window)
            lag = LagMeter()
            lag.start()
            idle_start = time.perf_counter()
            run_until(lambda: False, idle_s, poll_ms=50)  # idle: the lag with no feed activity
            idle_end = time.perf_counter()
            server.stdin.write("go\n")
            server.stdin.flush()
            wanted = set(numbers)
            all_shown = run_until(lambda: wanted <= shown.at.keys(), spread_s + 30, poll_ms=20)
            done = time.perf_counter()
            # Afterwards, all the burst's calls still ringing on screen and the feed quiet.
            run_until(lambda: False, after_s, poll_ms=50)
            after_end = time.perf_counter()
            lag.stop()
            sent = json.loads(server.stdout.readline())
            first_sent, last_sent = sent[0], sent[-1]
            phases = {
                "idle_before": (idle_start, idle_end),
                "burst": (first_sent, done),
                "ringing_after": (done, after_end),
            }
            lags = {phase: lag.lags_ms(*span) for phase, span in phases.items()}
            gui = {phase: refreshes.between(*span) for phase, span in phases.items()}
            stalls = {phase: lag.stalls(*span, refreshes) for phase, span in phases.items()}
            refreshes.close()
            shown.close()
            committed = [sink.committed[n] for n in numbers if n in sink.committed]
            seen = [shown.at[n] for n in numbers if n in shown.at]
            per_call_commit = [
                (sink.committed[n] - s) * 1000
                for n, s in zip(numbers, sent, strict=True)
                if n in sink.committed
            ]
            per_call_shown = [
                (shown.at[n] - s) * 1000 for n, s in zip(numbers, sent, strict=True) if n in shown.at
            ]
            rows = {
                "calls": console.count("SELECT count(*) FROM calls WHERE feed = :feed"),
                "ringing_calls": console.count(
                    "SELECT count(*) FROM calls WHERE feed = :feed AND state = 'ringing'"
                ),
                "feed_frames_decoded": console.count(
                    "SELECT count(*) FROM feed_frames WHERE feed = :feed AND rejected_reason IS NULL "
                    "AND call_id IS NOT NULL"
                ),
                "feed_frames_rejected": console.count(
                    "SELECT count(*) FROM feed_frames WHERE feed = :feed AND rejected_reason IS NOT NULL"
                ),
            }
            queue_rows = window.call_model.rowCount()
            ringing_rows = window.call_model.ringing_count()
    finally:
        if console is not None:
            console.close()
        with contextlib.suppress(OSError, ValueError):
            server.stdin.close()
        server.kill()
        server.wait(10)
    return {
        "calls": count,
        "spread_s": spread_s,
        "sent_span_ms": (last_sent - first_sent) * 1000,
        "all_shown": all_shown,
        "committed": len(committed),
        "shown": len(seen),
        "database_rows": rows,
        "queue_rows_after": queue_rows,
        "ringing_rows_after": ringing_rows,
        "first_sent_to_all_committed_ms": (max(committed) - first_sent) * 1000 if committed else None,
        "first_sent_to_all_shown_ms": (max(seen) - first_sent) * 1000 if seen else None,
        "last_sent_to_all_shown_ms": (max(seen) - last_sent) * 1000 if seen else None,
        "per_call_sent_to_committed_ms": summary(per_call_commit),
        "per_call_sent_to_shown_ms": summary(per_call_shown),
        "phase_seconds": {phase: round(end - start, 3) for phase, (start, end) in phases.items()},
        "lag_ms": {phase: summary(values) for phase, values in lags.items()},
        "lag_target_ms": LAG_TARGET_MS,
        "lag_meets_target": bool(lags["burst"]) and max(lags["burst"]) < LAG_TARGET_MS,
        "stalls_over_20ms": stalls,
        "gui_work_ms": gui,
        "lag_samples_ms": lags,
    }


# --- the run and its output --------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    import phonenumbers
    import PySide6
    import serial

    socat = shutil.which("socat")
    socat_version = ""
    if socat:
        out = subprocess.run([socat, "-V"], capture_output=True, text=True, check=False).stdout
        socat_version = next((line.split()[2] for line in out.splitlines() if "socat version" in line), "")
    return {
        "pyside6": PySide6.__version__,
        "pyserial": serial.__version__,
        "phonenumbers": phonenumbers.__version__,
        "socat": socat_version,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info() | versions(),
        "columns": "sized once (what-if)" if args.no_resize_to_contents else "as the window sets them",
    }
    parts = set(args.parts.split(","))
    global BURST_REFRESH_MS
    BURST_REFRESH_MS = args.burst_refresh_ms
    if args.burst_refresh_ms is not None:
        report["burst_refresh_ms"] = args.burst_refresh_ms
    # The console loads the carrier and area tables in a thread at start-up (ui.app); so does this run,
    # before anything is timed.
    began = time.perf_counter()
    warm_up_descriptions()
    report["phone_tables_load_s"] = time.perf_counter() - began
    if "decode" in parts:
        report["decode"] = measure_decoding(
            build_streams(args.decode_frames, args.seed), args.chunk, args.repeats
        )
    folder = Path(tempfile.mkdtemp(prefix="bench-feeds-", dir=args.tmp))
    try:
        if "latency" in parts:
            report["latency"] = measure_latency(
                folder,
                args.frames,
                args.warm_up,
                args.seed,
                resize_to_contents=not args.no_resize_to_contents,
            )
        if "burst" in parts:
            runs = [
                measure_burst(
                    folder / f"burst-{run_number}",
                    args.burst,
                    args.burst_seconds,
                    args.seed + run_number,
                    resize_to_contents=not args.no_resize_to_contents,
                    idle_s=args.burst_idle,
                    after_s=args.burst_after,
                )
                for run_number in range(args.burst_runs)
            ]
            worst = max(range(len(runs)), key=lambda i: runs[i]["lag_ms"]["burst"].get("max", 0))
            report["burst"] = {
                "runs": runs,
                "worst_run": worst,
                "lag_meets_target": all(r["lag_meets_target"] for r in runs),
                "all_committed_and_shown": all(
                    r["committed"] == r["shown"] == r["calls"] == r["database_rows"]["calls"] for r in runs
                ),
            }
    finally:
        if args.keep:
            report["folder"] = str(folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def _fmt(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def render_gui_work(phases: dict[str, dict[str, Any]]) -> list[str]:
    names = {
        "queue_query": "call queue query (calls_by_id/call_queue)",
        "queue_model": "call queue model update (update_calls)",
        "tick_call_queue": "1 s ticker: call queue ring timers",
        "tick_incident_board": "1 s ticker: incident board ages",
        "tick_unit_board": "1 s ticker: unit board 'since' column",
        "gc": "garbage collection, any thread (stops them all)",
    }
    lines = [f"   timed GUI-thread work (ms){'':<30}{'n':>6}{'p50':>8}{'p99':>8}{'max':>8}{'total':>9}"]
    for phase, work in phases.items():
        lines.append(f"   {phase}:")
        for key, label in names.items():
            w = work[key]
            if w["n"]:
                lines.append(
                    f"     {label:<52}{w['n']:>6}{_fmt(w.get('p50')):>8}{_fmt(w.get('p99')):>8}"
                    f"{_fmt(w.get('max')):>8}{w['total']:>9.0f}"
                )
    return lines


def render(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        f"machine: {m['cpu']}, {m['cores']} cores ({m['cores_usable']} usable), {m['ram_mib']:,} MiB RAM, "
        f"{m['os']}",
        f"         Python {m['python']}, SQLite {m['sqlite']}, SQLAlchemy {m['sqlalchemy']}, "
        f"PySide6 {m['pyside6']} ({m['qt_platform']}), pyserial {m['pyserial']}, "
        f"phonenumbers {m['phonenumbers']}, socat {m['socat']}",
        f"         load average {m['load_average']} before, {m['load_average_after']} after",
    ]
    decode = report.get("decode")
    if decode:
        lines += [
            "",
            f"1. decode throughput: {decode['chunk_bytes']:,}-byte chunks, "
            f"median of {decode['repeats']} runs "
            f"(carrier and area tables loaded first: {report['phone_tables_load_s']:.2f} s)",
            f"{'parser':<34}{'frames':>8}{'pieces':>8}{'KiB':>7}{'decode f/s':>12}{'split f/s':>12}"
            f"{'decode/split':>13}{'us/frame':>10}{'to_signal f/s':>15}{'both f/s':>10}",
        ]
        for r in decode["rows"]:
            lines.append(
                f"{r['parser']:<34}{r['frames']:>8,}{r['split_pieces']:>8,}{r['bytes'] / 1024:>7,.0f}"
                f"{r['decode_frames_per_s']:>12,.0f}{r['split_frames_per_s']:>12,.0f}"
                f"{r['decode_over_split']:>12.1f}x{r['decode_us_per_frame']:>10.1f}"
                f"{r['to_signal_frames_per_s']:>15,.0f}{r['decode_and_to_signal_frames_per_s']:>10,.0f}"
            )
    latency = report.get("latency")
    if latency:
        q = latency["queue_rows_when_shown"]
        db = latency["database_rows"]
        lines += [
            "",
            f"2. latency, pty -> window: {latency['frames']:,} formatted modem blocks one at a time "
            f"(+{latency['warm_up']} unrecorded), each answered and closed once shown; "
            f"{latency['elapsed_s']:.1f} s; board columns {report['columns']}",
            f"   queue rows when a call showed: p50 {q.get('p50')}, max {q.get('max')}; missed: "
            f"{len(latency['missed'])}; rows: {db['calls']:,} calls, {db['feed_frames']:,} decoded frames, "
            f"{db['rejected_frames']} rejected",
            f"{'(ms)':<80}{'n':>6}{'first':>8}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}  target",
        ]
        for r in latency["results"]:
            target = ""
            if "target_ms" in r:
                target = f"p99 < {r['target_ms']:g} {'ok' if r['meets_target_at_p99'] else 'MISSED'}"
            lines.append(
                f"{r['name']:<80}{r['n']:>6}{_fmt(r['first_ms']):>8}{_fmt(r.get('p50_ms')):>8}"
                f"{_fmt(r.get('p95_ms')):>8}{_fmt(r.get('p99_ms')):>8}{_fmt(r.get('max_ms')):>8}  {target}"
            )
        settled = latency["settle_ms"]
        lines.append(
            f"   before each frame the window settled (10 ms without GUI work): "
            f"p50 {_fmt(settled.get('p50'))}, max {_fmt(settled.get('max'))} ms "
            "after the previous call was shown ended"
        )
        lines.append(
            f"   shown {LATENCY_TARGET_MS:g} ms or later: {latency['shown_over_target']} frames, "
            f"{latency['shown_over_target_with_tick']} of them overlapped by the window's 1 s ticker's work"
        )
        lines += render_gui_work({"whole run": latency["gui_work_ms"]})
    bursts = report.get("burst")
    if bursts:
        runs = bursts["runs"]
        first = runs[0]
        lines += [
            "",
            f"3. burst over NCID: {first['calls']} CID lines spread over {first['spread_s']:g} s, "
            f"{len(runs)} runs, each on a fresh console; board columns {report['columns']}",
            f"{'   run':<8}{'sent':>6}{'commit':>7}{'shown':>7}{'calls':>7}{'frames':>7}{'rej':>5}"
            f"{'queue':>7}{'->all':>8}{'->all':>8}{'last->':>8}{'sent->shown':>13}{'lag burst':>18}"
            f"{'idle':>8}{'after':>8}",
            f"{'':<8}{'ms':>6}{'':>7}{'':>7}{'':>7}{'':>7}{'':>5}{'rows':>7}{'commit':>8}{'shown':>8}"
            f"{'shown':>8}{'p50/p99':>13}{'p99/max':>18}{'max':>8}{'max':>8}",
        ]
        for number, run in enumerate(runs, 1):
            db = run["database_rows"]
            ps, lag = run["per_call_sent_to_shown_ms"], run["lag_ms"]
            lines.append(
                f"{'   ' + str(number):<8}{run['sent_span_ms']:>6.0f}{run['committed']:>7}{run['shown']:>7}"
                f"{db['calls']:>7}{db['feed_frames_decoded']:>7}{db['feed_frames_rejected']:>5}"
                f"{run['queue_rows_after']:>7}{_fmt(run['first_sent_to_all_committed_ms'], 0):>8}"
                f"{_fmt(run['first_sent_to_all_shown_ms'], 0):>8}"
                f"{_fmt(run['last_sent_to_all_shown_ms'], 0):>8}"
                f"{_fmt(ps.get('p50'), 0) + '/' + _fmt(ps.get('p99'), 0):>13}"
                f"{_fmt(lag['burst'].get('p99'), 1) + '/' + _fmt(lag['burst'].get('max'), 1):>18}"
                f"{_fmt(lag['idle_before'].get('max'), 1):>8}{_fmt(lag['ringing_after'].get('max'), 1):>8}"
            )
        ok = "ok" if bursts["lag_meets_target"] else "MISSED"
        lines.append(
            f"   lag target: never more than {LAG_TARGET_MS:g} ms during the burst: {ok}; nothing lost: "
            f"{'ok' if bursts['all_committed_and_shown'] else 'MISSED'}"
        )
        burst = runs[bursts["worst_run"]]
        pc = burst["per_call_sent_to_committed_ms"]
        lines += [
            f"   details of run {bursts['worst_run'] + 1} (the largest lag): per call, sent -> committed "
            f"p50 {_fmt(pc.get('p50'))}, p99 {_fmt(pc.get('p99'))}, max {_fmt(pc.get('max'))} ms",
            f"   event-loop lag, {LAG_TIMER_MS} ms precise QTimer on the GUI thread (ms):",
            f"{'   phase':<44}{'s':>6}{'ticks':>7}{'p50':>8}{'p99':>8}{'max':>8}",
        ]
        labels = {
            "idle_before": "idle, before the burst",
            "burst": "burst: first line sent -> all shown",
            "ringing_after": f"after: {burst['calls']} ringing calls on screen",
        }
        for phase, label in labels.items():
            lag = burst["lag_ms"][phase]
            lines.append(
                f"   {label:<41}{burst['phase_seconds'][phase]:>6.2f}{lag.get('n', 0):>7}"
                f"{_fmt(lag.get('p50')):>8}{_fmt(lag.get('p99')):>8}{_fmt(lag.get('max')):>8}"
            )
        lines += render_gui_work({labels[k]: v for k, v in burst["gui_work_ms"].items()})
        for phase, stalls in burst["stalls_over_20ms"].items():
            worst = sorted(stalls, key=lambda stall: -stall["lag_ms"])[:6]
            if worst:
                lines.append(f"   stalls over 20 ms, {labels[phase]} ({len(stalls)}), worst first:")
                lines += [
                    f"     {stall['at_s']:+.3f} s: {stall['lag_ms']:.0f} ms; timed work in it: "
                    + (", ".join(f"{k} {v:g}" for k, v in stall["timed_work_ms"].items() if v) or "none")
                    for stall in worst
                ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_feeds", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--frames", type=int, default=1000, help="blocks written for the latency (%(default)s)"
    )
    parser.add_argument("--warm-up", type=int, default=20, help="unrecorded blocks before them (%(default)s)")
    parser.add_argument(
        "--decode-frames", type=int, default=20000, help="frames per decoder stream (%(default)s)"
    )
    parser.add_argument("--chunk", type=int, default=4096, help="bytes per decoder feed() (%(default)s)")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each decoding (%(default)s)")
    parser.add_argument("--burst", type=int, default=200, help="calls in the NCID burst (%(default)s)")
    parser.add_argument("--burst-seconds", type=float, default=1.0, help="the burst's span (%(default)s)")
    parser.add_argument(
        "--burst-runs", type=int, default=3, help="bursts, each on a fresh console (%(default)s)"
    )
    parser.add_argument(
        "--burst-idle", type=float, default=2.0, help="seconds of idle lag before a burst (%(default)s)"
    )
    parser.add_argument(
        "--burst-after", type=float, default=3.0, help="seconds of lag after a burst (%(default)s)"
    )
    parser.add_argument("--parts", default="decode,latency,burst", help="which parts (%(default)s)")
    parser.add_argument(
        "--no-resize-to-contents",
        action="store_true",
        help="what-if: size the boards' columns once instead of QHeaderView.ResizeToContents",
    )
    parser.add_argument(
        "--burst-refresh-ms",
        type=int,
        help="what-if: the window's minimum interval between refreshes during a burst (0: none)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tmp", type=Path, help="where the temporary databases go (default: $TMPDIR)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary databases")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="every part at a toy size (seconds): checks that the benchmark works; figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.frames, args.warm_up, args.decode_frames, args.repeats = 10, 2, 300, 1
        args.burst, args.burst_seconds, args.burst_runs = 20, 0.2, 1
        args.burst_idle, args.burst_after = 0.3, 0.3
    if min(args.frames, args.burst, args.burst_runs, args.repeats) < 1 or args.decode_frames < 3:
        parser.error("--frames, --burst, --burst-runs, --repeats: at least 1; --decode-frames: at least 3")
    report = run(args)
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
