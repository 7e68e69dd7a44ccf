"""The CCTV cameras nearest to a position or to an incident (the registry is ``camera_registry``).

The active cameras' points are held in a ``geo.PointGrid`` (flat arrays: a city's 20,000 cameras in
about a megabyte), built once per database on first use and built again after the registry changed:
a ``Topic.DIRECTORY`` notice on the console's bus (its own edits and imports, and on PostgreSQL the
other consoles' through the change feed) marks it old, and so does a camera added since (the largest
id, read by its index with every search) or a camera found moved or no longer active when the nearest
are read. Only the ids and points are kept: the cameras found are read afresh from the registry, so
their names and stream addresses are always the stored ones.
"""

from __future__ import annotations

import math
import threading
import weakref
from array import array
from dataclasses import dataclass

from sqlalchemy import func, select

from dispatch.domain.geo import PointGrid, distance_m
from dispatch.domain.positions import PlacedPosition
from dispatch.services import queries
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.camera_registry import CameraView
from dispatch.services.context import ServiceContext
from dispatch.services.uow import reading
from dispatch.store.database import Database
from dispatch.store.tables import Camera

#: The cameras farther than this from the position are not offered (they cannot show the incident).
NEAREST_CAMERAS_MAX_M = 50_000.0
_COLUMNS = (
    Camera.id,
    Camera.code,
    Camera.name,
    Camera.owner,
    Camera.lat,
    Camera.lon,
    Camera.stream_url,
    Camera.active,
    Camera.updated_at,
)
#: Coordinates closer than this (degrees, about a centimetre) are the same point.
_SAME_POINT = 1e-7


@dataclass(frozen=True)
class CameraNear:
    camera: CameraView
    #: Great-circle metres from the position asked about.
    distance_m: float


@dataclass(frozen=True)
class _Built:
    """A grid of the active cameras (its numbers index ``ids``, ``lats``, ``lons``) and the registry's
    largest camera id when it was read."""

    grid: PointGrid
    ids: array[int]
    lats: array[float]
    lons: array[float]
    largest_id: int


class _CameraGrid:
    """One database's grid of active cameras, with the generation of the registry it was built from."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        #: Bumped by every notice that the registry changed; the grid is current while it equals ``built``.
        self.generation = 0
        self.built = -1
        self.state = _Built(PointGrid([], []), array("i"), array("d"), array("d"), 0)
        self.buses: weakref.WeakSet[ChangeBus] = weakref.WeakSet()

    def heard(self, change: Change) -> None:
        if change.topic is Topic.DIRECTORY:
            self.generation += 1

    def listen(self, bus: ChangeBus) -> None:
        if bus not in self.buses:
            self.buses.add(bus)
            bus.subscribe(self.heard)

    def current(self, ctx: ServiceContext) -> _Built:
        """The grid, built again when the registry changed since it was built."""
        with self.lock:
            if self.built != self.generation:
                generation = self.generation
                active = select(Camera.id, Camera.lat, Camera.lon).where(Camera.active.is_(True))
                with reading(ctx) as session:
                    largest = int(session.scalar(select(func.max(Camera.id))) or 0)
                    rows = session.execute(active.order_by(Camera.id)).all()
                lats = array("d", [row.lat for row in rows])
                lons = array("d", [row.lon for row in rows])
                ids = array("i", [row.id for row in rows])
                self.state = _Built(PointGrid(lats, lons), ids, lats, lons, largest)
                # A notice heard while reading leaves the grid old: the next search builds it again.
                self.built = generation
            return self.state

    def outdated(self) -> None:
        with self.lock:
            self.generation += 1


_grids: weakref.WeakKeyDictionary[Database, _CameraGrid] = weakref.WeakKeyDictionary()
_grids_lock = threading.Lock()


def _grid_of(ctx: ServiceContext) -> _CameraGrid:
    with _grids_lock:
        grid = _grids.get(ctx.database)
        if grid is None:
            grid = _grids[ctx.database] = _CameraGrid()
        grid.listen(ctx.bus)
        return grid


def nearest_cameras(
    ctx: ServiceContext, lat: float, lon: float, k: int = 10, max_m: float = NEAREST_CAMERAS_MAX_M
) -> list[CameraNear]:
    """The ``k`` active cameras nearest to (``lat``, ``lon``) within ``max_m``, nearest first."""
    cameras = _grid_of(ctx)
    largest = select(func.max(Camera.id)).scalar_subquery()
    for _attempt in range(2):
        built = cameras.current(ctx)
        found = built.grid.nearest(lat, lon, k, max_m)
        wanted = [built.ids[i] for i, _ in found]
        # One read: the cameras found, and the largest id (a camera added unheard of builds the grid
        # again).
        with reading(ctx) as session:
            if wanted:
                rows = session.execute(select(*_COLUMNS, largest).where(Camera.id.in_(wanted))).all()
                now_largest = rows[0][-1] if rows else None
            else:
                rows = []
                now_largest = session.scalar(select(largest))
        views = {row.id: CameraView.of(row) for row in rows}
        # A camera deactivated or moved unheard of (another program on the database): the grid is
        # built again and the search repeated, once.
        if (now_largest or 0) == built.largest_id and all(
            (view := views.get(built.ids[i])) is not None
            and view.active
            and abs(view.lat - built.lats[i]) < _SAME_POINT
            and abs(view.lon - built.lons[i]) < _SAME_POINT
            for i, _ in found
        ):
            return [CameraNear(views[built.ids[i]], metres) for i, metres in found]
        cameras.outdated()
    measured = sorted((distance_m(lat, lon, view.lat, view.lon), view.id, view) for view in views.values())
    return [CameraNear(view, metres) for metres, _, view in measured if view.active and metres <= max_m]


def nearest_to_incident(ctx: ServiceContext, incident_id: int, k: int = 10) -> list[CameraNear]:
    """The cameras nearest to the incident's best position (``IncidentView.placed``); [] without one."""
    incident = queries.incident(ctx, incident_id)
    return nearest_to_position(ctx, None if incident is None else incident.placed, k)


def nearest_to_position(ctx: ServiceContext, placed: PlacedPosition | None, k: int = 10) -> list[CameraNear]:
    """The cameras nearest to ``placed`` (an incident's best position); [] without one."""
    if placed is None or not (math.isfinite(placed.lat) and math.isfinite(placed.lon)):
        return []
    return nearest_cameras(ctx, placed.lat, placed.lon, k)
