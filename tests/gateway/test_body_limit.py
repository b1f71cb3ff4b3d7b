"""Request bodies are counted as they arrive, at the gateway and at every service.

A chunked upload declares no length, so only counting the bytes received can stop it.
Each app is served over real HTTP by uvicorn as ``ecotrack up``/``serve`` run it, and
sent a chunked body many times the limit: it must answer 413 having taken no more than
the limit and about one chunk from the server (the server discards the rest).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from edge import Received, served

from ecotrack.core.config import Settings
from ecotrack.platform import Platform

LIMIT = 512 * 1024
CHUNK = 64 * 1024
SENT = 16 * LIMIT
# uvicorn hands the app what one socket read brought, at most 256 KiB (asyncio's read size).
ONE_READ = 256 * 1024
PROBLEM = "application/problem+json"

# A route of each app that takes a JSON body.
TARGETS = {
    "gateway": "/api/v1/auth/signup",
    "auth": "/api/v1/auth/signup",
    "users": "/api/v1/users/organizations",
    "carbon": "/api/v1/carbon/activities",
    "analytics": "/api/v1/analytics/targets",
}


async def _chunks(sent: list[int]) -> AsyncIterator[bytes]:
    chunk = b" " * CHUNK
    while sum(sent) < SENT:
        sent.append(len(chunk))
        yield chunk


@dataclass
class Served:
    platform: Platform
    gateway_url: str
    gateway: Received


@pytest.fixture
async def small_limit(settings: Settings) -> AsyncIterator[Served]:
    """The platform with a small body limit, its gateway served over HTTP (which starts it)."""
    platform = Platform(settings.model_copy(update={"max_request_bytes": LIMIT}))
    await platform.migrate()
    received = Received(platform.gateway)
    async with served(received, platform.settings) as base:
        yield Served(platform, base, received)


async def test_chunked_bodies_past_the_limit_are_refused_unread(small_limit: Served) -> None:
    settings = small_limit.platform.settings
    async with httpx.AsyncClient(timeout=60) as http:
        for name, path in TARGETS.items():
            if name == "gateway":
                counted = small_limit.gateway
                counted.bytes = 0
                answer, sent = await _upload(http, small_limit.gateway_url + path)
            else:
                # A service alone, as `ecotrack serve <service>` runs it.
                counted = Received(small_limit.platform.apps[name])
                async with served(counted, settings) as url:
                    answer, sent = await _upload(http, url + path)
            assert answer.status_code == 413, (name, answer.status_code, answer.text[:200])
            assert answer.headers["content-type"] == PROBLEM, name
            assert answer.json()["limit_bytes"] == LIMIT, name
            assert sum(sent) == SENT, name
            assert LIMIT < counted.bytes <= LIMIT + ONE_READ, (
                f"{name} took {counted.bytes} bytes of a {SENT}-byte body; the limit is {LIMIT}"
            )


async def _upload(http: httpx.AsyncClient, url: str) -> tuple[httpx.Response, list[int]]:
    sent: list[int] = []
    answer = await http.post(
        url, content=_chunks(sent), headers={"content-type": "application/json"}
    )
    return answer, sent


async def test_a_declared_length_past_the_limit_is_refused_before_reading(
    small_limit: Served,
) -> None:
    received = small_limit.gateway
    received.bytes = 0
    async with httpx.AsyncClient(base_url=small_limit.gateway_url, timeout=60) as http:
        answer = await http.post("/api/v1/auth/signup", content=b" " * (LIMIT + 1))
        assert answer.status_code == 413
        assert answer.headers["content-type"] == PROBLEM
        assert answer.json()["limit_bytes"] == LIMIT
        assert received.bytes == 0, "refused on its Content-Length, unread"
        # At the limit, the body is read and judged on its content.
        json = {"content-type": "application/json"}
        fits = await http.post("/api/v1/auth/signup", content=b" " * LIMIT, headers=json)
        assert fits.status_code == 422, fits.text[:200]
