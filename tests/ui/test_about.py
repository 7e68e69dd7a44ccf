"""Help > About: version, database (password hidden), live or training, schema revision, console,
licence, Qt/PySide6/Python; closed by keyboard."""

from __future__ import annotations

import platform
from dataclasses import replace
from importlib import metadata

import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.services.context import ServiceContext
from dispatch.store.database import REVISIONS, DatabaseKind
from ui.dialogs.about import AboutDialog, show_about
from ui.session import ConsoleSession


def _shown(qtbot: QtBot, session: ConsoleSession) -> tuple[QWidget, AboutDialog]:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    dialog = show_about(parent, session)
    qtbot.waitExposed(dialog)
    return parent, dialog


def test_about_tells_what_runs_here_and_closes_with_escape(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    session = ConsoleSession(ctx, catalogue, "en")
    _parent, dialog = _shown(qtbot, session)
    values = {name: label.text() for name, label in dialog.values.items()}
    version = metadata.version("dispatch-console")
    assert dialog.findChild(QWidget, "aboutTitle").text() == f"Call Center 112 dispatch console {version}"  # type: ignore[union-attr]
    assert values["database"] == ctx.database.display_url
    assert values["database"].endswith("dispatch.sqlite3")
    assert values["kind"] == "Live"
    assert values["revision"] == REVISIONS[-1]  # read from the file itself
    assert values["console"] == "KONSOL-01"
    assert values["licence"] == "GPL-3.0-or-later"
    assert (
        values["runtime"]
        == f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()}"
    )
    assert "NO WARRANTY" in dialog.findChild(QWidget, "aboutNotice").text()  # type: ignore[union-attr]
    assert dialog.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_training_database_and_return_closes(qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue) -> None:
    training = replace(ctx, database=replace(ctx.database, kind=DatabaseKind.TRAINING))
    _parent, dialog = _shown(qtbot, ConsoleSession(training, catalogue, "en"))
    assert dialog.values["kind"].text() == "Training (simulated calls; never a live 112 line)"
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.parametrize(
    "url", ["postgresql+psycopg://console:s3cret-112@127.0.0.1:5432/dispatch", "sqlite:////tmp/x.sqlite3"]
)
def test_a_password_in_the_database_url_is_never_shown(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, url: str
) -> None:
    # The URL as a PostgreSQL console would hold it; the schema revision is still read from the
    # test's own SQLite file (its engine).
    shown_ctx = replace(ctx, database=replace(ctx.database, url=url))
    _parent, dialog = _shown(qtbot, ConsoleSession(shown_ctx, catalogue, "en"))
    text = dialog.values["database"].text()
    assert "s3cret" not in text
    if url.startswith("postgresql"):
        assert text == "postgresql+psycopg://console:***@127.0.0.1:5432/dispatch"
    dialog.reject()
