"""A training debrief: per call, what the trainee did (on a timeline, in seconds from the ring) beside
what was expected (the truth and its budgets), the score per dimension, and the trainee's history.

Language-neutral: codes, numbers and times only (``ui/reports/debrief.py`` words it, on screen and in
PDF). The scores are the stored ones (``services.training_scores``); a call not scored yet is listed
with its actions and no score. The actions come from the audit log (answer, classification, fields,
area, position, protocol answers, notes), the assignments (dispatch and each unit's milestones) and
the callback attempts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select

from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import CallClass
from dispatch.domain.positions import PositionSource
from dispatch.domain.scenarios import CallTruth, Scenario, TimeBudget
from dispatch.domain.training_score import Detail, Dimension, round_half_up
from dispatch.reports.handover import canonical
from dispatch.services import training_scores
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import reading
from dispatch.store.tables import (
    Assignment,
    AuditEntry,
    Call,
    Callback,
    CallbackAttempt,
    TrainingCall,
    TrainingSession,
    Unit,
    User,
)


class ActionKind(StrEnum):
    """What the trainee (or the simulated world) did, as a debrief line."""

    ANSWERED = "answered"
    CLASSIFIED = "classified"  # value: the class
    FIELD = "field"  # value: the field's name
    CATEGORY = "category"  # value: the code
    PRIORITY = "priority"  # value: P1..P4
    AREA = "area"  # value: the kelurahan code
    POSITION = "position"  # value: "lat,lon"
    QUESTION = "question"  # value: the protocol question's id
    NOTE = "note"
    DISPATCHED = "dispatched"  # unit: the call sign
    UNIT_STATUS = "unit_status"  # unit, value: the status reached
    CALLBACK = "callback"  # value: the attempt's outcome
    HUNG_UP = "hung_up"
    ENDED = "ended"  # the caller hung up (or the line dropped)
    CLOSED = "closed"  # the incident closed


class ExpectedKind(StrEnum):
    """What the truth asked for, as a debrief line."""

    ANSWER = "answer"  # by: seconds from ring
    CLASS = "class"  # value: the class
    CALLBACK = "callback"  # value: the class the callback reveals (emergency)
    CATEGORY = "category"
    PRIORITY = "priority"
    AREA = "area"
    POSITION = "position"  # value: "lat,lon"
    QUESTION = "question"
    AGENCY = "agency"  # value: the agency; count: the fewest units
    DISPATCH = "dispatch"  # by: seconds from ring
    FIELD = "field"


@dataclass(frozen=True, slots=True)
class Action:
    seconds: float
    kind: ActionKind
    value: str = ""
    unit: str = ""
    #: Who did it (None: the console or the simulated crews).
    user_id: int | None = None


@dataclass(frozen=True, slots=True)
class Expected:
    kind: ExpectedKind
    value: str = ""
    #: Seconds from the ring by which it should have been done (None: no time limit of its own).
    by_seconds: float | None = None
    count: int = 0


@dataclass(frozen=True, slots=True)
class DimensionLine:
    dimension: Dimension
    score: float
    weight: float
    #: ``dispatch.domain.training_score.Reason`` value.
    reason: str
    detail: Detail


@dataclass(frozen=True, slots=True)
class DebriefCall:
    call_key: str
    call_id: int
    rung_at: datetime
    #: Who answered it (or reached the caller on callback).
    user_id: int | None
    truth_class: CallClass
    after_callback: CallClass | None
    #: None: not scored yet.
    total: float | None
    passed: bool | None
    dimensions: tuple[DimensionLine, ...]
    actions: tuple[Action, ...]
    expected: tuple[Expected, ...]


@dataclass(frozen=True, slots=True)
class Debrief:
    session_id: int
    scenario_id: str
    title_id: str
    title_en: str
    started_at: datetime
    ended_at: datetime | None
    #: The trainee debriefed (None: every call of the session, the trainer's view).
    user_id: int | None
    user_name: str
    pass_mark: float | None
    calls: tuple[DebriefCall, ...]
    #: Mean of the scored calls' totals (rounded half up to 0.1); None when none is scored.
    mean_total: float | None
    calls_passed: int
    calls_scored: int
    #: The mean reaches the pass mark.
    passed: bool | None
    history: tuple[training_scores.HistoryRow, ...]

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values (``ui.reports`` renders this as kind ``debrief``)."""
        plain = canonical(asdict(self))
        assert isinstance(plain, dict)
        return plain


def _seconds(at: datetime, rung_at: datetime) -> float:
    return round((at - rung_at).total_seconds(), 1)


def _expected(truth: CallTruth, budget: TimeBudget, actions: list[Action]) -> tuple[Expected, ...]:
    lines: list[Expected] = []
    if truth.call_class is not CallClass.ABANDONED:
        lines.append(Expected(ExpectedKind.ANSWER, by_seconds=budget.answer_seconds))
    lines.append(Expected(ExpectedKind.CLASS, truth.call_class.value))
    if truth.after_callback is not None:
        lines.append(Expected(ExpectedKind.CALLBACK, truth.after_callback.value))
    if truth.emergency:
        if truth.category:
            lines.append(Expected(ExpectedKind.CATEGORY, truth.category))
        if truth.priority:
            lines.append(Expected(ExpectedKind.PRIORITY, truth.priority.value))
        if truth.area_code:
            lines.append(Expected(ExpectedKind.AREA, truth.area_code))
        if truth.point:
            lines.append(Expected(ExpectedKind.POSITION, f"{truth.point[0]:.5f},{truth.point[1]:.5f}"))
        lines.extend(Expected(ExpectedKind.QUESTION, q) for q in dict.fromkeys(truth.questions))
        lines.extend(
            Expected(ExpectedKind.AGENCY, agency.value, count=count)
            for agency, count in sorted(truth.agencies.items())
            if count > 0
        )
        if any(count > 0 for count in truth.agencies.values()):
            # The clock starts at answer (at reaching the caller, for a callback emergency).
            start_kind = (
                ActionKind.CALLBACK if truth.after_callback is CallClass.EMERGENCY else ActionKind.ANSWERED
            )
            starts = [
                a.seconds
                for a in actions
                if a.kind is start_kind
                and (start_kind is ActionKind.ANSWERED or a.value == "reached_emergency")
            ]
            start = min(starts) if starts else budget.answer_seconds
            lines.append(
                Expected(ExpectedKind.DISPATCH, by_seconds=round(start + budget.dispatch_seconds, 1))
            )
    lines.extend(Expected(ExpectedKind.FIELD, f) for f in dict.fromkeys(truth.fields))
    return tuple(lines)


_CALL_ACTIONS = {
    AuditAction.CALL_ANSWER.value: ActionKind.ANSWERED,
    AuditAction.CALL_CLASSIFY.value: ActionKind.CLASSIFIED,
    AuditAction.CALL_HANG_UP.value: ActionKind.HUNG_UP,
    AuditAction.CALL_ENDED.value: ActionKind.ENDED,
}
_INCIDENT_ACTIONS = (
    AuditAction.INCIDENT_UPDATE.value,
    AuditAction.INCIDENT_AREA.value,
    AuditAction.INCIDENT_POSITION.value,
    AuditAction.INCIDENT_PROTOCOL_ANSWER.value,
    AuditAction.INCIDENT_NOTE.value,
    AuditAction.INCIDENT_CLOSE.value,
)
_MILESTONES = (
    ("acknowledged_at", "acknowledged"),
    ("en_route_at", "en_route"),
    ("on_scene_at", "on_scene"),
    ("patient_contact_at", "patient_contact"),
    ("transporting_at", "transporting"),
    ("at_hospital_at", "at_hospital"),
    ("cleared_at", "cleared"),
    ("cancelled_at", "cancelled"),
)


def _audit_action(row: AuditEntry, rung_at: datetime) -> Action | None:
    detail = json.loads(row.detail or "{}")
    seconds = _seconds(row.at, rung_at)
    kind = _CALL_ACTIONS.get(row.action)
    if row.entity == "call":
        if kind is None:
            return None
        value = str(detail.get("after", "")) if kind is ActionKind.CLASSIFIED else ""
        return Action(seconds, kind, value, user_id=row.user_id)
    if row.action == AuditAction.INCIDENT_UPDATE.value:
        name = str(detail.get("field", ""))
        if name == "category":
            return Action(seconds, ActionKind.CATEGORY, str(detail.get("after") or ""), user_id=row.user_id)
        if name == "priority":
            return Action(seconds, ActionKind.PRIORITY, str(detail.get("after") or ""), user_id=row.user_id)
        if name == "flags":
            return None  # a protocol answer's consequence, shown by its question
        return Action(seconds, ActionKind.FIELD, name, user_id=row.user_id)
    if row.action == AuditAction.INCIDENT_AREA.value:
        after = detail.get("after") or {}
        return Action(seconds, ActionKind.AREA, str(after.get("area_code", "")), user_id=row.user_id)
    if row.action == AuditAction.INCIDENT_POSITION.value:
        after = detail.get("after")
        if isinstance(after, dict):  # since migration 0015: the position with its source
            if after.get("source") in (PositionSource.VILLAGE.value, PositionSource.DISTRICT.value):
                return None  # an area's centre, placed by the trainee's pick (the AREA action)
            lat, lon = after.get("lat"), after.get("lon")
        else:
            lat, lon = tuple(after or (None, None))
        value = "" if lat is None or lon is None else f"{float(lat):.5f},{float(lon):.5f}"
        return Action(seconds, ActionKind.POSITION, value, user_id=row.user_id)
    if row.action == AuditAction.INCIDENT_PROTOCOL_ANSWER.value:
        return Action(seconds, ActionKind.QUESTION, str(detail.get("question", "")), user_id=row.user_id)
    if row.action == AuditAction.INCIDENT_NOTE.value:
        return Action(seconds, ActionKind.NOTE, user_id=row.user_id)
    if row.action == AuditAction.INCIDENT_CLOSE.value:
        return Action(seconds, ActionKind.CLOSED, str(detail.get("disposition", "")), user_id=row.user_id)
    return None


def debrief_data(ctx: ServiceContext, session_id: int, user_id: int | None, scenario: Scenario) -> Debrief:
    """The debrief of ``user_id``'s calls in the session (None: all its calls)."""
    scores = {score.call_key: score for score in training_scores.session_scores(ctx, session_id)}
    with reading(ctx) as session:
        row = session.get(TrainingSession, session_id)
        if row is None:
            raise ServiceError(Refusal.NO_SUCH_TRAINING_SESSION, session_id=session_id)
        user_name = ""
        if user_id is not None:
            user = session.get(User, user_id)
            if user is None:
                raise ServiceError(Refusal.NO_SUCH_USER, user_id=user_id)
            user_name = user.full_name
        linked = list(
            session.execute(
                select(TrainingCall, Call)
                .join(Call, Call.id == TrainingCall.call_id)
                .where(TrainingCall.session_id == session_id)
                .order_by(Call.ring_at, Call.id)
            )
        )
        reached_by: dict[int, int | None] = {}
        attempts: dict[int, list[CallbackAttempt]] = defaultdict(list)
        call_ids = [call.id for _, call in linked]
        for call_id, attempt in session.execute(
            select(Callback.call_id, CallbackAttempt)
            .join(CallbackAttempt, CallbackAttempt.callback_id == Callback.id)
            .where(Callback.call_id.in_(call_ids))
            .order_by(CallbackAttempt.at, CallbackAttempt.id)
        ):
            attempts[call_id].append(attempt)
            if attempt.outcome == "reached_emergency":
                reached_by.setdefault(call_id, attempt.user_id)
        mine = []
        for training_call, call in linked:
            score = scores.get(training_call.call_key)
            who = score.user_id if score is not None else (call.answered_by or reached_by.get(call.id))
            if user_id is None or who == user_id:
                mine.append((training_call, call, who))
        incident_ids = [call.incident_id for _, call, _ in mine if call.incident_id is not None]
        audit_rows = list(
            session.scalars(
                select(AuditEntry)
                .where(
                    or_(
                        (AuditEntry.entity == "call")
                        & AuditEntry.entity_id.in_([str(call.id) for _, call, _ in mine])
                        & AuditEntry.action.in_(list(_CALL_ACTIONS)),
                        (AuditEntry.entity == "incident")
                        & AuditEntry.entity_id.in_([str(i) for i in incident_ids])
                        & AuditEntry.action.in_(_INCIDENT_ACTIONS),
                    )
                )
                .order_by(AuditEntry.at, AuditEntry.id)
            )
        )
        by_entity: dict[tuple[str, str], list[AuditEntry]] = defaultdict(list)
        for entry in audit_rows:
            by_entity[(entry.entity, entry.entity_id or "")].append(entry)
        sent: dict[int, list[tuple[Assignment, str]]] = defaultdict(list)
        for assignment, call_sign in session.execute(
            select(Assignment, Unit.call_sign)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.incident_id.in_(incident_ids))
            .order_by(Assignment.dispatched_at, Assignment.id)
        ):
            sent[assignment.incident_id].append((assignment, call_sign))

        calls: list[DebriefCall] = []
        for training_call, call, who in mine:
            rung = call.ring_at
            actions: list[Action] = []
            keys = [("call", str(call.id))]
            if call.incident_id is not None:
                keys.append(("incident", str(call.incident_id)))
            for key in keys:
                for entry in by_entity.get(key, ()):
                    action = _audit_action(entry, rung)
                    if action is not None:
                        actions.append(action)
            for attempt in attempts.get(call.id, ()):
                actions.append(
                    Action(
                        _seconds(attempt.at, rung),
                        ActionKind.CALLBACK,
                        attempt.outcome,
                        user_id=attempt.user_id,
                    )
                )
            for assignment, call_sign in sent.get(call.incident_id or -1, ()):
                actions.append(
                    Action(
                        _seconds(assignment.dispatched_at, rung),
                        ActionKind.DISPATCHED,
                        unit=call_sign,
                        user_id=assignment.dispatched_by,
                    )
                )
                for column, status in _MILESTONES:
                    at = getattr(assignment, column)
                    if at is not None:
                        actions.append(Action(_seconds(at, rung), ActionKind.UNIT_STATUS, status, call_sign))
            actions.sort(key=lambda a: a.seconds)
            truth, budget = training_scores.call_truth(scenario, training_call)
            score = scores.get(training_call.call_key)
            calls.append(
                DebriefCall(
                    call_key=training_call.call_key,
                    call_id=call.id,
                    rung_at=rung,
                    user_id=who,
                    truth_class=truth.call_class,
                    after_callback=truth.after_callback,
                    total=None if score is None else score.total,
                    passed=None if score is None else score.passed,
                    dimensions=()
                    if score is None
                    else tuple(
                        DimensionLine(d.dimension, d.score or 0.0, d.weight, str(d.reason), d.detail)
                        for d in score.dimensions
                    ),
                    actions=tuple(actions),
                    expected=_expected(truth, budget, actions),
                )
            )
        started_at, ended_at, scenario_id = row.started_at, row.ended_at, row.scenario_id

    scored = [c for c in calls if c.total is not None]
    mean = round_half_up(sum(c.total or 0.0 for c in scored) / len(scored)) if scored else None
    marks = {scores[c.call_key].pass_mark for c in scored}
    pass_mark = max(marks) if marks else None
    history = () if user_id is None else tuple(training_scores.trainee_history(ctx, user_id))
    return Debrief(
        session_id=session_id,
        scenario_id=scenario_id,
        title_id=scenario.title.id,
        title_en=scenario.title.en,
        started_at=started_at,
        ended_at=ended_at,
        user_id=user_id,
        user_name=user_name,
        pass_mark=pass_mark,
        calls=tuple(calls),
        mean_total=mean,
        calls_passed=sum(1 for c in scored if c.passed),
        calls_scored=len(scored),
        passed=None if mean is None or pass_mark is None else mean >= pass_mark,
        history=history,
    )
