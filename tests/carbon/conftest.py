"""Fixtures: the Carbon app of a full platform, and identity headers to call it with."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from carbon_api import Sign, signer

from ecotrack.core.config import Settings
from ecotrack.platform import Platform


@pytest.fixture
async def carbon(platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=platform.apps["carbon"])
    async with httpx.AsyncClient(transport=transport, base_url="http://carbon") as http:
        yield http


@pytest.fixture
def sign(settings: Settings) -> Sign:
    return signer(settings)
