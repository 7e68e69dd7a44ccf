"""Printing and saving the report in front (Ctrl+Shift+P, Ctrl+Shift+E): the handover report of the
shift shown, or the figures when the figures panel has the keyboard.

Each report is a :class:`ReportSource` (the shift and the figures presenters); the report is worded in
the user's language (``ui.reports``), printed through Qt's print dialog, saved as PDF (A4, readable in
black and white), CSV or JSON. The format is a one-key choice; the file is asked with Qt's own dialog.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from dispatch.services.uow import DatabaseUnavailable
from ui.presenters.parts import Presenter, WindowParts

translate = QCoreApplication.translate

#: The formats Ctrl+Shift+E offers, by their one key.
FORMATS = (("1", "pdf"), ("2", "csv"), ("3", "json"))


def document_bytes(kind: str, document: Mapping[str, Any], fmt: str, language: str) -> bytes:
    """A report's document as the ``report`` command writes it: JSON through ``canonical_json`` (with
    its final newline), CSV with each row described in ``language``."""
    from dispatch.reports.export import report_csv
    from dispatch.reports.handover import canonical_json

    if fmt == "json":
        return (canonical_json(document) + "\n").encode("utf-8")
    if fmt == "csv":
        from ui.reports.csv_words import label
        from ui.reports.document import speaking

        with speaking(language):
            text: str = report_csv(kind, document, lambda row: label(row, language))
            return text.encode("utf-8")
    raise ValueError(f"not a format written as bytes: {fmt!r}")


class ReportSource(Protocol):
    @property
    def report_widget(self) -> QWidget: ...

    def report_title(self) -> str | None: ...

    def report_html(self) -> str | None: ...

    def report_name(self) -> str: ...

    def export_bytes(self, fmt: str) -> bytes | None: ...


class ReportOutput(Presenter):
    def __init__(
        self,
        parts: WindowParts,
        sources: Sequence[ReportSource],
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        self.sources = list(sources)
        self.window = window

    def in_front(self) -> ReportSource:
        """The source whose panel has the keyboard focus; the first (the handover) otherwise."""
        focused = QApplication.focusWidget()
        for source in self.sources:
            if focused is not None and source.report_widget.isAncestorOf(focused):
                return source
        return self.sources[0]

    def print_report(self) -> None:
        """Ctrl+Shift+P: Qt's print dialog for the report in front."""
        source = self.in_front()
        try:
            title, html = source.report_title(), source.report_html()
        except DatabaseUnavailable:
            self.status.show_message(translate("Reports", "Report not read: the database is busy."))
            return
        if title is None or html is None:
            self.status.show_message(translate("Reports", "No report to print yet."))
            return
        from ui.reports.document import print_report

        print_report(html, self.window)

    def export(self) -> None:
        """Ctrl+Shift+E: the format as a one-key choice, then the file."""
        source = self.in_front()
        try:
            title = source.report_title()
        except DatabaseUnavailable:
            self.status.show_message(translate("Reports", "Report not read: the database is busy."))
            return
        if title is None:
            self.status.show_message(translate("Reports", "No report to save yet."))
            return
        self.choice_bar.ask(
            translate("Reports", "Save %1 as:").replace("%1", title),
            [(key, fmt.upper(), fmt) for key, fmt in FORMATS],
            lambda fmt: self._ask_path_and_save(source, str(fmt)),
            QApplication.focusWidget(),
        )

    def _ask_path_and_save(self, source: ReportSource, fmt: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            translate("Reports", "Save the report"),
            str(Path.home() / f"{source.report_name()}.{fmt}"),
            f"{fmt.upper()} (*.{fmt})",
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if name:
            self.save_now(source, fmt, Path(name))

    def save_now(self, source: ReportSource, fmt: str, path: Path) -> bool:
        """Write ``source``'s report as ``fmt`` (pdf, csv, json) to ``path``; said in the status line."""
        try:
            if fmt == "pdf":
                html = source.report_html()
                if html is None:
                    self.status.show_message(translate("Reports", "No report to save yet."))
                    return False
                from ui.reports.document import write_pdf

                write_pdf(html, path)
            else:
                exported = source.export_bytes(fmt)
                if exported is None:
                    self.status.show_message(translate("Reports", "No report to save yet."))
                    return False
                path.write_bytes(exported)
        except DatabaseUnavailable:
            self.status.show_message(translate("Reports", "Report not read: the database is busy."))
            return False
        except OSError as error:
            self.status.show_message(
                translate("Reports", "Not saved: %1").replace("%1", error.strerror or str(error))
            )
            return False
        self.status.show_message(translate("Reports", "Saved: %1").replace("%1", str(path)))
        return True
