"""An incident's position with its source and precision in the services: a kelurahan's centre placed
when it is picked, a typed position over it, a handset's at the call-taker's word, and the
recommendation, premise history and duplicates measured from the best of them."""

from __future__ import annotations

import gzip
import json
import math
from datetime import timedelta

import pytest
from sqlalchemy import select

from dispatch.domain.areas import AreaIndex
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import Refusal
from dispatch.domain.duplicates import DuplicateReason
from dispatch.domain.geo import distance_m
from dispatch.domain.positions import AmlState, PlacedPosition, PositionSource
from dispatch.domain.signals import SignalKind
from dispatch.resources import resource_path
from dispatch.services import calls, duplicates, incidents, locations
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.recommendations import load_default_needs, recommend_for_incident
from dispatch.services.snapshots import IncidentView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import AmlMessage, Call, Incident
from tests.services.support import audit_since, audited, last_audit_id, signal

# A small made-up Semarang: Tembalang and Bulusan in one kecamatan (Bulusan without a point of its
# own), Sendangmulyo's centre 150 m from Tembalang's, and Kaligawe in another kecamatan.
TEMBALANG = "33.74.10.1006"
BULUSAN = "33.74.10.1007"
SENDANGMULYO = "33.74.10.1008"
KALIGAWE = "33.74.04.1001"
TEMBALANG_CENTRE = (-7.05630, 110.44060, 900.0)
KECAMATAN_CENTRE = (-7.05000, 110.44500, 3200.0)
SENDANGMULYO_CENTRE = (-7.05630 + 0.00135, 110.44060, 600.0)  # 150 m north
ROWS = [
    ("33", 1, "Jawa Tengah", "", "", -7.2, 110.1, 150000.0),
    ("33.74", 2, "Kota Semarang", "33", "", -7.0, 110.4, 14000.0),
    ("33.74.04", 3, "Gayamsari", "33.74", "", -6.97, 110.45, 2000.0),
    ("33.74.04.1001", 4, "Kaligawe", "33.74.04", "50164", -6.9650, 110.4470, 700.0),
    ("33.74.10", 3, "Tembalang", "33.74", "", *KECAMATAN_CENTRE),
    (TEMBALANG, 4, "Tembalang", "33.74.10", "50275", *TEMBALANG_CENTRE),
    (BULUSAN, 4, "Bulusan", "33.74.10", "50277", None, None, None),
    (SENDANGMULYO, 4, "Sendangmulyo", "33.74.10", "50272", *SENDANGMULYO_CENTRE),
]
SIMPANG_LIMA = (-6.99306, 110.42083)


@pytest.fixture(scope="module")
def index() -> AreaIndex:
    return AreaIndex(ROWS)


def new_incident(ctx: ServiceContext, clock: ManualClock, number: str = "081234567890") -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), number))
    assert ringing is not None
    clock.advance(5)
    return calls.answer_call(ctx, ringing.id)[1]


def stored(ctx: ServiceContext, incident_id: int) -> Incident:
    with ctx.database.transaction() as session:
        row = session.get_one(Incident, incident_id)
        session.expunge(row)
        return row


def test_picking_a_kelurahan_places_its_centre_in_the_same_change(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change], index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    changes.clear()
    view, entries = audited(ctx, lambda: locations.set_area(ctx, incident.id, TEMBALANG, index))
    lat, lon, radius = TEMBALANG_CENTRE
    assert view.placed == PlacedPosition(lat, lon, PositionSource.VILLAGE, radius, None, "", "Tembalang")
    assert view.placed.approximate
    assert [entry.action for entry in entries] == ["incident.area", "incident.position"]
    detail = json.loads(entries[1].detail or "{}")
    assert detail["before"] == {
        "lat": None,
        "lon": None,
        "source": "",
        "radius_m": None,
        "at": None,
        "method": "",
    }
    assert detail["after"] == {
        "lat": lat,
        "lon": lon,
        "source": "village",
        "radius_m": radius,
        "at": None,
        "method": "",
    }
    assert changes == [Change(Topic.INCIDENTS, (incident.id,))]
    row = stored(ctx, incident.id)
    assert (row.lat, row.lon, row.position_source, row.position_radius_m, row.position_at) == (
        lat,
        lon,
        "village",
        radius,
        None,
    )
    # The same pick again writes nothing.
    _view, again = audited(ctx, lambda: locations.set_area(ctx, incident.id, TEMBALANG, index))
    assert again == []


def test_a_kelurahan_without_a_point_gets_its_kecamatans_centre(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    view = locations.set_area(ctx, incident.id, BULUSAN, index)
    lat, lon, radius = KECAMATAN_CENTRE
    assert view.placed == PlacedPosition(lat, lon, PositionSource.DISTRICT, radius, place="Tembalang")
    assert view.village == "Bulusan"


def test_a_new_pick_re_centres_and_a_kota_pick_removes_the_centre(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    locations.set_area(ctx, incident.id, TEMBALANG, index)
    moved = locations.set_area(ctx, incident.id, KALIGAWE, index)
    assert moved.placed is not None
    assert (moved.placed.lat, moved.placed.source, moved.placed.place) == (
        -6.9650,
        PositionSource.VILLAGE,
        "Kaligawe",
    )
    kecamatan = locations.set_area(ctx, incident.id, "33.74.10", index)
    assert kecamatan.placed is not None
    assert (kecamatan.placed.lat, kecamatan.placed.lon, kecamatan.placed.source) == (
        KECAMATAN_CENTRE[0],
        KECAMATAN_CENTRE[1],
        PositionSource.DISTRICT,
    )
    kota, entries = audited(ctx, lambda: locations.set_area(ctx, incident.id, "33.74", index))
    assert kota.placed is None
    assert (kota.lat, kota.lon, kota.position_source, kota.position_radius_m) == (
        None,
        None,
        PositionSource.NONE,
        None,
    )
    assert [entry.action for entry in entries] == ["incident.area", "incident.position"]
    # A province is no better: nothing placed.
    assert locations.set_area(ctx, incident.id, "33", index).placed is None


def test_a_centre_never_replaces_a_typed_position(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    typed = locations.set_position(ctx, incident.id, *SIMPANG_LIMA)
    assert typed.placed == PlacedPosition(*SIMPANG_LIMA, PositionSource.TYPED, None, clock.now())
    view, entries = audited(ctx, lambda: locations.set_area(ctx, incident.id, TEMBALANG, index))
    assert (view.village, view.placed) == ("Tembalang", typed.placed)
    assert [entry.action for entry in entries] == ["incident.area"]
    # Nor does a kota pick remove it.
    assert locations.set_area(ctx, incident.id, "33.74", index).placed == typed.placed


def test_typed_replaces_the_centre_and_clearing_falls_back_to_it(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change], index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    centre = locations.set_area(ctx, incident.id, TEMBALANG, index).placed
    clock.advance(30)
    typed, entries = audited(
        ctx, lambda: locations.set_position(ctx, incident.id, -7.0571, 110.4412, index=index)
    )
    assert typed.placed == PlacedPosition(-7.0571, 110.4412, PositionSource.TYPED, None, clock.now())
    assert [entry.action for entry in entries] == ["incident.position"]
    assert json.loads(entries[0].detail or "{}")["after"]["at"] == clock.now().isoformat()
    # The same position typed again: nothing written, its time stays.
    clock.advance(30)
    same, entries = audited(
        ctx, lambda: locations.set_position(ctx, incident.id, -7.0571, 110.4412, index=index)
    )
    assert (same.placed, entries) == (typed.placed, [])
    changes.clear()
    cleared, entries = audited(ctx, lambda: locations.set_position(ctx, incident.id, None, None, index=index))
    assert cleared.placed == centre
    assert [entry.action for entry in entries] == ["incident.position"]
    assert changes == [Change(Topic.INCIDENTS, (incident.id,))]
    # Clearing a centre leaves the centre: it follows the picked area.
    _view, entries = audited(ctx, lambda: locations.set_position(ctx, incident.id, None, None, index=index))
    assert entries == []


def test_clearing_without_a_picked_area_leaves_no_position(ctx: ServiceContext, clock: ManualClock) -> None:
    incident = new_incident(ctx, clock)
    locations.set_position(ctx, incident.id, *SIMPANG_LIMA)
    cleared = locations.set_position(ctx, incident.id, None, None)
    assert (cleared.placed, cleared.position_source, cleared.position_at) == (None, PositionSource.NONE, None)
    _view, entries = audited(ctx, lambda: locations.set_position(ctx, incident.id, None, None))
    assert entries == []


def test_a_pick_changed_elsewhere_places_no_centre_either(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    shown = locations.shown_area(incident)
    locations.set_area(ctx, incident.id, KALIGAWE, index)
    with pytest.raises(ServiceError) as refused:
        locations.set_area(ctx, incident.id, TEMBALANG, index, expected=shown)
    assert refused.value.code == Refusal.FIELD_CHANGED_ELSEWHERE
    row = stored(ctx, incident.id)
    assert (row.village, row.lat) == ("Kaligawe", -6.9650)


def test_a_position_changed_elsewhere_is_still_refused_over_a_centre(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    shown = (incident.lat, incident.lon)  # nothing yet
    locations.set_area(ctx, incident.id, TEMBALANG, index)  # another console picks the kelurahan
    with pytest.raises(ServiceError) as refused:
        locations.set_position(ctx, incident.id, *SIMPANG_LIMA, expected=shown)
    assert refused.value.code == Refusal.FIELD_CHANGED_ELSEWHERE
    assert refused.value.details["theirs"] == TEMBALANG_CENTRE[:2]
    assert stored(ctx, incident.id).position_source == "village"


# -- a handset's position ------------------------------------------------------------------------


def aml_message(
    ctx: ServiceContext,
    incident_id: int | None,
    state: AmlState,
    *,
    lat: float | None = -7.0575,
    lon: float | None = 110.4420,
    radius: float | None = 14.0,
    call_id: int | None = None,
) -> int:
    """An AML message row as the AML service stores it."""
    now = ctx.clock.now()
    with ctx.database.transaction() as session:
        message = AmlMessage(
            feed="aml-sms:serial:/dev/ttyUSB1",
            received_at=now,
            sender_raw="+6281234567890",
            sender_e164="+6281234567890",
            text='A"ML=1;lt=-7.0575;lg=110.4420;rd=14;top=20261127050000;lc=90;pm=G;si=1;ei=2;mcc=510;mnc=10;ml=100',
            lat=lat,
            lon=lon,
            radius_m=radius,
            fixed_at=None if lat is None else now - timedelta(seconds=3),
            confidence=None if lat is None else 68,
            method="gnss" if lat is not None else "none",
            state=state.value,
            call_id=call_id,
            incident_id=incident_id,
        )
        session.add(message)
        session.flush()
        return message.id


def states(ctx: ServiceContext) -> dict[int, str]:
    with ctx.database.transaction() as session:
        return {aml_id: state for aml_id, state in session.execute(select(AmlMessage.id, AmlMessage.state))}


def test_using_a_kept_handset_position_replaces_a_typed_one(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    incident = new_incident(ctx, clock)
    earlier = aml_message(ctx, incident.id, AmlState.APPLIED, lat=-7.0600, radius=900.0)
    locations.set_position(ctx, incident.id, *SIMPANG_LIMA)
    assert states(ctx)[earlier] == AmlState.KEPT  # typed over it: kept, offered again
    kept = aml_message(ctx, incident.id, AmlState.KEPT)
    clock.advance(10)
    changes.clear()
    view, entries = audited(ctx, lambda: locations.use_handset_position(ctx, incident.id, kept))
    fixed_at = clock.now() - timedelta(seconds=13)
    assert view.placed == PlacedPosition(-7.0575, 110.4420, PositionSource.AML, 14.0, fixed_at, "gnss")
    assert states(ctx) == {earlier: AmlState.KEPT, kept: AmlState.APPLIED}
    assert [entry.action for entry in entries] == ["incident.position"]
    detail = json.loads(entries[0].detail or "{}")
    assert (detail["aml"], detail["before"]["source"], detail["after"]["source"]) == (kept, "typed", "aml")
    assert changes == [Change(Topic.INCIDENTS, (incident.id,))]
    # The earlier one chosen instead: it is applied, the other kept.
    view = locations.use_handset_position(ctx, incident.id, earlier)
    assert (view.lat, view.position_radius_m) == (-7.0600, 900.0)
    assert states(ctx) == {earlier: AmlState.APPLIED, kept: AmlState.KEPT}


def test_a_handset_position_waiting_on_the_incidents_call_may_be_used(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    incident = new_incident(ctx, clock)
    waiting = aml_message(ctx, None, AmlState.WAITING, call_id=incident_call(ctx, incident.id))
    view = locations.use_handset_position(ctx, incident.id, waiting)
    assert view.position_source is PositionSource.AML
    with ctx.database.transaction() as session:
        message = session.get_one(AmlMessage, waiting)
        assert (message.state, message.incident_id) == (AmlState.APPLIED, incident.id)


def incident_call(ctx: ServiceContext, incident_id: int) -> int:
    with ctx.database.transaction() as session:
        return session.scalars(select(Call.id).where(Call.incident_id == incident_id)).one()


def test_a_handset_position_of_another_incident_or_without_a_fix_is_refused(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    incident = new_incident(ctx, clock)
    other = new_incident(ctx, clock, "085712345678")
    theirs = aml_message(ctx, other.id, AmlState.KEPT)
    unmatched = aml_message(ctx, None, AmlState.UNMATCHED)
    no_fix = aml_message(ctx, incident.id, AmlState.NO_FIX, lat=None, lon=None, radius=None)
    for aml_id, refusal in (
        (theirs, Refusal.NO_SUCH_AML),
        (unmatched, Refusal.NO_SUCH_AML),
        (theirs + 1000, Refusal.NO_SUCH_AML),
        (no_fix, Refusal.AML_WITHOUT_POSITION),
    ):
        with pytest.raises(ServiceError) as refused:
            locations.use_handset_position(ctx, incident.id, aml_id)
        assert refused.value.code == refusal
    assert stored(ctx, incident.id).lat is None
    assert states(ctx)[theirs] == AmlState.KEPT


def test_a_handset_position_arriving_by_itself_replaces_a_centre_but_not_a_typed_one(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    handset = PlacedPosition(-7.0575, 110.4420, PositionSource.AML, 14.0, clock.now(), "gnss")
    centred = new_incident(ctx, clock)
    locations.set_area(ctx, centred.id, TEMBALANG, index)
    typed = new_incident(ctx, clock, "085712345678")
    locations.set_position(ctx, typed.id, *SIMPANG_LIMA)
    placed = {}
    for incident in (centred, typed):
        with unit_of_work(ctx) as work:
            row = work.session.get_one(Incident, incident.id, with_for_update=True)
            placed[incident.id] = locations.place_incident(ctx, work.session, row, handset, by_person=False)
    assert placed == {centred.id: True, typed.id: False}
    assert stored(ctx, centred.id).position_source == "aml"
    assert stored(ctx, typed.id).position_source == "typed"
    # And a new pick of the area leaves the handset's position where it is.
    assert locations.set_area(ctx, centred.id, SENDANGMULYO, index).placed == handset


def test_a_coordinate_typed_into_its_own_field_makes_the_position_typed(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    # What incidents.update_field asks of locations after it saved "lat" or "lon" alone.
    incident = new_incident(ctx, clock)
    locations.set_area(ctx, incident.id, TEMBALANG, index)
    applied = aml_message(ctx, incident.id, AmlState.APPLIED)
    clock.advance(20)
    with unit_of_work(ctx) as work:
        row = work.session.get_one(Incident, incident.id, with_for_update=True)
        row.lat = -7.0590
        assert locations.coordinate_typed(ctx, work.session, row) == [applied]
    row = stored(ctx, incident.id)
    assert (row.lat, row.lon, row.position_source, row.position_radius_m, row.position_at) == (
        -7.0590,
        TEMBALANG_CENTRE[1],
        "typed",
        None,
        clock.now(),
    )
    assert states(ctx) == {applied: AmlState.KEPT}
    with unit_of_work(ctx) as work:
        row = work.session.get_one(Incident, incident.id, with_for_update=True)
        row.lon = None
        assert locations.coordinate_typed(ctx, work.session, row) == []
    row = stored(ctx, incident.id)
    assert (row.lat, row.lon, row.position_source, row.position_radius_m, row.position_at) == (
        -7.0590,
        None,
        "",
        None,
        None,
    )


def test_a_name_typed_over_the_picked_kelurahan_takes_its_centre_away(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    # What incidents.update_field asks of locations when a typed name cleared the picked area's code.
    centred = new_incident(ctx, clock)
    locations.set_area(ctx, centred.id, TEMBALANG, index)
    typed = new_incident(ctx, clock, "085712345678")
    locations.set_area(ctx, typed.id, TEMBALANG, index)
    locations.set_position(ctx, typed.id, *SIMPANG_LIMA)
    removed = {}
    for incident in (centred, typed):
        before = last_audit_id(ctx.database)
        with unit_of_work(ctx) as work:
            row = work.session.get_one(Incident, incident.id, with_for_update=True)
            row.village, row.area_code = "Pleburan", ""
            removed[incident.id] = locations.area_typed_over(ctx, work.session, row)
        removed[-incident.id] = [entry.action for entry in audit_since(ctx.database, before)]
    assert removed == {
        centred.id: True,
        -centred.id: ["incident.position"],
        typed.id: False,
        -typed.id: [],
    }
    assert stored(ctx, centred.id).lat is None
    assert stored(ctx, typed.id).lat == SIMPANG_LIMA[0]


# -- what is measured from the position ----------------------------------------------------------


def test_the_recommendation_is_measured_from_the_kelurahans_centre(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, index: AreaIndex
) -> None:
    incident = new_incident(ctx, clock)
    incidents.update_field(ctx, incident.id, "category", "MED", catalogue)
    locations.set_area(ctx, incident.id, TEMBALANG, index)
    result = recommend_for_incident(ctx, incident.id, catalogue, load_default_needs(catalogue))
    assert result.has_position
    assert result.position is not None
    assert (result.position.source, result.position.place) == (PositionSource.VILLAGE, "Tembalang")
    assert all(pick.distance_m is not None and pick.eta_minutes is not None for pick in result.picks)
    # The nearest ambulance of the demonstration roster to that point: PSC 119 Banyumanik.
    assert result.picks[0].call_sign == "DEMO-PSC-03"
    assert result.picks[0].distance_m == pytest.approx(
        distance_m(TEMBALANG_CENTRE[0], TEMBALANG_CENTRE[1], -7.064, 110.421), rel=1e-9
    )


def test_premise_history_knows_how_precise_each_distance_is(
    ctx: ServiceContext, clock: ManualClock, index: AreaIndex
) -> None:
    lat, lon, _radius = TEMBALANG_CENTRE
    # Earlier: one at Tembalang's centre, one in Sendangmulyo (its centre 150 m away), a handset's fix
    # 150 m away (40 m radius), another 150 m away from a cell (1,500 m radius).
    at_centre = new_incident(ctx, clock, "081211110001")
    locations.set_area(ctx, at_centre.id, TEMBALANG, index)
    neighbour = new_incident(ctx, clock, "081211110002")
    locations.set_area(ctx, neighbour.id, SENDANGMULYO, index)
    fix = new_incident(ctx, clock, "081211110003")
    cell = new_incident(ctx, clock, "081211110004")
    for incident, radius in ((fix, 40.0), (cell, 1500.0)):
        handset = PlacedPosition(lat + 0.00135, lon, PositionSource.AML, radius, clock.now(), "gnss")
        with unit_of_work(ctx) as work:
            row = work.session.get_one(Incident, incident.id, with_for_update=True)
            locations.place_incident(ctx, work.session, row, handset, by_person=False)
    clock.advance(60)

    # Only the kelurahan picked: its neighbours are the same kelurahan, never "within 200 m".
    current = new_incident(ctx, clock, "081211110005")
    locations.set_area(ctx, current.id, TEMBALANG, index)
    history = locations.premise_history(ctx, current.id)
    assert [(entry.number, entry.same_area, entry.distance_m) for entry in history] == [
        (at_centre.number, True, None)  # two centres: no distance between two guesses
    ]

    # Typed at the centre: the handset's precise fix counts as within 200 m; the cell's does not, nor
    # Sendangmulyo's centre at the same distance (a guess).
    locations.set_position(ctx, current.id, lat, lon, index=index)
    history = locations.premise_history(ctx, current.id)
    found = {entry.number: entry for entry in history}
    assert set(found) == {at_centre.number, fix.number}
    assert found[fix.number].same_area is False
    assert found[fix.number].approximate is False
    assert found[fix.number].distance_m == pytest.approx(distance_m(lat, lon, lat + 0.00135, lon))
    assert found[at_centre.number].same_area is True
    assert found[at_centre.number].approximate is True  # from a typed point to a centre: rough
    assert found[at_centre.number].distance_m == pytest.approx(0.0, abs=0.01)


def test_duplicates_know_a_centre_from_a_place(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, index: AreaIndex
) -> None:
    first = new_incident(ctx, clock, "081211110001")
    incidents.update_field(ctx, first.id, "category", "FIRE", catalogue)
    locations.set_area(ctx, first.id, SENDANGMULYO, index)
    clock.advance(60)
    second = new_incident(ctx, clock, "081211110002")
    incidents.update_field(ctx, second.id, "category", "FIRE", catalogue)
    locations.set_area(ctx, second.id, TEMBALANG, index)
    # Two kelurahan's centres 150 m apart are not "the same category within 500 m".
    assert duplicates.find_duplicates(ctx, second.id) == []
    # A typed position at the other's centre is not either: the centre is a guess.
    locations.set_position(ctx, second.id, *SENDANGMULYO_CENTRE[:2], index=index)
    assert duplicates.find_duplicates(ctx, second.id) == []
    # Once the first has a precise position, it is.
    with unit_of_work(ctx) as work:
        row = work.session.get_one(Incident, first.id, with_for_update=True)
        handset = PlacedPosition(TEMBALANG_CENTRE[0], TEMBALANG_CENTRE[1], PositionSource.AML, 30.0)
        locations.place_incident(ctx, work.session, row, handset, by_person=False)
    found = duplicates.find_duplicates(ctx, second.id)
    assert [(c.incident_id, c.reasons, c.approximate) for c in found] == [
        (first.id, (DuplicateReason.SAME_CATEGORY_NEARBY,), False)
    ]
    assert found[0].distance_m == pytest.approx(150, abs=1)
    # The same kelurahan picked by both: the same area, and its distance is rough.
    third = new_incident(ctx, clock, "081211110003")
    incidents.update_field(ctx, third.id, "category", "FIRE", catalogue)
    locations.set_area(ctx, third.id, TEMBALANG, index)
    found = {c.incident_id: c for c in duplicates.find_duplicates(ctx, third.id)}
    assert found[second.id].reasons == (DuplicateReason.SAME_AREA,)
    assert found[second.id].approximate is True
    assert first.id not in found  # its precise position is 0 m from Tembalang's centre, but that is a guess


# -- must show: a kelurahan alone gives distances and ETAs ---------------------------------------

TEMBALANG_KELURAHAN = "33.74.10.1006"  # Kelurahan Tembalang, Kecamatan Tembalang, Kota Semarang


def shipped_row(code: str) -> list[str]:
    """The row of the shipped area table, read as text (not through the index under test)."""
    with gzip.open(resource_path("areas", "areas.tsv.gz"), "rt", encoding="utf-8") as table:
        for line in table:
            if line.startswith(code + "\t"):
                return line.rstrip("\n").split("\t")
    raise AssertionError(f"{code} not in the shipped areas")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """By hand: the haversine formula on a sphere of the Earth's mean radius, 6,371.0088 km (IUGG)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_a_kelurahan_alone_gives_distances_and_etas_to_the_semarang_units(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    code, level, name, _parent, _postcode, lat_text, lon_text, radius_text = shipped_row(TEMBALANG_KELURAHAN)
    assert (level, name) == ("4", "Tembalang")
    centre = (float(lat_text), float(lon_text))
    incident = new_incident(ctx, clock)
    incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    view = locations.set_area(ctx, incident.id, code)  # nothing typed: only the kelurahan picked
    assert view.placed is not None
    assert (view.placed.lat, view.placed.lon) == centre
    assert (view.placed.source, view.placed.radius_m, view.placed.place) == (
        PositionSource.VILLAGE,
        float(radius_text),
        "Tembalang",
    )

    result = recommend_for_incident(
        ctx, incident.id, catalogue, load_default_needs(catalogue), speed_kmh=40.0
    )

    assert result.has_position
    assert result.position == view.placed
    assert sorted(pick.agency_type.value for pick in result.picks) == ["medical", "police"]
    assert all(pick.distance_m is not None and pick.eta_minutes is not None for pick in result.picks)
    assert all(pick.call_sign.startswith("DEMO-") for pick in (*result.picks, *result.alternates))
    # One checked by hand: the nearest pick, from the centre in the table to the unit's station in the
    # roster file, at 40 km/h.
    pick = result.picks[0]
    roster = json.loads(resource_path("roster", "semarang_demo.json").read_text(encoding="utf-8"))
    station = next(unit for unit in roster["units"] if unit["call_sign"] == pick.call_sign)
    by_hand_km = haversine_km(*centre, station["lat"], station["lon"])
    assert pick.distance_m == pytest.approx(by_hand_km * 1000, rel=1e-9)
    assert pick.eta_minutes == pytest.approx(by_hand_km / 40.0 * 60.0, rel=1e-9)
    # Worked once on paper from the shipped point (-7.04957, 110.44081) to Puskesmas Banyumanik
    # (-7.064, 110.421): 2.71 km, 4.1 minutes; the police from Polsek Banyumanik, 2.73 km.
    assert (pick.call_sign, round(by_hand_km, 2), round(by_hand_km / 40.0 * 60.0, 1)) == (
        "DEMO-PSC-03",
        2.71,
        4.1,
    )
    assert [(p.call_sign, round((p.distance_m or 0) / 1000, 2)) for p in result.picks[1:]] == [
        ("DEMO-POL-03", 2.73)
    ]
    # And it is the nearest of its agency's units that can go.
    others = [
        haversine_km(*centre, unit["lat"], unit["lon"])
        for unit in roster["units"]
        if unit["agency_type"] == pick.agency_type.value
        and set(unit["capabilities"]) & set(pick.need.capabilities)
    ]
    assert by_hand_km == pytest.approx(min(others), rel=1e-9)
