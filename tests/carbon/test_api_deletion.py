"""Carbon's part in the deletion saga: an organisation's rows go, a person's name goes."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa
from carbon_api import API, ORG_A, ORG_B, Sign

from backends import wait_for
from ecotrack.carbon.models import InstrumentRow, PrivateFactorRow
from ecotrack.carbon.service import erase
from ecotrack.core.deletion import DELETION_REQUESTED, DeletionRequested
from ecotrack.core.events import Event
from ecotrack.platform import Platform

FACTOR = {
    "activity": "electricity.grid",
    "region": "GB",
    "year": 2024,
    "unit": "kWh",
    "co2e_kg_per_unit": 0.05,
    "electricity_basis": "supplier_specific",
    "citation": "Supplier fuel mix disclosure 2024",
}
INSTRUMENT = {"kind": "ppa", "factor_kg_per_kwh": 0.0, "region": "GB"}


async def _fill(carbon: httpx.AsyncClient, sign: Sign) -> None:
    for org, person in ((ORG_A, "alice"), (ORG_A, "bob"), (ORG_B, "alice")):
        headers = sign(org, subject=person)
        for path, body in (("private-factors", FACTOR), ("instruments", INSTRUMENT)):
            assert (await carbon.post(f"{API}/{path}", json=body, headers=headers)).is_success


async def _rows(platform: Platform) -> list[tuple[str, str, str | None]]:
    async with platform.runtimes["carbon"].database.session() as session:
        found: list[tuple[str, str, str | None]] = []
        for model in (PrivateFactorRow, InstrumentRow):
            rows = await session.execute(sa.select(model.organization_id, model.created_by))
            found += [(model.__tablename__, org, by) for org, by in rows]
        return sorted(found, key=str)


async def _erase(platform: Platform, kind: Any, subject: str) -> None:
    request = DeletionRequested(saga_id="saga-1", subject_kind=kind, subject_id=subject)
    async with platform.runtimes["carbon"].database.session() as session:
        await erase(session, request)


async def test_erase_removes_an_organisation_and_forgets_a_person(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    await _fill(carbon, sign)

    for _ in range(2):  # a repeated request changes nothing more
        await _erase(platform, "organization", ORG_A)
        assert await _rows(platform) == [
            ("instruments", ORG_B, "alice"),
            ("private_factors", ORG_B, "alice"),
        ]
    for _ in range(2):
        await _erase(platform, "user", "alice")
        assert await _rows(platform) == [
            ("instruments", ORG_B, None),
            ("private_factors", ORG_B, None),
        ]
    listed = await carbon.get(f"{API}/private-factors", headers=sign(ORG_B))
    assert listed.json()["total"] == 1  # the organisation keeps its factor, unattributed


async def test_carbon_confirms_a_requested_deletion(
    carbon: httpx.AsyncClient, sign: Sign, platform: Platform
) -> None:
    await _fill(carbon, sign)
    request = DeletionRequested(saga_id="saga-7", subject_kind="organization", subject_id=ORG_A)
    await platform.backends.transport.publish(
        [Event.new(DELETION_REQUESTED, source="users", tenant=ORG_A, data=request)]
    )

    async def confirmed() -> list[Event]:
        await platform.runtimes["carbon"].relay.drain()
        events = await platform.backends.transport.read_all("deletion")
        return [e for e in events if e.data.get("service") == "carbon"]

    confirmation = (await wait_for(confirmed))[0]
    assert confirmation.type == "deletion.confirmed"
    assert confirmation.data["saga_id"] == "saga-7"
    assert {org for _, org, _ in await _rows(platform)} == {ORG_B}
