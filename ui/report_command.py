"""``dispatch-console report``: a report written to a file, for scheduled reports (docs/reports.md).

    dispatch-console report --db URL (--shift ID|last | --from T --to T | --month YYYY-MM|previous)
        --kind handover|figures|monthly|open-data --format pdf|csv|json --lang id|en --out FILE
        [--zone Asia/Jakarta]

The database is only read. It is opened as ``verify`` opens it (checked, never created, never
upgraded), refused unless it is at this console's schema, and every connection is then made read-only
(SQLite ``PRAGMA query_only``; PostgreSQL read-only transactions), so a report can run against a live
centre's database, a copy, or with a role that may only read. For the same reason the command writes
no audit row: an audit row is a write. What the command wrote is in the output of the scheduler
that ran it (cron's mail, the systemd journal); the REPORT_EXPORT audit action is for a person saving
a report in the window.

The file appears whole or not at all: it is written beside its name and renamed into place.

Exit status: 0 written; 1 refused (no such shift, no closed shift yet); 2 the command line is wrong,
the database cannot be opened or read, or the file cannot be written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dispatch.domain.clock import SystemClock
from dispatch.domain.codes import Refusal
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import DatabaseUnavailable
from dispatch.store.database import (
    Database,
    DatabaseRefused,
    current_revision,
    head_revision,
    open_database,
    url_from_option,
)

EXIT_WRITTEN = 0
EXIT_REFUSED = 1
EXIT_FAILED = 2

KINDS = ("handover", "figures", "monthly", "open-data")
FORMATS = ("pdf", "csv", "json")
DEFAULT_ZONE = "Asia/Jakarta"
#: ``--shift last``: the most recently closed shift (what a job run after each shift wants).
LAST_SHIFT = "last"
#: ``--month previous``: the month before the present one in ``--zone`` (a job on the 1st).
PREVIOUS_MONTH = "previous"


class CommandError(Exception):
    """The report cannot be made; ``status`` is the exit status, the message says why."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


# --- the command line --------------------------------------------------------------------------------


def parse_time(text: str, zone: tzinfo) -> datetime:
    """``2026-11-27``, ``2026-11-27T07:00``, ``2026-11-27 07:00:30`` (in ``zone``), or any of them
    with an offset (``+07:00``, ``Z``); a date alone is its local midnight. ValueError otherwise."""
    cleaned = text.strip()
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"not a time: {text!r} (write 2026-11-27 or 2026-11-27T07:00)") from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=zone)
    return parsed


def parse_zone(text: str) -> ZoneInfo:
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(
            f"unknown time zone {text!r} (Asia/Jakarta, Asia/Makassar or Asia/Jayapura)"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-console report",
        description="Write a report to a file: a shift's handover, the figures of a shift or a period, "
        "a month's roll-up, or the open-data export (docs/reports.md). The database is only read.",
        epilog="Exit status: 0 written; 1 refused (no such shift); 2 wrong command line, database not "
        "readable, or file not writable.",
    )
    parser.add_argument("--db", required=True, metavar="URL", help="database URL or SQLite file")
    parser.add_argument("--kind", required=True, choices=KINDS, help="which report")
    parser.add_argument("--format", required=True, choices=FORMATS, help="pdf, csv or json")
    parser.add_argument(
        "--out", required=True, metavar="FILE", help="the file to write; - for standard output (csv, json)"
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="language of the PDF and of the CSV's labels (default id)",
    )
    parser.add_argument(
        "--zone",
        type=parse_zone,
        default=ZoneInfo(DEFAULT_ZONE),
        metavar="ZONE",
        help=f"the centre's time zone (default {DEFAULT_ZONE}; WITA: Asia/Makassar, WIT: Asia/Jayapura)",
    )
    which = parser.add_argument_group("period (one of)")
    which.add_argument(
        "--shift", metavar="ID", help="a duty shift's number, or 'last' for the last closed shift"
    )
    which.add_argument(
        "--from",
        dest="since",
        metavar="T",
        help="start, e.g. 2026-11-27T07:00 (local), or YYYY-MM for open-data",
    )
    which.add_argument(
        "--to", dest="until", metavar="T", help="end (not included), or YYYY-MM (included) for open-data"
    )
    which.add_argument("--month", metavar="YYYY-MM", help="a calendar month, or 'previous'")
    return parser


@dataclass(frozen=True)
class Request:
    kind: str
    format: str
    language: str
    zone: tzinfo
    out: str
    shift: str | None
    since: str | None
    until: str | None
    month: str | None


def request_of(options: argparse.Namespace) -> Request:
    """The options checked against one another (CommandError, status 2, naming what is wrong)."""
    request = Request(
        options.kind, options.format, options.lang, options.zone, options.out,
        options.shift, options.since, options.until, options.month,
    )  # fmt: skip
    given = [name for name, value in (("--shift", request.shift), ("--month", request.month)) if value]
    if request.since or request.until:
        if not (request.since and request.until):
            raise CommandError("--from and --to go together")
        given.append("--from/--to")
    if len(given) != 1:
        raise CommandError("give the period once: --shift, --from and --to, or --month")
    allowed = {
        "handover": ("--shift",),
        "figures": ("--shift", "--from/--to", "--month"),
        "monthly": ("--month",),
        "open-data": ("--month", "--from/--to"),
    }[request.kind]
    if given[0] not in allowed:
        raise CommandError(f"a {request.kind} report takes {' or '.join(allowed)}")
    if request.shift and request.shift != LAST_SHIFT and not request.shift.isdigit():
        raise CommandError(f"--shift takes a shift's number or 'last', not {request.shift!r}")
    if request.out == "-" and (
        request.format == "pdf" or (request.kind == "open-data" and request.format == "csv")
    ):
        raise CommandError("--out - (standard output) is for a CSV or JSON file (open data: JSON)")
    return request


# --- the database, read-only ------------------------------------------------------------------------


database_url = url_from_option


def _read_only_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            # The driver began a transaction for the SET: a rollback (the pool's reset) would undo it.
            dbapi_connection.commit()
    finally:
        cursor.close()


def open_read_only(option: str) -> Database:
    """The database as ``verify`` opens it, then every connection read-only (CommandError if refused)."""
    url = database_url(option)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if path in ("", ":memory:") or not Path(path).is_file():
            raise CommandError(f"no such database file: {path or '(none)'}")
    try:
        database = open_database(url, upgrade=False)
    except DatabaseRefused as refused:
        raise CommandError(f"database refused: {refused}") from None
    try:
        revision = current_revision(database.engine)
    except SQLAlchemyError as error:
        database.engine.dispose()
        raise CommandError(f"database could not be read: {getattr(error, 'orig', None) or error}") from None
    if revision != head_revision():
        database.engine.dispose()
        raise CommandError(
            f"{database.display_url} is at revision {revision or 'none'}, this console's is "
            f"{head_revision()}: upgrade it first (dispatch-console migrate, docs/installing.md)"
        )
    event.listen(database.engine, "connect", _read_only_connection)
    # Connections pooled while the database was checked were made before the listener.
    database.engine.dispose()
    return database


def reading_context(database: Database) -> ServiceContext:
    """A context for the report services: they only read, so no console is registered."""
    return ServiceContext(database, SystemClock(), ChangeBus(), 0, "report-command")


# --- the report -------------------------------------------------------------------------------------


def _shift_id(ctx: ServiceContext, request: Request) -> int:
    from dispatch.services import shifts

    assert request.shift is not None
    if request.shift != LAST_SHIFT:
        return int(request.shift)
    closed = [s for s in shifts.recent_shifts(ctx, limit=20) if s.closed_at is not None]
    if not closed:
        raise CommandError("no shift has been closed yet", EXIT_REFUSED)
    return closed[0].id


def _month(request: Request) -> tuple[int, int]:
    from dispatch.reports.monthly import parse_month, shift_month

    assert request.month is not None
    if request.month == PREVIOUS_MONTH:
        now = SystemClock().now().astimezone(request.zone)
        return shift_month(now.year, now.month, -1)
    try:
        return parse_month(request.month)
    except ValueError as error:
        raise CommandError(str(error)) from None


def _period(request: Request) -> tuple[datetime, datetime]:
    try:
        since = parse_time(request.since or "", request.zone)
        until = parse_time(request.until or "", request.zone)
    except ValueError as error:
        raise CommandError(str(error)) from None
    if until <= since:
        raise CommandError("--to must be after --from")
    return since, until


def document_of(ctx: ServiceContext, request: Request) -> dict[str, Any]:
    """The report's data (dispatch/reports/export.py), for any kind but open data."""
    from dispatch.reports import export
    from dispatch.reports.monthly import month_bounds
    from dispatch.services import shifts

    if request.kind == "handover":
        return export.handover_document(ctx, _shift_id(ctx, request))
    if request.kind == "monthly":
        year, month = _month(request)
        return export.monthly_document(ctx, year, month, request.zone)
    if request.shift:
        shift = shifts.shift(ctx, _shift_id(ctx, request))
        return export.figures_document(ctx, shift.opened_at, shift.period_end, request.zone, shift=shift)
    if request.month:
        since, until = month_bounds(*_month(request), request.zone)
    else:
        since, until = _period(request)
    return export.figures_document(ctx, since, until, request.zone)


def _open_data(ctx: ServiceContext, request: Request) -> Any:
    from dispatch.reports.monthly import parse_month
    from dispatch.reports.open_data import open_data

    if request.month:
        first = last = _month(request)
    else:
        try:
            first, last = parse_month(request.since or ""), parse_month(request.until or "")
        except ValueError as error:
            raise CommandError(
                f"{error}: open data is counted by month (--from 2026-01 --to 2026-06)"
            ) from None
    try:
        return open_data(ctx, first, last, request.zone)
    except ValueError as error:
        raise CommandError(str(error)) from None


@contextmanager
def _qt(language: str) -> Iterator[None]:
    """A headless Qt for the words and the PDF: offscreen unless the caller chose a platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from ui.reports.document import speaking

    app = QCoreApplication.instance() or QGuiApplication(["dispatch-console"])
    with speaking(language):
        yield
    del app


@contextmanager
def _replacing(target: str) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed to it when the block ends without an error."""
    final = Path(target).expanduser()
    folder = final.parent if str(final.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise CommandError(f"cannot write {final}: {error.strerror or error}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp makes the file private; the report gets the mode any new file of the user gets.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, final)
    except OSError as error:
        raise CommandError(f"cannot write {final}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _write_text(request: Request, text: str, stdout: TextIO) -> list[str]:
    if request.out == "-":
        stdout.write(text)
        stdout.flush()
        return []
    with _replacing(request.out) as temporary:
        temporary.write_bytes(text.encode("utf-8"))
    return [request.out]


def write_report(ctx: ServiceContext, request: Request, stdout: TextIO) -> list[str]:
    """Make the report and write it; the files written."""
    from dispatch.reports.export import report_csv
    from dispatch.reports.handover import canonical_json

    if request.kind == "open-data":
        return _write_open_data(ctx, request, stdout)
    document = document_of(ctx, request)
    if request.format == "json":
        return _write_text(request, canonical_json(document) + "\n", stdout)
    with _qt(request.language):
        if request.format == "csv":
            from ui.reports.csv_words import label

            return _write_text(
                request,
                report_csv(request.kind, document, lambda row: label(row, request.language)),
                stdout,
            )
        from ui.reports.document import render_html, write_pdf

        html = render_html(request.kind, document, request.language, request.zone)
        with _replacing(request.out) as temporary:
            write_pdf(html, temporary)
        return [request.out]


def _write_open_data(ctx: ServiceContext, request: Request, stdout: TextIO) -> list[str]:
    from dispatch.reports.handover import canonical_json
    from dispatch.reports.open_data import metadata_path, write_open_data

    export = _open_data(ctx, request)
    document = open_data_document(export)
    if request.format == "json":
        return _write_text(request, canonical_json(document) + "\n", stdout)
    if request.format == "pdf":
        with _qt(request.language):
            from ui.reports.document import render_html, write_pdf

            html = render_html(request.kind, document, request.language, request.zone)
            with _replacing(request.out) as temporary:
                write_pdf(html, temporary)
        return [request.out]
    final = Path(request.out).expanduser()
    with _replacing(request.out) as temporary:
        # The writer names the metadata after the CSV: written under the final name in a folder of
        # its own beside the target, then both renamed into place.
        folder = Path(tempfile.mkdtemp(prefix=".open-data.", dir=temporary.parent))
        try:
            written, metadata = write_open_data(export, folder / final.name)
            os.replace(metadata, metadata_path(final))
            os.replace(written, temporary)
        finally:
            for leftover in folder.iterdir():
                leftover.unlink()
            folder.rmdir()
    return [str(final), str(metadata_path(final))]


def open_data_document(export: Any) -> dict[str, Any]:
    from dispatch.reports.handover import canonical
    from dispatch.reports.open_data import COLUMNS, FORMAT

    document: dict[str, Any] = canonical(
        {
            "format": FORMAT,
            "columns": list(COLUMNS),
            "rows": [dict(zip(COLUMNS, row.cells(), strict=True)) for row in export.rows],
            "metadata": export.metadata,
        }
    )
    return document


def _refusal_text(error: ServiceError) -> str:
    if error.code is Refusal.NO_SUCH_SHIFT:
        return f"no shift {error.details.get('shift_id', '')} in the database"
    return f"refused: {error.code.value}"


def main(argv: Sequence[str], stdout: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    parser = build_parser()
    options = parser.parse_args(list(argv))
    try:
        request = request_of(options)
        database = open_read_only(options.db)
    except CommandError as error:
        print(f"dispatch-console report: {error}", file=sys.stderr)
        return error.status
    try:
        written = write_report(reading_context(database), request, out)
    except CommandError as error:
        print(f"dispatch-console report: {error}", file=sys.stderr)
        return error.status
    except ServiceError as error:
        print(f"dispatch-console report: {_refusal_text(error)}", file=sys.stderr)
        return EXIT_REFUSED
    except (DatabaseUnavailable, SQLAlchemyError) as error:
        detail = getattr(error, "orig", None) or error
        print(f"dispatch-console report: the database could not be read: {detail}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        # Not Database.dispose(): that runs PRAGMA optimize, a write.
        database.engine.dispose()
    # Silent when it worked, as a scheduled job should be (cron mails any output); the files are named
    # on the command line.
    del written
    return EXIT_WRITTEN
