"""Cache and rate limits behave the same in memory and on Redis."""

from __future__ import annotations

import asyncio
import time

import pytest
from limits.aio.storage import MemoryStorage
from prometheus_client import REGISTRY
from redis.exceptions import ConnectionError as RedisConnectionError

from backends import free_port
from ecotrack.core.cache import (
    MeasuredCache,
    RateLimiter,
    RedisCache,
    create_cache,
    create_rate_limiter,
)
from ecotrack.core.config import Settings


async def test_cache_keeps_values_until_they_expire(settings: Settings) -> None:
    cache = create_cache(settings)
    try:
        await cache.ping()
        await cache.set("jwks", b"{}", ttl_s=0.2)
        assert await cache.get("jwks") == b"{}"
        assert await cache.get("other") is None
        await asyncio.sleep(0.35)
        assert await cache.get("jwks") is None
        await cache.set("k", b"v", ttl_s=60)
        await cache.delete("k")
        assert await cache.get("k") is None
    finally:
        await cache.close()


async def test_rate_limits_count_per_key_and_say_when_to_retry(settings: Settings) -> None:
    limiter = create_rate_limiter(settings)
    results = [await limiter.hit("3/minute", "org", "a") for _ in range(4)]
    assert [r.allowed for r in results] == [True, True, True, False]
    assert [r.remaining for r in results] == [2, 1, 0, 0]
    assert results[-1].limit == 3
    assert 1 <= results[-1].retry_after_s <= 61
    other = await limiter.hit("3/minute", "org", "b")
    assert other.allowed, "another key has its own budget"


async def test_strict_limits_never_allow_more_than_the_limit_across_a_window_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Five hits 5 s before a minute ends, five more 5 s after: ten in ten seconds.
    clock = [60.0 * 1_000_000 - 5]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    limiter = RateLimiter(MemoryStorage())
    for strict in (False, True):
        clock[0] = 60.0 * 1_000_000 - 5
        for _ in range(5):
            assert (await limiter.hit("10/minute", str(strict), strict=strict)).allowed
        clock[0] += 10
        for _ in range(5):
            assert (await limiter.hit("10/minute", str(strict), strict=strict)).allowed
    # The counter weighs the last minute's five by 55/60: 4.58 + 5 < 10, so it lets an
    # eleventh through; that is why logins use the strict, moving-window count.
    assert (await limiter.hit("10/minute", "False")).allowed
    assert not (await limiter.hit("10/minute", "True", strict=True)).allowed


async def test_cache_calls_are_counted_by_result(settings: Settings) -> None:
    cache = create_cache(settings)
    backend = "redis" if settings.redis_url else "memory"

    def count(operation: str, result: str) -> float:
        labels = {"backend": backend, "operation": operation, "result": result}
        return REGISTRY.get_sample_value("ecotrack_cache_requests_total", labels) or 0

    before = {(op, r): count(op, r) for op, r in (("get", "hit"), ("get", "miss"), ("set", "ok"))}
    try:
        await cache.set("counted", b"1", ttl_s=60)
        assert await cache.get("counted") == b"1"
        assert await cache.get("never-set") is None
    finally:
        await cache.close()
    after = {key: count(*key) - value for key, value in before.items()}
    assert after == {("get", "hit"): 1, ("get", "miss"): 1, ("set", "ok"): 1}


async def test_a_cache_that_cannot_be_reached_counts_an_error() -> None:
    unreachable = MeasuredCache(RedisCache(f"redis://127.0.0.1:{free_port()}/0"), "redis")
    labels = {"backend": "redis", "operation": "get", "result": "error"}
    before = REGISTRY.get_sample_value("ecotrack_cache_requests_total", labels) or 0
    try:
        with pytest.raises(RedisConnectionError):
            await unreachable.get("anything")
    finally:
        await unreachable.close()
    assert REGISTRY.get_sample_value("ecotrack_cache_requests_total", labels) == before + 1
