"""API Gateway: the one entry point (routing, token checks, rate limits, circuit breaking)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp

from ecotrack.core.http import Lifespan, install_http_basics, readiness_of
from ecotrack.core.runtime import Backends
from ecotrack.core.telemetry import configure_telemetry
from ecotrack.gateway.api import router
from ecotrack.gateway.authn import Authenticator
from ecotrack.gateway.middleware import NormalisedPathMiddleware, SecurityHeadersMiddleware
from ecotrack.gateway.proxy import Upstreams
from ecotrack.gateway.state import GatewayState


def create_gateway_app(
    backends: Backends,
    upstreams: Upstreams,
    *,
    web_app: ASGIApp | None = None,
    lifespan: Lifespan | None = None,
) -> FastAPI:
    settings = backends.settings
    configure_telemetry(settings, "gateway")
    app = FastAPI(
        title="EcoTrack",
        version="0.1.0",
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.state.gateway = GatewayState(
        settings=settings,
        upstreams=upstreams,
        authenticator=Authenticator(settings, backends.cache, upstreams.client_for("auth")),
        rate_limiter=backends.rate_limiter,
    )
    app.include_router(router)
    # Innermost: routes, the internal-route block and forwarding all see one normalised
    # path (decoded once, dot segments resolved); a path naming nothing is a 404 here.
    app.add_middleware(NormalisedPathMiddleware)
    # Ready when the gateway itself can work; one failing service must not take the
    # front door out of rotation (its circuit answers 503 for it). /status shows all.
    # Its clients' bodies are counted as they arrive (ECOTRACK_MAX_REQUEST_BYTES), and its
    # clients' addresses come from the socket or a trusted proxy (ECOTRACK_TRUSTED_PROXIES).
    install_http_basics(
        app,
        "gateway",
        readiness_of({"cache": backends.cache.ping}),
        settings,
        behind_gateway=False,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=[
            "Authorization",
            "Content-Type",
            "Idempotency-Key",
            "X-API-Key",
            "X-Request-ID",
        ],
        expose_headers=[
            "X-Request-ID",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
        ],
        max_age=600,
    )
    app.add_middleware(SecurityHeadersMiddleware, https=settings.public_url.startswith("https://"))
    if web_app is not None:
        # Last, so it gets only what no route above took: the gateway's own routes and
        # every path under /api/, /internal/ and /.well-known/ (a 404 problem when
        # unknown) stay here; the web app answers the rest, /docs included.
        app.mount("/", web_app)
    return app


__all__ = ["Upstreams", "create_gateway_app"]
