"""``dispatch-console report`` run as a real process on a scripted, signed and acknowledged shift.

The shift is scripts/report_pages.py's demonstration (the same scene as the README's pictures): calls
answered, abandoned and classified, incidents dispatched and worked, a unit out of service, a number
flagged, a feed outage, pass-down notes; closed, signed by the outgoing lead, acknowledged by another.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QImage
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from dispatch.reports.handover import canonical_json
from dispatch.services import accounts
from dispatch.store.database import DatabaseKind, _create_engine, open_database, sqlite_url, upgrade_to_head
from dispatch.store.tables import AuditEntry
from tests.store.postgres import migrated_schema, server
from ui.report_command import CommandError, open_read_only, parse_time

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import report_pages  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")


def report(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", "report", *args],
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen"),
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[report_pages.DemoShift]:
    path = tmp_path_factory.mktemp("report") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        # The same argon2id, at its smallest cost: the scene logs in six times.
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield report_pages.build_demo_shift(path, calls_per_hour=10)


def _db_path(demo: report_pages.DemoShift) -> Path:
    return Path(demo.url.removeprefix("sqlite:///"))


def _audit_rows(url: str) -> int:
    database = open_database(url, upgrade=False)
    try:
        with database.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    finally:
        database.engine.dispose()


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("kind", ["handover", "figures"])
def test_the_same_shift_gives_the_same_bytes(
    demo: report_pages.DemoShift, tmp_path: Path, kind: str, fmt: str
) -> None:
    files = []
    for run in (1, 2):
        out = tmp_path / f"{kind}-{run}.{fmt}"
        done = report(
            "--db", demo.url, "--shift", str(demo.shift_id), "--kind", kind,
            "--format", fmt, "--lang", "id", "--out", str(out),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr.decode()
        # Silent when it worked: cron mails any output.
        assert done.stdout == b""
        assert done.stderr == b""
        files.append(out.read_bytes())
    assert files[0] == files[1]
    assert len(files[0]) > 1000


def test_the_signed_handover_is_exported_as_signed(demo: report_pages.DemoShift, tmp_path: Path) -> None:
    out = tmp_path / "handover.json"
    done = report(
        "--db", demo.url, "--shift", "last", "--kind", "handover", "--format", "json", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr.decode()
    text_written = out.read_text(encoding="utf-8")
    document = json.loads(text_written)
    assert text_written == canonical_json(document) + "\n"
    assert document["format"] == "dispatch-handover-export/1"
    assert document["state"] == "acknowledged"
    signature = document["signature"]
    assert (signature["signed_by"], signature["acknowledged_by"]) == ("dewi", "agus")
    # The frozen content is exported as it was signed: its digest is the one stored at signing.
    content = canonical_json(document["content"])
    assert hashlib.sha256(content.encode("utf-8")).hexdigest() == signature["content_sha256"]
    assert document["content"]["period"]["shift_id"] == demo.shift_id
    assert [a["user_name"] for a in document["addenda"]] == ["dewi"]


def test_figures_of_a_period_as_csv_rows(demo: report_pages.DemoShift, tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    done = report(
        "--db", demo.url, "--from", "2026-11-27T07:00", "--to", "2026-11-27 15:00", "--kind", "figures",
        "--format", "csv", "--lang", "en", "--out", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    raw = out.read_bytes()
    assert raw.startswith(b"section,item,field,value,label\r\n")
    rows = [line.split(",") for line in raw.decode("utf-8").splitlines()[1:]]
    by_key = {(r[0], r[1], r[2]): r for r in rows}
    offered = int(by_key[("offered", "", "")][3])
    answered = int(by_key[("answered", "", "")][3])
    abandoned = int(by_key[("abandoned", "", "")][3])
    assert offered == answered + abandoned == demo.calls
    assert by_key[("answer", "", "p90_s")][4] == "Answer time · p90 (seconds)"
    # Every quarter-hour of the eight hours, in the centre's time.
    starts = sorted({r[1] for r in rows if r[0] == "service_levels"})
    assert len(starts) == 32
    assert starts[0] == "2026-11-27T07:00:00+07:00"


def test_indonesian_csv_labels(demo: report_pages.DemoShift) -> None:
    done = report(
        "--db", demo.url, "--shift", str(demo.shift_id), "--kind", "handover", "--format", "csv",
        "--lang", "id", "--out", "-",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[0] == "section,item,field,value,label"
    assert "format,,,dispatch-handover-export/1,Format data" in lines
    assert any(
        line.startswith("open_incidents,") and line.endswith(",Kejadian yang masih terbuka · Status")
        for line in lines
    )


def _png_checks(png: Path) -> None:
    image = QImage(str(png))
    assert not image.isNull()
    ratio = image.height() / image.width()
    assert abs(ratio - 297 / 210) < 0.01, ratio  # A4 portrait
    dark = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixelColor(x, y).lightness() < 128:
                dark += 1
    sampled = (image.height() // 3) * (image.width() // 3)
    assert dark > sampled * 0.01, "page 1 is (nearly) blank"


@needs_poppler
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("kind", ["handover", "figures"])
def test_pdf_in_both_languages_renders_to_an_a4_page(
    demo: report_pages.DemoShift, tmp_path: Path, kind: str, lang: str, qapp: object
) -> None:
    pdf = tmp_path / f"{kind}-{lang}.pdf"
    done = report(
        "--db", demo.url, "--shift", str(demo.shift_id), "--kind", kind, "--format", "pdf",
        "--lang", lang, "--out", str(pdf),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595 x 842 pts (A4)" in info
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    _png_checks(tmp_path / "page.png")
    # NFKC: the PDF's text has the font's ligatures ("ﬁ" for "fi").
    words = unicodedata.normalize(
        "NFKC",
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout,
    )
    title = {
        ("handover", "id"): "Laporan serah terima shift",
        ("handover", "en"): "Shift handover report",
        ("figures", "id"): "Angka kinerja Call Center 112",
        ("figures", "en"): "Call centre figures",
    }[(kind, lang)]
    assert title in words
    pages = re.findall(r"(\d+)\s*/\s*(\d+)\n", words)  # each page's footer: page / pages
    assert pages
    assert pages[0][0] == "1"
    assert len(pages) == int(pages[0][1])


@pytest.mark.parametrize("kind", ["monthly", "open-data"])
@pytest.mark.parametrize("fmt", ["pdf", "csv", "json"])
def test_month_reports(demo: report_pages.DemoShift, tmp_path: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    done = report("--db", demo.url, "--month", "2026-11", "--kind", kind, "--format", fmt, "--out", str(out))
    assert done.returncode == 0, done.stderr.decode()
    assert out.stat().st_size > 500
    if kind == "open-data" and fmt == "csv":
        assert (tmp_path / "open-data.metadata.json").is_file()
    if fmt == "json":
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document.get("month", "2026-11") == "2026-11"


def test_the_database_is_only_read(demo: report_pages.DemoShift, tmp_path: Path) -> None:
    path = _db_path(demo)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    rows = _audit_rows(demo.url)
    for kind in ("handover", "figures"):
        done = report(
            "--db",
            str(path),
            "--shift",
            str(demo.shift_id),
            "--kind",
            kind,
            "--format",
            "json",
            "--out",
            str(tmp_path / "x.json"),
        )
        assert done.returncode == 0, done.stderr.decode()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert _audit_rows(demo.url) == rows  # no REPORT_EXPORT: an audit row would be a write


def test_a_read_only_file_can_be_reported(demo: report_pages.DemoShift, tmp_path: Path) -> None:
    """A copy handed over read-only (an archive, a backup) is reported as it is."""
    copy = tmp_path / "archive.sqlite3"
    shutil.copyfile(_db_path(demo), copy)
    copy.chmod(0o444)
    out = tmp_path / "figures.json"
    done = report(
        "--db",
        str(copy),
        "--shift",
        str(demo.shift_id),
        "--kind",
        "figures",
        "--format",
        "json",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "dispatch-figures/1"


def test_writes_are_refused_on_the_reports_connections(demo: report_pages.DemoShift) -> None:
    database = open_read_only(demo.url)
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM calls")).scalar_one() == demo.calls
            with pytest.raises(OperationalError):
                connection.execute(text("UPDATE duty_shifts SET pass_down = 'changed'"))
    finally:
        database.engine.dispose()


def test_writes_are_refused_on_postgresql(tmp_path: Path) -> None:
    found = server()
    with migrated_schema(found) as schema, pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        demo = report_pages.build_demo_shift(schema.console_url, calls_per_hour=4)
        database = open_read_only(schema.console_url)
        try:
            with database.engine.connect() as connection:
                assert connection.execute(text("SELECT count(*) FROM calls")).scalar_one() == demo.calls
                with pytest.raises(Exception, match="read-only transaction"):
                    connection.execute(text("UPDATE duty_shifts SET pass_down = 'changed'"))
        finally:
            database.engine.dispose()
        outputs = []
        for run in (1, 2):
            out = tmp_path / f"handover-{run}.json"
            done = report(
                "--db",
                schema.console_url,
                "--shift",
                "last",
                "--kind",
                "handover",
                "--format",
                "json",
                "--out",
                str(out),
            )
            assert done.returncode == 0, done.stderr.decode()
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1]


# --- refusals and bad arguments -----------------------------------------------------------------------


def test_an_unknown_shift_is_refused(demo: report_pages.DemoShift, tmp_path: Path) -> None:
    out = tmp_path / "none.json"
    done = report(
        "--db", demo.url, "--shift", "999", "--kind", "handover", "--format", "json", "--out", str(out)
    )
    assert done.returncode == 1
    assert b"no shift 999 in the database" in done.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written file left behind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--kind", "handover", "--month", "2026-11", "--format", "json"],
            b"a handover report takes --shift",
        ),
        (["--kind", "monthly", "--shift", "1", "--format", "json"], b"a monthly report takes --month"),
        (["--kind", "figures", "--from", "2026-11-27", "--format", "json"], b"--from and --to go together"),
        (
            ["--kind", "figures", "--shift", "1", "--month", "2026-11", "--format", "json"],
            b"give the period once",
        ),
        (
            ["--kind", "figures", "--from", "2026-11-28", "--to", "2026-11-27", "--format", "json"],
            b"--to must be after --from",
        ),
        (
            ["--kind", "figures", "--from", "yesterday", "--to", "2026-11-27", "--format", "json"],
            b"not a time",
        ),
        (["--kind", "monthly", "--month", "2026-13", "--format", "json"], b"not a month"),
        (["--kind", "handover", "--shift", "first", "--format", "json"], b"--shift takes a shift's number"),
        (["--kind", "figures", "--shift", "1", "--format", "pdf", "--out", "-"], b"standard output"),
        (
            ["--kind", "figures", "--shift", "1", "--format", "json", "--zone", "Mars/Olympus"],
            b"unknown time zone",
        ),
        (["--kind", "sales", "--shift", "1", "--format", "json"], b"invalid choice"),
    ],
)
def test_bad_arguments_exit_2(
    demo: report_pages.DemoShift, tmp_path: Path, args: list[str], message: bytes
) -> None:
    if "--out" not in args:
        args = [*args, "--out", str(tmp_path / "out")]
    done = report("--db", demo.url, *args)
    assert done.returncode == 2
    assert message in done.stderr, done.stderr.decode()
    assert not (tmp_path / "out").exists()


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    done = report(
        "--db",
        str(missing),
        "--shift",
        "1",
        "--kind",
        "handover",
        "--format",
        "json",
        "--out",
        str(tmp_path / "o.json"),
    )
    assert done.returncode == 2
    assert b"no such database file" in done.stderr
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"not a database, just notes\n" * 200)
    done = report(
        "--db",
        str(junk),
        "--shift",
        "1",
        "--kind",
        "handover",
        "--format",
        "json",
        "--out",
        str(tmp_path / "o.json"),
    )
    assert done.returncode == 2
    assert b"database refused" in done.stderr
    assert junk.read_bytes() == b"not a database, just notes\n" * 200


def test_an_older_database_is_not_upgraded(tmp_path: Path) -> None:
    """A database at an earlier revision is refused, not migrated (the report never writes)."""
    path = tmp_path / "old.sqlite3"
    engine = _create_engine(sqlite_url(path))
    try:
        upgrade_to_head(engine, "0008", kind=DatabaseKind.LIVE)
    finally:
        engine.dispose()
    before = path.read_bytes()
    done = report(
        "--db",
        str(path),
        "--shift",
        "1",
        "--kind",
        "handover",
        "--format",
        "json",
        "--out",
        str(tmp_path / "o.json"),
    )
    assert done.returncode == 2
    assert b"is at revision 0008" in done.stderr
    assert b"upgrade it first" in done.stderr
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("old.sqlite3.backup*"))


def test_an_unwritable_output_is_reported(demo: report_pages.DemoShift, tmp_path: Path) -> None:
    done = report(
        "--db",
        demo.url,
        "--shift",
        "1",
        "--kind",
        "figures",
        "--format",
        "json",
        "--out",
        str(tmp_path / "no" / "such" / "dir.json"),
    )
    assert done.returncode == 2
    assert b"cannot write" in done.stderr


# --- the parser of --from and --to --------------------------------------------------------------------

#: Hypothesis takes naive bounds.
EARLIEST = datetime(1971, 1, 1)  # noqa: DTZ001
LATEST = datetime(2200, 1, 1)  # noqa: DTZ001


@given(st.datetimes(min_value=EARLIEST, max_value=LATEST, timezones=st.just(UTC)))
def test_an_instant_with_its_offset_reads_back(instant: datetime) -> None:
    assert parse_time(instant.isoformat(), WIB) == instant
    assert parse_time(instant.astimezone(WIB).isoformat(), ZoneInfo("Asia/Jayapura")) == instant


@given(st.datetimes(min_value=EARLIEST, max_value=LATEST))
def test_a_local_time_is_in_the_centres_zone(local: datetime) -> None:
    parsed = parse_time(local.isoformat(sep=" "), WIB)
    assert parsed.tzinfo is WIB
    assert parsed.replace(tzinfo=None) == local


@given(st.text(max_size=40))
def test_any_text_is_a_time_or_a_clear_refusal(typed: str) -> None:
    message = ""
    try:
        parsed = parse_time(typed, WIB)
    except ValueError as error:
        message = str(error)
    else:
        assert parsed.tzinfo is not None
        return
    assert message.startswith("not a time")


def test_a_date_alone_is_its_local_midnight() -> None:
    assert parse_time("2026-11-27", WIB) == datetime(2026, 11, 26, 17, 0, tzinfo=UTC)


def test_command_error_carries_its_exit_status() -> None:
    assert CommandError("x").status == 2


# --- what the documentation shows ---------------------------------------------------------------------


def documented_report_commands() -> list[tuple[str, str]]:
    """(file, command) of every ``dispatch-console report`` line in a shell block of README.md and docs/."""
    found = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for block in re.findall(r"```(?:sh|bash|shell)\n(.*?)```", doc.read_text(encoding="utf-8"), re.S):
            for line in block.replace("\\\n", " ").splitlines():
                if line.strip().startswith("dispatch-console report "):
                    found.append((doc.name, line.strip()))
    return found


def test_the_documented_report_commands(demo: report_pages.DemoShift, tmp_path: Path) -> None:
    """Each command as written, on the demonstration shift's database, writing into a scratch folder."""
    commands = documented_report_commands()
    assert any(name == "reports.md" for name, _ in commands)
    for name, command in commands:
        words = shlex.split(command)[2:]
        for at in range(len(words) - 1):
            option, value = words[at], words[at + 1]
            if option == "--db":
                words[at + 1] = demo.url
            elif option == "--out" and value != "-":
                words[at + 1] = str(tmp_path / Path(value).name)
            elif option == "--shift" and value.isdigit():
                words[at + 1] = str(demo.shift_id)
        done = report(*words)
        assert done.returncode == 0, f"{name}: {command}\n{done.stderr.decode()}"


@needs_poppler
def test_report_pages_script(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "scripts/report_pages.py", str(tmp_path)],
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen"),
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    made = sorted(path.name for path in tmp_path.iterdir())
    assert made == [f"report-{kind}-{lang}.png" for kind in ("figures", "handover") for lang in ("en", "id")]
    for png in tmp_path.iterdir():
        _png_checks(png)
    # The README and docs/reports.md show the pictures the script makes.
    shown = set(re.findall(r"screenshots/(report-[\w-]+\.png)", (ROOT / "docs" / "reports.md").read_text()))
    assert shown
    assert shown <= set(made)
