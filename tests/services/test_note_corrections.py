"""Narrative corrections: a new note naming the one it corrects; the old note is never edited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, incidents, queries
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.tables import IncidentNote
from tests.services.support import audited, signal


def _incident(ctx: ServiceContext, clock: ManualClock, number: str = "081234567890") -> int:
    call = calls.record_signal(ctx, signal(SignalKind.INCOMING, clock.now(), number, line=None))
    assert call is not None
    return calls.answer_call(ctx, call.id)[1].id


def test_a_correction_names_the_old_note_which_stays_as_it_was(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    incident_id = _incident(ctx, clock)
    old = incidents.add_note(ctx, incident_id, "Korban di lantai 2.")
    clock.advance(3 * 60)
    correction, rows = audited(
        ctx, lambda: incidents.add_note(ctx, incident_id, "Koreksi: lantai 3.", corrects_id=old.id)
    )
    assert correction.corrects_id == old.id
    assert json.loads(rows[0].detail or "{}") == {"note": correction.id, "corrects": old.id}
    with ctx.database.sessions() as session:
        stored_old = session.get_one(IncidentNote, old.id)
        assert (stored_old.text, stored_old.corrects_id, stored_old.at) == (
            "Korban di lantai 2.",
            None,
            old.at,
        )
    notes = queries.incident_notes(ctx, incident_id)
    assert [(n.text, n.corrects_id) for n in notes[-2:]] == [
        ("Korban di lantai 2.", None),
        ("Koreksi: lantai 3.", old.id),
    ]


def test_a_correction_must_name_a_note_of_the_same_incident(ctx: ServiceContext, clock: ManualClock) -> None:
    first = _incident(ctx, clock)
    second = _incident(ctx, clock, "085712345678")
    elsewhere = incidents.add_note(ctx, first, "Catatan insiden pertama.")
    for wrong in (elsewhere.id, 999_999):
        with pytest.raises(ServiceError) as refused:
            incidents.add_note(ctx, second, "Koreksi.", corrects_id=wrong)
        assert refused.value.code == "note_not_in_incident"
    with ctx.database.sessions() as session:
        texts = session.scalars(select(IncidentNote.text).where(IncidentNote.incident_id == second)).all()
    assert "Koreksi." not in texts
