"""What the training caller has said on the call shown: the trainee's side of a scenario.

One line a row, newest last, each in the reader's language and marked in words with what revealed
it (on answer, a protocol question asked, a word typed into the narrative, a callback, the trainer
playing the caller live): a mark of words, never of colour. A view only: the training presenter
(:mod:`ui.presenters.training_work`) reads the lines and fills it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

translate = QCoreApplication.translate

#: Tall enough for three wrapped lines, short enough to leave the form its height at 1366x768.
MAX_HEIGHT = 150


@dataclass(frozen=True)
class ShownLine:
    """One line as shown: the time (local, ``HH:MM:SS``), what revealed it in words, the text."""

    time: str
    revealed_by: str
    text: str


class CallerLines(QGroupBox):
    def __init__(self) -> None:
        super().__init__(translate("CallerLines", "The caller says (training)"))
        self.setObjectName("callerLines")
        self.setMaximumHeight(MAX_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.heading = QLabel()
        self.heading.setObjectName("callerLinesHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setObjectName("callerLinesList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.show_lines("", [])

    def show_lines(self, caller: str, lines: Sequence[ShownLine]) -> None:
        """The lines of the call from ``caller`` (its number in words; "" when no call is shown)."""
        self.heading.setText(
            translate("CallerLines", "No training call on the line.")
            if not caller
            else translate("CallerLines", "Caller %1: nothing said yet.").replace("%1", caller)
            if not lines
            else translate("CallerLines", "Caller %1:").replace("%1", caller)
        )
        self.list.clear()
        for line in lines:
            item = QListWidgetItem(f"{line.time} [{line.revealed_by}] {line.text}")
            item.setToolTip(line.text)
            self.list.addItem(item)
        self.list.setVisible(bool(lines))
        if lines:
            self.list.scrollToBottom()

    def texts(self) -> list[str]:
        """The rows as shown (tests and the screen reader read the same words)."""
        return [self.list.item(row).text() for row in range(self.list.count())]
