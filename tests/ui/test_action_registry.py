"""One action registry: menus, keys, Help, the command line and the README all come from it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from dispatch.domain.commands import Verb
from ui.actions import ACTIONS, BY_VERB, WINDOW, ActionSpec, Menu, key_clashes, key_table_markdown
from ui.dialogs.help import HelpDialog
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import key_table  # noqa: E402


def test_no_two_actions_share_a_key_within_a_context() -> None:
    assert key_clashes() == []


def test_a_clash_is_found_within_a_scope_and_against_the_window() -> None:
    specs = [
        ActionSpec("a", "A", Menu.CALL, "F2"),
        ActionSpec("b", "B", Menu.CALL, "F2"),
        ActionSpec("c", "C", Menu.NONE, "Ctrl+K", scope="calls"),
        ActionSpec("d", "D", Menu.CALL, "Ctrl+K"),
        ActionSpec("e", "E", Menu.NONE, "Enter", scope="calls"),
        ActionSpec("f", "F", Menu.NONE, "Enter", scope="incidents"),
    ]
    found = {(scope, ids) for scope, _key, ids in key_clashes(specs)}
    assert found == {(WINDOW, "a, b"), ("calls", "d, c")}


def test_ids_are_unique_and_every_verb_has_its_action() -> None:
    assert len({spec.id for spec in ACTIONS}) == len(ACTIONS)
    assert set(BY_VERB) == set(Verb)


def test_the_window_has_one_action_per_registry_entry_with_its_key_and_menu(window: MainWindow) -> None:
    for spec in ACTIONS:
        if not spec.bound:
            assert window.findChild(QAction, spec.id) is None
            continue
        action = window.findChild(QAction, spec.id)
        assert action is not None, spec.id
        assert action.shortcut() == QKeySequence(spec.key)
        if spec.menu is not Menu.NONE:
            assert action in window.binder.menus[spec.menu].actions()


def test_help_lists_every_key_of_the_registry(qtbot: QtBot, window: MainWindow) -> None:
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    listed = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert listed == [spec.keys_words() for spec in ACTIONS if spec.key]
    commands = {dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())}
    assert {"close", "status", "dispatch", "note", "reopen", "help"} <= commands


def test_the_readme_key_table_is_the_registry_s() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert key_table.readme_with_table(readme, key_table_markdown()) == readme
    assert key_table.main(["--check"]) == 0


def test_an_action_that_cannot_run_says_why_and_does_nothing(window: MainWindow) -> None:
    assert window.incidents.shown is None
    assert not window.run_action("closeIncident")
    assert window.status.message() == "No open incident to close."
    assert not window.run_action("findArea")
    assert window.status.message() == "No incident is open."


def test_a_key_and_its_command_run_the_same_code(qtbot: QtBot, window: MainWindow) -> None:
    """F9 then a digit, and ``close . 1``, both go through IncidentWork.close_now."""
    from dispatch.domain.enums import Disposition
    from dispatch.services import calls

    calls_made: list[tuple[int, Disposition]] = []
    original = window.incidents.close_now

    def spy(incident_id: int, disposition: Disposition):  # type: ignore[no-untyped-def]
        calls_made.append((incident_id, disposition))
        return original(incident_id, disposition)

    window.incidents.close_now = spy  # type: ignore[method-assign]
    for _ in range(2):
        ringing = window.session.simulator.ring()  # type: ignore[union-attr]
        window.boards.apply_changes()
        window.calls.answer(ringing)
        incident_id = window.incidents.shown.id  # type: ignore[union-attr]
        calls.hang_up(window.session.ctx, ringing.id)
        if not calls_made:
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F9)
            qtbot.keyClick(window.choice_bar, "1")
        else:
            window.command_line.execute("close . 1")
        assert calls_made[-1] == (incident_id, Disposition.HANDLED)
    assert len(calls_made) == 2
