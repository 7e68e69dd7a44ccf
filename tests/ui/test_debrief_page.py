"""The debrief page (report kind "debrief") from a drill played through the services, in both
languages, and as a PDF: the result written with a mark and words, the scores, the timeline."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from dispatch.domain.clock import ManualClock
from dispatch.reports.debrief import debrief_data
from dispatch.services import accounts, training_scores
from dispatch.services.context import ServiceContext
from dispatch.simulator.scoring_files import load_scoring_rules
from dispatch.store.database import Database
from tests.services.training_drill import SCENARIO, play_drill
from ui.reports import render_html, write_pdf
from ui.reports.numbers import NBSP

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def database(training_database: Database) -> Database:
    return training_database


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText().replace(NBSP, " ")


@pytest.fixture
def drill_debriefs(ctx: ServiceContext, clock: ManualClock) -> tuple[dict[str, object], dict[str, object]]:
    drill = play_drill(ctx, clock)
    rules, sha = load_scoring_rules()
    training_scores.score_session(ctx, drill.session_id, SCENARIO, rules, sha)
    trainee = debrief_data(ctx, drill.session_id, drill.trainee_id, SCENARIO).to_json()
    trainer = debrief_data(ctx, drill.session_id, None, SCENARIO).to_json()
    return trainee, trainer


def test_the_debrief_in_english(
    qapp: QApplication, drill_debriefs: tuple[dict[str, object], dict[str, object]]
) -> None:
    trainee, trainer = drill_debriefs
    text = plain(render_html("debrief", trainee, "en", WIB))
    for words in (
        "Training debrief",
        "Test drill",
        "Budi Santoso",
        "Mean score",
        "79.7",
        "✓ passed",
        "Call 1 (fire): Emergency",
        "score 84.5",
        "Score per dimension",
        "Answer time",
        "Time to dispatch",
        "Timeline (seconds from the ring)",
        "Answer within 10 s",
        "Dispatched DEMO-DMK-01",
        "First unit dispatched by now",
        "Asked: Is anyone still inside the building?",
        "Ask: Is the fire spreading",
        "Send Fire and rescue: at least 2",
        "Sessions so far",
        "90 s against 60 s",
        "556 m from the place",
        "missing: Is the fire spreading",
        "missing: Landmark",
        "98 s",
    ):
        assert words in text, words
    assert "✗" in text  # a dimension short of full credit is marked, not only coloured
    everyone = plain(render_html("debrief", trainer, "en", WIB))
    assert "All trainees" in everyone
    assert "✗ not passed" in everyone  # 59.8 against 70
    assert "surge1.1" in everyone
    assert "Sessions so far" not in everyone


def test_the_debrief_in_indonesian_writes_its_numbers_so(
    qapp: QApplication, drill_debriefs: tuple[dict[str, object], dict[str, object]]
) -> None:
    trainee, _ = drill_debriefs
    text = plain(render_html("debrief", trainee, "id", WIB))
    assert "Latihan uji" in text  # the scenario's Indonesian title
    assert "79,7" in text
    assert "84,5" in text
    assert "556 m" in text  # the position 0.005 degrees south of the place
    assert "79.7" not in text
    assert "Test drill" not in text
    assert "✓" in text


def test_the_debrief_as_a_pdf(
    qapp: QApplication, drill_debriefs: tuple[dict[str, object], dict[str, object]], tmp_path: Path
) -> None:
    trainee, _ = drill_debriefs
    path = tmp_path / "debrief.pdf"
    write_pdf(render_html("debrief", trainee, "id", WIB), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 5_000
