"""Signing up and logging in through the gateway, as a client would."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import jwt

from backends import wait_for
from ecotrack.auth.models import Membership
from ecotrack.core.events import Event
from ecotrack.platform import Platform

PASSWORD = "correct horse battery staple"


async def sign_up(client: httpx.AsyncClient, email: str | None = None, name: str = "Ada") -> str:
    """Sign up, then log in once: the account's id (a sign-up's answer names none)."""
    email = email or f"{uuid.uuid4().hex[:10]}@example.com"
    response = await client.post(
        "/api/v1/auth/signup", json={"email": email, "password": PASSWORD, "name": name}
    )
    assert response.status_code == 202, response.text
    tokens = await log_in(client, email)
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    user_id: str = claims["sub"]
    return user_id


async def log_in(
    client: httpx.AsyncClient,
    email: str,
    *,
    password: str = PASSWORD,
    organization_id: str | None = None,
    **extra: str,
) -> dict[str, Any]:
    form = {"username": email, "password": password, **extra}
    if organization_id:
        form["organization_id"] = organization_id
    response = await client.post("/api/v1/auth/token", data=form)
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def grant_membership(
    platform: Platform, organization_id: str, user_id: str, role: str
) -> None:
    """Publish what Users publishes when someone joins, and wait until Auth has it."""
    await platform.backends.transport.publish(
        [
            Event.new(
                "member.added",
                source="users",
                tenant=organization_id,
                data={"organization_id": organization_id, "user_id": user_id, "role": role},
            )
        ]
    )
    auth = platform.runtimes["auth"].database

    async def applied() -> bool:
        async with auth.session() as session:
            membership = await session.get(Membership, (organization_id, user_id))
            return membership is not None and membership.role == role

    await wait_for(applied, within=60)


async def member_token(
    client: httpx.AsyncClient, platform: Platform, role: str, organization_id: str | None = None
) -> tuple[dict[str, Any], str, str]:
    """A new person with ``role`` in an organisation: (tokens, user id, organisation id)."""
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    user_id = await sign_up(client, email)
    organization_id = organization_id or str(uuid.uuid4())
    await grant_membership(platform, organization_id, user_id, role)
    return await log_in(client, email, organization_id=organization_id), user_id, organization_id


async def token_when(
    client: httpx.AsyncClient, email: str, organization_id: str, role: str
) -> dict[str, Any]:
    """Log in for the organisation once Auth has heard (by event) of the membership."""

    async def attempt() -> dict[str, Any] | None:
        answer = await client.post(
            "/api/v1/auth/token",
            data={"username": email, "password": PASSWORD, "organization_id": organization_id},
        )
        if answer.status_code == 200 and answer.json()["role"] == role:
            tokens: dict[str, Any] = answer.json()
            return tokens
        return None

    tokens: dict[str, Any] = await wait_for(attempt, within=60, interval=0.2)
    return tokens


async def profile_ready(client: httpx.AsyncClient, access_token: str) -> bool:
    return (await client.get("/api/v1/users/me", headers=bearer(access_token))).status_code == 200


@dataclass
class Owner:
    """A person who created an organisation, with a token for it."""

    user_id: str
    email: str
    organization_id: str
    headers: dict[str, str]


async def new_owner(client: httpx.AsyncClient, name: str) -> Owner:
    """Someone who signs up and creates an organisation, through the API as a client does."""
    email = f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
    user_id = await sign_up(client, email, name=name)
    first = await log_in(client, email)
    await wait_for(lambda: profile_ready(client, first["access_token"]), within=60)
    created = await client.post(
        "/api/v1/users/organizations",
        json={"name": f"{name} Ltd"},
        headers=bearer(first["access_token"]),
    )
    assert created.status_code == 201, created.text
    organization_id = created.json()["id"]
    tokens = await token_when(client, email, organization_id, "owner")
    return Owner(user_id, email, organization_id, bearer(tokens["access_token"]))
