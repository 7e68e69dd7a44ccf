"""A trainee at another console of the room asks the scripted caller of a run held by the trainer's
console: the answer comes from the same scenario file, said once, and every console hears it."""

from __future__ import annotations

import pytest

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import LineSource
from dispatch.domain.play_clock import PlayClock
from dispatch.services import accounts, calls, queries, training
from dispatch.services.context import ServiceContext
from dispatch.simulator.scenario_callers import RoomCallers
from dispatch.simulator.scenario_files import find_scenario, load_scenario
from dispatch.simulator.scenario_run import ScenarioRun
from dispatch.store.database import Database
from tests.services.training_support import add_trainee


@pytest.fixture
def database(training_database: Database) -> Database:
    return training_database


def _run(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, scenario_id: str, trainee: int
) -> ScenarioRun:
    path = find_scenario(scenario_id)
    assert path is not None
    run = ScenarioRun(ctx, load_scenario(path, catalogue), [trainee], catalogue, play=PlayClock(clock))
    run.start()
    for _ in range(6):
        clock.advance(1)
        run.advance()
    return run


def _other_console(ctx: ServiceContext, trainee: ServiceContext) -> ServiceContext:
    """The trainee's own console of the room, on the same database."""
    console = accounts.register_console(ctx.database, ctx.clock, ctx.bus, "KONSOL-02", "room-02")
    return console.acting_as(trainee.actor)


def test_a_question_asked_at_another_console_is_answered_from_the_file_once(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    trainee = add_trainee(ctx, "dewi")
    assert trainee.actor.user_id is not None
    run = _run(ctx, clock, catalogue, "fire-trapped-tembalang", trainee.actor.user_id)
    elsewhere = _other_console(ctx, trainee)
    [ringing] = [c for c in queries.call_queue(elsewhere) if c.state.value == "ringing"]
    calls.answer_call(elsewhere, ringing.id)
    run.answered(ringing.id)  # what the trainer's console does on the change notice of that answer

    room = RoomCallers(elsewhere)
    reply = room.ask(ringing.id, "people_inside")
    assert reply is not None
    assert reply.en.startswith("Yes! Grandma Sumi")
    assert room.ask(ringing.id, "people_inside") == reply  # asked again: the same words, said once
    assert room.ask(ringing.id, "no_such_question") is None
    lines = training.lines_for_call(ctx, ringing.id)
    assert [(line.source, line.key) for line in lines] == [
        (LineSource.OPENING, ""),
        (LineSource.QUESTION, "people_inside"),
    ]
    assert room.call_back(ringing.id) is None  # this caller has no callback line: nobody answers

    run.end()
    assert RoomCallers(elsewhere).ask(ringing.id, "injured") is None  # the session is over


def test_a_silent_caller_dialled_back_from_another_console_speaks(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    trainee = add_trainee(ctx, "dewi")
    assert trainee.actor.user_id is not None
    _run(ctx, clock, catalogue, "silent-callback-kdrt", trainee.actor.user_id)
    [ringing] = [c for c in queries.call_queue(ctx) if c.state.value == "ringing"]
    said = RoomCallers(_other_console(ctx, trainee)).call_back(ringing.id)
    assert said is not None
    assert said.en.startswith("(whispering) Don't talk loudly")
    assert [line.source for line in training.lines_for_call(ctx, ringing.id)] == [LineSource.CALLBACK]


def test_a_call_of_no_session_has_no_scripted_caller(ctx: ServiceContext) -> None:
    assert RoomCallers(ctx).ask(999_999, "people_inside") is None
    assert RoomCallers(ctx).call_back(999_999) is None
