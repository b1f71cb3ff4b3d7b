"""The gateway's routes: every public API path, checked, limited and forwarded."""

from __future__ import annotations

from urllib.parse import quote

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from ecotrack.core.errors import NotFound, TooManyRequests
from ecotrack.core.http import (
    FORWARDED_SIGNATURE_HEADER,
    REQUEST_ID_HEADER,
    client_address,
    sign_forwarded_for,
)
from ecotrack.core.security import (
    IDENTITY_HEADER,
    INTERNAL_HEADER,
    SIGNATURE_HEADER,
    Identity,
    sign_identity,
)
from ecotrack.core.telemetry import bind_tenant
from ecotrack.gateway.openapi import merged_openapi
from ecotrack.gateway.state import GatewayState

router = APIRouter()
_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

# Never forwarded from the client: identity is ours to assert; credentials stop here.
# Content-Length passes: the body streams through as declared (the body-limit middleware
# has refused a declaration over the limit, and counts what arrives).
_CLIENT_HEADERS_DROPPED = frozenset(
    {
        "host",
        "authorization",
        "x-api-key",
        "x-forwarded-for",
        FORWARDED_SIGNATURE_HEADER,
        IDENTITY_HEADER,
        SIGNATURE_HEADER,
        INTERNAL_HEADER,
        REQUEST_ID_HEADER,
    }
)


def _state(request: Request) -> GatewayState:
    state: GatewayState = request.app.state.gateway
    return state


# The path here is already normalised (NormalisedPathMiddleware): decoded once, dot
# segments resolved, so the internal-route block below sees what the service would.
@router.api_route("/api/v1/{service}/{path:path}", methods=_METHODS, include_in_schema=False)
async def forward(service: str, path: str, request: Request) -> Response:
    if path.split("/", 1)[0] == "internal":
        raise NotFound("no such route")
    # Forwarded percent-encoded, so the service decodes the same segments once.
    return await _forward(_state(request), service, request, request.scope["raw_path"].decode())


@router.get("/.well-known/{document}", include_in_schema=False)
async def well_known(document: str, request: Request) -> Response:
    """Discovery documents are Auth's; the issuer is the gateway's public URL."""
    path = f"/api/v1/auth/.well-known/{quote(document, safe='')}"
    return await _forward(_state(request), "auth", request, path)


async def _forward(state: GatewayState, service: str, request: Request, path: str) -> Response:
    identity = await state.authenticator.identify(request)
    if identity is not None:
        bind_tenant(identity.organization_id)
    limits = await _apply_rate_limits(state, request, identity)
    headers = [
        (name, value)
        for name, value in request.headers.items()
        if name.lower() not in _CLIENT_HEADERS_DROPPED
    ]
    # The address this gateway established (the peer, or per ECOTRACK_TRUSTED_PROXIES),
    # signed so that the service believes it and nothing a client sends.
    secret = state.settings.secret_key.get_secret_value()
    headers.extend(sign_forwarded_for(client_address(request), secret).items())
    request_id = structlog.contextvars.get_contextvars().get("request_id")
    if request_id:
        headers.append((REQUEST_ID_HEADER, request_id))
    if identity is not None:
        headers.extend(sign_identity(identity, secret).items())
    response = await state.upstreams.forward(service, request, path, headers)
    response.headers.update(limits)
    return response


async def _apply_rate_limits(
    state: GatewayState, request: Request, identity: Identity | None
) -> dict[str, str]:
    """Count the request per client address and per organisation; the tighter one shows."""
    settings, limiter = state.settings, state.rate_limiter
    checks = [(settings.rate_limit_address, "address", client_address(request))]
    if identity is not None and identity.organization_id:
        checks.append((settings.rate_limit_organization, "organization", identity.organization_id))
    tightest = None
    for limit, scope, key in checks:
        result = await limiter.hit(limit, "gateway", scope, key)
        if not result.allowed:
            raise TooManyRequests(
                f"rate limit of {limit} per {scope} exceeded",
                retry_after=result.retry_after_s,
                limit_scope=scope,
            )
        if tightest is None or result.remaining < tightest.remaining:
            tightest = result
    assert tightest is not None
    return {
        "X-RateLimit-Limit": str(tightest.limit),
        "X-RateLimit-Remaining": str(tightest.remaining),
        "X-RateLimit-Reset": str(int(tightest.reset_at)),
    }


@router.get("/status", include_in_schema=False)
async def platform_status(request: Request) -> dict[str, dict[str, str]]:
    """Every service's readiness, for people and dashboards (always 200)."""
    return {"services": await _state(request).upstreams.readiness()}


@router.get("/openapi.json", include_in_schema=False)
async def openapi(request: Request) -> JSONResponse:
    state = _state(request)
    if state.openapi is None:
        state.openapi = await merged_openapi(state.upstreams)
    return JSONResponse(state.openapi)


# Below every real route: what is left under the API prefixes is a 404 problem here,
# never the web app's index.html (everything else falls through to the web app).
@router.api_route("/api", methods=_METHODS, include_in_schema=False)
@router.api_route("/api/{path:path}", methods=_METHODS, include_in_schema=False)
@router.api_route("/internal", methods=_METHODS, include_in_schema=False)
@router.api_route("/internal/{path:path}", methods=_METHODS, include_in_schema=False)
@router.api_route("/.well-known", methods=_METHODS, include_in_schema=False)
@router.api_route("/.well-known/{path:path}", methods=_METHODS, include_in_schema=False)
async def no_such_api_route(request: Request) -> Response:
    raise NotFound(
        f"no route {request.url.path}; the APIs are under /api/v1/<service>/",
        services=sorted(_state(request).upstreams.clients),
    )
