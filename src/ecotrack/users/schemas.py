"""Users' wire models."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from ecotrack.core import validation
from ecotrack.core.deletion import SubjectKind
from ecotrack.core.security import Role

# Surrounding blanks are stripped first, so a name of only spaces is refused as empty; a
# control character (NUL, BEL, an escape sequence) is refused (core/validation.py).
Name = Annotated[validation.Name, Field(max_length=200)]

T = TypeVar("T")


class Input(BaseModel):
    """What clients send: an unknown field is refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid")


class OrganizationCreate(Input):
    name: Name


class OrganizationOut(BaseModel):
    id: str
    name: str
    created_at: datetime
    role: Role = Field(description="The caller's role in this organisation")


class ProfileOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    user_id: str
    email: str
    name: str
    created_at: datetime


class ProfileUpdate(Input):
    name: Name


class MemberOut(BaseModel):
    user_id: str
    role: Role
    joined_at: datetime
    name: str | None = Field(description="None until the person's profile reaches Users")
    email: str | None


class RoleChange(Input):
    role: Role


class InvitationCreate(Input):
    email: EmailStr
    role: Role


InvitationStatus = Literal["pending", "accepted", "revoked", "expired"]


class InvitationOut(BaseModel):
    id: str
    organization_id: str
    email: str
    role: Role
    status: InvitationStatus
    invited_by: str
    created_at: datetime
    expires_at: datetime


class InvitationIssued(InvitationOut):
    token: str = Field(description="Shown once: send it to the invitee; only its hash is kept")


class InvitationAccept(Input):
    token: validation.SingleLine = Field(min_length=1, max_length=200)


AuditAction = Literal[
    # written by Users with the change
    "organization.created",
    "member.added",
    "member.role_changed",
    "member.removed",
    "invitation.created",
    "invitation.revoked",
    "audit_log.exported",
    # reported by the other services' events (docs/events.md)
    "api_key.created",
    "api_key.revoked",
    "private_factor.created",
    "private_factor.deleted",
    "instrument.created",
    "instrument.deleted",
    "period.closed",
    "recalculation.applied",
    "webhook.created",
    "webhook.deleted",
    "report.exported",
]
AuditObjectType = Literal[
    "organization",
    "member",
    "invitation",
    "audit_log",
    "api_key",
    "private_factor",
    "instrument",
    "period",
    "recalculation",
    "webhook",
    "report",
]
ActorKind = Literal["user", "api_key"]


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    actor_id: str = Field(description="Who acted: a person's or an API key's id")
    action: AuditAction
    subject_id: str | None = Field(description="The member or invitation acted on")
    role: Role | None = Field(description="The role given (added, changed to, invited as)")
    previous_role: Role | None
    client_address: str | None = Field(description="Where the request came from")
    # Added with the one audit trail; defaults keep them optional for older clients.
    actor_kind: ActorKind | None = Field(
        default=None, description="Whether the actor is a person or an API key (None: unknown)"
    )
    object_type: AuditObjectType | None = Field(
        default=None, description="What kind of object was acted on (set on every entry)"
    )
    object_id: str | None = Field(default=None, description="The object acted on")
    detail: str | None = Field(
        default=None, description="The object in a few words (a name, a year...)"
    )


class Page(BaseModel, Generic[T]):
    """A page of a list; pass ``next_cursor`` as ``cursor`` to get the next one."""

    items: list[T]
    next_cursor: str | None = Field(description="None on the last page")


class DeletionStepOut(BaseModel):
    service: str
    status: Literal["pending", "confirmed"]
    attempts: int = Field(description="How many times the service has been asked")
    last_requested_at: datetime
    confirmed_at: datetime | None


class DeletionOut(BaseModel):
    id: str
    subject_kind: SubjectKind
    subject_id: str
    status: Literal["pending", "completed"]
    requested_by: str
    requested_at: datetime
    completed_at: datetime | None
    steps: list[DeletionStepOut]
