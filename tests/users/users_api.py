"""Calling the Users app directly, as the gateway does once it has verified a token.

Each request carries the signed identity headers the gateway would forward: who the
caller is, the one organisation their token is for, and the role the token states.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from backends import wait_for
from ecotrack.core.events import Event
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.platform import Platform
from ecotrack.users import service

API = "/api/v1/users"


@dataclass(frozen=True)
class Person:
    user_id: str
    email: str
    secret: str

    def token(self, organization_id: str | None = None, role: Role | None = None) -> dict[str, str]:
        """The identity headers of this person's access token (for ``organization_id``)."""
        identity = Identity(
            subject=self.user_id, kind="user", organization_id=organization_id, role=role
        )
        return sign_identity(identity, self.secret)


class Users:
    """The Users app of a running platform, and shortcuts to set the scene."""

    def __init__(self, platform: Platform, http: httpx.AsyncClient) -> None:
        self.platform = platform
        self.http = http
        self.secret = platform.settings.secret_key.get_secret_value()

    async def person(self, name: str = "Ada") -> Person:
        """Someone with a profile, written directly (the event path has its own test)."""
        user_id = str(uuid.uuid4())
        email = f"{name.lower()}-{user_id[:8]}@example.com"
        async with self.platform.runtimes["users"].database.session() as session:
            await service.ensure_profile(session, user_id, email, name)
        return Person(user_id, email, self.secret)

    async def people(self, *names: str) -> list[Person]:
        return [await self.person(name) for name in names]

    async def organization(self, owner: Person, name: str = "Acme") -> str:
        response = await self.http.post(
            f"{API}/organizations", json={"name": name}, headers=owner.token()
        )
        assert response.status_code == 201, response.text
        organization_id: str = response.json()["id"]
        return organization_id

    async def invite(
        self, organization_id: str, inviter: Person, email: str, role: Role, as_role: Role
    ) -> httpx.Response:
        return await self.http.post(
            f"{API}/organizations/{organization_id}/invitations",
            json={"email": email, "role": role},
            headers=inviter.token(organization_id, as_role),
        )

    async def accept(self, person: Person, token: str) -> httpx.Response:
        return await self.http.post(
            f"{API}/invitations/accept", json={"token": token}, headers=person.token()
        )

    async def join(self, organization_id: str, owner: Person, person: Person, role: Role) -> None:
        """``person`` joins with ``role``: the owner invites, the person accepts."""
        invitation = await self.invite(organization_id, owner, person.email, role, Role.OWNER)
        assert invitation.status_code == 201, invitation.text
        accepted = await self.accept(person, invitation.json()["token"])
        assert accepted.status_code == 200, accepted.text

    async def members(self, organization_id: str, caller: Person, role: Role) -> dict[str, Any]:
        """Every member as ``caller`` sees them, keyed by user id."""
        response = await self.http.get(
            f"{API}/organizations/{organization_id}/members",
            params={"limit": 200},
            headers=caller.token(organization_id, role),
        )
        assert response.status_code == 200, response.text
        return {item["user_id"]: item for item in response.json()["items"]}

    async def published(self, type_: str, **data: Any) -> Event:
        """Wait until the bus carries a ``type_`` event whose payload includes ``data``."""
        family = type_.split(".", 1)[0]
        transport = self.platform.backends.transport

        async def found() -> Event | None:
            return next(
                (
                    event
                    for event in await transport.read_all(family)
                    if event.type == type_ and data.items() <= event.data.items()
                ),
                None,
            )

        event: Event = await wait_for(found, within=30, interval=0.1)
        return event
