"""Feeds in the settings: add, edit, test and remove the console's caller-ID and PBX feeds.

"Test" opens the feed right here and shows what it decodes, live, without storing anything: the
installer's check that the wiring works, as ``dispatch-console listen`` does on the command line.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.clock import SystemClock
from dispatch.domain.signals import CallSignal
from dispatch.feeds.listen import signal_json
from dispatch.feeds.runner import FeedHealth, FeedRunner, FeedState
from dispatch.feeds.urls import FeedUrl, FeedUrlError, SimFeedUrl, parse_feed_url

translate = QCoreApplication.translate

#: The URL as typed (a secret included); the list shows it masked.
URL_ROLE = Qt.ItemDataRole.UserRole


class _TestSink(QObject):
    """Frames from the test runner's thread, delivered to the dialog as queued signals."""

    line = Signal(str)

    def signal(self, signal: CallSignal) -> None:
        self.line.emit(signal_json(signal))

    def rejected(self, feed: str, raw: bytes, reason: str, received_at: datetime) -> None:
        self.line.emit(f"rejected: {reason}: {raw.decode('latin-1')!r}")


class FeedListEditor(QWidget):
    """The feed URLs of the settings (``urls``), with a field that says what is wrong with a URL."""

    _health = Signal(object)

    def __init__(self, urls: list[str], region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._region = region
        self._runner: FeedRunner | None = None
        self._sink = _TestSink(self)
        self._sink.line.connect(self._show_line)
        self._health.connect(self._show_health)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("feedList")
        for url in urls:
            self.list.addItem(self._display(url))
            self.list.item(self.list.count() - 1).setData(URL_ROLE, url)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.url = QLineEdit()
        self.url.setObjectName("feedUrl")
        self.url.setPlaceholderText(
            "serial:/dev/ttyUSB0?protocol=modem · ncid://host:3333 · ami://user:secret@pbx"
        )
        row.addWidget(self.url, 1)
        self.add_button = QPushButton(translate("FeedSettings", "&Add"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(translate("FeedSettings", "&Edit"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(translate("FeedSettings", "Re&move"))
        self.remove_button.clicked.connect(self.remove)
        self.test_button = QPushButton(translate("FeedSettings", "&Test"))
        self.test_button.clicked.connect(self.test)
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("feedUrlError")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.test_output = QPlainTextEdit()
        self.test_output.setObjectName("feedTestOutput")
        self.test_output.setReadOnly(True)
        self.test_output.setMaximumBlockCount(500)
        self.test_output.setPlaceholderText(
            translate("FeedSettings", "Test shows here what the feed decodes, live. Nothing is stored.")
        )
        layout.addWidget(self.test_output, 1)

    @property
    def urls(self) -> list[str]:
        return [str(self.list.item(row).data(URL_ROLE)) for row in range(self.list.count())]

    def _display(self, text: str) -> str:
        try:
            return parse_feed_url(text).display
        except FeedUrlError:
            return text

    def _parsed(self) -> FeedUrl | None:
        try:
            url = parse_feed_url(self.url.text())
        except FeedUrlError as error:
            self.error.setText(str(error))
            self.error.show()
            return None
        if isinstance(url, SimFeedUrl):
            self.error.setText(
                translate("FeedSettings", "The simulator runs in training mode (--simulator).")
            )
            self.error.show()
            return None
        self.error.hide()
        return url

    def add(self) -> None:
        if self._parsed() is None:
            return
        text = self.url.text().strip()
        self.list.addItem(self._display(text))
        self.list.item(self.list.count() - 1).setData(URL_ROLE, text)
        self.url.clear()

    def edit(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.url.setText(str(item.data(URL_ROLE)))
        self.list.takeItem(self.list.row(item))
        self.url.setFocus()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.takeItem(self.list.row(item))

    def test(self) -> None:
        """Open the feed in the field (or the selected one) and show its frames until stopped."""
        if self._runner is not None:
            self.stop_test()
            return
        if not self.url.text().strip() and self.list.currentItem() is not None:
            self.url.setText(str(self.list.currentItem().data(URL_ROLE)))
        url = self._parsed()
        if url is None:
            return
        self.test_output.clear()
        self._runner = FeedRunner(url, self._sink, SystemClock(), self._region, on_health=self._health.emit)
        self._runner.start()
        self.test_button.setText(translate("FeedSettings", "S&top test"))

    def stop_test(self) -> None:
        if self._runner is not None:
            self._runner.stop()
            self._runner = None
        self.test_button.setText(translate("FeedSettings", "&Test"))

    @Slot(str)
    def _show_line(self, text: str) -> None:
        self.test_output.appendPlainText(text)

    @Slot(object)
    def _show_health(self, health: FeedHealth) -> None:
        if health.state is FeedState.UP and health.last_frame_at is None:
            self.test_output.appendPlainText(
                translate("FeedSettings", "listening: %1").replace("%1", health.feed)
            )
        elif health.state is FeedState.DOWN:
            self.test_output.appendPlainText(
                translate("FeedSettings", "not connected: %1 (trying again)").replace("%1", health.detail)
            )
