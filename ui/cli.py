"""``dispatch-console``: the command line (same as ``python main.py``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-console",
        description="Call-taking and dispatch console for a 112 emergency call centre.",
        epilog="dispatch-console listen URL [--count N] [--seconds S]: decode a feed live (docs/feeds.md); "
        "dispatch-console verify --db URL: check the audit log's hash chain; "
        "dispatch-console admin create-user|list-users|unlock|reset-password --db URL: accounts; "
        "dispatch-console migrate --db OWNER_URL [--console-role ROLE]: upgrade as the owner "
        "(docs/installing.md); "
        "dispatch-console report --db URL --kind KIND --format pdf|csv|json --out FILE ...: a report to a "
        "file (docs/reports.md); "
        "dispatch-console scenario check FILE... [--lang id|en]: check training scenario files "
        "(docs/scenarios.md); "
        "dispatch-console gateway --db URL --feed URL... [--name NAME]: a centre's feeds, timers and "
        "heartbeat as a service (docs/gateway.md)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (sqlite:///path or postgresql+psycopg://...) or a path to a SQLite file; "
        "default: the console's file in the user data directory (the training file with --simulator)",
    )
    parser.add_argument(
        "--simulator",
        action="store_true",
        help="training mode: simulated callers on the training database (default when no feed is configured)",
    )
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="a caller-ID or PBX feed (repeat for several); adds to the feeds in settings (docs/feeds.md)",
    )
    parser.add_argument("--region", default=None, help="phone number region of the feeds (default ID)")
    parser.add_argument("--live", action="store_true", help="live mode even though no feed is configured")
    parser.add_argument(
        "--sim-rate", type=float, default=None, metavar="N", help="simulated calls per minute (default 2)"
    )
    parser.add_argument(
        "--sim-seed", type=int, default=None, metavar="N", help="seed of the simulated callers"
    )
    parser.add_argument(
        "--scenario",
        metavar="ID_OR_FILE",
        help="training: load this scenario (a shipped scenario's id, or a scenario file) for the trainer "
        "to start; no random callers ring (docs/scenarios.md)",
    )
    parser.add_argument(
        "--start", action="store_true", help="with --scenario: start it at once, for the user who logs in"
    )
    parser.add_argument("--lang", choices=("id", "en"), help="language of the console (default: settings)")
    parser.add_argument(
        "--console", metavar="NAME", help="this console's name (default: settings or host name)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["listen"]:
        # No Qt and no database: a feed check for installers (dispatch/feeds/listen.py).
        from dispatch.feeds.listen import main as listen

        return listen(arguments[1:])
    if arguments[:1] == ["admin"]:
        # No Qt: accounts for installers (dispatch/admin.py); passwords never from argv.
        from dispatch.admin import main as admin

        return admin(arguments[1:])
    if arguments[:1] == ["report"]:
        # Reads only; Qt (offscreen) only for the words and the PDF (ui/report_command.py).
        from ui.report_command import main as report

        return report(arguments[1:])
    if arguments[:1] == ["gateway"]:
        # No window: a centre's feeds, timers and heartbeat as a service (ui/gateway_command.py).
        from ui.gateway_command import main as gateway

        return gateway(arguments[1:])
    if arguments[:1] == ["scenario"]:
        # No database and no window: a trainer's check of scenario files (ui/scenario_command.py).
        from ui.scenario_command import main as scenario

        return scenario(arguments[1:])
    if arguments[:1] in (["verify"], ["migrate"]):
        # No Qt: the audit chain's check and the owner's upgrade (dispatch/store/maintenance.py).
        from dispatch.store.maintenance import main as maintenance

        return maintenance(arguments)
    options = build_parser().parse_args(arguments)
    from ui.app import run_console

    return run_console(options)


if __name__ == "__main__":
    sys.exit(main())
