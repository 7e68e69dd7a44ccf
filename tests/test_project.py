"""The project's own rules: layer contracts, and an installed (non-editable) console that finds its data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.slow
def test_non_editable_install_finds_its_resources(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    probe = """
import json, sys
from dispatch.resources import resources_dir
from dispatch.catalogue_files import load_default_catalogue, load_default_protocols, load_demo_roster
from dispatch.domain.areas import area_index
from dispatch.domain.phone import parse_caller_number
from dispatch.services.recommendations import load_default_needs
from dispatch.store.database import open_database, sqlite_url, head_revision, current_revision
from pathlib import Path
import dispatch, ui
db = open_database(sqlite_url(Path(sys.argv[1])))
print(json.dumps({
    "resources": str(resources_dir()), "dispatch": dispatch.__file__, "ui": ui.__file__,
    "categories": len(load_default_catalogue()), "units": len(load_demo_roster()),
    "protocols": len(load_default_protocols().cards),
    "needs": len(load_default_needs(load_default_catalogue()).flag_needs),
    "pleburan": area_index().get("33.74.07.1005").village,
    "carrier": parse_caller_number("081234567890").description,
    "revision": current_revision(db.engine), "head": head_revision(),
    "qm": sorted(p.name for p in (resources_dir() / "translations").glob("*.qm")),
}))
db.dispose()
"""
    # Run from an empty folder with only the install and the third-party packages on the path.
    third_party = [p for p in sys.path if "site-packages" in p]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), *third_party]), "PYTHONNOUSERSITE": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path[:0] = {[str(target), *third_party]!r}; exec({probe!r})",
            str(tmp_path / "db.sqlite3"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    import json

    found = json.loads(done.stdout)
    for key in ("resources", "dispatch", "ui"):
        assert found[key].startswith(str(target)), found
    assert found["categories"] == 16
    assert found["units"] > 0
    assert found["protocols"] >= 8
    assert found["needs"] > 0
    assert found["pleburan"] == "Pleburan"
    assert found["carrier"] == "Telkomsel"  # resources/phone/indonesia.json
    assert found["revision"] == found["head"]
    assert found["qm"] == ["dispatch_en.qm", "dispatch_id.qm"]


def test_revision_list_matches_the_migration_scripts() -> None:
    from dispatch.store.database import REVISIONS, script_revisions

    assert list(REVISIONS) == script_revisions()
