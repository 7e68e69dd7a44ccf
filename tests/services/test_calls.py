"""Calls: feed events persisted first, answering opens numbered incidents, classifying, hanging up."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import (
    CallClass,
    CallState,
    Disposition,
    IncidentStatus,
    Presentation,
    Priority,
    UnitStatus,
)
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, dispatching, duplicates, incidents, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import CallView
from dispatch.store.tables import Call, FeedFrame, Incident, IncidentNote
from tests.services.support import (
    FEED,
    MOBILE,
    MOBILE_E164,
    audit_since,
    audited,
    last_audit_id,
    signal,
    unit,
)


def _ring(
    ctx: ServiceContext,
    clock: ManualClock,
    number: str = MOBILE,
    *,
    name: str | None = None,
    call_id: str | None = None,
) -> CallView:
    incoming = signal(SignalKind.INCOMING, clock.now(), number, name=name, call_id=call_id)
    view = calls.record_signal(ctx.as_system(), incoming)
    assert view is not None
    return view


def test_a_signal_is_stored_as_a_frame_with_its_call(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    raw = b"\x02CID 0812-3456-7890 SARI\x03\xff"
    changes.clear()
    view, rows = audited(
        ctx,
        lambda: calls.record_signal(
            ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), MOBILE, name="SARI W", raw=raw)
        ),
    )
    assert view is not None
    assert (view.state, view.number_e164, view.number_raw) == (CallState.RINGING, MOBILE_E164, MOBILE)
    assert (view.presentation, view.caller_name, view.feed, view.line) == (
        Presentation.ALLOWED,
        "SARI W",
        FEED,
        "1",
    )
    assert view.ring_at == clock.now()
    assert view.incident_id is None
    with ctx.database.transaction() as session:
        frame = session.scalars(select(FeedFrame)).one()
        call = session.get_one(Call, view.id)
    assert frame.raw == raw
    assert frame.call_id == view.id
    assert frame.received_at == clock.now()
    assert frame.rejected_reason is None
    assert json.loads(frame.decoded or "") == {
        "event": "incoming",
        "line": "1",
        "number": MOBILE_E164,
        "number_raw": MOBILE,
        "presentation": "allowed",
        "name": "SARI W",
        "call_id": None,
    }
    assert call.number_description == "Telkomsel"
    assert [(r.action, r.user_name, r.entity_id) for r in rows] == [("call.incoming", "system", str(view.id))]
    assert changes == [Change(Topic.FEED), Change(Topic.CALLS, (view.id,))]


def test_a_repeated_incoming_for_a_ringing_call_is_the_same_call(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    first = _ring(ctx, clock)
    clock.advance(2)
    again = _ring(ctx, clock)
    assert again.id == first.id
    assert again.ring_at == first.ring_at
    with ctx.database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Call)) == 1
        assert session.scalars(select(FeedFrame.call_id)).all() == [first.id, first.id]


def test_calls_with_ids_are_told_apart_by_id(ctx: ServiceContext, clock: ManualClock) -> None:
    first = _ring(ctx, clock, call_id="A-1")
    second = _ring(ctx, clock, call_id="A-2")
    assert first.id != second.id
    ended = calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now(), call_id="A-2"))
    assert ended is not None
    assert ended.id == second.id
    assert {c.id: c.state for c in queries.call_queue(ctx)} == {
        first.id: CallState.RINGING,
        second.id: CallState.ENDED,
    }


def test_a_call_that_ends_before_it_is_answered_is_abandoned(ctx: ServiceContext, clock: ManualClock) -> None:
    ringing = _ring(ctx, clock)
    clock.advance(20)
    ended, rows = audited(
        ctx, lambda: calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now()))
    )
    assert ended is not None
    assert ended.id == ringing.id
    assert (ended.state, ended.classification) == (CallState.ENDED, CallClass.ABANDONED)
    assert ended.ended_at == clock.now()
    assert ended.answered_at is None
    # The abandoned call joins the callback queue in the same transaction (services/callbacks.py).
    assert [r.action for r in rows] == ["callback.open", "call.ended"]
    with pytest.raises(ServiceError, match="call_not_ringing"):
        calls.answer_call(ctx, ringing.id)


def test_a_signal_for_no_known_call_is_still_stored(ctx: ServiceContext, clock: ManualClock) -> None:
    before = last_audit_id(ctx.database)
    assert calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now(), raw=b"END")) is None
    with ctx.database.transaction() as session:
        frame = session.scalars(select(FeedFrame)).one()
        assert session.scalars(select(Call)).all() == []
    assert (frame.raw, frame.call_id) == (b"END", None)
    assert audit_since(ctx.database, before) == []


def test_a_rejected_frame_is_kept_with_its_reason(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    changes.clear()
    calls.record_rejected_frame(ctx.as_system(), FEED, b"\x00\x01garbage", "no_number_field")
    with ctx.database.transaction() as session:
        frame = session.scalars(select(FeedFrame)).one()
    assert (frame.raw, frame.rejected_reason, frame.decoded, frame.call_id) == (
        b"\x00\x01garbage",
        "no_number_field",
        None,
        None,
    )
    assert frame.received_at == clock.now()
    assert changes == [Change(Topic.FEED)]


def test_a_call_answered_at_the_telephone_is_live_without_an_incident(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    ringing = _ring(ctx, clock)
    clock.advance(3)
    live = calls.record_signal(ctx.as_system(), signal(SignalKind.ANSWERED, clock.now()))
    assert live is not None
    assert (live.id, live.state, live.answered_at, live.incident_id) == (
        ringing.id,
        CallState.ANSWERED,
        clock.now(),
        None,
    )


def test_answering_opens_an_incident(ctx: ServiceContext, clock: ManualClock, changes: list[Change]) -> None:
    ringing = _ring(ctx, clock, name="BUDI")
    clock.advance(4)
    changes.clear()
    (call, incident), rows = audited(ctx, lambda: calls.answer_call(ctx, ringing.id))
    assert (call.state, call.classification, call.answered_at) == (
        CallState.ANSWERED,
        CallClass.EMERGENCY,
        clock.now(),
    )
    assert call.incident_id == incident.id
    assert call.incident_number == incident.number == "2026-000001"
    assert (incident.status, incident.priority, incident.category) == (IncidentStatus.NEW, Priority.P3, None)
    assert incident.caller_name == "BUDI"
    assert incident.callback_number == "0812-3456-7890"
    assert incident.created_at == clock.now()
    assert [(r.action, r.entity, r.user_name) for r in rows] == [
        ("call.answer", "call", "sari"),
        ("incident.open", "incident", "sari"),
    ]
    assert json.loads(rows[1].detail or "{}") == {"call": call.id, "number": "2026-000001"}
    assert changes == [Change(Topic.CALLS, (call.id,)), Change(Topic.INCIDENTS, (incident.id,))]
    with ctx.database.transaction() as session:
        row = session.get_one(Call, call.id)
        notes = session.scalars(select(IncidentNote)).all()
    assert (row.answered_by, row.console_id) == (ctx.actor.user_id, ctx.console_id)
    assert [(n.kind, n.text) for n in notes] == [("system", f"call.answered {MOBILE_E164}")]


def test_a_withheld_number_gives_no_callback_number(ctx: ServiceContext, clock: ManualClock) -> None:
    ringing = _ring(ctx, clock, "PRIVATE")
    assert ringing.presentation is Presentation.PRIVATE
    _, incident = calls.answer_call(ctx, ringing.id)
    assert incident.callback_number == ""


def test_answering_twice_is_refused_and_changes_nothing(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    ringing = _ring(ctx, clock)
    calls.answer_call(ctx, ringing.id)
    before = last_audit_id(ctx.database)
    changes.clear()
    with pytest.raises(ServiceError, match="call_not_ringing") as refused:
        calls.answer_call(ctx, ringing.id)
    assert refused.value.details == {"call_id": ringing.id}
    assert audit_since(ctx.database, before) == []
    assert changes == []
    with ctx.database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Incident)) == 1


def test_incident_numbers_count_per_year(ctx: ServiceContext, clock: ManualClock) -> None:
    numbers = []
    for index in range(3):
        numbers.append(calls.answer_call(ctx, _ring(ctx, clock, f"08123456780{index}").id)[1].number)
        clock.advance(60)
    clock.set(datetime(2027, 1, 1, 0, 0, 5, tzinfo=UTC))
    for index in range(2):
        numbers.append(calls.answer_call(ctx, _ring(ctx, clock, f"08123456781{index}").id)[1].number)
        clock.advance(60)
    assert numbers == ["2026-000001", "2026-000002", "2026-000003", "2027-000001", "2027-000002"]


def test_a_prank_call_ends_and_cancels_its_incident(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    call, incident = calls.answer_call(ctx, _ring(ctx, clock).id)
    clock.advance(30)
    changes.clear()
    classified, rows = audited(ctx, lambda: calls.classify_call(ctx, call.id, CallClass.PRANK))
    assert (classified.state, classified.classification, classified.ended_at) == (
        CallState.ENDED,
        CallClass.PRANK,
        clock.now(),
    )
    assert classified.incident_number == incident.number
    assert [(r.action, json.loads(r.detail or "{}")) for r in rows] == [
        ("incident.cancel", {"reason": "prank"}),
        ("call.classify", {"before": "emergency", "after": "prank"}),
    ]
    assert changes == [Change(Topic.CALLS, (call.id,)), Change(Topic.INCIDENTS, (incident.id,))]
    cancelled = queries.incident(ctx, incident.id)
    assert cancelled is not None
    assert (cancelled.status, cancelled.disposition, cancelled.closed_at) == (
        IncidentStatus.CANCELLED,
        Disposition.NON_EMERGENCY,
        clock.now(),
    )
    assert incident.id not in {i.id for i in queries.active_incidents(ctx)}


def test_classifying_needs_a_closing_class_and_an_answered_call(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    ringing = _ring(ctx, clock)
    with pytest.raises(ServiceError, match="not_a_closing_class"):
        calls.classify_call(ctx, ringing.id, CallClass.EMERGENCY)
    with pytest.raises(ServiceError, match="call_not_answered"):
        calls.classify_call(ctx, ringing.id, CallClass.SILENT)
    with pytest.raises(ServiceError, match="no_such_call"):
        calls.classify_call(ctx, 999, CallClass.SILENT)


def test_hanging_up_ends_the_call_and_keeps_the_incident(ctx: ServiceContext, clock: ManualClock) -> None:
    call, incident = calls.answer_call(ctx, _ring(ctx, clock).id)
    clock.advance(95)
    ended, rows = audited(ctx, lambda: calls.hang_up(ctx, call.id))
    assert (ended.state, ended.ended_at, ended.classification) == (
        CallState.ENDED,
        clock.now(),
        CallClass.EMERGENCY,
    )
    assert [r.action for r in rows] == ["call.hang_up"]
    assert [i.id for i in queries.active_incidents(ctx)] == [incident.id]
    with pytest.raises(ServiceError, match="call_not_answered"):
        calls.hang_up(ctx, call.id)
    # The line's ENDED signal after the hang-up finds no unfinished call; it is only logged.
    assert calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.advance(1))) is None


def test_a_call_attached_as_a_duplicate_cannot_be_classified(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    # Classifying it would cancel the incident it was attached to, which other callers and units share.
    _, target = calls.answer_call(ctx, _ring(ctx, clock).id)
    incidents.update_field(ctx, target.id, "category", "LAKA", catalogue)
    clock.advance(60)
    second, _ = calls.answer_call(ctx, _ring(ctx, clock, "085712345678").id)
    duplicates.attach_call(ctx, second.id, target.id)
    with pytest.raises(ServiceError, match="call_attached"):
        calls.classify_call(ctx, second.id, CallClass.PRANK)
    kept = queries.incident(ctx, target.id)
    assert kept is not None
    assert kept.status is not IncidentStatus.CANCELLED
    call = queries.call(ctx, second.id)
    assert call is not None
    assert call.classification is CallClass.DUPLICATE


def test_classifying_releases_the_units_of_the_cancelled_incident(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, changes: list[Change]
) -> None:
    call, incident = calls.answer_call(ctx, _ring(ctx, clock).id)
    incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    ambulance = unit(ctx, "DEMO-PSC-01")
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    assert unit(ctx, "DEMO-PSC-01").incident_id == incident.id
    clock.advance(30)
    changes.clear()
    calls.classify_call(ctx, call.id, CallClass.PRANK)
    released = unit(ctx, "DEMO-PSC-01")
    assert released.status is UnitStatus.AVAILABLE
    assert released.incident_id is None
    assert Change(Topic.UNITS, (ambulance.id,)) in changes
