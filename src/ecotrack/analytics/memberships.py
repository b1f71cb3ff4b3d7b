"""Analytics's view of memberships (group ``analytics.memberships``; see ``core.memberships``)
and the role check it backs: :func:`authorize`."""

from __future__ import annotations

from typing import Any

from ecotrack.analytics.models import Membership
from ecotrack.core.http import ReaderDep
from ecotrack.core.memberships import (
    MEMBER_FAMILIES,
    checks_membership,
    current_role_from,
    membership_projection,
    role_lookup,
)
from ecotrack.core.runtime import EventSubscription
from ecotrack.core.security import CallerDep, CurrentRole, authorize_current

GROUP = "analytics.memberships"

subscription = EventSubscription(
    group=GROUP, families=MEMBER_FAMILIES, handler=membership_projection(Membership)
)


async def current_role(identity: CallerDep, reader: ReaderDep) -> CurrentRole:
    """What Analytics has heard of the caller in their token's organisation (a person only;
    ``None`` for API keys and unheard-of memberships), on the request's read connection:
    one round trip, and the dashboard's reads share that connection."""
    if not checks_membership(identity):
        return None
    found = await reader.execute(role_lookup(Membership, identity))
    return current_role_from(found.one_or_none())


def authorize(scope: str) -> Any:
    """``core.security.authorize``, with a person's role checked against Analytics' view."""
    return authorize_current(scope, current_role)
