"""The situation map in the window (Ctrl+M): the open incidents and the units as the boards hold them,
the villages and kecamatan of the centre's area, the incident in the form with its recommended units.

The map reads nothing from the database: its markers are made from the boards' snapshots, after each
batch of change notices the boards applied (:attr:`Boards.applied`), and only the markers that changed
are sent to it (a unit's status change redraws that unit alone). While its dock is out of sight (a tab
behind another) it is left as it is and made whole again when shown. The centre's places are read
from the area index off the GUI thread (the index is loaded there at start-up too). The map's own keys
(N, P, Enter, +, -, Home) are the widget's; Enter or a click on an incident opens it in the form as the
board does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from dispatch.domain.areas import AreaLevel, AreaPlace, area_index
from dispatch.domain.enums import OPEN_INCIDENT_STATUSES
from dispatch.services.bus import Topic
from dispatch.services.snapshots import IncidentView, UnitView
from ui import labels
from ui.map import IncidentMarker, SituationMap, TileFileError, UnitMarker
from ui.presenters.incident_work import IncidentWork
from ui.presenters.parts import Presenter, WindowParts
from ui.presenters.reader import LatestReader
from ui.reveal import focus_visibly
from ui.widgets.dispatch_panel import DispatchPanel

translate = QCoreApplication.translate


def incident_marker(incident: IncidentView) -> IncidentMarker | None:
    """The incident's pin where its best position is (an area's centre drawn with its radius), or
    None while it has no position."""
    placed = incident.placed
    if placed is None:
        return None
    return IncidentMarker(
        id=incident.id,
        number=incident.number,
        priority=incident.priority,
        status=incident.status,
        lat=placed.lat,
        lon=placed.lon,
        radius_m=placed.radius_m,
        approximate=placed.approximate,
    )


def unit_marker(unit: UnitView) -> UnitMarker | None:
    """The unit where it is thought to be (its last report, else its station), or None."""
    where = unit.position
    if where is None or not unit.active:
        return None
    return UnitMarker(
        id=unit.id,
        call_sign=unit.call_sign,
        agency=unit.agency_type,
        status=unit.status,
        lat=where[0],
        lon=where[1],
    )


def read_places(within: str) -> list[AreaPlace]:
    """The kecamatan and the villages inside the centre's area (off the GUI thread: the first call
    may load the area index)."""
    index = area_index()
    return index.places(within, AreaLevel.DISTRICT) + index.places(within, AreaLevel.VILLAGE)


def tile_problem_words(path: Path, error: TileFileError) -> str:
    """Why the tile file is not drawn, in the console's language."""
    return (
        translate("MapWork", "Map tiles not shown: %1 cannot be used (%2).")
        .replace("%1", path.name)
        .replace("%2", error.words())
    )


class MapWork(Presenter):
    """Feeds the :class:`SituationMap` from the boards and the incident in the form."""

    def __init__(
        self,
        parts: WindowParts,
        incidents: IncidentWork,
        dispatch_panel: DispatchPanel,
        situation: SituationMap,
        note: QLabel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        self.incidents = incidents
        self.dispatch_panel = dispatch_panel
        self.map = situation
        self.note = note
        self._reader = LatestReader("map-places", self)
        # What the map was last given, by id: a batch of notices sends only what differs.
        self._incident_markers: dict[int, IncidentMarker] = {}
        self._unit_markers: dict[int, UnitMarker] = {}
        self._selected: tuple[int | None, tuple[int, ...]] = (None, ())
        # The map missed changes while hidden (and at first): made whole when next shown.
        self._stale = True
        # The map is fitted to what it shows when first shown, and again once the centre's places
        # arrive (unless someone is using it by then).
        self._fit_pending = True
        self._places: list[AreaPlace] = []
        # The places are read when the map first comes into sight (not while the console starts).
        self._places_asked = False
        self._places_problem = ""
        self._tiles_problem = ""
        parts.boards.applied.connect(self._after_changes)
        # The recommendation follows other units' changes a little later (IncidentWork's side timer):
        # the tick picks up a changed one.
        parts.boards.ticked.connect(self._follow_selection)
        incidents.opened.connect(lambda _view: self._follow_selection())
        situation.incidentActivated.connect(self.open_incident)
        situation.incidentSelected.connect(self._say_selected)
        # Whether the map is on screen: its dock shown and not a tab behind another. Qt 6 leaves a
        # dock behind another tab "visible" (moved out of sight), so its dock says (set_on_screen).
        self._on_screen = False
        self._show_note()

    # -- set-up ------------------------------------------------------------------------------------

    def use_tiles(self, path: str | Path | None) -> bool:
        """Draw the MBTiles file beneath the map ("" or None: plainly, from the village points).
        False, with the reason beside the map, when the file cannot be used."""
        text = str(path or "").strip()
        self._tiles_problem = ""
        try:
            self.map.set_tiles(Path(text) if text else None)
        except TileFileError as error:
            self._tiles_problem = tile_problem_words(Path(text), error)
            self.map.set_tiles(None)
        self._show_note()
        return not self._tiles_problem

    def load_places(self) -> None:
        """The villages and kecamatan of the centre's area, read off the GUI thread."""
        self._places_asked = True
        within = self.session.centre_area
        if not within:
            self._places = []
            self.map.set_places([])
            self._show_note()
            return
        self._reader.request(lambda: read_places(within), self._places_read, self._places_failed)

    @property
    def busy(self) -> bool:
        """The places are still being read."""
        return self._reader.busy

    def close(self) -> None:
        self._reader.close()

    def _places_read(self, places: object) -> None:
        assert isinstance(places, list)
        self._places = places
        self._places_problem = ""
        self.map.set_places(places)
        if not self.map.hasFocus():
            self._fit_pending = True
            self._fit_if_shown()
        self._show_note()

    def _places_failed(self, error: BaseException) -> None:
        self._places_problem = translate("MapWork", "The villages could not be read: %1").replace(
            "%1", str(error)
        )
        self._show_note()

    def _show_note(self) -> None:
        """One line above the map, when something is missing: the tile file refused, no centre's area."""
        lines = [text for text in (self._tiles_problem, self._places_problem) if text]
        if not self.session.centre_area:
            lines.append(
                translate(
                    "MapWork",
                    "No village names: the centre's area is not set (Console, Settings).",
                )
            )
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))

    # -- keys --------------------------------------------------------------------------------------

    def focus(self) -> None:
        """Ctrl+M: the map shown (its dock raised) with the keyboard on it."""
        self.sync()
        focus_visibly(self.map)

    def open_incident(self, incident_id: int) -> None:
        """Enter or a click on an incident: shown in the form, as Enter on the incident board does."""
        self.incidents.open(incident_id)
        if self.incidents.shown is not None:
            self.incidents.focus_form()

    def _say_selected(self, incident_id: int) -> None:
        """Which incident the map's selection is on, in words (the map shows only its number)."""
        if not incident_id:
            return
        if self._selected[0] == incident_id:
            # N/P (or a click) landed on the incident in the form: its recommended units are joined
            # to it again (the map's own selection carries none).
            self.map.select_incident(incident_id, self._selected[1])
        boards = self.boards
        row = boards.incident_model.row_of_key(incident_id)
        if row is None:
            return
        incident = boards.incident_model.row(row)
        category = translate("MapWork", "no category yet")
        if incident.category is not None:
            label = self.session.catalogue.get(incident.category).label(self.session.lang)
            category = f"{incident.category} {label}"
        where = incident.location_summary or translate("MapWork", "no address yet")
        self.status.show_message(
            translate("MapWork", "%1 %2, %3: %4 (Enter opens it)")
            .replace("%1", incident.number)
            .replace("%2", labels.priority(incident.priority))
            .replace("%3", category)
            .replace("%4", where)
        )

    # -- following the boards ----------------------------------------------------------------------

    def set_on_screen(self, shown: bool) -> None:
        """The map's dock came into sight (shown, or its tab chosen) or went out of it."""
        self._on_screen = shown
        if shown:
            if not self._places_asked:
                self.load_places()
            self.sync()
            self._fit_if_shown()

    @property
    def on_screen(self) -> bool:
        return self._on_screen

    def _fit_if_shown(self) -> None:
        """Fitted while out of sight, the map would take the size of a dock not laid out yet."""
        if self._fit_pending and self._on_screen:
            self._fit_pending = False
            self.map.fit_all()

    def sync(self) -> None:
        """The map made whole from the boards (after being hidden, and at first)."""
        if not self._stale:
            return
        self._stale = False
        incidents = self._incident_markers_now()
        units = self._unit_markers_now()
        self._incident_markers, self._unit_markers = incidents, units
        self.map.set_incidents(list(incidents.values()))
        self.map.set_units(list(units.values()))
        self._selected = (None, ())
        self._follow_selection()

    def _incident_markers_now(self) -> dict[int, IncidentMarker]:
        markers = {}
        for incident in self.boards.incident_model.rows():
            marker = incident_marker(incident) if incident.status in OPEN_INCIDENT_STATUSES else None
            if marker is not None:
                markers[incident.id] = marker
        return markers

    def _unit_markers_now(self) -> dict[int, UnitMarker]:
        markers = {}
        for unit in self.boards.unit_model.units():
            marker = unit_marker(unit)
            if marker is not None:
                markers[unit.id] = marker
        return markers

    def _after_changes(
        self, topics: set[Topic], _touched: set[int], ids: dict[Topic, set[int] | None]
    ) -> None:
        if not (topics & {Topic.UNITS, Topic.INCIDENTS}):
            return
        if not self._on_screen:
            self._stale = True
            return
        if self._stale:
            self.sync()
            return
        if Topic.UNITS in ids:
            self._units_changed(ids[Topic.UNITS])
        # A unit's change that changes its incident's status names the incident too (dispatching).
        incident_ids = ids.get(Topic.INCIDENTS, set())
        if Topic.UNITS in ids and ids[Topic.UNITS] is None:
            incident_ids = None  # the boards read everything again
        self._incidents_changed(incident_ids)
        self._follow_selection()

    def _units_changed(self, unit_ids: set[int] | None) -> None:
        model = self.boards.unit_model
        if unit_ids is not None:
            changed = []
            for unit_id in unit_ids:
                unit = model.unit_by_id(unit_id)
                marker = None if unit is None else unit_marker(unit)
                if marker is None or unit_id not in self._unit_markers:
                    unit_ids = None  # a unit came or went (a roster change): all of them again
                    break
                if marker != self._unit_markers[unit_id]:
                    changed.append(marker)
            else:
                if changed:
                    self._unit_markers.update((marker.id, marker) for marker in changed)
                    self.map.update_units(changed)
                return
        self._unit_markers = self._unit_markers_now()
        self.map.set_units(list(self._unit_markers.values()))

    def _incidents_changed(self, incident_ids: set[int] | None) -> None:
        """The incidents named (None: all of them) compared with what the map has; only those that
        differ are sent (500 markers made afresh for each unit's change took 2 ms)."""
        before = self._incident_markers
        if incident_ids is None:
            now = self._incident_markers_now()
            changed = [marker for key, marker in now.items() if before.get(key) != marker]
            removed = [key for key in before if key not in now]
            self._incident_markers = now
        else:
            changed, removed = [], []
            model = self.boards.incident_model
            for incident_id in incident_ids:
                row = model.row_of_key(incident_id)
                incident = None if row is None else model.row(row)
                marker = None
                if incident is not None and incident.status in OPEN_INCIDENT_STATUSES:
                    marker = incident_marker(incident)
                if marker is None and incident_id in before:
                    del before[incident_id]
                    removed.append(incident_id)
                elif marker is not None and before.get(incident_id) != marker:
                    before[incident_id] = marker
                    changed.append(marker)
        if changed or removed:
            self.map.update_incidents(changed, removed)

    def _follow_selection(self) -> None:
        """The incident in the form selected on the map, joined to its recommended units."""
        if self._stale:
            return
        shown = self.incidents.shown
        wanted: tuple[int | None, tuple[int, ...]] = (None, ())
        if shown is not None and shown.id in self._incident_markers:
            wanted = (shown.id, tuple(self.dispatch_panel.recommended_ids()))
        if wanted != self._selected:
            self._selected = wanted
            self.map.select_incident(wanted[0], wanted[1])

    @property
    def places(self) -> Sequence[AreaPlace]:
        """The places the map was given (tests, the screenshots)."""
        return self._places
