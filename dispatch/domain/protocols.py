"""Protocol cards: the key questions a call-taker asks for a category, and what each answer means.

Cards are data (``resources/protocols/*.json``, one file per category) so that a centre can word and
extend them without code; this module only parses and validates them and holds the one rule that
matters: an answer may *raise* the incident's priority (never lower it) and may set incident flags
that the dispatch recommendation reads. File I/O is in :mod:`dispatch.catalogue_files`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from dispatch.domain.catalogue import CODE_PATTERN
from dispatch.domain.enums import Priority
from dispatch.domain.flags import IncidentFlag

PROTOCOL_VERSION = 1

#: A question id: lower-case letter, then up to 31 lower-case letters, digits or underscores.
QUESTION_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
TEXT_LANGUAGES = ("id", "en")
MAX_TEXT_LENGTH = 300
MAX_QUESTIONS = 30
#: An answer's key is its place in the list shown (1, 2, 3 ...): digits are the same in both
#: languages (Ya / Tidak / Tidak tahu and Yes / No / Don't know are both 1 / 2 / 3; issue 10,
#: docs/glossary.md), so one key each caps a question at nine answers.
MAX_ANSWERS = 9


def answer_key(position: int) -> str:
    """The key of the answer at ``position`` (0-based) in its question's list: "1" for the first."""
    if not 0 <= position < MAX_ANSWERS:
        raise ValueError(f"answer position {position} out of 0..{MAX_ANSWERS - 1}")
    return str(position + 1)


_PRIORITY_VALUES = frozenset(member.value for member in Priority)
_FLAG_VALUES = frozenset(member.value for member in IncidentFlag)
#: P1 is the most urgent: a lower rank is a higher priority.
_RANK = {member: rank for rank, member in enumerate(Priority)}


class ProtocolError(ValueError):
    """A card is not valid; the message names the card, the question and the field."""


@dataclass(frozen=True, slots=True)
class Answer:
    #: The digit pressed to give this answer: its place in the question's list (``answer_key``).
    key: str
    label_id: str
    label_en: str
    #: The priority this answer calls for (the incident's is raised to it, never lowered).
    priority: Priority | None = None
    flags: frozenset[IncidentFlag] = frozenset()

    def label(self, lang: str) -> str:
        return self.label_id if lang.lower().startswith("id") else self.label_en


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text_id: str
    text_en: str
    answers: tuple[Answer, ...]

    def text(self, lang: str) -> str:
        return self.text_id if lang.lower().startswith("id") else self.text_en

    def answer(self, key: str) -> Answer:
        """The answer chosen with ``key`` (case-insensitive); ``KeyError`` if there is none."""
        for answer in self.answers:
            if answer.key == key.upper():
                return answer
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class ProtocolCard:
    category: str
    questions: tuple[Question, ...]
    _by_id: Mapping[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {question.id: question for question in self.questions})

    def question(self, question_id: str) -> Question:
        """``KeyError`` if the card has no such question."""
        return self._by_id[question_id]


@dataclass(frozen=True, slots=True)
class ProtocolSet:
    """The cards by category code (a category without a card simply has none)."""

    cards: tuple[ProtocolCard, ...]
    _by_category: Mapping[str, ProtocolCard] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_category", {card.category: card for card in self.cards})

    def get(self, category: str | None) -> ProtocolCard | None:
        return None if category is None else self._by_category.get(category)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(card.category for card in self.cards)

    def __iter__(self) -> Iterator[ProtocolCard]:
        return iter(self.cards)

    def __len__(self) -> int:
        return len(self.cards)


@dataclass(frozen=True, slots=True)
class AnswerEffect:
    """What an answer does to an incident: its priority afterwards and the flags it gains."""

    priority: Priority
    raised: bool
    new_flags: frozenset[IncidentFlag]


def higher_priority(current: Priority, proposed: Priority | None) -> Priority:
    """The more urgent of the two: a protocol answer never lowers what the call-taker set."""
    if proposed is None or _RANK[proposed] >= _RANK[current]:
        return current
    return proposed


def answer_effect(current: Priority, flags: Iterable[IncidentFlag], answer: Answer) -> AnswerEffect:
    priority = higher_priority(current, answer.priority)
    return AnswerEffect(priority, priority is not current, answer.flags - frozenset(flags))


def parse_card(data: object, source: str = "card") -> ProtocolCard:
    """Validate one card (a JSON object as loaded from its file); ``ProtocolError`` for anything wrong."""
    if not isinstance(data, Mapping):
        raise ProtocolError(f"{source}: expected a JSON object, got {_type_name(data)}")
    version = data.get("version")
    if type(version) is not int or version != PROTOCOL_VERSION:
        raise ProtocolError(f"{source}: version: expected {PROTOCOL_VERSION}, got {version!r}")
    category = data.get("category")
    if not isinstance(category, str) or not CODE_PATTERN.match(category):
        raise ProtocolError(f"{source}: category: expected a category code such as 'MED', got {category!r}")
    where = f"card {category}"
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise ProtocolError(f"{where}: questions: expected a non-empty list")
    if len(raw_questions) > MAX_QUESTIONS:
        raise ProtocolError(f"{where}: questions: more than {MAX_QUESTIONS}")
    questions: list[Question] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_questions):
        question = _parse_question(f"{where}, question #{index}", raw)
        if question.id in seen:
            raise ProtocolError(f"{where}, question #{index} ({question.id}): id: listed twice")
        seen.add(question.id)
        questions.append(question)
    return ProtocolCard(category, tuple(questions))


def parse_protocols(
    files: Iterable[tuple[str, object]], known_categories: Iterable[str] | None = None
) -> ProtocolSet:
    """Validate every card (``(file name, data)`` pairs); one card per category.

    With ``known_categories``, a card for a category the catalogue does not have is refused too
    (a typing error in a code would otherwise leave the card silently unused).
    """
    known = None if known_categories is None else frozenset(known_categories)
    cards: list[ProtocolCard] = []
    sources: dict[str, str] = {}
    for source, data in files:
        card = parse_card(data, source)
        if card.category in sources:
            raise ProtocolError(
                f"{source}: category: {card.category} already has a card ({sources[card.category]})"
            )
        if known is not None and card.category not in known:
            raise ProtocolError(f"{source}: category: {card.category} is not in the catalogue")
        sources[card.category] = source
        cards.append(card)
    return ProtocolSet(tuple(cards))


def _parse_question(where: str, raw: object) -> Question:
    if not isinstance(raw, Mapping):
        raise ProtocolError(f"{where}: expected a JSON object, got {_type_name(raw)}")
    question_id = raw.get("id")
    if not isinstance(question_id, str) or not QUESTION_ID_PATTERN.match(question_id):
        raise ProtocolError(f"{where}: id: {question_id!r} does not match {QUESTION_ID_PATTERN.pattern}")
    where = f"{where} ({question_id})"
    texts = _texts(where, "text", raw.get("text"))
    raw_answers = raw.get("answers")
    if not isinstance(raw_answers, list) or len(raw_answers) < 2:
        raise ProtocolError(f"{where}: answers: expected a list of at least two answers")
    if len(raw_answers) > MAX_ANSWERS:
        raise ProtocolError(f"{where}: answers: more than {MAX_ANSWERS}")
    answers = tuple(
        _parse_answer(f"{where}, answers[{position}]", answer_key(position), raw_answer)
        for position, raw_answer in enumerate(raw_answers)
    )
    return Question(question_id, texts["id"], texts["en"], answers)


def _parse_answer(where: str, key: str, raw: object) -> Answer:
    if not isinstance(raw, Mapping):
        raise ProtocolError(f"{where}: expected a JSON object, got {_type_name(raw)}")
    if "key" in raw:
        # Cards once named letters of English words (Y, N, U); a key left in a file would say a
        # key that the card no longer takes.
        raise ProtocolError(
            f"{where}: key: {raw['key']!r} is not read: an answer's key is its place in the list "
            f"(1, 2, 3 ...); remove 'key'"
        )
    where = f"{where} (key {key})"
    labels = _texts(where, "label", raw.get("label"))
    priority = raw.get("priority")
    if priority is not None and (not isinstance(priority, str) or priority not in _PRIORITY_VALUES):
        raise ProtocolError(
            f"{where}: priority: unknown priority {priority!r} "
            f"(expected one of {', '.join(sorted(_PRIORITY_VALUES))})"
        )
    raw_flags = raw.get("flags", [])
    if not isinstance(raw_flags, list):
        raise ProtocolError(f"{where}: flags: expected a list of incident flags")
    flags: set[IncidentFlag] = set()
    for position, flag in enumerate(raw_flags):
        if not isinstance(flag, str) or flag not in _FLAG_VALUES:
            raise ProtocolError(
                f"{where}: flags[{position}]: unknown flag {flag!r} "
                f"(expected one of {', '.join(sorted(_FLAG_VALUES))})"
            )
        flags.add(IncidentFlag(flag))
    return Answer(
        key=key,
        label_id=labels["id"],
        label_en=labels["en"],
        priority=None if priority is None else Priority(priority),
        flags=frozenset(flags),
    )


def _texts(where: str, name: str, raw: object) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise ProtocolError(f"{where}: {name}: missing or not an object with 'id' and 'en'")
    texts: dict[str, str] = {}
    for lang in TEXT_LANGUAGES:
        text = raw.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise ProtocolError(f"{where}: {name}.{lang}: missing or empty")
        if len(text.strip()) > MAX_TEXT_LENGTH or any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text):
            raise ProtocolError(
                f"{where}: {name}.{lang}: longer than {MAX_TEXT_LENGTH} or has control characters"
            )
        texts[lang] = text.strip()
    return texts


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    return type(value).__name__


#: How a protocol note marks its question and its answer, in the language it is written in:
#: Indonesian "T: ... J: ..." (tanya / jawab), English "Q: ... A: ...".
NOTE_MARKS = {"id": ("T", "J"), "en": ("Q", "A")}
#: Indonesian notes written before the marks followed the language (issue 10) say "Q: ... A: ...".
_EARLIER_MARKS = {"id": (("Q", "A"),), "en": ()}


def protocol_note(question: Question, answer: Answer, lang: str) -> str:
    """The narrative line of an answer, in ``lang`` (the call-taker's): "T: <question> J: <answer>".

    A note is stored as it was written and never rewritten: earlier notes keep their marks, and a
    reader in the other language sees them as written.
    """
    ask, reply = NOTE_MARKS[lang]
    return f"{ask}: {question.text(lang)} {reply}: {answer.label(lang)}"


def answers_from_notes(card: ProtocolCard, note_texts: Iterable[str]) -> dict[str, Answer]:
    """The answers already given on ``card``, read back from its protocol notes (the latest wins).

    A note is "T: <question> J: <answer>" (Indonesian) or "Q: <question> A: <answer>" (English), in
    the language it was asked in; the narrative is the one record of what was asked, so nothing else
    needs storing. Indonesian notes from before the marks were Indonesian read back too.
    """
    given: dict[str, Answer] = {}
    for text in note_texts:
        for question in card.questions:
            for lang in TEXT_LANGUAGES:
                for ask, reply in (NOTE_MARKS[lang], *_EARLIER_MARKS[lang]):
                    prefix = f"{ask}: {question.text(lang)} {reply}: "
                    if not text.startswith(prefix):
                        continue
                    label = text[len(prefix) :]
                    for answer in question.answers:
                        if answer.label(lang) == label:
                            given[question.id] = answer
    return given
