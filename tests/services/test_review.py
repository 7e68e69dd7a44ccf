"""Quality review through the services: the period's sample, reviews written once, missing narratives
(each test on SQLite and on PostgreSQL, conftest.py)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import CallClass, Disposition
from dispatch.domain.review import FORM, ReviewAnswer, ReviewQuestion, draw
from dispatch.services import incidents, protocols, review
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.tables import Call
from tests.reports.log_calls import Floor
from tests.services.support import audited

SEED = 20261127
ALL_YES = {question.code.value: ReviewAnswer.YES.value for question in FORM}


@pytest.fixture
def floor(ctx: ServiceContext, clock: ManualClock) -> Floor:
    return Floor.of(ctx, clock)


def _period(floor: Floor, answered: int, abandoned: int = 0) -> tuple[datetime, datetime, list[int]]:
    """``answered`` calls answered in turn by Dewi and Agus, ``abandoned`` more; their ids in order."""
    since = floor.now()
    ids = []
    for n in range(answered):
        taker = floor.dewi if n % 2 else floor.agus
        call, _ = floor.answer(taker, f"0812345{n:05d}", after_s=30)
        ids.append(call.id)
    for n in range(abandoned):
        floor.abandon(f"0857111{n:05d}")
    floor.clock.advance(60)
    return since, floor.now(), ids


def test_the_sample_holds_two_percent_of_the_answered_calls(floor: Floor, changes: list[Change]) -> None:
    since, until, answered = _period(floor, answered=60, abandoned=5)
    drawn, rows = audited(
        floor.supervisor, lambda: review.draw_sample(floor.supervisor, since, until, seed=SEED)
    )
    assert len(drawn) == 2  # 2 % of 60 is 1.2: rounded up
    assert [item.call_id for item in drawn] == draw(answered, 2, SEED)
    assert all(item.sample == review.period_label(since, until) for item in drawn)
    assert all(item.sampled_by == "sari" and not item.reviewed for item in drawn)
    assert {item.answered_by for item in drawn} <= {"dewi", "agus"}
    assert all(item.incident_number and item.number.startswith("0812-345") for item in drawn)
    (row,) = rows
    assert (row.action, row.entity, row.entity_id) == (
        AuditAction.REVIEW_SAMPLE,
        "review_sample",
        drawn[0].sample,
    )
    detail = json.loads(row.detail or "{}")
    assert detail["seed"] == SEED
    assert (detail["answered"], detail["size"], detail["drawn_before"]) == (60, 2, 0)
    assert detail["share"] == "1/50"
    assert detail["calls"] == [item.call_id for item in drawn]
    assert Change(Topic.REVIEWS, tuple(item.review_id for item in drawn)) in changes
    # Anyone can draw the same sample again from the audit row.
    assert draw(answered, detail["size"], detail["seed"]) == detail["calls"]


def test_a_period_drawn_again_adds_only_what_the_rule_still_needs(floor: Floor) -> None:
    since, until, answered = _period(floor, answered=51)
    first = review.draw_sample(floor.supervisor, since, until, seed=1, label="shift:1")
    assert len(first) == 2
    assert review.draw_sample(floor.supervisor, since, until, seed=2, label="shift:1") == []
    # A larger share for the same period: the calls drawn before count, the new ones are others.
    more = review.draw_sample(floor.supervisor, since, until, share=0.1, seed=3, label="audit:10%")
    assert len(more) == 6 - 2
    assert not {item.call_id for item in more} & {item.call_id for item in first}
    assert {item.call_id for item in [*first, *more]} <= set(answered)
    assert [item.call_id for item in review.reviews(floor.supervisor, "shift:1")] == [
        i.call_id for i in first
    ]
    everything = review.reviews(floor.supervisor)
    assert len(everything) == 6


def test_a_random_seed_is_taken_and_kept(floor: Floor) -> None:
    since, until, answered = _period(floor, answered=3)
    (drawn,), (row,) = audited(floor.supervisor, lambda: review.draw_sample(floor.supervisor, since, until))
    seed = json.loads(row.detail or "{}")["seed"]
    assert 0 <= seed < review.SEED_LIMIT
    assert draw(answered, 1, seed) == [drawn.call_id]


def test_a_period_without_answered_calls_draws_nothing(floor: Floor) -> None:
    since = floor.now()
    floor.abandon("081234567890")
    floor.classified(floor.dewi, "081234567891", CallClass.PRANK)  # answered: the one to draw
    until = floor.now() + timedelta(seconds=1)
    (prank,) = review.draw_sample(floor.supervisor, since, until, seed=5)
    assert prank.call_class is CallClass.PRANK
    later = floor.now() + timedelta(hours=1)
    drawn, (row,) = audited(
        floor.supervisor,
        lambda: review.draw_sample(floor.supervisor, later, later + timedelta(hours=8), seed=5),
    )
    assert drawn == []
    assert json.loads(row.detail or "{}")["size"] == 0


def test_a_review_is_scored_from_its_form_and_written_once(floor: Floor, changes: list[Change]) -> None:
    since, until, _ = _period(floor, answered=2)
    (item,) = review.draw_sample(floor.supervisor, since, until, seed=SEED)
    answers = {**ALL_YES, "greeting": "no", "dispatch_timely": "not_applicable"}
    reviewed, (row,) = audited(
        floor.supervisor,
        lambda: review.record_review(floor.supervisor, item.review_id, answers, "  Salam pembuka terlewat  "),
    )
    assert reviewed.score == 94  # 80 of the 85 points that apply
    assert (reviewed.reviewer, reviewed.comment, reviewed.reviewed) == (
        "sari",
        "Salam pembuka terlewat",
        True,
    )
    assert reviewed.answers[ReviewQuestion.GREETING] is ReviewAnswer.NO
    assert reviewed.answers[ReviewQuestion.DISPATCH_TIMELY] is ReviewAnswer.NOT_APPLICABLE
    assert (row.action, row.entity, row.entity_id) == (
        AuditAction.REVIEW_SCORE,
        "call_review",
        str(item.review_id),
    )
    assert json.loads(row.detail or "{}") == {"call": item.call_id, "score": 94}
    assert Change(Topic.REVIEWS, (item.review_id,)) in changes
    assert review.reviews(floor.supervisor) == [reviewed]
    with pytest.raises(ServiceError) as again:
        review.record_review(floor.supervisor, item.review_id, ALL_YES)
    assert again.value.code is Refusal.REVIEW_DONE


def test_a_review_that_does_not_fill_the_form_is_refused(floor: Floor) -> None:
    since, until, _ = _period(floor, answered=1)
    (item,) = review.draw_sample(floor.supervisor, since, until, seed=SEED)
    partial = {**ALL_YES, "greeting": "not_applicable"}
    del partial["courtesy"]
    with pytest.raises(ServiceError) as refused:
        review.record_review(floor.supervisor, item.review_id, partial)
    assert refused.value.code is Refusal.REVIEW_INCOMPLETE
    assert refused.value.details["problems"] == {"courtesy": "missing", "greeting": "not_admitted"}
    with pytest.raises(ServiceError) as long_comment:
        review.record_review(floor.supervisor, item.review_id, ALL_YES, "x" * 2001)
    assert long_comment.value.code is Refusal.NOTE_TOO_LONG
    with pytest.raises(ServiceError) as unknown:
        review.record_review(floor.supervisor, item.review_id + 1, ALL_YES)
    assert unknown.value.code is Refusal.NO_SUCH_REVIEW
    assert not review.reviews(floor.supervisor)[0].reviewed


def test_only_a_supervisor_reviews(floor: Floor) -> None:
    since, until, _ = _period(floor, answered=1)
    (item,) = review.draw_sample(floor.supervisor, since, until, seed=SEED)
    for attempt in (
        lambda: review.draw_sample(floor.dewi, since, until),
        lambda: review.record_review(floor.dewi, item.review_id, ALL_YES),
        lambda: review.reviews(floor.dewi),
        lambda: review.closed_without_narrative(floor.dewi, since, until),
    ):
        with pytest.raises(ServiceError) as refused:
            attempt()
        assert refused.value.code is Refusal.SUPERVISOR_ONLY


def test_incidents_closed_without_a_narrative(floor: Floor) -> None:
    dewi = floor.dewi
    since = floor.now()
    _, told = floor.answer(dewi, "081234567801", category="FIRE", notes=("Api di dapur, sudah padam",))
    _, untold = floor.answer(dewi, "081234567802", category="MED")
    _, protocol_only = floor.answer(dewi, "081234567803", category="LAKA")
    protocols.answer_question(dewi, protocol_only.id, "LAKA", "trapped", "1", "id")
    floor.classified(dewi, "081234567804", CallClass.PRANK)  # cancelled: nothing to tell
    _, still_open = floor.answer(dewi, "081234567805", category="LAKA")
    for incident in (told, untold, protocol_only):
        floor.clock.advance(60)
        incidents.close_incident(dewi, incident.id, Disposition.HANDLED)
    until = floor.now() + timedelta(seconds=1)
    found = review.closed_without_narrative(floor.supervisor, since, until)
    assert [(i.number, i.category, i.opened_by) for i in found] == [
        (untold.number, "MED", "dewi"),
        (protocol_only.number, "LAKA", "dewi"),
    ]
    assert all(i.disposition is Disposition.HANDLED and i.closed_at < until for i in found)
    assert review.closed_without_narrative(floor.supervisor, until, until + timedelta(hours=1)) == []
    assert still_open.id not in {i.incident_id for i in found}


def test_calls_outside_the_period_are_not_drawn(floor: Floor) -> None:
    _period(floor, answered=3)
    since, until, inside = _period(floor, answered=2)
    _period(floor, answered=3)
    drawn = review.draw_sample(floor.supervisor, since, until, share=1, seed=SEED)
    assert sorted(item.call_id for item in drawn) == sorted(inside)
    with floor.supervisor.database.sessions() as session:
        rang = [session.scalar(select(Call.ring_at).where(Call.id == item.call_id)) for item in drawn]
    assert all(since <= at < until for at in rang if at is not None)
