"""Refresh the Qt Linguist sources and compile them.

    python scripts/update_translations.py [--check]

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` string of ``ui/`` into
   ``resources/translations/dispatch_{id,en}.ts`` (existing translations are kept, vanished
   strings are dropped with ``-no-obsolete``).
2. English is the source language, so English entries are filled with their source text.
3. ``pyside6-lrelease`` compiles both into the ``.qm`` files the console loads; Indonesian's also
   takes in ``qtbase_id.ts``, the words of Qt's own buttons, dialogs and context menus (Qt ships no
   Indonesian catalogue; that file is written by hand and lupdate leaves it alone).

Indonesian entries left ``unfinished`` must be translated (Qt Linguist, or by editing the XML);
``tests/test_translations.py`` fails while any remains.

``--check`` runs the same steps on copies in a temporary folder and changes nothing: exit status 1,
naming the files, when the committed ``.ts``/``.qm`` files differ from what the steps make or an
Indonesian entry is unfinished; 0 when they are up to date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("id", "en")


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"dispatch_{lang}.ts"


def run_lupdate(targets: list[Path]) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *sources(),
            "-ts",
            *map(str, targets),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def fill_english(path: Path) -> None:
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "en_GB")
    root.set("sourcelanguage", "en_GB")
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = source
        else:
            translation.text = source
    tree.write(path, encoding="utf-8", xml_declaration=True)


def mark_indonesian(path: Path) -> None:
    tree = ET.parse(path)
    tree.getroot().set("language", "id_ID")
    tree.getroot().set("sourcelanguage", "en_GB")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def release_sources(lang: str) -> list[Path]:
    """What ``dispatch_<lang>.qm`` is compiled from: the console's words, and Qt's own words where Qt
    ships no catalogue for the language (``qtbase_<lang>.ts``, written by hand, not by lupdate)."""
    qt_words = TRANSLATIONS / f"qtbase_{lang}.ts"
    return [ts_path(lang), *([qt_words] if qt_words.exists() else [])]


def release() -> None:
    for lang in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                *map(str, release_sources(lang)),
                "-qm",
                str(TRANSLATIONS / f"dispatch_{lang}.qm"),
            ],
            check=True,
            capture_output=True,
        )


def check() -> int:
    global TRANSLATIONS
    committed = TRANSLATIONS
    with tempfile.TemporaryDirectory(prefix="translations-check-") as folder:
        TRANSLATIONS = Path(folder)
        try:
            for lang in LANGUAGES:
                shutil.copy(committed / f"dispatch_{lang}.ts", TRANSLATIONS)
                if (committed / f"qtbase_{lang}.ts").exists():
                    shutil.copy(committed / f"qtbase_{lang}.ts", TRANSLATIONS)
            update()
            made = sorted(p.name for p in TRANSLATIONS.iterdir())
            stale = [n for n in made if (TRANSLATIONS / n).read_bytes() != (committed / n).read_bytes()]
            unfinished = unfinished_count()
        finally:
            TRANSLATIONS = committed
    for name in stale:
        print(f"out of date: resources/translations/{name} (run python scripts/update_translations.py)")
    print(f"Indonesian entries still to translate: {unfinished}")
    return 1 if stale or unfinished else 0


def unfinished_count() -> int:
    return sum(
        1 for m in ET.parse(ts_path("id")).getroot().iter("translation") if m.get("type") == "unfinished"
    )


def update() -> None:
    run_lupdate([ts_path(lang) for lang in LANGUAGES])
    fill_english(ts_path("en"))
    mark_indonesian(ts_path("id"))
    release()


def main() -> int:
    if sys.argv[1:] == ["--check"]:
        return check()
    if sys.argv[1:]:
        raise SystemExit("usage: python scripts/update_translations.py [--check]")
    run_lupdate([ts_path(lang) for lang in LANGUAGES])
    fill_english(ts_path("en"))
    mark_indonesian(ts_path("id"))
    release()
    unfinished = sum(
        1 for m in ET.parse(ts_path("id")).getroot().iter("translation") if m.get("type") == "unfinished"
    )
    print(f"Indonesian entries still to translate: {unfinished}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
