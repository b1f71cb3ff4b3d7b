"""Carbon and Analytics check the membership a person holds now, not only their token's.

An access token states the role held when it was issued and lives 15 minutes. Users
publishes every removal and role change; Carbon and Analytics each keep their own view of
memberships from those events and, once the event has arrived, refuse a removed member
and hold a demoted one to the lower role. Everything here goes through the gateway with
real tokens; the tests wait on the event (the service's own view), never on time.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import sqlalchemy as sa

from accounts import bearer, log_in, profile_ready, sign_up, token_when
from backends import wait_for
from ecotrack.analytics.models import Membership as AnalyticsMembership
from ecotrack.auth.models import Membership as AuthMembership
from ecotrack.carbon.models import MembershipRow as CarbonMembership
from ecotrack.core.models import utcnow
from ecotrack.platform import Platform

USERS = "/api/v1/users"
ACTIVITIES = "/api/v1/carbon/activities"
RECORDS = "/api/v1/carbon/activities/records"
TARGETS = "/api/v1/analytics/targets"
REPORT = "/api/v1/analytics/reports/inventory?year=2024"

ACTIVITY = {
    "activity": "fuel.natural_gas",
    "quantity": 1200,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
    "period_start": "2024-01-01",
    "period_end": "2024-01-31",
}
TARGET = {
    "name": "Near-term",
    "kind": "absolute",
    "scopes": [1, 2],
    "scope2_method": "location",
    "base_year": 2020,
    "target_year": 2030,
    "reduction_pct": 42,
}
VIEWS = {"carbon": CarbonMembership, "analytics": AnalyticsMembership}


async def person(client: httpx.AsyncClient, name: str) -> tuple[str, str, dict[str, Any]]:
    """Someone signed up whose profile has reached Users: (email, user id, tokens)."""
    email = f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
    user_id = await sign_up(client, email, name=name)
    tokens = await log_in(client, email)
    await wait_for(lambda: profile_ready(client, tokens["access_token"]), within=60)
    return email, user_id, tokens


async def join(
    client: httpx.AsyncClient,
    organization_id: str,
    owner: dict[str, str],
    who: tuple[str, str, dict[str, Any]],
    role: str,
) -> dict[str, str]:
    """``who`` is invited with ``role`` and accepts; their token for the organisation."""
    email, _, tokens = who
    invited = await client.post(
        f"{USERS}/organizations/{organization_id}/invitations",
        json={"email": email, "role": role},
        headers=owner,
    )
    assert invited.status_code == 201, invited.text
    accepted = await client.post(
        f"{USERS}/invitations/accept",
        json={"token": invited.json()["token"]},
        headers=bearer(tokens["access_token"]),
    )
    assert accepted.status_code == 200, accepted.text
    return bearer((await token_when(client, email, organization_id, role))["access_token"])


async def view_holds(
    platform: Platform, organization_id: str, user_id: str, role: str | None
) -> None:
    """Wait (bounded) until Carbon's and Analytics' views hold ``role`` (None: removed)."""
    for service, model in VIEWS.items():
        database = platform.runtimes[service].database

        async def applied(database: Any = database, model: Any = model) -> bool:
            async with database.session() as session:
                row = await session.get(model, (organization_id, user_id))
                return row is not None and row.role == role

        await wait_for(applied, within=60)


async def writes(client: httpx.AsyncClient, headers: dict[str, str]) -> tuple[int, int]:
    """(record an activity in Carbon, set a target in Analytics): the two status codes."""
    recorded = await client.post(ACTIVITIES, json=ACTIVITY, headers=headers)
    target = await client.post(TARGETS, json=TARGET, headers=headers)
    for answer in (recorded, target):
        assert answer.status_code in {201, 403}, answer.text
    return recorded.status_code, target.status_code


async def test_a_removed_member_is_refused_and_a_demoted_one_acts_demoted_once_the_event_is_in(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    owner_email, _, owner_first = await person(client, "Olu")
    created = await client.post(
        f"{USERS}/organizations",
        json={"name": "Northwind"},
        headers=bearer(owner_first["access_token"]),
    )
    assert created.status_code == 201, created.text
    organization_id = created.json()["id"]
    owner = bearer(
        (await token_when(client, owner_email, organization_id, "owner"))["access_token"]
    )
    leaver, demoted = await person(client, "Lee"), await person(client, "Dee")
    leaver_token = await join(client, organization_id, owner, leaver, "editor")
    demoted_token = await join(client, organization_id, owner, demoted, "editor")
    await view_holds(platform, organization_id, leaver[1], "editor")
    assert await writes(client, leaver_token) == (201, 201)
    assert await writes(client, demoted_token) == (201, 201)

    removed = await client.delete(
        f"{USERS}/organizations/{organization_id}/members/{leaver[1]}", headers=owner
    )
    assert removed.status_code == 204, removed.text
    lowered = await client.patch(
        f"{USERS}/organizations/{organization_id}/members/{demoted[1]}",
        json={"role": "viewer"},
        headers=owner,
    )
    assert lowered.status_code == 200, lowered.text
    await view_holds(platform, organization_id, leaver[1], None)
    await view_holds(platform, organization_id, demoted[1], "viewer")

    # The removed member's token is still valid for minutes: every route refuses it now.
    for refused in (
        await client.post(ACTIVITIES, json=ACTIVITY, headers=leaver_token),
        await client.post(TARGETS, json=TARGET, headers=leaver_token),
        await client.get(REPORT, headers=leaver_token),
        await client.get(RECORDS, headers=leaver_token),
    ):
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["reason"] == "membership-removed"

    # The demoted member's token still says editor; the lower role, viewer, counts.
    recorded, target = (
        await client.post(ACTIVITIES, json=ACTIVITY, headers=demoted_token),
        await client.post(TARGETS, json=TARGET, headers=demoted_token),
    )
    for refused in (recorded, target):
        assert refused.status_code == 403, refused.text
        assert refused.json()["reason"] == "role-lowered"
    assert (await client.get(REPORT, headers=demoted_token)).status_code == 200
    assert (await client.get(RECORDS, headers=demoted_token)).status_code == 200

    # API keys are not memberships (Auth revokes them), and the owner is untouched.
    key = await client.post(
        "/api/v1/auth/api-keys",
        json={"name": "ETL", "scopes": ["activities:write"]},
        headers=owner,
    )
    assert key.status_code == 201, key.text
    by_key = await client.post(ACTIVITIES, json=ACTIVITY, headers={"X-API-Key": key.json()["key"]})
    assert by_key.status_code == 201, by_key.text
    assert await writes(client, owner) == (201, 201)

    # Deleting the organisation erases both views of its memberships.
    assert (
        await client.delete(f"{USERS}/organizations/{organization_id}", headers=owner)
    ).status_code == 202

    async def erased() -> bool:
        for service, model in VIEWS.items():
            async with platform.runtimes[service].database.session() as session:
                left = await session.scalar(
                    sa.select(sa.func.count())
                    .select_from(model)
                    .where(model.organization_id == organization_id)
                )
            if left:
                return False
        return True

    await wait_for(erased, within=90, interval=0.1)


async def test_a_membership_not_heard_of_yet_is_taken_as_the_token_states_it(
    client: httpx.AsyncClient, platform: Platform
) -> None:
    # Auth knows the membership, Carbon and Analytics have not heard of it (no event was
    # published): the moment after joining, before the event's trip ends.
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    user_id = await sign_up(client, email)
    organization_id = str(uuid.uuid4())
    async with platform.runtimes["auth"].database.session() as session:
        session.add(
            AuthMembership(
                organization_id=organization_id, user_id=user_id, role="editor", joined_at=utcnow()
            )
        )
    token = bearer((await log_in(client, email, organization_id=organization_id))["access_token"])
    assert await writes(client, token) == (201, 201)
    assert (await client.get(REPORT, headers=token)).status_code == 200
