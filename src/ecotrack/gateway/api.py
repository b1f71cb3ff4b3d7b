"""The gateway's routes: every public API path, forwarded to the service that owns it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ecotrack.gateway.proxy import Upstreams

router = APIRouter()
_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


@router.api_route("/api/v1/{service}/{path:path}", methods=_METHODS, include_in_schema=False)
async def forward(service: str, path: str, request: Request) -> Response:
    upstreams: Upstreams = request.app.state.upstreams
    return await upstreams.forward(service, request)
