"""Writing events in the caller's transaction, and the relay that publishes them."""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import UTC, datetime

import sqlalchemy as sa
import structlog
from prometheus_client import Counter, Gauge, Histogram
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.core.database import Database
from ecotrack.core.events.envelope import Event
from ecotrack.core.events.transport import Transport

log = structlog.get_logger(__name__)

PUBLISHED = Counter("ecotrack_outbox_published_total", "Events relayed to the bus", ["service"])
PENDING = Gauge("ecotrack_outbox_pending", "Events waiting in the outbox", ["service"])
OLDEST_AGE = Gauge(
    "ecotrack_outbox_oldest_age_seconds",
    "Age of the oldest event waiting in the outbox (0 when none waits)",
    ["service"],
)
PUBLISH_SECONDS = Histogram(
    "ecotrack_bus_publish_duration_seconds",
    "Time for the bus to take a relay batch durably (Kafka: every delivery report)",
    ["service", "bus"],
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
PUBLISH_ERRORS = Counter(
    "ecotrack_bus_publish_errors_total", "Relay batches the bus refused or lost", ["service", "bus"]
)
BACKLOG_INTERVAL_S = 1.0
"""How often the relay measures its backlog, whether or not its publishing is stuck."""


class Outbox:
    """A service's outbox table; ``add`` joins the caller's unit of work."""

    def __init__(self, table: sa.Table) -> None:
        self.table = table

    async def add(self, session: AsyncSession, *events: Event) -> None:
        if not events:
            return
        now = datetime.now(UTC)
        await session.execute(
            sa.insert(self.table),
            [
                {
                    "event_id": str(event.id),
                    "event_type": event.type,
                    "tenant": event.tenant,
                    "payload": event.model_dump_json(),
                    "created_at": now,
                }
                for event in events
            ],
        )


class OutboxRelay:
    """Moves committed outbox rows to the transport, oldest first, at least once.

    Rows are marked published only after the transport has them durably, so a relay
    that dies mid-batch republishes that batch on restart; consumers drop the repeats.
    On PostgreSQL, ``SKIP LOCKED`` lets several replicas relay without double work.
    """

    def __init__(
        self,
        service: str,
        database: Database,
        outbox: Outbox,
        transport: Transport,
        *,
        batch_size: int = 500,
        poll_interval: float = 0.2,
    ) -> None:
        self.service = service
        self.database = database
        self.table = outbox.table
        self.transport = transport
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self._wake = asyncio.Event()

    def notify(self) -> None:
        """Ask for a prompt relay instead of waiting for the next poll."""
        self._wake.set()

    async def relay_once(self) -> int:
        """Publish one batch; returns how many events it published."""
        table = self.table
        query = (
            sa.select(table.c.seq, table.c.payload)
            .where(table.c.published_at.is_(None))
            .order_by(table.c.seq)
            .limit(self.batch_size)
        )
        if self.database.is_postgres:
            query = query.with_for_update(skip_locked=True)
        async with self.database.session() as session:
            rows = (await session.execute(query)).all()
            if not rows:
                return 0
            await self._publish([Event.model_validate_json(row.payload) for row in rows])
            await session.execute(
                sa.update(table)
                .where(table.c.seq.in_([row.seq for row in rows]))
                .values(published_at=datetime.now(UTC))
            )
        PUBLISHED.labels(self.service).inc(len(rows))
        return len(rows)

    async def _publish(self, events: list[Event]) -> None:
        labels = (self.service, self.transport.kind)
        started = time.perf_counter()
        try:
            await self.transport.publish(events)
        except Exception:
            PUBLISH_ERRORS.labels(*labels).inc()
            raise
        PUBLISH_SECONDS.labels(*labels).observe(time.perf_counter() - started)

    async def pending(self) -> int:
        """How many events wait, with the age of the oldest; both are exported as gauges."""
        query = sa.select(sa.func.count(), sa.func.min(self.table.c.created_at)).where(
            self.table.c.published_at.is_(None)
        )
        async with self.database.session() as session:
            count, oldest = (await session.execute(query)).one()
        PENDING.labels(self.service).set(count)
        age = (datetime.now(UTC) - oldest).total_seconds() if oldest is not None else 0.0
        OLDEST_AGE.labels(self.service).set(max(age, 0.0))
        return int(count)

    async def drain(self) -> int:
        """Relay until the outbox is empty; returns how many events went out."""
        total = 0
        while published := await self.relay_once():
            total += published
        return total

    async def run(self) -> None:
        """Relay until cancelled, measuring the backlog beside it.

        The measuring has a task of its own so that the gauges keep moving while a publish
        waits on an unreachable broker, which is when an operator needs them.
        """
        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(self._measure_backlog(), name=f"outbox-backlog:{self.service}")
            await self._relay()

    async def _measure_backlog(self) -> None:
        while True:
            try:
                await self.pending()
            except Exception:
                log.warning("outbox.backlog_unmeasured", service=self.service, exc_info=True)
            await asyncio.sleep(BACKLOG_INTERVAL_S)

    async def _relay(self) -> None:
        while True:
            try:
                while await self.relay_once() == self.batch_size:
                    pass
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("outbox.relay_failed", service=self.service)
            self._wake.clear()
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a
            # cancellation that arrives as the wait ends, and stop() would wait forever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.poll_interval):
                    await self._wake.wait()
