"""kg in answers: rounded to the milligram, once, from unrounded figures (core/numbers.py).

The arithmetic uses DESNZ 2024 natural gas, gross CV, per kWh (desnz_2024.csv, rows
1_100_1004_6_1 to _4): 0.1829 kg CO2e, of which CO2 0.18253, CH4 0.00028 and N2O 0.00009.
In binary floating point, 1200 × 0.1829 = 219.48000000000002, 1200 × 0.00028 =
0.33599999999999997 and 1200 × 0.00009 = 0.10800000000000001, and those used to be the
answer. eGRID2023 CAMX (epa_egrid2023_subregion_output_rates.csv): 0.025 lb CH4 and
0.003 lb N2O per MWh, at 0.45359237 kg per lb.
"""

from __future__ import annotations

from typing import Any

import httpx
from carbon_api import API, ORG_A, Sign
from ledger_api import outbox

from ecotrack.carbon.engine import estimate
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.schemas import EstimateRequest
from ecotrack.platform import Platform

GAS_1200: dict[str, Any] = {
    "activity": "fuel.natural_gas",
    "quantity": 1200,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
}
CAMX_1_MWH: dict[str, Any] = {
    "activity": "electricity.grid",
    "quantity": 1,
    "unit": "MWh",
    "region": "US-CAMX",
    "year": 2024,
}
LB_KG = 0.45359237


async def test_an_estimate_answers_milligrams_without_binary_noise(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    # the engine keeps the float as computed (what sums and storage use) ...
    exact = estimate(EstimateRequest(**GAS_1200), load_factor_library())
    assert exact.co2e_kg == 1200 * 0.1829 == 219.48000000000002
    ch4 = next(g for g in exact.gases if g.gas == "CH4")
    assert ch4.co2e_kg == 1200 * 0.00028 == 0.33599999999999997

    # ... and the answer shows it to the milligram
    response = await carbon.post(f"{API}/estimates", json=GAS_1200, headers=sign())
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["co2e_kg"] == 219.48
    assert {g["gas"]: g["co2e_kg"] for g in result["gases"]} == {
        "CO2": 219.036,  # 1200 × 0.18253
        "CH4": 0.336,
        "N2O": 0.108,
    }
    for noise in ("219.48000000000002", "0.33599999999999997", "0.10800000000000001"):
        assert noise not in response.text
    # the audit trail prints ten significant figures (engine.calculation._fmt): no noise
    # there either
    steps = " | ".join(result["steps"])
    assert "Result: 219.48 kg CO2e" in result["steps"][-1]
    assert "0.336 kg CO2e" in steps
    assert "0.33599" not in steps
    assert "219.480000" not in steps
    # a factor is not a result: it stays as published
    assert result["factor"]["value"] == 0.1829


async def test_a_batch_rounds_every_figure_as_a_single_estimate_does(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    items = [GAS_1200, CAMX_1_MWH]
    response = await carbon.post(f"{API}/estimates/batch", json={"items": items}, headers=sign())
    assert response.status_code == 200, response.text
    gas, camx = (item["result"] for item in response.json()["items"])
    assert gas["co2e_kg"] == 219.48
    masses = {g["gas"]: g["mass_kg"] for g in camx["gases"]}
    # 0.025 × 0.45359237 = 0.01133980925 kg and 0.003 × 0.45359237 = 0.00136077711 kg
    assert (masses["CH4"], masses["N2O"]) == (0.01134, 0.001361)
    assert camx["scope2"]["location_based_kg"] == camx["co2e_kg"]
    for item, answer in zip(items, (gas, camx), strict=True):
        single = await carbon.post(f"{API}/estimates", json=item, headers=sign())
        assert single.json() == answer


async def test_totals_are_rounded_once_from_the_unrounded_records(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    # three imported rows of 1 kWh at a contract factor of 0.1000004 kg CO2e/kWh: each is
    # 0.1000004 kg, shown as 0.1; their total is 0.3000012, shown as 0.300001 (not 0.3)
    row = "electricity.grid,1,kWh,GB,2024,2024-03-01,2024-03-31,market,"
    row += "contract_factor_kg_per_kwh=0.1000004"
    body = "\n".join(
        ["activity,quantity,unit,region,year,period_start,period_end,method,options"] + [row] * 3
    )
    imported = await carbon.post(
        f"{API}/activities/import",
        content=body.encode(),
        headers={**sign(ORG_A), "content-type": "text/csv"},
    )
    assert imported.status_code == 201, imported.text
    assert imported.json()["imported"] == 3

    records = (await carbon.get(f"{API}/activities/records", headers=sign(ORG_A))).json()
    assert [r["co2e_kg"] for r in records["items"]] == [0.1, 0.1, 0.1]
    first = records["items"][0]
    assert first["market_based_kg"] == first["calculation"]["co2e_kg"] == 0.1
    assert first["location_based_kg"] == 0.20705  # 1 kWh × DESNZ 2024 UK grid 0.20705
    one = await carbon.get(f"{API}/activities/{first['id']}", headers=sign(ORG_A))
    assert one.json()["co2e_kg"] == 0.1

    totals = (await carbon.get(f"{API}/activities/totals", headers=sign(ORG_A))).json()
    assert totals["co2e_kg"] == 0.300001
    by_month = await carbon.get(f"{API}/activities/totals?group_by=month", headers=sign(ORG_A))
    assert by_month.json()["groups"] == [{"key": "2024-03", "co2e_kg": 0.300001, "activities": 3}]
    assert by_month.json()["co2e_kg"] == 0.300001

    # what is stored and published stays unrounded: Analytics sums it in milligrams
    published = [data for kind, data in await outbox(platform, "activity.recorded")]
    assert [data["co2e_kg"] for data in published] == [0.1000004] * 3
    assert published[0]["market_based_kg"] == 0.1000004
