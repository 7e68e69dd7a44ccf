"""PostgreSQL roles: the console's role owns nothing and holds only the privileges it needs.

The owner role runs the migrations (``dispatch-console migrate --db OWNER_URL --console-role ROLE``)
and then grants the console's role, in the schema it migrated:

* USAGE on the schema (no CREATE) and on its sequences (new ids);
* SELECT on every table; INSERT and UPDATE on the tables the console writes;
* nothing more on the recorded facts: the audit log takes INSERT only, incident notes and unit status
  history INSERT only, calls, feed frames and assignments INSERT and UPDATE (their triggers refuse
  changes to recorded facts, migration 0006), and ``alembic_version`` SELECT only;
* DELETE on ``change_events`` only (notices for the other consoles, not records: old ones are
  pruned, migration 0014); TRUNCATE on nothing, and no record is ever deleted.

Not owning a table, the role cannot disable its triggers (ALTER TABLE), drop it, or grant itself
more; created without CREATEROLE or SUPERUSER, it cannot change any role. The grants are applied
afresh after every migration, so a table added by a later migration gets :data:`DEFAULT` unless it is
listed here.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

#: Privileges on each table; tables not listed get DEFAULT.
PRIVILEGES: dict[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),
    "audit_log": ("SELECT", "INSERT"),
    # Only inserting an audit row moves it (a trigger running as the owner, migration 0006).
    "audit_chain_head": ("SELECT",),
    "incident_notes": ("SELECT", "INSERT"),
    "unit_status_history": ("SELECT", "INSERT"),
    # Corrections to a signed handover report are new rows (migration 0009).
    "handover_addenda": ("SELECT", "INSERT"),
    # Written by the insert trigger on calls, as the console's role (migration 0012); never changed.
    "call_numbers": ("SELECT", "INSERT"),
    # The change feed (migration 0014): events are notices, not records; the gateway prunes old ones.
    "change_events": ("SELECT", "INSERT", "DELETE"),
    "change_event_head": ("SELECT", "UPDATE"),
    # An agency's reports and an incident's files are recorded facts (migration 0016): a file's row is
    # written with its note, never changed.
    "forwarding_reports": ("SELECT", "INSERT"),
    "incident_files": ("SELECT", "INSERT"),
}
DEFAULT = ("SELECT", "INSERT", "UPDATE")


class RoleError(Exception):
    pass


def _quote(connection: Connection, name: str) -> str:
    return str(connection.execute(text("SELECT quote_ident(:name)"), {"name": name}).scalar_one())


def grant_console_privileges(connection: Connection, role: str) -> dict[str, tuple[str, ...]]:
    """Give ``role`` exactly the console's privileges in the current schema; returns them by table."""
    if connection.dialect.name != "postgresql":
        raise RoleError("database roles exist on PostgreSQL only")
    row = connection.execute(
        text(
            "SELECT r.rolsuper, r.rolcreaterole, r.rolbypassrls, r.rolname = current_user AS is_me "
            "FROM pg_roles r WHERE r.rolname = :role"
        ),
        {"role": role},
    ).first()
    if row is None:
        raise RoleError(f"role {role!r} does not exist; create it first (docs/installing.md)")
    if row.is_me:
        raise RoleError(f"role {role!r} is the role running the migrations; the console needs its own")
    if row.rolsuper or row.rolcreaterole or row.rolbypassrls:
        raise RoleError(f"role {role!r} may change roles or bypass rules; create it NOSUPERUSER NOCREATEROLE")
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    if schema is None:
        raise RoleError("no schema: the search_path names no schema that exists")
    quoted_role, quoted_schema = _quote(connection, role), _quote(connection, schema)
    owned = (
        connection.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'S') "
                "AND pg_has_role(:role, c.relowner, 'USAGE') ORDER BY c.relname"
            ),
            {"schema": schema, "role": role},
        )
        .scalars()
        .all()
    )
    if owned:
        raise RoleError(f"role {role!r} owns (or is a member of the owner of) {', '.join(owned)}")
    tables = (
        connection.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p') ORDER BY c.relname"
            ),
            {"schema": schema},
        )
        .scalars()
        .all()
    )
    connection.execute(text(f"REVOKE ALL ON SCHEMA {quoted_schema} FROM {quoted_role}"))
    connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {quoted_schema} FROM {quoted_role}"))
    connection.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {quoted_schema} FROM {quoted_role}"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA {quoted_schema} TO {quoted_role}"))
    connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {quoted_schema} TO {quoted_role}"))
    granted: dict[str, tuple[str, ...]] = {}
    for table in tables:
        privileges = PRIVILEGES.get(table, DEFAULT)
        connection.execute(
            text(
                f"GRANT {', '.join(privileges)} ON TABLE {quoted_schema}.{_quote(connection, table)} "
                f"TO {quoted_role}"
            )
        )
        granted[table] = privileges
    return granted


def may_migrate(connection: Connection) -> bool:
    """Whether this connection's role may run the migrations (SQLite: always)."""
    if connection.dialect.name != "postgresql":
        return True
    allowed = connection.execute(
        text(
            "SELECT coalesce(has_schema_privilege(current_schema(), 'CREATE'), false) "
            "AND coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
            "WHERE c.oid = to_regclass('alembic_version')), true)"
        )
    ).scalar_one()
    return bool(allowed)
