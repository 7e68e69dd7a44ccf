"""The ORM tables. Alembic migrations own the schema; these mappings must match them.

Current state lives in a few columns (a unit's status, a call's state) for fast boards, but history
is never overwritten: unit statuses are rows in ``unit_status_history``, milestones are columns of
``assignments`` written once, and every change has its ``audit_log`` row.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from dispatch.store.types import UTCDateTime

#: An incident that is neither closed nor cancelled, as one SQL term: a query holding this exact term
#: may use the partial index over open incidents (SQLite matches the term, not its meaning).
OPEN_INCIDENT = text("status NOT IN ('closed', 'cancelled')")

#: Full text over incident notes (migration 0010, which writes these out exactly). SQLite: an FTS5
#: table with external content (``incident_notes``), kept by an insert trigger; it and SQLite's
#: shadow tables (``NOTE_SEARCH_TABLE`` + ``_data``, ``_idx``, ...) are the migration's alone, as the
#: ORM cannot declare a virtual table. PostgreSQL: a GIN index over ``NOTE_SEARCH_VECTOR``, which a
#: query must write exactly so to use it. Both hold only the notes ``NOTE_SEARCHABLE`` (people's
#: words; system notes are codes).
NOTE_SEARCH_TABLE = "incident_notes_search"
NOTE_SEARCHABLE = "kind <> 'system'"
#: Accented Latin letters folded to their base letter, combining marks dropped (``translate``).
NOTE_FOLD_FROM = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩ"
    "ĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡ"
    "ǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ"
    + "".join(chr(code) for code in range(0x300, 0x370))
)
NOTE_FOLD_TO = (
    "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIi"
    "IiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzsOoUuAaIiOoUuUuUuUuUuAa"
    "AaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy"
)
NOTE_SEARCH_VECTOR = (
    f"to_tsvector('simple'::regconfig, translate(text, '{NOTE_FOLD_FROM}', '{NOTE_FOLD_TO}'))"
)


def migration_only_table(name: str) -> bool:
    """Whether a table is made by a migration outside the ORM (SQLite's full-text tables)."""
    return name == NOTE_SEARCH_TABLE or name.startswith(NOTE_SEARCH_TABLE + "_")


class Base(DeclarativeBase):
    pass


class DatabaseIdentity(Base):
    """The one row that makes a database the console's, and says whether it is live or training.

    Written once by migration 0005 (when the database is created, or when a 0001-0004 database is
    upgraded) and never changed: triggers refuse UPDATE and DELETE. On SQLite the file header's
    ``application_id`` carries the same mark (``dispatch.store.database.APPLICATION_ID``).
    """

    __tablename__ = "database_identity"
    __table_args__ = (
        CheckConstraint("id = 1", name="ck_database_identity_one_row"),
        CheckConstraint("kind IN ('live', 'training')", name="ck_database_identity_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    #: ``dispatch-console/112``: another program's table of the same name does not carry it.
    mark: Mapped[str] = mapped_column(String(64))
    #: ``live`` or ``training`` (``dispatch.store.database.DatabaseKind``).
    kind: Mapped[str] = mapped_column(String(16))
    #: How the kind was decided: ``created``, or ``upgrade:<evidence>`` for a 0001-0004 database.
    kind_reason: Mapped[str] = mapped_column(String(64))
    #: When the row was written (the database's creation, or the upgrade that marked it).
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    console_version: Mapped[str] = mapped_column(String(32))


class Console(Base):
    __tablename__ = "consoles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    hostname: Mapped[str] = mapped_column(String(255))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DutyShift(Base):
    """One shift of the centre's pattern, opened and closed by a supervisor (migration 0009).

    ``code`` and ``day`` name the period (``dispatch.domain.shifts.ShiftPeriod``: the night shift of
    2 December runs into 3 December); ``planned_*`` are the pattern's times, ``opened_at`` and
    ``closed_at`` what happened. At most one shift is open at a time (a unique index over
    ``closed_at IS NULL``, made by the migration: an expression index the ORM does not declare).
    """

    __tablename__ = "duty_shifts"
    __table_args__ = (UniqueConstraint("day", "code", name="uq_duty_shifts_day_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``dispatch.domain.shifts.ShiftCode`` value.
    code: Mapped[str] = mapped_column(String(16))
    #: The centre's local date the shift starts on.
    day: Mapped[date] = mapped_column(Date)
    planned_start: Mapped[datetime] = mapped_column(UTCDateTime)
    planned_end: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    #: The outgoing lead's free-text instructions and the planned events, typed during the shift
    #: (audited); frozen into the handover report when it is signed.
    pass_down: Mapped[str] = mapped_column(Text, default="")
    planned_events: Mapped[str] = mapped_column(Text, default="")


class Attendance(Base):
    """A person's time at a console, from logging in to logging out or handing the console over.

    The table was ``shifts`` until migration 0009, which renamed it and added the duty shift open
    when the person logged in and the position (call-taker, dispatcher, supervisor) they took.
    """

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    console_id: Mapped[int] = mapped_column(ForeignKey("consoles.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    duty_shift_id: Mapped[int | None] = mapped_column(ForeignKey("duty_shifts.id"), index=True)
    #: ``ui.positions.Position`` name at log-in; "" where none was given (the command line).
    position: Mapped[str] = mapped_column(String(16), default="")


class HandoverReport(Base):
    """A duty shift's handover report as signed: immutable (migration 0009's triggers).

    ``content`` is the report's data as canonical JSON (``dispatch.reports.handover``), assembled
    from the database at signing and never typed twice; ``content_sha256`` its hash. The incoming
    lead's acknowledgement is written once and must be another person's. Corrections are addenda.
    """

    __tablename__ = "handover_reports"
    __table_args__ = (
        CheckConstraint(
            "acknowledged_by IS NULL OR acknowledged_by <> signed_by",
            name="ck_handover_reports_two_people",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    duty_shift_id: Mapped[int] = mapped_column(ForeignKey("duty_shifts.id"), unique=True)
    content: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    signed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    signed_console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))


class HandoverAddendum(Base):
    """A correction or addition to a signed handover report; append-only."""

    __tablename__ = "handover_addenda"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("handover_reports.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    text: Mapped[str] = mapped_column(Text)


class CallReview(Base):
    """A call drawn for quality review (APCO/NENA ANS 1.107.1) and, once reviewed, its score.

    The draw is a fact (who drew it, when, for which period); the review is written once.
    """

    __tablename__ = "call_reviews"
    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="ck_call_reviews_score"),
        Index("ix_call_reviews_sample", "sample"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), unique=True)
    #: The period the call was drawn for ("shift:12", "2026-12-01/2026-12-08").
    sample: Mapped[str] = mapped_column(String(64))
    sampled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sampled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: 0-100; None until reviewed.
    score: Mapped[int | None] = mapped_column(Integer)
    #: The review form's answers as JSON (``dispatch.domain.review``).
    answers: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)


class TrainingSession(Base):
    """One run of a training scenario (issue 12): who ran it, on which scenario file, with which seed.

    Only a training database holds these (``services.training`` refuses a live one). ``scenario_sha256``
    names the exact file run, so a debrief says which version of a scenario a score came from.
    """

    __tablename__ = "training_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)
    scenario_sha256: Mapped[str] = mapped_column(String(64))
    seed: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))


class TrainingTrainee(Base):
    """A trainee chosen for a session: their answered calls are scored for them."""

    __tablename__ = "training_trainees"

    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)


class TrainingCall(Base):
    """A call a session rang: which scripted call (or surge caller) of the scenario it was."""

    __tablename__ = "training_calls"
    __table_args__ = (
        UniqueConstraint("session_id", "call_key", name="uq_training_calls_key"),
        UniqueConstraint("call_id", name="uq_training_calls_call_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    #: ``ScriptedCall.key``; a surge's callers are ``<surge key>.<n>`` (1-based).
    call_key: Mapped[str] = mapped_column(String(100))
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"))
    #: A surge caller's truth, fixed when it rang (class, category) as canonical JSON; "" for a scripted call.
    generated_truth: Mapped[str] = mapped_column(Text, default="")


class TrainingLine(Base):
    """Something said during a training call: the caller's lines (scripted, revealed by a question,
    a word in the narrative or a callback, or typed live by the trainer) and what revealed them."""

    __tablename__ = "training_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: ``dispatch.domain.codes.LineSource`` value.
    source: Mapped[str] = mapped_column(String(16))
    #: The question id or keyword group that revealed it ("" otherwise).
    key: Mapped[str] = mapped_column(String(100), default="")
    #: The line in both languages as canonical JSON {"id": ..., "en": ...} (a live line: the same text twice).
    text: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class TrainingScore(Base):
    """A call of a session scored against its truth when the session ended; never changed."""

    __tablename__ = "training_scores"
    __table_args__ = (UniqueConstraint("session_id", "call_key", name="uq_training_scores_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    call_key: Mapped[str] = mapped_column(String(100))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    #: Who answered (or called back) the call; None when nobody did.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: 0-100, rounded to 0.1.
    total: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    #: Each dimension's score, weight and reason as canonical JSON (``dispatch.domain.training_score``).
    detail: Mapped[str] = mapped_column(Text)
    #: SHA-256 of the scoring rules file used.
    rules_sha256: Mapped[str] = mapped_column(String(64))


class AuditEntry(Base):
    """Append-only: UPDATE and DELETE are refused by database triggers (migrations 0001, 0006)."""

    __tablename__ = "audit_log"
    # An incident's timeline reads the rows naming it (migration 0010).
    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_name: Mapped[str] = mapped_column(String(64))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    console_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)
    #: Place in the hash chain (commit order) and the link's hash; see dispatch/store/audit_chain.py.
    seq: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditChainHead(Base):
    """The one row naming the chain's last link; writers lock it (migration 0006)."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class FeedFrame(Base):
    __tablename__ = "feed_frames"

    id: Mapped[int] = mapped_column(primary_key=True)
    feed: Mapped[str] = mapped_column(String(255))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    decoded: Mapped[str | None] = mapped_column(Text)
    rejected_reason: Mapped[str | None] = mapped_column(Text)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))


class Call(Base):
    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_number_e164_ring_at", "number_e164", "ring_at"),
        Index("ix_calls_number_raw_ring_at", "number_raw", "ring_at"),
        Index("ix_calls_state_ring_at", "state", "ring_at"),
        Index("ix_calls_feed_external_id", "feed", "external_id"),
        # The shift-log browser's filters, newest first (migration 0010).
        Index("ix_calls_answered_by_ring_at", "answered_by", "ring_at"),
        Index("ix_calls_classification_ring_at", "classification", "ring_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    feed: Mapped[str] = mapped_column(String(255))
    line: Mapped[str | None] = mapped_column(String(32))
    external_id: Mapped[str | None] = mapped_column(String(128))
    number_raw: Mapped[str] = mapped_column(String(64))
    number_e164: Mapped[str | None] = mapped_column(String(20))
    presentation: Mapped[str] = mapped_column(String(16))
    number_description: Mapped[str] = mapped_column(String(100), default="")
    caller_name: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(16))
    ring_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    classification: Mapped[str | None] = mapped_column(String(16))
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)


class CallNumber(Base):
    """Each number string a call carried, once: as received and in E.164 (migration 0012).

    Kept by a trigger on ``calls`` (the migration's), so the shift log can find digits typed
    anywhere in a number without reading every call.
    """

    __tablename__ = "call_numbers"
    __table_args__ = {"sqlite_with_rowid": False}

    number: Mapped[str] = mapped_column(String(64), primary_key=True)


class IncidentCounter(Base):
    """Per-year sequence behind incident numbers like 2026-000123 (a row lock on PostgreSQL)."""

    __tablename__ = "incident_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)


class Incident(Base):
    __tablename__ = "incidents"
    __table_args__ = (
        Index("ix_incidents_status_created_at", "status", "created_at"),
        Index("ix_incidents_village", "village"),
        Index("ix_incidents_area_code_created_at", "area_code", "created_at"),
        Index("ix_incidents_lat_lon", "lat", "lon"),
        # Open incidents by position (the duplicate check's 500 m search; migration 0008).
        Index(
            "ix_incidents_open_lat_lon",
            "lat",
            "lon",
            sqlite_where=OPEN_INCIDENT,
            postgresql_where=OPEN_INCIDENT,
        ),
        # Incidents closed in a period (the quality review's missing narratives; migration 0010).
        Index("ix_incidents_closed_at", "closed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    category: Mapped[str | None] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(24))
    disposition: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    caller_name: Mapped[str] = mapped_column(String(200), default="")
    callback_number: Mapped[str] = mapped_column(String(64), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    regency: Mapped[str] = mapped_column(String(100), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    village: Mapped[str] = mapped_column(String(100), default="")
    rt: Mapped[str] = mapped_column(String(8), default="")
    rw: Mapped[str] = mapped_column(String(8), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(32), default="")
    postcode: Mapped[str] = mapped_column(String(8), default="")
    landmark: Mapped[str] = mapped_column(String(300), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    #: Kemendagri village code ("33.74.04.1001") of the location picked by type-ahead.
    area_code: Mapped[str] = mapped_column(String(16), default="")
    #: Where ``lat``/``lon`` came from (``domain.positions.PositionSource``; "" for none, migration 0015).
    position_source: Mapped[str] = mapped_column(String(16), default="", server_default="")
    #: How far the position may be off, in metres; None for a typed position (taken as exact).
    position_radius_m: Mapped[float | None] = mapped_column(Float)
    #: When the fix was taken (the handset's time for AML, the save time when typed); None for a centre.
    position_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: AML's positioning method (``domain.aml.AmlMethod`` value), "" for other sources.
    position_method: Mapped[str] = mapped_column(String(16), default="", server_default="")
    #: Comma-separated facts from protocol answers ("trapped,casualties"); see domain.flags.
    flags: Mapped[str] = mapped_column(String(300), default="")


class AmlMessage(Base):
    """An Advanced Mobile Location SMS as a modem delivered it, decoded, and what became of it (0015).

    ``state`` is a ``domain.positions.AmlState`` value. The frame as received is ``frame_id``'s row.
    """

    __tablename__ = "aml_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    feed: Mapped[str] = mapped_column(String(255))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    frame_id: Mapped[int | None] = mapped_column(ForeignKey("feed_frames.id"))
    sender_raw: Mapped[str] = mapped_column(String(64))
    sender_e164: Mapped[str | None] = mapped_column(String(20))
    #: The SMS text as received (all parts of a concatenated message joined).
    text: Mapped[str] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    radius_m: Mapped[float | None] = mapped_column(Float)
    fixed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confidence: Mapped[int | None] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16), default="", server_default="")
    state: Mapped[str] = mapped_column(String(16), index=True)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"), index=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)


class Agency(Base):
    """An agency the centre hands incidents to, or whose liaison sits in the room (migration 0016).

    The directory is data a supervisor keeps (``dispatch.domain.agencies``): whom to call for which
    categories in which kecamatan or kota, and how long the agency may take to acknowledge.
    """

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The supervisor's short key ("DAMKAR-SMG", "POLSEK-TEMBALANG"); unique whatever its case.
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    #: ``domain.enums.AgencyType`` value.
    agency_type: Mapped[str] = mapped_column(String(16), index=True)
    #: ``domain.agencies.AgencyReach`` value: forwarded to, or in the room with its own units.
    reach: Mapped[str] = mapped_column(String(16))
    #: Kemendagri codes of the areas covered, ";" between ("33.74.10;33.74.11"); "" for nowhere yet.
    areas: Mapped[str] = mapped_column(String(1000), default="")
    #: Category codes taken, ";" between; "" for those whose catalogue agencies name its type.
    categories: Mapped[str] = mapped_column(String(300), default="")
    #: Duty numbers to call, ";" between, in the order to try them.
    phones: Mapped[str] = mapped_column(String(200), default="")
    radio: Mapped[str] = mapped_column(String(100), default="")
    #: The duty number a summary SMS goes to (and agency replies come from); "" for none.
    sms_number: Mapped[str] = mapped_column(String(64), default="")
    #: When it is staffed, as the supervisor writes it ("24 jam", "07:00-16:00").
    hours: Mapped[str] = mapped_column(String(100), default="")
    #: Seconds the agency may take to acknowledge a forwarding before an alert.
    ack_limit_s: Mapped[int] = mapped_column(Integer, default=300)
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Forwarding(Base):
    """An incident handed to an agency: when, how, to whom, and how far the agency has got (0016).

    The milestone columns are written once, from the first report of that kind
    (``forwarding_reports``); ``state`` is a ``domain.forwarding.ForwardState`` value.
    """

    __tablename__ = "forwardings"
    __table_args__ = (
        # Open forwardings (the boards, the acknowledgement timer, the handover).
        Index("ix_forwardings_closed_at_ack_due_at", "closed_at", "ack_due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    #: The agency's name when forwarded (a later rename does not rewrite history).
    agency_name: Mapped[str] = mapped_column(String(200))
    #: ``domain.forwarding.ForwardChannel`` value.
    channel: Mapped[str] = mapped_column(String(16))
    #: The number or channel used ("024-7460000", "HT kanal 3").
    contact: Mapped[str] = mapped_column(String(100), default="")
    #: Who took it at the agency.
    person: Mapped[str] = mapped_column(String(100), default="")
    #: The agency's own reference for it.
    reference: Mapped[str] = mapped_column(String(64), default="")
    #: When the agency was told (typed, or the time of recording).
    forwarded_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    forwarded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    ack_limit_s: Mapped[int] = mapped_column(Integer)
    #: forwarded_at + ack_limit_s: the timer's candidates are read by this column.
    ack_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The latest "needs more help" report (cleared by nothing: the reports say what followed).
    needs_help_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ForwardingReport(Base):
    """What an agency said back, or the operator recorded, about a forwarding (0016; a fact)."""

    __tablename__ = "forwarding_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    forwarding_id: Mapped[int] = mapped_column(ForeignKey("forwardings.id"), index=True)
    #: ``domain.forwarding.ReportKind`` value.
    kind: Mapped[str] = mapped_column(String(16))
    #: When it happened, as reported (typed or the SMS's time).
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: ``domain.forwarding.ReportSource`` value: typed by an operator, or an SMS reply.
    source: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    #: The SMS reply's frame as received.
    frame_id: Mapped[int | None] = mapped_column(ForeignKey("feed_frames.id"))


class OutboxMessage(Base):
    """Something the console asked a feed to send: an SMS through the GSM modem, or a call dialled
    through the PBX (AMI Originate); with what became of it (0016).

    Stored first, taken by whichever process runs the feed (a console or the centre's gateway),
    so a crash between asking and sending loses nothing. ``state`` is a ``domain.forwarding.OutboxState``.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_queued_at", "state", "queued_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``domain.forwarding.OutboxKind`` value: sms or dial.
    kind: Mapped[str] = mapped_column(String(8))
    forwarding_id: Mapped[int | None] = mapped_column(ForeignKey("forwardings.id"), index=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    #: The number to send to or dial, as it will be sent (E.164 for an SMS).
    to_number: Mapped[str] = mapped_column(String(64))
    #: The SMS text; "" for a dial.
    text: Mapped[str] = mapped_column(Text, default="")
    #: A dial: the operator's own extension, which rings first ("PJSIP/201").
    from_extension: Mapped[str] = mapped_column(String(64), default="")
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    queued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    state: Mapped[str] = mapped_column(String(16))
    #: The feed that took it, and when.
    feed: Mapped[str] = mapped_column(String(255), default="")
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The modem's message reference (``+CMGS: <mr>``), which its delivery report names; a dial's
    #: ActionID.
    reference: Mapped[str] = mapped_column(String(64), default="", index=True)
    failed_reason: Mapped[str] = mapped_column(Text, default="")
    #: The delivery report: when the network says it reached the handset, and its status (TP-ST).
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivery_status: Mapped[int | None] = mapped_column(Integer)
    #: The report's frame as received.
    delivery_frame_id: Mapped[int | None] = mapped_column(ForeignKey("feed_frames.id"))


class Camera(Base):
    """A CCTV camera the centre may look through (0016): where it is and what it streams."""

    __tablename__ = "cameras"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The owner's id for the camera ("SMG-CCTV-00123"); unique whatever its case.
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    #: rtsp://, http(s):// (HLS or MJPEG); credentials are part of it when the camera needs them.
    stream_url: Mapped[str] = mapped_column(String(1000))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class IncidentFile(Base):
    """A file attached to an incident (a camera still), with its SHA-256 (0016; a fact)."""

    __tablename__ = "incident_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    #: Hex SHA-256 of ``content``, also written in the incident's note.
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    #: The camera it was taken from, if any.
    camera_id: Mapped[int | None] = mapped_column(ForeignKey("cameras.id"))
    #: The note that names it and its hash.
    note_id: Mapped[int | None] = mapped_column(ForeignKey("incident_notes.id"))


class IncidentNote(Base):
    __tablename__ = "incident_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    #: Notes are never edited: a correction is a new note naming the one it corrects.
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("incident_notes.id"))


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_sign: Mapped[str] = mapped_column(String(32), unique=True)
    agency_type: Mapped[str] = mapped_column(String(16), index=True)
    agency_name: Mapped[str] = mapped_column(String(200))
    station: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    capabilities: Mapped[str] = mapped_column(String(300), default="")
    radio: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(24))
    status_since: Mapped[datetime] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str] = mapped_column(String(64), default="")
    #: Last known position (reported or set by the dispatcher); the station's when None.
    last_lat: Mapped[float | None] = mapped_column(Float)
    last_lon: Mapped[float | None] = mapped_column(Float)
    position_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Assignment(Base):
    """A unit sent to an incident; each milestone is written once, when it happens."""

    __tablename__ = "assignments"
    # Boards ask for the assignments still open (both end columns NULL); a status change asks for
    # the open assignment of one unit, whose past assignments grow for years.
    __table_args__ = (
        Index("ix_assignments_open", "cleared_at", "cancelled_at"),
        Index("ix_assignments_unit_open", "unit_id", "cleared_at", "cancelled_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    dispatched_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    dispatched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    en_route_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    on_scene_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    patient_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    transporting_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    at_hospital_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UnitStatusChange(Base):
    __tablename__ = "unit_status_history"
    __table_args__ = (
        Index("ix_unit_status_history_unit_at", "unit_id", "at"),
        # An incident's status rows: the figures' intervals and the timeline (migration 0011).
        Index("ix_unit_status_history_incident_at", "incident_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignments.id"))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    #: Set when a supervisor moved the unit outside the lifecycle's allowed transitions.
    override_reason: Mapped[str | None] = mapped_column(Text)


class Alert(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        Index("ix_alerts_kind_entity_id", "kind", "entity_id"),
        # One open alert per subject: two consoles checking the same timers raise it once.
        Index(
            "ux_alerts_open_subject",
            "kind",
            "entity",
            "entity_id",
            unique=True,
            sqlite_where=text("cleared_at IS NULL"),
            postgresql_where=text("cleared_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    #: When the condition stopped holding; the alert still waits for its acknowledgement.
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))


class FeedOutage(Base):
    """A feed down from ``started_at`` to ``ended_at`` (open while it is still down)."""

    __tablename__ = "feed_outages"
    __table_args__ = (
        Index("ix_feed_outages_feed_started_at", "feed", "started_at"),
        Index(
            "ux_feed_outages_open_feed",
            "feed",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    feed: Mapped[str] = mapped_column(String(255))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class Callback(Base):
    """A silent or abandoned call waiting to be called back (it stays until closed)."""

    __tablename__ = "callbacks"
    __table_args__ = (Index("ix_callbacks_closed_at_opened_at", "closed_at", "opened_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    outcome: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")


class CallbackAttempt(Base):
    __tablename__ = "callback_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    callback_id: Mapped[int] = mapped_column(ForeignKey("callbacks.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    outcome: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")


class NumberFlag(Base):
    """A watch-list entry or a "block requested from telco" mark for a number; lifted, never deleted."""

    __tablename__ = "number_flags"
    __table_args__ = (Index("ix_number_flags_number_kind", "number", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: E.164 when the number parsed, else the raw digits as received.
    number: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lifted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ChangeEvent(Base):
    """What one unit of work changed, for the other consoles of a centre (migration 0014).

    ``seq`` is taken from :class:`ChangeEventHead` as the last statement before the commit, so the
    numbers follow the commits without gaps; ``changes`` is ``bus.encode_changes``'s JSON; ``origin``
    is the writing process's bus, whose own notices were published in-process already.
    """

    __tablename__ = "change_events"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    console_id: Mapped[int | None] = mapped_column(ForeignKey("consoles.id"))
    origin: Mapped[str] = mapped_column(String(32))
    changes: Mapped[str] = mapped_column(Text)


class ChangeEventHead(Base):
    """The one row holding the last change event's number; a writer locks it until its commit."""

    __tablename__ = "change_event_head"
    __table_args__ = (CheckConstraint("id = 1", name="ck_change_event_head_one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)


class GatewayStatus(Base):
    """One row per feed gateway of a centre: its heartbeat and its feeds' health (JSON)."""

    __tablename__ = "gateway_status"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    host: Mapped[str] = mapped_column(String(255), default="", server_default="")
    pid: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[str] = mapped_column(String(32), default="", server_default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    feeds: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
