"""A minimal service used to exercise the core's messaging without any domain rules.

It keeps notes (the state change), publishes ``note.written`` through its outbox, and
consumes notes into ``applications``, one row per handler run, so duplicates would show.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.core.database import Database
from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.events.tables import messaging_tables

metadata = sa.MetaData()
messaging = messaging_tables(metadata)
notes = sa.Table(
    "notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tenant", sa.String(36), nullable=False),
    sa.Column("text", sa.String(200), nullable=False),
)
applications = sa.Table(
    "applications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(36), nullable=False),
    sa.Column("text", sa.String(200), nullable=False),
)


async def create_schema(database: Database) -> None:
    async with database.engine.begin() as connection:
        if database.is_postgres:
            await connection.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{database.schema}"'))
        await connection.run_sync(metadata.create_all)


async def write_note(session: AsyncSession, outbox: Outbox, tenant: str, text: str) -> None:
    await session.execute(sa.insert(notes).values(tenant=tenant, text=text))
    await outbox.add(
        session, Event.new("note.written", source="ledger", tenant=tenant, data={"text": text})
    )


async def apply_note(session: AsyncSession, event: Event) -> None:
    await session.execute(
        sa.insert(applications).values(event_id=str(event.id), text=event.data["text"])
    )


async def applied(database: Database) -> Sequence[sa.Row[tuple[str, str]]]:
    async with database.session() as session:
        result = await session.execute(
            sa.select(applications.c.event_id, applications.c.text).order_by(applications.c.id)
        )
        return result.all()
