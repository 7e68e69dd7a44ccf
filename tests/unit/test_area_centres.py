"""Area centres on small tables built here: the fallback to the level above, places for the map, the
nearest village to a position, and the table's old five-column rows."""

from __future__ import annotations

import functools
import gzip
import random
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.areas import (
    NEAREST_VILLAGE_MAX_M,
    AreaCentre,
    AreaIndex,
    AreaLevel,
    AreaPlace,
    AreaRow,
    area_index,
    iter_area_rows,
    load_area_index,
)
from dispatch.domain.geo import distance_m

ROWS: list[AreaRow] = [
    ("31", 1, "DKI Jakarta", "", "", None, None, None),
    ("31.71", 2, "Kota Adm. Jakarta Pusat", "31", "", None, None, None),
    ("31.71.01", 3, "Gambir", "31.71", "", None, None, None),
    ("31.71.01.1001", 4, "Gambir", "31.71.01", "10110", None, None, None),
    ("33", 1, "Jawa Tengah", "", "", -7.2, 110.1, 250_000.0),
    ("33.74", 2, "Kota Semarang", "33", "", -7.01, 110.42, 16_000.0),
    ("33.74.04", 3, "Gayamsari", "33.74", "", None, None, None),
    ("33.74.04.1001", 4, "Gayamsari", "33.74.04", "50248", None, None, None),
    ("33.74.10", 3, "Tembalang", "33.74", "", -7.06, 110.44, 5200.0),
    ("33.74.10.1001", 4, "Tembalang", "33.74.10", "50275", -7.0554, 110.4411, 900.0),
    ("33.74.10.1002", 4, "Bulusan", "33.74.10", "50277", -7.0482, 110.4561, 1100.0),
    ("33.74.10.1003", 4, "Meteseh", "33.74.10", "50271", None, None, None),
]


@pytest.fixture(scope="module")
def small() -> AreaIndex:
    return AreaIndex(ROWS)


def test_a_village_with_a_point_has_its_own_centre(small: AreaIndex) -> None:
    assert small.centre("33.74.10.1001") == AreaCentre(
        "33.74.10.1001", "Tembalang", AreaLevel.VILLAGE, -7.0554, 110.4411, 900.0
    )


def test_a_village_without_a_point_gets_its_kecamatans_centre(small: AreaIndex) -> None:
    assert small.centre("33.74.10.1003") == AreaCentre(
        "33.74.10", "Tembalang", AreaLevel.DISTRICT, -7.06, 110.44, 5200.0
    )


def test_without_a_kecamatan_point_the_kota_centre_is_next(small: AreaIndex) -> None:
    for code in ("33.74.04.1001", "33.74.04"):
        centre = small.centre(code)
        assert centre is not None
        assert (centre.code, centre.level, centre.radius_m) == ("33.74", AreaLevel.REGENCY, 16_000.0)


def test_no_centre_when_nothing_above_has_a_point_or_the_code_is_unknown(small: AreaIndex) -> None:
    assert small.centre("31.71.01.1001") is None
    assert small.centre("33.74.10.9999") is None
    assert small.centre("") is None


def test_a_match_carries_its_centre(small: AreaIndex) -> None:
    found = small.get("33.74.10.1003")
    assert found is not None
    assert found.centre == small.centre("33.74.10.1003")
    (meteseh,) = small.search("meteseh")
    assert meteseh.centre is not None
    assert meteseh.centre.code == "33.74.10"
    assert small.get("31.71.01.1001") is not None
    assert small.get("31.71.01.1001").centre is None  # type: ignore[union-attr]


def test_places_are_the_areas_of_a_level_with_points(small: AreaIndex) -> None:
    assert small.places("33.74", AreaLevel.VILLAGE) == [
        AreaPlace("33.74.10.1001", "Tembalang", AreaLevel.VILLAGE, -7.0554, 110.4411),
        AreaPlace("33.74.10.1002", "Bulusan", AreaLevel.VILLAGE, -7.0482, 110.4561),
    ]
    assert [p.code for p in small.places("33.74", AreaLevel.DISTRICT)] == ["33.74.10"]
    assert [p.code for p in small.places("33.74.", AreaLevel.DISTRICT)] == ["33.74.10"]
    assert [p.code for p in small.places("", AreaLevel.PROVINCE)] == ["33"]
    assert small.places("31", AreaLevel.VILLAGE) == []
    assert small.places("99", AreaLevel.VILLAGE) == []
    assert small.places("33.74.10.1001", AreaLevel.VILLAGE)[0].name == "Tembalang"


def test_the_nearest_village_in_a_small_table(small: AreaIndex) -> None:
    near_bulusan = small.nearest_village(-7.049, 110.455)
    assert near_bulusan is not None
    assert near_bulusan.code == "33.74.10.1002"
    assert near_bulusan.centre is not None
    assert near_bulusan.centre.code == "33.74.10.1002"
    assert small.nearest_village(-7.0554, 110.4411, within="33.74.10") is not None
    assert small.nearest_village(-6.2, 106.8, within="31") is None  # no village of DKI has a point
    assert small.nearest_village(-7.05, 110.45, within="35") is None
    # Far from every village centre: not in any village.
    assert small.nearest_village(-7.05, 112.0) is None
    assert small.nearest_village(91.0, 0.0) is None


def test_old_five_column_rows_still_load(tmp_path: Path) -> None:
    lines = [
        "33\t1\tJawa Tengah\t\t\n",
        "33.74\t2\tKota Semarang\t33\t\n",
        "33.74.10\t3\tTembalang\t33.74\t\n",
        "33.74.10.1001\t4\tTembalang\t33.74.10\t50275\n",
    ]
    assert next(iter_area_rows(lines[-1:])) == (
        "33.74.10.1001",
        4,
        "Tembalang",
        "33.74.10",
        "50275",
        None,
        None,
        None,
    )
    path = tmp_path / "old.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(lines)
    index = load_area_index(path)
    assert len(index) == 4
    assert index.centre("33.74.10.1001") is None
    assert index.get("33.74.10.1001").postcode == "50275"  # type: ignore[union-attr]
    assert index.places("33", AreaLevel.VILLAGE) == []
    assert index.nearest_village(-7.05, 110.44) is None
    # Five-column tuples (as tests and callers built them before centres) too.
    assert AreaIndex([row[:5] for row in ROWS]).centre("33.74.10.1001") is None


def test_eight_column_rows_are_read_with_empty_columns_as_none() -> None:
    rows = list(
        iter_area_rows(
            [
                "33.74.10\t3\tTembalang\t33.74\t\t-7.06\t110.44\t5200\n",
                "33.74.10.1003\t4\tMeteseh\t33.74.10\t50271\t\t\t\n",
            ]
        )
    )
    assert rows == [
        ("33.74.10", 3, "Tembalang", "33.74", "", -7.06, 110.44, 5200.0),
        ("33.74.10.1003", 4, "Meteseh", "33.74.10", "50271", None, None, None),
    ]
    with pytest.raises(ValueError, match="6 columns"):
        list(iter_area_rows(["33\t1\tJawa Tengah\t\t\t-7\n"]))


def test_a_point_must_be_whole_and_on_the_globe() -> None:
    with pytest.raises(ValueError, match="latitude without a longitude"):
        AreaIndex([("33", 1, "Jawa Tengah", "", "", -7.0, None, None)])
    with pytest.raises(ValueError, match="no such position"):
        AreaIndex([("33", 1, "Jawa Tengah", "", "", -97.0, 110.0, 1.0)])


@settings(deadline=None, max_examples=80)
@given(st.lists(st.booleans(), min_size=len(ROWS), max_size=len(ROWS)))
def test_the_centre_is_the_nearest_area_above_with_a_point(keep: list[bool]) -> None:
    """Whichever areas have points, a code's centre is its own or its closest ancestor's."""
    rows: list[AreaRow] = [
        row if kept else (*row[:5], None, None, None)  # type: ignore[misc]
        for row, kept in zip(ROWS, keep, strict=True)
    ]
    index = AreaIndex(rows)
    with_point = {row[0]: row for row in rows if row[5] is not None}
    for code, *_rest in rows:
        chain = [code[:n] for n in (13, 8, 5, 2) if len(code) >= n]
        expected = next((c for c in chain if c in with_point), None)
        centre = index.centre(code)
        assert (centre.code if centre else None) == expected
        if centre is not None:
            assert (centre.lat, centre.lon) == (with_point[expected][5], with_point[expected][6])  # type: ignore[index]


# -- the nearest village through the grid --------------------------------------------------------


@functools.cache
def _spread_index() -> AreaIndex:
    """About 6,000 villages: 5,700 scattered over some 220 by 330 km around Semarang in two kota of
    Jawa Tengah (more rows than the index scans one by one: the grid answers, filtered by area), and
    300 in a small kota of another province far east (scanned)."""
    rng = random.Random(15)
    rows: list[AreaRow] = []
    for province, kota, villages in (("33", "33.01", 3000), ("33", "33.03", 2700), ("34", "34.02", 300)):
        if not rows or rows[-1][0][:2] != province:
            rows.append((province, 1, f"Provinsi {province}", "", "", None, None, None))
        rows.append((kota, 2, f"Kota {kota}", province, "", None, None, None))
        for kec in range(1, 21):
            kec_code = f"{kota}.{kec:02d}"
            rows.append((kec_code, 3, f"Kec {kec_code}", kota, "", None, None, None))
            for v in range(1, villages // 20 + 1):
                if province == "34":
                    lat, lon = rng.uniform(-7.3, -7.2), rng.uniform(111.9, 112.0)
                else:
                    lat, lon = rng.uniform(-8.0, -6.0), rng.uniform(109.0, 112.0)
                point = (None, None, None) if v % 17 == 0 else (lat, lon, 800.0)
                rows.append((f"{kec_code}.{1000 + v}", 4, f"Desa {kec_code} {v}", kec_code, "", *point))
    return AreaIndex(rows)


@pytest.fixture(scope="module")
def spread() -> AreaIndex:
    return _spread_index()


def _brute_force(index: AreaIndex, lat: float, lon: float, within: str = "") -> float:
    return min(
        (
            distance_m(lat, lon, index._lat[i], index._lon[i])
            for i in range(len(index))
            if index.levels[i] is AreaLevel.VILLAGE
            and index.has_point(i)
            and index.codes[i].startswith(within)
        ),
        default=float("inf"),
    )


@settings(deadline=None, max_examples=150)
@given(
    st.floats(min_value=-8.2, max_value=-5.8),
    st.floats(min_value=108.8, max_value=112.2),
    st.sampled_from(["", "33", "33.01", "34.02", "33.03.07"]),
)
def test_the_grid_finds_the_nearest_village(lat: float, lon: float, within: str) -> None:
    index = _spread_index()
    found = index.nearest_village(lat, lon, within=within)
    best = _brute_force(index, lat, lon, within)
    if found is None:
        # Only when nothing is within reach (or the area has no village with a point).
        assert best > NEAREST_VILLAGE_MAX_M * 0.99
        return
    assert found.level is AreaLevel.VILLAGE
    assert found.code.startswith(within)
    assert found.centre is not None
    assert found.centre.code == found.code
    got = distance_m(lat, lon, found.centre.lat, found.centre.lon)
    # Compared on a tangent plane: equal to the great-circle nearest up to a hair.
    assert got <= best * 1.001 + 1.0


def test_the_nearest_village_of_a_village_centre_is_itself(spread: AreaIndex) -> None:
    for place in spread.places("33.01", AreaLevel.VILLAGE)[:300]:
        found = spread.nearest_village(place.lat, place.lon)
        assert found is not None
        assert found.code == place.code


def test_a_village_without_a_point_is_never_the_nearest(spread: AreaIndex) -> None:
    without = {spread.codes[i] for i in range(len(spread)) if not spread.has_point(i)}
    rng = random.Random(3)
    for _ in range(300):
        found = spread.nearest_village(rng.uniform(-8, -6), rng.uniform(109, 112))
        assert found is not None
        assert found.code not in without


# -- the shipped table ----------------------------------------------------------------------------

#: Kota Semarang's extent (its boundary on OpenStreetMap lies within about 7.12-6.92 S,
#: 110.26-110.51 E), with a little room.
SEMARANG_BOUNDS = (-7.15, -6.90, 110.25, 110.52)


def _inside_semarang(lat: float, lon: float) -> bool:
    south, north, west, east = SEMARANG_BOUNDS
    return south <= lat <= north and west <= lon <= east


def test_every_kelurahan_of_kota_semarang_has_its_own_point() -> None:
    index = area_index()
    kelurahan = index.places("33.74", AreaLevel.VILLAGE)
    villages = [index.codes[i] for i in range(*index._range("33.74")) if index.levels[i] is AreaLevel.VILLAGE]
    assert len(villages) == 177
    assert [p.code for p in kelurahan] == villages
    for code in villages:
        centre = index.centre(code)
        assert centre is not None
        assert (centre.code, centre.level) == (code, AreaLevel.VILLAGE)
        assert _inside_semarang(centre.lat, centre.lon), code
        assert 300 <= centre.radius_m <= 5000


def test_tembalang_is_where_it_is() -> None:
    index = area_index()
    kecamatan = index.centre("33.74.10")
    assert kecamatan is not None
    assert (kecamatan.name, kecamatan.level) == ("Tembalang", AreaLevel.DISTRICT)
    assert _inside_semarang(kecamatan.lat, kecamatan.lon)
    kelurahan = index.get("33.74.10.1006")
    assert kelurahan is not None
    assert kelurahan.name == "Tembalang"
    assert kelurahan.centre is not None
    # Kelurahan Tembalang holds Universitas Diponegoro's campus (about 7.050 S, 110.439 E).
    assert distance_m(kelurahan.centre.lat, kelurahan.centre.lon, -7.0505, 110.4390) < 2000
    # Picked from the type-ahead, it comes with the same centre.
    (found,) = [m for m in index.search("tembalang", within="33.74") if m.code == "33.74.10.1006"]
    assert found.centre == kelurahan.centre
    kota = index.centre("33.74")
    assert kota is not None
    assert _inside_semarang(kota.lat, kota.lon)
    assert 5_000 < kota.radius_m < 30_000


def test_the_shipped_centres_cover_their_villages() -> None:
    """Every area's radius reaches each of its villages' points; villages have 300..5,000 m; and
    the villages without a point are few and get their kecamatan's (or kota's) centre."""
    index = area_index()
    own = sum(1 for i in range(len(index)) if index.levels[i] is AreaLevel.VILLAGE and index.has_point(i))
    assert own > 82_000
    assert index.count(AreaLevel.VILLAGE) - own < 1000
    for level in (AreaLevel.PROVINCE, AreaLevel.REGENCY, AreaLevel.DISTRICT):
        for area in index.places("", level):
            centre = index.centre(area.code)
            assert centre is not None
            for village in index.places(area.code, AreaLevel.VILLAGE):
                assert distance_m(centre.lat, centre.lon, village.lat, village.lon) <= centre.radius_m + 1
    without = [
        index.codes[i]
        for i in range(len(index))
        if index.levels[i] is AreaLevel.VILLAGE and not index.has_point(i)
    ]
    for code in without[::50]:
        centre = index.centre(code)
        assert centre is not None
        assert centre.level in (AreaLevel.DISTRICT, AreaLevel.REGENCY)
        assert code.startswith(centre.code)


def test_the_nearest_village_to_a_village_centre_in_semarang_is_that_village() -> None:
    index = area_index()
    for place in index.places("33.74", AreaLevel.VILLAGE):
        found = index.nearest_village(place.lat, place.lon)
        assert found is not None
        assert found.code == place.code
        assert index.nearest_village(place.lat, place.lon, within="33.74") == found


def test_a_village_centre_is_looked_up_within_a_tenth_of_a_millisecond() -> None:
    index = area_index()
    codes = [p.code for p in index.places("33", AreaLevel.VILLAGE)][::10]
    for code in codes[:100]:
        index.centre(code)
    started = time.perf_counter()
    for code in codes:
        index.centre(code)
    per_lookup = (time.perf_counter() - started) / len(codes)
    # The target is 0.1 ms (measured: a few microseconds); generous for loaded test machines.
    assert per_lookup < 0.0001
