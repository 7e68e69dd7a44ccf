"""The supervisor's watch list: numbers to watch (with a reason) and "block requested from telco" marks.

Flags only inform the call-taker; a flagged number's calls ring and are answered like any other.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.callers import FlagProblem, NumberFlagKind
from dispatch.domain.permissions import Action, can
from dispatch.domain.phone import format_national
from dispatch.services import callers
from dispatch.services.context import ServiceContext, ServiceError
from ui import labels
from ui.timefmt import local_datetime

translate = QCoreApplication.translate

FlagIdRole = Qt.ItemDataRole.UserRole + 1


def flag_problem(problem: FlagProblem) -> str:
    return {
        FlagProblem.NUMBER_MISSING: translate("WatchList", "Enter the number."),
        FlagProblem.NUMBER_WITHHELD: translate("WatchList", "A withheld number cannot be flagged."),
        FlagProblem.REASON_MISSING: translate("WatchList", "Say why (shown to the call-taker)."),
        FlagProblem.REASON_TOO_LONG: translate("WatchList", "At most 500 characters."),
        FlagProblem.CONTROL_CHARACTERS: translate("WatchList", "Remove the control characters."),
        FlagProblem.ALREADY_FLAGGED: translate("WatchList", "This number already has this flag."),
    }[problem]


def refusal(code: str) -> str:
    if code == "supervisor_only":
        return translate("WatchList", "Only a supervisor changes the watch list.")
    return labels.service_error(code)


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b71c1c;")
    label.setWordWrap(True)
    label.hide()
    return label


class WatchListDialog(QDialog):
    def __init__(self, ctx: ServiceContext, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchListDialog")
        self.setWindowTitle(translate("WatchList", "Watch list"))
        self.resize(760, 520)
        self._ctx = ctx
        self._zone = zone
        layout = QVBoxLayout(self)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("flagTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("WatchList", "Number"),
                translate("WatchList", "Flag"),
                translate("WatchList", "Since"),
                translate("WatchList", "Reason"),
                translate("WatchList", "Carrier / area"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        self.lift_button = QPushButton(translate("WatchList", "Lift the selected flag (Del)"))
        self.lift_button.setObjectName("liftFlag")
        self.lift_button.clicked.connect(self.lift_selected)
        layout.addWidget(self.lift_button)
        lift_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        lift_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        lift_key.activated.connect(self.lift_selected)

        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("flagKind")
        for kind in NumberFlagKind:
            self.kind.addItem(labels.flag_kind(kind), kind)
        self.number = QLineEdit()
        self.number.setObjectName("flagNumber")
        self.number.setPlaceholderText("0812-3456-7890")
        self.number_error = _error_label("flagNumberError")
        self.reason = QLineEdit()
        self.reason.setObjectName("flagReason")
        self.reason.setMaxLength(2000)  # longer than allowed, so that the error shows rather than a cut
        self.reason.setPlaceholderText(
            translate("WatchList", "Why (watch) or how and to whom the block was requested")
        )
        self.reason_error = _error_label("flagReasonError")
        form.addRow(translate("WatchList", "&Flag"), self.kind)
        form.addRow(translate("WatchList", "&Number"), self.number)
        form.addRow("", self.number_error)
        form.addRow(translate("WatchList", "&Reason / note"), self.reason)
        form.addRow("", self.reason_error)
        layout.addLayout(form)
        self.add_button = QPushButton(translate("WatchList", "&Add"))
        self.add_button.setObjectName("addFlag")
        self.add_button.clicked.connect(self.add_flag)
        # Enter in any field adds (the dialog's default button); Esc closes.
        self.add_button.setDefault(True)
        self.lift_button.setAutoDefault(False)
        layout.addWidget(self.add_button)
        self.message = QLabel()
        self.message.setObjectName("watchListMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        layout.addWidget(buttons)

        if not can(ctx.actor.role, Action.MANAGE_NUMBER_FLAGS):
            for widget in (self.kind, self.number, self.reason, self.add_button, self.lift_button):
                widget.setEnabled(False)
            self.message.setText(translate("WatchList", "Only a supervisor changes the watch list."))
        self.reload()
        self.number.setFocus()

    def reload(self) -> None:
        flags = callers.flagged_numbers(self._ctx)
        self.table.setRowCount(len(flags))
        for row, flag in enumerate(flags):
            shown = format_national(flag.number) if flag.number.startswith("+") else flag.number
            values = [
                shown,
                labels.flag_kind(flag.kind),
                local_datetime(flag.at, self._zone),
                flag.reason,
                callers.number_description(flag.number),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(FlagIdRole, flag.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def add_flag(self) -> None:
        kind = NumberFlagKind(self.kind.currentData())
        add = callers.watch_number if kind is NumberFlagKind.WATCH else callers.request_block
        for label in (self.number_error, self.reason_error):
            label.hide()
        try:
            flag = add(self._ctx, self.number.text(), self.reason.text())
        except ServiceError as error:
            problems = error.details.get("problems", {})
            if not problems:
                self.message.setText(refusal(error.code))
                return
            for field, label in (("number", self.number_error), ("reason", self.reason_error)):
                if field in problems:
                    label.setText(flag_problem(problems[field]))
                    label.show()
            (self.number if "number" in problems else self.reason).setFocus()
            return
        self.message.setText(
            translate("WatchList", "Added: %1, %2.")
            .replace("%1", flag.number)
            .replace("%2", labels.flag_kind(kind))
        )
        self.number.clear()
        self.reason.clear()
        self.reload()
        self.number.setFocus()

    def lift_selected(self) -> None:
        item = self.table.currentItem()
        if item is None:
            self.message.setText(translate("WatchList", "Select a flag to lift."))
            return
        try:
            flag = callers.lift_flag(self._ctx, int(item.data(FlagIdRole)))
        except ServiceError as error:
            self.message.setText(refusal(error.code))
            return
        self.message.setText(
            translate("WatchList", "Lifted: %1, %2.")
            .replace("%1", flag.number)
            .replace("%2", labels.flag_kind(flag.kind))
        )
        self.reload()
