"""Quality review: draw a period's sample of answered calls, record each review, find missing narratives.

The rules are the domain's (``dispatch.domain.review``, docs/review.md); here they meet the
``call_reviews`` table (migration 0009: a draw is fixed, its review written once). Everything needs
``Action.REVIEW_SHIFTS``; draws and reviews are audited (``REVIEW_SAMPLE`` with the seed, the share,
the period and the calls drawn, so anyone can draw the same sample again; ``REVIEW_SCORE``) and
announced on ``Topic.REVIEWS``.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from types import MappingProxyType

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.enums import CallClass, Disposition, IncidentStatus, Priority
from dispatch.domain.permissions import Action, can, refusal_for
from dispatch.domain.phone import format_national
from dispatch.domain.review import (
    DEFAULT_SHARE,
    ReviewAnswer,
    ReviewFormError,
    ReviewQuestion,
    draw,
    sample_size,
    score,
    share_of,
    stored_answers,
)
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import reading, unit_of_work
from dispatch.store.tables import Call, CallReview, Incident, IncidentNote, User

#: ``call_reviews.sample`` holds at most this many characters.
LABEL_MAX = 64
#: A reviewer's comment holds at most this many characters.
COMMENT_MAX = 2000
#: Seeds are drawn below this (whole numbers JSON and every spreadsheet keep exactly).
SEED_LIMIT = 2**53


@dataclass(frozen=True)
class ReviewItem:
    """A call drawn for review, and its review once written."""

    review_id: int
    call_id: int
    #: The period it was drawn for ("shift:12", "20261127T0000Z/20261128T0000Z").
    sample: str
    sampled_at: datetime
    sampled_by: str | None
    ring_at: datetime
    answered_at: datetime | None
    #: Username of who answered at a console (None: answered at the telephone).
    answered_by: str | None
    #: The dialling form when the number is known in E.164, else as received.
    number: str
    call_class: CallClass | None
    incident_id: int | None
    incident_number: str | None
    reviewed_at: datetime | None = None
    reviewer: str | None = None
    score: int | None = None
    answers: Mapping[ReviewQuestion, ReviewAnswer] = field(default_factory=lambda: MappingProxyType({}))
    comment: str = ""

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None


@dataclass(frozen=True)
class UnnarratedIncident:
    """An incident closed in the period without a narrative note (the call-taker's own words)."""

    incident_id: int
    number: str
    category: str | None
    priority: Priority
    disposition: Disposition | None
    created_at: datetime
    closed_at: datetime
    #: Username of who opened it (the call-taker who answered), if known.
    opened_by: str | None


def _require_reviewer(ctx: ServiceContext) -> None:
    if not can(ctx.actor.role, Action.REVIEW_SHIFTS):
        raise ServiceError(refusal_for(Action.REVIEW_SHIFTS))


def _check_period(since: datetime, until: datetime) -> None:
    if since.tzinfo is None or until.tzinfo is None:
        raise ValueError("the period's ends must be aware datetimes")
    if until <= since:
        raise ValueError("the period must end after it starts")


def period_label(since: datetime, until: datetime) -> str:
    """The default name of a period's sample: its ends in UTC, ``20261127T0500Z/20261127T1300Z``."""
    return f"{since.astimezone(UTC):%Y%m%dT%H%MZ}/{until.astimezone(UTC):%Y%m%dT%H%MZ}"


def draw_sample(
    ctx: ServiceContext,
    since: datetime,
    until: datetime,
    share: float | Fraction | str = DEFAULT_SHARE,
    seed: int | None = None,
    label: str = "",
) -> list[ReviewItem]:
    """Draw the period's sample: calls that rang in [since, until) and were answered.

    The sample holds ``sample_size`` of the period's answered calls (at least 2 %, at least one).
    Calls of the period drawn before (for this period or another) count towards it and are not
    drawn again, so drawing a period twice adds nothing. A new ``seed`` is taken when none is
    given; the audit row keeps it. Returns the calls drawn now, in the draw's order.
    """
    _require_reviewer(ctx)
    _check_period(since, until)
    exact_share = share_of(share)
    name = label.strip() or period_label(since, until)
    if len(name) > LABEL_MAX:
        raise ServiceError(Refusal.NOTE_TOO_LONG, field="label", limit=LABEL_MAX, length=len(name))
    if seed is None:
        seed = secrets.randbelow(SEED_LIMIT)
    elif not 0 <= seed < SEED_LIMIT:
        raise ValueError(f"a seed is a whole number from 0 to {SEED_LIMIT - 1}")
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        answered = set(
            session.scalars(
                select(Call.id).where(
                    Call.ring_at >= since, Call.ring_at < until, Call.answered_at.is_not(None)
                )
            )
        )
        already = set(
            session.scalars(
                select(CallReview.call_id)
                .join(Call, Call.id == CallReview.call_id)
                .where(Call.ring_at >= since, Call.ring_at < until)
            )
        )
        size = sample_size(len(answered), exact_share)
        chosen = draw(answered - already, max(0, size - len(already & answered)), seed)
        rows = [
            CallReview(call_id=call_id, sample=name, sampled_at=now, sampled_by=ctx.actor.user_id)
            for call_id in chosen
        ]
        session.add_all(rows)
        session.flush()
        work.audit(
            AuditAction.REVIEW_SAMPLE,
            "review_sample",
            name,
            since=since.astimezone(UTC).isoformat(),
            until=until.astimezone(UTC).isoformat(),
            share=f"{exact_share.numerator}/{exact_share.denominator}",
            seed=seed,
            answered=len(answered),
            size=size,
            drawn_before=len(already & answered),
            calls=chosen,
        )
        if rows:
            work.notify(Topic.REVIEWS, *(row.id for row in rows))
        items = _items(session, [row.id for row in rows])
    return items


def record_review(
    ctx: ServiceContext, review_id: int, answers: Mapping[str, str], comment: str = ""
) -> ReviewItem:
    """Write the review of a drawn call once: the form's answers, the score they give, a comment.

    Answers that do not fill the form are refused (``REVIEW_INCOMPLETE``, the problems by question
    in ``details["problems"]``).
    """
    _require_reviewer(ctx)
    try:
        result = score(answers)
        stored = stored_answers(answers)
    except ReviewFormError as wrong:
        raise ServiceError(
            Refusal.REVIEW_INCOMPLETE, problems={code: p.value for code, p in wrong.problems.items()}
        ) from wrong
    text = comment.strip()
    if len(text) > COMMENT_MAX:
        raise ServiceError(Refusal.NOTE_TOO_LONG, field="comment", limit=COMMENT_MAX, length=len(text))
    with unit_of_work(ctx) as work:
        session = work.session
        row = session.get(CallReview, review_id, with_for_update=True)
        if row is None:
            work.refuse(Refusal.NO_SUCH_REVIEW, review_id=review_id)
        if row.reviewed_at is not None:
            work.refuse(Refusal.REVIEW_DONE, review_id=review_id)
        row.reviewed_at = ctx.clock.now()
        row.reviewer_id = ctx.actor.user_id
        row.score = result
        row.answers = json.dumps(stored, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        row.comment = text
        session.flush()
        work.audit(AuditAction.REVIEW_SCORE, "call_review", row.id, call=row.call_id, score=result)
        work.notify(Topic.REVIEWS, row.id)
        (item,) = _items(session, [row.id])
    return item


def reviews(ctx: ServiceContext, label: str | None = None) -> list[ReviewItem]:
    """Drawn calls, the newest draw first and each draw in its order (one sample's with ``label``)."""
    _require_reviewer(ctx)
    with reading(ctx) as session:
        query = select(CallReview.id).order_by(CallReview.sampled_at.desc(), CallReview.id)
        if label is not None:
            query = query.where(CallReview.sample == label)
        return _items(session, list(session.scalars(query)))


def _items(session: Session, review_ids: list[int]) -> list[ReviewItem]:
    """The review rows with their calls, in the order of ``review_ids``."""
    if not review_ids:
        return []
    sampler, taker, reviewer = aliased(User), aliased(User), aliased(User)
    rows = session.execute(
        select(
            CallReview,
            Call.ring_at,
            Call.answered_at,
            Call.number_e164,
            Call.number_raw,
            Call.presentation,
            Call.classification,
            Call.incident_id,
            Incident.number,
            sampler.username.label("sampled_by_name"),
            taker.username.label("answered_by_name"),
            reviewer.username.label("reviewer_name"),
        )
        .join(Call, Call.id == CallReview.call_id)
        .outerjoin(Incident, Incident.id == Call.incident_id)
        .outerjoin(sampler, sampler.id == CallReview.sampled_by)
        .outerjoin(taker, taker.id == Call.answered_by)
        .outerjoin(reviewer, reviewer.id == CallReview.reviewer_id)
        .where(CallReview.id.in_(review_ids))
    ).all()
    by_id: dict[int, ReviewItem] = {}
    for row in rows:
        review = row[0]
        by_id[review.id] = ReviewItem(
            review_id=review.id,
            call_id=review.call_id,
            sample=review.sample,
            sampled_at=review.sampled_at,
            sampled_by=row.sampled_by_name,
            ring_at=row.ring_at,
            answered_at=row.answered_at,
            answered_by=row.answered_by_name,
            number=_display_number(row.number_e164, row.number_raw, row.presentation),
            call_class=CallClass(row.classification) if row.classification else None,
            incident_id=row.incident_id,
            incident_number=row.number,
            reviewed_at=review.reviewed_at,
            reviewer=row.reviewer_name,
            score=review.score,
            answers=_answers(review.answers),
            comment=review.comment or "",
        )
    return [by_id[review_id] for review_id in review_ids if review_id in by_id]


def _display_number(e164: str | None, raw: str, presentation: str) -> str:
    if e164:
        return format_national(e164)
    return raw if presentation == "allowed" else ""


def _answers(stored: str | None) -> Mapping[ReviewQuestion, ReviewAnswer]:
    """A stored review's answers (the form's version 1; unknown codes of a later form are left out)."""
    if not stored:
        return MappingProxyType({})
    loaded = json.loads(stored)
    answers = loaded.get("answers", {}) if isinstance(loaded, dict) else {}
    known = {q.value for q in ReviewQuestion}
    given = {a.value for a in ReviewAnswer}
    return MappingProxyType(
        {
            ReviewQuestion(code): ReviewAnswer(answer)
            for code, answer in answers.items()
            if code in known and answer in given
        }
    )


def closed_without_narrative(
    ctx: ServiceContext, since: datetime, until: datetime
) -> list[UnnarratedIncident]:
    """Incidents closed in [since, until) with no narrative note, in order of closing.

    Cancelled incidents (a call that was not an emergency, a duplicate) are left out: nothing
    happened that needed telling. A reopened incident counts when it was last closed.
    """
    _require_reviewer(ctx)
    _check_period(since, until)
    opener = aliased(User)
    narrated = exists().where(
        IncidentNote.incident_id == Incident.id, IncidentNote.kind == NoteKind.NARRATIVE.value
    )
    with reading(ctx) as session:
        rows = session.execute(
            select(Incident, opener.username)
            .outerjoin(opener, opener.id == Incident.created_by)
            .where(
                Incident.closed_at >= since,
                Incident.closed_at < until,
                Incident.status == IncidentStatus.CLOSED.value,
                ~narrated,
            )
            .order_by(Incident.closed_at, Incident.id)
        ).all()
    found = []
    for incident, username in rows:
        assert incident.closed_at is not None  # selected by it
        found.append(
            UnnarratedIncident(
                incident_id=incident.id,
                number=incident.number,
                category=incident.category,
                priority=Priority(incident.priority),
                disposition=Disposition(incident.disposition) if incident.disposition else None,
                created_at=incident.created_at,
                closed_at=incident.closed_at,
                opened_by=username,
            )
        )
    return found
