"""An incident's position: where it came from, how far it may be off, and which one wins.

An incident has one position at a time (``incidents.lat``/``lon``), the best known. Its source says how
good it is: a position typed or pasted by the call-taker is taken as exact; a handset's own (AML) is as
good as its radius; the centre of the picked kelurahan, or of its kecamatan when the village has no
point, is a rough guess whose radius the area build estimates. A better source replaces a worse one by
itself; a worse one never replaces a better without the call-taker's word (``replaces``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from dispatch.domain.geo import distance_m as _distance_m


class PositionSource(StrEnum):
    NONE = ""
    TYPED = "typed"  # typed or pasted by a person: exact
    AML = "aml"  # the handset's own fix (Advanced Mobile Location), with its radius
    VILLAGE = "village"  # the centre of the picked kelurahan/desa
    DISTRICT = "district"  # the centre of the kecamatan (the village has no point, or a kecamatan was picked)


#: Higher is better. An area's centre is a guess; the handset measured; a person typed what they know.
_RANK = {
    PositionSource.NONE: 0,
    PositionSource.DISTRICT: 1,
    PositionSource.VILLAGE: 2,
    PositionSource.AML: 3,
    PositionSource.TYPED: 4,
}
CENTRES = frozenset({PositionSource.VILLAGE, PositionSource.DISTRICT})


def rank(source: PositionSource) -> int:
    return _RANK[source]


def replaces(current: PositionSource, new: PositionSource, *, by_person: bool) -> bool:
    """Whether a ``new`` position takes the place of the ``current`` one.

    - A person typing a position, or choosing the handset's, is the call-taker's word: it always wins.
    - An area's centre follows the area: a new pick re-centres a centre (a kecamatan picked after a
      kelurahan moves it to the kecamatan's centre), but never replaces a typed or handset position.
    - Otherwise (a handset position arriving by itself) the same or a better source wins: a later AML
      fix replaces an earlier one and any centre, never a typed position.
    """
    if by_person and new in (PositionSource.TYPED, PositionSource.AML):
        return True
    if new in CENTRES and current in CENTRES:
        return True
    return _RANK[new] >= _RANK[current]


@dataclass(frozen=True, slots=True)
class PlacedPosition:
    """A position with its source and precision, as stored on an incident or offered to it."""

    lat: float
    lon: float
    source: PositionSource
    #: How far off it may be, in metres; None when exact (typed).
    radius_m: float | None = None
    #: When the fix was taken (AML's time; the save time for a typed one); None for an area's centre.
    at: datetime | None = None
    #: AML's positioning method (``domain.aml.AmlMethod`` value), "" otherwise.
    method: str = ""
    #: For an area's centre: the area's name ("Tembalang"); "" otherwise.
    place: str = ""

    @property
    def approximate(self) -> bool:
        """Distances from it are rough ("~2 km from the centre of Tembalang")."""
        return self.source in CENTRES


def resolves(source: PositionSource, radius_m: float | None, distance_m: float) -> bool:
    """Whether a position is precise enough for "within ``distance_m`` of it" to mean something.

    Its radius (None: exact) must not exceed the distance. An area's centre never is: two incidents at
    one village's centre are in the same area (the rules for the same kelurahan say so), not at the same
    premises, and a centre's radius is the size of the area, not a measurement.
    """
    return source not in CENTRES and (radius_m or 0.0) <= distance_m


def distance_apart(a: PlacedPosition | None, b: PlacedPosition | None) -> float | None:
    """Straight-line metres between two positions: None without both, and None between two areas'
    centres (a distance between two guesses says nothing: the same area, or two areas)."""
    if a is None or b is None or (a.source in CENTRES and b.source in CENTRES):
        return None
    return _distance_m(a.lat, a.lon, b.lat, b.lon)


def placed_at(
    lat: float | None, lon: float | None, source: str | None, radius_m: float | None
) -> PlacedPosition | None:
    """A stored position (``incidents`` columns) with its source; a position stored before sources
    were recorded (0015) was typed."""
    if lat is None or lon is None:
        return None
    return PlacedPosition(lat, lon, PositionSource(source or PositionSource.TYPED), radius_m)


class AmlState(StrEnum):
    """What became of an AML message (``aml_messages.state``)."""

    APPLIED = "applied"  # its position is on the incident
    KEPT = "kept"  # the incident has a better position (typed): offered, not applied
    WAITING = "waiting"  # matched to a call that has no incident yet: applied when it gets one
    UNMATCHED = "unmatched"  # no call from that number in the window: kept and shown
    NO_FIX = "no_fix"  # the handset sent no position (method N)


#: An AML SMS is sent within about 25 s of the call's start (ETSI TS 103 625) but may be queued in the
#: network: it matches a call from the same number that rang up to this long before it arrived...
AML_MATCH_BEFORE = timedelta(minutes=10)
#: ...or this long after (the modem's and the feed's clocks differ; an SMS can overtake a call's frame).
AML_MATCH_AFTER = timedelta(seconds=60)


#: A fix this much older than its message's arrival may have been stored somewhere (the modem's
#: SIM while the console was away, the network's queue).
AML_STALE_AFTER = timedelta(minutes=2)


def aml_window(received_at: datetime) -> tuple[datetime, datetime]:
    """The ring times of the calls an AML message received at ``received_at`` may belong to."""
    return received_at - AML_MATCH_BEFORE, received_at + AML_MATCH_AFTER


def aml_windows(received_at: datetime, fixed_at: datetime | None) -> list[tuple[datetime, datetime]]:
    """The windows to look for the message's call in, in order: around its arrival (the console's
    clock stamped it), then, for a fix much older than the arrival (read late from the SIM), around
    the fix's own time (``top``, the handset's clock). The arrival comes first because a handset's
    clock can be wrong; a message read late matches nothing around its arrival."""
    windows = [aml_window(received_at)]
    if fixed_at is not None and received_at - fixed_at > AML_STALE_AFTER:
        windows.append(aml_window(fixed_at))
    return windows
