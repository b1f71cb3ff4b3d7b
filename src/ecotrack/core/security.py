"""Who is calling: the identity the gateway verified, and what it may do.

The gateway checks the access token or API key, then forwards the verified identity in
``X-EcoTrack-Identity`` with an HMAC-SHA256 signature and timestamp in
``X-EcoTrack-Identity-Signature`` (keyed by ``ECOTRACK_SECRET_KEY``). It strips both
headers from what clients send, so only the gateway can set them; services verify the
signature and refuse anything older than :data:`MAX_IDENTITY_AGE_S`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import Depends, Request
from pydantic import BaseModel, ConfigDict, ValidationError

from ecotrack.core.errors import Forbidden, Unauthorized

IDENTITY_HEADER = "x-ecotrack-identity"
SIGNATURE_HEADER = "x-ecotrack-identity-signature"
MAX_IDENTITY_AGE_S = 60


class Role(StrEnum):
    """Organisation roles, most powerful first."""

    OWNER = "owner"
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"

    @property
    def rank(self) -> int:
        return _ROLE_RANK[self]

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


_ROLE_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2, Role.OWNER: 3}

# The least role a person needs for a scope's action; API keys need the scope itself.
_ACTION_ROLE = {"read": Role.VIEWER, "write": Role.EDITOR, "admin": Role.ADMIN}


class Identity(BaseModel):
    model_config = ConfigDict(frozen=True)

    subject: str
    kind: Literal["user", "api_key"]
    organization_id: str | None = None
    role: Role | None = None
    scopes: tuple[str, ...] = ()
    token_id: str | None = None

    def may(self, scope: str) -> bool:
        """Whether this identity may act with ``scope`` (``resource:action``)."""
        if self.kind == "api_key":
            return scope in self.scopes
        action = scope.rsplit(":", 1)[-1]
        needed = _ACTION_ROLE.get(action, Role.ADMIN)
        return self.role is not None and self.role.at_least(needed)


def _signature(secret: str, payload: str, timestamp: str) -> str:
    message = f"{timestamp}.{payload}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign_identity(identity: Identity, secret: str, now: float | None = None) -> dict[str, str]:
    """The two headers that carry ``identity`` from the gateway to a service."""
    payload = base64.urlsafe_b64encode(identity.model_dump_json().encode()).decode()
    timestamp = str(int(now if now is not None else time.time()))
    signature = _signature(secret, payload, timestamp)
    return {IDENTITY_HEADER: payload, SIGNATURE_HEADER: f"t={timestamp},v1={signature}"}


def verify_identity(
    payload: str | None, signature: str | None, secret: str, now: float | None = None
) -> Identity | None:
    """The identity in the headers, or ``None`` if absent, forged or stale."""
    if not payload or not signature:
        return None
    parts = dict(part.split("=", 1) for part in signature.split(",") if "=" in part)
    timestamp, given = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or not hmac.compare_digest(
        given, _signature(secret, payload, timestamp)
    ):
        return None
    current = now if now is not None else time.time()
    if abs(current - int(timestamp)) > MAX_IDENTITY_AGE_S:
        return None
    try:
        return Identity.model_validate_json(base64.urlsafe_b64decode(payload))
    except (ValidationError, ValueError):
        return None


def _identity_from(request: Request) -> Identity | None:
    secret: str = request.app.state.runtime.settings.secret_key.get_secret_value()
    return verify_identity(
        request.headers.get(IDENTITY_HEADER), request.headers.get(SIGNATURE_HEADER), secret
    )


def optional_identity(request: Request) -> Identity | None:
    return _identity_from(request)


def require_identity(request: Request) -> Identity:
    identity = _identity_from(request)
    if identity is None:
        raise Unauthorized("sign in: send a bearer access token or an API key")
    return identity


CallerDep = Annotated[Identity, Depends(require_identity)]
OptionalCallerDep = Annotated[Identity | None, Depends(optional_identity)]


class Tenant(BaseModel):
    """The organisation a request acts for, and who acts."""

    model_config = ConfigDict(frozen=True)

    organization_id: str
    identity: Identity


def authorize(scope: str) -> Any:
    """A dependency: the caller's organisation, if the caller may act with ``scope``."""

    def dependency(identity: CallerDep) -> Tenant:
        if identity.organization_id is None:
            raise Forbidden(
                "this token is not for an organisation: ask for one with organization_id"
            )
        if not identity.may(scope):
            held = identity.role.value if identity.role else ", ".join(identity.scopes) or "none"
            raise Forbidden(f"'{scope}' is needed; the caller has {held}", required=scope)
        return Tenant(organization_id=identity.organization_id, identity=identity)

    return Depends(dependency)


INTERNAL_HEADER = "x-ecotrack-internal"


def internal_token(secret: str) -> str:
    """Proves a call comes from inside the platform (the gateway), for internal routes."""
    return hmac.new(secret.encode(), b"ecotrack-internal-v1", hashlib.sha256).hexdigest()


def require_internal(request: Request) -> None:
    secret: str = request.app.state.runtime.settings.secret_key.get_secret_value()
    given = request.headers.get(INTERNAL_HEADER, "")
    if not hmac.compare_digest(given, internal_token(secret)):
        raise Forbidden("internal route")
