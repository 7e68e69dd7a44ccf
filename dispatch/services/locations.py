"""Where an incident is: an area picked by type-ahead, a pasted position, and the premise history."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain.areas import AreaIndex, AreaLevel, area_index
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import Disposition, IncidentStatus
from dispatch.domain.geo import bounding_box, distance_m
from dispatch.domain.incidents import FieldProblem, FieldRejected, validate_text_field
from dispatch.domain.positions import PlacedPosition, PositionSource, replaces
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.incidents import (
    CLOSED_STATES,
    UNCHECKED,
    Unchecked,
    active_unit_signs,
    same_as_shown,
)
from dispatch.services.snapshots import IncidentView
from dispatch.services.uow import reading, unit_of_work
from dispatch.store.tables import Incident

#: Previous incidents this close count as the same premises.
PREMISE_RADIUS_M = 200.0
_AREA_FIELDS = ("province", "regency", "district", "village")
#: What picking an area writes (and what ``set_area`` compares with what the form showed).
AREA_FIELDS = (*_AREA_FIELDS, "postcode", "area_code")


def _open(session: Session, incident_id: int) -> Incident:
    # Locked, as every write to the incident: closing it elsewhere waits, and what is compared with
    # what the form showed is what this replaces.
    incident = session.get(Incident, incident_id, with_for_update=True)
    if incident is None:
        raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
    if incident.status in CLOSED_STATES:
        raise ServiceError(Refusal.INCIDENT_CLOSED, number=incident.number)
    return incident


def placed_on(incident: Incident) -> PositionSource:
    """The source of the position the incident has now (NONE without one; typed before 0015)."""
    if incident.lat is None or incident.lon is None:
        return PositionSource.NONE
    return PositionSource(incident.position_source or PositionSource.TYPED)


def place_incident(
    ctx: ServiceContext,
    session: Session,
    incident: Incident,
    position: PlacedPosition | None,
    *,
    by_person: bool,
) -> bool:
    """Put ``position`` on the (locked, open) incident if it replaces what it has (``replaces``).

    None clears the position (a person's word only). Audited as ``INCIDENT_POSITION`` with the
    source and radius before and after; the caller announces the change. True when it was written.
    """
    current = placed_on(incident)
    if position is None:
        if current is PositionSource.NONE:
            return False
    elif not replaces(current, position.source, by_person=by_person):
        return False
    before = _position_fields(incident)
    if position is None:
        incident.lat = incident.lon = None
        incident.position_source, incident.position_radius_m = PositionSource.NONE.value, None
        incident.position_at, incident.position_method = None, ""
    else:
        incident.lat, incident.lon = position.lat, position.lon
        incident.position_source = position.source.value
        incident.position_radius_m = position.radius_m
        incident.position_at = position.at
        incident.position_method = position.method
    after = _position_fields(incident)
    if after == before:
        return False
    incident.updated_at = ctx.clock.now()
    audit(session, ctx, AuditAction.INCIDENT_POSITION, "incident", incident.id, before=before, after=after)
    return True


def _position_fields(incident: Incident) -> dict[str, object]:
    return {
        "lat": incident.lat,
        "lon": incident.lon,
        "source": incident.position_source or "",
        "radius_m": incident.position_radius_m,
        "at": None if incident.position_at is None else incident.position_at.isoformat(),
        "method": incident.position_method or "",
    }


def shown_area(view: IncidentView) -> dict[str, str]:
    """The fields a picked area replaces, as ``view`` shows them: ``set_area``'s ``expected``."""
    return {field: str(getattr(view, field)) for field in AREA_FIELDS}


def set_area(
    ctx: ServiceContext,
    incident_id: int,
    area_code: str,
    index: AreaIndex | None = None,
    *,
    expected: Mapping[str, object] | Unchecked = UNCHECKED,
) -> IncidentView:
    """Fill provinsi down to kelurahan, the postcode and the area code from one picked area.

    Levels below the picked one are emptied (a kecamatan picked after a kelurahan replaces it);
    the postcode is kept when the picked area has none of its own (only villages carry one).

    ``expected``: the area fields as the form showed them when the person began to look for the
    area (``shown_area(view)``; any of :data:`AREA_FIELDS`). When another console has changed one
    since to something this pick does not write, nothing is saved:
    ``ServiceError(FIELD_CHANGED_ELSEWHERE, field="area", theirs=<the stored fields>,
    yours=<the fields this pick writes>)``, each a dict over :data:`AREA_FIELDS`.
    """
    area = (index or area_index()).get(area_code.strip())
    if area is None:
        raise ServiceError(Refusal.NO_SUCH_AREA, area=area_code)
    names = [
        validate_text_field(field, name)
        for field, (_code, name) in zip(_AREA_FIELDS, area.chain, strict=False)
    ]
    names += [""] * (len(_AREA_FIELDS) - len(names))
    with unit_of_work(ctx) as work:
        session = work.session
        incident = _open(session, incident_id)
        before: dict[str, str] = {field: getattr(incident, field) for field in AREA_FIELDS}
        after = dict(zip(_AREA_FIELDS, names, strict=True))
        after["postcode"] = area.postcode or before["postcode"]
        after["area_code"] = area.code
        if not isinstance(expected, Unchecked):
            stale = [
                field
                for field, shown in expected.items()
                if not same_as_shown(before[field], shown) and before[field] != after[field]
            ]
            if stale:
                work.refuse(Refusal.FIELD_CHANGED_ELSEWHERE, field="area", theirs=before, yours=after)
        for field, value in after.items():
            setattr(incident, field, value)
        if after != before:
            incident.updated_at = ctx.clock.now()
            audit(
                session, ctx, AuditAction.INCIDENT_AREA, "incident", incident_id, before=before, after=after
            )
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        if after != before:
            work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view


def set_position(
    ctx: ServiceContext,
    incident_id: int,
    lat: float | None,
    lon: float | None,
    *,
    expected: tuple[float | None, float | None] | Unchecked = UNCHECKED,
) -> IncidentView:
    """Save latitude and longitude together (both, or neither to clear them).

    ``expected``: (latitude, longitude) as the form showed them when the person began typing the
    position. When another console has saved another position since, nothing is saved:
    ``ServiceError(FIELD_CHANGED_ELSEWHERE, field="position", theirs=(lat, lon) stored,
    yours=(lat, lon))``.
    """
    if (lat is None) != (lon is None):
        raise FieldRejected("lat" if lat is None else "lon", FieldProblem.NOT_A_NUMBER)
    if lat is not None and lon is not None:
        if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
            raise FieldRejected("lat", FieldProblem.LAT_OUT_OF_RANGE)
        if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
            raise FieldRejected("lon", FieldProblem.LON_OUT_OF_RANGE)
    with unit_of_work(ctx) as work:
        session = work.session
        incident = _open(session, incident_id)
        before = (incident.lat, incident.lon)
        if before != (lat, lon) and not isinstance(expected, Unchecked):
            shown_lat, shown_lon = expected
            if not (same_as_shown(before[0], shown_lat) and same_as_shown(before[1], shown_lon)):
                work.refuse(
                    Refusal.FIELD_CHANGED_ELSEWHERE, field="position", theirs=before, yours=(lat, lon)
                )
        if before != (lat, lon):
            incident.lat, incident.lon = lat, lon
            incident.updated_at = ctx.clock.now()
            audit(
                session,
                ctx,
                AuditAction.INCIDENT_POSITION,
                "incident",
                incident_id,
                before=list(before),
                after=[lat, lon],
            )
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        if before != (lat, lon):
            work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view


@dataclass(frozen=True, slots=True)
class PremiseEntry:
    """A previous incident at the same kelurahan or close by."""

    incident_id: int
    number: str
    category: str | None
    created_at: datetime
    status: IncidentStatus
    disposition: Disposition | None
    same_area: bool
    distance_m: float | None  # straight line, when both have a position


def premise_history(ctx: ServiceContext, incident_id: int, limit: int = 10) -> tuple[PremiseEntry, ...]:
    """Previous incidents (any status) in the same kelurahan or within 200 m, newest first.

    "Same kelurahan" is the same area code when the incident has one picked, otherwise the same
    village and kecamatan names as typed.
    """
    columns = (
        Incident.id,
        Incident.number,
        Incident.category,
        Incident.created_at,
        Incident.status,
        Incident.disposition,
        Incident.lat,
        Incident.lon,
    )
    # A read: it takes no write lock (on SQLite, the whole file) from the consoles that write.
    with reading(ctx) as session:
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        in_area: list[Any] = []
        if incident.area_code and _is_village(incident.area_code):
            in_area = list(
                session.execute(
                    select(*columns)
                    .where(Incident.area_code == incident.area_code, Incident.id != incident_id)
                    .order_by(Incident.created_at.desc())
                    .limit(limit)
                ).all()
            )
        elif incident.village:
            in_area = list(
                session.execute(
                    select(*columns)
                    .where(
                        Incident.village == incident.village,
                        Incident.district == incident.district,
                        Incident.id != incident_id,
                    )
                    .order_by(Incident.created_at.desc())
                    .limit(limit)
                ).all()
            )
        nearby: list[Any] = []
        if incident.lat is not None and incident.lon is not None:
            box = bounding_box(incident.lat, incident.lon, PREMISE_RADIUS_M)
            nearby = list(
                session.execute(
                    select(*columns).where(
                        Incident.lat.between(box.min_lat, box.max_lat),
                        Incident.lon.between(box.min_lon, box.max_lon),
                        Incident.id != incident_id,
                    )
                ).all()
            )
        here = (incident.lat, incident.lon)
    entries: dict[int, PremiseEntry] = {}
    for rows, same_area in ((in_area, True), (nearby, False)):
        for row in rows:
            distance = None
            if here[0] is not None and here[1] is not None and row.lat is not None and row.lon is not None:
                distance = distance_m(here[0], here[1], row.lat, row.lon)
            if not same_area and (distance is None or distance > PREMISE_RADIUS_M):
                continue
            if row.id in entries:
                continue
            entries[row.id] = PremiseEntry(
                incident_id=row.id,
                number=row.number,
                category=row.category,
                created_at=row.created_at,
                status=IncidentStatus(row.status),
                disposition=Disposition(row.disposition) if row.disposition else None,
                same_area=same_area,
                distance_m=distance,
            )
    return tuple(sorted(entries.values(), key=lambda entry: entry.created_at, reverse=True)[:limit])


def _is_village(code: str) -> bool:
    return code.count(".") == AreaLevel.VILLAGE - 1
