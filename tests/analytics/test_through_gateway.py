"""The analytics API through the gateway, with a real login and organisation."""

from __future__ import annotations

import uuid
from datetime import date

import httpx
from analytics_api import API, activity, publish

from accounts import bearer, log_in, profile_ready, sign_up, token_when
from backends import wait_for
from ecotrack.platform import Platform


async def test_dashboard_query_through_the_gateway(
    platform: Platform, client: httpx.AsyncClient
) -> None:
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    await sign_up(client, email)
    first = await log_in(client, email)
    await wait_for(lambda: profile_ready(client, first["access_token"]), within=60)
    created = await client.post(
        "/api/v1/users/organizations", json={"name": "Acme"}, headers=bearer(first["access_token"])
    )
    org = created.json()["id"]
    owner = bearer((await token_when(client, email, org, "owner"))["access_token"])
    await publish(
        platform,
        [
            activity(org, co2e_kg=12.5, start=date(2024, 3, 2)),
            activity(org, co2e_kg=7.5, start=date(2024, 3, 9), scope=2),
        ],
    )

    answer = await client.get(
        f"{API}/emissions",
        params={"from": "2024-01-01", "to": "2024-12-31", "group_by": "scope,month"},
        headers=owner,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["total_co2e_kg"] == 20.0
    assert answer.json()["rows"] == [
        {"scope": 1, "month": "2024-03", "co2e_kg": 12.5},
        {"scope": 2, "month": "2024-03", "co2e_kg": 7.5},
    ]
    assert (
        await client.get(f"{API}/emissions", params={"from": "2024-01-01", "to": "2024-12-31"})
    ).status_code == 401
