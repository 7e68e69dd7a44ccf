"""A one-key choice strip: the next key press picks an option, Esc cancels.

Used wherever a call-taker picks from a short list without a dialog (classifying a call, closing
an incident, choosing a unit status), so that each of these is two key presses in all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

translate = QCoreApplication.translate


class ChoiceBar(QFrame):
    """Signals: ``chosen(object)`` with the option's value; ``cancelled()``."""

    chosen = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("#choiceBar { background: #e3f2fd; border: 2px solid #1565c0; }")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        self._prompt = QLabel()
        self._prompt.setObjectName("choicePrompt")
        self._prompt.setStyleSheet("font-weight: bold;")
        # A long question (the units still out, named) wraps instead of widening the window.
        self._prompt.setWordWrap(True)
        outer.addWidget(self._prompt)
        # Options wrap onto a second row rather than run off a 1366-pixel screen.
        self._layout = QGridLayout()
        self._layout.setHorizontalSpacing(6)
        self._layout.setVerticalSpacing(2)
        outer.addLayout(self._layout)
        # Said when a key that is not one of the choices is pressed: which keys work.
        self._hint = QLabel()
        self._hint.setObjectName("choiceHint")
        self._hint.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self._hint.setWordWrap(True)
        self._hint.hide()
        outer.addWidget(self._hint, 1)
        outer.addStretch(1)
        self._options: dict[str, Any] = {}
        self._buttons: list[QPushButton] = []
        self._return_focus: QWidget | None = None
        self._on_chosen: Callable[[Any], None] | None = None
        self.hide()

    def ask(
        self,
        prompt: str,
        options: Sequence[tuple[str, str, Any]],
        on_chosen: Callable[[Any], None],
        return_focus: QWidget | None = None,
    ) -> None:
        """Show ``options`` as (key, label, value); the key is a single letter or digit."""
        self._on_chosen = on_chosen
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        self._prompt.setText(prompt)
        self._hint.hide()
        self._options = {}
        per_row = 4 if len(options) > 4 else len(options) + 1
        for position, (key, label, value) in enumerate(options):
            self._options[key.upper()] = value
            button = QPushButton(f"[{key.upper()}] {label}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, v=value: self._choose(v))
            self._layout.addWidget(button, position // per_row, position % per_row)
            self._buttons.append(button)
        cancel = QPushButton(translate("ChoiceBar", "[Esc] Cancel"))
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self._cancel)
        self._layout.addWidget(cancel, len(options) // per_row, len(options) % per_row)
        self._buttons.append(cancel)
        self._return_focus = return_focus
        self.show()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._cancel()
            return
        key = event.text().upper()
        if key in self._options:
            self._choose(self._options[key])
            return
        event.accept()  # any other key is swallowed: nothing typed leaks into a field behind
        if event.key() not in MODIFIER_KEYS:
            self._say_which_keys_work(key_name(event))

    def _say_which_keys_work(self, pressed: str) -> None:
        self._hint.setText(
            translate("ChoiceBar", "%1 is not one of the choices: press %2, or Esc to cancel.")
            .replace("%2", ", ".join(self._options))
            .replace("%1", pressed)
        )
        self._hint.show()

    @property
    def hint(self) -> str:
        """What the bar says after a key that is not a choice ("" while it says nothing)."""
        return self._hint.text() if self._hint.isVisibleTo(self) else ""

    @property
    def prompt(self) -> str:
        """The question asked."""
        return self._prompt.text()

    @property
    def options(self) -> dict[str, Any]:
        return dict(self._options)

    def _choose(self, value: Any) -> None:
        callback = self._on_chosen
        self._close()
        if callback is not None:
            callback(value)
        self.chosen.emit(value)

    def _cancel(self) -> None:
        self._close()
        self.cancelled.emit()

    def _close(self) -> None:
        self._on_chosen = None
        self.hide()
        if self._return_focus is not None:
            self._return_focus.setFocus(Qt.FocusReason.OtherFocusReason)


MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
}


def key_name(event: QKeyEvent) -> str:
    """A key pressed, to name in "X is not one of the choices": its text when it has one ("1", "Y"),
    else as the keyboard labels it (F5, Space, Ctrl+X)."""
    text = event.text().upper()
    if text.isprintable() and text.strip():
        return text
    return QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.NativeText)
