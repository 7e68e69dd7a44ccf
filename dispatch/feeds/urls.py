"""Feed URLs, as FEEDS.md fixes them. Settings, ``--feed`` and ``listen`` all take these.

A secret in a URL (``ami://user:secret@host``) is kept out of ``repr`` and shown masked by
``display``; nothing prints or logs the URL as typed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

KNOWN_SCHEMES = ("serial", "ncid", "whozz-udp", "ami", "sim")
DEFAULT_SIM_RATE = 2.0
SERIAL_PROTOCOLS = ("modem", "whozz", "auto")
SerialProtocol = Literal["modem", "whozz", "auto"]


class FeedUrlError(ValueError):
    pass


@dataclass(frozen=True)
class SimFeedUrl:
    rate_per_minute: float = DEFAULT_SIM_RATE
    seed: int = 1

    def __str__(self) -> str:
        rate = repr(self.rate_per_minute).removesuffix(".0")  # shortest text that reads back exactly
        return f"sim://?rate={rate}&seed={self.seed}"

    @property
    def display(self) -> str:
        return str(self)


@dataclass(frozen=True)
class SerialFeedUrl:
    """``serial:PORT?baud=1200&protocol=auto``; PORT is a device or any pyserial URL (loop://...)."""

    port: str
    baud: int = 1200
    protocol: SerialProtocol = "auto"

    def __str__(self) -> str:
        return f"serial:{self.port}?baud={self.baud}&protocol={self.protocol}"

    @property
    def display(self) -> str:
        return str(self)


@dataclass(frozen=True)
class NcidFeedUrl:
    host: str
    port: int = 3333

    def __str__(self) -> str:
        return f"ncid://{_host(self.host)}:{self.port}"

    @property
    def display(self) -> str:
        return str(self)


@dataclass(frozen=True)
class WhozzUdpFeedUrl:
    host: str = "0.0.0.0"
    port: int = 3520

    def __str__(self) -> str:
        return f"whozz-udp://{_host(self.host)}:{self.port}"

    @property
    def display(self) -> str:
        return str(self)


@dataclass(frozen=True)
class AmiFeedUrl:
    username: str
    secret: str = field(repr=False)
    host: str
    port: int = 5038
    exten: str | None = None
    context: str | None = None
    queue: str | None = None

    def _query(self) -> str:
        pairs = [
            (k, v) for k, v in (("exten", self.exten), ("context", self.context), ("queue", self.queue)) if v
        ]
        return ("?" + "&".join(f"{k}={v}" for k, v in pairs)) if pairs else ""

    @property
    def display(self) -> str:
        """The URL with the secret masked: the only form that is ever printed or logged."""
        return f"ami://{self.username}:***@{_host(self.host)}:{self.port}{self._query()}"

    def __str__(self) -> str:
        return self.display


FeedUrl = SimFeedUrl | SerialFeedUrl | NcidFeedUrl | WhozzUdpFeedUrl | AmiFeedUrl


def parse_feed_url(text: str) -> FeedUrl:
    """Parse any feed URL of FEEDS.md; FeedUrlError says what is wrong (without the secret)."""
    text = text.strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme == "sim":
        return parse_sim_url(text)
    if scheme == "serial":
        return _parse_serial(text)
    if scheme not in KNOWN_SCHEMES:
        raise FeedUrlError(f"unknown feed type {scheme or text!r}: use one of {', '.join(KNOWN_SCHEMES)}")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise FeedUrlError(f"not a valid {scheme} URL: {_masked(text)} ({error})") from error
    host = parts.hostname or ""
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if scheme == "ncid":
        if not host:
            raise FeedUrlError("ncid:// needs a host, e.g. ncid://192.168.1.10:3333")
        return NcidFeedUrl(host, port or 3333)
    if scheme == "whozz-udp":
        return WhozzUdpFeedUrl(host or "0.0.0.0", port or 3520)
    if not host:
        raise FeedUrlError("ami:// needs a host, e.g. ami://dispatch:***@pbx:5038?exten=112")
    if not parts.username or parts.password is None:
        raise FeedUrlError(f"ami:// needs a user and a secret: {_masked(text)}")
    return AmiFeedUrl(
        username=unquote(parts.username),
        secret=unquote(parts.password),
        host=host,
        port=port or 5038,
        exten=query.get("exten"),
        context=query.get("context"),
        queue=query.get("queue"),
    )


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


def _parse_serial(text: str) -> SerialFeedUrl:
    rest = text.split(":", 1)[1]
    port, _, query_text = rest.partition("?")
    if not port:
        raise FeedUrlError("serial: needs a port, e.g. serial:/dev/ttyUSB0 or serial:COM3")
    query = {k: v[-1] for k, v in parse_qs(query_text).items()}
    try:
        baud = int(query.get("baud", "1200"))
    except ValueError as error:
        raise FeedUrlError(f"baud must be a whole number: {text}") from error
    if baud not in (300, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200):
        raise FeedUrlError(f"unusual baud rate {baud}: use 1200 (modems), 9600 (Whozz Calling) or 19200")
    protocol = query.get("protocol", "auto")
    if protocol not in SERIAL_PROTOCOLS:
        raise FeedUrlError(f"protocol must be one of {', '.join(SERIAL_PROTOCOLS)}: {text}")
    return SerialFeedUrl(port=port, baud=baud, protocol=protocol)  # type: ignore[arg-type]


def _host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _masked(text: str) -> str:
    """``text`` with anything between ``//user:`` and ``@`` replaced, for error messages."""
    head, sep, tail = text.partition("://")
    if not sep or "@" not in tail:
        return text
    credentials, _, location = tail.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{head}://{user}:***@{location}"
