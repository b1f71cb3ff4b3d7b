"""API Gateway: the one entry point (routing, token checks, rate limits, circuit breaking)."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.types import ASGIApp

from ecotrack.core.config import Settings
from ecotrack.core.http import Lifespan, install_http_basics
from ecotrack.core.telemetry import configure_telemetry
from ecotrack.gateway.api import router
from ecotrack.gateway.proxy import Upstreams


def create_gateway_app(
    settings: Settings,
    upstreams: Upstreams,
    *,
    web_app: ASGIApp | None = None,
    lifespan: Lifespan | None = None,
) -> FastAPI:
    configure_telemetry(settings, "gateway")
    app = FastAPI(title="EcoTrack", version="0.1.0", lifespan=lifespan)
    app.state.upstreams = upstreams
    app.include_router(router)
    install_http_basics(app, "gateway", upstreams.readiness)
    if web_app is not None:
        app.mount("/", web_app)
    return app


__all__ = ["Upstreams", "create_gateway_app"]
