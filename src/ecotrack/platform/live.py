"""``ecotrack up`` over HTTP, with the demo's live meters streaming beside it.

Once the server listens, the demo organisation gets a fresh API key (``Demo simulator``,
``readings:write`` only; the previous one is revoked) through Auth's API, and the
simulator (:mod:`ecotrack.demo.simulator`) sends the live meters' readings to the
gateway on the served port over real HTTP, as any meter would. It stops before the
server does. Development only: never under the production profile, and
``ECOTRACK_SIMULATOR_ENABLED=false`` turns it off.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import structlog
import uvicorn

from ecotrack.core.config import Settings
from ecotrack.core.http import server_config
from ecotrack.demo.simulator import SimulatedMeter, Simulator, kind_of
from ecotrack.platform import Platform
from ecotrack.platform.seed import CARBON, LIVE_METERS, DemoSeed, find_demo, service_client

log = structlog.get_logger(__name__)

SIMULATOR_KEY_NAME = "Demo simulator"
SIMULATOR_SCOPES = ("readings:write",)
BACKFILL_S = 3600.0  # the first batch: the last hour, so the dashboard is alive at once
API_KEYS = "/api/v1/auth/api-keys"
_PAGE = 10_000  # the most readings one GET answers


def local_url(settings: Settings, port: int | None = None) -> str:
    """The gateway's URL from this machine: loopback when bound to every address."""
    host = settings.host
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 - a bind address read, not bound
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port or settings.port}"


async def demo_simulator(platform: Platform, base_url: str) -> Simulator | None:
    """The simulator of the demo organisation's live meters, with a fresh key.

    ``None`` (and no key) when the simulator is off, the profile is production, or the
    demo organisation or its live meters were never seeded.
    """
    settings = platform.settings
    if settings.is_production or not settings.simulator_enabled:
        return None
    demo = await find_demo(platform)
    if demo is None:
        return None
    async with service_client(platform, "carbon", demo) as carbon:
        meters = await _live_meters(carbon)
    if not meters:
        return None
    key = await fresh_simulator_key(platform, demo)
    return Simulator(
        base_url,
        key,
        meters,
        interval_s=settings.simulator_interval_s,
        batch_s=settings.simulator_batch_s,
        backfill_s=BACKFILL_S,
    )


async def fresh_simulator_key(platform: Platform, demo: DemoSeed) -> str:
    """A new ``readings:write`` key for the simulator; its earlier live keys are revoked."""
    async with service_client(platform, "auth", demo) as auth:
        listing = await auth.get(API_KEYS)
        listing.raise_for_status()
        for earlier in listing.json():
            if earlier["name"] == SIMULATOR_KEY_NAME and earlier["revoked_at"] is None:
                revoked = await auth.delete(f"{API_KEYS}/{earlier['id']}")
                revoked.raise_for_status()
        created = await auth.post(
            API_KEYS, json={"name": SIMULATOR_KEY_NAME, "scopes": list(SIMULATOR_SCOPES)}
        )
        if created.status_code != 201:
            raise RuntimeError(f"creating the simulator's key failed: {created.status_code}")
        key: str = created.json()["key"]
        return key


async def _live_meters(carbon: httpx.AsyncClient) -> list[SimulatedMeter]:
    answer = await carbon.get(f"{CARBON}/meters")
    answer.raise_for_status()
    by_name = {meter["name"]: meter for meter in answer.json()}
    meters = []
    for live in LIVE_METERS:
        meter = by_name.get(live.name)
        if meter is None:
            continue
        meters.append(
            SimulatedMeter(
                meter_id=meter["id"],
                kind=kind_of(meter["kind"]),
                unit=meter["unit"],
                scale=live.scale,
                name=live.name,
                start_after=await _latest_reading(carbon, meter["id"]),
                timezone=live.timezone,
            )
        )
    return meters


async def _latest_reading(carbon: httpx.AsyncClient, meter_id: str) -> datetime | None:
    """The meter's last reading within the backfill window, so a restart repeats none."""
    since = datetime.now(UTC) - timedelta(seconds=BACKFILL_S)
    latest = None
    while True:
        answer = await carbon.get(
            f"{CARBON}/meters/{meter_id}/readings",
            params={"from": since.isoformat(), "limit": _PAGE},
        )
        answer.raise_for_status()
        page: list[dict[str, Any]] = answer.json()
        if page:
            latest = datetime.fromisoformat(page[-1]["ts"])
        if len(page) < _PAGE or latest is None:
            return latest
        since = latest + timedelta(microseconds=1)


class PlatformServer(uvicorn.Server):
    """The platform's gateway served on ``port``; once it listens, the demo simulator.

    The simulator starts after the socket is bound (its first batch goes over real
    HTTP to this server) and is stopped before the server's own shutdown, so it never
    sends to a platform that is stopping.
    """

    def __init__(self, platform: Platform, port: int, *, simulate: bool = True) -> None:
        super().__init__(server_config(platform.gateway, platform.settings, port))
        self.platform = platform
        self.port = port
        self.simulate = simulate
        self.simulator: Simulator | None = None
        self.ready = asyncio.Event()  # set once listening and the simulator (if any) started
        self._simulation: asyncio.Task[None] | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and not self.should_exit and self.simulate:
            await self._start_simulator()
        self.ready.set()

    async def _start_simulator(self) -> None:
        try:
            self.simulator = await demo_simulator(
                self.platform, local_url(self.platform.settings, self.port)
            )
        except Exception:  # the platform serves on; only the live meters stay still
            log.exception("simulator.failed_to_start")
            return
        if self.simulator is not None:
            self._simulation = asyncio.create_task(self.simulator.run(), name="simulator")
            self._simulation.add_done_callback(_report_failure)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self._simulation is not None:
            self._simulation.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._simulation
            self._simulation = None
        await super().shutdown(sockets)


def _report_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("simulator.failed", error=repr(task.exception()))
