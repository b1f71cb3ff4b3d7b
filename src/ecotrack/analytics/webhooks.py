"""Webhooks: events an organisation asked for, delivered signed, retried with backoff.

Each delivery is POSTed with ``EcoTrack-Signature: t=<unix time>,v1=<hex>``, where the
hex is HMAC-SHA256 keyed by the endpoint's secret over ``f"{t}.{body}"``; a receiver
recomputes it and refuses old timestamps to stop replays.

Deliveries reach only the addresses ``egress`` allows, checked on the address each
connection is opened to; redirects are not followed. The delivery log says what went
wrong in a few generic words ("timed out", "connection refused", "not allowed
address", "HTTP 500"), never the remote's answer or our network's details.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ssl
import time
from datetime import UTC, datetime, timedelta
from typing import Literal, get_args

import httpcore
import httpx
import sqlalchemy as sa
import structlog
from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.analytics import egress
from ecotrack.analytics.models import WebhookDelivery, WebhookEndpoint, messaging
from ecotrack.analytics.targets import report_off_track
from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.runtime import ServiceRuntime

log = structlog.get_logger(__name__)

GROUP = "analytics.notifications"
FAMILIES = ("anomaly", "target", "period")
EventType = Literal["anomaly.detected", "target.off_track", "period.closed"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
SIGNATURE_HEADER = "EcoTrack-Signature"

# Module settings, so a test can make retries quick without a platform setting.
MAX_ATTEMPTS = 6
BACKOFF_S = 30.0
POLL_S = 1.0
TIMEOUT_S = 10.0
BATCH = 50
USER_AGENT = "EcoTrack-Webhooks/1"

outbox = Outbox(messaging.outbox)

# A business metric (docs/operations.md, "Business metrics"): each delivery attempt, once its
# outcome is stored, as delivered (2xx), retrying (failed, another attempt will follow) or
# gave_up (failed, the last attempt: the delivery is marked failed).
DELIVERIES = Counter(
    "ecotrack_webhook_deliveries_total",
    "Webhook delivery attempts, by outcome: delivered, retrying or gave_up",
    ["outcome"],
)
_OUTCOMES = {"delivered": "delivered", "pending": "retrying", "failed": "gave_up"}


def signature(secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


async def handle(session: AsyncSession, event: Event) -> None:
    """Queue a delivery per endpoint that asked for this event; check targets on a close."""
    if event.type not in EVENT_TYPES or event.tenant is None:
        return
    if event.type == "period.closed":
        await report_off_track(session, outbox, event.tenant)
    endpoints = (
        await session.scalars(
            sa.select(WebhookEndpoint).where(WebhookEndpoint.organization_id == event.tenant)
        )
    ).all()
    now = datetime.now(UTC)
    for endpoint in endpoints:
        if event.type in endpoint.event_types:
            session.add(
                WebhookDelivery(
                    organization_id=event.tenant,
                    endpoint_id=endpoint.id,
                    event_id=str(event.id),
                    event_type=event.type,
                    # who acted and from which address stay inside the platform
                    payload=event.model_dump_json(exclude={"actor"}),
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                )
            )


def tls_context() -> ssl.SSLContext:
    """The certificate authorities deliveries trust: certifi's, or SSL_CERT_FILE/_DIR."""
    return httpx.create_ssl_context()


async def _post(
    pool: httpcore.AsyncConnectionPool, url: str, body: bytes, headers: dict[str, str]
) -> int:
    """POST ``body``; the answer's status. Its body is never read, nor a redirect followed."""
    target = egress.parse(url)
    request_url = httpcore.URL(
        scheme=target.raw_scheme, host=target.raw_host, port=target.port, target=target.raw_path
    )
    lines = [(b"Host", target.netloc), (b"User-Agent", USER_AGENT.encode())]
    lines += [(name.encode(), value.encode()) for name, value in headers.items()]
    timeouts = dict.fromkeys(("connect", "read", "write", "pool"), TIMEOUT_S)
    async with pool.stream(
        "POST", request_url, headers=lines, content=body, extensions={"timeout": timeouts}
    ) as response:
        return response.status


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``kind`` is anywhere in the chain (causes, contexts, exception groups)."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return True
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False


def failure(exc: Exception) -> str:
    """What the delivery log says about a failed attempt: a category, no detail."""
    if isinstance(exc, egress.NotAllowed):
        return "not allowed address"
    if isinstance(exc, egress.HostNotFound):
        return "host not found"
    if isinstance(exc, TimeoutError | httpcore.TimeoutException):
        return "timed out"
    if isinstance(exc, httpcore.ConnectError):
        if _caused_by(exc, ssl.SSLError):
            return "TLS handshake failed"
        if _caused_by(exc, ConnectionRefusedError):
            return "connection refused"
        return "connection failed"
    if isinstance(exc, httpcore.ProtocolError | httpcore.NetworkError):
        return "connection lost or invalid answer"
    log.warning("webhooks.attempt_error", error=type(exc).__name__)
    return "delivery failed"


async def _attempt(
    pool: httpcore.AsyncConnectionPool, delivery: WebhookDelivery, secret: str, url: str
) -> None:
    body = delivery.payload.encode()
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: signature(secret, body, int(time.time())),
        "EcoTrack-Event-Type": delivery.event_type,
        "EcoTrack-Delivery": delivery.id,
    }
    delivery.attempts += 1
    delivery.last_status_code = None
    try:
        async with asyncio.timeout(TIMEOUT_S):
            status = await _post(pool, url, body, headers)
    except Exception as exc:
        delivery.last_error = failure(exc)
    else:
        delivery.last_status_code = status
        if 200 <= status < 300:
            delivery.status = "delivered"
            delivery.delivered_at = datetime.now(UTC)
            delivery.next_attempt_at = None
            delivery.last_error = None
            return
        delivery.last_error = f"HTTP {status}"
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = "failed"
        delivery.next_attempt_at = None
    else:
        delay = BACKOFF_S * 2 ** (delivery.attempts - 1)
        delivery.next_attempt_at = datetime.now(UTC) + timedelta(seconds=delay)


async def deliver_due(runtime: ServiceRuntime, pool: httpcore.AsyncConnectionPool) -> int:
    """Attempt every delivery that is due; returns how many were attempted."""
    query = (
        sa.select(WebhookDelivery, WebhookEndpoint.url, WebhookEndpoint.secret)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= datetime.now(UTC),
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(BATCH)
    )
    if runtime.database.is_postgres:
        # Several replicas may run this job; each delivery goes to one of them.
        query = query.with_for_update(of=WebhookDelivery, skip_locked=True)
    async with runtime.database.session() as session:
        rows = (await session.execute(query)).all()
        await asyncio.gather(*(_attempt(pool, row[0], row.secret, row.url) for row in rows))
    # committed: an attempt whose outcome was not stored is made again, and counted then
    for row in rows:
        DELIVERIES.labels(_OUTCOMES[row[0].status]).inc()
    return len(rows)


async def delivery_job(runtime: ServiceRuntime) -> None:
    policy = egress.AddressPolicy.from_settings(runtime.settings)
    async with egress.connection_pool(policy, tls_context()) as pool:
        while True:
            try:
                await deliver_due(runtime, pool)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("webhooks.delivery_failed")
            await asyncio.sleep(POLL_S)
