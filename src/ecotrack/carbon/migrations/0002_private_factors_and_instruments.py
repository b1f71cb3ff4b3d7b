"""private factors and contractual instruments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 00:20:24.556432
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "instruments",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("factor_kg_per_kwh", sa.Double(), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_instruments_created_by", "instruments", ["created_by"])
    op.create_index("ix_instruments_organization_id", "instruments", ["organization_id"])
    op.create_table(
        "private_factors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("activity", sa.String(length=64), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("co2e_kg_per_unit", sa.Double(), nullable=False),
        sa.Column("gwp_basis", sa.String(length=8), nullable=True),
        sa.Column("dataset", sa.String(length=64), nullable=False),
        sa.Column("dataset_version", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("citation", sa.String(length=1000), nullable=False),
        sa.Column("source_url", sa.String(length=2000), nullable=False),
        sa.Column("licence", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_private_factors_created_by", "private_factors", ["created_by"])
    op.create_index("ix_private_factors_organization_id", "private_factors", ["organization_id"])


def downgrade() -> None:
    op.drop_index("ix_private_factors_organization_id", table_name="private_factors")
    op.drop_index("ix_private_factors_created_by", table_name="private_factors")
    op.drop_table("private_factors")
    op.drop_index("ix_instruments_organization_id", table_name="instruments")
    op.drop_index("ix_instruments_created_by", table_name="instruments")
    op.drop_table("instruments")
