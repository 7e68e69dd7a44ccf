"""The banner across the top of the window while the console has lost its database (a centre's
PostgreSQL): since when, that it is reconnecting and when it tries next, and that what is typed
meanwhile is kept and saved when the database is back. Words and an icon, the colour only third.
"""

from __future__ import annotations

import math
import time
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QStyle, QWidget

from ui.timefmt import local_time

translate = QCoreApplication.translate

# How often the countdown to the next attempt is said again while the banner shows.
COUNTDOWN_MS = 1000


class ConnectionBanner(QFrame):
    """Hidden while the database link is up; ``show_lost`` on every report of the link while it is
    down (each retry brings a new countdown), ``show_restored`` when it is back."""

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self._zone = zone
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setStyleSheet(
            "#connectionBanner { background: #fff3e0; border: 3px solid #e65100; }"
            "#connectionBanner QLabel { color: black; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(10)
        self.icon = QLabel()
        self.icon.setObjectName("connectionBannerIcon")
        style = self.style()
        self.icon.setPixmap(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.icon)
        self.text = QLabel()
        self.text.setObjectName("connectionBannerText")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.text, 1)
        self._since: datetime | None = None
        self._attempt = 0
        # time.monotonic() of the next attempt (the feed waits in real time, whatever the clock).
        self._next_try: float | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_MS)
        self._countdown.timeout.connect(self._say)
        self.hide()

    @property
    def lost_since(self) -> datetime | None:
        """When the link was lost (aware UTC), None while it is up."""
        return self._since

    def show_lost(self, since: datetime, attempt: int, retry_in: float | None, detail: str = "") -> None:
        self._since = since
        self._attempt = attempt
        self._next_try = None if retry_in is None else time.monotonic() + max(0.0, retry_in)
        self.setToolTip(detail)
        self._say()
        self.show()
        self._countdown.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """The words' height for the width they have: the window's tool bar sizes its widget by its
        size hint, which for wrapped words is a narrow, tall box (the banner took 115 px at 1366 wide)."""
        width = self.text.width()
        if width < 100:  # not laid out yet: about the window's width less the icon and margins
            width = max(200, self.window().width() - 80)
        self.text.setFixedHeight(self.text.heightForWidth(width))

    def show_restored(self) -> None:
        self._since = None
        self._next_try = None
        self._countdown.stop()
        self.hide()

    def _say(self) -> None:
        if self._since is None:
            return
        left = None if self._next_try is None else math.ceil(self._next_try - time.monotonic())
        if left is None or left <= 0:
            trying = translate("ConnectionBanner", "reconnecting now")
        else:
            trying = translate("ConnectionBanner", "reconnecting (next try in %1 s)").replace("%1", str(left))
        if self._attempt > 0:
            trying = (
                translate("ConnectionBanner", "%1, attempts so far: %2")
                .replace("%1", trying)
                .replace("%2", str(self._attempt))
            )
        self.text.setText(
            translate(
                "ConnectionBanner",
                "CONNECTION TO THE DATABASE LOST at %1; %2. What you type is kept and saved when it is back.",
            )
            .replace("%1", local_time(self._since, self._zone))
            .replace("%2", trying)
        )
        self._fit_height()
