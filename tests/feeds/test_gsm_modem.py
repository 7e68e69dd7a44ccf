"""The ``aml-sms:`` feed end to end on a real serial port: a scripted GSM modem on a socat pty.

The feed's runner (or ``dispatch-console listen``) opens the console side of the pair; the scripted
modem (``tests.feeds.modem_script``) answers on the device side as a modem would.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.aml import AmlFix, AmlMethod, decode_aml
from dispatch.domain.clock import SystemClock
from dispatch.domain.enums import Presentation
from dispatch.domain.phone import CallerNumber
from dispatch.domain.signals import CallSignal, LocationSignal, SignalKind
from dispatch.feeds.gsm import GsmSession
from dispatch.feeds.listen import location_json, signal_json
from dispatch.feeds.protocols import OpenFeed, open_feed, open_gsm
from dispatch.feeds.runner import Backoff, FeedRunner, FeedState
from dispatch.feeds.spool import Spool
from dispatch.feeds.transports import FeedOpenError
from dispatch.feeds.urls import AmlSmsFeedUrl, FeedUrl, FeedUrlError, parse_feed_url
from dispatch.services.feeds import Received, RejectedSignal, TextMessageSignal
from tests.feeds.modem_script import AML, FakeModem, PtyModem, aml
from tests.feeds.peers import PtyPair, start_socat
from tests.feeds.supervising import wait_for
from tests.feeds.test_listen import Listener

SENDER = "+6281234567890"


class Recorder:
    """A sink that keeps what it is handed, and notes when, beside the modem's commands."""

    def __init__(self, timeline: list[str]) -> None:
        self.received: list[Received] = []
        self.refuse = False
        self._timeline = timeline
        self._lock = threading.Lock()

    def frames(self, frames: Sequence[Received]) -> None:
        if self.refuse:
            raise RuntimeError("cannot take frames now")
        with self._lock:
            self.received += frames
            self._timeline += [f"handed on {type(frame).__name__}" for frame in frames]

    def signal(self, signal: CallSignal) -> None:
        raise AssertionError("frames() takes everything")

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None:
        raise AssertionError("frames() takes everything")

    def locations(self) -> list[LocationSignal]:
        with self._lock:
            return [item for item in self.received if isinstance(item, LocationSignal)]

    def rejections(self) -> list[RejectedSignal]:
        with self._lock:
            return [item for item in self.received if isinstance(item, RejectedSignal)]


class Rig:
    """A pty pair, a scripted modem on it, and a feed runner on the console side."""

    def __init__(
        self, folder: Path, modem: FakeModem | None = None, sessions: Callable[[], GsmSession] = GsmSession
    ) -> None:
        self.folder = folder
        self.fake = modem or FakeModem()
        self.timeline: list[str] = []
        self.pair: PtyPair = start_socat(folder)
        self.modem = self._attach()
        self.url = AmlSmsFeedUrl(str(self.pair.console))
        self.sink = Recorder(self.timeline)
        self.states: list[FeedState] = []

        def opener(url: FeedUrl) -> OpenFeed:
            assert isinstance(url, AmlSmsFeedUrl)
            return open_gsm(url, sessions())

        self.runner = FeedRunner(
            self.url,
            self.sink,
            SystemClock(),
            backoff=Backoff(first=0.1, longest=0.2),
            opener=opener,
            on_health=lambda health: self.states.append(health.state),
        )

    def _attach(self) -> PtyModem:
        modem = PtyModem(self.pair, self.fake)
        modem.on_command = self.timeline.append
        return modem

    def start(self) -> Rig:
        self.runner.start()
        wait_for(lambda: FeedState.UP in self.states, what="the feed up")
        self.modem.wait_for(lambda fake: 'AT+CMGL="ALL"' in fake.commands, what="the first sweep")
        return self

    def unplug(self) -> None:
        self.pair.kill()
        self.modem.close()

    def plug_in(self) -> None:
        self.pair = start_socat(self.folder)
        self.modem = self._attach()

    def close(self) -> None:
        self.runner.stop()
        self.modem.close()
        self.pair.kill()


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    made = Rig(tmp_path)
    yield made.start()
    made.close()


def test_an_aml_sms_becomes_a_location_and_is_deleted_only_after_it_is_handed_on(rig: Rig) -> None:
    rig.modem.receive(SENDER, AML)
    rig.modem.wait_for(lambda fake: fake.deleted == [("SM", 1)], what="AT+CMGD=1")
    [location] = rig.sink.locations()
    assert location.number == CallerNumber(SENDER, SENDER, Presentation.ALLOWED, location.number.description)
    assert location.fix == decode_aml(AML)
    assert location.feed == f"aml-sms:serial:{rig.pair.console}?baud=115200"
    assert location.raw.startswith(b'+CMGR: "REC UNREAD","+6281234567890"')
    handed = rig.timeline.index("handed on LocationSignal")
    assert rig.timeline.index("AT+CMGR=1") < handed < rig.timeline.index("AT+CMGD=1")


def test_an_sms_that_is_not_aml_is_handed_on_as_text_and_a_malformed_one_is_rejected(rig: Rig) -> None:
    rig.modem.receive("TELKOMSEL", "Sisa kuota anda 2GB")
    rig.modem.receive(SENDER, AML[:-1] + "9")  # ml=129
    rig.modem.receive(SENDER, AML)
    rig.modem.wait_for(lambda fake: len(fake.deleted) == 3, what="three deletions")
    assert [item.reason for item in rig.sink.rejections()] == ["AML: ml says 129, message is 128"]
    # Not AML: an SMS for the services to read (an agency's reply), kept raw.
    [text] = [item for item in rig.sink.received if isinstance(item, TextMessageSignal)]
    assert (text.number.raw, text.text) == ("TELKOMSEL", "Sisa kuota anda 2GB")
    assert b"Sisa kuota anda 2GB" in text.raw
    assert len(rig.sink.locations()) == 1


def test_garbage_on_the_line_does_not_stop_the_feed(rig: Rig) -> None:
    rig.modem.write(b"\x00\xff\xfe garbage \r\n+CMTI: \r\n\x1b[2J" + bytes(range(256)) + b"\r\n")
    rig.modem.receive(SENDER, AML)
    rig.modem.wait_for(lambda fake: fake.deleted == [("SM", 1)], what="the message deleted")
    assert len(rig.sink.locations()) == 1
    assert rig.runner.health.state is FeedState.UP


def test_a_concatenated_message_is_joined_over_the_wire(rig: Rig) -> None:
    with rig.modem._lock:
        lines = rig.fake.receive_parts(SENDER, AML, reference=0x21, order=[2, 1])
    rig.modem.write(lines)
    rig.modem.wait_for(lambda fake: len(fake.deleted) == 2, what="both parts deleted")
    [location] = rig.sink.locations()
    assert location.fix.text == AML
    assert rig.sink.rejections() == []


def test_messages_stored_while_the_console_was_down_are_read_at_the_start(tmp_path: Path) -> None:
    fake = FakeModem()
    fake.receive("+6281234567891", aml(-6.99, 110.42, 8))
    fake.receive("+6281234567892", aml(-7.01, 110.40, 25, "W"))
    made = Rig(tmp_path, fake).start()
    try:
        made.modem.wait_for(lambda modem: len(modem.deleted) == 2, what="both deleted")
        assert [(item.number.e164, item.fix.radius_m) for item in made.sink.locations()] == [
            ("+6281234567891", 8.0),
            ("+6281234567892", 25.0),
        ]
    finally:
        made.close()


def test_a_sink_that_refuses_leaves_the_message_on_the_sim_for_the_next_sweep(tmp_path: Path) -> None:
    made = Rig(tmp_path, sessions=lambda: GsmSession(sweep_every=0.5)).start()
    try:
        made.sink.refuse = True
        made.modem.receive(SENDER, AML)
        made.modem.wait_for(lambda fake: "AT+CMGR=1" in fake.commands, what="the message read")
        made.modem.wait_for(lambda fake: fake.commands.count('AT+CMGL="ALL"') >= 2, what="a second sweep")
        assert made.fake.deleted == []
        made.sink.refuse = False
        made.modem.wait_for(lambda fake: fake.deleted == [("SM", 1)], what="deleted once handed on")
        assert len(made.sink.locations()) == 1
    finally:
        made.close()


@pytest.mark.slow
def test_the_modem_unplugged_and_back_is_started_again_and_what_came_meanwhile_is_read(
    tmp_path: Path,
) -> None:
    made = Rig(tmp_path).start()
    try:
        made.modem.receive(SENDER, AML)
        made.modem.wait_for(lambda fake: fake.deleted == [("SM", 1)], what="the first message")
        made.unplug()  # the USB modem is pulled out
        wait_for(lambda: made.runner.health.state is FeedState.DOWN, what="the feed down")
        assert "serial port lost" in made.runner.health.detail
        made.fake.receive("+6281234567899", aml(-7.05, 110.45, 40))  # it keeps receiving on its own
        made.fake.commands.clear()
        made.plug_in()
        made.modem.wait_for(lambda fake: len(fake.deleted) == 2, what="the message received meanwhile")
        assert made.fake.commands[:2] == ["AT", "ATE0"]  # started afresh
        assert [item.number.e164 for item in made.sink.locations()] == [SENDER, "+6281234567899"]
    finally:
        made.close()


def test_a_sim_asking_for_its_pin_cannot_open_and_says_why(tmp_path: Path) -> None:
    pair = start_socat(tmp_path)
    modem = PtyModem(pair, FakeModem(pin="SIM PIN"))
    try:
        with pytest.raises(FeedOpenError, match=r"GSM modem on .*: the SIM card asks for its PIN"):
            open_feed(AmlSmsFeedUrl(str(pair.console)))
        assert "AT+CPIN?" in modem.commands()
        assert not any(command.startswith("AT+CPIN=") for command in modem.commands())
    finally:
        modem.close()
        pair.kill()


def test_a_port_where_nothing_answers_cannot_open(tmp_path: Path) -> None:
    pair = start_socat(tmp_path)  # no modem behind it
    try:
        with pytest.raises(FeedOpenError, match=r"the modem does not answer AT \(tried 3 times\)"):
            open_feed(AmlSmsFeedUrl(str(pair.console)))
    finally:
        pair.kill()


# -- listen ---------------------------------------------------------------------------------------


def test_listen_prints_a_location_line_and_rejects_to_standard_error(tmp_path: Path) -> None:
    pair = start_socat(tmp_path)
    modem = PtyModem(pair)
    try:
        listener = Listener(f"aml-sms:serial:{pair.console}", "--count", "1")
        listener.wait_listening()
        modem.receive("TELKOMSEL", "Promo")
        modem.receive(SENDER, AML)
        code, events, errors = listener.finish()
    finally:
        modem.close()
        pair.kill()
    assert code == 0
    [event] = events
    assert list(event) == [
        "event",
        "feed",
        "received_at",
        "number",
        "number_raw",
        "lat",
        "lon",
        "radius_m",
        "fixed_at",
        "confidence",
        "method",
        "raw",
    ]
    assert {k: event[k] for k in list(event)[3:11]} == {
        "number": SENDER,
        "number_raw": SENDER,
        "lat": -6.99306,
        "lon": 110.42083,
        "radius_m": 12.0,
        "fixed_at": "2022-11-15T07:03:12+00:00",
        "confidence": 68,
        "method": "gnss",
    }
    assert event["event"] == "location"
    assert event["feed"] == f"aml-sms:serial:{pair.console}?baud=115200"
    assert AML in str(event["raw"])
    assert any(line.startswith("rejected: not an AML message: ") and "Promo" in line for line in errors)
    assert errors[0] == f"listening: aml-sms:serial:{pair.console}?baud=115200"


def test_listen_on_a_sim_asking_for_its_pin_exits_2_with_the_reason(tmp_path: Path) -> None:
    pair = start_socat(tmp_path)
    modem = PtyModem(pair, FakeModem(pin="SIM PIN"))
    try:
        code, events, errors = Listener(f"aml-sms:serial:{pair.console}").finish()
    finally:
        modem.close()
        pair.kill()
    assert (code, events) == (2, [])
    assert errors[-1].startswith(f"listen: GSM modem on {pair.console}: the SIM card asks for its PIN")


def test_the_location_line_is_exactly_json_dumps_and_a_call_line_is_unchanged() -> None:
    fix = decode_aml(AML)
    number = CallerNumber(SENDER, SENDER, Presentation.ALLOWED)
    at = datetime(2026, 11, 28, 5, 1, 2, 123456, tzinfo=UTC)
    signal = LocationSignal("aml-sms:serial:/dev/ttyUSB1?baud=115200", at, number, b"+CMGR: x\r\n\xe9", fix)
    line = location_json(signal)
    assert signal_json(signal) == line
    assert json.loads(line) == {
        "event": "location",
        "feed": "aml-sms:serial:/dev/ttyUSB1?baud=115200",
        "received_at": "2026-11-28T05:01:02.123456+00:00",
        "number": SENDER,
        "number_raw": SENDER,
        "lat": -6.99306,
        "lon": 110.42083,
        "radius_m": 12.0,
        "fixed_at": "2022-11-15T07:03:12+00:00",
        "confidence": 68,
        "method": "gnss",
        "raw": "+CMGR: x\r\n\u00e9",
    }
    no_fix = decode_aml('A"ML=1;pm=N')
    assert json.loads(location_json(LocationSignal("f", at, number, b"", no_fix)))["lat"] is None
    call = CallSignal(SignalKind.INCOMING, "serial:x", at, number, b"NMBR = 0812\r\n")
    assert json.loads(signal_json(call))["event"] == "incoming"


# -- the URL --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "port", "baud"),
    [
        ("aml-sms:serial:/dev/ttyUSB1?baud=115200", "/dev/ttyUSB1", 115200),
        ("aml-sms:serial:/dev/ttyUSB1", "/dev/ttyUSB1", 115200),
        ("AML-SMS:serial:COM5?baud=9600", "COM5", 9600),
        ("aml-sms:serial:socket://modem.local:4001", "socket://modem.local:4001", 115200),
        ("  aml-sms:serial:/dev/ttyACM0?baud=115200&protocol=modem  ", "/dev/ttyACM0", 115200),
    ],
)
def test_an_aml_sms_url_names_the_modems_port_and_speed(text: str, port: str, baud: int) -> None:
    url = parse_feed_url(text)
    assert url == AmlSmsFeedUrl(port, baud)
    assert url.display == str(url) == f"aml-sms:serial:{port}?baud={baud}"
    assert parse_feed_url(url.display) == url


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "aml-sms:/dev/ttyUSB1",
            "aml-sms: is followed by the modem's serial port, e.g. aml-sms:serial:/dev/ttyUSB1",
        ),
        ("aml-sms://modem", "aml-sms: is followed by the modem's serial port"),
        ("aml-sms:serial:", "aml-sms:serial: needs a port"),
        ("aml-sms:serial:/dev/ttyUSB1?baud=fast", "baud must be a whole number"),
        ("aml-sms:serial:/dev/ttyUSB1?baud=7", "unusual baud rate 7"),
        (
            "aml-sms:serial:socket://user:rahasia@modem:4001",
            "aml-sms:serial: port URLs take no user or secret",
        ),
        ("aml-sms:serial:/dev/tty\nUSB1", "aml-sms:serial: the port name must not hold control characters"),
    ],
)
def test_a_wrong_aml_sms_url_is_explained_without_quoting_it(text: str, why: str) -> None:
    with pytest.raises(FeedUrlError) as caught:
        parse_feed_url(text)
    assert str(caught.value).startswith(why)
    assert "rahasia" not in str(caught.value)


# -- the spool ------------------------------------------------------------------------------------

_fixes = st.builds(
    AmlFix,
    version=st.just(1),
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    radius_m=st.none() | st.floats(0, 100_000),
    fixed_at=st.none() | st.datetimes(timezones=st.just(UTC)),
    confidence=st.none() | st.integers(0, 100),
    method=st.sampled_from(list(AmlMethod)),
    imsi=st.text(max_size=20),
    imei=st.text(max_size=20),
    mcc=st.text(max_size=4),
    mnc=st.text(max_size=4),
    text=st.text(max_size=200),
)


@settings(max_examples=50, deadline=None)
@given(fix=_fixes, raw=st.binary(max_size=300), e164=st.none() | st.just(SENDER))
def test_a_location_survives_the_spool_as_it_was(
    tmp_path_factory: pytest.TempPathFactory, fix: AmlFix, raw: bytes, e164: str | None
) -> None:
    folder = tmp_path_factory.mktemp("spool")
    at = datetime(2026, 11, 28, 5, 1, 2, 123456, tzinfo=UTC)
    number = CallerNumber("081234567890", e164, Presentation.ALLOWED, "Telkomsel")
    location = LocationSignal("aml-sms:serial:/dev/ttyUSB1?baud=115200", at, number, raw, fix)
    rejected = RejectedSignal(location.feed, at, b"x", "not an AML message")
    spool = Spool(folder / "feed.spool")
    assert spool.append([location, rejected], at)
    spool.close()
    reopened = Spool(folder / "feed.spool")
    try:
        [batch] = reopened.heads(10)
        assert batch.frames == [location, rejected]
    finally:
        reopened.close()
