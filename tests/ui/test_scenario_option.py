"""``dispatch-console --scenario ID_OR_FILE [--start]``: a training console with a scenario loaded (and
started for the user who logs in); a file that is not a scenario is named with its line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from dispatch.services import training
from ui.app import EXIT_BAD_SCENARIO, run_console
from ui.cli import build_parser
from ui.dialogs.accounts import FirstSupervisorDialog


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path) -> None:
    """Settings go to the test's folder, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))


def test_a_bad_scenario_file_is_named_with_its_line_and_nothing_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad-drill.json"
    bad.write_text('{\n  "format": "dispatch-scenario/9",\n  "id": "bad-drill"\n}\n', encoding="utf-8")
    database = tmp_path / "training.sqlite3"
    code = run_console(
        build_parser().parse_args(["--db", str(database), "--lang", "en", "--scenario", str(bad)])
    )
    assert code == EXIT_BAD_SCENARIO == 2
    said = capsys.readouterr().err
    assert said.startswith("dispatch-console: bad-drill.json:2:"), said
    assert "format" in said
    assert not database.exists()  # refused before the database is opened


def test_an_unknown_scenario_and_a_live_console_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = str(tmp_path / "training.sqlite3")
    assert run_console(build_parser().parse_args(["--db", database, "--scenario", "no-such-drill"])) == 2
    assert "no scenario 'no-such-drill'" in capsys.readouterr().err
    code = run_console(build_parser().parse_args(["--db", database, "--live", "--scenario", "example-prank"]))
    assert code == 2
    assert "training only" in capsys.readouterr().err
    assert run_console(build_parser().parse_args(["--db", database, "--start"])) == 2
    assert "--start starts the scenario given with --scenario" in capsys.readouterr().err


def test_scenario_start_runs_it_for_the_user_who_logs_in(qtbot: QtBot, tmp_path: Path) -> None:
    from ui.main_window import MainWindow

    seen: dict[str, object] = {}

    def first_start(dialog: QDialog) -> None:
        assert isinstance(dialog, FirstSupervisorDialog)
        dialog.username.setText("sari")
        dialog.full_name.setText("Sari Wulandari")
        dialog.password.setText("rahasia-112")
        dialog.repeated.setText("rahasia-112")
        dialog._create()

    def poll_dialog() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            first_start(widget)
        else:
            QTimer.singleShot(20, poll_dialog)

    def inspect_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, inspect_then_close)
            return
        window = windows[0]
        session = window.session
        run = session.scenario_run
        seen["training"] = session.training
        seen["running"] = run is not None and run.running
        seen["random"] = session.simulator is not None and session.simulator.running
        if run is not None and run.session_id is not None:
            stored = training.session(session.ctx, run.session_id)
            seen["trainees"] = stored.trainee_ids if stored is not None else None
            seen["trainer"] = stored.trainer_id if stored is not None else "?"
        seen["user"] = session.ctx.actor.user_id
        seen["state"] = window.training.state_text()
        window.ask_before_quit = False  # quitting with a run going asks first (tested elsewhere)
        window.close()

    QTimer.singleShot(0, poll_dialog)
    QTimer.singleShot(0, inspect_then_close)
    code = run_console(
        build_parser().parse_args(
            [
                "--db",
                str(tmp_path / "training.sqlite3"),
                "--lang",
                "en",
                "--scenario",
                "example-prank",
                "--start",
            ]
        )
    )
    assert code == 0
    assert seen["training"] is True
    assert seen["running"] is True
    assert seen["random"] is False  # no random caller while the scenario runs
    assert seen["trainees"] == (seen["user"],)
    assert seen["trainer"] is None  # started by the console itself (--start)
    assert str(seen["state"]).startswith("Example: a prank call: running")
