"""The gateway: the one front door, safe by default and clear about what went wrong."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from prometheus_client import REGISTRY

from accounts import bearer, member_token
from backends import free_port, serving
from ecotrack.core.config import Settings
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.demo import create_demo_app
from ecotrack.gateway import create_gateway_app
from ecotrack.gateway.proxy import Upstreams
from ecotrack.platform import SERVICE_SPECS, Platform
from hosting import gateway_client, running_platform
from web_dist import ASSET, INDEX_HTML, build_dist

SERVICES = set(SERVICE_SPECS)

API_KEYS = "/api/v1/auth/api-keys"


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.fixture
async def web_client(platform: Platform, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The platform's gateway with a real (small) built web app in tmp_path."""
    gateway = create_gateway_app(
        platform.backends, platform.upstreams, web_app=create_demo_app(build_dist(tmp_path))
    )
    transport = httpx.ASGITransport(app=gateway)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_answers_carry_security_headers(web_client: httpx.AsyncClient) -> None:
    for path in ("/healthz", "/", "/activities/1", ASSET, "/docs", "/api/v1/auth/nothing"):
        headers = (await web_client.get(path)).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "DENY", path
        assert headers["referrer-policy"] == "no-referrer", path
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
    assert "http" not in CONTENT_SECURITY_POLICY, "no CDN or other host is trusted"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/nope"),
        ("GET", "/api"),
        ("GET", "/api/v2/carbon/activities"),
        ("GET", "/api/v1/unknown-service/x"),
        ("GET", "/api/v1/carbon"),
        ("POST", "/api/v1/carbon/no-such-route"),
        ("GET", "/internal/x"),
        ("DELETE", "/internal"),
        ("GET", "/.well-known/nope"),
        ("GET", "/.well-known/a/b"),
    ],
)
async def test_unknown_api_paths_are_problem_404s_not_the_web_app(
    web_client: httpx.AsyncClient, method: str, path: str
) -> None:
    answer = await web_client.request(method, path)
    assert answer.status_code == 404, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["status"] == 404
    assert INDEX_HTML not in answer.text


async def test_every_other_path_is_the_web_app(web_client: httpx.AsyncClient) -> None:
    for path in ("/", "/activities/123", "/meters/x/readings", "/settings/members"):
        page = await web_client.get(path)
        assert page.status_code == 200, path
        assert page.text == INDEX_HTML, path
        assert page.headers["cache-control"] == "no-cache", path
    asset = await web_client.get(ASSET)
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert (await web_client.get("/assets/gone-00000000.js")).status_code == 404
    docs = await web_client.get("/docs")
    assert docs.status_code == 200
    assert "/docs/init.js" in docs.text
    # The gateway's own routes stay the gateway's.
    assert (await web_client.get("/healthz")).json()["service"] == "gateway"
    assert set((await web_client.get("/status")).json()["services"]) == SERVICES
    assert (await web_client.get("/openapi.json")).json()["info"]["title"] == "EcoTrack API"
    jwks = await web_client.get("/.well-known/jwks.json")
    assert jwks.status_code == 200
    assert jwks.json()["keys"]


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
    # Per day: the sliding-window counter weighs the last window's hits down as time passes,
    # so a test straddling the end of a minute window could see an extra request through.
    tight = settings.model_copy(
        update={"rate_limit_address": "7/day", "rate_limit_organization": "3/day"}
    )

    def rejections(limit: str) -> float:
        sample = REGISTRY.get_sample_value("ecotrack_rate_limit_rejections_total", {"limit": limit})
        return sample or 0

    before = {limit: rejections(limit) for limit in ("gateway.address", "gateway.organization")}
    async with running_platform(tight) as platform, gateway_client(platform) as client:
        # Three requests to make a member (sign-up, the login that learns its id, and the
        # login for the organisation) count against the address.
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
    assert {limit: rejections(limit) - count for limit, count in before.items()} == {
        "gateway.address": 1,
        "gateway.organization": 1,
    }


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


def _upstream() -> tuple[FastAPI, dict[str, int], asyncio.Event]:
    """A real upstream whose path says how it answers: a status code, or 'slow'."""
    calls = {"count": 0}
    release = asyncio.Event()
    app = FastAPI()

    @app.get("/api/v1/flaky/{answer}")
    async def answering(answer: str) -> JSONResponse:
        calls["count"] += 1
        if answer == "slow":
            await release.wait()
            return JSONResponse({"detail": "late"})
        return JSONResponse({"detail": answer}, status_code=int(answer))

    return app, calls, release


def _breaking(platform: Platform, base: str, timeout: float = 5.0) -> None:
    """Point the gateway at ``base`` as the service 'flaky', opening after 3 failures."""
    platform.gateway.state.gateway.upstreams = Upstreams(
        {"flaky": httpx.AsyncClient(base_url=base, timeout=timeout)},
        failure_threshold=3,
        recovery_s=60,
    )


async def _statuses(client: httpx.AsyncClient, path: str, times: int) -> list[int]:
    return [(await client.get(path)).status_code for _ in range(times)]


async def test_answers_about_one_request_never_open_the_circuit(
    platform: Platform, client: httpx.AsyncClient
) -> None:
    """Many 500s (and 4xx) from a real upstream are relayed; only its 503s open the circuit."""
    upstream, calls, _ = _upstream()
    async with serving(upstream) as base:
        _breaking(platform, base)
        for status in (500, 400, 404, 422, 502, 504):
            assert await _statuses(client, f"/api/v1/flaky/{status}", 10) == [status] * 10
        assert calls["count"] == 60, "the circuit stayed closed: every request reached it"

        assert await _statuses(client, "/api/v1/flaky/503", 3) == [503] * 3
        opened = await client.get("/api/v1/flaky/500")
        assert opened.status_code == 503
        assert "circuit is open" in opened.json()["detail"]
        assert calls["count"] == 63, "an open circuit answers without calling"


async def test_a_success_or_a_500_between_503s_resets_the_count(
    platform: Platform, client: httpx.AsyncClient
) -> None:
    upstream, calls, _ = _upstream()
    async with serving(upstream) as base:
        _breaking(platform, base)
        for answer in ["503", "503", "500", "503", "503", "200", "503", "503"]:
            assert (await client.get(f"/api/v1/flaky/{answer}")).status_code == int(answer)
        assert calls["count"] == 8, "never three 503s in a row: still closed"


async def test_transport_failures_and_timeouts_open_the_circuit(
    platform: Platform, client: httpx.AsyncClient
) -> None:
    def sample(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, {"upstream": "flaky", **labels}) or 0

    def timed(outcome: str) -> float:
        return sample("ecotrack_upstream_duration_seconds_count", outcome=outcome)

    outcomes = ("unreachable", "circuit_open", "timeout")
    before = {outcome: timed(outcome) for outcome in outcomes}
    opened = sample("ecotrack_circuit_breaker_transitions_total", state="opened")
    # Nothing listens: every call is a connection failure.
    _breaking(platform, f"http://127.0.0.1:{free_port()}")
    unreachable = [await client.get("/api/v1/flaky/200") for _ in range(3)]
    assert [a.status_code for a in unreachable] == [503] * 3
    assert all("unreachable" in a.json()["detail"] for a in unreachable)
    assert "circuit is open" in (await client.get("/api/v1/flaky/200")).json()["detail"]
    assert sample("ecotrack_circuit_breaker_state", state="opened") == 1
    assert sample("ecotrack_circuit_breaker_state", state="closed") == 0
    assert sample("ecotrack_circuit_breaker_transitions_total", state="opened") == opened + 1

    upstream, calls, release = _upstream()
    async with serving(upstream) as base:
        _breaking(platform, base, timeout=0.2)
        slow = [await client.get("/api/v1/flaky/slow") for _ in range(3)]
        assert [a.status_code for a in slow] == [503] * 3
        assert all("did not answer in time" in a.json()["detail"] for a in slow)
        opened = await client.get("/api/v1/flaky/200")
        assert "circuit is open" in opened.json()["detail"]
        assert calls["count"] == 3
        release.set()
    assert {outcome: timed(outcome) - before[outcome] for outcome in outcomes} == {
        "unreachable": 3,
        "circuit_open": 2,
        "timeout": 3,
    }


async def test_a_crash_in_an_in_process_service_is_its_500_not_an_open_circuit(
    platform: Platform, client: httpx.AsyncClient
) -> None:
    """Under ``ecotrack up`` a service's unexpected error must reach the gateway as a 500."""

    async def crash() -> None:
        raise OverflowError("date value out of range")

    platform.apps["carbon"].add_api_route("/api/v1/carbon/crash", crash)
    threshold = platform.settings.breaker_failure_threshold
    answers = [await client.get("/api/v1/carbon/crash") for _ in range(2 * threshold)]
    assert [a.status_code for a in answers] == [500] * (2 * threshold)
    assert {a.json()["instance"] for a in answers} == {"/api/v1/carbon/crash"}, "Carbon's own"
    assert (await client.get("/api/v1/carbon/facilities")).status_code == 401, "still closed"
