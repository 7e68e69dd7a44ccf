"""The services' side of :mod:`dispatch.domain.permissions`: refuse what the actor's role may not do."""

from __future__ import annotations

from typing import Any

from dispatch.domain.permissions import Action, can, refusal_for
from dispatch.services.context import ServiceContext, ServiceError


def require(ctx: ServiceContext, action: Action, **details: Any) -> None:
    """Raise the refusal of ``action`` (supervisor_only, administrator_only) unless the actor may."""
    if not can(ctx.actor.role, action):
        raise ServiceError(refusal_for(action), action=action.value, **details)
