"""What a service's database reports to Prometheus: its statements' times by kind, and its
pool's connections by state, read at scrape time."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from prometheus_client import REGISTRY

from ecotrack.core.config import Settings
from ecotrack.core.database import Database


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    # A schema of its own, so the counts below are this test's alone.
    name = f"probe_{uuid.uuid4().hex[:8]}"
    db = Database(settings.database_url_for(name), schema=name)
    if db.is_postgres:
        async with db.engine.begin() as connection:
            await connection.execute(sa.text(f"CREATE SCHEMA {name}"))
    yield db
    if db.is_postgres:
        async with db.engine.begin() as connection:
            await connection.execute(sa.text(f"DROP SCHEMA {name} CASCADE"))
    await db.dispose()


def statements(service: str, kind: str) -> float:
    labels = {"service": service, "statement": kind}
    return REGISTRY.get_sample_value("ecotrack_db_query_duration_seconds_count", labels) or 0


def connections(service: str, state: str) -> float | None:
    labels = {"service": service, "state": state}
    return REGISTRY.get_sample_value("ecotrack_db_pool_connections", labels)


async def test_statements_are_timed_by_kind_never_by_their_text(database: Database) -> None:
    service = database.schema
    async with database.session() as session:
        await session.execute(sa.text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
        await session.execute(
            sa.text("INSERT INTO notes (id, body) VALUES (1, :body)"), {"body": "x"}
        )
        await session.execute(sa.text("UPDATE notes SET body = :body"), {"body": "y"})
        await session.execute(sa.text("SELECT body FROM notes"))
        await session.execute(sa.text("DELETE FROM notes"))
    for kind in ("insert", "update", "select", "delete"):
        assert statements(service, kind) == 1, kind
    assert statements(service, "other") >= 1  # CREATE TABLE (and the driver's own)
    labels = {sample.labels.get("statement") for m in REGISTRY.collect() for sample in m.samples}
    assert "notes" not in str(labels)


async def test_the_pool_reports_connections_in_use_and_idle(database: Database) -> None:
    service = database.schema
    async with database.session() as session:
        await session.execute(sa.text("SELECT 1"))
        assert connections(service, "in_use") == 1
    assert connections(service, "in_use") == 0
    assert connections(service, "idle") == 1
    assert connections(service, "overflow") == 0
