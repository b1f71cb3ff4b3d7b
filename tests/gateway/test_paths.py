"""Paths the gateway reads once: decoded once, dot segments resolved, forwarded encoded.

An id with a control character used to reach the gateway's HTTP client decoded and
break it (a 500), and ``x/../internal`` slipped past the internal-route block because
the block looked at the path before the dots were resolved. Every id-taking route of
the merged OpenAPI is walked with ids that cannot exist.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import urlsplit

import httpx
import pytest
from edge import served

from accounts import bearer, member_token
from ecotrack.platform import Platform

PARAMETER = re.compile(r"{(\w+)(?::path)?}")
PROBLEM = "application/problem+json"
INTROSPECT = "/api/v1/auth/internal/introspect"
# Ids no resource can have: control characters, NUL, a dot segment, an encoded slash,
# bytes that are not UTF-8.
IMPOSSIBLE_IDS = ["%15", "%00", "%2e%2e", "..%2F..%2Finternal", "%FF"]


@pytest.fixture
async def owner(client: httpx.AsyncClient, platform: Platform) -> dict[str, str]:
    tokens, _, _ = await member_token(client, platform, "owner")
    return bearer(tokens["access_token"])


async def _raw(base: str, method: str, target: str) -> tuple[int, bytes]:
    """One request with ``target`` sent byte for byte (httpx would resolve the dots)."""
    address = urlsplit(base)
    reader, writer = await asyncio.open_connection(address.hostname, address.port)
    head = f"{method} {target} HTTP/1.1\r\nHost: {address.netloc}\r\nConnection: close\r\n"
    writer.write(f"{head}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}".encode())
    await writer.drain()
    answer = await reader.read()
    writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


async def test_dot_segments_cannot_reach_internal_routes(
    platform: Platform, client: httpx.AsyncClient
) -> None:
    # Over HTTP, so the literal dots reach the gateway as a client sent them.
    async with served(platform.gateway, platform.settings, lifespan="off") as base:
        for target in (
            "/api/v1/auth/x/../internal/introspect",
            "/api/v1/auth/./internal/introspect",
            "/api/v1/carbon/../auth/internal/introspect",
            "/api/v1/auth/x/%2e%2e/internal/introspect",
            "/api/v1/auth/x/%2E%2E/%69nternal/introspect",
            "/api/v1/auth/x%2F..%2Finternal/introspect",
        ):
            status, body = await _raw(base, "POST", target)
            assert status == 404, (target, status, body[:200])
            assert b"internal route" not in body, f"{target} reached Auth's internal route"
    # The route itself answers only the gateway (a caller without its token is refused).
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=platform.apps["auth"]), base_url="http://auth"
    ) as auth:
        assert (await auth.post(INTROSPECT, json={"api_key": "x"})).status_code == 403


async def test_ids_that_cannot_exist_are_404_on_every_id_route(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    document = (await client.get("/openapi.json")).json()
    walked = []
    for template, operations in document["paths"].items():
        if not PARAMETER.search(template):
            continue
        for impossible in IMPOSSIBLE_IDS:
            path = PARAMETER.sub(impossible, template)
            for method in operations:
                answer = await client.request(method.upper(), path, headers=owner, json={})
                assert answer.status_code in {404, 405, 422}, (
                    f"{method.upper()} {path}: {answer.status_code} {answer.text[:200]}"
                )
                assert answer.headers["content-type"] == PROBLEM, (method, path)
                walked.append((method, template))
    assert len(set(walked)) >= 30, sorted(set(walked))


async def test_ids_arrive_decoded_once_and_impossible_ones_stop_at_the_gateway(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    answer = await client.get("/api/v1/carbon/activities/%15", headers=owner)
    assert answer.status_code == 404
    assert answer.headers["content-type"] == PROBLEM
    assert "no resource is named so" in answer.json()["detail"]
    assert (await client.get("/.well-known/%15")).status_code == 404
    assert (await client.get("/.well-known/jwks.json")).status_code == 200

    # %2525 is the id "%25" (decoded once), not "%"; non-ASCII ids arrive as sent.
    for sent, seen in (("%2525", "%25"), ("caf%C3%A9", "café"), ("a%20b", "a b"), ("%3F", "?")):
        answer = await client.get(f"/api/v1/carbon/activities/{sent}", headers=owner)
        assert answer.status_code == 404, (sent, answer.text)
        assert f"'{seen}'" in answer.json()["detail"], (sent, answer.json()["detail"])

    # Latin-1 bytes in a header value (obs-text) are valid HTTP, and are forwarded.
    noted = {**owner, "X-Note": "caf\xe9".encode("latin-1")}
    answer = await client.get("/api/v1/carbon/facilities", headers=noted)
    assert answer.status_code == 200, answer.text
