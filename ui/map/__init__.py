"""The situation map: the centre's area, its incidents and units, offline (issue 15).

``SituationMap`` (view.py) is the widget; ``IncidentMarker`` and ``UnitMarker`` (markers.py) what its
owner gives it; ``TileFileError`` (tiles.py) what ``set_tiles`` raises for a file it cannot use.
"""

from ui.map.markers import IncidentMarker, UnitMarker
from ui.map.tiles import TileFileError, TileProblem
from ui.map.view import SituationMap

__all__ = ["IncidentMarker", "SituationMap", "TileFileError", "TileProblem", "UnitMarker"]
