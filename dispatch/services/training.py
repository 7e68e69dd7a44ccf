"""Training sessions: a scenario run, the calls it rang and what the simulated callers said.

A session is one run of a scenario file (``dispatch.simulator.scenario_run.ScenarioRun`` drives it):
started with the scenario's id, the SHA-256 of its file, the seed and the trainees chosen; each call
it rings is linked to the scenario's call key (a surge caller with the truth it was generated with);
every line a caller says (on answer, to a protocol question, to a word typed in the narrative, on a
callback, typed live by the trainer, or a hang-up) is stored, so every console of the room and the
debrief see the same conversation. Lines are kept in both languages as canonical JSON.

Only a training database takes these writes (a live one is refused with ``TRAINING_ONLY``); each
write is one unit of work with its audit row and a ``Topic.TRAINING`` notice naming the session.
Starting a session needs ``Action.RUN_TRAINING`` unless the console itself starts it (the command
line's ``--scenario``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, LineSource, Refusal
from dispatch.domain.permissions import Action, can, refusal_for
from dispatch.domain.scenarios import Words
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import reading, unit_of_work
from dispatch.store.database import DatabaseKind
from dispatch.store.tables import Call, TrainingCall, TrainingLine, TrainingSession, TrainingTrainee, User

#: The longest line a caller says (a live line typed by the trainer), in characters per language.
LINE_MAX = 2000
#: The entity audit rows of training name.
ENTITY = "training_session"


@dataclass(frozen=True)
class SessionView:
    id: int
    scenario_id: str
    scenario_sha256: str
    seed: int
    started_at: datetime
    ended_at: datetime | None
    trainer_id: int | None
    console_id: int | None
    trainee_ids: tuple[int, ...]

    @property
    def ended(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True)
class TrainingCallView:
    """A call a session rang, and which call of the scenario it was."""

    session_id: int
    call_key: str
    call_id: int
    #: A surge caller's truth as canonical JSON ({"class": ..., "category": ...}); "" for a scripted call.
    generated_truth: str


@dataclass(frozen=True)
class LineView:
    """One line said in a training call (or to the whole room when ``call_id`` is None)."""

    id: int
    session_id: int
    call_id: int | None
    at: datetime
    source: LineSource
    #: The question id or keyword group that revealed it ("" otherwise).
    key: str
    words: Words
    #: Who made it said: the trainer for a live line; None for what the simulated caller said by itself.
    user_id: int | None


def words_json(words: Words) -> str:
    """``words`` as stored: canonical JSON {"en": ..., "id": ...}."""
    return json.dumps(
        {"id": words.id, "en": words.en}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def words_of(text: str) -> Words:
    """The stored JSON of a line back as :class:`Words`."""
    value = json.loads(text)
    return Words(id=str(value["id"]), en=str(value["en"]))


# -- writes ---------------------------------------------------------------------------------------


def _require_training(ctx: ServiceContext) -> None:
    if ctx.database.kind is DatabaseKind.LIVE:
        raise ServiceError(Refusal.TRAINING_ONLY)


def start_session(
    ctx: ServiceContext, scenario_id: str, scenario_sha256: str, seed: int, trainee_ids: Sequence[int]
) -> SessionView:
    """Begin a run of ``scenario_id`` (its file's hash and the seed kept) for these trainees."""
    _require_training(ctx)
    if ctx.actor.user_id is not None and not can(ctx.actor.role, Action.RUN_TRAINING):
        raise ServiceError(refusal_for(Action.RUN_TRAINING), action=AuditAction.TRAINING_START.value)
    trainees = tuple(dict.fromkeys(trainee_ids))
    with unit_of_work(ctx) as work:
        session = work.session
        known = set(session.scalars(select(User.id).where(User.id.in_(trainees)))) if trainees else set()
        for user_id in trainees:
            if user_id not in known:
                work.refuse(Refusal.NO_SUCH_USER, user_id=user_id)
        row = TrainingSession(
            scenario_id=scenario_id,
            scenario_sha256=scenario_sha256,
            seed=seed,
            started_at=ctx.clock.now(),
            ended_at=None,
            trainer_id=ctx.actor.user_id,
            console_id=ctx.console_id,
        )
        session.add(row)
        session.flush()
        session.add_all(TrainingTrainee(session_id=row.id, user_id=user_id) for user_id in trainees)
        work.audit(
            AuditAction.TRAINING_START,
            ENTITY,
            row.id,
            scenario=scenario_id,
            sha256=scenario_sha256,
            seed=seed,
            trainees=list(trainees),
        )
        work.notify(Topic.TRAINING, row.id)
        view = _session_view(row, trainees)
    return view


def link_call(
    ctx: ServiceContext, session_id: int, call_key: str, call_id: int, generated_truth: str = ""
) -> TrainingCallView:
    """Record that the session's call ``call_key`` rang as ``call_id``."""
    _require_training(ctx)
    with unit_of_work(ctx) as work:
        session = work.session
        _open_session(session, session_id)
        if session.get(Call, call_id) is None:
            work.refuse(Refusal.NO_SUCH_CALL, call_id=call_id)
        row = TrainingCall(
            session_id=session_id, call_key=call_key, call_id=call_id, generated_truth=generated_truth
        )
        session.add(row)
        session.flush()
        work.audit(AuditAction.TRAINING_CALL, ENTITY, session_id, call=call_id, key=call_key)
        work.notify(Topic.TRAINING, session_id)
        view = _call_view(row)
    return view


def say(
    ctx: ServiceContext,
    session_id: int,
    call_id: int | None,
    source: LineSource,
    words: Words,
    key: str = "",
) -> LineView:
    """Store a line said in the session's call ``call_id`` (by ``ctx``'s actor when a person typed it)."""
    _require_training(ctx)
    if source is LineSource.LIVE and not (words.id.strip() or words.en.strip()):
        raise ServiceError(Refusal.NOTE_REQUIRED)
    if max(len(words.id), len(words.en)) > LINE_MAX:
        raise ServiceError(Refusal.NOTE_TOO_LONG, limit=LINE_MAX)
    with unit_of_work(ctx) as work:
        session = work.session
        _open_session(session, session_id)
        if call_id is not None:
            linked = session.scalars(
                select(TrainingCall.session_id).where(TrainingCall.call_id == call_id)
            ).first()
            if linked != session_id:
                work.refuse(Refusal.NOT_A_TRAINING_CALL, call_id=call_id)
        row = TrainingLine(
            session_id=session_id,
            call_id=call_id,
            at=ctx.clock.now(),
            source=source.value,
            key=key,
            text=words_json(words),
            user_id=ctx.actor.user_id,
        )
        session.add(row)
        session.flush()
        work.audit(
            AuditAction.TRAINING_LINE,
            ENTITY,
            session_id,
            call=call_id,
            source=source.value,
            key=key,
            line=row.id,
        )
        work.notify(Topic.TRAINING, session_id)
        view = _line_view(row)
    return view


def end_session(ctx: ServiceContext, session_id: int) -> SessionView:
    """End the run: no more calls or lines; its calls can be scored."""
    _require_training(ctx)
    with unit_of_work(ctx) as work:
        session = work.session
        row = _open_session(session, session_id)
        row.ended_at = max(ctx.clock.now(), row.started_at)
        work.audit(AuditAction.TRAINING_END, ENTITY, session_id)
        work.notify(Topic.TRAINING, session_id)
        view = _session_view(row, _trainees(session, session_id))
    return view


def _open_session(session: Session, session_id: int) -> TrainingSession:
    row = session.get(TrainingSession, session_id)
    if row is None:
        raise ServiceError(Refusal.NO_SUCH_TRAINING_SESSION, session_id=session_id)
    if row.ended_at is not None:
        raise ServiceError(Refusal.TRAINING_SESSION_ENDED, session_id=session_id)
    return row


# -- reads ----------------------------------------------------------------------------------------


def session(ctx: ServiceContext, session_id: int) -> SessionView | None:
    with reading(ctx) as db:
        row = db.get(TrainingSession, session_id)
        return None if row is None else _session_view(row, _trainees(db, session_id))


def sessions(ctx: ServiceContext, limit: int = 50) -> list[SessionView]:
    """The newest sessions first."""
    with reading(ctx) as db:
        rows = list(
            db.scalars(
                select(TrainingSession)
                .order_by(TrainingSession.started_at.desc(), TrainingSession.id.desc())
                .limit(limit)
            )
        )
        trainees: dict[int, list[int]] = {row.id: [] for row in rows}
        if rows:
            for session_id, user_id in db.execute(
                select(TrainingTrainee.session_id, TrainingTrainee.user_id)
                .where(TrainingTrainee.session_id.in_(list(trainees)))
                .order_by(TrainingTrainee.user_id)
            ):
                trainees[session_id].append(user_id)
        return [_session_view(row, tuple(trainees[row.id])) for row in rows]


def open_session(ctx: ServiceContext) -> SessionView | None:
    """The newest session not yet ended, if any (a console joining a run in progress)."""
    with reading(ctx) as db:
        row = db.scalars(
            select(TrainingSession)
            .where(TrainingSession.ended_at.is_(None))
            .order_by(TrainingSession.started_at.desc(), TrainingSession.id.desc())
            .limit(1)
        ).first()
        return None if row is None else _session_view(row, _trainees(db, row.id))


def training_call(ctx: ServiceContext, call_id: int) -> TrainingCallView | None:
    """Which session and scenario call ``call_id`` was; None for a call no session rang."""
    with reading(ctx) as db:
        row = db.scalars(select(TrainingCall).where(TrainingCall.call_id == call_id)).first()
        return None if row is None else _call_view(row)


def session_calls(ctx: ServiceContext, session_id: int) -> list[TrainingCallView]:
    """The calls the session rang, in the order they rang."""
    with reading(ctx) as db:
        rows = db.scalars(
            select(TrainingCall).where(TrainingCall.session_id == session_id).order_by(TrainingCall.id)
        )
        return [_call_view(row) for row in rows]


def lines_for_call(ctx: ServiceContext, call_id: int) -> list[LineView]:
    """What was said in the call, in order."""
    with reading(ctx) as db:
        rows = db.scalars(
            select(TrainingLine).where(TrainingLine.call_id == call_id).order_by(TrainingLine.id)
        )
        return [_line_view(row) for row in rows]


def session_lines(ctx: ServiceContext, session_id: int) -> list[LineView]:
    """Everything said in the session, in order (the trainer's desk and the debrief)."""
    with reading(ctx) as db:
        rows = db.scalars(
            select(TrainingLine).where(TrainingLine.session_id == session_id).order_by(TrainingLine.id)
        )
        return [_line_view(row) for row in rows]


def _trainees(db: Session, session_id: int) -> tuple[int, ...]:
    return tuple(
        db.scalars(
            select(TrainingTrainee.user_id)
            .where(TrainingTrainee.session_id == session_id)
            .order_by(TrainingTrainee.user_id)
        )
    )


def _session_view(row: TrainingSession, trainee_ids: Sequence[int]) -> SessionView:
    return SessionView(
        id=row.id,
        scenario_id=row.scenario_id,
        scenario_sha256=row.scenario_sha256,
        seed=row.seed,
        started_at=row.started_at,
        ended_at=row.ended_at,
        trainer_id=row.trainer_id,
        console_id=row.console_id,
        trainee_ids=tuple(sorted(trainee_ids)),
    )


def _call_view(row: TrainingCall) -> TrainingCallView:
    return TrainingCallView(
        session_id=row.session_id,
        call_key=row.call_key,
        call_id=row.call_id,
        generated_truth=row.generated_truth or "",
    )


def _line_view(row: TrainingLine) -> LineView:
    return LineView(
        id=row.id,
        session_id=row.session_id,
        call_id=row.call_id,
        at=row.at,
        source=LineSource(row.source),
        key=row.key or "",
        words=words_of(row.text),
        user_id=row.user_id,
    )
