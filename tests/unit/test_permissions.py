"""One table decides who may do what, for the services and the UI alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.codes import Refusal
from dispatch.domain.enums import Role
from dispatch.domain.lifecycle import may_override
from dispatch.domain.permissions import Action, can, refusal_for, roles_that_can

SUPERVISOR_ACTIONS = [action for action in Action if action is not Action.MANAGE_ADMINISTRATORS]


@pytest.mark.parametrize("action", list(Action))
def test_call_takers_and_dispatchers_may_do_none_of_the_permissioned_things(action: Action) -> None:
    assert not can(Role.CALL_TAKER, action)
    assert not can(Role.DISPATCHER, action)
    assert not can("call_taker", action)


@pytest.mark.parametrize("action", SUPERVISOR_ACTIONS)
def test_supervisors_and_administrators_may_do_the_supervisors_work(action: Action) -> None:
    assert can(Role.SUPERVISOR, action)
    assert can(Role.ADMIN, action)
    assert refusal_for(action) is Refusal.SUPERVISOR_ONLY
    assert roles_that_can(action) == (Role.SUPERVISOR, Role.ADMIN)


def test_only_administrators_manage_administrators() -> None:
    assert can(Role.ADMIN, Action.MANAGE_ADMINISTRATORS)
    assert not can(Role.SUPERVISOR, Action.MANAGE_ADMINISTRATORS)
    assert refusal_for(Action.MANAGE_ADMINISTRATORS) is Refusal.ADMINISTRATOR_ONLY


def test_settings_feeds_timers_and_area_are_permissioned() -> None:
    for action in (Action.EDIT_FEEDS, Action.EDIT_TIMER_LIMITS, Action.EDIT_CENTRE_AREA):
        assert [role for role in Role if can(role, action)] == [Role.SUPERVISOR, Role.ADMIN]


def test_the_lifecycle_override_asks_the_same_table() -> None:
    assert [role for role in Role if may_override(role)] == list(roles_that_can(Action.OVERRIDE_UNIT_STATUS))


@given(st.one_of(st.none(), st.text()), st.sampled_from(list(Action)))
def test_no_unknown_role_and_no_system_actor_may_do_anything(role: str | None, action: Action) -> None:
    if role in {member.value for member in Role}:
        return
    assert not can(role, action)
