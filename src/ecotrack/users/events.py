"""Events Users publishes (family ``organization`` and ``member``)."""

from __future__ import annotations

from pydantic import BaseModel

from ecotrack.users.schemas import Role

SOURCE = "users"
ORGANIZATION_CREATED = "organization.created"
MEMBER_ADDED = "member.added"


class OrganizationCreated(BaseModel):
    organization_id: str
    name: str
    created_by: str


class MemberAdded(BaseModel):
    organization_id: str
    user_id: str
    role: Role
