"""One audit trail: every audited write, by a person or an API key, in Users' audit log.

Through the gateway, as people and machines use it: API keys (Auth), private factors,
instruments, periods and recalculations (Carbon), webhooks and report exports
(Analytics) reach the organisation's log by event, with the actor, the object and the
client's address; the log filters, exports CSV safely, and shows admins only.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta
from ipaddress import ip_network
from typing import Any

import httpx
import pytest

from accounts import Owner, bearer, log_in, new_owner, profile_ready, sign_up, token_when
from backends import wait_for
from ecotrack.core.config import Settings

AUTH, USERS = "/api/v1/auth", "/api/v1/users"
CARBON, ANALYTICS = "/api/v1/carbon", "/api/v1/analytics"
# httpx's ASGI transport is the client at this address; the gateway forwards it.
CLIENT_ADDRESS = "127.0.0.1"
FORMULA_NAME = '=HYPERLINK("http://evil.example","open")'
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


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A webhook to this host may be registered (none is ever delivered here)."""
    return settings.model_copy(update={"webhook_allowed_networks": [ip_network("127.0.0.0/8")]})


async def _until_accepted(
    client: httpx.AsyncClient, method: str, path: str, headers: dict[str, str], **kwargs: Any
) -> httpx.Response:
    """The answer to a write, once the service has heard (by event) of the membership.

    Services that check memberships they learn by event refuse a brand-new owner (403)
    until the event is applied; a refused write changes nothing, so asking again is safe.
    """

    async def attempt() -> httpx.Response | None:
        answer = await client.request(method, path, headers=headers, **kwargs)
        assert answer.status_code != 500, answer.text
        return None if answer.status_code == 403 else answer

    answer: httpx.Response = await wait_for(attempt, within=60, interval=0.1)
    assert answer.is_success, answer.text
    return answer


async def _entries(client: httpx.AsyncClient, owner: Owner, **params: Any) -> list[dict[str, Any]]:
    """Every entry of the owner's organisation's log that matches, page after page."""
    entries: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = await client.get(
            f"{USERS}/organizations/{owner.organization_id}/audit-log",
            params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})},
            headers=owner.headers,
        )
        assert page.status_code == 200, page.text
        entries += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return entries


async def _logged(
    client: httpx.AsyncClient, owner: Owner, actions: set[str]
) -> dict[str, dict[str, Any]]:
    """Wait until an entry for each action is in the log; the newest of each, by action."""

    async def complete() -> dict[str, dict[str, Any]] | None:
        found: dict[str, dict[str, Any]] = {}
        for entry in await _entries(client, owner):
            found.setdefault(entry["action"], entry)
        return found if actions <= set(found) else None

    logged: dict[str, dict[str, Any]] = await wait_for(complete, within=60, interval=0.1)
    return logged


async def test_every_audited_write_reaches_the_organisations_log_with_actor_object_and_address(
    client: httpx.AsyncClient,
) -> None:
    owner = await new_owner(client, "Olu")
    me = (owner.user_id, "user")

    # Auth: an API key (named like a spreadsheet formula), created by the owner.
    key = (
        await client.post(
            f"{AUTH}/api-keys",
            json={"name": FORMULA_NAME, "scopes": ["factors:write", "reports:read"]},
            headers=owner.headers,
        )
    ).json()
    machine = {"X-API-Key": key["key"]}

    # Carbon: a private factor added by the key, deleted by the owner; an instrument;
    # a period closed; a recalculation applied.
    factor = (
        await _until_accepted(client, "POST", f"{CARBON}/private-factors", machine, json=FACTOR)
    ).json()
    await _until_accepted(
        client, "DELETE", f"{CARBON}/private-factors/{factor['id']}", owner.headers
    )
    instrument = (
        await _until_accepted(
            client, "POST", f"{CARBON}/instruments", owner.headers, json=INSTRUMENT
        )
    ).json()
    await _until_accepted(
        client, "DELETE", f"{CARBON}/instruments/{instrument['id']}", owner.headers
    )
    period = (
        await _until_accepted(
            client,
            "POST",
            f"{CARBON}/periods",
            owner.headers,
            json={"name": "FY2024", "start": "2024-01-01", "end": "2024-12-31"},
        )
    ).json()
    await _until_accepted(client, "POST", f"{CARBON}/periods/{period['id']}/close", owner.headers)
    await _until_accepted(client, "POST", f"{CARBON}/recalculations", owner.headers, json={})
    preview = await client.post(f"{CARBON}/recalculations/preview", json={}, headers=owner.headers)
    assert preview.status_code == 200, "a preview writes nothing, so it is not on the trail"

    # Analytics: a webhook (for an event this test never causes) created and deleted;
    # the inventory exported by the key as CSV, the calculations by the owner.
    hook = (
        await _until_accepted(
            client,
            "POST",
            f"{ANALYTICS}/webhooks",
            owner.headers,
            json={"url": "http://127.0.0.1:8080/hook", "event_types": ["anomaly.detected"]},
        )
    ).json()
    await _until_accepted(client, "DELETE", f"{ANALYTICS}/webhooks/{hook['id']}", owner.headers)
    exported = await _until_accepted(
        client,
        "GET",
        f"{ANALYTICS}/reports/inventory",
        machine,
        params={"year": 2024, "format": "csv"},
    )
    assert exported.headers["content-type"].startswith("text/csv")
    await _until_accepted(
        client, "GET", f"{ANALYTICS}/reports/calculations", owner.headers, params={"year": 2024}
    )
    viewed = await client.get(
        f"{ANALYTICS}/reports/inventory", params={"year": 2024}, headers=owner.headers
    )
    assert viewed.status_code == 200, "the JSON answer is a view, not an export"

    # Auth again: the owner revokes the key.
    revoked = await client.delete(f"{AUTH}/api-keys/{key['id']}", headers=owner.headers)
    assert revoked.status_code == 200, revoked.text

    expected = {
        "api_key.created": (me, "api_key", key["id"]),
        "api_key.revoked": (me, "api_key", key["id"]),
        "private_factor.created": ((key["id"], "api_key"), "private_factor", factor["id"]),
        "private_factor.deleted": (me, "private_factor", factor["id"]),
        "instrument.created": (me, "instrument", instrument["id"]),
        "instrument.deleted": (me, "instrument", instrument["id"]),
        "period.closed": (me, "period", period["id"]),
        "recalculation.applied": (me, "recalculation", None),
        "webhook.created": (me, "webhook", hook["id"]),
        "webhook.deleted": (me, "webhook", hook["id"]),
    }
    logged = await _logged(client, owner, set(expected) | {"report.exported"})
    for action, (actor, object_type, object_id) in expected.items():
        entry = logged[action]
        assert (entry["actor_id"], entry["actor_kind"]) == actor, action
        assert entry["object_type"] == object_type, action
        if object_id is not None:
            assert entry["object_id"] == object_id, action
        assert entry["object_id"], action
        assert entry["client_address"] == CLIENT_ADDRESS, action
    assert logged["api_key.created"]["detail"].startswith(FORMULA_NAME)
    assert logged["period.closed"]["detail"] == "FY2024 (2024-01-01 to 2024-12-31)"
    assert logged["webhook.created"]["detail"] == "127.0.0.1 (anomaly.detected)"

    async def both_exports() -> list[dict[str, Any]] | None:
        found = await _entries(client, owner, action="report.exported")
        return found if len(found) >= 2 else None

    exports = await wait_for(both_exports, within=60, interval=0.1)
    assert sorted(
        (e["actor_id"], e["actor_kind"], e["detail"], e["client_address"]) for e in exports
    ) == sorted(
        [
            (key["id"], "api_key", "inventory 2024 as csv", CLIENT_ADDRESS),
            (owner.user_id, "user", "calculations 2024 as csv", CLIENT_ADDRESS),
        ]
    ), "one entry per file served; the JSON view is none"
    assert all(e["object_type"] == "report" and e["object_id"] for e in exports)

    # Filters: by action (repeatable), by actor, and by time.
    by_key = await _entries(client, owner, actor=key["id"])
    assert {e["action"] for e in by_key} == {"private_factor.created", "report.exported"}
    some = await _entries(client, owner, action=["period.closed", "webhook.deleted"])
    assert sorted(e["action"] for e in some) == ["period.closed", "webhook.deleted"]
    everything = await _entries(client, owner)
    assert [e["id"] for e in everything] == sorted((e["id"] for e in everything), reverse=True)
    first = datetime.fromisoformat(everything[-1]["at"])
    assert await _entries(client, owner, to=first.isoformat()) == []
    assert await _entries(client, owner, **{"from": first.isoformat()}) == everything
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    assert await _entries(client, owner, **{"from": later}) == []
    backwards = await client.get(
        f"{USERS}/organizations/{owner.organization_id}/audit-log",
        params={"from": later, "to": first.isoformat()},
        headers=owner.headers,
    )
    assert backwards.status_code == 422
    unknown = await client.get(
        f"{USERS}/organizations/{owner.organization_id}/audit-log",
        params={"action": "coffee.made"},
        headers=owner.headers,
    )
    assert unknown.status_code == 422
    assert unknown.headers["content-type"] == "application/problem+json"

    # The export: every matching entry as CSV, a formula-looking cell made inert.
    export = await client.get(
        f"{USERS}/organizations/{owner.organization_id}/audit-log",
        params={"format": "csv", "action": "api_key.created"},
        headers=owner.headers,
    )
    assert export.status_code == 200, export.text
    assert export.headers["content-type"].startswith("text/csv")
    assert "attachment" in export.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [row["action"] for row in rows] == ["api_key.created"]
    assert rows[0]["detail"].startswith("'" + FORMULA_NAME)
    assert rows[0]["actor_id"] == owner.user_id
    assert rows[0]["client_address"] == CLIENT_ADDRESS
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    exported_log = await _logged(client, owner, {"audit_log.exported"})
    assert exported_log["audit_log.exported"]["actor_id"] == owner.user_id


async def test_another_organisations_acts_never_appear_and_only_admins_read_the_log(
    client: httpx.AsyncClient,
) -> None:
    ours, theirs = await new_owner(client, "Ada"), await new_owner(client, "Bea")
    mine = (
        await _until_accepted(
            client, "POST", f"{CARBON}/instruments", ours.headers, json=INSTRUMENT
        )
    ).json()
    other = (
        await _until_accepted(
            client, "POST", f"{CARBON}/instruments", theirs.headers, json=INSTRUMENT
        )
    ).json()
    # Both events applied, so an absence below is not just a slow consumer.
    our_log = await _logged(client, ours, {"instrument.created"})
    their_log = await _logged(client, theirs, {"instrument.created"})
    assert our_log["instrument.created"]["object_id"] == mine["id"]
    assert their_log["instrument.created"]["object_id"] == other["id"]
    for owner, stranger in ((ours, theirs), (theirs, ours)):
        seen = {e["object_id"] for e in await _entries(client, owner)}
        assert stranger.organization_id not in seen
        assert (other if owner is ours else mine)["id"] not in seen
        assert stranger.user_id not in {e["actor_id"] for e in await _entries(client, owner)}
    elsewhere = await client.get(
        f"{USERS}/organizations/{theirs.organization_id}/audit-log", headers=ours.headers
    )
    assert elsewhere.status_code == 404

    # An editor, then a viewer, of our organisation may not read its log.
    email = f"eve-{uuid.uuid4().hex[:8]}@example.com"
    invited = await client.post(
        f"{USERS}/organizations/{ours.organization_id}/invitations",
        json={"email": email, "role": "editor"},
        headers=ours.headers,
    )
    assert invited.status_code == 201, invited.text
    eve_id = await sign_up(client, email, name="Eve")
    eve_first = await log_in(client, email)
    await wait_for(lambda: profile_ready(client, eve_first["access_token"]), within=60)
    accepted = await client.post(
        f"{USERS}/invitations/accept",
        json={"token": invited.json()["token"]},
        headers=bearer(eve_first["access_token"]),
    )
    assert accepted.status_code == 200, accepted.text
    for role in ("editor", "viewer"):
        if role == "viewer":
            changed = await client.patch(
                f"{USERS}/organizations/{ours.organization_id}/members/{eve_id}",
                json={"role": role},
                headers=ours.headers,
            )
            assert changed.status_code == 200, changed.text
        eve = bearer((await token_when(client, email, ours.organization_id, role))["access_token"])
        for params in ({}, {"format": "csv"}):
            refused = await client.get(
                f"{USERS}/organizations/{ours.organization_id}/audit-log",
                params=params,
                headers=eve,
            )
            assert refused.status_code == 403, (role, params)
