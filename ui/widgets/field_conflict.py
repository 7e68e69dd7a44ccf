"""Beside a field of the incident form that another console changed since this one showed it: both
values, and the keys that choose (F11 keeps theirs, F12 saves yours over it). Nothing is overwritten
until the person chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import Priority
from ui import labels

translate = QCoreApplication.translate

#: The keys that choose, while the keyboard is in the incident form (the field in conflict first).
KEEP_THEIRS_KEY = Qt.Key.Key_F11
USE_YOURS_KEY = Qt.Key.Key_F12


def value_words(field: str, value: object, catalogue: Catalogue, lang: str) -> str:
    """A field's stored value as the form shows it (a category with its label), quoted; empty said."""
    if value is None or value == "":
        return translate("FieldConflict", "(empty)")
    if field == "category":
        code = str(value)
        try:
            return f"“{code} · {catalogue.get(code).label(lang)}”"
        except KeyError:
            return f"“{code}”"
    if field == "priority":
        try:
            return f"“{labels.priority(Priority(str(value)))}”"
        except ValueError:
            return f"“{value}”"
    if isinstance(value, float):
        return "“" + f"{value:.6f}".rstrip("0").rstrip(".") + "”"
    return f"“{value}”"


def scroll_into_view(widget: QWidget) -> None:
    """Scroll the form so that ``widget`` (a message just shown under a field) can be read; no dock
    is raised and the keyboard stays where it is."""
    # Laid out now, so that the scroll areas measure where it is.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 8, 8)
        parent = parent.parentWidget()


class FieldConflict(QFrame):
    """Hidden until ``show_values``. Signals: ``keep_theirs()``, ``use_yours()`` (its buttons, for the
    mouse; the keys are the form's, see :data:`KEEP_THEIRS_KEY`)."""

    keep_theirs = Signal()
    use_yours = Signal()

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"conflict_{field}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#conflict_{field} {{ background: #fffde7; border: 2px solid #f57f17; }}"
            f" #conflict_{field} QLabel {{ color: black; }}"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(2)
        self.text = QLabel()
        self.text.setObjectName(f"conflictText_{field}")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        # The buttons take no focus: the keyboard stays in the form, where F11 and F12 choose.
        self.keep_button = QPushButton(translate("FieldConflict", "Keep the other console's value (F11)"))
        self.keep_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep_button.clicked.connect(self.keep_theirs)
        self.use_button = QPushButton(translate("FieldConflict", "Use my value (F12)"))
        self.use_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.use_button.clicked.connect(self.use_yours)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.theirs_words = ""
        self.yours_words = ""
        self.hide()

    def show_values(self, theirs: str, yours: str) -> None:
        """``theirs`` and ``yours`` already in words (:func:`value_words`)."""
        self.theirs_words, self.yours_words = theirs, yours
        self.text.setText(
            translate("FieldConflict", "⚠ Changed at another console to: %1 — yours: %2. Not saved yet.")
            .replace("%1", theirs)
            .replace("%2", yours)
        )
        self.show()
