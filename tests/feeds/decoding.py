"""Helpers shared by the decoder tests: feeding bytes, sorting frames, reading the samples' events."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable

from dispatch.domain.phone import parse_caller_number
from dispatch.feeds.frames import DecodedFrame, Decoder, Frame, RejectedFrame
from tests.feeds.peers import SAMPLES


def feed_all(decoder: Decoder, data: bytes, cuts: Iterable[int] = ()) -> list[Frame]:
    """Feed ``data`` to ``decoder`` cut at ``cuts``, then flush; every frame, in order."""
    frames: list[Frame] = []
    start = 0
    for cut in sorted(set(cuts)):
        frames += decoder.feed(data[start:cut])
        start = cut
    frames += decoder.feed(data[start:])
    return frames + decoder.flush()


def decoded(frames: list[Frame]) -> list[DecodedFrame]:
    """The decoded frames among ``frames``."""
    return [frame for frame in frames if isinstance(frame, DecodedFrame)]


def rejected(frames: list[Frame]) -> list[RejectedFrame]:
    """The rejected frames among ``frames``."""
    return [frame for frame in frames if isinstance(frame, RejectedFrame)]


def as_event(frame: DecodedFrame) -> dict[str, object]:
    """The fields of ``listen``'s line that the samples' .expected.jsonl list."""
    number = parse_caller_number(frame.number_raw)
    return {
        "event": frame.kind.value,
        "number": number.e164,
        "number_raw": frame.number_raw,
        "presentation": number.presentation.value,
        "name": frame.name,
        "line": frame.line,
    }


def expected(name: str) -> list[dict[str, object]]:
    """The events listed in the sample file ``name`` (a .expected.jsonl), one per non-blank line."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def random_stream(seed: int, size: int, alphabets: Iterable[bytes]) -> bytes:
    """``size`` reproducible random bytes drawn from one of ``alphabets`` (or from all 256 values):
    streams rich in a protocol's separators, and streams with none at all."""
    rng = random.Random(seed)
    alphabet = rng.choice([bytes(range(256)), *alphabets])
    table = bytes(alphabet[index % len(alphabet)] for index in range(256))
    return rng.randbytes(size).translate(table)
