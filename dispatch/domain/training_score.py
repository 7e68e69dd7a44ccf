"""Scoring a training call against its ground truth: pure arithmetic a trainer can redo by hand.

A call is scored on up to nine dimensions (:class:`Dimension`), each from 0 to 1:

- **answer**: seconds from ring to answer. Full credit within ``budget.answer_seconds``, none at
  ``late_factor`` times the budget or later, linear between; an unanswered call scores 0. Not
  applicable when the truth is ``abandoned`` (the caller gave up before anyone could answer).
- **class**: the call classified as the truth's class (1 or 0). A silent call that turns into an
  emergency on callback (``after_callback``): 1 when classified ``silent`` AND the callback reached
  the caller as an emergency (``reached_at``), 0.5 when only one of the two, 0 when neither.
- **category**, **priority**: exactly the truth's (1 or 0); emergencies only, when the truth names one.
- **location**: the kelurahan code right earns ``kelurahan_share`` of the credit; the rest goes by
  the distance of the recorded point from the truth's point (full within ``near_m``, none beyond
  ``far_m``, linear between; no point recorded: 0). When the truth gives only a code (or only a
  point), that part carries the whole credit. Emergencies only.
- **questions**: the share of the required protocol questions whose answer was recorded.
- **agencies**: per required agency ``min(sent, needed) / needed``, averaged over the agencies.
- **dispatch_time**: seconds from answer (from ``reached_at`` for a callback emergency) to the first
  unit dispatched, on the same curve against ``budget.dispatch_seconds`` (NFPA 1225: 60 s); no
  answer, no callback reached or no unit sent: 0. Emergencies with agencies to send only.
- **fields**: the share of the required incident form fields that are not empty.

A dimension that does not apply (a prank has no category) is left out, and the weights of those that
apply are renormalised to sum to 1 (:attr:`DimensionScore.weight` is that share). The total is
``100 × Σ weight × score``, rounded half up to 0.1; the call passes when ``total >= pass_mark``.
Weights, the pass mark and the curves are data (``resources/scenarios/scoring.json``, read by
``dispatch.simulator.scoring_files``); docs/training-scores.md works an example through.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from dispatch.domain.enums import AgencyType, CallClass, Priority
from dispatch.domain.geo import distance_m
from dispatch.domain.scenarios import CallTruth, TimeBudget


class Dimension(StrEnum):
    ANSWER = "answer"
    CLASS = "class"
    CATEGORY = "category"
    PRIORITY = "priority"
    LOCATION = "location"
    QUESTIONS = "questions"
    AGENCIES = "agencies"
    DISPATCH_TIME = "dispatch_time"
    FIELDS = "fields"


class Reason(StrEnum):
    """Why a dimension scored what it did (``DimensionScore.reason``); the debrief words it."""

    IN_TIME = "in_time"  # within the budget: full credit
    LATE = "late"  # after the budget, before late_factor × budget: part credit
    TOO_LATE = "too_late"  # at or after late_factor × budget: none
    NOT_ANSWERED = "not_answered"
    NOT_REACHED = "not_reached"  # a callback emergency whose caller was never reached
    NOT_DISPATCHED = "not_dispatched"
    RIGHT = "right"
    WRONG = "wrong"
    NOT_RECORDED = "not_recorded"
    HALF = "half"  # a silent call: classified silent or the callback reached, not both
    ALL = "all"  # every required question, agency or field
    SOME = "some"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class TimeCurve:
    """Full credit within the budget, none from ``late_factor`` × budget on, linear between."""

    late_factor: float = 3.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.late_factor) and self.late_factor > 1.0):
            raise ValueError(f"late_factor must be a number above 1: {self.late_factor!r}")

    def credit(self, seconds: float, budget: float) -> float:
        if seconds <= budget:
            return 1.0
        none_after = self.late_factor * budget
        if seconds >= none_after:
            return 0.0
        return (none_after - seconds) / (none_after - budget)


@dataclass(frozen=True, slots=True)
class LocationRule:
    """The kelurahan code's share of the location credit and the distance curve of the point's share."""

    kelurahan_share: float = 0.5
    near_m: float = 100.0
    far_m: float = 1000.0

    def __post_init__(self) -> None:
        if not (0.0 <= self.kelurahan_share <= 1.0):
            raise ValueError(f"kelurahan_share must be within 0..1: {self.kelurahan_share!r}")
        if not (0.0 <= self.near_m < self.far_m and math.isfinite(self.far_m)):
            raise ValueError(f"need 0 <= near_m < far_m: {self.near_m!r}, {self.far_m!r}")

    def point_credit(self, metres: float) -> float:
        if metres <= self.near_m:
            return 1.0
        if metres >= self.far_m:
            return 0.0
        return (self.far_m - metres) / (self.far_m - self.near_m)


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """Weights (every dimension's, each above 0), the pass mark (0-100) and the curves."""

    weights: Mapping[Dimension, float]
    pass_mark: float = 70.0
    answer_curve: TimeCurve = TimeCurve()
    dispatch_curve: TimeCurve = TimeCurve()
    location: LocationRule = LocationRule()

    def __post_init__(self) -> None:
        missing = [d.value for d in Dimension if d not in self.weights]
        if missing:
            raise ValueError(f"weights missing for {', '.join(missing)}")
        for dimension, weight in self.weights.items():
            if not (math.isfinite(weight) and weight > 0):
                raise ValueError(f"the weight of {dimension} must be a number above 0: {weight!r}")
        if not (0.0 <= self.pass_mark <= 100.0):
            raise ValueError(f"pass_mark must be within 0..100: {self.pass_mark!r}")


@dataclass(frozen=True, slots=True)
class SentUnit:
    """A unit dispatched to the call's incident."""

    at: datetime
    agency: AgencyType
    call_sign: str


@dataclass(frozen=True, slots=True)
class Observed:
    """What the trainee recorded for one call (read from the database by ``services.training_scores``)."""

    rung_at: datetime
    answered_at: datetime | None = None
    answered_by: int | None = None
    classification: CallClass | None = None
    #: When a callback reached the caller as an emergency (None: never).
    reached_at: datetime | None = None
    category: str | None = None
    priority: Priority | None = None
    area_code: str | None = None
    point: tuple[float, float] | None = None
    #: Protocol question ids whose answers were recorded.
    questions: frozenset[str] = frozenset()
    units: tuple[SentUnit, ...] = ()
    #: Incident form fields that are not empty.
    filled: frozenset[str] = frozenset()


#: A dimension's detail: plain values only (it is stored as JSON).
Detail = dict[str, str | float | int | bool | list[str] | None]


@dataclass(frozen=True, slots=True)
class DimensionScore:
    dimension: Dimension
    #: 0..1; None when the dimension does not apply (such scores are left out of a CallScore).
    score: float | None
    #: This dimension's share of the call's total (the applicable weights renormalised to sum to 1).
    weight: float
    reason: str
    detail: Detail = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CallScore:
    #: 0..100, rounded half up to 0.1.
    total: float
    passed: bool
    dimensions: tuple[DimensionScore, ...]

    def dimension(self, dimension: Dimension) -> DimensionScore | None:
        return next((d for d in self.dimensions if d.dimension is dimension), None)


def round_half_up(value: float, places: int = 1) -> float:
    """``72.25`` -> ``72.3`` (a trainer rounds so; ``round`` would give the nearest even digit). A
    hair of tolerance absorbs binary fractions (``0.1 * 3``) a person would not see."""
    scale: float = 10.0**places
    return math.floor(value * scale + 0.5 + 1e-9) / scale


def combine(
    dimensions: Iterable[DimensionScore], weights: Mapping[Dimension, float], pass_mark: float
) -> CallScore:
    """The call's score from its dimensions' raw scores: those not applicable (None) left out, the
    others' ``weights`` renormalised, the total and whether it passes."""
    applicable = [d for d in dimensions if d.score is not None]
    whole = sum(weights[d.dimension] for d in applicable)
    if not applicable or whole <= 0:
        return CallScore(0.0, pass_mark <= 0.0, ())
    shared = tuple(
        DimensionScore(d.dimension, d.score, weights[d.dimension] / whole, d.reason, d.detail)
        for d in applicable
    )
    mean = sum(weights[d.dimension] * (d.score or 0.0) for d in applicable) / whole
    total = min(100.0, max(0.0, round_half_up(100.0 * mean)))
    return CallScore(total, total >= pass_mark, shared)


def score_call(truth: CallTruth, budget: TimeBudget, observed: Observed, rules: ScoringRules) -> CallScore:
    """Score one call (see the module docstring for every rule)."""
    dimensions = [
        _answer(truth, budget, observed, rules),
        _class(truth, observed),
        _category(truth, observed),
        _priority(truth, observed),
        _location(truth, observed, rules.location),
        _questions(truth, observed),
        _agencies(truth, observed),
        _dispatch_time(truth, budget, observed, rules),
        _fields(truth, observed),
    ]
    return combine(dimensions, rules.weights, rules.pass_mark)


def _na(dimension: Dimension) -> DimensionScore:
    return DimensionScore(dimension, None, 0.0, "")


def _timed(dimension: Dimension, seconds: float, budget: float, curve: TimeCurve) -> DimensionScore:
    credit = curve.credit(seconds, budget)
    reason = Reason.IN_TIME if credit == 1.0 else Reason.TOO_LATE if credit == 0.0 else Reason.LATE
    detail: Detail = {"seconds": seconds, "budget": budget, "none_after": curve.late_factor * budget}
    return DimensionScore(dimension, credit, 0.0, reason, detail)


def _answer(truth: CallTruth, budget: TimeBudget, observed: Observed, rules: ScoringRules) -> DimensionScore:
    if truth.call_class is CallClass.ABANDONED:
        return _na(Dimension.ANSWER)
    if observed.answered_at is None:
        return DimensionScore(
            Dimension.ANSWER, 0.0, 0.0, Reason.NOT_ANSWERED, {"budget": budget.answer_seconds}
        )
    seconds = max(0.0, (observed.answered_at - observed.rung_at).total_seconds())
    return _timed(Dimension.ANSWER, seconds, budget.answer_seconds, rules.answer_curve)


def _class(truth: CallTruth, observed: Observed) -> DimensionScore:
    recorded = None if observed.classification is None else observed.classification.value
    detail: Detail = {"expected": truth.call_class.value, "recorded": recorded}
    if truth.after_callback is CallClass.EMERGENCY:
        silent = observed.classification is CallClass.SILENT
        reached = observed.reached_at is not None
        detail["reached"] = reached
        score = (0.5 if silent else 0.0) + (0.5 if reached else 0.0)
        reason = Reason.RIGHT if score == 1.0 else Reason.HALF if score else Reason.WRONG
        return DimensionScore(Dimension.CLASS, score, 0.0, reason, detail)
    right = observed.classification is truth.call_class
    return DimensionScore(
        Dimension.CLASS, 1.0 if right else 0.0, 0.0, Reason.RIGHT if right else Reason.WRONG, detail
    )


def _exact(
    dimension: Dimension, expected: str | None, recorded: str | None, truth: CallTruth
) -> DimensionScore:
    if not truth.emergency or expected is None:
        return _na(dimension)
    detail: Detail = {"expected": expected, "recorded": recorded}
    if recorded is None or recorded == "":
        return DimensionScore(dimension, 0.0, 0.0, Reason.NOT_RECORDED, detail)
    right = recorded == expected
    return DimensionScore(
        dimension, 1.0 if right else 0.0, 0.0, Reason.RIGHT if right else Reason.WRONG, detail
    )


def _category(truth: CallTruth, observed: Observed) -> DimensionScore:
    return _exact(Dimension.CATEGORY, truth.category, observed.category, truth)


def _priority(truth: CallTruth, observed: Observed) -> DimensionScore:
    expected = None if truth.priority is None else truth.priority.value
    recorded = None if observed.priority is None else observed.priority.value
    return _exact(Dimension.PRIORITY, expected, recorded, truth)


def _location(truth: CallTruth, observed: Observed, rule: LocationRule) -> DimensionScore:
    if not truth.emergency or (truth.area_code is None and truth.point is None):
        return _na(Dimension.LOCATION)
    if truth.area_code is None:
        code_share = 0.0
    elif truth.point is None:
        code_share = 1.0
    else:
        code_share = rule.kelurahan_share
    detail: Detail = {"expected_area": truth.area_code, "recorded_area": observed.area_code or None}
    score = 0.0
    if truth.area_code is not None:
        code_right = observed.area_code == truth.area_code
        detail["area_right"] = code_right
        score += code_share if code_right else 0.0
    if truth.point is not None:
        detail.update(near_m=rule.near_m, far_m=rule.far_m)
        if observed.point is not None:
            metres = distance_m(truth.point[0], truth.point[1], observed.point[0], observed.point[1])
            detail["metres"] = metres
            score += (1.0 - code_share) * rule.point_credit(metres)
        else:
            detail["metres"] = None
    if observed.area_code in (None, "") and observed.point is None:
        reason = Reason.NOT_RECORDED
    else:
        reason = Reason.RIGHT if score >= 1.0 else Reason.WRONG if score == 0.0 else Reason.SOME
    return DimensionScore(Dimension.LOCATION, min(1.0, score), 0.0, reason, detail)


def _share_reason(share: float) -> Reason:
    return Reason.ALL if share >= 1.0 else Reason.NONE if share == 0.0 else Reason.SOME


def _questions(truth: CallTruth, observed: Observed) -> DimensionScore:
    required = list(dict.fromkeys(truth.questions))
    if not truth.emergency or not required:
        return _na(Dimension.QUESTIONS)
    asked = [q for q in required if q in observed.questions]
    share = len(asked) / len(required)
    detail: Detail = {"required": required, "missing": [q for q in required if q not in asked]}
    return DimensionScore(Dimension.QUESTIONS, share, 0.0, _share_reason(share), detail)


def _agencies(truth: CallTruth, observed: Observed) -> DimensionScore:
    needed = {agency: count for agency, count in truth.agencies.items() if count > 0}
    if not truth.emergency or not needed:
        return _na(Dimension.AGENCIES)
    sent = {agency: sum(1 for unit in observed.units if unit.agency is agency) for agency in needed}
    share = sum(min(sent[a], n) / n for a, n in needed.items()) / len(needed)
    detail: Detail = {
        "needed": [f"{a.value}:{n}" for a, n in sorted(needed.items())],
        "sent": [f"{a.value}:{sent[a]}" for a in sorted(needed)],
    }
    return DimensionScore(Dimension.AGENCIES, share, 0.0, _share_reason(share), detail)


def _dispatch_time(
    truth: CallTruth, budget: TimeBudget, observed: Observed, rules: ScoringRules
) -> DimensionScore:
    if not truth.emergency or not any(n > 0 for n in truth.agencies.values()):
        return _na(Dimension.DISPATCH_TIME)
    callback = truth.after_callback is CallClass.EMERGENCY
    start = observed.reached_at if callback else observed.answered_at
    detail: Detail = {"budget": budget.dispatch_seconds, "from": "reached" if callback else "answered"}
    if start is None:
        reason = Reason.NOT_REACHED if callback else Reason.NOT_ANSWERED
        return DimensionScore(Dimension.DISPATCH_TIME, 0.0, 0.0, reason, detail)
    dispatched = [unit.at for unit in observed.units if unit.at >= start]
    if not dispatched:
        return DimensionScore(Dimension.DISPATCH_TIME, 0.0, 0.0, Reason.NOT_DISPATCHED, detail)
    seconds = (min(dispatched) - start).total_seconds()
    timed = _timed(Dimension.DISPATCH_TIME, seconds, budget.dispatch_seconds, rules.dispatch_curve)
    return DimensionScore(timed.dimension, timed.score, 0.0, timed.reason, {**detail, **timed.detail})


def _fields(truth: CallTruth, observed: Observed) -> DimensionScore:
    required = list(dict.fromkeys(truth.fields))
    if not required:
        return _na(Dimension.FIELDS)
    filled = [f for f in required if f in observed.filled]
    share = len(filled) / len(required)
    detail: Detail = {"required": required, "missing": [f for f in required if f not in filled]}
    return DimensionScore(Dimension.FIELDS, share, 0.0, _share_reason(share), detail)
