"""Analytics: the dashboard query from the read model against the raw rows; projection lag.

Needs PostgreSQL (``ECOTRACK_DATABASE_URL``). Seeds, in the ``analytics`` schema of that
database, ``ORGS`` organisations x ``ACTIVITIES_PER_ORG`` activities and ``READINGS``
meter readings as raw rows (``generate_series``, server-side), and the read models
(``emissions_monthly``, ``meter_hours``) aggregated from them. Then times "one
organisation, one year, by month and scope" through ``queries.emissions`` (the API's
code path) against the same aggregate over the raw rows (indexed by organisation and
day), and measures projection lag: reading batches published at a steady rate into the
running analytics consumer, lag = consumer's processed_at - event time.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from ecotrack.analytics import projection, queries
from ecotrack.analytics.models import messaging
from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.core.runtime import Backends, ServiceRuntime
from ecotrack.platform import SERVICE_SPECS

ORGS = int(os.environ.get("BENCH_ORGS", "100"))
ACTIVITIES_PER_ORG = int(os.environ.get("BENCH_ACTIVITIES_PER_ORG", "10000"))
READINGS = int(os.environ.get("BENCH_READINGS", "10000000"))
RUNS = 200
LAG_RATE = 200  # reading batches per second
LAG_SECONDS = 10

SEED = [
    "DROP TABLE IF EXISTS raw_activities, raw_readings",
    """CREATE UNLOGGED TABLE raw_activities AS
       SELECT 'org-' || (n % :orgs) AS organization_id, 'site-' || (n % 7) AS facility_id,
              1 + n % 3 AS scope, DATE '2022-01-01' + (n % 1095) AS day,
              (n % 1000) / 10.0 AS co2e_kg
       FROM generate_series(0, :activities - 1) AS n""",
    "CREATE INDEX ON raw_activities (organization_id, day)",
    """CREATE UNLOGGED TABLE raw_readings AS
       SELECT 'meter-' || (n % 5000) AS meter_id,
              TIMESTAMPTZ '2024-01-01' + (n / 5000) * INTERVAL '15 minutes' AS at,
              (n % 97) / 10.0 AS value
       FROM generate_series(0, :readings - 1) AS n""",
    "TRUNCATE emissions_monthly, meter_hours",
    """INSERT INTO emissions_monthly
       SELECT organization_id, facility_id, scope, CASE WHEN scope = 2 THEN m ELSE '' END,
              0, 'CO2', date_trunc('month', day)::date, sum(round(co2e_kg * 1000000))::bigint
       FROM raw_activities CROSS JOIN (VALUES ('location'), ('market')) AS methods (m)
       WHERE scope = 2 OR m = 'location'
       GROUP BY 1, 2, 3, 4, 7""",
    """INSERT INTO meter_hours
       SELECT meter_id, date_trunc('hour', at), 'org-' || (hashtext(meter_id) & 127) % :orgs,
              NULL, 'electricity', 'kWh', count(*), sum(value), min(value), max(value)
       FROM raw_readings GROUP BY meter_id, date_trunc('hour', at)""",
    "ANALYZE",
]

RAW = sa.text(
    """SELECT scope, date_trunc('month', day) AS month, sum(co2e_kg)
       FROM raw_activities WHERE organization_id = :org AND day BETWEEN :start AND :end
       GROUP BY 1, 2"""
)


def _p(values: list[float], share: float) -> float:
    return sorted(values)[int(share * (len(values) - 1))] * 1000


async def _timed(call: object, runs: int = RUNS) -> list[float]:
    times = []
    for run in range(runs):
        started = time.perf_counter()
        await call(run)  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return times


async def _lag(runtime: ServiceRuntime) -> list[float]:
    transport = runtime.backends.transport
    events = []
    start = datetime(2030, 1, 1, tzinfo=UTC)
    for n in range(LAG_RATE * LAG_SECONDS):
        hour = (start + timedelta(hours=n)).isoformat().replace("+00:00", "Z")
        event = Event.new(
            "reading.batch_ingested",
            source="bench",
            tenant="org-lag",
            data={
                "batch_id": str(n),
                "organization_id": "org-lag",
                "meter_id": "meter-lag",
                "facility_id": None,
                "kind": "electricity",
                "unit": "kWh",
                "hours": [{"hour": hour, "count": 4, "sum": 1.0, "min": 0.25, "max": 0.25}],
            },
        )
        events.append(event)
        await transport.publish([event])
        await asyncio.sleep(1 / LAG_RATE)
    processed = messaging.processed_events
    ids = {str(event.id): event.time for event in events}
    deadline = time.monotonic() + 120
    while True:
        async with runtime.database.session() as session:
            rows = (
                await session.execute(
                    sa.select(processed.c.event_id, processed.c.processed_at).where(
                        processed.c.consumer_group == projection.GROUP,
                        processed.c.event_id.in_(list(ids)),
                    )
                )
            ).all()
        if len(rows) == len(ids) or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    return [(row.processed_at - ids[row.event_id]).total_seconds() for row in rows]


async def run() -> str:
    settings = Settings()
    if not settings.database_url or not settings.database_url.startswith("postgresql"):
        return "analytics: skipped (set ECOTRACK_DATABASE_URL to a PostgreSQL database)"
    backends = Backends.from_settings(settings)
    await backends.start()
    runtime = ServiceRuntime(SERVICE_SPECS["analytics"](), backends)
    await runtime.migrate()
    seeding = time.perf_counter()
    async with runtime.database.session() as session:
        for statement in SEED:
            await session.execute(
                sa.text(statement),
                {"orgs": ORGS, "activities": ORGS * ACTIVITIES_PER_ORG, "readings": READINGS},
            )
    seeded = time.perf_counter() - seeding
    year = queries.Filters(date(2024, 1, 1), date(2024, 12, 31))

    async def from_read_model(run: int) -> None:
        async with runtime.database.session() as session:
            await queries.emissions(session, f"org-{run % ORGS}", year, ("scope", "month"))

    async def from_raw_rows(run: int) -> None:
        async with runtime.database.session() as session:
            await session.execute(
                RAW, {"org": f"org-{run % ORGS}", "start": year.start, "end": year.end}
            )

    fast = await _timed(from_read_model)
    slow = await _timed(from_raw_rows)
    await runtime.start()
    try:
        lags = await _lag(runtime)
    finally:
        await runtime.stop()
        await backends.stop()
    ratio = statistics.median(slow) / statistics.median(fast)
    return (
        f"analytics: {ORGS} orgs, {ORGS * ACTIVITIES_PER_ORG:,} activities, "
        f"{READINGS:,} readings seeded in {seeded:.0f} s\n"
        f"  dashboard (1 org, 1 year, month x scope) read model: p50 {_p(fast, 0.5):.2f} ms, "
        f"p95 {_p(fast, 0.95):.2f} ms\n"
        f"  same aggregate from raw rows: p50 {_p(slow, 0.5):.2f} ms, "
        f"p95 {_p(slow, 0.95):.2f} ms; ratio (p50) {ratio:.1f}x\n"
        f"  projection lag at {LAG_RATE} batches/s for {LAG_SECONDS} s: "
        f"p50 {_p(lags, 0.5) / 1000:.3f} s, p95 {_p(lags, 0.95) / 1000:.3f} s, "
        f"max {max(lags):.3f} s ({len(lags)} applied)"
    )
