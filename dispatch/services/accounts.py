"""Consoles, user accounts and logging in (argon2 hashes, lockout after five wrong passwords).

Supervisors and administrators manage accounts (add, unlock, deactivate, reactivate, reset a
password, change a role); only an administrator touches an administrator's account or makes one,
and no change may leave the centre without an active administrator (or, where there is none, without
an active supervisor). Every change is audited.

The lockout counter holds under parallel guessing: the read of an account's counter, the password
check and the counter's write are one transaction that holds the account: SQLite begins it
IMMEDIATE (one writer at a time), PostgreSQL locks the user's row (``SELECT ... FOR UPDATE``). So
five wrong passwords lock the account however many consoles or processes guess at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dispatch.domain.accounts import (
    AccountProblem,
    LockState,
    LoginOutcome,
    account_problems,
    after_failure,
    after_success,
    is_locked,
    new_password_problems,
)
from dispatch.domain.clock import Clock
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import Role
from dispatch.domain.permissions import Action, roles_that_can
from dispatch.services.bus import ChangeBus
from dispatch.services.context import Actor, ServiceContext, ServiceError, audit
from dispatch.services.permissions import require
from dispatch.services.uow import UnitOfWork, reading, unit_of_work
from dispatch.store.database import Database
from dispatch.store.tables import Attendance, Console, DutyShift, User

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verifying against this keeps a wrong username as slow as a wrong password."""
    return _hasher.hash("not a password of anyone")


def register_console(
    database: Database, clock: Clock, bus: ChangeBus, name: str, hostname: str
) -> ServiceContext:
    """Find or add this console's row and return the context its services run in."""
    # Until its row exists the console has no id; the audit row names the new one.
    unregistered = ServiceContext(database, clock, bus, 0, name)
    with unit_of_work(unregistered) as work:
        session = work.session
        console = session.scalars(select(Console).where(Console.name == name)).first()
        if console is None:
            console = Console(name=name, hostname=hostname, registered_at=clock.now())
            session.add(console)
            session.flush()
            ctx = ServiceContext(database, clock, bus, console.id, console.name)
            work.audit(AuditAction.CONSOLE_REGISTER, "console", console.id, acting=ctx, hostname=hostname)
        else:
            ctx = ServiceContext(database, clock, bus, console.id, console.name)
    return ctx


def has_users(ctx: ServiceContext) -> bool:
    with reading(ctx) as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


class AccountRefused(ServiceError):
    def __init__(self, problems: dict[str, AccountProblem]) -> None:
        super().__init__(Refusal.ACCOUNT_REFUSED, problems=problems)
        self.problems = problems


#: Roles that manage accounts (an account of one of these keeps the centre manageable).
ACCOUNT_MANAGERS = tuple(role.value for role in roles_that_can(Action.MANAGE_ACCOUNTS))
#: The name a failed login is audited under when the typed name is nobody's (it may be a password
#: typed into the wrong field, so it is not stored).
UNKNOWN_USER = "?"


def create_user(
    ctx: ServiceContext, username: str, full_name: str, password: str, repeated: str, role: Role
) -> Actor:
    """A supervisor or administrator adds an account (an administrator's: administrators only)."""
    require(ctx, Action.MANAGE_ACCOUNTS)
    if role is Role.ADMIN:
        require(ctx, Action.MANAGE_ADMINISTRATORS)
    return _create_user(ctx, username, full_name, password, repeated, role)


def _create_user(
    ctx: ServiceContext, username: str, full_name: str, password: str, repeated: str, role: Role
) -> Actor:
    username = username.strip().lower()
    problems = account_problems(username, full_name, password, repeated)
    with unit_of_work(ctx) as work:
        session = work.session
        if (
            "username" not in problems
            and session.scalars(select(User.id).where(User.username == username)).first()
        ):
            problems["username"] = AccountProblem.USERNAME_TAKEN
        if problems:
            raise AccountRefused(problems)
        user = User(
            username=username,
            full_name=full_name.strip(),
            role=role.value,
            password_hash=_hasher.hash(password),
            active=True,
            failed_logins=0,
            created_at=ctx.clock.now(),
        )
        session.add(user)
        session.flush()
        audit(session, ctx, AuditAction.USER_CREATE, "user", user.id, username=username, role=role.value)
        return Actor(user.id, user.username, user.full_name, user.role)


def create_first_supervisor(
    ctx: ServiceContext, username: str, full_name: str, password: str, repeated: str
) -> Actor:
    """Only allowed while the database has no accounts at all."""
    if has_users(ctx):
        raise ServiceError(Refusal.ACCOUNTS_EXIST)
    return _create_user(ctx, username, full_name, password, repeated, Role.SUPERVISOR)


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None


def list_users(ctx: ServiceContext) -> list[UserView]:
    with ctx.database.sessions() as session:
        return [
            UserView(u.id, u.username, u.full_name, Role(u.role), u.active, u.locked_until, u.last_login_at)
            for u in session.scalars(select(User).order_by(User.username))
        ]


@dataclass(frozen=True)
class LoginResult:
    outcome: LoginOutcome
    actor: Actor | None = None


def log_in(ctx: ServiceContext, username: str, password: str, position: str = "") -> LoginResult:
    """Check a password; every attempt, good or bad, is audited under the name that was typed.

    A good one begins the person's attendance at this console, in ``position`` (the window's
    ``ui.positions.Position`` value; "" from the command line), under the duty shift open now.
    """
    _check_position(position)
    with unit_of_work(ctx) as work:
        return _log_in(work, ctx, username, password, position, handing_over=False)


def change_user(ctx: ServiceContext, username: str, password: str, position: str = "") -> LoginResult:
    """A shift change at the console: the next user logs in and ``ctx``'s user is logged out.

    One transaction: the old user's shift ends (``user.logout``, naming who took over) and the new
    one's begins (``user.login``), in that order. A refused attempt is audited as any login is and
    changes nothing else: the old user stays logged in. The same user logging in again ends the
    shift and begins a new one. A console where no one is logged in (``ctx.actor`` has no user id)
    just logs the new user in. The new attendance is tied like ``log_in``'s.
    """
    _check_position(position)
    with unit_of_work(ctx) as work:
        return _log_in(work, ctx, username, password, position, handing_over=True)


#: ``attendance.position`` holds a position's code, not a name typed by a person.
POSITION_MAX = 16


def _check_position(position: str) -> None:
    if len(position) > POSITION_MAX:
        raise ValueError(f"position code longer than {POSITION_MAX} characters: {position!r}")


def _log_in(
    work: UnitOfWork,
    ctx: ServiceContext,
    username: str,
    password: str,
    position: str,
    *,
    handing_over: bool,
) -> LoginResult:
    username = username.strip().lower()
    now = ctx.clock.now()
    session = work.session
    # Locks the row on PostgreSQL; on SQLite the unit of work already holds the write lock.
    user = session.scalars(select(User).where(User.username == username).with_for_update()).first()
    attempt = ctx.acting_as(Actor(None, UNKNOWN_USER) if user is None else Actor(user.id, user.username))
    if user is None:
        _verify(_dummy_hash(), password)
        audit(session, attempt, AuditAction.USER_LOGIN_FAILED, "user", None, reason="unknown")
        return LoginResult(LoginOutcome.WRONG_CREDENTIALS)
    state = LockState(user.failed_logins, user.locked_until)
    if not user.active:
        audit(session, attempt, AuditAction.USER_LOGIN_FAILED, "user", user.id, reason="inactive")
        return LoginResult(LoginOutcome.INACTIVE)
    if is_locked(state, now):
        audit(session, attempt, AuditAction.USER_LOGIN_FAILED, "user", user.id, reason="locked")
        return LoginResult(LoginOutcome.LOCKED)
    if not _verify(user.password_hash, password):
        state = after_failure(state, now)
        user.failed_logins, user.locked_until = state.failed_logins, state.locked_until
        locked = is_locked(state, now)
        audit(
            session,
            attempt,
            AuditAction.USER_LOGIN_FAILED,
            "user",
            user.id,
            reason="password",
            locked=locked,
        )
        return LoginResult(LoginOutcome.LOCKED if locked else LoginOutcome.WRONG_CREDENTIALS)
    state = after_success()
    user.failed_logins, user.locked_until = state.failed_logins, state.locked_until
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    actor = Actor(user.id, user.username, user.full_name, user.role)
    if handing_over and ctx.actor.user_id is not None:
        _end_shift(session, ctx, now, handed_to=user.username)
    duty_shift = session.scalars(select(DutyShift.id).where(DutyShift.closed_at.is_(None))).first()
    session.add(
        Attendance(
            console_id=ctx.console_id,
            user_id=user.id,
            started_at=now,
            duty_shift_id=duty_shift,
            position=position,
        )
    )
    tied: dict[str, object] = {"position": position} if position else {}
    if duty_shift is not None:
        tied["duty_shift"] = duty_shift
    audit(session, ctx.acting_as(actor), AuditAction.USER_LOGIN, "user", user.id, **tied)
    return LoginResult(LoginOutcome.OK, actor)


def record_position(ctx: ServiceContext, position: str) -> None:
    """The position ``ctx``'s user took at this console, on their open attendance row.

    For the first log-in of a start, which happens before the window knows the user's role and so
    the position it will be arranged in. A row that already has a position keeps it.
    """
    _check_position(position)
    with unit_of_work(ctx) as work:
        row = _open_attendance(work.session, ctx)
        if row is not None and not row.position:
            row.position = position


def log_out(ctx: ServiceContext) -> None:
    """``ctx``'s user leaves the console: their shift here ends (audited)."""
    with unit_of_work(ctx) as work:
        _end_shift(work.session, ctx, ctx.clock.now())


def _end_shift(session: Session, ctx: ServiceContext, now: datetime, **detail: Any) -> None:
    shift = _open_attendance(session, ctx)
    if shift is not None:
        shift.ended_at = now
    audit(session, ctx, AuditAction.USER_LOGOUT, "user", ctx.actor.user_id, **detail)


def _open_attendance(session: Session, ctx: ServiceContext) -> Attendance | None:
    """``ctx``'s user's latest attendance at this console still open."""
    return session.scalars(
        select(Attendance)
        .where(
            Attendance.user_id == ctx.actor.user_id,
            Attendance.console_id == ctx.console_id,
            Attendance.ended_at.is_(None),
        )
        .order_by(Attendance.started_at.desc())
        .limit(1)
    ).first()


def _verify(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


# --- managing accounts (supervisors and administrators) ------------------------------------------


def unlock_user(ctx: ServiceContext, user_id: int) -> UserView:
    """End a lockout and clear the count of wrong passwords."""
    with unit_of_work(ctx) as work:
        user = _managed(work, user_id, unlock=True)
        was_locked = is_locked(LockState(user.failed_logins, user.locked_until), ctx.clock.now())
        user.failed_logins, user.locked_until = 0, None
        work.audit(AuditAction.USER_UNLOCK, "user", user.id, username=user.username, was_locked=was_locked)
        return _view(user)


def deactivate_user(ctx: ServiceContext, user_id: int) -> UserView:
    """The account can no longer log in (it stays on record, with its history)."""
    with unit_of_work(ctx) as work:
        user = _managed(work, user_id)
        if user.active:
            _keep_the_centre_manageable(work, user, losing=True)
            user.active = False
            work.audit(AuditAction.USER_DEACTIVATE, "user", user.id, username=user.username)
        return _view(user)


def reactivate_user(ctx: ServiceContext, user_id: int) -> UserView:
    with unit_of_work(ctx) as work:
        user = _managed(work, user_id)
        if not user.active:
            user.active = True
            work.audit(AuditAction.USER_REACTIVATE, "user", user.id, username=user.username)
        return _view(user)


def reset_password(ctx: ServiceContext, user_id: int, password: str, repeated: str) -> UserView:
    """Set a new password (the same rules as a new account's); a lockout ends with it."""
    with unit_of_work(ctx) as work:
        user = _managed(work, user_id)
        problems = new_password_problems(user.username, password, repeated)
        if problems:
            raise AccountRefused(problems)
        user.password_hash = _hasher.hash(password)
        user.failed_logins, user.locked_until = 0, None
        work.audit(AuditAction.USER_PASSWORD_RESET, "user", user.id, username=user.username)
        return _view(user)


def change_role(ctx: ServiceContext, user_id: int, role: Role) -> UserView:
    """Give the account another role; making an administrator needs an administrator."""
    with unit_of_work(ctx) as work:
        user = _managed(work, user_id)
        if role is Role.ADMIN:
            require(ctx, Action.MANAGE_ADMINISTRATORS, user_id=user_id)
        if user.role != role.value:
            if user.active and role.value != Role.ADMIN.value:
                _keep_the_centre_manageable(work, user, losing=role.value not in ACCOUNT_MANAGERS)
            before, user.role = user.role, role.value
            work.audit(
                AuditAction.USER_ROLE_CHANGE,
                "user",
                user.id,
                username=user.username,
                before=before,
                after=role.value,
            )
        return _view(user)


def _managed(work: UnitOfWork, user_id: int, *, unlock: bool = False) -> User:
    """The account ``user_id``, locked for this change, if the actor may manage it.

    Unlocking any account is a supervisor's work; every other change to an administrator's account
    is an administrator's.
    """
    require(work.ctx, Action.MANAGE_ACCOUNTS, user_id=user_id)
    user = work.session.scalars(select(User).where(User.id == user_id).with_for_update()).first()
    if user is None:
        work.refuse(Refusal.NO_SUCH_USER, user_id=user_id)
    if user.role == Role.ADMIN.value and not unlock:
        require(work.ctx, Action.MANAGE_ADMINISTRATORS, user_id=user_id)
    return user


def _keep_the_centre_manageable(work: UnitOfWork, user: User, *, losing: bool) -> None:
    """Refuse a change that leaves no active administrator, or no active account manager at all.

    ``losing``: the account stops managing accounts (deactivated, or made a call-taker or
    dispatcher); otherwise it only stops being an administrator. The other managers' rows are
    locked, so two supervisors deactivating each other at once cannot both succeed.
    """
    others = work.session.execute(
        select(User.id, User.role)
        .where(User.active.is_(True), User.role.in_(ACCOUNT_MANAGERS), User.id != user.id)
        .with_for_update()
    ).all()
    if user.role == Role.ADMIN.value and not any(role == Role.ADMIN.value for _, role in others):
        work.refuse(Refusal.LAST_ADMINISTRATOR, user_id=user.id)
    if losing and user.role in ACCOUNT_MANAGERS and not others:
        work.refuse(Refusal.LAST_ACCOUNT_MANAGER, user_id=user.id)


def _view(user: User) -> UserView:
    return UserView(
        user.id,
        user.username,
        user.full_name,
        Role(user.role),
        user.active,
        user.locked_until,
        user.last_login_at,
    )
