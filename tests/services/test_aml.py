"""Handset positions (AML SMS) in the services: stored raw first, matched to the call from the same
number within the window, placed on the call's incident unless it has a better position, waiting for
a call that has no incident yet, an alert for one that matches no call; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TypeVar

import pytest
from sqlalchemy import select

from dispatch.domain.aml import AmlFix, AmlMethod
from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction
from dispatch.domain.enums import CallClass, Disposition, IncidentStatus
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.positions import AML_MATCH_AFTER, AML_MATCH_BEFORE, AmlState, PositionSource
from dispatch.domain.signals import LocationSignal, SignalKind
from dispatch.services import alerts, aml, callbacks, calls, duplicates, feeds, incidents, locations, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import RejectedSignal
from dispatch.services.snapshots import AmlView, CallView, IncidentView
from dispatch.store.tables import Alert, AmlMessage, FeedFrame, Incident
from tests.services.support import MOBILE, MOBILE_E164, audited, signal

T = TypeVar("T")
MODEM = "aml-sms:serial:/dev/ttyUSB1"
#: Jl. Pandanaran, Semarang.
LAT, LON = -6.98306, 110.41083


def aml_text(lat: float | None, lon: float | None, radius: float | None, at: datetime, method: str) -> str:
    """An AML SMS as a handset writes it (ETSI TS 103 625), ``ml`` its whole length."""
    top = at.strftime("%Y%m%d%H%M%S")
    parts = [
        'A"ML=1',
        f"lt={'' if lat is None else f'{lat:+.5f}'}",
        f"lg={'' if lon is None else f'{lon:+.5f}'}",
        f"rd={'' if radius is None else f'{radius:g}'}",
        f"top={top}",
        "lc=68",
        f"pm={method}",
        "si=510101234567890",
        "ei=356938035643809",
        "mcc=510",
        "mnc=10",
    ]
    body = ";".join(parts) + ";ml="
    length = len(body) + 3
    return f"{body}{length}"


def location(
    received_at: datetime,
    number: str = MOBILE_E164,
    *,
    lat: float | None = LAT,
    lon: float | None = LON,
    radius: float | None = 12.0,
    fixed_at: datetime | None = None,
    method: AmlMethod = AmlMethod.GNSS,
) -> LocationSignal:
    """An AML message as the modem feed hands it on (the decoder's work done by hand here)."""
    fixed = fixed_at or received_at - timedelta(seconds=3)
    letter = {AmlMethod.GNSS: "G", AmlMethod.WIFI: "W", AmlMethod.CELL: "C", AmlMethod.NONE: "N"}[method]
    text = aml_text(lat, lon, radius, fixed, letter)
    fix = AmlFix(
        version=1,
        lat=lat,
        lon=lon,
        radius_m=radius,
        fixed_at=fixed,
        confidence=68,
        method=method,
        imsi="510101234567890",
        imei="356938035643809",
        mcc="510",
        mnc="10",
        text=text,
    )
    return LocationSignal(MODEM, received_at, parse_caller_number(number), text.encode(), fix)


def ring(ctx: ServiceContext, number: str = MOBILE) -> CallView:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now(), number))
    assert view is not None
    return view


def answered(ctx: ServiceContext, number: str = MOBILE) -> tuple[CallView, IncidentView]:
    call = ring(ctx, number)
    return calls.answer_call(ctx, call.id)


def stored(ctx: ServiceContext, view: AmlView) -> AmlMessage:
    with ctx.database.sessions() as session:
        row = session.get(AmlMessage, view.id)
        assert row is not None
        return row


def incident_row(ctx: ServiceContext, incident_id: int) -> Incident:
    with ctx.database.sessions() as session:
        row = session.get(Incident, incident_id)
        assert row is not None
        return row


def test_a_handset_position_20_s_after_the_call_goes_on_its_incident_with_radius_method_and_time(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    call, incident = answered(ctx)
    clock.advance(20)
    sms = location(clock.now(), fixed_at=clock.now() - timedelta(seconds=4))
    changes.clear()
    view, audit_rows = audited(ctx, lambda: aml.record_location(ctx, sms))

    assert view.state is AmlState.APPLIED
    assert (view.call_id, view.incident_id) == (call.id, incident.id)
    assert (view.lat, view.lon, view.radius_m, view.method) == (LAT, LON, 12.0, "gnss")
    row = incident_row(ctx, incident.id)
    assert (row.lat, row.lon) == (LAT, LON)
    assert row.position_source == PositionSource.AML.value
    assert row.position_radius_m == 12.0
    assert row.position_method == AmlMethod.GNSS.value
    assert row.position_at == clock.now() - timedelta(seconds=4)
    shown = queries.incident(ctx, incident.id)
    assert shown is not None
    assert shown.placed is not None
    assert shown.placed.source is PositionSource.AML
    assert shown.placed.radius_m == 12.0

    # Stored raw first: the frame as the modem gave it, decoded, naming the call.
    message = stored(ctx, view)
    with ctx.database.sessions() as session:
        frame = session.get(FeedFrame, message.frame_id)
        assert frame is not None
        assert frame.raw == sms.raw
        assert frame.call_id == call.id
        assert frame.rejected_reason is None
        decoded = json.loads(frame.decoded or "")
    assert decoded["event"] == "location"
    assert decoded["number"] == MOBILE_E164
    assert (decoded["lat"], decoded["lon"], decoded["radius_m"], decoded["method"]) == (
        LAT,
        LON,
        12.0,
        "gnss",
    )
    assert message.text == sms.fix.text
    assert message.sender_e164 == MOBILE_E164

    actions = [row.action for row in audit_rows]
    assert actions == [AuditAction.INCIDENT_POSITION.value, AuditAction.AML_RECEIVED.value]
    detail = json.loads(audit_rows[1].detail or "")
    assert (detail["state"], detail["call"], detail["incident"]) == ("applied", call.id, incident.id)
    assert json.loads(audit_rows[0].detail or "")["after"]["source"] == "aml"
    assert Change(Topic.INCIDENTS, (incident.id,)) in changes
    assert Change(Topic.CALLS, (call.id,)) in changes
    assert [view.id for view in aml.messages_for_incident(ctx, incident.id)] == [view.id]
    assert [view.id for view in aml.messages_for_call(ctx, call.id)] == [view.id]
    assert aml.offered_for_incident(ctx, incident.id) is None  # it is on the incident already


def test_a_typed_position_stays_and_the_handset_position_is_kept_and_offered(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    _call, incident = answered(ctx)
    locations.set_position(ctx, incident.id, -6.99, 110.42)
    clock.advance(20)
    view, audit_rows = audited(ctx, lambda: aml.record_location(ctx, location(clock.now())))

    assert view.state is AmlState.KEPT
    assert view.incident_id == incident.id
    row = incident_row(ctx, incident.id)
    assert (row.lat, row.lon, row.position_source) == (-6.99, 110.42, PositionSource.TYPED.value)
    assert [row.action for row in audit_rows] == [AuditAction.AML_RECEIVED.value]
    offered = aml.offered_for_incident(ctx, incident.id)
    assert offered is not None
    assert offered.id == view.id
    assert offered.placed is not None
    assert offered.placed.radius_m == 12.0


def test_a_call_without_an_incident_waits_and_its_position_goes_on_the_incident_when_answered(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call = ring(ctx)
    clock.advance(20)
    view = aml.record_location(ctx, location(clock.now()))
    assert view.state is AmlState.WAITING
    assert (view.call_id, view.incident_id) == (call.id, None)
    assert aml.messages_for_call(ctx, call.id)[0].state is AmlState.WAITING

    clock.advance(5)
    (_answered, incident), audit_rows = audited(ctx, lambda: calls.answer_call(ctx, call.id))

    # The incident the console opens shows it at once.
    assert (incident.lat, incident.lon, incident.position_source) == (LAT, LON, PositionSource.AML)
    assert incident.position_radius_m == 12.0
    message = stored(ctx, view)
    assert (message.state, message.incident_id) == (AmlState.APPLIED.value, incident.id)
    actions = [row.action for row in audit_rows]
    assert actions.index(AuditAction.INCIDENT_OPEN.value) < actions.index(AuditAction.INCIDENT_POSITION.value)


def test_a_call_answered_at_the_telephone_gets_its_position_when_attached_to_an_incident(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    _first_call, target = answered(ctx, "081298765432")
    second = ring(ctx)
    # Answered at the telephone before anyone pressed a key: live, no incident yet.
    calls.record_signal(ctx.as_system(), signal(SignalKind.ANSWERED, clock.advance(2), MOBILE))
    clock.advance(18)
    view = aml.record_location(ctx, location(clock.now()))
    assert view.state is AmlState.WAITING

    duplicates.attach_call(ctx, second.id, target.id)

    message = stored(ctx, view)
    assert (message.state, message.incident_id) == (AmlState.APPLIED.value, target.id)
    row = incident_row(ctx, target.id)
    assert (row.lat, row.lon, row.position_source) == (LAT, LON, PositionSource.AML.value)


def test_a_caller_who_hung_up_before_an_answer_gets_the_position_when_called_back_and_in_trouble(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    """The silent or cut-off caller is the one a handset position helps most."""
    call = ring(ctx)
    clock.advance(20)
    view = aml.record_location(ctx, location(clock.now()))
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.advance(5)))
    assert stored(ctx, view).state == AmlState.WAITING.value
    (queued,) = [item for item in callbacks.open_callbacks(ctx) if item.call_id == call.id]

    clock.advance(120)
    callbacks.record_attempt(ctx, queued.id, CallbackOutcome.REACHED_EMERGENCY)

    message = stored(ctx, view)
    assert message.state == AmlState.APPLIED.value
    assert message.incident_id is not None
    row = incident_row(ctx, message.incident_id)
    assert (row.lat, row.lon, row.position_radius_m) == (LAT, LON, 12.0)


def test_the_kept_position_used_by_the_call_taker_is_no_longer_offered(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    _call, incident = answered(ctx)
    locations.set_position(ctx, incident.id, -6.99, 110.42)
    clock.advance(20)
    kept = aml.record_location(ctx, location(clock.now()))
    offered = aml.offered_for_incident(ctx, incident.id)
    assert offered is not None
    assert offered.id == kept.id

    shown = locations.use_handset_position(ctx, incident.id, offered.id)

    assert (shown.lat, shown.lon, shown.position_source) == (LAT, LON, PositionSource.AML)
    assert aml.offered_for_incident(ctx, incident.id) is None
    assert [view.state for view in aml.messages_for_incident(ctx, incident.id)] == [AmlState.APPLIED]


def test_a_position_from_an_unknown_number_is_kept_unmatched_with_an_alert_a_person_acknowledges(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    answered(ctx)  # another caller's call: not this one's
    clock.advance(20)
    changes.clear()
    view = aml.record_location(ctx, location(clock.now(), "+6285712345678"))

    assert view.state is AmlState.UNMATCHED
    assert (view.call_id, view.incident_id) == (None, None)
    with ctx.database.sessions() as session:
        alert = session.scalars(select(Alert).where(Alert.kind == aml.AML_UNMATCHED_ALERT)).one()
        frame = session.scalars(select(FeedFrame).where(FeedFrame.feed == MODEM)).one()
    assert (alert.entity, alert.entity_id) == ("aml", str(view.id))
    assert frame.call_id is None
    assert Change(Topic.ALERTS, (alert.id,)) in changes
    shown = aml.open_unmatched_alerts(ctx)
    assert [(a.id, a.kind, a.label, a.since) for a in shown] == [
        (alert.id, aml.AML_UNMATCHED_ALERT, "+6285712345678", clock.now())
    ]

    alerts.acknowledge_alerts(ctx, [alert.id])
    assert aml.open_unmatched_alerts(ctx) == []
    assert aml.messages_for_call(ctx, 0) == []


def test_no_position_from_the_handset_is_stored_and_matched_and_places_nothing(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call, incident = answered(ctx)
    clock.advance(20)
    view = aml.record_location(
        ctx, location(clock.now(), lat=None, lon=None, radius=None, method=AmlMethod.NONE)
    )
    assert view.state is AmlState.NO_FIX
    assert (view.call_id, view.incident_id, view.method) == (call.id, incident.id, "none")
    assert view.placed is None
    row = incident_row(ctx, incident.id)
    assert (row.lat, row.lon, row.position_source) == (None, None, "")
    assert aml.offered_for_incident(ctx, incident.id) is None

    # From no known call either: kept, and no alert (there is no position to show).
    unknown = aml.record_location(
        ctx, location(clock.now(), "+6285712345678", lat=None, lon=None, radius=None, method=AmlMethod.NONE)
    )
    assert unknown.state is AmlState.NO_FIX
    assert unknown.call_id is None
    assert aml.open_unmatched_alerts(ctx) == []


def test_a_closed_incident_is_not_changed_and_the_position_is_kept(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call, incident = answered(ctx)
    incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
    clock.advance(20)
    view, audit_rows = audited(ctx, lambda: aml.record_location(ctx, location(clock.now())))

    assert view.state is AmlState.KEPT
    assert view.incident_id == incident.id
    row = incident_row(ctx, incident.id)
    assert (row.lat, row.lon, row.position_source, row.status) == (
        None,
        None,
        "",
        IncidentStatus.CLOSED.value,
    )
    assert [row.action for row in audit_rows] == [AuditAction.AML_RECEIVED.value]

    # A prank cancels the incident: the same.
    other_call, other = answered(ctx, "081298765432")
    calls.classify_call(ctx, other_call.id, CallClass.PRANK)
    clock.advance(20)
    cancelled = aml.record_location(ctx, location(clock.now(), "+6281298765432"))
    assert cancelled.state is AmlState.KEPT
    assert incident_row(ctx, other.id).lat is None
    assert call.id != other_call.id


def test_of_two_handset_positions_for_one_call_the_later_one_wins(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call, incident = answered(ctx)
    clock.advance(20)
    first = aml.record_location(ctx, location(clock.now(), radius=150.0, method=AmlMethod.CELL))
    clock.advance(15)
    second = aml.record_location(ctx, location(clock.now(), lat=-6.98350, lon=110.41100, radius=8.0))

    row = incident_row(ctx, incident.id)
    assert (row.lat, row.lon, row.position_radius_m, row.position_method) == (
        -6.98350,
        110.41100,
        8.0,
        "gnss",
    )
    assert (stored(ctx, first).state, stored(ctx, second).state) == ("kept", "applied")
    assert [view.id for view in aml.messages_for_incident(ctx, incident.id)] == [second.id, first.id]
    assert [view.id for view in aml.messages_for_call(ctx, call.id)] == [second.id, first.id]
    # The older fix is not offered over the newer one on the incident.
    assert aml.offered_for_incident(ctx, incident.id) is None

    # A typed position then keeps both; the newest handset position is the one offered.
    locations.set_position(ctx, incident.id, -6.99, 110.42)
    clock.advance(10)
    third = aml.record_location(ctx, location(clock.now(), radius=5.0))
    assert third.state is AmlState.KEPT
    offered = aml.offered_for_incident(ctx, incident.id)
    assert offered is not None
    assert offered.id == third.id


def test_the_window_matches_calls_that_rang_up_to_10_minutes_before_or_60_s_after(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    start = clock.now()
    old_call = ring(ctx)
    clock.set(start + AML_MATCH_BEFORE + timedelta(seconds=1))
    too_late = aml.record_location(ctx, location(clock.now()))
    assert too_late.state is AmlState.UNMATCHED
    assert too_late.call_id is None

    clock.set(start + AML_MATCH_BEFORE)
    at_the_edge = aml.record_location(ctx, location(clock.now()))
    assert at_the_edge.call_id == old_call.id

    # The SMS's time may be earlier than the call's ring (the modem's clock): up to 60 s.
    clock.set(start + timedelta(minutes=30))
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now()))
    later_call = ring(ctx)
    assert later_call.id != old_call.id
    early = aml.record_location(ctx, location(clock.now() - AML_MATCH_AFTER))
    assert early.call_id == later_call.id
    too_early = aml.record_location(ctx, location(clock.now() - AML_MATCH_AFTER - timedelta(seconds=1)))
    assert too_early.call_id is None

    # Of two calls from the number in the window, the latest.
    clock.advance(30)
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now()))
    latest = ring(ctx)
    clock.advance(20)
    assert aml.record_location(ctx, location(clock.now())).call_id == latest.id


def test_a_number_as_the_telephone_gave_it_matches_the_sender_in_international_form(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call = ring(ctx, "081234567890")
    clock.advance(20)
    assert aml.record_location(ctx, location(clock.now(), "+6281234567890")).call_id == call.id
    clock.advance(1)
    assert aml.record_location(ctx, location(clock.now(), "6281234567890")).call_id == call.id


def test_a_handset_position_replaces_a_centre_but_not_the_reverse(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    _call, incident = answered(ctx)
    # Kelurahan Tembalang picked: the incident stands at its centre (or nowhere, without one).
    locations.set_area(ctx, incident.id, "33.74.10.1006")
    assert incident_row(ctx, incident.id).position_source in ("", PositionSource.VILLAGE.value)
    clock.advance(20)
    assert aml.record_location(ctx, location(clock.now())).state is AmlState.APPLIED
    # Picking the kelurahan again afterwards leaves the handset's position.
    locations.set_area(ctx, incident.id, "33.74.10.1006")
    row = incident_row(ctx, incident.id)
    assert (row.lat, row.lon, row.position_source) == (LAT, LON, PositionSource.AML.value)
    assert row.village == "Tembalang"


def test_a_read_of_the_modem_with_a_position_and_a_rejected_frame_is_stored_together(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call, incident = answered(ctx)
    clock.advance(20)
    read = [
        location(clock.now()),
        RejectedSignal(MODEM, clock.now(), b'A"ML=1;lt=-6.9;ml=12', "AML: lg missing"),
    ]
    assert feeds.StoreSink(ctx).frames(read) == [None, None]
    row = incident_row(ctx, incident.id)
    assert (row.lat, row.lon) == (LAT, LON)
    with ctx.database.sessions() as session:
        frames = session.scalars(
            select(FeedFrame).where(FeedFrame.feed == MODEM).order_by(FeedFrame.id)
        ).all()
    assert [(f.call_id, f.rejected_reason) for f in frames] == [(call.id, None), (None, "AML: lg missing")]


ROUNDS = 20


def at_once(*actions: Callable[[], T]) -> list[T]:
    """Run ``actions`` each on its own thread, released together; their results, in order."""
    barrier = threading.Barrier(len(actions))
    results: list[T | None] = [None] * len(actions)
    failures: list[BaseException] = []

    def run(position: int, action: Callable[[], T]) -> None:
        try:
            barrier.wait(5)
            results[position] = action()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=run, args=item) for item in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not failures, failures
    return [result for result in results if result is not None]


def test_a_position_arriving_while_the_call_is_answered_is_never_left_waiting(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    """The feed's storer and a console answering race for the call: whichever commits first, the
    position ends up on the incident (the call's lock orders them)."""
    for round_number in range(ROUNDS):
        call = ring(ctx, f"0812555{round_number:05d}")
        clock.advance(20)
        sms = location(clock.now(), f"+62812555{round_number:05d}")
        incident_id, message_id = at_once(
            lambda call_id=call.id: calls.answer_call(ctx, call_id)[1].id,
            lambda message=sms: aml.record_location(ctx, message).id,
        )
        with ctx.database.sessions() as session:
            message = session.get(AmlMessage, message_id)
            incident = session.get(Incident, incident_id)
            assert message is not None
            assert incident is not None
            assert (message.state, message.incident_id) == (AmlState.APPLIED.value, incident_id), round_number
            assert (incident.lat, incident.lon, incident.position_source) == (LAT, LON, "aml")


@pytest.mark.parametrize("method", [AmlMethod.WIFI, AmlMethod.CELL])
def test_every_method_with_a_position_is_placed(
    ctx: ServiceContext, clock: ManualClock, method: AmlMethod
) -> None:
    _call, incident = answered(ctx)
    clock.advance(20)
    view = aml.record_location(ctx, location(clock.now(), radius=900.0, method=method))
    assert view.state is AmlState.APPLIED
    assert incident_row(ctx, incident.id).position_method == method.value


def test_a_message_read_again_from_the_modem_after_a_restart_is_a_repeat_not_a_second_position(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call, incident = answered(ctx)
    clock.advance(20)
    sms = location(clock.now())
    first = aml.record_location(ctx, sms)
    clock.advance(300)  # the console stopped before the modem deleted it; read again at the start
    again = aml.record_location(ctx, replace(sms, received_at=clock.now()))
    assert again.id == first.id
    with ctx.database.sessions() as session:
        assert session.scalars(select(AmlMessage.id)).all() == [first.id]
        reasons = session.scalars(select(FeedFrame.rejected_reason).order_by(FeedFrame.id)).all()
    assert reasons[-1] == f"repeat of AML message {first.id} (read again from the modem)"
    assert [view.id for view in aml.messages_for_incident(ctx, incident.id)] == [first.id]
    assert call.id == first.call_id


def test_a_message_stored_on_the_sim_while_the_console_was_down_matches_the_call_by_its_fix_time(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    call, incident = answered(ctx)
    fixed = clock.now() + timedelta(seconds=15)
    clock.advance(3600)  # read an hour later, when the console came back
    view = aml.record_location(ctx, location(clock.now(), fixed_at=fixed))
    assert (view.state, view.call_id, view.incident_id) == (AmlState.APPLIED, call.id, incident.id)
