"""The platform as tests run it: every service in-process, reached through the gateway."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from ecotrack.core.config import Settings
from ecotrack.platform import Platform


@asynccontextmanager
async def running_platform(settings: Settings) -> AsyncIterator[Platform]:
    """Every service hosted in one process, migrated and started, like ``ecotrack up``."""
    hosted = Platform(settings)
    await hosted.migrate()
    await hosted.start()
    try:
        yield hosted
    finally:
        await hosted.stop()


@asynccontextmanager
async def gateway_client(platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the gateway, the platform's one entry point."""
    transport = httpx.ASGITransport(app=platform.gateway)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
