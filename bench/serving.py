"""Services run as they are deployed (each `ecotrack serve` in a process of its own), and
the meters the benchmarks feed through Carbon's API."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@asynccontextmanager
async def serving_process(
    service: str, settings: dict[str, str]
) -> AsyncIterator[tuple[str, subprocess.Popen[bytes]]]:
    """``ecotrack serve SERVICE --migrate`` with these ``ECOTRACK_*`` settings: its URL
    and its process (for its memory).

    Its own process, as deployed, so that the client and each service do not share a
    core (or Python's lock).
    """
    port = free_port()
    command = [str(Path(sys.executable).parent / "ecotrack"), "serve", service, "--migrate"]
    process = subprocess.Popen(  # noqa: ASYNC220  # started once, before any timing
        [*command, "--port", str(port)],
        env={**os.environ, **settings},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as http:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if (await http.get(f"{url}/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the {service} service did not become ready in 60 s")
                await asyncio.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)


@asynccontextmanager
async def serving(service: str, settings: dict[str, str]) -> AsyncIterator[str]:
    """:func:`serving_process`'s URL alone."""
    async with serving_process(service, settings) as (url, _process):
        yield url


async def add_meters(carbon: httpx.AsyncClient, headers: dict[str, str], count: int) -> list[str]:
    """A facility with ``count`` electricity meters, through Carbon's API; their ids.

    ``headers`` carry an identity that may write activities.
    """
    facility = await carbon.post(
        "/api/v1/carbon/facilities",
        json={"name": "Bench site", "region": "GB"},
        headers=headers,
    )
    facility.raise_for_status()
    meters = []
    for n in range(count):
        meter = await carbon.post(
            "/api/v1/carbon/meters",
            json={
                "facility_id": facility.json()["id"],
                "name": f"bench meter {n}",
                "kind": "electricity",
                "unit": "kWh",
            },
            headers=headers,
        )
        meter.raise_for_status()
        meters.append(meter.json()["id"])
    return meters
