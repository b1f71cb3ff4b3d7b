"""One fixture layer for the whole suite.

Every test that asks for ``settings`` (or anything built on it) runs twice: on the
embedded defaults (SQLite files, in-process events, in-memory cache) and on the real
servers (PostgreSQL, Redis, a Kafka-protocol broker). Under ``CI=true`` a real backend
that cannot be reached fails the run; elsewhere those tests skip and say what to start.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Coroutine, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backends import (
    POSTGRES_ADMIN_URL,
    REDIS_URL,
    BackendUnavailable,
    RealBackends,
    check_and_flush_redis,
    check_postgres,
    create_database,
    drop_database,
    tansu_broker,
)
from chaos import Launcher
from ecotrack.core.config import Profile, Settings
from ecotrack.platform import Platform
from hosting import gateway_client, running_platform

IN_CI = os.environ.get("CI", "").lower() == "true"

# Fast loops so tests wait milliseconds, not the production poll intervals.
FAST = {
    "outbox_poll_interval_s": 0.02,
    "consumer_backoff_s": 0.01,
    "consumer_max_attempts": 3,
    "deletion_retry_after_s": 1.0,
}


# Before xdist's own hook, which turns the xdist_group marks into the groups it schedules.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``make test``), every test of the live ``ecotrack up`` goes to
    one worker, so that one platform and one Chromium serve them all."""
    for item in items:
        if "live_platform" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Fail at once if xdist did not group the browser tests, rather than silently start a
    platform per worker (pytest 9.2 with xdist 3.8 did: pytest-dev/pytest-xdist#1386)."""
    if not session.config.getoption("loadgroup", False):
        return
    ungrouped = [
        item.nodeid
        for item in session.items
        if item.get_closest_marker("xdist_group") and not item.nodeid.endswith("@browser")
    ]
    if ungrouped:
        raise pytest.UsageError(
            f"--dist loadgroup did not group {len(ungrouped)} browser tests, e.g. {ungrouped[0]}"
        )


def _run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine from a sync fixture, outside the test loop."""
    return asyncio.run(coroutine)


@pytest.fixture(scope="session", params=["embedded", "real"])
def backend(request: pytest.FixtureRequest) -> Iterator[RealBackends | None]:
    if request.param == "embedded":
        yield None
        return
    try:
        _run(check_postgres())
        _run(check_and_flush_redis())
        broker = tansu_broker()
        bootstrap = broker.__enter__()
    except BackendUnavailable as exc:
        if IN_CI:
            pytest.fail(f"CI=true and a real backend is unavailable: {exc}", pytrace=False)
        pytest.skip(f"real backends unavailable: {exc}")
    try:
        yield RealBackends(POSTGRES_ADMIN_URL, REDIS_URL, bootstrap)
    finally:
        broker.__exit__(None, None, None)


@pytest.fixture
def backend_kind(backend: RealBackends | None) -> str:
    return "embedded" if backend is None else "real"


@pytest.fixture
async def settings(backend: RealBackends | None, tmp_path: Path) -> AsyncIterator[Settings]:
    """Fresh, isolated settings per test: a new database, Redis DB and topic prefix."""
    if backend is None:
        yield Settings(profile=Profile.TEST, data_dir=tmp_path, **FAST)
        return
    database = f"ecotrack_test_{uuid.uuid4().hex[:12]}"
    await create_database(database)
    await check_and_flush_redis()
    try:
        yield Settings(
            profile=Profile.TEST,
            data_dir=tmp_path,
            database_url=backend.database_url(database),
            redis_url=backend.redis_url,
            kafka_bootstrap_servers=backend.kafka_bootstrap,
            kafka_topic_prefix=f"test{uuid.uuid4().hex[:8]}",
            kafka_session_timeout_ms=6000,
            **FAST,
        )
    finally:
        await drop_database(database)


@pytest.fixture
async def platform(settings: Settings) -> AsyncIterator[Platform]:
    async with running_platform(settings) as hosted:
        yield hosted


@pytest.fixture(scope="module")
def launcher() -> Iterator[Launcher]:
    """Forks ``ecotrack`` processes (tests/chaos.py) for the tests of one module."""
    started = Launcher()
    try:
        yield started
    finally:
        started.close()


@pytest.fixture
async def client(platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    async with gateway_client(platform) as http:
        yield http
