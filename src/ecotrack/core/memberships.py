"""A service's own view of memberships, built from Users' member events.

A person's access token states the role they held when it was issued, up to an
access-token lifetime ago. A service that must know the role held now (Carbon and
Analytics, for writes and report reads) consumes ``member.added``,
``member.role_changed`` and ``member.removed`` into a ``memberships`` table of its own
(organisation, person, role or ``NULL`` once removed, and when it changed), with the
projection below, and checks the caller against it with
``core.security.authorize_current``. API keys are not memberships: Auth revokes them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.core.events import Event
from ecotrack.core.security import REMOVED, CurrentRole, Identity, Role

MEMBER_FAMILIES = ("member",)
_ROLE_EVENTS = frozenset({"member.added", "member.role_changed"})
_REMOVED = "member.removed"


def membership_projection(row_type: type[Any]) -> Callable[[AsyncSession, Event], Awaitable[None]]:
    """The consumer handler that keeps ``row_type`` (a service's memberships table) as the
    member events leave it; the last event of a pair wins.

    Users' events of one organisation arrive in order (they are keyed by it), and the
    consumer skips ids it has applied, so redelivery changes nothing.
    """

    async def apply(session: AsyncSession, event: Event) -> None:
        if event.type != _REMOVED and event.type not in _ROLE_EVENTS:
            return
        organization_id, user_id = event.data.get("organization_id"), event.data.get("user_id")
        if not organization_id or not user_id:
            return
        role = None if event.type == _REMOVED else Role(event.data["role"]).value
        row = await session.get(row_type, (organization_id, user_id))
        if row is None:
            session.add(
                row_type(
                    organization_id=organization_id,
                    user_id=user_id,
                    role=role,
                    changed_at=event.time,
                )
            )
            # a later event of the same batch for the same person finds this row
            await session.flush()
            return
        row.role = role
        row.changed_at = event.time

    return apply


def checks_membership(identity: Identity) -> bool:
    """Whether the caller is a person acting for an organisation (not an API key)."""
    return identity.kind == "user" and identity.organization_id is not None


def role_lookup(row_type: type[Any], identity: Identity) -> sa.Select[Any]:
    """The query for the caller's row in ``row_type``: its ``role`` column, if any row."""
    return sa.select(row_type.role).where(
        row_type.organization_id == identity.organization_id,
        row_type.user_id == identity.subject,
    )


def current_role_from(found: sa.Row[Any] | None) -> CurrentRole:
    """The role held now, from :func:`role_lookup`'s row, or ``None`` when the service has
    not heard of this membership yet."""
    if found is None:
        return None
    return REMOVED if found.role is None else Role(found.role)
