"""Files attached to an incident: a still taken from a camera, kept with its SHA-256.

A file is a recorded fact (migration 0016's triggers refuse changing or deleting one; the console's
PostgreSQL role may only insert it). Attaching one writes, in one unit of work, a system note in the
narrative ``file.attached <file id> <sha256> <camera code or ->`` (worded by the reader's UI), the file
row pointing to that note, and a ``FILE_ATTACH`` audit row: whoever reads the narrative, the audit log
or the file itself can check that the bytes are the ones attached.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.incidents import locked_open_incident
from dispatch.services.uow import reading, unit_of_work
from dispatch.store.tables import Camera, IncidentFile, IncidentNote, User

#: The largest file attached (a camera still is tens or hundreds of kilobytes).
MAX_FILE_BYTES = 10 * 1024 * 1024
#: The system note's code (``ui/widgets/incident_panel.note_text`` words it).
NOTE_CODE = "file.attached"
_NAME_LENGTH = 200
_MEDIA_TYPE_LENGTH = 64


@dataclass(frozen=True)
class FileView:
    id: int
    incident_id: int
    at: datetime
    name: str
    media_type: str
    size: int
    sha256: str
    camera_id: int | None
    #: The camera's id in the registry ("" when the file is not from a camera).
    camera_code: str
    note_id: int | None
    #: Who attached it (the user name; "system" for the console itself).
    author: str


def note_text(file_id: int, sha256: str, camera_code: str) -> str:
    """The system note naming a file: ``file.attached <id> <sha256> <camera code or ->``."""
    return f"{NOTE_CODE} {file_id} {sha256} {camera_code or '-'}"


def attach_still(
    ctx: ServiceContext,
    incident_id: int,
    *,
    content: bytes,
    media_type: str,
    name: str,
    camera_id: int | None,
) -> FileView:
    """Attach ``content`` (a still, ``media_type`` e.g. "image/png") to an open incident.

    Refused: FILE_EMPTY, FILE_TOO_LARGE (over ``MAX_FILE_BYTES``), NO_SUCH_INCIDENT, INCIDENT_CLOSED,
    NO_SUCH_CAMERA. Announces ``Topic.FILES`` (the file) and ``Topic.NOTES`` (the incident).
    """
    if not content:
        raise ServiceError(Refusal.FILE_EMPTY)
    if len(content) > MAX_FILE_BYTES:
        raise ServiceError(Refusal.FILE_TOO_LARGE, size=len(content), limit=MAX_FILE_BYTES)
    kind, _, subtype = media_type.partition("/")
    if not kind or not subtype or len(media_type) > _MEDIA_TYPE_LENGTH:
        raise ValueError(f"not a media type: {media_type!r}")
    # The name is the console's own ("still-2026-000123-SMG-0042.png"): kept within its column.
    name = " ".join(name.split())[:_NAME_LENGTH] or "still"
    digest = hashlib.sha256(content).hexdigest()
    with unit_of_work(ctx) as work:
        session = work.session
        # Locked: a close on another console waits for the attachment (or the attachment for it).
        locked_open_incident(session, incident_id)
        camera_code = ""
        if camera_id is not None:
            camera = session.get(Camera, camera_id)
            if camera is None:
                work.refuse(Refusal.NO_SUCH_CAMERA, camera_id=camera_id)
            camera_code = camera.code
        now = ctx.clock.now()
        # The note names the file and the file its note, and the console's role may only insert a
        # file (a recorded fact): the file's id is taken first, the note written, then the file.
        file_id = _next_file_id(session)
        note = IncidentNote(
            incident_id=incident_id,
            at=now,
            author_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            kind=NoteKind.SYSTEM.value,
            text=note_text(file_id, digest, camera_code),
        )
        session.add(note)
        session.flush()
        row = IncidentFile(
            id=file_id,
            incident_id=incident_id,
            at=now,
            name=name,
            media_type=media_type,
            size=len(content),
            sha256=digest,
            content=content,
            author_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            camera_id=camera_id,
            note_id=note.id,
        )
        session.add(row)
        session.flush()
        work.audit(
            AuditAction.FILE_ATTACH,
            "incident",
            incident_id,
            file=row.id,
            note=note.id,
            name=name,
            media_type=media_type,
            size=len(content),
            sha256=digest,
            camera=camera_code or None,
        )
        work.notify(Topic.FILES, row.id)
        work.notify(Topic.NOTES, incident_id)
        view = FileView(
            id=row.id,
            incident_id=incident_id,
            at=now,
            name=name,
            media_type=media_type,
            size=len(content),
            sha256=digest,
            camera_id=camera_id,
            camera_code=camera_code,
            note_id=note.id,
            author=ctx.actor.user_name,
        )
    return view


def _next_file_id(session: Session) -> int:
    """The id the next file gets: PostgreSQL's sequence of the column; on SQLite the write lock of the
    unit of work (BEGIN IMMEDIATE) is held, so the next number is nobody else's."""
    if session.get_bind().dialect.name == "postgresql":
        number = session.scalar(text("SELECT nextval(pg_get_serial_sequence('incident_files', 'id'))"))
    else:
        number = session.scalar(select(func.coalesce(func.max(IncidentFile.id), 0) + 1))
    return int(number or 0)


def files_of(ctx: ServiceContext, incident_id: int) -> list[FileView]:
    """The incident's files, oldest first (their content is read by ``file_content``)."""
    with reading(ctx) as session:
        rows = session.execute(
            select(
                IncidentFile.id,
                IncidentFile.incident_id,
                IncidentFile.at,
                IncidentFile.name,
                IncidentFile.media_type,
                IncidentFile.size,
                IncidentFile.sha256,
                IncidentFile.camera_id,
                Camera.code,
                IncidentFile.note_id,
                User.username,
            )
            .outerjoin(Camera, Camera.id == IncidentFile.camera_id)
            .outerjoin(User, User.id == IncidentFile.author_id)
            .where(IncidentFile.incident_id == incident_id)
            .order_by(IncidentFile.at, IncidentFile.id)
        ).all()
    return [
        FileView(
            id=row.id,
            incident_id=row.incident_id,
            at=row.at,
            name=row.name,
            media_type=row.media_type,
            size=row.size,
            sha256=row.sha256,
            camera_id=row.camera_id,
            camera_code=row.code or "",
            note_id=row.note_id,
            author=row.username or "system",
        )
        for row in rows
    ]


def file_content(ctx: ServiceContext, file_id: int) -> bytes:
    """The bytes of a file (a ``LookupError`` for an id no file has: ids come from ``files_of``)."""
    with reading(ctx) as session:
        content = session.scalar(select(IncidentFile.content).where(IncidentFile.id == file_id))
    if content is None:
        raise LookupError(f"no file {file_id}")
    return bytes(content)
