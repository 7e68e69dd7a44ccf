"""Start-up: language, database (refused with a clear dialog when not usable), accounts, window."""

from __future__ import annotations

import gc
import importlib

# Start-up makes objects that live as long as the console (modules, tables, the window): no
# collection walks them while they are made (50 ms of the imports); it resumes at the end of the
# imports, and run_console freezes what start-up made (freeze_long_lived).
_COLLECTING = gc.isenabled()
gc.disable()
# The console's modules that need no Qt, and SQLAlchemy with them, before PySide6: once PySide6 is
# imported, shiboken reads the whole source of every module imported after it (its __feature__
# check, inspect.getsource) into linecache: 60 ms and some 20 MiB for SQLAlchemy and the stdlib.
for _module in (
    "dispatch.services.accounts",
    "dispatch.services.queries",
    "dispatch.feeds.simulated",
    "dispatch.feeds.supervisor",
    "dispatch.store.database",
    "dispatch.domain.phone",
    "dispatch.domain.areas",
):
    importlib.import_module(_module)

import argparse
import linecache
import logging
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy.engine import make_url

from dispatch.catalogue_files import load_default_catalogue, load_demo_agencies, load_demo_roster
from dispatch.domain.clock import SystemClock
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.feeds.urls import FeedUrlError, SimFeedUrl, parse_feed_url
from dispatch.resources import resource_path
from dispatch.services import accounts, agencies, calls, dispatching
from dispatch.services.bus import ChangeBus
from dispatch.services.context import Actor, ServiceContext
from dispatch.services.uow import DatabaseUnavailable
from dispatch.simulator.callers import CallerGenerator
from dispatch.simulator.crews import SimulatedCrews
from dispatch.simulator.scenario_files import LoadedScenario, ScenarioError, find_scenario, load_scenario
from dispatch.store.database import DatabaseKind, DatabaseRefused, open_database
from ui import labels
from ui.background import background_loads
from ui.dialogs.accounts import FirstSupervisorDialog, LoginDialog
from ui.dialogs.refusal import refusal_text, startup_failure_text
from ui.faults import FaultReporter, configure_logging
from ui.feed_monitor import FeedMonitor
from ui.gateway_feeds import GatewayFeeds
from ui.gui_collector import GuiThreadCollector
from ui.i18n import default_language, install_translator
from ui.integrity_watch import IntegrityWatch
from ui.main_window import MainWindow
from ui.positions import LayoutStore
from ui.session import ConsoleSession
from ui.settings import APP_NAME, ConsoleSettings, data_dir, database_url, settings_file
from ui.style import apply_focus_style

if _COLLECTING:
    gc.enable()

EXIT_REFUSED = 3
#: ``--scenario`` names no scenario, or a file that is not one (its message names the line).
EXIT_BAD_SCENARIO = 2
EXIT_NOT_LOGGED_IN = 1

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
#: How long a window action waits for another writer's lock (ms) before "database not answering".
WINDOW_WRITE_WAIT_MS = 500


def run_console(options: argparse.Namespace) -> int:
    try:
        return _run_console(options)
    finally:
        gc.enable()  # however start-up ended (it pauses the collector while it builds the window)


def _run_console(options: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    log_path = configure_logging(data_dir() / "logs")
    log.info("console starting; log in %s", log_path)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "dispatch-console.svg"))))
    apply_focus_style(app)  # keyboard focus on buttons seen at a glance, from the first dialog on
    settings = ConsoleSettings.load()
    lang = options.lang or settings.language or default_language()
    install_translator(app, lang)

    try:
        feed_urls = [parse_feed_url(text) for text in [*settings.feeds, *options.feed]]
    except FeedUrlError as error:
        QMessageBox.critical(None, app.translate("Refusal", "Feed not understood"), str(error))
        return EXIT_REFUSED
    # Training is what a console without feeds does, and training never runs live feeds.
    scenario_asked = getattr(options, "scenario", None)
    asked_training = options.simulator or bool(scenario_asked)
    training = asked_training or (not feed_urls and not options.live)
    loaded_scenario = None
    if getattr(options, "start", False) and not scenario_asked:
        print("dispatch-console: --start starts the scenario given with --scenario", file=sys.stderr)
        return EXIT_BAD_SCENARIO
    if scenario_asked:
        if options.live:
            print("dispatch-console: --scenario is for training only (not with --live)", file=sys.stderr)
            return EXIT_BAD_SCENARIO
        loaded_scenario, problem = read_scenario(scenario_asked)
        if loaded_scenario is None:
            print(f"dispatch-console: {problem}", file=sys.stderr)
            log.error("Scenario not loaded: %s", problem)
            return EXIT_BAD_SCENARIO
    # A database records at its creation whether it is live or training; the other kind is refused.
    kind: DatabaseKind | None = DatabaseKind.TRAINING if training else DatabaseKind.LIVE
    centre = False
    try:
        url = database_url(options.db, training)
        # A centre's console (PostgreSQL, shared with other consoles) runs no feeds, so it has none
        # configured: it takes the kind its database records, unless asked for one.
        centre = make_url(url).get_backend_name() == "postgresql"
        if centre and not asked_training and not feed_urls and not options.live:
            kind = None
        database = open_database(url, kind=kind)
        training = database.kind is DatabaseKind.TRAINING
    except DatabaseRefused as refused:
        log.error("Database refused: %s", refused)
        QMessageBox.critical(None, app.translate("Refusal", "Database refused"), refusal_text(refused))
        return EXIT_REFUSED
    except Exception as error:  # every start-up failure ends in the dialog, never a traceback
        return _startup_failed(app, error)

    clock = SystemClock()
    try:
        ctx = accounts.register_console(
            database, clock, ChangeBus(), options.console or settings.console_name, socket.gethostname()
        )
    except Exception as error:
        database.engine.dispose()
        return _startup_failed(app, error)
    actor = authenticate(ctx)
    if actor is None:
        database.dispose()
        return EXIT_NOT_LOGGED_IN
    # No collection from here until the window is shown and what start-up made is frozen
    # (freeze_long_lived below): it makes only long-lived objects, and a collection would walk
    # every one of them (25 ms within the window's build). Not while the login dialog waits.
    gc.disable()
    # A key pressed while another console holds the database is refused within half a second (the
    # fault bar says so) instead of freezing the window through the database's 5 s waits and retries;
    # feeds keep their frames in the spool and retry on their own.
    # Calls an earlier run left ringing or answered end by their source's rules (audited), before the
    # feeds and the simulator start: nothing rings or stays answered for ever after a restart.
    reconcile_leftover_calls(ctx.acting_as(actor))
    ctx = replace(ctx.acting_as(actor), write_wait_ms=WINDOW_WRITE_WAIT_MS)
    catalogue = load_default_catalogue()
    simulator = None
    crews = None
    if training and database.kind is DatabaseKind.TRAINING:
        # The demonstration roster goes only into a training database (refused as live otherwise).
        dispatching.load_roster(ctx, load_demo_roster())
        agencies.load_agencies(ctx, load_demo_agencies())
        sim_url = SimFeedUrl(
            rate_per_minute=options.sim_rate or settings.sim_rate, seed=options.sim_seed or 1
        )
        if options.sim_seed is None:
            sim_url = SimFeedUrl(rate_per_minute=sim_url.rate_per_minute, seed=int(clock.now().timestamp()))
        simulator = SimulatedFeed(ctx, CallerGenerator(sim_url.seed, catalogue), sim_url)
        # Dispatched units acknowledge, travel, arrive and clear by themselves (a scenario run brings
        # its own crews, with its seed).
        crews = SimulatedCrews(ctx, sim_url.seed, language=lang)
    monitor: FeedMonitor | GatewayFeeds | None = None
    if centre and not training:
        # On a live centre's database the gateway runs the feeds, the timers and the alerts
        # (dispatch-console gateway); this console shows them.
        monitor = GatewayFeeds(ctx)
    elif not training and feed_urls:
        monitor = FeedMonitor(ctx, feed_urls, options.region or settings.region)
    session = ConsoleSession(
        ctx,
        catalogue,
        lang,
        ZoneInfo(settings.time_zone),
        simulator,
        monitor,
        thresholds=settings.thresholds,
        alert_sound=settings.alert_sound,
        eta_speed_kmh=settings.eta_speed_kmh,
        prank_threshold=settings.prank_threshold,
        centre_area=settings.centre_area,
        shift_pattern=settings.shift_pattern,
        crews=crews,
        centre=centre,
    )
    window = MainWindow(session, LayoutStore(settings_file().with_name("layouts.ini")))
    window.ask_before_quit = True
    window.map.use_tiles(settings.map_tiles)  # a refused file is said above the map; drawn plainly
    run = None
    if loaded_scenario is not None and session.training and actor.user_id is not None:
        # Loaded for the trainer to start; with --start the console itself starts it for this user.
        window.training.add_scenario(loaded_scenario)
        run = window.training.new_run(loaded_scenario, [actor.user_id], by_console=options.start)
    # From here every uncaught exception (GUI thread or any other) is logged and shown in the window.
    faults = FaultReporter(app)
    faults.fault_reported.connect(window.fault_bar.report)
    faults.install()
    window.show_as_saved()
    if centre and not training and feed_urls:
        say_feeds_not_run(window, [url.display for url in feed_urls])
    # The log-in above came before the role, and so the position shown, were known.
    accounts.record_position(ctx, session.position)
    integrity_watch = None
    if database.check_deferred:
        # Too large to check page by page before the window: checked now, off the GUI thread.
        integrity_watch = IntegrityWatch(ctx)
        integrity_watch.damaged.connect(window.alarms.add_standing_alert)
        integrity_watch.start()
    if monitor is not None:
        monitor.start()
    # The caller-number names and the area index load off the GUI thread, before the first caller
    # needs them; what they load is then frozen out of the garbage collector's sight too.
    warm_ups = [
        threading.Thread(target=warm_up_then_freeze, args=(load,), name=name)
        for name, load in background_loads(settings.centre_area)
    ]
    freeze_long_lived()
    # Collected on this thread only, never on a feed's or a worker's (ui/gui_collector.py).
    collector = GuiThreadCollector(app)
    collector.start()
    for thread in warm_ups:
        thread.start()
    if run is not None:
        if options.start:
            run.start()
    elif simulator is not None:
        simulator.start()
    code = app.exec()
    faults.uninstall()
    # A warm-up still reading when the interpreter (or Qt) shuts down crashed the process at exit;
    # a quick quit waits for them instead (a few seconds at most).
    for thread in warm_ups:
        thread.join()
    if integrity_watch is not None:
        integrity_watch.stop()
    collector.stop()
    # Collectable again, so that the window and its Qt objects are freed while Qt still exists (a
    # frozen object is left to the interpreter's exit, after Qt's, which can crash PySide6).
    gc.unfreeze()
    if monitor is not None:
        monitor.stop()
    if session.logged_in:
        # Whoever is at the console now (the user may have changed, or logged out and quit).
        accounts.log_out(session.ctx)
    database.dispose()
    return code


def say_feeds_not_run(window: MainWindow, feeds: list[str]) -> QMessageBox:
    """Once, at start: the feeds configured or given are not run by a centre's console (the gateway
    runs them); which command runs them. The window goes on (the box is not modal)."""
    log.warning("a centre's console runs no feeds; not run here: %s", ", ".join(feeds))
    text = translate(
        "MainWindow",
        "This console is one of a centre's: the centre's gateway runs the feeds, this console runs "
        "none. Not run here: %1.\n\nRun them in the gateway: dispatch-console gateway --db URL "
        "--feed URL (docs/gateway.md).",
    ).replace("%1", ", ".join(feeds))
    box = QMessageBox(
        QMessageBox.Icon.Information, translate("MainWindow", "Feeds run by the gateway"), text, parent=window
    )
    box.setObjectName("centreFeedsNotRun")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def read_scenario(asked: str) -> tuple[LoadedScenario | None, str]:
    """``--scenario``'s scenario: a shipped id, else a file; (None, why) when neither (a bad file's
    message names its line)."""
    path = find_scenario(asked)
    if path is None:
        path = Path(asked).expanduser()
        if not path.is_file():
            return None, f"no scenario {asked!r}: neither a shipped scenario's id nor a file"
    try:
        return load_scenario(path), ""
    except ScenarioError as error:
        # As str(error) says it (file, line, where), in the console's language.
        problem = labels.scenario_problem(error.problem, dict(error.detail))
        line = f"{error.line}:" if error.line else ""
        where = f" {error.where}:" if error.where else ""
        return None, f"{error.source}:{line}{where} {problem}"
    except (OSError, UnicodeDecodeError) as error:
        return None, f"{path}: {error}"


def reconcile_leftover_calls(ctx: ServiceContext) -> int:
    """``calls.reconcile_leftovers`` at start; a database that does not answer only delays it."""
    try:
        ended = calls.reconcile_leftovers(ctx)
    except DatabaseUnavailable as error:
        log.warning("Calls left from an earlier run not reconciled: %s", error)
        return 0
    if ended:
        log.info("%d call(s) left ringing or answered by an earlier run ended", ended)
    return ended


def _startup_failed(app: QApplication, error: Exception) -> int:
    """The refusal dialog for a failure other than a refused database (a locked file, a full disk)."""
    log.error("Start-up failed: %s: %s", type(error).__name__, error)
    QMessageBox.critical(
        None, app.translate("Refusal", "The console could not start"), startup_failure_text(error)
    )
    return EXIT_REFUSED


def freeze_long_lived(collect: bool = True) -> None:
    """Keep what exists now (modules, tables, the window) out of the garbage collector's full passes.

    A full collection walked every object the console had loaded and stopped the window for 57 ms
    (bench/bench_boards.py: the worst event-loop stalls at 2,000 units); with these objects frozen it
    took 4 ms. They live until the console quits, so nothing is lost by never collecting them.
    ``collect`` first clears what is already garbage (itself a full pass: done once, at start-up).
    The source lines that imports left in ``linecache`` (shiboken reads every module's source after
    PySide6) are dropped first: a traceback reads them again.
    """
    linecache.clearcache()
    if collect:
        gc.collect()
    gc.freeze()


def warm_up_then_freeze(work: Callable[[], object]) -> None:
    """A warm-up off the GUI thread, then its tables frozen (no collection: that would stall the GUI)."""
    work()
    freeze_long_lived(collect=False)


def authenticate(ctx: ServiceContext) -> Actor | None:
    """First start asks for the supervisor account (and logs them in); later starts ask to log in."""
    dialog: FirstSupervisorDialog | LoginDialog
    dialog = FirstSupervisorDialog(ctx) if not accounts.has_users(ctx) else LoginDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
