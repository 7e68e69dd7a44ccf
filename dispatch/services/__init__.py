"""Application services: the only code that writes.

Each public function is one user action or feed event, runs in one transaction that also writes its
audit row, returns frozen snapshots, and announces what changed on the ``ChangeBus`` after commit.
"""
