"""The real start-up path in a child process, offscreen, for the start-up failure test.

    python -m tests.store.startup_child ARG...

Runs ``ui.cli.main(ARGS)`` (the ``dispatch-console`` command); every message box that comes up is
printed as one JSON line ``{"title": ..., "text": ...}`` and closed, so the child ends by itself.
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

    timer = QTimer(app)
    timer.timeout.connect(close_dialogs)
    timer.start(50)
    from ui.cli import main as console

    return console(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
