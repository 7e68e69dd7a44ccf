"""Files attached to an incident (a camera's still): the bytes, their SHA-256 in the narrative, the
audit row, the refusals, and the database refusing to change or delete an attached file."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import NoteKind, Refusal
from dispatch.domain.enums import Disposition
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, files, incidents, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.store.tables import Camera, IncidentFile, IncidentNote
from tests.services.support import audited, signal

#: A few bytes standing for a still (the service does not decode images).
STILL = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


@pytest.fixture
def incident(ctx: ServiceContext, clock: ManualClock) -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(5)
    return calls.answer_call(ctx, ringing.id)[1]


@pytest.fixture
def camera_id(ctx: ServiceContext, clock: ManualClock) -> int:
    """A camera of the registry (written as the registry's import writes it)."""
    with ctx.database.transaction() as session:
        row = Camera(
            code="SMG-CCTV-0042",
            name="Simpang Lima sisi barat",
            owner="Diskominfo Kota Semarang",
            lat=-6.9903,
            lon=110.4229,
            stream_url="http://127.0.0.1:9/cam42.mjpg",
            active=True,
            updated_at=clock.now(),
        )
        session.add(row)
        session.flush()
        return row.id


def attach(
    ctx: ServiceContext, incident_id: int, content: bytes = STILL, camera_id: int | None = None
) -> files.FileView:
    return files.attach_still(
        ctx, incident_id, content=content, media_type="image/png", name="a.png", camera_id=camera_id
    )


def _count(ctx: ServiceContext, table: type[IncidentFile] | type[IncidentNote]) -> int:
    with ctx.database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_a_still_is_stored_with_its_hash_in_the_narrative(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView, camera_id: int, changes: list[Change]
) -> None:
    clock.advance(30)
    changes.clear()
    view, rows = audited(
        ctx,
        lambda: files.attach_still(
            ctx, incident.id, content=STILL, media_type="image/png", name="still.png", camera_id=camera_id
        ),
    )
    digest = hashlib.sha256(STILL).hexdigest()
    assert (view.incident_id, view.at, view.name, view.media_type, view.size, view.sha256) == (
        incident.id,
        clock.now(),
        "still.png",
        "image/png",
        len(STILL),
        digest,
    )
    assert (view.camera_id, view.camera_code, view.author) == (camera_id, "SMG-CCTV-0042", "sari")
    # The note names the file and its hash; the file points to the note.
    notes = queries.incident_notes(ctx, incident.id)
    (note,) = [n for n in notes if n.text.startswith("file.attached")]
    assert note.kind == NoteKind.SYSTEM.value
    assert note.text == f"file.attached {view.id} {digest} SMG-CCTV-0042"
    assert view.note_id == note.id
    # The stored bytes hash to the note's SHA-256.
    stored = files.file_content(ctx, view.id)
    assert stored == STILL
    assert hashlib.sha256(stored).hexdigest() == note.text.split()[2]
    assert files.files_of(ctx, incident.id) == [view]
    (row,) = rows
    assert (row.action, row.entity, row.entity_id, row.user_name) == (
        "file.attach",
        "incident",
        str(incident.id),
        "sari",
    )
    assert json.loads(row.detail or "{}") == {
        "file": view.id,
        "note": note.id,
        "name": "still.png",
        "media_type": "image/png",
        "size": len(STILL),
        "sha256": digest,
        "camera": "SMG-CCTV-0042",
    }
    assert changes == [Change(Topic.FILES, (view.id,)), Change(Topic.NOTES, (incident.id,))]


def test_a_file_from_no_camera_says_so(ctx: ServiceContext, incident: IncidentView) -> None:
    jpeg = b"\xff\xd8\xff jpeg"
    view = files.attach_still(
        ctx, incident.id, content=jpeg, media_type="image/jpeg", name="", camera_id=None
    )
    assert (view.camera_id, view.camera_code, view.name) == (None, "", "still")
    notes = queries.incident_notes(ctx, incident.id)
    assert notes[-1].text == f"file.attached {view.id} {hashlib.sha256(jpeg).hexdigest()} -"


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", Refusal.FILE_EMPTY), (b"x" * (files.MAX_FILE_BYTES + 1), Refusal.FILE_TOO_LARGE)],
)
def test_an_empty_or_too_large_file_is_refused(
    ctx: ServiceContext, incident: IncidentView, content: bytes, code: Refusal
) -> None:
    notes = _count(ctx, IncidentNote)
    with pytest.raises(ServiceError) as refused:
        files.attach_still(
            ctx, incident.id, content=content, media_type="image/png", name="a.png", camera_id=None
        )
    assert refused.value.code is code
    assert (_count(ctx, IncidentFile), _count(ctx, IncidentNote)) == (0, notes)


def test_the_largest_file_is_taken(ctx: ServiceContext, incident: IncidentView) -> None:
    content = b"y" * files.MAX_FILE_BYTES
    view = files.attach_still(
        ctx, incident.id, content=content, media_type="image/png", name="a", camera_id=None
    )
    assert files.file_content(ctx, view.id) == content


def test_a_closed_incident_takes_no_file(ctx: ServiceContext, incident: IncidentView) -> None:
    incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
    notes = _count(ctx, IncidentNote)
    with pytest.raises(ServiceError) as refused:
        attach(ctx, incident.id)
    assert refused.value.code is Refusal.INCIDENT_CLOSED
    assert refused.value.details == {"number": incident.number}
    assert (_count(ctx, IncidentFile), _count(ctx, IncidentNote)) == (0, notes)


def test_no_such_incident_or_camera(ctx: ServiceContext, incident: IncidentView) -> None:
    with pytest.raises(ServiceError) as refused:
        files.attach_still(
            ctx, incident.id + 99, content=STILL, media_type="image/png", name="a", camera_id=None
        )
    assert refused.value.code is Refusal.NO_SUCH_INCIDENT
    with pytest.raises(ServiceError) as refused:
        attach(ctx, incident.id, camera_id=4242)
    assert refused.value.code is Refusal.NO_SUCH_CAMERA
    assert _count(ctx, IncidentFile) == 0


def test_not_a_media_type(ctx: ServiceContext, incident: IncidentView) -> None:
    with pytest.raises(ValueError, match="not a media type"):
        files.attach_still(ctx, incident.id, content=STILL, media_type="png", name="a", camera_id=None)


def test_no_such_file(ctx: ServiceContext) -> None:
    with pytest.raises(LookupError, match="no file 7"):
        files.file_content(ctx, 7)
    assert files.files_of(ctx, 7) == []


REFUSED_CHANGE = {
    "sqlite": "incident_files: recorded facts cannot be changed",
    "postgresql": "permission denied for table incident_files",
}
REFUSED_DELETE = {
    "sqlite": "incident_files: recorded facts cannot be deleted",
    "postgresql": "permission denied for table incident_files",
}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE incident_files SET content = :other",
        "UPDATE incident_files SET sha256 = 'forged'",
        "UPDATE incident_files SET size = size + 1",
        "UPDATE incident_files SET camera_id = NULL",
        "UPDATE incident_files SET at = :at",
        "UPDATE incident_files SET note_id = NULL",
    ],
)
def test_an_attached_file_cannot_be_changed(
    ctx: ServiceContext, incident: IncidentView, camera_id: int, statement: str, store: str
) -> None:
    """SQLite's triggers refuse the change; on PostgreSQL the console's role may not even try."""
    files.attach_still(
        ctx, incident.id, content=STILL, media_type="image/png", name="a.png", camera_id=camera_id
    )
    before = files.files_of(ctx, incident.id)
    with (
        pytest.raises(DBAPIError, match=REFUSED_CHANGE[store]),
        ctx.database.engine.begin() as connection,
    ):
        connection.execute(text(statement), {"other": b"forged", "at": datetime(2026, 1, 1, tzinfo=UTC)})
    assert files.files_of(ctx, incident.id) == before
    assert files.file_content(ctx, before[0].id) == STILL


def test_an_attached_file_cannot_be_deleted(ctx: ServiceContext, incident: IncidentView, store: str) -> None:
    attach(ctx, incident.id)
    with (
        pytest.raises(DBAPIError, match=REFUSED_DELETE[store]),
        ctx.database.engine.begin() as connection,
    ):
        connection.execute(text("DELETE FROM incident_files"))
    assert _count(ctx, IncidentFile) == 1
