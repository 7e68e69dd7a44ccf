"""Alembic environment: always run with a connection handed in by dispatch.store.database.

Each migration runs in its own transaction, on SQLite too (the console begins SQLite transactions
itself, so DDL is transactional there: ``transactional_ddl``): a crash in the middle of one leaves
the database at the revision before it. On SQLite the connection comes with foreign keys off (batch
operations recreate tables, SQLite's documented procedure), and each migration ends with
``PRAGMA foreign_key_check`` inside its transaction, so a migration that broke a reference fails
and is rolled back.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from alembic import context
from alembic.runtime.migration import MigrationContext, MigrationInfo

from dispatch.store.tables import Base

connection = context.config.attributes["connection"]
sqlite = connection.dialect.name == "sqlite"


def _check_foreign_keys(
    ctx: MigrationContext, step: MigrationInfo, heads: Collection[Any], run_args: Mapping[str, Any]
) -> None:
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        shown = "; ".join(f"{row[0]} row {row[1]} -> {row[2]}" for row in problems[:5])
        raise RuntimeError(f"migration {step.up_revision_id} broke foreign keys: {shown}")


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=sqlite,
    compare_type=True,
    transactional_ddl=True,
    transaction_per_migration=True,
    on_version_apply=_check_foreign_keys if sqlite else None,
)
with context.begin_transaction():
    context.run_migrations()
