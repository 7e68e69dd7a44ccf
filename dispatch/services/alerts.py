"""Alerts a person must see and acknowledge: overdue timers (here) and feed alarms (services.feeds).

``check_timers`` runs every second on each console (in a centre of several consoles on PostgreSQL,
in its gateway only: ``dispatch.gateway``; the consoles show ``open_alerts``). It reads the little
state the timers need, asks the domain which conditions are due, raises one ``alerts`` row per
condition episode (kind, entity and the moment the waiting began, kept in the row's message) and
records ``cleared_at`` when a condition stops holding. An alert stays on screen while its condition
holds and nobody has acknowledged it.

It runs every second with 2,000 units and 500 open incidents on the board (bench/bench_boards.py), so
the database selects only the candidates, the rows whose waiting has lasted at least its limit, column
by column (no ORM objects); the domain still decides what is due. A check that finds nothing new and
nothing ended writes nothing. Raising, clearing and acknowledging notify ``Topic.ALERTS``, which the
other consoles of a centre hear through the change feed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import ColumnElement, Engine, Row, func, or_, select, tuple_, update
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import CallState, IncidentStatus, UnitStatus
from dispatch.domain.timers import (
    ON_SCENE_STATUSES,
    DueAlert,
    ForwardingWaiting,
    OpenIncident,
    RingingCall,
    TimerKind,
    TimerState,
    TimerThresholds,
    UnitOnCall,
    due_alerts,
)
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.snapshots import CallView
from dispatch.services.uow import insert_unless_taken, unit_of_work
from dispatch.store.tables import Alert, Assignment, Call, Forwarding, Incident, IncidentNote, Unit

TIMER_KINDS = tuple(kind.value for kind in TimerKind)
#: Open alerts are looked for among those raised this recently (the ``raised_at`` index), plus those
#: of the conditions due now; a condition that ends after lasting longer keeps no ``cleared_at``.
LOOKBACK = timedelta(days=7)
RINGING_LOOKBACK = timedelta(days=1)
#: Incidents that wait for their first unit (a reopened one is excluded: its answer was long ago).
_WAITING = (IncidentStatus.NEW.value, IncidentStatus.AWAITING_DISPATCH.value)
_ON_SCENE = tuple(sorted(status.value for status in ON_SCENE_STATUSES))


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
    def of(row: Any) -> AlertView:
        """From an ``Alert`` object or a row of its columns (``_VIEW_COLUMNS``)."""
        since, limit, label, incident = _params(row.kind, row.message)
        return AlertView(
            id=row.id,
            kind=row.kind,
            entity=row.entity,
            entity_id=row.entity_id,
            raised_at=row.raised_at,
            since=since,
            limit_s=limit,
            label=(row.entity_id or "") if label is None else label,
            incident_number=incident,
            cleared_at=row.cleared_at,
            acknowledged_at=row.acknowledged_at,
        )


#: The columns an ``AlertView`` is made of, selected without building ORM objects.
_VIEW_COLUMNS = (
    Alert.id,
    Alert.kind,
    Alert.entity,
    Alert.entity_id,
    Alert.raised_at,
    Alert.message,
    Alert.cleared_at,
    Alert.acknowledged_at,
)


@lru_cache(maxsize=8192)
def _params(kind: str, message: str) -> tuple[datetime | None, int | None, str | None, str]:
    """(since, limit in seconds, label, incident number) of a timer alert's message.

    A row's message never changes once written, and the same open alerts are read every second:
    each message is parsed once (the cache is keyed by the text itself, whatever database it is from).
    """
    if kind not in TIMER_KINDS:
        return None, None, None, ""
    try:
        loaded = json.loads(message)
    except ValueError:
        return None, None, None, ""
    if not isinstance(loaded, dict):
        return None, None, None, ""
    since, limit, label = loaded.get("since"), loaded.get("limit_s"), loaded.get("label")
    return (
        datetime.fromisoformat(since) if isinstance(since, str) else None,
        limit if isinstance(limit, int) else None,
        None if label is None else str(label),
        str(loaded.get("incident", "")),
    )


def timer_state(session: Session, now: datetime, thresholds: TimerThresholds | None = None) -> TimerState:
    """What the timers look at: ringing calls, incidents waiting for a unit, units under way,
    forwardings to agencies not acknowledged.

    With ``thresholds``, only the candidates: the conditions whose waiting began at least their limit
    ago (an on-scene unit's wait starts at its status or its incident's last note, whichever is later,
    so its status time is a bound; a forwarding's limit is its own, and its ``ack_due_at`` says when it
    is reached). The domain's ``due_alerts`` still decides; the bounds only spare reading the
    thousands of rows that cannot be due.
    """

    def started_by(kind: TimerKind) -> datetime:
        return now if thresholds is None else now - timedelta(seconds=thresholds.limit(kind))

    # Bounded by ring time so that the ring_at index serves it (calls grow by millions; state has no
    # index): a call still "ringing" after a day is a lost hang-up from a feed, not a waiting caller.
    ringing = tuple(
        RingingCall(call.id, call.ring_at, CallView.of(call).number_national)
        for call in session.scalars(
            select(Call).where(
                Call.ring_at >= now - RINGING_LOOKBACK,
                Call.ring_at <= started_by(TimerKind.CALL_RINGING),
                Call.state == CallState.RINGING.value,
            )
        )
    )
    dispatched_ever = select(Assignment.id).where(Assignment.incident_id == Incident.id).exists()
    # Forwarding to an agency is the step a forwarding centre takes instead of sending its own units:
    # a forwarded incident waits for no unit (the forwarding has its own timer).
    forwarded_ever = select(Forwarding.id).where(Forwarding.incident_id == Incident.id).exists()
    waiting = tuple(
        OpenIncident(incident_id, number, created_at, False)
        for incident_id, number, created_at in session.execute(
            # ix_incidents_status_created_at
            select(Incident.id, Incident.number, Incident.created_at).where(
                Incident.status.in_(_WAITING),
                Incident.created_at <= started_by(TimerKind.NOT_DISPATCHED),
                ~dispatched_ever,
                ~forwarded_ever,
            )
        )
    )
    # The units table holds the roster (thousands, not millions): read whole, no index needed.
    long_enough = or_(
        (Unit.status == UnitStatus.DISPATCHED.value)
        & (Unit.status_since <= started_by(TimerKind.NOT_ACKNOWLEDGED)),
        (Unit.status == UnitStatus.EN_ROUTE.value) & (Unit.status_since <= started_by(TimerKind.EN_ROUTE)),
        Unit.status.in_(_ON_SCENE) & (Unit.status_since <= started_by(TimerKind.ON_SCENE_NO_UPDATE)),
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
        .where(Unit.active.is_(True), long_enough)
    ).all()
    on_scene_incidents = {
        incident_id
        for _, _, status, _, incident_id, _ in rows
        if incident_id is not None and status in _ON_SCENE
    }
    last_note = (
        dict(
            session.execute(
                select(IncidentNote.incident_id, func.max(IncidentNote.at))
                .where(IncidentNote.incident_id.in_(on_scene_incidents))
                .group_by(IncidentNote.incident_id)
            ).all()
        )
        if on_scene_incidents
        else {}
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
    # ix_forwardings_closed_at_ack_due_at: the open ones whose limit has passed (a forwarding is
    # acknowledged within minutes, so few of the open ones are read).
    unacknowledged: list[ColumnElement[bool]] = [
        Forwarding.closed_at.is_(None),
        Forwarding.acknowledged_at.is_(None),
    ]
    if thresholds is not None:
        unacknowledged.append(Forwarding.ack_due_at <= now)
    forwardings = tuple(
        ForwardingWaiting(forwarding_id, agency_name, number, forwarded_at, limit_s)
        for forwarding_id, agency_name, number, forwarded_at, limit_s in session.execute(
            select(
                Forwarding.id,
                Forwarding.agency_name,
                Incident.number,
                Forwarding.forwarded_at,
                Forwarding.ack_limit_s,
            )
            .join(Incident, Incident.id == Forwarding.incident_id)
            .where(*unacknowledged)
        )
    )
    return TimerState(ringing, waiting, units, forwardings)


#: Per database: alert id -> (its view, its message) as last returned. A row changes only in
#: ``cleared_at`` and the acknowledgement, and the same open alerts come back every second: their
#: views are kept rather than read and rebuilt (hundreds when a busy room leaves them unacknowledged).
_KNOWN_VIEWS: WeakKeyDictionary[Engine, dict[int, tuple[AlertView, str]]] = WeakKeyDictionary()


def check_timers(ctx: ServiceContext, thresholds: TimerThresholds) -> list[AlertView]:
    """Raise the alerts that became due, clear those whose condition ended; returns the open ones.

    Open: the condition still holds and no one has acknowledged it; the longest waiting first.
    """
    now = ctx.clock.now()
    system = ctx.as_system()
    known = _KNOWN_VIEWS.setdefault(ctx.database.engine, {})
    holding: list[int] = []
    acknowledged: dict[int, datetime | None] = {}
    try:
        with unit_of_work(ctx) as work:
            session = work.session
            due = due_alerts(timer_state(session, now, thresholds), now, thresholds)
            candidates = _open_timer_rows(session, now, due)
            by_key: dict[tuple[str, str, datetime], Row[Any]] = {}
            for row in candidates:
                since = _params(row.kind, row.message)[0]
                if since is not None:
                    by_key[row.kind, row.entity_id or "", since] = row
            missing = []
            new_alerts: list[tuple[int, DueAlert]] = []
            for alert in due:
                row = by_key.pop(alert.key, None)  # type: ignore[arg-type]
                if row is None:
                    new_alerts.append((len(holding), alert))
                    holding.append(0)  # its id once raised
                    continue
                holding.append(row.id)
                acknowledged[row.id] = row.acknowledged_at
                cached = known.get(row.id)
                if cached is None or cached[1] != row.message:
                    missing.append(row.id)
            # The open rows left are those whose condition ended (or whose message has no episode).
            # They are cleared before a new episode of the same subject is raised: one open alert
            # per subject (a unique index since 0007).
            held = set(holding)
            ended = [row for row in candidates if row.id not in held]
            if ended:
                session.execute(
                    update(Alert).where(Alert.id.in_([row.id for row in ended])).values(cleared_at=now)
                )
                for row in ended:
                    audit(
                        session,
                        system,
                        AuditAction.ALERT_CLEAR,
                        "alert",
                        row.id,
                        kind=row.kind,
                        about=row.entity_id,
                    )
                work.notify(Topic.ALERTS, *(row.id for row in ended))
            for position, alert in new_alerts:
                new = _raise(session, system, alert, now)
                if new is None:
                    continue  # another console raised it first: seen at the next check
                known[new.id] = (AlertView.of(new), new.message)
                holding[position] = new.id
                work.notify(Topic.ALERTS, new.id)
            holding = [alert_id for alert_id in holding if alert_id]
            if missing:
                for full in session.execute(select(*_VIEW_COLUMNS).where(Alert.id.in_(missing))):
                    known[full.id] = (AlertView.of(full), full.message)
    except BaseException:
        known.clear()  # ids raised in a transaction rolled back are no alert's
        raise
    result = []
    for alert_id in holding:
        view, message = known[alert_id]
        if alert_id in acknowledged and view.acknowledged_at != acknowledged[alert_id]:
            view = replace(view, acknowledged_at=acknowledged[alert_id])
            known[alert_id] = (view, message)
        if view.acknowledged_at is None:
            result.append(view)
    for alert_id in set(known) - set(holding):
        del known[alert_id]
    return result


def _open_timer_rows(session: Session, now: datetime, due: Sequence[DueAlert]) -> list[Row[Any]]:
    """The timer alerts not cleared: those raised within LOOKBACK (the raised_at index), and those of
    conditions due now that began before it (the kind/entity index; rare: a wait of over a week)."""
    recent = Alert.raised_at >= now - LOOKBACK
    condition = recent
    # An alert is raised at or after its episode began: a due episode that began within LOOKBACK has
    # its alert among the recent ones.
    old = {(alert.kind.value, str(alert.entity_id)) for alert in due if alert.since < now - LOOKBACK}
    if old:
        condition = or_(recent, tuple_(Alert.kind, Alert.entity_id).in_(old))
    return list(
        session.execute(
            select(Alert.id, Alert.kind, Alert.entity_id, Alert.message, Alert.acknowledged_at)
            .where(Alert.kind.in_(TIMER_KINDS), Alert.cleared_at.is_(None), condition)
            .order_by(Alert.id)
        )
    )


def _raise(session: Session, ctx: ServiceContext, alert: DueAlert, now: datetime) -> Alert | None:
    """The alert's row, or None when another console raised the same alert first."""
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
    if not insert_unless_taken(session, row):
        return None
    audit(
        session, ctx, AuditAction.ALERT_RAISE, "alert", row.id, kind=alert.kind.value, about=alert.entity_id
    )
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
    with unit_of_work(ctx) as work:
        session = work.session
        for alert_id in dict.fromkeys(alert_ids):
            alert = session.get(Alert, alert_id)
            if alert is None:
                raise ServiceError(Refusal.NO_SUCH_ALERT, alert_id=alert_id)
            if alert.acknowledged_at is not None:
                continue
            alert.acknowledged_at = ctx.clock.now()
            alert.acknowledged_by = ctx.actor.user_id
            alert.acknowledged_console_id = ctx.console_id
            audit(session, ctx, AuditAction.ALERT_ACKNOWLEDGE, "alert", alert.id, kind=alert.kind)
            done.append(alert.id)
        if done:
            work.notify(Topic.ALERTS, *done)
    return done


def acknowledged_among(ctx: ServiceContext, alert_ids: Iterable[int]) -> dict[int, datetime]:
    """Which of these alerts someone has acknowledged, and when (a gateway learns so of the feed
    alarms it raised: a console of the centre acknowledged them)."""
    wanted = list(dict.fromkeys(alert_ids))
    if not wanted:
        return {}
    with ctx.database.sessions() as session:
        rows = session.execute(
            select(Alert.id, Alert.acknowledged_at).where(
                Alert.id.in_(wanted), Alert.acknowledged_at.is_not(None)
            )
        ).all()
    return {alert_id: at for alert_id, at in rows if at is not None}
