"""A throwaway PostgreSQL cluster the feed tests may stop and start (as .ci/run starts one).

Started with ``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` as the ``postgres`` user
(with ``runuser`` when the tests run as root), on a free port, in a directory of its own that is
removed afterwards. Without server binaries the tests are skipped, unless
``DISPATCH_REQUIRE_POSTGRES=1``, where that is a failure.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from dispatch.domain.clock import SystemClock
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database, open_database


def server_binaries() -> Path | None:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: _version(p.parent.parent.name)
    )
    return found[-1].parent if found else None


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="dispatch-feeds-pg."))
        self.port = _free_port()
        self.current = ""
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as_postgres = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        self.start()
        self.admin: Engine = create_engine(
            f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres", isolation_level="AUTOCOMMIT"
        )
        with self.admin.connect() as connection:
            connection.execute(text("CREATE ROLE dispatch LOGIN PASSWORD 'dispatch'"))

    def _run(self, program: str, *arguments: str) -> None:
        subprocess.run(
            [*self._as_postgres, str(self.binaries / program), *arguments],
            check=True,
            cwd="/",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    @property
    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def ensure_running(self) -> None:
        if not self.running:
            self.start()

    def new_database(self) -> str:
        self.current = f"feeds_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.current}" OWNER dispatch'))
        return f"postgresql+psycopg://dispatch:dispatch@127.0.0.1:{self.port}/{self.current}"

    def close(self) -> None:
        self.admin.dispose()
        if self.running:
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def console_context(url: str) -> tuple[ServiceContext, Database]:
    """A console registered on ``url`` (migrated), on the system clock, acting as the system."""
    database = open_database(url)
    ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-PG", "test-host")
    return ctx, database


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    binaries = server_binaries()
    if binaries is None:
        if os.environ.get("DISPATCH_REQUIRE_POSTGRES") == "1":
            pytest.fail(
                "DISPATCH_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries under /usr/lib/postgresql"
            )
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
    if os.geteuid() != 0 and pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        if os.environ.get("DISPATCH_REQUIRE_POSTGRES") == "1":
            pytest.fail("these tests start their own PostgreSQL server: run them as root or postgres")
        pytest.skip(
            "these tests start their own PostgreSQL server: they need root (runuser) or the postgres user"
        )
    started = Cluster(binaries)
    yield started
    started.close()
