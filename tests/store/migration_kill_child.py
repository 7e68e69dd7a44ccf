"""A console start that kills itself inside a migration, for the crash test.

    python -m tests.store.migration_kill_child DB_PATH N

Opens DB_PATH as a live console does (the real ``open_database``: checks, copy, upgrade) and sends
itself SIGKILL right after the N-th statement of the upgrade that writes (``is_write``), before
its transaction commits. Prints ``NOT KILLED`` and exits 1 if there were fewer statements.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from dispatch.store.database import DatabaseKind, open_database, sqlite_url

_READS = ("SELECT", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA")


def is_write(statement: str) -> bool:
    """A statement that changes the database (PRAGMA application_id included)."""
    words = statement.lstrip().upper()
    return words.startswith("PRAGMA APPLICATION_ID =") or not words.startswith(_READS)


def is_version_write(statement: str) -> bool:
    """Alembic recording the revision: the last statement of a migration before its commit."""
    words = " ".join(statement.split()).upper()
    return words.startswith(("UPDATE ALEMBIC_VERSION", "INSERT INTO ALEMBIC_VERSION"))


def main() -> int:
    path, kill_at = Path(sys.argv[1]), int(sys.argv[2])
    seen = 0

    def after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal seen
        if is_write(statement):
            seen += 1
            if seen == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "after_cursor_execute", after)
    open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()
    print("NOT KILLED", seen, flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
