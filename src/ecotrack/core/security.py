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
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from fastapi import Depends, Request
from pydantic import BaseModel, ConfigDict, ValidationError

from ecotrack.core.errors import Forbidden, Unauthorized
from ecotrack.core.telemetry import bind_tenant

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


# Async, although they wait on nothing: FastAPI runs a plain function in a worker thread,
# in a copy of the request's context, and the tenant bound for its logs would stay there.
async def optional_identity(request: Request) -> Identity | None:
    identity = _identity_from(request)
    if identity is not None:
        bind_tenant(identity.organization_id)
    return identity


async def require_identity(request: Request) -> Identity:
    identity = await optional_identity(request)
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


def _tenant(identity: Identity, scope: str) -> Tenant:
    if identity.organization_id is None:
        raise Forbidden("this token is not for an organisation: ask for one with organization_id")
    if not identity.may(scope):
        held = identity.role.value if identity.role else ", ".join(identity.scopes) or "none"
        raise Forbidden(f"'{scope}' is needed; the caller has {held}", required=scope)
    return Tenant(organization_id=identity.organization_id, identity=identity)


def authorize(scope: str) -> Any:
    """A dependency: the caller's organisation, if the caller may act with ``scope``."""

    def dependency(identity: CallerDep) -> Tenant:
        return _tenant(identity, scope)

    return Depends(dependency)


# A person's token states the role held when it was issued (up to an access-token lifetime
# ago). A service that keeps its own view of memberships, built from Users' member events,
# also checks the role held now.

REMOVED: Final = "removed"

CurrentRole = Role | Literal["removed"] | None
"""What a service has heard of one person in one organisation: the role held now,
``"removed"``, or ``None`` when it has heard nothing of that membership yet."""

CurrentRoleDependency = Callable[..., Awaitable[CurrentRole]]
"""A service's FastAPI dependency: what its own membership view holds of the caller (the
person and the organisation of their token), read in the request's session or connection."""


def lower_role(first: Role, second: Role) -> Role:
    return first if first.rank <= second.rank else second


def authorize_current(scope: str, current_role: CurrentRoleDependency) -> Any:
    """:func:`authorize`, with a person's role taken as the lower of the token's and now's.

    ``current_role`` reads the calling service's own membership view. A person it knows
    as removed is refused (403); one whose role is now lower than the token says acts
    with the lower role; a membership it has not heard of yet (the events are on their
    way) is taken as the token states it, as Auth issued it from the same events. API
    keys are not memberships: Auth revokes them, and they pass as :func:`authorize` says.
    """

    # ``now``'s dependency is this call's argument, so it is a default rather than in an
    # Annotated hint: the hints are strings here, resolved against the module's globals.
    heard = Depends(current_role)

    async def dependency(identity: CallerDep, now: CurrentRole = heard) -> Tenant:
        tenant = _tenant(identity, scope)
        if identity.kind != "user" or identity.role is None or now is None:
            return tenant
        if now == REMOVED:
            raise Forbidden(
                "you are no longer a member of this organisation", reason="membership-removed"
            )
        role = lower_role(identity.role, Role(now))
        if role == identity.role:
            return tenant
        lowered = identity.model_copy(update={"role": role})
        if not lowered.may(scope):
            raise Forbidden(
                f"'{scope}' is needed; your role here is now {role.value}",
                required=scope,
                reason="role-lowered",
            )
        return Tenant(organization_id=tenant.organization_id, identity=lowered)

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
