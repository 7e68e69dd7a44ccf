"""Unit recommendation with 2,000 units and 500 open incidents (issue 5: within 20 ms).

Run:  .venv/bin/python bench/bench_recommend.py [--units 2000] [--incidents 500] [--seed 5]

Builds a temporary SQLite database through the services: a roster of ``--units`` units spread over
Kota Semarang with realistic agencies and capabilities (a third of them busy), and ``--incidents``
open incidents with categories, positions and flags. Then, for every incident, times:

- ``recommend``: the recommendation from the unit snapshot the console already holds (what the
  dispatch panel computes on each refresh);
- ``recommend + reads``: the same with the incident and all units read from the database first
  (``services.recommendations.recommend_for_incident``), for the first 50 incidents;
- ``baseline``: sorting all available units by distance, with no needs and no coverage.

Prints p50, p99 and max of each against the 20 ms target, and the machine's CPU model.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sqlalchemy import update

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, Role, UnitStatus
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.geo import distance_m
from dispatch.domain.lifecycle import DISPATCHABLE
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.roster import UnitSpec
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import accounts, calls, dispatching, incidents, queries
from dispatch.services.bus import ChangeBus
from dispatch.services.recommendations import (
    load_default_needs,
    recommend_for_incident,
    recommend_units,
    set_incident_flags,
)
from dispatch.store.database import open_database, sqlite_url
from dispatch.store.tables import Unit

TARGET_MS = 20.0
#: Incidents timed with the database reads (each reads all 2,000 units: slow, and not the UI's path).
READS_SAMPLE = 50
#: Kota Semarang, roughly: coast to Gunungpati and Mijen.
LAT = (-7.15, -6.93)
LON = (110.30, 110.50)
#: (agency, agency name, capability sets with weights, share of the roster)
AGENCIES = [
    (AgencyType.POLICE, "Polrestabes Semarang", [(("patrol",), 9), (("patrol", "tow"), 1)], 0.28),
    (
        AgencyType.MEDICAL,
        "PSC 119 Kota Semarang",
        [(("ambulance_bls",), 6), (("ambulance_als",), 3), (("hearse",), 1)],
        0.22,
    ),
    (
        AgencyType.FIRE,
        "Damkar Kota Semarang",
        [(("fire_engine",), 6), (("fire_engine", "water_tanker"), 2), (("rescue",), 2)],
        0.16,
    ),
    (AgencyType.SAR, "Basarnas Semarang", [(("rescue",), 3), (("rescue", "boat"), 1)], 0.06),
    (
        AgencyType.DISASTER,
        "BPBD Kota Semarang",
        [(("rescue",), 2), (("rescue", "boat"), 1), (("water_tanker",), 1)],
        0.08,
    ),
    (AgencyType.UTILITY, "PLN / PDAM Semarang", [(("utility_crew",), 1)], 0.08),
    (AgencyType.TRANSPORT, "Dishub Kota Semarang", [(("tow",), 1), (("utility_crew",), 1)], 0.06),
    (AgencyType.SOCIAL, "Dinsos Kota Semarang", [(("social_outreach",), 1)], 0.06),
]
FLAGS_BY_CATEGORY = {
    "LAKA": [IncidentFlag.CASUALTIES, IncidentFlag.TRAPPED],
    "FIRE": [IncidentFlag.TRAPPED, IncidentFlag.FIRE_SPREADING, IncidentFlag.HAZMAT],
    "TENGG": [IncidentFlag.PERSON_IN_WATER],
    "MED": [IncidentFlag.NOT_BREATHING, IncidentFlag.UNCONSCIOUS],
    "CRIM": [IncidentFlag.WEAPON],
}


def build_roster(rng: random.Random, count: int) -> list[UnitSpec]:
    specs = []
    for number in range(count):
        agency, name, kinds, _ = rng.choices(AGENCIES, weights=[a[3] for a in AGENCIES])[0]
        capabilities = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        specs.append(
            UnitSpec(
                call_sign=f"B-{agency.value[:3].upper()}-{number:04d}",
                agency_type=agency,
                agency_name=name,
                station=f"Pos {number % 97}",
                lat=round(rng.uniform(*LAT), 5),
                lon=round(rng.uniform(*LON), 5),
                capabilities=capabilities,
                radio=f"kanal {number % 16}",
            )
        )
    return specs


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return "unknown"
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--incidents", type=int, default=500)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a toy size (seconds): checks that the benchmark works; figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units, args.incidents = 60, 10
    rng = random.Random(args.seed)
    catalogue = load_default_catalogue()
    needs = load_default_needs(catalogue)

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(sqlite_url(Path(folder) / "bench.sqlite3"))
        clock = ManualClock(datetime(2026, 11, 27, 5, 0, tzinfo=UTC))
        console = accounts.register_console(database, clock, ChangeBus(), "BENCH-01", "bench")
        accounts.create_first_supervisor(console, "sari", "Sari", "rahasia-112", "rahasia-112")
        actor = accounts.log_in(console, "sari", "rahasia-112").actor
        assert actor is not None
        assert actor.role == Role.SUPERVISOR.value
        ctx = console.acting_as(actor)

        started = time.perf_counter()
        dispatching.load_roster(ctx, build_roster(rng, args.units))
        with database.transaction() as session:
            ids = list(session.scalars(Unit.__table__.select().with_only_columns(Unit.id)))
            busy = rng.sample(ids, len(ids) // 3)
            session.execute(update(Unit).where(Unit.id.in_(busy)).values(status=UnitStatus.ON_SCENE.value))
        codes = catalogue.codes
        incident_ids = []
        for number in range(args.incidents):
            signal = CallSignal(
                kind=SignalKind.RING,
                feed="sim://bench",
                received_at=clock.now(),
                number=parse_caller_number(f"0812{number:08d}"),
                raw=b"RING",
                line="1",
                call_id=f"bench-{number}",
            )
            call = calls.record_signal(ctx, signal)
            assert call is not None
            _, incident = calls.answer_call(ctx, call.id)
            category = rng.choice(codes)
            incidents.update_field(ctx, incident.id, "category", category, catalogue)
            if rng.random() < 0.95:  # a few have no position yet
                incidents.update_field(ctx, incident.id, "lat", round(rng.uniform(*LAT), 5), catalogue)
                incidents.update_field(ctx, incident.id, "lon", round(rng.uniform(*LON), 5), catalogue)
            options = FLAGS_BY_CATEGORY.get(category, [])
            if options and rng.random() < 0.6:
                set_incident_flags(ctx, incident.id, rng.sample(options, rng.randint(1, len(options))))
            incident_ids.append(incident.id)
        print(
            f"built {args.units} units, {args.incidents} open incidents "
            f"in {time.perf_counter() - started:.1f} s"
        )

        units = queries.units(ctx)
        views = queries.active_incidents(ctx)
        assert len(views) == args.incidents, len(views)
        pure, with_reads, baseline, picks = [], [], [], []
        for view in views:
            t0 = time.perf_counter()
            result = recommend_units(view, units, catalogue, needs)
            pure.append((time.perf_counter() - t0) * 1000)
            picks.append(len(result.picks))
            if len(with_reads) < READS_SAMPLE:
                t0 = time.perf_counter()
                recommend_for_incident(ctx, view.id, catalogue, needs)
                with_reads.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            if view.lat is not None and view.lon is not None:
                lat, lon = view.lat, view.lon
                sorted(
                    (distance_m(lat, lon, *u.position), u.id)
                    for u in units
                    if u.status in DISPATCHABLE and u.active and u.position is not None
                )
            baseline.append((time.perf_counter() - t0) * 1000)
        database.dispose()

    print(f"machine: {cpu_model()}; Python {sys.version.split()[0]}")
    print(
        f"units: {len(units)} ({sum(u.status in DISPATCHABLE for u in units)} available); "
        f"incidents: {len(views)}"
    )
    print(f"units recommended per incident: mean {statistics.mean(picks):.2f}, max {max(picks)}")
    print(f"{'':22} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}   target {TARGET_MS:.0f} ms")
    figures: dict[str, object] = {
        "units": len(units),
        "available": sum(u.status in DISPATCHABLE for u in units),
        "incidents": len(views),
        "target_ms": TARGET_MS,
    }
    for key, name, values in (
        ("recommend", "recommend", pure),
        ("recommend_with_reads", "recommend + reads", with_reads),
        ("baseline_sort", "baseline (sort only)", baseline),
    ):
        p50, p99, worst = percentile(values, 0.5), percentile(values, 0.99), max(values)
        verdict = "ok" if p99 <= TARGET_MS else "OVER"
        print(f"{name:22} {p50:8.2f} {p99:8.2f} {worst:8.2f}   {verdict}")
        figures[key] = {"n": len(values), "p50": p50, "p99": p99, "max": worst}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
