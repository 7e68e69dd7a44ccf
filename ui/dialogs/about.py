"""Help > About: what is running here, on which database, under which licence.

What a supervisor or an installer is asked on the telephone ("which version? which database?"),
read from the running console: the version from the installed package's metadata, the database's
URL (any password hidden), whether it is live or training, its schema revision, the console's name,
the licence, and the versions of Qt, PySide6 and Python.
"""

from __future__ import annotations

import logging
import platform
from dataclasses import dataclass
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from dispatch.store.database import DatabaseKind, current_revision
from ui.session import ConsoleSession

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

DISTRIBUTION = "dispatch-console"
# The licence in pyproject.toml, for a console run from a source tree that is not installed.
LICENCE = "GPL-3.0-or-later"


@dataclass(frozen=True)
class AboutFacts:
    version: str
    database: str
    database_kind: DatabaseKind
    schema_revision: str | None
    console_name: str
    licence: str
    qt: str
    pyside: str
    python: str


def package_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return ""


def package_licence() -> str:
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return LICENCE
    found = meta.json  # the metadata's fields by lower-case name
    return str(found.get("license_expression") or found.get("license") or LICENCE)


def about_facts(session: ConsoleSession) -> AboutFacts:
    database = session.ctx.database
    try:
        revision = current_revision(database.engine)
    except SQLAlchemyError as error:  # the database not answering: the rest is still worth showing
        log.warning("About: schema revision not read: %s", error)
        revision = None
    return AboutFacts(
        version=package_version(),
        database=database.display_url,
        database_kind=database.kind,
        schema_revision=revision,
        console_name=session.ctx.console_name,
        licence=package_licence(),
        qt=qVersion(),
        pyside=PySide6.__version__,
        python=platform.python_version(),
    )


class AboutDialog(QDialog):
    """Closed with Escape, Return or the Close button."""

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("About", "About the Call Center 112 console"))
        self.facts = about_facts(session)
        facts = self.facts
        layout = QVBoxLayout(self)
        title = QLabel(
            translate("About", "Call Center 112 dispatch console %1").replace(
                "%1", facts.version or translate("About", "(version unknown: not installed)")
            )
        )
        title.setObjectName("aboutTitle")
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(title)
        form = QFormLayout()
        kind = (
            translate("About", "Training (simulated calls; never a live 112 line)")
            if facts.database_kind is DatabaseKind.TRAINING
            else translate("About", "Live")
        )
        self.values: dict[str, QLabel] = {}
        for name, label, value in (
            ("database", translate("About", "Database"), facts.database),
            ("kind", translate("About", "Kind"), kind),
            (
                "revision",
                translate("About", "Schema revision"),
                facts.schema_revision or translate("About", "not read (the database did not answer)"),
            ),
            ("console", translate("About", "Console"), facts.console_name),
            ("licence", translate("About", "Licence"), facts.licence),
            (
                "runtime",
                translate("About", "Runs on"),
                translate("About", "Qt %1, PySide6 %2, Python %3")
                .replace("%1", facts.qt)
                .replace("%2", facts.pyside)
                .replace("%3", facts.python),
            ),
        ):
            shown = QLabel(value)
            shown.setObjectName(f"about_{name}")
            shown.setWordWrap(True)
            # Copied into a report or a message to the installer with the mouse or the keyboard.
            shown.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.values[name] = shown
            form.addRow(label, shown)
        layout.addLayout(form)
        notice = QLabel(
            translate(
                "About",
                "This program is free software: you can redistribute it and/or modify it under the "
                "terms of the GNU General Public License, version 3 or (at your option) any later "
                "version. It comes with ABSOLUTELY NO WARRANTY.",
            )
        )
        notice.setObjectName("aboutNotice")
        notice.setWordWrap(True)
        layout.addWidget(notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Return closes it too
        close.setFocus()
        layout.addWidget(buttons)
        self.resize(560, 320)


def show_about(parent: QWidget | None, session: ConsoleSession) -> AboutDialog:
    """Help > About: opened window-modal (``open``); the dialog deletes itself when closed."""
    dialog = AboutDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
