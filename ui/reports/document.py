"""A report as one document: HTML for the screen (QTextBrowser), the printer and the PDF alike.

:func:`render_html` words a report's data (the plain JSON its report module gives) in the language
asked for, whatever language the window speaks: the language's translator is put in front of the
others while the page is written and taken away after. :func:`write_pdf` and :func:`print_report`
lay the same HTML out on A4 pages through :func:`paint_pages`, which adds a footer to every page: the
report's title and ``page / pages`` (digits need no translation, so the footer is right in any
language without knowing which one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QTranslator
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QDialog, QWidget

from dispatch.resources import resource_path
from ui.reports import debrief, figures_page, handover_page, monthly_page, open_data_page
from ui.reports.common import Writer

#: The report kinds and the page that writes each.
PAGES: dict[str, Callable[[Mapping[str, Any], Writer], str]] = {
    "figures": figures_page.render,
    "handover": handover_page.render,
    "monthly": monthly_page.render,
    "open-data": open_data_page.render,
    "debrief": debrief.render,
}
KINDS = ("handover", "figures", "monthly", "open-data", "debrief")

#: A4 with margins wide enough for a hole punch on the left and a printer's grip all round (mm).
MARGINS_MM = QMarginsF(20, 15, 15, 15)
#: The PDF's resolution: fine enough that text placed by the layout sits exactly where it is measured.
PDF_DPI = 600
FOOTER_POINT_SIZE = 7.5


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Words through ``translate()`` in ``language`` while the block runs (a Q*Application must exist)."""
    if QCoreApplication.instance() is None:
        raise RuntimeError("reports are worded by Qt's translators: create a QGuiApplication first")
    translator = QTranslator()
    path = resource_path("translations", f"dispatch_{language}.qm")
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translation file missing: {path}")
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def render_html(kind: str, data: Mapping[str, Any], language: str, zone: tzinfo) -> str:
    """The report of ``kind`` (handover, figures, monthly, open-data, debrief) as one HTML document."""
    if language not in ("id", "en"):
        raise ValueError(f"unsupported language {language!r}; choose id or en")
    page = PAGES.get(kind)
    if page is None:
        raise ValueError(f"unknown report kind {kind!r}; choose one of {', '.join(KINDS)}")
    with speaking(language):
        return page(data, Writer(language, zone))


def _layout(html: str, device: QPagedPaintDevice) -> tuple[QTextDocument, QRectF, float]:
    """The document laid out for ``device``'s pages: the body's rectangle per page and the footer's height."""
    document = QTextDocument()
    # Fonts measured on the device itself, so what is laid out is what is printed.
    document.documentLayout().setPaintDevice(device)
    document.setHtml(html)
    paint = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer_font = QFont(document.defaultFont())
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    footer = QFontMetricsF(footer_font, device).height() * 2.2
    body = QRectF(0, 0, paint.width(), paint.height() - footer)
    document.setPageSize(QSizeF(body.width(), body.height()))
    return document, body, footer


def paint_pages(html: str, device: QPagedPaintDevice) -> int:
    """Print ``html`` on ``device`` (a QPdfWriter or a QPrinter), a footer on each page; the page count."""
    document, body, footer = _layout(html, device)
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    if isinstance(device, QPdfWriter):
        device.setTitle(title)
    pages = max(1, document.pageCount())
    footer_font = QFont(document.defaultFont())
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or the PDF file could not be opened for writing")
    try:
        layout = document.documentLayout()
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.setClipRect(body)
            painter.translate(0, -page * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body.height(), body.width(), body.height())
            layout.draw(painter, context)
            painter.restore()
            _footer(painter, footer_font, QRectF(0, body.height(), body.width(), footer), title, page, pages)
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, font: QFont, area: QRectF, title: str, page: int, pages: int) -> None:
    painter.save()
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(max(1.0, area.height() / 60))
    painter.setPen(pen)
    rule = area.top() + area.height() * 0.3
    painter.drawLine(QPointF(area.left(), rule), QPointF(area.right(), rule))
    painter.setFont(font)
    text = QRectF(area.left(), rule, area.width(), area.bottom() - rule)
    number = f"{page + 1} / {pages}"
    metrics = QFontMetricsF(font, painter.device())
    # A long title gives way to the page number, never the other way round.
    room = area.width() - metrics.horizontalAdvance(number) - metrics.horizontalAdvance("    ")
    shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
    painter.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
    painter.drawText(text, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number)
    painter.restore()


def _a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def write_pdf(html: str, path: Path) -> None:
    """The report as an A4 PDF at ``path`` (written whole or not at all: a partial file is removed)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setCreator("dispatch-console")
    _a4(writer)
    try:
        paint_pages(html, writer)
    except BaseException:
        del writer
        Path(path).unlink(missing_ok=True)
        raise
    # The file is complete only once the writer is gone (QPdfWriter writes the trailer then).
    del writer


def print_report(html: str, parent: QWidget | None, printer: Any = None) -> None:
    """Ask for a printer (QPrintDialog) and print the report on A4; nothing happens on Cancel.

    ``printer``: a QPrinter set up beforehand (tests print to a PDF file through the dialog).
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    chosen = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(chosen)
    dialog = QPrintDialog(chosen, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    paint_pages(html, chosen)
