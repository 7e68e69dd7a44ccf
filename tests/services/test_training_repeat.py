"""The same scenario, seed and trainee actions on a driven clock give the same scores, the same unit
movements and the same callers' lines: a debrief can be trusted, and a centre can compare trainees on
one scenario. Played twice through the real services, each time on a fresh training database, with the
simulated units moving on their seeded plans; a third run with another seed moves the units otherwise
but scores the same trainee actions the same (the truth does not depend on the seed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, Role
from dispatch.domain.play_clock import PlayClock
from dispatch.services import accounts, calls, dispatching, incidents, locations, protocols, training_scores
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.simulator.crews import SimulatedCrews
from dispatch.simulator.scenario_files import find_scenario, load_scenario
from dispatch.simulator.scenario_run import ScenarioRun
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.database import DatabaseKind, open_database, sqlite_url
from dispatch.store.tables import TrainingLine, TrainingScore, Unit, UnitStatusChange
from tests.conftest import START, SUPERVISOR_PASSWORD

Played = tuple[list[tuple[str, float, bool, str]], list[tuple[str, str, datetime]], list[tuple[str, str]]]


def _play(path: Path, seed: int | None) -> Played:
    """A trainee takes the fire scenario the same way each time; what the database keeps after."""
    clock = ManualClock(START)
    database = open_database(sqlite_url(path), kind=DatabaseKind.TRAINING)
    try:
        console = accounts.register_console(database, clock, ChangeBus(), "KONSOL-01", "test-host")
        accounts.create_first_supervisor(
            console, "sari", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
        )
        supervisor = accounts.log_in(console, "sari", SUPERVISOR_PASSWORD).actor
        assert supervisor is not None
        trainer: ServiceContext = console.acting_as(supervisor)
        dispatching.load_roster(trainer, load_demo_roster())
        trainee = trainer.acting_as(
            accounts.create_user(
                trainer, "dewi", "Dewi", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD, Role.CALL_TAKER
            )
        )
        scenario_path = find_scenario("fire-trapped-tembalang")
        assert scenario_path is not None
        loaded = load_scenario(scenario_path)
        catalogue = load_default_catalogue()
        play = PlayClock(clock)
        run_seed = loaded.scenario.seed if seed is None else seed
        crews = SimulatedCrews(trainer, run_seed)
        user_id = trainee.actor.user_id
        assert user_id is not None
        run = ScenarioRun(trainer, loaded, [user_id], catalogue, seed=seed, play=play, crews=crews)
        crews.report_for = run.report_for
        run.start()

        def wait(seconds: int) -> None:
            for _ in range(seconds):
                clock.advance(1)
                run.advance()

        wait(12)  # rings at 5 s; answered 7 s later
        call_id = _ringing_call(trainee)
        answered, incident = calls.answer_call(trainee, call_id)
        run.answered(answered.id)
        for field, value in (
            ("category", "FIRE"),
            ("caller_name", "Budi"),
            ("street", "Jl. Banjarsari Raya"),
        ):
            incidents.update_field(trainee, incident.id, field, value, catalogue)
        wait(20)
        incidents.add_note(trainee, incident.id, "Alamat di mana? Ada patokan?")
        wait(3)
        locations.set_position(trainee, incident.id, -7.0515, 110.4380)  # about 130 m off
        for question, answer in (("people_inside", "1"), ("injured", "1")):
            run.ask(answered.id, question)
            protocols.answer_question(trainee, incident.id, "FIRE", question, answer, "id")
        wait(40)
        with database.sessions() as session:
            fire_units = session.scalars(
                select(Unit.id).where(Unit.agency_type == AgencyType.FIRE.value).order_by(Unit.id).limit(1)
            ).all()
        dispatching.assign_units(trainee, incident.id, list(fire_units))
        wait(3600)  # the crew drives, arrives, reports and clears on its seeded plan
        session_id = run.end()
        rules, sha = load_scoring_rules()
        training_scores.score_session(trainer, session_id, loaded.scenario, rules, sha)
        with database.sessions() as session:
            scores = [
                (s.call_key, s.total, s.passed, s.detail)
                for s in session.scalars(select(TrainingScore).order_by(TrainingScore.id))
            ]
            moves = [
                (s.from_status or "", s.to_status, s.at)
                for s in session.scalars(select(UnitStatusChange).order_by(UnitStatusChange.id))
            ]
            lines = [
                (line.source, line.text)
                for line in session.scalars(select(TrainingLine).order_by(TrainingLine.id))
            ]
        return scores, moves, lines
    finally:
        database.dispose()


def _ringing_call(ctx: ServiceContext) -> int:
    from dispatch.services import queries

    ringing = [c.id for c in queries.call_queue(ctx) if c.state.value == "ringing"]
    assert len(ringing) == 1
    return ringing[0]


def test_the_same_scenario_seed_and_actions_give_the_same_score_and_movements(tmp_path: Path) -> None:
    first = _play(tmp_path / "one.sqlite3", None)
    second = _play(tmp_path / "two.sqlite3", None)
    assert first == second
    scores, moves, lines = first
    assert len(scores) == 1
    assert 0 < scores[0][1] < 100  # a real score, not a full or empty one
    assert [to for _, to, _ in moves][-5:] == ["acknowledged", "en_route", "on_scene", "cleared", "available"]
    assert [source for source, _ in lines][:2] == ["opening", "keyword"]

    other = _play(tmp_path / "three.sqlite3", 4242)
    assert other[0] == scores  # the score is the trainee's, whatever the seed
    assert [at for *_, at in other[1]] != [at for *_, at in moves]  # the crews drew other times
