"""Consoles, user accounts and logging in (argon2 hashes, lockout after five wrong passwords)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from dispatch.domain.accounts import (
    AccountProblem,
    LockState,
    LoginOutcome,
    account_problems,
    after_failure,
    after_success,
    is_locked,
)
from dispatch.domain.clock import Clock
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import Role
from dispatch.services.bus import ChangeBus
from dispatch.services.context import Actor, ServiceContext, ServiceError, audit
from dispatch.services.uow import reading, unit_of_work
from dispatch.store.database import Database
from dispatch.store.tables import Console, Shift, User

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


#: Roles that may manage accounts.
ACCOUNT_MANAGERS = (Role.SUPERVISOR.value, Role.ADMIN.value)


def create_user(
    ctx: ServiceContext, username: str, full_name: str, password: str, repeated: str, role: Role
) -> Actor:
    """A supervisor or administrator adds an account."""
    if ctx.actor.role not in ACCOUNT_MANAGERS:
        raise ServiceError(Refusal.NOT_ALLOWED, action="create_user")
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


def log_in(ctx: ServiceContext, username: str, password: str) -> LoginResult:
    """Check a password; every attempt, good or bad, is audited under the name that was typed."""
    username = username.strip().lower()
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        user = session.scalars(select(User).where(User.username == username).with_for_update()).first()
        attempt = ctx.acting_as(Actor(None if user is None else user.id, username or "?"))
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
        session.add(Shift(console_id=ctx.console_id, user_id=user.id, started_at=now))
        audit(session, ctx.acting_as(actor), AuditAction.USER_LOGIN, "user", user.id)
        return LoginResult(LoginOutcome.OK, actor)


def log_out(ctx: ServiceContext) -> None:
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        shift = session.scalars(
            select(Shift)
            .where(
                Shift.user_id == ctx.actor.user_id,
                Shift.console_id == ctx.console_id,
                Shift.ended_at.is_(None),
            )
            .order_by(Shift.started_at.desc())
            .limit(1)
        ).first()
        if shift is not None:
            shift.ended_at = now
        audit(session, ctx, AuditAction.USER_LOGOUT, "user", ctx.actor.user_id)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False
