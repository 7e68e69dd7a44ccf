"""Write the README's key table from the action registry (ui/actions.py).

    python scripts/key_table.py [--check]

The table sits between the ``<!-- keys:begin`` and ``<!-- keys:end -->`` markers of README.md;
``--check`` changes nothing and exits 1 when the README's table differs from the registry's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BEGIN = "<!-- keys:begin"
END = "<!-- keys:end -->"


def readme_with_table(readme: str, table: str) -> str:
    start = readme.index(BEGIN)
    start = readme.index("\n", start) + 1
    end = readme.index(END)
    return readme[:start] + table + readme[end:]


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication

    from ui.actions import key_table_markdown

    _app = QCoreApplication.instance() or QCoreApplication([])  # English: no translator installed
    path = ROOT / "README.md"
    readme = path.read_text(encoding="utf-8")
    wanted = readme_with_table(readme, key_table_markdown())
    if "--check" in argv:
        if wanted != readme:
            print("README.md's key table differs from ui/actions.py: run scripts/key_table.py")
            return 1
        return 0
    path.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
