"""The figures dock: a shift or a period chosen, its figures table, its forwarding to agencies, and its
charts.

A view: the figures presenter (:mod:`ui.presenters.figures_work`) reads and words what it shows.
The charts (:mod:`ui.widgets.figure_charts`, the one module importing QtCharts) are made the first
time their tab is shown, so the console's start-up does not pay for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.choices import fill_choices

if TYPE_CHECKING:
    from ui.presenters.figures_work import ChartData
    from ui.widgets.figure_charts import FigureCharts

translate = QCoreApplication.translate

#: ``FigureRow.kind``: a measure's name (across the table), its count and percentiles, a target.
HEADING, VALUES, TARGET = "heading", "values", "target"


@dataclass(frozen=True)
class FigureRow:
    """One line of the figures table, in words (the figures presenter makes them)."""

    kind: str
    what: str
    p50: str = ""
    p90: str = ""
    p95: str = ""
    within: str = ""
    met: str = ""
    #: A target's: met, not met, or None without samples (a missed target is also in bold).
    met_value: bool | None = None
    #: The heading's tooltip: what the measure is, from when to when ("" for other rows).
    about: str = ""


@dataclass(frozen=True)
class ForwardingRow:
    """One line of the forwarding table: an agency's name across it (``HEADING``), or a measure."""

    kind: str
    what: str
    count: str = ""
    p50: str = ""
    p90: str = ""
    never: str = ""
    #: The tooltip: what the measure is, from when to when.
    about: str = ""


class _ShowWatch(QObject):
    """Calls the figures view back the first time its charts' page is shown."""

    def __init__(self, view: FiguresView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._view.charts_page_shown()
        return False


class FiguresView(QWidget):
    """Signals:
    shift_picked(int): a shift chosen in the list (its id).
    period_typed(str, str): Enter in the from or to field (their texts, local time).
    """

    shift_picked = Signal(int)
    period_typed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        chooser = QGridLayout()
        chooser.setHorizontalSpacing(4)
        self.shift_list = QComboBox()
        self.shift_list.setObjectName("figuresShift")
        self.shift_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.shift_list.setMinimumContentsLength(16)
        self.shift_list.activated.connect(self._picked)
        self.since = QLineEdit()
        self.since.setObjectName("figuresFrom")
        self.until = QLineEdit()
        self.until.setObjectName("figuresTo")
        for field in (self.since, self.until):
            field.setPlaceholderText(translate("FiguresView", "YYYY-MM-DD HH:MM"))
            field.returnPressed.connect(lambda: self.period_typed.emit(self.since.text(), self.until.text()))
        shift_label = QLabel(translate("FiguresView", "Shift:"))
        shift_label.setBuddy(self.shift_list)
        since_label = QLabel(translate("FiguresView", "or from:"))
        since_label.setBuddy(self.since)
        until_label = QLabel(translate("FiguresView", "to:"))
        until_label.setBuddy(self.until)
        chooser.addWidget(shift_label, 0, 0)
        chooser.addWidget(self.shift_list, 0, 1, 1, 3)
        chooser.addWidget(since_label, 1, 0)
        chooser.addWidget(self.since, 1, 1)
        chooser.addWidget(until_label, 1, 2)
        chooser.addWidget(self.until, 1, 3)
        chooser.setColumnStretch(1, 1)
        chooser.setColumnStretch(3, 1)
        layout.addLayout(chooser)
        hint = QLabel(translate("FiguresView", "Enter in from or to shows the period (local time)."))
        hint.setObjectName("figuresHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.title = QLabel()
        self.title.setObjectName("figuresTitle")
        self.title.setWordWrap(True)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        layout.addWidget(self.title)
        self.problem = QLabel()
        self.problem.setObjectName("figuresProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("figuresTabs")
        layout.addWidget(self.tabs, 1)
        table_page, self.summary, self.table = _table_page(
            "figuresSummary",
            "figuresTable",
            [
                translate("FiguresView", "Measure"),
                "p50",
                "p90",
                "p95",
                translate("FiguresView", "Within"),
                translate("FiguresView", "Target met"),
            ],
        )
        self.tabs.addTab(table_page, translate("FiguresView", "Figures"))

        # The forwarding to agencies has columns of its own (how many never acknowledged), so it is a
        # table of its own, where an agency's name and the measures fit the dock's width.
        forwarding_page, self.forwarding_summary, self.forwarding_table = _table_page(
            "forwardingSummary",
            "forwardingFigures",
            [
                translate("FiguresView", "Measure"),
                translate("FiguresView", "Count"),
                translate("FiguresView", "Median"),
                "p90",
                translate("FiguresView", "Never"),
            ],
        )
        self.forwarding_page = forwarding_page
        self.tabs.addTab(forwarding_page, translate("FiguresView", "Forwarding"))

        self.charts_scroll = QScrollArea()
        self.charts_scroll.setObjectName("chartsScroll")
        self.charts_scroll.setWidgetResizable(True)
        self.charts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.charts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.charts_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.charts_scroll.installEventFilter(_ShowWatch(self))
        self.tabs.addTab(self.charts_scroll, translate("FiguresView", "Charts"))
        #: Made the first time the charts' tab is shown (None until then).
        self.charts: FigureCharts | None = None
        self._chart_data: tuple[ChartData, tzinfo] | None = None

    def first_field(self) -> QWidget:
        return self.shift_list

    def _picked(self, index: int) -> None:
        shift_id = self.shift_list.itemData(index)
        if isinstance(shift_id, int):
            self.shift_picked.emit(shift_id)

    # -- filled by the presenter -------------------------------------------------------------------

    def show_shift_list(self, items: Sequence[tuple[int, str]], current: int | None) -> None:
        """The shifts to choose from, (id, words), newest first; ``current`` selected."""
        choices: list[tuple[str, object]] = [(text, shift_id) for shift_id, text in items]
        fill_choices(
            self.shift_list, choices or [(translate("FiguresView", "No shift opened yet"), None)], current
        )

    def show_period_texts(self, since: str, until: str) -> None:
        self.since.setText(since)
        self.until.setText(until)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def show_figures(
        self,
        title: str,
        summary: str,
        rows: Sequence[FigureRow],
        charts: ChartData,
        zone: tzinfo,
        forwarding_summary: str = "",
        forwarding: Sequence[ForwardingRow] = (),
    ) -> None:
        self.title.setText(title)
        self._show_forwarding(forwarding_summary, forwarding)
        self.summary.setText(summary)
        self.table.clearSpans()
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            if row.kind == HEADING:
                # The measure's name across the table: whole, whatever the dock's width.
                item = QTableWidgetItem(row.what)
                item.setToolTip(row.about or row.what)
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                self.table.setItem(number, 0, item)
                self.table.setSpan(number, 0, 1, self.table.columnCount())
                continue
            cells = (row.what, row.p50, row.p90, row.p95, row.within, row.met)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 5 and row.met_value is False:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(number, column, item)
        self.table.resizeRowsToContents()
        self._chart_data = (charts, zone)
        if self.charts is not None:
            self.charts.show_data(charts, zone)

    def _show_forwarding(self, summary: str, rows: Sequence[ForwardingRow]) -> None:
        table = self.forwarding_table
        self.forwarding_summary.setText(summary)
        table.clearSpans()
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            if row.kind == HEADING:
                item = QTableWidgetItem(row.what)
                item.setToolTip(row.about or row.what)
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                table.setItem(number, 0, item)
                table.setSpan(number, 0, 1, table.columnCount())
                continue
            for column, text in enumerate((row.what, row.count, row.p50, row.p90, row.never)):
                item = QTableWidgetItem(text)
                item.setToolTip(row.about if column == 0 and row.about else text)
                if column > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(number, column, item)
        table.resizeRowsToContents()

    def charts_page_shown(self) -> None:
        """The charts are made now, the first time they are seen (QtCharts is imported here)."""
        if self.charts is None:
            from ui.widgets.figure_charts import FigureCharts

            self.charts = FigureCharts()
            self.charts_scroll.setWidget(self.charts)
            if self._chart_data is not None:
                self.charts.show_data(*self._chart_data)

    def chart_values(self) -> dict[str, Any]:
        """For tests and scripts: the charts made now (their tab shown first if need be)."""
        self.tabs.setCurrentWidget(self.charts_scroll)
        self.charts_page_shown()
        assert self.charts is not None
        return dict(self.charts.charts)


def _table_page(
    summary_name: str, table_name: str, headers: list[str]
) -> tuple[QWidget, QLabel, QTableWidget]:
    """A tab of the figures: a summary line over a read-only table whose first column (the measure)
    takes the room left and the others their contents' width."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 4, 0, 0)
    summary = QLabel()
    summary.setObjectName(summary_name)
    summary.setWordWrap(True)
    layout.addWidget(summary)
    table = QTableWidget(0, len(headers))
    table.setObjectName(table_name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    layout.addWidget(table, 1)
    return page, summary, table
