"""Training: the trainer's desk (the trainer dock, Alt+5, the Training menu), the trainee's side of a
scenario (the caller's lines on answer, to a protocol question, on callback, typed live by the
trainer) and the debrief (the debrief dock, Ctrl+0).

The scenario run (``dispatch.simulator.scenario_run.ScenarioRun``) keeps no time of its own: the
window's one-second tick calls :meth:`TrainingWork.tick`, which advances the run, or, with no scenario
loaded, the random callers as before; the simulated units (``ConsoleSession.crews``) advance with the
same scenario time (the run's, else a play clock started with the window). While a scenario is loaded
no random caller rings.

Every line a caller says is stored (``services.training``) and announced on ``Topic.TRAINING``: the
caller's panel reads the lines of the call it shows afresh on each notice, so a line the trainer
types at another console reaches the trainee's screen the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from sqlalchemy import select

from dispatch.catalogue_files import load_default_protocols
from dispatch.domain.codes import LineSource
from dispatch.domain.enums import CallState
from dispatch.domain.play_clock import SPEEDS, PlayClock
from dispatch.domain.scenarios import Scenario, Words
from dispatch.services import accounts, queries, training, training_scores
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import CallView
from dispatch.services.uow import DatabaseUnavailable, reading
from dispatch.simulator.crews import SimulatedCrews
from dispatch.simulator.scenario_callers import RoomCallers
from dispatch.simulator.scenario_files import (
    LoadedScenario,
    ScenarioError,
    find_scenario,
    load_scenario,
    shipped_scenario_paths,
)
from dispatch.simulator.scenario_run import ScenarioRun
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.tables import Call
from ui import labels
from ui.presenters.parts import Presenter, WindowParts
from ui.reveal import focus_visibly
from ui.timefmt import local_datetime, local_time
from ui.widgets.caller_lines import CallerLines, ShownLine
from ui.widgets.debrief_view import DebriefView
from ui.widgets.trainer_panel import TrainerPanel

if TYPE_CHECKING:
    from ui.presenters.unit_work import UnitWork

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

#: Seconds a trainer may hold a unit, by the one key that chooses it.
DELAY_KEYS = (("1", 30), ("2", 60), ("3", 120), ("4", 300))
#: The keys of the speeds (``PlayClock.SPEEDS``), in order.
SPEED_KEYS = tuple(str(n) for n in range(1, len(SPEEDS) + 1))
#: The most scripted calls offered at once to ring now (one key each).
INJECT_KEYS = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


#: The standard most scenarios name their competencies by, left out of the narrow column (the whole
#: names are in the scenario and its catalogue): "APCO ANS 3.103: interrogation" shows "interrogation".
COMPETENCY_STANDARD = "APCO ANS 3.103: "


def competencies_shown(competencies: Sequence[str]) -> str:
    """The scenario's competencies for the trainer's list, without the standard's name repeated."""
    return ", ".join(c.removeprefix(COMPETENCY_STANDARD) for c in competencies) or "-"


def speed_words(speed: float) -> str:
    return f"{speed:g}×"


class _Shown(QObject):
    """Reads the panel afresh when it is shown (changes are not read while it is hidden)."""

    def __init__(self, then: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._then()
        return False


class TrainingWork(Presenter):
    """Signals: ``incident_wanted(int)``: the trainer asked to watch an incident (Enter on a call of
    the session), the window shows it in the form."""

    incident_wanted = Signal(int)

    def __init__(
        self,
        parts: WindowParts,
        panel: TrainerPanel,
        caller_lines: CallerLines,
        debrief: DebriefView,
        units: UnitWork,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        self.panel = panel
        self.caller_lines = caller_lines
        self.debrief = debrief
        self.units = units
        self._protocols = load_default_protocols()
        #: Scenarios read so far, by id (the shipped ones, and a file given with --scenario).
        self._scenarios: dict[str, LoadedScenario] = {}
        self._listed = False
        #: The trainees chosen for the run loaded but not started (to tell a new choice from it).
        self._run_trainees: tuple[int, ...] = ()
        #: The call whose lines the caller's panel shows.
        self.shown_call: int | None = None
        #: The session the debrief shows, and the trainee (None: every trainee of it).
        self.debrief_session: int | None = None
        self.debrief_trainee: int | None = None
        self.debrief_html = ""
        self._people: dict[int, str] = {}
        #: Calls of the run whose caller was told they were answered (here or at another console).
        self._opened: set[int] = set()
        #: The callers of a run held by another console of the room (asked and dialled from here).
        self._room = RoomCallers(parts.session.ctx)
        #: Whether a call is one a scenario rang (it never changes once the call exists).
        self._scenario_calls: dict[int, bool] = {}
        #: Change notices came since the trainer's table (the debrief) was last read.
        self._calls_stale = False
        self._debrief_stale = False
        #: What the debrief page shows (session, trainee, ended, calls scored): read again when it changes.
        self._page_key: tuple[object, ...] | None = None
        self._scenario_chosen: str | None = None
        #: Time since the run ended, for its crews to finish (None while it runs).
        self._after_end: PlayClock | None = None
        if parts.session.training and parts.session.play is None:
            # The crews' time while no scenario runs: started with the window.
            parts.session.play = PlayClock(parts.session.ctx.clock)
            parts.session.play.start()
        panel.scenario_chosen.connect(self._scenario_picked)
        panel.live_line_entered.connect(self.say_live_now)
        panel.watched_call_chosen.connect(self.show_call)
        panel.calls.activated.connect(lambda _index: self._watch_incident())
        panel.installEventFilter(_Shown(self.refresh, self))
        debrief.installEventFilter(_Shown(self.refresh_debrief, self))
        debrief.session_chosen.connect(self._debrief_session_picked)
        debrief.trainee_chosen.connect(self._debrief_trainee_picked)
        parts.boards.applied.connect(lambda topics, _touched, _ids: self._changed(topics))
        parts.session.user_changed.connect(lambda _actor: self._people.clear())
        # The random callers' opening shows in the form's script line; this panel is for a scenario's
        # callers (loaded here, or run by the trainer's console and heard through the database).
        caller_lines.setVisible(parts.session.training and parts.session.scenario_run is not None)

    @property
    def run(self) -> ScenarioRun | None:
        return self.session.scenario_run

    # -- the tick ----------------------------------------------------------------------------------

    def tick(self) -> None:
        """The window's second: the run (or the random callers) and the simulated units move on."""
        session = self.session
        run = session.scenario_run
        try:
            if run is not None:
                if run.running:
                    run.advance()  # the run advances its crews with its own scenario time
                    if not run.running:
                        self._show_state()
                elif run.ended and session.crews is not None:
                    # Units still out when the run ended go on to clear, on the run's time continued.
                    if self._after_end is None:
                        self._after_end = PlayClock(session.ctx.clock)
                        self._after_end.start()
                    session.crews.advance(run.play.elapsed() + self._after_end.elapsed())
            else:
                if session.simulator is not None:
                    session.simulator.advance()
                if session.crews is not None and session.play is not None:
                    session.crews.advance(session.play.elapsed())
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
        # The trainer's view in a turn of the event loop of its own, not the tick's (which rings and
        # moves units).
        QTimer.singleShot(0, self._refresh_stale)

    # -- the scenarios and trainees ----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the scenarios (once), the people and the session's calls into the panel."""
        if not self.session.training or not self.panel.isVisible():
            return
        if not self._listed:
            self._list_scenarios()
        self._list_trainees()
        self._show_state()
        self.refresh_calls()

    def _list_scenarios(self) -> None:
        for path in shipped_scenario_paths():
            if path.stem in self._scenarios:
                continue
            try:
                loaded = load_scenario(path, self.session.catalogue, self._protocols)
            except ScenarioError as error:  # a bad file is named, the others still offered
                log.warning("Scenario not offered: %s", error)
                continue
            self._scenarios.setdefault(loaded.scenario.id, loaded)
        self._listed = True
        lang = self.session.lang
        rows = []
        for scenario_id, loaded in sorted(
            self._scenarios.items(), key=lambda item: item[1].scenario.title.in_language(lang).lower()
        ):
            scenario = loaded.scenario
            calls = len(scenario.calls) + sum(surge.count for surge in scenario.surges)
            rows.append(
                (
                    scenario_id,
                    [
                        scenario.title.in_language(lang),
                        minutes(scenario.duration_seconds),
                        str(calls),
                        competencies_shown(scenario.competencies),
                    ],
                )
            )
        self.panel.set_scenarios(rows, self._scenario_chosen)

    def add_scenario(self, loaded: LoadedScenario) -> None:
        """A scenario read from a file (``--scenario FILE``), offered and chosen."""
        self._scenarios[loaded.scenario.id] = loaded
        self._scenario_chosen = loaded.scenario.id
        self._listed = False

    def scenarios(self) -> list[str]:
        """The ids of the scenarios offered (read when first needed)."""
        if not self._listed:
            self._list_scenarios()
        return sorted(self._scenarios)

    def _scenario_picked(self, scenario_id: str) -> None:
        self._scenario_chosen = scenario_id
        loaded = self._scenarios.get(scenario_id)
        if loaded is not None:
            self.panel.summary.setText(loaded.scenario.summary.in_language(self.session.lang))

    def choose_scenario(self, scenario_id: str) -> None:
        if not self._listed:
            self._list_scenarios()
        if scenario_id in self._scenarios:
            self._scenario_chosen = scenario_id
            self._list_scenarios()

    def _names(self) -> dict[int, str]:
        if not self._people:
            try:
                self._people = {
                    user.id: user.full_name or user.username for user in accounts.list_users(self.session.ctx)
                }
            except DatabaseUnavailable:
                return {}
        return self._people

    def _list_trainees(self) -> None:
        run = self.run
        marked = set(self.panel.marked_trainees())
        if not marked:
            if run is not None:
                marked = set(self._run_trainees)
            elif self.session.ctx.actor.user_id is not None:
                marked = {self.session.ctx.actor.user_id}
        try:
            users = accounts.list_users(self.session.ctx)
        except DatabaseUnavailable:
            return
        people = [(u.id, f"{u.full_name} ({labels.role(u.role)})") for u in users if u.active]
        self.panel.set_trainees(people, marked)

    # -- running -----------------------------------------------------------------------------------

    def focus_panel(self) -> None:
        """Ctrl+9: the trainer's panel, on the scenarios."""
        self.refresh()
        focus_visibly(self.panel.scenarios)

    def new_run(
        self, loaded: LoadedScenario, trainee_ids: Sequence[int], by_console: bool = False
    ) -> ScenarioRun:
        """A run of ``loaded`` for these trainees with its own scenario time and simulated units, made
        the console's (not started). ``by_console``: the console itself runs it (``--scenario``)."""
        session = self.session
        ctx = session.ctx.as_system() if by_console else session.ctx
        play = PlayClock(ctx.clock)
        crews = SimulatedCrews(ctx, loaded.scenario.seed, language=session.lang)
        run = ScenarioRun(ctx, loaded, list(trainee_ids), session.catalogue, play=play, crews=crews)
        crews.report_for = run.report_for  # the first crew on scene reports what the scenario says
        session.scenario_run = run
        session.crews = crews
        self.caller_lines.setVisible(True)
        self._after_end = None
        self._run_trainees = tuple(trainee_ids)
        self._scenarios[loaded.scenario.id] = loaded
        self._scenario_chosen = loaded.scenario.id
        if session.simulator is not None:
            session.simulator.stop()  # no random caller while a scenario is loaded
        return run

    def start(self) -> None:
        """Ctrl+Shift+G: start the chosen scenario for the trainees marked."""
        if not self._listed:
            self._list_scenarios()
        if not self.panel.trainees.count():
            self._list_trainees()
        run = self.run
        if run is not None and run.running:
            self.status.show_message(
                translate("Training", "A scenario is running: end it first (Ctrl+Shift+Z).")
            )
            return
        chosen = self.panel.chosen_scenario() or self._scenario_chosen
        loaded = self._scenarios.get(chosen or "")
        if loaded is None:
            self.status.show_message(translate("Training", "Choose a scenario first (Ctrl+9)."))
            return
        trainees = tuple(self.panel.marked_trainees())
        if not trainees:
            self.status.show_message(translate("Training", "Mark at least one trainee (Space in the list)."))
            focus_visibly(self.panel.trainees)
            return
        try:
            if (
                run is None
                or run.play.started
                or run.scenario.id != loaded.scenario.id
                or trainees != self._run_trainees
            ):
                run = self.new_run(loaded, trainees)
            run.start()
        except ServiceError as error:
            self.session.scenario_run = None
            self.status.show_message(labels.service_error(error.code))
            return
        self.status.show_message(
            translate("Training", "Scenario started: %1.").replace(
                "%1", loaded.scenario.title.in_language(self.session.lang)
            )
        )
        self._show_state()
        self.refresh_calls()

    def _running(self) -> ScenarioRun | None:
        run = self.run
        if run is None or not run.running:
            self.status.show_message(
                translate("Training", "No scenario is running (Ctrl+Shift+G starts one).")
            )
            return None
        return run

    def pause_or_resume(self) -> None:
        """Ctrl+Shift+H: hold the scenario's time (nothing rings, no unit moves), or let it go on."""
        run = self._running()
        if run is None:
            return
        if run.play.paused:
            run.resume()
            self.status.show_message(translate("Training", "Scenario resumed."))
        else:
            run.pause()
            self.status.show_message(translate("Training", "Scenario paused: nothing rings until resumed."))
        self._show_state()

    def choose_speed(self) -> None:
        """Ctrl+Shift+J, then a digit: the scenario's speed."""
        run = self._running()
        if run is None:
            return
        options = [(key, speed_words(speed), speed) for key, speed in zip(SPEED_KEYS, SPEEDS, strict=True)]
        self.choice_bar.ask(
            translate("Training", "Scenario speed (now %1):").replace("%1", speed_words(run.play.speed)),
            options,
            self.set_speed_now,
            return_focus=self.panel.calls,
        )

    def set_speed_now(self, speed: float) -> None:
        run = self._running()
        if run is None:
            return
        run.set_speed(speed)
        self.status.show_message(
            translate("Training", "Scenario speed: %1.").replace("%1", speed_words(speed))
        )
        self._show_state()

    def inject(self) -> None:
        """Ctrl+Shift+I, then a key: ring one of the scripted calls not yet rung, now."""
        run = self._running()
        if run is None:
            return
        pending = run.pending_keys()
        if not pending:
            self.status.show_message(translate("Training", "Every call of the scenario has rung."))
            return
        options = [
            (key, self._call_words(run.scenario, call_key), call_key)
            for key, call_key in zip(INJECT_KEYS, pending, strict=False)
        ]
        self.choice_bar.ask(
            translate("Training", "Ring which call now?"),
            options,
            self._inject_chosen,
            return_focus=self.panel.calls,
        )

    def _inject_chosen(self, call_key: str) -> None:
        self.inject_now(call_key)

    def _call_words(self, scenario: Scenario, call_key: str) -> str:
        call = scenario.call(call_key)
        return f"{call_key} ({minutes(call.at_seconds)})"

    def inject_now(self, call_key: str) -> CallView | None:
        run = self._running()
        if run is None:
            return None
        try:
            view = run.inject(call_key)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return None
        except KeyError:  # rung meanwhile (its time came while the choice was open)
            self.status.show_message(
                translate("Training", "Call %1 has rung already.").replace("%1", call_key)
            )
            return None
        self.status.show_message(translate("Training", "Call %1 rings now.").replace("%1", call_key))
        self.refresh_calls()
        return view

    def focus_live_line(self) -> None:
        """Ctrl+Shift+K: type the caller's words for the call selected in the trainer's list."""
        self.refresh()
        if self.panel.selected_call() is None and self.panel.calls.rowCount():
            self.panel.calls.setCurrentCell(self.panel.calls.rowCount() - 1, 0)
        focus_visibly(self.panel.live_line)

    def say_live_now(self, text: str) -> bool:
        """The trainer, playing the caller of the selected call, says ``text``."""
        run = self._running()
        if run is None:
            return False
        call_id = self.panel.selected_call()
        if call_id is None:
            self.panel.say(translate("Training", "Select a call of the session first."))
            return False
        try:
            run.say_live(call_id, text)
        except ServiceError as error:
            self.panel.say(labels.service_error(error.code))
            return False
        self.panel.say("")
        self.panel.live_line.clear()
        self.show_call(call_id)
        return True

    def delay_unit(self) -> None:
        """Ctrl+Shift+Y, then a digit: hold the unit picked (its next step comes later)."""
        crews = self._crews()
        if crews is None:
            return
        picked = self.units.picked_unit()
        if isinstance(picked, str):
            self.status.show_message(picked)
            return
        options = [
            (key, translate("Training", "%1 s").replace("%1", str(seconds)), seconds)
            for key, seconds in DELAY_KEYS
        ]
        self.choice_bar.ask(
            translate("Training", "Delay %1 by:").replace("%1", picked.call_sign),
            options,
            lambda seconds: self.delay_unit_now(picked.unit_id, picked.call_sign, seconds),
            return_focus=picked.source,
        )

    def delay_unit_now(self, unit_id: int, call_sign: str, seconds: float) -> None:
        crews = self._crews()
        if crews is None:
            return
        try:
            crews.delay(unit_id, seconds)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        self.status.show_message(
            translate("Training", "%1 delayed by %2 s.")
            .replace("%1", call_sign)
            .replace("%2", f"{seconds:g}")
        )

    def out_of_service(self) -> None:
        """Ctrl+Shift+M, then 1: the unit picked breaks down (released from its incident)."""
        crews = self._crews()
        if crews is None:
            return
        picked = self.units.picked_unit()
        if isinstance(picked, str):
            self.status.show_message(picked)
            return
        self.choice_bar.ask(
            translate("Training", "Take %1 out of service (a breakdown)?").replace("%1", picked.call_sign),
            [("1", translate("Training", "Out of service"), picked.unit_id)],
            lambda unit_id: self.out_of_service_now(unit_id, picked.call_sign),
            return_focus=picked.source,
        )

    def out_of_service_now(self, unit_id: int, call_sign: str) -> None:
        crews = self._crews()
        if crews is None:
            return
        try:
            crews.take_out_of_service(unit_id)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        self.status.show_message(translate("Training", "%1 is out of service.").replace("%1", call_sign))

    def _crews(self) -> SimulatedCrews | None:
        crews = self.session.crews
        if crews is None:
            self.status.show_message(translate("Training", "No simulated units at this console."))
        return crews

    def end(self) -> None:
        """Ctrl+Shift+Z, then 1: end the scenario and score it; the debrief follows."""
        run = self.run
        if run is None or not run.play.started:
            self.status.show_message(
                translate("Training", "No scenario is running (Ctrl+Shift+G starts one).")
            )
            return
        self.choice_bar.ask(
            translate("Training", "End the scenario and score it?"),
            [("1", translate("Training", "End and score"), True)],
            lambda _yes: self._end_chosen(),
            return_focus=self.panel.calls,
        )

    def _end_chosen(self) -> None:
        self.end_now()

    def end_now(self) -> int | None:
        """End the run (when it has not ended by itself) and score its calls; the session's id."""
        run = self.run
        if run is None or run.session_id is None:
            return None
        ctx = self.session.ctx
        try:
            session_id = run.end()  # a run that ended by itself is ended already: its id
            rules, sha = load_scoring_rules()
            scores = training_scores.score_session(ctx, session_id, run.scenario, rules, sha)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return None
        passed = sum(1 for score in scores if score.passed)
        self.status.show_message(
            translate("Training", "Scenario ended and scored: %1 of %2 calls passed.")
            .replace("%1", str(passed))
            .replace("%2", str(len(scores)))
        )
        self._show_state()
        self.debrief_session = session_id
        self.debrief_trainee = None
        self.refresh_debrief()
        return session_id

    def close(self) -> None:
        """The window closes: a run still going is ended and scored (left open, its session would stay
        open in the database with no console to end it)."""
        run = self.run
        if run is None or not run.running:
            return
        try:
            self.end_now()
        except DatabaseUnavailable:
            log.warning("training session %s not ended at exit: the database did not answer", run.session_id)

    # -- what the trainer watches ------------------------------------------------------------------

    def _show_state(self) -> None:
        run = self.run
        lang = self.session.lang
        if run is None:
            text = translate(
                "Training",
                "No scenario loaded: random callers ring. Choose a scenario and the trainees, then Start (Ctrl+Shift+G).",  # noqa: E501
            )
        else:
            title = run.scenario.title.in_language(lang)
            play = run.play
            elapsed = minutes(play.elapsed())
            duration = minutes(run.scenario.duration_seconds)
            if not play.started:
                text = translate("Training", "%1: loaded, not started (Ctrl+Shift+G starts it).").replace(
                    "%1", title
                )
            elif not run.running:
                text = (
                    translate("Training", "%1: ended at %2 (Ctrl+Shift+Z scores it).")
                    .replace("%1", title)
                    .replace("%2", elapsed)
                )
            elif play.paused:
                text = (
                    translate("Training", "%1: PAUSED at %2 of %3 (Ctrl+Shift+H resumes).")
                    .replace("%1", title)
                    .replace("%2", elapsed)
                    .replace("%3", duration)
                )
            else:
                text = (
                    translate("Training", "%1: running, %2 of %3 at %4; calls still to ring: %5.")
                    .replace("%1", title)
                    .replace("%2", elapsed)
                    .replace("%3", duration)
                    .replace("%4", speed_words(play.speed))
                    .replace("%5", str(len(run.pending_keys())))
                )
        if self.panel.state.text() != text:
            self.panel.state.setText(text)

    def state_text(self) -> str:
        self._show_state()
        return self.panel.state.text()

    def refresh_calls(self) -> None:
        """The session's calls as the trainees fill them in (the trainer's table)."""
        self.boards.timed("training_calls", self._refresh_calls)

    def _refresh_calls(self) -> None:
        run = self.run
        if run is None or run.session_id is None:
            self.panel.set_calls([])
            return
        ctx = self.session.ctx
        try:
            linked = training.session_calls(ctx, run.session_id)
            ids = [row.call_id for row in linked]
            calls = {call.id: call for call in queries.calls_by_id(ctx, ids)}
            incident_ids = [c.incident_id for c in calls.values() if c.incident_id is not None]
            incidents = {i.id: i for i in queries.incidents_by_id(ctx, incident_ids)}
            with reading(ctx) as db:
                answered_by = (
                    dict(db.execute(select(Call.id, Call.answered_by).where(Call.id.in_(ids))).all())
                    if ids
                    else {}
                )
        except DatabaseUnavailable:
            return
        names = self._names()
        catalogue = self.session.catalogue
        lang = self.session.lang
        rows = []
        for row in linked:
            call = calls.get(row.call_id)
            if call is None:
                continue
            incident = incidents.get(call.incident_id) if call.incident_id is not None else None
            state = labels.call_state(call.state)
            if call.classification is not None and call.state is not CallState.RINGING:
                state = f"{state} · {labels.call_class(call.classification)}"
            user = answered_by.get(call.id)
            category = ""
            if incident is not None and incident.category:
                category = (
                    catalogue.get(incident.category).label(lang)
                    if incident.category in catalogue
                    else incident.category
                )
            rows.append(
                (
                    call.id,
                    [
                        row.call_key,
                        state,
                        names.get(user, "") if user is not None else "",
                        incident.number if incident is not None else "",
                        category,
                        labels.priority(incident.priority) if incident is not None else "",
                        incident.village if incident is not None else "",
                        ", ".join(incident.units) if incident is not None else "",
                    ],
                )
            )
        self.panel.set_calls(rows)

    def _watch_incident(self) -> None:
        """Enter on a call of the trainer's table: its incident in the form, as the trainee fills it."""
        call_id = self.panel.selected_call()
        call = (
            None if call_id is None else self.boards.call(call_id) or queries.call(self.session.ctx, call_id)
        )
        if call is None or call.incident_id is None:
            self.status.show_message(translate("Training", "No incident for this call yet."))
            return
        self.incident_wanted.emit(call.incident_id)

    def _changed(self, topics: set[Topic]) -> None:
        if not self.session.training:
            return
        if Topic.CALLS in topics:
            self._answered_elsewhere()
        if Topic.TRAINING in topics and self.shown_call is not None:
            self.show_call(self.shown_call)  # the caller's words at once
        # The trainer's table and the debrief at the next second at most: in a surge the notices
        # come many a second, and each refresh reads the session's calls and lays out the table.
        if topics & {Topic.TRAINING, Topic.CALLS, Topic.INCIDENTS, Topic.UNITS}:
            self._calls_stale = True
        if Topic.TRAINING in topics:
            self._debrief_stale = True

    def _answered_elsewhere(self) -> None:
        """Calls of this console's run answered at another console of the room: their callers say
        their opening there too (stored, so that console's caller panel reads it on the notice), and
        listen for the words typed into their incidents."""
        run = self.run
        if run is None or not run.running:
            return
        for call in self.boards.call_model.rows():
            if (
                call.state is CallState.ANSWERED
                and call.id not in self._opened
                and run.call_key(call.id) is not None
            ):
                self.say_opening(call.id, show=False)

    def _refresh_stale(self) -> None:
        if self.run is not None and self.panel.isVisible():
            self._show_state()
        if self._calls_stale and self.panel.isVisible():
            self._calls_stale = False
            self.refresh_calls()
        if self._debrief_stale and self.debrief.isVisible():
            self._debrief_stale = False
            self.refresh_debrief()

    # -- the trainee's side ------------------------------------------------------------------------

    def show_call(self, call_id: int | None) -> None:
        """The caller's panel shows what the caller of ``call_id`` has said."""
        self.shown_call = call_id
        if call_id is None:
            self.caller_lines.show_lines("", [])
            return
        ctx = self.session.ctx
        try:
            call = self.boards.call(call_id) or queries.call(ctx, call_id)
            if call_id not in self._scenario_calls:
                self._scenario_calls[call_id] = training.training_call(ctx, call_id) is not None
            lines = training.lines_for_call(ctx, call_id) if self._scenario_calls[call_id] else []
        except DatabaseUnavailable:
            return
        caller = "" if call is None else labels.caller_number(call.presentation, call.number_national)
        if not self._scenario_calls[call_id]:
            caller = ""  # not a call of a scenario: nothing scripted to show
        zone, lang = self.session.zone, self.session.lang
        shown = [
            ShownLine(
                local_time(line.at, zone),
                self._revealed_by(line.source, line.key),
                line.words.in_language(lang),
            )
            for line in lines
        ]
        self.caller_lines.show_lines(caller, shown)
        self.caller_lines.setVisible(self.session.training and (self.run is not None or bool(caller)))

    def _revealed_by(self, source: LineSource, key: str) -> str:
        if source is LineSource.QUESTION and key:
            for card in self._protocols.cards:
                if any(question.id == key for question in card.questions):
                    return f"{labels.line_source(source)}: {card.question(key).text(self.session.lang)}"
        return labels.line_source(source)

    def line_changed(self, call: CallView | None) -> None:
        """The call on the line at this console changed: its caller's lines shown."""
        if call is not None:
            self.show_call(call.id)
        elif self.shown_call is not None:
            current = self.boards.call(self.shown_call)
            if current is None or current.state is not CallState.ANSWERED:
                self.show_call(self.shown_call)  # the last words stay until another call

    def opening(self, call_id: int) -> str:
        """The answer's hook (``CallWork.opening_for``): the caller's opening is said and shown in the
        caller's lines just after the answer, in the next turn of the event loop (storing the line is a
        write of its own: in a surge the answer and the line in one turn held the window 50 ms). ""
        : the form shows no script line of its own while a scenario runs."""
        if self.run is not None:
            QTimer.singleShot(0, lambda: self.say_opening(call_id))
        return ""

    def say_opening(self, call_id: int, show: bool = True) -> Words | None:
        """The caller of ``call_id`` says their opening (once) and it is shown (``show``); None for a
        silent one."""
        run = self.run
        if run is None:
            return None
        self._opened.add(call_id)
        try:
            said = run.answered(call_id)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return None
        if show:
            self.show_call(call_id)
        return said

    def ask(self, call_id: int | None, question_id: str) -> str | None:
        """The trainee asks the caller a protocol question; the caller's answer in words (None: none)."""
        if self.run is None and not self.session.training:
            return None
        if call_id is None:
            if self.run is not None:
                self.status.show_message(
                    translate("Training", "Answer the call first (F2): the caller answers questions.")
                )
            return None
        try:
            caller = self._caller_side(call_id)
            if caller is None:
                return None
            said = caller.ask(call_id, question_id)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return None
        self.show_call(call_id)
        if said is None:
            answer = translate("Training", "The caller has nothing to say to that.")
        else:
            answer = said.in_language(self.session.lang)
        self.status.show_message(translate("Training", "The caller: %1").replace("%1", answer))
        return answer

    def _caller_side(self, call_id: int) -> ScenarioRun | RoomCallers | None:
        """Who plays the caller of ``call_id``: this console's run, or (the run held by another console
        of the room) the caller's script read from the scenario's file; None for no scenario's call."""
        if self.run is not None:
            return self.run
        if not self.session.training or training.training_call(self.session.ctx, call_id) is None:
            return None
        return self._room

    def dial(self, call_id: int) -> str | None:
        """The trainee dials a caller back: their line (None when no scenario runs or the call is not one
        of its), or the words "no answer"."""
        try:
            if training.training_call(self.session.ctx, call_id) is None:
                return None
            caller = self._caller_side(call_id)
            if caller is None:
                return None
            said: Words | None = caller.call_back(call_id)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return None
        self.show_call(call_id)
        if said is None:
            return translate("Training", "No answer.")
        return translate("Training", "The caller says: %1").replace("%1", said.in_language(self.session.lang))

    # -- the debrief -------------------------------------------------------------------------------

    def focus_debrief(self) -> None:
        """Ctrl+0: the debrief, on the sessions."""
        self.refresh_debrief()
        focus_visibly(self.debrief.sessions)

    def _debrief_session_picked(self, session_id: int) -> None:
        self.debrief_session = session_id
        self.debrief_trainee = None
        self.refresh_debrief()

    def _debrief_trainee_picked(self, user_id: int) -> None:
        self.debrief_trainee = user_id or None
        self.refresh_debrief()

    def show_debrief(self, session_id: int, user_id: int | None = None) -> None:
        self.debrief_session = session_id
        self.debrief_trainee = user_id
        self.refresh_debrief()

    def refresh_debrief(self) -> None:
        """The sessions, the trainees of the one shown and its debrief page."""
        if not self.session.training:
            return
        ctx, zone = self.session.ctx, self.session.zone
        try:
            recent = training.sessions(ctx)
        except DatabaseUnavailable:
            return
        names = self._names()
        choices = []
        for view in recent:
            loaded = self._scenarios.get(view.scenario_id)
            title = (
                loaded.scenario.title.in_language(self.session.lang)
                if loaded is not None
                else view.scenario_id
            )
            state = "" if view.ended else translate("Training", " (running)")
            choices.append((f"{local_datetime(view.started_at, zone)} · {title}{state}", view.id))
        if recent and self.debrief_session not in {view.id for view in recent}:
            ended = [view for view in recent if view.ended]
            self.debrief_session = (ended or recent)[0].id
        self.debrief.set_sessions(choices, self.debrief_session)
        chosen = next((view for view in recent if view.id == self.debrief_session), None)
        if chosen is None:
            self.debrief_html = ""
            self.debrief.set_trainees([], None)
            self.debrief.show_page("", translate("Training", "No training session yet."))
            return
        trainees = [(translate("Training", "Every trainee"), 0)] + [
            (names.get(user_id, str(user_id)), user_id) for user_id in chosen.trainee_ids
        ]
        self.debrief.set_trainees(trainees, self.debrief_trainee or 0)
        try:
            scored = len(training_scores.session_scores(ctx, chosen.id)) if chosen.ended else 0
        except DatabaseUnavailable:
            return
        loaded = self._scenarios.get(chosen.scenario_id)
        key = (chosen.id, self.debrief_trainee, chosen.ended, scored, loaded and loaded.sha256)
        if key == self._page_key:
            return  # the page shown is this one already (a notice about another line said)
        html, state = self._debrief_page(chosen, scored)
        self._page_key = key if html else None
        self.debrief_html = html
        self.debrief.show_page(html, state)

    def _scenario_for(self, scenario_id: str) -> Scenario | None:
        loaded = self._scenarios.get(scenario_id)
        if loaded is not None:
            return loaded.scenario
        path = find_scenario(scenario_id)
        if path is None:
            return None
        try:
            loaded = load_scenario(path, self.session.catalogue, self._protocols)
        except ScenarioError:
            return None
        self._scenarios[scenario_id] = loaded
        return loaded.scenario

    def _debrief_page(self, chosen: training.SessionView, scored: int) -> tuple[str, str]:
        # The debrief's data and its page are imported when first shown (start-up: bench/startup.py).
        from dispatch.reports.debrief import debrief_data
        from ui.reports import render_html

        if not chosen.ended:
            return "", translate(
                "Training", "The session is still running: end and score it first (Ctrl+Shift+Z)."
            )
        scenario = self._scenario_for(chosen.scenario_id)
        if scenario is None:
            return "", translate("Training", "Scenario %1 is not on this console.").replace(
                "%1", chosen.scenario_id
            )
        try:
            data = debrief_data(self.session.ctx, chosen.id, self.debrief_trainee, scenario)
        except ServiceError as error:
            return "", labels.service_error(error.code)
        notes = []
        if not scored:
            notes.append(translate("Training", "The session was ended without being scored."))
        loaded = self._scenarios.get(chosen.scenario_id)
        if loaded is not None and loaded.sha256 != chosen.scenario_sha256:
            notes.append(
                translate(
                    "Training",
                    "The scenario's file has changed since this session ran: what was expected is "
                    "read from the file as it is now.",
                )
            )
        page = render_html("debrief", data.to_json(), self.session.lang, self.session.zone)
        return page, " ".join(notes)

    def save_debrief_pdf(self) -> None:
        """Ctrl+Shift+D: the debrief shown, as PDF (A4), where the trainer chooses."""
        self.refresh_debrief()
        if not self.debrief_html:
            self.status.show_message(
                translate("Training", "No debrief to save: choose a scored session (Ctrl+0).")
            )
            return
        suggested = str(Path.home() / f"debrief-{self.debrief_session}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self._window(), translate("Training", "Save the debrief as PDF"), suggested, "PDF (*.pdf)"
        )
        if path:
            self.write_debrief_pdf(Path(path))

    def write_debrief_pdf(self, path: Path) -> bool:
        from ui.reports import write_pdf

        if not self.debrief_html:
            return False
        try:
            write_pdf(self.debrief_html, path)
        except OSError as error:
            self.status.show_message(
                translate("Training", "Not saved: %1").replace("%1", error.strerror or str(error))
            )
            return False
        self.status.show_message(translate("Training", "Debrief saved: %1").replace("%1", str(path)))
        return True

    def _window(self) -> QWidget | None:
        return self.panel.window() if self.panel.window() is not None else QApplication.activeWindow()
