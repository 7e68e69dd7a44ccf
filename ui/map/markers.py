"""The situation map's markers: what an incident and a unit look like, their labels, and which labels
are shown where they would collide.

Every marker is made of Qt's own items (paths, rectangles, simple text) that ignore the view's scale,
so a marker keeps its size in pixels at every zoom and nothing is painted by Python. A marker says
what it is by its shape and its words, never by colour alone:

- a unit is a square (police), a triangle (fire and rescue), a circle with a cross (medical) or a
  diamond (search and rescue and every other agency), filled with its status colour, and labelled
  with its call sign and a short status word ("MED-03 · avail");
- an incident is a pin with its priority in the head ("P1") and its number beside it; a position
  that is only an area's centre has "~" before the number, and the view draws its radius;
- the selected incident has a ring around its head; its recommended units a numbered badge.

Labels that would overlap another label or a marker are hidden (:class:`LabelGrid`): the selected
incident's and its recommended units' first, then incidents by priority, units, kecamatan and
villages; a hidden label shows again at a closer zoom.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from dispatch.domain.enums import AgencyType, IncidentStatus, Priority, UnitStatus
from ui import labels
from ui.distances import distance_words

translate = QCoreApplication.translate

IGNORES_SCALE = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations

# What a key in ``QGraphicsItem.data`` holds: the kind of marker ("unit", "incident") and its id.
KIND_KEY = 0
ID_KEY = 1

# Stacking, lowest first.
Z_PLACES = 1.0
Z_LINES = 2.0
Z_RADIUS = 3.0
Z_UNITS = 5.0
Z_INCIDENTS = 6.0
Z_RECOMMENDED = 7.0
Z_SELECTED = 8.0

INK = QColor("#212121")
SELECTION = QColor("#0d47a1")
LINE = QColor(13, 71, 161, 200)
LABEL_FILL = QColor(255, 255, 255, 235)
PLACE_FILL = QColor(255, 255, 255, 170)
PLACE_INK = QColor("#37474f")

UNIT_SIZE = 14.0
PIN_HEAD_R = 10.0
PIN_HEIGHT = 32.0
# Gap between a marker and its label, in pixels.
GAP = 3.0


@dataclass(frozen=True, slots=True)
class IncidentMarker:
    id: int
    number: str
    priority: Priority
    status: IncidentStatus
    lat: float
    lon: float
    radius_m: float | None
    approximate: bool


@dataclass(frozen=True, slots=True)
class UnitMarker:
    id: int
    call_sign: str
    agency: AgencyType
    status: UnitStatus
    lat: float
    lon: float


def short_status(status: UnitStatus) -> str:
    """A unit's status in a word or two, for its label on the map (the full words in its tooltip)."""
    return {
        UnitStatus.AVAILABLE: translate("SituationMap", "avail"),
        UnitStatus.DISPATCHED: translate("SituationMap", "disp"),
        UnitStatus.ACKNOWLEDGED: translate("SituationMap", "ack"),
        UnitStatus.EN_ROUTE: translate("SituationMap", "en route"),
        UnitStatus.ON_SCENE: translate("SituationMap", "on scene"),
        UnitStatus.PATIENT_CONTACT: translate("SituationMap", "patient"),
        UnitStatus.TRANSPORTING: translate("SituationMap", "transport"),
        UnitStatus.AT_HOSPITAL: translate("SituationMap", "hospital"),
        UnitStatus.CLEARED: translate("SituationMap", "cleared"),
        UnitStatus.OUT_OF_SERVICE: translate("SituationMap", "out"),
        UnitStatus.OFF_DUTY: translate("SituationMap", "off duty"),
        UnitStatus.STAGING: translate("SituationMap", "staging"),
        UnitStatus.DELAYED: translate("SituationMap", "delayed"),
        UnitStatus.CANCELLED: translate("SituationMap", "cancelled"),
    }[status]


# Incident statuses whose label says so: nobody is on the way yet.
WAITING_STATUSES = (IncidentStatus.NEW, IncidentStatus.AWAITING_DISPATCH, IncidentStatus.REOPENED)


def unit_label(marker: UnitMarker, rank: int = 0) -> str:
    """ "MED-03 · avail"; a recommended unit's with its place first: "1. MED-03 · avail"."""
    words = (
        translate("SituationMap", "%1 · %2")
        .replace("%1", marker.call_sign)
        .replace("%2", short_status(marker.status))
    )
    if rank:
        return translate("SituationMap", "%1. %2").replace("%2", words).replace("%1", str(rank))
    return words


def incident_label(marker: IncidentMarker) -> str:
    number = "~" + marker.number if marker.approximate else marker.number
    if marker.status in WAITING_STATUSES:
        return translate("SituationMap", "%1 · waiting").replace("%1", number)
    return number


def unit_tooltip(marker: UnitMarker) -> str:
    return " — ".join((marker.call_sign, labels.agency(marker.agency), labels.unit_status(marker.status)))


def incident_tooltip(marker: IncidentMarker) -> str:
    parts = [marker.number, labels.priority(marker.priority), labels.incident_status(marker.status)]
    if marker.approximate:
        if marker.radius_m:
            parts.append(
                translate("SituationMap", "area centre, about ±%1").replace(
                    "%1", distance_words(marker.radius_m)
                )
            )
        else:
            parts.append(translate("SituationMap", "area centre"))
    elif marker.radius_m:
        parts.append(translate("SituationMap", "±%1").replace("%1", distance_words(marker.radius_m)))
    return " — ".join(parts)


# --- shapes --------------------------------------------------------------------------------------


def _unit_paths() -> dict[str, QPainterPath]:
    half = UNIT_SIZE / 2
    square = QPainterPath()
    square.addRect(QRectF(-half + 1, -half + 1, UNIT_SIZE - 2, UNIT_SIZE - 2))
    triangle = QPainterPath()
    triangle.moveTo(0, -half - 1)
    triangle.lineTo(half + 1, half)
    triangle.lineTo(-half - 1, half)
    triangle.closeSubpath()
    circle = QPainterPath()
    circle.addEllipse(QPointF(0, 0), half, half)
    diamond = QPainterPath()
    diamond.moveTo(0, -half - 1)
    diamond.lineTo(half + 1, 0)
    diamond.lineTo(0, half + 1)
    diamond.lineTo(-half - 1, 0)
    diamond.closeSubpath()
    return {"square": square, "triangle": triangle, "medical": circle, "diamond": diamond}


_PATHS: dict[str, QPainterPath] = {}


def unit_path(agency: AgencyType) -> QPainterPath:
    """The unit's shape by agency: police square, fire triangle, medical circle with a cross, others a
    diamond."""
    if not _PATHS:
        _PATHS.update(_unit_paths())
    name = {AgencyType.POLICE: "square", AgencyType.FIRE: "triangle", AgencyType.MEDICAL: "medical"}.get(
        agency, "diamond"
    )
    return _PATHS[name]


def cross_path() -> QPainterPath:
    """The medical unit's cross, drawn over its circle: one outline (two overlapping rectangles
    would leave their middle empty under the odd-even fill)."""
    a, w = UNIT_SIZE / 2 - 2.5, 1.6  # arm's reach, half the arm's width
    corners = [
        (-w, -a),
        (w, -a),
        (w, -w),
        (a, -w),
        (a, w),
        (w, w),
        (w, a),
        (-w, a),
        (-w, w),
        (-a, w),
        (-a, -w),
        (-w, -w),
    ]
    return _polygon(corners)


def _polygon(corners: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(*corners[0])
    for x, y in corners[1:]:
        path.lineTo(x, y)
    path.closeSubpath()
    return path


def pin_path() -> QPainterPath:
    """A map pin with its tip at (0, 0) and its round head above."""
    r, h = PIN_HEAD_R, PIN_HEIGHT
    centre_y = -(h - r)
    path = QPainterPath()
    # The tangent points from the tip to the head's circle.
    d = h - r
    angle = math.asin(r / d)
    tangent_x = r * math.cos(angle)
    tangent_y = centre_y + r * math.sin(angle)
    path.moveTo(0, 0)
    path.lineTo(-tangent_x, tangent_y)
    start_deg = 180 + math.degrees(angle)  # Qt's angles run anticlockwise from 3 o'clock
    path.arcTo(QRectF(-r, centre_y - r, 2 * r, 2 * r), start_deg, -(180 + 2 * math.degrees(angle)))
    path.lineTo(0, 0)
    path.closeSubpath()
    return path


def pin_head_centre() -> QPointF:
    return QPointF(0, -(PIN_HEIGHT - PIN_HEAD_R))


# --- labels --------------------------------------------------------------------------------------


class Label:
    """A box with a line of text, both Qt items; the box is what is shown, hidden and moved."""

    __slots__ = ("_padding", "box", "height", "text", "width")

    def __init__(
        self, parent: QGraphicsItem | None, font: QFont, fill: QColor, *, frame: bool = True
    ) -> None:
        self.box = QGraphicsRectItem(parent)
        self.box.setBrush(QBrush(fill))
        self.box.setPen(QPen(QColor(0, 0, 0, 90), 1) if frame else QPen(Qt.PenStyle.NoPen))
        self.text = QGraphicsSimpleTextItem(self.box)
        self.text.setFont(font)
        self.text.setBrush(QBrush(INK))
        self._padding = (3.0, 1.0)
        self.width = 0.0
        self.height = 0.0

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        bounds = self.text.boundingRect()
        pad_x, pad_y = self._padding
        self.width = math.ceil(bounds.width() + 2 * pad_x)
        self.height = math.ceil(bounds.height() + 2 * pad_y)
        self.text.setPos(pad_x, pad_y)
        self.box.setRect(QRectF(0, 0, self.width, self.height))


@dataclass(eq=False, slots=True)
class LabelSlot:
    """A label to be placed: its anchor (scene units), the places it may take around the anchor
    (offsets of its top-left corner, in pixels, most wanted first), and its rank (lower first)."""

    key: tuple[str, int]
    label: Label
    x: float
    y: float
    offsets: tuple[tuple[float, float], ...]
    rank: int
    forced: bool = False
    # Zoom levels at which the label may show at all (a village's name only close in).
    min_zoom: int = 0
    max_zoom: int = 99
    # The marker's shift in pixels from its anchor (markers at one spot are set side by side).
    dx: float = 0.0
    dy: float = 0.0
    # The offset index it took, -1 hidden.
    choice: int = -1
    # Where it took it, in pixels at the placed zoom (for taking it back out of the grid).
    taken: tuple[float, float, float, float] | None = field(default=None)


Rect = tuple[float, float, float, float]
# A rectangle in the grid and what holds it: a label's slot, or None for a marker.
Taken = tuple[float, float, float, float, "LabelSlot | None"]


class LabelGrid:
    """Rectangles taken on the screen at one zoom (left, top, right, bottom in pixels) and their
    holders, in a hash of 64-pixel cells: does a label fit, and what is in its way? (Written flat:
    it runs some 30,000 times a zoom step.)"""

    CELL = 64.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[Taken]] = {}

    def fits(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        cell = self.CELL
        get = self._cells.get
        rows = range(int(y0 // cell), int(y1 // cell) + 1)
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in rows:
                taken = get((cx, cy))
                if taken:
                    for ox0, oy0, ox1, oy1, _holder in taken:
                        if x0 < ox1 and ox0 < x1 and y0 < oy1 and oy0 < y1:
                            return False
        return True

    def in_the_way(self, x0: float, y0: float, x1: float, y1: float) -> list[LabelSlot | None]:
        """What holds the rectangles overlapping this one (None: a marker), each once."""
        cell = self.CELL
        found: dict[int, LabelSlot | None] = {}
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in range(int(y0 // cell), int(y1 // cell) + 1):
                for ox0, oy0, ox1, oy1, holder in self._cells.get((cx, cy), ()):
                    if x0 < ox1 and ox0 < x1 and y0 < oy1 and oy0 < y1:
                        found[id(holder)] = holder
        return list(found.values())

    def add(self, rect: Rect, holder: LabelSlot | None = None) -> None:
        cell = self.CELL
        cells = self._cells
        x0, y0, x1, y1 = rect
        entry: Taken = (x0, y0, x1, y1, holder)
        rows = range(int(y0 // cell), int(y1 // cell) + 1)
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in rows:
                taken = cells.get((cx, cy))
                if taken is None:
                    cells[cx, cy] = [entry]
                else:
                    taken.append(entry)

    def remove(self, rect: Rect, holder: LabelSlot | None = None) -> None:
        cell = self.CELL
        x0, y0, x1, y1 = rect
        entry: Taken = (x0, y0, x1, y1, holder)
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in range(int(y0 // cell), int(y1 // cell) + 1):
                taken = self._cells.get((cx, cy))
                if taken and entry in taken:
                    taken.remove(entry)


def place(slot: LabelSlot, grid: LabelGrid, scale: float, zoom: int) -> None:
    """Put the slot's label at its first offset that fits the grid (any offset's first when forced),
    or hide it; the label's item follows."""
    choice, taken = -1, None
    if slot.forced or slot.min_zoom <= zoom <= slot.max_zoom:
        sx, sy = slot.x * scale + slot.dx, slot.y * scale + slot.dy
        width, height = slot.label.width, slot.label.height
        fits = grid.fits
        for index, (dx, dy) in enumerate(slot.offsets):
            x0, y0 = sx + dx, sy + dy
            if fits(x0, y0, x0 + width, y0 + height):
                choice, taken = index, (x0, y0, x0 + width, y0 + height)
                break
        if choice < 0 and slot.forced:
            choice, taken = _least_in_the_way(slot, grid, sx, sy)
    _settle(slot, grid, choice, taken)


def _least_in_the_way(slot: LabelSlot, grid: LabelGrid, sx: float, sy: float) -> tuple[int, Rect]:
    """Where a forced label goes when it fits nowhere: where it covers the fewest other forced
    labels, then markers, then labels (which give way to it)."""
    width, height = slot.label.width, slot.label.height
    best: tuple[tuple[int, int, int], int, Rect] | None = None
    for index, (dx, dy) in enumerate(slot.offsets):
        rect = (sx + dx, sy + dy, sx + dx + width, sy + dy + height)
        holders = [h for h in grid.in_the_way(*rect) if h is not slot]
        forced = sum(1 for h in holders if h is not None and h.forced)
        markers_hit = sum(1 for h in holders if h is None)
        cost = (forced, markers_hit, len(holders))
        if best is None or cost < best[0]:
            best = (cost, index, rect)
    assert best is not None
    return best[1], best[2]


def _settle(slot: LabelSlot, grid: LabelGrid, choice: int, taken: Rect | None) -> None:
    if taken is not None:
        grid.add(taken, slot)
    if choice != slot.choice:
        box = slot.label.box
        if choice >= 0:
            box.setPos(*slot.offsets[choice])
        box.setVisible(choice >= 0)
    slot.choice, slot.taken = choice, taken


def take_back(slot: LabelSlot, grid: LabelGrid) -> None:
    if slot.taken is not None:
        grid.remove(slot.taken, slot)
        slot.taken = None


def place_again(slots: Iterable[LabelSlot], grid: LabelGrid, scale: float, zoom: int) -> None:
    """Place these labels again among the others (after a change), in rank order: where one does
    not fit, it takes the place of labels of lower rank (a forced one of any label), which are then
    placed once more elsewhere if they can be; nobody else moves."""
    again = sorted(dict.fromkeys(slots), key=lambda s: s.rank)
    for slot in again:
        take_back(slot, grid)
    pushed: list[LabelSlot] = []
    for slot in again:
        place(slot, grid, scale, zoom)
        if slot.forced:  # placed, fitting or not: whatever label it covers gives way
            assert slot.taken is not None
            pushed += _push_aside(slot, slot.taken, grid)
            continue
        if slot.choice >= 0 or not slot.min_zoom <= zoom <= slot.max_zoom:
            continue
        sx, sy = slot.x * scale + slot.dx, slot.y * scale + slot.dy
        width, height = slot.label.width, slot.label.height
        for index, (dx, dy) in enumerate(slot.offsets):
            rect = (sx + dx, sy + dy, sx + dx + width, sy + dy + height)
            holders = grid.in_the_way(*rect)
            if all(h is not None and not h.forced and h.rank > slot.rank for h in holders):
                pushed += _push_aside(slot, rect, grid)
                _settle(slot, grid, index, rect)
                break
    for slot in sorted(dict.fromkeys(pushed), key=lambda s: s.rank):
        if slot.choice < 0:
            place(slot, grid, scale, zoom)


def _push_aside(slot: LabelSlot, rect: Rect, grid: LabelGrid) -> list[LabelSlot]:
    """Hide the labels overlapping ``rect`` (not the markers, nor the forced labels, which may
    overlap one another), other than ``slot``'s own."""
    pushed = []
    for holder in grid.in_the_way(*rect):
        if holder is not None and holder is not slot and not holder.forced:
            take_back(holder, grid)
            _settle(holder, grid, -1, None)
            pushed.append(holder)
    return pushed


def symbol_rect(
    slot: LabelSlot, scale: float, box: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """The marker's rectangle on the screen (pixels at the zoom of ``scale``)."""
    sx, sy = slot.x * scale + slot.dx, slot.y * scale + slot.dy
    return (sx + box[0], sy + box[1], sx + box[2], sy + box[3])


def stack_shifts(count: int, row: float, column: float, per_column: int = 6) -> list[tuple[float, float]]:
    """Where ``count`` markers at one spot are drawn, in pixels from it: one above the other (so
    that each can have its label beside it), in columns of ``per_column``, centred on the spot."""
    if count <= 1:
        return [(0.0, 0.0)] * count
    columns = math.ceil(count / per_column)
    rows = min(count, per_column)
    shifts = []
    for index in range(count):
        col, line = divmod(index, per_column)
        shifts.append(((col - (columns - 1) / 2) * column, (line - (rows - 1) / 2) * row))
    return shifts


# A marker's extent around its anchor, in pixels: left, top, right, bottom.
UNIT_BOX = (-UNIT_SIZE / 2 - 1, -UNIT_SIZE / 2 - 1, UNIT_SIZE / 2 + 1, UNIT_SIZE / 2 + 1)
# A recommended unit with its numbered badge at its top left.
RANKED_UNIT_BOX = (-UNIT_SIZE / 2 - 13, -UNIT_SIZE / 2 - 13, UNIT_SIZE / 2 + 1, UNIT_SIZE / 2 + 1)
PIN_BOX = (-PIN_HEAD_R - 1, -PIN_HEIGHT - 1, PIN_HEAD_R + 1, 1.0)
# The selected incident's ring round the pin's head: its outer radius, and the pin with it.
RING_R = PIN_HEAD_R + 6
SELECTED_PIN_BOX = (-RING_R, -(PIN_HEIGHT - PIN_HEAD_R) - RING_R, RING_R, 1.0)


def unit_offsets(label: Label) -> tuple[tuple[float, float], ...]:
    """Right of the unit, else left, else below, else above."""
    half = UNIT_SIZE / 2 + GAP
    return (
        (half, -label.height / 2),
        (-half - label.width, -label.height / 2),
        (-label.width / 2, half),
        (-label.width / 2, -half - label.height),
    )


def incident_offsets(label: Label, *, selected: bool = False) -> tuple[tuple[float, float], ...]:
    """Right of the pin's head (and its ring when selected), else left of it, else below the tip."""
    centre_y = -(PIN_HEIGHT - PIN_HEAD_R)
    side = PIN_HEAD_R + (RING_R - PIN_HEAD_R + 2 if selected else 0) + GAP
    return (
        (side, centre_y - label.height / 2),
        (-side - label.width, centre_y - label.height / 2),
        (-label.width / 2, GAP),
    )


def place_offsets(label: Label, *, centred: bool) -> tuple[tuple[float, float], ...]:
    if centred:  # a kecamatan's name on its centre
        return ((-label.width / 2, -label.height / 2),)
    return ((4.0, 2.0), (-4.0 - label.width, 2.0), (4.0, -2.0 - label.height))


# --- sprites -------------------------------------------------------------------------------------


class Sprites:
    """Markers drawn once into small pixmaps and shared: a unit's shape for each agency and status,
    an incident's pin for each priority. Blitting a pixmap is what keeps 2,500 markers within a
    frame (stroking as many antialiased paths took some 40 ms)."""

    def __init__(self, pixel_ratio: float, code_font: QFont) -> None:
        self.ratio = max(1.0, pixel_ratio)
        self.code_font = code_font
        self._made: dict[tuple[object, ...], QPixmap] = {}

    def _canvas(self, width: float, height: float) -> tuple[QPixmap, QPainter]:
        pixmap = QPixmap(math.ceil(width * self.ratio), math.ceil(height * self.ratio))
        pixmap.setDevicePixelRatio(self.ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        return pixmap, painter

    def unit(self, agency: AgencyType, status: UnitStatus, recommended: bool) -> QPixmap:
        """The unit's shape filled with its status colour (the size ``UNIT_SPRITE`` square, the
        unit's point at its centre); ringed in the selection colour when recommended."""
        shape = unit_path(agency)
        key = ("unit", id(shape), agency is AgencyType.MEDICAL, status, recommended)
        made = self._made.get(key)
        if made is None:
            pixmap, painter = self._canvas(UNIT_SPRITE, UNIT_SPRITE)
            painter.translate(UNIT_SPRITE / 2, UNIT_SPRITE / 2)
            painter.setBrush(QBrush(labels.unit_status_colour(status)))
            painter.setPen(QPen(SELECTION, 2.5) if recommended else QPen(INK, 1.5))
            painter.drawPath(shape)
            if agency is AgencyType.MEDICAL:
                painter.fillPath(cross_path(), QBrush(INK))
            painter.end()
            self._made[key] = made = pixmap
        return made

    def pin(self, priority: Priority, approximate: bool, selected: bool) -> QPixmap:
        """The pin in its priority's colour with "P1"... in its head, the tip at the bottom middle
        (``PIN_SPRITE`` wide and high); dashed round an area's centre; ringed when selected."""
        key = ("pin", priority, approximate, selected)
        made = self._made.get(key)
        if made is None:
            pixmap, painter = self._canvas(PIN_SPRITE_W, PIN_SPRITE_H)
            painter.translate(PIN_SPRITE_W / 2, PIN_SPRITE_H - 1)
            pen = QPen(INK, 1.5)
            if approximate:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QBrush(QColor(labels.PRIORITY_COLOURS[priority])))
            painter.drawPath(pin_path())
            head = pin_head_centre()
            if selected:
                painter.setPen(QPen(SELECTION, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(head, RING_R - 1.5, RING_R - 1.5)
            painter.setFont(self.code_font)
            painter.setPen(QPen(Qt.GlobalColor.white))
            box = QRectF(head.x() - PIN_HEAD_R, head.y() - PIN_HEAD_R, 2 * PIN_HEAD_R, 2 * PIN_HEAD_R)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, priority.value)
            painter.end()
            self._made[key] = made = pixmap
        return made


# The sprites' sizes in pixels: a unit's shape with its outline; a pin with room for its ring.
UNIT_SPRITE = UNIT_SIZE + 6
PIN_SPRITE_W = 2 * PIN_HEAD_R + 14
PIN_SPRITE_H = PIN_HEIGHT + 10


def _sprite_item(offset: QPointF) -> QGraphicsPixmapItem:
    item = QGraphicsPixmapItem()
    item.setFlag(IGNORES_SCALE)
    item.setOffset(offset)
    item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
    item.setTransformationMode(Qt.TransformationMode.FastTransformation)
    return item


# --- markers -------------------------------------------------------------------------------------


class UnitItems:
    """A unit on the map: its shape (the anchor item, a shared sprite) and its label."""

    __slots__ = ("anchor", "badge", "label", "marker", "obstacle", "rank", "slot", "sprites")

    def __init__(self, marker: UnitMarker, font: QFont, sprites: Sprites) -> None:
        self.sprites = sprites
        self.anchor = _sprite_item(QPointF(-UNIT_SPRITE / 2, -UNIT_SPRITE / 2))
        self.anchor.setZValue(Z_UNITS)
        self.anchor.setData(KIND_KEY, "unit")
        self.anchor.setData(ID_KEY, marker.id)
        self.label = Label(self.anchor, font, LABEL_FILL)
        self.badge: QGraphicsEllipseItem | None = None
        self.rank = 0
        # The symbol's rectangle in the view's label grid, while it is there.
        self.obstacle: tuple[float, float, float, float] | None = None
        self.marker = marker
        self.slot: LabelSlot | None = None
        self.apply(marker, first=True)

    def apply(self, marker: UnitMarker, *, first: bool = False) -> None:
        old = self.marker
        if first or (old.agency, old.status) != (marker.agency, marker.status):
            self.anchor.setPixmap(self.sprites.unit(marker.agency, marker.status, self.rank > 0))
            self.label.box.setBrush(QBrush(labels.unit_status_colour(marker.status).lighter(108)))
        if first or old.call_sign != marker.call_sign or old.status != marker.status:
            self.label.set_text(unit_label(marker, self.rank))
        self.marker = marker

    @property
    def box(self) -> tuple[float, float, float, float]:
        """The unit's extent around its point (with its badge when it has one)."""
        return RANKED_UNIT_BOX if self.rank else UNIT_BOX

    def set_rank(self, rank: int, font: QFont) -> None:
        """A numbered badge (1 is the first recommended), or none with 0."""
        self.rank = max(0, rank)
        self.anchor.setPixmap(self.sprites.unit(self.marker.agency, self.marker.status, self.rank > 0))
        self.label.set_text(unit_label(self.marker, self.rank))
        self.anchor.setZValue(Z_RECOMMENDED if self.rank else Z_UNITS)
        if self.rank == 0:
            if self.badge is not None:
                self.badge.setVisible(False)
            return
        if self.badge is None:
            self.badge = QGraphicsEllipseItem(QRectF(-8, -8, 16, 16), self.anchor)
            self.badge.setBrush(QBrush(SELECTION))
            self.badge.setPen(QPen(Qt.GlobalColor.white, 1.5))
            self.badge.setPos(-UNIT_SIZE / 2 - 4, -UNIT_SIZE / 2 - 4)
            number = QGraphicsSimpleTextItem(self.badge)
            bold = QFont(font)
            bold.setBold(True)
            number.setFont(bold)
            number.setBrush(QBrush(Qt.GlobalColor.white))
        digit = self.badge.childItems()[0]
        assert isinstance(digit, QGraphicsSimpleTextItem)
        digit.setText(str(self.rank))
        bounds = digit.boundingRect()
        digit.setPos(-bounds.width() / 2, -bounds.height() / 2)
        self.badge.setVisible(True)


class IncidentItems:
    """An incident on the map: the pin (anchor item, a shared sprite) with its priority, the label
    with its number, and its radius when it has one (in scene units: it grows with the zoom)."""

    __slots__ = ("anchor", "label", "marker", "obstacle", "radius", "selected", "slot", "sprites")

    def __init__(self, marker: IncidentMarker, font: QFont, sprites: Sprites) -> None:
        self.sprites = sprites
        self.anchor = _sprite_item(QPointF(-PIN_SPRITE_W / 2, -PIN_SPRITE_H + 1))
        self.anchor.setZValue(Z_INCIDENTS)
        self.anchor.setData(KIND_KEY, "incident")
        self.anchor.setData(ID_KEY, marker.id)
        self.label = Label(self.anchor, font, LABEL_FILL)
        self.radius: QGraphicsEllipseItem | None = None
        self.obstacle: tuple[float, float, float, float] | None = None
        self.selected = False
        self.marker = marker
        self.slot: LabelSlot | None = None
        self.apply(marker, first=True)

    def apply(self, marker: IncidentMarker, *, first: bool = False) -> None:
        old = self.marker
        if first or (old.priority, old.approximate) != (marker.priority, marker.approximate):
            self.anchor.setPixmap(self.sprites.pin(marker.priority, marker.approximate, self.selected))
        if first or (old.number, old.status, old.approximate) != (
            marker.number,
            marker.status,
            marker.approximate,
        ):
            self.label.set_text(incident_label(marker))
        self.marker = marker

    @property
    def box(self) -> tuple[float, float, float, float]:
        return SELECTED_PIN_BOX if self.selected else PIN_BOX

    def set_selected(self, selected: bool, font: QFont) -> None:
        self.selected = selected
        marker = self.marker
        self.anchor.setPixmap(self.sprites.pin(marker.priority, marker.approximate, selected))
        self.anchor.setZValue(Z_SELECTED if selected else Z_INCIDENTS)
        self.label.text.setFont(font)
        self.label.box.setPen(QPen(SELECTION, 2) if selected else QPen(QColor(0, 0, 0, 90), 1))
        self.label.set_text(incident_label(marker))


__all__ = [
    "IncidentItems",
    "IncidentMarker",
    "Label",
    "LabelGrid",
    "LabelSlot",
    "UnitItems",
    "UnitMarker",
]
