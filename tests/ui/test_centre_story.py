"""A centre's story across processes: two consoles and a gateway on one PostgreSQL schema.

Each console is its own process with its own QApplication (``bench/centre_console.py``: the real
``MainWindow`` offscreen, logged in through the services, ``session.centre`` set); the gateway is
``dispatch-console gateway --db URL --feed URL``, reading a real NCID server this test serves on
127.0.0.1. A call the NCID server announces is stored by the gateway and rings on both consoles'
call queues (heard through each window's change feed); the first console answers it with F2 (a key
press, as a person's); the second sees it taken (its board shows it answered, under the first
console's incident) and its F2 then finds no call to answer. Then a second call, and F2 pressed at both
consoles at the same moment: one answers it, the other is told (the call is no longer ringing, or no
call rings). The rows and the audit log say who did what, and the audit chain written by three
processes at once is intact.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from bench.bench_feeds import ncid_line
from bench.centre_console import ConsoleProcess, GatewayProcess, NcidPeer, prepare_centre
from dispatch.services.bus import decode_changes
from dispatch.store.audit_chain import verify
from tests.store.postgres import Schema, migrated_schema, server

pytestmark = pytest.mark.postgres

NUMBER = "085712345678"
CALLER = "SITI RAHAYU"
OTHER_NUMBER = "0243512789"


@pytest.fixture
def schema() -> Iterator[Schema]:
    with migrated_schema(server()) as made:
        yield made


def poll(
    read: Callable[[], dict[str, Any]], done: Callable[[dict[str, Any]], bool], seconds: float
) -> dict[str, Any]:
    """``read()`` again every 0.2 s until ``done`` accepts what it read (the last read on a timeout)."""
    deadline = time.monotonic() + seconds
    found = read()
    while not done(found) and time.monotonic() < deadline:
        time.sleep(0.2)
        found = read()
    assert done(found), found
    return found


def rows(url: str, sql: str, **params: Any) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql), params))
    finally:
        engine.dispose()


def test_a_call_from_the_gateway_rings_on_both_consoles_and_one_takes_it(
    schema: Schema, tmp_path: Path
) -> None:
    began = time.monotonic()
    operators = prepare_centre(schema.console_url, 2)
    peer = NcidPeer()
    gateway = GatewayProcess(
        schema.console_url,
        [peer.url],
        name="GATEWAY-1",
        log=tmp_path / "gateway.log",
        spool=tmp_path / "spool",
    )
    first = ConsoleProcess(
        schema.console_url, "KONSOL-01", operators[0], log=tmp_path / "konsol-01.log", stream=True
    )
    second = ConsoleProcess(
        schema.console_url, "KONSOL-02", operators[1], log=tmp_path / "konsol-02.log", stream=True
    )
    consoles = (first, second)
    try:
        assert peer.wait_connected(30), f"the gateway never read the NCID server:\n{gateway.output()}"
        for console in consoles:
            ready = console.wait_ready(60)
            assert ready["centre"] is True, ready
            # The window itself hears the other processes (its database link), not this harness.
            assert ready["link"] == "window", ready
            assert ready["calls_on_board"] == 0, ready

        # Each status line shows the gateway's feed, from its heartbeat.
        feed = f"127.0.0.1:{peer.port}"
        for console in consoles:
            status = poll(lambda c=console: c.request("status"), lambda s: f"{feed}: up" in s["feeds"], 20)
            assert status["feeds"].startswith("Gateway feeds:"), status
            assert "GATEWAY-1" in status["feeds_tip"], status

        sent = peer.send([ncid_line(NUMBER, CALLER, (12, 3, 10, 32), "POTS")])

        # It rings on both.
        shown = [
            console.wait_for(
                lambda e: e.get("event") == "shown" and e.get("number") == NUMBER, 15, "the call"
            )
            for console in consoles
        ]
        call_id = shown[0]["call"]
        assert shown[1]["call"] == call_id
        assert [s["state"] for s in shown] == ["ringing", "ringing"]
        for s in shown:
            assert 0 <= s["wall"] - sent[0][0] < 5, (s, sent)

        # The first console answers it by F2.
        answered = first.request("answer")
        assert answered["on_line"] == call_id, answered
        incident = answered["incident"]
        assert incident, answered
        assert answered["message"].startswith("Answered"), answered
        assert incident in answered["message"]

        # The second sees it taken: answered, under the first console's incident.
        taken = second.wait_for(
            lambda e: e.get("event") == "state" and e.get("call") == call_id and e.get("state") == "answered",
            15,
            "the call shown answered",
        )
        assert taken["incident"] == incident, taken
        board = second.request("board")["calls"]
        assert board == [{"id": call_id, "number": NUMBER, "state": "answered", "incident": incident}]
        # F2 there offers nothing: no call rings, nothing is answered, no incident opens.
        refused = second.request("answer")
        assert refused["on_line"] is None, refused
        assert refused["incident"] is None, refused
        assert refused["message"] == "No call is ringing.", refused
        assert not [e for c in consoles for e in c.events if e.get("event") == "fault"]
        # The first console still has the call on its line (its board follows its own answer a
        # moment later: notices are gathered before a board redraws).
        poll(lambda: first.request("board"), lambda b: b["calls"][0]["state"] == "answered", 10)

        # A second call, and both press F2 at the same moment: one answers it, the other is told.
        peer.send([ncid_line(OTHER_NUMBER, "NO NAME", (12, 3, 10, 33), "POTS")])
        second_call = [
            console.wait_for(
                lambda e: e.get("event") == "shown" and e.get("number") == OTHER_NUMBER, 15, "the 2nd call"
            )["call"]
            for console in consoles
        ]
        other_call = second_call[0]
        presses = [(console, console.send("answer")) for console in consoles]
        replies = {console.name: console.reply(ident) for console, ident in presses}
        winners = [name for name, reply in replies.items() if reply["on_line"] == other_call]
        assert len(winners) == 1, replies
        (loser,) = [reply for name, reply in replies.items() if name not in winners]
        assert loser["message"] in ("This call is no longer ringing.", "No call is ringing."), loser
        raced_winner = next(c for c in consoles if c.name == winners[0])
    finally:
        codes = {console.name: console.close() for console in consoles}
        gateway_code = gateway.stop()
        peer.close()
    assert codes == {"KONSOL-01": 0, "KONSOL-02": 0}, [c.stderr_tail() for c in consoles]
    assert gateway_code == 0, gateway.output()

    # The rows: the gateway's call, answered at the first console by its user, one incident.
    url = schema.owner_url
    call, other = rows(url, "SELECT * FROM calls ORDER BY id")
    assert call.id == call_id
    assert other.id == other_call
    assert other.state == "answered"
    assert other.console_id == raced_winner.ready["console_id"]
    assert call.number_raw == NUMBER
    assert call.caller_name == CALLER
    assert call.state == "answered"
    assert call.console_id == first.ready["console_id"]
    assert call.answered_by == first.ready["user_id"]
    made, _raced = rows(url, "SELECT * FROM incidents ORDER BY id")
    assert made.number == incident
    assert made.id == call.incident_id
    assert made.console_id == first.ready["console_id"]
    assert made.created_by == first.ready["user_id"]
    frames = rows(url, "SELECT * FROM feed_frames ORDER BY id")
    assert [f.call_id for f in frames] == [call_id, other_call]
    assert frames[0].feed == call.feed

    # The audit log: the gateway began and ended, the call rang once and was answered once, at the
    # first console; the second console answered nothing.
    audit = rows(url, "SELECT * FROM audit_log ORDER BY seq")
    consoles_by_id = {r.id: r.name for r in rows(url, "SELECT id, name FROM consoles")}
    answers = [a for a in audit if a.action == "call.answer"]
    assert [(a.entity_id, consoles_by_id[a.console_id], a.user_id) for a in answers] == [
        (str(call_id), "KONSOL-01", first.ready["user_id"]),
        (str(other_call), raced_winner.name, raced_winner.ready["user_id"]),
    ]
    for action in ("gateway.start", "gateway.stop"):
        found = [a for a in audit if a.action == action]
        assert len(found) == 1, (action, found)
    gateway_console = next(a.console_id for a in audit if a.action == "gateway.start")
    assert gateway_console not in (first.ready["console_id"], second.ready["console_id"])
    about_call = [a for a in audit if a.entity == "call" and a.entity_id == str(call_id)]
    rang = [a for a in about_call if a.action != "call.answer"]
    assert rang, about_call
    assert {a.console_id for a in rang} == {gateway_console}, rang
    assert {a.action for a in rang} <= {"call.incoming", "call.ring"}, rang
    if raced_winner is first:
        second_acts = {a.action for a in audit if a.console_id == second.ready["console_id"]}
        assert not second_acts & {"call.answer", "incident.open", "call.hang_up"}, second_acts
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            chain = verify(connection)
    finally:
        engine.dispose()
    assert chain.intact, chain.broken
    assert chain.rows == len(audit)

    # The change feed: the gateway's event named the call first, then the first console's answer.
    events = rows(url, "SELECT seq, console_id, changes FROM change_events ORDER BY seq")
    naming = [
        e.console_id
        for e in events
        if any(c.topic.value == "calls" and call_id in c.ids for c in decode_changes(e.changes))
    ]
    assert naming[0] == gateway_console, events
    assert first.ready["console_id"] in naming, events
    if raced_winner is first:
        assert second.ready["console_id"] not in naming, events
    assert [e.seq for e in events] == list(range(events[0].seq, events[0].seq + len(events)))
    assert time.monotonic() - began < 60, "the story should take seconds, not a minute"


def test_a_console_refused_at_log_in_says_so(tmp_path: Path) -> None:
    """The harness's console hears a refused log-in and says so at once, instead of hanging."""
    with migrated_schema(server()) as made:
        prepare_centre(made.console_url, 1)
        console = ConsoleProcess(made.console_url, "KONSOL-09", "nobody", log=tmp_path / "c.log")
        try:
            error = console.wait_for(lambda e: e.get("event") == "error", 60, "the refusal")
        finally:
            console.close()
    assert "nobody not logged in" in error["detail"]
