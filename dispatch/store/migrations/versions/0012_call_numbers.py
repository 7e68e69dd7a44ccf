"""Every number a call came from, once: the shift log finds digits typed anywhere in a number quickly.

Revision ID: 0012
Revises: 0011

The supervisor's shift log finds calls by digits typed anywhere in their number (the last digits a
caller remembers). A B-tree cannot look inside a string, so over the whole record that read every
call's number: 0.3-0.5 s at 1,000,000 calls. ``call_numbers`` holds each distinct number string a
call carried, as received and in E.164 (some 300,000 strings for those calls); the search reads it
and then the calls of the numbers found through the calls' number indexes.

Filled from the existing calls here, then kept by an AFTER INSERT trigger on ``calls``: a call's
numbers never change (migration 0006's triggers refuse it), and a number is never removed. A
migration that rebuilds ``calls`` (a batch operation on SQLite) must re-create the trigger.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "call_numbers",
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("number"),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO call_numbers (number) SELECT number_raw FROM calls "
        "UNION SELECT number_e164 FROM calls WHERE number_e164 IS NOT NULL"
    )
    if sqlite:
        op.execute(
            """CREATE TRIGGER calls_numbers_seen AFTER INSERT ON calls
            BEGIN
                INSERT OR IGNORE INTO call_numbers (number) VALUES (NEW.number_raw);
                INSERT OR IGNORE INTO call_numbers (number)
                    SELECT NEW.number_e164 WHERE NEW.number_e164 IS NOT NULL;
            END"""
        )
    else:
        op.execute(
            """CREATE FUNCTION calls_numbers_seen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO call_numbers (number) VALUES (NEW.number_raw) ON CONFLICT DO NOTHING;
                IF NEW.number_e164 IS NOT NULL THEN
                    INSERT INTO call_numbers (number) VALUES (NEW.number_e164) ON CONFLICT DO NOTHING;
                END IF;
                RETURN NEW;
            END $$"""
        )
        op.execute(
            "CREATE TRIGGER calls_numbers_seen AFTER INSERT ON calls "
            "FOR EACH ROW EXECUTE FUNCTION calls_numbers_seen()"
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DROP TRIGGER calls_numbers_seen" if sqlite else "DROP TRIGGER calls_numbers_seen ON calls")
    if not sqlite:
        op.execute("DROP FUNCTION calls_numbers_seen()")
    op.drop_table("call_numbers")
