"""Benchmark of the supervisor's reports on a database made by ``bench.seed`` (issue 11).

    python -m bench.bench_reports /tmp/bench/bench.sqlite3 [--runs 7] [--json out.json] [--smoke]

Targets (issue 11), on the 1,000,000-call database, a 12-hour shift with 5,000 calls and 800
incidents (the seed's busy last shift):

* report data under 1 s: the handover report (``dispatch.reports.export.handover_document``: every
  section assembled from the database, figures included) and the figures report
  (``figures_document``);
* the PDF under 3 s: ``ui.reports.document.render_html`` and ``write_pdf`` of that handover report and
  of the figures, in Indonesian;
* the shift-log browser opens under 300 ms (``search_log`` over the shift, no filter: the 500 newest
  calls) and filters under 100 ms (by class, by call-taker, by number, by incident number, by category,
  by words of the notes);
* full-text search over all notes under 100 ms (``search_notes``: some 300,000 notes);
* the monthly roll-up under 5 s (``monthly_document`` for the busy shift's month).

Each figure has a plain-SQL baseline in the same run, with ``sqlite3`` on the same file: what reading
the same rows costs without the console's code (the report's own work is the difference). Nothing
is written to the database at PATH: the duty shift (opened and closed through the services, with a
driven clock, over the busy 12 hours) goes to a scratch copy made with SQLite's backup API. Each
action runs once unrecorded (the first, reported apart, with cold caches in this process) and then
``--runs`` times; figures are wall-clock milliseconds (p50 and max of the runs), with the peak memory
of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.bench_foundation import Timing, machine_info, memory
from bench.seed import CONSOLE_NAME, SUPERVISOR
from dispatch.domain.clock import ManualClock
from dispatch.domain.shifts import ShiftCode, ShiftPeriod
from dispatch.reports.export import figures_document, handover_document, monthly_document
from dispatch.reports.shift_log import LogFilter, search_log, search_notes
from dispatch.services import shifts
from dispatch.services.bus import ChangeBus
from dispatch.services.context import Actor, ServiceContext
from dispatch.store.database import open_database, sqlite_url

ZONE = ZoneInfo("Asia/Jakarta")
TARGETS_MS = {
    "handover_data": 1000.0,
    "figures_data": 1000.0,
    "handover_pdf": 3000.0,
    "figures_pdf": 3000.0,
    "browser_open": 300.0,
    "filter": 100.0,
    "full_text": 100.0,
    "monthly": 5000.0,
}
#: Words a supervisor looks for: common ones (thousands of notes), a pair, a rare one, no match.
FULL_TEXT_QUERIES = ("asap", "terjebak lift", "kobra", "tsunami")


def scratch_copy(path: Path, folder: Path) -> Path:
    copy = folder / path.name
    source, target = sqlite3.connect(path), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return copy


def busy_window(raw: sqlite3.Connection) -> tuple[datetime, datetime]:
    """The seed's busy last 12 hours: from 12 h before the last call's ring, to one minute after it."""
    (last,) = raw.execute("SELECT max(ring_at) FROM calls").fetchone()
    end = datetime.fromisoformat(last).replace(tzinfo=UTC) + timedelta(minutes=1)
    return end - timedelta(hours=12), end


def supervisor_context(database: Any, raw: sqlite3.Connection, now: datetime) -> ServiceContext:
    console_id = raw.execute("SELECT id FROM consoles WHERE name = ?", (CONSOLE_NAME,)).fetchone()[0]
    user_id, username, full_name, role = raw.execute(
        "SELECT id, username, full_name, role FROM users WHERE username = ?", (SUPERVISOR[0],)
    ).fetchone()
    return ServiceContext(
        database=database,
        clock=ManualClock(now),
        bus=ChangeBus(),
        console_id=console_id,
        console_name=CONSOLE_NAME,
        actor=Actor(user_id, username, full_name, role),
    )


def measure(
    results: dict[str, Any],
    key: str,
    name: str,
    action: Callable[[], object],
    runs: int,
    target: float | None,
) -> object:
    timing = Timing(name, target)
    began = time.perf_counter_ns()
    outcome = action()
    timing.add(time.perf_counter_ns() - began, first=True)
    for _ in range(runs):
        began = time.perf_counter_ns()
        action()
        timing.add(time.perf_counter_ns() - began)
    results[key] = timing.summary()
    return outcome


def run(args: argparse.Namespace) -> dict[str, Any]:
    runs = 2 if args.smoke else args.runs
    results: dict[str, Any] = {"machine": machine_info(), "runs": runs}
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as folder:
        began = time.perf_counter()
        copy = scratch_copy(args.db, Path(folder))
        results["copy_s"] = round(time.perf_counter() - began, 1)
        raw = sqlite3.connect(copy)
        since, until = busy_window(raw)
        database = open_database(sqlite_url(copy))
        try:
            ctx = supervisor_context(database, raw, since)
            local = since.astimezone(ZONE)
            period = ShiftPeriod(ShiftCode.NIGHT, local.date(), since, until)
            shift = shifts.open_shift(ctx, period)
            assert isinstance(ctx.clock, ManualClock)
            ctx.clock.set(until)
            shift = shifts.close_shift(ctx, shift.id)
            results["shift"] = {
                "since": since.isoformat(),
                "until": until.isoformat(),
                "calls": raw.execute(
                    "SELECT count(*) FROM calls WHERE ring_at >= ? AND ring_at < ?",
                    (stored(since), stored(until)),
                ).fetchone()[0],
                "incidents": raw.execute(
                    "SELECT count(*) FROM incidents WHERE created_at >= ? AND created_at < ?",
                    (stored(since), stored(until)),
                ).fetchone()[0],
            }
            results["database"] = {
                table: raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("calls", "incidents", "incident_notes")
            }
            measure_data(results, ctx, raw, shift.id, since, until, runs)
            measure_browser(results, ctx, raw, shift.id, since, until, runs)
            measure_monthly(results, ctx, raw, until, runs)
            measure_pdf(results, ctx, shift.id, since, until, runs, Path(folder))
        finally:
            raw.close()
            database.dispose()
    results["memory"] = memory()
    return results


def stored(instant: datetime) -> str:
    """An instant as the UTCDateTime column stores it on SQLite."""
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def measure_data(
    results: dict[str, Any],
    ctx: ServiceContext,
    raw: sqlite3.Connection,
    shift_id: int,
    since: datetime,
    until: datetime,
    runs: int,
) -> None:
    window = (stored(since), stored(until))
    measure(results, "handover_data", "handover report data", lambda: handover_document(ctx, shift_id), runs,
            TARGETS_MS["handover_data"])  # fmt: skip
    measure(
        results,
        "figures_data",
        "figures report data",
        lambda: figures_document(ctx, since, until, ZONE),
        runs,
        TARGETS_MS["figures_data"],
    )

    def plain() -> object:
        # The rows the figures are computed from, and the counts by class, read as plainly as can be.
        calls = raw.execute(
            "SELECT id, ring_at, answered_at, ended_at, classification, answered_by FROM calls "
            "WHERE ring_at >= ? AND ring_at < ?",
            window,
        ).fetchall()
        classes = raw.execute(
            "SELECT classification, count(*) FROM calls WHERE ring_at >= ? AND ring_at < ? "
            "GROUP BY classification",
            window,
        ).fetchall()
        history = raw.execute(
            "SELECT h.assignment_id, h.to_status, h.at FROM unit_status_history h "
            "JOIN incidents i ON i.id = h.incident_id WHERE i.created_at >= ? AND i.created_at < ?",
            window,
        ).fetchall()
        return calls, classes, history

    measure(
        results, "data_baseline", "plain SQL: the shift's calls, class counts, status rows", plain, runs, None
    )


def measure_browser(
    results: dict[str, Any],
    ctx: ServiceContext,
    raw: sqlite3.Connection,
    shift_id: int,
    since: datetime,
    until: datetime,
    runs: int,
) -> None:
    window = (stored(since), stored(until))
    measure(
        results,
        "browser_open",
        "shift-log browser: the shift, no filter (500 newest)",
        lambda: search_log(ctx, LogFilter(shift_id=shift_id)),
        runs,
        TARGETS_MS["browser_open"],
    )
    measure(
        results,
        "browser_baseline",
        "plain SQL: the shift's 500 newest calls",
        lambda: raw.execute(
            "SELECT * FROM calls WHERE ring_at >= ? AND ring_at < ? ORDER BY ring_at DESC LIMIT 500", window
        ).fetchall(),
        runs,
        None,
    )
    taker, number, incident, category = raw.execute(
        "SELECT c.answered_by, c.number_e164, i.number, i.category FROM calls c "
        "JOIN incidents i ON i.id = c.incident_id "
        "WHERE c.ring_at >= ? AND c.ring_at < ? AND c.number_e164 IS NOT NULL AND i.category IS NOT NULL "
        "ORDER BY c.ring_at LIMIT 1",
        window,
    ).fetchone()
    filters = {
        "class": LogFilter(shift_id=shift_id, call_class="prank"),
        "call-taker": LogFilter(shift_id=shift_id, user_id=taker),
        "number": LogFilter(number=number[-8:]),
        "incident number": LogFilter(incident_number=incident),
        "category": LogFilter(shift_id=shift_id, category=category),
        "words of the notes, in the shift": LogFilter(shift_id=shift_id, text="asap"),
    }
    results["filters"] = {}
    for label, log_filter in filters.items():
        measure(
            results["filters"],
            label,
            f"shift-log filter: {label}",
            lambda log_filter=log_filter: search_log(ctx, log_filter),  # type: ignore[misc]
            runs,
            TARGETS_MS["filter"],
        )
    measure(
        results,
        "filter_baseline",
        "plain SQL: the shift's prank calls",
        lambda: raw.execute(
            "SELECT * FROM calls WHERE ring_at >= ? AND ring_at < ? AND classification = 'prank' "
            "ORDER BY ring_at DESC LIMIT 500",
            window,
        ).fetchall(),
        runs,
        None,
    )
    results["full_text"] = {}
    for words in FULL_TEXT_QUERIES:
        measure(
            results["full_text"],
            words,
            f"full text over all notes: {words!r}",
            lambda words=words: search_notes(ctx, words),  # type: ignore[misc]
            runs,
            TARGETS_MS["full_text"],
        )
    first = FULL_TEXT_QUERIES[1].split()[0]
    measure(
        results,
        "full_text_baseline",
        f"plain SQL: the 200 newest notes LIKE '%{first}%' (a scan, no index)",
        lambda: raw.execute(
            "SELECT id, incident_id, text FROM incident_notes WHERE text LIKE ? ORDER BY at DESC LIMIT 200",
            (f"%{first}%",),
        ).fetchall(),
        runs,
        None,
    )


def measure_monthly(
    results: dict[str, Any], ctx: ServiceContext, raw: sqlite3.Connection, until: datetime, runs: int
) -> None:
    local = until.astimezone(ZONE)
    year, month = local.year, local.month
    first = datetime(year, month, 1, tzinfo=ZONE)
    after = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=ZONE)
    monthly_runs = max(1, runs // 2)
    measure(
        results,
        "monthly",
        f"monthly roll-up {year}-{month:02d}",
        lambda: monthly_document(ctx, year, month, ZONE),
        monthly_runs,
        TARGETS_MS["monthly"],
    )
    measure(
        results,
        "monthly_baseline",
        "plain SQL: the month's calls by class and day",
        lambda: raw.execute(
            "SELECT classification, substr(ring_at, 1, 10), count(*) FROM calls "
            "WHERE ring_at >= ? AND ring_at < ? GROUP BY 1, 2",
            (stored(first), stored(after)),
        ).fetchall(),
        monthly_runs,
        None,
    )


def measure_pdf(
    results: dict[str, Any],
    ctx: ServiceContext,
    shift_id: int,
    since: datetime,
    until: datetime,
    runs: int,
    folder: Path,
) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from ui.reports.document import render_html, write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    handover = handover_document(ctx, shift_id)
    figures = figures_document(ctx, since, until, ZONE)
    pdf_runs = max(1, runs // 2)
    sizes: dict[str, int] = {}

    def pdf(kind: str, data: dict[str, Any]) -> Callable[[], object]:
        def action() -> object:
            path = folder / f"{kind}.pdf"
            write_pdf(render_html(kind, data, "id", ZONE), path)
            sizes[kind] = path.stat().st_size
            return path

        return action

    measure(results, "handover_pdf", "handover report PDF (id)", pdf("handover", handover), pdf_runs,
            TARGETS_MS["handover_pdf"])  # fmt: skip
    measure(results, "figures_pdf", "figures report PDF (id)", pdf("figures", figures), pdf_runs,
            TARGETS_MS["figures_pdf"])  # fmt: skip
    text = json.dumps(handover, ensure_ascii=False, indent=1)

    def plain_pdf() -> object:
        # The same amount of text as a plain document: Qt's own cost of laying out and writing a PDF.
        writer = QPdfWriter(str(folder / "plain.pdf"))
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF())
        )
        document = QTextDocument()
        document.setPlainText(text)
        document.print_(writer)
        return writer

    measure(results, "pdf_baseline", "plain PDF of the handover's JSON text", plain_pdf, pdf_runs, None)
    results["pdf_bytes"] = sizes
    results["handover_json_chars"] = len(text)
    del app


def render(results: dict[str, Any]) -> str:
    def line(figure: dict[str, Any]) -> str:
        target = figure.get("target_ms")
        verdict = "" if target is None else ("  ok" if figure.get("p50_ms", 1e9) < target else "  OVER")
        times = (
            f"p50 {figure.get('p50_ms', 0):9.1f} ms  max {figure.get('max_ms', 0):9.1f} ms  "
            f"first {figure.get('first_ms') or 0:9.1f} ms"
        )
        return f"  {figure['display']:<62} {times}" + (
            "" if target is None else f"  (target < {target:.0f} ms){verdict}"
        )

    out = [
        f"shift {results['shift']['since']} .. {results['shift']['until']}: "
        f"{results['shift']['calls']:,} calls, {results['shift']['incidents']:,} incidents; database "
        + ", ".join(f"{n:,} {t}" for t, n in results["database"].items()),
    ]
    for key in ("handover_data", "figures_data", "data_baseline", "handover_pdf", "figures_pdf",
                "pdf_baseline", "browser_open", "browser_baseline"):  # fmt: skip
        out.append(line(results[key]))
    out += [line(figure) for figure in results["filters"].values()]
    out.append(line(results["filter_baseline"]))
    out += [line(figure) for figure in results["full_text"].values()]
    out.append(line(results["full_text_baseline"]))
    out += [line(results["monthly"]), line(results["monthly_baseline"])]
    out.append(f"  peak memory {results['memory'].get('peak_rss_mib')} MiB")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_reports", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("db", type=Path, help="a database made by bench.seed (not changed)")
    parser.add_argument("--runs", type=int, default=7, help="recorded runs of each action (after the first)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--smoke", action="store_true", help="two runs of each: for checking the benchmark")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: make it with python -m bench.seed")
    results = run(args)
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
