"""The HTTP shell every service shares: health, metrics, request ids, problems, tracing.

Also the two guards every app (each service and the gateway) puts in front of its routes:
request bodies are counted as they arrive and refused past ``ECOTRACK_MAX_REQUEST_BYTES``
(:class:`BodyLimitMiddleware`), and the client's address is the socket's peer unless a
trusted proxy or the gateway's signature says otherwise (:class:`ClientAddressMiddleware`).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, Any, Final, cast

import structlog
import uvicorn
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from opentelemetry import trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import IPvAnyNetwork
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from ecotrack.core.config import Settings
from ecotrack.core.errors import (
    PayloadTooLarge,
    install_problem_handlers,
    problem_body,
    problem_response,
)
from ecotrack.core.runtime import ServiceRuntime
from ecotrack.core.telemetry import (
    HTTP_IN_FLIGHT,
    HTTP_LATENCY,
    HTTP_PROBES,
    HTTP_REQUESTS,
    configure_telemetry,
)

REQUEST_ID_HEADER = "x-request-id"
FORWARDED_FOR_HEADER = "x-forwarded-for"
# The gateway's HMAC over the X-Forwarded-For it sends a service (see sign_forwarded_for).
FORWARDED_SIGNATURE_HEADER = "x-ecotrack-forwarded-signature"
MAX_FORWARDED_AGE_S = 60
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
        method = scope["method"] if scope["method"] in KNOWN_METHODS else "OTHER"
        status = 500
        route: str | None = None  # known once the answer starts: routing is done by then
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status, route
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"].append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                route = route_template(scope)
                _name_server_span(method, route)
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id, service=self.service):
            if scope["path"] in PROBE_PATHS:
                try:
                    await self.app(scope, receive, send_with_id)
                finally:
                    HTTP_PROBES.labels(self.service, scope["path"], str(status)).inc()
                return
            in_flight = HTTP_IN_FLIGHT.labels(self.service)
            in_flight.inc()
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                in_flight.dec()
                elapsed = time.perf_counter() - started
                answered = route or route_template(scope)
                HTTP_REQUESTS.labels(self.service, answered, method, str(status)).inc()
                HTTP_LATENCY.labels(self.service, answered, method, f"{status // 100}xx").observe(
                    elapsed
                )
                log.info(
                    "http.request",
                    method=scope["method"],
                    path=scope["path"],
                    status=status,
                    duration_ms=round(elapsed * 1000, 2),
                )


def _name_server_span(method: str, route: str) -> None:
    """Name the request's server span by its route template, as it answers.

    The span was named when the request arrived, before routing, after its raw path (ids
    and all); routing has happened once the answer starts, and the span ends with the
    answer's last byte, so this is the moment (OpenTelemetry's HTTP conventions).
    """
    span = trace.get_current_span()
    span.update_name(f"{method} {route}")
    span.set_attribute("http.route", route)


PROBE_PATHS: Final = frozenset({"/healthz", "/readyz", "/metrics"})
KNOWN_METHODS: Final = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED: Final = "(unmatched)"


def route_template(scope: Scope) -> str:
    """The template of the route that answered (``/api/v1/carbon/meters/{meter_id}``), or
    ``(unmatched)`` for a path that no route took.

    The router leaves the route in the scope; a route of a router included under a prefix
    knows only its own part of the path, so the prefix is read off the front of the path,
    where the rest matches the route (our prefixes are static).
    """
    route = scope.get("route")
    template = getattr(route, "path_format", None)
    pattern = getattr(route, "path_regex", None)
    if not isinstance(template, str) or not isinstance(pattern, re.Pattern):
        return UNMATCHED
    path: str = scope["path"]
    for at, character in enumerate(path):
        if character == "/" and pattern.match(path[at:]):
            return path[:at] + template
    return template


class RequestBodyTooLarge(StarletteHTTPException):
    """Raised from ``receive`` once a body passes the limit; answered as a 413 problem.

    An ``HTTPException`` so that FastAPI's body parsing passes it on unchanged (it turns
    other errors met while reading a body into a 400).
    """

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(status_code=413, detail=_too_large(limit_bytes))
        self.limit_bytes = limit_bytes


def _too_large(limit_bytes: int) -> str:
    return f"the request body is larger than the limit of {limit_bytes} bytes"


class BodyLimitMiddleware:
    """Refuse a request body past ``max_bytes``, counting the bytes actually received.

    A declared ``Content-Length`` over the limit is answered at once, unread. Otherwise
    ``receive`` counts what arrives (chunked bodies too) and raises
    :class:`RequestBodyTooLarge` as soon as the count passes the limit, so no more than
    the limit and one chunk is ever read; the server discards the rest. Starlette's own
    ``RequestBodyLimitMiddleware`` is not used because it answers in plain text and
    replaces any answer to a request whose declared length is over the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            body = PayloadTooLarge(_too_large(self.max_bytes), limit_bytes=self.max_bytes).to_dict(
                instance=scope["path"]
            )
            await problem_response(body)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestBodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted, send)


async def _on_body_too_large(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestBodyTooLarge)
    problem = PayloadTooLarge(str(exc.detail), limit_bytes=exc.limit_bytes)
    return problem_response(problem.to_dict(instance=request.url.path))


def _forwarded_signature(secret: str, address: str, timestamp: str) -> str:
    message = f"ecotrack-forwarded-v1.{timestamp}.{address}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign_forwarded_for(address: str, secret: str, now: float | None = None) -> dict[str, str]:
    """The headers by which the gateway tells a service who its client is."""
    timestamp = str(int(now if now is not None else time.time()))
    signature = _forwarded_signature(secret, address, timestamp)
    return {
        FORWARDED_FOR_HEADER: address,
        FORWARDED_SIGNATURE_HEADER: f"t={timestamp},v1={signature}",
    }


def verify_forwarded_for(
    address: str | None, signature: str | None, secret: str, now: float | None = None
) -> str | None:
    """The address the gateway signed, or ``None`` if absent, forged or stale."""
    if not address or not signature:
        return None
    parts = dict(part.split("=", 1) for part in signature.split(",") if "=" in part)
    timestamp, given = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or not hmac.compare_digest(
        given, _forwarded_signature(secret, address, timestamp)
    ):
        return None
    current = now if now is not None else time.time()
    if abs(current - int(timestamp)) > MAX_FORWARDED_AGE_S:
        return None
    return address


_PEER_KEY = "ecotrack.peer"


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class ClientAddressMiddleware:
    """Sets the ASGI ``client`` to the caller's address, trusting only who may say it.

    - A service behind the gateway (``gateway_secret`` given) takes the address the
      gateway signed (:func:`sign_forwarded_for`): in-process its peer is the ASGI
      transport, in Kubernetes a gateway pod or its sidecar.
    - Otherwise ``X-Forwarded-For`` counts only when the peer is one of
      ``trusted_proxies``, and then the client is the rightmost address in the chain
      that is not a trusted proxy (uvicorn's ``ProxyHeadersMiddleware``, which also takes
      ``X-Forwarded-Proto``). With no trusted proxies, the peer is the client.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        trusted_proxies: Sequence[IPvAnyNetwork] = (),
        gateway_secret: Callable[[], str] | None = None,
    ) -> None:
        self.app = app
        self.gateway_secret = gateway_secret
        self.proxies: ASGIApp | None = None
        if trusted_proxies:
            # uvicorn types ASGI apps its own way; it is the same protocol.
            self.proxies = cast(
                ASGIApp,
                ProxyHeadersMiddleware(
                    cast(Any, self._checked),
                    trusted_hosts=[str(network) for network in trusted_proxies],
                ),
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if self.gateway_secret is not None:
            headers = Headers(scope=scope)
            signed = verify_forwarded_for(
                headers.get(FORWARDED_FOR_HEADER),
                headers.get(FORWARDED_SIGNATURE_HEADER),
                self.gateway_secret(),
            )
            if signed is not None:
                scope["client"] = (signed, 0)
                await self.app(scope, receive, send)
                return
        if self.proxies is None:
            await self.app(scope, receive, send)
            return
        scope[_PEER_KEY] = scope.get("client")
        await self.proxies(scope, receive, send)

    async def _checked(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A trusted proxy passes on what it was sent to the left of its own entry; if the
        # chosen entry is no address at all, the peer is the better answer.
        client = scope.get("client")
        if client and not _is_address(str(client[0])):
            scope["client"] = scope[_PEER_KEY]
        await self.app(scope, receive, send)


def install_http_basics(
    app: FastAPI,
    service: str,
    readiness: Callable[[], Awaitable[dict[str, str]]],
    settings: Settings | None = None,
    *,
    behind_gateway: bool = True,
) -> None:
    """Health, readiness, metrics, problem details, request ids and tracing on ``app``.

    With ``settings``, also the body limit and the client's address (see the module's
    docstring); ``behind_gateway`` is false for the gateway itself, whose clients cannot
    sign their address.
    """
    install_problem_handlers(app)
    app.add_exception_handler(RequestBodyTooLarge, _on_body_too_large)

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

    if settings is not None:

        def secret() -> str:  # read when needed, as the identity check does
            return settings.secret_key.get_secret_value()

        app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)
        app.add_middleware(
            ClientAddressMiddleware,
            trusted_proxies=settings.trusted_proxies,
            gateway_secret=secret if behind_gateway else None,
        )
    app.add_middleware(RequestContextMiddleware, service=service)
    app.add_middleware(OpenTelemetryMiddleware, exclude_spans=["receive", "send"])


def server_config(app: ASGIApp, settings: Settings, port: int, **options: Any) -> uvicorn.Config:
    """How ``ecotrack up`` and ``ecotrack serve`` run an app under uvicorn.

    uvicorn's own proxy-header handling is off: by default it believes X-Forwarded-For
    from 127.0.0.1, and the apps decide whom to believe themselves
    (``ECOTRACK_TRUSTED_PROXIES``, :class:`ClientAddressMiddleware`). A request still
    running ``ECOTRACK_SHUTDOWN_GRACE_S`` after the server was told to stop is cancelled,
    so a client that never finishes (a stalled upload, a stream left open) cannot keep
    the shutdown from reaching the services' own.
    """
    chosen: dict[str, Any] = {
        "host": settings.host,
        "log_config": None,
        "lifespan": "on",
        "timeout_graceful_shutdown": settings.shutdown_grace_s,
        # uvicorn's default, 5 s, is httpx's own expiry: a request sent on a connection
        # the server closes at that moment fails (a ReadError, or a 503 at the gateway).
        "timeout_keep_alive": settings.keep_alive_s,
        # llhttp's C parser, not h11's pure-Python one; a dependency, so always there.
        "http": "httptools",
    }
    return uvicorn.Config(app, port=port, **(chosen | options), proxy_headers=False)


def server_loop() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The event loop servers run on: uvloop's (libuv) where it is installed, which is
    everywhere but Windows; else asyncio's own (``None``)."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


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
    install_http_basics(app, spec.name, runtime_readiness(runtime), runtime.settings)
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
    """The caller's address, as :class:`ClientAddressMiddleware` established it.

    Never a header a client chose: X-Forwarded-For counts only from a trusted proxy (at
    the gateway) or when the gateway signed it (at a service).
    """
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
