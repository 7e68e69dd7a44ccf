"""Training sessions: scenario runs, their calls, what the callers said, and the scores.

Revision ID: 0013
Revises: 0012

Issue 12. A session is one run of a scenario file (its SHA-256 kept) with a seed, a trainer and the
trainees chosen; ``training_calls`` ties each call it rang to the scenario's call (or a surge caller,
with the truth it was generated with); ``training_lines`` is what the simulated callers said and what
revealed it, so every console of the room shows it and the debrief can replay it; ``training_scores``
is each call scored when the session ended. Only training databases get rows (the service refuses
a live one); the tables exist in every database so the schema is one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dispatch.store.types import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("scenario_id", sa.String(length=100), nullable=False),
        sa.Column("scenario_sha256", sa.String(length=64), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("trainer_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("console_id", sa.Integer(), sa.ForeignKey("consoles.id"), nullable=True),
    )
    op.create_index("ix_training_sessions_scenario_id", "training_sessions", ["scenario_id"])
    op.create_index("ix_training_sessions_started_at", "training_sessions", ["started_at"])
    op.create_table(
        "training_trainees",
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("training_sessions.id"), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
    )
    op.create_index("ix_training_trainees_user_id", "training_trainees", ["user_id"])
    op.create_table(
        "training_calls",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("training_sessions.id"), nullable=False),
        sa.Column("call_key", sa.String(length=100), nullable=False),
        sa.Column("call_id", sa.Integer(), sa.ForeignKey("calls.id"), nullable=False),
        sa.Column("generated_truth", sa.Text(), nullable=False, server_default=""),
        sa.UniqueConstraint("session_id", "call_key", name="uq_training_calls_key"),
        sa.UniqueConstraint("call_id", name="uq_training_calls_call_id"),
    )
    op.create_index("ix_training_calls_session_id", "training_calls", ["session_id"])
    op.create_table(
        "training_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("training_sessions.id"), nullable=False),
        sa.Column("call_id", sa.Integer(), sa.ForeignKey("calls.id"), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
    )
    op.create_index("ix_training_lines_session_id", "training_lines", ["session_id"])
    op.create_index("ix_training_lines_call_id", "training_lines", ["call_id"])
    op.create_table(
        "training_scores",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("training_sessions.id"), nullable=False),
        sa.Column("call_key", sa.String(length=100), nullable=False),
        sa.Column("call_id", sa.Integer(), sa.ForeignKey("calls.id"), nullable=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("scored_at", UTCDateTime(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("rules_sha256", sa.String(length=64), nullable=False),
        sa.UniqueConstraint("session_id", "call_key", name="uq_training_scores_key"),
    )
    op.create_index("ix_training_scores_session_id", "training_scores", ["session_id"])
    op.create_index("ix_training_scores_user_id", "training_scores", ["user_id"])


def downgrade() -> None:
    for table in (
        "training_scores",
        "training_lines",
        "training_calls",
        "training_trainees",
        "training_sessions",
    ):
        op.drop_table(table)
