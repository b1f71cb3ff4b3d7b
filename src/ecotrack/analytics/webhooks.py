"""Webhooks: events an organisation asked for, delivered signed, retried with backoff.

Each delivery is POSTed with ``EcoTrack-Signature: t=<unix time>,v1=<hex>``, where the
hex is HMAC-SHA256 keyed by the endpoint's secret over ``f"{t}.{body}"``; a receiver
recomputes it and refuses old timestamps to stop replays.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from datetime import UTC, datetime, timedelta
from typing import Literal, get_args

import httpx
import sqlalchemy as sa
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

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

outbox = Outbox(messaging.outbox)


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
                    payload=event.model_dump_json(),
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                )
            )


async def _attempt(
    http: httpx.AsyncClient, delivery: WebhookDelivery, secret: str, url: str
) -> None:
    body = delivery.payload.encode()
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: signature(secret, body, int(time.time())),
        "EcoTrack-Event-Type": delivery.event_type,
        "EcoTrack-Delivery": delivery.id,
    }
    delivery.attempts += 1
    try:
        response = await http.post(url, content=body, headers=headers)
        delivery.last_status_code = response.status_code
        if response.is_success:
            delivery.status = "delivered"
            delivery.delivered_at = datetime.now(UTC)
            delivery.next_attempt_at = None
            delivery.last_error = None
            return
        delivery.last_error = f"HTTP {response.status_code}"
    except httpx.HTTPError as exc:
        delivery.last_error = f"{type(exc).__name__}: {exc}"
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = "failed"
        delivery.next_attempt_at = None
    else:
        delay = BACKOFF_S * 2 ** (delivery.attempts - 1)
        delivery.next_attempt_at = datetime.now(UTC) + timedelta(seconds=delay)


async def deliver_due(runtime: ServiceRuntime, http: httpx.AsyncClient) -> int:
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
        await asyncio.gather(*(_attempt(http, row[0], row.secret, row.url) for row in rows))
    return len(rows)


async def delivery_job(runtime: ServiceRuntime) -> None:
    async with httpx.AsyncClient(timeout=TIMEOUT_S) as http:
        while True:
            try:
                await deliver_due(runtime, http)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("webhooks.delivery_failed")
            await asyncio.sleep(POLL_S)
