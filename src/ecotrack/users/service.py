"""Users' domain logic: organisations and their members."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.users import events
from ecotrack.users.models import Membership, Organization, Profile
from ecotrack.users.schemas import Role


async def ensure_profile(session: AsyncSession, user_id: str, email: str, name: str) -> Profile:
    profile = await session.get(Profile, user_id)
    if profile is None:
        profile = Profile(user_id=user_id, email=email, name=name)
        session.add(profile)
    return profile


async def create_organization(
    session: AsyncSession, outbox: Outbox, *, name: str, owner_id: str
) -> Organization:
    """Create a tenant whose creator becomes its owner; both facts are published."""
    organization = Organization(name=name)
    session.add(organization)
    await session.flush()
    session.add(Membership(organization_id=organization.id, user_id=owner_id, role=Role.OWNER))
    await outbox.add(
        session,
        Event.new(
            events.ORGANIZATION_CREATED,
            source=events.SOURCE,
            tenant=organization.id,
            data=events.OrganizationCreated(
                organization_id=organization.id, name=name, created_by=owner_id
            ),
        ),
        Event.new(
            events.MEMBER_ADDED,
            source=events.SOURCE,
            tenant=organization.id,
            data=events.MemberAdded(
                organization_id=organization.id, user_id=owner_id, role=Role.OWNER
            ),
        ),
    )
    return organization


async def organizations_of(session: AsyncSession, user_id: str) -> list[Organization]:
    result = await session.scalars(
        sa.select(Organization)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == user_id, Organization.deleted_at.is_(None))
        .order_by(Organization.created_at)
    )
    return list(result)
