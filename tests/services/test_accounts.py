"""Consoles, accounts and logging in, through the real services on a real SQLite file."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from dispatch.domain.accounts import LOCKOUT, MAX_FAILED_LOGINS, AccountProblem, LoginOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Role
from dispatch.domain.shifts import DEFAULT_PATTERN, shift_at
from dispatch.services import accounts, shifts
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import Database
from dispatch.store.tables import Attendance, Console, User
from tests.conftest import SUPERVISOR_PASSWORD
from tests.services.support import audit_since, audited, last_audit_id


def test_registering_a_console_twice_finds_the_same_row(
    database: Database, clock: ManualClock, bus: ChangeBus
) -> None:
    first = accounts.register_console(database, clock, bus, "KONSOL-01", "host-a")
    again = accounts.register_console(database, clock, bus, "KONSOL-01", "host-b")
    assert again.console_id == first.console_id
    with database.transaction() as session:
        assert session.scalars(select(Console.hostname)).all() == ["host-a"]
    assert [row.action for row in audit_since(database, 0)] == ["console.register"]


def test_the_first_supervisor_can_be_created_only_once(console_ctx: ServiceContext) -> None:
    assert not accounts.has_users(console_ctx)
    actor, rows = audited(
        console_ctx,
        lambda: accounts.create_first_supervisor(
            console_ctx, " Sari ", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
        ),
    )
    assert (actor.user_name, actor.full_name, actor.role) == ("sari", "Sari Wulandari", Role.SUPERVISOR)
    assert accounts.has_users(console_ctx)
    assert [(row.action, row.user_name, row.entity_id) for row in rows] == [
        ("user.create", "system", str(actor.user_id))
    ]

    with pytest.raises(ServiceError, match="accounts_exist") as refused:
        accounts.create_first_supervisor(console_ctx, "eko", "Eko", "password-2", "password-2")
    assert refused.value.code == "accounts_exist"
    with console_ctx.database.transaction() as session:
        assert session.scalars(select(User.username)).all() == ["sari"]


@pytest.mark.parametrize(
    ("username", "full_name", "password", "repeated", "problems"),
    [
        ("A B", "Budi", "password-1", "password-1", {"username": AccountProblem.USERNAME_INVALID}),
        ("x", "Budi", "password-1", "password-1", {"username": AccountProblem.USERNAME_INVALID}),
        ("budi", "   ", "password-1", "password-1", {"full_name": AccountProblem.FULL_NAME_MISSING}),
        ("budi", "Budi", "short", "short", {"password": AccountProblem.PASSWORD_TOO_SHORT}),
        ("budi", "Budi", "password-1", "password-2", {"repeated": AccountProblem.PASSWORDS_DIFFER}),
        ("sari", "Sari Lain", "password-1", "password-1", {"username": AccountProblem.USERNAME_TAKEN}),
        (
            "",
            "",
            "",
            "",
            {
                "username": AccountProblem.USERNAME_INVALID,
                "full_name": AccountProblem.FULL_NAME_MISSING,
                "password": AccountProblem.PASSWORD_TOO_SHORT,
            },
        ),
    ],
)
def test_account_problems_are_reported_per_field(
    ctx: ServiceContext,
    username: str,
    full_name: str,
    password: str,
    repeated: str,
    problems: dict[str, AccountProblem],
) -> None:
    before = last_audit_id(ctx.database)
    with pytest.raises(accounts.AccountRefused) as refused:
        accounts.create_user(ctx, username, full_name, password, repeated, Role.CALL_TAKER)
    assert refused.value.problems == problems
    assert refused.value.code == "account_refused"
    assert audit_since(ctx.database, before) == []
    with ctx.database.transaction() as session:
        assert session.scalars(select(User.username)).all() == ["sari"]


def test_a_supervisor_creates_a_call_taker(ctx: ServiceContext) -> None:
    actor, rows = audited(
        ctx,
        lambda: accounts.create_user(
            ctx, "Budi", "Budi Santoso", "password-1", "password-1", Role.CALL_TAKER
        ),
    )
    assert (actor.user_name, actor.role) == ("budi", "call_taker")
    assert [(row.action, row.user_name, row.console_name) for row in rows] == [
        ("user.create", "sari", "KONSOL-01")
    ]
    assert json.loads(rows[0].detail or "{}") == {"role": "call_taker", "username": "budi"}
    assert accounts.log_in(ctx, "budi", "password-1").outcome is LoginOutcome.OK


@pytest.fixture
def supervisor(console_ctx: ServiceContext) -> ServiceContext:
    """Sari's account exists; no one is logged in."""
    accounts.create_first_supervisor(
        console_ctx, "sari", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
    )
    return console_ctx


def test_logging_in_audits_and_opens_a_shift(supervisor: ServiceContext, clock: ManualClock) -> None:
    result, rows = audited(supervisor, lambda: accounts.log_in(supervisor, "  SARI ", SUPERVISOR_PASSWORD))
    assert result.outcome is LoginOutcome.OK
    assert result.actor is not None
    assert (result.actor.user_name, result.actor.full_name) == ("sari", "Sari Wulandari")
    assert [(r.action, r.user_name, r.console_name, r.user_id) for r in rows] == [
        ("user.login", "sari", "KONSOL-01", result.actor.user_id)
    ]
    assert rows[0].console_id == supervisor.console_id
    assert rows[0].at == clock.now()
    with supervisor.database.transaction() as session:
        shift = session.scalars(select(Attendance)).one()
        user = session.scalars(select(User)).one()
    assert (shift.user_id, shift.console_id) == (result.actor.user_id, supervisor.console_id)
    assert shift.started_at == clock.now()
    assert shift.ended_at is None
    assert user.last_login_at == clock.now()

    clock.advance(8 * 3600)
    logged_in = supervisor.acting_as(result.actor)
    _, rows = audited(logged_in, lambda: accounts.log_out(logged_in))
    assert [(r.action, r.user_name) for r in rows] == [("user.logout", "sari")]
    with supervisor.database.transaction() as session:
        shift = session.scalars(select(Attendance)).one()
    assert shift.ended_at == clock.now()


def test_each_login_opens_its_own_shift(supervisor: ServiceContext, clock: ManualClock) -> None:
    for _ in range(2):
        actor = accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD).actor
        assert actor is not None
        clock.advance(60)
        accounts.log_out(supervisor.acting_as(actor))
        clock.advance(60)
    with supervisor.database.transaction() as session:
        shifts = session.scalars(select(Attendance).order_by(Attendance.id)).all()
    assert len(shifts) == 2
    assert all(shift.ended_at is not None and shift.ended_at > shift.started_at for shift in shifts)


def test_a_wrong_password_is_refused_and_audited(supervisor: ServiceContext) -> None:
    result, rows = audited(supervisor, lambda: accounts.log_in(supervisor, "sari", "wrong-password"))
    assert result == accounts.LoginResult(LoginOutcome.WRONG_CREDENTIALS)
    assert [(r.action, r.user_name) for r in rows] == [("user.login_failed", "sari")]
    assert json.loads(rows[0].detail or "{}") == {"locked": False, "reason": "password"}
    with supervisor.database.transaction() as session:
        assert session.scalars(select(Attendance)).all() == []


def test_an_unknown_username_is_audited_without_the_typed_text(supervisor: ServiceContext) -> None:
    # What was typed may be a password typed into the name field: it is not stored.
    result, rows = audited(supervisor, lambda: accounts.log_in(supervisor, " Rahasia-Sari-1 ", "anything"))
    assert result.outcome is LoginOutcome.WRONG_CREDENTIALS
    assert result.actor is None
    assert [(r.action, r.user_name, r.user_id, r.console_name) for r in rows] == [
        ("user.login_failed", "?", None, "KONSOL-01")
    ]
    assert json.loads(rows[0].detail or "{}") == {"reason": "unknown"}
    assert "rahasia" not in " ".join(f"{r.user_name} {r.detail} {r.entity_id}" for r in rows).lower()


def test_a_failed_login_of_an_existing_user_is_audited_under_the_account(supervisor: ServiceContext) -> None:
    _, rows = audited(supervisor, lambda: accounts.log_in(supervisor, " SARI ", "wrong-password"))
    assert [(r.action, r.user_name, r.user_id) for r in rows] == [("user.login_failed", "sari", 1)]


def test_five_wrong_passwords_lock_the_account_until_the_lockout_ends(
    supervisor: ServiceContext, clock: ManualClock
) -> None:
    outcomes = []
    for _ in range(MAX_FAILED_LOGINS):
        outcomes.append(accounts.log_in(supervisor, "sari", "wrong-password").outcome)
        clock.advance(5)
    assert outcomes == [LoginOutcome.WRONG_CREDENTIALS] * (MAX_FAILED_LOGINS - 1) + [LoginOutcome.LOCKED]

    before = last_audit_id(supervisor.database)
    assert accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD).outcome is LoginOutcome.LOCKED
    rows = audit_since(supervisor.database, before)
    assert [(r.action, json.loads(r.detail or "{}")) for r in rows] == [
        ("user.login_failed", {"reason": "locked"})
    ]

    clock.advance(LOCKOUT.total_seconds() - 30)
    assert accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD).outcome is LoginOutcome.LOCKED
    clock.advance(60)
    result = accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD)
    assert result.outcome is LoginOutcome.OK
    with supervisor.database.transaction() as session:
        user = session.scalars(select(User)).one()
    assert (user.failed_logins, user.locked_until) == (0, None)


def test_a_successful_login_resets_the_failure_count(supervisor: ServiceContext) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        accounts.log_in(supervisor, "sari", "wrong-password")
    assert accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD).outcome is LoginOutcome.OK
    for _ in range(MAX_FAILED_LOGINS - 1):
        assert accounts.log_in(supervisor, "sari", "wrong-password").outcome is LoginOutcome.WRONG_CREDENTIALS
    assert accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD).outcome is LoginOutcome.OK


def test_an_inactive_account_cannot_log_in(supervisor: ServiceContext) -> None:
    with supervisor.database.transaction() as session:
        session.scalars(select(User)).one().active = False
    result, rows = audited(supervisor, lambda: accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD))
    assert result.outcome is LoginOutcome.INACTIVE
    assert [(r.action, json.loads(r.detail or "{}")) for r in rows] == [
        ("user.login_failed", {"reason": "inactive"})
    ]


def test_only_supervisors_and_administrators_create_accounts(ctx: ServiceContext) -> None:
    accounts.create_user(ctx, "budi", "Budi Santoso", "operator-112", "operator-112", Role.CALL_TAKER)
    budi = accounts.log_in(ctx, "budi", "operator-112").actor
    assert budi is not None
    with pytest.raises(ServiceError, match="supervisor_only"):
        accounts.create_user(
            ctx.acting_as(budi), "dewi", "Dewi", "operator-112", "operator-112", Role.SUPERVISOR
        )


def test_logging_in_records_the_position_and_the_open_duty_shift(
    supervisor: ServiceContext, clock: ManualClock
) -> None:
    first, rows = audited(
        supervisor, lambda: accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD, position="supervisor")
    )
    assert first.actor is not None
    assert json.loads(rows[0].detail or "{}") == {"position": "supervisor"}  # no shift open yet
    sari = supervisor.acting_as(first.actor)
    morning = shifts.open_shift(sari, shift_at(DEFAULT_PATTERN, ZoneInfo("Asia/Jakarta"), clock.now()))
    accounts.create_user(sari, "budi", "Budi Santoso", "operator-112", "operator-112", Role.CALL_TAKER)
    clock.advance(60)
    budi, rows = audited(
        supervisor, lambda: accounts.change_user(sari, "budi", "operator-112", position="call_taker")
    )
    assert budi.actor is not None
    assert [(r.action, json.loads(r.detail or "{}")) for r in rows] == [
        ("user.logout", {"handed_to": "budi"}),
        ("user.login", {"duty_shift": morning.id, "position": "call_taker"}),
    ]
    clock.advance(60)
    plain = accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD)  # the command line gives none
    assert plain.actor is not None
    with supervisor.database.transaction() as session:
        rows_now = session.execute(
            select(
                Attendance.user_id, Attendance.duty_shift_id, Attendance.position, Attendance.ended_at
            ).order_by(Attendance.id)
        ).all()
    assert rows_now == [
        (first.actor.user_id, None, "supervisor", clock.now() - timedelta(seconds=60)),
        (budi.actor.user_id, morning.id, "call_taker", None),
        (first.actor.user_id, morning.id, "", None),
    ]


def test_a_refused_log_in_records_no_attendance_under_the_shift(ctx: ServiceContext) -> None:
    shifts.open_shift(ctx, shift_at(DEFAULT_PATTERN, ZoneInfo("Asia/Jakarta"), ctx.clock.now()))
    assert accounts.log_in(ctx, "sari", "wrong-password", position="call_taker").actor is None
    with ctx.database.transaction() as session:
        assert session.scalars(select(Attendance.duty_shift_id)).all() == [None]  # the fixture's log-in


def test_a_position_is_a_code_not_free_text(supervisor: ServiceContext) -> None:
    with pytest.raises(ValueError, match="position"):
        accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD, position="x" * 17)


def test_the_first_log_in_of_a_start_gets_its_position_once_the_window_knows_it(
    supervisor: ServiceContext,
) -> None:
    login = accounts.log_in(supervisor, "sari", SUPERVISOR_PASSWORD)  # before the role is known
    assert login.actor is not None
    sari = supervisor.acting_as(login.actor)
    accounts.record_position(sari, "supervisor")
    accounts.record_position(sari, "call_taker")  # a row that has its position keeps it
    with supervisor.database.transaction() as session:
        positions = session.scalars(select(Attendance.position).order_by(Attendance.id)).all()
    assert positions[-1] == "supervisor"
    with pytest.raises(ValueError, match="position"):
        accounts.record_position(sari, "x" * 17)
