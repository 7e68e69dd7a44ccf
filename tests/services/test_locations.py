"""An area picked by type-ahead, a pasted position, and previous incidents at the same premises."""

from __future__ import annotations

import pytest

from dispatch.domain.areas import area_index
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Disposition
from dispatch.domain.geo import distance_m
from dispatch.domain.incidents import FieldRejected
from dispatch.domain.positions import PlacedPosition, PositionSource
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, incidents, locations
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.store.tables import Incident
from tests.services.support import audited, signal

SIMPANG_LIMA = (-6.99306, 110.42083)


def new_incident(ctx: ServiceContext, clock: ManualClock, number: str = "081234567890") -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert ringing is not None
    clock.advance(5)
    return calls.answer_call(ctx, ringing.id)[1]


def kaligawe_code() -> str:
    return area_index().search("kaligawe gayamsari", within="33.74")[0].code


def test_picking_a_kelurahan_fills_the_whole_address_in_one_audited_change(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    incident = new_incident(ctx, clock)
    code = kaligawe_code()
    view, entries = audited(ctx, lambda: locations.set_area(ctx, incident.id, code))
    assert (view.province, view.regency, view.district, view.village, view.postcode, view.area_code) == (
        "Jawa Tengah",
        "Kota Semarang",
        "Gayamsari",
        "Kaligawe",
        "50164",
        code,
    )
    # The kelurahan's centre is placed with it, as a rough position (the shipped table's point).
    centre = area_index().centre(code)
    assert centre is not None
    assert view.placed == PlacedPosition(
        centre.lat, centre.lon, PositionSource.VILLAGE, centre.radius_m, place="Kaligawe"
    )
    assert [entry.action for entry in entries] == ["incident.area", "incident.position"]
    assert Change(Topic.INCIDENTS, (incident.id,)) in changes
    with ctx.database.transaction() as session:
        row = session.get_one(Incident, incident.id)
        assert (row.village, row.area_code, row.postcode) == ("Kaligawe", code, "50164")


def test_a_kelurahan_typed_over_the_picked_one_drops_the_village_code(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    incident = new_incident(ctx, clock)
    code = kaligawe_code()
    locations.set_area(ctx, incident.id, code)
    same = incidents.update_field(ctx, incident.id, "village", "Kaligawe", catalogue)
    assert same.area_code == code  # the same name again changes nothing
    view, entries = audited(
        ctx, lambda: incidents.update_field(ctx, incident.id, "village", "Pleburan", catalogue)
    )
    assert (view.village, view.area_code) == ("Pleburan", "")
    # Kaligawe's centre no longer says where this is: removed with the code, and audited.
    assert view.placed is None
    actions = {entry.action: entry for entry in entries}
    assert sorted(actions) == ["incident.position", "incident.update"]
    assert f'"area_code_cleared": "{code}"' in (actions["incident.update"].detail or "")


def test_picking_a_kecamatan_empties_the_kelurahan_and_keeps_the_postcode(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    incident = new_incident(ctx, clock)
    locations.set_area(ctx, incident.id, kaligawe_code())
    view = locations.set_area(ctx, incident.id, "33.74.04")
    assert (view.district, view.village, view.postcode, view.area_code) == (
        "Gayamsari",
        "",
        "50164",
        "33.74.04",
    )


def test_the_same_area_twice_writes_nothing(ctx: ServiceContext, clock: ManualClock) -> None:
    incident = new_incident(ctx, clock)
    locations.set_area(ctx, incident.id, kaligawe_code())
    _view, entries = audited(ctx, lambda: locations.set_area(ctx, incident.id, kaligawe_code()))
    assert entries == []


def test_an_unknown_area_code_is_refused(ctx: ServiceContext, clock: ManualClock) -> None:
    incident = new_incident(ctx, clock)
    with pytest.raises(ServiceError) as caught:
        locations.set_area(ctx, incident.id, "99.99.99.9999")
    assert caught.value.code == "no_such_area"


def test_a_position_is_saved_as_a_pair(ctx: ServiceContext, clock: ManualClock) -> None:
    incident = new_incident(ctx, clock)
    view, entries = audited(ctx, lambda: locations.set_position(ctx, incident.id, *SIMPANG_LIMA))
    assert (view.lat, view.lon) == SIMPANG_LIMA
    assert [entry.action for entry in entries] == ["incident.position"]
    cleared = locations.set_position(ctx, incident.id, None, None)
    assert (cleared.lat, cleared.lon) == (None, None)


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 110.0), (-6.9, 181.0), (float("nan"), 110.0), (None, 110.0)])
def test_an_impossible_position_is_refused(
    ctx: ServiceContext, clock: ManualClock, lat: float | None, lon: float | None
) -> None:
    incident = new_incident(ctx, clock)
    with pytest.raises(FieldRejected):
        locations.set_position(ctx, incident.id, lat, lon)


def test_premise_history_finds_the_same_kelurahan_and_the_neighbours(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    code = kaligawe_code()
    # Earlier: one in Kaligawe (closed), one 150 m away, one 400 m away, one elsewhere.
    same_kelurahan = new_incident(ctx, clock, "081211110001")
    locations.set_area(ctx, same_kelurahan.id, code)
    incidents.update_field(ctx, same_kelurahan.id, "category", "FIRE", catalogue)
    incidents.close_incident(ctx, same_kelurahan.id, Disposition.HANDLED)
    clock.advance(60)
    near = new_incident(ctx, clock, "081211110002")
    locations.set_position(ctx, near.id, SIMPANG_LIMA[0] + 0.00135, SIMPANG_LIMA[1])  # about 150 m north
    clock.advance(60)
    far = new_incident(ctx, clock, "081211110003")
    locations.set_position(ctx, far.id, SIMPANG_LIMA[0] + 0.0036, SIMPANG_LIMA[1])  # about 400 m
    elsewhere = new_incident(ctx, clock, "081211110004")
    locations.set_area(ctx, elsewhere.id, "33.74.04")
    clock.advance(60)
    current = new_incident(ctx, clock, "081211110005")
    locations.set_area(ctx, current.id, code)
    locations.set_position(ctx, current.id, *SIMPANG_LIMA)

    history = locations.premise_history(ctx, current.id)

    assert [entry.number for entry in history] == [near.number, same_kelurahan.number]
    nearest, kelurahan = history
    assert not nearest.same_area
    assert nearest.distance_m == pytest.approx(
        distance_m(*SIMPANG_LIMA, SIMPANG_LIMA[0] + 0.00135, SIMPANG_LIMA[1])
    )
    assert nearest.distance_m is not None
    assert nearest.distance_m < 200
    assert kelurahan.same_area
    assert (kelurahan.category, kelurahan.disposition) == ("FIRE", Disposition.HANDLED)
    # It has the kelurahan's centre: a distance, but a rough one.
    centre = area_index().centre(code)
    assert centre is not None
    assert kelurahan.approximate
    assert kelurahan.distance_m == pytest.approx(distance_m(*SIMPANG_LIMA, centre.lat, centre.lon))
    assert not nearest.approximate
    assert locations.premise_history(ctx, current.id, limit=1)[0].number == near.number


def test_without_an_area_code_the_typed_kelurahan_and_kecamatan_count(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    earlier = new_incident(ctx, clock, "081211110001")
    other_district = new_incident(ctx, clock, "081211110002")
    current = new_incident(ctx, clock, "081211110003")
    for view, district in ((earlier, "Gayamsari"), (other_district, "Tembalang"), (current, "Gayamsari")):
        incidents.update_field(ctx, view.id, "district", district, catalogue)
        incidents.update_field(ctx, view.id, "village", "Kaligawe", catalogue)
    assert [entry.number for entry in locations.premise_history(ctx, current.id)] == [earlier.number]
    assert locations.premise_history(ctx, other_district.id) == ()
