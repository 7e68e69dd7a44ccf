"""Frozen views handed to the UI; the UI never sees a session or an ORM object."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from dispatch.domain.enums import (
    AgencyType,
    CallClass,
    CallState,
    Disposition,
    IncidentStatus,
    Presentation,
    Priority,
    UnitStatus,
)
from dispatch.domain.flags import IncidentFlag, parse_flags
from dispatch.domain.forwarding import CLOSED_STATES, ForwardState, ack_overdue
from dispatch.domain.phone import format_national
from dispatch.domain.positions import AmlState, PlacedPosition, PositionSource, placed_at
from dispatch.store.tables import AmlMessage, Assignment, Call, Incident, IncidentNote, Unit


@dataclass(frozen=True)
class CallView:
    id: int
    feed: str
    line: str | None
    number_raw: str
    number_e164: str | None
    presentation: Presentation
    number_description: str
    caller_name: str | None
    state: CallState
    ring_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    classification: CallClass | None
    incident_id: int | None
    incident_number: str | None
    #: Formatted once here: boards repaint often, and phonenumbers is slow for a paint.
    number_national: str = ""

    @staticmethod
    def of(row: Call, incident_number: str | None = None) -> CallView:
        return CallView(
            id=row.id,
            feed=row.feed,
            line=row.line,
            number_raw=row.number_raw,
            number_e164=row.number_e164,
            presentation=Presentation(row.presentation),
            number_description=row.number_description,
            caller_name=row.caller_name,
            state=CallState(row.state),
            ring_at=row.ring_at,
            answered_at=row.answered_at,
            ended_at=row.ended_at,
            classification=CallClass(row.classification) if row.classification else None,
            incident_id=row.incident_id,
            incident_number=incident_number,
            number_national=format_national(row.number_e164) if row.number_e164 else row.number_raw,
        )


@dataclass(frozen=True)
class ForwardBrief:
    """A forwarding as the incident board shows it (``services.forwarding`` has the whole of it)."""

    forwarding_id: int
    agency_name: str
    state: ForwardState
    ack_due_at: datetime
    acknowledged_at: datetime | None

    @property
    def open(self) -> bool:
        return self.state not in CLOSED_STATES

    def overdue(self, now: datetime) -> bool:
        """Open, not acknowledged, and its acknowledgement limit reached."""
        return ack_overdue(self.state, self.acknowledged_at, self.ack_due_at, now)


@dataclass(frozen=True)
class IncidentView:
    id: int
    number: str
    category: str | None
    priority: Priority
    status: IncidentStatus
    disposition: Disposition | None
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    caller_name: str
    callback_number: str
    province: str
    regency: str
    district: str
    village: str
    rt: str
    rw: str
    street: str
    house_number: str
    postcode: str
    landmark: str
    lat: float | None
    lon: float | None
    units: tuple[str, ...] = ()
    area_code: str = ""
    flags: frozenset[IncidentFlag] = frozenset()
    #: Where ``lat``/``lon`` came from and how far off they may be (migration 0015).
    position_source: PositionSource = PositionSource.NONE
    position_radius_m: float | None = None
    position_at: datetime | None = None
    position_method: str = ""
    #: The incident's forwardings to agencies, open and closed, in the order they were made (filled by
    #: the board's queries: ``queries.active_incidents``, ``incident``, ``incidents_by_id``).
    forwardings: tuple[ForwardBrief, ...] = ()

    @property
    def placed(self) -> PlacedPosition | None:
        """The position with its source and precision (an area's centre named by the area), or None."""
        placed = placed_at(self.lat, self.lon, self.position_source, self.position_radius_m)
        if placed is None:
            return None
        place = {PositionSource.VILLAGE: self.village, PositionSource.DISTRICT: self.district}
        return replace(
            placed, at=self.position_at, method=self.position_method, place=place.get(placed.source, "")
        )

    @property
    def location_summary(self) -> str:
        """One line for boards: street and number, RT/RW, kelurahan, landmark."""
        parts = []
        street = " ".join(p for p in (self.street, self.house_number) if p)
        if street:
            parts.append(street)
        if self.rt or self.rw:
            parts.append(f"RT {self.rt or '-'}/RW {self.rw or '-'}")
        if self.village:
            parts.append(self.village)
        if self.landmark:
            parts.append(f"({self.landmark})")
        if not parts and self.lat is not None and self.lon is not None:
            parts.append(f"{self.lat:.5f}, {self.lon:.5f}")
        return ", ".join(parts)

    def field_value(self, field: str) -> object:
        return getattr(self, field)

    @staticmethod
    def of(
        row: Incident, units: tuple[str, ...] = (), forwardings: tuple[ForwardBrief, ...] = ()
    ) -> IncidentView:
        return IncidentView(
            id=row.id,
            number=row.number,
            category=row.category,
            priority=Priority(row.priority),
            status=IncidentStatus(row.status),
            disposition=Disposition(row.disposition) if row.disposition else None,
            created_at=row.created_at,
            updated_at=row.updated_at,
            closed_at=row.closed_at,
            caller_name=row.caller_name,
            callback_number=row.callback_number,
            province=row.province,
            regency=row.regency,
            district=row.district,
            village=row.village,
            rt=row.rt,
            rw=row.rw,
            street=row.street,
            house_number=row.house_number,
            postcode=row.postcode,
            landmark=row.landmark,
            lat=row.lat,
            lon=row.lon,
            units=units,
            area_code=row.area_code or "",
            flags=parse_flags(row.flags or ""),
            position_source=PositionSource(row.position_source or ""),
            position_radius_m=row.position_radius_m,
            position_at=row.position_at,
            position_method=row.position_method or "",
            forwardings=forwardings,
        )


@dataclass(frozen=True)
class NoteView:
    id: int
    incident_id: int
    at: datetime
    author: str
    kind: str
    text: str
    #: The note this one corrects (notes are never edited in place).
    corrects_id: int | None = None

    @staticmethod
    def of(row: IncidentNote, author: str) -> NoteView:
        return NoteView(row.id, row.incident_id, row.at, author, row.kind, row.text, row.corrects_id)


@dataclass(frozen=True)
class UnitView:
    id: int
    call_sign: str
    agency_type: AgencyType
    agency_name: str
    station: str
    capabilities: tuple[str, ...]
    radio: str
    status: UnitStatus
    status_since: datetime
    lat: float | None
    lon: float | None
    incident_id: int | None = None
    incident_number: str | None = None
    phone: str = ""
    #: Last known position; None when only the station's is known.
    last_lat: float | None = None
    last_lon: float | None = None
    active: bool = True

    @property
    def position(self) -> tuple[float, float] | None:
        """Where the unit is thought to be: last reported position, else its station."""
        if self.last_lat is not None and self.last_lon is not None:
            return self.last_lat, self.last_lon
        if self.lat is not None and self.lon is not None:
            return self.lat, self.lon
        return None

    @staticmethod
    def of(row: Unit, incident_id: int | None = None, incident_number: str | None = None) -> UnitView:
        return UnitView(
            id=row.id,
            call_sign=row.call_sign,
            agency_type=AgencyType(row.agency_type),
            agency_name=row.agency_name,
            station=row.station,
            capabilities=tuple(c for c in row.capabilities.split(",") if c),
            radio=row.radio,
            status=UnitStatus(row.status),
            status_since=row.status_since,
            lat=row.lat,
            lon=row.lon,
            incident_id=incident_id,
            incident_number=incident_number,
            phone=row.phone or "",
            last_lat=row.last_lat,
            last_lon=row.last_lon,
            active=row.active,
        )


@dataclass(frozen=True)
class AssignmentView:
    id: int
    incident_id: int
    unit_id: int
    call_sign: str
    agency_type: AgencyType
    unit_status: UnitStatus
    dispatched_at: datetime
    acknowledged_at: datetime | None
    en_route_at: datetime | None
    on_scene_at: datetime | None
    cleared_at: datetime | None
    cancelled_at: datetime | None

    @property
    def active(self) -> bool:
        return self.cleared_at is None and self.cancelled_at is None

    @staticmethod
    def of(row: Assignment, unit: Unit) -> AssignmentView:
        return AssignmentView(
            id=row.id,
            incident_id=row.incident_id,
            unit_id=unit.id,
            call_sign=unit.call_sign,
            agency_type=AgencyType(unit.agency_type),
            unit_status=_assignment_status(row, unit),
            dispatched_at=row.dispatched_at,
            acknowledged_at=row.acknowledged_at,
            en_route_at=row.en_route_at,
            on_scene_at=row.on_scene_at,
            cleared_at=row.cleared_at,
            cancelled_at=row.cancelled_at,
        )


def _assignment_status(row: Assignment, unit: Unit) -> UnitStatus:
    """A finished assignment shows how it ended, not what the unit is doing now."""
    if row.cleared_at is not None:
        return UnitStatus.CLEARED
    if row.cancelled_at is not None:
        return UnitStatus.CANCELLED
    return UnitStatus(unit.status)


@dataclass(frozen=True)
class AmlView:
    """A handset's position (an AML SMS) as stored, and what became of it (``services.aml``)."""

    id: int
    feed: str
    received_at: datetime
    sender_raw: str
    sender_e164: str | None
    #: None when the handset sent no position (method "none": state NO_FIX).
    lat: float | None
    lon: float | None
    radius_m: float | None
    fixed_at: datetime | None
    confidence: int | None
    #: ``domain.aml.AmlMethod`` value (gnss, wifi, cell, none).
    method: str
    state: AmlState
    call_id: int | None
    incident_id: int | None

    @property
    def sender_national(self) -> str:
        """The sender as a call-taker would dial it back."""
        return format_national(self.sender_e164) if self.sender_e164 else self.sender_raw

    @property
    def placed(self) -> PlacedPosition | None:
        """The position as it would stand on an incident, or None without one."""
        if self.lat is None or self.lon is None:
            return None
        at = self.fixed_at or self.received_at
        return PlacedPosition(self.lat, self.lon, PositionSource.AML, self.radius_m, at, self.method)

    @staticmethod
    def of(row: AmlMessage) -> AmlView:
        return AmlView(
            id=row.id,
            feed=row.feed,
            received_at=row.received_at,
            sender_raw=row.sender_raw,
            sender_e164=row.sender_e164,
            lat=row.lat,
            lon=row.lon,
            radius_m=row.radius_m,
            fixed_at=row.fixed_at,
            confidence=row.confidence,
            method=row.method or "",
            state=AmlState(row.state),
            call_id=row.call_id,
            incident_id=row.incident_id,
        )
