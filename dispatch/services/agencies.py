"""Keeping the agency directory: supervisors add, change, deactivate, import and export agencies.

An agency is never deleted: its forwardings name it. Deactivating takes it out of the choices an
incident offers. Every write needs ``Action.EDIT_DIRECTORY``, is audited (``AGENCY_*``) and announces
``Topic.DIRECTORY`` with the agencies' ids. :func:`forward_choices` answers "whom to call" for an
incident from its category, its area and the catalogue (``domain.agencies.choose_agencies``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.agencies import (
    AGENCY_FIELDS,
    AgencyReach,
    AgencyRejected,
    AgencySpec,
    ForwardChoice,
    agency_from_text,
    agency_to_text,
    choose_agencies,
)
from dispatch.domain.agencies_csv import read_agency_csv, write_agency_csv
from dispatch.domain.areas import area_index
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.csv_files import RefusedRow
from dispatch.domain.enums import AgencyType
from dispatch.domain.permissions import Action, can, refusal_for
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import UnitOfWork, reading, unit_of_work
from dispatch.store.database import DatabaseKind
from dispatch.store.tables import Agency, Incident


@dataclass(frozen=True)
class AgencyView:
    id: int
    code: str
    name: str
    agency_type: AgencyType
    reach: AgencyReach
    areas: tuple[str, ...]
    categories: tuple[str, ...]
    phones: tuple[str, ...]
    radio: str
    sms_number: str
    hours: str
    ack_limit_s: int
    note: str
    active: bool
    updated_at: datetime

    @property
    def spec(self) -> AgencySpec:
        """The directory fields (what the form edits and export writes)."""
        return AgencySpec(
            code=self.code,
            name=self.name,
            agency_type=self.agency_type,
            reach=self.reach,
            areas=self.areas,
            categories=self.categories,
            phones=self.phones,
            radio=self.radio,
            sms_number=self.sms_number,
            hours=self.hours,
            ack_limit_s=self.ack_limit_s,
            note=self.note,
            active=self.active,
        )

    @staticmethod
    def of(row: Agency) -> AgencyView:
        return AgencyView(
            id=row.id,
            code=row.code,
            name=row.name,
            agency_type=AgencyType(row.agency_type),
            reach=AgencyReach(row.reach),
            areas=_split(row.areas),
            categories=_split(row.categories),
            phones=_split(row.phones),
            radio=row.radio,
            sms_number=row.sms_number,
            hours=row.hours,
            ack_limit_s=row.ack_limit_s,
            note=row.note,
            active=row.active,
            updated_at=row.updated_at,
        )


@dataclass(frozen=True)
class AgencyImport:
    """What an import did (or, previewed, would do), by code, and the rows the file had wrong."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    #: Every refused row's line, column and reason (nothing of those rows is taken).
    rejected: tuple[RefusedRow, ...] = ()

    @property
    def rejected_lines(self) -> int:
        return len({row.line for row in self.rejected})


def can_edit(ctx: ServiceContext) -> bool:
    return can(ctx.actor.role, Action.EDIT_DIRECTORY)


def known_area(code: str) -> bool:
    """Whether ``code`` is a Kemendagri area of the shipped table."""
    return area_index().get(code) is not None


def known_category(code: str) -> bool:
    return code in default_catalogue()


def agency_from_form(fields: dict[str, str]) -> AgencySpec:
    """``domain.agencies.agency_from_text`` against the shipped areas and catalogue."""
    return agency_from_text(fields, known_area=known_area, known_category=known_category)


def agencies(ctx: ServiceContext, include_inactive: bool = True) -> list[AgencyView]:
    """The directory by agency type and name."""
    with reading(ctx) as session:
        query = select(Agency).order_by(Agency.agency_type, Agency.name, Agency.id)
        if not include_inactive:
            query = query.where(Agency.active.is_(True))
        return [AgencyView.of(row) for row in session.scalars(query)]


def agency(ctx: ServiceContext, agency_id: int) -> AgencyView | None:
    with reading(ctx) as session:
        row = session.get(Agency, agency_id)
        return None if row is None else AgencyView.of(row)


def create_agency(ctx: ServiceContext, spec: AgencySpec) -> AgencyView:
    _require_editor(ctx)
    _check(spec)
    with unit_of_work(ctx) as work:
        if _by_code(work.session, spec.code) is not None:
            work.refuse(Refusal.AGENCY_CODE_TAKEN, agency_code=spec.code)
        row = Agency()
        _apply(row, spec, ctx.clock.now())
        work.session.add(row)
        work.session.flush()
        work.audit(AuditAction.AGENCY_CREATE, "agency", row.id, fields=agency_to_text(spec))
        work.notify(Topic.DIRECTORY, row.id)
        return AgencyView.of(row)


def update_agency(ctx: ServiceContext, agency_id: int, spec: AgencySpec) -> AgencyView:
    """Change an agency's fields; its open forwardings keep the name and limit they were sent with."""
    _require_editor(ctx)
    _check(spec)
    with unit_of_work(ctx) as work:
        row = _locked(work, agency_id)
        other = _by_code(work.session, spec.code)
        if other is not None and other.id != row.id:
            work.refuse(Refusal.AGENCY_CODE_TAKEN, agency_code=spec.code)
        _change(work, row, spec)
        return AgencyView.of(row)


def set_agency_active(ctx: ServiceContext, agency_id: int, active: bool) -> AgencyView:
    _require_editor(ctx)
    with unit_of_work(ctx) as work:
        row = _locked(work, agency_id)
        _change(work, row, replace(AgencyView.of(row).spec, active=active))
        return AgencyView.of(row)


def preview_import(ctx: ServiceContext, data: bytes) -> AgencyImport:
    """What :func:`import_agencies` would do with ``data``, without writing.

    Raises ``domain.csv_files.CsvFileError`` for a file that is not a directory file at all.
    """
    records = read_agency_csv(data, known_area=known_area, known_category=known_category)
    with reading(ctx) as session:
        return _import(session, ctx, records.records, records.columns, records.rejected, write=None)


def import_agencies(ctx: ServiceContext, data: bytes) -> AgencyImport:
    """Add agencies with new codes and update those known; one transaction, one audit row.

    A known agency keeps its stored value of every field whose column the file does not have (a
    file of codes and phone numbers changes phone numbers only). Refused rows are left out and
    reported. Raises ``CsvFileError`` for a file that is not a directory file at all.
    """
    _require_editor(ctx)
    records = read_agency_csv(data, known_area=known_area, known_category=known_category)
    with unit_of_work(ctx) as work:
        report = _import(work.session, ctx, records.records, records.columns, records.rejected, write=work)
        if report.added or report.updated:
            work.audit(
                AuditAction.AGENCY_IMPORT,
                "agency",
                None,
                added=list(report.added),
                updated=list(report.updated),
                unchanged=len(report.unchanged),
                rejected_rows=report.rejected_lines,
            )
    return report


def export_agencies(ctx: ServiceContext) -> bytes:
    """The whole directory (inactive agencies too) as CSV, UTF-8 with a byte-order mark for Excel."""
    text = write_agency_csv(view.spec for view in agencies(ctx))
    return text.encode("utf-8-sig")


def load_agencies(ctx: ServiceContext, specs: Sequence[AgencySpec]) -> int:
    """Add the agencies whose codes are not yet known (the demonstration directory); how many.

    Only a training database takes it (``TRAINING_ONLY`` on a live one): its numbers are fictional.
    """
    if ctx.database.kind is DatabaseKind.LIVE:
        raise ServiceError(Refusal.TRAINING_ONLY)
    with unit_of_work(ctx) as work:
        known = {code.casefold() for code in work.session.scalars(select(Agency.code))}
        now = ctx.clock.now()
        added: list[Agency] = []
        for spec in specs:
            if spec.code.casefold() in known:
                continue
            known.add(spec.code.casefold())
            row = Agency()
            _apply(row, spec, now)
            added.append(row)
        if added:
            work.session.add_all(added)
            work.session.flush()
            work.audit(AuditAction.AGENCY_IMPORT, "agency", None, demo=True, added=[r.code for r in added])
            work.notify(Topic.DIRECTORY, *(row.id for row in added))
    return len(added)


def forward_choices(ctx: ServiceContext, incident_id: int, centre_area: str = "") -> list[ForwardChoice]:
    """The agencies to forward the incident to, for its category and area (none without a category)."""
    with reading(ctx) as session:
        found = session.execute(
            select(Incident.category, Incident.area_code).where(Incident.id == incident_id)
        ).first()
        if found is None or not found.category:
            return []
        rows = session.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.id))
        directory = [(row.id, AgencyView.of(row).spec) for row in rows]
    category = str(found.category)
    catalogue = default_catalogue()
    needs = catalogue.get(category).agencies if category in catalogue else ()
    return choose_agencies(directory, category, found.area_code or "", needs, centre_area)


# -- helpers ------------------------------------------------------------------------------------------


@cache
def default_catalogue() -> Catalogue:
    """The shipped catalogue, read once (forwarding's summary SMS uses it too)."""
    return load_default_catalogue()


def _require_editor(ctx: ServiceContext) -> None:
    if not can_edit(ctx):
        raise ServiceError(refusal_for(Action.EDIT_DIRECTORY), action=Action.EDIT_DIRECTORY.value)


def _check(spec: AgencySpec) -> None:
    """A spec built by hand must still be one the form would accept (known areas and categories)."""
    try:
        agency_from_form(agency_to_text(spec))
    except AgencyRejected as rejected:
        raise ServiceError(
            Refusal.AGENCY_INVALID,
            agency_code=spec.code,
            problems={k: str(v) for k, v in rejected.problems.items()},
        ) from rejected


def _locked(work: UnitOfWork, agency_id: int) -> Agency:
    row = work.session.get(Agency, agency_id, with_for_update=True)
    if row is None:
        work.refuse(Refusal.NO_SUCH_AGENCY, agency_id=agency_id)
    return row


def _change(work: UnitOfWork, row: Agency, spec: AgencySpec) -> None:
    before = agency_to_text(AgencyView.of(row).spec)
    after = agency_to_text(spec)
    changed = {name: [before[name], after[name]] for name in AGENCY_FIELDS if before[name] != after[name]}
    if not changed:
        return
    _apply(row, spec, work.ctx.clock.now())
    work.audit(AuditAction.AGENCY_UPDATE, "agency", row.id, code=row.code, changed=changed)
    work.notify(Topic.DIRECTORY, row.id)


def _import(
    session: Session,
    ctx: ServiceContext,
    specs: Sequence[AgencySpec],
    columns: Collection[str],
    rejected: tuple[RefusedRow, ...],
    *,
    write: UnitOfWork | None,
) -> AgencyImport:
    known = {row.code.casefold(): row for row in session.scalars(select(Agency))}
    now = ctx.clock.now()
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    changed_ids: list[int] = []
    new_rows: list[Agency] = []
    for spec in specs:
        row = known.get(spec.code.casefold())
        if row is None:
            if write is not None:
                new_row = Agency()
                _apply(new_row, spec, now)
                new_rows.append(new_row)
            added.append(spec.code)
            continue
        stored = AgencyView.of(row).spec
        spec = _within_columns(stored, spec, columns)
        if spec == stored:
            unchanged.append(spec.code)
            continue
        if write is not None:
            _apply(row, spec, now)
            changed_ids.append(row.id)
        updated.append(spec.code)
    if write is not None and (new_rows or changed_ids):
        session.add_all(new_rows)
        session.flush()
        write.notify(Topic.DIRECTORY, *changed_ids, *(row.id for row in new_rows))
    return AgencyImport(tuple(added), tuple(updated), tuple(unchanged), rejected)


#: CSV columns whose spec attribute has another name.
_ATTRIBUTE = {"ack_limit": "ack_limit_s"}


def _within_columns(stored: AgencySpec, spec: AgencySpec, columns: Collection[str]) -> AgencySpec:
    """``spec`` with the stored value of every field whose column the file does not have."""
    kept = {
        _ATTRIBUTE.get(name, name): getattr(stored, _ATTRIBUTE.get(name, name))
        for name in AGENCY_FIELDS
        if name not in columns
    }
    return replace(spec, **kept)


def _by_code(session: Session, code: str) -> Agency | None:
    return session.scalars(select(Agency).where(func.lower(Agency.code) == code.lower()).limit(1)).first()


def _apply(row: Agency, spec: AgencySpec, now: datetime) -> None:
    row.code = spec.code
    row.name = spec.name
    row.agency_type = spec.agency_type.value
    row.reach = spec.reach.value
    row.areas = ";".join(spec.areas)
    row.categories = ";".join(spec.categories)
    row.phones = ";".join(spec.phones)
    row.radio = spec.radio
    row.sms_number = spec.sms_number
    row.hours = spec.hours
    row.ack_limit_s = spec.ack_limit_s
    row.note = spec.note
    row.active = spec.active
    row.updated_at = now


def _split(text: str) -> tuple[str, ...]:
    return tuple(item for item in text.split(";") if item)
