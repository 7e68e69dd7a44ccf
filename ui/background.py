"""What the console loads off the GUI thread once its window is shown (``ui.app``; ``bench.startup``
runs the same loads to report the memory they leave)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from dispatch.domain.areas import warm_up_areas
from dispatch.domain.phone import warm_up_descriptions


def background_loads(centre_area: str | None) -> list[tuple[str, Callable[[], object]]]:
    """The loads, each with its thread's name: the carrier and area names of caller numbers (a
    29 KB table and phonenumbers' Indonesian metadata), and the area index for type-ahead with
    its first keystrokes answered (inside the centre's area first)."""
    return [
        ("phone-tables", warm_up_descriptions),
        ("area-index", functools.partial(warm_up_areas, within=centre_area or "")),
    ]
