"""Estimates over HTTP: single and batch, bad input, private factors, scope 2 both ways.

Expected values are arithmetic on the published tables (see test_worked_examples.py) or on
the private factor's and instrument's own numbers.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from carbon_api import API, GB_GRID_2024, GRID, ORG_A, ORG_B, Sign

from ecotrack.carbon.engine import MAX_BATCH_ITEMS
from ecotrack.carbon.schemas import BatchResponse
from ecotrack.core.security import Role

LB_KG = 0.45359237
GAS: dict[str, Any] = {
    "activity": "fuel.natural_gas",
    "quantity": 1000,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
}


def close(expected: float) -> Any:
    return pytest.approx(expected, rel=1e-9)


async def _estimate(carbon: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> Any:
    response = await carbon.post(f"{API}/estimates", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_single_estimate_reports_the_whole_audit_trail(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    result = await _estimate(carbon, sign(), **GAS)
    assert result["co2e_kg"] == close(1000 * 0.1829)  # DESNZ 2024 natural gas, gross CV
    # "kg CO2e of CO2/CH4/N2O per unit": 0.18253, 0.00028, 0.00009
    assert {g["gas"]: g["co2e_kg"] for g in result["gases"]} == {
        "CO2": close(182.53),
        "CH4": close(0.28),
        "N2O": close(0.09),
    }
    assert (result["scope"], result["scope3_category"]) == (1, None)
    factor = result["factor"]
    assert factor["id"] == "desnz-2024:fuel.natural_gas:GB:gross:kWh"
    assert (factor["value"], factor["unit"], factor["dataset"]) == (0.1829, "kWh", "desnz")
    assert factor["dataset_version"] == "2024 v1.1"
    assert "OGL" in factor["licence"]
    assert factor["citation"]
    assert (result["gwp_requested"], result["gwp_applied"]) == ("AR5", "AR5")
    assert any("182.53" in step for step in result["steps"])


async def test_per_gas_masses_under_the_requested_gwp(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    result = await _estimate(
        carbon, sign(), **GRID | {"quantity": 1, "unit": "MWh", "region": "US-CAMX", "gwp": "AR6"}
    )
    # eGRID2023 CAMX total output: 436.655 lb CO2, 0.025 lb CH4, 0.003 lb N2O per MWh; AR6
    assert result["co2e_kg"] == close((436.655 + 0.025 * 27.9 + 0.003 * 273) * LB_KG)
    masses = {g["gas"]: g["mass_kg"] for g in result["gases"]}
    assert masses == {  # answers show kg to the milligram (6 decimals)
        "CO2": close(round(436.655 * LB_KG, 6)),
        "CH4": close(round(0.025 * LB_KG, 6)),
        "N2O": close(round(0.003 * LB_KG, 6)),
    }
    assert result["gwp_applied"] == "AR6"


async def test_estimates_need_a_signed_in_caller(carbon: httpx.AsyncClient, sign: Sign) -> None:
    for path, body in (("estimates", GAS), ("estimates/batch", {"items": [GAS]})):
        response = await carbon.post(f"{API}/{path}", json=body)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
    without_org = await carbon.post(f"{API}/estimates", json=GAS, headers=sign(None, None))
    assert without_org.status_code == 200


@pytest.mark.parametrize(
    ("changes", "member"),
    [
        ({"activity": "fuel.unobtainium"}, "accepted_activities"),
        ({"unit": "furlong"}, "accepted_units"),
        ({"unit": "km"}, "accepted_units"),
        ({"region": "Atlantis"}, "accepted_regions"),
        ({"options": {"colour": "green"}}, "accepted_options"),
        ({"options": {"calorific_basis": "lukewarm"}}, "accepted_values"),
        ({"gwp": "SAR"}, "accepted_values"),
        ({"method": "market"}, "accepted_values"),  # market-based is for electricity only
        ({"quantity": -1}, "accepted_values"),
        ({"quantity": 2e12}, "max_quantity"),  # over 1e12 kWh in one record
        ({"quantity": 1e7, "unit": "TJ"}, "max_quantity"),  # 2.8e12 kWh
        ({"year": 2015}, "available_years"),
    ],
)
async def test_bad_input_says_what_is_accepted(
    carbon: httpx.AsyncClient, sign: Sign, changes: dict[str, Any], member: str
) -> None:
    response = await carbon.post(f"{API}/estimates", json=GAS | changes, headers=sign())
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 422
    assert member in body


async def test_numbers_json_cannot_hold_are_refused_not_crashed_on(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    headers = sign() | {"content-type": "application/json"}
    for literal in ("1e309", "NaN", "Infinity", "-Infinity"):  # Python's JSON reads these
        body = json.dumps(GAS).replace('"quantity": 1000', f'"quantity": {literal}')
        refused = await carbon.post(f"{API}/estimates", content=body, headers=headers)
        assert refused.status_code == 422, literal
        assert "finite" in refused.json()["detail"]
    # finite, but over the limit once converted: 1e307 GWh is 1e313 kWh
    huge = await carbon.post(
        f"{API}/estimates", json=GRID | {"quantity": 1e307, "unit": "GWh"}, headers=sign()
    )
    assert huge.status_code == 422
    assert huge.json()["max_quantity"] == 1e6  # 1e12 kWh in GWh
    assert huge.json()["max_quantity_base"] == {"value": 1e12, "unit": "kWh"}
    assert "over the limit" in huge.json()["detail"]
    # an integer no float can hold is a bad number, not a crash
    digits = json.dumps(GAS).replace('"quantity": 1000', '"quantity": 1' + "0" * 400)
    too_many = await carbon.post(f"{API}/estimates", content=digits, headers=headers)
    assert too_many.status_code == 422
    missing = await carbon.post(
        f"{API}/estimates", json={"activity": "fuel.diesel"}, headers=sign()
    )
    assert missing.status_code == 422
    assert {e["location"][-1] for e in missing.json()["errors"]} >= {"quantity", "unit"}


async def test_batch_answers_each_item_as_a_single_call_would(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    items = [
        GAS,
        GRID | {"method": "market", "options": {"contract_factor_kg_per_kwh": 0.05}},
        GRID | {"region": "US-TX", "unit": "MWh", "quantity": 10},
        {
            "activity": "travel.flight",
            "quantity": 800,
            "unit": "km",
            "region": "GB",
            "year": 2024,
            "options": {"haul": "short", "cabin_class": "economy", "passengers": 2},
        },
    ]
    response = await carbon.post(f"{API}/estimates/batch", json={"items": items}, headers=sign())
    assert response.status_code == 200
    batch = BatchResponse.model_validate_json(response.content)
    assert (batch.succeeded, batch.failed) == (4, 0)
    assert [a.index for a in batch.items] == [0, 1, 2, 3]
    for item, answer in zip(items, batch.items, strict=True):
        single = await _estimate(carbon, sign(), **item)
        assert answer.result is not None
        assert answer.result.model_dump(mode="json") == single


async def test_bad_items_fail_alone(carbon: httpx.AsyncClient, sign: Sign) -> None:
    items: list[Any] = [
        GAS,
        GAS | {"unit": "furlong"},
        {"activity": "fuel.diesel"},
        "not an object",
        GAS | {"quantity": "NaN"},
        GAS,
    ]
    response = await carbon.post(f"{API}/estimates/batch", json={"items": items}, headers=sign())
    assert response.status_code == 200
    body = response.json()
    assert (body["succeeded"], body["failed"]) == (2, 4)
    answers = body["items"]
    assert [a["index"] for a in answers] == list(range(6))
    assert answers[0]["result"]["co2e_kg"] == answers[5]["result"]["co2e_kg"] == close(182.9)
    problems = [a["problem"] for a in answers[1:5]]
    assert all(a["result"] is None for a in answers[1:5])
    assert all(p["status"] == 422 and p["type"].startswith("https://") for p in problems)
    assert "kWh" in problems[0]["accepted_units"]
    assert {e["location"][0] for e in problems[1]["errors"]} >= {"quantity", "unit"}
    assert problems[2]["type"].endswith("/validation-error")
    # a number sent as a string is refused, not coerced (strict types in requests)
    assert problems[3]["type"].endswith("/validation-error")
    assert problems[3]["errors"][0]["location"] == ["quantity"]


async def test_batch_over_the_limit_is_refused_whole(carbon: httpx.AsyncClient, sign: Sign) -> None:
    too_many = {"items": [GAS] * (MAX_BATCH_ITEMS + 1)}
    response = await carbon.post(f"{API}/estimates/batch", json=too_many, headers=sign())
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["max_items"] == MAX_BATCH_ITEMS
    assert "10000" in response.json()["detail"]

    full = await carbon.post(
        f"{API}/estimates/batch", json={"items": [GAS] * MAX_BATCH_ITEMS}, headers=sign()
    )
    assert full.status_code == 200
    assert full.json()["succeeded"] == MAX_BATCH_ITEMS


async def test_a_private_factor_is_used_for_its_organisation_only(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    supplier = {
        "activity": "fuel.natural_gas",
        "region": "GB",
        "year": 2024,
        "unit": "MWh",
        "co2e_kg_per_unit": 150.0,
        "gwp_basis": "AR5",
        "citation": "Acme Gas supplier statement 2024",
    }
    created = await carbon.post(f"{API}/private-factors", json=supplier, headers=sign(ORG_A))
    factor_id = created.json()["id"]

    own = await _estimate(carbon, sign(ORG_A, Role.VIEWER), **GAS)
    assert own["co2e_kg"] == close(1000 / 1000 * 150.0)  # 1000 kWh = 1 MWh at 150 kg/MWh
    assert own["factor"]["id"] == factor_id
    assert own["factor"]["private"] is True
    assert "private" in own["selection"]
    batch = await carbon.post(f"{API}/estimates/batch", json={"items": [GAS]}, headers=sign(ORG_A))
    assert batch.json()["items"][0]["result"] == own

    pinned = await carbon.post(
        f"{API}/estimates", json=GAS | {"factor_id": factor_id}, headers=sign(ORG_B)
    )
    assert pinned.status_code == 404
    other = await _estimate(carbon, sign(ORG_B), **GAS)
    assert other["co2e_kg"] == close(1000 * 0.1829)  # the public DESNZ factor

    await carbon.delete(f"{API}/private-factors/{factor_id}", headers=sign(ORG_A))
    after = await _estimate(carbon, sign(ORG_A), **GAS)
    assert after["factor"]["id"] == "desnz-2024:fuel.natural_gas:GB:gross:kWh"


async def test_market_based_uses_the_organisation_s_instrument(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    rego = {
        "kind": "energy_attribute_certificate",
        "factor_kg_per_kwh": 0.0,
        "region": "GB",
        "year": 2024,
        "description": "REGOs for 2024 supply",
    }
    created = await carbon.post(f"{API}/instruments", json=rego, headers=sign(ORG_A))
    assert created.status_code == 201, created.text
    instrument_id = created.json()["id"]
    generic = rego | {"kind": "supplier_specific", "factor_kg_per_kwh": 0.1, "year": None}
    assert (await carbon.post(f"{API}/instruments", json=generic, headers=sign(ORG_A))).is_success

    market = await _estimate(carbon, sign(ORG_A), **GRID | {"method": "market"})
    assert market["co2e_kg"] == 0.0  # the year-specific certificate before the generic rate
    assert market["scope2"]["location_based_kg"] == close(1000 * GB_GRID_2024)
    assert market["scope2"]["market_based_kg"] == 0.0
    assert market["factor"]["id"] == f"instrument:{instrument_id}"
    assert instrument_id in market["scope2"]["market_basis"]

    located = await _estimate(carbon, sign(ORG_A), **GRID)
    assert located["co2e_kg"] == close(1000 * GB_GRID_2024)  # both figures, location headline
    assert located["scope2"]["market_based_kg"] == 0.0

    in_2023 = await _estimate(carbon, sign(ORG_A), **GRID | {"method": "market", "year": 2023})
    assert in_2023["co2e_kg"] == close(1000 * 0.1)  # only the generic supplier rate applies

    listed = await carbon.get(f"{API}/instruments", headers=sign(ORG_B))
    assert listed.json()["total"] == 0
    assert (
        await carbon.get(f"{API}/instruments/{instrument_id}", headers=sign(ORG_B))
    ).status_code == 404
    refused = await carbon.delete(f"{API}/instruments/{instrument_id}", headers=sign(ORG_B))
    assert refused.status_code == 404
    assert (await carbon.get(f"{API}/instruments/{instrument_id}", headers=sign(ORG_A))).is_success


async def test_market_based_falls_back_with_a_notice(carbon: httpx.AsyncClient, sign: Sign) -> None:
    result = await _estimate(carbon, sign(ORG_B), **GRID | {"method": "market"})
    assert result["co2e_kg"] == close(1000 * GB_GRID_2024)
    assert result["scope2"]["market_based_kg"] == close(1000 * GB_GRID_2024)
    assert result["scope2"]["market_basis"].startswith("grid-average fallback")
    assert any("grid average" in n and "last resort" in n for n in result["notices"])

    contract = await _estimate(
        carbon,
        sign(ORG_B),
        **GRID | {"method": "market", "options": {"contract_factor_kg_per_kwh": 0.05}},
    )
    assert contract["co2e_kg"] == close(1000 * 0.05)
    assert contract["scope2"]["location_based_kg"] == close(1000 * GB_GRID_2024)
    assert not any("market-based" in n for n in contract["notices"])


@pytest.mark.parametrize(
    "changes",
    [{"factor_kg_per_kwh": -1}, {"factor_kg_per_kwh": "NaN"}, {"kind": "vibes"}, {"year": 1800}],
)
async def test_instruments_are_checked(
    carbon: httpx.AsyncClient, sign: Sign, changes: dict[str, Any]
) -> None:
    good = {"kind": "ppa", "factor_kg_per_kwh": 0.01, "region": "GB"}
    response = await carbon.post(f"{API}/instruments", json=good | changes, headers=sign())
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


async def test_instrument_region_must_be_known_and_writing_needs_an_editor(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    good = {"kind": "ppa", "factor_kg_per_kwh": 0.01, "region": "GB"}
    unknown = await carbon.post(
        f"{API}/instruments", json=good | {"region": "Atlantis"}, headers=sign()
    )
    assert unknown.status_code == 422
    assert "GB" in unknown.json()["accepted_regions"]
    viewer = await carbon.post(f"{API}/instruments", json=good, headers=sign(role=Role.VIEWER))
    assert viewer.status_code == 403
