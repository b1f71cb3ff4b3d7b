"""Names and free text refuse control characters, in every service's request models.

NUL, BEL, escape sequences and other controls end up in logs, exports and other people's
screens; a lone surrogate is not even UTF-8. Each is a 422 naming the character; a line
feed is accepted in free text (an address, a description) and nowhere else.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from accounts import PASSWORD, bearer, member_token
from ecotrack.platform import Platform

BAD = ("\u0000", "\u0007", "\u001b[2J", "\u009b", "\u007f")
FACTOR: dict[str, Any] = {
    "activity": "fuel.natural_gas",
    "region": "GB",
    "year": 2024,
    "unit": "kWh",
    "co2e_kg_per_unit": 0.15,
    "citation": "Supplier statement 2024",
}
TARGET: dict[str, Any] = {
    "name": "Near term",
    "scopes": [1],
    "base_year": 2020,
    "target_year": 2030,
    "reduction_pct": 42,
}
# (method, path, body, field): each field is a name or free text a person typed
FIELDS: list[tuple[str, str, dict[str, Any], str]] = [
    ("POST", "/api/v1/auth/signup", {"email": "x@example.com", "password": PASSWORD}, "name"),
    ("POST", "/api/v1/auth/api-keys", {"scopes": ["readings:write"]}, "name"),
    ("POST", "/api/v1/users/organizations", {}, "name"),
    ("PATCH", "/api/v1/users/me", {}, "name"),
    ("POST", "/api/v1/carbon/units", {}, "name"),
    ("POST", "/api/v1/carbon/facilities", {"name": "Leeds", "region": "GB"}, "address"),
    ("POST", "/api/v1/carbon/facilities", {"region": "GB"}, "name"),
    ("POST", "/api/v1/carbon/periods", {"start": "2024-01-01", "end": "2024-12-31"}, "name"),
    ("POST", "/api/v1/carbon/private-factors", FACTOR, "citation"),
    ("POST", "/api/v1/carbon/private-factors", FACTOR, "label"),
    ("POST", "/api/v1/carbon/private-factors", FACTOR, "licence"),
    ("POST", "/api/v1/carbon/instruments", {"kind": "ppa", "factor_kg_per_kwh": 0}, "description"),
    ("POST", "/api/v1/analytics/targets", TARGET, "name"),
    (
        "POST",
        "/api/v1/analytics/webhooks",
        {"url": "https://example.com/hook", "event_types": ["period.closed"]},
        "description",
    ),
]


@pytest.fixture
async def owner(client: httpx.AsyncClient, platform: Platform) -> dict[str, str]:
    tokens, _, _ = await member_token(client, platform, "owner")
    return bearer(tokens["access_token"])


async def test_control_characters_in_names_and_text_are_a_422(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    for method, path, body, field in FIELDS:
        for bad in BAD:
            answer = await client.request(
                method, path, json={**body, field: f"Acme{bad}Ltd"}, headers=owner
            )
            assert answer.status_code == 422, (path, field, bad, answer.text)
            problem = answer.json()
            assert problem["errors"][0]["location"] == ["body", field], problem
            assert problem["errors"][0]["type"] == "control_character"
            assert f"U+{ord(bad[0]):04X}" in problem["detail"]


async def test_a_lone_surrogate_is_a_422_not_a_500(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    for method, path, body, field in FIELDS:
        # json.dumps writes it as the escape \ud800, which Python's JSON reader accepts
        raw = json.dumps({**body, field: "Acme\ud800"})
        answer = await client.request(
            method, path, content=raw, headers={**owner, "content-type": "application/json"}
        )
        assert answer.status_code == 422, (path, field, answer.text)


async def test_a_line_feed_is_free_text_but_not_a_name(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    facility = {"name": "Leeds depot", "region": "GB", "address": "1 Canal St\nLeeds"}
    created = await client.post("/api/v1/carbon/facilities", json=facility, headers=owner)
    assert created.status_code == 201, created.text
    assert created.json()["address"] == "1 Canal St\nLeeds"
    named = await client.post(
        "/api/v1/carbon/facilities", json={**facility, "name": "Leeds\ndepot"}, headers=owner
    )
    assert named.status_code == 422
    tabbed = await client.post(
        "/api/v1/carbon/facilities", json={**facility, "address": "1\tCanal St"}, headers=owner
    )
    assert tabbed.status_code == 422
