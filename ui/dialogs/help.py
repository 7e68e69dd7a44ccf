"""Help: every keyboard shortcut and its command, from the registry the window's actions are built
from (:mod:`ui.actions`), and the command line's commands, status words and dispositions, from the
tables the parser reads."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.commands import DISPOSITION_WORDS, STATUS_WORDS, Verb, Words
from ui import labels
from ui.actions import ACTIONS
from ui.widgets.command_line import syntax

translate = QCoreApplication.translate


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(translate("HelpDialog", "Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        entries = [spec for spec in ACTIONS if spec.key]
        self.table = QTableWidget(len(entries), 3)
        self.table.setObjectName("keyTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("HelpDialog", "Keys"),
                translate("HelpDialog", "What it does"),
                translate("HelpDialog", "Command"),
            ]
        )
        for row, spec in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(spec.keys_words()))
            self.table.setItem(row, 1, QTableWidgetItem(spec.help_words()))
            self.table.setItem(row, 2, QTableWidgetItem(spec.verb.value if spec.verb is not None else ""))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.commands = QTextBrowser()
        self.commands.setObjectName("commandHelp")
        self.commands.setHtml(commands_html())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, translate("HelpDialog", "Keys"))
        self.tabs.addTab(self.commands, translate("HelpDialog", "Commands"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)


def commands_html() -> str:
    """The Commands page: syntax with examples, incident references, status words and dispositions."""
    e = html.escape
    parts = [
        "<h3>" + e(translate("HelpDialog", "Command line (Ctrl+K)")) + "</h3>",
        "<p>"
        + e(
            translate(
                "HelpDialog",
                "The field at the bottom of the window. Enter runs the command; if something is wrong it "
                "says what beside the field, marks the word, and keeps what you typed. Up and Down recall "
                "earlier commands, Tab completes the word (verbs, call signs, incident numbers, statuses), "
                "Esc goes back to where you were. Case does not matter.",
            )
        )
        + "</p>",
        _table(
            [
                translate("HelpDialog", "Command"),
                translate("HelpDialog", "What it does"),
                translate("HelpDialog", "Example"),
            ],
            [list(syntax(verb)) for verb in Verb],
        ),
        "<p>"
        + e(
            translate(
                "HelpDialog",
                "Incident: the full number 2026-000123, the short 123 (this year's incident 123), or . for "
                "the incident open on screen. Several call signs may be separated by spaces or commas.",
            )
        )
        + "</p>",
        "<h4>" + e(translate("HelpDialog", "Status words")) + "</h4>",
        _table(
            _word_headers(translate("HelpDialog", "Status")),
            [_word_row(labels.unit_status(s), w) for s, w in STATUS_WORDS.items()],
        ),
        "<p>"
        + e(
            translate(
                "HelpDialog",
                "Words of several parts may be typed with spaces, hyphens or underscores (en route, "
                "on scene, "
                "false alarm). A unit is dispatched with the dispatch command, never with status.",
            )
        )
        + "</p>",
        "<h4>" + e(translate("HelpDialog", "Dispositions (close)")) + "</h4>",
        _table(
            _word_headers(translate("HelpDialog", "Disposition")),
            [_word_row(labels.disposition(d), w) for d, w in DISPOSITION_WORDS.items()],
        ),
        "<p>"
        + e(
            translate("HelpDialog", "The digits are the same as the keys offered by Close the incident (F9).")
        )
        + "</p>",
    ]
    return "".join(parts)


def _word_headers(first: str) -> list[str]:
    return [
        first,
        translate("HelpDialog", "Short"),
        translate("HelpDialog", "English"),
        translate("HelpDialog", "Indonesian"),
    ]


def _word_row(label: str, words: Words) -> list[str]:
    return [label, words.code, ", ".join(words.english), ", ".join(words.indonesian)]


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
