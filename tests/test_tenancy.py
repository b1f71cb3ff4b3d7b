"""One tenant never sees another's data: every route that takes an id, walked from OpenAPI.

A member of organisation A asks, through the gateway, for each object of organisation
B by its id, with every method the route allows and a body that passes validation. The
answer must be 404 every time, and B's objects must be untouched afterwards. Routes are
read from the merged OpenAPI document, so a new route is covered the day it is added;
a new kind of path parameter fails this test until it gets a factory below.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from accounts import new_owner
from backends import wait_for

PARAMETER = re.compile(r"{(\w+)(?::path)?}")
USERS = "/api/v1/users"


async def _objects_of(
    client: httpx.AsyncClient, owner: dict[str, str], org: str, user: str
) -> dict[str, str]:
    """One object of each kind in an organisation, named by the path parameter it fills."""

    async def created(path: str, body: dict[str, Any]) -> str:
        answer = await client.post(path, json=body, headers=owner)
        assert answer.status_code == 201, (path, answer.text)
        object_id: str = answer.json()["id"]
        return object_id

    carbon = "/api/v1/carbon"
    facility_id = await created(f"{carbon}/facilities", {"name": "Depot", "region": "GB"})
    meter_id = await created(
        f"{carbon}/meters",
        {"facility_id": facility_id, "name": "Main", "kind": "electricity", "unit": "kWh"},
    )
    return {
        "facility_id": facility_id,
        "unit_id": await created(f"{carbon}/units", {"name": "UK operations"}),
        "period_id": await created(
            f"{carbon}/periods", {"name": "FY2024", "start": "2024-01-01", "end": "2024-12-31"}
        ),
        "activity_id": await created(
            f"{carbon}/activities",
            {
                "activity": "fuel.natural_gas",
                "quantity": 1200,
                "unit": "kWh",
                "region": "GB",
                "year": 2024,
                "period_start": "2024-01-01",
                "period_end": "2024-01-31",
                "facility_id": facility_id,
            },
        ),
        "meter_id": meter_id,
        "anomaly_id": await _anomaly_of(client, owner, meter_id),
        "organization_id": org,
        "user_id": user,
        "invitation_id": await created(
            f"{USERS}/organizations/{org}/invitations",
            {"email": f"{uuid.uuid4().hex[:8]}@example.com", "role": "viewer"},
        ),
        "api_key_id": await created(
            "/api/v1/auth/api-keys", {"name": "meters", "scopes": ["readings:write"]}
        ),
        "factor_id": await created(
            "/api/v1/carbon/private-factors",
            {
                "activity": "electricity.grid",
                "region": "GB",
                "year": 2024,
                "unit": "kWh",
                "co2e_kg_per_unit": 0.05,
                "electricity_basis": "supplier_specific",
                "citation": "Supplier fuel-mix disclosure 2024",
                "dataset": "supplier",
            },
        ),
        "instrument_id": await created(
            "/api/v1/carbon/instruments",
            {"kind": "ppa", "factor_kg_per_kwh": 0.0, "region": "GB"},
        ),
        "target_id": await created(
            "/api/v1/analytics/targets",
            {
                "name": "SBTi",
                "scopes": [1, 2],
                "base_year": 2020,
                "target_year": 2030,
                "reduction_pct": 42,
            },
        ),
        "webhook_id": await created(
            "/api/v1/analytics/webhooks",
            {"url": "https://example.com/hook", "event_types": ["anomaly.detected"]},
        ),
    }


async def _anomaly_of(client: httpx.AsyncClient, owner: dict[str, str], meter_id: str) -> str:
    """A real anomaly: five weeks of a meter's daily shape, then a spike, through Carbon."""
    start = datetime(2024, 1, 1, tzinfo=UTC)

    def reading(hour: datetime, value: float) -> dict[str, Any]:
        return {"ts": hour.isoformat().replace("+00:00", "Z"), "value": value}

    hours = [start + timedelta(hours=index) for index in range(5 * 7 * 24)]
    history = [reading(h, 10.0 if 8 <= h.hour < 18 else 2.0) for h in hours]
    path = f"/api/v1/carbon/meters/{meter_id}/readings"
    for batch in (history, [reading(start + timedelta(weeks=5, hours=3), 40.0)]):
        answer = await client.post(path, json={"readings": batch}, headers=owner)
        assert answer.status_code == 201, answer.text

    async def flagged() -> str | None:
        anomalies = await client.get("/api/v1/analytics/anomalies", headers=owner)
        assert anomalies.status_code == 200, anomalies.text
        return next((a["id"] for a in anomalies.json() if a["meter_id"] == meter_id), None)

    anomaly_id: str = await wait_for(flagged, within=60, interval=0.2)
    return anomaly_id


def _example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A value that satisfies ``schema``, so that validation does not answer first."""
    if "$ref" in schema:
        return _example(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            options = [s for s in schema[combinator] if s.get("type") != "null"]
            return _example(options[0], components)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][-1]
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: _example(properties[name], components) for name in schema.get("required", [])}
    if kind == "array":
        return [_example(schema.get("items", {}), components)] * schema.get("minItems", 0)
    if kind in {"integer", "number"}:
        return max(schema.get("minimum", 1), 1)
    if kind == "boolean":
        return False
    if schema.get("format") == "email":
        return "someone@example.com"
    if "pattern" in schema and schema["pattern"] == r"^\d{6}$":
        return "123456"
    return "x" * max(schema.get("minLength", 1), 1)


def _body_for(operation: dict[str, Any], components: dict[str, Any]) -> Any:
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    return _example(content["application/json"]["schema"], components)


async def test_no_route_reveals_or_changes_another_organisations_objects(
    client: httpx.AsyncClient,
) -> None:
    bravo = await new_owner(client, "Bravo")
    org_b, owner_b_id, owner_b = bravo.organization_id, bravo.user_id, bravo.headers
    objects_b = await _objects_of(client, owner_b, org_b, owner_b_id)
    owner_a = (await new_owner(client, "Alpha")).headers

    document = (await client.get("/openapi.json")).json()
    components = document["components"]["schemas"]
    walked = []
    for template, operations in document["paths"].items():
        names = PARAMETER.findall(template)
        if not names:
            continue
        missing = [name for name in names if name not in objects_b]
        assert not missing, f"{template}: add a factory for {missing} to _objects_of"
        path = PARAMETER.sub(lambda m: objects_b[m.group(1)], template)
        for method, operation in operations.items():
            answer = await client.request(
                method.upper(), path, json=_body_for(operation, components), headers=owner_a
            )
            assert answer.status_code == 404, (
                f"{method.upper()} {template} as another organisation: "
                f"{answer.status_code} {answer.text[:200]}"
            )
            walked.append(f"{method.upper()} {template}")
    assert len(walked) >= 10, walked

    # Organisation B still has everything.
    for path in (
        f"{USERS}/organizations/{org_b}",
        f"/api/v1/carbon/private-factors/{objects_b['factor_id']}",
        f"/api/v1/carbon/instruments/{objects_b['instrument_id']}",
    ):
        assert (await client.get(path, headers=owner_b)).status_code == 200, path
    invitations = await client.get(f"{USERS}/organizations/{org_b}/invitations", headers=owner_b)
    assert objects_b["invitation_id"] in invitations.text
    keys = (await client.get("/api/v1/auth/api-keys", headers=owner_b)).json()
    assert [key["revoked_at"] for key in keys] == [None]
