"""Keeping the CCTV camera registry: supervisors import the owner's list, add, change, deactivate.

Imports are the usual way (a city's cameras are tens of thousands): one transaction of bulk inserts
and updates, one ``CAMERA_IMPORT`` audit row with the counts, and a ``Topic.DIRECTORY`` notice for
the whole topic (the nearest-camera index reloads on it). Edits of one camera are audited
(``CAMERA_CREATE`` / ``CAMERA_UPDATE``) and announce its id. Writes need ``Action.EDIT_DIRECTORY``.
A camera is never deleted: stills taken from it name it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from dispatch.domain.cameras import (
    CAMERA_FIELDS,
    CameraRejected,
    CameraSpec,
    camera_from_text,
    camera_to_text,
    shown_url,
)
from dispatch.domain.cameras_csv import read_camera_csv, write_camera_csv
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.csv_files import RefusedRow
from dispatch.domain.permissions import Action, can, refusal_for
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import UnitOfWork, reading, unit_of_work
from dispatch.store.tables import Camera

_COLUMNS = (
    Camera.id,
    Camera.code,
    Camera.name,
    Camera.owner,
    Camera.lat,
    Camera.lon,
    Camera.stream_url,
    Camera.active,
    Camera.updated_at,
)


@dataclass(frozen=True)
class CameraView:
    id: int
    code: str
    name: str
    owner: str
    lat: float
    lon: float
    stream_url: str
    active: bool
    updated_at: datetime

    @property
    def spec(self) -> CameraSpec:
        return CameraSpec(self.code, self.name, self.owner, self.lat, self.lon, self.stream_url, self.active)

    @property
    def shown_url(self) -> str:
        """The stream address without its password (for the screen)."""
        return shown_url(self.stream_url)

    @staticmethod
    def of(row: Any) -> CameraView:
        """From a ``Camera`` row or a result row of its columns."""
        return CameraView(
            id=row.id,
            code=row.code,
            name=row.name,
            owner=row.owner,
            lat=row.lat,
            lon=row.lon,
            stream_url=row.stream_url,
            active=row.active,
            updated_at=row.updated_at,
        )


@dataclass(frozen=True)
class CameraImport:
    """What an import did (or, previewed, would do), by camera id, and the rows the file had wrong."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    rejected: tuple[RefusedRow, ...] = ()

    @property
    def rejected_lines(self) -> int:
        return len({row.line for row in self.rejected})


def can_edit(ctx: ServiceContext) -> bool:
    return can(ctx.actor.role, Action.EDIT_DIRECTORY)


def cameras(ctx: ServiceContext, include_inactive: bool = False) -> list[CameraView]:
    """The registry by camera id (active cameras only unless asked)."""
    query = select(*_COLUMNS).order_by(Camera.code)
    if not include_inactive:
        query = query.where(Camera.active.is_(True))
    with reading(ctx) as session:
        return [CameraView.of(row) for row in session.execute(query)]


def camera(ctx: ServiceContext, camera_id: int) -> CameraView | None:
    with reading(ctx) as session:
        row = session.execute(select(*_COLUMNS).where(Camera.id == camera_id)).first()
        return None if row is None else CameraView.of(row)


def create_camera(ctx: ServiceContext, spec: CameraSpec) -> CameraView:
    _require_editor(ctx)
    _check(spec)
    with unit_of_work(ctx) as work:
        if _by_code(work.session, spec.code) is not None:
            work.refuse(Refusal.CAMERA_CODE_TAKEN, camera_code=spec.code)
        row = Camera(**_values(spec, ctx.clock.now()))
        work.session.add(row)
        work.session.flush()
        work.audit(AuditAction.CAMERA_CREATE, "camera", row.id, fields=_shown(spec))
        work.notify(Topic.DIRECTORY, row.id)
        return CameraView.of(row)


def update_camera(ctx: ServiceContext, camera_id: int, spec: CameraSpec) -> CameraView:
    _require_editor(ctx)
    _check(spec)
    with unit_of_work(ctx) as work:
        row = _locked(work, camera_id)
        other = _by_code(work.session, spec.code)
        if other is not None and other.id != row.id:
            work.refuse(Refusal.CAMERA_CODE_TAKEN, camera_code=spec.code)
        _change(work, row, spec)
        return CameraView.of(row)


def set_camera_active(ctx: ServiceContext, camera_id: int, active: bool) -> CameraView:
    _require_editor(ctx)
    with unit_of_work(ctx) as work:
        row = _locked(work, camera_id)
        _change(work, row, replace(CameraView.of(row).spec, active=active))
        return CameraView.of(row)


def preview_import(ctx: ServiceContext, data: bytes) -> CameraImport:
    """What :func:`import_cameras` would do with ``data``, without writing.

    Raises ``domain.csv_files.CsvFileError`` for a file that is not a camera file at all.
    """
    records = read_camera_csv(data)
    with reading(ctx) as session:
        return _import(session, ctx, records.records, records.columns, records.rejected, write=None)


def import_cameras(ctx: ServiceContext, data: bytes) -> CameraImport:
    """Add cameras with new ids and update those known, in bulk; one transaction, one audit row.

    A known camera keeps its stored owner or active flag when the file has no such column. Refused
    rows are left out and reported. Raises ``CsvFileError`` for a file that is not a camera file.
    """
    _require_editor(ctx)
    records = read_camera_csv(data)
    with unit_of_work(ctx) as work:
        report = _import(work.session, ctx, records.records, records.columns, records.rejected, write=work)
        if report.added or report.updated:
            work.audit(
                AuditAction.CAMERA_IMPORT,
                "camera",
                None,
                added=len(report.added),
                updated=len(report.updated),
                unchanged=len(report.unchanged),
                rejected_rows=report.rejected_lines,
            )
    return report


def export_cameras(ctx: ServiceContext) -> bytes:
    """The whole registry (inactive cameras too) as CSV, UTF-8 with a byte-order mark for Excel."""
    text = write_camera_csv(view.spec for view in cameras(ctx, include_inactive=True))
    return text.encode("utf-8-sig")


# -- helpers ------------------------------------------------------------------------------------------


def _require_editor(ctx: ServiceContext) -> None:
    if not can_edit(ctx):
        raise ServiceError(refusal_for(Action.EDIT_DIRECTORY), action=Action.EDIT_DIRECTORY.value)


def _check(spec: CameraSpec) -> None:
    """A spec built by hand must still be one the form would accept."""
    try:
        camera_from_text(camera_to_text(spec))
    except CameraRejected as rejected:
        problems = {name: str(problem) for name, problem in rejected.problems.items()}
        raise ServiceError(Refusal.CAMERA_INVALID, camera_code=spec.code, problems=problems) from rejected


def _locked(work: UnitOfWork, camera_id: int) -> Camera:
    row = work.session.get(Camera, camera_id, with_for_update=True)
    if row is None:
        work.refuse(Refusal.NO_SUCH_CAMERA, camera_id=camera_id)
    return row


def _change(work: UnitOfWork, row: Camera, spec: CameraSpec) -> None:
    before = _shown(CameraView.of(row).spec)
    after = _shown(spec)
    changed = {name: [before[name], after[name]] for name in CAMERA_FIELDS if before[name] != after[name]}
    if row.stream_url != spec.stream_url:
        # A password changed in the address is audited as a change, never written out.
        changed.setdefault("stream_url", [before["stream_url"], after["stream_url"]])
    if not changed:
        return
    for name, value in _values(spec, work.ctx.clock.now()).items():
        setattr(row, name, value)
    work.audit(AuditAction.CAMERA_UPDATE, "camera", row.id, camera_code=row.code, changed=changed)
    work.notify(Topic.DIRECTORY, row.id)


def _import(
    session: Session,
    ctx: ServiceContext,
    specs: Sequence[CameraSpec],
    columns: Collection[str],
    rejected: tuple[RefusedRow, ...],
    *,
    write: UnitOfWork | None,
) -> CameraImport:
    known = {
        row.code.casefold(): (row.id, CameraView.of(row).spec) for row in session.execute(select(*_COLUMNS))
    }
    now = ctx.clock.now()
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    inserts: list[dict[str, object]] = []
    updates: list[dict[str, object]] = []
    for spec in specs:
        found = known.get(spec.code.casefold())
        if found is None:
            added.append(spec.code)
            inserts.append(_values(spec, now))
            continue
        camera_id, stored = found
        spec = _within_columns(stored, spec, columns)
        if spec == stored:
            unchanged.append(spec.code)
            continue
        updated.append(spec.code)
        updates.append({"id": camera_id, **_values(spec, now)})
    if write is not None and (inserts or updates):
        if inserts:
            session.execute(insert(Camera), inserts)
        if updates:
            session.execute(update(Camera), updates)
        # The whole topic: thousands of ids say less than "reload the registry".
        write.notify(Topic.DIRECTORY)
    return CameraImport(tuple(added), tuple(updated), tuple(unchanged), rejected)


def _within_columns(stored: CameraSpec, spec: CameraSpec, columns: Collection[str]) -> CameraSpec:
    """``spec`` with the stored owner and active flag when the file has no such column."""
    kept: dict[str, Any] = {}
    if "owner" not in columns:
        kept["owner"] = stored.owner
    if "active" not in columns:
        kept["active"] = stored.active
    return replace(spec, **kept) if kept else spec


def _by_code(session: Session, code: str) -> Camera | None:
    return session.scalars(select(Camera).where(func.lower(Camera.code) == code.lower()).limit(1)).first()


def _values(spec: CameraSpec, now: datetime) -> dict[str, object]:
    return {
        "code": spec.code,
        "name": spec.name,
        "owner": spec.owner,
        "lat": spec.lat,
        "lon": spec.lon,
        "stream_url": spec.stream_url,
        "active": spec.active,
        "updated_at": now,
    }


def _shown(spec: CameraSpec) -> dict[str, str]:
    """The fields as text for the audit trail, the address without its password."""
    fields = camera_to_text(spec)
    fields["stream_url"] = shown_url(spec.stream_url)
    return fields
