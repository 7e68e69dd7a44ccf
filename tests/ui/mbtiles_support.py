"""A small MBTiles file made for the tests: PNG (or JPEG) tiles drawn with QImage, like a plain street
map of a few kilometres, so that the map has tiles to draw and screenshots look like a map.

The drawing is made in world pixels, so streets run on across tile edges at every level: land, a
grid of streets every ~1 km (every ~250 m from level 15), a river, and a park. Each tile also carries
its own colour mark in one corner pixel (``tile_mark``), so a test can tell from a screenshot which
tile (and which level) was drawn where.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from ui.map.projection import TILE_SIZE, tile_range, tms_row, world_xy

LAND = QColor("#f5f1e4")
STREET = QColor("#ffffff")
CASING = QColor("#c9c2b0")
WATER = QColor("#aad3df")
PARK = QColor("#c8e6b5")

#: Kota Semarang, roughly (west, south, east, north).
SEMARANG = (110.30, -7.10, 110.50, -6.93)


def tile_mark(zoom: int, column: int, row: int) -> QColor:
    """The colour of a tile's top-left pixel: its numbers, so that a test can recognise it."""
    return QColor((zoom * 9) % 256, column % 256, row % 256)


def draw_tile(zoom: int, column: int, row: int, *, mark: bool = True) -> QImage:
    image = QImage(TILE_SIZE, TILE_SIZE, QImage.Format.Format_RGB32)
    image.fill(LAND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # World pixels at this zoom, shifted to the tile.
    scale = 2.0**zoom
    painter.translate(-column * TILE_SIZE, -row * TILE_SIZE)
    painter.scale(scale, scale)

    def point(lat: float, lon: float) -> QPointF:
        return QPointF(*world_xy(lat, lon))

    park = QPainterPath()
    park.addEllipse(QRectF(point(-7.035, 110.395), point(-7.05, 110.415)).normalized())
    painter.fillPath(park, PARK)
    river = QPainterPath(point(-6.93, 110.36))
    for step in range(1, 41):
        lat = -6.93 - step * 0.0045
        river.lineTo(point(lat, 110.36 + 0.05 * math.sin(step / 6) + step * 0.001))
    width_px = max(2.0, 60.0 / (156_543 / scale))  # about 60 m wide
    painter.setPen(QPen(WATER, width_px / scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawPath(river)
    spacing = 0.01 if zoom < 15 else 0.0025
    street_px = 5.0 if zoom >= 14 else 3.0
    for pen in (QPen(CASING, (street_px + 2) / scale), QPen(STREET, street_px / scale)):
        painter.setPen(pen)
        for lon in _steps(SEMARANG[0], SEMARANG[2], spacing):
            painter.drawLine(point(SEMARANG[3], lon), point(SEMARANG[1], lon))
        for lat in _steps(SEMARANG[1], SEMARANG[3], spacing):
            painter.drawLine(point(lat, SEMARANG[0]), point(lat, SEMARANG[2]))
    painter.end()
    if mark:
        image.setPixelColor(0, 0, tile_mark(zoom, column, row))
    return image


def _steps(start: float, stop: float, step: float) -> Iterable[float]:
    count = int((stop - start) / step)
    return (start + i * step for i in range(count + 1))


def encode(image: QImage, fmt: str = "png") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG" if fmt == "jpg" else fmt.upper())
    buffer.close()
    return bytes(data.data())


def build_mbtiles(
    path: Path,
    *,
    zooms: Iterable[int] = (11, 12, 13, 14),
    bounds: tuple[float, float, float, float] = SEMARANG,
    fmt: str = "png",
    metadata: dict[str, str] | None = None,
    skip: Iterable[tuple[int, int, int]] = (),
) -> Path:
    """Write an MBTiles file of the tiles covering ``bounds`` at ``zooms`` (XYZ numbers in ``skip``
    are left out). ``metadata`` replaces the usual rows (None values: the row is left out)."""
    west, south, east, north = bounds
    rows = {
        "name": "Test streets",
        "format": fmt,
        "bounds": f"{west},{south},{east},{north}",
        "minzoom": str(min(zooms)),
        "maxzoom": str(max(zooms)),
        "attribution": "Test tiles © the tests",
        "type": "baselayer",
        "version": "1",
    }
    rows.update(metadata or {})
    left_out = set(skip)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
        )
        db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        db.executemany(
            "INSERT INTO metadata VALUES (?, ?)", [(k, v) for k, v in rows.items() if v is not None]
        )
        top_left = QPointF(*world_xy(north, west))
        bottom_right = QPointF(*world_xy(south, east))
        for zoom in zooms:
            first_col, last_col, first_row, last_row = tile_range(QRectF(top_left, bottom_right), zoom)
            for column in range(first_col, last_col + 1):
                for row in range(first_row, last_row + 1):
                    if (zoom, column, row) in left_out:
                        continue
                    data = encode(draw_tile(zoom, column, row), fmt)
                    db.execute(
                        "INSERT INTO tiles VALUES (?, ?, ?, ?)", (zoom, column, tms_row(zoom, row), data)
                    )
    return path
