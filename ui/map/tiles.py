"""The map's raster tiles from an MBTiles file, and their drawing beneath the markers.

An MBTiles file (https://github.com/mapbox/mbtiles-spec, 1.3) is an SQLite database with a ``tiles``
table or view (``zoom_level``, ``tile_column``, ``tile_row`` numbered from the south as in TMS,
``tile_data`` the image) and a ``metadata`` table of name/value rows (``format``, ``minzoom``,
``maxzoom``, ``bounds``, ``attribution``). A centre's GIS office makes one from OpenStreetMap; the
console only reads it (opened read-only, nothing is fetched).

:class:`TileLayer` keeps a bounded cache of decoded tiles (QPixmap) and draws the tiles of the
view's zoom one to one in device pixels (the map zooms by whole levels, so a tile is never scaled
while panning). Beyond the file's deepest level, or where a tile is missing, the nearest level above
that has one is cut and enlarged, once, into the cache. Decoding is limited per frame: what is not
decoded in time is drawn at the next frame, so panning into new ground never stalls a frame for long.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import time
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap

from ui.map.projection import TILE_SIZE, bounds_rect, tile_range, tile_rect, tms_row, to_lat_lon

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

# Decoded tiles kept: a 1920x1200 view shows about 48; 160 of 256 KiB is 40 MiB at most.
CACHE_TILES = 160
# Time a frame may spend decoding tiles before leaving the rest for the next frame.
DECODE_BUDGET_S = 0.006
# Levels drawn enlarged beyond the file's deepest one.
OVERZOOM_LEVELS = 3
# Image formats MBTiles names (``format``) that Qt decodes here; pbf (vector) is not drawable.
_RASTER_FORMATS = {"png": b"png", "jpg": b"jpeg", "jpeg": b"jpeg", "webp": b"webp"}


class TileProblem(StrEnum):
    """Why a file cannot give the map its tiles."""

    MISSING = "missing"  # no such file, or not a regular file
    UNREADABLE = "unreadable"  # cannot be opened or read as SQLite
    NOT_MBTILES = "not_mbtiles"  # SQLite, but no tiles table with the MBTiles columns
    NO_TILES = "no_tiles"  # the tiles table is empty
    FORMAT = "format"  # vector tiles, or an image format this console cannot decode
    UNDECODABLE = "undecodable"  # a tile's data is not an image of the format


class TileFileError(Exception):
    """A tile file the map cannot use. ``str()`` is the reason in English (for the log);
    :meth:`words` says it in the console's language. ``problem`` is the kind, ``detail`` what was
    found (a format name, SQLite's message)."""

    def __init__(self, problem: TileProblem, detail: str = "") -> None:
        self.problem = problem
        self.detail = detail
        english = {
            TileProblem.MISSING: "no such file",
            TileProblem.UNREADABLE: "not an SQLite file",
            TileProblem.NOT_MBTILES: "not an MBTiles file (no tiles table)",
            TileProblem.NO_TILES: "the file has no tiles",
            TileProblem.FORMAT: "tiles in a format the map cannot draw",
            TileProblem.UNDECODABLE: "a tile is not a readable image",
        }[problem]
        super().__init__(f"{english}: {detail}" if detail else english)

    def words(self) -> str:
        """The reason in the console's language, with what was found."""
        words = {
            TileProblem.MISSING: translate("SituationMap", "there is no such file"),
            TileProblem.UNREADABLE: translate("SituationMap", "it is not an SQLite database"),
            TileProblem.NOT_MBTILES: translate("SituationMap", "it is not an MBTiles file (no tiles table)"),
            TileProblem.NO_TILES: translate("SituationMap", "the file has no tiles"),
            TileProblem.FORMAT: translate(
                "SituationMap", "its tiles are %1; the map draws raster tiles (png or jpg)"
            ),
            TileProblem.UNDECODABLE: translate("SituationMap", "a tile in it is not a readable image"),
        }[self.problem]
        return words.replace("%1", self.detail) if "%1" in words else words


@dataclass(frozen=True, slots=True)
class TileFileInfo:
    """What the file says about itself (or what its tiles show, where its metadata is silent)."""

    format: str
    min_zoom: int
    max_zoom: int
    # West, south, east, north in degrees.
    bounds: tuple[float, float, float, float]
    name: str
    attribution: str


class MBTilesFile:
    """An MBTiles file opened read-only; the tiles by XYZ numbers. Raises :class:`TileFileError`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise TileFileError(TileProblem.MISSING, str(path))
        uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
        try:
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            raise TileFileError(TileProblem.UNREADABLE, str(error)) from error
        try:
            self.info = self._read_info()
        except sqlite3.Error as error:
            self._db.close()
            raise TileFileError(TileProblem.UNREADABLE, str(error)) from error
        except TileFileError:
            self._db.close()
            raise

    def _read_info(self) -> TileFileInfo:
        db = self._db
        kinds = dict(db.execute("SELECT name, type FROM sqlite_master WHERE name IN ('tiles', 'metadata')"))
        if kinds.get("tiles") not in ("table", "view"):
            raise TileFileError(TileProblem.NOT_MBTILES)
        columns = {row[1] for row in db.execute("PRAGMA table_info(tiles)")}
        if not {"zoom_level", "tile_column", "tile_row", "tile_data"} <= columns:
            raise TileFileError(TileProblem.NOT_MBTILES, "columns " + ", ".join(sorted(columns)))
        meta: dict[str, str] = {}
        if kinds.get("metadata") in ("table", "view"):
            meta = {
                str(k): str(v) for k, v in db.execute("SELECT name, value FROM metadata") if k is not None
            }
        low, high = db.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
        if low is None:
            raise TileFileError(TileProblem.NO_TILES)
        min_zoom = _int_or(meta.get("minzoom"), int(low))
        max_zoom = _int_or(meta.get("maxzoom"), int(high))
        # The metadata may promise levels the table lacks: the table decides.
        min_zoom, max_zoom = max(min_zoom, int(low)), min(max_zoom, int(high))
        if min_zoom > max_zoom:
            min_zoom, max_zoom = int(low), int(high)
        sample = db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? LIMIT 1", (max_zoom,)
        ).fetchone()
        data = bytes(sample[0]) if sample and sample[0] is not None else b""
        form = meta.get("format", "").strip().lower() or _sniff(data)
        decoder = _RASTER_FORMATS.get(form)
        if decoder is None or decoder not in {bytes(f.data()) for f in QImageReader.supportedImageFormats()}:
            raise TileFileError(TileProblem.FORMAT, form or "unknown")
        if QImage.fromData(data).isNull():
            raise TileFileError(TileProblem.UNDECODABLE, f"zoom {max_zoom}")
        bounds = _bounds(meta.get("bounds", "")) or self._bounds_of_tiles(min_zoom)
        return TileFileInfo(
            format=form,
            min_zoom=min_zoom,
            max_zoom=max_zoom,
            bounds=bounds,
            name=meta.get("name", ""),
            attribution=meta.get("attribution", ""),
        )

    def _bounds_of_tiles(self, zoom: int) -> tuple[float, float, float, float]:
        first_col, last_col, first_row, last_row = self._db.execute(
            "SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) FROM tiles "
            "WHERE zoom_level = ?",
            (zoom,),
        ).fetchone()
        north_west = tile_rect(zoom, int(first_col), tms_row(zoom, int(last_row))).topLeft()
        south_east = tile_rect(zoom, int(last_col), tms_row(zoom, int(first_row))).bottomRight()
        north, west = to_lat_lon(north_west)
        south, east = to_lat_lon(south_east)
        return west, south, east, north

    def tile(self, zoom: int, column: int, row: int) -> bytes | None:
        """The image data of the XYZ tile (row 0 at the north), or None where the file has none."""
        found = self._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (zoom, column, tms_row(zoom, row)),
        ).fetchone()
        return bytes(found[0]) if found and found[0] is not None else None

    def close(self) -> None:
        self._db.close()


def _int_or(text: str | None, default: int) -> int:
    try:
        return int(float(text)) if text is not None else default
    except ValueError:
        return default


def _bounds(text: str) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        return None
    finite = all(math.isfinite(v) for v in (west, south, east, north))
    if not finite or not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return None
    return west, south, east, north


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"\x1f\x8b"):
        return "pbf"  # gzip: vector tiles are stored that way
    return ""


class TileLayer:
    """The tiles of one file, cached and drawn; the view owns one while a tile file is set."""

    def __init__(self, path: Path) -> None:
        self.file = MBTilesFile(path)
        self.info = self.file.info
        self.scene_bounds = bounds_rect(*self.info.bounds)
        self.max_draw_zoom = self.info.max_zoom + OVERZOOM_LEVELS
        self._cache: OrderedDict[tuple[int, int, int], QPixmap | None] = OrderedDict()
        self._failed_reads = 0
        self._deadline = 0.0
        self._decoded = 0
        # True when the last ``draw`` left tiles undecoded (the view asks for another frame).
        self.pending = False

    def close(self) -> None:
        self._cache.clear()
        self.file.close()

    def draw(self, painter: QPainter, exposed: QRectF, zoom: int) -> None:
        """Draw the tiles under the scene rectangle ``exposed`` at the view's whole ``zoom``. The
        painter is the view's (scene coordinates); tiles are placed in device pixels."""
        self.pending = False
        if zoom < self.info.min_zoom - 1 or zoom > self.max_draw_zoom:
            return  # far out: a few hundred tiles shrunk each frame would stall; the plain map shows
        area = exposed.intersected(self.scene_bounds)
        if area.isEmpty():
            return
        to_device = painter.worldTransform()
        first_col, last_col, first_row, last_row = tile_range(area, zoom)
        self._deadline = time.perf_counter() + DECODE_BUDGET_S
        self._decoded = 0
        painter.save()
        painter.resetTransform()
        for row in range(first_row, last_row + 1):
            for column in range(first_col, last_col + 1):
                pixmap = self._pixmap(zoom, column, row)
                if pixmap is None:
                    continue
                rect = to_device.mapRect(tile_rect(zoom, column, row))
                left, top = math.floor(rect.left() + 0.5), math.floor(rect.top() + 0.5)
                if abs(rect.width() - TILE_SIZE) < 0.5:
                    painter.drawPixmap(left, top, pixmap)
                else:  # the view's zoom is between levels (not made by this widget): scaled
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                    painter.drawPixmap(rect, pixmap, QRectF(pixmap.rect()))
        painter.restore()

    def _pixmap(self, zoom: int, column: int, row: int) -> QPixmap | None:
        key = (zoom, column, row)
        cache = self._cache
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        # At least one tile a frame, so that the map fills in however slow the decoding.
        if self._decoded and time.perf_counter() > self._deadline:
            self.pending = True
            return None
        self._decoded += 1
        pixmap = self._decode(zoom, column, row) if zoom <= self.info.max_zoom else None
        if pixmap is None:
            pixmap = self._enlarged(zoom, column, row)
        cache[key] = pixmap
        while len(cache) > CACHE_TILES:
            cache.popitem(last=False)
        return pixmap

    def _decode(self, zoom: int, column: int, row: int) -> QPixmap | None:
        if zoom < self.info.min_zoom:
            return None
        try:
            data = self.file.tile(zoom, column, row)
        except sqlite3.Error as error:  # a damaged page: that tile stays plain, the map goes on
            self._failed_reads += 1
            if self._failed_reads <= 3:
                log.warning("tile %s/%s/%s of %s unreadable: %s", zoom, column, row, self.file.path, error)
            return None
        if data is None:
            return None
        image = QImage.fromData(data)
        return None if image.isNull() else QPixmap.fromImage(image)

    def _enlarged(self, zoom: int, column: int, row: int) -> QPixmap | None:
        """The tile cut from the nearest level above that has one (up to the file's first level),
        enlarged to a whole tile; None where none has."""
        start = min(zoom - 1, self.info.max_zoom)
        for parent_zoom in range(start, self.info.min_zoom - 1, -1):
            shift = zoom - parent_zoom
            parent_key = (parent_zoom, column >> shift, row >> shift)
            parent = self._cache.get(parent_key) if parent_key in self._cache else None
            if parent is None:
                parent = self._decode(*parent_key)
            if parent is None:
                continue
            part = TILE_SIZE >> shift
            if part < 1:
                return None
            source = QRectF(
                (column - (parent_key[1] << shift)) * part,
                (row - (parent_key[2] << shift)) * part,
                part,
                part,
            )
            image = parent.toImage().copy(source.toRect())
            scaled = image.scaled(
                TILE_SIZE,
                TILE_SIZE,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            return QPixmap.fromImage(scaled)
        return None
