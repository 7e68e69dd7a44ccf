"""Asks a supervisor why a unit's status is being forced outside its lifecycle (the reason is audited)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from dispatch.domain.lifecycle import MAX_OVERRIDE_REASON

translate = QCoreApplication.translate


class OverrideReasonDialog(QDialog):
    """``submit(reason)`` applies the override and returns an error text, or "" when done."""

    def __init__(self, prompt: str, submit: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideReasonDialog")
        self.setWindowTitle(translate("OverrideReasonDialog", "Override the unit's status"))
        self._submit = submit
        layout = QVBoxLayout(self)
        question = QLabel(prompt)
        question.setWordWrap(True)
        layout.addWidget(question)
        label = QLabel(translate("OverrideReasonDialog", "&Reason (recorded in the audit log):"))
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setMaxLength(MAX_OVERRIDE_REASON)
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setObjectName("overrideReasonError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        layout.addWidget(self.error)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _accept(self) -> None:
        reason = self.reason.text().strip()
        problem = (
            translate("OverrideReasonDialog", "Write why the status is overridden.")
            if not reason
            else self._submit(reason)
        )
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()
