"""The production event bus: Kafka through confluent-kafka's asyncio client.

confluent-kafka (librdkafka) rather than aiokafka: on our test broker it produced about
6x and consumed about 3x faster, and its idempotent producer works there while
aiokafka's fails. Offsets are committed only after the handler returns, so a crash
means redelivery, never loss; the idempotent consumer turns redelivery into a no-op.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Sequence
from typing import Any

import structlog
from confluent_kafka import (
    OFFSET_BEGINNING,
    Consumer,
    KafkaError,
    KafkaException,
    TopicPartition,
)
from confluent_kafka.admin import (  # type: ignore[attr-defined]  # NewTopic is public
    AdminClient,
    NewTopic,
)
from confluent_kafka.aio import AIOConsumer, AIOProducer
from pydantic import ValidationError

from ecotrack.core.events.envelope import Event
from ecotrack.core.events.transport import DeadLetter, Handler, Subscription, Transport

log = structlog.get_logger(__name__)


class KafkaTransport(Transport):
    kind = "kafka"

    def __init__(
        self,
        bootstrap_servers: str,
        *,
        topic_prefix: str = "ecotrack",
        partitions: int = 3,
        session_timeout_ms: int = 10_000,
    ) -> None:
        super().__init__(topic_prefix)
        self.bootstrap_servers = bootstrap_servers
        self.partitions = partitions
        self.session_timeout_ms = session_timeout_ms
        self._admin_client: AdminClient | None = None
        self._producer: AIOProducer | None = None
        self._known_topics: set[str] = set()
        self._subscriptions: list[Subscription] = []

    @property
    def _admin(self) -> AdminClient:
        if self._admin_client is None:
            self._admin_client = AdminClient({"bootstrap.servers": self.bootstrap_servers})
        return self._admin_client

    async def start(self) -> None:
        if self._producer is None:
            self._producer = AIOProducer(
                {
                    "bootstrap.servers": self.bootstrap_servers,
                    "enable.idempotence": True,
                    "acks": "all",
                    "linger.ms": 5,
                    "compression.type": "lz4",
                }
            )

    async def stop(self) -> None:
        await asyncio.gather(*(subscription.stop() for subscription in self._subscriptions))
        self._subscriptions.clear()
        if self._producer is not None:
            await self._producer.flush()
            await self._producer.close()
            self._producer = None
        self._admin_client = None

    async def ping(self) -> None:
        await asyncio.to_thread(self._admin.list_topics, timeout=5)

    async def ensure_topics(self, topics: Sequence[str]) -> None:
        missing = [topic for topic in topics if topic not in self._known_topics]
        if not missing:
            return
        futures = self._admin.create_topics(
            [NewTopic(topic, num_partitions=self.partitions) for topic in missing]
        )
        for topic, future in futures.items():
            try:
                await asyncio.wrap_future(future)
            except KafkaException as exc:
                if exc.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                    raise
            self._known_topics.add(topic)

    async def publish(self, events: Sequence[Event]) -> None:
        await self._produce(
            [(self.topic_for(e.family), e.tenant or "", e.to_json()) for e in events]
        )

    async def _produce(self, messages: Sequence[tuple[str, str, bytes]]) -> None:
        await self.start()
        assert self._producer is not None
        await self.ensure_topics(sorted({topic for topic, _, _ in messages}))
        deliveries = [
            await self._producer.produce(topic, value=value, key=key.encode())
            for topic, key, value in messages
        ]
        await self._producer.flush()
        await asyncio.gather(*deliveries)

    async def subscribe(
        self, group: str, families: Sequence[str], handler: Handler, *, max_batch: int = 100
    ) -> Subscription:
        topics = [self.topic_for(family) for family in families]
        await self.ensure_topics(topics)
        consumer = AIOConsumer(
            {
                "bootstrap.servers": self.bootstrap_servers,
                # Namespaced like the topics, so environments sharing a cluster never
                # join each other's groups.
                "group.id": f"{self.topic_prefix}.{group}",
                "auto.offset.reset": "earliest",
                "enable.auto.commit": False,
                "session.timeout.ms": self.session_timeout_ms,
                "heartbeat.interval.ms": max(self.session_timeout_ms // 5, 500),
            }
        )
        await consumer.subscribe(topics)
        task = asyncio.create_task(
            self._consume(group, consumer, handler, max_batch), name=f"kafka:{group}"
        )
        subscription = Subscription(task)
        self._subscriptions.append(subscription)
        return subscription

    async def _consume(
        self, group: str, consumer: AIOConsumer, handler: Handler, max_batch: int
    ) -> None:
        try:
            while True:
                # Wait for one message, then take whatever else has arrived: consume()
                # alone would hold a part-filled batch until its timeout.
                first = await consumer.poll(0.5)
                if first is None:
                    continue
                more = (
                    await consumer.consume(num_messages=max_batch - 1, timeout=0)
                    if max_batch > 1
                    else []
                )
                messages = [first, *more]
                events = []
                ends: dict[tuple[str, int], int] = {}
                for message in messages:
                    if message.error():
                        log.warning("kafka.consume_error", group=group, error=str(message.error()))
                        continue
                    raw: bytes = message.value() or b""
                    try:
                        events.append(Event.from_json(raw))
                    except ValidationError as exc:
                        await self.dead_letter(group, None, raw, f"not an event envelope: {exc}")
                    ends[(message.topic(), message.partition())] = message.offset() + 1
                if events:
                    await handler(events)
                if ends:
                    await consumer.commit(
                        offsets=[TopicPartition(t, p, end) for (t, p), end in ends.items()],
                        asynchronous=False,
                    )
        finally:
            await consumer.close()

    async def dead_letter(self, group: str, event: Event | None, raw: bytes, reason: str) -> None:
        family = event.family if event else "unknown"
        record = {"group": group, "reason": reason, "raw": base64.b64encode(raw).decode()}
        await self._produce(
            [(self.dead_letter_topic_for(family), group, json.dumps(record).encode())]
        )
        log.warning("events.dead_lettered", group=group, reason=reason)

    async def read_all(self, family: str) -> list[Event]:
        return [Event.from_json(raw) for raw in await self._read_to_end(self.topic_for(family))]

    async def read_dead_letters(self, family: str) -> list[DeadLetter]:
        raws = await self._read_to_end(self.dead_letter_topic_for(family))
        return [_dead_letter_from(raw) for raw in raws]

    async def _read_to_end(self, topic: str) -> list[bytes]:
        await self.ensure_topics([topic])
        return await asyncio.to_thread(self._read_to_end_blocking, topic)

    def _read_to_end_blocking(self, topic: str) -> list[bytes]:
        """Partition by partition up to the end; order holds within a partition.

        The end is the broker's partition-EOF signal rather than the high watermark,
        which our test broker (Tansu) reports per record batch, not per record.
        """
        consumer = Consumer(
            {
                "bootstrap.servers": self.bootstrap_servers,
                "group.id": "ecotrack-inspector",
                "enable.partition.eof": True,
            }
        )
        try:
            values: list[bytes] = []
            for partition in range(self.partitions):
                consumer.assign([TopicPartition(topic, partition, OFFSET_BEGINNING)])
                while True:
                    message = consumer.poll(10)
                    if message is None:
                        raise TimeoutError(f"{topic}[{partition}] gave no end-of-partition")
                    error = message.error()
                    if error is not None and error.code() == KafkaError._PARTITION_EOF:
                        break
                    if error is not None:
                        raise KafkaException(error)
                    values.append(message.value() or b"")
            return values
        finally:
            consumer.close()


def _dead_letter_from(value: bytes) -> DeadLetter:
    record: dict[str, Any] = json.loads(value)
    raw = base64.b64decode(record["raw"])
    try:
        event: Event | None = Event.from_json(raw)
    except ValidationError:
        event = None
    return DeadLetter(group=record["group"], reason=record["reason"], event=event, raw=raw)
