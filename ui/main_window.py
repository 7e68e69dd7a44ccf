"""The console's one window: call queue, incident boards, the open incident, units, status bar.

Keyboard first: every action has a key (listed in Help, F1), and a call goes from ringing to a
dispatched unit without the mouse.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.enums import (
    NON_EMERGENCY_CLASSES,
    OPEN_INCIDENT_STATUSES,
    CallClass,
    CallState,
    Disposition,
    Role,
    UnitStatus,
)
from dispatch.domain.lifecycle import allowed_next, may_override, override_targets, usual_next
from dispatch.feeds.runner import FeedHealth, FeedState
from dispatch.feeds.supervisor import FeedAlarm
from dispatch.services import alerts, calls, dispatching, incidents, queries
from dispatch.services.alerts import AlertView
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceError
from dispatch.services.feeds import FeedAlarmKind
from dispatch.services.snapshots import CallView
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.bridge import ChangeBridge
from ui.models.call_queue import CallQueueModel
from ui.models.incident_board import IncidentBoardModel
from ui.models.unit_board import UnitBoardModel
from ui.one_key import CLASS_KEYS, DISPOSITION_KEYS, STATUS_KEYS
from ui.session import ConsoleSession
from ui.timefmt import elapsed, local_time
from ui.timer_watch import TimerWatch
from ui.widgets.alert_list import AlertList
from ui.widgets.callback_desk import CallerDesk
from ui.widgets.choice_bar import ChoiceBar
from ui.widgets.command_line import CommandLine, select_unit
from ui.widgets.dispatch_panel import DispatchPanel
from ui.widgets.duplicate_offer import DuplicateOffer
from ui.widgets.fault_bar import FaultBar
from ui.widgets.incident_panel import IncidentPanel
from ui.widgets.protocol_card import ProtocolCardPanel
from ui.widgets.unit_board_view import UnitBoardView

translate = QCoreApplication.translate

#: Rows measured when sizing columns to their contents (bounds the cost of a long queue).
FIT_PRECISION = 60
#: How often boards whose rows changed get their columns sized to the contents.
FIT_INTERVAL_MS = 2000
#: How often, at most, other units' changes refresh the open incident's recommendation.
SIDE_REFRESH_MS = 300
#: A burst of calls: notices from other threads (feeds) about BURST_CALLS different calls within
#: BURST_WINDOW_MS. During one the boards are refreshed at most every BURST_REFRESH_MS; otherwise
#: at once (bench/bench_feeds.py: the latency of single calls, and bursts of 200 calls a second).
BURST_REFRESH_MS = 25
BURST_CALLS = 6
BURST_WINDOW_MS = 100
#: Typing in the unit filter applies the text this long after the last key: a word typed at speed
#: filters the 2,000 units once, not once a letter.
UNIT_FILTER_DELAY_MS = 120


@dataclass(frozen=True)
class KeyHelp:
    keys: str
    what: str


_T = TypeVar("_T")

# A timing hook's arguments: the step's name, when it began (``time.perf_counter``), its seconds.
TimingHook = Callable[[str, float, float], None]


class MainWindow(QMainWindow):
    def __init__(self, session: ConsoleSession) -> None:
        super().__init__()
        self.session = session
        # Timing hook for benchmarks (bench/bench_feeds.py, bench/bench_boards.py): called after each
        # timed step of the window's own GUI-thread work: "apply_changes" (a refresh after change
        # notices; the boards are up to date when it is called), within it "call_queue_query" and
        # "call_queue_model"; "tick" (the 1 s ticker), within it "tick_call_queue",
        # "tick_incident_board", "tick_unit_board" (live columns of the visible rows) and
        # "timer_alerts" (a check on this thread); "fit_columns"; "unit_filter" (the filter applied
        # after typing). None: nothing timed.
        # (Plain comments: pyside6-lupdate copies "#:" comments into the translation sources.)
        self.timing_hook: TimingHook | None = None
        ctx = session.ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self.setMinimumSize(1280, 720)
        self._active_call_id: int | None = None
        self._pending_topics: set[Topic] = set()
        self._pending_incidents: set[int] = set()
        # Per topic, the ids changed since the last refresh; None: unknown ids, reload it all.
        self._pending_ids: dict[Topic, set[int] | None] = {}
        #: False: every change reloads whole boards (the old way; bench/bench_boards.py compares).
        self.incremental_boards = True
        # Unit changes alone refresh the open incident's side (recommendation) at most this often.
        self._side_timer = QTimer(self)
        self._side_timer.setSingleShot(True)
        self._side_timer.setInterval(SIDE_REFRESH_MS)
        self._side_timer.timeout.connect(lambda: self._refresh_incident_side(notes=True))
        # Boards whose rows changed since their columns were last sized to their contents.
        self._unfitted: set[QTableView] = set()
        # The refresh of the boards after change notices (_on_change); 0 ms but in bursts.
        self.burst_refresh_ms = BURST_REFRESH_MS
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._apply_changes)
        self._pending_elsewhere = False  # a pending notice came from another thread
        self._last_elsewhere_refresh = float("-inf")  # perf_counter when the last such refresh began
        self._recent_calls: deque[tuple[float, int]] = deque()  # (when, id): calls named by them

        self.call_model = CallQueueModel(ctx.clock, session.zone)
        self.incident_model = IncidentBoardModel(ctx.clock, session.catalogue, session.lang)
        self.unit_model = UnitBoardModel(ctx.clock)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(4)
        self.training_banner = QLabel(
            translate("MainWindow", "TRAINING: simulated calls, training database. Not a live 112 line.")
        )
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setStyleSheet(
            "background: #ff6f00; color: black; font-size: 18px; font-weight: bold; padding: 6px;"
            "border: 3px dashed black;"
        )
        self.training_banner.setVisible(session.training)
        outer.addWidget(self.training_banner)
        self.alarm_bar = QLabel()
        self.alarm_bar.setObjectName("alarmBar")
        self.alarm_bar.setWordWrap(True)
        self.alarm_bar.setStyleSheet(
            "background: #b71c1c; color: white; font-size: 16px; font-weight: bold; padding: 6px;"
        )
        self.alarm_bar.hide()
        outer.addWidget(self.alarm_bar)
        # The database not answering, an unexpected error (ui/faults.py routes them here).
        self.fault_bar = FaultBar()
        outer.addWidget(self.fault_bar)
        self.choice_bar = ChoiceBar()
        outer.addWidget(self.choice_bar)
        self.duplicate_offer = DuplicateOffer(session)
        outer.addWidget(self.duplicate_offer)

        self.call_view = self._table(self.call_model, "callQueue")
        self.incident_view = self._table(self.incident_model, "incidentBoard")
        self.incident_view.horizontalHeader().resizeSection(4, 220)  # location: long, keeps its width
        self.incident_view.setProperty("keepWidth", [4])
        self.call_view.activated.connect(self._call_activated)
        self.incident_view.activated.connect(self._incident_activated)
        calls_box = self._boxed(translate("MainWindow", "Calls (Ctrl+1)"), self.call_view)
        # Caller history for the ringing call; the incident board shares a tab with the callback queue.
        self.desk = CallerDesk(self)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(calls_box)
        # Scrolls rather than squeezing its wrapped warnings when the column is short.
        caller_scroll = QScrollArea()
        caller_scroll.setObjectName("callerScroll")
        caller_scroll.setWidgetResizable(True)
        caller_scroll.setFrameShape(QFrame.Shape.NoFrame)
        caller_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        caller_scroll.setWidget(self.desk.caller_panel)
        left.addWidget(caller_scroll)
        left.addWidget(self.desk.tabs)
        left.setSizes([250, 190, 260])

        self.incident_panel = IncidentPanel(session)
        self.dispatch_panel = DispatchPanel(session)
        self.dispatch_panel.candidates.dispatch_requested.connect(self._dispatch_units)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setWidget(self.incident_panel)
        self.protocol_card = ProtocolCardPanel(session)
        self.protocol_card.answered.connect(lambda _view: self._refresh_incident_side(notes=True))
        # The protocol card and the dispatch panel share the space under the form: at 1366x768 the
        # form had no room left with all three stacked. The keys bring the right one forward.
        self.work_tabs = QTabWidget()
        self.work_tabs.setObjectName("workTabs")
        self.work_tabs.addTab(self.dispatch_panel, translate("MainWindow", "Dispatch (F6)"))
        self.work_tabs.addTab(self.protocol_card, translate("MainWindow", "Protocol card (Ctrl+P)"))
        self.protocol_card.setTitle("")  # the tab says it
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(form_scroll)
        middle.addWidget(self.work_tabs)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        middle.setSizes([400, 300])

        # A flat table (agency headings between the units), not a tree: a tree laid out all its rows
        # on every row filtered in or out. The board filters itself (no proxy).
        self.unit_view = UnitBoardView()
        self.unit_view.setObjectName("unitBoard")
        self.unit_view.setModel(self.unit_model)
        self.unit_view.horizontalHeader().setResizeContentsPrecision(FIT_PRECISION)
        self._unit_filter_timer = QTimer(self)
        self._unit_filter_timer.setSingleShot(True)
        self._unit_filter_timer.setInterval(UNIT_FILTER_DELAY_MS)
        self._unit_filter_timer.timeout.connect(lambda: self._timed("unit_filter", self.apply_unit_filter))
        self.unit_filter_input = QLineEdit()
        self.unit_filter_input.setObjectName("unitFilter")
        self.unit_filter_input.setClearButtonEnabled(True)
        self.unit_filter_input.setPlaceholderText(
            translate("MainWindow", "Filter units: call sign, agency, status, station (Ctrl+F)")
        )
        self.unit_filter_input.textChanged.connect(lambda _text: self._unit_filter_timer.start())
        units_column = QWidget()
        units_layout = QVBoxLayout(units_column)
        units_layout.setContentsMargins(0, 0, 0, 0)
        units_layout.setSpacing(2)
        units_layout.addWidget(self.unit_filter_input)
        units_layout.addWidget(self.unit_view)
        units_box = self._boxed(translate("MainWindow", "Units (Ctrl+3)"), units_column)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        # Overdue timers under the unit board: what is late sits next to the units it concerns.
        self.alert_list = AlertList()
        self._alert_ids: set[int] = set()
        #: Alerts that are not timers' (a damaged database), shown until acknowledged.
        self.standing_alerts: list[AlertView] = []
        self.timer_watch = TimerWatch(ctx, session.thresholds, self)
        self.timer_watch.checked.connect(self._show_timer_alerts)
        self.timer_watch.busy.connect(self._timers_busy)
        self.timer_watch.failed.connect(self._timers_failed)
        # A check writes (it begins IMMEDIATE): one that went through means the database answers
        # again, also when it changed nothing and so sent no notice (the bar said NOT ANSWERING for
        # minutes after the lock was gone, over accounts added meanwhile).
        self.timer_watch.checked.connect(lambda _found: self._timers_got_through())
        #: Checks run on a worker thread; tests that drive the clock check on the GUI thread.
        self.background_timers = True
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("unitsAndAlerts")
        self.units_and_alerts = right
        right.addWidget(units_box)
        alerts_title = translate("MainWindow", "Overdue (Ctrl+Shift+A acknowledges)")
        right.addWidget(self._boxed(alerts_title, self.alert_list))
        right.setSizes([560, 90])
        right.setStretchFactor(0, 5)
        right.setStretchFactor(1, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([420, 540, 406])
        outer.addWidget(splitter, 1)
        self.command_line = CommandLine(
            session, self.unit_model.units, self.incident_model.rows, lambda: self.incident_panel.incident
        )
        self.command_line.unit_found.connect(lambda unit_id: select_unit(self.unit_view, unit_id))
        self.command_line.incident_found.connect(self._open_incident)
        self.command_line.about_to_close.connect(lambda _id: self.incident_panel.flush_all())
        self.command_line.incident_closed.connect(self._command_closed)
        self.command_line.help_requested.connect(self.show_help)
        self.command_line.escaped.connect(lambda: self._focus(self.incident_view))
        outer.addWidget(self.command_line)
        self.setCentralWidget(central)

        self._build_status_bar()
        self.key_help: list[KeyHelp] = []
        self._build_actions()

        if session.feeds is not None:
            session.feeds.health_changed.connect(lambda _health: self._update_feed_label())
            session.feeds.alarms_changed.connect(self._show_alarms)
        self.bridge = ChangeBridge(ctx.bus, self)
        self.bridge.changed.connect(self._on_change)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        # Sizing columns asks the model for every cell; done after each refresh it stalled the
        # window for hundreds of milliseconds during a burst of calls (bench/bench_feeds.py), so
        # it runs at most every FIT_INTERVAL_MS, and only for boards whose rows changed.
        self.fitter = QTimer(self)
        self.fitter.setInterval(FIT_INTERVAL_MS)
        self.fitter.timeout.connect(self._fit_changed_boards)
        self.fitter.start()
        self.reload_all()

    # -- construction helpers ----------------------------------------------------------------------

    def _title(self) -> str:
        title = translate("MainWindow", "Call Center 112 · %1").replace("%1", self.session.ctx.console_name)
        if self.session.training:
            title = translate("MainWindow", "[TRAINING] %1").replace("%1", title)
        return title

    @staticmethod
    def _table(model: object, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        # Sized to their contents after each refresh (fit_columns), never on the one-second timer
        # ticks: ResizeToContents re-measures every cell at every repaint of a ring timer.
        view.horizontalHeader().setResizeContentsPrecision(FIT_PRECISION)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        return view

    @staticmethod
    def _boxed(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(widget)
        return box

    def apply_unit_filter(self) -> None:
        """The unit filter's text applied to the board (typing applies it after a pause, see
        UNIT_FILTER_DELAY_MS); agencies with no unit matching it lose their heading too."""
        self._unit_filter_timer.stop()
        self.unit_model.set_filter_text(self.unit_filter_input.text())

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.session.ctx.actor
        role = labels.role(Role(actor.role)) if actor.role else ""
        self.user_label = QLabel(
            translate("MainWindow", "User: %1 (%2)")
            .replace("%1", actor.full_name or actor.user_name)
            .replace("%2", role)
        )
        self.console_label = QLabel(
            translate("MainWindow", "Console: %1").replace("%1", self.session.ctx.console_name)
        )
        self.feed_label = QLabel()
        self.feed_label.setObjectName("feedState")
        self.database_label = QLabel(
            translate("MainWindow", "Database: %1").replace("%1", self.session.ctx.database.short_name)
        )
        self.database_label.setToolTip(self.session.ctx.database.display_url)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.message_label = QLabel()
        self.message_label.setObjectName("statusMessage")
        bar.addWidget(self.message_label, 1)
        for label in (
            self.user_label,
            self.console_label,
            self.feed_label,
            self.database_label,
            self.clock_label,
        ):
            bar.addPermanentWidget(label)
        self._update_feed_label()
        self.update_clock()

    def _build_actions(self) -> None:
        menus = self.menuBar()
        call_menu = menus.addMenu(translate("MainWindow", "&Call"))
        incident_menu = menus.addMenu(translate("MainWindow", "&Incident"))
        dispatch_menu = menus.addMenu(translate("MainWindow", "&Dispatch"))
        view_menu = menus.addMenu(translate("MainWindow", "&View"))
        console_menu = menus.addMenu(translate("MainWindow", "C&onsole"))
        help_menu = menus.addMenu(translate("MainWindow", "&Help"))

        def add(menu: object, text: str, key: str, slot: Callable[[], None], name: str) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False: slot())
            menu.addAction(action)  # type: ignore[attr-defined]
            self.addAction(action)
            self.key_help.append(
                KeyHelp(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText), text)
            )
            return action

        add(
            call_menu,
            translate("MainWindow", "Answer the longest-ringing call"),
            "F2",
            self.answer_call,
            "answer",
        )
        add(call_menu, translate("MainWindow", "Hang up the current call"), "F3", self.hang_up, "hangUp")
        add(
            call_menu,
            translate("MainWindow", "Close the call as not an emergency"),
            "F4",
            self.classify,
            "classify",
        )
        add(
            incident_menu,
            translate("MainWindow", "Edit the incident form"),
            "F5",
            self.focus_form,
            "editIncident",
        )
        add(
            incident_menu,
            translate("MainWindow", "Find the area (kelurahan, kecamatan…)"),
            "Ctrl+L",
            self.focus_area_search,
            "findArea",
        )
        add(
            incident_menu,
            translate("MainWindow", "Add a note to the narrative"),
            "F8",
            self.focus_note,
            "addNote",
        )
        add(
            incident_menu,
            translate("MainWindow", "Close the incident"),
            "F9",
            self.close_incident,
            "closeIncident",
        )
        add(
            incident_menu,
            translate("MainWindow", "Reopen the incident shown (closed or cancelled)"),
            "Ctrl+Shift+F9",
            self.reopen_incident,
            "reopenIncident",
        )
        add(
            incident_menu,
            translate("MainWindow", "Go to the protocol card"),
            "Ctrl+P",
            self.focus_protocol_card,
            "protocolCard",
        )
        add(
            incident_menu,
            translate("MainWindow", "Correct the selected note"),
            "Ctrl+Shift+F8",
            self.correct_note,
            "correctNote",
        )
        add(
            call_menu,
            translate("MainWindow", "Attach the call to the suggested incident"),
            "Ctrl+D",
            self.attach_duplicate,
            "attachDuplicate",
        )
        add(
            dispatch_menu,
            translate("MainWindow", "Choose units to dispatch"),
            "F6",
            self.focus_dispatch,
            "dispatch",
        )
        add(
            dispatch_menu,
            translate("MainWindow", "Move the unit to its next status"),
            "F7",
            self.advance_unit,
            "advance",
        )
        add(
            dispatch_menu,
            translate("MainWindow", "Choose the unit's status"),
            "Shift+F7",
            self.choose_status,
            "status",
        )
        add(
            dispatch_menu,
            translate("MainWindow", "Dispatch the recommended units"),
            "Ctrl+R",
            self.dispatch_recommended,
            "dispatchRecommended",
        )
        add(
            dispatch_menu,
            translate("MainWindow", "Command line"),
            "Ctrl+K",
            self.command_line.focus_field,
            "commandLine",
        )
        add(
            dispatch_menu,
            translate("MainWindow", "Override the unit's status (supervisor)"),
            "Ctrl+Shift+F7",
            self.override_status,
            "overrideStatus",
        )
        add(
            view_menu,
            translate("MainWindow", "Go to calls"),
            "Ctrl+1",
            lambda: self._focus(self.call_view),
            "goCalls",
        )
        add(
            view_menu,
            translate("MainWindow", "Go to active incidents"),
            "Ctrl+2",
            self.desk.go_to_incidents,
            "goIncidents",
        )
        add(
            view_menu,
            translate("MainWindow", "Go to callbacks"),
            "Ctrl+4",
            self.desk.go_to_callbacks,
            "goCallbacks",
        )
        add(
            call_menu,
            translate("MainWindow", "Call back the selected caller"),
            "Ctrl+B",
            self.desk.call_back,
            "callBack",
        )
        add(
            call_menu,
            translate("MainWindow", "Close the callback (supervisor)"),
            "Ctrl+Shift+B",
            self.desk.close_callback,
            "closeCallback",
        )
        add(
            view_menu,
            translate("MainWindow", "Go to units"),
            "Ctrl+3",
            lambda: self._focus(self.unit_view),
            "goUnits",
        )
        add(
            view_menu,
            translate("MainWindow", "Filter the unit board"),
            "Ctrl+F",
            self.focus_unit_filter,
            "filterUnits",
        )
        add(
            console_menu,
            translate("MainWindow", "User accounts"),
            "Ctrl+Shift+U",
            self.show_accounts,
            "accounts",
        )
        add(console_menu, translate("MainWindow", "Unit roster"), "Ctrl+Shift+R", self.show_roster, "roster")
        add(console_menu, translate("MainWindow", "Settings"), "Ctrl+,", self.show_settings, "settings")
        add(console_menu, translate("MainWindow", "Quit"), "Ctrl+Q", self.close, "quit")
        acknowledge_text = translate("MainWindow", "Acknowledge alarms")
        add(console_menu, acknowledge_text, "Ctrl+Shift+A", self.acknowledge_alarms, "acknowledge")
        watch_text = translate("MainWindow", "Watch list (supervisor)")
        add(console_menu, watch_text, "Ctrl+Shift+W", self.desk.show_watch_list, "watchList")
        add(help_menu, translate("MainWindow", "Keyboard shortcuts"), "F1", self.show_help, "help")
        self.key_help.extend(
            [
                KeyHelp(
                    translate("MainWindow", "Enter"),
                    translate(
                        "MainWindow",
                        "In calls: answer a ringing call or open its incident; in incidents: open it",
                    ),
                ),
                KeyHelp(
                    translate("MainWindow", "Space"),
                    translate("MainWindow", "In available units: mark or unmark a unit"),
                ),
                KeyHelp(
                    translate("MainWindow", "Enter"),
                    translate("MainWindow", "In available units: dispatch the marked units"),
                ),
                KeyHelp(
                    translate("MainWindow", "Tab / Shift+Tab"),
                    translate("MainWindow", "Next or previous field; each field saves as you leave it"),
                ),
                KeyHelp(translate("MainWindow", "Esc"), translate("MainWindow", "Cancel a one-key choice")),
            ]
        )

    # -- refreshing --------------------------------------------------------------------------------

    def reload_all(self) -> None:
        """Every board read afresh (start-up, and whenever a change does not say what changed)."""
        ctx = self.session.ctx
        self.call_model.set_rows(queries.call_queue(ctx))
        self.incident_model.set_rows(queries.active_incidents(ctx))
        self.unit_model.set_units(queries.units(ctx))
        for view in (self.call_view, self.incident_view, self.unit_view):
            fit_columns(view)
        header = self.unit_view.horizontalHeader()
        metrics = self.unit_view.fontMetrics()
        widest = max(metrics.horizontalAdvance(labels.unit_status(status)) for status in UnitStatus)
        # + the cell's margins: more pushed "Since" out of the board at 1366x768 in Indonesian.
        header.resizeSection(1, max(header.sectionSize(1), widest + 12))
        self.desk.reload()
        self._refresh_incident_side()

    def _on_change(self, change: Change, elsewhere: bool = False) -> None:
        self.fault_bar.database_answered()  # a notice follows a commit: the database answers again
        if elsewhere and change.topic is Topic.CALLS:
            now = time.perf_counter()
            self._recent_calls.extend((now, call_id) for call_id in change.ids)
        if not self._pending_topics:
            # One refresh per event-loop turn, however many notices came in it (in a burst from a
            # feed, at most one every burst_refresh_ms).
            self._refresh_timer.start(self._refresh_delay_ms() if elsewhere else 0)
        elif not elsewhere and self._refresh_timer.remainingTime() > 0:
            self._refresh_timer.start(0)  # this console's own action shows at once
        self._pending_elsewhere |= elsewhere
        self._pending_topics.add(change.topic)
        if change.topic in (Topic.INCIDENTS, Topic.NOTES):
            self._pending_incidents.update(change.ids)
        if change.topic in (Topic.INCIDENTS, Topic.UNITS, Topic.CALLS):
            known = self._pending_ids.get(change.topic, set())
            if not change.ids or known is None:
                self._pending_ids[change.topic] = None
            else:
                known.update(change.ids)
                self._pending_ids[change.topic] = known

    def _refresh_delay_ms(self) -> int:
        """0 unless a burst of calls comes from other threads (``BURST_CALLS`` calls named within
        ``BURST_WINDOW_MS``): then the refresh waits until ``burst_refresh_ms`` after the last one.

        During a burst of 200 calls a second the storer commits every few milliseconds; a refresh,
        and the repaint it sets off, for each commit kept the window busy and the feed's threads
        waiting for the GIL (and they it). A call that comes alone is never held back, nor are the
        two reads of one call (a modem's RING, then its number) a few milliseconds apart.
        """
        now = time.perf_counter()
        recent = self._recent_calls
        while recent and now - recent[0][0] > BURST_WINDOW_MS / 1000:
            recent.popleft()
        if self.burst_refresh_ms <= 0 or len({call_id for _, call_id in recent}) < BURST_CALLS:
            return 0
        since = now - self._last_elsewhere_refresh
        return max(0, round(self.burst_refresh_ms - since * 1000))

    def _apply_changes(self) -> None:
        """The boards brought up to date with the change notices gathered since the last time."""
        self._timed("apply_changes", self._apply_pending_changes)

    def _apply_pending_changes(self) -> None:
        self._refresh_timer.stop()
        if self._pending_elsewhere:
            self._last_elsewhere_refresh = time.perf_counter()
            self._pending_elsewhere = False
        topics, self._pending_topics = self._pending_topics, set()
        touched, self._pending_incidents = self._pending_incidents, set()
        ids, self._pending_ids = self._pending_ids, {}
        if not self.incremental_boards:
            ids = dict.fromkeys(ids)  # every id unknown: whole boards, as before
        ctx = self.session.ctx
        # Calls show incident numbers, which never change: a change to an incident alone (a unit's
        # status, say: 50 a second in a busy centre) leaves the call queue as it is.
        call_ids = ids.get(Topic.CALLS)
        if ids.get(Topic.INCIDENTS, set()) is None or (Topic.CALLS in topics and call_ids is None):
            rows = self._timed("call_queue_query", lambda: queries.call_queue(ctx))
            self._timed("call_queue_model", lambda: self.call_model.set_rows(rows))
            self._unfitted.add(self.call_view)
        elif call_ids:
            # Only the calls named (a burst of calls: one query per refresh, rows placed one by one).
            views = self._timed("call_queue_query", lambda: queries.calls_by_id(ctx, call_ids))
            self._timed("call_queue_model", lambda: self.call_model.update_calls(views))
            self._unfitted.add(self.call_view)
        incident_ids = ids.get(Topic.INCIDENTS, set())
        if Topic.UNITS in ids:
            unit_ids = ids[Topic.UNITS]
            if unit_ids is None:
                self.unit_model.set_units(queries.units(ctx))
                incident_ids = None  # the units column of any incident may have changed
                self._unfitted.add(self.unit_view)
            else:
                views = queries.units_by_id(ctx, unit_ids)
                if incident_ids is not None:
                    # The incidents these units leave or join list them by call sign.
                    for unit_id in unit_ids:
                        before = self.unit_model.unit_by_id(unit_id)
                        if before is not None and before.incident_id is not None:
                            incident_ids.add(before.incident_id)
                    incident_ids.update(v.incident_id for v in views if v.incident_id is not None)
                self.unit_model.update_units(views)
                self.unit_model.remove_keys(unit_ids - {v.id for v in views})
                # Not refitted for a unit's change: sizing the columns of 2,000 rows took 60 to 150 ms
                # (bench/bench_boards.py); the status column fits any status (reload_all).
        if incident_ids is None:
            self.incident_model.set_rows(queries.active_incidents(ctx))
            self._unfitted.add(self.incident_view)
        elif incident_ids:
            found = queries.incidents_by_id(ctx, incident_ids)
            shown = [v for v in found if v.status in OPEN_INCIDENT_STATUSES]
            self.incident_model.upsert_rows(shown)
            self.incident_model.remove_keys(incident_ids - {v.id for v in shown})
            # Columns widen for the rows that changed; measuring all 500 rows every 2 s stalled.
            rows = [self.incident_model.row_of_key(v.id) for v in shown]
            widen_columns(self.incident_view, [row for row in rows if row is not None])
        if Topic.FEED in topics:
            self._update_feed_label()
        self.desk.changed(topics)
        self._refresh_side_after(topics, touched, ids)

    def _refresh_side_after(
        self, topics: set[Topic], touched: set[int], ids: dict[Topic, set[int] | None]
    ) -> None:
        shown = self.incident_panel.incident
        if shown is None:
            return
        boards_only = (
            topics <= {Topic.UNITS, Topic.INCIDENTS, Topic.FEED}
            and all(known is not None for known in ids.values())
            and shown.id not in touched
        )
        if boards_only:
            # Other units moved: the recommendation for the open incident may change, but reading it
            # for every status change (50 a second) would stall the window; a few times a second do.
            if Topic.UNITS in topics and not self._side_timer.isActive():
                self._side_timer.start()
            return
        if Topic.UNITS in topics or not touched or shown.id in touched:
            self._side_timer.stop()
            self._refresh_incident_side(notes=Topic.NOTES in topics or Topic.UNITS in topics)

    def _refresh_incident_side(self, notes: bool = False) -> None:
        shown = self.incident_panel.incident
        ctx = self.session.ctx
        if shown is None:
            self.dispatch_panel.show_units(None, [])
            self.dispatch_panel.show_assignments([])
            self.protocol_card.show_incident(None)
            return
        fresh = queries.incident(ctx, shown.id)
        if fresh is None:
            return
        self.incident_panel.refresh(fresh)
        if notes:
            self.incident_panel.refresh_notes()
        self.dispatch_panel.show_units(fresh, self.unit_model.units())
        self.dispatch_panel.show_assignments(queries.assignments(ctx, fresh.id))
        self.protocol_card.show_incident(fresh)
        self.duplicate_offer.incident_saved(fresh)

    def _fit_changed_boards(self) -> None:
        self._timed("fit_columns", self._fit_boards_now)

    def _fit_boards_now(self) -> None:
        views, self._unfitted = self._unfitted, set()
        for view in views:
            fit_columns(view)

    def _tick(self) -> None:
        self._timed("tick", self._tick_steps)

    def _tick_steps(self) -> None:
        self.update_clock()
        if self.session.simulator is not None:
            self.session.simulator.advance()  # the window drives the simulator's time
        if self.session.feeds is not None:
            self._update_feed_label()
        # Only the rows on screen: the rest are painted afresh when scrolled to.
        self._timed(
            "tick_call_queue", lambda: self.call_model.refresh_live_columns(*visible_rows(self.call_view))
        )
        self._timed(
            "tick_incident_board",
            lambda: self.incident_model.refresh_live_columns(*visible_rows(self.incident_view)),
        )
        self.desk.tick()
        self._timed(
            "tick_unit_board", lambda: self.unit_model.refresh_live_columns(*visible_rows(self.unit_view))
        )
        if self.background_timers:
            self.timer_watch.request()
        else:
            self.check_timers()

    def _timed(self, name: str, step: Callable[[], _T]) -> _T:
        hook = self.timing_hook
        if hook is None:
            return step()
        began = time.perf_counter()
        try:
            return step()
        finally:
            hook(name, began, time.perf_counter() - began)

    def update_clock(self) -> None:
        now = self.session.ctx.clock.now()
        zone_name = now.astimezone(self.session.zone).tzname() or ""
        self.clock_label.setText(f"{local_time(now, self.session.zone)} {zone_name}")

    def _update_feed_label(self) -> None:
        feed = self.session.simulator
        monitor = self.session.feeds
        if monitor is not None:
            parts, tips, down = [], [], False
            for health in monitor.health.values():
                state = feed_state_text(health, self.session) + storing_text(health)
                # Storing delayed first: at the end it was what the squeezed status line cut off,
                # leaving a red "up, last 01:25" (colour alone) until the banner came 10 s later.
                shown = storing_text(health).lstrip(", ") if health.delayed else state
                parts.append(f"{health.feed.split('?')[0]}: {shown}")
                tips.append(f"{health.feed}\n{state} {health.detail} {health.store_detail}".strip())
                down = down or health.state is not FeedState.UP or health.delayed
            self.feed_label.setText(translate("MainWindow", "Feeds: %1").replace("%1", " | ".join(parts)))
            self.feed_label.setToolTip("\n\n".join(tips))
            self.feed_label.setStyleSheet("color: #b71c1c; font-weight: bold;" if down else "")
        elif feed is None:
            self.feed_label.setText(translate("MainWindow", "Feed: none configured"))
            self.feed_label.setStyleSheet("color: #b71c1c;")
        else:
            state = translate("MainWindow", "running") if feed.running else translate("MainWindow", "paused")
            self.feed_label.setText(translate("MainWindow", "Feed: simulator (%1)").replace("%1", state))
            self.feed_label.setStyleSheet("")

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def _show_alarms(self) -> None:
        monitor = self.session.feeds
        alarms = [] if monitor is None else list(monitor.alarms)
        if not alarms:
            self.alarm_bar.hide()
            return
        zone = self.session.zone
        lines = [feed_alarm_text(alarm, zone) for alarm in alarms]
        lines.append(
            translate("MainWindow", "Ctrl+Shift+A acknowledges; tell the supervisor and the telco or PBX.")
        )
        self.alarm_bar.setText("\n".join(lines))
        self.alarm_bar.show()

    def acknowledge_alarms(self) -> None:
        """Feed alarms, and the overdue timers selected in the list (all of them if none is selected)."""
        monitor = self.session.feeds
        names = []
        if self.fault_bar.acknowledge():
            names.append(translate("MainWindow", "unexpected error"))
        if monitor is not None and monitor.alarms:
            names.extend(alarm.feed for alarm in monitor.acknowledge(self.session.ctx))
        chosen = self.alert_list.selected_alert_ids() or self.alert_list.shown_alert_ids()
        if chosen:
            shown = {alert.id: alert.label for alert in self.alert_list.alerts}
            try:
                done = alerts.acknowledge_alerts(self.session.ctx, chosen)
            except ServiceError as error:
                self.show_message(labels.service_error(error.code))
                return
            names.extend(shown[alert_id] for alert_id in done if alert_id in shown)
            self.standing_alerts = [alert for alert in self.standing_alerts if alert.id not in done]
            self.check_timers()
        if not names:
            self.show_message(translate("MainWindow", "No alarm to acknowledge."))
            return
        self.show_message(translate("MainWindow", "Acknowledged: %1").replace("%1", ", ".join(names)))

    def check_timers(self) -> None:
        """Raise what became overdue and show what still is, now, on this thread (tests, scripts)."""
        try:
            found = self._timed("timer_alerts", self.timer_watch.check_now)
        except DatabaseUnavailable:
            self._timers_busy()
            return
        self._show_timer_alerts(found)

    def _timers_busy(self) -> None:
        # Another console holding the database past the busy timeout: the next tick tries again.
        self.show_message(translate("MainWindow", "Timers not checked: the database is busy."))

    def _timers_got_through(self) -> None:
        self.fault_bar.database_answered()
        # "Timers not checked: the database is busy." stayed in the status line long after it was not.
        busy = translate("MainWindow", "Timers not checked: the database is busy.")
        failed = translate("MainWindow", "Timers could not be checked: %1").split("%1")[0]
        if self.message_label.text() == busy or self.message_label.text().startswith(failed):
            self.message_label.clear()

    def _timers_failed(self, reason: str) -> None:
        # Logged by the watch; said here so that no one trusts an alert list that stopped changing.
        self.show_message(translate("MainWindow", "Timers could not be checked: %1").replace("%1", reason))

    def _make_room_for_alerts(self) -> None:
        """Alerts appearing where there were none: give them a third of the column if they had less.

        Only then, so that a size the dispatcher set by hand is not fought every second.
        """
        sizes = self.units_and_alerts.sizes()
        total = sum(sizes)
        wanted = total // 3
        if len(sizes) == 2 and sizes[1] < wanted:
            self.units_and_alerts.setSizes([total - wanted, wanted])

    def add_standing_alert(self, alert: AlertView) -> None:
        """An alert raised outside the timers (the background check of the database found damage)."""
        self.standing_alerts.append(alert)
        self.check_timers()

    def _show_timer_alerts(self, found: list[AlertView]) -> None:
        """Show the alerts of a check and the standing ones (and beep for a new one)."""
        ctx = self.session.ctx
        found = [*self.standing_alerts, *found]
        if found and not self._alert_ids:
            self._make_room_for_alerts()
        new = {alert.id for alert in found} - self._alert_ids
        self._alert_ids = {alert.id for alert in found}
        self.alert_list.show_alerts(found, ctx.clock.now())
        if new and self.session.alert_sound:
            QApplication.beep()

    # -- calls -------------------------------------------------------------------------------------

    def _selected_call(self) -> CallView | None:
        index = self.call_view.currentIndex()
        return self.call_model.row(index.row()) if index.isValid() else None

    def answer_call(self, call: CallView | None = None) -> None:
        if call is None:
            selected = self._selected_call()
            call = selected if selected is not None and selected.state is CallState.RINGING else None
        call = call or self.call_model.first_ringing()
        if call is None:
            self.show_message(translate("MainWindow", "No call is ringing."))
            return
        try:
            answered, incident = calls.answer_call(self.session.ctx, call.id)
        except ServiceError as error:
            self.show_message(labels.service_error(error.code))
            return
        self._active_call_id = answered.id
        script = ""
        if self.session.simulator is not None:
            caller = self.session.simulator.caller_for(answered.id)
            script = caller.opening_line if caller is not None else ""
        self.show_message(
            translate("MainWindow", "Answered %1; incident %2 opened.")
            .replace("%1", answered.number_national)
            .replace("%2", incident.number)
        )
        self._open_incident(incident.id, script)
        self.incident_panel.show_caller_history(answered, queries.caller_history(self.session.ctx, answered))
        self.duplicate_offer.watch(answered.id, incident)
        self.incident_panel.focus_first_field()

    def hang_up(self) -> None:
        if self._active_call_id is None:
            self.show_message(translate("MainWindow", "No call is in progress on this console."))
            return
        try:
            calls.hang_up(self.session.ctx, self._active_call_id)
        except ServiceError as error:
            self.show_message(labels.service_error(error.code))
        self._active_call_id = None

    def classify(self) -> None:
        call_id = self._active_call_id
        if call_id is None:
            selected = self._selected_call()
            call_id = selected.id if selected is not None and selected.state is CallState.ANSWERED else None
        if call_id is None:
            self.show_message(translate("MainWindow", "Answer a call first (F2)."))
            return
        options = [(CLASS_KEYS[c], labels.call_class(c), c) for c in NON_EMERGENCY_CLASSES]
        self.choice_bar.ask(
            translate("MainWindow", "Close the call as:"),
            options,
            lambda chosen: self._classified(call_id, chosen),
            return_focus=self.call_view,
        )

    def _classified(self, call_id: int, call_class: CallClass) -> None:
        try:
            view = calls.classify_call(self.session.ctx, call_id, call_class)
        except ServiceError as error:
            self.show_message(labels.service_error(error.code))
            return
        if self._active_call_id == call_id:
            self._active_call_id = None
        shown = self.incident_panel.incident
        if shown is not None and shown.id == view.incident_id:
            self._open_incident(None)
        self.show_message(
            translate("MainWindow", "Call from %1 closed: %2.")
            .replace("%1", view.number_national)
            .replace("%2", labels.call_class(call_class))
        )
        self.call_view.setFocus()

    def _call_activated(self, index: QModelIndex) -> None:
        call = self.call_model.row(index.row())
        if call.state is CallState.RINGING:
            self.answer_call(call)
        elif call.incident_id is not None:
            self._open_incident(call.incident_id)

    # -- incidents ---------------------------------------------------------------------------------

    def _incident_activated(self, index: QModelIndex) -> None:
        self._open_incident(self.incident_model.row(index.row()).id)
        self.incident_panel.focus_first_field()

    def _open_incident(self, incident_id: int | None, script: str = "") -> None:
        incident = None if incident_id is None else queries.incident(self.session.ctx, incident_id)
        self.incident_panel.set_incident(incident, script)
        self.incident_panel.show_caller_history(None, [])
        self.dispatch_panel.show_message("")
        self._refresh_incident_side()
        if incident is not None:
            # Taking the call: the protocol questions; once units are out: the dispatch panel.
            questions = not incident.units and self.protocol_card.card is not None
            self.work_tabs.setCurrentWidget(self.protocol_card if questions else self.dispatch_panel)
            row = self.incident_model.row_of_key(incident.id)
            if row is not None:
                self.incident_view.selectRow(row)

    def focus_form(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.focus_first_field()

    def focus_area_search(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.location.focus_find()

    def focus_protocol_card(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.flush_all()  # a category still being typed decides the card
        self.work_tabs.setCurrentWidget(self.protocol_card)
        if not self.protocol_card.focus_questions():
            self.show_message(translate("MainWindow", "No protocol card for this category."))

    def correct_note(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.start_correction()

    def attach_duplicate(self) -> None:
        offer = self.duplicate_offer
        candidate, call_id = offer.candidate, offer.call_id
        if candidate is None or call_id is None:
            self.show_message(translate("MainWindow", "No duplicate is suggested for this call."))
            return
        self.incident_panel.flush_all()  # typed into the incident about to be cancelled: copied over
        try:
            view = offer.attach()
        except ServiceError as error:
            self.show_message(labels.service_error(error.code))
            return
        if view is None:
            return
        # The caller is still on the line: F3 hangs up as usual; F4 is refused by the service
        # (classify_call: an attached call cannot close the incident it shares).
        self._open_incident(candidate.incident_id)
        self.show_message(
            translate(
                "MainWindow", "Call from %1 attached to %2; its own incident was cancelled as a duplicate."
            )
            .replace("%1", view.number_national)
            .replace("%2", candidate.number)
        )
        self.incident_panel.note_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_note(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.note_input.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_incident(self) -> None:
        incident = self.incident_panel.incident
        if incident is None or incident.closed_at is not None:
            self.show_message(translate("MainWindow", "No open incident to close."))
            return
        self.incident_panel.flush_all()
        options = [(key, labels.disposition(d), d) for d, key in DISPOSITION_KEYS.items()]
        self.choice_bar.ask(
            translate("MainWindow", "Close incident %1 as:").replace("%1", incident.number),
            options,
            lambda chosen: self._closed(incident.id, chosen),
            return_focus=self.incident_view,
        )

    def reopen_incident(self) -> None:
        """A closed incident shown (opened from its call, or with `f 123`) goes back on the board."""
        incident = self.incident_panel.incident
        if incident is None or incident.closed_at is None:
            self.show_message(translate("MainWindow", "Open a closed incident first (Enter on its call)."))
            return
        try:
            view = incidents.reopen_incident(self.session.ctx, incident.id)
        except ServiceError as error:
            self.show_message(labels.service_error(error.code))
            return
        self._open_incident(view.id)
        self.show_message(translate("MainWindow", "Incident %1 reopened.").replace("%1", view.number))

    def _closed(self, incident_id: int, disposition: Disposition) -> None:
        try:
            view = incidents.close_incident(self.session.ctx, incident_id, disposition)
        except ServiceError as error:
            self.show_message(labels.service_error(error.code))
            return
        self._open_incident(None)
        self.show_message(
            translate("MainWindow", "Incident %1 closed: %2.")
            .replace("%1", view.number)
            .replace("%2", labels.disposition(disposition))
        )

    # -- dispatch ----------------------------------------------------------------------------------

    def focus_dispatch(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.flush_all()
        self.work_tabs.setCurrentWidget(self.dispatch_panel)
        self.dispatch_panel.focus_candidates()

    def dispatch_recommended(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.flush_all()
        self.work_tabs.setCurrentWidget(self.dispatch_panel)
        self._refresh_incident_side()  # the recommendation follows what was just saved
        unit_ids = self.dispatch_panel.recommended_ids()
        if not unit_ids:
            self.show_message(translate("MainWindow", "No unit is recommended."))
            return
        self._dispatch_units(unit_ids)

    def _dispatch_units(self, unit_ids: list[int]) -> None:
        incident = self.incident_panel.incident
        if incident is None:
            return
        try:
            sent = dispatching.assign_units(self.session.ctx, incident.id, unit_ids)
        except ServiceError as error:
            self.dispatch_panel.show_message(labels.service_error(error.code))
            return
        self.dispatch_panel.show_message("")
        self.show_message(
            translate("MainWindow", "Dispatched: %1").replace("%1", ", ".join(a.call_sign for a in sent))
        )
        self.dispatch_panel.assignments.setFocus()

    def advance_unit(self) -> None:
        assignment = self.dispatch_panel.selected_assignment()
        if assignment is None:
            self.show_message(translate("MainWindow", "No assigned unit to move on."))
            return
        target = usual_next(assignment.unit_status)
        if target is None:
            self.show_message(translate("MainWindow", "Choose the status with Shift+F7."))
            return
        self._set_status(assignment.unit_id, target)

    def choose_status(self) -> None:
        assignment = self.dispatch_panel.selected_assignment()
        if assignment is None:
            self.show_message(translate("MainWindow", "No assigned unit selected."))
            return
        choices = sorted(allowed_next(assignment.unit_status), key=list(UnitStatus).index)
        options = [(STATUS_KEYS[i], labels.unit_status(s), s) for i, s in enumerate(choices)]
        self.choice_bar.ask(
            translate("MainWindow", "Status of %1:").replace("%1", assignment.call_sign),
            options,
            lambda chosen: self._set_status(assignment.unit_id, chosen),
            return_focus=self.dispatch_panel.assignments,
        )

    def _set_status(self, unit_id: int, status: UnitStatus) -> None:
        try:
            unit = dispatching.set_unit_status(self.session.ctx, unit_id, status)
        except ServiceError as error:
            refusal = labels.status_refusal(error.code, error.details)
            self.dispatch_panel.show_message(refusal)
            self.show_message(refusal)
            return
        self.dispatch_panel.show_message("")
        self.show_message(
            translate("MainWindow", "%1 is now %2.")
            .replace("%1", unit.call_sign)
            .replace("%2", labels.unit_status(unit.status))
        )

    def override_status(self) -> None:
        """Ctrl+Shift+F7: a supervisor forces any status, with a reason that is audited."""
        if not may_override(self.session.ctx.actor.role):
            self.show_message(translate("MainWindow", "Only a supervisor can override a unit's status."))
            return
        unit = self._selected_unit()
        if unit is None:
            self.show_message(translate("MainWindow", "Select a unit first (assigned units or Ctrl+3)."))
            return
        unit_id, call_sign, current = unit
        choices = override_targets(current)
        options = [(STATUS_KEYS[i], labels.unit_status(s), s) for i, s in enumerate(choices)]
        self.choice_bar.ask(
            translate("MainWindow", "Override %1 (now %2) to:")
            .replace("%1", call_sign)
            .replace("%2", labels.unit_status(current)),
            options,
            lambda chosen: self._ask_override_reason(unit_id, call_sign, chosen),
            return_focus=self.dispatch_panel.assignments,
        )

    def _selected_unit(self) -> tuple[int, str, UnitStatus] | None:
        """The unit selected among the incident's assignments, else on the unit board."""
        assignment = self.dispatch_panel.selected_assignment()
        if assignment is not None and assignment.active:
            return assignment.unit_id, assignment.call_sign, assignment.unit_status
        unit = self.unit_model.unit_at(self.unit_view.currentIndex())
        if unit is not None:
            return unit.id, unit.call_sign, unit.status
        return None

    def _ask_override_reason(self, unit_id: int, call_sign: str, status: UnitStatus) -> None:
        from ui.dialogs.override_reason import OverrideReasonDialog

        def submit(reason: str) -> str:
            try:
                unit = dispatching.set_unit_status(self.session.ctx, unit_id, status, override_reason=reason)
            except ServiceError as error:
                return labels.status_refusal(error.code, error.details)
            self.show_message(
                translate("MainWindow", "%1 is now %2 (override recorded).")
                .replace("%1", unit.call_sign)
                .replace("%2", labels.unit_status(unit.status))
            )
            return ""

        prompt = (
            translate("MainWindow", "Set %1 to %2 outside the normal order?")
            .replace("%1", call_sign)
            .replace("%2", labels.unit_status(status))
        )
        OverrideReasonDialog(prompt, submit, self).open()

    # -- misc --------------------------------------------------------------------------------------

    def _command_closed(self, incident_id: int) -> None:
        shown = self.incident_panel.incident
        if shown is not None and shown.id == incident_id:
            self._open_incident(None)

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_unit_filter(self) -> None:
        """Ctrl+F: type to narrow the unit board; the text already there is selected to retype."""
        self.unit_filter_input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.unit_filter_input.selectAll()

    def show_help(self) -> None:
        from ui.dialogs.help import HelpDialog

        HelpDialog(self.key_help, self).open()

    def show_accounts(self) -> None:
        from ui.dialogs.accounts import UserAccountsDialog

        UserAccountsDialog(self.session.ctx, self.session.zone, self).open()

    def show_roster(self) -> None:
        from ui.dialogs.roster import RosterDialog

        RosterDialog(self.session.ctx, self).open()

    def show_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog
        from ui.settings import ConsoleSettings

        SettingsDialog(ConsoleSettings.load(), self, role=self.session.ctx.actor.role).open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.incident_panel.flush_all()
        self.ticker.stop()
        self.fitter.stop()
        if self.session.simulator is not None:
            self.session.simulator.stop()
        self.bridge.close()
        self.timer_watch.close()
        self.command_line.release()
        super().closeEvent(event)


def feed_state_text(health: FeedHealth, session: ConsoleSession) -> str:
    """``up, last 12:03:04`` / ``DOWN 0:45`` / ``connecting``: state as words, never colour alone."""
    now = session.ctx.clock.now()
    if health.state is FeedState.UP:
        if health.last_frame_at is None:
            return translate("MainWindow", "up")
        last = local_time(health.last_frame_at, session.zone)
        return translate("MainWindow", "up, last %1").replace("%1", last)
    if health.state is FeedState.DOWN:
        return translate("MainWindow", "DOWN %1").replace("%1", elapsed(health.since, now))
    if health.state is FeedState.CONNECTING:
        return translate("MainWindow", "connecting")
    return translate("MainWindow", "stopped")


def storing_text(health: FeedHealth) -> str:
    """``, STORING DELAYED (12 waiting)`` while a feed's frames wait for the database; else nothing."""
    if not health.delayed:
        return ""
    return translate("MainWindow", ", STORING DELAYED (%1 waiting)").replace("%1", str(health.queued))


def feed_alarm_text(alarm: FeedAlarm, zone: tzinfo) -> str:
    """One line of the alarm bar for a feed alarm (dispatch.feeds.supervisor)."""
    texts = {
        FeedAlarmKind.DOWN: translate(
            "MainWindow", "⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console."
        ),
        FeedAlarmKind.DELAYED: translate(
            "MainWindow",
            "⚠ CALLS NOT STORED YET: %1 since %2. The database does not accept them; they are kept on "
            "this computer and stored when it does.",
        ),
        FeedAlarmKind.RESTARTED: translate(
            "MainWindow", "⚠ FEED RESTARTED: %1 stopped at %2 and was started again (%3)."
        ),
        FeedAlarmKind.GARBAGE: translate(
            "MainWindow", "⚠ FEED SENDS GARBAGE: %1 since %2. Most of it is counted, not stored (%3)."
        ),
        FeedAlarmKind.SPOOL_FULL: translate(
            "MainWindow", "⚠ CALLS LOST: %1 since %2. The spool of frames waiting for the database is full."
        ),
    }
    return (
        texts[alarm.kind]
        .replace("%1", alarm.feed)
        .replace("%2", local_time(alarm.since, zone))
        .replace("%3", alarm.detail)
    )


def fit_columns(view: QTableView) -> None:
    """Size every column but the last (which stretches) to its contents, once.

    Columns named in the view's ``keepWidth`` property (a list of numbers) keep their set width.
    """
    header = view.horizontalHeader()
    keep = view.property("keepWidth") or []
    for column in range(header.count() - 1):
        if column not in keep:
            view.resizeColumnToContents(column)


def visible_rows(view: QTableView) -> tuple[int, int]:
    """The first and last rows a table shows (first > last when it shows none)."""
    first = view.rowAt(0)
    if first < 0:
        return 0, -1
    last = view.rowAt(view.viewport().height() - 1)
    return first, view.model().rowCount() - 1 if last < 0 else last


def widen_columns(view: QTableView, rows: list[int]) -> None:
    """Widen the columns (but the last, and those in ``keepWidth``) that these rows overflow."""
    header = view.horizontalHeader()
    keep = view.property("keepWidth") or []
    model = view.model()
    for column in range(header.count() - 1):
        if column in keep:
            continue
        wanted = max((view.sizeHintForIndex(model.index(row, column)).width() for row in rows), default=0)
        if wanted > header.sectionSize(column):
            header.resizeSection(column, wanted)
