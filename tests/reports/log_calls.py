"""Calls made through the real services for the shift-log, timeline and review tests.

``Floor`` is a supervisor (``sari``) and two call-takers (``dewi``, ``agus``) at one console with a
driven clock; its methods ring, answer, note and end calls the way the window does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Role
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, incidents
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import CallView, IncidentView
from dispatch.store.database import Database
from tests.conftest import SUPERVISOR_PASSWORD
from tests.services.support import signal

PASSWORD = "kata-sandi-112"


def supervisor_on(database: Database, clock: ManualClock) -> ServiceContext:
    """The console KONSOL-01 registered on ``database`` and its first supervisor, Sari, logged in."""
    console = accounts.register_console(database, clock, ChangeBus(), "KONSOL-01", "test-host")
    password = SUPERVISOR_PASSWORD
    accounts.create_first_supervisor(console, "sari", "Sari Wulandari", password, password)
    result = accounts.log_in(console, "sari", password)
    assert result.actor is not None
    return console.acting_as(result.actor)


@dataclass(frozen=True)
class Floor:
    supervisor: ServiceContext
    dewi: ServiceContext
    agus: ServiceContext
    clock: ManualClock
    catalogue: Catalogue

    @staticmethod
    def of(supervisor: ServiceContext, clock: ManualClock) -> Floor:
        dewi = accounts.create_user(supervisor, "dewi", "Dewi Lestari", PASSWORD, PASSWORD, Role.CALL_TAKER)
        agus = accounts.create_user(supervisor, "agus", "Agus Setiawan", PASSWORD, PASSWORD, Role.CALL_TAKER)
        return Floor(
            supervisor,
            supervisor.acting_as(dewi),
            supervisor.acting_as(agus),
            clock,
            load_default_catalogue(),
        )

    def now(self) -> datetime:
        return self.clock.now()

    def ring(self, number: str, after_s: float = 10) -> CallView:
        self.clock.advance(after_s)
        view = calls.record_signal(
            self.supervisor.as_system(), signal(SignalKind.INCOMING, self.clock.now(), number, line=None)
        )
        assert view is not None
        return view

    def abandon(self, number: str, after_s: float = 5) -> CallView:
        """A call that rings and is hung up before anyone answers."""
        self.ring(number, after_s)
        self.clock.advance(4)
        ended = calls.record_signal(
            self.supervisor.as_system(), signal(SignalKind.ENDED, self.clock.now(), number, line=None)
        )
        assert ended is not None
        return ended

    def answer(
        self,
        taker: ServiceContext,
        number: str,
        *,
        category: str | None = None,
        notes: tuple[str, ...] = (),
        after_s: float = 10,
    ) -> tuple[CallView, IncidentView]:
        """A call rung, answered by ``taker`` 3 s later, the category chosen, notes typed, hung up."""
        ringing = self.ring(number, after_s)
        self.clock.advance(3)
        call, incident = calls.answer_call(taker, ringing.id)
        if category is not None:
            self.clock.advance(5)
            incident = incidents.update_field(taker, incident.id, "category", category, self.catalogue)
        for note in notes:
            self.clock.advance(5)
            incidents.add_note(taker, incident.id, note)
        self.clock.advance(5)
        call = calls.hang_up(taker, call.id)
        return call, incident

    def classified(self, taker: ServiceContext, number: str, call_class: CallClass) -> CallView:
        """A call answered by ``taker`` and closed as information, prank, silent or wrong number."""
        ringing = self.ring(number)
        self.clock.advance(3)
        call, _ = calls.answer_call(taker, ringing.id)
        self.clock.advance(4)
        return calls.classify_call(taker, call.id, call_class)
