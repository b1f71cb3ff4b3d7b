"""Async SQLAlchemy engines, one per service.

Each service owns its data: on PostgreSQL a schema of its own (selected through the
connection's ``search_path``), on the embedded default a SQLite file of its own. A
service's engine therefore cannot see another service's tables.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

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


class Database:
    def __init__(self, url: str, schema: str, *, pool_size: int = 10) -> None:
        self.url = make_url(url)
        self.schema = schema
        self.is_postgres = self.url.get_backend_name() == "postgresql"
        self.pool_size = pool_size
        self.engine = self._create_engine(pool_size)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

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
        return create_async_engine(
            self.url,
            pool_size=self.pool_size,
            isolation_level="AUTOCOMMIT",
            pool_recycle=600,
            hide_parameters=HIDE_PARAMETERS,
            connect_args={"server_settings": {"search_path": self.schema}},
        )

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
