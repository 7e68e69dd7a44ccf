"""One run of a training scenario: a pure driver, like the random feed (``driver.py``).

The scenario's scripted calls ring at their offsets and its surges' generated callers spread over
their windows, in scenario seconds (``PlayClock``: the trainer pauses and speeds it up); a caller left
ringing past their patience hangs up and the call becomes abandoned, as a real one would. Every ring
and hang-up goes to the same sink as a hardware feed's (``services.feeds.StoreSink``): stored first,
then shown, and each call rung is linked to its scenario key (``services.training.link_call``).

The caller's side of the conversation is said through ``services.training.say``, so every console of
the room and the debrief see it: the opening when the call is answered (:meth:`ScenarioRun.answered`),
the answer to a protocol-card question asked (:meth:`ScenarioRun.ask`), the reply to a word the
trainee types in the incident's narrative (read on each :meth:`ScenarioRun.advance`), the line a
silent caller says when called back (:meth:`ScenarioRun.call_back`) and what the trainer types
playing the caller (:meth:`ScenarioRun.say_live`).

Nothing here keeps time by itself: whoever runs it calls ``advance()`` (the window, every second; a
test, after moving its clock), and what is due by then happens. With nothing due, ``advance()`` does
no database work of its own but one indexed read of new narrative notes, and that only while answered
calls have keyword replies left (the simulated crews, advanced with the same scenario seconds, read
their assignments). The run ends by itself once its time is up, every call has rung, none still
rings and no unit is halfway through its cycle; or when the trainer ends it. The same scenario, seed
and driven clock ring the same calls with the same numbers at the same instants.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import bindparam, select

from dispatch.domain.areas import normalize
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.codes import LineSource, NoteKind
from dispatch.domain.enums import CallState
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.play_clock import PlayClock
from dispatch.domain.scenarios import CallerScript, CallTruth, KeywordReply, Scenario, TimeBudget, Words
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import queries, training
from dispatch.services.context import ServiceContext
from dispatch.services.feeds import StoreSink
from dispatch.services.snapshots import CallView
from dispatch.services.training import LineView
from dispatch.services.uow import reading
from dispatch.simulator.callers import CallerGenerator
from dispatch.simulator.driver import SignalSink
from dispatch.store.tables import Call, IncidentNote

#: What a caller who gave up ringing "says" (the line's source tells the reader what happened).
HANG_UP_WORDS = Words(id="", en="")


class LoadedScenarioFile(Protocol):
    """What the run needs of a loaded scenario file (``scenario_files.LoadedScenario``)."""

    @property
    def scenario(self) -> Scenario: ...

    @property
    def sha256(self) -> str: ...


class Crews(Protocol):
    """What the run needs of the simulated units (``dispatch.simulator.crews.SimulatedCrews``)."""

    def advance(self, elapsed: float) -> list[int]: ...

    def seconds_until_due(self) -> float | None:
        """Scenario seconds to the next step of any crew; None when no unit is in its cycle."""
        ...


def scenario_feed_url(scenario_id: str, seed: int) -> str:
    """The feed a run's calls are stored as coming from (``sim://``: simulated, see ``domain.leftovers``)."""
    return f"sim://scenario/{scenario_id}?seed={seed}"


def surge_generator_seed(run_seed: int, scenario_seed: int, surge_seed: int) -> int:
    """The surge's own seed when the run keeps the scenario's; another run seed gives other callers."""
    if run_seed == scenario_seed:
        return surge_seed
    digest = hashlib.sha256(f"{run_seed}/{surge_seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass(frozen=True)
class _Phrase:
    """A keyword group's words normalised as a narrative is (``areas.normalize``), space-padded."""

    key: str
    padded: tuple[str, ...]
    reply: Words

    @staticmethod
    def of(reply: KeywordReply) -> _Phrase:
        words = tuple(f" {normalize(word)} " for word in reply.words if normalize(word))
        return _Phrase(reply.key, words, reply.reply)

    def heard_in(self, padded_text: str) -> bool:
        return any(word in padded_text for word in self.padded)


@dataclass(eq=False)
class _Caller:
    """A call of the run: scheduled, then rung, then (maybe) answered; what has been said in it."""

    key: str
    at: float  # scenario seconds
    order: int
    number_raw: str
    name: str | None
    patience: float
    script: CallerScript
    truth: CallTruth
    budget: TimeBudget
    generated_truth: str = ""
    scripted: bool = True
    phrases: tuple[_Phrase, ...] = ()
    # once rung
    call_id: int | None = None
    external_id: str = ""
    finished: bool = False  # hung up ringing, or known answered: nothing left to hang up
    last_note_id: int = 0
    said: set[tuple[LineSource, str]] = field(default_factory=set)


# The narrative notes of the watched calls' incidents newer than a note already read: one indexed
# read (calls by id, notes by incident) per advance while answered calls have keyword replies left.
# Only a person's notes: the simulated crews' radio reports ("... tiba di lokasi") are narrative
# too, written by the system, and the caller does not hear them.
_NEW_NOTES = (
    select(IncidentNote.id, Call.id, IncidentNote.text)
    .join(Call, Call.incident_id == IncidentNote.incident_id)
    .where(
        Call.id.in_(bindparam("calls", expanding=True)),
        IncidentNote.id > bindparam("after"),
        IncidentNote.kind == NoteKind.NARRATIVE.value,
        IncidentNote.author_id.is_not(None),
    )
    .order_by(IncidentNote.id)
)


class ScenarioRun:
    """Runs one scenario when ``advance()`` finds its calls due (see the module docstring).

    ``ctx`` is the trainer's (or the system's, for a scenario started from the command line): the
    session is started and ended, and live lines said, as that actor; everything the simulated
    callers do is the system's. The window calls :meth:`answered` when a call of the run is
    answered (on any console it knows of), :meth:`ask` when a protocol question is asked and
    :meth:`call_back` when a silent caller is called back.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        loaded: LoadedScenarioFile,
        trainee_ids: Sequence[int],
        catalogue: Catalogue,
        seed: int | None = None,
        sink: SignalSink | None = None,
        play: PlayClock | None = None,
        crews: Crews | None = None,
    ) -> None:
        self._ctx = ctx
        self._system = ctx.as_system()
        self._loaded = loaded
        self._scenario = loaded.scenario
        self._trainee_ids = tuple(trainee_ids)
        self._seed = self._scenario.seed if seed is None else seed
        self._sink: SignalSink = sink or StoreSink(self._system)
        self._play = play or PlayClock(ctx.clock)
        self.crews = crews
        self._feed = scenario_feed_url(self._scenario.id, self._seed)
        self._session_id: int | None = None
        self._ended = False
        self._schedule = self._build_schedule(catalogue)
        self._by_key = {caller.key: caller for caller in self._schedule}
        self._next = 0  # index of the first scheduled caller not yet looked at
        self._by_call: dict[int, _Caller] = {}
        self._give_ups: list[tuple[float, int, int]] = []  # (scenario second, order, call id), a heap
        self._watch: dict[int, _Caller] = {}  # answered calls with keyword replies left

    # -- the schedule -----------------------------------------------------------------------------

    def _build_schedule(self, catalogue: Catalogue) -> list[_Caller]:
        callers: list[_Caller] = []
        for call in self._scenario.calls:
            callers.append(
                _Caller(
                    key=call.key,
                    at=call.at_seconds,
                    order=len(callers),
                    number_raw=call.number,
                    name=call.name,
                    patience=call.patience_seconds,
                    script=call.script,
                    truth=call.truth,
                    budget=call.budget,
                    phrases=tuple(_Phrase.of(reply) for reply in call.script.keywords),
                )
            )
        for surge in self._scenario.surges:
            generator = CallerGenerator(
                surge_generator_seed(self._seed, self._scenario.seed, surge.seed), catalogue
            )
            for index in range(surge.count):
                generated = generator.next_caller()
                truth: dict[str, str] = {"class": generated.intended_class.value}
                priority = None
                if generated.category_code is not None:
                    # The category's usual priority: what the console proposes once it is chosen.
                    priority = catalogue.get(generated.category_code).default_priority
                    truth["category"] = generated.category_code
                    truth["priority"] = priority.value
                opening = generated.opening_line or None
                callers.append(
                    _Caller(
                        key=f"{surge.key}.{index + 1}",
                        # Spread evenly over the surge's window, the first at its start.
                        at=surge.at_seconds + surge.over_seconds * index / surge.count,
                        order=len(callers),
                        number_raw=generated.number_raw,
                        name=generated.name,
                        patience=generated.ring_seconds,
                        script=CallerScript(opening=None if opening is None else Words(opening, opening)),
                        truth=CallTruth(
                            call_class=generated.intended_class,
                            category=generated.category_code,
                            priority=priority,
                        ),
                        budget=TimeBudget(),
                        generated_truth=json.dumps(
                            truth, ensure_ascii=False, sort_keys=True, separators=(",", ":")
                        ),
                        scripted=False,
                    )
                )
        callers.sort(key=lambda caller: (caller.at, caller.order))
        return callers

    # -- state ------------------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def sha256(self) -> str:
        return self._loaded.sha256

    @property
    def seed(self) -> int:
        return self._seed

    @property
    def feed_url(self) -> str:
        return self._feed

    @property
    def play(self) -> PlayClock:
        return self._play

    @property
    def session_id(self) -> int | None:
        return self._session_id

    @property
    def running(self) -> bool:
        return self._session_id is not None and not self._ended

    @property
    def ended(self) -> bool:
        return self._ended

    def pending_keys(self) -> list[str]:
        """The scripted calls not yet rung, in the order they are due (what the trainer may inject)."""
        return [
            caller.key
            for caller in self._schedule[self._next :]
            if caller.scripted and caller.call_id is None
        ]

    def call_key(self, call_id: int) -> str | None:
        caller = self._by_call.get(call_id)
        return None if caller is None else caller.key

    def truth_for(self, call_id: int) -> tuple[CallTruth, TimeBudget] | None:
        caller = self._by_call.get(call_id)
        return None if caller is None else (caller.truth, caller.budget)

    def lines(self, call_id: int) -> list[LineView]:
        return training.lines_for_call(self._ctx, call_id)

    def report_for(self, incident_id: int) -> Words | None:
        """What the first unit on scene of ``incident_id`` reports, if the scenario says (for the crews)."""
        if not self._by_call:
            return None
        with reading(self._ctx) as db:
            call_ids = db.scalars(select(Call.id).where(Call.incident_id == incident_id)).all()
        for call_id in call_ids:
            caller = self._by_call.get(call_id)
            if caller is not None and caller.scripted:
                report = self._scenario.call(caller.key).on_scene_report
                if report is not None:
                    return report
        return None

    def seconds_until_due(self) -> float | None:
        """Real seconds until something is due (None when not running or paused), for a driver that sleeps."""
        if not self.running:
            return None
        due = []
        if self._next < len(self._schedule):
            due.append(self._schedule[self._next].at)
        if self._give_ups:
            due.append(self._give_ups[0][0])
        crew_due = None if self.crews is None else self.crews.seconds_until_due()
        if crew_due is not None:
            due.append(self._play.elapsed() + crew_due)
        if self._play.elapsed() < self._scenario.duration_seconds or not due:
            due.append(self._scenario.duration_seconds)  # the end, once nothing rings
        return self._play.real_seconds_until(min(due))

    # -- the trainer's controls -------------------------------------------------------------------

    def start(self) -> int:
        """Begin the session (once) and the scenario's time; returns the session id."""
        if self._session_id is None:
            view = training.start_session(
                self._ctx, self._scenario.id, self._loaded.sha256, self._seed, self._trainee_ids
            )
            self._session_id = view.id
        self._play.start()
        return self._session_id

    def pause(self) -> None:
        self._play.pause()

    def resume(self) -> None:
        self._play.resume()

    def set_speed(self, speed: float) -> None:
        self._play.set_speed(speed)

    def end(self) -> int:
        """End the session (no more calls ring); returns its id, for scoring and the debrief."""
        return self._end(self._ctx)

    def _end(self, ctx: ServiceContext) -> int:
        if self._session_id is None:
            raise RuntimeError("the scenario run has not started")
        if not self._ended:
            training.end_session(ctx, self._session_id)
            self._ended = True
            self._play.pause()
        return self._session_id

    def inject(self, call_key: str) -> CallView:
        """Ring the scripted call ``call_key`` now, ahead of its time (it does not ring again then).

        KeyError for a key that is not pending (:meth:`pending_keys`): unknown, a surge's, or rung.
        """
        caller = self._by_key.get(call_key)
        if caller is None or not caller.scripted or caller.call_id is not None:
            raise KeyError(call_key)
        self._require_running()
        return self._ring(caller, self._play.elapsed())

    def say_live(self, call_id: int | None, text: str) -> LineView:
        """A line the trainer types, playing the caller (the same text in both languages)."""
        session_id = self._require_running()
        clean = text.strip()
        return training.say(self._ctx, session_id, call_id, LineSource.LIVE, Words(clean, clean))

    # -- the trainee's side -------------------------------------------------------------------------

    def answered(self, call_id: int) -> Words | None:
        """The call was answered: the caller's opening (said once); None for a silent or unknown caller."""
        caller = self._by_call.get(call_id)
        if caller is None:
            return None
        self._mark_answered(caller)
        opening = caller.script.opening
        if opening is not None:
            self._say_once(caller, LineSource.OPENING, "", opening)
        return opening

    def ask(self, call_id: int, question_id: str) -> Words | None:
        """The caller's answer to a protocol-card question (said once); None when the script has none."""
        caller = self._by_call.get(call_id)
        if caller is None:
            return None
        reply = caller.script.answers.get(question_id)
        if reply is not None:
            self._say_once(caller, LineSource.QUESTION, question_id, reply)
        return reply

    def call_back(self, call_id: int) -> Words | None:
        """The trainee dials the caller back: what the caller says (said once), or None for no answer."""
        caller = self._by_call.get(call_id)
        if caller is None:
            return None
        reply = caller.script.callback
        if reply is not None:
            # A reached caller goes on talking: words typed in the callback's incident are answered.
            self._mark_answered(caller)
            self._say_once(caller, LineSource.CALLBACK, "", reply)
        return reply

    # -- time -------------------------------------------------------------------------------------

    def advance(self) -> list[CallView]:
        """Do what is due by the scenario's time: hang-ups, rings, keyword replies, the crews, the end."""
        if not self.running:
            return []
        now = self._play.elapsed()
        self._hang_up_due(now)
        rang: list[CallView] = []
        while self._next < len(self._schedule) and self._schedule[self._next].at <= now:
            caller = self._schedule[self._next]
            self._next += 1
            if caller.call_id is None:  # an injected call has rung already
                rang.append(self._ring(caller, now))
        if self._watch:
            self._reply_to_keywords()
        if self.crews is not None:
            self.crews.advance(now)
        # The end: the scenario's time is up, every call has rung and none still rings, and no unit
        # is left frozen halfway through its cycle (the crews bring every one back first).
        if (
            now >= self._scenario.duration_seconds
            and self._next >= len(self._schedule)
            and (self.crews is None or self.crews.seconds_until_due() is None)
            and not self._ringing()
        ):
            self._end(self._system)
        return rang

    def _require_running(self) -> int:
        if self._session_id is None or self._ended:
            raise RuntimeError("the scenario run is not running")
        return self._session_id

    def _ring(self, caller: _Caller, now: float) -> CallView:
        session_id = self._require_running()
        caller.external_id = f"{session_id}-{caller.key}"
        view = self._sink.signal(self._signal(SignalKind.INCOMING, caller))
        assert view is not None, "an incoming call is always stored"
        caller.call_id = view.id
        self._by_call[view.id] = caller
        training.link_call(self._system, session_id, caller.key, view.id, caller.generated_truth)
        heapq.heappush(self._give_ups, (now + caller.patience, caller.order, view.id))
        return view

    def _hang_up_due(self, now: float) -> None:
        due: list[_Caller] = []
        while self._give_ups and self._give_ups[0][0] <= now:
            _at, _order, call_id = heapq.heappop(self._give_ups)
            caller = self._by_call[call_id]
            if not caller.finished:
                due.append(caller)
        if not due:
            return
        states = {
            view.id: view.state for view in queries.calls_by_id(self._system, [c.call_id or 0 for c in due])
        }
        for caller in due:
            assert caller.call_id is not None
            state = states.get(caller.call_id)
            if state is CallState.RINGING:
                self._sink.signal(self._signal(SignalKind.ENDED, caller))
                caller.finished = True
                self._say_once(caller, LineSource.HANG_UP, "", HANG_UP_WORDS)
            elif state is CallState.ANSWERED:
                self._mark_answered(caller)  # answered where the window did not tell the run
            else:
                caller.finished = True

    def _ringing(self) -> bool:
        """Whether a caller of the run may still be ringing (read only once the schedule is done)."""
        waiting = [caller for caller in self._by_call.values() if not caller.finished]
        if not waiting:
            return False
        states = {
            view.id: view.state
            for view in queries.calls_by_id(self._system, [c.call_id or 0 for c in waiting])
        }
        still = False
        for caller in waiting:
            assert caller.call_id is not None
            state = states.get(caller.call_id)
            if state is CallState.RINGING:
                still = True
            elif state is CallState.ANSWERED:
                self._mark_answered(caller)
            else:
                caller.finished = True
        return still

    def _mark_answered(self, caller: _Caller) -> None:
        caller.finished = True
        if caller.call_id is not None and self._keywords_left(caller):
            self._watch[caller.call_id] = caller

    @staticmethod
    def _keywords_left(caller: _Caller) -> bool:
        return any((LineSource.KEYWORD, phrase.key) not in caller.said for phrase in caller.phrases)

    def _reply_to_keywords(self) -> None:
        after = min(caller.last_note_id for caller in self._watch.values())
        with reading(self._system) as db:
            rows = db.execute(_NEW_NOTES, {"calls": list(self._watch), "after": after}).all()
        newest = after
        for note_id, call_id, text in rows:
            newest = max(newest, note_id)
            caller = self._watch.get(call_id)
            if caller is None or note_id <= caller.last_note_id:
                continue
            caller.last_note_id = note_id
            padded = f" {normalize(text)} "
            for phrase in caller.phrases:
                if (LineSource.KEYWORD, phrase.key) not in caller.said and phrase.heard_in(padded):
                    self._say_once(caller, LineSource.KEYWORD, phrase.key, phrase.reply)
            if not self._keywords_left(caller):
                del self._watch[call_id]
        # The answer held every watched call's notes up to the newest: none of them is read again.
        for caller in self._watch.values():
            caller.last_note_id = max(caller.last_note_id, newest)

    def _say_once(self, caller: _Caller, source: LineSource, key: str, words: Words) -> None:
        if (source, key) in caller.said or self._session_id is None or self._ended:
            return
        training.say(self._system, self._session_id, caller.call_id, source, words, key)
        caller.said.add((source, key))

    def _signal(self, kind: SignalKind, caller: _Caller) -> CallSignal:
        raw = f"{kind.value} NMBR={caller.number_raw} NAME={caller.name or ''}".encode()
        return CallSignal(
            kind=kind,
            feed=self._feed,
            received_at=self._ctx.clock.now(),
            number=parse_caller_number(caller.number_raw),
            raw=raw,
            line="1",
            name=caller.name,
            call_id=caller.external_id,
        )
