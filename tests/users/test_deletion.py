"""Deletion sagas: Users coordinates, every service holding data erases and confirms.

The end-to-end tests need the real participants (Auth, Carbon Tracking, Analytics) to
answer ``deletion.requested``. The others run Users alone and confirm by hand, to see a
stuck step being retried and the saga completing only when the last step confirms.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import sqlalchemy as sa
from users_api import API, Person, Users

from backends import wait_for
from ecotrack.core.deletion import DELETION_CONFIRMED, DeletionConfirmed
from ecotrack.core.events import Event
from ecotrack.core.security import Role
from ecotrack.users.deletion import ANONYMOUS_NAME, DELETION_PARTICIPANTS, TOMBSTONE_NAME
from ecotrack.users.models import AuditEntry, Invitation, Membership, Organization, Profile


def _saga_of(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 202, response.text
    saga: dict[str, Any] = response.json()
    assert saga["status"] == "pending"
    assert [step["service"] for step in saga["steps"]] == sorted(DELETION_PARTICIPANTS)
    assert {(step["status"], step["attempts"]) for step in saga["steps"]} == {("pending", 1)}
    return saga


async def _status_when(
    users: Users, path: str, caller: dict[str, str], done: Any, within: float = 20
) -> dict[str, Any]:
    last: dict[str, Any] = {}

    async def status() -> dict[str, Any] | None:
        response = await users.http.get(path, headers=caller)
        assert response.status_code == 200, response.text
        last.update(response.json())
        return last if done(last) else None

    try:
        result: dict[str, Any] = await wait_for(status, within=within, interval=0.1)
    except AssertionError as exc:
        steps = {step["service"]: step["status"] for step in last["steps"]}
        raise AssertionError(f"saga {last['status']} after {within} s; steps: {steps}") from exc
    return result


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _completed(status: dict[str, Any]) -> bool:
    return bool(status["status"] == "completed")


async def _confirm(users: Users, saga: dict[str, Any], *services: str) -> None:
    """Publish what each participant publishes once it has erased the subject."""
    tenant = saga["subject_id"] if saga["subject_kind"] == "organization" else None
    await users.platform.backends.transport.publish(
        [
            Event.new(
                DELETION_CONFIRMED,
                source=service,
                tenant=tenant,
                data=DeletionConfirmed(
                    saga_id=saga["id"],
                    service=service,
                    subject_kind=saga["subject_kind"],
                    subject_id=saga["subject_id"],
                ),
            )
            for service in services
        ]
    )


async def _organization_with_members(users: Users) -> tuple[Person, str, dict[str, str]]:
    alice, bob = await users.people("Alice", "Bob")
    org_id = await users.organization(alice)
    await users.join(org_id, alice, bob, Role.EDITOR)
    pending = await users.invite(org_id, alice, "later@example.com", Role.VIEWER, Role.OWNER)
    assert pending.status_code == 201
    return alice, org_id, alice.token(org_id, Role.OWNER)


async def _assert_organization_erased(users: Users, org_id: str) -> None:
    async with users.platform.runtimes["users"].database.session() as session:
        organization = await session.get(Organization, org_id)
        assert organization is not None
        assert organization.name == TOMBSTONE_NAME
        assert organization.deleted_at is not None
        for table in (Membership, Invitation, AuditEntry):
            left = await session.scalar(
                sa.select(sa.func.count()).where(table.organization_id == org_id)
            )
            assert left == 0, table.__tablename__


async def test_deleting_an_organisation_completes_once_every_service_confirms(
    users: Users,
) -> None:
    alice, org_id, owner = await _organization_with_members(users)
    saga = _saga_of(await users.http.delete(f"{API}/organizations/{org_id}", headers=owner))

    hidden = await users.http.get(f"{API}/organizations/{org_id}", headers=owner)
    assert hidden.status_code == 404, "the organisation is hidden as soon as deletion is asked"
    assert (await users.http.get(f"{API}/organizations", headers=alice.token())).json() == []
    requested = await users.published("deletion.requested", saga_id=saga["id"])
    assert requested.data == {
        "saga_id": saga["id"],
        "subject_kind": "organization",
        "subject_id": org_id,
        "attempt": 1,
    }
    assert requested.tenant == org_id

    done = await _status_when(users, f"{API}/organizations/{org_id}/deletion", owner, _completed)
    assert {step["status"] for step in done["steps"]} == {"confirmed"}
    assert done["completed_at"] is not None
    deleted = await users.published("organization.deleted", organization_id=org_id)
    assert deleted.data == {
        "organization_id": org_id,
        "saga_id": saga["id"],
        "requested_by": alice.user_id,
    }
    await _assert_organization_erased(users, org_id)


async def test_deleting_yourself_completes_once_every_service_confirms(users: Users) -> None:
    alice, bob = await users.people("Alice", "Bob")
    org_id = await users.organization(alice)
    await users.join(org_id, alice, bob, Role.VIEWER)
    saga = _saga_of(await users.http.delete(f"{API}/me", headers=bob.token()))
    assert saga["subject_kind"] == "user"

    await _status_when(users, f"{API}/me/deletion", bob.token(), _completed)
    deleted = await users.published("user.deleted", user_id=bob.user_id)
    assert deleted.data == {"user_id": bob.user_id, "saga_id": saga["id"]}
    assert deleted.tenant is None


async def test_a_stuck_step_is_visible_retried_and_completes_when_confirmed(
    users_alone: Users,
) -> None:
    users = users_alone
    _alice, org_id, owner = await _organization_with_members(users)
    saga = _saga_of(await users.http.delete(f"{API}/organizations/{org_id}", headers=owner))
    status_path = f"{API}/organizations/{org_id}/deletion"

    def retried(status: dict[str, Any]) -> bool:
        return all(step["attempts"] >= 2 for step in status["steps"])

    stuck = await _status_when(users, status_path, owner, retried)
    assert stuck["status"] == "pending"
    for step in stuck["steps"]:
        assert step["status"] == "pending"
        assert step["confirmed_at"] is None
        assert _time(step["last_requested_at"]) > _time(stuck["requested_at"])
    again = await users.published("deletion.requested", saga_id=saga["id"], attempt=2)
    assert again.data["subject_id"] == org_id

    auth, carbon, analytics = sorted(DELETION_PARTICIPANTS)
    await _confirm(users, saga, auth, carbon, auth)

    def two_confirmed(status: dict[str, Any]) -> bool:
        return sum(step["status"] == "confirmed" for step in status["steps"]) == 2

    partial = await _status_when(users, status_path, owner, two_confirmed)
    assert partial["status"] == "pending", "complete only when every service has confirmed"
    waiting = [step for step in partial["steps"] if step["status"] == "pending"]
    assert [step["service"] for step in waiting] == [analytics]

    await _confirm(users, saga, analytics)
    done = await _status_when(users, status_path, owner, _completed)
    assert {step["status"] for step in done["steps"]} == {"confirmed"}
    await users.published("organization.deleted", organization_id=org_id, saga_id=saga["id"])
    await _assert_organization_erased(users, org_id)


async def test_deleting_yourself_needs_another_owner_and_anonymises_you_at_the_end(
    users_alone: Users,
) -> None:
    users = users_alone
    alice, bob = await users.people("Alice", "Bob")
    acme = await users.organization(alice, "Acme")
    solo = await users.organization(alice, "Solo")
    await users.join(acme, alice, bob, Role.ADMIN)
    elsewhere = await users.organization(bob, "Elsewhere")
    invited = await users.invite(elsewhere, bob, alice.email, Role.VIEWER, Role.OWNER)
    assert invited.status_code == 201

    refused = await users.http.delete(f"{API}/me", headers=alice.token())
    assert refused.status_code == 409
    assert refused.json()["organizations"] == [
        {"id": acme, "name": "Acme"},
        {"id": solo, "name": "Solo"},
    ]
    assert "'Acme', 'Solo'" in refused.json()["detail"]

    acme_owner = alice.token(acme, Role.OWNER)
    await users.http.patch(
        f"{API}/organizations/{acme}/members/{bob.user_id}",
        json={"role": "owner"},
        headers=acme_owner,
    )
    still = await users.http.delete(f"{API}/me", headers=alice.token())
    assert [o["id"] for o in still.json()["organizations"]] == [solo]
    _saga_of(
        await users.http.delete(
            f"{API}/organizations/{solo}", headers=alice.token(solo, Role.OWNER)
        )
    )

    saga = _saga_of(await users.http.delete(f"{API}/me", headers=alice.token()))
    removed = await users.published("member.removed", organization_id=acme, user_id=alice.user_id)
    assert removed.data["removed_by"] == alice.user_id
    assert (await users.http.get(f"{API}/me", headers=alice.token())).status_code == 404
    assert (await users.http.get(f"{API}/organizations", headers=alice.token())).json() == []
    twice = await users.http.delete(f"{API}/me", headers=alice.token())
    assert twice.status_code == 409
    assert twice.json()["saga_id"] == saga["id"]
    new_organization = await users.http.post(
        f"{API}/organizations", json={"name": "Later"}, headers=alice.token()
    )
    assert new_organization.status_code == 409

    await _confirm(users, saga, *DELETION_PARTICIPANTS)
    done = await _status_when(users, f"{API}/me/deletion", alice.token(), _completed)
    assert done["subject_id"] == alice.user_id
    deleted = await users.published("user.deleted", user_id=alice.user_id)
    assert deleted.tenant is None

    async with users.platform.runtimes["users"].database.session() as session:
        profile = await session.get(Profile, alice.user_id)
        assert profile is not None
        assert (profile.name, profile.email) == (ANONYMOUS_NAME, f"{alice.user_id}@deleted.invalid")
        to_her = await session.scalar(
            sa.select(sa.func.count()).where(Invitation.email == alice.email)
        )
        assert to_her == 0
        her_acts = (
            await session.scalars(sa.select(AuditEntry).where(AuditEntry.actor_id == alice.user_id))
        ).all()
    assert her_acts, "Acme keeps the record of what she did, under her bare id"
    assert {entry.client_address for entry in her_acts} == {None}
