"""Recorded facts that refuse UPDATE and DELETE, enforced by the database's own triggers.

Migrations 0006 and 0009 build their triggers with these functions. A migration's output must never
change once released: change nothing here that alters the statements for a given rule; add a new
function instead.

``drop_statements`` undoes what the two builders create (for a downgrade, or a migration that adds a
column to a protected table and must re-create its triggers with the column in the right list).
"""

from __future__ import annotations

from typing import NamedTuple


class Protection(NamedTuple):
    #: Never change once inserted.
    fixed: tuple[str, ...]
    #: Written once: NULL -> value allowed, value -> another value refused.
    once: tuple[str, ...] = ()
    #: May change (current state, kept in history elsewhere and audited).
    free: tuple[str, ...] = ()


def sqlite_statements(table: str, rule: Protection) -> list[str]:
    changed = [f"OLD.{c} IS NOT NEW.{c}" for c in rule.fixed]
    changed += [f"(OLD.{c} IS NOT NULL AND OLD.{c} IS NOT NEW.{c})" for c in rule.once]
    condition = "\n            OR ".join(changed)
    return [
        f"""CREATE TRIGGER {table}_facts_fixed BEFORE UPDATE ON {table}
        WHEN {condition}
        BEGIN SELECT RAISE(ABORT, '{table}: recorded facts cannot be changed'); END""",
        f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table}: recorded facts cannot be deleted'); END""",
    ]


def postgres_statements(table: str, rule: Protection) -> list[str]:
    changed = [f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in rule.fixed]
    changed += [f"(OLD.{c} IS NOT NULL AND NEW.{c} IS DISTINCT FROM OLD.{c})" for c in rule.once]
    condition = "\n               OR ".join(changed)
    return [
        f"""CREATE FUNCTION {table}_protect() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
                RAISE EXCEPTION '{table}: recorded facts cannot be deleted';
            END IF;
            IF {condition} THEN
                RAISE EXCEPTION '{table}: recorded facts cannot be changed';
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE TRIGGER {table}_protect BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {table}_protect()""",
        f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION {table}_protect()""",
    ]


def drop_statements(table: str, sqlite: bool) -> list[str]:
    if sqlite:
        return [f"DROP TRIGGER {table}_facts_fixed", f"DROP TRIGGER {table}_no_delete"]
    return [
        f"DROP TRIGGER {table}_protect ON {table}",
        f"DROP TRIGGER {table}_no_truncate ON {table}",
        f"DROP FUNCTION {table}_protect()",
    ]
