"""The callback queue: silent and abandoned calls, called back until reached or closed by a supervisor.

Rows are opened by ``calls`` in the transaction that makes a call silent or abandoned
(``calls.open_callback``); every change of the queue, that one included, is announced as
CALLBACKS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from dispatch.domain.callers import (
    ATTEMPT_OUTCOMES,
    SUPERVISOR_CLOSE_OUTCOMES,
    CallbackOutcome,
    CallbackReason,
    attempt_closes,
)
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import Presentation
from dispatch.domain.permissions import Action, can
from dispatch.domain.phone import format_national
from dispatch.services import calls
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import Call, Callback, CallbackAttempt, Incident

NOTE_MAX = 2000


@dataclass(frozen=True)
class CallbackView:
    id: int
    call_id: int
    reason: CallbackReason
    number_raw: str
    number_e164: str | None
    presentation: Presentation
    number_national: str
    caller_name: str | None
    ring_at: datetime
    opened_at: datetime
    closed_at: datetime | None
    outcome: CallbackOutcome | None
    note: str
    attempts: int
    last_attempt_at: datetime | None
    last_attempt_outcome: CallbackOutcome | None
    #: The call's incident: the cancelled one of a silent call, or the one a callback opened.
    incident_id: int | None
    incident_number: str | None

    @property
    def withheld(self) -> bool:
        return self.presentation is not Presentation.ALLOWED


@dataclass(frozen=True)
class AttemptView:
    id: int
    at: datetime
    user_id: int | None
    outcome: CallbackOutcome
    note: str


def open_callbacks(ctx: ServiceContext) -> list[CallbackView]:
    """Callbacks not yet closed, oldest first: the queue stays until each is dealt with."""
    with ctx.database.sessions() as session:
        return _views(
            session, select(Callback).where(Callback.closed_at.is_(None)).order_by(Callback.opened_at)
        )


def callback(ctx: ServiceContext, callback_id: int) -> CallbackView | None:
    with ctx.database.sessions() as session:
        found = _views(session, select(Callback).where(Callback.id == callback_id))
        return found[0] if found else None


def callback_attempts(ctx: ServiceContext, callback_id: int) -> list[AttemptView]:
    with ctx.database.sessions() as session:
        rows = session.scalars(
            select(CallbackAttempt)
            .where(CallbackAttempt.callback_id == callback_id)
            .order_by(CallbackAttempt.at, CallbackAttempt.id)
        ).all()
        return [AttemptView(r.id, r.at, r.user_id, CallbackOutcome(r.outcome), r.note) for r in rows]


def _views(session: Session, query: Select[Callback]) -> list[CallbackView]:
    rows = session.scalars(query).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    counts = dict(
        session.execute(
            select(CallbackAttempt.callback_id, func.count())
            .where(CallbackAttempt.callback_id.in_(ids))
            .group_by(CallbackAttempt.callback_id)
        ).all()
    )
    last: dict[int, CallbackAttempt] = {}
    for attempt in session.scalars(
        select(CallbackAttempt)
        .where(CallbackAttempt.callback_id.in_(ids))
        .order_by(CallbackAttempt.at, CallbackAttempt.id)
    ):
        last[attempt.callback_id] = attempt
    call_rows = {c.id: c for c in session.scalars(select(Call).where(Call.id.in_([r.call_id for r in rows])))}
    incident_ids = {c.incident_id for c in call_rows.values() if c.incident_id is not None}
    numbers = (
        dict(session.execute(select(Incident.id, Incident.number).where(Incident.id.in_(incident_ids))).all())
        if incident_ids
        else {}
    )
    views = []
    for row in rows:
        call = call_rows[row.call_id]
        latest = last.get(row.id)
        views.append(
            CallbackView(
                id=row.id,
                call_id=row.call_id,
                reason=CallbackReason(row.reason),
                number_raw=call.number_raw,
                number_e164=call.number_e164,
                presentation=Presentation(call.presentation),
                number_national=format_national(call.number_e164) if call.number_e164 else call.number_raw,
                caller_name=call.caller_name,
                ring_at=call.ring_at,
                opened_at=row.opened_at,
                closed_at=row.closed_at,
                outcome=CallbackOutcome(row.outcome) if row.outcome else None,
                note=row.note,
                attempts=int(counts.get(row.id, 0)),
                last_attempt_at=latest.at if latest else None,
                last_attempt_outcome=CallbackOutcome(latest.outcome) if latest else None,
                incident_id=call.incident_id,
                incident_number=numbers.get(call.incident_id) if call.incident_id else None,
            )
        )
    return views


def _open_callback_row(session: Session, callback_id: int) -> Callback:
    # Locked: two consoles recording an outcome (or a supervisor closing it) serialise, and the
    # later one finds it closed. Read again: the session may hold it from an earlier, unlocked read.
    row = session.get(Callback, callback_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise ServiceError(Refusal.NO_SUCH_CALLBACK, callback_id=callback_id)
    if row.closed_at is not None:
        raise ServiceError(Refusal.CALLBACK_CLOSED, callback_id=callback_id)
    return row


def _clean_note(note: str) -> str:
    # Control characters (but newlines and tabs) are dropped: a pasted note must not garble the log.
    text = "".join(ch for ch in note if ch in "\n\t" or ord(ch) >= 32).strip()
    if len(text) > NOTE_MAX:
        raise ServiceError(Refusal.NOTE_TOO_LONG, limit=NOTE_MAX)
    return text


def record_attempt(
    ctx: ServiceContext, callback_id: int, outcome: CallbackOutcome, note: str = ""
) -> CallbackView:
    """Record one attempt to call back. Reaching the caller closes the callback; reaching an
    emergency also opens an incident linked to the original call. No answer, busy or unreachable
    leave it open (and visible)."""
    if outcome not in ATTEMPT_OUTCOMES:
        raise ServiceError(Refusal.NOT_AN_ATTEMPT_OUTCOME, outcome=outcome.value)
    text = _clean_note(note)
    now = ctx.clock.now()
    incident_id = None
    with unit_of_work(ctx) as work:
        session = work.session
        # The call first, then the callback (as reclassifying the call takes them), both before the
        # first audit row (which locks the audit chain's head until the commit).
        queued = session.get(Callback, callback_id)
        if queued is None:
            raise ServiceError(Refusal.NO_SUCH_CALLBACK, callback_id=callback_id)
        call = session.get_one(Call, queued.call_id, with_for_update=True)
        row = _open_callback_row(session, callback_id)
        call_id = call.id
        if call.presentation != Presentation.ALLOWED.value:
            raise ServiceError(Refusal.NUMBER_WITHHELD, callback_id=callback_id)
        attempt = CallbackAttempt(
            callback_id=row.id,
            at=now,
            user_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            outcome=outcome.value,
            note=text,
        )
        session.add(attempt)
        session.flush()
        audit(
            session,
            ctx,
            AuditAction.CALLBACK_ATTEMPT,
            "callback",
            row.id,
            outcome=outcome.value,
            attempt=attempt.id,
        )
        if outcome is CallbackOutcome.REACHED_EMERGENCY:
            previous = call.incident_id
            # A code, worded by the UI in the reader's language and time zone.
            incident = calls.open_incident_for_call(
                session, ctx, call, now, f"callback.reached_emergency {call.id} {call.ring_at.isoformat()}"
            )
            incident_id = incident.id
            audit(
                session,
                ctx,
                AuditAction.CALLBACK_EMERGENCY,
                "callback",
                row.id,
                incident=incident.id,
                previous=previous,
            )
        if attempt_closes(outcome):
            _close(session, ctx, row, outcome, text)
        work.notify(Topic.CALLBACKS, callback_id)
        if incident_id is not None:
            work.notify(Topic.CALLS, call_id)
            work.notify(Topic.INCIDENTS, incident_id)
    view = callback(ctx, callback_id)
    assert view is not None
    return view


def close_callback(
    ctx: ServiceContext, callback_id: int, outcome: CallbackOutcome, note: str
) -> CallbackView:
    """A supervisor closes a callback without (another) attempt; the note says why."""
    if not can(ctx.actor.role, Action.CLOSE_CALLBACK):
        raise ServiceError(Refusal.SUPERVISOR_ONLY, action=AuditAction.CALLBACK_CLOSE)
    if outcome not in SUPERVISOR_CLOSE_OUTCOMES:
        raise ServiceError(Refusal.NOT_A_CLOSE_OUTCOME, outcome=outcome.value)
    text = _clean_note(note)
    if not text:
        raise ServiceError(Refusal.NOTE_REQUIRED, callback_id=callback_id)
    with unit_of_work(ctx) as work:
        session = work.session
        row = _open_callback_row(session, callback_id)
        _close(session, ctx, row, outcome, text)
        work.announce(Change(Topic.CALLBACKS, (callback_id,)))
    view = callback(ctx, callback_id)
    assert view is not None
    return view


def _close(session: Session, ctx: ServiceContext, row: Callback, outcome: CallbackOutcome, note: str) -> None:
    row.closed_at = ctx.clock.now()
    row.closed_by = ctx.actor.user_id
    row.outcome = outcome.value
    row.note = note
    audit(session, ctx, AuditAction.CALLBACK_CLOSE, "callback", row.id, outcome=outcome.value)
