"""Loading the shipped catalogue and demonstration roster from ``resources/``.

Kept out of :mod:`dispatch.domain` so that the domain stays free of file I/O.
"""

from __future__ import annotations

from dispatch.domain.catalogue import Catalogue, parse_catalogue
from dispatch.domain.roster import UnitSpec, parse_roster
from dispatch.resources import load_json

CATALOGUE_FILE = ("catalogue", "categories.json")
DEMO_ROSTER_FILE = ("roster", "semarang_demo.json")


def load_default_catalogue() -> Catalogue:
    """The shipped incident categories; ``CatalogueError`` if the file is not valid."""
    return parse_catalogue(load_json(*CATALOGUE_FILE))


def load_demo_roster() -> tuple[UnitSpec, ...]:
    """The fictional Kota Semarang demonstration roster; ``RosterError`` if the file is not valid."""
    return parse_roster(load_json(*DEMO_ROSTER_FILE))
