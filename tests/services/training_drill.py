"""A small training drill played through the real services with a driven clock, and its scores worked
out by hand (the service test checks them; the debrief tests render them).

Four calls ring in one session (weights 10 each, 15 for class and location; pass mark 70):

- ``fire``: answered after 8 s, FIRE (priority P1 by the category), the kelurahan picked, the point
  0.005 degrees of latitude south of the truth (555.98 m), two of three protocol questions answered,
  a fire engine and a police unit sent 90 s after answer (one of two fire units), caller name and
  street typed, the landmark not;
- ``prank``: answered after 25 s, classified prank;
- ``silent``: answered after 4 s, classified silent, called back 120 s later and reached as an
  emergency; MED (the category's P1, the truth's P2), an ambulance 30 s after reaching the caller;
- ``surge1.1``: a surge caller (information) left ringing until it hung up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, CallClass, Priority, Role
from dispatch.domain.scenarios import (
    CallerScript,
    CallTruth,
    Scenario,
    ScriptedCall,
    Surge,
    TimeBudget,
    Words,
)
from dispatch.domain.signals import SignalKind
from dispatch.services import (
    accounts,
    callbacks,
    calls,
    dispatching,
    incidents,
    locations,
    protocols,
    training,
)
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView
from dispatch.store.tables import Call
from tests.services.support import signal, unit

TRUTH_POINT = (-6.9801, 110.3950)
AREA = "33.74.13.1003"
SOUTH_METRES = 6_371_008.8 * math.radians(0.005)

W = Words("-", "-")
SCENARIO = Scenario(
    id="drill-test",
    title=Words("Latihan uji", "Test drill"),
    summary=W,
    competencies=(),
    seed=1,
    duration_seconds=600,
    calls=(
        ScriptedCall(
            key="fire",
            at_seconds=0,
            number="081234500001",
            name=None,
            patience_seconds=120,
            script=CallerScript(opening=W),
            truth=CallTruth(
                call_class=CallClass.EMERGENCY,
                category="FIRE",
                priority=Priority.P1,
                area_code=AREA,
                point=TRUTH_POINT,
                agencies={AgencyType.FIRE: 2, AgencyType.POLICE: 1},
                questions=("people_inside", "injured", "spreading"),
                fields=("caller_name", "street", "landmark"),
            ),
        ),
        ScriptedCall(
            key="prank",
            at_seconds=60,
            number="081234500002",
            name=None,
            patience_seconds=120,
            script=CallerScript(opening=W),
            truth=CallTruth(call_class=CallClass.PRANK),
        ),
        ScriptedCall(
            key="silent",
            at_seconds=120,
            number="081234500003",
            name=None,
            patience_seconds=120,
            script=CallerScript(opening=None, callback=W),
            truth=CallTruth(
                call_class=CallClass.SILENT,
                after_callback=CallClass.EMERGENCY,
                category="MED",
                priority=Priority.P2,
                agencies={AgencyType.MEDICAL: 1},
            ),
            budget=TimeBudget(answer_seconds=10, dispatch_seconds=60),
        ),
    ),
    surges=(Surge(key="surge1", at_seconds=200, count=1, over_seconds=10, seed=3),),
)

#: Each call's total, worked out by hand (see the module docstring).
FIRE_TOTAL = round(
    10 * 1  # answer: 8 s
    + 15 * 1  # class: emergency
    + 10 * 1  # category FIRE
    + 10 * 1  # priority P1
    + 15 * (0.5 + 0.5 * (1000 - SOUTH_METRES) / 900)  # location: kelurahan + 555.98 m
    + 10 * 2 / 3  # questions
    + 10 * (1 / 2 + 1) / 2  # agencies: fire 1 of 2, police 1 of 1
    + 10 * (180 - 90) / 120  # dispatch 90 s
    + 10 * 2 / 3,  # fields
    1,
)  # 84.5336 -> 84.5
PRANK_TOTAL = 100 * (10 * (30 - 25) / 20 + 15 * 1) / 25  # 70.0: exactly the pass mark
SILENT_TOTAL = round(100 * (10 * 1 + 15 * 1 + 10 * 1 + 10 * 0 + 10 * 1 + 10 * 1) / 65, 1)  # 84.6
SURGE_TOTAL = 0.0  # information caller never answered: answer 0, class (abandoned) 0


@dataclass(frozen=True)
class Drill:
    session_id: int
    trainee_id: int
    trainee: ServiceContext
    call_ids: dict[str, int]


def _ring(ctx: ServiceContext, number: str) -> CallView:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now(), number))
    assert view is not None
    return view


def play_drill(ctx: ServiceContext, clock: ManualClock, trainee_name: str = "budi") -> Drill:
    """Play the drill: ``ctx`` is the trainer (a supervisor), a call-taker trainee is made."""
    catalogue = load_default_catalogue()
    password = "latihan-112-rahasia"
    actor = accounts.create_user(ctx, trainee_name, "Budi Santoso", password, password, Role.CALL_TAKER)
    assert actor.user_id is not None
    trainee = ctx.acting_as(actor)
    started = training.start_session(ctx, SCENARIO.id, "0" * 64, SCENARIO.seed, [actor.user_id])
    ids: dict[str, int] = {}

    # fire: rings, answered after 8 s
    fire = _ring(ctx, "081234500001")
    training.link_call(ctx.as_system(), started.id, "fire", fire.id)
    ids["fire"] = fire.id
    clock.advance(8)
    _, incident = calls.answer_call(trainee, fire.id)
    clock.advance(5)
    incidents.update_field(trainee, incident.id, "category", "FIRE", catalogue)
    incidents.update_field(trainee, incident.id, "caller_name", "Pak Darto", catalogue)
    incidents.update_field(trainee, incident.id, "street", "Jl. Siliwangi", catalogue)
    locations.set_area(trainee, incident.id, AREA)
    locations.set_position(trainee, incident.id, TRUTH_POINT[0] - 0.005, TRUTH_POINT[1])
    clock.advance(20)
    protocols.answer_question(trainee, incident.id, "FIRE", "people_inside", "2", "id")
    protocols.answer_question(trainee, incident.id, "FIRE", "injured", "2", "id")
    clock.advance(65)  # 90 s after answer
    engine, police = unit(ctx, "DEMO-DMK-01"), unit(ctx, "DEMO-POL-01")
    dispatching.assign_units(trainee, incident.id, [engine.id, police.id])

    # prank: answered after 25 s
    clock.advance(30)
    prank = _ring(ctx, "081234500002")
    training.link_call(ctx.as_system(), started.id, "prank", prank.id)
    ids["prank"] = prank.id
    clock.advance(25)
    calls.answer_call(trainee, prank.id)
    clock.advance(10)
    calls.classify_call(trainee, prank.id, CallClass.PRANK)

    # silent: answered after 4 s, classified silent, reached on callback 120 s later
    clock.advance(15)
    silent = _ring(ctx, "081234500003")
    training.link_call(ctx.as_system(), started.id, "silent", silent.id)
    ids["silent"] = silent.id
    clock.advance(4)
    calls.answer_call(trainee, silent.id)
    clock.advance(6)
    calls.classify_call(trainee, silent.id, CallClass.SILENT)
    clock.advance(110)
    waiting = next(c for c in callbacks.open_callbacks(trainee) if c.call_id == silent.id)
    callbacks.record_attempt(trainee, waiting.id, CallbackOutcome.REACHED_EMERGENCY)
    reopened = incident_of(trainee, silent.id)
    clock.advance(10)
    incidents.update_field(trainee, reopened, "category", "MED", catalogue)
    clock.advance(20)  # 30 s after reaching the caller
    dispatching.assign_units(trainee, reopened, [unit(ctx, "DEMO-PSC-01").id])

    # surge1.1: an information caller that nobody answers before it hangs up
    clock.advance(20)
    surge = _ring(ctx, "081234500004")
    training.link_call(ctx.as_system(), started.id, "surge1.1", surge.id, '{"class":"information"}')
    ids["surge1.1"] = surge.id
    clock.advance(40)
    calls.record_signal(ctx.as_system(), signal(SignalKind.ENDED, clock.now(), "081234500004"))

    clock.advance(30)
    training.end_session(ctx, started.id)
    return Drill(started.id, actor.user_id, trainee, ids)


def incident_of(ctx: ServiceContext, call_id: int) -> int:
    """The incident a call is linked to now (after a callback: the one the callback opened)."""
    with ctx.database.sessions() as session:
        incident_id = session.get_one(Call, call_id).incident_id
    assert incident_id is not None
    return incident_id
