"""The console's window: it composes panels, docks, presenters and the action registry; it does no work.

Every panel is a dock (:mod:`ui.positions` arranges them for a call-taker, a dispatcher, a
supervisor or a supervisor's review, and saves what each user made of it); each panel's state and
workflow is a presenter's (:mod:`ui.presenters`); every menu entry and key comes from
:mod:`ui.actions`. Keyboard first: a call goes from ringing to a dispatched unit without the mouse
(Help, F1, lists the keys).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dispatch.services import queries
from dispatch.services.bus import Change, Topic
from dispatch.services.change_feed import LinkState
from ui import positions
from ui.action_binder import ActionBinder
from ui.actions import Menu, When
from ui.bridge import ChangeBridge
from ui.database_link import DatabaseLink
from ui.map import SituationMap
from ui.positions import LayoutStore, Position
from ui.presenters.alarm_work import AlarmWork
from ui.presenters.boards import Boards
from ui.presenters.call_work import CallWork
from ui.presenters.camera_work import CameraWork
from ui.presenters.figures_work import FiguresWork
from ui.presenters.forwarding_work import ForwardingWork
from ui.presenters.incident_work import IncidentWork
from ui.presenters.map_work import MapWork
from ui.presenters.parts import WindowParts
from ui.presenters.report_output import ReportOutput
from ui.presenters.review_work import ReviewWork
from ui.presenters.shift_work import ShiftWork
from ui.presenters.training_work import TrainingWork
from ui.presenters.unit_work import UnitWork
from ui.reveal import focus_visibly, keep_focus_in_view
from ui.session import ConsoleSession
from ui.timefmt import local_time
from ui.widgets.alert_list import AlertList
from ui.widgets.board_columns import FIT_PRECISION, ElideRightDelegate, board_table
from ui.widgets.callback_desk import CallerDesk
from ui.widgets.caller_lines import CallerLines
from ui.widgets.camera_dock import CameraPanel
from ui.widgets.choice_bar import ChoiceBar
from ui.widgets.command_line import CommandLine, select_unit
from ui.widgets.connection_banner import ConnectionBanner
from ui.widgets.debrief_view import DebriefView
from ui.widgets.dispatch_panel import DispatchPanel
from ui.widgets.duplicate_offer import DuplicateOffer
from ui.widgets.fault_bar import FaultBar
from ui.widgets.figures_view import FiguresView
from ui.widgets.forwarding_panel import ForwardingPanel
from ui.widgets.incident_panel import IncidentPanel
from ui.widgets.protocol_card import ProtocolCardPanel
from ui.widgets.shift_log_view import ShiftLogView
from ui.widgets.shift_panel import ShiftPanel
from ui.widgets.status_line import StatusLine
from ui.widgets.trainer_panel import TrainerPanel
from ui.widgets.unit_board_view import UnitBoardView

translate = QCoreApplication.translate


class MainWindow(QMainWindow):
    def __init__(self, session: ConsoleSession, layouts: LayoutStore | None = None) -> None:
        super().__init__()
        self.session = session
        # Where each user's arrangement of the docks is kept (None: nothing saved, as in tests).
        self.layouts = layouts
        # Ctrl+Q (and closing the window) asks first while calls ring or an incident is open; the
        # console sets it (ui/app.py); a window made by a script or a test closes when told.
        self.ask_before_quit = False
        self._quit_confirmed = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self.setMinimumSize(1024, 640)
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )

        # -- bars above the docks: the training banner, alarms, faults, one-key choices
        top = QWidget()
        top.setObjectName("topBars")
        # Across the whole width (a tool bar gives its widget only what it asks for otherwise).
        top.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        # A centre's console that has lost its database says so first, above everything else.
        self.connection_banner = ConnectionBanner(session.zone)
        top_layout.addWidget(self.connection_banner)
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
        top_layout.addWidget(self.training_banner)
        self.alarm_bar = QLabel()
        self.alarm_bar.setObjectName("alarmBar")
        self.alarm_bar.setWordWrap(True)
        self.alarm_bar.setStyleSheet(
            "background: #b71c1c; color: white; font-size: 16px; font-weight: bold; padding: 6px;"
        )
        self.alarm_bar.hide()
        top_layout.addWidget(self.alarm_bar)
        # The database not answering, an unexpected error (ui/faults.py routes them here).
        self.fault_bar = FaultBar()
        top_layout.addWidget(self.fault_bar)
        self.choice_bar = ChoiceBar()
        top_layout.addWidget(self.choice_bar)
        self.duplicate_offer = DuplicateOffer(session)
        top_layout.addWidget(self.duplicate_offer)
        top_bar = self._fixed_bar(
            translate("MainWindow", "Alarms"), "topBar", top, Qt.ToolBarArea.TopToolBarArea
        )
        top_bar.setStyleSheet("QToolBar { border: 0; padding: 0; spacing: 0; }")
        self.status = StatusLine(self.statusBar(), session)

        # -- panels
        self.call_view = board_table("callQueue")
        self.incident_view = board_table("incidentBoard")
        # A flat table (agency headings between the units), not a tree: a tree laid out all its rows
        # on every row filtered in or out. The board filters itself (no proxy).
        self.unit_view = UnitBoardView()
        self.unit_view.setObjectName("unitBoard")
        # Sizing a column to its contents measures this many rows, not all 2,000 (reload_all: 70 ms
        # instead of 120; the status column fits any status, Boards.reload).
        self.unit_view.horizontalHeader().setResizeContentsPrecision(FIT_PRECISION)
        self.unit_filter_input = QLineEdit()
        self.unit_filter_input.setObjectName("unitFilter")
        self.unit_filter_input.setClearButtonEnabled(True)
        self.unit_filter_input.setPlaceholderText(
            translate("MainWindow", "Filter units: call sign, agency, status, station (Ctrl+F)")
        )
        self.boards = Boards(
            session, self.call_view, self.incident_view, self.unit_view, self.unit_filter_input, self
        )
        self.call_model = self.boards.call_model
        self.incident_model = self.boards.incident_model
        self.unit_model = self.boards.unit_model
        self.incident_view.horizontalHeader().resizeSection(4, 220)  # location: long, keeps its width
        self.incident_view.setProperty("keepWidth", [4])
        # What gives way first on a narrow board: names, carriers, categories, statuses, places,
        # elided; then whole columns that another panel shows too (the caller panel shows the
        # carrier, the form the incident). Never a phone number, an incident number or a priority.
        self.call_view.setProperty("elidable", [4, 5])
        self.call_view.setProperty("dropOrder", [5, 1, 6])
        self.incident_view.setProperty("elidable", [2, 3, 4, 6, 7])
        self.incident_view.setProperty("dropOrder", [6, 7, 5])
        # The forwardings' words begin with what matters (an acknowledgement overdue).
        self.incident_view.setItemDelegateForColumn(7, ElideRightDelegate(self.incident_view))

        self.incident_panel = IncidentPanel(session)
        self.dispatch_panel = DispatchPanel(session)
        self.protocol_card = ProtocolCardPanel(session)
        self.protocol_card.setTitle("")  # the dock says it
        self.alert_list = AlertList()

        parts = WindowParts(session, self.status, self.choice_bar, self.boards)
        self.incidents = IncidentWork(
            parts, self.incident_panel, self.dispatch_panel, self.protocol_card, self.duplicate_offer, self
        )
        self.calls = CallWork(parts, self.incidents, self.duplicate_offer, self)
        self.units = UnitWork(parts, self.incidents, self.dispatch_panel, self)
        self.alarms = AlarmWork(parts, self.alarm_bar, self.fault_bar, self.alert_list, self)
        self.desk = CallerDesk(parts, self.incidents, self.calls, self)
        # The supervisors' panels: the duty shift and its handover, the figures.
        self.shift_panel = ShiftPanel()
        self.shifts = ShiftWork(parts, self.shift_panel, self)
        self.figures_view = FiguresView()
        self.figures = FiguresWork(parts, self.figures_view, self)
        self.shift_log_view = ShiftLogView()
        self.review = ReviewWork(parts, self.shift_log_view, self)
        self.shifts.shifts_listed.connect(self.figures.set_shifts)
        self.shifts.shifts_listed.connect(self.review.set_shifts)
        self.shift_panel.action_requested.connect(self.run_action)
        self.reports = ReportOutput(parts, [self.shifts, self.figures], self, self)
        # Training: the trainer's panel, the debrief, and the caller's lines over the incident form.
        self.trainer_panel = TrainerPanel()
        self.debrief_view = DebriefView()
        self.caller_lines = CallerLines()
        self.training = TrainingWork(
            parts, self.trainer_panel, self.caller_lines, self.debrief_view, self.units, self
        )
        self.trainer_panel.action_requested.connect(self.run_action)
        self.debrief_view.action_requested.connect(self.run_action)
        self.calls.line_changed.connect(self.training.line_changed)
        self.training.incident_wanted.connect(self._watch_incident)
        self.calls.opening_for = self.training.opening
        # The situation map: what the boards hold, drawn where it is; a line above it when the tile
        # file was refused or the centre's area is not set.
        self.situation_map = SituationMap()
        self.map_note = QLabel()
        self.map_note.setObjectName("mapNote")
        self.map_note.setWordWrap(True)
        self.map = MapWork(
            parts, self.incidents, self.dispatch_panel, self.situation_map, self.map_note, self
        )
        self.desk.dial = self.training.dial
        # Forwarding the incident in the form to the agencies that handle it (issue 16).
        self.forwarding_panel = ForwardingPanel()
        self.forwarding = ForwardingWork(parts, self.incidents, self.forwarding_panel, self)
        # Scrolls rather than squeeze the record row's fields over each other in a short dock.
        forwarding_scroll = QScrollArea()
        forwarding_scroll.setObjectName("forwardingScroll")
        forwarding_scroll.setWidgetResizable(True)
        forwarding_scroll.setFrameShape(QFrame.Shape.NoFrame)
        forwarding_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        forwarding_scroll.setWidget(self.forwarding_panel)
        keep_focus_in_view(forwarding_scroll)
        self.forwarding_scroll = forwarding_scroll
        # The CCTV cameras nearest to the incident in the form, a stream played, a still attached.
        self.camera_panel = CameraPanel()
        self.camera_work = CameraWork(parts, self.incidents, self.camera_panel, self)
        self.protocol_card.asked.connect(
            lambda question_id: self.protocol_card.show_caller_answer(
                self.training.ask(self._caller_asked(), question_id)
            )
        )
        self.boards.database_answered.connect(self.fault_bar.database_answered)
        self.boards.applied.connect(self._after_changes)
        self.incident_view.activated.connect(self._incident_activated)

        self.command_line = CommandLine(
            session,
            self.unit_model.units,
            self.incident_model.rows,
            lambda: self.incident_panel.incident,
            self.incidents,
            self.units,
        )
        self.command_line.unit_found.connect(lambda unit_id: select_unit(self.unit_view, unit_id))
        self.command_line.incident_found.connect(self.incidents.open)
        self.command_line.help_requested.connect(self.show_help)
        self.command_line.escaped.connect(lambda: focus_visibly(self.incident_view))
        self._fixed_bar(
            translate("MainWindow", "Command line"),
            "commandBar",
            self.command_line,
            Qt.ToolBarArea.BottomToolBarArea,
        )

        self._build_docks()
        self.binder = ActionBinder(
            self,
            self.menuBar(),
            session,
            self._handlers(),
            {
                When.ALWAYS: lambda: True,
                When.INCIDENT_SHOWN: lambda: self.incidents.shown is not None,
                When.OPEN_INCIDENT_SHOWN: self.incidents.is_open,
                When.CLOSED_INCIDENT_SHOWN: self.incidents.is_closed,
                When.TRAINING: lambda: self.session.training,
            },
            self.status.show_message,
        )
        # A live console runs no scenario: its Training menu is not shown (the keys say why).
        self.binder.menus[Menu.TRAINING].menuAction().setVisible(session.training)
        self.take_position(positions.position_for(session.ctx.actor.role))

        if session.feeds is not None:
            session.feeds.health_changed.connect(lambda _health: self.status.update_feeds())
        session.user_changed.connect(self._user_changed)
        self.bridge = ChangeBridge(session.ctx.bus, self)
        self.bridge.changed.connect(self.boards.on_change)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.boards.start()
        self.reload_all()
        # A centre's console hears the other consoles through the change feed, and shows at once
        # when its database is away (a single SQLite console has nothing to listen to).
        self.link: DatabaseLink | None = None
        if session.centre:
            self.link = DatabaseLink(session.ctx, self)
            self.link.state_changed.connect(self._link_state)
            self.link.restored.connect(self._link_restored)
            self.link.start()

    # -- construction ------------------------------------------------------------------------------

    def _title(self) -> str:
        title = translate("MainWindow", "Call Center 112 · %1").replace("%1", self.session.ctx.console_name)
        if self.session.training:
            title = translate("MainWindow", "[TRAINING] %1").replace("%1", title)
        return title

    def _fixed_bar(self, title: str, name: str, widget: QWidget, area: Qt.ToolBarArea) -> QToolBar:
        """A tool bar holding ``widget`` across the window: it cannot be moved, floated or hidden."""
        bar = QToolBar(title)
        bar.setObjectName(name)
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addWidget(widget)
        self.addToolBar(area, bar)
        return bar

    def _build_docks(self) -> None:
        calls_box = self.call_view
        # The two callers side by side scroll rather than squeeze their wrapped warnings.
        callers = QWidget()
        callers_layout = QVBoxLayout(callers)
        callers_layout.setContentsMargins(0, 0, 0, 0)
        callers_layout.addWidget(self.desk.line_panel)
        callers_layout.addWidget(self.desk.caller_panel)
        caller_scroll = QScrollArea()
        caller_scroll.setObjectName("callerScroll")
        caller_scroll.setWidgetResizable(True)
        caller_scroll.setFrameShape(QFrame.Shape.NoFrame)
        caller_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        caller_scroll.setWidget(callers)
        form_scroll = QScrollArea()
        form_scroll.setObjectName("formScroll")
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setWidget(self.incident_panel)
        keep_focus_in_view(form_scroll)
        # The narrative under the form, outside its scroll area: its entry line is always in view.
        form_and_narrative = QSplitter(Qt.Orientation.Vertical)
        form_and_narrative.setObjectName("formAndNarrative")
        form_and_narrative.setChildrenCollapsible(False)
        # What the training caller says, above the form (hidden on a live console).
        form_and_narrative.addWidget(self.caller_lines)
        form_and_narrative.addWidget(form_scroll)
        form_and_narrative.addWidget(self.incident_panel.detach_narrative())
        form_and_narrative.setStretchFactor(0, 0)
        form_and_narrative.setStretchFactor(1, 3)
        form_and_narrative.setStretchFactor(2, 2)
        map_box = QWidget()
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.setSpacing(2)
        map_layout.addWidget(self.map_note)
        map_layout.addWidget(self.situation_map, 1)
        units_column = QWidget()
        units_layout = QVBoxLayout(units_column)
        units_layout.setContentsMargins(0, 0, 0, 0)
        units_layout.setSpacing(2)
        units_layout.addWidget(self.unit_filter_input)
        units_layout.addWidget(self.unit_view)
        self.docks: dict[str, QDockWidget] = {}
        for name, title, widget in (
            (positions.CALLS, translate("MainWindow", "Calls (Ctrl+1)"), calls_box),
            (positions.CALLER, translate("MainWindow", "Callers"), caller_scroll),
            (
                positions.BOARDS,
                translate("MainWindow", "Incidents and callbacks (Ctrl+2, Ctrl+4)"),
                self.desk.tabs,
            ),
            (positions.INCIDENT, translate("MainWindow", "Incident (F5)"), form_and_narrative),
            (positions.DISPATCH, translate("MainWindow", "Dispatch (F6)"), self.dispatch_panel),
            (positions.PROTOCOL, translate("MainWindow", "Protocol card (Ctrl+P)"), self.protocol_card),
            (positions.UNITS, translate("MainWindow", "Units (Ctrl+3)"), units_column),
            (
                positions.ALERTS,
                translate("MainWindow", "Overdue (Ctrl+Shift+A acknowledges)"),
                self.alert_list,
            ),
            (positions.SHIFT, translate("MainWindow", "Shift (Ctrl+5)"), self.shift_panel),
            (
                positions.REVIEW,
                translate("MainWindow", "Shift log (Ctrl+6, Ctrl+8)"),
                self.shift_log_view,
            ),
            (positions.FIGURES, translate("MainWindow", "Figures (Ctrl+7)"), self.figures_view),
            (positions.TRAINER, translate("MainWindow", "Trainer (Ctrl+9)"), self.trainer_panel),
            (positions.DEBRIEF, translate("MainWindow", "Debrief (Ctrl+0)"), self.debrief_view),
            (positions.MAP, translate("MainWindow", "Situation map (Ctrl+M)"), map_box),
            (
                positions.FORWARDING,
                translate("MainWindow", "Forwarding to agencies (Ctrl+T)"),
                self.forwarding_scroll,
            ),
            (
                positions.CAMERA,
                translate("MainWindow", "Cameras near the incident (Ctrl+J)"),
                self.camera_panel,
            ),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.docks[name] = dock
        self.docks[positions.MAP].visibilityChanged.connect(self.map.set_on_screen)
        self.docks[positions.CAMERA].visibilityChanged.connect(self.camera_work.set_on_screen)
        # No central widget of its own: the docks are the window (a hidden one lets them fill it).
        central = QWidget()
        central.setObjectName("noCentre")
        central.hide()
        self.setCentralWidget(central)

    def _handlers(self) -> dict[str, Callable[[], None]]:
        incidents, calls, units, desk = self.incidents, self.calls, self.units, self.desk
        shift, figures, review, reports = self.shifts, self.figures, self.review, self.reports
        training = self.training
        return {
            "answer": calls.answer,
            "hangUp": calls.hang_up,
            "classify": calls.classify,
            "attachDuplicate": incidents.attach_duplicate,
            "callBack": desk.call_back,
            "closeCallback": desk.close_callback,
            "editIncident": incidents.focus_form,
            "findArea": incidents.focus_area_search,
            "addNote": incidents.focus_note,
            "correctNote": incidents.correct_note,
            "protocolCard": incidents.focus_protocol_card,
            "closeIncident": incidents.close_incident,
            "reopenIncident": incidents.reopen_incident,
            "dispatch": units.focus_dispatch,
            "dispatchRecommended": units.dispatch_recommended,
            "advance": units.advance,
            "status": units.choose_status,
            "overrideStatus": units.override_status,
            "commandLine": self.command_line.focus_field,
            "goCalls": lambda: focus_visibly(self.call_view),
            "goIncidents": desk.go_to_incidents,
            "goUnits": lambda: focus_visibly(self.unit_view),
            "goCallbacks": desk.go_to_callbacks,
            "filterUnits": self.focus_unit_filter,
            "showMap": lambda: self._in_dock(positions.MAP, self.map.focus),
            "forward": lambda: self._in_dock(positions.FORWARDING, self.forwarding.focus),
            "cameras": lambda: self._in_dock(positions.CAMERA, self.camera_work.focus),
            "positionCallTaker": lambda: self.take_position(Position.CALL_TAKER),
            "positionDispatcher": lambda: self.take_position(Position.DISPATCHER),
            "positionSupervisor": lambda: self.take_position(Position.SUPERVISOR),
            "positionReview": lambda: self.take_position(Position.REVIEW),
            "positionTrainer": lambda: self.take_position(Position.TRAINER),
            "shiftPanel": lambda: self._in_dock(positions.SHIFT, shift.focus),
            "openShift": lambda: self._in_dock(positions.SHIFT, shift.open_shift),
            "closeShift": shift.close_shift,
            "signOff": shift.sign_off,
            "acknowledgeHandover": shift.acknowledge,
            "addendum": lambda: self._in_dock(positions.SHIFT, shift.focus_addendum),
            "printReport": reports.print_report,
            "exportReport": reports.export,
            "figures": lambda: self._in_dock(positions.FIGURES, figures.focus),
            "shiftLog": lambda: self._in_dock(positions.REVIEW, review.focus_log),
            "qualityReview": lambda: self._in_dock(positions.REVIEW, review.focus_review),
            "training.panel": lambda: self._in_dock(positions.TRAINER, training.focus_panel),
            "training.start": lambda: self._in_dock(positions.TRAINER, training.start),
            "training.pause": training.pause_or_resume,
            "training.speed": training.choose_speed,
            "training.inject": training.inject,
            "training.live": lambda: self._in_dock(positions.TRAINER, training.focus_live_line),
            "training.delayUnit": training.delay_unit,
            "training.outOfService": training.out_of_service,
            "training.end": training.end,
            "training.debrief": lambda: self._in_dock(positions.DEBRIEF, training.focus_debrief),
            "training.debriefPdf": training.save_debrief_pdf,
            "acknowledge": self.alarms.acknowledge,
            "watchList": desk.show_watch_list,
            "accounts": self.show_accounts,
            "roster": self.show_roster,
            "directory": self.show_directory,
            "settings": self.show_settings,
            "changeUser": self.change_user,
            "logOut": self.log_out,
            "quit": self.request_quit,
            "help": self.show_help,
            "about": self.show_about,
        }

    # -- public actions ----------------------------------------------------------------------------

    def run_action(self, action_id: str) -> bool:
        """Run a registry action as its key would (False, with the reason said, when it cannot)."""
        return self.binder.run(action_id)

    def show_message(self, text: str) -> None:
        self.status.show_message(text)

    def reload_all(self) -> None:
        """Every board read afresh (start-up, and whenever a change does not say what changed)."""
        self.boards.reload()
        self.desk.reload()
        self.incidents.refresh_side()
        self.shifts.refresh()

    def tick(self) -> None:
        """The one-second tick: the clock, the simulator's time, feed states, live columns, timers."""
        self.boards.timed("tick", self._tick_steps)

    def _tick_steps(self) -> None:
        self.status.update_clock()
        if self.session.simulator is not None or self.session.scenario_run is not None:
            # The window drives the scenario's (or the random callers') time and the simulated units'.
            self.training.tick()
        if self.session.feeds is not None or self.session.simulator is not None:
            self.status.update_feeds()
        self.boards.tick()
        self.alarms.tick()

    def _link_state(self, state: LinkState) -> None:
        """The database link's report (GUI thread): the banner while it is down, at once."""
        if state.connected:
            return
        self.connection_banner.show_lost(state.since, state.attempt, state.retry_in, state.detail)
        self.incidents.database_lost()

    def _link_restored(self, _state: LinkState) -> None:
        """Back: the banner goes, what was typed meanwhile is saved, and everything is read afresh
        (what other consoles did meanwhile came as notices too, but a board read whole is certain)."""
        lost_at = self.connection_banner.lost_since
        self.connection_banner.show_restored()
        self.fault_bar.database_answered()
        saved = self.incidents.database_back()
        self.reload_all()
        # The alerts (and whoever else reads a topic whole) read afresh as after any whole-topic notice.
        self.session.ctx.bus.publish(Change(Topic.ALERTS, ()), Change(Topic.GATEWAY, ()))
        words = translate("MainWindow", "Connection to the database is back (lost at %1).").replace(
            "%1", local_time(lost_at, self.session.zone)
        )
        if saved:
            words += " " + translate("MainWindow", "Saved what was typed meanwhile: %1.").replace(
                "%1", str(saved)
            )
        self.status.show_message(words)

    def _after_changes(self, topics: set[Topic], _touched: set[int], _ids: object) -> None:
        if Topic.FEED in topics:
            self.status.update_feeds()

    def _caller_asked(self) -> int | None:
        """The call whose caller hears a protocol question: the call on the line, or the caller just
        called back about the incident in the form (the callback's call is not "on the line")."""
        if self.calls.on_line_id is not None:
            return self.calls.on_line_id
        shown, call_id = self.incidents.shown, self.training.shown_call
        if shown is None or call_id is None:
            return None
        call = queries.call(self.session.ctx, call_id)
        return call_id if call is not None and call.incident_id == shown.id else None

    def _watch_incident(self, incident_id: int) -> None:
        """The trainer watches a trainee's incident: shown in the form, its dock raised (the keyboard
        stays on the trainer's table)."""
        self.incidents.open(incident_id)
        positions.place_dock(self, positions.INCIDENT)
        self.docks[positions.INCIDENT].show()
        self.docks[positions.INCIDENT].raise_()

    def _incident_activated(self) -> None:
        index = self.incident_view.currentIndex()
        if index.isValid():
            self.incidents.open(self.incident_model.row(index.row()).id)
            self.incidents.focus_form()

    def focus_unit_filter(self) -> None:
        """Ctrl+F: type to narrow the unit board; the text already there is selected to retype."""
        focus_visibly(self.unit_filter_input)
        self.unit_filter_input.selectAll()

    def take_position(self, position: Position) -> None:
        """Alt+1..5: the position's preset arrangement of the docks (a log-in here records it)."""
        positions.arrange(self, position, self.session.ctx.actor.role)
        self.session.position = position.value

    def _in_dock(self, name: str, then: Callable[[], None]) -> None:
        """A supervisor's dock that the position does not show is put in beside the largest panel."""
        positions.place_dock(self, name)
        then()

    def show_as_saved(self) -> None:
        """Show the window as this user left it on this console; the first time, maximised, in the
        position of the user's role. The keyboard starts on the calls (F2 answers from anywhere)."""
        self._show_arranged()
        focus_visibly(self.call_view, Qt.FocusReason.OtherFocusReason)

    def _show_arranged(self) -> None:
        store, ctx = self.layouts, self.session.ctx
        user = ctx.actor.user_name
        if store is not None and store.restore(ctx.console_name, user, self):
            positions.hide_forbidden(self, ctx.actor.role)
            self.session.position = positions.position_for(ctx.actor.role).value
            if store.was_maximized(ctx.console_name, user):
                self.showMaximized()
            else:
                self.show()
            return
        # The whole screen, also where no window manager maximises (a kiosk session, Xvfb).
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()
        self.take_position(positions.position_for(ctx.actor.role))

    def save_layout(self) -> None:
        if self.layouts is not None:
            ctx = self.session.ctx
            self.layouts.save(ctx.console_name, ctx.actor.user_name, self)

    def show_help(self) -> None:
        from ui.dialogs.help import HelpDialog

        HelpDialog(self).open()

    def show_about(self) -> None:
        from ui.dialogs.about import show_about

        show_about(self, self.session)

    def show_accounts(self) -> None:
        from ui.dialogs.accounts import UserAccountsDialog

        UserAccountsDialog(self.session.ctx, self.session.zone, self).open()

    def show_roster(self) -> None:
        from ui.dialogs.roster import RosterDialog

        RosterDialog(self.session.ctx, self).open()

    def show_directory(self) -> None:
        from ui.dialogs.directory import DirectoryDialog

        DirectoryDialog(self.session.ctx, self.session.catalogue, self.session.lang, self).open()

    def show_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog
        from ui.settings import ConsoleSettings

        dialog = SettingsDialog(
            ConsoleSettings.load(), self, role=self.session.ctx.actor.role, language=self.session.lang
        )
        # The map's tile file is this console's picture alone: used as soon as it is saved.
        dialog.accepted.connect(lambda: self.map.use_tiles(dialog.settings.map_tiles))
        dialog.open()

    def change_user(self) -> None:
        """Ctrl+Shift+L: the next user logs in over this one (asks first while work is open)."""
        if not self._leave_work(translate("MainWindow", "Change user")):
            return
        from ui.change_user import change_user

        change_user(self, self.session)

    def log_out(self) -> None:
        """Log out: the console stays locked at the login prompt until someone logs in (or Quit)."""
        if not self._leave_work(translate("MainWindow", "Log out")):
            return
        from ui.change_user import log_out

        if not log_out(self, self.session):
            self._quit_confirmed = True  # Quit chosen at the locked prompt
            self.close()

    def _leave_work(self, title: str) -> bool:
        """Asks while calls ring or an incident is open; saves the form and this user's arrangement."""
        worry = self._open_work()
        if worry:
            answer = QMessageBox.question(
                self,
                title,
                translate("MainWindow", "%1\n\nLeave anyway?").replace("%1", worry),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.incident_panel.flush_all()
        self.shifts.flush_pass_down()
        self.save_layout()
        return True

    def _user_changed(self, actor: object) -> None:
        """Another user at the console: their name, and their own arrangement of the docks."""
        self.status.update_user()
        if self.session.logged_in:
            self.incidents.open(None)
            self.show_as_saved()

    def _open_work(self) -> str:
        """What is still open at this console, in words ("" when nothing)."""
        parts = []
        ringing = self.call_model.ringing_count()
        if ringing:
            parts.append(translate("MainWindow", "Calls ringing: %1.").replace("%1", str(ringing)))
        run = self.session.scenario_run
        if run is not None and run.running:
            parts.append(
                translate("MainWindow", "A training scenario is running: it will be ended and scored.")
            )
        shown = self.incidents.shown
        if shown is not None and self.incidents.is_open():
            parts.append(
                translate("MainWindow", "Incident %1 is open in the form.").replace("%1", shown.number)
            )
        unsaved = self.incident_panel.unsaved_count()
        if unsaved:
            parts.append(
                translate(
                    "MainWindow",
                    "Typed while the database was away and not saved yet: %1. Quitting now loses it.",
                ).replace("%1", str(unsaved))
            )
        return " ".join(parts)

    # -- closing -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The simulator starts after the window is built: say so from the first second.
        QTimer.singleShot(0, self.status.update_feeds)

    def closeEvent(self, event: QCloseEvent) -> None:
        worry = self._open_work() if self.ask_before_quit and not self._quit_confirmed else ""
        if worry:
            event.ignore()
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("MainWindow", "Quit"),
                translate("MainWindow", "%1\n\nQuit the console anyway?").replace("%1", worry),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setObjectName("quitQuestion")
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.buttonClicked.connect(
                lambda button: (
                    self._quit_anyway()
                    if box.standardButton(button) == QMessageBox.StandardButton.Yes
                    else None
                )
            )
            box.finished.connect(box.deleteLater)
            box.open()
            return
        self.incident_panel.flush_all()
        self.shifts.flush_pass_down()
        self.save_layout()
        self.stop_link()
        self.ticker.stop()
        self.boards.stop()
        if self.session.simulator is not None:
            self.session.simulator.stop()
        self.training.close()
        self.bridge.close()
        self.alarms.close()
        self.shifts.close()
        self.figures.close()
        self.review.close()
        self.map.close()
        self.camera_work.close()
        self.command_line.release()
        super().closeEvent(event)

    def stop_link(self) -> None:
        """Stop hearing the database (closing; a test's teardown); idempotent."""
        if self.link is not None:
            self.link.stop()

    def request_quit(self) -> None:
        """Ctrl+Q: close the window (asking first while work is open)."""
        self.close()

    def _quit_anyway(self) -> None:
        self._quit_confirmed = True
        self.close()
