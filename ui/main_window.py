"""The console's one window: call queue, incident boards, the open incident, units, status bar.

Keyboard first: every action has a key (listed in Help, F1), and a call goes from ringing to a
dispatched unit without the mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.enums import NON_EMERGENCY_CLASSES, CallClass, CallState, Disposition, Role, UnitStatus
from dispatch.domain.lifecycle import allowed_next, usual_next
from dispatch.feeds.runner import FeedHealth, FeedState
from dispatch.services import calls, dispatching, incidents, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import CallView
from ui import labels
from ui.bridge import ChangeBridge
from ui.models.call_queue import CallQueueModel
from ui.models.incident_board import IncidentBoardModel
from ui.models.unit_board import UnitBoardModel
from ui.session import ConsoleSession
from ui.timefmt import elapsed, local_time
from ui.widgets.choice_bar import ChoiceBar
from ui.widgets.dispatch_panel import DispatchPanel
from ui.widgets.incident_panel import IncidentPanel

translate = QCoreApplication.translate

CLASS_KEYS = {
    CallClass.INFORMATION: "I",
    CallClass.PRANK: "P",
    CallClass.SILENT: "S",
    CallClass.WRONG_NUMBER: "W",
}
DISPOSITION_KEYS = {
    Disposition.HANDLED: "1",
    Disposition.TRANSPORTED: "2",
    Disposition.REFERRED: "3",
    Disposition.NO_ACTION_NEEDED: "4",
    Disposition.GONE_ON_ARRIVAL: "5",
    Disposition.FALSE_ALARM: "6",
    Disposition.DUPLICATE: "7",
}
STATUS_KEYS = "123456789ABCDEF"
#: Rows measured when sizing columns to their contents (bounds the cost of a long queue).
FIT_PRECISION = 60
#: How often boards whose rows changed get their columns sized to the contents.
FIT_INTERVAL_MS = 2000


@dataclass(frozen=True)
class KeyHelp:
    keys: str
    what: str


class MainWindow(QMainWindow):
    def __init__(self, session: ConsoleSession) -> None:
        super().__init__()
        self.session = session
        ctx = session.ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title())
        self.setMinimumSize(1280, 720)
        self._active_call_id: int | None = None
        self._pending_topics: set[Topic] = set()
        self._pending_incidents: set[int] = set()
        # Boards whose rows changed since their columns were last sized to their contents.
        self._unfitted: set[QTableView | QTreeView] = set()

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
        self.choice_bar = ChoiceBar()
        outer.addWidget(self.choice_bar)

        self.call_view = self._table(self.call_model, "callQueue")
        self.incident_view = self._table(self.incident_model, "incidentBoard")
        self.incident_view.horizontalHeader().resizeSection(4, 220)  # location: long, keeps its width
        self.incident_view.setProperty("keepWidth", [4])
        self.call_view.activated.connect(self._call_activated)
        self.incident_view.activated.connect(self._incident_activated)
        calls_box = self._boxed(translate("MainWindow", "Calls (Ctrl+1)"), self.call_view)
        incidents_box = self._boxed(translate("MainWindow", "Active incidents (Ctrl+2)"), self.incident_view)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(calls_box)
        left.addWidget(incidents_box)
        left.setSizes([380, 300])

        self.incident_panel = IncidentPanel(session)
        self.dispatch_panel = DispatchPanel(session)
        self.dispatch_panel.candidates.dispatch_requested.connect(self._dispatch_units)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setWidget(self.incident_panel)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(form_scroll)
        middle.addWidget(self.dispatch_panel)
        middle.setStretchFactor(0, 2)
        middle.setStretchFactor(1, 1)

        self.unit_view = QTreeView()
        self.unit_view.setObjectName("unitBoard")
        self.unit_view.setModel(self.unit_model)
        self.unit_view.setAlternatingRowColors(True)
        self.unit_view.setUniformRowHeights(True)
        self.unit_view.setIndentation(12)
        self.unit_view.header().setResizeContentsPrecision(FIT_PRECISION)
        self.unit_view.header().setStretchLastSection(True)
        self.unit_model.modelReset.connect(self._unit_board_reset)
        units_box = self._boxed(translate("MainWindow", "Units (Ctrl+3)"), self.unit_view)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(units_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([420, 540, 406])
        outer.addWidget(splitter, 1)
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

    def _unit_board_reset(self) -> None:
        """Group rows (agency names with counts) span the whole width; units sit under them."""
        for row in range(self.unit_model.rowCount()):
            self.unit_view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.unit_view.expandAll()

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
        self._update_clock()

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
            lambda: self._focus(self.incident_view),
            "goIncidents",
        )
        add(
            view_menu,
            translate("MainWindow", "Go to units"),
            "Ctrl+3",
            lambda: self._focus(self.unit_view),
            "goUnits",
        )
        add(
            console_menu,
            translate("MainWindow", "User accounts"),
            "Ctrl+Shift+U",
            self.show_accounts,
            "accounts",
        )
        add(console_menu, translate("MainWindow", "Settings"), "Ctrl+,", self.show_settings, "settings")
        add(console_menu, translate("MainWindow", "Quit"), "Ctrl+Q", self.close, "quit")
        acknowledge_text = translate("MainWindow", "Acknowledge alarms")
        add(console_menu, acknowledge_text, "Ctrl+Shift+A", self.acknowledge_alarms, "acknowledge")
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
        ctx = self.session.ctx
        self.call_model.set_rows(queries.call_queue(ctx))
        self.incident_model.set_rows(queries.active_incidents(ctx))
        self.unit_model.set_units(queries.units(ctx))
        for view in (self.call_view, self.incident_view, self.unit_view):
            fit_columns(view)
        self._refresh_incident_side()

    def _on_change(self, change: Change) -> None:
        if not self._pending_topics:
            # One refresh per event-loop turn, however many notices came in it. (A minimum interval
            # between refreshes was measured: it delayed single calls and did not cure bursts.)
            QTimer.singleShot(0, self._apply_changes)
        self._pending_topics.add(change.topic)
        if change.topic in (Topic.INCIDENTS, Topic.NOTES):
            self._pending_incidents.update(change.ids)

    def _apply_changes(self) -> None:
        topics, self._pending_topics = self._pending_topics, set()
        touched, self._pending_incidents = self._pending_incidents, set()
        ctx = self.session.ctx
        if Topic.CALLS in topics or Topic.INCIDENTS in topics:
            self.call_model.set_rows(queries.call_queue(ctx))
            self._unfitted.add(self.call_view)
        if Topic.INCIDENTS in topics or Topic.UNITS in topics:
            self.incident_model.set_rows(queries.active_incidents(ctx))
            self._unfitted.add(self.incident_view)
        if Topic.UNITS in topics:
            self.unit_model.set_units(queries.units(ctx))
            self._unfitted.add(self.unit_view)
        if Topic.FEED in topics:
            self._update_feed_label()
        shown = self.incident_panel.incident
        if shown is not None and (Topic.UNITS in topics or not touched or shown.id in touched):
            self._refresh_incident_side(notes=Topic.NOTES in topics or Topic.UNITS in topics)

    def _refresh_incident_side(self, notes: bool = False) -> None:
        shown = self.incident_panel.incident
        ctx = self.session.ctx
        if shown is None:
            self.dispatch_panel.show_units(None, [])
            self.dispatch_panel.show_assignments([])
            return
        fresh = queries.incident(ctx, shown.id)
        if fresh is None:
            return
        self.incident_panel.refresh(fresh)
        if notes:
            self.incident_panel.refresh_notes()
        self.dispatch_panel.show_units(fresh, self.unit_model.units())
        self.dispatch_panel.show_assignments(queries.assignments(ctx, fresh.id))

    def _fit_changed_boards(self) -> None:
        views, self._unfitted = self._unfitted, set()
        for view in views:
            fit_columns(view)

    def _tick(self) -> None:
        self._update_clock()
        if self.session.feeds is not None:
            self._update_feed_label()
        self.call_model.refresh_live_columns()
        self.incident_model.refresh_live_columns()
        self.unit_model.refresh_live_columns()

    def _update_clock(self) -> None:
        now = self.session.ctx.clock.now()
        zone_name = now.astimezone(self.session.zone).tzname() or ""
        self.clock_label.setText(f"{local_time(now, self.session.zone)} {zone_name}")

    def _update_feed_label(self) -> None:
        feed = self.session.simulator
        monitor = self.session.feeds
        if monitor is not None:
            parts, tips, down = [], [], False
            for health in monitor.health.values():
                parts.append(f"{health.feed.split('?')[0]}: {feed_state_text(health, self.session)}")
                tips.append(f"{health.feed}\n{feed_state_text(health, self.session)} {health.detail}".strip())
                down = down or health.state is not FeedState.UP
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
        alarms = [] if monitor is None else list(monitor.alarms.values())
        if not alarms:
            self.alarm_bar.hide()
            return
        zone = self.session.zone
        lines = [
            translate("MainWindow", "⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console.")
            .replace("%1", alarm.feed)
            .replace("%2", local_time(alarm.down_since, zone))
            for alarm in alarms
        ]
        lines.append(
            translate("MainWindow", "Ctrl+Shift+A acknowledges; tell the supervisor and the telco or PBX.")
        )
        self.alarm_bar.setText("\n".join(lines))
        self.alarm_bar.show()

    def acknowledge_alarms(self) -> None:
        monitor = self.session.feeds
        if monitor is None or not monitor.alarms:
            self.show_message(translate("MainWindow", "No alarm to acknowledge."))
            return
        done = monitor.acknowledge(self.session.ctx)
        self.show_message(
            translate("MainWindow", "Acknowledged: %1").replace("%1", ", ".join(alarm.feed for alarm in done))
        )

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
            row = self.incident_model.row_of_key(incident.id)
            if row is not None:
                self.incident_view.selectRow(row)

    def focus_form(self) -> None:
        if self.incident_panel.incident is None:
            self.show_message(translate("MainWindow", "No incident is open."))
            return
        self.incident_panel.focus_first_field()

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
        self.dispatch_panel.focus_candidates()

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
            self.dispatch_panel.show_message(labels.service_error(error.code))
            return
        self.dispatch_panel.show_message("")
        self.show_message(
            translate("MainWindow", "%1 is now %2.")
            .replace("%1", unit.call_sign)
            .replace("%2", labels.unit_status(unit.status))
        )

    # -- misc --------------------------------------------------------------------------------------

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_help(self) -> None:
        from ui.dialogs.help import HelpDialog

        HelpDialog(self.key_help, self).open()

    def show_accounts(self) -> None:
        from ui.dialogs.accounts import UserAccountsDialog

        UserAccountsDialog(self.session.ctx, self.session.zone, self).open()

    def show_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog
        from ui.settings import ConsoleSettings

        SettingsDialog(ConsoleSettings.load(), self).open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.incident_panel.flush_all()
        self.ticker.stop()
        self.fitter.stop()
        if self.session.simulator is not None:
            self.session.simulator.stop()
        self.bridge.close()
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


def fit_columns(view: QTableView | QTreeView) -> None:
    """Size every column but the last (which stretches) to its contents, once.

    Columns named in the view's ``keepWidth`` property (a list of numbers) keep their set width.
    """
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    keep = view.property("keepWidth") or []
    for column in range(header.count() - 1):
        if column not in keep:
            view.resizeColumnToContents(column)
