"""Both languages are complete for everything that exists, and what ships is what the sources say."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

LANGUAGES = ("id", "en")
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("name", [*(f"dispatch_{lang}.ts" for lang in LANGUAGES), "qtbase_id.ts"])
def test_every_entry_is_translated(name: str) -> None:
    messages = _messages(TRANSLATIONS / name)
    assert messages
    problems = []
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        texts = _translations(message)
        if kind in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is {kind or 'empty'}")
            continue
        for text in texts:
            if (
                sorted(PLACEHOLDER.findall(text)) != sorted(set(PLACEHOLDER.findall(source)))
                and "%n" not in source
            ):
                problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
            if source.count("&") != text.count("&"):
                problems.append(f"{context}: {source!r} -> {text!r}: keyboard accelerator lost or added")
    assert not problems, "\n".join(problems)


def test_translation_sources_hold_every_string_of_the_ui(tmp_path: Path) -> None:
    """lupdate over ui/ now finds exactly the strings the .ts files hold: none missing, none stale."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            update_translations.tool("pyside6-lupdate"),
            "-locations",
            "none",
            *update_translations.sources(),
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wanted = {(c, s) for c, s, _ in _messages(fresh)}
    for lang in LANGUAGES:
        have = {(c, s) for c, s, _ in _messages(TRANSLATIONS / f"dispatch_{lang}.ts")}
        assert wanted - have == set(), f"{lang}: not in the .ts (run scripts/update_translations.py)"
        assert have - wanted == set(), f"{lang}: stale entries (run scripts/update_translations.py)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_translations_match_their_sources(tmp_path: Path, lang: str) -> None:
    compiled = tmp_path / f"dispatch_{lang}.qm"
    sources = []
    for number, path in enumerate(update_translations.release_sources(lang)):  # Indonesian: + Qt's words
        sources.append(tmp_path / f"source{number}.ts")
        shutil.copy(path, sources[-1])
    subprocess.run(
        [update_translations.tool("pyside6-lrelease"), *map(str, sources), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    shipped = TRANSLATIONS / f"dispatch_{lang}.qm"
    assert compiled.read_bytes() == shipped.read_bytes(), "run scripts/update_translations.py"


#: Contexts whose labels share one window (the settings dialog embeds the feed list and the timer
#: limits), and labels that are one button's two states (never shown together).
SAME_WINDOW = {"settings": ("SettingsDialog", "FeedSettings", "TimerSettings")}
ONE_BUTTON = {("FeedSettings", "S&top test")}
ACCELERATOR = re.compile(r"&(\w)")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("window", sorted(SAME_WINDOW))
def test_alt_keys_are_not_shared_within_one_window(lang: str, window: str) -> None:
    taken: dict[str, str] = {}
    clashes = []
    for context, source, message in _messages(TRANSLATIONS / f"dispatch_{lang}.ts"):
        if context not in SAME_WINDOW[window] or (context, source) in ONE_BUTTON:
            continue
        for text in _translations(message):
            found = ACCELERATOR.search(text.replace("&&", ""))
            if found is None:
                continue
            letter = found.group(1).casefold()
            if letter in taken:
                clashes.append(f"Alt+{letter.upper()}: {taken[letter]!r} and {text!r}")
            taken[letter] = text
    assert clashes == []


def test_no_words_are_translated_inside_an_f_string() -> None:
    """lupdate reads ``translate("Context", "text")`` calls; inside an f-string it never sees them, so
    those words stayed English in the Indonesian debrief ("passed" / "not passed")."""
    inside = re.compile(r"""\bf(["'])[^\n]*?\{\s*(?:translate|self\.tr|tr)\(""")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inside.search(line)
    ]
    assert not found, found
