"""The debrief's data: the trainee's actions on a timeline from the ring, beside what was expected, the
scores as stored, the session's mean and result, the history (tests/services/training_drill.py)."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import Refusal
from dispatch.reports.debrief import Action, ActionKind, Expected, ExpectedKind, debrief_data
from dispatch.reports.handover import canonical_json
from dispatch.services import accounts, training_scores
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.database import Database
from tests.services.training_drill import FIRE_TOTAL, SCENARIO, play_drill


@pytest.fixture
def database(training_database: Database) -> Database:
    return training_database


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_the_trainees_debrief(ctx: ServiceContext, clock: ManualClock) -> None:
    drill = play_drill(ctx, clock)
    rules, sha = load_scoring_rules()
    training_scores.score_session(ctx, drill.session_id, SCENARIO, rules, sha)

    debrief = debrief_data(ctx, drill.session_id, drill.trainee_id, SCENARIO)

    assert (debrief.user_name, debrief.title_en, debrief.scenario_id) == (
        "Budi Santoso",
        "Test drill",
        "drill-test",
    )
    assert [c.call_key for c in debrief.calls] == ["fire", "prank", "silent"]  # the surge caller was nobody's
    assert (debrief.mean_total, debrief.pass_mark, debrief.passed) == (79.7, 70.0, True)
    assert (debrief.calls_scored, debrief.calls_passed) == (3, 3)
    fire = debrief.calls[0]
    assert fire.total == FIRE_TOTAL
    assert [(a.seconds, a.kind, a.value, a.unit) for a in fire.actions] == [
        (8.0, ActionKind.ANSWERED, "", ""),
        (13.0, ActionKind.CATEGORY, "FIRE", ""),
        (13.0, ActionKind.FIELD, "caller_name", ""),
        (13.0, ActionKind.FIELD, "street", ""),
        (13.0, ActionKind.AREA, "33.74.13.1003", ""),
        (13.0, ActionKind.POSITION, "-6.98510,110.39500", ""),
        (33.0, ActionKind.QUESTION, "people_inside", ""),
        (33.0, ActionKind.QUESTION, "injured", ""),
        (98.0, ActionKind.DISPATCHED, "", "DEMO-DMK-01"),
        (98.0, ActionKind.DISPATCHED, "", "DEMO-POL-01"),
    ]
    assert all(a.user_id == drill.trainee_id for a in fire.actions)
    assert Expected(ExpectedKind.ANSWER, by_seconds=10) in fire.expected
    assert Expected(ExpectedKind.DISPATCH, by_seconds=68.0) in fire.expected  # answered at 8 s + 60 s
    assert Expected(ExpectedKind.AGENCY, "fire", count=2) in fire.expected
    assert [e.value for e in fire.expected if e.kind is ExpectedKind.QUESTION] == [
        "people_inside",
        "injured",
        "spreading",
    ]
    assert [d.dimension.value for d in fire.dimensions][:2] == ["answer", "class"]

    silent = debrief.calls[2]
    assert Action(120.0, ActionKind.CALLBACK, "reached_emergency", user_id=drill.trainee_id) in silent.actions
    assert (10.0, ActionKind.CLASSIFIED, "silent") in [(a.seconds, a.kind, a.value) for a in silent.actions]
    assert Expected(ExpectedKind.DISPATCH, by_seconds=180.0) in silent.expected  # reached at 120 s + 60 s
    assert Expected(ExpectedKind.CALLBACK, "emergency") in silent.expected

    assert [(h.session_id, h.calls, h.mean_total) for h in debrief.history] == [(drill.session_id, 3, 79.7)]
    plain = debrief.to_json()
    assert json.loads(canonical_json(plain)) == plain


def test_the_trainers_view_has_every_call(ctx: ServiceContext, clock: ManualClock) -> None:
    drill = play_drill(ctx, clock)
    before = debrief_data(ctx, drill.session_id, None, SCENARIO)
    assert [c.call_key for c in before.calls] == ["fire", "prank", "silent", "surge1.1"]
    assert all(c.total is None for c in before.calls)
    assert (before.mean_total, before.passed, before.history) == (None, None, ())
    rules, sha = load_scoring_rules()
    training_scores.score_session(ctx, drill.session_id, SCENARIO, rules, sha)
    after = debrief_data(ctx, drill.session_id, None, SCENARIO)
    assert after.mean_total == 59.8  # (84.5 + 70.0 + 84.6 + 0.0) / 4 = 59.775
    assert after.passed is False
    surge = after.calls[3]
    assert [a.kind for a in surge.actions] == [ActionKind.ENDED]


def test_an_unknown_session(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError) as refused:
        debrief_data(ctx, 5, None, SCENARIO)
    assert refused.value.code is Refusal.NO_SUCH_TRAINING_SESSION
