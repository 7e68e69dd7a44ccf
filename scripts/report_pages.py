"""Make the handover and figures PDFs of a demonstration shift in both languages, and page 1 of each
as a picture for the README and docs/reports.md.

    python scripts/report_pages.py [OUT_DIR]        (default: docs/screenshots)

Builds a morning shift (07:00-15:00 WIB) on a throwaway database through the services with a driven
clock: about 18 calls an hour answered by two call-takers (some abandoned, silent, prank), incidents
dispatched and worked by a dispatcher, a unit taken out of service, a prank number watched and
blocked, a feed outage, pass-down notes; the shift closed, signed by the outgoing lead and
acknowledged by the incoming one. Then runs ``dispatch-console report`` (ui/report_command.py) for
each kind and language and renders page 1 with pdftoppm (poppler-utils) to
``report-{handover,figures}-{id,en}.png``. The PDFs are left beside the pictures with ``--keep-pdf``.

``build_demo_shift`` is also the scene of tests/reports/test_report_command.py.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster  # noqa: E402
from dispatch.domain.callers import CallbackOutcome  # noqa: E402
from dispatch.domain.clock import ManualClock  # noqa: E402
from dispatch.domain.enums import CallClass, Disposition, Role, UnitStatus  # noqa: E402
from dispatch.domain.phone import parse_caller_number  # noqa: E402
from dispatch.domain.shifts import DEFAULT_PATTERN, shift_at  # noqa: E402
from dispatch.domain.signals import CallSignal, SignalKind  # noqa: E402
from dispatch.services import (  # noqa: E402
    accounts,
    callbacks,
    callers,
    calls,
    dispatching,
    feeds,
    handover,
    incidents,
    locations,
    queries,
    shifts,
)
from dispatch.services.bus import ChangeBus  # noqa: E402
from dispatch.services.context import ServiceContext  # noqa: E402
from dispatch.store.database import open_database, sqlite_url  # noqa: E402

ZONE = ZoneInfo("Asia/Jakarta")
#: 07:00 WIB on a Friday: the morning shift of the default pattern (3 x 8 h).
SHIFT_START = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)
PASSWORD = "latihan-112-demo"
PRANKSTER = "+6285712340099"
FEED = "serial:///dev/ttyUSB0?protocol=whozz"
#: Categories the demonstration roster can answer (each has a unit of its lead agency).
CATEGORIES = ("MED", "LAKA", "FIRE", "CRIM", "TAWUR", "POHON", "BENC", "KDRT")
KINDS = ("handover", "figures")
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class DemoShift:
    url: str
    shift_id: int
    calls: int


class Scene:
    """Events in time order on one driven clock: each runs when the clock reaches it."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self._queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self._order = itertools.count()

    def at(self, when: datetime, action: Callable[[], None]) -> None:
        heapq.heappush(self._queue, (when, next(self._order), action))

    def after(self, seconds: float, action: Callable[[], None]) -> None:
        self.at(self.clock.now() + timedelta(seconds=seconds), action)

    def run(self) -> None:
        while self._queue:
            when, _order, action = heapq.heappop(self._queue)
            if when > self.clock.now():
                self.clock.set(when)
            action()


def _signal(kind: SignalKind, number: str, call_id: str, at: datetime) -> CallSignal:
    return CallSignal(
        kind=kind,
        feed="sim://report-demo",
        received_at=at,
        number=parse_caller_number(number),
        raw=f"{kind.value} {number}".encode(),
        call_id=call_id,
    )


def build_demo_shift(where: Path | str, calls_per_hour: float = 18.0, seed: int = 112) -> DemoShift:
    """The demonstration shift in a new database: a SQLite file at a path, or a URL (an empty
    PostgreSQL schema); see the module docstring."""
    rng = random.Random(seed)
    url = sqlite_url(where) if isinstance(where, Path) else where
    database = open_database(url)
    clock = ManualClock(SHIFT_START - timedelta(minutes=6))
    bus = ChangeBus()
    catalogue = load_default_catalogue()
    base = accounts.register_console(database, clock, bus, "KONSOL-01", "cc112-semarang-01")
    accounts.create_first_supervisor(base, "dewi", "Dewi Lestari", PASSWORD, PASSWORD)

    def log_in(console: ServiceContext, username: str, position: str) -> ServiceContext:
        actor = accounts.log_in(console, username, PASSWORD, position).actor
        assert actor is not None
        return console.acting_as(actor)

    lead = log_in(base, "dewi", "supervisor")
    for username, name, role in (
        ("agus", "Agus Setiawan", Role.SUPERVISOR),
        ("rina", "Rina Marlina", Role.CALL_TAKER),
        ("bayu", "Bayu Pratama", Role.CALL_TAKER),
        ("joko", "Joko Susilo", Role.DISPATCHER),
    ):
        accounts.create_user(lead, username, name, PASSWORD, PASSWORD, role)
    dispatching.load_roster(lead, load_demo_roster())

    def console(name: str) -> ServiceContext:
        return accounts.register_console(database, clock, bus, name, f"cc112-semarang-{name[-2:]}")

    system = lead.as_system()
    takers = [
        log_in(console("KONSOL-02"), "rina", "call_taker"),
        log_in(console("KONSOL-03"), "bayu", "call_taker"),
    ]
    dispatcher = log_in(console("KONSOL-04"), "joko", "dispatcher")
    clock.set(SHIFT_START + timedelta(minutes=2))
    shift = shifts.open_shift(lead, shift_at(DEFAULT_PATTERN, ZONE, clock.now()))
    end = shift.planned_end - timedelta(minutes=8)

    scene = Scene(clock)
    units_by_agency: dict[str, list[int]] = {}
    for unit in queries.units(lead):
        units_by_agency.setdefault(unit.agency_type, []).append(unit.id)
    busy: set[int] = set()
    numbers = [f"+62812{rng.randrange(10**6, 10**7)}" for _ in range(120)]
    serial = itertools.count(1)
    made = [0]
    out_of_service: list[str] = []

    def free_unit(agency: str) -> int | None:
        for unit_id in units_by_agency.get(agency, []):
            if unit_id not in busy:
                return unit_id
        return None

    def work_incident(incident_id: int, category: str) -> None:
        wanted = [a.value for a in catalogue.get(category).agencies][:2]
        chosen = [u for u in (free_unit(agency) for agency in wanted) if u is not None]
        if not chosen:
            # Every unit of the agency is out: the dispatcher tries again a few minutes later.
            scene.after(rng.uniform(180, 420), lambda: work_incident(incident_id, category))
            return
        busy.update(chosen)
        dispatching.assign_units(dispatcher, incident_id, chosen)
        steps = [
            (rng.uniform(10, 40), UnitStatus.ACKNOWLEDGED),
            (rng.uniform(10, 50), UnitStatus.EN_ROUTE),
            (rng.uniform(300, 900), UnitStatus.ON_SCENE),
            (rng.uniform(600, 2400), UnitStatus.CLEARED),
        ]
        last = 0.0
        for unit_id in chosen:
            offset = 0.0
            for seconds, status in steps:
                offset += seconds * rng.uniform(0.8, 1.2)
                scene.after(offset, lambda u=unit_id, s=status: _status(u, s))
            last = max(last, offset)
        scene.after(last + 60, lambda: _close(incident_id, chosen))

    def _status(unit_id: int, status: UnitStatus) -> None:
        unit = next(u for u in queries.units(lead) if u.id == unit_id)
        if unit.status in (UnitStatus.AVAILABLE, UnitStatus.OUT_OF_SERVICE) or clock.now() >= end:
            return
        dispatching.set_unit_status(dispatcher, unit_id, status)

    def _close(incident_id: int, chosen: list[int]) -> None:
        if clock.now() >= end + timedelta(minutes=3):
            return  # still worked at the handover: an open incident in the report
        incidents.close_incident(dispatcher, incident_id, Disposition.HANDLED)
        busy.difference_update(chosen)

    def ring() -> None:
        if clock.now() >= end:
            return
        made[0] += 1
        number = PRANKSTER if rng.random() < 0.06 else rng.choice(numbers)
        external = f"demo-{next(serial)}"
        view = calls.record_signal(system, _signal(SignalKind.INCOMING, number, external, clock.now()))
        assert view is not None
        draw = rng.random()
        if draw < 0.07:
            # The caller gives up before anyone answers: abandoned, queued for a callback.
            scene.after(
                rng.uniform(4, 45),
                lambda: calls.record_signal(system, _signal(SignalKind.ENDED, number, external, clock.now())),
            )
        else:
            taker = rng.choice(takers)
            wait = rng.expovariate(1 / 4.0) + 2 if rng.random() > 0.07 else rng.uniform(16, 35)
            scene.after(wait, lambda: answer(taker, view.id, number))
        scene.after(rng.expovariate(calls_per_hour / 3600), ring)

    def answer(taker: ServiceContext, call_id: int, number: str) -> None:
        _call, incident = calls.answer_call(taker, call_id)
        draw = rng.random()
        if number == PRANKSTER or draw < 0.16:
            scene.after(rng.uniform(15, 50), lambda: calls.classify_call(taker, call_id, CallClass.PRANK))
        elif draw < 0.28:
            scene.after(rng.uniform(20, 40), lambda: calls.classify_call(taker, call_id, CallClass.SILENT))
        elif draw < 0.40:
            scene.after(
                rng.uniform(40, 120), lambda: calls.classify_call(taker, call_id, CallClass.INFORMATION)
            )
        elif draw < 0.45:
            scene.after(
                rng.uniform(8, 20), lambda: calls.classify_call(taker, call_id, CallClass.WRONG_NUMBER)
            )
        else:
            category = rng.choice(CATEGORIES)

            def take_details() -> None:
                incidents.update_field(taker, incident.id, "category", category, catalogue)
                village = f"33.74.{rng.randrange(1, 17):02d}.1001"
                locations.set_area(taker, incident.id, village)
                incidents.update_field(taker, incident.id, "street", rng.choice(STREETS), catalogue)
                incidents.add_note(taker, incident.id, rng.choice(NARRATIVES))

            scene.after(rng.uniform(15, 45), take_details)
            scene.after(rng.uniform(50, 75), lambda: work_incident(incident.id, category))
            scene.after(rng.uniform(80, 160), lambda: calls.hang_up(taker, call_id))

    def prank_flags() -> None:
        callers.watch_number(lead, PRANKSTER, "Iseng berulang: lebih dari 5 kali dalam seminggu")
        callers.request_block(lead, PRANKSTER, "Surat ke Telkomsel Regional Jateng, 27-11, no. 112/XI/2026")

    def unit_out() -> None:
        unit_id = next(u for u in units_by_agency["medical"] if u not in busy)
        busy.add(unit_id)
        out_of_service.append(next(u.call_sign for u in queries.units(lead) if u.id == unit_id))
        dispatching.set_unit_status(lead, unit_id, UnitStatus.OUT_OF_SERVICE)

    def outage() -> None:
        feeds.outage_started(system, FEED, clock.now(), "no frames for 60 s (cable unplugged?)")
        scene.after(14 * 60 + 20, lambda: feeds.outage_ended(system, FEED, clock.now()))

    def callback_round() -> None:
        # Every half hour a call-taker calls back those waiting: most are reached, some not.
        if clock.now() >= end:
            return
        for waiting in callbacks.open_callbacks(lead):
            if waiting.opened_at > clock.now() - timedelta(minutes=5):
                continue
            reached = rng.random() < 0.75
            outcome = CallbackOutcome.REACHED_NO_EMERGENCY if reached else CallbackOutcome.NO_ANSWER
            callbacks.record_attempt(takers[0], waiting.id, outcome, "" if reached else "Tidak diangkat")
        scene.after(30 * 60, callback_round)

    scene.at(SHIFT_START + timedelta(minutes=4), ring)
    scene.at(SHIFT_START + timedelta(hours=1, minutes=40), unit_out)
    scene.at(SHIFT_START + timedelta(hours=3, minutes=5), outage)
    scene.at(SHIFT_START + timedelta(hours=4, minutes=30), prank_flags)
    scene.at(SHIFT_START + timedelta(minutes=25), callback_round)
    scene.run()

    clock.set(shift.planned_end - timedelta(minutes=4))
    shifts.set_pass_down(
        lead,
        shift.id,
        f"{out_of_service[0]} ke bengkel (ban bocor), kembali sekitar pukul 17.00.\n"
        "Nomor iseng 0857-1234-0099: diblokir lewat Telkomsel, tunggu konfirmasi.\n"
        "Sumber panggilan serial sempat putus 14 menit; kabel sudah diganti.",
        "Pukul 19.00: Car Free Night di Simpang Lima, pengalihan arus di Jl. Pahlawan.",
    )
    clock.set(shift.planned_end + timedelta(minutes=3))
    shifts.close_shift(lead, shift.id)
    handover.sign_off(lead, shift.id)
    clock.advance(120)
    incoming = log_in(console("KONSOL-05"), "agus", "supervisor")
    handover.acknowledge(incoming, shift.id)
    clock.advance(600)
    handover.add_addendum(lead, shift.id, f"{out_of_service[0]} kembali beroperasi pukul 16.40.")
    database.dispose()
    return DemoShift(url=url, shift_id=shift.id, calls=made[0])


STREETS = (
    "Jl. Pemuda",
    "Jl. Pandanaran",
    "Jl. Majapahit",
    "Jl. Setiabudi",
    "Jl. Kaligawe Raya",
    "Jl. Siliwangi",
)
NARRATIVES = (
    "Pelapor melihat asap tebal dari rumah tetangga.",
    "Dua sepeda motor bertabrakan, satu korban luka di kepala.",
    "Lansia jatuh di kamar mandi, tidak bisa bangun.",
    "Pohon tumbang menutup jalan, kabel listrik ikut putus.",
    "Keributan di depan warung, pelapor takut keluar rumah.",
    "Banjir setinggi lutut, warga minta bantuan evakuasi.",
)


def render_pages(demo: DemoShift, out_dir: Path, keep_pdf: bool) -> list[Path]:
    from ui.report_command import main as report

    made = []
    with tempfile.TemporaryDirectory() as work:
        for kind in KINDS:
            for lang in LANGUAGES:
                pdf = (out_dir if keep_pdf else Path(work)) / f"report-{kind}-{lang}.pdf"
                code = report(
                    [
                        "--db", demo.url, "--shift", str(demo.shift_id), "--kind", kind,
                        "--format", "pdf", "--lang", lang, "--out", str(pdf),
                    ]
                )  # fmt: skip
                if code != 0:
                    raise SystemExit(f"report {kind} {lang} failed ({code})")
                png = out_dir / f"report-{kind}-{lang}"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "100",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        str(pdf),
                        str(png),
                    ],
                    check=True,
                )
                made.append(png.with_suffix(".png"))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--keep-pdf", action="store_true", help="leave the PDFs beside the pictures")
    options = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm not found: install poppler-utils")
    options.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        demo = build_demo_shift(Path(work) / "report-demo.sqlite3")
        print(f"demo shift {demo.shift_id}: {demo.calls} calls")
        for png in render_pages(demo, options.out_dir, options.keep_pdf):
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
