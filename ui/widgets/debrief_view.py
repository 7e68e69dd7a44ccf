"""The debrief: a training session and a trainee chosen, their debrief as the report page shows it
(each call's actions beside the expected ones, the score per dimension, the history over sessions),
and saving it as PDF.

A view only: the training presenter (:mod:`ui.presenters.training_work`) reads and words the debrief
(``ui.reports`` kind "debrief") and fills it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.choices import fill_choices

translate = QCoreApplication.translate


class DebriefView(QWidget):
    """Signals:
    session_chosen(int): a session was picked (its id).
    trainee_chosen(int): a trainee was picked (a user id; 0 for every trainee of the session).
    action_requested(str): a button for a registry action was pressed (its id).
    """

    session_chosen = Signal(int)
    trainee_chosen = Signal(int)
    action_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("debriefView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        top = QGridLayout()
        top.setSpacing(4)
        self.sessions = QComboBox()
        self.sessions.setObjectName("debriefSessions")
        self.sessions.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sessions.setMinimumContentsLength(24)
        self.sessions.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.trainees = QComboBox()
        self.trainees.setObjectName("debriefTrainees")
        self.trainees.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.trainees.setMinimumContentsLength(14)
        session_label = QLabel(translate("DebriefView", "Session (Ctrl+0)"))
        session_label.setBuddy(self.sessions)
        trainee_label = QLabel(translate("DebriefView", "Trainee"))
        trainee_label.setBuddy(self.trainees)
        self.save_button = QPushButton(translate("DebriefView", "Save as PDF (Ctrl+Shift+D)"))
        self.save_button.setObjectName("debriefSave")
        self.save_button.clicked.connect(lambda: self.action_requested.emit("training.debriefPdf"))
        top.addWidget(session_label, 0, 0)
        top.addWidget(self.sessions, 0, 1)
        top.addWidget(trainee_label, 0, 2)
        top.addWidget(self.trainees, 0, 3)
        top.addWidget(self.save_button, 0, 4)
        top.setColumnStretch(1, 3)
        top.setColumnStretch(3, 2)
        layout.addLayout(top)
        self.state = QLabel()
        self.state.setObjectName("debriefState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.page = QTextBrowser()
        self.page.setObjectName("debriefPage")
        self.page.setOpenLinks(False)
        self.page.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.page, 1)
        self.sessions.activated.connect(lambda _index: self._session_picked())
        self.trainees.activated.connect(lambda _index: self._trainee_picked())

    def set_sessions(self, choices: Sequence[tuple[str, int]], current: int | None) -> None:
        """(words, session id) newest first; ``current`` picked (the first when None or not listed)."""
        fill_choices(self.sessions, choices, current)

    def set_trainees(self, choices: Sequence[tuple[str, int]], current: int | None) -> None:
        fill_choices(self.trainees, choices, current)

    def chosen_session(self) -> int | None:
        data = self.sessions.currentData()
        return None if data is None else int(data)

    def chosen_trainee(self) -> int | None:
        data = self.trainees.currentData()
        return None if data is None or int(data) == 0 else int(data)

    def show_page(self, html: str, state: str = "") -> None:
        self.page.setHtml(html)
        self.state.setText(state)
        self.state.setVisible(bool(state))

    def _session_picked(self) -> None:
        chosen = self.chosen_session()
        if chosen is not None:
            self.session_chosen.emit(chosen)

    def _trainee_picked(self) -> None:
        self.trainee_chosen.emit(self.chosen_trainee() or 0)
