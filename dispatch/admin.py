"""``dispatch-console admin``: accounts from the command line, for installers (no Qt).

    dispatch-console admin create-user  --db URL USERNAME --full-name NAME --role ROLE [--password-stdin]
    dispatch-console admin list-users   --db URL
    dispatch-console admin unlock       --db URL USERNAME
    dispatch-console admin reset-password --db URL USERNAME [--password-stdin]

Passwords are never taken from the command line (other users of the machine can read it): they are
asked twice at the terminal without echo, or, with ``--password-stdin``, read from standard input
(first line; a second line, when given, must repeat it). The same rules as in the console apply.

The command acts as an administrator with no account of its own: every change is audited under
``admin-command:<operating-system user>`` at a console named ``admin@<host>``.

Exit status: 0 done; 1 refused (what is wrong is printed); 2 the database cannot be opened or the
command line is wrong.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import make_url

from dispatch.domain.accounts import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    AccountProblem,
    LockState,
    is_locked,
)
from dispatch.domain.clock import SystemClock
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import Role
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.services.context import Actor, ServiceContext, ServiceError
from dispatch.services.uow import DatabaseUnavailable
from dispatch.store.database import Database, DatabaseRefused, open_database, url_from_option

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_CANNOT_OPEN = 2

PROBLEM_TEXT = {
    AccountProblem.USERNAME_INVALID: "2 to 32 characters: lower-case letters, digits, . - or _",
    AccountProblem.USERNAME_TAKEN: "this username is already taken",
    AccountProblem.FULL_NAME_MISSING: "give the person's full name",
    AccountProblem.PASSWORD_TOO_SHORT: f"at least {MIN_PASSWORD_LENGTH} characters",
    AccountProblem.PASSWORD_TOO_LONG: f"at most {MAX_PASSWORD_LENGTH} characters",
    AccountProblem.PASSWORD_COMMON: "one of the most common passwords: choose another",
    AccountProblem.PASSWORD_CONTAINS_USERNAME: "the password must not contain the username",
    AccountProblem.PASSWORD_REPETITIVE: "one character repeated is not a password",
    AccountProblem.PASSWORDS_DIFFER: "the two passwords are not the same",
}

#: The refusals these commands can meet, in words (the code follows in brackets, for scripts).
REFUSAL_TEXT = {
    Refusal.NO_SUCH_USER: "no account is named {username}",
    Refusal.LAST_ADMINISTRATOR: "no administrator would be left",
    Refusal.LAST_ACCOUNT_MANAGER: "no one would be left to manage accounts",
    Refusal.NOT_ALLOWED: "not allowed",
    Refusal.CHANGED_ELSEWHERE: "another console changed it first: run the command again",
}


class CommandError(Exception):
    """The command cannot run (exit status 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-console admin",
        description="User accounts for installers. Passwords are asked at the terminal or read from "
        "standard input (--password-stdin), never taken from the command line.",
        allow_abbrev=False,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text, allow_abbrev=False)
        sub.add_argument("--db", required=True, metavar="URL", help="database URL or SQLite file")
        return sub

    create = command("create-user", "add an account (any role, administrators too)")
    create.add_argument("username")
    create.add_argument("--full-name", required=True, metavar="NAME")
    create.add_argument("--role", required=True, choices=[role.value for role in Role])
    create.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    command("list-users", "list the accounts with their role and state")
    unlock = command("unlock", "end an account's lockout after wrong passwords")
    unlock.add_argument("username")
    reset = command("reset-password", "give an account a new password (ends a lockout)")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    return parser


def main(argv: Sequence[str], stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """``argv`` without the leading ``admin``."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    options = build_parser().parse_args(list(argv))
    try:
        url = _database_url(options.db, create=options.command == "create-user")
        database = open_database(url)
    except (CommandError, DatabaseRefused) as error:
        print(f"dispatch-console admin: {error}", file=sys.stderr)
        return EXIT_CANNOT_OPEN
    try:
        ctx = _installer(database)
        return _run(ctx, options, stdin, out)
    except CommandError as error:
        print(f"dispatch-console admin: {error}", file=sys.stderr)
        return EXIT_CANNOT_OPEN
    except DatabaseUnavailable as error:
        print(f"dispatch-console admin: database {error.reason}: {error.detail}", file=sys.stderr)
        return EXIT_CANNOT_OPEN
    finally:
        database.dispose()


def _run(ctx: ServiceContext, options: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    try:
        if options.command == "list-users":
            _list(ctx, out)
            return EXIT_OK
        if options.command == "create-user":
            password, repeated = _password(options.password_stdin, stdin)
            actor = accounts.create_user(
                ctx, options.username, options.full_name, password, repeated, Role(options.role)
            )
            print(f"account {actor.user_name} added ({actor.role})", file=out)
            return EXIT_OK
        user_id = _user_id(ctx, options.username)
        if options.command == "unlock":
            accounts.unlock_user(ctx, user_id)
            print(f"account {options.username.strip().lower()} unlocked", file=out)
            return EXIT_OK
        password, repeated = _password(options.password_stdin, stdin)
        accounts.reset_password(ctx, user_id, password, repeated)
        print(f"password of {options.username.strip().lower()} reset", file=out)
        return EXIT_OK
    except accounts.AccountRefused as refused:
        for field, problem in refused.problems.items():
            print(f"{field}: {PROBLEM_TEXT[problem]}", file=sys.stderr)
        return EXIT_REFUSED
    except ServiceError as error:
        # "refused: no_such_user" was all an installer read for a mistyped name.
        words = REFUSAL_TEXT.get(Refusal(error.code), "refused")
        name = options.username.strip().lower() if hasattr(options, "username") else ""
        print(f"dispatch-console admin: {words.format(username=name)} ({error.code})", file=sys.stderr)
        return EXIT_REFUSED


def _list(ctx: ServiceContext, out: TextIO) -> None:
    now = ctx.clock.now()
    print("username\trole\tstate\tlast login\tfull name", file=out)
    for user in accounts.list_users(ctx):
        state = "active" if user.active else "inactive"
        if user.locked_until is not None and is_locked(LockState(0, user.locked_until), now):
            state += f", locked until {user.locked_until.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
        last = f"{user.last_login_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC" if user.last_login_at else "-"
        print(f"{user.username}\t{user.role.value}\t{state}\t{last}\t{user.full_name}", file=out)


def _user_id(ctx: ServiceContext, username: str) -> int:
    name = username.strip().lower()
    for user in accounts.list_users(ctx):
        if user.username == name:
            return user.id
    raise ServiceError(Refusal.NO_SUCH_USER, username=name)


def _password(from_stdin: bool, stdin: TextIO) -> tuple[str, str]:
    """The new password and its repetition: from stdin's first two lines, or asked twice at the terminal."""
    if from_stdin:
        lines = stdin.read().splitlines()
        if not lines:
            raise CommandError("--password-stdin: standard input is empty")
        return lines[0], lines[1] if len(lines) > 1 else lines[0]
    if not stdin.isatty():
        raise CommandError(
            "no terminal to ask the password at: give it on standard input with --password-stdin"
        )
    return getpass.getpass("New password: "), getpass.getpass("Repeat the password: ")


def _database_url(option: str, *, create: bool) -> str:
    url = url_from_option(option)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not create:
        path = parsed.database or ""
        if path in ("", ":memory:") or not Path(path).is_file():
            raise CommandError(f"no such database file: {path or '(none)'}")
    return url


def _installer(database: Database) -> ServiceContext:
    host = socket.gethostname()
    console = accounts.register_console(database, SystemClock(), ChangeBus(), f"admin@{host}"[:64], host)
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return console.acting_as(Actor(None, f"admin-command:{who}"[:64], "Installer", Role.ADMIN.value))
