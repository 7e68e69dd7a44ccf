"""The real start-up path in a child process, offscreen, for the start-up failure test.

    python -m tests.store.startup_child ARG...

Runs ``ui.cli.main(ARGS)`` (the ``dispatch-console`` command); every message box that comes up is
printed as one JSON line ``{"title": ..., "text": ...}`` and closed, so the child ends by itself.

``DISPATCH_TEST_BUSY_TIMEOUT_MS`` shortens SQLite's wait for another process's lock
(``dispatch.store.database.BUSY_TIMEOUT_MS``, 5 s, waited three times before a start gives up): the
same path to the same dialog, without a quarter of a minute of waiting.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


def main() -> int:
    app = QApplication(sys.argv[:1])

    def close_dialogs() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox) and widget.isVisible():
            print(json.dumps({"title": widget.windowTitle(), "text": widget.text()}), flush=True)
            widget.done(0)
        elif isinstance(widget, QDialog) and widget.isVisible():
            print(json.dumps({"dialog": type(widget).__name__}), flush=True)
            widget.reject()

    busy_ms = os.environ.get("DISPATCH_TEST_BUSY_TIMEOUT_MS")
    if busy_ms:
        from dispatch.store import database

        database.BUSY_TIMEOUT_MS = int(busy_ms)
    timer = QTimer(app)
    timer.timeout.connect(close_dialogs)
    timer.start(50)
    from ui.cli import main as console

    return console(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
