"""The web app's speed as a person meets it.

Three measurements, each against a baseline from the same run:

- **First load**: the JavaScript and CSS that headless Chromium fetches to draw the
  overview, per file, gzip-compressed (level 9, as a server would send them), against the
  350 KB budget.
- **Start**: from a fresh clone of this repository's HEAD, the wall time of `make up`
  (install, web build, migrations, seed) until the overview has drawn its charts, then the
  same for a second `make up` in that clone (everything installed and built).
- **Paint**: the overview's largest contentful paint and the time until every chart has
  drawn, median of five fresh page loads, next to the LCP of a static page served by the
  same gateway (the floor).
"""

from __future__ import annotations

import asyncio
import gzip
import os
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from playwright.async_api import Browser, Page, async_playwright

from bench.serving import free_port

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("ECOTRACK_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_EMAIL, DEMO_PASSWORD = "demo@example.com", "ecotrack-demo"
BUDGET_BYTES = 350 * 1024
RUNS = 5
FLOOR_PAGE = "bench-floor.html"
FLOOR_HTML = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Floor</title></head>"
    "<body><h1>EcoTrack</h1><p>A static page: the least a page served here can cost.</p>"
    "</body></html>"
)
CHARTS_DRAWN = (
    "() => { const charts = [...document.querySelectorAll('.chart')];"
    " return charts.length > 0 && charts.every(c => c.dataset.chartDrawn === 'true'); }"
)
LCP = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({type: 'largest-contentful-paint', buffered: true});
})"""


@asynccontextmanager
async def make_up(checkout: Path, port: int, data_dir: Path) -> AsyncIterator[None]:
    """`make up` in ``checkout``, stopped with Ctrl-C (SIGINT) afterwards."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ECOTRACK_", "OTEL_"))}
    env |= {"ECOTRACK_PORT": str(port), "ECOTRACK_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(  # noqa: ASYNC220  # the process is what is being timed
        ["make", "up"],
        cwd=checkout,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


async def wait_ready(url: str, within: float) -> None:
    deadline = time.monotonic() + within
    async with httpx.AsyncClient(base_url=url) as http:
        while time.monotonic() < deadline:
            try:
                if (await http.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(f"{url} was not ready within {within} s")


async def sign_in(browser: Browser, url: str) -> Page:
    context = await browser.new_context(base_url=url, viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto("/sign-in")
    await page.get_by_label("Email").fill(DEMO_EMAIL)
    await page.get_by_label("Password").fill(DEMO_PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_function(CHARTS_DRAWN, timeout=120_000)
    return page


async def drawn_overview_after(browser: Browser, url: str, started: float) -> float:
    """Seconds from ``started`` until the overview has drawn, once the server answers."""
    await wait_ready(url, within=600)
    page = await sign_in(browser, url)
    elapsed = time.monotonic() - started
    await page.context.close()
    return elapsed


async def first_load_bytes(browser: Browser, url: str) -> dict[str, int]:
    """The overview's JavaScript and CSS as Chromium fetched them, gzip-compressed."""
    page = await sign_in(browser, url)
    fetched: dict[str, bytes] = {}
    assets: list[str] = []
    page.on(
        "response",
        lambda response: (
            assets.append(response.url)
            if response.request.resource_type in ("script", "stylesheet")
            else None
        ),
    )
    await page.reload()
    await page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
    async with httpx.AsyncClient() as http:
        for asset in dict.fromkeys(assets):
            fetched[asset.removeprefix(url)] = (await http.get(asset)).content
    await page.context.close()
    return {name: len(gzip.compress(body, compresslevel=9)) for name, body in fetched.items()}


async def paint_times(browser: Browser, url: str) -> dict[str, list[float]]:
    """LCP and charts-drawn of the overview, and LCP of the static floor, in ms."""
    page = await sign_in(browser, url)
    results: dict[str, list[float]] = {
        "overview LCP": [],
        "overview charts drawn": [],
        "floor": [],
    }
    for _ in range(RUNS):
        await page.goto("/")
        await page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
        results["overview charts drawn"].append(await page.evaluate("() => performance.now()"))
        results["overview LCP"].append(await page.evaluate(LCP))
        await page.goto(f"/{FLOOR_PAGE}")
        results["floor"].append(await page.evaluate(LCP))
    await page.context.close()
    return results


async def run() -> str:
    """Everything in a fresh clone of HEAD: what is committed is what is measured."""
    if not os.access(CHROMIUM, os.X_OK):
        return "web: skipped, Chromium is missing (apt-get install chromium)"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with tempfile.TemporaryDirectory(prefix="ecotrack-clone-") as scratch:
                checkout = Path(scratch) / "ecotrack"
                clone = await asyncio.create_subprocess_exec(
                    "git", "clone", "--quiet", str(ROOT), str(checkout)
                )
                assert await clone.wait() == 0, "git clone failed"
                starts: dict[str, float] = {}
                port, started = free_port(), time.monotonic()
                url = f"http://localhost:{port}"
                async with make_up(checkout, port, checkout / ".ecotrack"):
                    starts["first make up (install and build)"] = await drawn_overview_after(
                        browser, url, started
                    )
                floor = checkout / "src" / "ecotrack" / "demo" / "dist" / FLOOR_PAGE
                floor.write_text(FLOOR_HTML)
                port, started = free_port(), time.monotonic()
                url = f"http://localhost:{port}"
                async with make_up(checkout, port, checkout / ".ecotrack"):
                    starts["later make up"] = await drawn_overview_after(browser, url, started)
                    sizes = await first_load_bytes(browser, url)
                    paints = await paint_times(browser, url)
        finally:
            await browser.close()
    return report(sizes, starts, paints)


def report(sizes: dict[str, int], starts: dict[str, float], paints: dict[str, list[float]]) -> str:
    total = sum(sizes.values())
    lines = ["web: first-load JavaScript and CSS of the overview (gzip -9)"]
    lines += [f"  {size / 1024:8.1f} KB  {name}" for name, size in sorted(sizes.items())]
    lines.append(
        f"  {total / 1024:8.1f} KB  total, {total / BUDGET_BYTES:.2f} of the 350 KB budget"
    )
    lines.append("web: make up to a drawn overview (seconds)")
    lines += [f"  {seconds:8.1f} s   {label}" for label, seconds in starts.items()]
    floor = statistics.median(paints["floor"])
    lines.append(f"web: paint, median of {RUNS} loads (ms; floor = a static page, same gateway)")
    for label, values in paints.items():
        median = statistics.median(values)
        lines.append(
            f"  {median:8.0f} ms  {label}  ({median / floor:.1f}x the floor; "
            f"runs {', '.join(f'{v:.0f}' for v in values)})"
        )
    return "\n".join(lines)
