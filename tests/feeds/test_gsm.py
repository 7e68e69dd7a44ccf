"""The GSM modem dialogue (``dispatch.feeds.gsm``) against a scripted modem, in process and by the byte.

The session is driven as the runner drives it: ``tick`` then ``handed_on`` then ``replies``, whose
commands the scripted modem (``tests.feeds.modem_script``) answers byte for byte as a modem would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.aml import AmlMethod
from dispatch.feeds import gsm
from dispatch.feeds.frames import DeliveryFrame, Frame, LocationFrame, RejectedFrame, TextMessageFrame
from dispatch.feeds.gsm import GsmSession, warm_conversation
from tests.feeds.modem_script import AML, FakeModem, Stored, aml, concat_header, pack7

START = [
    "AT",
    "ATE0",
    "AT+CPIN?",
    "AT+CMGF=1",
    'AT+CSCS="IRA"',
    "AT+CSDH=1",
    "AT+CSMP=49,167,0,0",
    "AT+CPMS?",
    "AT+CNMI=2,1,0,1,0",
]
SENDER = "+6281234567890"


@dataclass
class Dialogue:
    """A session and a modem talking, as the runner makes them: each step ticks the clock, says how
    the last frames were handed on, writes the session's commands and feeds it the answers."""

    modem: FakeModem = field(default_factory=FakeModem)
    session: GsmSession = field(default_factory=GsmSession)
    now: float = 100.0
    frames: list[Frame] = field(default_factory=list)
    #: Whether frames are handed on (a sink that refuses them: False).
    handing_on: bool = True
    #: Bytes fed a byte at a time (the session must not care how reads cut the stream).
    bytewise: bool = False

    def step(self, seconds: float = 0.01) -> list[Frame]:
        self.now += seconds
        got = self.session.tick(self.now)
        self.session.handed_on(self.handing_on)
        for command in self.session.replies():
            assert command.endswith(b"\r")
            got += self.feed(self.modem.answer(command.decode("ascii")[:-1]))
        self.frames += got
        return got

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
        assert not self.session.broken
        return self

    def arrives(self, data: bytes) -> list[Frame]:
        """Bytes the modem sends by itself (an indication); then the dialogue runs on."""
        got = self.feed(data)
        self.frames += got
        return got + self.run()


def locations(frames: list[Frame]) -> list[LocationFrame]:
    return [frame for frame in frames if isinstance(frame, LocationFrame)]


def rejected(frames: list[Frame]) -> list[RejectedFrame]:
    return [frame for frame in frames if isinstance(frame, RejectedFrame)]


# -- starting -------------------------------------------------------------------------------------


def test_the_start_sets_text_mode_headers_and_indications_then_lists_what_is_stored() -> None:
    dialogue = Dialogue().started()
    assert dialogue.modem.commands == [*START, 'AT+CMGL="ALL"']
    assert dialogue.frames == []


def test_the_echo_before_ate0_is_not_taken_for_an_answer() -> None:
    dialogue = Dialogue(FakeModem(echo=True))
    dialogue.started()
    assert dialogue.modem.echo is False


@pytest.mark.parametrize(
    ("pin", "why"),
    [
        ("SIM PIN", "the SIM card asks for its PIN (+CPIN: SIM PIN): switch the SIM's PIN lock off"),
        ("SIM PUK", "the SIM card asks for its PUK (+CPIN: SIM PUK)"),
        ("PH-NET PIN", "the SIM card is not ready (+CPIN: PH-NET PIN)"),
        ("", "no SIM card, or the SIM is not ready (AT+CPIN? answered +CME ERROR: 10)"),
    ],
)
def test_a_sim_that_is_not_ready_stops_the_start_with_the_reason(pin: str, why: str) -> None:
    dialogue = Dialogue(FakeModem(pin=pin))
    dialogue.run()
    assert dialogue.session.broken.startswith(why)
    assert not dialogue.session.ready
    assert "AT+CPIN=" not in " ".join(dialogue.modem.commands)  # no PIN is ever sent
    assert dialogue.session.replies() == []


def test_a_modem_without_text_mode_cannot_be_used() -> None:
    dialogue = Dialogue(FakeModem(text_mode=False))
    dialogue.run()
    assert dialogue.session.broken == "the modem refuses text mode (AT+CMGF=1: ERROR)"


def test_indications_fall_back_to_simpler_settings_the_modem_takes() -> None:
    dialogue = Dialogue(FakeModem(cnmi=("1,1",))).started()
    assert dialogue.modem.commands[-6:] == [
        "AT+CNMI=2,1,0,1,0",
        "AT+CNMI=2,1,0,2,0",
        "AT+CNMI=2,1,0,0,0",
        "AT+CNMI=2,1",
        "AT+CNMI=1,1",
        'AT+CMGL="ALL"',
    ]


def test_a_modem_that_takes_no_indications_cannot_be_used() -> None:
    dialogue = Dialogue(FakeModem(cnmi=()))
    dialogue.run()
    assert dialogue.session.broken.startswith("the modem refuses new-message indications")


def test_a_modem_that_does_not_answer_at_is_tried_three_times() -> None:
    dialogue = Dialogue(FakeModem(silent=frozenset({"AT"})))
    dialogue.run(steps=50, seconds=0.1)
    assert dialogue.modem.commands == ["AT", "AT", "AT"]
    assert dialogue.session.broken == "the modem does not answer AT (tried 3 times)"


def test_a_half_typed_line_before_the_first_at_is_lived_with() -> None:
    dialogue = Dialogue()
    dialogue.feed(b"\x00\xffAT+CMG")  # what the last program left on the line
    dialogue.started()


# -- messages -------------------------------------------------------------------------------------


def test_a_new_message_is_read_decoded_and_deleted_once_handed_on() -> None:
    dialogue = Dialogue().started()
    got = dialogue.feed(dialogue.modem.receive(SENDER, AML))
    assert got == []
    [frame] = dialogue.step()  # AT+CMGR=1 written, and its answer read
    assert dialogue.modem.commands[-1] == "AT+CMGR=1"
    # Nothing is deleted before the frame is handed on (the next step says it was).
    assert isinstance(frame, LocationFrame)
    assert frame.sender_raw == SENDER
    assert (frame.fix.lat, frame.fix.lon, frame.fix.radius_m, frame.fix.method) == (
        -6.99306,
        110.42083,
        12.0,
        AmlMethod.GNSS,
    )
    header = f'+CMGR: "REC UNREAD","{SENDER}",,"22/11/15,07:03:20+28",145,4,0,0,"+6281100000",145,128'
    assert frame.raw == f"{header}\r\n{AML}\r\n".encode()
    assert not any(command.startswith("AT+CMGD") for command in dialogue.modem.commands)
    dialogue.step()
    assert dialogue.modem.commands[-1] == "AT+CMGD=1"
    dialogue.run()
    assert dialogue.modem.memory["SM"] == {}
    assert len(locations(dialogue.frames)) == 1


def test_a_message_not_handed_on_stays_on_the_sim_and_is_read_again_by_the_next_sweep() -> None:
    dialogue = Dialogue(session=GsmSession(sweep_every=5.0)).started()
    dialogue.handing_on = False
    dialogue.arrives(dialogue.modem.receive(SENDER, AML))
    assert not any(command.startswith("AT+CMGD") for command in dialogue.modem.commands)
    assert 1 in dialogue.modem.memory["SM"]
    dialogue.handing_on = True
    dialogue.run(steps=10, seconds=1.0)  # the sweep lists it, reads it again, and deletes it now
    assert dialogue.modem.commands[len(START) :] == [
        'AT+CMGL="ALL"',
        "AT+CMGR=1",  # refused by the sink: not deleted
        'AT+CMGL="ALL"',  # five seconds later
        "AT+CMGR=1",
        "AT+CMGD=1",
        'AT+CMGL="ALL"',
    ]
    assert dialogue.modem.memory["SM"] == {}
    assert len(locations(dialogue.frames)) == 2  # once refused by the sink, once handed on


def test_messages_stored_while_the_console_was_away_are_read_at_the_start() -> None:
    modem = FakeModem()
    modem.receive("+6281234567891", aml(-6.9901, 110.4201))
    modem.receive("+6281234567892", "Pulsa anda tinggal Rp 500")
    modem.receive("+6281234567893", aml(-7.0, 110.4))
    modem.memory["SM"][2].stat = "REC READ"  # read before the console went down, not yet deleted
    modem.memory["SM"][9] = Stored("+62811", "draft", stat="STO UNSENT")  # not received: left alone
    dialogue = Dialogue(modem).started()
    dialogue.run()
    assert [frame.sender_raw for frame in locations(dialogue.frames)] == ["+6281234567891", "+6281234567893"]
    texts = [frame.text for frame in dialogue.frames if isinstance(frame, TextMessageFrame)]
    assert texts == ["Pulsa anda tinggal Rp 500"]
    assert sorted(modem.deleted) == [("SM", 1), ("SM", 2), ("SM", 3)]
    assert list(modem.memory["SM"]) == [9]


def test_an_sms_that_is_not_aml_is_a_text_message_kept_raw() -> None:
    dialogue = Dialogue().started()
    frames = dialogue.arrives(dialogue.modem.receive("TELKOMSEL", "Sisa kuota anda 2GB"))
    [frame] = frames
    assert isinstance(frame, TextMessageFrame)
    assert (frame.sender_raw, frame.text) == ("TELKOMSEL", "Sisa kuota anda 2GB")
    assert b'"TELKOMSEL"' in frame.raw
    assert frame.raw.endswith(b"Sisa kuota anda 2GB\r\n")
    assert dialogue.modem.deleted == [("SM", 1)]


def test_a_malformed_aml_message_is_rejected_with_the_decoders_reason() -> None:
    dialogue = Dialogue().started()
    frames = dialogue.arrives(dialogue.modem.receive(SENDER, AML.replace("lt=-6.99306;", "")))
    assert [(type(frame), frame.reason) for frame in rejected(frames)] == [
        (RejectedFrame, "AML: ml says 128, message is 116")
    ]
    assert dialogue.modem.deleted == [("SM", 1)]


def test_an_sms_reading_ok_is_text_not_the_end_of_the_answer() -> None:
    dialogue = Dialogue().started()
    dialogue.arrives(dialogue.modem.receive(SENDER, "OK"))
    dialogue.arrives(dialogue.modem.receive(SENDER, "Ok\nOK"))
    dialogue.arrives(dialogue.modem.receive(SENDER, AML))
    texts = [frame for frame in dialogue.frames if isinstance(frame, TextMessageFrame)]
    assert [frame.raw.splitlines()[1:] for frame in texts] == [[b"OK"], [b"Ok", b"OK"]]
    assert [frame.text for frame in texts] == ["OK", "Ok\nOK"]
    assert len(locations(dialogue.frames)) == 1
    assert dialogue.modem.deleted == [("SM", 1)] * 3


def test_a_stored_status_report_is_a_delivery_report_and_deleted() -> None:
    dialogue = Dialogue().started()
    mem, index = dialogue.modem.store(Stored(SENDER, "", status_report=True, mr=233, st=0))
    [frame] = dialogue.arrives(dialogue.modem.indication(mem, index))
    assert isinstance(frame, DeliveryFrame)
    assert (frame.reference, frame.status, frame.recipient_raw) == ("233", 0, SENDER)
    assert dialogue.modem.deleted == [("SM", 1)]


def test_a_message_in_another_storage_is_read_there() -> None:
    modem = FakeModem()
    dialogue = Dialogue(modem).started()
    dialogue.arrives(modem.receive(SENDER, AML, mem="ME"))
    assert modem.commands[-3:] == ['AT+CPMS="ME"', "AT+CMGR=1", "AT+CMGD=1"]
    assert len(locations(dialogue.frames)) == 1
    assert modem.deleted == [("ME", 1)]


def test_when_new_messages_go_to_another_storage_the_sweep_lists_both() -> None:
    modem = FakeModem(read_mem="SM", new_mem="ME")
    modem.receive(SENDER, AML, mem="ME")
    dialogue = Dialogue(modem).started()
    dialogue.run()
    assert modem.commands[len(START) :][:4] == [
        'AT+CMGL="ALL"',
        'AT+CPMS="ME"',
        'AT+CMGL="ALL"',
        'AT+CPMS="SM"',
    ]
    assert len(locations(dialogue.frames)) == 1
    assert modem.deleted == [("ME", 1)]


def test_a_modem_that_will_not_switch_storages_is_read_where_it_reads() -> None:
    modem = FakeModem(storages=("SM",))
    dialogue = Dialogue(modem).started()
    modem.memory["SM"][4] = Stored(SENDER, AML)
    dialogue.arrives(b'\r\n+CMTI: "MT",4\r\n')
    assert modem.commands[-3:] == ['AT+CPMS="MT"', "AT+CMGR=4", "AT+CMGD=4"]
    assert len(locations(dialogue.frames)) == 1


def test_a_message_handed_over_directly_is_decoded_and_needs_no_deleting() -> None:
    dialogue = Dialogue().started()
    line = f'\r\n+CMT: "{SENDER}",,"22/11/15,07:03:20+28",145,4,0,0,"+6281100000",145,128\r\n{AML}\r\n'
    [frame] = dialogue.arrives(line.encode())
    assert isinstance(frame, LocationFrame)
    assert frame.sender_raw == SENDER
    assert dialogue.modem.deleted == []


@pytest.mark.parametrize(
    ("dcs", "encode"), [(4, lambda text: text.encode("latin-1")), (8, lambda text: text.encode("utf-16-be"))]
)
def test_an_aml_message_sent_as_8_bit_or_ucs2_data_is_read_from_its_hex(dcs: int, encode: object) -> None:
    dialogue = Dialogue().started()
    data = encode(AML).hex().upper()  # type: ignore[operator]
    mem, index = dialogue.modem.store(Stored(SENDER, data, dcs=dcs))
    [frame] = dialogue.arrives(dialogue.modem.indication(mem, index))
    assert isinstance(frame, LocationFrame)
    assert frame.fix.text == AML


# -- concatenated messages ------------------------------------------------------------------------


@pytest.mark.parametrize("wide", [False, True])
@pytest.mark.parametrize("order", [[1, 2], [2, 1]])
def test_the_parts_of_a_concatenated_message_are_joined_then_decoded(wide: bool, order: list[int]) -> None:
    dialogue = Dialogue().started()
    frames = dialogue.arrives(
        dialogue.modem.receive_parts(SENDER, AML, reference=0x4F, wide=wide, order=order)
    )
    [frame] = frames
    assert isinstance(frame, LocationFrame)
    assert frame.fix.text == AML
    assert frame.raw.count(b"+CMGR:") == 2
    assert sorted(dialogue.modem.deleted) == [("SM", 1), ("SM", 2)]


def test_parts_are_kept_on_the_sim_until_the_whole_message_is_handed_on() -> None:
    dialogue = Dialogue().started()
    modem = dialogue.modem
    first = modem.receive_parts(SENDER, AML, reference=7, size=50, order=[1])
    assert dialogue.arrives(first) == []
    assert modem.deleted == []
    pieces = [AML[at : at + 50] for at in range(0, len(AML), 50)]
    rest = b""
    for number in (3, 2):
        data = pack7(pieces[number - 1], concat_header(7, 3, number)).hex().upper()
        rest += modem.indication(*modem.store(Stored(SENDER, data, fo=0x44)))
    [frame] = dialogue.arrives(rest)
    assert isinstance(frame, LocationFrame)
    assert sorted(modem.deleted) == [("SM", 1), ("SM", 2), ("SM", 3)]


def test_parts_of_two_senders_with_the_same_reference_are_not_mixed() -> None:
    dialogue = Dialogue().started()
    modem = dialogue.modem
    other = aml(-7.1, 110.5, 30)
    lines = modem.receive_parts(SENDER, AML, reference=3, order=[1]) + modem.receive_parts(
        "+6281299999999", other, reference=3
    )
    lines += modem.receive_parts(SENDER, AML, reference=3, order=[2])
    frames = dialogue.arrives(lines)
    assert sorted((frame.sender_raw, frame.fix.text) for frame in locations(frames)) == [
        ("+6281234567890", AML),
        ("+6281299999999", other),
    ]


def test_a_concatenated_message_missing_a_part_is_rejected_after_the_wait_and_deleted() -> None:
    dialogue = Dialogue(session=GsmSession(part_wait=30.0)).started()
    dialogue.arrives(dialogue.modem.receive_parts(SENDER, AML, reference=9, order=[1]))
    assert rejected(dialogue.frames) == []
    dialogue.run(steps=40, seconds=1.0)
    [frame] = rejected(dialogue.frames)
    assert frame.reason == "concatenated SMS incomplete: part 1 of 2 received, the rest not within 30 s"
    assert dialogue.modem.deleted == [("SM", 1)]


def test_a_header_saying_hex_over_text_that_is_not_is_rejected() -> None:
    dialogue = Dialogue().started()
    mem, index = dialogue.modem.store(Stored(SENDER, AML, fo=0x44))
    [frame] = dialogue.arrives(dialogue.modem.indication(mem, index))
    assert isinstance(frame, RejectedFrame)
    assert frame.reason == "not read: the header says hexadecimal user data; it is not"


def test_a_modem_that_shows_septets_unpacked_is_read_too() -> None:
    dialogue = Dialogue().started()
    header = concat_header(5, 1, 1)
    data = (header + bytes(gsm._GSM7.index(char) for char in AML)).hex().upper()
    mem, index = dialogue.modem.store(Stored(SENDER, data, fo=0x44))
    [frame] = dialogue.arrives(dialogue.modem.indication(mem, index))
    assert isinstance(frame, LocationFrame)
    assert frame.fix.text == AML


# -- trouble --------------------------------------------------------------------------------------


def test_a_modem_that_restarts_breaks_the_session() -> None:
    dialogue = Dialogue().started()
    dialogue.arrives(b"\r\nRDY\r\n")
    assert dialogue.session.broken == "the modem restarted (RDY): its settings are gone"


def test_three_silences_in_a_row_break_the_session_one_does_not() -> None:
    modem = FakeModem(silent=frozenset({"AT+CMGR=1"}))
    dialogue = Dialogue(modem).started()
    dialogue.feed(modem.receive(SENDER, AML))
    dialogue.run(steps=10, seconds=1.0)
    assert dialogue.session.broken == ""
    for index in (2, 3):
        modem.silent = frozenset({f"AT+CMGR={index}"})
        dialogue.feed(modem.receive(SENDER, AML))
        dialogue.run(steps=10, seconds=1.0)
    assert dialogue.session.broken == "the modem stopped answering (last: AT+CMGR=3, 5 s)"


def test_an_error_reading_a_message_is_a_rejected_frame() -> None:
    modem = FakeModem(empty_read="+CMS ERROR: 321")
    dialogue = Dialogue(modem).started()
    [frame] = dialogue.arrives(b'\r\n+CMTI: "SM",5\r\n')
    assert isinstance(frame, RejectedFrame)
    assert frame.reason == "modem: AT+CMGR=5 answered +CMS ERROR: 321"


def test_an_empty_slot_answered_ok_is_nothing() -> None:
    dialogue = Dialogue().started()
    assert dialogue.arrives(b'\r\n+CMTI: "SM",5\r\n') == []
    assert dialogue.modem.deleted == []


def test_unsolicited_lines_between_commands_are_not_messages() -> None:
    dialogue = Dialogue().started()
    assert dialogue.arrives(b'\r\nRING\r\n\r\n+CLIP: "+62811",145\r\n\r\n^RSSI: 12\r\n\r\n+CREG: 1\r\n') == []


def test_a_line_cut_by_a_disconnect_is_rejected_as_truncated() -> None:
    dialogue = Dialogue().started()
    dialogue.feed(b'\r\n+CMTI: "S')
    [frame] = dialogue.session.flush()
    assert isinstance(frame, RejectedFrame)
    assert frame.reason.startswith("truncated")


def test_fed_a_byte_at_a_time_the_dialogue_is_the_same() -> None:
    whole = Dialogue().started()
    bytewise = Dialogue(bytewise=True).started()
    for dialogue in (whole, bytewise):
        dialogue.arrives(dialogue.modem.receive(SENDER, AML))
        dialogue.arrives(dialogue.modem.receive_parts(SENDER, aml(-7.0, 110.0), reference=1))
        dialogue.arrives(dialogue.modem.receive(SENDER, "halo"))
    assert bytewise.frames == whole.frames
    assert bytewise.modem.commands == whole.modem.commands


def test_the_warm_up_dialogue_decodes_its_messages() -> None:
    frames = warm_conversation()
    assert [type(frame) for frame in frames] == [LocationFrame, LocationFrame]


# -- properties -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.binary(max_size=300)
        | st.sampled_from(
            [
                b"\r\n",
                b"\r",
                b"OK\r\n",
                b'+CMTI: "SM",1\r\n',
                b'+CMGR: "REC',
                b'+CMT: "+62",,"22/11/15,07:03:20+28"\r\n',
            ]
        ),
        max_size=30,
    )
)
def test_any_bytes_give_frames_and_commands_never_an_exception(chunks: list[bytes]) -> None:
    dialogue = Dialogue().started()
    for chunk in chunks:
        frames = dialogue.session.feed(chunk)
        frames += dialogue.step(0.5)
        assert all(
            isinstance(frame, (LocationFrame, RejectedFrame, TextMessageFrame, DeliveryFrame))
            for frame in frames
        )
    dialogue.session.flush()


@settings(max_examples=100, deadline=None)
@given(
    st.text(st.characters(max_codepoint=255, exclude_categories=("Cs",)), max_size=200),
    st.sampled_from([0, 4, 8]),
    st.sampled_from([0, 4, 0x44]),
)
def test_any_text_in_any_coding_is_a_frame_and_is_deleted(text: str, dcs: int, fo: int) -> None:
    dialogue = Dialogue().started()
    data = text.replace("\r", " ").replace("\n", " ").strip() or "x"
    if dcs == 8:
        data = data.encode("utf-16-be").hex()
    elif dcs == 4 or fo == 0x44:
        data = data.encode("utf-8").hex()
    mem, index = dialogue.modem.store(Stored(SENDER, data, dcs=dcs, fo=fo))
    frames = dialogue.arrives(dialogue.modem.indication(mem, index))
    assert len(frames) <= 1
    if fo != 0x44 or frames:
        assert len(frames) == 1
        assert dialogue.modem.deleted == [("SM", 1)]


def test_a_stored_sms_reading_ok_does_not_end_the_listing_early() -> None:
    modem = FakeModem()
    modem.receive(SENDER, "OK")
    modem.receive(SENDER, AML)
    dialogue = Dialogue(modem).started()
    dialogue.run()
    assert modem.commands[len(START) :] == [
        'AT+CMGL="ALL"',
        "AT+CMGR=1",
        "AT+CMGR=2",
        "AT+CMGD=1",
        "AT+CMGD=2",
    ]
    assert len(locations(dialogue.frames)) == 1


def test_a_flood_of_indications_is_bounded_and_the_sweep_still_finds_messages() -> None:
    dialogue = Dialogue(session=GsmSession(sweep_every=5.0)).started()
    dialogue.feed(b"".join(f'+CMTI: "SM",{index}\r\n'.encode() for index in range(100, 2100)))
    assert len(dialogue.session._known) == gsm.MAX_PENDING
    dialogue.run(steps=600, seconds=0.01)  # each read answered OK (empty): the slots are free again
    assert dialogue.session._known == set()
    dialogue.modem.receive(SENDER, AML)  # its indication lost in the flood
    dialogue.run(steps=10, seconds=1.0)
    assert len(locations(dialogue.frames)) == 1
