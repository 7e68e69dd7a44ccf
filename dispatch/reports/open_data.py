"""The anonymised open-data export for the centre's PPID and Satu Data Indonesia (docs/open-data.md).

One CSV file (UTF-8, a header row, RFC 4180 quoting, CRLF line ends) and a metadata file beside it
(JSON, Indonesian and English). Each row is one count of one local month:

* ``satuan`` = ``panggilan``: the calls that started ringing in the month, by call class;
* ``satuan`` = ``kejadian``: the incidents opened in the month (withdrawn ones left out, as in the
  monthly roll-up), by incident category and Kemendagri kecamatan code (``33.74.04``).

**No personal data, by construction.** The rows are made from GROUP BY queries that select only the call
class, the category code, the first eight characters of the area code and ``count(*)``
(``dispatch.reports.monthly.count_calls`` and ``count_incidents``); the month comes from the query's
bounds. No query here reads a number, a name, an address, a note or any other free text, so nothing of
the kind can reach the files. The kecamatan and kabupaten/kota names come from the shipped Kemendagri
area table, not from what was typed into an incident.

**Small counts are suppressed** (``suppress``): a count of 1 to 4 (under ``threshold``) is written as an
empty cell with ``ditekan`` = 1, and further cells are suppressed so that no suppressed count can be
worked out by subtraction from a total (see ``suppress``). Combinations with no calls or incidents have
no row.

The same data gives the same bytes: rows in a fixed order, fixed formatting, and the only time in the
metadata is the injected clock's.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.areas import AreaIndex, area_index
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import CallClass
from dispatch.reports.handover import canonical_json
from dispatch.reports.monthly import (
    CLASS_ORDER,
    UNCLASSIFIED,
    count_calls,
    count_incidents,
    incident_category,
    kecamatan_code,
    month_bounds,
    month_label,
    shift_month,
    zone_name,
)
from dispatch.services.context import ServiceContext
from dispatch.services.uow import reading

FORMAT = "dispatch-open-data/1"
#: Counts under this are suppressed (the usual rule for published health and crime counts).
DEFAULT_THRESHOLD = 5

CALLS = "panggilan"
INCIDENTS = "kejadian"
#: The CSV's columns, in order.
COLUMNS = (
    "bulan",
    "satuan",
    "klasifikasi_panggilan",
    "kode_kategori",
    "kode_kecamatan",
    "nama_kecamatan",
    "nama_kabupaten_kota",
    "jumlah",
    "ditekan",
)


@dataclass(frozen=True)
class OpenDataSettings:
    """What the centre writes into the metadata; the threshold of the suppression rule."""

    #: The publishing body, e.g. "Call Center 112 Kota Semarang (Diskominfo Kota Semarang)".
    publisher: str = ""
    #: Where the public asks about the data (the PPID's address or e-mail).
    contact: str = ""
    licence: str = "CC-BY-4.0"
    licence_url: str = "https://creativecommons.org/licenses/by/4.0/"
    threshold: int = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise ValueError("the suppression threshold must be at least 1")


@dataclass(frozen=True)
class OpenDataRow:
    month: str  # "YYYY-MM"
    unit: str  # CALLS or INCIDENTS
    call_class: str  # a CallClass value or "unclassified" for calls; "" for incidents
    category: str  # catalogue code for incidents ("" when none was given); "" for calls
    kecamatan: str  # Kemendagri kecamatan code for incidents ("" when none); "" for calls
    kecamatan_name: str
    regency_name: str
    #: None when suppressed.
    count: int | None
    suppressed: bool

    def cells(self) -> list[str]:
        """The row as the CSV writes it, column by column (``COLUMNS``)."""
        return [
            self.month,
            self.unit,
            self.call_class,
            self.category,
            self.kecamatan,
            self.kecamatan_name,
            self.regency_name,
            "" if self.count is None else str(self.count),
            "1" if self.suppressed else "0",
        ]


@dataclass(frozen=True)
class OpenDataExport:
    rows: tuple[OpenDataRow, ...]
    #: The metadata file's content but for ``distribution`` (the file's name, size and hash), which
    #: ``write_open_data`` adds.
    metadata: dict[str, Any] = field(default_factory=dict)


# --- suppression -----------------------------------------------------------------------------------


def suppress(counts: Sequence[int], lines: Iterable[Sequence[int]], threshold: int) -> set[int]:
    """The indices of ``counts`` to leave empty.

    Primary: every count from 1 to ``threshold`` - 1. Secondary: ``lines`` are groups of cells whose
    sum is, or may be, known elsewhere (a month's calls; a month's incidents, close to its emergency
    calls; a kecamatan's or a category's incidents of a month, which the monthly roll-up gives). A line
    with a single suppressed cell gives it away by subtraction; a line whose suppressed cells are all
    small gives them away at the extremes (a remainder of 2 from two cells: both 1). So while a line
    has suppressed cells and fewer than two of them, or none of ``threshold`` or more, its smallest
    published cell (the first in order on a tie) is suppressed too; the lines are visited again until
    none needs more, because a cell suppressed for one line lies in others.
    """
    hidden = {i for i, count in enumerate(counts) if 0 < count < threshold}
    groups = [list(line) for line in lines]
    changed = True
    while changed:
        changed = False
        for line in groups:
            suppressed = [i for i in line if i in hidden]
            if not suppressed:
                continue
            if len(suppressed) >= 2 and any(counts[i] >= threshold for i in suppressed):
                continue
            published = [i for i in line if i not in hidden and counts[i] > 0]
            if published:
                hidden.add(min(published, key=lambda i: (counts[i], i)))
                changed = True
    return hidden


# --- reading ---------------------------------------------------------------------------------------


def months_between(since_month: tuple[int, int], until_month: tuple[int, int]) -> list[tuple[int, int]]:
    """Every month from ``since_month`` to ``until_month``, both included; ValueError if reversed."""
    first = since_month[0] * 12 + since_month[1] - 1
    last = until_month[0] * 12 + until_month[1] - 1
    if last < first:
        raise ValueError(
            f"the period ends before it starts: {month_label(*since_month)} > {month_label(*until_month)}"
        )
    return [shift_month(*since_month, n) for n in range(last - first + 1)]


def open_data(
    ctx: ServiceContext,
    since_month: tuple[int, int],
    until_month: tuple[int, int],
    zone: tzinfo,
    *,
    settings: OpenDataSettings | None = None,
    catalogue: Catalogue | None = None,
    areas: AreaIndex | None = None,
) -> OpenDataExport:
    """The export of the local months ``since_month`` to ``until_month`` (both included) in ``zone``.

    ``catalogue`` names the category codes in the metadata (the shipped one by default); ``areas``
    names the kecamatan (the shipped table by default).
    """
    settings = settings or OpenDataSettings()
    months = months_between(since_month, until_month)
    index = areas if areas is not None else area_index()
    # (month, unit, class, category, kecamatan) -> count: group keys and counts, nothing else.
    counted: dict[tuple[str, str, str, str, str], int] = {}
    with reading(ctx) as session:
        for year, month in months:
            since, until = month_bounds(year, month, zone)
            label = month_label(year, month)
            for call_class, count in count_calls(session, since, until).items():
                counted[(label, CALLS, call_class, "", "")] = count
            incident_counts = count_incidents(session, since, until, incident_category(), kecamatan_code())
            for (category, kecamatan), count in incident_counts.items():
                counted[(label, INCIDENTS, "", category, kecamatan)] = count
    keys = sorted(counted, key=_order)
    counts = [counted[key] for key in keys]
    hidden = suppress(counts, _lines(keys), settings.threshold)
    rows = []
    for i, (label, unit, call_class, category, kecamatan) in enumerate(keys):
        area = index.get(kecamatan) if kecamatan else None
        rows.append(
            OpenDataRow(
                month=label,
                unit=unit,
                call_class=call_class,
                category=category,
                kecamatan=kecamatan,
                kecamatan_name=area.district if area is not None else "",
                regency_name=area.regency if area is not None else "",
                count=None if i in hidden else counts[i],
                suppressed=i in hidden,
            )
        )
    first_since = month_bounds(*months[0], zone)[0]
    last_until = month_bounds(*months[-1], zone)[1]
    metadata = _metadata(
        settings,
        catalogue or load_default_catalogue(),
        rows,
        period={
            "from": month_label(*months[0]),
            "to": month_label(*months[-1]),
            "time_zone": zone_name(zone),
            "since": first_since.astimezone(UTC).isoformat(),
            "until": last_until.astimezone(UTC).isoformat(),
        },
        generated_at=ctx.clock.now().astimezone(UTC).isoformat(),
    )
    return OpenDataExport(rows=tuple(rows), metadata=metadata)


def _order(key: tuple[str, str, str, str, str]) -> tuple[object, ...]:
    """Month; calls before incidents; classes in the reports' order; the empty code after the others."""
    label, unit, call_class, category, kecamatan = key
    rank = CLASS_ORDER.index(call_class) if call_class in CLASS_ORDER else len(CLASS_ORDER)
    return (label, unit != CALLS, rank, call_class, kecamatan == "", kecamatan, category == "", category)


def _lines(keys: Sequence[tuple[str, str, str, str, str]]) -> list[list[int]]:
    """The groups whose totals are or may be known: each month's calls, each month's incidents, and
    each kecamatan's and each category's incidents in a month."""
    lines: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (label, unit, _call_class, category, kecamatan) in enumerate(keys):
        lines[(label, unit)].append(i)
        if unit == INCIDENTS:
            lines[(label, unit, "kecamatan", kecamatan)].append(i)
            lines[(label, unit, "category", category)].append(i)
    return [lines[key] for key in sorted(lines)]


# --- writing ---------------------------------------------------------------------------------------


def csv_bytes(rows: Iterable[OpenDataRow]) -> bytes:
    """The CSV file: UTF-8 without a byte-order mark, the header row, RFC 4180 quoting, CRLF."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.cells())
    return text.getvalue().encode("utf-8")


def metadata_path(csv_path: Path) -> Path:
    """``jumlah-112.csv`` -> ``jumlah-112.metadata.json``, beside it."""
    return csv_path.with_name(f"{csv_path.stem}.metadata.json")


def write_open_data(export: OpenDataExport, csv_path: Path) -> tuple[Path, Path]:
    """Write the CSV and its metadata file beside it; returns both paths."""
    content = csv_bytes(export.rows)
    metadata = {
        **export.metadata,
        "distribution": {
            "file": csv_path.name,
            "media_type": "text/csv",
            "encoding": "UTF-8",
            "delimiter": ",",
            "line_terminator": "CRLF",
            "header": True,
            "rows": len(export.rows),
            "bytes": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
        },
    }
    target = metadata_path(csv_path)
    csv_path.write_bytes(content)
    target.write_bytes((canonical_json(metadata) + "\n").encode("utf-8"))
    return csv_path, target


# --- metadata --------------------------------------------------------------------------------------


def _text(indonesian: str, english: str) -> dict[str, str]:
    return {"id": indonesian, "en": english}


# The glossary's words (docs/glossary.md).
_CLASS_WORDS = {
    CallClass.EMERGENCY.value: _text("darurat", "emergency"),
    CallClass.INFORMATION.value: _text("informasi", "information"),
    CallClass.PRANK.value: _text("iseng", "prank"),
    CallClass.SILENT.value: _text("tanpa suara (ghost call)", "silent (ghost call)"),
    CallClass.ABANDONED.value: _text(
        "terputus (pelapor menutup sebelum dijawab)", "abandoned (the caller hung up before the answer)"
    ),
    CallClass.DUPLICATE.value: _text(
        "duplikat (kejadian yang sudah dilaporkan)", "duplicate (an incident already reported)"
    ),
    CallClass.WRONG_NUMBER.value: _text("salah sambung / uji", "wrong number / test"),
    UNCLASSIFIED: _text(
        "belum diklasifikasi (masih berdering saat dihitung)", "not classified (still ringing when counted)"
    ),
}

_COLUMN_META: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "bulan",
        "string",
        _text(
            "Bulan kalender waktu setempat pusat 112 (YYYY-MM), dari pukul 00.00 tanggal 1 sampai "
            "pukul 00.00 tanggal 1 bulan berikutnya.",
            "Calendar month in the centre's local time (YYYY-MM), from 00:00 on the 1st to 00:00 on the 1st "
            "of the next month.",
        ),
    ),
    (
        "satuan",
        "string",
        _text(
            "Yang dihitung: 'panggilan' (panggilan yang mulai berdering dalam bulan itu) atau 'kejadian' "
            "(kejadian yang dibuka dalam bulan itu).",
            "What is counted: 'panggilan' (calls that started ringing in the month) or 'kejadian' "
            "(incidents opened in the month).",
        ),
    ),
    (
        "klasifikasi_panggilan",
        "string",
        _text(
            "Klasifikasi panggilan (baris 'panggilan' saja; lihat 'codes'). Kosong pada baris 'kejadian'.",
            "Call class (rows of 'panggilan' only; see 'codes'). Empty in rows of 'kejadian'.",
        ),
    ),
    (
        "kode_kategori",
        "string",
        _text(
            "Kode kategori kejadian dari katalog pusat 112 (baris 'kejadian'; lihat 'codes'). Kosong bila "
            "kejadian belum diberi kategori, dan pada baris 'panggilan'.",
            "Incident category code from the centre's catalogue (rows of 'kejadian'; see 'codes'). Empty "
            "when the incident was given no category, and in rows of 'panggilan'.",
        ),
    ),
    (
        "kode_kecamatan",
        "string",
        _text(
            "Kode wilayah Kemendagri tingkat kecamatan (PP.KK.CC, mis. 33.74.04) tempat kejadian. Kosong "
            "bila lokasi kejadian tidak dipilih sampai tingkat kecamatan, dan pada baris 'panggilan'.",
            "Kemendagri area code at kecamatan (district) level (PP.KK.CC, e.g. 33.74.04) of the incident. "
            "Empty when the incident's place was not picked down to a kecamatan, and in rows of "
            "'panggilan'.",
        ),
    ),
    (
        "nama_kecamatan",
        "string",
        _text(
            "Nama kecamatan menurut tabel wilayah Kemendagri yang dibawa aplikasi.",
            "Kecamatan name from the Kemendagri area table shipped with the console.",
        ),
    ),
    (
        "nama_kabupaten_kota",
        "string",
        _text(
            "Nama kabupaten/kota kecamatan itu menurut tabel yang sama.",
            "Name of the kabupaten/kota of that kecamatan, from the same table.",
        ),
    ),
    (
        "jumlah",
        "integer",
        _text(
            "Jumlah panggilan atau kejadian. Kosong bila disembunyikan (lihat 'suppression').",
            "Number of calls or incidents. Empty when suppressed (see 'suppression').",
        ),
    ),
    (
        "ditekan",
        "integer",
        _text(
            "1 bila jumlah ditekan, yaitu disembunyikan (sel 'jumlah' kosong), 0 bila ditampilkan. Tidak "
            "membedakan penyembunyian primer dan sekunder.",
            "1 when the count is suppressed (not shown), 0 when shown. Does not tell primary from "
            "secondary suppression.",
        ),
    ),
)


def _metadata(
    settings: OpenDataSettings,
    catalogue: Catalogue,
    rows: Sequence[OpenDataRow],
    period: dict[str, str],
    generated_at: str,
) -> dict[str, Any]:
    threshold = settings.threshold
    categories = sorted({row.category for row in rows if row.category})
    known = {category.code: category for category in catalogue.categories}
    return {
        "format": FORMAT,
        "title": _text(
            "Panggilan darurat 112 dan kejadian per bulan, kategori dan kecamatan",
            "112 emergency calls and incidents by month, category and kecamatan",
        ),
        "description": _text(
            "Jumlah panggilan ke layanan darurat 112 menurut klasifikasi, dan jumlah kejadian menurut "
            "kategori dan kecamatan, per bulan. Data agregat yang dianonimkan: tanpa nomor telepon, nama, "
            "alamat, atau catatan; jumlah kecil disembunyikan.",
            "Calls to the 112 emergency service by class, and incidents by category and kecamatan, per "
            "month. Anonymised aggregate data: no phone numbers, names, addresses or notes; small counts "
            "suppressed.",
        ),
        "publisher": settings.publisher,
        "contact": settings.contact,
        "licence": {"id": settings.licence, "url": settings.licence_url},
        "frequency": _text("bulanan", "monthly"),
        "period": period,
        "columns": [
            {"name": name, "type": kind, "description": description}
            for name, kind, description in _COLUMN_META
        ],
        "missing_values": [""],
        "codes": {
            "satuan": {
                CALLS: _text("panggilan", "calls"),
                INCIDENTS: _text("kejadian", "incidents"),
            },
            "klasifikasi_panggilan": _CLASS_WORDS,
            "kode_kategori": {
                code: _text(known[code].label_id, known[code].label_en) if code in known else _text("", "")
                for code in categories
            },
        },
        "suppression": {
            "threshold": threshold,
            "rule": _text(
                f"Jumlah 1 sampai {threshold - 1} tidak ditampilkan (sel kosong, ditekan = 1). Agar "
                "jumlah yang disembunyikan tidak dapat dihitung dari total yang diketahui di tempat lain "
                "(jumlah panggilan sebulan; jumlah kejadian sebulan, per kecamatan, per kategori), setiap "
                "kelompok seperti itu yang memuat sel tersembunyi harus memuat paling sedikit dua, salah "
                f"satunya {threshold} atau lebih: bila belum, sel terkecil yang masih ditampilkan ikut "
                "disembunyikan, berulang sampai semua kelompok terpenuhi. Berkas ini tidak memuat total. "
                "Kombinasi tanpa panggilan atau kejadian tidak memiliki baris.",
                f"Counts from 1 to {threshold - 1} are not shown (empty cell, ditekan = 1). So that a "
                "suppressed count cannot be worked out from a total known elsewhere (a month's calls; a "
                "month's incidents, per kecamatan, per category), every such group that holds a "
                f"suppressed cell must hold at least two, one of them {threshold} or more: if not, its "
                "smallest shown cell is suppressed too, again until every group is covered. The file "
                "holds no totals. Combinations with no calls or incidents have no row.",
            ),
        },
        "never_published": _text(
            "Nomor telepon, nama pelapor atau petugas, alamat, koordinat, catatan dan teks bebas lain, "
            "nomor kejadian, waktu panggilan.",
            "Phone numbers, names of callers or staff, addresses, coordinates, notes and any other free "
            "text, incident numbers, call times.",
        ),
        "generated_at": generated_at,
    }
