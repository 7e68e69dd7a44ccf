"""Reading the training scoring rules (``resources/scenarios/scoring.json``): weights, pass mark, curves.

The format (docs/training-scores.md)::

    {"format": "dispatch-scoring/1",
     "pass_mark": 70,
     "weights": {"answer": 10, "class": 15, ...},        // every Dimension, each above 0
     "curves": {"answer": {"late_factor": 3}, "dispatch_time": {"late_factor": 3}},
     "location": {"kelurahan_share": 0.5, "near_m": 100, "far_m": 1000}}

A file that does not fit raises :class:`ScoringRulesError` naming the file and the field
(``scoring.json: weights.class: ...``). The SHA-256 of the file's bytes is returned with the rules and
stored beside every score, so a score always says which rules made it.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

from dispatch.domain.training_score import Dimension, LocationRule, ScoringRules, TimeCurve
from dispatch.resources import resource_path

SCORING_FORMAT = "dispatch-scoring/1"
_TOP = ("format", "pass_mark", "weights", "curves", "location")
_CURVES = {"answer": Dimension.ANSWER, "dispatch_time": Dimension.DISPATCH_TIME}
_LOCATION = ("kelurahan_share", "near_m", "far_m")


class ScoringRulesError(ValueError):
    """A scoring rules file that does not fit the format; ``where`` is the field's JSON path."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        super().__init__(f"{source}: {where}: {problem}")
        self.source = source
        self.where = where
        self.problem = problem


def default_scoring_path() -> Path:
    return resource_path("scenarios", "scoring.json")


def load_scoring_rules(path: Path | None = None) -> tuple[ScoringRules, str]:
    """The rules in ``path`` (None: the shipped file) and the SHA-256 of its bytes."""
    chosen = path or default_scoring_path()
    data = chosen.read_bytes()
    return parse_scoring_rules(data, chosen.name), hashlib.sha256(data).hexdigest()


def parse_scoring_rules(data: bytes | str, source: str) -> ScoringRules:
    def fail(where: str, problem: str) -> ScoringRulesError:
        return ScoringRulesError(source, where, problem)

    try:
        root = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise fail("(file)", f"not JSON: {error}") from error
    if not isinstance(root, dict):
        raise fail("(file)", "must be a JSON object")
    unknown = sorted(set(root) - set(_TOP))
    if unknown:
        raise fail(unknown[0], "unknown field")
    if root.get("format") != SCORING_FORMAT:
        raise fail("format", f"must be {SCORING_FORMAT!r}, found {root.get('format')!r}")

    def number(value: Any, where: str, low: float | None = None, high: float | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise fail(where, f"must be a number, found {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise fail(where, f"must be within {low}..{high}, found {value!r}")
        return float(value)

    def section(name: str) -> dict[str, Any]:
        value = root.get(name)
        if not isinstance(value, dict):
            raise fail(name, "missing or not an object")
        return value

    pass_mark = number(root.get("pass_mark"), "pass_mark", 0, 100)

    weights_in = section("weights")
    weights: dict[Dimension, float] = {}
    for key, value in weights_in.items():
        try:
            dimension = Dimension(key)
        except ValueError as error:
            raise fail(f"weights.{key}", "unknown dimension") from error
        weight = number(value, f"weights.{key}", 0)
        if weight <= 0:
            raise fail(f"weights.{key}", "must be above 0")
        weights[dimension] = weight
    for dimension in Dimension:
        if dimension not in weights:
            raise fail(f"weights.{dimension.value}", "missing")

    curves_in = section("curves")
    curves: dict[Dimension, TimeCurve] = {}
    for key, value in curves_in.items():
        if key not in _CURVES:
            raise fail(f"curves.{key}", f"unknown curve (known: {', '.join(_CURVES)})")
        if not isinstance(value, dict) or set(value) != {"late_factor"}:
            raise fail(f"curves.{key}", 'must be {"late_factor": NUMBER}')
        factor = number(value["late_factor"], f"curves.{key}.late_factor", 1)
        if factor <= 1:
            raise fail(f"curves.{key}.late_factor", "must be above 1")
        curves[_CURVES[key]] = TimeCurve(factor)
    for key in _CURVES:
        if _CURVES[key] not in curves:
            raise fail(f"curves.{key}", "missing")

    location_in = section("location")
    for key in location_in:
        if key not in _LOCATION:
            raise fail(f"location.{key}", "unknown field")
    for key in _LOCATION:
        if key not in location_in:
            raise fail(f"location.{key}", "missing")
    share = number(location_in["kelurahan_share"], "location.kelurahan_share", 0, 1)
    near = number(location_in["near_m"], "location.near_m", 0)
    far = number(location_in["far_m"], "location.far_m", 0)
    if far <= near:
        raise fail("location.far_m", f"must be above near_m ({near:g})")

    return ScoringRules(
        weights=weights,
        pass_mark=pass_mark,
        answer_curve=curves[Dimension.ANSWER],
        dispatch_curve=curves[Dimension.DISPATCH_TIME],
        location=LocationRule(share, near, far),
    )
