"""emissions overview aggregate, filled from the monthly one it summarises

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 02:51:59.162115
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "emissions_overview",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.SmallInteger(), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("co2e_mg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", "scope", "method", "month"),
    )
    op.execute(
        "INSERT INTO emissions_overview (organization_id, scope, method, month, co2e_mg) "
        "SELECT organization_id, scope, method, month, sum(co2e_mg) FROM emissions_monthly "
        "GROUP BY organization_id, scope, method, month"
    )


def downgrade() -> None:
    op.drop_table("emissions_overview")
