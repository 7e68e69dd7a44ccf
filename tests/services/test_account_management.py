"""Supervisors and administrators unlock, deactivate, reset and change accounts: audited, refused
for the wrong role with the refusal's code, and never leaving the centre without a manager."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from dispatch.domain.accounts import MAX_FAILED_LOGINS, AccountProblem, LoginOutcome
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import Role
from dispatch.services import accounts
from dispatch.services.context import Actor, ServiceContext, ServiceError
from dispatch.store.tables import User
from tests.services.support import audited, last_audit_id

PASSWORD = "operator-112"
NEW_PASSWORD = "kopi-tubruk-pagi"


def _add(ctx: ServiceContext, username: str, role: Role) -> int:
    actor = accounts.create_user(ctx, username, username.title(), PASSWORD, PASSWORD, role)
    assert actor.user_id is not None
    return actor.user_id


def _as(ctx: ServiceContext, username: str, password: str = PASSWORD) -> ServiceContext:
    result = accounts.log_in(ctx, username, password)
    assert result.actor is not None, result
    return ctx.acting_as(result.actor)


@pytest.fixture
def installer(ctx: ServiceContext) -> ServiceContext:
    """The admin command's actor: no account of its own, the administrator's rights."""
    return ctx.acting_as(Actor(None, "installer:root", "Installer", Role.ADMIN.value))


@pytest.fixture
def budi(ctx: ServiceContext) -> int:
    return _add(ctx, "budi", Role.CALL_TAKER)


def _lock(ctx: ServiceContext, username: str) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        accounts.log_in(ctx, username, "wrong-password")
    assert accounts.log_in(ctx, username, PASSWORD).outcome is LoginOutcome.LOCKED


def _details(rows: list[Any]) -> list[tuple[str, str | None, dict[str, object]]]:
    return [(row.action, row.entity_id, json.loads(row.detail or "{}")) for row in rows]


def _user(ctx: ServiceContext, user_id: int) -> User:
    with ctx.database.transaction() as session:
        user = session.get(User, user_id)
        assert user is not None
        session.expunge(user)
        return user


def test_a_supervisor_unlocks_a_locked_account_audited(ctx: ServiceContext, budi: int) -> None:
    _lock(ctx, "budi")
    view, rows = audited(ctx, lambda: accounts.unlock_user(ctx, budi))
    assert view.locked_until is None
    assert _details(rows) == [("user.unlock", str(budi), {"username": "budi", "was_locked": True})]
    assert rows[0].user_name == "sari"
    assert accounts.log_in(ctx, "budi", PASSWORD).outcome is LoginOutcome.OK


def test_deactivated_accounts_cannot_log_in_until_reactivated(ctx: ServiceContext, budi: int) -> None:
    view, rows = audited(ctx, lambda: accounts.deactivate_user(ctx, budi))
    assert not view.active
    assert _details(rows) == [("user.deactivate", str(budi), {"username": "budi"})]
    assert accounts.log_in(ctx, "budi", PASSWORD).outcome is LoginOutcome.INACTIVE
    view, rows = audited(ctx, lambda: accounts.reactivate_user(ctx, budi))
    assert view.active
    assert _details(rows) == [("user.reactivate", str(budi), {"username": "budi"})]
    assert accounts.log_in(ctx, "budi", PASSWORD).outcome is LoginOutcome.OK


def test_a_password_reset_replaces_the_password_ends_a_lockout_and_audits_no_secret(
    ctx: ServiceContext, budi: int
) -> None:
    _lock(ctx, "budi")
    _, rows = audited(ctx, lambda: accounts.reset_password(ctx, budi, NEW_PASSWORD, NEW_PASSWORD))
    assert _details(rows) == [("user.password_reset", str(budi), {"username": "budi"})]
    assert NEW_PASSWORD not in str(rows[0].detail)
    assert accounts.log_in(ctx, "budi", PASSWORD).outcome is LoginOutcome.WRONG_CREDENTIALS
    assert accounts.log_in(ctx, "budi", NEW_PASSWORD).outcome is LoginOutcome.OK


@pytest.mark.parametrize(
    ("password", "repeated", "problems"),
    [
        ("short", "short", {"password": AccountProblem.PASSWORD_TOO_SHORT}),
        ("password1234", "password1234", {"password": AccountProblem.PASSWORD_COMMON}),
        ("budi-jaga-malam", "budi-jaga-malam", {"password": AccountProblem.PASSWORD_CONTAINS_USERNAME}),
        (NEW_PASSWORD, NEW_PASSWORD + "!", {"repeated": AccountProblem.PASSWORDS_DIFFER}),
    ],
)
def test_a_reset_password_follows_the_rules_of_a_new_one(
    ctx: ServiceContext, budi: int, password: str, repeated: str, problems: dict[str, AccountProblem]
) -> None:
    before = last_audit_id(ctx.database)
    with pytest.raises(accounts.AccountRefused) as refused:
        accounts.reset_password(ctx, budi, password, repeated)
    assert refused.value.code is Refusal.ACCOUNT_REFUSED
    assert refused.value.problems == problems
    assert last_audit_id(ctx.database) == before
    assert accounts.log_in(ctx, "budi", PASSWORD).outcome is LoginOutcome.OK


def test_a_new_account_follows_the_password_rules(ctx: ServiceContext) -> None:
    with pytest.raises(accounts.AccountRefused) as refused:
        accounts.create_user(ctx, "dewi", "Dewi", "dewi-112-pagi", "dewi-112-pagi", Role.DISPATCHER)
    assert refused.value.problems == {"password": AccountProblem.PASSWORD_CONTAINS_USERNAME}


def test_a_role_change_is_audited_with_before_and_after(ctx: ServiceContext, budi: int) -> None:
    view, rows = audited(ctx, lambda: accounts.change_role(ctx, budi, Role.DISPATCHER))
    assert view.role is Role.DISPATCHER
    assert _details(rows) == [
        ("user.role_change", str(budi), {"after": "dispatcher", "before": "call_taker", "username": "budi"})
    ]
    _, rows = audited(ctx, lambda: accounts.change_role(ctx, budi, Role.DISPATCHER))
    assert rows == []  # no change, nothing to record


ACTIONS: dict[str, Callable[[ServiceContext, int], object]] = {
    "unlock": accounts.unlock_user,
    "deactivate": accounts.deactivate_user,
    "reactivate": accounts.reactivate_user,
    "reset_password": lambda c, i: accounts.reset_password(c, i, NEW_PASSWORD, NEW_PASSWORD),
    "change_role": lambda c, i: accounts.change_role(c, i, Role.DISPATCHER),
    "create_user": lambda c, i: accounts.create_user(c, "eko", "Eko", PASSWORD, PASSWORD, Role.CALL_TAKER),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", [Role.CALL_TAKER, Role.DISPATCHER])
def test_call_takers_and_dispatchers_are_refused_every_account_action(
    ctx: ServiceContext, budi: int, action: str, role: Role
) -> None:
    _add(ctx, "rina", role)
    rina = _as(ctx, "rina")
    before = last_audit_id(ctx.database)
    with pytest.raises(ServiceError) as refused:
        ACTIONS[action](rina, budi)
    assert refused.value.code is Refusal.SUPERVISOR_ONLY
    assert last_audit_id(ctx.database) == before
    assert _user(ctx, budi).role == Role.CALL_TAKER.value


@pytest.mark.parametrize("action", ["deactivate", "reset_password", "change_role"])
def test_a_supervisor_may_not_change_an_administrators_account(
    ctx: ServiceContext, installer: ServiceContext, action: str
) -> None:
    admin = _add(installer, "andi", Role.ADMIN)
    before = last_audit_id(ctx.database)
    with pytest.raises(ServiceError) as refused:
        ACTIONS[action](ctx, admin)
    assert refused.value.code is Refusal.ADMINISTRATOR_ONLY
    assert last_audit_id(ctx.database) == before
    # ... but may unlock one (it gives no one the account)
    _lock(ctx, "andi")
    accounts.unlock_user(ctx, admin)
    assert accounts.log_in(ctx, "andi", PASSWORD).outcome is LoginOutcome.OK


def test_a_supervisor_may_not_raise_anyone_to_administrator(ctx: ServiceContext, budi: int) -> None:
    with pytest.raises(ServiceError) as refused:
        accounts.change_role(ctx, budi, Role.ADMIN)
    assert refused.value.code is Refusal.ADMINISTRATOR_ONLY
    with pytest.raises(ServiceError) as refused:
        accounts.create_user(ctx, "eko", "Eko", PASSWORD, PASSWORD, Role.ADMIN)
    assert refused.value.code is Refusal.ADMINISTRATOR_ONLY
    sari = _user(ctx, 1)
    with pytest.raises(ServiceError) as refused:
        accounts.change_role(ctx, sari.id, Role.ADMIN)  # not even herself
    assert refused.value.code is Refusal.ADMINISTRATOR_ONLY
    assert _user(ctx, budi).role == Role.CALL_TAKER.value


def test_an_administrator_raises_and_lowers_administrators(installer: ServiceContext, budi: int) -> None:
    admin_id = _add(installer, "andi", Role.ADMIN)
    andi_ctx = _as(installer, "andi")
    accounts.change_role(andi_ctx, budi, Role.ADMIN)
    assert _user(installer, budi).role == Role.ADMIN.value
    accounts.change_role(andi_ctx, admin_id, Role.SUPERVISOR)  # another administrator remains
    assert _user(installer, admin_id).role == Role.SUPERVISOR.value


def test_the_last_active_administrator_cannot_be_locked_out(installer: ServiceContext) -> None:
    admin_id = _add(installer, "andi", Role.ADMIN)
    andi = _as(installer, "andi")
    for action in (accounts.deactivate_user, lambda c, i: accounts.change_role(c, i, Role.SUPERVISOR)):
        before = last_audit_id(andi.database)
        with pytest.raises(ServiceError) as refused:
            action(andi, admin_id)
        assert refused.value.code is Refusal.LAST_ADMINISTRATOR
        assert last_audit_id(andi.database) == before
    second = _add(andi, "wayan", Role.ADMIN)
    accounts.deactivate_user(andi, admin_id)  # wayan is still an active administrator
    with pytest.raises(ServiceError) as refused:
        accounts.deactivate_user(_as(andi, "wayan"), second)
    assert refused.value.code is Refusal.LAST_ADMINISTRATOR


def test_without_administrators_the_last_supervisor_cannot_be_locked_out(
    ctx: ServiceContext, budi: int
) -> None:
    sari = _user(ctx, 1)
    for action in (accounts.deactivate_user, lambda c, i: accounts.change_role(c, i, Role.DISPATCHER)):
        with pytest.raises(ServiceError) as refused:
            action(ctx, sari.id)
        assert refused.value.code is Refusal.LAST_ACCOUNT_MANAGER
    accounts.change_role(ctx, budi, Role.SUPERVISOR)
    accounts.deactivate_user(ctx, sari.id)  # budi manages now
    assert accounts.log_in(ctx, "sari", "rahasia-112").outcome is LoginOutcome.INACTIVE


def test_an_unknown_account_is_refused(ctx: ServiceContext) -> None:
    for action in ACTIONS.values():
        if action is ACTIONS["create_user"]:
            continue
        with pytest.raises(ServiceError) as refused:
            action(ctx, 999)
        assert refused.value.code is Refusal.NO_SUCH_USER


def test_accounts_listed_with_their_state(ctx: ServiceContext, budi: int) -> None:
    _lock(ctx, "budi")
    views = {view.username: view for view in accounts.list_users(ctx)}
    assert views["budi"].locked_until is not None
    assert views["sari"].role is Role.SUPERVISOR
    assert views["budi"].active
