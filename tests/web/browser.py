"""Browser tests' harness: headless Chromium, driven by Playwright, against a real ``ecotrack up``.

The platform runs as a person runs it (``ecotrack up`` on embedded defaults, demo data,
the simulator on), in its own process on a free port. Every page a test opens fails the
test on a page error, a 5xx, a console error or a failed request that the test did not
declare as expected (``browsing.expect(404, "/activities/")``).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import jwt
import pytest
from playwright.async_api import (
    BrowserContext,
    ConsoleMessage,
    Page,
    Response,
)
from playwright.async_api import Request as BrowserRequest
from webapp import IN_CI, ROOT

CHROMIUM = Path(os.environ.get("ECOTRACK_TEST_CHROMIUM", "/usr/bin/chromium"))
WEB_DIST = ROOT / "src" / "ecotrack" / "demo" / "dist"
ARTIFACTS = ROOT / "build" / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
DEMO_EMAIL, DEMO_PASSWORD = "demo@example.com", "ecotrack-demo"
# The probe's flags: a closed network refuses Chromium's background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_FAILED_RESOURCE = re.compile(
    r"Failed to load resource: the server responded with a status of (\d+)"
)


def unavailable(message: str) -> None:
    if IN_CI:
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


@dataclass
class LivePlatform:
    url: str
    log: Path
    tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    last_projection: str = "not asked yet"

    async def token(self, email: str = DEMO_EMAIL, password: str = DEMO_PASSWORD) -> str:
        """An access token for ``email``, reused while it has minutes left."""
        cached = self.tokens.get(email)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        async with httpx.AsyncClient(base_url=self.url) as http:
            answer = await http.post(
                "/api/v1/auth/token", data={"username": email, "password": password}
            )
            answer.raise_for_status()
            body = answer.json()
        token: str = body["access_token"]
        # A token without an organisation is not kept: right after start-up Auth may not
        # have heard of the seeded memberships yet, and the next login names them.
        if jwt.decode(token, options={"verify_signature": False}).get("org_id"):
            self.tokens[email] = (token, time.monotonic() + body["expires_in"] - 60)
        return token

    def api(self, token: str) -> httpx.AsyncClient:
        """The public API as the holder of ``token`` calls it."""
        return httpx.AsyncClient(
            base_url=self.url, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )


async def ready(http: httpx.AsyncClient) -> bool:
    try:
        return (await http.get("/readyz")).status_code == 200
    except httpx.TransportError:
        return False


async def projected(platform: LivePlatform) -> bool:
    """Analytics has caught up with the seeded ledger (its events travel by the bus)."""
    async with platform.api(await platform.token()) as api:
        carbon = await api.get(
            "/api/v1/carbon/activities/totals", params={"from": "2024-01-01", "to": "2025-12-31"}
        )
        analytics = await api.get(
            "/api/v1/analytics/emissions", params={"from": "2024-01-01", "to": "2025-12-31"}
        )
    platform.last_projection = f"carbon {carbon.status_code} {carbon.text[:300]}; " + (
        f"analytics {analytics.status_code} {analytics.text[:300]}"
    )
    if carbon.status_code != 200 or analytics.status_code != 200:
        return False
    return bool(abs(carbon.json()["co2e_kg"] - analytics.json()["total_co2e_kg"]) < 1e-6)


def log_problems(log: Path, limit: int = 40) -> str:
    """The platform's warning and error lines, for a failure's message."""
    lines = log.read_text(errors="replace").splitlines()
    flagged = [line for line in lines if '"level": "warning"' in line or '"level": "error"' in line]
    return "\n".join(line[:400] for line in (flagged or lines)[-limit:])


@dataclass
class Browsing:
    """Pages of one browser context, each watched for errors the test did not expect."""

    context: BrowserContext
    base_url: str
    problems: list[str] = field(default_factory=list)
    expected: list[tuple[int, str]] = field(default_factory=list)

    def expect(self, status: int, url_part: str) -> None:
        """Declare a 4xx the test provokes on purpose (a 5xx is never expected)."""
        self.expected.append((status, url_part))

    def _is_expected(self, status: int, url: str | None = None) -> bool:
        return any(status == want and (url is None or part in url) for want, part in self.expected)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        failed = _FAILED_RESOURCE.search(message.text)
        location = message.location.get("url", "")
        if failed and self._is_expected(int(failed.group(1)), location or None):
            return
        self.problems.append(f"console error: {message.text} ({location})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 500:
            self.problems.append(f"{response.status} from {response.request.method} {response.url}")
        elif response.status >= 400 and not self._is_expected(response.status, response.url):
            self.problems.append(f"unexpected {response.status} from {response.url}")

    def _on_request_failed(self, request: BrowserRequest) -> None:
        # A navigation or a query the app cancels on purpose ends as ERR_ABORTED.
        if request.failure and "ERR_ABORTED" in request.failure:
            return
        self.problems.append(f"request failed: {request.method} {request.url}: {request.failure}")

    async def new_page(self) -> Page:
        page = await self.context.new_page()
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)
        return page

    async def sign_in(
        self, email: str = DEMO_EMAIL, password: str = DEMO_PASSWORD, *, page: Page | None = None
    ) -> Page:
        page = page or await self.new_page()
        await page.goto(f"{self.base_url}/sign-in")
        await page.get_by_label("Email").fill(email)
        await page.get_by_label("Password").fill(password)
        await page.get_by_role("button", name="Sign in").click()
        await page.get_by_role("button", name="Sign out").wait_for()
        return page


async def settled(page: Page) -> None:
    """The page has its data: the network is quiet and nothing says it is loading."""
    await page.wait_for_load_state("networkidle")
    await page.locator(".state-loading").first.wait_for(state="detached")
    await page.locator("h1").first.wait_for()
