"""Tamper evidence: the audit log's hash chain and recorded facts that refuse UPDATE and DELETE.

Revision ID: 0006
Revises: 0005

1. ``audit_log`` gets ``seq`` (place in the chain, unique) and ``hash``; the rows already there are
   chained in id order (the only order known for them; on SQLite it is also their commit order), with
   the append-only trigger lifted for that one UPDATE inside this migration's transaction. The
   one-row ``audit_chain_head`` names the last link; from now on a row must extend the chain
   (``seq`` = head + 1, with a hash) and its insert moves the head (``audit_log_extend_chain``).
   See ``dispatch/store/audit_chain.py``.
2. Calls, feed frames, incident notes, unit status history and assignments refuse DELETE, and UPDATE
   of their recorded facts, in the database itself (SQLite triggers ``RAISE(ABORT)``; PostgreSQL
   trigger functions, TRUNCATE refused too). :data:`PROTECTED` names, per table, the columns that may
   change freely and those written once (NULL -> value allowed, value -> another value refused);
   every other column is a fact that never changes. A later migration adding a column to one of
   these tables must re-create the table's triggers with the column in the right list.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dispatch.store import audit_chain
from dispatch.store.fact_triggers import (
    Protection,
    drop_statements,
    postgres_statements,
    sqlite_statements,
)

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


PROTECTED: dict[str, Protection] = {
    "calls": Protection(
        fixed=(
            "id",
            "feed",
            "line",
            "external_id",
            "number_raw",
            "number_e164",
            "presentation",
            "number_description",
            "caller_name",
            "ring_at",
        ),
        # Answered (at the telephone or by a console) and ended once.
        once=("answered_at", "ended_at", "answered_by", "console_id"),
        # The call's state moves on; its class is reclassified (audited); its incident changes when
        # it is attached to another incident as a duplicate, or a callback reaches an emergency.
        free=("state", "classification", "incident_id"),
    ),
    "feed_frames": Protection(
        fixed=("id", "feed", "received_at", "raw", "decoded", "rejected_reason"),
        once=("call_id",),
    ),
    "incident_notes": Protection(
        fixed=("id", "incident_id", "at", "author_id", "console_id", "kind", "text", "corrects_id"),
    ),
    "unit_status_history": Protection(
        fixed=(
            "id",
            "unit_id",
            "assignment_id",
            "incident_id",
            "from_status",
            "to_status",
            "at",
            "user_id",
            "console_id",
            "override_reason",
        ),
    ),
    "assignments": Protection(
        fixed=("id", "incident_id", "unit_id", "dispatched_by", "dispatched_at"),
        once=(
            "acknowledged_at",
            "en_route_at",
            "on_scene_at",
            "patient_contact_at",
            "transporting_at",
            "at_hospital_at",
            "cleared_at",
            "cancelled_at",
        ),
    ),
}

AUDIT_SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
)


# SQLite: a row must extend the chain (seq = head + 1, with a hash; the console computes it, see
# audit_chain.chain_new_entries), and inserting it moves the head.
CHAIN_SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_log_in_chain BEFORE INSERT ON audit_log
       WHEN NEW.seq IS NULL OR NEW.hash IS NULL OR length(NEW.hash) != 64
         OR NEW.seq IS NOT (SELECT seq FROM audit_chain_head WHERE id = 1) + 1
       BEGIN SELECT RAISE(ABORT, 'audit_log: a row must extend the hash chain'); END""",
    """CREATE TRIGGER audit_log_extend_chain AFTER INSERT ON audit_log
       BEGIN UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END""",
)
# PostgreSQL: the database chains every row itself, in the same canonical form (audit_chain.py;
# to_json escapes strings exactly as Python's json.dumps(ensure_ascii=False) does), whatever seq and
# hash the client sent. The head is locked until commit, so the chain order is the commit order,
# and no round trip is added. The function runs as its owner: the console's role cannot move the
# head or write a link of its own.
CHAIN_POSTGRES_TRIGGERS = (
    """CREATE FUNCTION audit_log_extend_chain() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path FROM CURRENT AS $$
       DECLARE
           head record;
           form text;
       BEGIN
           SELECT seq, hash INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
           NEW.seq := head.seq + 1;
           form := '["dispatch-audit/1",' || NEW.seq::text
               || ',' || to_json(to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
               || ',' || coalesce(NEW.user_id::text, 'null')
               || ',' || coalesce(to_json(NEW.user_name)::text, 'null')
               || ',' || coalesce(NEW.console_id::text, 'null')
               || ',' || coalesce(to_json(NEW.console_name)::text, 'null')
               || ',' || coalesce(to_json(NEW.action)::text, 'null')
               || ',' || coalesce(to_json(NEW.entity)::text, 'null')
               || ',' || coalesce(to_json(NEW.entity_id)::text, 'null')
               || ',' || coalesce(to_json(NEW.detail)::text, 'null')
               || ']';
           NEW.hash := encode(sha256(convert_to(head.hash || E'\\n' || form, 'UTF8')), 'hex');
           UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
           RETURN NEW;
       END $$""",
    "REVOKE ALL ON FUNCTION audit_log_extend_chain() FROM PUBLIC",
    """CREATE TRIGGER audit_log_extend_chain BEFORE INSERT ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_extend_chain()""",
)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"

    op.add_column("audit_log", sa.Column("seq", sa.Integer(), nullable=True))
    op.add_column("audit_log", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_audit_log_seq"), "audit_log", ["seq"], unique=True)
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name="audit_chain_head_one_row"),
        sa.PrimaryKeyConstraint("id"),
    )

    # The rows written before the chain: the append-only rule is lifted for this one UPDATE, inside
    # this transaction (a crash leaves the database at 0005, triggers and all).
    if sqlite:
        op.execute("DROP TRIGGER audit_log_no_update")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
    seq, last_hash = audit_chain.chain_existing_rows(bind)
    if sqlite:
        op.execute(AUDIT_SQLITE_TRIGGERS[0])
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")
    bind.execute(
        sa.text("INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, :seq, :hash)"),
        {"seq": seq, "hash": last_hash},
    )

    for statement in CHAIN_SQLITE_TRIGGERS if sqlite else CHAIN_POSTGRES_TRIGGERS:
        op.execute(statement)

    for table, rule in PROTECTED.items():
        for statement in sqlite_statements(table, rule) if sqlite else postgres_statements(table, rule):
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in PROTECTED:
        for statement in drop_statements(table, sqlite):
            op.execute(statement)
    if sqlite:
        op.execute("DROP TRIGGER audit_log_in_chain")
        op.execute("DROP TRIGGER audit_log_extend_chain")
    else:
        op.execute("DROP TRIGGER audit_log_extend_chain ON audit_log")
        op.execute("DROP FUNCTION audit_log_extend_chain()")
    op.drop_table("audit_chain_head")
    op.drop_index(op.f("ix_audit_log_seq"), table_name="audit_log")
    if sqlite:
        # SQLite drops a column by copying the table, which would lose the append-only triggers.
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute("DROP TRIGGER audit_log_no_delete")
        with op.batch_alter_table("audit_log") as batch:
            batch.drop_column("hash")
            batch.drop_column("seq")
        for statement in AUDIT_SQLITE_TRIGGERS:
            op.execute(statement)
    else:
        op.drop_column("audit_log", "hash")
        op.drop_column("audit_log", "seq")
