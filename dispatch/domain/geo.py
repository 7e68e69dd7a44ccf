"""Distances on the WGS84 globe, for premise history, duplicates and unit recommendations, and the
grid of points (``PointGrid``) that finds the nearest village to a position and the nearest cameras to
an incident.

Straight-line (great-circle) distance is what the console can know without a road network; callers
of these functions say so to the user (an ETA is an estimate at a set speed).
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)
_METRES_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_M / 180.0


@dataclass(frozen=True, slots=True)
class Position:
    lat: float
    lon: float


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine; good to 0.5 % at city scale)."""
    phi1 = math.radians(lat1)
    phi2 = math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class BoundingBox:
    """Latitude/longitude limits enclosing every point within a radius: an index range for SQL."""

    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float


def bounding_box(lat: float, lon: float, radius_m: float) -> BoundingBox:
    d_lat = radius_m / _METRES_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    d_lon = min(180.0, d_lat / cos_lat)
    return BoundingBox(lat - d_lat, lat + d_lat, lon - d_lon, lon + d_lon)


def eta_minutes(distance_metres: float, speed_kmh: float) -> float:
    """Minutes to cover ``distance_metres`` at ``speed_kmh`` (straight line, so a lower bound)."""
    if speed_kmh <= 0:
        raise ValueError("speed must be positive")
    return distance_metres / 1000.0 / speed_kmh * 60.0


#: ``PointGrid``'s smallest and largest automatic cell, in degrees (about 22 m and 111 km).
_MIN_CELL_DEG = 0.0002
_MAX_CELL_DEG = 1.0
#: The automatic cell is halved while the points share cells more than this, on average as a point
#: sees it (the sum of each cell's count squared over the points): few points to measure per cell.
_CROWDING = 12.0
#: At most this many points are measured one by one rather than through the cells.
_SCAN_POINTS = 4096
_DEG = math.pi / 180.0


class PointGrid:
    """Points on the globe in cells of a latitude/longitude grid, for the ``k`` nearest to a position.

    The points are held in flat arrays (no object a point): each one's unit vector (x, y, z), and the
    points' numbers sorted by cell with each one's cell key beside it; a cell's points are found by
    bisection. The order is the exact great-circle order (the chord between two unit vectors grows
    with the angle between them), so "nearest" is what ``distance_m`` says, not a flat-map
    approximation; the distances returned are great-circle metres.

    A search measures the points of the cells around the position in growing squares (half-width 0,
    1, 2, 4, ... cells; columns wrap at the antimeridian) until nothing outside the square can be
    nearer than the ``k``-th found: an unvisited point is at least a whole number of cells away in
    latitude or in longitude, and either bounds its distance from below. Near a pole, or where the
    points are far apart, the square would grow past what measuring every point costs: then every
    point is measured. A grid is not changed once built (a new set of points is a new grid), so
    threads may share one.
    """

    def __init__(self, lats: Sequence[float], lons: Sequence[float], cell_deg: float | None = None) -> None:
        """``lats``, ``lons``: the points in degrees; a point is known by its position in them. A NaN
        latitude or longitude leaves that point out. ``cell_deg``: the side of a cell in degrees; None
        chooses one from the points (a few points a cell where they are densest)."""
        if len(lats) != len(lons):
            raise ValueError("as many latitudes as longitudes are needed")
        count = len(lats)
        # Comprehensions over whole arrays, not a loop of statements a point: 83,000 villages in 50 ms.
        total = sum(lats) + sum(lons)
        if total == total:  # neither a NaN nor an infinity: every point is there
            present = array("i", range(count))
            plats, plons = lats, lons
        else:
            present = array("i", [i for i in range(count) if lats[i] == lats[i] and lons[i] == lons[i]])
            plats, plons = [lats[i] for i in present], [lons[i] for i in present]
        if present and not (min(plats) >= -90.0 and max(plats) <= 90.0):
            _refuse(lats, lons)
        if present and not (min(plons) >= -180.0 and max(plons) <= 180.0):
            _refuse(lats, lons)
        # Unit vectors by point number (NaN for a point left out: it is never looked at).
        deg, cos, sin = _DEG, math.cos, math.sin
        cos_phis = [cos(lat * deg) for lat in lats]
        lams = [lon * deg for lon in lons]
        self._x = array("d", [c * cos(lam) for c, lam in zip(cos_phis, lams, strict=True)])
        self._y = array("d", [c * sin(lam) for c, lam in zip(cos_phis, lams, strict=True)])
        self._z = array("d", [sin(lat * deg) for lat in lats])
        del cos_phis, lams
        self._present = present
        self._count = count
        if cell_deg is None:
            cell_deg = _automatic_cell(plats, plons)
        if not 0.0 < cell_deg <= 180.0:
            raise ValueError(f"no such cell size {cell_deg}")
        self.columns = columns = max(1, round(360.0 / cell_deg))
        # The columns divide the circle exactly, so that a column number wraps (modulo) at 180°.
        self.cell_deg = cell = 360.0 / columns
        # A latitude of 90° is in the last row (the same division as ``_cell``).
        self.rows = rows = math.floor(180.0 / cell) + 1
        keys = _keys(plats, plons, cell, columns)
        order = sorted(range(len(present)), key=keys.__getitem__)
        self._keys = array("i" if rows * columns < 2**31 else "q", [keys[k] for k in order])
        self._slots = array("i", [present[k] for k in order])

    def __len__(self) -> int:
        """How many points the grid holds (those given without NaN)."""
        return len(self._slots)

    @property
    def arrays(self) -> tuple[array[Any], ...]:
        """The arrays the grid keeps (for measuring its memory)."""
        return self._x, self._y, self._z, self._present, self._keys, self._slots

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        cell = self.cell_deg
        return math.floor((lat + 90.0) / cell), math.floor((lon + 180.0) / cell) % self.columns

    def _key(self, lat: float, lon: float) -> int:
        row, column = self._cell(lat, lon)
        return row * self.columns + column

    def nearest(
        self,
        lat: float,
        lon: float,
        k: int = 1,
        max_m: float = math.inf,
        *,
        first: int = 0,
        end: int | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` points nearest to (``lat``, ``lon``) within ``max_m`` metres, nearest first: each
        point's number (its position in the sequences given) and its great-circle distance in metres.
        Only the points numbered ``first`` <= number < ``end`` are looked at (all by default). Points
        at the same distance come in the order of their numbers."""
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise ValueError(f"no such position {lat}, {lon}")
        end = self._count if end is None else min(end, self._count)
        first = max(first, 0)
        if k <= 0 or first >= end or not self._slots or max_m < 0:
            return []
        phi, lam = lat * _DEG, lon * _DEG
        cos_phi = math.cos(phi)
        at = (cos_phi * math.cos(lam), cos_phi * math.sin(lam), math.sin(phi))
        limit = _chord2(max_m / EARTH_RADIUS_M)
        whole = first == 0 and end == self._count
        if end - first <= _SCAN_POINTS:
            found = self._scan(at, k, limit, first, end)
        else:
            found = self._search(lat, lon, cos_phi, at, k, limit, None if whole else (first, end))
        found.sort()
        return [(i, 2.0 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(c2) / 2.0))) for c2, i in found]

    def _scan(
        self, at: tuple[float, float, float], k: int, limit: float, first: int, end: int
    ) -> list[tuple[float, int]]:
        """Every point numbered ``first`` .. ``end`` - 1 measured: the ``k`` nearest as (chord², number)."""
        x, y, z = at
        xs, ys, zs = self._x, self._y, self._z
        present = self._present  # the numbers of the points not left out, ascending
        lo = bisect.bisect_left(present, first)
        hi = bisect.bisect_left(present, end, lo)
        heap: list[tuple[float, int]] = []
        cut = limit
        for i in present[lo:hi]:
            dx, dy, dz = xs[i] - x, ys[i] - y, zs[i] - z
            c2 = dx * dx + dy * dy + dz * dz
            if c2 <= cut:
                cut = _keep(heap, k, c2, i, limit)
        return [(-c2, -i) for c2, i in heap]

    def _search(
        self,
        lat: float,
        lon: float,
        cos_phi: float,
        at: tuple[float, float, float],
        k: int,
        limit: float,
        numbers: tuple[int, int] | None,
    ) -> list[tuple[float, int]]:
        """The growing squares of cells (see the class); every point measured when they grow too big."""
        x, y, z = at
        xs, ys, zs, keys, slots = self._x, self._y, self._z, self._keys, self._slots
        columns, rows, cell = self.columns, self.rows, self.cell_deg
        first, end = numbers if numbers is not None else (0, self._count)
        row0, col0 = self._cell(lat, lon)
        heap: list[tuple[float, int]] = []
        cut = limit
        # A cell range (two bisections) costs about what measuring five points does: when the squares
        # would look up more ranges than that, measuring every point is quicker.
        budget = (end - first) // 5 + 16
        spent = 0
        # The first square is 3 by 3 cells (a square of one cell bounds nothing: the position may be
        # at its edge); ``inner`` is the half-width of the square already measured.
        inner, half = -1, 1
        bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
        while True:
            if 2 * half + 1 >= columns or spent + 4 * (2 * half + 1) > budget:
                return self._scan(at, k, limit, first, end)
            ranges = _square_ranges(row0, col0, inner, half, rows, columns)
            spent += len(ranges)
            for key_lo, key_hi in ranges:
                lo = bisect_left(keys, key_lo)
                hi = bisect_right(keys, key_hi, lo)
                if lo == hi:
                    continue
                if numbers is None:
                    for i in slots[lo:hi]:
                        dx, dy, dz = xs[i] - x, ys[i] - y, zs[i] - z
                        c2 = dx * dx + dy * dy + dz * dz
                        if c2 <= cut:
                            cut = _keep(heap, k, c2, i, limit)
                else:
                    for i in slots[lo:hi]:
                        if first <= i < end:
                            dx, dy, dz = xs[i] - x, ys[i] - y, zs[i] - z
                            c2 = dx * dx + dy * dy + dz * dz
                            if c2 <= cut:
                                cut = _keep(heap, k, c2, i, limit)
            # What the square leaves out is at least ``half`` whole cells away in latitude (unless it
            # spans every row) or in longitude; the bound is shaved for rounding at cell edges.
            reach = half * cell * _DEG
            by_lat = math.inf if row0 - half <= 0 and row0 + half >= rows - 1 else reach
            by_lon = math.asin(min(1.0, cos_phi * math.sin(min(reach, math.pi / 2))))
            bound = _chord2(max(0.0, min(by_lat, by_lon) * (1 - 1e-9) - 1e-12))
            if bound > limit or (len(heap) == k and -heap[0][0] < bound):
                return [(-c2, -i) for c2, i in heap]
            # One ring of cells more while the square is small (most searches end at half-width 1 or
            # 2), then doubling (few steps where the points are far apart).
            inner, half = half, half + 1 if half < 4 else half * 2


def _square_ranges(
    row0: int, col0: int, inner: int, half: int, rows: int, columns: int
) -> list[tuple[int, int]]:
    """The cell keys of the square of half-width ``half`` around (row0, col0) that the square of
    half-width ``inner`` (-1: none) left out, as inclusive key ranges (a row's cells are consecutive
    keys; columns wrap, and there are fewer of them than the square is wide)."""
    ranges: list[tuple[int, int]] = []
    left, right = col0 - half, col0 + half
    for row in range(max(0, row0 - half), min(rows - 1, row0 + half) + 1):
        base = row * columns
        if row < row0 - inner or row > row0 + inner:
            spans: tuple[tuple[int, int], ...] = ((left, right),)
        else:
            spans = ((left, col0 - inner - 1), (col0 + inner + 1, right))
        for a, b in spans:
            if a >= 0 and b < columns:
                ranges.append((base + a, base + b))
            else:
                ranges.extend((base + lo, base + hi) for lo, hi in _wrapped(a, b, columns))
    return ranges


def _keep(heap: list[tuple[float, int]], k: int, c2: float, i: int, limit: float) -> float:
    """Keep (c2, i) among the ``k`` smallest (a max-heap of negated pairs); the new cut-off."""
    item = (-c2, -i)
    if len(heap) < k:
        heapq.heappush(heap, item)
    elif item > heap[0]:  # nearer, or as near with a smaller number
        heapq.heapreplace(heap, item)
    return -heap[0][0] if len(heap) == k else limit


def _chord2(angle: float) -> float:
    """The squared chord between two unit vectors ``angle`` radians apart (inf past antipodes)."""
    if angle >= math.pi:
        return math.inf
    return 4.0 * math.sin(angle / 2.0) ** 2


def _wrapped(lo: int, hi: int, columns: int) -> tuple[tuple[int, int], ...]:
    """Columns ``lo`` .. ``hi`` (fewer than all, within one turn of 0 .. columns - 1) as one or two
    ranges within 0 .. columns - 1."""
    if hi < lo:
        return ()
    if hi < 0 or lo >= columns:  # wholly past one edge
        shift = columns if hi < 0 else -columns
        return ((lo + shift, hi + shift),)
    if lo < 0:
        return ((lo + columns, columns - 1), (0, hi))
    if hi >= columns:
        return ((lo, columns - 1), (0, hi - columns))
    return ((lo, hi),)


def _keys(lats: Sequence[float], lons: Sequence[float], cell: float, columns: int) -> list[int]:
    """Each point's cell key: its row (from 90° south) times ``columns`` plus its column (from 180°)."""
    floor = math.floor
    return [
        floor((lat + 90.0) / cell) * columns + floor((lon + 180.0) / cell) % columns
        for lat, lon in zip(lats, lons, strict=True)
    ]


def _refuse(lats: Sequence[float], lons: Sequence[float]) -> NoReturn:
    for i, (lat, lon) in enumerate(zip(lats, lons, strict=True)):
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) and lat == lat and lon == lon:
            raise ValueError(f"point {i}: no such position {lat}, {lon}")
    raise AssertionError("a point out of range was not found")


def _automatic_cell(lats: Sequence[float], lons: Sequence[float]) -> float:
    """A cell a few points share where they are densest: first from the points' spread as if even,
    then halved while the points crowd their cells (clustered points, e.g. a city's cameras)."""
    if not lats:
        return _MAX_CELL_DEG
    lat_lo, lat_hi, lon_lo, lon_hi = min(lats), max(lats), min(lons), max(lons)
    squeeze = max(math.cos((lat_lo + lat_hi) / 2 * _DEG), 0.01)
    area = max(lat_hi - lat_lo, _MIN_CELL_DEG) * max((lon_hi - lon_lo) * squeeze, _MIN_CELL_DEG)
    cell = min(_MAX_CELL_DEG, max(_MIN_CELL_DEG, math.sqrt(area * 4 / len(lats))))
    while cell > _MIN_CELL_DEG:
        counts = Counter(_keys(lats, lons, cell, 1 << 40))
        if sum(c * c for c in counts.values()) / len(lats) <= _CROWDING:
            break
        cell = max(_MIN_CELL_DEG, cell / 2)
    return cell
