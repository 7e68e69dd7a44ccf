"""Scoring a training session on a real SQLite training database: a drill played through the services
with a driven clock, scored exactly as worked out by hand (tests/services/training_drill.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import CallClass, Priority
from dispatch.domain.training_score import Dimension, Reason
from dispatch.services import accounts, training_scores
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.database import Database, open_database, sqlite_url
from dispatch.store.tables import AuditEntry, TrainingScore
from tests.services.training_drill import (
    FIRE_TOTAL,
    PRANK_TOTAL,
    SCENARIO,
    SILENT_TOTAL,
    SOUTH_METRES,
    SURGE_TOTAL,
    play_drill,
)


@pytest.fixture
def database(training_database: Database) -> Database:
    """Each test on a SQLite training file and on a PostgreSQL training schema (conftest.py)."""
    return training_database


def test_the_drill_scores_as_worked_by_hand(ctx: ServiceContext, clock: ManualClock) -> None:
    drill = play_drill(ctx, clock)
    rules, sha = load_scoring_rules()
    scores = training_scores.score_session(ctx, drill.session_id, SCENARIO, rules, sha)
    by_key = {score.call_key: score for score in scores}
    assert [s.call_key for s in scores] == ["fire", "prank", "silent", "surge1.1"]
    assert (FIRE_TOTAL, PRANK_TOTAL, SILENT_TOTAL) == (84.5, 70.0, 84.6)
    assert {k: (s.total, s.passed) for k, s in by_key.items()} == {
        "fire": (FIRE_TOTAL, True),
        "prank": (PRANK_TOTAL, True),
        "silent": (SILENT_TOTAL, True),
        "surge1.1": (SURGE_TOTAL, False),
    }
    assert {s.user_id for k, s in by_key.items() if k != "surge1.1"} == {drill.trainee_id}
    assert by_key["surge1.1"].user_id is None
    assert all(s.rules_sha256 == sha for s in scores)

    fire = {d.dimension: d for d in by_key["fire"].dimensions}
    assert {d: fire[d].score for d in fire} == {
        Dimension.ANSWER: 1.0,
        Dimension.CLASS: 1.0,
        Dimension.CATEGORY: 1.0,
        Dimension.PRIORITY: 1.0,
        Dimension.LOCATION: pytest.approx(0.5 + 0.5 * (1000 - SOUTH_METRES) / 900),
        Dimension.QUESTIONS: pytest.approx(2 / 3),
        Dimension.AGENCIES: 0.75,
        Dimension.DISPATCH_TIME: 0.75,
        Dimension.FIELDS: pytest.approx(2 / 3),
    }
    assert fire[Dimension.QUESTIONS].detail["missing"] == ["spreading"]
    assert fire[Dimension.FIELDS].detail["missing"] == ["landmark"]
    assert fire[Dimension.DISPATCH_TIME].detail["seconds"] == 90
    silent = {d.dimension: d for d in by_key["silent"].dimensions}
    assert set(silent) == {
        Dimension.ANSWER,
        Dimension.CLASS,
        Dimension.CATEGORY,
        Dimension.PRIORITY,
        Dimension.AGENCIES,
        Dimension.DISPATCH_TIME,
    }
    assert (silent[Dimension.CLASS].score, silent[Dimension.CLASS].reason) == (1.0, Reason.RIGHT)
    assert silent[Dimension.DISPATCH_TIME].detail["seconds"] == 30
    assert silent[Dimension.PRIORITY].detail == {"expected": "P2", "recorded": "P1"}
    surge = {d.dimension: d.reason for d in by_key["surge1.1"].dimensions}
    assert surge == {Dimension.ANSWER: Reason.NOT_ANSWERED, Dimension.CLASS: Reason.WRONG}

    history = training_scores.trainee_history(ctx, drill.trainee_id)
    assert len(history) == 1
    row = history[0]
    assert (row.session_id, row.scenario_id, row.calls) == (drill.session_id, "drill-test", 3)
    assert row.mean_total == 79.7  # (84.5 + 70.0 + 84.6) / 3 = 79.7
    assert row.passed_share == 1.0


def test_observing_reads_what_was_recorded(ctx: ServiceContext, clock: ManualClock) -> None:
    drill = play_drill(ctx, clock)
    observed = {o.call_key: o for o in training_scores.observe_session(ctx, drill.session_id, SCENARIO)}
    fire = observed["fire"].observed
    assert fire.answered_at is not None
    assert (fire.answered_at - fire.rung_at).total_seconds() == 8
    assert fire.questions == {"people_inside", "injured"}
    assert [u.call_sign for u in fire.units] == ["DEMO-DMK-01", "DEMO-POL-01"]
    assert {"caller_name", "street", "village"} <= fire.filled
    silent = observed["silent"].observed
    assert silent.reached_at is not None
    assert silent.category == "MED"
    assert observed["surge1.1"].truth.call_class.value == "information"
    assert observed["surge1.1"].observed.answered_at is None


def test_scoring_twice_keeps_the_stored_rows(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    drill = play_drill(ctx, clock)
    rules, sha = load_scoring_rules()
    changes.clear()
    first = training_scores.score_session(ctx, drill.session_id, SCENARIO, rules, sha)
    assert Change(Topic.TRAINING, (drill.session_id,)) in changes
    with ctx.database.sessions() as session:
        audit = list(
            session.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.TRAINING_SCORE.value))
        )
        rows = [(r.id, r.call_key, r.total, r.detail) for r in session.scalars(select(TrainingScore))]
    assert len(audit) == 4
    assert {json.loads(a.detail or "{}")["call_key"] for a in audit} == {
        "fire",
        "prank",
        "silent",
        "surge1.1",
    }

    clock.advance(3600)
    stricter = type(rules)(rules.weights, 90.0)
    changes.clear()
    second = training_scores.score_session(ctx, drill.session_id, SCENARIO, stricter, "f" * 64)
    assert second == first
    assert changes == []
    with ctx.database.sessions() as session:
        again = [(r.id, r.call_key, r.total, r.detail) for r in session.scalars(select(TrainingScore))]
        assert session.scalars(
            select(AuditEntry.id).where(AuditEntry.action == AuditAction.TRAINING_SCORE.value)
        ).all() == [a.id for a in audit]
    assert again == rows
    assert training_scores.session_scores(ctx, drill.session_id) == first


def test_an_unknown_session_is_refused(ctx: ServiceContext) -> None:
    rules, sha = load_scoring_rules()
    with pytest.raises(ServiceError) as refused:
        training_scores.score_session(ctx, 999, SCENARIO, rules, sha)
    assert refused.value.code is Refusal.NO_SUCH_TRAINING_SESSION


def test_a_live_database_is_refused(tmp_path: Path, clock: ManualClock) -> None:
    live = open_database(sqlite_url(tmp_path / "live.sqlite3"))
    try:
        ctx = accounts.register_console(live, clock, ChangeBus(), "KONSOL-02", "test-host")
        rules, sha = load_scoring_rules()
        with pytest.raises(ServiceError) as refused:
            training_scores.score_session(ctx, 1, SCENARIO, rules, sha)
        assert refused.value.code is Refusal.TRAINING_ONLY
        with live.sessions() as session:
            assert session.scalars(select(TrainingScore)).all() == []
    finally:
        live.dispose()


def test_a_surge_callers_truth_as_the_run_writes_it() -> None:
    truth = training_scores.surge_truth('{"category":"MED","class":"emergency","priority":"P1"}')
    assert (truth.call_class, truth.category, truth.priority) == (CallClass.EMERGENCY, "MED", Priority.P1)
    assert truth.emergency
    prank = training_scores.surge_truth('{"class":"prank"}')
    assert (prank.call_class, prank.category, prank.priority) == (CallClass.PRANK, None, None)


def test_a_session_scored_with_another_scenario_says_so(ctx: ServiceContext, clock: ManualClock) -> None:
    drill = play_drill(ctx, clock)
    other = replace(SCENARIO, id="other", calls=SCENARIO.calls[:1])
    rules, sha = load_scoring_rules()
    with pytest.raises(ValueError, match="'prank' is not in scenario 'other'"):
        training_scores.score_session(ctx, drill.session_id, other, rules, sha)
    assert training_scores.session_scores(ctx, drill.session_id) == []
