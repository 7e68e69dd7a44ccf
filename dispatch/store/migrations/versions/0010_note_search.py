"""Full text over incident notes, and the indexes the supervisor's shift-log browser filters by.

Revision ID: 0010
Revises: 0009

1. **SQLite**: ``incident_notes_search``, an FTS5 table over ``incident_notes.text`` with external
   content (the text is stored once, in ``incident_notes``), tokenised ``unicode61
   remove_diacritics 2`` (case and accents folded: "Sèket" is found as "seket"). It holds the notes
   people wrote (narrative, protocol answers, copied notes), not the system's (``kind = 'system'``):
   those are codes the UI words ("call.answered +62..."), whose code words would match every
   incident. Filled from the existing notes here, then kept by an AFTER INSERT trigger: notes are
   never updated or deleted (migration 0006's triggers refuse it), so nothing else can change it.
2. **PostgreSQL**: a GIN expression index over ``to_tsvector('simple', ...)`` of the text with the
   same accents folded by ``translate`` (``simple``: Indonesian has no stemmer in PostgreSQL, and
   ``unaccent`` is an extension a server may lack), partial to the same notes. An expression index
   rather than a stored column: the ORM's tables stay the same on both databases.
3. B-tree indexes for the browser's filters on a year of calls: who answered and the class, each
   with the ring time (newest first); the audit rows of one entity (an incident's timeline); the
   incidents closed in a period (narratives missing, for the quality review).

``dispatch.store.tables`` holds the same names and expressions (``NOTE_SEARCH_TABLE``,
``NOTE_SEARCH_VECTOR``, ``NOTE_SEARCHABLE``); the queries are written against those, and a test
keeps the two equal. Written out here because a released migration never changes.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SEARCH_TABLE = "incident_notes_search"
SEARCHABLE = "kind <> 'system'"
#: Latin letters with accents (U+00C0-U+024F whose compatibility decomposition is one ASCII letter
#: and marks) and the letters they fold to; then the combining marks U+0300-U+036F, which
#: ``translate`` drops (no letter stands against them).
FOLD_FROM = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩ"
    "ĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡ"
    "ǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ"
    + "".join(chr(code) for code in range(0x300, 0x370))
)
FOLD_TO = (
    "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIi"
    "IiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzsOoUuAaIiOoUuUuUuUuUuAa"
    "AaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy"
)
VECTOR = f"to_tsvector('simple'::regconfig, translate(text, '{FOLD_FROM}', '{FOLD_TO}'))"

#: (name, table, columns) of the plain indexes, on both databases.
INDEXES = (
    ("ix_calls_answered_by_ring_at", "calls", ["answered_by", "ring_at"]),
    ("ix_calls_classification_ring_at", "calls", ["classification", "ring_at"]),
    ("ix_audit_log_entity_entity_id", "audit_log", ["entity", "entity_id"]),
    ("ix_incidents_closed_at", "incidents", ["closed_at"]),
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    if sqlite:
        op.execute(
            f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(text, content='incident_notes', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            f"INSERT INTO {SEARCH_TABLE} (rowid, text) SELECT id, text FROM incident_notes WHERE {SEARCHABLE}"
        )
        op.execute(
            f"CREATE TRIGGER {SEARCH_TABLE}_insert AFTER INSERT ON incident_notes WHEN NEW.{SEARCHABLE} "
            f"BEGIN INSERT INTO {SEARCH_TABLE} (rowid, text) VALUES (NEW.id, NEW.text); END"
        )
    else:
        op.execute(
            f"CREATE INDEX ix_{SEARCH_TABLE} ON incident_notes USING gin ({VECTOR}) WHERE {SEARCHABLE}"
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute(f"DROP TRIGGER {SEARCH_TABLE}_insert")
        op.execute(f"DROP TABLE {SEARCH_TABLE}")
    else:
        op.execute(f"DROP INDEX ix_{SEARCH_TABLE}")
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
