"""Events Users publishes (families ``organization``, ``member`` and ``user``).

Payloads are self-contained: a consumer (Auth building tokens, Analytics building read
models) never has to call back to learn who, which organisation or which role.
Organisation events are keyed by the organisation; ``user.deleted`` has no tenant.
"""

from __future__ import annotations

from pydantic import BaseModel

from ecotrack.core.security import Role

SOURCE = "users"
ORGANIZATION_CREATED = "organization.created"
ORGANIZATION_DELETED = "organization.deleted"
MEMBER_ADDED = "member.added"
MEMBER_ROLE_CHANGED = "member.role_changed"
MEMBER_REMOVED = "member.removed"
USER_DELETED = "user.deleted"


class OrganizationCreated(BaseModel):
    organization_id: str
    name: str
    created_by: str


class OrganizationDeleted(BaseModel):
    """Every service has erased the organisation's data; only a tombstone id remains."""

    organization_id: str
    saga_id: str
    requested_by: str


class MemberAdded(BaseModel):
    organization_id: str
    user_id: str
    role: Role
    added_by: str
    invitation_id: str | None = None


class MemberRoleChanged(BaseModel):
    organization_id: str
    user_id: str
    role: Role
    previous_role: Role
    changed_by: str


class MemberRemoved(BaseModel):
    organization_id: str
    user_id: str
    role: Role  # the role held until removal
    removed_by: str


class UserDeleted(BaseModel):
    """Every service has erased or anonymised what it held about the person."""

    user_id: str
    saga_id: str
