"""A scripted 8-hour shift, run through the real services with a driven clock (issue 11's "must show").

The morning shift of Saturday 28 November 2026, 07:00-15:00 WIB (Asia/Jakarta), at a centre of four
consoles: Sari (supervisor) opens and closes it, Budi and Citra take the calls, Dodi dispatches. 35
calls of every class ring in: 10 emergencies (9 with units of the police, fire and medical services
through turnout, travel, on scene and clear; one still waiting for a unit at the end), information,
prank (one number three times: its block is requested), silent and wrong-number calls, a second caller
about the same fire (attached as a duplicate), four callers who hung up before anyone answered (the
callback queue), and one call still ringing when the shift closes. A fire engine goes out of service,
the caller-ID feed is down for eleven minutes (its alarm left unacknowledged), the pass-down typed.

Everything happens in time order (the events are sorted by the clock before they are run), so the
audit log, the status history and the ids come out the same on every run of a fresh database.
``tests/reports/test_scripted_shift.py`` checks the period's figures against values computed by hand
from the tables below; the handover report's tests reuse ``run_scripted_shift``: on ``tests.conftest``'s
``ctx`` and ``clock`` fixtures, or once per module on a database of its own as that test does
(``supervisor_at_a_new_console`` and ``cheap_password_hashes``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Disposition, Role, UnitStatus
from dispatch.domain.shifts import DEFAULT_PATTERN, ShiftCode, shifts_of_day
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, callbacks, callers, calls, dispatching, duplicates, feeds, incidents
from dispatch.services import shifts as shift_service
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database
from tests.conftest import SUPERVISOR_PASSWORD
from tests.services.support import FEED, signal, unit

WIB = ZoneInfo("Asia/Jakarta")
DAY = date(2026, 11, 28)
MORNING = next(p for p in shifts_of_day(DEFAULT_PATTERN, WIB, DAY) if p.code is ShiftCode.MORNING)
PASSWORD = "kata-sandi-112"
PRANKSTER = "085712345678"
PASS_DOWN = (
    "DEMO-PMI-01 masih di lokasi insiden 14:12 (sesak napas).\n"
    "Insiden 14:40 (lansia jatuh) menunggu ambulans: PSC sedang penuh.\n"
    "DEMO-DMK-05 tidak siaga (pompa rusak) sejak 08:00."
)
PLANNED_EVENTS = "Karnaval Simpang Lima 16:00-21:00: Jl. Pahlawan ditutup."


def wib(hour: int, minute: int, second: int = 0) -> datetime:
    """A moment of the scripted day, in WIB."""
    return datetime.combine(DAY, time(hour, minute, second), tzinfo=WIB)


@dataclass(frozen=True)
class ScriptedCall:
    n: int
    ring: tuple[int, int, int]
    #: Seconds from ring to answer, or to the caller hanging up (abandoned); None: still ringing.
    after_s: int | None
    #: Who answered ("" for an abandoned or ringing call).
    taker: str
    #: The class it ends with: emergency, information, prank, silent, wrong_number, duplicate,
    #: abandoned, or "" (still ringing).
    call_class: str
    number: str = ""


#: Every call of the shift. Answer times are whole seconds so the figures can be checked by hand.
CALLS = (
    ScriptedCall(1, (7, 3, 0), 6, "budi", "emergency"),  # LAKA: PSC-01 + POL-01
    ScriptedCall(2, (7, 9, 10), 4, "citra", "information"),
    ScriptedCall(3, (7, 12, 0), 9, "budi", "prank", PRANKSTER),
    ScriptedCall(4, (7, 14, 30), 12, "", "abandoned"),
    ScriptedCall(5, (7, 21, 0), 11, "citra", "emergency"),  # FIRE: DMK-01 + DMK-02
    ScriptedCall(6, (7, 22, 5), 7, "budi", "duplicate"),  # the same fire, another caller
    ScriptedCall(7, (7, 40, 0), 5, "citra", "wrong_number"),
    ScriptedCall(8, (7, 52, 0), 13, "budi", "silent"),
    ScriptedCall(9, (8, 5, 0), 8, "citra", "prank"),
    ScriptedCall(10, (8, 17, 0), 16, "budi", "emergency"),  # MED: PSC-02
    ScriptedCall(11, (8, 31, 0), 3, "citra", "information"),
    ScriptedCall(12, (8, 46, 0), 31, "", "abandoned"),
    ScriptedCall(13, (8, 47, 10), 10, "budi", "prank", PRANKSTER),
    ScriptedCall(14, (9, 2, 0), 12, "citra", "emergency"),  # CRIM: POL-02
    ScriptedCall(15, (9, 15, 0), 7, "budi", "information"),
    ScriptedCall(16, (9, 33, 0), 22, "citra", "emergency"),  # MED: PSC-03, turned back
    ScriptedCall(17, (9, 34, 0), 18, "budi", "prank"),
    ScriptedCall(18, (9, 35, 30), 8, "", "abandoned"),
    ScriptedCall(19, (9, 48, 0), 14, "sari", "silent"),
    ScriptedCall(20, (10, 10, 0), 6, "citra", "wrong_number"),
    ScriptedCall(21, (10, 25, 0), 9, "budi", "emergency"),  # FIRE: DMK-03, then PSC-04 + POL-03
    ScriptedCall(22, (10, 41, 0), 15, "citra", "prank"),
    ScriptedCall(23, (11, 2, 0), 4, "budi", "information"),
    ScriptedCall(24, (11, 20, 0), 17, "citra", "prank", PRANKSTER),
    ScriptedCall(25, (11, 38, 0), 5, "budi", "emergency"),  # MED: PSC-05
    ScriptedCall(26, (12, 5, 0), 19, "", "abandoned"),
    ScriptedCall(27, (12, 30, 0), 8, "citra", "information"),
    ScriptedCall(28, (12, 55, 0), 45, "budi", "emergency"),  # CRIM: POL-04
    ScriptedCall(29, (13, 10, 0), 6, "citra", "prank"),
    ScriptedCall(30, (13, 33, 0), 11, "budi", "silent"),
    ScriptedCall(31, (13, 50, 0), 7, "citra", "information"),
    ScriptedCall(32, (14, 12, 0), 10, "budi", "emergency"),  # MED: PMI-01, still on scene at 15:00
    ScriptedCall(33, (14, 40, 0), 9, "citra", "emergency"),  # MED: no unit free yet at 15:00
    ScriptedCall(34, (14, 45, 0), 20, "sari", "prank"),
    ScriptedCall(35, (14, 59, 30), None, "", ""),  # still ringing when the shift closes
)

#: The category of each emergency, by the number of the call that opened it.
CATEGORIES = {1: "LAKA", 5: "FIRE", 10: "MED", 14: "CRIM", 16: "MED", 21: "FIRE", 25: "MED", 28: "CRIM"}
CATEGORIES |= {32: "MED", 33: "MED"}

#: Units sent: (when, incident by its first call, call signs), all by Dodi.
DISPATCHES = (
    ((7, 4, 0), 1, ("DEMO-PSC-01", "DEMO-POL-01")),  # processing 07:03:06 -> 07:04:00 = 54 s
    ((7, 22, 41), 5, ("DEMO-DMK-01", "DEMO-DMK-02")),  # 07:21:11 -> 07:22:41 = 90 s
    ((8, 17, 56), 10, ("DEMO-PSC-02",)),  # 08:17:16 -> 08:17:56 = 40 s
    ((9, 3, 12), 14, ("DEMO-POL-02",)),  # 09:02:12 -> 09:03:12 = 60 s
    ((9, 34, 37), 16, ("DEMO-PSC-03",)),  # 09:33:22 -> 09:34:37 = 75 s
    ((10, 25, 54), 21, ("DEMO-DMK-03",)),  # 10:25:09 -> 10:25:54 = 45 s
    ((10, 27, 0), 21, ("DEMO-PSC-04", "DEMO-POL-03")),  # later units: not the processing time
    ((11, 38, 35), 25, ("DEMO-PSC-05",)),  # 11:38:05 -> 11:38:35 = 30 s
    ((12, 57, 5), 28, ("DEMO-POL-04",)),  # 12:55:45 -> 12:57:05 = 80 s
    ((14, 13, 0), 32, ("DEMO-PMI-01",)),  # 14:12:10 -> 14:13:00 = 50 s
)

S = UnitStatus
#: The units' radio calls, as Dodi keys them in: (when, call sign, status).
STATUSES = (
    ((7, 4, 40), "DEMO-POL-01", S.EN_ROUTE),  # turnout 40
    ((7, 5, 0), "DEMO-PSC-01", S.EN_ROUTE),  # turnout 60
    ((7, 11, 40), "DEMO-POL-01", S.ON_SCENE),  # travel 420
    ((7, 13, 0), "DEMO-PSC-01", S.ON_SCENE),  # travel 480
    ((7, 23, 0), "DEMO-DMK-01", S.ACKNOWLEDGED),  # not a turnout's end
    ((7, 23, 51), "DEMO-DMK-01", S.EN_ROUTE),  # turnout 70
    ((7, 24, 31), "DEMO-DMK-02", S.EN_ROUTE),  # turnout 110
    ((7, 30, 0), "DEMO-PSC-01", S.TRANSPORTING),  # on scene 1020
    ((7, 31, 51), "DEMO-DMK-01", S.ON_SCENE),  # travel 480
    ((7, 34, 31), "DEMO-DMK-02", S.ON_SCENE),  # travel 600
    ((7, 45, 0), "DEMO-PSC-01", S.AT_HOSPITAL),
    ((7, 45, 40), "DEMO-POL-01", S.CLEARED),  # on scene 2040
    ((8, 0, 0), "DEMO-DMK-05", S.OUT_OF_SERVICE),  # pump broken: out for the rest of the shift
    ((8, 10, 0), "DEMO-PSC-01", S.CLEARED),
    ((8, 18, 46), "DEMO-PSC-02", S.EN_ROUTE),  # turnout 50
    ((8, 27, 46), "DEMO-PSC-02", S.ON_SCENE),  # travel 540
    ((8, 31, 51), "DEMO-DMK-01", S.CLEARED),  # on scene 3600
    ((8, 34, 31), "DEMO-DMK-02", S.CLEARED),  # on scene 3600
    ((8, 57, 46), "DEMO-PSC-02", S.CLEARED),  # on scene 1800
    ((9, 4, 2), "DEMO-POL-02", S.EN_ROUTE),  # turnout 50
    ((9, 10, 2), "DEMO-POL-02", S.ON_SCENE),  # travel 360
    ((9, 35, 37), "DEMO-PSC-03", S.EN_ROUTE),  # turnout 60
    ((9, 40, 0), "DEMO-PSC-03", S.CANCELLED),  # turned back: no travel, no time on scene
    ((9, 40, 2), "DEMO-POL-02", S.CLEARED),  # on scene 1800
    ((10, 27, 24), "DEMO-DMK-03", S.EN_ROUTE),  # turnout 90
    ((10, 27, 45), "DEMO-PSC-04", S.EN_ROUTE),  # turnout 45
    ((10, 28, 0), "DEMO-POL-03", S.EN_ROUTE),  # turnout 60
    ((10, 35, 24), "DEMO-DMK-03", S.ON_SCENE),  # travel 480
    ((10, 36, 0), "DEMO-POL-03", S.ON_SCENE),  # travel 480
    ((10, 38, 45), "DEMO-PSC-04", S.ON_SCENE),  # travel 660
    ((11, 8, 45), "DEMO-PSC-04", S.CLEARED),  # on scene 1800
    ((11, 35, 24), "DEMO-DMK-03", S.CLEARED),  # on scene 3600
    ((11, 36, 0), "DEMO-POL-03", S.CLEARED),  # on scene 3600
    ((11, 39, 30), "DEMO-PSC-05", S.EN_ROUTE),  # turnout 55
    ((11, 47, 30), "DEMO-PSC-05", S.ON_SCENE),  # travel 480
    ((12, 17, 30), "DEMO-PSC-05", S.CLEARED),  # on scene 1800
    ((12, 58, 35), "DEMO-POL-04", S.EN_ROUTE),  # turnout 90
    ((13, 6, 35), "DEMO-POL-04", S.ON_SCENE),  # travel 480
    ((13, 26, 35), "DEMO-POL-04", S.CLEARED),  # on scene 1200
    ((14, 14, 10), "DEMO-PMI-01", S.EN_ROUTE),  # turnout 70
    ((14, 24, 10), "DEMO-PMI-01", S.ON_SCENE),  # travel 600; still there at 15:00: no time on scene
)

#: Incidents closed by Dodi once their units are back: (when, incident by its first call, how).
CLOSINGS = (
    ((8, 15, 0), 1, Disposition.TRANSPORTED),
    ((8, 40, 0), 5, Disposition.HANDLED),
    ((9, 0, 0), 10, Disposition.HANDLED),
    ((9, 41, 0), 16, Disposition.NO_ACTION_NEEDED),
    ((9, 45, 0), 14, Disposition.HANDLED),
    ((11, 40, 0), 21, Disposition.HANDLED),
    ((12, 20, 0), 25, Disposition.HANDLED),
    ((13, 30, 0), 28, Disposition.HANDLED),
)

#: Callbacks of the abandoned and silent calls: (when, call, who, outcome).
CALLBACK_ATTEMPTS = (
    ((7, 20, 0), 4, "budi", CallbackOutcome.NO_ANSWER),
    ((7, 50, 0), 4, "budi", CallbackOutcome.REACHED_NO_EMERGENCY),
    ((8, 0, 0), 8, "citra", CallbackOutcome.NO_ANSWER),
    ((8, 50, 0), 12, "citra", CallbackOutcome.REACHED_NO_EMERGENCY),
    ((9, 45, 0), 18, "budi", CallbackOutcome.NO_ANSWER),
    ((10, 0, 0), 19, "budi", CallbackOutcome.REACHED_NO_EMERGENCY),
)

#: Narrative notes: (when, incident by its first call, who, text).
NOTES = (
    ((7, 3, 40), 1, "budi", "Motor tertabrak mobil di Jl. Pandanaran, satu korban luka di kaki."),
    ((7, 21, 50), 5, "citra", "Asap tebal dari gudang mebel, Jl. Kaligawe."),
    ((14, 12, 50), 32, "budi", "Pria 60 th sesak napas, sadar."),
    ((14, 30, 0), 32, "budi", "PMI-01 masih menangani pasien di lokasi."),
    ((14, 41, 0), 33, "citra", "Lansia jatuh di kamar mandi, sadar, tidak bisa berdiri."),
)

STAFF = (
    # username, full name, role, console, log-in time, position
    ("budi", "Budi Santoso", Role.CALL_TAKER, "KONSOL-02", (6, 58, 0), "call_taker"),
    ("citra", "Citra Maharani", Role.CALL_TAKER, "KONSOL-03", (7, 1, 0), "call_taker"),
    ("dodi", "Dodi Kurniawan", Role.DISPATCHER, "KONSOL-04", (7, 2, 0), "dispatcher"),
)


@dataclass
class ScriptedShift:
    """The ids of what the script made (a fresh database gives the same ones every run)."""

    shift_id: int
    #: The shift as worked: opened 07:00:00 WIB, closed 15:00:00 WIB (aware, in WIB).
    since: datetime
    until: datetime
    #: username -> user id (sari, budi, citra, dodi).
    users: dict[str, int] = field(default_factory=dict)
    #: Script call number -> call id.
    calls: dict[int, int] = field(default_factory=dict)
    #: Script call number -> the incident its answer opened (every answered call opens one).
    incidents: dict[int, int] = field(default_factory=dict)
    #: Script call number -> its callback (abandoned and silent calls).
    callbacks: dict[int, int] = field(default_factory=dict)
    #: Call sign -> unit id, for the units the script moved.
    units: dict[str, int] = field(default_factory=dict)
    outage_id: int = 0
    alert_id: int = 0
    flag_id: int = 0


class _Script:
    """The shift's events, each a method run at its moment by ``run``."""

    def __init__(self, ctx: ServiceContext, clock: ManualClock) -> None:
        self.ctx = ctx
        self.clock = clock
        self.catalogue = load_default_catalogue()
        self.people: dict[str, ServiceContext] = {}
        self.done = ScriptedShift(shift_id=0, since=wib(7, 0), until=wib(15, 0))
        self.events: list[tuple[datetime, int, Callable[[], object]]] = []

    def at(self, hms: tuple[int, int, int], action: Callable[[], object]) -> None:
        self.events.append((wib(*hms), len(self.events), action))

    def run(self) -> ScriptedShift:
        # In time order; events of the same second in the order they were listed.
        for when, _, action in sorted(self.events, key=lambda event: (event[0], event[1])):
            self.clock.set(when)
            action()
        return self.done

    def incident(self, first_call: int) -> int:
        return self.done.incidents[first_call]

    def unit_id(self, call_sign: str) -> int:
        if call_sign not in self.done.units:
            self.done.units[call_sign] = unit(self.ctx, call_sign).id
        return self.done.units[call_sign]

    # --- people ------------------------------------------------------------------------------------

    def hire(self) -> None:
        for username, full_name, role, *_ in STAFF:
            actor = accounts.create_user(self.ctx, username, full_name, PASSWORD, PASSWORD, role)
            self.done.users[username] = actor.user_id or 0

    def sari_arrives(self) -> None:
        """The fixture logged Sari in the day before: that ends, and she logs in as supervisor."""
        accounts.log_out(self.ctx)
        self.clock.advance(300)
        result = accounts.log_in(self.ctx, "sari", SUPERVISOR_PASSWORD, position="supervisor")
        assert result.actor is not None
        self.people["sari"] = self.ctx.acting_as(result.actor)
        self.done.users["sari"] = result.actor.user_id or 0

    def log_in(self, username: str, console: str, position: str) -> None:
        where = accounts.register_console(self.ctx.database, self.clock, self.ctx.bus, console, "shift-host")
        result = accounts.log_in(where, username, PASSWORD, position=position)
        assert result.actor is not None
        self.people[username] = where.acting_as(result.actor)

    # --- the shift ---------------------------------------------------------------------------------

    def log_out(self, username: str) -> None:
        accounts.log_out(self.people[username])

    def open_shift(self) -> None:
        self.done.shift_id = shift_service.open_shift(self.people["sari"], MORNING).id

    def pass_down(self) -> None:
        shift_service.set_pass_down(self.people["sari"], self.done.shift_id, PASS_DOWN, PLANNED_EVENTS)

    def close_shift(self) -> None:
        shift_service.close_shift(self.people["sari"], self.done.shift_id)

    # --- calls -------------------------------------------------------------------------------------

    def ring(self, scripted: ScriptedCall) -> None:
        number = scripted.number or f"0812{scripted.n:08d}"
        view = calls.record_signal(
            self.ctx.as_system(),
            signal(SignalKind.RING, self.clock.now(), number, call_id=f"pagi-{scripted.n}"),
        )
        assert view is not None
        self.done.calls[scripted.n] = view.id

    def caller_hangs_up(self, scripted: ScriptedCall) -> None:
        number = scripted.number or f"0812{scripted.n:08d}"
        calls.record_signal(
            self.ctx.as_system(),
            signal(SignalKind.ENDED, self.clock.now(), number, call_id=f"pagi-{scripted.n}"),
        )

    def answer(self, scripted: ScriptedCall) -> None:
        _, incident = calls.answer_call(self.people[scripted.taker], self.done.calls[scripted.n])
        self.done.incidents[scripted.n] = incident.id

    def after_answer(self, scripted: ScriptedCall) -> None:
        """What the call-taker does once the caller has spoken."""
        taker = self.people[scripted.taker]
        call_id = self.done.calls[scripted.n]
        if scripted.call_class == "emergency":
            incidents.update_field(
                taker, self.incident(scripted.n), "category", CATEGORIES[scripted.n], self.catalogue
            )
        elif scripted.call_class == "duplicate":
            duplicates.attach_call(taker, call_id, self.incident(scripted.n - 1))
        else:
            calls.classify_call(taker, call_id, CallClass(scripted.call_class))

    def hang_up(self, scripted: ScriptedCall) -> None:
        calls.hang_up(self.people[scripted.taker], self.done.calls[scripted.n])

    def queued_callbacks(self) -> None:
        """Note the callbacks in the queue now (a callback closed later keeps its id here)."""
        numbers = {call_id: n for n, call_id in self.done.calls.items()}
        for view in callbacks.open_callbacks(self.ctx):
            self.done.callbacks.setdefault(numbers[view.call_id], view.id)

    def callback(self, call_n: int, who: str, outcome: CallbackOutcome) -> None:
        self.queued_callbacks()
        callbacks.record_attempt(self.people[who], self.done.callbacks[call_n], outcome)

    # --- dispatch ----------------------------------------------------------------------------------

    def dispatch(self, first_call: int, signs: tuple[str, ...]) -> None:
        dispatching.assign_units(
            self.people["dodi"], self.incident(first_call), [self.unit_id(sign) for sign in signs]
        )

    def status(self, call_sign: str, status: UnitStatus) -> None:
        dispatching.set_unit_status(self.people["dodi"], self.unit_id(call_sign), status)

    def close(self, first_call: int, disposition: Disposition) -> None:
        incidents.close_incident(self.people["dodi"], self.incident(first_call), disposition)

    def note(self, first_call: int, who: str, text: str) -> None:
        incidents.add_note(self.people[who], self.incident(first_call), text)

    # --- the feed and the numbers ------------------------------------------------------------------

    def feed_down(self) -> None:
        now = self.clock.now()
        self.done.outage_id = feeds.outage_started(self.ctx, FEED, now, "no answer from the caller-ID box")
        self.done.alert_id = feeds.raise_feed_alarm(self.ctx, FEED, now)

    def feed_up(self) -> None:
        feeds.outage_ended(self.ctx, FEED, self.clock.now())

    def block_prankster(self) -> None:
        flag = callers.request_block(self.people["sari"], PRANKSTER, "Surat ke operator 28/11 11:30")
        self.done.flag_id = flag.id


def _seconds_later(hms: tuple[int, int, int], seconds: int) -> tuple[int, int, int]:
    moment = wib(*hms) + timedelta(seconds=seconds)
    return (moment.hour, moment.minute, moment.second)


def run_scripted_shift(ctx: ServiceContext, clock: ManualClock) -> ScriptedShift:
    """Run the shift on ``ctx``'s database and return the ids of what it made.

    ``ctx`` is Sari (supervisor) logged in at KONSOL-01 with the demonstration roster loaded, and
    ``clock`` its driven clock, before 06:40 WIB on 28 November 2026: ``tests.conftest``'s ``ctx`` and
    ``clock`` fixtures. The clock is left at 15:02:59 WIB, after the call-takers and the dispatcher
    logged out; Sari stays logged in (she signs the handover).
    """
    assert clock.now() < wib(6, 40), "the script begins at 06:40 WIB on 28 November 2026"
    script = _Script(ctx, clock)
    script.at((6, 40, 0), script.hire)
    script.at((6, 45, 0), script.sari_arrives)
    for username, _, _, console, hms, position in STAFF:
        script.at(hms, partial(script.log_in, username, console, position))
    script.at((7, 0, 0), script.open_shift)

    for scripted in CALLS:
        script.at(scripted.ring, partial(script.ring, scripted))
        if scripted.after_s is None:
            continue  # still ringing
        if not scripted.taker:
            script.at(
                _seconds_later(scripted.ring, scripted.after_s), partial(script.caller_hangs_up, scripted)
            )
            continue
        answered = _seconds_later(scripted.ring, scripted.after_s)
        script.at(answered, partial(script.answer, scripted))
        script.at(_seconds_later(answered, 30), partial(script.after_answer, scripted))
        if scripted.call_class in ("emergency", "duplicate"):
            script.at(_seconds_later(answered, 60), partial(script.hang_up, scripted))

    for hms, first_call, signs in DISPATCHES:
        script.at(hms, partial(script.dispatch, first_call, signs))
    for hms, sign, status in STATUSES:
        script.at(hms, partial(script.status, sign, status))
    for hms, first_call, disposition in CLOSINGS:
        script.at(hms, partial(script.close, first_call, disposition))
    for hms, call_n, who, outcome in CALLBACK_ATTEMPTS:
        script.at(hms, partial(script.callback, call_n, who, outcome))
    for hms, first_call, who, text in NOTES:
        script.at(hms, partial(script.note, first_call, who, text))

    script.at((10, 50, 0), script.feed_down)
    script.at((11, 1, 0), script.feed_up)
    script.at((11, 30, 0), script.block_prankster)
    script.at((14, 50, 0), script.pass_down)
    script.at((15, 0, 0), script.close_shift)
    for index, (username, *_) in enumerate(STAFF):
        script.at((15, 2, index), partial(script.log_out, username))
    script.at((15, 2, 59), script.queued_callbacks)
    return script.run()


def supervisor_at_a_new_console(database: Database, clock: ManualClock) -> ServiceContext:
    """What ``tests.conftest``'s ``ctx`` fixture makes, on ``database``: Sari (supervisor) logged in
    at KONSOL-01 with the demonstration roster loaded; for a module-wide database of the shift."""
    console = accounts.register_console(database, clock, ChangeBus(), "KONSOL-01", "test-host")
    accounts.create_first_supervisor(
        console, "sari", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
    )
    result = accounts.log_in(console, "sari", SUPERVISOR_PASSWORD)
    assert result.actor is not None
    ctx = console.acting_as(result.actor)
    dispatching.load_roster(ctx, load_demo_roster())
    return ctx


def cheap_password_hashes(patch: pytest.MonkeyPatch) -> None:
    """The same argon2id hashing with the smallest costs (as tests/services/conftest.py does): the
    script logs seven people in."""
    patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
