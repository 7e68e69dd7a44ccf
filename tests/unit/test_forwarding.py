"""Forwarding rules: where a report moves a forwarding, what it implies, the summary SMS and the
documented form of an agency's SMS reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dispatch.domain.codes import Refusal
from dispatch.domain.forwarding import (
    CLOSED_STATES,
    MILESTONES,
    REPLY_WORDS,
    SMS_CHARACTERS,
    SMS_LIMIT,
    ForwardingError,
    ForwardState,
    Reply,
    ReplyError,
    ReportKind,
    ack_due,
    check_report_time,
    implied,
    parse_reply,
    sms_text,
    state_after,
    summary_sms,
)
from dispatch.domain.incidents import clean_text, format_incident_number

T0 = datetime(2026, 11, 27, 5, 0, 0, tzinfo=UTC)
OPEN_STATES = [state for state in ForwardState if state not in CLOSED_STATES]


@pytest.mark.parametrize(
    ("current", "kind", "after"),
    [
        (ForwardState.SENT, ReportKind.ACKNOWLEDGED, ForwardState.ACKNOWLEDGED),
        (ForwardState.SENT, ReportKind.DISPATCHED, ForwardState.DISPATCHED),
        (ForwardState.SENT, ReportKind.ARRIVED, ForwardState.ARRIVED),
        (ForwardState.SENT, ReportKind.HANDLED, ForwardState.HANDLED),
        (ForwardState.ACKNOWLEDGED, ReportKind.ARRIVED, ForwardState.ARRIVED),
        (ForwardState.DISPATCHED, ReportKind.ARRIVED, ForwardState.ARRIVED),
        (ForwardState.ARRIVED, ReportKind.HANDLED, ForwardState.HANDLED),
        # late reports: the state stays where it is
        (ForwardState.ARRIVED, ReportKind.DISPATCHED, ForwardState.ARRIVED),
        (ForwardState.ARRIVED, ReportKind.ACKNOWLEDGED, ForwardState.ARRIVED),
        (ForwardState.DISPATCHED, ReportKind.ACKNOWLEDGED, ForwardState.DISPATCHED),
        (ForwardState.ACKNOWLEDGED, ReportKind.ACKNOWLEDGED, ForwardState.ACKNOWLEDGED),
        # notes and calls for help keep it
        (ForwardState.SENT, ReportKind.NOTE, ForwardState.SENT),
        (ForwardState.DISPATCHED, ReportKind.NEEDS_HELP, ForwardState.DISPATCHED),
        # cancelled closes from anywhere open
        (ForwardState.SENT, ReportKind.CANCELLED, ForwardState.CANCELLED),
        (ForwardState.ARRIVED, ReportKind.CANCELLED, ForwardState.CANCELLED),
    ],
)
def test_a_report_moves_a_forwarding_to_its_furthest_milestone(
    current: ForwardState, kind: ReportKind, after: ForwardState
) -> None:
    assert state_after(current, kind) is after


@pytest.mark.parametrize("closed", sorted(CLOSED_STATES))
@pytest.mark.parametrize("kind", list(ReportKind))
def test_nothing_is_reported_on_a_closed_forwarding(closed: ForwardState, kind: ReportKind) -> None:
    with pytest.raises(ForwardingError) as refused:
        state_after(closed, kind)
    assert refused.value.code is Refusal.FORWARDING_CLOSED


@given(st.sampled_from(OPEN_STATES), st.lists(st.sampled_from(list(ReportKind)), max_size=12))
def test_an_open_forwarding_never_goes_back(start: ForwardState, kinds: list[ReportKind]) -> None:
    order = [ForwardState.SENT, ForwardState.ACKNOWLEDGED, ForwardState.DISPATCHED, ForwardState.ARRIVED]
    state = start
    for kind in kinds:
        if state in CLOSED_STATES:
            with pytest.raises(ForwardingError):
                state_after(state, kind)
            break
        after = state_after(state, kind)
        if after not in CLOSED_STATES:
            assert order.index(after) >= order.index(state)
        state = after


def test_a_milestone_implies_the_ones_before_it_but_handling_is_no_arrival() -> None:
    assert implied(ReportKind.ARRIVED) == (ReportKind.ACKNOWLEDGED, ReportKind.DISPATCHED)
    assert implied(ReportKind.DISPATCHED) == (ReportKind.ACKNOWLEDGED,)
    assert implied(ReportKind.HANDLED) == (ReportKind.ACKNOWLEDGED,)
    for kind in (ReportKind.ACKNOWLEDGED, ReportKind.NOTE, ReportKind.NEEDS_HELP, ReportKind.CANCELLED):
        assert implied(kind) == ()
    # every implied kind has a column to write, and every column is a forwardings column
    assert {k for kind in ReportKind for k in implied(kind)} <= set(MILESTONES)
    assert set(MILESTONES.values()) == {
        "acknowledged_at",
        "dispatched_at",
        "arrived_at",
        "handled_at",
        "needs_help_at",
    }


def _check(current: ForwardState, kind: ReportKind, at: datetime, reached: datetime) -> None:
    check_report_time(current, kind, at, forwarded_at=T0, reached_at=reached, now=T0 + timedelta(hours=1))


def test_report_times_are_checked_against_the_forwarding_and_the_milestone_reached() -> None:
    reached = T0 + timedelta(minutes=10)
    _check(ForwardState.ACKNOWLEDGED, ReportKind.ARRIVED, reached, reached)  # same moment: fine
    _check(ForwardState.ACKNOWLEDGED, ReportKind.ARRIVED, T0 + timedelta(minutes=20), reached)
    # a late report or a note may be timed anywhere since the forwarding
    _check(ForwardState.ARRIVED, ReportKind.DISPATCHED, T0 + timedelta(minutes=1), reached)
    _check(ForwardState.ACKNOWLEDGED, ReportKind.NOTE, T0, reached)
    cases = [
        (
            ForwardState.ACKNOWLEDGED,
            ReportKind.ARRIVED,
            T0 + timedelta(minutes=9),
            Refusal.REPORT_OUT_OF_ORDER,
        ),
        (
            ForwardState.ACKNOWLEDGED,
            ReportKind.CANCELLED,
            T0 + timedelta(minutes=9),
            Refusal.REPORT_OUT_OF_ORDER,
        ),
        (ForwardState.ACKNOWLEDGED, ReportKind.NOTE, T0 - timedelta(seconds=1), Refusal.REPORT_TIME_INVALID),
        (
            ForwardState.SENT,
            ReportKind.ACKNOWLEDGED,
            T0 + timedelta(hours=1, seconds=1),
            Refusal.REPORT_TIME_INVALID,
        ),
    ]
    for current, kind, at, code in cases:
        with pytest.raises(ForwardingError) as refused:
            _check(current, kind, at, reached if current is not ForwardState.SENT else T0)
        assert refused.value.code is code, (current, kind, at)


def test_the_acknowledgement_is_due_exactly_at_the_agency_s_limit() -> None:
    assert ack_due(T0, 300) == T0 + timedelta(minutes=5)


# --- the summary SMS ---------------------------------------------------------------------------


def test_the_summary_names_the_incident_the_place_the_caller_and_how_to_reply() -> None:
    text = summary_sms(
        number="2026-000123",
        category_label="Kebakaran",
        priority="P1",
        address="Jl. Sirojudin 12, Tembalang",
        lat=-7.051234,
        lon=110.439118,
        callback="0812-3456-7890",
        centre="112",
    )
    assert text == (
        "112 P1 Kebakaran. Jl. Sirojudin 12, Tembalang. "
        "https://maps.google.com/?q=-7.05123,110.43912 Pelapor 0812-3456-7890. "
        "Balas: 2026-000123 TERIMA/TIBA/SELESAI"
    )
    assert len(text) <= SMS_LIMIT
    assert parse_reply("2026-000123 TERIMA") == Reply("2026-000123", ReportKind.ACKNOWLEDGED, "")


def test_the_address_is_cut_first_and_accents_are_folded() -> None:
    text = summary_sms(
        number="2026-000123",
        category_label="Kecelakaan lalu lintas",
        priority="P2",
        address="Jl. Setiabudi 40, RT 3/RW 4, Srondol Wétan (depan masjid Al-Ikhlas, sebelah SPBU)",
        lat=-7.05,
        lon=110.4,
        callback="",
        centre="112 Kota Semarang",
    )
    assert len(text) <= SMS_LIMIT
    assert text.startswith("112 Kota Semarang P2 Kecelakaan lalu lintas. Jl. Setiabudi 40")
    assert "..." in text
    assert "Wétan" not in text
    assert text.endswith(
        "https://maps.google.com/?q=-7.05000,110.40000 Balas: 2026-000123 TERIMA/TIBA/SELESAI"
    )


def test_no_map_link_without_a_position_on_earth() -> None:
    for lat, lon in [(None, 110.4), (-7.0, None), (float("nan"), 110.4), (-7.0, float("inf")), (91.0, 0.0)]:
        text = summary_sms(
            number="2026-000001", category_label="Kebakaran", priority="P1", address="Jl. A",
            lat=lat, lon=lon, callback="", centre="112",
        )  # fmt: skip
        assert "maps.google.com" not in text


def test_sms_text_keeps_only_characters_every_modem_sends_alike() -> None:
    assert sms_text("Srondol Wétan  Ñ\nRT 3\t") == "Srondol Wetan N RT 3"
    assert sms_text("a@b_c [1] {2} ~ ^ \\ | $ € “x” – …") == 'a(at)b-c (1) (2) - \' / / S EUR "x" - ...'
    assert sms_text("火事") == "??"
    # what a GSM 03.38 modem would put elsewhere ("¤" for "$", "¡" for "@")
    assert not SMS_CHARACTERS & set("$@_[]{}\\^~|`")


gsm_fields = st.text(max_size=300)


@given(
    number=st.builds(format_incident_number, st.integers(2000, 2099), st.integers(1, 999_999)),
    category=gsm_fields,
    priority=st.sampled_from(["P1", "P2", "P3", "P4", ""]),
    address=gsm_fields,
    lat=st.none() | st.floats(allow_nan=True, allow_infinity=True),
    lon=st.none() | st.floats(allow_nan=True, allow_infinity=True),
    callback=gsm_fields,
    centre=gsm_fields,
)
def test_the_summary_is_one_sms_in_safe_characters_whatever_it_is_given(
    number: str,
    category: str,
    priority: str,
    address: str,
    lat: float | None,
    lon: float | None,
    callback: str,
    centre: str,
) -> None:
    text = summary_sms(
        number=number,
        category_label=category,
        priority=priority,
        address=address,
        lat=lat,
        lon=lon,
        callback=callback,
        centre=centre,
    )
    assert set(text) <= SMS_CHARACTERS
    assert len(text) <= SMS_LIMIT
    assert text.endswith(f"Balas: {number} TERIMA/TIBA/SELESAI")
    # the agency's reply in the form the SMS asks for is understood
    assert parse_reply(f"{number} TIBA").incident_number == number


@given(st.text(max_size=400))
def test_sms_text_is_total(text: str) -> None:
    assert set(sms_text(text)) <= SMS_CHARACTERS


# --- the SMS reply form --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("2026-000123 TERIMA", Reply("2026-000123", ReportKind.ACKNOWLEDGED, "")),
        ("2026-000123 ok", Reply("2026-000123", ReportKind.ACKNOWLEDGED, "")),
        ("2026-123 Ack", Reply("2026-000123", ReportKind.ACKNOWLEDGED, "")),
        ("#2026-000123 berangkat 2 unit", Reply("2026-000123", ReportKind.DISPATCHED, "2 unit")),
        ("2026-000123 KIRIM", Reply("2026-000123", ReportKind.DISPATCHED, "")),
        ("2026-7 dispatched", Reply("2026-000007", ReportKind.DISPATCHED, "")),
        ("2026-000123 tiba 2 unit di lokasi", Reply("2026-000123", ReportKind.ARRIVED, "2 unit di lokasi")),
        ("2026-000123 ARRIVED", Reply("2026-000123", ReportKind.ARRIVED, "")),
        (
            "  2026-000123   SELESAI.  api padam,\n1 korban ke RS Kariadi ",
            Reply("2026-000123", ReportKind.HANDLED, "api padam, 1 korban ke RS Kariadi"),
        ),
        ("2026-000123 done", Reply("2026-000123", ReportKind.HANDLED, "")),
        (
            "Balas: 2026-000123 BANTUAN perlu tangga",
            Reply("2026-000123", ReportKind.NEEDS_HELP, "perlu tangga"),
        ),
        ("2026-000123 help!", Reply("2026-000123", ReportKind.NEEDS_HELP, "")),
        ("2026-000123: info - jalan ditutup", Reply("2026-000123", ReportKind.NOTE, "jalan ditutup")),
        ("2026 - 0000123, CATATAN", Reply("2026-000123", ReportKind.NOTE, "")),
        ("2026-000123TERIMA", Reply("2026-000123", ReportKind.ACKNOWLEDGED, "")),
    ],
)
def test_replies_in_the_documented_form_are_understood(text: str, reply: Reply) -> None:
    assert parse_reply(text) == reply


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "not a reply: no incident number (YYYY-NNNNNN) first"),
        ("TERIMA 2026-000123", "not a reply: no incident number (YYYY-NNNNNN) first"),
        ("Pak, kebakaran sudah padam", "not a reply: no incident number (YYYY-NNNNNN) first"),
        ("2026-000000 TERIMA", "not a reply: no such incident number"),
        ("2026-1000000 TERIMA", "not a reply: no such incident number"),
        ("2026-0000000000123 TERIMA", "not a reply: no incident number (YYYY-NNNNNN) first"),
        ("2026-000123", "no report word after 2026-000123"),
        ("2026-000123 : ", "no report word after 2026-000123"),
        ("2026-000123 12 unit", "no report word after 2026-000123"),
        ("2026-000123 okay", "unknown report word 'okay' after 2026-000123"),
        ("2026-000123 TERIMA/TIBA/SELESAI", "no single report word after 2026-000123"),
        ("2026-000123 ok2", "no single report word after 2026-000123"),
    ],
)
def test_other_messages_are_no_reply_and_say_why(text: str, reason: str) -> None:
    with pytest.raises(ReplyError) as refused:
        parse_reply(text)
    assert refused.value.reason == reason


@given(st.text(max_size=300) | st.from_regex(r"\s*#?[0-9]{4}-[0-9]{1,8}[ :,;.\-]*\w*.{0,40}"))
@example("2026-000123 \u0130")
@example("2026-000123 terıma")
@example("٢٠٢٦-١٢٣ TERIMA")
def test_parse_reply_is_total(text: str) -> None:
    reason = ""
    try:
        reply = parse_reply(text)
    except ReplyError as error:
        reason = error.reason
    if reason:
        assert len(reason) < 100
        return
    assert reply.kind in set(REPLY_WORDS.values())
    assert len(reply.incident_number) == 11
    assert "\n" not in reply.text


spacing = st.text(alphabet=" \t", min_size=1, max_size=3)
after_word = st.text(alphabet=" :,;.-", min_size=1, max_size=3)


@given(
    year=st.integers(2000, 2099),
    sequence=st.integers(1, 999_999),
    zeros=st.booleans(),
    hash_mark=st.booleans(),
    word=st.sampled_from(sorted(REPLY_WORDS)),
    case=st.sampled_from([str.upper, str.lower, str.title]),
    gap=spacing,
    sep=after_word,
    text=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=80),
)
def test_any_reply_written_in_the_form_reads_back(
    year: int,
    sequence: int,
    zeros: bool,
    hash_mark: bool,
    word: str,
    case: object,
    gap: str,
    sep: str,
    text: str,
) -> None:
    number = format_incident_number(year, sequence) if zeros else f"{year}-{sequence}"
    written = f"{'#' if hash_mark else ''}{number}{gap}{case(word)}{sep}{text}"  # type: ignore[operator]
    reply = parse_reply(written)
    assert reply.incident_number == format_incident_number(year, sequence)
    assert reply.kind is REPLY_WORDS[word]
    # the rest is the text, as one line, without the separator after the word
    assert reply.text == clean_text(sep + text).lstrip(":,;.!- ").strip()
