"""A primary and a streaming standby on loopback, for the failover tests (docs/failover.md).

Both are made in one temporary folder with the server binaries under ``/usr/lib/postgresql/*/bin``,
as the ``postgres`` user (``runuser`` when the tests run as root), each on a free port:

- the primary: ``initdb``, started with room for WAL senders (``wal_level=replica`` is the default
  since PostgreSQL 10, given anyway), a replication role, the console's two roles (an owner and the
  consoles' role) and a database owned by the owner;
- the standby: ``pg_basebackup -R`` from the primary (``-R`` writes ``standby.signal`` and the
  ``primary_conninfo`` to follow it), started and streaming;
- data checksums on (``initdb -k``), so that a killed primary can be rewound to follow the promoted
  standby (``pg_rewind``, ``rejoin``);
- then the primary is made synchronous (``synchronous_standby_names = '*'`` by ``ALTER SYSTEM``,
  after the base backup so the standby does not inherit it): a commit returns only once the
  standby has the WAL, so a call the console was told is saved is on both servers when the primary
  dies. The standby keeps no synchronous setting: promoted, it must not wait for a standby it lacks.

``fsync=off`` keeps the test fast: a killed *process* loses nothing the kernel holds; only a
machine's power cut needs fsync, and the test kills processes.

Without server binaries the tests are skipped, unless ``DISPATCH_REQUIRE_POSTGRES=1``, where that
is a failure (as tests/feeds/pg_cluster.py).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from tests.feeds.pg_cluster import _free_port, server_binaries

DATABASE = "dispatch"
OWNER = "dispatch_owner"
CONSOLE = "dispatch"
PASSWORDS = {OWNER: "owner-secret", CONSOLE: "console-secret"}
REPLICATION = "replicator"
SETTINGS = """
wal_level = replica
max_wal_senders = 4
wal_keep_size = 64MB
max_connections = 60
fsync = off
"""


@dataclass(frozen=True)
class Node:
    name: str
    data: Path
    port: int

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"


class ReplicatedPair:
    """A primary streaming synchronously to one standby; ``url`` names both (primary first)."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="dispatch-failover-pg."))
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as_postgres = ["runuser", "-u", "postgres", "--"]
        ports = _two_ports()
        self.primary = Node("primary", self.folder / "primary", ports[0])
        self.standby = Node("standby", self.folder / "standby", ports[1])
        self._engines: list[Engine] = []
        try:
            self._make()
        except BaseException:
            self.close()
            raise

    def _make(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.primary.data),
            "-U",
            "postgres",
            "-A",
            "trust",  # initdb's pg_hba.conf lets 127.0.0.1 replicate too
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
            "--data-checksums",  # what pg_rewind needs (wal_log_hints would do, in postgresql.conf)
        )
        # In postgresql.conf, not on pg_ctl's command line: the base backup copies it to the standby,
        # and pg_rewind's own crash recovery reads it (a standby whose max_connections is below what
        # its primary last recorded refuses to start).
        with (self.primary.data / "postgresql.conf").open("a") as conf:
            conf.write(SETTINGS)
        self.start(self.primary)
        with self.admin(self.primary).connect() as connection:
            connection.execute(text(f"CREATE ROLE {REPLICATION} LOGIN REPLICATION"))
            for role, password in PASSWORDS.items():
                connection.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
            connection.execute(text(f"CREATE DATABASE {DATABASE} OWNER {OWNER}"))
            connection.execute(text(f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC"))
            connection.execute(text(f"GRANT CONNECT ON DATABASE {DATABASE} TO {CONSOLE}"))
        self._run(
            "pg_basebackup",
            "-D",
            str(self.standby.data),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.primary.port),
            "-U",
            REPLICATION,
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "--no-sync",
        )
        self.start(self.standby)
        self.make_synchronous(self.primary)

    def make_synchronous(self, primary: Node) -> None:
        """``primary`` waits at each commit for its standby (which must be streaming from it)."""
        with self.admin(primary).connect() as connection:
            connection.execute(text("ALTER SYSTEM SET synchronous_standby_names = '*'"))
            connection.execute(text("SELECT pg_reload_conf()"))
        self.wait_for(primary, "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")

    def rejoin(self, old: Node, new: Node) -> None:
        """The old primary, killed, follows the promoted one (docs/failover.md, "Bringing the old
        primary back"): ``pg_rewind`` takes back what it wrote that the standby never had (it needs
        data checksums or ``wal_log_hints``) and, with ``-R``, makes it a standby of ``new``."""
        # A server promoted moments ago records its new timeline at its next checkpoint: without
        # one pg_rewind sees no fork, rewinds nothing, and the old primary cannot follow.
        with self.admin(new).connect() as connection:
            connection.execute(text("CHECKPOINT"))
        self._run(
            "pg_rewind",
            "-D",
            str(old.data),
            "--source-server",
            f"host=127.0.0.1 port={new.port} user=postgres dbname=postgres",
            "-R",
            "--no-sync",
        )
        self.start(old)
        self.make_synchronous(new)

    def _run(self, program: str, *arguments: str) -> None:
        done = subprocess.run(
            [*self._as_postgres, str(self.binaries / program), *arguments],
            cwd="/",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{program} failed ({done.returncode}): {done.stderr.decode(errors='replace')}"
            )

    def start(self, node: Node) -> None:
        options = f"-p {node.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(
            "pg_ctl",
            "-D",
            str(node.data),
            "-l",
            str(self.folder / f"{node.name}.log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )

    def kill(self, node: Node) -> None:
        """The server stops at once, as in a crash: no checkpoint, every connection cut."""
        self._run("pg_ctl", "-D", str(node.data), "-m", "immediate", "-w", "stop")

    def promote(self, node: Node) -> None:
        """The standby ends recovery and accepts writes (``-w``: returns once it does)."""
        self._run("pg_ctl", "-D", str(node.data), "-w", "-t", "60", "promote")

    def admin(self, node: Node) -> Engine:
        engine = create_engine(
            f"postgresql+psycopg://postgres@{node.address}/postgres", isolation_level="AUTOCOMMIT"
        )
        self._engines.append(engine)
        return engine

    def wait_for(self, node: Node, count_query: str, timeout: float = 30.0) -> None:
        """Until ``count_query`` (one number) on ``node`` is above zero."""
        engine = self.admin(node)
        deadline = time.monotonic() + timeout
        while True:
            with engine.connect() as connection:
                if int(connection.execute(text(count_query)).scalar_one()) > 0:
                    return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{node.name}: {count_query} stayed 0 for {timeout} s")
            time.sleep(0.02)

    def url(self, role: str, *, hosts: tuple[Node, ...] | None = None, **query: str) -> str:
        """A multi-host URL for ``role`` naming ``hosts`` (primary then standby), writing to whichever
        accepts writes."""
        named = hosts or (self.primary, self.standby)
        parts = [f"host={node.address}" for node in named]
        parts += [f"{key}={value}" for key, value in {"target_session_attrs": "read-write", **query}.items()]
        return f"postgresql+psycopg://{role}:{PASSWORDS[role]}@/{DATABASE}?{'&'.join(parts)}"

    def running(self, node: Node) -> bool:
        return (node.data / "postmaster.pid").exists()

    def close(self) -> None:
        for engine in self._engines:
            engine.dispose()
        for node in (self.standby, self.primary):
            if self.running(node):
                with contextlib.suppress(RuntimeError):  # already stopped: the folder goes anyway
                    self.kill(node)
        shutil.rmtree(self.folder, ignore_errors=True)


def _two_ports() -> tuple[int, int]:
    first = _free_port()
    second = _free_port()
    while second == first:
        second = _free_port()
    return first, second


@pytest.fixture(scope="module")
def replicated_pair() -> Iterator[ReplicatedPair]:
    binaries = server_binaries()
    require = os.environ.get("DISPATCH_REQUIRE_POSTGRES") == "1"
    if binaries is None or not (binaries / "pg_basebackup").exists():
        if require:
            pytest.fail(
                "DISPATCH_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries under /usr/lib/postgresql"
            )
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
    if os.geteuid() != 0 and pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        if require:
            pytest.fail("the failover tests start their own PostgreSQL servers: run them as root or postgres")
        pytest.skip(
            "the failover tests start their own PostgreSQL servers: they need root (runuser) or postgres"
        )
    pair = ReplicatedPair(binaries)
    yield pair
    pair.close()
