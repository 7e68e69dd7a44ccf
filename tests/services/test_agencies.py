"""Supervisors keep the agency directory: every change audited and announced; whom an incident goes to."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from dispatch.catalogue_files import load_default_catalogue, load_demo_agencies
from dispatch.domain.agencies import AgencyProblem, AgencyReach, AgencySpec
from dispatch.domain.agencies_csv import write_agency_csv
from dispatch.domain.areas import AreaLevel, area_index
from dispatch.domain.clock import ManualClock
from dispatch.domain.csv_files import CsvFileError, CsvProblem
from dispatch.domain.enums import AgencyType, Role
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, agencies, calls, incidents, locations
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import Database
from dispatch.store.tables import Agency, AuditEntry
from tests.services.support import audited, signal

NEW = AgencySpec(
    code="DAMKAR-POS-TIMUR",
    name="Damkar Pos Timur (DEMO)",
    agency_type=AgencyType.FIRE,
    reach=AgencyReach.FORWARD,
    areas=("33.74.10", "33.74.06"),
    phones=("(024) 7600-0999",),
    sms_number="0811-2700-0999",
    hours="24 jam",
    ack_limit_s=180,
)


@pytest.fixture
def directory(ctx: ServiceContext) -> dict[str, int]:
    """The demonstration directory imported as a supervisor would (codes -> ids)."""
    agencies.import_agencies(ctx, write_agency_csv(load_demo_agencies()).encode("utf-8-sig"))
    return {view.code: view.id for view in agencies.agencies(ctx)}


@pytest.fixture
def dispatcher(ctx: ServiceContext) -> ServiceContext:
    accounts.create_user(ctx, "budi", "Budi", "sandi-rahasia-1", "sandi-rahasia-1", Role.DISPATCHER)
    result = accounts.log_in(ctx, "budi", "sandi-rahasia-1")
    assert result.actor is not None
    return ctx.acting_as(result.actor)


def test_an_agency_added_is_audited_and_announced(ctx: ServiceContext, changes: list[Change]) -> None:
    view, rows = audited(ctx, lambda: agencies.create_agency(ctx, NEW))
    assert view.spec == NEW
    assert view.updated_at == ctx.clock.now()
    assert [row.action for row in rows] == ["agency.create"]
    assert rows[0].entity_id == str(view.id)
    assert json.loads(rows[0].detail or "")["fields"]["areas"] == "33.74.10;33.74.06"
    assert changes[-1] == Change(Topic.DIRECTORY, (view.id,))
    with ctx.database.sessions() as session:
        row = session.get(Agency, view.id)
        assert row is not None
        assert (row.areas, row.phones, row.ack_limit_s) == ("33.74.10;33.74.06", "(024) 7600-0999", 180)
    assert agencies.agency(ctx, view.id) == view


def test_codes_are_unique_whatever_their_case(ctx: ServiceContext, directory: dict[str, int]) -> None:
    with pytest.raises(ServiceError) as refused:
        agencies.create_agency(ctx, replace(NEW, code="damkar-smg"))
    assert refused.value.code == "agency_code_taken"
    other = agencies.agency(ctx, directory["POLSEK-TUGU"])
    assert other is not None
    with pytest.raises(ServiceError, match="agency_code_taken"):
        agencies.update_agency(ctx, other.id, replace(other.spec, code="Polsek-Tembalang"))


def test_a_change_audits_what_changed_and_nothing_when_nothing_did(
    ctx: ServiceContext, directory: dict[str, int], changes: list[Change], clock: ManualClock
) -> None:
    polsek = agencies.agency(ctx, directory["POLSEK-TEMBALANG"])
    assert polsek is not None
    clock.advance(60)
    spec = replace(polsek.spec, phones=("(024) 7600-0210", "0811-2700-0210"), ack_limit_s=240)
    view, rows = audited(ctx, lambda: agencies.update_agency(ctx, polsek.id, spec))
    assert view.spec == spec
    assert view.updated_at == clock.now()
    assert [row.action for row in rows] == ["agency.update"]
    detail = json.loads(rows[0].detail or "")
    assert detail["changed"] == {
        "phones": ["(024) 7600-0210", "(024) 7600-0210;0811-2700-0210"],
        "ack_limit": ["5m", "4m"],
    }
    assert changes[-1] == Change(Topic.DIRECTORY, (polsek.id,))
    seen = len(changes)
    _same, rows = audited(ctx, lambda: agencies.update_agency(ctx, polsek.id, spec))
    assert rows == []
    assert len(changes) == seen


def test_a_deactivated_agency_is_kept_and_no_longer_offered(
    ctx: ServiceContext, directory: dict[str, int], clock: ManualClock
) -> None:
    incident_id = _incident(ctx, clock, "FIRE", _village("33.74.10"))
    assert [c.spec.code for c in agencies.forward_choices(ctx, incident_id)] == ["DAMKAR-SMG"]
    view, rows = audited(ctx, lambda: agencies.set_agency_active(ctx, directory["DAMKAR-SMG"], False))
    assert view.active is False
    assert json.loads(rows[0].detail or "")["changed"] == {"active": ["yes", "no"]}
    assert agencies.forward_choices(ctx, incident_id) == []
    assert "DAMKAR-SMG" in {v.code for v in agencies.agencies(ctx)}
    assert "DAMKAR-SMG" not in {v.code for v in agencies.agencies(ctx, include_inactive=False)}
    assert agencies.set_agency_active(ctx, directory["DAMKAR-SMG"], True).active is True


def test_whom_to_call_for_an_incident_in_tembalang(
    ctx: ServiceContext, directory: dict[str, int], clock: ManualClock
) -> None:
    village = _village("33.74.10")
    fire = _incident(ctx, clock, "FIRE", village)
    assert [(c.agency_id, c.agency_type, c.coverage) for c in agencies.forward_choices(ctx, fire)] == [
        (directory["DAMKAR-SMG"], AgencyType.FIRE, 2)
    ]
    crime = _incident(ctx, clock, "CRIM", village)
    assert [c.spec.code for c in agencies.forward_choices(ctx, crime)] == ["POLSEK-TEMBALANG"]
    accident = _incident(ctx, clock, "LAKA", village)
    choices = agencies.forward_choices(ctx, accident)
    assert [(c.spec.code, c.spec.reach) for c in choices] == [
        ("PSC119-SMG", AgencyReach.ROOM),
        ("POLSEK-TEMBALANG", AgencyReach.FORWARD),
    ]
    nowhere = _incident(ctx, clock, "CRIM", None)
    assert [c.spec.code for c in agencies.forward_choices(ctx, nowhere, "33.74")] == ["POLRESTABES-SMG"]
    assert agencies.forward_choices(ctx, nowhere) == []
    uncategorised = _incident(ctx, clock, None, village)
    assert agencies.forward_choices(ctx, uncategorised) == []
    assert agencies.forward_choices(ctx, 999_999) == []


def test_every_category_of_the_catalogue_finds_an_agency_in_every_kecamatan(
    ctx: ServiceContext, directory: dict[str, int], clock: ManualClock
) -> None:
    incident_id = _incident(ctx, clock, "MED", _village("33.74.01"))
    for kecamatan in range(1, 17):
        locations.set_area(ctx, incident_id, _village(f"33.74.{kecamatan:02d}"))
        for category in load_default_catalogue():
            incidents.update_field(ctx, incident_id, "category", category.code, load_default_catalogue())
            choices = agencies.forward_choices(ctx, incident_id)
            needs = {choice.agency_type for choice in choices}
            assert set(category.agencies) <= needs, (kecamatan, category.code)


def test_a_spec_built_by_hand_with_an_unknown_area_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError) as refused:
        agencies.create_agency(ctx, replace(NEW, areas=("33.74.99",)))
    assert refused.value.code == "agency_invalid"
    assert refused.value.details["problems"] == {"areas": AgencyProblem.UNKNOWN_AREA.value}


def test_only_a_supervisor_keeps_the_directory(
    dispatcher: ServiceContext, ctx: ServiceContext, directory: dict[str, int]
) -> None:
    damkar = directory["DAMKAR-SMG"]
    spec = load_demo_agencies()[0]
    for attempt in (
        lambda: agencies.create_agency(dispatcher, NEW),
        lambda: agencies.update_agency(dispatcher, damkar, replace(spec, hours="")),
        lambda: agencies.set_agency_active(dispatcher, damkar, False),
        lambda: agencies.import_agencies(dispatcher, b"code,name,agency_type\nX,X,fire\n"),
    ):
        with pytest.raises(ServiceError) as refused:
            attempt()
        assert refused.value.code == "supervisor_only"
    # Reading the directory and whom to call is everyone's work.
    assert len(agencies.agencies(dispatcher)) == len(directory)
    assert agencies.can_edit(ctx)
    assert not agencies.can_edit(dispatcher)


def test_import_previews_then_adds_and_updates_in_one_audited_change(
    ctx: ServiceContext, directory: dict[str, int], changes: list[Change]
) -> None:
    data = (
        "\ufeffCode;Name;Agency type;Phones;Ack limit\r\n"
        "POLSEK-TUGU;Polsek Tugu (DEMO);police;(024) 7600-0216 | 0811-2700-0216;5m\r\n"
        "DAMKAR-SMG;Damkar Kota Semarang (DEMO);fire;(024) 7600-0113 / 0811-2700-0113;3 menit\r\n"
        "DAMKAR-POS-TIMUR;Damkar Pos Timur;fire;024-7600999;2 menit\r\n"
        "BAD-1;Kodim;army;024-1;5m\r\n"
        ";Tanpa kode;fire;abc;lama\r\n"
    ).encode()
    before = agencies.agencies(ctx)
    seen = len(changes)
    preview = agencies.preview_import(ctx, data)
    assert agencies.agencies(ctx) == before
    assert len(changes) == seen
    assert preview.added == ("DAMKAR-POS-TIMUR",)
    assert preview.updated == ("POLSEK-TUGU",)
    assert preview.unchanged == ("DAMKAR-SMG",)
    assert {(row.line, row.column, row.problem) for row in preview.rejected} == {
        (5, "agency_type", AgencyProblem.UNKNOWN_TYPE),
        (6, "code", AgencyProblem.MISSING),
        (6, "phones", AgencyProblem.NOT_A_PHONE),
        (6, "ack_limit", AgencyProblem.NOT_A_DURATION),
    }
    assert preview.rejected_lines == 2
    assert str(next(row for row in preview.rejected if row.line == 5)).startswith(
        "line 5, agency_type: unknown agency type"
    )

    report, rows = audited(ctx, lambda: agencies.import_agencies(ctx, data))
    assert (report.added, report.updated, report.unchanged) == (
        preview.added,
        preview.updated,
        preview.unchanged,
    )
    assert [row.action for row in rows] == ["agency.import"]
    detail = json.loads(rows[0].detail or "")
    assert detail == {
        "added": ["DAMKAR-POS-TIMUR"],
        "updated": ["POLSEK-TUGU"],
        "unchanged": 1,
        "rejected_rows": 2,
    }
    tugu = agencies.agency(ctx, directory["POLSEK-TUGU"])
    assert tugu is not None
    # Only the file's columns changed: the areas, SMS number and hours the file does not have stay.
    assert tugu.phones == ("(024) 7600-0216", "0811-2700-0216")
    assert tugu.areas == ("33.74.16",)
    assert tugu.sms_number == "0811-2700-0216"
    assert tugu.hours == "24 jam"
    added = next(view for view in agencies.agencies(ctx) if view.code == "DAMKAR-POS-TIMUR")
    assert added.ack_limit_s == 120
    assert added.reach is AgencyReach.FORWARD
    assert changes[-1] == Change(Topic.DIRECTORY, (directory["POLSEK-TUGU"], added.id))


def test_a_file_that_is_not_a_directory_is_refused_whole(ctx: ServiceContext) -> None:
    with pytest.raises(CsvFileError) as refused:
        agencies.preview_import(ctx, b"call_sign,agency_type,agency_name\nX,fire,Damkar\n")
    assert refused.value.problem is CsvProblem.UNKNOWN_COLUMN
    with pytest.raises(CsvFileError) as refused:
        agencies.import_agencies(ctx, b"code,name\nX,Y\n")
    assert refused.value.problem is CsvProblem.MISSING_COLUMN
    assert agencies.agencies(ctx) == []


def test_export_imports_back_unchanged(ctx: ServiceContext, directory: dict[str, int]) -> None:
    agencies.set_agency_active(ctx, directory["DLH-SMG"], False)
    data = agencies.export_agencies(ctx)
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").splitlines()[0] == (
        "code,name,agency_type,reach,areas,categories,phones,radio,sms_number,hours,ack_limit,note,active"
    )
    report = agencies.preview_import(ctx, data)
    assert report.added == report.updated == report.rejected == ()
    assert len(report.unchanged) == len(directory)


def test_the_demonstration_directory_goes_into_a_training_database_once(
    training_database: Database, clock: ManualClock, bus: ChangeBus
) -> None:
    ctx = accounts.register_console(training_database, clock, bus, "LATIH-01", "test-host")
    demo = load_demo_agencies()
    assert agencies.load_agencies(ctx, demo) == len(demo) == 27
    assert agencies.load_agencies(ctx, demo) == 0
    codes = {view.code for view in agencies.agencies(ctx)}
    assert {"DAMKAR-SMG", "POLSEK-TEMBALANG", "POLRESTABES-SMG", "PSC119-SMG"} <= codes
    assert len([code for code in codes if code.startswith("POLSEK-")]) == 16
    with training_database.sessions() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.action == "agency.import")).all()
    assert actions == ["agency.import"]


def test_the_demonstration_directory_is_refused_by_a_live_database(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError) as refused:
        agencies.load_agencies(ctx, load_demo_agencies())
    assert refused.value.code == "training_only"
    with ctx.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Agency)) == 0


def test_the_demonstration_directory_matches_the_issue() -> None:
    demo = {spec.code: spec for spec in load_demo_agencies()}
    damkar = demo["DAMKAR-SMG"]
    assert (damkar.agency_type, damkar.reach, damkar.areas, damkar.ack_limit_s) == (
        AgencyType.FIRE,
        AgencyReach.FORWARD,
        ("33.74",),
        180,
    )
    assert damkar.sms_number
    kecamatan = [place.code for place in area_index().places("33.74", AreaLevel.DISTRICT)]
    polseks = [spec for spec in demo.values() if spec.code.startswith("POLSEK-")]
    assert len(kecamatan) == 16
    assert sorted(area for spec in polseks for area in spec.areas) == kecamatan
    assert all(spec.ack_limit_s == 300 and spec.reach is AgencyReach.FORWARD for spec in polseks)
    assert demo["POLSEK-TEMBALANG"].areas == ("33.74.10",)
    assert demo["POLRESTABES-SMG"].reach is AgencyReach.ROOM
    assert demo["PSC119-SMG"].reach is AgencyReach.ROOM
    assert all("(DEMO)" in spec.name for spec in demo.values())


def _village(kecamatan: str) -> str:
    return area_index().places(kecamatan, AreaLevel.VILLAGE)[0].code


def _incident(ctx: ServiceContext, clock: ManualClock, category: str | None, area_code: str | None) -> int:
    clock.advance(30)
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), line=None))
    assert ringing is not None
    clock.advance(5)
    incident = calls.answer_call(ctx, ringing.id)[1]
    if category is not None:
        incidents.update_field(ctx, incident.id, "category", category, load_default_catalogue())
    if area_code is not None:
        locations.set_area(ctx, incident.id, area_code)
    return incident.id
