"""The database's own soundness while the console runs: the alarm when a background check finds damage.

A file too large to be checked page by page at start (``Database.check_deferred``) is checked on a
thread after the window is shown (``dispatch.store.database.quick_check``); what it finds becomes an
alert a person must acknowledge, like an overdue timer.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from dispatch.domain.codes import AuditAction
from dispatch.services.alerts import AlertView
from dispatch.services.context import ServiceContext
from dispatch.services.uow import insert_unless_taken, unit_of_work
from dispatch.store.tables import Alert

DATABASE_DAMAGED_ALERT = "database_damaged"


def raise_damage_alarm(ctx: ServiceContext, problems: Sequence[str]) -> AlertView:
    """Store the alarm (the first problems in its message) and return it for the alert list."""
    with unit_of_work(ctx.as_system()) as work:
        alert = Alert(
            kind=DATABASE_DAMAGED_ALERT,
            raised_at=ctx.clock.now(),
            entity="database",
            entity_id=(problems[0] if problems else "quick_check")[:64],
            message="\n".join(problems[:20]),
            console_id=ctx.console_id,
        )
        if not insert_unless_taken(work.session, alert):
            # The same damage is still alarmed (an earlier start, another console): one open alert
            # per subject (migration 0007), shown again.
            existing = work.session.scalars(
                select(Alert).where(
                    Alert.kind == alert.kind,
                    Alert.entity == alert.entity,
                    Alert.entity_id == alert.entity_id,
                    Alert.cleared_at.is_(None),
                )
            ).one()
            return AlertView.of(existing)
        work.audit(
            AuditAction.ALERT_RAISE,
            "alert",
            alert.id,
            kind=DATABASE_DAMAGED_ALERT,
            problems=list(problems[:5]),
        )
        return AlertView.of(alert)
