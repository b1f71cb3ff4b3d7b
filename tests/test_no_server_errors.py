"""Property: no input generated from the public API's schema makes any route answer 5xx.

Schemathesis reads the gateway's merged OpenAPI document and generates requests for every
operation (path, query, headers and bodies from the schemas, valid and edge-case values
alike), sent through the gateway in-process with an owner's token for an organisation, so
the routes past authentication are explored too. A 5xx here is a bug: bad input must get a
4xx problem (docs/api.md), and one tenant's bad request must not count towards a circuit
breaker that answers 503 to everyone.

A bounded number of examples per operation keeps it to seconds; the seed is fixed, so a
failure repeats. Set ``ECOTRACK_FUZZ_EXAMPLES`` for a longer exploration.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import APIOperation, Case

from accounts import bearer, member_token
from ecotrack.core.config import Settings
from ecotrack.platform import Platform
from hosting import gateway_client, running_platform

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("ECOTRACK_FUZZ_EXAMPLES", "3"))
# Each of these hashes a password (Argon2id, a quarter of a second by design): one example.
SLOW = {
    ("POST", "/api/v1/auth/signup"),
    ("POST", "/api/v1/auth/token"),
    ("POST", "/api/v1/auth/session"),
}
# Run last, so the organisation and the person the token names exist for everything else.
LAST = {
    ("DELETE", "/api/v1/users/me"),
    ("DELETE", "/api/v1/users/organizations/{organization_id}"),
}


@dataclass
class Findings:
    """Every answer of 500 or more, with what was sent."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)


def _request(case: Case) -> dict[str, Any]:
    """The case as keyword arguments for ``httpx.AsyncClient.request``."""
    sent = case.as_transport_kwargs(base_url="http://testserver")
    request = {
        name: sent[name] for name in ("method", "url", "headers", "params") if sent.get(name)
    }
    cookies = "; ".join(f"{name}={value}" for name, value in (sent.get("cookies") or {}).items())
    if cookies.isascii() and cookies.isprintable() and cookies:
        # as a header: httpx deprecates cookies given per request
        request["headers"] = {**request.get("headers", {}), "Cookie": cookies}
    if "json" in sent:
        request["json"] = sent["json"]
    data = sent.get("data")
    if isinstance(data, bytes | str):
        request["content"] = data
    elif data is not None:
        request["data"] = data
    if sent.get("files"):
        request["files"] = sent["files"]
    return request


def explore(
    operation: APIOperation,
    send: Any,
    headers: dict[str, str],
    organization_id: str,
    findings: Findings,
) -> None:
    """Generate examples of one operation and send each (this runs in a worker thread)."""
    fixed = {
        parameter.name: organization_id
        for parameter in operation.path_parameters
        if parameter.name == "organization_id"
    }
    strategy = operation.as_strategy(headers=headers, path_parameters=fixed or None)
    label = (operation.method.upper(), operation.path)

    @settings(
        max_examples=1 if label in SLOW else EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def probe(case: Case) -> None:
        request = _request(case)
        findings.requests += 1
        try:
            answer = send(request)
        except Exception as error:  # an exception out of the ASGI app is a 500 too
            findings.errors.append(f"{label}: {error!r} for {request}")
            return
        if answer.status_code >= 500:
            findings.errors.append(
                f"{label}: {answer.status_code} {answer.text[:300]} for {request}"[:2000]
            )

    probe()


@pytest.fixture
def roomy(settings: Settings) -> Settings:
    """The test settings with rate limits out of the way: hundreds of requests in seconds."""
    return settings.model_copy(
        update={
            "rate_limit_address": "1000000/minute",
            "rate_limit_organization": "1000000/minute",
        }
    )


@pytest.fixture
async def fuzzed(roomy: Settings) -> AsyncIterator[tuple[Platform, httpx.AsyncClient]]:
    async with running_platform(roomy) as hosted, gateway_client(hosted) as http:
        yield hosted, http


async def test_no_generated_request_makes_any_route_answer_5xx(
    fuzzed: tuple[Platform, httpx.AsyncClient],
) -> None:
    platform, client = fuzzed
    tokens, _, organization_id = await member_token(client, platform, "owner")
    document = (await client.get("/openapi.json")).json()
    schema = schemathesis.openapi.from_dict(document)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 80  # every service's routes are in the merged document
    operations.sort(key=lambda op: (op.method.upper(), op.path) in LAST)
    loop = asyncio.get_running_loop()

    def send(request: dict[str, Any]) -> httpx.Response:
        # from the worker thread, onto the test's event loop, where the platform runs
        return asyncio.run_coroutine_threadsafe(client.request(**request), loop).result(120)

    findings = Findings()
    headers = bearer(tokens["access_token"])
    for operation in operations:
        await asyncio.to_thread(explore, operation, send, headers, organization_id, findings)
    assert findings.requests >= len(operations)
    assert not findings.errors, "\n".join(findings.errors[:20])
