"""Every page: drawn without errors, accessible (axe-core, WCAG 2 A/AA), screenshotted.

The screenshots land in build/test-artifacts/screenshots/ (the README's overview is
one of them), at a desktop width and at 375 px.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from browser import SCREENSHOTS, Browsing, LivePlatform, settled
from playwright.async_api import Page, expect
from webapp import NODE_MODULES

AXE_SOURCE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (screenshot name, path); {activity}, {meter}, {factor}, {target} come from the demo data.
SIGNED_IN_PAGES = [
    ("overview", "/"),
    ("explorer", "/explorer"),
    ("activities", "/activities"),
    ("activity-new", "/activities/new"),
    ("activity", "/activities/{activity}"),
    ("facilities", "/facilities"),
    ("meter", "/meters/{meter}"),
    ("factors", "/factors"),
    ("factor", "/factors/{factor}"),
    ("targets", "/targets"),
    ("target", "/targets/{target}"),
    ("reports", "/reports"),
    ("settings-members", "/settings/members"),
    ("settings-invitations", "/settings/invitations"),
    ("settings-audit-log", "/settings/audit-log"),
    ("settings-api-keys", "/settings/api-keys"),
    ("settings-webhooks", "/settings/webhooks"),
    ("settings-private-factors", "/settings/private-factors"),
    ("settings-instruments", "/settings/instruments"),
    ("settings-denominators", "/settings/denominators"),
    ("invitation-accept", "/invitations/accept"),
    ("organization-new", "/organizations/new"),
    ("not-found", "/no/such/page"),
]
SIGNED_OUT_PAGES = [("sign-in", "/sign-in"), ("sign-up", "/sign-up")]
PHONE = {"width": 375, "height": 812}


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2 A/AA violations axe-core finds on the page as it is."""
    await page.evaluate(AXE_SOURCE.read_text())
    result = await page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def _describe(violations: list[dict[str, Any]]) -> str:
    return json.dumps(
        [
            {"rule": v["id"], "help": v["help"], "where": [n["target"] for n in v["nodes"][:5]]}
            for v in violations
        ],
        indent=1,
    )


@pytest.fixture(scope="module")
async def demo_ids(live_platform: LivePlatform) -> dict[str, str]:
    """Ids of real demo objects for the pages that show one."""
    async with live_platform.api(await live_platform.token()) as api:
        records = (await api.get("/api/v1/carbon/activities/records", params={"limit": 1})).json()
        meters = (await api.get("/api/v1/carbon/meters")).json()
        factors = (await api.get("/api/v1/carbon/factors", params={"q": "natural gas"})).json()
        targets = (await api.get("/api/v1/analytics/targets")).json()
        if not targets:
            answer = await api.post(
                "/api/v1/analytics/targets",
                json={
                    "name": "Halve by 2030",
                    "scopes": [1, 2, 3],
                    "base_year": 2024,
                    "target_year": 2030,
                    "reduction_pct": 50,
                },
            )
            assert answer.status_code == 201, answer.text
            targets = [answer.json()]
    live = next(m for m in meters if "live" in m["name"].lower())
    return {
        "activity": records["items"][0]["id"],
        "meter": live["id"],
        "factor": factors["items"][0]["id"],
        "target": targets[0]["id"],
    }


async def _check(page: Page, name: str) -> None:
    await settled(page)
    await page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    violations = await axe_violations(page)
    assert violations == [], f"{name}: {_describe(violations)}"


@pytest.mark.parametrize(("name", "path"), SIGNED_IN_PAGES, ids=[n for n, _ in SIGNED_IN_PAGES])
async def test_signed_in_page(
    browsing: Browsing, demo_ids: dict[str, str], name: str, path: str
) -> None:
    page = await browsing.sign_in()
    await page.goto(browsing.base_url + path.format(**demo_ids))
    await _check(page, name)
    if name != "not-found":
        # each of these paths is a real page: the app's not-found page would be a wrong link
        assert await page.get_by_role("heading", name="Not found", exact=True).count() == 0, path


@pytest.mark.parametrize(("name", "path"), SIGNED_OUT_PAGES, ids=[n for n, _ in SIGNED_OUT_PAGES])
async def test_signed_out_page(browsing: Browsing, name: str, path: str) -> None:
    page = await browsing.new_page()
    await page.goto(browsing.base_url + path)
    await _check(page, name)


@pytest.mark.parametrize("browsing", [PHONE], indirect=True)
@pytest.mark.parametrize(
    ("name", "path"),
    [("overview", "/"), ("activities", "/activities")],
    ids=["overview", "activities"],
)
async def test_pages_fit_a_375_px_screen(browsing: Browsing, name: str, path: str) -> None:
    page = await browsing.sign_in()
    await page.goto(browsing.base_url + path)
    await settled(page)
    await page.screenshot(path=SCREENSHOTS / f"{name}-375px.png", full_page=True)
    overflow = await page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at 375 px"
    await expect(page.get_by_role("button", name="Menu")).to_be_visible()
