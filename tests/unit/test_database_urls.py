"""Database URLs naming several PostgreSQL servers (a primary and its standbys; docs/failover.md).

What matters is what reaches libpq: SQLAlchemy's psycopg dialect turns the URL into connection
parameters (``create_connect_args``) without connecting, so every form of URL is checked against
them, and what people see (the status bar, logs, refusal dialogs) never shows a password.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import make_url

from dispatch.store.database import (
    Database,
    DatabaseRefused,
    RefusalReason,
    display_url,
    normalise_url,
    open_database,
    server_list,
)

NAMES = st.from_regex(r"[a-z][a-z0-9-]{0,12}(\.[a-z]{2,6})?", fullmatch=True)
IPV4 = st.tuples(*[st.integers(0, 255)] * 4).map(lambda parts: ".".join(map(str, parts)))
HOSTS = st.lists(st.one_of(NAMES, IPV4), min_size=2, max_size=4)
PORTS = st.integers(1, 65535).map(str)
USERS = st.from_regex(r"[a-z_][a-z0-9_]{0,15}", fullmatch=True)
#: Capital Z first: the password cannot be mistaken for a part of the (lower-case) rest of the URL.
PASSWORDS = st.text(min_size=5, max_size=20).map(lambda text: "Z" + text)


def libpq_parameters(url: str) -> dict[str, object]:
    """What psycopg is given for ``url`` (after the console's normalisation)."""
    _, parameters = PGDialect_psycopg().create_connect_args(make_url(normalise_url(url)))
    parameters.pop("context", None)
    return dict(parameters)


@given(users=USERS, password=PASSWORDS, hosts=HOSTS, data=st.data())
def test_libpq_s_own_form_and_sqlalchemy_s_two_forms_reach_libpq_alike(
    users: str, password: str, hosts: list[str], data: st.DataObject
) -> None:
    ports = data.draw(st.lists(PORTS, min_size=len(hosts), max_size=len(hosts)))
    secret = quote(password, safe="")
    credentials = f"{users}:{secret}"
    pairs = [f"{host}:{port}" for host, port in zip(hosts, ports, strict=True)]
    libpq_form = f"postgresql+psycopg://{credentials}@{','.join(pairs)}/dispatch"
    repeated = (
        f"postgresql+psycopg://{credentials}@/dispatch?"
        + "&".join(f"host={pair}" for pair in pairs)
        + "&target_session_attrs=read-write"
    )
    commas = (
        f"postgresql+psycopg://{credentials}@/dispatch?host={','.join(hosts)}&port={','.join(ports)}"
        "&target_session_attrs=read-write"
    )
    expected = {
        "user": users,
        "password": password,
        "dbname": "dispatch",
        "host": ",".join(hosts),
        "port": ",".join(ports),
    }
    assert libpq_parameters(libpq_form) == expected
    assert libpq_parameters(repeated) == {**expected, "target_session_attrs": "read-write"}
    assert libpq_parameters(commas) == {**expected, "target_session_attrs": "read-write"}
    for url in (libpq_form, repeated, commas):
        assert server_list(url) == pairs
        shown = display_url(url)
        assert password not in shown
        assert secret not in shown
        assert f"{users}:***@" in shown
        assert normalise_url(normalise_url(url)) == normalise_url(url)


@given(hosts=HOSTS, port=PORTS)
def test_one_port_applies_to_every_host_as_in_libpq(hosts: list[str], port: str) -> None:
    url = f"postgresql+psycopg://dispatch:pw@/dispatch?host={','.join(hosts)}&port={port}"
    assert libpq_parameters(url)["port"] == ",".join([port] * len(hosts))
    assert server_list(url) == [f"{host}:{port}" for host in hosts]


@given(password=PASSWORDS)
def test_a_password_in_the_query_is_masked_too(password: str) -> None:
    secret = quote(password, safe="")
    url = f"postgresql+psycopg://dispatch@/dispatch?host=db1:5432&host=db2:5432&password={secret}"
    assert libpq_parameters(url)["password"] == password
    shown = display_url(url)
    assert password not in shown
    assert secret not in shown
    assert "password=***" in shown


def test_servers_without_ports_and_ipv6_addresses() -> None:
    url = "postgresql+psycopg://dispatch:pw@db1,[fd00::2]:5433/dispatch?target_session_attrs=read-write"
    assert libpq_parameters(url) == {
        "user": "dispatch",
        "password": "pw",
        "dbname": "dispatch",
        "host": "db1,fd00::2",
        "port": ",5433",
        "target_session_attrs": "read-write",
    }
    assert server_list(url) == ["db1", "[fd00::2]:5433"]


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////srv/112/dispatch,old.sqlite3",
        "postgresql+psycopg://dispatch:pw@dbhost:5432/dispatch",
        "postgresql+psycopg://dispatch:pw@dbhost/dispatch?options=-csearch_path%3Dx",
        "postgresql+psycopg://dispatch:pw@/dispatch?host=db1:5432&host=db2:5432",
    ],
)
def test_other_urls_are_left_as_they_are(url: str) -> None:
    assert normalise_url(url) == url


def test_one_server_is_shown_as_before() -> None:
    assert server_list("postgresql+psycopg://dispatch:pw@dbhost/dispatch") == ["dbhost"]
    assert server_list("postgresql+psycopg://dispatch:pw@dbhost:5433/dispatch") == ["dbhost:5433"]
    assert server_list("postgresql+psycopg:///dispatch") == []
    assert server_list("sqlite:////srv/112/dispatch.sqlite3") == []
    assert display_url("postgresql+psycopg://dispatch:pw@dbhost/dispatch") == (
        "postgresql+psycopg://dispatch:***@dbhost/dispatch"
    )


def test_the_status_bar_names_every_server() -> None:
    # A Database is only a value here: short_name reads its URL, nothing connects.
    def short(url: str) -> str:
        return Database(engine=None, sessions=None, url=url).short_name  # type: ignore[arg-type]

    assert (
        short("postgresql+psycopg://d:pw@/dispatch?host=db1:5432&host=db2:5432")
        == "db1:5432,db2:5432/dispatch"
    )
    assert short("postgresql+psycopg://d:pw@/dispatch?host=db1,db2") == "db1,db2/dispatch"
    assert short("postgresql+psycopg://d:pw@dbhost:5432/dispatch") == "dbhost/dispatch"


def test_hosts_and_ports_that_do_not_pair_up_are_refused_with_the_reason() -> None:
    url = "postgresql+psycopg://dispatch:pw@/dispatch?host=db1&host=db2&port=5432,5433"
    with pytest.raises(DatabaseRefused) as refused:
        open_database(url)
    assert refused.value.reason is RefusalReason.UNREACHABLE
    assert "multihost" in refused.value.detail
    assert "pw" not in refused.value.location
