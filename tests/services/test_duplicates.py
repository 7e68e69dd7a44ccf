"""Finding the open incident a new call is about, and attaching the call to it in one transaction."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.duplicates import DuplicateReason
from dispatch.domain.enums import CallClass, Disposition, IncidentStatus
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, duplicates, incidents, protocols, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.tables import Call, Incident, IncidentNote
from tests.services.support import MOBILE, audited, signal

OTHER_MOBILE = "085712345678"
LAT, LON = -6.99306, 110.42083


def _answer(ctx: ServiceContext, clock: ManualClock, number: str = MOBILE) -> tuple[int, int]:
    call = calls.record_signal(ctx, signal(SignalKind.INCOMING, clock.now(), number, line=None))
    assert call is not None
    answered, incident = calls.answer_call(ctx, call.id)
    return answered.id, incident.id


def _fill(ctx: ServiceContext, catalogue: Catalogue, incident_id: int, **fields: object) -> None:
    for field, value in fields.items():
        incidents.update_field(ctx, incident_id, field, value, catalogue)  # type: ignore[arg-type]


def test_same_number_within_30_minutes_is_offered(ctx: ServiceContext, clock: ManualClock) -> None:
    _, first = _answer(ctx, clock)
    clock.advance(4 * 60)
    _, second = _answer(ctx, clock)
    found = duplicates.find_duplicates(ctx, second)
    assert [(c.incident_id, c.reasons) for c in found] == [(first, (DuplicateReason.SAME_NUMBER,))]
    assert found[0].number == queries.incident(ctx, first).number  # type: ignore[union-attr]


def test_same_number_after_30_minutes_and_withheld_numbers_are_not(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    _answer(ctx, clock)
    _answer(ctx, clock, "P")
    clock.advance(31 * 60)
    _, late = _answer(ctx, clock)
    assert duplicates.find_duplicates(ctx, late) == []
    clock.advance(1 * 60)
    _answer(ctx, clock, "P")
    _, withheld = _answer(ctx, clock, "P")
    assert duplicates.find_duplicates(ctx, withheld) == []


def test_same_category_nearby_even_hours_later_but_only_open_incidents(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    _, fire = _answer(ctx, clock)
    _fill(ctx, catalogue, fire, category="FIRE", lat=LAT, lon=LON)
    _, closed = _answer(ctx, clock, "081111111111")
    _fill(ctx, catalogue, closed, category="FIRE", lat=LAT, lon=LON)
    incidents.close_incident(ctx, closed, Disposition.HANDLED)
    clock.advance(2 * 3600)
    _, new = _answer(ctx, clock, OTHER_MOBILE)
    _fill(ctx, catalogue, new, category="FIRE", lat=LAT + 0.002, lon=LON)
    found = duplicates.find_duplicates(ctx, new)
    assert [(c.incident_id, c.reasons) for c in found] == [(fire, (DuplicateReason.SAME_CATEGORY_NEARBY,))]
    assert found[0].distance_m == pytest.approx(222, abs=5)


def test_same_kelurahan_within_30_minutes(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    _, first = _answer(ctx, clock)
    _fill(ctx, catalogue, first, village="Pleburan", district="Semarang Selatan")
    clock.advance(10 * 60)
    _, second = _answer(ctx, clock, OTHER_MOBILE)
    _fill(ctx, catalogue, second, village="Kel. pleburan")
    # A desa name repeats across kecamatan: the name alone is not the same kelurahan.
    assert duplicates.find_duplicates(ctx, second) == []
    _fill(ctx, catalogue, second, district="Kec. semarang selatan")
    assert [c.reasons for c in duplicates.find_duplicates(ctx, second)] == [(DuplicateReason.SAME_AREA,)]
    clock.advance(25 * 60)
    assert duplicates.find_duplicates(ctx, second) == []


def test_an_allowed_number_without_an_e164_form_matches_by_its_raw_digits(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    _, first = _answer(ctx, clock, "0247654")  # a short line number: shown, but not valid as E.164
    _answer(ctx, clock, "12345")
    clock.advance(4 * 60)
    _, second = _answer(ctx, clock, "0247654")
    found = duplicates.find_duplicates(ctx, second)
    assert [(c.incident_id, c.reasons) for c in found] == [(first, (DuplicateReason.SAME_NUMBER,))]
    # Withheld markers are raw text too, and still never match.
    _answer(ctx, clock, "anonymous")
    _, withheld = _answer(ctx, clock, "anonymous")
    assert duplicates.find_duplicates(ctx, withheld) == []


def test_attach_links_the_call_cancels_its_incident_and_keeps_everything_typed(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, changes: list[Change]
) -> None:
    _, target = _answer(ctx, clock)
    _fill(ctx, catalogue, target, category="LAKA", village="Pleburan")
    clock.advance(3 * 60)
    call_id, duplicate = _answer(ctx, clock, OTHER_MOBILE)
    _fill(ctx, catalogue, duplicate, category="LAKA", caller_name="Dewi ‏نور", landmark="depan Indomaret")
    protocols.answer_question(ctx, duplicate, "LAKA", "trapped", "1", "id")
    incidents.add_note(ctx, duplicate, "Dua mobil, satu terguling.")
    clock.advance(30)
    changes.clear()

    view, rows = audited(ctx, lambda: duplicates.attach_call(ctx, call_id, target))

    assert (view.classification, view.incident_id) == (CallClass.DUPLICATE, target)
    with ctx.database.sessions() as session:
        call = session.get_one(Call, call_id)
        assert (call.classification, call.incident_id) == ("duplicate", target)
        old = session.get_one(Incident, duplicate)
        assert (old.status, old.disposition) == (IncidentStatus.CANCELLED.value, Disposition.DUPLICATE.value)
        assert old.closed_at == clock.now()
        kept = session.get_one(Incident, target)
        assert (kept.priority, kept.flags) == ("P1", IncidentFlag.TRAPPED.value)
        notes = session.scalars(
            select(IncidentNote).where(IncidentNote.incident_id == target).order_by(IncidentNote.id)
        ).all()
    copied = next(n for n in notes if n.kind == "copied")
    assert copied.text.splitlines()[0] == queries.incident(ctx, duplicate).number  # type: ignore[union-attr]
    for typed in (
        "caller_name: Dewi ‏نور",
        "landmark: depan Indomaret",
        "note: Dua mobil, satu terguling.",
        "note: T: Apakah ada korban terjepit di dalam kendaraan? J: Ya",
    ):
        assert typed in copied.text.splitlines()
    attached = notes[-1]
    assert attached.kind == "system"
    assert attached.text.startswith("call.attached +6285712345678 ")
    assert attached.author_id == ctx.actor.user_id
    actions = [row.action for row in rows]
    assert actions.count("incident.cancel") == 1
    assert "call.attach" in actions
    attach_row = next(row for row in rows if row.action == "call.attach")
    assert json.loads(attach_row.detail or "{}")["cancelled"] == duplicate
    assert {c.topic for c in changes} >= {Topic.CALLS, Topic.INCIDENTS, Topic.NOTES}
    # Nothing is open twice: the board holds the target only.
    assert [i.id for i in queries.active_incidents(ctx)] == [target]


def test_a_priority_typed_on_a_duplicate_without_category_is_carried_if_more_urgent(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    _, target = _answer(ctx, clock)
    _fill(ctx, catalogue, target, priority="P2")
    call_id, duplicate = _answer(ctx, clock, OTHER_MOBILE)
    _fill(ctx, catalogue, duplicate, priority="P1")  # "someone is not breathing": no category chosen yet
    duplicate_number = queries.incident(ctx, duplicate).number  # type: ignore[union-attr]
    _view, rows = audited(ctx, lambda: duplicates.attach_call(ctx, call_id, target))
    assert queries.incident(ctx, target).priority.value == "P1"  # type: ignore[union-attr]
    assert [
        json.loads(r.detail or "{}")
        for r in rows
        if r.action == "incident.update" and r.entity_id == str(target)
    ] == [{"field": "priority", "before": "P2", "after": "P1", "reason": f"duplicate {duplicate_number}"}]

    # A less urgent typed priority never lowers the target's.
    call_id, less = _answer(ctx, clock, "081399990000")
    _fill(ctx, catalogue, less, priority="P2")
    duplicates.attach_call(ctx, call_id, target)
    assert queries.incident(ctx, target).priority.value == "P1"  # type: ignore[union-attr]


@pytest.mark.parametrize("case", ["closed_target", "same_incident", "ringing", "no_call"])
def test_attach_refusals_change_nothing(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, case: str
) -> None:
    _, target = _answer(ctx, clock)
    call_id, own = _answer(ctx, clock, OTHER_MOBILE)
    expected = {
        "closed_target": "incident_closed",
        "same_incident": "call_already_attached",
        "ringing": "call_not_answered",
        "no_call": "no_such_call",
    }[case]
    if case == "closed_target":
        incidents.close_incident(ctx, target, Disposition.HANDLED)
    if case == "same_incident":
        target = own
    if case == "ringing":
        ringing = calls.record_signal(
            ctx, signal(SignalKind.INCOMING, clock.now(), "081299998888", line=None)
        )
        assert ringing is not None
        call_id = ringing.id
    if case == "no_call":
        call_id = 999_999
    with pytest.raises(ServiceError) as refused:
        duplicates.attach_call(ctx, call_id, target)
    assert refused.value.code == expected
    assert queries.incident(ctx, own).status is IncidentStatus.NEW  # type: ignore[union-attr]
