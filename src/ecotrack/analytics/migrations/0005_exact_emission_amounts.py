"""emission amounts exact to the picogram beside their milligrams, summed unrounded

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AGGREGATES = ("emissions_daily", "emissions_monthly", "emissions_overview")


def upgrade() -> None:
    # Stored amounts are whole milligrams: as milligrams with a rest of 0 they are the same
    # exact amounts. The versions behind them added each total rounded to the milligram,
    # and are marked so that replacing or deleting one subtracts just that; versions
    # arriving from now on add their unrounded figures. A rebuild (`ecotrack analytics
    # rebuild`) replays every version unrounded (docs/operations.md, "Limits").
    for table in AGGREGATES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("co2e_rest_pg", sa.BigInteger(), server_default="0", nullable=False)
            )
    with op.batch_alter_table("activity_versions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("whole_milligrams", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    versions = sa.table("activity_versions", sa.column("whole_milligrams", sa.Boolean()))
    op.execute(versions.update().values(whole_milligrams=True))


def downgrade() -> None:
    # Keeps each row's milligrams (its amount rounded) and drops the rest: totals are then
    # off by up to half a milligram a row, until a rebuild under revision 0004.
    with op.batch_alter_table("activity_versions", schema=None) as batch_op:
        batch_op.drop_column("whole_milligrams")
    for table in AGGREGATES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("co2e_rest_pg")
