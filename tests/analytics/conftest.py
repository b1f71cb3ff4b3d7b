"""Fixtures: the Analytics app of a full platform, called as the gateway calls it.

Analytics learns everything from events, so the tests publish what Carbon would
(docs/events.md) straight onto the platform's bus and wait until it is applied.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from ecotrack.platform import Platform


@pytest.fixture
async def analytics(platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=platform.apps["analytics"])
    async with httpx.AsyncClient(transport=transport, base_url="http://analytics") as http:
        yield http
