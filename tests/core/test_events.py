"""The outbox, the relay and idempotent consumers, on every backend."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Sequence
from pathlib import Path

import ledger
import pytest
import sqlalchemy as sa
from prometheus_client import REGISTRY
from sqlalchemy.exc import DBAPIError, OperationalError

from backends import wait_for
from ecotrack.core.config import Settings
from ecotrack.core.database import Database
from ecotrack.core.events import Event, Transport, create_transport
from ecotrack.core.events.consumer import EventHandler, IdempotentConsumer
from ecotrack.core.events.embedded import EmbeddedTransport
from ecotrack.core.events.outbox import Outbox, OutboxRelay


class Crash(Exception):
    """Stands for the relay process dying part-way through a batch."""


class CrashAfter(Transport):
    """The real transport, except that it dies after publishing ``limit`` events."""

    def __init__(self, inner: Transport, limit: int) -> None:
        super().__init__(inner.topic_prefix)
        self.inner = inner
        self.kind = inner.kind
        self.limit = limit

    async def ping(self) -> None:
        await self.inner.ping()

    async def publish(self, events: Sequence[Event]) -> None:
        await self.inner.publish(events[: self.limit])
        raise Crash(f"relay died after publishing {self.limit} of {len(events)} events")

    async def subscribe(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise NotImplementedError

    async def dead_letter(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise NotImplementedError

    async def read_all(self, family: str) -> list[Event]:
        raise NotImplementedError

    async def read_dead_letters(self, family: str):  # type: ignore[no-untyped-def]
        raise NotImplementedError


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    db = Database(settings.database_url_for("ledger"), schema="ledger")
    await ledger.create_schema(db)
    yield db
    await db.dispose()


@pytest.fixture
async def transport(settings: Settings) -> AsyncIterator[Transport]:
    bus = create_transport(settings)
    await bus.start()
    yield bus
    await bus.stop()


@pytest.fixture
def outbox() -> Outbox:
    return Outbox(ledger.messaging.outbox)


def relay_for(database: Database, outbox: Outbox, transport: Transport) -> OutboxRelay:
    return OutboxRelay("ledger", database, outbox, transport, batch_size=100)


def consumer_for(
    database: Database,
    transport: Transport,
    group: str,
    handler: EventHandler = ledger.apply_note,
) -> IdempotentConsumer:
    return IdempotentConsumer(
        group,
        database,
        ledger.messaging.processed_events,
        handler,
        transport.dead_letter,
        max_attempts=3,
        backoff_s=0.01,
    )


async def test_committed_change_is_published_once_and_rolled_back_one_never(
    database: Database, outbox: Outbox, transport: Transport
) -> None:
    async with database.session() as session:
        await ledger.write_note(session, outbox, "tenant-a", "kept")
    with pytest.raises(RuntimeError, match="abandoned"):
        await _write_then_fail(database, outbox)

    relay = relay_for(database, outbox, transport)
    assert await relay.drain() == 1
    assert await relay.drain() == 0, "a published event must not go out again"

    on_bus = await transport.read_all("note")
    assert [event.data["text"] for event in on_bus] == ["kept"]
    assert on_bus[0].type == "note.written"
    assert on_bus[0].tenant == "tenant-a"
    async with database.session() as session:
        texts = (await session.scalars(sa.select(ledger.notes.c.text))).all()
    assert texts == ["kept"], "the rolled-back note must not be stored either"


async def _write_then_fail(database: Database, outbox: Outbox) -> None:
    async with database.session() as session:
        await ledger.write_note(session, outbox, "tenant-a", "abandoned")
        raise RuntimeError("abandoned before commit")


async def test_consumer_given_the_same_event_twice_applies_it_once(
    database: Database, transport: Transport
) -> None:
    consumer = consumer_for(database, transport, "ledger.projection")
    event = Event.new("note.written", source="ledger", tenant="t", data={"text": "once"})

    await consumer([event])
    await consumer([event])
    await consumer([Event.model_validate_json(event.model_dump_json())])

    assert [row.text for row in await ledger.applied(database)] == ["once"]


async def test_a_batch_is_applied_in_one_transaction_and_a_repeat_inside_it_once(
    database: Database, transport: Transport
) -> None:
    sessions = set()

    async def noting_session(session, event: Event) -> None:  # type: ignore[no-untyped-def]
        sessions.add(id(session))
        await ledger.apply_note(session, event)

    consumer = consumer_for(database, transport, "ledger.batched", noting_session)
    events = [
        Event.new("note.written", source="ledger", tenant="t", data={"text": f"n{n}"})
        for n in range(5)
    ]

    await consumer([*events[:3], events[1], *events[3:]])

    assert sorted(row.text for row in await ledger.applied(database)) == [f"n{n}" for n in range(5)]
    assert len(sessions) == 1, "one transaction for the whole batch"


async def test_a_failing_batch_keeps_its_good_events_and_parks_only_the_bad_one(
    database: Database, transport: Transport
) -> None:
    async def fussy(session, event: Event) -> None:  # type: ignore[no-untyped-def]
        if event.data["text"] == "poison":
            raise ValueError("cannot apply poison")
        await ledger.apply_note(session, event)

    consumer = consumer_for(database, transport, "ledger.fussy_batch", fussy)
    timed = {"group": "ledger.fussy_batch"}
    batches = REGISTRY.get_sample_value("ecotrack_events_batch_duration_seconds_count", timed) or 0
    lagged = REGISTRY.get_sample_value("ecotrack_events_lag_seconds_count", timed) or 0
    batch = [
        Event.new("note.written", source="ledger", tenant="t", data={"text": text})
        for text in ("before", "poison", "after")
    ]

    await consumer(batch)

    assert [row.text for row in await ledger.applied(database)] == ["before", "after"]
    after = REGISTRY.get_sample_value("ecotrack_events_batch_duration_seconds_count", timed)
    assert after == batches + 1, "one batch timed, its fallback to single events included"
    applied = REGISTRY.get_sample_value("ecotrack_events_lag_seconds_count", timed)
    assert applied == lagged + 2, "the lag of each applied event, not of the dead-lettered one"
    letters = await wait_for(lambda: transport.read_dead_letters("note"), within=30)
    assert [letter.event.data["text"] for letter in letters if letter.event] == ["poison"]


async def test_the_relay_exports_its_backlog_and_the_age_of_its_oldest_event(
    database: Database, outbox: Outbox, transport: Transport
) -> None:
    for text in ("one", "two", "three"):
        async with database.session() as session:
            await ledger.write_note(session, outbox, "tenant", text)
    relay = relay_for(database, outbox, transport)

    def gauge(name: str) -> float | None:
        return REGISTRY.get_sample_value(name, {"service": relay.service})

    assert await relay.pending() == 3
    assert gauge("ecotrack_outbox_pending") == 3
    assert (gauge("ecotrack_outbox_oldest_age_seconds") or 0) > 0
    published = {"service": relay.service, "bus": transport.kind}
    timed = REGISTRY.get_sample_value("ecotrack_bus_publish_duration_seconds_count", published)
    await relay.drain()
    assert await relay.pending() == 0
    assert gauge("ecotrack_outbox_pending") == 0
    assert gauge("ecotrack_outbox_oldest_age_seconds") == 0
    after = REGISTRY.get_sample_value("ecotrack_bus_publish_duration_seconds_count", published)
    assert (after or 0) - (timed or 0) == 1, "one batch, timed once"


async def test_relay_killed_mid_batch_loses_nothing_and_duplicates_nothing_downstream(
    database: Database, outbox: Outbox, transport: Transport
) -> None:
    texts = [f"note {n}" for n in range(30)]
    for text in texts:
        async with database.session() as session:
            await ledger.write_note(session, outbox, f"tenant-{len(text) % 3}", text)

    crashing = relay_for(database, outbox, CrashAfter(transport, limit=12))
    failed = {"service": crashing.service, "bus": transport.kind}
    errors = REGISTRY.get_sample_value("ecotrack_bus_publish_errors_total", failed) or 0
    with pytest.raises(Crash):
        await crashing.relay_once()
    assert REGISTRY.get_sample_value("ecotrack_bus_publish_errors_total", failed) == errors + 1
    assert await crashing.pending() == 30, "nothing is marked published by a dead relay"

    restarted = relay_for(database, outbox, transport)
    assert await restarted.drain() == 30
    assert await restarted.pending() == 0

    on_bus = await transport.read_all("note")
    assert len(on_bus) == 42, "the 12 events of the dead batch went out twice"
    assert {event.data["text"] for event in on_bus} == set(texts)

    subscription = await transport.subscribe(
        "ledger.projection", ["note"], consumer_for(database, transport, "ledger.projection")
    )
    try:
        rows = await wait_for(lambda: _applied_when(database, count=30), within=60)
    finally:
        await subscription.stop()
    assert sorted(row.text for row in rows) == sorted(texts)
    assert len({row.event_id for row in rows}) == 30, "each event applied exactly once"


async def _applied_when(database: Database, count: int) -> Sequence[sa.Row[tuple[str, str]]]:
    rows = await ledger.applied(database)
    assert len(rows) <= count, f"{len(rows)} applications for {count} events: a duplicate"
    return rows if len(rows) == count else []


async def test_an_event_that_keeps_failing_is_dead_lettered_and_the_group_moves_on(
    database: Database, outbox: Outbox, transport: Transport
) -> None:
    async def fussy(session, event: Event) -> None:  # type: ignore[no-untyped-def]
        if event.data["text"] == "poison":
            raise ValueError("cannot apply poison")
        await ledger.apply_note(session, event)

    for text in ["before", "poison", "after"]:
        async with database.session() as session:
            await ledger.write_note(session, outbox, "tenant-a", text)
    await relay_for(database, outbox, transport).drain()

    consumer = consumer_for(database, transport, "ledger.fussy", fussy)
    subscription = await transport.subscribe("ledger.fussy", ["note"], consumer)
    try:
        rows = await wait_for(lambda: _applied_when(database, count=2), within=60)
        letters = await wait_for(lambda: transport.read_dead_letters("note"), within=30)
    finally:
        await subscription.stop()
    assert [row.text for row in rows] == ["before", "after"]
    assert len(letters) == 1
    assert letters[0].group == "ledger.fussy"
    assert "cannot apply poison" in letters[0].reason
    assert letters[0].event is not None
    assert letters[0].event.data == {"text": "poison"}


def _database_down(statement: str) -> Exception:
    """What the drivers raise when the database, not the event, is the trouble."""
    if statement.startswith("INSERT"):
        return OperationalError(statement, {}, sqlite3.OperationalError("database is locked"))
    return DBAPIError(statement, {}, ConnectionResetError("reset"), connection_invalidated=True)


async def test_events_wait_out_a_database_outage_instead_of_going_to_the_dead_letters(
    database: Database, outbox: Outbox, transport: Transport
) -> None:
    """An outage longer than the consumer's retries parks nothing and loses nothing: the
    bus hands the same events over again until the database is back."""
    outage = {"failures_left": 5}  # more than the consumer's retries of one event (3 here)

    async def while_down(session, event: Event) -> None:  # type: ignore[no-untyped-def]
        if outage["failures_left"] > 0:
            outage["failures_left"] -= 1
            statement = "INSERT INTO applications" if outage["failures_left"] % 2 else "SELECT 1"
            raise _database_down(statement)
        await ledger.apply_note(session, event)

    for text in ["first", "second", "third"]:
        async with database.session() as session:
            await ledger.write_note(session, outbox, "tenant-a", text)
    await relay_for(database, outbox, transport).drain()

    consumer = consumer_for(database, transport, "ledger.outage", while_down)
    subscription = await transport.subscribe("ledger.outage", ["note"], consumer)
    try:
        rows = await wait_for(lambda: _applied_when(database, count=3), within=60)
    finally:
        await subscription.stop()
    assert [row.text for row in rows] == ["first", "second", "third"]
    assert outage["failures_left"] == 0
    assert await transport.read_dead_letters("note") == [], "an outage is not a poison event"


async def _stops_within(stopping: Awaitable[None], seconds: float) -> None:
    """Fails if ``stopping`` has not finished in ``seconds``, without cancelling it (a
    cancellation would stop the loop that swallowed the first)."""
    task = asyncio.ensure_future(stopping)
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if not done:
        task.cancel()
        pytest.fail(f"still running {seconds} s after it was cancelled")
    with contextlib.suppress(asyncio.CancelledError):
        task.result()


async def test_a_consumer_and_the_relay_stop_even_as_an_event_wakes_them(
    tmp_path: Path,
) -> None:
    """Stopping cancels a consumer (or the relay) in the very turn an append wakes it.

    On Python 3.11, ``asyncio.wait_for`` returns the finished wait instead of raising
    when the cancellation and the wakeup meet, so the loop went on and stop() waited
    forever (tests hung in teardown now and then). The embedded bus and the relay are the
    loops that wait so; Kafka's consumer polls instead.
    """
    transport = EmbeddedTransport(tmp_path / "bus.db", poll_interval_s=5)
    await transport.start()

    async def handler(events: Sequence[Event]) -> None:
        pass

    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'ledger.db'}", schema="ledger")
    await ledger.create_schema(database)
    relay = OutboxRelay(
        "ledger", database, Outbox(ledger.messaging.outbox), transport, poll_interval=5
    )
    try:
        for n in range(5):
            subscription = await transport.subscribe(f"stopping-{n}", ["note"], handler)
            await asyncio.sleep(0.1)  # it has read nothing and waits for an append
            await transport.publish(
                [Event.new("note.written", source="test", tenant=None, data={})]
            )
            await _stops_within(subscription.stop(), 10)
        for _ in range(5):
            running = asyncio.create_task(relay.run())
            await asyncio.sleep(0.1)
            relay.notify()
            running.cancel()
            await _stops_within(running, 10)
    finally:
        await database.dispose()
        await transport.stop()
