"""Every report kind rendered in Indonesian and in English from a real scripted shift: each section
present, the numbers written as the language writes them, targets readable without colour, and not a
word of the other language (the translation test holds the .ts entries; this holds the pages)."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from dispatch.reports import export
from dispatch.services import accounts
from ui.report_command import open_data_document, open_read_only, reading_context
from ui.reports import print_report, render_html
from ui.reports.numbers import NBSP, NumberFormat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import report_pages  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")
KINDS = ("handover", "figures", "monthly", "open-data")
REPORT_CONTEXTS = {"FiguresReport", "HandoverReport", "MonthlyReport", "OpenDataReport", "ReportWords"}


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, Any]]]:
    path = tmp_path_factory.mktemp("rendering") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        demo = report_pages.build_demo_shift(path, calls_per_hour=8)
    database = open_read_only(demo.url)
    try:
        ctx = reading_context(database)
        from dispatch.reports.open_data import open_data
        from dispatch.services import shifts

        shift = shifts.shift(ctx, demo.shift_id)
        yield {
            "handover": export.handover_document(ctx, demo.shift_id),
            "figures": export.figures_document(ctx, shift.opened_at, shift.period_end, WIB, shift=shift),
            "monthly": export.monthly_document(ctx, 2026, 11, WIB),
            "open-data": open_data_document(open_data(ctx, (2026, 11), (2026, 11), WIB)),
        }
    finally:
        database.engine.dispose()


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def _report_messages() -> list[tuple[str, str]]:
    """(English, Indonesian) of the report pages' phrases of two words or more that differ."""
    root = ET.parse(ROOT / "resources" / "translations" / "dispatch_id.ts").getroot()
    pairs = []
    for context in root.iter("context"):
        if context.findtext("name") not in REPORT_CONTEXTS:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            if "%" in source or source == translation or len(source.split()) < 2:
                continue
            pairs.append((source, translation))
    return pairs


@pytest.mark.parametrize("kind", KINDS)
def test_no_word_of_the_other_language(
    qapp: QApplication, documents: dict[str, dict[str, Any]], kind: str
) -> None:
    pairs = _report_messages()
    assert len(pairs) > 80
    indonesian = plain(render_html(kind, documents[kind], "id", WIB))
    english = plain(render_html(kind, documents[kind], "en", WIB))
    assert [source for source, _ in pairs if source in indonesian] == []
    # A one-word Indonesian phrase may be an English word too ("Shift").
    assert [t for _, t in pairs if len(t.split()) > 1 and t in english] == []


def test_the_window_keeps_its_language(qapp: QApplication, documents: dict[str, dict[str, Any]]) -> None:
    render_html("figures", documents["figures"], "id", WIB)
    assert QCoreApplication.translate("FiguresReport", "Call centre figures") == "Call centre figures"


@pytest.mark.parametrize(
    ("lang", "captions"),
    [
        (
            "en",
            [
                "Shift handover report",
                "Signatures",
                "The shift",
                "Staff on duty",
                "Calls by class",
                "Emergency calls by incident category",
                "Incidents still open",
                "Units out of service",
                "Callbacks still open",
                "Numbers flagged or with a block requested",
                "Feed outages",
                "Alerts not acknowledged",
                "Planned events",
                "Pass-down instructions",
                "Addenda (written after signing)",
                "Figures of the shift",
                "Times",
                "Targets",
                "Service level per 15 minutes (answered within 15 s)",
                "Per call-taker",
            ],
        ),
        (
            "id",
            [
                "Laporan serah terima shift",
                "Tanda tangan",
                "Petugas yang berjaga",
                "Panggilan menurut jenis",
                "Kejadian yang masih terbuka",
                "Unit yang tidak beroperasi",
                "Panggilan balik yang masih menunggu",
                "Nomor yang ditandai atau dimintakan blokir",
                "Gangguan sumber panggilan",
                "Pesan untuk shift berikutnya",
                "Angka kinerja shift",
                "Tingkat layanan per 15 menit (dijawab dalam 15 dtk)",
                "Per operator",
            ],
        ),
    ],
)
def test_the_handover_has_every_section(
    qapp: QApplication, documents: dict[str, dict[str, Any]], lang: str, captions: list[str]
) -> None:
    text = plain(render_html("handover", documents["handover"], lang, WIB)).replace(NBSP, " ")
    assert [caption for caption in captions if caption not in text] == []


def test_the_handover_carries_its_data(qapp: QApplication, documents: dict[str, dict[str, Any]]) -> None:
    document = documents["handover"]
    content = document["content"]
    text = plain(render_html("handover", document, "en", WIB))
    for incident in content["open_incidents"]:
        assert incident["number"] in text
    for person in content["staff"]:
        assert person["full_name"] in text
    for unit in content["units_out_of_service"]:
        assert unit["call_sign"] in text
    for line in content["pass_down"].splitlines():
        assert line in text
    assert document["signature"]["content_sha256"] in text.replace("\n", "")
    assert document["addenda"][0]["text"] in text
    assert "Signed by the outgoing lead" in text
    assert "DRAFT" not in text


def test_a_draft_says_so(qapp: QApplication, documents: dict[str, dict[str, Any]]) -> None:
    content = documents["handover"]["content"]
    text = plain(render_html("handover", content, "id", WIB))
    assert "DRAF: belum ditandatangani" in text
    # The shift presenter's form: the content with its signature beside it.
    signed = {
        **content,
        "signature": {**documents["handover"]["signature"], "addenda": documents["handover"]["addenda"]},
    }
    text = plain(render_html("handover", signed, "id", WIB))
    assert "Ditandatangani koordinator yang menyerahkan" in text
    assert documents["handover"]["addenda"][0]["text"] in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_targets_are_written_not_coloured(
    qapp: QApplication, documents: dict[str, dict[str, Any]], lang: str
) -> None:
    figures = documents["figures"]["figures"]
    judged = [
        target["met"]
        for distribution in (
            figures["answer"],
            figures["processing"],
            *(a["turnout"] for a in figures["agencies"]),
        )
        for target in distribution["targets"]
    ]
    html = render_html("figures", documents["figures"], lang, WIB)
    text = plain(html)
    assert text.count("✓") == judged.count(True)
    assert text.count("✗") == judged.count(False)
    assert text.count("– ") >= judged.count(None)
    # Missed targets are bold as well as marked; every colour on the page is a grey.
    assert html.count('class="missed"') == judged.count(False)
    colours = re.findall(r"#([0-9a-fA-F]{6})\b", html)
    assert colours
    assert [c for c in colours if len({c[0:2], c[2:4], c[4:6]}) != 1] == []


@pytest.mark.parametrize(("lang", "percent"), [("id", r"\d,\d %"), ("en", r"\d\.\d %")])
def test_numbers_are_written_as_the_language_writes_them(
    qapp: QApplication, documents: dict[str, dict[str, Any]], lang: str, percent: str
) -> None:
    text = plain(render_html("figures", documents["figures"], lang, WIB)).replace(NBSP, " ")
    assert re.search(percent, text)
    other = r"\d\.\d %" if lang == "id" else r"\d,\d %"
    assert not re.search(other, text)
    seconds = r"\d,\d dtk" if lang == "id" else r"\d\.\d s\b"
    assert re.search(seconds, text)


def test_the_figures_name_the_call_takers(qapp: QApplication, documents: dict[str, dict[str, Any]]) -> None:
    text = plain(render_html("figures", documents["figures"], "en", WIB))
    names = [user["full_name"] for user in documents["figures"]["users"].values()]
    assert sorted(names) == ["Bayu Pratama", "Rina Marlina"]
    assert all(name in text for name in names)
    assert "Morning shift of 2026-11-27 · 2026-11-27 07:02 – 15:03 WIB" in text


def test_times_are_in_the_centres_zone(qapp: QApplication, documents: dict[str, dict[str, Any]]) -> None:
    wib = plain(render_html("figures", documents["figures"], "en", WIB))
    wita = plain(render_html("figures", documents["figures"], "en", ZoneInfo("Asia/Makassar")))
    assert "2026-11-27 07:02 – 15:03 WIB" in wib
    assert "2026-11-27 08:02 – 16:03 WITA" in wita


def test_the_monthly_and_open_data_pages(qapp: QApplication, documents: dict[str, dict[str, Any]]) -> None:
    monthly = plain(render_html("monthly", documents["monthly"], "id", WIB))
    assert "Laporan bulanan Call Center 112" in monthly
    assert "November 2026" in monthly
    for row in documents["monthly"]["by_kecamatan"]:
        if row["name"]:
            assert row["name"] in monthly
    opened = plain(render_html("open-data", documents["open-data"], "en", WIB))
    suppressed = sum(
        1 for row in documents["open-data"]["rows"] if row[documents["open-data"]["columns"][-1]] == "1"
    )
    assert opened.count("suppressed") >= suppressed
    assert "Open data: 112 calls and incidents per month" in opened


def test_an_unknown_kind_or_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown report kind"):
        render_html("weekly", {}, "en", WIB)
    with pytest.raises(ValueError, match="unsupported language"):
        render_html("figures", {}, "fr", WIB)


def test_printing_goes_through_the_print_dialog(
    qapp: QApplication, documents: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.accept()
        else:
            QTimer.singleShot(50, accept)

    QTimer.singleShot(50, accept)
    print_report(render_html("figures", documents["figures"], "en", WIB), None, printer)
    assert target.read_bytes().startswith(b"%PDF")


# --- numbers --------------------------------------------------------------------------------------


def test_numbers_in_both_languages(qapp: QApplication) -> None:
    indonesian, english = NumberFormat("id"), NumberFormat("en")
    assert (indonesian.integer(1234567), english.integer(1234567)) == ("1.234.567", "1,234,567")
    assert (indonesian.decimal(1234.56), english.decimal(1234.56)) == ("1.234,6", "1,234.6")
    assert indonesian.percent(0.875) == f"87,5{NBSP}%"
    assert english.target_percent(0.9) == f"90{NBSP}%"
    assert english.seconds(12.34) == f"12.3{NBSP}s"
    assert english.seconds(245) == f"4:05{NBSP}min"
    assert english.seconds(3725) == f"1:02:05{NBSP}h"
    assert english.seconds(None) == indonesian.percent(None) == "–"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_grouping_never_changes_a_number(number: int) -> None:
    assert NumberFormat("id").integer(number).replace(".", "") == str(number)
    assert NumberFormat("en").integer(number).replace(",", "") == str(number)


@given(st.floats(min_value=0, max_value=10**9, allow_nan=False))
def test_the_decimal_comma_is_the_only_difference(value: float) -> None:
    indonesian, english = NumberFormat("id").decimal(value, 2), NumberFormat("en").decimal(value, 2)
    assert indonesian.translate(str.maketrans(".,", ",.")) == english
    assert float(english.replace(",", "")) == pytest.approx(value, abs=0.005)
