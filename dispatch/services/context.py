"""Who is acting, where, and when: handed to every service call."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from dispatch.domain.clock import Clock
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.services.bus import ChangeBus
from dispatch.store.database import Database
from dispatch.store.tables import AuditEntry

#: The name audit rows carry for what the console does by itself (a feed event, a timer).
SYSTEM_USER = "system"


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    user_name: str
    full_name: str = ""
    role: str = ""


@dataclass(frozen=True)
class ServiceContext:
    database: Database
    clock: Clock
    bus: ChangeBus
    console_id: int
    console_name: str
    actor: Actor = Actor(user_id=None, user_name=SYSTEM_USER)
    #: How long a write may wait for another console's or process's lock before it is refused
    #: as "database not answering" (None: the database's own wait, 5 s, and retries). The window
    #: sets a short one: a person pressing a key must not see the console freeze.
    write_wait_ms: int | None = None

    def acting_as(self, actor: Actor) -> ServiceContext:
        return replace(self, actor=actor)

    def as_system(self) -> ServiceContext:
        return replace(self, actor=Actor(user_id=None, user_name=SYSTEM_USER))


class ServiceError(Exception):
    """A request the rules refuse; ``code`` is what the UI turns into words."""

    def __init__(self, code: Refusal, **details: Any) -> None:
        super().__init__(code, details)
        self.code = code
        self.details = details


def audit_entry(
    ctx: ServiceContext, action: AuditAction, entity: str, entity_id: object, detail: dict[str, Any]
) -> AuditEntry:
    """The audit row of an action done by ``ctx``'s actor at its console, now."""
    return AuditEntry(
        at=ctx.clock.now(),
        user_id=ctx.actor.user_id,
        user_name=ctx.actor.user_name,
        console_id=ctx.console_id,
        console_name=ctx.console_name,
        action=AuditAction(action).value,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        detail=json.dumps(detail, default=str, ensure_ascii=False, sort_keys=True) if detail else None,
    )


def audit(
    session: Session,
    ctx: ServiceContext,
    action: AuditAction,
    entity: str,
    entity_id: object = None,
    **detail: Any,
) -> None:
    """Add an audit row to the unit of work ``session`` belongs to (helpers that hold a session).

    Audit rows are written only inside a unit of work (``services.uow``), so that every one
    commits with its change.
    """
    work = session.info.get("unit_of_work")
    if work is None:
        raise RuntimeError("audit rows are written only inside a unit of work")
    # Kept by the unit of work and inserted just before its commit (``UnitOfWork.add_audit_rows``).
    work.add_audit_row(audit_entry(ctx, action, entity, entity_id, detail))
