"""Duty shifts, attendance, signed handover reports with addenda, and quality-review samples.

Revision ID: 0009
Revises: 0008

1. ``shifts`` (a person's time at a console since 0001) is renamed ``attendance`` and gains the duty
   shift open when the person logged in and the position they took.
2. ``duty_shifts``: the centre's shifts, opened and closed by a supervisor; at most one open at a
   time (a unique expression index over ``closed_at IS NULL``, partial to the open row).
3. ``handover_reports`` (one per duty shift, immutable once written: content and signature fixed,
   the incoming lead's acknowledgement written once, by another person) and ``handover_addenda``
   (append-only), both protected by triggers like the recorded facts of 0006.
4. ``call_reviews``: calls drawn for quality review; the draw is fixed, the review written once.
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

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

PROTECTED: dict[str, Protection] = {
    "duty_shifts": Protection(
        fixed=(
            "id",
            "code",
            "day",
            "planned_start",
            "planned_end",
            "opened_at",
            "opened_by",
            "opened_console_id",
        ),
        once=("closed_at", "closed_by", "closed_console_id"),
        # Typed during the shift (audited), frozen into the handover report when it is signed.
        free=("pass_down", "planned_events"),
    ),
    "handover_reports": Protection(
        fixed=(
            "id",
            "duty_shift_id",
            "content",
            "content_sha256",
            "signed_at",
            "signed_by",
            "signed_console_id",
        ),
        once=("acknowledged_at", "acknowledged_by", "acknowledged_console_id"),
    ),
    "handover_addenda": Protection(fixed=("id", "report_id", "at", "user_id", "console_id", "text")),
    "call_reviews": Protection(
        fixed=("id", "call_id", "sample", "sampled_at", "sampled_by"),
        once=("reviewed_at", "reviewer_id", "score", "answers", "comment"),
    ),
}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "duty_shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("planned_start", UTCDateTime(), nullable=False),
        sa.Column("planned_end", UTCDateTime(), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("opened_console_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("closed_console_id", sa.Integer(), nullable=True),
        sa.Column("pass_down", sa.Text(), nullable=False),
        sa.Column("planned_events", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["opened_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["opened_console_id"], ["consoles.id"]),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["closed_console_id"], ["consoles.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day", "code", name="uq_duty_shifts_day_code"),
    )
    op.create_index(op.f("ix_duty_shifts_opened_at"), "duty_shifts", ["opened_at"])

    op.rename_table("shifts", "attendance")
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("duty_shift_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("position", sa.String(length=16), nullable=False, server_default=""))
        batch.create_foreign_key("fk_attendance_duty_shift_id", "duty_shifts", ["duty_shift_id"], ["id"])
        batch.create_index(op.f("ix_attendance_duty_shift_id"), ["duty_shift_id"])
    with op.batch_alter_table("attendance") as batch:
        batch.alter_column("position", server_default=None)

    op.create_table(
        "handover_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("duty_shift_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", UTCDateTime(), nullable=False),
        sa.Column("signed_by", sa.Integer(), nullable=False),
        sa.Column("signed_console_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("acknowledged_console_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "acknowledged_by IS NULL OR acknowledged_by <> signed_by",
            name="ck_handover_reports_two_people",
        ),
        sa.ForeignKeyConstraint(["duty_shift_id"], ["duty_shifts.id"]),
        sa.ForeignKeyConstraint(["signed_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["signed_console_id"], ["consoles.id"]),
        sa.ForeignKeyConstraint(["acknowledged_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["acknowledged_console_id"], ["consoles.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("duty_shift_id"),
    )
    op.create_table(
        "handover_addenda",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("console_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["handover_reports.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["console_id"], ["consoles.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_handover_addenda_report_id"), "handover_addenda", ["report_id"])
    op.create_table(
        "call_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("sample", sa.String(length=64), nullable=False),
        sa.Column("sampled_at", UTCDateTime(), nullable=False),
        sa.Column("sampled_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", UTCDateTime(), nullable=True),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("answers", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="ck_call_reviews_score"),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"]),
        sa.ForeignKeyConstraint(["sampled_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("call_id"),
    )
    op.create_index("ix_call_reviews_sample", "call_reviews", ["sample"])

    # One open shift: every open row has the same key (true), so a second one is refused. Made last:
    # SQLAlchemy cannot reflect an expression index and warns, and the batch operations above reflect.
    op.execute(
        "CREATE UNIQUE INDEX ux_duty_shifts_one_open ON duty_shifts ((closed_at IS NULL)) "
        "WHERE closed_at IS NULL"
    )
    for table, rule in PROTECTED.items():
        for statement in sqlite_statements(table, rule) if sqlite else postgres_statements(table, rule):
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DROP INDEX ux_duty_shifts_one_open")
    for table in PROTECTED:
        for statement in drop_statements(table, sqlite):
            op.execute(statement)
    op.drop_index("ix_call_reviews_sample", table_name="call_reviews")
    op.drop_table("call_reviews")
    op.drop_index(op.f("ix_handover_addenda_report_id"), table_name="handover_addenda")
    op.drop_table("handover_addenda")
    op.drop_table("handover_reports")
    with op.batch_alter_table("attendance") as batch:
        batch.drop_index(op.f("ix_attendance_duty_shift_id"))
        batch.drop_constraint("fk_attendance_duty_shift_id", type_="foreignkey")
        batch.drop_column("position")
        batch.drop_column("duty_shift_id")
    op.rename_table("attendance", "shifts")
    op.drop_index(op.f("ix_duty_shifts_opened_at"), table_name="duty_shifts")
    op.drop_table("duty_shifts")
