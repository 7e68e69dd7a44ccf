"""The figures' five charts, drawn with QtCharts.

This is the only module that imports ``PySide6.QtCharts`` (a large library): the figures view imports
it the first time its charts are shown, so the console starts as fast as before
(``bench/startup.py``). Every series is named in the legend, a target is a dashed line with its words
(target, share reached, met or not met) and each bar carries its value: nothing is said by colour alone.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dispatch.domain.enums import CallClass
from ui import labels
from ui.presenters.figures_work import ChartData, Histogram, met_phrase, seconds_words, share_words

translate = QCoreApplication.translate

#: The charts by object name, in the order they are shown.
CHART_NAMES = ("callsPerHour", "classMix", "answerTime", "prankShare", "processingTime")
#: Pen styles for the targets of one chart, in turn (told apart without colour).
TARGET_STYLES = (Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
#: Light enough for the bars' black value labels (and for a grey printout).
BAR_COLOUR = QColor("#a9c1dc")
#: Tall enough for an axis, its labels and a two-line legend at 1366x768.
CHART_HEIGHT = 250


def _class_words(code: str | None) -> str:
    if code is None:
        return translate("Figures", "Not classified yet")
    try:
        return labels.call_class(CallClass(code))
    except ValueError:
        return code


def nice_step(top: float, ticks: int = 5) -> float:
    """A step of 1, 2 or 5 times a power of ten giving at most ``ticks`` intervals up to ``top``."""
    step = 1.0
    while top / step > ticks:
        for factor in (2.0, 2.5, 2.0):  # 1 -> 2 -> 5 -> 10 -> 20 ...
            step *= factor
            if top / step <= ticks:
                break
    return step


def count_axis(axis: QValueAxis, top: float) -> None:
    """A count axis from 0 in whole steps (counts are never 0.5), with room above the highest bar."""
    step = nice_step(max(top, 1.0))
    high = step * (int(max(top, 1.0) * 1.1 / step) + 1)
    axis.setRange(0, high)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")


class FigureCharts(QWidget):
    """A column of chart views; ``charts[name]`` is each one's QChart (tests read their series)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCharts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.charts: dict[str, QChart] = {}
        self.views: dict[str, QChartView] = {}
        for name in CHART_NAMES:
            chart = QChart()
            chart.setObjectName(name)
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            # The language's decimal mark in labels (38,6 % in Indonesian).
            chart.setLocale(QLocale())
            chart.setLocalizeNumbers(True)
            chart.setMargins(QMargins(4, 4, 4, 4))
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            # Small enough for two targets' words side by side in a 550-pixel dock.
            legend_font = QFont(chart.legend().font())
            legend_font.setPointSizeF(max(7.0, legend_font.pointSizeF() - 1))
            chart.legend().setFont(legend_font)
            title_font = QFont(chart.titleFont())
            title_font.setBold(True)
            chart.setTitleFont(title_font)
            view = QChartView(chart)
            view.setObjectName(f"{name}View")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_HEIGHT)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(view)
            self.charts[name] = chart
            self.views[name] = view

    # -- drawing -----------------------------------------------------------------------------------

    def show_data(self, data: ChartData, zone: tzinfo) -> None:
        self._calls_per_hour(data, zone)
        self._class_mix(data)
        self._histogram(
            self.charts["answerTime"],
            translate("Figures", "Answer time: calls answered within each band"),
            translate("Figures", "Answer time, s (each band up to its value)"),
            data.answer,
        )
        self._prank_share(data)
        self._histogram(
            self.charts["processingTime"],
            translate("Figures", "Call processing: answer to first unit dispatched"),
            translate("Figures", "Call processing, s (each band up to its value)"),
            data.processing,
        )

    @staticmethod
    def _clear(chart: QChart) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    @staticmethod
    def _attach(chart: QChart, series: QAbstractSeries, *axes: QAbstractAxis) -> None:
        for axis in axes:
            series.attachAxis(axis)

    def _bars(
        self,
        chart: QChart,
        title: str,
        name: str,
        categories: list[str],
        values: list[float],
        axis_title: str,
        value_title: str,
        label_format: str = "@value",
    ) -> tuple[QBarCategoryAxis, QValueAxis]:
        self._clear(chart)
        chart.setTitle(title)
        bars = QBarSet(name)
        bars.setColor(BAR_COLOUR)
        bars.setBorderColor(QColor("black"))
        bars.append(values)
        series = QBarSeries()
        series.setObjectName(f"{chart.objectName()}Bars")
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat(label_format)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        bars.setLabelColor(QColor("black"))
        chart.addSeries(series)
        # The title and the axes say what the bars count; the legend names the targets only.
        for marker in chart.legend().markers(series):
            marker.setVisible(False)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        x_axis.setTitleText(axis_title)
        x_axis.setTruncateLabels(False)
        y_axis = QValueAxis()
        y_axis.setTitleText(value_title)
        count_axis(y_axis, max(values, default=0.0))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        self._attach(chart, series, x_axis, y_axis)
        return x_axis, y_axis

    def _calls_per_hour(self, data: ChartData, zone: tzinfo) -> None:
        def hour(at: datetime | int) -> str:
            return f"{at:02d}" if isinstance(at, int) else at.astimezone(zone).strftime("%H")

        title = (
            translate("Figures", "Calls per hour of the day (all days of the period)")
            if data.hour_of_day
            else translate("Figures", "Calls per hour")
        )
        x_axis, _ = self._bars(
            self.charts["callsPerHour"],
            title,
            translate("Figures", "Calls that started ringing"),
            [hour(at) for at, _ in data.calls_per_hour],
            [float(count) for _, count in data.calls_per_hour],
            translate("Figures", "Hour (local time)"),
            translate("Figures", "Calls"),
        )
        # 24 or 36 hours of labels do not fit a narrow dock: every other one is enough to read.
        x_axis.setLabelsAngle(-90 if len(data.calls_per_hour) > 16 else 0)

    def _class_mix(self, data: ChartData) -> None:
        chart = self.charts["classMix"]
        self._clear(chart)
        total = sum(count for _, count in data.class_mix)
        chart.setTitle(translate("Figures", "Calls by class (%1 in all)").replace("%1", str(total)))
        bars = QBarSet(translate("Figures", "Calls"))
        bars.setColor(BAR_COLOUR)
        bars.setBorderColor(QColor("black"))
        # Top to bottom in the list's order (a horizontal bar chart draws its first category lowest).
        shown = list(reversed(data.class_mix))
        bars.append([float(count) for _, count in shown])
        series = QHorizontalBarSeries()
        series.setObjectName("classMixBars")
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        bars.setLabelColor(QColor("black"))
        chart.addSeries(series)
        y_axis = QBarCategoryAxis()
        y_axis.append([_class_words(code) for code, _ in shown])
        y_axis.setTruncateLabels(False)
        x_axis = QValueAxis()
        x_axis.setTitleText(translate("Figures", "Calls"))
        count_axis(x_axis, max((c for _, c in shown), default=0) * 1.15)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self._attach(chart, series, y_axis, x_axis)
        chart.legend().hide()  # one series: the title says what it counts

    def _histogram(self, chart: QChart, title: str, axis_title: str, found: Histogram) -> None:
        # Each band by its upper edge ("15": more than 10 s, up to 15 s), the last one open.
        step = found.bin_s
        categories = [f"{(index + 1) * step:g}" for index in range(len(found.counts) - 1)]
        categories.append(f">{found.top_s:g}")
        total = sum(found.counts)
        x_axis, y_axis = self._bars(
            chart,
            f"{title} (n = {total})",
            translate("Figures", "Calls or incidents in the band"),
            categories,
            [float(count) for count in found.counts],
            axis_title,
            translate("Figures", "Count"),
        )
        top = y_axis.max()
        for number, threshold in enumerate(found.thresholds):
            line = QLineSeries()
            line.setObjectName(f"{chart.objectName()}Target{number}")
            line.setName(
                translate("Figures", "%1: %2, %3")
                .replace(
                    "%1",
                    translate("Figures", "%1 ≤ %2")
                    .replace("%1", QLocale().toString(threshold.target_share * 100, "f", 0) + " %")
                    .replace("%2", seconds_words(threshold.within_s)),
                )
                .replace("%2", share_words(threshold.share))
                .replace("%3", met_phrase(threshold.met))
            )
            pen = QPen(QColor("black"))
            pen.setWidth(2)
            pen.setStyle(TARGET_STYLES[number % len(TARGET_STYLES)])
            line.setPen(pen)
            line.append(threshold.x, 0.0)
            line.append(threshold.x, top)
            chart.addSeries(line)
            self._attach(chart, line, x_axis, y_axis)

    def _prank_share(self, data: ChartData) -> None:
        categories = [
            translate("Figures", "%1 (%2 of %3)")
            .replace("%1", day.strftime("%d-%m"))
            .replace("%2", str(prank))
            .replace("%3", str(total))
            for day, prank, total in data.prank_by_day
        ]
        values = [round(prank / total * 100, 1) if total else 0.0 for _, prank, total in data.prank_by_day]
        _, y_axis = self._bars(
            self.charts["prankShare"],
            translate("Figures", "Prank calls per day, as a share of all calls"),
            translate("Figures", "Prank calls (%)"),
            categories,
            values,
            translate("Figures", "Day (prank calls of all calls)"),
            "%",
            "@value %",
        )
        y_axis.setRange(0, 100)
        y_axis.setTickInterval(25)
        y_axis.setLabelFormat("%d %%")
