"""Fixtures: the Users app of a full platform, or of Users running alone."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from users_api import Users

from ecotrack.core.config import Settings
from ecotrack.platform import Platform


async def _users_app(platform: Platform) -> AsyncIterator[Users]:
    transport = httpx.ASGITransport(app=platform.apps["users"])
    async with httpx.AsyncClient(transport=transport, base_url="http://users") as http:
        yield Users(platform, http)


@pytest.fixture
async def users(platform: Platform) -> AsyncIterator[Users]:
    async for api in _users_app(platform):
        yield api


@pytest.fixture
async def users_alone(settings: Settings) -> AsyncIterator[Users]:
    """Only Users runs: nobody answers its deletion requests until the test does."""
    hosted = Platform(settings)
    await hosted.migrate()
    await hosted.backends.start()
    await hosted.runtimes["users"].start()
    try:
        async for api in _users_app(hosted):
            yield api
    finally:
        await hosted.stop()
