"""Cache and rate limits behave the same in memory and on Redis."""

from __future__ import annotations

import asyncio
import time

import pytest
from limits.aio.storage import MemoryStorage

from ecotrack.core.cache import RateLimiter, create_cache, create_rate_limiter
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
