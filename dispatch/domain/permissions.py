"""Who may do what: one table of role and action, asked by the services and the UI alike.

Only actions that some role may not do are listed; everything else (answering calls, typing an
incident, dispatching, acknowledging alerts) is every logged-in person's work. The services refuse
with :func:`refusal_for`; the UI asks the same :func:`can` to grey out or hide what a role may not
do, and says why.
"""

from __future__ import annotations

from enum import StrEnum

from dispatch.domain.codes import Refusal
from dispatch.domain.enums import Role


class Action(StrEnum):
    """Every permissioned thing the console does."""

    #: Add accounts; unlock, deactivate, reactivate, reset the password of and change the role of
    #: an account that is not an administrator's.
    MANAGE_ACCOUNTS = "manage_accounts"
    #: Add an administrator, raise anyone to administrator, or change an administrator's account
    #: (reset its password, deactivate it, change its role).
    MANAGE_ADMINISTRATORS = "manage_administrators"
    #: Add, change, deactivate, import and load units of the roster.
    EDIT_ROSTER = "edit_roster"
    #: Set a unit's status outside the lifecycle's transitions (with a reason).
    OVERRIDE_UNIT_STATUS = "override_unit_status"
    #: Close a callback without calling back.
    CLOSE_CALLBACK = "close_callback"
    #: Put numbers on the watch list, record block requests, lift flags.
    MANAGE_NUMBER_FLAGS = "manage_number_flags"
    #: The console's feeds (caller-ID hardware, PBX) in Settings.
    EDIT_FEEDS = "edit_feeds"
    #: The overdue-timer limits and the alert sound in Settings.
    EDIT_TIMER_LIMITS = "edit_timer_limits"
    #: The centre's own area in Settings.
    EDIT_CENTRE_AREA = "edit_centre_area"
    #: Open and close duty shifts, sign off and acknowledge handover reports, add addenda.
    MANAGE_SHIFTS = "manage_shifts"
    #: Browse shift logs and incident timelines, draw and score quality-review samples, write reports.
    REVIEW_SHIFTS = "review_shifts"
    #: Run training scenarios (the trainer's position): start, pause, inject calls, play the caller,
    #: delay units, end and score a session.
    RUN_TRAINING = "run_training"
    #: Keep the agency directory and the camera registry (add, change, deactivate, import).
    EDIT_DIRECTORY = "edit_directory"


_SUPERVISOR_ACTIONS = frozenset(Action) - {Action.MANAGE_ADMINISTRATORS}

#: What each role may do, beyond the work every role does.
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CALL_TAKER: frozenset(),
    Role.DISPATCHER: frozenset(),
    Role.SUPERVISOR: _SUPERVISOR_ACTIONS,
    Role.ADMIN: frozenset(Action),
}


def can(role: Role | str | None, action: Action) -> bool:
    """Whether ``role`` may do ``action``; an unknown or missing role (the system) may not."""
    try:
        known = Role(role) if role else None
    except ValueError:
        return False
    return known is not None and action in PERMISSIONS[known]


def refusal_for(action: Action) -> Refusal:
    """The refusal a service gives a role that may not do ``action`` (who could do it instead)."""
    if action is Action.MANAGE_ADMINISTRATORS:
        return Refusal.ADMINISTRATOR_ONLY
    return Refusal.SUPERVISOR_ONLY


def roles_that_can(action: Action) -> tuple[Role, ...]:
    return tuple(role for role in Role if action in PERMISSIONS[role])
