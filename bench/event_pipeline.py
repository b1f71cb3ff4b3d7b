"""Events through the transactional outbox and relay, against publishing them directly.

Baseline: ``transport.publish`` of the same events in the same batch size, with no
database. Measured: writing the events to a service's outbox (one transaction per batch)
and relaying them to the same bus. The ratio is what the outbox's guarantees cost.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.core.runtime import Backends, ServiceRuntime
from ecotrack.platform import SERVICE_SPECS

EVENTS = 20_000
BATCH = 500


def _events(count: int) -> list[Event]:
    return [
        Event.new(
            "bench.happened",
            source="bench",
            tenant=f"tenant-{n % 10}",
            data={"n": n, "value": n * 0.5},
        )
        for n in range(count)
    ]


async def run() -> str:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir), kafka_topic_prefix=f"bench{time.time_ns()}")
        backends = Backends.from_settings(settings)
        await backends.start()
        runtime = ServiceRuntime(SERVICE_SPECS["carbon"](), backends)
        await runtime.migrate()
        try:
            events = _events(EVENTS)
            started = time.perf_counter()
            for offset in range(0, EVENTS, BATCH):
                await backends.transport.publish(events[offset : offset + BATCH])
            direct_s = time.perf_counter() - started

            events = _events(EVENTS)
            started = time.perf_counter()
            for offset in range(0, EVENTS, BATCH):
                async with runtime.database.session() as session:
                    await runtime.outbox.add(session, *events[offset : offset + BATCH])
            relayed = await runtime.relay.drain()
            outbox_s = time.perf_counter() - started
        finally:
            await runtime.stop()
            await backends.stop()
    assert relayed == EVENTS
    direct_rate, outbox_rate = EVENTS / direct_s, EVENTS / outbox_s
    return "\n".join(
        [
            f"event pipeline ({runtime.database.url.get_backend_name()} + "
            f"{backends.transport.kind} bus, {EVENTS} events, batches of {BATCH})",
            f"  baseline: direct publish        {direct_rate:>12,.0f} events/s",
            f"  outbox write + relay publish    {outbox_rate:>12,.0f} events/s",
            f"  ratio outbox / direct           {outbox_rate / direct_rate:>12.3f}",
        ]
    )
