"""The trainer's panel: the scenarios and the trainees to choose, the run's state and its buttons, the
session's calls as the trainees fill them in, and the line the trainer types as the caller.

A view only: the training presenter (:mod:`ui.presenters.training_work`) words and fills it and does
the work; the buttons ask the window to run the registry's actions (a button and its key check the
same permission and say the same thing when they cannot run).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

IdRole = Qt.ItemDataRole.UserRole + 1

#: The longest line a trainer may type as the caller.
MAX_LIVE_LINE = 500


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # The last column takes the width left (fitting the others to their contents leaves it narrow).
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def fit_columns(table: QTableWidget) -> None:
    """Every column but the last fitted to its contents; the last stretches over the rest (fitting it
    too, with the row numbers hidden, left it at its contents' width and the table half empty)."""
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)


class TrainerPanel(QWidget):
    """Signals:
    action_requested(str): a button for a registry action was pressed (its id).
    scenario_chosen(str): another scenario was selected (its id).
    live_line_entered(str): Enter in the caller's line (the text typed).
    watched_call_chosen(int): a call of the session was selected (its call id).
    """

    action_requested = Signal(str)
    scenario_chosen = Signal(str)
    live_line_entered = Signal(str)
    watched_call_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("trainerPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        # -- what to run and who trains
        self.scenarios = _table(
            "trainingScenarios",
            [
                translate("TrainerPanel", "Scenario"),
                translate("TrainerPanel", "Minutes"),
                translate("TrainerPanel", "Calls"),
                translate("TrainerPanel", "Competencies"),
            ],
        )
        self.scenarios.currentCellChanged.connect(lambda row, *_: self._scenario_row(row))
        self.trainees = QListWidget()
        self.trainees.setObjectName("trainingTrainees")
        self.trainees.setToolTip(translate("TrainerPanel", "Space marks a trainee"))
        choose = QWidget()
        choose_layout = QGridLayout(choose)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.setSpacing(2)
        scenarios_label = QLabel(translate("TrainerPanel", "Scenarios (Ctrl+9)"))
        scenarios_label.setBuddy(self.scenarios)
        trainees_label = QLabel(translate("TrainerPanel", "Trainees (Space marks)"))
        trainees_label.setBuddy(self.trainees)
        choose_layout.addWidget(scenarios_label, 0, 0)
        choose_layout.addWidget(trainees_label, 0, 1)
        choose_layout.addWidget(self.scenarios, 1, 0)
        choose_layout.addWidget(self.trainees, 1, 1)
        choose_layout.setColumnStretch(0, 3)
        choose_layout.setColumnStretch(1, 1)
        self.summary = QLabel()
        self.summary.setObjectName("trainingSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        choose_layout.addWidget(self.summary, 2, 0, 1, 2)

        # -- the run
        self.state = QLabel()
        self.state.setObjectName("trainingState")
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-weight: bold;")
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for action_id, text in (
            ("training.start", translate("TrainerPanel", "Start")),
            ("training.pause", translate("TrainerPanel", "Pause / resume")),
            ("training.speed", translate("TrainerPanel", "Speed")),
            ("training.inject", translate("TrainerPanel", "Ring a call now")),
            ("training.end", translate("TrainerPanel", "End and score")),
        ):
            button = QPushButton(text)
            button.setObjectName(action_id.replace(".", "_") + "_button")
            # Each has its key (the Training menu): Tab goes scenarios, trainees, calls, caller's line.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, a=action_id: self.action_requested.emit(a))
            buttons.addWidget(button)
            self.buttons[action_id] = button
        buttons.addStretch(1)

        # -- the session's calls, as the trainees fill them in
        self.calls = _table(
            "trainingCalls",
            [
                translate("TrainerPanel", "Call"),
                translate("TrainerPanel", "State"),
                translate("TrainerPanel", "Trainee"),
                translate("TrainerPanel", "Incident"),
                translate("TrainerPanel", "Category"),
                translate("TrainerPanel", "Priority"),
                translate("TrainerPanel", "Kelurahan"),
                translate("TrainerPanel", "Units"),
            ],
        )
        self.calls.currentCellChanged.connect(lambda row, *_: self._call_row(row))
        self._calls_shown: list[tuple[int, list[str]]] = []

        # -- the trainer plays the caller
        self.calls.setToolTip(translate("TrainerPanel", "Enter shows the call's incident in the form"))
        self.live_label = QLabel(
            translate("TrainerPanel", "Say as the caller of the selected call (Ctrl+Shift+K):")
        )
        self.live_label.setWordWrap(True)
        self.live_line = QLineEdit()
        self.live_line.setObjectName("trainingLiveLine")
        self.live_line.setMaxLength(MAX_LIVE_LINE)
        self.live_line.setClearButtonEnabled(True)
        self.live_line.setPlaceholderText(
            translate("TrainerPanel", "Type the caller's words; Enter says them")
        )
        self.live_label.setBuddy(self.live_line)
        self.live_line.returnPressed.connect(self._live_entered)

        run = QWidget()
        run_layout = QVBoxLayout(run)
        run_layout.setContentsMargins(0, 0, 0, 0)
        run_layout.setSpacing(2)
        run_layout.addWidget(self.state)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.calls, 1)
        run_layout.addWidget(self.live_label)
        run_layout.addWidget(self.live_line)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("trainerSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(choose)
        splitter.addWidget(run)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("trainingMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    # -- filling -----------------------------------------------------------------------------------

    def set_scenarios(self, rows: Sequence[tuple[str, Sequence[str]]], current: str | None) -> None:
        """(scenario id, the row's cells) in order; ``current`` selected (the first when None)."""
        self.scenarios.blockSignals(True)
        self.scenarios.setRowCount(len(rows))
        chosen = 0
        for row, (scenario_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(IdRole, scenario_id)
                self.scenarios.setItem(row, column, item)
            if scenario_id == current:
                chosen = row
        fit_columns(self.scenarios)
        self.scenarios.setColumnWidth(0, min(self.scenarios.columnWidth(0), 320))
        self.scenarios.blockSignals(False)
        if rows:
            self.scenarios.setCurrentCell(chosen, 0)
            self._scenario_row(chosen)

    def chosen_scenario(self) -> str | None:
        item = self.scenarios.item(self.scenarios.currentRow(), 0)
        return None if item is None else str(item.data(IdRole))

    def set_trainees(self, people: Sequence[tuple[int, str]], marked: set[int]) -> None:
        """(user id, name) of each person who may train; ``marked`` ticked."""
        self.trainees.clear()
        for user_id, name in people:
            item = QListWidgetItem(name)
            item.setData(IdRole, user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if user_id in marked else Qt.CheckState.Unchecked)
            self.trainees.addItem(item)
        if self.trainees.count():
            self.trainees.setCurrentRow(0)

    def marked_trainees(self) -> list[int]:
        return [
            int(self.trainees.item(row).data(IdRole))
            for row in range(self.trainees.count())
            if self.trainees.item(row).checkState() == Qt.CheckState.Checked
        ]

    def mark_trainee(self, user_id: int, marked: bool = True) -> None:
        for row in range(self.trainees.count()):
            item = self.trainees.item(row)
            if int(item.data(IdRole)) == user_id:
                item.setCheckState(Qt.CheckState.Checked if marked else Qt.CheckState.Unchecked)

    def set_calls(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        """(call id, cells) of the session's calls; the selected call stays selected."""
        shown = [(call_id, list(cells)) for call_id, cells in rows]
        if shown == self._calls_shown:
            return  # nothing changed: no layout
        self._calls_shown = shown
        kept = self.selected_call()
        self.calls.blockSignals(True)
        self.calls.setRowCount(len(rows))
        select = -1
        for row, (call_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(IdRole, call_id)
                self.calls.setItem(row, column, item)
            if call_id == kept:
                select = row
        fit_columns(self.calls)
        if select >= 0:
            self.calls.setCurrentCell(select, max(self.calls.currentColumn(), 0))
        self.calls.blockSignals(False)

    def selected_call(self) -> int | None:
        item = self.calls.item(self.calls.currentRow(), 0) if self.calls.currentRow() >= 0 else None
        return None if item is None else int(item.data(IdRole))

    def select_call(self, call_id: int) -> None:
        for row in range(self.calls.rowCount()):
            item = self.calls.item(row, 0)
            if item is not None and int(item.data(IdRole)) == call_id:
                self.calls.setCurrentCell(row, 0)
                return

    def call_rows(self) -> list[list[str]]:
        """The calls table's cells as shown."""
        return [
            [
                item.text() if (item := self.calls.item(row, column)) is not None else ""
                for column in range(self.calls.columnCount())
            ]
            for row in range(self.calls.rowCount())
        ]

    def say(self, text: str) -> None:
        """A message under the panel ("" hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- signals -----------------------------------------------------------------------------------

    def _scenario_row(self, row: int) -> None:
        item = self.scenarios.item(row, 0)
        if item is not None:
            self.scenario_chosen.emit(str(item.data(IdRole)))

    def _call_row(self, row: int) -> None:
        item = self.calls.item(row, 0)
        if item is not None:
            self.watched_call_chosen.emit(int(item.data(IdRole)))

    def _live_entered(self) -> None:
        text = self.live_line.text().strip()
        if text:
            self.live_line_entered.emit(text)
