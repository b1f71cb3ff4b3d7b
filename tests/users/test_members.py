"""Members: invitations, role changes, removal and leaving, pagination, the audit log,
and what a caller may see and do in organisations other than their token's."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import sqlalchemy as sa
from users_api import API, Users

from ecotrack.core.http import sign_forwarded_for
from ecotrack.core.models import utcnow
from ecotrack.core.security import Role
from ecotrack.users.models import Invitation


async def test_an_invitation_is_accepted_once_and_adds_the_member(users: Users) -> None:
    alice, bob = await users.person("Alice"), await users.person("Bob")
    org_id = await users.organization(alice)
    issued = await users.invite(org_id, alice, bob.email.upper(), Role.EDITOR, Role.OWNER)
    assert issued.status_code == 201, issued.text
    invitation = issued.json()
    assert invitation["email"] == bob.email
    assert invitation["status"] == "pending"
    token = invitation["token"]

    listed = await users.http.get(
        f"{API}/organizations/{org_id}/invitations", headers=alice.token(org_id, Role.OWNER)
    )
    assert [i["id"] for i in listed.json()] == [invitation["id"]]
    assert "token" not in listed.json()[0]
    async with users.platform.runtimes["users"].database.session() as session:
        stored = await session.get(Invitation, invitation["id"])
    assert stored is not None
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (stored.expires_at - stored.created_at) == timedelta(days=7)

    accepted = await users.accept(bob, token)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["id"] == org_id
    assert accepted.json()["role"] == "editor"
    members = await users.members(org_id, bob, Role.EDITOR)
    assert members[bob.user_id]["role"] == "editor"
    assert members[bob.user_id]["name"] == "Bob"

    added = await users.published("member.added", user_id=bob.user_id)
    assert added.data == {
        "organization_id": org_id,
        "user_id": bob.user_id,
        "role": "editor",
        "added_by": alice.user_id,
        "invitation_id": invitation["id"],
    }

    again = await users.accept(bob, token)
    assert again.status_code == 410
    assert again.json()["reason"] == "accepted"
    assert again.headers["content-type"] == "application/problem+json"


async def test_invitations_that_are_expired_revoked_or_for_someone_else_are_refused(
    users: Users,
) -> None:
    alice, bob, carol = await users.people("Alice", "Bob", "Carol")
    org_id = await users.organization(alice)
    owner = alice.token(org_id, Role.OWNER)

    for_bob = (await users.invite(org_id, alice, bob.email, Role.VIEWER, Role.OWNER)).json()
    wrong_person = await users.accept(carol, for_bob["token"])
    assert wrong_person.status_code == 403
    assert "another email" in wrong_person.json()["detail"]
    twice = await users.invite(org_id, alice, bob.email, Role.EDITOR, Role.OWNER)
    assert twice.status_code == 409
    assert twice.json()["invitation_id"] == for_bob["id"]

    async with users.platform.runtimes["users"].database.session() as session:
        stored = await session.get(Invitation, for_bob["id"])
        assert stored is not None
        stored.expires_at = utcnow() - timedelta(seconds=1)
    expired = await users.accept(bob, for_bob["token"])
    assert expired.status_code == 410
    assert expired.json()["reason"] == "expired"

    for_carol = (await users.invite(org_id, alice, carol.email, Role.VIEWER, Role.OWNER)).json()
    revoke = f"{API}/organizations/{org_id}/invitations/{for_carol['id']}"
    assert (await users.http.delete(revoke, headers=owner)).status_code == 204
    assert (await users.http.delete(revoke, headers=owner)).status_code == 204
    revoked = await users.accept(carol, for_carol["token"])
    assert revoked.status_code == 410
    assert revoked.json()["reason"] == "revoked"

    unknown = await users.accept(carol, "not-a-token-anyone-was-sent")
    assert unknown.status_code == 404
    missing = await users.http.delete(
        f"{API}/organizations/{org_id}/invitations/no-such-id", headers=owner
    )
    assert missing.status_code == 404

    await users.join(org_id, alice, carol, Role.ADMIN)
    member_again = await users.invite(org_id, alice, carol.email, Role.VIEWER, Role.OWNER)
    assert member_again.status_code == 409
    owner_by_admin = await users.invite(org_id, carol, bob.email, Role.OWNER, Role.ADMIN)
    assert owner_by_admin.status_code == 403
    async with users.platform.runtimes["users"].database.session() as session:
        accepted = await session.scalar(
            sa.select(sa.func.count()).where(Invitation.accepted_at.is_not(None))
        )
    assert accepted == 1, "only carol's admin invitation was redeemed"


async def test_role_changes_follow_the_owner_rules_and_are_published(users: Users) -> None:
    alice, bob, carol = await users.people("Alice", "Bob", "Carol")
    org_id = await users.organization(alice)
    await users.join(org_id, alice, bob, Role.ADMIN)
    await users.join(org_id, alice, carol, Role.EDITOR)

    def member(person_id: str) -> str:
        return f"{API}/organizations/{org_id}/members/{person_id}"

    by_editor = await users.http.patch(
        member(bob.user_id), json={"role": "viewer"}, headers=carol.token(org_id, Role.EDITOR)
    )
    assert by_editor.status_code == 403
    admin = bob.token(org_id, Role.ADMIN)
    owner_by_admin = await users.http.patch(
        member(carol.user_id), json={"role": "owner"}, headers=admin
    )
    assert owner_by_admin.status_code == 403
    demote_owner_by_admin = await users.http.patch(
        member(alice.user_id), json={"role": "admin"}, headers=admin
    )
    assert demote_owner_by_admin.status_code == 403

    to_viewer = await users.http.patch(
        member(carol.user_id), json={"role": "viewer"}, headers=admin
    )
    assert to_viewer.status_code == 200
    assert to_viewer.json()["role"] == "viewer"
    changed = await users.published("member.role_changed", user_id=carol.user_id)
    assert changed.data == {
        "organization_id": org_id,
        "user_id": carol.user_id,
        "role": "viewer",
        "previous_role": "editor",
        "changed_by": bob.user_id,
    }
    assert changed.tenant == org_id

    owner = alice.token(org_id, Role.OWNER)
    last = await users.http.patch(member(alice.user_id), json={"role": "admin"}, headers=owner)
    assert last.status_code == 409
    assert last.json()["type"].endswith("/last-owner")

    promoted = await users.http.patch(member(bob.user_id), json={"role": "owner"}, headers=owner)
    assert promoted.status_code == 200
    stepped_down = await users.http.patch(
        member(alice.user_id), json={"role": "admin"}, headers=owner
    )
    assert stepped_down.status_code == 200
    roles = {k: v["role"] for k, v in (await users.members(org_id, bob, Role.OWNER)).items()}
    assert roles == {alice.user_id: "admin", bob.user_id: "owner", carol.user_id: "viewer"}

    stale_token = await users.http.patch(
        member(carol.user_id), json={"role": "owner"}, headers=owner
    )
    assert stale_token.status_code == 403, "the token still says owner; Users knows an admin"
    unknown = await users.http.patch(
        member("no-such-person"), json={"role": "viewer"}, headers=bob.token(org_id, Role.OWNER)
    )
    assert unknown.status_code == 404


async def test_members_are_removed_by_admins_or_leave_but_the_last_owner_stays(
    users: Users,
) -> None:
    alice, bob, carol, dan = await users.people("Alice", "Bob", "Carol", "Dan")
    org_id = await users.organization(alice)
    await users.join(org_id, alice, bob, Role.ADMIN)
    await users.join(org_id, alice, carol, Role.EDITOR)
    await users.join(org_id, alice, dan, Role.VIEWER)

    def member(person_id: str) -> str:
        return f"{API}/organizations/{org_id}/members/{person_id}"

    by_editor = await users.http.delete(
        member(dan.user_id), headers=carol.token(org_id, Role.EDITOR)
    )
    assert by_editor.status_code == 403
    owner_by_admin = await users.http.delete(
        member(alice.user_id), headers=bob.token(org_id, Role.ADMIN)
    )
    assert owner_by_admin.status_code == 403

    removed = await users.http.delete(member(carol.user_id), headers=bob.token(org_id, Role.ADMIN))
    assert removed.status_code == 204
    event = await users.published("member.removed", user_id=carol.user_id)
    assert event.data == {
        "organization_id": org_id,
        "user_id": carol.user_id,
        "role": "editor",
        "removed_by": bob.user_id,
    }
    gone = await users.http.get(
        f"{API}/organizations/{org_id}", headers=carol.token(org_id, Role.EDITOR)
    )
    assert gone.status_code == 404, "a removed member's token no longer opens the organisation"

    left = await users.http.delete(member(dan.user_id), headers=dan.token(org_id, Role.VIEWER))
    assert left.status_code == 204
    assert (await users.published("member.removed", user_id=dan.user_id)).data[
        "removed_by"
    ] == dan.user_id

    owner = alice.token(org_id, Role.OWNER)
    last = await users.http.delete(member(alice.user_id), headers=owner)
    assert last.status_code == 409
    assert last.json()["type"].endswith("/last-owner")
    assert "last owner" in last.json()["detail"]

    await users.http.patch(member(bob.user_id), json={"role": "owner"}, headers=owner)
    assert (await users.http.delete(member(alice.user_id), headers=owner)).status_code == 204
    remaining = await users.members(org_id, bob, Role.OWNER)
    assert {k: v["role"] for k, v in remaining.items()} == {bob.user_id: "owner"}


async def test_members_are_listed_a_page_at_a_time_in_joining_order(users: Users) -> None:
    alice = await users.person("Alice")
    org_id = await users.organization(alice)
    joined = [alice]
    for name in ("Bob", "Carol", "Dan", "Erin"):
        person = await users.person(name)
        await users.join(org_id, alice, person, Role.VIEWER)
        joined.append(person)

    pages, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        response = await users.http.get(
            f"{API}/organizations/{org_id}/members",
            params=params,
            headers=joined[-1].token(org_id, Role.VIEWER),
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert set(body) == {"items", "next_cursor"}
        pages.append([item["name"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == [["Alice", "Bob"], ["Carol", "Dan"], ["Erin"]]


async def test_the_audit_log_says_who_did_what_when_and_from_where_to_admins_only(
    users: Users,
) -> None:
    alice, bob, carol = await users.people("Alice", "Bob", "Carol")
    org_id = await users.organization(alice)
    started = utcnow()
    await users.join(org_id, alice, bob, Role.EDITOR)
    await users.http.patch(
        f"{API}/organizations/{org_id}/members/{bob.user_id}",
        json={"role": "admin"},
        headers={
            **alice.token(org_id, Role.OWNER),
            **sign_forwarded_for("198.51.100.23", users.secret),
        },
    )
    await users.join(org_id, alice, carol, Role.VIEWER)
    await users.http.delete(
        f"{API}/organizations/{org_id}/members/{carol.user_id}",
        headers=bob.token(org_id, Role.ADMIN),
    )

    log = f"{API}/organizations/{org_id}/audit-log"
    newest = await users.http.get(log, params={"limit": 3}, headers=bob.token(org_id, Role.ADMIN))
    assert newest.status_code == 200
    body = newest.json()
    assert [e["action"] for e in body["items"]] == [
        "member.removed",
        "member.added",
        "invitation.created",
    ]
    removal = body["items"][0]
    assert removal["actor_id"] == bob.user_id
    assert removal["subject_id"] == carol.user_id
    assert removal["previous_role"] == "viewer"
    assert removal["client_address"] == "127.0.0.1"
    assert started <= datetime.fromisoformat(removal["at"]) <= utcnow()

    rest = await users.http.get(
        log, params={"cursor": body["next_cursor"]}, headers=alice.token(org_id, Role.OWNER)
    )
    entries = rest.json()["items"]
    assert rest.json()["next_cursor"] is None
    assert [e["action"] for e in entries] == [
        "member.role_changed",
        "member.added",
        "invitation.created",
        "member.added",
        "organization.created",
    ]
    change = entries[0]
    assert (change["actor_id"], change["subject_id"]) == (alice.user_id, bob.user_id)
    assert (change["previous_role"], change["role"]) == ("editor", "admin")
    assert change["client_address"] == "198.51.100.23"
    assert entries[1]["actor_id"] == bob.user_id, "an acceptance is the invitee's own act"

    await users.join(org_id, alice, carol, Role.EDITOR)
    for role in (Role.EDITOR, Role.VIEWER):
        await users.http.patch(
            f"{API}/organizations/{org_id}/members/{carol.user_id}",
            json={"role": role},
            headers=alice.token(org_id, Role.OWNER),
        )
        refused = await users.http.get(log, headers=carol.token(org_id, role))
        assert refused.status_code == 403, role


def _routes(org_id: str, member_id: str, invitation_id: str) -> list[tuple[str, str, object]]:
    """Every route under one organisation that changes or reveals something."""
    base = f"{API}/organizations/{org_id}"
    invite = {"email": "new@example.com", "role": "viewer"}
    return [
        ("GET", base, None),
        ("DELETE", base, None),
        ("GET", f"{base}/members", None),
        ("PATCH", f"{base}/members/{member_id}", {"role": "viewer"}),
        ("DELETE", f"{base}/members/{member_id}", None),
        ("POST", f"{base}/invitations", invite),
        ("GET", f"{base}/invitations", None),
        ("DELETE", f"{base}/invitations/{invitation_id}", None),
        ("GET", f"{base}/audit-log", None),
        ("GET", f"{base}/deletion", None),
    ]


async def test_another_organisations_routes_answer_404_and_viewers_cannot_write(
    users: Users,
) -> None:
    alice, bob, vera = await users.people("Alice", "Bob", "Vera")
    ours = await users.organization(alice, "Ours")
    theirs = await users.organization(bob, "Theirs")
    await users.join(ours, alice, vera, Role.VIEWER)
    invited = await users.invite(theirs, bob, "x@example.com", Role.VIEWER, Role.OWNER)
    ours_invited = await users.invite(ours, alice, "y@example.com", Role.VIEWER, Role.OWNER)

    # Alice owns "Ours". Her token for it must not reach "Theirs"; nor may a token that
    # names "Theirs", which Auth would never issue her since she is no member there. A
    # viewer's token gets 404 too, not the 403 its role would earn at home.
    strangers = [
        alice.token(ours, Role.OWNER),
        alice.token(theirs, Role.OWNER),
        vera.token(ours, Role.VIEWER),
    ]
    for token in strangers:
        for method, path, body in _routes(theirs, bob.user_id, invited.json()["id"]):
            response = await users.http.request(method, path, json=body, headers=token)
            assert response.status_code == 404, (method, path, response.text)
            assert response.headers["content-type"] == "application/problem+json"

    viewer = vera.token(ours, Role.VIEWER)
    for method, path, body in _routes(ours, alice.user_id, ours_invited.json()["id"]):
        response = await users.http.request(method, path, json=body, headers=viewer)
        if method == "GET" and not path.endswith(("invitations", "audit-log", "deletion")):
            assert response.status_code == 200, (path, response.text)
        else:
            assert response.status_code == 403, (method, path, response.text)
    admin_cannot_delete = await users.http.delete(
        f"{API}/organizations/{ours}", headers=vera.token(ours, Role.ADMIN)
    )
    assert admin_cannot_delete.status_code == 403, "the token says admin; Users knows a viewer"
