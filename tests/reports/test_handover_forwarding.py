"""The handover report's forwardings to agencies still open at its time, made through the forwarding
service with a driven clock and checked literally: how far each had got then, when it was forwarded,
and whether its acknowledgement was late and by how much; the same after the world moved on; and the
page in both languages (a report made before forwarding existed has no such section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from dispatch.domain.agencies import AgencyReach, AgencySpec
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType
from dispatch.domain.forwarding import ForwardChannel, ReportKind
from dispatch.domain.shifts import THREE_BY_EIGHT, shift_at
from dispatch.domain.signals import SignalKind
from dispatch.reports.handover import OpenForwarding, assemble_handover, forwarding_state_at
from dispatch.services import agencies, calls, forwarding, shifts
from dispatch.services.context import ServiceContext
from tests.conftest import START
from tests.services.support import signal
from ui.reports import render_html

WIB = ZoneInfo("Asia/Jakarta")
#: The shift opens a minute after the supervisor logged in (START, 12:00 WIB).
OPENED = START + timedelta(minutes=1)


def at(minutes: int, seconds: int = 0) -> datetime:
    return OPENED + timedelta(minutes=minutes, seconds=seconds)


@dataclass(frozen=True)
class Scene:
    shift_id: int
    numbers: dict[str, str]
    forwardings: dict[str, int]


def _incident(ctx: ServiceContext, clock: ManualClock, when: datetime, name: str) -> tuple[int, str]:
    clock.set(when - timedelta(seconds=10))
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.RING, clock.now(), call_id=name))
    assert view is not None
    clock.set(when)
    incident = calls.answer_call(ctx, view.id)[1]
    return incident.id, incident.number


def _agency(ctx: ServiceContext, code: str, name: str, kind: AgencyType, limit_s: int) -> int:
    spec = AgencySpec(code=code, name=name, agency_type=kind, reach=AgencyReach.FORWARD, ack_limit_s=limit_s)
    return agencies.create_agency(ctx, spec).id


def _forward(
    ctx: ServiceContext, clock: ManualClock, when: datetime, incident_id: int, agency_id: int
) -> int:
    clock.set(when)
    return forwarding.forward(ctx, incident_id, agency_id, channel=ForwardChannel.PHONE).id


def _report(
    ctx: ServiceContext, clock: ManualClock, when: datetime, forwarding_id: int, kind: ReportKind
) -> None:
    clock.set(when)
    forwarding.report(ctx, forwarding_id, kind)


@pytest.fixture
def scene(ctx: ServiceContext, clock: ManualClock) -> Scene:
    """A half-hour shift (minutes after OPENED in the comments), closed at 30:00."""
    clock.set(at(0))
    duty = shifts.open_shift(ctx, shift_at(THREE_BY_EIGHT, WIB, at(0)))
    damkar = _agency(ctx, "DAMKAR-SMG", "Damkar Kota Semarang", AgencyType.FIRE, 180)
    polsek = _agency(ctx, "POLSEK-TEMBALANG", "Polsek Tembalang", AgencyType.POLICE, 300)
    bpbd = _agency(ctx, "BPBD-SMG", "BPBD Kota Semarang", AgencyType.DISASTER, 1800)
    fire, fire_number = _incident(ctx, clock, at(1), "fire")
    flood, flood_number = _incident(ctx, clock, at(5), "flood")
    wrong, wrong_number = _incident(ctx, clock, at(7), "wrong")
    ids = {
        # 02:00 Damkar told (due 05:00), acknowledged 03:00, arrived 10:00.
        "damkar": _forward(ctx, clock, at(2), fire, damkar),
        # 02:30 the Polsek told (due 07:30): never acknowledged by the close, 22:30 over its limit.
        "polsek": _forward(ctx, clock, at(2, 30), fire, polsek),
        # 06:00 BPBD told for the flood (due 36:00): not acknowledged, within its limit at the close.
        "bpbd": _forward(ctx, clock, at(6), flood, bpbd),
        # 08:00 Damkar told of a fire that was not one, cancelled 12:00: not open at the close.
        "cancelled": _forward(ctx, clock, at(8), wrong, damkar),
    }
    _report(ctx, clock, at(3), ids["damkar"], ReportKind.ACKNOWLEDGED)
    _report(ctx, clock, at(10), ids["damkar"], ReportKind.ARRIVED)
    _report(ctx, clock, at(12), ids["cancelled"], ReportKind.CANCELLED)
    clock.set(at(30))
    shifts.close_shift(ctx, duty.id)
    return Scene(
        duty.id,
        {"fire": fire_number, "flood": flood_number, "wrong": wrong_number},
        ids,
    )


def expected(scene: Scene) -> tuple[OpenForwarding, ...]:
    return (
        OpenForwarding(
            forwarding_id=scene.forwardings["damkar"],
            incident_number=scene.numbers["fire"],
            agency_name="Damkar Kota Semarang",
            state="arrived",
            forwarded_at=at(2),
            acknowledged_at=at(3),
            ack_limit_s=180,
            ack_due_at=at(5),
            overdue_s=None,
        ),
        OpenForwarding(
            forwarding_id=scene.forwardings["polsek"],
            incident_number=scene.numbers["fire"],
            agency_name="Polsek Tembalang",
            state="sent",
            forwarded_at=at(2, 30),
            acknowledged_at=None,
            ack_limit_s=300,
            ack_due_at=at(7, 30),
            overdue_s=22 * 60 + 30,
        ),
        OpenForwarding(
            forwarding_id=scene.forwardings["bpbd"],
            incident_number=scene.numbers["flood"],
            agency_name="BPBD Kota Semarang",
            state="sent",
            forwarded_at=at(6),
            acknowledged_at=None,
            ack_limit_s=1800,
            ack_due_at=at(36),
            overdue_s=0,
        ),
    )


def test_the_forwardings_open_at_the_close(ctx: ServiceContext, scene: Scene) -> None:
    data = assemble_handover(ctx, scene.shift_id)
    assert data.open_forwardings == expected(scene)
    assert data.to_json()["open_forwardings"][1] == {
        "forwarding_id": scene.forwardings["polsek"],
        "incident_number": scene.numbers["fire"],
        "agency_name": "Polsek Tembalang",
        "forwarding_state": "sent",
        "forwarded_at": at(2, 30).isoformat(),
        "acknowledged_at": None,
        "ack_limit_s": 300,
        "ack_due_at": at(7, 30).isoformat(),
        "overdue_s": 1350,
    }


def test_the_report_of_the_closed_shift_still_says_what_held_at_its_end(
    ctx: ServiceContext, clock: ManualClock, scene: Scene
) -> None:
    before = assemble_handover(ctx, scene.shift_id).to_json()
    # Afterwards: the Polsek acknowledges, Damkar has handled it, the fire is forwarded to another agency.
    _report(ctx, clock, at(41), scene.forwardings["polsek"], ReportKind.ACKNOWLEDGED)
    _report(ctx, clock, at(42), scene.forwardings["damkar"], ReportKind.HANDLED)
    psc = _agency(ctx, "PSC-119", "PSC 119", AgencyType.MEDICAL, 300)
    fire_id = forwarding.forwardings_of(
        ctx, forwarding.forwardings_by_id(ctx, [scene.forwardings["polsek"]])[0].incident_id
    )
    _forward(ctx, clock, at(43), fire_id[0].incident_id, psc)
    after = assemble_handover(ctx, scene.shift_id)
    assert after.open_forwardings == expected(scene)
    assert after.to_json()["open_forwardings"] == before["open_forwardings"]


def test_the_draft_of_the_open_shift_reads_the_present(ctx: ServiceContext, clock: ManualClock) -> None:
    clock.set(at(0))
    duty = shifts.open_shift(ctx, shift_at(THREE_BY_EIGHT, WIB, at(0)))
    assert assemble_handover(ctx, duty.id).open_forwardings == ()
    polsek = _agency(ctx, "POLSEK-TEMBALANG", "Polsek Tembalang", AgencyType.POLICE, 300)
    fire, _ = _incident(ctx, clock, at(1), "fire")
    _forward(ctx, clock, at(2), fire, polsek)
    clock.set(at(4))
    (draft,) = assemble_handover(ctx, duty.id).open_forwardings
    assert (draft.state, draft.overdue_s) == ("sent", 0)
    clock.set(at(9))
    (draft,) = assemble_handover(ctx, duty.id).open_forwardings
    assert (draft.state, draft.overdue_s) == ("sent", 120)


def test_the_state_at_a_time_is_the_last_milestone_before_it() -> None:
    assert forwarding_state_at(at(10), None, None, None) == "sent"
    assert forwarding_state_at(at(10), at(1), None, None) == "acknowledged"
    assert forwarding_state_at(at(10), at(1), at(2), None) == "dispatched"
    assert forwarding_state_at(at(10), at(1), at(2), at(3)) == "arrived"
    # A milestone at the instant itself or after it was not yet reached.
    assert forwarding_state_at(at(10), at(1), at(10), at(12)) == "acknowledged"


def _cells(html: str) -> list[str]:
    text = re.sub(r"<[^>]+>", "|", html).replace("\u00a0", " ")
    return [cell.strip() for cell in text.split("|") if cell.strip()]


def test_the_page_lists_them_in_words(qapp: QApplication, ctx: ServiceContext, scene: Scene) -> None:
    content = assemble_handover(ctx, scene.shift_id).to_json()
    cells = _cells(render_html("handover", content, "en", WIB))
    start = cells.index("Forwardings to agencies still open")
    fire, flood = scene.numbers["fire"], scene.numbers["flood"]
    # OPENED is 12:01 WIB.
    assert cells[start : start + 21] == [
        "Forwardings to agencies still open",
        "Incident",
        "Agency",
        "State",
        "Forwarded",
        "Acknowledged",
        fire,
        "Damkar Kota Semarang",
        "agency at the scene",
        "27-11 12:03",
        "27-11 12:04",
        fire,
        "Polsek Tembalang",
        "forwarded, not acknowledged",
        "27-11 12:03",
        "not acknowledged, 22:30 min over its limit",
        flood,
        "BPBD Kota Semarang",
        "forwarded, not acknowledged",
        "27-11 12:07",
        "not acknowledged, within its limit (30:00 min)",
    ]
    # Nothing open: said so; a report from before forwarding existed: no such section.
    content["open_forwardings"] = []
    assert "No forwarding to an agency is open." in _cells(render_html("handover", content, "en", WIB))
    del content["open_forwardings"]
    assert "Forwardings to agencies still open" not in render_html("handover", content, "en", WIB)


def test_the_page_in_indonesian_writes_its_numbers_so(
    qapp: QApplication, ctx: ServiceContext, scene: Scene
) -> None:
    content = assemble_handover(ctx, scene.shift_id).to_json()
    cells = _cells(render_html("handover", content, "id", WIB))
    assert "22:30 mnt" in " ".join(cells)
