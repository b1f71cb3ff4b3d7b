"""read models, targets, anomalies, webhooks, reports

Revision ID: 0002
Revises: 0001
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
        "activity_versions",
        sa.Column("activity_id", sa.String(length=64), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("activity_id"),
    )
    with op.batch_alter_table("activity_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_versions_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "anomalies",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("meter_id", sa.String(length=64), nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("expected", sa.Double(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("anomalies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_anomalies_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "denominators",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", "year", "metric"),
    )
    op.create_table(
        "emissions_daily",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("facility_id", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.SmallInteger(), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("category", sa.SmallInteger(), nullable=False),
        sa.Column("gas", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("co2e_mg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "organization_id", "facility_id", "scope", "method", "category", "gas", "day"
        ),
    )
    with op.batch_alter_table("emissions_daily", schema=None) as batch_op:
        batch_op.create_index(
            "ix_emissions_daily_org_day", ["organization_id", "day"], unique=False
        )

    op.create_table(
        "emissions_monthly",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("facility_id", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.SmallInteger(), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("category", sa.SmallInteger(), nullable=False),
        sa.Column("gas", sa.String(length=16), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("co2e_mg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "organization_id", "facility_id", "scope", "method", "category", "gas", "month"
        ),
    )
    with op.batch_alter_table("emissions_monthly", schema=None) as batch_op:
        batch_op.create_index(
            "ix_emissions_monthly_org_month", ["organization_id", "month"], unique=False
        )

    op.create_table(
        "meter_hours",
        sa.Column("meter_id", sa.String(length=64), nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("facility_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("sum", sa.Double(), nullable=False),
        sa.Column("min", sa.Double(), nullable=False),
        sa.Column("max", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("meter_id", "hour"),
    )
    with op.batch_alter_table("meter_hours", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meter_hours_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "targets",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=True),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("scope2_method", sa.String(length=8), nullable=False),
        sa.Column("base_year", sa.Integer(), nullable=False),
        sa.Column("target_year", sa.Integer(), nullable=False),
        sa.Column("reduction_pct", sa.Double(), nullable=False),
        sa.Column("off_track_reported_year", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_targets_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "webhook_endpoints",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("event_types", sa.JSON(), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("webhook_endpoints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_webhook_endpoints_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "webhook_deliveries",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("endpoint_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["endpoint_id"], ["webhook_endpoints.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("endpoint_id", "event_id"),
    )
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_webhook_deliveries_due", ["status", "next_attempt_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_webhook_deliveries_organization_id"), ["organization_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_deliveries_organization_id"))
        batch_op.drop_index("ix_webhook_deliveries_due")

    op.drop_table("webhook_deliveries")
    with op.batch_alter_table("webhook_endpoints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_endpoints_organization_id"))

    op.drop_table("webhook_endpoints")
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_targets_organization_id"))

    op.drop_table("targets")
    with op.batch_alter_table("meter_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meter_hours_organization_id"))

    op.drop_table("meter_hours")
    with op.batch_alter_table("emissions_monthly", schema=None) as batch_op:
        batch_op.drop_index("ix_emissions_monthly_org_month")

    op.drop_table("emissions_monthly")
    with op.batch_alter_table("emissions_daily", schema=None) as batch_op:
        batch_op.drop_index("ix_emissions_daily_org_day")

    op.drop_table("emissions_daily")
    op.drop_table("denominators")
    with op.batch_alter_table("anomalies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_anomalies_organization_id"))

    op.drop_table("anomalies")
    with op.batch_alter_table("activity_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_versions_organization_id"))

    op.drop_table("activity_versions")
