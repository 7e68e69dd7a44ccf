"""Connections to the wire: serial ports (pyserial), TCP and UDP sockets.

Each ``read(timeout)`` wakes as soon as bytes arrive (a blocking read with a timeout, never a
sleep-and-poll), returns ``b""`` when the timeout passes quietly, and raises ``FeedDisconnected``
when the other end is gone (an unplugged USB adapter, a closed socket). The timeout only bounds how
long a stop request waits.

A read costs as few system calls as can be: a serial device on a POSIX system is read straight from
its file descriptor (one ``select`` and one ``os.read`` of whatever has arrived, instead of
pyserial's ``read(1)``, ``in_waiting`` and ``read(n)``), and a timeout is set on a port or a socket
only when it changes (pyserial reconfigures the whole port, termios and all, each time it is set).
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
from typing import Protocol

import serial

from dispatch.feeds.urls import AmlSmsFeedUrl, SerialFeedUrl

CONNECT_TIMEOUT = 5.0
MAX_READ = 65536


class FeedOpenError(Exception):
    """The feed could not be opened (no such port, connection refused, login refused)."""


class FeedDisconnected(Exception):
    """The feed was open and is gone."""


class Connection(Protocol):
    def read(self, timeout: float) -> bytes: ...

    def write(self, data: bytes) -> None: ...

    def close(self) -> None: ...


class SerialConnection:
    def __init__(self, url: SerialFeedUrl | AmlSmsFeedUrl) -> None:
        try:
            # serial_for_url takes device names and pyserial URLs alike (loop://, socket://, rfc2217://).
            self._port = serial.serial_for_url(url.port, baudrate=url.baud, timeout=0.5, exclusive=None)
        except (serial.SerialException, ValueError, OSError) as error:
            raise FeedOpenError(f"cannot open serial port {url.port}: {error}") from error
        self._timeout: float | None = 0.5
        # A device of this system (not a pyserial URL such as socket:// or loop://): its descriptor.
        self._fd: int | None = None
        if os.name == "posix" and type(self._port) is serial.Serial:
            self._fd = getattr(self._port, "fd", None)

    def read(self, timeout: float) -> bytes:
        if self._fd is not None:
            return self._read_fd(self._fd, timeout)
        try:
            if timeout != self._timeout:
                self._port.timeout = self._timeout = timeout
            first = self._port.read(1)
            if not first:
                return b""
            waiting = self._port.in_waiting
            return bytes(first + (self._port.read(min(waiting, MAX_READ)) if waiting else b""))
        except (serial.SerialException, OSError, TypeError) as error:
            # TypeError: pyserial on a pty whose other side vanished mid-read.
            raise FeedDisconnected(f"serial port lost: {error}") from error

    @staticmethod
    def _read_fd(fd: int, timeout: float) -> bytes:
        try:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                return b""
            data = os.read(fd, MAX_READ)
        except (BlockingIOError, InterruptedError):
            return b""
        except (OSError, ValueError) as error:  # EIO: the pty's other side is gone; ValueError: closed
            raise FeedDisconnected(f"serial port lost: {error}") from error
        if not data:
            # As pyserial says it: a vanished device is always ready and reads nothing.
            raise FeedDisconnected("serial port lost: the device is ready to read but returned no data")
        return data

    def write(self, data: bytes) -> None:
        try:
            self._port.write(data)
        except (serial.SerialException, OSError) as error:
            raise FeedDisconnected(f"serial port lost: {error}") from error

    def close(self) -> None:
        with contextlib.suppress(serial.SerialException, OSError):
            self._port.close()


class TcpConnection:
    def __init__(self, host: str, port: int) -> None:
        try:
            self._socket = socket.create_connection((host, port), timeout=CONNECT_TIMEOUT)
        except OSError as error:
            raise FeedOpenError(f"cannot connect to {host}:{port}: {error.strerror or error}") from error
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def read(self, timeout: float) -> bytes:
        try:
            if timeout != self._socket.gettimeout():
                self._socket.settimeout(timeout)
            data = self._socket.recv(MAX_READ)
        except TimeoutError:
            return b""
        except OSError as error:
            raise FeedDisconnected(f"connection lost: {error.strerror or error}") from error
        if not data:
            raise FeedDisconnected("the server closed the connection")
        return data

    def write(self, data: bytes) -> None:
        try:
            self._socket.sendall(data)
        except OSError as error:
            raise FeedDisconnected(f"connection lost: {error.strerror or error}") from error

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._socket.close()


class UdpConnection:
    """Receives datagrams; each ``read`` returns one whole datagram (UDP keeps their boundaries)."""

    def __init__(self, host: str, port: int) -> None:
        self._socket = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_DGRAM)
        try:
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.bind((host, port))
        except OSError as error:
            self._socket.close()
            raise FeedOpenError(f"cannot listen on UDP {host}:{port}: {error.strerror or error}") from error

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._socket.getsockname()[:2]
        return str(host), int(port)

    def read(self, timeout: float) -> bytes:
        try:
            if timeout != self._socket.gettimeout():
                self._socket.settimeout(timeout)
            data, _peer = self._socket.recvfrom(MAX_READ)
        except TimeoutError:
            return b""
        except OSError as error:
            raise FeedDisconnected(f"UDP socket failed: {error.strerror or error}") from error
        return data

    def write(self, data: bytes) -> None:
        raise FeedDisconnected("a Whozz Calling UDP feed only listens")

    def close(self) -> None:
        self._socket.close()
