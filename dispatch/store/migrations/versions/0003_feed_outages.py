"""Feed outages: when each feed was down and why (the handover report lists them).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_outages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed", sa.String(length=255), nullable=False),
        sa.Column("console_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["console_id"], ["consoles.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_feed_outages_feed_started_at", "feed_outages", ["feed", "started_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_feed_outages_feed_started_at", table_name="feed_outages")
    op.drop_table("feed_outages")
