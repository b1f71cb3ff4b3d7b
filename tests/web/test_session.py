"""Signing in and out in the browser: the session, deep links and not-found pages."""

from __future__ import annotations

from browser import Browsing, LivePlatform, settled
from playwright.async_api import expect


async def test_sign_in_shows_the_overview_and_a_deep_link_survives_reload(
    browsing: Browsing,
) -> None:
    page = await browsing.sign_in()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Overview")
    await page.get_by_role("link", name="Factor library").click()
    await expect(page).to_have_url(f"{browsing.base_url}/factors")
    await page.reload()
    await settled(page)
    await expect(page.get_by_role("heading", level=1)).to_have_text("Factor library")
    # The access token lives in memory only: nothing of the session is in web storage.
    stored = await page.evaluate("() => JSON.stringify({...localStorage, ...sessionStorage})")
    assert stored == "{}"


async def test_sign_out_clears_the_session(browsing: Browsing) -> None:
    page = await browsing.sign_in()
    cookies = {c["name"]: c for c in await browsing.context.cookies()}
    assert cookies["ecotrack_refresh"]["httpOnly"]
    await page.get_by_role("button", name="Sign out").click()
    await expect(page.get_by_role("heading", name="Sign in to EcoTrack")).to_be_visible()
    names = {c["name"] for c in await browsing.context.cookies()}
    assert "ecotrack_refresh" not in names
    await page.goto(f"{browsing.base_url}/activities")
    await expect(page.get_by_role("heading", name="Sign in to EcoTrack")).to_be_visible()


async def test_a_wrong_password_says_so(browsing: Browsing) -> None:
    browsing.expect(401, "/api/v1/auth/session")
    page = await browsing.new_page()
    await page.goto(f"{browsing.base_url}/sign-in")
    await page.get_by_label("Email").fill("demo@example.com")
    await page.get_by_label("Password").fill("not-the-password")
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("alert")).to_contain_text("invalid email or password")


async def test_an_unknown_page_is_the_apps_not_found_page(browsing: Browsing) -> None:
    page = await browsing.sign_in()
    await page.goto(f"{browsing.base_url}/no/such/page")
    await expect(page.get_by_role("heading", name="Not found")).to_be_visible()


async def test_another_organisations_ids_show_not_found_not_data(
    browsing: Browsing, live_platform: LivePlatform
) -> None:
    other = await _other_organisation(live_platform)
    page = await browsing.sign_in()
    for path, api_path in (
        (f"/activities/{other['activity']}", "/api/v1/carbon/activities/"),
        (f"/meters/{other['meter']}", "/api/v1/carbon/meters/"),
        (f"/factors/{other['factor']}", "/api/v1/carbon/factors/"),
    ):
        browsing.expect(404, api_path)
        await page.goto(f"{browsing.base_url}{path}")
        await expect(page.get_by_role("heading", name="Not found")).to_be_visible()
        await expect(page.get_by_text("Other Org Secret")).to_have_count(0)


async def _other_organisation(platform: LivePlatform) -> dict[str, str]:
    """Another person's organisation with an activity, a meter and a private factor."""
    import uuid

    from webflows import new_organisation_with_ledger

    return await new_organisation_with_ledger(platform, f"other-{uuid.uuid4().hex[:8]}@example.com")
