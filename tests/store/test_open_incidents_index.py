"""The duplicate check's 500 m search reads the partial index over open incidents (migration 0008)."""

from __future__ import annotations

from sqlalchemy import select

from dispatch.domain.enums import OPEN_INCIDENT_STATUSES, IncidentStatus
from dispatch.store.database import Database
from dispatch.store.tables import OPEN_INCIDENT, Incident


def test_the_index_term_means_the_domains_open_statuses() -> None:
    # The SQL term names what is not open; the domain names what is. They must agree.
    assert set(IncidentStatus) - set(OPEN_INCIDENT_STATUSES) == {
        IncidentStatus.CLOSED,
        IncidentStatus.CANCELLED,
    }
    assert str(OPEN_INCIDENT) == "status NOT IN ('closed', 'cancelled')"


def test_the_nearby_search_uses_the_partial_index(database: Database) -> None:
    query = select(Incident.id).where(
        Incident.lat.between(-7.0, -6.99),
        Incident.lon.between(110.4, 110.41),
        Incident.category == "LAKA",
        OPEN_INCIDENT,
    )
    compiled = query.compile(database.engine, compile_kwargs={"literal_binds": True})
    with database.engine.connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "ix_incidents_open_lat_lon" in plan
