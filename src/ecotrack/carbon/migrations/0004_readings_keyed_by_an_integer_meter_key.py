"""readings keyed by an integer meter key

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 01:38:02.461748
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meter_keys",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("meter_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("meter_id"),
    )
    with op.batch_alter_table("meter_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meter_keys_organization_id"), ["organization_id"], unique=False
        )
    op.execute(
        "INSERT INTO meter_keys (meter_id, organization_id) "
        "SELECT id, organization_id FROM meters ORDER BY created_at, id"
    )
    # the readings move to the new key through a copy without constraints, so the new
    # table's primary key can take the old one's name
    op.execute(
        "CREATE TABLE readings_by_seq AS SELECT k.seq AS meter_seq, r.ts, r.value "
        "FROM readings r JOIN meter_keys k ON k.meter_id = r.meter_id"
    )
    op.drop_table("readings")
    op.create_table(
        "readings",
        sa.Column("meter_seq", sa.Integer(), nullable=False),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("meter_seq", "ts"),
    )
    op.execute("INSERT INTO readings (meter_seq, ts, value) SELECT * FROM readings_by_seq")
    op.drop_table("readings_by_seq")


def downgrade() -> None:
    op.execute(
        "CREATE TABLE readings_by_id AS SELECT k.meter_id, r.ts, r.value "
        "FROM readings r JOIN meter_keys k ON k.seq = r.meter_seq"
    )
    op.drop_table("readings")
    op.create_table(
        "readings",
        sa.Column("meter_id", sa.String(length=36), nullable=False),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("meter_id", "ts"),
    )
    op.execute("INSERT INTO readings (meter_id, ts, value) SELECT * FROM readings_by_id")
    op.drop_table("readings_by_id")
    with op.batch_alter_table("meter_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meter_keys_organization_id"))

    op.drop_table("meter_keys")
