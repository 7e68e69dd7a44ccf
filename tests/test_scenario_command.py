"""``dispatch-console scenario check``: one line per file (OK, or the first problem with its line), in
the language chosen, and an exit status a script can test; run in-process and as a real process."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dispatch.simulator.scenario_files import scenarios_dir
from ui.scenario_command import EXIT_BAD, EXIT_GOOD, main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = scenarios_dir() / "example-prank.json"
EXAMPLE_OK_EN = "OK example-prank: Example: a prank call (1 calls, 0 surge callers)"


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """The tests' QApplication before the command's own: the command makes a core application when
    none exists, which would stand in the way of the widgets' tests run after these."""


def check(*args: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = main(["check", *args], stdout=out)
    return status, out.getvalue().splitlines()


def example_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """The example scenario saved as ``name`` with one piece of its text replaced."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new).replace('"example-prank"', f'"{path.stem}"'), encoding="utf-8")
    return path


def line_of(path: Path, marker: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(marker)].count("\n") + 1


def test_a_good_file_is_ok_with_its_title_and_calls() -> None:
    assert check(str(EXAMPLE), "--lang", "en") == (EXIT_GOOD, [EXAMPLE_OK_EN])
    status, lines = check(str(EXAMPLE), "--lang", "id")
    assert status == EXIT_GOOD
    assert lines[0].startswith("OK example-prank: Contoh: panggilan iseng (")


def test_a_bad_file_names_its_line_and_the_status_says_so(tmp_path: Path) -> None:
    bad = example_with(tmp_path, "bad-class.json", '"class": "prank"', '"class": "prnak"')
    line = line_of(bad, '"prnak"')
    status, lines = check(str(EXAMPLE), str(bad), "--lang", "en")
    assert status == EXIT_BAD
    assert lines == [
        EXAMPLE_OK_EN,
        f"{bad}:{line}: calls[0].truth.class: prnak is not one of emergency, information, prank, silent, "
        "abandoned, duplicate, wrong_number",
    ]
    # In Indonesian: the same place, the value named (the words are the translators').
    status, lines = check(str(bad), "--lang", "id")
    assert status == EXIT_BAD
    assert lines[0].startswith(f"{bad}:{line}: calls[0].truth.class: ")
    assert "prnak" in lines[0]


def test_a_syntax_error_names_line_and_column_and_a_missing_file_is_named(tmp_path: Path) -> None:
    broken = example_with(tmp_path, "broken.json", '"seed": 7,', '"seed": 7')
    line = line_of(broken, '"duration_seconds"')
    missing = tmp_path / "missing.json"
    status, lines = check(str(broken), str(missing), "--lang", "en")
    assert status == EXIT_BAD
    assert lines == [
        f"{broken}:{line}: column 3: ',' or '}}' was expected (a comma missing?)",
        f"{missing}: the file cannot be read: No such file or directory",
    ]


def test_every_shipped_scenario_checks_good() -> None:
    status, lines = check("--shipped", "--lang", "en")
    assert status == EXIT_GOOD, lines
    assert EXAMPLE_OK_EN in lines
    assert len(lines) >= 1
    assert all(line.startswith("OK ") for line in lines)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env or {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )


def test_the_command_as_a_process(tmp_path: Path) -> None:
    """``main.py scenario check`` as a trainer types it; the documented form in docs/scenarios.md."""
    bad = example_with(tmp_path, "late.json", '"at_seconds": 5', '"at_seconds": 180')
    done = run("main.py", "scenario", "check", str(EXAMPLE), str(bad), "--lang", "en")
    assert done.returncode == EXIT_BAD, done.stderr
    line = line_of(bad, '"at_seconds": 180')
    assert done.stdout.splitlines() == [
        EXAMPLE_OK_EN,
        f"{bad}:{line}: calls[0].at_seconds: 180 is not before the scenario's end (180 s)",
    ]
    done = run("-m", "ui.cli", "scenario", "check", "resources/scenarios/example-prank.json", "--lang", "en")
    assert (done.returncode, done.stdout.strip()) == (EXIT_GOOD, EXAMPLE_OK_EN), done.stderr
    # No file: a wrong command line (status 2), said on standard error.
    done = run("main.py", "scenario", "check")
    assert done.returncode == 2
    assert "give the scenario files" in done.stderr


def test_the_default_language_is_the_consoles(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "dispatch-console").mkdir(parents=True)
    (config / "dispatch-console" / "dispatch-console.ini").write_text("[General]\nlanguage=en\n")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
    }
    done = run("main.py", "scenario", "check", str(EXAMPLE), env=env)
    assert (done.returncode, done.stdout.strip()) == (EXIT_GOOD, EXAMPLE_OK_EN), done.stderr
    (config / "dispatch-console" / "dispatch-console.ini").write_text("[General]\nlanguage=id\n")
    done = run("main.py", "scenario", "check", str(EXAMPLE), env=env)
    assert done.stdout.startswith("OK example-prank: Contoh: panggilan iseng ("), done.stderr


@pytest.mark.parametrize("content", ["", "{", json.dumps({"format": "dispatch-scenario/1"})])
def test_a_file_that_is_no_scenario_is_one_line_and_status_1(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    status, lines = check(str(path), "--lang", "en")
    assert status == EXIT_BAD
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:1: ")


def test_the_consoles_words_for_each_problem_are_the_loaders_english() -> None:
    """ui.labels.scenario_problem in English says what ScenarioError says, for every problem the
    loader tests make, with every {name} filled."""
    from dispatch.simulator.scenario_files import ScenarioError, problem_text
    from tests.unit.test_scenario_files import SCHEMA_CASES, SYNTAX_CASES, _case_text, parse
    from ui.labels import scenario_problem
    from ui.scenario_command import _speaking

    errors: list[ScenarioError] = []
    texts = [_case_text(case[0]) for case in SCHEMA_CASES.values()]
    texts += [case[0] for case in SYNTAX_CASES.values()]
    for text in texts:
        with pytest.raises(ScenarioError) as caught:
            parse(text)
        errors.append(caught.value)
    with _speaking("en"):
        for error in errors:
            worded = scenario_problem(error.problem, error.detail)
            assert worded == problem_text(error.problem, error.detail)
            assert not re.search(r"\{\w+\}", worded), worded
