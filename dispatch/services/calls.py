"""Calls: recording feed events (persist first), answering, classifying, hanging up."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.enums import (
    NON_EMERGENCY_CLASSES,
    CallClass,
    CallState,
    Disposition,
    IncidentStatus,
    Priority,
)
from dispatch.domain.incidents import format_incident_number
from dispatch.domain.leftovers import LeftoverCall, leftover_ending
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import aml, forwarding
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.incidents import release_units
from dispatch.services.snapshots import CallView, IncidentView
from dispatch.services.uow import UnitOfWork, insert_unless_taken, unit_of_work
from dispatch.store.tables import Call, Callback, FeedFrame, Incident, IncidentCounter, IncidentNote

#: No call stays unfinished longer than this; an older unfinished call is not matched to new events.
OPEN_CALL_WINDOW = timedelta(hours=12)


def record_signal(ctx: ServiceContext, signal: CallSignal) -> CallView | None:
    """Store the frame and apply it to its call, in one transaction, before anything is shown."""
    with unit_of_work(ctx) as work:
        view = store_signal(work, signal)
    return view


# Storing a feed's frames is the console's hottest write (a burst is 200 calls a second), so it is
# written with statements built once and executed on the transaction's connection: no autoflush
# before each lookup, no ORM object for a new call or a frame, the frame inserted once with its
# call (not inserted, then updated). The rows are the same as the ORM would write. Audit rows still
# go through the session (``UnitOfWork.audit``): the hash chain's ``before_flush`` hook
# (dispatch/store/audit_chain.py) chains the pending ones, all of a read's at the commit's flush.
_calls = cast(Table, Call.__table__)
_frames = cast(Table, FeedFrame.__table__)
_INSERT_CALL = insert(_calls)
_INSERT_FRAME = insert(_frames)
_OPEN_CALL_BY_ID = (
    select(_calls.c.id, _calls.c.state)
    .where(_calls.c.feed == bindparam("feed"), _calls.c.external_id == bindparam("external_id"))
    .order_by(_calls.c.ring_at.desc())
    .limit(1)
)
# Feeds without call ids: the latest unfinished call on the same line and number. The time window
# keeps this an index range (a withheld "P" has tens of thousands of earlier calls).
_OPEN_CALL_BY_NUMBER = (
    select(_calls.c.id, _calls.c.state)
    .where(
        _calls.c.feed == bindparam("feed"),
        _calls.c.number_raw == bindparam("number_raw"),
        _calls.c.ring_at >= bindparam("since", type_=_calls.c.ring_at.type),
        _calls.c.state != CallState.ENDED.value,
    )
    .order_by(_calls.c.ring_at.desc())
    .limit(1)
)
_OPEN_CALL_BY_NUMBER_ON_LINE = _OPEN_CALL_BY_NUMBER.where(_calls.c.line == bindparam("line"))


def store_signal(work: UnitOfWork, signal: CallSignal) -> CallView | None:
    """``record_signal`` inside the caller's unit of work (a feed stores the frames of one read together)."""
    session = work.session
    _flush_changed_calls(session)
    connection = session.connection()
    work.notify(Topic.FEED)
    call = _apply_signal(session, connection, work.ctx, signal)
    connection.execute(
        _INSERT_FRAME,
        {
            "feed": signal.feed,
            "received_at": signal.received_at,
            "raw": signal.raw,
            "decoded": json.dumps(_signal_fields(signal), ensure_ascii=False),
            "rejected_reason": None,
            "call_id": None if call is None else call.id,
        },
    )
    if call is None:
        return None
    work.audit(AuditAction(f"call.{signal.kind.value}"), "call", call.id, feed=signal.feed)
    work.notify(Topic.CALLS, call.id)
    return CallView.of(call)


def insert_rejected_frame(
    session: Session, feed: str, raw: bytes, reason: str, received_at: datetime
) -> None:
    """A frame that could not be decoded, in the caller's unit of work (in order with the others)."""
    session.connection().execute(
        _INSERT_FRAME,
        {
            "feed": feed,
            "received_at": received_at,
            "raw": raw,
            "decoded": None,
            "rejected_reason": reason,
            "call_id": None,
        },
    )


def record_rejected_frame(
    ctx: ServiceContext, feed: str, raw: bytes, reason: str, received_at: datetime | None = None
) -> None:
    """A frame that could not be decoded is kept, with the reason, for the installer to see."""
    with unit_of_work(ctx) as work:
        insert_rejected_frame(work.session, feed, raw, reason, received_at or ctx.clock.now())
        work.notify(Topic.FEED)


def _flush_changed_calls(session: Session) -> None:
    """Flush a changed call (an earlier frame's, or the caller's): the lookups here do not autoflush.

    A read's new calls and frames are inserted as they come; its audit rows wait for the commit.
    """
    if session.identity_map.check_modified() or any(isinstance(row, Call) for row in session.new):
        session.flush()


def _signal_fields(signal: CallSignal) -> dict[str, object]:
    return {
        "event": signal.kind.value,
        "line": signal.line,
        "number": signal.number.e164,
        "number_raw": signal.number.raw,
        "presentation": signal.number.presentation.value,
        "name": signal.name,
        "call_id": signal.call_id,
    }


def _find_call(connection: Connection, signal: CallSignal) -> tuple[int, str] | None:
    """The id and state of the call ``signal`` belongs to, if there is one."""
    if signal.call_id is not None:
        query = _OPEN_CALL_BY_ID
        params: dict[str, object] = {"feed": signal.feed, "external_id": signal.call_id}
    else:
        params = {
            "feed": signal.feed,
            "number_raw": signal.number.raw,
            "since": signal.received_at - OPEN_CALL_WINDOW,
        }
        query = _OPEN_CALL_BY_NUMBER
        if signal.line is not None:
            query = _OPEN_CALL_BY_NUMBER_ON_LINE
            params["line"] = signal.line
    row = connection.execute(query, params).first()
    return None if row is None else (row[0], row[1])


def _apply_signal(
    session: Session, connection: Connection, ctx: ServiceContext, signal: CallSignal
) -> Call | None:
    """The call ``signal`` is about, new, changed or as it was; None if it names no known call.

    A new call is inserted here and returned as a transient ``Call`` (not in the session); an
    existing one is the session's, its change flushed before the next frame's lookup.
    """
    found = _find_call(connection, signal)
    if signal.kind is SignalKind.INCOMING or (found is None and signal.kind is SignalKind.RING):
        if found is not None and found[1] == CallState.RINGING.value:
            # The same call reported again (a repeated caller-ID block).
            return session.get_one(Call, found[0])
        values = {
            "feed": signal.feed,
            "line": signal.line,
            "external_id": signal.call_id,
            "number_raw": signal.number.raw,
            "number_e164": signal.number.e164,
            "presentation": signal.number.presentation.value,
            "number_description": signal.number.description,
            "caller_name": signal.name,
            "state": CallState.RINGING.value,
            "ring_at": signal.received_at,
        }
        key = connection.execute(_INSERT_CALL, values).inserted_primary_key
        assert key is not None
        call_id = key[0]
        return Call(id=call_id, **values)
    if found is None:
        return None
    # Locked, and read again: a console answering this call at the same moment either committed
    # first (the caller hung up on an answered call: not abandoned) or waits for this frame.
    existing = session.get_one(Call, found[0], with_for_update=True, populate_existing=True)
    if signal.kind is SignalKind.ANSWERED and existing.state == CallState.RINGING.value:
        # Answered at the telephone before anyone pressed a key: the call is live, no incident yet.
        existing.state = CallState.ANSWERED.value
        existing.answered_at = signal.received_at
    elif signal.kind is SignalKind.ENDED and existing.state != CallState.ENDED.value:
        _end(existing, ctx)
        existing.ended_at = signal.received_at
        if existing.classification == CallClass.ABANDONED.value:
            open_callback(session, ctx, existing, CallClass.ABANDONED)
    return existing


def _end(call: Call, ctx: ServiceContext) -> None:
    if call.state == CallState.RINGING.value and call.classification is None:
        call.classification = CallClass.ABANDONED.value
    call.state = CallState.ENDED.value
    call.ended_at = call.ended_at or ctx.clock.now()


def answer_call(ctx: ServiceContext, call_id: int) -> tuple[CallView, IncidentView]:
    """Answer a ringing call: the incident exists from this moment, so nothing typed can be lost."""
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        # A conditional update so that two consoles cannot both answer the same call.
        claimed = session.execute(  # type: ignore[attr-defined]
            update(Call)
            .where(Call.id == call_id, Call.state == CallState.RINGING.value)
            .values(
                state=CallState.ANSWERED.value,
                answered_at=now,
                answered_by=ctx.actor.user_id,
                console_id=ctx.console_id,
                classification=CallClass.EMERGENCY.value,
            )
        ).rowcount
        if claimed != 1:
            raise ServiceError(Refusal.CALL_NOT_RINGING, call_id=call_id)
        call = session.get_one(Call, call_id)
        session.refresh(call)
        audit(session, ctx, AuditAction.CALL_ANSWER, "call", call.id)
        note = f"call.answered {call.number_e164 or call.number_raw}"
        incident = open_incident_for_call(session, ctx, call, now, note)
        views = CallView.of(call, incident.number), IncidentView.of(incident)
        work.notify(Topic.CALLS, call_id)
        work.notify(Topic.INCIDENTS, incident.id)
    return views


def open_incident_for_call(
    session: Session, ctx: ServiceContext, call: Call, now: datetime, note: str
) -> Incident:
    """A new incident for ``call``, linked to it, in the caller's transaction.

    Used when a call is answered and when a callback reaches an emergency.
    """
    incident = Incident(
        number=_next_incident_number(session, ctx),
        category=None,
        priority=Priority.P3.value,
        status=IncidentStatus.NEW.value,
        created_at=now,
        updated_at=now,
        created_by=ctx.actor.user_id,
        console_id=ctx.console_id,
        caller_name=call.caller_name or "",
        callback_number=CallView.of(call).number_national if call.presentation == "allowed" else "",
    )
    session.add(incident)
    session.flush()
    call.incident_id = incident.id
    session.add(
        IncidentNote(
            incident_id=incident.id,
            at=now,
            author_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            kind=NoteKind.SYSTEM.value,
            text=note,
        )
    )
    audit(
        session, ctx, AuditAction.INCIDENT_OPEN, "incident", incident.id, number=incident.number, call=call.id
    )
    aml.apply_waiting(session.info["unit_of_work"], call.id, incident)  # a handset position that came first
    return incident


def open_callback(session: Session, ctx: ServiceContext, call: Call, reason: CallClass) -> None:
    """Queue a silent or abandoned call for calling back, in the transaction that classified it.

    Silent calls may be genuine (EENA): the row stays open until called back or closed by a
    supervisor. A call already queued is not queued twice.
    """
    if session.scalars(select(Callback.id).where(Callback.call_id == call.id)).first() is not None:
        return
    callback = Callback(call_id=call.id, reason=reason.value, opened_at=ctx.clock.now(), note="")
    session.add(callback)
    session.flush()
    audit(session, ctx, AuditAction.CALLBACK_OPEN, "callback", callback.id, call=call.id, reason=reason.value)
    # Announced as the queue's own change: the callback desk re-reads the queue on CALLBACKS only
    # (on every CALLS notice it was a read on the window's thread per refresh: bench_centre).
    session.info["unit_of_work"].notify(Topic.CALLBACKS, callback.id)


def _next_incident_number(session: Session, ctx: ServiceContext) -> str:
    year = ctx.clock.now().year
    counter = session.get(IncidentCounter, year, with_for_update=True)
    if counter is None:
        # The year's first incident: two consoles may both find no counter; the row is created by
        # whichever inserts first, and both then take the lock on it.
        insert_unless_taken(session, IncidentCounter(year=year, last=0))
        counter = session.get_one(IncidentCounter, year, with_for_update=True, populate_existing=True)
    counter.last += 1
    return format_incident_number(year, counter.last)


def classify_call(ctx: ServiceContext, call_id: int, call_class: CallClass) -> CallView:
    """Close an answered call as information, prank, silent or wrong number.

    Its incident, opened at answer, is cancelled (kept, with anything typed into it) so that the
    record stays complete and the incident number is accounted for.
    """
    if call_class not in NON_EMERGENCY_CLASSES:
        raise ServiceError(Refusal.NOT_A_CLOSING_CLASS, call_class=call_class.value)
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        call, incident = _locked_call_and_incident(session, call_id)
        queued = session.scalars(
            select(Callback)
            .where(Callback.call_id == call.id, Callback.closed_at.is_(None))
            .with_for_update()
        ).first()
        if call.classification == CallClass.DUPLICATE.value:
            # Its incident is now the one it was attached to, shared with other callers and units.
            raise ServiceError(Refusal.CALL_ATTACHED, call_id=call_id)
        if call.classification == call_class.value:
            # Closed so by another console a moment ago (two keys pressed on one call): one close,
            # one audit row; this console is told and sees the call as it is.
            raise ServiceError(Refusal.CHANGED_ELSEWHERE, call_id=call_id, classification=call_class.value)
        before = call.classification
        call.classification = call_class.value
        if call.state != CallState.ENDED.value:
            _end(call, ctx)
        number = None
        released: list[int] = []
        if incident is not None:
            number = incident.number
            if incident.status not in (IncidentStatus.CLOSED.value, IncidentStatus.CANCELLED.value):
                released = release_units(session, ctx, incident.id)
                forwarding.end_with_incident(work, incident)
                incident.status = IncidentStatus.CANCELLED.value
                incident.disposition = Disposition.NON_EMERGENCY.value
                incident.closed_at = now
                incident.updated_at = now
                audit(
                    session,
                    ctx,
                    AuditAction.INCIDENT_CANCEL,
                    "incident",
                    incident.id,
                    reason=call_class.value,
                )
        audit(session, ctx, AuditAction.CALL_CLASSIFY, "call", call.id, before=before, after=call_class.value)
        closed_callback = None
        if call_class is CallClass.SILENT:
            open_callback(session, ctx, call, CallClass.SILENT)
        else:
            closed_callback = _close_callback_of_reclassified(session, ctx, call, before, queued)
        view = CallView.of(call, number)
        work.notify(Topic.CALLS, call_id)
        if closed_callback is not None:
            work.notify(Topic.CALLBACKS, closed_callback)
        if view.incident_id is not None:
            work.notify(Topic.INCIDENTS, view.incident_id)
        if released:
            work.notify(Topic.UNITS, *released)
    return view


def _close_callback_of_reclassified(
    session: Session, ctx: ServiceContext, call: Call, before: str | None, row: Callback | None
) -> int | None:
    """A call no longer silent or abandoned is not called back: its open callback leaves the queue."""
    if row is None:
        return None
    row.closed_at = ctx.clock.now()
    row.closed_by = ctx.actor.user_id
    row.outcome = CallbackOutcome.RECLASSIFIED.value
    audit(
        session,
        ctx,
        AuditAction.CALLBACK_CLOSE,
        "callback",
        row.id,
        outcome=CallbackOutcome.RECLASSIFIED.value,
        before=before,
        after=call.classification,
    )
    return row.id


def _locked_call_and_incident(session: Session, call_id: int) -> tuple[Call, Incident | None]:
    """The answered call and its incident, locked in the order of closing and dispatching.

    The incident first, then the call, then (the caller's part) its callback and units: the order
    of closing an incident, so that a prank closed on one console while another closes or
    dispatches its incident serialise instead of deadlocking, and the later one sees what the
    first did. Every row is locked before the first audit row is written: the audit chain's head
    is locked by that row until the commit (see ``incidents.close_incident``). A call moved to
    another incident between the two reads (attached as a duplicate at that moment) is refused.
    """
    shown = session.get(Call, call_id)
    if shown is None:
        raise ServiceError(Refusal.NO_SUCH_CALL, call_id=call_id)
    incident = None
    if shown.incident_id is not None:
        incident = session.get(Incident, shown.incident_id, with_for_update=True)
    call = session.get_one(Call, call_id, with_for_update=True, populate_existing=True)
    if call.incident_id != (None if incident is None else incident.id):
        raise ServiceError(Refusal.CHANGED_ELSEWHERE, call_id=call_id)
    if call.state == CallState.RINGING.value:
        raise ServiceError(Refusal.CALL_NOT_ANSWERED, call_id=call_id)
    return call, incident


def answered_call(session: Session, call_id: int) -> Call:
    """The call, refused unless it exists and has been answered (it may have ended since)."""
    call = session.get(Call, call_id)
    if call is None:
        raise ServiceError(Refusal.NO_SUCH_CALL, call_id=call_id)
    if call.state == CallState.RINGING.value:
        raise ServiceError(Refusal.CALL_NOT_ANSWERED, call_id=call_id)
    return call


def hang_up(ctx: ServiceContext, call_id: int) -> CallView:
    """The call-taker ends the conversation; the incident, if any, goes on."""
    with unit_of_work(ctx) as work:
        # Locked before the audit row: closing its incident on another console ends it too.
        call = work.session.get(Call, call_id, with_for_update=True)
        if call is None:
            work.refuse(Refusal.NO_SUCH_CALL, call_id=call_id)
        if call.state != CallState.ANSWERED.value:
            work.refuse(Refusal.CALL_NOT_ANSWERED, call_id=call_id)
        _end(call, ctx)
        work.audit(AuditAction.CALL_HANG_UP, "call", call.id)
        work.notify(Topic.CALLS, call_id)
        view = CallView.of(call)
    return view


def reconcile_leftovers(ctx: ServiceContext) -> int:
    """End the calls an earlier run left ringing or answered, by their source's rules; how many ended.

    Called once at start, after login and before the feeds and the simulator start
    (``ui/app.py``); the rules are ``dispatch.domain.leftovers``. A ringing call that ends is
    abandoned and queued for a callback; an answered one keeps its class (its incident goes on).
    Each is audited as ``call.reconcile`` with the rule, the state it was in and its last event.
    Calls a live source may still be ringing (a telephone line's within its ring cycle) are left.
    """
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        unfinished = session.scalars(
            select(Call)
            .where(Call.state.in_([CallState.RINGING.value, CallState.ANSWERED.value]))
            .order_by(Call.ring_at, Call.id)
            .with_for_update()
        ).all()
        if not unfinished:
            return 0
        last_frames = _last_frames(session, unfinished, now)
        ended: list[int] = []
        callbacks: list[int] = []
        for call in unfinished:
            known = [call.ring_at, call.answered_at, last_frames.get(call.id)]
            leftover = LeftoverCall(
                id=call.id,
                feed=call.feed,
                state=CallState(call.state),
                last_event_at=max(at for at in known if at is not None),
                console_id=call.console_id,
            )
            ending = leftover_ending(leftover, now, ctx.console_id)
            if ending is None:
                continue
            before = call.state
            call.ended_at = ending.ended_at
            _end(call, ctx)
            work.audit(
                AuditAction.CALL_RECONCILE,
                "call",
                call.id,
                before=before,
                rule=ending.rule.value,
                last_event_at=leftover.last_event_at.isoformat(),
                classification=call.classification,
            )
            if ending.abandoned and call.classification == CallClass.ABANDONED.value:
                open_callback(session, ctx, call, CallClass.ABANDONED)
                callbacks.append(call.id)
            ended.append(call.id)
        if ended:
            work.notify(Topic.CALLS, *ended)
        if callbacks:
            work.notify(Topic.CALLBACKS)
    return len(ended)


def _last_frames(session: Session, unfinished: Sequence[Call], now: datetime) -> dict[int, datetime]:
    """The last feed frame of each recent unfinished call (a ring after the caller ID, an answer).

    Only frames since the oldest such call rang, and none older than ``OPEN_CALL_WINDOW``: the
    frames' call column has no index, their time has. An older call is judged by its ring and answer
    times, long past any rule's limit either way.
    """
    recent = [c for c in unfinished if c.ring_at >= now - OPEN_CALL_WINDOW]
    if not recent:
        return {}
    rows = session.execute(
        select(FeedFrame.call_id, func.max(FeedFrame.received_at))
        .where(
            FeedFrame.received_at >= min(c.ring_at for c in recent),
            FeedFrame.call_id.in_([c.id for c in recent]),
        )
        .group_by(FeedFrame.call_id)
    ).all()
    return {call_id: at for call_id, at in rows if call_id is not None and at is not None}
