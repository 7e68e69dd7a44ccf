"""Fixtures of the feed tests: a PostgreSQL cluster of their own (tests/feeds/pg_cluster.py)."""

from tests.feeds.pg_cluster import cluster

__all__ = ["cluster"]
