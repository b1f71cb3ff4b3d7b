"""Users' domain logic: profiles, organisations, members, invitations and the audit log.

Every function joins the caller's unit of work and writes its events to the outbox in
it, so a change, its audit entry and its events commit or roll back together.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
import structlog
from prometheus_client import REGISTRY, Gauge
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.core.errors import Conflict, Forbidden, NotFound, Problem
from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.models import utcnow
from ecotrack.core.runtime import ServiceRuntime
from ecotrack.core.security import Identity, Role
from ecotrack.users import events
from ecotrack.users.models import (
    AuditEntry,
    DeletionSaga,
    Invitation,
    Membership,
    Organization,
    Profile,
)
from ecotrack.users.pagination import decode_cursor, page_of
from ecotrack.users.schemas import (
    AuditAction,
    InvitationIssued,
    InvitationOut,
    InvitationStatus,
    MemberOut,
    OrganizationOut,
    Page,
)

log = structlog.get_logger(__name__)

INVITATION_TTL = timedelta(days=7)
ACCOUNT_REGISTERED = "account.registered"

# A business metric (docs/operations.md, "Business metrics"): the table counted every
# ORGANIZATIONS_EVERY_S by a background job, so every replica reports the same committed
# count (however many replicas created or deleted organisations) and a restart starts right.
# Every process imports every service, so the job registers it: only a process running
# Users exports it, rather than every other one exporting a 0.
ORGANIZATIONS = Gauge(
    "ecotrack_organizations",
    "Organisations that exist (created, not deleted), counted in the database every 15 s; "
    "each Users replica reports the same count (aggregate with max, not sum)",
    registry=None,
)
ORGANIZATIONS_EVERY_S = 15.0
_organizations_exported = False


class LastOwner(Conflict):
    """Every organisation keeps at least one owner, or nobody could administer it."""

    slug = "last-owner"


class InvitationUnusable(Problem):
    """The invitation was used, revoked or has expired: gone for good, hence 410."""

    status = 410
    slug = "invitation-unusable"


@dataclass(frozen=True)
class Actor:
    """The person making a request, and the address it came from (for the audit log)."""

    user_id: str
    address: str | None = None


@dataclass(frozen=True)
class Access:
    """A person acting in an organisation with the role Users records for them now.

    That role, not the copy in the caller's token, decides: a token outlives a demotion
    by up to its lifetime, and Users is where roles live.
    """

    organization: Organization
    actor: Actor
    role: Role

    def check_owner_rule(self, *roles: Role) -> None:
        """Only an owner may give the owner role or change an owner's membership."""
        if Role.OWNER in roles and self.role is not Role.OWNER:
            raise Forbidden("only an owner may grant the owner role or change an owner")


async def publish(
    session: AsyncSession, outbox: Outbox, type_: str, tenant: str | None, payload: BaseModel
) -> None:
    await outbox.add(session, Event.new(type_, source=events.SOURCE, tenant=tenant, data=payload))


def audit(
    session: AsyncSession,
    organization_id: str,
    actor: Actor,
    action: AuditAction,
    *,
    subject_id: str | None = None,
    role: Role | None = None,
    previous_role: Role | None = None,
) -> None:
    object_type, _ = action.split(".", 1)
    session.add(
        AuditEntry(
            organization_id=organization_id,
            at=utcnow(),
            actor_id=actor.user_id,
            actor_kind="user",
            action=action,
            object_type=object_type,
            object_id=organization_id if subject_id is None else subject_id,
            subject_id=subject_id,
            role=role,
            previous_role=previous_role,
            client_address=actor.address,
        )
    )


# Profiles ------------------------------------------------------------------------------


class _AccountRegistered(BaseModel):
    """Auth's ``account.registered`` payload as Users reads it (services share no code)."""

    user_id: str
    email: str
    name: str


async def apply_account_event(session: AsyncSession, event: Event) -> None:
    """Consumer of Auth's ``account`` family: each new account gets a profile here."""
    if event.type != ACCOUNT_REGISTERED:
        return
    account = _AccountRegistered.model_validate(event.data)
    await ensure_profile(session, account.user_id, account.email, account.name)


async def ensure_profile(session: AsyncSession, user_id: str, email: str, name: str) -> Profile:
    profile = await session.get(Profile, user_id)
    if profile is None:
        profile = Profile(user_id=user_id, email=email.strip().lower(), name=name)
        session.add(profile)
    return profile


async def active_profile(session: AsyncSession, user_id: str) -> Profile:
    profile = await session.get(Profile, user_id)
    if profile is None:
        raise NotFound("your profile has not reached Users yet; it follows registration shortly")
    if profile.deleted_at is not None:
        raise NotFound("this person's deletion has been requested")
    return profile


async def rename(session: AsyncSession, user_id: str, name: str) -> Profile:
    profile = await active_profile(session, user_id)
    profile.name = name
    return profile


async def _check_not_being_deleted(session: AsyncSession, user_id: str) -> None:
    saga_id = await session.scalar(
        sa.select(DeletionSaga.id).where(
            DeletionSaga.subject_kind == "user", DeletionSaga.subject_id == user_id
        )
    )
    if saga_id is not None:
        raise Conflict("your deletion has been requested", saga_id=saga_id)


# Organisations -------------------------------------------------------------------------


def organization_out(organization: Organization, role: Role) -> OrganizationOut:
    return OrganizationOut(
        id=organization.id, name=organization.name, created_at=organization.created_at, role=role
    )


async def create_organization(
    session: AsyncSession,
    outbox: Outbox,
    *,
    name: str,
    owner_id: str,
    address: str | None = None,
) -> OrganizationOut:
    """Create a tenant whose creator becomes its owner; both facts are published."""
    await _check_not_being_deleted(session, owner_id)
    organization = Organization(name=name)
    session.add(organization)
    await session.flush()
    session.add(Membership(organization_id=organization.id, user_id=owner_id, role=Role.OWNER))
    actor = Actor(owner_id, address)
    audit(session, organization.id, actor, "organization.created")
    audit(session, organization.id, actor, "member.added", subject_id=owner_id, role=Role.OWNER)
    await publish(
        session,
        outbox,
        events.ORGANIZATION_CREATED,
        organization.id,
        events.OrganizationCreated(organization_id=organization.id, name=name, created_by=owner_id),
    )
    await publish(
        session,
        outbox,
        events.MEMBER_ADDED,
        organization.id,
        events.MemberAdded(
            organization_id=organization.id, user_id=owner_id, role=Role.OWNER, added_by=owner_id
        ),
    )
    await session.flush()
    return organization_out(organization, Role.OWNER)


async def organizations_of(session: AsyncSession, user_id: str) -> list[OrganizationOut]:
    """The organisations a person belongs to, oldest first, with their role in each."""
    rows = await session.execute(
        sa.select(Organization, Membership.role)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == user_id, Organization.deleted_at.is_(None))
        .order_by(Organization.created_at)
    )
    return [organization_out(organization, Role(role)) for organization, role in rows]


async def access_for(
    session: AsyncSession,
    identity: Identity,
    organization_id: str,
    scope: str,
    address: str | None,
    *,
    lock: bool = False,
) -> Access:
    """The caller's standing in a live organisation they belong to, checked for ``scope``.

    Anything else is "not found": no answer tells a stranger an organisation exists.
    ``lock`` holds the organisation's row to the end of the unit of work, so changes
    that must keep an invariant across its members (an owner remains) run one at a time.
    """
    query = sa.select(Organization).where(
        Organization.id == organization_id, Organization.deleted_at.is_(None)
    )
    if lock:
        query = query.with_for_update()
    organization = await session.scalar(query)
    membership = (
        await session.get(Membership, (organization_id, identity.subject))
        if organization is not None
        else None
    )
    if organization is None or membership is None:
        raise NotFound(f"no organisation {organization_id}")
    role = Role(membership.role)
    if not identity.model_copy(update={"role": role}).may(scope):
        raise Forbidden(f"'{scope}' is needed; your role here is {role}", required=scope)
    return Access(organization, Actor(identity.subject, address), role)


# Members -------------------------------------------------------------------------------


class _MemberKey(BaseModel):
    joined_at: datetime
    user_id: str


def _member_out(membership: Membership, profile: Profile | None) -> MemberOut:
    return MemberOut(
        user_id=membership.user_id,
        role=Role(membership.role),
        joined_at=membership.created_at,
        name=profile.name if profile else None,
        email=profile.email if profile else None,
    )


async def list_members(
    session: AsyncSession, organization_id: str, *, limit: int, cursor: str | None
) -> Page[MemberOut]:
    """Members in the order they joined."""
    after = decode_cursor(cursor, _MemberKey)
    query = (
        sa.select(Membership, Profile)
        .outerjoin(Profile, Profile.user_id == Membership.user_id)
        .where(Membership.organization_id == organization_id)
        .order_by(Membership.created_at, Membership.user_id)
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(
            sa.tuple_(Membership.created_at, Membership.user_id) > (after.joined_at, after.user_id)
        )
    rows = (await session.execute(query)).all()
    shown, next_cursor = page_of(
        rows, limit, lambda row: _MemberKey(joined_at=row[0].created_at, user_id=row[0].user_id)
    )
    return Page[MemberOut](
        items=[_member_out(membership, profile) for membership, profile in shown],
        next_cursor=next_cursor,
    )


async def _membership(session: AsyncSession, organization_id: str, user_id: str) -> Membership:
    membership = await session.get(Membership, (organization_id, user_id))
    if membership is None:
        raise NotFound(f"{user_id} is not a member of this organisation")
    return membership


async def _check_another_owner(
    session: AsyncSession, organization: Organization, user_id: str
) -> None:
    others = await session.scalar(
        sa.select(sa.func.count()).where(
            Membership.organization_id == organization.id,
            Membership.role == Role.OWNER,
            Membership.user_id != user_id,
        )
    )
    if not others:
        raise LastOwner(
            f"{user_id} is the last owner of '{organization.name}'; make another member "
            "owner first",
            organization_id=organization.id,
        )


async def change_role(
    session: AsyncSession, outbox: Outbox, access: Access, user_id: str, role: Role
) -> MemberOut:
    organization = access.organization
    membership = await _membership(session, organization.id, user_id)
    previous = Role(membership.role)
    if role is not previous:
        access.check_owner_rule(previous, role)
        if previous is Role.OWNER:
            await _check_another_owner(session, organization, user_id)
        membership.role = role
        audit(
            session,
            organization.id,
            access.actor,
            "member.role_changed",
            subject_id=user_id,
            role=role,
            previous_role=previous,
        )
        await publish(
            session,
            outbox,
            events.MEMBER_ROLE_CHANGED,
            organization.id,
            events.MemberRoleChanged(
                organization_id=organization.id,
                user_id=user_id,
                role=role,
                previous_role=previous,
                changed_by=access.actor.user_id,
            ),
        )
    return _member_out(membership, await session.get(Profile, user_id))


async def remove_member(
    session: AsyncSession, outbox: Outbox, access: Access, user_id: str
) -> None:
    """Remove someone (admins and owners), or leave (anyone); an owner always remains."""
    leaving = user_id == access.actor.user_id
    if not leaving and not access.role.at_least(Role.ADMIN):
        raise Forbidden("only an admin or an owner may remove someone else; anyone may leave")
    membership = await _membership(session, access.organization.id, user_id)
    role = Role(membership.role)
    if not leaving:
        access.check_owner_rule(role)
    if role is Role.OWNER:
        await _check_another_owner(session, access.organization, user_id)
    await drop_membership(session, outbox, membership, access.actor)


async def drop_membership(
    session: AsyncSession, outbox: Outbox, membership: Membership, actor: Actor
) -> None:
    """Delete a membership, audited and published; the caller has checked the rules."""
    role = Role(membership.role)
    await session.delete(membership)
    audit(
        session,
        membership.organization_id,
        actor,
        "member.removed",
        subject_id=membership.user_id,
        previous_role=role,
    )
    await publish(
        session,
        outbox,
        events.MEMBER_REMOVED,
        membership.organization_id,
        events.MemberRemoved(
            organization_id=membership.organization_id,
            user_id=membership.user_id,
            role=role,
            removed_by=actor.user_id,
        ),
    )


# Invitations ---------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _status(invitation: Invitation, now: datetime) -> InvitationStatus:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "revoked"
    return "expired" if invitation.expires_at <= now else "pending"


def _invitation_out(invitation: Invitation, now: datetime) -> InvitationOut:
    return InvitationOut(
        id=invitation.id,
        organization_id=invitation.organization_id,
        email=invitation.email,
        role=Role(invitation.role),
        status=_status(invitation, now),
        invited_by=invitation.invited_by,
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
    )


def _open(organization_id: str) -> sa.ColumnElement[bool]:
    """Invitations neither accepted nor revoked (expired ones included)."""
    return sa.and_(
        Invitation.organization_id == organization_id,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
    )


async def invite(session: AsyncSession, access: Access, email: str, role: Role) -> InvitationIssued:
    access.check_owner_rule(role)
    organization_id, email, now = access.organization.id, email.strip().lower(), utcnow()
    member_id = await session.scalar(
        sa.select(Membership.user_id)
        .join(Profile, Profile.user_id == Membership.user_id)
        .where(Membership.organization_id == organization_id, Profile.email == email)
    )
    if member_id is not None:
        raise Conflict(f"{email} is already a member", user_id=member_id)
    pending_id = await session.scalar(
        sa.select(Invitation.id).where(
            _open(organization_id), Invitation.email == email, Invitation.expires_at > now
        )
    )
    if pending_id is not None:
        raise Conflict(
            f"{email} already has a pending invitation; revoke it to send another",
            invitation_id=pending_id,
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organization_id=organization_id,
        email=email,
        role=role,
        token_hash=_token_hash(token),
        invited_by=access.actor.user_id,
        created_at=now,
        expires_at=now + INVITATION_TTL,
    )
    session.add(invitation)
    await session.flush()
    audit(
        session,
        organization_id,
        access.actor,
        "invitation.created",
        subject_id=invitation.id,
        role=role,
    )
    return InvitationIssued(**_invitation_out(invitation, now).model_dump(), token=token)


async def list_invitations(session: AsyncSession, organization_id: str) -> list[InvitationOut]:
    """Invitations not yet accepted or revoked, newest first, expired ones marked so."""
    now = utcnow()
    result = await session.scalars(
        sa.select(Invitation).where(_open(organization_id)).order_by(Invitation.created_at.desc())
    )
    return [_invitation_out(invitation, now) for invitation in result]


async def revoke_invitation(session: AsyncSession, access: Access, invitation_id: str) -> None:
    """Revoke an invitation; revoking one already revoked changes nothing."""
    invitation = await session.get(Invitation, invitation_id)
    if invitation is None or invitation.organization_id != access.organization.id:
        raise NotFound(f"no invitation {invitation_id}")
    if invitation.accepted_at is not None:
        raise Conflict("this invitation has been accepted; remove the member instead")
    if invitation.revoked_at is None:
        invitation.revoked_at = utcnow()
        audit(
            session,
            access.organization.id,
            access.actor,
            "invitation.revoked",
            subject_id=invitation.id,
            role=Role(invitation.role),
        )


_UNUSABLE = {
    "accepted": "this invitation has already been used",
    "revoked": "this invitation has been revoked; ask for a new one",
    "expired": "this invitation has expired; ask for a new one",
}


async def accept_invitation(
    session: AsyncSession, outbox: Outbox, actor: Actor, token: str
) -> OrganizationOut:
    """Join the invitation's organisation with its role; the token then stops working."""
    # The row lock makes two simultaneous redemptions of one token take turns, so the
    # second sees the first's acceptance: single use holds under concurrency.
    invitation = await session.scalar(
        sa.select(Invitation).where(Invitation.token_hash == _token_hash(token)).with_for_update()
    )
    organization = (
        await session.get(Organization, invitation.organization_id) if invitation else None
    )
    if invitation is None or organization is None or organization.deleted_at is not None:
        raise NotFound("no invitation has this token")
    now = utcnow()
    status = _status(invitation, now)
    if status != "pending":
        raise InvitationUnusable(_UNUSABLE[status], reason=status)
    profile = await active_profile(session, actor.user_id)
    if profile.email != invitation.email:
        raise Forbidden("this invitation was sent to another email address")
    if await session.get(Membership, (organization.id, actor.user_id)) is not None:
        raise Conflict("you are already a member of this organisation")
    role = Role(invitation.role)
    invitation.accepted_at, invitation.accepted_by = now, actor.user_id
    session.add(Membership(organization_id=organization.id, user_id=actor.user_id, role=role))
    audit(session, organization.id, actor, "member.added", subject_id=actor.user_id, role=role)
    await publish(
        session,
        outbox,
        events.MEMBER_ADDED,
        organization.id,
        events.MemberAdded(
            organization_id=organization.id,
            user_id=actor.user_id,
            role=role,
            added_by=invitation.invited_by,
            invitation_id=invitation.id,
        ),
    )
    await session.flush()
    return organization_out(organization, role)


async def count_organizations(runtime: ServiceRuntime) -> None:
    """Background job: set ORGANIZATIONS from the table now and every ORGANIZATIONS_EVERY_S."""
    global _organizations_exported  # noqa: PLW0603 - process-wide, registered once
    if not _organizations_exported:
        REGISTRY.register(ORGANIZATIONS)
        _organizations_exported = True
    while True:
        try:
            async with runtime.database.session() as session:
                count = await session.scalar(
                    sa.select(sa.func.count())
                    .select_from(Organization)
                    .where(Organization.deleted_at.is_(None))
                )
        except Exception:
            log.exception("users.count_organizations_failed")  # the gauge keeps its last value
        else:
            ORGANIZATIONS.set(count or 0)
        await asyncio.sleep(ORGANIZATIONS_EVERY_S)
