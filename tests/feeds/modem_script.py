"""A scripted GSM modem: answers AT commands in text mode as the modems' manuals show (27.005/27.007).

``FakeModem`` is the modem's mind, pure: ``answer(command)`` gives the bytes a modem would send back,
``receive(...)`` stores an SMS (and gives the ``+CMTI`` line to send). It sends too: ``AT+CMGS`` is
answered with the ``> `` prompt, the text up to Ctrl-Z (``answer_text``) with ``+CMGS: <mr>`` (or
``send_error``), and ``report(mr, status)`` is the delivery report the network sends later: a
``+CDS:`` line, or a stored report and its ``+CDSI:`` line, as the indications set asked. ``PtyModem``
puts it on the device side of a socat pty pair (``tests.feeds.peers``), on a thread that wakes on
data, so that the console's feed talks to it through a real serial port.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tests.feeds.peers import PtyPair

SMSC = "+6281100000"
STAMP = "22/11/15,07:03:20+28"
#: A valid AML message (128 characters, ml=128) from a Semarang handset.
AML = (
    'A"ML=1;lt=-6.99306;lg=+110.42083;rd=12;top=20221115070312;lc=68;pm=G;'
    "si=510101234567890;ei=356938035643809;mcc=510;mnc=10;ml=128"
)
GSM7 = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)


def aml(lat: float = -6.99306, lon: float = 110.42083, radius: int = 12, method: str = "G") -> str:
    """An AML message for a fix, with its right ``ml``."""
    body = (
        f'A"ML=1;lt={lat:+.5f};lg={lon:+.5f};rd={radius};top=20221115070312;lc=68;pm={method};mcc=510;mnc=10'
    )
    for digits in (2, 3):
        text = f"{body};ml={len(body) + 4 + digits}"
        if len(text) == len(body) + 4 + digits:
            return text
    raise AssertionError("no length fits")


def pack7(text: str, header: bytes = b"") -> bytes:
    """User data: ``header`` (the UDH, its length first) then ``text`` as packed GSM septets, after the
    fill bits that start them on a septet boundary (3GPP TS 23.040 9.2.3.24)."""
    septets = [GSM7.index(char) for char in text]
    header_bits = len(header) * 8
    fill = (7 - header_bits % 7) % 7 if header else 0
    bits = sum(septet << (7 * at) for at, septet in enumerate(septets)) << fill
    size = (fill + 7 * len(septets) + 7) // 8
    return header + bits.to_bytes(size, "little")


def concat_header(reference: int, count: int, number: int, wide: bool = False) -> bytes:
    if wide:
        return bytes([6, 0x08, 4, reference >> 8, reference & 0xFF, count, number])
    return bytes([5, 0x00, 3, reference, count, number])


@dataclass
class Stored:
    """An SMS kept by the modem, as its text-mode header and data will show it."""

    sender: str
    data: str  # the text, or the user data in hexadecimal (fo 0x40, or 8-bit/UCS2 data)
    fo: int = 4
    dcs: int = 0
    length: int | None = None
    stat: str = "REC UNREAD"
    status_report: bool = False
    #: A status report's message reference, status and discharge time.
    mr: int = 233
    st: int = 0
    dt: str = STAMP

    def header(self) -> str:
        length = len(self.data) if self.length is None else self.length
        if self.status_report:
            return f'"{self.stat}",6,{self.mr},"{self.sender}",145,"{STAMP}","{self.dt}",{self.st}'
        return f'"{self.stat}","{self.sender}",,"{STAMP}",145,{self.fo},0,{self.dcs},"{SMSC}",145,{length}'


@dataclass
class FakeModem:
    """What a modem answers. Its settings say how it behaves (``pin``, ``cnmi``, ``storages``...)."""

    pin: str = "READY"  # +CPIN: answer; "" for no SIM (+CME ERROR: 10)
    echo: bool = True
    #: CNMI settings it takes (others: ERROR).
    cnmi: tuple[str, ...] = ("2,1,0,1,0", "2,1,0,2,0", "2,1,0,0,0", "2,1", "1,1")
    text_mode: bool = True
    storages: tuple[str, ...] = ("SM", "ME")
    read_mem: str = "SM"
    new_mem: str = "SM"
    #: An empty slot read: "OK" alone (many modems) or "+CMS ERROR: 321".
    empty_read: str = "OK"
    #: Commands that get no answer at all (a modem gone quiet).
    silent: frozenset[str] = frozenset()
    memory: dict[str, dict[int, Stored]] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)
    deleted: list[tuple[str, int]] = field(default_factory=list)
    #: What the text after the prompt gets instead of ``+CMGS: <mr>`` ("+CMS ERROR: 500"...).
    send_error: str = ""
    #: False: the text after the prompt gets no answer at all (the network never confirms).
    confirms: bool = True
    #: The next message reference (0-255, as a modem counts them).
    next_mr: int = 17
    #: The SMS sent: (message reference, number, text).
    sent: list[tuple[int, str, str]] = field(default_factory=list)
    #: The CNMI setting taken last (its fourth value says how delivery reports come).
    indications: str = ""
    #: The number an ``AT+CMGS`` is waiting to have its text for (None: not in text entry).
    awaiting_text: str | None = None
    #: The discharge time a delivery report gives.
    report_time: str = "26/11/27,12:00:05+28"

    def __post_init__(self) -> None:
        for mem in self.storages:
            self.memory.setdefault(mem, {})

    # -- messages arriving ------------------------------------------------------------------------

    def store(self, sms: Stored, mem: str | None = None) -> tuple[str, int]:
        """Keep ``sms`` in the first free slot of ``mem`` (where new messages go by default)."""
        mem = mem or self.new_mem
        slots = self.memory[mem]
        index = next(i for i in range(1, 1000) if i not in slots)
        slots[index] = sms
        return mem, index

    def receive(self, sender: str, text: str, mem: str | None = None) -> bytes:
        """An SMS arrives: stored, and the ``+CMTI`` line that announces it."""
        return self.indication(*self.store(Stored(sender, text), mem))

    def receive_parts(
        self,
        sender: str,
        text: str,
        reference: int,
        size: int = 70,
        wide: bool = False,
        order: list[int] | None = None,
    ) -> bytes:
        """A concatenated SMS (7-bit, the user data in hex as text mode shows it): the ``+CMTI`` lines."""
        pieces = [text[at : at + size] for at in range(0, len(text), size)]
        lines = b""
        for number in order or range(1, len(pieces) + 1):
            header = concat_header(reference, len(pieces), number, wide)
            data = pack7(pieces[number - 1], header).hex().upper()
            lines += self.indication(
                *self.store(Stored(sender, data, fo=0x44, length=len(pieces[number - 1])))
            )
        return lines

    @staticmethod
    def indication(mem: str, index: int) -> bytes:
        return f'\r\n+CMTI: "{mem}",{index}\r\n'.encode()

    # -- commands ---------------------------------------------------------------------------------

    def answer(self, command: str) -> bytes:
        """The bytes sent back for ``command`` (the line without its CR), echo included."""
        self.commands.append(command)
        echo = (command + "\r").encode() if self.echo else b""
        if command in self.silent:
            return echo
        if command.upper().startswith("AT+CMGS="):
            self.awaiting_text = command[len("AT+CMGS=") :].strip('"')
            return echo + b"\r\n> "  # the prompt: no line end after it
        lines = self._lines(command)
        body = "".join(f"\r\n{line}" for line in lines[:-1])
        if lines[:-1]:
            body += "\r\n"
        return echo + (body + f"\r\n{lines[-1]}\r\n").encode("latin-1")

    def answer_text(self, text: str, end: str = "\x1a") -> bytes:
        """The text written after the prompt, ended by Ctrl-Z (sent) or ESC (dropped)."""
        number, self.awaiting_text = self.awaiting_text, None
        self.commands.append(f"<text {text!r}>")
        if end == "\x1b" or number is None:
            return b"\r\nOK\r\n" if number is not None else b""
        if self.send_error:
            return f"\r\n{self.send_error}\r\n".encode()
        if not self.confirms:
            return b""
        mr, self.next_mr = self.next_mr, (self.next_mr + 1) % 256
        self.sent.append((mr, number, text))
        return f"\r\n+CMGS: {mr}\r\n\r\nOK\r\n".encode()

    def report(self, mr: int, status: int = 0) -> bytes:
        """The network's delivery report for message ``mr``, as the indications set asked: a
        ``+CDS:`` line (``...,1,...``), or stored and announced by ``+CDSI:`` (``...,2,...``)."""
        number = next(sent_to for sent_mr, sent_to, _ in reversed(self.sent) if sent_mr == mr)
        fields = self.indications.split(",")
        if len(fields) >= 4 and fields[3] == "2":
            stored = Stored(number, "", status_report=True, mr=mr, st=status, dt=self.report_time)
            return self.indication(*self.store(stored)).replace(b"+CMTI", b"+CDSI")
        return f'\r\n+CDS: 6,{mr},"{number}",145,"{STAMP}","{self.report_time}",{status}\r\n'.encode()

    def _lines(self, command: str) -> list[str]:
        upper = command.upper()
        if upper in ("AT", "ATZ"):
            return ["OK"]
        if upper in ("ATE0", "ATE1"):
            self.echo = upper == "ATE1"
            return ["OK"]
        if upper == "AT+CPIN?":
            return [f"+CPIN: {self.pin}", "OK"] if self.pin else ["+CME ERROR: 10"]
        if upper == "AT+CMGF=1":
            return ["OK"] if self.text_mode else ["ERROR"]
        if upper.startswith(("AT+CSCS=", "AT+CSDH=", "AT+CSMP=")):
            return ["OK"]
        if upper.startswith("AT+CNMI="):
            setting = command[len("AT+CNMI=") :]
            if setting not in self.cnmi:
                return ["+CMS ERROR: 303"]
            self.indications = setting
            return ["OK"]
        if upper == "AT+CPMS?":
            read, new = self.read_mem, self.new_mem
            used = {mem: len(self.memory[mem]) for mem in self.storages}
            return [f'+CPMS: "{read}",{used[read]},30,"{read}",{used[read]},30,"{new}",{used[new]},30', "OK"]
        if upper.startswith("AT+CPMS="):
            mem = command[len("AT+CPMS=") :].strip('"')
            if mem not in self.storages:
                return ["+CMS ERROR: 302"]
            self.read_mem = mem
            used = len(self.memory[mem])
            return [f"+CPMS: {used},30,{used},30,{used},30", "OK"]
        if upper == 'AT+CMGL="ALL"':
            lines: list[str] = []
            for index, sms in sorted(self.memory[self.read_mem].items()):
                lines += [
                    f'+CMGL: {index},"{sms.stat}","{sms.sender}",,"{STAMP}",145,{len(sms.data)}',
                    sms.data,
                ]
                sms.stat = "REC READ"
            return [*lines, "OK"]
        if upper.startswith("AT+CMGR="):
            sms = self.memory[self.read_mem].get(int(command[len("AT+CMGR=") :]))
            if sms is None:
                return [self.empty_read]
            lines = [f"+CMGR: {sms.header()}"] + ([] if sms.status_report else [sms.data])
            sms.stat = "REC READ" if sms.stat == "REC UNREAD" else sms.stat
            return [*lines, "OK"]
        if upper.startswith("AT+CMGD="):
            index = int(command[len("AT+CMGD=") :].split(",")[0])
            self.memory[self.read_mem].pop(index, None)
            self.deleted.append((self.read_mem, index))
            return ["OK"]
        return ["ERROR"]


class PtyModem:
    """``FakeModem`` on the device side of a pty pair: answers each command line as it arrives."""

    def __init__(self, pair: PtyPair, modem: FakeModem | None = None) -> None:
        self.modem = modem or FakeModem()
        self.device = pair.device
        self._fd = os.open(pair.device, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        self._lock = threading.Lock()
        self._wake_r, self._wake_w = os.pipe()
        self._stop = threading.Event()
        #: Called with each command line (before it is answered), on the modem's thread.
        self.on_command: Callable[[str], None] | None = None
        self._thread = threading.Thread(target=self._run, name="pty modem", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> None:
        """Send ``data`` to the console (an indication, garbage...)."""
        with self._lock:
            view = memoryview(data)
            while view:
                try:
                    view = view[os.write(self._fd, view) :]
                except BlockingIOError:
                    select.select([], [self._fd], [], 1.0)

    def receive(self, sender: str, text: str, mem: str | None = None) -> None:
        with self._lock:
            line = self.modem.receive(sender, text, mem)
        self.write(line)

    def report(self, mr: int, status: int = 0) -> None:
        """The network's delivery report for message ``mr`` reaches the modem."""
        with self._lock:
            data = self.modem.report(mr, status)
        self.write(data)

    def sent(self) -> list[tuple[int, str, str]]:
        with self._lock:
            return list(self.modem.sent)

    def commands(self) -> list[str]:
        with self._lock:
            return list(self.modem.commands)

    def deleted(self) -> list[tuple[str, int]]:
        with self._lock:
            return list(self.modem.deleted)

    def wait_for(self, condition: Callable[[FakeModem], bool], timeout: float = 10.0, what: str = "") -> None:
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if condition(self.modem):
                    return
            if time.monotonic() > deadline:
                raise AssertionError(f"the modem never saw {what or 'that'}: {self.commands()}")
            time.sleep(0.01)

    def close(self) -> None:
        self._stop.set()
        os.write(self._wake_w, b"x")
        self._thread.join(5)
        for fd in (self._fd, self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _run(self) -> None:
        pending = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self._fd, self._wake_r], [], [])
            if self._fd not in ready:
                continue
            try:
                data = os.read(self._fd, 4096)
            except BlockingIOError:
                continue
            except OSError:
                return  # the pty is gone (socat killed: the modem unplugged)
            pending += data
            while True:
                with self._lock:
                    entering = self.modem.awaiting_text is not None
                if entering:
                    # The SMS's text after the prompt, up to Ctrl-Z (send) or ESC (drop).
                    ends = [at for at in (pending.find(b"\x1a"), pending.find(b"\x1b")) if at >= 0]
                    if not ends:
                        break
                    end = min(ends)
                    text, mark, pending = pending[:end], pending[end : end + 1], pending[end + 1 :]
                    with self._lock:
                        reply = self.modem.answer_text(text.decode("latin-1"), mark.decode())
                    self.write(reply)
                    continue
                if b"\r" not in pending:
                    break
                line, _, pending = pending.partition(b"\r")
                command = line.strip(b"\n\x1b").decode("latin-1").strip()  # an ESC before: a send dropped
                if not command:
                    continue
                if self.on_command is not None:
                    self.on_command(command)
                with self._lock:
                    reply = self.modem.answer(command)
                self.write(reply)


@contextlib.contextmanager
def pty_modem(pair: PtyPair, modem: FakeModem | None = None) -> Iterator[PtyModem]:
    scripted = PtyModem(pair, modem)
    try:
        yield scripted
    finally:
        scripted.close()
