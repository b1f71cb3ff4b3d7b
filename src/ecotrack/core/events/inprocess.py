"""The embedded event bus: an append-only log per topic, held in this process's memory.

It keeps Kafka's semantics that the rest of the code relies on (per-group offsets,
replay from the start, dead letters) so that switching to Kafka changes configuration,
not behaviour. The log does not survive a restart; the outboxes do.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence

import structlog

from ecotrack.core.events.envelope import Event
from ecotrack.core.events.transport import DeadLetter, Handler, Subscription, Transport

log = structlog.get_logger(__name__)


class InProcessTransport(Transport):
    kind = "in-process"

    def __init__(self, topic_prefix: str = "ecotrack") -> None:
        super().__init__(topic_prefix)
        self._logs: dict[str, list[Event]] = defaultdict(list)
        self._dead_letters: dict[str, list[DeadLetter]] = defaultdict(list)
        self._appended = asyncio.Condition()
        self._subscriptions: list[Subscription] = []

    async def ping(self) -> None:
        return None

    async def publish(self, events: Sequence[Event]) -> None:
        async with self._appended:
            for event in events:
                self._logs[self.topic_for(event.family)].append(event)
            self._appended.notify_all()

    async def subscribe(
        self, group: str, families: Sequence[str], handler: Handler, *, max_batch: int = 100
    ) -> Subscription:
        topics = [self.topic_for(family) for family in families]
        task = asyncio.create_task(
            self._consume(topics, handler, max_batch), name=f"consume:{group}"
        )
        subscription = Subscription(task)
        self._subscriptions.append(subscription)
        return subscription

    async def _consume(self, topics: list[str], handler: Handler, max_batch: int) -> None:
        offsets = dict.fromkeys(topics, 0)
        while True:
            delivered = False
            for topic in topics:
                entries = self._logs[topic]
                while offsets[topic] < len(entries):
                    batch = entries[offsets[topic] : offsets[topic] + max_batch]
                    await handler(batch)
                    offsets[topic] += len(batch)
                    delivered = True
            if not delivered:
                async with self._appended:
                    if all(offsets[t] == len(self._logs[t]) for t in topics):
                        await self._appended.wait()

    async def dead_letter(self, group: str, event: Event | None, raw: bytes, reason: str) -> None:
        family = event.family if event else "unknown"
        self._dead_letters[self.dead_letter_topic_for(family)].append(
            DeadLetter(group=group, reason=reason, event=event, raw=raw)
        )
        log.warning("events.dead_lettered", group=group, reason=reason)

    async def read_dead_letters(self, family: str) -> list[DeadLetter]:
        return list(self._dead_letters[self.dead_letter_topic_for(family)])

    async def read_all(self, family: str) -> list[Event]:
        return list(self._logs[self.topic_for(family)])

    async def stop(self) -> None:
        await asyncio.gather(*(subscription.stop() for subscription in self._subscriptions))
        self._subscriptions.clear()
