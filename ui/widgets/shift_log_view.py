"""The shift log and quality review dock: filters, the calls found, an incident's timeline; a review
sample, the review form and the incidents closed without narrative.

A view only: the review presenter (:mod:`ui.presenters.review_work`) reads, words and fills it. The
review form is keyboard-answered: on a question's row a digit picks that answer (the keys are shown
beside each question), and the row below becomes current.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.board_columns import board_table

translate = QCoreApplication.translate


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def _line(name: str, placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setObjectName(name)
    line.setClearButtonEnabled(True)
    line.setPlaceholderText(placeholder)
    line.setMaxLength(200)
    return line


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: Sequence[Sequence[str]], fit: bool = True) -> None:
    """Rows of words into ``table``; every cell's whole text in its tooltip (a narrow column elides)."""
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(number, column, item)
    if fit:
        header = table.horizontalHeader()
        cap = max(120, int(table.viewport().width() * 0.45))
        for column in range(table.columnCount() - 1):
            table.resizeColumnToContents(column)
            if header.sectionSize(column) > cap:
                header.resizeSection(column, cap)


class _OnEnter(QObject):
    """Enter on a table's current row is said through ``signal`` (its row number)."""

    def __init__(self, parent: QObject, signal: SignalInstance) -> None:
        super().__init__(parent)
        self._signal = signal

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QTableView):
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched.currentIndex().isValid():
                self._signal.emit(watched.currentIndex().row())
                return True
        return False


class ReviewForm(QTableWidget):
    """The review form, one question a row: a digit answers the current question (its keys are in the
    row). Signals: ``answered(int, str)`` (row, key pressed)."""

    answered = Signal(int, str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        row = self.currentRow()
        if (
            text.isdigit()
            and len(text) == 1
            and row >= 0
            and not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier)
        ):
            self.answered.emit(row, text)  # the presenter moves on when it was an answer
            return
        super().keyPressEvent(event)


class _OnResize(QObject):
    """Calls ``then(width)`` when the watched widget is resized."""

    def __init__(self, parent: QObject, then: Callable[[int], None]) -> None:
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._then(watched.width())
        return False


class ShiftLogView(QWidget):
    """Signals:
    filters_changed(): any filter typed into or chosen (the presenter waits for a pause).
    timeline_wanted(int): Enter on a result row (its row number).
    shift_picked(int): a shift chosen in the shift filter (its id; the from and to follow it).
    sample_wanted(): the Draw button.
    review_picked(int): a sampled call made current (its row number).
    review_opened(int): Enter on a sampled call (its row number): its form to answer.
    review_answered(int, str): a digit on a question's row (row, key).
    review_saved(): Ctrl+Enter in the comment, or the Save button.
    """

    filters_changed = Signal()
    timeline_wanted = Signal(int)
    shift_picked = Signal(int)
    sample_wanted = Signal()
    review_picked = Signal(int)
    review_opened = Signal(int)
    review_answered = Signal(int, str)
    review_saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftLogView")
        self._filter_columns = 0  # none laid out yet
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        outer.addWidget(self.tabs)
        self._build_log()
        self._build_review()

    # -- the shift log --------------------------------------------------------------------------------

    #: Below this width the filters go two a row.
    THREE_FILTERS_WIDTH = 700

    def _flow_filters(self, columns: int) -> None:
        if columns == self._filter_columns:
            return
        self._filter_columns = columns
        grid = self._filter_grid
        for label, field in self._filter_cells:
            grid.removeWidget(label)
            grid.removeWidget(field)
        for column in range(6):
            grid.setColumnStretch(column, 0)
        for place, (label, field) in enumerate(self._filter_cells):
            row, column = divmod(place, columns)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(field, row, column * 2 + 1)
            grid.setColumnStretch(column * 2 + 1, 1)

    def _page_resized(self, width: int) -> None:
        self._flow_filters(3 if width >= self.THREE_FILTERS_WIDTH else 2)

    def _build_log(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        self.shift = _combo("logShift")
        # Narrow enough to share a 1366-pixel window; the whole name is in the list and the tooltip.
        self.shift.setMinimumContentsLength(8)
        self.since = _line("logFrom", translate("ShiftLogView", "YYYY-MM-DD HH:MM"))
        self.until = _line("logTo", translate("ShiftLogView", "YYYY-MM-DD HH:MM"))
        self.user = _combo("logUser")
        self.call_class = _combo("logClass")
        self.category = _combo("logCategory")
        self.number = _line("logNumber", translate("ShiftLogView", "digits of the caller's number"))
        self.incident = _line("logIncident", translate("ShiftLogView", "e.g. 2026-000123"))
        self.text = _line("logText", translate("ShiftLogView", "words in the notes"))
        fields: tuple[tuple[str, QWidget], ...] = (
            (translate("ShiftLogView", "Shift"), self.shift),
            (translate("ShiftLogView", "From"), self.since),
            (translate("ShiftLogView", "To"), self.until),
            (translate("ShiftLogView", "Answered by"), self.user),
            (translate("ShiftLogView", "Class"), self.call_class),
            (translate("ShiftLogView", "Category"), self.category),
            (translate("ShiftLogView", "Number"), self.number),
            (translate("ShiftLogView", "Incident"), self.incident),
            (translate("ShiftLogView", "Full text"), self.text),
        )
        self._filter_grid = grid
        self._filter_cells: list[tuple[QLabel, QWidget]] = []
        for words, field in fields:
            label = QLabel(words)
            label.setBuddy(field)
            self._filter_cells.append((label, field))
        self._flow_filters(2)
        layout.addLayout(grid)
        # Three filters a row where the panel is wide (the review position), two where it shares a
        # 1366-pixel window with other columns (the supervisor position): the panel's minimum width
        # is that of two, so it never squeezes the columns beside it to unreadable.
        page.installEventFilter(_OnResize(page, self._page_resized))
        self.shift.activated.connect(self._shift_picked)
        for combo in (self.user, self.call_class, self.category):
            combo.activated.connect(lambda _index: self.filters_changed.emit())
        for line in (self.since, self.until, self.number, self.incident, self.text):
            line.textEdited.connect(lambda _text: self.filters_changed.emit())

        self.found = QLabel()
        self.found.setObjectName("logFound")
        self.found.setWordWrap(True)
        layout.addWidget(self.found)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("logSplitter")
        splitter.setChildrenCollapsible(False)
        self.results = board_table("shiftLogTable")
        self.results.installEventFilter(_OnEnter(self, self.timeline_wanted))
        self.results.doubleClicked.connect(lambda index: self.timeline_wanted.emit(index.row()))
        splitter.addWidget(self.results)
        timeline = QWidget()
        timeline_layout = QVBoxLayout(timeline)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline_title = QLabel(
            translate("ShiftLogView", "Timeline: Enter on a row shows its incident's.")
        )
        self.timeline_title.setObjectName("timelineTitle")
        self.timeline_title.setWordWrap(True)
        bold = QFont(self.timeline_title.font())
        bold.setBold(True)
        self.timeline_title.setFont(bold)
        timeline_layout.addWidget(self.timeline_title)
        self.timeline = _table(
            "timelineTable",
            [
                translate("ShiftLogView", "Time"),
                translate("ShiftLogView", "What"),
                translate("ShiftLogView", "By"),
                translate("ShiftLogView", "Details"),
            ],
        )
        timeline_layout.addWidget(self.timeline)
        splitter.addWidget(timeline)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.tabs.addTab(page, translate("ShiftLogView", "Shift log (Ctrl+6)"))

    def _shift_picked(self, index: int) -> None:
        shift_id = self.shift.itemData(index)
        if isinstance(shift_id, int):
            self.shift_picked.emit(shift_id)
        self.filters_changed.emit()

    def first_filter(self) -> QWidget:
        return self.shift

    def show_timeline(self, title: str, rows: Sequence[Sequence[str]]) -> None:
        self.timeline_title.setText(title)
        fill(self.timeline, rows)

    # -- quality review -----------------------------------------------------------------------------

    def _build_review(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.sample_period = QLabel()
        self.sample_period.setObjectName("samplePeriod")
        self.sample_period.setWordWrap(True)
        top.addWidget(self.sample_period, 1)
        self.draw = QPushButton(translate("ShiftLogView", "Draw a sample of the period"))
        self.draw.setObjectName("drawSample")
        self.draw.clicked.connect(self.sample_wanted.emit)
        top.addWidget(self.draw)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("reviewSplitter")
        splitter.setChildrenCollapsible(False)
        self.sample = _table(
            "reviewSample",
            [
                translate("ShiftLogView", "Time"),
                translate("ShiftLogView", "Number"),
                translate("ShiftLogView", "Answered by"),
                translate("ShiftLogView", "Class"),
                translate("ShiftLogView", "Incident"),
                translate("ShiftLogView", "Score"),
            ],
        )
        self.sample.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.review_picked.emit(row))
        self.sample.installEventFilter(_OnEnter(self, self.review_opened))
        splitter.addWidget(self.sample)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_title = QLabel()
        self.form_title.setObjectName("reviewFormTitle")
        self.form_title.setWordWrap(True)
        form_layout.addWidget(self.form_title)
        self.form = ReviewForm(0, 3)
        self.form.setObjectName("reviewForm")
        self.form.setHorizontalHeaderLabels(
            [
                translate("ShiftLogView", "Question"),
                translate("ShiftLogView", "Answer"),
                translate("ShiftLogView", "Keys"),
            ]
        )
        self.form.verticalHeader().hide()
        self.form.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.form.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.form.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.form.setWordWrap(True)
        self.form.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.form.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.form.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.form.answered.connect(self.review_answered.emit)
        form_layout.addWidget(self.form, 1)
        bottom = QHBoxLayout()
        self.score = QLabel()
        self.score.setObjectName("reviewScore")
        self.score.setStyleSheet("font-weight: bold;")
        bottom.addWidget(self.score)
        self.comment = _line("reviewComment", translate("ShiftLogView", "Comment (Enter saves the review)"))
        self.comment.setMaxLength(2000)
        self.comment.returnPressed.connect(self.review_saved.emit)
        bottom.addWidget(self.comment, 1)
        self.save = QPushButton(translate("ShiftLogView", "Save review"))
        self.save.setObjectName("saveReview")
        self.save.clicked.connect(self.review_saved.emit)
        bottom.addWidget(self.save)
        form_layout.addLayout(bottom)
        splitter.addWidget(form_box)
        without = QWidget()
        without_layout = QVBoxLayout(without)
        without_layout.setContentsMargins(0, 0, 0, 0)
        self.without_title = QLabel()
        self.without_title.setObjectName("withoutNarrativeTitle")
        self.without_title.setWordWrap(True)
        self.without_title.setStyleSheet("font-weight: bold;")
        without_layout.addWidget(self.without_title)
        self.without = _table(
            "withoutNarrative",
            [
                translate("ShiftLogView", "Incident"),
                translate("ShiftLogView", "Category"),
                translate("ShiftLogView", "Closed"),
                translate("ShiftLogView", "By"),
            ],
        )
        without_layout.addWidget(self.without)
        splitter.addWidget(without)
        # The form most (nine questions), the sample and the list of incidents less.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 1)
        layout.addWidget(splitter, 1)
        self.tabs.addTab(page, translate("ShiftLogView", "Quality review (Ctrl+8)"))
