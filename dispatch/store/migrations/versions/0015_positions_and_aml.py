"""Where the caller is: an incident position's source and precision, and handset positions (AML).

Revision ID: 0015
Revises: 0014

Issue 15. ``incidents.lat``/``lon`` stay the incident's one best position; four columns say where it
came from and how far it may be off: ``position_source`` (``dispatch.domain.positions.PositionSource``:
typed, aml, village, district, or "" for none), ``position_radius_m`` (the uncertainty; None for a
typed position, which is taken as exact), ``position_at`` (when the fix was taken: the handset's time
for AML, the save time for a typed one, None for an area's centre) and ``position_method`` (AML's
positioning method: gnss, wifi, cell). Positions saved before this migration were typed.

``aml_messages`` keeps every Advanced Mobile Location SMS a modem delivered, decoded, with the call it
was matched to (the same number, within the call's window) and what became of it: put on the incident,
kept because the incident had a better position, waiting for the call's incident, or matched to no
call (kept and shown). The frame as received is in ``feed_frames`` (``frame_id``). A message is a
recorded fact like the frame it came in: its triggers refuse deleting it and changing what it said or
which call it matched; only its state may change, and its incident be filled in once (a message that
waited for its call's incident).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dispatch.store.fact_triggers import (
    Protection,
    drop_statements,
    postgres_statements,
    sqlite_statements,
)
from dispatch.store.types import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


PROTECTED: dict[str, Protection] = {
    "aml_messages": Protection(
        fixed=(
            "id",
            "feed",
            "received_at",
            "frame_id",
            "sender_raw",
            "sender_e164",
            "text",
            "lat",
            "lon",
            "radius_m",
            "fixed_at",
            "confidence",
            "method",
            "call_id",
        ),
        once=("incident_id",),
        free=("state",),
    ),
}


def upgrade() -> None:
    op.add_column(
        "incidents", sa.Column("position_source", sa.String(length=16), nullable=False, server_default="")
    )
    op.add_column("incidents", sa.Column("position_radius_m", sa.Float(), nullable=True))
    op.add_column("incidents", sa.Column("position_at", UTCDateTime(), nullable=True))
    op.add_column(
        "incidents", sa.Column("position_method", sa.String(length=16), nullable=False, server_default="")
    )
    op.execute("UPDATE incidents SET position_source = 'typed' WHERE lat IS NOT NULL AND lon IS NOT NULL")
    op.create_table(
        "aml_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("feed", sa.String(length=255), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("frame_id", sa.Integer(), sa.ForeignKey("feed_frames.id"), nullable=True),
        sa.Column("sender_raw", sa.String(length=64), nullable=False),
        sa.Column("sender_e164", sa.String(length=20), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("radius_m", sa.Float(), nullable=True),
        sa.Column("fixed_at", UTCDateTime(), nullable=True),
        sa.Column("confidence", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False, server_default=""),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("call_id", sa.Integer(), sa.ForeignKey("calls.id"), nullable=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incidents.id"), nullable=True),
    )
    op.create_index("ix_aml_messages_received_at", "aml_messages", ["received_at"])
    op.create_index("ix_aml_messages_call_id", "aml_messages", ["call_id"])
    op.create_index("ix_aml_messages_incident_id", "aml_messages", ["incident_id"])
    op.create_index("ix_aml_messages_state", "aml_messages", ["state"])
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, rule in PROTECTED.items():
        for statement in sqlite_statements(table, rule) if sqlite else postgres_statements(table, rule):
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in PROTECTED:
        for statement in drop_statements(table, sqlite):
            op.execute(statement)
    op.drop_table("aml_messages")
    with op.batch_alter_table("incidents") as batch:
        for column in ("position_method", "position_at", "position_radius_m", "position_source"):
            batch.drop_column(column)
