"""Real peers for feed tests: socat pseudo-terminal pairs, scripted TCP servers, UDP senders."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: A copy of the design's sample byte streams (shared/samples/feeds), so that CI has them.
SAMPLES = Path(__file__).resolve().parent / "samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@dataclass
class PtyPair:
    """``console`` is the port the console opens; bytes written to ``device`` arrive there."""

    console: Path
    device: Path
    process: subprocess.Popen[bytes] | None = None

    def write(self, data: bytes) -> None:
        fd = os.open(self.device, os.O_WRONLY | os.O_NOCTTY)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)


def start_socat(folder: Path) -> PtyPair:
    """A pty pair under ``folder`` (links ``console`` and ``device``), as a USB adapter would be."""
    socat = shutil.which("socat")
    if socat is None:
        raise RuntimeError("socat is needed for the serial feed tests (apt-get install socat; .ci/run does)")
    console, device = folder / "console", folder / "device"
    for link in (console, device):
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
    process = subprocess.Popen(
        [socat, f"pty,raw,echo=0,link={console}", f"pty,raw,echo=0,link={device}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not (console.exists() and device.exists()):
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("socat did not create its ptys")
        time.sleep(0.01)
    return PtyPair(console, device, process)


@contextlib.contextmanager
def pty_pair(folder: Path) -> Iterator[PtyPair]:
    pair = start_socat(folder)
    try:
        yield pair
    finally:
        pair.kill()


@dataclass
class TcpScript:
    """What a scripted server does on each connection: ("send", bytes), ("expect", marker),
    ("close", None) or ("wait", seconds)."""

    steps: list[tuple[str, object]]
    received: list[bytes] = field(default_factory=list)


class ScriptedServer:
    """A TCP server on 127.0.0.1 that plays one script per accepted connection, in order."""

    def __init__(self, scripts: list[TcpScript]) -> None:
        self._scripts = list(scripts)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(5)
        self.port = int(self._socket.getsockname()[1])
        self.connections = 0
        self.played: list[TcpScript] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self._socket.settimeout(0.2)
        while not self._stop.is_set() and self._scripts:
            try:
                client, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            script = self._scripts.pop(0)
            self.played.append(script)
            with client:
                self._play(client, script)

    def _play(self, client: socket.socket, script: TcpScript) -> None:
        client.settimeout(10)
        buffer = b""
        for action, argument in script.steps:
            if self._stop.is_set():
                return
            if action == "send":
                assert isinstance(argument, bytes)
                client.sendall(argument)
            elif action == "expect":
                assert isinstance(argument, bytes)
                while argument not in buffer:
                    chunk = client.recv(4096)
                    if not chunk:
                        return
                    buffer += chunk
                script.received.append(buffer)
                buffer = b""
            elif action == "wait":
                assert isinstance(argument, int | float)
                time.sleep(argument)
            elif action == "close":
                return
        # Keep the connection open until the test is over (a real server stays connected).
        while not self._stop.wait(0.05):
            pass

    def close(self) -> None:
        self._stop.set()
        self._socket.close()
        self._thread.join(5)


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def send_udp(port: int, datagram: bytes) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        sender.sendto(datagram, ("127.0.0.1", port))
