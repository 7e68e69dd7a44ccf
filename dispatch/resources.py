"""Where the shipped data lives, installed or in a checkout.

The repository keeps it in ``resources/``; an installed console carries the same folder as the
``dispatch_resources`` package. Standard library only, so that every layer may use it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    spec = importlib.util.find_spec("dispatch_resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_json(*parts: str) -> Any:
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
