"""Data the browser tests need, made through the public API as any client would."""

from __future__ import annotations

from typing import Any

import httpx
from browser import LivePlatform

from backends import wait_for

PASSWORD = "correct horse battery staple"
CARBON = "/api/v1/carbon"


async def _created(api: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = await api.post(path, json=body)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def _organisation_token(platform: LivePlatform, email: str, organization_id: str) -> str:
    """A token naming the new organisation, once its membership has reached Auth."""

    async def attempt() -> str | None:
        async with httpx.AsyncClient(base_url=platform.url) as http:
            answer = await http.post(
                "/api/v1/auth/token",
                data={"username": email, "password": PASSWORD, "organization_id": organization_id},
            )
        return answer.json()["access_token"] if answer.status_code == 200 else None

    token: str = await wait_for(attempt, within=20, interval=0.1)
    return token


async def new_person(platform: LivePlatform, email: str, name: str = "Grace") -> None:
    async with httpx.AsyncClient(base_url=platform.url) as http:
        answer = await http.post(
            "/api/v1/auth/signup", json={"email": email, "password": PASSWORD, "name": name}
        )
        assert answer.status_code == 202, answer.text


async def new_organisation(platform: LivePlatform, email: str, name: str) -> tuple[str, str]:
    """A new person owning a new organisation: (organisation id, access token)."""
    await new_person(platform, email)
    async with platform.api(await platform.token(email, PASSWORD)) as api:
        organization = await _created(api, "/api/v1/users/organizations", {"name": name})
    return organization["id"], await _organisation_token(platform, email, organization["id"])


async def new_organisation_with_a_facility(platform: LivePlatform, email: str) -> str:
    """A new person owning an organisation with one facility, London office in GB: its token."""
    _, token = await new_organisation(platform, email, "Fresh Start Ltd")
    async with platform.api(token) as api:
        await _created(api, f"{CARBON}/facilities", {"name": "London office", "region": "GB"})
    return token


async def new_organisation_with_ledger(platform: LivePlatform, email: str) -> dict[str, str]:
    """Another organisation with a facility, an activity, a meter and a private factor."""
    _, token = await new_organisation(platform, email, "Other Org Secret Ltd")
    async with platform.api(token) as api:
        facility = await _created(
            api, f"{CARBON}/facilities", {"name": "Other Org Secret Plant", "region": "GB"}
        )
        activity = await _created(
            api,
            f"{CARBON}/activities",
            {
                "activity": "fuel.natural_gas",
                "quantity": 1000,
                "unit": "kWh",
                "region": "GB",
                "year": 2024,
                "period_start": "2024-03-01",
                "period_end": "2024-03-31",
                "facility_id": facility["id"],
            },
        )
        meter = await _created(
            api,
            f"{CARBON}/meters",
            {
                "facility_id": facility["id"],
                "name": "Other Org Secret Meter",
                "kind": "electricity",
                "unit": "kWh",
            },
        )
        factor = await _created(
            api,
            f"{CARBON}/private-factors",
            {
                "activity": "electricity.grid",
                "region": "GB",
                "year": 2024,
                "unit": "kWh",
                "co2e_kg_per_unit": 0.1,
                "electricity_basis": "supplier_specific",
                "citation": "Other Org Secret supplier letter",
            },
        )
    return {"activity": activity["id"], "meter": meter["id"], "factor": factor["id"]}


async def invite_viewer(platform: LivePlatform, email: str) -> None:
    """A person who is a viewer in the demo organisation (invited, signed up, accepted)."""
    owner = await platform.token()
    async with platform.api(owner) as api:
        organizations = (await api.get("/api/v1/users/organizations")).json()
        demo = next(o for o in organizations if o["name"] == "Demo Organisation")
        invitation = await _created(
            api,
            f"/api/v1/users/organizations/{demo['id']}/invitations",
            {"email": email, "role": "viewer"},
        )
    await new_person(platform, email, name="Vera Viewer")
    async with platform.api(await platform.token(email, PASSWORD)) as api:
        # Users learns of a new account from Auth's event: until it has, accepting
        # answers 404 ("your profile has not reached Users yet").
        async def accepted() -> httpx.Response | None:
            answer = await api.post(
                "/api/v1/users/invitations/accept", json={"token": invitation["token"]}
            )
            return None if answer.status_code == 404 else answer

        answer = await wait_for(accepted, within=60, interval=0.2)
        assert answer.status_code in (200, 201), answer.text
    await _organisation_token(platform, email, demo["id"])
