"""Messaging tables every service keeps in its own schema: its outbox and its inbox.

The outbox holds events written in the same transaction as the state change; the inbox
(``processed_events``) records which events a consumer group has applied, written in
the consumer's own transaction, which is what makes redelivery harmless.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from alembic import op

from ecotrack.core.models import UTCDateTime


@dataclass(frozen=True)
class MessagingTables:
    outbox: sa.Table
    processed_events: sa.Table


def _outbox_columns() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("event_type", sa.String(120), nullable=False),
        sa.Column("tenant", sa.String(64), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=True, index=True),
    ]


def _processed_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("consumer_group", sa.String(120), primary_key=True),
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("processed_at", UTCDateTime(), nullable=False),
    ]


def messaging_tables(metadata: sa.MetaData) -> MessagingTables:
    """Declare the outbox and inbox on a service's metadata."""
    return MessagingTables(
        outbox=sa.Table("outbox", metadata, *_outbox_columns()),
        processed_events=sa.Table("processed_events", metadata, *_processed_columns()),
    )


def create_messaging_tables() -> None:
    """For a service's first migration: create the outbox and inbox (version 1)."""
    op.create_table("outbox", *_outbox_columns())
    op.create_table("processed_events", *_processed_columns())


def drop_messaging_tables() -> None:
    op.drop_table("processed_events")
    op.drop_table("outbox")
