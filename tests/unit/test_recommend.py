"""Recommendations: the needs of a category and its flags, met by the nearest available units."""

from __future__ import annotations

import contextlib
import copy
import time
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.geo import distance_m
from dispatch.domain.positions import PlacedPosition, PositionSource
from dispatch.domain.recommend import Need, NeedsError, NeedsTable, parse_needs, recommend
from dispatch.resources import load_json

A = AgencyType
#: Simpang Lima, Semarang.
SCENE = (-6.9903, 110.4229)
AMBULANCE = ("ambulance_als", "ambulance_bls")


@dataclass(frozen=True)
class FakeUnit:
    """A unit as the recommendation reads it (a plain value; UnitView has the same fields)."""

    id: int
    call_sign: str
    agency_type: AgencyType
    capabilities: tuple[str, ...]
    lat: float | None
    lon: float | None
    status: UnitStatus = UnitStatus.AVAILABLE
    active: bool = True

    @property
    def position(self) -> tuple[float, float] | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)


def unit(uid: int, agency: AgencyType, caps: tuple[str, ...], km_north: float | None, **kw: Any) -> FakeUnit:
    """A unit ``km_north`` kilometres north of the scene (None: no position known)."""
    lat = None if km_north is None else SCENE[0] + km_north / 111.195
    return FakeUnit(uid, f"{agency.value.upper()}-{uid:02d}", agency, caps, lat, SCENE[1], **kw)


@pytest.fixture
def table(catalogue: Catalogue) -> NeedsTable:
    return parse_needs(load_json("catalogue", "needs.json"), catalogue)


def test_traffic_accident_with_casualties_needs_an_ambulance_and_the_police(
    table: NeedsTable, catalogue: Catalogue
) -> None:
    needs = table.needs_for(catalogue, "LAKA", {IncidentFlag.CASUALTIES})
    assert needs == (Need((A.MEDICAL,), AMBULANCE), Need((A.POLICE,), ("patrol",)))
    units = [
        unit(1, A.POLICE, ("patrol",), 3.0),
        unit(2, A.MEDICAL, ("ambulance_bls",), 1.8),
        unit(3, A.MEDICAL, ("ambulance_als",), 0.5, status=UnitStatus.EN_ROUTE),
        unit(4, A.MEDICAL, ("hearse",), 0.2),
        unit(5, A.POLICE, ("patrol",), 2.5, active=False),
        unit(6, A.POLICE, ("patrol",), 4.0),
        unit(7, A.MEDICAL, ("ambulance_als",), 2.2, status=UnitStatus.CLEARED),
        unit(8, A.FIRE, ("fire_engine",), 0.1),
    ]
    result = recommend(needs, units, SCENE, speed_kmh=40)
    assert [(p.call_sign, p.need.agencies) for p in result.picks] == [
        ("MEDICAL-02", (A.MEDICAL,)),
        ("POLICE-01", (A.POLICE,)),
    ]
    medical = result.picks[0]
    assert medical.distance_m == pytest.approx(1800, rel=0.01)
    assert medical.distance_m == pytest.approx(distance_m(*SCENE, units[1].lat, units[1].lon), rel=1e-9)
    assert medical.eta_minutes == pytest.approx(1.8 / 40 * 60, rel=0.01)
    assert result.unmet == ()
    assert [p.call_sign for p in result.alternates] == ["MEDICAL-07", "POLICE-06"]
    assert result.has_position


def test_fire_with_people_trapped_needs_fire_medical_and_rescue(
    table: NeedsTable, catalogue: Catalogue
) -> None:
    needs = table.needs_for(catalogue, "FIRE", {IncidentFlag.TRAPPED})
    assert needs == (
        Need((A.FIRE,), ("fire_engine",)),
        Need((A.MEDICAL,), AMBULANCE),
        Need((A.FIRE, A.SAR, A.DISASTER), ("rescue",)),
    )
    units = [
        unit(1, A.FIRE, ("fire_engine", "rescue"), 1.0),
        unit(2, A.FIRE, ("fire_engine",), 1.5),
        unit(3, A.SAR, ("rescue",), 5.0),
        unit(4, A.MEDICAL, ("ambulance_als",), 2.0),
    ]
    result = recommend(needs, units, SCENE)
    # The rescue need has fewer candidates, so the versatile engine-and-rescue unit meets it and the
    # plain engine meets the fire need: three units, nearest first.
    assert [(p.call_sign, p.need.capabilities) for p in result.picks] == [
        ("FIRE-01", ("rescue",)),
        ("FIRE-02", ("fire_engine",)),
        ("MEDICAL-04", AMBULANCE),
    ]


def test_drowning_with_a_person_in_the_water_needs_sar_and_a_boat(
    table: NeedsTable, catalogue: Catalogue
) -> None:
    needs = table.needs_for(catalogue, "TENGG", {IncidentFlag.PERSON_IN_WATER})
    assert Need((A.SAR,), ()) in needs
    assert Need((A.SAR, A.DISASTER), ("boat",)) in needs
    units = [
        unit(1, A.SAR, ("rescue", "boat"), 1.0),
        unit(2, A.SAR, ("rescue",), 2.0),
        unit(3, A.FIRE, ("rescue",), 3.0),
        unit(4, A.MEDICAL, ("ambulance_bls",), 4.0),
    ]
    result = recommend(needs, units, SCENE)
    by_need = {p.need: p.call_sign for p in result.picks}
    assert by_need[Need((A.SAR, A.DISASTER), ("boat",))] == "SAR-01"
    assert by_need[Need((A.SAR,), ())] == "SAR-02"
    assert len(result.picks) == 4


def test_without_flags_the_category_agencies_are_needed(table: NeedsTable, catalogue: Catalogue) -> None:
    assert table.needs_for(catalogue, "JENAZ", ()) == (Need((A.MEDICAL,), ("hearse",)),)
    assert table.needs_for(catalogue, "BENC", ()) == (Need((A.DISASTER,), ()),)
    assert table.needs_for(catalogue, None, ()) == ()
    weapon = table.needs_for(catalogue, "CRIM", {IncidentFlag.WEAPON})
    assert weapon == (Need((A.POLICE,), ("patrol",)),) * 2


def test_no_incident_position_orders_by_agency_then_call_sign() -> None:
    needs = [Need((A.POLICE,)), Need((A.MEDICAL,))]
    units = [
        unit(9, A.POLICE, ("patrol",), 0.1),
        unit(3, A.POLICE, ("patrol",), 9.0),
        unit(5, A.MEDICAL, (), None),
    ]
    result = recommend(needs, units, None)
    assert not result.has_position
    assert [p.call_sign for p in result.picks] == ["MEDICAL-05", "POLICE-03"]
    assert all(p.distance_m is None and p.eta_minutes is None for p in result.picks)


def test_the_recommendation_says_what_its_distances_are_from() -> None:
    units = [unit(1, A.POLICE, ("patrol",), 2.0), unit(2, A.POLICE, ("patrol",), 1.0)]
    centre = PlacedPosition(SCENE[0], SCENE[1], PositionSource.VILLAGE, 900.0, place="Pleburan")
    from_centre = recommend([Need((A.POLICE,))], units, centre)
    assert from_centre.position == centre
    assert from_centre.has_position  # a centre is a position: distances and ETAs, marked rough by the UI
    # Measured the same way as from a typed position at that point.
    typed = recommend([Need((A.POLICE,))], units, SCENE)
    assert typed.position == PlacedPosition(SCENE[0], SCENE[1], PositionSource.TYPED)
    assert [(p.call_sign, p.distance_m, p.eta_minutes) for p in from_centre.picks] == [
        (p.call_sign, p.distance_m, p.eta_minutes) for p in typed.picks
    ]
    assert from_centre.picks[0].call_sign == "POLICE-02"
    assert from_centre.picks[0].distance_m == pytest.approx(1000, rel=0.001)
    nowhere = recommend([Need((A.POLICE,))], units, None)
    assert (nowhere.position, nowhere.has_position) == (None, False)


def test_units_without_position_come_after_those_with_one() -> None:
    result = recommend([Need((A.POLICE,))], [unit(1, A.POLICE, (), None), unit(2, A.POLICE, (), 30)], SCENE)
    assert [p.call_sign for p in result.picks] == ["POLICE-02"]
    assert [p.call_sign for p in result.alternates] == ["POLICE-01"]


def test_units_already_working_the_incident_meet_needs_first() -> None:
    assigned = [unit(1, A.MEDICAL, ("ambulance_bls",), 1.0, status=UnitStatus.EN_ROUTE)]
    needs = [Need((A.MEDICAL,), AMBULANCE), Need((A.POLICE,))]
    result = recommend(needs, [*assigned, unit(2, A.POLICE, (), 2.0)], SCENE, assigned=assigned)
    assert [p.call_sign for p in result.picks] == ["POLICE-02"]
    assert result.covered == ((needs[0], "MEDICAL-01"),)


def test_assigned_units_cover_as_many_needs_as_they_can_whatever_their_order() -> None:
    als = unit(1, A.MEDICAL, ("ambulance_als",), 1.0, status=UnitStatus.EN_ROUTE)
    bls = unit(2, A.MEDICAL, ("ambulance_bls",), 1.5, status=UnitStatus.EN_ROUTE)
    spare_als = unit(3, A.MEDICAL, ("ambulance_als",), 2.0)
    needs = [Need((A.MEDICAL,), AMBULANCE), Need((A.MEDICAL,), ("ambulance_als",))]
    for assigned in ([als, bls], [bls, als]):
        result = recommend(needs, [*assigned, spare_als], SCENE, assigned=assigned)
        assert result.picks == ()
        assert result.unmet == ()
        assert sorted(result.covered, key=lambda c: c[1]) == [
            (needs[1], "MEDICAL-01"),
            (needs[0], "MEDICAL-02"),
        ]


def test_a_need_no_unit_can_meet_is_reported() -> None:
    result = recommend([Need((A.SAR,), ("boat",))], [unit(1, A.SAR, ("rescue",), 1)], SCENE)
    assert result.picks == ()
    assert result.unmet == (Need((A.SAR,), ("boat",)),)


def test_eta_follows_the_configured_speed() -> None:
    units = [unit(1, A.POLICE, (), 10.0)]
    slow = recommend([Need((A.POLICE,))], units, SCENE, speed_kmh=20).picks[0]
    fast = recommend([Need((A.POLICE,))], units, SCENE, speed_kmh=60).picks[0]
    assert slow.eta_minutes == pytest.approx(30, rel=0.01)
    assert fast.eta_minutes == pytest.approx(10, rel=0.01)
    with pytest.raises(ValueError, match="speed must be positive"):
        recommend([], units, SCENE, speed_kmh=0)


def test_two_thousand_units_within_twenty_milliseconds(table: NeedsTable, catalogue: Catalogue) -> None:
    agencies = [
        (A.POLICE, ("patrol",)),
        (A.MEDICAL, ("ambulance_bls",)),
        (A.FIRE, ("fire_engine", "rescue")),
        (A.SAR, ("rescue", "boat")),
    ]
    units = [
        unit(i, *agencies[i % 4], (i * 7919 % 400) / 10, status=list(UnitStatus)[i % 5]) for i in range(2000)
    ]
    needs = table.needs_for(catalogue, "FIRE", {IncidentFlag.TRAPPED, IncidentFlag.CASUALTIES})
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        result = recommend(needs, units, SCENE)
        timings.append(time.perf_counter() - start)
    assert len(result.picks) == len(needs)
    assert sorted(timings)[len(timings) // 2] < 0.020


def _valid() -> dict[str, Any]:
    return copy.deepcopy(load_json("catalogue", "needs.json"))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(version=2), r"needs: version"),
        (lambda d: d["agencies"].update(army=[]), r"needs: agencies: unknown agency 'army'"),
        (
            lambda d: d["agencies"].update(fire=["tank"]),
            r"needs: agencies.fire\[0\]: unknown capability 'tank'",
        ),
        (lambda d: d["categories"].update(XYZ={}), r"needs: categories.XYZ: no such category"),
        (
            lambda d: d["categories"].update(LAKA={"fire": ["fire_engine"]}),
            r"categories.LAKA.fire: the category does not call that agency",
        ),
        (lambda d: d["flags"][0].update(flag="sad"), r"needs: flags\[0\]: flag: unknown flag 'sad'"),
        (lambda d: d["flags"][0].update(needs=[]), r"flags\[0\] \(casualties\): needs: expected a non-empty"),
        (
            lambda d: d["flags"][0]["needs"][0].update(count=0),
            r"flags\[0\] \(casualties\): needs\[0\]: count: expected a whole number",
        ),
        (
            lambda d: d["flags"][0]["needs"][0].update(categories=["NOPE"]),
            r"needs\[0\]: categories\[0\]: no such category 'NOPE'",
        ),
        (
            lambda d: d["flags"][0]["needs"][0].update(agencies=[]),
            r"needs\[0\]: agencies: expected a non-empty",
        ),
    ],
)
def test_needs_file_errors_say_where(catalogue: Catalogue, change: Any, expected: str) -> None:
    data = _valid()
    change(data)
    with pytest.raises(NeedsError, match=expected):
        parse_needs(data, catalogue)


@pytest.mark.parametrize("data", [None, [], "needs", {"version": 1, "flags": {}}])
def test_not_a_needs_table(catalogue: Catalogue, data: object) -> None:
    with pytest.raises(NeedsError):
        parse_needs(data, catalogue)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON_VALUES)
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_json_gives_a_table_or_a_needs_error(catalogue: Catalogue, data: object) -> None:
    with contextlib.suppress(NeedsError):
        parse_needs(data, catalogue)


@given(st.data())
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_shipped_table_with_one_value_replaced_gives_a_table_or_a_needs_error(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    table: Any = copy.deepcopy(load_json("catalogue", "needs.json"))
    # Walk into the shipped file and replace one value anywhere with arbitrary JSON.
    node = table
    while isinstance(node, dict | list) and node and data.draw(st.booleans()):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys))
        if not isinstance(node[key], dict | list) or not node[key]:
            node[key] = data.draw(JSON_VALUES)
            break
        node = node[key]
    with contextlib.suppress(NeedsError):
        parse_needs(table, catalogue)
