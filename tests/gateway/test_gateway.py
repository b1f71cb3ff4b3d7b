"""The gateway: the one front door, safe by default and clear about what went wrong."""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from accounts import bearer, member_token
from backends import serving
from ecotrack.core.config import Settings
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.gateway.proxy import Upstreams
from ecotrack.platform import Platform
from hosting import gateway_client, running_platform

API_KEYS = "/api/v1/auth/api-keys"


async def test_answers_carry_security_headers(client: httpx.AsyncClient) -> None:
    for path in ("/healthz", "/", "/api/v1/auth/nothing"):
        headers = (await client.get(path)).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "DENY", path
        assert headers["referrer-policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path


async def test_identity_headers_from_outside_are_never_trusted(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    forged = sign_identity(
        Identity(subject="intruder", kind="user", organization_id="org", role=Role.OWNER),
        settings.secret_key.get_secret_value(),
    )
    answer = await client.get(API_KEYS, headers=forged)
    assert answer.status_code == 401, "the gateway strips identity it did not assert"


async def test_internal_routes_are_not_reachable_through_the_gateway(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post("/api/v1/auth/internal/introspect", json={"api_key": "x"})
    assert answer.status_code == 404


async def test_malformed_authorization_is_a_clear_401(client: httpx.AsyncClient) -> None:
    answer = await client.get(API_KEYS, headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert answer.status_code == 401
    assert "Bearer" in answer.json()["detail"]


async def test_rate_limits_per_address_and_per_organisation(settings: Settings) -> None:
    tight = settings.model_copy(
        update={"rate_limit_address": "6/minute", "rate_limit_organization": "3/minute"}
    )
    async with running_platform(tight) as platform, gateway_client(platform) as client:
        # Two requests to make a member (sign-up and login) count against the address.
        tokens, _, _ = await member_token(client, platform, "admin")
        auth = bearer(tokens["access_token"])
        answers = [await client.get(API_KEYS, headers=auth) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert answers[0].headers["x-ratelimit-limit"] == "3"
        assert answers[0].headers["x-ratelimit-remaining"] == "2"
        limited = answers[-1]
        assert int(limited.headers["retry-after"]) >= 1
        assert limited.json()["limit_scope"] == "organization"

        anonymous = await client.get("/api/v1/carbon/nothing")
        assert anonymous.status_code == 429
        assert anonymous.json()["limit_scope"] == "address"


async def test_request_bodies_over_the_limit_get_413(settings: Settings) -> None:
    small = settings.model_copy(update={"max_request_bytes": 1024})
    async with running_platform(small) as platform, gateway_client(platform) as client:
        answer = await client.post("/api/v1/auth/signup", content=b"x" * 2048)
        assert answer.status_code == 413
        assert answer.json()["limit_bytes"] == 1024


async def test_cors_allows_only_configured_origins(settings: Settings) -> None:
    configured = settings.model_copy(update={"cors_origins": ["https://app.example.com"]})
    async with running_platform(configured) as platform, gateway_client(platform) as client:
        preflight = {"Access-Control-Request-Method": "POST"}
        allowed = await client.options(
            "/api/v1/auth/token", headers={"Origin": "https://app.example.com", **preflight}
        )
        assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
        refused = await client.options(
            "/api/v1/auth/token", headers={"Origin": "https://evil.example.com", **preflight}
        )
        assert "access-control-allow-origin" not in refused.headers


async def test_one_openapi_document_for_the_public_api(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    assert document["info"]["title"] == "EcoTrack API"
    paths = set(document["paths"])
    assert {"/api/v1/auth/token", "/api/v1/auth/signup", "/api/v1/auth/api-keys"} <= paths
    assert not any("/internal/" in path for path in paths)
    refs = str(document)
    for name in document["components"]["schemas"]:
        assert f"#/components/schemas/{name}" in refs or name.endswith("Error")
    docs = await client.get("/docs")
    assert docs.status_code == 200
    assert "/openapi.json" in docs.text


def _flaky_service() -> tuple[FastAPI, dict[str, int]]:
    calls = {"count": 0}
    app = FastAPI()

    @app.get("/api/v1/flaky/{path:path}")
    async def failing(path: str, request: Request) -> JSONResponse:
        calls["count"] += 1
        if path == "slow":
            await asyncio.sleep(2)
        return JSONResponse({"detail": "broken"}, status_code=500)

    return app, calls


async def test_a_failing_upstream_opens_its_circuit_and_timeouts_are_503(
    platform: Platform,
) -> None:
    """A real upstream over HTTP that answers 500: after 3 failures the gateway stops calling."""
    flaky, calls = _flaky_service()
    async with serving(flaky) as base:
        upstreams = Upstreams(
            {"flaky": httpx.AsyncClient(base_url=base, timeout=0.5)},
            failure_threshold=3,
            recovery_s=60,
        )
        platform.gateway.state.gateway.upstreams = upstreams
        async with gateway_client(platform) as client:
            relayed = [await client.get("/api/v1/flaky/x") for _ in range(3)]
            assert [a.status_code for a in relayed] == [500, 500, 500]
            opened = await client.get("/api/v1/flaky/x")
            assert opened.status_code == 503
            assert "circuit is open" in opened.json()["detail"]
            assert calls["count"] == 3, "an open circuit answers without calling"

        upstreams = Upstreams({"flaky": httpx.AsyncClient(base_url=base, timeout=0.5)})
        platform.gateway.state.gateway.upstreams = upstreams
        async with gateway_client(platform) as client:
            slow = await client.get("/api/v1/flaky/slow")
            assert slow.status_code == 503
            assert "did not answer in time" in slow.json()["detail"]
