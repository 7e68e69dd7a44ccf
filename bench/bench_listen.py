"""Benchmark of ``dispatch-console listen``: start-up, the first frame, and warm pty-to-stdout latency
against NCID's own server reading the same kind of pty in the same run.

    python -m bench.bench_listen [--frames 500] [--runs 3] [--ncidd PATH] [--json out.json] [--smoke]

Each run starts ``python main.py listen serial:PTY?protocol=modem`` (a socat pty pair, as
``tests/feeds/peers.py`` makes them) and, when an NCID server is found (``--ncidd``, else ``ncidd``
on PATH), ``ncidd`` on a second socat pair with ``nomodem`` (no AT commands) and a TCP client of
this process reading its ``CID:`` lines. This process writes one formatted modem block (``RING``,
blank line, ``DATE``, ``TIME``, ``NMBR`` with a new number, ``NAME``, blank line) in one
``os.write`` and stamps the time before the write; the time it has read the event back (listen's
JSON line on its standard output pipe, ncidd's ``CID:`` line on its socket) ends the sample. So both
sides pay the same hops: the write, socat, the pty, the reader's wake-up and one more pipe or socket
to this process. The readers get the same blocks, each first in turn, ``--gap-ms`` apart.

Rows:

* ``start -> listening``: process start until ``listening: URL`` on standard error (imports, warming
  the decoders and phonenumbers, opening the port).
* ``first frame``: the first block written after ``listening:`` (target: under 5 ms). Also reported
  once per run, since it happens once per process.
* ``listen (warm)``, ``ncidd (warm)``: the further blocks; ``listen / ncidd`` is the ratio of their
  p50 and p95 (target: p50 within 1.3x).
* ``floor: bare Python reader``: a few lines of Python in listen's place, on a third pair (select,
  read, find the number, print a JSON line): the hops and a Python process's wake-up alone. What
  listen costs beyond it is the decoder, phonenumbers and the runner.

Without ``ncidd`` the NCID rows say ``not measured`` (NCID is not packaged by Debian; build its
``server/`` from source with ``make`` and pass ``--ncidd``). Times are ``time.perf_counter``;
percentiles are nearest-rank. ``--smoke`` runs one run of a few frames, in seconds, to check that
the benchmark works; its figures mean little.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import select
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.bench_foundation import machine_info, nearest_rank

ROOT = Path(__file__).resolve().parents[1]
FIRST_FRAME_TARGET_MS = 5.0
RATIO_TARGET = 1.3

#: The floor: the least a Python process can do in listen's place (select, read, find the number,
#: print a JSON line). What listen costs beyond it is decoding, phonenumbers and its own code.
FLOOR_READER = """
import os, select, sys, termios, tty
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
tty.setraw(fd)
sys.stderr.write("listening: floor\\n")
sys.stderr.flush()
while True:
    if not select.select([fd], [], [], 0.25)[0]:
        continue
    data = os.read(fd, 65536)
    at = data.find(b"NMBR = ")
    if at >= 0:
        number = data[at + 7 : data.index(b"\\r", at)].decode()
        sys.stdout.write('{"event": "incoming", "number_raw": "%s"}\\n' % number)
        sys.stdout.flush()
"""


def block(index: int) -> bytes:
    """A formatted modem block with a number of its own (mobile numbers of Telkomsel, 12 digits)."""
    number = f"0812{index % 100_000_000:08d}"
    return (
        f"RING\r\n\r\nDATE = 1115\r\nTIME = 1403\r\nNMBR = {number}\r\nNAME = BUDI SANTOSO\r\n\r\n"
    ).encode()


@dataclass
class Pty:
    console: Path
    device: Path
    process: subprocess.Popen[bytes]
    fd: int = -1

    @staticmethod
    def start(folder: Path) -> Pty:
        sys.path.insert(0, str(ROOT))
        from tests.feeds.peers import start_socat

        folder.mkdir(parents=True, exist_ok=True)
        pair = start_socat(folder)
        assert pair.process is not None
        pty = Pty(pair.console, pair.device, pair.process)
        pty.fd = os.open(pty.device, os.O_WRONLY | os.O_NOCTTY)
        return pty

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


class LineReader:
    """Lines from a file descriptor (a pipe or a socket), read as they come, with a deadline."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buffer = b""

    def line(self, timeout: float, containing: bytes = b"") -> bytes:
        deadline = time.monotonic() + timeout
        while True:
            end = self._buffer.find(b"\n")
            while end >= 0:
                line, self._buffer = self._buffer[: end + 1], self._buffer[end + 1 :]
                if containing in line:
                    return line
                end = self._buffer.find(b"\n")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no line with {containing!r} in time")
            ready, _, _ = select.select([self._fd], [], [], remaining)
            if ready:
                data = os.read(self._fd, 65536)
                if not data:
                    raise EOFError("the other side closed")
                self._buffer += data


@dataclass
class Listen:
    process: subprocess.Popen[bytes]
    out: LineReader
    stderr: list[str] = field(default_factory=list)
    listening_ms: float = 0.0

    @staticmethod
    def start(pty: Pty, floor: bool = False) -> Listen:
        started = time.perf_counter()
        command = [sys.executable, "main.py", "listen", f"serial:{pty.console}?baud=1200&protocol=modem"]
        if floor:
            command = [sys.executable, "-c", FLOOR_READER, str(pty.console)]
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        assert process.stderr is not None
        listen = Listen(process, LineReader(process.stdout.fileno()))
        err = LineReader(process.stderr.fileno())
        line = err.line(60, b"listening: ")
        listen.listening_ms = (time.perf_counter() - started) * 1e3
        listen.stderr.append(line.decode(errors="replace").rstrip())

        def drain() -> None:  # keep standard error flowing (rejected frames would say so)
            with contextlib.suppress(EOFError, TimeoutError, OSError, ValueError):
                while True:
                    listen.stderr.append(err.line(3600).decode(errors="replace").rstrip())

        threading.Thread(target=drain, daemon=True).start()
        return listen

    def event(self, number: str) -> None:
        line = self.out.line(10, b'"incoming"')
        if number.encode() not in line:
            raise AssertionError(f"listen printed another call: {line!r}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)


@dataclass
class Ncidd:
    process: subprocess.Popen[bytes]
    client: socket.socket
    out: LineReader

    @staticmethod
    def start(binary: str, pty: Pty, folder: Path) -> Ncidd:
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("ncidd.conf", "alias", "blacklist", "whitelist"):
            (folder / name).write_text("")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        files = {"-C": "ncidd.conf", "-A": "alias", "-B": "blacklist", "-W": "whitelist"}
        files |= {"-c": "cidcall.log", "-d": "data.log", "-L": "ncidd.log", "-P": "ncidd.pid", "-l": "lock"}
        command = [binary, "-D", "-n", "1", "-t", str(pty.console), "-p", str(port), "-v", "1"]
        for option, name in files.items():
            command += [option, str(folder / name)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                client = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"ncidd did not start (see {folder / 'ncidd.log'})") from None
                time.sleep(0.05)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        out = LineReader(client.fileno())
        out.line(10, b"300 End of connection startup")
        return Ncidd(process, client, out)

    def event(self, number: str) -> None:
        line = self.out.line(10, b"CID:")
        if number.encode() not in line:
            raise AssertionError(f"ncidd sent another call: {line!r}")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def one_frame(pty: Pty, reader: Listen | Ncidd, index: int) -> float:
    data = block(index)
    number = f"0812{index % 100_000_000:08d}"
    started = time.perf_counter()
    os.write(pty.fd, data)
    reader.event(number)
    return (time.perf_counter() - started) * 1e3


@contextlib.contextmanager
def started(folder: Path, ncidd: str | None) -> Iterator[tuple[Pty, Listen, Pty | None, Ncidd | None]]:
    ptys: list[Pty] = []
    listen: Listen | None = None
    server: Ncidd | None = None
    try:
        ptys.append(Pty.start(folder / "listen"))
        ncid_pty = None
        if ncidd:
            ncid_pty = Pty.start(folder / "ncid")
            ptys.append(ncid_pty)
            server = Ncidd.start(ncidd, ncid_pty, folder / "ncidd")
        listen = Listen.start(ptys[0])
        yield ptys[0], listen, ncid_pty, server
    finally:
        if listen is not None:
            listen.stop()
        if server is not None:
            server.stop()
        for pty in ptys:
            pty.close()


def one_run(folder: Path, args: argparse.Namespace, run: int) -> dict[str, Any]:
    gap = args.gap_ms / 1e3
    with started(folder, args.ncidd) as (pty, listen, ncid_pty, server):
        time.sleep(gap)
        first = one_frame(pty, listen, run * 1_000_000)
        floor_pty = Pty.start(folder / "floor")
        floor = Listen.start(floor_pty, floor=True)
        samples: dict[str, list[float]] = {"listen": [], "floor": [], "ncidd": []}
        try:
            readers: list[tuple[str, Pty, Listen | Ncidd]] = [
                ("listen", pty, listen),
                ("floor", floor_pty, floor),
            ]
            if server is not None and ncid_pty is not None:
                readers.append(("ncidd", ncid_pty, server))
            for index in range(1, args.frames + 1):
                turn = index % len(readers)  # each goes first in turn
                for name, target, reader in readers[turn:] + readers[:turn]:
                    time.sleep(gap)
                    samples[name].append(one_frame(target, reader, run * 1_000_000 + index))
        finally:
            floor.stop()
            floor_pty.close()
        rejected = [line for line in listen.stderr if line.startswith("rejected:")]
    return {
        "start_to_listening_ms": listen.listening_ms,
        "first_frame_ms": first,
        "listen_ms": samples["listen"],
        "floor_ms": samples["floor"],
        "ncidd_ms": samples["ncidd"],
        "rejected": rejected,
    }


def summary(samples: Sequence[float]) -> dict[str, float] | None:
    if not samples:
        return None
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50": nearest_rank(ordered, 50),
        "p95": nearest_rank(ordered, 95),
        "p99": nearest_rank(ordered, 99),
        "max": ordered[-1],
        "mean": statistics.fmean(ordered),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    machine = machine_info()
    machine["socat"] = shutil.which("socat") or "missing"
    machine["ncidd"] = args.ncidd or "not found"
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-listen-") as tmp:
        runs = [one_run(Path(tmp) / f"run{n}", args, n) for n in range(args.runs)]
    listen_all = [ms for one in runs for ms in one["listen_ms"]]
    floor_all = [ms for one in runs for ms in one["floor_ms"]]
    ncid_all = [ms for one in runs for ms in one["ncidd_ms"]]
    listen_summary, ncid_summary = summary(listen_all), summary(ncid_all)
    ratio = None
    if listen_summary and ncid_summary:
        ratio = {key: listen_summary[key] / ncid_summary[key] for key in ("p50", "p95")}
    return {
        "machine": machine,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "options": {"frames": args.frames, "runs": args.runs, "gap_ms": args.gap_ms},
        "runs": runs,
        "start_to_listening": summary([one["start_to_listening_ms"] for one in runs]),
        "first_frame": summary([one["first_frame_ms"] for one in runs]),
        "listen": listen_summary,
        "floor": summary(floor_all),
        "ncidd": ncid_summary,
        "ratio": ratio,
    }


def render(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        f"machine: {m['cpu']}, {m['cores']} cores, {m['ram_mib']} MiB, Python {m['python']}; "
        f"load {report['load_average_before']} -> {report['load_average_after']}; ncidd: {m['ncidd']}",
        f"{report['options']['runs']} runs x {report['options']['frames']} frames, "
        f"{report['options']['gap_ms']:g} ms apart",
        "",
        f"{'(ms)':<30}{'n':>6}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}",
    ]
    rows = [
        ("start -> listening", report["start_to_listening"]),
        (f"first frame (target < {FIRST_FRAME_TARGET_MS:g})", report["first_frame"]),
        ("listen (warm)", report["listen"]),
        ("floor: bare Python reader", report["floor"]),
        ("ncidd (warm)", report["ncidd"]),
    ]
    for name, row in rows:
        if row is None:
            lines.append(f"{name:<30}{'not measured':>24}")
        else:
            lines.append(
                f"{name:<30}{row['n']:>6}{row['p50']:>9.3f}{row['p95']:>9.3f}{row['p99']:>9.3f}{row['max']:>9.3f}"
            )
    firsts = ", ".join(f"{one['first_frame_ms']:.2f}" for one in report["runs"])
    lines.append(f"first frame of each run: {firsts} ms")
    ratio = report["ratio"]
    if ratio is None:
        lines.append("listen / ncidd: not measured (no ncidd; see --ncidd)")
    else:
        met = "met" if ratio["p50"] <= RATIO_TARGET else "MISSED"
        lines.append(
            f"listen / ncidd: p50 {ratio['p50']:.2f}x (target {RATIO_TARGET}x: {met}), "
            f"p95 {ratio['p95']:.2f}x"
        )
    rejected = sum(len(one["rejected"]) for one in report["runs"])
    lines.append(f"frames listen rejected: {rejected}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_listen", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--frames", type=int, default=500, help="warm blocks per run (%(default)s)")
    parser.add_argument(
        "--runs", type=int, default=3, help="listen processes, one after another (%(default)s)"
    )
    parser.add_argument("--gap-ms", type=float, default=20.0, help="pause before each block (%(default)s)")
    parser.add_argument("--ncidd", help="NCID's server binary (default: ncidd on PATH, if any)")
    parser.add_argument("--json", type=Path, help="also write every figure and sample to this JSON file")
    parser.add_argument(
        "--smoke", action="store_true", help="one run of 10 frames (seconds): checks the benchmark works"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.frames, args.runs, args.gap_ms = 10, 1, 5.0
    if args.frames < 1 or args.runs < 1:
        parser.error("--frames and --runs: at least 1")
    args.ncidd = args.ncidd or shutil.which("ncidd")
    report = run(args)
    print(render(report))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
