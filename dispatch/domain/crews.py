"""How simulated crews answer a dispatch in training: the timings per agency and one unit's plan.

A plan is the seconds of scenario time after the dispatch at which the crew acknowledges, turns out
(en route), arrives, clears and reports available again. It is drawn once per assignment from a
seeded ``random.Random``, so the same scenario with the same seed plays the same way every time.

Where the numbers come from (training assumptions for urban Semarang, not measurements):

- **Acknowledge** (dispatched -> acknowledged): a crew answering the radio or a telephone; seconds
  for a patrol or a station with the radio on, up to a minute or more for services called by phone
  (PLN, PDAM, Dinsos).
- **Turnout** (dispatched -> en route): NFPA 1710 sets 60 s for EMS and 80 s for fire (90 % of the
  time), the figures' default targets (docs/figures.md). The ranges below straddle those targets so a
  trainee sees crews both within and beyond them; a patrol already on the road turns out faster, and
  crews that are not on standby (SAR, BPBD, utilities, social services) take minutes.
- **Travel**: the straight-line distance from the unit's last known position (or its station) to the
  incident, times a road factor of 1.3 (urban road networks are some 1.2-1.4 times longer than the
  straight line; e.g. Ballou et al. 2002, Giacomin & Levinson 2015), at an average road speed per
  agency, then ±15 % for traffic and lights. The console's ETA setting is 40 km/h over the straight
  line (``recommend.DEFAULT_SPEED_KMH``, "40 km/h in city traffic" in docs/installing.md); the road
  speeds here are of that order for vehicles with lights and siren in Semarang's traffic, slower for a
  fire engine or a utility van, so a simulated crew arrives somewhat after the console's estimate, as
  real ones do (the estimate is a lower bound). With the demonstration stations 2-6 km from most of
  the city, a first unit arrives around Semarang's 10-minute target (DOMAIN.md) after dispatch.
- **On scene** (on scene -> cleared): minutes per agency, shortened for training: a drill of 30
  minutes must see units come back into service.
- **Back in service** (cleared -> available): the crew's radio call that it is free again.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from dispatch.domain.enums import AgencyType
from dispatch.domain.geo import eta_minutes

#: Straight line to road distance (see the module docstring).
ROAD_FACTOR = 1.3
#: Travel time is the distance at the agency's speed, times a factor drawn within ±15 %.
TRAVEL_SPREAD = 0.15
#: The shortest drive: out of the station, round the corner, park (an incident next door).
MIN_TRAVEL_S = 30.0


@dataclass(frozen=True, slots=True)
class AgencyTiming:
    """One agency's crews. Ranges are (shortest, longest), drawn uniformly."""

    acknowledge_s: tuple[float, float]
    turnout_s: tuple[float, float]
    speed_kmh: float
    on_scene_min: tuple[float, float]
    back_in_service_s: tuple[float, float] = (10.0, 60.0)
    #: The straight-line distance assumed when the incident or the unit has no position.
    typical_distance_m: float = 4_000.0

    def __post_init__(self) -> None:
        for low, high in (self.acknowledge_s, self.turnout_s, self.on_scene_min, self.back_in_service_s):
            if not 0 <= low <= high:
                raise ValueError(f"range ({low}, {high}) must be 0 <= low <= high")
        if self.speed_kmh <= 0 or self.typical_distance_m < 0:
            raise ValueError("speed must be positive and the typical distance not negative")


#: Urban Semarang (see the module docstring for the sources and assumptions).
DEFAULT_TIMINGS: Mapping[AgencyType, AgencyTiming] = {
    # A patrol car or motorbike, usually already on the road; 40 km/h as the ETA setting.
    AgencyType.POLICE: AgencyTiming((5, 20), (20, 60), 40.0, (8, 20)),
    # Damkar: NFPA 1710's 80 s inside the range; an engine is slower in traffic and narrow streets.
    AgencyType.FIRE: AgencyTiming((5, 20), (60, 120), 32.0, (15, 40)),
    # PSC 119 / PMI ambulances: NFPA 1710's 60 s inside the range.
    AgencyType.MEDICAL: AgencyTiming((5, 25), (45, 120), 38.0, (10, 25)),
    # Basarnas: a rescue team gathers its equipment.
    AgencyType.SAR: AgencyTiming((10, 40), (120, 300), 35.0, (20, 60), typical_distance_m=6_000),
    AgencyType.DISASTER: AgencyTiming((10, 40), (120, 300), 32.0, (20, 60), typical_distance_m=5_000),
    # Utility and transport crews are called by telephone and drive without lights.
    AgencyType.UTILITY: AgencyTiming((20, 90), (300, 900), 25.0, (20, 60), typical_distance_m=5_000),
    AgencyType.TRANSPORT: AgencyTiming((15, 60), (120, 300), 28.0, (15, 40), typical_distance_m=5_000),
    AgencyType.SOCIAL: AgencyTiming((30, 120), (300, 900), 25.0, (20, 60), typical_distance_m=5_000),
}


@dataclass(frozen=True)
class CrewRules:
    """The timings per agency with the travel model's road factor and randomness."""

    timings: Mapping[AgencyType, AgencyTiming] = field(default_factory=lambda: dict(DEFAULT_TIMINGS))
    road_factor: float = ROAD_FACTOR
    travel_spread: float = TRAVEL_SPREAD
    min_travel_s: float = MIN_TRAVEL_S

    def __post_init__(self) -> None:
        missing = set(AgencyType) - set(self.timings)
        if missing:
            raise ValueError(f"no timing for {sorted(a.value for a in missing)}")
        if self.road_factor < 1 or not 0 <= self.travel_spread < 1 or self.min_travel_s <= 0:
            raise ValueError("road factor >= 1, travel spread in [0, 1), shortest travel > 0")

    def timing(self, agency: AgencyType) -> AgencyTiming:
        return self.timings[agency]


@dataclass(frozen=True, slots=True)
class ResponsePlan:
    """Scenario seconds after the dispatch at which the crew reaches each status; strictly increasing."""

    acknowledge_s: float
    en_route_s: float
    on_scene_s: float
    clear_s: float
    #: Back in service (available) after clearing.
    available_s: float

    @property
    def steps(self) -> tuple[float, float, float, float, float]:
        return (self.acknowledge_s, self.en_route_s, self.on_scene_s, self.clear_s, self.available_s)

    @property
    def travel_s(self) -> float:
        return self.on_scene_s - self.en_route_s


def travel_seconds(distance_m: float, speed_kmh: float, road_factor: float) -> float:
    """Seconds to drive ``distance_m`` of straight line at ``speed_kmh`` on roads ``road_factor`` longer."""
    return eta_minutes(distance_m * road_factor, speed_kmh) * 60.0


def plan_response(
    rng: random.Random, agency: AgencyType, distance_m: float | None, rules: CrewRules | None = None
) -> ResponsePlan:
    """One crew's plan, drawn from ``rng`` (always five draws, in the order of the steps).

    ``distance_m`` is the straight line from the unit to the incident; None (either has no position)
    takes the agency's typical distance. Times are whole seconds, each step at least a second after
    the one before (a crew cannot be en route before it acknowledged).
    """
    rules = rules or CrewRules()
    timing = rules.timing(agency)
    if distance_m is not None and distance_m < 0:
        raise ValueError("distance must not be negative")
    acknowledge = rng.uniform(*timing.acknowledge_s)
    turnout = rng.uniform(*timing.turnout_s)
    spread = rng.uniform(1.0 - rules.travel_spread, 1.0 + rules.travel_spread)
    on_scene_minutes = rng.uniform(*timing.on_scene_min)
    back = rng.uniform(*timing.back_in_service_s)

    straight = timing.typical_distance_m if distance_m is None else distance_m
    travel = max(rules.min_travel_s, travel_seconds(straight, timing.speed_kmh, rules.road_factor) * spread)

    acknowledge_s = max(1.0, round(acknowledge))
    en_route_s = max(acknowledge_s + 1, round(turnout))
    on_scene_s = en_route_s + max(1.0, round(travel))
    clear_s = on_scene_s + max(1.0, round(on_scene_minutes * 60.0))
    available_s = clear_s + max(1.0, round(back))
    return ResponsePlan(
        float(acknowledge_s), float(en_route_s), float(on_scene_s), float(clear_s), float(available_s)
    )


def crew_rng(seed: int, unit_id: int, assignment_id: int) -> random.Random:
    """The random source of one assignment: the same run's seed, unit and assignment give the same plan.

    Seeded from a string, which ``random`` hashes with SHA-512 (not Python's per-process ``hash``).
    """
    return random.Random(f"crews:{seed}:{unit_id}:{assignment_id}")
