"""Alembic environment: always run with a connection handed in by dispatch.store.database."""

from __future__ import annotations

from alembic import context

from dispatch.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
