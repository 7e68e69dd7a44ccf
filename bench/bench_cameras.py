"""Benchmark of the nearest CCTV cameras to an incident (issue 16): 10 among 20,000 cameras.

    python -m bench.bench_cameras [--cameras 20000] [--positions 2000] [--baseline 200] [--json out.json]
                                  [--smoke]

The cameras stand where a city lists them down to RT/RW level: scattered over Kota Semarang (some
20 by 15 km), dense in the middle (a normal spread about Simpang Lima), seed 16. They go into a fresh
SQLite database (WAL, ``synchronous=FULL``) through the registry's own CSV import
(``camera_registry.import_cameras``, timed: one transaction). The positions asked about are incidents
in and around the city (uniform over the city and 5 km beyond it).

Rows (``time.perf_counter_ns``; percentiles nearest-rank; 50 unrecorded calls first):

* ``grid: PointGrid.nearest, 10 of N``: the shared grid (``dispatch/domain/geo.py``) alone, built once
  before (its build time and the automatic cell size are printed).
* ``service: cameras.nearest_cameras, 10 of N``: what the camera dock calls: the registry's largest id
  (is the grid current?), the grid, the ten cameras read from the database. Target: p99 < 5 ms.
* ``baseline: a full scan``: every camera measured with ``geo.distance_m`` and the ten smallest kept
  (``heapq.nsmallest``), on the first ``--baseline`` positions, in the same run; the grid's answers
  are checked against it (the same cameras, the same distances to a millimetre).

``--smoke``: 2,000 cameras, 50 positions, 10 of them for the baseline (figures that mean nothing).
"""

from __future__ import annotations

import argparse
import heapq
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.bench_foundation import machine_info, nearest_rank

TARGET_MS = 5.0
K = 10
PASSWORD = "rahasia-112"
SIMPANG_LIMA = (-6.9903, 110.4229)


def summary(samples_ms: list[float], target_ms: float | None = None) -> dict[str, Any]:
    ordered = sorted(samples_ms)
    figures: dict[str, Any] = {
        "n": len(ordered),
        "p50": round(nearest_rank(ordered, 50), 4),
        "p95": round(nearest_rank(ordered, 95), 4),
        "p99": round(nearest_rank(ordered, 99), 4),
        "max": round(ordered[-1], 4),
    }
    if target_ms is not None:
        figures["target_ms"] = target_ms
        figures["meets_target"] = figures["p99"] < target_ms
    return figures


def timed(call: Callable[[float, float], object], positions: list[tuple[float, float]]) -> list[float]:
    for lat, lon in positions[:50]:  # warm-up: caches, the grid's first build
        call(lat, lon)
    samples = []
    clock = time.perf_counter_ns
    for lat, lon in positions:
        started = clock()
        call(lat, lon)
        samples.append((clock() - started) / 1e6)
    return samples


def cameras_csv(count: int, rng: random.Random) -> bytes:
    lines = ["id,name,owner,lat,lon,stream_url,active"]
    for n in range(count):
        lat = min(-6.92, max(-7.10, rng.gauss(SIMPANG_LIMA[0], 0.035)))
        lon = min(110.52, max(110.32, rng.gauss(SIMPANG_LIMA[1], 0.045)))
        lines.append(
            f"SMG-RT-{n:06d},RT {n % 17 + 1:02d} RW {n % 13 + 1:02d} kamera {n},Diskominfo Kota Semarang,"
            f"{lat:.6f},{lon:.6f},http://10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}:8080/mjpeg,ya"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def run(cameras_count: int, positions_count: int, baseline_count: int) -> dict[str, Any]:
    from dispatch.domain.clock import SystemClock
    from dispatch.domain.geo import PointGrid, distance_m
    from dispatch.services import accounts, camera_registry, cameras
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import open_database, sqlite_url

    rng = random.Random(16)
    folder = Path(tempfile.mkdtemp(prefix="bench-cameras-"))
    database = open_database(sqlite_url(folder / "cameras.sqlite3"))
    console = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "bench")
    accounts.create_first_supervisor(console, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
    login = accounts.log_in(console, "sari", PASSWORD)
    assert login.actor is not None
    ctx = console.acting_as(login.actor)

    data = cameras_csv(cameras_count, rng)
    started = time.perf_counter()
    report = camera_registry.import_cameras(ctx, data)
    import_s = time.perf_counter() - started
    assert not report.rejected, report.rejected[:3]
    assert len(report.added) == cameras_count
    views = camera_registry.cameras(ctx)
    lats = [view.lat for view in views]
    lons = [view.lon for view in views]
    started = time.perf_counter()
    grid = PointGrid(lats, lons)
    build_ms = (time.perf_counter() - started) * 1000
    positions = [(rng.uniform(-7.15, -6.87), rng.uniform(110.27, 110.57)) for _ in range(positions_count)]

    def scan(lat: float, lon: float) -> list[tuple[float, int]]:
        every = enumerate(zip(lats, lons, strict=True))
        return heapq.nsmallest(K, ((distance_m(lat, lon, a, b), i) for i, (a, b) in every))

    grid_ms = timed(lambda lat, lon: grid.nearest(lat, lon, K), positions)
    service_ms = timed(lambda lat, lon: cameras.nearest_cameras(ctx, lat, lon, K), positions)
    baseline_positions = positions[:baseline_count]
    baseline_ms = []
    wrong = []
    for lat, lon in baseline_positions:
        started_ns = time.perf_counter_ns()
        expected = scan(lat, lon)
        baseline_ms.append((time.perf_counter_ns() - started_ns) / 1e6)
        found = grid.nearest(lat, lon, K)
        if [i for i, _ in found] != [i for _, i in expected] or any(
            abs(got - want) > 1e-3 for (_, got), (want, _) in zip(found, expected, strict=True)
        ):
            wrong.append({"position": [lat, lon], "grid": found, "scan": expected})
        near = cameras.nearest_cameras(ctx, lat, lon, K)
        if [n.camera.id for n in near] != [views[i].id for _, i in expected]:
            wrong.append({"position": [lat, lon], "service": [n.camera.id for n in near]})
    database.dispose()
    return {
        "machine": machine_info(),
        "cameras": cameras_count,
        "positions": positions_count,
        "k": K,
        "import_s": round(import_s, 3),
        "grid_build_ms": round(build_ms, 2),
        "grid_cell_deg": grid.cell_deg,
        "rows": {
            f"grid: PointGrid.nearest, {K} of {cameras_count:,}": summary(grid_ms, TARGET_MS),
            f"service: cameras.nearest_cameras, {K} of {cameras_count:,}": summary(service_ms, TARGET_MS),
            f"baseline: a full scan of {cameras_count:,} (distance_m, heapq)": summary(baseline_ms),
        },
        "checked_against_baseline": len(baseline_positions),
        "same_as_baseline": not wrong,
        "wrong": wrong[:5],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameras", type=int, default=20_000)
    parser.add_argument("--positions", type=int, default=2_000, help="positions asked about (timed)")
    parser.add_argument("--baseline", type=int, default=200, help="positions also answered by a full scan")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--smoke", action="store_true", help="2,000 cameras, 50 positions: figures mean nothing"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.cameras, args.positions, args.baseline = 2_000, 50, 10
    figures = run(args.cameras, args.positions, args.baseline)
    machine = figures["machine"]
    print(
        f"machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
        f"load average {machine['load_average']}"
    )
    print(
        f"{figures['cameras']:,} cameras imported in {figures['import_s']:.2f} s; grid built in "
        f"{figures['grid_build_ms']:.1f} ms (cells of {figures['grid_cell_deg']:.4f}°)"
    )
    for name, row in figures["rows"].items():
        target = f" (target p99 < {row['target_ms']:g} ms)" if "target_ms" in row else ""
        print(
            f"{name}: n={row['n']} p50={row['p50']:.3f} ms p95={row['p95']:.3f} ms p99={row['p99']:.3f} ms "
            f"max={row['max']:.3f} ms{target}"
        )
    verdict = "the same" if figures["same_as_baseline"] else "NOT the same"
    print(
        f"answers checked against the full scan at {figures['checked_against_baseline']} positions: {verdict}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if not figures["same_as_baseline"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
