"""Where an incident is: an area picked by type-ahead, a pasted position, the handset's position, and
the premise history.

An incident has one position, the best known (``domain.positions``): picking a kelurahan places its
centre at once (or its kecamatan's, when the village has no point), a typed or pasted position
replaces it, a handset's (AML) replaces a centre by itself and a typed one only at the call-taker's
word (``use_handset_position``); clearing a typed position falls back to the area's centre.
"""

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
from dispatch.domain.geo import bounding_box
from dispatch.domain.incidents import FieldProblem, FieldRejected, validate_text_field
from dispatch.domain.positions import (
    CENTRES,
    AmlState,
    PlacedPosition,
    PositionSource,
    distance_apart,
    placed_at,
    replaces,
    resolves,
)
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.incidents import (
    CLOSED_STATES,
    UNCHECKED,
    Unchecked,
    active_unit_signs,
    same_as_shown,
)
from dispatch.services.snapshots import AmlView, IncidentView
from dispatch.services.uow import reading, unit_of_work
from dispatch.store.tables import AmlMessage, Call, Incident

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
    placed = placed_at(incident.lat, incident.lon, incident.position_source, incident.position_radius_m)
    return PositionSource.NONE if placed is None else placed.source


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
    return _write_position(ctx, session, incident, position)


def _write_position(
    ctx: ServiceContext,
    session: Session,
    incident: Incident,
    position: PlacedPosition | None,
    **detail: object,
) -> bool:
    """Store ``position`` (None: none) on the incident, audited, whatever it had; True if it changed."""
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
    if after == before and not detail:
        return False
    if after != before:
        incident.updated_at = ctx.clock.now()
    audit(
        session,
        ctx,
        AuditAction.INCIDENT_POSITION,
        "incident",
        incident.id,
        before=before,
        after=after,
        **detail,
    )
    return after != before


def _position_fields(incident: Incident) -> dict[str, object]:
    return {
        "lat": incident.lat,
        "lon": incident.lon,
        "source": incident.position_source or "",
        "radius_m": incident.position_radius_m,
        "at": None if incident.position_at is None else incident.position_at.isoformat(),
        "method": incident.position_method or "",
    }


#: The sources an area's centre is placed as, by the level of the area whose centre it is; a
#: kota's or a province's centre is too rough to place at all.
_CENTRE_SOURCES = {AreaLevel.VILLAGE: PositionSource.VILLAGE, AreaLevel.DISTRICT: PositionSource.DISTRICT}


def area_centre(index: AreaIndex, code: str) -> PlacedPosition | None:
    """The position an area's pick places: its own centre, or its kecamatan's when it has no point;
    None for a kota or province (or no point at all)."""
    centre = index.centre(code) if code else None
    if centre is None:
        return None
    source = _CENTRE_SOURCES.get(centre.level)
    if source is None:
        return None
    return PlacedPosition(centre.lat, centre.lon, source, centre.radius_m, place=centre.name)


def _place_centre(
    ctx: ServiceContext, session: Session, incident: Incident, centre: PlacedPosition | None
) -> bool:
    """The picked area's centre on the incident unless it has a better position; a pick without a
    centre to place removes a centre that belonged to the area picked before."""
    if centre is not None:
        return place_incident(ctx, session, incident, centre, by_person=False)
    if placed_on(incident) in CENTRES:
        return _write_position(ctx, session, incident, None)
    return False


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
    """Fill provinsi down to kelurahan, the postcode and the area code from one picked area, and
    place the area's centre (``area_centre``) unless the incident has a typed or handset position.

    Levels below the picked one are emptied (a kecamatan picked after a kelurahan replaces it);
    the postcode is kept when the picked area has none of its own (only villages carry one). A new
    pick re-centres a centre; a kota or province picked removes it.

    ``expected``: the area fields as the form showed them when the person began to look for the
    area (``shown_area(view)``; any of :data:`AREA_FIELDS`). When another console has changed one
    since to something this pick does not write, nothing is saved:
    ``ServiceError(FIELD_CHANGED_ELSEWHERE, field="area", theirs=<the stored fields>,
    yours=<the fields this pick writes>)``, each a dict over :data:`AREA_FIELDS`.
    """
    index = index or area_index()
    area = index.get(area_code.strip())
    if area is None:
        raise ServiceError(Refusal.NO_SUCH_AREA, area=area_code)
    names = [
        validate_text_field(field, name)
        for field, (_code, name) in zip(_AREA_FIELDS, area.chain, strict=False)
    ]
    names += [""] * (len(_AREA_FIELDS) - len(names))
    centre = area_centre(index, area.code)
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
        moved = _place_centre(ctx, session, incident, centre)
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        if after != before or moved:
            work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view


def set_position(
    ctx: ServiceContext,
    incident_id: int,
    lat: float | None,
    lon: float | None,
    *,
    expected: tuple[float | None, float | None] | Unchecked = UNCHECKED,
    index: AreaIndex | None = None,
) -> IncidentView:
    """Save a typed or pasted latitude and longitude together: the call-taker's word, it replaces
    any position (source TYPED, exact, at now).

    Clearing (neither) drops the position and places the picked area's centre again, if there is
    one (``index``: the areas to find it in; the shipped ones by default).

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
        if lat is None or lon is None:
            # The area's centre is looked up only now: the index is loaded ahead in the console.
            fallback = area_centre(index or area_index(), incident.area_code) if incident.area_code else None
            moved = _write_position(ctx, session, incident, fallback)
        elif placed_on(incident) is PositionSource.TYPED and before == (lat, lon):
            moved = False  # the same position typed again: its time stays when it was first typed
        else:
            # The call-taker's word replaces any position; a handset's that was on the incident is
            # kept and offered ("Use handset position").
            typed = PlacedPosition(lat, lon, PositionSource.TYPED, at=ctx.clock.now())
            kept = _keep_applied(session, incident_id)
            moved = _write_position(ctx, session, incident, typed, **({"kept": kept} if kept else {}))
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        if moved:
            work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view


def use_handset_position(ctx: ServiceContext, incident_id: int, aml_id: int) -> IncidentView:
    """The call-taker's word: the position of AML message ``aml_id`` on the incident, replacing any.

    For a message kept because the incident had a typed position (state KEPT), or any other message
    of the incident's calls. The message becomes APPLIED; another of the incident's messages that was
    APPLIED becomes KEPT. Refused with ``NO_SUCH_AML`` when the message is not the incident's (nor its
    calls'), ``AML_WITHOUT_POSITION`` when the handset sent none.
    """
    with unit_of_work(ctx) as work:
        session = work.session
        incident = _open(session, incident_id)
        # Locked after the incident, as every write that touches both.
        message = session.get(AmlMessage, aml_id, with_for_update=True)
        if message is None or not _belongs(session, message, incident_id):
            work.refuse(Refusal.NO_SUCH_AML, aml_id=aml_id, incident_id=incident_id)
        handset = AmlView.of(message).placed
        if handset is None:
            work.refuse(Refusal.AML_WITHOUT_POSITION, aml_id=aml_id)
        displaced = _keep_applied(session, incident_id, but=aml_id)
        restated = (message.state, message.incident_id) != (AmlState.APPLIED.value, incident_id)
        message.state, message.incident_id = AmlState.APPLIED.value, incident_id
        detail: dict[str, object] = {"aml": aml_id}
        if displaced:
            detail["kept"] = displaced
        if restated or displaced:
            moved = _write_position(ctx, session, incident, handset, **detail)
        else:
            moved = place_incident(ctx, session, incident, handset, by_person=True)
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        if moved or restated or displaced:
            work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view


def _keep_applied(session: Session, incident_id: int, *, but: int | None = None) -> list[int]:
    """The incident's handset positions that were on it become KEPT (offered); their ids."""
    applied = session.scalars(
        select(AmlMessage)
        .where(
            AmlMessage.incident_id == incident_id,
            AmlMessage.state == AmlState.APPLIED.value,
            *([AmlMessage.id != but] if but is not None else []),
        )
        .order_by(AmlMessage.id)
        .with_for_update()
    ).all()
    for message in applied:
        message.state = AmlState.KEPT.value
    return [message.id for message in applied]


def coordinate_typed(ctx: ServiceContext, session: Session, incident: Incident) -> list[int]:
    """After a latitude or longitude was typed into its own field (``incidents.update_field``, which
    audits it): the position is the call-taker's, exact, from now, and a handset's that was on the
    incident is kept and offered again. Without both coordinates there is no position. The ids of
    the handset positions kept."""
    if incident.lat is None or incident.lon is None:
        incident.position_source, incident.position_radius_m = PositionSource.NONE.value, None
        incident.position_at, incident.position_method = None, ""
        return []
    incident.position_source, incident.position_radius_m = PositionSource.TYPED.value, None
    incident.position_at, incident.position_method = ctx.clock.now(), ""
    return _keep_applied(session, incident.id)


def area_typed_over(ctx: ServiceContext, session: Session, incident: Incident) -> bool:
    """After a name typed over the picked area cleared its code (``incidents.update_field``): the
    picked area's centre no longer says where this is, and is removed (audited). True if it was."""
    if placed_on(incident) in CENTRES:
        return _write_position(ctx, session, incident, None, reason="area_typed_over")
    return False


def _belongs(session: Session, message: AmlMessage, incident_id: int) -> bool:
    """The message is the incident's, or that of a call that has become the incident's."""
    if message.incident_id is not None:
        return message.incident_id == incident_id
    if message.call_id is None:
        return False
    call_incident = session.scalar(select(Call.incident_id).where(Call.id == message.call_id))
    return call_incident == incident_id


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
    #: Straight line, when both have a position (and not both an area's centre).
    distance_m: float | None
    #: The distance is rough: one of the two positions is an area's centre, or less precise than
    #: the premises' 200 m (the UI writes "~850 m").
    approximate: bool = False


def premise_history(ctx: ServiceContext, incident_id: int, limit: int = 10) -> tuple[PremiseEntry, ...]:
    """Previous incidents (any status) in the same kelurahan or within 200 m, newest first.

    "Same kelurahan" is the same area code when the incident has one picked, otherwise the same
    village and kecamatan names as typed. "Within 200 m" only between positions precise enough for
    it (``positions.resolves``): typed, or a handset's fix with a radius up to 200 m; never an area's
    centre, which finds its neighbours as the same kelurahan.
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
        Incident.position_source,
        Incident.position_radius_m,
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
        here = placed_at(incident.lat, incident.lon, incident.position_source, incident.position_radius_m)
        nearby: list[Any] = []
        if here is not None and resolves(here.source, here.radius_m, PREMISE_RADIUS_M):
            box = bounding_box(here.lat, here.lon, PREMISE_RADIUS_M)
            nearby = list(
                session.execute(
                    select(*columns).where(
                        Incident.lat.between(box.min_lat, box.max_lat),
                        Incident.lon.between(box.min_lon, box.max_lon),
                        Incident.id != incident_id,
                    )
                ).all()
            )
    entries: dict[int, PremiseEntry] = {}
    for rows, same_area in ((in_area, True), (nearby, False)):
        for row in rows:
            if row.id in entries:
                continue
            there = placed_at(row.lat, row.lon, row.position_source, row.position_radius_m)
            distance = distance_apart(here, there)
            precise = all(
                side is not None and resolves(side.source, side.radius_m, PREMISE_RADIUS_M)
                for side in (here, there)
            )
            if not same_area and (distance is None or distance > PREMISE_RADIUS_M or not precise):
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
                approximate=distance is not None and not precise,
            )
    return tuple(sorted(entries.values(), key=lambda entry: entry.created_at, reverse=True)[:limit])


def _is_village(code: str) -> bool:
    return code.count(".") == AreaLevel.VILLAGE - 1
