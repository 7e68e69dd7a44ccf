"""Scoring a training call: every dimension worked by hand, the renormalisation, the pass mark, and the
scoring rules file (docs/training-scores.md)."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.enums import AgencyType, CallClass, Priority
from dispatch.domain.scenarios import CallTruth, TimeBudget
from dispatch.domain.training_score import (
    Dimension,
    DimensionScore,
    LocationRule,
    Observed,
    Reason,
    ScoringRules,
    SentUnit,
    TimeCurve,
    combine,
    round_half_up,
    score_call,
)
from dispatch.simulator.scoring_files import (
    ScoringRulesError,
    default_scoring_path,
    load_scoring_rules,
    parse_scoring_rules,
)

RING = datetime(2026, 12, 3, 1, 0, 0, tzinfo=UTC)
#: The shipped weights: 10 each, 15 for the class and the location (100 in all).
WEIGHTS = {d: 10.0 for d in Dimension} | {Dimension.CLASS: 15.0, Dimension.LOCATION: 15.0}
RULES = ScoringRules(WEIGHTS, 70.0, TimeCurve(3.0), TimeCurve(3.0), LocationRule(0.5, 100.0, 1000.0))
POINT = (-7.0531, 110.4385)
FIRE = CallTruth(
    call_class=CallClass.EMERGENCY,
    category="FIRE",
    priority=Priority.P1,
    area_code="33.74.13.1003",
    point=POINT,
    agencies={AgencyType.FIRE: 2, AgencyType.POLICE: 1},
    questions=("people_inside", "injured", "spreading"),
    fields=("caller_name", "street", "landmark", "house_number"),
)
SILENT = CallTruth(
    call_class=CallClass.SILENT,
    after_callback=CallClass.EMERGENCY,
    category="MEDICAL",
    priority=Priority.P2,
    agencies={AgencyType.MEDICAL: 1},
)
PRANK = CallTruth(call_class=CallClass.PRANK)
BUDGET = TimeBudget(answer_seconds=10, dispatch_seconds=60)


def at(seconds: float) -> datetime:
    return RING + timedelta(seconds=seconds)


def unit(seconds: float, agency: AgencyType, sign: str) -> SentUnit:
    return SentUnit(at(seconds), agency, sign)


def dim(
    truth: CallTruth, observed: Observed, dimension: Dimension, rules: ScoringRules = RULES
) -> DimensionScore:
    score = score_call(truth, BUDGET, observed, rules).dimension(dimension)
    assert score is not None, f"{dimension} left out"
    return score


def raw(score: DimensionScore) -> float:
    assert score.score is not None
    return score.score


# --- answer -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answered", "expected", "reason"),
    [
        (0, 1.0, Reason.IN_TIME),
        (10, 1.0, Reason.IN_TIME),  # the budget itself is in time
        (20, 0.5, Reason.LATE),  # (30 - 20) / (30 - 10)
        (25, 0.25, Reason.LATE),  # (30 - 25) / 20
        (30, 0.0, Reason.TOO_LATE),  # 3 x 10 s
        (95, 0.0, Reason.TOO_LATE),
    ],
)
def test_answer_time(answered: float, expected: float, reason: Reason) -> None:
    score = dim(PRANK, Observed(rung_at=RING, answered_at=at(answered), answered_by=1), Dimension.ANSWER)
    assert raw(score) == pytest.approx(expected)
    assert score.reason == reason
    assert score.detail["seconds"] == answered


def test_an_unanswered_call_scores_no_answer_credit() -> None:
    score = dim(PRANK, Observed(rung_at=RING), Dimension.ANSWER)
    assert (score.score, score.reason) == (0.0, Reason.NOT_ANSWERED)


def test_an_abandoned_call_is_not_scored_on_answering() -> None:
    result = score_call(CallTruth(CallClass.ABANDONED), BUDGET, Observed(rung_at=RING), RULES)
    assert [d.dimension for d in result.dimensions] == [Dimension.CLASS]


# --- class --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [(CallClass.PRANK, 1.0), (CallClass.EMERGENCY, 0.0), (CallClass.INFORMATION, 0.0), (None, 0.0)],
)
def test_class_is_right_or_wrong(recorded: CallClass | None, expected: float) -> None:
    observed = Observed(rung_at=RING, answered_at=at(3), answered_by=1, classification=recorded)
    assert dim(PRANK, observed, Dimension.CLASS).score == expected


@pytest.mark.parametrize(
    ("recorded", "reached", "expected", "reason"),
    [
        (CallClass.SILENT, True, 1.0, Reason.RIGHT),
        (CallClass.SILENT, False, 0.5, Reason.HALF),
        (CallClass.PRANK, True, 0.5, Reason.HALF),
        (CallClass.PRANK, False, 0.0, Reason.WRONG),
    ],
)
def test_a_silent_call_that_is_an_emergency_needs_the_class_and_the_callback(
    recorded: CallClass, reached: bool, expected: float, reason: Reason
) -> None:
    observed = Observed(
        rung_at=RING,
        answered_at=at(4),
        answered_by=1,
        classification=recorded,
        reached_at=at(100) if reached else None,
    )
    score = dim(SILENT, observed, Dimension.CLASS)
    assert (score.score, score.reason) == (expected, reason)


# --- category, priority, location ----------------------------------------------------------------------


def test_category_and_priority_are_exact() -> None:
    observed = Observed(rung_at=RING, answered_at=at(3), category="FIRE", priority=Priority.P2)
    assert dim(FIRE, observed, Dimension.CATEGORY).score == 1.0
    assert dim(FIRE, observed, Dimension.PRIORITY).score == 0.0
    assert dim(FIRE, observed, Dimension.PRIORITY).reason == Reason.WRONG
    nothing = Observed(rung_at=RING, answered_at=at(3))
    assert dim(FIRE, nothing, Dimension.CATEGORY).reason == Reason.NOT_RECORDED


def test_a_prank_has_no_category_priority_or_location() -> None:
    observed = Observed(rung_at=RING, answered_at=at(3), classification=CallClass.PRANK, category="FIRE")
    kept = [d.dimension for d in score_call(PRANK, BUDGET, observed, RULES).dimensions]
    assert kept == [Dimension.ANSWER, Dimension.CLASS]


def test_location_kelurahan_and_distance() -> None:
    # 0.005 degrees of latitude due south: along a meridian the haversine is R x the angle.
    metres = 6_371_008.8 * math.radians(0.005)  # 555.98 m
    south = (POINT[0] - 0.005, POINT[1])
    code = "33.74.13.1003"
    cases = [
        (code, POINT, 1.0),
        (code, None, 0.5),  # no point recorded: that half is 0
        (None, POINT, 0.5),
        ("33.74.13.1004", POINT, 0.5),
        (code, south, 0.5 + 0.5 * (1000 - metres) / (1000 - 100)),
        (code, (POINT[0] - 0.02, POINT[1]), 0.5),  # 2.2 km: beyond far_m
        (code, (POINT[0] - 0.0005, POINT[1]), 1.0),  # 56 m: within near_m
    ]
    for area, point, expected in cases:
        observed = Observed(rung_at=RING, answered_at=at(3), area_code=area, point=point)
        assert raw(dim(FIRE, observed, Dimension.LOCATION)) == pytest.approx(expected), (area, point)
    assert raw(
        dim(FIRE, Observed(rung_at=RING, area_code=code, point=south), Dimension.LOCATION)
    ) == pytest.approx(0.7466, abs=1e-4)


def test_location_of_a_truth_with_only_a_code_is_all_the_code() -> None:
    truth = CallTruth(CallClass.EMERGENCY, category="FIRE", area_code="33.74.13.1003")
    assert dim(truth, Observed(rung_at=RING, area_code="33.74.13.1003"), Dimension.LOCATION).score == 1.0
    assert dim(truth, Observed(rung_at=RING, point=POINT), Dimension.LOCATION).score == 0.0


# --- questions, agencies, dispatch time, fields ------------------------------------------------------------


def test_questions_share() -> None:
    observed = Observed(rung_at=RING, questions=frozenset({"people_inside", "spreading", "other"}))
    score = dim(FIRE, observed, Dimension.QUESTIONS)
    assert score.score == pytest.approx(2 / 3)
    assert (score.reason, score.detail["missing"]) == (Reason.SOME, ["injured"])


def test_agencies_each_capped_then_averaged() -> None:
    units = (
        unit(50, AgencyType.FIRE, "DMK-1"),
        unit(55, AgencyType.POLICE, "POL-1"),
        unit(56, AgencyType.POLICE, "POL-2"),
    )
    score = dim(FIRE, Observed(rung_at=RING, units=units), Dimension.AGENCIES)
    assert score.score == pytest.approx((1 / 2 + 1) / 2)  # fire 1 of 2, police 2 of 1 counts as 1
    medical_only = (unit(50, AgencyType.MEDICAL, "AMB-1"),)
    assert dim(FIRE, Observed(rung_at=RING, units=medical_only), Dimension.AGENCIES).score == 0.0


@pytest.mark.parametrize(
    ("first", "expected", "reason"),
    [
        (60, 1.0, Reason.IN_TIME),
        (90, 0.75, Reason.LATE),
        (150, 0.25, Reason.LATE),
        (180, 0.0, Reason.TOO_LATE),
    ],
)
def test_dispatch_time_from_answer(first: float, expected: float, reason: Reason) -> None:
    # Answered at 5 s; the first unit `first` seconds later; none credit at 3 x 60 = 180 s.
    units = (unit(5 + first + 30, AgencyType.POLICE, "POL-1"), unit(5 + first, AgencyType.FIRE, "DMK-1"))
    observed = Observed(rung_at=RING, answered_at=at(5), answered_by=1, units=units)
    score = dim(FIRE, observed, Dimension.DISPATCH_TIME)
    assert raw(score) == pytest.approx(expected)
    assert score.reason == reason


def test_dispatch_time_of_a_callback_runs_from_reaching_the_caller() -> None:
    observed = Observed(
        rung_at=RING,
        answered_at=at(3),
        classification=CallClass.SILENT,
        reached_at=at(300),
        units=(unit(390, AgencyType.MEDICAL, "AMB-1"),),
    )
    assert dim(SILENT, observed, Dimension.DISPATCH_TIME).score == pytest.approx(0.75)  # 90 s
    never = Observed(rung_at=RING, answered_at=at(3), classification=CallClass.SILENT)
    assert dim(SILENT, never, Dimension.DISPATCH_TIME).reason == Reason.NOT_REACHED
    no_unit = Observed(rung_at=RING, answered_at=at(3))
    assert dim(FIRE, no_unit, Dimension.DISPATCH_TIME).reason == Reason.NOT_DISPATCHED


def test_fields_share() -> None:
    observed = Observed(rung_at=RING, filled=frozenset({"caller_name", "street", "rt"}))
    assert dim(FIRE, observed, Dimension.FIELDS).score == 0.5


# --- totals ---------------------------------------------------------------------------------------------


def test_a_fire_call_worked_by_hand() -> None:
    observed = Observed(
        rung_at=RING,
        answered_at=at(20),  # answer 0.5
        answered_by=7,
        classification=CallClass.EMERGENCY,  # class 1
        category="FIRE",  # category 1
        priority=Priority.P2,  # priority 0
        area_code="33.74.13.1003",
        point=None,  # location 0.5
        questions=frozenset({"people_inside", "injured"}),  # questions 2/3
        units=(
            unit(110, AgencyType.FIRE, "DMK-1"),
            unit(112, AgencyType.POLICE, "POL-1"),
        ),  # agencies 0.75; 90 s: 0.75
        filled=frozenset({"caller_name", "street", "landmark", "house_number"}),  # fields 1
    )
    result = score_call(FIRE, BUDGET, observed, RULES)
    # (10*0.5 + 15*1 + 10*1 + 10*0 + 15*0.5 + 10*2/3 + 10*0.75 + 10*0.75 + 10*1) / 100
    #  = (5 + 15 + 10 + 0 + 7.5 + 6.667 + 7.5 + 7.5 + 10) / 100 = 69.1666... -> 69.2
    assert result.total == 69.2
    assert result.passed is False
    assert sum(d.weight for d in result.dimensions) == pytest.approx(1.0)
    assert result.dimension(Dimension.CLASS) is not None
    assert result.dimension(Dimension.CLASS).weight == pytest.approx(0.15)  # type: ignore[union-attr]


def test_weights_are_renormalised_over_what_applies() -> None:
    observed = Observed(rung_at=RING, answered_at=at(20), answered_by=1, classification=CallClass.PRANK)
    result = score_call(PRANK, BUDGET, observed, RULES)
    # answer 0.5 (weight 10), class 1 (weight 15): 100 * (5 + 15) / 25 = 80
    assert result.total == 80.0
    assert result.passed
    assert [d.weight for d in result.dimensions] == [pytest.approx(0.4), pytest.approx(0.6)]


def test_the_pass_mark_itself_passes() -> None:
    rules = ScoringRules(WEIGHTS, 80.0)
    observed = Observed(rung_at=RING, answered_at=at(20), answered_by=1, classification=CallClass.PRANK)
    assert score_call(PRANK, BUDGET, observed, rules).passed  # exactly 80.0
    later = Observed(rung_at=RING, answered_at=at(20.5), answered_by=1, classification=CallClass.PRANK)
    # answer (30 - 20.5) / 20 = 0.475: 100 * (4.75 + 15) / 25 = 79.0
    late = score_call(PRANK, BUDGET, later, rules)
    assert (late.total, late.passed) == (79.0, False)


def test_rounding_is_half_up_to_a_tenth() -> None:
    assert round_half_up(72.25) == 72.3
    assert round_half_up(72.35) == 72.4
    assert round_half_up(69.1666) == 69.2
    assert round_half_up(0.1 * 3 * 100) == 30.0


def test_rules_refuse_missing_or_zero_weights() -> None:
    with pytest.raises(ValueError, match="weights missing for class"):
        ScoringRules({d: 1.0 for d in Dimension if d is not Dimension.CLASS})
    with pytest.raises(ValueError, match="the weight of fields"):
        ScoringRules({d: 1.0 for d in Dimension} | {Dimension.FIELDS: 0.0})


# --- properties -------------------------------------------------------------------------------------------

scores = st.one_of(st.none(), st.floats(0.0, 1.0))
weights = st.floats(0.01, 100.0)


@given(
    st.lists(st.tuples(scores, weights), min_size=len(Dimension), max_size=len(Dimension)),
    st.floats(0.0, 100.0),
    st.sampled_from(list(Dimension)),
    st.floats(0.0, 1.0),
)
def test_total_within_bounds_and_passing_monotone(
    parts: list[tuple[float | None, float]], pass_mark: float, raised: Dimension, by: float
) -> None:
    parts[0] = (parts[0][0] if parts[0][0] is not None else 0.5, parts[0][1])  # something applies
    dims = list(Dimension)
    table = {dims[i]: w for i, (_, w) in enumerate(parts)}
    before = [DimensionScore(dims[i], s, 0.0, "") for i, (s, _) in enumerate(parts)]
    first = combine(before, table, pass_mark)
    assert 0.0 <= first.total <= 100.0
    assert sum(d.weight for d in first.dimensions) == pytest.approx(1.0)
    after = [
        DimensionScore(
            d.dimension,
            min(1.0, d.score + by) if d.dimension is raised and d.score is not None else d.score,
            0.0,
            "",
        )
        for d in before
    ]
    second = combine(after, table, pass_mark)
    assert second.total >= first.total
    assert second.passed or not first.passed


@given(
    answered=st.one_of(st.none(), st.floats(0, 600)),
    classification=st.one_of(st.none(), st.sampled_from(list(CallClass))),
    reached=st.one_of(st.none(), st.floats(0, 900)),
    category=st.sampled_from([None, "FIRE", "MEDICAL"]),
    priority=st.one_of(st.none(), st.sampled_from(list(Priority))),
    point=st.one_of(st.none(), st.tuples(st.floats(-8, -6), st.floats(110, 111))),
    questions=st.frozensets(st.sampled_from(["people_inside", "injured", "spreading", "x"])),
    sent=st.lists(st.tuples(st.floats(0, 900), st.sampled_from(list(AgencyType))), max_size=6),
    filled=st.frozensets(st.sampled_from(["caller_name", "street", "landmark", "rt"])),
    truth=st.sampled_from([FIRE, SILENT, PRANK, CallTruth(CallClass.ABANDONED)]),
)
def test_any_record_scores_within_0_and_100(
    answered: float | None,
    classification: CallClass | None,
    reached: float | None,
    category: str | None,
    priority: Priority | None,
    point: tuple[float, float] | None,
    questions: frozenset[str],
    sent: list[tuple[float, AgencyType]],
    filled: frozenset[str],
    truth: CallTruth,
) -> None:
    observed = Observed(
        rung_at=RING,
        answered_at=None if answered is None else at(answered),
        classification=classification,
        reached_at=None if reached is None else at(reached),
        category=category,
        priority=priority,
        point=point,
        questions=questions,
        units=tuple(unit(s, a, f"U{i}") for i, (s, a) in enumerate(sent)),
        filled=filled,
    )
    result = score_call(truth, BUDGET, observed, RULES)
    assert 0.0 <= result.total <= 100.0
    assert all(d.score is not None and 0.0 <= d.score <= 1.0 for d in result.dimensions)
    assert result.passed == (result.total >= RULES.pass_mark)
    json.dumps([d.detail for d in result.dimensions])  # storable as it is


# --- the rules file ---------------------------------------------------------------------------------------


def test_the_shipped_rules() -> None:
    rules, sha = load_scoring_rules()
    assert rules == RULES
    assert len(sha) == 64
    assert sum(rules.weights.values()) == 100


def _shipped() -> dict[str, object]:
    data = json.loads(default_scoring_path().read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(format="dispatch-scoring/2"), "format"),
        (lambda d: d["weights"].pop("class"), "weights.class"),
        (lambda d: d["weights"].update(speed=3), "weights.speed"),
        (lambda d: d["weights"].update(fields=0), "weights.fields"),
        (lambda d: d["weights"].update(fields="ten"), "weights.fields"),
        (lambda d: d.update(pass_mark=120), "pass_mark"),
        (lambda d: d["curves"]["answer"].update(late_factor=1), "curves.answer.late_factor"),
        (lambda d: d["curves"].pop("dispatch_time"), "curves.dispatch_time"),
        (lambda d: d["location"].update(far_m=50), "location.far_m"),
        (lambda d: d["location"].update(kelurahan_share=1.5), "location.kelurahan_share"),
        (lambda d: d.update(extra=1), "extra"),
    ],
)
def test_a_bad_rules_file_names_its_field(change: object, where: str, tmp_path: Path) -> None:
    data = _shipped()
    change(data)  # type: ignore[operator]
    path = tmp_path / "scoring.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScoringRulesError) as raised:
        load_scoring_rules(path)
    assert raised.value.where == where
    assert str(raised.value).startswith(f"scoring.json: {where}: ")


@given(st.text(max_size=200))
def test_any_short_text_is_a_named_error(text: str) -> None:
    # The smallest valid rules file is longer than 200 characters: anything shorter is refused, by name.
    with pytest.raises(ScoringRulesError) as raised:
        parse_scoring_rules(text, "x.json")
    assert raised.value.where


# --- the shipped scenarios ----------------------------------------------------------------------------


def _perfect(truth: CallTruth, budget: TimeBudget) -> Observed:
    """Everything the truth asks for, done within every budget."""
    answered = at(1)
    reached = at(60) if truth.after_callback is CallClass.EMERGENCY else None
    start = reached or answered
    units = tuple(
        SentUnit(start + timedelta(seconds=10), agency, f"{agency.value}-{n}")
        for agency, count in truth.agencies.items()
        for n in range(count)
    )
    return Observed(
        rung_at=RING,
        answered_at=None if truth.call_class is CallClass.ABANDONED else answered,
        answered_by=1,
        classification=truth.call_class,
        reached_at=reached,
        category=truth.category,
        priority=truth.priority,
        area_code=truth.area_code,
        point=truth.point,
        questions=frozenset(truth.questions),
        units=units,
        filled=frozenset(truth.fields),
    )


def _shipped_scenarios() -> list[Path]:
    from dispatch.simulator.scenario_files import shipped_scenario_paths

    return shipped_scenario_paths()


@pytest.mark.parametrize("path", _shipped_scenarios(), ids=lambda p: p.stem)
def test_every_shipped_call_can_score_full_marks_and_an_ignored_call_fails(path: Path) -> None:
    from dispatch.simulator.scenario_files import load_scenario

    rules, _ = load_scoring_rules()
    scenario = load_scenario(path).scenario
    for call in scenario.calls:
        perfect = score_call(call.truth, call.budget, _perfect(call.truth, call.budget), rules)
        assert (perfect.total, perfect.passed) == (100.0, True), (call.key, perfect)
        if call.truth.call_class is CallClass.ABANDONED:
            # A caller who gave up ringing: the console classifies it itself; nothing else is asked.
            left = Observed(rung_at=RING, classification=CallClass.ABANDONED)
            assert score_call(call.truth, call.budget, left, rules).total == 100.0, call.key
        else:
            ignored = score_call(call.truth, call.budget, Observed(rung_at=RING), rules)
            assert not ignored.passed, (call.key, ignored)
        if call.truth.emergency:
            dimensions = {d.dimension for d in perfect.dimensions}
            assert {Dimension.CATEGORY, Dimension.PRIORITY} <= dimensions, call.key
