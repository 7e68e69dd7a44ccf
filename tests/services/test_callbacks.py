"""The callback queue: silent and abandoned calls stay until called back or closed by a supervisor."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from dispatch.domain.callers import CallbackOutcome, CallbackReason
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, IncidentStatus, Role
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, callbacks, calls, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import Database
from dispatch.store.tables import Call, Callback, CallbackAttempt, FeedFrame
from tests.services.support import MOBILE, audited, signal
from tests.store.postgres import shared_schema


def silent_call(ctx: ServiceContext, clock: ManualClock, number: str = MOBILE) -> int:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert view is not None
    calls.answer_call(ctx, view.id)
    clock.advance(20)
    calls.classify_call(ctx, view.id, CallClass.SILENT)
    return view.id


def only_open(ctx: ServiceContext) -> callbacks.CallbackView:
    (found,) = callbacks.open_callbacks(ctx)
    return found


def call_taker(ctx: ServiceContext) -> ServiceContext:
    accounts.create_user(ctx, "budi", "Budi Santoso", "operator-112", "operator-112", Role.CALL_TAKER)
    result = accounts.log_in(ctx, "budi", "operator-112")
    assert result.actor is not None
    return ctx.acting_as(result.actor)


def test_a_silent_call_is_queued_in_the_transaction_that_classifies_it(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert view is not None
    calls.answer_call(ctx, view.id)
    _classified, rows = audited(ctx, lambda: calls.classify_call(ctx, view.id, CallClass.SILENT))
    assert [r.action for r in rows] == ["incident.cancel", "call.classify", "callback.open"]
    queued = only_open(ctx)
    assert (queued.call_id, queued.reason, queued.attempts, queued.opened_at) == (
        view.id,
        CallbackReason.SILENT,
        0,
        clock.now(),
    )


@pytest.mark.parametrize("call_class", [CallClass.PRANK, CallClass.INFORMATION, CallClass.WRONG_NUMBER])
def test_other_classes_are_not_queued(ctx: ServiceContext, clock: ManualClock, call_class: CallClass) -> None:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert view is not None
    calls.answer_call(ctx, view.id)
    calls.classify_call(ctx, view.id, call_class)
    assert callbacks.open_callbacks(ctx) == []


@contextmanager
def refused_inserts(request: pytest.FixtureRequest, database: Database, table: str) -> Iterator[None]:
    """Inserts into ``table`` fail, as a constraint would, while this lasts: a trigger (made and
    dropped on PostgreSQL by the owner, as the consoles' role may not)."""
    if database.engine.dialect.name == "sqlite":
        engine = database.engine
        make = [
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'full'); END"
        ]
        drop = [f"DROP TRIGGER refuse_{table}"]
    else:
        engine = shared_schema(request.config).owner
        make = [
            "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'integrity_constraint_violation'; END $$",
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION refuse_insert()",
        ]
        drop = [f"DROP TRIGGER refuse_{table} ON {table}", "DROP FUNCTION refuse_insert()"]
    with engine.begin() as connection:
        for statement in make:
            connection.execute(text(statement))
    try:
        yield
    finally:
        with engine.begin() as connection:
            for statement in drop:
                connection.execute(text(statement))


def test_an_abandoned_call_is_queued_in_the_same_transaction(
    request: pytest.FixtureRequest, ctx: ServiceContext, clock: ManualClock
) -> None:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert view is not None
    clock.advance(15)
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now()))
    queued = only_open(ctx)
    assert (queued.call_id, queued.reason) == (view.id, CallbackReason.ABANDONED)
    # The same transaction: when the callback row cannot be written (a trigger refuses it), the
    # ended call and its frame are not stored either.
    second = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), "081398765432"))
    assert second is not None
    with ctx.database.transaction() as session:
        frames_before = len(session.scalars(select(FeedFrame.id)).all())
    with refused_inserts(request, ctx.database, "callbacks"), pytest.raises(IntegrityError):
        calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now(), "081398765432"))
    with ctx.database.transaction() as session:
        assert session.get_one(Call, second.id).state == "ringing"
        assert len(session.scalars(select(FeedFrame.id)).all()) == frames_before


def test_attempts_are_kept_and_only_reaching_the_caller_closes(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    silent_call(ctx, clock)
    queued = only_open(ctx)
    for outcome in (CallbackOutcome.NO_ANSWER, CallbackOutcome.BUSY, CallbackOutcome.UNREACHABLE):
        clock.advance(300)
        changes.clear()
        after, rows = audited(ctx, lambda o=outcome: callbacks.record_attempt(ctx, queued.id, o, "tried"))
        assert after.closed_at is None
        assert (after.last_attempt_outcome, after.last_attempt_at) == (outcome, clock.now())
        assert [(r.action, json.loads(r.detail or "{}")["outcome"]) for r in rows] == [
            ("callback.attempt", outcome.value)
        ]
        assert changes == [Change(Topic.CALLBACKS, (queued.id,))]
    assert only_open(ctx).attempts == 3
    clock.advance(300)
    done = callbacks.record_attempt(ctx, queued.id, CallbackOutcome.REACHED_NO_EMERGENCY, "child played")
    assert (done.closed_at, done.outcome, done.attempts) == (
        clock.now(),
        CallbackOutcome.REACHED_NO_EMERGENCY,
        4,
    )
    assert callbacks.open_callbacks(ctx) == []
    assert [a.outcome for a in callbacks.callback_attempts(ctx, queued.id)][-1] is (
        CallbackOutcome.REACHED_NO_EMERGENCY
    )
    with pytest.raises(ServiceError, match="callback_closed"):
        callbacks.record_attempt(ctx, queued.id, CallbackOutcome.BUSY)


def test_reaching_an_emergency_opens_an_incident_linked_to_the_call(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call_id = silent_call(ctx, clock)  # rings at START, 2026-11-27 05:00 UTC
    cancelled_incident = queries.call(ctx, call_id).incident_id  # type: ignore[union-attr]
    queued = only_open(ctx)
    clock.advance(120)
    done, rows = audited(
        ctx,
        lambda: callbacks.record_attempt(ctx, queued.id, CallbackOutcome.REACHED_EMERGENCY, "cannot speak"),
    )
    assert done.closed_at == clock.now()
    assert done.incident_id is not None
    assert done.incident_id != cancelled_incident
    incident = queries.incident(ctx, done.incident_id)
    assert incident is not None
    assert incident.status is IncidentStatus.NEW
    assert incident.number == done.incident_number
    assert queries.call(ctx, call_id).incident_id == incident.id  # type: ignore[union-attr]
    # A code with the ring time in ISO form: the panel words it in the reader's language and zone.
    assert [(n.kind, n.text) for n in queries.incident_notes(ctx, incident.id)] == [
        ("system", f"callback.reached_emergency {call_id} 2026-11-27T05:00:00+00:00")
    ]
    assert [r.action for r in rows] == [
        "callback.attempt",
        "incident.open",
        "callback.emergency",
        "callback.close",
    ]


def test_only_a_supervisor_closes_without_reaching_the_caller(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    silent_call(ctx, clock)
    queued = only_open(ctx)
    taker = call_taker(ctx)
    callbacks.record_attempt(taker, queued.id, CallbackOutcome.NO_ANSWER)  # anyone may call back
    with pytest.raises(ServiceError, match="supervisor_only"):
        callbacks.close_callback(taker, queued.id, CallbackOutcome.CLOSED_BY_SUPERVISOR, "known line fault")
    with pytest.raises(ServiceError, match="note_required"):
        callbacks.close_callback(ctx, queued.id, CallbackOutcome.CLOSED_BY_SUPERVISOR, "  \x07 ")
    with pytest.raises(ServiceError, match="not_a_close_outcome"):
        callbacks.close_callback(ctx, queued.id, CallbackOutcome.BUSY, "x")
    with pytest.raises(ServiceError, match="not_an_attempt_outcome"):
        callbacks.record_attempt(ctx, queued.id, CallbackOutcome.CLOSED_BY_SUPERVISOR)
    assert only_open(ctx).closed_at is None
    closed, rows = audited(
        ctx,
        lambda: callbacks.close_callback(
            ctx, queued.id, CallbackOutcome.CLOSED_BY_SUPERVISOR, "known line fault"
        ),
    )
    assert (closed.outcome, closed.note, closed.closed_at) == (
        CallbackOutcome.CLOSED_BY_SUPERVISOR,
        "known line fault",
        clock.now(),
    )
    assert [r.action for r in rows] == ["callback.close"]
    with ctx.database.transaction() as session:
        row = session.get_one(Callback, queued.id)
        assert row.closed_by == ctx.actor.user_id
        assert (
            len(session.scalars(select(CallbackAttempt).where(CallbackAttempt.callback_id == row.id)).all())
            == 1
        )
    assert callbacks.open_callbacks(ctx) == []


def test_a_withheld_caller_cannot_be_called_back_but_a_supervisor_closes_it(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    silent_call(ctx, clock, number="P")
    queued = only_open(ctx)
    assert queued.withheld
    with pytest.raises(ServiceError, match="number_withheld"):
        callbacks.record_attempt(ctx, queued.id, CallbackOutcome.NO_ANSWER)
    callbacks.close_callback(ctx, queued.id, CallbackOutcome.CLOSED_BY_SUPERVISOR, "withheld number")
    assert callbacks.open_callbacks(ctx) == []


def test_unknown_callbacks_are_refused(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError, match="no_such_callback"):
        callbacks.record_attempt(ctx, 42, CallbackOutcome.BUSY)
    assert callbacks.callback(ctx, 42) is None


@pytest.mark.parametrize("new_class", [CallClass.PRANK, CallClass.WRONG_NUMBER, CallClass.INFORMATION])
def test_reclassifying_a_silent_call_closes_its_open_callback_with_a_reason(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change], new_class: CallClass
) -> None:
    call_id = silent_call(ctx, clock)
    queued = only_open(ctx)
    clock.advance(60)
    changes.clear()
    _view, rows = audited(ctx, lambda: calls.classify_call(ctx, call_id, new_class))
    assert callbacks.open_callbacks(ctx) == []
    closed = callbacks.callback(ctx, queued.id)
    assert closed is not None
    assert (closed.outcome, closed.closed_at) == (CallbackOutcome.RECLASSIFIED, clock.now())
    close_rows = [r for r in rows if r.action == "callback.close"]
    assert [(r.entity_id, json.loads(r.detail or "{}")) for r in close_rows] == [
        (str(queued.id), {"outcome": "reclassified", "before": "silent", "after": new_class.value})
    ]
    with ctx.database.transaction() as session:
        assert session.get_one(Callback, queued.id).closed_by == ctx.actor.user_id
    # The queue (and its tab count) listens to CALLBACKS.
    assert Change(Topic.CALLBACKS, (queued.id,)) in changes


def test_classifying_an_abandoned_call_closes_its_callback_but_silent_again_keeps_it(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert view is not None
    clock.advance(15)
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now()))
    assert only_open(ctx).reason is CallbackReason.ABANDONED
    calls.classify_call(ctx, view.id, CallClass.WRONG_NUMBER)
    assert callbacks.open_callbacks(ctx) == []

    call_id = silent_call(ctx, clock, "081398765432")
    queued = only_open(ctx)
    # Silent again: already its class, so refused as another console's doing (two consoles closing
    # one call, issue 13); its callback stays queued.
    with pytest.raises(ServiceError, match="changed_elsewhere"):
        calls.classify_call(ctx, call_id, CallClass.SILENT)
    assert only_open(ctx) == queued
