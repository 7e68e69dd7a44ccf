"""Feed URLs (docs/feeds.md): ``sim://``, and secrets that no error or repr ever shows; no Qt."""

from __future__ import annotations

import math
import subprocess
import sys
import traceback
from urllib.parse import quote

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from dispatch.feeds.urls import (
    DEFAULT_SIM_RATE,
    KNOWN_SCHEMES,
    AmiFeedUrl,
    FeedUrlError,
    SimFeedUrl,
    parse_feed_url,
    parse_sim_url,
)


def test_the_module_imports_no_qt() -> None:
    # In a fresh interpreter: pytest-qt may already have loaded Qt into this one.
    code = "import sys, dispatch.feeds.urls; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_known_schemes() -> None:
    assert "sim" in KNOWN_SCHEMES
    assert set(KNOWN_SCHEMES) == {"serial", "ncid", "whozz-udp", "ami", "sim", "aml-sms"}


@pytest.mark.parametrize("text", ["sim://", "sim://?", "sim:", "SIM://", "sim://?unknown=1"])
def test_defaults(text: str) -> None:
    url = parse_sim_url(text)
    assert url == SimFeedUrl()
    assert url.rate_per_minute == DEFAULT_SIM_RATE == 2.0
    assert url.seed == 1


@pytest.mark.parametrize(
    ("text", "rate", "seed"),
    [
        ("sim://?rate=6", 6.0, 1),
        ("sim://?rate=0.5&seed=42", 0.5, 42),
        ("sim://?seed=7&rate=12", 12.0, 7),
        ("sim://?seed=-3", DEFAULT_SIM_RATE, -3),
        ("sim://?rate=600", 600.0, 1),
        ("sim://?rate=0.001", 0.001, 1),
        ("sim://?rate=1e1", 10.0, 1),
        ("sim://?rate=%20%205%20", 5.0, 1),  # percent-escaped spaces around the number
        ("sim://?rate=1&rate=3", 3.0, 1),  # the last of a repeated parameter wins
        ("sim://localhost?rate=4&seed=0", 4.0, 0),
        ("sim://?rate=3#fragment", 3.0, 1),
    ],
)
def test_rate_and_seed(text: str, rate: float, seed: int) -> None:
    url = parse_sim_url(text)
    assert url.rate_per_minute == rate
    assert url.seed == seed


@pytest.mark.parametrize(
    "rate", ["0", "-1", "601", "600.0001", "nan", "NaN", "inf", "-inf", "1e999", "abc", "1e-400"]
)
def test_bad_rate_is_refused(rate: str) -> None:
    with pytest.raises(FeedUrlError):
        parse_sim_url(f"sim://?rate={rate}&seed=1")


@pytest.mark.parametrize("seed", ["abc", "1.5", "1e3", "0x10", "9" * 5000])
def test_bad_seed_is_refused(seed: str) -> None:
    with pytest.raises(FeedUrlError):
        parse_sim_url(f"sim://?rate=2&seed={seed}")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "sim",
        "serial:///dev/ttyUSB0?baud=1200",
        "ncid://localhost:3333",
        "http://sim/",
        "simulated://",
        "://",
    ],
)
def test_other_schemes_are_refused(text: str) -> None:
    with pytest.raises(FeedUrlError, match="not a sim:// URL"):
        parse_sim_url(text)


def test_an_empty_value_means_the_default() -> None:
    assert parse_sim_url("sim://?rate=&seed=") == SimFeedUrl()


def test_feed_url_error_is_a_value_error() -> None:
    assert issubclass(FeedUrlError, ValueError)


@pytest.mark.parametrize(
    ("url", "text"),
    [
        (SimFeedUrl(), "sim://?rate=2&seed=1"),
        (SimFeedUrl(0.5, 42), "sim://?rate=0.5&seed=42"),
        (SimFeedUrl(600.0, -1), "sim://?rate=600&seed=-1"),
        (SimFeedUrl(12.25, 0), "sim://?rate=12.25&seed=0"),
    ],
)
def test_str_round_trips(url: SimFeedUrl, text: str) -> None:
    assert str(url) == text
    assert parse_sim_url(str(url)) == url


@given(
    rate=st.integers(min_value=1, max_value=600).map(float)
    | st.sampled_from([0.1, 0.25, 0.5, 1.5, 2.5, 7.75]),
    seed=st.integers(min_value=-(2**63), max_value=2**63),
)
def test_str_round_trips_for_ordinary_rates_and_any_seed(rate: float, seed: int) -> None:
    url = SimFeedUrl(rate, seed)
    assert parse_sim_url(str(url)) == url


def test_str_round_trips_for_any_accepted_rate() -> None:
    url = parse_sim_url("sim://?rate=1.2345678")
    assert parse_sim_url(str(url)) == url


@pytest.mark.parametrize("text", ["sim://[", "sim://\uff03"])
def test_a_malformed_host_is_a_feed_url_error(text: str) -> None:
    with pytest.raises(FeedUrlError):
        parse_sim_url(text)


@given(st.text(max_size=60))
@example("rate=")
@example("rate=1e-400")  # underflows to 0.0
@example("rate=%6E%61%6E")  # nan, percent-escaped
@example("seed=" + "9" * 5000)  # past int()'s digit limit
@example("rate=" + "9" * 400)
@example("rate=2&seed=%FF")
@example("rate=\x00")
@example("[&]=#?")
def test_any_query_after_sim_is_parsed_or_refused_with_feed_url_error(query: str) -> None:
    try:
        url = parse_sim_url("sim://?" + query)
    except FeedUrlError:
        return
    assert isinstance(url, SimFeedUrl)
    assert math.isfinite(url.rate_per_minute)
    assert 0 < url.rate_per_minute <= 600
    assert isinstance(url.seed, int)


# --- secrets and credentials (issue 9) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "username", "secret"),
    [
        ("ami://dispatch:rahasia@pbx:5038?exten=112", "dispatch", "rahasia"),
        ("ami://dispatch:ra@h/as?ia#1:x@pbx:5038?exten=112", "dispatch", "ra@h/as?ia#1:x"),  # as typed
        ("ami://dispatch:ra%40h%2Fas%3Fia@pbx?exten=112", "dispatch", "ra@h/as?ia"),  # percent-encoded
        ("ami://dis%20patch:@pbx", "dis patch", ""),  # an empty secret is the PBX's business
        ("AMI://dispatch:s3cr%C3%A9t@pbx", "dispatch", "s3cr\u00e9t"),
    ],
)
def test_ami_credentials_reach_the_url_and_never_its_text(text: str, username: str, secret: str) -> None:
    url = parse_feed_url(text)
    assert isinstance(url, AmiFeedUrl)
    assert (url.username, url.secret, url.host) == (username, secret, "pbx")
    for shown in (repr(url), str(url), url.display):
        assert secret == "" or secret not in shown
        assert ":***@pbx" in url.display


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("ami://disp%0Aatch:rahasia@pbx:5038", "user"),  # killed the feed thread at login before
        ("ami://disp%0Datch:rahasia@pbx", "user"),
        ("ami://disp%00atch:rahasia@pbx", "user"),
        ("ami://disp\tatch:rahasia@pbx", "user"),
        ("ami://dispatch:rah%0D%0AAction: Logoff@pbx", "secret"),
        ("ami://dispatch:rah%0Aasia@pbx", "secret"),
        ("ami://dispatch:rah\x00asia@pbx", "secret"),
        ("ami://dispatch:rah%7Fasia@pbx", "secret"),
        ("ami://dispatch:rah%C2%85asia@pbx", "secret"),  # NEL, a C1 line break
        ("ami://dispatch:rah%E2%80%A8asia@pbx", "secret"),  # U+2028 line separator
    ],
)
def test_control_characters_in_ami_credentials_are_refused_when_parsed(text: str, field: str) -> None:
    with pytest.raises(FeedUrlError, match=f"the AMI {field} holds a control character") as caught:
        parse_feed_url(text)
    assert "rah" not in str(caught.value)


def test_an_ami_url_built_in_code_with_a_line_break_is_refused_too() -> None:
    with pytest.raises(FeedUrlError, match="the AMI user holds a control character"):
        AmiFeedUrl(username="a\nb", secret="x", host="pbx")


def test_a_percent_escape_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(FeedUrlError, match="not UTF-8"):
        parse_feed_url("ami://dispatch:ab%FFcd@pbx")


@pytest.mark.parametrize(
    "text",
    [
        "ncid://dispatch:rahasia@host:3333",
        "whozz-udp://dispatch:rahasia@0.0.0.0:3520",
        "serial:rfc2217://dispatch:rahasia@host:2217?baud=9600",
        "serial:socket://dispatch:rahasia@host:4000",
        "sim://dispatch:rahasia@?rate=2",
    ],
)
def test_credentials_in_a_scheme_without_login_are_refused_unquoted(text: str) -> None:
    with pytest.raises(FeedUrlError, match=r"takes? no user or secret") as caught:
        parse_feed_url(text)
    assert "rahasia" not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "ami://dispatch:rahasia",  # no host: the secret is where a port would be
        "ami://dispatch:rahasia/x@",  # no host; urllib reads "rahasia" as the port
        "ami://dispatch:rahasia@pbx:port",
        "ami://dispatch:rahasia@pbx:99999",
        "ami://dispatch:rahasia@[::1",
        "ami://rahasia@pbx",  # the user forgot
        "ami://pbx:5038?secret=rahasia",
        "ami:dispatch:rahasia@pbx",
        "ncid://rahasia:x",
        "rahasia@pbx",
        "dispatch:rahasia@pbx",
    ],
)
def test_no_error_quotes_the_secret_nor_chains_urllibs_message(text: str) -> None:
    with pytest.raises(FeedUrlError) as caught:
        parse_feed_url(text)
    shown = "".join(traceback.format_exception(caught.value))
    assert "rahasia" not in shown
    assert caught.value.__cause__ is None


# The secret's letters are ones no message, path or example of the module uses, so that any four of
# them in a row in the output can only have come from the secret.
_SECRET_LETTERS = "ZQXJKVWzqxjkvw"
_SECRET_ALPHABET = _SECRET_LETTERS + "@:/?#%&=[]. -_+!$;,'\"\\\t\r\n\x00\x7f\u00e9"
_FORMS = [
    "ami://{user}:{secret}@pbx.local:5038?exten=112",
    "ami://{user}:{secret}@pbx.local",
    "ami://{user}:{secret}@pbx.local:50x8",
    "ami://{user}:{secret}@pbx.local:999999",
    "ami://{user}:{secret}@[pbx.local",
    "ami://{user}:{secret}@",
    "ami://{user}:{secret}",
    "ami://{user}:{secret}:5038",
    "ami://{secret}@pbx.local",
    "ami://{user}:{secret}@@pbx.local",
    "ami:/{user}:{secret}@pbx.local",
    "ami:{user}:{secret}@pbx.local",
    "ami//{user}:{secret}@pbx.local",
    " AMI://{user}:{secret}@pbx.local ",
    "ami://pbx.local:5038?user={user}&secret={secret}",
    "ami://{user}%0A:{secret}@pbx.local",
    "ncid://{user}:{secret}@pbx.local:3333",
    "ncid://{user}:{secret}",
    "whozz-udp://{user}:{secret}@0.0.0.0:3520",
    "serial:rfc2217://{user}:{secret}@pbx.local:2217?baud=9600",
    "serial:socket://{user}:{secret}@pbx.local:4000?protocol=modem",
    "sim://{user}:{secret}@?rate=2",
    "http://{user}:{secret}@pbx.local",
    "{user}:{secret}@pbx.local",
    "{secret}",  # pasted in the wrong field
    "{secret}:5038",
    "{secret}://pbx.local",
]


def _grams(text: str) -> set[str]:
    return {
        text[i : i + 4] for i in range(len(text) - 3) if any(c in _SECRET_LETTERS for c in text[i : i + 4])
    }


@given(
    secret=st.text(alphabet=_SECRET_ALPHABET, min_size=4, max_size=40),
    form=st.sampled_from(_FORMS),
    encoded=st.booleans(),
)
@example(secret="ZQX/JKVW", form=_FORMS[0], encoded=False)
@example(secret="ZQXJ:5038", form=_FORMS[6], encoded=False)
@example(secret="ZQ\nXJKV", form=_FORMS[0], encoded=False)
@example(secret="ZQXJ?KVWz", form=_FORMS[2], encoded=False)
def test_no_part_of_a_secret_is_ever_shown_whatever_the_url(secret: str, form: str, encoded: bool) -> None:
    # A value in a query is percent-encoded (raw, an "@" in it would start the host).
    typed = quote(secret, safe="") if encoded or "?" in form.partition("{secret}")[0] else secret
    # With no user typed, a ":" in the secret makes what is before it the user, shown as such.
    assume(not form.startswith("ami://{secret}") or ":" not in typed)
    # With no host typed, an "@" in a secret as typed makes what follows it the host.
    assume("@pbx" in form or "@0.0" in form or "@" not in typed)
    text = form.format(user="dispatch", secret=typed)
    forbidden = (_grams(secret) | _grams(typed)) - _grams(form.format(user="dispatch", secret=""))
    try:
        url = parse_feed_url(text)
    except FeedUrlError as error:
        shown = "".join(traceback.format_exception(error)) + repr(error)
    else:
        shown = repr(url) + str(url) + url.display
    leaked = sorted(gram for gram in forbidden if gram in shown)
    assert not leaked, (text, shown)
