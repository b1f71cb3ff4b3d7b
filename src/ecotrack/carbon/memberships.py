"""Carbon's view of memberships, from Users' member events, and the role check it backs.

A person's access token states the role they held when it was issued, up to an
access-token lifetime ago. Carbon consumes ``member.added``, ``member.role_changed`` and
``member.removed`` (group ``carbon.memberships``) into its own ``memberships`` table, and
:func:`authorize` refuses a person it knows as removed and holds one whose role went down
to the lower role, once the event has arrived. A membership not heard of yet is taken as
the token states it (see ``core.security.authorize_current``). API keys are not checked
here: Auth revokes them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.carbon.models import MembershipRow
from ecotrack.core.events import Event
from ecotrack.core.http import SessionDep
from ecotrack.core.runtime import EventSubscription
from ecotrack.core.security import (
    REMOVED,
    CallerDep,
    CurrentRole,
    Role,
    authorize_current,
)

GROUP = "carbon.memberships"
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
    row = await session.get(MembershipRow, (organization_id, user_id))
    if row is None:
        session.add(
            MembershipRow(
                organization_id=organization_id, user_id=user_id, role=role, changed_at=event.time
            )
        )
        # a later event of the same batch for the same person finds this row
        await session.flush()
        return
    row.role = role
    row.changed_at = event.time


subscription = EventSubscription(group=GROUP, families=FAMILIES, handler=apply)


async def current_role(identity: CallerDep, session: SessionDep) -> CurrentRole:
    """What Carbon has heard of the caller in their token's organisation, in the request's
    own transaction (a person only; ``None`` for API keys and unheard-of memberships)."""
    if identity.kind != "user" or identity.organization_id is None:
        return None
    row = await session.get(MembershipRow, (identity.organization_id, identity.subject))
    if row is None:
        return None
    return REMOVED if row.role is None else Role(row.role)


def authorize(scope: str) -> Any:
    """``core.security.authorize``, with a person's role checked against Carbon's view."""
    return authorize_current(scope, current_role)
