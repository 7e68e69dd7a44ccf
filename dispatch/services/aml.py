"""Handset positions (Advanced Mobile Location SMS): storing them, matching them to their call, and
putting their position on the call's incident.

A modem feed hands each AML message on as a ``LocationSignal``; ``store_location`` stores it in the
feed's unit of work (``services.feeds.store_frames``): the frame as received first (``feed_frames``, as
a call's frames are), then the decoded message (``aml_messages``), then what became of it:

- matched to the latest call from the same number whose ring time lies in the message's window
  (``domain.positions.aml_windows``: up to 10 minutes before it arrived, or 60 s after; for a
  message read late from the SIM, then around its fix's own time);
- the call has an open incident: the position goes on it (``locations.place_incident``, the
  handset's own word, not a person's) unless the incident has a better one, a typed position:
  APPLIED, or KEPT (offered to the call-taker, ``offered_for_incident``);
- the call's incident is closed or cancelled: nothing on it changes; KEPT (offered should the incident
  be reopened);
- the call has no incident yet (ringing, or answered at the telephone): WAITING, applied by
  ``apply_waiting`` in the transaction that gives the call its incident;
- no such call: UNMATCHED, with an alert (``AML_UNMATCHED_ALERT``) a person acknowledges;
- the handset had no position (method N): NO_FIX, matched like the others, nothing placed.

A later message for the same incident replaces an earlier one's position (the order they arrive in,
``domain.positions.replaces``); the earlier one becomes KEPT, so that the one APPLIED is the one on the
incident (as ``locations.set_position`` and ``use_handset_position`` keep it). Every message is audited
(``AML_RECEIVED``) with its call, incident and state.
"""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from dispatch.domain.aml import fix_fields
from dispatch.domain.codes import AuditAction
from dispatch.domain.enums import Presentation
from dispatch.domain.positions import AmlState, PlacedPosition, aml_windows, replaces
from dispatch.domain.signals import LocationSignal
from dispatch.services.alerts import AlertView
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext
from dispatch.services.incidents import CLOSED_STATES
from dispatch.services.locations import place_incident, placed_on
from dispatch.services.snapshots import AmlView
from dispatch.services.uow import UnitOfWork, reading, unit_of_work
from dispatch.store.tables import Alert, AmlMessage, Call, FeedFrame, Incident

#: ``alerts.kind`` of a handset position that matched no call: ``entity`` "aml", ``entity_id`` the
#: message's id, the message a JSON object with ``label`` (the sender: E.164, else as received) and
#: ``since`` (when the SMS was received), the keys the timers' alerts use.
AML_UNMATCHED_ALERT = "aml_unmatched"


def record_location(ctx: ServiceContext, signal: LocationSignal) -> AmlView:
    """Store one AML message in a transaction of its own (``store_frames`` stores a read's together)."""
    with unit_of_work(ctx.as_system()) as work:
        view = store_location(work, signal)
    return view


def store_location(work: UnitOfWork, signal: LocationSignal) -> AmlView:
    """Store the AML message ``signal`` and apply it (see the module docstring), in ``work``."""
    session = work.session
    ctx = work.ctx
    fix = signal.fix
    text = fix.text or signal.raw.decode("utf-8", "replace")
    repeat = _stored_before(session, signal, text)
    if repeat is not None:
        # Read again: the console stopped after storing it but before the modem deleted it.
        session.add(
            FeedFrame(
                feed=signal.feed,
                received_at=signal.received_at,
                raw=signal.raw,
                decoded=None,
                rejected_reason=f"repeat of AML message {repeat.id} (read again from the modem)",
                call_id=repeat.call_id,
            )
        )
        work.notify(Topic.FEED)
        return AmlView.of(repeat)
    call: Call | None = None
    incident: Incident | None = None
    call_id = _matching_call(session, signal)
    if call_id is not None:
        call, incident = _locked_call_and_incident(session, call_id)
    frame = FeedFrame(
        feed=signal.feed,
        received_at=signal.received_at,
        raw=signal.raw,
        decoded=json.dumps(_fields(signal), ensure_ascii=False),
        rejected_reason=None,
        call_id=None if call is None else call.id,
    )
    session.add(frame)
    session.flush()
    message = AmlMessage(
        feed=signal.feed,
        received_at=signal.received_at,
        frame_id=frame.id,
        sender_raw=signal.number.raw[:64],
        sender_e164=signal.number.e164,
        text=text,
        lat=fix.lat,
        lon=fix.lon,
        radius_m=fix.radius_m,
        fixed_at=fix.fixed_at,
        confidence=fix.confidence,
        method=fix.method.value,
        state=AmlState.UNMATCHED.value,
        call_id=None if call is None else call.id,
        incident_id=None if incident is None else incident.id,
    )
    session.add(message)
    session.flush()
    position = AmlView.of(message).placed  # the stored row: what the incident will show
    placed = False
    if position is None:
        state = AmlState.NO_FIX
    elif call is None:
        state = AmlState.UNMATCHED
    elif incident is None:
        state = AmlState.WAITING
    else:
        state, placed = _place(ctx, session, incident, position)
    message.state = state.value
    alert_id = None
    if state is AmlState.UNMATCHED:
        alert_id = _raise_unmatched(work, message, signal)
    work.audit(
        AuditAction.AML_RECEIVED,
        "aml",
        message.id,
        feed=signal.feed,
        frame=frame.id,
        number=signal.number.e164 or signal.number.raw,
        state=state.value,
        call=message.call_id,
        incident=message.incident_id,
        method=message.method,
        radius_m=message.radius_m,
        placed=placed,
    )
    work.notify(Topic.FEED)
    if call is not None:
        work.notify(Topic.CALLS, call.id)
    if incident is not None:
        # Also when nothing was placed: the incident's handset positions (offered, kept) changed.
        work.notify(Topic.INCIDENTS, incident.id)
    if alert_id is not None:
        work.notify(Topic.ALERTS, alert_id)
    return AmlView.of(message)


def apply_waiting(work: UnitOfWork, call_id: int, incident: Incident) -> None:
    """The call has just got its incident (answered, a callback that reached an emergency, attached
    to another incident): the messages WAITING for it go on that incident, oldest first, so that the
    latest one's position is the one that stays. ``incident`` is locked or new in ``work``."""
    session = work.session
    waiting = session.scalars(
        select(AmlMessage)
        .where(AmlMessage.call_id == call_id, AmlMessage.state == AmlState.WAITING.value)
        .order_by(AmlMessage.received_at, AmlMessage.id)
    ).all()
    for message in waiting:
        view = AmlView.of(message)
        position = view.placed
        message.incident_id = incident.id
        if position is None:  # never WAITING (a message without a fix is NO_FIX at once): kept so
            message.state = AmlState.NO_FIX.value
            continue
        state, _placed = _place(work.ctx, session, incident, position)
        message.state = state.value
    if waiting:
        work.notify(Topic.INCIDENTS, incident.id)


def offered_for_incident(ctx: ServiceContext, incident_id: int) -> AmlView | None:
    """The handset position to offer the call-taker for the incident: the latest KEPT message with a
    position received after any that was put on the incident (an older fix is not offered over a
    newer one on the incident); None when there is none."""
    with reading(ctx) as session:
        rows = session.scalars(
            select(AmlMessage)
            .where(
                AmlMessage.incident_id == incident_id,
                AmlMessage.state.in_((AmlState.APPLIED.value, AmlState.KEPT.value)),
            )
            .order_by(AmlMessage.received_at.desc(), AmlMessage.id.desc())
        )
        for row in rows:
            if row.state == AmlState.APPLIED.value:
                return None
            if row.lat is not None and row.lon is not None:
                return AmlView.of(row)
    return None


def messages_for_incident(ctx: ServiceContext, incident_id: int) -> list[AmlView]:
    """The incident's AML messages, newest first."""
    return _messages(ctx, AmlMessage.incident_id == incident_id)


def messages_for_call(ctx: ServiceContext, call_id: int) -> list[AmlView]:
    """The call's AML messages, newest first."""
    return _messages(ctx, AmlMessage.call_id == call_id)


def _messages(ctx: ServiceContext, which: ColumnElement[bool]) -> list[AmlView]:
    with reading(ctx) as session:
        rows = session.scalars(
            select(AmlMessage).where(which).order_by(AmlMessage.received_at.desc(), AmlMessage.id.desc())
        )
        return [AmlView.of(row) for row in rows]


def open_unmatched_alerts(ctx: ServiceContext) -> list[AlertView]:
    """The unmatched-AML alerts nobody has acknowledged yet, oldest first, for the alert list:
    ``label`` the sender (E.164, else as received: ``ui.labels.stored_number`` words it), ``since``
    when the SMS was received."""
    with reading(ctx) as session:
        alerts = session.scalars(
            select(Alert)
            .where(
                Alert.kind == AML_UNMATCHED_ALERT,  # ix_alerts_kind_entity_id
                Alert.acknowledged_at.is_(None),
                Alert.cleared_at.is_(None),
            )
            .order_by(Alert.raised_at, Alert.id)
        ).all()
        # The alert names its message by id as text (``alerts.entity_id`` is a string column).
        named = [(alert, int(key)) for alert in alerts if (key := alert.entity_id or "").isdigit()]
        messages = {
            row.id: AmlView.of(row)
            for row in session.scalars(
                select(AmlMessage).where(AmlMessage.id.in_([message_id for _, message_id in named]))
            )
        }
    return [_alert_view(alert, messages[message_id]) for alert, message_id in named if message_id in messages]


def _alert_view(alert: Alert, message: AmlView) -> AlertView:
    return AlertView(
        id=alert.id,
        kind=alert.kind,
        entity=alert.entity,
        entity_id=alert.entity_id,
        raised_at=alert.raised_at,
        since=message.received_at,
        limit_s=None,
        label=message.sender_e164 or message.sender_raw,
        incident_number="",
        cleared_at=alert.cleared_at,
        acknowledged_at=alert.acknowledged_at,
    )


#: How far back a message read again is recognised (a modem's SIM keeps what was not deleted).
REPEAT_WINDOW = timedelta(days=2)


def _stored_before(session: Session, signal: LocationSignal, text: str) -> AmlMessage | None:
    """The same message from the same sender, already stored (read again after a restart)."""
    return session.scalars(
        select(AmlMessage)
        .where(
            AmlMessage.received_at >= signal.received_at - REPEAT_WINDOW,  # ix_aml_messages_received_at
            AmlMessage.sender_raw == signal.number.raw[:64],
            AmlMessage.text == text,
        )
        .limit(1)
    ).first()


def _matching_call(session: Session, signal: LocationSignal) -> int | None:
    """The latest call from the sender whose ring time is in the message's window (``aml_windows``)."""
    number = signal.number
    if number.presentation is not Presentation.ALLOWED or not number.raw:
        return None
    if number.e164 is not None:
        same_number = Call.number_e164 == number.e164  # ix_calls_number_e164_ring_at
    else:
        same_number = (Call.number_raw == number.raw) & Call.number_e164.is_(None)
    for earliest, latest in aml_windows(signal.received_at, signal.fix.fixed_at):
        found = session.scalar(
            select(Call.id)
            .where(same_number, Call.ring_at >= earliest, Call.ring_at <= latest)
            .order_by(Call.ring_at.desc(), Call.id.desc())
            .limit(1)
        )
        if found is not None:
            return found
    return None


def _locked_call_and_incident(session: Session, call_id: int) -> tuple[Call, Incident | None]:
    """The call and its incident, locked in the services' order (the incident, then the call).

    The call's lock is what makes WAITING safe: a console answering the call at this moment either
    committed first (its incident is read here) or waits for this transaction, and its
    ``apply_waiting`` then finds this message.
    """
    seen = session.scalar(select(Call.incident_id).where(Call.id == call_id))
    incident = None
    if seen is not None:
        incident = session.get(Incident, seen, with_for_update=True, populate_existing=True)
    call = session.get_one(Call, call_id, with_for_update=True, populate_existing=True)
    if call.incident_id != seen:
        # Answered or attached elsewhere between the read and the lock (rare): its incident now.
        incident = None
        if call.incident_id is not None:
            incident = session.get(Incident, call.incident_id, with_for_update=True, populate_existing=True)
    return call, incident


def _place(
    ctx: ServiceContext, session: Session, incident: Incident, position: PlacedPosition
) -> tuple[AmlState, bool]:
    """(what became of the message, whether the incident's position changed)."""
    if incident.status in CLOSED_STATES:
        return AmlState.KEPT, False
    if not replaces(placed_on(incident), position.source, by_person=False):
        return AmlState.KEPT, False
    # The one on the incident is the one APPLIED: an earlier handset position is now only kept.
    for earlier in session.scalars(
        select(AmlMessage)
        .where(AmlMessage.incident_id == incident.id, AmlMessage.state == AmlState.APPLIED.value)
        .with_for_update()
    ):
        earlier.state = AmlState.KEPT.value
    return AmlState.APPLIED, place_incident(ctx, session, incident, position, by_person=False)


def _raise_unmatched(work: UnitOfWork, message: AmlMessage, signal: LocationSignal) -> int:
    label = signal.number.e164 or signal.number.raw
    alert = Alert(
        kind=AML_UNMATCHED_ALERT,
        raised_at=work.ctx.clock.now(),
        entity="aml",
        entity_id=str(message.id),
        message=json.dumps(
            {"label": label, "since": signal.received_at.isoformat()}, ensure_ascii=False, sort_keys=True
        ),
        console_id=work.ctx.console_id,
    )
    work.session.add(alert)
    work.session.flush()
    work.audit(AuditAction.ALERT_RAISE, "alert", alert.id, kind=AML_UNMATCHED_ALERT, about=label)
    return alert.id


def _fields(signal: LocationSignal) -> dict[str, object]:
    """The frame's decoded form in the feed log (as ``listen`` prints a location event)."""
    return {
        "event": "location",
        "number": signal.number.e164,
        "number_raw": signal.number.raw,
        "presentation": signal.number.presentation.value,
        **fix_fields(signal.fix),
        "version": signal.fix.version,
    }
