"""Analytics sums each activity's unrounded figure and rounds the total once (amounts.py).

The arithmetic uses DESNZ 2024 natural gas, gross CV, per kWh (desnz_2024.csv, rows
1_100_1004_6_1 to _4): 0.1829 kg CO2e. 1000.006 kWh of it is 1000.006 × 0.1829 =
182.9010974 kg, that is 182,901,097.4 mg: 0.4 mg above a whole milligram. Three of them
are 548.7032922 kg, shown as 548.703292 once rounded (Carbon's ``/activities/totals``);
summed from the parts rounded to the milligram, 3 × 182.901097 = 548.703291, a milligram
short. That was Analytics' answer while it kept each activity as whole milligrams.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic import command
from analytics_api import API, activity, applied, as_member, deleted, publish
from sqlalchemy import Connection

from ecotrack.analytics import amounts, projection
from ecotrack.analytics.models import (
    Base,
    emissions_daily,
    emissions_monthly,
    emissions_overview,
)
from ecotrack.core.config import Settings
from ecotrack.core.events import Event
from ecotrack.core.migrations import alembic_config
from ecotrack.core.numbers import round_kg
from ecotrack.platform import Platform
from hosting import running_platform

GAS_KWH_GB_2024 = 0.1829  # DESNZ 2024 natural gas, gross CV, kg CO2e/kWh
QUANTITY_KWH = 1000.006
ONE_KG = QUANTITY_KWH * GAS_KWH_GB_2024  # 182.9010974 kg = 182,901,097.4 mg
ONCE = 548.703292  # round(3 × 182.9010974 kg) to the milligram
FROM_ROUNDED_PARTS = 548.703291  # 3 × round(182.9010974 kg): the wrong way
YEAR = {"from": "2024-01-01", "to": "2024-12-31"}
CARBON_API = "/api/v1/carbon"


def test_the_arithmetic() -> None:
    assert ONE_KG == 182.9010974
    assert round(ONE_KG * 1e6 % 1, 6) == 0.4  # 0.4 mg above a whole milligram
    assert round_kg(ONE_KG + ONE_KG + ONE_KG) == ONCE
    assert 3 * round_kg(ONE_KG) == FROM_ROUNDED_PARTS != ONCE
    # what Analytics adds up: each figure exact to the picogram, rounded once at the end
    # (the float 182.9010974 is 182.901097399999998... kg: its own last digits)
    assert amounts.picograms(ONE_KG) == 182_901_097_399_999_998
    assert amounts.kg(3 * amounts.picograms(ONE_KG)) == ONCE
    assert amounts.split(3 * 10**9 + 500_000_000) == (4, -500_000_000)  # 3.5 mg: to even
    assert amounts.split(-(10**9) // 2) == (0, -500_000_000)  # -0.5 mg rounds to 0
    assert amounts.kg(-(10**9) // 2) == 0.0


def _gas(period_start: str, period_end: str) -> dict[str, Any]:
    return {
        "activity": "fuel.natural_gas",
        "quantity": QUANTITY_KWH,
        "unit": "kWh",
        "region": "GB",
        "year": 2024,
        "period_start": period_start,
        "period_end": period_end,
    }


@pytest.fixture
async def carbon(platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=platform.apps["carbon"])
    async with httpx.AsyncClient(transport=transport, base_url="http://carbon") as http:
        yield http


async def _carbon_events(platform: Platform, organization_id: str) -> list[Event]:
    table = platform.runtimes["carbon"].spec.metadata.tables["outbox"]
    async with platform.runtimes["carbon"].database.session() as session:
        payloads = (await session.scalars(sa.select(table.c.payload))).all()
    events = [Event.from_json(payload) for payload in payloads]
    return [event for event in events if event.data.get("organization_id") == organization_id]


async def test_analytics_totals_equal_carbons_rounded_once_not_summed_from_rounded_parts(
    platform: Platform,
    analytics: httpx.AsyncClient,
    carbon: httpx.AsyncClient,
    settings: Settings,
) -> None:
    org = f"org-{uuid.uuid4().hex[:8]}"
    headers = as_member(settings, org)
    # one day, a month and a period across months: the daily and monthly rows differ
    for period in (
        ("2024-01-15", "2024-01-15"),
        ("2024-02-01", "2024-02-29"),
        ("2024-03-10", "2024-05-20"),
    ):
        answer = await carbon.post(f"{CARBON_API}/activities", json=_gas(*period), headers=headers)
        assert answer.status_code == 201, answer.text
        assert answer.json()["co2e_kg"] == 182.901097
    # written with the records, in the same transactions; the relay and bus bring them
    events = await _carbon_events(platform, org)
    assert [event.type for event in events] == ["activity.recorded"] * 3
    await applied(platform, events)

    totals = await carbon.get(f"{CARBON_API}/activities/totals", headers=headers)
    assert totals.status_code == 200, totals.text
    assert totals.json()["co2e_kg"] == ONCE

    async def answer(path: str, **params: Any) -> Any:
        found = await analytics.get(f"{API}/{path}", params=YEAR | params, headers=headers)
        assert found.status_code == 200, found.text
        return found.json()

    # the overview, the monthly and the daily aggregate answer the same exact sum
    for params in ({}, {"group_by": "facility"}, {"to": "2024-12-30", "group_by": "gas"}):
        body = await answer("emissions", **params)
        assert body["total_co2e_kg"] == ONCE != FROM_ROUNDED_PARTS, (params, body)
    by_year = await answer("emissions", group_by="year")
    assert by_year["rows"] == [{"year": 2024, "co2e_kg": ONCE}]
    report = await answer("reports/inventory", year=2024)
    assert report["totals"]["scope1_kg"] == ONCE
    assert report["totals"]["total_location_based_kg"] == ONCE
    # the gases come to the total to within their own rounding, with no binary noise
    gases = report["by_gas_kg"]
    assert abs(sum(gases.values()) - ONCE) <= 1.5e-6, gases
    assert all(value == round_kg(value) for value in gases.values()), gases
    change = await answer("emissions/change")
    assert change["total"]["change_kg"] == ONCE


async def _stored(platform: Platform, organization_id: str) -> list[list[tuple[Any, ...]]]:
    """Every aggregate row of the organisation, without its id, in key order."""
    found = []
    async with platform.runtimes["analytics"].database.session() as session:
        for table in (emissions_daily, emissions_monthly, emissions_overview):
            columns = [c for c in table.columns if c.name != "organization_id"]
            rows = await session.execute(
                sa.select(*columns)
                .where(table.c.organization_id == organization_id)
                .order_by(*[c for c in columns if c.primary_key])
            )
            found.append([tuple(row) for row in rows])
    return found


def _ledger(org: str) -> list[Event]:
    """Sub-milligram figures recorded, corrected, recalculated and deleted again."""
    first = activity(org, co2e_kg=ONE_KG, start=date(2024, 1, 1), end=date(2024, 1, 31))
    second = activity(org, co2e_kg=ONE_KG, start=date(2024, 1, 20), end=date(2024, 3, 2), scope=2)
    corrected = activity(
        org,
        co2e_kg=ONE_KG * 3,
        start=date(2024, 1, 5),
        end=date(2024, 2, 9),
        activity_id=first.data["activity_id"],
        version=2,
        kind="activity.corrected",
    )
    recalculated = activity(
        org,
        co2e_kg=ONE_KG / 7,
        start=date(2024, 1, 20),
        end=date(2024, 3, 2),
        scope=2,
        market_based_kg=0.0000004,
        activity_id=second.data["activity_id"],
        version=2,
        kind="emissions.recalculated",
    )
    return [first, second, corrected, recalculated]


async def test_corrections_and_deletions_come_back_to_exactly_zero_in_any_order(
    platform: Platform, analytics: httpx.AsyncClient, settings: Settings
) -> None:
    in_order, shuffled = f"org-{uuid.uuid4().hex[:8]}", f"org-{uuid.uuid4().hex[:8]}"
    ledger = _ledger(in_order)
    await publish(platform, ledger)
    scrambled = _ledger(shuffled)
    random.Random(13).shuffle(scrambled)
    await publish(platform, scrambled)
    # the same versions in another order store the very same amounts, row by row
    assert await _stored(platform, in_order) == await _stored(platform, shuffled)
    headers = as_member(settings, in_order)
    body = (await analytics.get(f"{API}/emissions", params=YEAR, headers=headers)).json()
    assert body["total_co2e_kg"] == round_kg(ONE_KG * 3 + ONE_KG / 7)
    market = (
        await analytics.get(
            f"{API}/emissions",
            params=YEAR | {"scope2_method": "market", "group_by": "scope"},
            headers=headers,
        )
    ).json()
    # 0.4 mg of scope 2 market-based: counted in the total, no row of 0 kg
    assert market["rows"] == [{"scope": 1, "co2e_kg": round_kg(ONE_KG * 3)}]
    assert market["total_co2e_kg"] == round_kg(ONE_KG * 3 + 0.0000004)

    # deleted, every aggregate row is exactly zero: no data, no 0 kg rows, no coverage
    await publish(platform, [deleted(event) for event in ledger[2:]])  # the latest versions
    daily, monthly, overview = await _stored(platform, in_order)
    assert daily
    assert {row[-2:] for row in daily + monthly + overview} == {(0, 0)}
    body = (
        await analytics.get(
            f"{API}/emissions", params=YEAR | {"group_by": "scope,month"}, headers=headers
        )
    ).json()
    assert (body["total_co2e_kg"], body["rows"]) == (0.0, [])
    coverage = (await analytics.get(f"{API}/coverage", params=YEAR, headers=headers)).json()
    assert coverage["facilities"] == []
    assert len(coverage["months_without_any_data"]) == 12


async def test_the_stored_pair_is_the_exact_sum_in_one_form_on_either_database(
    platform: Platform,
) -> None:
    """The upsert carries in SQL as :func:`amounts.split` does in Python, ties included."""
    database = platform.runtimes["analytics"].database
    rng = random.Random(5)
    org = f"org-{uuid.uuid4().hex[:8]}"
    day = date(2024, 6, 1)
    key = ("site-1", 1, "", 0, "CO2", day)
    half = amounts.HALF_MG_PG
    total = 0
    steps = [half, half, -half, 3 * half, -7 * half, 1, -1, -2 * half - 1]
    steps += [rng.randrange(-(10**20), 10**20) for _ in range(20)]
    steps += [rng.randrange(-(10**10), 10**10) * half for _ in range(20)]
    for step in steps:
        total += step
        async with database.session() as session:
            await projection._add_emissions(session, org, Counter({key: step}))
        async with database.session() as session:
            stored = (
                await session.execute(
                    sa.select(emissions_daily.c.co2e_mg, emissions_daily.c.co2e_rest_pg).where(
                        emissions_daily.c.organization_id == org
                    )
                )
            ).one()
        assert tuple(stored) == amounts.split(total), (step, total)


# --- the migration -------------------------------------------------------------------------


def _upgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config("analytics", Base.metadata)
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _stored_before_0005(connection: Connection, events: list[Event]) -> None:
    """The rows revision 0004 held for ``events``: each total rounded to whole milligrams."""
    versions = sa.table(
        "activity_versions",
        *(
            sa.column(name)
            for name in (
                "activity_id",
                "organization_id",
                "version",
                "deleted",
                "period_start",
                "period_end",
            )
        ),
        sa.column("record", sa.JSON),
    )
    daily: Counter[tuple[Any, ...]] = Counter()
    for event in events:
        data = event.data
        connection.execute(
            versions.insert().values(
                activity_id=data["activity_id"],
                organization_id=data["organization_id"],
                version=data["version"],
                deleted=False,
                period_start=date.fromisoformat(data["period_start"]),
                period_end=date.fromisoformat(data["period_end"]),
                record=data,
            )
        )
        for cell, pg in projection.contributions(data, whole_milligrams=True).items():
            assert pg % amounts.PG_PER_MG == 0
            daily[(data["organization_id"], *cell)] += pg // amounts.PG_PER_MG
    monthly: Counter[tuple[Any, ...]] = Counter()
    overview: Counter[tuple[Any, ...]] = Counter()
    for (org, facility, scope, method, category, gas, day), mg in daily.items():
        month = day.replace(day=1)
        monthly[(org, facility, scope, method, category, gas, month)] += mg
        overview[(org, scope, method, month)] += mg
    dimensions = ("organization_id", "facility_id", "scope", "method", "category", "gas")
    for name, keys, amounts_of in (
        ("emissions_daily", (*dimensions, "day"), daily),
        ("emissions_monthly", (*dimensions, "month"), monthly),
        ("emissions_overview", ("organization_id", "scope", "method", "month"), overview),
    ):
        table = sa.table(name, *(sa.column(column) for column in (*keys, "co2e_mg")))
        connection.execute(
            table.insert(),
            [
                dict(zip((*keys, "co2e_mg"), (*key, mg), strict=True))
                for key, mg in amounts_of.items()
            ],
        )


async def test_the_migration_keeps_stored_milligrams_and_a_rebuild_makes_them_exact(
    settings: Settings,
) -> None:
    """Rows from 0004 answer as before; their deletion subtracts exactly what they added;
    a rebuild replays every version unrounded."""
    org = "org-before-0005"
    ledger = [
        activity(org, co2e_kg=ONE_KG, start=date(2024, 1, 1), end=date(2024, 1, 31))
        for _ in range(3)
    ]
    mistake = activity(org, co2e_kg=ONE_KG, start=date(2024, 2, 3), end=date(2024, 3, 1))
    before = Platform(settings)
    try:
        database = before.runtimes["analytics"].database
        async with database.engine.begin() as connection:
            if database.is_postgres:
                await connection.execute(
                    sa.text(f'CREATE SCHEMA IF NOT EXISTS "{database.schema}"')
                )
            await connection.run_sync(_upgrade_to, "0004")
            await connection.run_sync(_stored_before_0005, [*ledger, mistake])
    finally:
        await before.stop()

    async with running_platform(settings) as platform:
        transport = httpx.ASGITransport(app=platform.apps["analytics"])
        async with httpx.AsyncClient(transport=transport, base_url="http://analytics") as http:
            headers = as_member(settings, org)

            async def total() -> float:
                answer = await http.get(f"{API}/emissions", params=YEAR, headers=headers)
                assert answer.status_code == 200, answer.text
                return float(answer.json()["total_co2e_kg"])

            # as stored: each activity rounded to the milligram, as before the upgrade
            assert await total() == 4 * round_kg(ONE_KG)
            # the mistake leaves no trace: what it added was whole milligrams, and so is
            # what its deletion takes away
            await publish(platform, [deleted(mistake)])
            assert await total() == FROM_ROUNDED_PARTS
            february = await http.get(
                f"{API}/emissions",
                params={"from": "2024-02-01", "to": "2024-03-31", "group_by": "month"},
                headers=headers,
            )
            assert (february.json()["total_co2e_kg"], february.json()["rows"]) == (0.0, [])

            # the bus holds the history (the consumer ignores versions it has); a rebuild
            # replays it with each figure unrounded
            await publish(platform, [*ledger, mistake, deleted(mistake)])
            assert await total() == FROM_ROUNDED_PARTS
            await projection.rebuild(
                platform.runtimes["analytics"].database,
                platform.backends.transport,
                lambda *_: None,
            )
            assert await total() == ONCE
