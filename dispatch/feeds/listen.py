"""``dispatch-console listen URL``: decode a feed live and print one JSON line per call event.

A GSM modem's feed (``aml-sms:``) prints a ``location`` line per AML message instead
(``location_json``).

For installers checking their wiring, and for tests. Nothing is stored. Standard output carries
only the JSON lines (flushed at once); standard error says ``listening: URL`` once the feed is
open, and one line per frame that could not be decoded. Before it says so, the decoders, the
number parsing and the JSON output have run once on made-up frames (``protocols.warm_up``), and
the objects of start-up are frozen out of the garbage collector, so the first call after a
start is printed as fast as the rest. Exit status: 0 after ``--count`` events or
``--seconds``; 2 when the URL is wrong or the feed cannot be opened; 130 on Ctrl+C.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from json.encoder import encode_basestring as _string
from typing import TextIO

from dispatch.domain.aml import decode_aml, fix_fields
from dispatch.domain.clock import SystemClock
from dispatch.domain.phone import DEFAULT_REGION
from dispatch.domain.signals import CallSignal, LocationSignal, SignalKind
from dispatch.feeds.frames import DecodedFrame
from dispatch.feeds.protocols import OpenFeed, open_feed
from dispatch.feeds.runner import FeedHealth, FeedRunner, FeedState, to_signal
from dispatch.feeds.transports import FeedOpenError
from dispatch.feeds.urls import AmlSmsFeedUrl, FeedUrl, FeedUrlError, SimFeedUrl, parse_feed_url

EXIT_CANNOT_OPEN = 2


#: The JSON line's keys, in order; every value is a string or null.
_LINE = (
    '{"event": %s, "feed": %s, "received_at": %s, "line": %s, "number": %s, "number_raw": %s, '
    '"presentation": %s, "name": %s, "call_id": %s, "raw": %s}'
)


def signal_json(signal: CallSignal | LocationSignal) -> str:
    """The event as one line of JSON: exactly ``json.dumps(..., ensure_ascii=False)`` of the object
    with these keys (tested), written out directly: the encoder's general machinery, run once
    per call with cold caches, cost more than a call's decoding. A position is ``location_json``'s."""
    if isinstance(signal, LocationSignal):
        return location_json(signal)
    number = signal.number
    return _LINE % (
        _string(signal.kind._value_),
        _string(signal.feed),
        _string(signal.received_at.isoformat()),
        _or_null(signal.line),
        _or_null(number.e164),
        _string(number.raw),
        _string(number.presentation._value_),
        _or_null(signal.name),
        _or_null(signal.call_id),
        _string(signal.raw.decode("latin-1")),
    )


def location_json(signal: LocationSignal) -> str:
    """A handset's position as one line of JSON (``event`` is ``location``; ``number`` the sender's
    E.164 form or null, ``number_raw`` as the modem gave it; ``fixed_at`` the fix's UTC time)."""
    return json.dumps(
        {
            "event": "location",
            "feed": signal.feed,
            "received_at": signal.received_at.isoformat(),
            "number": signal.number.e164,
            "number_raw": signal.number.raw,
            **fix_fields(signal.fix),
            "raw": signal.raw.decode("latin-1"),
        },
        ensure_ascii=False,
    )


def _or_null(text: str | None) -> str:
    return "null" if text is None else _string(text)


class PrintSink:
    """Prints each event as a JSON line, at once.

    On the process's own standard output (a file descriptor) a line is encoded as ``out`` would
    encode it and written with one ``os.write``: the text and buffer layers, flushed every line,
    cost some 20 us a call with cold caches.
    """

    def __init__(self, out: TextIO, err: TextIO, limit: int | None = None) -> None:
        self._out = out
        self._err = err
        self._limit = limit
        self.events = 0
        self._fd: int | None = None
        if out is sys.stdout:
            try:
                fd = out.fileno()
            except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
                fd = None
            if fd is not None:
                out.flush()
                self._fd = fd
                self._encoding = out.encoding or "utf-8"
                self._errors = out.errors or "strict"

    def signal(self, signal: CallSignal | LocationSignal) -> None:
        if self._limit is not None and self.events >= self._limit:
            return  # --count reached: events that came in the same read are not printed
        line = signal_json(signal) + "\n"
        if self._fd is None:
            self._out.write(line)
            self._out.flush()
        else:
            data = line.encode(self._encoding, self._errors)
            while data:
                data = data[os.write(self._fd, data) :]
        self.events += 1

    def location(self, signal: LocationSignal) -> None:
        self.signal(signal)

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None:
        self._err.write(f"rejected: {reason}: {raw.decode('latin-1')!r}\n")
        self._err.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-console listen",
        description="Decode a caller-ID, telephony or AML feed live; one JSON line per event.",
    )
    parser.add_argument(
        "url",
        help="feed URL: serial:PORT?..., ncid://host:3333, whozz-udp://0.0.0.0:3520, ami://..., "
        "aml-sms:serial:PORT",
    )
    parser.add_argument("--count", type=int, metavar="N", help="exit after N events")
    parser.add_argument("--seconds", type=float, metavar="S", help="exit after S seconds")
    parser.add_argument("--region", default=DEFAULT_REGION, help="phone number region (default ID)")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    options = build_parser().parse_args(argv)
    try:
        url = parse_feed_url(options.url)
    except FeedUrlError as error:
        err.write(f"listen: {error}\n")
        return EXIT_CANNOT_OPEN
    if isinstance(url, SimFeedUrl):
        err.write("listen: sim:// runs inside the console; give a hardware or PBX feed\n")
        return EXIT_CANNOT_OPEN
    _warm_output(url, options.region)
    try:
        first = open_feed(url, options.region)  # warms the decoders and number parsing first
    except FeedOpenError as error:
        err.write(f"listen: {error}\n")
        return EXIT_CANNOT_OPEN
    # What start-up and warming made (modules, phonenumbers' metadata, the decoders) stays for the
    # life of the process: out of the collector's way, so that no full collection walks it while a
    # call is on its way.
    gc.collect()
    gc.freeze()
    return _listen(url, first, options, out, err)


def _warm_output(url: FeedUrl, region: str) -> None:
    """Turn a frame into a JSON line once, unprinted, so the first call's line costs what the rest do."""
    frame = DecodedFrame(SignalKind.INCOMING, "081234567890", b"NMBR = 081234567890\r\n", "BUDI", "1")
    signal = to_signal(frame, url.display, SystemClock().now(), region, describe=False)
    signal_json(signal)
    if isinstance(url, AmlSmsFeedUrl):
        fix = decode_aml('A"ML=1;lt=-6.99306;lg=+110.42083;rd=12;top=20221115070312;pm=G')
        location_json(LocationSignal(url.display, signal.received_at, signal.number, b"", fix))


def _listen(url: FeedUrl, first: OpenFeed, options: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    sink = PrintSink(out, err, options.count)
    opened = [first]

    def opener(target: FeedUrl) -> OpenFeed:
        return opened.pop() if opened else open_feed(target)

    announced = False

    def on_health(health: FeedHealth) -> None:
        nonlocal announced
        if health.state is FeedState.UP and not announced:
            announced = True
            err.write(f"listening: {url.display}\n")
            err.flush()
        elif health.state is FeedState.DOWN:
            err.write(f"disconnected: {health.detail} (retrying in {health.retry_in:g} s)\n")
            err.flush()

    deadline = None if options.seconds is None else time.monotonic() + options.seconds

    def done() -> bool:
        if options.count is not None and sink.events >= options.count:
            return True
        return deadline is not None and time.monotonic() >= deadline

    # No carrier or area looked up: the line does not carry them.
    runner = FeedRunner(
        url, sink, SystemClock(), options.region, on_health=on_health, opener=opener, describe=False
    )
    try:
        runner.run(until=done)
    except KeyboardInterrupt:
        return 130
    return 0
