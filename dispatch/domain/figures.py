"""Figures as the standards define them: answer time, call processing, unit intervals (docs/figures.md).

Pure: the report service reads rows into the plain records below (``CallTiming`` per call,
``IncidentTiming`` per incident and ``UnitTiming`` per assignment, the last two straight from
``dispatch.reports.intervals``' outputs, so no interval is computed twice; ``ForwardingTiming`` per
forwarding of an incident to an agency) and ``shift_figures`` turns them into frozen, JSON-friendly
results: seconds as floats, counts as ints, times as ISO 8601 strings, None where there is no sample
(never NaN).

Forwarding to agencies (``forwarding_figures``), per agency and over all agencies: answer to
forwarding (the incident created to that agency's first forwarding of it: one sample per incident and
agency), forwarding to acknowledgement and forwarding to arrival reported (one sample per forwarding
that has the milestone), and how many forwardings never had it. A cancelled forwarding (the centre
withdrew it) counts for the times it has but is never "never acknowledged": it was not the agency's
to acknowledge any more. "Never" means none recorded by the time the data was read, so a forwarding
still open counts as never acknowledged until its acknowledgement is recorded.

Percentiles are nearest-rank: the p-th percentile of n values is the ceil(p/100 * n)-th smallest value,
always a time that one call actually took. With that method "p90 <= 15 s" holds exactly when at least
90 % of the calls were answered within 15 s, so the percentile and the share within a threshold never
disagree.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any

from dispatch.domain.forwarding import ForwardState

# --- settings --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """``share`` of the samples within ``within_s`` seconds (at the limit counts as within)."""

    within_s: float
    share: float


@dataclass(frozen=True)
class AgencyTargets:
    """Targets for one agency type (``units.agency_type``: police, fire, medical...)."""

    agency: str
    turnout: tuple[Target, ...] = ()
    travel: tuple[Target, ...] = ()


#: NENA-STA-020.1-2020: 90 % answered within 15 s, 95 % within 20 s.
NENA_STA_020 = (Target(15.0, 0.90), Target(20.0, 0.95))
#: The stricter rule some regulators use (e.g. North Carolina 09 NCAC 06C .0209).
STRICT_10S = (Target(10.0, 0.90), Target(20.0, 0.95))
#: NFPA 1225 (2022)'s answer rule: 90 % within 10 s.
NFPA_1225_ANSWER = (Target(10.0, 0.90),)
#: NFPA 1225 (2022): answer to first unit dispatched, 90 % within 60 s.
NFPA_1225 = (Target(60.0, 0.90),)
#: NFPA 1221 (2016), the older alarm-processing rule: 90 % within 64 s, 95 % within 106 s.
NFPA_1221_2016 = (Target(64.0, 0.90), Target(106.0, 0.95))
#: NFPA 1710 turnout: 60 s for EMS, 80 s for fire, 90 % of the time.
NFPA_1710_TURNOUT = (
    AgencyTargets("medical", turnout=(Target(60.0, 0.90),)),
    AgencyTargets("fire", turnout=(Target(80.0, 0.90),)),
)


@dataclass(frozen=True)
class FigureSettings:
    """Every threshold the figures use; each one a setting because the standards differ."""

    answer: tuple[Target, ...] = NENA_STA_020
    processing: tuple[Target, ...] = NFPA_1225
    agencies: tuple[AgencyTargets, ...] = NFPA_1710_TURNOUT
    #: The service level is the share answered within this many seconds.
    service_level_s: float = 15.0
    #: Length of a service-level interval in minutes (a divisor of 60).
    interval_minutes: int = 15

    def agency_targets(self, agency: str) -> AgencyTargets:
        return next((a for a in self.agencies if a.agency == agency), AgencyTargets(agency))

    def problems(self) -> dict[str, str]:
        """Setting name -> "not_positive" / "share_out_of_range" / "not_divisor_of_60"."""
        found: dict[str, str] = {}
        named: list[tuple[str, tuple[Target, ...]]] = [
            ("answer", self.answer),
            ("processing", self.processing),
        ]
        for agency in self.agencies:
            named.append((f"{agency.agency}.turnout", agency.turnout))
            named.append((f"{agency.agency}.travel", agency.travel))
        for name, targets in named:
            for target in targets:
                if not target.within_s > 0:
                    found[name] = "not_positive"
                elif not 0 < target.share <= 1:
                    found[name] = "share_out_of_range"
        if not self.service_level_s > 0:
            found["service_level_s"] = "not_positive"
        if self.interval_minutes < 1 or 60 % self.interval_minutes:
            found["interval_minutes"] = "not_divisor_of_60"
        return found


# --- input records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallTiming:
    """One row of ``calls``."""

    call_id: int
    ring_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    #: The class the call was closed with (``CallClass`` value), None while undecided.
    call_class: str | None = None
    #: The user who answered (``calls.answered_by``), None when nobody did.
    answered_by: int | None = None

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def abandoned(self) -> bool:
        """NENA: the caller ended the call before the centre answered it."""
        return self.answered_at is None and self.ended_at is not None

    @property
    def ring_s(self) -> float | None:
        """Ring start to answer, or to the caller hanging up; None while still ringing."""
        end = self.answered_at if self.answered_at is not None else self.ended_at
        if end is None or end < self.ring_at:
            return None
        return (end - self.ring_at).total_seconds()


@dataclass(frozen=True)
class IncidentTiming:
    """One ``IncidentIntervals`` of ``dispatch.reports.intervals`` plus who took its first call."""

    number: str
    call_processing_s: float | None
    taken_by: int | None = None


@dataclass(frozen=True)
class UnitTiming:
    """One ``UnitIntervals`` of ``dispatch.reports.intervals`` plus the unit's agency type."""

    incident_number: str
    call_sign: str
    agency: str
    turnout_s: float | None
    travel_s: float | None
    on_scene_s: float | None


@dataclass(frozen=True)
class ForwardingTiming:
    """One row of ``forwardings`` with its incident's creation time."""

    forwarding_id: int
    incident_id: int
    agency_id: int
    #: The agency's name when forwarded (``forwardings.agency_name``).
    agency_name: str
    incident_created_at: datetime
    forwarded_at: datetime
    acknowledged_at: datetime | None
    arrived_at: datetime | None
    #: ``ForwardState`` value.
    state: str

    @property
    def cancelled(self) -> bool:
        return self.state == ForwardState.CANCELLED


# --- output ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetResult:
    within_s: float
    target_share: float
    count_within: int
    #: count_within / count; None without samples.
    share: float | None
    #: share >= target_share; None without samples.
    met: bool | None


@dataclass(frozen=True)
class Distribution:
    count: int
    mean_s: float | None
    min_s: float | None
    max_s: float | None
    p50_s: float | None
    p90_s: float | None
    p95_s: float | None
    targets: tuple[TargetResult, ...] = ()


@dataclass(frozen=True)
class IntervalLevel:
    """Calls that started ringing in [start, start + interval)."""

    start: str
    offered: int
    answered: int
    abandoned: int
    answered_within: int
    #: answered_within / answered; None when nothing was answered.
    service_level: float | None


@dataclass(frozen=True)
class LongestRing:
    call_id: int
    ring_at: str
    seconds: float
    answered: bool


@dataclass(frozen=True)
class CallTakerFigures:
    user_id: int
    answered: int
    answer: Distribution
    processing: Distribution


@dataclass(frozen=True)
class AgencyFigures:
    agency: str
    assignments: int
    turnout: Distribution
    travel: Distribution
    on_scene: Distribution


@dataclass(frozen=True)
class ForwardingFigures:
    """The forwardings to one agency, or to every agency (``agency_id`` None), of a period's incidents."""

    agency_id: int | None
    #: The name on its latest forwarding of the period ("" for every agency: the reader words it).
    agency_name: str
    #: Every forwarding, cancelled ones included.
    forwardings: int
    cancelled: int
    #: Incident created -> the agency's first forwarding of it, one sample per incident (and agency).
    to_forwarding: Distribution
    #: Forwarded -> acknowledged, per forwarding with an acknowledgement.
    to_acknowledgement: Distribution
    #: Forwarded -> arrival reported, per forwarding with an arrival.
    to_arrival: Distribution
    #: Forwardings not cancelled with no acknowledgement (no arrival) recorded.
    never_acknowledged: int
    never_arrived: int


@dataclass(frozen=True)
class ClassCount:
    call_class: str
    count: int


@dataclass(frozen=True)
class Figures:
    #: Calls with an outcome: answered + abandoned.
    offered: int
    answered: int
    abandoned: int
    #: Still ringing when the data was read: not in any figure but this one.
    unresolved: int
    #: abandoned / offered; None when nothing was offered.
    abandonment_rate: float | None
    answer: Distribution
    processing: Distribution
    longest_ring: LongestRing | None
    service_levels: tuple[IntervalLevel, ...]
    by_class: tuple[ClassCount, ...]
    call_takers: tuple[CallTakerFigures, ...]
    agencies: tuple[AgencyFigures, ...]
    service_level_s: float = 15.0
    interval_minutes: int = 15
    #: Every agency first (``agency_id`` None), then each agency by name; () without forwardings.
    forwarding: tuple[ForwardingFigures, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Plain dicts, lists, numbers and strings (``json.dumps(..., allow_nan=False)`` accepts it)."""
        return asdict(self)


# --- the arithmetic --------------------------------------------------------------------------------


def nearest_rank(values: Sequence[float], percent: float) -> float | None:
    """The nearest-rank ``percent``-th percentile (0 < percent <= 100); None for no values.

    The ceil(percent/100 * n)-th smallest value, counted exactly (``percent`` is read as the decimal
    it prints as, so 90 * 10 / 100 is 9, never 9.000000000000002).
    """
    if not 0 < percent <= 100:
        raise ValueError(f"percent must be in (0, 100]: {percent}")
    if not values:
        return None
    ordered = sorted(values)
    rank = math.ceil(Fraction(str(percent)) * len(ordered) / 100)
    return float(ordered[max(0, rank - 1)])


def share_within(values: Sequence[float], within_s: float) -> float | None:
    if not values:
        return None
    return sum(1 for v in values if v <= within_s) / len(values)


def distribution(values: Iterable[float | None], targets: Sequence[Target] = ()) -> Distribution:
    """Count, mean, min, max, p50/p90/p95 and the share within each target of the known values."""
    known = sorted(float(v) for v in values if v is not None and math.isfinite(v))
    results = []
    for target in targets:
        within = sum(1 for v in known if v <= target.within_s)
        share = within / len(known) if known else None
        met = None if share is None else within >= Fraction(str(target.share)) * len(known)
        results.append(TargetResult(target.within_s, target.share, within, share, met))
    return Distribution(
        count=len(known),
        mean_s=math.fsum(known) / len(known) if known else None,
        min_s=known[0] if known else None,
        max_s=known[-1] if known else None,
        p50_s=nearest_rank(known, 50),
        p90_s=nearest_rank(known, 90),
        p95_s=nearest_rank(known, 95),
        targets=tuple(results),
    )


def interval_start(at: datetime, minutes: int) -> datetime:
    """The start of the ``minutes``-long clock interval ``at`` falls in (in ``at``'s own time zone)."""
    return at.replace(minute=at.minute - at.minute % minutes, second=0, microsecond=0)


def service_levels(
    calls: Iterable[CallTiming],
    within_s: float,
    minutes: int = 15,
    since: datetime | None = None,
    until: datetime | None = None,
) -> tuple[IntervalLevel, ...]:
    """Per clock interval, by the interval each call started ringing in.

    With ``since`` and ``until`` every interval of [since, until) is listed, empty ones included (a chart
    shows a gap as a gap); without them only intervals that had calls.
    """
    buckets: dict[datetime, list[CallTiming]] = defaultdict(list)
    for call in calls:
        if call.ring_s is not None:
            buckets[interval_start(call.ring_at, minutes)].append(call)
    starts = set(buckets)
    if since is not None and until is not None:
        at = interval_start(since, minutes)
        while at < until:
            starts.add(at)
            at += timedelta(minutes=minutes)
    levels = []
    for start in sorted(starts):
        group = buckets.get(start, [])
        answered = [c for c in group if c.answered]
        within = sum(1 for c in answered if (c.ring_s or 0.0) <= within_s)
        levels.append(
            IntervalLevel(
                start=start.isoformat(),
                offered=len(group),
                answered=len(answered),
                abandoned=sum(1 for c in group if c.abandoned),
                answered_within=within,
                service_level=within / len(answered) if answered else None,
            )
        )
    return tuple(levels)


def longest_ring(calls: Iterable[CallTiming]) -> LongestRing | None:
    """The call that rang longest, answered or abandoned (the earlier call on a tie)."""
    timed = [(seconds, call) for call in calls if (seconds := call.ring_s) is not None]
    if not timed:
        return None
    seconds, best = min(timed, key=lambda pair: (-pair[0], pair[1].ring_at, pair[1].call_id))
    return LongestRing(best.call_id, best.ring_at.isoformat(), seconds, best.answered)


def _seconds_between(start: datetime, end: datetime | None) -> float | None:
    """``end - start`` in seconds; None without an end or when the end comes first (a typing slip)."""
    if end is None or end < start:
        return None
    return (end - start).total_seconds()


def _forwarding_group(
    agency_id: int | None, name: str, rows: Sequence[ForwardingTiming]
) -> ForwardingFigures:
    first: dict[tuple[int, int], ForwardingTiming] = {}
    for row in rows:
        key = (row.incident_id, row.agency_id)
        known = first.get(key)
        if known is None or (row.forwarded_at, row.forwarding_id) < (known.forwarded_at, known.forwarding_id):
            first[key] = row
    return ForwardingFigures(
        agency_id=agency_id,
        agency_name=name,
        forwardings=len(rows),
        cancelled=sum(1 for row in rows if row.cancelled),
        to_forwarding=distribution(
            _seconds_between(row.incident_created_at, row.forwarded_at) for row in first.values()
        ),
        to_acknowledgement=distribution(
            _seconds_between(row.forwarded_at, row.acknowledged_at) for row in rows
        ),
        to_arrival=distribution(_seconds_between(row.forwarded_at, row.arrived_at) for row in rows),
        never_acknowledged=sum(1 for r in rows if r.acknowledged_at is None and not r.cancelled),
        never_arrived=sum(1 for r in rows if r.arrived_at is None and not r.cancelled),
    )


def forwarding_figures(forwardings: Sequence[ForwardingTiming]) -> tuple[ForwardingFigures, ...]:
    """Every agency's forwardings together, then each agency's (by name, then id); () for none.

    An agency is its ``agency_id``; it is named as its latest forwarding of these named it (a later
    rename of the directory does not rewrite what was forwarded).
    """
    if not forwardings:
        return ()
    by_agency: dict[int, list[ForwardingTiming]] = defaultdict(list)
    for row in forwardings:
        by_agency[row.agency_id].append(row)
    named = {
        agency_id: max(rows, key=lambda r: (r.forwarded_at, r.forwarding_id)).agency_name
        for agency_id, rows in by_agency.items()
    }
    order = sorted(by_agency, key=lambda agency_id: (named[agency_id].casefold(), agency_id))
    return (
        _forwarding_group(None, "", forwardings),
        *(_forwarding_group(agency_id, named[agency_id], by_agency[agency_id]) for agency_id in order),
    )


def shift_figures(
    calls: Sequence[CallTiming],
    incidents: Sequence[IncidentTiming] = (),
    units: Sequence[UnitTiming] = (),
    settings: FigureSettings | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    forwardings: Sequence[ForwardingTiming] = (),
) -> Figures:
    """All figures of a period. The caller passes the calls that started ringing in the period, the
    incidents opened in it and their assignments (``interval_report``'s selection), and the
    forwardings of those incidents."""
    settings = settings or FigureSettings()
    answered = [c for c in calls if c.answered and c.ring_s is not None]
    abandoned = [c for c in calls if c.abandoned and c.ring_s is not None]
    unresolved = len(calls) - len(answered) - len(abandoned)
    offered = len(answered) + len(abandoned)

    taker_answers: dict[int, list[float | None]] = defaultdict(list)
    for call in answered:
        if call.answered_by is not None:
            taker_answers[call.answered_by].append(call.ring_s)
    taker_processing: dict[int, list[float | None]] = defaultdict(list)
    for incident in incidents:
        if incident.taken_by is not None:
            taker_processing[incident.taken_by].append(incident.call_processing_s)
    call_takers = tuple(
        CallTakerFigures(
            user_id=user,
            answered=len(taker_answers.get(user, [])),
            answer=distribution(taker_answers.get(user, []), settings.answer),
            processing=distribution(taker_processing.get(user, []), settings.processing),
        )
        for user in sorted(set(taker_answers) | set(taker_processing))
    )

    by_agency: dict[str, list[UnitTiming]] = defaultdict(list)
    for unit in units:
        by_agency[unit.agency].append(unit)
    agencies = []
    for agency in sorted(by_agency):
        rows = by_agency[agency]
        targets = settings.agency_targets(agency)
        agencies.append(
            AgencyFigures(
                agency=agency,
                assignments=len(rows),
                turnout=distribution((u.turnout_s for u in rows), targets.turnout),
                travel=distribution((u.travel_s for u in rows), targets.travel),
                on_scene=distribution(u.on_scene_s for u in rows),
            )
        )

    classes = Counter(c.call_class for c in calls if c.call_class is not None)
    return Figures(
        offered=offered,
        answered=len(answered),
        abandoned=len(abandoned),
        unresolved=unresolved,
        abandonment_rate=len(abandoned) / offered if offered else None,
        answer=distribution((c.ring_s for c in answered), settings.answer),
        processing=distribution((i.call_processing_s for i in incidents), settings.processing),
        longest_ring=longest_ring(calls),
        service_levels=service_levels(
            calls, settings.service_level_s, settings.interval_minutes, since, until
        ),
        by_class=tuple(ClassCount(name, classes[name]) for name in sorted(classes)),
        call_takers=call_takers,
        agencies=tuple(agencies),
        service_level_s=settings.service_level_s,
        interval_minutes=settings.interval_minutes,
        forwarding=forwarding_figures(forwardings),
    )
