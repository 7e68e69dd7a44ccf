"""The situation map: a QGraphicsView of the centre's area in Web Mercator, offline.

What it shows (the markers are described in :mod:`ui.map.markers`): the villages' centres as dots
with their names at closer zoom and the kecamatan names further out, the open incidents by priority,
the units by agency and status, the selected incident ringed with lines to its recommended units,
and beneath it all either the tiles of an MBTiles file (:mod:`ui.map.tiles`) or a plain background.
It reads nothing itself: its owner gives it markers and places and tells it what changed.

The map zooms by whole levels, as tile maps do (tiles drawn one to one, crisp, fast). Keys, with the
map focused (its frame then drawn in the highlight colour): arrows pan; + (or =) and - zoom at the
centre; Home shows all incidents and units; N and P (also Tab and Shift+Tab, which leave the map after
the last incident) select the next and previous incident, nearest the centre first; Enter opens the
selected one. Mouse: drag pans, the wheel zooms at the cursor, a click on an incident opens it.

Speed: every marker is made of Qt's own items (nothing painted by Python per marker) and the scene
keeps no index (every marker ignores the view's scale, and Qt's index would list them all for every
frame anyway). Labels are decluttered once per zoom level (:func:`ui.map.markers.place`); a status
change re-places only the labels it touches.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolTip,
    QWidget,
)

from dispatch.domain.areas import AreaLevel, AreaPlace
from dispatch.domain.enums import Priority
from ui import labels
from ui.distances import distance_words
from ui.map import markers
from ui.map.markers import (
    PLACE_FILL,
    PLACE_INK,
    IncidentItems,
    IncidentMarker,
    Label,
    LabelGrid,
    LabelSlot,
    UnitItems,
    UnitMarker,
)
from ui.map.projection import TILE_SIZE, bounds_rect, metres_per_pixel, scene_per_metre, to_lat_lon, world_xy
from ui.map.tiles import TileLayer

translate = QCoreApplication.translate

MIN_ZOOM = 4
# Without tiles: street level is as close as village points mean anything.
MAX_PLAIN_ZOOM = 18
MAX_ZOOM = 20
# Kecamatan names up to this zoom; village names from the next but one (both at 13 and 14).
DISTRICT_NAMES_UNTIL = 14
VILLAGE_NAMES_FROM = 13
# Village dots from this zoom (further out they are a grey smear).
VILLAGE_DOTS_FROM = 11
# Arrow keys move the map by this many pixels.
PAN_STEP = 80
# Pixels between the shown markers and the view's edge after Home.
FIT_MARGIN = 40
# A press that moves less than this is a click, not a drag.
DRAG_THRESHOLD = 4
# A click finds a marker within this many pixels.
CLICK_SLOP = 3
# More changed markers than this at once are placed again with all the others (cheaper than one
# by one).
BURST = 50
# Indonesia, shown while there is nothing else to show.
DEFAULT_BOUNDS = (95.0, -11.0, 141.0, 6.0)

PLAIN_BACKGROUND = QColor("#f2efe6")
DOT_COLOUR = QColor("#8d8d8d")

# Ranks of the labels: lower ones are placed first and win where two would collide.
_RANK_SELECTED = 0
_RANK_RECOMMENDED = 1
_RANK_INCIDENT = {Priority.P1: 2, Priority.P2: 3, Priority.P3: 4, Priority.P4: 5}
_RANK_UNIT = 10
_RANK_DISTRICT = 8
_RANK_VILLAGE = 21


class SituationMap(QGraphicsView):
    """The situation map widget. See the module's docstring for what it shows and its keys."""

    # Enter on the selected incident, or a click on one: open it (its id).
    incidentActivated = Signal(int)
    # The selection moved by keyboard or mouse (the incident's id; 0 for none). Not emitted by
    # :meth:`select_incident`, which the owner calls.
    incidentSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("situationMap")
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setInteractive(False)  # the map handles its keys and clicks itself
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(3)
        self._show_focus(False)
        self.setAccessibleName(translate("SituationMap", "Situation map"))

        base = QFont(self.font())
        self._font = base
        self._bold = QFont(base)
        self._bold.setBold(True)
        self._code_font = QFont(base)
        self._code_font.setBold(True)
        self._code_font.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        self._district_font = QFont(base)
        self._district_font.setBold(True)
        self._district_font.setCapitalization(QFont.Capitalization.AllUppercase)
        self._district_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        self._village_font = QFont(base)
        self._village_font.setItalic(True)

        self._zoom = 12
        self._units: dict[int, UnitItems] = {}
        self._incidents: dict[int, IncidentItems] = {}
        self._places: list[tuple[AreaPlace, LabelSlot]] = []
        self._dots = QPolygonF()
        self._tiles: TileLayer | None = None
        self._selected: int | None = None
        self._recommended: list[int] = []
        self._lines: list[QGraphicsLineItem] = []
        self._sprites = markers.Sprites(self.devicePixelRatioF(), self._code_font)
        self._unit_stacks = _Stacks()
        self._incident_stacks = _Stacks()
        self._restack: set[Spot] = set()
        self._restack_incidents: set[Spot] = set()
        # Units at one spot one above the other, a label's height apart.
        self._unit_row = max(markers.UNIT_SIZE + 3, float(QFontMetricsF(base).height()) + 5)
        self._grid = LabelGrid()
        self._slots: list[LabelSlot] | None = None  # in rank order; None: to be sorted again
        self._grid_zoom: int | None = None
        self._tour: list[int] | None = None
        self._moving_ourselves = False
        self._fitted = False
        self._wheel_rest = 0
        self._press: QPoint | None = None
        self._dragging = False
        self._pending_tiles = QTimer(self)
        self._pending_tiles.setSingleShot(True)
        self._pending_tiles.setInterval(0)
        self._pending_tiles.timeout.connect(self.viewport().update)

        # Below the map, not over it: a widget over the viewport would make every scroll repaint
        # the whole map (Qt scrolls an overlapped widget by painting it again).
        self._footer = QWidget(self)
        self._footer.setAutoFillBackground(True)
        words = self._footer.palette()  # its own words' colour: the view's is the focus frame's
        words.setColor(
            QPalette.ColorRole.WindowText, QApplication.palette().color(QPalette.ColorRole.WindowText)
        )
        self._footer.setPalette(words)
        row = QHBoxLayout(self._footer)
        row.setContentsMargins(6, 1, 6, 1)
        self._scale_bar = QLabel(self._footer)
        self._attribution = QLabel(self._footer)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        self._attribution.setFont(small)
        self._attribution.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        row.addWidget(self._scale_bar)
        row.addStretch(1)
        row.addWidget(self._attribution)
        self._footer_height = QFontMetricsF(base).height() + 6
        self.setViewportMargins(0, 0, 0, math.ceil(self._footer_height))

        self.setTransform(QTransform.fromScale(2.0**self._zoom, 2.0**self._zoom))
        self._update_scene_rect()
        self._update_scale_bar()

    # --- the API -------------------------------------------------------------------------------

    def set_tiles(self, path: Path | None) -> None:
        """Draw the tiles of this MBTiles file beneath the map (None: the plain background). Raises
        :class:`ui.map.tiles.TileFileError` for a file that cannot be used (the map keeps what it had)."""
        layer = TileLayer(path) if path is not None else None
        if self._tiles is not None:
            self._tiles.close()
        self._tiles = layer
        attribution = layer.info.attribution if layer is not None else ""
        self._attribution.setText(attribution)
        self._update_scene_rect()
        if self._zoom > self.max_zoom:
            self._set_zoom(self.max_zoom)
        self.resetCachedContent()
        self.viewport().update()

    def set_places(self, places: Sequence[AreaPlace]) -> None:
        """The villages and kecamatan to name (those of the centre's area); replaces any before."""
        scene = self.scene()
        for _place, slot in self._places:
            anchor = slot.label.box.parentItem()
            if anchor is not None:
                scene.removeItem(anchor)
        self._places = []
        dots: list[QPointF] = []
        for area in places:
            if area.level not in (AreaLevel.VILLAGE, AreaLevel.DISTRICT):
                continue
            x, y = world_xy(area.lat, area.lon)
            district = area.level is AreaLevel.DISTRICT
            # An empty item at the place carries the label (placed around it like a marker's).
            anchor = QGraphicsPathItem()
            anchor.setFlag(markers.IGNORES_SCALE)
            anchor.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
            anchor.setZValue(markers.Z_PLACES + (0.5 if district else 0))
            anchor.setPos(x, y)
            label = Label(
                anchor, self._district_font if district else self._village_font, PLACE_FILL, frame=False
            )
            label.text.setBrush(QBrush(PLACE_INK))
            label.set_text(area.name)
            slot = LabelSlot(
                key=("place", len(self._places)),
                label=label,
                x=x,
                y=y,
                offsets=markers.place_offsets(label, centred=district),
                rank=_RANK_DISTRICT if district else _RANK_VILLAGE,
                min_zoom=0 if district else VILLAGE_NAMES_FROM,
                max_zoom=DISTRICT_NAMES_UNTIL if district else 99,
            )
            label.box.setVisible(False)
            scene.addItem(anchor)
            self._places.append((area, slot))
            if not district:
                dots.append(QPointF(x, y))
        self._dots = QPolygonF(dots)
        self._changed_sets()

    def set_incidents(self, incidents: Sequence[IncidentMarker]) -> None:
        """All the incidents to show (those not among them are removed)."""
        keep = {m.id for m in incidents}
        for gone in [i for i in self._incidents if i not in keep]:
            self._remove_incident(gone)
        for marker in incidents:
            self._put_incident(marker)
        self._tour = None
        self._changed_sets()

    def set_units(self, units: Sequence[UnitMarker]) -> None:
        """All the units to show (those not among them are removed)."""
        keep = {m.id for m in units}
        for gone in [i for i in self._units if i not in keep]:
            self._remove_unit(gone)
        for marker in units:
            self._put_unit(marker)
        self._changed_sets()

    def update_units(self, units: Sequence[UnitMarker]) -> None:
        """These units changed (a status, a position) or are new: only they (and the units at the
        spots they left or joined) are redrawn and their labels placed again."""
        if len(units) > BURST:
            for marker in units:
                self._put_unit(marker)
            self._changed_sets()
            return
        if any(marker.id not in self._units for marker in units):
            self._slots = None
        moved = [m.id for m in units if (e := self._units.get(m.id)) is None or _moved(e.marker, m)]
        touched = [self._put_unit(marker).slot for marker in units]
        shifted = self._set_stacks()
        self._place_again([*touched, *shifted])
        if self._selected is not None and self._recommended:
            recommended = {*self._recommended}
            if recommended & {*moved} or any(slot.key[1] in recommended for slot in shifted):
                self._draw_recommendation()

    def update_incidents(self, incidents: Sequence[IncidentMarker], removed: Sequence[int] = ()) -> None:
        """These incidents changed or are new; those of ``removed`` are gone (closed, cancelled)."""
        self._tour = None
        if len(incidents) + len(removed) > BURST:
            for gone in removed:
                self._remove_incident(gone)
            for marker in incidents:
                self._put_incident(marker)
            if self._selected is not None and self._selected not in self._incidents:
                self._set_selection(None, ())
            self._changed_sets()
            return
        for gone in removed:
            self._remove_incident(gone)
        self._slots = None
        touched = [self._put_incident(marker).slot for marker in incidents]
        self._place_again([*touched, *self._set_stacks()])
        if self._selected is not None and self._selected not in self._incidents:
            self._set_selection(None, ())
        elif self._selected is not None and any(m.id == self._selected for m in incidents):
            self._draw_recommendation()

    def select_incident(self, incident_id: int | None, recommended_unit_ids: Sequence[int] = ()) -> None:
        """Ring this incident and join its recommended units to it, numbered in that order (None:
        nothing selected). Does not move the map nor emit :attr:`incidentSelected`."""
        self._set_selection(incident_id, recommended_unit_ids)

    def fit_all(self) -> None:
        """Zoom and centre so that every incident and unit shows (else the places, else the tiles);
        while the map is hidden, when it is next shown (at its size then)."""
        if not self.isVisible():
            self._fitted = False
            return
        self._fitted = True
        rect = self._markers_rect()
        if rect is None:
            rect = self._places_rect()
        if rect is None and self._tiles is not None:
            rect = self._tiles.scene_bounds
        if rect is None:
            rect = bounds_rect(*DEFAULT_BOUNDS)
        self._update_scene_rect()
        viewport = self.viewport().size()
        room_w = max(1, viewport.width() - 2 * FIT_MARGIN)
        room_h = max(1, viewport.height() - 2 * FIT_MARGIN)
        if rect.width() <= 0 and rect.height() <= 0:
            zoom = 15
        else:
            fits = min(
                room_w / rect.width() if rect.width() > 0 else math.inf,
                room_h / rect.height() if rect.height() > 0 else math.inf,
            )
            zoom = math.floor(math.log2(fits))
        self._set_zoom(zoom, centre=rect.center())

    # --- what the owner and tests may read -----------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    @property
    def max_zoom(self) -> int:
        if self._tiles is not None:
            return min(MAX_ZOOM, self._tiles.max_draw_zoom)
        return MAX_PLAIN_ZOOM

    @property
    def tiles_pending(self) -> bool:
        """Whether the last paint left tiles to be decoded (the next frames draw them): a
        screenshot waits until this is False."""
        return self._tiles is not None and (self._tiles.pending or self._pending_tiles.isActive())

    @property
    def selected_incident(self) -> int | None:
        return self._selected

    def centre(self) -> tuple[float, float]:
        """The latitude and longitude at the view's centre."""
        return to_lat_lon(self._scene_at(self._view_centre()))

    def centre_on(self, lat: float, lon: float, zoom: int | None = None) -> None:
        """Centre the map on a position (at a zoom level), instead of fitting it when shown."""
        self._fitted = True
        self._set_zoom(self._zoom if zoom is None else zoom, centre=QPointF(*world_xy(lat, lon)))

    def unit_label_text(self, unit_id: int) -> str | None:
        """The words of the unit's label (shown or not), None for no such unit."""
        entry = self._units.get(unit_id)
        return entry.label.text.text() if entry else None

    def label_shown(self, kind: str, key: int | str) -> bool:
        """Whether the label of a unit or incident (by id) or a place (by name) is shown now."""
        if kind == "unit":
            slot = self._units[int(key)].slot
        elif kind == "incident":
            slot = self._incidents[int(key)].slot
        else:
            slot = next(s for p, s in self._places if p.name == key)
        return slot is not None and slot.choice >= 0

    def shown_label_rects(self) -> list[QRect]:
        """The viewport rectangles of every label shown (for tests: none overlaps another)."""
        rects = []
        view = self.viewportTransform()
        for item in self.items(self.viewport().rect()):
            if isinstance(item, QGraphicsRectItem) and item.isVisible() and item.childItems():
                rects.append(item.deviceTransform(view).mapRect(item.boundingRect()).toAlignedRect())
        return rects

    def marker_at(self, pos: QPoint) -> tuple[str, int] | None:
        """The marker ("incident" or "unit", id) under a viewport point, incidents first."""
        slop = QRect(pos - QPoint(CLICK_SLOP, CLICK_SLOP), QSize(2 * CLICK_SLOP + 1, 2 * CLICK_SLOP + 1))
        found: tuple[str, int] | None = None
        for item in self.items(slop):
            top = item.topLevelItem()
            kind = top.data(markers.KIND_KEY)
            if kind == "incident":
                return "incident", int(top.data(markers.ID_KEY))
            if kind == "unit" and found is None:
                found = "unit", int(top.data(markers.ID_KEY))
        return found

    def viewport_point(self, lat: float, lon: float) -> QPoint:
        return self.mapFromScene(QPointF(*world_xy(lat, lon)))

    # --- markers -------------------------------------------------------------------------------

    def _put_unit(self, marker: UnitMarker) -> UnitItems:
        """Add or change the unit's items; its stack (units at one spot) is marked to be set again."""
        entry = self._units.get(marker.id)
        x, y = world_xy(marker.lat, marker.lon)
        if entry is None:
            entry = UnitItems(marker, self._font, self._sprites)
            entry.slot = LabelSlot(("unit", marker.id), entry.label, x, y, (), _RANK_UNIT)
            self.scene().addItem(entry.anchor)
            self._units[marker.id] = entry
        else:
            entry.apply(marker)
        slot = entry.slot
        assert slot is not None
        slot.x, slot.y = x, y
        slot.offsets = markers.unit_offsets(entry.label)
        slot.choice = -2  # its label's place is to be set again (apply may have resized it)
        entry.anchor.setPos(x, y)
        self._restack.update(self._unit_stacks.move(marker.id, _spot(marker.lat, marker.lon)))
        return entry

    def _remove_unit(self, unit_id: int) -> None:
        entry = self._units.pop(unit_id, None)
        if entry is not None:
            if entry.slot is not None:
                markers.take_back(entry.slot, self._grid)
            if entry.obstacle is not None:
                self._grid.remove(entry.obstacle)
            self.scene().removeItem(entry.anchor)
            self._restack.update(self._unit_stacks.remove(unit_id))

    def _put_incident(self, marker: IncidentMarker) -> IncidentItems:
        entry = self._incidents.get(marker.id)
        x, y = world_xy(marker.lat, marker.lon)
        if entry is None:
            entry = IncidentItems(marker, self._font, self._sprites)
            entry.slot = LabelSlot(("incident", marker.id), entry.label, x, y, (), 0)
            self.scene().addItem(entry.anchor)
            self._incidents[marker.id] = entry
        else:
            entry.apply(marker)
        slot = entry.slot
        assert slot is not None
        entry.anchor.setPos(x, y)
        slot.x, slot.y = x, y
        slot.offsets = markers.incident_offsets(entry.label, selected=entry.selected)
        slot.rank = _RANK_SELECTED if marker.id == self._selected else _RANK_INCIDENT[marker.priority]
        slot.choice = -2
        self._draw_radius(entry, x, y)
        self._restack_incidents.update(self._incident_stacks.move(marker.id, _spot(marker.lat, marker.lon)))
        return entry

    def _set_stacks(self) -> list[LabelSlot]:
        """Set the markers of every spot marked since the last time side by side; the slots whose
        marker moved."""
        moved: list[LabelSlot] = []
        for spots, stacks, entries, row, column in (
            (self._restack, self._unit_stacks, self._units, self._unit_row, markers.UNIT_SIZE + 6),
            (self._restack_incidents, self._incident_stacks, self._incidents, markers.PIN_HEIGHT + 2, 24.0),
        ):
            for spot in spots:
                members = sorted(stacks.members.get(spot, ()))
                for member, (dx, dy) in zip(
                    members, markers.stack_shifts(len(members), row, column), strict=True
                ):
                    entry = entries[member]
                    slot = entry.slot
                    assert slot is not None
                    if (slot.dx, slot.dy) != (dx, dy):
                        slot.dx, slot.dy = dx, dy
                        entry.anchor.setTransform(QTransform.fromTranslate(dx, dy))
                        moved.append(slot)
            spots.clear()
        return moved

    def _draw_radius(self, entry: IncidentItems, x: float, y: float) -> None:
        marker = entry.marker
        if not marker.radius_m or marker.radius_m <= 0:
            if entry.radius is not None:
                entry.radius.setVisible(False)
            return
        if entry.radius is None:
            entry.radius = QGraphicsEllipseItem()
            entry.radius.setZValue(markers.Z_RADIUS)
            self.scene().addItem(entry.radius)
        r = marker.radius_m * scene_per_metre(marker.lat)
        entry.radius.setRect(QRectF(x - r, y - r, 2 * r, 2 * r))
        # One pixel, unfilled: Qt draws a thin cosmetic line fast; wider or filled, 250 circles of
        # centres took some 15-40 ms a frame.
        pen = QPen(QColor(labels.PRIORITY_COLOURS[marker.priority]).darker(115), 1)
        pen.setCosmetic(True)
        if marker.approximate:
            pen.setStyle(Qt.PenStyle.DashLine)
        entry.radius.setPen(pen)
        entry.radius.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        entry.radius.setVisible(True)

    def _remove_incident(self, incident_id: int) -> None:
        entry = self._incidents.pop(incident_id, None)
        if entry is None:
            return
        self._restack_incidents.update(self._incident_stacks.remove(incident_id))
        if entry.slot is not None:
            markers.take_back(entry.slot, self._grid)
        if entry.obstacle is not None:
            self._grid.remove(entry.obstacle)
        self.scene().removeItem(entry.anchor)
        if entry.radius is not None:
            self.scene().removeItem(entry.radius)

    # --- selection -----------------------------------------------------------------------------

    def _set_selection(self, incident_id: int | None, recommended: Sequence[int]) -> None:
        entry = self._incidents.get(incident_id) if incident_id is not None else None
        chosen = incident_id if entry is not None else None
        ranked = list(dict.fromkeys(recommended)) if entry is not None else []
        if (chosen, ranked) == (self._selected, self._recommended):
            return
        again: list[LabelSlot | None] = []
        previous = self._incidents.get(self._selected) if self._selected is not None else None
        if previous is not None:
            previous.set_selected(False, self._font)
            assert previous.slot is not None
            previous.slot.rank = _RANK_INCIDENT[previous.marker.priority]
            previous.slot.forced = False
            previous.slot.offsets = markers.incident_offsets(previous.label)
            again.append(previous.slot)
        for unit_id in self._recommended:
            unit = self._units.get(unit_id)
            if unit is not None and unit_id not in ranked:
                unit.set_rank(0, self._font)
                assert unit.slot is not None
                unit.slot.rank, unit.slot.forced = _RANK_UNIT, False
                unit.slot.offsets = markers.unit_offsets(unit.label)
                again.append(unit.slot)
        self._selected, self._recommended = chosen, ranked
        if entry is not None:
            entry.set_selected(True, self._bold)
            assert entry.slot is not None
            entry.slot.rank, entry.slot.forced = _RANK_SELECTED, True
            entry.slot.offsets = markers.incident_offsets(entry.label, selected=entry.selected)
            again.append(entry.slot)
            for rank, unit_id in enumerate(ranked, start=1):
                unit = self._units.get(unit_id)
                if unit is not None:
                    unit.set_rank(rank, self._font)
                    assert unit.slot is not None
                    unit.slot.rank, unit.slot.forced = _RANK_RECOMMENDED, True
                    unit.slot.offsets = markers.unit_offsets(unit.label)
                    again.append(unit.slot)
            self.setAccessibleDescription(markers.incident_tooltip(entry.marker))
        else:
            self.setAccessibleDescription("")
        self._draw_recommendation()
        self._slots = None  # the ranks changed: the next full placing sorts again
        self._place_again(again)

    def _draw_recommendation(self) -> None:
        scene = self.scene()
        for line in self._lines:
            scene.removeItem(line)
        self._lines = []
        entry = self._incidents.get(self._selected) if self._selected is not None else None
        if entry is None:
            return
        pen = QPen(markers.LINE, 2.5)
        pen.setCosmetic(True)
        start = self._shown_at(entry.slot)
        for unit_id in self._recommended:
            unit = self._units.get(unit_id)
            if unit is None:
                continue
            end = self._shown_at(unit.slot)
            line = QGraphicsLineItem(start.x(), start.y(), end.x(), end.y())
            line.setPen(pen)
            line.setZValue(markers.Z_LINES)
            scene.addItem(line)
            self._lines.append(line)

    def _shown_at(self, slot: LabelSlot | None) -> QPointF:
        """Where a marker is drawn at this zoom (its spot, moved aside when it shares the spot)."""
        assert slot is not None
        scale = 2.0**self._zoom
        return QPointF(slot.x + slot.dx / scale, slot.y + slot.dy / scale)

    def _tour_order(self) -> list[int]:
        """The incidents nearest the view's centre first (the order N and Tab go through)."""
        if self._tour is None or any(i not in self._incidents for i in self._tour):
            centre = self.mapToScene(self.viewport().rect().center())
            cx, cy = centre.x(), centre.y()

            def distance(incident_id: int) -> tuple[float, int]:
                pos = self._incidents[incident_id].anchor.pos()
                return (pos.x() - cx) ** 2 + (pos.y() - cy) ** 2, incident_id

            self._tour = sorted(self._incidents, key=distance)
        return self._tour

    def _step(self, forward: bool, *, wrap: bool) -> bool:
        """Select the next (previous) incident of the tour; False past the end when not wrapping."""
        order = self._tour_order()
        if not order:
            return False
        if self._selected in order:
            index = order.index(self._selected) + (1 if forward else -1)
        else:
            index = 0 if forward else len(order) - 1
        if not 0 <= index < len(order):
            if not wrap:
                return False
            index %= len(order)
        chosen = order[index]
        self._set_selection(chosen, ())
        self._reveal(chosen)
        self.incidentSelected.emit(chosen)
        return True

    def _selected_on_screen(self) -> QPoint | None:
        """Where the selected incident is in the viewport, if it is in sight: the keys zoom about it
        (as the wheel zooms about the cursor), so that what was chosen stays in view."""
        if self._selected is None or self._selected not in self._incidents:
            return None
        at = self.mapFromScene(self._incidents[self._selected].anchor.pos())
        return at if self.viewport().rect().contains(at) else None

    def _reveal(self, incident_id: int) -> None:
        """Pan (not zoom) so that the incident shows with room around it."""
        pin = self._incidents[incident_id].anchor
        at = self.mapFromScene(pin.pos())
        room = self.viewport().rect().adjusted(60, 60, -60, -60)
        if not room.contains(at):
            self._moving_ourselves = True
            self.centerOn(pin.pos())
            self._moving_ourselves = False

    # --- labels --------------------------------------------------------------------------------

    def _changed_sets(self) -> None:
        self._set_stacks()
        self._slots = None
        self._grid_zoom = None
        self._update_scene_rect()
        if self._selected is not None:
            self._draw_recommendation()
        self._relabel()

    def _ordered_slots(self) -> list[LabelSlot]:
        if self._slots is None:
            slots: list[LabelSlot] = [e.slot for e in self._incidents.values() if e.slot is not None]
            slots += [e.slot for e in self._units.values() if e.slot is not None]
            slots += [slot for _place, slot in self._places]
            slots.sort(key=lambda s: s.rank)
            self._slots = slots
        return self._slots

    def _relabel(self) -> None:
        """Place every label again for the current zoom (markers first, as obstacles)."""
        zoom = self._zoom
        scale = 2.0**zoom
        grid = LabelGrid()
        for incident in self._incidents.values():
            assert incident.slot is not None
            incident.obstacle = markers.symbol_rect(incident.slot, scale, incident.box)
            grid.add(incident.obstacle)
        for unit in self._units.values():
            assert unit.slot is not None
            unit.obstacle = markers.symbol_rect(unit.slot, scale, unit.box)
            grid.add(unit.obstacle)
        place = markers.place
        for slot in self._ordered_slots():
            place(slot, grid, scale, zoom)
        self._grid = grid
        self._grid_zoom = zoom

    def _place_again(self, slots: Sequence[LabelSlot | None]) -> None:
        """After a change to these markers: their places in the grid (they may have moved) and their
        labels' (which may have grown), the others left where they are."""
        if self._grid_zoom != self._zoom:
            self._relabel()
            return
        scale = 2.0**self._zoom
        grid = self._grid
        again = []
        for slot in dict.fromkeys(slots):
            if slot is None:
                continue
            kind, marker_id = slot.key
            entry: UnitItems | IncidentItems | None = (
                self._units.get(marker_id) if kind == "unit" else self._incidents.get(marker_id)
            )
            if entry is None:
                continue  # removed meanwhile
            if entry.obstacle is not None:
                grid.remove(entry.obstacle)
            entry.obstacle = markers.symbol_rect(slot, scale, entry.box)
            # A label the marker now stands on gives way (and looks for another place).
            for holder in grid.in_the_way(*entry.obstacle):
                if holder is not None and not holder.forced:
                    markers.take_back(holder, grid)
                    again.append(holder)
            grid.add(entry.obstacle)
            again.append(slot)
        markers.place_again(again, grid, scale, self._zoom)

    # --- zoom and the scene's extent -----------------------------------------------------------

    def _set_zoom(self, zoom: int, *, centre: QPointF | None = None, anchor: QPoint | None = None) -> None:
        """Zoom to a whole level, keeping the scene point under ``anchor`` (a viewport point) where
        it is, or centring ``centre``, or keeping the view's centre."""
        zoom = max(MIN_ZOOM, min(self.max_zoom, zoom))
        where = QPointF(anchor) if anchor is not None else self._view_centre()
        if centre is None:
            centre = self._scene_at(where)  # the point under the anchor stays under it
        else:
            where = self._view_centre()
        changed = zoom != self._zoom
        self._zoom = zoom
        self._moving_ourselves = True
        self.setTransform(QTransform.fromScale(2.0**zoom, 2.0**zoom))
        self._put(centre, where)
        self._moving_ourselves = False
        if changed or self._grid_zoom != zoom:
            self._relabel()
            if self._lines:
                self._draw_recommendation()
        self._update_scale_bar()
        self.viewport().update()

    def _view_centre(self) -> QPointF:
        size = self.viewport().size()
        return QPointF(size.width() / 2, size.height() / 2)

    def _scene_at(self, point: QPointF) -> QPointF:
        """The scene point under a viewport point, exactly (``mapToScene`` takes whole pixels)."""
        inverted, _invertible = self.viewportTransform().inverted()
        return inverted.map(point)

    def _put(self, scene_point: QPointF, view_point: QPointF) -> None:
        """Scroll so that the scene point is at the viewport point (to the pixel, as far as the
        scene's edges allow: ``centerOn`` alone may be a pixel off, doubled by each zoom step)."""
        self.centerOn(scene_point)
        off = self.viewportTransform().map(scene_point) - view_point
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + round(off.x()))
        vertical.setValue(vertical.value() + round(off.y()))

    def zoom_by(self, steps: int, anchor: QPoint | None = None) -> None:
        """Zoom in (positive) or out by whole levels, at a viewport point or the centre."""
        self._set_zoom(self._zoom + steps, anchor=anchor)
        self._tour = None

    def _markers_rect(self) -> QRectF | None:
        points = [e.anchor.pos() for e in self._incidents.values()] + [
            e.anchor.pos() for e in self._units.values()
        ]
        return _points_rect(points)

    def _places_rect(self) -> QRectF | None:
        return _points_rect([QPointF(slot.x, slot.y) for _place, slot in self._places])

    def _update_scene_rect(self) -> None:
        """What the map can be panned over: everything it shows (and the tiles), with room around."""
        rects = [r for r in (self._markers_rect(), self._places_rect()) if r is not None]
        if self._tiles is not None:
            rects.append(self._tiles.scene_bounds)
        if not rects:
            rects.append(bounds_rect(*DEFAULT_BOUNDS))
        whole = rects[0]
        for rect in rects[1:]:
            whole = whole.united(rect)
        # The extent again on every side, and at least 50 km: an edge can be panned to the middle,
        # and the map pans at the zoom that shows it all (a scene smaller than the view cannot).
        margin = max(whole.width(), whole.height(), 50_000 * scene_per_metre(to_lat_lon(whole.center())[0]))
        rect = whole.adjusted(-margin, -margin, margin, margin).intersected(
            QRectF(0, 0, TILE_SIZE, TILE_SIZE)
        )
        if rect != self.sceneRect():
            self._moving_ourselves = True
            self.setSceneRect(rect)
            self._moving_ourselves = False

    # --- painting ------------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        exposed = QRectF(rect)
        painter.fillRect(exposed, PLAIN_BACKGROUND)
        if self._tiles is not None:
            self._tiles.draw(painter, exposed, self._zoom)
            if self._tiles.pending and not self._pending_tiles.isActive():
                self._pending_tiles.start()
        if self._zoom >= VILLAGE_DOTS_FROM and not self._dots.isEmpty():
            device = painter.worldTransform().map(self._dots)
            painter.save()
            painter.resetTransform()
            pen = QPen(DOT_COLOUR, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPoints(device)
            painter.restore()

    # --- overlays ------------------------------------------------------------------------------

    def _update_scale_bar(self) -> None:
        """A bar of a round length (1, 2 or 5 times a power of ten) at most 120 pixels long, and
        its length in words."""
        lat, _lon = self.centre()
        per_pixel = metres_per_pixel(lat, self._zoom)
        most = 120 * per_pixel
        power = 10 ** math.floor(math.log10(most)) if most > 0 else 1
        length = max(m * power for m in (1, 2, 5) if m * power <= most) if most >= power else power
        pixels = max(1, round(length / per_pixel))
        text = distance_words(length)
        metrics = self._scale_bar.fontMetrics()
        height = math.ceil(self._footer_height) - 2
        width = pixels + 10 + metrics.horizontalAdvance(text) + 2
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(QPen(self._footer.palette().color(QPalette.ColorRole.WindowText), 2))
        y = height // 2 + 3
        painter.drawLine(1, y, 1 + pixels, y)
        painter.drawLine(1, y - 5, 1, y)
        painter.drawLine(1 + pixels, y - 5, 1 + pixels, y)
        painter.drawText(
            QRect(pixels + 8, 0, width - pixels - 8, height), Qt.AlignmentFlag.AlignVCenter, text
        )
        painter.end()
        self._scale_bar.setPixmap(pixmap)
        self._scale_bar.setAccessibleName(translate("SituationMap", "Scale: %1").replace("%1", text))

    def _place_footer(self) -> None:
        inner = self.contentsRect()
        height = math.ceil(self._footer_height)
        self._footer.setGeometry(inner.left(), inner.bottom() + 1 - height, inner.width(), height)

    def _show_focus(self, focused: bool) -> None:
        """The frame in the highlight colour while the map has the keyboard, else in grey. (A plain
        box frame is drawn in the foreground role's colour: Text, as the view's background is Base.)"""
        palette = self.palette()
        colour = (
            palette.color(QPalette.ColorRole.Highlight) if focused else palette.color(QPalette.ColorRole.Mid)
        )
        palette.setColor(self.foregroundRole(), colour)
        self.setPalette(palette)

    # --- events --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self.fit_all()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_footer()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if not self._moving_ourselves:
            self._tour = None  # panned by the user: the next N starts from the new centre

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._show_focus(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_focus(False)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) and plain:
            dx = {Qt.Key.Key_Left: -PAN_STEP, Qt.Key.Key_Right: PAN_STEP}.get(Qt.Key(key), 0)
            dy = {Qt.Key.Key_Up: -PAN_STEP, Qt.Key.Key_Down: PAN_STEP}.get(Qt.Key(key), 0)
            self.pan_by(dx, dy)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            self.zoom_by(1, self._selected_on_screen())
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore) and plain:
            self.zoom_by(-1, self._selected_on_screen())
        elif key == Qt.Key.Key_Home and plain:
            self.fit_all()
        elif key in (Qt.Key.Key_N, Qt.Key.Key_P) and plain:
            self._step(key == Qt.Key.Key_N, wrap=True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and self._selected is not None:
            self.incidentActivated.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.hasFocus() and self._step(next, wrap=False):
            return True
        self._tour = None
        return super().focusNextPrevChild(next)

    def pan_by(self, dx: int, dy: int) -> None:
        """Move the view by pixels (positive: the map moves left/up, the view right/down)."""
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + dx)
        vertical.setValue(vertical.value() + dy)
        self._update_scale_bar_if_latitude_moved()

    def _update_scale_bar_if_latitude_moved(self) -> None:
        # The scale changes with the latitude (Mercator); across a city it does not, so only now and then.
        lat, _ = self.centre()
        if abs(lat - getattr(self, "_scale_lat", lat)) > 0.5:
            self._update_scale_bar()
        self._scale_lat = lat

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel_rest += event.angleDelta().y()
        steps = int(self._wheel_rest / 120)
        if steps:
            self._wheel_rest -= steps * 120
            self.zoom_by(steps, anchor=event.position().toPoint())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            at = event.position().toPoint()
            moved = at - self._press
            if not self._dragging and moved.manhattanLength() >= DRAG_THRESHOLD:
                self._dragging = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self.pan_by(-moved.x(), -moved.y())
                self._press = at
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            clicked = not self._dragging
            self._press = None
            self._dragging = False
            self.viewport().unsetCursor()
            if clicked:
                hit = self.marker_at(event.position().toPoint())
                if hit is not None and hit[0] == "incident":
                    if hit[1] != self._selected:
                        self._set_selection(hit[1], ())
                        self.incidentSelected.emit(hit[1])
                    self.incidentActivated.emit(hit[1])
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.marker_at(event.position().toPoint()) is None:
            self.zoom_by(1, anchor=event.position().toPoint())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            hit = self.marker_at(event.pos())
            if hit is None:
                QToolTip.hideText()
                event.ignore()
                return True
            kind, marker_id = hit
            text = (
                markers.incident_tooltip(self._incidents[marker_id].marker)
                if kind == "incident"
                else markers.unit_tooltip(self._units[marker_id].marker)
            )
            QToolTip.showText(event.globalPos(), text, self.viewport())
            return True
        return super().viewportEvent(event)


Spot = tuple[float, float]


def _moved(before: UnitMarker, after: UnitMarker) -> bool:
    return (before.lat, before.lon) != (after.lat, after.lon)


def _spot(lat: float, lon: float) -> Spot:
    """Markers closer than about a metre are at one spot (a station, a village's centre)."""
    return round(lat, 5), round(lon, 5)


class _Stacks:
    """The markers of one kind by the spot they are at."""

    def __init__(self) -> None:
        self.members: dict[Spot, list[int]] = {}
        self.spot_of: dict[int, Spot] = {}

    def move(self, marker_id: int, spot: Spot) -> list[Spot]:
        """Put the marker at the spot; the spots whose members changed."""
        old = self.spot_of.get(marker_id)
        if old == spot:
            return []
        changed = self.remove(marker_id)
        self.members.setdefault(spot, []).append(marker_id)
        self.spot_of[marker_id] = spot
        return [*changed, spot]

    def remove(self, marker_id: int) -> list[Spot]:
        old = self.spot_of.pop(marker_id, None)
        if old is None:
            return []
        members = self.members[old]
        members.remove(marker_id)
        if not members:
            del self.members[old]
        return [old]


def _points_rect(points: Sequence[QPointF]) -> QRectF | None:
    if not points:
        return None
    xs = [p.x() for p in points]
    ys = [p.y() for p in points]
    return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
