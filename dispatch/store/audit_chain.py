"""The audit log as a hash chain: canonical form, hashing, chaining new rows, verification.

Every ``audit_log`` row carries its place in the chain (``seq``: 1, 2, 3, ... in commit order) and
``hash``, the SHA-256 of the previous row's hash and the row's own canonical content::

    hash(n) = sha256( hash(n-1) as 64 lowercase hex characters, "\\n", canonical(n) ).hexdigest()
    hash(0) = "0" * 64                       (the chain's start)

``canonical(n)`` is the UTF-8 encoding of a JSON array, written as Python's
``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` writes it::

    ["dispatch-audit/1", seq, at, user_id, user_name, console_id, console_name,
     action, entity, entity_id, detail]

with ``at`` in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` and ``null`` for a missing value. The row's
``id`` is not covered: on PostgreSQL it comes from a sequence, whose order is not the commit order;
``seq`` is. The one-row table ``audit_chain_head`` holds the last ``seq`` and ``hash``, so that a log
cut short at its end no longer matches its head, and the chain order is the order in which the
writers commit:

* SQLite: write transactions are serialised already; :func:`chain_new_entries`, a ``before_flush``
  hook on every session that ``dispatch.store.database`` makes (whoever adds the row), reads the head
  and gives the new rows their ``seq`` and ``hash``; the database refuses a row that does not extend
  the chain and moves the head as rows are inserted (triggers, migration 0006).
* PostgreSQL: the database chains every row itself in a ``BEFORE INSERT`` trigger running as the
  owner (``audit_log_extend_chain``, migration 0006): it locks the head (``SELECT ... FOR UPDATE``,
  held until commit), computes the same form, and moves the head; no round trip is added, and the
  console's role can neither move the head nor choose a link's hash.

The form above is version 1 and must never change: a different form needs a new tag and a migration.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker
from sqlalchemy.orm.attributes import instance_state

from dispatch.store.types import UTCDateTime

FORM = "dispatch-audit/1"
GENESIS = "0" * 64

#: The columns a link covers, in their canonical order (after the form tag and ``seq``).
CONTENT_COLUMNS = (
    "at",
    "user_id",
    "user_name",
    "console_id",
    "console_name",
    "action",
    "entity",
    "entity_id",
    "detail",
)

# Plain table descriptions (the ORM classes live in tables.py; the migration uses these too, so that
# existing rows are read back exactly as the console reads them).
audit_log = sa.table(
    "audit_log",
    sa.column("id", sa.Integer),
    sa.column("seq", sa.Integer),
    sa.column("hash", sa.String),
    sa.column("at", UTCDateTime),
    sa.column("user_id", sa.Integer),
    sa.column("user_name", sa.String),
    sa.column("console_id", sa.Integer),
    sa.column("console_name", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("detail", sa.Text),
)
chain_head = sa.table(
    "audit_chain_head",
    sa.column("id", sa.Integer),
    sa.column("seq", sa.Integer),
    sa.column("hash", sa.String),
)


# Built once: statement construction costs more than the query on SQLite.
_READ_HEAD = sa.text("SELECT seq, hash FROM audit_chain_head WHERE id = 1")


def format_at(at: datetime) -> str:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("naive datetime in an audit row")
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(seq: int, content: dict[str, Any]) -> bytes:
    """The bytes a link covers besides the previous hash (see the module's documentation)."""
    values: list[Any] = [FORM, seq]
    for column in CONTENT_COLUMNS:
        value = content[column]
        values.append(format_at(value) if column == "at" else value)
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def link_hash(previous: str, seq: int, content: dict[str, Any]) -> str:
    digest = hashlib.sha256(previous.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical(seq, content))
    return digest.hexdigest()


# --- chaining new rows ------------------------------------------------------------------------------


#: ``session.info`` key: the head as this session's transaction left it (locked, on PostgreSQL).
_HEAD = "dispatch.audit_chain.head"


def install(sessions: sessionmaker[Session]) -> None:
    """Chain the audit rows of every session made by ``sessions``."""
    event.listen(sessions, "before_flush", chain_new_entries)
    event.listen(sessions, "after_transaction_end", _forget_head)


def _forget_head(session: Session, transaction: SessionTransaction) -> None:
    # A transaction or savepoint ending (committed or rolled back) may have moved the head back; a
    # flush's own inner transaction ending does not.
    if transaction.nested or transaction.parent is None:
        session.info.pop(_HEAD, None)


def chain_new_entries(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Give the audit rows about to be inserted their place in the chain and their hash."""
    from dispatch.store.tables import AuditEntry

    entries = [obj for obj in session.new if isinstance(obj, AuditEntry)]
    if not entries:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL chains the rows itself, under the head's lock (migration 0006)
    # The order in which they were added is the order in which the flush inserts them.
    entries.sort(key=lambda entry: instance_state(entry).insert_order or 0)
    known = session.info.get(_HEAD)
    if known is not None and known[0] is connection:
        # A later flush of the same transaction: the head is where this transaction left it.
        seq, previous = known[1], known[2]
    else:
        # The write transaction is the only writer (BEGIN IMMEDIATE, or a deferred one that could
        # not take the write lock with a stale snapshot); the insert's trigger moves the head.
        seq, previous = connection.execute(_READ_HEAD).one()
    for entry in entries:
        seq += 1
        entry.seq = seq
        entry.hash = previous = link_hash(previous, seq, {c: getattr(entry, c) for c in CONTENT_COLUMNS})
    session.info[_HEAD] = (connection, seq, previous)


def chain_existing_rows(connection: Connection) -> tuple[int, str]:
    """Chain rows written before the chain existed, in id order (used once, by migration 0006).

    Returns the head: the last ``seq`` and ``hash``.
    """
    columns = [audit_log.c.id, *(audit_log.c[name] for name in CONTENT_COLUMNS)]
    rows = connection.execute(sa.select(*columns).order_by(audit_log.c.id)).all()
    seq, previous = 0, GENESIS
    updates = []
    for row in rows:
        seq += 1
        previous = link_hash(previous, seq, row._asdict())
        updates.append({"row_id": row.id, "new_seq": seq, "new_hash": previous})
    if updates:
        connection.execute(
            sa.update(audit_log)
            .where(audit_log.c.id == sa.bindparam("row_id"))
            .values(seq=sa.bindparam("new_seq"), hash=sa.bindparam("new_hash")),
            updates,
        )
    return seq, previous


# --- verification -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenLink:
    """The first place where the log and its chain disagree."""

    seq: int | None
    audit_id: int | None
    reason: str

    def describe(self) -> str:
        where = "chain head" if self.seq is None and self.audit_id is None else ""
        if self.seq is not None:
            where = f"seq {self.seq}"
        if self.audit_id is not None:
            where += f"{' ' if where else ''}(audit_log id {self.audit_id})"
        return f"first broken link at {where}: {self.reason}"


@dataclass(frozen=True)
class ChainReport:
    rows: int
    head_seq: int
    head_hash: str
    broken: BrokenLink | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify(connection: Connection, anchors: Mapping[int, str] | None = None) -> ChainReport:
    """Walk the whole chain in ``seq`` order and report the first broken link, if any.

    ``anchors`` maps a ``seq`` to the hash written down for it earlier (outside the database): a
    chain rewritten since, every hash recomputed, no longer passes through it.
    """
    anchors = dict(anchors or {})
    head = connection.execute(
        sa.select(chain_head.c.seq, chain_head.c.hash).where(chain_head.c.id == 1)
    ).first()
    unchained = connection.execute(
        sa.select(audit_log.c.id)
        .where(sa.or_(audit_log.c.seq.is_(None), audit_log.c.hash.is_(None)))
        .order_by(audit_log.c.id)
        .limit(1)
    ).first()
    if unchained is not None:
        broken: BrokenLink | None = BrokenLink(
            None, unchained.id, "a row without a place in the chain (inserted, not chained)"
        )
        rows, last_seq, previous = 0, 0, GENESIS
    else:
        result = _rows_in_chain_order(connection)
        try:
            rows, last_seq, previous, broken = _walk(result, anchors)
        finally:
            result.close()
    if broken is None and anchors and max(anchors) > last_seq:
        seq = min(s for s in anchors if s > last_seq)
        broken = BrokenLink(seq, None, f"the chain ends at seq {last_seq}, before the anchor's seq {seq}")
    if broken is None:
        if head is None:
            broken = BrokenLink(None, None, "the chain head row is missing")
        elif (int(head.seq), str(head.hash)) != (last_seq, previous):
            broken = BrokenLink(
                None,
                None,
                f"the chain head names seq {head.seq} (hash {str(head.hash)[:16]}...) but the log's last "
                f"link is seq {last_seq} (hash {previous[:16]}...): rows at the end were removed, or the "
                "head was changed",
            )
    return ChainReport(
        rows=rows,
        head_seq=last_seq if head is None else int(head.seq),
        head_hash=previous if head is None else str(head.hash),
        broken=broken,
    )


def _walk(
    result: Iterable[sa.Row[Any]], anchors: Mapping[int, str]
) -> tuple[int, int, str, BrokenLink | None]:
    """(rows read, last good seq, its hash, the first broken link or None)."""
    rows, last_seq, previous = 0, 0, GENESIS
    iterator = iter(result)
    while True:
        try:
            row = next(iterator, None)
        except (ValueError, TypeError) as error:  # a value the column's type cannot read back
            return rows, last_seq, previous, BrokenLink(last_seq + 1, None, f"a row cannot be read: {error}")
        if row is None:
            return rows, last_seq, previous, None
        rows += 1
        if row.seq != last_seq + 1:
            reason = (
                f"rows {last_seq + 1}..{row.seq - 1} are missing (deleted)"
                if row.seq > last_seq + 1
                else f"seq {row.seq} appears twice (a row was inserted)"
            )
            return rows, last_seq, previous, BrokenLink(row.seq, row.id, reason)
        content = {name: row._mapping[name] for name in CONTENT_COLUMNS}
        if link_hash(previous, row.seq, content) != row.hash:
            reason = (
                "the row's hash does not match its content and the previous hash "
                "(this row or the one before it was altered, inserted or removed)"
            )
            return rows, last_seq, previous, BrokenLink(row.seq, row.id, reason)
        anchored = anchors.get(row.seq)
        if anchored is not None and anchored.lower() != row.hash:
            reason = (
                f"the link's hash is not the anchor's {anchored} "
                "(the chain was rewritten from here or before)"
            )
            return rows, last_seq, previous, BrokenLink(row.seq, row.id, reason)
        last_seq, previous = row.seq, row.hash


def _rows_in_chain_order(connection: Connection) -> sa.CursorResult[Any]:
    """Streamed (a server-side cursor on PostgreSQL); the caller closes it."""
    columns = [audit_log.c.id, audit_log.c.seq, audit_log.c.hash, *(audit_log.c[n] for n in CONTENT_COLUMNS)]
    query = sa.select(*columns).order_by(audit_log.c.seq, audit_log.c.id)
    return connection.execution_options(yield_per=2000).execute(query)
