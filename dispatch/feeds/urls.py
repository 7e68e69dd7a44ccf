"""Feed URLs (FEEDS.md). This release runs ``sim://``; the hardware feeds come with their parsers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

KNOWN_SCHEMES = ("serial", "ncid", "whozz-udp", "ami", "sim")
DEFAULT_SIM_RATE = 2.0


class FeedUrlError(ValueError):
    pass


@dataclass(frozen=True)
class SimFeedUrl:
    rate_per_minute: float = DEFAULT_SIM_RATE
    seed: int = 1

    def __str__(self) -> str:
        rate = repr(self.rate_per_minute).removesuffix(".0")  # shortest text that reads back exactly
        return f"sim://?rate={rate}&seed={self.seed}"


def parse_sim_url(text: str) -> SimFeedUrl:
    try:
        parts = urlsplit(text)
    except ValueError as error:  # e.g. "sim://[": an unbalanced IPv6 bracket
        raise FeedUrlError(f"not a valid URL: {text}") from error
    if parts.scheme != "sim":
        raise FeedUrlError(f"not a sim:// URL: {text}")
    query = parse_qs(parts.query)
    try:
        rate = float(query.get("rate", [str(DEFAULT_SIM_RATE)])[-1])
        seed = int(query.get("seed", ["1"])[-1])
    except ValueError as error:
        raise FeedUrlError(f"rate must be a number and seed an integer: {text}") from error
    if not math.isfinite(rate) or not 0 < rate <= 600:
        raise FeedUrlError(f"rate must be between 0 and 600 calls a minute: {text}")
    return SimFeedUrl(rate_per_minute=rate, seed=seed)
