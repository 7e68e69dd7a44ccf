"""Scores of a training session: what each trainee recorded for each call, scored against the truth.

:func:`observe_session` reads what was recorded for every call a session rang (the call, its
incident, the protocol answers in the audit log, the units sent, the callback that reached the
caller); :func:`score_session` scores each one with ``dispatch.domain.training_score`` and writes the
``training_scores`` rows once (a second scoring returns the stored rows unchanged, so a debrief never
changes under a trainee's eyes). The truth of a scripted call is the scenario's; a surge caller's is
``training_calls.generated_truth`` (``{"class": ..., "category": ...}``), with the default budgets.

Only a training database holds scores: a live one is refused (``Refusal.TRAINING_ONLY``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import AgencyType, CallClass, Priority
from dispatch.domain.incidents import TEXT_FIELDS
from dispatch.domain.positions import PositionSource
from dispatch.domain.scenarios import CallTruth, Scenario, TimeBudget
from dispatch.domain.training_score import (
    Detail,
    Dimension,
    DimensionScore,
    Observed,
    ScoringRules,
    SentUnit,
    round_half_up,
    score_call,
)
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import insert_unless_taken, reading, unit_of_work
from dispatch.store.database import DatabaseKind
from dispatch.store.tables import (
    Assignment,
    AuditEntry,
    Call,
    Callback,
    CallbackAttempt,
    Incident,
    TrainingCall,
    TrainingScore,
    TrainingSession,
    Unit,
)


@dataclass(frozen=True, slots=True)
class ObservedCall:
    call_key: str
    call_id: int
    #: Who answered the call (or, unanswered, who reached the caller on callback); None: nobody.
    user_id: int | None
    truth: CallTruth
    budget: TimeBudget
    observed: Observed


@dataclass(frozen=True, slots=True)
class ScoreView:
    id: int
    session_id: int
    call_key: str
    call_id: int | None
    user_id: int | None
    scored_at: datetime
    total: float
    passed: bool
    dimensions: tuple[DimensionScore, ...]
    rules_sha256: str
    #: The pass mark the call was judged against (kept in the row's detail with the dimensions).
    pass_mark: float


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One session of a trainee's: the mean of their calls' totals and the share of calls passed."""

    session_id: int
    scenario_id: str
    started_at: datetime
    calls: int
    mean_total: float
    passed_share: float


def _json(value: Any) -> str:
    # The same text as dispatch.reports.handover.canonical_json, which services do not import.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def surge_truth(generated: str) -> CallTruth:
    """A surge caller's truth from ``training_calls.generated_truth``."""
    data = json.loads(generated)
    category = data.get("category") or None
    priority = data.get("priority") or None
    return CallTruth(
        call_class=CallClass(data["class"]),
        category=str(category) if category else None,
        priority=Priority(priority) if priority else None,
    )


def call_truth(scenario: Scenario, row: TrainingCall) -> tuple[CallTruth, TimeBudget]:
    """The truth and budget of a call the session rang: the scenario's, or the surge caller's own."""
    if row.generated_truth:
        return surge_truth(row.generated_truth), TimeBudget()
    try:
        scripted = scenario.call(row.call_key)
    except KeyError:
        raise ValueError(
            f"the session's call {row.call_key!r} is not in scenario {scenario.id!r}: score a session "
            "with the scenario it ran"
        ) from None
    return scripted.truth, scripted.budget


def _session(session: Any, session_id: int) -> TrainingSession:
    row = session.get(TrainingSession, session_id)
    if row is None:
        raise ServiceError(Refusal.NO_SUCH_TRAINING_SESSION, session_id=session_id)
    assert isinstance(row, TrainingSession)
    return row


def observe_session(ctx: ServiceContext, session_id: int, scenario: Scenario) -> list[ObservedCall]:
    """What was recorded for every call the session rang, in the order they rang.

    A handful of queries for the whole session (calls, incidents, protocol answers, units, callbacks),
    whatever its size: a 40-call drill is scored well within a second.
    """
    with reading(ctx) as session:
        _session(session, session_id)
        rows = list(
            session.execute(
                select(TrainingCall, Call)
                .join(Call, Call.id == TrainingCall.call_id)
                .where(TrainingCall.session_id == session_id)
                .order_by(Call.ring_at, Call.id)
            )
        )
        incident_ids = sorted({call.incident_id for _, call in rows if call.incident_id is not None})
        incidents = {
            incident.id: incident
            for incident in session.scalars(select(Incident).where(Incident.id.in_(incident_ids)))
        }
        questions: dict[int, set[str]] = defaultdict(set)
        answers = session.execute(
            select(AuditEntry.entity_id, AuditEntry.detail).where(
                AuditEntry.entity == "incident",
                AuditEntry.entity_id.in_([str(i) for i in incident_ids]),
                AuditEntry.action == AuditAction.INCIDENT_PROTOCOL_ANSWER.value,
            )
        )
        for entity_id, detail in answers:
            question = json.loads(detail or "{}").get("question")
            if entity_id is not None and question:
                questions[int(entity_id)].add(str(question))
        units: dict[int, list[SentUnit]] = defaultdict(list)
        sent = session.execute(
            select(Assignment.incident_id, Assignment.dispatched_at, Unit.agency_type, Unit.call_sign)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.incident_id.in_(incident_ids))
            .order_by(Assignment.dispatched_at, Assignment.id)
        )
        for incident_id, at, agency, call_sign in sent:
            units[incident_id].append(SentUnit(at, AgencyType(agency), call_sign))
        reached: dict[int, tuple[datetime, int | None]] = {}
        attempts = session.execute(
            select(Callback.call_id, CallbackAttempt.at, CallbackAttempt.user_id)
            .join(CallbackAttempt, CallbackAttempt.callback_id == Callback.id)
            .where(
                Callback.call_id.in_([call.id for _, call in rows]),
                CallbackAttempt.outcome == CallbackOutcome.REACHED_EMERGENCY.value,
            )
            .order_by(CallbackAttempt.at, CallbackAttempt.id)
        )
        for call_id, at, user_id in attempts:
            reached.setdefault(call_id, (at, user_id))

    observed: list[ObservedCall] = []
    for training_call, call in rows:
        truth, budget = call_truth(scenario, training_call)
        incident = incidents.get(call.incident_id) if call.incident_id is not None else None
        reach = reached.get(call.id)
        point = None
        if (
            incident is not None
            and incident.lat is not None
            and incident.lon is not None
            # An area's centre comes with the pick (scored as the area), not a position the trainee found.
            and incident.position_source not in (PositionSource.VILLAGE.value, PositionSource.DISTRICT.value)
        ):
            point = (incident.lat, incident.lon)
        seen = Observed(
            rung_at=call.ring_at,
            answered_at=call.answered_at if call.answered_by is not None else None,
            answered_by=call.answered_by,
            classification=CallClass(call.classification) if call.classification else None,
            reached_at=None if reach is None else reach[0],
            category=None if incident is None else incident.category,
            priority=None if incident is None else Priority(incident.priority),
            area_code=None if incident is None else (incident.area_code or None),
            point=point,
            questions=frozenset(questions.get(incident.id, ())) if incident is not None else frozenset(),
            units=tuple(units.get(incident.id, ())) if incident is not None else (),
            filled=frozenset(
                name for name in TEXT_FIELDS if incident is not None and getattr(incident, name)
            ),
        )
        user_id = call.answered_by if call.answered_by is not None else (None if reach is None else reach[1])
        observed.append(ObservedCall(training_call.call_key, call.id, user_id, truth, budget, seen))
    return observed


def _detail_json(dimensions: tuple[DimensionScore, ...], pass_mark: float) -> str:
    return _json(
        {
            "pass_mark": pass_mark,
            "dimensions": [
                {
                    "dimension": d.dimension.value,
                    "score": d.score,
                    "weight": d.weight,
                    "reason": str(d.reason),
                    "detail": d.detail,
                }
                for d in dimensions
            ],
        }
    )


def _dimensions(data: dict[str, Any]) -> tuple[DimensionScore, ...]:
    parts: list[DimensionScore] = []
    for item in data.get("dimensions", []):
        plain: Detail = dict(item.get("detail") or {})
        parts.append(
            DimensionScore(Dimension(item["dimension"]), item["score"], item["weight"], item["reason"], plain)
        )
    return tuple(parts)


def _view(row: TrainingScore) -> ScoreView:
    detail = json.loads(row.detail or "{}")
    return ScoreView(
        id=row.id,
        session_id=row.session_id,
        call_key=row.call_key,
        call_id=row.call_id,
        user_id=row.user_id,
        scored_at=row.scored_at,
        total=row.total,
        passed=row.passed,
        dimensions=_dimensions(detail),
        rules_sha256=row.rules_sha256,
        pass_mark=float(detail.get("pass_mark", 0.0)),
    )


def score_session(
    ctx: ServiceContext, session_id: int, scenario: Scenario, rules: ScoringRules, rules_sha256: str
) -> list[ScoreView]:
    """Score every call the session rang and store the scores (once per call); all its scores.

    A call scored before keeps its stored score (the rules or the records may have changed since:
    the stored score is what the trainee was told). One unit of work, one TRAINING_SCORE audit row
    per score written.
    """
    if ctx.database.kind is DatabaseKind.LIVE:
        raise ServiceError(Refusal.TRAINING_ONLY)
    observed = observe_session(ctx, session_id, scenario)
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        _session(session, session_id)
        stored = set(
            session.scalars(select(TrainingScore.call_key).where(TrainingScore.session_id == session_id))
        )
        written = 0
        for call in observed:
            if call.call_key in stored:
                continue
            score = score_call(call.truth, call.budget, call.observed, rules)
            row = TrainingScore(
                session_id=session_id,
                call_key=call.call_key,
                call_id=call.call_id,
                user_id=call.user_id,
                scored_at=now,
                total=score.total,
                passed=score.passed,
                detail=_detail_json(score.dimensions, rules.pass_mark),
                rules_sha256=rules_sha256,
            )
            if not insert_unless_taken(session, row):
                continue  # scored by another console first: that score stands
            work.audit(
                AuditAction.TRAINING_SCORE,
                "training_score",
                row.id,
                session=session_id,
                call_key=call.call_key,
                call=call.call_id,
                total=score.total,
                passed=score.passed,
            )
            written += 1
        if written:
            work.notify(Topic.TRAINING, session_id)
    return session_scores(ctx, session_id)


def session_scores(ctx: ServiceContext, session_id: int) -> list[ScoreView]:
    """The stored scores of a session, in the order they were written (the order the calls rang)."""
    with reading(ctx) as session:
        rows = session.scalars(
            select(TrainingScore).where(TrainingScore.session_id == session_id).order_by(TrainingScore.id)
        )
        return [_view(row) for row in rows]


def trainee_history(ctx: ServiceContext, user_id: int) -> list[HistoryRow]:
    """Every session with a scored call of the trainee's, oldest first."""
    with reading(ctx) as session:
        rows = session.execute(
            select(
                TrainingSession.id,
                TrainingSession.scenario_id,
                TrainingSession.started_at,
                TrainingScore.total,
                TrainingScore.passed,
            )
            .join(TrainingScore, TrainingScore.session_id == TrainingSession.id)
            .where(TrainingScore.user_id == user_id)
            .order_by(TrainingSession.started_at, TrainingSession.id, TrainingScore.id)
        )
        sessions: dict[int, tuple[str, datetime, list[tuple[float, bool]]]] = {}
        for sid, scenario_id, started_at, total, passed in rows:
            sessions.setdefault(sid, (scenario_id, started_at, []))[2].append((total, passed))
    return [
        HistoryRow(
            session_id=sid,
            scenario_id=scenario_id,
            started_at=started_at,
            calls=len(scores),
            mean_total=round_half_up(sum(total for total, _ in scores) / len(scores)),
            passed_share=sum(1 for _, passed in scores if passed) / len(scores),
        )
        for sid, (scenario_id, started_at, scores) in sessions.items()
    ]
