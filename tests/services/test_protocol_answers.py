"""Answering protocol card questions: the note, the raised priority, the flags, all audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Priority
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, incidents, protocols, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.tables import Incident, IncidentNote
from tests.services.support import audited, signal


def _incident(ctx: ServiceContext, clock: ManualClock, category: str, catalogue: Catalogue) -> int:
    call = calls.record_signal(ctx, signal(SignalKind.INCOMING, clock.now()))
    assert call is not None
    _, incident = calls.answer_call(ctx, call.id)
    incidents.update_field(ctx, incident.id, "category", category, catalogue)
    return incident.id


def test_trapped_raises_laka_to_p1_with_note_flag_and_audit(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, changes: list[Change]
) -> None:
    incident_id = _incident(ctx, clock, "LAKA", catalogue)
    clock.advance(40)
    changes.clear()

    view, rows = audited(
        ctx, lambda: protocols.answer_question(ctx, incident_id, "LAKA", "trapped", "1", "id")
    )

    assert view.priority is Priority.P1
    assert view.flags == frozenset({IncidentFlag.TRAPPED})
    with ctx.database.sessions() as session:
        stored = session.get_one(Incident, incident_id)
        assert (stored.priority, stored.flags) == ("P1", "trapped")
        note = session.scalars(
            select(IncidentNote).where(
                IncidentNote.incident_id == incident_id, IncidentNote.kind == "protocol"
            )
        ).one()
    assert note.text == "T: Apakah ada korban terjepit di dalam kendaraan? J: Ya"  # tanya / jawab
    assert (note.author_id, note.console_id, note.at) == (ctx.actor.user_id, ctx.console_id, clock.now())
    assert [row.action for row in rows] == ["incident.protocol_answer", "incident.update", "incident.update"]
    assert all(row.user_name == "sari" for row in rows)
    answer_detail = json.loads(rows[0].detail or "{}")
    assert (answer_detail["card"], answer_detail["question"], answer_detail["answer"]) == (
        "LAKA",
        "trapped",
        "1",
    )
    priority_detail = json.loads(rows[1].detail or "{}")
    assert (priority_detail["field"], priority_detail["before"], priority_detail["after"]) == (
        "priority",
        "P2",
        "P1",
    )
    assert priority_detail["reason"] == "protocol LAKA.trapped=1"  # the key pressed: the answer's place
    assert json.loads(rows[2].detail or "{}")["after"] == "trapped"
    assert {change.topic for change in changes} == {Topic.INCIDENTS, Topic.NOTES}
    notes = queries.incident_notes(ctx, incident_id)
    assert notes[-1].kind == "protocol"
    assert notes[-1].author == "sari"


def test_an_answer_never_lowers_a_priority_and_flags_accumulate(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    incident_id = _incident(ctx, clock, "HEWAN", catalogue)  # P3 by default
    incidents.update_field(ctx, incident_id, "priority", "P1", catalogue)
    view = protocols.answer_question(ctx, incident_id, "HEWAN", "venomous", "1", "en")  # calls for P2
    assert view.priority is Priority.P1
    view = protocols.answer_question(ctx, incident_id, "HEWAN", "bitten", "1", "en")
    assert view.flags == frozenset({IncidentFlag.VENOMOUS, IncidentFlag.CASUALTIES})
    texts = [n.text for n in queries.incident_notes(ctx, incident_id) if n.kind == "protocol"]
    assert texts == [
        "Q: Is the animal venomous or attacking people? A: Yes",
        "Q: Has anyone been bitten or stung? A: Yes",
    ]


def test_an_answer_without_effect_writes_only_the_note(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    incident_id = _incident(ctx, clock, "MED", catalogue)
    view, rows = audited(
        ctx, lambda: protocols.answer_question(ctx, incident_id, "MED", "breathing", "1", "en")
    )
    assert (view.priority, view.flags) == (Priority.P1, frozenset())
    assert [row.action for row in rows] == ["incident.protocol_answer"]


@pytest.mark.parametrize(
    ("card", "question", "key", "code"),
    [
        ("AIR", "anything", "1", "no_such_protocol"),
        ("MED", "no_question", "1", "no_such_protocol_answer"),
        ("MED", "breathing", "4", "no_such_protocol_answer"),  # three answers: 1, 2, 3
        ("MED", "breathing", "Y", "no_such_protocol_answer"),  # letters of English words are gone
    ],
)
def test_unknown_card_question_or_key_is_refused_and_nothing_written(
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    card: str,
    question: str,
    key: str,
    code: str,
) -> None:
    incident_id = _incident(ctx, clock, "MED", catalogue)
    before = queries.incident_notes(ctx, incident_id)
    with pytest.raises(ServiceError) as refused:
        protocols.answer_question(ctx, incident_id, card, question, key, "id")
    assert refused.value.code == code
    assert queries.incident_notes(ctx, incident_id) == before


def test_a_closed_incident_takes_no_answers(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    from dispatch.domain.enums import Disposition

    incident_id = _incident(ctx, clock, "FIRE", catalogue)
    incidents.close_incident(ctx, incident_id, Disposition.FALSE_ALARM)
    with pytest.raises(ServiceError) as refused:
        protocols.answer_question(ctx, incident_id, "FIRE", "people_inside", "1", "id")
    assert refused.value.code == "incident_closed"


def test_a_card_of_another_category_is_refused_and_nothing_written(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    incident_id = _incident(ctx, clock, "MED", catalogue)
    before = queries.incident_notes(ctx, incident_id)
    with pytest.raises(ServiceError) as refused:
        protocols.answer_question(ctx, incident_id, "LAKA", "trapped", "1", "id")
    assert refused.value.code == "protocol_not_for_category"
    assert queries.incident_notes(ctx, incident_id) == before
    stored = queries.incident(ctx, incident_id)
    assert stored is not None
    assert (stored.priority, stored.flags) == (Priority.P1, frozenset())


@pytest.mark.parametrize("path", [("", "LAKA"), ("FIRE", "LAKA"), ("HEWAN", "LAKA")])
def test_a_category_change_never_lowers_a_priority_a_protocol_answer_raised(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, path: tuple[str, ...]
) -> None:
    incident_id = _incident(ctx, clock, "LAKA", catalogue)  # P2 by default
    assert protocols.answer_question(ctx, incident_id, "LAKA", "trapped", "1", "id").priority is Priority.P1
    for category in path:  # cleared and picked again, or another category and back
        view = incidents.update_field(ctx, incident_id, "category", category, catalogue)
        assert view.priority is Priority.P1


def test_without_protocol_answers_a_category_still_brings_its_default(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    incident_id = _incident(ctx, clock, "FIRE", catalogue)  # P1
    view = incidents.update_field(ctx, incident_id, "category", "LAKA", catalogue)
    assert view.priority is Priority.P2
