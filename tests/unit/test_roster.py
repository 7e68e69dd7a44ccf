"""The unit roster: the shipped demonstration roster and the validation of imported rosters."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.enums import AgencyType
from dispatch.domain.roster import CAPABILITIES, RosterError, UnitSpec, parse_roster
from dispatch.resources import load_json

# Kota Semarang, generously: from the coast at Tanjung Emas to Gunungpati and Mijen.
SEMARANG_LAT = (-7.20, -6.90)
SEMARANG_LON = (110.25, 110.55)


def _valid() -> dict[str, Any]:
    return {
        "version": 1,
        "units": [
            {
                "call_sign": "DEMO-POL-01",
                "agency_type": "police",
                "agency_name": "Polrestabes Semarang (DEMO)",
                "station": "Mapolrestabes",
                "lat": -6.99,
                "lon": 110.41,
                "capabilities": ["patrol"],
                "radio": "HT kanal DEMO-1",
            },
            {
                "call_sign": "DEMO-PSC-01",
                "agency_type": "medical",
                "agency_name": "PSC 119 Kota Semarang (DEMO)",
                "station": "PSC 119",
                "lat": -6.99,
                "lon": 110.42,
                "capabilities": ["ambulance_als"],
                "radio": "HT kanal DEMO-4",
            },
        ],
    }


def test_demo_roster_loads_and_is_clearly_fictional() -> None:
    units = load_demo_roster()
    assert 25 <= len(units) <= 40
    assert "fictional" in load_json("roster", "semarang_demo.json")["note"].lower()
    for unit in units:
        assert "DEMO" in unit.call_sign or "DEMO" in unit.agency_name


def test_demo_roster_covers_all_agency_types() -> None:
    assert {unit.agency_type for unit in load_demo_roster()} == set(AgencyType)


def test_demo_roster_coordinates_are_inside_semarang() -> None:
    for unit in load_demo_roster():
        assert unit.lat is not None
        assert unit.lon is not None
        assert SEMARANG_LAT[0] <= unit.lat <= SEMARANG_LAT[1], unit.call_sign
        assert SEMARANG_LON[0] <= unit.lon <= SEMARANG_LON[1], unit.call_sign
        assert unit.has_position


def test_demo_roster_can_serve_every_category() -> None:
    units = load_demo_roster()
    for category in load_default_catalogue():
        for agency in category.agencies:
            assert any(unit.agency_type is agency for unit in units), (category.code, agency)
    capabilities = {capability for unit in units for capability in unit.capabilities}
    assert capabilities == set(CAPABILITIES)


def test_demo_roster_fields() -> None:
    units = {unit.call_sign: unit for unit in load_demo_roster()}
    boat = [unit for unit in units.values() if unit.agency_type is AgencyType.SAR and unit.can("boat")]
    assert boat
    for unit in units.values():
        assert unit.agency_name
        assert unit.station
        assert unit.radio
        assert unit.capabilities


def test_parse_roster_accepts_a_bare_list_and_missing_optional_fields() -> None:
    units = _valid()["units"]
    del units[0]["lat"], units[0]["lon"], units[0]["radio"], units[0]["station"]
    parsed = parse_roster(units)
    assert parsed[0] == UnitSpec(
        call_sign="DEMO-POL-01",
        agency_type=AgencyType.POLICE,
        agency_name="Polrestabes Semarang (DEMO)",
        station="",
        lat=None,
        lon=None,
        capabilities=("patrol",),
        radio="",
    )
    assert not parsed[0].has_position
    assert parsed[1].lon == pytest.approx(110.42)


_DELETE = object()


def _broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_valid())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            ("units", 1, "call_sign"),
            "DEMO-POL-01",
            r"unit #1 \(DEMO-POL-01\): call_sign: duplicate of unit #0",
        ),
        (("units", 1, "call_sign"), "demo-pol-01 ", r"unit #1 \(demo-pol-01\): call_sign: duplicate"),
        (("units", 1, "call_sign"), "", r"unit #1: call_sign: missing or empty"),
        (("units", 1, "call_sign"), _DELETE, r"unit #1: call_sign"),
        (
            ("units", 1, "agency_type"),
            "army",
            r"unit #1 \(DEMO-PSC-01\): agency_type: unknown agency type 'army'",
        ),
        (("units", 1, "agency_type"), _DELETE, r"unit #1 \(DEMO-PSC-01\): agency_type"),
        (("units", 1, "agency_name"), " ", r"unit #1 \(DEMO-PSC-01\): agency_name"),
        (("units", 0, "lat"), -91, r"unit #0 \(DEMO-POL-01\): lat: -91 is outside -90\.\.90"),
        (("units", 0, "lat"), 90.5, r"unit #0 \(DEMO-POL-01\): lat: .* outside"),
        (("units", 0, "lon"), 180.01, r"unit #0 \(DEMO-POL-01\): lon: .* outside -180\.\.180"),
        (("units", 0, "lon"), float("nan"), r"unit #0 \(DEMO-POL-01\): lon"),
        (("units", 0, "lon"), 10**400, r"unit #0 \(DEMO-POL-01\): lon"),
        (("units", 0, "lat"), "-6.99", r"unit #0 \(DEMO-POL-01\): lat: expected a number"),
        (("units", 0, "lat"), True, r"unit #0 \(DEMO-POL-01\): lat: expected a number"),
        (("units", 0, "lon"), _DELETE, r"unit #0 \(DEMO-POL-01\): lat/lon: give both or neither"),
        (
            ("units", 0, "capabilities"),
            ["patrol", "tank"],
            r"unit #0 \(DEMO-POL-01\): capabilities\[1\]: unknown capability 'tank'",
        ),
        (("units", 0, "capabilities"), ["patrol", "patrol"], r"capabilities\[1\]: 'patrol' is listed twice"),
        (("units", 0, "capabilities"), "patrol", r"unit #0 \(DEMO-POL-01\): capabilities: expected a list"),
        (("units", 0, "radio"), 16, r"unit #0 \(DEMO-POL-01\): radio: expected a string"),
        (("units", 0), "DEMO-POL-01", r"unit #0: expected a JSON object"),
        (("units",), {"a": 1}, r"roster: units: expected a list"),
        (("version",), 2, r"roster: version"),
    ],
)
def test_validation_errors_name_the_unit_and_field(path: tuple[Any, ...], value: Any, expected: str) -> None:
    with pytest.raises(RosterError, match=expected):
        parse_roster(_broken(path, value))


@pytest.mark.parametrize("data", [None, "units", 3])
def test_not_a_roster(data: object) -> None:
    with pytest.raises(RosterError, match="roster: units: expected a list"):
        parse_roster(data)


def test_roster_error_is_a_value_error() -> None:
    assert issubclass(RosterError, ValueError)
