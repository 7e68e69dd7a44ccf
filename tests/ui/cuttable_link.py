"""A TCP relay between a console and its PostgreSQL server that a test can cut and join again.

Cut, every connection through it is closed and a new one is closed as soon as it is made: to the
console the database is away exactly as when the network to the server goes (psycopg's "server
closed the connection unexpectedly", a lost connection to ``uow.classify``). Joined, connections go
through again. The server itself is the tests' shared one and is never touched.
"""

from __future__ import annotations

import contextlib
import socket
import threading

from sqlalchemy.engine import make_url


class CuttableLink:
    def __init__(self, url: str) -> None:
        target = make_url(url)
        self._upstream = (target.host or "127.0.0.1", int(target.port or 5432))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = target.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._cut = False
        self._closed = False
        self.refused = 0  # connections closed at once while cut
        self._acceptor = threading.Thread(target=self._accept, name="cuttable-link", daemon=True)
        self._acceptor.start()

    def cut(self) -> None:
        """The network goes: every connection closed, new ones closed as they come."""
        with self._lock:
            self._cut = True
            sockets, self._open = self._open, set()
        for sock in sockets:
            _close(sock)

    def join(self) -> None:
        """The network is back."""
        with self._lock:
            self._cut = False

    def close(self) -> None:
        self._closed = True
        self.cut()
        _close(self._listener)
        self._acceptor.join(5)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            with self._lock:
                cut = self._cut
            if cut:
                self.refused += 1
                _close(client)
                continue
            try:
                server = socket.create_connection(self._upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open.update((client, server))
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                _close(sock)
            with self._lock:
                self._open.difference_update((source, sink))


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
