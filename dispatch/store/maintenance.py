"""Installers' database commands, without Qt: ``verify`` and ``migrate``.

``dispatch-console verify --db URL`` walks the audit log's hash chain (``audit_chain.verify``): exit 0
and the chain's head when it is intact, exit 1 naming the first broken link, exit 2 when the
database cannot be checked (refused, unreachable, or older than the chain).

``dispatch-console migrate --db OWNER_URL [--console-role ROLE]`` upgrades the database as its owner
and, on PostgreSQL, gives the console's role exactly its privileges (``roles.grant_console_privileges``);
a console whose role may not upgrade its database is refused until this has run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dispatch.store import audit_chain
from dispatch.store.database import (
    REVISIONS,
    DatabaseRefused,
    current_revision,
    open_database,
    url_from_option,
)
from dispatch.store.roles import RoleError, grant_console_privileges

EXIT_INTACT = 0
EXIT_BROKEN = 1
EXIT_CANNOT_CHECK = 2
#: The first revision whose audit log is a hash chain.
CHAINED_FROM = "0006"


database_url = url_from_option


def _existing(url: str) -> str | None:
    """Why a SQLite file cannot be checked (it does not exist), else None: checking never creates one."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if path in ("", ":memory:") or not Path(path).is_file():
            return f"no such database file: {path or '(none)'}"
    return None


def snapshot(connection: Connection) -> Connection:
    """One view of the database for the whole check, while consoles go on writing.

    SQLite: the read transaction keeps its WAL snapshot. PostgreSQL: REPEATABLE READ, or the head
    (read first) could lag behind rows committed while the walk runs.
    """
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ")
    return connection


def _anchor(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    digest = digest.strip().lower()
    if not seq.strip().isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise argparse.ArgumentTypeError(f"expected SEQ:HASH (a number, 64 hex characters), got {text!r}")
    return int(seq), digest


def verify_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="dispatch-console verify",
        description="Check the audit log's hash chain: exit 0 when intact, 1 at the first broken link, "
        "2 when the database cannot be checked.",
    )
    parser.add_argument("--db", required=True, metavar="URL", help="database URL or SQLite file")
    parser.add_argument(
        "--anchor",
        action="append",
        default=[],
        type=_anchor,
        metavar="SEQ:HASH",
        help="a link's hash written down earlier (e.g. in a shift handover): the chain must still pass "
        "through it (repeatable)",
    )
    options = parser.parse_args(argv)
    url = database_url(options.db)
    missing = _existing(url)
    if missing:
        print(f"verify: {missing}", file=sys.stderr)
        return EXIT_CANNOT_CHECK
    try:
        database = open_database(url, upgrade=False)
    except DatabaseRefused as refused:
        print(f"verify: database refused: {refused}", file=sys.stderr)
        return EXIT_CANNOT_CHECK
    try:
        revision = current_revision(database.engine)
        if revision is None or REVISIONS.index(revision) < REVISIONS.index(CHAINED_FROM):
            print(
                f"verify: {database.display_url} is at revision {revision or 'none'}, before the hash "
                f"chain ({CHAINED_FROM}); upgrade it first (dispatch-console migrate)",
                file=sys.stderr,
            )
            return EXIT_CANNOT_CHECK
        with database.engine.connect() as connection:
            report = audit_chain.verify(snapshot(connection), dict(options.anchor))
    except SQLAlchemyError as error:
        print(f"verify: {getattr(error, 'orig', None) or error}", file=sys.stderr)
        return EXIT_CANNOT_CHECK
    finally:
        database.dispose()
    if report.broken is not None:
        print(f"{database.display_url}: audit chain BROKEN: {report.broken.describe()}")
        return EXIT_BROKEN
    print(
        f"{database.display_url}: audit chain intact: {report.rows} rows; "
        f"head seq {report.head_seq} hash {report.head_hash}"
    )
    return EXIT_INTACT


def migrate_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="dispatch-console migrate",
        description="Upgrade the database to this console's schema, as the role that owns it, and on "
        "PostgreSQL grant the console's role what it needs (docs/installing.md).",
    )
    parser.add_argument("--db", required=True, metavar="OWNER_URL", help="database URL or SQLite file")
    parser.add_argument(
        "--console-role",
        metavar="ROLE",
        help="PostgreSQL: the role the consoles connect as (required there; it must own nothing)",
    )
    options = parser.parse_args(argv)
    url = database_url(options.db)
    postgres = make_url(url).get_backend_name() == "postgresql"
    if postgres and not options.console_role:
        parser.error("--console-role is required on PostgreSQL")
    if not postgres and options.console_role:
        parser.error("--console-role applies to PostgreSQL only")
    try:
        database = open_database(url)
    except DatabaseRefused as refused:
        print(f"migrate: database refused: {refused}", file=sys.stderr)
        return EXIT_CANNOT_CHECK
    try:
        print(f"{database.display_url}: at revision {current_revision(database.engine)}")
        if postgres:
            with database.engine.begin() as connection:
                granted = grant_console_privileges(connection, options.console_role)
            for table, privileges in sorted(granted.items()):
                print(f"  {options.console_role}: {', '.join(privileges)} on {table}")
    except (RoleError, SQLAlchemyError) as error:
        print(f"migrate: {getattr(error, 'orig', None) or error}", file=sys.stderr)
        return EXIT_CANNOT_CHECK
    finally:
        database.dispose()
    return 0


def main(argv: Sequence[str]) -> int:
    """``argv`` starts with the subcommand's name."""
    command, rest = argv[0], list(argv[1:])
    return verify_main(rest) if command == "verify" else migrate_main(rest)
