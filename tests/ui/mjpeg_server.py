"""A camera on 127.0.0.1 for the camera dock's tests: MJPEG over HTTP, as many IP cameras serve it.

``MjpegServer`` answers ``GET /cam.mjpg`` with ``multipart/x-mixed-replace`` JPEG frames made with
``QImage`` (a colour of its own each, with its number painted on), ``fps`` a second, on a port the
system chose (port 0), from a ``ThreadingHTTPServer`` thread; any other path is a 404. ``SilentServer``
accepts connections and never answers (a camera that hangs). ``refused_url()`` names a port nobody
listens on (a camera switched off: the connection is refused).

    with MjpegServer() as camera:
        play(camera.url)
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

BOUNDARY = "camframe"
PATH = "/cam.mjpg"

#: The frames' colours, in the order they are served (distinct enough to be told apart after JPEG).
COLOURS = [QColor(220, 40, 40), QColor(40, 180, 60), QColor(40, 80, 220), QColor(230, 200, 30)]


def jpeg_frames(count: int = len(COLOURS), width: int = 320, height: int = 240) -> list[bytes]:
    """``count`` JPEG frames: a colour each (``COLOURS``, cycled) with the frame's number on it."""
    frames = []
    for number in range(count):
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(COLOURS[number % len(COLOURS)])
        painter = QPainter(image)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setPixelSize(height // 4)
        painter.setFont(font)
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, str(number))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        assert image.save(buffer, "JPEG", 90)
        buffer.close()
        frames.append(bytes(data.data()))
    return frames


class MjpegServer:
    """An MJPEG camera on 127.0.0.1 (see the module); ``frames_sent`` counts what went out."""

    def __init__(self, fps: float = 20.0, width: int = 320, height: int = 240) -> None:
        self.frames = jpeg_frames(width=width, height=height)
        self.width, self.height = width, height
        self.interval = 1.0 / fps
        self.frames_sent = 0
        self.clients = 0
        self._stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path != PATH:
                    self.send_error(404)
                    return
                server.clients += 1
                self.send_response(200)
                self.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY}")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                number = 0
                try:
                    while not server._stopping.is_set():
                        frame = server.frames[number % len(server.frames)]
                        head = f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(frame)}\r\n"
                        self.wfile.write(head.encode("ascii") + b"\r\n" + frame + b"\r\n")
                        self.wfile.flush()
                        server.frames_sent += 1
                        number += 1
                        server._stopping.wait(server.interval)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the player went away

            def log_message(self, format: str, *args: object) -> None:
                pass  # quiet in the tests' output

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{PATH}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="mjpeg-camera", daemon=True)

    def start(self) -> MjpegServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> MjpegServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


class SilentServer:
    """Accepts connections on 127.0.0.1 and never answers: a camera that hangs."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(8)
        self._socket.settimeout(0.2)
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}{PATH}"
        self.accepted: list[socket.socket] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="silent-camera", daemon=True)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(connection)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        for connection in self.accepted:
            connection.close()
        self._socket.close()


def refused_url() -> str:
    """An address on 127.0.0.1 where nothing listens: connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Closed without listening: the port is free, and nobody takes it in the moment before it is used.
    time.sleep(0)
    return f"http://127.0.0.1:{port}{PATH}"
