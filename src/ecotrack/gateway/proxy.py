"""Forwarding a request to the service that owns its path."""

from __future__ import annotations

import httpx
import structlog
from fastapi import Request
from fastapi.responses import Response
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

from ecotrack.core.errors import NotFound, ServiceUnavailable
from ecotrack.core.http import REQUEST_ID_HEADER

# Hop-by-hop headers (RFC 9110 §7.6.1) and ones httpx recomputes.
_DROPPED_REQUEST_HEADERS = frozenset(
    {
        "host",
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "proxy-authorization",
        "proxy-connection",
        "content-length",
    }
)
_DROPPED_RESPONSE_HEADERS = frozenset(
    {
        "connection",
        "keep-alive",
        "transfer-encoding",
        "content-length",
        "content-encoding",
        REQUEST_ID_HEADER,
    }
)


class Upstreams:
    """One HTTP client per service: in-process ASGI under ``ecotrack up``, else a URL."""

    def __init__(self, clients: dict[str, httpx.AsyncClient]) -> None:
        self.clients = clients
        for client in clients.values():
            # Carries the trace context to the service (W3C traceparent header).
            HTTPXClientInstrumentor.instrument_client(client)

    def client_for(self, service: str) -> httpx.AsyncClient:
        client = self.clients.get(service)
        if client is None:
            raise NotFound(f"no service '{service}'", services=sorted(self.clients))
        return client

    async def forward(self, service: str, request: Request) -> Response:
        client = self.client_for(service)
        headers = [
            (name, value)
            for name, value in request.headers.items()
            if name.lower() not in _DROPPED_REQUEST_HEADERS | {REQUEST_ID_HEADER}
        ]
        request_id = structlog.contextvars.get_contextvars().get("request_id")
        if request_id:
            headers.append((REQUEST_ID_HEADER, request_id))
        upstream_request = client.build_request(
            request.method,
            request.url.path,
            params=request.url.query.encode(),
            headers=headers,
            content=await request.body(),
        )
        try:
            upstream = await client.send(upstream_request)
        except httpx.TimeoutException as exc:
            raise ServiceUnavailable(f"{service} did not answer in time", service=service) from exc
        except httpx.TransportError as exc:
            raise ServiceUnavailable(f"{service} is unreachable", service=service) from exc
        return Response(
            content=upstream.content,
            status_code=upstream.status_code,
            headers={
                name: value
                for name, value in upstream.headers.items()
                if name.lower() not in _DROPPED_RESPONSE_HEADERS
            },
        )

    async def readiness(self) -> dict[str, str]:
        checks: dict[str, str] = {}
        for name, client in self.clients.items():
            try:
                response = await client.get("/readyz")
                checks[name] = "ok" if response.status_code == 200 else "not ready"
            except httpx.HTTPError as exc:
                checks[name] = f"unreachable: {type(exc).__name__}"
        return checks

    async def aclose(self) -> None:
        for client in self.clients.values():
            await client.aclose()
