"""Forwarding to agencies, the agency directory, the outbox, CCTV cameras and incident files.

Revision ID: 0016
Revises: 0015

Issue 16. Most Indonesian 112 centres hand an incident to the responsible agency (Damkar, the
kecamatan's Polsek, PSC 119, BPBD...) rather than send its vehicles themselves:

- ``agencies``: the directory a supervisor keeps: whom to call for which categories in which areas,
  how (duty numbers, radio, SMS number, hours), whether the agency sits in the room with its units on
  the roster or is forwarded to, and how long it may take to acknowledge.
- ``forwardings``: an incident handed to an agency (channel, contact, the person who took it, the
  agency's reference, the time), with its milestones (acknowledged, dispatched, arrived, handled)
  written once and its current state; ``ack_due_at`` is what the acknowledgement timer reads.
- ``forwarding_reports``: what the agency said back (typed by the operator, or an SMS reply),
  recorded facts like the notes: never deleted or changed.
- ``outbox``: what the console asked a feed to send (a summary SMS through the GSM modem, a call
  dialled through the PBX), stored before it is sent, with the modem's reference and the delivery
  report.
- ``cameras``: the CCTV registry (id, name, owner, point, stream URL).
- ``incident_files``: a file attached to an incident (a still from a camera) with its SHA-256,
  a recorded fact.
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

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


PROTECTED: dict[str, Protection] = {
    "forwarding_reports": Protection(
        fixed=(
            "id",
            "forwarding_id",
            "kind",
            "at",
            "recorded_at",
            "source",
            "text",
            "user_id",
            "console_id",
            "frame_id",
        ),
    ),
    "incident_files": Protection(
        fixed=(
            "id",
            "incident_id",
            "at",
            "name",
            "media_type",
            "size",
            "sha256",
            "content",
            "author_id",
            "console_id",
            "camera_id",
        ),
        once=("note_id",),
    ),
}


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=32), nullable=False, unique=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("agency_type", sa.String(length=16), nullable=False),
        sa.Column("reach", sa.String(length=16), nullable=False),
        sa.Column("areas", sa.String(length=1000), nullable=False),
        sa.Column("categories", sa.String(length=300), nullable=False),
        sa.Column("phones", sa.String(length=200), nullable=False),
        sa.Column("radio", sa.String(length=100), nullable=False),
        sa.Column("sms_number", sa.String(length=64), nullable=False),
        sa.Column("hours", sa.String(length=100), nullable=False),
        sa.Column("ack_limit_s", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_agencies_agency_type", "agencies", ["agency_type"])
    op.create_table(
        "forwardings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incidents.id"), nullable=False),
        sa.Column("agency_id", sa.Integer(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("agency_name", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("person", sa.String(length=100), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("forwarded_at", UTCDateTime(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("forwarded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("console_id", sa.Integer(), sa.ForeignKey("consoles.id"), nullable=True),
        sa.Column("ack_limit_s", sa.Integer(), nullable=False),
        sa.Column("ack_due_at", UTCDateTime(), nullable=False),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.Column("dispatched_at", UTCDateTime(), nullable=True),
        sa.Column("arrived_at", UTCDateTime(), nullable=True),
        sa.Column("handled_at", UTCDateTime(), nullable=True),
        sa.Column("needs_help_at", UTCDateTime(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_forwardings_incident_id", "forwardings", ["incident_id"])
    op.create_index("ix_forwardings_agency_id", "forwardings", ["agency_id"])
    op.create_index("ix_forwardings_forwarded_at", "forwardings", ["forwarded_at"])
    op.create_index("ix_forwardings_closed_at_ack_due_at", "forwardings", ["closed_at", "ack_due_at"])
    op.create_table(
        "forwarding_reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("forwarding_id", sa.Integer(), sa.ForeignKey("forwardings.id"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("console_id", sa.Integer(), sa.ForeignKey("consoles.id"), nullable=True),
        sa.Column("frame_id", sa.Integer(), sa.ForeignKey("feed_frames.id"), nullable=True),
    )
    op.create_index("ix_forwarding_reports_forwarding_id", "forwarding_reports", ["forwarding_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("forwarding_id", sa.Integer(), sa.ForeignKey("forwardings.id"), nullable=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incidents.id"), nullable=True),
        sa.Column("to_number", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("from_extension", sa.String(length=64), nullable=False),
        sa.Column("queued_at", UTCDateTime(), nullable=False),
        sa.Column("queued_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("console_id", sa.Integer(), sa.ForeignKey("consoles.id"), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("feed", sa.String(length=255), nullable=False),
        sa.Column("taken_at", UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("failed_reason", sa.Text(), nullable=False),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.Column("delivery_status", sa.Integer(), nullable=True),
        sa.Column("delivery_frame_id", sa.Integer(), sa.ForeignKey("feed_frames.id"), nullable=True),
    )
    op.create_index("ix_outbox_state_queued_at", "outbox", ["state", "queued_at"])
    op.create_index("ix_outbox_forwarding_id", "outbox", ["forwarding_id"])
    op.create_index("ix_outbox_reference", "outbox", ["reference"])
    op.create_table(
        "cameras",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=64), nullable=False, unique=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("stream_url", sa.String(length=1000), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "incident_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("incident_id", sa.Integer(), sa.ForeignKey("incidents.id"), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("console_id", sa.Integer(), sa.ForeignKey("consoles.id"), nullable=True),
        sa.Column("camera_id", sa.Integer(), sa.ForeignKey("cameras.id"), nullable=True),
        sa.Column("note_id", sa.Integer(), sa.ForeignKey("incident_notes.id"), nullable=True),
    )
    op.create_index("ix_incident_files_incident_id", "incident_files", ["incident_id"])
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, rule in PROTECTED.items():
        for statement in sqlite_statements(table, rule) if sqlite else postgres_statements(table, rule):
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in PROTECTED:
        for statement in drop_statements(table, sqlite):
            op.execute(statement)
    for table in ("incident_files", "cameras", "outbox", "forwarding_reports", "forwardings", "agencies"):
        op.drop_table(table)
