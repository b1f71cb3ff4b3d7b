"""Idempotent subscribers: each event is applied once per consumer group, whatever the bus.

The bus hands a consumer a batch of events. The handler runs for each of them in the
consumer's own transaction together with the insert into its ``processed_events``
table, so "applied" and "recorded as applied" commit or roll back together. If a batch
fails, its events are retried one by one with exponential backoff; an event that still
fails is parked in the dead-letter topic and the group moves on.

A failure that is the database's rather than the event's (a lost or refused connection,
a locked file, a pool timeout) is never a reason to dead-letter: it is raised to the
bus, which keeps the events and hands them over again once the pause is over.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractContextManager, ExitStack
from datetime import UTC, datetime

import sqlalchemy as sa
import structlog
from opentelemetry import trace
from opentelemetry.propagate import extract
from prometheus_client import Counter, Histogram
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncSession
from tenacity import (
    AsyncRetrying,
    RetryError,
    retry_if_not_exception_type,
    stop_after_attempt,
    wait_exponential,
)

from ecotrack.core.database import Database
from ecotrack.core.events.envelope import Event
from ecotrack.core.telemetry import TENANT_ATTRIBUTE

log = structlog.get_logger(__name__)
tracer = trace.get_tracer(__name__)

CONSUMED = Counter(
    "ecotrack_events_consumed_total", "Events seen by consumer groups", ["group", "outcome"]
)
LAG_SECONDS = Histogram(
    "ecotrack_events_lag_seconds",
    "From an event's time (when the producing service wrote it) to its applying by a group",
    ["group"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600),
)
BATCH_SECONDS = Histogram(
    "ecotrack_events_batch_duration_seconds",
    "Time a consumer group takes to apply a batch of events, retries included",
    ["group"],
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)

EventHandler = Callable[[AsyncSession, Event], Awaitable[None]]
DeadLetterSink = Callable[[str, Event | None, bytes, str], Awaitable[None]]


class DatabaseUnavailable(Exception):
    """The consumer's database failed, not the event: the bus must deliver it again."""


# SQLSTATE classes that are the server's state, not the statement's: connection
# exceptions, too many connections or out of resources, operator intervention (a
# terminated backend, a shutdown).
_UNAVAILABLE_SQLSTATES = ("08", "53", "57P")
# SQLite's own words for a file that is busy or cannot be used right now.
_UNAVAILABLE_SQLITE = ("locked", "busy", "disk i/o", "unable to open")


def is_database_failure(exc: BaseException) -> bool:
    """Whether a failure says nothing about the event: the database could not be used."""
    if isinstance(exc, PoolTimeout | InterfaceError | OSError):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        return sqlstate.startswith(_UNAVAILABLE_SQLSTATES)
    if isinstance(exc, OperationalError):
        message = str(exc.orig).lower()
        return any(words in message for words in _UNAVAILABLE_SQLITE)
    return False


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

    async def __call__(self, events: Sequence[Event]) -> None:
        """Apply a batch in one transaction; if that fails, each event on its own.

        One commit per batch is what lets a read model keep up with a busy topic; the
        fallback keeps one bad event from holding back (or dead-lettering) its neighbours.
        """
        if not events:
            return
        with BATCH_SECONDS.labels(self.group).time():
            await self._apply(events)

    async def _apply(self, events: Sequence[Event]) -> None:
        try:
            outcomes = await self._apply_together(events)
        except Exception as exc:  # any failure: each event is retried on its own
            if is_database_failure(exc):
                raise DatabaseUnavailable(self.group) from exc
            log.info("events.batch_failed", group=self.group, size=len(events), reason=repr(exc))
            outcomes = [await self._apply_alone(event) for event in events]
        now = datetime.now(UTC)
        lag = LAG_SECONDS.labels(self.group)
        for event, outcome in zip(events, outcomes, strict=True):
            CONSUMED.labels(self.group, outcome).inc()
            if outcome == "applied":
                lag.observe(max((now - event.time).total_seconds(), 0.0))

    async def _apply_alone(self, event: Event) -> str:
        # One span for every attempt and the dead-lettering, so their logs carry its trace.
        with self._span(event), structlog.contextvars.bound_contextvars(tenant=event.tenant):
            try:
                async for attempt in AsyncRetrying(
                    stop=stop_after_attempt(self.max_attempts),
                    wait=wait_exponential(multiplier=self.backoff_s, max=30),
                    retry=retry_if_not_exception_type(DatabaseUnavailable),
                ):
                    with attempt:
                        try:
                            return (await self._apply_together([event], traced=False))[0]
                        except Exception as exc:
                            if is_database_failure(exc):
                                raise DatabaseUnavailable(self.group) from exc
                            raise
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
            return "dead_lettered"

    async def _apply_together(self, events: Sequence[Event], *, traced: bool = True) -> list[str]:
        ids = [str(event.id) for event in events]
        outcomes = []
        # Each event's span stays open until the commit, so a batch that fails, even at
        # its commit, shows as failed in every one of its events' traces.
        with ExitStack() as spans:
            async with self.database.session() as session:
                seen = set(
                    (
                        await session.scalars(
                            sa.select(self.processed.c.event_id).where(
                                self.processed.c.consumer_group == self.group,
                                self.processed.c.event_id.in_(set(ids)),
                            )
                        )
                    ).all()
                )
                fresh = []
                for event_id, event in zip(ids, events, strict=True):
                    # The bus is at-least-once, so a batch may carry an event twice.
                    if event_id in seen:
                        outcomes.append("duplicate")
                        continue
                    seen.add(event_id)
                    if traced:
                        spans.enter_context(self._span(event))
                    with structlog.contextvars.bound_contextvars(tenant=event.tenant):
                        await self.handler(session, event)
                    fresh.append(event_id)
                    outcomes.append("applied")
                if fresh:
                    now = datetime.now(UTC)
                    # The primary key makes a concurrent second apply fail and roll back.
                    await session.execute(
                        sa.insert(self.processed),
                        [
                            {"consumer_group": self.group, "event_id": e, "processed_at": now}
                            for e in fresh
                        ],
                    )
        return outcomes

    def _span(self, event: Event) -> AbstractContextManager[trace.Span]:
        # Each event continues the trace of the request that produced it.
        context = extract({"traceparent": event.traceparent} if event.traceparent else {})
        return tracer.start_as_current_span(
            f"consume {event.type}",
            context=context,
            kind=trace.SpanKind.CONSUMER,
            attributes={
                "messaging.consumer.group.name": self.group,
                "event.id": str(event.id),
                **({TENANT_ATTRIBUTE: event.tenant} if event.tenant else {}),
            },
        )
