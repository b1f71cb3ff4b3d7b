"""Carbon's view of memberships (group ``carbon.memberships``; see ``core.memberships``)
and the role check it backs: :func:`authorize`."""

from __future__ import annotations

from typing import Any

from ecotrack.carbon.models import MembershipRow
from ecotrack.core.http import SessionDep
from ecotrack.core.memberships import (
    MEMBER_FAMILIES,
    checks_membership,
    current_role_from,
    membership_projection,
    role_lookup,
)
from ecotrack.core.runtime import EventSubscription
from ecotrack.core.security import CallerDep, CurrentRole, authorize_current

GROUP = "carbon.memberships"

subscription = EventSubscription(
    group=GROUP, families=MEMBER_FAMILIES, handler=membership_projection(MembershipRow)
)


async def current_role(identity: CallerDep, session: SessionDep) -> CurrentRole:
    """What Carbon has heard of the caller in their token's organisation, in the request's
    own transaction (a person only; ``None`` for API keys and unheard-of memberships)."""
    if not checks_membership(identity):
        return None
    found = await session.execute(role_lookup(MembershipRow, identity))
    return current_role_from(found.one_or_none())


def authorize(scope: str) -> Any:
    """``core.security.authorize``, with a person's role checked against Carbon's view."""
    return authorize_current(scope, current_role)
