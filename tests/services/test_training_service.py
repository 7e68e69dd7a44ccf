"""Training sessions (services.training): training databases only, the trainer's permission, audit
rows and notices, and the callers' lines stored in both languages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction, LineSource, Refusal
from dispatch.domain.enums import Role
from dispatch.domain.scenarios import Words
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, training
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import Database
from dispatch.store.tables import TrainingCall, TrainingLine, TrainingSession
from tests.services.support import audited, signal
from tests.services.training_support import add_trainee, live_context


@pytest.fixture
def database(training_database: Database) -> Database:
    """Every test here trains: tests/conftest.py's ``ctx`` on a training database."""
    return training_database


SHA = "a" * 64


def _ring(ctx: ServiceContext, call_id: str) -> int:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now(), call_id=call_id))
    assert view is not None
    return view.id


@contextmanager
def _refused(code: Refusal) -> Iterator[None]:
    with pytest.raises(ServiceError) as raised:
        yield
    assert raised.value.code is code


def test_a_supervisor_starts_a_session_for_trainees_audited_and_announced(
    ctx: ServiceContext, changes: list[Change]
) -> None:
    first = add_trainee(ctx, "dewi")
    second = add_trainee(ctx, "eko")
    changes.clear()
    view, rows = audited(
        ctx,
        lambda: training.start_session(
            ctx, "fire-trapped", SHA, 12, [second.actor.user_id or 0, first.actor.user_id or 0]
        ),
    )
    assert view.scenario_id == "fire-trapped"
    assert view.scenario_sha256 == SHA
    assert view.seed == 12
    assert view.trainer_id == ctx.actor.user_id
    assert view.console_id == ctx.console_id
    assert view.started_at == ctx.clock.now()
    assert view.trainee_ids == tuple(sorted([first.actor.user_id or 0, second.actor.user_id or 0]))
    assert not view.ended
    assert [row.action for row in rows] == [AuditAction.TRAINING_START.value]
    assert rows[0].entity == training.ENTITY
    assert rows[0].entity_id == str(view.id)
    assert json.loads(rows[0].detail or "") == {
        "scenario": "fire-trapped",
        "sha256": SHA,
        "seed": 12,
        "trainees": [second.actor.user_id, first.actor.user_id],
    }
    assert Change(Topic.TRAINING, (view.id,)) in changes
    assert training.session(ctx, view.id) == view
    assert training.open_session(ctx) == view


def test_a_call_taker_may_not_start_a_session_but_the_console_itself_may(ctx: ServiceContext) -> None:
    trainee = add_trainee(ctx, "dewi")
    with _refused(Refusal.SUPERVISOR_ONLY):
        training.start_session(trainee, "prank", SHA, 1, [trainee.actor.user_id or 0])
    assert training.sessions(ctx) == []
    started = training.start_session(ctx.as_system(), "prank", SHA, 1, [trainee.actor.user_id or 0])
    assert started.trainer_id is None
    assert started.trainee_ids == (trainee.actor.user_id,)


def test_an_unknown_trainee_is_refused_and_nothing_is_written(ctx: ServiceContext) -> None:
    with _refused(Refusal.NO_SUCH_USER):
        training.start_session(ctx, "prank", SHA, 1, [9999])
    with ctx.database.transaction() as db:
        assert db.scalars(select(TrainingSession)).all() == []


def test_every_write_refuses_a_live_database(tmp_path: Path, clock: ManualClock, bus: ChangeBus) -> None:
    live_db, live = live_context(tmp_path / "live.sqlite3", clock, bus)
    try:
        call_id = _ring(live, "live-1")
        for attempt in (
            lambda: training.start_session(live, "prank", SHA, 1, []),
            lambda: training.start_session(live.as_system(), "prank", SHA, 1, []),
            lambda: training.link_call(live, 1, "k", call_id),
            lambda: training.say(live, 1, None, LineSource.LIVE, Words("halo", "halo")),
            lambda: training.end_session(live, 1),
        ):
            with _refused(Refusal.TRAINING_ONLY):
                attempt()
        with live_db.transaction() as db:
            assert db.scalars(select(TrainingSession)).all() == []
            assert db.scalars(select(TrainingCall)).all() == []
            assert db.scalars(select(TrainingLine)).all() == []
    finally:
        live_db.dispose()


def test_a_call_is_linked_to_its_key_once(ctx: ServiceContext, changes: list[Change]) -> None:
    started = training.start_session(ctx, "surge", SHA, 3, [])
    first = _ring(ctx, "c1")
    second = _ring(ctx, "c2")
    changes.clear()
    linked, rows = audited(ctx, lambda: training.link_call(ctx.as_system(), started.id, "fire", first))
    assert linked == training.TrainingCallView(started.id, "fire", first, "")
    assert [(row.action, row.entity_id, row.user_name) for row in rows] == [
        (AuditAction.TRAINING_CALL.value, str(started.id), "system")
    ]
    assert json.loads(rows[0].detail or "") == {"call": first, "key": "fire"}
    assert Change(Topic.TRAINING, (started.id,)) in changes
    truth = '{"category":"MED","class":"emergency"}'
    training.link_call(ctx, started.id, "surge1.1", second, truth)
    assert training.training_call(ctx, second) == training.TrainingCallView(
        started.id, "surge1.1", second, truth
    )
    assert [view.call_key for view in training.session_calls(ctx, started.id)] == ["fire", "surge1.1"]
    assert training.training_call(ctx, 9999) is None
    third = _ring(ctx, "c3")
    with _refused(Refusal.CHANGED_ELSEWHERE):
        training.link_call(ctx, started.id, "fire", third)  # the key rang already
    with _refused(Refusal.NO_SUCH_CALL):
        training.link_call(ctx, started.id, "other", 9999)
    with _refused(Refusal.NO_SUCH_TRAINING_SESSION):
        training.link_call(ctx, started.id + 1, "other", third)


def test_lines_round_trip_in_both_languages_with_their_source_and_key(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    trainee = add_trainee(ctx, "dewi")
    started = training.start_session(ctx, "fire", SHA, 1, [trainee.actor.user_id or 0])
    call_id = _ring(ctx, "c1")
    training.link_call(ctx, started.id, "fire", call_id)
    opening = Words(
        id="Tolong! Rumah saya terbakar, ada anak di dalam — di Jl. Ngesrep Timur V",
        en='Help! My house is on fire, a child is inside — on "Ngesrep Timur V" street',
    )
    changes.clear()
    said, rows = audited(
        ctx, lambda: training.say(ctx.as_system(), started.id, call_id, LineSource.OPENING, opening)
    )
    assert [row.action for row in rows] == [AuditAction.TRAINING_LINE.value]
    assert json.loads(rows[0].detail or "") == {
        "call": call_id,
        "source": "opening",
        "key": "",
        "line": said.id,
    }
    assert Change(Topic.TRAINING, (started.id,)) in changes
    clock.advance(5)
    answer = training.say(
        ctx.as_system(),
        started.id,
        call_id,
        LineSource.QUESTION,
        Words("Ya, satu anak.", "Yes, one child."),
        "people_inside",
    )
    clock.advance(5)
    live = training.say(ctx, started.id, call_id, LineSource.LIVE, Words("Cepat, Pak!", "Cepat, Pak!"))
    lines = training.lines_for_call(ctx, call_id)
    assert lines == [said, answer, live]
    assert [(line.source, line.key, line.user_id) for line in lines] == [
        (LineSource.OPENING, "", None),
        (LineSource.QUESTION, "people_inside", None),
        (LineSource.LIVE, "", ctx.actor.user_id),
    ]
    assert lines[0].words == opening
    assert lines[0].words.in_language("en").startswith("Help!")
    assert [line.at for line in lines] == [
        clock.now() - timedelta(seconds=10),
        clock.now() - timedelta(seconds=5),
        clock.now(),
    ]
    with ctx.database.transaction() as db:
        stored = db.scalars(select(TrainingLine.text).where(TrainingLine.id == said.id)).one()
    assert stored == json.dumps(
        {"id": opening.id, "en": opening.en}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    assert "—" in stored  # kept as written, not escaped
    room = training.say(ctx, started.id, None, LineSource.LIVE, Words("Semua unit siaga", "Semua unit siaga"))
    assert training.session_lines(ctx, started.id) == [said, answer, live, room]


def test_a_line_needs_a_call_of_its_own_session_and_a_live_line_some_text(ctx: ServiceContext) -> None:
    first = training.start_session(ctx, "one", SHA, 1, [])
    outside = _ring(ctx, "c1")
    with _refused(Refusal.NOT_A_TRAINING_CALL):
        training.say(ctx, first.id, outside, LineSource.LIVE, Words("halo", "halo"))
    training.end_session(ctx, first.id)
    second = training.start_session(ctx, "two", SHA, 1, [])
    training.link_call(ctx, second.id, "k", outside)
    other = training.start_session(ctx, "three", SHA, 1, [])
    with _refused(Refusal.NOT_A_TRAINING_CALL):
        training.say(ctx, other.id, outside, LineSource.LIVE, Words("halo", "halo"))
    with _refused(Refusal.NOTE_REQUIRED):
        training.say(ctx, second.id, outside, LineSource.LIVE, Words("  ", ""))
    with _refused(Refusal.NOTE_TOO_LONG):
        training.say(ctx, second.id, outside, LineSource.LIVE, Words("x" * (training.LINE_MAX + 1), "x"))
    hang_up = training.say(ctx.as_system(), second.id, outside, LineSource.HANG_UP, Words("", ""))
    assert hang_up.words == Words("", "")


def test_an_ended_session_takes_nothing_more(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    started = training.start_session(ctx, "prank", SHA, 1, [])
    call_id = _ring(ctx, "c1")
    clock.advance(90)
    changes.clear()
    ended, rows = audited(ctx, lambda: training.end_session(ctx, started.id))
    assert ended.ended_at == clock.now()
    assert ended.ended
    assert [(row.action, row.entity_id) for row in rows] == [
        (AuditAction.TRAINING_END.value, str(started.id))
    ]
    assert Change(Topic.TRAINING, (started.id,)) in changes
    assert training.open_session(ctx) is None
    for attempt in (
        lambda: training.link_call(ctx, started.id, "k", call_id),
        lambda: training.say(ctx, started.id, None, LineSource.LIVE, Words("halo", "halo")),
        lambda: training.end_session(ctx, started.id),
    ):
        with _refused(Refusal.TRAINING_SESSION_ENDED):
            attempt()
    with _refused(Refusal.NO_SUCH_TRAINING_SESSION):
        training.end_session(ctx, started.id + 1)


def test_sessions_newest_first_with_their_trainees(ctx: ServiceContext, clock: ManualClock) -> None:
    dewi = add_trainee(ctx, "dewi").actor.user_id or 0
    eko = add_trainee(ctx, "eko", Role.DISPATCHER).actor.user_id or 0
    first = training.start_session(ctx, "one", SHA, 1, [dewi])
    training.end_session(ctx, first.id)
    clock.advance(60)
    second = training.start_session(ctx, "two", SHA, 2, [eko, dewi])
    listed = training.sessions(ctx)
    assert [view.id for view in listed] == [second.id, first.id]
    assert listed[0].trainee_ids == tuple(sorted([dewi, eko]))
    assert listed[1].trainee_ids == (dewi,)
    assert listed[1] == training.session(ctx, first.id)
    assert training.sessions(ctx, limit=1) == [listed[0]]
    assert training.open_session(ctx) == listed[0]
    assert training.session(ctx, 9999) is None


@given(st.text(), st.text())
def test_stored_words_read_back_as_written(indonesian: str, english: str) -> None:
    words = Words(indonesian, english)
    text = training.words_json(words)
    assert training.words_of(text) == words
    assert json.loads(text) == {"id": indonesian, "en": english}
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
