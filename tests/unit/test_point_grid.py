"""The shared grid of points (``geo.PointGrid``): the k nearest to a position, checked against measuring
every point with ``geo.distance_m``, also where a grid is most easily wrong: across the antimeridian,
at the poles, with points far apart, with many points at one spot, and inside a run of numbers."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.geo import PointGrid, distance_m

#: Great-circle metres: the grid's distance and distance_m's differ by rounding only.
TOLERANCE_M = 1e-4


def brute_force(
    lats: list[float],
    lons: list[float],
    lat: float,
    lon: float,
    k: int,
    max_m: float = math.inf,
    first: int = 0,
    end: int | None = None,
) -> list[tuple[int, float]]:
    """Every point measured: the k nearest within max_m, nearest first, ties by number."""
    end = len(lats) if end is None else end
    measured = [
        (distance_m(lat, lon, lats[i], lons[i]), i)
        for i in range(first, end)
        if not math.isnan(lats[i]) and not math.isnan(lons[i])
    ]
    return [(i, d) for d, i in sorted(measured) if d <= max_m][:k]


def assert_same(
    found: list[tuple[int, float]],
    expected: list[tuple[int, float]],
    lats: list[float],
    lons: list[float],
    lat: float,
    lon: float,
) -> None:
    """The same distances in the same order, each found point really at its distance; which of two
    points at the same distance (up to rounding) comes first is not asked."""
    assert len(found) == len(expected), (found, expected)
    for (i, got), (_, want) in zip(found, expected, strict=True):
        assert got == pytest.approx(want, abs=TOLERANCE_M, rel=1e-9)
        assert distance_m(lat, lon, lats[i], lons[i]) == pytest.approx(got, abs=TOLERANCE_M, rel=1e-9)
    assert [d for _, d in found] == sorted(d for _, d in found)
    assert len({i for i, _ in found}) == len(found)


# -- small sets: every point measured -------------------------------------------------------------

latitudes = st.one_of(
    st.floats(-90.0, 90.0),
    st.floats(85.0, 90.0),
    st.floats(-90.0, -85.0),
    st.sampled_from([-90.0, 90.0, 0.0, -6.99]),
)
longitudes = st.one_of(
    st.floats(-180.0, 180.0),
    st.floats(178.0, 180.0),
    st.floats(-180.0, -178.0),
    st.sampled_from([-180.0, 180.0, 0.0, 110.42]),
)


@settings(deadline=None, max_examples=200)
@given(
    st.lists(st.tuples(latitudes, longitudes), max_size=60),
    latitudes,
    longitudes,
    st.integers(0, 12),
    st.one_of(st.just(math.inf), st.floats(0.0, 25_000_000.0)),
    st.sampled_from([None, 0.05, 1.0, 7.5, 90.0]),
)
def test_a_small_set_gives_what_measuring_every_point_gives(
    points: list[tuple[float, float]], lat: float, lon: float, k: int, max_m: float, cell: float | None
) -> None:
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    expected = brute_force(lats, lons, lat, lon, k + 5, max_m + 1.0)
    # No point so near max_m that rounding decides whether it is inside.
    if any(abs(d - max_m) < 0.01 for _, d in expected):
        return
    grid = PointGrid(lats, lons, cell)
    assert len(grid) == len(points)
    assert_same(
        grid.nearest(lat, lon, k, max_m), brute_force(lats, lons, lat, lon, k, max_m), lats, lons, lat, lon
    )


# -- sets large enough for the grid's cells ----------------------------------------------------------

#: Where the points of a large set are: (latitude range, longitude ranges).
SPREADS = {
    "world": None,  # uniform on the sphere
    "semarang": ((-7.1, -6.9), [(110.3, 110.5)]),
    "antimeridian": ((-20.0, 20.0), [(177.0, 180.0), (-180.0, -177.0)]),
    "north pole": ((87.0, 90.0), [(-180.0, 180.0)]),
    "south pole": ((-90.0, -88.0), [(-180.0, 180.0)]),
    "two far towns": ((-7.1, -6.9), [(110.3, 110.32), (140.0, 140.02)]),
}


def _points(spread: str, count: int, rng: random.Random) -> tuple[list[float], list[float]]:
    lats: list[float] = []
    lons: list[float] = []
    where = SPREADS[spread]
    for _ in range(count):
        if where is None:
            lats.append(math.degrees(math.asin(rng.uniform(-1.0, 1.0))))
            lons.append(rng.uniform(-180.0, 180.0))
        else:
            (lat_lo, lat_hi), spans = where
            lon_lo, lon_hi = rng.choice(spans)
            lats.append(rng.uniform(lat_lo, lat_hi))
            lons.append(rng.uniform(lon_lo, lon_hi))
    return lats, lons


_grids: dict[tuple[str, float | None], tuple[list[float], list[float], PointGrid]] = {}


def _grid(spread: str, cell: float | None) -> tuple[list[float], list[float], PointGrid]:
    """5,000 points (more than the grid measures one by one), a few of them twice, and one left out."""
    if (spread, cell) not in _grids:
        lats, lons = _points(spread, 5000, random.Random(spread))
        lats[10], lons[10] = lats[20], lons[20]
        lats[30] = math.nan
        _grids[spread, cell] = lats, lons, PointGrid(lats, lons, cell)
    return _grids[spread, cell]


@settings(deadline=None, max_examples=100)
@given(
    st.sampled_from(sorted(SPREADS)),
    st.sampled_from([None, 0.01, 0.5, 5.0]),
    st.integers(0, 2**32),
    st.integers(1, 15),
    st.sampled_from([math.inf, 300.0, 5_000.0, 200_000.0, 3_000_000.0]),
)
def test_a_large_set_gives_what_measuring_every_point_gives(
    spread: str, cell: float | None, seed: int, k: int, max_m: float
) -> None:
    lats, lons, grid = _grid(spread, cell)
    assert len(grid) == 4999
    rng = random.Random(seed)
    # A position among the points, near one of them, or anywhere.
    near, _ = _points(spread, 1, rng)
    i = rng.randrange(len(lats))
    lat, lon = rng.choice(
        [
            (near[0], _points(spread, 1, rng)[1][0]),
            (lats[i] if not math.isnan(lats[i]) else 0.0, lons[i]),
            (rng.uniform(-90, 90), rng.uniform(-180, 180)),
            (rng.choice([-90.0, 90.0]), rng.uniform(-180, 180)),
            (rng.uniform(-90, 90), rng.choice([-180.0, 180.0])),
        ]
    )
    lat = min(90.0, max(-90.0, lat))
    expected = brute_force(lats, lons, lat, lon, k, max_m)
    if any(abs(d - max_m) < 0.01 for _, d in brute_force(lats, lons, lat, lon, k + 5, max_m + 1.0)):
        return
    assert_same(grid.nearest(lat, lon, k, max_m), expected, lats, lons, lat, lon)


@settings(deadline=None, max_examples=60)
@given(
    st.sampled_from(["world", "semarang", "antimeridian"]),
    st.integers(0, 5000),
    st.integers(0, 5000),
    st.integers(0, 2**32),
)
def test_only_the_numbers_asked_for_are_looked_at(spread: str, a: int, b: int, seed: int) -> None:
    lats, lons, grid = _grid(spread, None)
    first, end = min(a, b), max(a, b)
    rng = random.Random(seed)
    lat, lon = lats[rng.randrange(len(lats))], lons[rng.randrange(len(lons))]
    lat = 0.0 if math.isnan(lat) else lat
    found = grid.nearest(lat, lon, 5, first=first, end=end)
    assert all(first <= i < end for i, _ in found)
    assert_same(found, brute_force(lats, lons, lat, lon, 5, first=first, end=end), lats, lons, lat, lon)


def test_a_city_of_cameras_nearest_ten() -> None:
    """20,000 points in a city (Semarang's size), the ten nearest to many positions in and around it."""
    rng = random.Random(16)
    lats = [rng.gauss(-7.0, 0.04) for _ in range(20_000)]
    lons = [rng.gauss(110.42, 0.05) for _ in range(20_000)]
    grid = PointGrid(lats, lons)
    # The automatic cell is small where the points are this dense (a few points a cell).
    assert grid.cell_deg < 0.01
    for _ in range(25):
        lat, lon = rng.uniform(-7.3, -6.7), rng.uniform(110.1, 110.7)
        assert_same(grid.nearest(lat, lon, 10), brute_force(lats, lons, lat, lon, 10), lats, lons, lat, lon)


# -- the rules -----------------------------------------------------------------------------------------


def test_points_at_one_spot_come_in_the_order_of_their_numbers() -> None:
    lats = [-7.0, -7.0, -7.01, -7.0, -7.0]
    lons = [110.4, 110.4, 110.4, 110.4, 110.4]
    found = PointGrid(lats, lons).nearest(-7.0, 110.4, 3)
    assert [i for i, _ in found] == [0, 1, 3]
    assert [d for _, d in found] == [0.0, 0.0, 0.0]


def test_across_the_antimeridian_the_nearer_side_wins() -> None:
    # 179.99° east and 179.99° west are 2.2 km apart, not 40,000 km.
    grid = PointGrid([0.0, 0.0], [-179.99, 170.0], cell_deg=0.05)
    ((i, metres),) = grid.nearest(0.0, 179.99, 1)
    assert i == 0
    assert metres == pytest.approx(2224, rel=0.01)


def test_at_a_pole_every_longitude_is_as_near() -> None:
    grid = PointGrid([89.9, 89.9, 89.9, 80.0], [0.0, 120.0, -120.0, 0.0], cell_deg=0.05)
    found = grid.nearest(90.0, 45.0, 3)
    assert sorted(i for i, _ in found) == [0, 1, 2]
    assert all(d == pytest.approx(11_119.5, rel=0.001) for _, d in found)


def test_a_point_without_a_position_is_left_out() -> None:
    grid = PointGrid([math.nan, -7.0, -7.0], [110.4, math.nan, 110.5])
    assert len(grid) == 1
    ((i, metres),) = grid.nearest(-7.0, 110.4, 5)
    assert (i, round(metres, -1)) == (2, 11_040)


def test_nothing_beyond_max_m_and_nothing_for_k_zero() -> None:
    grid = PointGrid([-7.0, -7.1], [110.4, 110.4])
    assert [i for i, _ in grid.nearest(-7.0, 110.4, 5, max_m=5_000)] == [0]
    assert grid.nearest(-7.0, 110.4, 0) == []
    assert PointGrid([], []).nearest(0.0, 0.0, 3) == []


@pytest.mark.parametrize(
    ("lats", "lons", "words"),
    [
        ([91.0], [0.0], "no such position"),
        ([0.0, 0.0], [0.0, 180.5], "point 1: no such position"),
        ([0.0], [math.inf], "no such position"),
        ([0.0, 1.0], [0.0], "as many latitudes as longitudes"),
    ],
)
def test_impossible_points_are_refused(lats: list[float], lons: list[float], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        PointGrid(lats, lons)


def test_an_impossible_position_is_refused() -> None:
    with pytest.raises(ValueError, match="no such position"):
        PointGrid([0.0], [0.0]).nearest(-90.5, 0.0, 1)
