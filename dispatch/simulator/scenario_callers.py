"""The scripted callers of a run held by another console of the room: what they answer, from the file.

A trainer's console runs the scenario (``scenario_run.ScenarioRun``) and watches the database for
answers and words typed anywhere in the room; but asking a protocol question and dialling a caller
back happen at the trainee's console, and only the console holding the run knew the script. Here a
console without the run reads the caller's script from the same scenario file (only when its SHA-256 is
the one the session was started with: another version of the file could answer otherwise) and says
the line through ``services.training.say``, once per question or callback, as the run would; every
console, the run's included, hears it through the database.
"""

from __future__ import annotations

import hashlib

from dispatch.domain.codes import LineSource
from dispatch.domain.scenarios import CallerScript, Words
from dispatch.services import training
from dispatch.services.context import ServiceContext
from dispatch.simulator.scenario_files import ScenarioError, find_scenario, load_scenario


class RoomCallers:
    """Scripted callers of sessions run elsewhere, answered from their scenario files."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx.as_system()
        # (scenario id, file SHA-256) -> the scenario's scripts by call key; None: not this file here
        self._scripts: dict[tuple[str, str], dict[str, CallerScript] | None] = {}

    def ask(self, call_id: int, question_id: str) -> Words | None:
        """The caller's answer to a protocol question (said once); None when there is none to give."""
        found = self._script(call_id)
        if found is None:
            return None
        session_id, script = found
        reply = script.answers.get(question_id)
        if reply is not None:
            self._say_once(session_id, call_id, LineSource.QUESTION, question_id, reply)
        return reply

    def call_back(self, call_id: int) -> Words | None:
        """What the caller says when dialled back (said once); None: no answer."""
        found = self._script(call_id)
        if found is None:
            return None
        session_id, script = found
        if script.callback is not None:
            self._say_once(session_id, call_id, LineSource.CALLBACK, "", script.callback)
        return script.callback

    def _script(self, call_id: int) -> tuple[int, CallerScript] | None:
        linked = training.training_call(self._ctx, call_id)
        if linked is None:
            return None
        session = training.session(self._ctx, linked.session_id)
        if session is None or session.ended:
            return None
        scripts = self._load(session.scenario_id, session.scenario_sha256)
        if scripts is None:
            return None
        script = scripts.get(linked.call_key)  # a surge caller has no script beyond its opening
        return None if script is None else (session.id, script)

    def _load(self, scenario_id: str, sha256: str) -> dict[str, CallerScript] | None:
        key = (scenario_id, sha256)
        if key not in self._scripts:
            self._scripts[key] = None
            path = find_scenario(scenario_id)
            if path is not None and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
                try:
                    loaded = load_scenario(path)
                except ScenarioError:
                    return None
                self._scripts[key] = {call.key: call.script for call in loaded.scenario.calls}
        return self._scripts[key]

    def _say_once(self, session_id: int, call_id: int, source: LineSource, key: str, words: Words) -> None:
        said = training.lines_for_call(self._ctx, call_id)
        if any(line.source is source and line.key == key for line in said):
            return
        training.say(self._ctx, session_id, call_id, source, words, key)
