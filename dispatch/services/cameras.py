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
from dispatch.services import queries
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.camera_registry import CameraView
from dispatch.services.context import ServiceContext
from dispatch.services.uow import reading
from dispatch.store.database import Database
from dispatch.store.tables import Camera

#: The cameras farther than this from the position are not offered (they cannot show the incident).
NEAREST_CAMERAS_MAX_M = 50_000.0
#: Coordinates closer than this (degrees, about a centimetre) are the same point.
_SAME_POINT = 1e-7


@dataclass(frozen=True)
class CameraNear:
    camera: CameraView
    #: Great-circle metres from the position asked about.
    distance_m: float


class _CameraGrid:
    """One database's grid of active cameras, with the generation of the registry it was built from."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        #: Bumped by every notice that the registry changed; the grid is current while it equals ``built``.
        self.generation = 0
        self.built = -1
        self.grid = PointGrid([], [])
        self.ids = array("i")
        self.lats = array("d")
        self.lons = array("d")
        self.largest_id = 0
        self.buses: weakref.WeakSet[ChangeBus] = weakref.WeakSet()

    def heard(self, change: Change) -> None:
        if change.topic is Topic.DIRECTORY:
            self.generation += 1

    def listen(self, bus: ChangeBus) -> None:
        if bus not in self.buses:
            self.buses.add(bus)
            bus.subscribe(self.heard)

    def current(self, ctx: ServiceContext) -> tuple[PointGrid, array[int], array[float], array[float]]:
        """The grid, built again when the registry changed since; with the cameras' ids and points."""
        with self.lock:
            with reading(ctx) as session:
                largest = int(session.scalar(select(func.max(Camera.id))) or 0)
                if largest != self.largest_id:
                    self.generation += 1
                if self.built != self.generation:
                    generation = self.generation
                    rows = session.execute(
                        select(Camera.id, Camera.lat, Camera.lon)
                        .where(Camera.active.is_(True))
                        .order_by(Camera.id)
                    ).all()
                    self.ids = array("i", [row.id for row in rows])
                    self.lats = array("d", [row.lat for row in rows])
                    self.lons = array("d", [row.lon for row in rows])
                    self.grid = PointGrid(self.lats, self.lons)
                    self.largest_id = largest
                    # A notice heard while reading leaves the grid old: the next search builds it again.
                    self.built = generation
            return self.grid, self.ids, self.lats, self.lons

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
    for _attempt in range(2):
        grid, ids, lats, lons = cameras.current(ctx)
        found = grid.nearest(lat, lon, k, max_m)
        if not found:
            return []
        wanted = [ids[i] for i, _ in found]
        with reading(ctx) as session:
            rows = session.execute(select(Camera).where(Camera.id.in_(wanted))).scalars().all()
        views = {row.id: CameraView.of(row) for row in rows}
        # A camera deactivated or moved without this console hearing of it (another process): the grid
        # is built again and the search repeated, once.
        if all(
            (view := views.get(ids[i])) is not None
            and view.active
            and abs(view.lat - lats[i]) < _SAME_POINT
            and abs(view.lon - lons[i]) < _SAME_POINT
            for i, _ in found
        ):
            return [CameraNear(views[ids[i]], metres) for i, metres in found]
        cameras.outdated()
    return [
        CameraNear(view, distance_m(lat, lon, view.lat, view.lon))
        for view in sorted(views.values(), key=lambda v: distance_m(lat, lon, v.lat, v.lon))
        if view.active and distance_m(lat, lon, view.lat, view.lon) <= max_m
    ]


def nearest_to_incident(ctx: ServiceContext, incident_id: int, k: int = 10) -> list[CameraNear]:
    """The cameras nearest to the incident's best position (``IncidentView.placed``); [] without one."""
    incident = queries.incident(ctx, incident_id)
    placed = None if incident is None else incident.placed
    if placed is None or not (math.isfinite(placed.lat) and math.isfinite(placed.lon)):
        return []
    return nearest_cameras(ctx, placed.lat, placed.lon, k)
