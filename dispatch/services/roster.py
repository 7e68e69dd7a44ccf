"""Editing the unit roster: supervisors add, change, deactivate, import and export units.

A unit is never deleted: its status history and assignments are the record of what was sent.
Deactivating takes it off the board and out of recommendations, and is allowed only while it is not
working an incident (available, off duty or out of service).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.permissions import Action, can
from dispatch.domain.roster import UNIT_FIELDS, UnitSpec
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.snapshots import UnitView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import Unit, UnitStatusChange

#: Roles that may edit the roster.
#: Statuses in which a unit may be taken off (or put back on) the roster.
IDLE_STATUSES = frozenset({UnitStatus.AVAILABLE, UnitStatus.OFF_DUTY, UnitStatus.OUT_OF_SERVICE})


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, previewed, would do), by call sign."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    #: (call sign, refusal code): e.g. deactivating a unit that is working an incident.
    refused: tuple[tuple[str, str], ...] = ()


def can_edit(ctx: ServiceContext) -> bool:
    return can(ctx.actor.role, Action.EDIT_ROSTER)


def _require_editor(ctx: ServiceContext) -> None:
    if not can_edit(ctx):
        raise ServiceError(Refusal.SUPERVISOR_ONLY)


def roster_units(ctx: ServiceContext) -> list[UnitView]:
    """Every unit, inactive ones included, by agency and call sign (the roster dialog's table)."""
    with ctx.database.sessions() as session:
        rows = session.scalars(select(Unit).order_by(Unit.agency_type, Unit.call_sign))
        return [UnitView.of(row) for row in rows]


def spec_of(view: UnitView) -> UnitSpec:
    """A unit's roster fields (what export writes and the form edits)."""
    return UnitSpec(
        call_sign=view.call_sign,
        agency_type=view.agency_type,
        agency_name=view.agency_name,
        station=view.station,
        lat=view.lat,
        lon=view.lon,
        capabilities=view.capabilities,
        radio=view.radio,
        phone=view.phone,
        active=view.active,
    )


def create_unit(ctx: ServiceContext, spec: UnitSpec) -> UnitView:
    _require_editor(ctx)
    with unit_of_work(ctx) as work:
        session = work.session
        if _by_call_sign(session, spec.call_sign) is not None:
            raise ServiceError(Refusal.CALL_SIGN_TAKEN, call_sign=spec.call_sign)
        unit = add_unit_row(session, ctx, spec)
        audit(session, ctx, AuditAction.UNIT_CREATE, "unit", unit.id, **_detail(spec))
        view = UnitView.of(unit)
        work.announce(Change(Topic.UNITS, (view.id,)))
    return view


def update_unit(ctx: ServiceContext, unit_id: int, spec: UnitSpec) -> UnitView:
    """Change a unit's roster fields; a unit working an incident may be edited, not deactivated."""
    _require_editor(ctx)
    with unit_of_work(ctx) as work:
        session = work.session
        unit = session.get(Unit, unit_id, with_for_update=True)
        if unit is None:
            raise ServiceError(Refusal.NO_SUCH_UNIT, unit_id=unit_id)
        other = _by_call_sign(session, spec.call_sign)
        if other is not None and other.id != unit.id:
            raise ServiceError(Refusal.CALL_SIGN_TAKEN, call_sign=spec.call_sign)
        before = _detail(spec_of(UnitView.of(unit)))
        _check_activity_change(unit, spec.active)
        _apply(unit, spec)
        after = _detail(spec)
        changed = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
        if changed:
            audit(
                session,
                ctx,
                AuditAction.UNIT_UPDATE,
                "unit",
                unit.id,
                call_sign=unit.call_sign,
                changed=changed,
            )
        view = UnitView.of(unit)
        if changed:
            work.announce(Change(Topic.UNITS, (unit_id,)))
    return view


def set_unit_active(ctx: ServiceContext, unit_id: int, active: bool) -> UnitView:
    _require_editor(ctx)
    with unit_of_work(ctx) as work:
        session = work.session
        unit = session.get(Unit, unit_id, with_for_update=True)
        if unit is None:
            raise ServiceError(Refusal.NO_SUCH_UNIT, unit_id=unit_id)
        if unit.active == active:
            return UnitView.of(unit)
        _check_activity_change(unit, active)
        unit.active = active
        audit(
            session,
            ctx,
            AuditAction.UNIT_ACTIVATE if active else AuditAction.UNIT_DEACTIVATE,
            "unit",
            unit.id,
            call_sign=unit.call_sign,
        )
        view = UnitView.of(unit)
        work.announce(Change(Topic.UNITS, (unit_id,)))
    return view


def preview_import(
    ctx: ServiceContext, specs: Sequence[UnitSpec], columns: Collection[str] = UNIT_FIELDS
) -> ImportReport:
    """What :func:`import_units` would do, without writing (the dialog shows it before applying)."""
    with ctx.database.sessions() as session:
        return _import(session, ctx, specs, columns, write=False)


def import_units(
    ctx: ServiceContext, specs: Sequence[UnitSpec], columns: Collection[str] = UNIT_FIELDS
) -> ImportReport:
    """Add units with new call signs and update those known; one transaction, one audit row.

    ``columns`` are those the file has: a known unit keeps its stored value of every other field (a
    file of call signs and phone numbers changes phone numbers only, and reactivates no one); a new
    unit gets the spec's defaults. A unit the file would deactivate while it works an incident is left
    as it is and reported.
    """
    _require_editor(ctx)
    with unit_of_work(ctx) as work:
        session = work.session
        report = _import(session, ctx, specs, columns, write=True)
        if report.added or report.updated:
            audit(
                session,
                ctx,
                AuditAction.ROSTER_IMPORT,
                "unit",
                None,
                added=list(report.added),
                updated=list(report.updated),
                refused=[list(r) for r in report.refused],
            )
        if report.added or report.updated:
            work.announce(Change(Topic.UNITS))
    return report


def export_units(ctx: ServiceContext) -> list[UnitSpec]:
    """Every unit of the roster (inactive ones too), by agency and call sign."""
    return [spec_of(view) for view in roster_units(ctx)]


def _import(
    session: Session,
    ctx: ServiceContext,
    specs: Sequence[UnitSpec],
    columns: Collection[str],
    *,
    write: bool,
) -> ImportReport:
    known = {unit.call_sign.casefold(): unit for unit in session.scalars(select(Unit))}
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    refused: list[tuple[str, str]] = []
    for spec in specs:
        unit = known.get(spec.call_sign.casefold())
        if unit is None:
            if write:
                known[spec.call_sign.casefold()] = add_unit_row(session, ctx, spec)
            added.append(spec.call_sign)
            continue
        stored = spec_of(UnitView.of(unit))
        spec = _within_columns(stored, spec, columns)
        if stored == spec:
            unchanged.append(spec.call_sign)
            continue
        try:
            _check_activity_change(unit, spec.active)
        except ServiceError as error:
            refused.append((spec.call_sign, error.code))
            continue
        if write:
            _apply(unit, spec)
        updated.append(spec.call_sign)
    return ImportReport(tuple(added), tuple(updated), tuple(unchanged), tuple(refused))


def _within_columns(stored: UnitSpec, spec: UnitSpec, columns: Collection[str]) -> UnitSpec:
    """``spec`` with the stored value of every field whose column the file does not have."""
    kept: dict[str, object] = {
        name: getattr(stored, name)
        for name in ("station", "capabilities", "radio", "phone", "active")
        if name not in columns
    }
    # A position is a pair: a file without both columns cannot hold one (a row with only one
    # coordinate is refused), so it keeps the stored position.
    if not {"lat", "lon"} <= set(columns):
        kept.update(lat=stored.lat, lon=stored.lon)
    return replace(spec, **kept)  # type: ignore[arg-type]


def _check_activity_change(unit: Unit, active: bool) -> None:
    if unit.active != active and UnitStatus(unit.status) not in IDLE_STATUSES:
        raise ServiceError(Refusal.UNIT_COMMITTED, call_sign=unit.call_sign, status=unit.status)


def _by_call_sign(session: Session, call_sign: str) -> Unit | None:
    return session.scalars(
        select(Unit).where(func.lower(Unit.call_sign) == call_sign.lower()).limit(1)
    ).first()


def add_unit_row(session: Session, ctx: ServiceContext, spec: UnitSpec) -> Unit:
    """A new unit, available, with its first status-history row (in the caller's transaction)."""
    now = ctx.clock.now()
    unit = Unit(status=UnitStatus.AVAILABLE.value, status_since=now)
    _apply(unit, spec)
    session.add(unit)
    session.flush()
    session.add(
        UnitStatusChange(
            unit_id=unit.id,
            from_status=None,
            to_status=UnitStatus.AVAILABLE.value,
            at=now,
            user_id=ctx.actor.user_id,
            console_id=ctx.console_id,
        )
    )
    return unit


def _apply(unit: Unit, spec: UnitSpec) -> None:
    unit.call_sign = spec.call_sign
    unit.agency_type = AgencyType(spec.agency_type).value
    unit.agency_name = spec.agency_name
    unit.station = spec.station
    unit.lat = spec.lat
    unit.lon = spec.lon
    unit.capabilities = ",".join(spec.capabilities)
    unit.radio = spec.radio
    unit.phone = spec.phone
    unit.active = spec.active


def _detail(spec: UnitSpec) -> dict[str, object]:
    return {
        "call_sign": spec.call_sign,
        "agency_type": spec.agency_type.value,
        "agency_name": spec.agency_name,
        "station": spec.station,
        "lat": spec.lat,
        "lon": spec.lon,
        "capabilities": list(spec.capabilities),
        "radio": spec.radio,
        "phone": spec.phone,
        "active": spec.active,
    }
