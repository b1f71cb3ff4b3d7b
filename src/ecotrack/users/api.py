"""Users' HTTP routes (mounted under ``/api/v1/users``).

Users is for people: every route wants a signed-in person (API keys are refused), and
routes under ``/organizations/{organization_id}`` also want a token for that very
organisation, answering 404 otherwise so no route confirms another tenant exists.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from ecotrack.core.errors import Forbidden, NotFound, UnprocessableContent
from ecotrack.core.http import RuntimeDep, SessionDep, client_address
from ecotrack.core.security import CallerDep, Identity, Tenant, authorize
from ecotrack.users import audit, deletion, service
from ecotrack.users.pagination import DEFAULT_LIMIT, MAX_LIMIT
from ecotrack.users.schemas import (
    AuditAction,
    AuditEntryOut,
    DeletionOut,
    InvitationAccept,
    InvitationCreate,
    InvitationIssued,
    InvitationOut,
    MemberOut,
    OrganizationCreate,
    OrganizationOut,
    Page,
    ProfileOut,
    ProfileUpdate,
    RoleChange,
)

router = APIRouter(tags=["users"])

READ, ADMIN = "users:read", "users:admin"


def _person(identity: CallerDep) -> Identity:
    if identity.kind != "user":
        raise Forbidden("memberships are managed by people; API keys cannot use Users")
    return identity


PersonDep = Annotated[Identity, Depends(_person)]


def _actor(request: Request, person: PersonDep) -> service.Actor:
    return service.Actor(person.subject, client_address(request))


ActorDep = Annotated[service.Actor, Depends(_actor)]


def _token_for(organization_id: str, person: PersonDep) -> Identity:
    if person.organization_id != organization_id:
        raise NotFound(f"no organisation {organization_id}")
    return person


SameOrganization = Annotated[Identity, Depends(_token_for)]


def organization_access(scope: str, *, lock: bool = False) -> Any:
    """A dependency: the caller's :class:`service.Access` to the path's organisation.

    FastAPI resolves sub-dependencies in parameter order, so a token for another
    organisation is turned away (404) before ``authorize`` can answer 403.
    """
    by_token = authorize(scope)

    async def dependency(
        request: Request,
        organization_id: str,
        _same: SameOrganization,
        session: SessionDep,
        tenant: Tenant = by_token,
    ) -> service.Access:
        return await service.access_for(
            session, tenant.identity, organization_id, scope, client_address(request), lock=lock
        )

    return Depends(dependency)


MemberAccess = Annotated[service.Access, organization_access(READ)]
AdminAccess = Annotated[service.Access, organization_access(ADMIN)]
# Membership changes keep an invariant across rows (an owner remains): one at a time.
LockedMemberAccess = Annotated[service.Access, organization_access(READ, lock=True)]
LockedAdminAccess = Annotated[service.Access, organization_access(ADMIN, lock=True)]
AdminToken = Annotated[Tenant, authorize(ADMIN)]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]


# Profiles ------------------------------------------------------------------------------


@router.get("/me", summary="Your profile")
async def get_me(session: SessionDep, person: PersonDep) -> ProfileOut:
    return ProfileOut.model_validate(await service.active_profile(session, person.subject))


@router.patch("/me", summary="Change your display name")
async def update_me(session: SessionDep, person: PersonDep, change: ProfileUpdate) -> ProfileOut:
    return ProfileOut.model_validate(await service.rename(session, person.subject, change.name))


@router.delete(
    "/me", status_code=status.HTTP_202_ACCEPTED, summary="Delete yourself (a deletion saga)"
)
async def delete_me(session: SessionDep, runtime: RuntimeDep, actor: ActorDep) -> DeletionOut:
    return await deletion.request_user_deletion(session, runtime.outbox, actor)


@router.get("/me/deletion", summary="Progress of your deletion")
async def my_deletion(session: SessionDep, person: PersonDep) -> DeletionOut:
    return await deletion.deletion_status(session, "user", person.subject)


# Organisations -------------------------------------------------------------------------


@router.post(
    "/organizations",
    status_code=status.HTTP_201_CREATED,
    summary="Create an organisation; you become its owner",
)
async def create_organization(
    session: SessionDep, runtime: RuntimeDep, actor: ActorDep, body: OrganizationCreate
) -> OrganizationOut:
    return await service.create_organization(
        session, runtime.outbox, name=body.name, owner_id=actor.user_id, address=actor.address
    )


@router.get("/organizations", summary="Your organisations, to pick one per token")
async def my_organizations(session: SessionDep, person: PersonDep) -> list[OrganizationOut]:
    return await service.organizations_of(session, person.subject)


@router.get("/organizations/{organization_id}", summary="One of your organisations")
async def get_organization(access: MemberAccess) -> OrganizationOut:
    return service.organization_out(access.organization, access.role)


@router.delete(
    "/organizations/{organization_id}",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Delete the organisation (owners; a deletion saga)",
)
async def delete_organization(
    session: SessionDep,
    runtime: RuntimeDep,
    access: LockedAdminAccess,
) -> DeletionOut:
    return await deletion.request_organization_deletion(session, runtime.outbox, access)


@router.get(
    "/organizations/{organization_id}/deletion",
    summary="Progress of the organisation's deletion (admins)",
)
async def organization_deletion(
    organization_id: str,
    session: SessionDep,
    same: SameOrganization,
    _tenant: AdminToken,
) -> DeletionOut:
    return await deletion.organization_deletion_status(session, organization_id, same.subject)


# Members -------------------------------------------------------------------------------


@router.get("/organizations/{organization_id}/members", summary="Members, a page at a time")
async def list_members(
    session: SessionDep,
    access: MemberAccess,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[MemberOut]:
    return await service.list_members(session, access.organization.id, limit=limit, cursor=cursor)


@router.patch(
    "/organizations/{organization_id}/members/{user_id}", summary="Change a member's role"
)
async def change_role(
    user_id: str,
    change: RoleChange,
    session: SessionDep,
    runtime: RuntimeDep,
    access: LockedAdminAccess,
) -> MemberOut:
    return await service.change_role(session, runtime.outbox, access, user_id, change.role)


@router.delete(
    "/organizations/{organization_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a member (admins), or leave (yourself)",
)
async def remove_member(
    user_id: str,
    session: SessionDep,
    runtime: RuntimeDep,
    access: LockedMemberAccess,
) -> Response:
    await service.remove_member(session, runtime.outbox, access, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# Invitations ---------------------------------------------------------------------------


@router.post(
    "/organizations/{organization_id}/invitations",
    status_code=status.HTTP_201_CREATED,
    summary="Invite someone by email; the token is shown once",
)
async def invite(
    body: InvitationCreate,
    session: SessionDep,
    access: AdminAccess,
) -> InvitationIssued:
    return await service.invite(session, access, str(body.email), body.role)


@router.get(
    "/organizations/{organization_id}/invitations",
    summary="Invitations not yet accepted or revoked",
)
async def list_invitations(session: SessionDep, access: AdminAccess) -> list[InvitationOut]:
    return await service.list_invitations(session, access.organization.id)


@router.delete(
    "/organizations/{organization_id}/invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revoke an invitation",
)
async def revoke_invitation(
    invitation_id: str,
    session: SessionDep,
    access: AdminAccess,
) -> Response:
    await service.revoke_invitation(session, access, invitation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/invitations/accept", summary="Accept an invitation sent to your email")
async def accept_invitation(
    body: InvitationAccept, session: SessionDep, runtime: RuntimeDep, actor: ActorDep
) -> OrganizationOut:
    return await service.accept_invitation(session, runtime.outbox, actor, body.token)


# Audit log -----------------------------------------------------------------------------


@router.get(
    "/organizations/{organization_id}/audit-log",
    summary="Who did what in the organisation, newest first, filtered; or as CSV (admins)",
    response_model=Page[AuditEntryOut],
    description=(
        "A page of entries as JSON; with `format=csv`, every matching entry as a `text/csv`"
        " attachment (docs/api.md, The audit log)."
    ),
)
async def audit_log(
    session: SessionDep,
    runtime: RuntimeDep,
    access: AdminAccess,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    action: Annotated[
        list[AuditAction] | None, Query(description="Only these actions (repeat for more)")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=64, description="Only this person's or API key's acts")
    ] = None,
    start: Annotated[
        datetime | None,
        Query(alias="from", description="From this time, inclusive (ISO 8601; UTC if no offset)"),
    ] = None,
    end: Annotated[
        datetime | None,
        Query(alias="to", description="Until this time, exclusive (ISO 8601; UTC if no offset)"),
    ] = None,
    format: Annotated[
        Literal["json", "csv"],
        Query(description="csv: every matching entry as a file (limit and cursor ignored)"),
    ] = "json",
) -> Page[AuditEntryOut] | Response:
    filters = audit.AuditFilters(actions=action, actor=actor, start=start, end=end)
    if start is not None and end is not None and audit.utc(end) <= audit.utc(start):
        raise UnprocessableContent("'to' must be later than 'from'")
    organization_id = access.organization.id
    if format == "json":
        return await audit.audit_log(session, organization_id, filters, limit=limit, cursor=cursor)
    # Exporting the trail is itself on the trail; it commits before the file is read.
    service.audit(session, organization_id, access.actor, "audit_log.exported")
    return StreamingResponse(
        audit.export_csv(runtime.database, organization_id, filters),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="audit-log-{organization_id}.csv"'},
    )
