"""Locations benchmark: area type-ahead per keystroke, index load time and memory, premise history.

Run::

    .venv/bin/python bench/bench_locations.py [--db /tmp/bench/bench.sqlite3] [--samples 300]
                                              [--json out.json] [--smoke]

Type-ahead: several real names typed letter by letter over all 83,762 villages (and every
kecamatan, kabupaten/kota and province), with and without the centre's area filter (Kota Semarang,
"33.74"); p50/p99/max per keystroke against the 30 ms target. The index: load time and the process's
resident memory before and after (psutil). Premise history: ``premise_history`` for incidents of the
1,000,000-call database (built by ``bench/seed.py``), opened read-only in effect (nothing is written).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import time
from pathlib import Path

import psutil

NAMES = (
    "Kaligawe",
    "Pedurungan Kidul",
    "kel. Sekayu",
    "Tembalang",
    "Gayamsari Semarang",
    "Bandarharjo",
    "Kebon Jeruk",
    "Menteng",
    "Tanjung Priok",
    "kec. Ciputat",
    "Denpasar Barat",
    "kota Surabaya",
    "desa Sukoharjo",
    "Banda Aceh",
    "Jayapura Utara",
)


#: Every figure of this run, by name (written by --json).
FIGURES: dict[str, object] = {}


def percentiles(samples_ms: list[float], key: str) -> str:
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    FIGURES[key] = {"n": len(ordered), "p50": statistics.median(ordered), "p99": p99, "max": ordered[-1]}
    return (
        f"n={len(ordered)} p50={statistics.median(ordered):.2f} ms p99={p99:.2f} ms max={ordered[-1]:.2f} ms"
    )


def cpu_model() -> str:
    try:
        output = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return "unknown"
    for line in output.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def bench_index() -> None:
    from dispatch.domain import areas

    process = psutil.Process()
    gc.collect()
    before = process.memory_info().rss
    started = time.perf_counter()
    index = areas.area_index()
    loaded = time.perf_counter() - started
    gc.collect()
    after = process.memory_info().rss
    FIGURES["index"] = {"areas": len(index), "load_s": loaded, "rss_added_mib": (after - before) / 2**20}
    print(
        f"index: {len(index)} areas loaded and indexed in {loaded * 1000:.0f} ms, "
        f"RSS +{(after - before) / 2**20:.0f} MiB"
    )
    started = time.perf_counter()
    areas.warm_up_areas()
    areas.warm_up_areas(within="33.74")
    print(f"warm-up of the first keystrokes (both filters): {(time.perf_counter() - started) * 1000:.0f} ms")
    for within, title, key in (
        ("", "no area filter", "type_ahead"),
        ("33.74", "centre area 33.74", "type_ahead_centre"),
    ):
        timings: list[float] = []
        for name in NAMES:
            for end in range(1, len(name) + 1):
                started = time.perf_counter()
                index.search(name[:end], limit=12, within=within)
                timings.append((time.perf_counter() - started) * 1000)
        print(f"type-ahead per keystroke, {title}: {percentiles(timings, key)} (target 30 ms)")


def bench_premises(db: Path, samples: int) -> None:
    from sqlalchemy import select

    from dispatch.domain.clock import SystemClock
    from dispatch.services.bus import ChangeBus
    from dispatch.services.context import ServiceContext
    from dispatch.services.locations import premise_history
    from dispatch.store.database import open_database, sqlite_url
    from dispatch.store.tables import Incident

    database = open_database(sqlite_url(db))
    ctx = ServiceContext(database, SystemClock(), ChangeBus(), console_id=0, console_name="bench")
    with database.transaction() as session:
        count = session.scalar(select(Incident.id).order_by(Incident.id.desc()).limit(1)) or 0
        with_position = list(
            session.scalars(select(Incident.id).where(Incident.lat.is_not(None)).limit(200_000))
        )
    rng = random.Random(7)
    picks = rng.sample(with_position, min(samples, len(with_position)))
    timings: list[float] = []
    sizes: list[int] = []
    for incident_id in picks:
        started = time.perf_counter()
        found = premise_history(ctx, incident_id)
        timings.append((time.perf_counter() - started) * 1000)
        sizes.append(len(found))
    print(
        f"premise history ({count} incidents in {db.name}; same kelurahan by name + within 200 m): "
        f"{percentiles(timings, 'premise_history')}; "
        f"entries found: median {statistics.median(sizes):.0f}, max {max(sizes)}"
    )
    database.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench/bench.sqlite3"))
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a toy size (seconds): checks that the benchmark works; figures mean nothing",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.samples = 10
    print(f"machine: {cpu_model()}, {psutil.cpu_count()} CPUs")
    bench_index()
    if args.db.exists():
        bench_premises(args.db, args.samples)
    else:
        print(f"premise history: {args.db} not found (build it with bench/seed.py)")
    if args.json:
        args.json.write_text(json.dumps(FIGURES, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
