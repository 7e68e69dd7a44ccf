"""Training at the window, by keyboard: the trainer starts a scenario, holds and rings its calls and
plays a caller live; the trainee answers, hears the caller's opening, asks a protocol question and
hears the answer, calls a silent caller back and hears them; the debrief shows the scored session and
writes a PDF. A real window on a real training database; the scenario's time is the test's clock."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import LineSource
from dispatch.domain.enums import CallState, Role, UnitStatus
from dispatch.domain.scenarios import Words
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import accounts, calls, dispatching, incidents, queries, training
from dispatch.services.context import ServiceContext
from dispatch.simulator.crews import SimulatedCrews
from dispatch.simulator.scenario_files import LoadedScenario, load_scenario
from dispatch.store.database import Database
from tests.conftest import SUPERVISOR_PASSWORD
from tests.ui.keys import CTRL, CTRL_SHIFT, press, type_text
from ui.main_window import MainWindow
from ui.positions import Position
from ui.widgets.command_line import select_unit

SCENARIO = Path(__file__).parent / "data" / "training-ui.json"
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def database(training_database: Database) -> Database:
    return training_database


@pytest.fixture
def trainee(ctx: ServiceContext) -> int:
    actor = accounts.create_user(
        ctx, "dewi", "Dewi Lestari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD, Role.CALL_TAKER
    )
    assert actor.user_id is not None
    return actor.user_id


@pytest.fixture
def loaded(catalogue: Catalogue) -> LoadedScenario:
    return load_scenario(SCENARIO, catalogue)


@pytest.fixture
def trainer(window: MainWindow, loaded: LoadedScenario, trainee: int) -> MainWindow:
    """The window with the test's scenario offered beside the shipped ones, and a trainee to mark."""
    window.training.add_scenario(loaded)
    return window


def tick(window: MainWindow, clock: ManualClock, seconds: float) -> None:
    """``seconds`` of the test's clock pass, then the window's one-second tick runs."""
    clock.advance(seconds)
    window.tick()
    window.boards.apply_changes()


def start_by_keyboard(qtbot: QtBot, window: MainWindow, trainee: int) -> None:
    press(qtbot, Qt.Key.Key_5, ALT)
    assert window.session.position == Position.TRAINER.value
    press(qtbot, Qt.Key.Key_9, CTRL)
    panel = window.trainer_panel
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.scenarios)
    for _ in range(panel.scenarios.rowCount()):
        if panel.chosen_scenario() == "training-ui":
            break
        press(qtbot, Qt.Key.Key_Down)
    assert panel.chosen_scenario() == "training-ui"
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.trainees
    assert panel.trainees.currentItem().text().startswith("Dewi Lestari")  # the first by user name
    press(qtbot, Qt.Key.Key_Space)
    assert set(panel.marked_trainees()) == {trainee, window.session.ctx.actor.user_id}
    press(qtbot, Qt.Key.Key_G, CTRL_SHIFT)
    assert window.status.message() == "Scenario started: Training screen test."


def ringing(window: MainWindow) -> list[str]:
    return [c.number_raw for c in window.call_model.rows() if c.state is CallState.RINGING]


def test_the_trainer_runs_a_scenario_by_keyboard(
    qtbot: QtBot, trainer: MainWindow, clock: ManualClock, trainee: int
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    run = window.session.scenario_run
    assert run is not None
    assert run.running
    assert run.session_id is not None
    stored = training.session(window.session.ctx, run.session_id)
    assert stored is not None
    assert set(stored.trainee_ids) == {trainee, window.session.ctx.actor.user_id}
    tick(window, clock, 1)
    assert ringing(window) == ["081234567890"]
    tick(window, clock, 10)
    assert ringing(window) == ["081234567890", "081311112222"]
    assert "running" in window.training.state_text()

    # Paused: the prank (due at 20 s) does not ring, however long the pause.
    press(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    assert run.play.paused
    assert "PAUSED" in window.training.state_text()
    tick(window, clock, 60)
    assert len(ringing(window)) == 2
    assert run.pending_keys() == ["prank"]

    # Ring it now: the one key of the only call still to ring.
    press(qtbot, Qt.Key.Key_I, CTRL_SHIFT)
    assert window.choice_bar.isVisible()
    qtbot.keyClick(window.choice_bar, "1")
    window.boards.apply_changes()
    assert len(ringing(window)) == 3
    assert run.pending_keys() == []
    press(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    assert not run.play.paused

    # The trainer's table shows the session's calls.
    window.training.refresh_calls()
    keys = [row[0] for row in window.trainer_panel.call_rows()]
    assert keys == ["fire", "silent", "prank"]


def test_the_trainee_hears_the_caller_asks_and_hears_the_trainer_live(
    qtbot: QtBot, trainer: MainWindow, clock: ManualClock, trainee: int, catalogue: Catalogue
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    tick(window, clock, 1)
    # The trainee answers (F2): the caller's opening is heard, marked with what revealed it.
    press(qtbot, Qt.Key.Key_1, CTRL)
    press(qtbot, Qt.Key.Key_F2)
    call_id = window.calls.on_line_id
    assert call_id is not None
    lines = window.caller_lines
    assert lines.isVisibleTo(window)
    qtbot.waitUntil(lambda: bool(lines.texts()))  # said just after the answer
    opening = "[On answer] Help, my neighbour's house is on fire!"
    assert [t.split(" ", 1)[1] for t in lines.texts()] == [opening]

    # A protocol question asked (Enter on it): the caller's answer, on the card and in the lines.
    shown = window.incidents.shown
    assert shown is not None
    incidents.update_field(window.session.ctx, shown.id, "category", "FIRE", catalogue)
    window.incidents.open(shown.id)
    press(qtbot, Qt.Key.Key_P, CTRL)
    card = window.protocol_card
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.questions)
    assert card.questions.currentItem().text().startswith("Is anyone still inside")
    press(qtbot, Qt.Key.Key_Return)
    assert card.caller_answer.text() == "The caller: There is a small child inside!"
    assert card.caller_answer.isVisibleTo(window)
    window.boards.apply_changes()  # the line's notice refills the card: the answer stays in view
    assert card.caller_answer.isVisibleTo(window)
    assert lines.texts()[-1].split(" ", 1)[1].startswith("[Asked: Is anyone still inside")
    assert lines.texts()[-1].endswith("There is a small child inside!")
    press(qtbot, Qt.Key.Key_Down)  # another question: the last answer was not to it
    assert not card.caller_answer.isVisibleTo(window)

    # The trainer plays the caller: the line reaches the trainee's caller panel.
    window.training.refresh_calls()
    window.trainer_panel.select_call(call_id)
    press(qtbot, Qt.Key.Key_K, CTRL_SHIFT)
    assert QApplication.focusWidget() is window.trainer_panel.live_line
    type_text(qtbot, "The smoke is getting thicker!")
    press(qtbot, Qt.Key.Key_Return)
    assert window.trainer_panel.live_line.text() == ""
    assert lines.texts()[-1].split(" ", 1)[1] == "[Trainer, live] The smoke is getting thicker!"
    # A trainer at another console: the line arrives as a change notice, read from the database.
    run = window.session.scenario_run
    assert run is not None
    elsewhere = window.session.ctx.acting_as(window.session.ctx.actor)
    training.say(elsewhere, run.session_id, call_id, LineSource.LIVE, Words("Cepat!", "Hurry!"))
    assert lines.texts()[-1].split(" ", 1)[1] != "[Trainer, live] Hurry!"  # not before the notice
    window.boards.apply_changes()
    assert lines.texts()[-1].split(" ", 1)[1] == "[Trainer, live] Hurry!"
    said = training.lines_for_call(window.session.ctx, call_id)
    assert [line.source.value for line in said] == ["opening", "question", "live", "live"]


def test_the_trainee_calls_back_a_silent_caller_and_hears_them(
    qtbot: QtBot, trainer: MainWindow, clock: ManualClock, trainee: int
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    tick(window, clock, 11)
    silent = next(c for c in window.call_model.rows() if c.number_raw == "081311112222")
    window.calls.answer(silent)
    assert window.caller_lines.texts() == []  # a silent caller says nothing on answer
    assert window.caller_lines.heading.text().endswith("nothing said yet.")
    press(qtbot, Qt.Key.Key_F4)
    qtbot.keyClick(window.choice_bar, "3")  # silent: to the callback queue
    window.boards.apply_changes()
    press(qtbot, Qt.Key.Key_4, CTRL)
    assert window.desk.selected_callback() is not None
    press(qtbot, Qt.Key.Key_B, CTRL)
    heard = "The caller says: Sorry, I could not speak. My father fainted."
    assert window.status.message() == heard
    assert window.choice_bar.isVisible()
    assert window.choice_bar.prompt.startswith(heard)
    assert window.caller_lines.texts()[-1].split(" ", 1)[1] == (
        "[Called back] Sorry, I could not speak. My father fainted."
    )
    qtbot.keyClick(window.choice_bar, "2")  # reached, an emergency: its incident opens
    window.boards.apply_changes()
    assert window.incidents.shown is not None


def test_the_debrief_shows_a_scored_session_and_writes_a_pdf(
    qtbot: QtBot,
    trainer: MainWindow,
    clock: ManualClock,
    trainee: int,
    tmp_path: Path,
    loaded: LoadedScenario,
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    tick(window, clock, 1)
    press(qtbot, Qt.Key.Key_F2)
    tick(window, clock, 30)
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    qtbot.keyClick(window.choice_bar, "1")
    assert window.status.message().startswith("Scenario ended and scored:")
    run = window.session.scenario_run
    assert run is not None
    assert not run.running
    press(qtbot, Qt.Key.Key_0, CTRL)
    view = window.debrief_view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.sessions)
    assert view.chosen_session() == run.session_id
    assert window.training.debrief_html
    page = view.page.toPlainText()
    assert "Training screen test" in page
    assert "fire" in page
    assert not view.state.isVisibleTo(window)  # scored, from the file as it ran
    window.training.add_scenario(replace(loaded, sha256="0" * 64))  # the file edited since
    window.training.refresh_debrief()
    assert view.state.text() == (
        "The scenario's file has changed since this session ran: what was expected is read from the "
        "file as it is now."
    )
    out = tmp_path / "debrief.pdf"
    assert window.training.write_debrief_pdf(out)
    assert out.read_bytes().startswith(b"%PDF")
    assert window.status.message() == f"Debrief saved: {out}"


def test_trainer_actions_need_a_training_console(window: MainWindow) -> None:
    window.session.simulator = None  # a live console: no simulated callers
    assert not window.run_action("training.start")
    assert window.status.message() == "Only a training console runs scenarios."
    assert not window.run_action("positionTrainer")


def test_no_random_caller_rings_while_a_scenario_is_loaded(
    trainer: MainWindow, loaded: LoadedScenario, clock: ManualClock
) -> None:
    window = trainer
    window.session.simulator.start()  # type: ignore[union-attr]
    window.training.new_run(loaded, [window.session.ctx.actor.user_id or 0])
    for _ in range(10):
        tick(window, clock, 30)
    assert queries.call_queue(window.session.ctx) == []  # loaded, not started: nothing rings


def _unit(window: MainWindow, call_sign: str) -> int:
    return next(u.id for u in window.unit_model.units() if u.call_sign == call_sign)


def test_the_trainer_sets_the_speed_holds_a_unit_and_breaks_one_down(
    qtbot: QtBot, trainer: MainWindow, clock: ManualClock, trainee: int
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    run = window.session.scenario_run
    assert run is not None
    press(qtbot, Qt.Key.Key_J, CTRL_SHIFT)
    qtbot.keyClick(window.choice_bar, "3")
    assert run.play.speed == 2.0
    assert window.status.message() == "Scenario speed: 2×."
    tick(window, clock, 1)
    press(qtbot, Qt.Key.Key_F2)
    shown = window.incidents.shown
    assert shown is not None
    fire_1, fire_2 = _unit(window, "DEMO-DMK-01"), _unit(window, "DEMO-DMK-02")
    dispatching.assign_units(window.session.ctx, shown.id, [fire_1, fire_2])
    tick(window, clock, 1)

    press(qtbot, Qt.Key.Key_3, CTRL)
    select_unit(window.unit_view, fire_1)
    press(qtbot, Qt.Key.Key_Y, CTRL_SHIFT)
    qtbot.keyClick(window.choice_bar, "2")
    assert window.status.message() == "DEMO-DMK-01 delayed by 60 s."
    window.boards.apply_changes()
    assert queries.units_by_id(window.session.ctx, [fire_1])[0].status is UnitStatus.DELAYED

    select_unit(window.unit_view, fire_2)
    press(qtbot, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.keyClick(window.choice_bar, "1")
    assert window.status.message() == "DEMO-DMK-02 is out of service."
    assert queries.units_by_id(window.session.ctx, [fire_2])[0].status is UnitStatus.OUT_OF_SERVICE


def test_with_no_scenario_the_tick_moves_the_simulated_units(
    window: MainWindow, feed: SimulatedFeed, clock: ManualClock
) -> None:
    window.session.crews = SimulatedCrews(window.session.ctx, 3)
    feed.ring()
    window.boards.apply_changes()
    window.calls.answer()
    shown = window.incidents.shown
    assert shown is not None
    unit = _unit(window, "DEMO-DMK-01")
    dispatching.assign_units(window.session.ctx, shown.id, [unit])
    seen = set()
    for _ in range(60):
        tick(window, clock, 15)
        seen.add(queries.units_by_id(window.session.ctx, [unit])[0].status)
    # Acknowledged, on the way and there by themselves, with the window's play clock (no scenario).
    assert {UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE} <= seen


def test_a_call_answered_at_another_console_hears_its_opening_there(
    qtbot: QtBot, trainer: MainWindow, clock: ManualClock, trainee: int
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    tick(window, clock, 1)
    fire = next(c for c in window.call_model.rows() if c.number_raw == "081234567890")
    calls.answer_call(window.session.ctx, fire.id)  # answered, but not by this window's F2
    assert training.lines_for_call(window.session.ctx, fire.id) == []
    window.boards.apply_changes()
    said = training.lines_for_call(window.session.ctx, fire.id)
    assert [(line.source.value, line.words.en) for line in said] == [
        ("opening", "Help, my neighbour's house is on fire!")
    ]
    assert window.training.shown_call is None  # this console's caller panel stays on its own call


def test_enter_on_a_session_call_shows_the_trainee_s_incident(
    qtbot: QtBot, trainer: MainWindow, clock: ManualClock, trainee: int
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    tick(window, clock, 1)
    fire = next(c for c in window.call_model.rows() if c.number_raw == "081234567890")
    _call, incident = calls.answer_call(window.session.ctx, fire.id)
    window.boards.apply_changes()
    window.training.refresh_calls()
    assert window.trainer_panel.call_rows()[0][3] == incident.number
    press(qtbot, Qt.Key.Key_9, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # past the trainees to the session's calls
    table = window.trainer_panel.calls
    assert QApplication.focusWidget() is table
    press(qtbot, Qt.Key.Key_Home)
    assert window.trainer_panel.selected_call() == fire.id
    press(qtbot, Qt.Key.Key_Return)
    assert window.incidents.shown is not None
    assert window.incidents.shown.id == incident.id
    assert window.docks["incidentDock"].isVisible()


def test_units_still_out_when_the_run_ends_go_on_by_themselves(
    qtbot: QtBot, trainer: MainWindow, clock: ManualClock, trainee: int
) -> None:
    window = trainer
    start_by_keyboard(qtbot, window, trainee)
    tick(window, clock, 1)
    press(qtbot, Qt.Key.Key_F2)
    shown = window.incidents.shown
    assert shown is not None
    unit = _unit(window, "DEMO-DMK-01")
    dispatching.assign_units(window.session.ctx, shown.id, [unit])
    assert window.training.end_now() is not None
    seen = set()
    for _ in range(40):
        tick(window, clock, 15)
        seen.add(queries.units_by_id(window.session.ctx, [unit])[0].status)
    assert {UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE} <= seen
