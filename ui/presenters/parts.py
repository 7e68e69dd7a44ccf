"""What every presenter works with, handed over once by the window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from ui.presenters.boards import Boards
from ui.session import ConsoleSession
from ui.widgets.choice_bar import ChoiceBar
from ui.widgets.status_line import StatusLine


@dataclass(frozen=True)
class WindowParts:
    """The session, the status line every presenter speaks through, the one-key choice bar, and the
    boards whose change notices they follow."""

    session: ConsoleSession
    status: StatusLine
    choice_bar: ChoiceBar
    boards: Boards


class Presenter(QObject):
    """A panel's state and workflow; the window's parts as attributes."""

    def __init__(self, parts: WindowParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.session = parts.session
        self.status = parts.status
        self.choice_bar = parts.choice_bar
        self.boards = parts.boards
