"""The forwarding to agencies in the figures dock and on the printed figures page, from figures counted
by hand (tests/reports/test_forwarding_figures.py): every agency, then each agency by name; the
measures' words fit the dock as wide as it is at 1366x768."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from dispatch.domain.agencies import AgencyReach, AgencySpec
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType
from dispatch.domain.figures import shift_figures
from dispatch.domain.forwarding import ForwardChannel, ReportKind
from dispatch.domain.signals import SignalKind
from dispatch.services import agencies, calls, forwarding
from tests.reports.test_forwarding_figures import FORWARDINGS
from tests.services.support import signal
from tests.ui.keys import CTRL, press
from ui.main_window import MainWindow
from ui.presenters.figures_work import chart_data, forwarding_rows, forwarding_summary
from ui.reports import render_html
from ui.widgets.figures_view import HEADING, FiguresView

WIB = ZoneInfo("Asia/Jakarta")
#: The figures dock's width in the review position at 1366x768.
DOCK_WIDTH = 571


def table_text(view: FiguresView) -> list[list[str]]:
    table = view.forwarding_table
    return [
        [table.item(row, column).text() if table.item(row, column) else "" for column in range(5)]
        for row in range(table.rowCount())
    ]


def test_the_forwarding_table_of_known_figures(qtbot: QtBot) -> None:
    figures = shift_figures((), forwardings=FORWARDINGS)
    view = FiguresView()
    qtbot.addWidget(view)
    view.resize(DOCK_WIDTH, 460)
    view.show()
    since, until = FORWARDINGS[0].incident_created_at, FORWARDINGS[-1].arrived_at
    assert until is not None
    view.show_figures(
        "Morning",
        "",
        [],
        chart_data([], [], figures, since, until, WIB),
        WIB,
        forwarding_summary(figures),
        forwarding_rows(figures),
    )
    view.tabs.setCurrentWidget(view.forwarding_page)
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Forwarding"
    assert view.forwarding_summary.text().startswith("Forwardings of the incidents opened in the period.")
    assert table_text(view) == [
        ["All agencies (forwardings: 6, cancelled: 1)", "", "", "", ""],
        ["Answer to forwarding", "5", "60 s", "2:00 min", ""],
        ["To acknowledgement", "4", "30 s", "2:00 min", "1"],
        ["To arrival reported", "3", "13:00 min", "14:00 min", "2"],
        ["Damkar Kota Semarang (forwardings: 2, cancelled: 0)", "", "", "", ""],
        ["Answer to forwarding", "2", "40 s", "90 s", ""],
        ["To acknowledgement", "2", "0 s", "30 s", "0"],
        ["To arrival reported", "1", "8:00 min", "8:00 min", "1"],
        ["Polsek Tembalang (forwardings: 3, cancelled: 1)", "", "", "", ""],
        ["Answer to forwarding", "2", "20 s", "60 s", ""],
        ["To acknowledgement", "1", "60 s", "60 s", "1"],
        ["To arrival reported", "1", "13:00 min", "13:00 min", "1"],
        ["PSC 119 (forwardings: 1, cancelled: 0)", "", "", "", ""],
        ["Answer to forwarding", "1", "2:00 min", "2:00 min", ""],
        ["To acknowledgement", "1", "2:00 min", "2:00 min", "0"],
        ["To arrival reported", "1", "14:00 min", "14:00 min", "0"],
    ]
    table = view.forwarding_table
    rows = forwarding_rows(figures)
    assert [table.columnSpan(n, 0) for n, row in enumerate(rows) if row.kind == HEADING] == [5] * 4
    # What each measure is, from when to when, in its tooltip.
    assert (
        table.item(2, 0).toolTip()
        == "To acknowledgement: from the forwarding to the agency's acknowledgement"
    )
    # Every word whole at the dock's width: no cell narrower than its text.
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            span = table.columnSpan(row, column)
            width = sum(table.columnWidth(c) for c in range(column, column + span))
            assert QFontMetrics(item.font()).horizontalAdvance(item.text()) < width, item.text()


def test_the_dock_reads_the_forwardings_of_the_shift(
    qtbot: QtBot, window: MainWindow, clock: ManualClock
) -> None:
    """The real window: an incident of the open shift forwarded 40 s after it was opened, acknowledged
    30 s later; Ctrl+7 and the forwarding tab show it."""
    ctx = window.session.ctx
    assert window.run_action("openShift")
    damkar = agencies.create_agency(
        ctx,
        AgencySpec(
            "DAMKAR-SMG", "Damkar Kota Semarang", AgencyType.FIRE, AgencyReach.FORWARD, ack_limit_s=180
        ),
    ).id
    clock.advance(60)
    call = calls.record_signal(ctx.as_system(), signal(SignalKind.RING, clock.now(), call_id="fire"))
    assert call is not None
    clock.advance(5)
    _, incident = calls.answer_call(ctx, call.id)
    clock.advance(40)
    made = forwarding.forward(ctx, incident.id, damkar, channel=ForwardChannel.PHONE)
    clock.advance(30)
    forwarding.report(ctx, made.id, ReportKind.ACKNOWLEDGED)
    window.shifts.refresh()
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_7, CTRL)
    qtbot.waitUntil(lambda: window.figures.current is not None and not window.figures.busy, timeout=5000)
    view = window.figures_view
    view.tabs.setCurrentWidget(view.forwarding_page)
    assert table_text(view) == [
        ["All agencies (forwardings: 1, cancelled: 0)", "", "", "", ""],
        ["Answer to forwarding", "1", "40 s", "40 s", ""],
        ["To acknowledgement", "1", "30 s", "30 s", "0"],
        ["To arrival reported", "0", "–", "–", "1"],
        ["Damkar Kota Semarang (forwardings: 1, cancelled: 0)", "", "", "", ""],
        ["Answer to forwarding", "1", "40 s", "40 s", ""],
        ["To acknowledgement", "1", "30 s", "30 s", "0"],
        ["To arrival reported", "0", "–", "–", "1"],
    ]
    # The printed figures of the same period carry them too.
    document = window.figures.report_data()
    assert document is not None
    assert [row["agency_name"] for row in document["figures"]["forwarding"]] == ["", "Damkar Kota Semarang"]


def test_no_forwarding_says_so(qtbot: QtBot) -> None:
    figures = shift_figures(())
    assert forwarding_rows(figures) == []
    assert forwarding_summary(figures) == "No incident opened in the period was forwarded to an agency."


def test_the_printed_figures_page_has_the_forwarding_table() -> None:
    figures = shift_figures((), forwardings=FORWARDINGS).to_json()
    page = render_html("figures", {"figures": figures}, "en", WIB)
    text = re.sub(r"<[^>]+>", "|", page).replace("\u00a0", " ")
    cells = [cell.strip() for cell in text.split("|") if cell.strip()]
    start = cells.index("Forwarding to agencies")
    assert cells[start : start + 7] == [
        "Forwarding to agencies",
        "Agency",
        "Measure",
        "Samples",
        "Median",
        "p90",
        "Never",
    ]
    # Every agency: its name beside the first measure, its counts beside the second.
    assert cells[start + 7 : start + 26] == [
        "All agencies",
        "Answer to forwarding",
        "5",
        "1:00 min",
        "2:00 min",
        "forwardings: 6, cancelled: 1",
        "To acknowledgement",
        "4",
        "30.0 s",
        "2:00 min",
        "1",
        "To arrival reported",
        "3",
        "13:00 min",
        "14:00 min",
        "2",
        "Damkar Kota Semarang",
        "Answer to forwarding",
        "2",
    ]
    # In Indonesian, numbers as Indonesian writes them.
    indonesian = render_html("figures", {"figures": figures}, "id", WIB)
    assert "30,0\u00a0dtk" in indonesian
    # Figures from before forwarding existed (a report signed earlier) have no such table.
    del figures["forwarding"]
    assert "Forwarding to agencies" not in render_html("figures", {"figures": figures}, "en", WIB)
