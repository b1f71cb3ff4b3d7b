"""Auth's HTTP routes (mounted under ``/api/v1/auth``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, Response, status

from ecotrack.auth import service, tokens
from ecotrack.auth.schemas import (
    AccountOut,
    ApiKeyCreated,
    ApiKeyIn,
    ApiKeyOut,
    IntrospectIn,
    RefreshTokenIn,
    SignupIn,
    TokenOut,
    TotpCodeIn,
    TotpSetupOut,
)
from ecotrack.core.errors import BadRequest, Forbidden, TooManyRequests, Unauthorized
from ecotrack.core.http import RuntimeDep, SessionDep, client_address
from ecotrack.core.security import CallerDep, Identity, Tenant, authorize, require_internal

router = APIRouter(tags=["auth"])

AdminTenant = Annotated[Tenant, authorize("api_keys:admin")]


@router.post("/signup", status_code=status.HTTP_201_CREATED, response_model=AccountOut)
async def signup(body: SignupIn, session: SessionDep, runtime: RuntimeDep) -> Any:
    """Create an account. Organisations are created afterwards, in Users."""
    return await service.register_account(
        session, runtime.outbox, email=body.email, password=body.password, name=body.name
    )


async def _limit_logins(runtime: RuntimeDep, request: Request, username: str) -> None:
    settings, limiter = runtime.settings, runtime.backends.rate_limiter
    for limit, key in (
        (settings.login_rate_limit_account, service.normalise_email(username)),
        (settings.login_rate_limit_address, client_address(request)),
    ):
        result = await limiter.hit(limit, "login", key)
        if not result.allowed:
            raise TooManyRequests(
                "too many login attempts; try again later", retry_after=result.retry_after_s
            )


@router.post("/token", response_model=TokenOut)
async def token(
    request: Request,
    session: SessionDep,
    runtime: RuntimeDep,
    grant_type: Annotated[str, Form()] = "password",
    username: Annotated[str | None, Form()] = None,
    password: Annotated[str | None, Form()] = None,
    organization_id: Annotated[str | None, Form()] = None,
    totp: Annotated[str | None, Form(description="TOTP code, if enabled")] = None,
    refresh_token: Annotated[str | None, Form()] = None,
) -> Any:
    """OAuth2 token endpoint: the password grant, or the refresh_token grant (rotating)."""
    if grant_type == "refresh_token":
        if not refresh_token:
            raise BadRequest("refresh_token is required for grant_type=refresh_token")
        return await _refresh(runtime, refresh_token)
    if grant_type != "password":
        raise BadRequest(
            f"unsupported grant_type '{grant_type}'", accepted=["password", "refresh_token"]
        )
    if not username or not password:
        raise BadRequest("username and password are required for grant_type=password")
    await _limit_logins(runtime, request, username)
    account = await service.authenticate(session, username, password, totp)
    return await service.issue_tokens(session, runtime.settings, account, organization_id)


async def _refresh(runtime: RuntimeDep, raw: str) -> TokenOut:
    # Its own transaction: a detected reuse must commit the family's revocation even
    # though the request then fails.
    async with runtime.database.session() as session:
        issued = await service.refresh(session, runtime.settings, raw)
    if issued is None:
        raise Unauthorized(
            "this refresh token was already used; every token of its family is now revoked"
        )
    return issued


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshTokenIn, session: SessionDep) -> Response:
    """Revoke the refresh token and every token rotated from the same login."""
    await service.logout(session, body.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/.well-known/jwks.json", tags=["discovery"])
async def jwks(session: SessionDep, runtime: RuntimeDep) -> dict[str, Any]:
    """Public keys that verify access tokens (served at ``/.well-known/jwks.json``)."""
    return {"keys": await tokens.published_keys(session, runtime.settings)}


@router.get("/.well-known/openid-configuration", tags=["discovery"])
async def openid_configuration(runtime: RuntimeDep) -> dict[str, Any]:
    """OpenID Provider metadata (served at ``/.well-known/openid-configuration``)."""
    return tokens.discovery_document(runtime.settings)


@router.post("/api-keys", status_code=status.HTTP_201_CREATED, response_model=ApiKeyCreated)
async def create_api_key(
    body: ApiKeyIn, tenant: AdminTenant, session: SessionDep, runtime: RuntimeDep
) -> Any:
    """Create a scoped API key for a machine; the key is in this answer only."""
    if tenant.identity.kind != "user":
        raise Forbidden("API keys are created by people, not by other API keys")
    api_key, raw = await service.create_api_key(
        session, runtime.outbox, tenant, body.name, list(body.scopes)
    )
    return ApiKeyCreated(**ApiKeyOut.model_validate(api_key).model_dump(), key=raw)


@router.get("/api-keys", response_model=list[ApiKeyOut])
async def list_api_keys(tenant: AdminTenant, session: SessionDep) -> Any:
    return await service.list_api_keys(session, tenant.organization_id)


@router.delete("/api-keys/{api_key_id}", response_model=ApiKeyOut)
async def revoke_api_key(
    api_key_id: str, tenant: AdminTenant, session: SessionDep, runtime: RuntimeDep
) -> Any:
    """Revoke a key at once; the gateway forgets it within its cache time (30 s)."""
    return await service.revoke_api_key(session, runtime.outbox, tenant, api_key_id)


@router.post(
    "/internal/introspect",
    dependencies=[Depends(require_internal)],
    include_in_schema=False,
)
async def introspect(body: IntrospectIn, session: SessionDep) -> dict[str, Any]:
    """For the gateway: the identity behind an API key, or ``active: false``."""
    identity: Identity | None = await service.introspect_api_key(session, body.api_key)
    if identity is None:
        return {"active": False}
    return {"active": True, "identity": identity.model_dump(mode="json")}


@router.post("/totp/setup", response_model=TotpSetupOut)
async def totp_setup(caller: CallerDep, session: SessionDep) -> Any:
    """Start enrolling an authenticator app; confirm with ``/totp/enable``."""
    account = await service.account_of(session, caller)
    secret, uri = service.start_totp(account)
    return TotpSetupOut(secret=secret, otpauth_uri=uri)


@router.post("/totp/enable", status_code=status.HTTP_204_NO_CONTENT)
async def totp_enable(body: TotpCodeIn, caller: CallerDep, session: SessionDep) -> Response:
    service.confirm_totp(await service.account_of(session, caller), body.code, enable=True)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/totp/disable", status_code=status.HTTP_204_NO_CONTENT)
async def totp_disable(body: TotpCodeIn, caller: CallerDep, session: SessionDep) -> Response:
    service.confirm_totp(await service.account_of(session, caller), body.code, enable=False)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
