"""Idempotent subscribers: each event is applied once per consumer group, whatever the bus.

The handler runs in the consumer's own transaction together with the insert into its
``processed_events`` table, so "applied" and "recorded as applied" commit or roll back
together. Failures are retried with exponential backoff; an event that still fails is
parked in the dead-letter topic and the group moves on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import sqlalchemy as sa
import structlog
from opentelemetry import trace
from opentelemetry.propagate import extract
from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncSession
from tenacity import AsyncRetrying, RetryError, stop_after_attempt, wait_exponential

from ecotrack.core.database import Database
from ecotrack.core.events.envelope import Event

log = structlog.get_logger(__name__)
tracer = trace.get_tracer(__name__)

CONSUMED = Counter(
    "ecotrack_events_consumed_total", "Events seen by consumer groups", ["group", "outcome"]
)

EventHandler = Callable[[AsyncSession, Event], Awaitable[None]]
DeadLetterSink = Callable[[str, Event | None, bytes, str], Awaitable[None]]


class IdempotentConsumer:
    def __init__(
        self,
        group: str,
        database: Database,
        processed_events: sa.Table,
        handler: EventHandler,
        dead_letter: DeadLetterSink,
        *,
        max_attempts: int = 5,
        backoff_s: float = 0.2,
    ) -> None:
        self.group = group
        self.database = database
        self.processed = processed_events
        self.handler = handler
        self.dead_letter = dead_letter
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s

    async def __call__(self, event: Event) -> None:
        context = extract({"traceparent": event.traceparent} if event.traceparent else {})
        with tracer.start_as_current_span(
            f"consume {event.type}",
            context=context,
            kind=trace.SpanKind.CONSUMER,
            attributes={"messaging.consumer.group.name": self.group, "event.id": str(event.id)},
        ):
            try:
                async for attempt in AsyncRetrying(
                    stop=stop_after_attempt(self.max_attempts),
                    wait=wait_exponential(multiplier=self.backoff_s, max=30),
                ):
                    with attempt:
                        outcome = await self._apply_once(event)
            except RetryError as exc:
                reason = repr(exc.last_attempt.exception())
                log.error(
                    "events.handler_failed",
                    group=self.group,
                    event_id=str(event.id),
                    event_type=event.type,
                    reason=reason,
                )
                await self.dead_letter(self.group, event, event.to_json(), reason)
                outcome = "dead_lettered"
        CONSUMED.labels(self.group, outcome).inc()

    async def _apply_once(self, event: Event) -> str:
        async with self.database.session() as session:
            seen = await session.scalar(
                sa.select(sa.literal(1)).where(
                    self.processed.c.consumer_group == self.group,
                    self.processed.c.event_id == str(event.id),
                )
            )
            if seen:
                return "duplicate"
            await self.handler(session, event)
            # The primary key makes a concurrent second apply fail and roll back.
            await session.execute(
                sa.insert(self.processed).values(
                    consumer_group=self.group,
                    event_id=str(event.id),
                    processed_at=datetime.now(UTC),
                )
            )
        return "applied"
