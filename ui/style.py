"""The console's one application-wide style rule: keyboard focus on a button is seen at a glance.

Fusion marks a focused button with a one-pixel tint of its frame: working by keyboard alone, in the
accounts dialog, nobody could tell which button Space would press. The rule below draws a 3 px ring
(2 px on check boxes and radio buttons) in the palette's highlight colour around the focused button,
so it follows a dark palette as it follows the light one (``palette(highlight)``, ``palette(button)``).
Nothing else is styled: unfocused buttons keep the platform style's own look, and the boards paint
as they did (see ``FocusRingStyle``). ``ui.app`` applies it before the first dialog.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QProxyStyle,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

# Set on each button as it is polished (see ``FocusRingStyle``).
FOCUS_RULES = """
QPushButton:focus, QToolButton:focus {
    border: 3px solid palette(highlight);
    border-radius: 4px;
    background-color: palette(button);
    color: palette(button-text);
    padding: 1px 9px;
    min-height: 18px;
    outline: none; /* the ring is the focus mark: no dotted box around the label inside it */
}
QPushButton:focus:pressed, QToolButton:focus:pressed {
    background-color: palette(mid);
}
QCheckBox:focus, QRadioButton:focus {
    border: 2px solid palette(highlight);
    border-radius: 3px;
}
"""
_BUTTONS = (QPushButton, QToolButton, QCheckBox, QRadioButton)


class FocusRingStyle(QProxyStyle):
    """The platform's style, with ``FOCUS_RULES`` given to every button as it is polished.

    Only the buttons get the rule: an application-wide style sheet sends every widget's painting
    through Qt's style-sheet engine, and a full repaint of a 2,000-row table took 25-50 % longer with
    it (4.3 ms, then 5.4-6.7 ms; offscreen, 1900x1000). A button with a style sheet of its own keeps
    it (its owner chose its look).
    """

    def polish(self, target: QWidget | QPalette | QApplication) -> object:  # type: ignore[override]
        if isinstance(target, _BUTTONS) and not target.styleSheet():
            target.setStyleSheet(FOCUS_RULES)  # polished again, now with a style sheet: left alone
        return super().polish(target)


def apply_focus_style(app: QApplication) -> FocusRingStyle:
    """Give the application the focus ring (widgets made from now on; call before the first window)."""
    current = app.style()
    if isinstance(current, FocusRingStyle):
        return current
    style = FocusRingStyle(current.name())
    app.setStyle(style)
    return style
