"""Auth's HTTP routes (mounted under ``/api/v1/auth``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, Response, status

from ecotrack.auth import passwords, service, tokens
from ecotrack.auth.schemas import (
    ApiKeyCreated,
    ApiKeyIn,
    ApiKeyOut,
    IntrospectIn,
    RefreshTokenIn,
    SessionIn,
    SessionOut,
    SessionRefreshIn,
    SignupAccepted,
    SignupIn,
    TokenOut,
    TotpCodeIn,
    TotpSetupOut,
)
from ecotrack.auth.session import (
    CsrfCookie,
    CsrfHeader,
    RefreshCookie,
    check_csrf,
    clear_session_cookies,
    set_session_cookies,
)
from ecotrack.core.actor import ActorDep
from ecotrack.core.errors import (
    BadRequest,
    Forbidden,
    Problem,
    TooManyRequests,
    Unauthorized,
    problem_response,
)
from ecotrack.core.http import RuntimeDep, SessionDep, client_address
from ecotrack.core.security import CallerDep, Identity, Tenant, authorize, require_internal

router = APIRouter(tags=["auth"])

AdminTenant = Annotated[Tenant, authorize("api_keys:admin")]


@router.post("/signup", status_code=status.HTTP_202_ACCEPTED, response_model=SignupAccepted)
async def signup(body: SignupIn, session: SessionDep, runtime: RuntimeDep) -> Any:
    """Create an account; organisations are created afterwards, in Users.

    The answer is the same whether or not the address already has an account (which
    is then left as it is), so it does not tell who has one. A password that is easy to
    guess (zxcvbn's score below 3) is refused with 422.
    """
    passwords.check(body.password, email=body.email, name=body.name)
    await service.sign_up(
        session, runtime.outbox, email=body.email, password=body.password, name=body.name
    )
    return SignupAccepted(email=service.normalise_email(body.email))


async def _limit_logins(runtime: RuntimeDep, request: Request, username: str) -> None:
    settings, limiter = runtime.settings, runtime.backends.rate_limiter
    for limit, key in (
        (settings.login_rate_limit_account, service.normalise_email(username)),
        (settings.login_rate_limit_address, client_address(request)),
    ):
        # Strict: never more than the limit of guesses in any window.
        result = await limiter.hit(limit, "login", key, strict=True)
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
    """OAuth2 token endpoint: the password grant, or the refresh_token grant (rotating).

    Either grant takes ``organization_id``: the access token is then for that
    organisation (``403`` unless a member), so switching needs no password.
    """
    if grant_type == "refresh_token":
        if not refresh_token:
            raise BadRequest("refresh_token is required for grant_type=refresh_token")
        return await _refresh(runtime, refresh_token, organization_id)
    if grant_type != "password":
        raise BadRequest(
            f"unsupported grant_type '{grant_type}'", accepted=["password", "refresh_token"]
        )
    if not username or not password:
        raise BadRequest("username and password are required for grant_type=password")
    await _limit_logins(runtime, request, username)
    account = await service.authenticate(session, username, password, totp)
    return await service.issue_tokens(session, runtime.settings, account, organization_id)


async def _refresh(runtime: RuntimeDep, raw: str, organization_id: str | None) -> TokenOut:
    # Its own transaction: a detected reuse must commit the family's revocation even
    # though the request then fails.
    async with runtime.database.session() as session:
        issued = await service.refresh(session, runtime.settings, raw, organization_id)
    if issued is None:
        raise Unauthorized(
            "this refresh token was already used; every token of its family is now revoked"
        )
    return issued


# Browser sessions: the refresh token in an HttpOnly cookie (see ecotrack.auth.session).


def _session_answer(
    request: Request, response: Response, runtime: RuntimeDep, issued: TokenOut
) -> SessionOut:
    set_session_cookies(
        response, request, issued.refresh_token, max_age=runtime.settings.refresh_token_ttl_s
    )
    response.headers["Cache-Control"] = "no-store"
    return SessionOut.model_validate(issued.model_dump(exclude={"refresh_token"}))


def _refused(request: Request, problem: Problem) -> Response:
    """The problem, answered with both cookies cleared: the session is over."""
    answer = problem_response(problem.to_dict(instance=request.url.path), problem.headers)
    clear_session_cookies(answer, request)
    return answer


@router.post("/session", response_model=SessionOut)
async def open_session(
    body: SessionIn,
    request: Request,
    response: Response,
    session: SessionDep,
    runtime: RuntimeDep,
) -> Any:
    """Log a browser in: the access token in the answer, the refresh token in a cookie."""
    await _limit_logins(runtime, request, body.email)
    account = await service.authenticate(session, body.email, body.password, body.totp)
    issued = await service.issue_tokens(session, runtime.settings, account, body.organization_id)
    return _session_answer(request, response, runtime, issued)


@router.post("/session/refresh", response_model=SessionOut)
async def refresh_session(
    request: Request,
    response: Response,
    runtime: RuntimeDep,
    refresh_cookie: RefreshCookie = None,
    csrf_cookie: CsrfCookie = None,
    csrf_header: CsrfHeader = None,
    body: SessionRefreshIn | None = None,
) -> Any:
    """Rotate the refresh cookie; ``organization_id`` switches organisation."""
    if not refresh_cookie:
        return _refused(request, Unauthorized("no session: log in first"))
    check_csrf(csrf_cookie, csrf_header)
    try:
        issued = await _refresh(runtime, refresh_cookie, body.organization_id if body else None)
    except Unauthorized as refusal:
        return _refused(request, refusal)
    return _session_answer(request, response, runtime, issued)


@router.delete("/session", status_code=status.HTTP_204_NO_CONTENT)
async def close_session(
    request: Request,
    session: SessionDep,
    refresh_cookie: RefreshCookie = None,
    csrf_cookie: CsrfCookie = None,
    csrf_header: CsrfHeader = None,
) -> Response:
    """Log a browser out: revoke the refresh token's family and clear both cookies."""
    if refresh_cookie:
        check_csrf(csrf_cookie, csrf_header)
        await service.logout(session, refresh_cookie)
    answer = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(answer, request)
    return answer


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
    body: ApiKeyIn, tenant: AdminTenant, session: SessionDep, runtime: RuntimeDep, actor: ActorDep
) -> Any:
    """Create a scoped API key for a machine; the key is in this answer only."""
    if tenant.identity.kind != "user":
        raise Forbidden("API keys are created by people, not by other API keys")
    api_key, raw = await service.create_api_key(
        session, runtime.outbox, tenant, body.name, list(body.scopes), actor=actor
    )
    return ApiKeyCreated(**ApiKeyOut.model_validate(api_key).model_dump(), key=raw)


@router.get("/api-keys", response_model=list[ApiKeyOut])
async def list_api_keys(tenant: AdminTenant, session: SessionDep) -> Any:
    return await service.list_api_keys(session, tenant.organization_id)


@router.delete("/api-keys/{api_key_id}", response_model=ApiKeyOut)
async def revoke_api_key(
    api_key_id: str,
    tenant: AdminTenant,
    session: SessionDep,
    runtime: RuntimeDep,
    actor: ActorDep,
) -> Any:
    """Revoke a key at once; the gateway forgets it within its cache time (30 s)."""
    return await service.revoke_api_key(session, runtime.outbox, tenant, api_key_id, actor=actor)


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
