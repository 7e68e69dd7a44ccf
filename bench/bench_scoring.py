"""Scoring a 40-call training drill (issue 12: under 1 s).

    python -m bench.bench_scoring [--calls 40] [--runs 20] [--seed 12] [--json out.json] [--smoke]

A temporary SQLite training database is built through the console's own services with a driven
clock: a supervisor and a trainee, the demonstration roster, a training session
(``services.training``) and the first ``--calls`` calls of the shipped 30-minute shift drill
(``resources/scenarios/shift-drill-30.json``: 40 calls, 19 emergencies, pranks, silent calls,
information, a wrong number, two callers who hang up unanswered) rung and linked to it, each played
nearly as its truth asks: answered, classified, and for an emergency the category, the required
fields (now and then one forgotten), the kelurahan, a position near the place, the protocol
questions (now and then one skipped), the priority, the units of each agency dispatched, the incident
closed so that its units come back. Then it times:

- ``score_session`` (the target): observe every call (calls, incidents, protocol answers, units,
  callbacks) and score and store them, one unit of work with its audit rows; once, on the fresh
  session (a second scoring only reads the stored rows);
- ``observe + score``: ``observe_session`` and ``score_call`` for every call, ``--runs`` times
  (reads only);
- ``stored scores``: ``session_scores``, what a debrief reads afterwards, ``--runs`` times.

Prints each figure (median and max of the runs) against the 1 s target, and the machine's CPU.
``--smoke``: 8 calls, 3 runs (the test suite's size; figures mean nothing).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, CallClass, Disposition, Role
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.scenarios import Scenario
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.domain.training_score import score_call
from dispatch.services import (
    accounts,
    calls,
    dispatching,
    incidents,
    locations,
    protocols,
    queries,
    training,
    training_scores,
)
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.simulator.scenario_files import find_scenario, load_scenario
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.database import DatabaseKind, open_database, sqlite_url

TARGET_S = 1.0
START = datetime(2026, 11, 27, 5, 0, 0, tzinfo=UTC)
FEED = "sim://bench-scoring"
PASSWORD = "latihan-112-rahasia"
DRILL = "shift-drill-30"
#: Text typed into a required form field (RT, RW and the postcode take digits).
FIELD_TEXT = {"rt": "003", "rw": "005", "postcode": "50146", "house_number": "12"}


def build(path: Path, count: int, seed: int) -> tuple[ServiceContext, int, Scenario]:
    """The database with one ended session of the drill's first ``count`` calls played; the
    trainer's context, the session and the scenario."""
    rng = random.Random(seed)
    catalogue = load_default_catalogue()
    drill = load_scenario(find_scenario(DRILL) or Path(DRILL)).scenario
    calls_played = drill.calls[:count]
    database = open_database(sqlite_url(path), kind=DatabaseKind.TRAINING)
    clock = ManualClock(START)
    console = accounts.register_console(database, clock, ChangeBus(), "KONSOL-01", "bench")
    accounts.create_first_supervisor(console, "sari", "Sari Wulandari", PASSWORD, PASSWORD)
    login = accounts.log_in(console, "sari", PASSWORD)
    assert login.actor is not None
    ctx = console.acting_as(login.actor)
    dispatching.load_roster(ctx, load_demo_roster())
    actor = accounts.create_user(ctx, "budi", "Budi Santoso", PASSWORD, PASSWORD, Role.CALL_TAKER)
    assert actor.user_id is not None
    trainee = ctx.acting_as(actor)
    by_agency: dict[AgencyType, list[int]] = {}
    for unit in queries.units(ctx):
        by_agency.setdefault(unit.agency_type, []).append(unit.id)

    session = training.start_session(ctx, drill.id, "0" * 64, seed, [actor.user_id])
    for index, scripted in enumerate(calls_played):
        truth = scripted.truth
        signal = CallSignal(
            kind=SignalKind.INCOMING,
            feed=FEED,
            received_at=clock.now(),
            number=parse_caller_number(scripted.number),
            raw=f"RING {scripted.number}".encode(),
        )
        view = calls.record_signal(ctx.as_system(), signal)
        assert view is not None
        training.link_call(ctx.as_system(), session.id, scripted.key, view.id)
        clock.advance(rng.uniform(3, 20))
        if truth.call_class is CallClass.ABANDONED:
            ended = CallSignal(
                SignalKind.ENDED, FEED, clock.now(), parse_caller_number(scripted.number), b"END"
            )
            calls.record_signal(ctx.as_system(), ended)
            clock.advance(rng.uniform(2, 20))
            continue
        _, incident = calls.answer_call(trainee, view.id)
        clock.advance(rng.uniform(5, 15))
        if truth.call_class is not CallClass.EMERGENCY:
            calls.classify_call(trainee, view.id, truth.call_class)
            clock.advance(rng.uniform(2, 20))
            continue
        # An emergency, done nearly as the truth asks: now and then a question or a field forgotten.
        if truth.category:
            incidents.update_field(trainee, incident.id, "category", truth.category, catalogue)
        for name in truth.fields:
            if rng.random() < 0.9:
                incidents.update_field(
                    trainee, incident.id, name, FIELD_TEXT.get(name, "Jl. Contoh"), catalogue
                )
        if truth.area_code:
            locations.set_area(trainee, incident.id, truth.area_code)
        if truth.point:
            lat, lon = truth.point
            locations.set_position(trainee, incident.id, lat + rng.uniform(-0.004, 0.004), lon)
        for question in truth.questions:
            if rng.random() < 0.85:
                clock.advance(rng.uniform(5, 15))
                protocols.answer_question(trainee, incident.id, str(truth.category), question, "2", "id")
        if truth.priority:
            incidents.update_field(trainee, incident.id, "priority", truth.priority.value, catalogue)
        clock.advance(rng.uniform(20, 80))
        sent = [
            by_agency[agency][(index + n) % len(by_agency[agency])]
            for agency, needed in truth.agencies.items()
            for n in range(needed)
        ]
        if sent:
            dispatching.assign_units(trainee, incident.id, sent)
        clock.advance(rng.uniform(5, 30))
        # Closed, so that its units are available for the next calls.
        incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
        clock.advance(rng.uniform(2, 20))
    training.end_session(ctx, session.id)
    return ctx, session.id, drill


def timed(action: object, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return times


def cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_scoring", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--calls", type=int, default=40, help="the drill's first calls played (it has 40)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--smoke", action="store_true", help="8 calls, 3 runs: checks that it works")
    args = parser.parse_args(argv)
    if args.smoke:
        args.calls, args.runs = 8, 3
    rules, sha = load_scoring_rules()
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        ctx, session_id, scenario = build(Path(folder) / "drill.sqlite3", args.calls, args.seed)
        built = time.perf_counter() - began

        started = time.perf_counter()
        scores = training_scores.score_session(ctx, session_id, scenario, rules, sha)
        first = time.perf_counter() - started
        assert len(scores) == args.calls, (len(scores), args.calls)

        def observe_and_score() -> None:
            for call in training_scores.observe_session(ctx, session_id, scenario):
                score_call(call.truth, call.budget, call.observed, rules)

        pure = timed(observe_and_score, args.runs)
        stored = timed(lambda: training_scores.session_scores(ctx, session_id), args.runs)
        ctx.database.dispose()

    totals = [s.total for s in scores]
    rows = {
        "score_session (observe, score, store; once)": [first],
        "observe + score (reads only)": pure,
        "stored scores (session_scores)": stored,
    }
    print(f"Scoring a {args.calls}-call drill; CPU: {cpu()}; drill played in {built:.1f} s")
    print(
        f"scores: mean {statistics.mean(totals):.1f}, passed {sum(s.passed for s in scores)} of {len(scores)}"
    )
    print(f"{'what':48} {'median':>10} {'max':>10}  target {TARGET_S:.0f} s")
    figures = {}
    for name, values in rows.items():
        median, worst = statistics.median(values), max(values)
        verdict = "met" if worst < TARGET_S else "MISSED"
        print(f"{name:48} {median * 1000:8.1f} ms {worst * 1000:8.1f} ms  {verdict}")
        figures[name] = {"median_ms": median * 1000, "max_ms": worst * 1000, "runs": len(values)}
    if args.json:
        args.json.write_text(
            json.dumps(
                {"calls": args.calls, "cpu": cpu(), "target_s": TARGET_S, "figures": figures}, indent=2
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
