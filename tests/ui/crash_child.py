"""The console in a child process, driven by keyboard, for the kill test.

    python -m tests.ui.crash_child DB_PATH

Rings a simulated call, answers it with F2, types the caller's name, and once the window shows
"saved" prints ``SAVED <call id> <incident id> <name>`` and keeps running until it is killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.clock import SystemClock
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.feeds.urls import SimFeedUrl
from dispatch.services import accounts, dispatching
from dispatch.services.bus import ChangeBus
from dispatch.simulator.callers import CallerGenerator
from dispatch.store.database import open_database, sqlite_url
from ui.main_window import MainWindow
from ui.session import ConsoleSession

NAME = "Rahmat Hidayat"
PASSWORD = "rahasia-112"


def main() -> int:
    app = QApplication([])
    database = open_database(sqlite_url(Path(sys.argv[1])))
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "crash-test")
    accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
    actor = accounts.log_in(ctx, "sari", PASSWORD).actor
    assert actor is not None
    ctx = ctx.acting_as(actor)
    catalogue = load_default_catalogue()
    dispatching.load_roster(ctx, load_demo_roster())
    feed = SimulatedFeed(ctx, CallerGenerator(5, catalogue), SimFeedUrl(1, 5))
    window = MainWindow(ConsoleSession(ctx, catalogue, "en", simulator=feed))
    window.show()
    window.activateWindow()

    def wait_for(condition: object, then: object) -> None:
        def poll() -> None:
            if condition():  # type: ignore[operator]
                then()  # type: ignore[operator]
            else:
                QTimer.singleShot(10, poll)

        poll()

    def answer() -> None:
        window.call_view.setFocus()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
        wait_for(lambda: window.incident_panel.incident is not None, type_name)

    def type_name() -> None:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # priority
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # caller name
        QTest.keyClicks(QApplication.focusWidget(), NAME)
        wait_for(lambda: window.incident_panel.save_state == "saved", report)

    def report() -> None:
        assert "✔" in window.incident_panel.saved_label.text()
        incident = window.incident_panel.incident
        assert incident is not None
        print(f"SAVED {call.id} {incident.id} {NAME}", flush=True)

    call = feed.ring()
    wait_for(lambda: window.isActiveWindow() and window.call_model.first_ringing() is not None, answer)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
