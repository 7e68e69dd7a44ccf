"""Seed a large, realistic console database for the benchmarks.

    python -m bench.seed PATH [--calls 1000000] [--incidents 300000] [--years 3] [--seed 1]

The schema is built by the console itself (``open_database`` runs the Alembic migrations); the console
row, the user accounts and the demonstration roster are added through the services; calls, incidents,
assignments and recent unit status history are then bulk-inserted with the plain ``sqlite3`` module
(``executemany`` in batches of 20,000 rows, one transaction per batch), ANALYZE runs, and a few rows
are read back through the ORM to check that their timestamps come back as timezone-aware UTC.

Timestamps are written exactly as the ``UTCDateTime`` column type writes them on SQLite: naive UTC in
SQLAlchemy's ``YYYY-MM-DD HH:MM:SS.ffffff`` format (checked against the type's own bind processor
before anything is inserted).

The data, reproducible from ``--seed`` (time runs up to the fixed instant ``--end``, never the wall
clock):

* one console ``KONSOL-01``; a supervisor (``sari``), call-takers and dispatchers, all with the
  password ``rahasia-112``; the demonstration roster (the units of Kota Semarang, DEMO call signs);
* ``--calls`` calls over the last ``--years`` years, all ended, with a daily rhythm in WIB (UTC+7) and
  none in the last ten minutes before ``--end``. Numbers come from a pool of ``--numbers`` Indonesian
  numbers (mobiles by operator prefix, about 8 % Semarang 024 landlines, a tenth sent in ``+62`` form, a
  few unparseable ones) plus the withheld markers ``P`` (private) and ``O`` (unavailable) on about 3 %
  of the calls. The E.164 form, the description and the national form are computed once per pool
  number with :func:`dispatch.domain.phone.parse_caller_number` (on all cores). Most numbers call once
  or a few times (Pareto weights), and 2,500 pranksters make about half of the prank and silent calls
  (Zipf weights: the worst calls some thousands of times);
* classes: prank 27 %, silent 12 %, abandoned 15 %, information 9 %, duplicate 4 %, wrong number 3 %,
  emergency the rest (29 % with the defaults). Abandoned calls were never answered;
* ``--incidents`` incidents, each opened by one call (``calls.incident_id``) at the moment it was
  answered, numbered ``YYYY-NNNNNN`` per UTC year in creation order, ``incident_counters`` holding each
  year's last number. 4 % belong to calls answered and then classified prank, silent, information or
  wrong number: cancelled with disposition ``non_emergency``, as ``classify_call`` leaves them. The
  emergency incidents have categories from the shipped catalogue and are closed with a disposition,
  except the ``--open`` most recent (one of them an older incident reopened): the active board, new,
  awaiting dispatch, dispatched and on scene;
* assignments with milestone timestamps for about a third of the incidents (1 to 3 units of the
  category's agencies; a unit is never on two incidents at once; 6 % cancelled before arrival); the
  units' current status follows their open assignments, one unit is out of service and one off duty.

* a busy last shift: the 12 hours before ``--end`` (less the last ten minutes) hold ``--busy-shift``
  calls and incidents on top of their share of the rest (by default 5,000 and 800 of the totals: the
  shift the report benchmarks read, as a busy centre's 12-hour night);
* ``--notes`` narrative notes per incident (default 1): Indonesian sentences from a few dozen
  templates with the seed's places and landmarks, so that full-text search has a realistic index.

Left out to keep the seed fast: ``unit_status_history`` is written only for the assignments of the
last ``--history-days`` days (and the roster's first rows), so older assignments have no history rows;
no ``feed_frames``, ``attendance``, ``duty_shifts`` or ``alerts``; ``audit_log`` has only the few rows
the services wrote while setting up the console, the users and the roster.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import time
from bisect import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.dialects import sqlite as sqlite_dialect

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.catalogue import Catalogue, Category
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import (
    AgencyType,
    CallClass,
    CallState,
    Disposition,
    IncidentStatus,
    Presentation,
    Priority,
    Role,
    UnitStatus,
)
from dispatch.domain.phone import format_national, parse_caller_number
from dispatch.services import accounts, dispatching
from dispatch.services.bus import ChangeBus
from dispatch.store.database import open_database, sqlite_url
from dispatch.store.tables import Assignment, Call, Incident, Unit
from dispatch.store.types import UTCDateTime

CONSOLE_NAME = "KONSOL-01"
CONSOLE_HOST = "bench-seed"
PASSWORD = "rahasia-112"
FEED = "serial:///dev/ttyUSB0?baud=1200"
#: The fixed end of the data: the test suite's "now", a weekday noon in Semarang.
DEFAULT_END = datetime(2026, 11, 27, 5, 0, 0, tzinfo=UTC)
BATCH = 20_000

SUPERVISOR = ("sari", "Sari Wulandari")
CALL_TAKERS = (
    ("dewi", "Dewi Lestari"),
    ("agus", "Agus Setiawan"),
    ("rina", "Rina Kurniawati"),
    ("eko", "Eko Prasetyo"),
    ("sri", "Sri Wahyuni"),
    ("joko", "Joko Susilo"),
)
DISPATCHERS = (("bambang", "Bambang Hartono"), ("tri", "Tri Handayani"), ("heru", "Heru Purnomo"))

US = 1_000_000
MINUTE_US = 60 * US
HOUR_US = 60 * MINUTE_US
DAY_US = 24 * HOUR_US
WIB_US = 7 * HOUR_US
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_DATE = date(1970, 1, 1)

#: Calls per local (WIB) hour of the day, relative: quiet before dawn, busy from morning to evening.
HOURLY_WEIGHTS = (
    2.0, 1.5, 1.0, 0.8, 0.9, 1.5, 2.5, 3.5, 4.5, 5.0, 5.2, 5.0,
    4.8, 4.8, 5.0, 5.2, 5.5, 5.8, 6.0, 6.0, 5.5, 4.5, 3.5, 2.5,
)  # fmt: skip

#: Share of each non-emergency class among the calls that are not emergencies (relative weights).
OTHER_CLASS_WEIGHTS = {
    CallClass.PRANK: 0.27,
    CallClass.SILENT: 0.12,
    CallClass.ABANDONED: 0.15,
    CallClass.INFORMATION: 0.09,
    CallClass.DUPLICATE: 0.04,
    CallClass.WRONG_NUMBER: 0.03,
}
#: Share of the incidents opened by a call later classified as not an emergency, and their classes.
CANCELLED_INCIDENT_SHARE = 0.04
CANCELLED_INCIDENT_CLASSES = {
    CallClass.PRANK: 0.4,
    CallClass.SILENT: 0.2,
    CallClass.INFORMATION: 0.3,
    CallClass.WRONG_NUMBER: 0.1,
}
#: Seconds from ring to answer and of the conversation, per class.
ANSWER_SECONDS = (2, 20)
TALK_SECONDS = {
    CallClass.EMERGENCY: (60, 420),
    CallClass.PRANK: (5, 90),
    CallClass.SILENT: (3, 30),
    CallClass.INFORMATION: (30, 240),
    CallClass.WRONG_NUMBER: (5, 40),
    CallClass.DUPLICATE: (20, 150),
}
ABANDONED_RING_SECONDS = (3, 60)

#: Number pool: operator prefixes (relative weight) and national lengths, as the simulator uses.
MOBILE_PREFIXES = (
    *((prefix, 2.0) for prefix in ("0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853")),
    *((prefix, 1.0) for prefix in ("0855", "0856", "0857", "0858", "0859", "0877", "0878")),
    *((prefix, 0.5) for prefix in ("0881", "0882", "0883", "0884", "0885", "0886", "0887", "0888", "0889")),
    *((prefix, 1.0) for prefix in ("0895", "0896", "0897", "0898", "0899", "0831", "0832", "0838")),
)
MOBILE_LENGTHS = ((11, 0.3), (12, 0.6), (13, 0.1))
LANDLINE_SHARE = 0.08
INTERNATIONAL_FORM_SHARE = 0.10
INVALID_SHARE = 0.003
LANDLINE_NAME_SHARE = 0.5
PRANKSTERS = 2_500
PRANKSTER_SHARE = 0.55
GENERAL_PARETO_ALPHA = 2.0
WITHHELD_SHARE = {CallClass.PRANK: 0.06, CallClass.SILENT: 0.06}
DEFAULT_WITHHELD_SHARE = 0.02
PRIVATE_MARKER = "P"
UNAVAILABLE_MARKER = "O"

#: Category mix of emergencies (as the simulator's); a category not listed gets the last weight.
CATEGORY_WEIGHTS = {
    "MED": 0.22, "LAKA": 0.17, "HEWAN": 0.08, "FIRE": 0.07, "CRIM": 0.07, "POHON": 0.07, "BENC": 0.05,
    "TAWUR": 0.04, "LISTR": 0.04, "KDRT": 0.03, "AIR": 0.03, "JALAN": 0.03, "JENAZ": 0.03, "SOS": 0.03,
    "TENGG": 0.02, "MAYAT": 0.015,
}  # fmt: skip
UNLISTED_CATEGORY_WEIGHT = 0.01
#: Chance that an incident of the category had units sent (scaled so that about a third have).
DISPATCH_CHANCE = {
    "MED": 0.45, "LAKA": 0.55, "FIRE": 0.85, "CRIM": 0.30, "TAWUR": 0.35, "KDRT": 0.25, "BENC": 0.6,
    "POHON": 0.4, "HEWAN": 0.35, "TENGG": 0.7, "LISTR": 0.3, "AIR": 0.15, "JALAN": 0.1, "MAYAT": 0.4,
    "JENAZ": 0.3, "SOS": 0.2,
}  # fmt: skip
DEFAULT_DISPATCH_CHANCE = 0.3
DISPATCH_SCALE = 0.8
UNITS_PER_INCIDENT = ((1, 0.75), (2, 0.20), (3, 0.05))
CANCEL_SHARE = 0.06
TRANSPORT_SHARE = 0.6
DISPOSITIONS_DISPATCHED = {
    Disposition.HANDLED: 0.65,
    Disposition.GONE_ON_ARRIVAL: 0.10,
    Disposition.FALSE_ALARM: 0.10,
    Disposition.NO_ACTION_NEEDED: 0.07,
    Disposition.REFERRED: 0.05,
    Disposition.DUPLICATE: 0.03,
}
DISPOSITIONS_NOT_DISPATCHED = {
    Disposition.HANDLED: 0.35,
    Disposition.REFERRED: 0.25,
    Disposition.NO_ACTION_NEEDED: 0.20,
    Disposition.FALSE_ALARM: 0.10,
    Disposition.DUPLICATE: 0.10,
}
PRIORITIES = tuple(Priority)

NAMES = (
    "Budi Santoso", "Siti Rahayu", "Agus Setiawan", "Dewi Lestari", "Sri Wahyuni", "Slamet Riyadi",
    "Joko Susilo", "Endang Sulistyowati", "Bambang Hartono", "Rina Kurniawati", "Eko Prasetyo",
    "Tri Handayani", "Heru Purnomo", "Yuliana Sari", "Wahyu Hidayat", "Nur Aini", "Ahmad Fauzi",
    "Muhammad Rizki", "Fitri Anggraini", "Rudi Hartanto", "Suparmi", "Sutrisno", "Sugeng Widodo",
    "Dian Permatasari", "Andi Saputra", "Rahmat Hidayat", "Putri Ayu Lestari", "Hendra Gunawan",
    "Yohanes Kristanto", "Fransiska Wulandari", "Teguh Prasetyo", "Winarni", "Purwanto", "Nurul Hidayah",
    "Dimas Aditya", "Anisa Rahmawati", "Lina Wijaya", "Rizal Siregar", "Made Suarta", "Maria Ulfa",
)  # fmt: skip
BUSINESS_NAMES = (
    "TOKO SUMBER REJEKI", "CV MAKMUR JAYA", "RM SEDERHANA", "APOTEK SEHAT", "BENGKEL MANDIRI",
    "KLINIK PRATAMA", "SD NEGERI", "PT ANUGRAH", "WARUNG BU SRI", "HOTEL MELATI",
)  # fmt: skip
#: Kecamatan of Kota Semarang and some of their kelurahan.
DISTRICTS = {
    "Banyumanik": ("Banyumanik", "Srondol Kulon", "Srondol Wetan", "Pedalangan", "Padangsari", "Sumurboto"),
    "Candisari": ("Jatingaleh", "Jomblang", "Kaliwiru", "Karanganyar Gunung", "Tegalsari", "Candi"),
    "Gajahmungkur": ("Bendan Duwur", "Bendan Ngisor", "Bendungan", "Lempongsari", "Petompon", "Sampangan"),
    "Gayamsari": ("Gayamsari", "Kaligawe", "Pandean Lamper", "Sambirejo", "Sawah Besar", "Siwalan"),
    "Genuk": ("Genuksari", "Bangetayu Kulon", "Banjardowo", "Gebangsari", "Kudu", "Trimulyo"),
    "Gunungpati": ("Gunungpati", "Sekaran", "Sukorejo", "Patemon", "Kalisegoro", "Plalangan"),
    "Mijen": ("Mijen", "Jatibarang", "Jatisari", "Wonoplumbon", "Ngadirgo", "Tambangan"),
    "Ngaliyan": ("Ngaliyan", "Tambakaji", "Purwoyoso", "Kalipancur", "Bambankerep", "Beringin"),
    "Pedurungan": ("Pedurungan Kidul", "Palebon", "Tlogosari Kulon", "Tlogosari Wetan", "Kalicari", "Gemah"),
    "Semarang Barat": ("Krobokan", "Bongsari", "Manyaran", "Kalibanteng Kidul", "Tawangmas", "Karangayu"),
    "Semarang Selatan": ("Lamper Kidul", "Lamper Lor", "Peterongan", "Pleburan", "Wonodri", "Randusari"),
    "Semarang Tengah": ("Pekunden", "Miroto", "Sekayu", "Kauman", "Gabahan", "Purwodinatan"),
    "Semarang Timur": ("Rejosari", "Sarirejo", "Karangtempel", "Bugangan", "Mlatiharjo", "Kemijen"),
    "Semarang Utara": ("Bandarharjo", "Tanjung Mas", "Kuningan", "Dadapsari", "Panggung Lor", "Bulu Lor"),
    "Tembalang": ("Tembalang", "Bulusan", "Kramas", "Meteseh", "Rowosari", "Sendangmulyo"),
    "Tugu": ("Mangkang Wetan", "Mangkang Kulon", "Mangunharjo", "Randugarut", "Tugurejo", "Jerakah"),
}
STREETS = (
    "Jl. Pandanaran", "Jl. Pemuda", "Jl. Gajah Mada", "Jl. Majapahit", "Jl. Setiabudi", "Jl. Kaligawe Raya",
    "Jl. Siliwangi", "Jl. Ngesrep Timur", "Jl. Dr. Cipto", "Jl. Sultan Agung", "Jl. MT Haryono",
    "Jl. Soekarno-Hatta", "Jl. Brigjen Sudiarto", "Jl. Fatmawati", "Jl. Tlogosari Raya", "Jl. Pahlawan",
    "Jl. Veteran", "Jl. Kelud Raya", "Jl. Prof. Sudarto", "Jl. Banjarsari", "Jl. Durian Raya",
    "Jl. Walisongo", "Jl. Hanoman", "Jl. Abdulrahman Saleh", "Jl. Pamularsih", "Jl. Imam Bonjol",
    "Jl. Indraprasta", "Jl. Kartini", "Jl. Citarum", "Jl. Dr. Wahidin", "Jl. Erlangga Raya",
    "Jl. Tentara Pelajar", "Gg. Mawar", "Gg. Melati", "Gg. Kenanga",
)  # fmt: skip
LANDMARKS = (
    "depan Indomaret", "samping Alfamart", "dekat masjid", "seberang SPBU", "belakang pasar",
    "dekat SD negeri", "depan puskesmas", "sebelah gereja", "ujung gang, rumah cat hijau", "dekat pos ronda",
)  # fmt: skip
#: Narrative lines a call-taker types; {place}, {street} and {landmark} are filled from the lists above.
NOTE_TEMPLATES = (
    "Pelapor melihat asap tebal dari rumah di {street}, {landmark}.",
    "Kecelakaan motor dan mobil di {street}, satu korban luka di kepala, sadar.",
    "Pelapor mendengar suara ledakan kecil di {street}, {landmark}.",
    "Warga pingsan di {street}, {landmark}; napas ada, belum sadar.",
    "Pohon tumbang menutup jalan di {street}, kabel listrik ikut putus.",
    "Banjir setinggi lutut di {place}, air terus naik, lansia perlu dievakuasi.",
    "Perkelahian antarwarga di {street}, salah satu membawa senjata tajam.",
    "Kebakaran lahan kosong di {place}, api menjalar ke pagar rumah warga.",
    "Anak hilang sejak sore di {place}, terakhir terlihat {landmark}, memakai kaos merah.",
    "Pelapor mencium bau gas menyengat di dapur rumah di {street}.",
    "Tiga orang terjebak di dalam lift gedung di {street}, {landmark}.",
    "Ibu hamil mau melahirkan di {place}, ketuban sudah pecah.",
    "Pencurian motor di parkiran {landmark}, pelaku lari ke arah {street}.",
    "Ular kobra masuk rumah warga di {place}.",
    "Tabrakan beruntun di {street}, dua mobil dan satu truk, tidak ada yang terjepit.",
    "Lansia jatuh di kamar mandi di {place}, tidak bisa bangun, keluarga panik.",
    "Caller reports smoke from a kiosk on {street} ({landmark}); no one inside.",
    "Pelapor menyebut alamat {street}, patokan {landmark}, nomor rumah belum jelas.",
    "Pelapor meminta ambulans, korban sesak napas dan dada nyeri.",
    "Jembatan kecil di {place} retak setelah hujan deras, warga menutup jalan.",
)
PROVINCE = "Jawa Tengah"
REGENCY = "Kota Semarang"
LAT_RANGE = (-7.10, -6.94)
LON_RANGE = (110.32, 110.50)

CALL_COLUMNS = (
    "id", "feed", "line", "external_id", "number_raw", "number_e164", "presentation", "number_description",
    "caller_name", "state", "ring_at", "answered_at", "ended_at", "classification", "answered_by",
    "console_id", "incident_id",
)  # fmt: skip
INCIDENT_COLUMNS = (
    "id", "number", "category", "priority", "status", "disposition", "created_at", "created_by",
    "console_id", "updated_at", "closed_at", "caller_name", "callback_number", "province", "regency",
    "district", "village", "rt", "rw", "street", "house_number", "postcode", "landmark", "lat", "lon",
)  # fmt: skip
ASSIGNMENT_COLUMNS = (
    "id", "incident_id", "unit_id", "dispatched_by", "dispatched_at", "acknowledged_at", "en_route_at",
    "on_scene_at", "patient_contact_at", "transporting_at", "at_hospital_at", "cleared_at", "cancelled_at",
)  # fmt: skip
NOTE_COLUMNS = ("incident_id", "at", "author_id", "console_id", "kind", "text")
HISTORY_COLUMNS = (
    "unit_id", "assignment_id", "incident_id", "from_status", "to_status", "at", "user_id", "console_id",
)  # fmt: skip
MILESTONE_COLUMNS = {
    UnitStatus.ACKNOWLEDGED: "acknowledged_at",
    UnitStatus.EN_ROUTE: "en_route_at",
    UnitStatus.ON_SCENE: "on_scene_at",
    UnitStatus.PATIENT_CONTACT: "patient_contact_at",
    UnitStatus.TRANSPORTING: "transporting_at",
    UnitStatus.AT_HOSPITAL: "at_hospital_at",
    UnitStatus.CLEARED: "cleared_at",
    UnitStatus.CANCELLED: "cancelled_at",
}
_ON_SCENE_OR_LATER = (
    UnitStatus.ON_SCENE,
    UnitStatus.PATIENT_CONTACT,
    UnitStatus.TRANSPORTING,
    UnitStatus.AT_HOSPITAL,
)


# --- time as integer microseconds since the Unix epoch (UTC) ---------------------------------------

T = TypeVar("T")
_day_text: dict[int, str] = {}


def ts(us: int) -> str:
    """The stored form of an instant: naive UTC, ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLAlchemy's)."""
    day, rest = divmod(us, DAY_US)
    text = _day_text.get(day)
    if text is None:
        text = _day_text[day] = (_EPOCH_DATE + timedelta(days=day)).isoformat()
    seconds, micro = divmod(rest, US)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return f"{text} {hours:02d}:{minutes:02d}:{seconds:02d}.{micro:06d}"


def to_us(instant: datetime) -> int:
    return (instant - EPOCH) // timedelta(microseconds=1)


def from_us(us: int) -> datetime:
    return EPOCH + timedelta(microseconds=us)


def check_representation() -> None:
    """Refuse to seed if ``ts`` does not write what the UTCDateTime column type itself writes."""
    dialect = sqlite_dialect.dialect()
    bind = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    assert bind is not None
    for us in (0, 1_700_000_000_000_000, 1_795_000_000_123_456, 1_764_000_000_000_001):
        expected = bind(from_us(us))
        if expected != ts(us):
            raise SystemExit(f"timestamp representation differs from UTCDateTime: {expected!r} != {ts(us)!r}")


# --- small random helpers --------------------------------------------------------------------------


class Picker(Generic[T]):
    """Weighted choice by bisection on cumulative weights (much faster than random.choices per draw)."""

    def __init__(self, items: Iterable[T], weights: Iterable[float]) -> None:
        self.items = list(items)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def span(rng: random.Random, seconds: tuple[float, float]) -> int:
    low, high = seconds
    return int((low + rng.random() * (high - low)) * US)


# --- the number pool -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PoolNumber:
    raw: str
    e164: str | None
    presentation: str
    description: str
    national: str
    cnam: str | None


def _candidate(rng: random.Random, prefixes: Picker[str], lengths: Picker[int]) -> str:
    if rng.random() < LANDLINE_SHARE:
        if rng.random() < 0.8:
            national = f"024{rng.choice('3678')}{rng.randrange(10**7):07d}"
        else:
            national = f"024{rng.choice('3678')}{rng.randrange(10**6):06d}"
    else:
        prefix = prefixes.pick(rng)
        rest = lengths.pick(rng) - len(prefix)
        national = f"{prefix}{rng.randrange(10**rest):0{rest}d}"
    if rng.random() < INTERNATIONAL_FORM_SHARE:
        return "+62" + national[1:]
    return national


def _garbled(rng: random.Random) -> str:
    """What a feed sometimes delivers: too short, too long, or a letter O for a zero."""
    kind = rng.randrange(3)
    if kind == 0:
        return f"08{rng.randrange(10**5):05d}"
    if kind == 1:
        return f"0812{rng.randrange(10**11):011d}"
    return f"O812{rng.randrange(10**8):08d}"


def _parse_chunk(raws: list[str]) -> list[tuple[str, str | None, str, str, str]]:
    out = []
    for raw in raws:
        number = parse_caller_number(raw)
        national = format_national(number.e164) if number.e164 else raw
        out.append((raw, number.e164, number.presentation.value, number.description, national))
    return out


def build_pool(rng: random.Random, size: int) -> list[PoolNumber]:
    """``size`` distinct numbers (by E.164), a few unparseable ones, parsed once on all cores."""
    prefixes = Picker([p for p, _ in MOBILE_PREFIXES], [w for _, w in MOBILE_PREFIXES])
    lengths = Picker([n for n, _ in MOBILE_LENGTHS], [w for _, w in MOBILE_LENGTHS])
    invalid_quota = int(size * INVALID_SHARE)
    seen_raw: set[str] = set()
    candidates: list[str] = []
    while len(candidates) < int(size * 1.03) + 100:
        raw = _candidate(rng, prefixes, lengths)
        if raw not in seen_raw:
            seen_raw.add(raw)
            candidates.append(raw)
    candidates.extend(_garbled(rng) for _ in range(invalid_quota))
    chunks = [candidates[i : i + 5000] for i in range(0, len(candidates), 5000)]
    workers = max(1, len(os.sched_getaffinity(0)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parsed = [row for chunk in pool.map(_parse_chunk, chunks) for row in chunk]
    numbers: list[PoolNumber] = []
    seen_e164: set[str] = set()
    invalid = 0
    for raw, e164, presentation, description, national in parsed:
        if e164 is None:
            if invalid >= invalid_quota or raw in seen_e164:
                continue
            invalid += 1
            seen_e164.add(raw)
        elif e164 in seen_e164:
            continue
        else:
            seen_e164.add(e164)
        landline = raw.startswith(("024", "+6224"))
        cnam = rng.choice(BUSINESS_NAMES) if landline and rng.random() < LANDLINE_NAME_SHARE else None
        numbers.append(PoolNumber(raw, e164, presentation, description, national, cnam))
    valid = [n for n in numbers if n.e164 is not None][: size - invalid]
    pool = valid + [n for n in numbers if n.e164 is None]
    rng.shuffle(pool)
    return pool


# --- set-up through the services -------------------------------------------------------------------


def set_up_console(path: Path, start: datetime) -> None:
    """The console, its users and the roster, written by the console's own services."""
    database = open_database(sqlite_url(path))
    try:
        ctx = accounts.register_console(database, ManualClock(start), ChangeBus(), CONSOLE_NAME, CONSOLE_HOST)
        supervisor = accounts.create_first_supervisor(ctx, *SUPERVISOR, PASSWORD, PASSWORD)
        admin = ctx.acting_as(supervisor)
        for username, full_name in CALL_TAKERS:
            accounts.create_user(admin, username, full_name, PASSWORD, PASSWORD, Role.CALL_TAKER)
        for username, full_name in DISPATCHERS:
            accounts.create_user(admin, username, full_name, PASSWORD, PASSWORD, Role.DISPATCHER)
        dispatching.load_roster(admin, load_demo_roster())
    finally:
        database.dispose()


# --- the bulk generator ----------------------------------------------------------------------------


@dataclass
class UnitState:
    id: int
    call_sign: str
    agency: AgencyType
    busy_until: int
    status: UnitStatus = UnitStatus.AVAILABLE
    since: int = 0


@dataclass
class Plan:
    """What the generator decides up front: call times, classes, and which incidents stay open."""

    ring: list[int]
    kinds: list[tuple[CallClass, bool]]
    open_plan: dict[int, IncidentStatus] = field(default_factory=dict)


@dataclass
class Counts:
    calls: Counter[str] = field(default_factory=Counter)
    incidents: Counter[str] = field(default_factory=Counter)
    dispositions: Counter[str] = field(default_factory=Counter)
    assignments: int = 0
    history: int = 0


class Generator:
    def __init__(
        self,
        args: argparse.Namespace,
        rng: random.Random,
        pool: list[PoolNumber],
        catalogue: Catalogue,
        units: list[UnitState],
        users: dict[str, int],
        console_id: int,
    ) -> None:
        self.args = args
        self.rng = rng
        self.pool = pool
        self.catalogue = catalogue
        self.units = units
        self.console_id = console_id
        self.call_takers = [users[u] for u, _ in CALL_TAKERS]
        self.dispatchers = [users[u] for u, _ in DISPATCHERS]
        self.end_us = to_us(args.end)
        self.start_us = self.end_us - round(args.years * 365.25) * DAY_US
        self.history_from = self.end_us - args.history_days * DAY_US
        self.counters: Counter[int] = Counter()
        self.counts = Counts()
        self.history: list[tuple[object, ...]] = []
        self.next_assignment = 1
        self.expected: dict[str, object] = {}
        self.units_by_agency: dict[AgencyType, list[UnitState]] = {}
        for unit in units:
            self.units_by_agency.setdefault(unit.agency, []).append(unit)
        weights = [CATEGORY_WEIGHTS.get(c.code, UNLISTED_CATEGORY_WEIGHT) for c in catalogue]
        self.categories = Picker(catalogue, weights)
        self.withheld = Picker([0, 1], [0.75, 0.25])
        self.general = Picker(
            range(2, len(pool) + 2), [rng.paretovariate(GENERAL_PARETO_ALPHA) for _ in range(len(pool))]
        )
        mobiles = [i + 2 for i, n in enumerate(pool) if n.e164 and not n.raw.startswith(("024", "+6224"))]
        # A tenth of the mobiles at most: a small pool (--smoke) keeps most numbers for other callers.
        pranksters = mobiles[: min(PRANKSTERS, max(1, len(mobiles) // 10))]
        self.pranksters = Picker(pranksters, [1 / (rank + 10) for rank in range(len(pranksters))])
        self.numbers = [
            PoolNumber(PRIVATE_MARKER, None, Presentation.PRIVATE.value, "", PRIVATE_MARKER, None),
            PoolNumber(
                UNAVAILABLE_MARKER, None, Presentation.UNAVAILABLE.value, "", UNAVAILABLE_MARKER, None
            ),
            *pool,
        ]
        self.units_per_incident = Picker(
            [n for n, _ in UNITS_PER_INCIDENT], [w for _, w in UNITS_PER_INCIDENT]
        )
        self.disp_dispatched = Picker(list(DISPOSITIONS_DISPATCHED), list(DISPOSITIONS_DISPATCHED.values()))
        self.disp_not = Picker(list(DISPOSITIONS_NOT_DISPATCHED), list(DISPOSITIONS_NOT_DISPATCHED.values()))
        self.districts = list(DISTRICTS)

    # The plan ------------------------------------------------------------------------------------

    def plan(self) -> Plan:
        args, rng = self.args, self.rng
        if not 0 < args.incidents < args.calls * 0.9:
            raise SystemExit("--incidents must be positive and well below --calls")
        cancelled = round(args.incidents * CANCELLED_INCIDENT_SHARE)
        emergencies = args.incidents - cancelled
        others = args.calls - emergencies
        total_weight = sum(OTHER_CLASS_WEIGHTS.values())
        class_counts = {c: round(others * w / total_weight) for c, w in OTHER_CLASS_WEIGHTS.items()}
        class_counts[CallClass.PRANK] += others - sum(class_counts.values())
        kinds: list[tuple[CallClass, bool]] = [(CallClass.EMERGENCY, True)] * emergencies
        linked = {c: round(cancelled * w) for c, w in CANCELLED_INCIDENT_CLASSES.items()}
        linked[CallClass.PRANK] += cancelled - sum(linked.values())
        for call_class, count in class_counts.items():
            with_incident = linked.get(call_class, 0)
            kinds += [(call_class, True)] * with_incident + [(call_class, False)] * (count - with_incident)
        rng.shuffle(kinds)
        busy_calls, busy_incidents = args.busy_shift
        if busy_calls:
            # The busy shift takes its incidents and other calls out of the shuffled whole, so the
            # totals stay --calls and --incidents; the rest spread over the years as before.
            with_incident = [i for i, kind in enumerate(kinds) if kind == (CallClass.EMERGENCY, True)]
            without = [i for i, kind in enumerate(kinds) if not kind[1]]
            taken = set(with_incident[:busy_incidents]) | set(without[: busy_calls - busy_incidents])
            busy = [kinds[i] for i in sorted(taken)]
            rest = [kind for i, kind in enumerate(kinds) if i not in taken]
            last = self.end_us - 10 * MINUTE_US
            first = last - 12 * HOUR_US
            busy_ring = [first + int(rng.random() * (last - first)) for _ in busy]
            pairs = sorted(zip(self._ring_times(len(rest)) + busy_ring, rest + busy, strict=True))
            ring = [at for at, _ in pairs]
            kinds = [kind for _, kind in pairs]
        else:
            ring = self._ring_times(len(kinds))
        plan = Plan(ring, kinds)
        # The active board: the most recent emergencies stay open, newest least advanced.
        recent = [i for i in range(len(kinds) - 1, -1, -1) if kinds[i] == (CallClass.EMERGENCY, True)]
        still_open = args.open - 1
        new = max(1, round(still_open * 0.13))
        awaiting = max(1, round(still_open * 0.43))
        dispatched = max(1, round(still_open * 0.23))
        for position, index in enumerate(recent[:still_open]):
            if position < new:
                status = IncidentStatus.NEW
            elif position < new + awaiting:
                status = IncidentStatus.AWAITING_DISPATCH
            elif position < new + awaiting + dispatched:
                status = IncidentStatus.DISPATCHED
            else:
                status = IncidentStatus.ON_SCENE
            plan.open_plan[index] = status
        three_days_ago = self.end_us - 3 * DAY_US
        reopened = next(
            (i for i in reversed(recent[still_open:]) if ring[i] >= three_days_ago), recent[still_open]
        )
        plan.open_plan[reopened] = IncidentStatus.REOPENED
        return plan

    def _ring_times(self, count: int) -> list[int]:
        rng = self.rng
        last = self.end_us - 10 * MINUTE_US
        base = (self.start_us + WIB_US) // DAY_US * DAY_US - WIB_US
        days = (last - base) // DAY_US + 1
        hours = Picker(range(24), HOURLY_WEIGHTS)
        times: list[int] = []
        while len(times) < count:
            t = base + int(rng.random() * days) * DAY_US + hours.pick(rng) * HOUR_US
            t += int(rng.random() * HOUR_US)
            if self.start_us <= t < last:
                times.append(t)
        times.sort()
        return times

    # Rows ----------------------------------------------------------------------------------------

    def rows(self, plan: Plan) -> Iterator[tuple[list[tuple[object, ...]], ...]]:
        """Batches of (call rows, incident rows, assignment rows, note rows), in time order."""
        rng = self.rng
        calls: list[tuple[object, ...]] = []
        incidents: list[tuple[object, ...]] = []
        assignments: list[tuple[object, ...]] = []
        notes: list[tuple[object, ...]] = []
        incident_id = 0
        for index, (ring, (call_class, has_incident)) in enumerate(zip(plan.ring, plan.kinds, strict=True)):
            call_id = index + 1
            number = self._number(call_class)
            if call_class is CallClass.ABANDONED:
                answered = answered_by = console = None
                ended = ring + span(rng, ABANDONED_RING_SECONDS)
            else:
                answered = ring + span(rng, ANSWER_SECONDS)
                ended = answered + span(rng, TALK_SECONDS[call_class])
                answered_by = rng.choice(self.call_takers)
                console = self.console_id
            linked_id = None
            if has_incident:
                assert answered is not None
                assert answered_by is not None
                incident_id += 1
                linked_id = incident_id
                incidents.append(
                    self._incident(
                        incident_id,
                        call_class,
                        answered,
                        ended,
                        answered_by,
                        number,
                        plan.open_plan.get(index),
                        assignments,
                    )
                )
                for line in range(self.args.notes):
                    at = min(answered + (line + 1) * span(rng, (15, 120)), self.end_us - MINUTE_US)
                    notes.append((incident_id, ts(at), answered_by, console, "narrative", self._note_text()))
            self.counts.calls[call_class.value] += 1
            row = (
                call_id, FEED, str(1 + int(rng.random() * 4)), None, number.raw, number.e164,
                number.presentation, number.description, number.cnam, CallState.ENDED.value, ts(ring),
                None if answered is None else ts(answered), ts(ended), call_class.value, answered_by,
                console, linked_id,
            )  # fmt: skip
            calls.append(row)
            if index == 0:
                self.expected["first_call_ring_at"] = from_us(ring)
            if index == len(plan.ring) - 1:
                self.expected["last_call_ring_at"] = from_us(ring)
            if len(calls) >= BATCH:
                yield calls, incidents, assignments, notes
                calls, incidents, assignments, notes = [], [], [], []
        yield calls, incidents, assignments, notes

    def _note_text(self) -> str:
        rng = self.rng
        district = rng.choice(self.districts)
        return rng.choice(NOTE_TEMPLATES).format(
            place=f"{rng.choice(DISTRICTS[district])}, {district}",
            street=rng.choice(STREETS),
            landmark=rng.choice(LANDMARKS),
        )

    def _number(self, call_class: CallClass) -> PoolNumber:
        rng = self.rng
        if rng.random() < WITHHELD_SHARE.get(call_class, DEFAULT_WITHHELD_SHARE):
            return self.numbers[self.withheld.pick(rng)]
        if call_class in (CallClass.PRANK, CallClass.SILENT) and rng.random() < PRANKSTER_SHARE:
            return self.numbers[self.pranksters.pick(rng)]
        return self.numbers[self.general.pick(rng)]

    def _incident(
        self,
        incident_id: int,
        call_class: CallClass,
        created: int,
        call_ended: int,
        call_taker: int,
        number: PoolNumber,
        open_status: IncidentStatus | None,
        assignments: list[tuple[object, ...]],
    ) -> tuple[object, ...]:
        rng = self.rng
        year = from_us(created).year
        self.counters[year] += 1
        incident_number = f"{year:04d}-{self.counters[year]:06d}"
        callback = number.national if number.presentation == Presentation.ALLOWED.value else ""
        caller_name = rng.choice(NAMES) if rng.random() < 0.75 else ""
        if call_class is not CallClass.EMERGENCY:
            # Answered, then classified as not an emergency: the incident is cancelled at once.
            self.counts.incidents[IncidentStatus.CANCELLED.value] += 1
            self.counts.dispositions[Disposition.NON_EMERGENCY.value] += 1
            return (
                incident_id, incident_number, None, Priority.P3.value, IncidentStatus.CANCELLED.value,
                Disposition.NON_EMERGENCY.value, ts(created), call_taker, self.console_id, ts(call_ended),
                ts(call_ended), "", callback, "", "", "", "", "", "", "", "", "", "", None, None,
            )  # fmt: skip
        category = self.categories.pick(rng)
        priority = category.default_priority.value
        if rng.random() < 0.15:
            shifted = PRIORITIES.index(Priority(priority)) + rng.choice((-1, 1))
            priority = PRIORITIES[min(max(shifted, 0), len(PRIORITIES) - 1)].value
        location = self._location()
        code = category.code
        if open_status is IncidentStatus.NEW:
            # Just answered: no category yet, the call-taker is still typing the address.
            category_code, priority = None, Priority.P3.value
            location = (*location[:4], "", "", location[6], "", "", "", None, None)
        else:
            category_code = code
        limit = self.end_us - MINUTE_US
        status, disposition, closed, updated = IncidentStatus.CLOSED, None, None, created
        sent: list[tuple[int, list[tuple[UnitStatus, int]], UnitState]] = []
        if open_status in (IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE):
            # The status is derived from the units, as refresh_status does.
            sent = self._dispatch(category, created, limit, open_status)
            if not sent:
                status = IncidentStatus.AWAITING_DISPATCH
            elif any(steps[-1][0] in _ON_SCENE_OR_LATER for _, steps, _ in sent):
                status = IncidentStatus.ON_SCENE
            else:
                status = IncidentStatus.DISPATCHED
            updated = max(steps[-1][1] for _, steps, _ in sent) if sent else created + MINUTE_US
        elif open_status in (IncidentStatus.NEW, IncidentStatus.AWAITING_DISPATCH):
            status = open_status
            updated = min(created + span(rng, (20, 240)), limit)
        else:
            chance = DISPATCH_CHANCE.get(code, DEFAULT_DISPATCH_CHANCE) * DISPATCH_SCALE
            if rng.random() < chance:
                sent = self._dispatch(category, created, limit, None)
            finished = max((steps[-1][1] for _, steps, _ in sent), default=created + span(rng, (300, 3600)))
            closed = min(finished + span(rng, (60, 900)), limit)
            if any(status is UnitStatus.TRANSPORTING for _, steps, _ in sent for status, _ in steps):
                disposition = Disposition.TRANSPORTED
            else:
                picker = self.disp_dispatched if sent else self.disp_not
                disposition = picker.pick(rng)
            updated = closed
            if open_status is IncidentStatus.REOPENED:
                status, disposition = IncidentStatus.REOPENED, None
                closed, updated = None, self.end_us - span(rng, (3600, 3 * 3600))
        for dispatched_at, steps, unit in sent:
            assignments.append(self._assignment(incident_id, unit, dispatched_at, steps))
        self.counts.incidents[status.value] += 1
        if disposition is not None:
            self.counts.dispositions[disposition.value] += 1
        return (
            incident_id, incident_number, category_code, priority, status.value,
            None if disposition is None else disposition.value, ts(created), call_taker, self.console_id,
            ts(updated), None if closed is None else ts(closed), caller_name, callback, *location,
        )  # fmt: skip

    def _location(self) -> tuple[object, ...]:
        rng = self.rng
        district = rng.choice(self.districts)
        village = rng.choice(DISTRICTS[district])
        street = rng.choice(STREETS) if rng.random() < 0.85 else ""
        house = str(rng.randrange(1, 250)) if street and rng.random() < 0.6 else ""
        rt = f"{rng.randrange(1, 15):03d}" if rng.random() < 0.7 else ""
        rw = f"{rng.randrange(1, 12):03d}" if rt else ""
        postcode = f"50{rng.randrange(111, 279)}" if rng.random() < 0.3 else ""
        landmark = rng.choice(LANDMARKS) if rng.random() < 0.3 else ""
        if rng.random() < 0.85:
            lat = round(LAT_RANGE[0] + rng.random() * (LAT_RANGE[1] - LAT_RANGE[0]), 6)
            lon = round(LON_RANGE[0] + rng.random() * (LON_RANGE[1] - LON_RANGE[0]), 6)
        else:
            lat = lon = None
        return (PROVINCE, REGENCY, district, village, rt, rw, street, house, postcode, landmark, lat, lon)

    def _dispatch(
        self, category: Category, created: int, limit: int, open_status: IncidentStatus | None
    ) -> list[tuple[int, list[tuple[UnitStatus, int]], UnitState]]:
        """Free units of the category's agencies, each with its milestones (compressed before ``limit``)."""
        rng = self.rng
        agencies = category.agencies
        wanted = self.units_per_incident.pick(rng)
        if open_status is not None:
            wanted = min(wanted, 2)
        first = created + span(rng, (60, 420))
        if first >= limit:
            return []
        sent: list[tuple[int, list[tuple[UnitStatus, int]], UnitState]] = []
        for slot in range(wanted):
            at = first if slot == 0 else min(first + span(rng, (0, 600)), limit - MINUTE_US)
            agency = agencies[slot % len(agencies)]
            chosen = {unit.id for _, _, unit in sent}
            free = [
                u for u in self.units_by_agency.get(agency, []) if u.busy_until <= at and u.id not in chosen
            ]
            if not free:
                continue
            unit = rng.choice(free)
            steps = self._milestones(unit, at, limit, open_status)
            sent.append((at, steps, unit))
            if open_status is None:
                done = steps[-1][1] + span(rng, (30, 300))
                unit.busy_until = done
                if done <= self.end_us:
                    unit.status, unit.since = UnitStatus.AVAILABLE, done
                else:
                    unit.status, unit.since = steps[-1]
            else:
                unit.busy_until = self.end_us + DAY_US
                unit.status, unit.since = steps[-1]
        return sent

    def _milestones(
        self, unit: UnitState, dispatched: int, limit: int, open_status: IncidentStatus | None
    ) -> list[tuple[UnitStatus, int]]:
        rng = self.rng
        s = UnitStatus
        steps = [
            (s.DISPATCHED, 0),
            (s.ACKNOWLEDGED, span(rng, (10, 120))),
            (s.EN_ROUTE, span(rng, (20, 180))),
        ]
        medical = unit.agency is AgencyType.MEDICAL
        if open_status is None and rng.random() < CANCEL_SHARE:
            steps.append((s.CANCELLED, span(rng, (60, 600))))
        else:
            steps.append((s.ON_SCENE, span(rng, (240, 1500))))
            if medical:
                steps.append((s.PATIENT_CONTACT, span(rng, (30, 300))))
                if rng.random() < TRANSPORT_SHARE:
                    steps.append((s.TRANSPORTING, span(rng, (300, 1200))))
                    steps.append((s.AT_HOSPITAL, span(rng, (300, 1500))))
                steps.append((s.CLEARED, span(rng, (600, 2400))))
            else:
                steps.append((s.CLEARED, span(rng, (600, 5400))))
        if open_status is IncidentStatus.DISPATCHED:
            steps = steps[: rng.randrange(1, 4)]
        elif open_status is IncidentStatus.ON_SCENE:
            last = max(i for i, (status, _) in enumerate(steps) if status in _ON_SCENE_OR_LATER)
            on_scene = next(i for i, (status, _) in enumerate(steps) if status is s.ON_SCENE)
            steps = steps[: rng.randrange(on_scene, last + 1) + 1]
        total = sum(offset for _, offset in steps)
        room = limit - dispatched
        scale = min(1.0, room / total) if total else 1.0
        at = dispatched
        timed = []
        for status, offset in steps:
            at += int(offset * scale)
            timed.append((status, at))
        return timed

    def _assignment(
        self, incident_id: int, unit: UnitState, dispatched: int, steps: list[tuple[UnitStatus, int]]
    ) -> tuple[object, ...]:
        assignment_id = self.next_assignment
        self.next_assignment += 1
        self.counts.assignments += 1
        dispatcher = self.rng.choice(self.dispatchers)
        columns: dict[str, str] = {}
        for status, at in steps:
            column = MILESTONE_COLUMNS.get(status)
            if column is not None:
                columns[column] = ts(at)
        if dispatched >= self.history_from:
            before = UnitStatus.AVAILABLE.value
            for status, at in steps:
                self.history.append(
                    (
                        unit.id,
                        assignment_id,
                        incident_id,
                        before,
                        status.value,
                        at,
                        dispatcher,
                        self.console_id,
                    )
                )
                before = status.value
            if steps[-1][0] in (UnitStatus.CLEARED, UnitStatus.CANCELLED) and unit.busy_until <= self.end_us:
                self.history.append(
                    (unit.id, None, None, before, UnitStatus.AVAILABLE.value, unit.busy_until, dispatcher,
                     self.console_id)
                )  # fmt: skip
        return (
            assignment_id, incident_id, unit.id, dispatcher, ts(dispatched),
            *(columns.get(name) for name in ASSIGNMENT_COLUMNS[5:]),
        )  # fmt: skip

    def side_statuses(self) -> list[tuple[int, UnitStatus, int]]:
        """One unit out of service and one off duty, among those idle for the last two hours."""
        idle = [
            u for u in self.units if u.status is UnitStatus.AVAILABLE and u.since < self.end_us - 2 * HOUR_US
        ]
        changes = []
        for unit, status in zip(
            self.rng.sample(idle, 2), (UnitStatus.OUT_OF_SERVICE, UnitStatus.OFF_DUTY), strict=True
        ):
            at = self.end_us - span(self.rng, (1800, 5400))
            self.history.append(
                (
                    unit.id,
                    None,
                    None,
                    unit.status.value,
                    status.value,
                    at,
                    self.dispatchers[0],
                    self.console_id,
                )
            )
            unit.status, unit.since = status, at
            changes.append((unit.id, status, at))
        return changes


# --- writing ---------------------------------------------------------------------------------------


def insert(connection: sqlite3.Connection, table: str, columns: Sequence[str], rows: list) -> None:
    if not rows:
        return
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    connection.execute("BEGIN")
    connection.executemany(sql, rows)
    connection.execute("COMMIT")


def bulk_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=MEMORY")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-524288")
    connection.execute("PRAGMA temp_store=MEMORY")
    return connection


def verify(connection: sqlite3.Connection, counters: Counter[int]) -> list[str]:
    problems = []
    found = dict(connection.execute("SELECT year, last FROM incident_counters"))
    numbered = {
        int(year): (count, int(top))
        for year, count, top in connection.execute(
            "SELECT substr(number, 1, 4), count(*), max(substr(number, 6)) FROM incidents GROUP BY 1"
        )
    }
    for year, (count, top) in numbered.items():
        if found.get(year) != top or count != top:
            problems.append(
                f"incident numbers of {year}: {count} rows, highest {top}, counter {found.get(year)}"
            )
    if dict(counters) != found:
        problems.append(f"counters {found} != generated {dict(counters)}")
    unlinked = connection.execute(
        "SELECT count(*) FROM incidents"
        " WHERE id NOT IN (SELECT incident_id FROM calls WHERE incident_id IS NOT NULL)"
    ).fetchone()[0]
    if unlinked:
        problems.append(f"{unlinked} incidents without a call")
    fk = connection.execute("PRAGMA foreign_key_check").fetchmany(5)
    if fk:
        problems.append(f"foreign key violations, e.g. {fk}")
    return problems


def read_back(path: Path, expected: dict[str, object], calls: int) -> list[str]:
    """Through the ORM, as the console reads: every timestamp must come back aware and in UTC."""
    problems = []
    database = open_database(sqlite_url(path))
    try:
        with database.sessions() as session:
            first, last = session.get(Call, 1), session.get(Call, calls)
            incident = session.scalars(select(Incident).order_by(Incident.id.desc()).limit(1)).one()
            assignment = session.scalars(select(Assignment).order_by(Assignment.id.desc()).limit(1)).first()
            unit = session.scalars(select(Unit).limit(1)).one()
            assert first is not None
            assert last is not None
            values = {
                "first call ring_at": first.ring_at,
                "last call ring_at": last.ring_at,
                "last call ended_at": last.ended_at,
                "last incident created_at": incident.created_at,
                "last incident updated_at": incident.updated_at,
                "unit status_since": unit.status_since,
            }
            if assignment is not None:
                values["last assignment dispatched_at"] = assignment.dispatched_at
            for name, value in values.items():
                if value is None or value.tzinfo is not UTC:
                    problems.append(f"{name} is {value!r}, not an aware UTC datetime")
            if first.ring_at != expected["first_call_ring_at"]:
                problems.append(f"first call ring_at {first.ring_at} != {expected['first_call_ring_at']}")
            if last.ring_at != expected["last_call_ring_at"]:
                problems.append(f"last call ring_at {last.ring_at} != {expected['last_call_ring_at']}")
            print(f"  read back through the ORM: call 1 rang {first.ring_at!r}")
            print(f"  read back through the ORM: incident {incident.number} created {incident.created_at!r}")
    finally:
        database.dispose()
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed", description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the SQLite file to create (must not exist)")
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--incidents", type=int, default=300_000)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--numbers", type=int, default=150_000, help="size of the caller number pool")
    parser.add_argument("--open", type=int, default=40, help="incidents left open on the active board")
    parser.add_argument(
        "--busy-shift",
        type=_busy_shift,
        default=(5_000, 800),
        metavar="CALLS:INCIDENTS",
        help="calls and incidents of the busy last 12 hours, out of the totals (default 5000:800; 0:0 none)",
    )
    parser.add_argument("--notes", type=int, default=1, help="narrative notes per incident (default 1)")
    parser.add_argument("--history-days", type=int, default=90, help="days of unit status history to write")
    parser.add_argument(
        "--end",
        type=_instant,
        default=DEFAULT_END,
        help="fixed end of the data, ISO 8601 (default %(default)s)",
    )
    parser.add_argument("--replace", action="store_true", help="delete PATH (and its -wal, -shm) first")
    parser.add_argument(
        "--no-analyze", action="store_true", help="leave out ANALYZE (as a console never runs it)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a toy database (3,000 calls, 1,000 incidents, 1,000 numbers) for checking the benchmarks",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.calls, args.incidents, args.numbers = 3_000, 1_000, 1_000
        args.busy_shift = (300, 50)
    path: Path = args.path
    if path.exists():
        if not args.replace:
            parser.error(f"{path} exists; pass --replace to delete it first")
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)

    check_representation()
    began = time.perf_counter()
    phase = began

    def lap(what: str) -> None:
        nonlocal phase
        now = time.perf_counter()
        print(f"{what:<48} {now - phase:7.1f} s")
        phase = now

    rng = random.Random(args.seed)
    pool = build_pool(rng, args.numbers)
    lap(f"number pool ({len(pool):,} numbers parsed)")
    start = args.end - timedelta(days=round(args.years * 365.25))
    set_up_console(path, start)
    lap("schema (Alembic), console, users, roster")

    connection = bulk_connection(path)
    console_id = connection.execute("SELECT id FROM consoles WHERE name = ?", (CONSOLE_NAME,)).fetchone()[0]
    users = dict(connection.execute("SELECT username, id FROM users"))
    units = [
        UnitState(unit_id, sign, AgencyType(agency), busy_until=0, since=to_us(start))
        for unit_id, sign, agency in connection.execute(
            "SELECT id, call_sign, agency_type FROM units ORDER BY id"
        )
    ]
    generator = Generator(args, rng, pool, load_default_catalogue(), units, users, console_id)
    plan = generator.plan()
    lap("plan (ring times, classes)")
    written = 0
    for calls, incidents, assignments, notes in generator.rows(plan):
        insert(connection, "incidents", INCIDENT_COLUMNS, incidents)
        insert(connection, "assignments", ASSIGNMENT_COLUMNS, assignments)
        insert(connection, "calls", CALL_COLUMNS, calls)
        insert(connection, "incident_notes", NOTE_COLUMNS, notes)
        written += len(calls)
        if written % 200_000 == 0:
            print(f"  {written:,} calls", flush=True)
    lap("calls, incidents, assignments")

    for unit_id, status, at in generator.side_statuses():
        print(f"  unit {unit_id} {status.value} since {from_us(at)}")
    history = sorted(generator.history, key=lambda row: row[5])
    insert(connection, "unit_status_history", HISTORY_COLUMNS, [(*r[:5], ts(r[5]), *r[6:]) for r in history])
    generator.counts.history = len(history)
    connection.execute("BEGIN")
    connection.executemany(
        "UPDATE units SET status = ?, status_since = ? WHERE id = ?",
        [(u.status.value, ts(u.since), u.id) for u in units],
    )
    connection.executemany(
        "INSERT INTO incident_counters (year, last) VALUES (?, ?)", sorted(generator.counters.items())
    )
    connection.execute("COMMIT")
    lap("unit status history, unit statuses, counters")

    problems = verify(connection, generator.counters)
    lap("checks (counters, links, foreign keys)")
    if not args.no_analyze:
        connection.execute("ANALYZE")
        lap("ANALYZE")
    connection.execute("PRAGMA journal_mode=WAL")
    tables = [
        "calls", "incidents", "assignments", "unit_status_history", "incident_notes", "units", "users",
        "consoles", "incident_counters", "audit_log",
    ]  # fmt: skip
    counts = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    top = connection.execute(
        "SELECT number_e164, count(*) FROM calls WHERE number_e164 IS NOT NULL "
        "GROUP BY number_e164 ORDER BY 2 DESC LIMIT 3"
    ).fetchall()
    spread = connection.execute(
        "SELECT count(*), sum(n = 1), sum(n >= 10), sum(n >= 100) FROM "
        "(SELECT count(*) AS n FROM calls WHERE number_e164 IS NOT NULL GROUP BY number_e164)"
    ).fetchone()
    connection.close()
    problems += read_back(path, generator.expected, args.calls)
    lap("read back through the ORM")

    total = time.perf_counter() - began
    size = path.stat().st_size
    print()
    print(f"seeded {path} in {total:.1f} s, {size / 2**20:,.1f} MiB")
    for table, count in counts.items():
        print(f"  {table:<22} {count:>10,}")
    shares = ", ".join(f"{c} {n / args.calls:.1%}" for c, n in generator.counts.calls.most_common())
    print(f"  call classes: {shares}")
    print(f"  incident statuses: {dict(generator.counts.incidents.most_common())}")
    print(f"  dispositions: {dict(generator.counts.dispositions.most_common())}")
    print(
        f"  numbers with E.164: {spread[0]:,} called; {spread[1]:,} once, {spread[2]:,} 10+ times, "
        f"{spread[3]:,} 100+ times; most frequent {', '.join(f'{n} ({c:,})' for n, c in top)}"
    )
    print(f"  data from {start.isoformat()} to {args.end.isoformat()}")
    if problems:
        print("PROBLEMS:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    return 0


def _busy_shift(text: str) -> tuple[int, int]:
    calls, _, incidents = text.partition(":")
    try:
        pair = (int(calls), int(incidents))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected CALLS:INCIDENTS, got {text!r}") from None
    if pair[0] < 0 or not 0 <= pair[1] <= pair[0]:
        raise argparse.ArgumentTypeError(f"expected 0 <= INCIDENTS <= CALLS, got {text!r}")
    return pair


def _instant(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


if __name__ == "__main__":
    raise SystemExit(main())
