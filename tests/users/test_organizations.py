"""Organisations: creation, the caller's list, profiles, and what bad input gets."""

from __future__ import annotations

import sqlalchemy as sa
from users_api import API, Person, Users

from backends import wait_for
from ecotrack.core.events import Event
from ecotrack.core.http import sign_forwarded_for
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.users.models import Organization

PROBLEM = "application/problem+json"


async def test_the_creator_becomes_owner_and_both_facts_are_published(users: Users) -> None:
    alice = await users.person("Alice")
    created = await users.http.post(
        f"{API}/organizations",
        json={"name": "  Acme Ltd  "},
        # The client's address as the gateway tells it: signed (an unsigned one is ignored).
        headers={**alice.token(), **sign_forwarded_for("203.0.113.7", users.secret)},
    )
    assert created.status_code == 201, created.text
    organization = created.json()
    assert organization["name"] == "Acme Ltd"
    assert organization["role"] == "owner"
    org_id = organization["id"]

    mine = await users.http.get(f"{API}/organizations", headers=alice.token())
    assert [(o["id"], o["role"]) for o in mine.json()] == [(org_id, "owner")]
    one = await users.http.get(
        f"{API}/organizations/{org_id}", headers=alice.token(org_id, Role.OWNER)
    )
    assert one.status_code == 200
    assert one.json() == organization
    members = await users.members(org_id, alice, Role.OWNER)
    assert members[alice.user_id]["role"] == "owner"
    assert members[alice.user_id]["email"] == alice.email

    created_event = await users.published("organization.created", organization_id=org_id)
    assert created_event.data == {
        "organization_id": org_id,
        "name": "Acme Ltd",
        "created_by": alice.user_id,
    }
    assert created_event.tenant == org_id
    added = await users.published("member.added", organization_id=org_id)
    assert added.data["user_id"] == alice.user_id
    assert added.data["role"] == "owner"
    assert added.data["added_by"] == alice.user_id

    log = await users.http.get(
        f"{API}/organizations/{org_id}/audit-log", headers=alice.token(org_id, Role.OWNER)
    )
    entries = log.json()["items"]
    assert [e["action"] for e in entries] == ["member.added", "organization.created"]
    assert {e["actor_id"] for e in entries} == {alice.user_id}
    assert {e["client_address"] for e in entries} == {"203.0.113.7"}


async def test_a_person_may_belong_to_several_organisations(users: Users) -> None:
    alice, bob = await users.person("Alice"), await users.person("Bob")
    first = await users.organization(alice, "First")
    second = await users.organization(bob, "Second")
    await users.join(second, bob, alice, Role.VIEWER)

    mine = await users.http.get(f"{API}/organizations", headers=alice.token())
    assert [(o["id"], o["name"], o["role"]) for o in mine.json()] == [
        (first, "First", "owner"),
        (second, "Second", "viewer"),
    ]


async def test_only_signed_in_people_reach_users(users: Users) -> None:
    anonymous = await users.http.post(f"{API}/organizations", json={"name": "X"})
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == PROBLEM

    forged = await users.http.get(
        f"{API}/me", headers=sign_identity(Identity(subject="x", kind="user"), "not-the-secret")
    )
    assert forged.status_code == 401

    api_key = Identity(
        subject="key-1", kind="api_key", organization_id="o", scopes=("users:admin",)
    )
    refused = await users.http.get(
        f"{API}/organizations/o/members", headers=sign_identity(api_key, users.secret)
    )
    assert refused.status_code == 403
    assert "API keys" in refused.json()["detail"]


async def test_bad_input_gets_a_422_problem_and_writes_nothing(users: Users) -> None:
    alice = await users.person("Alice")
    org_id = await users.organization(alice)
    owner = alice.token(org_id, Role.OWNER)
    bob = await users.person("Bob")
    await users.join(org_id, alice, bob, Role.EDITOR)
    outbox = users.platform.runtimes["users"].outbox.table
    before = await _count(users, outbox)

    invitations = f"{API}/organizations/{org_id}/invitations"
    member = f"{API}/organizations/{org_id}/members/{bob.user_id}"
    bad_requests = [
        ("POST", f"{API}/organizations", {"name": ""}, alice.token()),
        ("POST", f"{API}/organizations", {"name": "   "}, alice.token()),
        ("POST", f"{API}/organizations", {"name": "x" * 201}, alice.token()),
        ("POST", f"{API}/organizations", {}, alice.token()),
        ("POST", f"{API}/organizations", {"name": "A", "owner": "me"}, alice.token()),
        ("PATCH", f"{API}/me", {"name": ""}, alice.token()),
        ("PATCH", f"{API}/me", {"email": "new@example.com"}, alice.token()),
        ("POST", invitations, {"email": "x", "role": "viewer"}, owner),
        ("POST", invitations, {"email": "c@example.com", "role": "god"}, owner),
        ("POST", invitations, {"email": "c@example.com"}, owner),
        ("PATCH", member, {"role": "boss"}, owner),
        ("PATCH", member, {}, owner),
        ("POST", f"{API}/invitations/accept", {"token": ""}, bob.token()),
    ]
    for method, path, body, headers in bad_requests:
        response = await users.http.request(method, path, json=body, headers=headers)
        assert response.status_code == 422, (method, path, body, response.text)
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["errors"], response.json()

    not_json = await users.http.post(
        f"{API}/organizations",
        content=b"{name",
        headers={**alice.token(), "content-type": "application/json"},
    )
    assert not_json.status_code == 422
    for query in ({"limit": 0}, {"limit": 10_000}, {"cursor": "not-a-cursor"}):
        page = await users.http.get(
            f"{API}/organizations/{org_id}/members", params=query, headers=owner
        )
        assert page.status_code == 422, (query, page.text)
        assert page.headers["content-type"] == PROBLEM

    async with users.platform.runtimes["users"].database.session() as session:
        names = (await session.scalars(sa.select(Organization.name))).all()
    assert names == ["Acme"]
    assert await _count(users, outbox) == before, "a refused request publishes nothing"


async def test_a_profile_arrives_from_auth_and_can_be_renamed(users: Users) -> None:
    """The profile is built from Auth's ``account.registered``, as in production."""
    user_id, email = "5b0c6f5e-0000-4000-8000-00000000a11c", "Alice@Example.com"
    await users.platform.backends.transport.publish(
        [
            Event.new(
                "account.registered",
                source="auth",
                tenant=None,
                data={"user_id": user_id, "email": email, "name": "Alice"},
            )
        ]
    )
    me = Person(user_id, email, users.secret).token()

    async def profile() -> dict[str, str] | None:
        response = await users.http.get(f"{API}/me", headers=me)
        return response.json() if response.status_code == 200 else None

    body = await wait_for(profile, within=30)
    assert body["user_id"] == user_id
    assert body["email"] == "alice@example.com"
    assert body["name"] == "Alice"

    renamed = await users.http.patch(f"{API}/me", json={"name": " Alice B. "}, headers=me)
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Alice B."
    assert (await users.http.get(f"{API}/me", headers=me)).json()["name"] == "Alice B."

    stranger = Person("no-such-person", "x@example.com", users.secret).token()
    unknown = await users.http.get(f"{API}/me", headers=stranger)
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == PROBLEM


async def _count(users: Users, table: sa.Table) -> int:
    async with users.platform.runtimes["users"].database.session() as session:
        return int(await session.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
