"""The agency directory: who handles what, where, and how the centre reaches them.

A supervisor keeps it as data (the editor, or a CSV file like the roster's). Pure: the agency's
specification, its validation, and the choice of agencies an incident's category and area call for.
"""

from __future__ import annotations

from enum import StrEnum


class AgencyReach(StrEnum):
    """How the centre works with an agency (``agencies.reach``)."""

    FORWARD = "forward"  # told by phone, radio or message; it sends its own people
    ROOM = "room"  # its liaison sits in the room and sends its units on the roster
