"""one audit trail: actor kind, object, detail and event id on audit entries

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor_kind", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("object_type", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("object_id", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("detail", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("event_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_log_event_id"), ["event_id"], unique=True)

    # Every entry so far is a person's membership change, written by Users itself.
    audit_log = sa.table(
        "audit_log",
        sa.column("organization_id", sa.String),
        sa.column("action", sa.String),
        sa.column("subject_id", sa.String),
        sa.column("actor_kind", sa.String),
        sa.column("object_type", sa.String),
        sa.column("object_id", sa.String),
    )
    op.execute(
        audit_log.update().values(
            actor_kind="user",
            object_type=sa.case(
                (audit_log.c.action == "organization.created", "organization"),
                (audit_log.c.action.like("invitation.%"), "invitation"),
                else_="member",
            ),
            object_id=sa.func.coalesce(audit_log.c.subject_id, audit_log.c.organization_id),
        )
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("object_type", existing_type=sa.String(length=40), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_event_id"))
        batch_op.drop_column("event_id")
        batch_op.drop_column("detail")
        batch_op.drop_column("object_id")
        batch_op.drop_column("object_type")
        batch_op.drop_column("actor_kind")
