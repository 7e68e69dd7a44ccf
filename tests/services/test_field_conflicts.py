"""Two call-takers editing one incident: a field changed at another console since the form showed it
is not overwritten; the later editor is told both values (``FIELD_CHANGED_ELSEWHERE``) and chooses.

Each test runs on a SQLite file and on PostgreSQL (tests/services/conftest.py); two consoles are two
contexts on the same database. The same edit made by two processes at once, 100 times on each
store, is a race in tests/services/test_races.py.
"""

from __future__ import annotations

import pickle

import pytest

from dispatch.domain.areas import area_index
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import Disposition, Priority
from dispatch.domain.incidents import FieldRejected
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, incidents, locations
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.incidents import UNCHECKED, same_as_shown
from dispatch.services.snapshots import IncidentView
from dispatch.store.tables import Incident
from tests.services.support import audit_since, audited, last_audit_id, signal

SIMPANG_LIMA = (-6.99306, 110.42083)
TUGU_MUDA = (-6.98389, 110.41028)


@pytest.fixture
def incident(ctx: ServiceContext, clock: ManualClock) -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(5)
    return calls.answer_call(ctx, ringing.id)[1]


@pytest.fixture
def other(ctx: ServiceContext, clock: ManualClock) -> ServiceContext:
    """A second console on the same database (its own bus: it hears nothing of the first's)."""
    console = accounts.register_console(ctx.database, clock, ChangeBus(), "KONSOL-02", "other-host")
    return console.acting_as(ctx.actor)


def stored(ctx: ServiceContext, incident_id: int, *fields: str) -> tuple[object, ...]:
    with ctx.database.sessions() as session:
        row = session.get_one(Incident, incident_id)
        return tuple(getattr(row, field) for field in fields)


def refused_with_nothing_written(ctx: ServiceContext, changes: list[Change], action: object) -> ServiceError:
    """Run ``action``, expecting the refusal; no audit row and no change notice came of it."""
    before = last_audit_id(ctx.database)
    changes.clear()
    with pytest.raises(ServiceError) as refused:
        action()  # type: ignore[operator]
    assert refused.value.code is Refusal.FIELD_CHANGED_ELSEWHERE
    assert audit_since(ctx.database, before) == []
    assert changes == []
    return refused.value


def test_a_field_changed_elsewhere_since_it_was_shown_is_not_overwritten(
    ctx: ServiceContext,
    other: ServiceContext,
    catalogue: Catalogue,
    incident: IncidentView,
    changes: list[Change],
) -> None:
    shown = incident.field_value("landmark")
    incidents.update_field(other, incident.id, "landmark", "depan masjid", catalogue, expected=shown)
    error = refused_with_nothing_written(
        ctx,
        changes,
        lambda: incidents.update_field(
            ctx, incident.id, "landmark", "  belakang pasar ", catalogue, expected=shown
        ),
    )
    # Yours as it would have been saved (trimmed), theirs as stored.
    assert error.details == {"field": "landmark", "theirs": "depan masjid", "yours": "belakang pasar"}
    assert stored(ctx, incident.id, "landmark") == ("depan masjid",)


def test_using_yours_after_a_conflict_saves_it_over_theirs(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    incidents.update_field(other, incident.id, "street", "Jl. Pemuda", catalogue, expected="")
    with pytest.raises(ServiceError) as refused:
        incidents.update_field(ctx, incident.id, "street", "Jl. Pandanaran", catalogue, expected="")
    theirs = refused.value.details["theirs"]
    view, entries = audited(
        ctx,
        lambda: incidents.update_field(
            ctx, incident.id, "street", "Jl. Pandanaran", catalogue, expected=theirs
        ),
    )
    assert view.street == "Jl. Pandanaran"
    assert [(e.action, e.detail) for e in entries] == [
        ("incident.update", '{"after": "Jl. Pandanaran", "before": "Jl. Pemuda", "field": "street"}')
    ]


def test_the_same_value_saved_at_two_consoles_is_no_conflict_and_saved_once(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    incidents.update_field(other, incident.id, "caller_name", "Ibu Sri", catalogue, expected="")
    view, entries = audited(
        ctx,
        lambda: incidents.update_field(ctx, incident.id, "caller_name", "Ibu Sri", catalogue, expected=""),
    )
    assert view.caller_name == "Ibu Sri"
    assert entries == []


def test_a_field_unchanged_since_it_was_shown_is_saved(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    # Another console changed another field meanwhile: no conflict for this one.
    incidents.update_field(other, incident.id, "rt", "003", catalogue, expected="")
    view, entries = audited(
        ctx, lambda: incidents.update_field(ctx, incident.id, "rw", "12", catalogue, expected="")
    )
    assert (view.rt, view.rw) == ("003", "12")
    assert [e.action for e in entries] == ["incident.update"]


def test_unchecked_keeps_overwriting_whatever_is_stored(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    incidents.update_field(other, incident.id, "landmark", "depan masjid", catalogue)
    view = incidents.update_field(ctx, incident.id, "landmark", "belakang pasar", catalogue)
    assert view.landmark == "belakang pasar"
    view = incidents.update_field(
        ctx, incident.id, "landmark", "samping sekolah", catalogue, expected=UNCHECKED
    )
    assert view.landmark == "samping sekolah"


def test_a_category_chosen_elsewhere_is_not_replaced_and_its_priority_stays(
    ctx: ServiceContext,
    other: ServiceContext,
    catalogue: Catalogue,
    incident: IncidentView,
    changes: list[Change],
) -> None:
    first, second = sorted(catalogue.codes)[:2]
    theirs = incidents.update_field(other, incident.id, "category", first, catalogue, expected=None)
    error = refused_with_nothing_written(
        ctx,
        changes,
        lambda: incidents.update_field(ctx, incident.id, "category", second, catalogue, expected=None),
    )
    assert error.details == {"field": "category", "theirs": first, "yours": second}
    assert stored(ctx, incident.id, "category", "priority") == (first, theirs.priority.value)


def test_a_priority_shown_as_its_enum_is_compared_as_its_code(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    shown = incident.field_value("priority")
    assert isinstance(shown, Priority)
    view = incidents.update_field(ctx, incident.id, "priority", "P2", catalogue, expected=shown)
    assert view.priority is Priority.P2
    with pytest.raises(ServiceError) as refused:
        incidents.update_field(other, incident.id, "priority", "P1", catalogue, expected=shown)
    assert refused.value.details == {"field": "priority", "theirs": "P2", "yours": "P1"}


def test_a_coordinate_changed_elsewhere_is_refused_and_the_one_shown_compares_as_a_number(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    view = incidents.update_field(other, incident.id, "lat", SIMPANG_LIMA[0], catalogue, expected=None)
    # The form shows the stored number (or its text): the same value, so this one saves.
    incidents.update_field(ctx, incident.id, "lat", "-6,98", catalogue, expected=str(view.lat))
    with pytest.raises(ServiceError) as refused:
        incidents.update_field(other, incident.id, "lat", "-6,97", catalogue, expected=view.lat)
    assert refused.value.details == {"field": "lat", "theirs": -6.98, "yours": -6.97}


def test_a_rejected_value_is_rejected_before_anything_is_compared(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    incidents.update_field(other, incident.id, "lat", SIMPANG_LIMA[0], catalogue)
    with pytest.raises(FieldRejected):
        incidents.update_field(ctx, incident.id, "lat", "north", catalogue, expected=None)


def test_a_closed_incident_is_refused_as_closed_whatever_was_shown(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    incidents.close_incident(other, incident.id, Disposition.HANDLED)
    with pytest.raises(ServiceError) as refused:
        incidents.update_field(ctx, incident.id, "landmark", "depan masjid", catalogue, expected="")
    assert refused.value.code is Refusal.INCIDENT_CLOSED


@pytest.mark.parametrize(
    ("stored_value", "shown", "same"),
    [
        ("", "", True),
        ("", None, True),
        (None, "", True),
        ("a", "a", True),
        ("a", "b", False),
        ("", "a", False),
        (None, "P3", False),
        ("P3", Priority.P3, True),
        ("P3", Priority.P2, False),
        (-6.98389, -6.98389, True),
        (-6.98389, -6.9838900001, True),
        (-6.98389, "-6.98389", True),
        (-6.98389, -6.98390, False),
        (-6.98389, "north", False),
        (-6.98389, None, False),
        ("x", UNCHECKED, True),
    ],
)
def test_what_counts_as_the_value_shown(stored_value: object, shown: object, same: bool) -> None:
    assert same_as_shown(stored_value, shown) is same


def test_unchecked_is_one_value_even_when_sent_to_another_process() -> None:
    assert pickle.loads(pickle.dumps(UNCHECKED)) is UNCHECKED


# -- the location: an area picked, a position typed (services/locations.py) --------------------


def kaligawe_code() -> str:
    return area_index().search("kaligawe gayamsari", within="33.74")[0].code


def sekayu_code() -> str:
    return area_index().search("sekayu semarang tengah", within="33.74")[0].code


def test_an_area_picked_elsewhere_since_it_was_shown_is_not_replaced(
    ctx: ServiceContext, other: ServiceContext, incident: IncidentView, changes: list[Change]
) -> None:
    shown = locations.shown_area(incident)
    theirs = locations.set_area(other, incident.id, kaligawe_code(), expected=shown)
    error = refused_with_nothing_written(
        ctx, changes, lambda: locations.set_area(ctx, incident.id, sekayu_code(), expected=shown)
    )
    assert error.details["field"] == "area"
    assert error.details["theirs"] == locations.shown_area(theirs)
    assert error.details["yours"]["village"] == "Sekayu"
    assert error.details["yours"]["area_code"] == sekayu_code()
    assert stored(ctx, incident.id, "village", "area_code") == ("Kaligawe", kaligawe_code())


def test_a_kelurahan_typed_elsewhere_is_not_replaced_by_an_area_picked_from_before(
    ctx: ServiceContext, other: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    shown = locations.shown_area(incident)
    incidents.update_field(other, incident.id, "village", "Pekunden", catalogue, expected="")
    with pytest.raises(ServiceError) as refused:
        locations.set_area(ctx, incident.id, sekayu_code(), expected=shown)
    assert refused.value.details["theirs"]["village"] == "Pekunden"


def test_the_same_area_picked_at_two_consoles_is_no_conflict(
    ctx: ServiceContext, other: ServiceContext, incident: IncidentView
) -> None:
    shown = locations.shown_area(incident)
    locations.set_area(other, incident.id, kaligawe_code(), expected=shown)
    view, entries = audited(
        ctx, lambda: locations.set_area(ctx, incident.id, kaligawe_code(), expected=shown)
    )
    assert view.village == "Kaligawe"
    assert entries == []
    # Picking again from what is shown now, and without saying what was shown, both save.
    locations.set_area(ctx, incident.id, sekayu_code(), expected=locations.shown_area(view))
    assert locations.set_area(other, incident.id, kaligawe_code()).village == "Kaligawe"


def test_a_position_saved_elsewhere_since_it_was_shown_is_not_replaced(
    ctx: ServiceContext, other: ServiceContext, incident: IncidentView, changes: list[Change]
) -> None:
    shown = (incident.lat, incident.lon)
    locations.set_position(other, incident.id, *SIMPANG_LIMA, expected=shown)
    error = refused_with_nothing_written(
        ctx, changes, lambda: locations.set_position(ctx, incident.id, *TUGU_MUDA, expected=shown)
    )
    assert error.details == {"field": "position", "theirs": SIMPANG_LIMA, "yours": TUGU_MUDA}
    assert stored(ctx, incident.id, "lat", "lon") == SIMPANG_LIMA
    # The same position typed at both is no conflict; without saying what was shown, it replaces.
    locations.set_position(ctx, incident.id, *SIMPANG_LIMA, expected=shown)
    assert (locations.set_position(ctx, incident.id, *TUGU_MUDA).lat) == TUGU_MUDA[0]
    change = Change(Topic.INCIDENTS, (incident.id,))
    assert change in changes
