"""A centre of several consoles: the change feed, and the gateway's heartbeat and feed health.

Revision ID: 0014
Revises: 0013

Issue 13. ``change_events`` holds what each unit of work changed (its topics and ids, the console and
process it came from), numbered by ``seq`` in commit order: a writer takes the next number from the
one-row ``change_event_head`` with ``UPDATE ... RETURNING`` as the last statement before its commit,
so the row lock it holds until then orders the numbers as the commits (no gaps, no number seen
before a lower one is committed). NOTIFY carries only ``seq``; a console reads the rows after the
last it saw, so a notification lost while it was disconnected loses nothing. Events are written on
PostgreSQL only (a SQLite console is alone with its in-process notices); old ones are pruned.

``gateway_status`` is one row per gateway (``dispatch-console gateway``): its heartbeat and its
feeds' health as JSON, which every console of the centre shows in its status line.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dispatch.store.types import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_events",
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("console_id", sa.Integer(), sa.ForeignKey("consoles.id"), nullable=True),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
    )
    op.create_index("ix_change_events_at", "change_events", ["at"])
    op.create_table(
        "change_event_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_change_event_head_one_row"),
    )
    op.execute("INSERT INTO change_event_head (id, seq) VALUES (1, 0)")
    op.create_table(
        "gateway_status",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=64), nullable=False, unique=True),
        sa.Column("host", sa.String(length=255), nullable=False, server_default=""),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.Column("version", sa.String(length=32), nullable=False, server_default=""),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("heartbeat_at", UTCDateTime(), nullable=False),
        sa.Column("stopped_at", UTCDateTime(), nullable=True),
        sa.Column("feeds", sa.Text(), nullable=False, server_default="[]"),
    )


def downgrade() -> None:
    for table in ("gateway_status", "change_event_head", "change_events"):
        op.drop_table(table)
