"""The whole identity story, end to end through the gateway, as two people live it.

Sign up, create an organisation, invite a second person, accept, change their role,
refresh, revoke, and delete the organisation until every service has confirmed.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import jwt

from accounts import PASSWORD, bearer, log_in, profile_ready, sign_up, token_when
from backends import wait_for

USERS = "/api/v1/users"


async def test_two_people_share_an_organisation_from_sign_up_to_deletion(
    client: httpx.AsyncClient,
) -> None:
    owner_email = f"owner-{uuid.uuid4().hex[:8]}@example.com"
    await sign_up(client, owner_email, name="Olu")
    owner_first = await log_in(client, owner_email)
    assert owner_first["organization_id"] is None
    await wait_for(lambda: profile_ready(client, owner_first["access_token"]), within=60)

    created = await client.post(
        f"{USERS}/organizations",
        json={"name": "Northwind Foods"},
        headers=bearer(owner_first["access_token"]),
    )
    assert created.status_code == 201, created.text
    organization_id = created.json()["id"]
    owner = bearer(
        (await token_when(client, owner_email, organization_id, "owner"))["access_token"]
    )

    # Invite a second person, who signs up and accepts.
    guest_email = f"guest-{uuid.uuid4().hex[:8]}@example.com"
    invited = await client.post(
        f"{USERS}/organizations/{organization_id}/invitations",
        json={"email": guest_email, "role": "viewer"},
        headers=owner,
    )
    assert invited.status_code == 201, invited.text
    invitation_token = invited.json()["token"]
    guest_id = await sign_up(client, guest_email, name="Grace")
    guest_first = await log_in(client, guest_email)
    await wait_for(lambda: profile_ready(client, guest_first["access_token"]), within=60)
    accepted = await client.post(
        f"{USERS}/invitations/accept",
        json={"token": invitation_token},
        headers=bearer(guest_first["access_token"]),
    )
    assert accepted.status_code in {200, 201}, accepted.text
    replay = await client.post(
        f"{USERS}/invitations/accept",
        json={"token": invitation_token},
        headers=bearer(guest_first["access_token"]),
    )
    assert replay.status_code == 410, "an invitation is single-use"

    guest = await token_when(client, guest_email, organization_id, "viewer")
    members = await client.get(
        f"{USERS}/organizations/{organization_id}/members", headers=bearer(guest["access_token"])
    )
    assert {m["user_id"] for m in members.json()["items"]} >= {guest_id}
    viewer_write = await client.patch(
        f"{USERS}/organizations/{organization_id}/members/{guest_id}",
        json={"role": "admin"},
        headers=bearer(guest["access_token"]),
    )
    assert viewer_write.status_code == 403

    # The owner promotes the guest; a refresh brings the new role into the token.
    promoted = await client.patch(
        f"{USERS}/organizations/{organization_id}/members/{guest_id}",
        json={"role": "editor"},
        headers=owner,
    )
    assert promoted.status_code == 200, promoted.text
    refresh_token = guest["refresh_token"]

    async def refreshed_as_editor() -> dict[str, Any] | None:
        nonlocal refresh_token
        answer = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "refresh_token", "refresh_token": refresh_token},
        )
        assert answer.status_code == 200, answer.text
        refresh_token = answer.json()["refresh_token"]
        return answer.json() if answer.json()["role"] == "editor" else None

    editor = await wait_for(refreshed_as_editor, within=60, interval=0.2)
    claims = jwt.decode(editor["access_token"], options={"verify_signature": False})
    assert (claims["org_id"], claims["role"]) == (organization_id, "editor")

    # Revoke: after logging out, the session cannot be refreshed.
    out = await client.post("/api/v1/auth/logout", json={"refresh_token": refresh_token})
    assert out.status_code == 204
    dead = await client.post(
        "/api/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": refresh_token}
    )
    assert dead.status_code == 401

    audit = await client.get(f"{USERS}/organizations/{organization_id}/audit-log", headers=owner)
    actions = [entry["action"] for entry in audit.json()["items"]]
    assert {"member.added", "member.role_changed"} <= set(actions)

    # Deleting the organisation completes only when every service has confirmed.
    deletion = await client.delete(f"{USERS}/organizations/{organization_id}", headers=owner)
    assert deletion.status_code == 202, deletion.text

    async def completed() -> dict[str, Any] | None:
        status = await client.get(
            f"{USERS}/organizations/{organization_id}/deletion", headers=owner
        )
        assert status.status_code == 200, status.text
        body: dict[str, Any] = status.json()
        return body if body["status"] == "completed" else None

    saga = await wait_for(completed, within=90, interval=0.2)
    assert {step["service"] for step in saga["steps"]} == {"auth", "carbon", "analytics"}
    assert all(step["status"] == "confirmed" for step in saga["steps"])

    gone = await client.get(f"{USERS}/organizations/{organization_id}", headers=owner)
    assert gone.status_code == 404
    after = await client.post(
        "/api/v1/auth/token",
        data={"username": owner_email, "password": PASSWORD, "organization_id": organization_id},
    )
    assert after.status_code == 403, "Auth has erased the memberships too"
