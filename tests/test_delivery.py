"""Nothing acknowledged is lost, nothing is applied twice: real processes, real failures.

``ecotrack up`` runs as a process of its own, on the test's backends, and is driven over
HTTP like any client (``chaos.Launcher`` forks it from an interpreter that has imported
EcoTrack once, so a start takes a second rather than the import's many). A batch of
readings answered 201 must reach Analytics exactly once however the platform fails
afterwards: SIGKILLed before its projection ran (held back with
``ECOTRACK_PAUSED_CONSUMER_GROUPS``, so the window is certain, not a race) or while it
ran; on PostgreSQL + Kafka also with the broker paused (SIGSTOP, SIGCONT) and its
connections reset mid-ingest, and with the platform's PostgreSQL connections terminated;
meanwhile the outbox backlog its ``/metrics`` exports rises and, once the broker is back, falls.
"Exactly once" is checked twice: Analytics' hourly counts and sums equal Carbon's stored
readings (an event applied twice would double an hour), and every event Carbon's outbox
holds is recorded as processed by the projection.

The test broker keeps its log in memory, so a broker restart (which loses the topics) is
not tested here; docs/operations.md says what a real Kafka needs for that case.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from accounts import bearer, log_in, profile_ready, sign_up, token_when
from backends import free_port, wait_for
from chaos import Launcher, TcpProxy, pausable_broker, platform_environment
from ecotrack.core.config import Settings

CARBON = "/api/v1/carbon"
PROJECTION = "analytics.projection"
START = datetime(2024, 3, 4, tzinfo=UTC)
PER_BATCH = 48  # twelve hours of quarter-hourly readings


class Meter:
    """A meter of a new organisation, fed and read over the platform's public API."""

    def __init__(self, headers: dict[str, str], meter_id: str) -> None:
        self.headers = headers
        self.id = meter_id
        self.acknowledged: list[int] = []

    @classmethod
    async def create(cls, http: httpx.AsyncClient) -> Meter:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        await sign_up(http, email)
        first = await log_in(http, email)
        await wait_for(lambda: profile_ready(http, first["access_token"]), within=60)
        created = await http.post(
            "/api/v1/users/organizations",
            json={"name": "Crash test"},
            headers=bearer(first["access_token"]),
        )
        assert created.status_code == 201, created.text
        tokens = await token_when(http, email, created.json()["id"], "owner")
        headers = bearer(tokens["access_token"])
        facility = await http.post(
            f"{CARBON}/facilities", json={"name": "Leeds", "region": "GB"}, headers=headers
        )
        assert facility.status_code == 201, facility.text
        meter = await http.post(
            f"{CARBON}/meters",
            json={
                "facility_id": facility.json()["id"],
                "name": "Main",
                "kind": "electricity",
                "unit": "kWh",
            },
            headers=headers,
        )
        assert meter.status_code == 201, meter.text
        return cls(headers, meter.json()["id"])

    async def ingest(self, http: httpx.AsyncClient, batch: int, *, attempts: int = 1) -> None:
        """Send batch number ``batch`` until it is answered 201 (a retry re-uses its
        Idempotency-Key, as a meter's client does); only then is it acknowledged."""
        start = START + timedelta(hours=12 * batch)
        readings = [
            {
                "ts": (start + timedelta(minutes=15 * n)).isoformat().replace("+00:00", "Z"),
                "value": 1.0 + ((batch * PER_BATCH + n) % 7) * 0.25,
            }
            for n in range(PER_BATCH)
        ]
        headers = {**self.headers, "Idempotency-Key": f"batch-{self.id}-{batch}"}
        answer: httpx.Response | Exception | None = None
        for attempt in range(attempts):
            try:
                answer = await http.post(
                    f"{CARBON}/meters/{self.id}/readings",
                    json={"readings": readings},
                    headers=headers,
                )
            except httpx.TransportError as exc:
                answer = exc
            else:
                if answer.status_code == 201:
                    self.acknowledged.append(batch)
                    return
                assert answer.status_code >= 500, answer.text  # only failures are retried
            await asyncio.sleep(0.1 * (attempt + 1))
        raise AssertionError(f"batch {batch} was never acknowledged: {answer!r}")

    def window(self) -> dict[str, str]:
        last = START + timedelta(hours=12 * (max(self.acknowledged) + 1))
        return {"from": START.date().isoformat(), "to": last.date().isoformat()}

    async def carbon_hours(self, http: httpx.AsyncClient) -> dict[str, tuple[int, float]]:
        """Carbon's stored readings, summed per hour as Analytics keeps them."""
        window = self.window()
        answer = await http.get(
            f"{CARBON}/meters/{self.id}/readings",
            params={
                "from": f"{window['from']}T00:00:00Z",
                "to": f"{window['to']}T23:59:59Z",
                "limit": 10_000,
            },
            headers=self.headers,
        )
        assert answer.status_code == 200, answer.text
        hours: dict[str, list[float]] = defaultdict(list)
        for reading in answer.json():
            ts = datetime.fromisoformat(reading["ts"].replace("Z", "+00:00"))
            hours[ts.replace(minute=0).isoformat()].append(reading["value"])
        return {hour: (len(values), round(sum(values), 6)) for hour, values in hours.items()}

    async def analytics_hours(self, http: httpx.AsyncClient) -> dict[str, tuple[int, float]]:
        answer = await http.get(
            "/api/v1/analytics/readings",
            params={"meter_id": self.id, **self.window(), "granularity": "hour"},
            headers=self.headers,
        )
        assert answer.status_code == 200, answer.text
        return {
            datetime.fromisoformat(row["period"].replace("Z", "+00:00")).isoformat(): (
                row["count"],
                round(row["sum"], 6),
            )
            for row in answer.json()["rows"]
        }

    async def converged(self, http: httpx.AsyncClient) -> dict[str, tuple[int, float]] | None:
        """Carbon's hours once Analytics shows the same (never more: no hour twice)."""
        carbon, analytics = await self.carbon_hours(http), await self.analytics_hours(http)
        for hour, (count, _) in analytics.items():
            assert count <= carbon.get(hour, (0, 0.0))[0], f"{hour} applied twice: {analytics}"
        return carbon if carbon == analytics else None


async def assert_every_event_applied_once(
    settings: Settings, meter: Meter, http: httpx.AsyncClient
) -> None:
    """Every acknowledged batch is stored, and Analytics equals Carbon, event for event."""
    hours = await wait_for(lambda: meter.converged(http), within=60, interval=0.1)
    stored = sum(count for count, _ in hours.values())
    assert stored == PER_BATCH * len(set(meter.acknowledged)), "an acknowledged batch is missing"

    async def all_applied() -> bool:
        published, processed = await _event_ids(settings)
        assert published, "Carbon's outbox holds the batches' events"
        return published <= processed

    await wait_for(all_applied, within=30, interval=0.1)


_OUTBOX = (
    "SELECT event_id FROM {schema}outbox WHERE event_type LIKE 'activity.%'"
    " OR event_type LIKE 'emissions.%' OR event_type LIKE 'reading.%'"
)
_PROCESSED = "SELECT event_id FROM {schema}processed_events WHERE consumer_group = '{group}'"


async def _event_ids(settings: Settings) -> tuple[set[str], set[str]]:
    """Carbon's projected events (its outbox) and the ids the projection has applied."""
    if settings.database_url is None:
        with sqlite3.connect(settings.data_dir / "carbon.db") as carbon:
            published = {row[0] for row in carbon.execute(_OUTBOX.format(schema=""))}
        with sqlite3.connect(settings.data_dir / "analytics.db") as analytics:
            query = _PROCESSED.format(schema="", group=PROJECTION)
            applied = {row[0] for row in analytics.execute(query)}
        return published, applied
    connection = await asyncpg.connect(settings.database_url.replace("+asyncpg", ""))
    try:
        outbox = await connection.fetch(_OUTBOX.format(schema="carbon."))
        processed = await connection.fetch(_PROCESSED.format(schema="analytics.", group=PROJECTION))
        return {row[0] for row in outbox}, {row[0] for row in processed}
    finally:
        await connection.close()


async def test_a_batch_acknowledged_before_a_kill_9_reaches_analytics_exactly_once(
    settings: Settings, tmp_path: Path, launcher: Launcher
) -> None:
    # A killed process's consumers hold their partitions until their session times out:
    # a short one lets the next process take over sooner.
    env = platform_environment(settings, ECOTRACK_KAFKA_SESSION_TIMEOUT_MS="2500")
    # The projection is held back, so the kill surely falls between the 201 and it.
    first = launcher.launch(
        {**env, "ECOTRACK_PAUSED_CONSUMER_GROUPS": f'["{PROJECTION}"]'}, tmp_path / "first.log"
    )
    async with httpx.AsyncClient(base_url=await first.ready(), timeout=30) as http:
        meter = await Meter.create(http)
        await meter.ingest(http, 0)
    # Killed once Carbon's relay has handed the batch's events to the bus (marked them
    # published): from then on only the bus can deliver them.
    await wait_for(lambda: _relayed(settings), within=30, interval=0.02)
    first.kill()

    second = launcher.launch(env, tmp_path / "second.log")
    async with httpx.AsyncClient(base_url=await second.ready(), timeout=30) as http:
        await assert_every_event_applied_once(settings, meter, http)
        # Now with the projection running: killed right after the answer, whatever it
        # was doing (applying, committing its position), nothing is lost or doubled.
        await meter.ingest(http, 1)
    second.kill()

    third = launcher.launch(env, tmp_path / "third.log")
    async with httpx.AsyncClient(base_url=await third.ready(), timeout=30) as http:
        await meter.ingest(http, 2)
        await assert_every_event_applied_once(settings, meter, http)
    third.kill()
    if settings.kafka_bootstrap_servers is not None:
        return  # replaying Kafka's topics: tests/analytics/test_projection.py

    # The embedded bus kept every event too: a replay rebuilds the read models exactly.
    output = await launcher.run(["analytics", "rebuild"], env, tmp_path / "rebuild.log")
    assert "rebuilt analytics' read models from" in output, output
    fourth = launcher.launch(env, tmp_path / "fourth.log")
    async with httpx.AsyncClient(base_url=await fourth.ready(), timeout=30) as http:
        await assert_every_event_applied_once(settings, meter, http)


async def test_broker_paused_or_cut_and_database_connections_dropped_mid_ingest(
    settings: Settings, tmp_path: Path, launcher: Launcher
) -> None:
    if settings.kafka_bootstrap_servers is None:
        pytest.skip("broker and server connections exist only on PostgreSQL + Kafka")
    assert settings.database_url is not None
    proxy_port = free_port()
    with pausable_broker(advertise_port=proxy_port) as (broker, broker_port):
        proxy = TcpProxy(("127.0.0.1", broker_port), port=proxy_port)
        try:
            env = platform_environment(settings, ECOTRACK_KAFKA_BOOTSTRAP_SERVERS=proxy.address)
            platform = launcher.launch(env, tmp_path / "platform.log")
            async with httpx.AsyncClient(base_url=await platform.ready(), timeout=30) as http:
                meter = await Meter.create(http)
                await meter.ingest(http, 0)

                broker.send_signal(signal.SIGSTOP)  # the relay is mid-publish
                try:
                    for batch in (1, 2):
                        await meter.ingest(http, batch)
                    waiting = await wait_for(lambda: _carbon_backlog(http, waiting=True), within=30)
                    assert waiting["ecotrack_outbox_oldest_age_seconds"] > 0
                finally:
                    broker.send_signal(signal.SIGCONT)
                await meter.ingest(http, 3)

                assert proxy.cut() > 0, "the platform talks to the broker through the proxy"
                for batch in (4, 5):
                    await meter.ingest(http, batch)
                await asyncio.sleep(0.5)
                proxy.restore()
                await meter.ingest(http, 6)

                terminated = await _terminate_connections(settings.database_url)
                assert terminated > 0, "the platform holds PostgreSQL connections"
                for batch in (7, 8):
                    await meter.ingest(http, batch, attempts=10)

                await assert_every_event_applied_once(settings, meter, http)
                drained = await wait_for(lambda: _carbon_backlog(http, waiting=False), within=30)
                assert drained["ecotrack_outbox_oldest_age_seconds"] == 0
            platform.kill()
        finally:
            proxy.close()


async def _carbon_backlog(http: httpx.AsyncClient, *, waiting: bool) -> dict[str, float] | None:
    """Carbon's outbox gauges as the platform's ``/metrics`` exports them, once some events
    wait (``waiting``) or once none does."""
    scrape = await http.get("/metrics")
    gauges = {
        sample.name: sample.value
        for family in text_string_to_metric_families(scrape.text)
        for sample in family.samples
        if sample.name.startswith("ecotrack_outbox_") and sample.labels.get("service") == "carbon"
    }
    pending = gauges.get("ecotrack_outbox_pending")
    if pending is None or (pending > 0) != waiting:
        return None
    return gauges


async def _relayed(settings: Settings) -> bool:
    """Whether Carbon's outbox holds no event the relay has not marked published."""
    query = "SELECT count(*) FROM {schema}outbox WHERE published_at IS NULL"
    if settings.database_url is None:
        with sqlite3.connect(settings.data_dir / "carbon.db") as carbon:
            pending: int = carbon.execute(query.format(schema="")).fetchone()[0]
        return pending == 0
    connection = await asyncpg.connect(settings.database_url.replace("+asyncpg", ""))
    try:
        return await connection.fetchval(query.format(schema="carbon.")) == 0
    finally:
        await connection.close()


async def _terminate_connections(database_url: str) -> int:
    """``pg_terminate_backend`` on every connection to the test's database but ours."""
    dsn = database_url.replace("+asyncpg", "")
    connection = await asyncpg.connect(dsn)
    try:
        rows = await connection.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return sum(1 for row in rows if row[0])
    finally:
        await connection.close()
