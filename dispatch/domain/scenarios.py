"""Training scenarios as data: who rings when, what the caller says, and what the truth was.

A scenario (``resources/scenarios/*.json``, format in docs/scenarios.md, read by
``dispatch.simulator.scenario_files``) is a list of scripted calls at offsets from its start, plus
surges of generated calls. Each scripted call carries the caller's script (the opening line, the
answers revealed by protocol-card questions and by words typed into the narrative, what a silent
caller says when called back) and its ground truth, which the scoring
(``dispatch.domain.training_score``) compares with what the trainee recorded.

Every text a caller or a trainer reads is given in Indonesian and English (:class:`Words`); the
console shows the reader's language. These types are frozen: a loaded scenario never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dispatch.domain.enums import AgencyType, CallClass, Priority

#: The format name and version every scenario file starts with (``"format"``).
SCENARIO_FORMAT = "dispatch-scenario/1"
#: The languages every text of a scenario is written in.
SCENARIO_LANGUAGES = ("id", "en")


@dataclass(frozen=True, slots=True)
class Words:
    """One text in both languages."""

    id: str
    en: str

    def in_language(self, language: str) -> str:
        return self.en if language == "en" else self.id


@dataclass(frozen=True, slots=True)
class KeywordReply:
    """What the caller says once the trainee's narrative contains any of ``words`` (case and accents
    ignored, whole words or phrases)."""

    key: str
    words: tuple[str, ...]
    reply: Words


@dataclass(frozen=True, slots=True)
class CallerScript:
    """What the caller says. ``opening`` is None for a silent caller (nothing is heard on answer)."""

    opening: Words | None
    #: Protocol-card question id -> the caller's answer, said when the trainee asks it.
    answers: dict[str, Words] = field(default_factory=dict)
    keywords: tuple[KeywordReply, ...] = ()
    #: What the caller says when called back (a silent caller who could not speak); None: no answer.
    callback: Words | None = None


@dataclass(frozen=True, slots=True)
class CallTruth:
    """What really happened: what the trainee's record is scored against.

    ``call_class`` is how the call itself should be classified (``silent`` for a silent call, even
    one that turns into an emergency on callback; then ``after_callback`` is ``emergency`` and the
    emergency fields below describe the incident the callback should open).
    """

    call_class: CallClass
    after_callback: CallClass | None = None
    category: str | None = None
    priority: Priority | None = None
    #: Kemendagri code of the kelurahan/desa (``dispatch.domain.areas``), e.g. ``33.74.13.1003``.
    area_code: str | None = None
    #: Where it happened (latitude, longitude, WGS84).
    point: tuple[float, float] | None = None
    #: Agency type -> the fewest units of it that must be sent.
    agencies: dict[AgencyType, int] = field(default_factory=dict)
    #: Protocol-card question ids the trainee must ask (and record the answer of).
    questions: tuple[str, ...] = ()
    #: Incident form fields that must be filled (``dispatch.domain.incidents`` field names).
    fields: tuple[str, ...] = ()

    @property
    def emergency(self) -> bool:
        return CallClass.EMERGENCY in (self.call_class, self.after_callback)


@dataclass(frozen=True, slots=True)
class TimeBudget:
    """Seconds within which the trainee should act; the scoring rules say how lateness costs."""

    answer_seconds: float = 10.0
    #: From answer (or from reaching the caller on callback) to the first unit dispatched: NFPA 1225's 60 s.
    dispatch_seconds: float = 60.0


@dataclass(frozen=True, slots=True)
class ScriptedCall:
    """One call of the scenario, as the telephone presents it and as the caller plays it."""

    key: str
    at_seconds: float
    #: As the caller-ID frame carries it: ``081234567890``, ``+62...``, ``P`` withheld, ``O`` unavailable.
    number: str
    name: str | None
    #: How long it rings before the caller gives up (seconds).
    patience_seconds: float
    script: CallerScript
    truth: CallTruth
    budget: TimeBudget = TimeBudget()
    #: What the first unit on scene reports (a note on the incident), if anything.
    on_scene_report: Words | None = None
    #: The line of the scenario file the call starts on (for messages and the debrief).
    line: int = 0


@dataclass(frozen=True, slots=True)
class Surge:
    """``count`` generated callers (``dispatch.simulator.callers``: the centre's real class mix, prank
    and silent included) ringing spread over ``over_seconds`` from ``at_seconds``; each one's truth is
    the class (and category) it was generated with."""

    key: str
    at_seconds: float
    count: int
    over_seconds: float
    seed: int
    line: int = 0


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: Words
    summary: Words
    #: APCO ANS 3.103 (minimum training standards for telecommunicators) competencies practised.
    competencies: tuple[str, ...]
    #: Seed of everything random in a run (surges, unit travel), unless the trainer gives another.
    seed: int
    #: How long the scenario runs (seconds of scenario time).
    duration_seconds: float
    calls: tuple[ScriptedCall, ...]
    surges: tuple[Surge, ...] = ()

    def call(self, key: str) -> ScriptedCall:
        for call in self.calls:
            if call.key == key:
                return call
        raise KeyError(key)
