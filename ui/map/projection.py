"""Web Mercator (EPSG:3857) as the situation map draws it: the scene's unit is one pixel of the world
at zoom 0 (the world is 256 x 256 units), so at zoom ``z`` the view scales the scene by ``2 ** z`` and
one scene unit is one tile pixel at zoom 0, as in the OpenStreetMap tile scheme (XYZ: row 0 at the
north). MBTiles files number their rows from the south (TMS); ``tms_row`` turns one into the other.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF

TILE_SIZE = 256
#: Web Mercator's latitude limit: the world is square there.
MAX_LATITUDE = 85.05112878
#: The equator's length on the WGS84 ellipsoid (Web Mercator's sphere has the semi-major axis).
EQUATOR_M = 2 * math.pi * 6_378_137.0


def to_scene(lat: float, lon: float) -> QPointF:
    """A latitude/longitude in degrees as a point of the scene (zoom-0 world pixels)."""
    x, y = world_xy(lat, lon)
    return QPointF(x, y)


def world_xy(lat: float, lon: float) -> tuple[float, float]:
    """``to_scene`` without Qt: the world pixel at zoom 0 as two floats."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = (lon + 180.0) / 360.0 * TILE_SIZE
    sin_lat = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin_lat) / (1 - sin_lat)) / (4 * math.pi)) * TILE_SIZE
    return x, y


def to_lat_lon(point: QPointF) -> tuple[float, float]:
    """The latitude and longitude of a scene point (the inverse of ``to_scene``)."""
    lon = point.x() / TILE_SIZE * 360.0 - 180.0
    n = math.pi * (1 - 2 * point.y() / TILE_SIZE)
    lat = math.degrees(math.atan(math.sinh(n)))
    return lat, lon


def scene_per_metre(lat: float) -> float:
    """How many scene units one metre on the ground is at ``lat`` (Mercator stretches by 1/cos)."""
    cos_lat = max(math.cos(math.radians(lat)), 1e-9)
    return TILE_SIZE / (EQUATOR_M * cos_lat)


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Ground metres one screen pixel covers at ``lat`` and ``zoom``."""
    return 1.0 / (scene_per_metre(lat) * math.pow(2.0, zoom))


def tile_rect(zoom: int, column: int, row: int) -> QRectF:
    """The scene rectangle of the XYZ tile (row 0 at the north)."""
    size = TILE_SIZE / 2.0**zoom
    return QRectF(column * size, row * size, size, size)


def tms_row(zoom: int, row: int) -> int:
    """An XYZ row as MBTiles (TMS) numbers it, or back: the flip is its own inverse."""
    return (1 << zoom) - 1 - row


def tile_range(rect: QRectF, zoom: int) -> tuple[int, int, int, int]:
    """The XYZ tiles at ``zoom`` that cover the scene rectangle: first and last column, first and
    last row (inclusive), clamped to the world."""
    last = (1 << zoom) - 1
    scale = 2.0**zoom / TILE_SIZE

    def clamp(value: float) -> int:
        return max(0, min(last, math.floor(value)))

    return (
        clamp(rect.left() * scale),
        clamp(rect.right() * scale),
        clamp(rect.top() * scale),
        clamp(rect.bottom() * scale),
    )


def bounds_rect(west: float, south: float, east: float, north: float) -> QRectF:
    """The scene rectangle of a longitude/latitude box (MBTiles' ``bounds`` order)."""
    top_left = to_scene(north, west)
    bottom_right = to_scene(south, east)
    return QRectF(top_left, bottom_right).normalized()
