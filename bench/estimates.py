"""10,000 estimates in one batch request, against calling the engine for each in process.

Baseline: the engine's ``estimate`` called once per item in process (request validated,
result kept, as an in-process caller would). Measured: one ``POST
/api/v1/carbon/estimates/batch`` of the same items to the Carbon app over HTTP (in-process
ASGI transport, signed identity headers), timed until the whole response body has arrived;
and the same request through the gateway with a bearer token, when the platform can issue
one. Each figure is the best of a few runs after one warm-up, so a busy machine's pauses
fall out of it.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from ecotrack.carbon.engine import estimate
from ecotrack.carbon.factors import load_factor_library
from ecotrack.carbon.schemas import EstimateRequest
from ecotrack.core.config import Settings
from ecotrack.core.security import Identity, Role, sign_identity
from ecotrack.platform import Platform
from ecotrack.platform.seed import DEMO_EMAIL, DEMO_PASSWORD, seed_demo

ITEMS = 10_000
RUNS = 5
BATCH_PATH = "/api/v1/carbon/estimates/batch"

# One of each kind of calculation: published CO2e and per-gas masses, unit conversions,
# scope 2 both ways, per-passenger travel, GWP-only gases, waste.
SHAPES: tuple[dict[str, Any], ...] = (
    {"activity": "fuel.natural_gas", "unit": "kWh", "region": "GB", "year": 2024},
    {"activity": "fuel.natural_gas", "unit": "therm", "region": "US", "year": 2025},
    {"activity": "fuel.diesel", "unit": "L", "region": "GB", "year": 2023},
    {"activity": "electricity.grid", "unit": "kWh", "region": "GB", "year": 2024},
    {
        "activity": "electricity.grid",
        "unit": "MWh",
        "region": "US-CAMX",
        "year": 2024,
        "method": "market",
        "options": {"contract_factor_kg_per_kwh": 0.1},
    },
    {"activity": "electricity.grid", "unit": "kWh", "region": "DE", "year": 2024},
    {"activity": "vehicle.car", "unit": "mile", "region": "GB", "year": 2024},
    {
        "activity": "travel.flight",
        "unit": "km",
        "region": "GB",
        "year": 2024,
        "options": {"haul": "long", "cabin_class": "economy", "passengers": 2},
    },
    {"activity": "travel.rail", "unit": "passenger_km", "region": "GB", "year": 2021},
    {
        "activity": "refrigerant.leak",
        "unit": "kg",
        "region": "GB",
        "year": 2024,
        "options": {"gas": "R-410A"},
    },
    {
        "activity": "waste.disposal",
        "unit": "short_ton",
        "region": "US",
        "year": 2025,
        "options": {"material": "mixed_msw", "treatment": "landfill"},
    },
)


def _items() -> list[dict[str, Any]]:
    rng = random.Random(2026)
    return [
        SHAPES[n % len(SHAPES)] | {"quantity": round(rng.uniform(1, 5000), 3)} for n in range(ITEMS)
    ]


async def _best(run: Callable[[], Awaitable[Any]]) -> float:
    await run()  # warm-up: caches, connections, first-call imports
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        await run()
        times.append(time.perf_counter() - started)
    return min(times)


def _engine(items: list[dict[str, Any]]) -> Callable[[], Awaitable[Any]]:
    library = load_factor_library()

    async def run() -> Any:
        return [estimate(EstimateRequest.model_validate(item), library) for item in items]

    return run


def _post(
    http: httpx.AsyncClient, items: list[dict[str, Any]], headers: dict[str, str]
) -> Callable[[], Awaitable[Any]]:
    async def run() -> Any:
        response = await http.post(BATCH_PATH, json={"items": items}, headers=headers)
        response.raise_for_status()
        return response.content

    return run


async def _gateway_token(gateway: httpx.AsyncClient, platform: Platform) -> str:
    """A demo login's access token; Auth learns the membership from Users' events first."""
    demo = await seed_demo(platform)
    form = {
        "username": DEMO_EMAIL,
        "password": DEMO_PASSWORD,
        "organization_id": demo.organization_id,
    }
    deadline = time.monotonic() + 15
    while True:
        await platform.runtimes["users"].relay.drain()
        response = await gateway.post("/api/v1/auth/token", data=form)
        if response.status_code != 403 or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


async def _direct(platform: Platform, items: list[dict[str, Any]]) -> tuple[float, str]:
    """(best seconds, response size) of the batch posted straight to the Carbon app."""
    identity = Identity(subject="bench", kind="user", organization_id="bench", role=Role.EDITOR)
    secret = platform.settings.secret_key.get_secret_value()
    transport = httpx.ASGITransport(app=platform.apps["carbon"])
    async with httpx.AsyncClient(transport=transport, base_url="http://carbon") as carbon:
        # identity headers expire after a minute, so each run signs afresh
        async def post() -> bytes:
            return await _post(carbon, items, sign_identity(identity, secret))()

        body = await post()
        answers = json.loads(body)
        assert answers["failed"] == 0, [i["problem"] for i in answers["items"] if i["problem"]]
        return await _best(post), f"{len(body) / 1e6:.1f} MB response"


async def _through_gateway(platform: Platform, items: list[dict[str, Any]]) -> str:
    transport = httpx.ASGITransport(app=platform.gateway)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as gateway:
        try:
            token = await _gateway_token(gateway, platform)
        except (httpx.HTTPError, KeyError) as exc:
            return f"  through the gateway: skipped, no access token ({exc})"
        seconds = await _best(_post(gateway, items, {"Authorization": f"Bearer {token}"}))
    return (
        f"  one batch through the gateway    {ITEMS / seconds:>10,.0f} estimates/s"
        f"  ({seconds:.3f} s)"
    )


async def run() -> str:
    items = _items()
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir), kafka_topic_prefix=f"bench{time.time_ns()}")
        platform = Platform(settings)
        await platform.migrate()
        await platform.start()
        try:
            engine_s = await _best(_engine(items))
            http_s, size = await _direct(platform, items)
            gateway = await _through_gateway(platform, items)
        finally:
            await platform.stop()
    engine_rate, http_rate = ITEMS / engine_s, ITEMS / http_s
    return "\n".join(
        [
            f"estimates ({ITEMS} items of {len(SHAPES)} kinds, best of {RUNS}, {size})",
            f"  baseline: engine in process      {engine_rate:>10,.0f} estimates/s"
            f"  ({engine_s:.3f} s)",
            f"  one batch to Carbon over HTTP    {http_rate:>10,.0f} estimates/s  ({http_s:.3f} s)",
            f"  ratio HTTP batch / engine        {http_rate / engine_rate:>10.3f}",
            gateway,
        ]
    )
