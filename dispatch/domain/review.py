"""Quality review of calls, as APCO/NENA ANS 1.107.1 asks: the form, its score, the sample and the draw.

The form is data (``FORM``): each question a code, a weight and the answers it admits. A review
answers every question; the score is the share of the weights earned, 0-100 (``score``): *yes*
earns the whole weight, *partly* half, *no* nothing, and *not applicable* takes the question out
of the count. The weights add up to 100. A reviewed form is stored with ``FORM_VERSION`` so a later
form does not change what an old review meant.

A period's sample holds at least 2 % of its answered calls, and at least one when there are any
(``sample_size``). Which calls is decided by ``draw``: the calls ranked by SHA-256 of
``"<seed>:<call id>"``, the lowest first. The same seed and the same calls give the same sample on
any machine and in any language, and taking calls out of the running (drawn already) leaves the
others' order unchanged. docs/review.md writes the rules out.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

#: Stored with each review's answers; a changed form is a new version.
FORM_VERSION = 1
#: APCO/NENA ANS 1.107.1's floor: 2 % of the period's calls.
DEFAULT_SHARE = Fraction(2, 100)


class ReviewAnswer(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"


class ReviewQuestion(StrEnum):
    """The form's questions, in the order they are asked (the UI words them)."""

    #: The centre's greeting given and the call-taker identified.
    GREETING = "greeting"
    #: The location asked for and verified (read back, area confirmed).
    LOCATION_VERIFIED = "location_verified"
    #: The callback number confirmed with the caller.
    CALLBACK_NUMBER_VERIFIED = "callback_number_verified"
    #: The protocol card's questions asked, in order.
    PROTOCOL_FOLLOWED = "protocol_followed"
    #: The call classed rightly (emergency, information, prank, silent, wrong number).
    CLASSIFICATION_CORRECT = "classification_correct"
    #: The category and the priority fit what the caller said.
    CATEGORY_PRIORITY_CORRECT = "category_priority_correct"
    #: Units dispatched without delay (the call-processing target).
    DISPATCH_TIMELY = "dispatch_timely"
    #: The narrative says what happened, who, where, and what was done.
    NARRATIVE_COMPLETE = "narrative_complete"
    #: Calm, courteous, clear with the caller.
    COURTESY = "courtesy"


_SCALE = (ReviewAnswer.YES, ReviewAnswer.PARTLY, ReviewAnswer.NO)
_SCALE_OR_NA = (*_SCALE, ReviewAnswer.NOT_APPLICABLE)
_YES_NO = (ReviewAnswer.YES, ReviewAnswer.NO)
_YES_NO_OR_NA = (*_YES_NO, ReviewAnswer.NOT_APPLICABLE)


@dataclass(frozen=True)
class Question:
    code: ReviewQuestion
    #: Points of the 100 this question carries.
    weight: int
    #: The answers it admits, in the order the UI offers them (keys 1, 2, 3, 4).
    answers: tuple[ReviewAnswer, ...]


FORM: tuple[Question, ...] = (
    Question(ReviewQuestion.GREETING, 5, _SCALE),
    Question(ReviewQuestion.LOCATION_VERIFIED, 20, _SCALE),
    # Not applicable: the number was withheld, or the caller could not say it.
    Question(ReviewQuestion.CALLBACK_NUMBER_VERIFIED, 10, _YES_NO_OR_NA),
    # Not applicable: no card for the category, or not an emergency.
    Question(ReviewQuestion.PROTOCOL_FOLLOWED, 15, _SCALE_OR_NA),
    Question(ReviewQuestion.CLASSIFICATION_CORRECT, 10, _YES_NO),
    # Not applicable: not an emergency (no incident to categorise).
    Question(ReviewQuestion.CATEGORY_PRIORITY_CORRECT, 10, _SCALE_OR_NA),
    # Not applicable: no unit was needed.
    Question(ReviewQuestion.DISPATCH_TIMELY, 15, _SCALE_OR_NA),
    Question(ReviewQuestion.NARRATIVE_COMPLETE, 10, _SCALE_OR_NA),
    Question(ReviewQuestion.COURTESY, 5, _SCALE),
)
#: Half points of each answer (the weight is earned in halves: partly is half).
_HALVES = {ReviewAnswer.YES: 2, ReviewAnswer.PARTLY: 1, ReviewAnswer.NO: 0}


class ReviewProblem(StrEnum):
    MISSING = "missing"
    UNKNOWN_QUESTION = "unknown_question"
    NOT_AN_ANSWER = "not_an_answer"
    NOT_ADMITTED = "not_admitted"


class ReviewFormError(ValueError):
    """The answers do not fill the form: ``problems`` by question code."""

    def __init__(self, problems: Mapping[str, ReviewProblem]) -> None:
        super().__init__(", ".join(f"{code}: {problem.value}" for code, problem in sorted(problems.items())))
        self.problems = dict(problems)


def parse_answers(answers: Mapping[str, str]) -> dict[ReviewQuestion, ReviewAnswer]:
    """Every question of ``FORM`` answered with an answer it admits, else ``ReviewFormError``."""
    problems: dict[str, ReviewProblem] = {}
    known = {question.code.value: question for question in FORM}
    for code in answers:
        if code not in known:
            problems[str(code)] = ReviewProblem.UNKNOWN_QUESTION
    parsed: dict[ReviewQuestion, ReviewAnswer] = {}
    for question in FORM:
        given = answers.get(question.code.value)
        if given is None:
            problems[question.code.value] = ReviewProblem.MISSING
            continue
        try:
            answer = ReviewAnswer(given)
        except ValueError:
            problems[question.code.value] = ReviewProblem.NOT_AN_ANSWER
            continue
        if answer not in question.answers:
            problems[question.code.value] = ReviewProblem.NOT_ADMITTED
            continue
        parsed[question.code] = answer
    if problems:
        raise ReviewFormError(problems)
    return parsed


def score(answers: Mapping[str, str]) -> int:
    """0-100: the weights earned over the weights that apply, rounded half up (``ReviewFormError``).

    Every form has questions that cannot be "not applicable", so something always applies.
    """
    parsed = parse_answers(answers)
    earned = possible = 0
    for question in FORM:
        answer = parsed[question.code]
        if answer is ReviewAnswer.NOT_APPLICABLE:
            continue
        earned += _HALVES[answer] * question.weight
        possible += 2 * question.weight
    # round(100 * earned / possible), halves up, in whole numbers.
    return (200 * earned + possible) // (2 * possible)


def stored_answers(answers: Mapping[str, str]) -> dict[str, object]:
    """What a review stores: the form's version and each answer by question code (checked)."""
    parsed = parse_answers(answers)
    return {"form": FORM_VERSION, "answers": {q.value: a.value for q, a in sorted(parsed.items())}}


def share_of(share: Fraction | float | str) -> Fraction:
    """``share`` as an exact fraction in (0, 1] (0.02 is 1/50, not the float's binary value)."""
    exact = Fraction(str(share)) if isinstance(share, float) else Fraction(share)
    if not 0 < exact <= 1:
        raise ValueError(f"a sample's share is more than 0 and at most 1, not {share}")
    return exact


def sample_size(answered: int, share: Fraction | float | str = DEFAULT_SHARE) -> int:
    """How many of ``answered`` calls a sample holds: ``share`` of them rounded up, at least one."""
    if answered <= 0:
        return 0
    return min(answered, max(1, math.ceil(answered * share_of(share))))


def rank_key(seed: int, call_id: int) -> bytes:
    """A call's place in the draw of ``seed``: SHA-256 of the ASCII text ``"<seed>:<call id>"``."""
    return hashlib.sha256(f"{seed}:{call_id}".encode("ascii")).digest()


def draw(call_ids: Iterable[int], size: int, seed: int) -> list[int]:
    """The ``size`` calls of ``call_ids`` that ``seed`` ranks first, in rank order."""
    ranked = sorted(set(call_ids), key=lambda call_id: (rank_key(seed, call_id), call_id))
    return ranked[: max(0, size)]
