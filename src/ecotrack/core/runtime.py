"""What a running service is made of: its spec, its database, and the shared backends."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
import structlog
from fastapi import APIRouter

from ecotrack.core.cache import Cache, RateLimiter, create_cache, create_rate_limiter
from ecotrack.core.config import Settings
from ecotrack.core.database import Database
from ecotrack.core.events import Transport, create_transport
from ecotrack.core.events.consumer import EventHandler, IdempotentConsumer
from ecotrack.core.events.outbox import Outbox, OutboxRelay
from ecotrack.core.events.tables import MessagingTables
from ecotrack.core.events.transport import Subscription
from ecotrack.core.migrations import upgrade

log = structlog.get_logger(__name__)

STOP_REPORT_S = 5.0
"""How long a service's stop may take before it logs what it still waits on."""


@dataclass(frozen=True)
class EventSubscription:
    """A consumer group of a service: which event families it reads, what it does."""

    group: str
    families: tuple[str, ...]
    handler: EventHandler


BackgroundJob = Callable[["ServiceRuntime"], Coroutine[Any, Any, None]]
"""A long-running task of a service (a periodic retry, a scheduler), cancelled at stop."""


@dataclass(frozen=True)
class ServiceSpec:
    """Everything the platform needs to know to host a service."""

    name: str
    title: str
    metadata: sa.MetaData
    messaging: MessagingTables
    router: APIRouter
    description: str = ""
    subscriptions: tuple[EventSubscription, ...] = ()
    background: tuple[BackgroundJob, ...] = ()


@dataclass
class Backends:
    """The process-wide connections every hosted service shares."""

    settings: Settings
    transport: Transport
    cache: Cache
    rate_limiter: RateLimiter

    @classmethod
    def from_settings(cls, settings: Settings) -> Backends:
        return cls(
            settings=settings,
            transport=create_transport(settings),
            cache=create_cache(settings),
            rate_limiter=create_rate_limiter(settings),
        )

    async def start(self) -> None:
        await self.transport.start()

    async def stop(self) -> None:
        await self.transport.stop()
        await self.cache.close()


@dataclass
class ServiceRuntime:
    spec: ServiceSpec
    backends: Backends
    database: Database = field(init=False)
    outbox: Outbox = field(init=False)
    relay: OutboxRelay = field(init=False)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list, init=False)
    _subscriptions: list[Subscription] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        settings = self.backends.settings
        self.database = Database(settings.database_url_for(self.spec.name), schema=self.spec.name)
        self.outbox = Outbox(self.spec.messaging.outbox)
        self.relay = OutboxRelay(
            self.spec.name,
            self.database,
            self.outbox,
            self.backends.transport,
            batch_size=settings.outbox_batch_size,
            poll_interval=settings.outbox_poll_interval_s,
        )

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def settings(self) -> Settings:
        return self.backends.settings

    async def migrate(self) -> str | None:
        return await upgrade(self.database, self.spec.name, self.spec.metadata)

    def consumer(self, subscription: EventSubscription) -> IdempotentConsumer:
        settings = self.settings
        return IdempotentConsumer(
            subscription.group,
            self.database,
            self.spec.messaging.processed_events,
            subscription.handler,
            self.backends.transport.dead_letter,
            max_attempts=settings.consumer_max_attempts,
            backoff_s=settings.consumer_backoff_s,
        )

    async def start(self) -> None:
        """Start relaying the outbox and consuming; migrations must already be applied."""
        self._tasks.append(asyncio.create_task(self.relay.run(), name=f"relay:{self.name}"))
        for job in self.spec.background:
            self._tasks.append(asyncio.create_task(job(self), name=f"job:{self.name}"))
        for subscription in self.spec.subscriptions:
            if subscription.group in self.settings.paused_consumer_groups:
                log.warning("consumer.paused", service=self.name, group=subscription.group)
                continue
            self._subscriptions.append(
                await self.backends.transport.subscribe(
                    subscription.group,
                    subscription.families,
                    self.consumer(subscription),
                    max_batch=self.settings.consumer_batch_size,
                )
            )
        log.info("service.started", service=self.name)

    async def stop(self) -> None:
        stopping = asyncio.ensure_future(self._stop())
        await asyncio.wait({stopping}, timeout=STOP_REPORT_S)
        if not stopping.done():
            # Say what the stop waits on, so a task that will not end can be found.
            log.warning("service.stop_slow", service=self.name, waiting_on=self._running())
        await stopping

    async def _stop(self) -> None:
        # Together: each Kafka consumer takes a poll interval to notice it should leave.
        await asyncio.gather(*(subscription.stop() for subscription in self._subscriptions))
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._subscriptions.clear()
        self._tasks.clear()
        await self.database.dispose()
        log.info("service.stopped", service=self.name)

    def _running(self) -> list[str]:
        """The service's tasks that have not ended, each with where it waits."""
        tasks = [s.task for s in self._subscriptions] + self._tasks
        return [
            f"{task.get_name()}: "
            + " <- ".join(
                f"{frame.f_code.co_name} ({frame.f_code.co_filename}:{frame.f_lineno})"
                for frame in task.get_stack()
            )
            for task in tasks
            if not task.done()
        ]
