"""The live data simulator: its load model, its manners over HTTP, and ``ecotrack up``'s use."""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from typer.testing import CliRunner

from accounts import bearer, member_token
from backends import free_port, serving
from ecotrack.cli import app as cli
from ecotrack.core.config import Profile, Settings
from ecotrack.demo.simulator import (
    Kind,
    LoadModel,
    MeterStats,
    SimulatedMeter,
    Simulator,
    backoff_s,
)
from ecotrack.platform import Platform
from ecotrack.platform.live import SIMULATOR_KEY_NAME, PlatformServer, demo_simulator
from ecotrack.platform.seed import CARBON, LIVE_METERS, DemoSeed, seed_demo, service_client

MONDAY = datetime(2026, 1, 5, tzinfo=UTC)  # a winter week, Monday 00:00 UTC
INTERVAL_S = 600.0


def _week_of_samples(model: LoadModel, weeks: int = 4) -> list[tuple[datetime, float]]:
    step = timedelta(seconds=INTERVAL_S)
    count = int(weeks * 7 * 24 * 3600 / INTERVAL_S)
    samples = []
    for n in range(1, count + 1):
        sample = model.sample(MONDAY + n * step, INTERVAL_S)
        samples.append((sample.ts - step / 2, sample.value))  # the interval's middle
    return samples


@pytest.mark.parametrize("kind", list(Kind))
def test_the_load_model_has_busy_weekdays_quiet_nights_and_quiet_weekends(kind: Kind) -> None:
    samples = _week_of_samples(LoadModel(kind, seed=7, anomaly_rate=0))

    def mean(keep: Callable[[datetime], bool]) -> float:
        return statistics.fmean(value for at, value in samples if keep(at))

    weekday_afternoon = mean(lambda at: at.weekday() < 5 and at.hour == 14)
    night = mean(lambda at: at.hour == 3)
    weekday = mean(lambda at: at.weekday() < 5)
    weekend = mean(lambda at: at.weekday() >= 5)
    assert weekday_afternoon > 2 * night
    assert weekend < 0.8 * weekday
    assert all(value >= 0 for _, value in samples)


def test_the_load_model_drifts_with_the_seasons() -> None:
    january, july = datetime(2026, 1, 14, 12, tzinfo=UTC), datetime(2026, 7, 15, 12, tzinfo=UTC)
    april = datetime(2026, 4, 15, 12, tzinfo=UTC)
    gas = LoadModel(Kind.GAS)
    electricity = LoadModel(Kind.ELECTRICITY)
    assert gas.rate(january) > 3 * gas.rate(july), "heating in winter"
    assert electricity.rate(july) > electricity.rate(april), "cooling in summer"
    in_m3 = LoadModel(Kind.GAS, unit="m3")
    assert in_m3.rate(january) == pytest.approx(gas.rate(january) / 11.2)
    with pytest.raises(ValueError, match="kWh"):
        LoadModel(Kind.ELECTRICITY, unit="m3")


def test_working_hours_are_the_meters_local_time() -> None:
    austin = LoadModel(Kind.ELECTRICITY, timezone="America/Chicago")
    london = LoadModel(Kind.ELECTRICITY, timezone="Europe/London")
    afternoon_in_austin = datetime(2026, 1, 14, 20, tzinfo=UTC)  # 14:00 in Austin
    assert austin.rate(afternoon_in_austin) > 2 * london.rate(afternoon_in_austin)
    assert LoadModel(Kind.ELECTRICITY, timezone="Nowhere/Atlantis").zone is UTC


def test_the_load_model_is_deterministic_under_a_seed() -> None:
    def run(seed: int) -> list[tuple[datetime, float]]:
        return _week_of_samples(LoadModel(Kind.ELECTRICITY, seed=seed, anomaly_rate=0.01), 1)

    assert run(1) == run(1)
    assert run(1) != run(2)


def test_anomalies_appear_at_the_configured_rate() -> None:
    rate, count = 0.05, 20_000
    model = LoadModel(Kind.WATER, seed=3, anomaly_rate=rate)
    calm = LoadModel(Kind.WATER, seed=3, anomaly_rate=0)
    step = timedelta(seconds=INTERVAL_S)
    kinds: defaultdict[str, list[tuple[datetime, float, float]]] = defaultdict(list)
    for n in range(1, count + 1):
        ts = MONDAY + n * step
        sample = model.sample(ts, INTERVAL_S)
        if sample.anomaly is not None:
            kinds[sample.anomaly].append((ts - step / 2, sample.value, calm.rate(ts - step / 2)))
    started = sum(len(found) for found in kinds.values())
    spread = 4 * (count * rate * (1 - rate)) ** 0.5  # four standard deviations
    assert abs(started - count * rate) < spread
    assert set(kinds) == {"spike", "leak"}
    assert all(at.hour < 5 for at, _, _ in kinds["leak"]), "leaks start at night"
    hours = INTERVAL_S / 3600
    spikes = [value / (expected * hours) for _, value, expected in kinds["spike"]]
    assert statistics.median(spikes) > 3, "a spike is several times the expected reading"


def test_back_off_honours_retry_after_and_otherwise_grows_to_a_cap() -> None:
    rng = random.Random(1)
    told = httpx.Response(429, headers={"Retry-After": "7"})
    assert 7 <= backoff_s(1, told, initial_s=0.5, max_s=60, rng=rng) <= 7.5
    dated = httpx.Response(
        503,
        headers={
            "Retry-After": (datetime.now(UTC) + timedelta(seconds=30)).strftime(
                "%a, %d %b %Y %H:%M:%S GMT"
            )
        },
    )
    assert 25 < backoff_s(1, dated, initial_s=0.5, max_s=60, rng=rng) <= 31
    waits = [backoff_s(n, None, initial_s=0.5, max_s=60, rng=rng) for n in range(1, 12)]
    assert 0.25 <= waits[0] <= 0.5
    assert 2 <= waits[3] <= 4
    assert all(30 <= wait <= 60 for wait in waits[8:]), "capped, with jitter below the cap"
    assert len({round(wait, 6) for wait in waits[8:]}) > 1, "jittered"


# --- over real HTTP --------------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    meter_id: str
    key: str | None
    api_key: str | None
    status: int
    readings: list[dict[str, Any]]


def _recording_api(scripts: dict[str, list[int]]) -> tuple[FastAPI, list[Seen]]:
    """A stand-in readings API: answers each meter's scripted statuses, then 201."""
    seen: list[Seen] = []
    app = FastAPI()

    @app.post("/api/v1/carbon/meters/{meter_id}/readings")
    async def ingest(meter_id: str, request: Request) -> JSONResponse:
        script = scripts.get(meter_id, [])
        status = script.pop(0) if script else 201
        body = json.loads(await request.body())
        seen.append(
            Seen(
                meter_id,
                request.headers.get("idempotency-key"),
                request.headers.get("x-api-key"),
                status,
                body["readings"],
            )
        )
        headers = {"Retry-After": "0"} if status == 429 else {}
        detail = {"detail": f"scripted {status}"}
        return JSONResponse(detail, status_code=status, headers=headers)

    return app, seen


def _times(readings: list[dict[str, Any]]) -> list[datetime]:
    return [datetime.fromisoformat(reading["ts"]) for reading in readings]


@asynccontextmanager
async def simulating(simulator: Simulator) -> AsyncIterator[Simulator]:
    task = asyncio.create_task(simulator.run())
    try:
        yield simulator
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def until(simulator: Simulator, condition: Callable[[dict[str, MeterStats]], bool]) -> None:
    await asyncio.wait_for(simulator.wait_until(condition), timeout=30)


async def test_transient_failures_are_retried_with_the_same_key_and_a_422_is_dropped() -> None:
    api, seen = _recording_api({"flaky": [503, 429], "refused": [422]})
    async with serving(api) as base:
        simulator = Simulator(
            base,
            "etk_test_secret",
            [SimulatedMeter("flaky", Kind.ELECTRICITY), SimulatedMeter("refused", Kind.WATER)],
            interval_s=0.05,
            backfill_s=0.2,
            seed=1,
            backoff_initial_s=0.01,
            backoff_max_s=0.05,
        )
        async with simulating(simulator):
            await until(
                simulator, lambda stats: stats["flaky"].batches >= 2 and stats["refused"].batches
            )
    flaky = [request for request in seen if request.meter_id == "flaky"]
    first, retry, success, after = flaky[:4]
    assert [first.status, retry.status, success.status] == [503, 429, 201]
    assert first.key is not None
    assert first.key.startswith("simulator-")
    assert first.key == retry.key == success.key, "a retried batch re-uses its key"
    assert first.readings == retry.readings == success.readings, "and its body"
    assert after.key != first.key, "a new batch, a new key"
    assert _times(after.readings)[0] == _times(success.readings)[-1] + timedelta(seconds=0.05)
    assert simulator.stats["flaky"].retries == 2
    assert {request.api_key for request in seen} == {"etk_test_secret"}

    refused, following = [request for request in seen if request.meter_id == "refused"][:2]
    assert refused.status == 422
    assert following.key != refused.key, "a 422 is dropped, not retried"
    assert _times(following.readings)[0] == _times(refused.readings)[-1] + timedelta(seconds=0.05)
    assert simulator.stats["refused"].dropped == 1
    assert simulator.stats["refused"].retries == 0


async def test_a_simulator_that_cannot_connect_keeps_trying_then_catches_up() -> None:
    port = free_port()
    api, seen = _recording_api({})
    simulator = Simulator(
        f"http://127.0.0.1:{port}",
        "etk_test_secret",
        [SimulatedMeter("m", Kind.GAS, unit="m3")],
        interval_s=0.05,
        backfill_s=0.1,
        backoff_initial_s=0.05,
        backoff_max_s=0.2,
    )
    async with simulating(simulator):
        await until(simulator, lambda stats: stats["m"].retries >= 3)
        assert seen == []
        async with serving(api, port):
            await until(simulator, lambda stats: stats["m"].batches >= 2)
    held, caught_up = seen[0], seen[1]
    assert len(caught_up.readings) > 1, "the intervals missed while away, in one batch"
    times = _times(held.readings) + _times(caught_up.readings)
    steps = {round((b - a).total_seconds(), 6) for a, b in pairwise(times)}
    assert steps == {0.05}, "no reading lost or repeated"
    assert all(reading["value"] >= 0 for reading in held.readings + caught_up.readings)


async def test_the_simulator_streams_readings_into_the_platform_over_http(
    settings: Settings,
) -> None:
    platform = Platform(settings)
    await platform.migrate()
    async with serving(platform.gateway) as base, httpx.AsyncClient(base_url=base) as http:
        admin, _, _ = await member_token(http, platform, "admin")
        auth = bearer(admin["access_token"])
        facility = await http.post(
            f"{CARBON}/facilities", json={"name": "Leeds", "region": "GB"}, headers=auth
        )
        assert facility.status_code == 201, facility.text
        meter = await http.post(
            f"{CARBON}/meters",
            json={
                "facility_id": facility.json()["id"],
                "name": "Main incomer",
                "kind": "electricity",
                "unit": "kWh",
            },
            headers=auth,
        )
        assert meter.status_code == 201, meter.text
        meter_id = meter.json()["id"]
        key = await http.post(
            "/api/v1/auth/api-keys",
            json={"name": "simulator", "scopes": ["readings:write"]},
            headers=auth,
        )
        assert key.status_code == 201, key.text
        simulator = Simulator(
            base,
            key.json()["key"],
            [SimulatedMeter(meter_id, Kind.ELECTRICITY)],
            interval_s=0.1,
            backfill_s=1.0,
            seed=5,
        )
        async with simulating(simulator):
            await until(simulator, lambda stats: stats[meter_id].batches >= 3)
        stats = simulator.stats[meter_id]
        stored = await http.get(
            f"{CARBON}/meters/{meter_id}/readings", params={"limit": 10_000}, headers=auth
        )
        assert stored.status_code == 200, stored.text
        times = _times(stored.json())
        as_key = await http.get(
            f"{CARBON}/meters/{meter_id}/readings", headers={"X-API-Key": key.json()["key"]}
        )
    # A batch in flight when the simulator was stopped may have landed too: only the
    # accepted ones are counted, and they are the first readings.
    assert stats.readings >= 11 + 2
    assert len(times) >= stats.readings
    assert times[stats.readings - 1] == stats.last_ts
    assert stats.dropped == 0
    assert all(t.microsecond % 100_000 == 0 for t in times), "aligned to the interval"
    steps = {round((b - a).total_seconds(), 6) for a, b in pairwise(times)}
    assert steps == {0.1}, "one reading an interval, none lost or repeated"
    assert datetime.now(UTC) - times[-1] < timedelta(seconds=30), "wall-clock times"
    assert as_key.status_code == 403, "the simulator's key only writes readings"


def test_simulate_refuses_a_meter_without_a_kind() -> None:
    answer = CliRunner().invoke(
        cli, ["simulate", "--api-key", "etk_x", "--meter", "abc"], catch_exceptions=False
    )
    assert answer.exit_code == 2
    assert "METER_ID:KIND" in answer.output
    answer = CliRunner().invoke(cli, ["simulate", "--api-key", "etk_x", "--meter", "abc:water:kWh"])
    assert answer.exit_code == 2
    assert "m3" in answer.output


# --- ecotrack up -----------------------------------------------------------------------------


@asynccontextmanager
async def up(platform: Platform) -> AsyncIterator[PlatformServer]:
    """What ``ecotrack up`` runs once migrated and seeded: the server, on a free port."""
    server = PlatformServer(platform, free_port(), simulate=True)
    task = asyncio.create_task(server.serve())
    ready = asyncio.create_task(server.ready.wait())
    try:
        await asyncio.wait({task, ready}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
        assert server.ready.is_set(), "the server did not start"
        yield server
    finally:
        ready.cancel()
        server.should_exit = True
        await asyncio.wait_for(task, 60)


async def _readings(platform: Platform, demo: DemoSeed) -> dict[str, list[dict[str, Any]]]:
    async with service_client(platform, "carbon", demo) as carbon:
        meters = (await carbon.get(f"{CARBON}/meters")).json()
        found = {}
        for meter in meters:
            if meter["name"] in {live.name for live in LIVE_METERS}:
                answer = await carbon.get(
                    f"{CARBON}/meters/{meter['id']}/readings", params={"limit": 10_000}
                )
                found[meter["name"]] = answer.json()
        return found


async def _simulator_keys(platform: Platform, demo: DemoSeed) -> list[dict[str, Any]]:
    async with service_client(platform, "auth", demo) as auth:
        keys: list[dict[str, Any]] = (await auth.get("/api/v1/auth/api-keys")).json()
    return [key for key in keys if key["name"] == SIMULATOR_KEY_NAME]


async def test_up_streams_the_demo_meters_within_seconds_and_resumes_after_a_restart(
    settings: Settings,
) -> None:
    platform = Platform(settings)
    await platform.migrate()
    demo = await seed_demo(platform)
    started = time.monotonic()
    async with up(platform) as server:
        assert server.simulator is not None
        await until(
            server.simulator,
            lambda stats: all(meter.batches >= 1 for meter in stats.values()),
        )
        arrived_s = time.monotonic() - started
        first = await _readings(platform, demo)
    assert arrived_s < 30, "the live meters show within seconds"
    assert set(first) == {live.name for live in LIVE_METERS}
    for readings in first.values():
        assert len(readings) > 300, "the first batch backfills the last hour"
        assert datetime.now(UTC) - _times(readings)[-1] < timedelta(minutes=1)
    [key] = await _simulator_keys(platform, demo)
    assert key["scopes"] == ["readings:write"]

    # A second `ecotrack up` on the same data, reading every half second to be quick
    quick = {"simulator_interval_s": 0.5, "simulator_batch_s": 0.5}
    again = Platform(settings.model_copy(update=quick))
    async with up(again) as server:
        assert server.simulator is not None
        await until(server.simulator, lambda stats: all(m.batches for m in stats.values()))
        assert all(m.dropped == 0 for m in server.simulator.stats.values()), "no repeated ts"
        second = await _readings(again, demo)
    keys = await _simulator_keys(again, demo)
    assert len(keys) == 2
    assert [key["revoked_at"] is None for key in keys] == [False, True], "the old key revoked"
    for name, readings in second.items():
        times = _times(readings)
        assert times[: len(first[name])] == _times(first[name])
        assert len(times) == len(set(times))


async def test_up_sends_nothing_when_the_simulator_is_off(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOTRACK_SIMULATOR_ENABLED", "false")
    off = settings.model_copy(update={"simulator_enabled": Settings().simulator_enabled})
    platform = Platform(off)
    await platform.migrate()
    demo = await seed_demo(platform)
    async with up(platform) as server:
        assert server.simulator is None
        readings = await _readings(platform, demo)
    assert set(readings) == {live.name for live in LIVE_METERS}, "the meters are seeded"
    assert all(found == [] for found in readings.values())
    assert await _simulator_keys(platform, demo) == [], "and no key is made"


async def test_the_production_profile_never_simulates(settings: Settings) -> None:
    production = settings.model_copy(update={"profile": Profile.PRODUCTION, "secret_key": "p" * 40})
    platform = Platform(production)
    try:
        assert await demo_simulator(platform, "http://127.0.0.1:1") is None
    finally:
        await platform.stop()
