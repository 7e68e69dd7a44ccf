"""A GSM modem that receives AML SMS and sends the console's SMS: the AT dialogue, in text mode, as a
decoder that talks back.

``GsmSession`` is fed the modem's bytes like any decoder and also says what to write to the modem
(``replies()``), which the runner writes after it has handed on the frames of each read
(``dispatch.feeds.runner``). It does no I/O and reads no clock: the runner gives it the monotonic
time (``tick``) for its time-outs. The dialogue (3GPP TS 27.005 and 27.007; what real modems do
was checked against the AT manuals of Telit, Quectel, Fibocom and SIMCom modems):

- **Start** (``dispatch.feeds.protocols`` runs it before the feed reports itself up): ``AT`` (tried
  three times: the first may meet a half-typed line), ``ATE0`` (no echo), ``AT+CPIN?`` (the SIM must
  be ``READY``: a SIM asking for its PIN, or no SIM, stops here with the reason; no PIN is ever sent,
  a wrong one retried at each reconnection would lock the SIM), ``AT+CMGF=1`` (text mode),
  ``AT+CSCS="IRA"`` (plain ASCII for numbers and text; a modem that refuses keeps its own, usually
  ``GSM``, the same for every character of an AML message), ``AT+CSDH=1`` (the header shows the
  first octet and the data coding, which tell a concatenated part), ``AT+CSMP=49,167,0,0`` (every SMS
  sent asks for a delivery report, valid 24 hours), ``AT+CPMS?`` (which storage is read, ``mem1``,
  and which one new messages go to, ``mem3``) and ``AT+CNMI=2,1,0,1,0`` (a ``+CMTI: "SM",<index>``
  line for each new message stored, and each delivery report handed over as a ``+CDS:`` line;
  ``AT+CNMI=2,1,0,2,0`` (reports stored, announced by ``+CDSI:``), ``AT+CNMI=2,1,0,0,0`` (no
  reports), ``AT+CNMI=2,1`` and ``AT+CNMI=1,1`` are tried when a modem refuses it). A refusal of
  ``AT+CSCS``, ``AT+CSDH``, ``AT+CSMP`` or ``AT+CPMS?`` is lived with; of the others it is why the
  feed cannot open.
- **Messages stored while the console was away**: once started, and every ``SWEEP_EVERY`` seconds
  after (a lost ``+CMTI`` then costs a minute, not a position), ``AT+CMGL="ALL"`` lists the storage
  read and, when new messages go elsewhere, that one too (``AT+CPMS="ME"`` first); each received
  message listed is read like a new one.
- **A new message**: ``+CMTI: "<mem>",<index>`` -> ``AT+CMGR=<index>`` (after ``AT+CPMS="<mem>"``
  when another storage is being read) -> ``+CMGR: "REC UNREAD","+6281234567890",,"22/11/15,07:03:20+28",
  145,4,0,0,"+6281100000",145,128`` and the text on the next line(s), up to the final ``OK``. A
  message the modem hands over directly (``+CMT:``, which some modems do for class 0 messages even
  with these settings) is read the same way and needs no deleting.
- **Deleting**: ``AT+CMGD=<index>`` only once the runner says the message's frame was handed on
  (``handed_on``): in the console that is the feed's spool, written before anything is stored. A
  frame that could not be handed on leaves its message on the SIM, to be read again by the next
  sweep. Every message read is deleted once handed on (AML or not, decoded or rejected): a full SIM
  stores no new message, and an AML message lost that way is a caller not found.
- **Concatenated messages**: in text mode a part's first octet (``<fo>``, shown with ``AT+CSDH=1``)
  has the user-data-header bit (0x40), and the modem then shows the whole user data, header included,
  as hexadecimal octets (27.005, "<data>"): the header's concatenation element (8-bit reference,
  0x00, or 16-bit, 0x08) gives the reference, the count and the part's number; the GSM 7-bit text
  after it is unpacked from septets after the header's fill bits (8-bit and UCS2 data are taken
  as they are). Parts are joined, by sender, reference and count, once all have arrived, then
  decoded as one message; parts still missing ``PART_WAIT`` seconds after the first make the parts
  received a rejected frame (and they are deleted). Some modems (SIMCom's SIM800 among them) drop
  the header and show each part as plain text: those parts cannot be joined, and are decoded (and
  rejected) one by one; an AML message fits one SMS (160 characters), so handsets send it whole.
- **Text**: a message whose text is not AML is a ``TextMessageFrame`` (an agency's reply, read by
  the services; kept raw); one that claims to be AML but does not decode is rejected with the
  decoder's reason; an AML message becomes a ``LocationFrame`` with the sender as the modem gave it.
- **Sending** (``send``, when ``can_send``: started and nothing going on; ``protocols.Sender``):
  ``AT+CMGS="<number>"``, then, once the modem prompts ``> `` (no line end after it), the text and
  Ctrl-Z; ``+CMGS: <mr>`` and ``OK`` make a SENT ``OutboxFrame`` with the message reference, an error
  (``+CMS ERROR: 500``) a FAILED one with it. No prompt within ``PROMPT_TIMEOUT``, or no answer to
  the text within ``SEND_TIMEOUT``, or the modem going away (``flush``) make it UNSENT (the outbox
  tries again); an ESC goes before the next command, in case the modem still waits for a text.
- **Delivery reports**: a ``+CDS: <fo>,<mr>,<ra>,<tora>,<scts>,<dt>,<st>`` line, or a stored report
  (``+CDSI:`` announces it, or the sweep lists it) read with ``AT+CMGR`` and deleted like a message,
  is a ``DeliveryFrame``: the reference, the status, the recipient and the discharge time in UTC.
- **Raw bytes**: a message frame's ``raw`` is the ``+CMGR:`` line and the text's lines as received,
  each ended CR LF as modems end them (all parts', for a joined message): the same bytes however the
  reads cut the stream.
- **Trouble**: a modem that does not answer a command within its time is asked the next thing; three
  such silences in a row, or the modem announcing a restart (``RDY``, ``SMS Ready``, which means it
  lost these settings), make ``broken`` say why, and the runner reconnects and starts again.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from dispatch.domain.aml import AmlError, decode_aml, is_aml
from dispatch.domain.forwarding import OutboxKind
from dispatch.feeds.frames import (
    DeliveryFrame,
    Frame,
    LocationFrame,
    OutboxFrame,
    Outgoing,
    RejectedFrame,
    SendOutcome,
    TextMessageFrame,
)

#: Seconds without an answer after which a command is given up.
COMMAND_TIMEOUT = 5.0
#: ``AT``'s shorter wait at the start, and how often it is tried.
FIRST_AT_TIMEOUT = 1.0
FIRST_AT_TRIES = 3
#: Listing a whole SIM may take a while on a slow modem.
LIST_TIMEOUT = 30.0
#: How often the storage is listed again for messages whose indication was lost (seconds).
SWEEP_EVERY = 60.0
#: How long the parts of a concatenated message are waited for, from the first received (seconds).
PART_WAIT = 60.0
#: Silences in a row after which the modem is taken as gone.
SILENCES_TO_BREAK = 3
#: A line longer than this is cut (no modem line is this long; the text of one SMS is at most 160
#: characters, its hexadecimal user data 280).
MAX_LINE = 2048
#: Lines of an answer kept: a message's text may hold line breaks, a listing holds a whole SIM.
MAX_LISTED_LINES = 2000
#: Messages waiting to be read or deleted at once (a flood of made-up indications is not queued).
MAX_PENDING = 500
#: Concatenated messages waited for at once (a burst of unrelated parts drops the oldest).
MAX_GROUPS = 32
#: Seconds for the ``> `` prompt after ``AT+CMGS``, and for the modem's ``+CMGS:`` once the text is
#: written (the network's answer: the modems' manuals give 60 to 120 s at most).
PROMPT_TIMEOUT = 5.0
SEND_TIMEOUT = 120.0
#: Messages waiting to be sent at once (the runner takes more only when these are done).
MAX_SENDING = 3

#: Delivery reports asked for every SMS sent: first octet 49 (SMS-SUBMIT, relative validity, status
#: report requested), validity 167 (24 hours), protocol 0, data coding 0 (GSM 7-bit).
SET_SUBMIT = "AT+CSMP=49,167,0,0"
INIT_COMMANDS = (
    "AT",
    "ATE0",
    "AT+CPIN?",
    "AT+CMGF=1",
    'AT+CSCS="IRA"',
    "AT+CSDH=1",
    SET_SUBMIT,
    "AT+CPMS?",
    "AT+CNMI=2,1,0,1,0",
)
#: Without ``+CDS:`` reports: stored ones announced (``+CDSI``), then none, then the simplest forms.
CNMI_FALLBACKS = ("AT+CNMI=2,1,0,2,0", "AT+CNMI=2,1,0,0,0", "AT+CNMI=2,1", "AT+CNMI=1,1")
#: Init commands whose refusal is lived with.
_OPTIONAL = frozenset({"ATE0", 'AT+CSCS="IRA"', "AT+CSDH=1", SET_SUBMIT, "AT+CPMS?"})
LIST_ALL = 'AT+CMGL="ALL"'
#: Lines a modem sends by itself when it has (re)started: its settings are gone.
_RESTARTED = frozenset({"RDY", "SMS READY", "+CFUN: 1"})
_FINAL_OK = "OK"
_FINAL_ERROR = re.compile(r"(?:ERROR|\+CMS ERROR:.*|\+CME ERROR:.*|NO CARRIER|COMMAND NOT SUPPORT)", re.ASCII)
_CMTI = re.compile(r'\+CMTI:\s*"?([A-Za-z]{2})"?\s*,\s*(\d{1,5})\s*$', re.ASCII)
_CDSI = re.compile(r'\+CDSI:\s*"?([A-Za-z]{2})"?\s*,\s*(\d{1,5})\s*$', re.ASCII)
_CMGS = re.compile(r"\+CMGS:\s*(\d{1,3})\b", re.ASCII)
_STAMP = re.compile(r"(\d\d)/(\d\d)/(\d\d),(\d\d):(\d\d):(\d\d)(?:([+-])(\d\d?))?", re.ASCII)
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+", re.ASCII)
_LINE_END = re.compile(rb"[\r\n]")
_RECEIVED = frozenset({"REC UNREAD", "REC READ", "0", "1"})
#: A number ``AT+CMGS`` may be given: E.164, or digits as dialled.
_SMS_NUMBER = re.compile(r"\+?[0-9]{3,20}", re.ASCII)

# GSM 03.38 / 3GPP TS 23.038 default alphabet and its extension table (after ESC, 0x1B).
_GSM7 = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = {0x0A: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\", 0x3C: "[", 0x3D: "~", 0x3E: "]"}
_GSM7_EXTENSION |= {0x40: "|", 0x65: "€"}


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a message is kept on the modem: a storage (``SM`` the SIM, ``ME`` the modem...) and an index."""

    mem: str | None  # None: the storage being read, whichever it is (the modem did not say)
    index: int


@dataclass(frozen=True, slots=True)
class Concat:
    """A part of a concatenated message, from its user data header."""

    reference: int
    count: int
    number: int
    wide: bool  # a 16-bit reference


@dataclass(frozen=True, slots=True)
class Sms:
    """A message as read: its sender, text (parts already taken apart) and bytes as received."""

    sender: str
    text: str
    raw: bytes
    slot: Slot | None  # None: handed over directly (+CMT), nothing to delete
    concat: Concat | None = None
    #: Why its text could not be read ("" when it could).
    problem: str = ""


@dataclass
class _Command:
    text: str
    timeout: float = COMMAND_TIMEOUT
    slot: Slot | None = None
    sent_at: float | None = None
    #: The answer's lines (not the final result) with their bytes as received.
    lines: list[tuple[str, bytes]] = field(default_factory=list)
    #: The text being received: its expected length in characters (``<length>`` of the ``+CMGR:`` or
    #: ``+CMGL:`` line, plain text only), and where in ``lines`` it starts.
    text_length: int | None = None
    text_from: int = 0
    #: An SMS being sent (``AT+CMGS``): what, whether the ``> `` prompt came, whether the text went.
    outgoing: Outgoing | None = None
    prompted: bool = False
    text_written: bool = False


@dataclass
class _Group:
    """The parts received of one concatenated message."""

    first_at: float
    count: int
    parts: dict[int, Sms] = field(default_factory=dict)
    extra: list[Slot] = field(default_factory=list)  # repeated parts: deleted with the rest


class GsmSession:
    """The dialogue with one GSM modem over one connection (see the module docstring).

    The runner's part: ``feed(data)`` with each read; ``tick(now)`` after each read, quiet or not,
    with ``time.monotonic()``; ``handed_on(ok)`` once the frames those returned have been handed on
    (or not); then write every ``replies()`` to the modem. ``ready`` once started; ``broken`` says
    why the connection should be opened again ("" while all is well).
    """

    #: What it sends from the outbox (``protocols.Sender``).
    sends = OutboxKind.SMS

    def __init__(self, sweep_every: float = SWEEP_EVERY, part_wait: float = PART_WAIT) -> None:
        self._sweep_every = sweep_every
        self._part_wait = part_wait
        self._queue: deque[_Command] = deque(_Command(text) for text in INIT_COMMANDS)
        self._queue[0].timeout = FIRST_AT_TIMEOUT
        self._at_tries = 0
        self._cnmi_fallbacks = list(CNMI_FALLBACKS)
        #: The modem refused to switch storages: read and delete wherever it reads.
        self._no_switch = False
        self._current: _Command | None = None
        self._buffer = bytearray()
        self._skip_lf = False
        self._now: float | None = None
        self._last_sweep: float | None = None
        self._silences = 0
        self.ready = False
        self.broken = ""
        #: The storage that reads, lists and deletes address (None: not known yet).
        self._read_mem: str | None = None
        #: Where new messages are stored.
        self._new_mem: str | None = None
        #: Slots read, being read, waiting to be read or deleted: not asked for twice.
        self._known: set[Slot] = set()
        #: Slots whose frame was just produced; deleted once ``handed_on(True)``.
        self._staged: list[Slot] = []
        self._groups: dict[tuple[str, int, int, bool], _Group] = {}
        #: A ``+CMT:`` header whose text is the next line.
        self._direct: tuple[str, bytes] | None = None
        #: A send timed out while the modem may still wait for its text: ESC first (it cancels).
        self._cancel = False

    # -- the runner's side ------------------------------------------------------------------------

    @property
    def waiting_for(self) -> str:
        """The command whose answer is awaited ("" when none), for messages."""
        return self._current.text if self._current is not None else ""

    def feed(self, data: bytes) -> list[Frame]:
        frames: list[Frame] = []
        for line, raw in self._lines(data):
            frames += self._line(line, raw)
        current = self._current
        waiting = current is not None and current.outgoing is not None and not current.prompted
        # The "> " prompt for the text has no line end after it.
        if waiting and current is not None and bytes(self._buffer).strip().startswith(b">"):
            current.prompted = True
            self._buffer.clear()
        return frames

    def flush(self) -> list[Frame]:
        """The connection ended: a cut line is rejected; messages not yet deleted stay on the SIM;
        messages being sent, or waiting to be, go back to the outbox (``SendOutcome.UNSENT``)."""
        rest = bytes(self._buffer)
        self._buffer.clear()
        self._staged.clear()
        self._direct = None
        frames: list[Frame] = []
        if rest.strip():
            frames.append(RejectedFrame(rest, "truncated: the modem's line was cut off by the disconnect"))
        current = self._current
        if current is not None and current.outgoing is not None:
            self._current = None
            why = "confirmed it" if current.text_written else "took the text"
            frames.append(_unsent(current, f"the modem went away before it {why}"))
        waiting = [command for command in self._queue if command.outgoing is not None]
        self._queue = deque(command for command in self._queue if command.outgoing is None)
        frames += [_unsent(command, "the modem went away before it was sent") for command in waiting]
        return frames

    # -- sending ----------------------------------------------------------------------------------

    def can_send(self) -> bool:
        """Started, well, and nothing going on: an SMS may be given now (``send``)."""
        return self.ready and not self.broken and self._current is None and not self._queue

    def send(self, message: Outgoing) -> list[Frame]:
        """Send ``message`` (its text already what one SMS carries: ``services.outbox.sms_text``):
        ``AT+CMGS="<number>"``, the text after the ``> `` prompt, Ctrl-Z; the modem's ``+CMGS: <mr>``
        is a SENT frame with that reference, its error a FAILED one with the reason. A number the
        modem cannot be given is FAILED at once."""
        number = message.to_number.strip()
        if _SMS_NUMBER.fullmatch(number) is None:
            return [OutboxFrame(message.outbox_id, SendOutcome.FAILED, "not a number to send an SMS to", b"")]
        self._queue.append(_Command(f'AT+CMGS="{number}"', timeout=PROMPT_TIMEOUT, outgoing=message))
        return []

    def tick(self, now: float) -> list[Frame]:
        """The time is ``now`` (monotonic seconds): time-outs, sweeps, parts waited for too long."""
        self._now = now
        frames: list[Frame] = []
        current = self._current
        if current is not None:
            if current.sent_at is None:
                current.sent_at = now
            elif now - current.sent_at > current.timeout:
                frames += self._timed_out(current)
        idle = self.ready and self._current is None and not self._queue
        if idle and (self._last_sweep is None or now - self._last_sweep >= self._sweep_every):
            self._sweep()
        for key, group in list(self._groups.items()):
            if now - group.first_at > self._part_wait:
                del self._groups[key]
                frames.append(self._incomplete(group))
        return frames

    def handed_on(self, ok: bool) -> None:
        """The frames returned since the last call were handed on (``ok``) or not."""
        staged, self._staged = self._staged, []
        for slot in staged:
            if ok:
                self._queue.append(_Command(f"AT+CMGD={slot.index}", slot=slot))
            else:
                self._known.discard(slot)  # still on the SIM: the next sweep reads it again

    def replies(self) -> list[bytes]:
        """What to write to the modem now (one command at a time: the next once this one is answered;
        an SMS's text once the modem prompts for it)."""
        if self.broken:
            return []
        current = self._current
        if current is not None:
            outgoing = current.outgoing
            if outgoing is None or not current.prompted or current.text_written:
                return []
            current.text_written = True
            current.timeout = SEND_TIMEOUT
            current.sent_at = None  # the network's time counts from the next tick
            return [_payload(outgoing.text)]
        if not self._queue:
            return []
        written: list[bytes] = []
        if self._cancel:
            self._cancel = False
            written.append(b"\x1b")  # ESC: a modem still waiting for a text drops it
        command = self._queue.popleft()
        slot = command.slot
        if slot is not None and slot.mem is not None and slot.mem != self._read_mem and not self._no_switch:
            # Read and delete where the message is: switch the storage read first.
            self._queue.appendleft(command)
            command = _Command(f'AT+CPMS="{slot.mem}"')
        command.sent_at = self._now
        self._current = command
        return [*written, command.text.encode("ascii") + b"\r"]

    # -- lines ------------------------------------------------------------------------------------

    def _lines(self, data: bytes) -> list[tuple[str, bytes]]:
        """Complete lines (CR LF, LF or CR ended; empty ones dropped), each with its bytes ended CR LF."""
        buffer = self._buffer
        if self._skip_lf and data[:1] == b"\n":
            data = data[1:]
        self._skip_lf = False
        buffer += data
        lines: list[tuple[str, bytes]] = []
        start = 0
        length = len(buffer)
        while start < length:
            found = _LINE_END.search(buffer, start)
            if found is None:
                if length - start > MAX_LINE:  # no line end at all: cut, so work stays bounded
                    piece = bytes(buffer[start : start + MAX_LINE])
                    lines.append((piece.decode("latin-1"), piece + b"\r\n"))
                    start += MAX_LINE
                    continue
                break
            end = found.start()
            after = end + 1
            if buffer[end] == 0x0D:
                if after < length and buffer[after] == 0x0A:
                    after += 1
                elif after == length:
                    self._skip_lf = True  # an LF in the next read belongs to this line
            content = bytes(buffer[start:end])
            if content.strip():
                lines.append((content.decode("latin-1"), content + b"\r\n"))
            start = after
        del buffer[:start]
        return lines

    def _line(self, line: str, raw: bytes) -> list[Frame]:
        text = line.strip()
        if self._direct is not None:
            header, header_raw = self._direct
            self._direct = None
            return self._frames(self._sms_from(header, header_raw, [(line, raw)], None))
        match = _CMTI.match(text) or _CDSI.match(text)
        if match is not None:
            self._indicated(Slot(match.group(1).upper(), int(match.group(2))))
            return []
        current = self._current
        # Inside a message's text ("+CMGR:" or "+CMGL:" answered) a line is text, not the modem's own.
        in_text = (
            current is not None and bool(current.lines) and current.text.startswith(("AT+CMGR", "AT+CMGL"))
        )
        if not in_text:
            if text.startswith("+CMT:"):
                self._direct = (text, raw)
                return []
            if text.startswith("+CDS:"):
                # A delivery report handed over directly (``AT+CNMI=...,1,...``): nothing to delete.
                report = _report([value for value, _ in _fields(text[len("+CDS:") :])], raw)
                return [report or RejectedFrame(raw, "a delivery report that could not be read")]
            if text.upper() in _RESTARTED:
                self.broken = f"the modem restarted ({text}): its settings are gone"
                return []
        if current is None:
            return []  # a line nobody asked for (signal reports, RING...): not a message
        if text == current.text:
            return []  # the command's echo (before ATE0 took effect)
        if current.outgoing is not None and not current.prompted and text == ">":
            current.prompted = True  # a prompt a modem ended with a line break
            return []
        if text == _FINAL_OK and not self._text_continues(current, text):
            return self._answered(current, ok=True, final=text)
        if _FINAL_ERROR.fullmatch(text) is not None and not self._text_continues(current, text):
            return self._answered(current, ok=False, final=text)
        if len(current.lines) < MAX_LISTED_LINES:
            if (not current.lines and text.startswith("+CMGR:")) or text.startswith("+CMGL:"):
                current.text_length = _text_length(text)
                current.text_from = len(current.lines) + 1
            current.lines.append((line, raw))
        return []

    @staticmethod
    def _text_continues(current: _Command, text: str) -> bool:
        """A line such as "OK" is the message's own text (an SMS "OK"), as its ``<length>`` shows: the
        text received so far leaves room for the line in it."""
        if current.text_length is None or not current.lines:
            return False
        body = current.lines[current.text_from :]
        received = sum(len(line) for line, _ in body) + len(body)  # each with its line break
        return received + len(text) <= current.text_length

    # -- answers ----------------------------------------------------------------------------------

    def _answered(self, command: _Command, ok: bool, final: str) -> list[Frame]:
        self._current = None
        self._silences = 0
        text = command.text
        if command.outgoing is not None:
            return [self._sent(command, command.outgoing, ok, final)]
        if text == "AT" and not ok:
            self.broken = f"the modem answers AT with {final}"
        elif text.startswith("AT+CNMI="):
            if ok:
                self.ready = True
            elif self._cnmi_fallbacks:
                self._queue.appendleft(_Command(self._cnmi_fallbacks.pop(0)))
            else:
                tried = ", ".join((INIT_COMMANDS[-1], *CNMI_FALLBACKS))
                self.broken = f"the modem refuses new-message indications ({tried}: {final})"
        elif text == "AT+CPIN?":
            self._sim_state(command, ok, final)
        elif text == "AT+CMGF=1" and not ok:
            self.broken = f"the modem refuses text mode (AT+CMGF=1: {final})"
        elif text == "AT+CPMS?" and ok:
            self._storages(command)
        elif text.startswith('AT+CPMS="'):
            self._switched(text.removeprefix('AT+CPMS="').rstrip('"'), ok)
        elif text == LIST_ALL and ok:
            self._listed(command)
        elif text.startswith("AT+CMGR=") and command.slot is not None:
            return self._read(command, ok, final)
        elif text.startswith("AT+CMGD=") and command.slot is not None:
            self._known.discard(command.slot)
        elif not ok and text not in _OPTIONAL and not self.ready and not text.startswith("AT+CPMS="):
            self.broken = f"the modem refuses {text} ({final})"
        return []

    @staticmethod
    def _sent(command: _Command, outgoing: Outgoing, ok: bool, final: str) -> Frame:
        raw = b"".join(raw for _, raw in command.lines) + final.encode("latin-1") + b"\r\n"
        if not ok:
            return OutboxFrame(outgoing.outbox_id, SendOutcome.FAILED, f"the modem refused it ({final})", raw)
        references = [found.group(1) for line, _ in command.lines if (found := _CMGS.search(line))]
        # An OK without +CMGS (a modem that leaves it out): sent, with no reference for a report to name.
        return OutboxFrame(outgoing.outbox_id, SendOutcome.SENT, references[0] if references else "", raw)

    def _switched(self, mem: str, ok: bool) -> None:
        if ok:
            self._read_mem = mem
            return
        # The modem will not switch: read and delete wherever it reads (most keep one storage).
        self._no_switch = True

    def _timed_out(self, command: _Command) -> list[Frame]:
        self._current = None
        if command.outgoing is not None:
            # No prompt, or no answer to the text: nothing known sent; the outbox tries again.
            self._cancel = True
            self._silent(command)
            why = (
                f"the modem did not confirm it within {command.timeout:g} s"
                if command.text_written
                else f"the modem did not prompt for the text within {command.timeout:g} s"
            )
            return [_unsent(command, why)]
        if command.text == "AT" and not self.ready:
            self._at_tries += 1
            if self._at_tries < FIRST_AT_TRIES:
                self._queue.appendleft(_Command("AT", timeout=FIRST_AT_TIMEOUT))
                return []
            self.broken = f"the modem does not answer AT (tried {FIRST_AT_TRIES} times)"
            return []
        if not self.ready:
            self.broken = f"the modem did not answer {command.text} within {command.timeout:g} s"
            return []
        if command.slot is not None:
            self._known.discard(command.slot)  # still on the SIM: the next sweep finds it
        self._silent(command)
        return []

    def _silent(self, command: _Command) -> None:
        """One more command the modem left unanswered: too many in a row, and it is taken as gone."""
        self._silences += 1
        if self._silences >= SILENCES_TO_BREAK:
            self.broken = f"the modem stopped answering (last: {command.text}, {command.timeout:g} s)"

    def _sim_state(self, command: _Command, ok: bool, final: str) -> None:
        state = ""
        for line, _ in command.lines:
            if line.strip().upper().startswith("+CPIN:"):
                state = line.strip()[len("+CPIN:") :].strip().upper()
        if ok and state == "READY":
            return
        if state in ("SIM PIN", "SIM PUK", "SIM PIN2", "SIM PUK2", "PH-SIM PIN"):
            self.broken = (
                f"the SIM card asks for its {state.removeprefix('SIM ').removeprefix('PH-SIM ')} "
                f"(+CPIN: {state}): switch the SIM's PIN lock off (in a phone) and plug it in again"
            )
        elif state:
            self.broken = f"the SIM card is not ready (+CPIN: {state})"
        else:
            self.broken = f"no SIM card, or the SIM is not ready (AT+CPIN? answered {final})"

    def _storages(self, command: _Command) -> None:
        for line, _ in command.lines:
            if line.strip().startswith("+CPMS:"):
                names = re.findall(r'"([A-Za-z]{2})"', line)
                if names:
                    self._read_mem = names[0].upper()
                    self._new_mem = names[-1].upper() if len(names) >= 3 else self._read_mem

    def _sweep(self) -> None:
        self._last_sweep = self._now
        self._queue.append(_Command(LIST_ALL, timeout=LIST_TIMEOUT))
        home, new = self._read_mem, self._new_mem
        if home is not None and new is not None and new != home and not self._no_switch:
            # New messages go to another storage than the one read: list that one too.
            self._queue += [
                _Command(f'AT+CPMS="{new}"'),
                _Command(LIST_ALL, timeout=LIST_TIMEOUT),
                _Command(f'AT+CPMS="{home}"'),
            ]

    def _listed(self, command: _Command) -> None:
        mem = self._read_mem
        for line, _ in command.lines:
            stripped = line.strip()
            if not stripped.startswith("+CMGL:"):
                continue  # a message's text
            fields = _fields(stripped[len("+CMGL:") :])
            if len(fields) >= 2 and fields[0][0].isdigit() and fields[1][0].upper() in _RECEIVED:
                self._indicated(Slot(mem, int(fields[0][0])))

    def _indicated(self, slot: Slot) -> None:
        if slot in self._known or len(self._known) >= MAX_PENDING:
            return  # known already; or beyond the bound: the next sweep finds it
        self._known.add(slot)
        self._queue.append(_Command(f"AT+CMGR={slot.index}", slot=slot))

    def _read(self, command: _Command, ok: bool, final: str) -> list[Frame]:
        slot = command.slot
        assert slot is not None
        raw = b"".join(raw for _, raw in command.lines)
        if not ok:
            self._known.discard(slot)
            return [RejectedFrame(raw + final.encode(), f"modem: {command.text} answered {final}")]
        if not command.lines or not command.lines[0][0].strip().startswith("+CMGR:"):
            self._known.discard(slot)  # an empty slot: nothing to read or delete
            return []
        header, header_raw = command.lines[0]
        fields = _fields(header.strip()[len("+CMGR:") :])
        stat = fields[0][0].upper() if fields else ""
        if stat.startswith("STO"):
            self._known.discard(slot)  # a message stored to send, not received: not ours to delete
            return []
        if len(fields) < 2 or not fields[1][1]:
            # Not an SMS from a sender: a status report (its second field is a number, the first octet).
            self._staged.append(slot)
            report = _report([value for value, _ in fields[1:]], raw)
            return [report or RejectedFrame(raw, "not an SMS from a sender, nor a delivery report")]
        return self._frames(self._sms_from(header, header_raw, command.lines[1:], slot))

    # -- messages ---------------------------------------------------------------------------------

    def _sms_from(
        self, header: str, header_raw: bytes, body: list[tuple[str, bytes]], slot: Slot | None
    ) -> Sms:
        fields = _fields(header.strip().split(":", 1)[1])
        values = [value for value, _ in fields]
        # +CMGR: stat,oa,[alpha],scts,... ; +CMT: oa,[alpha],scts,... : the sender is the field before
        # the alpha, and the rest follows the time stamp (the alpha may be missing altogether).
        sender = (
            values[1]
            if header.lstrip().startswith("+CMGR") and len(values) > 1
            else values[0]
            if values
            else ""
        )
        stamp = next((at for at, value in enumerate(values) if _STAMP.fullmatch(value)), None)
        first_octet = dcs = None
        if stamp is not None and len(values) > stamp + 4:
            first_octet = _int(values[stamp + 2])
            dcs = _int(values[stamp + 4])
        raw = header_raw + b"".join(line_raw for _, line_raw in body)
        data = "\n".join(line for line, _ in body).strip("\r\n")
        alphabet = _alphabet(dcs)
        if first_octet is not None and first_octet & 0x40:
            stripped = data.strip()
            if _HEX.fullmatch(stripped) is None:
                return Sms(
                    sender, data, raw, slot, problem="the header says hexadecimal user data; it is not"
                )
            concat, text = _user_data(bytes.fromhex(stripped), alphabet)
            return Sms(sender, text, raw, slot, concat)
        if alphabet != "gsm7" and _HEX.fullmatch(data.strip()) is not None:
            octets = bytes.fromhex(data.strip())
            text = octets.decode("utf-16-be", "replace") if alphabet == "ucs2" else octets.decode("latin-1")
            return Sms(sender, text, raw, slot)
        return Sms(sender, data, raw, slot)

    def _frames(self, sms: Sms) -> list[Frame]:
        if sms.concat is not None:
            return self._part(sms, sms.concat)
        if sms.slot is not None:
            self._staged.append(sms.slot)
        if sms.problem:
            return [RejectedFrame(sms.raw, f"not read: {sms.problem}")]
        return [_decoded(sms.sender, sms.text, sms.raw)]

    def _part(self, sms: Sms, concat: Concat) -> list[Frame]:
        key = (sms.sender, concat.reference, concat.count, concat.wide)
        frames: list[Frame] = []
        group = self._groups.get(key)
        if group is None:
            if len(self._groups) >= MAX_GROUPS:
                oldest = min(self._groups, key=lambda k: self._groups[k].first_at)
                frames.append(self._incomplete(self._groups.pop(oldest)))
            group = self._groups[key] = _Group(self._now or 0.0, concat.count)
        if concat.number in group.parts:
            if sms.slot is not None:
                group.extra.append(sms.slot)
        else:
            group.parts[concat.number] = sms
        if len(group.parts) < group.count:
            return frames
        del self._groups[key]
        parts = [group.parts[number] for number in sorted(group.parts)]
        self._staged += [part.slot for part in parts if part.slot is not None] + group.extra
        raw = b"".join(part.raw for part in parts)
        return [*frames, _decoded(sms.sender, "".join(part.text for part in parts), raw)]

    def _incomplete(self, group: _Group) -> RejectedFrame:
        parts = [group.parts[number] for number in sorted(group.parts)]
        self._staged += [part.slot for part in parts if part.slot is not None] + group.extra
        numbers = ", ".join(str(number) for number in sorted(group.parts))
        return RejectedFrame(
            b"".join(part.raw for part in parts),
            f"concatenated SMS incomplete: part {numbers} of {group.count} received, "
            f"the rest not within {self._part_wait:g} s",
        )


def _decoded(sender: str, text: str, raw: bytes) -> Frame:
    if not is_aml(text):
        return TextMessageFrame(sender, text, raw)
    try:
        return LocationFrame(sender, decode_aml(text), raw)
    except AmlError as error:
        return RejectedFrame(raw, str(error))


def _unsent(command: _Command, why: str) -> OutboxFrame:
    assert command.outgoing is not None
    raw = b"".join(raw for _, raw in command.lines)
    return OutboxFrame(command.outgoing.outbox_id, SendOutcome.UNSENT, why, raw)


def _payload(text: str) -> bytes:
    """An SMS's text as written after the prompt: ASCII (the modem's IRA set), line breaks LF (a CR
    would end the text on some modems), no Ctrl-Z or ESC inside; then the Ctrl-Z that sends it."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x1a", " ").replace("\x1b", " ")
    return clean.encode("ascii", "replace") + b"\x1a"


def _report(values: list[str], raw: bytes) -> DeliveryFrame | None:
    """A status report's fields (``<fo>,<mr>,[<ra>],[<tora>],<scts>,<dt>,<st>``, 27.005 3.4.1) as a
    delivery report; None when they are not one."""
    if len(values) < 5:
        return None
    reference, status = values[1].strip(), values[-1].strip()
    if not (reference.isdigit() and len(reference) <= 3 and status.isdigit() and len(status) <= 3):
        return None
    if int(status) > 255 or int(reference) > 255:
        return None
    recipient = values[2].strip() if len(values) >= 7 else ""
    return DeliveryFrame(str(int(reference)), int(status), recipient, _time_stamp(values[-2]), raw)


def _time_stamp(text: str) -> datetime | None:
    """``yy/MM/dd,hh:mm:ss±zz`` (the zone in quarters of an hour) as UTC; None when it is not one."""
    found = _STAMP.fullmatch(text.strip())
    if found is None:
        return None
    year, month, day, hour, minute, second, sign, quarters = found.groups()
    offset = timedelta(minutes=15 * int(quarters or 0))
    try:
        zone = timezone(-offset if sign == "-" else offset)
        local = datetime(
            2000 + int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=zone
        )
    except ValueError:
        return None
    return local.astimezone(UTC)


def _fields(text: str) -> list[tuple[str, bool]]:
    """Comma-separated values, each unquoted, with whether it was quoted (a quoted comma stays)."""
    values: list[tuple[str, bool]] = []
    value: list[str] = []
    quoted = inside = False
    for char in text:
        if char == '"':
            inside = not inside
            quoted = True
        elif char == "," and not inside:
            values.append(("".join(value).strip(), quoted))
            value, quoted = [], False
        else:
            value.append(char)
    values.append(("".join(value).strip(), quoted))
    return values


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 3 else None


def _text_length(header: str) -> int | None:
    """The ``<length>`` of a ``+CMGL:`` line (after the time stamp and the type of address) or of a
    ``+CMGR:`` header (after the time stamp and seven more), for plain text only."""
    values = [value for value, _ in _fields(header.split(":", 1)[1])]
    stamp = next((at for at, value in enumerate(values) if _STAMP.fullmatch(value)), None)
    if stamp is not None and header.startswith("+CMGL:") and len(values) == stamp + 3:
        return _int(values[-1])  # no first octet nor coding shown: hexadecimal text is longer anyway
    if stamp is None or len(values) != stamp + 8:
        return None
    first_octet, dcs, length = _int(values[stamp + 2]), _int(values[stamp + 4]), _int(values[-1])
    if first_octet is None or first_octet & 0x40 or _alphabet(dcs) != "gsm7":
        return None  # hexadecimal data: <length> counts octets or characters, modems differ
    return length


def _alphabet(dcs: int | None) -> str:
    """``gsm7``, ``8bit`` or ``ucs2`` from a data coding scheme (3GPP TS 23.038 section 4)."""
    if dcs is None:
        return "gsm7"
    group = dcs >> 4
    if group <= 0x7:  # general data coding (0x00-0x3F), or marked for automatic deletion (0x40-0x7F)
        return {0: "gsm7", 1: "8bit", 2: "ucs2"}.get((dcs >> 2) & 0x03, "gsm7")
    if group == 0xE:
        return "ucs2"  # message waiting indication, UCS2
    if group == 0xF:
        return "8bit" if dcs & 0x04 else "gsm7"
    return "gsm7"


def _user_data(octets: bytes, alphabet: str) -> tuple[Concat | None, str]:
    """The concatenation element and the text of user data that starts with its header."""
    header_length = octets[0]
    header = octets[1 : 1 + header_length]
    concat: Concat | None = None
    at = 0
    while at + 2 <= len(header):
        element, size = header[at], header[at + 1]
        value = header[at + 2 : at + 2 + size]
        if len(value) < size:
            break
        if element == 0x00 and size == 3 and 0 < value[2] <= value[1]:
            concat = Concat(value[0], value[1], value[2], wide=False)
        elif element == 0x08 and size == 4 and 0 < value[3] <= value[2]:
            concat = Concat((value[0] << 8) | value[1], value[2], value[3], wide=True)
        at += 2 + size
    body = octets[1 + header_length :]
    if alphabet == "8bit":
        return concat, body.decode("latin-1")
    if alphabet == "ucs2":
        return concat, body.decode("utf-16-be", "replace")
    header_bits = (1 + header_length) * 8
    fill = (7 - header_bits % 7) % 7
    packed = _gsm7(_septets(octets, header_bits + fill))
    if all(octet < 0x80 for octet in body):
        # Every octet could be one septet: a modem that shows them unpacked. Take the reading that
        # is text (an AML message is printable ASCII; packed septets read unpacked are not).
        unpacked = _gsm7(list(body))
        if _printable(unpacked) > _printable(packed):
            return concat, unpacked
    return concat, packed


def _septets(octets: bytes, skip_bits: int) -> list[int]:
    """The 7-bit values packed in ``octets`` (least significant bit first) after ``skip_bits``."""
    bits = int.from_bytes(octets, "little")
    total = len(octets) * 8
    septets = [(bits >> at) & 0x7F for at in range(skip_bits, total - 6, 7)]
    if septets and septets[-1] == 0 and (total - skip_bits) % 7 == 0:
        septets.pop()  # seven spare bits read as "@"; the sender should have padded with CR
    return septets


def _gsm7(septets: list[int]) -> str:
    out: list[str] = []
    escape = False
    for septet in septets:
        if escape:
            out.append(_GSM7_EXTENSION.get(septet, " "))
            escape = False
        elif septet == 0x1B:
            escape = True
        else:
            out.append(_GSM7[septet])
    return "".join(out).rstrip("\r")


def _printable(text: str) -> int:
    return sum(1 for char in text if " " <= char <= "~")


_WARM_AML = (
    'A"ML=1;lt=-6.99306;lg=+110.42083;rd=12;top=20221115070312;lc=68;pm=G;'
    "si=510101234567890;ei=356938035643809;mcc=510;mnc=10;ml=128"
)


def _warm_answer(command: str) -> str:
    """What a modem answers to ``command`` in ``warm_conversation``'s made-up dialogue."""
    header = '"+6281234567890",,"22/11/15,07:03:20+28",145,{fo},0,{dcs},"+6281100000",145,{length}'
    if command == "AT+CPIN?":
        return "+CPIN: READY\r\n\r\nOK"
    if command == "AT+CPMS?":
        return '+CPMS: "SM",3,30,"SM",3,30,"SM",3,30\r\n\r\nOK'
    if command == LIST_ALL:
        listed = '+CMGL: {},"REC UNREAD","+6281234567890",,"22/11/15,07:03:20+28"\r\nx\r\n'
        return "".join(listed.format(index) for index in (1, 2, 3)) + "\r\nOK"
    if command == "AT+CMGR=1":
        return f'+CMGR: "REC UNREAD",{header.format(fo=4, dcs=0, length=128)}\r\n{_WARM_AML}\r\n\r\nOK'
    if command in ("AT+CMGR=2", "AT+CMGR=3"):
        number = int(command[-1]) - 1
        septets = [_GSM7.index(char) for char in (_WARM_AML[:70] if number == 1 else _WARM_AML[70:])]
        bits = sum(septet << (7 * at) for at, septet in enumerate(septets)) << 1  # one fill bit
        user_data = bytes([5, 0, 3, 7, 2, number]) + bits.to_bytes((len(septets) * 7 + 1 + 7) // 8, "little")
        head = header.format(fo=68, dcs=0, length=len(septets))
        return f'+CMGR: "REC UNREAD",{head}\r\n{user_data.hex().upper()}\r\n\r\nOK'
    return "OK"


def warm_conversation() -> list[Frame]:
    """A session's whole dialogue with a made-up modem (start, a sweep, an AML message whole and in
    two parts, their deletion), so that the first real message meets nothing run for the first time."""
    session = GsmSession()
    frames: list[Frame] = []
    now = 0.0
    for _ in range(40):
        frames += session.tick(now)
        session.handed_on(True)
        for command in session.replies():
            frames += session.feed(b"\r\n" + _warm_answer(command.decode().strip()).encode() + b"\r\n")
        now += 0.01
    return frames
