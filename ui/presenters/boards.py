"""The boards (calls, active incidents, units) kept up to date with the change notices.

Owns the three board models, the one-second tick of their live columns, the sizing of their
columns, and the unit filter. Other presenters hear what changed through :attr:`Boards.applied`
and :attr:`Boards.ticked`; none reads another's widgets.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTableView

from dispatch.domain.enums import OPEN_INCIDENT_STATUSES, UnitStatus
from dispatch.services import queries
from dispatch.services.bus import Change, Topic
from dispatch.services.snapshots import CallView
from ui import labels
from ui.models.call_queue import CallQueueModel
from ui.models.incident_board import IncidentBoardModel
from ui.models.unit_board import UnitBoardModel
from ui.session import ConsoleSession
from ui.widgets.board_columns import fit_columns, visible_rows, widen_columns

# How often boards whose rows changed get their columns sized to the contents.
FIT_INTERVAL_MS = 2000
# A burst of calls: notices from other threads (feeds) about BURST_CALLS different calls within
# BURST_WINDOW_MS. During one the boards are refreshed at most every BURST_REFRESH_MS; otherwise
# at once (bench/bench_feeds.py: the latency of single calls, and bursts of 200 calls a second).
BURST_REFRESH_MS = 25
BURST_CALLS = 6
BURST_WINDOW_MS = 100
# Typing in the unit filter applies the text this long after the last key: a word typed at speed
# filters the 2,000 units once, not once a letter.
UNIT_FILTER_DELAY_MS = 120

_T = TypeVar("_T")

# A timing hook's arguments: the step's name, when it began (``time.perf_counter``), its seconds.
TimingHook = Callable[[str, float, float], None]


class Boards(QObject):
    """Signals:
    applied(object, object, object): after a batch of notices was applied to the boards: the
        topics (set[Topic]), the incidents named by incident or note notices (set[int]), and per
        topic the ids changed (dict[Topic, set[int] | None]; None: unknown, all reloaded).
    ticked(): after the one-second tick refreshed the live columns.
    database_answered(): a notice came, so a commit went through.
    """

    applied = Signal(object, object, object)
    ticked = Signal()
    database_answered = Signal()

    def __init__(
        self,
        session: ConsoleSession,
        call_view: QTableView,
        incident_view: QTableView,
        unit_view: QTableView,
        unit_filter: QLineEdit,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        ctx = session.ctx
        self.session = session
        # Timing hook for benchmarks (bench/bench_feeds.py, bench/bench_boards.py): called after each
        # timed step of the GUI-thread work: "apply_changes" (a refresh after change notices; the
        # boards are up to date when it is called), within it "call_queue_query" and
        # "call_queue_model"; "tick" (the 1 s ticker), within it "tick_call_queue",
        # "tick_incident_board", "tick_unit_board" (live columns of the visible rows) and
        # "timer_alerts" (a check on this thread); "fit_columns"; "unit_filter" (the filter applied
        # after typing). None: nothing timed.
        self.timing_hook: TimingHook | None = None
        # False: every change reloads whole boards (the old way; bench/bench_boards.py compares).
        self.incremental = True
        self.call_model = CallQueueModel(ctx.clock, session.zone)
        self.incident_model = IncidentBoardModel(ctx.clock, session.catalogue, session.lang)
        self.unit_model = UnitBoardModel(ctx.clock)
        call_view.setModel(self.call_model)
        incident_view.setModel(self.incident_model)
        unit_view.setModel(self.unit_model)
        self.call_view = call_view
        self.incident_view = incident_view
        self.unit_view = unit_view
        self.unit_filter = unit_filter

        self._pending_topics: set[Topic] = set()
        self._pending_incidents: set[int] = set()
        # Per topic, the ids changed since the last refresh; None: unknown ids, reload it all.
        self._pending_ids: dict[Topic, set[int] | None] = {}
        # Boards whose rows changed since their columns were last sized to their contents.
        self._unfitted: set[QTableView] = set()
        # The refresh of the boards after change notices (on_change); 0 ms but in bursts.
        self.burst_refresh_ms = BURST_REFRESH_MS
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.timeout.connect(self.apply_changes)
        self._pending_elsewhere = False  # a pending notice came from another thread
        self._last_elsewhere_refresh = float("-inf")  # perf_counter when the last such refresh began
        self._recent_calls: deque[tuple[float, int]] = deque()  # (when, id): calls named by them

        self._unit_filter_timer = QTimer(self)
        self._unit_filter_timer.setSingleShot(True)
        self._unit_filter_timer.setInterval(UNIT_FILTER_DELAY_MS)
        self._unit_filter_timer.timeout.connect(lambda: self.timed("unit_filter", self.apply_unit_filter))
        unit_filter.textChanged.connect(lambda _text: self._unit_filter_timer.start())

        # Sizing columns asks the model for every cell; done after each refresh it stalled the
        # window for hundreds of milliseconds during a burst of calls (bench/bench_feeds.py), so
        # it runs at most every FIT_INTERVAL_MS, and only for boards whose rows changed.
        self.fitter = QTimer(self)
        self.fitter.setInterval(FIT_INTERVAL_MS)
        self.fitter.timeout.connect(lambda: self.timed("fit_columns", self.fit_changed_boards))

    def start(self) -> None:
        self.fitter.start()

    def stop(self) -> None:
        self.fitter.stop()
        self.refresh_timer.stop()

    # -- reading -----------------------------------------------------------------------------------

    def reload(self) -> None:
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

    def selected_call(self) -> CallView | None:
        index = self.call_view.currentIndex()
        return self.call_model.row(index.row()) if index.isValid() else None

    def call(self, call_id: int) -> CallView | None:
        row = self.call_model.row_of_key(call_id)
        return None if row is None else self.call_model.row(row)

    def select_incident(self, incident_id: int) -> None:
        row = self.incident_model.row_of_key(incident_id)
        if row is not None:
            self.incident_view.selectRow(row)

    def apply_unit_filter(self) -> None:
        """The unit filter's text applied to the board (typing applies it after a pause, see
        UNIT_FILTER_DELAY_MS); agencies with no unit matching it lose their heading too."""
        self._unit_filter_timer.stop()
        self.unit_model.set_filter_text(self.unit_filter.text())

    # -- change notices ----------------------------------------------------------------------------

    def on_change(self, change: Change, elsewhere: bool = False) -> None:
        self.database_answered.emit()  # a notice follows a commit: the database answers again
        if elsewhere and change.topic is Topic.CALLS:
            now = time.perf_counter()
            self._recent_calls.extend((now, call_id) for call_id in change.ids)
        if not self._pending_topics:
            # One refresh per event-loop turn, however many notices came in it (in a burst from a
            # feed, at most one every burst_refresh_ms).
            self.refresh_timer.start(self._refresh_delay_ms() if elsewhere else 0)
        elif not elsewhere and self.refresh_timer.remainingTime() > 0:
            self.refresh_timer.start(0)  # this console's own action shows at once
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

    def apply_changes(self) -> None:
        """The boards brought up to date with the change notices gathered since the last time."""
        self.timed("apply_changes", self._apply_pending_changes)

    def _apply_pending_changes(self) -> None:
        self.refresh_timer.stop()
        if self._pending_elsewhere:
            self._last_elsewhere_refresh = time.perf_counter()
            self._pending_elsewhere = False
        topics, self._pending_topics = self._pending_topics, set()
        touched, self._pending_incidents = self._pending_incidents, set()
        ids, self._pending_ids = self._pending_ids, {}
        if not self.incremental:
            ids = dict.fromkeys(ids)  # every id unknown: whole boards, as before
        ctx = self.session.ctx
        # Calls show incident numbers, which never change: a change to an incident alone (a unit's
        # status, say: 50 a second in a busy centre) leaves the call queue as it is.
        call_ids = ids.get(Topic.CALLS)
        if ids.get(Topic.INCIDENTS, set()) is None or (Topic.CALLS in topics and call_ids is None):
            rows = self.timed("call_queue_query", lambda: queries.call_queue(ctx))
            self.timed("call_queue_model", lambda: self.call_model.set_rows(rows))
            self._unfitted.add(self.call_view)
        elif call_ids:
            # Only the calls named (a burst of calls: one query per refresh, rows placed one by one).
            views = self.timed("call_queue_query", lambda: queries.calls_by_id(ctx, call_ids))
            self.timed("call_queue_model", lambda: self.call_model.update_calls(views))
            self._unfitted.add(self.call_view)
        incident_ids = ids.get(Topic.INCIDENTS, set())
        if Topic.UNITS in ids:
            unit_ids = ids[Topic.UNITS]
            if unit_ids is None:
                self.unit_model.set_units(queries.units(ctx))
                incident_ids = None  # the units column of any incident may have changed
                self._unfitted.add(self.unit_view)
            else:
                unit_views = queries.units_by_id(ctx, unit_ids)
                if incident_ids is not None:
                    # The incidents these units leave or join list them by call sign.
                    for unit_id in unit_ids:
                        before = self.unit_model.unit_by_id(unit_id)
                        if before is not None and before.incident_id is not None:
                            incident_ids.add(before.incident_id)
                    incident_ids.update(v.incident_id for v in unit_views if v.incident_id is not None)
                self.unit_model.update_units(unit_views)
                self.unit_model.remove_keys(unit_ids - {v.id for v in unit_views})
                # Not refitted for a unit's change: sizing the columns of 2,000 rows took 60 to 150 ms
                # (bench/bench_boards.py); the status column fits any status (reload).
        if incident_ids is None:
            self.incident_model.set_rows(queries.active_incidents(ctx))
            self._unfitted.add(self.incident_view)
        elif incident_ids:
            found = queries.incidents_by_id(ctx, incident_ids)
            shown = [v for v in found if v.status in OPEN_INCIDENT_STATUSES]
            self.incident_model.upsert_rows(shown)
            self.incident_model.remove_keys(incident_ids - {v.id for v in shown})
            # Columns widen for the rows that changed; measuring all 500 rows every 2 s stalled.
            rows_of = [self.incident_model.row_of_key(v.id) for v in shown]
            widen_columns(self.incident_view, [row for row in rows_of if row is not None])
        self.applied.emit(topics, touched, ids)

    # -- time --------------------------------------------------------------------------------------

    def tick(self) -> None:
        """The live columns (ring time, age, time in status) of the rows on screen."""
        # Only the rows on screen: the rest are painted afresh when scrolled to.
        self.timed(
            "tick_call_queue", lambda: self.call_model.refresh_live_columns(*visible_rows(self.call_view))
        )
        self.timed(
            "tick_incident_board",
            lambda: self.incident_model.refresh_live_columns(*visible_rows(self.incident_view)),
        )
        self.timed(
            "tick_unit_board", lambda: self.unit_model.refresh_live_columns(*visible_rows(self.unit_view))
        )
        self.ticked.emit()

    def fit_changed_boards(self) -> None:
        views, self._unfitted = self._unfitted, set()
        for view in views:
            fit_columns(view)

    def timed(self, name: str, step: Callable[[], _T]) -> _T:
        hook = self.timing_hook
        if hook is None:
            return step()
        began = time.perf_counter()
        try:
            return step()
        finally:
            hook(name, began, time.perf_counter() - began)
