"""The README's Performance figures, regenerated: every benchmark run, then its tables printed.

    scripts/bench [--db /tmp/bench/bench.sqlite3] [--out /tmp/bench/figures] [--smoke]
    python -m bench.readme --from /tmp/bench/figures      # only print, from the JSON files of a run

Runs, one after the other, each in its own process and each writing its figures as JSON into
``--out``: ``bench.seed`` (only when the database does not exist: about 2.5 minutes),
``bench.bench_foundation`` (with the GUI start-up and the audited writes), ``bench.bench_caller_history``,
``bench/bench_locations.py``, ``bench.bench_duplicates``, ``bench/bench_recommend.py``,
``bench.bench_boards``, ``bench.bench_feeds`` (socat needed), ``bench.bench_reports`` and
``bench.bench_scoring`` and ``bench.bench_training_surge`` and ``bench.bench_centre`` (PostgreSQL: the
server of ``DISPATCH_TEST_POSTGRES_URL``, else a throwaway cluster of its own), ``bench.bench_areas``,
``bench.bench_map`` and ``bench.bench_aml`` (socat needed), ``bench.bench_cameras``,
``bench.bench_forwarding`` (SQLite, then PostgreSQL as ``bench.bench_centre`` finds one). Then
prints the machine, the date and every figure of the README's tables with its baseline from the
same run, as Markdown rows to paste into the README (the figures are never typed). Some 10-15
minutes at full size on the reference machine; ``--smoke`` runs everything at a toy size in well
under a minute (figures that mean nothing: for checking that the command works). Run it on an idle
machine; the load average before and after is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: (name, command after the interpreter, needs the seeded database); {db} and {json} are filled in.
STEPS: list[tuple[str, list[str]]] = [
    ("foundation", ["-m", "bench.bench_foundation", "{db}", "--json", "{json}"]),
    ("caller_history", ["-m", "bench.bench_caller_history", "{db}", "--json", "{json}"]),
    ("locations", ["bench/bench_locations.py", "--db", "{db}", "--json", "{json}"]),
    ("duplicates", ["-m", "bench.bench_duplicates", "{db}", "--json", "{json}"]),
    ("recommend", ["bench/bench_recommend.py", "--json", "{json}"]),
    ("boards", ["-m", "bench.bench_boards", "--json", "{json}"]),
    ("feeds", ["-m", "bench.bench_feeds", "--json", "{json}"]),
    ("reports", ["-m", "bench.bench_reports", "{db}", "--json", "{json}"]),
    ("scoring", ["-m", "bench.bench_scoring", "--json", "{json}"]),
    ("training_surge", ["-m", "bench.bench_training_surge", "--json", "{json}"]),
    ("centre", ["-m", "bench.bench_centre", "--json", "{json}"]),
    ("areas", ["-m", "bench.bench_areas", "--json", "{json}"]),
    ("map", ["-m", "bench.bench_map", "--json", "{json}"]),
    ("aml", ["-m", "bench.bench_aml", "--json", "{json}"]),
    ("cameras", ["-m", "bench.bench_cameras", "--json", "{json}"]),
    ("forwarding", ["-m", "bench.bench_forwarding", "--postgres", "--json", "{json}"]),
]


def run_all(db: Path, out: Path, smoke: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    extra = ["--smoke"] if smoke else []
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"== seeding {db}", flush=True)
        subprocess.run([sys.executable, "-m", "bench.seed", str(db), *extra], cwd=ROOT, env=env, check=True)
    (out / "run.json").write_text(
        json.dumps({"started": datetime.now(UTC).isoformat(timespec="seconds"), "load": os.getloadavg()})
    )
    for name, command in STEPS:
        filled = [part.format(db=db, json=out / f"{name}.json") for part in command]
        began = time.perf_counter()
        print(f"== {name}: {' '.join(filled + extra)}", flush=True)
        done = subprocess.run(
            [sys.executable, *filled, *extra], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        (out / f"{name}.txt").write_text(done.stdout + done.stderr)
        if done.returncode != 0:
            print(done.stdout[-3000:] + done.stderr[-3000:], file=sys.stderr)
            raise SystemExit(
                f"{name} failed with status {done.returncode}; its output is in {out}/{name}.txt"
            )
        print(f"   {time.perf_counter() - began:.0f} s", flush=True)


# --- rendering -------------------------------------------------------------------------------------


def ms(value: float | None, digits: int = 2) -> str:
    return "?" if value is None else f"{value:.{digits}f}"


def p50_p99(figure: dict[str, Any] | None, suffix: str = "") -> str:
    """'p50 1.27 ms, p99 3.10 ms' from a summary with p50/p99 (or p50_ms/p99_ms) keys."""
    if not figure or not figure.get("n", 1):
        return "not measured"
    p50 = figure.get("p50", figure.get("p50_ms"))
    p99 = figure.get("p99", figure.get("p99_ms"))
    worst = figure.get("max", figure.get("max_ms"))
    text = f"p50 {ms(p50)} ms, p99 {ms(p99)} ms"
    return text + (f", max {ms(worst, 1)} ms" if worst is not None and suffix == "max" else "")


class Tables:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def table(self, title: str, rows: list[tuple[str, str, str]]) -> None:
        self.lines += [
            "",
            f"{title}",
            "",
            "| what (target) | measured | baseline in the same run |",
            "|---|---|---|",
        ]
        self.lines += [f"| {what} | {measured} | {baseline} |" for what, measured, baseline in rows]


def guarded(build: Callable[[], list[tuple[str, str, str]]]) -> list[tuple[str, str, str]]:
    try:
        return build()
    except (KeyError, TypeError, IndexError, ValueError) as error:
        return [("(could not read this benchmark's figures)", f"{type(error).__name__}: {error}", "")]


def render(folder: Path) -> str:
    def load(name: str) -> dict[str, Any] | None:
        path = folder / f"{name}.json"
        return json.loads(path.read_text()) if path.exists() else None

    foundation, feeds = load("foundation"), load("feeds")
    machine = (foundation or feeds or {}).get("machine", {})
    run = load("run") or {}
    out = Tables()
    out.lines += [
        f"Machine: {machine.get('cpu', '?')}, {machine.get('cores', '?')} cores, "
        f"{round((machine.get('ram_mib') or 0) / 1024, 1)} GiB RAM, Python {machine.get('python', '?')}, "
        f"SQLite {machine.get('sqlite', '?')}, SQLAlchemy {machine.get('sqlalchemy', '?')}"
        + (f", PySide6 {machine['pyside6']}" if "pyside6" in machine else ""),
        f"Date: {run.get('started', (foundation or {}).get('when', '?'))}; load average "
        + "; ".join(
            f"{name} {figures['machine'].get('load_average')}"
            for name, figures in (("foundation", foundation), ("feeds", feeds))
            if figures and "machine" in figures
        ),
    ]
    if foundation:

        def rows() -> list[tuple[str, str, str]]:
            r = {x["name"]: x for x in foundation["results"]}
            d, s = foundation["database"], foundation.get("startup", {})
            got = [
                (
                    f"database: {d['rows']['calls']:,} calls, {d['rows']['incidents']:,} incidents",
                    f"{d['size_mib']:,} MiB",
                    "",
                ),
                (
                    "caller's previous calls while the call rings, `queries.caller_history` (< 50 ms)",
                    f"**{p50_p99(r.get('caller_history (random pool numbers)'))}**",
                    "plain indexed `sqlite3` query: "
                    + p50_p99(r.get("caller_history floor (random pool numbers)")),
                ),
                (
                    "the same for the 50 most frequent callers",
                    p50_p99(r.get("caller_history (50 most frequent callers)")),
                    p50_p99(r.get("caller_history floor (50 most frequent callers)")),
                ),
                (
                    "the same with the file evicted from the OS page cache before each lookup",
                    p50_p99(r.get("caller_history (random numbers, cold page cache)")),
                    p50_p99(r.get("caller_history floor (random numbers, cold page cache)")),
                ),
                (
                    "opening the active-incident board, query (< 100 ms)",
                    f"**{p50_p99(r.get('active_incidents'))}**",
                    "",
                ),
                (
                    "matching a feed event to its call when the feed has no call id (withheld number)",
                    p50_p99(r.get("feed: match a signal to its call (withheld)")),
                    "",
                ),
                (
                    "one audited write: `calls.record_signal`, a new call ringing (frame, call, audit row)",
                    p50_p99(r.get("write: calls.record_signal (a new call ringing)"), "max"),
                    "plain `sqlite3` INSERT + COMMIT: "
                    + p50_p99(r.get("write floor: plain sqlite3 INSERT + COMMIT")),
                ),
                (
                    "one audited write: `incidents.update_field` (caller name, audit row)",
                    p50_p99(r.get("write: incidents.update_field (caller_name)"), "max"),
                    "the same floor",
                ),
            ]
            if s.get("status") == "measured":
                got.insert(
                    1,
                    (
                        "start-up to a usable main window on that database (< 1 s; median of "
                        f"{s.get('runs', 1)} fresh processes)",
                        f"**{s['startup_ms'] / 1000:.2f} s**: imports {s['imports_ms'] / 1000:.2f} s, "
                        f"database {s['open_database_ms']:.0f} ms, argon2 check "
                        f"{s['password_check_ms']:.0f} ms, window and boards {s['window_ms']:.0f} ms",
                        "",
                    ),
                )
                got.append(
                    (
                        "resident memory of the console after the background loads (< 200 MiB)",
                        f"**{s['rss_after_background_mib']:.0f} MiB** (caller-number names and the "
                        f"area index, loaded in {s['background_loads_ms'] / 1000:.2f} s); "
                        f"{s['rss_mib']:.0f} MiB at the first paint",
                        "",
                    )
                )
            return got

        out.table("Foundation (`bench.bench_foundation`, `bench.startup`):", guarded(rows))
    if feeds:

        def feed_rows() -> list[tuple[str, str, str]]:
            got = []
            if "decode" in feeds:
                decode = feeds["decode"]["rows"]
                got.append(
                    (
                        "decode throughput, frames/s: "
                        + " / ".join(" ".join(x["parser"].replace(",", "").split()[:2]) for x in decode),
                        " / ".join(f"{x['decode_frames_per_s']:,.0f}" for x in decode),
                        "merely splitting the stream: "
                        + " / ".join(f"{x['split_frames_per_s'] / 1e6:.1f} M" for x in decode),
                    )
                )
                got.append(
                    (
                        "number parsing at the feed (`to_signal`), frames/s",
                        f"about {sum(x['to_signal_frames_per_s'] for x in decode) / len(decode):,.0f}",
                        "",
                    )
                )
            if "latency" in feeds:
                lat = {x["name"]: x for x in feeds["latency"]["results"]}

                def find(prefix: str) -> dict[str, Any] | None:
                    return next((v for k, v in lat.items() if k.strip().startswith(prefix)), None)

                n = feeds["latency"]["frames"]
                got += [
                    (
                        f"latency, last byte written to a pty -> call row committed, {n:,} frames "
                        "(p99 < 20 ms)",
                        f"**{p50_p99(find('write -> call row committed'))}**",
                        f"bare pyserial read: {p50_p99(find('floor: bare pyserial'))}; one fsync: "
                        f"{p50_p99(find('floor: append 4 KiB'))}",
                    ),
                    (
                        "latency, last byte written -> row in the call queue model (p99 < 20 ms)",
                        f"**{p50_p99(find('write -> row in the call queue model'), 'max')}**",
                        "",
                    ),
                ]
            if "burst" in feeds:
                runs = feeds["burst"]["runs"]
                count = runs[0]["calls"]
                got += [
                    (
                        f"burst: {count} calls within {runs[0]['spread_s']:g} s over NCID, {len(runs)} runs: "
                        "all committed and shown, nothing lost",
                        ("**yes**" if feeds["burst"]["all_committed_and_shown"] else "**no**")
                        + ": "
                        + " / ".join(f"{r['committed']}/{r['shown']}" for r in runs)
                        + " committed/shown; all shown "
                        + " / ".join(f"{r['last_sent_to_all_shown_ms']:.0f}" for r in runs)
                        + " ms after the last was sent",
                        "",
                    ),
                    (
                        "burst: GUI event-loop lag never above 50 ms",
                        ("**met**" if feeds["burst"]["lag_meets_target"] else "**missed**")
                        + ": max "
                        + " / ".join(f"{r['lag_ms']['burst'].get('max', 0):.0f}" for r in runs)
                        + " ms",
                        "idle lag max "
                        + " / ".join(f"{r['lag_ms']['idle_before'].get('max', 0):.0f}" for r in runs)
                        + " ms",
                    ),
                ]
            return got

        out.table("Feeds (`bench.bench_feeds`):", guarded(feed_rows))

    calls_rows: list[tuple[str, str, str]] = []
    history, locations, duplicates = load("caller_history"), load("locations"), load("duplicates")
    if history:
        calls_rows += guarded(
            lambda: [
                (
                    "caller history shown while it rings: `callers.caller_summary` (< 50 ms)",
                    f"**{p50_p99(history['caller_summary, numbers as calls ring'], 'max')}**",
                    "",
                ),
                (
                    "the same for the 20 heaviest prank numbers",
                    p50_p99(history["caller_summary, 20 heaviest prank numbers"]),
                    "",
                ),
                (
                    "the same, summary plus painting the caller panel",
                    p50_p99(history.get("panel shown (summary + paint), as calls ring")),
                    "",
                ),
            ]
        )
    if locations:
        calls_rows += guarded(
            lambda: [
                (
                    f"type-ahead over all villages, {locations['type_ahead']['n']} keystrokes "
                    "(< 30 ms a keystroke)",
                    f"**{p50_p99(locations['type_ahead'], 'max')}**; with the centre's area first: "
                    f"p99 {ms(locations['type_ahead_centre']['p99'])} ms",
                    "",
                ),
                (
                    "loading the area index",
                    f"{locations['index']['load_s']:.2f} s, "
                    f"+{locations['index']['rss_added_mib']:.0f} MiB resident",
                    "",
                ),
                (
                    "premise history (same kelurahan, or within 200 m)",
                    p50_p99(locations.get("premise_history")),
                    "",
                ),
            ]
        )
    if duplicates:
        calls_rows += guarded(
            lambda: [
                (
                    f"duplicate check for a new call: {kind} (< 20 ms)",
                    p50_p99(figures, "max"),
                    "",
                )
                for kind, figures in duplicates["kinds"].items()
            ]
        )
    if calls_rows:
        out.table(
            "Call-taking (`bench.bench_caller_history`, `bench/bench_locations.py`, "
            "`bench.bench_duplicates`):",
            calls_rows,
        )

    dispatch_rows: list[tuple[str, str, str]] = []
    recommend, boards = load("recommend"), load("boards")
    if recommend:
        dispatch_rows += guarded(
            lambda: [
                (
                    f"recommendation from the units the window holds, {recommend['units']:,} units (< 20 ms)",
                    f"**{p50_p99(recommend['recommend'], 'max')}**",
                    f"sorting all available units by distance: {p50_p99(recommend['baseline_sort'])}",
                ),
                (
                    "the same reading the units from the database first",
                    p50_p99(recommend["recommend_with_reads"]),
                    "",
                ),
            ]
        )
    if boards:
        dispatch_rows += guarded(
            lambda: [
                (
                    "a unit status change on the unit board, from its change notice (< 16 ms)",
                    f"**{p50_p99(boards['single_changes']['unit_board_from_publish_ms'], 'max')}**",
                    "",
                ),
                (
                    "event-loop lag under load (status changes, scrolling, filter typed) (< 16 ms)",
                    f"**{p50_p99(boards['load']['lag_ms'], 'max')}**; "
                    f"{boards['load']['lag_ms'].get('over_16ms', '?')} of "
                    f"{boards['load']['lag_ms'].get('n', '?')} samples over 16 ms",
                    "",
                ),
                ("the one-second tick", p50_p99(boards["load"].get("tick_ms")), ""),
            ]
        )
    if dispatch_rows:
        out.table("Dispatch (`bench/bench_recommend.py`, `bench.bench_boards`):", dispatch_rows)
    reports = load("reports")
    if reports:
        out.table("Supervisor reports (`bench.bench_reports`):", guarded(lambda: report_rows(reports)))
    surge = load("training_surge")
    if surge:
        out.table(
            "Training (`bench.bench_training_surge`):",
            guarded(
                lambda: [
                    (
                        f"event-loop lag, a surge of {surge['calls']} calls in {surge['over_s']:g} s "
                        "driven by the window's tick (< 50 ms)",
                        f"**{p50_p99(surge['lag_ms'], 'max')}**",
                        f"from the scenario's first ring: {p50_p99(surge['lag_ms_with_first_call'], 'max')}",
                    ),
                    ("a call answered (F2) during the surge", p50_p99(surge["answer_ms"], "max"), ""),
                    ("the one-second tick during the surge", p50_p99(surge["tick_ms"], "max"), ""),
                ]
            ),
        )
    centre = load("centre")
    if centre:
        out.table("A centre (`bench.bench_centre`):", guarded(lambda: centre_rows(centre)))
    where = [
        *(guarded(lambda: area_rows(areas)) if (areas := load("areas")) else []),
        *(guarded(lambda: map_rows(situation)) if (situation := load("map")) else []),
        *(guarded(lambda: aml_rows(handset)) if (handset := load("aml")) else []),
    ]
    if where:
        out.table("Where the caller is (`bench.bench_areas`, `bench.bench_map`, `bench.bench_aml`):", where)
    cctv = load("cameras")
    if cctv:
        out.table("CCTV near an incident (`bench.bench_cameras`):", guarded(lambda: camera_rows(cctv)))
    forwarded = load("forwarding")
    if forwarded:
        out.table(
            "Forwarding to agencies (`bench.bench_forwarding`):", guarded(lambda: forwarding_rows(forwarded))
        )
    return "\n".join(out.lines)


def area_rows(areas: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (
            f"area index with village points: load, median of {areas['runs']} (< 1.5 s); memory added",
            f"**{areas['load_s']['median']:.2f} s**, {areas['rss_added_mib']['median']:.1f} MiB resident",
            "",
        ),
        (
            "a village's code to its point, `centre()` (< 0.1 ms)",
            f"**p50 {areas['centre']['p50'] * 1000:.1f} µs, p99 {areas['centre']['p99'] * 1000:.1f} µs**",
            f"`get()`, the whole area: p50 {areas['get']['p50'] * 1000:.1f} µs",
        ),
        (
            "the nearest village to a position",
            p50_p99(areas["nearest"]),
            f"its grid built on first use: {areas['nearest_first_ms']:.0f} ms, "
            f"{areas['grid_rss_mib']:.1f} MiB",
        ),
    ]


def map_rows(situation: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = situation["rows"]
    width, height = situation["size"]
    size = f"{situation['units']:,} units and {situation['incidents']} incidents, {width}x{height}"
    pans = {name: figure for name, figure in rows.items() if name.startswith("pan,")}
    worst_pan = max(pans, key=lambda name: pans[name]["p99"])
    changes = {name: figure for name, figure in rows.items() if name.startswith("status change")}
    worst_change = max(changes, key=lambda name: changes[name]["p99"])
    zoom = rows.get("zoom step (labels placed again, painted)")
    return [
        (
            f"situation map, {size}: a pan frame, worst case ({worst_pan}) (< 16 ms)",
            f"**{p50_p99(pans[worst_pan])}**",
            "; ".join(f"{name[5:]}: p99 {ms(figure['p99'])} ms" for name, figure in pans.items()),
        ),
        (
            f"a unit's status change on the map until painted, worst case ({worst_change}) (< 16 ms)",
            f"**{p50_p99(changes[worst_change])}**",
            f"a zoom step (every label placed again): {p50_p99(zoom)}" if zoom else "",
        ),
    ]


def aml_rows(handset: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = {row["name"]: row for row in handset["rows"]}
    placed = rows["+CMTI -> position on the incident (committed)"]
    floor = rows.get("floor: one fsync")
    return [
        (
            f"handset position (AML): the modem's `+CMTI` line to the position on the incident, "
            f"{handset['messages']} messages (< 200 ms p99)",
            f"**{p50_p99(placed)}**" + ("" if handset.get("all_placed") else "; NOT every message placed"),
            (f"one fsync'd SQLite write: {p50_p99(floor)}" if floor else "")
            + f"; to the spool: {p50_p99(rows['+CMTI -> position in the spool'])}",
        )
    ]


def camera_rows(cctv: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = cctv["rows"]
    grid, service, scan = (
        next(row for name, row in rows.items() if name.startswith(kind))
        for kind in ("grid:", "service:", "baseline:")
    )
    same = "" if cctv.get("same_as_baseline") else "; NOT the same cameras as the full scan"
    return [
        (
            f"the nearest {cctv['k']} of {cctv['cameras']:,} cameras to a position, as the camera dock "
            "asks (the grid and the ten read from the database) (< 5 ms p99)",
            f"**{p50_p99(service)}**" + same,
            f"a full scan of every camera: {p50_p99(scan)}",
        ),
        (
            "the shared grid alone (`geo.PointGrid`, also the nearest village's)",
            p50_p99(grid),
            f"built in {cctv['grid_build_ms']:.0f} ms; the registry imported in {cctv['import_s']:.1f} s",
        ),
    ]


def forwarding_rows(forwarded: dict[str, Any]) -> list[tuple[str, str, str]]:
    size = f"{forwarded['incidents']} open incidents, {forwarded['units']:,} units"
    rows = []
    for run in forwarded["runs"]:
        shown = "" if run["shown_everywhere"] == run["forwardings"] else "; NOT every forwarding shown"
        rows += [
            (
                f"a forwarding recorded and shown on every board, {run['database']}, {size}: this "
                f"console's and a second console's incident board, {run['forwardings']} forwardings "
                "(< 50 ms)",
                f"**{p50_p99(run['every_board_ms'], 'max')}**" + shown,
                f"the forward call alone (committed): {p50_p99(run['call_ms'])}",
            ),
            (
                "  of which this console's board / the second console's board",
                f"{p50_p99(run['this_board_ms'])} / {p50_p99(run['second_board_ms'])}",
                "",
            ),
            ("  this console's forwarding dock", p50_p99(run["this_dock_ms"], "max"), ""),
        ]
    return rows


def centre_rows(centre: dict[str, Any]) -> list[tuple[str, str, str]]:
    runs, baseline = centre["runs"], centre.get("baseline") or []
    medians = centre["medians"]

    def each(key: str) -> str:
        return " / ".join(ms(run["worst_console"][key], 0) for run in runs)

    size = (
        f"{centre['consoles']} console processes and a gateway, {centre['calls']} calls in "
        f"{centre['over_s']:g} s, median of {len(runs)} runs"
    )
    cpu = runs[0]["cpu"]
    return [
        (
            f"{size}: every call shown on every console, commit to row on the board, worst console's "
            "max (< 500 ms)",
            f"**{ms(medians['at_to_shown_max_ms'], 0)} ms** ({each('at_to_shown_max_ms')})"
            + ("" if all(run["all_shown"] for run in runs) else "; NOT every call shown"),
            "one console running the feed itself (SQLite), line sent to row shown: max "
            f"{ms(medians.get('baseline_sent_to_shown_max_ms'), 0)} ms",
        ),
        (
            "NOTIFY to screen, worst console's p99 (< 200 ms)",
            f"**{ms(medians['at_to_shown_p99_ms'], 0)} ms** ({each('at_to_shown_p99_ms')})",
            "",
        ),
        (
            "event-loop stall during the burst, worst console's max (< 50 ms)",
            f"**{ms(medians['lag_max_ms'], 0)} ms** ({each('lag_max_ms')})",
            f"one console running the feed itself: max {ms(medians.get('baseline_lag_max_ms'), 0)} ms"
            if baseline
            else "",
        ),
        (
            "CPU in the burst (first run): the machine's busy share; CPU seconds",
            f"{cpu['machine_busy_share']:.0%}: consoles {cpu['consoles_cpu_s_total']} s, gateway "
            f"{cpu['gateway_cpu_s']} s, PostgreSQL {cpu['postgres_cpu_s']} s in {cpu['span_s']} s",
            "",
        ),
    ]


def median_max(figure: dict[str, Any]) -> str:
    return f"p50 {ms(figure.get('p50_ms'), 1)} ms, max {ms(figure.get('max_ms'), 1)} ms"


def report_rows(reports: dict[str, Any]) -> list[tuple[str, str, str]]:
    shift = reports["shift"]
    size = f"{shift['calls']:,} calls and {shift['incidents']:,} incidents in 12 h"
    filters = reports["filters"]
    slowest_filter = max(filters.values(), key=lambda f: f.get("p50_ms") or 0)
    full_text = reports["full_text"]
    slowest_text = max(full_text.values(), key=lambda f: f.get("p50_ms") or 0)
    notes = reports["database"]["incident_notes"]
    return [
        (
            f"handover report data, a shift of {size} (< 1 s)",
            f"**{median_max(reports['handover_data'])}**",
            "reading the shift's calls, class counts and status rows: "
            + median_max(reports["data_baseline"]),
        ),
        ("figures report data, the same shift (< 1 s)", f"**{median_max(reports['figures_data'])}**", ""),
        (
            "handover report as PDF, Indonesian (< 3 s)",
            f"**{median_max(reports['handover_pdf'])}**",
            f"a plain PDF of the report's JSON text: {median_max(reports['pdf_baseline'])}",
        ),
        ("figures report as PDF (< 3 s)", f"**{median_max(reports['figures_pdf'])}**", ""),
        (
            "shift-log browser opens on the shift (< 300 ms)",
            f"**{median_max(reports['browser_open'])}**",
            f"the 500 newest calls in plain SQL: {median_max(reports['browser_baseline'])}",
        ),
        (
            f"shift-log filters (< 100 ms): slowest of {len(filters)}, "
            + slowest_filter["display"].split(": ", 1)[-1],
            f"**{median_max(slowest_filter)}**",
            f"the shift's prank calls in plain SQL: {median_max(reports['filter_baseline'])}",
        ),
        (
            f"full text over all {notes:,} notes (< 100 ms): slowest of {len(full_text)} searches",
            f"**{median_max(slowest_text)}**",
            f"{reports['full_text_baseline']['display'].split(': ', 1)[-1]}: "
            f"{median_max(reports['full_text_baseline'])}",
        ),
        (
            "monthly roll-up (< 5 s)",
            f"**{median_max(reports['monthly'])}**",
            f"the month's calls by class and day in plain SQL: {median_max(reports['monthly_baseline'])}",
        ),
        ("peak memory of the report process", f"{reports['memory'].get('peak_rss_mib')} MiB", ""),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench/bench.sqlite3"), help="seeded if missing")
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench/figures"), help="the JSON files")
    parser.add_argument("--from", dest="source", type=Path, help="only print the tables of an earlier run")
    parser.add_argument("--smoke", action="store_true", help="every benchmark at a toy size (seconds)")
    args = parser.parse_args(argv)
    if args.source is None:
        run_all(args.db, args.out, args.smoke)
    print(render(args.source or args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
