"""The composition root: hosts services together (``ecotrack up``) or one alone.

This is the only package that imports the services; they never import each other.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from ecotrack import analytics, auth, carbon, users
from ecotrack.core.config import Settings
from ecotrack.core.http import create_service_app
from ecotrack.core.runtime import Backends, ServiceRuntime, ServiceSpec
from ecotrack.demo import create_demo_app
from ecotrack.gateway import Upstreams, create_gateway_app

SERVICE_SPECS: dict[str, Callable[[], ServiceSpec]] = {
    "auth": auth.service_spec,
    "users": users.service_spec,
    "carbon": carbon.service_spec,
    "analytics": analytics.service_spec,
}


class Platform:
    """Every data service in one process behind the gateway, sharing the backends."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.backends = Backends.from_settings(settings)
        self.runtimes = {
            name: ServiceRuntime(make_spec(), self.backends)
            for name, make_spec in SERVICE_SPECS.items()
        }
        self.apps: dict[str, FastAPI] = {
            name: create_service_app(runtime) for name, runtime in self.runtimes.items()
        }
        self.upstreams = _upstreams(
            settings,
            {
                name: httpx.AsyncClient(
                    # A service's crash is its 500 answer, relayed as over HTTP, not an
                    # exception raised in the gateway (which its breaker would count).
                    transport=httpx.ASGITransport(app=app, raise_app_exceptions=False),
                    base_url=f"http://{name}",
                    timeout=settings.upstream_timeout_s,
                )
                for name, app in self.apps.items()
            },
        )
        self.gateway = create_gateway_app(
            self.backends, self.upstreams, web_app=create_demo_app(), lifespan=self._lifespan
        )

    async def migrate(self) -> dict[str, str | None]:
        return {name: await runtime.migrate() for name, runtime in self.runtimes.items()}

    async def start(self) -> None:
        await self.backends.start()
        for runtime in self.runtimes.values():
            await runtime.start()

    async def stop(self) -> None:
        await asyncio.gather(*(runtime.stop() for runtime in self.runtimes.values()))
        await self.upstreams.aclose()
        await self.backends.stop()

    @asynccontextmanager
    async def _lifespan(self, _app: FastAPI) -> AsyncIterator[None]:
        await self.start()
        try:
            yield
        finally:
            await self.stop()


def gateway_with_remote_upstreams(settings: Settings) -> FastAPI:
    """The gateway alone (``ecotrack serve gateway``), forwarding to configured URLs."""
    urls = {
        "auth": settings.auth_url,
        "users": settings.users_url,
        "carbon": settings.carbon_url,
        "analytics": settings.analytics_url,
    }
    missing = [name for name, url in urls.items() if not url]
    if missing:
        raise ValueError(
            "the gateway needs its upstreams' URLs: set "
            + ", ".join(f"ECOTRACK_{name.upper()}_URL" for name in missing)
        )
    upstreams = _upstreams(
        settings,
        {
            name: httpx.AsyncClient(base_url=url or "", timeout=settings.upstream_timeout_s)
            for name, url in urls.items()
        },
    )
    backends = Backends.from_settings(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await upstreams.aclose()
            await backends.stop()

    return create_gateway_app(backends, upstreams, web_app=create_demo_app(), lifespan=lifespan)


def _upstreams(settings: Settings, clients: dict[str, httpx.AsyncClient]) -> Upstreams:
    return Upstreams(
        clients,
        failure_threshold=settings.breaker_failure_threshold,
        recovery_s=settings.breaker_recovery_s,
    )
