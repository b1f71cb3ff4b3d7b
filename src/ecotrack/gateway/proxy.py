"""Forwarding a request to the service that owns its path, with a breaker per upstream.

Bodies stream through in both directions: the request's as it arrives (counted against
``ECOTRACK_MAX_REQUEST_BYTES`` by the body-limit middleware as it is read), the answer's
as the upstream sends it, so the gateway holds a chunk at a time, never a whole body.
Only idempotent requests without a body are retried (a streamed body cannot be sent
twice), and only when the request never reached the service (a connection failure).

An upstream that keeps failing opens its circuit: the gateway then answers 503 at once,
without calling it, until ``ECOTRACK_BREAKER_RECOVERY_S`` has passed and a trial request
succeeds. The breaker judges the answer's status line; a connection the upstream breaks
after it (mid-body) ends the answer to the client there, as a proxy must.

Only what says the upstream itself is down counts as a failure: a transport error (it
cannot be reached, or broke the connection), a timeout, or a 503 it answered. Any other
answer, a 500 included, is relayed and counts as a success: it is about one request's
content, and one organisation's bad request must not close a service for everyone.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from http.cookiejar import CookieJar, DefaultCookiePolicy

import httpx
import structlog
from fastapi import Request
from fastapi.responses import Response, StreamingResponse
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from prometheus_client import Counter, Gauge, Histogram
from purgatory import AsyncCircuitBreakerFactory
from purgatory.domain.model import OpenedState
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
)

from ecotrack.core.errors import BadRequest, NotFound, ServiceUnavailable
from ecotrack.core.http import REQUEST_ID_HEADER

log = structlog.get_logger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

# Hop-by-hop headers (RFC 9110 §7.6.1) and ones httpx recomputes.
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "proxy-authorization",
        "proxy-connection",
    }
)
# The answer's bytes pass as sent (raw), so its Content-Length and Content-Encoding hold.
_DROPPED_RESPONSE_HEADERS = _HOP_BY_HOP | {REQUEST_ID_HEADER}
# Answers up to this size are relayed in one piece, larger (or undeclared) ones streamed.
WHOLE_ANSWER_BYTES = 64 * 1024
# The Host the client asked for, which services see as X-Forwarded-Host (their own Host
# is the upstream's); never taken from the client.
_FORWARDED_HOST = "x-forwarded-host"


UPSTREAM_SECONDS = Histogram(
    "ecotrack_upstream_duration_seconds",
    "Time from forwarding a request to the upstream's status line, by outcome",
    ["upstream", "outcome"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
BREAKER_STATES = ("closed", "half-opened", "opened")
BREAKER_STATE = Gauge(
    "ecotrack_circuit_breaker_state",
    "1 for the state an upstream's circuit is in (closed, half-opened, opened), 0 for the others",
    ["upstream", "state"],
)
BREAKER_TRANSITIONS = Counter(
    "ecotrack_circuit_breaker_transitions_total",
    "Times an upstream's circuit changed state, by the state it entered",
    ["upstream", "state"],
)


def _breaker_changed(upstream: str, what: str, event: object) -> None:
    """purgatory's hook: a circuit was created (closed) or changed state."""
    if what == "circuit_breaker_created":
        state = "closed"
    elif what == "state_changed":
        state = str(getattr(event, "state", ""))
        BREAKER_TRANSITIONS.labels(upstream, state).inc()
    else:
        return
    for known in BREAKER_STATES:
        BREAKER_STATE.labels(upstream, known).set(1 if known == state else 0)


def _keeps_no_cookies() -> CookieJar:
    """A jar that refuses every cookie: the gateway relays them, it is no browser."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


class UpstreamUnavailable(Exception):
    """An upstream answered 503: counts against its circuit, yet the answer is relayed."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"upstream answered {response.status_code}")
        self.response = response


def upstream_is_down(exc: BaseException) -> bool:
    """Whether an error inside a breaker counts against the upstream's circuit."""
    if isinstance(exc, UpstreamUnavailable | httpx.TimeoutException):
        return True
    # A request httpx refuses to send (LocalProtocolError) is this request's fault.
    return isinstance(exc, httpx.TransportError) and not isinstance(exc, httpx.LocalProtocolError)


async def _relay(upstream: httpx.Response) -> Response:
    """The upstream's answer as the gateway's, its bytes unchanged.

    An answer that declares a small length is read whole and sent in one piece (a
    stream's task group costs more than the copy); anything else streams.
    """
    declared = upstream.headers.get("content-length", "")
    response: Response
    if declared.isdigit() and int(declared) <= WHOLE_ANSWER_BYTES:
        try:
            body = b"".join([chunk async for chunk in upstream.aiter_raw()])
        finally:
            await upstream.aclose()
        response = Response(content=body, status_code=upstream.status_code)
        dropped = _DROPPED_RESPONSE_HEADERS | {"content-length"}  # Response sets it
    else:
        response = StreamingResponse(_relayed(upstream), status_code=upstream.status_code)
        dropped = _DROPPED_RESPONSE_HEADERS
    # Every header line as sent: repeated ones (two Set-Cookie) must not merge.
    for name, value in upstream.headers.multi_items():
        if name not in dropped:
            response.headers.append(name, value)
    return response


async def _relayed(upstream: httpx.Response) -> AsyncIterator[bytes]:
    """The upstream's body as it arrives; its connection goes back to the pool after."""
    try:
        async for chunk in upstream.aiter_raw():
            yield chunk
    finally:
        await upstream.aclose()


class Upstreams:
    """One HTTP client per service: in-process ASGI under ``ecotrack up``, else a URL."""

    def __init__(
        self,
        clients: dict[str, httpx.AsyncClient],
        *,
        failure_threshold: int = 5,
        recovery_s: float = 30.0,
    ) -> None:
        self.clients = clients
        self.breakers = AsyncCircuitBreakerFactory(
            default_threshold=failure_threshold,
            default_ttl=recovery_s,
            # purgatory counts every exception unless excluded: exclude all but the above.
            exclude=[(BaseException, lambda exc: not upstream_is_down(exc))],
        )
        self.breakers.add_listener(_breaker_changed)
        for client in clients.values():
            # Carries the trace context to the service (W3C traceparent header).
            HTTPXClientInstrumentor.instrument_client(client)
            # Else one person's Set-Cookie would ride along on everyone's later requests.
            client.cookies = _keeps_no_cookies()

    def client_for(self, service: str) -> httpx.AsyncClient:
        client = self.clients.get(service)
        if client is None:
            raise NotFound(f"no service '{service}'", services=sorted(self.clients))
        return client

    async def forward(
        self, service: str, request: Request, path: str, headers: list[tuple[str, str]]
    ) -> Response:
        client = self.client_for(service)
        sent = [(k, v) for k, v in headers if k.lower() not in _HOP_BY_HOP | {_FORWARDED_HOST}]
        sent.append((_FORWARDED_HOST, request.headers.get("host", "")))
        has_body = request.headers.get("content-length", "0") != "0" or (
            "transfer-encoding" in request.headers
        )
        upstream_request = client.build_request(
            request.method,
            path,
            params=request.url.query.encode(),
            # As bytes: header values arrive as Latin-1, which httpx would encode as ASCII.
            headers=[(k.encode("latin-1"), v.encode("latin-1")) for k, v in sent],
            content=request.stream() if has_body else None,
        )
        breaker = await self.breakers.get_breaker(service)
        started = time.perf_counter()
        outcome = "unreachable"  # until the upstream answers
        try:
            async with breaker:
                upstream = await self._send(client, upstream_request, retry=not has_body)
                outcome = f"{upstream.status_code // 100}xx"
                if upstream.status_code == 503:
                    raise UpstreamUnavailable(upstream)
        except UpstreamUnavailable as failure:
            upstream = failure.response
        except OpenedState as exc:
            outcome = "circuit_open"
            raise ServiceUnavailable(
                f"{service} is failing; its circuit is open, try again shortly",
                service=service,
                headers={"Retry-After": "5"},
            ) from exc
        except httpx.LocalProtocolError as exc:
            outcome = "not_sent"
            raise BadRequest(f"the request cannot be forwarded to {service}: {exc}") from exc
        except httpx.TimeoutException as exc:
            outcome = "timeout"
            raise ServiceUnavailable(f"{service} did not answer in time", service=service) from exc
        except httpx.TransportError as exc:
            raise ServiceUnavailable(f"{service} is unreachable", service=service) from exc
        finally:
            UPSTREAM_SECONDS.labels(service, outcome).observe(time.perf_counter() - started)
        return await _relay(upstream)

    async def _send(
        self, client: httpx.AsyncClient, request: httpx.Request, *, retry: bool
    ) -> httpx.Response:
        """The upstream's answer, its body still to be read (``stream=True``)."""
        if not retry or request.method not in IDEMPOTENT_METHODS:
            return await client.send(request, stream=True)
        async for attempt in AsyncRetrying(
            retry=retry_if_exception_type(httpx.ConnectError),
            stop=stop_after_attempt(3),
            wait=wait_exponential(multiplier=0.05, max=1),
            reraise=True,
        ):
            with attempt:
                return await client.send(request, stream=True)
        raise AssertionError("unreachable: tenacity reraises the last error")

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
