"""Open incidents by position: the duplicate check's 500 m search reads only open incidents.

The (lat, lon) index made the search walk every incident ever recorded in the latitude band (about
20 ms at 300,000 incidents); this partial index holds only the open ones.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Written exactly as dispatch.store.tables.OPEN_INCIDENT writes it: SQLite uses a partial index only
# for a query that holds the same term.
_OPEN = sa.text("status NOT IN ('closed', 'cancelled')")


def upgrade() -> None:
    op.create_index(
        "ix_incidents_open_lat_lon",
        "incidents",
        ["lat", "lon"],
        sqlite_where=_OPEN,
        postgresql_where=_OPEN,
    )


def downgrade() -> None:
    op.drop_index("ix_incidents_open_lat_lon", table_name="incidents")
