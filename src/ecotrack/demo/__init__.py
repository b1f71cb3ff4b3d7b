"""Demo: the web dashboard people look at, and a live data simulator."""

from __future__ import annotations

from fastapi import FastAPI

from ecotrack.demo.api import router


def create_demo_app() -> FastAPI:
    app = FastAPI(title="EcoTrack demo", docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(router)
    return app


__all__ = ["create_demo_app"]
