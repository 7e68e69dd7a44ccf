"""Call-taking and dispatch: callbacks, number flags, locations, note corrections, unit positions,
status overrides and timer alerts.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Silent and abandoned calls wait here until called back or closed by a supervisor.
    op.create_table(
        "callbacks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"]),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("call_id"),
    )
    op.create_index("ix_callbacks_closed_at_opened_at", "callbacks", ["closed_at", "opened_at"])
    op.create_table(
        "callback_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("callback_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("console_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["callback_id"], ["callbacks.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["console_id"], ["consoles.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_callback_attempts_callback_id", "callback_attempts", ["callback_id"])
    # A supervisor's watch list and the "block requested from telco" marks; lifted, never deleted.
    op.create_table(
        "number_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("console_id", sa.Integer(), nullable=True),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["lifted_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["console_id"], ["consoles.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_number_flags_number_kind", "number_flags", ["number", "kind"])
    with op.batch_alter_table("incidents") as batch:
        # Kemendagri village code ("33.74.04.1001") of the location picked by type-ahead.
        batch.add_column(sa.Column("area_code", sa.String(length=16), nullable=False, server_default=""))
        # Facts from protocol answers ("trapped", "casualties") that change which units are needed.
        batch.add_column(sa.Column("flags", sa.String(length=300), nullable=False, server_default=""))
    op.create_index("ix_incidents_area_code_created_at", "incidents", ["area_code", "created_at"])
    op.create_index("ix_incidents_lat_lon", "incidents", ["lat", "lon"])
    with op.batch_alter_table("incident_notes") as batch:
        batch.add_column(sa.Column("corrects_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_incident_notes_corrects_id", "incident_notes", ["corrects_id"], ["id"])
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("phone", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("last_lat", sa.Float(), nullable=True))
        batch.add_column(sa.Column("last_lon", sa.Float(), nullable=True))
        batch.add_column(sa.Column("position_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("unit_status_history") as batch:
        # Set when a supervisor moved the unit outside the lifecycle's allowed transitions.
        batch.add_column(sa.Column("override_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("console_id", sa.Integer(), nullable=True))
        # When the condition stopped holding (the unit moved on); the alert stays until acknowledged.
        batch.add_column(sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("acknowledged_console_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_alerts_console_id", "consoles", ["console_id"], ["id"])
        batch.create_foreign_key("fk_alerts_ack_console_id", "consoles", ["acknowledged_console_id"], ["id"])
    op.create_index("ix_alerts_kind_entity_id", "alerts", ["kind", "entity_id"])
    op.create_index("ix_alerts_acknowledged_at", "alerts", ["acknowledged_at"])


def downgrade() -> None:
    op.drop_index("ix_alerts_acknowledged_at", table_name="alerts")
    op.drop_index("ix_alerts_kind_entity_id", table_name="alerts")
    with op.batch_alter_table("alerts") as batch:
        batch.drop_constraint("fk_alerts_ack_console_id", type_="foreignkey")
        batch.drop_constraint("fk_alerts_console_id", type_="foreignkey")
        batch.drop_column("acknowledged_console_id")
        batch.drop_column("cleared_at")
        batch.drop_column("console_id")
    with op.batch_alter_table("unit_status_history") as batch:
        batch.drop_column("override_reason")
    with op.batch_alter_table("units") as batch:
        batch.drop_column("position_at")
        batch.drop_column("last_lon")
        batch.drop_column("last_lat")
        batch.drop_column("phone")
    with op.batch_alter_table("incident_notes") as batch:
        batch.drop_constraint("fk_incident_notes_corrects_id", type_="foreignkey")
        batch.drop_column("corrects_id")
    op.drop_index("ix_incidents_lat_lon", table_name="incidents")
    op.drop_index("ix_incidents_area_code_created_at", table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("flags")
        batch.drop_column("area_code")
    op.drop_index("ix_number_flags_number_kind", table_name="number_flags")
    op.drop_table("number_flags")
    op.drop_index("ix_callback_attempts_callback_id", table_name="callback_attempts")
    op.drop_table("callback_attempts")
    op.drop_index("ix_callbacks_closed_at_opened_at", table_name="callbacks")
    op.drop_table("callbacks")
