"""Service tests log in for nearly every test; real argon2 costs a quarter of a second per hash."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from dispatch.services import accounts


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same argon2id hashing and verification, with the smallest cost parameters."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
