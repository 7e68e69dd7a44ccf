"""The figures of a period read from the database (docs/figures.md, "How the data is read").

``period_timings`` reads the rows into ``dispatch.domain.figures``' plain records: one ``CallTiming``
per call that started ringing in [since, until), one ``IncidentTiming`` per incident opened in it and
one ``UnitTiming`` per assignment of those incidents (the last two from ``interval_report``, so no
interval is computed twice). ``period_figures`` hands them to ``shift_figures`` with the period, so
every service-level interval of the period is listed, empty ones included.

Times come back in ``since``'s time zone: a report asked for in WIB (``Asia/Jakarta``) shows its
quarter-hours and its longest ring in WIB. The calls are read from the ``calls.ring_at`` index and the
incidents from ``incidents.created_at`` (their forwardings by the ``forwardings.incident_id`` index):
a 12-hour shift of 5,000 calls is a few range scans on a database of millions.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from dispatch.domain.figures import (
    CallTiming,
    Figures,
    FigureSettings,
    ForwardingTiming,
    IncidentTiming,
    UnitTiming,
    shift_figures,
)
from dispatch.reports.intervals import interval_report
from dispatch.services.context import ServiceContext
from dispatch.services.uow import reading
from dispatch.store.tables import Call, Forwarding, Incident


def period_timings(
    ctx: ServiceContext, since: datetime, until: datetime
) -> tuple[list[CallTiming], list[IncidentTiming], list[UnitTiming]]:
    """The calls that started ringing in [since, until), the incidents opened in it, their assignments.

    Calls in order of ringing, incidents in order of opening, assignments by incident then dispatch.
    Raises ``ValueError`` for a naive ``since`` or ``until`` (stored times are UTC instants).
    """
    if since.tzinfo is None or until.tzinfo is None:
        raise ValueError("the period's ends must be aware datetimes")
    zone = since.tzinfo
    with reading(ctx) as session:
        rows = session.execute(
            select(
                Call.id,
                Call.ring_at,
                Call.answered_at,
                Call.ended_at,
                Call.classification,
                Call.answered_by,
            )
            .where(Call.ring_at >= since, Call.ring_at < until)
            .order_by(Call.ring_at, Call.id)
        ).all()
    calls = [
        CallTiming(
            call_id=call_id,
            ring_at=ring_at.astimezone(zone),
            answered_at=None if answered_at is None else answered_at.astimezone(zone),
            ended_at=None if ended_at is None else ended_at.astimezone(zone),
            call_class=classification,
            answered_by=answered_by,
        )
        for call_id, ring_at, answered_at, ended_at, classification, answered_by in rows
    ]
    incidents: list[IncidentTiming] = []
    units: list[UnitTiming] = []
    for report in interval_report(ctx, since, until):
        incidents.append(IncidentTiming(report.number, report.call_processing_s, report.taken_by))
        units.extend(
            UnitTiming(
                incident_number=unit.incident_number,
                call_sign=unit.call_sign,
                agency=unit.agency,
                turnout_s=unit.intervals.turnout_s,
                travel_s=unit.intervals.travel_s,
                on_scene_s=unit.intervals.on_scene_s,
            )
            for unit in report.units
        )
    return calls, incidents, units


def forwarding_timings(ctx: ServiceContext, since: datetime, until: datetime) -> list[ForwardingTiming]:
    """The forwardings of the incidents opened in [since, until), by incident then forwarding time.

    Times in ``since``'s zone, as ``period_timings``' (``ValueError`` for a naive end).
    """
    if since.tzinfo is None or until.tzinfo is None:
        raise ValueError("the period's ends must be aware datetimes")
    zone = since.tzinfo
    with reading(ctx) as session:
        rows = session.execute(
            select(
                Forwarding.id,
                Forwarding.incident_id,
                Forwarding.agency_id,
                Forwarding.agency_name,
                Incident.created_at,
                Forwarding.forwarded_at,
                Forwarding.acknowledged_at,
                Forwarding.arrived_at,
                Forwarding.state,
            )
            .join(Incident, Incident.id == Forwarding.incident_id)
            .where(Incident.created_at >= since, Incident.created_at < until)
            .order_by(Incident.created_at, Incident.id, Forwarding.forwarded_at, Forwarding.id)
        ).all()
    return [
        ForwardingTiming(
            forwarding_id=forwarding_id,
            incident_id=incident_id,
            agency_id=agency_id,
            agency_name=agency_name,
            incident_created_at=created_at.astimezone(zone),
            forwarded_at=forwarded_at.astimezone(zone),
            acknowledged_at=None if acknowledged_at is None else acknowledged_at.astimezone(zone),
            arrived_at=None if arrived_at is None else arrived_at.astimezone(zone),
            state=state,
        )
        for (
            forwarding_id,
            incident_id,
            agency_id,
            agency_name,
            created_at,
            forwarded_at,
            acknowledged_at,
            arrived_at,
            state,
        ) in rows
    ]


def period_figures(
    ctx: ServiceContext, since: datetime, until: datetime, settings: FigureSettings | None = None
) -> Figures:
    """Every figure of [since, until) (``shift_figures``), service levels for each of its intervals."""
    calls, incidents, units = period_timings(ctx, since, until)
    forwardings = forwarding_timings(ctx, since, until)
    return shift_figures(calls, incidents, units, settings, since=since, until=until, forwardings=forwardings)
