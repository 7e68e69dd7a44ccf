"""Loading the shipped catalogue and demonstration roster from ``resources/``.

Kept out of :mod:`dispatch.domain` so that the domain stays free of file I/O.
"""

from __future__ import annotations

import json
from functools import cache

from dispatch.domain.agencies import AgencySpec, parse_agency_list
from dispatch.domain.areas import area_index
from dispatch.domain.catalogue import Catalogue, parse_catalogue
from dispatch.domain.protocols import ProtocolError, ProtocolSet, parse_protocols
from dispatch.domain.roster import UnitSpec, parse_roster
from dispatch.resources import load_json, resource_path

CATALOGUE_FILE = ("catalogue", "categories.json")
DEMO_ROSTER_FILE = ("roster", "semarang_demo.json")
DEMO_AGENCIES_FILE = ("agencies", "semarang_demo.json")
PROTOCOLS_DIR = ("protocols",)


def load_default_catalogue() -> Catalogue:
    """The shipped incident categories; ``CatalogueError`` if the file is not valid."""
    return parse_catalogue(load_json(*CATALOGUE_FILE))


def load_demo_roster() -> tuple[UnitSpec, ...]:
    """The fictional Kota Semarang demonstration roster; ``RosterError`` if the file is not valid."""
    return parse_roster(load_json(*DEMO_ROSTER_FILE))


def load_demo_agencies() -> tuple[AgencySpec, ...]:
    """The fictional Kota Semarang demonstration directory (Damkar, a Polsek for each kecamatan...).

    ``AgencyFileError`` if the file is not valid (its areas are checked against the shipped table,
    its categories against the shipped catalogue).
    """
    catalogue = load_default_catalogue()
    return parse_agency_list(
        load_json(*DEMO_AGENCIES_FILE),
        known_area=lambda code: area_index().get(code) is not None,
        known_category=lambda code: code in catalogue,
    )


@cache
def load_default_protocols() -> ProtocolSet:
    """The shipped protocol cards, one ``resources/protocols/*.json`` per category, read once.

    ``ProtocolError`` naming the file if a card is not valid (a file that is not JSON included).
    """
    files: list[tuple[str, object]] = []
    for path in sorted(resource_path(*PROTOCOLS_DIR).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ProtocolError(f"{path.name}: not valid JSON: {error}") from error
        files.append((path.name, data))
    return parse_protocols(files)
