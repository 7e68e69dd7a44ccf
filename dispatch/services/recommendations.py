"""Recommending units for an incident from the stored roster and the shipped needs table."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.flags import IncidentFlag, format_flags, parse_flags
from dispatch.domain.recommend import DEFAULT_SPEED_KMH, NeedsTable, Recommendation, parse_needs, recommend
from dispatch.resources import load_json
from dispatch.services import queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.incidents import CLOSED_STATES, active_unit_signs
from dispatch.services.snapshots import IncidentView, UnitView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import Incident

NEEDS_FILE = ("catalogue", "needs.json")


@cache
def _needs_data() -> object:
    return load_json(*NEEDS_FILE)


def load_default_needs(catalogue: Catalogue) -> NeedsTable:
    """The shipped needs table checked against ``catalogue``; ``NeedsError`` if it is not valid."""
    return parse_needs(_needs_data(), catalogue)


def recommend_units(
    incident: IncidentView,
    units: list[UnitView],
    catalogue: Catalogue,
    needs: NeedsTable,
    speed_kmh: float = DEFAULT_SPEED_KMH,
) -> Recommendation:
    """The recommendation for ``incident`` among ``units`` (a snapshot the caller already holds).

    Distances are from the incident's best position (``IncidentView.placed``): typed, the handset's,
    or the centre of its kelurahan or kecamatan.
    """
    wanted = needs.needs_for(catalogue, incident.category, incident.flags)
    assigned = [unit for unit in units if unit.incident_id == incident.id]
    return recommend(wanted, units, incident.placed, speed_kmh=speed_kmh, assigned=assigned)


def recommend_for_incident(
    ctx: ServiceContext,
    incident_id: int,
    catalogue: Catalogue,
    needs: NeedsTable,
    speed_kmh: float = DEFAULT_SPEED_KMH,
) -> Recommendation:
    """Read the incident and the units, then recommend (reads only; nothing is written)."""
    incident = queries.incident(ctx, incident_id)
    if incident is None:
        raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
    return recommend_units(incident, queries.units(ctx), catalogue, needs, speed_kmh)


def set_incident_flags(ctx: ServiceContext, incident_id: int, flags: Iterable[IncidentFlag]) -> IncidentView:
    """Record what is known about the incident (casualties, people trapped); the needs follow."""
    stored = format_flags(flags)
    with unit_of_work(ctx) as work:
        session = work.session
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        if incident.status in CLOSED_STATES:
            raise ServiceError(Refusal.INCIDENT_CLOSED, number=incident.number)
        before = incident.flags or ""
        if format_flags(parse_flags(before)) == stored:
            return IncidentView.of(incident, active_unit_signs(session, incident_id))
        incident.flags = stored
        incident.updated_at = ctx.clock.now()
        audit(session, ctx, AuditAction.INCIDENT_FLAGS, "incident", incident_id, before=before, after=stored)
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        work.announce(Change(Topic.INCIDENTS, (incident_id,)))
    return view
