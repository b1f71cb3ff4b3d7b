"""Auth's wire models."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from ecotrack.core.validation import Name, SingleLine

API_KEY_SCOPES = (
    "activities:read",
    "activities:write",
    "readings:write",
    "factors:read",
    "factors:write",
    "reports:read",
)


class SignupIn(BaseModel):
    email: EmailStr
    password: str = Field(min_length=10, max_length=256)
    name: Name = Field(max_length=200)


class SignupAccepted(BaseModel):
    """The same answer whether or not the address already had an account."""

    email: str = Field(description="The address, as it is stored (lower case).")
    detail: str = Field(
        default=(
            "Log in with this address and password. If the address already had an account, "
            "that account is unchanged and only its own password logs in."
        )
    )


class SessionOut(BaseModel):
    """A browser session's answer: the refresh token travels in an HttpOnly cookie."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth2 token type
    expires_in: int
    organization_id: str | None
    role: str | None


class TokenOut(SessionOut):
    refresh_token: str


class SessionIn(BaseModel):
    email: str = Field(min_length=1, max_length=320)
    password: str = Field(min_length=1, max_length=256)
    totp: str | None = Field(default=None, max_length=16, description="TOTP code, if enabled")
    organization_id: str | None = Field(default=None, min_length=1, max_length=100)


class SessionRefreshIn(BaseModel):
    organization_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Issue the new access token for this organisation instead",
    )


class RefreshTokenIn(BaseModel):
    refresh_token: SingleLine = Field(min_length=1, max_length=200)


class ApiKeyIn(BaseModel):
    name: Name = Field(max_length=200)
    scopes: list[Literal[API_KEY_SCOPES]] = Field(min_length=1)  # type: ignore[valid-type]


class ApiKeyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    created_by: str | None
    last_used_at: datetime | None
    revoked_at: datetime | None

    @field_validator("scopes", mode="before")
    @classmethod
    def _split_stored_scopes(cls, value: object) -> object:
        return value.split() if isinstance(value, str) else value


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The key itself: shown once, never stored.")


class IntrospectIn(BaseModel):
    api_key: SingleLine = Field(min_length=1, max_length=200)


class TotpSetupOut(BaseModel):
    secret: str
    otpauth_uri: str


class TotpCodeIn(BaseModel):
    code: str = Field(pattern=r"^\d{6}$")
