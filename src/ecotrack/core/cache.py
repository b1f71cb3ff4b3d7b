"""Cache and rate limits: in memory by default, Redis when ``ECOTRACK_REDIS_URL`` is set.

Rate limiting uses the ``limits`` library (moving window), so the Redis-backed limit is
shared by every replica and the in-memory one behaves the same in a single process.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Protocol

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter
from prometheus_client import Counter
from redis.asyncio import Redis

from ecotrack.core.config import Settings


class Cache(Protocol):
    async def get(self, key: str) -> bytes | None: ...
    async def set(self, key: str, value: bytes, ttl_s: float) -> None: ...
    async def delete(self, key: str) -> None: ...
    async def ping(self) -> None: ...
    async def close(self) -> None: ...


class MemoryCache:
    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, bytes]] = {}

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires_at, value = entry
        if expires_at < time.monotonic():
            del self._entries[key]
            return None
        return value

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        self._entries[key] = (time.monotonic() + ttl_s, value)

    async def delete(self, key: str) -> None:
        self._entries.pop(key, None)

    async def ping(self) -> None:
        return None

    async def close(self) -> None:
        self._entries.clear()


class RedisCache:
    def __init__(self, url: str, prefix: str = "ecotrack:") -> None:
        self._redis = Redis.from_url(url)
        self._prefix = prefix

    async def get(self, key: str) -> bytes | None:
        value = await self._redis.get(self._prefix + key)
        return value.encode() if isinstance(value, str) else value

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        await self._redis.set(self._prefix + key, value, px=max(int(ttl_s * 1000), 1))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)

    async def ping(self) -> None:
        await self._redis.ping()

    async def close(self) -> None:
        await self._redis.aclose()


CACHE_REQUESTS = Counter(
    "ecotrack_cache_requests_total",
    "Cache calls by operation and result (hit, miss, ok, error)",
    ["backend", "operation", "result"],
)


class MeasuredCache:
    """A cache whose every call is counted: hits and misses of ``get``, errors of all."""

    def __init__(self, inner: Cache, backend: str) -> None:
        self._inner = inner
        self._backend = backend

    def _count(self, operation: str, result: str) -> None:
        CACHE_REQUESTS.labels(self._backend, operation, result).inc()

    async def get(self, key: str) -> bytes | None:
        try:
            value = await self._inner.get(key)
        except Exception:
            self._count("get", "error")
            raise
        self._count("get", "miss" if value is None else "hit")
        return value

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        await self._measured("set", self._inner.set(key, value, ttl_s))

    async def delete(self, key: str) -> None:
        await self._measured("delete", self._inner.delete(key))

    async def ping(self) -> None:
        await self._measured("ping", self._inner.ping())

    async def close(self) -> None:
        await self._inner.close()

    async def _measured(self, operation: str, call: Awaitable[None]) -> None:
        try:
            await call
        except Exception:
            self._count(operation, "error")
            raise
        self._count(operation, "ok")


def create_cache(settings: Settings) -> Cache:
    if settings.redis_url:
        return MeasuredCache(RedisCache(settings.redis_url), "redis")
    return MeasuredCache(MemoryCache(), "memory")


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    limit: int
    remaining: int
    reset_at: float

    @property
    def retry_after_s(self) -> int:
        return max(int(self.reset_at - time.time()) + 1, 1)


REJECTED = Counter(
    "ecotrack_rate_limit_rejections_total",
    "Requests refused by a rate limit, by limit kind (gateway.address, login, ...)",
    ["limit"],
)


class RateLimiter:
    """Named limits such as ``"100/minute"`` applied per key (tenant, address, account)."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        # Two counters per key (this window and the last, weighted), not a list of every
        # hit: constant memory, one Redis script per check, and in memory no sweep of
        # hit lists (the moving window's in-memory storage sorted each list in a thread
        # after every hit, a tenth of the gateway's CPU).
        self._limiter = SlidingWindowCounterRateLimiter(storage)
        # The counter weighs the last window's hits down as time passes, so hits that
        # straddle a window's end can exceed the limit a little; where the limit guards
        # against guessing (logins), ``strict`` counts every hit in the moving window.
        self._strict = MovingWindowRateLimiter(storage)

    async def hit(
        self, limit: str | RateLimitItem, *key: str, strict: bool = False
    ) -> RateLimitResult:
        item = parse(limit) if isinstance(limit, str) else limit
        limiter = self._strict if strict else self._limiter
        allowed = await limiter.hit(item, *key)
        if not allowed:
            # The key's last part is whose count it is (an address, an account): unbounded.
            REJECTED.labels(".".join(key[:-1])).inc()
        stats = await limiter.get_window_stats(item, *key)
        return RateLimitResult(
            allowed=allowed, limit=item.amount, remaining=stats.remaining, reset_at=stats.reset_time
        )

    async def reset(self) -> None:
        await self._storage.reset()


def create_rate_limiter(settings: Settings) -> RateLimiter:
    if settings.redis_url:
        uri = settings.redis_url.replace("redis://", "async+redis://", 1)
        return RateLimiter(RedisStorage(uri, implementation="redispy", key_prefix="ecotrack-rl"))
    return RateLimiter(MemoryStorage())
