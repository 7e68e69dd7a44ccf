"""The 112 dispatch console: everything that is not on screen.

Layers (enforced by import-linter, see pyproject.toml): ``domain`` (pure rules) under ``store``
(SQLAlchemy and Alembic) under ``services`` (the only writers) under ``feeds``, ``simulator`` and
``reports``. The ``ui`` package sits on top and is never imported from here.
"""
