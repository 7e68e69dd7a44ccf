"""Distances on the WGS84 globe, for premise history, duplicates and unit recommendations.

Straight-line (great-circle) distance is what the console can know without a road network; callers
of these functions say so to the user (an ETA is an estimate at a set speed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
