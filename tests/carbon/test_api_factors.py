"""The factor library over HTTP: search, lookup, the catalogue, and private factors."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from carbon_api import API, ORG_A, ORG_B, Sign

from ecotrack.core.security import Role
from ecotrack.platform import Platform

GB_GAS = "desnz-2024:fuel.natural_gas:GB:gross:kWh"
SUPPLIER: dict[str, Any] = {
    "activity": "fuel.natural_gas",
    "region": "GB",
    "year": 2024,
    "unit": "kWh",
    "co2e_kg_per_unit": 0.15,
    "options": {"calorific_basis": "gross"},
    "gwp_basis": "AR5",
    "citation": "Acme Gas supplier statement 2024, biomethane blend",
    "dataset": "acme-gas",
}


async def _create(carbon: httpx.AsyncClient, headers: dict[str, str], **changes: Any) -> Any:
    response = await carbon.post(f"{API}/private-factors", json=SUPPLIER | changes, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_search_pages_and_returns_the_facets_that_still_give_results(
    carbon: httpx.AsyncClient,
) -> None:
    query = {"text": "natural gas", "activity": "fuel.natural_gas", "region": "GB", "limit": 2}
    first = (await carbon.get(f"{API}/factors", params=query)).json()
    second = (await carbon.get(f"{API}/factors", params=query | {"offset": 2})).json()

    assert first["total"] == 28  # 7 DESNZ editions x (gross kWh, net kWh, m3, tonnes)
    assert len(first["items"]) == len(second["items"]) == 2
    assert {f["id"] for f in first["items"]}.isdisjoint(f["id"] for f in second["items"])
    regions = {f["value"]: f["count"] for f in first["facets"]["region"]}
    assert regions == {"GB": 28, "US": 2}  # US still gives results if the region changes
    assert {f["value"] for f in first["facets"]["unit_type"]} == {"energy", "volume", "mass"}

    narrowed = await carbon.get(
        f"{API}/factors",
        params={
            "dataset": "owid",
            "edition": "owid-2024",
            "unit_type": "energy",
            "year": 2009,
            "activity": "electricity.grid",
        },
    )
    assert [f["region"] for f in narrowed.json()["items"]] == ["EH"]  # the one 2009 OWID row


async def test_search_refuses_bad_filters_saying_what_is_accepted(
    carbon: httpx.AsyncClient,
) -> None:
    unit_type = await carbon.get(f"{API}/factors", params={"unit_type": "furlongs"})
    limit = await carbon.get(f"{API}/factors", params={"limit": 0})
    for response in (unit_type, limit):
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
    assert "energy" in unit_type.json()["detail"]


async def test_factor_by_id_despite_the_colons(carbon: httpx.AsyncClient) -> None:
    response = await carbon.get(f"{API}/factors/{GB_GAS}")
    assert response.status_code == 200
    body = response.json()
    assert body["co2e"] == {"value": 0.1829, "unit": "kg"}  # DESNZ 2024 natural gas, gross CV
    assert (body["dataset"], body["year"], body["private"]) == ("desnz", 2024, False)

    missing = await carbon.get(f"{API}/factors/desnz-1999:fuel.natural_gas:GB:gross:kWh")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_the_activity_catalogue_is_public(carbon: httpx.AsyncClient) -> None:
    response = await carbon.get(f"{API}/activities")
    assert response.status_code == 200
    catalogue = {a["id"]: a for a in response.json()}
    grid = catalogue["electricity.grid"]
    assert (grid["scope"], grid["scope3_category"]) == (2, None)
    assert "kWh" in grid["accepted_units"]
    assert [o["name"] for o in grid["options"]] == ["contract_factor_kg_per_kwh"]
    flight = catalogue["travel.flight"]
    assert flight["scope3_category"] == {"number": 6, "name": "Business travel"}
    cabin = next(o for o in flight["options"] if o["name"] == "cabin_class")
    assert cabin["default"] == "average"
    assert "business" in cabin["values"]


async def test_private_factor_is_found_by_its_organisation_only(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    created = await _create(carbon, sign(ORG_A))
    factor_id = created["id"]
    assert factor_id.startswith("private-")
    assert factor_id.endswith("-2024:fuel.natural_gas:GB:gross:kWh")
    assert created["private"] is True
    assert created["co2e"] == {"value": 0.15, "unit": "kg"}
    assert created["options"] == {"calorific_basis": "gross"}

    own = await carbon.get(f"{API}/factors/{factor_id}", headers=sign(ORG_A, Role.VIEWER))
    assert own.status_code == 200
    assert own.json()["citation"] == SUPPLIER["citation"]
    found = await carbon.get(f"{API}/factors", params={"dataset": "acme-gas"}, headers=sign(ORG_A))
    assert [f["id"] for f in found.json()["items"]] == [factor_id]

    for headers in (sign(ORG_B), {}):
        other = await carbon.get(f"{API}/factors/{factor_id}", headers=headers)
        assert other.status_code == 404
        assert other.headers["content-type"] == "application/problem+json"
        hidden = await carbon.get(f"{API}/factors", params={"dataset": "acme-gas"}, headers=headers)
        assert hidden.json()["total"] == 0
        gone = await carbon.get(f"{API}/private-factors/{factor_id}", headers=sign(ORG_B))
        assert gone.status_code == 404


async def test_private_factor_crud_stays_inside_the_organisation(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    factor_id = (await _create(carbon, sign(ORG_A)))["id"]
    await _create(carbon, sign(ORG_B), dataset="other-supplier")

    listed = (await carbon.get(f"{API}/private-factors", headers=sign(ORG_A, Role.VIEWER))).json()
    assert [f["id"] for f in listed["items"]] == [factor_id]
    assert listed["total"] == 1

    refused = await carbon.delete(f"{API}/private-factors/{factor_id}", headers=sign(ORG_B))
    assert refused.status_code == 404
    assert (await carbon.get(f"{API}/private-factors/{factor_id}", headers=sign(ORG_A))).is_success

    deleted = await carbon.delete(f"{API}/private-factors/{factor_id}", headers=sign(ORG_A))
    assert deleted.status_code == 204
    again = await carbon.delete(f"{API}/private-factors/{factor_id}", headers=sign(ORG_A))
    assert again.status_code == 404
    assert (await carbon.get(f"{API}/factors/{factor_id}", headers=sign(ORG_A))).status_code == 404


async def test_private_factor_events_are_written_with_the_change(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    factor_id = (await _create(carbon, sign(ORG_A, subject="alice")))["id"]
    await carbon.delete(f"{API}/private-factors/{factor_id}", headers=sign(ORG_A, subject="bob"))

    runtime = platform.runtimes["carbon"]
    outbox = runtime.spec.messaging.outbox
    async with runtime.database.session() as session:
        rows = (
            await session.execute(
                sa.select(outbox.c.event_type, outbox.c.tenant, outbox.c.payload).order_by(
                    outbox.c.seq
                )
            )
        ).all()
    assert [(r.event_type, r.tenant) for r in rows] == [
        ("factor.private_created", ORG_A),
        ("factor.private_deleted", ORG_A),
    ]
    created, deleted = (json.loads(r.payload)["data"] for r in rows)
    assert created["factor_id"] == deleted["factor_id"] == factor_id
    assert (created["co2e_kg_per_unit"], created["created_by"]) == (0.15, "alice")
    assert deleted["deleted_by"] == "bob"


@pytest.mark.parametrize(
    ("changes", "member"),
    [
        ({"activity": "fuel.unobtainium"}, "accepted_activities"),
        ({"unit": "furlong"}, "accepted_units"),
        ({"unit": "km"}, "accepted_units"),  # a distance does not measure natural gas
        ({"activity": "travel.rail", "unit": "km", "options": {}}, "accepted_units"),
        ({"region": "Atlantis"}, "accepted_regions"),
        ({"options": {"colour": "green"}}, "accepted_options"),
        ({"options": {"calorific_basis": "lukewarm"}}, "accepted_values"),
        ({"gwp_basis": "SAR"}, "accepted_values"),
        ({"dataset": "desnz"}, "reserved_datasets"),
    ],
)
async def test_private_factor_must_be_usable(
    carbon: httpx.AsyncClient, sign: Sign, changes: dict[str, Any], member: str
) -> None:
    response = await carbon.post(
        f"{API}/private-factors", json=SUPPLIER | changes, headers=sign(ORG_A)
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert member in response.json()


@pytest.mark.parametrize(
    "changes",
    [
        {"co2e_kg_per_unit": -0.1},
        {"co2e_kg_per_unit": "NaN"},
        {"co2e_kg_per_unit": 1e309},  # JSON has no infinity; this overflows to it
        {"citation": "   "},
        {"citation": None},
        {"year": 1850},
        {"surprise": True},
    ],
)
async def test_private_factor_values_and_sources_are_checked(
    carbon: httpx.AsyncClient, sign: Sign, changes: dict[str, Any]
) -> None:
    body = json.dumps(SUPPLIER | changes).replace("Infinity", "1e309")
    response = await carbon.post(
        f"{API}/private-factors",
        content=body,
        headers=sign(ORG_A) | {"content-type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["type"].endswith("/validation-error")
    assert (await carbon.get(f"{API}/private-factors", headers=sign(ORG_A))).json()["total"] == 0


async def test_writing_needs_an_editor_or_a_scoped_key(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    viewer = await carbon.post(
        f"{API}/private-factors", json=SUPPLIER, headers=sign(ORG_A, Role.VIEWER)
    )
    assert viewer.status_code == 403
    assert viewer.json()["required"] == "factors:write"
    anonymous = await carbon.post(f"{API}/private-factors", json=SUPPLIER)
    assert anonymous.status_code == 401
    no_org = await carbon.post(f"{API}/private-factors", json=SUPPLIER, headers=sign(None, None))
    assert no_org.status_code == 403
    read_key = sign(ORG_A, None, kind="api_key", scopes=("factors:read",))
    assert (
        await carbon.post(f"{API}/private-factors", json=SUPPLIER, headers=read_key)
    ).status_code == 403
    write_key = sign(ORG_A, None, kind="api_key", scopes=("factors:write",))
    assert (
        await carbon.post(f"{API}/private-factors", json=SUPPLIER, headers=write_key)
    ).status_code == 201
