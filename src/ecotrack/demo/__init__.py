"""Demo: the web app people use, Swagger UI at /docs, and a live data simulator.

The gateway mounts this app under every path that is not one of its own routes or
under /api/, /internal/ or /.well-known/; it serves the single-page app built from web/
into ``dist/`` (see :mod:`ecotrack.demo.api`).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from ecotrack.core.errors import install_problem_handlers
from ecotrack.demo.api import packaged_dist, router


def create_demo_app(dist: Path | None = None) -> FastAPI:
    """The web app's host; ``dist`` defaults to the package's built ``dist`` folder."""
    app = FastAPI(title="EcoTrack web app", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.dist = dist if dist is not None else packaged_dist()
    install_problem_handlers(app)
    app.include_router(router)
    return app


__all__ = ["create_demo_app", "packaged_dist"]
