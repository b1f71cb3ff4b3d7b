"""Cache and rate limits behave the same in memory and on Redis."""

from __future__ import annotations

import asyncio

from ecotrack.core.cache import create_cache, create_rate_limiter
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
