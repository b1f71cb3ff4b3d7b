"""Alembic migrations, one history per service, applied explicitly (never ``create_all``).

Every service keeps its revisions in ``ecotrack/<service>/migrations/`` and shares the
environment in ``ecotrack/core/alembic/``. The version table lives in the service's own
schema (PostgreSQL) or file (SQLite), so the histories never meet.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import structlog
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, text

from ecotrack.core.database import Database

log = structlog.get_logger(__name__)


def alembic_config(service: str, metadata: MetaData) -> Config:
    config = Config()
    config.set_main_option("path_separator", "os")
    config.set_main_option("script_location", str(files("ecotrack.core") / "alembic"))
    config.set_main_option("version_locations", str(files(f"ecotrack.{service}") / "migrations"))
    config.attributes["target_metadata"] = metadata
    return config


async def upgrade(database: Database, service: str, metadata: MetaData) -> str | None:
    """Bring a service's schema to its latest revision; returns that revision."""
    config = alembic_config(service, metadata)
    async with database.engine.begin() as connection:
        if database.is_postgres:
            await connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{database.schema}"'))
        await connection.run_sync(_upgrade, config)
    head = ScriptDirectory.from_config(config).get_current_head()
    log.info("migrations.applied", service=service, revision=head)
    return head


def _upgrade(connection: Connection, config: Config) -> None:
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def new_revision(database: Database, service: str, metadata: MetaData, message: str) -> str:
    """Autogenerate a revision from the difference between models and the database."""
    config = alembic_config(service, metadata)
    async with database.engine.begin() as connection:
        script = await connection.run_sync(_revision, config, message)
    return str(script.path)


def _revision(connection: Connection, config: Config, message: str) -> Any:
    config.attributes["connection"] = connection
    existing = list(ScriptDirectory.from_config(config).walk_revisions())
    rev_id = f"{len(existing) + 1:04d}"
    return command.revision(config, message=message, autogenerate=True, rev_id=rev_id)


async def current_revision(database: Database) -> str | None:
    async with database.engine.connect() as connection:
        return await connection.run_sync(_current_revision)


def _current_revision(connection: Connection) -> Any:
    return MigrationContext.configure(connection).get_current_revision()
