"""Help: every keyboard shortcut, from the same list the window's actions are built from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


class _KeyHelp(Protocol):
    keys: str
    what: str


class HelpDialog(QDialog):
    def __init__(self, entries: Sequence[_KeyHelp], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(translate("HelpDialog", "Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(entries), 2)
        self.table.setHorizontalHeaderLabels(
            [translate("HelpDialog", "Keys"), translate("HelpDialog", "What it does")]
        )
        for row, entry in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(entry.keys))
            self.table.setItem(row, 1, QTableWidgetItem(entry.what))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)
