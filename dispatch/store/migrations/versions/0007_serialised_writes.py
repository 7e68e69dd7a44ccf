"""Serialised writes: one open alert per subject, one open outage per feed.

Two consoles checking the same timers (or recording the same feed's outage) used to be able to raise
the same alert twice. A partial unique index makes the second insert fail; the services treat that
as "raised already" (a savepoint keeps the rest of their work).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_OPEN_ALERT = sa.text("cleared_at IS NULL")
_OPEN_OUTAGE = sa.text("ended_at IS NULL")


def upgrade() -> None:
    # Duplicates left by earlier versions: all but the newest open alert of a subject are cleared
    # when the newest was raised (the audit log keeps every raise).
    op.execute(
        """
        UPDATE alerts SET cleared_at = (
            SELECT max(newer.raised_at) FROM alerts AS newer
            WHERE newer.kind = alerts.kind AND newer.entity = alerts.entity
              AND newer.entity_id = alerts.entity_id AND newer.cleared_at IS NULL
        )
        WHERE cleared_at IS NULL AND id NOT IN (
            SELECT max(id) FROM alerts WHERE cleared_at IS NULL GROUP BY kind, entity, entity_id
        )
        """
    )
    op.execute(
        """
        UPDATE feed_outages SET ended_at = (
            SELECT max(newer.started_at) FROM feed_outages AS newer
            WHERE newer.feed = feed_outages.feed AND newer.ended_at IS NULL
        )
        WHERE ended_at IS NULL AND id NOT IN (
            SELECT max(id) FROM feed_outages WHERE ended_at IS NULL GROUP BY feed
        )
        """
    )
    op.create_index(
        "ux_alerts_open_subject",
        "alerts",
        ["kind", "entity", "entity_id"],
        unique=True,
        sqlite_where=_OPEN_ALERT,
        postgresql_where=_OPEN_ALERT,
    )
    op.create_index(
        "ux_feed_outages_open_feed",
        "feed_outages",
        ["feed"],
        unique=True,
        sqlite_where=_OPEN_OUTAGE,
        postgresql_where=_OPEN_OUTAGE,
    )


def downgrade() -> None:
    op.drop_index("ux_feed_outages_open_feed", table_name="feed_outages")
    op.drop_index("ux_alerts_open_subject", table_name="alerts")
