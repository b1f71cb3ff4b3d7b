"""Async SQLAlchemy engines, one per service.

Each service owns its data: on PostgreSQL a schema of its own (selected through the
connection's ``search_path``), on the embedded default a SQLite file of its own. A
service's engine therefore cannot see another service's tables.
"""

from __future__ import annotations

import time
import weakref
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from prometheus_client import REGISTRY, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from ecotrack.core.errors import ServiceUnavailable

# Statement parameters (secrets, hashes, e-mail addresses) never appear in an error's
# message, and so in no log line or traceback that quotes it.
HIDE_PARAMETERS = True

QUERY_SECONDS = Histogram(
    "ecotrack_db_query_duration_seconds",
    "Time the database took for one statement, by the statement's kind",
    ["service", "statement"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
_STATEMENTS = frozenset({"select", "insert", "update", "delete"})
_STARTED = "ecotrack_started"


class _Pools(Collector):
    """``ecotrack_db_pool_connections{service,state}``, read off every live engine's pool
    at scrape time: in use, idle in the pool, and overflow beyond its size."""

    def __init__(self) -> None:
        self.databases: weakref.WeakSet[Database] = weakref.WeakSet()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "ecotrack_db_pool_connections",
            "Database connections by state (in_use, idle, overflow), per service",
            labels=["service", "state"],
        )
        counts: dict[tuple[str, str], float] = defaultdict(float)
        for database in list(self.databases):
            for engine in database.engines():
                pool = engine.sync_engine.pool
                for state, measure in (
                    ("in_use", "checkedout"),
                    ("idle", "checkedin"),
                    ("overflow", "overflow"),
                ):
                    read = getattr(pool, measure, None)  # only queue pools count these
                    if read is not None:
                        counts[database.schema, state] += max(int(read()), 0)
        for (service, state), value in sorted(counts.items()):
            family.add_metric([service, state], value)
        yield family


_POOLS = _Pools()
REGISTRY.register(_POOLS)


def _statement_kind(statement: str) -> str:
    words = statement.lstrip().split(None, 1)
    kind = words[0].lower() if words else ""
    return kind if kind in _STATEMENTS else "other"


def _measure_statements(engine: AsyncEngine, service: str) -> None:
    """Time every statement the engine runs (not its parameters: they are never read)."""

    def started(context: Any, **_: Any) -> None:
        if context is not None:
            setattr(context, _STARTED, time.perf_counter())

    def ended(statement: str, context: Any, **_: Any) -> None:
        began = getattr(context, _STARTED, None)
        if began is not None:
            elapsed = time.perf_counter() - began
            QUERY_SECONDS.labels(service, _statement_kind(statement)).observe(elapsed)

    event.listen(engine.sync_engine, "before_cursor_execute", started, named=True)
    event.listen(engine.sync_engine, "after_cursor_execute", ended, named=True)


class Database:
    def __init__(self, url: str, schema: str, *, pool_size: int = 10) -> None:
        self.url = make_url(url)
        self.schema = schema
        self.is_postgres = self.url.get_backend_name() == "postgresql"
        self.pool_size = pool_size
        self.engine = self._create_engine(pool_size)
        _measure_statements(self.engine, schema)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        _POOLS.databases.add(self)

    def engines(self) -> list[AsyncEngine]:
        """The engine, and the read engine once made (on PostgreSQL a pool of its own)."""
        read = self.__dict__.get("_read_engine")
        return [self.engine] if read is None or read is self.engine else [self.engine, read]

    def _create_engine(self, pool_size: int) -> AsyncEngine:
        if self.is_postgres:
            return create_async_engine(
                self.url,
                pool_size=pool_size,
                pool_pre_ping=True,
                hide_parameters=HIDE_PARAMETERS,
                connect_args={"server_settings": {"search_path": self.schema}},
            )
        database = self.url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            self.url, connect_args={"timeout": 30}, hide_parameters=HIDE_PARAMETERS
        )
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
        return engine

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: commits when the block succeeds, rolls back when it raises."""
        async with self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[AsyncConnection]:
        """A connection for reads outside any transaction: each query is one round trip.

        For the hot read paths (dashboards). No BEGIN/COMMIT, and on PostgreSQL no
        pre-ping: a connection the server has dropped fails one read, answered 503 with
        Retry-After, and leaves the pool, rather than every read paying a ping. Only
        reads go through here, so "nothing was written, retry" is true.
        """
        try:
            async with self._read_engine.connect() as connection:
                yield connection
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            raise ServiceUnavailable(
                "the database connection was lost; this was a read, please retry",
                headers={"Retry-After": "1"},
            ) from exc

    @cached_property
    def _read_engine(self) -> AsyncEngine:
        if not self.is_postgres:
            return self.engine.execution_options(isolation_level="AUTOCOMMIT")
        engine = create_async_engine(
            self.url,
            pool_size=self.pool_size,
            isolation_level="AUTOCOMMIT",
            pool_recycle=600,
            hide_parameters=HIDE_PARAMETERS,
            connect_args={"server_settings": {"search_path": self.schema}},
        )
        _measure_statements(engine, self.schema)
        return engine

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        if "_read_engine" in self.__dict__ and self.is_postgres:
            await self._read_engine.dispose()
        await self.engine.dispose()


_AFTER_COMMIT = "ecotrack.after_commit"


def after_commit(session: AsyncSession, callback: Callable[[], object]) -> None:
    """Call ``callback`` once ``session``'s transaction has committed; never if it rolls back.

    For what is true only once committed, such as a business metric's count: the API's unit
    of work commits after the route returns, a consumer's after its handler. Callbacks run
    in the order given, inside the commit, so they must be quick and must not raise.
    """
    pending: list[Callable[[], object]] | None = session.info.get(_AFTER_COMMIT)
    if pending is None:
        pending = session.info[_AFTER_COMMIT] = []
        event.listen(session.sync_session, "after_commit", _run_after_commit)
    pending.append(callback)


def _run_after_commit(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # a savepoint released: the transaction itself has yet to commit
    for callback in session.info.pop(_AFTER_COMMIT, ()):
        callback()


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run beside the one writer; the busy timeout queues writers
    # instead of failing them; SQLite leaves foreign keys off unless asked.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
