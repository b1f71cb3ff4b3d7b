"""Analytics' inputs are bounded: dates, years, query lists, targets and denominators.

Each out-of-range value answers a 422 problem that says the limit; none reaches date
arithmetic or the database (year-1 dates once answered 500, and five of those in a row
opened the gateway's circuit for every organisation).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from analytics_api import API, as_member

from ecotrack.core.config import Settings

ORG = "org-limits"


def _problem(answer: httpx.Response, status: int = 422) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = answer.json()
    return body


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("emissions/change", {"from": "0001-01-01", "to": "0001-12-31"}),
        (
            "emissions/change",
            {"from": "0001-01-01", "to": "0001-12-31", "compare": "previous_period"},
        ),
        ("emissions/change", {"from": "2024-01-01", "to": "9999-12-31"}),
        ("readings", {"meter_id": "m-1", "from": "9999-12-31", "to": "9999-12-31"}),
        ("readings", {"meter_id": "m-1", "from": "0001-01-01", "to": "0001-01-01"}),
        ("emissions", {"from": "1899-12-31", "to": "2024-12-31"}),
        ("emissions/top", {"from": "2024-01-01", "to": "2101-01-01"}),
        ("coverage", {"from": "0001-01-01", "to": "9999-12-31"}),
    ],
)
async def test_dates_outside_1900_to_2100_are_a_422_naming_the_range(
    analytics: httpx.AsyncClient, settings: Settings, path: str, params: dict[str, str]
) -> None:
    answer = await analytics.get(f"{API}/{path}", params=params, headers=as_member(settings, ORG))
    problem = _problem(answer)
    assert "1900-01-01 to 2100-12-31" in problem["detail"]
    assert problem["errors"][0]["type"] == "date_out_of_range"


WINDOW = {"from": "2024-01-01", "to": "2024-12-31"}


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("emissions/change", WINDOW | {"scope": "-106411038606231863296"}),
        ("emissions/change", WINDOW | {"scope": "4"}),
        ("emissions", WINDOW | {"category": "99999999999999999999999"}),
        ("emissions", WINDOW | {"category": "16"}),
        ("emissions/top", WINDOW | {"scope": "0"}),
        ("emissions/intensity", {"metric": "employees", "from_year": 1, "to_year": 2024}),
        ("emissions/forecast", {"to_year": 2150}),
        ("reports/inventory", {"year": 2101}),
        ("reports/calculations", {"year": 1899}),
    ],
)
async def test_out_of_range_numbers_in_queries_are_a_422(
    analytics: httpx.AsyncClient, settings: Settings, path: str, params: dict[str, Any]
) -> None:
    answer = await analytics.get(f"{API}/{path}", params=params, headers=as_member(settings, ORG))
    _problem(answer)


TARGET: dict[str, Any] = {
    "name": "SBTi near-term",
    "kind": "absolute",
    "scopes": [1, 2],
    "base_year": 2020,
    "target_year": 2030,
    "reduction_pct": 42,
}


@pytest.mark.parametrize(
    "changes",
    [
        {"base_year": 1899},
        {"target_year": 2150},
        {"target_year": "2030"},  # a number sent as a string is refused, not coerced
        {"reduction_pct": "42"},
        {"reduction_pct": True},
        {"name": "net zero\u0000"},
        {"name": "net zero\u0007"},
        {"name": "\u001b[31mred"},
    ],
)
async def test_targets_are_checked_strictly(
    analytics: httpx.AsyncClient, settings: Settings, changes: dict[str, Any]
) -> None:
    answer = await analytics.post(
        f"{API}/targets", json=TARGET | changes, headers=as_member(settings, ORG)
    )
    _problem(answer)
    listed = await analytics.get(f"{API}/targets", headers=as_member(settings, ORG))
    assert listed.json() == []


@pytest.mark.parametrize(
    ("body", "limit"),
    [
        ('{"year": 2024, "metric": "employees", "value": 1e300}', "at most 1e+08"),
        ('{"year": 2024, "metric": "revenue", "value": 1e19}', "at most 1e+18"),
        ('{"year": 2024, "metric": "employees", "value": NaN}', "finite"),
        ('{"year": 2024, "metric": "employees", "value": Infinity}', "finite"),
        ('{"year": 2024, "metric": "employees", "value": "20"}', "valid number"),
        ('{"year": true, "metric": "employees", "value": 20}', "valid integer"),
        ('{"year": 2101, "metric": "employees", "value": 20}', "2100"),
    ],
)
async def test_denominators_are_finite_bounded_and_strict(
    analytics: httpx.AsyncClient, settings: Settings, body: str, limit: str
) -> None:
    answer = await analytics.put(
        f"{API}/denominators",
        content=body,
        headers=as_member(settings, ORG) | {"content-type": "application/json"},
    )
    assert limit in _problem(answer)["detail"]
    assert (
        await analytics.get(f"{API}/denominators", headers=as_member(settings, ORG))
    ).json() == []
    good = json.loads(body.replace("NaN", "1").replace("Infinity", "1")) | {
        "year": 2024,
        "value": 20,
    }
    stored = await analytics.put(f"{API}/denominators", json=good, headers=as_member(settings, ORG))
    assert stored.status_code == 200, stored.text
