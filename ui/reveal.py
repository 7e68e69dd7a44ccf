"""Focus that the user can see: a widget given the keyboard focus is first brought into view.

Its dock is shown and raised (a dock may be tabbed behind another, or closed), its tab page is made
current, and every scroll area around it scrolls to it. Ctrl+L and F8 once put the focus in fields
scrolled out of sight: typing showed nothing (issue 10).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea, QStackedWidget, QTabWidget, QWidget


def reveal(widget: QWidget) -> None:
    """Bring ``widget`` into view: its dock, its tab, its place in every scroll area around it."""
    chain: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None:
        chain.append(current)
        current = current.parentWidget()
    for inner, outer in itertools.pairwise(chain):
        if isinstance(outer, QStackedWidget) and isinstance(outer.parentWidget(), QTabWidget):
            tabs = outer.parentWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentWidget(inner)
        elif isinstance(outer, QDockWidget):
            if not outer.isVisible():
                outer.show()
            outer.raise_()
    # A dock just raised or a tab just made current is laid out by a posted event: done now, so
    # that the scroll areas below measure the sizes the user will see.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    # Outermost first: an inner scroll area can only scroll to a widget its own viewport holds.
    for outer in reversed(chain[1:]):
        if isinstance(outer, QScrollArea) and outer.widget() is not None:
            outer.ensureWidgetVisible(widget, 8, 8)


def focus_visibly(widget: QWidget, reason: Qt.FocusReason = Qt.FocusReason.ShortcutFocusReason) -> None:
    """Bring ``widget`` into view, then give it the keyboard focus."""
    reveal(widget)
    widget.setFocus(reason)


def visible_on_screen(widget: QWidget) -> bool:
    """Whether ``widget`` (its first 20 px rows at least) can be seen: shown, inside its window, and
    inside the viewport of every scroll area around it. (Monitors are the window's business:
    ui/positions.py brings back what is left on a monitor that is gone.)"""
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    wanted = QRect(top_left, widget.size())
    wanted.setHeight(min(wanted.height(), 20))
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            viewport = parent.viewport()
            area = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
            if not area.contains(wanted):
                return False
        parent = parent.parentWidget()
    window = widget.window()
    frame = QRect(window.mapToGlobal(window.rect().topLeft()), window.size())
    return frame.contains(wanted)


def scroll_to_top(widget: QWidget) -> None:
    """Every scroll area around ``widget`` back at its top-left (a new incident starts at the top)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.verticalScrollBar().setValue(0)
            parent.horizontalScrollBar().setValue(0)
        parent = parent.parentWidget()


class _KeepFocusInView(QObject):
    """Scrolls the focused widget back into view when the scroll area or its contents change size."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            focused = QApplication.focusWidget()
            inner = self._area.widget()
            if focused is not None and inner is not None and inner.isAncestorOf(focused):
                self._area.ensureWidgetVisible(focused, 8, 8)
        return False


def keep_focus_in_view(area: QScrollArea) -> None:
    """A bar appearing above (a duplicate offer, a choice), a label growing above the field: the
    field being typed into stays in view instead of sliding out of the scroll area."""
    keeper = _KeepFocusInView(area)
    area.viewport().installEventFilter(keeper)
    inner = area.widget()
    if inner is not None:
        inner.installEventFilter(keeper)
