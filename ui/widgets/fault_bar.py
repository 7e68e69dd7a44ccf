"""The bar that tells a person what failed: the database not answering, or an unexpected error."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from dispatch.services.uow import DatabaseUnavailable, classify

translate = QCoreApplication.translate


class FaultBar(QLabel):
    """Shown while the database does not answer (hidden by its next commit), and after an unexpected
    error (hidden when acknowledged). Words first, colour second."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("faultBar")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #4a148c; color: white; font-size: 15px; font-weight: bold; padding: 6px;"
        )
        self.database_fault: DatabaseUnavailable | None = None
        self.unexpected: list[str] = []
        self.hide()

    def report(self, error: BaseException) -> None:
        # A read that met a database gone away arrives as the driver's error: classified here too.
        unavailable = classify(error)
        if unavailable is not None:
            self.database_fault = unavailable
        else:
            self.unexpected.append(f"{type(error).__name__}: {error}"[:300])
        self._show()

    def database_answered(self) -> None:
        """A unit of work committed: the database accepts writes again."""
        if self.database_fault is not None:
            self.database_fault = None
            self._show()

    def acknowledge(self) -> bool:
        """Hide the unexpected errors shown (they stay in the log); True if there were any."""
        had = bool(self.unexpected)
        self.unexpected = []
        self._show()
        return had

    def _show(self) -> None:
        lines = []
        if self.database_fault is not None:
            reason = {
                "busy": translate("FaultBar", "another console or program holds it"),
                "lost": translate("FaultBar", "the connection to it is lost"),
            }.get(self.database_fault.reason, translate("FaultBar", "it refused the write"))
            lines.append(
                translate(
                    "FaultBar",
                    "⚠ DATABASE NOT ANSWERING (%1): what you just did was NOT saved. Try again;"
                    " calls from the feeds are kept and stored when it answers.",
                ).replace("%1", reason)
            )
        if self.unexpected:
            lines.append(
                translate(
                    "FaultBar",
                    "⚠ UNEXPECTED ERROR: %1. It is in the console's log; tell the supervisor."
                    " Ctrl+Shift+A acknowledges.",
                ).replace("%1", self.unexpected[-1])
            )
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
