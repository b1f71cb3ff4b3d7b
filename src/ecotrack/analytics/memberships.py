"""Analytics' view of memberships, from Users' member events, and the role check it backs.

A person's access token states the role they held when it was issued, up to an
access-token lifetime ago. Analytics consumes ``member.added``, ``member.role_changed`` and
``member.removed`` (group ``analytics.memberships``) into its own ``memberships`` table, and
:func:`authorize` refuses a person it knows as removed and holds one whose role went down
to the lower role, once the event has arrived. A membership not heard of yet is taken as
the token states it (see ``core.security.authorize_current``). API keys are not checked
here: Auth revokes them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.analytics.models import Membership
from ecotrack.core.events import Event
from ecotrack.core.http import ReaderDep
from ecotrack.core.runtime import EventSubscription
from ecotrack.core.security import (
    REMOVED,
    CallerDep,
    CurrentRole,
    Role,
    authorize_current,
)

GROUP = "analytics.memberships"
FAMILIES = ("member",)
_ROLE_EVENTS = frozenset({"member.added", "member.role_changed"})
_REMOVED = "member.removed"


async def apply(session: AsyncSession, event: Event) -> None:
    """Record the membership as the event leaves it; the last event of a pair wins.

    Users' events of one organisation arrive in order (they are keyed by it), and the
    consumer skips ids it has applied, so redelivery changes nothing.
    """
    if event.type != _REMOVED and event.type not in _ROLE_EVENTS:
        return
    organization_id, user_id = event.data.get("organization_id"), event.data.get("user_id")
    if not organization_id or not user_id:
        return
    role = None if event.type == _REMOVED else Role(event.data["role"]).value
    row = await session.get(Membership, (organization_id, user_id))
    if row is None:
        session.add(
            Membership(
                organization_id=organization_id, user_id=user_id, role=role, changed_at=event.time
            )
        )
        # a later event of the same batch for the same person finds this row
        await session.flush()
        return
    row.role = role
    row.changed_at = event.time


subscription = EventSubscription(group=GROUP, families=FAMILIES, handler=apply)


async def current_role(identity: CallerDep, reader: ReaderDep) -> CurrentRole:
    """What Analytics has heard of the caller in their token's organisation (a person only;
    ``None`` for API keys and unheard-of memberships), on the request's read connection:
    one round trip, and the dashboard's reads share that connection."""
    if identity.kind != "user" or identity.organization_id is None:
        return None
    found = (
        await reader.execute(
            sa.select(Membership.role).where(
                Membership.organization_id == identity.organization_id,
                Membership.user_id == identity.subject,
            )
        )
    ).one_or_none()
    if found is None:
        return None
    return REMOVED if found.role is None else Role(found.role)


def authorize(scope: str) -> Any:
    """``core.security.authorize``, with a person's role checked against Analytics' view."""
    return authorize_current(scope, current_role)
