"""Nothing fails silently: every uncaught exception is logged and shown to a person.

``FaultReporter`` replaces ``sys.excepthook`` (exceptions escaping a slot or an event handler on the
GUI thread end there) and ``threading.excepthook`` (a thread ending with an exception), writes each
to the log with its traceback (a database busy or lost: one line saying what was not saved), and
emits ``fault_reported`` on the GUI thread, where the window's fault bar shows it. The console's log
file is set up by :func:`configure_logging`.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from dispatch.services.uow import classify

log = logging.getLogger("dispatch.faults")

LOG_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5


def configure_logging(directory: Path) -> Path:
    """Log to ``directory/console.log`` (rotated, 5 x 5 MiB) and warnings to stderr; returns the path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "console.log"
    root = logging.getLogger()
    if not any(getattr(handler, "baseFilename", None) == str(path) for handler in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        root.addHandler(handler)
        errors = logging.StreamHandler()
        errors.setLevel(logging.WARNING)
        errors.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(errors)
    root.setLevel(logging.INFO)
    return path


def _where(trace: TracebackType | None) -> str:
    """The console's own function nearest the failure (the window's action that was refused)."""
    frames = traceback.extract_tb(trace)
    ours = [frame for frame in frames if f"{os.sep}ui{os.sep}" in frame.filename]
    found = ours or list(frames)
    if not found:
        return "?"
    frame = found[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


class FaultReporter(QObject):
    """Routes uncaught exceptions to the log and to the window.

    Signals:
        fault_reported(object): the exception, delivered on the GUI thread (queued when it was
            raised on another thread).
    """

    fault_reported = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.installed = False

    def install(self) -> None:
        sys.excepthook = self._uncaught
        threading.excepthook = self._thread_ended
        self.installed = True

    def uninstall(self) -> None:
        if self.installed:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self.installed = False

    def _uncaught(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        unavailable = classify(error)
        if unavailable is not None and unavailable.reason in ("busy", "lost"):
            # Expected when another console or program holds the database: one line saying what
            # was not saved, not a traceback (the unit of work logged each attempt already).
            log.warning("database %s, not saved: %s (in %s)", unavailable.reason, unavailable, _where(trace))
        else:
            log.error("uncaught %s: %s", kind.__name__, error, exc_info=(kind, error, trace))
        self.fault_reported.emit(error)

    def _thread_ended(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error(
            "thread %s ended by %s: %s",
            name,
            args.exc_type.__name__,
            args.exc_value,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        self.fault_reported.emit(args.exc_value)
