"""A damaged database found again (a second start, another console) shows its one open alarm again."""

from __future__ import annotations

from dispatch.services import integrity
from dispatch.services.context import ServiceContext


def test_the_same_damage_found_twice_is_one_open_alarm(ctx: ServiceContext) -> None:
    problems = ["*** in database main ***", "Page 7: btreeInitPage() returns error code 11"]
    first = integrity.raise_damage_alarm(ctx, problems)
    # Before: the second insert broke migration 0007's one-open-alert-per-subject index and the
    # alarm itself failed with "changed elsewhere".
    again = integrity.raise_damage_alarm(ctx, problems)
    assert again.id == first.id
