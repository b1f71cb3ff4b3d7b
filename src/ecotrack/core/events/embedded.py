"""The embedded event bus: a durable, append-only log in a SQLite file of its own.

It is a small broker, and keeps Kafka's semantics that the rest of the code relies on, so
that switching to Kafka changes configuration, not behaviour:

- ``publish`` returns only once the events are committed (``synchronous=FULL``: on disk,
  not just in this process's memory), so the relay marks outbox rows published only
  when a crash can no longer lose them;
- each consumer group keeps its position (per topic) in the bus file and advances it
  only after its handler returned, that is after the consumer's own transaction
  committed; a process that dies in between sees those events again on restart, and the
  idempotent consumer drops the repeats;
- a group reads its topics from the start the first time it runs, and ``read_all``
  replays a topic, so read models can be rebuilt from history;
- dead letters are kept in the same file.

The file (``<data_dir>/bus.db``) belongs to the bus, not to any service: services still
never read each other's tables. Appends from this process wake its consumers at once;
appends from another process on the same data directory are seen within a poll interval.
Nothing is ever deleted, as with a topic of unlimited retention.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import structlog
from pydantic import ValidationError
from sqlalchemy import event as sa_event
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from ecotrack.core.events.envelope import Event
from ecotrack.core.events.transport import (
    DeadLetter,
    Handler,
    Subscription,
    Transport,
    describe_failure,
    retry_delay,
)

log = structlog.get_logger(__name__)

metadata = sa.MetaData()
# AUTOINCREMENT: a sequence number is never reused, so a position stays meaningful.
log_table = sa.Table(
    "events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("tenant", sa.Text, nullable=True),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("payload", sa.LargeBinary, nullable=False),
    sa.Column("appended_at", sa.Text, nullable=False),
    sa.Index("events_topic_seq", "topic", "seq"),
    sqlite_autoincrement=True,
)
offsets_table = sa.Table(
    "consumer_offsets",
    metadata,
    sa.Column("consumer_group", sa.Text, primary_key=True),
    sa.Column("topic", sa.Text, primary_key=True),
    # The seq of the last event of this topic the group has consumed (0: none yet).
    sa.Column("position", sa.Integer, nullable=False),
)
dead_letters_table = sa.Table(
    "dead_letters",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("topic", sa.Text, nullable=False, index=True),
    sa.Column("consumer_group", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("appended_at", sa.Text, nullable=False),
    sqlite_autoincrement=True,
)


_APPEND = (
    "INSERT INTO events (topic, tenant, event_id, payload, appended_at) VALUES (?, ?, ?, ?, ?)"
)


class EmbeddedTransport(Transport):
    kind = "embedded"

    def __init__(
        self,
        path: Path,
        topic_prefix: str = "ecotrack",
        *,
        poll_interval_s: float = 0.2,
        retry_backoff_s: float = 0.2,
    ) -> None:
        super().__init__(topic_prefix)
        self.path = path
        self.poll_interval_s = poll_interval_s
        self.retry_backoff_s = retry_backoff_s
        self._engine: AsyncEngine | None = None
        self._ready = asyncio.Lock()
        # One per running consumer, with its topics: set by this process's appends to them.
        self._wakeups: dict[asyncio.Event, frozenset[str]] = {}
        self._subscriptions: list[Subscription] = []

    async def _connect(self) -> AsyncEngine:
        if self._engine is not None:
            return self._engine
        async with self._ready:
            if self._engine is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                engine = create_async_engine(
                    f"sqlite+aiosqlite:///{self.path}",
                    connect_args={"timeout": 30},
                    hide_parameters=True,
                )
                sa_event.listen(engine.sync_engine, "connect", _configure)
                async with engine.begin() as connection:
                    await connection.run_sync(metadata.create_all)
                self._engine = engine
        return self._engine

    async def start(self) -> None:
        await self._connect()

    async def stop(self) -> None:
        await asyncio.gather(*(subscription.stop() for subscription in self._subscriptions))
        self._subscriptions.clear()
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    async def ping(self) -> None:
        engine = await self._connect()
        async with engine.connect() as connection:
            await connection.execute(sa.text("SELECT 1"))

    async def publish(self, events: Sequence[Event]) -> None:
        if not events:
            return
        engine = await self._connect()
        now = _now()
        rows = [
            (self.topic_for(event.family), event.tenant, str(event.id), event.to_json(), now)
            for event in events
        ]
        async with engine.begin() as connection:
            # The driver's executemany: a relay batch is hundreds of rows, and compiling
            # parameters per row cost more than SQLite's own work.
            await connection.exec_driver_sql(_APPEND, rows)
        appended = {row[0] for row in rows}
        for wakeup, topics in self._wakeups.items():
            if not appended.isdisjoint(topics):
                wakeup.set()

    async def subscribe(
        self, group: str, families: Sequence[str], handler: Handler, *, max_batch: int = 100
    ) -> Subscription:
        await self._connect()
        topics = sorted({self.topic_for(family) for family in families})
        task = asyncio.create_task(
            self._consume(group, topics, handler, max_batch), name=f"consume:{group}"
        )
        subscription = Subscription(task)
        self._subscriptions.append(subscription)
        return subscription

    async def _consume(
        self, group: str, topics: list[str], handler: Handler, max_batch: int
    ) -> None:
        wakeup = asyncio.Event()
        self._wakeups[wakeup] = frozenset(topics)
        try:
            positions: dict[str, int] | None = None
            failures = 0
            while True:
                # Cleared before the read, so an append during the read is not missed.
                wakeup.clear()
                try:
                    if positions is None:
                        positions = await self._positions(group, topics)
                    rows = await self._fetch(positions, max_batch)
                    if rows:
                        await self._deliver(group, topics, rows, handler)
                        # Every topic of the group is consumed up to the last seq read:
                        # the read took, in seq order, everything of these topics past
                        # each position.
                        last = rows[-1].seq
                        positions = {topic: max(at, last) for topic, at in positions.items()}
                    failures = 0
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    # Nothing is lost: the position did not move, so the same events
                    # come again after the pause.
                    failures += 1
                    delay = retry_delay(self.retry_backoff_s, failures)
                    log.warning(
                        "events.delivery_failed",
                        group=group,
                        error=describe_failure(exc),
                        retry_in_s=round(delay, 3),
                    )
                    await asyncio.sleep(delay)
                    continue
                if not rows:
                    # Until this process appends, or a poll interval: another process
                    # on the same data directory may have. (asyncio.timeout: on Python
                    # 3.11, wait_for can swallow a cancellation arriving as an append
                    # wakes it, and stop() would then wait forever.)
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(self.poll_interval_s):
                            await wakeup.wait()
        finally:
            self._wakeups.pop(wakeup, None)

    async def _deliver(
        self, group: str, topics: list[str], rows: Sequence[Any], handler: Handler
    ) -> None:
        events = []
        for row in rows:
            try:
                events.append(Event.from_json(row.payload))
            except ValidationError as exc:
                await self.dead_letter(group, None, row.payload, f"not an event envelope: {exc}")
        if events:
            await handler(events)
        # Only now, after the consumer's transaction has committed, does the group move on.
        await self._commit(group, topics, rows[-1].seq)

    async def _positions(self, group: str, topics: list[str]) -> dict[str, int]:
        engine = await self._connect()
        async with engine.connect() as connection:
            rows = await connection.execute(
                sa.select(offsets_table.c.topic, offsets_table.c.position).where(
                    offsets_table.c.consumer_group == group,
                    offsets_table.c.topic.in_(topics),
                )
            )
            stored = {row.topic: row.position for row in rows}
        return {topic: stored.get(topic, 0) for topic in topics}

    async def _fetch(self, positions: dict[str, int], limit: int) -> Sequence[Any]:
        engine = await self._connect()
        table = log_table
        query = (
            sa.select(table.c.seq, table.c.topic, table.c.payload)
            .where(
                table.c.seq > min(positions.values()),
                sa.or_(
                    *(
                        sa.and_(table.c.topic == topic, table.c.seq > position)
                        for topic, position in positions.items()
                    )
                ),
            )
            .order_by(table.c.seq)
            .limit(limit)
        )
        async with engine.connect() as connection:
            return (await connection.execute(query)).all()

    async def _commit(self, group: str, topics: list[str], position: int) -> None:
        engine = await self._connect()
        statement = sqlite_insert(offsets_table)
        async with engine.begin() as connection:
            await connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[offsets_table.c.consumer_group, offsets_table.c.topic],
                    set_={
                        "position": sa.func.max(
                            offsets_table.c.position, statement.excluded.position
                        )
                    },
                ),
                [
                    {"consumer_group": group, "topic": topic, "position": position}
                    for topic in topics
                ],
            )

    async def dead_letter(self, group: str, event: Event | None, raw: bytes, reason: str) -> None:
        family = event.family if event else "unknown"
        engine = await self._connect()
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(dead_letters_table).values(
                    topic=self.dead_letter_topic_for(family),
                    consumer_group=group,
                    reason=reason,
                    raw=raw,
                    appended_at=_now(),
                )
            )
        log.warning("events.dead_lettered", group=group, reason=reason)

    async def read_dead_letters(self, family: str) -> list[DeadLetter]:
        engine = await self._connect()
        table = dead_letters_table
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    sa.select(table.c.consumer_group, table.c.reason, table.c.raw)
                    .where(table.c.topic == self.dead_letter_topic_for(family))
                    .order_by(table.c.seq)
                )
            ).all()
        return [
            DeadLetter(
                group=row.consumer_group,
                reason=row.reason,
                event=_event_or_none(row.raw),
                raw=row.raw,
            )
            for row in rows
        ]

    async def read_all(self, family: str) -> list[Event]:
        engine = await self._connect()
        async with engine.connect() as connection:
            payloads = (
                await connection.scalars(
                    sa.select(log_table.c.payload)
                    .where(log_table.c.topic == self.topic_for(family))
                    .order_by(log_table.c.seq)
                )
            ).all()
        return [Event.from_json(payload) for payload in payloads]


def _event_or_none(raw: bytes) -> Event | None:
    try:
        return Event.from_json(raw)
    except ValidationError:
        return None


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _configure(dbapi_connection: Any, _record: Any) -> None:
    # WAL: consumers read while a relay appends. synchronous=FULL: a commit is on disk
    # before publish() returns, so even a power cut cannot lose an event the relay has
    # marked published (0.4 ms a commit here, against 0.03 ms for NORMAL).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
