"""Which connection and which decoder each feed URL needs, and the AMI login handshake."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from dispatch.feeds.frames import Decoder, Frame
from dispatch.feeds.transports import (
    Connection,
    FeedDisconnected,
    FeedOpenError,
    SerialConnection,
    TcpConnection,
    UdpConnection,
)
from dispatch.feeds.urls import AmiFeedUrl, FeedUrl, NcidFeedUrl, SerialFeedUrl, SimFeedUrl, WhozzUdpFeedUrl

LOGIN_TIMEOUT = 10.0
# A Whozz Calling record starts with an optional "$", two digits of line, then a record letter.
_WHOZZ_LINE = re.compile(rb"^\$?\d\d [IORFNH] ")


@dataclass
class OpenFeed:
    connection: Connection
    decoder: Decoder
    #: Frames the handshake already decoded (events that arrived with the login reply).
    early_frames: list[Frame]


class AutoSerialDecoder:
    """``protocol=auto``: the first complete line decides between modem output and Whozz records."""

    def __init__(self) -> None:
        self._chosen: Decoder | None = None
        self._pending = b""

    @property
    def chosen(self) -> Decoder | None:
        return self._chosen

    def feed(self, data: bytes) -> list[Frame]:
        if self._chosen is not None:
            return self._chosen.feed(data)
        self._pending += data
        for line in re.split(rb"[\r\n]+", self._pending)[:-1]:
            if line.strip():
                self._chosen = _whozz() if _WHOZZ_LINE.match(line) else _modem()
                pending, self._pending = self._pending, b""
                return self._chosen.feed(pending)
        if len(self._pending) > 4096:  # no line end at all: let the modem decoder reject it
            self._chosen = _modem()
            pending, self._pending = self._pending, b""
            return self._chosen.feed(pending)
        return []

    def flush(self) -> list[Frame]:
        if self._chosen is None:
            self._chosen = _modem()
            pending, self._pending = self._pending, b""
            return [*self._chosen.feed(pending), *self._chosen.flush()]
        return self._chosen.flush()


class DatagramDecoder:
    """Whozz Calling Ethernet Link: every read is one whole datagram."""

    def feed(self, data: bytes) -> list[Frame]:
        from dispatch.feeds.whozz import decode_whozz_datagram

        return decode_whozz_datagram(data)

    def flush(self) -> list[Frame]:
        return []


def _modem() -> Decoder:
    from dispatch.feeds.modem import ModemDecoder

    return ModemDecoder()


def _whozz() -> Decoder:
    from dispatch.feeds.whozz import WhozzDecoder

    return WhozzDecoder()


def open_feed(url: FeedUrl) -> OpenFeed:
    """Connect (and log in, for AMI); FeedOpenError says why not, without any secret."""
    if isinstance(url, SerialFeedUrl):
        decoder: Decoder = {"modem": _modem, "whozz": _whozz}.get(url.protocol, AutoSerialDecoder)()
        return OpenFeed(SerialConnection(url), decoder, [])
    if isinstance(url, NcidFeedUrl):
        from dispatch.feeds.ncid import NcidDecoder

        return OpenFeed(TcpConnection(url.host, url.port), NcidDecoder(), [])
    if isinstance(url, WhozzUdpFeedUrl):
        return OpenFeed(UdpConnection(url.host, url.port), DatagramDecoder(), [])
    if isinstance(url, AmiFeedUrl):
        return _open_ami(url)
    assert isinstance(url, SimFeedUrl)
    raise FeedOpenError("sim:// runs inside the console (training mode), not over a connection")


def _open_ami(url: AmiFeedUrl) -> OpenFeed:
    from dispatch.feeds.ami import AmiDecoder, login_action

    connection = TcpConnection(url.host, url.port)
    decoder = AmiDecoder(exten=url.exten, context=url.context, queue=url.queue)
    frames: list[Frame] = []
    deadline = time.monotonic() + LOGIN_TIMEOUT
    try:
        while decoder.greeting is None:
            frames += decoder.feed(_read_before(connection, deadline, "the Asterisk greeting"))
        connection.write(login_action(url.username, url.secret))
        while True:
            responses = decoder.take_responses()
            if responses:
                reply = responses[0]
                if reply.get("response", reply.get("Response", "")).lower() == "success":
                    return OpenFeed(connection, decoder, frames)
                message = reply.get("message", reply.get("Message", "no reason given"))
                raise FeedOpenError(f"AMI login refused for user {url.username}: {message}")
            frames += decoder.feed(_read_before(connection, deadline, "the AMI login reply"))
    except FeedDisconnected as error:
        connection.close()
        raise FeedOpenError(
            f"AMI at {url.host}:{url.port} closed the connection during login: {error}"
        ) from error
    except FeedOpenError:
        connection.close()
        raise


def _read_before(connection: Connection, deadline: float, waiting_for: str) -> bytes:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FeedOpenError(f"no answer: timed out waiting for {waiting_for}")
    return connection.read(min(remaining, 0.5))
