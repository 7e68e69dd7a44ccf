"""Area index with village centres: load time, memory, and lookups to a point (issue 15).

Run (from the repository root)::

    .venv/bin/python -m bench.bench_areas [--runs 5] [--lookups 20000] [--file PATH]
                                          [--json out.json] [--smoke]

Each run is a fresh interpreter (load time and memory are a process's): it imports
``dispatch.domain.areas``, reads its resident memory (``VmRSS``), loads the index from the shipped
``resources/areas/areas.tsv.gz`` (or ``--file``, e.g. an old five-column table), collects garbage
and reads ``VmRSS`` again. Printed: the median and worst of the runs against the targets (load
< 1.5 s; with points, < 20 MiB more than the index without them; compare the figures of a run on the
five-column file or on the code before issue 15).

The first run then times, one call at a time, on ``--lookups`` village codes drawn at random
(seed 15): ``AreaIndex.get`` (the lookup by code the type-ahead pick makes), ``AreaIndex.centre``
(code to a point: target < 0.1 ms), and ``AreaIndex.nearest_village`` for points scattered up to
3 km around random village centres (target < 1 ms; the first call, which builds the grid, is timed
on its own, with the memory the grid adds), and ``places`` for Kota Semarang's villages. Code
before issue 15 has no ``centre``: those rows say so. ``--smoke``: one run, 200 lookups (figures
that mean nothing).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOAD_TARGET_S = 1.5
CENTRE_TARGET_MS = 0.1
NEAREST_TARGET_MS = 1.0


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def summary(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p99": p99,
        "max": ordered[-1],
        "mean": statistics.fmean(ordered),
    }


def timed(call: Any, arguments: list[tuple[Any, ...]]) -> dict[str, float]:
    for args in arguments[:50]:  # warm-up: caches, branch predictors, lazily built parts
        call(*args)
    samples: list[float] = []
    clock = time.perf_counter_ns
    for args in arguments:
        started = clock()
        call(*args)
        samples.append((clock() - started) / 1e6)
    return summary(samples)


def child(file: Path | None, lookups: int) -> dict[str, Any]:
    """One fresh process: load the index, measure, and (when ``lookups``) time the lookups."""
    from dispatch.domain import areas

    gc.collect()
    before = rss_mib()
    started = time.perf_counter()
    index = areas.load_area_index(file)
    loaded = time.perf_counter() - started
    gc.collect()
    after = rss_mib()
    result: dict[str, Any] = {"areas": len(index), "load_s": loaded, "rss_added_mib": after - before}
    if not lookups:
        return result
    rng = random.Random(15)
    village_rows = [i for i, level in enumerate(index.levels) if level is areas.AreaLevel.VILLAGE]
    codes = [(index.codes[i],) for i in rng.choices(village_rows, k=lookups)]
    result["get"] = timed(index.get, codes)
    if not hasattr(index, "centre"):
        return result
    result["centre"] = timed(index.centre, codes)
    with_point = [c for c in (index.centre(code) for (code,) in codes) if c is not None]
    result["villages_with_own_point"] = sum(1 for c in with_point if c.level is areas.AreaLevel.VILLAGE)
    points = []
    for centre in with_point:
        # Up to about 3 km off the centre in each direction.
        points.append((centre.lat + rng.uniform(-0.027, 0.027), centre.lon + rng.uniform(-0.027, 0.027)))
    if not points:  # a table without points (an old five-column file): nothing to look up
        return result
    gc.collect()
    before_grid = rss_mib()
    started = time.perf_counter()
    index.nearest_village(*points[0])
    result["nearest_first_ms"] = (time.perf_counter() - started) * 1000
    gc.collect()
    result["grid_rss_mib"] = rss_mib() - before_grid
    result["grid_arrays_mib"] = sum(map(sys.getsizeof, index._grid())) / 2**20
    result["nearest"] = timed(index.nearest_village, points)
    result["nearest_within"] = timed(
        lambda lat, lon: index.nearest_village(lat, lon, within="33.74"),
        [(-7.0 + rng.uniform(-0.1, 0.1), 110.42 + rng.uniform(-0.1, 0.1)) for _ in range(len(points))],
    )
    started = time.perf_counter()
    places = index.places("33.74", areas.AreaLevel.VILLAGE)
    result["places_semarang"] = {"count": len(places), "ms": (time.perf_counter() - started) * 1000}
    return result


def line(name: str, figures: dict[str, float], target_ms: float | None = None) -> str:
    target = f" (target {target_ms:g} ms)" if target_ms else ""
    return (
        f"{name}: n={figures['n']} p50={figures['p50'] * 1000:.1f} µs p99={figures['p99'] * 1000:.1f} µs "
        f"max={figures['max'] * 1000:.1f} µs{target}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes that load the index")
    parser.add_argument("--lookups", type=int, default=20_000, help="lookups timed, in the first run")
    parser.add_argument("--file", type=Path, help="the area table to load (default: the shipped one)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--smoke", action="store_true", help="one run, 200 lookups: figures mean nothing")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.file, args.lookups)))
        return
    if args.smoke:
        args.runs, args.lookups = 1, 200
    runs: list[dict[str, Any]] = []
    for number in range(args.runs):
        command = [sys.executable, "-m", "bench.bench_areas", "--child", "--lookups"]
        command.append(str(args.lookups if number == 0 else 0))
        if args.file:
            command += ["--file", str(args.file)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout))
    first = runs[0]
    loads = [run["load_s"] for run in runs]
    memory = [run["rss_added_mib"] for run in runs]
    figures: dict[str, Any] = {
        "file": str(args.file or "resources/areas/areas.tsv.gz"),
        "areas": first["areas"],
        "runs": len(runs),
        "load_s": {"median": statistics.median(loads), "max": max(loads), "all": loads},
        "rss_added_mib": {"median": statistics.median(memory), "max": max(memory), "all": memory},
        **{key: value for key, value in first.items() if key not in {"areas", "load_s", "rss_added_mib"}},
    }
    print(f"index: {first['areas']} areas from {figures['file']}, {len(runs)} fresh processes")
    print(
        f"load: median {figures['load_s']['median'] * 1000:.0f} ms, worst {max(loads) * 1000:.0f} ms "
        f"(target {LOAD_TARGET_S:g} s)"
    )
    print(f"resident memory added: median {statistics.median(memory):.1f} MiB, worst {max(memory):.1f} MiB")
    if "get" in first:
        print(line("get(code), a village", first["get"]))
    if "nearest" in first:
        print(line("centre(code) to a point, a village", first["centre"], CENTRE_TARGET_MS))
        print(
            f"nearest_village: first call (builds the grid) {first['nearest_first_ms']:.1f} ms, "
            f"the grid {first['grid_arrays_mib']:.1f} MiB of arrays, resident memory "
            f"+{first['grid_rss_mib']:.1f} MiB; " + line("then", first["nearest"], NEAREST_TARGET_MS)
        )
        print(line("nearest_village within Kota Semarang", first["nearest_within"], NEAREST_TARGET_MS))
        places = first["places_semarang"]
        print(f"places('33.74', VILLAGE): {places['count']} villages in {places['ms']:.2f} ms")
    elif "get" in first:
        print("centre(code): no points in this table or code")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
