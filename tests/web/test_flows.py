"""What people do in the web app, end to end against a live ``ecotrack up``."""

from __future__ import annotations

import re
import uuid

import pytest
from browser import Browsing, LivePlatform, settled
from playwright.async_api import Page, expect
from webflows import PASSWORD, invite_viewer, new_organisation_with_a_facility

from backends import wait_for

# formatCo2e in web/src/lib/format.ts shows about three significant figures.
_UNITS = {"kg": 1.0, "t": 1e3, "kt": 1e6}
_FIGURE = re.compile(r"(-?[\d,]+(?:\.\d+)?)\s*(kg|t|kt)\s*CO₂e")


def shown_kg(text: str) -> float:
    """The kilograms behind a figure the app shows, e.g. '1.23 t CO₂e' (en-US locale)."""
    match = _FIGURE.search(text)
    assert match, f"no CO₂e figure in {text!r}"
    return float(match[1].replace(",", "")) * _UNITS[match[2]]


async def analytics_total(platform: LivePlatform, token: str, start: str, end: str) -> float:
    async with platform.api(token) as api:
        answer = await api.get("/api/v1/analytics/emissions", params={"from": start, "to": end})
    answer.raise_for_status()
    total: float = answer.json()["total_co2e_kg"]
    return total


async def explorer_total(page: Page, base_url: str, start: str, end: str) -> float | None:
    await page.goto(f"{base_url}/explorer?from={start}&to={end}")
    await settled(page)
    total = page.locator(".kpi", has_text="Total").locator(".kpi-value")
    if await total.count() == 0:
        return None
    return shown_kg(await total.inner_text())


@pytest.mark.parametrize("method", ["location", "market"])
async def test_overview_totals_equal_the_analytics_api(
    browsing: Browsing, live_platform: LivePlatform, method: str
) -> None:
    # 2025 is a year the simulator (which writes today's readings) does not touch.
    page = await browsing.sign_in()
    await page.goto(f"{browsing.base_url}/?year=2025&method={method}")
    await settled(page)
    kpis = page.locator("section.overview-kpis")
    assert await kpis.get_attribute("data-from") == "2025-01-01"
    assert await kpis.get_attribute("data-to") == "2025-12-31"
    assert await kpis.get_attribute("data-scope2-method") == method
    async with live_platform.api(await live_platform.token()) as api:
        answer = await api.get(
            "/api/v1/analytics/emissions",
            params={
                "from": "2025-01-01",
                "to": "2025-12-31",
                "group_by": "scope",
                "scope2_method": method,
            },
        )
    expected = answer.json()
    total = page.get_by_role("region", name="Emissions in 2025").locator(".kpi-value")
    assert float(await total.get_attribute("data-co2e-kg") or "nan") == expected["total_co2e_kg"]
    assert shown_kg(await total.inner_text()) == pytest.approx(expected["total_co2e_kg"], rel=5e-3)
    split = page.get_by_role("region", name="Split into scopes 1, 2 and 3")
    shown = sorted(
        float(v)
        for v in await split.locator("[data-co2e-kg]").evaluate_all(
            "nodes => nodes.map(n => n.dataset.co2eKg)"
        )
    )
    assert shown == sorted(row["co2e_kg"] for row in expected["rows"])
    await expect(page.locator("[data-chart-drawn=true]").first).to_be_visible()


async def test_adding_an_activity_through_the_form_changes_the_total(
    browsing: Browsing, live_platform: LivePlatform
) -> None:
    # A new organisation of its own, so the demo data other tests read stays as seeded.
    email = f"adder-{uuid.uuid4().hex[:8]}@example.com"
    token = await new_organisation_with_a_facility(live_platform, email)
    page = await browsing.sign_in(email, PASSWORD)
    assert await explorer_total(page, browsing.base_url, "2023-01-01", "2023-12-31") is None
    await page.goto(f"{browsing.base_url}/activities/new")
    await settled(page)
    await page.get_by_label("Activity", exact=True).select_option("fuel.natural_gas")
    await page.get_by_label("Facility", exact=True).select_option(label="London office (GB)")
    await page.get_by_label("Quantity", exact=True).fill("2500")
    await page.get_by_label("Unit", exact=True).select_option("kWh")
    await page.get_by_label("From", exact=True).fill("2023-03-01")
    await page.get_by_label("To", exact=True).fill("2023-03-31")
    await expect(page.get_by_text(re.compile(r"CO₂e")).first).to_be_visible()
    await page.get_by_role("button", name="Save activity").click()
    await page.wait_for_url(re.compile(r"/activities/(?!new$)[^/]+$"))
    activity_id = page.url.rsplit("/", 1)[-1]
    async with live_platform.api(token) as api:
        recorded = (await api.get(f"/api/v1/carbon/activities/{activity_id}")).json()
    assert recorded["quantity"] == 2500

    async def projected() -> bool:
        total = await analytics_total(live_platform, token, "2023-01-01", "2023-12-31")
        return abs(total - recorded["co2e_kg"]) < 1e-6

    await wait_for(projected, within=60, interval=0.1)
    shown = await explorer_total(page, browsing.base_url, "2023-01-01", "2023-12-31")
    assert shown == pytest.approx(recorded["co2e_kg"], rel=5e-3)


async def test_importing_a_csv_with_one_bad_row_lands_the_good_rows(
    browsing: Browsing, live_platform: LivePlatform
) -> None:
    marker = uuid.uuid4().hex[:6]
    header = "activity,quantity,unit,region,year,period_start,period_end"
    rows = [
        "fuel.natural_gas,1111,kWh,GB,2022,2022-05-01,2022-05-31",
        "fuel.natural_gas,abc,kWh,GB,2022,2022-06-01,2022-06-30",  # line 3: no number
        "fuel.natural_gas,2222,kWh,GB,2022,2022-07-01,2022-07-31",
    ]
    csv = "\n".join([header, *rows]).encode()
    email = f"importer-{uuid.uuid4().hex[:8]}@example.com"
    token = await new_organisation_with_a_facility(live_platform, email)
    page = await browsing.sign_in(email, PASSWORD)
    await page.goto(f"{browsing.base_url}/activities")
    await settled(page)
    await page.get_by_label("CSV or XLSX file").set_input_files(
        {"name": f"import-{marker}.csv", "mimeType": "text/csv", "buffer": csv}
    )
    await page.get_by_label("If a row is bad").select_option("valid_rows")
    await page.get_by_role("button", name="Import", exact=True).click()
    errors = page.get_by_role("table", name="Rows not imported")
    await expect(errors).to_be_visible()
    await expect(errors.get_by_role("row")).to_have_count(2)  # the header and line 3
    await expect(errors.get_by_role("cell", name="3", exact=True)).to_be_visible()
    async with live_platform.api(token) as api:
        landed = (
            await api.get(
                "/api/v1/carbon/activities/records",
                params={"from": "2022-05-01", "to": "2022-07-31", "source": "csv"},
            )
        ).json()
    assert sorted(item["quantity"] for item in landed["items"]) == [1111, 2222]


async def test_the_pdf_report_downloads(browsing: Browsing) -> None:
    page = await browsing.sign_in()
    await page.goto(f"{browsing.base_url}/reports?year=2025")
    await settled(page)
    async with page.expect_download() as started:
        await page.get_by_role("button", name="Download PDF").click()
    download = await started.value
    path = await download.path()
    assert path.read_bytes().startswith(b"%PDF-")
    assert download.suggested_filename.endswith(".pdf")


async def test_the_factor_library_narrows_to_a_scope_3_category(
    browsing: Browsing, live_platform: LivePlatform
) -> None:
    wanted = {"region": "GB", "year": 2024, "scope": 3, "category": 6}
    async with live_platform.api(await live_platform.token()) as api:
        answer = await api.get("/api/v1/carbon/factors", params={**wanted, "limit": 1})
    expected = answer.json()["total"]
    page = await browsing.sign_in()
    await page.goto(f"{browsing.base_url}/factors?region=GB&year=2024")
    await settled(page)
    summary = page.locator(".factors-summary")
    category = page.get_by_label("Scope 3 category", exact=True)
    await expect(category).to_have_count(0)  # only once scope 3 is chosen
    await page.get_by_label("Scope", exact=True).select_option("3")
    await category.select_option("6")
    await expect(page).to_have_url(re.compile(r"\?scope=3&category=6&region=GB&year=2024$"))
    await expect(summary).to_have_text(re.compile(rf" of {expected:,}$"))
    await page.get_by_role("table").get_by_role("link").first.click()
    await expect(page.get_by_text("Scope 3, category 6 (Business travel)")).to_be_visible()


async def test_the_simulated_meters_chart_gains_points_without_a_reload(
    browsing: Browsing, live_platform: LivePlatform
) -> None:
    async with live_platform.api(await live_platform.token()) as api:
        meters = (await api.get("/api/v1/carbon/meters")).json()
    live = next(m for m in meters if "live" in m["name"].lower())
    page = await browsing.sign_in()
    await page.goto(f"{browsing.base_url}/meters/{live['id']}?range=hour")
    status = page.get_by_role("status", name="Live readings")
    await expect(status).to_contain_text("Points shown")

    async def points() -> int:
        match = re.search(r"Points shown: ([\d,]+)", await status.inner_text())
        return int(match[1].replace(",", "")) if match else 0

    before = await wait_for(points, within=20, interval=0.2)
    navigations = 0

    def count(_frame: object) -> None:
        nonlocal navigations
        navigations += 1

    page.on("framenavigated", count)
    await wait_for(lambda: _more(points, before), within=30, interval=0.25)
    assert navigations == 0, "the chart grew by reloading the page"
    await expect(page.locator("[data-chart-drawn=true]").first).to_be_visible()


async def _more(points, before: int) -> bool:  # type: ignore[no-untyped-def]
    return bool(await points() > before)


# Controls only editors and admins have, by page; each is checked present for the owner
# first, so a renamed control cannot make the viewer's check pass by itself.
WRITE_CONTROLS = {
    "/activities": [("link", "Add activity"), ("button", "Import")],
    "/activities/new": [("button", "Save activity")],
    "/facilities": [("button", "Add a facility")],
    "/targets": [("button", "Set target")],
    "/settings/private-factors": [("button", "Add factor")],
    "/settings/instruments": [("button", "Record instrument")],
    "/settings/denominators": [("button", "Save denominator")],
}
ADMIN_TABS = ("API keys", "Webhooks", "Invitations", "Audit log")


async def _count_controls(page: Page, base_url: str) -> dict[str, int]:
    counts = {}
    for path, controls in WRITE_CONTROLS.items():
        await page.goto(f"{base_url}{path}")
        await settled(page)
        for role, name in controls:
            found = page.get_by_role(role, name=name, exact=True)  # type: ignore[arg-type]
            counts[f"{path} {name}"] = await found.count()
    await page.goto(f"{base_url}/settings/members")
    await settled(page)
    for tab in ADMIN_TABS:
        counts[f"tab {tab}"] = await page.get_by_role("link", name=tab, exact=True).count()
    return counts


async def test_a_viewer_sees_no_write_controls(
    browsing: Browsing, live_platform: LivePlatform
) -> None:
    owner = await browsing.sign_in()
    counts = await _count_controls(owner, browsing.base_url)
    missing = [name for name, n in counts.items() if not n]
    assert missing == [], f"the owner lacks {missing}"
    await owner.get_by_role("button", name="Sign out").click()
    await expect(owner.get_by_role("heading", name="Sign in to EcoTrack")).to_be_visible()

    email = f"viewer-{uuid.uuid4().hex[:8]}@example.com"
    await invite_viewer(live_platform, email)
    viewer = await browsing.sign_in(email, PASSWORD, page=owner)
    await expect(viewer.locator(".role-badge")).to_have_text("viewer")
    seen = {name: n for name, n in (await _count_controls(viewer, browsing.base_url)).items() if n}
    assert seen == {}, f"a viewer sees {sorted(seen)}"
