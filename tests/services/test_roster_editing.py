"""Supervisors edit the roster; every change is audited; a unit at work cannot be taken off it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from dispatch.catalogue_files import load_demo_roster
from dispatch.domain.enums import AgencyType, Role, UnitStatus
from dispatch.domain.roster import UnitSpec
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, dispatching, queries, roster
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import UnitView
from dispatch.store.tables import Unit, UnitStatusChange
from tests.services.support import audited, signal, unit

NEW = UnitSpec(
    call_sign="DEMO-PSC-09",
    agency_type=AgencyType.MEDICAL,
    agency_name="PSC 119 Kota Semarang (DEMO)",
    station="Puskesmas Tembalang",
    lat=-7.0525,
    lon=110.4381,
    capabilities=("ambulance_bls",),
    radio="HT kanal DEMO-4",
    phone="024-7460112",
)


@pytest.fixture
def dispatcher(ctx: ServiceContext) -> ServiceContext:
    accounts.create_user(ctx, "budi", "Budi", "sandi-rahasia-1", "sandi-rahasia-1", Role.DISPATCHER)
    result = accounts.log_in(ctx, "budi", "sandi-rahasia-1")
    assert result.actor is not None
    return ctx.acting_as(result.actor)


def test_create_unit_is_audited_and_available(ctx: ServiceContext) -> None:
    view, rows = audited(ctx, lambda: roster.create_unit(ctx, NEW))
    assert view.status is UnitStatus.AVAILABLE
    assert view.phone == "024-7460112"
    assert [r.action for r in rows] == ["unit.create"]
    assert json.loads(rows[0].detail or "")["call_sign"] == "DEMO-PSC-09"
    assert unit(ctx, "DEMO-PSC-09").capabilities == ("ambulance_bls",)
    with ctx.database.sessions() as session:
        history = session.scalars(select(UnitStatusChange).where(UnitStatusChange.unit_id == view.id)).all()
    assert [h.to_status for h in history] == ["available"]


def test_call_signs_are_unique_ignoring_case(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError) as refused:
        roster.create_unit(ctx, replace(NEW, call_sign="demo-pol-01"))
    assert refused.value.code == "call_sign_taken"
    other = unit(ctx, "DEMO-POL-02")
    with pytest.raises(ServiceError, match="call_sign_taken"):
        roster.update_unit(ctx, other.id, replace(roster.spec_of(other), call_sign="DEMO-POL-01"))


def test_only_supervisors_edit(dispatcher: ServiceContext) -> None:
    target = unit(dispatcher, "DEMO-POL-01")
    for action in (
        lambda: roster.create_unit(dispatcher, NEW),
        lambda: roster.update_unit(dispatcher, target.id, roster.spec_of(target)),
        lambda: roster.set_unit_active(dispatcher, target.id, False),
        lambda: roster.import_units(dispatcher, [NEW]),
    ):
        with pytest.raises(ServiceError) as refused:
            action()
        assert refused.value.code == "supervisor_only"
    assert len(roster.export_units(dispatcher)) == len(load_demo_roster())


def test_a_unit_at_work_may_be_edited_but_not_deactivated(ctx: ServiceContext) -> None:
    target = unit(ctx, "DEMO-PSC-01")
    incident = _incident(ctx)
    dispatching.assign_units(ctx, incident, [target.id])
    edited, rows = audited(
        ctx, lambda: roster.update_unit(ctx, target.id, replace(roster.spec_of(target), radio="HT kanal 9"))
    )
    assert edited.radio == "HT kanal 9"
    assert json.loads(rows[0].detail or "")["changed"] == {"radio": [target.radio, "HT kanal 9"]}
    with pytest.raises(ServiceError) as refused:
        roster.set_unit_active(ctx, target.id, False)
    assert refused.value.code == "unit_committed"
    with pytest.raises(ServiceError, match="unit_committed"):
        roster.update_unit(ctx, target.id, replace(roster.spec_of(target), active=False))


def test_deactivated_units_leave_the_board_but_stay_on_the_roster(ctx: ServiceContext) -> None:
    target = unit(ctx, "DEMO-POL-05")
    dispatching.set_unit_status(ctx, target.id, UnitStatus.OUT_OF_SERVICE)
    _, rows = audited(ctx, lambda: roster.set_unit_active(ctx, target.id, False))
    assert [r.action for r in rows] == ["unit.deactivate"]
    assert "DEMO-POL-05" not in {u.call_sign for u in queries.units(ctx)}
    exported = {spec.call_sign: spec for spec in roster.export_units(ctx)}
    assert exported["DEMO-POL-05"].active is False
    roster.set_unit_active(ctx, target.id, True)
    assert "DEMO-POL-05" in {u.call_sign for u in queries.units(ctx)}


def test_import_adds_updates_and_reports(ctx: ServiceContext) -> None:
    busy = unit(ctx, "DEMO-SAR-02")
    dispatching.assign_units(ctx, _incident(ctx), [busy.id])
    changed = replace(roster.spec_of(unit(ctx, "DEMO-POL-01")), phone="024-8311112")
    same = roster.spec_of(unit(ctx, "DEMO-POL-02"))
    deactivate_busy = replace(roster.spec_of(busy), active=False)
    specs = [NEW, changed, same, deactivate_busy]
    preview = roster.preview_import(ctx, specs)
    report, rows = audited(ctx, lambda: roster.import_units(ctx, specs))
    assert preview == report
    assert report == roster.ImportReport(
        added=("DEMO-PSC-09",),
        updated=("DEMO-POL-01",),
        unchanged=("DEMO-POL-02",),
        refused=(("DEMO-SAR-02", "unit_committed"),),
    )
    assert [r.action for r in rows] == ["roster.import"]
    assert unit(ctx, "DEMO-POL-01").phone == "024-8311112"
    assert unit(ctx, "DEMO-SAR-02").active
    with ctx.database.sessions() as session:
        assert session.scalar(select(Unit.station).where(Unit.call_sign == "DEMO-PSC-09")) == NEW.station
    again = roster.import_units(ctx, roster.export_units(ctx))
    assert again.added == again.updated == ()


def _incident(ctx: ServiceContext) -> int:
    call = calls.record_signal(ctx, signal(SignalKind.RING, ctx.clock.now(), call_id="c-1"))
    assert call is not None
    _, incident = calls.answer_call(ctx, call.id)
    return incident.id


def test_a_deactivated_unit_cannot_be_dispatched_from_a_stale_board(
    ctx: ServiceContext, clock: object
) -> None:
    target = unit(ctx, "DEMO-POL-03")
    roster.set_unit_active(ctx, target.id, False)
    ringing = calls.record_signal(
        ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now(), "081234567899")
    )
    assert ringing is not None
    incident = calls.answer_call(ctx, ringing.id)[1]
    with pytest.raises(ServiceError) as refused:
        dispatching.assign_units(ctx, incident.id, [target.id])  # the id a stale board still holds
    assert refused.value.code == "unit_not_available"
    assert queries.assignments(ctx, incident.id) == []


def test_an_import_without_some_columns_keeps_what_the_roster_has_in_them(ctx: ServiceContext) -> None:
    inactive = _on_roster(ctx, "DEMO-POL-02")
    roster.set_unit_active(ctx, inactive.id, False)
    kept = {name: roster.spec_of(_on_roster(ctx, name)) for name in ("DEMO-POL-01", "DEMO-POL-02")}
    assert kept["DEMO-POL-01"].station
    assert kept["DEMO-POL-01"].capabilities
    assert kept["DEMO-POL-01"].has_position
    # A file with only the required columns and the phone: the other fields of known units stay.
    specs = [
        UnitSpec("DEMO-POL-01", AgencyType.POLICE, "Polrestabes (DEMO)", "", None, None, (), "", "024-1"),
        UnitSpec(
            "DEMO-POL-02",
            AgencyType.POLICE,
            kept["DEMO-POL-02"].agency_name,
            "",
            None,
            None,
            (),
            "",
            kept["DEMO-POL-02"].phone,
        ),
        replace(NEW, station="", lat=None, lon=None, capabilities=(), radio=""),
    ]
    columns = frozenset({"call_sign", "agency_type", "agency_name", "phone"})
    preview = roster.preview_import(ctx, specs, columns)
    report = roster.import_units(ctx, specs, columns)
    assert preview == report
    assert report == roster.ImportReport(
        added=("DEMO-PSC-09",), updated=("DEMO-POL-01",), unchanged=("DEMO-POL-02",)
    )
    assert roster.spec_of(unit(ctx, "DEMO-POL-01")) == replace(
        kept["DEMO-POL-01"], agency_name="Polrestabes (DEMO)", phone="024-1"
    )
    # No "active" column: a deactivated unit stays off the roster.
    assert roster.spec_of(_on_roster(ctx, "DEMO-POL-02")) == kept["DEMO-POL-02"]
    # A new unit gets the defaults: empty fields, active.
    added = roster.spec_of(unit(ctx, "DEMO-PSC-09"))
    assert (added.station, added.has_position, added.capabilities, added.active) == ("", False, (), True)
    again = roster.import_units(ctx, specs, columns)
    assert again == roster.ImportReport(unchanged=("DEMO-POL-01", "DEMO-POL-02", "DEMO-PSC-09"))


def _on_roster(ctx: ServiceContext, call_sign: str) -> UnitView:
    return next(view for view in roster.roster_units(ctx) if view.call_sign == call_sign)
