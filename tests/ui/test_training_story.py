"""A trainee at the window, by keyboard, through three shipped scenarios: a prank, a silent call that is
an emergency when called back, and a house fire with a grandmother trapped upstairs. Each call is
scored when its run ends, and the scores are worked out here by hand from the scoring rules
(resources/scenarios/scoring.json: weights answer 10, class 15, category 10, priority 10, location 15,
questions 10, agencies 10, dispatch time 10, fields 10; a time scores in full within its budget and
nothing at three times it, linearly between; location: half for the kelurahan, half by distance, in
full within 100 m). A real window on a real training database; the scenario's time is the test's clock,
as `dispatch-console --scenario ID --start` runs it for the person logged in."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, CallClass, CallState, Role
from dispatch.domain.play_clock import PlayClock
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import accounts, training, training_scores
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from dispatch.simulator.scenario_files import find_scenario, load_scenario
from dispatch.simulator.scenario_run import ScenarioRun
from dispatch.store.database import Database
from dispatch.store.tables import Assignment, AuditEntry, Call, Incident, TrainingScore, Unit
from tests.conftest import SUPERVISOR_PASSWORD
from tests.ui.keys import CTRL, press, type_text
from ui.main_window import MainWindow
from ui.session import ConsoleSession
from ui.widgets.dispatch_panel import UnitIdRole

ALT = Qt.KeyboardModifier.AltModifier
OPENING = "Fire! My neighbour's house is on fire! The grandmother is still upstairs, she can't get down!"


@pytest.fixture
def database(training_database: Database) -> Database:
    return training_database


@pytest.fixture
def trainee_ctx(ctx: ServiceContext, console_ctx: ServiceContext) -> ServiceContext:
    """Dewi, a call-taker in training, logged in at the console (the demonstration roster loaded)."""
    accounts.create_user(
        ctx, "dewi", "Dewi Lestari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD, Role.CALL_TAKER
    )
    result = accounts.log_in(console_ctx, "dewi", SUPERVISOR_PASSWORD)
    assert result.actor is not None
    return console_ctx.acting_as(result.actor)


@pytest.fixture
def trainee_window(
    qtbot: QtBot, trainee_ctx: ServiceContext, catalogue: Catalogue, feed: SimulatedFeed
) -> Iterator[MainWindow]:
    session = ConsoleSession(trainee_ctx, catalogue, "en", simulator=feed)
    session.centre_area = "33.74"  # Kota Semarang: its kelurahan first in the type-ahead
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.close()


def tick(window: MainWindow, clock: ManualClock, seconds: float) -> None:
    """``seconds`` of the test's clock pass (the scenario's time with it), then the window's tick."""
    clock.advance(seconds)
    window.tick()
    window.boards.apply_changes()


def run_scenario(window: MainWindow, scenario_id: str) -> ScenarioRun:
    """What `--scenario ID --start` does: the console runs it for the person logged in."""
    path = find_scenario(scenario_id)
    assert path is not None
    loaded = load_scenario(path, window.session.catalogue)
    window.training.add_scenario(loaded)
    user_id = window.session.ctx.actor.user_id
    assert user_id is not None
    run = window.training.new_run(loaded, [user_id], by_console=True)
    run.start()
    return run


def ringing_call(window: MainWindow) -> CallView:
    calls = [c for c in window.call_model.rows() if c.state is CallState.RINGING]
    assert len(calls) == 1, calls
    return calls[0]


def answer_by_keyboard(qtbot: QtBot, window: MainWindow, call: CallView) -> None:
    press(qtbot, Qt.Key.Key_1, CTRL)  # the call board
    assert window.call_model.first_ringing() == call
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.calls.on_line_id == call.id)


def heard(window: MainWindow) -> list[str]:
    """The caller's lines panel, without the time each was said."""
    return [text.split(" ", 1)[1] for text in window.caller_lines.texts()]


def ask_and_answer(qtbot: QtBot, window: MainWindow, digit: Qt.Key) -> str:
    """Enter asks the question chosen on the card; the caller's answer shows; a digit records it."""
    card = window.protocol_card
    press(qtbot, Qt.Key.Key_Return)
    said = card.caller_answer.text()
    press(qtbot, digit)
    return said


def pick_kelurahan(qtbot: QtBot, window: MainWindow, typed: str, shown: str) -> None:
    location = window.incident_panel.location
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is location.find_edit
    type_text(qtbot, typed)
    qtbot.waitUntil(lambda: location.suggestions.isVisible())
    texts = [location.suggestions.item(i).text() for i in range(location.suggestions.count())]
    row = next(i for i, text in enumerate(texts) if text.startswith(shown))
    if row:
        press(qtbot, Qt.Key.Key_Down)  # into the list
        for _ in range(row - 1):
            press(qtbot, Qt.Key.Key_Down)
        assert location.suggestions.currentRow() == row
    press(qtbot, Qt.Key.Key_Return)


def dispatch_by_keyboard(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, wanted: dict[AgencyType, int]
) -> list[str]:
    """F6, then Space on the first free units of each agency wanted, Enter sends them all."""
    press(qtbot, Qt.Key.Key_F6)
    candidates = window.dispatch_panel.candidates
    assert QApplication.focusWidget() is candidates
    model = candidates.model()
    left = dict(wanted)
    sent = []
    for row in range(model.rowCount()):
        unit_id = model.index(row, 0).data(UnitIdRole)
        if unit_id is None:
            continue
        with ctx.database.sessions() as session:
            unit = session.get_one(Unit, unit_id)
            agency, sign = AgencyType(unit.agency_type), unit.call_sign
        if left.get(agency, 0) > 0:
            while candidates.currentIndex().row() < row:
                press(qtbot, Qt.Key.Key_Down)
            press(qtbot, Qt.Key.Key_Space)
            left[agency] -= 1
            sent.append(sign)
    assert not any(left.values()), left
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dispatch_panel.assignment_model.rowCount() == len(sent))
    return sent


def end_and_score(window: MainWindow, run: ScenarioRun) -> list[training_scores.ScoreView]:
    session_id = window.training.end_now()
    assert session_id == run.session_id
    return training_scores.session_scores(window.session.ctx, session_id)


def dimensions(score: training_scores.ScoreView) -> dict[str, float | None]:
    return {d.dimension.value: d.score for d in score.dimensions}


def test_a_trainee_takes_a_prank_a_silent_call_called_back_and_a_fire_by_keyboard(
    qtbot: QtBot, trainee_window: MainWindow, trainee_ctx: ServiceContext, clock: ManualClock
) -> None:
    window = trainee_window
    ctx = trainee_ctx
    dewi = ctx.actor.user_id

    # -- 1. A prank, answered late: 16 s of ringing against a 10 s budget ---------------------------
    run = run_scenario(window, "example-prank")
    tick(window, clock, 5)
    prank = ringing_call(window)
    tick(window, clock, 16)
    answer_by_keyboard(qtbot, window, prank)
    qtbot.waitUntil(lambda: heard(window) == ["[On answer] Hello, there's a big fire! Hee hee..."])
    press(qtbot, Qt.Key.Key_F4)  # close the call as...
    qtbot.keyClick(window.choice_bar, "2")  # ... a prank
    [score] = end_and_score(window, run)
    # Answer: (3 x 10 - 16) / (3 x 10 - 10) = 0.7; class right. Only these two apply to a prank.
    assert dimensions(score) == {"answer": 0.7, "class": 1.0}
    assert score.total == round(100 * (10 * 0.7 + 15 * 1.0) / 25, 1) == 88.0
    assert score.passed
    assert score.user_id == dewi

    # -- 2. A silent call, called back: a woman whispering, her husband in the room -----------------
    run = run_scenario(window, "silent-callback-kdrt")
    tick(window, clock, 5)
    silent = ringing_call(window)
    tick(window, clock, 6)
    answer_by_keyboard(qtbot, window, silent)
    assert heard(window) == []  # nothing said on answer
    press(qtbot, Qt.Key.Key_F4)
    qtbot.keyClick(window.choice_bar, "3")  # silent: the callback queue takes it
    window.boards.apply_changes()
    tick(window, clock, 20)
    press(qtbot, Qt.Key.Key_4, CTRL)  # the callback desk
    press(qtbot, Qt.Key.Key_B, CTRL)  # call back: the caller whispers
    assert window.status.message().startswith("The caller says: (whispering) Don't talk loudly")
    qtbot.keyClick(window.choice_bar, "2")  # reached, an emergency: its incident opens
    window.boards.apply_changes()
    reached = clock.now()
    qtbot.waitUntil(lambda: window.incidents.shown is not None)
    incident_id = window.incidents.shown.id  # type: ignore[union-attr]

    press(qtbot, Qt.Key.Key_F5)  # the form's first field: the category
    type_text(qtbot, "KDRT")
    press(qtbot, Qt.Key.Key_Tab)  # priority (KDRT's default, P2)
    press(qtbot, Qt.Key.Key_Tab)  # caller name
    type_text(qtbot, "Ibu Rina")
    press(qtbot, Qt.Key.Key_Tab)  # callback number
    press(qtbot, Qt.Key.Key_Tab)  # street
    type_text(qtbot, "Jl. Banjardowo Raya")
    press(qtbot, Qt.Key.Key_Tab)  # house number
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.incident_panel.save_state == "saved")
    pick_kelurahan(qtbot, window, "banjardowo", "Banjardowo, Genuk, Kota Semarang")  # no position given

    card = window.protocol_card
    qtbot.waitUntil(lambda: card.card is not None and card.card.category == "KDRT")
    press(qtbot, Qt.Key.Key_P, CTRL)  # the KDRT card: three of its four required questions
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.questions)
    assert ask_and_answer(qtbot, window, Qt.Key.Key_1) == "The caller: (whispering) Yes."  # abuser here: P1
    assert ask_and_answer(qtbot, window, Qt.Key.Key_2) == "The caller: (whispering) No... nothing."
    assert ask_and_answer(qtbot, window, Qt.Key.Key_1).startswith("The caller: (whispering) Yes... my lip")
    qtbot.waitUntil(lambda: window.incident_panel.priority.currentData() == "P1")

    tick(window, clock, 75 - (clock.now() - reached).total_seconds())  # 75 s after reaching her
    # Police and an ambulance; not the social services the truth also asks for.
    dispatch_by_keyboard(qtbot, window, ctx, {AgencyType.POLICE: 1, AgencyType.MEDICAL: 1})
    [score] = end_and_score(window, run)
    assert dimensions(score) == {
        "answer": 1.0,  # 6 s
        "class": 1.0,  # silent, and reached as an emergency on callback
        "category": 1.0,
        "priority": 1.0,
        "location": 0.5,  # the kelurahan right; no point given
        "questions": 0.75,  # 3 of 4
        "agencies": pytest.approx(2 / 3),  # police 1/1, medical 1/1, social 0/1
        "dispatch_time": 0.875,  # (180 - 75) / (180 - 60)
        "fields": 1.0,
    }
    by_hand = 10 + 15 + 10 + 10 + 15 * 0.5 + 10 * 0.75 + 10 * 2 / 3 + 10 * 0.875 + 10
    assert score.total == round(by_hand, 1) == 85.4
    assert score.passed

    # -- 3. A house fire in Tembalang, a grandmother trapped upstairs --------------------------------
    run = run_scenario(window, "fire-trapped-tembalang")
    tick(window, clock, 5)
    assert window.status.feed_label.text() == "Feed: scenario fire-trapped-tembalang (running)"
    fire = ringing_call(window)
    tick(window, clock, 8)
    answer_by_keyboard(qtbot, window, fire)
    answered = clock.now()
    qtbot.waitUntil(lambda: heard(window)[:1] == ["[On answer] " + OPENING])
    qtbot.waitUntil(lambda: window.incidents.shown is not None and window.incidents.shown.id != incident_id)
    fire_incident = window.incidents.shown.id  # type: ignore[union-attr]
    assert QApplication.focusWidget() is window.incident_panel.category
    type_text(qtbot, "FIRE")
    press(qtbot, Qt.Key.Key_Tab)  # priority: P1
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Budi Santoso")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Jl. Banjarsari Raya gg. 3")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "21")
    press(qtbot, Qt.Key.Key_Tab)

    # The trainee asks where, and for a landmark, in the narrative; the caller answers on the next tick.
    press(qtbot, Qt.Key.Key_F8)
    type_text(qtbot, "Alamatnya di mana, ada patokan?")
    press(qtbot, Qt.Key.Key_Return)
    tick(window, clock, 1)
    qtbot.waitUntil(lambda: len(heard(window)) == 3)
    assert heard(window)[1:] == [
        "[Heard in the narrative] Jalan Banjarsari Raya, lane 3 number 21, Tembalang, near the Undip campus.",
        "[Heard in the narrative] Opposite the Al-Hidayah prayer house, the cream-painted house.",
    ]

    press(qtbot, Qt.Key.Key_L, ALT)  # the landmark field
    assert QApplication.focusWidget() is window.incident_panel.inputs["landmark"]
    type_text(qtbot, "depan musala Al-Hidayah")
    press(qtbot, Qt.Key.Key_Tab)
    pick_kelurahan(qtbot, window, "tembalang", "Tembalang, Tembalang, Kota Semarang")
    press(qtbot, Qt.Key.Key_Tab)  # the position: the caller read it out from her phone
    assert QApplication.focusWidget() is window.incident_panel.location.position_edit
    type_text(qtbot, "-7.0508, 110.4371")
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: card.card is not None and card.card.category == "FIRE")
    press(qtbot, Qt.Key.Key_P, CTRL)  # the FIRE card: the four questions the truth asks for
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.questions)
    assert ask_and_answer(qtbot, window, Qt.Key.Key_1).startswith("The caller: Yes! Grandma Sumi")
    ask_and_answer(qtbot, window, Qt.Key.Key_1)  # injured: yes
    ask_and_answer(qtbot, window, Qt.Key.Key_1)  # what burns: a home
    ask_and_answer(qtbot, window, Qt.Key.Key_2)  # spreading: not yet

    tick(window, clock, 80 - (clock.now() - answered).total_seconds())  # 80 s after the answer
    sent = dispatch_by_keyboard(
        qtbot, window, ctx, {AgencyType.FIRE: 2, AgencyType.MEDICAL: 1, AgencyType.POLICE: 1}
    )
    assert len(sent) == 4
    [score] = end_and_score(window, run)
    assert dimensions(score) == {
        "answer": 1.0,  # 8 s
        "class": 1.0,
        "category": 1.0,
        "priority": 1.0,
        "location": 1.0,  # the kelurahan, and the point itself
        "questions": 1.0,
        "agencies": 1.0,
        "dispatch_time": pytest.approx(100 / 120),  # (180 - 80) / (180 - 60)
        "fields": 1.0,
    }
    assert score.total == round(10 + 15 + 10 + 10 + 15 + 10 + 10 + 10 * 100 / 120 + 10, 1) == 98.3

    # -- What the database keeps -------------------------------------------------------------------
    with ctx.database.sessions() as session:
        stored = session.scalars(select(TrainingScore).order_by(TrainingScore.id)).all()
        assert [(s.call_key, s.total, s.passed, s.user_id) for s in stored] == [
            ("prank", 88.0, True, dewi),
            ("silent-then-kdrt", 85.4, True, dewi),
            ("fire", 98.3, True, dewi),
        ]
        assert all(json.loads(s.detail) for s in stored)
        calls = {c.id: c for c in session.scalars(select(Call)).all()}
        assert calls[prank.id].classification == CallClass.PRANK.value
        assert calls[silent.id].classification == CallClass.SILENT.value
        assert calls[fire.id].answered_by == dewi
        incident = session.get_one(Incident, fire_incident)
        assert (incident.category, incident.priority, incident.area_code) == ("FIRE", "P1", "33.74.10.1006")
        assert (incident.lat, incident.lon) == (-7.0508, 110.4371)
        assignments = session.scalars(select(Assignment).where(Assignment.incident_id == fire_incident)).all()
        assert all(a.dispatched_by == dewi for a in assignments)
        actions = [row.action for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions.count("training.start") == 3
    assert actions.count("training.end") == 3
    assert actions.count("training.score") == 3
    sessions = training.sessions(ctx)
    assert len(sessions) == 3
    assert all(s.ended_at is not None for s in sessions)


@pytest.fixture
def room_window(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, feed: SimulatedFeed
) -> Iterator[MainWindow]:
    """Dewi at KONSOL-02, another console of the training room: the trainer's console holds the run."""
    accounts.create_user(
        ctx, "dewi", "Dewi Lestari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD, Role.CALL_TAKER
    )
    console = accounts.register_console(ctx.database, ctx.clock, ctx.bus, "KONSOL-02", "room-02")
    result = accounts.log_in(console, "dewi", SUPERVISOR_PASSWORD)
    assert result.actor is not None
    feed.stop()  # the trainer's console rings the scenario's calls; this one rings nothing itself
    main = MainWindow(ConsoleSession(console.acting_as(result.actor), catalogue, "en", simulator=feed))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.close()


def test_a_trainee_at_another_console_asks_the_caller_of_the_trainers_run(
    qtbot: QtBot, room_window: MainWindow, ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    window = room_window
    path = find_scenario("fire-trapped-tembalang")
    assert path is not None
    trainee = window.session.ctx.actor.user_id
    assert trainee is not None
    run = ScenarioRun(ctx, load_scenario(path, catalogue), [trainee], catalogue, play=PlayClock(clock))
    run.start()  # at the trainer's console
    clock.advance(6)
    run.advance()
    tick(window, clock, 0)
    assert window.session.scenario_run is None
    assert not window.caller_lines.isVisibleTo(window)  # no scenario's caller on the line yet
    fire = ringing_call(window)
    answer_by_keyboard(qtbot, window, fire)
    run.answered(fire.id)  # the trainer's console, told of the answer, has the caller speak
    qtbot.waitUntil(lambda: heard(window) == ["[On answer] " + OPENING])
    assert window.caller_lines.isVisibleTo(window)

    type_text(qtbot, "FIRE")
    press(qtbot, Qt.Key.Key_Tab)
    card = window.protocol_card
    qtbot.waitUntil(lambda: card.card is not None and card.card.category == "FIRE")
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.questions)
    assert ask_and_answer(qtbot, window, Qt.Key.Key_1).startswith("The caller: Yes! Grandma Sumi")
    said = training.lines_for_call(ctx, fire.id)
    assert [(line.source.value, line.key) for line in said] == [
        ("opening", ""),
        ("question", "people_inside"),
    ]


def test_quitting_with_a_scenario_running_asks_then_ends_and_scores_it(
    trainee_window: MainWindow, trainee_ctx: ServiceContext, clock: ManualClock
) -> None:
    window = trainee_window
    run = run_scenario(window, "example-prank")
    tick(window, clock, 5)
    assert "A training scenario is running" in window._open_work()
    window.close()
    session = training.session(trainee_ctx, run.session_id or 0)
    assert session is not None
    assert session.ended
    [score] = training_scores.session_scores(trainee_ctx, session.id)
    assert (score.call_key, score.total, score.passed) == ("prank", 0.0, False)  # never answered


def test_the_trainers_list_names_competencies_without_repeating_the_standard() -> None:
    from ui.presenters.training_work import competencies_shown

    shown = competencies_shown(["APCO ANS 3.103: call classification", "Local SOP: radio"])
    assert shown == "call classification, Local SOP: radio"
    assert competencies_shown([]) == "-"


def test_a_location_not_recorded_is_said_once_in_the_debrief(qapp: object) -> None:
    from zoneinfo import ZoneInfo

    from ui.reports.common import Writer
    from ui.reports.debrief import _why

    writer = Writer("en", ZoneInfo("Asia/Jakarta"))
    nothing = {
        "reason": "not_recorded",
        "detail": {"metres": None, "area_right": False, "recorded_area": None},
    }
    assert _why(nothing, writer, "FIRE") == "not recorded"
    wrong = {
        "reason": "some",
        "detail": {"metres": 556.0, "area_right": False, "recorded_area": "33.74.10.1001"},
    }
    assert "wrong kelurahan" in _why(wrong, writer, "FIRE")
    assert "556 m from the place" in _why(wrong, writer, "FIRE")
