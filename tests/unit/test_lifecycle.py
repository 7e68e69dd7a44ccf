"""The unit status lifecycle and the incident status derived from it (pure rules, no database)."""

from __future__ import annotations

from collections import deque
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from dispatch.domain.enums import IncidentStatus, UnitStatus
from dispatch.domain.lifecycle import (
    COMMITTED,
    DISPATCHABLE,
    MILESTONE_COLUMN,
    TransitionRefused,
    allowed_next,
    can_transition,
    check_transition,
    derive_incident_status,
    ends_assignment,
    usual_next,
)

S = UnitStatus
IS = IncidentStatus

MAIN_PATH = (
    S.AVAILABLE,
    S.DISPATCHED,
    S.ACKNOWLEDGED,
    S.EN_ROUTE,
    S.ON_SCENE,
    S.PATIENT_CONTACT,
    S.TRANSPORTING,
    S.AT_HOSPITAL,
    S.CLEARED,
    S.AVAILABLE,
)

#: The Assignment table's milestone columns (dispatch/store/tables.py), as a literal so the domain
#: test does not import SQLAlchemy.
ASSIGNMENT_MILESTONE_COLUMNS = frozenset(
    {
        "acknowledged_at",
        "en_route_at",
        "on_scene_at",
        "patient_contact_at",
        "transporting_at",
        "at_hospital_at",
        "cleared_at",
        "cancelled_at",
    }
)


# --- transitions -------------------------------------------------------------------------------


@pytest.mark.parametrize(("current", "requested"), list(pairwise(MAIN_PATH)))
def test_main_path_is_allowed_step_by_step(current: UnitStatus, requested: UnitStatus) -> None:
    assert can_transition(current, requested)
    assert requested in allowed_next(current)
    check_transition(current, requested)  # does not raise


def test_usual_next_walks_from_dispatched_back_to_available() -> None:
    walk = [S.DISPATCHED]
    while (step := usual_next(walk[-1])) is not None:
        walk.append(step)
        assert len(walk) <= len(UnitStatus), "usual_next loops"
    assert walk == [S.DISPATCHED, S.ACKNOWLEDGED, S.EN_ROUTE, S.ON_SCENE, S.CLEARED, S.AVAILABLE]


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (S.DISPATCHED, S.ACKNOWLEDGED),
        (S.ACKNOWLEDGED, S.EN_ROUTE),
        (S.EN_ROUTE, S.ON_SCENE),
        (S.STAGING, S.ON_SCENE),
        (S.DELAYED, S.EN_ROUTE),
        (S.ON_SCENE, S.CLEARED),
        (S.PATIENT_CONTACT, S.TRANSPORTING),
        (S.TRANSPORTING, S.AT_HOSPITAL),
        (S.AT_HOSPITAL, S.CLEARED),
        (S.CLEARED, S.AVAILABLE),
        (S.CANCELLED, S.AVAILABLE),
        (S.AVAILABLE, None),
        (S.OUT_OF_SERVICE, None),
        (S.OFF_DUTY, None),
    ],
)
def test_usual_next(current: UnitStatus, expected: UnitStatus | None) -> None:
    assert usual_next(current) == expected


@pytest.mark.parametrize("status", list(UnitStatus))
def test_every_status_has_a_non_empty_entry_in_the_table(status: UnitStatus) -> None:
    allowed = allowed_next(status)
    assert allowed, f"{status} is a dead end"
    assert status not in allowed, f"{status} -> itself should not be a transition"
    assert all(isinstance(target, UnitStatus) for target in allowed)


@pytest.mark.parametrize("status", list(UnitStatus))
def test_every_usual_next_target_is_allowed(status: UnitStatus) -> None:
    target = usual_next(status)
    if target is not None:
        assert can_transition(status, target)


@pytest.mark.parametrize(
    ("current", "requested"),
    [
        (S.AVAILABLE, S.ON_SCENE),
        (S.AVAILABLE, S.CLEARED),
        (S.AVAILABLE, S.AVAILABLE),
        (S.ON_SCENE, S.DISPATCHED),
        (S.ON_SCENE, S.EN_ROUTE),
        (S.ON_SCENE, S.CANCELLED),
        (S.OFF_DUTY, S.DISPATCHED),
        (S.OUT_OF_SERVICE, S.DISPATCHED),
        (S.DISPATCHED, S.ON_SCENE),
        (S.DISPATCHED, S.AVAILABLE),
        (S.AT_HOSPITAL, S.AVAILABLE),
        (S.TRANSPORTING, S.ON_SCENE),
        (S.CANCELLED, S.OFF_DUTY),
        (S.STAGING, S.EN_ROUTE),
    ],
)
def test_forbidden_transitions_are_refused_readably(current: UnitStatus, requested: UnitStatus) -> None:
    assert not can_transition(current, requested)
    with pytest.raises(TransitionRefused) as caught:
        check_transition(current, requested)
    assert caught.value.current is current
    assert caught.value.requested is requested
    assert str(caught.value) == f"{current.value} -> {requested.value} is not allowed"


def test_transition_refused_is_an_exception_that_can_be_raised_and_compared() -> None:
    first = TransitionRefused(S.AVAILABLE, S.ON_SCENE)
    assert isinstance(first, Exception)
    assert first == TransitionRefused(S.AVAILABLE, S.ON_SCENE)
    assert "available -> on_scene" in str(first)


def test_dispatchable_statuses_can_be_dispatched() -> None:
    for status in DISPATCHABLE:
        assert can_transition(status, S.DISPATCHED)
    # ... and nothing that is committed elsewhere can be sent again without clearing first.
    for status in COMMITTED:
        assert not can_transition(status, S.DISPATCHED)


# --- assignments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "ends"),
    [
        (S.CLEARED, True),
        (S.CANCELLED, True),
        (S.AVAILABLE, True),
        (S.OUT_OF_SERVICE, True),
        (S.OFF_DUTY, True),
        (S.DISPATCHED, False),
        (S.ACKNOWLEDGED, False),
        (S.EN_ROUTE, False),
        (S.ON_SCENE, False),
        (S.PATIENT_CONTACT, False),
        (S.TRANSPORTING, False),
        (S.AT_HOSPITAL, False),
        (S.STAGING, False),
        (S.DELAYED, False),
    ],
)
def test_ends_assignment(status: UnitStatus, ends: bool) -> None:
    assert ends_assignment(status) is ends


def test_committed_statuses_never_end_an_assignment() -> None:
    assert not any(ends_assignment(status) for status in COMMITTED)


def test_milestone_columns_name_real_assignment_columns() -> None:
    assert set(MILESTONE_COLUMN.values()) == ASSIGNMENT_MILESTONE_COLUMNS
    assert len(set(MILESTONE_COLUMN.values())) == len(MILESTONE_COLUMN), "two statuses share a column"
    for status, column in MILESTONE_COLUMN.items():
        assert column == f"{status.value}_at"


def test_milestone_literal_matches_the_assignment_table() -> None:
    # The one place this file looks at the store, to keep the literal above honest.
    from dispatch.store.tables import Assignment

    columns = set(Assignment.__table__.columns.keys())
    assert columns >= ASSIGNMENT_MILESTONE_COLUMNS
    assert {name for name in columns if name.endswith("_at")} - {"dispatched_at"} == (
        ASSIGNMENT_MILESTONE_COLUMNS
    )


# --- incident status ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "units", "ever_dispatched", "expected"),
    [
        # No units working it.
        (IS.NEW, [], False, IS.AWAITING_DISPATCH),
        (IS.AWAITING_DISPATCH, [], False, IS.AWAITING_DISPATCH),
        (IS.DISPATCHED, [], True, IS.AWAITING_DISPATCH),
        (IS.ON_SCENE, [], True, IS.AWAITING_DISPATCH),
        # Any committed unit, none on scene yet.
        (IS.NEW, [S.DISPATCHED], True, IS.DISPATCHED),
        (IS.AWAITING_DISPATCH, [S.ACKNOWLEDGED], True, IS.DISPATCHED),
        (IS.AWAITING_DISPATCH, [S.EN_ROUTE, S.EN_ROUTE], True, IS.DISPATCHED),
        (IS.AWAITING_DISPATCH, [S.STAGING], True, IS.DISPATCHED),
        (IS.AWAITING_DISPATCH, [S.DELAYED], True, IS.DISPATCHED),
        (IS.ON_SCENE, [S.EN_ROUTE], True, IS.DISPATCHED),
        # Any unit on scene or later wins over the others.
        (IS.DISPATCHED, [S.ON_SCENE], True, IS.ON_SCENE),
        (IS.DISPATCHED, [S.EN_ROUTE, S.PATIENT_CONTACT], True, IS.ON_SCENE),
        (IS.DISPATCHED, [S.DISPATCHED, S.TRANSPORTING], True, IS.ON_SCENE),
        (IS.DISPATCHED, [S.AT_HOSPITAL], True, IS.ON_SCENE),
        # Units that no longer work it count as none.
        (IS.DISPATCHED, [S.CLEARED, S.CANCELLED], True, IS.AWAITING_DISPATCH),
        (IS.ON_SCENE, [S.AVAILABLE], True, IS.AWAITING_DISPATCH),
        # Closed and cancelled stay, whatever the units say.
        (IS.CLOSED, [], True, IS.CLOSED),
        (IS.CLOSED, [S.ON_SCENE], True, IS.CLOSED),
        (IS.CANCELLED, [S.DISPATCHED], False, IS.CANCELLED),
        (IS.CANCELLED, [], False, IS.CANCELLED),
        # Reopened: stays reopened until a unit is sent.
        (IS.REOPENED, [], False, IS.REOPENED),
        (IS.REOPENED, [S.CLEARED], False, IS.REOPENED),
        (IS.REOPENED, [], True, IS.AWAITING_DISPATCH),
        (IS.REOPENED, [S.DISPATCHED], True, IS.DISPATCHED),
        (IS.REOPENED, [S.ON_SCENE], True, IS.ON_SCENE),
    ],
)
def test_derive_incident_status(
    current: IncidentStatus, units: list[UnitStatus], ever_dispatched: bool, expected: IncidentStatus
) -> None:
    assert derive_incident_status(current, units, ever_dispatched=ever_dispatched) is expected
    # Any iterable will do, including a one-shot generator.
    assert derive_incident_status(current, iter(units), ever_dispatched=ever_dispatched) is expected


@given(
    current=st.sampled_from(list(IncidentStatus)),
    units=st.lists(st.sampled_from(list(UnitStatus)), max_size=6),
    ever_dispatched=st.booleans(),
)
def test_derived_status_is_order_independent_and_never_new(
    current: IncidentStatus, units: list[UnitStatus], ever_dispatched: bool
) -> None:
    derived = derive_incident_status(current, units, ever_dispatched=ever_dispatched)
    assert derived is derive_incident_status(current, reversed(units), ever_dispatched=ever_dispatched)
    if current in (IS.CLOSED, IS.CANCELLED):
        assert derived is current
    else:
        assert derived is not IS.NEW
        assert derived in (IS.AWAITING_DISPATCH, IS.DISPATCHED, IS.ON_SCENE, IS.REOPENED)


# --- the graph as a whole ----------------------------------------------------------------------


def _reachable_from(start: UnitStatus) -> set[UnitStatus]:
    seen = {start}
    queue = deque([start])
    while queue:
        for target in allowed_next(queue.popleft()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_every_status_is_reachable_from_available() -> None:
    assert _reachable_from(S.AVAILABLE) == set(UnitStatus)


@pytest.mark.parametrize("status", list(UnitStatus))
def test_available_is_reachable_from_every_status(status: UnitStatus) -> None:
    assert S.AVAILABLE in _reachable_from(status)


@settings(max_examples=200)
@given(choices=st.lists(st.integers(min_value=0, max_value=1_000), max_size=60))
def test_random_walks_never_reach_a_dead_end(choices: list[int]) -> None:
    status = S.AVAILABLE
    for choice in choices:
        options = sorted(allowed_next(status))
        assert options, f"dead end at {status}"
        target = options[choice % len(options)]
        check_transition(status, target)
        status = target
    assert allowed_next(status)


class UnitLifecycle(RuleBasedStateMachine):
    """A unit pushed around by random allowed and refused requests."""

    @initialize()
    def start(self) -> None:
        self.status = S.AVAILABLE

    @rule(data=st.data())
    def take_an_allowed_step(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(sorted(allowed_next(self.status))))
        check_transition(self.status, target)
        self.status = target

    @rule(requested=st.sampled_from(list(UnitStatus)))
    def request_anything(self, requested: UnitStatus) -> None:
        if can_transition(self.status, requested):
            check_transition(self.status, requested)
            self.status = requested
        else:
            with pytest.raises(TransitionRefused):
                check_transition(self.status, requested)

    @rule()
    def advance(self) -> None:
        target = usual_next(self.status)
        if target is not None:
            check_transition(self.status, target)
            self.status = target

    @invariant()
    def never_a_dead_end(self) -> None:
        assert allowed_next(self.status)

    @invariant()
    def can_always_get_back_to_available(self) -> None:
        assert S.AVAILABLE in _reachable_from(self.status)


UnitLifecycle.TestCase.settings = settings(max_examples=50, stateful_step_count=30)
TestUnitLifecycle = UnitLifecycle.TestCase
