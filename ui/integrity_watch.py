"""The background check of a database too large to check at start: damage becomes an alarm.

``open_database`` skips SQLite's page-by-page check above 64 MiB (it would delay the window by
seconds); this runs it on a thread once the window is up. What it finds is stored as an alert and
shown in the window's alert list (``MainWindow.add_standing_alert``); the log names it too.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from dispatch.services import integrity
from dispatch.services.alerts import AlertView
from dispatch.services.context import ServiceContext
from dispatch.store.database import quick_check

log = logging.getLogger(__name__)


class IntegrityWatch(QObject):
    #: An AlertView, delivered on the GUI thread (queued across threads).
    damaged = Signal(object)

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        #: The problems found, once the check has ended (None while it runs).
        self.problems: list[str] | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop a check still reading (the console is closing) and wait for the thread."""
        self._cancel.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        problems = quick_check(self._ctx.database, self._cancel)
        self.problems = problems
        if not problems or self._cancel.is_set():
            log.info("Background check of %s: sound", self._ctx.database.display_url)
            return
        log.error(
            "Background check of %s found damage: %s", self._ctx.database.display_url, "; ".join(problems[:5])
        )
        try:
            view = integrity.raise_damage_alarm(self._ctx, problems)
        except Exception as error:  # a damaged file may refuse the alert's row too: still shown
            log.error("The damage alarm could not be stored: %s", error)
            view = AlertView(
                id=0,
                kind=integrity.DATABASE_DAMAGED_ALERT,
                entity="database",
                entity_id=problems[0][:64],
                raised_at=self._ctx.clock.now(),
                since=None,
                limit_s=None,
                label=problems[0][:64],
                incident_number="",
                cleared_at=None,
                acknowledged_at=None,
            )
        self.damaged.emit(view)
