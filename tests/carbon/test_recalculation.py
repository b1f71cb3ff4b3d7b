"""Recalculation when the factors change: preview equals apply, old figures stay readable.

The factors change here the way an organisation's do: a private factor (defined by the
test, so no number is invented) is replaced by a new edition of it. A new public dataset
edition reaches recalculation the same way, through the engine's choice of factor.
"""

from __future__ import annotations

from typing import Any

import httpx
from carbon_api import API, ORG_A, Sign
from ledger_api import close, created, gas, outbox

from ecotrack.core.security import Role
from ecotrack.platform import Platform


def supplier_factor(value: float, edition: str) -> dict[str, Any]:
    return {
        "activity": "fuel.natural_gas",
        "region": "GB",
        "year": 2024,
        "unit": "kWh",
        "co2e_kg_per_unit": value,
        "options": {"calorific_basis": "gross"},
        "gwp_basis": "AR5",
        "dataset": "acme-gas",
        "dataset_version": edition,
        "citation": f"Acme Gas supplier statement, {edition}",
    }


async def test_preview_matches_apply_and_old_results_stay_readable(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    editor, admin = sign(ORG_A), sign(ORG_A, Role.ADMIN)
    old = await created(carbon, "private-factors", supplier_factor(0.15, "2024 v1"), editor)
    recorded = await created(carbon, "activities", gas(1000), editor)
    assert recorded["co2e_kg"] == close(1000 * 0.15)
    assert recorded["factor"]["id"] == old["id"]

    nothing = await carbon.post(f"{API}/recalculations/preview", json={}, headers=admin)
    assert nothing.json()["items"] == []
    assert (await carbon.post(f"{API}/recalculations", json={}, headers=editor)).status_code == 403

    # the supplier publishes a new edition: the old factor goes, the new one comes
    await carbon.delete(f"{API}/private-factors/{old['id']}", headers=editor)
    new = await created(carbon, "private-factors", supplier_factor(0.12, "2024 v2"), editor)

    preview = await carbon.post(f"{API}/recalculations/preview", json={}, headers=admin)
    assert preview.status_code == 200, preview.text
    assert preview.json()["applied"] is False
    assert preview.json()["items"] == [
        {
            "activity_id": recorded["id"],
            "version": 1,
            "old_co2e_kg": close(1000 * 0.15),
            "new_co2e_kg": close(1000 * 0.12),
            "old_factor_id": old["id"],
            "new_factor_id": new["id"],
        }
    ]
    current = await carbon.get(f"{API}/activities/{recorded['id']}", headers=editor)
    assert current.json()["version"] == 1  # a preview writes nothing

    applied = await carbon.post(f"{API}/recalculations", json={}, headers=admin)
    assert applied.status_code == 200, applied.text
    assert applied.json()["items"] == preview.json()["items"]
    versions = (
        await carbon.get(f"{API}/activities/{recorded['id']}/versions", headers=editor)
    ).json()
    assert [(v["change"], v["co2e_kg"], v["factor"]["version"]) for v in versions] == [
        ("recorded", close(150.0), "2024 v1"),
        ("recalculated", close(120.0), "2024 v2"),
    ]
    events = [data for kind, data in await outbox(platform, "emissions.")]
    assert [(e["activity_id"], e["version"], e["co2e_kg"]) for e in events] == [
        (recorded["id"], 2, close(120.0))
    ]
    again = await carbon.post(f"{API}/recalculations/preview", json={}, headers=admin)
    assert again.json()["items"] == []


async def test_a_pinned_factor_that_is_gone_is_skipped_with_the_reason(
    carbon: httpx.AsyncClient, sign: Sign
) -> None:
    editor, admin = sign(ORG_A), sign(ORG_A, Role.ADMIN)
    factor = await created(carbon, "private-factors", supplier_factor(0.15, "2024 v1"), editor)
    pinned = await created(carbon, "activities", gas(10, factor_id=factor["id"]), editor)
    await carbon.delete(f"{API}/private-factors/{factor['id']}", headers=editor)
    report = (await carbon.post(f"{API}/recalculations", json={}, headers=admin)).json()
    assert report["items"] == []
    assert [s["activity_id"] for s in report["skipped"]] == [pinned["id"]]
