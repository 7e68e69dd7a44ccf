"""Scoring a 40-call training drill (issue 12: under 1 s).

    python -m bench.bench_scoring [--calls 40] [--runs 20] [--seed 12] [--json out.json] [--smoke]

A temporary SQLite training database is built through the console's own services with a driven
clock: a supervisor and a trainee, the demonstration roster, a training session
(``services.training``) and ``--calls`` calls linked to it, played the way a trainee plays a shift
drill: about 60 % emergencies (answered, category, kelurahan, position, one or two protocol answers,
a unit or two dispatched, the incident closed so that its units come back), pranks, information
calls, silent calls (half of them called back and reached as emergencies, with a unit sent) and
callers who hang up before anyone answers. Then it times:

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
from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, CallClass, Disposition, Priority, Role
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.scenarios import CallerScript, CallTruth, Scenario, ScriptedCall, Words
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.domain.training_score import score_call
from dispatch.services import (
    accounts,
    callbacks,
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
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.database import DatabaseKind, open_database, sqlite_url
from dispatch.store.tables import Call

TARGET_S = 1.0
START = datetime(2026, 11, 27, 5, 0, 0, tzinfo=UTC)
FEED = "sim://bench-scoring"
PASSWORD = "latihan-112-rahasia"
#: (category, protocol questions answered with "2", agencies sent, kelurahan, point)
EMERGENCIES = [
    (
        "FIRE",
        ("people_inside", "injured"),
        (AgencyType.FIRE, AgencyType.POLICE),
        "33.74.13.1003",
        (-6.9801, 110.3950),
    ),
    ("MED", (), (AgencyType.MEDICAL,), "33.74.13.1003", (-6.9850, 110.4000)),
    ("LAKA", ("trapped",), (AgencyType.POLICE, AgencyType.MEDICAL), "33.74.13.1003", (-6.9900, 110.4050)),
]
W = Words("-", "-")


def _kinds(count: int, rng: random.Random) -> list[str]:
    """The drill's mix: 60 % emergencies, then pranks, information, silent calls, abandoned."""
    mix = ["emergency"] * 12 + ["prank"] * 3 + ["information"] * 2 + ["silent"] * 2 + ["abandoned"]
    kinds = [mix[i % len(mix)] for i in range(count)]
    rng.shuffle(kinds)
    return kinds


def build(path: Path, count: int, seed: int) -> tuple[ServiceContext, int, Scenario]:
    """The database with one ended session of ``count`` calls played; the trainer's context."""
    rng = random.Random(seed)
    catalogue = load_default_catalogue()
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
    units = {view.call_sign: view for view in queries.units(ctx)}
    by_agency: dict[AgencyType, list[int]] = {}
    for unit in units.values():
        by_agency.setdefault(unit.agency_type, []).append(unit.id)

    scripted: list[ScriptedCall] = []
    kinds = _kinds(count, rng)
    session = training.start_session(ctx, "bench-drill", "0" * 64, seed, [actor.user_id])
    for index, kind in enumerate(kinds):
        key = f"call{index + 1:02d}"
        number = f"0812{index + 10_000_000:08d}"
        if kind == "emergency":
            category, questions, agencies, area, point = EMERGENCIES[index % len(EMERGENCIES)]
            truth = CallTruth(
                CallClass.EMERGENCY,
                category=category,
                priority=Priority.P1,
                area_code=area,
                point=point,
                agencies=dict.fromkeys(agencies, 1),
                questions=questions,
                fields=("caller_name", "street", "landmark"),
            )
        elif kind == "silent":
            truth = CallTruth(
                CallClass.SILENT,
                after_callback=CallClass.EMERGENCY,
                category="MED",
                priority=Priority.P2,
                agencies={AgencyType.MEDICAL: 1},
            )
        else:
            truth = CallTruth(CallClass(kind))
        scripted.append(
            ScriptedCall(
                key, clock.now().timestamp() - START.timestamp(), number, None, 120, CallerScript(W), truth
            )
        )
        signal = CallSignal(
            kind=SignalKind.INCOMING,
            feed=FEED,
            received_at=clock.now(),
            number=parse_caller_number(number),
            raw=f"RING {number}".encode(),
        )
        view = calls.record_signal(ctx.as_system(), signal)
        assert view is not None
        training.link_call(ctx.as_system(), session.id, key, view.id)
        clock.advance(rng.uniform(3, 20))
        if kind == "abandoned":
            ended = CallSignal(SignalKind.ENDED, FEED, clock.now(), parse_caller_number(number), b"END")
            calls.record_signal(ctx.as_system(), ended)
            continue
        _, incident = calls.answer_call(trainee, view.id)
        clock.advance(rng.uniform(5, 15))
        if kind == "emergency":
            incidents.update_field(trainee, incident.id, "category", truth.category, catalogue)
            incidents.update_field(trainee, incident.id, "caller_name", "Pak Darto", catalogue)
            incidents.update_field(trainee, incident.id, "street", "Jl. Siliwangi", catalogue)
            assert truth.area_code is not None
            assert truth.point is not None
            locations.set_area(trainee, incident.id, truth.area_code)
            locations.set_position(
                trainee, incident.id, truth.point[0] + rng.uniform(-0.004, 0.004), truth.point[1]
            )
            for question in truth.questions:
                clock.advance(rng.uniform(5, 15))
                protocols.answer_question(trainee, incident.id, str(truth.category), question, "2", "id")
            clock.advance(rng.uniform(20, 80))
            sent = [by_agency[agency][index % len(by_agency[agency])] for agency in truth.agencies]
            dispatching.assign_units(trainee, incident.id, sent)
            clock.advance(rng.uniform(5, 30))
            incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
        elif kind == "silent":
            calls.classify_call(trainee, view.id, CallClass.SILENT)
            if index % 2 == 0:
                clock.advance(rng.uniform(30, 90))
                waiting = next(c for c in callbacks.open_callbacks(trainee) if c.call_id == view.id)
                callbacks.record_attempt(trainee, waiting.id, CallbackOutcome.REACHED_EMERGENCY)
                with ctx.database.sessions() as db:
                    reopened = db.get_one(Call, view.id).incident_id
                assert reopened is not None
                incidents.update_field(trainee, reopened, "category", "MED", catalogue)
                clock.advance(rng.uniform(20, 60))
                ambulances = by_agency[AgencyType.MEDICAL]
                dispatching.assign_units(trainee, reopened, [ambulances[index % len(ambulances)]])
                clock.advance(5)
                incidents.close_incident(ctx, reopened, Disposition.HANDLED)
        else:
            calls.classify_call(trainee, view.id, CallClass(kind))
        clock.advance(rng.uniform(2, 20))
    training.end_session(ctx, session.id)
    scenario = Scenario(
        "bench-drill", W, W, (), seed, clock.now().timestamp() - START.timestamp(), tuple(scripted)
    )
    return ctx, session.id, scenario


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
    parser.add_argument("--calls", type=int, default=40)
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
