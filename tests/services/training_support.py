"""Helpers of the training tests: trainees, and a live database that training must refuse."""

from __future__ import annotations

from pathlib import Path

from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Role
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.services.context import Actor, ServiceContext
from dispatch.store.database import Database, DatabaseKind, open_database, sqlite_url

TRAINEE_PASSWORD = "latihan-112-aman"


def add_trainee(ctx: ServiceContext, username: str, role: Role = Role.CALL_TAKER) -> ServiceContext:
    """A new account of ``role``, created by ``ctx``'s supervisor; its context at the same console."""
    actor: Actor = accounts.create_user(
        ctx, username, username.title(), TRAINEE_PASSWORD, TRAINEE_PASSWORD, role
    )
    return ctx.acting_as(actor)


def live_context(path: Path, clock: ManualClock, bus: ChangeBus) -> tuple[Database, ServiceContext]:
    """A live database with a supervisor logged in (``training`` must refuse it)."""
    db = open_database(sqlite_url(path), kind=DatabaseKind.LIVE)
    console = accounts.register_console(db, clock, bus, "KONSOL-LIVE", "test-host")
    accounts.create_first_supervisor(console, "budi", "Budi Santoso", TRAINEE_PASSWORD, TRAINEE_PASSWORD)
    result = accounts.log_in(console, "budi", TRAINEE_PASSWORD)
    assert result.actor is not None
    return db, console.acting_as(result.actor)
