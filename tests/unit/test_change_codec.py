"""The change events' JSON (``bus.encode_changes`` / ``decode_changes``): read back as written, and
anything else, from any text, is left out without raising (an event is a hint to re-read)."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from dispatch.services.bus import MAX_EVENT_IDS, Change, Topic, decode_changes, encode_changes

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)
topics = st.sampled_from(list(Topic))
# Rows shaped like the encoder's, with parts of every kind where the topic and the ids go.
rows = st.lists(
    st.tuples(topics.map(str) | st.text() | json_values, st.lists(st.integers() | json_values, max_size=6)),
    max_size=6,
)


def _well_formed(found: list[Change]) -> bool:
    return all(
        isinstance(change.topic, Topic)
        and isinstance(change.ids, tuple)
        and all(type(i) is int for i in change.ids)
        for change in found
    )


@given(st.text())
@example("")
@example("[" * 100_000)
@example("1" * 5000)
@example("NaN")
@example('[["calls", [1, 2]], ["calls"]]')
def test_any_text_is_read_without_raising(text: str) -> None:
    assert _well_formed(decode_changes(text))


@given(json_values)
def test_any_json_is_read_without_raising(value: object) -> None:
    assert _well_formed(decode_changes(json.dumps(value)))


@given(rows)
def test_rows_of_any_parts_keep_only_known_topics(found_rows: list[tuple[object, list[object]]]) -> None:
    decoded = decode_changes(json.dumps([list(row) for row in found_rows]))
    assert _well_formed(decoded)
    known = [row for row in found_rows if isinstance(row[0], str) and row[0] in set(Topic)]
    assert [change.topic.value for change in decoded] == [row[0] for row in known]
    for change, (_, ids) in zip(decoded, known, strict=True):
        # Either every id as written, or (any id not a whole number) the whole topic.
        if all(type(i) is int for i in ids):
            assert list(change.ids) == ids
        else:
            assert change.ids == ()


@given(st.lists(st.builds(Change, topics, st.lists(st.integers(), max_size=12).map(tuple)), max_size=12))
def test_encoded_changes_read_back_the_same(changes: list[Change]) -> None:
    assert decode_changes(encode_changes(changes)) == changes


def test_more_ids_than_an_event_holds_are_the_whole_topic() -> None:
    many = Change(Topic.UNITS, tuple(range(MAX_EVENT_IDS + 1)))
    enough = Change(Topic.CALLS, tuple(range(MAX_EVENT_IDS)))
    assert decode_changes(encode_changes([many, enough])) == [Change(Topic.UNITS), enough]


def test_an_unknown_topic_and_a_malformed_id_list() -> None:
    text = '[["from a newer console", [1]], ["calls", [1, "2"]], ["units", [true]], ["notes", [3]], 7]'
    assert decode_changes(text) == [Change(Topic.CALLS), Change(Topic.UNITS), Change(Topic.NOTES, (3,))]
