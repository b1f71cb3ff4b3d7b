"""Business metrics (docs/operations.md, "Business metrics"), scraped through the gateway.

Real requests through the gateway record, correct and delete activities, ingest readings,
estimate, detect an anomaly, deliver webhooks and export reports; each metric's increase is
read from two scrapes of ``/metrics`` (before and after), so what earlier tests in the same
process counted does not matter.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from ipaddress import ip_network
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from accounts import Owner, bearer, log_in, new_owner
from backends import serving, wait_for
from ecotrack.analytics import webhooks
from ecotrack.core.config import Settings
from ecotrack.core.database import Database, after_commit
from ecotrack.users import service as users_service

CARBON = "/api/v1/carbon"
ANALYTICS = "/api/v1/analytics"
GAS_ESTIMATE = {
    "activity": "fuel.natural_gas",
    "quantity": 1200,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
}
GRID_ESTIMATE = GAS_ESTIMATE | {"activity": "electricity.grid", "quantity": 1000}
JANUARY = {"period_start": "2024-01-01", "period_end": "2024-01-31"}
GAS = GAS_ESTIMATE | JANUARY
GRID = GRID_ESTIMATE | JANUARY

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The webhook receivers listen on loopback, allowed as an operator would for its host."""
    return settings.model_copy(update={"webhook_allowed_networks": [ip_network("127.0.0.0/8")]})


@pytest.fixture(autouse=True)
def quick_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the platform starts: quick webhook retries and organisation counts."""
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 2)
    monkeypatch.setattr(webhooks, "BACKOFF_S", 0.05)
    monkeypatch.setattr(webhooks, "POLL_S", 0.05)
    monkeypatch.setattr(users_service, "ORGANIZATIONS_EVERY_S", 0.05)


async def scrape(client: httpx.AsyncClient) -> Samples:
    answer = await client.get("/metrics")
    assert answer.status_code == 200, answer.text
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def increase(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


async def created(client: httpx.AsyncClient, path: str, body: Any, owner: Owner) -> Any:
    answer = await client.post(path, json=body, headers=owner.headers)
    assert answer.status_code == 201, (path, answer.text)
    return answer.json()


def reading(moment: datetime, value: float) -> dict[str, Any]:
    return {"ts": moment.isoformat().replace("+00:00", "Z"), "value": value}


async def test_carbon_counts_activities_co2e_estimates_and_readings(
    client: httpx.AsyncClient,
) -> None:
    owner = await new_owner(client, "Meter")
    facility = await created(client, f"{CARBON}/facilities", {"name": "HQ", "region": "GB"}, owner)
    meter = await created(
        client,
        f"{CARBON}/meters",
        {"facility_id": facility["id"], "name": "Main", "kind": "electricity", "unit": "kWh"},
        owner,
    )
    before = await scrape(client)

    # scope 1: recorded (counted with its figure), corrected and deleted (no figure counted)
    gas = await created(client, f"{CARBON}/activities", GAS, owner)
    path = f"{CARBON}/activities/{gas['id']}"
    corrected = await client.put(path, json=GAS | {"quantity": 600}, headers=owner.headers)
    assert corrected.status_code == 200, corrected.text
    deleted = await client.delete(path, headers=owner.headers)
    assert deleted.status_code == 200, deleted.text
    # scope 2: its location-based figure
    grid = await created(client, f"{CARBON}/activities", GRID, owner)

    # a refused change counts nothing
    refused = await client.put(path, json=GAS, headers=owner.headers)
    assert refused.status_code == 409, refused.text

    # two batches of one meter day: the day recorded, then corrected by the second batch
    day = datetime(2024, 3, 4, tzinfo=UTC)
    readings = f"{CARBON}/meters/{meter['id']}/readings"
    first = [reading(day + timedelta(hours=h), 10.0) for h in range(3)]
    second = [reading(day + timedelta(hours=h), 20.0) for h in range(3, 5)]
    ingested = await client.post(readings, json={"readings": first}, headers=owner.headers)
    assert ingested.status_code == 201, ingested.text
    replayed = {"Idempotency-Key": "batch-2"} | owner.headers
    for _ in range(2):  # the replay stores nothing and counts nothing
        again = await client.post(readings, json={"readings": second}, headers=replayed)
        assert again.status_code == 201, again.text
    (day_activity,) = again.json()["activity_ids"]
    rolled_up = await client.get(f"{CARBON}/activities/{day_activity}", headers=owner.headers)
    assert rolled_up.json()["quantity"] == 70.0

    estimated = await client.post(f"{CARBON}/estimates", json=GAS_ESTIMATE, headers=owner.headers)
    assert estimated.status_code == 200, estimated.text
    batch = {"items": [GAS_ESTIMATE, GRID_ESTIMATE, GRID_ESTIMATE, {"activity": "no.such"}]}
    answered = await client.post(f"{CARBON}/estimates/batch", json=batch, headers=owner.headers)
    assert answered.json()["failed"] == 1

    after = await scrape(client)

    def activities(scope: str, change: str) -> float:
        return increase(before, after, "ecotrack_activities_total", scope=scope, change=change)

    assert activities("1", "recorded") == 1
    assert activities("1", "corrected") == 1
    assert activities("1", "deleted") == 1
    assert activities("2", "recorded") == 2  # the grid activity and the meter day
    assert activities("2", "corrected") == 1  # the meter day's second batch
    assert activities("1", "recalculated") == activities("2", "deleted") == 0

    def co2e(scope: str) -> float:
        return increase(before, after, "ecotrack_co2e_calculated_kg_total", scope=scope)

    assert co2e("1") == pytest.approx(gas["co2e_kg"], rel=1e-6)  # neither correction nor deletion
    assert grid["location_based_kg"] > 0
    assert co2e("2") == pytest.approx(
        grid["location_based_kg"] + rolled_up.json()["location_based_kg"], rel=1e-6
    )
    assert co2e("3") == 0

    readings_ingested = increase(
        before, after, "ecotrack_readings_ingested_total", kind="electricity"
    )
    assert readings_ingested == 5
    assert increase(before, after, "ecotrack_estimates_total", scope="1") == 2
    assert increase(before, after, "ecotrack_estimates_total", scope="2") == 2


def _receiver(status: int, received: list[bytes]) -> Starlette:
    async def hook(request: Request) -> Response:
        received.append(await request.body())
        return Response(status_code=status)

    return Starlette(routes=[Route("/hook", hook, methods=["POST"])])


async def test_analytics_counts_anomalies_webhook_deliveries_and_reports(
    client: httpx.AsyncClient,
) -> None:
    owner = await new_owner(client, "Water")
    facility = await created(
        client, f"{CARBON}/facilities", {"name": "Site", "region": "GB"}, owner
    )
    meter = await created(
        client,
        f"{CARBON}/meters",
        {"facility_id": facility["id"], "name": "Water", "kind": "water", "unit": "m3"},
        owner,
    )
    await created(client, f"{CARBON}/activities", GAS, owner)
    before = await scrape(client)

    good: list[bytes] = []
    bad: list[bytes] = []
    async with serving(_receiver(204, good)) as good_url, serving(_receiver(500, bad)) as bad_url:
        for url in (good_url, bad_url):
            await created(
                client,
                f"{ANALYTICS}/webhooks",
                {"url": f"{url}/hook", "event_types": ["anomaly.detected"]},
                owner,
            )
        # four weeks of the same night hour at 2 m3, then 40 m3: one anomaly
        hour = datetime(2024, 1, 1, 3, tzinfo=UTC)
        batch = [reading(hour + timedelta(weeks=w), 2.0) for w in range(4)]
        batch.append(reading(hour + timedelta(weeks=4), 40.0))
        readings = f"{CARBON}/meters/{meter['id']}/readings"
        ingested = await client.post(readings, json={"readings": batch}, headers=owner.headers)
        assert ingested.status_code == 201, ingested.text

        async def settled() -> Samples | None:
            after = await scrape(client)
            outcomes = {
                outcome: increase(
                    before, after, "ecotrack_webhook_deliveries_total", outcome=outcome
                )
                for outcome in ("delivered", "retrying", "gave_up")
            }
            done = outcomes == {"delivered": 1, "retrying": 1, "gave_up": 1}
            return after if done else None

        after = await wait_for(settled, within=60)
    assert (len(good), len(bad)) == (1, 2)
    assert increase(before, after, "ecotrack_anomalies_detected_total") == 1
    assert increase(before, after, "ecotrack_readings_ingested_total", kind="water") == 5

    before = await scrape(client)
    inventory = f"{ANALYTICS}/reports/inventory"
    for report, params in (
        (inventory, {"year": 2024}),
        (inventory, {"year": 2024, "format": "csv"}),
        (inventory, {"year": 2024, "format": "pdf"}),
        (f"{ANALYTICS}/reports/calculations", {"year": 2024}),
    ):
        answer = await client.get(report, params=params, headers=owner.headers)
        assert answer.status_code == 200, answer.text
    refused = await client.get(
        inventory, params={"year": 2024, "format": "xlsx"}, headers=owner.headers
    )
    assert refused.status_code == 422
    after = await scrape(client)

    def reports(format: str) -> float:
        return increase(before, after, "ecotrack_reports_generated_total", format=format)

    assert (reports("json"), reports("csv"), reports("pdf"), reports("xlsx")) == (1, 2, 1, 0)


async def test_users_keeps_the_organisations_gauge_at_the_tables_count(
    client: httpx.AsyncClient,
) -> None:
    async def organizations(expected: float) -> bool:
        return value(await scrape(client), "ecotrack_organizations") == expected

    # a new database per test: none yet, whatever an earlier platform in this process set
    await wait_for(lambda: organizations(0))
    owner = await new_owner(client, "Count")
    await wait_for(lambda: organizations(1))

    tokens = await log_in(client, owner.email)
    second = await client.post(
        "/api/v1/users/organizations",
        json={"name": f"Second {uuid.uuid4().hex[:6]}"},
        headers=bearer(tokens["access_token"]),
    )
    assert second.status_code == 201, second.text
    await wait_for(lambda: organizations(2))

    deleting = await client.delete(
        f"/api/v1/users/organizations/{owner.organization_id}", headers=owner.headers
    )
    assert deleting.status_code == 202, deleting.text
    await wait_for(lambda: organizations(1))


async def test_after_commit_runs_once_the_transaction_commits_and_never_on_a_rollback(
    settings: Settings,
) -> None:
    database = Database(settings.database_url_for("ledger"), schema="ledger")
    ran: list[str] = []
    try:
        async with database.session() as session:
            await session.execute(sa.text("SELECT 1"))
            after_commit(session, lambda: ran.append("first"))
            async with session.begin_nested():  # a savepoint released is no commit
                after_commit(session, lambda: ran.append("second"))
            assert ran == []
        assert ran == ["first", "second"]

        async def failing() -> None:
            async with database.session() as session:
                await session.execute(sa.text("SELECT 1"))
                after_commit(session, lambda: ran.append("rolled back"))
                raise RuntimeError

        with pytest.raises(RuntimeError):
            await failing()
        async with database.session() as session:
            await session.execute(sa.text("SELECT 1"))
        assert ran == ["first", "second"]
    finally:
        await database.dispose()
