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
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from dispatch.domain.enums import AgencyType, IncidentStatus, Priority, UnitStatus
from ui import labels

translate = QCoreApplication.translate

IGNORES_SCALE = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations

#: What a key in ``QGraphicsItem.data`` holds: the kind of marker ("unit", "incident") and its id.
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
#: Gap between a marker and its label, in pixels.
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


#: Incident statuses whose label says so: nobody is on the way yet.
WAITING_STATUSES = (IncidentStatus.NEW, IncidentStatus.AWAITING_DISPATCH, IncidentStatus.REOPENED)


def unit_label(marker: UnitMarker) -> str:
    return (
        translate("SituationMap", "%1 · %2")
        .replace("%1", marker.call_sign)
        .replace("%2", short_status(marker.status))
    )


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


def distance_words(metres: float) -> str:
    """A distance as the map's scale and tooltips say it: "800 m", "1.2 km" (decimal point by language)."""
    if metres < 1000:
        return translate("SituationMap", "%1 m").replace("%1", str(round(metres)))
    km = metres / 1000
    shown = f"{km:.0f}" if km >= 10 or km == round(km) else f"{km:.1f}"
    if translate("SituationMap", ".") == ",":  # the decimal mark of the language, as translated
        shown = shown.replace(".", ",")
    return translate("SituationMap", "%1 km").replace("%1", shown)


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
    """The medical unit's cross, drawn over its circle."""
    arm, width = UNIT_SIZE / 2 - 3.0, 1.5
    cross = QPainterPath()
    cross.addRect(QRectF(-width, -arm, 2 * width, 2 * arm))
    cross.addRect(QRectF(-arm, -width, 2 * arm, 2 * width))
    return cross.simplified()


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
    #: Zoom levels at which the label may show at all (a village's name only close in).
    min_zoom: int = 0
    max_zoom: int = 99
    #: The offset index it took, -1 hidden.
    choice: int = -1
    #: Where it took it, in pixels at the placed zoom (for taking it back out of the grid).
    taken: tuple[float, float, float, float] | None = field(default=None)


class LabelGrid:
    """Rectangles taken on the screen at one zoom, in a hash of 64-pixel cells: does a label fit?"""

    CELL = 64.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, rect: tuple[float, float, float, float]) -> Iterable[tuple[int, int]]:
        cell = self.CELL
        x0, y0, x1, y1 = rect
        for cx in range(math.floor(x0 / cell), math.floor(x1 / cell) + 1):
            for cy in range(math.floor(y0 / cell), math.floor(y1 / cell) + 1):
                yield cx, cy

    def fits(self, rect: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = rect
        cells = self._cells
        for key in self._keys(rect):
            for ox0, oy0, ox1, oy1 in cells.get(key, ()):
                if x0 < ox1 and ox0 < x1 and y0 < oy1 and oy0 < y1:
                    return False
        return True

    def add(self, rect: tuple[float, float, float, float]) -> None:
        cells = self._cells
        for key in self._keys(rect):
            cells.setdefault(key, []).append(rect)

    def remove(self, rect: tuple[float, float, float, float]) -> None:
        for key in self._keys(rect):
            taken = self._cells.get(key)
            if taken and rect in taken:
                taken.remove(rect)


def place(slot: LabelSlot, grid: LabelGrid, scale: float, zoom: int) -> None:
    """Put the slot's label at its first offset that fits the grid (any offset's first when forced),
    or hide it; the label's item follows."""
    choice, taken = -1, None
    if slot.forced or slot.min_zoom <= zoom <= slot.max_zoom:
        sx, sy = slot.x * scale, slot.y * scale
        width, height = slot.label.width, slot.label.height
        for index, (dx, dy) in enumerate(slot.offsets):
            rect = (sx + dx, sy + dy, sx + dx + width, sy + dy + height)
            if grid.fits(rect):
                choice, taken = index, rect
                break
        if choice < 0 and slot.forced:
            dx, dy = slot.offsets[0]
            choice, taken = 0, (sx + dx, sy + dy, sx + dx + width, sy + dy + height)
    if taken is not None:
        grid.add(taken)
    box = slot.label.box
    if choice != slot.choice:
        if choice >= 0:
            box.setPos(*slot.offsets[choice])
        box.setVisible(choice >= 0)
    slot.choice, slot.taken = choice, taken


def take_back(slot: LabelSlot, grid: LabelGrid) -> None:
    if slot.taken is not None:
        grid.remove(slot.taken)
        slot.taken = None


def symbol_rect(
    x: float, y: float, scale: float, box: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    sx, sy = x * scale, y * scale
    return (sx + box[0], sy + box[1], sx + box[2], sy + box[3])


#: A marker's extent around its anchor, in pixels: left, top, right, bottom.
UNIT_BOX = (-UNIT_SIZE / 2 - 1, -UNIT_SIZE / 2 - 1, UNIT_SIZE / 2 + 1, UNIT_SIZE / 2 + 1)
PIN_BOX = (-PIN_HEAD_R - 1, -PIN_HEIGHT - 1, PIN_HEAD_R + 1, 1.0)


def unit_offsets(label: Label) -> tuple[tuple[float, float], ...]:
    """Right of the unit, else left, else below, else above."""
    half = UNIT_SIZE / 2 + GAP
    return (
        (half, -label.height / 2),
        (-half - label.width, -label.height / 2),
        (-label.width / 2, half),
        (-label.width / 2, -half - label.height),
    )


def incident_offsets(label: Label) -> tuple[tuple[float, float], ...]:
    """Right of the pin's head, else left of it, else below the tip."""
    centre_y = -(PIN_HEIGHT - PIN_HEAD_R)
    side = PIN_HEAD_R + GAP
    return (
        (side, centre_y - label.height / 2),
        (-side - label.width, centre_y - label.height / 2),
        (-label.width / 2, GAP),
    )


def place_offsets(label: Label, *, centred: bool) -> tuple[tuple[float, float], ...]:
    if centred:  # a kecamatan's name on its centre
        return ((-label.width / 2, -label.height / 2),)
    return ((4.0, 2.0), (-4.0 - label.width, 2.0), (4.0, -2.0 - label.height))


# --- markers -------------------------------------------------------------------------------------


class UnitItems:
    """A unit on the map: its shape (the anchor item) and its label."""

    __slots__ = ("badge", "cross", "label", "marker", "obstacle", "slot", "symbol")

    def __init__(self, marker: UnitMarker, font: QFont) -> None:
        self.symbol = QGraphicsPathItem()
        self.symbol.setFlag(IGNORES_SCALE)
        self.symbol.setZValue(Z_UNITS)
        self.symbol.setData(KIND_KEY, "unit")
        self.symbol.setData(ID_KEY, marker.id)
        self.label = Label(self.symbol, font, LABEL_FILL)
        self.badge: QGraphicsEllipseItem | None = None
        self.cross: QGraphicsPathItem | None = None
        #: The symbol's rectangle in the view's label grid, while it is there.
        self.obstacle: tuple[float, float, float, float] | None = None
        self.marker = marker
        self.slot: LabelSlot | None = None
        self.apply(marker, first=True)

    def apply(self, marker: UnitMarker, *, first: bool = False) -> None:
        old = self.marker
        if first or old.agency != marker.agency:
            self.symbol.setPath(unit_path(marker.agency))
            medical = marker.agency is AgencyType.MEDICAL
            if medical and self.cross is None:
                self.cross = QGraphicsPathItem(cross_path(), self.symbol)
                self.cross.setBrush(QBrush(INK))
                self.cross.setPen(QPen(Qt.PenStyle.NoPen))
            if self.cross is not None:
                self.cross.setVisible(medical)
        if first or old.status != marker.status:
            colour = labels.unit_status_colour(marker.status)
            self.symbol.setBrush(QBrush(colour))
            self.symbol.setPen(QPen(INK, 1.5))
            self.label.box.setBrush(QBrush(colour.lighter(108)))
        if first or old.call_sign != marker.call_sign or old.status != marker.status:
            self.label.set_text(unit_label(marker))
        self.marker = marker

    def set_rank(self, rank: int, font: QFont) -> None:
        """A numbered badge (1 is the first recommended), or none with 0."""
        if rank <= 0:
            if self.badge is not None:
                self.badge.setVisible(False)
            self.symbol.setZValue(Z_UNITS)
            self.symbol.setPen(QPen(INK, 1.5))
            return
        if self.badge is None:
            self.badge = QGraphicsEllipseItem(QRectF(-8, -8, 16, 16), self.symbol)
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
        digit.setText(str(rank))
        bounds = digit.boundingRect()
        digit.setPos(-bounds.width() / 2, -bounds.height() / 2)
        self.badge.setVisible(True)
        self.symbol.setZValue(Z_RECOMMENDED)
        self.symbol.setPen(QPen(SELECTION, 2.5))


class IncidentItems:
    """An incident on the map: the pin (anchor item) with its priority, the label with its number,
    and its radius when the position is an area's centre (in scene units: it grows with the zoom)."""

    __slots__ = ("code", "label", "marker", "obstacle", "pin", "radius", "slot")

    def __init__(self, marker: IncidentMarker, font: QFont, code_font: QFont) -> None:
        self.pin = QGraphicsPathItem(pin_path())
        self.pin.setFlag(IGNORES_SCALE)
        self.pin.setZValue(Z_INCIDENTS)
        self.pin.setData(KIND_KEY, "incident")
        self.pin.setData(ID_KEY, marker.id)
        self.code = QGraphicsSimpleTextItem(self.pin)
        self.code.setFont(code_font)
        self.code.setBrush(QBrush(Qt.GlobalColor.white))
        self.label = Label(self.pin, font, LABEL_FILL)
        self.radius: QGraphicsEllipseItem | None = None
        self.obstacle: tuple[float, float, float, float] | None = None
        self.marker = marker
        self.slot: LabelSlot | None = None
        self.apply(marker, first=True)

    def apply(self, marker: IncidentMarker, *, first: bool = False) -> None:
        old = self.marker
        if first or old.priority != marker.priority:
            colour = QColor(labels.PRIORITY_COLOURS[marker.priority])
            self.pin.setBrush(QBrush(colour))
            self.code.setText(marker.priority.value)
            bounds = self.code.boundingRect()
            head = pin_head_centre()
            self.code.setPos(head.x() - bounds.width() / 2, head.y() - bounds.height() / 2)
        if first or old.approximate != marker.approximate:
            pen = QPen(INK, 1.5)
            if marker.approximate:
                pen.setStyle(Qt.PenStyle.DashLine)
            self.pin.setPen(pen)
        if first or (old.number, old.status, old.approximate) != (
            marker.number,
            marker.status,
            marker.approximate,
        ):
            self.label.set_text(incident_label(marker))
        self.marker = marker


__all__ = [
    "IncidentItems",
    "IncidentMarker",
    "Label",
    "LabelGrid",
    "LabelSlot",
    "UnitItems",
    "UnitMarker",
]
