"""The rules that make an open incident a probable duplicate of a new call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.duplicates import (
    DuplicateReason,
    IncidentFacts,
    district_key,
    duplicate_reasons,
    village_key,
)
from dispatch.domain.positions import PositionSource

NOW = datetime(2026, 11, 27, 5, 0, tzinfo=UTC)
# Simpang Lima, Semarang; 0.0036 degrees of latitude is about 400 m.
LAT, LON = -6.99306, 110.42083


PLEBURAN = {"village": "Pleburan", "district": "Semarang Selatan"}


def facts(minutes_ago: float = 0, **values: object) -> IncidentFacts:
    return IncidentFacts(created_at=NOW - timedelta(minutes=minutes_ago), **values)  # type: ignore[arg-type]


def test_same_number_within_30_minutes_counts_and_not_after() -> None:
    probe, other = facts(), facts(45)
    assert duplicate_reasons(probe, other, NOW, NOW - timedelta(minutes=30)) == (DuplicateReason.SAME_NUMBER,)
    assert duplicate_reasons(probe, other, NOW, NOW - timedelta(minutes=31)) == ()
    assert duplicate_reasons(probe, other, NOW, None) == ()


def test_same_category_within_500_m_at_any_age() -> None:
    probe = facts(category="FIRE", lat=LAT, lon=LON)
    near = facts(180, category="FIRE", lat=LAT + 0.0036, lon=LON)
    far = facts(180, category="FIRE", lat=LAT + 0.0050, lon=LON)  # about 550 m
    other_category = facts(180, category="MED", lat=LAT, lon=LON)
    assert duplicate_reasons(probe, near, NOW) == (DuplicateReason.SAME_CATEGORY_NEARBY,)
    assert duplicate_reasons(probe, far, NOW) == ()
    assert duplicate_reasons(probe, other_category, NOW) == ()


def test_nearby_needs_both_positions_and_a_category() -> None:
    assert duplicate_reasons(facts(category="FIRE"), facts(200, category="FIRE", lat=LAT, lon=LON), NOW) == ()
    assert duplicate_reasons(facts(lat=LAT, lon=LON), facts(200, lat=LAT, lon=LON), NOW) == ()


@pytest.mark.parametrize(
    ("probe", "candidate", "expected"),
    [
        ({"area_code": "33.74.04.1001"}, {"area_code": "33.74.04.1001"}, True),
        ({"area_code": "33.74.04.1001"}, {"area_code": "33.74.04.1002", "village": "Pleburan"}, False),
        (PLEBURAN, {"village": "Kel. PLEBURAN ", "district": "Kec. semarang  selatan"}, True),
        ({**PLEBURAN, "area_code": "33.74.04.1001"}, PLEBURAN, True),
        ({"village": ""}, {"village": ""}, False),
        ({**PLEBURAN, "category": "FIRE"}, {**PLEBURAN, "category": "MED"}, False),
        ({**PLEBURAN, "category": "FIRE"}, PLEBURAN, True),
        # A regency or district picked from the list is not a kelurahan: the names decide.
        ({"area_code": "33.74"}, {"area_code": "33.74"}, False),
        ({"area_code": "33.74.04"}, {"area_code": "33.74.04"}, False),
        ({**PLEBURAN, "area_code": "33.74"}, {**PLEBURAN, "area_code": "33.74.04.1001"}, True),
        # One desa name in two kecamatan: two places; and a name without its kecamatan is not enough.
        (
            {"village": "Sukorejo", "district": "Gunungpati"},
            {"village": "Sukorejo", "district": "Mijen"},
            False,
        ),
        ({"village": "Pleburan"}, {"village": "Kel. PLEBURAN "}, False),
        (PLEBURAN, {"village": "Pleburan"}, False),
    ],
)
def test_same_kelurahan_within_30_minutes(
    probe: dict[str, object], candidate: dict[str, object], expected: bool
) -> None:
    reasons = duplicate_reasons(facts(**probe), facts(10, **candidate), NOW)
    assert (DuplicateReason.SAME_AREA in reasons) is expected
    # The same place half an hour later is a new event.
    assert DuplicateReason.SAME_AREA not in duplicate_reasons(facts(**probe), facts(31, **candidate), NOW)


def test_all_reasons_are_reported_together() -> None:
    probe = facts(category="FIRE", lat=LAT, lon=LON, **PLEBURAN)
    same = facts(4, category="FIRE", lat=LAT, lon=LON, **PLEBURAN)
    assert duplicate_reasons(probe, same, NOW, NOW - timedelta(minutes=4)) == (
        DuplicateReason.SAME_NUMBER,
        DuplicateReason.SAME_CATEGORY_NEARBY,
        DuplicateReason.SAME_AREA,
    )


def test_nearby_counts_only_between_positions_precise_enough_for_500_m() -> None:
    # 0.0036 degrees north: about 400 m apart.
    typed = facts(category="FIRE", lat=LAT, lon=LON, position_source=PositionSource.TYPED)
    handset = {"category": "FIRE", "lat": LAT + 0.0036, "lon": LON, "position_source": PositionSource.AML}
    nearby = (DuplicateReason.SAME_CATEGORY_NEARBY,)
    assert duplicate_reasons(typed, facts(60, **handset, radius_m=40.0), NOW) == nearby
    assert duplicate_reasons(typed, facts(60, **handset, radius_m=500.0), NOW) == nearby
    assert duplicate_reasons(typed, facts(60, **handset, radius_m=1200.0), NOW) == ()  # a cell's fix
    assert duplicate_reasons(facts(60, **handset, radius_m=1200.0), typed, NOW) == ()
    # A kelurahan's centre 400 m away (or the same point) is not "nearby": it is a guess.
    for source in (PositionSource.VILLAGE, PositionSource.DISTRICT):
        centre = {**handset, "position_source": source, "radius_m": 350.0}
        assert duplicate_reasons(typed, facts(60, **centre), NOW) == ()
        assert duplicate_reasons(typed, facts(60, **{**centre, "lat": LAT}), NOW) == ()


def test_two_incidents_at_one_kelurahans_centre_are_the_same_kelurahan_not_nearby() -> None:
    centre = {
        "category": "FIRE",
        "lat": LAT,
        "lon": LON,
        "position_source": PositionSource.VILLAGE,
        "radius_m": 900.0,
    }
    # The kelurahan typed over after it was picked (no code, another name), but still at its centre.
    probe = facts(**centre, village="Pleburan", district="Semarang Selatan")
    assert duplicate_reasons(probe, facts(10, **centre), NOW) == (DuplicateReason.SAME_AREA,)
    assert duplicate_reasons(probe, facts(40, **centre), NOW) == ()  # the same area, half an hour later
    # Two different kelurahan's centres (200 m apart), or a kecamatan's centre shared: not one kelurahan.
    assert duplicate_reasons(probe, facts(10, **{**centre, "lat": LAT + 0.0018}), NOW) == ()
    district = {**centre, "position_source": PositionSource.DISTRICT}
    assert duplicate_reasons(facts(**district), facts(10, **district), NOW) == ()
    # Picked kelurahan codes decide first: two codes are two kelurahan, whatever the points.
    assert (
        duplicate_reasons(
            facts(**centre, area_code="33.74.04.1001"), facts(10, **centre, area_code="33.74.04.1002"), NOW
        )
        == ()
    )


def test_village_key_ignores_case_accents_prefixes_and_spacing() -> None:
    assert village_key("  Kelurahan  Tegalsari ") == village_key("tegalsari")
    assert village_key("Desa Ngaliyan") == "ngaliyan"
    assert village_key("Kel. Pléburan") == "pleburan"
    assert village_key("Kel.") == ""


def test_district_key_ignores_case_accents_prefixes_and_spacing() -> None:
    assert district_key("  Kecamatan  Semarang Selatan ") == district_key("semarang selatan")
    assert district_key("Kec. Gajahmungkúr") == "gajahmungkur"
    assert district_key("Kec.") == ""


_coordinates = st.tuples(st.floats(-11, 6), st.floats(95, 141))


@settings(max_examples=300, deadline=None)
@given(
    _coordinates,
    _coordinates,
    st.sampled_from(["FIRE", "MED", None]),
    st.sampled_from(["FIRE", "MED", None]),
    st.text(max_size=12),
    st.text(max_size=12),
    st.floats(0, 120),
    st.tuples(st.text(max_size=8), st.text(max_size=8)),
    st.tuples(*[st.sampled_from(["", "33.74", "33.74.04", "33.74.04.1001", "33.74.04.1002"])] * 2),
)
def test_rules_are_symmetric_in_place_and_never_raise(
    a: tuple[float, float],
    b: tuple[float, float],
    category_a: str | None,
    category_b: str | None,
    village_a: str,
    village_b: str,
    minutes: float,
    districts: tuple[str, str],
    codes: tuple[str, str],
) -> None:
    first = facts(
        minutes,
        category=category_a,
        lat=a[0],
        lon=a[1],
        village=village_a,
        district=districts[0],
        area_code=codes[0],
    )
    second = facts(
        minutes,
        category=category_b,
        lat=b[0],
        lon=b[1],
        village=village_b,
        district=districts[1],
        area_code=codes[1],
    )
    forward = duplicate_reasons(first, second, NOW)
    backward = duplicate_reasons(second, first, NOW)
    assert set(forward) == set(backward)
    assert DuplicateReason.SAME_NUMBER not in forward
