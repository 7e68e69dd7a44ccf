"""The AML SMS decoder (ETSI TS 103 625 version 1): what it reads, what it refuses and why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dispatch.domain.aml import MAX_LENGTH, AmlError, AmlFix, AmlMethod, decode_aml, is_aml

SEMARANG = (
    'A"ML=1;lt=-6.99306;lg=+110.42083;rd=12;top=20221115070312;lc=68;pm=G;'
    "si=510101234567890;ei=356938035643809;mcc=510;mnc=10;ml=128"
)
#: The example of a published AML parser's tests (UK: Wi-Fi, a 16-digit IMEISV).
UK = (
    'A"ML=1;lt=+54.76397;lg=-0.18305;rd=50;top=20130717141935;lc=90;pm=W;'
    "si=123456789012345;ei=1234567890123456;mcc=234;mnc=30;ml=128"
)


def with_length(body: str) -> str:
    """``body`` (without ``ml``) with the ``;ml=N`` that makes N its whole length."""
    for digits in range(1, 5):
        text = f"{body};ml={len(body) + 4 + digits}"
        if len(text) == len(body) + 4 + digits:
            return text
    raise AssertionError("no length fits")


def outcome(text: str) -> AmlFix | str:
    """The fix, or the reason it was refused; any other exception fails the test."""
    try:
        return decode_aml(text)
    except AmlError as error:
        return str(error)


def reason(text: str) -> str:
    with pytest.raises(AmlError) as caught:
        decode_aml(text)
    return str(caught.value)


def test_a_handset_message_decodes_to_its_fix() -> None:
    fix = decode_aml(SEMARANG)
    assert fix == AmlFix(
        version=1,
        lat=-6.99306,
        lon=110.42083,
        radius_m=12.0,
        fixed_at=datetime(2022, 11, 15, 7, 3, 12, tzinfo=UTC),
        confidence=68,
        method=AmlMethod.GNSS,
        imsi="510101234567890",
        imei="356938035643809",
        mcc="510",
        mnc="10",
        text=SEMARANG,
    )
    assert is_aml(SEMARANG)


def test_a_published_example_decodes() -> None:
    fix = decode_aml(UK)
    assert (fix.lat, fix.lon, fix.radius_m, fix.confidence, fix.method) == (
        54.76397,
        -0.18305,
        50.0,
        90,
        AmlMethod.WIFI,
    )
    assert fix.fixed_at == datetime(2013, 7, 17, 14, 19, 35, tzinfo=UTC)
    assert fix.imei == "1234567890123456"


@pytest.mark.parametrize(("letter", "method"), [("G", "gnss"), ("W", "wifi"), ("C", "cell"), ("g", "gnss")])
def test_each_positioning_method(letter: str, method: str) -> None:
    text = with_length(f'A"ML=1;lt=-6.9;lg=110.4;rd=2500;top=20221115070312;lc=68;pm={letter}')
    assert decode_aml(text).method == method


@pytest.mark.parametrize(
    "body",
    [
        'A"ML=1;lt=+00.00000;lg=+000.00000;rd=N;top=20221115070312;lc=0;pm=N;si=510101234567890',
        'A"ML=1;lt=;lg=;rd=;top=20221115070312;pm=N',
        'A"ML=1;top=20221115070312;pm=N',
        'A"ML=1;pm=N',
    ],
)
def test_no_position_is_a_fix_without_one(body: str) -> None:
    fix = decode_aml(with_length(body))
    assert fix.method is AmlMethod.NONE
    assert (fix.lat, fix.lon, fix.radius_m) == (None, None, None)


def test_unknown_keys_empty_fields_any_key_case_and_white_space_around_are_taken() -> None:
    body = ' A"ML=1;LT=-6.9;lg=110.4;;rd=15.5;top=20221115070312;pm=C;xy=what;v2=1;'
    text = with_length(body.strip())
    fix = decode_aml(f"  {text}\r\n")
    assert (fix.lat, fix.lon, fix.radius_m, fix.confidence) == (-6.9, 110.4, 15.5, None)
    assert fix.text == text


def test_a_message_without_ml_is_read() -> None:
    fix = decode_aml('A"ML=1;lt=-6.9;lg=110.4;rd=15;top=20221115070312;pm=G')
    assert fix.lat == -6.9


FIX = "top=20221115070312"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("hello", 'AML: does not start with A"ML='),
        ('A"ML=x;lt=1', "AML: version 'x' is not a number"),
        ('A"ML=2;lt=1', "AML: version 2 is not supported (only 1)"),
        (SEMARANG.replace("lt=-6.99306;", ""), "AML: ml says 128, message is 116"),
        ('A"ML=1;lt=-6.9;lg=110;rd=2;top=20221115070312;pm=G;ml=abc', "AML: ml 'abc' is not a number"),
        # A separator lost: the length field run into the one before it is not quietly dropped.
        (
            'A"ML=1;lt=-6.9;lg=110;rd=2;top=20221115070312;pm=G;zz=1ml=59',
            "AML: field 7 'zz=1ml=59' is not key=value",
        ),
        ('A"ML=1;' + "x" * MAX_LENGTH, f"AML: message too long ({MAX_LENGTH + 7} characters, at most 1000)"),
    ]
    + [
        (with_length(f'A"ML=1;{fields}'), why)
        for fields, why in [
            (f"lg=110.4;rd=12;{FIX};pm=G", "AML: lt missing"),
            (f"lt=-6.9;lg=110.4;rd=12;{FIX}", "AML: pm missing"),
            (f"lt=-6.9;lg=110.4;{FIX};pm=G", "AML: rd missing"),
            ("lt=-6.9;lg=110.4;rd=12;pm=G", "AML: top missing"),
            (f"lt=;lg=110.4;rd=12;{FIX};pm=G", "AML: lt empty"),
            (f"lt=-96.9;lg=110.4;rd=12;{FIX};pm=G", "AML: lt '-96.9' out of range -90..90"),
            (f"lt=-6.9;lg=181;rd=12;{FIX};pm=G", "AML: lg '181' out of range -180..180"),
            (f"lt=-6.9;lg=110;rd=-2;{FIX};pm=G", "AML: rd '-2' is not a number"),
            (f"lt=-6.9;lg=110;rd=200000;{FIX};pm=G", "AML: rd '200000' out of range 0..100000"),
            (f"lt=nan;lg=110;rd=2;{FIX};pm=G", "AML: lt 'nan' is not a number"),
            (f"lt=1e1;lg=110;rd=2;{FIX};pm=G", "AML: lt '1e1' is not a number"),
            (f"lt=\u0661;lg=110;rd=2;{FIX};pm=G", "AML: lt '\u0661' is not a number"),
            ("lt=-6.9;lg=110;rd=2;top=2022111507;pm=G", "AML: top '2022111507' is not YYYYMMDDhhmmss"),
            ("lt=-6.9;lg=110;rd=2;top=20221315070312;pm=G", "AML: top '20221315070312' is not a real time"),
            (f"lt=-6.9;lg=110;rd=2;{FIX};pm=Z", "AML: pm 'Z' is not G, W, C or N"),
            (f"lt=-6.9;lg=110;rd=2;{FIX};lc=101;pm=G", "AML: lc '101' is not a whole 0..100"),
            (f"lt=-6.9;lg=110;rd=2;{FIX};lc=99.9;pm=G", "AML: lc '99.9' is not a whole 0..100"),
            (f"lt=-6.9;lt=-7.0;lg=110;rd=2;{FIX};pm=G", "AML: lt given twice"),
            (f"lt=-6.9;lg=110;rd;{FIX};pm=G", "AML: field 4 'rd' is not key=value"),
        ]
    ],
)
def test_a_malformed_message_is_refused_with_its_reason(text: str, why: str) -> None:
    assert reason(text) == why


def test_a_long_value_is_cut_short_in_the_reason() -> None:
    why = reason(with_length('A"ML=1;lt=-6.9;lg=110;rd=2;top=20221115070312;pm=' + "Q" * 200))
    assert why == "AML: pm 'QQQQQQQQQQQQQQQQQQQQQQQQ...' is not G, W, C or N"


# -- properties ------------------------------------------------------------------------------------

_times = st.datetimes(
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis draws naive times; made UTC below
    max_value=datetime(2099, 12, 31),  # noqa: DTZ001
).map(lambda moment: moment.replace(microsecond=0, tzinfo=UTC))
_EXTRA = st.lists(
    st.sampled_from(["si=510101234567890", "ei=356938035643809", "mcc=510", "mnc=10", "zz=1"]), unique=True
)
Message = tuple[str, float, float, float, datetime, int, str]


@st.composite
def messages(draw: st.DrawFn) -> Message:
    """A valid message as a handset would write it, with the values it holds."""
    lat = round(draw(st.floats(-90, 90)), 5)
    lon = round(draw(st.floats(-180, 180)), 5)
    radius = draw(st.integers(0, 100_000))
    fixed_at = draw(_times)
    confidence = draw(st.integers(0, 100))
    method = draw(st.sampled_from("GWC"))
    extra = draw(
        st.lists(
            st.sampled_from(["si=510101234567890", "ei=356938035643809", "mcc=510", "mnc=10", "zz=1"]),
            unique=True,
        )
    )
    body = (
        f'A"ML=1;lt={lat:+.5f};lg={lon:+.5f};rd={radius};top={fixed_at:%Y%m%d%H%M%S};'
        f"lc={confidence};pm={method}" + "".join(f";{field}" for field in extra)
    )
    return with_length(body), lat, lon, float(radius), fixed_at, confidence, method


@given(messages())
def test_a_valid_message_gives_back_what_was_written(
    message: tuple[str, float, float, float, datetime, int, str],
) -> None:
    text, lat, lon, radius, fixed_at, confidence, method = message
    fix = decode_aml(text)
    assert (fix.lat, fix.lon, fix.radius_m, fix.fixed_at, fix.confidence) == (
        lat,
        lon,
        radius,
        fixed_at,
        confidence,
    )
    assert fix.method == {"G": "gnss", "W": "wifi", "C": "cell"}[method]
    assert fix.text == text


@given(st.text(max_size=300))
@example('A"ML=1;')
@example('A"ML=1;pm=N;ml=')
@example('A"ML=1;=;==')
@example('A"ML=99999999999999999999;')
@example('A"ML=1;lt=999;lg=1;rd=1;top=00000000000000;pm=G')
def test_any_text_decodes_or_is_refused_with_a_reason(text: str) -> None:
    result = outcome(text)
    if isinstance(result, str):
        assert result.startswith("AML: ")
        assert len(result) < 120
    else:
        assert result.version == 1


@given(st.text(alphabet=st.sampled_from('A"ML=1;ltgrdopmcNG.+-0123456789 '), max_size=200))
@example("lt=1;lg=2;rd=3;top=20200101000000;pm=G")
def test_text_made_of_the_messages_own_characters_decodes_or_is_refused(text: str) -> None:
    result = outcome('A"ML=1;' + text)
    if isinstance(result, str):
        assert result.startswith("AML: ")
    elif result.method is AmlMethod.NONE:
        assert (result.lat, result.lon, result.radius_m) == (None, None, None)
    else:
        # Whatever was read is a position on Earth with a sane radius and a time.
        assert result.lat is not None
        assert -90 <= result.lat <= 90
        assert result.lon is not None
        assert -180 <= result.lon <= 180
        assert result.radius_m is not None
        assert 0 <= result.radius_m <= 100_000
        assert result.fixed_at is not None
        assert result.fixed_at.tzinfo is UTC


@given(messages(), st.data())
def test_a_message_with_a_character_dropped_or_added_is_refused(
    message: Message, data: st.DataObject
) -> None:
    text = message[0]
    at = data.draw(st.integers(len('A"ML=1;'), len(text) - len(";ml=000")), label="at")
    dropped = text[:at] + text[at + 1 :]
    added = text[:at] + data.draw(st.sampled_from("0123456789;x"), label="added") + text[at:]
    for changed in (dropped, added):
        # The length no longer matches: whatever the change did to the fields, nothing is read from it.
        assert reason(changed).startswith("AML: ")
