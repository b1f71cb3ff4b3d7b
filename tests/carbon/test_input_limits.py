"""What one record may ask of the platform is bounded, and numbers are numbers.

An activity covers at most 366 days within 1900–2100 (one for 1000-01-01..2999-12-31 once
made Analytics write 2.19 M daily rows); a quantity is finite and at most 1e12 of its unit
type's base unit (1e308 kWh once made every total ``null``); readings are timed within
1900–2100 (one dated 2101 once answered 500). Request bodies take JSON numbers and
booleans only: "1000" or true for a quantity is refused, never coerced.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from carbon_api import API, ORG_A, Sign
from ledger_api import created, gas
from test_readings import electricity_meter, key_for

from ecotrack.carbon import ledger, service
from ecotrack.carbon.schemas import STORED, ActivityCreate
from ecotrack.core.security import Identity, Role
from ecotrack.platform import Platform

ACTIVITIES = f"{API}/activities"


def _problem(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = answer.json()
    return body


@pytest.mark.parametrize(
    ("start", "end", "says"),
    [
        ("1000-01-01", "2999-12-31", "1900-01-01 to 2100-12-31"),
        ("0001-01-01", "0001-01-31", "1900-01-01 to 2100-12-31"),
        ("2100-12-31", "2101-01-01", "1900-01-01 to 2100-12-31"),
        ("2024-01-01", "2025-01-01", "at most 366 days"),  # 367 days
        ("2023-01-01", "2024-12-31", "at most 366 days"),
    ],
)
async def test_an_activity_covers_at_most_366_days_within_1900_to_2100(
    carbon: httpx.AsyncClient, sign: Sign, start: str, end: str, says: str
) -> None:
    body = gas(period_start=start, period_end=end)
    problem = _problem(await carbon.post(ACTIVITIES, json=body, headers=sign(ORG_A)))
    assert says in problem["detail"]
    listed = await carbon.get(f"{ACTIVITIES}/records", headers=sign(ORG_A))
    assert listed.json()["total"] == 0


async def test_a_leap_year_is_one_record(carbon: httpx.AsyncClient, sign: Sign) -> None:
    whole_year = gas(period_start="2024-01-01", period_end="2024-12-31")
    await created(carbon, "activities", whole_year, sign(ORG_A))


@pytest.mark.parametrize(
    ("quantity", "unit", "limit"),
    [
        (1e308, "kWh", 1e12),
        (1.5e12, "kWh", 1e12),
        (2e6, "GWh", 1e6),
        (1e12, "therm", 1e12 / 29.3071070172),
    ],
)
async def test_a_quantity_is_at_most_1e12_base_units(
    carbon: httpx.AsyncClient, sign: Sign, quantity: float, unit: str, limit: float
) -> None:
    body = gas(quantity=quantity, unit=unit)
    problem = _problem(await carbon.post(ACTIVITIES, json=body, headers=sign(ORG_A)))
    assert problem["max_quantity"] == pytest.approx(limit, rel=1e-5)
    assert problem["max_quantity_unit"] == unit
    assert problem["max_quantity_base"] == {"value": 1e12, "unit": "kWh"}
    assert "over the limit" in problem["detail"]


async def test_totals_stay_numbers_at_the_limit(carbon: httpx.AsyncClient, sign: Sign) -> None:
    for _ in range(3):
        await created(carbon, "activities", gas(quantity=1e12), sign(ORG_A))
    totals = await carbon.get(f"{ACTIVITIES}/totals?group_by=scope", headers=sign(ORG_A))
    assert totals.status_code == 200
    assert isinstance(totals.json()["co2e_kg"], float)
    assert totals.json()["co2e_kg"] == pytest.approx(3 * 1e12 * 0.1829)


@pytest.mark.parametrize(
    "changes",
    [
        {"quantity": "1000"},
        {"quantity": True},
        {"year": "2024"},
        {"year": 2024.0},
        {"allow_later_year": "true"},
        {"allow_later_year": 1},
    ],
)
async def test_numbers_and_booleans_sent_as_anything_else_are_refused(
    carbon: httpx.AsyncClient, sign: Sign, changes: dict[str, Any]
) -> None:
    for path in ("activities", "estimates"):
        answer = await carbon.post(f"{API}/{path}", json=gas(**changes), headers=sign(ORG_A))
        problem = _problem(answer)
        assert problem["type"].endswith("/validation-error")
        assert problem["errors"][0]["location"] == ["body", *changes]


async def test_strict_numbers_elsewhere(carbon: httpx.AsyncClient, sign: Sign) -> None:
    for path, body in (
        ("facilities", {"name": "Leeds", "region": "GB", "floor_area_m2": "1250"}),
        ("instruments", {"kind": "ppa", "factor_kg_per_kwh": "0"}),
        ("instruments", {"kind": "ppa", "factor_kg_per_kwh": 0, "year": "2024"}),
        ("instruments", {"kind": "ppa", "factor_kg_per_kwh": 1000}),  # over 100 kg/kWh
        ("facilities", {"name": "Leeds", "region": "GB", "floor_area_m2": 1e300}),
    ):
        _problem(await carbon.post(f"{API}/{path}", json=body, headers=sign(ORG_A)))


async def test_an_import_row_over_the_limits_is_named(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    body = "\n".join(
        [
            "activity,quantity,unit,region,year,period_start,period_end",
            "fuel.natural_gas,1e308,kWh,GB,2024,2024-01-01,2024-01-31",
            "fuel.natural_gas,100,kWh,GB,2024,1000-01-01,2999-12-31",
            "fuel.natural_gas,100,kWh,GB,2024,2024-01-01,2025-06-30",
        ]
    ).encode()
    answer = await carbon.post(
        f"{ACTIVITIES}/import", content=body, headers={**sign(ORG_A), "content-type": "text/csv"}
    )
    report = _problem(answer)
    errors = [(error["row"], error["column"]) for error in report["errors"]]
    assert errors == [
        (2, "quantity"),
        (3, "period_start"),
        (3, "period_end"),
        (4, None),  # the period as a whole is too long
    ]
    assert report["errors"][0]["accepted"] == 1e12
    assert "366 days" in report["errors"][3]["detail"]


@pytest.mark.parametrize(
    ("reading", "column"),
    [
        ({"ts": "2101-01-01T00:00:00Z", "value": 1.0}, "ts"),
        ({"ts": "9999-12-31T23:00:00Z", "value": 1.0}, "ts"),
        ({"ts": "1899-12-31T23:00:00Z", "value": 1.0}, "ts"),
        ({"ts": "0001-01-01T00:00:00+00:00", "value": 1.0}, "ts"),
        ({"ts": "2024-03-01T00:00:00Z", "value": 1e300}, "value"),
        ({"ts": "2024-03-01T00:00:00Z", "value": "1.5"}, "value"),
    ],
)
async def test_readings_out_of_range_are_named_not_a_500(
    carbon: httpx.AsyncClient, sign: Sign, reading: dict[str, Any], column: str
) -> None:
    meter = await electricity_meter(carbon, sign(ORG_A))
    path = f"{API}/meters/{meter['id']}/readings"
    headers = key_for(("readings:write",), sign)
    good = {"ts": "2024-03-01T01:00:00Z", "value": 2.0}
    answer = await carbon.post(path, json={"readings": [good, reading]}, headers=headers)
    problem = _problem(answer)
    assert [(error["row"], error["column"]) for error in problem["errors"]] == [(1, column)]
    skipped = await carbon.post(
        f"{path}?on_error=skip", json={"readings": [good, reading]}, headers=headers
    )
    assert skipped.status_code == 201, skipped.text
    assert (skipped.json()["accepted"], skipped.json()["rejected"]) == (1, 1)


async def test_a_day_of_readings_over_the_quantity_limit_is_a_422(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    meter = await electricity_meter(carbon, sign(ORG_A))
    path = f"{API}/meters/{meter['id']}/readings"
    near_limit = [{"ts": f"2024-03-01T{hour:02d}:00:00Z", "value": 9e11} for hour in range(2)]
    answer = await carbon.post(
        path, json={"readings": near_limit}, headers=key_for(("readings:write",), sign)
    )
    problem = _problem(answer)
    assert problem["day"] == "2024-03-01"
    assert problem["max_quantity"] == 1e12


async def test_a_record_stored_before_the_limits_can_still_be_deleted_and_recalculated(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    runtime = platform.runtimes["carbon"]
    identity = Identity(subject="user-1", kind="user", organization_id=ORG_A, role=Role.EDITOR)
    # two years in one record, as the API accepted before it had limits
    legacy = ActivityCreate.model_validate(
        gas(period_start="2023-01-01", period_end="2024-12-31"), context=STORED
    )
    async with runtime.database.session() as session:
        context = await service.context_in(session, ORG_A)
        record = await ledger.record(session, runtime.outbox, context, ORG_A, identity, legacy)
    admin = sign(ORG_A, Role.ADMIN)
    preview = await carbon.post(f"{API}/recalculations/preview", json={}, headers=admin)
    assert preview.status_code == 200, preview.text
    deleted = await carbon.delete(f"{ACTIVITIES}/{record.id}", headers=sign(ORG_A))
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["deleted"] is True


async def test_numbers_json_can_only_approximate_are_refused(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    headers = sign(ORG_A) | {"content-type": "application/json"}
    for literal in ("NaN", "Infinity", "1" + "0" * 400):
        body = json.dumps(gas()).replace('"quantity": 1200', f'"quantity": {literal}')
        _problem(await carbon.post(ACTIVITIES, content=body, headers=headers))
