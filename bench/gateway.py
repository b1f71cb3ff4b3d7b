"""The gateway's hop: the same calls made to Carbon directly and through the gateway.

Every service runs as deployed, each ``ecotrack serve`` in a process of its own on
loopback (Auth, Users, Carbon, Analytics and the gateway in front of them, on the
embedded defaults sharing one data directory), and the client is this process. A direct
call carries the signed identity headers the gateway would add; the same call through the
gateway carries the bearer token a person's client sends, which the gateway checks
(Auth's JWKS, cached), counts against the rate limits, signs and forwards.

Measured, in one run:

- latency (p50, p95, p99) of a small GET (one factor), a single estimate and a batch of
  10,000 estimates, direct and through the gateway, alternating request by request so
  that both see the same machine; with the gateway's peak memory above its resting
  size while the batches pass;
- throughput of single estimates at 16 and 64 connections, direct and through the
  gateway (what the client here, one Python process, can drive: the same client for
  both, so their ratio is the gateway's cost);
- a 60 s load of single estimates at 64 connections through the gateway: errors, and
  the gateway's memory every 5 s.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt

from bench.serving import serving_process
from ecotrack.core.security import Identity, Role, sign_identity

SECRET = "bench-secret-" + "x" * 32
PASSWORD = "correct horse battery staple"  # noqa: S105  # the bench account's
FACTOR = "/api/v1/carbon/factors/desnz-2024:fuel.natural_gas:GB:gross:kWh"
ESTIMATE = "/api/v1/carbon/estimates"
BATCH = "/api/v1/carbon/estimates/batch"
GAS = {
    "activity": "fuel.natural_gas",
    "quantity": 1000,
    "unit": "kWh",
    "region": "GB",
    "year": 2024,
}
BATCH_BODY = {"items": [GAS | {"quantity": 1 + n % 997} for n in range(10_000)]}
SMALL_CALLS = int(os.environ.get("BENCH_GATEWAY_CALLS", "1000"))
BATCH_CALLS = 8
THROUGHPUT_S = 10.0
LOAD_S = float(os.environ.get("BENCH_GATEWAY_LOAD_S", "60"))
SERVICES = ("auth", "users", "carbon", "analytics")

Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


def rss_mib(pid: int) -> float:
    """The process's resident set size now, in MiB (Linux)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def percentiles(samples_ms: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return statistics.median(samples_ms), cuts[94], cuts[98]


@dataclass
class Caller:
    """One way to reach Carbon: its base URL and the headers each request carries."""

    url: str
    headers: Callable[[], dict[str, str]]

    def get(self, path: str) -> Send:
        return lambda http: http.get(self.url + path, headers=self.headers())

    def post(self, path: str, body: dict[str, Any]) -> Send:
        return lambda http: http.post(self.url + path, json=body, headers=self.headers())


async def _alternating(http: httpx.AsyncClient, direct: Send, gateway: Send, calls: int) -> Any:
    """Milliseconds per call, direct and through the gateway, one after the other."""
    timings: dict[str, list[float]] = {"direct": [], "gateway": []}
    for _ in range(3):  # warm both paths (connections, caches)
        (await direct(http)).raise_for_status()
        (await gateway(http)).raise_for_status()
    for n in range(calls):
        order = (("direct", direct), ("gateway", gateway))
        for name, send in order if n % 2 == 0 else order[::-1]:
            started = time.perf_counter()
            answer = await send(http)
            timings[name].append((time.perf_counter() - started) * 1000)
            answer.raise_for_status()
    return timings


@dataclass
class Load:
    completed: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    # What went wrong, by kind: a status code, or the client's exception class.
    error_kinds: Counter[str] = field(default_factory=Counter)


async def _drive(send: Send, connections: int, seconds: float, pid: int | None = None) -> Any:
    """``connections`` callers sending back to back for ``seconds``; and, when ``pid`` is
    given, that process's memory every 5 s."""
    load = Load()
    memory: list[tuple[float, float]] = []
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=30) as http:
        deadline = time.monotonic() + seconds

        async def caller() -> None:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    answer = await send(http)
                    ok = answer.status_code == 200
                    kind = str(answer.status_code)
                except httpx.HTTPError as exc:
                    ok, kind = False, type(exc).__name__
                if not ok:
                    load.error_kinds[kind] += 1
                load.latencies_ms.append((time.perf_counter() - started) * 1000)
                load.completed += ok
                load.errors += not ok

        async def sampler() -> None:
            begun = time.monotonic()
            while pid is not None and time.monotonic() < deadline:
                memory.append((time.monotonic() - begun, rss_mib(pid)))
                await asyncio.sleep(5)

        await asyncio.gather(sampler(), *(caller() for _ in range(connections)))
    return load, memory


async def _batch_peak(http: httpx.AsyncClient, send: Send, pid: int) -> tuple[float, float]:
    """The gateway's resting memory and its peak while ``BATCH_CALLS`` batches pass, MiB."""
    resting = rss_mib(pid)
    peak = resting
    done = asyncio.Event()

    async def watch() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, rss_mib(pid))
            await asyncio.sleep(0.002)

    watcher = asyncio.create_task(watch())
    for _ in range(BATCH_CALLS):
        (await send(http)).raise_for_status()
    done.set()
    await watcher
    return resting, peak


async def _organisation_token(http: httpx.AsyncClient, gateway: str) -> tuple[str, Identity]:
    """A person who owns an organisation: their token for it, and the identity it names."""
    email = "bench@example.com"
    signup = await http.post(
        f"{gateway}/api/v1/auth/signup", json={"email": email, "password": PASSWORD, "name": "B"}
    )
    signup.raise_for_status()
    form = {"username": email, "password": PASSWORD}
    personal = (await http.post(f"{gateway}/api/v1/auth/token", data=form)).json()
    bearer = {"Authorization": f"Bearer {personal['access_token']}"}
    created = await http.post(
        f"{gateway}/api/v1/users/organizations", json={"name": "Bench Ltd"}, headers=bearer
    )
    created.raise_for_status()
    organization_id = created.json()["id"]
    # Auth learns the membership from Users' event, across processes: wait for it.
    for _ in range(300):
        answer = await http.post(
            f"{gateway}/api/v1/auth/token", data=form | {"organization_id": organization_id}
        )
        if answer.status_code == 200:
            break
        await asyncio.sleep(0.1)
    answer.raise_for_status()
    token: str = answer.json()["access_token"]
    subject = jwt.decode(token, options={"verify_signature": False})["sub"]
    identity = Identity(
        subject=subject, kind="user", organization_id=organization_id, role=Role.OWNER
    )
    return token, identity


def _row(name: str, direct: list[float], gateway: list[float]) -> str:
    d50, d95, d99 = percentiles(direct)
    g50, g95, g99 = percentiles(gateway)
    return (
        f"| {name} | {d50:.2f} / {d95:.2f} / {d99:.2f} | {g50:.2f} / {g95:.2f} / {g99:.2f} "
        f"| {g50 - d50:+.2f} |"
    )


async def run() -> str:
    with tempfile.TemporaryDirectory(prefix="ecotrack-bench-gateway-") as data_dir:
        settings = {
            "ECOTRACK_DATA_DIR": data_dir,
            "ECOTRACK_SECRET_KEY": SECRET,
            "ECOTRACK_LOG_LEVEL": "WARNING",
            "ECOTRACK_LOG_FORMAT": "json",
            "ECOTRACK_RATE_LIMIT_ADDRESS": "100000000/minute",
            "ECOTRACK_RATE_LIMIT_ORGANIZATION": "100000000/minute",
            "ECOTRACK_LOGIN_RATE_LIMIT_ACCOUNT": "1000/minute",
            "ECOTRACK_LOGIN_RATE_LIMIT_ADDRESS": "1000/minute",
        }
        async with AsyncExitStack() as stack:
            urls = {}
            for service in SERVICES:
                urls[service], _ = await stack.enter_async_context(
                    serving_process(service, settings)
                )
            upstreams = {f"ECOTRACK_{name.upper()}_URL": url for name, url in urls.items()}
            gateway_url, gateway = await stack.enter_async_context(
                serving_process("gateway", settings | upstreams)
            )
            async with httpx.AsyncClient(timeout=60) as http:
                token, identity = await _organisation_token(http, gateway_url)
                direct = Caller(urls["carbon"], lambda: sign_identity(identity, SECRET))
                through = Caller(gateway_url, lambda: {"Authorization": f"Bearer {token}"})
                small = await _alternating(
                    http, direct.get(FACTOR), through.get(FACTOR), SMALL_CALLS
                )
                single = await _alternating(
                    http, direct.post(ESTIMATE, GAS), through.post(ESTIMATE, GAS), SMALL_CALLS
                )
                batch = await _alternating(
                    http, direct.post(BATCH, BATCH_BODY), through.post(BATCH, BATCH_BODY), 4
                )
                batches = through.post(BATCH, BATCH_BODY)
                resting, peak = await _batch_peak(http, batches, gateway.pid)
                batch_bytes = len((await through.post(BATCH, BATCH_BODY)(http)).content)
            rates = {}
            for connections in (16, 64):
                for name, caller in (("direct", direct), ("gateway", through)):
                    load, _ = await _drive(caller.post(ESTIMATE, GAS), connections, THROUGHPUT_S)
                    rates[name, connections] = load
            soak, memory = await _drive(through.post(ESTIMATE, GAS), 64, LOAD_S, gateway.pid)

    lines = [
        "Gateway hop (each service its own `ecotrack serve` process, loopback, embedded defaults)",
        "",
        "| Call | Direct p50 / p95 / p99 ms | Through the gateway p50 / p95 / p99 ms "
        "| Added at p50 |",
        "|---|---|---|---|",
        _row(f"GET one factor ({SMALL_CALLS} each)", small["direct"], small["gateway"]),
        _row(f"Single estimate ({SMALL_CALLS} each)", single["direct"], single["gateway"]),
        _row("10,000-estimate batch (4 each)", batch["direct"], batch["gateway"]),
        "",
        f"Gateway memory while {BATCH_CALLS} batches pass (answer {batch_bytes / 1e6:.1f} MB): "
        f"{resting:.0f} MiB resting, {peak:.0f} MiB peak (+{peak - resting:.0f} MiB)",
        "",
        "| Single estimates | Direct /s (p99 ms) | Through the gateway /s (p99 ms) | Ratio |",
        "|---|---|---|---|",
    ]
    for connections in (16, 64):
        d, g = rates["direct", connections], rates["gateway", connections]
        d_rate, g_rate = d.completed / THROUGHPUT_S, g.completed / THROUGHPUT_S
        lines.append(
            f"| {connections} connections | {d_rate:.0f} ({percentiles(d.latencies_ms)[2]:.0f}) "
            f"| {g_rate:.0f} ({percentiles(g.latencies_ms)[2]:.0f}) | {g_rate / d_rate:.2f} |"
        )
    lines += [
        "",
        f"{LOAD_S:.0f} s at 64 connections through the gateway: {soak.completed} answered "
        f"({soak.completed / LOAD_S:.0f}/s), {soak.errors} errors "
        f"{dict(soak.error_kinds) or ''}; gateway memory (MiB) "
        + ", ".join(f"{at:.0f} s: {mib:.0f}" for at, mib in memory),
    ]
    return "\n".join(lines)
