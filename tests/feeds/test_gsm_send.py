"""Sending SMS through the GSM modem session (``dispatch.feeds.gsm``) and reading delivery reports,
against the scripted modem in process and by the byte; the new decoding paths fuzzed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.phone import parse_caller_number
from dispatch.feeds import gsm
from dispatch.feeds.frames import DeliveryFrame, Frame, OutboxFrame, Outgoing, RejectedFrame, SendOutcome
from dispatch.feeds.gsm import GsmSession
from dispatch.feeds.spool import Spool
from dispatch.services.feeds import DeliverySignal, OutboxOutcome, OutboxSignal, Received, TextMessageSignal
from tests.feeds.modem_script import FakeModem, Stored

DAMKAR = "+6281225001130"
SUMMARY = "112 P1 Kebakaran. Jl. Sirojudin 12. Pelapor 0812-3456-7890. Balas: 2026-000123 TERIMA/TIBA/SELESAI"


@dataclass
class Dialogue:
    """A session and the scripted modem, driven as the runner drives them; what the session writes
    after a prompt (the text and its Ctrl-Z) goes to the modem as text, an ESC as a dropped text."""

    modem: FakeModem = field(default_factory=lambda: FakeModem(echo=False))
    session: GsmSession = field(default_factory=GsmSession)
    now: float = 100.0
    frames: list[Frame] = field(default_factory=list)
    bytewise: bool = False
    written: list[bytes] = field(default_factory=list)

    def step(self, seconds: float = 0.01) -> list[Frame]:
        self.now += seconds
        got = self.session.tick(self.now)
        self.session.handed_on(True)
        for data in self.session.replies():
            self.written.append(data)
            got += self.feed(self.modem_answer(data))
        self.frames += got
        return got

    def modem_answer(self, data: bytes) -> bytes:
        if data == b"\x1b":
            return self.modem.answer_text("", "\x1b") if self.modem.awaiting_text is not None else b""
        if data.endswith(b"\x1a"):
            return self.modem.answer_text(data[:-1].decode("ascii"))
        assert data.endswith(b"\r")
        return self.modem.answer(data.decode("ascii")[:-1])

    def feed(self, data: bytes) -> list[Frame]:
        if not self.bytewise:
            return self.session.feed(data)
        got: list[Frame] = []
        for at in range(len(data)):
            got += self.session.feed(data[at : at + 1])
        return got

    def run(self, steps: int = 40, seconds: float = 0.01) -> list[Frame]:
        got: list[Frame] = []
        for _ in range(steps):
            got += self.step(seconds)
        return got

    def started(self) -> Dialogue:
        self.run()
        assert self.session.ready, self.modem.commands
        assert self.session.can_send()
        return self

    def arrives(self, data: bytes) -> list[Frame]:
        got = self.feed(data)
        self.frames += got
        return got + self.run()


def outcomes(frames: list[Frame]) -> list[tuple[int, SendOutcome, str]]:
    return [(f.outbox_id, f.outcome, f.detail) for f in frames if isinstance(f, OutboxFrame)]


def test_the_start_asks_for_delivery_reports() -> None:
    dialogue = Dialogue().started()
    assert "AT+CSMP=49,167,0,0" in dialogue.modem.commands
    assert dialogue.modem.indications == "2,1,0,1,0"


def test_a_modem_refusing_reports_and_sending_settings_is_still_used() -> None:
    dialogue = Dialogue(FakeModem(echo=False, cnmi=("2,1,0,0,0",))).started()
    assert dialogue.modem.commands[-4:-1] == ["AT+CNMI=2,1,0,1,0", "AT+CNMI=2,1,0,2,0", "AT+CNMI=2,1,0,0,0"]


@pytest.mark.parametrize("bytewise", [False, True])
def test_an_sms_is_sent_after_the_prompt_and_its_reference_comes_back(bytewise: bool) -> None:
    dialogue = Dialogue(bytewise=bytewise).started()
    assert dialogue.session.send(Outgoing(7, DAMKAR, SUMMARY)) == []
    assert not dialogue.session.can_send()
    dialogue.run(5)
    assert dialogue.written[-2:] == [f'AT+CMGS="{DAMKAR}"\r'.encode(), SUMMARY.encode() + b"\x1a"]
    assert outcomes(dialogue.frames) == [(7, SendOutcome.SENT, "17")]
    [frame] = [f for f in dialogue.frames if isinstance(f, OutboxFrame)]
    assert frame.raw == b"+CMGS: 17\r\nOK\r\n"
    assert dialogue.modem.sent == [(17, DAMKAR, SUMMARY)]
    assert dialogue.session.can_send()


def test_several_sms_are_sent_one_after_the_other() -> None:
    dialogue = Dialogue().started()
    for outbox_id in (1, 2, 3):
        dialogue.session.send(Outgoing(outbox_id, DAMKAR, f"pesan {outbox_id}"))
    dialogue.run(10)
    assert outcomes(dialogue.frames) == [
        (1, SendOutcome.SENT, "17"),
        (2, SendOutcome.SENT, "18"),
        (3, SendOutcome.SENT, "19"),
    ]


def test_a_modem_that_refuses_the_sms_fails_it_with_the_reason() -> None:
    dialogue = Dialogue(FakeModem(echo=False, send_error="+CMS ERROR: 500")).started()
    dialogue.session.send(Outgoing(4, DAMKAR, "halo"))
    dialogue.run(5)
    assert outcomes(dialogue.frames) == [(4, SendOutcome.FAILED, "the modem refused it (+CMS ERROR: 500)")]
    assert dialogue.session.can_send()


def test_a_number_the_modem_cannot_take_fails_at_once() -> None:
    dialogue = Dialogue().started()
    frames = dialogue.session.send(Outgoing(5, '+62"\r\nAT+CMGD=1', "x"))
    assert outcomes(frames) == [(5, SendOutcome.FAILED, "not a number to send an SMS to")]
    assert dialogue.session.can_send()


def test_no_prompt_within_five_seconds_sends_nothing_and_the_message_goes_back() -> None:
    dialogue = Dialogue(FakeModem(echo=False, silent=frozenset({f'AT+CMGS="{DAMKAR}"'}))).started()
    dialogue.session.send(Outgoing(6, DAMKAR, "halo"))
    dialogue.run(10, 0.6)
    assert outcomes(dialogue.frames) == [
        (6, SendOutcome.UNSENT, "the modem did not prompt for the text within 5 s")
    ]
    # An ESC before the next command: a modem still waiting for a text drops it.
    dialogue.modem.receive("+6281234567890", "x")
    dialogue.arrives(b'\r\n+CMTI: "SM",1\r\n')
    assert b"\x1b" in dialogue.written
    assert not dialogue.session.broken


def test_no_confirmation_after_the_text_puts_the_message_back() -> None:
    dialogue = Dialogue(FakeModem(echo=False, confirms=False)).started()
    dialogue.session.send(Outgoing(8, DAMKAR, "halo"))
    dialogue.run(5)
    assert outcomes(dialogue.frames) == []
    dialogue.run(3, gsm.SEND_TIMEOUT / 2 + 1)
    assert outcomes(dialogue.frames) == [(8, SendOutcome.UNSENT, "the modem did not confirm it within 120 s")]


def test_the_modem_going_away_mid_send_puts_every_message_back() -> None:
    dialogue = Dialogue(FakeModem(echo=False, confirms=False)).started()
    for outbox_id in (1, 2):
        dialogue.session.send(Outgoing(outbox_id, DAMKAR, "halo"))
    dialogue.run(5)  # the first's text written, not confirmed; the second waits
    frames = dialogue.session.flush()
    assert outcomes(frames) == [
        (1, SendOutcome.UNSENT, "the modem went away before it confirmed it"),
        (2, SendOutcome.UNSENT, "the modem went away before it was sent"),
    ]
    assert dialogue.session.flush() == []


def test_a_delivery_report_handed_over_directly_is_a_delivery_frame() -> None:
    dialogue = Dialogue().started()
    dialogue.session.send(Outgoing(7, DAMKAR, "halo"))
    dialogue.run(5)
    [frame] = dialogue.arrives(dialogue.modem.report(17, 0))
    assert isinstance(frame, DeliveryFrame)
    assert (frame.reference, frame.status, frame.recipient_raw) == ("17", 0, DAMKAR)
    # 12:00:05 at +7 hours (28 quarters): WIB.
    assert frame.discharged_at == datetime(2026, 11, 27, 5, 0, 5, tzinfo=UTC)
    assert frame.raw.startswith(b"+CDS: 6,17,")
    assert dialogue.modem.deleted == []


def test_a_stored_delivery_report_is_read_and_deleted() -> None:
    dialogue = Dialogue(FakeModem(echo=False, cnmi=("2,1,0,2,0",))).started()
    dialogue.session.send(Outgoing(7, DAMKAR, "halo"))
    dialogue.run(5)
    frames = dialogue.arrives(dialogue.modem.report(17, 70))
    [frame] = [f for f in frames if isinstance(f, DeliveryFrame)]
    assert (frame.reference, frame.status) == ("17", 70)
    assert dialogue.modem.deleted == [("SM", 1)]


def test_a_status_report_listed_by_the_sweep_is_read_too() -> None:
    modem = FakeModem(echo=False)
    modem.store(Stored(DAMKAR, "", status_report=True, mr=9, st=0))
    dialogue = Dialogue(modem).started()
    dialogue.run()
    assert [(f.reference, f.status) for f in dialogue.frames if isinstance(f, DeliveryFrame)] == [("9", 0)]
    assert modem.deleted == [("SM", 1)]


def test_an_unreadable_delivery_report_is_rejected() -> None:
    dialogue = Dialogue().started()
    [frame] = dialogue.arrives(b"\r\n+CDS: 25\r\n")  # PDU mode's form: not text mode
    assert isinstance(frame, RejectedFrame)
    assert frame.reason == "a delivery report that could not be read"


# -- fuzzing ----------------------------------------------------------------------------------------

_FIELD = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12),
    st.integers(-5, 999).map(str),
    st.sampled_from(['"22/11/15,07:03:20+28"', '"26/13/40,25:61:61+99"', '"+6281225001130"', "", "145"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FIELD, max_size=9))
def test_any_delivery_report_line_is_a_frame_never_an_exception(fields: list[str]) -> None:
    session = Dialogue().started().session
    line = ("+CDS: " + ",".join(fields)).encode("latin-1") + b"\r\n"
    frames = session.feed(b"\r\n" + line)
    [frame] = frames
    assert isinstance(frame, (DeliveryFrame, RejectedFrame))
    if isinstance(frame, DeliveryFrame):
        assert 0 <= frame.status <= 255
        assert frame.reference.isdigit()
        assert frame.discharged_at is None or frame.discharged_at.tzinfo is UTC


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60), min_size=1, max_size=3
    ),
    st.lists(
        st.binary(max_size=40)
        | st.sampled_from(
            [b"\r\n> ", b"> ", b"+CMGS: 3\r\n", b"OK\r\n", b"ERROR\r\n", b"+CMS ERROR: 500\r\n"]
        ),
        max_size=12,
    ),
)
def test_whatever_the_modem_says_while_sending_each_message_ends_once(
    texts: list[str], noise: list[bytes]
) -> None:
    """Any bytes at any point of the sends: never an exception, and each message has exactly one
    outcome once the connection ends (sent, failed, or back to the queue)."""
    dialogue = Dialogue().started()
    for number, text in enumerate(texts, 1):
        dialogue.session.send(Outgoing(number, DAMKAR, text))
    for chunk in noise:
        dialogue.frames += dialogue.session.feed(chunk)
        dialogue.step(0.7)
    dialogue.frames += dialogue.session.flush()
    ended = [outbox_id for outbox_id, _, _ in outcomes(dialogue.frames)]
    assert sorted(ended) == list(range(1, len(texts) + 1))


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=80),
    st.integers(0, 255),
    st.none() | st.datetimes(timezones=st.just(UTC)),
    st.sampled_from(list(OutboxOutcome)),
)
def test_the_new_signals_survive_the_spool_as_they_were(
    text: str, status: int, at: datetime | None, outcome: OutboxOutcome
) -> None:
    import tempfile
    from pathlib import Path

    received = datetime(2026, 11, 27, 5, 0, tzinfo=UTC)
    number = parse_caller_number(DAMKAR)
    signals: list[Received] = [
        TextMessageSignal("aml-sms:serial:/dev/x", received, number, text, text.encode("utf-8")),
        DeliverySignal("aml-sms:serial:/dev/x", received, str(status), status, number, at, b"+CDS: 1"),
        OutboxSignal(
            "aml-sms:serial:/dev/x",
            received,
            None if outcome is OutboxOutcome.RELEASE else 5,
            outcome,
            text,
            b"",
        ),
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.spool"
        spool = Spool(path)
        assert spool.append(signals, received)
        spool.close()
        again = Spool(path)
        [batch] = again.heads(10)
        assert batch.frames == signals
        again.close()
