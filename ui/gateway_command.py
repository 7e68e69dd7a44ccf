"""``dispatch-console gateway``: the feed gateway of a centre, a headless service (docs/gateway.md).

    dispatch-console gateway --db URL --feed URL... [--name NAME] [--region ID] [--spool DIR]
        [--timer KIND=SECONDS]...

Runs ``dispatch.gateway.Gateway`` (no window, no Qt event loop) until SIGTERM or SIGINT: the feeds,
the overdue timers and the alerts of the consoles sharing one live PostgreSQL database, with a
heartbeat that every console's status line shows. A SQLite file (one console, which runs its own
feeds) and a training database are refused. Only the console's settings file is read (with Qt's
QSettings, as the console writes it): the timers' limits and the region, when not given here.

Logs go to standard error (the systemd journal) and to ``<data dir>/logs/gateway-NAME.log``
(rotated, 5 x 5 MiB; Linux: ``~/.local/share/dispatch-console/logs/``).

Exit status: 0 stopped by a signal; 2 the command line is wrong, the database is refused or cannot be
opened, or the spool folder is another gateway's.
"""

from __future__ import annotations

import argparse
import logging
import re
import signal
import socket
import sys
import threading
from collections.abc import Sequence
from dataclasses import replace
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import FrameType

from sqlalchemy.engine import make_url

from dispatch.domain.timers import THRESHOLD_FIELDS, TimerThresholds

EXIT_STOPPED = 0
EXIT_REFUSED = 2
LOG_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5

log = logging.getLogger("dispatch.gateway.command")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-console gateway",
        description="The feed gateway of a centre (docs/gateway.md): runs the caller-ID and PBX feeds, the "
        "overdue timers and the alerts for every console on one live PostgreSQL database, and writes a "
        "heartbeat that their status lines show. Runs until SIGTERM or Ctrl+C.",
        epilog="Exit status: 0 stopped by a signal; 2 wrong command line, database refused (SQLite, "
        "training, unreachable), or spool folder in use by another gateway. Logs: standard error and "
        "<data dir>/logs/gateway-NAME.log.",
    )
    parser.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the centre's PostgreSQL database (postgresql+psycopg://...)",
    )
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="a caller-ID or PBX feed (repeat for several; docs/feeds.md); without any, only the timers "
        "and the heartbeat run",
    )
    parser.add_argument(
        "--name",
        default="gateway",
        metavar="NAME",
        help="this gateway's name, as consoles and audit rows show it (default: gateway)",
    )
    parser.add_argument(
        "--region", default=None, help="phone number region of the feeds (default: settings, ID)"
    )
    parser.add_argument(
        "--spool",
        metavar="DIR",
        help="folder of the frames read but not stored yet (default: under the data folder, per database "
        "and name)",
    )
    parser.add_argument(
        "--timer",
        action="append",
        default=[],
        metavar="KIND=SECONDS",
        help="an overdue timer's limit, over the settings' (repeatable; kinds: "
        + ", ".join(THRESHOLD_FIELDS)
        + ")",
    )
    return parser


class CommandError(Exception):
    """The gateway cannot run; the message says why (exit status 2)."""


def thresholds_of(settings_limits: TimerThresholds, given: Sequence[str]) -> TimerThresholds:
    """The settings' limits with ``--timer KIND=SECONDS`` over them (CommandError when wrong)."""
    values: dict[str, int] = {}
    for item in given:
        kind, _, seconds = item.partition("=")
        kind = kind.strip()
        if kind not in THRESHOLD_FIELDS or not seconds.strip().isdigit():
            raise CommandError(
                f"--timer takes KIND=SECONDS with KIND one of {', '.join(THRESHOLD_FIELDS)} (e.g. "
                "call_ringing=20)"
            )
        values[kind] = int(seconds)
    limits = replace(settings_limits, **values)
    problems = limits.problems()
    if problems:
        wrong = ", ".join(
            f"{name} ({problem.replace('_', ' ')})" for name, problem in sorted(problems.items())
        )
        raise CommandError(f"--timer: limits out of range: {wrong}")
    return limits


def configure_logging(directory: Path, name: str) -> Path:
    """Log to ``directory/gateway-NAME.log`` (rotated like the console's log, 5 x 5 MiB) and to
    standard error (INFO and up: under systemd, the journal); returns the path.

    A file of its own: a console on the same computer rotates its own log, and two processes rotating
    one file lose lines."""
    directory.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:64] or "gateway"
    path = directory / f"gateway-{safe}.log"
    root = logging.getLogger()
    if not any(getattr(handler, "baseFilename", None) == str(path) for handler in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        root.addHandler(handler)
        errors = logging.StreamHandler(sys.stderr)
        errors.setFormatter(logging.Formatter("%(levelname)s %(threadName)s %(name)s: %(message)s"))
        root.addHandler(errors)
    root.setLevel(logging.INFO)
    return path


def _log_thread_end(args: threading.ExceptHookArgs) -> None:
    """Nothing fails silently: a thread that ends with an exception is logged with its traceback
    (the supervisor restarts a feed's thread; the gateway's loops catch their own)."""
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "?"
    log.error(
        "thread %s ended by %s: %s",
        name,
        args.exc_type.__name__,
        args.exc_value,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


def main(argv: Sequence[str]) -> int:
    options = build_parser().parse_args(list(argv))
    try:
        return run(options)
    except CommandError as error:
        print(f"gateway: {error}", file=sys.stderr)
        return EXIT_REFUSED


def run(options: argparse.Namespace) -> int:
    from dispatch.domain.clock import SystemClock
    from dispatch.feeds.urls import FeedUrlError, SimFeedUrl, parse_feed_url
    from dispatch.gateway import Gateway, GatewayError
    from dispatch.services import accounts
    from dispatch.services.bus import ChangeBus
    from dispatch.store.database import DatabaseKind, DatabaseRefused, RefusalReason, open_database
    from ui.settings import ConsoleSettings, data_dir, database_url

    # From the first moment: a stop asked for while starting is an orderly stop once started.
    stop = threading.Event()
    why: list[str] = []

    def on_signal(number: int, _frame: FrameType | None) -> None:
        why.append(signal.Signals(number).name)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    name = options.name.strip()
    if not name or len(name) > 64:
        raise CommandError("--name takes a name of 1 to 64 characters")
    try:
        feed_urls = [parse_feed_url(text) for text in options.feed]
    except FeedUrlError as error:
        raise CommandError(f"--feed: {error}") from None
    if any(isinstance(url, SimFeedUrl) for url in feed_urls):
        raise CommandError("sim:// is the training consoles' simulated callers, not a feed for a live centre")
    url = database_url(options.db, training=False)
    if make_url(url).get_backend_name() != "postgresql":
        raise CommandError(
            "a gateway serves a centre's PostgreSQL database (postgresql+psycopg://...); a SQLite file is "
            "one console's, which runs its own feeds (dispatch-console --feed URL)"
        )
    settings = ConsoleSettings.load()
    thresholds = thresholds_of(settings.thresholds, options.timer)
    log_path = configure_logging(data_dir() / "logs", name)
    threading.excepthook = _log_thread_end
    log.info("gateway %s starting; log in %s", name, log_path)
    try:
        database = open_database(url, kind=DatabaseKind.LIVE)
    except DatabaseRefused as refused:
        log.error("database refused: %s", refused)
        if refused.reason is RefusalReason.TRAINING_IN_LIVE:
            raise CommandError(
                f"{refused.location} is a training database: a gateway runs the feeds of a live centre "
                "(training consoles run their own simulated callers)"
            ) from None
        raise CommandError(f"database refused: {refused}") from None
    except Exception as error:  # every failure to open says so in one line, never a traceback
        log.error("database could not be opened: %s: %s", type(error).__name__, error)
        raise CommandError(f"the database could not be opened: {type(error).__name__}: {error}") from None
    try:
        spool = Path(options.spool).expanduser() if options.spool else default_spool(url, name, data_dir())
        try:
            ctx = accounts.register_console(database, SystemClock(), ChangeBus(), name, socket.gethostname())
            gateway = Gateway(
                ctx,
                feed_urls,
                spool,
                options.region or settings.region,
                thresholds,
                name,
            )
        except GatewayError as error:
            raise CommandError(str(error)) from None
        except Exception as error:
            log.exception("gateway %s could not start", name)
            raise CommandError(f"the gateway could not start: {type(error).__name__}: {error}") from None
        if not feed_urls:
            log.warning("gateway %s runs no feed: only the timers and the heartbeat", name)
        try:
            gateway.run_forever(stop, lambda: why[0] if why else "stopped")
        except Exception as error:
            log.exception("gateway %s failed", name)
            raise CommandError(f"the gateway failed: {type(error).__name__}: {error}") from None
        return EXIT_STOPPED
    finally:
        database.dispose()


def default_spool(url: str, name: str, data: Path) -> Path:
    """The spool folder of gateway ``name`` for the database at ``url``: one per database and name,
    under the data folder (``spool/<server>-<digest>/gateway-NAME``)."""
    from dispatch.feeds.supervisor import spool_dir_for

    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:64] or "gateway"
    return spool_dir_for(url, data) / f"gateway-{safe}"
