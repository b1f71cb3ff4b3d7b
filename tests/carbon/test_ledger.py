"""The activity ledger: versions, tombstones, events, closed periods and totals."""

from __future__ import annotations

import httpx
import pytest
from carbon_api import API, ORG_A, ORG_B, Sign
from ledger_api import GAS_KWH_GB_2024, close, created, gas, outbox

from ecotrack.core.security import Role
from ecotrack.platform import Platform

EMISSIONS_FIELDS = {
    "activity_id",
    "version",
    "supersedes",
    "organization_id",
    "facility_id",
    "meter_id",
    "activity",
    "quantity",
    "unit",
    "period_start",
    "period_end",
    "scope",
    "category",
    "co2e_kg",
    "location_based_kg",
    "market_based_kg",
    "gases",
    "gwp",
    "factor",
    "source",
    "recorded_by",
    "recorded_at",
}


async def test_record_correct_delete_keeps_every_version_and_the_event_trail(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    editor = sign(ORG_A)
    first = await created(carbon, "activities", gas(1200), editor)
    assert first["co2e_kg"] == close(1200 * GAS_KWH_GB_2024)
    assert (first["version"], first["change"], first["source"]) == (1, "recorded", "manual")
    assert first["factor"]["id"] == "desnz-2024:fuel.natural_gas:GB:gross:kWh"
    # What an auditor reads back is the calculation as stored, not a new one.
    stored = first["calculation"]
    assert stored["factor"]["id"] == first["factor"]["id"]
    assert stored["co2e_kg"] == first["co2e_kg"]
    assert stored["steps"]
    assert stored["factor"]["source_url"].startswith("https://")
    activity = f"{API}/activities/{first['id']}"

    corrected = await carbon.put(activity, json=gas(1000), headers=editor)
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["co2e_kg"] == close(1000 * GAS_KWH_GB_2024)
    assert (corrected.json()["version"], corrected.json()["supersedes"]) == (2, 1)

    deleted = await carbon.delete(activity, headers=editor)
    assert deleted.status_code == 200, deleted.text
    assert (deleted.json()["version"], deleted.json()["deleted"]) == (3, True)
    again = await carbon.put(activity, json=gas(900), headers=editor)
    assert again.status_code == 409, again.text

    versions = (await carbon.get(f"{activity}/versions", headers=editor)).json()
    assert [(v["version"], v["change"], v["quantity"]) for v in versions] == [
        (1, "recorded", 1200),
        (2, "corrected", 1000),
        (3, "deleted", 1000),
    ]
    trail = [(kind, data) for kind, data in await outbox(platform, "activity.")]
    assert [(kind, data["version"]) for kind, data in trail] == [
        ("activity.recorded", 1),
        ("activity.corrected", 2),
        ("activity.deleted", 3),
    ]
    assert set(trail[0][1]) == EMISSIONS_FIELDS  # the contract in docs/events.md
    assert trail[0][1]["gases"]["CO2"]["co2e_kg"] > 0
    assert set(trail[2][1]) == {
        "activity_id",
        "version",
        "supersedes",
        "organization_id",
        "recorded_by",
        "recorded_at",
    }
    listed = (await carbon.get(f"{API}/activities/records", headers=editor)).json()
    assert listed["total"] == 0


async def test_a_closed_period_rejects_changes(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    editor, admin = sign(ORG_A), sign(ORG_A, Role.ADMIN)
    period = await created(
        carbon, "periods", {"name": "FY2024", "start": "2024-01-01", "end": "2024-12-31"}, admin
    )
    kept = await created(carbon, "activities", gas(), editor)
    close_path = f"{API}/periods/{period['id']}/close"
    assert (await carbon.post(close_path, headers=editor)).status_code == 403
    closed = await carbon.post(close_path, headers=admin)
    assert closed.status_code == 200, closed.text
    assert closed.json()["closed_by"] == "user-1"

    for answer in (
        await carbon.put(f"{API}/activities/{kept['id']}", json=gas(5), headers=editor),
        await carbon.delete(f"{API}/activities/{kept['id']}", headers=editor),
        await carbon.post(f"{API}/activities", json=gas(5), headers=editor),
        await carbon.post(
            f"{API}/activities",
            json=gas(5, period_start="2024-12-31", period_end="2025-01-01"),
            headers=editor,
        ),
    ):
        assert answer.status_code == 409, answer.text
        assert "FY2024" in answer.json()["detail"]
        assert answer.json()["period_id"] == period["id"]
    later = gas(5, year=2025, period_start="2025-01-01", period_end="2025-01-31")
    assert (await carbon.post(f"{API}/activities", json=later, headers=editor)).status_code == 201
    assert [kind for kind, _ in await outbox(platform, "period.")] == ["period.closed"]
    assert (await carbon.post(close_path, headers=admin)).status_code == 409


async def test_totals_equal_the_sum_of_current_versions(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    editor = sign(ORG_A)
    ids = [(await created(carbon, "activities", gas(q), editor))["id"] for q in (100, 200, 300)]
    await carbon.put(f"{API}/activities/{ids[0]}", json=gas(150), headers=editor)
    await carbon.delete(f"{API}/activities/{ids[1]}", headers=editor)
    electricity = {
        **gas(1000),
        "activity": "electricity.grid",
        "period_start": "2024-02-01",
        "period_end": "2024-02-29",
    }
    await created(carbon, "activities", electricity, editor)
    await created(carbon, "activities", gas(7), sign(ORG_B))  # another organisation's

    records = (await carbon.get(f"{API}/activities/records", headers=editor)).json()["items"]
    assert sorted(r["quantity"] for r in records) == [150, 300, 1000]
    total = (await carbon.get(f"{API}/activities/totals", headers=editor)).json()
    assert total["co2e_kg"] == close(sum(r["co2e_kg"] for r in records))
    assert total["activities"] == 3
    by_scope = (await carbon.get(f"{API}/activities/totals?group_by=scope", headers=editor)).json()
    assert {g["key"]: g["activities"] for g in by_scope["groups"]} == {"1": 2, "2": 1}
    assert by_scope["co2e_kg"] == close(total["co2e_kg"])
    by_month = await carbon.get(f"{API}/activities/totals?group_by=month", headers=editor)
    assert [g["key"] for g in by_month.json()["groups"]] == ["2024-01", "2024-02"]
    january = await carbon.get(
        f"{API}/activities/totals?from=2024-01-01&to=2024-01-31", headers=editor
    )
    assert january.json()["co2e_kg"] == close((150 + 300) * GAS_KWH_GB_2024)
    scoped = await carbon.get(f"{API}/activities/records?scope=2", headers=editor)
    assert [r["activity"] for r in scoped.json()["items"]] == ["electricity.grid"]


@pytest.mark.parametrize(
    ("scopes", "status"), [(("activities:write",), 201), (("activities:read",), 403)]
)
async def test_api_keys_record_with_their_scope_only(
    carbon: httpx.AsyncClient, sign: Sign, scopes: tuple[str, ...], status: int
) -> None:
    key = sign(ORG_A, None, subject="key-1", kind="api_key", scopes=scopes)
    answer = await carbon.post(f"{API}/activities", json=gas(), headers=key)
    assert answer.status_code == status, answer.text
    if status == 201:
        assert (answer.json()["source"], answer.json()["recorded_by"]) == ("api", "key-1")


async def test_facilities_units_and_bad_references(carbon: httpx.AsyncClient, sign: Sign) -> None:
    editor = sign(ORG_A)
    unit = await created(carbon, "units", {"name": "UK operations"}, editor)
    facility = await created(
        carbon,
        "facilities",
        {
            "name": "Leeds depot",
            "address": "1 Canal St, Leeds",
            "region": "GB",
            "floor_area_m2": 1250.0,
            "type": "warehouse",
            "unit_id": unit["id"],
        },
        editor,
    )
    recorded = await created(carbon, "activities", gas(facility_id=facility["id"]), editor)
    assert recorded["facility_id"] == facility["id"]
    by_facility = await carbon.get(
        f"{API}/activities/records?facility_id={facility['id']}", headers=editor
    )
    assert by_facility.json()["total"] == 1

    theirs = await created(
        carbon, "facilities", {"name": "Theirs", "region": "GB"}, sign(ORG_B, subject="bob")
    )
    for path, body in (
        ("activities", gas(facility_id=theirs["id"])),
        ("facilities", {"name": "X", "region": "Atlantis"}),
        ("facilities", {"name": "X", "region": "GB", "unit_id": "nope"}),
        ("activities", gas(period_start="2024-02-01")),  # ends before it starts
    ):
        answer = await carbon.post(f"{API}/{path}", json=body, headers=editor)
        assert answer.status_code == 422, (path, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"
    assert (await carbon.get(f"{API}/facilities/{theirs['id']}", headers=editor)).status_code == 404
