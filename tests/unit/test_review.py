"""The quality-review form, its score, the sample size rule and the reproducible draw."""

from __future__ import annotations

import hashlib
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.review import (
    FORM,
    FORM_VERSION,
    ReviewAnswer,
    ReviewFormError,
    ReviewProblem,
    ReviewQuestion,
    draw,
    parse_answers,
    sample_size,
    score,
    share_of,
    stored_answers,
)

YES, PARTLY, NO, NA = ReviewAnswer.YES, ReviewAnswer.PARTLY, ReviewAnswer.NO, ReviewAnswer.NOT_APPLICABLE


def _all(answer: ReviewAnswer, **others: ReviewAnswer) -> dict[str, str]:
    answers = {question.code.value: answer.value for question in FORM}
    answers.update({code: value.value for code, value in others.items()})
    return answers


def test_the_form_asks_every_question_once_and_weighs_100() -> None:
    assert [question.code for question in FORM] == list(ReviewQuestion)
    assert sum(question.weight for question in FORM) == 100
    assert all(question.weight > 0 for question in FORM)
    assert all({YES, NO} <= set(question.answers) for question in FORM)
    # Some questions always apply, so every filled form has a score.
    assert any(NA not in question.answers for question in FORM)


def test_scores_computed_by_hand() -> None:
    assert score(_all(YES)) == 100
    # Partly wherever the question admits it; the number verified (10) and the class wrong (10).
    assert score(_all(PARTLY, callback_number_verified=YES, classification_correct=NO)) == 50
    assert score(_all(NO)) == 0
    # Greeting (5) missed, the rest right: 95 of 100.
    assert score(_all(YES, greeting=NO)) == 95
    # Location (20) only partly verified: 90.
    assert score(_all(YES, location_verified=PARTLY)) == 90
    # No unit needed and no protocol card: 70 points apply; narrative (10) missed: 60 / 70 = 85.7 -> 86.
    assert score(_all(YES, dispatch_timely=NA, protocol_followed=NA, narrative_complete=NO)) == 86
    # Half a point rounds up: greeting yes (5) and courtesy partly (2.5) of the 60 that apply = 12.5.
    half = _all(
        NO,
        greeting=YES,
        courtesy=PARTLY,
        protocol_followed=NA,
        dispatch_timely=NA,
        narrative_complete=NA,
    )
    assert score(half) == 13


def test_answers_that_do_not_fill_the_form_are_refused() -> None:
    answers = _all(YES)
    del answers["courtesy"]
    answers["smile"] = "yes"
    answers["greeting"] = "not_applicable"  # the greeting always applies
    answers["location_verified"] = "maybe"
    with pytest.raises(ReviewFormError) as refused:
        score(answers)
    assert refused.value.problems == {
        "courtesy": ReviewProblem.MISSING,
        "smile": ReviewProblem.UNKNOWN_QUESTION,
        "greeting": ReviewProblem.NOT_ADMITTED,
        "location_verified": ReviewProblem.NOT_AN_ANSWER,
    }


def test_what_a_review_stores() -> None:
    stored = stored_answers(_all(YES, dispatch_timely=NA))
    assert stored["form"] == FORM_VERSION
    assert stored["answers"] == {
        q.code.value: ("not_applicable" if q.code == "dispatch_timely" else "yes") for q in FORM
    }


ANSWERS = st.fixed_dictionaries(
    {question.code.value: st.sampled_from(question.answers).map(str) for question in FORM}
)


@given(ANSWERS)
def test_a_filled_form_scores_0_to_100(answers: dict[str, str]) -> None:
    assert 0 <= score(answers) <= 100
    assert parse_answers(answers)


@given(ANSWERS, st.sampled_from(FORM))
def test_a_better_answer_never_lowers_the_score(answers: dict[str, str], question: object) -> None:
    code = question.code.value  # type: ignore[attr-defined]
    ladder = [a for a in (NO, PARTLY, YES) if a in question.answers]  # type: ignore[attr-defined]
    scores = [score({**answers, code: answer.value}) for answer in ladder]
    assert scores == sorted(scores)


@given(st.dictionaries(st.text(max_size=30), st.text(max_size=20), max_size=12))
def test_any_mapping_is_scored_or_refused_with_its_problems(answers: dict[str, str]) -> None:
    problems: dict[str, ReviewProblem] = {}
    result = None
    try:
        result = score(answers)
    except ReviewFormError as refused:
        problems = refused.problems
    assert bool(problems) == (result is None)
    assert result is None or 0 <= result <= 100


@pytest.mark.parametrize(
    ("answered", "size"),
    [(0, 0), (1, 1), (49, 1), (50, 1), (51, 2), (150, 3), (151, 4), (5000, 100), (5001, 101)],
)
def test_two_percent_of_the_answered_calls_and_at_least_one(answered: int, size: int) -> None:
    assert sample_size(answered) == size


def test_the_share_is_exact_and_bounded() -> None:
    assert share_of(0.02) == Fraction(1, 50)  # not the float's binary value: 150 calls draw 3, not 4
    assert sample_size(150, 0.02) == 3
    assert sample_size(10, 1) == 10
    assert sample_size(200, "0.05") == 10
    for wrong in (0, -0.1, 1.5):
        with pytest.raises(ValueError, match="share"):
            sample_size(10, wrong)


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=1, max_value=100))
def test_the_sample_is_the_smallest_that_meets_the_share(answered: int, percent: int) -> None:
    share = Fraction(percent, 100)
    size = sample_size(answered, share)
    if answered == 0:
        assert size == 0
        return
    assert size >= share * answered
    assert size >= 1
    assert size == 1 or size - 1 < share * answered
    assert size <= answered


def test_the_draw_is_the_documented_hash_ranking() -> None:
    ranked = sorted(range(1, 11), key=lambda c: hashlib.sha256(f"42:{c}".encode()).hexdigest())
    assert draw(range(1, 11), 3, 42) == ranked[:3] == [1, 6, 4]
    # Pinned: the same seed gives this sample on every machine and version.
    assert draw(range(1, 101), 5, 20261127) == [82, 57, 8, 2, 36]


@given(
    st.sets(st.integers(min_value=1, max_value=10**9), max_size=200),
    st.integers(min_value=0, max_value=2**53),
    st.integers(min_value=0, max_value=50),
)
def test_the_draw_is_reproducible_and_blind_to_order(calls: set[int], seed: int, size: int) -> None:
    drawn = draw(calls, size, seed)
    assert len(drawn) == min(size, len(calls))
    assert len(set(drawn)) == len(drawn)
    assert set(drawn) <= calls
    assert draw(sorted(calls, reverse=True), size, seed) == drawn
    # Calls drawn already leave the others' order: the next ones in line are drawn instead.
    if drawn:
        rest = draw(calls - {drawn[0]}, size, seed)
        assert rest[: len(drawn) - 1] == drawn[1:]


def test_different_seeds_draw_different_samples() -> None:
    samples = {tuple(draw(range(1, 1001), 20, seed)) for seed in range(20)}
    assert len(samples) == 20
