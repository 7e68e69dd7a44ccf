"""Which connection and which decoder each feed URL needs, the AMI login handshake, and warming.

``warm_up(url, region)`` runs, once per process, everything the first frame of such a feed would
otherwise run for the first time: the decoder's module and the lazily imported pieces of it (a
representative stream through a throwaway decoder), and the number parsing of ``to_signal``
(phonenumbers' metadata for the region, its short-number data for emergency numbers, and the
carrier and area tables: together some 300 ms on the first call). ``open_feed`` calls it before it
connects, so a feed is warm before it reports that it listens and the first call after a start is
as fast as the rest.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from dispatch.domain.forwarding import OutboxKind
from dispatch.domain.phone import DEFAULT_REGION, parse_caller_number, warm_up_descriptions
from dispatch.feeds.frames import DecodedFrame, Decoder, Frame, LocationFrame, Outgoing
from dispatch.feeds.transports import (
    Connection,
    FeedDisconnected,
    FeedOpenError,
    SerialConnection,
    TcpConnection,
    UdpConnection,
)
from dispatch.feeds.urls import (
    AmiFeedUrl,
    AmlSmsFeedUrl,
    FeedUrl,
    NcidFeedUrl,
    SerialFeedUrl,
    SimFeedUrl,
    WhozzUdpFeedUrl,
)

if TYPE_CHECKING:
    from dispatch.feeds.gsm import GsmSession

log = logging.getLogger(__name__)

LOGIN_TIMEOUT = 10.0
#: The GSM modem's start (AT, the SIM, text mode, indications) must be done within this.
GSM_START_TIMEOUT = 20.0
# A Whozz Calling record starts with an optional "$", two digits of line, then a record letter.
_WHOZZ_LINE = re.compile(rb"^\$?\d\d [IORFNH] ")


@runtime_checkable
class Conversation(Protocol):
    """A decoder that also talks to its device (``dispatch.feeds.gsm.GsmSession``).

    After each read the runner calls ``feed`` (when bytes came), ``tick`` with ``time.monotonic()``
    (always: time-outs), hands on the frames both returned, tells ``handed_on`` whether that worked,
    and writes every ``replies()`` to the device. ``broken`` non-empty: reconnect, for that reason.
    """

    broken: str

    def feed(self, data: bytes) -> list[Frame]: ...

    def flush(self) -> list[Frame]: ...

    def tick(self, now: float) -> list[Frame]: ...

    def handed_on(self, ok: bool) -> None: ...

    def replies(self) -> list[bytes]: ...


@runtime_checkable
class Sender(Protocol):
    """A conversation that also sends what the outbox holds: an SMS through the GSM modem
    (``GsmSession``), a call through the PBX (``AmiDecoder``'s Originate).

    Between reads, when ``can_send()`` (started, nothing half done), the runner takes messages of
    kind ``sends`` from the outbox and gives each to ``send``; what became of each comes back as an
    ``OutboxFrame`` from ``send`` (refused at once), ``feed``, ``tick`` or ``flush`` (the device gone:
    the message goes back to the queue), handed on like every frame.
    """

    sends: OutboxKind

    def can_send(self) -> bool: ...

    def send(self, message: Outgoing) -> list[Frame]: ...


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


_WARM_NUMBERS = ("081234567890", "0248311234", "+6281234567890", "112", "P", "O", "<unknown>", "12ab")
_warmed: set[tuple[str, str]] = set()
_warm_lock = threading.Lock()


def warm_stream(kind: str) -> bytes:
    """A representative stream of ``kind``: a call or two of each form its decoder knows."""
    if kind == "modem":
        body = b"\x01\x0811151403" + b"\x02\x0c081234567890" + b"\x07\x0cBUDI SANTOSO"
        mdmf = bytes([0x80, len(body)]) + body
        sdmf = b"\x04\x1411151403081234567890"
        return (
            b"RING\r\n\r\nDATE = 1115\r\nTIME = 1403\r\nNMBR = 081234567890\r\nNAME = BUDI SANTOSO\r\n\r\n"
            b"DATE=1115\r\nTIME=1404\r\nNMBR=P\r\n\r\nRING\r\n"
            + b"".join((m + bytes([-sum(m) % 256])).hex().upper().encode() + b"\r\n" for m in (mdmf, sdmf))
        )
    if kind == "whozz":
        return (
            b"$01 I S 0000 G A0 11/15 02:03 PM 081234567890   BUDI SANTOSO   \r\n"
            b"01 R             11/15 14:03:05\r\n"
            b"$01 I E 0142 G A2 11/15 02:03 PM 081234567890   BUDI SANTOSO   \r\n"
        )
    if kind == "whozz-udp":
        header = b"^^<U>\x00\x00\x00\x00\x00\x01<S>\x00\x00\x00\x00\x00\x01$"
        return header + warm_stream("whozz").split(b"\r\n")[0].removeprefix(b"$")
    if kind == "ncid":
        return (
            b"200 Server: ncidd (NCID) 1.13\n210 API: 1.0\n253 No Call log\n300 End of connection startup\n"
            b"CID: *DATE*11152022*TIME*1403*LINE*POTS*NMBR*081234567890*MESG*NONE*NAME*BUDI SANTOSO*\n"
            b"CIDINFO: *LINE*POTS*RING*1*TIME*14:03:05*\n"
        )
    ids = b"Uniqueid: 1.1\r\nLinkedid: 1.1\r\n\r\n"
    return (
        b"Asterisk Call Manager/5.0.3\r\n"
        b"Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n"
        b"Event: Newchannel\r\nChannel: PJSIP/trunk-00000001\r\nChannelState: 4\r\n"
        b"ChannelStateDesc: Ring\r\nCallerIDNum: 081234567890\r\nCallerIDName: BUDI SANTOSO\r\n"
        b"Context: from-trunk\r\nExten: 112\r\n"
        + ids
        + b"Event: Newstate\r\nChannelState: 6\r\nChannelStateDesc: Up\r\n"
        + ids
        + b"Event: Hangup\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n"
        + ids
    )


def warm_decoders(url: FeedUrl) -> list[tuple[str, Decoder]]:
    """Throwaway decoders of the kinds ``url`` will use, each with the name of its stream."""
    if isinstance(url, SerialFeedUrl):
        kinds = {"modem": ["modem"], "whozz": ["whozz"]}.get(url.protocol, ["modem", "whozz"])
        found = [(kind, _modem() if kind == "modem" else _whozz()) for kind in kinds]
        if url.protocol == "auto":
            found += [(kind, AutoSerialDecoder()) for kind in kinds]
        return found
    if isinstance(url, NcidFeedUrl):
        from dispatch.feeds.ncid import NcidDecoder

        return [("ncid", NcidDecoder())]
    if isinstance(url, WhozzUdpFeedUrl):
        return [("whozz-udp", DatagramDecoder())]
    if isinstance(url, AmiFeedUrl):
        from dispatch.feeds.ami import AmiDecoder

        return [
            ("ami", AmiDecoder(exten=url.exten, context=url.context, queue=url.queue)),
            ("ami", AmiDecoder()),
        ]
    return []


def warm_up(url: FeedUrl, region: str = DEFAULT_REGION) -> None:
    """Run what the first frame of ``url`` would run for the first time (once per process and kind).

    Throwaway decoders decode a representative stream, fed whole and a byte at a time, and every
    number they give, with a few of each presentation, goes through ``parse_caller_number`` for
    ``region``; then the carrier and area tables are loaded. Never raises for a decoding matter:
    warming is an optimisation, and a feed opens all the same.
    """
    decoders = warm_decoders(url)
    kinds = {kind for kind, _ in decoders} | ({"gsm"} if isinstance(url, AmlSmsFeedUrl) else set())
    key = (",".join(sorted(kinds)), region)
    with _warm_lock:
        if key in _warmed:
            return
        _warmed.add(key)
        try:
            numbers: list[str] = list(_WARM_NUMBERS)
            for kind, decoder in decoders:
                stream = warm_stream(kind)
                frames = decoder.feed(stream) + decoder.flush()
                for byte in range(len(stream)):
                    frames += decoder.feed(stream[byte : byte + 1])
                frames += decoder.flush()
                numbers += [frame.number_raw for frame in frames if isinstance(frame, DecodedFrame)]
            if isinstance(url, AmlSmsFeedUrl):
                from dispatch.feeds.gsm import warm_conversation

                senders = [
                    frame.sender_raw for frame in warm_conversation() if isinstance(frame, LocationFrame)
                ]
                numbers += senders
            for number in numbers:
                parse_caller_number(number, region)
            warm_up_descriptions()
        except Exception:  # the feed opens all the same; its first frame pays what was left
            log.exception("warming up for %s failed", url.display)


def open_feed(url: FeedUrl, region: str = DEFAULT_REGION) -> OpenFeed:
    """Warm up, then connect (and log in, for AMI); FeedOpenError says why not, without any secret."""
    warm_up(url, region)
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
    if isinstance(url, AmlSmsFeedUrl):
        return open_gsm(url)
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


def open_gsm(url: AmlSmsFeedUrl, session: GsmSession | None = None) -> OpenFeed:
    """Open the port and start the modem (``session``'s start, a new ``GsmSession`` by default);
    FeedOpenError says what is wrong."""
    from dispatch.feeds.gsm import GsmSession

    connection = SerialConnection(url)
    session = session or GsmSession()
    frames: list[Frame] = []
    deadline = time.monotonic() + GSM_START_TIMEOUT
    try:
        while True:
            frames += session.tick(time.monotonic())
            if session.broken:
                raise FeedOpenError(f"GSM modem on {url.port}: {session.broken}")
            if session.ready:
                return OpenFeed(connection, session, frames)
            for command in session.replies():
                connection.write(command)
            waiting = session.waiting_for or "its start"
            frames += session.feed(_read_before(connection, deadline, f"the modem's answer to {waiting}"))
    except FeedDisconnected as error:
        connection.close()
        raise FeedOpenError(f"GSM modem on {url.port}: the port closed while starting: {error}") from error
    except FeedOpenError:
        connection.close()
        raise


def _read_before(connection: Connection, deadline: float, waiting_for: str) -> bytes:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FeedOpenError(f"no answer: timed out waiting for {waiting_for}")
    return connection.read(min(remaining, 0.5))
