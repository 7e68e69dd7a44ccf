"""Database identity: the console's mark and whether a database is live or training.

A ``database_identity`` table with one row (mark, kind, how the kind was decided, when, which
console version), written once: triggers refuse UPDATE and DELETE. On SQLite the file header's
``application_id`` is set to the console's number as well, so that the file is recognised before
any table is read.

The kind comes from whoever opens the database (``dispatch.store.database.open_database`` decides
it before upgrading and hands it in as the config attribute ``database_kind``). A 0001-0004
database upgraded without one is classified here by what it holds: simulated calls (feed
``sim:...``) or units of the demonstration roster (``DEMO-...``) make it training; any other call or
unit makes it live; a database with neither is live.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: Must equal dispatch.store.database.APPLICATION_ID and MARK (copied: a migration never changes).
APPLICATION_ID = 0x44313132  # "D112"
MARK = "dispatch-console/112"

SQLITE_TRIGGERS = (
    """CREATE TRIGGER database_identity_no_update BEFORE UPDATE ON database_identity
       BEGIN SELECT RAISE(ABORT, 'database_identity is written once'); END""",
    """CREATE TRIGGER database_identity_no_delete BEFORE DELETE ON database_identity
       BEGIN SELECT RAISE(ABORT, 'database_identity is written once'); END""",
)
POSTGRES_TRIGGERS = (
    """CREATE FUNCTION database_identity_written_once() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'database_identity is written once'; END $$""",
    """CREATE TRIGGER database_identity_no_change BEFORE UPDATE OR DELETE ON database_identity
       FOR EACH ROW EXECUTE FUNCTION database_identity_written_once()""",
    """CREATE TRIGGER database_identity_no_truncate BEFORE TRUNCATE ON database_identity
       FOR EACH STATEMENT EXECUTE FUNCTION database_identity_written_once()""",
)


def _evidence(bind: sa.Connection) -> tuple[str, str]:
    """(kind, reason) of a 0001-0004 database from its rows."""
    checks = (
        ("training", "upgrade:simulated-calls", "SELECT 1 FROM calls WHERE feed LIKE 'sim:%' LIMIT 1"),
        ("training", "upgrade:demo-roster", "SELECT 1 FROM units WHERE call_sign LIKE 'DEMO-%' LIMIT 1"),
        ("live", "upgrade:live-calls", "SELECT 1 FROM calls LIMIT 1"),
        ("live", "upgrade:live-units", "SELECT 1 FROM units LIMIT 1"),
    )
    tables = set(sa.inspect(bind).get_table_names())
    for kind, reason, query in checks:
        table = "calls" if "FROM calls" in query else "units"
        if table in tables and bind.execute(sa.text(query)).first() is not None:
            return kind, reason
    return "live", "upgrade:unused"


def _console_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dispatch-console")[:32]
    except PackageNotFoundError:
        return "unknown"


def upgrade() -> None:
    bind = op.get_bind()
    table = op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("mark", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("kind_reason", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("console_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_database_identity_one_row"),
        sa.CheckConstraint("kind IN ('live', 'training')", name="ck_database_identity_kind"),
        sa.PrimaryKeyConstraint("id"),
    )
    config = op.get_context().config
    attributes = config.attributes if config is not None else {}
    if attributes.get("database_kind"):
        kind = str(attributes["database_kind"])
        reason = str(attributes.get("database_kind_reason") or "created")
    else:
        kind, reason = _evidence(bind)
    # The migration's own clock: it runs once, before any service (and its Clock) exists.
    now = datetime.now(UTC)
    created_at = now.replace(tzinfo=None) if bind.dialect.name == "sqlite" else now
    op.bulk_insert(
        table,
        [
            {
                "id": 1,
                "mark": MARK,
                "kind": kind,
                "kind_reason": reason,
                "created_at": created_at,
                "console_version": _console_version(),
            }
        ],
    )
    if bind.dialect.name == "sqlite":
        # Part of this migration's transaction like the rest (it is written in page 1).
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    else:
        for statement in POSTGRES_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("PRAGMA application_id = 0")
        for name in ("database_identity_no_update", "database_identity_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("database_identity")
    if bind.dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS database_identity_written_once()")
