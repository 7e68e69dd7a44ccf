"""The Indonesian catalogue uses the glossary's words (docs/glossary.md), everywhere."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [ROOT / "resources" / "translations" / name for name in ("dispatch_id.ts", "qtbase_id.ts")]


def _pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for path in CATALOGUES:
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                assert translation is not None
                forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
                for form in forms:
                    pairs.append((context.findtext("name") or "", message.findtext("source") or "", form))
    return pairs


#: Words the glossary rules out, and the word it uses instead.
RULED_OUT = {
    r"\bpenelepon\b": "pelapor (the caller)",
    r"\bkode panggil": "kode unit (call sign)",
    r"\bpengarah\b": "petugas dispatch (dispatcher)",
    r"\bditerjemahkan\b": "dibaca (decoded)",
    r"(?<!\+)\b(Up|Down)\b": "↑/↓ (arrow keys; key sequences such as Alt+Up stay)",
    r"\bQ: |\bA: ": "T: / J: (protocol answers)",
    r"\bsupervisor\b": "koordinator",
    r"\bpengerahan\b": "pengiriman unit (dispatch)",
}


@pytest.mark.parametrize("pattern", sorted(RULED_OUT))
def test_words_the_glossary_rules_out_are_not_used(pattern: str) -> None:
    used = [(c, s, t) for c, s, t in _pairs() if re.search(pattern, t, re.IGNORECASE)]
    assert used == [], f"use {RULED_OUT[pattern]}"


def test_the_glossary_terms_translate_their_english() -> None:
    words = {(c, s): t for c, s, t in _pairs()}
    assert words[("CallerPanel", "Caller")] == "Pelapor"
    assert words[("IncidentPanel", "Caller &name")].replace("&", "") == "Nama pelapor"
    assert words[("IncidentPanel", "Narrative")] == "Kronologi"
    assert words[("ChoiceBar", "[Esc] Cancel")] == "[Esc] Kembali"
    assert words[("Labels", "Silent")] == "Tanpa suara"
    assert words[("Labels", "Dispatcher")] == "Petugas dispatch"
    assert words[("Labels", "Supervisor")] == "Koordinator"
    overdue = [t for (c, s), t in words.items() if c == "AlertList" and s.startswith("⚠ OVERDUE")]
    assert overdue
    assert all(t.startswith("⚠ LEWAT BATAS WAKTU") for t in overdue)  # "terlambat" is a status word


def test_the_glossary_names_each_ruled_word() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for word in ("pelapor", "kode unit", "petugas dispatch", "dibaca", "T: ... J: ...", "lewat batas waktu"):
        assert word in glossary
