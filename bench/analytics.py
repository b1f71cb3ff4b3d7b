"""Analytics: the dashboard query from the read model against Carbon's own rows; projection lag.

Needs PostgreSQL (``ECOTRACK_DATABASE_URL``). Seeds, server-side with ``generate_series``,
Carbon's real ledger tables (``carbon.activities`` heads and ``carbon.activity_versions``
with their inputs and engine results, a tenth of them corrected and a hundredth deleted)
for ``ORGS`` organisations x ``ACTIVITIES_PER_ORG`` activities over 2022-2024, and
``READINGS`` meter readings in ``carbon.readings``. The results are real engine outputs
(``TEMPLATES``) scaled per row. The monthly and overview read models are aggregated from
the same rows by SQL that follows the projection's rule (each current version spread
evenly over the days of its period, split over its gases in proportion to their CO2e);
the projection code itself is proven equal to a recomputation by the test suite.

It then times "one organisation, one year, by month and scope" through
``queries.emissions`` on a read connection (the API's code path) against the same
aggregate computed from Carbon's rows (current versions, each prorated over the months
its period overlaps, scope 2 location-based from the stored result), checks that both
give the same figures (a check of the query path, not of the projection), and measures
projection lag end to end: Carbon and Analytics run (each in its own process on Kafka)
while ``LAG_METERS`` meters send a batch of readings a second through Carbon's API, and
lag = Analytics' ``processed_at`` - the Carbon event's outbox ``created_at``. The bus is
whatever ``ECOTRACK_KAFKA_BOOTSTRAP_SERVERS`` says (in-process if unset).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import httpx
import sqlalchemy as sa

from bench.serving import add_meters, serving
from ecotrack.analytics import projection, queries
from ecotrack.analytics.models import messaging
from ecotrack.carbon.engine import estimate
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.models import messaging as carbon_messaging
from ecotrack.carbon.schemas import EstimateRequest
from ecotrack.core.config import Settings
from ecotrack.core.database import Database
from ecotrack.core.runtime import Backends, ServiceRuntime
from ecotrack.core.security import Identity, sign_identity
from ecotrack.platform import SERVICE_SPECS, Platform

ORGS = int(os.environ.get("BENCH_ORGS", "100"))
ACTIVITIES_PER_ORG = int(os.environ.get("BENCH_ACTIVITIES_PER_ORG", "10000"))
READINGS = int(os.environ.get("BENCH_READINGS", "10000000"))
METERS = 5000
RUNS = 200
WARM_UP = 20
LAG_METERS = int(os.environ.get("BENCH_LAG_METERS", "100"))
LAG_SECONDS = 20
CARBON = "/api/v1/carbon"

# (request, days its period covers, source): what an organisation records, in turn.
TEMPLATES = [
    ({"activity": "fuel.natural_gas", "quantity": 1000, "unit": "kWh"}, 30, "csv"),
    ({"activity": "vehicle.car", "quantity": 1000, "unit": "km"}, 30, "api"),
    ({"activity": "electricity.grid", "quantity": 1000, "unit": "kWh"}, 30, "csv"),
    ({"activity": "electricity.grid", "quantity": 100, "unit": "kWh"}, 1, "meter"),
    (
        {"activity": "travel.flight", "quantity": 1000, "unit": "km", "options": {"haul": "short"}},
        1,
        "manual",
    ),
]

TEMPLATE_TABLE = [
    "DROP TABLE IF EXISTS carbon.bench_templates",
    """CREATE UNLOGGED TABLE carbon.bench_templates (
         kind int, activity text, scope int, category int, factor_id text, days int,
         source text, co2e_kg float8, inputs json, result jsonb, gas_shares jsonb)""",
]

# n numbers an activity; its organisation is n % orgs, k = n / orgs its place in that
# organisation's list, t = k % kinds its template. Every tenth activity has a correction
# (version 2, 10 % more); one in a hundred is deleted (version 2 is a tombstone).
ACTIVITIES = """
WITH base AS (
  SELECT n, md5(n::text)::uuid::text AS id, 'org-' || (n % :orgs) AS org, n / :orgs AS k
  FROM generate_series(0, :activities - 1) AS n
), placed AS (
  SELECT b.*, t.*,
         CASE WHEN t.source = 'meter'
              THEN DATE '2022-01-01' + (b.k / 50) * 5
              ELSE DATE '2022-01-01' + (b.k * 7 + b.n % 13) % 1066 END AS start,
         CASE WHEN t.source = 'meter' THEN 'meter-' || b.org || '-' || (b.k % 50) END AS meter,
         t.co2e_kg * (1 + (b.n % 97) / 10.0) AS kg,
         CASE WHEN b.n % 10 = 0 OR b.n % 100 = 1 THEN 2 ELSE 1 END AS versions
  FROM base b JOIN carbon.bench_templates t ON t.kind = b.k % :kinds
)
"""

SEED_CARBON = [
    "TRUNCATE carbon.activities, carbon.activity_versions, carbon.readings, carbon.meter_keys "
    "RESTART IDENTITY",
    ACTIVITIES
    + """
INSERT INTO carbon.activities (id, organization_id, version, deleted, meter_id, meter_day)
SELECT id, org, versions, n % 100 = 1, meter, CASE WHEN meter IS NOT NULL THEN start END
FROM placed""",
    ACTIVITIES
    + """
INSERT INTO carbon.activity_versions
  (activity_id, version, organization_id, change, supersedes, deleted, facility_id,
   activity, period_start, period_end, scope, category, co2e_kg, factor_id, gwp, inputs,
   result, source, recorded_by, recorded_at)
SELECT id, v, org,
       CASE WHEN v = 1 THEN 'recorded' WHEN n % 100 = 1 THEN 'deleted' ELSE 'corrected' END,
       NULLIF(v - 1, 0), v = 2 AND n % 100 = 1, 'site-' || (n % 7), activity, start,
       start + days - 1, scope, category, amount, factor_id, 'AR5', inputs,
       (jsonb_set(result, '{co2e_kg}', to_jsonb(amount))
        || CASE WHEN scope = 2 THEN jsonb_build_object('scope2', jsonb_build_object(
             'location_based_kg', amount, 'market_based_kg', amount * 0.6,
             'market_basis', result -> 'scope2' -> 'market_basis')) ELSE '{}' END)::json,
       source, 'person-' || (n % 5), TIMESTAMPTZ '2025-01-01'
FROM placed
CROSS JOIN LATERAL generate_series(1, versions) AS v
CROSS JOIN LATERAL (SELECT CASE WHEN v = 2 AND n % 10 = 0 THEN kg * 1.1 ELSE kg END) AS a (amount)
""",
    """INSERT INTO carbon.meter_keys (meter_id, organization_id)
       SELECT 'meter-' || s, 'org-' || (s % :orgs) FROM generate_series(0, :meters - 1) AS s""",
    """INSERT INTO carbon.readings (meter_seq, ts, value)
       SELECT 1 + n % :meters, TIMESTAMPTZ '2024-01-01' + (n / :meters) * INTERVAL '15 minutes',
              (n % 97) / 10.0
       FROM generate_series(0, :readings - 1) AS n""",
]

# The monthly and overview read models, filled by SQL that follows the projection's rule
# (not by the projection itself, which would take half an hour for 1.1M events): every
# current version's CO2e (scope 2 both ways) split over its gases and spread evenly
# over its days, so a month gets the share of the days it holds. The daily aggregate,
# which whole-month queries never read, stays empty.
CONTRIBUTIONS = """
WITH current AS (
  SELECT v.* FROM carbon.activities a
  JOIN carbon.activity_versions v ON v.activity_id = a.id AND v.version = a.version
  WHERE NOT a.deleted
), totals AS (
  SELECT c.organization_id, c.facility_id, c.scope, c.category, c.activity, c.period_start,
         c.period_end, c.period_end - c.period_start + 1 AS days, m.method, m.kg
  FROM current c CROSS JOIN LATERAL (
    SELECT '' AS method, c.co2e_kg AS kg WHERE c.scope <> 2
    UNION ALL SELECT 'location', (c.result -> 'scope2' ->> 'location_based_kg')::float8
      WHERE c.scope = 2
    UNION ALL SELECT 'market', (c.result -> 'scope2' ->> 'market_based_kg')::float8
      WHERE c.scope = 2) AS m
)
SELECT t.organization_id, coalesce(t.facility_id, '') AS facility_id, t.scope, t.method,
       coalesce(t.category, 0) AS category, g.gas, m.month,
       round(t.kg * g.share::float8 * 1000000
             * (least(t.period_end, m.month_end) - greatest(t.period_start, m.month) + 1)
             / t.days)::bigint AS mg
FROM totals t
JOIN carbon.bench_templates tpl ON tpl.activity = t.activity AND tpl.days = t.days
CROSS JOIN LATERAL jsonb_each_text(tpl.gas_shares) AS g (gas, share)
CROSS JOIN LATERAL (
  SELECT d::date AS month, (d + INTERVAL '1 month' - INTERVAL '1 day')::date AS month_end
  FROM generate_series(date_trunc('month', t.period_start), t.period_end, INTERVAL '1 month')
    AS d) AS m
"""

SEED_READ_MODELS = [
    "TRUNCATE analytics.emissions_daily, analytics.emissions_monthly, "
    "analytics.emissions_overview, analytics.meter_hours",
    "DROP TABLE IF EXISTS analytics.bench_split",
    "CREATE UNLOGGED TABLE analytics.bench_split AS " + CONTRIBUTIONS,
    """INSERT INTO analytics.emissions_monthly
       SELECT organization_id, facility_id, scope, method, category, gas, month, sum(mg)
       FROM analytics.bench_split GROUP BY 1, 2, 3, 4, 5, 6, 7""",
    """INSERT INTO analytics.emissions_overview
       SELECT organization_id, scope, method, month, sum(mg)
       FROM analytics.bench_split GROUP BY 1, 2, 3, 4""",
    "DROP TABLE analytics.bench_split",
    """INSERT INTO analytics.meter_hours
       SELECT k.meter_id, date_trunc('hour', r.ts), k.organization_id, NULL, 'electricity',
              'kWh', count(*), sum(r.value), min(r.value), max(r.value)
       FROM carbon.readings r JOIN carbon.meter_keys k ON k.seq = r.meter_seq
       GROUP BY k.meter_id, date_trunc('hour', r.ts), k.organization_id""",
    "ANALYZE",
]

# After writing gigabytes, settle before timing: hint bits set, visibility map current,
# dirty pages flushed, so neither side pays for the seeding's aftermath.
SETTLE = ["VACUUM ANALYZE", "CHECKPOINT"]

# The dashboard's aggregate straight from Carbon's rows: current versions of the
# organisation overlapping the window, each prorated over the months it covers.
FROM_LEDGER = sa.text(
    """
SELECT v.scope, m.month, sum(
         CASE WHEN v.scope = 2 THEN (v.result -> 'scope2' ->> 'location_based_kg')::float8
              ELSE v.co2e_kg END
         * (least(v.period_end, m.month_end) - greatest(v.period_start, m.month) + 1)
         / (v.period_end - v.period_start + 1)) AS co2e_kg
FROM carbon.activities a
JOIN carbon.activity_versions v ON v.activity_id = a.id AND v.version = a.version
CROSS JOIN LATERAL (
  SELECT d::date AS month, (d + INTERVAL '1 month' - INTERVAL '1 day')::date AS month_end
  FROM generate_series(date_trunc('month', greatest(v.period_start, :start)),
                       least(v.period_end, :end), INTERVAL '1 month') AS d) AS m
WHERE a.organization_id = :org AND NOT a.deleted
  AND v.period_start <= :end AND v.period_end >= :start
GROUP BY 1, 2"""
)


def _templates() -> list[dict[str, object]]:
    library = load_factor_library()
    rows = []
    for kind, (request, days, source) in enumerate(TEMPLATES):
        result = estimate(EstimateRequest(region="GB", year=2024, **request), library)
        shares = {gas.gas: gas.co2e_kg / result.co2e_kg for gas in result.gases}
        rows.append(
            {
                "kind": kind,
                "activity": result.activity,
                "scope": result.scope,
                "category": result.scope3_category.number if result.scope3_category else None,
                "factor_id": result.factor.id,
                "days": days,
                "source": source,
                "co2e_kg": result.co2e_kg,
                "inputs": json.dumps(request),
                "result": result.model_dump_json(),
                "gas_shares": json.dumps(shares),
            }
        )
    return rows


def _p(values: list[float], share: float) -> float:
    return sorted(values)[int(share * (len(values) - 1))] * 1000


Timed = Callable[[int], Awaitable[object]]


async def _timed(call: Timed) -> list[float]:
    """RUNS timings of ``call``, after a warm-up of WARM_UP untimed calls."""
    for run in range(WARM_UP):
        await call(run)
    times = []
    for run in range(RUNS):
        started = time.perf_counter()
        await call(run)
        times.append(time.perf_counter() - started)
    return times


Signer = Callable[[], dict[str, str]]


@dataclass
class Lag:
    seconds: list[float]
    """Each event's lag."""
    written: int
    batches_per_s: float
    """The ingest rate Carbon actually took (below the asked rate if it fell behind)."""


async def _ingest_steadily(
    carbon: httpx.AsyncClient, sign: Signer, meters: list[str], seconds: int
) -> float:
    """Each meter sends an hour of minute readings once a second; returns seconds taken."""
    start = datetime(2030, 1, 1, tzinfo=UTC)
    loop = asyncio.get_running_loop()
    began = loop.time()
    for second in range(seconds):
        minutes = [start + timedelta(minutes=second * 60 + m) for m in range(60)]
        body = {"readings": [{"ts": ts.isoformat(), "value": 1.0} for ts in minutes]}
        headers = sign()  # identity headers expire; a slow run must not outlive them
        answers = await asyncio.gather(
            *(
                carbon.post(f"{CARBON}/meters/{meter}/readings", json=body, headers=headers)
                for meter in meters
            )
        )
        for answer in answers:
            assert answer.status_code == 201, answer.text[:300]
        await asyncio.sleep(max(0.0, began + second + 1 - loop.time()))
    return loop.time() - began


async def _written(carbon: Database, tenant: str) -> dict[str, datetime]:
    """Carbon's events for ``tenant``: id -> when written (in the change's transaction)."""
    outbox = carbon_messaging.outbox
    async with carbon.session() as session:
        rows = await session.execute(
            sa.select(outbox.c.event_id, outbox.c.created_at).where(outbox.c.tenant == tenant)
        )
        return dict(rows.all())


async def _projected(analytics: Database, events: Iterable[str]) -> dict[str, datetime]:
    """When Analytics' projection applied each event, once it has applied them all."""
    processed = messaging.processed_events
    wanted = list(events)
    deadline = time.monotonic() + 120
    while True:
        async with analytics.session() as session:
            rows = await session.execute(
                sa.select(processed.c.event_id, processed.c.processed_at).where(
                    processed.c.consumer_group == projection.GROUP,
                    processed.c.event_id.in_(wanted),
                )
            )
            applied: dict[str, datetime] = dict(rows.all())
        if len(applied) == len(wanted) or time.monotonic() > deadline:
            return applied
        await asyncio.sleep(0.5)


@asynccontextmanager
async def _carbon_api(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """Carbon's API with Analytics consuming: on Kafka one process each, as deployed;
    without Kafka the whole platform in this process, as ``make up`` runs it."""
    if settings.kafka_bootstrap_servers:
        with tempfile.TemporaryDirectory() as data_dir:
            environment = {
                "ECOTRACK_DATABASE_URL": str(settings.database_url),
                "ECOTRACK_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
                "ECOTRACK_SECRET_KEY": settings.secret_key.get_secret_value(),
                "ECOTRACK_DATA_DIR": data_dir,
            }
            async with (
                serving("carbon", environment) as carbon_url,
                serving("analytics", environment),
                httpx.AsyncClient(base_url=carbon_url, timeout=60) as client,
            ):
                yield client
        return
    platform = Platform(settings)
    await platform.migrate()
    await platform.start()
    transport = httpx.ASGITransport(app=platform.apps["carbon"])
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://carbon") as client:
            yield client
    finally:
        await platform.stop()


async def _lag(settings: Settings) -> Lag:
    """Seconds from each Carbon event's write to its projection by Analytics, end to end.

    Readings arrive through Carbon's API; each accepted batch writes a readings event and
    a corrected meter-day activity, which go through Carbon's outbox relay and the bus
    to Analytics' consumer. Lag = Analytics' ``processed_at`` - the event's outbox
    ``created_at``, written in the same transaction as the readings. A first batch,
    projected before the clock starts, takes the consumer groups' joining out of the
    figure: it measures the steady state.
    """
    tenant = f"org-lag-{uuid.uuid4().hex[:6]}"
    identity = Identity(
        subject="bench-lag",
        kind="api_key",
        organization_id=tenant,
        scopes=("activities:write", "readings:write"),
    )

    def sign() -> dict[str, str]:
        return sign_identity(identity, settings.secret_key.get_secret_value())

    url = str(settings.database_url)
    carbon, analytics = Database(url, "carbon"), Database(url, "analytics")
    try:
        async with _carbon_api(settings) as api:
            meters = await add_meters(api, sign(), LAG_METERS + 1)
            await _ingest_steadily(api, sign, meters[:1], 1)
            warm_up = await _written(carbon, tenant)
            await _projected(analytics, warm_up)
            took = await _ingest_steadily(api, sign, meters[1:], LAG_SECONDS)
            written = {
                event: at
                for event, at in (await _written(carbon, tenant)).items()
                if event not in warm_up
            }
            applied = await _projected(analytics, written)
    finally:
        await carbon.dispose()
        await analytics.dispose()
    return Lag(
        seconds=[(applied[event] - written[event]).total_seconds() for event in applied],
        written=len(written),
        batches_per_s=LAG_METERS * LAG_SECONDS / took,
    )


async def _seed(carbon: ServiceRuntime, analytics: ServiceRuntime) -> None:
    parameters = {
        "orgs": ORGS,
        "activities": ORGS * ACTIVITIES_PER_ORG,
        "readings": READINGS,
        "meters": METERS,
        "kinds": len(TEMPLATES),
    }
    async with carbon.database.session() as session:
        for statement in TEMPLATE_TABLE:
            await session.execute(sa.text(statement))
        await session.execute(
            sa.text(
                "INSERT INTO carbon.bench_templates VALUES (:kind, :activity, :scope, "
                ":category, :factor_id, :days, :source, :co2e_kg, :inputs, "
                "CAST(:result AS jsonb), CAST(:gas_shares AS jsonb))"
            ),
            _templates(),
        )
        for statement in SEED_CARBON:
            await session.execute(sa.text(statement), parameters)
    async with analytics.database.session() as session:
        for statement in SEED_READ_MODELS:
            await session.execute(sa.text(statement), parameters)
    async with analytics.database.reader() as connection:  # VACUUM runs outside transactions
        for statement in SETTLE:
            await connection.execute(sa.text(statement))


LedgerRows = list[sa.Row[tuple[int, date, float]]]


def _same_figures(read_model: queries.Totals, ledger: LedgerRows) -> None:
    """The two answers must agree to the milligram rounding of the read model."""
    expected = {(row.scope, f"{row.month:%Y-%m}"): row.co2e_kg for row in ledger}
    found = {key: queries.kg(mg) for key, mg in read_model.rows.items()}
    if found.keys() != expected.keys() or any(
        abs(found[key] - expected[key]) > 0.01 for key in expected
    ):
        raise AssertionError(f"read model {found} differs from the ledger {expected}")


async def run() -> str:
    settings = Settings()
    if not settings.database_url or not settings.database_url.startswith("postgresql"):
        return "analytics: skipped (set ECOTRACK_DATABASE_URL to a PostgreSQL database)"
    backends = Backends.from_settings(settings)
    await backends.start()
    carbon = ServiceRuntime(SERVICE_SPECS["carbon"](), backends)
    analytics = ServiceRuntime(SERVICE_SPECS["analytics"](), backends)
    await carbon.migrate()
    await analytics.migrate()
    seeding = time.perf_counter()
    await _seed(carbon, analytics)
    seeded = time.perf_counter() - seeding
    year = queries.Filters(date(2024, 1, 1), date(2024, 12, 31))

    async def from_read_model(run: int) -> queries.Totals:
        async with analytics.database.reader() as connection:
            return await queries.emissions(
                connection, f"org-{run % ORGS}", year, ("scope", "month")
            )

    async def from_ledger(run: int) -> LedgerRows:
        async with carbon.database.reader() as connection:
            parameters = {"org": f"org-{run % ORGS}", "start": year.start, "end": year.end}
            return list((await connection.execute(FROM_LEDGER, parameters)).all())

    for org in range(0, ORGS, max(ORGS // 10, 1)):
        _same_figures(await from_read_model(org), await from_ledger(org))
    fast = await _timed(from_read_model)
    slow = await _timed(from_ledger)
    await carbon.database.dispose()
    await analytics.database.dispose()
    await backends.stop()
    lag = await _lag(settings)
    ratio = statistics.median(slow) / statistics.median(fast)
    topology = "one process per service" if settings.kafka_bootstrap_servers else "one process"
    return (
        f"analytics: {ORGS} orgs, {ORGS * ACTIVITIES_PER_ORG:,} activities, "
        f"{READINGS:,} readings seeded in {seeded:.0f} s; bus: {backends.transport.kind}\n"
        f"  dashboard (1 org, 1 year, month x scope) read model: p50 {_p(fast, 0.5):.2f} ms, "
        f"p95 {_p(fast, 0.95):.2f} ms\n"
        f"  same aggregate from Carbon's ledger rows: p50 {_p(slow, 0.5):.2f} ms, "
        f"p95 {_p(slow, 0.95):.2f} ms; ratio p50 {ratio:.0f}x, "
        f"p95 {_p(slow, 0.95) / _p(fast, 0.95):.0f}x\n"
        f"  projection lag ({topology}), {LAG_METERS} meters each sending an hour of minute "
        f"readings a second through Carbon's API for {LAG_SECONDS} s "
        f"(taken at {lag.batches_per_s:.0f} batches/s): "
        f"p50 {_p(lag.seconds, 0.5) / 1000:.3f} s, p95 {_p(lag.seconds, 0.95) / 1000:.3f} s, "
        f"max {max(lag.seconds):.3f} s ({len(lag.seconds)} of {lag.written} events applied)"
    )
