"""The open-data export: made from a database full of numbers, names, notes and addresses, it holds none
of them; small counts are suppressed so that none can be worked out from a total; the CSV is exact."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Role
from dispatch.domain.signals import SignalKind
from dispatch.reports.open_data import (
    COLUMNS,
    OpenDataExport,
    OpenDataRow,
    OpenDataSettings,
    csv_bytes,
    metadata_path,
    months_between,
    open_data,
    suppress,
    write_open_data,
)
from dispatch.services import accounts, callers, calls, incidents, locations
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database
from dispatch.store.tables import Call, Console, Incident, IncidentNote, NumberFlag, User
from tests.services.support import signal
from tests.store.postgres import (
    sqlite_and_postgres,  # noqa: F401 (the database fixture, both kinds)
)

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "kata-sandi-112"
SETTINGS = OpenDataSettings(publisher="Call Center 112 Kota Semarang", contact="ppid@semarangkota.go.id")

#: The incidents of November 2026 made through the services, per (category, village).
INCIDENTS = {("MED", "33.74.04.1001"): 4, ("MED", "33.74.04.1002"): 2, ("FIRE", "33.74.01.1001"): 2}
#: Calls of November 2026 closed without an incident.
OTHER_CALLS = {CallClass.INFORMATION: 6, CallClass.PRANK: 1, CallClass.SILENT: 1}

#: A bigger month for the suppression rule, inserted directly: incidents per (kecamatan, category).
#: Only LAKA in Gayamsari is small.
#:                   FIRE  LAKA  MED
#:   33.74.01          9    12    20    Semarang Tengah
#:   33.74.04         10     2    15    Gayamsari
#:   33.74.05         30    11     8    Genuk
#:   (no area)             12
TABLE = {
    ("33.74.01", "FIRE"): 9,
    ("33.74.01", "LAKA"): 12,
    ("33.74.01", "MED"): 20,
    ("33.74.04", "FIRE"): 10,
    ("33.74.04", "LAKA"): 2,
    ("33.74.04", "MED"): 15,
    ("33.74.05", "FIRE"): 30,
    ("33.74.05", "LAKA"): 11,
    ("33.74.05", "MED"): 8,
    ("", "LAKA"): 12,
}
TABLE_CALLS = {"emergency": sum(TABLE.values()), "information": 6, "prank": 3, "silent": 1, "abandoned": 1}


@dataclass
class Month:
    """The calls made, each from its own number and with its own name, note and address."""

    ctx: ServiceContext
    clock: ManualClock
    catalogue: Catalogue
    made: int = 0
    numbers: list[str] = field(default_factory=list)

    def call(self, at: datetime) -> int:
        self.made += 1
        n = self.made
        # Mobiles, a Semarang landline and the +62 form, each distinct.
        forms = (f"+62857{11_220_000 + n:08d}", f"0812{31_400_000 + n:08d}", f"024{7_610_000 + n:07d}")
        number = forms[n % 3]
        self.numbers.append(number)
        self.clock.set(at)
        view = calls.record_signal(
            self.ctx.as_system(),
            signal(SignalKind.RING, at, number, call_id=f"c{n}", name=f"Pemanggil Kenari{n:03d}"),
        )
        assert view is not None
        self.clock.advance(4 + n % 9)
        return view.id

    def incident(self, at: datetime, category: str, village: str) -> None:
        call_id = self.call(at)
        incident_id = calls.answer_call(self.ctx, call_id)[1].id
        n = self.made
        fields = {
            "category": category,
            "caller_name": f"Siti Kecubung{n:03d} Rahayu",
            "callback_number": f"0813 5566 {7000 + n:04d}",
            "street": f"Jalan Kenanga Wangi{n:03d}",
            "house_number": f"{n}B",
            "landmark": f"dekat Warung Bu Tinah{n:03d}",
            "rt": "007",
            "rw": "012",
        }
        for name, value in fields.items():
            incidents.update_field(self.ctx, incident_id, name, value, self.catalogue)
        locations.set_area(self.ctx, incident_id, village)
        incidents.add_note(
            self.ctx, incident_id, f"Korban terjepit truk oranye{n:03d}, hubungi 081377788{n:03d}"
        )
        calls.hang_up(self.ctx, call_id)

    def closed_as(self, at: datetime, call_class: CallClass) -> None:
        call_id = self.call(at)
        calls.answer_call(self.ctx, call_id)
        calls.classify_call(self.ctx, call_id, call_class)

    def abandoned(self, at: datetime) -> None:
        call_id = self.call(at)
        calls.record_signal(
            self.ctx.as_system(), signal(SignalKind.ENDED, self.clock.now(), call_id=f"c{self.made}")
        )
        assert call_id


@pytest.fixture
def month(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> Month:
    """November 2026 (WIB) taken by a call-taker with a distinctive name; one prank in October."""
    accounts.create_user(ctx, "wiryokencana", "Wiryo Kencana Mulyadi", PASSWORD, PASSWORD, Role.CALL_TAKER)
    console = accounts.register_console(ctx.database, ctx.clock, ctx.bus, "MEJA-KENARI", "rumah-kenari")
    result = accounts.log_in(console, "wiryokencana", PASSWORD)
    assert result.actor is not None
    taker = console.acting_as(result.actor)
    m = Month(taker, clock, catalogue)
    m.closed_as(datetime(2026, 10, 31, 23, 0, tzinfo=WIB), CallClass.PRANK)
    at = datetime(2026, 11, 1, 0, 0, tzinfo=WIB)  # 31 October in UTC: November's in WIB
    for (category, village), count in INCIDENTS.items():
        for _ in range(count):
            m.incident(at, category, village)
            at = at.replace(hour=(at.hour + 5) % 24, day=at.day + (at.hour + 5) // 24)
    for call_class, count in OTHER_CALLS.items():
        for _ in range(count):
            m.closed_as(at, call_class)
            at = at.replace(day=at.day + 1)
    m.abandoned(at)
    callers.watch_number(ctx, m.numbers[0], "Sering menelepon iseng dari Perumahan Kenari Indah")
    clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=WIB))
    return m


def private_texts(database: Database) -> set[str]:
    """Everything personal or free-text the database holds, read back from it."""
    found: set[str] = set()
    with database.transaction() as session:
        for call_row in session.execute(select(Call.number_raw, Call.number_e164, Call.caller_name)):
            found.update(value for value in call_row if value)
        for row in session.execute(
            select(
                Incident.caller_name,
                Incident.callback_number,
                Incident.street,
                Incident.house_number,
                Incident.landmark,
                Incident.postcode,
                Incident.rt,
                Incident.rw,
                Incident.number,
            )
        ):
            found.update(value for value in row if value)
        found.update(session.scalars(select(IncidentNote.text)))
        found.update(session.scalars(select(NumberFlag.reason)))
        found.update(session.scalars(select(NumberFlag.number)))
        for username, full_name in session.execute(select(User.username, User.full_name)):
            found.update((username, full_name))
        found.update(session.scalars(select(Console.name)))
        found.update(session.scalars(select(Console.hostname)))
    return found


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


# --- no personal data -------------------------------------------------------------------------------


def test_the_export_holds_no_number_name_note_or_address(
    ctx: ServiceContext, month: Month, database: Database, tmp_path: Path
) -> None:
    csv_path, meta_path = write_open_data(
        open_data(ctx, (2026, 10), (2026, 11), WIB, settings=SETTINGS), tmp_path / "panggilan-112.csv"
    )
    table = csv_path.read_text(encoding="utf-8")
    metadata = json.loads(meta_path.read_text(encoding="utf-8"))
    # The file's own hash is 64 hex digits, often with six decimal digits in a row: it is checked to be
    # the CSV's hash and then left out of the scan.
    assert metadata["distribution"]["sha256"] == hashlib.sha256(csv_path.read_bytes()).hexdigest()
    del metadata["distribution"]["sha256"]
    scanned = {"csv": table, "metadata": json.dumps(metadata, ensure_ascii=False)}

    private = private_texts(database)
    assert len(private) > 150  # the numbers, names, notes and addresses above are really there
    assert {"Wiryo Kencana Mulyadi", "wiryokencana", "MEJA-KENARI", "+6281231400001"} <= private
    for name, text in scanned.items():
        assert not re.search(r"\d{6,}", text), name  # no phone number, postcode run, id or time
        assert "+62" not in text, name
        assert not re.search(r"(?<![\d.])0[0-9]{2,}[\s.\-]?[0-9]{3,}", text), name  # 08.., 024..
        for value in private:
            # As a word: a username may be part of a place's name ("sari" in "Gayamsari").
            assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text), (name, value)
        for word in ("Kenari", "Kecubung", "Kenanga", "Tinah", "terjepit", "oranye", "Rahayu", "Perumahan"):
            assert word not in text, (name, word)


def test_only_counts_and_codes_are_written(ctx: ServiceContext, month: Month, tmp_path: Path) -> None:
    csv_path, _ = write_open_data(open_data(ctx, (2026, 11), (2026, 11), WIB), tmp_path / "open.csv")
    header, *rows = read_rows(csv_path)
    assert tuple(header) == COLUMNS
    units = {"panggilan", "kejadian"}
    classes = {c.value for c in CallClass} | {"unclassified"}
    for row in rows:
        month_, unit, call_class, category, code, kecamatan, regency, count, hidden = row
        assert month_ == "2026-11"
        assert unit in units
        assert call_class in (classes if unit == "panggilan" else {""})
        assert category in ({""} if unit == "panggilan" else {"MED", "LAKA", "FIRE"})
        assert code in ({""} if unit == "panggilan" else {"33.74.01", "33.74.04"})
        assert (kecamatan, regency) in {
            ("", ""),
            ("Semarang Tengah", "Kota Semarang"),
            ("Gayamsari", "Kota Semarang"),
        }
        assert hidden in {"0", "1"}
        assert (count == "") == (hidden == "1")
        assert count == "" or count.isdigit()


# --- suppression ------------------------------------------------------------------------------------


@pytest.fixture
def table(database: Database) -> None:
    """TABLE's incidents and TABLE_CALLS' calls in November 2026 (WIB), inserted directly, with rows
    at the month's edges and withdrawn incidents that must not count."""
    start = datetime(2026, 11, 1, 0, 0, tzinfo=WIB)
    incidents_made = 0

    def incident(
        at: datetime, code: str, category: str, status: str = "closed", disposition: str = "handled"
    ) -> None:
        nonlocal incidents_made
        incidents_made += 1
        session.add(
            Incident(
                number=f"2026-{900_000 + incidents_made}",
                category=category,
                priority="P2",
                status=status,
                disposition=disposition,
                created_at=at,
                updated_at=at,
                area_code=f"{code}.1001" if code else "",
            )
        )

    with database.transaction() as session:
        at = start
        for (code, category), count in TABLE.items():
            for _ in range(count):
                incident(at, code, category)
                at += timedelta(hours=2)
        incident(start - timedelta(seconds=1), "33.74.01", "MED")  # 31 October, 23:59:59 WIB
        incident(datetime(2026, 12, 1, tzinfo=WIB), "33.74.01", "MED")  # December's
        for _ in range(3):  # withdrawn at answer: not incidents (LAKA in Gayamsari would reach 5)
            incident(at, "33.74.04", "LAKA", "cancelled", "non_emergency")
        at = start
        for call_class, count in TABLE_CALLS.items():
            for _ in range(count):
                session.add(
                    Call(
                        feed="sim://",
                        number_raw="081200000000",
                        presentation="allowed",
                        state="ended",
                        ring_at=at,
                        classification=call_class,
                    )
                )
                at += timedelta(hours=3)


def test_small_counts_are_suppressed_so_that_none_can_be_worked_out(
    ctx: ServiceContext, table: None, tmp_path: Path
) -> None:
    export = open_data(ctx, (2026, 10), (2026, 11), WIB, settings=SETTINGS)
    shown = [(r.month, r.unit, r.call_class, r.category, r.kecamatan, r.count) for r in export.rows]
    assert shown == [
        # October: one incident, in the last second of the month (WIB): suppressed, alone.
        ("2026-10", "kejadian", "", "MED", "33.74.01", None),
        # November's calls: information, prank, silent and abandoned (6, 3, 1, 1) hidden together,
        # information with them, so the month's total calls (a press release may give it) says only
        # that these four make 11.
        ("2026-11", "panggilan", "emergency", "", "", 129),
        ("2026-11", "panggilan", "information", "", "", None),
        ("2026-11", "panggilan", "prank", "", "", None),
        ("2026-11", "panggilan", "silent", "", "", None),
        ("2026-11", "panggilan", "abandoned", "", "", None),
        # LAKA in Gayamsari (2) is small. The month's total (129, as many as the emergency calls)
        # takes the smallest shown cell, MED in Genuk (8); LAKA's total then takes LAKA in Genuk (11)
        # and MED's total MED in Gayamsari (15). Gayamsari's total (27) minus FIRE (10), LAKA's (37)
        # minus 12 + 12, MED's (43) minus 20 and Genuk's (49) minus 30 leave four sums that hold for
        # LAKA in Gayamsari = any t from 1 to 12 (MED 17 - t, LAKA in Genuk 13 - t, MED in Genuk 6 + t).
        ("2026-11", "kejadian", "", "FIRE", "33.74.01", 9),
        ("2026-11", "kejadian", "", "LAKA", "33.74.01", 12),
        ("2026-11", "kejadian", "", "MED", "33.74.01", 20),
        ("2026-11", "kejadian", "", "FIRE", "33.74.04", 10),
        ("2026-11", "kejadian", "", "LAKA", "33.74.04", None),
        ("2026-11", "kejadian", "", "MED", "33.74.04", None),
        ("2026-11", "kejadian", "", "FIRE", "33.74.05", 30),
        ("2026-11", "kejadian", "", "LAKA", "33.74.05", None),
        ("2026-11", "kejadian", "", "MED", "33.74.05", None),
        ("2026-11", "kejadian", "", "LAKA", "", 12),  # no area: last
    ]
    assert all(r.suppressed == (r.count is None) for r in export.rows)
    rows = read_rows(write_open_data(export, tmp_path / "open.csv")[0])
    assert rows[3] == ["2026-11", "panggilan", "information", "", "", "", "", "", "1"]
    assert rows[11] == ["2026-11", "kejadian", "", "LAKA", "33.74.04", "Gayamsari", "Kota Semarang", "", "1"]
    assert rows[13] == ["2026-11", "kejadian", "", "FIRE", "33.74.05", "Genuk", "Kota Semarang", "30", "0"]
    assert rows[16] == ["2026-11", "kejadian", "", "LAKA", "", "", "", "12", "0"]


def test_a_higher_threshold_hides_more(ctx: ServiceContext, table: None) -> None:
    export = open_data(ctx, (2026, 11), (2026, 11), WIB, settings=OpenDataSettings(threshold=10))
    assert export.metadata["suppression"]["threshold"] == 10
    shown = {(r.category, r.kecamatan): r.count for r in export.rows if r.unit == "kejadian"}
    assert shown[("FIRE", "33.74.01")] is None  # 9
    assert all(count is None or count >= 10 for count in shown.values())
    assert sum(count is None for count in shown.values()) > 4
    with pytest.raises(ValueError, match="at least 1"):
        OpenDataSettings(threshold=0)


def test_suppression_by_hand() -> None:
    # One small cell in a line: the smallest other cell goes with it (the first of equals).
    assert suppress([10, 3, 6, 6], [[0, 1, 2, 3]], 5) == {1, 2}
    # Nothing small: nothing hidden.
    assert suppress([10, 5, 6], [[0, 1, 2]], 5) == set()
    # Two small cells would still give themselves away as "both 1" from a total of 2: one more goes.
    assert suppress([1, 1, 9, 7], [[0, 1, 2, 3]], 5) == {0, 1, 3}
    # All cells small: all hidden, nothing else to hide.
    assert suppress([2, 1], [[0, 1]], 5) == {0, 1}
    # Lines cross: a cell hidden for one line is the single hidden cell of another, which then needs
    # one more. Rows [2, 9, 12] and [8, 6, 20], columns [2, 8], [9, 6], [12, 20]: the 2 takes the 9
    # (row 0) and the 8 (column 0); row 1 then holds only the 8 and takes the 6; column 1 is covered.
    hidden = suppress([2, 9, 12, 8, 6, 20], [[0, 1, 2], [3, 4, 5], [0, 3], [1, 4], [2, 5]], 5)
    assert hidden == {0, 1, 3, 4}
    # Zero counts are not rows; a zero among the counts is neither small nor hidden.
    assert suppress([0, 7], [[0, 1]], 5) == set()


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda columns: st.lists(
            st.lists(st.integers(0, 30), min_size=columns, max_size=columns), min_size=1, max_size=6
        )
    ),
    st.integers(1, 10),
)
def test_suppression_of_any_table_protects_every_line(table: list[list[int]], threshold: int) -> None:
    width = len(table[0])
    counts = [count for row in table for count in row]
    rows = [[r * width + c for c in range(width)] for r in range(len(table))]
    columns = [[r * width + c for r in range(len(table))] for c in range(width)]
    lines = [*rows, *columns, list(range(len(counts)))]
    hidden = suppress(counts, lines, threshold)
    assert hidden <= set(range(len(counts)))
    for i, count in enumerate(counts):
        if 0 < count < threshold:
            assert i in hidden
    for line in lines:
        in_line = [i for i in line if i in hidden]
        published = [i for i in line if i not in hidden and counts[i] > 0]  # a zero is no row
        if in_line and published:
            # A suppressed cell of the threshold or more is among them, so the line's total minus
            # its published cells is never the sum of small counts alone.
            assert any(counts[i] >= threshold for i in in_line)
            assert len(in_line) >= 2


# --- the files ----------------------------------------------------------------------------------------


def test_the_same_data_gives_the_same_bytes(ctx: ServiceContext, month: Month, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_open_data(
        open_data(ctx, (2026, 10), (2026, 11), WIB, settings=SETTINGS), tmp_path / "a" / "x.csv"
    )
    again = write_open_data(
        open_data(ctx, (2026, 10), (2026, 11), WIB, settings=SETTINGS), tmp_path / "b" / "x.csv"
    )
    assert first[0].read_bytes() == again[0].read_bytes()
    assert first[1].read_bytes() == again[1].read_bytes()
    assert first[1] == tmp_path / "a" / "x.metadata.json" == metadata_path(first[0])
    raw = first[0].read_bytes()
    assert raw.startswith(b"bulan,satuan,")
    assert raw.endswith(b"\r\n")
    assert b"\r\n2026-11,panggilan,emergency,,,,,8,0\r\n" in raw


def test_the_metadata_describes_the_file_in_both_languages(
    ctx: ServiceContext, month: Month, tmp_path: Path
) -> None:
    _, meta_path = write_open_data(
        open_data(ctx, (2026, 10), (2026, 11), WIB, settings=SETTINGS), tmp_path / "x.csv"
    )
    metadata = json.loads(meta_path.read_text(encoding="utf-8"))
    assert metadata["format"] == "dispatch-open-data/1"
    assert [c["name"] for c in metadata["columns"]] == list(COLUMNS)
    assert {c["type"] for c in metadata["columns"]} == {"string", "integer"}
    assert (metadata["publisher"], metadata["contact"]) == (SETTINGS.publisher, SETTINGS.contact)
    assert metadata["licence"] == {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert metadata["period"] == {
        "from": "2026-10",
        "to": "2026-11",
        "time_zone": "Asia/Jakarta",
        "since": "2026-09-30T17:00:00+00:00",
        "until": "2026-11-30T17:00:00+00:00",
    }
    # The injected clock's time, not the wall clock's.
    assert metadata["generated_at"] == "2026-12-02T02:00:00+00:00"
    assert metadata["codes"]["kode_kategori"]["FIRE"] == {"id": "Kebakaran", "en": "Fire"}
    assert sorted(metadata["codes"]["kode_kategori"]) == ["FIRE", "MED"]
    assert metadata["suppression"]["threshold"] == 5
    assert metadata["distribution"]["rows"] == 8  # October: 1 row; November: 5 calls rows, 2 incidents
    assert metadata["distribution"]["file"] == "x.csv"

    def texts(value: object) -> Iterator[dict[str, str]]:
        if isinstance(value, dict):
            if set(value) == {"id", "en"} and all(isinstance(v, str) for v in value.values()):
                yield value
            else:
                for item in value.values():
                    yield from texts(item)
        elif isinstance(value, list):
            for item in value:
                yield from texts(item)

    worded = list(texts({k: v for k, v in metadata.items() if k != "licence"}))
    assert len(worded) > 20
    assert all(text["id"] and text["en"] for text in worded)


def test_months_are_counted_from_the_first_to_the_last_both_included() -> None:
    assert months_between((2025, 11), (2026, 2)) == [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
    assert months_between((2026, 5), (2026, 5)) == [(2026, 5)]
    with pytest.raises(ValueError, match="ends before it starts"):
        months_between((2026, 5), (2026, 4))


def test_an_empty_period_gives_a_header_and_no_rows(ctx: ServiceContext, tmp_path: Path) -> None:
    export = open_data(ctx, (2026, 1), (2026, 3), WIB)
    assert export.rows == ()
    csv_path, _ = write_open_data(export, tmp_path / "kosong.csv")
    assert csv_path.read_bytes() == (",".join(COLUMNS) + "\r\n").encode()


_any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.builds(
            OpenDataRow,
            month=st.from_regex(r"\A[0-9]{4}-[0-9]{2}\Z"),
            unit=st.sampled_from(["panggilan", "kejadian"]),
            call_class=_any_text,
            category=_any_text,
            kecamatan=_any_text,
            kecamatan_name=_any_text,
            regency_name=_any_text,
            count=st.none() | st.integers(0, 10**6),
            suppressed=st.booleans(),
        ),
        max_size=8,
    )
)
def test_any_codes_and_names_round_trip_through_a_csv_reader(rows: list[OpenDataRow]) -> None:
    content = csv_bytes(rows)
    parsed = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    assert parsed == [list(COLUMNS), *(row.cells() for row in rows)]
    assert csv_bytes(rows) == content


def test_an_export_is_data_until_written(ctx: ServiceContext, month: Month, tmp_path: Path) -> None:
    export = open_data(ctx, (2026, 11), (2026, 11), WIB)
    assert isinstance(export, OpenDataExport)
    assert "distribution" not in export.metadata
    assert not list(tmp_path.glob("*.csv")) + list(tmp_path.glob("*.json"))


# --- the documented commands -------------------------------------------------------------------------

DOC = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"
CONSOLE = Path(sys.executable).parent / "dispatch-console"


def documented_commands() -> list[list[str]]:
    """The ``dispatch-console report`` lines of docs/open-data.md's shell blocks, split as a shell would."""
    text = DOC.read_text(encoding="utf-8")
    return [
        shlex.split(line)
        for block in re.findall(r"```sh\n(.*?)```", text, re.S)
        for line in block.splitlines()
        if line.startswith("dispatch-console report ")
    ]


def test_the_documented_commands_write_the_export(
    ctx: ServiceContext, month: Month, database: Database, db_path: Path, tmp_path: Path
) -> None:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("the documented commands name a SQLite file")
    commands = documented_commands()
    assert [args[args.index("--out") + 1] for args in commands] == [
        "panggilan-112-2026-11.csv",
        "panggilan-112-2026-s2.csv",
    ]
    out = tmp_path / "out"
    out.mkdir()
    for args in commands:
        args[args.index("--db") + 1] = str(db_path)  # the documented path, swapped for the test's file
        done = subprocess.run(
            [str(CONSOLE), *args[1:]],
            cwd=out,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    november = read_rows(out / "panggilan-112-2026-11.csv")
    assert november[0] == list(COLUMNS)
    assert {row[0] for row in november[1:]} == {"2026-11"}
    expected = open_data(ctx, (2026, 11), (2026, 11), WIB)
    assert november[1:] == [row.cells() for row in expected.rows]
    second_half = read_rows(out / "panggilan-112-2026-s2.csv")
    assert {row[0] for row in second_half[1:]} == {"2026-10", "2026-11"}
    metadata = json.loads((out / "panggilan-112-2026-s2.metadata.json").read_text(encoding="utf-8"))
    assert (metadata["period"]["from"], metadata["period"]["to"]) == ("2026-07", "2026-12")
    assert metadata["distribution"]["file"] == "panggilan-112-2026-s2.csv"
