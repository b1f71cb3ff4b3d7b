"""memberships view, from Users' member events, for the current-role check

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 06:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Empty at first: a membership not heard of yet is taken as the token states it, and
    # on Kafka the new consumer group reads the member topic from its start.
    op.create_table(
        "memberships",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", "user_id"),
    )


def downgrade() -> None:
    op.drop_table("memberships")
