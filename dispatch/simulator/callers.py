"""Reproducible simulated 112 callers for Kota Semarang, for training mode.

The mix follows DOMAIN.md: in Semarang 2025, 38.6 % of 22,021 calls were prank or ghost (silent) calls;
a few percent are information requests, wrong numbers and calls abandoned before answer; the rest are
emergencies, with medical emergencies and traffic accidents most common. Duplicate calls about an incident
already open are not generated here (they need the simulator's incident state).

Every random draw comes from the generator's own :class:`random.Random`, so the same seed and catalogue
give the same callers in the same order.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from dispatch.domain.catalogue import Catalogue, Category
from dispatch.domain.enums import CallClass, Presentation
from dispatch.domain.leftovers import SIMULATED_LONGEST_RING

_T = TypeVar("_T")

#: Share of each class among generated calls (sums to 1). Prank + silent = 39 %, as Semarang 2025.
CLASS_WEIGHTS: Mapping[CallClass, float] = MappingProxyType(
    {
        CallClass.EMERGENCY: 0.49,
        CallClass.PRANK: 0.22,
        CallClass.SILENT: 0.17,
        CallClass.INFORMATION: 0.05,
        CallClass.ABANDONED: 0.04,
        CallClass.WRONG_NUMBER: 0.03,
    }
)

#: Relative weight of each category among emergencies; MED and LAKA most common.
CATEGORY_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "MED": 0.22,
        "LAKA": 0.17,
        "HEWAN": 0.08,
        "FIRE": 0.07,
        "CRIM": 0.07,
        "POHON": 0.07,
        "BENC": 0.05,
        "TAWUR": 0.04,
        "LISTR": 0.04,
        "KDRT": 0.03,
        "AIR": 0.03,
        "JALAN": 0.03,
        "JENAZ": 0.03,
        "SOS": 0.03,
        "TENGG": 0.02,
        "MAYAT": 0.015,
    }
)
#: Weight of a category a supervisor added that the table above does not know.
UNLISTED_CATEGORY_WEIGHT = 0.01

WITHHELD_SHARE = 0.05
UNAVAILABLE_SHARE = 0.02
#: Share of all calls that arrive with a caller-ID name.
NAME_SHARE = 0.40
#: Share of presented numbers that are Semarang landlines rather than mobiles.
LANDLINE_SHARE = 0.08
#: Share of presented numbers sent in international form (+62...) rather than national (08...).
INTERNATIONAL_FORM_SHARE = 0.2
#: Share of prank calls (with a presented number) that come from the pool of repeat pranksters.
REPEAT_PRANK_SHARE = 0.5
PRANK_POOL_SIZE = 8

WITHHELD_MARKER = "P"
UNAVAILABLE_MARKER = "O"

#: Indonesian mobile prefixes and a relative weight (Telkomsel's ranges carry most subscribers).
MOBILE_PREFIXES: tuple[tuple[str, float], ...] = (
    *((prefix, 2.0) for prefix in ("0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853")),
    *((prefix, 1.0) for prefix in ("0855", "0856", "0857", "0858", "0859", "0877", "0878")),
    *((prefix, 0.5) for prefix in ("0881", "0882", "0883", "0884", "0885", "0886", "0887", "0888", "0889")),
    *((prefix, 1.0) for prefix in ("0895", "0896", "0897", "0898", "0899")),
)
#: Total digits of a national mobile number (with the leading 0) and how often each occurs.
MOBILE_LENGTHS: tuple[tuple[int, float], ...] = ((11, 0.3), (12, 0.6), (13, 0.1))
SEMARANG_AREA_CODE = "024"

CALLER_NAMES: tuple[str, ...] = (
    "Budi Santoso",
    "Siti Rahayu",
    "Agus Setiawan",
    "Dewi Lestari",
    "Sri Wahyuni",
    "Slamet Riyadi",
    "Joko Susilo",
    "Endang Sulistyowati",
    "Bambang Hartono",
    "Rina Kurniawati",
    "Eko Prasetyo",
    "Tri Handayani",
    "Heru Purnomo",
    "Yuliana Sari",
    "Wahyu Hidayat",
    "Nur Aini",
    "Ahmad Fauzi",
    "Muhammad Rizki",
    "Fitri Anggraini",
    "Rudi Hartanto",
    "Suparmi",
    "Sutrisno",
    "Sugeng Widodo",
    "Dian Permatasari",
    "Andi Saputra",
    "Rahmat Hidayat",
    "Putri Ayu Lestari",
    "Hendra Gunawan",
    "Yohanes Kristanto",
    "Fransiska Wulandari",
    "Teguh Prasetyo",
    "Winarni",
    "Purwanto",
    "Nurul Hidayah",
    "Dimas Aditya",
    "Anisa Rahmawati",
    "Lina Wijaya",
    "Rizal Siregar",
    "Made Suarta",
    "Maria Ulfa",
)

#: Landmarks and streets callers name instead of an address.
PLACES: tuple[str, ...] = (
    "Pasar Johar",
    "Simpang Lima",
    "Tugu Muda",
    "Lawang Sewu",
    "Jalan Pemuda",
    "Jalan Kaligawe",
    "Tanjakan Gombel",
    "Jalan Setiabudi",
    "Kota Lama",
    "Pasar Bulu",
    "Jalan Majapahit",
    "Tlogosari",
    "Pedurungan",
    "Banyumanik",
    "Tembalang",
    "Ngaliyan",
    "Mijen",
    "Genuk",
    "Jalan Siliwangi",
    "Pasar Karangayu",
    "Jatingaleh",
    "Sampangan",
    "Bundaran Kalibanteng",
    "Stasiun Tawang",
    "Pasar Peterongan",
    "Masjid Agung Jawa Tengah",
)

#: What a caller says first, per category; ``{place}`` is filled from :data:`PLACES`.
CATEGORY_LINES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "MED": (
            "Tolong, bapak saya pingsan dan tidak sadar, kami di dekat {place}.",
            "Ada ibu mau melahirkan, butuh ambulans ke {place}, cepat!",
            "Tetangga saya sesak napas parah, tolong kirim ambulans ke {place}.",
            "Ada orang jatuh dari tangga, kepalanya berdarah, di {place}.",
            "Nenek saya tiba-tiba tidak bisa bicara, mulutnya mencong, di {place}.",
        ),
        "LAKA": (
            "Ada kecelakaan motor sama truk di {place}, korbannya dua orang!",
            "Tolong, ada tabrakan di {place}, orangnya tidak bergerak.",
            "Mobil terguling di {place}, tolong cepat kirim bantuan!",
            "Ada pengendara motor jatuh sendiri di {place}, kakinya patah sepertinya.",
        ),
        "FIRE": (
            "Tolong, ada rumah terbakar di dekat {place}!",
            "Ada kebakaran gudang di {place}, apinya besar sekali!",
            "Asap tebal keluar dari ruko di {place}, tolong kirim damkar.",
            "Lahan kosong di {place} terbakar, apinya merambat ke rumah warga.",
        ),
        "CRIM": (
            "Ada maling motor ditangkap warga di {place}, mau dihakimi massa.",
            "Saya barusan dijambret di {place}, tas saya dibawa lari.",
            "Toko di {place} dibobol orang, pelakunya masih di dalam.",
            "Ada orang mabuk bawa pisau mengancam warga di {place}.",
        ),
        "TAWUR": (
            "Ada tawuran pelajar di {place}, mereka bawa senjata tajam!",
            "Ada balap liar di {place}, ramai sekali dan membahayakan warga.",
            "Dua kelompok pemuda saling lempar batu di {place}.",
        ),
        "KDRT": (
            "Tolong, tetangga saya dipukuli suaminya terus, di {place}.",
            "Ada anak kecil menangis dan dipukuli di rumah sebelah, dekat {place}.",
            "Saya dipukul suami saya, sekarang saya sembunyi di warung dekat {place}.",
        ),
        "BENC": (
            "Banjir sudah setinggi pinggang di {place}, ada lansia terjebak.",
            "Ada longsor menimpa rumah di {place}, ada orang di dalam.",
            "Angin puting beliung merusak atap rumah-rumah di {place}.",
            "Air rob masuk ke rumah-rumah di {place}, makin tinggi.",
        ),
        "POHON": (
            "Ada pohon tumbang menutup jalan di {place}.",
            "Pohon besar roboh menimpa mobil di {place}.",
            "Dahan pohon patah menimpa kabel di {place}, jalan tidak bisa lewat.",
        ),
        "HEWAN": (
            "Ada ular kobra masuk ke rumah saya di {place}, tolong!",
            "Ada sarang tawon besar di atap rumah saya dekat {place}.",
            "Ada biawak besar masuk dapur, di {place}.",
            "Ada ular sanca di selokan dekat {place}, anak-anak main di situ.",
        ),
        "TENGG": (
            "Ada anak tenggelam di sungai dekat {place}!",
            "Teman saya terseret arus di kali dekat {place}, belum muncul.",
            "Kakek saya pergi sejak kemarin dan belum pulang, terakhir terlihat di {place}.",
        ),
        "LISTR": (
            "Ada kabel listrik putus dan memercik api di {place}.",
            "Trafo di {place} meledak, listrik padam semua.",
            "Tiang listrik korsleting, keluar api, di {place}.",
        ),
        "AIR": (
            "Pipa PDAM bocor, airnya menyembur ke jalan di {place}.",
            "Ada pipa air besar pecah di {place}, jalannya sampai tergenang.",
        ),
        "JALAN": (
            "Lampu lalu lintas di {place} mati, jalan macet total.",
            "Ada lubang besar di jalan dekat {place}, sudah ada motor jatuh.",
            "Tiang reklame miring hampir roboh ke jalan di {place}.",
        ),
        "MAYAT": (
            "Ada mayat mengapung di sungai dekat {place}.",
            "Warga menemukan orang meninggal di pos ronda dekat {place}.",
        ),
        "JENAZ": (
            "Saya butuh mobil jenazah, keluarga kami meninggal di rumah, di {place}.",
            "Mau minta mobil jenazah dari rumah sakit ke rumah duka di {place}.",
        ),
        "SOS": (
            "Ada orang dengan gangguan jiwa mengamuk di {place}.",
            "Ada ibu tua terlantar tidur di emperan toko di {place}.",
            "Ada anak jalanan kecil sendirian menangis di {place}.",
        ),
    }
)
#: For a category the table above does not know; ``{label}`` is the Indonesian label.
GENERIC_EMERGENCY_LINE = "Halo, saya mau melapor, ada {label} di {place}."

CLASS_LINES: Mapping[CallClass, tuple[str, ...]] = MappingProxyType(
    {
        CallClass.PRANK: (
            "Halo... hahaha",
            "Halo, ini polisi ya? Tangkap hatiku dong, hahaha.",
            "Pak, pacar saya hilang... hilang rasa sayangnya, hahaha.",
            "Halo halo, tes suara, hihihi.",
            "Mas, pesan pizza satu ya.",
            "Halo? Halo?",
        ),
        CallClass.INFORMATION: (
            "Mau tanya, nomor telepon RSUP Kariadi berapa ya?",
            "Pak, Jalan Kaligawe masih banjir tidak ya?",
            "Kalau mau bikin SKCK di mana ya, Pak?",
            "Mau tanya, apotek yang buka 24 jam di dekat {place} di mana ya?",
            "Ini nomor darurat untuk apa saja ya, Bu?",
        ),
        CallClass.WRONG_NUMBER: (
            "Halo, ini bengkel Pak Slamet ya?",
            "Maaf, salah pencet, tadi HP di saku.",
            "Tes, tes, ini HP baru, coba-coba saja.",
            "Lho, ini bukan nomor kantor kelurahan ya?",
        ),
        CallClass.SILENT: ("",),
        CallClass.ABANDONED: ("",),
    }
)

#: How long a caller of each class waits for an answer before hanging up: the median of a log-normal
#: distribution, in seconds. Callers to an emergency number wait: most far longer than the 15-20 s in
#: which NENA wants 90-95 % of calls answered (DOMAIN.md), so with a call-taker who meets that, the
#: only callers lost are the abandoned class. An emergency caller holds on longest; a prankster,
#: an information seeker or a wrong number gives up sooner.
PATIENCE_MEDIAN_SECONDS: Mapping[CallClass, float] = MappingProxyType(
    {
        CallClass.EMERGENCY: 150.0,
        CallClass.SILENT: 120.0,
        CallClass.INFORMATION: 100.0,
        CallClass.WRONG_NUMBER: 90.0,
        CallClass.PRANK: 90.0,
    }
)
#: Spread of the log-normal (the log's standard deviation): a quarter of emergency callers wait
#: under 107 s, a quarter over 210 s.
PATIENCE_SIGMA = 0.5
#: Nobody but an abandoning caller hangs up sooner than this (above NENA's 20 s for 95 %).
SHORTEST_PATIENCE_SECONDS = 40.0
#: Nobody waits longer (``dispatch.domain.leftovers`` ends a left-over simulated call by then).
LONGEST_PATIENCE_SECONDS = SIMULATED_LONGEST_RING.total_seconds()
#: An abandoned call is one whose caller hangs up before the centre answers (NENA): these callers
#: give up within a ring or two, before a prompt answer could come (uniform, low and high).
ABANDONED_RING_SECONDS = (1.0, 6.0)


def patience_seconds(rng: random.Random, call_class: CallClass) -> float:
    """How long a simulated caller of ``call_class`` lets the call ring, drawn from ``rng`` (0.1 s)."""
    if call_class is CallClass.ABANDONED:
        return round(rng.uniform(*ABANDONED_RING_SECONDS), 1)
    median = PATIENCE_MEDIAN_SECONDS.get(call_class, PATIENCE_MEDIAN_SECONDS[CallClass.EMERGENCY])
    drawn = rng.lognormvariate(math.log(median), PATIENCE_SIGMA)
    return round(min(LONGEST_PATIENCE_SECONDS, max(SHORTEST_PATIENCE_SECONDS, drawn)), 1)


@dataclass(frozen=True, slots=True)
class SimulatedCaller:
    """One generated call, as the simulated telephone feed would present it."""

    number_raw: str
    name: str | None
    intended_class: CallClass
    category_code: str | None
    opening_line: str
    ring_seconds: float

    @property
    def presentation(self) -> Presentation:
        if self.number_raw == WITHHELD_MARKER:
            return Presentation.PRIVATE
        if self.number_raw == UNAVAILABLE_MARKER:
            return Presentation.UNAVAILABLE
        return Presentation.ALLOWED


@dataclass(frozen=True, slots=True)
class _Prankster:
    number_raw: str
    name: str | None


class CallerGenerator:
    """Generates callers and inter-arrival times from ``seed``; emergencies use ``catalogue``'s codes."""

    def __init__(self, seed: int, catalogue: Catalogue) -> None:
        if len(catalogue) == 0:
            raise ValueError("the catalogue has no categories to generate emergencies for")
        self._rng = random.Random(seed)
        self._classes: tuple[CallClass, ...] = tuple(CLASS_WEIGHTS)
        self._class_weights: tuple[float, ...] = tuple(CLASS_WEIGHTS[c] for c in self._classes)
        self._categories: tuple[Category, ...] = tuple(catalogue)
        self._category_weights: tuple[float, ...] = tuple(
            CATEGORY_WEIGHTS.get(category.code, UNLISTED_CATEGORY_WEIGHT) for category in self._categories
        )
        presented_share = 1.0 - WITHHELD_SHARE - UNAVAILABLE_SHARE
        # Names only come with presented numbers; scale so that NAME_SHARE of all calls carry one.
        self._name_share_presented = min(1.0, NAME_SHARE / presented_share)
        self._pranksters: tuple[_Prankster, ...] = tuple(
            _Prankster(self._presented_number(), self._maybe_name()) for _ in range(PRANK_POOL_SIZE)
        )
        # A few pranksters call far more often than the rest.
        self._prankster_weights: tuple[float, ...] = tuple(
            1.0 / (rank + 1) for rank in range(PRANK_POOL_SIZE)
        )

    @property
    def prank_pool(self) -> tuple[str, ...]:
        """The numbers of the repeat pranksters, most frequent first."""
        return tuple(prankster.number_raw for prankster in self._pranksters)

    def next_interval(self, rate_per_minute: float) -> float:
        """Seconds until the next call, exponentially distributed with mean ``60 / rate_per_minute``."""
        if not math.isfinite(rate_per_minute) or rate_per_minute <= 0:
            raise ValueError(f"rate_per_minute must be a positive number, got {rate_per_minute!r}")
        return self._rng.expovariate(rate_per_minute / 60.0)

    def next_caller(self) -> SimulatedCaller:
        rng = self._rng
        call_class = rng.choices(self._classes, self._class_weights)[0]

        number_raw: str
        name: str | None
        presentation_draw = rng.random()
        if presentation_draw < WITHHELD_SHARE:
            number_raw, name = WITHHELD_MARKER, None
        elif presentation_draw < WITHHELD_SHARE + UNAVAILABLE_SHARE:
            number_raw, name = UNAVAILABLE_MARKER, None
        elif call_class is CallClass.PRANK and rng.random() < REPEAT_PRANK_SHARE:
            prankster = rng.choices(self._pranksters, self._prankster_weights)[0]
            number_raw, name = prankster.number_raw, prankster.name
        else:
            number_raw, name = self._presented_number(), self._maybe_name()

        category_code: str | None = None
        place = rng.choice(PLACES)
        if call_class is CallClass.EMERGENCY:
            category = rng.choices(self._categories, self._category_weights)[0]
            category_code = category.code
            lines = CATEGORY_LINES.get(category.code)
            if lines:
                opening_line = rng.choice(lines).format(place=place)
            else:
                opening_line = GENERIC_EMERGENCY_LINE.format(label=category.label("id").lower(), place=place)
        else:
            opening_line = rng.choice(CLASS_LINES[call_class]).format(place=place)

        ring_seconds = patience_seconds(rng, call_class)
        return SimulatedCaller(
            number_raw=number_raw,
            name=name,
            intended_class=call_class,
            category_code=category_code,
            opening_line=opening_line,
            ring_seconds=ring_seconds,
        )

    # -- numbers and names --------------------------------------------------------------------------

    def _maybe_name(self) -> str | None:
        if self._rng.random() < self._name_share_presented:
            return self._rng.choice(CALLER_NAMES)
        return None

    def _presented_number(self) -> str:
        national = self._landline() if self._rng.random() < LANDLINE_SHARE else self._mobile()
        if self._rng.random() < INTERNATIONAL_FORM_SHARE:
            return "+62" + national[1:]
        return national

    def _mobile(self) -> str:
        prefix = _weighted(self._rng, MOBILE_PREFIXES)
        length = _weighted(self._rng, MOBILE_LENGTHS)
        return prefix + self._digits(length - len(prefix))

    def _landline(self) -> str:
        # Subscriber numbers in Semarang are 7 or 8 digits and do not start with 0 or 1.
        subscriber_length = self._rng.choice((7, 8))
        return SEMARANG_AREA_CODE + self._digits(subscriber_length)

    def _digits(self, count: int) -> str:
        """``count`` digits, the first one 2-9 so that no number looks like a prefix or a short code."""
        first = str(self._rng.randint(2, 9))
        return first + "".join(str(self._rng.randint(0, 9)) for _ in range(count - 1))


def _weighted(rng: random.Random, table: Sequence[tuple[_T, float]]) -> _T:
    values = [value for value, _ in table]
    weights = [weight for _, weight in table]
    return rng.choices(values, weights)[0]
