"""Alerts a person must see and acknowledge: overdue timers (here) and feed alarms (services.feeds).

``check_timers`` runs every second on each console. It reads the little state the timers need, asks
the domain which conditions are due, raises one ``alerts`` row per condition episode (kind, entity and
the moment the waiting began, kept in the row's message) and records ``cleared_at`` when a condition
stops holding. An alert stays on screen while its condition holds and nobody has acknowledged it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session

from dispatch.domain.enums import CallState, IncidentStatus, UnitStatus
from dispatch.domain.timers import (
    ON_SCENE_STATUSES,
    DueAlert,
    OpenIncident,
    RingingCall,
    TimerKind,
    TimerState,
    TimerThresholds,
    UnitOnCall,
    due_alerts,
)
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.snapshots import CallView
from dispatch.store.tables import Alert, Assignment, Call, Incident, IncidentNote, Unit

TIMER_KINDS = tuple(kind.value for kind in TimerKind)
#: Open alerts are looked for among those raised this recently (the ``raised_at`` index), plus those
#: of the conditions due now; a condition that ends after lasting longer keeps no ``cleared_at``.
LOOKBACK = timedelta(days=7)
RINGING_LOOKBACK = timedelta(days=1)
#: Incidents that wait for their first unit (a reopened one is excluded: its answer was long ago).
_WAITING = (IncidentStatus.NEW.value, IncidentStatus.AWAITING_DISPATCH.value)
_TIMED_UNIT_STATUSES = tuple(
    s.value for s in (UnitStatus.DISPATCHED, UnitStatus.EN_ROUTE, *sorted(ON_SCENE_STATUSES))
)


@dataclass(frozen=True)
class AlertView:
    id: int
    kind: str
    entity: str
    entity_id: str | None
    raised_at: datetime
    #: When the waiting began (timers); None for other alerts.
    since: datetime | None
    limit_s: int | None
    label: str
    incident_number: str
    cleared_at: datetime | None
    acknowledged_at: datetime | None

    @staticmethod
    def of(row: Alert) -> AlertView:
        params = _params(row)
        since = params.get("since")
        limit = params.get("limit_s")
        return AlertView(
            id=row.id,
            kind=row.kind,
            entity=row.entity,
            entity_id=row.entity_id,
            raised_at=row.raised_at,
            since=datetime.fromisoformat(since) if isinstance(since, str) else None,
            limit_s=limit if isinstance(limit, int) else None,
            label=str(params.get("label", row.entity_id or "")),
            incident_number=str(params.get("incident", "")),
            cleared_at=row.cleared_at,
            acknowledged_at=row.acknowledged_at,
        )


def _params(row: Alert) -> dict[str, object]:
    if row.kind not in TIMER_KINDS:
        return {}
    try:
        loaded = json.loads(row.message)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _key(row: Alert) -> tuple[str, str, datetime] | None:
    since = _params(row).get("since")
    if not isinstance(since, str):
        return None
    return row.kind, row.entity_id or "", datetime.fromisoformat(since)


def timer_state(session: Session, now: datetime) -> TimerState:
    """What the timers look at: ringing calls, incidents waiting for a unit, units under way."""
    # Bounded by ring time so that the ring_at index serves it (calls grow by millions; state has no
    # index): a call still "ringing" after a day is a lost hang-up from a feed, not a waiting caller.
    ringing = tuple(
        RingingCall(call.id, call.ring_at, CallView.of(call).number_national)
        for call in session.scalars(
            select(Call).where(Call.ring_at >= now - RINGING_LOOKBACK, Call.state == CallState.RINGING.value)
        )
    )
    dispatched_ever = select(Assignment.id).where(Assignment.incident_id == Incident.id).exists()
    waiting = tuple(
        OpenIncident(incident_id, number, created_at, False)
        for incident_id, number, created_at in session.execute(
            select(Incident.id, Incident.number, Incident.created_at).where(
                Incident.status.in_(_WAITING), ~dispatched_ever
            )
        )
    )
    rows = session.execute(
        select(Unit.id, Unit.call_sign, Unit.status, Unit.status_since, Incident.id, Incident.number)
        .outerjoin(
            Assignment,
            (Assignment.unit_id == Unit.id)
            & Assignment.cleared_at.is_(None)
            & Assignment.cancelled_at.is_(None),
        )
        .outerjoin(Incident, Incident.id == Assignment.incident_id)
        .where(Unit.status.in_(_TIMED_UNIT_STATUSES), Unit.active.is_(True))
    ).all()
    on_scene_incidents = {
        incident_id
        for _, _, status, _, incident_id, _ in rows
        if incident_id is not None and UnitStatus(status) in ON_SCENE_STATUSES
    }
    last_note = dict(
        session.execute(
            select(IncidentNote.incident_id, func.max(IncidentNote.at))
            .where(IncidentNote.incident_id.in_(on_scene_incidents))
            .group_by(IncidentNote.incident_id)
        ).all()
    )
    units = tuple(
        UnitOnCall(
            unit_id,
            call_sign,
            UnitStatus(status),
            status_since,
            number or "",
            last_note.get(incident_id) if incident_id is not None else None,
        )
        for unit_id, call_sign, status, status_since, incident_id, number in rows
    )
    return TimerState(ringing, waiting, units)


def check_timers(ctx: ServiceContext, thresholds: TimerThresholds) -> list[AlertView]:
    """Raise the alerts that became due, clear those whose condition ended; returns the open ones.

    Open: the condition still holds and no one has acknowledged it; the longest waiting first.
    """
    now = ctx.clock.now()
    system = ctx.as_system()
    with ctx.database.transaction() as session:
        due = due_alerts(timer_state(session, now), now, thresholds)
        candidates = _open_timer_rows(session, now, due)
        by_key = {key: row for row in candidates if (key := _key(row)) is not None}
        holding = []
        for alert in due:
            row = by_key.get(alert.key)
            if row is None:
                row = _raise(session, system, alert, now)
            holding.append(row)
        held = {id(row) for row in holding}
        for row in candidates:
            if id(row) not in held:
                row.cleared_at = now
                audit(session, system, "alert.clear", "alert", row.id, kind=row.kind, about=row.entity_id)
        return [AlertView.of(row) for row in holding if row.acknowledged_at is None]


def _open_timer_rows(session: Session, now: datetime, due: Sequence[DueAlert]) -> list[Alert]:
    recent = Alert.raised_at >= now - LOOKBACK
    condition = recent
    if due:
        pairs = {(alert.kind.value, str(alert.entity_id)) for alert in due}
        condition = or_(recent, tuple_(Alert.kind, Alert.entity_id).in_(pairs))
    return list(
        session.scalars(
            select(Alert)
            .where(Alert.kind.in_(TIMER_KINDS), Alert.cleared_at.is_(None), condition)
            .order_by(Alert.id)
        )
    )


def _raise(session: Session, ctx: ServiceContext, alert: DueAlert, now: datetime) -> Alert:
    params = {
        "since": alert.since.isoformat(),
        "limit_s": alert.limit_s,
        "label": alert.label,
        "incident": alert.incident_number,
    }
    row = Alert(
        kind=alert.kind.value,
        raised_at=now,
        entity=alert.entity,
        entity_id=str(alert.entity_id),
        message=json.dumps(params, ensure_ascii=False, sort_keys=True),
        console_id=ctx.console_id,
    )
    session.add(row)
    session.flush()
    audit(session, ctx, "alert.raise", "alert", row.id, kind=alert.kind.value, about=alert.entity_id)
    return row


def open_alerts(ctx: ServiceContext) -> list[AlertView]:
    """Timer alerts not acknowledged whose condition has not been seen to end, oldest first."""
    now = ctx.clock.now()
    with ctx.database.sessions() as session:
        rows = session.scalars(
            select(Alert)
            .where(
                Alert.kind.in_(TIMER_KINDS),
                Alert.cleared_at.is_(None),
                Alert.acknowledged_at.is_(None),
                Alert.raised_at >= now - LOOKBACK,
            )
            .order_by(Alert.raised_at, Alert.id)
        )
        return [AlertView.of(row) for row in rows]


def acknowledge_alert(ctx: ServiceContext, alert_id: int) -> None:
    """The user (``ctx``) has seen the alert: who, where and when are recorded, once."""
    acknowledge_alerts(ctx, (alert_id,))


def acknowledge_alerts(ctx: ServiceContext, alert_ids: Iterable[int]) -> list[int]:
    """Acknowledge several alerts in one transaction; returns those acknowledged now."""
    done = []
    with ctx.database.transaction() as session:
        for alert_id in dict.fromkeys(alert_ids):
            alert = session.get(Alert, alert_id)
            if alert is None:
                raise ServiceError("no_such_alert", alert_id=alert_id)
            if alert.acknowledged_at is not None:
                continue
            alert.acknowledged_at = ctx.clock.now()
            alert.acknowledged_by = ctx.actor.user_id
            alert.acknowledged_console_id = ctx.console_id
            audit(session, ctx, "alert.acknowledge", "alert", alert.id, kind=alert.kind)
            done.append(alert.id)
    return done
