"""Every command the README and docs/ show runs, in a form that fits a test.

* ``dispatch-console --help`` and ``dispatch-console listen --help``, and every option the README's
  usage lines name is in that help;
* the README's ``listen`` commands, as written, with the wiring swapped for a local peer: the serial
  port for a socat pty pair, the PBX for a scripted AMI server on 127.0.0.1;
* ``scripts/screenshots.py`` into a temporary folder: every screenshot the README links is made;
* ``scripts/update_translations.py --check``: the committed translations are what the script makes;
* the benchmarks are run at their smoke size by ``tests/test_benchmarks.py``.

``test_no_documented_command_is_left_out`` reads every shell block of the README and docs/ and fails
on a command that none of these covers (the two set-up commands, ``scripts/run`` and
``scripts/test``, and ``.ci/run`` aside), so that a new documented command needs a test.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import struct
import subprocess
import sys
from pathlib import Path

from tests.feeds.decoding import expected
from tests.feeds.modem_script import AML, PtyModem
from tests.feeds.peers import ScriptedServer, TcpScript, pty_pair, sample, start_socat

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CONSOLE = Path(sys.executable).parent / "dispatch-console"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

#: Documented commands and what runs them (a regular expression over the command line).
COVERED = {
    r"^dispatch-console report .*--kind open-data": (
        "tests/reports/test_open_data.py::test_the_documented_commands_write_the_export"
    ),
    r"^dispatch-console report ": "tests/reports/test_report_command.py::test_the_documented_report_commands",
    r"scripts/report_pages\.py": "tests/reports/test_report_command.py::test_report_pages_script",
    r"^scripts/(run|test)\b": "the two set-up commands (they are what runs this)",
    r"^git clone ": "installing: not a command of this project",
    r"dispatch-console listen ": "test_readme_listen_commands",
    r"-m bench\.|bench/bench_\w+\.py": "tests/test_benchmarks.py",
    r"^(\.venv/bin/)?python scripts/update_translations\.py": "test_translations_check",
    r"scripts/screenshots\.py": "test_screenshots_script",
    r"^scripts/bench\b": "tests/test_benchmarks.py::test_readme_figures",
    r"^dispatch-console migrate ": "tests/store/test_postgres_tamper.py::test_the_documented_migrate_command",
    r"^dispatch-console admin (create-user|list-users|unlock|reset-password) ": "tests/test_admin_command.py",
    r"^dispatch-console verify ": "tests/store/test_audit_chain.py (verify run as a process)",
    r"^dispatch-console scenario check ": "tests/test_scenario_command.py",
    r"^dispatch-console --scenario ": "tests/ui/test_scenario_option.py",
}


def shell_commands() -> list[tuple[str, str]]:
    """(file, command) for every line of every ```sh block of the README and docs/."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in re.findall(r"```(?:sh|bash|shell)\n(.*?)```", text, re.S):
            joined = block.replace("\\\n", " ")
            for line in joined.splitlines():
                command = line.split(" #", 1)[0].strip()
                if command and not command.startswith("#"):
                    found.append((doc.name, command))
    return found


def test_no_documented_command_is_left_out() -> None:
    commands = shell_commands()
    assert any("listen" in c for _, c in commands)  # the reader works
    uncovered = [(doc, c) for doc, c in commands if not any(re.search(p, c) for p in COVERED)]
    assert not uncovered, f"documented commands no test runs: {uncovered}"


def run_console(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CONSOLE), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=ENV, check=False
    )


def help_of(line: str) -> str:
    """The --help text of the command a usage line shows (an admin line: of each admin command)."""
    words = line.split()
    sub = words[1] if len(words) > 1 and not words[1].startswith("[") else None
    commands: list[list[str]] = [[]] if sub is None else [[sub]]
    if sub == "admin":
        commands += [["admin", name] for name in words[2].split("|")]
    texts = []
    for command in commands:
        done = run_console(*command, "--help")
        assert done.returncode == 0, (command, done.stderr)
        texts.append(done.stdout)
    return "\n".join(texts)


def test_help_of_each_subcommand() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = re.search(r"```\n(dispatch-console \[.*?)```", readme, re.S)
    assert usage is not None, "the README's usage block"
    for line in usage.group(1).replace("\n ", " ").splitlines():
        text = help_of(line)
        options = re.findall(r"--[a-z][a-z-]*", line)
        assert options, line
        for option in options:
            assert option in text, f"{option} of the README's usage is not in the --help of: {line}"


def readme_listen_commands() -> list[list[str]]:
    return [shlex.split(c) for _, c in shell_commands() if "dispatch-console listen " in c]


def finish(process: subprocess.Popen[str], timeout: float = 30) -> tuple[int, list[dict[str, object]], str]:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"listen did not finish: {err}") from None
    return process.returncode, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_readme_listen_commands(tmp_path: Path) -> None:
    """The README's listen commands, as written but for the wiring (and a count, to end)."""
    commands = readme_listen_commands()
    serial = [c for c in commands if c[2].startswith("serial:")]
    ami = [c for c in commands if c[2].startswith("ami://")]
    modem = [c for c in commands if c[2].startswith("aml-sms:")]
    assert len(serial) == 1, commands
    assert len(ami) == 1, commands
    assert len(modem) == 1, commands
    assert modem[0][0] == ".venv/bin/dispatch-console"
    assert serial[0][0] == ".venv/bin/dispatch-console"
    assert ami[0][0] == ".venv/bin/dispatch-console"

    # serial:/dev/ttyUSB0?protocol=auto --count 1, on a pty with a formatted modem block.
    with pty_pair(tmp_path) as pair:
        url = serial[0][2].replace("/dev/ttyUSB0", str(pair.console))
        assert url != serial[0][2]
        process = subprocess.Popen(
            [str(CONSOLE), "listen", url, *serial[0][3:]],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        assert process.stderr is not None
        assert process.stderr.readline().startswith("listening: "), "listen never said it was listening"
        pair.write(sample("modem-formatted.bin"))
        code, events, err = finish(process)
    assert code == 0, err
    first = expected("modem-formatted.expected.jsonl")[0]
    assert len(events) == 1  # --count 1
    assert {k: events[0][k] for k in ("event", "number", "name")} == {
        k: first[k] for k in ("event", "number", "name")
    }

    # ami://dispatch:SECRET@pbx:5038?exten=112, against a PBX on 127.0.0.1 that expects that login.
    data = sample("ami-session.bin")
    greeting, rest = data.split(b"\r\n", 1)
    script = TcpScript([("send", greeting + b"\r\n"), ("expect", b"\r\n\r\n"), ("send", rest)])
    server = ScriptedServer([script])
    try:
        url = ami[0][2].replace("pbx:5038", f"127.0.0.1:{server.port}")
        assert url != ami[0][2]
        wanted = [e for e in expected("ami-session.expected.jsonl")]
        process = subprocess.Popen(
            [str(CONSOLE), "listen", url, *ami[0][3:], "--count", str(len(wanted))],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        code, events, err = finish(process)
    finally:
        server.close()
    assert code == 0, err
    login = b"".join(script.received)
    for line in (b"Action: Login", b"Username: dispatch", b"Secret: SECRET"):
        assert line in login, login
    assert [e["event"] for e in events] == [w["event"] for w in wanted]

    # aml-sms:serial:/dev/ttyUSB1?baud=115200, on a pty with a scripted GSM modem receiving an AML SMS.
    (tmp_path / "modem").mkdir()
    pair = start_socat(tmp_path / "modem")
    gsm = PtyModem(pair)
    try:
        url = modem[0][2].replace("/dev/ttyUSB1", str(pair.console))
        assert url != modem[0][2]
        process = subprocess.Popen(
            [str(CONSOLE), "listen", url, *modem[0][3:], "--count", "1"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        assert process.stderr is not None
        assert process.stderr.readline().startswith("listening: "), "listen never said it was listening"
        gsm.receive("+6281234567890", AML)
        code, events, err = finish(process)
    finally:
        gsm.close()
        pair.kill()
    assert code == 0, err
    assert [(e["event"], e["number"], e["lat"], e["radius_m"]) for e in events] == [
        ("location", "+6281234567890", -6.99306, 12.0)
    ]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_screenshots_script(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "scripts/screenshots.py", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env=ENV,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # The report pages (report-*.png) are made by scripts/report_pages.py, which
    # tests/reports/test_report_command.py::test_report_pages_script runs and checks.
    linked = {
        name
        for name in re.findall(r"docs/screenshots/([\w.-]+\.png)", readme)
        if not name.startswith("report-")
    }
    assert linked
    for name in sorted(linked):
        made = tmp_path / name
        assert made.exists(), f"the README links {name}; scripts/screenshots.py did not make it"
        size = re.search(r"(\d+)x(\d+)", name)
        if size is None:  # a dialog (map-tiles-setting-id.png): its own size, checked to be a PNG
            assert min(png_size(made)) > 100, name
            continue
        assert png_size(made) == (int(size.group(1)), int(size.group(2))), name


def test_translations_check() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/update_translations.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Indonesian entries still to translate: 0" in done.stdout
