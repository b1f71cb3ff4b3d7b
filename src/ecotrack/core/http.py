"""The HTTP shell every service shares: health, metrics, request ids, problems, tracing."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated

import structlog
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ecotrack.core.errors import install_problem_handlers, problem_body, problem_response
from ecotrack.core.runtime import ServiceRuntime
from ecotrack.core.telemetry import HTTP_LATENCY, HTTP_REQUESTS, configure_telemetry

REQUEST_ID_HEADER = "x-request-id"
log = structlog.get_logger("ecotrack.http")

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


class RequestContextMiddleware:
    """Gives every request an id (kept from ``X-Request-ID`` if sent), logs and times it."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        request_id = headers.get(REQUEST_ID_HEADER.encode(), b"").decode() or uuid.uuid4().hex
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"].append((REQUEST_ID_HEADER.encode(), request_id.encode()))
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id, service=self.service):
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                elapsed = time.perf_counter() - started
                method = scope["method"]
                HTTP_REQUESTS.labels(self.service, method, str(status)).inc()
                HTTP_LATENCY.labels(self.service, method).observe(elapsed)
                if scope["path"] not in {"/healthz", "/readyz", "/metrics"}:
                    log.info(
                        "http.request",
                        method=method,
                        path=scope["path"],
                        status=status,
                        duration_ms=round(elapsed * 1000, 2),
                    )


def install_http_basics(
    app: FastAPI, service: str, readiness: Callable[[], Awaitable[dict[str, str]]]
) -> None:
    """Health, readiness, metrics, problem details, request ids and tracing on ``app``."""
    install_problem_handlers(app)

    @app.get("/healthz", tags=["operations"], summary="Liveness: the process answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": service}

    @app.get("/readyz", tags=["operations"], summary="Readiness: dependencies are reachable")
    async def readyz() -> Response:
        checks = await readiness()
        if all(result == "ok" for result in checks.values()):
            return JSONResponse({"status": "ready", "service": service, "checks": checks})
        failing = ", ".join(name for name, result in checks.items() if result != "ok")
        body = problem_body(status=503, detail=f"not ready: {failing}", checks=checks)
        return problem_response(body)

    @app.get("/metrics", tags=["operations"], include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    app.add_middleware(RequestContextMiddleware, service=service)
    app.add_middleware(OpenTelemetryMiddleware, exclude_spans=["receive", "send"])


async def _check(name: str, probe: Probe, checks: dict[str, str]) -> None:
    try:
        await probe()
        checks[name] = "ok"
    except Exception as exc:
        log.warning("readiness.failed", check=name, error=str(exc))
        checks[name] = f"unreachable: {type(exc).__name__}"


Probe = Callable[[], Awaitable[None]]


def readiness_of(probes: dict[str, Probe]) -> Callable[[], Awaitable[dict[str, str]]]:
    """A readiness check that runs each named probe and reports ``ok`` or why not."""

    async def readiness() -> dict[str, str]:
        checks: dict[str, str] = {}
        for name, probe in probes.items():
            await _check(name, probe, checks)
        return checks

    return readiness


def runtime_readiness(runtime: ServiceRuntime) -> Callable[[], Awaitable[dict[str, str]]]:
    return readiness_of(
        {
            "database": runtime.database.ping,
            "events": runtime.backends.transport.ping,
            "cache": runtime.backends.cache.ping,
        }
    )


def create_service_app(runtime: ServiceRuntime, *, lifespan: Lifespan | None = None) -> FastAPI:
    """A service's ASGI app: its routes under ``/api/v1/<name>`` plus the HTTP basics.

    ``lifespan`` is given when the app runs alone (``ecotrack serve``); when the gateway
    hosts every service in one process, the gateway starts and stops the runtimes.
    """
    spec = runtime.spec
    configure_telemetry(runtime.settings, spec.name)
    app = FastAPI(
        title=f"EcoTrack {spec.title}",
        description=spec.description,
        version="0.1.0",
        lifespan=lifespan,
        openapi_url=f"/api/v1/{spec.name}/openapi.json",
        docs_url=f"/api/v1/{spec.name}/docs",
        redoc_url=None,
    )
    app.state.runtime = runtime
    app.include_router(spec.router, prefix=f"/api/v1/{spec.name}")
    install_http_basics(app, spec.name, runtime_readiness(runtime))
    return app


def standalone_lifespan(runtime: ServiceRuntime) -> Lifespan:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await runtime.backends.start()
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()
            await runtime.backends.stop()

    return lifespan


def client_address(request: Request) -> str:
    """The caller's address: the first X-Forwarded-For hop (set by the gateway), else the peer."""
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",", 1)[0].strip()
    return request.client.host if request.client else "unknown"


def get_runtime(request: Request) -> ServiceRuntime:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[ServiceRuntime, Depends(get_runtime)]


async def unit_of_work(runtime: RuntimeDep) -> AsyncIterator[AsyncSession]:
    """One transaction per request: committed when the route returns, else rolled back.

    The relay is woken after the commit so events written in it go out promptly.
    """
    async with runtime.database.session() as session:
        yield session
    runtime.relay.notify()


# "function" scope commits when the route returns, before the response is sent, so a
# failed commit is an error answer rather than a success that did not happen.
SessionDep = Annotated[AsyncSession, Depends(unit_of_work, scope="function")]


async def read_connection(runtime: RuntimeDep) -> AsyncIterator[AsyncConnection]:
    async with runtime.database.reader() as connection:
        yield connection


ReaderDep = Annotated[AsyncConnection, Depends(read_connection, scope="function")]
"""For routes that only read, and want it in one round trip (see ``Database.reader``)."""
