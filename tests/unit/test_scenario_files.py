"""Scenario files: the loader reads a valid file into the frozen types, refuses every kind of
problem on the exact line of the offending value (or key), agrees with the JSON schema, and never
fails with anything but ScenarioError, whatever the text."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch.catalogue_files import load_default_catalogue, load_default_protocols
from dispatch.domain.areas import area_index
from dispatch.domain.enums import AgencyType, CallClass, Priority
from dispatch.domain.incidents import TEXT_FIELDS
from dispatch.domain.scenarios import SCENARIO_FORMAT, Words
from dispatch.simulator.scenario_files import (
    ENGLISH,
    ScenarioError,
    ScenarioProblem,
    _Document,
    find_scenario,
    load_scenario,
    parse_scenario,
    problem_text,
    scenarios_dir,
    shipped_scenario_paths,
)

CATALOGUE = load_default_catalogue()
PROTOCOLS = load_default_protocols()
AREAS = area_index()
SCHEMA = json.loads((scenarios_dir() / "scenario.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def w(indonesian: str, english: str) -> dict[str, str]:
    return {"id": indonesian, "en": english}


def good() -> dict[str, Any]:
    """A scenario using every part of the format."""
    return {
        "format": SCENARIO_FORMAT,
        "id": "sample",
        "title": w("Contoh", "Sample"),
        "summary": w("Tiga panggilan dan satu lonjakan", "Three calls and a surge"),
        "competencies": ["APCO ANS 3.103: interrogation"],
        "seed": 12,
        "duration_seconds": 600,
        "calls": [
            {
                "key": "fire",
                "at_seconds": 0,
                "number": "081234567890",
                "name": "BUDI SANTOSO",
                "patience_seconds": 120,
                "script": {
                    "opening": w("Tolong, rumah saya terbakar!", "Help, my house is on fire!"),
                    "answers": {
                        "people_inside": w("Ya, nenek saya di dalam", "Yes, my grandmother is inside"),
                        "injured": w("Saya tidak tahu", "I don't know"),
                    },
                    "keywords": [
                        {
                            "key": "address",
                            "words": ["alamat", "di mana", "address"],
                            "reply": w("Jalan Krapyak nomor 5", "Jalan Krapyak number 5"),
                        }
                    ],
                    "callback": w("Halo? Apinya makin besar", "Hello? The fire is growing"),
                },
                "truth": {
                    "class": "emergency",
                    "category": "FIRE",
                    "priority": "P1",
                    "area_code": "33.74.13.1003",
                    "point": [-6.9853, 110.3921],
                    "agencies": {"fire": 2, "medical": 1},
                    "questions": ["people_inside", "injured"],
                    "fields": ["caller_name", "street"],
                },
                "budget": {"answer_seconds": 10, "dispatch_seconds": 60},
                "on_scene_report": w("Satu orang dievakuasi", "One person evacuated"),
            },
            {
                "key": "silent",
                "at_seconds": 30,
                "number": "P",
                "patience_seconds": 60,
                "script": {
                    "opening": None,
                    "answers": {"conscious": w("Tidak, dia tidak bangun", "No, he does not wake up")},
                    "callback": w("Maaf, saya tidak bisa bicara tadi", "Sorry, I could not speak"),
                },
                "truth": {
                    "class": "silent",
                    "after_callback": "emergency",
                    "category": "MED",
                    "priority": "P2",
                    "questions": ["conscious"],
                },
            },
            {
                "key": "prank",
                "at_seconds": 60.5,
                "number": "O",
                "patience_seconds": 30,
                "script": {"opening": w("Hihihi", "Hee hee")},
                "truth": {"class": "prank"},
            },
        ],
        "surges": [{"key": "surge1", "at_seconds": 120, "count": 10, "over_seconds": 30, "seed": 3}],
    }


def dump(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def parse(text: str, source: str = "sample.json") -> Any:
    return parse_scenario(text, source, CATALOGUE, PROTOCOLS, AREAS)


def refused(text: str, source: str = "sample.json") -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        parse(text, source)
    return caught.value


def line_of(text: str, marker: str, occurrence: int = 1) -> int:
    """The line (1-based) of the ``occurrence``-th ``marker`` in ``text``."""
    at = -1
    for _ in range(occurrence):
        at = text.index(marker, at + 1)
    return text.count("\n", 0, at) + 1


# -- a valid file --------------------------------------------------------------------------------------


def test_a_valid_scenario_is_read_into_the_frozen_types() -> None:
    text = dump(good())
    scenario = parse(text)
    assert scenario.id == "sample"
    assert scenario.title == Words("Contoh", "Sample")
    assert scenario.seed == 12
    assert scenario.duration_seconds == 600.0
    fire, silent, prank = scenario.calls
    assert fire.line == line_of(text, '"key": "fire"') - 1  # the call's "{"
    assert fire.name == "BUDI SANTOSO"
    assert fire.truth.agencies == {AgencyType.FIRE: 2, AgencyType.MEDICAL: 1}
    assert fire.truth.point == (-6.9853, 110.3921)
    assert fire.truth.priority is Priority.P1
    assert fire.truth.questions == ("people_inside", "injured")
    assert fire.script.answers["people_inside"].en == "Yes, my grandmother is inside"
    assert fire.script.keywords[0].words == ("alamat", "di mana", "address")
    assert fire.on_scene_report == Words("Satu orang dievakuasi", "One person evacuated")
    assert silent.script.opening is None
    assert silent.truth.call_class is CallClass.SILENT
    assert silent.truth.after_callback is CallClass.EMERGENCY
    assert silent.truth.emergency
    assert silent.budget.dispatch_seconds == 60.0  # the default
    assert prank.at_seconds == 60.5
    assert prank.truth.category is None
    assert scenario.surges[0].count == 10
    assert scenario.surges[0].line == line_of(text, '"key": "surge1"') - 1
    # The same on one line, with a byte-order mark: only the lines differ.
    one_line = parse("\ufeff" + json.dumps(good()))
    assert {call.line for call in one_line.calls} == {1}
    assert [replace(call, line=1) for call in scenario.calls] == list(one_line.calls)


def test_a_file_is_loaded_with_the_hash_of_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "sample.json"
    path.write_text(dump(good()), encoding="utf-8")
    loaded = load_scenario(path, CATALOGUE, PROTOCOLS, AREAS)
    assert loaded.scenario.id == "sample"
    assert loaded.path == path
    import hashlib

    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    renamed = tmp_path / "other.json"
    path.rename(renamed)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(renamed, CATALOGUE, PROTOCOLS, AREAS)
    assert caught.value.problem is ScenarioProblem.ID_NOT_FILE_NAME
    line = line_of(dump(good()), '"id": "sample"')
    assert (
        str(caught.value)
        == f"other.json:{line}: id: the id sample differs from the file name: it should be other"
    )


def test_shipped_scenarios_are_found_and_the_other_files_of_the_folder_are_not() -> None:
    paths = shipped_scenario_paths()
    names = [path.name for path in paths]
    assert "example-prank.json" in names
    assert "scoring.json" not in names
    assert "scenario.schema.json" not in names
    assert names == sorted(names)
    assert find_scenario("example-prank") == scenarios_dir() / "example-prank.json"
    assert find_scenario("no-such-scenario") is None
    assert find_scenario("../scenarios/example-prank") is None


@pytest.mark.parametrize("path", shipped_scenario_paths(), ids=lambda path: path.stem)
def test_every_shipped_scenario_passes_the_loader_and_the_schema(path: Path) -> None:
    loaded = load_scenario(path, CATALOGUE, PROTOCOLS)
    assert loaded.scenario.id == path.stem
    errors = [error.message for error in VALIDATOR.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
    assert errors == []


# -- every problem on its line -------------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], object]


def _set(path: tuple[str | int, ...], value: object) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def _delete(path: tuple[str | int, ...]) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return mutate


FIRE = ("calls", 0)
SILENT = ("calls", 1)
PRANK = ("calls", 2)

#: id -> (mutation of good(), problem, where, marker of the expected line, its occurrence, lines after it).
SCHEMA_CASES: dict[str, tuple[Mutation, ScenarioProblem, str, str, int, int]] = {
    "seed as text": (_set(("seed",), "12"), ScenarioProblem.WRONG_TYPE, "seed", '"seed": "12"', 1, 0),
    "seed not whole": (_set(("seed",), 1.5), ScenarioProblem.WRONG_TYPE, "seed", '"seed": 1.5', 1, 0),
    "calls an object": (_set(("calls",), {}), ScenarioProblem.WRONG_TYPE, "calls", '"calls": {}', 1, 0),
    "a typo of a key": (
        _set((*FIRE, "truth", "priorty"), "P1"),
        ScenarioProblem.UNKNOWN_KEY, "calls[0].truth.priorty", '"priorty"', 1, 0,
    ),
    # A missing key: the line of the object that lacks it (the call's "{", above its first key).
    "missing patience": (
        _delete((*SILENT, "patience_seconds")),
        ScenarioProblem.MISSING_KEY, "calls[1].patience_seconds", '"key": "silent"', 1, -1,
    ),
    "missing English": (_delete(("title", "en")), ScenarioProblem.MISSING_KEY, "title.en", '"title"', 1, 0),
    "other format": (
        _set(("format",), "dispatch-scenario/2"), ScenarioProblem.WRONG_FORMAT, "format", '"format"', 1, 0,
    ),
    "bad id": (_set(("id",), "Sample"), ScenarioProblem.BAD_NAME, "id", '"id": "Sample"', 1, 0),
    "bad call key": (
        _set((*PRANK, "key"), "Prank call"), ScenarioProblem.BAD_NAME, "calls[2].key", '"Prank call"', 1, 0,
    ),
    "call key twice": (
        _set((*PRANK, "key"), "fire"),
        ScenarioProblem.DUPLICATE_CALL_KEY, "calls[2].key", '"key": "fire"', 2, 0,
    ),
    "surge key of a call": (
        _set(("surges", 0, "key"), "silent"),
        ScenarioProblem.DUPLICATE_CALL_KEY, "surges[0].key", '"key": "silent"', 2, 0,
    ),
    "field twice": (
        _set((*FIRE, "truth", "fields"), ["street", "street"]),
        ScenarioProblem.DUPLICATE_ITEM, "calls[0].truth.fields[1]", '"street"', 2, 0,
    ),
    "negative time": (
        _set((*SILENT, "at_seconds"), -1),
        ScenarioProblem.BELOW_MINIMUM, "calls[1].at_seconds", '"at_seconds": -1', 1, 0,
    ),
    "no patience": (
        _set((*PRANK, "patience_seconds"), 0),
        ScenarioProblem.NOT_POSITIVE, "calls[2].patience_seconds", '"patience_seconds": 0', 1, 0,
    ),
    "surge too big": (
        _set(("surges", 0, "count"), 201),
        ScenarioProblem.ABOVE_MAXIMUM, "surges[0].count", '"count": 201', 1, 0,
    ),
    "no surge callers": (
        _set(("surges", 0, "count"), 0), ScenarioProblem.BELOW_MINIMUM, "surges[0].count", '"count": 0', 1, 0,
    ),
    "ring at the end": (
        _set((*PRANK, "at_seconds"), 600),
        ScenarioProblem.NOT_BEFORE_END, "calls[2].at_seconds", '"at_seconds": 600', 1, 0,
    ),
    "surge past the end": (
        _set(("surges", 0, "over_seconds"), 481),
        ScenarioProblem.NOT_BEFORE_END, "surges[0].over_seconds", '"over_seconds": 481', 1, 0,
    ),
    "blank English": (
        _set(("summary", "en"), "  "), ScenarioProblem.EMPTY_TEXT, "summary.en", '"en": "  "', 1, 0,
    ),
    "no keywords": (
        _set((*FIRE, "script", "keywords", 0, "words"), []),
        ScenarioProblem.EMPTY_VALUE, "calls[0].script.keywords[0].words", '"words": []', 1, 0,
    ),
    "keyword of punctuation": (
        _set((*FIRE, "script", "keywords", 0, "words"), ["alamat", "?!"]),
        ScenarioProblem.NO_WORD, "calls[0].script.keywords[0].words[1]", '"?!"', 1, 0,
    ),
    "long text": (
        _set((*PRANK, "script", "opening", "id"), "h" * 2001),
        ScenarioProblem.TOO_LONG, "calls[2].script.opening.id", '"hhh', 1, 0,
    ),
    "bad number": (
        _set((*FIRE, "number"), "0812-3456"),
        ScenarioProblem.BAD_NUMBER, "calls[0].number", '"0812-3456"', 1, 0,
    ),
    "class typo": (
        _set((*PRANK, "truth", "class"), "prnak"),
        ScenarioProblem.NOT_ONE_OF, "calls[2].truth.class", '"prnak"', 1, 0,
    ),
    "priority P5": (
        _set((*FIRE, "truth", "priority"), "P5"),
        ScenarioProblem.NOT_ONE_OF, "calls[0].truth.priority", '"P5"', 1, 0,
    ),
    "agency typo": (
        _set((*FIRE, "truth", "agencies"), {"fire": 2, "ambulance": 1}),
        ScenarioProblem.NOT_ONE_OF, "calls[0].truth.agencies.ambulance", '"ambulance"', 1, 0,
    ),
    "agency of no units": (
        _set((*FIRE, "truth", "agencies"), {"fire": 0}),
        ScenarioProblem.BELOW_MINIMUM, "calls[0].truth.agencies.fire", '"fire": 0', 1, 0,
    ),
    "unknown field": (
        _set((*FIRE, "truth", "fields"), ["street", "kelurahan"]),
        ScenarioProblem.NOT_ONE_OF, "calls[0].truth.fields[1]", '"kelurahan"', 1, 0,
    ),
    "category typo": (
        _set((*FIRE, "truth", "category"), "FIER"),
        ScenarioProblem.UNKNOWN_CATEGORY, "calls[0].truth.category", '"FIER"', 1, 0,
    ),
    # The truth is checked before the script: the truth's list, after the script's answer in the file.
    "question on no card": (
        _set((*FIRE, "truth", "category"), "AIR"),
        ScenarioProblem.NO_PROTOCOL_CARD, "calls[0].truth.questions[0]", '"people_inside"', 2, 0,
    ),
    "question not on the card": (
        _set((*FIRE, "truth", "questions"), ["people_inside", "breathing"]),
        ScenarioProblem.UNKNOWN_QUESTION, "calls[0].truth.questions[1]", '"breathing"', 1, 0,
    ),
    "answer not on the card": (
        _set((*SILENT, "script", "answers"), {"conscious": w("Tidak", "No"), "people_inside": w("Ya", "Ya")}),
        ScenarioProblem.UNKNOWN_QUESTION, "calls[1].script.answers.people_inside", '"people_inside": {', 2, 0,
    ),
    "question without an answer": (
        _delete((*FIRE, "script", "answers", "injured")),
        ScenarioProblem.QUESTION_WITHOUT_ANSWER, "calls[0].truth.questions[1]", '"injured"', 1, 0,
    ),
    "unknown area": (
        _set((*FIRE, "truth", "area_code"), "33.74.13.9999"),
        ScenarioProblem.UNKNOWN_AREA, "calls[0].truth.area_code", '"33.74.13.9999"', 1, 0,
    ),
    "a kecamatan": (
        _set((*FIRE, "truth", "area_code"), "33.74.13"),
        ScenarioProblem.NOT_A_VILLAGE, "calls[0].truth.area_code", '"33.74.13"', 1, 0,
    ),
    "swapped point": (
        _set((*FIRE, "truth", "point"), [110.3921, -6.9853]),
        ScenarioProblem.OUTSIDE_INDONESIA, "calls[0].truth.point", '"point"', 1, 0,
    ),
    "point of three": (
        _set((*FIRE, "truth", "point"), [1, 2, 3]),
        ScenarioProblem.WRONG_TYPE, "calls[0].truth.point", '"point"', 1, 0,
    ),
    "category of a prank": (
        _set((*PRANK, "truth", "category"), "FIRE"),
        ScenarioProblem.ONLY_FOR_EMERGENCY, "calls[2].truth.category", '"category": "FIRE"', 2, 0,
    ),
    "emergency without priority": (
        _delete((*FIRE, "truth", "priority")),
        ScenarioProblem.MISSING_KEY, "calls[0].truth.priority", '"truth"', 1, 0,
    ),
    "after callback of a prank": (
        _set((*PRANK, "truth", "after_callback"), "emergency"),
        ScenarioProblem.ONLY_FOR_SILENT, "calls[2].truth.after_callback",
        '"after_callback": "emergency"', 2, 0,
    ),
    "silent that speaks": (
        _set((*SILENT, "script", "opening"), w("Halo", "Hello")),
        ScenarioProblem.SILENT_WITH_OPENING, "calls[1].script.opening", '"opening": {', 2, 0,
    ),
    "silent without callback line": (
        _delete((*SILENT, "script", "callback")),
        ScenarioProblem.CALLBACK_NEEDED, "calls[1].script", '"script": {', 2, 0,
    ),
    "nothing rings": (
        lambda data: data.update(calls=[], surges=[]), ScenarioProblem.NO_CALLS, "calls", '"calls": []', 1, 0,
    ),
}  # fmt: skip


def _case_text(mutation: Mutation) -> str:
    data = good()
    mutation(data)
    return dump(data)


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=str)
def test_each_problem_names_the_line_of_its_value(case: str) -> None:
    mutation, problem, where, marker, occurrence, after = SCHEMA_CASES[case]
    text = _case_text(mutation)
    error = refused(text)
    assert (error.problem, error.where) == (problem, where)
    expected = line_of(text, marker, occurrence) + after
    assert error.line == expected, (str(error), text.splitlines()[expected - 1])
    assert str(error) == f"sample.json:{expected}: {where}: {problem_text(problem, error.detail)}"


def test_lines_on_a_file_written_by_hand() -> None:
    """The same, with the lines counted by hand instead of found."""
    text = good_by_hand()
    assert parse(text).calls[0].line == 9
    cases = {
        ('"category": "FIRE"', '"category": "FIER"'): (ScenarioProblem.UNKNOWN_CATEGORY, 20),
        ('"number": "081234567890"', '"number": "0812x"'): (ScenarioProblem.BAD_NUMBER, 12),
        ('"patience_seconds": 90,', ""): (ScenarioProblem.MISSING_KEY, 9),
        ('"class": "emergency",', '"class": "emergency", "clas": 1,'): (ScenarioProblem.UNKNOWN_KEY, 19),
        ('"seed": 4,', '"seed": 4'): (ScenarioProblem.EXPECTED_COMMA, 6),
        ('"area_code": "33.74.13.1003"', '"area_code": "33.74.13.1003",'): (
            ScenarioProblem.TRAILING_COMMA,
            23,
        ),
        ('"Kebakaran"', '"Keba\\karan"'): (ScenarioProblem.BAD_ESCAPE, 3),
        ('"duration_seconds": 300,', '"duration_seconds": 300,,'): (ScenarioProblem.EXPECTED_KEY, 6),
    }
    for (old, new), (problem, line) in cases.items():
        assert old in text
        error = refused(text.replace(old, new))
        assert (error.problem, error.line) == (problem, line), (old, error)


def good_by_hand() -> str:
    return """{
  "format": "dispatch-scenario/1",
  "title": {"id": "Kebakaran", "en": "Fire"},
  "summary": {"id": "Rumah terbakar", "en": "A house on fire"},
  "seed": 4,
  "duration_seconds": 300,
  "id": "sample",
  "calls": [
    {
      "key": "fire",
      "at_seconds": 0,
      "number": "081234567890",
      "patience_seconds": 90,
      "script": {
        "opening": {"id": "Kebakaran!", "en": "Fire!"},
        "answers": {"gas": {"id": "Ada tabung gas", "en": "There is a gas bottle"}}
      },
      "truth": {
        "class": "emergency",
        "category": "FIRE",
        "priority": "P2",
        "questions": ["gas"],
        "area_code": "33.74.13.1003"
      }
    }
  ]
}
"""


#: Syntax: (text, problem, line, column).
SYNTAX_CASES = {
    "empty": ("  \n\n ", ScenarioProblem.EMPTY, 1, 0),
    "trailing comma": ('{\n  "a": 1,\n}\n', ScenarioProblem.TRAILING_COMMA, 2, 9),
    "trailing comma in a list": ('{\n  "a": [1,\n 2 , ]}', ScenarioProblem.TRAILING_COMMA, 3, 4),
    "missing comma": ('{\n  "a": 1\n  "b": 2\n}', ScenarioProblem.EXPECTED_COMMA, 3, 3),
    "missing colon": ('{\n  "a" 1\n}', ScenarioProblem.EXPECTED_COLON, 2, 7),
    "list not closed": ("[1,\n 2", ScenarioProblem.EXPECTED_COMMA, 2, 3),
    "nothing after colon": ('{"a":', ScenarioProblem.EXPECTED_VALUE, 1, 6),
    "NaN": ('{\n  "seed": NaN\n}', ScenarioProblem.EXPECTED_VALUE, 2, 11),
    "single quotes": ("{\n  'a': 1\n}", ScenarioProblem.EXPECTED_KEY, 2, 3),
    "comment": ('{\n  // a note\n  "a": 1\n}', ScenarioProblem.EXPECTED_KEY, 2, 3),
    "unterminated": ('{\n  "a":\n  "abc', ScenarioProblem.UNTERMINATED_STRING, 3, 3),
    "line break in text": ('{\n  "a": "ab\ncd"\n}', ScenarioProblem.CONTROL_IN_STRING, 2, 11),
    "bad escape": ('{\n  "a": "a\\qb"\n}', ScenarioProblem.BAD_ESCAPE, 2, 10),
    "huge number": ('{\n\n "a": ' + "9" * 41 + "}", ScenarioProblem.NUMBER_TOO_LARGE, 3, 7),
    "huge float": ('{"a": 1e999}', ScenarioProblem.NUMBER_TOO_LARGE, 1, 7),
    "more after the end": ("{}\n\n{}", ScenarioProblem.TRAILING_DATA, 3, 1),
    "too deep": ("\n\n" + "[" * 30 + "]" * 30, ScenarioProblem.TOO_DEEP, 3, 21),
    "key twice": ('{\n  "a": 1,\n  "a": 2\n}', ScenarioProblem.DUPLICATE_KEY, 3, 0),
    "NUL in a text": ('{\n  "a": "x\\u0000"\n}', ScenarioProblem.BAD_CHARACTER, 2, 0),
    "lone surrogate": ('{\n\n  "a": "\\ud800"\n}', ScenarioProblem.BAD_CHARACTER, 3, 0),
    "not an object": ("[1, 2]", ScenarioProblem.WRONG_TYPE, 1, 0),
    "no format": ("{\n}", ScenarioProblem.MISSING_KEY, 1, 0),
}


@pytest.mark.parametrize("case", SYNTAX_CASES, ids=str)
def test_a_syntax_error_names_its_line_and_column(case: str) -> None:
    text, problem, line, column = SYNTAX_CASES[case]
    error = refused(text)
    assert (error.problem, error.line, error.column) == (problem, line, column)
    if column:
        assert error.detail["column"] == str(column)
        assert f"column {column}" in str(error)
        assert str(error).startswith(f"sample.json:{line}: column")


def test_a_file_not_utf8_or_not_there(tmp_path: Path) -> None:
    path = tmp_path / "sample.json"
    path.write_bytes(b'{\n  "format": "dispatch-scenario/1",\n  "id": "caf\xe9"\n}\n')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, CATALOGUE, PROTOCOLS, AREAS)
    assert (caught.value.problem, caught.value.line, caught.value.detail) == (
        ScenarioProblem.NOT_UTF8,
        3,
        {"byte": "0xE9"},
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "missing.json", CATALOGUE, PROTOCOLS, AREAS)
    assert caught.value.problem is ScenarioProblem.UNREADABLE
    assert caught.value.line == 0
    assert str(caught.value).startswith("missing.json: the file cannot be read: ")


def test_every_problem_kind_is_tested_and_worded() -> None:
    tested = {problem for _m, problem, *_rest in SCHEMA_CASES.values()}
    tested |= {problem for _t, problem, *_rest in SYNTAX_CASES.values()}
    tested |= {
        ScenarioProblem.NOT_UTF8,
        ScenarioProblem.UNREADABLE,
        ScenarioProblem.ID_NOT_FILE_NAME,
    }
    assert tested == set(ScenarioProblem)
    assert set(ENGLISH) == set(ScenarioProblem)


def test_a_shipped_category_without_a_card_takes_no_answers() -> None:
    data = good()
    data["calls"][0]["truth"].update(category="AIR", questions=[])
    text = dump(data)
    error = refused(text)
    assert error.problem is ScenarioProblem.NO_PROTOCOL_CARD
    assert error.where == "calls[0].script.answers.people_inside"
    assert error.line == line_of(text, '"people_inside"')  # the key's own line


# -- the schema says the same --------------------------------------------------------------------------


def test_the_schema_names_the_same_values_as_the_code() -> None:
    truth = SCHEMA["$defs"]["truth"]["properties"]
    assert truth["class"]["enum"] == [c.value for c in CallClass]
    assert truth["priority"]["enum"] == [p.value for p in Priority]
    assert truth["agencies"]["propertyNames"]["enum"] == [a.value for a in AgencyType]
    assert truth["fields"]["items"]["enum"] == list(TEXT_FIELDS)
    assert SCHEMA["properties"]["format"]["const"] == SCENARIO_FORMAT
    for code in CATALOGUE.codes:
        assert re.fullmatch(truth["category"]["pattern"], code)


def test_the_good_scenario_passes_the_schema() -> None:
    assert [error.message for error in VALIDATOR.iter_errors(good())] == []


#: Cases of SCHEMA_CASES that only the loader can see (they need the catalogue, the cards, the area
#: table, the file's other values or its name).
LOADER_ONLY = {
    "keyword of punctuation", "call key twice", "surge key of a call", "ring at the end",
    "surge past the end", "category typo",
    "question on no card", "question not on the card", "answer not on the card", "question without an answer",
    "unknown area",
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(set(SCHEMA_CASES) - LOADER_ONLY), ids=str)
def test_a_malformed_scenario_is_refused_by_the_schema_too(case: str) -> None:
    data = good()
    SCHEMA_CASES[case][0](data)
    with pytest.raises(ScenarioError):
        parse(dump(data))
    assert list(VALIDATOR.iter_errors(data)), f"the schema lets {case!r} through"


# -- fuzzing: loads or ScenarioError, nothing else -----------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


GOOD_PATHS = _paths(good())[1:]
GOOD_TEXT = dump(good())


def _check_error(error: ScenarioError, text: str) -> None:
    assert 1 <= error.line <= text.count("\n") + 1
    assert isinstance(error.problem, ScenarioProblem)
    assert all(isinstance(value, str) for value in error.detail.values())
    assert str(error).startswith(f"sample.json:{error.line}:")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_loads_or_is_refused(text: str) -> None:
    try:
        parse(text)
    except ScenarioError as error:
        _check_error(error, text)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_any_json_loads_or_is_refused(value: object) -> None:
    text = dump(value)
    try:
        parse(text)
    except ScenarioError as error:
        _check_error(error, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GOOD_PATHS), st.one_of(JSON_VALUES, st.just(KeyError)), st.text(max_size=10))
def test_any_change_of_a_value_loads_or_is_refused_on_a_line_of_the_file(
    path: tuple[str | int, ...], value: object, new_key: str
) -> None:
    data = copy.deepcopy(good())
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    if value is KeyError:
        if isinstance(target, dict):
            del target[path[-1]]
            target[new_key] = 1
        else:
            del target[path[-1]]
    else:
        target[path[-1]] = value
    text = dump(data)
    try:
        parse(text)
    except ScenarioError as error:
        _check_error(error, text)


@settings(max_examples=400, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(GOOD_TEXT)),
    st.integers(min_value=0, max_value=6),
    st.text(max_size=4),
)
def test_any_edit_of_the_text_loads_or_is_refused(at: int, cut: int, insert: str) -> None:
    text = GOOD_TEXT[:at] + insert + GOOD_TEXT[at + cut :]
    try:
        parse(text)
    except ScenarioError as error:
        _check_error(error, text)


PLAIN_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
PLAIN_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | PLAIN_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(PLAIN_TEXT, children, max_size=4),
    max_leaves=16,
)


@settings(max_examples=300, deadline=None)
@given(PLAIN_JSON, st.sampled_from([None, 0, 2, "\t"]))
def test_the_reader_reads_json_as_python_does(value: object, indent: int | str | None) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=bool(indent))
    assert _Document(text, "x.json").parse() == json.loads(text)


def test_the_documented_example_is_a_valid_scenario() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "scenarios.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", docs, re.S)
    scenario = parse(example, "fire-trapped-krapyak.json")
    assert [call.key for call in scenario.calls] == ["fire", "silent"]
    assert scenario.surges[0].count == 6
    assert list(VALIDATOR.iter_errors(json.loads(example))) == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GOOD_PATHS), JSON_VALUES)
def test_what_the_loader_accepts_the_schema_accepts(path: tuple[str | int, ...], value: object) -> None:
    """The schema describes the same format: it may let more through (it cannot see the catalogue),
    never less."""
    data = copy.deepcopy(good())
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    try:
        parse(dump(data))
    except ScenarioError:
        return
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []
