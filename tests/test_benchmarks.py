"""Every benchmark under ``bench/`` runs at its smoke size and prints its figures.

The values are not checked (a toy database on a shared CI machine says nothing about speed): only
that each benchmark finishes, prints the rows its README table is made from and, where it has
``--json``, writes them. A benchmark broken by a change fails here, not months later by hand.
A new ``bench/*.py`` with a ``main`` is run with ``--smoke`` too (``test_every_benchmark_runs``), so
it must take that flag. Each run is a real process, as a user would start it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
#: A smoke run is seconds; this only stops a hung one.
TIMEOUT_S = 120


def run(*args: str, timeout: float = TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    elapsed = time.perf_counter() - began
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    print(f"{' '.join(args)}: {elapsed:.1f} s")
    return done


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each benchmark writes its JSON, named as ``bench.readme`` reads them."""
    return tmp_path_factory.mktemp("figures")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A toy database made by ``bench.seed --smoke``: the same schema, console, users and data kinds."""
    path = tmp_path_factory.mktemp("bench") / "bench.sqlite3"
    done = run("-m", "bench.seed", str(path), "--smoke")
    assert "calls                       3,000" in done.stdout, done.stdout
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM calls").fetchone()[0] == 3000
        assert raw.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1000
        assert raw.execute(
            "SELECT count(*) FROM incidents WHERE status NOT IN ('closed', 'cancelled')"
        ).fetchone()[0]
    return path


def test_foundation(seeded: Path, figures: Path) -> None:
    out = figures / "foundation.json"
    done = run("-m", "bench.bench_foundation", str(seeded), "--smoke", "--json", str(out))
    for row in (
        "caller_history (random pool numbers)",
        "active_incidents",
        "write: calls.record_signal, a new call ringing",
        "write: incidents.update_field, caller name",
        "floor: plain sqlite3 INSERT + COMMIT",
        "GUI start-up",
    ):
        assert row in done.stdout, row
    report = read_json(out)
    results = {r["name"]: r for r in report["results"]}
    for name in (
        "caller_history (random pool numbers)",
        "active_incidents",
        "write: calls.record_signal (a new call ringing)",
        "write: incidents.update_field (caller_name)",
        "write floor: plain sqlite3 INSERT + COMMIT",
    ):
        assert results[name]["n"] > 0, name
        assert results[name]["p99_ms"] > 0, name
    assert report["startup"]["status"] == "measured", report["startup"]
    assert report["startup"]["startup_ms"] > 0
    # The memory after the console's background loads (the area index among them) is measured too.
    assert report["startup"]["rss_after_background_mib"] > report["startup"]["rss_mib"] > 0
    # The writes went to a scratch copy: the database at PATH has no new call.
    with sqlite3.connect(seeded) as raw:
        assert raw.execute("SELECT count(*) FROM calls").fetchone()[0] == 3000


def test_caller_history(seeded: Path, figures: Path) -> None:
    out = figures / "caller_history.json"
    done = run("-m", "bench.bench_caller_history", str(seeded), "--smoke", "--json", str(out))
    assert "caller_summary, numbers as calls ring" in done.stdout
    figures = read_json(out)
    assert {"caller_summary, numbers as calls ring", "panel shown (summary + paint), as calls ring"} <= set(
        figures
    )
    assert all(f["n"] == 10 and f["p99"] >= f["p50"] > 0 for f in figures.values() if f["p50"])


def test_locations(seeded: Path, figures: Path) -> None:
    out = figures / "locations.json"
    done = run("bench/bench_locations.py", "--db", str(seeded), "--smoke", "--json", str(out))
    assert "type-ahead per keystroke" in done.stdout
    figures = read_json(out)
    assert figures["index"]["areas"] > 80_000
    assert figures["type_ahead"]["n"] > 100
    assert figures["premise_history"]["n"] == 10


def test_areas(figures: Path) -> None:
    out = figures / "areas.json"
    done = run("-m", "bench.bench_areas", "--smoke", "--json", str(out))
    assert "centre(code) to a point" in done.stdout
    report = read_json(out)
    assert report["areas"] > 80_000
    assert report["runs"] == 1
    assert report["load_s"]["median"] > 0
    assert report["centre"]["n"] == report["nearest"]["n"] > 0
    assert report["places_semarang"]["count"] == 177


def test_duplicates(seeded: Path, figures: Path) -> None:
    out = figures / "duplicates.json"
    done = run("-m", "bench.bench_duplicates", str(seeded), "--smoke", "--json", str(out))
    assert "worst p99" in done.stdout
    report = read_json(out)
    assert report["kinds"]
    assert all(k["n"] > 0 for k in report["kinds"].values())


def test_recommend(figures: Path) -> None:
    out = figures / "recommend.json"
    done = run("bench/bench_recommend.py", "--smoke", "--json", str(out))
    assert "baseline (sort only)" in done.stdout
    figures = read_json(out)
    assert figures["incidents"] == 10
    assert figures["recommend"]["n"] == 10
    assert figures["baseline_sort"]["n"] == 10


def test_boards(figures: Path) -> None:
    out = figures / "boards.json"
    done = run("-m", "bench.bench_boards", "--smoke", "--json", str(out))
    assert "one-second tick" in done.stdout
    report = read_json(out)
    assert report["single_changes"]["unit_board_from_publish_ms"]["n"] > 0


def test_feeds(figures: Path) -> None:
    """Decoding, pty-to-window latency and an NCID burst; needs socat, as the feed tests do."""
    out = figures / "feeds.json"
    done = run("-m", "bench.bench_feeds", "--smoke", "--json", str(out))
    for part in ("1. decode throughput", "2. latency", "3. burst"):
        assert part in done.stdout, part
    report = read_json(out)
    assert len(report["decode"]["rows"]) == 5
    latency = report["latency"]
    assert len(latency["samples_ms"]["committed"]) == len(latency["samples_ms"]["shown"]) == 10
    # The window's timing hook reported its steps (the benchmark wraps nothing of the window).
    assert latency["gui_work_ms"]["queue_query"]["n"] > 0
    assert latency["gui_work_ms"]["queue_model"]["n"] > 0
    burst = report["burst"]
    assert burst["all_committed_and_shown"], burst["runs"][0]


def test_aml(figures: Path) -> None:
    """A scripted GSM modem on a pty: each AML message's +CMTI line to the position on its incident."""
    out = figures / "aml.json"
    done = run("-m", "bench.bench_aml", "--smoke", "--json", str(out))
    assert "+CMTI -> position on the incident (committed)" in done.stdout
    report = read_json(out)
    assert report["all_placed"], report["wrong"]
    assert report["deleted_before_handed_on"] == []
    rows = {row["name"]: row for row in report["rows"]}
    assert rows["+CMTI -> position on the incident (committed)"]["n"] == 10


def test_cameras(figures: Path) -> None:
    """The nearest 10 of the cameras, through the grid and the service, against a full scan."""
    out = figures / "cameras.json"
    done = run("-m", "bench.bench_cameras", "--smoke", "--json", str(out))
    assert "answers checked against the full scan at 10 positions: the same" in done.stdout
    report = read_json(out)
    assert report["cameras"] == 2000
    assert report["same_as_baseline"], report["wrong"]
    rows = report["rows"]
    assert [row["n"] for row in rows.values()] == [50, 50, 10]
    assert all(row["p99"] >= row["p50"] > 0 for row in rows.values())


def test_forwarding(figures: Path) -> None:
    """A forwarding made on one console and awaited on its board, its dock and a second console's board."""
    out = figures / "forwarding.json"
    done = run("-m", "bench.bench_forwarding", "--smoke", "--json", str(out))
    assert "every board (the later of the two; < 50 ms)" in done.stdout
    report = read_json(out)
    (sqlite,) = report["runs"]
    assert sqlite["database"] == "sqlite (notices handed over)"
    assert sqlite["shown_everywhere"] == sqlite["forwardings"] == 10, sqlite["missing"]
    for figure in ("call_ms", "this_board_ms", "this_dock_ms", "second_board_ms", "every_board_ms"):
        assert sqlite[figure]["n"] == 10, figure
        assert sqlite[figure]["p99"] >= sqlite[figure]["p50"] > 0, figure
    assert sqlite["open_incidents"] == {"this": 40, "second": 40}


@pytest.mark.postgres
def test_forwarding_in_a_centre(tmp_path: Path) -> None:
    """The same with two consoles of a centre on the tests' PostgreSQL, hearing it through their
    change feeds."""
    from tests.store.postgres import server

    server()  # skipped without the tests' PostgreSQL (a failure when it is required)
    out = tmp_path / "forwarding.json"
    run("-m", "bench.bench_forwarding", "--smoke", "--only-postgres", "--json", str(out))
    (centre,) = read_json(out)["runs"]
    assert centre["database"] == "postgresql (change feed)"
    assert centre["shown_everywhere"] == centre["forwardings"] == 10, centre["missing"]
    assert centre["second_board_ms"]["p50"] > 0


def test_reports(seeded: Path, figures: Path) -> None:
    """The supervisor's reports on the seed's busy shift: data, PDF, the browser, full text, a month."""
    out = figures / "reports.json"
    done = run("-m", "bench.bench_reports", str(seeded), "--smoke", "--json", str(out))
    for row in (
        "handover report data",
        "handover report PDF (id)",
        "shift-log browser",
        "full text over all notes",
    ):
        assert row in done.stdout, row
    report = read_json(out)
    assert report["shift"]["calls"] == 300, report["shift"]
    assert report["shift"]["incidents"] == 50, report["shift"]
    assert report["handover_data"]["n"] == 2
    assert report["monthly"]["n"] >= 1
    assert set(report["pdf_bytes"]) == {"handover", "figures"}


@pytest.mark.postgres
def test_centre(figures: Path) -> None:
    """Consoles in processes of their own and a gateway on the tests' PostgreSQL: a burst of calls
    shown on every console, and the single console running its feed itself beside it."""
    from tests.store.postgres import server

    server()  # skipped without the tests' PostgreSQL (a failure when it is required)
    out = figures / "centre.json"
    done = run("-m", "bench.bench_centre", "--smoke", "--json", str(out))
    for row in ("commit (event at) -> shown", "event-loop lag max", "baseline 1 (one console"):
        assert row in done.stdout, row
    report = read_json(out)
    (centre,) = report["runs"]
    assert centre["stored"] == centre["calls"] == 20, centre
    assert centre["all_shown"], centre["per_console"]
    assert len(centre["per_console"]) == 2
    for console in centre["per_console"]:
        assert console["at_to_shown_ms"]["n"] == 20, console
        assert console["lag_ms"]["n"] > 0, console
    assert centre["exit_codes"] == {"consoles": [0, 0], "gateway": 0}
    (baseline,) = report["baseline"]
    assert baseline["shown"] == 20, baseline


def test_map(figures: Path) -> None:
    """The situation map widget with 200 units and 50 incidents: pans, status changes, zoom steps."""
    out = figures / "map.json"
    done = run("-m", "bench.bench_map", "--smoke", "--json", str(out))
    assert "| pan, no tiles, zoom" in done.stdout
    assert "| status change (update_units, painted), tiles, zoom 15" in done.stdout
    report = read_json(out)
    assert (report["units"], report["incidents"]) == (200, 50)
    rows = report["rows"]
    assert {row["n"] for name, row in rows.items() if name.startswith("pan,")} == {16}
    assert all(row["p99"] >= row["p50"] > 0 for row in rows.values())


def test_readme_figures(figures: Path) -> None:
    """``scripts/bench --from`` prints the README's tables from the figures of the runs above."""
    names = (
        "foundation",
        "caller_history",
        "locations",
        "duplicates",
        "recommend",
        "boards",
        "feeds",
        "reports",
        "areas",
        "map",
        "aml",
        "cameras",
        "forwarding",
    )
    missing = [n for n in names if not (figures / f"{n}.json").exists()]
    assert not missing, f"run with the benchmark tests above in the same session; missing {missing}"
    done = subprocess.run(
        [str(ROOT / "scripts" / "bench"), "--from", str(figures)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("Machine: ")
    assert "\nDate: " in text
    assert "could not read" not in text, text
    for table in (
        "Foundation",
        "Feeds",
        "Call-taking",
        "Dispatch",
        "Supervisor reports",
        "Where the caller is",
        "Forwarding to agencies",
        "CCTV near an incident",
    ):
        assert f"\n{table} (" in text, table
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) >= 25, text
    assert not [row for row in rows if "not measured" in row or "?" in row.split("|")[2]], text
    assert "| one audited write: `calls.record_signal`" in text


#: Benchmarks and the test above that runs each; a new one is run by test_every_benchmark_runs.
COVERED = {
    "seed": "seeded",
    "bench_foundation": "test_foundation",
    "startup": "test_foundation",  # run by bench_foundation's measure_startup
    "bench_caller_history": "test_caller_history",
    "bench_locations": "test_locations",
    "bench_areas": "test_areas",
    "bench_duplicates": "test_duplicates",
    "bench_recommend": "test_recommend",
    "bench_boards": "test_boards",
    "bench_feeds": "test_feeds",
    "bench_aml": "test_aml",
    "bench_cameras": "test_cameras",
    "bench_forwarding": "test_forwarding",
    "bench_reports": "test_reports",
    "bench_centre": "test_centre",
    "bench_map": "test_map",
    "readme": "test_readme_figures",
}


def benchmarks() -> list[str]:
    return sorted(
        p.stem
        for p in BENCH.glob("*.py")
        if p.stem != "__init__" and re.search(r"^def main\(", p.read_text(encoding="utf-8"), re.M)
    )


@pytest.mark.parametrize("name", [n for n in benchmarks() if n not in COVERED])
def test_every_benchmark_runs(name: str) -> None:
    """A benchmark without its own test above: it must take --smoke, finish and print something."""
    done = run("-m", f"bench.{name}", "--smoke")
    assert done.stdout.strip(), f"bench.{name} --smoke printed nothing"


def test_the_list_of_benchmarks_is_current() -> None:
    assert set(COVERED) <= set(benchmarks()), set(COVERED) - set(benchmarks())
