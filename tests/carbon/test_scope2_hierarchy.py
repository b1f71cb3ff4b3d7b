"""Scope 2 rules for private electricity factors (GHG Protocol Scope 2 Guidance, 2015).

A private ``electricity.grid`` factor says its ``electricity_basis``: a grid average may
stand in for the published grid factor location-based (and says so); supplier-specific
factors and residual mixes count only market-based, below the contractual instruments and
above the grid average, which is the last resort. Published numbers come from the shipped
tables; the private factors' and instruments' numbers are the organisation's own.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic import command
from carbon_api import API, GB_GRID_2024, GRID, ORG_A, ORG_B, Sign, acme_grid_factor, signer
from ledger_api import outbox
from sqlalchemy import Connection

from ecotrack.carbon import engine
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.models import ActivityRow, ActivityVersionRow, Base
from ecotrack.carbon.schemas import ActivityCreate
from ecotrack.core.config import Settings
from ecotrack.core.migrations import alembic_config
from ecotrack.core.security import Role
from ecotrack.platform import Platform
from hosting import running_platform

LB_KG = 0.45359237
GB_GRID_2020 = 0.23314  # desnz_2020.csv, Electricity: UK, kWh, kg CO2e
# epa_egrid2023_subregion_output_rates.csv, CAMX total output per MWh, under AR5 (28, 265)
CAMX_KG_PER_MWH = (436.655 + 0.025 * 28 + 0.003 * 265) * LB_KG
PUBLISHED_GB_2024 = "desnz-2024:electricity.grid:GB:kWh"


def factor(basis: str | None, value: float, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "activity": "electricity.grid",
        "region": "GB",
        "year": 2024,
        "unit": "kWh",
        "co2e_kg_per_unit": value,
        "gwp_basis": "AR5",
        "citation": f"Acme Energy {basis} 2024",
        "dataset": "acme-energy",
        "electricity_basis": basis,
    }
    return body | changes


def close(expected: float) -> Any:
    # answers show kg to the milligram
    return pytest.approx(expected, rel=1e-9, abs=1e-6)


async def _created(carbon: httpx.AsyncClient, path: str, body: Any, headers: Any) -> Any:
    answer = await carbon.post(f"{API}/{path}", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def _estimate(carbon: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> Any:
    answer = await carbon.post(f"{API}/estimates", json=GRID | body, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _notices(result: Any, text: str) -> list[str]:
    return [n for n in result["notices"] if text in n]


# --- the basis on the private factor API -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "member"),
    [
        (factor(None, 0.1), "accepted_values"),  # electricity must say which it is
        (factor("green", 0.1), "accepted_values"),
        (factor("Grid_Average", 0.1), "accepted_values"),
        (
            factor(
                "grid_average",
                0.15,
                activity="fuel.natural_gas",
                options={"calorific_basis": "gross"},
            ),
            "electricity_activities",
        ),
    ],
)
async def test_the_electricity_basis_is_required_for_electricity_only(
    carbon: httpx.AsyncClient, sign: Sign, body: dict[str, Any], member: str
) -> None:
    answer = await carbon.post(f"{API}/private-factors", json=body, headers=sign(ORG_A))
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert "electricity_basis" in problem["detail"]
    if member == "accepted_values":
        assert problem[member] == ["grid_average", "supplier_specific", "residual_mix"]
    else:
        assert problem[member] == ["electricity.grid"]
    assert (await carbon.get(f"{API}/private-factors", headers=sign(ORG_A))).json()["total"] == 0


async def test_the_basis_is_stored_and_shown_with_the_factor(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    supplier = await _created(
        carbon, "private-factors", factor("supplier_specific", 0.1), sign(ORG_A)
    )
    assert supplier["electricity_basis"] == "supplier_specific"
    gas = {
        "activity": "fuel.natural_gas",
        "region": "GB",
        "year": 2024,
        "unit": "kWh",
        "co2e_kg_per_unit": 0.15,
        "citation": "Acme Gas 2024",
    }
    assert (await _created(carbon, "private-factors", gas, sign(ORG_A)))[
        "electricity_basis"
    ] is None

    viewer = sign(ORG_A, Role.VIEWER)
    own = (await carbon.get(f"{API}/private-factors/{supplier['id']}", headers=viewer)).json()
    looked_up = (await carbon.get(f"{API}/factors/{supplier['id']}", headers=viewer)).json()
    listed = (await carbon.get(f"{API}/private-factors", headers=viewer)).json()["items"]
    assert own["electricity_basis"] == looked_up["electricity_basis"] == "supplier_specific"
    assert [f["electricity_basis"] for f in listed] == ["supplier_specific", None]
    published = (await carbon.get(f"{API}/factors/{PUBLISHED_GB_2024}")).json()
    assert published["electricity_basis"] is None  # published grid factors: grid averages

    created = [data for kind, data in await outbox(platform, "factor.private_created")]
    assert [e["electricity_basis"] for e in created] == ["supplier_specific", None]


# --- location-based: grid averages only ------------------------------------------------------


async def test_a_supplier_specific_factor_changes_the_market_based_figure_only(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    supplier = await _created(
        carbon, "private-factors", factor("supplier_specific", 0.1), sign(ORG_A)
    )

    located = await _estimate(carbon, sign(ORG_A))
    assert located["co2e_kg"] == close(1000 * GB_GRID_2024)  # 207.05, DESNZ as published
    assert located["factor"]["id"] == PUBLISHED_GB_2024
    assert located["factor"]["private"] is False
    assert located["scope2"]["location_based_kg"] == close(1000 * GB_GRID_2024)
    assert located["scope2"]["market_based_kg"] == close(1000 * 0.1)  # 100
    assert "private" not in located["selection"]

    market = await _estimate(carbon, sign(ORG_A), method="market")
    assert market["co2e_kg"] == close(1000 * 0.1)
    assert market["factor"]["id"] == supplier["id"]
    assert market["factor"]["private"] is True
    assert market["scope2"]["location_based_kg"] == close(1000 * GB_GRID_2024)
    assert supplier["id"] in market["scope2"]["market_basis"]
    assert _notices(market, "no contractual instrument covers this; the supplier-specific")
    assert not _notices(market, "last resort")
    assert any(s.startswith("Market-based factor selection:") for s in market["steps"])

    other = await _estimate(carbon, sign(ORG_B), method="market")
    assert other["co2e_kg"] == close(1000 * GB_GRID_2024)  # another organisation's factor

    pinned = await carbon.post(
        f"{API}/estimates", json=GRID | {"factor_id": supplier["id"]}, headers=sign(ORG_A)
    )
    assert pinned.status_code == 422  # it cannot be made the location-based factor either
    assert pinned.json()["accepted_values"] == ["grid_average"]


async def test_a_grid_average_private_factor_is_used_location_based_and_said_so(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    # the report in issue 13: a year-1900 factor cited as "0" replaced DESNZ without a word
    own = await _created(
        carbon,
        "private-factors",
        factor("grid_average", 0.3, year=1900, citation="0"),
        sign(ORG_A),
    )
    result = await _estimate(carbon, sign(ORG_A))
    assert result["co2e_kg"] == close(1000 * 0.3)
    assert result["factor"]["id"] == own["id"]
    assert "grid-average (private) factor" in result["selection"]
    [notice] = _notices(result, "location-based:")
    assert own["id"] in notice
    assert "1900" in notice
    assert f"instead of the published {PUBLISHED_GB_2024}" in notice
    # market-based has nothing better, so it falls back to that same grid average
    assert result["scope2"]["market_based_kg"] == close(1000 * 0.3)
    assert result["scope2"]["market_basis"].startswith("grid-average fallback")
    assert _notices(result, "the grid average (the location-based figure) is used")


# --- market-based: the hierarchy -------------------------------------------------------------


async def test_market_based_takes_instruments_then_supplier_rates_then_residual_mix(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    editor = sign(ORG_A)
    residual = await _created(
        carbon, "private-factors", factor("residual_mix", 0.4, year=2021), editor
    )
    supplier = await _created(carbon, "private-factors", factor("supplier_specific", 0.1), editor)

    # supplier-specific before residual mix
    result = await _estimate(carbon, editor, method="market")
    assert result["co2e_kg"] == close(1000 * 0.1)
    assert result["factor"]["id"] == supplier["id"]

    # an instrument before both
    rego = {"kind": "energy_attribute_certificate", "factor_kg_per_kwh": 0.0, "region": "GB"}
    rego |= {"year": 2024, "description": "REGOs for 2024 supply"}
    instrument = await _created(carbon, "instruments", rego, editor)
    covered = await _estimate(carbon, editor, method="market")
    assert covered["co2e_kg"] == 0.0
    assert covered["factor"]["id"] == f"instrument:{instrument['id']}"
    assert not _notices(covered, "market-based")
    assert covered["scope2"]["location_based_kg"] == close(1000 * GB_GRID_2024)

    # 2023: the certificates are for 2024 and the supplier's rate is a 2024 one (never
    # applied to an earlier year), so the 2021 residual mix is next, with its vintage said
    in_2023 = await _estimate(carbon, editor, method="market", year=2023)
    assert in_2023["co2e_kg"] == close(1000 * 0.4)
    assert in_2023["factor"]["id"] == residual["id"]
    assert _notices(in_2023, "supplier-specific factors do not fit")
    assert _notices(
        in_2023, "no contractual instrument or supplier-specific factor covers this; the residual"
    )
    assert _notices(in_2023, "describes 2021, not the activity year 2023")
    # location-based stays the published grid factor: DESNZ 2023 (stored unrounded)
    assert in_2023["scope2"]["location_based_kg"] == close(1000 * 0.207074288590604)

    # 2020: nothing of the organisation's applies; the grid average is the last resort
    in_2020 = await _estimate(carbon, editor, method="market", year=2020)
    assert in_2020["co2e_kg"] == close(1000 * GB_GRID_2020)
    assert in_2020["scope2"]["market_based_kg"] == in_2020["scope2"]["location_based_kg"]
    assert in_2020["factor"]["id"] == "desnz-2020:electricity.grid:GB:kWh"
    [fallback] = _notices(in_2020, "last resort")
    assert fallback.startswith(
        "market-based: no contractual instrument, supplier-specific factor or residual mix "
        "covers this; the grid average"
    )

    # same market: GB factors and instruments do not cover a Californian site
    camx = await _estimate(carbon, editor, method="market", region="US-CAMX")
    assert camx["co2e_kg"] == close(CAMX_KG_PER_MWH)  # 1000 kWh = 1 MWh of eGRID CAMX
    assert _notices(camx, "last resort")


def test_the_engine_takes_a_private_electricity_factor_without_a_basis_as_a_grid_average() -> None:
    # as the migration takes the ones stored before the basis existed
    own = acme_grid_factor(0.3)
    request = ActivityCreate.model_validate(
        GRID | {"period_start": "2024-01-01", "period_end": "2024-01-31"}
    ).estimate_request()
    result = engine.estimate(request, load_factor_library(), private_factors=[own])
    assert result.co2e_kg == pytest.approx(1000 * 0.3)
    assert result.factor.id == own.id
    assert any(n.startswith("location-based: the organisation's own") for n in result.notices)
    assert result.scope2 is not None
    assert result.scope2.market_based_kg == pytest.approx(1000 * 0.3)


# --- the migration ---------------------------------------------------------------------------


def _upgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config("carbon", Base.metadata)
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def test_the_migration_keeps_stored_factors_numbers(settings: Settings) -> None:
    """Factors stored before 0006 become grid averages: every recorded number stays."""
    before = Platform(settings)
    try:
        database = before.runtimes["carbon"].database
        async with database.engine.begin() as connection:
            if database.is_postgres:
                await connection.execute(
                    sa.text(f'CREATE SCHEMA IF NOT EXISTS "{database.schema}"')
                )
            await connection.run_sync(_upgrade_to, "0005")
            recorded = await connection.run_sync(_stored_before_0006)
    finally:
        await before.stop()

    # what the rule before 0006 gave: the private factor replaced the grid factor, and
    # market-based fell back to that location-based figure
    assert recorded == close(1000 * 0.3)

    async with running_platform(settings) as platform:
        sign = signer(settings)
        transport = httpx.ASGITransport(app=platform.apps["carbon"])
        async with httpx.AsyncClient(transport=transport, base_url="http://carbon") as carbon:
            admin = sign(ORG_A, Role.ADMIN)
            listed = (await carbon.get(f"{API}/private-factors", headers=admin)).json()["items"]
            assert {f["id"]: f["electricity_basis"] for f in listed} == {
                OLD_GRID_FACTOR: "grid_average",
                OLD_GAS_FACTOR: None,
            }
            preview = await carbon.post(f"{API}/recalculations/preview", json={}, headers=admin)
            assert preview.status_code == 200, preview.text
            assert preview.json() == {"applied": False, "items": [], "skipped": []}
            result = await _estimate(carbon, admin)
            assert result["factor"]["id"] == OLD_GRID_FACTOR
            assert result["scope2"]["location_based_kg"] == close(1000 * 0.3)
            assert result["scope2"]["market_based_kg"] == close(1000 * 0.3)
            record = (await carbon.get(f"{API}/activities/{OLD_ACTIVITY}", headers=admin)).json()
            assert (record["co2e_kg"], record["location_based_kg"], record["market_based_kg"]) == (
                close(1000 * 0.3),
                close(1000 * 0.3),
                close(1000 * 0.3),
            )


OLD_GRID_FACTOR = "private-0123456789abcdef-2024:electricity.grid:GB:kWh"
OLD_GAS_FACTOR = "private-0123456789abcdef-2024:fuel.natural_gas:GB:gross:kWh"
OLD_ACTIVITY = str(uuid.UUID(int=2024))


def _stored_before_0006(connection: Connection) -> float:
    """Rows as revision 0005 held them: two private factors and an activity using one.

    Returns the activity's recorded kg CO2e.
    """
    now = datetime.now(UTC)
    factors = sa.table(
        "private_factors",
        *(
            sa.column(name)
            for name in (
                "id",
                "organization_id",
                "activity",
                "region",
                "year",
                "unit",
                "co2e_kg_per_unit",
                "gwp_basis",
                "dataset",
                "dataset_version",
                "label",
                "citation",
                "source_url",
                "licence",
                "created_by",
                "created_at",
            )
        ),
        sa.column("options", sa.JSON),
    )
    common = {
        "organization_id": ORG_A,
        "region": "GB",
        "year": 2024,
        "unit": "kWh",
        "gwp_basis": "AR5",
        "dataset": "acme-energy",
        "dataset_version": "",
        "label": "Acme grid",
        "citation": "Acme 2024",
        "source_url": "",
        "licence": "proprietary",
        "created_by": "user-1",
        "created_at": now,
    }
    connection.execute(
        factors.insert(),
        [
            common
            | {
                "id": OLD_GRID_FACTOR,
                "activity": "electricity.grid",
                "options": {},
                "co2e_kg_per_unit": 0.3,
            },
            common
            | {
                "id": OLD_GAS_FACTOR,
                "activity": "fuel.natural_gas",
                "options": {"calorific_basis": "gross"},
                "co2e_kg_per_unit": 0.15,
            },
        ],
    )
    # the activity as recorded then, its figures worked out as that code did: the private
    # factor, whatever it was, stood in for the grid factor
    old = acme_grid_factor(
        0.3,
        id=OLD_GRID_FACTOR,
        dataset="acme-energy",
        dataset_version="",
        gwp_basis="AR5",
        label="Acme grid",
    )
    draft = ActivityCreate.model_validate(
        GRID | {"period_start": "2024-01-01", "period_end": "2024-01-31"}
    )
    result = engine.estimate(draft.estimate_request(), load_factor_library().with_private([old]))
    assert result.factor.id == OLD_GRID_FACTOR
    connection.execute(
        sa.insert(ActivityRow.__table__),
        {
            "id": OLD_ACTIVITY,
            "organization_id": ORG_A,
            "version": 1,
            "deleted": False,
            "meter_id": None,
            "meter_day": None,
        },
    )
    connection.execute(
        sa.insert(ActivityVersionRow.__table__),
        {
            "activity_id": OLD_ACTIVITY,
            "version": 1,
            "organization_id": ORG_A,
            "change": "recorded",
            "supersedes": None,
            "deleted": False,
            "facility_id": None,
            "activity": "electricity.grid",
            "period_start": date(2024, 1, 1),
            "period_end": date(2024, 1, 31),
            "scope": 2,
            "category": None,
            "co2e_kg": result.co2e_kg,
            "factor_id": result.factor.id,
            "gwp": "AR5",
            "inputs": draft.model_dump(mode="json"),
            "result": result.model_dump(mode="json"),
            "source": "api",
            "recorded_by": "user-1",
            "recorded_at": now,
        },
    )
    return result.co2e_kg
