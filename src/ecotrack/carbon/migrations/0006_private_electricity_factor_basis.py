"""private electricity factors say whether they are a grid average or supplier-specific

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("private_factors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("electricity_basis", sa.String(length=20), nullable=True))
    # Until now a private electricity.grid factor stood in for the grid factor, that is the
    # location-based figure: as a grid average it keeps doing so, and no number changes.
    op.execute(
        "UPDATE private_factors SET electricity_basis = 'grid_average' "
        "WHERE activity = 'electricity.grid'"
    )


def downgrade() -> None:
    # Before this revision every private electricity factor replaced the grid factor, so a
    # supplier-specific one would silently enter location-based figures again: refuse.
    market_only = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT count(*) FROM private_factors "
                "WHERE electricity_basis IN ('supplier_specific', 'residual_mix')"
            )
        )
        .scalar_one()
    )
    if market_only:
        raise RuntimeError(
            f"{market_only} private electricity factors are supplier-specific or residual "
            "mix; revision 0005 would take them as grid averages: delete them first"
        )
    with op.batch_alter_table("private_factors", schema=None) as batch_op:
        batch_op.drop_column("electricity_basis")
