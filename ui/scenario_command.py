"""``dispatch-console scenario check``: a trainer's check of scenario files (docs/scenarios.md).

    dispatch-console scenario check FILE... [--lang id|en]
    dispatch-console scenario check --shipped [--lang id|en]

Each file is read as the console reads it (``dispatch.simulator.scenario_files``: the catalogue, the
protocol cards and the area table it names are the shipped ones), and one line is printed per file:

    OK fire-trapped-tembalang: Kebakaran, orang terjebak (3 calls, 10 surge callers)
    fire.json:14: calls[0].truth.category: FIER is not a category of the catalogue (...)

in the language of ``--lang`` (default: the console's, from its settings). The first problem of a
file is named, with its line, as an editor counts lines. No database is opened.

Exit status: 0 every file is a valid scenario; 1 one is not; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

EXIT_GOOD = 0
EXIT_BAD = 1
LANGUAGES = ("id", "en")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-console scenario",
        description="Training scenarios (docs/scenarios.md).",
        epilog="dispatch-console scenario check FILE... [--shipped] [--lang id|en]: check scenario "
        "files, one line per file (OK, or the first problem with its line); exit status 0 only if all "
        "are valid.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="check")
    check = verbs.add_parser(
        "check",
        help="check scenario files",
        description="Check training scenario files: one line per file, OK or the first problem with its "
        "line (docs/scenarios.md).",
        epilog="Exit status: 0 every file is valid; 1 one is not; 2 wrong command line.",
    )
    check.add_argument("files", nargs="*", metavar="FILE", help="scenario files (.json)")
    check.add_argument("--shipped", action="store_true", help="also check every shipped scenario")
    check.add_argument(
        "--lang", choices=LANGUAGES, help="language of the messages (default: the console's, from settings)"
    )
    return parser


def console_language() -> str:
    """The console's language: its settings, else the system's, else Indonesian (as the window)."""
    from ui.i18n import default_language
    from ui.settings import ConsoleSettings

    chosen = ConsoleSettings.load().language
    return chosen if chosen in LANGUAGES else default_language()


@contextmanager
def _speaking(language: str) -> Iterator[None]:
    """translate() in ``language``: a core application (no window system) and the console's words."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTranslator

    from dispatch.resources import resource_path

    app = QCoreApplication.instance() or QCoreApplication(["dispatch-console"])
    translator = QTranslator()
    path = resource_path("translations", f"dispatch_{language}.qm")
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translation file missing: {path}")
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
    del app


def check_files(paths: Sequence[Path], language: str, shown: Sequence[str], out: TextIO) -> int:
    """One line per file on ``out`` (``shown``: each file's name as given); the exit status."""
    from PySide6.QtCore import QCoreApplication

    from dispatch.catalogue_files import load_default_catalogue, load_default_protocols
    from dispatch.simulator.scenario_files import ScenarioError, load_scenario
    from ui.labels import scenario_problem

    translate = QCoreApplication.translate
    catalogue, protocols = load_default_catalogue(), load_default_protocols()
    status = EXIT_GOOD
    for path, name in zip(paths, shown, strict=True):
        try:
            loaded = load_scenario(path, catalogue, protocols)
        except ScenarioError as error:
            status = EXIT_BAD
            place = f"{name}:{error.line}:" if error.line else f"{name}:"
            where = f" {error.where}:" if error.where else ""
            print(f"{place}{where} {scenario_problem(error.problem, error.detail)}", file=out)
            continue
        scenario = loaded.scenario
        surge_callers = sum(surge.count for surge in scenario.surges)
        print(
            translate("ScenarioCommand", "OK {id}: {title} ({calls} calls, {surge} surge callers)")
            .replace("{id}", scenario.id)
            .replace("{calls}", str(len(scenario.calls)))
            .replace("{surge}", str(surge_callers))
            # Last: a title is the trainer's text and may hold braces of its own.
            .replace("{title}", scenario.title.in_language(language)),
            file=out,
        )
    return status


def main(argv: Sequence[str], stdout: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    parser = build_parser()
    options = parser.parse_args(list(argv))
    from dispatch.simulator.scenario_files import shipped_scenario_paths

    shown: list[str] = list(options.files)
    paths = [Path(name).expanduser() for name in shown]
    if options.shipped:
        shipped = shipped_scenario_paths()
        paths += shipped
        shown += [str(path) for path in shipped]
    if not paths:
        parser.error("give the scenario files to check, or --shipped")
    language = options.lang or console_language()
    with _speaking(language):
        return check_files(paths, language, shown, out)
