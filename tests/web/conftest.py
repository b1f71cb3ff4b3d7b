"""Fixtures of the browser tests: a live ``ecotrack up`` and headless Chromium."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    SCREENSHOTS,
    WEB_DIST,
    Browsing,
    LivePlatform,
    log_problems,
    projected,
    ready,
    unavailable,
)
from playwright.async_api import Browser, async_playwright
from webapp import NODE_MODULES

from backends import free_port, wait_for


def _require_browser_tools() -> None:
    if not (WEB_DIST / "index.html").exists():
        unavailable("the web app is not built: run `make web` (make test builds it)")
    if not NODE_MODULES.is_dir():
        unavailable("the web app's packages are missing: run `make web-check` (npm ci)")
    if not CHROMIUM.exists():
        unavailable(f"Chromium is missing at {CHROMIUM}: apt-get install chromium")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
async def live_platform(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[LivePlatform]:
    _require_browser_tools()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ECOTRACK_", "OTEL_"))}
    env |= {
        "ECOTRACK_PORT": str(port),
        "ECOTRACK_DATA_DIR": str(tmp_path_factory.mktemp("live-platform")),
        "ECOTRACK_LOG_FORMAT": "json",
        "ECOTRACK_SIMULATOR_INTERVAL_S": "1",
        "ECOTRACK_SIMULATOR_BATCH_S": "2",
        # One browser, from one address, signs in as the same few people and loads
        # dozens of pages a minute: more than the limits allow one real person.
        "ECOTRACK_LOGIN_RATE_LIMIT_ACCOUNT": "1000/minute",
        "ECOTRACK_LOGIN_RATE_LIMIT_ADDRESS": "1000/minute",
        "ECOTRACK_RATE_LIMIT_ADDRESS": "100000/minute",
        "ECOTRACK_RATE_LIMIT_ORGANIZATION": "100000/minute",
    }
    log = ARTIFACTS / "ecotrack-up.log"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            str(Path(sys.executable).parent / "ecotrack"),
            "up",
            env=env,
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
        )
        platform = LivePlatform(url=f"http://localhost:{port}", log=log)
        try:
            async with httpx.AsyncClient(base_url=platform.url) as http:
                await wait_for(lambda: ready(http), within=120, interval=0.1)
            try:
                # The seeded ledger's events reach Analytics over the bus; generous, as
                # CI runs this after twenty minutes of other tests on two cores.
                await wait_for(lambda: projected(platform), within=180, interval=0.5)
            except AssertionError as exc:
                raise AssertionError(
                    f"Analytics never matched Carbon ({platform.last_projection}); "
                    f"the platform logged:\n{log_problems(log)}"
                ) from exc
            yield platform
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGINT)
                try:
                    await asyncio.wait_for(process.wait(), 30)
                except TimeoutError:
                    process.kill()


@pytest.fixture(scope="session")
async def chromium() -> AsyncIterator[Browser]:
    _require_browser_tools()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def browsing(
    chromium: Browser, live_platform: LivePlatform, request: pytest.FixtureRequest
) -> AsyncIterator[Browsing]:
    viewport: dict[str, Any] = getattr(request, "param", None) or {"width": 1280, "height": 900}
    context = await chromium.new_context(
        base_url=live_platform.url,
        viewport=viewport,
        accept_downloads=True,  # type: ignore[arg-type]
    )
    session = Browsing(context=context, base_url=live_platform.url)
    try:
        yield session
    finally:
        await context.close()
    assert session.problems == [], "\n".join(session.problems)
