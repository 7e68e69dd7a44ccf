"""Feed URLs, as FEEDS.md fixes them. Settings, ``--feed`` and ``listen`` all take these.

A secret in a URL (``ami://user:secret@host``) is kept out of ``repr`` and shown masked by
``display``; nothing prints or logs the URL as typed.

Error messages never quote what was typed (not even an unknown scheme): a malformed URL may hold its
secret anywhere (a ``/``, ``?`` or ``#`` in a secret moves it into what a URL parser takes for the
port or the query), so no part of the credentials, the port or a parameter is ever echoed, and no
library error text (which quotes the port) is carried along, not even as the exception's cause.

AMI credentials: everything between ``ami://`` and the *last* ``@`` is ``user:secret`` (split at
the first ``:``), so a secret may hold ``@ : / ? #`` as typed; percent-escapes are decoded (UTF-8).
A user or secret holding a control character (a line break, NUL, tab...; typed or percent-encoded
as ``%0A``, ``%0D``, ``%00``) is refused here: it would inject headers into the Login action.
Other schemes take no credentials: ``user:secret@`` in them is refused.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

KNOWN_SCHEMES = ("serial", "ncid", "whozz-udp", "ami", "sim", "aml-sms")
DEFAULT_SIM_RATE = 2.0
SERIAL_PROTOCOLS = ("modem", "whozz", "auto")
SerialProtocol = Literal["modem", "whozz", "auto"]
#: A GSM modem's usual speed (USB modems ignore it; a serial one is set to it).
AML_SMS_BAUD = 115200
AML_SMS_EXAMPLE = "aml-sms:serial:/dev/ttyUSB1?baud=115200"


class FeedUrlError(ValueError):
    """What is wrong with a feed URL, in words that never quote a secret."""


#: Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: A host name, IPv4 address or IPv6 literal (without its brackets, perhaps with a zone).
_HOST = re.compile(r"[A-Za-z0-9_.:%-]+")


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
class AmlSmsFeedUrl:
    """``aml-sms:serial:PORT?baud=115200``: a GSM modem that receives AML SMS (``dispatch.feeds.gsm``).

    PORT is a device or any pyserial URL, as for ``serial:``. No SIM PIN is taken: the SIM's PIN lock
    is switched off by the installer (a wrong PIN retried at every reconnection would lock the SIM).
    """

    port: str
    baud: int = AML_SMS_BAUD

    def __str__(self) -> str:
        return f"aml-sms:serial:{self.port}?baud={self.baud}"

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

    def __post_init__(self) -> None:
        _check_credential("user", self.username)
        _check_credential("secret", self.secret)

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


FeedUrl = SimFeedUrl | SerialFeedUrl | NcidFeedUrl | WhozzUdpFeedUrl | AmiFeedUrl | AmlSmsFeedUrl


def parse_feed_url(text: str) -> FeedUrl:
    """Parse any feed URL of FEEDS.md; FeedUrlError says what is wrong (never quoting a secret)."""
    text = text.strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme == "sim":
        return parse_sim_url(text)
    if scheme == "serial":
        return _parse_serial(text)
    if scheme == "aml-sms":
        return _parse_aml_sms(text)
    if scheme not in KNOWN_SCHEMES:
        # Not even the scheme is quoted: text pasted in the wrong field may be a secret.
        raise FeedUrlError(f"unknown feed type: a feed URL starts with one of {', '.join(KNOWN_SCHEMES)}")
    rest = text.split(":", 1)[1]
    if not rest.startswith("//"):
        raise FeedUrlError(f"a {scheme} URL starts with {scheme}://, e.g. {_EXAMPLES[scheme]}")
    tail = rest[2:]
    if scheme == "ami":
        return _parse_ami(tail)
    if "@" in tail:
        raise FeedUrlError(f"{scheme}:// takes no user or secret, e.g. {_EXAMPLES[scheme]}")
    host, port, _query = _location(scheme, tail)
    if scheme == "ncid":
        if not host:
            raise FeedUrlError(f"ncid:// needs a host, e.g. {_EXAMPLES[scheme]}")
        return NcidFeedUrl(host, port or 3333)
    return WhozzUdpFeedUrl(host or "0.0.0.0", port or 3520)


_EXAMPLES = {
    "ncid": "ncid://192.168.1.10:3333",
    "whozz-udp": "whozz-udp://0.0.0.0:3520",
    "ami": "ami://dispatch:***@pbx:5038?exten=112",
}


def _parse_ami(tail: str) -> AmiFeedUrl:
    credentials, at, location = tail.rpartition("@")
    user_text, colon, secret_text = credentials.partition(":")
    if not at or not colon or not user_text:
        raise FeedUrlError(f"ami:// needs a user and a secret before the host, e.g. {_EXAMPLES['ami']}")
    username = _credential("user", user_text)
    secret = _credential("secret", secret_text)
    host, port, query = _location("ami", location)
    if not host:
        raise FeedUrlError(f"ami:// needs a host after the secret, e.g. {_EXAMPLES['ami']}")
    return AmiFeedUrl(
        username=username,
        secret=secret,
        host=host,
        port=port or 5038,
        exten=query.get("exten"),
        context=query.get("context"),
        queue=query.get("queue"),
    )


def _credential(label: str, text: str) -> str:
    """A user or secret as typed, percent-escapes decoded; refused (by name) if it cannot be sent."""
    try:
        value = unquote(text, errors="strict")
    except UnicodeDecodeError:
        raise FeedUrlError(
            f"the AMI {label} holds a percent-escape that is not UTF-8 text; write it as typed"
        ) from None
    _check_credential(label, value)
    return value


def _check_credential(label: str, value: str) -> None:
    if _CONTROL.search(value) is not None:
        raise FeedUrlError(
            f"the AMI {label} holds a control character (a line break, tab or NUL, typed or "
            "percent-encoded as %0A, %0D, %09, %00): it cannot be sent in a Login"
        )


def _location(scheme: str, location: str) -> tuple[str, int | None, dict[str, str]]:
    """Host, port and query of ``host:port?query`` (no credentials in it); nothing of it quoted."""
    if _CONTROL.search(location) is not None:
        raise FeedUrlError(f"a {scheme} URL must not hold control characters or line breaks")
    try:
        parts = urlsplit(f"{scheme}://{location}")
        port = parts.port
        host = parts.hostname or ""
    except ValueError:
        # The message of urllib quotes the port text: never carried along (from None).
        raise FeedUrlError(
            f"not a valid {scheme} URL: the host or the port (a number up to 65535) is malformed, "
            f"e.g. {_EXAMPLES[scheme]}"
        ) from None
    if host and _HOST.fullmatch(host) is None:
        raise FeedUrlError(f"not a valid {scheme} URL: the host is malformed, e.g. {_EXAMPLES[scheme]}")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    return host, port, query


def parse_sim_url(text: str) -> SimFeedUrl:
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. "sim://[": an unbalanced IPv6 bracket
        raise FeedUrlError("not a valid URL, e.g. sim://?rate=2&seed=1") from None
    if parts.scheme != "sim":
        raise FeedUrlError("not a sim:// URL, e.g. sim://?rate=2&seed=1")
    if "@" in parts.netloc:
        raise FeedUrlError("sim:// takes no user or secret, e.g. sim://?rate=2&seed=1")
    query = parse_qs(parts.query)
    rate_text = query.get("rate", [str(DEFAULT_SIM_RATE)])[-1]
    seed_text = query.get("seed", ["1"])[-1]
    try:
        rate = float(rate_text)
        seed = int(seed_text)
    except ValueError:
        raise FeedUrlError(
            "rate must be a number and seed a whole number, e.g. sim://?rate=2&seed=1"
        ) from None
    if not math.isfinite(rate) or not 0 < rate <= 600:
        raise FeedUrlError("rate must be between 0 and 600 calls a minute")
    return SimFeedUrl(rate_per_minute=rate, seed=seed)


def _parse_serial(text: str) -> SerialFeedUrl:
    port, query = _serial_port(text.split(":", 1)[1], "serial:", "e.g. serial:/dev/ttyUSB0 or serial:COM3")
    baud = _baud(query.get("baud", "1200"))
    protocol = query.get("protocol", "auto")
    if protocol not in SERIAL_PROTOCOLS:
        raise FeedUrlError(f"protocol must be one of {', '.join(SERIAL_PROTOCOLS)}")
    return SerialFeedUrl(port=port, baud=baud, protocol=protocol)  # type: ignore[arg-type]


def _parse_aml_sms(text: str) -> AmlSmsFeedUrl:
    rest = text.split(":", 1)[1]
    kind, colon, after = rest.partition(":")
    if not colon or kind.lower() != "serial":
        raise FeedUrlError(f"aml-sms: is followed by the modem's serial port, e.g. {AML_SMS_EXAMPLE}")
    port, query = _serial_port(after, "aml-sms:serial:", f"e.g. {AML_SMS_EXAMPLE}")
    return AmlSmsFeedUrl(port=port, baud=_baud(query.get("baud", str(AML_SMS_BAUD))))


def _serial_port(rest: str, scheme: str, example: str) -> tuple[str, dict[str, str]]:
    """The port and query of what follows ``serial:`` (a device name or a pyserial URL)."""
    port, _, query_text = rest.partition("?")
    if not port:
        raise FeedUrlError(f"{scheme} needs a port, {example}")
    if "@" in rest and "://" in rest:
        # pyserial's URLs (socket://, rfc2217://) take no credentials; the port is shown everywhere.
        raise FeedUrlError(f"{scheme} port URLs take no user or secret, e.g. {scheme}socket://host:4000")
    if _CONTROL.search(port) is not None:
        raise FeedUrlError(f"{scheme} the port name must not hold control characters or line breaks")
    return port, {k: v[-1] for k, v in parse_qs(query_text).items()}


def _baud(text: str) -> int:
    try:
        baud = int(text)
    except ValueError:
        raise FeedUrlError("baud must be a whole number, e.g. baud=1200") from None
    if baud not in (300, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200):
        raise FeedUrlError(
            f"unusual baud rate {baud}: use 1200 (modems), 9600 (Whozz Calling), 19200 or 115200 (GSM modems)"
        )
    return baud


def _host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
