"""Protocol cards: the shipped files, validation messages, the never-lower priority rule, fuzzing."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.catalogue_files import load_default_catalogue, load_default_protocols
from dispatch.domain.enums import Priority
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.protocols import (
    Answer,
    ProtocolError,
    answer_effect,
    answers_from_notes,
    higher_priority,
    parse_card,
    parse_protocols,
    protocol_note,
)
from dispatch.resources import resource_path

REQUIRED = ("MED", "LAKA", "FIRE", "CRIM", "KDRT", "BENC", "TENGG", "HEWAN")


def _valid() -> dict[str, Any]:
    return {
        "version": 1,
        "category": "MED",
        "questions": [
            {
                "id": "breathing",
                "text": {"id": "Apakah korban bernapas?", "en": "Is the patient breathing?"},
                "answers": [
                    {"label": {"id": "Ya", "en": "Yes"}},
                    {"label": {"id": "Tidak", "en": "No"}, "priority": "P1", "flags": ["not_breathing"]},
                    {"label": {"id": "Tidak tahu", "en": "Don't know"}},
                ],
            }
        ],
    }


def test_shipped_cards_cover_the_required_categories_and_the_catalogue_knows_them() -> None:
    protocols = load_default_protocols()
    catalogue = load_default_catalogue()
    assert set(REQUIRED) <= set(protocols.categories)
    assert set(protocols.categories) <= set(catalogue.codes)
    for card in protocols:
        assert len(card.questions) >= 3
        for question in card.questions:
            assert question.text_id != question.text_en  # both languages really written
            assert question.text_id.endswith("?")
            assert question.text_en.endswith("?")


def test_shipped_cards_raise_priority_for_the_life_threatening_answers() -> None:
    protocols = load_default_protocols()
    not_breathing = protocols.get("MED").question("breathing").answer("2")  # type: ignore[union-attr]
    assert not_breathing.priority is Priority.P1
    assert IncidentFlag.NOT_BREATHING in not_breathing.flags
    trapped = protocols.get("LAKA").question("trapped").answer("1")  # type: ignore[union-attr]
    assert (trapped.priority, trapped.flags) == (Priority.P1, frozenset({IncidentFlag.TRAPPED}))
    weapon = protocols.get("CRIM").question("weapon").answer("1")  # type: ignore[union-attr]
    assert weapon.priority is Priority.P1
    assert IncidentFlag.WEAPON in weapon.flags
    in_water = protocols.get("TENGG").question("in_water").answer("1")  # type: ignore[union-attr]
    assert IncidentFlag.PERSON_IN_WATER in in_water.flags


def test_every_shipped_yes_no_question_takes_1_yes_2_no_3_dont_know_in_both_languages() -> None:
    """One order on every card, so a call-taker's hands learn it once (the key is the answer's place)."""
    yes_no = 0
    for card in load_default_protocols():
        for question in card.questions:
            words = {lang: [a.label(lang) for a in question.answers] for lang in ("id", "en")}
            if "Ya" not in words["id"]:
                continue
            yes_no += 1
            assert words == {"id": ["Ya", "Tidak", "Tidak tahu"], "en": ["Yes", "No", "Don't know"]}, (
                card.category,
                question.id,
            )
            assert [a.key for a in question.answers] == ["1", "2", "3"]
    assert yes_no >= 40


def test_each_shipped_file_names_the_category_it_holds() -> None:
    for path in sorted(resource_path("protocols").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert parse_card(data, path.name).category.lower() == path.stem


def test_a_valid_card_parses() -> None:
    card = parse_card(_valid())
    question = card.question("breathing")
    assert question.text("id") == "Apakah korban bernapas?"
    assert question.text("en-GB") == "Is the patient breathing?"
    assert [a.key for a in question.answers] == ["1", "2", "3"]  # each answer's place in the list
    assert question.answer("2").label("id") == "Tidak"
    for not_an_answer in ("4", "0", "N", "Y"):
        with pytest.raises(KeyError):
            question.answer(not_an_answer)
    with pytest.raises(KeyError):
        card.question("bleeding")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=2), "card: version: expected 1"),
        (lambda d: d.update(category="med"), "card: category:"),
        (lambda d: d.update(questions=[]), "card MED: questions: expected a non-empty list"),
        (lambda d: d["questions"][0].update(id="Breathing!"), "card MED, question #0: id:"),
        (
            lambda d: d["questions"][0]["text"].pop("id"),
            "card MED, question #0 (breathing): text.id: missing or empty",
        ),
        (
            lambda d: d["questions"][0]["answers"][1].update(key="N"),
            "question #0 (breathing), answers[1]: key: 'N' is not read: an answer's key is its place",
        ),
        (
            lambda d: d["questions"][0]["answers"][1].update(priority="P0"),
            "card MED, question #0 (breathing), answers[1] (key 2): priority: unknown priority 'P0'",
        ),
        (
            lambda d: d["questions"][0]["answers"][1].update(flags=["on_fire"]),
            "answers[1] (key 2): flags[0]: unknown flag 'on_fire'",
        ),
        (
            lambda d: d["questions"][0]["answers"].extend(copy.deepcopy(d["questions"][0]["answers"]) * 3),
            "(breathing): answers: more than 9",  # one digit each
        ),
        (
            lambda d: d["questions"][0].update(answers=[d["questions"][0]["answers"][0]]),
            "at least two answers",
        ),
        (lambda d: d["questions"].append(copy.deepcopy(d["questions"][0])), "(breathing): id: listed twice"),
        (
            lambda d: d["questions"][0]["answers"][0]["label"].update(en="Y\x1b[2Jes"),
            "label.en: longer than 300 or has control characters",
        ),
    ],
)
def test_an_invalid_card_is_refused_with_a_message_naming_card_question_and_field(
    change: Any, message: str
) -> None:
    data = _valid()
    change(data)
    with pytest.raises(ProtocolError) as raised:
        parse_card(data)
    assert message in str(raised.value)


def test_two_cards_for_one_category_or_an_unknown_category_are_refused() -> None:
    with pytest.raises(ProtocolError, match=re.escape("b.json: category: MED already has a card (a.json)")):
        parse_protocols([("a.json", _valid()), ("b.json", _valid())])
    with pytest.raises(ProtocolError, match=re.escape("a.json: category: MED is not in the catalogue")):
        parse_protocols([("a.json", _valid())], known_categories=["FIRE"])
    assert parse_protocols([("a.json", _valid())], known_categories=["MED"]).get("MED") is not None


@pytest.mark.parametrize(
    ("current", "proposed", "expected"),
    [
        (Priority.P3, Priority.P1, Priority.P1),
        (Priority.P1, Priority.P3, Priority.P1),  # never lowered
        (Priority.P2, Priority.P2, Priority.P2),
        (Priority.P4, None, Priority.P4),
    ],
)
def test_an_answer_raises_the_priority_and_never_lowers_it(
    current: Priority, proposed: Priority | None, expected: Priority
) -> None:
    assert higher_priority(current, proposed) is expected


def test_answer_effect_reports_raise_and_only_the_new_flags() -> None:
    answer = Answer("1", "Ya", "Yes", Priority.P1, frozenset({IncidentFlag.TRAPPED, IncidentFlag.CASUALTIES}))
    effect = answer_effect(Priority.P2, {IncidentFlag.CASUALTIES}, answer)
    assert (effect.priority, effect.raised, effect.new_flags) == (
        Priority.P1,
        True,
        frozenset({IncidentFlag.TRAPPED}),
    )
    unchanged = answer_effect(Priority.P1, {IncidentFlag.TRAPPED, IncidentFlag.CASUALTIES}, answer)
    assert (unchanged.raised, unchanged.new_flags) == (False, frozenset())


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(Priority)), st.one_of(st.none(), st.sampled_from(list(Priority))))
def test_higher_priority_is_never_less_urgent_than_either(
    current: Priority, proposed: Priority | None
) -> None:
    result = higher_priority(current, proposed)
    order = list(Priority)
    assert order.index(result) <= order.index(current)
    if proposed is not None:
        assert order.index(result) <= order.index(proposed)
        assert result in (current, proposed)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=20,
)
_texts = st.fixed_dictionaries(
    {}, optional={"id": st.text(max_size=6) | _json, "en": st.text(max_size=6) | _json}
)
_answer_like = st.fixed_dictionaries(
    {},
    optional={
        "key": st.sampled_from(["Y", "1", ""]) | _json,  # no longer read: always refused
        "label": _texts | _json,
        "priority": st.sampled_from(["P1", "P4", "P0"]) | _json,
        "flags": st.lists(st.sampled_from([*IncidentFlag, "nope"]) | _json, max_size=3) | _json,
    },
)
_question_like = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["breathing", "q1", "Bad id"]) | _json,
        "text": _texts | _json,
        "answers": st.lists(_answer_like, max_size=4) | _json,
    },
)
_card_like = st.fixed_dictionaries(
    {},
    optional={
        "version": st.sampled_from([1, 1.0, True, "1"]) | _json,
        "category": st.sampled_from(["MED", "FIRE", "x"]) | _json,
        "questions": st.lists(_question_like, max_size=3) | _json,
    },
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_json, _card_like))
def test_parse_card_raises_only_protocol_error(data: object) -> None:
    try:
        card = parse_card(data)
    except ProtocolError:
        return
    assert card.questions
    for question in card.questions:
        assert card.question(question.id) is question
        assert len(question.answers) >= 2
        for place, answer in enumerate(question.answers, start=1):
            assert answer.key == str(place)
            assert question.answer(answer.key) is answer


def test_a_protocol_note_is_marked_in_the_writers_language_and_read_back_in_either() -> None:
    card = parse_card(_valid())
    question = card.question("breathing")
    no = question.answer("2")
    assert protocol_note(question, no, "id") == "T: Apakah korban bernapas? J: Tidak"  # tanya / jawab
    assert protocol_note(question, no, "en") == "Q: Is the patient breathing? A: No"
    for lang in ("id", "en"):
        assert answers_from_notes(card, [protocol_note(question, no, lang)]) == {"breathing": no}
    # An Indonesian note written before the marks were Indonesian is stored as it was, and still read.
    assert answers_from_notes(card, ["Q: Apakah korban bernapas? A: Tidak"]) == {"breathing": no}
    assert answers_from_notes(card, ["T: Is the patient breathing? J: No"]) == {}  # marks and words mixed
