"""The situation map widget on its own (ui/map): Web Mercator, the MBTiles reader and the tiles drawn
where they belong, the markers (shape and words), labels that never collide, keys and mouse.

The map is a real widget shown offscreen; tile files are made by ``tests/ui/mbtiles_support.py``.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dispatch.domain.areas import AreaLevel, AreaPlace
from dispatch.domain.enums import AgencyType, IncidentStatus, Priority, UnitStatus
from tests.ui.mbtiles_support import LAND, build_mbtiles, tile_mark
from ui import labels
from ui.map import (
    IncidentMarker,
    SituationMap,
    TileFileError,
    TileProblem,
    UnitMarker,
    markers,
    projection,
    tiles,
)
from ui.map.tiles import MBTilesFile
from ui.map.view import PLAIN_BACKGROUND

SEMARANG = (-6.99, 110.42)


def incident(
    incident_id: int,
    lat: float,
    lon: float,
    priority: Priority = Priority.P1,
    *,
    status: IncidentStatus = IncidentStatus.AWAITING_DISPATCH,
    radius_m: float | None = None,
    approximate: bool = False,
) -> IncidentMarker:
    return IncidentMarker(
        incident_id, f"2026-{incident_id:06d}", priority, status, lat, lon, radius_m, approximate
    )


def unit(
    unit_id: int,
    lat: float,
    lon: float,
    agency: AgencyType = AgencyType.MEDICAL,
    status: UnitStatus = UnitStatus.AVAILABLE,
    call_sign: str = "",
) -> UnitMarker:
    return UnitMarker(unit_id, call_sign or f"AMB-{unit_id:02d}", agency, status, lat, lon)


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[SituationMap]:
    shown = SituationMap()
    qtbot.addWidget(shown)
    shown.resize(900, 620)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.set_tiles(None)


@pytest.fixture
def tile_file(tmp_path: Path) -> Path:
    return build_mbtiles(tmp_path / "streets.mbtiles", zooms=(12, 13, 14))


def painted(view: SituationMap) -> QImage:
    view.viewport().repaint()
    while view.tiles_pending:
        QApplication.processEvents()
        view.viewport().repaint()
    return view.viewport().grab().toImage()


def anchor_rect(view: SituationMap, kind: str, marker_id: int) -> QRect:
    for item in view.scene().items():
        if item.data(markers.KIND_KEY) == kind and item.data(markers.ID_KEY) == marker_id:
            return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect()).toRect()
    raise AssertionError(f"no {kind} {marker_id}")


# --- Web Mercator ----------------------------------------------------------------------------------


def test_known_points_and_tiles_of_the_openstreetmap_scheme() -> None:
    assert projection.to_scene(0, 0) == QPointF(128, 128)
    north_west = projection.to_scene(projection.MAX_LATITUDE, -180)
    assert abs(north_west.x()) < 1e-9
    assert abs(north_west.y()) < 1e-6
    # The OpenStreetMap wiki's formula, written the other way: the tile of Semarang at 13.
    lat, lon, zoom = -6.99, 110.42, 13
    column = math.floor((lon + 180) / 360 * 2**zoom)
    row = math.floor((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 2**zoom)
    point = projection.to_scene(lat, lon)
    assert projection.tile_rect(zoom, column, row).contains(point)
    first_col, last_col, first_row, last_row = projection.tile_range(
        projection.tile_rect(zoom, column, row).adjusted(0.0001, 0.0001, -0.0001, -0.0001), zoom
    )
    assert (first_col, last_col, first_row, last_row) == (column, column, row, row)
    # One metre at the equator: the equator is 40,075 km round and 256 units long.
    assert projection.scene_per_metre(0) == pytest.approx(256 / 40_075_016.686, rel=1e-6)
    assert projection.metres_per_pixel(0, 0) == pytest.approx(156_543.03, rel=1e-5)


@given(st.floats(-85, 85), st.floats(-180, 180))
def test_a_position_comes_back_from_the_scene(lat: float, lon: float) -> None:
    back_lat, back_lon = projection.to_lat_lon(projection.to_scene(lat, lon))
    assert back_lat == pytest.approx(lat, abs=1e-9)
    assert back_lon == pytest.approx(lon, abs=1e-9)


@given(st.integers(0, 22), st.data())
def test_the_tms_row_flip_is_its_own_inverse(zoom: int, data: st.DataObject) -> None:
    row = data.draw(st.integers(0, 2**zoom - 1))
    flipped = projection.tms_row(zoom, row)
    assert 0 <= flipped < 2**zoom
    assert projection.tms_row(zoom, flipped) == row


# --- the MBTiles file ------------------------------------------------------------------------------


def test_a_tile_file_is_read_by_its_xyz_numbers(tile_file: Path) -> None:
    opened = MBTilesFile(tile_file)
    info = opened.info
    assert (info.format, info.min_zoom, info.max_zoom) == ("png", 12, 13 + 1)
    assert info.attribution == "Test tiles © the tests"
    assert info.bounds == (110.30, -7.10, 110.50, -6.93)
    point = projection.to_scene(*SEMARANG)
    column, row = math.floor(point.x() / 256 * 2**13), math.floor(point.y() / 256 * 2**13)
    data = opened.tile(13, column, row)
    assert data is not None
    # The file keeps TMS rows (from the south); asked by XYZ numbers, it gives that very tile.
    assert QImage.fromData(data).pixelColor(0, 0) == tile_mark(13, column, row)
    assert opened.tile(13, column, projection.tms_row(13, row)) != data
    assert opened.tile(5, 0, 0) is None
    opened.close()


def test_bounds_and_levels_come_from_the_tiles_when_the_metadata_is_silent(tmp_path: Path) -> None:
    path = build_mbtiles(
        tmp_path / "bare.mbtiles",
        zooms=(12, 13),
        metadata={"bounds": None, "minzoom": "3", "maxzoom": None, "format": None, "attribution": None},
    )
    info = MBTilesFile(path).info
    assert (info.format, info.min_zoom, info.max_zoom, info.attribution) == ("png", 12, 13, "")
    west, south, east, north = info.bounds
    # Whole tiles at level 12 cover the area the tiles were made for.
    assert west <= 110.30
    assert south <= -7.10
    assert east >= 110.50
    assert north >= -6.93
    assert east - west < 0.5
    assert north - south < 0.5


def _not_sqlite(path: Path) -> Path:
    path.write_text("tiles? no: a note\n", encoding="utf-8")
    return path


def _no_tiles_table(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    return path


def _empty(path: Path) -> Path:
    build_mbtiles(path, zooms=(12,))
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM tiles")
    return path


def _vector(path: Path) -> Path:
    return build_mbtiles(path, zooms=(12,), metadata={"format": "pbf"})


def _garbage_tiles(path: Path) -> Path:
    build_mbtiles(path, zooms=(12,))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE tiles SET tile_data = x'89504e470d0a1a0a0000'")
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: path, TileProblem.MISSING),
        (_not_sqlite, TileProblem.UNREADABLE),
        (_no_tiles_table, TileProblem.NOT_MBTILES),
        (_empty, TileProblem.NO_TILES),
        (_vector, TileProblem.FORMAT),
        (_garbage_tiles, TileProblem.UNDECODABLE),
    ],
)
def test_a_file_that_cannot_give_tiles_is_refused_with_its_reason(
    view: SituationMap, tile_file: Path, tmp_path: Path, make: object, problem: TileProblem
) -> None:
    assert callable(make)
    bad = make(tmp_path / "bad.mbtiles")
    view.set_tiles(tile_file)
    with pytest.raises(TileFileError) as refused:
        view.set_tiles(bad)
    assert refused.value.problem is problem
    assert str(refused.value)
    assert refused.value.words()
    if problem is TileProblem.FORMAT:
        assert "pbf" in refused.value.words()
    # The map keeps the tiles it had.
    assert view.max_zoom == 14 + tiles.OVERZOOM_LEVELS


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_as_a_tile_file_are_refused_with_a_reason(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("bytes") / "any.mbtiles"
    path.write_bytes(data)
    with pytest.raises(TileFileError):
        MBTilesFile(path)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["bounds", "minzoom", "maxzoom", "format", "attribution", "name"]),
        st.one_of(
            st.none(),
            st.text(max_size=30),
            st.sampled_from(["1,2,3,4", "-181,0,0,1", "nan,0,1,2", "12", "99"]),
        ),
    )
)
def test_any_metadata_opens_the_file_or_is_refused_with_a_reason(
    tmp_path_factory: pytest.TempPathFactory, metadata: dict[str, str | None]
) -> None:
    path = tmp_path_factory.mktemp("meta") / "meta.mbtiles"
    build_mbtiles(path, zooms=(12,), metadata=metadata)  # type: ignore[arg-type]
    refusal: TileFileError | None = None
    try:
        opened = MBTilesFile(path)
    except TileFileError as refused:
        refusal = refused
    if refusal is not None:
        assert refusal.problem in (TileProblem.FORMAT, TileProblem.UNDECODABLE)
        return
    west, south, east, north = opened.info.bounds
    assert -180 <= west < east <= 180
    assert -90 <= south < north <= 90
    assert opened.info.min_zoom == opened.info.max_zoom == 12
    opened.close()


# --- tiles on the map ------------------------------------------------------------------------------


def _tile_at(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    point = projection.to_scene(lat, lon)
    return math.floor(point.x() / 256 * 2**zoom), math.floor(point.y() / 256 * 2**zoom)


def test_tiles_are_drawn_where_they_belong(view: SituationMap, tile_file: Path) -> None:
    view.set_tiles(tile_file)
    view.centre_on(*SEMARANG, zoom=13)
    image = painted(view)
    column, row = _tile_at(*SEMARANG, 13)
    checked = 0
    for dc in range(-3, 4):
        for dr in range(-3, 4):
            corner = view.mapFromScene(projection.tile_rect(13, column + dc, row + dr).topLeft())
            if view.viewport().rect().contains(corner):
                assert image.pixelColor(corner) == tile_mark(13, column + dc, row + dr), (dc, dr)
                checked += 1
    assert checked >= 4
    # Outside the file's bounds the plain background shows.
    view.centre_on(-7.4, 110.0, zoom=13)
    assert painted(view).pixelColor(view.viewport().rect().center()) == PLAIN_BACKGROUND


def test_beyond_the_deepest_level_and_where_a_tile_is_missing_the_level_above_is_enlarged(
    view: SituationMap, tmp_path: Path
) -> None:
    column, row = _tile_at(*SEMARANG, 14)
    path = build_mbtiles(tmp_path / "gap.mbtiles", zooms=(13, 14), skip=[(14, column, row)])
    view.set_tiles(path)
    view.centre_on(*SEMARANG, zoom=14)
    image = painted(view)
    inside = view.mapFromScene(projection.tile_rect(14, column, row).center())
    assert image.pixelColor(inside) != PLAIN_BACKGROUND
    # Two levels beyond the deepest (14): the top-left child of a level-14 tile starts with that
    # tile's mark, enlarged four times.
    column, row = _tile_at(*SEMARANG, 14)
    column += 1  # a tile the file has
    child = projection.tile_rect(16, column * 4, row * 4)
    view.centre_on(*projection.to_lat_lon(child.center()), zoom=16)
    assert view.zoom == 16
    image = painted(view)
    corner = view.mapFromScene(child.topLeft()) + QPoint(1, 1)
    mark, land, seen = tile_mark(14, column, row), QColor(LAND), image.pixelColor(corner)
    assert _distance(seen, mark) < _distance(seen, land)
    assert view.max_zoom == 14 + tiles.OVERZOOM_LEVELS
    view.zoom_by(10)
    assert view.zoom == 14 + tiles.OVERZOOM_LEVELS


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_tiles_not_decoded_in_a_frame_are_drawn_in_the_next(
    view: SituationMap, tile_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(tiles, "DECODE_BUDGET_S", 0.0)  # one tile a frame
    view.set_tiles(tile_file)
    view.centre_on(*SEMARANG, zoom=13)
    view.viewport().repaint()
    assert view.tiles_pending
    qtbot.waitUntil(lambda: not view.tiles_pending, timeout=5000)
    column, row = _tile_at(*SEMARANG, 13)
    corner = view.mapFromScene(projection.tile_rect(13, column + 1, row + 1).topLeft())
    assert view.viewport().grab().toImage().pixelColor(corner) == tile_mark(13, column + 1, row + 1)


# --- markers ---------------------------------------------------------------------------------------


def _mask(pixmap: object) -> list[bool]:
    from PySide6.QtGui import QPixmap

    assert isinstance(pixmap, QPixmap)
    image = pixmap.toImage()
    return [image.pixelColor(x, y).alpha() > 128 for y in range(image.height()) for x in range(image.width())]


def test_a_unit_says_its_agency_by_shape_and_its_status_in_words(view: SituationMap) -> None:
    sprites = markers.Sprites(1.0, view.font())
    shapes = {
        agency: _mask(sprites.unit(agency, UnitStatus.AVAILABLE, False))
        for agency in (AgencyType.POLICE, AgencyType.FIRE, AgencyType.MEDICAL, AgencyType.SAR)
    }
    assert len({tuple(mask) for mask in shapes.values()}) == 4  # square, triangle, circle, diamond
    assert _mask(sprites.unit(AgencyType.SOCIAL, UnitStatus.AVAILABLE, False)) == shapes[AgencyType.SAR]
    # The medical circle has its cross, dark, through the middle.
    medical = sprites.unit(AgencyType.MEDICAL, UnitStatus.AVAILABLE, False).toImage()
    middle = round(markers.UNIT_SPRITE / 2)
    assert medical.pixelColor(middle, middle) == markers.INK
    assert medical.pixelColor(middle, middle - 3) == markers.INK
    words = {markers.short_status(status) for status in UnitStatus}
    assert len(words) == len(UnitStatus)
    assert all(words)

    view.set_units([unit(1, *SEMARANG, call_sign="AMB-01")])
    view.centre_on(*SEMARANG, zoom=15)
    assert view.unit_label_text(1) == "AMB-01 · avail"
    assert view.label_shown("unit", 1)
    view.update_units([unit(1, *SEMARANG, call_sign="AMB-01", status=UnitStatus.AT_HOSPITAL)])
    assert view.unit_label_text(1) == "AMB-01 · hospital"
    assert view.label_shown("unit", 1)


def test_an_incident_shows_its_priority_its_number_and_how_precise_its_position_is(
    view: SituationMap,
) -> None:
    centre = incident(1, *SEMARANG, Priority.P2, radius_m=1200, approximate=True)
    handset = incident(2, -7.0, 110.44, Priority.P1, status=IncidentStatus.DISPATCHED, radius_m=30)
    typed = incident(3, -6.98, 110.40, Priority.P4)
    view.set_incidents([centre, handset, typed])
    view.centre_on(*SEMARANG, zoom=14)
    assert markers.incident_label(centre) == "~2026-000001 · waiting"
    assert markers.incident_label(handset) == "2026-000002"
    circles = {
        item.rect().width(): item.pen().style()
        for item in view.scene().items()
        if isinstance(item, QGraphicsEllipseItem) and item.isVisible() and item.parentItem() is None
    }
    metres = {
        round(width / projection.scene_per_metre(-6.99) / 2, -1): style for width, style in circles.items()
    }
    assert metres == {1200: Qt.PenStyle.DashLine, 30: Qt.PenStyle.SolidLine}
    assert "±1.2 km" in markers.incident_tooltip(centre)
    sprites = markers.Sprites(1.0, view.font())
    for priority in Priority:
        pin = sprites.pin(priority, False, False).toImage()
        head = markers.pin_head_centre()
        # Inside the head, above its "P1".
        inside_head = QPoint(
            round(markers.PIN_SPRITE_W / 2),
            round(markers.PIN_SPRITE_H - 1 + head.y() - markers.PIN_HEAD_R + 3),
        )
        assert pin.pixelColor(inside_head) == QColor(labels.PRIORITY_COLOURS[priority]), priority


def test_units_at_one_station_stand_one_above_the_other_each_with_its_label(view: SituationMap) -> None:
    view.set_units([unit(i, *SEMARANG, call_sign=f"AMB-0{i}") for i in (1, 2, 3)])
    view.centre_on(*SEMARANG, zoom=15)
    rects = [anchor_rect(view, "unit", i) for i in (1, 2, 3)]
    assert len({r.center().x() for r in rects}) == 1
    tops = sorted(r.center().y() for r in rects)
    assert tops[1] - tops[0] >= markers.UNIT_SIZE
    assert tops[2] - tops[1] >= markers.UNIT_SIZE
    assert all(view.label_shown("unit", i) for i in (1, 2, 3))
    # One leaves the station: the two left close up.
    view.update_units([unit(3, -7.0, 110.44, call_sign="AMB-03")])
    rects = [anchor_rect(view, "unit", i) for i in (1, 2)]
    assert abs(rects[1].center().y() - rects[0].center().y()) < 2 * markers.UNIT_SIZE + 10
    _assert_no_label_overlaps(view)


def _shown(view: SituationMap) -> tuple[list[QRect], list[QRect], list[QRect]]:
    """The device rectangles of the labels shown (not forced, forced) and of the markers."""
    labels, forced, symbols = [], [], []
    transform = view.viewportTransform()
    for item in view.scene().items():
        if not item.isVisible():
            continue
        rect = item.deviceTransform(transform).mapRect(item.boundingRect()).toRect()
        if isinstance(item, QGraphicsPixmapItem) and item.data(markers.KIND_KEY):
            # The marker as drawn (its sprite has room around it for a ring).
            at = item.deviceTransform(transform).map(QPointF(0, 0))
            left, top, right, bottom = (
                markers.PIN_BOX if item.data(markers.KIND_KEY) == "incident" else markers.UNIT_BOX
            )
            symbols.append(
                QRectF(at.x() + left + 1, at.y() + top + 1, right - left - 2, bottom - top - 2).toRect()
            )
        elif isinstance(item, QGraphicsRectItem):
            parent = item.parentItem()
            kind, marker_id = (
                (parent.data(markers.KIND_KEY), parent.data(markers.ID_KEY)) if parent else (None, None)
            )
            strong = (kind == "incident" and marker_id == view.selected_incident) or (
                kind == "unit" and marker_id in view._recommended
            )
            (forced if strong else labels).append(rect.adjusted(1, 1, -1, -1))
    return labels, forced, symbols


def _assert_no_label_overlaps(view: SituationMap) -> None:
    labels, forced, symbols = _shown(view)
    for index, rect in enumerate(labels):
        others = labels[index + 1 :] + forced + symbols
        assert not any(rect.intersects(other) for other in others), rect


def test_crowded_labels_hide_and_come_back_closer_in(view: SituationMap) -> None:
    crowd = [
        unit(i, SEMARANG[0] + i * 0.0004, SEMARANG[1] + i * 0.0003, call_sign=f"POL-{i:02d}")
        for i in range(8)
    ]
    view.set_units(crowd)
    view.centre_on(*SEMARANG, zoom=13)
    shown_far = sum(view.label_shown("unit", i) for i in range(8))
    assert 1 <= shown_far < 8
    _assert_no_label_overlaps(view)
    view.zoom_by(4)
    assert all(view.label_shown("unit", i) for i in range(8))
    _assert_no_label_overlaps(view)


def test_kecamatan_names_further_out_village_names_close_in(view: SituationMap) -> None:
    view.set_places(
        [
            AreaPlace("33.74.10", "Tembalang", AreaLevel.DISTRICT, -7.06, 110.44),
            AreaPlace("33.74.10.1007", "Tembalang", AreaLevel.VILLAGE, -7.05, 110.43),
            AreaPlace("33.74.10.1001", "Bulusan", AreaLevel.VILLAGE, -7.04, 110.45),
        ]
    )
    view.centre_on(-7.05, 110.44, zoom=12)
    shown = {place.name + str(int(place.level)) for place, slot in view._places if slot.choice >= 0}
    assert shown == {"Tembalang3"}
    view.centre_on(-7.05, 110.44, zoom=15)
    shown = {place.name + str(int(place.level)) for place, slot in view._places if slot.choice >= 0}
    assert shown == {"Tembalang4", "Bulusan4"}
    view.set_places([])
    assert not view._places


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.floats(-0.02, 0.02), st.floats(-0.02, 0.02), st.sampled_from(list(AgencyType))),
        max_size=40,
    ),
    st.lists(
        st.tuples(
            st.floats(-0.02, 0.02), st.floats(-0.02, 0.02), st.sampled_from(list(Priority)), st.booleans()
        ),
        max_size=15,
    ),
    st.integers(11, 17),
    st.data(),
)
def test_labels_shown_never_overlap_each_other_nor_a_marker(
    qtbot: QtBot,
    unit_spots: Sequence[tuple[float, float, AgencyType]],
    incident_spots: Sequence[tuple[float, float, Priority, bool]],
    zoom: int,
    data: st.DataObject,
) -> None:
    view = SituationMap()
    qtbot.addWidget(view)
    view.resize(700, 500)
    lat0, lon0 = SEMARANG
    # Some share a spot (a station, a village's centre): rounded to a grid of about 400 m.
    units = [
        unit(
            i + 1,
            round(lat0 + dy, 2 if i % 3 == 0 else 5),
            round(lon0 + dx, 2 if i % 3 == 0 else 5),
            agency,
            status=UnitStatus.EN_ROUTE if i % 2 else UnitStatus.AVAILABLE,
        )
        for i, (dy, dx, agency) in enumerate(unit_spots)
    ]
    incidents = [
        incident(
            i + 1,
            round(lat0 + dy, 2 if near else 5),
            round(lon0 + dx, 2 if near else 5),
            priority,
            radius_m=800 if near else None,
            approximate=near,
        )
        for i, (dy, dx, priority, near) in enumerate(incident_spots)
    ]
    view.set_units(units)
    view.set_incidents(incidents)
    view.centre_on(lat0, lon0, zoom)
    _assert_no_label_overlaps(view)
    if incidents:
        chosen = data.draw(st.sampled_from(incidents))
        ranked = (
            [u.id for u in data.draw(st.lists(st.sampled_from(units), max_size=3, unique=True))]
            if units
            else []
        )
        view.select_incident(chosen.id, ranked)
        _assert_no_label_overlaps(view)
        assert view.label_shown("incident", chosen.id)
        assert all(view.label_shown("unit", r) for r in ranked)
    for changed in data.draw(st.lists(st.sampled_from(units), max_size=4)) if units else []:
        view.update_units(
            [
                UnitMarker(
                    changed.id,
                    changed.call_sign + "-X",
                    changed.agency,
                    UnitStatus.PATIENT_CONTACT,
                    changed.lat,
                    changed.lon,
                )
            ]
        )
        _assert_no_label_overlaps(view)
    if incidents:
        view.update_incidents([incident(99, lat0, lon0, Priority.P1)], removed=[incidents[0].id])
        _assert_no_label_overlaps(view)
    view.zoom_by(-1)
    _assert_no_label_overlaps(view)
    view.close()


# --- selection, keys and mouse ---------------------------------------------------------------------


def _ring(view: SituationMap) -> list[IncidentMarker]:
    """Four incidents at growing distances east of Semarang's centre (the view centred there)."""
    ring = [incident(10 + i, SEMARANG[0], SEMARANG[1] + 0.004 * (i + 1), Priority.P3) for i in range(4)]
    view.set_incidents(list(reversed(ring)))
    view.centre_on(*SEMARANG, zoom=14)
    return ring


def test_n_and_p_go_through_the_incidents_nearest_first_and_enter_opens_one(
    view: SituationMap, qtbot: QtBot
) -> None:
    ring = _ring(view)
    selected: list[int] = []
    opened: list[int] = []
    view.incidentSelected.connect(selected.append)
    view.incidentActivated.connect(opened.append)
    view.setFocus()
    for key in (Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_P):
        qtbot.keyClick(view, key)
    assert selected == [ring[0].id, ring[1].id, ring[2].id, ring[1].id]
    assert view.selected_incident == ring[1].id
    assert view.label_shown("incident", ring[1].id)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == [ring[1].id]
    # P before the first wraps to the last.
    qtbot.keyClick(view, Qt.Key.Key_P)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.selected_incident == ring[3].id


def test_tab_goes_through_the_incidents_then_leaves_the_map(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    before, view, after = QLineEdit(page), SituationMap(page), QLineEdit(page)
    for widget in (before, view, after):
        column.addWidget(widget)
    page.resize(800, 600)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    qtbot.waitUntil(page.isActiveWindow)
    ring = _ring(view)
    view.setFocus()
    seen = []
    for _ in ring:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is view
        seen.append(view.selected_incident)
    assert seen == [i.id for i in ring]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    # Shift+Tab back into the map (the last incident still selected), through it backwards from
    # there, then out before it.
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view
    assert view.selected_incident == ring[3].id
    backwards = []
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Backtab)
        backwards.append(view.selected_incident)
    assert backwards == [ring[2].id, ring[1].id, ring[0].id]
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is before


def test_arrows_pan_plus_and_minus_zoom_home_shows_everything_and_focus_is_seen(
    view: SituationMap, qtbot: QtBot
) -> None:
    view.set_units([unit(1, -7.05, 110.30), unit(2, -6.95, 110.50, AgencyType.POLICE)])
    view.set_incidents([incident(1, -7.0, 110.45)])
    view.centre_on(*SEMARANG, zoom=14)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.clearFocus()
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    assert view.grab().toImage().pixelColor(1, 1) != highlight
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    # The frame round the map is drawn in the highlight colour while it has the keyboard.
    assert view.grab().toImage().pixelColor(1, 1) == highlight
    lat, lon = view.centre()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    moved_lat, moved_lon = view.centre()
    assert moved_lon > lon
    assert moved_lat > lat
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == 15
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == 13
    qtbot.keyClick(view, Qt.Key.Key_Equal)
    assert view.zoom == 14
    qtbot.keyClick(view, Qt.Key.Key_Home)
    area = view.viewport().rect()
    for kind, marker_id in (("unit", 1), ("unit", 2), ("incident", 1)):
        assert area.contains(anchor_rect(view, kind, marker_id)), (kind, marker_id)
    assert view.zoom <= 12


def _mouse(view: SituationMap, kind: QEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        QPointF(at),
        view.viewport().mapToGlobal(QPointF(at)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_a_click_opens_an_incident_and_a_drag_pans(view: SituationMap) -> None:
    ring = _ring(view)
    selected: list[int] = []
    opened: list[int] = []
    view.incidentSelected.connect(selected.append)
    view.incidentActivated.connect(opened.append)
    head = anchor_rect(view, "incident", ring[2].id).center()
    _mouse(view, QEvent.Type.MouseButtonPress, head, Qt.MouseButton.LeftButton)
    _mouse(view, QEvent.Type.MouseButtonRelease, head, Qt.MouseButton.NoButton)
    assert selected == opened == [ring[2].id]
    lat, lon = view.centre()
    start = view.viewport().rect().center() + QPoint(0, 150)
    _mouse(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for step in range(1, 6):
        _mouse(view, QEvent.Type.MouseMove, start + QPoint(-20 * step, 0), Qt.MouseButton.LeftButton)
    _mouse(view, QEvent.Type.MouseButtonRelease, start + QPoint(-100, 0), Qt.MouseButton.NoButton)
    assert opened == [ring[2].id]
    assert view.centre()[1] > lon  # dragged left: the view went east
    assert view.centre()[0] == pytest.approx(lat, abs=1e-6)


def test_the_wheel_zooms_at_the_cursor(view: SituationMap) -> None:
    view.centre_on(*SEMARANG, zoom=13)
    at = QPoint(200, 150)
    before = projection.to_lat_lon(view.mapToScene(at))
    for _ in range(2):
        wheel = QWheelEvent(
            QPointF(at),
            view.viewport().mapToGlobal(QPointF(at)),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == 15
    after = view.viewport_point(*before)
    assert (after - at).manhattanLength() <= 2


def test_the_selected_incident_is_joined_to_its_recommended_units_by_numbered_lines(
    view: SituationMap,
) -> None:
    view.set_units(
        [unit(i, SEMARANG[0] + 0.003 * i, SEMARANG[1] - 0.004 * i, call_sign=f"AMB-0{i}") for i in (1, 2, 3)]
    )
    view.set_incidents([incident(7, *SEMARANG), incident(8, -7.0, 110.43)])
    view.centre_on(*SEMARANG, zoom=14)
    view.select_incident(7, [3, 1])

    def lines() -> list[QGraphicsLineItem]:
        return [item for item in view.scene().items() if isinstance(item, QGraphicsLineItem)]

    assert len(lines()) == 2
    ends = {(round(line.line().p2().x(), 6), round(line.line().p2().y(), 6)) for line in lines()}
    assert ends == {
        (round(p.x(), 6), round(p.y(), 6))
        for p in (projection.to_scene(*_pos(view, 3)), projection.to_scene(*_pos(view, 1)))
    }
    badges = {
        item.parentItem().data(markers.ID_KEY): item.childItems()[0].text()  # type: ignore[attr-defined]
        for item in view.scene().items()
        if isinstance(item, QGraphicsEllipseItem) and item.parentItem() is not None and item.isVisible()
    }
    assert badges == {3: "1", 1: "2"}
    assert view.selected_incident == 7
    view.select_incident(8)
    assert lines() == []
    assert not any(
        isinstance(item, QGraphicsEllipseItem) and item.parentItem() is not None and item.isVisible()
        for item in view.scene().items()
    )
    view.update_incidents([], removed=[8])
    assert view.selected_incident is None


def _pos(view: SituationMap, unit_id: int) -> tuple[float, float]:
    marker = view._units[unit_id].marker
    return marker.lat, marker.lon


def test_the_map_renders_with_and_without_tiles(view: SituationMap, tile_file: Path, tmp_path: Path) -> None:
    view.set_places([AreaPlace("33.74.10.1007", "Tembalang", AreaLevel.VILLAGE, -7.05, 110.43)])
    view.set_units(
        [unit(1, -7.0, 110.41), unit(2, -7.0, 110.41, AgencyType.FIRE, UnitStatus.EN_ROUTE, "DMK-01")]
    )
    view.set_incidents([incident(1, *SEMARANG, radius_m=900, approximate=True)])
    view.select_incident(1, [2])
    view.fit_all()
    plain = painted(view)
    view.set_tiles(tile_file)
    tiled = painted(view)
    for name, image in (("plain", plain), ("tiles", tiled)):
        assert image.save(str(tmp_path / f"map-{name}.png"))
        colours = {
            image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 13)
        }
        assert len(colours) > 8, name
    assert plain != tiled


def test_the_keys_zoom_about_the_selected_incident_so_that_it_stays_in_sight(
    view: SituationMap, qtbot: QtBot
) -> None:
    ring = _ring(view)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_N)
    chosen = view.selected_incident
    assert chosen == ring[0].id
    area = view.viewport().rect()
    before = anchor_rect(view, "incident", chosen).center()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
        assert area.contains(anchor_rect(view, "incident", chosen)), view.zoom
    after = anchor_rect(view, "incident", chosen).center()
    assert (after - before).manhattanLength() <= 2  # held where it was, to the pixel
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert area.contains(anchor_rect(view, "incident", chosen))
