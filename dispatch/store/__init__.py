"""Persistence: SQLAlchemy 2.0 tables, engine set-up, Alembic migrations and read queries."""
